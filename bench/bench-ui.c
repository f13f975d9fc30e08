/* bench-ui.c — the metrics people feel in the window: B2, B3, B4, B5, B6, B8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-bench"

#include "config.h"

#include <adwaita.h>

#include "bench.h"
#include "crm-record-list.h"
#include "crm-search.h"
#include "crm-application.h"
#include "crm-list-view.h"
#include "crm-module-view.h"
#include "crm-window.h"
#include "crm-search-page.h"
#include "crm-kanban.h"
#include "crm-kanban-view.h"

/* The main window's default size (com.example.Crm window-width/height). */
#define WINDOW_WIDTH 1200
#define WINDOW_HEIGHT 780
#define WAIT_TIMEOUT_MS 60000

gboolean
bench_ui_available (void)
{
  static int available = -1;

  if (available < 0)
    {
      available = gtk_init_check ();
      if (available)
        adw_init ();
    }
  return available;
}

/*
 * Frames: work time is "layout" to "after-paint" on the window's frame
 * clock, as in PERFORMANCE.md §5.
 */

typedef struct
{
  GtkWidget     *window;
  GdkFrameClock *clock;
  double         layout_start;
  double         layout_cpu;
  GArray        *cpu;           /* ms of CPU per frame, while recording */
  guint          paints;
  GArray        *frames;        /* ms, while recording */
  gboolean       recording;
} Frames;

static void
on_layout_cb (GdkFrameClock *clock,
              Frames        *f)
{
  if (f->layout_start == 0)
    {
      f->layout_start = bench_now_ms ();
      f->layout_cpu = bench_cpu_ms ();
    }
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Frames        *f)
{
  if (f->recording && f->layout_start > 0)
    {
      double ms = bench_now_ms () - f->layout_start;
      double cpu = bench_cpu_ms () - f->layout_cpu;
      g_array_append_val (f->frames, ms);
      g_array_append_val (f->cpu, cpu);
    }
  f->layout_start = 0;
  f->paints++;
}

static gboolean
iterate_until (gboolean (*done) (gpointer),
               gpointer   data)
{
  double deadline = bench_now_ms () + WAIT_TIMEOUT_MS;

  while (!done (data))
    {
      if (bench_now_ms () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }
  return TRUE;
}

typedef struct
{
  Frames *f;
  guint   target;
} PaintWait;

static gboolean
painted (gpointer data)
{
  PaintWait *w = data;
  return w->f->paints >= w->target;
}

/* Returns once a frame has been painted after this call. */
static gboolean
frames_wait_paint (Frames *f)
{
  PaintWait w = { f, f->paints + 1 };

  gtk_widget_queue_draw (f->window);
  return iterate_until (painted, &w);
}

static gboolean
mapped (gpointer data)
{
  Frames *f = data;
  return gtk_widget_get_mapped (f->window) && f->paints > 0;
}

static void
on_realize_cb (GtkWidget *window,
               Frames    *f)
{
  f->clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (f->clock, "layout", G_CALLBACK (on_layout_cb), f);
  g_signal_connect (f->clock, "after-paint", G_CALLBACK (on_after_paint_cb), f);
}

static Frames *
frames_new (GtkWidget *window)
{
  Frames *f = g_new0 (Frames, 1);

  f->window = window;
  f->frames = g_array_new (FALSE, FALSE, sizeof (double));
  f->cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), f);
  return f;
}

static gboolean
frames_show (Frames *f)
{
  gtk_window_present (GTK_WINDOW (f->window));
  return iterate_until (mapped, f);
}

static void
frames_free (Frames *f)
{
  if (f->clock != NULL)
    g_signal_handlers_disconnect_by_data (f->clock, f);
  g_signal_handlers_disconnect_by_data (f->window, f);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_array_unref (f->frames);
  g_array_unref (f->cpu);
  g_free (f);
}

/*
 * The application's own window, in this process: the list, the board and
 * the search results are measured where people use them, with the
 * sidebar, header bar and counts around them.
 */

