/* crm-module-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-module-view"

#include "config.h"

#include <inttypes.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "crm-column-chooser.h"
#include "crm-export-dialog.h"
#include "crm-mass.h"
#include "crm-documents.h"
#include "crm-module-view.h"
#include "crm-value-input.h"
#include "crm-views.h"
#include "crm-window.h"

#if __has_include ("crm-kanban-view.h")
# include "crm-kanban-view.h"
# define HAVE_KANBAN_VIEW 1
#endif
#if __has_include ("crm-canvas-view.h")
# include "crm-canvas-view.h"
# define HAVE_CANVAS_VIEW 1
#endif

/* The module view owns the query. It is rebuilt from its parts (scope or
 * saved view, the filter panel, the chosen chip, the sort) and handed to
 * every page, so List, Kanban and Canvas always show the same records. */

struct _CrmModuleView
{
  GtkWidget         parent_instance;

  GtkMenuButton    *view_button;
  GtkScrolledWindow *chips_scroller;
  GtkBox           *chips_box;
  GtkToggleButton  *filter_button;
  GtkMenuButton    *columns_button;
  GtkRevealer      *filter_revealer;
  GtkBox           *filter_box;
  GtkStack         *view_stack;
  GtkStack         *list_stack;
  AdwStatusPage    *empty_page;
  GtkButton        *empty_button;
  GtkRevealer      *selection_bar;
  GtkLabel         *selection_label;
  GtkWidget        *delete_button;
  GtkWidget        *restore_button;
  GtkWidget        *convert_button;
  GtkWidget        *export_button;
  GtkWidget        *owner_button;
  GtkWidget        *update_button;

  CrmStore         *store;
  CrmModule        *module;
  CrmListView      *list_view;
  CrmFilterEditor  *filter_editor;
  CrmColumnChooser *column_chooser;
  GtkWidget        *kanban;
  GtkWidget        *canvas;
  GSimpleActionGroup *menu_actions;
  GMenu            *menu;

  CrmQuery         *query;          /* as last applied */
  CrmScope          scope;
  gint64            saved_view;
  char             *saved_view_name;
  char             *sort_field;
  gboolean          sort_desc;
  CrmField         *chip_field;
  char             *chip_value;
  char             *view;
  gulong            n_items_id;
  gboolean          updating_chips;
};

G_DEFINE_FINAL_TYPE (CrmModuleView, crm_module_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_RECORDS,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void rebuild_menu (CrmModuleView *self);

static CrmWindow *
get_window (CrmModuleView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return CRM_IS_WINDOW (root) ? CRM_WINDOW (root) : NULL;
}

static void
toast (CrmModuleView *self,
       const char    *message,
       gint64         change)
{
  CrmWindow *window = get_window (self);

  if (window != NULL)
    crm_window_add_toast (window, message, change);
  else
    g_message ("%s", message);
}

static void
show_error (CrmModuleView *self,
            const char    *title,
            const GError  *error)
{
  CrmWindow *window = get_window (self);

  if (window != NULL)
    crm_window_show_error (window, title, error);
  else
    g_warning ("%s: %s", title, error->message);
}

/*
 * Labels
 */

static char *
scope_label (CrmModuleView *self,
             CrmScope       scope)
{
  const char *plural = crm_module_get_plural (self->module);

  switch (scope)
    {
    /* Translators: a standard view, e.g. "All Leads" */
    case CRM_SCOPE_ACTIVE: return g_strdup_printf (_("All %s"), plural);
    /* Translators: a standard view, e.g. "My Leads" */
    case CRM_SCOPE_MINE: return g_strdup_printf (_("My %s"), plural);
    /* Translators: a standard view of leads, "Converted Leads" */
    case CRM_SCOPE_CONVERTED: return g_strdup_printf (_("Converted %s"), plural);
    case CRM_SCOPE_RECENTLY_CREATED:
    case CRM_SCOPE_RECENTLY_MODIFIED:
    case CRM_SCOPE_DELETED:
    case CRM_N_SCOPES:
    default:
      return g_strdup (crm_scope_get_label (scope));
    }
}

static gboolean
module_has_scope (CrmModuleView *self,
                  CrmScope       scope)
{
  if (scope == CRM_SCOPE_CONVERTED)
    return crm_module_get_field (self->module, "converted") != NULL;
  return scope < CRM_N_SCOPES;
}

/*
 * Query
 */

static void
update_empty_page (CrmModuleView *self)
{
  guint n = crm_module_view_get_n_records (self);
  const char *plural = crm_module_get_plural (self->module);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  gboolean filtered = crm_query_get_n_criteria (self->query) > 0;

  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "records" : "empty");
  if (n > 0)
    return;

  if (self->scope == CRM_SCOPE_DELETED && !filtered)
    {
      adw_status_page_set_icon_name (self->empty_page, "user-trash-symbolic");
      adw_status_page_set_title (self->empty_page, _("Recycle Bin Is Empty"));
      /* Translators: %s is a module, e.g. "Deleted Leads show up here…" */
      description = g_strdup_printf (_("Deleted %s show up here and can be restored"), plural);
      adw_status_page_set_description (self->empty_page, description);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), FALSE);
    }
  else if (!filtered && self->scope == CRM_SCOPE_ACTIVE && self->saved_view == 0)
    {
      g_autofree char *button = NULL;

      adw_status_page_set_icon_name (self->empty_page, crm_module_get_icon_name (self->module));
      /* Translators: an empty module, e.g. "No Leads" */
      title = g_strdup_printf (_("No %s"), plural);
      adw_status_page_set_title (self->empty_page, title);
      adw_status_page_set_description (self->empty_page, _("Create the first one, or import a CSV file from the main menu"));
      /* Translators: e.g. "New Lead" */
      button = g_strdup_printf (_("New %s"), crm_module_get_singular (self->module));
      gtk_button_set_label (self->empty_button, button);
      /* No action while the target changes type. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), NULL);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->empty_button), "s", crm_module_get_api_name (self->module));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), "win.new-record");
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), TRUE);
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      /* Translators: a filtered list with no rows, e.g. "No Matching Leads" */
      title = g_strdup_printf (_("No Matching %s"), plural);
      adw_status_page_set_title (self->empty_page, title);
      adw_status_page_set_description (self->empty_page, _("Try a different view or filter"));
      gtk_button_set_label (self->empty_button, filtered ? _("Clear Filter") : _("Show All"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), NULL);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->empty_button), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), "module.show-all");
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), TRUE);
    }
}

