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
#include <gdk/x11/gdkx.h>

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


static CrmRecordList *
column_list (Fixture    *f,
             const char *value)
{
  CrmKanbanColumn *column = crm_kanban_view_get_column (f->board, value);

  g_assert_nonnull (column);
  return crm_kanban_column_get_model (column);
}

/* Whether a visible label shows `text` as a whole line or cell (cards set
 * their fields as "Label<tab>value" lines of one label). */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_auto(GStrv) parts = g_strsplit_set (gtk_label_get_text (GTK_LABEL (widget)), "\n\t", -1);

      if (g_strv_contains ((const char * const *) parts, text))
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/*
 * The board
 */

static void
test_board_columns (Fixture       *f,
                    gconstpointer  data)
{
  CrmKanbanColumn *column;
  CrmRecordList *list;

  open_board (f, 1400, 820);

  /* Every stage in picklist order, with its cards and its totals. */
  column = crm_kanban_view_get_column (f->board, "Qualification");
  g_assert_nonnull (column);
  list = crm_kanban_column_get_model (column);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_true (has_label (GTK_WIDGET (column), "$156,400.00"));
  g_assert_true (has_label (GTK_WIDGET (column), "Weighted $15,640.00"));
  g_assert_nonnull (crm_kanban_view_get_column (f->board, "Closed-Lost to Competition"));
  g_assert_null (crm_kanban_view_get_column (f->board, NULL));
  g_assert_nonnull (crm_kanban_column_find_card (column, deal_id (f, "Warehouse scanners")));
  /* The stage is the column: the cards leave it out. */
  g_assert_false (has_label (GTK_WIDGET (column), "Stage"));
  g_assert_true (has_label (GTK_WIDGET (column), "Overdue"));

  /* The filter applies to the board and its totals. */
  {
    g_autoptr(CrmQuery) query = crm_query_new ("deals");
    crm_query_add_criterion (query, "amount", CRM_OP_GREATER, g_variant_new_int64 (4000000), NULL);
    crm_kanban_view_set_query (f->board, query);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
    spin (0.1);
    g_assert_true (has_label (GTK_WIDGET (column), "$134,000.00"));
  }

  /* Collapsing drops the column's cards and is remembered for the module. */
  g_signal_emit_by_name (column, "collapse-toggled", TRUE);
  g_assert_true (crm_kanban_column_get_collapsed (column));
  g_assert_null (crm_kanban_column_get_model (column));
  {
    g_auto(GStrv) collapsed = crm_kanban_dup_collapsed (f->store, "deals", "stage");
    g_assert_true (g_strv_contains ((const char * const *) collapsed, "Qualification"));
  }
  g_signal_emit_by_name (column, "collapse-toggled", FALSE);
  g_assert_nonnull (crm_kanban_column_get_model (column));
}

static void
test_group_and_sum_choice (Fixture       *f,
                           gconstpointer  data)
{
  open_board (f, 1400, 820);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "kanban.group-by", "s", "lead_source"));
  g_assert_cmpstr (crm_kanban_view_get_group_field (f->board), ==, "lead_source");
  g_assert_nonnull (crm_kanban_view_get_column (f->board, NULL));   /* nobody set a source */
  g_assert_nonnull (crm_kanban_view_get_column (f->board, "Cold Call"));
  g_assert_null (crm_kanban_view_get_column (f->board, "Qualification"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "kanban.sum-by", "s", "expected_revenue"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "kanban.group-by", "s", "stage"));
  g_assert_true (has_label (GTK_WIDGET (crm_kanban_view_get_column (f->board, "Qualification")), "$15,640.00"));

  /* Kept per module, for the next board. */
  {
    g_autofree char *group = crm_kanban_dup_group_field (f->store, "deals");
    g_autofree char *sum = crm_kanban_dup_sum_field (f->store, "deals");
    g_assert_cmpstr (group, ==, "stage");
    g_assert_cmpstr (sum, ==, "expected_revenue");
  }
}

