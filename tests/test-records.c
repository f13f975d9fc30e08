/* test-records.c — validation by type, history, recycle bin, undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crm-test-util.h"

typedef struct
{
  char     *dir;
  CrmStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = crm_test_open_store (&f->dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  crm_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gint64
count_rows (CrmStore   *store,
            const char *sql)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* One row per case: module, field, text typed, whether it is accepted. */
static const struct {
  const char *module;
  const char *field;
  const char *text;
  gboolean    ok;
} cases[] = {
  { "leads", "email", "budi@example.co.id", TRUE },
  { "leads", "email", "budi at example", FALSE },
  { "leads", "email", "budi@localhost", FALSE },
  { "leads", "email", "a@b@c.com", FALSE },
  { "leads", "website", "www.example.com", TRUE },
  { "leads", "website", "https://maju-jaya.co.id/about", TRUE },
  { "leads", "website", "not a url", FALSE },
  { "leads", "website", "javascript:alert(1)", FALSE },
  { "leads", "phone", "+62 812-3456-7890", TRUE },
  { "leads", "phone", "(021) 555 0199", TRUE },
  { "leads", "phone", "call me", FALSE },
  { "leads", "phone", "12", FALSE },
  { "leads", "no_of_employees", "250", TRUE },
  { "leads", "no_of_employees", "2.5", FALSE },
  { "leads", "no_of_employees", "many", FALSE },
  { "leads", "annual_revenue", "1234.50", TRUE },
  { "leads", "annual_revenue", "12.345", FALSE },
  { "leads", "annual_revenue", "lots", FALSE },
  { "leads", "lead_status", "Contacted", TRUE },
  { "leads", "lead_status", "Maybe", FALSE },
  { "leads", "email_opt_out", "yes", TRUE },
  { "leads", "email_opt_out", "perhaps", FALSE },
  { "leads", "first_name", "Budi", TRUE },
  { "leads", "first_name", "A name that is far longer than the forty characters the field allows", FALSE },
  { "contacts", "date_of_birth", "1990-02-28", TRUE },
  { "contacts", "date_of_birth", "1990-02-30", FALSE },
  { "contacts", "date_of_birth", "28/02/1990", FALSE },
  { "deals", "probability", "55", TRUE },
  { "deals", "probability", "150", FALSE },
  { "deals", "probability", "-1", FALSE },
  { "events", "start_time", "2026-11-28 14:00", TRUE },
  { "events", "start_time", "tomorrow afternoon", FALSE },
  { "contacts", "account_name", "No Such Company", FALSE },
  { "contacts", "owner_id", "Nobody Here", FALSE },
};

static void
test_validation_by_type (Fixture       *f,
                         gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CrmModule *module = crm_store_get_module (f->store, cases[i].module);
      CrmField *field = crm_module_get_field (module, cases[i].field);
      g_autoptr(GVariant) value = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr(CrmRecord) record = crm_record_new (module);
      gboolean ok;

      g_assert_nonnull (field);
      ok = crm_store_parse_value (f->store, field, cases[i].text, &value, &error);
      if (ok)
        {
          crm_record_set_value (record, cases[i].field, value);
          g_hash_table_remove_all (errors);
          crm_store_validate_record (f->store, record, errors, NULL);
          ok = !g_hash_table_contains (errors, cases[i].field);
          if (!ok)
            g_set_error_literal (&error, CRM_ERROR, CRM_ERROR_VALIDATION,
                                 g_hash_table_lookup (errors, cases[i].field));
        }
      if (ok != cases[i].ok)
        g_error ("%s.%s = “%s”: expected %s, got %s", cases[i].module, cases[i].field, cases[i].text,
                 cases[i].ok ? "accepted" : "refused", error ? error->message : "accepted");
      if (!ok)
        {
          /* The message names the field so a person knows what to fix. */
          g_assert_nonnull (strstr (error->message, crm_field_get_label (field)));
        }
    }
}

