/* crm-kanban-column.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-kanban-column"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-kanban-column.h"

/* Cards are list items, so a column of 100,000 deals builds a screenful
 * of widgets. Drops land before the card under the pointer (or after it,
 * on its lower half); the board decides what a drop means. */

#define EDGE 56          /* px from the list's edge where a drag scrolls it */
#define SLICE 24         /* cards made at a time, see grow_slice() */
#define MAX_SPEED 1000.0 /* px per second at the very edge */

/*
 * A label turned a quarter left, for collapsed columns.
 */

#define CRM_TYPE_VERTICAL_LABEL (crm_vertical_label_get_type ())
G_DECLARE_FINAL_TYPE (CrmVerticalLabel, crm_vertical_label, CRM, VERTICAL_LABEL, GtkWidget)

struct _CrmVerticalLabel
{
  GtkWidget  parent_instance;
  char      *text;
};

G_DEFINE_FINAL_TYPE (CrmVerticalLabel, crm_vertical_label, GTK_TYPE_WIDGET)

static void
crm_vertical_label_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  CrmVerticalLabel *self = CRM_VERTICAL_LABEL (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, self->text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  /* Turned: the text's width is our height. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = height;
  else
    {
      *minimum = MIN (width, 48);
      *natural = width;
    }
}

static void
crm_vertical_label_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CrmVerticalLabel *self = CRM_VERTICAL_LABEL (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, self->text);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int height = gtk_widget_get_height (widget);

  pango_layout_set_width (layout, height * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, height));
  gtk_snapshot_rotate (snapshot, -90);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_snapshot_render_layout (snapshot, context, 0, 0, layout);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_snapshot_restore (snapshot);
}

static void
crm_vertical_label_finalize (GObject *object)
{
  g_free (CRM_VERTICAL_LABEL (object)->text);
  G_OBJECT_CLASS (crm_vertical_label_parent_class)->finalize (object);
}

static void
crm_vertical_label_class_init (CrmVerticalLabelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_vertical_label_finalize;
  GTK_WIDGET_CLASS (klass)->measure = crm_vertical_label_measure;
  GTK_WIDGET_CLASS (klass)->snapshot = crm_vertical_label_snapshot;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "label");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
crm_vertical_label_init (CrmVerticalLabel *self)
{
}

static void
crm_vertical_label_set_text (CrmVerticalLabel *self,
                             const char       *text)
{
  g_free (self->text);
  self->text = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/*
 * CrmKanbanColumn
 */

struct _CrmKanbanColumn
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  GtkLabel         *title_label;
  GtkLabel         *count_label;
  GtkLabel         *sum_label;
  GtkLabel         *weighted_label;
  GtkStack         *list_stack;
  GtkScrolledWindow *scroller;
  GtkListView      *list_view;
  GtkLabel         *empty_label;
  GtkLabel         *collapsed_count;
  CrmVerticalLabel *collapsed_title;
  GtkWidget        *collapse_button;
  GtkWidget        *expand_button;

  /* Owned references */
  CrmCardLayout    *layout;
  CrmRecordList    *list;
  GtkSliceListModel *slice;
  char             *value;
  char             *title;

  /* Borrowed: the card showing where a drop would land */
  CrmRecordCard    *hinted;

  gint64            focus_id;
  guint             focus_tick;
  guint             focus_frames;
  double            scroll_speed;
  guint             scroll_tick;
  gint64            scroll_time;
  double            press_x, press_y;
  guint             collapsed : 1;
};

G_DEFINE_FINAL_TYPE (CrmKanbanColumn, crm_kanban_column, GTK_TYPE_WIDGET)