static void
on_n_items_cb (CrmModuleView *self)
{
  update_empty_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_RECORDS]);
}

static CrmQuery *
build_query (CrmModuleView  *self,
             GError        **error)
{
  g_autoptr(CrmQuery) query = crm_query_new (crm_module_get_api_name (self->module));

  crm_query_set_scope (query, self->scope);
  if (!crm_filter_editor_build (self->filter_editor, query, error))
    return NULL;

  /* A chip narrows what the panel selects; with "any" conditions that
   * cannot be said in one level of criteria, so the chips are off then. */
  if (self->chip_value != NULL && self->chip_field != NULL &&
      !(crm_query_get_match_any (query) && crm_query_get_n_criteria (query) > 1))
    {
      if (crm_query_get_n_criteria (query) == 1)
        crm_query_set_match_any (query, FALSE);
      crm_query_add_criterion (query, crm_field_get_api_name (self->chip_field), CRM_OP_IS,
                               g_variant_new_string (self->chip_value), NULL);
    }

  crm_query_set_sort (query, self->sort_field, self->sort_desc);
  return g_steal_pointer (&query);
}

static gboolean
apply_query (CrmModuleView  *self,
             GError        **error)
{
  g_autoptr(CrmQuery) query = build_query (self, error);
  CrmRecordList *model;

  if (query == NULL)
    return FALSE;
  if (!crm_list_view_set_query (self->list_view, query, error))
    return FALSE;

  g_set_object (&self->query, query);

  model = crm_list_view_get_model (self->list_view);
  if (self->n_items_id == 0 && model != NULL)
    self->n_items_id = g_signal_connect_object (model, "notify::n-items", G_CALLBACK (on_n_items_cb), self,
                                                G_CONNECT_SWAPPED);
#ifdef HAVE_KANBAN_VIEW
  if (self->kanban != NULL)
    crm_kanban_view_set_query (CRM_KANBAN_VIEW (self->kanban), query);
#endif
#ifdef HAVE_CANVAS_VIEW
  if (self->canvas != NULL)
    crm_canvas_view_set_query (CRM_CANVAS_VIEW (self->canvas), query);
#endif

  crm_list_view_show_sort (self->list_view, self->sort_field, self->sort_desc);
  update_empty_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_RECORDS]);
  return TRUE;
}

static void
apply_or_complain (CrmModuleView *self)
{
  g_autoptr(GError) error = NULL;

  if (!apply_query (self, &error))
    show_error (self, _("Could Not Show the Records"), error);
}

/*
 * View menu
 */

static void
update_view_button (CrmModuleView *self)
{
  g_autofree char *label = NULL;

  if (self->saved_view != 0)
    label = g_strdup (self->saved_view_name);
  else
    label = scope_label (self, self->scope);
  gtk_menu_button_set_label (self->view_button, label);
}

static void
set_selected_state (CrmModuleView *self)
{
  g_autofree char *state = self->saved_view != 0
                           ? g_strdup_printf ("saved:%" PRId64, self->saved_view)
                           : g_strdup_printf ("scope:%d", self->scope);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->menu_actions), "select");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (state));
  action = g_action_map_lookup_action (G_ACTION_MAP (self->menu_actions), "sort-field");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (self->sort_field ? self->sort_field : ""));
  action = g_action_map_lookup_action (G_ACTION_MAP (self->menu_actions), "sort-descending");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (self->sort_desc));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "module.update-view", self->saved_view != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "module.delete-view", self->saved_view != 0);
  update_view_button (self);
}