static void
test_keyboard_move (Fixture       *f,
                    gconstpointer  data)
{
  gint64 id;
  CrmRecordCard *card;
  g_autofree char *stage = NULL;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  GtkWidget *focus;

  open_board (f, 1400, 820);
  id = deal_id (f, "Warehouse scanners");
  card = crm_kanban_column_find_card (crm_kanban_view_get_column (f->board, "Qualification"), id);
  g_assert_nonnull (card);
  gtk_widget_grab_focus (GTK_WIDGET (card));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (card)));

  /* Ctrl+Shift+Right on the focused card: a real key press when possible. */
  if (xdotool != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      const char *argv[] = { xdotool, "key", "--clearmodifiers", "ctrl+shift+Right", NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);
      g_assert_no_error (error);
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (card), "card.move-right", NULL);

  g_assert_true (wait_for (is_finished, f, 10));
  g_assert_true (f->finished_moved);
  g_assert_cmpint (f->finished_change, >, 0);
  stage = deal_field (f, id, "stage");
  g_assert_cmpstr (stage, ==, "Needs Analysis");
  /* At the top of its new column, and still under the keyboard. */
  g_assert_cmpint (crm_record_list_get_id (column_list (f, "Needs Analysis"), 0), ==, id);
  spin (0.3);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (CRM_IS_RECORD_CARD (focus));
  g_assert_cmpint (crm_record_card_get_id (CRM_RECORD_CARD (focus)), ==, id);

  /* "Move To" in the card's menu does the same. */
  f->finished = 0;
  g_assert_true (gtk_widget_activate_action (focus, "card.move-to", "s", "Value Proposition"));
  g_assert_true (wait_for (is_finished, f, 10));
  g_free (stage);
  stage = deal_field (f, id, "stage");
  g_assert_cmpstr (stage, ==, "Value Proposition");
  g_assert_cmpint (crm_record_list_find (column_list (f, "Needs Analysis"), id), ==, -1);

  /* Nothing left of the first column: a bell, no move. */
  f->finished = 0;
  id = deal_id (f, "Annual support renewal");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "kanban.move-by", "(xi)", id, -1));
  spin (0.2);
  g_assert_cmpuint (f->finished, ==, 0);
}

static void
test_refused_move_goes_back (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *account = NULL;
  g_autofree char *stage = NULL;
  CrmRecordList *from, *to;
  gint64 id, gone;
  gint index;

  account = g_strdup ("PT Maju Jaya");
  id = crm_test_create (f->store, "deals", "deal_name", "Consulting hours", "account_name", account,
                        "closing_date", "2031-01-01", "stage", "Negotiation/Review", NULL);
  open_board (f, 1400, 820);
  from = column_list (f, "Negotiation/Review");
  to = column_list (f, "Closed Won");
  index = crm_record_list_find (from, id);
  g_assert_cmpint (index, >=, 0);

  /* Shown at once in its new column... */
  crm_kanban_view_move (f->board, id, "Closed Won", 0);
  g_assert_cmpint (crm_record_list_find (to, id), >=, 0);
  g_assert_cmpint (crm_record_list_find (from, id), ==, -1);

  /* ...and back where it was when the core refuses (no amount). */
  g_assert_true (wait_for (is_finished, f, 10));
  g_assert_false (f->finished_moved);
  g_assert_cmpint (crm_record_list_find (to, id), ==, -1);
  g_assert_cmpint (crm_record_list_find (from, id), ==, index);
  stage = deal_field (f, id, "stage");
  g_assert_cmpstr (stage, ==, "Negotiation/Review");

  /* Deleted in the meantime: refused, and not brought back to life. */
  f->finished = 0;
  gone = deal_id (f, "Plantation drones");
  crm_kanban_view_move (f->board, gone, "Negotiation/Review", 0);
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (crm_store_delete_record (f->store, "deals", gone, &error));
  }
  g_assert_true (wait_for (is_finished, f, 10));
  g_assert_false (f->finished_moved);
  g_assert_cmpint (crm_record_list_find (column_list (f, "Proposal/Price Quote"), gone), ==, -1);
  g_assert_cmpint (crm_record_list_find (from, gone), ==, -1);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (windows, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog () != NULL;
}

