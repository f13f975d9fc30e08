/* crm-templates.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-document.h"
#include "crm-store.h"

G_BEGIN_DECLS

/*
 * Document template settings edited in Setup › Templates, kept in the
 * store's settings table. The keys print.template ("classic", "modern"),
 * print.accent ("#rrggbb") and print.paper ("a4", "letter") are the ones
 * the document builder reads; print.terms.<module> holds the default
 * terms and conditions of a document type (quotes, sales_orders,
 * purchase_orders, invoices) and print.footer the footer text.
 */

#define CRM_TEMPLATES_DEFAULT_ACCENT "#3584e4"

CrmDocumentTemplate crm_templates_get_template (CrmStore            *store);
gboolean            crm_templates_set_template (CrmStore            *store,
                                                CrmDocumentTemplate  tmpl,
                                                GError             **error);
/* "#rrggbb", CRM_TEMPLATES_DEFAULT_ACCENT until set. */
char               *crm_templates_dup_accent   (CrmStore            *store);
gboolean            crm_templates_set_accent   (CrmStore            *store,
                                                const char          *hex,
                                                GError             **error);
/* Components 0..1 of a "#rrggbb" text. */
gboolean            crm_templates_parse_accent (const char          *hex,
                                                double              *red,
                                                double              *green,
                                                double              *blue);
CrmPaperSize        crm_templates_get_paper    (CrmStore            *store);
gboolean            crm_templates_set_paper    (CrmStore            *store,
                                                CrmPaperSize         paper,
                                                GError             **error);
/* The document modules that have terms: quotes, sales_orders,
 * purchase_orders, invoices. */
const char * const *crm_templates_document_modules (void);
/* NULL when none. */
char               *crm_templates_dup_terms    (CrmStore            *store,
                                                const char          *module,
                                                GError             **error);
gboolean            crm_templates_set_terms    (CrmStore            *store,
                                                const char          *module,
                                                const char          *terms,
                                                GError             **error);
char               *crm_templates_dup_footer   (CrmStore            *store);
gboolean            crm_templates_set_footer   (CrmStore            *store,
                                                const char          *footer,
                                                GError             **error);

G_END_DECLS
