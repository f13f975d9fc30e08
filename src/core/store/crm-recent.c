/* crm-recent.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-recent"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-recent.h"
#include "crm-store-private.h"

/* Home shows what a person touched last. Viewed records are remembered in
 * recent_records; modified ones are read back from the history. Both lists
 * skip records that were deleted or purged since. */

/* History rows read at most to find `limit` distinct records: one busy
 * record edited field by field must not make the scan unbounded. */
#define MAX_HISTORY_SCAN 2000

void
crm_recent_record_free (CrmRecentRecord *recent)
{
  if (recent == NULL)
    return;
  g_free (recent->module);
  g_free (recent->title);
  g_free (recent);
}

/* The title of a live record, or NULL when it is gone or deleted. */
static char *
dup_live_title (CrmStore   *store,
                const char *module_name,
                gint64      id)
{
  CrmModule *module = crm_store_get_module (store, module_name);
  g_autofree char *sql = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;
  char *title;

  if (module == NULL || crm_module_is_hidden (module))
    return NULL;
  sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ? AND deleted_at IS NULL", crm_module_get_table (module));
  stmt = crm_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  title = crm_store_dup_record_title (store, module_name, id);
  if (title == NULL || *title == '\0')
    {
      g_free (title);
      /* Translators: a record without a name, e.g. "Lead #12" */
      title = g_strdup_printf (_("%s #%" G_GINT64_FORMAT), crm_module_get_singular (module), id);
    }
  return title;
}

gboolean
crm_store_mark_viewed (CrmStore    *store,
                       const char  *module,
                       gint64       id,
                       GError     **error)
{
  gint64 user = crm_store_get_current_user (store);

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (module != NULL, FALSE);

  if (crm_store_get_module (store, module) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"), module);
      return FALSE;
    }

  if (!crm_store_begin (store, error))
    return FALSE;

  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store,
                         /* REPLACE gives the row a new rowid, which orders
                          * views within the same second. */
                         "INSERT OR REPLACE INTO recent_records (user_id, module, record_id, viewed_at) "
                         "VALUES (?, ?, ?, ?)",
                         error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, user);
    sqlite3_bind_text (stmt, 2, module, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 3, id);
    sqlite3_bind_int64 (stmt, 4, _crm_store_now ());
    if (sqlite3_step (stmt) != SQLITE_DONE)
      {
        crm_store_set_sqlite_error (store, error);
        goto failed;
      }
  }

  {
    /* Several views within one second tie on viewed_at; rowid keeps the
     * newest. */
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store,
                         "DELETE FROM recent_records WHERE user_id = ?1 AND rowid NOT IN "
                         "(SELECT rowid FROM recent_records WHERE user_id = ?1 "
                         " ORDER BY viewed_at DESC, rowid DESC LIMIT ?2)", error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, user);
    sqlite3_bind_int (stmt, 2, CRM_RECENT_MAX);
    if (sqlite3_step (stmt) != SQLITE_DONE)
      {
        crm_store_set_sqlite_error (store, error);
        goto failed;
      }
  }

  return crm_store_commit (store, error);

failed:
  crm_store_rollback (store);
  return FALSE;
}

GPtrArray *
crm_store_list_recently_viewed (CrmStore    *store,
                                guint        limit,
                                GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_recent_record_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_recent_record_free);
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  stmt = crm_store_prepare (store,
                            "SELECT module, record_id, viewed_at FROM recent_records WHERE user_id = ? "
                            "ORDER BY viewed_at DESC, rowid DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, crm_store_get_current_user (store));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmRecentRecord *r = g_new0 (CrmRecentRecord, 1);

      r->module = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      r->id = sqlite3_column_int64 (stmt, 1);
      r->time = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (rows, r);
    }
  if (rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return NULL;
    }
  sqlite3_reset (stmt);

  /* Titles are read after the scan: the statement cache hands out the
   * same statement object, so nesting would reset this one. */
  for (guint i = 0; i < rows->len && out->len < limit; i++)
    {
      CrmRecentRecord *r = g_ptr_array_index (rows, i);

      r->title = dup_live_title (store, r->module, r->id);
      if (r->title != NULL)
        g_ptr_array_add (out, g_ptr_array_steal_index (rows, i--));
    }
  return g_steal_pointer (&out);
}

static gboolean
seen_before (GPtrArray  *list,
             const char *module,
             gint64      id)
{
  for (guint i = 0; i < list->len; i++)
    {
      CrmRecentRecord *r = g_ptr_array_index (list, i);
      if (r->id == id && g_str_equal (r->module, module))
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
crm_store_list_recently_modified (CrmStore    *store,
                                  guint        limit,
                                  GError     **error)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_recent_record_free);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_recent_record_free);
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  stmt = crm_store_prepare (store,
                            "SELECT module, record_id, time FROM history "
                            "WHERE action IN ('create', 'update', 'restore') ORDER BY id DESC LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, MAX_HISTORY_SCAN);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *module = (const char *) sqlite3_column_text (stmt, 0);
      gint64 id = sqlite3_column_int64 (stmt, 1);
      CrmRecentRecord *r;

      if (seen_before (candidates, module, id))
        continue;
      r = g_new0 (CrmRecentRecord, 1);
      r->module = g_strdup (module);
      r->id = id;
      r->time = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (candidates, r);
      /* Some may have been deleted since: read a few more than asked. */
      if (candidates->len >= limit * 4)
        break;
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return NULL;
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < candidates->len && out->len < limit; i++)
    {
      CrmRecentRecord *r = g_ptr_array_index (candidates, i);

      r->title = dup_live_title (store, r->module, r->id);
      if (r->title != NULL)
        g_ptr_array_add (out, g_ptr_array_steal_index (candidates, i--));
    }
  return g_steal_pointer (&out);
}
