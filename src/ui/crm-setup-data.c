/* crm-setup-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-setup-data"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-audit.h"
#include "crm-backup.h"
#include "crm-export.h"
#include "crm-import-wizard.h"
#include "crm-query.h"
#include "crm-setup-data.h"
#include "crm-setup-window.h"
#include "crm-users.h"
#include "crm-vcard-import.h"

struct _CrmSetupData
{
  AdwPreferencesPage   parent_instance;

  CrmStore            *store;
  AdwComboRow         *csv_module;

  AdwPreferencesPage  *bin_page;
  AdwPreferencesGroup *bin_group;
  GPtrArray           *bin_rows;

  AdwPreferencesPage  *audit_page;
  AdwPreferencesGroup *audit_group;
  GPtrArray           *audit_rows;
  AdwComboRow         *audit_user;
  AdwComboRow         *audit_module;
  AdwComboRow         *audit_period;
  GArray              *audit_user_ids;
};

G_DEFINE_FINAL_TYPE (CrmSetupData, crm_setup_data, ADW_TYPE_PREFERENCES_PAGE)

typedef void (*FileCallback) (CrmSetupData *self, const char *path, gpointer data);

typedef struct
{
  CrmSetupData *self;
  FileCallback  callback;
  gpointer      data;
} FileRequest;

static void
on_file_response_cb (GtkNativeDialog *native,
                     int              response,
                     FileRequest     *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        request->callback (request->self, path, request->data);
    }
  g_object_unref (request->self);
  g_free (request);
  g_object_unref (native);
}

static void
choose_file (CrmSetupData         *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             const char           *current_name,
             const char           *mime_type,
             FileCallback          callback,
             gpointer              data)
{
  GtkFileChooserNative *native;
  FileRequest *request = g_new0 (FileRequest, 1);

  native = gtk_file_chooser_native_new (title, crm_setup_get_window (GTK_WIDGET (self)), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (current_name)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), current_name);
  if (mime_type)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *description = g_content_type_get_description (mime_type);

      gtk_file_filter_add_mime_type (filter, mime_type);
      gtk_file_filter_set_name (filter, description);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  request->self = g_object_ref (self);
  request->callback = callback;
  request->data = data;
  g_signal_connect (native, "response", G_CALLBACK (on_file_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static GtkWidget *
action_row (AdwPreferencesGroup *group,
            const char          *title,
            const char          *subtitle,
            GCallback            callback,
            gpointer             self,
            const char          *data)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "data", (gpointer) data);
  g_signal_connect (row, "activated", callback, self);
  adw_preferences_group_add (group, row);
  return row;
}

/*
 * vCard
 */

static void
on_undo_import_cb (AdwToast *toast,
                   CrmStore *store)
{
  gint64 change = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "change"));

  crm_store_undo_change (store, change, NULL);
}