static void
rebuild_menu (CrmModuleView *self)
{
  g_autoptr(GMenu) standard = g_menu_new ();
  g_autoptr(GMenu) saved = g_menu_new ();
  g_autoptr(GMenu) sort = g_menu_new ();
  g_autoptr(GMenu) sort_fields = g_menu_new ();
  g_autoptr(GMenu) sort_dir = g_menu_new ();
  g_autoptr(GMenu) manage = g_menu_new ();
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) columns = NULL;

  /* A fresh menu each time: GTK 4.8's popover menu does not follow a
   * model whose submenus are replaced in place. */
  g_clear_object (&self->menu);
  self->menu = g_menu_new ();

  for (CrmScope s = 0; s < CRM_N_SCOPES; s++)
    {
      g_autofree char *label = NULL;
      g_autofree char *target = NULL;

      if (!module_has_scope (self, s))
        continue;
      label = scope_label (self, s);
      target = g_strdup_printf ("scope:%d", s);
      {
        g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);
        g_menu_item_set_action_and_target_value (item, "views.select", g_variant_new_string (target));
        g_menu_append_item (standard, item);
      }
    }
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (standard));

  views = crm_store_list_views (self->store, crm_module_get_api_name (self->module), &error);
  if (views == NULL)
    g_warning ("Could not list the saved views: %s", error->message);
  for (guint i = 0; views != NULL && i < views->len; i++)
    {
      CrmSavedView *view = g_ptr_array_index (views, i);
      g_autofree char *target = g_strdup_printf ("saved:%" PRId64, view->id);
      g_autoptr(GMenuItem) item = g_menu_item_new (view->name, NULL);

      g_menu_item_set_action_and_target_value (item, "views.select", g_variant_new_string (target));
      g_menu_append_item (saved, item);
    }
  if (views != NULL && views->len > 0)
    g_menu_append_section (self->menu, _("Saved Views"), G_MENU_MODEL (saved));

  /* Sorting from the keyboard: the same choices as the headers. */
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Default Order"), NULL);
    g_menu_item_set_action_and_target_value (item, "views.sort-field", g_variant_new_string (""));
    g_menu_append_item (sort_fields, item);
  }
  columns = crm_list_view_dup_columns (self->list_view);
  for (guint i = 0; columns[i] != NULL; i++)
    {
      CrmField *field = crm_module_get_field (self->module, columns[i]);
      g_autoptr(GMenuItem) item = NULL;

      if (field == NULL || !crm_list_view_can_sort (self->list_view, columns[i]))
        continue;
      item = g_menu_item_new (crm_field_get_label (field), NULL);
      g_menu_item_set_action_and_target_value (item, "views.sort-field", g_variant_new_string (columns[i]));
      g_menu_append_item (sort_fields, item);
    }
  g_menu_append_section (sort, NULL, G_MENU_MODEL (sort_fields));
  {
    g_autoptr(GMenuItem) asc = g_menu_item_new (_("Ascending"), NULL);
    g_autoptr(GMenuItem) desc = g_menu_item_new (_("Descending"), NULL);
    g_menu_item_set_action_and_target_value (asc, "views.sort-descending", g_variant_new_boolean (FALSE));
    g_menu_item_set_action_and_target_value (desc, "views.sort-descending", g_variant_new_boolean (TRUE));
    g_menu_append_item (sort_dir, asc);
    g_menu_append_item (sort_dir, desc);
  }
  g_menu_append_section (sort, NULL, G_MENU_MODEL (sort_dir));
  {
    g_autoptr(GMenu) sort_section = g_menu_new ();
    g_menu_append_submenu (sort_section, _("_Sort By"), G_MENU_MODEL (sort));
    g_menu_append_section (self->menu, NULL, G_MENU_MODEL (sort_section));
  }

  g_menu_append (manage, _("Save View _As…"), "module.save-view");
  if (g_str_equal (crm_module_get_api_name (self->module), "products"))
    g_menu_append (manage, _("_Generate Purchase Orders Below Reorder Level"), "module.generate-purchase-orders");
  if (self->saved_view != 0)
    {
      /* Translators: %s is the name of a saved view */
      g_autofree char *update = g_strdup_printf (_("Save Changes to “%s”"), self->saved_view_name);
      g_autofree char *remove = g_strdup_printf (_("Delete “%s”"), self->saved_view_name);
      g_menu_append (manage, update, "module.update-view");
      g_menu_append (manage, remove, "module.delete-view");
    }
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (manage));

  gtk_menu_button_set_menu_model (self->view_button, G_MENU_MODEL (self->menu));
  set_selected_state (self);
}

static void
on_select_view_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  CrmModuleView *self = data;
  const char *target = g_variant_get_string (parameter, NULL);

  if (g_str_has_prefix (target, "scope:"))
    crm_module_view_set_scope (self, (CrmScope) g_ascii_strtoull (target + 6, NULL, 10));
  else if (g_str_has_prefix (target, "saved:"))
    {
      g_autoptr(GError) error = NULL;

      if (!crm_module_view_open_saved_view (self, g_ascii_strtoll (target + 6, NULL, 10), &error))
        {
          show_error (self, _("Could Not Open the View"), error);
          rebuild_menu (self);
        }
    }
}

static void
on_sort_field_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       data)
{
  CrmModuleView *self = data;
  const char *field = g_variant_get_string (parameter, NULL);

  crm_module_view_set_sort (self, *field ? field : NULL, self->sort_desc);
}

static void
on_sort_descending_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       data)
{
  CrmModuleView *self = data;

  crm_module_view_set_sort (self, self->sort_field, g_variant_get_boolean (parameter));
}

/*
 * Chips
 */

static void
on_chip_toggled_cb (GtkToggleButton *button,
                    CrmModuleView   *self)
{
  const char *value = g_object_get_data (G_OBJECT (button), "crm-chip-value");

  if (self->updating_chips || !gtk_toggle_button_get_active (button))
    return;
  crm_module_view_set_chip (self, value);
}

static CrmField *
pick_chip_field (CrmModuleView *self)
{
  const char *kanban = crm_module_get_kanban_field (self->module);
  CrmField *field = kanban ? crm_module_get_field (self->module, kanban) : NULL;
  g_autoptr(GPtrArray) list_fields = NULL;

  if (field != NULL && crm_field_get_field_type (field) == CRM_FIELD_PICKLIST)
    return field;
  list_fields = crm_module_dup_list_fields (self->module);
  for (guint i = 0; i < list_fields->len; i++)
    {
      CrmField *f = g_ptr_array_index (list_fields, i);
      if (crm_field_get_field_type (f) == CRM_FIELD_PICKLIST)
        return f;
    }
  return NULL;
}

static void
build_chips (CrmModuleView *self)
{
  GPtrArray *values;
  GtkWidget *child;
  GtkWidget *group = NULL;
  g_autofree char *label = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_box_remove (self->chips_box, child);

  g_set_object (&self->chip_field, pick_chip_field (self));
  gtk_widget_set_visible (GTK_WIDGET (self->chips_scroller), self->chip_field != NULL);
  if (self->chip_field == NULL)
    return;

  values = crm_field_get_picklist (self->chip_field);
  /* Translators: e.g. "Quick filter by Lead Status" */
  label = g_strdup_printf (_("Quick filter by %s"), crm_field_get_label (self->chip_field));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chips_box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->chips_scroller), label);

  for (guint i = 0; values != NULL && i <= values->len; i++)
    {
      const char *value = i == 0 ? NULL : g_ptr_array_index (values, i - 1);
      /* Translators: the quick filter chip that shows every record */
      GtkWidget *chip = gtk_toggle_button_new_with_label (value ? value : C_("quick filter", "All"));

      gtk_widget_add_css_class (chip, "crm-chip");
      g_object_set_data_full (G_OBJECT (chip), "crm-chip-value", g_strdup (value), g_free);
      if (group == NULL)
        group = chip;
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (chip), GTK_TOGGLE_BUTTON (group));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip), g_strcmp0 (value, self->chip_value) == 0);
      g_signal_connect (chip, "toggled", G_CALLBACK (on_chip_toggled_cb), self);
      gtk_box_append (self->chips_box, chip);
    }
}