static GtkApplication *
bench_app (GError **error)
{
  static CrmApplication *app;

  if (app == NULL)
    {
      app = crm_application_new ();
      if (!g_application_register (G_APPLICATION (app), NULL, error))
        {
          g_clear_object (&app);
          return NULL;
        }
    }
  return GTK_APPLICATION (app);
}

static gboolean
idle_done (gpointer data)
{
  return !g_main_context_pending (NULL);
}


static GtkAdjustment *
find_vadjustment (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkAdjustment *adj = find_vadjustment (child);
      if (adj != NULL)
        return adj;
    }
  return NULL;
}

static CrmRecordList *
list_get_model (GtkWidget *list)
{
  return crm_list_view_get_model (CRM_LIST_VIEW (list));
}

static gboolean
list_loaded (gpointer data)
{
  CrmRecordList *model = list_get_model (data);
  return model != NULL && !crm_record_list_is_loading (model);
}

/* Long lists read their ids after the first page on a worker thread. */
static gboolean
list_wait_loaded (GtkWidget *list)
{
  return iterate_until (list_loaded, list);
}

/* A main window on a database, showing a module (NULL: Home). */
typedef struct
{
  CrmStore  *store;
  GtkWidget *window;        /* borrowed: the application holds it */
  GtkWidget *module_view;   /* borrowed, NULL on Home */
  GtkWidget *list;          /* the module view's list */
  Frames    *frames;
} ListWindow;

static void
list_window_free (ListWindow *lw)
{
  if (lw == NULL)
    return;
  if (lw->frames != NULL)
    frames_free (lw->frames);
  g_clear_object (&lw->list);
  g_clear_object (&lw->store);
  g_free (lw);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ListWindow, list_window_free)

static ListWindow *
list_window_new (const char  *db,
                 const char  *module,
                 GError     **error)
{
  g_autoptr(ListWindow) lw = g_new0 (ListWindow, 1);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkApplication *app = bench_app (error);

  if (app == NULL)
    return NULL;
  /* Every window starts as a first start would, not where the previous
   * one was left. */
  g_settings_set_string (settings, "last-module", "home");
  g_settings_set_string (settings, "last-view", "list");

  lw->store = crm_store_open (db, error);
  if (lw->store == NULL)
    return NULL;
  lw->window = GTK_WIDGET (crm_window_new (CRM_APPLICATION (app), lw->store));
  lw->frames = frames_new (lw->window);
  if (module != NULL)
    {
      if (!crm_window_show_module (CRM_WINDOW (lw->window), module, "list", error))
        return NULL;
      lw->module_view = crm_window_get_module_view (CRM_WINDOW (lw->window), module);
      lw->list = g_object_ref (GTK_WIDGET (crm_module_view_get_list_view (CRM_MODULE_VIEW (lw->module_view))));
    }
  if (!frames_show (lw->frames) || (lw->list != NULL && !list_wait_loaded (lw->list)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "the window never showed");
      return NULL;
    }
  iterate_until (idle_done, NULL);
  return g_steal_pointer (&lw);
}

/*
 * B3: re-sort until the first page is painted
 */

typedef struct
{
  ListWindow *lw;
  const char *field;
  char       *sql;
  const char *db;
  GArray     *complete;   /* ms until the whole order was in */
} SortRun;