static void
vcard_import (CrmSetupData *self,
              const char   *path,
              gpointer      data)
{
  g_autoptr(CrmVcardImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast;

  if (!crm_vcard_import (self->store, data, path, &report, &error))
    {
      crm_setup_toast_error (GTK_WIDGET (self), error);
      return;
    }
  if (report->failed > 0)
    message = g_strdup_printf (_("%u imported, %u skipped: %s"), report->created, report->failed,
                               report->messages->len ? (char *) g_ptr_array_index (report->messages, 0) : "");
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card imported", "%u cards imported",
                                            report->created), report->created);
  toast = adw_toast_new (message);
  if (report->change_id > 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data (G_OBJECT (toast), "change", GSIZE_TO_POINTER (report->change_id));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_import_cb), self->store, 0);
    }
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
on_vcard_import_cb (GtkWidget    *row,
                    CrmSetupData *self)
{
  choose_file (self, _("Import vCard"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL, "text/vcard",
               vcard_import, g_object_get_data (G_OBJECT (row), "data"));
}

static void
vcard_export (CrmSetupData *self,
              const char   *path,
              gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  if (!crm_vcard_export (self->store, data, NULL, 0, NULL, path, &n, &error))
    {
      crm_setup_toast_error (GTK_WIDGET (self), error);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card exported", "%u cards exported", n), n);
  crm_setup_toast (GTK_WIDGET (self), message);
}

static void
on_vcard_export_cb (GtkWidget    *row,
                    CrmSetupData *self)
{
  const char *module = g_object_get_data (G_OBJECT (row), "data");
  g_autofree char *name = g_strdup_printf ("%s.vcf", crm_module_get_plural (crm_store_get_module (self->store, module)));

  choose_file (self, _("Export vCard"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), name, NULL,
               vcard_export, (gpointer) module);
}

/*
 * CSV
 */

static const char *
csv_module (CrmSetupData *self)
{
  GPtrArray *modules = crm_store_get_modules (self->store);
  guint i = adw_combo_row_get_selected (self->csv_module);

  return crm_module_get_api_name (g_ptr_array_index (modules, MIN (i, modules->len - 1)));
}

static void
on_csv_import_cb (GtkWidget    *row,
                  CrmSetupData *self)
{
  GtkWidget *wizard = crm_import_wizard_new (crm_setup_get_window (GTK_WIDGET (self)), self->store, csv_module (self));

  gtk_window_present (GTK_WINDOW (wizard));
}

static void
csv_export (CrmSetupData *self,
            const char   *path,
            gpointer      data)
{
  g_autoptr(CrmQuery) query = crm_query_new (data);
  g_autoptr(GError) error = NULL;

  if (crm_export_csv (self->store, query, path, &error))
    crm_setup_toast (GTK_WIDGET (self), _("Exported"));
  else
    crm_setup_toast_error (GTK_WIDGET (self), error);
}

static void
on_csv_export_cb (GtkWidget    *row,
                  CrmSetupData *self)
{
  const char *module = csv_module (self);
  g_autofree char *name = g_strdup_printf ("%s.csv", crm_module_get_plural (crm_store_get_module (self->store, module)));

  choose_file (self, _("Export CSV"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), name, NULL,
               csv_export, (gpointer) module);
}

/*
 * Backup and restore
 */

static void
backup_to (CrmSetupData *self,
           const char   *path,
           gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (crm_backup_to_file (self->store, path, &error))
    crm_setup_toast (GTK_WIDGET (self), _("Backup saved"));
  else
    crm_setup_toast_error (GTK_WIDGET (self), error);
}

static void
on_backup_cb (GtkWidget    *row,
              CrmSetupData *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the file name of a backup; %s is the date */
  g_autofree char *name = g_strdup_printf (_("CRM backup %s.db"), date);

  choose_file (self, _("Back Up"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), name, NULL, backup_to, NULL);
}

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        CrmSetupData     *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  GtkWindow *parent;

  if (g_strcmp0 (response, "restore") != 0)
    return;
  /* The application owns the open database: it closes it, restores and
   * opens it again. */
  parent = gtk_window_get_transient_for (crm_setup_get_window (GTK_WIDGET (self)));
  if (parent == NULL ||
      !gtk_widget_activate_action (GTK_WIDGET (parent), "app.restore-backup", "s", path))
    {
      crm_setup_toast (GTK_WIDGET (self), _("Restoring needs the main window; open Setup from it"));
      return;
    }
  gtk_window_close (crm_setup_get_window (GTK_WIDGET (self)));
}

static void
restore_from (CrmSetupData *self,
              const char   *path,
              gpointer      data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (!crm_backup_check_file (path, NULL, &error))
    {
      crm_setup_toast_error (GTK_WIDGET (self), error);
      return;
    }
  dialog = adw_message_dialog_new (crm_setup_get_window (GTK_WIDGET (self)), _("Replace All Data?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Everything in the CRM is replaced by the backup “%s”. The current data is "
                                    "kept in a file next to the database."), path);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "restore", _("_Replace All Data"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_restore_cb (GtkWidget    *row,
               CrmSetupData *self)
{
  choose_file (self, _("Restore From Backup"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Restore…"), NULL, NULL,
               restore_from, NULL);
}

/*
 * Recycle bin
 */

static void reload_bin (CrmSetupData *self);

static void
on_bin_action_cb (GtkButton    *button,
                  CrmSetupData *self)
{
  const char *module = g_object_get_data (G_OBJECT (button), "module");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "id");
  gboolean purge = g_object_get_data (G_OBJECT (button), "purge") != NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = purge ? crm_store_purge_record (self->store, module, id, &error)
                      : crm_store_restore_record (self->store, module, id, &error);

  if (!ok)
    crm_setup_toast_error (GTK_WIDGET (self), error);
  reload_bin (self);
}

static void
reload_bin (CrmSetupData *self)
{
  GPtrArray *modules = crm_store_get_modules (self->store);
  guint shown = 0;

  crm_setup_group_clear (self->bin_group, self->bin_rows);
  for (guint m = 0; m < modules->len && shown < 500; m++)
    {
      CrmModule *module = g_ptr_array_index (modules, m);
      g_autoptr(CrmQuery) query = crm_query_new (crm_module_get_api_name (module));
      g_autoptr(GArray) ids = NULL;

      crm_query_set_scope (query, CRM_SCOPE_DELETED);
      ids = crm_store_query_ids (self->store, query, NULL);
      for (guint i = 0; ids && i < ids->len && shown < 500; i++, shown++)
        {
          gint64 id = g_array_index (ids, gint64, i);
          g_autofree char *title = crm_store_dup_record_title (self->store, crm_module_get_api_name (module), id);
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title && *title ? title : _("Untitled"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), crm_module_get_singular (module));
          for (int j = 0; j < 2; j++)
            {
              GtkWidget *button = gtk_button_new_with_mnemonic (j ? _("_Delete Forever") : _("_Restore"));

              gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
              if (j)
                {
                  gtk_widget_add_css_class (button, "destructive-action");
                  g_object_set_data (G_OBJECT (button), "purge", GINT_TO_POINTER (1));
                }
              g_object_set_data (G_OBJECT (button), "module", (gpointer) crm_module_get_api_name (module));
              g_object_set_data_full (G_OBJECT (button), "id", g_memdup2 (&id, sizeof id), g_free);
              g_signal_connect (button, "clicked", G_CALLBACK (on_bin_action_cb), self);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
            }
          adw_preferences_group_add (self->bin_group, row);
          g_ptr_array_add (self->bin_rows, row);
        }
    }
  adw_preferences_group_set_description (self->bin_group,
                                         shown == 0 ? _("The recycle bin is empty")
                                                    : _("Deleted records stay here for 60 days"));
}

static void
on_purge_old_cb (CrmSetupData *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 n = crm_recycle_bin_auto_purge (self->store, g_get_real_time () / G_USEC_PER_SEC, &error);

  if (n < 0)
    {
      crm_setup_toast_error (GTK_WIDGET (self), error);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " record deleted for good",
                                          "%" G_GINT64_FORMAT " records deleted for good", n), n);
  crm_setup_toast (GTK_WIDGET (self), message);
  reload_bin (self);
}

static void
on_bin_cb (GtkWidget    *row,
           CrmSetupData *self)
{
  AdwPreferencesGroup *group;
  GtkWidget *button;

  self->bin_page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  button = gtk_button_new_with_mnemonic (_("Delete _Older Than 60 Days"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_purge_old_cb), self);
  adw_preferences_group_set_header_suffix (group, button);
  adw_preferences_group_set_title (group, _("Deleted Records"));
  self->bin_group = group;
  adw_preferences_page_add (self->bin_page, group);
  reload_bin (self);
  crm_setup_present_subpage (GTK_WIDGET (self), crm_setup_subpage_new (_("Recycle Bin"), self->bin_page));
}

/*
 * Audit log
 */

static void
reload_audit (CrmSetupData *self)
{
  GPtrArray *modules = crm_store_get_modules (self->store);
  CrmAuditFilter filter = { 0, };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint user = adw_combo_row_get_selected (self->audit_user);
  guint module = adw_combo_row_get_selected (self->audit_module);
  static const int days[] = { 0, 1, 7, 30, 365 };
  guint period = MIN (adw_combo_row_get_selected (self->audit_period), G_N_ELEMENTS (days) - 1);

  if (user > 0 && user <= self->audit_user_ids->len)
    filter.user_id = g_array_index (self->audit_user_ids, gint64, user - 1);
  if (module > 0 && module <= modules->len)
    filter.module = crm_module_get_api_name (g_ptr_array_index (modules, module - 1));
  if (days[period] > 0)
    filter.from = g_get_real_time () / G_USEC_PER_SEC - (gint64) days[period] * 86400;

  crm_setup_group_clear (self->audit_group, self->audit_rows);
  entries = crm_audit_query (self->store, &filter, 0, 200, &error);
  if (entries == NULL)
    {
      crm_setup_toast_error (GTK_WIDGET (self), error);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      CrmAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (entry->time);
      g_autofree char *when = g_date_time_format (time, "%x %X");
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (entry->field_label)
        title = g_strdup_printf ("%s: %s → %s", entry->field_label,
                                 entry->old_value ? entry->old_value : "—", entry->new_value ? entry->new_value : "—");
      else
        title = g_strdup_printf ("%s %s", entry->action, entry->record_title ? entry->record_title : "");
      subtitle = g_strdup_printf ("%s · %s · %s%s%s", when, entry->user_name ? entry->user_name : "",
                                  entry->module ? entry->module : "",
                                  entry->record_title && entry->field_label ? " · " : "",
                                  entry->record_title && entry->field_label ? entry->record_title : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_group_add (self->audit_group, row);
      g_ptr_array_add (self->audit_rows, row);
    }
  adw_preferences_group_set_description (self->audit_group,
                                         entries->len == 0 ? _("Nothing matches") : _("Newest first, at most 200"));
}

static AdwComboRow *
combo_row (AdwPreferencesGroup *group,
           const char          *title,
           GtkStringList       *list)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

static void
on_audit_cb (GtkWidget    *row,
             CrmSetupData *self)
{
  AdwPreferencesGroup *group;
  g_autoptr(GtkStringList) users = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) modules = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) user_list = crm_users_list (self->store, TRUE, NULL);
  GPtrArray *module_list = crm_store_get_modules (self->store);

  g_array_set_size (self->audit_user_ids, 0);
  gtk_string_list_append (users, _("Everyone"));
  for (guint i = 0; user_list && i < user_list->len; i++)
    {
      CrmUser *user = g_ptr_array_index (user_list, i);

      gtk_string_list_append (users, user->name);
      g_array_append_val (self->audit_user_ids, user->id);
    }
  gtk_string_list_append (modules, _("All Modules"));
  for (guint i = 0; i < module_list->len; i++)
    gtk_string_list_append (modules, crm_module_get_plural (g_ptr_array_index (module_list, i)));
  gtk_string_list_append (periods, _("Any Time"));
  gtk_string_list_append (periods, _("Last 24 Hours"));
  gtk_string_list_append (periods, _("Last 7 Days"));
  gtk_string_list_append (periods, _("Last 30 Days"));
  gtk_string_list_append (periods, _("Last Year"));

  self->audit_page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Filter"));
  self->audit_user = combo_row (group, _("User"), users);
  self->audit_module = combo_row (group, _("Module"), modules);
  self->audit_period = combo_row (group, _("Period"), periods);
  adw_preferences_page_add (self->audit_page, group);
  self->audit_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->audit_group, _("Changes"));
  adw_preferences_page_add (self->audit_page, self->audit_group);
  /* Connected now that the list exists. */
  g_signal_connect_swapped (self->audit_user, "notify::selected", G_CALLBACK (reload_audit), self);
  g_signal_connect_swapped (self->audit_module, "notify::selected", G_CALLBACK (reload_audit), self);
  g_signal_connect_swapped (self->audit_period, "notify::selected", G_CALLBACK (reload_audit), self);
  reload_audit (self);
  crm_setup_present_subpage (GTK_WIDGET (self), crm_setup_subpage_new (_("Audit Log"), self->audit_page));
}

