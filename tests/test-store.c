/* test-store.c — opening, migrating, refusing, metadata, custom modules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>

#include "crm-test-util.h"

static void
test_open_creates_private_file (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  struct stat st;
  sqlite3_stmt *stmt;

  g_assert_cmpint (g_stat (crm_store_get_path (store), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (crm_store_get_schema_version (store), ==, CRM_STORE_SCHEMA_VERSION);

  g_assert_cmpint (sqlite3_prepare_v2 (crm_store_get_db (store), "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (crm_store_get_db (store), "PRAGMA foreign_keys", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (crm_store_get_db (store), "PRAGMA synchronous", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);   /* NORMAL */
  sqlite3_finalize (stmt);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_reopen_keeps_data (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autofree char *path = g_strdup (crm_store_get_path (store));
  g_autoptr(GError) error = NULL;
  gint64 id = crm_test_create (store, "accounts", "account_name", "PT Maju Jaya", NULL);

  g_clear_object (&store);
  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *title = crm_store_dup_record_title (store, "accounts", id);
    g_assert_cmpstr (title, ==, "PT Maju Jaya");
  }
  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_refuses_newer_schema (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autofree char *path = g_strdup (crm_store_get_path (store));
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", CRM_STORE_SCHEMA_VERSION + 5);
  g_autoptr(GError) error = NULL;
  CrmStore *again;

  g_assert_true (crm_store_exec (store, sql, NULL));
  g_clear_object (&store);

  again = crm_store_open (path, &error);
  g_assert_null (again);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));
  crm_test_remove_dir (dir);
}

static void
test_refuses_non_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("crm-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "junk.db", NULL);
  CrmStore *store;

  g_assert_true (g_file_set_contents (path, "this is not a database at all, just some text that is long enough", -1, NULL));
  store = crm_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_A_DATABASE);
  crm_test_remove_dir (dir);
}