static void
sync_chips (CrmModuleView *self)
{
  gboolean usable = !(crm_filter_editor_get_match_any (self->filter_editor) &&
                      crm_filter_editor_get_n_conditions (self->filter_editor) > 1);

  self->updating_chips = TRUE;
  for (GtkWidget *chip = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box)); chip != NULL;
       chip = gtk_widget_get_next_sibling (chip))
    {
      const char *value = g_object_get_data (G_OBJECT (chip), "crm-chip-value");
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip), g_strcmp0 (value, self->chip_value) == 0);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->chips_box), usable);
  self->updating_chips = FALSE;
}

/*
 * Selection and mass actions
 */

static void
update_selection (CrmModuleView *self)
{
  guint n = crm_list_view_get_n_selected (self->list_view);
  gboolean bin = self->scope == CRM_SCOPE_DELETED;
  gboolean list = g_strcmp0 (self->view, "list") == 0;
  g_autofree char *label = NULL;

  /* Translators: the number of selected records */
  label = g_strdup_printf (ngettext ("%u selected", "%u selected", n), n);
  gtk_label_set_text (self->selection_label, label);
  /* Hidden rather than only folded away: a hidden bar's buttons would
   * still set the window's narrowest width. */
  gtk_widget_set_visible (GTK_WIDGET (self->selection_bar), n > 0 && list);
  gtk_revealer_set_reveal_child (self->selection_bar, n > 0 && list);

  gtk_widget_set_visible (self->delete_button, !bin);
  gtk_widget_set_visible (self->update_button, !bin);
  gtk_widget_set_visible (self->owner_button, !bin);
  gtk_widget_set_visible (self->restore_button, bin);
  gtk_widget_set_visible (self->convert_button, !bin && g_str_equal (crm_module_get_api_name (self->module), "sales_orders"));


  gtk_widget_action_set_enabled (GTK_WIDGET (self), "module.delete-selected", n > 0 && !bin);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "module.update-field", n > 0 && !bin);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "module.change-owner", n > 0 && !bin);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "module.restore-selected", n > 0 && bin);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "module.export-selected", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "module.convert-selected",
                                 n > 0 && !bin && g_str_equal (crm_module_get_api_name (self->module), "sales_orders"));
}

static void
on_selection_changed_cb (CrmModuleView *self)
{
  update_selection (self);
}

static GArray *
selected_ids (CrmModuleView *self)
{
  return crm_list_view_dup_selected_ids (self->list_view);
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrmModuleView *self = CRM_MODULE_VIEW (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 change;

  if (ids->len == 0)
    return;
  change = crm_store_mass_delete (self->store, crm_module_get_api_name (self->module),
                                  (const gint64 *) ids->data, ids->len, &error);
  if (change == 0)
    {
      show_error (self, _("Could Not Delete"), error);
      return;
    }
  /* Translators: a toast after a delete that can be undone */
  message = g_strdup_printf (ngettext ("%u record moved to the recycle bin", "%u records moved to the recycle bin",
                                       ids->len), ids->len);
  toast (self, message, change);
}

/* Sales orders to invoices, all or nothing, as one Undo step. */
static void
convert_selected_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CrmModuleView *self = CRM_MODULE_VIEW (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GArray) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (ids->len == 0)
    return;
  created = crm_documents_mass_convert (self->store, crm_module_get_api_name (self->module),
                                        (const gint64 *) ids->data, ids->len, "invoices", &error);
  if (created == NULL)
    {
      show_error (self, _("Could Not Convert"), error);
      return;
    }
  /* Translators: a toast after converting sales orders */
  message = g_strdup_printf (ngettext ("%u invoice created", "%u invoices created", created->len), created->len);
  toast (self, message, crm_store_get_last_change (self->store));
}

static void
generate_purchase_orders_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  CrmModuleView *self = CRM_MODULE_VIEW (widget);
  g_autoptr(GArray) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint skipped = 0;

  created = crm_documents_generate_purchase_orders (self->store, &skipped, &error);
  if (created == NULL)
    {
      show_error (self, _("Could Not Generate Purchase Orders"), error);
      return;
    }
  if (created->len == 0)
    message = g_strdup (_("No product is below its reorder level"));
  else
    /* Translators: a toast; the purchase orders are drafts, one per vendor */
    message = g_strdup_printf (ngettext ("%u purchase order drafted", "%u purchase orders drafted", created->len),
                               created->len);
  toast (self, message, created->len > 0 ? crm_store_get_last_change (self->store) : 0);
}

static void
restore_selected_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CrmModuleView *self = CRM_MODULE_VIEW (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 change;

  if (ids->len == 0)
    return;
  change = crm_store_mass_restore (self->store, crm_module_get_api_name (self->module),
                                   (const gint64 *) ids->data, ids->len, &error);
  if (change == 0)
    {
      show_error (self, _("Could Not Restore"), error);
      return;
    }
  message = g_strdup_printf (ngettext ("%u record restored", "%u records restored", ids->len), ids->len);
  toast (self, message, change);
}

static void
export_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrmModuleView *self = CRM_MODULE_VIEW (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  g_auto(GStrv) columns = crm_list_view_dup_columns (self->list_view);
  CrmWindow *window = get_window (self);

  if (ids->len == 0 || window == NULL)
    return;
  crm_export_run (window, crm_module_get_api_name (self->module), NULL, ids, (const char * const *) columns);
}

static void
export_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrmModuleView *self = CRM_MODULE_VIEW (widget);
  g_auto(GStrv) columns = crm_list_view_dup_columns (self->list_view);
  CrmWindow *window = get_window (self);

  if (window == NULL || self->query == NULL)
    return;
  crm_export_run (window, crm_module_get_api_name (self->module), self->query, NULL,
                  (const char * const *) columns);
}