static void
test_lost_asks_reason (Fixture       *f,
                       gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkDropDown *reasons;
  GListModel *model;
  g_autofree char *stage = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *probability = NULL;
  gint64 id, kept;

  open_board (f, 1400, 820);
  id = deal_id (f, "Plantation drones");
  crm_kanban_view_move (f->board, id, "Closed Lost", 0);
  g_assert_true (wait_for (has_dialog, NULL, 5));
  dialog = find_dialog ();
  reasons = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  model = gtk_drop_down_get_model (reasons);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
      if (g_str_equal (gtk_string_object_get_string (item), "Lost to Competitor"))
        gtk_drop_down_set_selected (reasons, i);
    }
  adw_message_dialog_response (dialog, "lost");
  gtk_window_close (GTK_WINDOW (dialog));

  g_assert_true (wait_for (is_finished, f, 10));
  g_assert_true (f->finished_moved);
  stage = deal_field (f, id, "stage");
  reason = deal_field (f, id, "reason_for_loss");
  probability = deal_field (f, id, "probability");
  g_assert_cmpstr (stage, ==, "Closed Lost");
  g_assert_cmpstr (reason, ==, "Lost to Competitor");
  g_assert_cmpstr (probability, ==, "0");

  /* Cancel keeps the card where it is. */
  f->finished = 0;
  kept = deal_id (f, "Catch tracking app");
  crm_kanban_view_move (f->board, kept, "Closed-Lost to Competition", 0);
  g_assert_true (wait_for (has_dialog, NULL, 5));
  dialog = find_dialog ();
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (wait_for (is_finished, f, 10));
  g_assert_false (f->finished_moved);
  g_free (stage);
  stage = deal_field (f, kept, "stage");
  g_assert_cmpstr (stage, ==, "Proposal/Price Quote");

  /* Closed Won asks nothing and sets 100 %. */
  f->finished = 0;
  id = deal_id (f, "ERP integration");
  crm_kanban_view_move (f->board, id, "Closed Won", 0);
  g_assert_true (wait_for (is_finished, f, 10));
  g_assert_null (find_dialog ());
  g_free (probability);
  probability = deal_field (f, id, "probability");
  g_assert_cmpstr (probability, ==, "10000");
}

/*
 * The real pointer
 */

static void
on_process_done_cb (GObject      *process,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (process), result, NULL);
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
screen_point (GtkWidget *widget,
              double     x,
              double     y,
              Fixture   *f,
              int        origin_x,
              int        origin_y,
              int       *sx,
              int       *sy)
{
  graphene_point_t p;
  double tx, ty;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (f->window), &GRAPHENE_POINT_INIT (x, y), &p));
  gtk_native_get_surface_transform (GTK_NATIVE (f->window), &tx, &ty);
  *sx = origin_x + (int) (p.x + tx);
  *sy = origin_y + (int) (p.y + ty);
}

static void
window_origin (Fixture *f,
               const char *xdotool,
               int        *origin_x,
               int        *origin_y)
{
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (f->window))));
  const char *args[] = { xdotool, "getwindowgeometry", "--shell", xid, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) geo = g_subprocess_newv (args, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_autofree char *geometry = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (geo, NULL, NULL, &geometry, NULL, &error));
  g_assert_no_error (error);
  *origin_x = *origin_y = 0;
  lines = g_strsplit (geometry, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "X="))
        *origin_x = atoi (lines[i] + 2);
      else if (g_str_has_prefix (lines[i], "Y="))
        *origin_y = atoi (lines[i] + 2);
    }
}