static double
sort_ours (Bench     *bench,
           gpointer   data,
           GError   **error)
{
  SortRun *run = data;
  CrmModuleView *view = CRM_MODULE_VIEW (run->lw->module_view);
  double start, cpu, painted;
  gboolean was_loading;

  /* From the default order each time, so every run is a real re-sort:
   * the sort a column header or the view menu asks for. */
  crm_module_view_set_sort (view, NULL, FALSE);
  if (!frames_wait_paint (run->lw->frames) || !list_wait_loaded (run->lw->list))
    return -1;
  iterate_until (idle_done, NULL);
  cpu = bench_cpu_ms ();
  start = bench_now_ms ();
  crm_module_view_set_sort (view, run->field, FALSE);
  was_loading = crm_record_list_is_loading (list_get_model (run->lw->list));
  g_debug ("set_query %.2f ms (cpu %.2f), %u page loads", bench_now_ms () - start, bench_cpu_ms () - cpu, crm_record_list_get_page_loads (list_get_model (run->lw->list)));
  if (!frames_wait_paint (run->lw->frames))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "no frame after the sort");
      return -1;
    }
  painted = bench_now_ms () - start;
  bench_note_cpu (bench, bench_cpu_ms () - cpu);
  g_debug ("painted %.2f ms (cpu %.2f), %u page loads", painted, bench_cpu_ms () - cpu, crm_record_list_get_page_loads (list_get_model (run->lw->list)));
  /* Not part of the figure, but told in the note: when the scrollbar
   * covers the whole list. */
  if (!list_wait_loaded (run->lw->list))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "the list never finished loading");
      return -1;
    }
  if (was_loading)
    {
      double complete = bench_now_ms () - start;
      g_array_append_val (run->complete, complete);
    }
  return painted;
}

static double
sort_base (Bench     *bench,
           gpointer   data,
           GError   **error)
{
  SortRun *run = data;
  const char *argv[] = { "sqlite3", "-batch", run->db, run->sql, NULL };

  return bench_run_process (argv, error);
}

void
bench_ui_sort (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ListWindow) lw = list_window_new (bench->leads_db, "leads", &error);
  static const struct { const char *id, *field, *label; } sorts[] = {
    { "B3a", "last_name", "last name" },
    { "B3b", "city", "city" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      g_autofree char *metric = g_strdup_printf ("Re-sort %u leads by %s until the first page is painted vs the same ORDER BY in the sqlite3 CLI",
                                                 bench->config->leads, sorts[i].label);
      SortRun run = { lw, sorts[i].field, NULL, bench->leads_db, g_array_new (FALSE, FALSE, sizeof (double)) };
      double ours, base;

      if (lw == NULL ||
          (run.sql = bench_data_sort_sql (lw->store, "leads", sorts[i].field, &error)) == NULL ||
          !bench_measure (bench, sort_ours, sort_base, &run, &ours, &base, &error))
        bench_fail_result (bench, sorts[i].id, metric, "ms", 1.3, 0, error->message);
      else
        {
          BenchResult *r = bench_add_result (bench, sorts[i].id, metric, "ms", ours, base, 1.3, 0);

          if (run.complete->len > 0)
            r->note = g_strdup_printf ("the first page is painted while the rest of the order is read on a worker thread; "
                                       "the whole order was in after %.0f ms (median)", bench_median (run.complete));
        }
      g_free (run.sql);
      g_array_unref (run.complete);
      if (lw != NULL)
        g_clear_error (&error);
    }
}

/*
 * B4: scroll frames
 */

typedef struct
{
  ListWindow *lw;
  guint       frame;
  guint       n_frames;
  gboolean    done;
} ScrollRun;