typedef struct
{
  CrmModuleView *self;
  GArray        *ids;
  GtkDropDown   *field_dropdown;   /* NULL: change owner */
  GPtrArray     *fields;
  CrmValueInput *input;
} MassDialog;

static void
mass_dialog_free (MassDialog *d)
{
  g_object_unref (d->self);
  g_array_unref (d->ids);
  g_clear_pointer (&d->fields, g_ptr_array_unref);
  g_free (d);
}

static void
mass_dialog_closure_free (gpointer  data,
                          GClosure *closure)
{
  mass_dialog_free (data);
}

static void
on_mass_field_selected_cb (GtkDropDown *dropdown,
                           GParamSpec  *pspec,
                           MassDialog  *d)
{
  guint pos = gtk_drop_down_get_selected (dropdown);

  if (pos < d->fields->len)
    crm_value_input_set_field (d->input, g_ptr_array_index (d->fields, pos), CRM_VALUE_INPUT_SET);
}

static void
on_mass_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     MassDialog       *d)
{
  CrmModuleView *self = d->self;
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  CrmField *field;
  gint64 change;

  if (!g_str_equal (response, "apply"))
    return;

  field = crm_value_input_get_field (d->input);
  if (!crm_value_input_get_values (d->input, &value, NULL, &error))
    {
      show_error (self, _("Could Not Update"), error);
      return;
    }
  change = crm_store_mass_update (self->store, crm_module_get_api_name (self->module),
                                  (const gint64 *) d->ids->data, d->ids->len,
                                  crm_field_get_api_name (field), g_steal_pointer (&value), &error);
  if (change == 0)
    {
      show_error (self, _("Could Not Update"), error);
      return;
    }
  /* Translators: a toast, e.g. "Lead Status changed on 3 records" */
  message = g_strdup_printf (ngettext ("%s changed on %u record", "%s changed on %u records", d->ids->len),
                             crm_field_get_label (field), d->ids->len);
  toast (self, message, change);
}

static void
open_mass_dialog (CrmModuleView *self,
                  gboolean       owner)
{
  g_autoptr(GArray) ids = selected_ids (self);
  GtkWidget *dialog;
  GtkWidget *box;
  MassDialog *d;
  g_autofree char *body = NULL;

  if (ids->len == 0)
    return;

  d = g_new0 (MassDialog, 1);
  d->self = g_object_ref (self);
  d->ids = g_array_ref (ids);
  d->input = CRM_VALUE_INPUT (crm_value_input_new (self->store));

  /* Translators: e.g. "Applies to the 3 selected records." */
  body = g_strdup_printf (ngettext ("Applies to the selected record.", "Applies to the %u selected records.",
                                    ids->len), ids->len);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   owner ? _("Change Owner") : _("Update Field"), body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  if (owner)
    {
      CrmField *field = crm_module_get_field (self->module, "owner_id");
      crm_value_input_set_field (d->input, field, CRM_OP_IS);
      crm_value_input_set_values (d->input, g_variant_new_int64 (crm_store_get_current_user (self->store)), NULL);
    }
  else
    {
      GPtrArray *fields = crm_module_get_fields (self->module);
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

      d->fields = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < fields->len; i++)
        {
          CrmField *field = g_ptr_array_index (fields, i);
          if (!crm_field_is_editable (field) || crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN) ||
              crm_field_has_flag (field, CRM_FIELD_FLAG_UNIQUE))
            continue;
          g_ptr_array_add (d->fields, g_object_ref (field));
          gtk_string_list_append (labels, crm_field_get_label (field));
        }
      d->field_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)),
                                                           gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string")));
      gtk_drop_down_set_enable_search (d->field_dropdown, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (d->field_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Field"), -1);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->field_dropdown));
      /* Start on the field the chips filter by (a status, a stage): what
       * people change on many records at once. */
      if (d->fields->len > 0)
        {
          guint start = 0;

          g_ptr_array_find (d->fields, self->chip_field, &start);
          gtk_drop_down_set_selected (d->field_dropdown, start);
          crm_value_input_set_field (d->input, g_ptr_array_index (d->fields, start), CRM_VALUE_INPUT_SET);
        }
      g_signal_connect (d->field_dropdown, "notify::selected", G_CALLBACK (on_mass_field_selected_cb), d);
    }
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->input));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", owner ? _("C_hange Owner") : _("_Update"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_mass_response_cb), d,
                         mass_dialog_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_field_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_mass_dialog (CRM_MODULE_VIEW (widget), FALSE);
}

static void
change_owner_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_mass_dialog (CRM_MODULE_VIEW (widget), TRUE);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  crm_list_view_select_all (CRM_MODULE_VIEW (widget)->list_view);
}

/*
 * Saved views
 */

static void
on_save_view_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          CrmModuleView    *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "crm-entry");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;
  if (crm_module_view_save_view_as (self, gtk_editable_get_text (entry), &error) == 0)
    show_error (self, _("Could Not Save the View"), error);
  else
    toast (self, _("View saved"), 0);
}

static void
save_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrmModuleView *self = CRM_MODULE_VIEW (widget);
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Save View"),
                                   _("The view keeps the filter, the columns and the sort."));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("View Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "crm-entry", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_view_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
update_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrmModuleView *self = CRM_MODULE_VIEW (widget);
  g_auto(GStrv) columns = crm_list_view_dup_columns (self->list_view);
  g_autoptr(GError) error = NULL;

  if (self->saved_view == 0 || self->query == NULL)
    return;
  if (!apply_query (self, &error) ||
      crm_store_save_view (self->store, self->saved_view, self->saved_view_name, self->query,
                           (const char * const *) columns, &error) == 0)
    {
      show_error (self, _("Could Not Save the View"), error);
      return;
    }
  toast (self, _("View saved"), 0);
}

