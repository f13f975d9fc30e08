/* crm-canvas-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-canvas-view"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-canvas-view.h"
#include "crm-card-designer.h"
#include "crm-record-card.h"
#include "crm-record-list.h"

/* A GtkGridView over the same lazy CrmRecordList as the list view: only
 * the cards on screen exist, and sorting or filtering is a new query. */

struct _CrmCanvasView
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  GtkLabel       *summary_label;
  GtkGridView    *grid_view;
  AdwStatusPage  *empty_page;

  /* Owned references */
  CrmStore       *store;
  char           *module;
  CrmRecordList  *list;
  CrmCardLayout  *layout;
};

G_DEFINE_FINAL_TYPE (CrmCanvasView, crm_canvas_view, GTK_TYPE_WIDGET)

static void
update_summary (CrmCanvasView *self)
{
  CrmModule *module = crm_store_get_module (self->store, self->module);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *text = NULL;

  if (module == NULL)
    return;
  text = g_strdup_printf ("%'u %s", n, n == 1 ? crm_module_get_singular (module) : crm_module_get_plural (module));
  gtk_label_set_label (self->summary_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "grid" : "empty");
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CrmCanvasView            *self)
{
  gtk_list_item_set_child (item, crm_record_card_new (self->layout));
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CrmCanvasView            *self)
{
  crm_record_card_set_record (CRM_RECORD_CARD (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

static void
on_activate_cb (GtkGridView   *grid_view,
                guint          position,
                CrmCanvasView *self)
{
  gint64 id = crm_record_list_get_id (self->list, position);

  if (id != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)", self->module, id);
}

static void
on_designer_saved_cb (CrmCanvasView *self)
{
  crm_card_layout_reload (self->layout);
}

GtkWindow *
crm_canvas_view_customize (CrmCanvasView *self)
{
  GtkRoot *root;
  g_autoptr(CrmRecord) sample = NULL;
  GtkWindow *designer;

  g_return_val_if_fail (CRM_IS_CANVAS_VIEW (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    sample = g_list_model_get_item (G_LIST_MODEL (self->list), 0);
  designer = crm_card_designer_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    self->store, self->module, sample);
  g_signal_connect_object (designer, "saved", G_CALLBACK (on_designer_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (designer);
  return designer;
}

static void
on_customize_clicked_cb (CrmCanvasView *self)
{
  crm_canvas_view_customize (self);
}

static void
on_map_cb (CrmCanvasView *self)
{
  /* The card designer may have run from the Kanban view meanwhile. */
  crm_card_layout_reload (self->layout);
}

static void
crm_canvas_view_dispose (GObject *object)
{
  CrmCanvasView *self = (CrmCanvasView *)object;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_CANVAS_VIEW);
  {
    GtkWidget *child;
    /* The template's unnamed top box is not cleared by the call above. */
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->list);
  g_clear_object (&self->layout);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_canvas_view_parent_class)->dispose (object);
}

static void
crm_canvas_view_finalize (GObject *object)
{
  g_free (CRM_CANVAS_VIEW (object)->module);
  G_OBJECT_CLASS (crm_canvas_view_parent_class)->finalize (object);
}

static void
crm_canvas_view_class_init (CrmCanvasViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_canvas_view_dispose;
  object_class->finalize = crm_canvas_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crm/ui/crm-canvas-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCanvasView, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmCanvasView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCanvasView, grid_view);
  gtk_widget_class_bind_template_child (widget_class, CrmCanvasView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_customize_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "canvasview");
}

static void
crm_canvas_view_init (CrmCanvasView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

GtkWidget *
crm_canvas_view_new (CrmStore   *store,
                     const char *module_name)
{
  CrmCanvasView *self;
  CrmModule *module;
  g_autoptr(CrmQuery) query = NULL;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autofree char *empty = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (module_name != NULL, NULL);

  self = g_object_new (CRM_TYPE_CANVAS_VIEW, NULL);
  self->store = g_object_ref (store);
  self->module = g_strdup (module_name);
  self->layout = crm_card_layout_new (store, module_name);
  query = crm_query_new (module_name);
  self->list = crm_record_list_new (store, query);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  gtk_grid_view_set_factory (self->grid_view, factory);
  gtk_grid_view_set_model (self->grid_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list)))));
  g_signal_connect (self->grid_view, "activate", G_CALLBACK (on_activate_cb), self);
  g_signal_connect_swapped (self->list, "items-changed", G_CALLBACK (update_summary), self);

  module = crm_store_get_module (store, module_name);
  /* Translators: the empty Canvas view, e.g. "No Deals" */
  empty = g_strdup_printf (_("No %s"), module ? crm_module_get_plural (module) : module_name);
  adw_status_page_set_title (self->empty_page, empty);
  update_summary (self);
  return GTK_WIDGET (self);
}

void
crm_canvas_view_set_query (CrmCanvasView *self,
                           CrmQuery      *query)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CRM_IS_CANVAS_VIEW (self));
  g_return_if_fail (CRM_IS_QUERY (query));

  if (crm_query_equal (crm_record_list_get_query (self->list), query))
    return;
  if (!crm_record_list_set_query (self->list, query, &error))
    {
      adw_status_page_set_title (self->empty_page, _("Could Not Show the Records"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

GListModel *
crm_canvas_view_get_model (CrmCanvasView *self)
{
  g_return_val_if_fail (CRM_IS_CANVAS_VIEW (self), NULL);
  return G_LIST_MODEL (self->list);
}

GtkWidget *
crm_canvas_view_get_grid_view (CrmCanvasView *self)
{
  g_return_val_if_fail (CRM_IS_CANVAS_VIEW (self), NULL);
  return GTK_WIDGET (self->grid_view);
}
