/* crm-documents-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-documents.h"

G_BEGIN_DECLS

/* Shared by crm-documents.c, crm-documents-convert.c and
 * crm-documents-stock.c. */

gboolean     _crm_documents_step_done        (CrmStore      *store,
                                              sqlite3_stmt  *stmt,
                                              GError       **error);
/* The document's module, or NULL with an error; *deleted (optional) tells
 * whether it is in the recycle bin. */
CrmModule   *_crm_documents_require          (CrmStore      *store,
                                              const char    *module,
                                              gint64         id,
                                              gboolean      *deleted,
                                              GError       **error);
/* Today as YYYY-MM-DD, local time. */
char        *_crm_documents_today            (void);
/* The first value of a picklist with that meaning (NULL: the first value
 * with none, an open state such as "Created"), or NULL. */
const char  *_crm_documents_picklist_value   (CrmStore      *store,
                                              const char    *module,
                                              const char    *field,
                                              const char    *meaning);
/* Moves the product counters by what the document's state asks for
 * minus what it applied before. */
gboolean     _crm_documents_reconcile_stock  (CrmStore      *store,
                                              const char    *module,
                                              gint64         id,
                                              GError       **error);

G_END_DECLS
