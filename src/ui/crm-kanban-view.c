/* crm-kanban-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-kanban-view"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-card-designer.h"
#include "crm-kanban-view.h"
#include "crm-money.h"

/* The board. A move is shown first (the card leaves its column and lands
 * in the other one in the same frame), then made through the core right
 * after that frame is painted; a refusal puts the card back and says why.
 * Totals come from one GROUP BY, re-run when the module's records change. */

#define EDGE 64           /* px from the board's side where a drag scrolls it */
#define MAX_SPEED 1400.0  /* px per second at the very edge */

typedef struct
{
  gint64   id;
  char    *from;        /* column values; NULL for "no value" */
  char    *to;
  gint64   before;
  char    *reason;
  int      from_index;  /* where the card was shown, -1 if not */
  gboolean keyboard;
} Move;

struct _CrmKanbanView
{
  GtkWidget           parent_instance;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  AdwStatusPage      *status_page;
  GtkLabel           *summary_label;
  GtkMenuButton      *menu_button;
  GtkScrolledWindow  *board_scroller;
  GtkBox             *columns_box;

  /* Owned references */
  CrmStore           *store;
  char               *module;
  CrmQuery           *query;
  char               *group_field;
  char               *sum_field;
  char               *currency;
  CrmCardLayout      *layout;
  GPtrArray          *columns;        /* CrmKanbanColumn, in board order */
  GSimpleActionGroup *actions;
  GQueue              moves;          /* Move, shown but not yet made */
  GHashTable         *touched;        /* ids whose order to check after a change */

  gulong              records_changed_id;
  gulong              metadata_changed_id;
  gulong              after_paint_id;
  GdkFrameClock      *after_paint_clock;
  guint               refresh_id;
  guint               run_moves_id;
  guint               hscroll_tick;
  double              hscroll_speed;
  gint64              hscroll_time;
};

G_DEFINE_FINAL_TYPE (CrmKanbanView, crm_kanban_view, GTK_TYPE_WIDGET)

enum {
  MOVE_FINISHED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void schedule_refresh (CrmKanbanView *self);
static void start_move       (CrmKanbanView *self,
                              gint64         id,
                              const char    *to,
                              gint64         before,
                              gboolean       keyboard);

static void
move_free (Move *move)
{
  g_free (move->from);
  g_free (move->to);
  g_free (move->reason);
  g_free (move);
}

static CrmField *
group_field (CrmKanbanView *self)
{
  CrmModule *module = crm_store_get_module (self->store, self->module);

  return module && self->group_field ? crm_module_get_field (module, self->group_field) : NULL;
}

static void
toast (CrmKanbanView *self,
       const char    *text,
       gint64         change_id);

/*
 * Columns
 */

CrmKanbanColumn *
crm_kanban_view_get_column (CrmKanbanView *self,
                            const char    *value)
{
  g_return_val_if_fail (CRM_IS_KANBAN_VIEW (self), NULL);

  if (value != NULL && *value == '\0')
    value = NULL;
  for (guint i = 0; i < self->columns->len; i++)
    {
      CrmKanbanColumn *column = g_ptr_array_index (self->columns, i);
      if (g_strcmp0 (crm_kanban_column_get_value (column), value) == 0)
        return column;
    }
  return NULL;
}

static gint
column_index (CrmKanbanView   *self,
              CrmKanbanColumn *column)
{
  guint index;

  return g_ptr_array_find (self->columns, column, &index) ? (gint) index : -1;
}

/* The column showing a record, by looking in the columns' id arrays. */
static CrmKanbanColumn *
column_of (CrmKanbanView *self,
           gint64         id,
           const char    *fallback_value)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      CrmKanbanColumn *column = g_ptr_array_index (self->columns, i);
      CrmRecordList *list = crm_kanban_column_get_model (column);

      if (list != NULL && crm_record_list_find (list, id) >= 0)
        return column;
    }
  return crm_kanban_view_get_column (self, fallback_value);
}

static CrmRecordList *
make_list (CrmKanbanView *self,
           const char    *value)
{
  g_autoptr(CrmQuery) query = crm_kanban_column_query (self->query, self->group_field, value);

  return crm_record_list_new (self->store, query);
}

static char *
format_money (CrmKanbanView *self,
              gint64         amount)
{
  return crm_money_format (amount, self->currency);
}