static void
test_standard_modules (void)
{
  static const char *names[] = {
    "leads", "accounts", "contacts", "deals", "campaigns", "tasks", "events", "calls", "products",
    "price_books", "vendors", "quotes", "sales_orders", "purchase_orders", "invoices",
  };
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  CrmModule *leads, *deals;
  CrmField *stage;

  g_assert_cmpuint (crm_store_get_modules (store)->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      CrmModule *m = crm_store_get_module (store, names[i]);
      g_assert_nonnull (m);
      g_assert_nonnull (crm_module_get_field (m, "owner_id"));
      g_assert_nonnull (crm_module_get_field (m, "created_at"));
      g_assert_cmpint (crm_store_count_records (store, names[i], NULL), ==, 0);
    }

  leads = crm_store_get_module (store, "leads");
  g_assert_true (crm_field_is_required (crm_module_get_field (leads, "last_name")));
  g_assert_cmpint (crm_field_get_field_type (crm_module_get_field (leads, "email")), ==, CRM_FIELD_EMAIL);
  g_assert_true (crm_field_has_picklist_value (crm_module_get_field (leads, "lead_status"), "Not Contacted"));
  g_assert_cmpuint (crm_field_get_picklist (crm_module_get_field (leads, "lead_source"))->len, ==, 14);

  deals = crm_store_get_module (store, "deals");
  stage = crm_module_get_field (deals, "stage");
  g_assert_cmpuint (crm_field_get_picklist (stage)->len, ==, 9);
  g_assert_cmpint (crm_store_get_stage_probability (store, "Value Proposition"), ==, 40);
  g_assert_cmpstr (crm_store_get_picklist_meaning (store, "deals", "stage", "Closed Won"), ==, "won");
  g_assert_cmpstr (crm_store_get_picklist_meaning (store, "deals", "stage", "Closed-Lost to Competition"), ==, "lost");
  g_assert_cmpstr (crm_store_get_picklist_meaning (store, "deals", "stage", "Qualification"), ==, "open");

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_api_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = crm_api_name_from_label ("No. of Employees");
  g_autofree char *b = crm_api_name_from_label ("Café Señor 2");

  g_assert_cmpstr (a, ==, "no_of_employees");
  g_assert_cmpstr (b, ==, "cafe_senor_2");

  g_assert_true (crm_is_valid_api_name ("project_code", NULL));
  g_assert_false (crm_is_valid_api_name ("Project", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_false (crm_is_valid_api_name ("select", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_false (crm_is_valid_api_name ("a;drop table leads", &error));
  g_clear_error (&error);
  g_assert_false (crm_is_valid_api_name ("1abc", &error));
  g_clear_error (&error);
  g_assert_false (crm_is_valid_api_name ("owner_id", &error));
  g_clear_error (&error);
  g_assert_false (crm_is_valid_api_name ("", &error));
}

static void
test_custom_module_round_trip (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autofree char *path = g_strdup (crm_store_get_path (store));
  const char *phases[] = { "Design", "Build", "Done", NULL };
  g_autoptr(GError) error = NULL;
  CrmModule *module;
  CrmField *field;
  gint64 id;

  module = crm_store_create_module (store, "projects", "Project", "Projects", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (module);
  g_assert_true (crm_module_is_custom (module));
  g_assert_cmpstr (crm_module_get_table (module), ==, "x_projects");

  field = crm_store_add_field (store, "projects", "phase", "Phase", CRM_FIELD_PICKLIST, 0, NULL, phases, &error);
  g_assert_no_error (error);
  g_assert_nonnull (field);
  field = crm_store_add_field (store, "projects", "budget", "Budget", CRM_FIELD_CURRENCY, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  field = crm_store_add_field (store, "projects", "client", "Client", CRM_FIELD_LOOKUP, 0, "accounts", NULL, &error);
  g_assert_no_error (error);
  /* custom fields on standard modules too */
  field = crm_store_add_field (store, "leads", "npwp", "NPWP", CRM_FIELD_TEXT, CRM_FIELD_FLAG_SEARCHABLE, NULL, NULL, &error);
  g_assert_no_error (error);

  /* bad names and duplicates change nothing */
  g_assert_null (crm_store_add_field (store, "projects", "Phase", "x", CRM_FIELD_TEXT, 0, NULL, NULL, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_null (crm_store_add_field (store, "projects", "phase", "x", CRM_FIELD_TEXT, 0, NULL, NULL, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_null (crm_store_add_field (store, "projects", "who", "Who", CRM_FIELD_LOOKUP, 0, "nothing", NULL, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (crm_store_create_module (store, "leads", "X", "Xs", NULL, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE);
  g_clear_error (&error);

  {
    g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                crm_test_create (store, "accounts", "account_name", "Acme", NULL));
    id = crm_test_create (store, "projects", "name", "Website relaunch", "phase", "Build",
                          "budget", "1500.50", "client", "Acme", NULL);
    (void) account;
  }

  /* Reopen: metadata and values come back from the file. */
  g_clear_object (&store);
  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  module = crm_store_get_module (store, "projects");
  g_assert_nonnull (module);
  g_assert_nonnull (crm_module_get_field (module, "phase"));
  g_assert_nonnull (crm_module_get_field (crm_store_get_module (store, "leads"), "npwp"));
  {
    g_autoptr(CrmRecord) record = crm_store_load_record (store, "projects", id, &error);
    g_autofree char *client = NULL;
    g_assert_no_error (error);
    g_assert_cmpstr (crm_record_get_string (record, "phase"), ==, "Build");
    g_assert_cmpint (crm_record_get_int (record, "budget", -1), ==, 150050);
    client = crm_store_format_value (store, crm_module_get_field (module, "client"), crm_record_get_value (record, "client"));
    g_assert_cmpstr (client, ==, "Acme");
  }

  /* An invalid picklist value is refused and writes nothing. */
  {
    g_autoptr(CrmRecord) record = crm_record_new (module);
    crm_record_set_string (record, "name", "Bad");
    crm_record_set_string (record, "phase", "Launch");
    g_assert_false (crm_store_save_record (store, record, &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
    g_assert_nonnull (strstr (error->message, "Phase"));
    g_clear_error (&error);
    g_assert_cmpint (crm_store_count_records (store, "projects", NULL), ==, 1);
  }

  /* Deleting a custom field says how many values it holds first. */
  g_assert_cmpint (crm_store_count_field_values (store, "projects", "phase", NULL), ==, 1);
  g_assert_true (crm_store_delete_field (store, "projects", "phase", &error));
  g_assert_no_error (error);
  g_assert_null (crm_module_get_field (crm_store_get_module (store, "projects"), "phase"));
  g_assert_false (crm_store_delete_field (store, "leads", "last_name", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_picklist_rename_updates_records (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 a = crm_test_create (store, "leads", "last_name", "Santoso", "lead_status", "Contacted", NULL);
  gint64 b = crm_test_create (store, "leads", "last_name", "Wijaya", "lead_status", "Not Contacted", NULL);
  g_autoptr(CrmRecord) ra = NULL;
  g_autoptr(CrmRecord) rb = NULL;

  g_assert_true (crm_store_rename_picklist_value (store, "leads", "lead_status", "Contacted", "Reached", &error));
  g_assert_no_error (error);
  ra = crm_store_load_record (store, "leads", a, NULL);
  rb = crm_store_load_record (store, "leads", b, NULL);
  g_assert_cmpstr (crm_record_get_string (ra, "lead_status"), ==, "Reached");
  g_assert_cmpstr (crm_record_get_string (rb, "lead_status"), ==, "Not Contacted");
  g_assert_true (crm_field_has_picklist_value (crm_module_get_field (crm_store_get_module (store, "leads"), "lead_status"), "Reached"));
  g_assert_false (crm_store_rename_picklist_value (store, "leads", "lead_status", "Reached", "Not Contacted", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/private-file", test_open_creates_private_file);
  g_test_add_func ("/store/open/reopen", test_reopen_keeps_data);
  g_test_add_func ("/store/open/refuse-newer", test_refuses_newer_schema);
  g_test_add_func ("/store/open/refuse-non-database", test_refuses_non_database);
  g_test_add_func ("/store/metadata/standard-modules", test_standard_modules);
  g_test_add_func ("/store/metadata/api-names", test_api_names);
  g_test_add_func ("/store/metadata/custom-module", test_custom_module_round_trip);
  g_test_add_func ("/store/metadata/picklist-rename", test_picklist_rename_updates_records);

  return g_test_run ();
}
