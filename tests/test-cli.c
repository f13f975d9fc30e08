/* test-cli.c — the program's command line, run as a child process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "crm-csv.h"
#include "crm-test-util.h"

#if defined(__has_include)
# if __has_include("crm-import.h")
#  define HAVE_IMPORT 1
# endif
#endif
#ifndef HAVE_IMPORT
# define HAVE_IMPORT 0
#endif

typedef struct
{
  char *dir;
  char *out;
  char *err;
} Fixture;

static const char *
program (void)
{
  return g_getenv ("CRM_PROGRAM");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("crm-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  crm_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->out);
  g_free (f->err);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* Runs the program with the arguments (NULL-terminated) in a plain C
 * locale and without a display; keeps stdout and stderr in the fixture
 * and returns the exit status. */
static int
run (Fixture *f,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (char *) program ());
  va_start (args, f);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", f->dir, TRUE);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &f->out, &f->err, &status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (status))
    g_error ("crm did not exit normally (status %d); stderr:\n%s", status, f->err);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", WEXITSTATUS (status), f->out, f->err);
  return WEXITSTATUS (status);
}

static gboolean
skip_without_program (void)
{
  if (program () == NULL || !g_file_test (program (), G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("CRM_PROGRAM does not name the built program");
      return TRUE;
    }
  return FALSE;
}

static gboolean
skip_without_import (void)
{
  if (!HAVE_IMPORT)
    {
      g_test_skip ("crm-import.h is not merged yet; import and export are not built");
      return TRUE;
    }
  return skip_without_program ();
}

/* The line of --list-modules for `module`, split on blanks. */
static char **
module_line (const char *list,
             const char *module)
{
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (lines[i], " ", -1);
      GStrvBuilder *builder = g_strv_builder_new ();
      GStrv result;

      for (guint k = 0; words[k]; k++)
        if (*words[k] != '\0')
          g_strv_builder_add (builder, words[k]);
      result = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
      if (result[0] != NULL && g_str_equal (result[0], module))
        return result;
      g_strfreev (result);
    }
  return NULL;
}

static gint64
count_in (const char *db,
          const char *module)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (db, &error);

  g_assert_no_error (error);
  return crm_store_count_records (store, module, NULL);
}

static void
make_empty_database (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (db, &error);

  g_assert_no_error (error);
}

/* Owners travel by name, so the other database needs the same users. */
static void
copy_users (const char *from,
            const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) a = crm_store_open (from, &error);
  g_autoptr(CrmStore) b = crm_store_open (to, &error);
  g_autoptr(GVariant) users_a = NULL;
  g_autoptr(GVariant) users_b = NULL;
  GVariantIter iter;
  const char *name;

  g_assert_no_error (error);
  users_a = crm_store_list_users (a);
  users_b = crm_store_list_users (b);
  g_variant_iter_init (&iter, users_a);
  while (g_variant_iter_next (&iter, "(x&s)", NULL, &name))
    {
      GVariantIter known;
      const char *other;
      gboolean found = FALSE;

      g_variant_iter_init (&known, users_b);
      while (g_variant_iter_next (&known, "(x&s)", NULL, &other))
        found |= g_str_equal (name, other);
      if (!found)
        {
          crm_store_add_user (b, name, NULL, NULL, &error);
          g_assert_no_error (error);
        }
    }
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  if (skip_without_program ())
    return;

  g_assert_cmpint (run (f, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "--import"));
  g_assert_nonnull (strstr (f->out, "--export"));
  g_assert_nonnull (strstr (f->out, "--demo"));
  g_assert_nonnull (strstr (f->out, "--list-modules"));
  g_assert_cmpstr (f->err, ==, "");

  g_assert_cmpint (run (f, "-h", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "--import"));

  g_assert_cmpint (run (f, "--version", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "crm " PACKAGE_VERSION "\n");
}