static void
test_required_and_nothing_written (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(CrmRecord) record = crm_record_new (crm_store_get_module (f->store, "leads"));
  g_autoptr(GError) error = NULL;
  gint64 history_before = count_rows (f->store, "SELECT count(*) FROM history");

  crm_record_set_string (record, "first_name", "Siti");
  crm_record_set_string (record, "email", "siti@example");
  g_assert_false (crm_store_save_record (f->store, record, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_assert_cmpint (crm_record_get_id (record), ==, 0);
  g_assert_cmpint (crm_store_count_records (f->store, "leads", NULL), ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM history"), ==, history_before);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM search_index"), ==, 0);
}

static void
test_unique (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmRecord) record = crm_record_new (crm_store_get_module (f->store, "products"));

  crm_test_create (f->store, "products", "product_name", "Router", "product_code", "RT-100", NULL);
  crm_record_set_string (record, "product_name", "Other router");
  crm_record_set_string (record, "product_code", "rt-100");
  g_assert_false (crm_store_save_record (f->store, record, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE);
  g_assert_cmpint (crm_store_count_records (f->store, "products", NULL), ==, 1);
}

static void
test_history_and_stamps (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmRecord) record = NULL;
  gint64 id = crm_test_create (f->store, "leads", "last_name", "Lestari", "company", "CV Sinar", NULL);
  crm_autoreset sqlite3_stmt *stmt = NULL;

  record = crm_store_load_record (f->store, "leads", id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_record_get_int (record, "owner_id", 0), ==, crm_store_get_current_user (f->store));
  g_assert_cmpint (crm_record_get_int (record, "created_at", 0), >, 0);

  crm_record_set_string (record, "company", "CV Sinar Abadi");
  crm_record_set_string (record, "city", "Bandung");
  g_assert_true (crm_store_save_record (f->store, record, &error));
  g_assert_no_error (error);

  stmt = crm_store_prepare (f->store, "SELECT action, field, old_value, new_value, user_id FROM history "
                                      "WHERE module = 'leads' AND record_id = ? ORDER BY id", NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "create");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "company");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "CV Sinar");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "CV Sinar Abadi");
  g_assert_cmpint (sqlite3_column_int64 (stmt, 4), ==, crm_store_get_current_user (f->store));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "city");
  g_assert_cmpint (sqlite3_column_type (stmt, 2), ==, SQLITE_NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  /* System fields are not for hand edits. */
  crm_record_set_int (record, "created_at", 5);
  g_assert_false (crm_store_save_record (f->store, record, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_READ_ONLY);
}

static void
test_deal_stage_sets_probability (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              crm_test_create (f->store, "accounts", "account_name", "Globex", NULL));
  gint64 id = crm_test_create (f->store, "deals", "deal_name", "Globex renewal", "account_name", account,
                               "amount", "10000.00", "closing_date", "2026-12-31", "stage", "Qualification", NULL);
  g_autoptr(CrmRecord) deal = crm_store_load_record (f->store, "deals", id, &error);

  g_assert_cmpint (crm_record_get_int (deal, "probability", -1), ==, 1000);
  g_assert_cmpint (crm_record_get_int (deal, "expected_revenue", -1), ==, 100000);

  crm_record_set_string (deal, "stage", "Proposal/Price Quote");
  g_assert_true (crm_store_save_record (f->store, deal, &error));
  g_clear_object (&deal);
  deal = crm_store_load_record (f->store, "deals", id, &error);
  g_assert_cmpint (crm_record_get_int (deal, "probability", -1), ==, 7500);
  g_assert_cmpint (crm_record_get_int (deal, "expected_revenue", -1), ==, 750000);

  /* Undo puts stage, probability and revenue back together. */
  g_assert_true (crm_store_undo_last (f->store, &error));
  g_assert_no_error (error);
  g_clear_object (&deal);
  deal = crm_store_load_record (f->store, "deals", id, &error);
  g_assert_cmpstr (crm_record_get_string (deal, "stage"), ==, "Qualification");
  g_assert_cmpint (crm_record_get_int (deal, "probability", -1), ==, 1000);
  g_assert_cmpint (crm_record_get_int (deal, "expected_revenue", -1), ==, 100000);
}

