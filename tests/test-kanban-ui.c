/* test-kanban-ui.c — the Kanban board and the Canvas view, driven like a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (xvfb-run -a dbus-run-session). The drag test moves the
 * real pointer with xdotool and skips when xdotool is missing. With
 * CRM_SCREENSHOT_DIR set, the board and the canvas are also saved as PNGs.
 */

#include "config.h"

#include <adwaita.h>

#include "crm-canvas-view.h"
#include "crm-card-designer.h"
#include "crm-kanban-view.h"
#include "crm-test-util.h"

typedef struct
{
  char          *dir;
  CrmStore      *store;
  GtkWindow     *window;
  CrmKanbanView *board;
  gint64         finished_id;
  gint64         finished_change;
  gboolean       finished_moved;
  guint          finished;
} Fixture;

/*
 * Sample data: a small sales team's pipeline.
 */

static const char *accounts[] = {
  "PT Maju Jaya", "Nusantara Logistics", "Sinar Mas Retail", "Borneo Timber", "Bali Resorts Group",
  "Garuda Engineering", "Kopi Kenangan Supply", "Java Textiles", "Sumatra Palm Co", "Lombok Fisheries",
};

static const struct {
  const char *name;
  const char *stage;
  const char *amount;
  int         days;     /* closing date, from today */
  int         owner;
} deals[] = {
  { "Fleet telematics rollout", "Qualification", "48000", 40, 0 },
  { "Warehouse scanners", "Qualification", "12500", -3, 1 },
  { "POS terminals, 40 stores", "Qualification", "86000", 60, 2 },
  { "Annual support renewal", "Qualification", "9900", 21, 0 },
  { "Sawmill sensors pilot", "Needs Analysis", "23000", 30, 1 },
  { "Guest Wi-Fi upgrade", "Needs Analysis", "31500", 14, 2 },
  { "CAD licences", "Value Proposition", "17800", -10, 0 },
  { "Cold-chain monitoring", "Value Proposition", "64000", 45, 1 },
  { "Loom controllers", "Identify Decision Makers", "120000", 75, 2 },
  { "Plantation drones", "Proposal/Price Quote", "54000", 12, 0 },
  { "Catch tracking app", "Proposal/Price Quote", "28000", -1, 1 },
  { "ERP integration", "Negotiation/Review", "150000", 9, 2 },
  { "Store analytics", "Closed Won", "42000", -20, 0 },
  { "Courier handhelds", "Closed Won", "36000", -35, 1 },
  { "Hotel kiosks", "Closed Lost", "19000", -15, 2 },
};

static gint64 user_ids[3];

static void
seed_pipeline (CrmStore *store)
{
  static const char *users[] = { "Dewi Lestari", "Budi Santoso", "Rina Wijaya" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 account_ids[G_N_ELEMENTS (accounts)];

  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    user_ids[i] = crm_store_add_user (store, users[i], NULL, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    account_ids[i] = crm_test_create (store, "accounts", "account_name", accounts[i], NULL);

  for (guint i = 0; i < G_N_ELEMENTS (deals); i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (now, deals[i].days);
      g_autofree char *date = g_date_time_format (when, "%Y-%m-%d");
      g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT, account_ids[i % G_N_ELEMENTS (accounts)]);
      g_autofree char *owner = g_strdup_printf ("%" G_GINT64_FORMAT, user_ids[deals[i].owner]);

      crm_test_create (store, "deals", "deal_name", deals[i].name, "account_name", account,
                       "amount", deals[i].amount, "closing_date", date, "stage", deals[i].stage,
                       "owner_id", owner, NULL);
    }
}

static gint64
deal_id (Fixture    *f,
         const char *name)
{
  g_autoptr(CrmQuery) query = crm_query_new ("deals");
  g_autoptr(GArray) ids = NULL;

  crm_query_add_criterion (query, "deal_name", CRM_OP_IS, g_variant_new_string (name), NULL);
  ids = crm_store_query_ids (f->store, query, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  return g_array_index (ids, gint64, 0);
}

static char *
deal_field (Fixture    *f,
            gint64      id,
            const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmRecord) record = crm_store_load_record (f->store, "deals", id, &error);
  GVariant *value;

  g_assert_no_error (error);
  value = crm_record_get_value (record, field);
  if (value == NULL)
    return NULL;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
}

/*
 * Main loop helpers
 */

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until cond returns TRUE or seconds pass. */
static gboolean
wait_for (gboolean (*cond) (gpointer),
          gpointer   data,
          double     seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add ((guint) (seconds * 1000), timeout_cb, &timed_out);

  while (!cond (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return cond (data);
}

static void
spin (double seconds)
{
  gboolean done = FALSE;

  g_timeout_add ((guint) (seconds * 1000), timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
is_finished (gpointer data)
{
  return ((Fixture *) data)->finished > 0;
}

static void
on_move_finished_cb (CrmKanbanView *board,
                     gint64         id,
                     gint64         change,
                     gboolean       moved,
                     Fixture       *f)
{
  f->finished_id = id;
  f->finished_change = change;
  f->finished_moved = moved;
  f->finished++;
}

static gboolean
is_drawn (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static void
show_in_window (Fixture   *f,
                GtkWidget *child,
                int        width,
                int        height)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (f->window, "CRM board test");
  gtk_window_set_default_size (f->window, width, height);
  gtk_window_set_child (f->window, child);
  gtk_window_present (f->window);
  g_assert_true (wait_for (is_drawn, child, 10));
  spin (0.3);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = crm_test_open_store (&f->dir);
  seed_pipeline (f->store);
}

static void
open_board (Fixture *f,
            int      width,
            int      height)
{
  f->board = CRM_KANBAN_VIEW (crm_kanban_view_new (f->store, "deals"));
  g_signal_connect (f->board, "move-finished", G_CALLBACK (on_move_finished_cb), f);
  show_in_window (f, GTK_WIDGET (f->board), width, height);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  spin (0.05);
  g_clear_object (&f->store);
  crm_test_remove_dir (f->dir);
  g_free (f->dir);
}

/*
 * Screenshots
 */

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  const char *dir = g_getenv ("CRM_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *canvas;

  if (g_getenv ("CRM_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("CRM_SCREENSHOT_DIR is not set");
      return;
    }
  open_board (f, 1400, 820);
  save_png (GTK_WIDGET (f->window), "kanban.png");

  gtk_window_set_child (f->window, NULL);
  f->board = NULL;
  canvas = crm_canvas_view_new (f->store, "deals");
  gtk_window_set_child (f->window, canvas);
  spin (0.5);
  save_png (GTK_WIDGET (f->window), "canvas.png");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipping the UI tests\n");
      return 77;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* AdwApplication would load it; tests have none. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/com/example/Crm/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/kanban-ui/screenshots", test_screenshots);

  return g_test_run ();
}
