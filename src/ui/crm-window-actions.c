/* crm-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-record-fallback.h"
#include "crm-window-private.h"

#if __has_include ("crm-record-editor.h")
# include "crm-record-editor.h"
# define HAVE_RECORD_EDITOR 1
#endif

/* The window's actions: the glue every page uses to open records, edit
 * them and undo. Every change goes through the store, and every change a
 * person makes gets a toast with Undo. */

void
_crm_window_update_actions (CrmWindow *self)
{
  gboolean module_page = self->page != NULL && g_hash_table_contains (self->module_views, self->page);
  gboolean has_module = _crm_window_current_module (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", crm_store_get_last_change (self->store) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.set-view", module_page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-filter", module_page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", module_page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-record", has_module);
}

/*
 * Navigation
 */

static void
show_home_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  crm_window_show_home (CRM_WINDOW (widget));
}

static void
show_module_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  const char *module, *view;
  g_autoptr(GError) error = NULL;

  g_variant_get (parameter, "(&s&s)", &module, &view);
  if (!crm_window_show_module (self, module, *view ? view : NULL, &error))
    crm_window_show_error (self, _("Could Not Open the Module"), error);
}

static void
show_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  const char *module;
  gint64 id;
  g_autoptr(GError) error = NULL;

  g_variant_get (parameter, "(&sx)", &module, &id);
  if (!crm_window_show_record (self, module, id, &error))
    crm_window_show_error (self, _("Could Not Open the Record"), error);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _crm_window_go_back (CRM_WINDOW (widget));
}

static void
previous_module_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _crm_window_step_module (CRM_WINDOW (widget), -1);
}

static void
next_module_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _crm_window_step_module (CRM_WINDOW (widget), 1);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
toggle_filter_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  GtkWidget *view = self->page ? g_hash_table_lookup (self->module_views, self->page) : NULL;

  if (view != NULL)
    gtk_widget_activate_action (view, "module.toggle-filter", NULL);
}

/*
 * Records
 */

typedef struct
{
  CrmWindow *self;
  char      *module;
  gboolean   is_new;
} EditorData;

static void
editor_data_free (EditorData *data)
{
  g_object_unref (data->self);
  g_free (data->module);
  g_free (data);
}

static void
editor_data_closure_free (gpointer  data,
                          GClosure *closure)
{
  editor_data_free (data);
}

static void
on_editor_saved_cb (GtkWidget  *editor,
                    gint64      record_id,
                    gint64      change_id,
                    EditorData *data)
{
  CrmWindow *self = data->self;
  g_autofree char *title = crm_store_dup_record_title (self->store, data->module, record_id);
  g_autofree char *message = NULL;

  if (data->is_new)
    /* Translators: a toast after saving a new record, e.g. "“Sari Halim” created" */
    message = g_strdup_printf (_("“%s” created"), title && *title ? title : _("Record"));
  else
    message = g_strdup_printf (_("“%s” saved"), title && *title ? title : _("Record"));
  crm_window_add_toast (self, message, change_id);
  _crm_window_update_actions (self);
}

static void
open_editor (CrmWindow  *self,
             const char *module,
             gint64      id,
             gint64      clone_from)
{
  GtkWindow *editor;
  EditorData *data;

  if (module == NULL || crm_store_get_module (self->store, module) == NULL)
    {
      crm_window_add_toast (self, _("Choose a module first"), 0);
      return;
    }

#ifdef HAVE_RECORD_EDITOR
  editor = crm_record_editor_new (GTK_WINDOW (self), self->store, module, id, clone_from);
#else
  editor = crm_fallback_editor_new (GTK_WINDOW (self), self->store, module, id, clone_from);
#endif
  data = g_new0 (EditorData, 1);
  data->self = g_object_ref (self);
  data->module = g_strdup (module);
  data->is_new = id == 0;
  g_signal_connect_data (editor, "saved", G_CALLBACK (on_editor_saved_cb), data,
                         editor_data_closure_free, 0);
  gtk_window_present (editor);
}

static void
new_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  const char *module = g_variant_get_string (parameter, NULL);

  open_editor (self, *module ? module : _crm_window_current_module (self), 0, 0);
}