/* Runs xdotool with the given arguments while the main loop turns. */
static void
run_xdotool (GPtrArray *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, on_process_done_cb, &done);
  g_assert_true (wait_for (is_true, &done, 30));
  g_assert_true (g_subprocess_get_successful (process));
}

#define XDO(...) g_ptr_array_add (argv, g_strdup_printf (__VA_ARGS__))
#define EDGE_MARGIN 80   /* px: the board's own scroll zone is 64 */

/* Pointer moves in small steps, as a hand would. */
static void
add_path (GPtrArray *argv,
          int        x0,
          int        y0,
          int        x1,
          int        y1,
          int        steps)
{
  for (int i = 1; i <= steps; i++)
    {
      XDO ("mousemove"); XDO ("%d", x0 + (x1 - x0) * i / steps); XDO ("%d", y0 + (y1 - y0) * i / steps);
      XDO ("sleep"); XDO ("0.04");
    }
}

static void
test_drag_scrolls_board (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autoptr(GPtrArray) argv = NULL;
  g_autofree char *stage = NULL;
  GtkAdjustment *hadj;
  CrmRecordCard *card;
  GtkWidget *target;
  int ox, oy, x0, y0, x1, y1, x2, y2;
  gint64 id;

  if (xdotool == NULL || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("needs xdotool on an X11 display");
      return;
    }
  open_board (f, 1100, 700);
  window_origin (f, xdotool, &ox, &oy);
  id = deal_id (f, "Warehouse scanners");
  card = crm_kanban_column_find_card (crm_kanban_view_get_column (f->board, "Qualification"), id);
  g_assert_nonnull (card);
  hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (gtk_widget_get_parent (
           gtk_widget_get_parent (GTK_WIDGET (crm_kanban_view_get_column (f->board, "Qualification"))))));
  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), ==, 0);

  /* Hold the card at the board's right edge: the board scrolls. */
  screen_point (GTK_WIDGET (card), 60, 20, f, ox, oy, &x0, &y0);
  screen_point (GTK_WIDGET (f->board), gtk_widget_get_width (GTK_WIDGET (f->board)) - 12, 360, f, ox, oy, &x1, &y1);
  argv = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (argv, g_strdup (xdotool));
  XDO ("mousemove"); XDO ("%d", x0); XDO ("%d", y0);
  XDO ("sleep"); XDO ("0.3");
  XDO ("mousedown"); XDO ("1");
  XDO ("sleep"); XDO ("0.2");
  add_path (argv, x0, y0, x1, y1, 20);
  for (int i = 0; i < 30; i++)
    {
      XDO ("mousemove"); XDO ("%d", x1); XDO ("%d", y1 + i % 2);
      XDO ("sleep"); XDO ("0.05");
    }
  run_xdotool (argv);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), >, 0);

  /* Keep holding (a slow machine draws fewer frames) until Closed Won is in view. */
  for (int round = 0; round < 6; round++)
    {
      GtkWidget *won = GTK_WIDGET (crm_kanban_view_get_column (f->board, "Closed Won"));
      graphene_point_t p;

      g_assert_true (gtk_widget_compute_point (won, GTK_WIDGET (f->board),
                                               &GRAPHENE_POINT_INIT (gtk_widget_get_width (won), 0), &p));
      if (p.x <= gtk_widget_get_width (GTK_WIDGET (f->board)) - EDGE_MARGIN)
        break;
      g_clear_pointer (&argv, g_ptr_array_unref);
      argv = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (argv, g_strdup (xdotool));
      for (int i = 0; i < 20; i++)
        {
          XDO ("mousemove"); XDO ("%d", x1); XDO ("%d", y1 + i % 2);
          XDO ("sleep"); XDO ("0.05");
        }
      run_xdotool (argv);
    }

  /* Out of the edge first, so that the board stops... */
  g_clear_pointer (&argv, g_ptr_array_unref);
  screen_point (GTK_WIDGET (f->board), gtk_widget_get_width (GTK_WIDGET (f->board)) / 2.0, 360, f, ox, oy, &x2, &y2);
  argv = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (argv, g_strdup (xdotool));
  add_path (argv, x1, y1, x2, y2, 4);
  XDO ("sleep"); XDO ("0.3");
  run_xdotool (argv);
  x1 = x2;
  y1 = y2;

  /* ...then drop it on Closed Won, wherever the scroll has put it. */
  spin (0.2);
  target = crm_kanban_column_get_list_view (crm_kanban_view_get_column (f->board, "Closed Won"));
  screen_point (target, gtk_widget_get_width (target) / 2.0, 200, f, ox, oy, &x2, &y2);
  g_test_message ("scrolled by %.0f px; dropping at %d,%d", gtk_adjustment_get_value (hadj), x2, y2);
  g_clear_pointer (&argv, g_ptr_array_unref);
  argv = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (argv, g_strdup (xdotool));
  add_path (argv, x1, y1, x2, y2, 16);
  XDO ("sleep"); XDO ("0.3");
  XDO ("mouseup"); XDO ("1");
  run_xdotool (argv);

  g_assert_true (wait_for (is_finished, f, 10));
  g_assert_true (f->finished_moved);
  stage = deal_field (f, id, "stage");
  g_assert_cmpstr (stage, ==, "Closed Won");
}

