/* crm-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/* Queues a records-changed emission for after the outermost commit. */
void      _crm_store_notify               (CrmStore      *self,
                                           const char    *module,
                                           gint64         id);
void      _crm_store_notify_metadata      (CrmStore      *self);
gboolean  _crm_store_add_history          (CrmStore      *self,
                                           const char    *module,
                                           gint64         record_id,
                                           const char    *action,
                                           const char    *field,
                                           GVariant      *old_value,
                                           GVariant      *new_value,
                                           GError       **error);
gint64    _crm_store_now                  (void);
void      _crm_bind_variant               (sqlite3_stmt  *stmt,
                                           int            index,
                                           GVariant      *value);
/* NULL for SQL NULL; "x" for integers, "s" for text. Floating reference. */
GVariant *_crm_column_variant             (sqlite3_stmt  *stmt,
                                           int            column);

/* Runs the write hooks (crm_store_add_write_hook). Besides the public
 * actions, the store runs them with "purge" (the row is gone; before and
 * after are the last stored record) and "undo" (an Undo rewrote the row;
 * before and after as for "update") so that derived data such as stock
 * counters follows every path. */
gboolean  _crm_store_run_write_hooks      (CrmStore      *self,
                                           const char    *action,
                                           CrmRecord     *before,
                                           CrmRecord     *after,
                                           GError       **error);

/* Undoes a history row with an action the store does not know itself
 * (e.g. "lines"); old_value is the row's old_value. */
typedef gboolean (*CrmUndoHook)  (CrmStore      *self,
                                  const char    *module,
                                  gint64         id,
                                  const char    *field,
                                  GVariant      *old_value,
                                  GError       **error);

void      _crm_store_add_undo_hook        (CrmStore      *self,
                                           const char    *action,
                                           CrmUndoHook    hook);
gboolean  _crm_store_run_undo_hook        (CrmStore      *self,
                                           const char    *action,
                                           const char    *module,
                                           gint64         id,
                                           const char    *field,
                                           GVariant      *old_value,
                                           GError       **error);

/* crm-documents.c: migration 002 and the hooks for sales documents */
gboolean  _crm_documents_migrate_002      (CrmStore      *self,
                                           GError       **error);
void      _crm_documents_install          (CrmStore      *self);
/* crm-pricing.c */
void      _crm_pricing_install            (CrmStore      *self);

/* crm-store-records.c: the prefix of auto numbers when none is set */
const char *_crm_store_default_number_prefix (const char *module);

/* crm-store-metadata.c */
gboolean  _crm_store_seed_standard        (CrmStore      *self,
                                           GError       **error);
gboolean  _crm_store_load_metadata        (CrmStore      *self,
                                           GError       **error);
gboolean  _crm_store_create_module_table  (CrmStore      *self,
                                           CrmModule     *module,
                                           GError       **error);
void      _crm_store_set_modules          (CrmStore      *self,
                                           GPtrArray     *modules);

/* crm-kanban.c: puts back the card positions a change moved. */
gboolean  _crm_kanban_undo_change         (CrmStore      *self,
                                           gint64         change_id,
                                           GError       **error);
/* crm-kanban.c: the ids of a query narrowed to a column, in board order. */
struct _CrmQuery;
GArray   *_crm_kanban_query_ids           (CrmStore      *store,
                                           struct _CrmQuery *query,
                                           GError       **error);

/* crm-currencies.c: the currency fields of schema 6 (labels translated) */
gboolean  _crm_setup_migrate_006          (CrmStore      *self,
                                           GError       **error);

/* crm-search.c */
gboolean  _crm_search_index_record        (CrmStore      *self,
                                           CrmRecord     *record,
                                           GError       **error);
gboolean  _crm_search_remove_record       (CrmStore      *self,
                                           CrmModule     *module,
                                           gint64         id,
                                           GError       **error);
gboolean  _crm_search_index_batch         (CrmStore      *self,
                                           CrmModule     *module,
                                           gint64         batch,
                                           gint64         after_id,
                                           GError       **error);

G_END_DECLS