static void
test_recycle_bin (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = crm_test_create (f->store, "contacts", "last_name", "Rahayu", "phone", "+62 812-3456-7890", NULL);
  g_autoptr(GPtrArray) hits = NULL;

  crm_store_add_note (f->store, "contacts", id, "Met at expo", "Wants a demo", &error);
  g_assert_no_error (error);

  g_assert_true (crm_store_delete_record (f->store, "contacts", id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_count_records (f->store, "contacts", NULL), ==, 0);
  hits = crm_store_search (f->store, "Rahayu", 10, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Deleting twice is an error, not a silent success. */
  g_assert_false (crm_store_delete_record (f->store, "contacts", id, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (crm_store_restore_record (f->store, "contacts", id, &error));
  g_assert_cmpint (crm_store_count_records (f->store, "contacts", NULL), ==, 1);
  hits = crm_store_search (f->store, "Rahayu", 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);

  g_assert_true (crm_store_delete_record (f->store, "contacts", id, &error));
  g_assert_cmpint (crm_store_purge_deleted (f->store, G_MAXINT64, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_null (crm_store_load_record (f->store, "contacts", id, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM notes"), ==, 0);
}

static void
test_undo_create_edit_delete (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = crm_test_create (f->store, "accounts", "account_name", "PT Maju", NULL);
  g_autoptr(CrmRecord) record = crm_store_load_record (f->store, "accounts", id, NULL);
  g_autofree char *title = NULL;

  crm_record_set_string (record, "account_name", "PT Maju Jaya");
  g_assert_true (crm_store_save_record (f->store, record, &error));
  g_assert_true (crm_store_delete_record (f->store, "accounts", id, &error));

  g_assert_true (crm_store_undo_last (f->store, &error));   /* the delete */
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_count_records (f->store, "accounts", NULL), ==, 1);

  g_assert_true (crm_store_undo_last (f->store, &error));   /* the edit */
  title = crm_store_dup_record_title (f->store, "accounts", id);
  g_assert_cmpstr (title, ==, "PT Maju");
  {
    g_autoptr(GPtrArray) hits = crm_store_search (f->store, "Jaya", 10, NULL);
    g_assert_cmpuint (hits->len, ==, 0);
  }

  g_assert_true (crm_store_undo_last (f->store, &error));   /* the create */
  g_assert_cmpint (crm_store_count_records (f->store, "accounts", NULL), ==, 0);
  g_assert_false (crm_store_undo_last (f->store, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
}

static void
test_undo_notes (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = crm_test_create (f->store, "accounts", "account_name", "Notes Inc", NULL);
  gint64 note = crm_store_add_note (f->store, "accounts", id, "Call", "Call Monday", &error);

  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM notes WHERE deleted_at IS NULL"), ==, 1);
  g_assert_true (crm_store_undo_last (f->store, &error));
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM notes WHERE deleted_at IS NULL"), ==, 0);

  note = crm_store_add_note (f->store, "accounts", id, "Visit", "Visit Tuesday", &error);
  g_assert_true (crm_store_delete_note (f->store, note, &error));
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM notes WHERE deleted_at IS NULL"), ==, 0);
  g_assert_true (crm_store_undo_last (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM notes WHERE deleted_at IS NULL"), ==, 1);
}

static void
test_mass_change_is_one_undo (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[5];
  gint64 change;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("Lead %u", i);
      ids[i] = crm_test_create (f->store, "leads", "last_name", name, "lead_status", "Not Contacted", NULL);
    }

  change = crm_store_begin_change (f->store, "mass_update", "leads", "Lead Status", &error);
  g_assert_cmpint (change, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (crm_store_set_field (f->store, "leads", ids[i], "lead_status",
                                        g_variant_new_string ("Contacted"), &error));
  g_assert_true (crm_store_end_change (f->store, &error));
  g_assert_cmpint (crm_store_get_last_change (f->store), ==, change);

  g_assert_true (crm_store_undo_change (f->store, change, &error));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(CrmRecord) r = crm_store_load_record (f->store, "leads", ids[i], NULL);
      g_assert_cmpstr (crm_record_get_string (r, "lead_status"), ==, "Not Contacted");
    }
  g_assert_false (crm_store_undo_change (f->store, change, &error));
}

static void
test_failed_change_rolls_back (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ok_id = crm_test_create (f->store, "leads", "last_name", "Ok", NULL);
  gint64 changes_before = count_rows (f->store, "SELECT count(*) FROM changes");

  g_assert_cmpint (crm_store_begin_change (f->store, "mass_update", "leads", "x", &error), >, 0);
  g_assert_true (crm_store_set_field (f->store, "leads", ok_id, "city", g_variant_new_string ("Medan"), &error));
  g_assert_false (crm_store_set_field (f->store, "leads", ok_id, "email", g_variant_new_string ("bad"), &error));
  g_clear_error (&error);
  crm_store_abort_change (f->store);

  {
    g_autoptr(CrmRecord) r = crm_store_load_record (f->store, "leads", ok_id, NULL);
    g_assert_null (crm_record_get_string (r, "city"));
  }
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM changes"), ==, changes_before);
  g_assert_false (crm_store_in_transaction (f->store));
}

static void
test_auto_numbers_never_reused (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              crm_test_create (f->store, "accounts", "account_name", "Initech", NULL));
  gint64 a = crm_test_create (f->store, "invoices", "subject", "First", "account_name", account, "status", "Created", NULL);
  gint64 b;
  g_autoptr(CrmRecord) ra = crm_store_load_record (f->store, "invoices", a, NULL);
  g_autoptr(CrmRecord) rb = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected = g_strdup_printf ("INV-%d-0001", g_date_time_get_year (now));

  g_assert_cmpstr (crm_record_get_string (ra, "invoice_number"), ==, expected);
  g_assert_true (crm_store_delete_record (f->store, "invoices", a, &error));
  g_assert_cmpint (crm_store_purge_deleted (f->store, G_MAXINT64, &error), ==, 1);
  b = crm_test_create (f->store, "invoices", "subject", "Second", "account_name", account, "status", "Created", NULL);
  rb = crm_store_load_record (f->store, "invoices", b, NULL);
  g_assert_true (g_str_has_suffix (crm_record_get_string (rb, "invoice_number"), "-0002"));
}

typedef struct
{
  CrmStore *store;
  guint     count;
  gboolean  in_transaction;
  gint64    id;
} SignalLog;

static void
on_records_changed (CrmStore   *store,
                    const char *module,
                    gint64      id,
                    SignalLog  *log)
{
  log->count++;
  log->in_transaction |= crm_store_in_transaction (store);
  log->id = id;
}

static void
test_records_changed_after_commit (Fixture       *f,
                                   gconstpointer  data)
{
  SignalLog log = { f->store, 0, FALSE, 0 };
  g_autoptr(GError) error = NULL;
  gulong handler = g_signal_connect (f->store, "records-changed::leads", G_CALLBACK (on_records_changed), &log);
  gint64 id;

  crm_test_create (f->store, "accounts", "account_name", "Not a lead", NULL);
  g_assert_cmpuint (log.count, ==, 0);   /* the detail filters by module */

  id = crm_test_create (f->store, "leads", "last_name", "Signal", NULL);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpint (log.id, ==, id);
  g_assert_false (log.in_transaction);

  /* Nothing is announced for a change that rolls back. */
  crm_store_begin_change (f->store, "x", "leads", "x", &error);
  crm_store_set_field (f->store, "leads", id, "city", g_variant_new_string ("Jakarta"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log.count, ==, 1);
  crm_store_abort_change (f->store);
  g_assert_cmpuint (log.count, ==, 1);

  g_signal_handler_disconnect (f->store, handler);
}

static gboolean
refuse_big_deals (CrmStore    *store,
                  const char  *action,
                  CrmRecord   *before,
                  CrmRecord   *after,
                  gpointer     user_data,
                  GError     **error)
{
  guint *calls = user_data;

  (*calls)++;
  g_assert_true (crm_store_in_transaction (store));
  if (crm_record_get_int (after, "amount", 0) > 100000000)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, "Too big");
      return FALSE;
    }
  return TRUE;
}

static gboolean
touch_again (CrmStore    *store,
             const char  *action,
             CrmRecord   *before,
             CrmRecord   *after,
             gpointer     user_data,
             GError     **error)
{
  g_autofree char *city = g_strdup_printf ("City %u", crm_store_get_hook_depth (store));

  /* A careless rule that rewrites the record it was fired by. */
  return crm_store_set_field (store, "leads", crm_record_get_id (after), "city",
                              g_variant_new_string (city), error);
}

static void
test_write_hooks (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              crm_test_create (f->store, "accounts", "account_name", "Hooli", NULL));
  guint calls = 0;
  guint hook = crm_store_add_write_hook (f->store, "deals", refuse_big_deals, &calls, NULL);
  gint64 id = crm_test_create (f->store, "deals", "deal_name", "Small", "account_name", account,
                               "closing_date", "2026-12-01", "stage", "Qualification", "amount", "10.00", NULL);

  g_assert_cmpuint (calls, ==, 1);
  g_assert_false (crm_store_set_field (f->store, "deals", id, "amount", g_variant_new_int64 (200000000), &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpuint (calls, ==, 2);
  {
    g_autoptr(CrmRecord) deal = crm_store_load_record (f->store, "deals", id, NULL);
    g_assert_cmpint (crm_record_get_int (deal, "amount", 0), ==, 1000);
  }
  crm_store_remove_write_hook (f->store, hook);
  crm_test_create (f->store, "accounts", "account_name", "Not counted", NULL);
  g_assert_cmpuint (calls, ==, 2);

  /* A hook that keeps re-firing is stopped, and nothing is saved. */
  hook = crm_store_add_write_hook (f->store, "leads", touch_again, NULL, NULL);
  {
    g_autoptr(CrmRecord) lead = crm_record_new (crm_store_get_module (f->store, "leads"));
    crm_record_set_string (lead, "last_name", "Loop");
    g_assert_false (crm_store_save_record (f->store, lead, &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_FAILED);
    g_assert_cmpint (crm_store_count_records (f->store, "leads", NULL), ==, 0);
  }
  crm_store_remove_write_hook (f->store, hook);
  g_assert_false (crm_store_in_transaction (f->store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/records/validation/by-type", test_validation_by_type);
  ADD ("/records/validation/nothing-written", test_required_and_nothing_written);
  ADD ("/records/validation/unique", test_unique);
  ADD ("/records/history/stamps", test_history_and_stamps);
  ADD ("/records/deals/stage-probability", test_deal_stage_sets_probability);
  ADD ("/records/recycle-bin", test_recycle_bin);
  ADD ("/records/undo/create-edit-delete", test_undo_create_edit_delete);
  ADD ("/records/undo/mass-change", test_mass_change_is_one_undo);
  ADD ("/records/undo/notes", test_undo_notes);
  ADD ("/records/undo/rollback", test_failed_change_rolls_back);
  ADD ("/records/auto-number", test_auto_numbers_never_reused);
  ADD ("/records/signal-after-commit", test_records_changed_after_commit);
  ADD ("/records/write-hooks", test_write_hooks);
#undef ADD

  return g_test_run ();
}
