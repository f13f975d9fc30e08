/* crm-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-print"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-document-builder.h"
#include "crm-print.h"

static void
show_error (GtkWindow    *parent,
            const char   *heading,
            const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * Printing
 */

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   CrmDocument       *document)
{
  /* the context is in points (GTK_UNIT_POINTS) over the whole sheet */
  int pages = crm_document_paginate (document,
                                     gtk_print_context_get_width (context),
                                     gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, pages);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 CrmDocument       *document)
{
  crm_document_draw_page (document, gtk_print_context_get_cairo_context (context), page_nr,
                          gtk_print_context_get_width (context),
                          gtk_print_context_get_height (context));
}

GtkPrintOperation *
crm_print_operation_new (CrmStore    *store,
                         const char  *module,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(CrmDocument) document = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintOperation *operation;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  document = crm_document_builder_build (store, module, id, error);
  if (document == NULL)
    return NULL;

  paper = gtk_paper_size_new (crm_print_settings_get_paper (store) == CRM_PAPER_LETTER
                              ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);

  operation = gtk_print_operation_new ();
  job_name = crm_document_builder_dup_file_name (store, module, id);
  if (g_str_has_suffix (job_name, ".pdf"))
    job_name[strlen (job_name) - 4] = '\0';
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* the document draws its own margins, header and footer */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);

  g_signal_connect_data (operation, "begin-print", G_CALLBACK (on_begin_print_cb),
                         g_object_ref (document), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page_cb),
                         g_object_ref (document), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return operation;
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (parent, _("Could Not Print"), error);
    }
}

void
crm_print_record (GtkWindow  *parent,
                  CrmStore   *store,
                  const char *module,
                  gint64      id)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CRM_IS_STORE (store));

  operation = crm_print_operation_new (store, module, id, &error);
  if (operation == NULL)
    {
      show_error (parent, _("Could Not Print"), error);
      return;
    }
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done_cb), parent);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (parent, _("Could Not Print"), error);
}

/*
 * PDF export
 */

gboolean
crm_export_record_pdf_to (CrmStore    *store,
                          const char  *module,
                          gint64       id,
                          GFile       *file,
                          GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("PDFs can only be saved to local folders"));
      return FALSE;
    }
  return crm_document_builder_export_pdf (store, module, id, path, error);
}

typedef struct
{
  GtkWindow *parent;
  CrmStore  *store;
  char      *module;
  gint64     id;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->store);
  g_free (data->module);
  g_free (data);
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       ExportData      *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (!crm_export_record_pdf_to (data->store, data->module, data->id, file, &error))
        show_error (data->parent, _("Could Not Export the PDF"), error);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  export_data_free (data);
}

void
crm_export_record_pdf (GtkWindow  *parent,
                       CrmStore   *store,
                       const char *module,
                       gint64      id)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  ExportData *data;

  g_return_if_fail (CRM_IS_STORE (store));

  dialog = gtk_file_chooser_native_new (_("Export PDF"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  name = crm_document_builder_dup_file_name (store, module, id);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  data = g_new0 (ExportData, 1);
  data->parent = parent ? g_object_ref (parent) : NULL;
  data->store = g_object_ref (store);
  data->module = g_strdup (module);
  data->id = id;
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
