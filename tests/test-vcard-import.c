/* test-vcard-import.c — vCard files into Contacts and Leads and back out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "crm-setup.h"
#include "crm-test-util.h"
#include "crm-vcard-import.h"
#include "crm-vcard.h"

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

static char *
testdata_dir (void)
{
  const char *root = g_getenv ("CRM_TESTDATA");
  g_autofree char *dir = NULL;

  if (root == NULL)
    return NULL;
  dir = g_build_filename (root, "vcard", NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_steal_pointer (&dir);
}

static GPtrArray *
batch_records (CrmStore   *store,
               const char *module,
               gint64      batch)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE import_batch = ? ORDER BY id", module);
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, NULL);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  sqlite3_bind_int64 (stmt, 1, batch);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (records, crm_store_load_record (store, module, sqlite3_column_int64 (stmt, 0), NULL));
  return records;
}

/* The stored value, or how much of it the field could take. */
static void
assert_stored (CrmRecord  *record,
               const char *field,
               const char *expected,
               const char *file)
{
  CrmField *f = crm_module_get_field (crm_record_get_module (record), field);
  const char *got = crm_record_get_string (record, field);
  int max = crm_field_get_max_length (f);

  if (expected == NULL)
    return;
  if (max > 0 && g_utf8_strlen (expected, -1) > max)
    {
      g_autofree char *cut = g_utf8_substring (expected, 0, max);
      if (g_strcmp0 (got, cut) != 0)
        g_error ("%s: %s is “%s”, expected the start of “%s”", file, field, got, expected);
      return;
    }
  if (g_strcmp0 (got, expected) != 0)
    g_error ("%s: %s is “%s”, expected “%s”", file, field, got, expected);
}