static void
delete_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrmModuleView *self = CRM_MODULE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->saved_view == 0)
    return;
  if (!crm_store_delete_view (self->store, self->saved_view, &error))
    {
      show_error (self, _("Could Not Delete the View"), error);
      return;
    }
  /* Translators: %s is the name of a saved view */
  message = g_strdup_printf (_("View “%s” deleted"), self->saved_view_name);
  crm_module_view_set_scope (self, CRM_SCOPE_ACTIVE);
  toast (self, message, 0);
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrmModuleView *self = CRM_MODULE_VIEW (widget);

  g_clear_pointer (&self->chip_value, g_free);
  crm_filter_editor_clear (self->filter_editor);
  if (self->query == NULL || crm_query_get_n_criteria (self->query) == 0)
    crm_module_view_set_scope (self, CRM_SCOPE_ACTIVE);
  else
    {
      sync_chips (self);
      apply_or_complain (self);
    }
}

static void
toggle_filter_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrmModuleView *self = CRM_MODULE_VIEW (widget);

  crm_module_view_reveal_filter (self, !gtk_revealer_get_reveal_child (self->filter_revealer));
}

static void
set_view_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  crm_module_view_set_view (CRM_MODULE_VIEW (widget), g_variant_get_string (parameter, NULL));
}

/*
 * Callbacks
 */

static void
on_sort_changed_cb (CrmModuleView *self,
                    const char    *field,
                    gboolean       descending)
{
  crm_module_view_set_sort (self, field, descending);
}

static void
on_filter_apply_cb (CrmModuleView *self)
{
  g_autoptr(GError) error = NULL;

  /* The panel shows what is wrong in place. */
  if (!crm_module_view_apply_filter (self, &error))
    g_debug ("Filter not applied: %s", error->message);
}

static void
on_filter_cleared_cb (CrmModuleView *self)
{
  sync_chips (self);
  apply_or_complain (self);
}

static void
on_filter_toggled_cb (CrmModuleView *self)
{
  gboolean reveal = gtk_toggle_button_get_active (self->filter_button);

  if (reveal)
    gtk_widget_set_visible (GTK_WIDGET (self->filter_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->filter_revealer, reveal);
  if (reveal)
    crm_filter_editor_focus (self->filter_editor);
}

static void
on_filter_revealed_cb (CrmModuleView *self)
{
  /* Closed: out of the layout, so its rows do not widen the window. */
  if (!gtk_revealer_get_reveal_child (self->filter_revealer) &&
      !gtk_revealer_get_child_revealed (self->filter_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->filter_revealer), FALSE);
}

static void
on_columns_chosen_cb (CrmModuleView *self)
{
  g_auto(GStrv) columns = crm_column_chooser_dup_columns (self->column_chooser);

  crm_list_view_set_columns (self->list_view, (const char * const *) columns, TRUE);
  /* A sort by a column that is gone from sight stays: it is still valid. */
  crm_list_view_show_sort (self->list_view, self->sort_field, self->sort_desc);
  rebuild_menu (self);
}

static void
on_columns_reset_cb (CrmModuleView *self)
{
  g_auto(GStrv) columns = NULL;

  crm_list_view_set_columns (self->list_view, NULL, TRUE);
  columns = crm_list_view_dup_columns (self->list_view);
  crm_column_chooser_set_columns (self->column_chooser, (const char * const *) columns);
  crm_list_view_show_sort (self->list_view, self->sort_field, self->sort_desc);
  rebuild_menu (self);
}

static void
on_list_columns_changed_cb (CrmModuleView *self)
{
  rebuild_menu (self);
}

static void
on_columns_popover_show_cb (CrmModuleView *self)
{
  g_auto(GStrv) columns = crm_list_view_dup_columns (self->list_view);

  crm_column_chooser_set_columns (self->column_chooser, (const char * const *) columns);
}

/*
 * Public API
 */

const char *
crm_module_view_get_module (CrmModuleView *self)
{
  g_return_val_if_fail (CRM_IS_MODULE_VIEW (self), NULL);
  return crm_module_get_api_name (self->module);
}

const char *
crm_module_view_get_view (CrmModuleView *self)
{
  g_return_val_if_fail (CRM_IS_MODULE_VIEW (self), NULL);
  return self->view;
}

#if !defined (HAVE_KANBAN_VIEW) || !defined (HAVE_CANVAS_VIEW)
static GtkWidget *
placeholder_page (const char *icon,
                  const char *title,
                  const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  return page;
}
#endif

static void
ensure_page (CrmModuleView *self,
             const char    *view)
{
  const char *module = crm_module_get_api_name (self->module);

  if (g_str_equal (view, "kanban") && self->kanban == NULL)
    {
#ifdef HAVE_KANBAN_VIEW
      self->kanban = crm_kanban_view_new (self->store, module);
      if (self->query != NULL)
        crm_kanban_view_set_query (CRM_KANBAN_VIEW (self->kanban), self->query);
#else
      (void) module;
      self->kanban = placeholder_page ("crm-kanban-symbolic", _("Kanban Board"),
                                       _("This build of CRM has no Kanban board. Use the List view."));
#endif
      gtk_stack_add_named (self->view_stack, self->kanban, "kanban");
    }
  else if (g_str_equal (view, "canvas") && self->canvas == NULL)
    {
#ifdef HAVE_CANVAS_VIEW
      self->canvas = crm_canvas_view_new (self->store, module);
      if (self->query != NULL)
        crm_canvas_view_set_query (CRM_CANVAS_VIEW (self->canvas), self->query);
#else
      self->canvas = placeholder_page ("view-grid-symbolic", _("Canvas"),
                                       _("This build of CRM has no Canvas view. Use the List view."));
#endif
      gtk_stack_add_named (self->view_stack, self->canvas, "canvas");
    }
}

void
crm_module_view_set_view (CrmModuleView *self,
                          const char    *view)
{
  g_return_if_fail (CRM_IS_MODULE_VIEW (self));

  if (g_strcmp0 (view, "kanban") != 0 && g_strcmp0 (view, "canvas") != 0)
    view = "list";
  if (g_strcmp0 (self->view, view) == 0)
    return;

  ensure_page (self, view);
  g_free (self->view);
  self->view = g_strdup (view);
  gtk_stack_set_visible_child_name (self->view_stack, view);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_button), g_str_equal (view, "list"));
  update_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW]);
}