static void
update_totals (CrmKanbanView *self,
               GPtrArray     *groups)
{
  CrmModule *module = crm_store_get_module (self->store, self->module);
  gboolean weighted = crm_kanban_has_weighted_sum (self->store, self->module, self->sum_field);
  gint64 count = 0, sum = 0, weighted_sum = 0;
  g_autoptr(GString) summary = g_string_new (NULL);

  for (guint i = 0; i < groups->len && i < self->columns->len; i++)
    {
      CrmKanbanGroup *group = g_ptr_array_index (groups, i);
      g_autofree char *sum_text = self->sum_field ? format_money (self, group->sum) : NULL;
      g_autofree char *amount = weighted ? format_money (self, group->weighted) : NULL;
      /* Translators: under a column's total, e.g. "Weighted $4,000.00" */
      g_autofree char *weighted_text = weighted ? g_strdup_printf (_("Weighted %s"), amount) : NULL;

      crm_kanban_column_set_totals (g_ptr_array_index (self->columns, i), group, sum_text, weighted_text);
      count += group->count;
      sum += group->sum;
      weighted_sum += group->weighted;
    }

  g_string_printf (summary, "%'" G_GINT64_FORMAT " %s", count,
                   count == 1 ? crm_module_get_singular (module) : crm_module_get_plural (module));
  if (self->sum_field != NULL)
    {
      g_autofree char *text = format_money (self, sum);
      g_string_append_printf (summary, "  ·  %s", text);
    }
  if (weighted)
    {
      g_autofree char *text = format_money (self, weighted_sum);
      g_autofree char *label = g_strdup_printf (_("Weighted %s"), text);
      g_string_append_printf (summary, "  ·  %s", label);
    }
  gtk_label_set_label (self->summary_label, summary->str);
}

static void
update_move_menu (CrmKanbanView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; i < self->columns->len; i++)
    {
      CrmKanbanColumn *column = g_ptr_array_index (self->columns, i);
      const char *value = crm_kanban_column_get_value (column);
      g_autoptr(GMenuItem) item = g_menu_item_new (crm_kanban_column_get_title (column), NULL);

      g_menu_item_set_action_and_target (item, "card.move-to", "s", value ? value : "");
      g_menu_append_item (menu, item);
    }
  crm_card_layout_set_move_menu (self->layout, G_MENU_MODEL (menu));
}

static void
on_card_dropped_cb (CrmKanbanColumn *column,
                    CrmRecord       *record,
                    gint64           before,
                    CrmKanbanView   *self)
{
  start_move (self, crm_record_get_id (record), crm_kanban_column_get_value (column), before, FALSE);
}

static void
on_collapse_toggled_cb (CrmKanbanColumn *column,
                        gboolean         collapsed,
                        CrmKanbanView   *self)
{
  g_autoptr(GError) error = NULL;
  const char *value = crm_kanban_column_get_value (column);

  if (!crm_kanban_set_collapsed (self->store, self->module, self->group_field, value, collapsed, &error))
    g_warning ("Could not keep the column collapsed: %s", error->message);

  crm_kanban_column_set_collapsed (column, collapsed);
  if (collapsed)
    crm_kanban_column_set_model (column, NULL);
  else
    {
      g_autoptr(CrmRecordList) list = make_list (self, value);
      crm_kanban_column_set_model (column, list);
    }
}

static void
show_status (CrmKanbanView *self,
             const char    *icon,
             const char    *title,
             const char    *description)
{
  adw_status_page_set_icon_name (self->status_page, icon);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "status");
  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), FALSE);
}

static void
clear_columns (CrmKanbanView *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      GtkWidget *column = g_ptr_array_index (self->columns, i);

      g_signal_handlers_disconnect_by_data (column, self);
      gtk_box_remove (self->columns_box, column);
    }
  g_ptr_array_set_size (self->columns, 0);
}

static gboolean
same_columns (CrmKanbanView *self,
              GPtrArray     *groups)
{
  if (groups->len != self->columns->len)
    return FALSE;
  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (((CrmKanbanGroup *) g_ptr_array_index (groups, i))->value,
                   crm_kanban_column_get_value (g_ptr_array_index (self->columns, i))) != 0)
      return FALSE;
  return TRUE;
}

