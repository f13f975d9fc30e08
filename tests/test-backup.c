/* test-backup.c — backup, restore, and refusing damaged, newer or foreign backups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include "crm-backup.h"
#include "crm-company.h"
#include "crm-test-util.h"

typedef struct
{
  char     *dir;
  char     *db_path;
  CrmStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = crm_test_open_store (&f->dir);
  f->db_path = g_strdup (crm_store_get_path (f->store));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  crm_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

static char *
in_dir (Fixture    *f,
        const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

static void
set_company_name (CrmStore   *store,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCompany) company = crm_company_load (store, &error);

  g_free (company->name);
  company->name = g_strdup (name);
  g_assert_true (crm_company_save (store, company, NULL, &error));
  g_assert_no_error (error);
}

static char *
company_name (CrmStore *store)
{
  g_autoptr(CrmCompany) company = crm_company_load (store, NULL);

  return g_strdup (company->name);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = in_dir (f, "backup.crm");
  g_autofree char *tmp = g_strconcat (backup, ".tmp", NULL);
  g_autofree char *wal = g_strconcat (backup, "-wal", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *name = NULL;
  gint64 gone;
  int version = 0;
  struct stat st;

  crm_test_create (f->store, "leads", "last_name", "Satu", NULL);
  gone = crm_test_create (f->store, "leads", "last_name", "Dua", NULL);
  crm_test_create (f->store, "contacts", "last_name", "Tiga", NULL);
  set_company_name (f->store, "PT Sebelum");

  g_assert_true (crm_backup_to_file (f->store, backup, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (crm_backup_check_file (backup, &version, &error));
  g_assert_cmpint (version, ==, CRM_STORE_SCHEMA_VERSION);

  /* The store goes on working, and changes after the backup. */
  g_assert_true (crm_store_delete_record (f->store, "leads", gone, &error));
  crm_test_create (f->store, "leads", "last_name", "Empat", NULL);
  set_company_name (f->store, "PT Sesudah");

  /* A second backup over the first replaces it whole. */
  {
    g_autofree char *second = in_dir (f, "second.crm");
    g_assert_true (crm_backup_to_file (f->store, second, &error));
    g_assert_true (crm_backup_to_file (f->store, second, &error));
    g_assert_no_error (error);
    g_assert_true (crm_backup_check_file (second, NULL, &error));
  }

  g_clear_object (&f->store);
  g_assert_true (crm_restore_from_file_full (f->db_path, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_prefix (kept, f->db_path));
  g_assert_nonnull (strstr (kept, ".before-restore-"));
  g_assert_cmpint (g_stat (f->db_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  f->store = crm_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_count_records (f->store, "leads", NULL), ==, 2);
  g_assert_cmpint (crm_store_count_records (f->store, "contacts", NULL), ==, 1);
  name = company_name (f->store);
  g_assert_cmpstr (name, ==, "PT Sebelum");
  g_clear_pointer (&name, g_free);
  {
    /* the search index came along */
    g_autoptr(GPtrArray) hits = crm_store_search (f->store, "Tiga", 5, &error);
    g_assert_cmpuint (hits->len, ==, 1);
  }

  /* What was there before the restore is kept, whole. */
  {
    g_autoptr(CrmStore) before = crm_store_open (kept, &error);
    g_assert_no_error (error);
    g_assert_cmpint (crm_store_count_records (before, "leads", NULL), ==, 2);
    name = company_name (before);
    g_assert_cmpstr (name, ==, "PT Sesudah");
  }
}

static void
assert_refused (Fixture     *f,
                const char  *backup,
                GQuark       domain,
                int          code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before_sum = NULL;
  g_autofree char *before_dir = NULL;
  g_autofree char *after_sum = NULL;
  g_autofree char *after_dir = NULL;
  g_autofree char *kept = NULL;

  g_clear_object (&f->store);
  before_sum = file_checksum (f->db_path);
  before_dir = list_dir (f->dir);

  g_assert_false (crm_backup_check_file (backup, NULL, &error));
  g_assert_error (error, domain, code);
  g_clear_error (&error);
  g_assert_false (crm_restore_from_file_full (f->db_path, backup, &kept, &error));
  g_assert_error (error, domain, code);
  g_clear_error (&error);
  g_assert_null (kept);

  /* Nothing replaced, nothing left behind. */
  after_sum = file_checksum (f->db_path);
  after_dir = list_dir (f->dir);
  g_assert_cmpstr (after_sum, ==, before_sum);
  g_assert_cmpstr (after_dir, ==, before_dir);

  f->store = crm_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_count_records (f->store, "leads", NULL), ==, 1);
}