static void
test_drag_with_pointer (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *probability = NULL;
  CrmKanbanColumn *from, *to;
  CrmRecordCard *card;
  GtkWidget *target;
  int ox, oy, x0, y0, x1, y1;
  gint64 id;

  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed: the drag with the real pointer is not tested");
      return;
    }
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("xdotool needs an X11 display");
      return;
    }

  open_board (f, 1400, 820);
  id = deal_id (f, "Fleet telematics rollout");
  from = crm_kanban_view_get_column (f->board, "Qualification");
  to = crm_kanban_view_get_column (f->board, "Needs Analysis");
  card = crm_kanban_column_find_card (from, id);
  g_assert_nonnull (card);

  /* From the card's title to the empty space under Needs Analysis' cards;
   * the window is at 0,0 without a window manager, but ask anyway. */
  window_origin (f, xdotool, &ox, &oy);
  screen_point (GTK_WIDGET (card), 60, 20, f, ox, oy, &x0, &y0);
  target = crm_kanban_column_get_list_view (to);
  screen_point (target, gtk_widget_get_width (target) / 2.0, gtk_widget_get_height (target) - 80, f, ox, oy, &x1, &y1);
  g_test_message ("dragging from %d,%d to %d,%d", x0, y0, x1, y1);

  g_ptr_array_add (argv, g_strdup (xdotool));
  XDO ("mousemove"); XDO ("%d", x0); XDO ("%d", y0);
  XDO ("sleep"); XDO ("0.3");
  XDO ("mousedown"); XDO ("1");
  XDO ("sleep"); XDO ("0.2");
  add_path (argv, x0, y0, x1, y1, 24);
  XDO ("sleep"); XDO ("0.3");
  XDO ("mouseup"); XDO ("1");
  run_xdotool (argv);
  g_assert_true (wait_for (is_finished, f, 10));

  /* Read back from the database, not from the widgets. */
  g_assert_cmpint (f->finished_id, ==, id);
  g_assert_true (f->finished_moved);
  stage = deal_field (f, id, "stage");
  probability = deal_field (f, id, "probability");
  g_assert_cmpstr (stage, ==, "Needs Analysis");
  g_assert_cmpstr (probability, ==, "2000");
  g_assert_cmpint (crm_record_list_find (crm_kanban_column_get_model (from), id), ==, -1);
  g_assert_cmpint (crm_record_list_find (crm_kanban_column_get_model (to), id), ==,
                   (gint) g_list_model_get_n_items (G_LIST_MODEL (crm_kanban_column_get_model (to))) - 1);

  /* The toast's Undo (here: the same change) puts it back. */
  g_assert_true (crm_store_undo_change (f->store, f->finished_change, &error));
  g_assert_no_error (error);
  spin (0.2);
  g_free (stage);
  stage = deal_field (f, id, "stage");
  g_assert_cmpstr (stage, ==, "Qualification");
  g_assert_cmpint (crm_record_list_find (crm_kanban_column_get_model (from), id), >=, 0);
}