enum {
  CARD_DROPPED,
  COLLAPSE_TOGGLED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
set_hint (CrmKanbanColumn *self,
          CrmRecordCard   *card,
          int              hint)
{
  if (self->hinted != NULL && self->hinted != card)
    crm_record_card_set_drop_hint (self->hinted, 0);
  self->hinted = card;
  if (card != NULL)
    crm_record_card_set_drop_hint (card, hint);
}

/* The card under a point of the column, and whether the point is on its
 * lower half. */
static CrmRecordCard *
card_at (CrmKanbanColumn *self,
         double           x,
         double           y,
         gboolean        *lower)
{
  graphene_point_t in_list, in_card;
  GtkWidget *picked;

  if (self->collapsed || self->list == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->list_view),
                                 &GRAPHENE_POINT_INIT (x, y), &in_list))
    return NULL;

  picked = gtk_widget_pick (GTK_WIDGET (self->list_view), in_list.x, in_list.y, GTK_PICK_DEFAULT);
  while (picked != NULL && !CRM_IS_RECORD_CARD (picked) && picked != GTK_WIDGET (self->list_view))
    picked = gtk_widget_get_parent (picked);
  if (picked == NULL || !CRM_IS_RECORD_CARD (picked) ||
      !gtk_widget_compute_point (GTK_WIDGET (self), picked, &GRAPHENE_POINT_INIT (x, y), &in_card))
    return NULL;
  *lower = in_card.y > gtk_widget_get_height (picked) / 2.0;
  return CRM_RECORD_CARD (picked);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  CrmKanbanColumn *self = CRM_KANBAN_COLUMN (widget);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->scroll_speed == 0)
    {
      self->scroll_tick = 0;
      self->scroll_time = 0;
      return G_SOURCE_REMOVE;
    }
  /* By the clock, not by the frame: slow frames must not slow the scroll. */
  if (self->scroll_time != 0)
    gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) +
                              self->scroll_speed * MIN (now - self->scroll_time, 100000) / G_USEC_PER_SEC);
  self->scroll_time = now;
  return G_SOURCE_CONTINUE;
}

static void
set_scroll_speed (CrmKanbanColumn *self,
                  double           speed)
{
  self->scroll_speed = speed;
  if (speed != 0 && self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

/* Near the list's top or bottom edge a drag scrolls it, faster closer in. */
static void
update_autoscroll (CrmKanbanColumn *self,
                   double           x,
                   double           y)
{
  graphene_point_t p;
  double height;

  if (self->collapsed ||
      !gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->scroller), &GRAPHENE_POINT_INIT (x, y), &p))
    {
      set_scroll_speed (self, 0);
      return;
    }
  height = gtk_widget_get_height (GTK_WIDGET (self->scroller));
  if (p.y >= 0 && p.y < EDGE)
    set_scroll_speed (self, -MAX_SPEED * (EDGE - p.y) / EDGE);
  else if (p.y > height - EDGE && p.y <= height)
    set_scroll_speed (self, MAX_SPEED * (p.y - (height - EDGE)) / EDGE);
  else
    set_scroll_speed (self, 0);
}

static GdkDragAction
on_drop_motion_cb (GtkDropTarget   *target,
                   double           x,
                   double           y,
                   CrmKanbanColumn *self)
{
  gboolean lower = FALSE;
  CrmRecordCard *card = card_at (self, x, y, &lower);

  set_hint (self, card, card == NULL ? 0 : lower ? 1 : -1);
  update_autoscroll (self, x, y);
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave_cb (GtkDropTarget   *target,
                  CrmKanbanColumn *self)
{
  set_hint (self, NULL, 0);
  set_scroll_speed (self, 0);
}

static gboolean
on_drop_cb (GtkDropTarget   *target,
            const GValue    *value,
            double           x,
            double           y,
            CrmKanbanColumn *self)
{
  CrmRecord *record = g_value_get_object (value);
  gboolean lower = FALSE;
  CrmRecordCard *card = card_at (self, x, y, &lower);
  gint64 before = 0;

  set_hint (self, NULL, 0);
  set_scroll_speed (self, 0);
  if (record == NULL)
    return FALSE;

  if (card != NULL && self->list != NULL)
    {
      gint position = crm_record_list_find (self->list, crm_record_card_get_id (card));

      if (!lower)
        before = crm_record_card_get_id (card);
      else if (position >= 0)
        before = crm_record_list_get_id (self->list, position + 1);
    }
  else if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    {
      graphene_point_t p;

      /* Above the cards (on the header): the top of the column. Under
       * them: after the last one shown, which need not be the last one. */
      if (gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->scroller), &GRAPHENE_POINT_INIT (x, y), &p) &&
          p.y < 0)
        before = crm_record_list_get_id (self->list, 0);
      else
        before = crm_record_list_get_id (self->list, g_list_model_get_n_items (G_LIST_MODEL (self->slice)));
    }

  g_signal_emit (self, signals [CARD_DROPPED], 0, record, before);
  return TRUE;
}