static void
edit_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  const char *module;
  gint64 id;

  g_variant_get (parameter, "(&sx)", &module, &id);
  open_editor (CRM_WINDOW (widget), module, id, 0);
}

static void
clone_record_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *module;
  gint64 id;

  g_variant_get (parameter, "(&sx)", &module, &id);
  open_editor (CRM_WINDOW (widget), module, 0, id);
}

static void
delete_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  const char *module;
  gint64 id;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  g_variant_get (parameter, "(&sx)", &module, &id);
  title = crm_store_dup_record_title (self->store, module, id);
  if (!crm_store_delete_record (self->store, module, id, &error))
    {
      crm_window_show_error (self, _("Could Not Delete"), error);
      return;
    }
  /* Translators: a toast, e.g. "“Sari Halim” moved to the recycle bin" */
  message = g_strdup_printf (_("“%s” moved to the recycle bin"), title && *title ? title : _("Record"));
  crm_window_add_toast (self, message, crm_store_get_last_change (self->store));

  if (g_strcmp0 (self->page, "record") == 0 && self->record_id == id &&
      g_strcmp0 (self->record_module, module) == 0)
    _crm_window_go_back (self);
  _crm_window_update_actions (self);
}

/*
 * Undo
 */

static void
after_undo (CrmWindow *self)
{
  /* An undone "create" takes the record away: leave its page. */
  if (g_strcmp0 (self->page, "record") == 0)
    {
      g_autoptr(CrmRecord) record = crm_store_load_record (self->store, self->record_module, self->record_id, NULL);
      if (record == NULL)
        _crm_window_go_back (self);
    }
  _crm_window_update_actions (self);
}

static void
undo_change (CrmWindow *self,
             gint64     change)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = crm_store_dup_change_description (self->store, change);
  g_autofree char *message = NULL;

  if (!crm_store_undo_change (self->store, change, &error))
    {
      crm_window_show_error (self, _("Could Not Undo"), error);
      return;
    }
  /* Translators: a toast after Undo; %s says what was undone */
  message = description && *description ? g_strdup_printf (_("Undone: %s"), description) : g_strdup (_("Undone"));
  crm_window_add_toast (self, message, 0);
  after_undo (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  gint64 change = crm_store_get_last_change (self->store);

  if (change == 0)
    {
      crm_window_add_toast (self, _("Nothing to undo"), 0);
      return;
    }
  undo_change (self, change);
}

static void
undo_change_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  undo_change (CRM_WINDOW (widget), g_variant_get_int64 (parameter));
}

/*
 * Import and export
 */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  GtkWidget *view = self->page ? g_hash_table_lookup (self->module_views, self->page) : NULL;

  if (view != NULL)
    gtk_widget_activate_action (view, "module.export-view", NULL);
  else
    crm_window_add_toast (self, _("Open a module to export its records"), 0);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  GtkWidget *dialog;

  /* The import assistant (field mapping, duplicate check) is its own
   * piece; until it is part of the build, say so rather than fail. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Is Not Available"),
                                   _("This build of CRM has no import assistant. Use “crm --import MODULE FILE” "
                                     "on the command line to import a CSV file."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_crm_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-home", NULL, show_home_action);
  gtk_widget_class_install_action (widget_class, "win.show-module", "(ss)", show_module_action);
  gtk_widget_class_install_action (widget_class, "win.show-record", "(sx)", show_record_action);
  gtk_widget_class_install_action (widget_class, "win.new-record", "s", new_record_action);
  gtk_widget_class_install_action (widget_class, "win.edit-record", "(sx)", edit_record_action);
  gtk_widget_class_install_action (widget_class, "win.clone-record", "(sx)", clone_record_action);
  gtk_widget_class_install_action (widget_class, "win.delete-record", "(sx)", delete_record_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-change", "x", undo_change_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.previous-module", NULL, previous_module_action);
  gtk_widget_class_install_action (widget_class, "win.next-module", NULL, next_module_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-filter", NULL, toggle_filter_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-record", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.show-home", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.previous-module", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.next-module", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.set-view", "s", "list");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.set-view", "s", "kanban");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.set-view", "s", "canvas");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.toggle-filter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.toggle-filter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
}
