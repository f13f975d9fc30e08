/* test-demo.c — the sample data generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crm-demo.h"
#include "crm-query.h"
#include "crm-search.h"
#include "crm-test-util.h"

static const struct { const char *module; gint64 count; } expected_counts[] = {
  { "vendors", CRM_DEMO_N_VENDORS },
  { "products", CRM_DEMO_N_PRODUCTS },
  { "price_books", CRM_DEMO_N_PRICE_BOOKS },
  { "campaigns", CRM_DEMO_N_CAMPAIGNS },
  { "accounts", CRM_DEMO_N_ACCOUNTS },
  { "contacts", CRM_DEMO_N_CONTACTS },
  { "leads", CRM_DEMO_N_LEADS },
  { "deals", CRM_DEMO_N_DEALS },
  { "tasks", CRM_DEMO_N_TASKS },
  { "events", CRM_DEMO_N_EVENTS },
  { "calls", CRM_DEMO_N_CALLS },
  { "quotes", CRM_DEMO_N_QUOTES },
  { "sales_orders", CRM_DEMO_N_SALES_ORDERS },
  { "purchase_orders", CRM_DEMO_N_PURCHASE_ORDERS },
  { "invoices", CRM_DEMO_N_INVOICES },
};

static CrmStore *
open_demo_store (char **dir)
{
  CrmStore *store = crm_test_open_store (dir);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (crm_demo_fill (store, 1, &error));
  g_assert_no_error (error);
  g_test_message ("demo filled in %.2f s", (g_get_monotonic_time () - start) / 1e6);
  return store;
}

static guint
count_where (CrmStore    *store,
             const char  *module,
             const char  *field,
             CrmOperator  op,
             GVariant    *value)
{
  g_autoptr(CrmQuery) query = crm_query_new (module);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  crm_query_add_criterion (query, field, op, value, NULL);
  ids = crm_store_query_ids (store, query, &error);
  g_assert_no_error (error);
  return ids->len;
}

static gint64
sql_count (CrmStore   *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (crm_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
assert_every_value_used (CrmStore   *store,
                         const char *module,
                         const char *field)
{
  CrmField *f = crm_module_get_field (crm_store_get_module (store, module), field);
  GPtrArray *values = crm_field_get_picklist (f);

  g_assert_cmpuint (values->len, >, 1);
  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      guint n = count_where (store, module, field, CRM_OP_IS, g_variant_new_string (value));

      if (n == 0)
        g_error ("no %s have %s “%s”", module, field, value);
    }
}

static void
test_counts (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = open_demo_store (&dir);
  g_autoptr(GVariant) users = crm_store_list_users (store);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (expected_counts); i++)
    {
      gint64 n = crm_store_count_records (store, expected_counts[i].module, &error);

      g_assert_no_error (error);
      g_assert_cmpint (n, ==, expected_counts[i].count);
    }
  g_assert_cmpint (CRM_DEMO_N_ACCOUNTS, >=, 200);
  g_assert_cmpint (CRM_DEMO_N_CONTACTS, >=, 500);
  g_assert_cmpint (CRM_DEMO_N_LEADS, >=, 300);
  g_assert_cmpint (CRM_DEMO_N_DEALS, >=, 150);
  g_assert_cmpint (CRM_DEMO_N_PRODUCTS, >=, 50);
  g_assert_cmpint (CRM_DEMO_N_VENDORS, >=, 10);

  /* The default user and the sales people, who own records. */
  g_assert_cmpuint (g_variant_n_children (users), ==, 1 + CRM_DEMO_N_USERS);
  g_assert_cmpint (sql_count (store, "SELECT count(DISTINCT owner_id) FROM deals"), >=, 4);

  /* Some notes, and the whole sample is one change: one Undo step. */
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM notes"), >, 20);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM changes"), ==, 1);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_spread (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = open_demo_store (&dir);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  assert_every_value_used (store, "deals", "stage");
  assert_every_value_used (store, "leads", "lead_status");
  assert_every_value_used (store, "leads", "lead_source");
  assert_every_value_used (store, "quotes", "quote_stage");
  assert_every_value_used (store, "invoices", "status");

  /* Links: every contact has an account, most deals a contact, and
   * activities point at records through related_module/related_id. */
  g_assert_cmpuint (count_where (store, "contacts", "account_name", CRM_OP_IS_EMPTY, NULL), ==, 0);
  g_assert_cmpuint (count_where (store, "deals", "contact_name", CRM_OP_IS_NOT_EMPTY, NULL), >=, CRM_DEMO_N_DEALS * 9 / 10);
  g_assert_cmpuint (count_where (store, "deals", "amount", CRM_OP_GREATER, g_variant_new_int64 (0)), ==, CRM_DEMO_N_DEALS);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM tasks t WHERE related_module = 'deals' "
                                     "AND NOT EXISTS (SELECT 1 FROM deals d WHERE d.id = t.related_id)"), ==, 0);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM calls WHERE related_id IS NULL"), ==, 0);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM products WHERE vendor_name IS NULL"), ==, 0);

  /* Deals close around today; tasks are overdue, due today and ahead. */
  g_assert_cmpuint (count_where (store, "deals", "closing_date", CRM_OP_LESS, g_variant_new_string (today)), >, 10);
  g_assert_cmpuint (count_where (store, "deals", "closing_date", CRM_OP_GREATER, g_variant_new_string (today)), >, 10);
  g_assert_cmpuint (count_where (store, "tasks", "due_date", CRM_OP_TODAY, NULL), >, 0);
  g_assert_cmpuint (count_where (store, "events", "start_time", CRM_OP_TODAY, NULL), >, 0);
  {
    g_autoptr(CrmQuery) overdue = crm_query_new ("tasks");
    g_autoptr(GArray) ids = NULL;
    g_autoptr(GError) error = NULL;

    crm_query_add_criterion (overdue, "due_date", CRM_OP_LESS, g_variant_new_string (today), NULL);
    crm_query_add_criterion (overdue, "status", CRM_OP_IS_NOT, g_variant_new_string ("Completed"), NULL);
    ids = crm_store_query_ids (store, overdue, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, >, 0);
  }

  /* Names, phones and emails look like the real thing. */
  {
    g_autofree char *title = crm_store_dup_record_title (store, "accounts", 1);
    g_autofree char *contact = crm_store_dup_record_title (store, "contacts", 1);
    g_autoptr(CrmRecord) record = crm_store_load_record (store, "contacts", 1, NULL);

    g_assert_cmpstr (title, ==, "PT Maju Jaya");
    g_assert_cmpstr (contact, ==, "Budi Santoso");
    g_assert_cmpstr (crm_record_get_string (record, "email"), ==, "budi.santoso@majujaya.co.id");
    g_assert_true (g_str_has_prefix (crm_record_get_string (record, "phone"), "(021) "));
    g_assert_true (g_str_has_prefix (crm_record_get_string (record, "mobile"), "+62 8"));
  }
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM accounts WHERE billing_city = 'London'"), >, 0);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM accounts WHERE billing_city = 'Surabaya'"), >, 0);

  /* Everything went through the search index. */
  {
    g_autoptr(GPtrArray) hits = crm_store_search (store, "Budi Santoso", 10, NULL);
    gboolean found = FALSE;

    g_assert_nonnull (hits);
    for (guint i = 0; i < hits->len; i++)
      {
        CrmSearchHit *hit = g_ptr_array_index (hits, i);
        found |= g_str_equal (hit->module, "contacts") && hit->id == 1;
      }
    g_assert_true (found);
  }

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_deterministic (void)
{
  g_autofree char *dir_a = NULL;
  g_autofree char *dir_b = NULL;
  g_autoptr(CrmStore) a = open_demo_store (&dir_a);
  g_autoptr(CrmStore) b = open_demo_store (&dir_b);
  GPtrArray *modules = crm_store_get_modules (a);

  for (guint m = 0; m < modules->len; m++)
    {
      const char *module = crm_module_get_api_name (g_ptr_array_index (modules, m));

      g_assert_cmpint (crm_store_count_records (a, module, NULL), ==, crm_store_count_records (b, module, NULL));
      for (gint64 id = 1; id <= 10; id++)
        {
          g_autofree char *ta = crm_store_dup_record_title (a, module, id);
          g_autofree char *tb = crm_store_dup_record_title (b, module, id);

          g_assert_cmpstr (ta, ==, tb);
        }
    }
  /* Amounts and links too, not only names. */
  g_assert_cmpint (sql_count (a, "SELECT sum(amount) + sum(account_name) FROM deals"), ==,
                   sql_count (b, "SELECT sum(amount) + sum(account_name) FROM deals"));
  g_assert_cmpint (sql_count (a, "SELECT sum(account_name) FROM contacts"), ==,
                   sql_count (b, "SELECT sum(account_name) FROM contacts"));

  g_clear_object (&a);
  g_clear_object (&b);
  crm_test_remove_dir (dir_a);
  crm_test_remove_dir (dir_b);
}