/*
 * GObject
 */

static void
crm_setup_data_dispose (GObject *object)
{
  CrmSetupData *self = (CrmSetupData *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->bin_rows, g_ptr_array_unref);
  g_clear_pointer (&self->audit_rows, g_ptr_array_unref);
  g_clear_pointer (&self->audit_user_ids, g_array_unref);
  G_OBJECT_CLASS (crm_setup_data_parent_class)->dispose (object);
}

static void
crm_setup_data_class_init (CrmSetupDataClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_setup_data_dispose;
}

static void
crm_setup_data_init (CrmSetupData *self)
{
  self->bin_rows = g_ptr_array_new ();
  self->audit_rows = g_ptr_array_new ();
  self->audit_user_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWidget *
crm_setup_data_new (CrmStore *store)
{
  CrmSetupData *self = g_object_new (CRM_TYPE_SETUP_DATA,
                                     "title", _("Data"),
                                     "icon-name", "drive-harddisk-symbolic",
                                     NULL);
  AdwPreferencesGroup *group;

  self->store = g_object_ref (store);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("CSV Files"));
  {
    g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
    GPtrArray *modules = crm_store_get_modules (store);

    for (guint i = 0; i < modules->len; i++)
      gtk_string_list_append (names, crm_module_get_plural (g_ptr_array_index (modules, i)));
    self->csv_module = ADW_COMBO_ROW (adw_combo_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->csv_module), _("Module"));
    adw_combo_row_set_model (self->csv_module, G_LIST_MODEL (names));
    adw_preferences_group_add (group, GTK_WIDGET (self->csv_module));
  }
  action_row (group, _("Import CSV…"), _("Map the columns, check a dry run, then import"),
              G_CALLBACK (on_csv_import_cb), self, NULL);
  action_row (group, _("Export CSV…"), _("Every record of the module"), G_CALLBACK (on_csv_export_cb), self, NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("vCard Files"));
  action_row (group, _("Import Contacts From vCard…"), NULL, G_CALLBACK (on_vcard_import_cb), self, "contacts");
  action_row (group, _("Import Leads From vCard…"), NULL, G_CALLBACK (on_vcard_import_cb), self, "leads");
  action_row (group, _("Export Contacts to vCard…"), NULL, G_CALLBACK (on_vcard_export_cb), self, "contacts");
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Backup"));
  adw_preferences_group_set_description (group, _("A backup is one file holding everything in the CRM"));
  action_row (group, _("Back Up Now…"), NULL, G_CALLBACK (on_backup_cb), self, NULL);
  action_row (group, _("Restore From Backup…"), _("Replaces all data"), G_CALLBACK (on_restore_cb), self, NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("History"));
  action_row (group, _("Recycle Bin"), _("Restore deleted records or delete them for good"),
              G_CALLBACK (on_bin_cb), self, NULL);
  action_row (group, _("Audit Log"), _("Every change, by user, module and date"), G_CALLBACK (on_audit_cb), self, NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);

  return GTK_WIDGET (self);
}