static gboolean
first_is_back (gpointer data)
{
  Fixture *f = data;

  return crm_record_list_get_id (column_list (f, "Qualification"), 0) == f->finished_id;
}

static void
test_reorder (Fixture       *f,
              gconstpointer  data)
{
  CrmRecordList *list;
  gint64 first, last, change;
  guint n;

  open_board (f, 1400, 820);
  list = column_list (f, "Qualification");
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  first = crm_record_list_get_id (list, 0);
  last = crm_record_list_get_id (list, n - 1);

  /* The last card to the top of its own column: at once, then stored. */
  crm_kanban_view_move (f->board, last, "Qualification", first);
  g_assert_cmpint (crm_record_list_get_id (list, 0), ==, last);
  g_assert_true (wait_for (is_finished, f, 10));
  g_assert_true (f->finished_moved);
  change = f->finished_change;
  g_assert_cmpint (change, >, 0);
  {
    g_autoptr(CrmQuery) board = crm_query_new ("deals");
    g_autoptr(CrmQuery) column = crm_kanban_column_query (board, "stage", "Qualification");
    g_autoptr(GArray) ids = crm_store_query_ids (f->store, column, NULL);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, last);
    g_assert_cmpint (g_array_index (ids, gint64, 1), ==, first);
  }

  /* Undo (from anywhere: the window, Ctrl+Z) reorders the column back. */
  g_assert_true (crm_store_undo_change (f->store, change, NULL));
  f->finished_id = first;
  g_assert_true (wait_for (first_is_back, f, 5));
  g_assert_cmpint (crm_record_list_get_id (list, 0), ==, first);
  g_assert_cmpint (crm_record_list_get_id (list, n - 1), ==, last);
}

/*
 * Many records
 */

static void
insert_deals (Fixture *f,
              int      n)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  /* Straight SQL: the store's one-by-one path would take minutes. */
  sql = g_strdup_printf ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %d) "
                         "INSERT INTO deals (deal_name, account_name, closing_date, stage, amount, probability, "
                         "expected_revenue, owner_id, created_at, modified_at) "
                         "SELECT 'Bulk deal ' || x, 1, '2031-06-30', "
                         "CASE WHEN x %% 10 = 0 THEN 'Needs Analysis' ELSE 'Qualification' END, "
                         "x * 100, CASE WHEN x %% 10 = 0 THEN 2000 ELSE 1000 END, "
                         "x * CASE WHEN x %% 10 = 0 THEN 20 ELSE 10 END, %" G_GINT64_FORMAT ", 0, 0 FROM c",
                         n, user_ids[0]);
  g_assert_true (crm_store_exec (f->store, "BEGIN", &error));
  g_assert_true (crm_store_exec (f->store, sql, &error));
  g_assert_true (crm_store_exec (f->store, "COMMIT", &error));
  g_assert_no_error (error);
}

