/* crm-backup.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/*
 * Backup and restore (DOMAIN.md §9.3 Data Administration).
 *
 * A backup is one self-contained SQLite file (no -wal beside it), made
 * with SQLite's online backup while the store stays open. It is written
 * to PATH.tmp and renamed to PATH only when complete and checked, so PATH
 * is never half-written. The file is readable by the user only.
 *
 * Restoring replaces the database file at db_path with a copy of the
 * backup. Close every CrmStore on db_path first and open a new one
 * afterwards: a store that stays open would keep writing to the old
 * file. Before anything is touched the backup is opened read-only and
 * checked: PRAGMA integrity_check must pass, its schema must not be newer
 * than this version (CRM_ERROR_TOO_NEW) and it must be a CRM database
 * (CRM_ERROR_NOT_A_DATABASE). Refused backups change nothing. An older
 * schema is fine: opening the store upgrades it.
 *
 * The database that was there is kept as
 * db_path.before-restore-YYYYMMDD-HHMMSS (after folding its write-ahead
 * log into it; its -wal and -shm files are removed), so a restore can be
 * taken back by hand.
 */

gboolean crm_backup_to_file          (CrmStore     *store,
                                      const char   *path,
                                      GError      **error);

/* Checks a backup without restoring it (the window does this before it
 * asks "Replace all data?"). schema_version (optional) gets its version. */
gboolean crm_backup_check_file       (const char   *backup_path,
                                      int          *schema_version,
                                      GError      **error);

gboolean crm_restore_from_file       (const char   *db_path,
                                      const char   *backup_path,
                                      GError      **error);
/* The same; kept_path (optional) gets where the previous database went,
 * or NULL when there was none. */
gboolean crm_restore_from_file_full  (const char   *db_path,
                                      const char   *backup_path,
                                      char        **kept_path,
                                      GError      **error);

G_END_DECLS
