/* crm-audit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-audit"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-audit.h"
#include "crm-store-private.h"

void
crm_audit_entry_free (CrmAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->user_name);
  g_free (entry->action);
  g_free (entry->module);
  g_free (entry->record_title);
  g_free (entry->field);
  g_free (entry->field_label);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->description);
  g_free (entry);
}

/* Only the conditions in use reach the SQL, so that SQLite can use the
 * history indexes (by user and time, by record, by time). */
static char *
build_where (const CrmAuditFilter *filter,
             GPtrArray            *params)
{
  GString *where = g_string_new ("WHERE 1");

  if (filter == NULL)
    return g_string_free (where, FALSE);
  if (filter->user_id != 0)
    {
      g_string_append (where, " AND h.user_id = ?");
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_int64 (filter->user_id)));
    }
  if (filter->module != NULL)
    {
      g_string_append (where, " AND h.module = ?");
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (filter->module)));
    }
  if (filter->record_id != 0)
    {
      g_string_append (where, " AND h.record_id = ?");
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_int64 (filter->record_id)));
    }
  if (filter->from != 0)
    {
      g_string_append (where, " AND h.time >= ?");
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_int64 (filter->from)));
    }
  if (filter->to != 0)
    {
      g_string_append (where, " AND h.time < ?");
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_int64 (filter->to)));
    }
  return g_string_free (where, FALSE);
}

static char *
display_value (CrmStore *store,
               CrmField *field,
               GVariant *value)
{
  if (value == NULL)
    return NULL;
  if (field != NULL)
    return crm_store_format_value (store, field, value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  return g_variant_print (value, FALSE);
}

GPtrArray *
crm_audit_query (CrmStore              *store,
                 const CrmAuditFilter  *filter,
                 guint                  offset,
                 guint                  limit,
                 GError               **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_audit_entry_free);
  g_autofree char *where = build_where (filter, params);
  g_autofree char *sql = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  sql = g_strdup_printf ("SELECT h.id, h.change_id, h.time, h.user_id, u.name, h.action, h.module, h.record_id, "
                         "h.field, h.old_value, h.new_value, c.description, c.undone "
                         "FROM history h LEFT JOIN users u ON u.id = h.user_id "
                         "LEFT JOIN changes c ON c.id = h.change_id %s "
                         "ORDER BY h.time DESC, h.id DESC LIMIT ? OFFSET ?", where);
  stmt = crm_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < params->len; i++)
    _crm_bind_variant (stmt, i + 1, g_ptr_array_index (params, i));
  sqlite3_bind_int64 (stmt, params->len + 1, limit ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, params->len + 2, offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmAuditEntry *entry = g_new0 (CrmAuditEntry, 1);
      CrmModule *module;
      CrmField *field = NULL;
      g_autoptr(GVariant) old_value = _crm_column_variant (stmt, 9);
      g_autoptr(GVariant) new_value = _crm_column_variant (stmt, 10);

      if (old_value)
        g_variant_ref_sink (old_value);
      if (new_value)
        g_variant_ref_sink (new_value);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->change_id = sqlite3_column_int64 (stmt, 1);
      entry->time = sqlite3_column_int64 (stmt, 2);
      entry->user_id = sqlite3_column_int64 (stmt, 3);
      entry->user_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      entry->module = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      entry->record_id = sqlite3_column_int64 (stmt, 7);
      entry->field = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      entry->description = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
      entry->undone = sqlite3_column_int (stmt, 12) != 0;

      module = crm_store_get_module (store, entry->module);
      if (module != NULL && entry->field != NULL)
        field = crm_module_get_field (module, entry->field);
      entry->field_label = field ? g_strdup (crm_field_get_label (field))
                                 : g_strdup (g_strcmp0 (entry->field, "notes") == 0 ? _("Notes") : entry->field);
      entry->old_value = display_value (store, field, old_value);
      entry->new_value = display_value (store, field, new_value);
      g_ptr_array_add (out, entry);
    }
  if (rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return NULL;
    }
  sqlite3_reset (stmt);

  /* Titles after the query: they run statements of their own. */
  for (guint i = 0; i < out->len; i++)
    {
      CrmAuditEntry *entry = g_ptr_array_index (out, i);
      entry->record_title = crm_store_dup_record_title (store, entry->module, entry->record_id);
    }
  return g_steal_pointer (&out);
}

gint64
crm_audit_count (CrmStore              *store,
                 const CrmAuditFilter  *filter,
                 GError               **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autofree char *where = build_where (filter, params);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM history h %s", where);
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), -1);

  stmt = crm_store_prepare (store, sql, error);
  if (stmt == NULL)
    return -1;
  for (guint i = 0; i < params->len; i++)
    _crm_bind_variant (stmt, i + 1, g_ptr_array_index (params, i));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      crm_store_set_sqlite_error (store, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/*
 * Recycle bin
 */

static gint64
count_expired (CrmStore  *store,
               gint64     before,
               GError   **error)
{
  GPtrArray *modules = crm_store_get_modules (store);
  gint64 total = 0;

  for (guint m = 0; m < modules->len; m++)
    {
      CrmModule *module = g_ptr_array_index (modules, m);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE deleted_at IS NOT NULL AND deleted_at < ?",
                                              crm_module_get_table (module));
      crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, error);

      if (stmt == NULL)
        return -1;
      sqlite3_bind_int64 (stmt, 1, before);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          crm_store_set_sqlite_error (store, error);
          return -1;
        }
      total += sqlite3_column_int64 (stmt, 0);
    }
  return total;
}

/* Privacy details of records that no longer exist are personal data
 * without a purpose. */
static gboolean
drop_orphaned_privacy (CrmStore  *store,
                       GError   **error)
{
  GPtrArray *modules = crm_store_get_modules (store);

  for (guint m = 0; m < modules->len; m++)
    {
      CrmModule *module = g_ptr_array_index (modules, m);
      g_autofree char *sql = g_strdup_printf ("DELETE FROM privacy WHERE module = ? AND record_id NOT IN "
                                              "(SELECT id FROM \"%s\")", crm_module_get_table (module));
      crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, crm_module_get_api_name (module), -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          crm_store_set_sqlite_error (store, error);
          return FALSE;
        }
    }
  return TRUE;
}

gint64
crm_recycle_bin_auto_purge (CrmStore  *store,
                            gint64     now,
                            GError   **error)
{
  gint64 before = now - (gint64) CRM_RECYCLE_BIN_DAYS * 24 * 3600;
  gint64 expired, purged;

  g_return_val_if_fail (CRM_IS_STORE (store), -1);

  expired = count_expired (store, before, error);
  if (expired <= 0)
    return expired;

  if (!crm_store_begin (store, error))
    return -1;
  purged = crm_store_purge_deleted (store, before, error);
  if (purged < 0 || !drop_orphaned_privacy (store, error))
    {
      crm_store_rollback (store);
      return -1;
    }
  if (!crm_store_commit (store, error))
    return -1;
  return purged;
}
