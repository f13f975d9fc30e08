/* test-views.c — saved views, recently viewed and modified records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crm-query.h"
#include "crm-recent.h"
#include "crm-test-util.h"
#include "crm-views.h"

static void
test_view_round_trip (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(CrmQuery) query = crm_query_new ("leads");
  g_autoptr(CrmSavedView) view = NULL;
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  const char *columns[] = { "last_name", "company", "lead_status", NULL };
  gint64 hot, id;
  const char *field;
  CrmOperator op;
  GVariant *value;

  hot = crm_test_create (store, "leads", "last_name", "Halim", "lead_status", "Contacted", NULL);
  crm_test_create (store, "leads", "last_name", "Wijaya", "lead_status", "Not Contacted", NULL);

  crm_query_set_scope (query, CRM_SCOPE_MINE);
  crm_query_add_criterion (query, "lead_status", CRM_OP_IS, g_variant_new_string ("Contacted"), NULL);
  crm_query_set_sort (query, "last_name", TRUE);
  id = crm_store_save_view (store, 0, "  Contacted leads ", query, columns, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  view = crm_store_load_view (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (view->name, ==, "Contacted leads");
  g_assert_cmpstr (view->module, ==, "leads");
  g_assert_cmpstrv (view->columns, columns);
  g_assert_cmpint (crm_query_get_scope (view->query), ==, CRM_SCOPE_MINE);
  g_assert_cmpstr (crm_query_get_sort_field (view->query), ==, "last_name");
  g_assert_true (crm_query_get_sort_descending (view->query));
  g_assert_cmpuint (crm_query_get_n_criteria (view->query), ==, 1);
  g_assert_true (crm_query_get_criterion (view->query, 0, &field, &op, &value, NULL));
  g_assert_cmpstr (field, ==, "lead_status");
  g_assert_cmpint (op, ==, CRM_OP_IS);
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, "Contacted");

  /* The saved query selects what the original selected. */
  ids = crm_store_query_ids (store, view->query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, hot);

  /* Replacing keeps the id; NULL columns mean the module default. */
  crm_query_clear_criteria (query);
  g_assert_cmpint (crm_store_save_view (store, id, "All mine", query, NULL, &error), ==, id);
  g_assert_no_error (error);
  g_clear_pointer (&view, crm_saved_view_free);
  view = crm_store_load_view (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (view->name, ==, "All mine");
  g_assert_null (view->columns);
  g_assert_cmpuint (crm_query_get_n_criteria (view->query), ==, 0);

  /* Listed per module, by name. */
  g_assert_cmpint (crm_store_save_view (store, 0, "Another", query, NULL, &error), >, 0);
  views = crm_store_list_views (store, "leads", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (views->len, ==, 2);
  g_assert_cmpstr (((CrmSavedView *) g_ptr_array_index (views, 0))->name, ==, "All mine");
  g_assert_cmpstr (((CrmSavedView *) g_ptr_array_index (views, 1))->name, ==, "Another");
  g_clear_pointer (&views, g_ptr_array_unref);
  views = crm_store_list_views (store, "contacts", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (views->len, ==, 0);

  g_assert_true (crm_store_delete_view (store, id, &error));
  g_assert_no_error (error);
  g_assert_null (crm_store_load_view (store, id, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (crm_store_delete_view (store, id, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static gint64
count_views (CrmStore *store)
{
  g_autoptr(GPtrArray) views = crm_store_list_views (store, "leads", NULL);
  return views->len;
}

static void
test_view_refusals (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(CrmQuery) query = crm_query_new ("leads");
  g_autoptr(CrmQuery) bad_field = crm_query_new ("leads");
  g_autoptr(CrmQuery) bad_op = crm_query_new ("leads");
  g_autoptr(CrmQuery) bad_module = crm_query_new ("nope");
  g_autoptr(GError) error = NULL;
  const char *unknown_column[] = { "last_name", "shoe_size", NULL };
  const char *twice[] = { "last_name", "last_name", NULL };
  const char *none[] = { NULL };

  g_assert_cmpint (crm_store_save_view (store, 0, "Mine", query, NULL, &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpint (crm_store_save_view (store, 0, "mine", query, NULL, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "mine"));
  g_clear_error (&error);

  g_assert_cmpint (crm_store_save_view (store, 0, "   ", query, NULL, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  g_assert_cmpint (crm_store_save_view (store, 0, "Cols", query, unknown_column, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "shoe_size"));
  g_clear_error (&error);

  g_assert_cmpint (crm_store_save_view (store, 0, "Cols", query, twice, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  g_assert_cmpint (crm_store_save_view (store, 0, "Cols", query, none, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  crm_query_add_criterion (bad_field, "shoe_size", CRM_OP_IS, g_variant_new_string ("42"), NULL);
  g_assert_cmpint (crm_store_save_view (store, 0, "Feet", bad_field, NULL, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* "contains" is not an operator for a checkbox. */
  crm_query_add_criterion (bad_op, "email_opt_out", CRM_OP_CONTAINS, g_variant_new_string ("x"), NULL);
  g_assert_cmpint (crm_store_save_view (store, 0, "Opt", bad_op, NULL, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  g_assert_cmpint (crm_store_save_view (store, 0, "Nowhere", bad_module, NULL, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (crm_store_save_view (store, 9999, "Gone", query, NULL, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nothing was written by any refusal. */
  g_assert_cmpint (count_views (store), ==, 1);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_recently_viewed (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a = crm_test_create (store, "accounts", "account_name", "PT Maju Jaya", NULL);
  gint64 b = crm_test_create (store, "leads", "first_name", "Sari", "last_name", "Halim", NULL);
  gint64 c = crm_test_create (store, "leads", "last_name", "Wijaya", NULL);
  CrmRecentRecord *r;

  g_assert_true (crm_store_mark_viewed (store, "accounts", a, &error));
  g_assert_true (crm_store_mark_viewed (store, "leads", b, &error));
  g_assert_true (crm_store_mark_viewed (store, "leads", c, &error));
  /* Viewing again moves it to the front without a second entry. */
  g_assert_true (crm_store_mark_viewed (store, "accounts", a, &error));
  g_assert_no_error (error);

  recent = crm_store_list_recently_viewed (store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 3);
  r = g_ptr_array_index (recent, 0);
  g_assert_cmpstr (r->module, ==, "accounts");
  g_assert_cmpint (r->id, ==, a);
  g_assert_cmpstr (r->title, ==, "PT Maju Jaya");
  r = g_ptr_array_index (recent, 1);
  g_assert_cmpint (r->id, ==, c);
  r = g_ptr_array_index (recent, 2);
  g_assert_cmpstr (r->title, ==, "Sari Halim");
  g_clear_pointer (&recent, g_ptr_array_unref);

  /* Deleted records drop out; the limit holds. */
  g_assert_true (crm_store_delete_record (store, "leads", c, &error));
  recent = crm_store_list_recently_viewed (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 1);
  g_assert_cmpint (((CrmRecentRecord *) g_ptr_array_index (recent, 0))->id, ==, a);
  g_clear_pointer (&recent, g_ptr_array_unref);
  recent = crm_store_list_recently_viewed (store, 10, &error);
  g_assert_cmpuint (recent->len, ==, 2);
  g_clear_pointer (&recent, g_ptr_array_unref);

  /* Only the newest CRM_RECENT_MAX are kept. */
  for (int i = 0; i < CRM_RECENT_MAX + 5; i++)
    g_assert_true (crm_store_mark_viewed (store, "leads", 1000 + i, &error));
  {
    sqlite3_stmt *stmt;
    g_assert_cmpint (sqlite3_prepare_v2 (crm_store_get_db (store), "SELECT count(*) FROM recent_records", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, CRM_RECENT_MAX);
    sqlite3_finalize (stmt);
  }

  g_assert_false (crm_store_mark_viewed (store, "nope", 1, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_recently_modified (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a = crm_test_create (store, "accounts", "account_name", "PT Maju Jaya", NULL);
  gint64 b = crm_test_create (store, "leads", "last_name", "Halim", NULL);
  gint64 c = crm_test_create (store, "leads", "last_name", "Wijaya", NULL);

  /* Edit the first one twice: it comes first, once. */
  g_assert_true (crm_store_set_field (store, "accounts", a, "website", g_variant_new_string ("https://maju.example"), &error));
  g_assert_true (crm_store_set_field (store, "accounts", a, "phone", g_variant_new_string ("+62 21 555 0101"), &error));
  g_assert_true (crm_store_delete_record (store, "leads", c, &error));
  g_assert_no_error (error);

  recent = crm_store_list_recently_modified (store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 2);
  g_assert_cmpint (((CrmRecentRecord *) g_ptr_array_index (recent, 0))->id, ==, a);
  g_assert_cmpstr (((CrmRecentRecord *) g_ptr_array_index (recent, 0))->module, ==, "accounts");
  g_assert_cmpint (((CrmRecentRecord *) g_ptr_array_index (recent, 1))->id, ==, b);
  g_assert_cmpstr (((CrmRecentRecord *) g_ptr_array_index (recent, 1))->title, ==, "Halim");
  g_clear_pointer (&recent, g_ptr_array_unref);

  /* Restoring counts as a modification and brings it back. */
  g_assert_true (crm_store_restore_record (store, "leads", c, &error));
  recent = crm_store_list_recently_modified (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 1);
  g_assert_cmpint (((CrmRecentRecord *) g_ptr_array_index (recent, 0))->id, ==, c);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/views/round-trip", test_view_round_trip);
  g_test_add_func ("/views/refusals", test_view_refusals);
  g_test_add_func ("/recent/viewed", test_recently_viewed);
  g_test_add_func ("/recent/modified", test_recently_modified);

  return g_test_run ();
}
