/* test-mass.c — mass update, delete and restore as one Undo step; CSV export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crm-mass.h"
#include "crm-test-util.h"

static char *
get_text (CrmStore   *store,
          const char *module,
          gint64      id,
          const char *field)
{
  g_autoptr(CrmRecord) record = crm_store_load_record (store, module, id, NULL);
  const char *s = record ? crm_record_get_string (record, field) : NULL;

  return g_strdup (s);
}

static void
test_mass_update_undo (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 ids[3];
  gint64 change;

  ids[0] = crm_test_create (store, "leads", "last_name", "Halim", "lead_status", "Contacted", NULL);
  ids[1] = crm_test_create (store, "leads", "last_name", "Wijaya", NULL);
  ids[2] = crm_test_create (store, "leads", "last_name", "Santoso", "lead_status", "Junk Lead", NULL);

  change = crm_store_mass_update (store, "leads", ids, 3, "lead_status", g_variant_new_string ("Pre-Qualified"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (change, >, 0);
  g_assert_cmpint (crm_store_get_last_change (store), ==, change);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *s = get_text (store, "leads", ids[i], "lead_status");
      g_assert_cmpstr (s, ==, "Pre-Qualified");
    }

  /* One Undo puts every record back. */
  g_assert_true (crm_store_undo_change (store, change, &error));
  g_assert_no_error (error);
  {
    g_autofree char *s0 = get_text (store, "leads", ids[0], "lead_status");
    g_autofree char *s1 = get_text (store, "leads", ids[1], "lead_status");
    g_autofree char *s2 = get_text (store, "leads", ids[2], "lead_status");
    g_assert_cmpstr (s0, ==, "Contacted");
    g_assert_null (s1);
    g_assert_cmpstr (s2, ==, "Junk Lead");
  }

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_mass_update_all_or_nothing (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 ids[2];
  gint64 before;

  ids[0] = crm_test_create (store, "leads", "last_name", "Halim", NULL);
  ids[1] = crm_test_create (store, "leads", "last_name", "Wijaya", NULL);
  g_assert_true (crm_store_delete_record (store, "leads", ids[1], &error));
  before = crm_store_get_last_change (store);

  /* The second record is in the recycle bin: the first must not change. */
  g_assert_cmpint (crm_store_mass_update (store, "leads", ids, 2, "city", g_variant_new_string ("Bandung"), &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Wijaya"));
  g_clear_error (&error);
  {
    g_autofree char *city = get_text (store, "leads", ids[0], "city");
    g_assert_null (city);
  }
  g_assert_cmpint (crm_store_get_last_change (store), ==, before);

  /* A required field cannot be emptied. */
  g_assert_cmpint (crm_store_mass_update (store, "leads", ids, 1, "last_name", NULL, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  /* System fields are read-only; unknown fields and empty selections refused. */
  g_assert_cmpint (crm_store_mass_update (store, "leads", ids, 1, "created_at", g_variant_new_int64 (0), &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_mass_update (store, "leads", ids, 1, "shoe_size", NULL, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_mass_update (store, "leads", ids, 0, "city", NULL, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  g_assert_cmpint (crm_store_get_last_change (store), ==, before);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_mass_owner (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 ids[2];
  gint64 dewi = crm_store_add_user (store, "Dewi Lestari", "dewi@example.com", "Sales", &error);

  ids[0] = crm_test_create (store, "accounts", "account_name", "PT Satu", NULL);
  ids[1] = crm_test_create (store, "accounts", "account_name", "PT Dua", NULL);
  g_assert_cmpint (crm_store_mass_update (store, "accounts", ids, 2, "owner_id", g_variant_new_int64 (dewi), &error), >, 0);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CrmRecord) r = crm_store_load_record (store, "accounts", ids[i], &error);
      g_assert_cmpint (crm_record_get_int (r, "owner_id", 0), ==, dewi);
    }

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_mass_delete_restore (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 ids[3];
  gint64 change;

  ids[0] = crm_test_create (store, "contacts", "last_name", "Halim", NULL);
  ids[1] = crm_test_create (store, "contacts", "last_name", "Wijaya", NULL);
  ids[2] = crm_test_create (store, "contacts", "last_name", "Santoso", NULL);

  change = crm_store_mass_delete (store, "contacts", ids, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (change, >, 0);
  g_assert_cmpint (crm_store_count_records (store, "contacts", NULL), ==, 1);

  g_assert_true (crm_store_undo_change (store, change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_count_records (store, "contacts", NULL), ==, 3);

  g_assert_cmpint (crm_store_mass_delete (store, "contacts", ids, 3, &error), >, 0);
  g_assert_cmpint (crm_store_count_records (store, "contacts", NULL), ==, 0);
  change = crm_store_mass_restore (store, "contacts", ids + 1, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (change, >, 0);
  g_assert_cmpint (crm_store_count_records (store, "contacts", NULL), ==, 2);

  /* Restoring a live record fails and restores nothing. */
  g_assert_cmpint (crm_store_mass_restore (store, "contacts", ids, 2, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_assert_cmpint (crm_store_count_records (store, "contacts", NULL), ==, 2);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_export_csv (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(CrmQuery) query = crm_query_new ("contacts");
  const char *fields[] = { "last_name", "account_name", "email", "date_of_birth", NULL };
  gint64 ids[3];
  guint64 n = 0;
  g_autofree char *text = NULL;
  gint64 acc;

  acc = crm_test_create (store, "accounts", "account_name", "PT \"Maju\", Jaya", NULL);
  ids[0] = crm_test_create (store, "contacts", "last_name", "Halim", "account_name", "PT \"Maju\", Jaya",
                            "email", "sari@maju.example", "date_of_birth", "1990-04-01", NULL);
  ids[1] = crm_test_create (store, "contacts", "last_name", "Wijaya", NULL);
  ids[2] = 99999;   /* gone: skipped */
  g_assert_cmpint (acc, >, 0);

  g_assert_true (crm_store_export_csv (store, "contacts", ids, 3, fields, out, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (g_output_stream_is_closed (out));
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  g_assert_cmpstr (text, ==,
                   "Last Name,Account Name,Email,Date of Birth\r\n"
                   "Halim,\"PT \"\"Maju\"\", Jaya\",sari@maju.example,1990-04-01\r\n"
                   "Wijaya,,,\r\n");

  /* A query exports in its own order. */
  g_clear_object (&out);
  g_clear_pointer (&text, g_free);
  out = g_memory_output_stream_new_resizable ();
  crm_query_set_sort (query, "last_name", TRUE);
  g_assert_true (crm_store_export_query_csv (store, query, (const char *[]) { "last_name", NULL }, out, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  g_assert_cmpstr (text, ==, "Last Name\r\nWijaya\r\nHalim\r\n");

  g_clear_object (&out);
  out = g_memory_output_stream_new_resizable ();
  g_assert_false (crm_store_export_csv (store, "contacts", ids, 1, (const char *[]) { "shoe_size", NULL }, out, NULL, NULL, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mass/update-undo", test_mass_update_undo);
  g_test_add_func ("/mass/all-or-nothing", test_mass_update_all_or_nothing);
  g_test_add_func ("/mass/owner", test_mass_owner);
  g_test_add_func ("/mass/delete-restore", test_mass_delete_restore);
  g_test_add_func ("/mass/export-csv", test_export_csv);

  return g_test_run ();
}
