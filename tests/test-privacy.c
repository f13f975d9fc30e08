/* test-privacy.c — GDPR settings, personal fields, consent, export and erasure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "crm-privacy.h"
#include "crm-setup.h"
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
  crm_setup_attach (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  crm_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
test_settings_and_fields (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(CrmPrivacyInfo) info = NULL;
  gint64 lead, contact;

  g_assert_false (crm_privacy_is_enabled (f->store, "contacts"));
  g_assert_true (crm_privacy_set_enabled (f->store, "contacts", TRUE, &error));
  g_assert_true (crm_privacy_is_enabled (f->store, "contacts"));
  g_assert_false (crm_privacy_is_enabled (f->store, "leads"));
  g_assert_false (crm_privacy_set_enabled (f->store, "nowhere", TRUE, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* names, emails, phones, address, date of birth */
  fields = crm_privacy_list_personal_fields (f->store, "contacts", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      const char *name = (const char *[]) { "last_name", "email", "mobile", "mailing_street", "date_of_birth" }[i];
      g_assert_true (g_ptr_array_find_with_equal_func (fields, name, g_str_equal, NULL));
    }
  g_assert_false (g_ptr_array_find_with_equal_func (fields, "department", g_str_equal, NULL));
  /* form order */
  g_assert_cmpstr (g_ptr_array_index (fields, 0), ==, "salutation");
  g_clear_pointer (&fields, g_ptr_array_unref);

  g_assert_true (crm_privacy_set_personal (f->store, "contacts", "department", TRUE, &error));
  g_assert_true (crm_privacy_is_personal (f->store, "contacts", "department"));
  g_assert_true (crm_privacy_set_personal (f->store, "contacts", "department", FALSE, &error));
  g_assert_false (crm_privacy_is_personal (f->store, "contacts", "department"));
  g_assert_false (crm_privacy_set_personal (f->store, "contacts", "created_at", TRUE, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (crm_privacy_set_personal (f->store, "contacts", "no_such_field", TRUE, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Data source of new records in a module with privacy on. */
  contact = crm_test_create (f->store, "contacts", "last_name", "Rahman", NULL);
  lead = crm_test_create (f->store, "leads", "last_name", "Rahman", NULL);
  info = crm_privacy_get (f->store, "contacts", contact, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->data_source, ==, "Manual");
  g_assert_cmpint (info->basis, ==, CRM_PRIVACY_BASIS_NOT_APPLICABLE);
  g_clear_pointer (&info, crm_privacy_info_free);
  info = crm_privacy_get (f->store, "leads", lead, &error);
  g_assert_null (info->data_source);
  g_assert_cmpint (info->basis, ==, CRM_PRIVACY_BASIS_NOT_APPLICABLE);
  g_assert_cmpint (info->modified_at, ==, 0);
  g_clear_pointer (&info, crm_privacy_info_free);

  /* Consent details */
  info = crm_privacy_info_new ();
  info->data_source = g_strdup ("Web form");
  info->basis = CRM_PRIVACY_BASIS_CONSENT;
  info->contact_email = TRUE;
  info->contact_survey = TRUE;
  info->consent_date = g_strdup ("2026-02-29");
  g_assert_false (crm_privacy_set (f->store, "leads", lead, info, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_free (info->consent_date);
  info->consent_date = g_strdup ("2026-02-28");
  info->consent_remarks = g_strdup ("Ticked the box at the expo");
  g_assert_true (crm_privacy_set (f->store, "leads", lead, info, &error));
  g_assert_no_error (error);
  g_clear_pointer (&info, crm_privacy_info_free);
  info = crm_privacy_get (f->store, "leads", lead, &error);
  g_assert_cmpstr (info->data_source, ==, "Web form");
  g_assert_cmpint (info->basis, ==, CRM_PRIVACY_BASIS_CONSENT);
  g_assert_true (info->contact_email);
  g_assert_false (info->contact_phone);
  g_assert_true (info->contact_survey);
  g_assert_cmpstr (info->consent_date, ==, "2026-02-28");
  g_assert_cmpint (info->modified_at, >, 0);
  g_clear_pointer (&info, crm_privacy_info_free);

  g_assert_null (crm_privacy_get (f->store, "leads", 4242, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Mass update of the basis keeps the rest. */
  {
    gint64 ids[] = { lead, contact };
    g_assert_true (crm_privacy_set_basis_many (f->store, "leads", ids, 1, CRM_PRIVACY_BASIS_CONTRACT, &error));
    g_assert_true (crm_privacy_set_basis_many (f->store, "contacts", ids + 1, 1, CRM_PRIVACY_BASIS_LEGAL_OBLIGATION, &error));
    g_assert_no_error (error);
  }
  info = crm_privacy_get (f->store, "leads", lead, &error);
  g_assert_cmpint (info->basis, ==, CRM_PRIVACY_BASIS_CONTRACT);
  g_assert_cmpstr (info->consent_remarks, ==, "Ticked the box at the expo");
  g_clear_pointer (&info, crm_privacy_info_free);
  info = crm_privacy_get (f->store, "contacts", contact, &error);
  g_assert_cmpint (info->basis, ==, CRM_PRIVACY_BASIS_LEGAL_OBLIGATION);
  g_assert_cmpstr (info->data_source, ==, "Manual");

  g_assert_cmpstr (crm_privacy_basis_get_label (CRM_PRIVACY_BASIS_VITAL_INTERESTS), ==, "Vital Interests");
}

/* A contact whose personal data sits in every place the store keeps text. */
static gint64
make_person (CrmStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmPrivacyInfo) info = crm_privacy_info_new ();
  gint64 id;

  id = crm_test_create (store, "contacts",
                        "salutation", "Mr.",
                        "first_name", "Bambang",
                        "last_name", "Sutrisnowati",
                        "title", "Purchasing Director",
                        "department", "Procurement",
                        "email", "old.bambang@example.co.id",
                        "phone", "+62 811 2233 4455",
                        "mailing_street", "Jalan Melati 17",
                        "mailing_city", "Yogyakarta",
                        "date_of_birth", "1980-05-17",
                        NULL);
  g_assert_true (crm_store_set_field (store, "contacts", id, "email",
                                      g_variant_new_string ("bambang.s@example.co.id"), &error));
  g_assert_true (crm_store_set_field (store, "contacts", id, "mobile",
                                      g_variant_new_string ("0856 7788 9900"), &error));
  g_assert_cmpint (crm_store_add_note (store, "contacts", id, "Durian", "Pak Bambang loves durian", &error), >, 0);
  g_assert_no_error (error);
  info->basis = CRM_PRIVACY_BASIS_CONSENT;
  info->consent_remarks = g_strdup ("Bambang said yes on the phone");
  g_assert_true (crm_privacy_set (store, "contacts", id, info, &error));
  g_assert_no_error (error);
  return id;
}

static const char * const needles[] = {
  "Bambang", "bambang", "Sutrisnowati", "old.bambang@example.co.id", "bambang.s@example.co.id",
  "2233", "7788", "Melati", "1980-05-17", "durian",
};

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_build_filename (f->dir, "bambang.json", NULL);
  g_autofree char *file_text = NULL;
  JsonObject *root, *privacy;
  JsonArray *personal, *history, *notes;
  gboolean saw_email = FALSE, saw_old_email = FALSE, saw_department = FALSE;
  gint64 id = make_person (f->store);
  struct stat st;

  g_assert_true (crm_privacy_export_json (f->store, "contacts", id, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_true (json_parser_load_from_data (parser,
                                             g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                                             g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)),
                                             &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "module"), ==, "contacts");
  g_assert_cmpint (json_object_get_int_member (root, "record_id"), ==, id);

  personal = json_object_get_array_member (root, "personal_data");
  for (guint i = 0; i < json_array_get_length (personal); i++)
    {
      JsonObject *item = json_array_get_object_element (personal, i);
      const char *field = json_object_get_string_member (item, "field");

      if (g_str_equal (field, "email"))
        saw_email = g_strcmp0 (json_object_get_string_member (item, "value"), "bambang.s@example.co.id") == 0;
      if (g_str_equal (field, "department"))
        saw_department = TRUE;
      if (g_str_equal (field, "date_of_birth"))
        g_assert_cmpstr (json_object_get_string_member (item, "value"), ==, "1980-05-17");
    }
  g_assert_true (saw_email);
  g_assert_false (saw_department);   /* not a personal field */

  privacy = json_object_get_object_member (root, "privacy");
  g_assert_cmpstr (json_object_get_string_member (privacy, "processing_basis"), ==, "consent");
  g_assert_cmpstr (json_object_get_string_member (privacy, "consent_remarks"), ==, "Bambang said yes on the phone");

  notes = json_object_get_array_member (root, "notes");
  g_assert_cmpuint (json_array_get_length (notes), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notes, 0), "content"), ==,
                   "Pak Bambang loves durian");

  history = json_object_get_array_member (root, "history");
  for (guint i = 0; i < json_array_get_length (history); i++)
    {
      JsonObject *item = json_array_get_object_element (history, i);
      if (g_str_equal (json_object_get_string_member (item, "field"), "email") &&
          g_strcmp0 (json_object_get_string_member (item, "old_value"), "old.bambang@example.co.id") == 0)
        saw_old_email = TRUE;
    }
  g_assert_true (saw_old_email);

  g_assert_true (crm_privacy_export_json_file (f->store, "contacts", id, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &file_text, NULL, NULL));
  g_assert_nonnull (strstr (file_text, "bambang.s@example.co.id"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_remove (path);

  g_assert_false (crm_privacy_export_json_file (f->store, "contacts", 4242, path, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static gboolean
contains_bytes (const guint8 *data,
                gsize         length,
                const char   *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (data[i] == (guint8) needle[0] && memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
contains_needle (const void  *data,
                 gsize        length,
                 const char **found)
{
  for (guint n = 0; n < G_N_ELEMENTS (needles); n++)
    if (contains_bytes (data, length, needles[n]))
      {
        *found = needles[n];
        return TRUE;
      }
  return FALSE;
}

/* Every value of every column of every table, shadow tables of the
 * search index included. */
static void
assert_no_needle_in_tables (CrmStore *store)
{
  sqlite3 *db = crm_store_get_db (store);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >, 20);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) g_ptr_array_index (tables, t));

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const char *found = NULL;
            const void *blob;
            int type = sqlite3_column_type (stmt, c);

            if (type != SQLITE_TEXT && type != SQLITE_BLOB)
              continue;
            blob = sqlite3_column_blob (stmt, c);
            if (contains_needle (blob, sqlite3_column_bytes (stmt, c), &found))
              g_error ("“%s” is still in %s.%s", found, (char *) g_ptr_array_index (tables, t),
                       sqlite3_column_name (stmt, c));
          }
      sqlite3_finalize (stmt);
    }
}

static void
test_erase (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmRecord) record = NULL;
  g_autoptr(CrmPrivacyInfo) info = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *path = g_strdup (crm_store_get_path (f->store));
  g_autofree char *contents = NULL;
  gsize length = 0;
  gint64 id, bystander, last_change;
  const char *found = NULL;

  id = make_person (f->store);
  bystander = crm_test_create (f->store, "contacts", "last_name", "Halim", "email", "halim@example.co.id", NULL);
  hits = crm_store_search (f->store, "Bambang", 5, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  last_change = crm_store_get_last_change (f->store);
  g_assert_true (crm_privacy_erase (f->store, "contacts", id, &error));
  g_assert_no_error (error);

  record = crm_store_load_record (f->store, "contacts", id, &error);
  g_assert_no_error (error);
  g_assert_null (crm_record_get_value (record, "first_name"));
  g_assert_cmpstr (crm_record_get_string (record, "last_name"), ==, "Erased");   /* required */
  g_assert_null (crm_record_get_value (record, "email"));
  g_assert_null (crm_record_get_value (record, "date_of_birth"));
  g_assert_null (crm_record_get_value (record, "mailing_street"));
  /* what is not personal stays */
  g_assert_cmpstr (crm_record_get_string (record, "title"), ==, "Purchasing Director");
  g_assert_cmpstr (crm_record_get_string (record, "department"), ==, "Procurement");
  g_clear_object (&record);
  record = crm_store_load_record (f->store, "contacts", bystander, &error);
  g_assert_cmpstr (crm_record_get_string (record, "email"), ==, "halim@example.co.id");

  info = crm_privacy_get (f->store, "contacts", id, &error);
  g_assert_cmpint (info->erased_at, >, 0);
  g_assert_null (info->consent_remarks);
  g_assert_cmpint (info->basis, ==, CRM_PRIVACY_BASIS_CONSENT);

  hits = crm_store_search (f->store, "Bambang", 5, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = crm_store_search (f->store, "0811 2233", 5, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = crm_store_search (f->store, "Halim", 5, &error);
  g_assert_cmpuint (hits->len, ==, 1);

  /* Logged for the audit, but Undo has nothing to bring back. */
  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (f->store, "SELECT count(*) FROM history WHERE action = 'erase' AND record_id = ?", NULL);
    sqlite3_bind_int64 (stmt, 1, id);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 1);
  }
  g_assert_cmpint (crm_store_get_last_change (f->store), ==, last_change);

  assert_no_needle_in_tables (f->store);

  /* Nor in the file: freed space is zeroed and the log checkpointed. */
  g_clear_object (&f->store);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  if (contains_needle (contents, length, &found))
    g_error ("“%s” is still in the database file", found);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *wal_contents = NULL;
    gsize wal_length = 0;

    if (g_file_get_contents (wal, &wal_contents, &wal_length, NULL) && contains_needle (wal_contents, wal_length, &found))
      g_error ("“%s” is still in the write-ahead log", found);
  }
}

static void
test_erase_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 account = crm_test_create (f->store, "accounts", "account_name", "PT Erase", NULL);
  g_autofree char *account_text = g_strdup_printf ("%" G_GINT64_FORMAT, account);
  gint64 deal = crm_test_create (f->store, "deals", "deal_name", "Deal", "account_name", account_text,
                                 "closing_date", "2026-06-30", "stage", "Qualification", NULL);

  g_assert_false (crm_privacy_erase (f->store, "deals", deal, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_privacy_erase (f->store, "contacts", 4242, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/privacy/settings-and-fields", test_settings_and_fields);
  ADD ("/privacy/export", test_export);
  ADD ("/privacy/erase", test_erase);
  ADD ("/privacy/erase-refused", test_erase_refused);
#undef ADD

  return g_test_run ();
}