guint
crm_module_view_get_n_records (CrmModuleView *self)
{
  CrmRecordList *model;

  g_return_val_if_fail (CRM_IS_MODULE_VIEW (self), 0);

  model = crm_list_view_get_model (self->list_view);
  return model ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
}

CrmQuery *
crm_module_view_dup_query (CrmModuleView *self)
{
  g_return_val_if_fail (CRM_IS_MODULE_VIEW (self), NULL);
  return self->query ? crm_query_copy (self->query) : NULL;
}

CrmListView *
crm_module_view_get_list_view (CrmModuleView *self)
{
  g_return_val_if_fail (CRM_IS_MODULE_VIEW (self), NULL);
  return self->list_view;
}

CrmFilterEditor *
crm_module_view_get_filter_editor (CrmModuleView *self)
{
  g_return_val_if_fail (CRM_IS_MODULE_VIEW (self), NULL);
  return self->filter_editor;
}

CrmScope
crm_module_view_get_scope (CrmModuleView *self)
{
  g_return_val_if_fail (CRM_IS_MODULE_VIEW (self), CRM_SCOPE_ACTIVE);
  return self->scope;
}

void
crm_module_view_set_scope (CrmModuleView *self,
                           CrmScope       scope)
{
  g_return_if_fail (CRM_IS_MODULE_VIEW (self));

  if (!module_has_scope (self, scope))
    scope = CRM_SCOPE_ACTIVE;

  /* A standard view starts clean: no saved view, no filter, no chip. */
  self->scope = scope;
  self->saved_view = 0;
  g_clear_pointer (&self->saved_view_name, g_free);
  g_clear_pointer (&self->chip_value, g_free);
  crm_filter_editor_clear (self->filter_editor);
  sync_chips (self);
  apply_or_complain (self);
  rebuild_menu (self);
  update_selection (self);
}

gint64
crm_module_view_get_saved_view (CrmModuleView *self)
{
  g_return_val_if_fail (CRM_IS_MODULE_VIEW (self), 0);
  return self->saved_view;
}

gboolean
crm_module_view_open_saved_view (CrmModuleView  *self,
                                 gint64          id,
                                 GError        **error)
{
  g_autoptr(CrmSavedView) view = NULL;

  g_return_val_if_fail (CRM_IS_MODULE_VIEW (self), FALSE);

  view = crm_store_load_view (self->store, id, error);
  if (view == NULL)
    return FALSE;
  if (!g_str_equal (view->module, crm_module_get_api_name (self->module)))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("The view “%s” belongs to another module"), view->name);
      return FALSE;
    }

  self->scope = crm_query_get_scope (view->query);
  self->saved_view = view->id;
  g_free (self->saved_view_name);
  self->saved_view_name = g_strdup (view->name);
  g_free (self->sort_field);
  self->sort_field = g_strdup (crm_query_get_sort_field (view->query));
  self->sort_desc = crm_query_get_sort_descending (view->query);
  g_clear_pointer (&self->chip_value, g_free);
  crm_filter_editor_load (self->filter_editor, view->query);
  crm_list_view_set_columns (self->list_view, (const char * const *) view->columns, FALSE);
  sync_chips (self);

  if (!apply_query (self, error))
    return FALSE;
  rebuild_menu (self);
  update_selection (self);
  return TRUE;
}

gint64
crm_module_view_save_view_as (CrmModuleView  *self,
                              const char     *name,
                              GError        **error)
{
  g_auto(GStrv) columns = NULL;
  gint64 id;

  g_return_val_if_fail (CRM_IS_MODULE_VIEW (self), 0);

  /* What is saved is what the panel says now, applied or not. */
  if (!apply_query (self, error))
    return 0;
  columns = crm_list_view_dup_columns (self->list_view);
  id = crm_store_save_view (self->store, 0, name, self->query, (const char * const *) columns, error);
  if (id == 0)
    return 0;
  self->saved_view = id;
  g_free (self->saved_view_name);
  self->saved_view_name = g_strstrip (g_strdup (name));
  rebuild_menu (self);
  return id;
}

void
crm_module_view_set_sort (CrmModuleView *self,
                          const char    *field,
                          gboolean       descending)
{
  g_return_if_fail (CRM_IS_MODULE_VIEW (self));

  if (field != NULL && !crm_list_view_can_sort (self->list_view, field))
    field = NULL;
  g_free (self->sort_field);
  self->sort_field = g_strdup (field);
  self->sort_desc = descending;
  apply_or_complain (self);
  set_selected_state (self);
}

gboolean
crm_module_view_apply_filter (CrmModuleView  *self,
                              GError        **error)
{
  g_return_val_if_fail (CRM_IS_MODULE_VIEW (self), FALSE);

  sync_chips (self);
  return apply_query (self, error);
}

void
crm_module_view_reveal_filter (CrmModuleView *self,
                               gboolean       reveal)
{
  g_return_if_fail (CRM_IS_MODULE_VIEW (self));
  gtk_toggle_button_set_active (self->filter_button, reveal);
}

const char *
crm_module_view_get_chip_field (CrmModuleView *self)
{
  g_return_val_if_fail (CRM_IS_MODULE_VIEW (self), NULL);
  return self->chip_field ? crm_field_get_api_name (self->chip_field) : NULL;
}

void
crm_module_view_set_chip (CrmModuleView *self,
                          const char    *value)
{
  g_return_if_fail (CRM_IS_MODULE_VIEW (self));

  g_free (self->chip_value);
  self->chip_value = g_strdup (value);
  sync_chips (self);
  apply_or_complain (self);
}