/*
 * Dragging cards
 */

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource   *source,
                    double           x,
                    double           y,
                    CrmKanbanColumn *self)
{
  CrmRecordCard *card = CRM_RECORD_CARD (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)));
  CrmRecord *record = crm_record_card_get_record (card);

  if (record == NULL)
    return NULL;
  self->press_x = x;
  self->press_y = y;
  return gdk_content_provider_new_typed (CRM_TYPE_RECORD, record);
}

static void
on_drag_begin_cb (GtkDragSource   *source,
                  GdkDrag         *drag,
                  CrmKanbanColumn *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) live = gtk_widget_paintable_new (card);
  /* A still image: the card itself dims while it is away. */
  g_autoptr(GdkPaintable) icon = gdk_paintable_get_current_image (live);

  gtk_drag_source_set_icon (source, icon, (int) self->press_x, (int) self->press_y);
  gtk_widget_add_css_class (card, "dragging");
}

static void
on_drag_end_cb (GtkDragSource   *source,
                GdkDrag         *drag,
                gboolean         delete_data,
                CrmKanbanColumn *self)
{
  gtk_widget_remove_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)), "dragging");
}

/*
 * List items
 */

/* A card that was just moved may be rebuilt more than once (shown, then
 * refreshed by the store): keep looking for a few frames until it is on
 * screen, then give it the focus. */
static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  CrmKanbanColumn *self = CRM_KANBAN_COLUMN (widget);
  CrmRecordCard *card = self->focus_id ? crm_kanban_column_find_card (self, self->focus_id) : NULL;

  if (card != NULL && gtk_widget_get_mapped (GTK_WIDGET (card)) && gtk_widget_grab_focus (GTK_WIDGET (card)))
    self->focus_id = 0;
  if (self->focus_id == 0 || ++self->focus_frames > 60)
    {
      self->focus_id = 0;
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CrmKanbanColumn          *self)
{
  GtkWidget *card = crm_record_card_new (self->layout);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self, 0);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (on_drag_end_cb), self, 0);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));
  gtk_list_item_set_child (item, card);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CrmKanbanColumn          *self)
{
  CrmRecordCard *card = CRM_RECORD_CARD (gtk_list_item_get_child (item));
  CrmRecord *record = gtk_list_item_get_item (item);

  crm_record_card_set_record (card, record);
  crm_record_card_set_drop_hint (card, 0);
  gtk_widget_remove_css_class (GTK_WIDGET (card), "dragging");
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CrmKanbanColumn          *self)
{
  CrmRecordCard *card = CRM_RECORD_CARD (gtk_list_item_get_child (item));

  if (self->hinted == card)
    set_hint (self, NULL, 0);
}

static void
on_activate_cb (GtkListView     *list_view,
                guint            position,
                CrmKanbanColumn *self)
{
  CrmModule *module = crm_card_layout_get_module (self->layout);
  gint64 id = self->list ? crm_record_list_get_id (self->list, position) : 0;

  if (id != 0 && module != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)",
                                crm_module_get_api_name (module), id);
}

/* GTK 4.8 list views keep up to 200 rows alive, and a card is a dozen
 * widgets: the view sees the first cards of the column and more as the
 * user scrolls down, while the header counts them all. */
static void
grow_slice (CrmKanbanColumn *self,
            guint            at_least)
{
  guint n, size;

  if (self->list == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  size = gtk_slice_list_model_get_size (self->slice);
  if (size >= n || size >= at_least)
    return;
  gtk_slice_list_model_set_size (self->slice, MIN (n, MAX (at_least, size + SLICE)));
}

static void
on_vadjustment_changed_cb (GtkAdjustment   *adj,
                           CrmKanbanColumn *self)
{
  double left = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_value (adj) - gtk_adjustment_get_page_size (adj);

  if (self->slice != NULL && left < gtk_adjustment_get_page_size (adj))
    grow_slice (self, gtk_slice_list_model_get_size (self->slice) + SLICE);
}

static void
update_empty (CrmKanbanColumn *self)
{
  gboolean empty = self->list == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "cards");
}