/* In a field, or in the description with what no field took. */
static gboolean
phone_stored (CrmRecord  *record,
              const char *value)
{
  static const char * const fields[] = { "phone", "mobile", "home_phone", "other_phone", "fax", NULL };
  const char *description = crm_record_get_string (record, "description");

  if (description != NULL && strstr (description, value) != NULL)
    return TRUE;

  for (guint i = 0; fields[i]; i++)
    if (g_strcmp0 (crm_record_get_string (record, fields[i]), value) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
mentioned (CrmVcardImportReport *report,
           const char           *text)
{
  for (guint i = 0; i < report->messages->len; i++)
    if (strstr (g_ptr_array_index (report->messages, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_every_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *dir = testdata_dir ();
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint files = 0, cards = 0;

  if (dir == NULL)
    {
      g_test_skip ("CRM_TESTDATA/vcard is missing: no vCard files to import");
      return;
    }
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GPtrArray) contacts = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(CrmVcardImportReport) report = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".vcf"))
        continue;
      path = g_build_filename (dir, name, NULL);
      contacts = crm_vcard_parse_file (path, &error);
      g_assert_no_error (error);

      g_assert_true (crm_vcard_import (f->store, "contacts", path, &report, &error));
      g_assert_no_error (error);
      if (report->failed != 0)
        g_error ("%s: %s", name, (char *) g_ptr_array_index (report->messages, 0));
      /* multi-contact files import every contact */
      g_assert_cmpuint (report->read, ==, contacts->len);
      g_assert_cmpuint (report->created, ==, contacts->len);
      g_assert_cmpint (report->change_id, >, 0);

      for (guint i = 0; i < report->messages->len; i++)
        g_test_message ("%s: %s", name, (char *) g_ptr_array_index (report->messages, i));
      records = batch_records (f->store, "contacts", report->change_id);
      g_assert_cmpuint (records->len, ==, contacts->len);
      for (guint i = 0; i < contacts->len; i++)
        {
          CrmVcardContact *contact = g_ptr_array_index (contacts, i);
          CrmRecord *record = g_ptr_array_index (records, i);

          /* names */
          if (contact->family_name != NULL)
            {
              g_autofree char *first = contact->middle_name
                ? g_strconcat (contact->given_name ? contact->given_name : "", contact->given_name ? " " : "",
                               contact->middle_name, NULL)
                : g_strdup (contact->given_name);
              assert_stored (record, "last_name", contact->family_name, name);
              assert_stored (record, "first_name", first, name);
            }
          else
            g_assert_nonnull (crm_record_get_string (record, "last_name"));

          /* organisation: the contact's account */
          if (contact->organization != NULL)
            {
              g_autofree char *account = crm_store_dup_record_title (f->store, "accounts",
                                                                     crm_record_get_int (record, "account_name", 0));
              g_autofree char *cut = g_utf8_strlen (contact->organization, -1) > 100
                                     ? g_utf8_substring (contact->organization, 0, 100)
                                     : g_strdup (contact->organization);
              g_assert_cmpstr (account, ==, cut);
              assert_stored (record, "department", contact->department, name);
            }
          assert_stored (record, "title", contact->title, name);

          /* emails: two in fields, the others and refused ones in the description */
          for (guint e = 0; e < contact->emails->len; e++)
            {
              const char *value = ((CrmVcardValue *) g_ptr_array_index (contact->emails, e))->value;
              const char *description = crm_record_get_string (record, "description");
              if (g_strcmp0 (crm_record_get_string (record, "email"), value) != 0 &&
                  g_strcmp0 (crm_record_get_string (record, "secondary_email"), value) != 0 &&
                  (description == NULL || strstr (description, value) == NULL))
                g_error ("%s: the email address %s went missing", name, value);
            }

          /* phones: each one stored as written */
          for (guint p = 0; p < contact->phones->len; p++)
            {
              const char *value = ((CrmVcardValue *) g_ptr_array_index (contact->phones, p))->value;
              if (!phone_stored (record, value))
                g_error ("%s: the phone %s went missing", name, value);
              if (!mentioned (report, value) && !g_str_equal (value, crm_record_get_string (record, "phone") ?: "") &&
                  !g_str_equal (value, crm_record_get_string (record, "mobile") ?: "") &&
                  !g_str_equal (value, crm_record_get_string (record, "home_phone") ?: "") &&
                  !g_str_equal (value, crm_record_get_string (record, "other_phone") ?: "") &&
                  !g_str_equal (value, crm_record_get_string (record, "fax") ?: ""))
                g_error ("%s: the phone %s went to the description without a word", name, value);
            }

          /* the first address in fields, the others in the description */
          for (guint a = 0; a < contact->addresses->len; a++)
            {
              CrmVcardAddress *adr = g_ptr_array_index (contact->addresses, a);
              if (a == 0)
                {
                  assert_stored (record, "mailing_street", adr->street, name);
                  assert_stored (record, "mailing_city", adr->locality, name);
                  assert_stored (record, "mailing_state", adr->region, name);
                  assert_stored (record, "mailing_code", adr->postal_code, name);
                  assert_stored (record, "mailing_country", adr->country, name);
                }
              else if (adr->locality != NULL)
                g_assert_nonnull (strstr (crm_record_get_string (record, "description"), adr->locality));
            }
          assert_stored (record, "date_of_birth", contact->birthday, name);
        }
      files++;
      cards += contacts->len;
    }
  g_assert_cmpuint (files, >=, 10);
  g_assert_cmpuint (cards, >, files);   /* some files hold several contacts */
}

static const char two_cards[] =
  "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Gunawan;Rudi;;Dr.;\r\nFN:Dr. Rudi Gunawan\r\nORG:PT Sinar Terang;Sales\r\n"
  "TITLE:Sales Manager\r\nEMAIL;TYPE=WORK:rudi@sinar.co.id\r\nEMAIL;TYPE=HOME:rudi.g@mail.id\r\n"
  "EMAIL:third@mail.id\r\nTEL;TYPE=CELL:0812-1111-2222\r\nTEL;TYPE=WORK:(021) 555-0101\r\n"
  "TEL;TYPE=WORK,FAX:(021) 555-0102\r\nTEL;TYPE=HOME:0274 333 444\r\n"
  "ADR;TYPE=WORK:;;Jl. Sudirman 1;Jakarta;DKI Jakarta;10220;Indonesia\r\n"
  "ADR;TYPE=HOME:;;Jl. Kenanga 2;Bogor;;;Indonesia\r\nBDAY:1975-08-17\r\nURL:https://sinar.co.id\r\n"
  "NOTE:Met at the Jakarta fair\r\nEND:VCARD\r\n"
  "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Sari\r\nORG:PT Sinar Terang\r\nTEL:not a number\r\nEND:VCARD\r\n";

static void
test_import_details (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmVcardImportReport) report = NULL;
  g_autoptr(CrmVcardImportReport) leads_report = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *path = g_build_filename (f->dir, "two.vcf", NULL);
  g_autofree char *account = NULL;
  CrmRecord *rudi, *sari;

  g_assert_true (g_file_set_contents (path, two_cards, -1, NULL));
  g_assert_true (crm_vcard_import (f->store, "contacts", path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->created, ==, 2);
  g_assert_cmpuint (report->accounts_created, ==, 1);   /* the same organisation twice */
  records = batch_records (f->store, "contacts", report->change_id);
  rudi = g_ptr_array_index (records, 0);
  sari = g_ptr_array_index (records, 1);

  g_assert_cmpstr (crm_record_get_string (rudi, "salutation"), ==, "Dr.");
  g_assert_cmpstr (crm_record_get_string (rudi, "first_name"), ==, "Rudi");
  g_assert_cmpstr (crm_record_get_string (rudi, "last_name"), ==, "Gunawan");
  g_assert_cmpstr (crm_record_get_string (rudi, "department"), ==, "Sales");
  g_assert_cmpstr (crm_record_get_string (rudi, "title"), ==, "Sales Manager");
  g_assert_cmpstr (crm_record_get_string (rudi, "email"), ==, "rudi@sinar.co.id");
  g_assert_cmpstr (crm_record_get_string (rudi, "secondary_email"), ==, "rudi.g@mail.id");
  g_assert_cmpstr (crm_record_get_string (rudi, "mobile"), ==, "0812-1111-2222");
  g_assert_cmpstr (crm_record_get_string (rudi, "phone"), ==, "(021) 555-0101");
  g_assert_cmpstr (crm_record_get_string (rudi, "fax"), ==, "(021) 555-0102");
  g_assert_cmpstr (crm_record_get_string (rudi, "home_phone"), ==, "0274 333 444");
  g_assert_cmpstr (crm_record_get_string (rudi, "mailing_street"), ==, "Jl. Sudirman 1");
  g_assert_cmpstr (crm_record_get_string (rudi, "mailing_city"), ==, "Jakarta");
  g_assert_cmpstr (crm_record_get_string (rudi, "mailing_code"), ==, "10220");
  g_assert_cmpstr (crm_record_get_string (rudi, "date_of_birth"), ==, "1975-08-17");
  account = crm_store_dup_record_title (f->store, "accounts", crm_record_get_int (rudi, "account_name", 0));
  g_assert_cmpstr (account, ==, "PT Sinar Terang");
  g_assert_cmpint (crm_record_get_int (sari, "account_name", 0), ==, crm_record_get_int (rudi, "account_name", 0));
  g_assert_cmpstr (crm_record_get_string (sari, "last_name"), ==, "Sari");
  g_assert_null (crm_record_get_value (sari, "phone"));
  g_assert_true (mentioned (report, "third@mail.id"));
  g_assert_true (mentioned (report, "not a number"));
  /* what no field took is in the description */
  g_assert_cmpstr (crm_record_get_string (rudi, "description"), ==,
                   "Met at the Jakarta fair\n\nEmail: third@mail.id\nAddress: Jl. Kenanga 2, Bogor, Indonesia");
  g_assert_cmpstr (crm_record_get_string (sari, "description"), ==, "Phone: not a number");

  /* the search index matches the phone by digits */
  {
    g_autoptr(GPtrArray) hits = crm_store_search (f->store, "0812 1111 2222", 5, &error);
    g_assert_cmpuint (hits->len, ==, 1);
  }

  /* Leads: the organisation is the company, the URL the website. */
  g_assert_true (crm_vcard_import (f->store, "leads", path, &leads_report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (leads_report->created, ==, 2);
  g_assert_cmpuint (leads_report->accounts_created, ==, 0);
  g_clear_pointer (&records, g_ptr_array_unref);
  records = batch_records (f->store, "leads", leads_report->change_id);
  rudi = g_ptr_array_index (records, 0);
  g_assert_cmpstr (crm_record_get_string (rudi, "company"), ==, "PT Sinar Terang");
  g_assert_cmpstr (crm_record_get_string (rudi, "website"), ==, "https://sinar.co.id");
  g_assert_cmpstr (crm_record_get_string (rudi, "street"), ==, "Jl. Sudirman 1");
  g_assert_cmpstr (crm_record_get_string (rudi, "fax"), ==, "(021) 555-0102");
  g_assert_cmpint (crm_store_count_records (f->store, "accounts", NULL), ==, 1);

  /* One Undo takes a whole import back, the account it made too. */
  g_assert_true (crm_store_undo_change (f->store, report->change_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_count_records (f->store, "contacts", NULL), ==, 0);
  g_assert_cmpint (crm_store_count_records (f->store, "accounts", NULL), ==, 0);
  g_assert_cmpint (crm_store_count_records (f->store, "leads", NULL), ==, 2);
}

static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmVcardImportReport) report = NULL;
  g_autofree char *path = g_build_filename (f->dir, "not.vcf", NULL);
  g_autofree char *good = g_build_filename (f->dir, "good.vcf", NULL);
  gint64 last_change = crm_store_get_last_change (f->store);

  g_assert_true (g_file_set_contents (path, "name,email\nBudi,budi@example.com\n", -1, NULL));
  g_assert_false (crm_vcard_import (f->store, "contacts", path, &report, &error));
  g_assert_error (error, CRM_VCARD_ERROR, CRM_VCARD_ERROR_NO_VCARD);
  g_assert_null (report);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (good, two_cards, -1, NULL));
  g_assert_false (crm_vcard_import (f->store, "deals", good, &report, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_count_records (f->store, "contacts", NULL), ==, 0);
  g_assert_cmpint (crm_store_get_last_change (f->store), ==, last_change);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const fields[] = {
    "salutation", "first_name", "last_name", "title", "department", "email", "secondary_email",
    "phone", "mobile", "home_phone", "other_phone", "fax", "mailing_street", "mailing_city",
    "mailing_state", "mailing_code", "mailing_country", "date_of_birth", "description", NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmVcardImportReport) report = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *path = g_build_filename (f->dir, "out.vcf", NULL);
  g_autofree char *other_dir = NULL;
  g_autoptr(CrmStore) other = NULL;
  g_autoptr(CrmQuery) query = crm_query_new ("contacts");
  gint64 ids[2];
  guint n = 0;

  crm_test_create (f->store, "accounts", "account_name", "CV Maju; Mundur, & Co", NULL);
  ids[0] = crm_test_create (f->store, "contacts",
                            "salutation", "Mrs.", "first_name", "Dewi", "last_name", "Lestari-Putri",
                            "account_name", "CV Maju; Mundur, & Co", "title", "CFO", "department", "Finance",
                            "email", "dewi@maju.co.id", "secondary_email", "dewi.l@mail.id",
                            "phone", "+62 21 555 0001", "mobile", "0811 000 111", "home_phone", "0274 111 222",
                            "other_phone", "0274 999 888", "fax", "+62 21 555 0002",
                            "mailing_street", "Jl. Mawar 3\nBlok B", "mailing_city", "Yogyakarta",
                            "mailing_state", "DIY", "mailing_code", "55281", "mailing_country", "Indonesia",
                            "date_of_birth", "1988-12-01", "description", "Likes: coffee, tea; and «quotes»",
                            NULL);
  ids[1] = crm_test_create (f->store, "contacts", "last_name", "Tan", NULL);

  /* by ids, in the order given */
  {
    gint64 reversed[] = { ids[1], ids[0] };
    g_autofree char *text = NULL;
    g_assert_true (crm_vcard_export (f->store, "contacts", reversed, 2, NULL, path, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 2);
    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    g_assert_true (strstr (text, "Tan") < strstr (text, "Lestari-Putri"));
    g_assert_nonnull (strstr (text, "VERSION:4.0"));
  }
  /* by query */
  crm_query_add_criterion (query, "last_name", CRM_OP_IS, g_variant_new_string ("Lestari-Putri"), NULL);
  g_assert_true (crm_vcard_export (f->store, "contacts", NULL, 0, query, path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);

  other = crm_test_open_store (&other_dir);
  crm_setup_attach (other);
  g_assert_true (crm_vcard_import (other, "contacts", path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->created, ==, 1);
  g_assert_cmpuint (report->messages->len, ==, 0);
  records = batch_records (other, "contacts", report->change_id);
  {
    g_autoptr(CrmRecord) original = crm_store_load_record (f->store, "contacts", ids[0], &error);
    CrmRecord *copy = g_ptr_array_index (records, 0);
    g_autofree char *account = crm_store_dup_record_title (other, "accounts", crm_record_get_int (copy, "account_name", 0));

    for (guint i = 0; fields[i]; i++)
      if (g_strcmp0 (crm_record_get_string (original, fields[i]), crm_record_get_string (copy, fields[i])) != 0)
        g_error ("%s: “%s” came back as “%s”", fields[i], crm_record_get_string (original, fields[i]),
                 crm_record_get_string (copy, fields[i]));
    g_assert_cmpstr (account, ==, "CV Maju; Mundur, & Co");
  }

  /* all leads, with the company */
  crm_test_create (f->store, "leads", "first_name", "Agus", "last_name", "Salim", "company", "UD Salim",
                   "website", "https://salim.id", "city", "Padang", NULL);
  g_assert_true (crm_vcard_export (f->store, "leads", NULL, 0, NULL, path, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_clear_pointer (&report, crm_vcard_import_report_free);
  g_assert_true (crm_vcard_import (other, "leads", path, &report, &error));
  g_clear_pointer (&records, g_ptr_array_unref);
  records = batch_records (other, "leads", report->change_id);
  g_assert_cmpstr (crm_record_get_string (g_ptr_array_index (records, 0), "company"), ==, "UD Salim");
  g_assert_cmpstr (crm_record_get_string (g_ptr_array_index (records, 0), "website"), ==, "https://salim.id");
  g_assert_cmpstr (crm_record_get_string (g_ptr_array_index (records, 0), "city"), ==, "Padang");
  g_assert_cmpstr (crm_record_get_string (g_ptr_array_index (records, 0), "first_name"), ==, "Agus");

  g_assert_false (crm_vcard_export (f->store, "contacts", (gint64[]) { 4242 }, 1, NULL, path, &n, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);

  g_clear_object (&other);
  crm_test_remove_dir (other_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/vcard-import/every-file", test_every_file);
  ADD ("/vcard-import/details", test_import_details);
  ADD ("/vcard-import/refused", test_import_refused);
  ADD ("/vcard-import/round-trip", test_round_trip);
#undef ADD

  return g_test_run ();
}