static void
test_demo_and_list (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *db = path_in (f, "demo.db");
  g_auto(GStrv) line = NULL;

  if (skip_without_program ())
    return;

  g_assert_cmpint (run (f, "--database", db, "--demo", NULL), ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  g_assert_true (g_str_has_prefix (f->out, "Added sample data"));

  g_assert_cmpint (run (f, "--database", db, "--list-modules", NULL), ==, 0);
  line = module_line (f->out, "leads");
  g_assert_nonnull (line);
  g_assert_cmpstr (line[1], ==, "Leads");
  g_assert_cmpstr (line[2], ==, "300");
  g_assert_null (line[3]);
  g_clear_pointer (&line, g_strfreev);
  line = module_line (f->out, "sales_orders");
  g_assert_nonnull (line);
  g_assert_cmpstr (line[1], ==, "Sales");
  g_assert_cmpstr (line[2], ==, "Orders");
  g_clear_pointer (&line, g_strfreev);

  /* A second --demo refuses, says why, and changes nothing. */
  g_assert_cmpint (run (f, "--database", db, "--demo", NULL), ==, 1);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_true (g_str_has_prefix (f->err, "crm: "));
  g_assert_nonnull (strstr (f->err, "already holds records"));
  g_assert_cmpint (count_in (db, "leads"), ==, 300);
  g_assert_cmpint (count_in (db, "accounts"), ==, 200);
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *db = path_in (f, "never.db");

  if (skip_without_program ())
    return;

  g_assert_cmpint (run (f, "--database", db, "--import", "leads", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "crm: --import needs MODULE FILE"));
  g_assert_cmpint (run (f, "--database", db, "--import", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (f->err, "crm: "));
  g_assert_cmpint (run (f, "--database", db, "--export", "leads", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "--export needs MODULE FILE"));
  g_assert_cmpint (run (f, "--database", db, "--demo", "extra", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "unexpected argument “extra”"));
  g_assert_cmpint (run (f, "--database", db, "--demo", "--list-modules", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "cannot be used together"));
  g_assert_cmpint (run (f, "--database", db, "--dry-run", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "--import"));
  g_assert_cmpint (run (f, "--database", db, "--skip-bad-rows", "--demo", NULL), ==, 1);
  g_assert_cmpstr (f->out, ==, "");

  /* None of them made a database. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

static void
test_unknown_module (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *db = path_in (f, "crm.db");
  g_autofree char *csv = path_in (f, "out.csv");

  if (skip_without_program ())
    return;
  make_empty_database (db);

  g_assert_cmpint (run (f, "--database", db, "--export", "foo", csv, NULL), ==, 1);
  g_assert_cmpstr (f->err, ==, "crm: there is no module “foo”; see --list-modules\n");
  g_assert_cmpstr (f->out, ==, "");
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (csv, "last_name\nHalim\n", -1, NULL));
  g_assert_cmpint (run (f, "--database", db, "--import", "foo", csv, NULL), ==, 1);
  g_assert_cmpstr (f->err, ==, "crm: there is no module “foo”; see --list-modules\n");
}

static void
test_missing_things (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *db = path_in (f, "new.db");
  g_autofree char *csv = path_in (f, "missing.csv");
  g_autofree char *out = path_in (f, "out.csv");

  if (skip_without_program ())
    return;

  /* Reading commands do not create a database that is not there. */
  g_assert_cmpint (run (f, "--database", db, "--list-modules", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "crm: there is no database at"));
  g_assert_cmpint (run (f, "--database", db, "--export", "leads", out, NULL), ==, 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* A failed import into a new database leaves no database behind. */
  g_assert_cmpint (run (f, "--database", db, "--import", "leads", csv, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (f->err, "crm: "));
  if (HAVE_IMPORT)
    g_assert_nonnull (strstr (f->err, "missing.csv"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  /* Into an existing one it changes nothing. */
  make_empty_database (db);
  g_assert_cmpint (run (f, "--database", db, "--import", "leads", csv, NULL), ==, 1);
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_in (db, "leads"), ==, 0);
}

static guint
csv_data_rows (const char  *path,
               char       **header)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_path (path, &error);
  const char * const *fields;
  guint n_fields;
  guint rows = 0;

  g_assert_no_error (error);
  g_assert_true (crm_csv_reader_next (reader, &fields, &n_fields, &error));
  *header = g_strjoinv (",", (char **) fields);
  while (crm_csv_reader_next (reader, &fields, &n_fields, &error))
    rows++;
  g_assert_no_error (error);
  return rows;
}

static void
test_export_import_round_trip (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *db_a = path_in (f, "a.db");
  g_autofree char *db_b = path_in (f, "b.db");
  g_autofree char *csv_a = path_in (f, "a.csv");
  g_autofree char *csv_b = path_in (f, "b.csv");
  g_autofree char *header = NULL;
  g_autofree char *bytes_a = NULL;
  g_autofree char *bytes_b = NULL;
  gsize len_a, len_b;

  if (skip_without_import ())
    return;

  g_assert_cmpint (run (f, "--database", db_a, "--demo", NULL), ==, 0);
  g_assert_cmpint (run (f, "--database", db_a, "--export", "leads", csv_a, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Exported 300 leads"));
  g_assert_cmpuint (csv_data_rows (csv_a, &header), >=, 300);
  g_assert_nonnull (strstr (header, "first_name"));
  g_assert_nonnull (strstr (header, "last_name"));
  g_assert_nonnull (strstr (header, "lead_status"));

  make_empty_database (db_b);
  copy_users (db_a, db_b);
  g_assert_cmpint (run (f, "--database", db_b, "--import", "leads", csv_a, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Imported 300 leads"));
  g_assert_cmpint (count_in (db_b, "leads"), ==, 300);

  g_assert_cmpint (run (f, "--database", db_b, "--export", "leads", csv_b, NULL), ==, 0);
  g_assert_true (g_file_get_contents (csv_a, &bytes_a, &len_a, NULL));
  g_assert_true (g_file_get_contents (csv_b, &bytes_b, &len_b, NULL));
  g_assert_cmpmem (bytes_a, len_a, bytes_b, len_b);
}

static void
test_bad_csv (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *db = path_in (f, "crm.db");
  g_autofree char *csv = path_in (f, "bad.csv");
  static const char bad[] = "first_name,last_name\nBudi,Santoso\n\xff\xfe,Halim\nSiti,Rahayu\n";

  if (skip_without_import ())
    return;
  make_empty_database (db);

  g_assert_true (g_file_set_contents (csv, bad, sizeof bad - 1, NULL));
  g_assert_cmpint (run (f, "--database", db, "--import", "leads", csv, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (f->err, "crm: "));
  g_assert_cmpstr (f->out, ==, "");
  g_assert_cmpint (count_in (db, "leads"), ==, 0);

  /* A dry run reads the good file and writes nothing. */
  g_assert_true (g_file_set_contents (csv, "first_name,last_name\nBudi,Santoso\n", -1, NULL));
  g_assert_cmpint (run (f, "--database", db, "--import", "leads", csv, "--dry-run", NULL), ==, 0);
  g_assert_cmpint (count_in (db, "leads"), ==, 0);
}

static void
test_skip_bad_rows (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *db = path_in (f, "crm.db");
  g_autofree char *csv = path_in (f, "mixed.csv");
  static const char mixed[] =
    "first_name,last_name,email\n"
    "Budi,Santoso,budi@majujaya.co.id\n"
    "Siti,,siti@majujaya.co.id\n"
    "Dewi,Lestari,not-an-email\n"
    "Agus,Wijaya,\n";

  if (skip_without_import ())
    return;
  make_empty_database (db);
  g_assert_true (g_file_set_contents (csv, mixed, -1, NULL));

  /* All or nothing by default: the first bad row stops everything. */
  g_assert_cmpint (run (f, "--database", db, "--import", "leads", csv, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (f->err, "crm: "));
  g_assert_nonnull (strstr (f->err, "Last Name"));
  g_assert_cmpint (count_in (db, "leads"), ==, 0);

  /* Checking first writes nothing either. */
  g_assert_cmpint (run (f, "--database", db, "--import", "leads", csv, "--skip-bad-rows", "--dry-run", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Checked 4 rows: 2 can be imported; nothing was written\n");
  g_assert_cmpint (count_in (db, "leads"), ==, 0);

  g_assert_cmpint (run (f, "--database", db, "--import", "leads", csv, "--skip-bad-rows", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Imported 2 leads (2 skipped)\n");
  g_assert_nonnull (strstr (f->err, "crm: line 3: Last Name"));
  g_assert_nonnull (strstr (f->err, "crm: line 4: Email"));
  g_assert_cmpint (count_in (db, "leads"), ==, 2);
}

/* --pdf writes a document without a display, by id or by number. */
static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *db = path_in (f, "crm.db");
  g_autofree char *by_id = path_in (f, "by-id.pdf");
  g_autofree char *by_number = path_in (f, "by-number.pdf");
  g_autofree char *missing = path_in (f, "missing.pdf");
  g_autofree char *head = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *first_quote = g_strdup_printf ("QUO-%d-0001", g_date_time_get_year (now));
  gsize length = 0;

  if (skip_without_program ())
    return;

  g_assert_cmpint (run (f, "--database", db, "--demo", NULL), ==, 0);
  g_assert_cmpint (run (f, "--database", db, "--pdf", "invoices", "1", by_id, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "by-id.pdf"));
  g_assert_true (g_file_get_contents (by_id, &head, &length, NULL));
  g_assert_true (length > 1000 && g_str_has_prefix (head, "%PDF-"));

  g_assert_cmpint (run (f, "--database", db, "--pdf", "quote", first_quote, by_number, NULL), ==, 0);
  g_assert_true (g_file_test (by_number, G_FILE_TEST_IS_REGULAR));

  /* wrong module, unknown document, missing arguments: an error and no file */
  g_assert_cmpint (run (f, "--database", db, "--pdf", "leads", "1", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "leads"));
  g_assert_cmpint (run (f, "--database", db, "--pdf", "invoices", "99999", missing, NULL), ==, 1);
  g_assert_cmpint (run (f, "--database", db, "--pdf", "invoices", "INV-1999-0001", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "INV-1999-0001"));
  g_assert_cmpint (run (f, "--database", db, "--pdf", "invoices", "1", NULL), ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/help", test_help);
  ADD ("/cli/demo-and-list", test_demo_and_list);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/unknown-module", test_unknown_module);
  ADD ("/cli/missing-things", test_missing_things);
  ADD ("/cli/export-import-round-trip", test_export_import_round_trip);
  ADD ("/cli/bad-csv", test_bad_csv);
  ADD ("/cli/skip-bad-rows", test_skip_bad_rows);
  ADD ("/cli/pdf", test_pdf);
#undef ADD

  return g_test_run ();
}