/* Half a page a frame, with a jump to somewhere else every 30th frame: a
 * flick through the list plus the scrollbar grabbed now and then. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  ScrollRun *run = data;
  GtkAdjustment *adj = find_vadjustment (run->lw->list);
  double range = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
  double value = gtk_adjustment_get_value (adj);

  if (run->frame >= run->n_frames)
    {
      run->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  if (run->frame % 30 == 29)
    value = range * ((run->frame * 0.618034) - (guint) (run->frame * 0.618034));
  else
    value += gtk_adjustment_get_page_size (adj) / 2;
  if (value > range)
    value = 0;
  gtk_adjustment_set_value (adj, value);
  run->frame++;
  return G_SOURCE_CONTINUE;
}

static gboolean
scroll_done (gpointer data)
{
  ScrollRun *run = data;
  return run->done;
}

/* Scrolls n frames and returns the p95 frame work time. */
static double
scroll_run (ListWindow  *lw,
            guint        n_frames,
            double       p,
            double      *cpu,
            GError     **error)
{
  Frames *f = lw->frames;
  ScrollRun run = { lw, 0, n_frames, FALSE };
  double result;

  gtk_adjustment_set_value (find_vadjustment (lw->list), 0);
  if (!frames_wait_paint (f))
    return -1;
  g_array_set_size (f->frames, 0);
  g_array_set_size (f->cpu, 0);
  f->recording = TRUE;
  gtk_widget_add_tick_callback (lw->list, scroll_tick_cb, &run, NULL);
  if (!iterate_until (scroll_done, &run) || !frames_wait_paint (f))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "scrolling stalled");
      return -1;
    }
  f->recording = FALSE;
  result = bench_percentile (f->frames, p);
  if (cpu != NULL)
    *cpu = bench_percentile (f->cpu, p);
  g_debug ("scroll: %u frames, p50 %.2f p95 %.2f max %.2f; cpu p50 %.2f p95 %.2f", f->frames->len,
           bench_percentile (f->frames, 50), bench_percentile (f->frames, 95), bench_percentile (f->frames, 100),
           bench_percentile (f->cpu, 50), bench_percentile (f->cpu, 95));
  return result;
}

typedef struct
{
  ListWindow *big;
  ListWindow *small;
} ScrollPair;

static double
scroll_side (Bench      *bench,
             ListWindow *lw,
             GError    **error)
{
  double cpu = 0;
  double p95 = scroll_run (lw, bench->config->scroll_frames, 95, &cpu, error);

  bench_note_cpu (bench, cpu);
  return p95;
}

static double
scroll_ours (Bench *bench, gpointer data, GError **error)
{
  return scroll_side (bench, ((ScrollPair *) data)->big, error);
}

static double
scroll_base (Bench *bench, gpointer data, GError **error)
{
  return scroll_side (bench, ((ScrollPair *) data)->small, error);
}

void
bench_ui_scroll (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *metric = g_strdup_printf ("Scroll frame work (layout → after-paint), p95 of %u frames, %u leads vs %u",
                                             bench->config->scroll_frames, bench->config->leads, bench->config->small);
  g_autoptr(ListWindow) big = list_window_new (bench->leads_db, "leads", &error);
  g_autoptr(ListWindow) small = big ? list_window_new (bench->small_db, "leads", &error) : NULL;
  ScrollPair pair = { big, small };
  double ours, base;

  if (small == NULL || !bench_measure (bench, scroll_ours, scroll_base, &pair, &ours, &base, &error))
    bench_fail_result (bench, "B4", metric, "ms", 1.3, 8, error->message);
  else
    bench_add_result (bench, "B4", metric, "ms", ours, base, 1.3, 8);
}

/*
 * B5: search as you type
 */

/* Two- and three-letter prefixes and phone fragments, as typed. */
static const char *search_keys[] = {
  "ma", "mar", "sc", "sch", "jo", "joh", "li", "lin", "ga", "gar",
  "ro", "rob", "ku", "kus", "wi", "wij",
  "415", "415 2", "415 23", "212", "212 5", "212 55", "0812", "62 81",
};

/* Typing goes into the header's search entry. Its debounce (the entry's
 * search-delay) is a choice, not work: the clock starts when the entry
 * emits search-changed, before the window's own handler runs. */
typedef struct
{
  ListWindow *lw;
  GtkWidget  *entry;
  double      changed;
  double      changed_cpu;
} SearchRun;

static gboolean
search_changed_hook (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               data)
{
  SearchRun *run = data;

  if (g_value_get_object (&values[0]) == (gpointer) run->entry)
    {
      run->changed = bench_now_ms ();
      run->changed_cpu = bench_cpu_ms ();
    }
  return TRUE;
}

static gboolean
search_changed (gpointer data)
{
  SearchRun *run = data;
  return run->changed > 0;
}