static void
build_board (CrmKanbanView *self,
             GPtrArray     *groups)
{
  CrmField *field = group_field (self);
  g_auto(GStrv) collapsed = crm_kanban_dup_collapsed (self->store, self->module, self->group_field);

  clear_columns (self);
  for (guint i = 0; i < groups->len; i++)
    {
      CrmKanbanGroup *group = g_ptr_array_index (groups, i);
      g_autofree char *none = NULL;
      const char *title = group->value;
      GtkWidget *column;
      gboolean closed = g_strv_contains ((const char * const *) collapsed, group->value ? group->value : "");

      if (title == NULL)
        /* Translators: the column of records with an empty field, e.g. "No Status" */
        title = none = g_strdup_printf (_("No %s"), crm_field_get_label (field));

      column = crm_kanban_column_new (self->layout, group->value, title);
      crm_kanban_column_set_collapsed (CRM_KANBAN_COLUMN (column), closed);
      if (!closed)
        {
          g_autoptr(CrmRecordList) list = make_list (self, group->value);
          crm_kanban_column_set_model (CRM_KANBAN_COLUMN (column), list);
        }
      g_signal_connect (column, "card-dropped", G_CALLBACK (on_card_dropped_cb), self);
      g_signal_connect (column, "collapse-toggled", G_CALLBACK (on_collapse_toggled_cb), self);
      g_ptr_array_add (self->columns, column);
      gtk_box_append (self->columns_box, column);
    }
  update_move_menu (self);
}

/* Reads the totals; rebuilds the columns only when the set of values
 * changed (a picklist edit, the first record without a value). */
static void
refresh (CrmKanbanView *self,
         gboolean       rebuild)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  CrmModule *module = crm_store_get_module (self->store, self->module);

  if (module == NULL)
    {
      clear_columns (self);
      show_status (self, "dialog-warning-symbolic", _("This Module Is Gone"),
                   _("It was removed while the board was open."));
      return;
    }
  if (self->group_field == NULL)
    {
      g_autofree char *description =
        g_strdup_printf (_("A board puts %s in columns by a pick list field. Add one in Setup to use it."),
                         crm_module_get_plural (module));
      clear_columns (self);
      show_status (self, "view-grid-symbolic", _("Nothing to Group By"), description);
      return;
    }

  groups = crm_kanban_get_groups (self->store, self->query, self->group_field, self->sum_field, &error);
  if (groups == NULL)
    {
      clear_columns (self);
      show_status (self, "dialog-error-symbolic", _("Could Not Show the Board"), error->message);
      return;
    }

  if (rebuild || !same_columns (self, groups))
    build_board (self, groups);
  update_totals (self, groups);
  gtk_stack_set_visible_child_name (self->stack, "board");
  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), TRUE);
}

/* A change another view made (Undo, an edit, another window) may have
 * reordered a column behind the lists' back: reload only those. */
static void
check_order (CrmKanbanView *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = *(gint64 *) key;
      CrmKanbanColumn *column = column_of (self, id, NULL);
      CrmRecordList *list = column ? crm_kanban_column_get_model (column) : NULL;
      gint position = list ? crm_record_list_find (list, id) : -1;
      guint n = list ? g_list_model_get_n_items (G_LIST_MODEL (list)) : 0;
      gint64 key_here;
      gboolean ordered = TRUE;

      if (position < 0)
        continue;
      key_here = crm_kanban_get_sort_key (self->store, self->module, self->group_field, id);
      if (position > 0)
        {
          gint64 prev = crm_record_list_get_id (list, position - 1);
          gint64 k = crm_kanban_get_sort_key (self->store, self->module, self->group_field, prev);
          ordered &= k < key_here || (k == key_here && prev < id);
        }
      if ((guint) position + 1 < n)
        {
          gint64 next = crm_record_list_get_id (list, position + 1);
          gint64 k = crm_kanban_get_sort_key (self->store, self->module, self->group_field, next);
          ordered &= k > key_here || (k == key_here && next > id);
        }
      if (!ordered)
        {
          g_autoptr(GError) error = NULL;
          if (!crm_record_list_reload (list, &error))
            g_warning ("Could not reload a column: %s", error->message);
        }
    }
  g_hash_table_remove_all (self->touched);
}