static guint
count_cards (GtkWidget *widget)
{
  guint n = CRM_IS_RECORD_CARD (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_cards (child);
  return n;
}

static void
test_large_board (Fixture       *f,
                  gconstpointer  data)
{
  gint64 start;
  CrmRecordList *list;
  gint64 id;

  insert_deals (f, 100000);
  start = g_get_monotonic_time ();
  open_board (f, 1400, 820);
  g_test_message ("100,000 deals: board drawn in %.0f ms (including a 300 ms settle)",
                  (g_get_monotonic_time () - start) / 1000.0);

  list = column_list (f, "Qualification");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 90004);
  /* Lazy: a screenful of cards, a few pages of rows. */
  g_assert_cmpuint (count_cards (GTK_WIDGET (f->board)), <, 200);
  g_assert_cmpuint (crm_record_list_get_page_loads (list), <, 8);
  g_assert_true (has_label (GTK_WIDGET (crm_kanban_view_get_column (f->board, "Needs Analysis")), "10002"));

  /* A move into the big column shows at once and lands in the database. */
  id = deal_id (f, "Guest Wi-Fi upgrade");
  start = g_get_monotonic_time ();
  crm_kanban_view_move (f->board, id, "Qualification", crm_record_list_get_id (list, 2));
  g_assert_cmpint (crm_record_list_get_id (list, 2), ==, id);
  g_test_message ("shown in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_true (wait_for (is_finished, f, 20));
  g_test_message ("stored in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_true (f->finished_moved);
  g_assert_cmpint (crm_record_list_get_id (list, 2), ==, id);
  {
    g_autofree char *stage = deal_field (f, id, "stage");
    g_assert_cmpstr (stage, ==, "Qualification");
  }
}

/*
 * Canvas
 */

static void
test_canvas (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CrmQuery) query = crm_query_new ("deals");
  g_autoptr(GError) error = NULL;
  CrmCanvasView *canvas = CRM_CANVAS_VIEW (crm_canvas_view_new (f->store, "deals"));
  GListModel *model = crm_canvas_view_get_model (canvas);
  GtkWindow *designer;

  show_in_window (f, GTK_WIDGET (canvas), 1200, 800);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (deals));
  g_assert_true (has_label (GTK_WIDGET (canvas), "Fleet telematics rollout"));
  g_assert_true (has_label (GTK_WIDGET (canvas), "15 Deals"));

  /* Sorted and filtered like the list view. */
  crm_query_add_criterion (query, "stage", CRM_OP_IS, g_variant_new_string ("Qualification"), NULL);
  crm_query_set_sort (query, "amount", TRUE);
  crm_canvas_view_set_query (canvas, query);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  {
    g_autoptr(CrmRecord) first = g_list_model_get_item (model, 0);
    g_assert_cmpstr (crm_record_get_string (first, "deal_name"), ==, "POS terminals, 40 stores");
  }
  spin (0.2);
  g_assert_false (has_label (GTK_WIDGET (canvas), "Loom controllers"));

  /* The card designer: what the cards show, kept for the module. */
  designer = crm_canvas_view_customize (canvas);
  g_assert_true (CRM_IS_CARD_DESIGNER (designer));
  g_assert_true (crm_card_designer_choose (CRM_CARD_DESIGNER (designer), "title", "next_step"));
  g_assert_true (crm_card_designer_choose (CRM_CARD_DESIGNER (designer), "title", NULL));
  g_assert_true (crm_card_designer_choose (CRM_CARD_DESIGNER (designer), "field0", "lead_source"));
  g_assert_true (crm_card_designer_choose (CRM_CARD_DESIGNER (designer), "field1", "probability"));
  g_assert_true (crm_card_designer_choose (CRM_CARD_DESIGNER (designer), "field2", NULL));
  g_assert_true (crm_card_designer_choose (CRM_CARD_DESIGNER (designer), "field3", NULL));
  g_assert_true (crm_card_designer_choose (CRM_CARD_DESIGNER (designer), "colour", "stage"));
  g_assert_false (crm_card_designer_choose (CRM_CARD_DESIGNER (designer), "colour", "amount"));
  g_assert_true (crm_card_designer_save (CRM_CARD_DESIGNER (designer), &error));
  g_assert_no_error (error);
  gtk_window_destroy (designer);
  spin (0.2);

  {
    g_auto(GStrv) fields = crm_card_dup_fields (f->store, "deals");
    g_autofree char *colour = crm_card_dup_colour_field (f->store, "deals");
    g_assert_cmpuint (g_strv_length (fields), ==, 2);
    g_assert_cmpstr (fields[0], ==, "lead_source");
    g_assert_cmpstr (colour, ==, "stage");
  }
  g_assert_true (has_label (GTK_WIDGET (canvas), "Probability (%)"));
  g_assert_false (has_label (GTK_WIDGET (canvas), "Account Name"));
}