void
crm_module_view_reload (CrmModuleView *self)
{
  CrmRecordList *model;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CRM_IS_MODULE_VIEW (self));

  model = crm_list_view_get_model (self->list_view);
  if (model != NULL && !crm_record_list_reload (model, &error))
    show_error (self, _("Could Not Show the Records"), error);
}

/*
 * GObject
 */

static void
crm_module_view_dispose (GObject *object)
{
  CrmModuleView *self = (CrmModuleView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_MODULE_VIEW);
  /* Template children that are not bound to a field stay parented. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->menu_actions);
  g_clear_object (&self->menu);
  g_clear_object (&self->query);
  g_clear_object (&self->chip_field);
  g_clear_object (&self->module);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_module_view_parent_class)->dispose (object);
}

static void
crm_module_view_finalize (GObject *object)
{
  CrmModuleView *self = (CrmModuleView *)object;

  g_free (self->saved_view_name);
  g_free (self->sort_field);
  g_free (self->chip_value);
  g_free (self->view);

  G_OBJECT_CLASS (crm_module_view_parent_class)->finalize (object);
}

static void
crm_module_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrmModuleView *self = CRM_MODULE_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_RECORDS:
      g_value_set_uint (value, crm_module_view_get_n_records (self));
      break;
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_module_view_class_init (CrmModuleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_module_view_dispose;
  object_class->finalize = crm_module_view_finalize;
  object_class->get_property = crm_module_view_get_property;

  properties [PROP_N_RECORDS] =
    g_param_spec_uint ("n-records", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "list",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "module.delete-selected", NULL, delete_selected_action);
  gtk_widget_class_install_action (widget_class, "module.restore-selected", NULL, restore_selected_action);
  gtk_widget_class_install_action (widget_class, "module.export-selected", NULL, export_selected_action);
  gtk_widget_class_install_action (widget_class, "module.export-view", NULL, export_view_action);
  gtk_widget_class_install_action (widget_class, "module.update-field", NULL, update_field_action);
  gtk_widget_class_install_action (widget_class, "module.change-owner", NULL, change_owner_action);
  gtk_widget_class_install_action (widget_class, "module.convert-selected", NULL, convert_selected_action);
  gtk_widget_class_install_action (widget_class, "module.generate-purchase-orders", NULL, generate_purchase_orders_action);
  gtk_widget_class_install_action (widget_class, "module.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "module.save-view", NULL, save_view_action);
  gtk_widget_class_install_action (widget_class, "module.update-view", NULL, update_view_action);
  gtk_widget_class_install_action (widget_class, "module.delete-view", NULL, delete_view_action);
  gtk_widget_class_install_action (widget_class, "module.show-all", NULL, show_all_action);
  gtk_widget_class_install_action (widget_class, "module.toggle-filter", NULL, toggle_filter_action);
  gtk_widget_class_install_action (widget_class, "module.set-view", "s", set_view_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crm/ui/crm-module-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, view_button);
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, chips_scroller);
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, chips_box);
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, columns_button);
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, empty_button);
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, selection_label);
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, delete_button);
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, restore_button);
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, convert_button);
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, export_button);
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, owner_button);
  gtk_widget_class_bind_template_child (widget_class, CrmModuleView, update_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crm_module_view_init (CrmModuleView *self)
{
  static const GActionEntry entries[] = {
    { "select", on_select_view_cb, "s", "''", NULL },
    { "sort-field", on_sort_field_cb, "s", "''", NULL },
    { "sort-descending", on_sort_descending_cb, "b", "false", NULL },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->menu_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->menu_actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "views", G_ACTION_GROUP (self->menu_actions));
  g_signal_connect_object (self->filter_button, "toggled", G_CALLBACK (on_filter_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_revealer, "notify::child-revealed", G_CALLBACK (on_filter_revealed_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
crm_module_view_new (CrmStore   *store,
                     const char *module_name)
{
  CrmModuleView *self;
  CrmModule *module;
  GtkWidget *popover;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  module = crm_store_get_module (store, module_name);
  g_return_val_if_fail (module != NULL, NULL);

  self = g_object_new (CRM_TYPE_MODULE_VIEW, NULL);
  self->store = g_object_ref (store);
  self->module = g_object_ref (module);
  self->scope = CRM_SCOPE_ACTIVE;

  self->list_view = CRM_LIST_VIEW (crm_list_view_new (store, module_name));
  gtk_stack_add_named (self->list_stack, GTK_WIDGET (self->list_view), "records");
  g_signal_connect_object (self->list_view, "sort-changed", G_CALLBACK (on_sort_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "columns-changed", G_CALLBACK (on_list_columns_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->filter_editor = CRM_FILTER_EDITOR (crm_filter_editor_new (store, module_name));
  gtk_box_append (self->filter_box, GTK_WIDGET (self->filter_editor));
  g_signal_connect_object (self->filter_editor, "apply", G_CALLBACK (on_filter_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_editor, "cleared", G_CALLBACK (on_filter_cleared_cb), self, G_CONNECT_SWAPPED);

  self->column_chooser = CRM_COLUMN_CHOOSER (crm_column_chooser_new (module));
  g_signal_connect_object (self->column_chooser, "changed", G_CALLBACK (on_columns_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_chooser, "reset", G_CALLBACK (on_columns_reset_cb), self, G_CONNECT_SWAPPED);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->column_chooser));
  g_signal_connect_object (popover, "show", G_CALLBACK (on_columns_popover_show_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (self->columns_button, popover);

  build_chips (self);
  self->view = g_strdup ("list");
  gtk_stack_set_visible_child_name (self->view_stack, "list");

  apply_or_complain (self);
  if (crm_list_view_get_selection (self->list_view) != NULL)
    g_signal_connect_object (crm_list_view_get_selection (self->list_view), "selection-changed",
                             G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_menu (self);
  update_selection (self);

  return GTK_WIDGET (self);
}
