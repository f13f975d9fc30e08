/* crm-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "crm-error.h"
#include "crm-module.h"
#include "crm-record.h"

G_BEGIN_DECLS

/* The schema version this build writes. A file with a higher
 * PRAGMA user_version is refused with CRM_ERROR_TOO_NEW. */
#define CRM_STORE_SCHEMA_VERSION 6

#define CRM_TYPE_STORE (crm_store_get_type ())

G_DECLARE_FINAL_TYPE (CrmStore, crm_store, CRM, STORE, GObject)

/*
 * Connection
 */
CrmStore    *crm_store_open                (const char   *path,
                                            GError      **error);
const char  *crm_store_get_path            (CrmStore     *self);
sqlite3     *crm_store_get_db              (CrmStore     *self);
int          crm_store_get_schema_version  (CrmStore     *self);
char        *crm_store_default_path        (void);

/* A cached prepared statement, reset and with its bindings cleared.
 * Owned by the store: do not finalize it. Use crm_autoreset so that it is
 * reset when it leaves scope. */
sqlite3_stmt *crm_store_prepare           (CrmStore     *self,
                                            const char   *sql,
                                            GError      **error);
gboolean     crm_store_exec                (CrmStore     *self,
                                            const char   *sql,
                                            GError      **error);
void         crm_store_set_sqlite_error    (CrmStore     *self,
                                            GError      **error);

static inline void
crm_stmt_autoreset (sqlite3_stmt **stmt)
{
  if (*stmt != NULL)
    sqlite3_reset (*stmt);
}
#define crm_autoreset __attribute__((cleanup (crm_stmt_autoreset)))

/* Transactions nest (SAVEPOINTs inside one BEGIN IMMEDIATE). */
gboolean     crm_store_begin               (CrmStore     *self,
                                            GError      **error);
gboolean     crm_store_commit              (CrmStore     *self,
                                            GError      **error);
void         crm_store_rollback            (CrmStore     *self);
gboolean     crm_store_in_transaction      (CrmStore     *self);

/*
 * Change sets: one user action, one Undo step. begin_change opens a
 * transaction and a `changes` row; writes inside record history rows
 * against it. Nested begin_change calls join the outer change.
 */
gint64       crm_store_begin_change        (CrmStore     *self,
                                            const char   *action,
                                            const char   *module,
                                            const char   *description,
                                            GError      **error);
gboolean     crm_store_end_change          (CrmStore     *self,
                                            GError      **error);
void         crm_store_abort_change        (CrmStore     *self);
gint64       crm_store_get_current_change  (CrmStore     *self);
/* The newest change that was committed and not undone, or 0. */
gint64       crm_store_get_last_change     (CrmStore     *self);
char        *crm_store_dup_change_description (CrmStore  *self,
                                            gint64        change_id);
gboolean     crm_store_undo_change         (CrmStore     *self,
                                            gint64        change_id,
                                            GError      **error);
gboolean     crm_store_undo_last           (CrmStore     *self,
                                            GError      **error);

/*
 * Write hooks: code that must run in the same transaction as a record
 * write (stock counters, workflow rules). A hook sees the record before
 * (NULL on create) and after (NULL never; on delete/restore it is the
 * stored record); action is "create", "update", "delete" or "restore",
 * and also "purge" (the row is gone; before and after are its last
 * state) and "undo" (an Undo rewrote the row) for hooks that keep derived
 * data in step; workflow rules should ignore the actions they do not know.
 * Returning FALSE with an error aborts the whole write. Hooks may write
 * records themselves; crm_store_get_hook_depth() tells how deep.
 */
typedef gboolean (*CrmWriteHook) (CrmStore    *store,
                                  const char  *action,
                                  CrmRecord   *before,
                                  CrmRecord   *after,
                                  gpointer     user_data,
                                  GError     **error);

guint        crm_store_add_write_hook      (CrmStore     *self,
                                            const char   *module,
                                            CrmWriteHook  hook,
                                            gpointer      user_data,
                                            GDestroyNotify destroy);
void         crm_store_remove_write_hook   (CrmStore     *self,
                                            guint         hook_id);
guint        crm_store_get_hook_depth      (CrmStore     *self);

/*
 * Users and settings
 */
gint64       crm_store_get_current_user    (CrmStore     *self);
void         crm_store_set_current_user    (CrmStore     *self,
                                            gint64        user_id);
gint64       crm_store_add_user            (CrmStore     *self,
                                            const char   *name,
                                            const char   *email,
                                            const char   *role,
                                            GError      **error);
char        *crm_store_dup_user_name       (CrmStore     *self,
                                            gint64        user_id);
/* (id, name) pairs of active users as a GVariant "a(xs)". */
GVariant    *crm_store_list_users          (CrmStore     *self);
char        *crm_store_get_setting         (CrmStore     *self,
                                            const char   *key);
gboolean     crm_store_set_setting         (CrmStore     *self,
                                            const char   *key,
                                            const char   *value,
                                            GError      **error);
/* The company's home currency ("USD" until set). */
char        *crm_store_dup_home_currency   (CrmStore     *self);

/*
 * Metadata (crm-store-metadata.c)
 */
GPtrArray   *crm_store_get_modules         (CrmStore     *self);
CrmModule   *crm_store_get_module          (CrmStore     *self,
                                            const char   *api_name);
CrmModule   *crm_store_create_module       (CrmStore     *self,
                                            const char   *api_name,
                                            const char   *singular,
                                            const char   *plural,
                                            const char   *icon_name,
                                            GError      **error);