static double
search_ours (Bench     *bench,
             gpointer   data,
             GError   **error)
{
  SearchRun *run = data;
  CrmSearchPage *page = CRM_SEARCH_PAGE (crm_window_get_search_page (CRM_WINDOW (run->lw->window)));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < G_N_ELEMENTS (search_keys); i++)
    {
      double ms, used;

      run->changed = 0;
      gtk_editable_set_text (GTK_EDITABLE (run->entry), search_keys[i]);
      if (!iterate_until (search_changed, run) || !frames_wait_paint (run->lw->frames))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "no frame after typing");
          return -1;
        }
      ms = bench_now_ms () - run->changed;
      used = bench_cpu_ms () - run->changed_cpu;
      g_array_append_val (times, ms);
      g_array_append_val (cpus, used);
      g_debug ("search “%s”: %.2f ms (cpu %.2f), %u hits", search_keys[i], ms, used,
               crm_search_page_get_n_results (page));
    }
  gtk_editable_set_text (GTK_EDITABLE (run->entry), "");
  iterate_until (idle_done, NULL);
  frames_wait_paint (run->lw->frames);
  bench_note_cpu (bench, bench_percentile (cpus, 95));
  return bench_percentile (times, 95);
}

/* The bare FTS5 query for the same words, as many rows as the window
 * shows for the two modules that hold people. */
static double
search_base (Bench     *bench,
             gpointer   data,
             GError   **error)
{
  SearchRun *run = data;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = crm_store_get_db (run->lw->store);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT rowid, title FROM search_index WHERE search_index MATCH ?1 LIMIT ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      crm_store_set_sqlite_error (run->lw->store, error);
      return -1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (search_keys); i++)
    {
      double start = bench_now_ms ();
      double cpu = bench_cpu_ms ();
      g_autofree char *match = crm_search_build_match (search_keys[i]);
      double ms, used;
      guint n = 0;

      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, CRM_SEARCH_PER_MODULE * 2);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        n++;
      sqlite3_reset (stmt);
      ms = bench_now_ms () - start;
      used = bench_cpu_ms () - cpu;
      g_array_append_val (times, ms);
      g_array_append_val (cpus, used);
      g_debug ("raw “%s”: %.2f ms, %u rows", search_keys[i], ms, n);
    }
  sqlite3_finalize (stmt);
  bench_note_cpu (bench, bench_percentile (cpus, 95));
  return bench_percentile (times, 95);
}

void
bench_ui_search (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *metric = g_strdup_printf ("Search as you type over %u leads + %u contacts, keystroke → results painted, p95 vs raw FTS5 MATCH",
                                             bench->config->leads, bench->config->contacts);
  g_autoptr(ListWindow) lw = list_window_new (bench->leads_db, "leads", &error);
  SearchRun run = { lw, NULL, 0, 0 };
  guint signal_id = g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY);
  gulong hook;
  double ours, base;

  if (lw == NULL)
    {
      bench_fail_result (bench, "B5", metric, "ms", 3, 50, error->message);
      return;
    }
  run.entry = GTK_WIDGET (crm_window_get_search_entry (CRM_WINDOW (lw->window)));
  hook = g_signal_add_emission_hook (signal_id, 0, search_changed_hook, &run, NULL);
  if (!bench_measure (bench, search_ours, search_base, &run, &ours, &base, &error))
    bench_fail_result (bench, "B5", metric, "ms", 3, 50, error->message);
  else
    {
      BenchResult *r = bench_add_result (bench, "B5", metric, "ms", ours, base, 3, 50);

      r->note = g_strdup ("typed into the window's search entry; the time runs from its search-changed "
                          "(after the entry's 200 ms debounce) to the frame that shows the results page; "
                          "the baseline runs the same MATCH expressions, LIMIT 12, on the same connection");
    }
  g_signal_remove_emission_hook (signal_id, hook);
}

/*
 * B6: Kanban
 */