static void
test_refuses_non_empty (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 changes;

  crm_test_create (store, "leads", "last_name", "Halim", NULL);
  changes = sql_count (store, "SELECT count(*) FROM changes");

  g_assert_false (crm_demo_fill (store, 1, &error));
  g_assert_error (error, CRM_DEMO_ERROR, CRM_DEMO_ERROR_NOT_EMPTY);
  g_assert_nonnull (strstr (error->message, crm_store_get_path (store)));
  g_clear_error (&error);

  /* Nothing was written: no records, no users, no change. */
  g_assert_cmpint (crm_store_count_records (store, "leads", NULL), ==, 1);
  g_assert_cmpint (crm_store_count_records (store, "accounts", NULL), ==, 0);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM users"), ==, 1);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM changes"), ==, changes);
  g_assert_false (crm_store_in_transaction (store));

  /* A record in the recycle bin still counts. */
  g_assert_true (crm_store_delete_record (store, "leads", 1, &error));
  g_assert_no_error (error);
  g_assert_false (crm_demo_fill (store, 1, &error));
  g_assert_error (error, CRM_DEMO_ERROR, CRM_DEMO_ERROR_NOT_EMPTY);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_twice_and_undo (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = open_demo_store (&dir);
  g_autoptr(GError) error = NULL;

  g_assert_false (crm_demo_fill (store, 1, &error));
  g_assert_error (error, CRM_DEMO_ERROR, CRM_DEMO_ERROR_NOT_EMPTY);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_count_records (store, "deals", NULL), ==, CRM_DEMO_N_DEALS);

  /* One Undo takes the whole sample away again. */
  g_assert_true (crm_store_undo_last (store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected_counts); i++)
    g_assert_cmpint (crm_store_count_records (store, expected_counts[i].module, NULL), ==, 0);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_scale (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_demo_fill (store, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_count_records (store, "accounts", NULL), ==, 2 * CRM_DEMO_N_ACCOUNTS);
  g_assert_cmpint (crm_store_count_records (store, "products", NULL), ==, 2 * CRM_DEMO_N_PRODUCTS);
  g_assert_cmpint (crm_store_count_records (store, "invoices", NULL), ==, 2 * CRM_DEMO_N_INVOICES);
  /* Company names stay unique even when the word lists run short. */
  g_assert_cmpint (sql_count (store, "SELECT count(DISTINCT account_name) FROM accounts"), ==, 2 * CRM_DEMO_N_ACCOUNTS);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_fill_leads (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(CrmRecord) record = NULL;
  guint n = 20000;
  gint64 start, indexes;
  double seconds;

  /* A load this size drops the leads' indexes and builds them again. */
  indexes = sql_count (store, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'leads'");
  g_assert_cmpint (indexes, >, 5);
  start = g_get_monotonic_time ();
  g_assert_true (crm_demo_fill_leads (store, n, &error));
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("%u leads in %.3f s: %.0f rows/s (with the search index)", n, seconds, n / seconds);

  g_assert_cmpint (crm_store_count_records (store, "leads", NULL), ==, n);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM search_index WHERE module = 'leads'"), ==, n);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'leads'"), ==, indexes);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM leads INDEXED BY leads__last_name "
                                     "WHERE last_name = 'Santoso' AND deleted_at IS NULL"), >, 0);

  /* A small load on top keeps the indexes and adds to the same rows. */
  g_assert_true (crm_demo_fill_leads (store, 100, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_count_records (store, "leads", NULL), ==, n + 100);
  g_assert_true (crm_store_undo_last (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_count_records (store, "leads", NULL), ==, n);

  /* The rows are what a form would have saved. */
  record = crm_store_load_record (store, "leads", n / 2, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_validate_record (store, record, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (crm_record_get_int (record, "created_at", 0) > 0);

  /* Searchable by name and by phone digits. */
  {
    g_autofree char *title = crm_record_dup_title (record);
    g_autofree char *digits = g_strdup (crm_record_get_string (record, "mobile"));
    gboolean found = FALSE;

    hits = crm_store_search (store, title, 200, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < hits->len; i++)
      {
        CrmSearchHit *hit = g_ptr_array_index (hits, i);
        g_assert_cmpstr (hit->module, ==, "leads");
      }
    g_assert_cmpuint (hits->len, >, 0);
    g_clear_pointer (&hits, g_ptr_array_unref);

    hits = crm_store_search (store, digits, 10, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < hits->len; i++)
      found |= ((CrmSearchHit *) g_ptr_array_index (hits, i))->id == n / 2;
    g_assert_true (found);
  }

  /* One batch: one Undo removes every row and its index entry. */
  g_assert_true (crm_store_undo_last (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_count_records (store, "leads", NULL), ==, 0);
  g_assert_cmpint (sql_count (store, "SELECT count(*) FROM search_index"), ==, 0);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/counts", test_counts);
  g_test_add_func ("/demo/spread", test_spread);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/demo/twice-and-undo", test_twice_and_undo);
  g_test_add_func ("/demo/scale", test_scale);
  g_test_add_func ("/demo/fill-leads", test_fill_leads);

  return g_test_run ();
}
