/* crm-setup-privacy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-setup-privacy"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-privacy.h"
#include "crm-search.h"
#include "crm-setup-privacy.h"
#include "crm-setup-window.h"

struct _CrmSetupPrivacy
{
  AdwPreferencesPage   parent_instance;

  CrmStore            *store;
  AdwPreferencesGroup *results_group;
  GPtrArray           *result_rows;
};

G_DEFINE_FINAL_TYPE (CrmSetupPrivacy, crm_setup_privacy, ADW_TYPE_PREFERENCES_PAGE)

static const char * const privacy_modules[] = { "leads", "contacts", "accounts", NULL };

static void
on_enabled_cb (GtkSwitch       *sw,
               GParamSpec      *pspec,
               CrmSetupPrivacy *self)
{
  g_autoptr(GError) error = NULL;

  if (!crm_privacy_set_enabled (self->store, g_object_get_data (G_OBJECT (sw), "module"),
                                gtk_switch_get_active (sw), &error))
    crm_setup_toast_error (GTK_WIDGET (self), error);
}

static void
on_personal_cb (GtkSwitch       *sw,
                GParamSpec      *pspec,
                CrmSetupPrivacy *self)
{
  g_autoptr(GError) error = NULL;

  if (!crm_privacy_set_personal (self->store, g_object_get_data (G_OBJECT (sw), "module"),
                                 g_object_get_data (G_OBJECT (sw), "field"), gtk_switch_get_active (sw), &error))
    crm_setup_toast_error (GTK_WIDGET (self), error);
}

typedef struct
{
  CrmSetupPrivacy *self;
  char            *module;
  gint64           id;
} Request;

static void
request_free (Request *request)
{
  g_free (request->module);
  g_free (request);
}

static void
on_export_response_cb (GtkNativeDialog *native,
                       int              response,
                       Request         *request)
{
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      if (crm_privacy_export_json_file (request->self->store, request->module, request->id, path, &error))
        crm_setup_toast (GTK_WIDGET (request->self), _("Personal data exported"));
      else
        crm_setup_toast_error (GTK_WIDGET (request->self), error);
    }
  g_object_unref (native);
}

static void
on_export_cb (GtkButton *button)
{
  Request *request = g_object_get_data (G_OBJECT (button), "request");
  GtkFileChooserNative *native;
  g_autofree char *title = crm_store_dup_record_title (request->self->store, request->module, request->id);
  g_autofree char *name = g_strdup_printf ("%s.json", title ? title : "personal-data");

  native = gtk_file_chooser_native_new (_("Export Personal Data"), crm_setup_get_window (GTK_WIDGET (button)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (on_export_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_erase_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Request          *request)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "erase") != 0)
    return;
  if (crm_privacy_erase (request->self->store, request->module, request->id, &error))
    crm_setup_toast (GTK_WIDGET (request->self), _("Personal data erased"));
  else
    crm_setup_toast_error (GTK_WIDGET (request->self), error);
}

static void
on_erase_cb (GtkButton *button)
{
  Request *request = g_object_get_data (G_OBJECT (button), "request");
  g_autofree char *title = crm_store_dup_record_title (request->self->store, request->module, request->id);
  GtkWidget *dialog = adw_message_dialog_new (crm_setup_get_window (GTK_WIDGET (button)), NULL, NULL);

  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Erase the Personal Data of %s?"), title);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Names, emails, phones, addresses and the history of these fields are removed "
                                 "for good. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "erase", _("_Erase"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_erase_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_find_apply_cb (AdwEntryRow     *row,
                  CrmSetupPrivacy *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = crm_store_search (self->store, gtk_editable_get_text (GTK_EDITABLE (row)), 10, &error);

  crm_setup_group_clear (self->results_group, self->result_rows);
  if (hits == NULL)
    {
      crm_setup_toast_error (GTK_WIDGET (self), error);
      return;
    }
  for (guint i = 0; i < hits->len; i++)
    {
      CrmSearchHit *hit = g_ptr_array_index (hits, i);
      CrmModule *module = crm_store_get_module (self->store, hit->module);
      Request *request;
      GtkWidget *result, *export, *erase;

      if (!g_strv_contains (privacy_modules, hit->module))
        continue;
      request = g_new0 (Request, 1);
      request->self = self;
      request->module = g_strdup (hit->module);
      request->id = hit->id;
      result = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (result), hit->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (result), crm_module_get_singular (module));
      g_object_set_data_full (G_OBJECT (result), "request", request, (GDestroyNotify) request_free);
      export = gtk_button_new_with_mnemonic (_("E_xport…"));
      erase = gtk_button_new_with_mnemonic (_("_Erase…"));
      gtk_widget_add_css_class (erase, "destructive-action");
      for (int j = 0; j < 2; j++)
        {
          GtkWidget *b = j ? erase : export;

          gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (b), "request", request);
          adw_action_row_add_suffix (ADW_ACTION_ROW (result), b);
        }
      g_signal_connect (export, "clicked", G_CALLBACK (on_export_cb), NULL);
      g_signal_connect (erase, "clicked", G_CALLBACK (on_erase_cb), NULL);
      adw_preferences_group_add (self->results_group, result);
      g_ptr_array_add (self->result_rows, result);
    }
  if (self->result_rows->len == 0)
    crm_setup_toast (GTK_WIDGET (self), _("No lead, contact or account matches"));
}

static void
crm_setup_privacy_dispose (GObject *object)
{
  CrmSetupPrivacy *self = (CrmSetupPrivacy *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->result_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (crm_setup_privacy_parent_class)->dispose (object);
}

static void
crm_setup_privacy_class_init (CrmSetupPrivacyClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_setup_privacy_dispose;
}

static void
crm_setup_privacy_init (CrmSetupPrivacy *self)
{
  self->result_rows = g_ptr_array_new ();
}

GtkWidget *
crm_setup_privacy_new (CrmStore *store)
{
  CrmSetupPrivacy *self = g_object_new (CRM_TYPE_SETUP_PRIVACY,
                                        "title", _("Privacy"),
                                        "icon-name", "preferences-system-privacy-symbolic",
                                        NULL);
  AdwPreferencesGroup *group;
  GtkWidget *row;

  self->store = g_object_ref (store);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("GDPR"));
  adw_preferences_group_set_description (group, _("Keep the data source, processing basis and consent of each person, "
                                                  "and answer requests to export or erase their data"));
  for (guint i = 0; privacy_modules[i]; i++)
    {
      CrmModule *module = crm_store_get_module (store, privacy_modules[i]);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *sw = gtk_switch_new ();
      GPtrArray *fields = crm_module_get_fields (module);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), crm_module_get_plural (module));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _("Expand to choose the personal fields"));
      gtk_switch_set_active (GTK_SWITCH (sw), crm_privacy_is_enabled (store, privacy_modules[i]));
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      crm_module_get_plural (module), -1);
      g_object_set_data (G_OBJECT (sw), "module", (gpointer) privacy_modules[i]);
      g_signal_connect (sw, "notify::active", G_CALLBACK (on_enabled_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), sw);
      for (guint j = 0; j < fields->len; j++)
        {
          CrmField *field = g_ptr_array_index (fields, j);
          GtkSwitch *fsw;

          if (crm_field_has_flag (field, CRM_FIELD_FLAG_SYSTEM) || crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN))
            continue;
          row = crm_setup_switch_row_new (crm_field_get_label (field), NULL,
                                          crm_privacy_is_personal (store, privacy_modules[i],
                                                                   crm_field_get_api_name (field)), &fsw);
          g_object_set_data (G_OBJECT (fsw), "module", (gpointer) privacy_modules[i]);
          g_object_set_data_full (G_OBJECT (fsw), "field", g_strdup (crm_field_get_api_name (field)), g_free);
          g_signal_connect (fsw, "notify::active", G_CALLBACK (on_personal_cb), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      adw_preferences_group_add (group, expander);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);

  self->results_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->results_group, _("Requests from a Person"));
  adw_preferences_group_set_description (self->results_group,
                                         _("Find the person, then export their personal data or erase it"));
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Name, Email or Phone"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "apply", G_CALLBACK (on_find_apply_cb), self);
  adw_preferences_group_add (self->results_group, row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->results_group);

  return GTK_WIDGET (self);
}
