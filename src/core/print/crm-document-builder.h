/* crm-document-builder.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-document.h"
#include "crm-store.h"

G_BEGIN_DECLS

/*
 * Turns a quote, sales order, purchase order or invoice into a filled
 * CrmDocument: the company from the `company` table (name, address,
 * contact lines, logo PNG), the document's title, number, dates and state,
 * bill-to and ship-to, its stored lines and totals, terms and conditions.
 * Money is formatted in the document's currency and dates in the current
 * locale, the same functions the editor uses, from the same stored
 * figures; the template, accent colour and paper come from the settings
 * below.
 */

/* Settings keys: print.template ("classic", "modern"), print.accent
 * ("#rrggbb"), print.paper ("a4", "letter"). */
CrmDocumentTemplate crm_print_settings_get_template (CrmStore             *store);
gboolean            crm_print_settings_set_template (CrmStore             *store,
                                                     CrmDocumentTemplate   tmpl,
                                                     GError              **error);
/* "#rrggbb" */
char               *crm_print_settings_dup_accent   (CrmStore             *store);
gboolean            crm_print_settings_set_accent   (CrmStore             *store,
                                                     const char           *hex,
                                                     GError              **error);
CrmPaperSize        crm_print_settings_get_paper    (CrmStore             *store);
gboolean            crm_print_settings_set_paper    (CrmStore             *store,
                                                     CrmPaperSize          paper,
                                                     GError              **error);

CrmDocument        *crm_document_builder_build      (CrmStore             *store,
                                                     const char           *module,
                                                     gint64                id,
                                                     GError              **error);
/* Builds and writes the PDF (complete, or nothing at @path). */
gboolean            crm_document_builder_export_pdf (CrmStore             *store,
                                                     const char           *module,
                                                     gint64                id,
                                                     const char           *path,
                                                     GError              **error);
/* A file name for the PDF, e.g. "INV-2026-0001.pdf". */
char               *crm_document_builder_dup_file_name (CrmStore          *store,
                                                     const char           *module,
                                                     gint64                id);

/* For `crm --pdf MODULE ID FILE`: writes the PDF without a display and
 * returns the exit status (0, or 1 with the reason on stderr). MODULE is
 * an api name ("invoices") or its singular ("invoice"). */
int                 crm_cli_pdf                     (CrmStore             *store,
                                                     const char           *module,
                                                     gint64                id,
                                                     const char           *path);

G_END_DECLS
