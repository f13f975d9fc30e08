/* crm-attachments.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-attachments"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-attachments.h"
#include "crm-store-private.h"

void
crm_attachment_free (CrmAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->module);
  g_free (attachment->file_name);
  g_free (attachment->mime_type);
  g_free (attachment);
}

static gboolean
check_size (const char  *file_name,
            gint64       size,
            GError     **error)
{
  if (size > CRM_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *shown = g_format_size (size);
      g_autofree char *limit = g_format_size (CRM_ATTACHMENT_MAX_SIZE);

      /* Just over the limit both round to "25.0 MB": show the bytes. */
      if (g_str_equal (shown, limit))
        {
          g_free (shown);
          shown = g_format_size_full (size, G_FORMAT_SIZE_LONG_FORMAT);
        }

      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” is %s; attachments can be at most %s"), file_name, shown, limit);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_parent (CrmStore    *store,
              const char  *module,
              gint64       record_id,
              GError     **error)
{
  g_autoptr(CrmRecord) record = NULL;

  if (crm_store_get_module (store, module) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"), module);
      return FALSE;
    }
  record = crm_store_load_record (store, module, record_id, error);
  if (record == NULL)
    return FALSE;
  if (crm_record_is_deleted (record))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("%s #%" G_GINT64_FORMAT " is in the recycle bin; restore it first"),
                   crm_module_get_singular (crm_record_get_module (record)), record_id);
      return FALSE;
    }
  return TRUE;
}

gint64
crm_store_add_attachment (CrmStore     *store,
                          const char   *module,
                          gint64        record_id,
                          const char   *file_name,
                          const char   *mime_type,
                          GBytes       *data,
                          GError      **error)
{
  g_autofree char *name = NULL;
  g_autofree char *guessed = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;
  gconstpointer bytes;
  gsize size;
  gint64 id;

  g_return_val_if_fail (CRM_IS_STORE (store), 0);
  g_return_val_if_fail (module != NULL, 0);
  g_return_val_if_fail (data != NULL, 0);

  name = file_name ? g_path_get_basename (file_name) : NULL;
  if (name == NULL || *name == '\0' || g_str_equal (name, ".") || g_str_equal (name, G_DIR_SEPARATOR_S))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("An attachment needs a file name"));
      return 0;
    }
  if (!g_utf8_validate (name, -1, NULL))
    {
      g_free (name);
      name = g_filename_display_basename (file_name);
    }

  bytes = g_bytes_get_data (data, &size);
  if (!check_size (name, (gint64) size, error) || !check_parent (store, module, record_id, error))
    return 0;

  if (mime_type == NULL || *mime_type == '\0')
    {
      g_autofree char *type = g_content_type_guess (name, bytes, MIN (size, 4096), NULL);
      guessed = g_content_type_get_mime_type (type);
      mime_type = guessed ? guessed : "application/octet-stream";
    }

  stmt = crm_store_prepare (store,
                            "INSERT INTO attachments (module, record_id, file_name, mime_type, size, data, "
                            "owner_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, record_id);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, mime_type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, (gint64) size);
  /* A zero-length blob must still be a blob: the column is NOT NULL. */
  sqlite3_bind_blob64 (stmt, 6, size > 0 ? bytes : "", size, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, crm_store_get_current_user (store));
  sqlite3_bind_int64 (stmt, 8, _crm_store_now ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      sqlite3_clear_bindings (stmt);
      return 0;
    }
  /* The statement is cached: do not leave it pointing at our bytes. */
  sqlite3_clear_bindings (stmt);
  id = sqlite3_last_insert_rowid (crm_store_get_db (store));
  _crm_store_notify (store, module, record_id);
  return id;
}

gint64
crm_store_add_attachment_from_file (CrmStore      *store,
                                    const char    *module,
                                    gint64         record_id,
                                    GFile         *file,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *name;
  const char *content_type;
  g_autofree char *mime_type = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), 0);
  g_return_val_if_fail (G_IS_FILE (file), 0);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return 0;
  name = g_file_info_get_display_name (info);
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("“%s” is not a file"), name);
      return 0;
    }
  /* Refuse a big file before reading it into memory. */
  if (!check_size (name, g_file_info_get_size (info), error))
    return 0;

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return 0;

  content_type = g_file_info_get_content_type (info);
  if (content_type != NULL)
    mime_type = g_content_type_get_mime_type (content_type);
  return crm_store_add_attachment (store, module, record_id, name, mime_type, bytes, error);
}

static CrmAttachment *
attachment_from_row (sqlite3_stmt *stmt)
{
  CrmAttachment *attachment = g_new0 (CrmAttachment, 1);

  attachment->id = sqlite3_column_int64 (stmt, 0);
  attachment->module = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  attachment->record_id = sqlite3_column_int64 (stmt, 2);
  attachment->file_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  attachment->mime_type = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  attachment->size = sqlite3_column_int64 (stmt, 5);
  attachment->owner_id = sqlite3_column_int64 (stmt, 6);
  attachment->created_at = sqlite3_column_int64 (stmt, 7);
  return attachment;
}

#define ATTACHMENT_COLUMNS "id, module, record_id, file_name, mime_type, size, owner_id, created_at"

GPtrArray *
crm_store_list_attachments (CrmStore     *store,
                            const char   *module,
                            gint64        record_id,
                            GError      **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_attachment_free);
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (module != NULL, NULL);

  stmt = crm_store_prepare (store,
                            "SELECT " ATTACHMENT_COLUMNS " FROM attachments "
                            "WHERE module = ? AND record_id = ? AND deleted_at IS NULL "
                            "ORDER BY created_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, record_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, attachment_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

CrmAttachment *
crm_store_get_attachment (CrmStore  *store,
                          gint64     attachment_id,
                          GError   **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  stmt = crm_store_prepare (store,
                            "SELECT " ATTACHMENT_COLUMNS " FROM attachments WHERE id = ? AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, attachment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return attachment_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("The attachment no longer exists"));
  else
    crm_store_set_sqlite_error (store, error);
  return NULL;
}

GBytes *
crm_store_load_attachment (CrmStore  *store,
                           gint64     attachment_id,
                           GError   **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  stmt = crm_store_prepare (store, "SELECT data FROM attachments WHERE id = ? AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, attachment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  if (rc == SQLITE_DONE)
    g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("The attachment no longer exists"));
  else
    crm_store_set_sqlite_error (store, error);
  return NULL;
}

gboolean
crm_store_save_attachment_to_file (CrmStore      *store,
                                   gint64         attachment_id,
                                   GFile         *file,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = crm_store_load_attachment (store, attachment_id, error);
  if (bytes == NULL)
    return FALSE;
  /* replace_contents writes a temporary file and renames it: a failure
   * leaves any existing file as it was. */
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error);
}

gboolean
crm_store_delete_attachment (CrmStore  *store,
                             gint64     attachment_id,
                             GError   **error)
{
  g_autoptr(CrmAttachment) attachment = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  attachment = crm_store_get_attachment (store, attachment_id, error);
  if (attachment == NULL)
    return FALSE;
  stmt = crm_store_prepare (store, "DELETE FROM attachments WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attachment_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return FALSE;
    }
  _crm_store_notify (store, attachment->module, attachment->record_id);
  return TRUE;
}