static gboolean
refresh_cb (gpointer data)
{
  CrmKanbanView *self = data;

  self->refresh_id = 0;
  refresh (self, FALSE);
  /* While a move is only shown, the lists are ahead of the database. */
  if (g_queue_is_empty (&self->moves))
    check_order (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (CrmKanbanView *self)
{
  if (self->refresh_id == 0)
    /* Not a low-priority idle: while toasts and scrolling animate, frames
     * would starve it and the totals would lag behind. */
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT, refresh_cb, self, NULL);
}

static void
on_records_changed_cb (CrmStore      *store,
                       const char    *module,
                       gint64         id,
                       CrmKanbanView *self)
{
  if (id != 0)
    {
      gint64 *key = g_new (gint64, 1);
      *key = id;
      g_hash_table_add (self->touched, key);
    }
  schedule_refresh (self);
}

static void
on_metadata_changed_cb (CrmKanbanView *self)
{
  CrmModule *module = crm_store_get_module (self->store, self->module);
  CrmField *field = group_field (self);

  /* The grouping field or the summed one may have been deleted. */
  if (module != NULL && (field == NULL || (self->sum_field && !crm_module_get_field (module, self->sum_field))))
    {
      g_free (self->group_field);
      g_free (self->sum_field);
      self->group_field = crm_kanban_dup_group_field (self->store, self->module);
      self->sum_field = crm_kanban_dup_sum_field (self->store, self->module);
      crm_card_layout_set_hidden_field (self->layout, self->group_field);
    }
  crm_card_layout_reload (self->layout);
  refresh (self, TRUE);
}

/*
 * Moving
 */

static void
run_moves (CrmKanbanView *self)
{
  Move *move;

  while ((move = g_queue_pop_head (&self->moves)) != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *title = crm_store_dup_record_title (self->store, self->module, move->id);
      CrmKanbanColumn *to = crm_kanban_view_get_column (self, move->to);
      gint64 change = 0;
      gboolean moved;

      moved = crm_store_move_record (self->store, self->module, move->id, self->group_field, move->to,
                                     move->before, move->reason, &change, &error);
      if (moved)
        {
          if (change != 0)
            {
              g_autofree char *text = NULL;

              /* Translators: a toast, e.g. Moved “Fleet renewal” to Needs Analysis */
              text = g_strdup_printf (_("Moved “%s” to %s"), title ? title : "",
                                      to ? crm_kanban_column_get_title (to) : move->to);
              toast (self, text, change);
            }
          if (move->keyboard && to != NULL)
            crm_kanban_column_focus_record (to, move->id);
        }
      else
        {
          CrmKanbanColumn *from = crm_kanban_view_get_column (self, move->from);
          CrmRecordList *to_list = to ? crm_kanban_column_get_model (to) : NULL;
          CrmRecordList *from_list = from ? crm_kanban_column_get_model (from) : NULL;

          /* Back where it was, unless it is gone for good (deleted
           * meanwhile): then it is in no column at all. */
          if (to_list != NULL)
            crm_record_list_remove_id (to_list, move->id);
          if (from_list != NULL && move->from_index >= 0 && crm_record_list_find (from_list, move->id) < 0 &&
              crm_store_query_matches (self->store, crm_record_list_get_query (from_list), move->id, NULL))
            crm_record_list_insert_id (from_list, MIN ((guint) move->from_index,
                                                       g_list_model_get_n_items (G_LIST_MODEL (from_list))),
                                       move->id);
          toast (self, error->message, 0);
          if (move->keyboard && from != NULL)
            crm_kanban_column_focus_record (from, move->id);
        }
      g_signal_emit (self, signals [MOVE_FINISHED], 0, move->id, change, moved);
      move_free (move);
    }
  schedule_refresh (self);
}

static gboolean
run_moves_cb (gpointer data)
{
  CrmKanbanView *self = data;

  self->run_moves_id = 0;
  run_moves (self);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   CrmKanbanView *self)
{
  g_clear_signal_handler (&self->after_paint_id, self->after_paint_clock);
  g_clear_object (&self->after_paint_clock);
  if (self->run_moves_id == 0)
    self->run_moves_id = g_idle_add_full (G_PRIORITY_DEFAULT, run_moves_cb, self, NULL);
}

/* The frame that shows the card in its new column goes out first; the
 * database work (a 100,000-card column takes a while) comes after it. */
static void
schedule_moves (CrmKanbanView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || clock == NULL)
    {
      run_moves (self);
      return;
    }
  if (self->after_paint_id != 0 || self->run_moves_id != 0)
    return;
  self->after_paint_clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
show_move (CrmKanbanView *self,
           gint64         id,
           const char    *to_value,
           gint64         before,
           const char    *reason,
           gboolean       keyboard)
{
  CrmKanbanColumn *from = column_of (self, id, NULL);
  CrmKanbanColumn *to = crm_kanban_view_get_column (self, to_value);
  CrmRecordList *from_list = from ? crm_kanban_column_get_model (from) : NULL;
  CrmRecordList *to_list = to ? crm_kanban_column_get_model (to) : NULL;
  Move *move = g_new0 (Move, 1);

  move->id = id;
  move->from = g_strdup (from ? crm_kanban_column_get_value (from) : NULL);
  move->to = g_strdup (to_value);
  move->before = before;
  move->reason = g_strdup (reason);
  move->keyboard = keyboard;
  move->from_index = from_list ? crm_record_list_remove_id (from_list, id) : -1;

  if (to_list != NULL)
    {
      gint at = before != 0 ? crm_record_list_find (to_list, before) : -1;

      crm_record_list_insert_id (to_list, at >= 0 ? (guint) at : g_list_model_get_n_items (G_LIST_MODEL (to_list)), id);
    }
  g_queue_push_tail (&self->moves, move);
  schedule_moves (self);
}

typedef struct
{
  CrmKanbanView *self;
  GtkDropDown   *reasons;
  gint64         id;
  char          *to;
  gint64         before;
  gboolean       keyboard;
} ReasonRequest;

static void
on_reason_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       ReasonRequest    *request)
{
  /* Closing the dialog after a response answers again with "cancel". */
  g_signal_handlers_disconnect_by_data (dialog, request);

  if (g_str_equal (response, "lost") || g_str_equal (response, "skip"))
    {
      const char *reason = NULL;

      if (g_str_equal (response, "lost"))
        {
          GtkStringObject *item = gtk_drop_down_get_selected_item (request->reasons);
          reason = item ? gtk_string_object_get_string (item) : NULL;
        }
      show_move (request->self, request->id, request->to, request->before, reason, request->keyboard);
    }
  else
    g_signal_emit (request->self, signals [MOVE_FINISHED], 0, request->id, (gint64) 0, FALSE);

  g_object_unref (request->self);
  g_free (request->to);
  g_free (request);
}