static void
test_canvas_million (Fixture       *f,
                     gconstpointer  data)
{
  CrmCanvasView *canvas;
  GtkWidget *grid;
  GtkAdjustment *adj;
  gint64 start;
  double worst = 0;

  if (!g_test_slow ())
    {
      g_test_skip ("a million records: run with -m slow");
      return;
    }
  insert_deals (f, 1000000);
  start = g_get_monotonic_time ();
  canvas = CRM_CANVAS_VIEW (crm_canvas_view_new (f->store, "deals"));
  show_in_window (f, GTK_WIDGET (canvas), 1200, 800);
  g_test_message ("1,000,000 deals: canvas drawn in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (g_list_model_get_n_items (crm_canvas_view_get_model (canvas)), ==, 1000015);

  grid = crm_canvas_view_get_grid_view (canvas);
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  for (int i = 0; i < 60; i++)
    {
      gint64 t = g_get_monotonic_time ();
      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) * (i % 10) / 10.0 + i * 500);
      spin (0.016);
      worst = MAX (worst, (g_get_monotonic_time () - t) / 1000.0 - 16);
    }
  g_test_message ("worst jump: %.1f ms over the frame", worst);
  g_assert_cmpuint (count_cards (grid), <, 400);
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
  GtkWindow *designer;

  if (g_getenv ("CRM_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("CRM_SCREENSHOT_DIR is not set");
      return;
    }
  open_board (f, 1400, 820);
  save_png (GTK_WIDGET (f->window), "kanban.png");

  /* The canvas coloured by stage, to show what the designer does. */
  g_assert_true (crm_card_set_layout (f->store, "deals", NULL,
                                      (const char *[]) { "account_name", "amount", "closing_date", NULL },
                                      "stage", NULL));
  gtk_window_set_child (f->window, NULL);
  f->board = NULL;
  canvas = crm_canvas_view_new (f->store, "deals");
  gtk_window_set_child (f->window, canvas);
  spin (0.5);
  save_png (GTK_WIDGET (f->window), "canvas.png");

  designer = crm_canvas_view_customize (CRM_CANVAS_VIEW (canvas));
  gtk_window_set_default_size (designer, 480, 760);
  g_assert_true (wait_for (is_drawn, designer, 10));
  spin (0.5);
  save_png (GTK_WIDGET (designer), "card-designer.png");
  gtk_window_destroy (designer);
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

  ADD ("/kanban-ui/board/columns", test_board_columns);
  ADD ("/kanban-ui/board/group-and-sum", test_group_and_sum_choice);
  ADD ("/kanban-ui/board/keyboard-move", test_keyboard_move);
  ADD ("/kanban-ui/board/refused-move", test_refused_move_goes_back);
  ADD ("/kanban-ui/board/lost-reason", test_lost_asks_reason);
  ADD ("/kanban-ui/board/drag-with-pointer", test_drag_with_pointer);
  ADD ("/kanban-ui/board/drag-scrolls", test_drag_scrolls_board);
  ADD ("/kanban-ui/board/reorder", test_reorder);
  ADD ("/kanban-ui/board/large", test_large_board);
  ADD ("/kanban-ui/canvas/grid", test_canvas);
  ADD ("/kanban-ui/canvas/million", test_canvas_million);
  ADD ("/kanban-ui/screenshots", test_screenshots);

  return g_test_run ();
}