typedef struct
{
  Bench      *bench;
  ListWindow *lw;
  GtkWidget  *view;          /* the board, once open */
  gint64      deal;
  guint       moves;
  double      committed;     /* when records-changed told of the deal */
  double      committed_cpu;
  GArray     *drop_to_commit;
} KanbanRun;

/* Connected before the window is made, so it runs first: right after the
 * commit, before the board's own handlers. */
static void
on_deal_changed_cb (CrmStore   *store,
                    const char *module,
                    gint64      id,
                    KanbanRun  *run)
{
  if (id == run->deal && run->committed == 0)
    {
      run->committed = bench_now_ms ();
      run->committed_cpu = bench_cpu_ms ();
    }
}

static gboolean
committed (gpointer data)
{
  KanbanRun *run = data;
  return run->committed > 0;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A fresh window on the Leads list each time; the clock runs from
 * switching to the Deals board to its first frame. */
static double
kanban_open (Bench     *bench,
             gpointer   data,
             GError   **error)
{
  KanbanRun *run = data;
  GtkWidget *module_view;
  double start, cpu, ms;

  g_clear_pointer (&run->lw, list_window_free);
  run->view = NULL;
  run->lw = list_window_new (run->bench->leads_db, "leads", error);
  if (run->lw == NULL)
    return -1;
  g_signal_connect (run->lw->store, "records-changed::deals", G_CALLBACK (on_deal_changed_cb), run);

  cpu = bench_cpu_ms ();
  start = bench_now_ms ();
  if (!crm_window_show_module (CRM_WINDOW (run->lw->window), "deals", "kanban", error))
    return -1;
  if (!frames_wait_paint (run->lw->frames))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "the board never painted");
      return -1;
    }
  ms = bench_now_ms () - start;
  bench_note_cpu (bench, bench_cpu_ms () - cpu);
  iterate_until (idle_done, NULL);

  module_view = crm_window_get_module_view (CRM_WINDOW (run->lw->window), "deals");
  run->view = module_view ? find_widget (module_view, CRM_TYPE_KANBAN_VIEW) : NULL;
  if (run->view == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no board in the Deals view");
      return -1;
    }
  return ms;
}

static const char *
next_stage (KanbanRun *run)
{
  return run->moves++ % 2 == 0 ? "Needs Analysis" : "Value Proposition";
}

/* The core move a drop makes, with the board open and listening. */
static double
kanban_drop (Bench     *bench,
             gpointer   data,
             GError   **error)
{
  KanbanRun *run = data;
  gint64 change = 0;
  double start, cpu, ms;

  run->committed = 0;
  cpu = bench_cpu_ms ();
  start = bench_now_ms ();
  if (!crm_store_move_record (run->lw->store, "deals", run->deal, "stage", next_stage (run), 0, NULL, &change, error))
    return -1;
  if (run->committed == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the move told nobody");
      return -1;
    }
  ms = run->committed - start;
  bench_note_cpu (bench, run->committed_cpu - cpu);
  iterate_until (idle_done, NULL);

  /* The same through the board, as a drop: it paints the card in its
   * new column first, then writes. Told in the note. */
  run->committed = 0;
  start = bench_now_ms ();
  crm_kanban_view_move (CRM_KANBAN_VIEW (run->view), run->deal, next_stage (run), 0);
  if (!iterate_until (committed, run))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "the drop was never committed");
      return -1;
    }
  if (!bench->warming)
    {
      double full = run->committed - start;
      g_array_append_val (run->drop_to_commit, full);
    }
  iterate_until (idle_done, NULL);
  return ms;
}