/* Losing a deal asks why, for the forecast; the answer may be skipped. */
static gboolean
ask_reason (CrmKanbanView *self,
            gint64         id,
            const char    *to_value,
            gint64         before,
            gboolean       keyboard)
{
  CrmModule *module = crm_store_get_module (self->store, self->module);
  CrmField *reason = module ? crm_module_get_field (module, "reason_for_loss") : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *title = crm_store_dup_record_title (self->store, self->module, id);
  g_autofree char *heading = NULL;
  g_autoptr(GtkStringList) values = gtk_string_list_new (NULL);
  GtkWidget *dialog, *dropdown;
  GPtrArray *picklist;
  ReasonRequest *request;

  if (reason == NULL || crm_field_get_field_type (reason) != CRM_FIELD_PICKLIST ||
      g_strcmp0 (crm_store_get_picklist_meaning (self->store, self->module, self->group_field, to_value), "lost") != 0)
    return FALSE;

  picklist = crm_field_get_picklist (reason);
  for (guint i = 0; i < picklist->len; i++)
    gtk_string_list_append (values, g_ptr_array_index (picklist, i));

  /* Translators: a dialog heading; %s is a deal's name */
  heading = g_strdup_printf (_("Why Was “%s” Lost?"), title ? title : "");
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("The reason helps to learn from lost deals. You can skip it."));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&values)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for Loss"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "skip", _("_Skip"),
                                    "lost", _("_Mark as Lost"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "lost", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "lost");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  request = g_new0 (ReasonRequest, 1);
  request->self = g_object_ref (self);
  request->reasons = GTK_DROP_DOWN (dropdown);
  request->id = id;
  request->to = g_strdup (to_value);
  request->before = before;
  request->keyboard = keyboard;
  g_signal_connect (dialog, "response", G_CALLBACK (on_reason_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
start_move (CrmKanbanView *self,
            gint64         id,
            const char    *to_value,
            gint64         before,
            gboolean       keyboard)
{
  CrmKanbanColumn *from = column_of (self, id, NULL);
  const char *from_value = from ? crm_kanban_column_get_value (from) : NULL;

  if (to_value != NULL && *to_value == '\0')
    to_value = NULL;
  if (before == id)
    {
      g_signal_emit (self, signals [MOVE_FINISHED], 0, id, (gint64) 0, TRUE);
      return;
    }
  if ((from == NULL || g_strcmp0 (from_value, to_value) != 0) &&
      ask_reason (self, id, to_value, before, keyboard))
    return;
  show_move (self, id, to_value, before, NULL, keyboard);
}

void
crm_kanban_view_move (CrmKanbanView *self,
                      gint64         id,
                      const char    *to_value,
                      gint64         before_id)
{
  g_return_if_fail (CRM_IS_KANBAN_VIEW (self));

  start_move (self, id, to_value, before_id, FALSE);
}

static void
move_to_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CrmKanbanView *self = user_data;
  gint64 id;
  const char *value;

  g_variant_get (parameter, "(x&s)", &id, &value);
  start_move (self, id, value, 0, TRUE);
}

static void
move_by_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CrmKanbanView *self = user_data;
  CrmKanbanColumn *from, *to;
  CrmRecordList *list;
  gint64 id, before = 0;
  gint32 delta;
  gint index;

  g_variant_get (parameter, "(xi)", &id, &delta);
  from = column_of (self, id, NULL);
  if (from == NULL || (index = column_index (self, from) + delta) < 0 || index >= (gint) self->columns->len)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  to = g_ptr_array_index (self->columns, index);
  /* At the top of the next column, where the eye follows it. */
  list = crm_kanban_column_get_model (to);
  if (list != NULL && g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
    before = crm_record_list_get_id (list, 0);
  start_move (self, id, crm_kanban_column_get_value (to), before, TRUE);
}

/*
 * Toasts
 */

static void
on_undo_clicked_cb (AdwToast      *toast_,
                    CrmKanbanView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 change = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast_), "change-id"));

  if (!crm_store_undo_change (self->store, change, &error))
    toast (self, error->message, 0);
}