static void
write_bytes_at (const char *path,
                goffset     offset,
                gsize       length,
                guint8      byte)
{
  g_autofree char *data = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  g_assert_cmpuint (size, >, offset + length);
  memset (data + offset, byte, length);
  g_assert_true (g_file_set_contents (path, data, size, NULL));
}

static void
test_damaged_backup_refused (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = in_dir (f, "damaged.crm");
  g_autofree char *truncated = in_dir (f, "truncated.crm");
  g_autofree char *content = NULL;
  gsize size = 0;

  crm_test_create (f->store, "leads", "last_name", "Satu", NULL);
  g_assert_true (crm_backup_to_file (f->store, backup, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (backup, &content, &size, NULL));
  g_assert_true (g_file_set_contents (truncated, content, size / 3, NULL));
  /* garbage over the pages after the schema page */
  write_bytes_at (backup, 4096, 4096 * 6, 0x5a);

  assert_refused (f, backup, CRM_ERROR, CRM_ERROR_NOT_A_DATABASE);
  assert_refused (f, truncated, CRM_ERROR, CRM_ERROR_NOT_A_DATABASE);
}

static void
test_newer_backup_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = in_dir (f, "newer.crm");
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  crm_test_create (f->store, "leads", "last_name", "Satu", NULL);
  g_assert_true (crm_backup_to_file (f->store, backup, &error));
  g_assert_cmpint (sqlite3_open (backup, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA user_version = %d", CRM_STORE_SCHEMA_VERSION + 1);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (f, backup, CRM_ERROR, CRM_ERROR_TOO_NEW);
}

static void
test_foreign_files_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *other_db = in_dir (f, "other.sqlite");
  g_autofree char *text = in_dir (f, "notes.txt");
  g_autofree char *missing = in_dir (f, "missing.crm");
  sqlite3 *db = NULL;

  crm_test_create (f->store, "leads", "last_name", "Satu", NULL);
  g_assert_cmpint (sqlite3_open (other_db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE things (name TEXT); PRAGMA user_version = 3", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_set_contents (text, "Dear diary, today I restored nothing.\n", -1, NULL));

  assert_refused (f, other_db, CRM_ERROR, CRM_ERROR_NOT_A_DATABASE);
  assert_refused (f, text, CRM_ERROR, CRM_ERROR_NOT_A_DATABASE);
  assert_refused (f, missing, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_backup_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nowhere = g_build_filename (f->dir, "no-such-folder", "backup.crm", NULL);

  g_assert_false (crm_backup_to_file (f->store, f->db_path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (crm_backup_to_file (f->store, nowhere, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Not in the middle of someone's change. */
  g_assert_true (crm_store_begin (f->store, &error));
  {
    g_autofree char *path = in_dir (f, "mid.crm");
    g_assert_false (crm_backup_to_file (f->store, path, &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_FAILED);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  crm_store_rollback (f->store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/backup/round-trip", test_round_trip);
  ADD ("/backup/damaged-refused", test_damaged_backup_refused);
  ADD ("/backup/newer-refused", test_newer_backup_refused);
  ADD ("/backup/foreign-refused", test_foreign_files_refused);
  ADD ("/backup/errors", test_backup_errors);
#undef ADD

  return g_test_run ();
}