static void
on_collapse_clicked_cb (CrmKanbanColumn *self)
{
  g_signal_emit (self, signals [COLLAPSE_TOGGLED], 0, !self->collapsed);
}

/*
 * GObject
 */

static void
crm_kanban_column_dispose (GObject *object)
{
  CrmKanbanColumn *self = (CrmKanbanColumn *)object;

  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->focus_tick = self->scroll_tick = 0;
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->slice);
  g_clear_object (&self->list);
  g_clear_object (&self->layout);
  self->hinted = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_KANBAN_COLUMN);

  G_OBJECT_CLASS (crm_kanban_column_parent_class)->dispose (object);
}

static void
crm_kanban_column_finalize (GObject *object)
{
  CrmKanbanColumn *self = (CrmKanbanColumn *)object;

  g_free (self->value);
  g_free (self->title);

  G_OBJECT_CLASS (crm_kanban_column_parent_class)->finalize (object);
}

static void
crm_kanban_column_class_init (CrmKanbanColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_kanban_column_dispose;
  object_class->finalize = crm_kanban_column_finalize;

  signals [CARD_DROPPED] =
    g_signal_new ("card-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, CRM_TYPE_RECORD, G_TYPE_INT64);
  signals [COLLAPSE_TOGGLED] =
    g_signal_new ("collapse-toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  g_type_ensure (CRM_TYPE_VERTICAL_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crm/ui/crm-kanban-column.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, sum_label);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, weighted_label);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, scroller);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, list_view);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, collapsed_count);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, collapsed_title);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, collapse_button);
  gtk_widget_class_bind_template_child (widget_class, CrmKanbanColumn, expand_button);
  gtk_widget_class_bind_template_callback (widget_class, on_collapse_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kanbancolumn");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
crm_kanban_column_init (CrmKanbanColumn *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkDropTarget *target = gtk_drop_target_new (CRM_TYPE_RECORD, GDK_ACTION_MOVE);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate_cb), self);
  g_signal_connect (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                    G_CALLBACK (on_vadjustment_changed_cb), self);
  g_signal_connect (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                    G_CALLBACK (on_vadjustment_changed_cb), self);

  g_signal_connect (target, "enter", G_CALLBACK (on_drop_motion_cb), self);
  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  update_empty (self);
}

GtkWidget *
crm_kanban_column_new (CrmCardLayout *layout,
                       const char    *value,
                       const char    *title)
{
  CrmKanbanColumn *self;
  CrmModule *module;
  g_autofree char *empty = NULL;

  g_return_val_if_fail (CRM_IS_CARD_LAYOUT (layout), NULL);

  self = g_object_new (CRM_TYPE_KANBAN_COLUMN, NULL);
  self->layout = g_object_ref (layout);
  self->value = g_strdup (value);
  self->title = g_strdup (title);
  gtk_label_set_label (self->title_label, title);
  crm_vertical_label_set_text (self->collapsed_title, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  {
    /* Translators: a button's accessible name; %s is a column, e.g. "Collapse Qualification" */
    g_autofree char *collapse = g_strdup_printf (_("Collapse %s"), title);
    /* Translators: a button's accessible name; %s is a column, e.g. "Expand Qualification" */
    g_autofree char *expand = g_strdup_printf (_("Expand %s"), title);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->collapse_button), GTK_ACCESSIBLE_PROPERTY_LABEL, collapse, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->expand_button), GTK_ACCESSIBLE_PROPERTY_LABEL, expand, -1);
  }

  module = crm_card_layout_get_module (layout);
  /* Translators: an empty Kanban column, e.g. "No Deals" */
  empty = g_strdup_printf (_("No %s"), module ? crm_module_get_plural (module) : "");
  gtk_label_set_label (self->empty_label, empty);
  return GTK_WIDGET (self);
}

const char *
crm_kanban_column_get_value (CrmKanbanColumn *self)
{
  g_return_val_if_fail (CRM_IS_KANBAN_COLUMN (self), NULL);
  return self->value;
}

const char *
crm_kanban_column_get_title (CrmKanbanColumn *self)
{
  g_return_val_if_fail (CRM_IS_KANBAN_COLUMN (self), NULL);
  return self->title;
}