static void
toast (CrmKanbanView *self,
       const char    *text,
       gint64         change_id)
{
  AdwToast *t = adw_toast_new (text);

  if (change_id != 0)
    {
      adw_toast_set_button_label (t, _("_Undo"));
      g_object_set_data (G_OBJECT (t), "change-id", GSIZE_TO_POINTER ((gsize) change_id));
      g_signal_connect_object (t, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
    }
  else
    adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/*
 * Board options
 */

static void
group_by_action_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CrmKanbanView *self = user_data;
  g_autoptr(GError) error = NULL;
  const char *field = g_variant_get_string (parameter, NULL);

  if (!crm_kanban_set_group_field (self->store, self->module, field, &error))
    {
      toast (self, error->message, 0);
      return;
    }
  g_free (self->group_field);
  self->group_field = g_strdup (field);
  g_simple_action_set_state (action, parameter);
  crm_card_layout_set_hidden_field (self->layout, self->group_field);
  refresh (self, TRUE);
}

static void
sum_by_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CrmKanbanView *self = user_data;
  g_autoptr(GError) error = NULL;
  const char *field = g_variant_get_string (parameter, NULL);

  if (!crm_kanban_set_sum_field (self->store, self->module, field, &error))
    {
      toast (self, error->message, 0);
      return;
    }
  g_free (self->sum_field);
  self->sum_field = *field ? g_strdup (field) : NULL;
  g_simple_action_set_state (action, parameter);
  refresh (self, FALSE);
}

static void
on_designer_saved_cb (CrmKanbanView *self)
{
  crm_card_layout_reload (self->layout);
}

static void
customize_action_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  CrmKanbanView *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(CrmRecord) sample = NULL;
  GtkWindow *designer;

  /* The first card on the board previews the choices. */
  for (guint i = 0; i < self->columns->len && sample == NULL; i++)
    {
      CrmRecordList *list = crm_kanban_column_get_model (g_ptr_array_index (self->columns, i));
      if (list != NULL && g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
        sample = g_list_model_get_item (G_LIST_MODEL (list), 0);
    }
  designer = crm_card_designer_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    self->store, self->module, sample);

  g_signal_connect_object (designer, "saved", G_CALLBACK (on_designer_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (designer);
}

static void
expand_all_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  CrmKanbanView *self = user_data;

  for (guint i = 0; i < self->columns->len; i++)
    {
      CrmKanbanColumn *column = g_ptr_array_index (self->columns, i);
      if (crm_kanban_column_get_collapsed (column))
        on_collapse_toggled_cb (column, FALSE, self);
    }
}