void
bench_ui_kanban (Bench *bench)
{
  g_autofree char *open = g_strdup_printf ("Kanban with %u deals: open to first frame", bench->config->deals);
  g_autofree char *drop = g_strdup_printf ("Kanban with %u deals: drop → committed", bench->config->deals);
  g_autoptr(GError) error = NULL;
  KanbanRun run = { bench, NULL, NULL, 1, 0, 0, 0, g_array_new (FALSE, FALSE, sizeof (double)) };
  double ours;

  if (!bench_measure (bench, kanban_open, NULL, &run, &ours, NULL, &error))
    bench_fail_result (bench, "B6a", open, "ms", 0, 150, error->message);
  else
    {
      BenchResult *r = bench_add_result (bench, "B6a", open, "ms", ours, -1, 0, 150);

      r->note = g_strdup ("from the Leads list of a fresh window to the first frame of the Deals board");
    }
  g_clear_error (&error);

  if (run.view == NULL || !bench_measure (bench, kanban_drop, NULL, &run, &ours, NULL, &error))
    bench_fail_result (bench, "B6b", drop, "ms", 0, 10, error ? error->message : "no board");
  else
    {
      BenchResult *r = bench_add_result (bench, "B6b", drop, "ms", ours, -1, 0, 10);

      r->note = g_strdup_printf ("the figure is the core move a drop runs (crm_store_move_record: validation, "
                                 "history, card position, commit) with the board open; through the board's own "
                                 "drop path, which paints the card in its new column first and writes after that "
                                 "frame, drop → committed took %.1f ms (median)", bench_median (run.drop_to_commit));
    }
  if (run.lw != NULL)
    g_signal_handlers_disconnect_by_data (run.lw->store, &run);
  g_clear_pointer (&run.lw, list_window_free);
  g_array_unref (run.drop_to_commit);
}

/*
 * Child processes: B2 (cold start) and B8 (peak RSS)
 */

typedef struct
{
  const char *mode;
  const char *db;
  Frames     *frames;
  ListWindow *lw;
  int         status;
} Child;

static void
print_first_frame_cb (GdkFrameClock *clock,
                      Child         *child)
{
  g_print ("first-frame %.3f %.3f\n", bench_now_ms (), bench_cpu_ms ());
  g_signal_handlers_disconnect_by_data (clock, child);
  g_application_quit (g_application_get_default ());
}

static void
on_child_realize_cb (GtkWidget *window,
                     Child     *child)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (print_first_frame_cb), child);
}

/* The baseline: what any libadwaita application shows first. */
static void
on_bare_activate_cb (GApplication *app,
                     Child        *child)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), gtk_label_new ("CRM"));
  g_signal_connect (window, "realize", G_CALLBACK (on_child_realize_cb), child);
  gtk_window_present (GTK_WINDOW (window));
}

static void
log_stage_cb (GApplication *app,
              const char   *stage)
{
  g_debug ("%s: cpu %.1f ms", stage, bench_cpu_ms ());
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    Child          *child)
{
  g_signal_connect (window, "realize", G_CALLBACK (on_child_realize_cb), child);
}

/* Ours: the application itself, as `crm --database DB --module leads`
 * starts it. */
static int
child_start (Child *child)
{
  g_autoptr(GApplication) app = NULL;
  int status;

  if (g_str_equal (child->mode, "start-bare"))
    {
      char *argv[] = { (char *) "crm-bench", NULL };

      app = G_APPLICATION (adw_application_new (APP_ID, G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (on_bare_activate_cb), child);
      status = g_application_run (app, 1, argv);
    }
  else
    {
      char *argv[] = { (char *) "crm", (char *) "--database", (char *) child->db,
                       (char *) "--module", (char *) "leads", (char *) "--view", (char *) "list", NULL };

      app = G_APPLICATION (crm_application_new ());
      g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), child);
      g_signal_connect (app, "startup", G_CALLBACK (log_stage_cb), (gpointer) "started up");
      g_signal_connect (app, "activate", G_CALLBACK (log_stage_cb), (gpointer) "activating");
      g_signal_connect_after (app, "activate", G_CALLBACK (log_stage_cb), (gpointer) "activated");
      status = g_application_run (app, G_N_ELEMENTS (argv) - 1, argv);
    }
  return status != 0 ? status : child->status;
}