CrmField    *crm_store_add_field           (CrmStore     *self,
                                            const char   *module,
                                            const char   *api_name,
                                            const char   *label,
                                            CrmFieldType  type,
                                            CrmFieldFlags flags,
                                            const char   *lookup_module,
                                            const char * const *picklist,
                                            GError      **error);
gboolean     crm_store_update_field        (CrmStore     *self,
                                            CrmField     *field,
                                            GError      **error);
gboolean     crm_store_delete_field        (CrmStore     *self,
                                            const char   *module,
                                            const char   *api_name,
                                            GError      **error);
gint64       crm_store_count_field_values  (CrmStore     *self,
                                            const char   *module,
                                            const char   *api_name,
                                            GError      **error);
gboolean     crm_store_rename_picklist_value (CrmStore   *self,
                                            const char   *module,
                                            const char   *field,
                                            const char   *old_value,
                                            const char   *new_value,
                                            GError      **error);
gboolean     crm_store_add_picklist_value  (CrmStore     *self,
                                            const char   *module,
                                            const char   *field,
                                            const char   *value,
                                            GError      **error);
/* The meaning of a picklist value ("won", "lost", "delivered", ...) or NULL. */
const char  *crm_store_get_picklist_meaning (CrmStore    *self,
                                            const char   *module,
                                            const char   *field,
                                            const char   *value);
/* A deal stage's default probability in percent, or -1. */
int          crm_store_get_stage_probability (CrmStore   *self,
                                            const char   *stage);
gboolean     crm_store_reload_metadata     (CrmStore     *self,
                                            GError      **error);

/*
 * Records (crm-store-records.c)
 */
CrmRecord   *crm_store_load_record         (CrmStore     *self,
                                            const char   *module,
                                            gint64        id,
                                            GError      **error);
/* Loads many records in one query; missing ids are left out, order is
 * not kept. */
GPtrArray   *crm_store_load_records        (CrmStore     *self,
                                            const char   *module,
                                            const gint64 *ids,
                                            guint         n_ids,
                                            GError      **error);
/* Parses text for a field, resolving lookups and owners by name or id. */
gboolean     crm_store_parse_value         (CrmStore     *self,
                                            CrmField     *field,
                                            const char   *text,
                                            GVariant    **value,
                                            GError      **error);
/* Text for people: lookups and owners show the target's name. */
char        *crm_store_format_value        (CrmStore     *self,
                                            CrmField     *field,
                                            GVariant     *value);
/* Checks every field; fills `errors` (field api name -> message) when
 * given, and returns the first error. Writes nothing. */
gboolean     crm_store_validate_record     (CrmStore     *self,
                                            CrmRecord    *record,
                                            GHashTable   *errors,
                                            GError      **error);
/* Inserts (id 0) or updates the dirty fields of a record, with its
 * history, search index and stamps, in one transaction. */
gboolean     crm_store_save_record         (CrmStore     *self,
                                            CrmRecord    *record,
                                            GError      **error);
gboolean     crm_store_set_field           (CrmStore     *self,
                                            const char   *module,
                                            gint64        id,
                                            const char   *field,
                                            GVariant     *value,
                                            GError      **error);
gboolean     crm_store_delete_record       (CrmStore     *self,
                                            const char   *module,
                                            gint64        id,
                                            GError      **error);
gboolean     crm_store_restore_record      (CrmStore     *self,
                                            const char   *module,
                                            gint64        id,
                                            GError      **error);
gboolean     crm_store_purge_record        (CrmStore     *self,
                                            const char   *module,
                                            gint64        id,
                                            GError      **error);
/* Purges everything deleted before `before` (Unix time); returns the count. */
gint64       crm_store_purge_deleted       (CrmStore     *self,
                                            gint64        before,
                                            GError      **error);
gint64       crm_store_count_records       (CrmStore     *self,
                                            const char   *module,
                                            GError      **error);
char        *crm_store_dup_record_title    (CrmStore     *self,
                                            const char   *module,
                                            gint64        id);

/* Notes attached to any record. */
gint64       crm_store_add_note            (CrmStore     *self,
                                            const char   *module,
                                            gint64        record_id,
                                            const char   *title,
                                            const char   *content,
                                            GError      **error);
gboolean     crm_store_update_note         (CrmStore     *self,
                                            gint64        note_id,
                                            const char   *title,
                                            const char   *content,
                                            GError      **error);
gboolean     crm_store_delete_note         (CrmStore     *self,
                                            gint64        note_id,
                                            GError      **error);

/*
 * Bulk imports (crm-store-import.c). Call these inside a change set begun
 * with action "import": undo then removes every record the import created.
 */
typedef void (*CrmStoreValueFunc)          (gint64        id,
                                            GVariant     *value,
                                            gpointer      user_data);
/* Like saving a new record (defaults, derived values, validation into
 * `errors`, auto-numbers) but without history or search indexing; the row
 * carries import_batch = the current change. */
gboolean     crm_store_insert_imported     (CrmStore     *self,
                                            CrmRecord    *record,
                                            GHashTable   *errors,
                                            GError      **error);
/* Adds the records the current change imported with ids above after_id
 * to the search index. */
gboolean     crm_store_index_imported      (CrmStore     *self,
                                            const char   *module,
                                            gint64        after_id,
                                            GError      **error);
/* Queues one records-changed (module, 0) for the commit. */
gboolean     crm_store_finish_import       (CrmStore     *self,
                                            const char   *module,
                                            GError      **error);
/* Calls func for each live record with a value in `field`, in id order. */
gboolean     crm_store_foreach_value       (CrmStore     *self,
                                            const char   *module,
                                            const char   *field,
                                            CrmStoreValueFunc func,
                                            gpointer      user_data,
                                            GError      **error);

G_END_DECLS