static void
build_menu (CrmKanbanView *self)
{
  CrmModule *module = crm_store_get_module (self->store, self->module);
  GPtrArray *fields = module ? crm_module_get_fields (module) : NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) group = g_menu_new ();
  g_autoptr(GMenu) sum = g_menu_new ();
  g_autoptr(GMenu) more = g_menu_new ();
  GAction *action;

  for (guint i = 0; fields && i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      const char *name = crm_field_get_api_name (field);
      g_autoptr(GMenuItem) item = g_menu_item_new (crm_field_get_label (field), NULL);

      if (crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN))
        continue;
      if (crm_field_get_field_type (field) == CRM_FIELD_PICKLIST)
        {
          g_menu_item_set_action_and_target (item, "kanban.group-by", "s", name);
          g_menu_append_item (group, item);
        }
      else if (crm_field_get_field_type (field) == CRM_FIELD_CURRENCY)
        {
          g_menu_item_set_action_and_target (item, "kanban.sum-by", "s", name);
          g_menu_append_item (sum, item);
        }
    }
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Count Only"), NULL);
    g_menu_item_set_action_and_target (item, "kanban.sum-by", "s", "");
    g_menu_append_item (sum, item);
  }
  g_menu_append (more, _("_Customize Cards…"), "kanban.customize-cards");
  g_menu_append (more, _("_Expand All Columns"), "kanban.expand-all");

  g_menu_append_section (menu, _("Group By"), G_MENU_MODEL (group));
  g_menu_append_section (menu, _("Total"), G_MENU_MODEL (sum));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (more));
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "group-by");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (self->group_field ? self->group_field : ""));
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "sum-by");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (self->sum_field ? self->sum_field : ""));
}

/*
 * Scrolling the board while dragging
 */

static gboolean
hscroll_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  CrmKanbanView *self = CRM_KANBAN_VIEW (widget);
  GtkAdjustment *adj = gtk_scrolled_window_get_hadjustment (self->board_scroller);
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->hscroll_speed == 0)
    {
      self->hscroll_tick = 0;
      self->hscroll_time = 0;
      return G_SOURCE_REMOVE;
    }
  /* By the clock, not by the frame: slow frames must not slow the scroll. */
  if (self->hscroll_time != 0)
    gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) +
                              self->hscroll_speed * MIN (now - self->hscroll_time, 100000) / G_USEC_PER_SEC);
  self->hscroll_time = now;
  return G_SOURCE_CONTINUE;
}

static void
on_board_drag_motion_cb (GtkDropControllerMotion *motion,
                         double                   x,
                         double                   y,
                         CrmKanbanView           *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self->board_scroller));

  if (x < EDGE)
    self->hscroll_speed = -MAX_SPEED * (EDGE - x) / EDGE;
  else if (x > width - EDGE)
    self->hscroll_speed = MAX_SPEED * (x - (width - EDGE)) / EDGE;
  else
    self->hscroll_speed = 0;
  if (self->hscroll_speed != 0 && self->hscroll_tick == 0)
    self->hscroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), hscroll_tick_cb, NULL, NULL);
}

static void
on_board_drag_leave_cb (GtkDropControllerMotion *motion,
                        CrmKanbanView           *self)
{
  self->hscroll_speed = 0;
}

/*
 * GObject
 */

static void
on_map_cb (CrmKanbanView *self)
{
  /* The card designer may have run from the Canvas view meanwhile. */
  crm_card_layout_reload (self->layout);
}

static void
crm_kanban_view_dispose (GObject *object)
{
  CrmKanbanView *self = (CrmKanbanView *)object;

  if (self->hscroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->hscroll_tick);
  self->hscroll_tick = 0;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->run_moves_id, g_source_remove);
  if (self->after_paint_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->after_paint_clock);
  g_clear_object (&self->after_paint_clock);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->records_changed_id, self->store);
      g_clear_signal_handler (&self->metadata_changed_id, self->store);
    }
  g_queue_clear_full (&self->moves, (GDestroyNotify) move_free);
  if (self->columns != NULL)
    clear_columns (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_KANBAN_VIEW);
  g_clear_object (&self->layout);
  g_clear_object (&self->actions);
  g_clear_object (&self->query);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_kanban_view_parent_class)->dispose (object);
}

