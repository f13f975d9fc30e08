/* test-convert.c — lead conversion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crm-convert.h"
#include "crm-query.h"
#include "crm-test-util.h"

static void
test_convert_creates_and_links (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  CrmConvertOptions options = { 0, 0, TRUE, NULL, "2026-12-31", "Needs Analysis", 500000, 0 };
  CrmConvertResult result = { 0 };
  gint64 lead = crm_test_create (store, "leads", "first_name", "Budi", "last_name", "Santoso",
                                 "company", "PT Maju Jaya", "email", "budi@majujaya.co.id",
                                 "phone", "(021) 555-0199", "city", "Jakarta", "industry", "ERP",
                                 "lead_source", "Trade Show", NULL);
  g_autoptr(CrmRecord) contact = NULL;
  g_autoptr(CrmRecord) account = NULL;
  g_autoptr(CrmRecord) deal = NULL;
  g_autoptr(CrmRecord) converted = NULL;

  crm_store_add_note (store, "leads", lead, "Call back", "Interested in 50 seats", &error);
  g_assert_no_error (error);

  g_assert_true (crm_store_convert_lead (store, lead, &options, &result, &error));
  g_assert_no_error (error);
  g_assert_true (result.account_created);
  g_assert_true (result.contact_created);
  g_assert_cmpint (result.deal_id, >, 0);

  account = crm_store_load_record (store, "accounts", result.account_id, NULL);
  g_assert_cmpstr (crm_record_get_string (account, "account_name"), ==, "PT Maju Jaya");
  g_assert_cmpstr (crm_record_get_string (account, "billing_city"), ==, "Jakarta");
  g_assert_cmpstr (crm_record_get_string (account, "industry"), ==, "ERP");
  g_assert_cmpstr (crm_record_get_string (account, "phone"), ==, "(021) 555-0199");

  contact = crm_store_load_record (store, "contacts", result.contact_id, NULL);
  g_assert_cmpstr (crm_record_get_string (contact, "last_name"), ==, "Santoso");
  g_assert_cmpstr (crm_record_get_string (contact, "email"), ==, "budi@majujaya.co.id");
  g_assert_cmpstr (crm_record_get_string (contact, "mailing_city"), ==, "Jakarta");
  g_assert_cmpint (crm_record_get_int (contact, "account_name", 0), ==, result.account_id);

  deal = crm_store_load_record (store, "deals", result.deal_id, NULL);
  g_assert_cmpstr (crm_record_get_string (deal, "stage"), ==, "Needs Analysis");
  g_assert_cmpstr (crm_record_get_string (deal, "lead_source"), ==, "Trade Show");
  g_assert_cmpint (crm_record_get_int (deal, "probability", 0), ==, 2000);
  g_assert_cmpint (crm_record_get_int (deal, "amount", 0), ==, 500000);

  converted = crm_store_load_record (store, "leads", lead, NULL);
  g_assert_cmpint (crm_record_get_int (converted, "converted", 0), ==, 1);
  g_assert_cmpint (crm_record_get_int (converted, "converted_contact", 0), ==, result.contact_id);

  /* The note moved to the contact. */
  {
    crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, "SELECT module, record_id FROM notes", NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "contacts");
    g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, result.contact_id);
  }

  /* The Converted Leads view shows it. */
  {
    g_autoptr(CrmQuery) query = crm_query_new ("leads");
    g_autoptr(GArray) ids = NULL;
    crm_query_set_scope (query, CRM_SCOPE_CONVERTED);
    ids = crm_store_query_ids (store, query, &error);
    g_assert_cmpuint (ids->len, ==, 1);
  }

  /* Twice is refused, and conversion is not undone by Undo. */
  g_assert_false (crm_store_convert_lead (store, lead, NULL, NULL, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (crm_store_undo_last (store, &error));
  g_assert_nonnull (error);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_convert_matches_existing (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 account = crm_test_create (store, "accounts", "account_name", "Globex Ltd", NULL);
  gint64 contact = crm_test_create (store, "contacts", "last_name", "Clark", "email", "emily@globex.com", NULL);
  gint64 lead = crm_test_create (store, "leads", "last_name", "Clark", "company", "globex ltd",
                                 "email", "EMILY@globex.com", NULL);
  gint64 lone = crm_test_create (store, "leads", "last_name", "Nobody", NULL);
  gint64 a = 0, c = 0;
  CrmConvertResult result = { 0 };
  CrmConvertOptions with_deal = { 0, 0, TRUE, NULL, NULL, NULL, -1, 0 };

  g_assert_true (crm_store_find_conversion_matches (store, lead, &a, &c, &error));
  g_assert_cmpint (a, ==, account);
  g_assert_cmpint (c, ==, contact);

  g_assert_true (crm_store_convert_lead (store, lead, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_false (result.account_created);
  g_assert_false (result.contact_created);
  g_assert_cmpint (crm_store_count_records (store, "accounts", NULL), ==, 1);
  g_assert_cmpint (crm_store_count_records (store, "contacts", NULL), ==, 1);

  /* No company: no account, and a deal cannot be made; nothing changes. */
  g_assert_false (crm_store_convert_lead (store, lone, &with_deal, &result, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_count_records (store, "contacts", NULL), ==, 1);
  g_assert_true (crm_store_convert_lead (store, lone, NULL, &result, &error));
  g_assert_cmpint (result.account_id, ==, 0);
  g_assert_cmpint (crm_store_count_records (store, "contacts", NULL), ==, 2);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_mapping (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  const char *targets[] = { "contacts.department", NULL };
  const char *bad_type[] = { "contacts.date_of_birth", NULL };
  g_auto(GStrv) got = NULL;
  CrmConvertResult result = { 0 };
  gint64 lead;

  g_assert_true (crm_convert_set_targets (store, "title", targets, &error));
  g_assert_no_error (error);
  got = crm_convert_get_targets (store, "title");
  g_assert_cmpstr (got[0], ==, "contacts.department");
  g_assert_false (crm_convert_set_targets (store, "title", bad_type, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  lead = crm_test_create (store, "leads", "last_name", "Wijaya", "title", "Purchasing", NULL);
  g_assert_true (crm_store_convert_lead (store, lead, NULL, &result, &error));
  {
    g_autoptr(CrmRecord) contact = crm_store_load_record (store, "contacts", result.contact_id, NULL);
    g_assert_cmpstr (crm_record_get_string (contact, "department"), ==, "Purchasing");
    g_assert_null (crm_record_get_string (contact, "title"));
  }

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/convert/creates-and-links", test_convert_creates_and_links);
  g_test_add_func ("/convert/matches-existing", test_convert_matches_existing);
  g_test_add_func ("/convert/mapping", test_mapping);

  return g_test_run ();
}
