/* crm-record-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crm-query.h"
#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_RECORD_LIST (crm_record_list_get_type ())

G_DECLARE_FINAL_TYPE (CrmRecordList, crm_record_list, CRM, RECORD_LIST, GObject)

/* A GListModel of CrmRecord over one query. It holds the ordered id array
 * (8 bytes a row) and fetches rows in pages of CRM_RECORD_LIST_PAGE_SIZE as
 * get_item() asks for them, keeping a few pages cached. Sorting and
 * filtering run a new query and replace the rows (a removal and an
 * addition, never one emission per row). */
#define CRM_RECORD_LIST_PAGE_SIZE 64

CrmRecordList *crm_record_list_new             (CrmStore       *store,
                                                CrmQuery       *query);
CrmStore      *crm_record_list_get_store       (CrmRecordList  *self);
CrmQuery      *crm_record_list_get_query       (CrmRecordList  *self);
/* Replaces the query (a copy is kept) and reloads. */
gboolean       crm_record_list_set_query       (CrmRecordList  *self,
                                                CrmQuery       *query,
                                                GError        **error);
gboolean       crm_record_list_reload          (CrmRecordList  *self,
                                                GError        **error);
gint64         crm_record_list_get_id          (CrmRecordList  *self,
                                                guint           position);
/* Position of a record, or -1. */
gint           crm_record_list_find            (CrmRecordList  *self,
                                                gint64          id);
/* TRUE while the ids after the first page are read on a worker thread
 * (lists longer than 20,000 rows); "notify::loading" tells when they are
 * in, appended with one items-changed. */
gboolean       crm_record_list_is_loading      (CrmRecordList  *self);
/* Optimistic edits, for a view that shows a change before the store has
 * made it (a Kanban card dropped on a column). The store's records-changed
 * then finds the row where it is and refreshes it in place; a view whose
 * change was refused undoes its edit with the other call. */
void           crm_record_list_insert_id       (CrmRecordList  *self,
                                                guint           position,
                                                gint64          id);
/* Returns the position the id had, or -1. */
gint           crm_record_list_remove_id       (CrmRecordList  *self,
                                                gint64          id);
/* Number of pages fetched from the database since creation (for tests). */
guint          crm_record_list_get_page_loads  (CrmRecordList  *self);
guint          crm_record_list_get_cached_pages (CrmRecordList *self);

G_END_DECLS
