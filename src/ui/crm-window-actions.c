/* crm-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-record-fallback.h"
#include "crm-import.h"
#include "crm-vcard-import.h"
#include "crm-window-private.h"

#if __has_include ("crm-print.h")
# include "crm-print.h"
# define HAVE_PRINT 1
#endif
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
report_import (CrmWindow            *self,
               const char           *module_name,
               CrmVcardImportReport *report)
{
  CrmModule *module = crm_store_get_module (self->store, module_name);
  g_autofree char *message = NULL;

  /* Translators: a toast after an import, e.g. "Imported 12 Contacts" */
  message = g_strdup_printf (_("Imported %u %s"), report->created,
                             report->created == 1 ? crm_module_get_singular (module) : crm_module_get_plural (module));
  crm_window_add_toast (self, message, report->change_id);

  if (report->failed > 0 && report->messages != NULL)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      GtkWidget *dialog;

      for (guint i = 0; i < report->messages->len && i < 10; i++)
        g_string_append_printf (body, "%s\n", (const char *) g_ptr_array_index (report->messages, i));
      if (report->messages->len > 10)
        g_string_append_printf (body, _("… and %u more"), report->messages->len - 10);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, body->str);
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                         ngettext ("%u Card Was Not Imported", "%u Cards Were Not Imported", report->failed),
                                         report->failed);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/*
 * CSV import runs in a worker thread on its own connection (SQLite's WAL
 * lets the window keep reading); the window reloads its lists when it is
 * done, since the rows were written by another connection.
 */

typedef struct
{
  char   *db_path;
  gint64  user;
  char   *module;
  char   *path;
  char   *name;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->db_path);
  g_free (job->module);
  g_free (job->path);
  g_free (job->name);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ImportJob *job = data;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  CrmImportOptions options = { 0 };

  store = crm_store_open (job->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  crm_store_set_current_user (store, job->user);

  /* Good rows go in, bad ones are listed afterwards: a person fixes a few
   * lines rather than the whole file. */
  options.mode = CRM_IMPORT_SKIP_BAD_ROWS;
  options.duplicates = CRM_DUPLICATE_CREATE;
  options.cancellable = cancellable;
  options.description = job->name;
  if (!crm_import_csv (store, job->module, job->path, &options, &report, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&report), (GDestroyNotify) crm_import_report_free);
}

static void
reload_after_import (CrmWindow *self)
{
  GHashTableIter iter;
  gpointer view;

  g_hash_table_iter_init (&iter, self->module_views);
  while (g_hash_table_iter_next (&iter, NULL, &view))
    crm_module_view_reload (CRM_MODULE_VIEW (view));
  crm_window_refresh_counts (self);
  crm_home_page_refresh (self->home_page);
  _crm_window_update_actions (self);
}

static void
on_csv_imported_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(CrmWindow) self = data;
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(CrmImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  CrmModule *module;
  g_autofree char *message = NULL;

  report = g_task_propagate_pointer (G_TASK (result), &error);
  if (report == NULL)
    {
      crm_window_show_error (self, _("Could Not Import"), error);
      return;
    }

  reload_after_import (self);
  module = crm_store_get_module (self->store, job->module);
  /* Translators: a toast after an import, e.g. "Imported 1,200 Leads" */
  message = g_strdup_printf (_("Imported %'" G_GUINT64_FORMAT " %s"), report->created,
                             report->created == 1 ? crm_module_get_singular (module) : crm_module_get_plural (module));
  crm_window_add_toast (self, message, report->change_id);

  if (report->failed > 0)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      GtkWidget *dialog;

      for (guint i = 0; report->errors != NULL && i < report->errors->len && i < 10; i++)
        {
          CrmImportRowError *row = g_ptr_array_index (report->errors, i);
          /* Translators: one bad row of an import: "Line 12: Email: …" */
          g_string_append_printf (body, _("Line %" G_GUINT64_FORMAT ": %s"), row->line, row->message);
          g_string_append_c (body, '\n');
        }
      if (report->failed > 10)
        g_string_append_printf (body, _("… and %" G_GUINT64_FORMAT " more"), report->failed - 10);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, body->str);
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                         ngettext ("%" G_GUINT64_FORMAT " Row Was Not Imported",
                                                   "%" G_GUINT64_FORMAT " Rows Were Not Imported", report->failed),
                                         report->failed);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

gboolean
crm_window_import_file (CrmWindow   *self,
                        GFile       *file,
                        GError     **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;
  const char *module = _crm_window_current_module (self);

  g_return_val_if_fail (CRM_IS_WINDOW (self), FALSE);

  if (path == NULL || name == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be imported"));
      return FALSE;
    }

  if (g_str_has_suffix (lower, ".vcf") || g_str_has_suffix (lower, ".vcard"))
    {
      g_autoptr(CrmVcardImportReport) report = NULL;

      /* vCards become leads when Leads are open, contacts otherwise. */
      if (g_strcmp0 (module, "leads") != 0)
        module = "contacts";
      if (!crm_vcard_import (self->store, module, path, &report, error))
        return FALSE;
      report_import (self, module, report);
      _crm_window_update_actions (self);
      return TRUE;
    }

  if (module == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("Open the module to import “%s” into, then import again"), name);
      return FALSE;
    }

  {
    g_autoptr(GTask) task = g_task_new (NULL, NULL, on_csv_imported_cb, g_object_ref (self));
    ImportJob *job = g_new0 (ImportJob, 1);
    CrmModule *m = crm_store_get_module (self->store, module);
    g_autofree char *message = NULL;

    job->db_path = g_strdup (crm_store_get_path (self->store));
    job->user = crm_store_get_current_user (self->store);
    job->module = g_strdup (module);
    job->path = g_steal_pointer (&path);
    job->name = g_strdup (name);
    g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
    g_task_run_in_thread (task, import_thread);

    /* Translators: a toast while a file is imported, e.g. "Importing leads.csv into Leads…" */
    message = g_strdup_printf (_("Importing “%s” into %s…"), name, crm_module_get_plural (m));
    crm_window_add_toast (self, message, 0);
  }
  return TRUE;
}

static void
on_import_response_cb (GtkNativeDialog *native,
                       int              response,
                       CrmWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (!crm_window_import_file (self, file, &error))
        crm_window_show_error (self, _("Could Not Import"), error);
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  GtkFileChooserNative *native;
  GtkFileFilter *filter;

  native = gtk_file_chooser_native_new (_("Import"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("vCard files"));
  gtk_file_filter_add_mime_type (filter, "text/vcard");
  gtk_file_filter_add_mime_type (filter, "text/x-vcard");
  gtk_file_filter_add_pattern (filter, "*.vcf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_unref (filter);
  g_signal_connect (native, "response", G_CALLBACK (on_import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

#ifdef HAVE_PRINT
/* Quotes, orders and invoices print and export as PDF from their pages. */
static void
print_record_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  const char *module;
  gint64 id;

  g_variant_get (parameter, "(&sx)", &module, &id);
  crm_print_record (GTK_WINDOW (self), self->store, module, id);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  const char *module;
  gint64 id;

  g_variant_get (parameter, "(&sx)", &module, &id);
  crm_export_record_pdf (GTK_WINDOW (self), self->store, module, id);
}
#endif

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
#ifdef HAVE_PRINT
  gtk_widget_class_install_action (widget_class, "win.print-record", "(sx)", print_record_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", "(sx)", export_pdf_action);
#endif

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