static void
crm_kanban_view_finalize (GObject *object)
{
  CrmKanbanView *self = (CrmKanbanView *)object;

  g_free (self->module);
  g_free (self->group_field);
  g_free (self->sum_field);
  g_free (self->currency);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (crm_kanban_view_parent_class)->finalize (object);
}

static void
crm_kanban_view_class_init (CrmKanbanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_kanban_view_dispose;
  object_class->finalize = crm_kanban_view_finalize;

  signals [MOVE_FINISHED] =
    g_signal_new ("move-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_BOOLEAN);

  g_type_ensure (CRM_TYPE_KANBAN_COLUMN);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crm/ui/crm-kanban-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanView, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanView, status_page);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanView, board_scroller);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanView, columns_box);
  gtk_widget_class_bind_template_callback (widget_class, on_board_drag_motion_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_board_drag_leave_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kanbanview");
}

static void
crm_kanban_view_init (CrmKanbanView *self)
{
  const GActionEntry entries[] = {
    { "group-by", group_by_action_cb, "s", "''", NULL },
    { "sum-by", sum_by_action_cb, "s", "''", NULL },
    { "customize-cards", customize_action_cb },
    { "expand-all", expand_all_action_cb },
    { "move-to", move_to_action_cb, "(xs)" },
    { "move-by", move_by_action_cb, "(xi)" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->columns = g_ptr_array_new ();
  self->touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_queue_init (&self->moves);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "kanban", G_ACTION_GROUP (self->actions));
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

GtkWidget *
crm_kanban_view_new (CrmStore   *store,
                     const char *module)
{
  CrmKanbanView *self;
  g_autofree char *signal = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (module != NULL, NULL);

  self = g_object_new (CRM_TYPE_KANBAN_VIEW, NULL);
  self->store = g_object_ref (store);
  self->module = g_strdup (module);
  self->query = crm_query_new (module);
  self->currency = crm_store_dup_home_currency (store);
  self->group_field = crm_kanban_dup_group_field (store, module);
  self->sum_field = crm_kanban_dup_sum_field (store, module);
  self->layout = crm_card_layout_new (store, module);
  crm_card_layout_set_hidden_field (self->layout, self->group_field);

  signal = g_strdup_printf ("records-changed::%s", module);
  self->records_changed_id = g_signal_connect (store, signal, G_CALLBACK (on_records_changed_cb), self);
  self->metadata_changed_id = g_signal_connect_swapped (store, "metadata-changed",
                                                        G_CALLBACK (on_metadata_changed_cb), self);
  build_menu (self);
  refresh (self, TRUE);
  return GTK_WIDGET (self);
}

void
crm_kanban_view_set_query (CrmKanbanView *self,
                           CrmQuery      *query)
{
  g_return_if_fail (CRM_IS_KANBAN_VIEW (self));
  g_return_if_fail (CRM_IS_QUERY (query));

  if (crm_query_equal (self->query, query))
    return;
  g_clear_object (&self->query);
  self->query = crm_query_copy (query);

  for (guint i = 0; i < self->columns->len; i++)
    {
      CrmKanbanColumn *column = g_ptr_array_index (self->columns, i);
      CrmRecordList *list = crm_kanban_column_get_model (column);

      if (list != NULL)
        {
          g_autoptr(CrmQuery) column_query = crm_kanban_column_query (self->query, self->group_field,
                                                                      crm_kanban_column_get_value (column));
          g_autoptr(GError) error = NULL;

          if (!crm_record_list_set_query (list, column_query, &error))
            g_warning ("Could not filter a column: %s", error->message);
        }
    }
  refresh (self, FALSE);
}

const char *
crm_kanban_view_get_module (CrmKanbanView *self)
{
  g_return_val_if_fail (CRM_IS_KANBAN_VIEW (self), NULL);
  return self->module;
}

const char *
crm_kanban_view_get_group_field (CrmKanbanView *self)
{
  g_return_val_if_fail (CRM_IS_KANBAN_VIEW (self), NULL);
  return self->group_field;
}
