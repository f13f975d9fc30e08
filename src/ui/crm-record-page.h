/* crm-record-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_RECORD_PAGE (crm_record_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmRecordPage, crm_record_page, CRM, RECORD_PAGE, AdwBin)

/* One record: a business card with its actions (Edit, Clone, Delete,
 * Send Email), then Details (every field by section), Related (notes,
 * attachments, activities, child records) and Timeline. The page follows
 * the store: it re-reads itself after changes. Its "title" property is the
 * record's name, for the window's header. Outside a CrmWindow (no win.*
 * actions) it opens editors and deletes by itself. */
GtkWidget  *crm_record_page_new            (CrmStore      *store);
CrmStore   *crm_record_page_get_store      (CrmRecordPage *self);
void        crm_record_page_set_record     (CrmRecordPage *self,
                                            const char    *module,
                                            gint64         id);
const char *crm_record_page_get_module     (CrmRecordPage *self);
gint64      crm_record_page_get_record_id  (CrmRecordPage *self);
const char *crm_record_page_get_title      (CrmRecordPage *self);
/* "info", "related" or "timeline". */
void        crm_record_page_set_view       (CrmRecordPage *self,
                                            const char    *view);
const char *crm_record_page_get_view       (CrmRecordPage *self);
/* Re-reads now rather than when idle after a change. */
void        crm_record_page_reload         (CrmRecordPage *self);

G_END_DECLS