void
crm_kanban_column_set_totals (CrmKanbanColumn      *self,
                              const CrmKanbanGroup *group,
                              const char           *sum_text,
                              const char           *weighted_text)
{
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (CRM_IS_KANBAN_COLUMN (self));

  count = g_strdup_printf ("%" G_GINT64_FORMAT, group->count);
  gtk_label_set_label (self->count_label, count);
  gtk_label_set_label (self->collapsed_count, count);
  gtk_label_set_label (self->sum_label, sum_text ? sum_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->sum_label), sum_text != NULL);
  gtk_label_set_label (self->weighted_label, weighted_text ? weighted_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->weighted_label), weighted_text != NULL);

  gtk_widget_remove_css_class (GTK_WIDGET (self), "won");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "lost");
  if (g_strcmp0 (group->meaning, "won") == 0 || g_strcmp0 (group->meaning, "lost") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), group->meaning);
  if (!group->known)
    gtk_widget_add_css_class (GTK_WIDGET (self), "unknown");

  /* Translators: a column's accessible description, "12 cards" */
  description = g_strdup_printf (ngettext ("%s card", "%s cards", group->count), count);
  if (sum_text != NULL)
    {
      char *with_sum = g_strconcat (description, ", ", sum_text, NULL);
      g_free (description);
      description = with_sum;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

void
crm_kanban_column_set_model (CrmKanbanColumn *self,
                             CrmRecordList   *list)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (CRM_IS_KANBAN_COLUMN (self));

  if (self->list == list)
    return;
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_set_object (&self->list, list);
  g_clear_object (&self->slice);
  set_hint (self, NULL, 0);
  if (list != NULL)
    {
      self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (list)), 0, SLICE);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
      g_signal_connect_swapped (list, "items-changed", G_CALLBACK (update_empty), self);
    }
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_empty (self);
}

CrmRecordList *
crm_kanban_column_get_model (CrmKanbanColumn *self)
{
  g_return_val_if_fail (CRM_IS_KANBAN_COLUMN (self), NULL);
  return self->list;
}

void
crm_kanban_column_set_collapsed (CrmKanbanColumn *self,
                                 gboolean         collapsed)
{
  g_return_if_fail (CRM_IS_KANBAN_COLUMN (self));

  self->collapsed = !!collapsed;
  gtk_stack_set_visible_child_name (self->stack, collapsed ? "collapsed" : "expanded");
  if (collapsed)
    gtk_widget_add_css_class (GTK_WIDGET (self), "collapsed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "collapsed");
}

gboolean
crm_kanban_column_get_collapsed (CrmKanbanColumn *self)
{
  g_return_val_if_fail (CRM_IS_KANBAN_COLUMN (self), FALSE);
  return self->collapsed;
}

CrmRecordCard *
crm_kanban_column_find_card (CrmKanbanColumn *self,
                             gint64           id)
{
  g_return_val_if_fail (CRM_IS_KANBAN_COLUMN (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);

      if (child != NULL && CRM_IS_RECORD_CARD (child) && gtk_widget_get_visible (row) &&
          crm_record_card_get_id (CRM_RECORD_CARD (child)) == id)
        return CRM_RECORD_CARD (child);
    }
  return NULL;
}

void
crm_kanban_column_focus_record (CrmKanbanColumn *self,
                                gint64           id)
{
  CrmRecordCard *card;
  gint position;

  g_return_if_fail (CRM_IS_KANBAN_COLUMN (self));

  if (self->list == NULL || (position = crm_record_list_find (self->list, id)) < 0)
    return;
  grow_slice (self, position + SLICE);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", (guint) position);
  card = crm_kanban_column_find_card (self, id);
  if (card != NULL && gtk_widget_get_mapped (GTK_WIDGET (card)))
    gtk_widget_grab_focus (GTK_WIDGET (card));
  /* Again on the next frames: the store's refresh may rebuild the row. */
  self->focus_id = id;
  self->focus_frames = 0;
  if (self->focus_tick == 0)
    self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_tick_cb, NULL, NULL);
}

GtkWidget *
crm_kanban_column_get_list_view (CrmKanbanColumn *self)
{
  g_return_val_if_fail (CRM_IS_KANBAN_COLUMN (self), NULL);
  return GTK_WIDGET (self->list_view);
}
