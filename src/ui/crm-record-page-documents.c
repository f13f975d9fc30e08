/* crm-record-page-documents.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-record-page"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-convert.h"
#include "crm-documents.h"
#include "crm-line-item-editor.h"
#include "crm-print.h"
#include "crm-record-page-private.h"
#include "crm-window.h"

/* What the record page offers for sales documents and leads: the line
 * items, Print, Export PDF and the conversions. The work is the core's
 * (crm-documents, crm-convert) and the print module's; this only asks. */

static void
toast (CrmRecordPage *self,
       const char    *message,
       gint64         change_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (CRM_IS_WINDOW (root))
    crm_window_add_toast (CRM_WINDOW (root), message, change_id);
}

void
_crm_record_page_add_lines (CrmRecordPage *self)
{
  AdwPreferencesGroup *group;

  if (!crm_documents_is_document (self->module))
    return;

  /* One editor per record: a refresh of the page must not drop lines
   * being typed. */
  if (self->lines_editor == NULL || self->lines_id != self->id ||
      g_strcmp0 (self->lines_module, self->module) != 0)
    {
      g_clear_object (&self->lines_editor);
      self->lines_editor = g_object_ref_sink (crm_line_item_editor_new (self->store, self->module, self->id));
      self->lines_id = self->id;
      g_free (self->lines_module);
      self->lines_module = g_strdup (self->module);
    }
  else if (gtk_widget_get_parent (self->lines_editor) != NULL)
    gtk_widget_unparent (self->lines_editor);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Line Items"));
  adw_preferences_group_add (group, self->lines_editor);
  gtk_box_prepend (self->info_box, GTK_WIDGET (group));
}

void
_crm_record_page_update_document_actions (CrmRecordPage *self)
{
  gboolean live = self->record != NULL && !crm_record_is_deleted (self->record);
  gboolean document = live && crm_documents_is_document (self->module);
  gboolean lead = live && g_strcmp0 (self->module, "leads") == 0 &&
                  crm_record_get_int (self->record, "converted", 0) != 1;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.print", document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.export-pdf", document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.convert-to-order",
                                 live && g_strcmp0 (self->module, "quotes") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.convert-to-invoice",
                                 live && (g_strcmp0 (self->module, "quotes") == 0 ||
                                          g_strcmp0 (self->module, "sales_orders") == 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.convert-lead", lead);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CrmRecordPage *self = CRM_RECORD_PAGE (widget);

  if (!gtk_widget_activate_action (widget, "win.print-record", "(sx)", self->module, self->id))
    crm_print_record (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->module, self->id);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrmRecordPage *self = CRM_RECORD_PAGE (widget);

  if (!gtk_widget_activate_action (widget, "win.export-pdf", "(sx)", self->module, self->id))
    crm_export_record_pdf (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->module, self->id);
}

static void
convert_document (CrmRecordPage *self,
                  const char    *to_module)
{
  g_autoptr(GError) error = NULL;
  CrmModule *target = crm_store_get_module (self->store, to_module);
  g_autofree char *message = NULL;
  gint64 id;

  id = crm_documents_convert (self->store, self->module, self->id, to_module, &error);
  if (id == 0)
    {
      _crm_record_page_show_error (self, _("Could Not Convert"), error);
      return;
    }
  /* Translators: e.g. "Sales Order created" */
  message = g_strdup_printf (_("%s created"), crm_module_get_singular (target));
  toast (self, message, crm_store_get_last_change (self->store));
  _crm_record_page_show_record (self, to_module, id);
}

static void
convert_to_order_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  convert_document (CRM_RECORD_PAGE (widget), "sales_orders");
}

static void
convert_to_invoice_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  convert_document (CRM_RECORD_PAGE (widget), "invoices");
}

static void
on_convert_lead_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             CrmRecordPage    *self)
{
  CrmConvertOptions options = { 0, 0, FALSE, NULL, NULL, NULL, -1, 0 };
  CrmConvertResult result = { 0 };
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "convert") != 0 && g_strcmp0 (response, "deal") != 0)
    return;

  options.create_deal = g_str_equal (response, "deal");
  if (!crm_store_convert_lead (self->store, self->id, &options, &result, &error))
    {
      _crm_record_page_show_error (self, _("Could Not Convert the Lead"), error);
      return;
    }
  toast (self, result.deal_id ? _("Lead converted to a contact, an account and a deal")
                              : _("Lead converted"), 0);
  if (result.deal_id)
    _crm_record_page_show_record (self, "deals", result.deal_id);
  else
    _crm_record_page_show_record (self, "contacts", result.contact_id);
}

static void
convert_lead_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrmRecordPage *self = CRM_RECORD_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  gint64 account = 0, contact = 0;
  const char *company = self->record ? crm_record_get_string (self->record, "company") : NULL;
  AdwMessageDialog *dialog;

  if (!crm_store_find_conversion_matches (self->store, self->id, &account, &contact, &error))
    {
      _crm_record_page_show_error (self, _("Could Not Convert the Lead"), error);
      return;
    }

  heading = g_strdup_printf (_("Convert “%s”?"), self->title ? self->title : "");
  if (contact != 0)
    body = g_strdup (_("The lead is linked to the existing contact with the same email. "
                       "Notes and activities move to the contact. This cannot be undone."));
  else if (company != NULL && account != 0)
    body = g_strdup_printf (_("A contact is created under the existing account “%s”. "
                              "Notes and activities move to the contact. This cannot be undone."), company);
  else if (company != NULL)
    body = g_strdup_printf (_("A contact and the account “%s” are created. "
                              "Notes and activities move to the contact. This cannot be undone."), company);
  else
    body = g_strdup (_("A contact is created. Notes and activities move to it. This cannot be undone."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "convert", _("_Convert"),
                                    NULL);
  if (company != NULL)
    adw_message_dialog_add_response (dialog, "deal", _("Convert With a _Deal"));
  adw_message_dialog_set_response_appearance (dialog, "convert", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "convert");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_convert_lead_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_crm_record_page_class_init_documents (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "record.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "record.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "record.convert-to-order", NULL, convert_to_order_action);
  gtk_widget_class_install_action (widget_class, "record.convert-to-invoice", NULL, convert_to_invoice_action);
  gtk_widget_class_install_action (widget_class, "record.convert-lead", NULL, convert_lead_action);
}