/* Opens the list, scrolls it top to bottom in 200 frames, prints the peak
 * resident set size. */
static int
child_rss (Child *child)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ListWindow) lw = NULL;
  ScrollRun run = { NULL, 0, 200, FALSE };
  GtkAdjustment *adj;

  if (!bench_ui_available ())
    return 77;
  lw = list_window_new (child->db, "leads", &error);
  if (lw == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  adj = find_vadjustment (lw->list);
  run.lw = lw;
  for (run.frame = 0; run.frame <= run.n_frames; run.frame++)
    {
      double range = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);

      gtk_adjustment_set_value (adj, range * run.frame / run.n_frames);
      if (!frames_wait_paint (lw->frames))
        return 1;
    }
  g_print ("rss %.2f\n", bench_peak_rss_mb ());
  return 0;
}

int
bench_ui_child (const char *mode,
                const char *db)
{
  Child child = { mode, db, NULL, NULL, 0 };

  if (g_str_equal (mode, "rss"))
    return child_rss (&child);
  if (g_str_has_prefix (mode, "start-"))
    return child_start (&child);
  g_printerr ("unknown child mode %s\n", mode);
  return 2;
}

typedef struct
{
  const char *mode;
  const char *db;
  const char *key;
} ChildRun;

static double
child_first_frame (Bench     *bench,
                   gpointer   data,
                   GError   **error)
{
  ChildRun *run = data;
  const char *args[] = { "--child", run->mode, run->db, NULL };
  double start = bench_now_ms ();
  g_autofree char *line = bench_run_child (bench, args, "first-frame ", error);
  char *end = NULL;
  double frame;

  if (line == NULL)
    return -1;
  frame = g_ascii_strtod (line, &end);
  bench_note_cpu (bench, g_ascii_strtod (end, NULL));
  return frame - start;
}

static double
child_value (Bench     *bench,
             gpointer   data,
             GError   **error)
{
  ChildRun *run = data;
  const char *args[] = { "--child", run->mode, run->db, NULL };
  g_autofree char *line = bench_run_child (bench, args, run->key, error);

  return line ? g_ascii_strtod (line, NULL) : -1;
}

typedef struct
{
  ChildRun   ours;
  ChildRun   base;
  BenchFunc  func;
} ChildPair;

static double
pair_ours (Bench *bench, gpointer data, GError **error)
{
  ChildPair *pair = data;
  return pair->func (bench, &pair->ours, error);
}

static double
pair_base (Bench *bench, gpointer data, GError **error)
{
  ChildPair *pair = data;
  return pair->func (bench, &pair->base, error);
}

void
bench_ui_cold_start (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *metric = g_strdup_printf ("Cold start to the first painted frame of the Leads list (%u leads) vs a bare AdwApplicationWindow",
                                             bench->config->leads);
  ChildPair pair = { { "start-app", bench->leads_db, NULL }, { "start-bare", bench->leads_db, NULL }, child_first_frame };
  double ours, base;

  if (!bench_measure (bench, pair_ours, pair_base, &pair, &ours, &base, &error))
    bench_fail_result (bench, "B2", metric, "ms", 1.6, 0, error->message);
  else
    bench_add_result (bench, "B2", metric, "ms", ours, base, 1.6, 0);
}

void
bench_ui_rss (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *metric = g_strdup_printf ("Peak RSS, Leads list open and scrolled end to end, %u leads vs %u",
                                             bench->config->leads, bench->config->small);
  ChildPair pair = { { "rss", bench->leads_db, "rss " }, { "rss", bench->small_db, "rss " }, child_value };
  double ours, base;

  if (!bench_measure (bench, pair_ours, pair_base, &pair, &ours, &base, &error))
    bench_fail_result (bench, "B8", metric, "MB", 1.3, 0, error->message);
  else
    bench_add_result (bench, "B8", metric, "MB", ours, base, 1.3, 0);
}
