/* crm-backup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "crm-backup.h"

static void
set_db_error (sqlite3      *db,
              const char   *path,
              int           rc,
              GError      **error)
{
  int code = (db ? sqlite3_errcode (db) : rc) & 0xff;

  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_A_DATABASE,
                 _("“%s” is damaged or not a CRM database"), path);
  else
    g_set_error (error, CRM_ERROR, CRM_ERROR_DATABASE, _("“%s”: %s"), path,
                 db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

static gboolean
exec (sqlite3     *db,
      const char  *path,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_db_error (db, path, SQLITE_ERROR, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
remove_if_there (const char  *path,
                 GError     **error)
{
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not remove “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* A new, empty file only the user can read, then a connection to it. */
static sqlite3 *
create_target (const char  *path,
               GError     **error)
{
  sqlite3 *db = NULL;
  int fd, rc;

  if (!remove_if_there (path, error))
    return NULL;
  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create “%s”: %s"), path, g_strerror (saved));
      return NULL;
    }
  g_close (fd, NULL);

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (db, path, rc, error);
      sqlite3_close (db);
      g_unlink (path);
      return NULL;
    }
  return db;
}

/* Copies `from` into the empty `to` and makes `to` a standalone file. */
static gboolean
copy_database (sqlite3     *from,
               sqlite3     *to,
               const char  *to_path,
               GError     **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  if (backup == NULL)
    {
      set_db_error (to, to_path, SQLITE_ERROR, error);
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_db_error (NULL, to_path, rc, error);
      return FALSE;
    }

  /* The copy carries the source's WAL flag; a backup should be one file. */
  if (!exec (to, to_path, "PRAGMA journal_mode = DELETE", error))
    return FALSE;

  if (sqlite3_prepare_v2 (to, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (to, to_path, SQLITE_ERROR, error);
      return FALSE;
    }
  ok = sqlite3_step (stmt) == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  if (!ok)
    g_set_error (error, CRM_ERROR, CRM_ERROR_DATABASE, _("The copy in “%s” did not pass its check"), to_path);
  return ok;
}

static gboolean
rename_file (const char  *from,
             const char  *to,
             GError     **error)
{
  if (g_rename (from, to) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not rename “%s” to “%s”: %s"), from, to, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
crm_backup_to_file (CrmStore    *store,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *tmp = NULL;
  sqlite3 *target;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (crm_store_in_transaction (store))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_FAILED, _("A backup cannot be made while a change is being saved"));
      return FALSE;
    }
  if (g_strcmp0 (path, crm_store_get_path (store)) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Choose another file than the database itself for the backup"));
      return FALSE;
    }

  tmp = g_strconcat (path, ".tmp", NULL);
  target = create_target (tmp, error);
  if (target == NULL)
    return FALSE;
  ok = copy_database (crm_store_get_db (store), target, tmp, error);
  sqlite3_close (target);
  if (ok)
    ok = rename_file (tmp, path, error);
  if (!ok)
    g_unlink (tmp);
  return ok;
}

/*
 * Checking and restoring
 */

static sqlite3 *
open_read_only (const char  *path,
                GError     **error)
{
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no file “%s”"), path);
      return NULL;
    }
  /* immutable: no locks, no -wal or -shm created next to the backup; the
   * file is only read, and a backup is never written to while we look. */
  escaped = g_uri_escape_string (path, "/", TRUE);
  uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (db, path, rc, error);
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static gboolean
check_open_backup (sqlite3     *db,
                   const char  *path,
                   int         *schema_version,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  gboolean has_modules = FALSE;
  int version = 0;
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check(5)", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (db, path, SQLITE_ERROR, error);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line ? line : "");
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_db_error (db, path, rc, error);
      return FALSE;
    }
  if (problems->len > 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_A_DATABASE,
                   _("“%s” is damaged (%s); nothing was restored"), path, problems->str);
      return FALSE;
    }

  if (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version), "
                              "EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'modules')",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (db, path, SQLITE_ERROR, error);
      return FALSE;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      version = sqlite3_column_int (stmt, 0);
      has_modules = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_finalize (stmt);

  if (version > CRM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of CRM (schema %d; this version knows up to %d); "
                     "nothing was restored"), path, version, CRM_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (version < 1 || !has_modules)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a CRM database; nothing was restored"), path);
      return FALSE;
    }
  if (schema_version)
    *schema_version = version;
  return TRUE;
}

gboolean
crm_backup_check_file (const char  *backup_path,
                       int         *schema_version,
                       GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (backup_path != NULL, FALSE);

  db = open_read_only (backup_path, error);
  if (db == NULL)
    return FALSE;
  ok = check_open_backup (db, backup_path, schema_version, error);
  sqlite3_close (db);
  return ok;
}

/* Folds the write-ahead log into the database file so that the file
 * alone holds everything, and fails when someone still writes to it. */
static gboolean
checkpoint_live (const char  *db_path,
                 GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean busy = TRUE;
  int rc;

  rc = sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (db, db_path, rc, error);
      sqlite3_close (db);
      return FALSE;
    }
  if (sqlite3_prepare_v2 (db, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    busy = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (busy)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("“%s” is still in use; close it before restoring"), db_path);
      return FALSE;
    }
  return TRUE;
}

static char *
kept_name (const char *db_path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *name = g_strdup_printf ("%s.before-restore-%s", db_path, stamp);

  /* Two restores within a second keep both earlier files. */
  for (guint n = 2; g_file_test (name, G_FILE_TEST_EXISTS); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s.before-restore-%s-%u", db_path, stamp, n);
    }
  return name;
}

gboolean
crm_restore_from_file_full (const char  *db_path,
                            const char  *backup_path,
                            char       **kept_path,
                            GError     **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  sqlite3 *source, *target;
  gboolean ok;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (kept_path)
    *kept_path = NULL;

  source = open_read_only (backup_path, error);
  if (source == NULL)
    return FALSE;
  if (!check_open_backup (source, backup_path, NULL, error))
    {
      sqlite3_close (source);
      return FALSE;
    }

  /* The copy is made next to the database first: a failure up to the
   * renames below leaves the database as it was. */
  tmp = g_strconcat (db_path, ".restore-tmp", NULL);
  target = create_target (tmp, error);
  if (target == NULL)
    {
      sqlite3_close (source);
      return FALSE;
    }
  ok = copy_database (source, target, tmp, error);
  sqlite3_close (target);
  sqlite3_close (source);
  if (!ok)
    {
      g_unlink (tmp);
      return FALSE;
    }

  wal = g_strconcat (db_path, "-wal", NULL);
  shm = g_strconcat (db_path, "-shm", NULL);
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      if (!checkpoint_live (db_path, error))
        {
          g_unlink (tmp);
          return FALSE;
        }
      kept = kept_name (db_path);
      if (!rename_file (db_path, kept, error))
        {
          g_unlink (tmp);
          return FALSE;
        }
    }
  /* Left over from the old file, they would be applied to the new one. */
  if (!remove_if_there (wal, error) || !remove_if_there (shm, error) ||
      !rename_file (tmp, db_path, error))
    {
      if (kept != NULL)
        g_rename (kept, db_path);
      g_unlink (tmp);
      return FALSE;
    }

  if (kept_path)
    *kept_path = g_steal_pointer (&kept);
  return TRUE;
}

gboolean
crm_restore_from_file (const char  *db_path,
                       const char  *backup_path,
                       GError     **error)
{
  return crm_restore_from_file_full (db_path, backup_path, NULL, error);
}
