/* test-setup-core.c — company details, currencies, users, audit log, recycle bin, schema 6
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "crm-audit.h"
#include "crm-company.h"
#include "crm-currencies.h"
#include "crm-privacy.h"
#include "crm-setup.h"
#include "crm-test-util.h"
#include "crm-users.h"

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

static gint64
count_rows (CrmStore   *store,
            const char *sql)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static GHashTable *
new_errors (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/*
 * Company
 */

static void
test_company_details (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCompany) company = crm_company_load (f->store, &error);
  g_autoptr(CrmCompany) again = NULL;
  g_autoptr(GHashTable) errors = new_errors ();

  g_assert_no_error (error);
  g_assert_null (company->name);
  g_assert_cmpstr (company->home_currency, ==, "USD");
  g_assert_cmpint (company->fiscal_year_start, ==, 1);
  g_assert_cmpint (company->business_hours, ==, CRM_BUSINESS_HOURS_24X7);
  g_assert_cmpint (company->employee_count, ==, -1);

  /* Every bad member is reported, and nothing is written. */
  company->website = g_strdup ("not a web address");
  company->phone = g_strdup ("call me");
  company->fiscal_year_start = 13;
  g_free (company->home_currency);
  company->home_currency = g_strdup ("XYZ");
  company->business_hours = CRM_BUSINESS_HOURS_CUSTOM;
  for (guint i = 0; i < 7; i++)
    company->days[i].open = FALSE;
  g_assert_false (crm_company_save (f->store, company, errors, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  for (guint i = 0; i < 6; i++)
    {
      const char *member = (const char *[]) { "name", "website", "phone", "fiscal_year_start",
                                              "home_currency", "business_hours" }[i];
      if (!g_hash_table_contains (errors, member))
        g_error ("no error for %s", member);
    }
  g_assert_nonnull (strstr (g_hash_table_lookup (errors, "website"), "Website"));
  again = crm_company_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_null (again->website);
  g_clear_pointer (&again, crm_company_free);

  g_clear_pointer (&company, crm_company_free);
  company = crm_company_new ();
  company->name = g_strdup ("PT Maju Jaya");
  company->alias = g_strdup ("Maju");
  company->phone = g_strdup ("+62 21 555 0199");
  company->website = g_strdup ("https://maju-jaya.co.id");
  company->employee_count = 25;
  company->city = g_strdup ("Jakarta");
  g_free (company->home_currency);
  company->home_currency = g_strdup ("IDR");
  company->fiscal_year_start = 4;
  company->business_hours = CRM_BUSINESS_HOURS_CUSTOM;
  for (guint i = 0; i < 7; i++)
    {
      company->days[i].open = i < 5;
      company->days[i].start_minute = 8 * 60;
      company->days[i].end_minute = 17 * 60;
    }
  company->days[4].end_minute = 11 * 60 + 30;   /* Friday prayers */
  g_hash_table_remove_all (errors);
  g_assert_true (crm_company_save (f->store, company, errors, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 0);

  again = crm_company_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->name, ==, "PT Maju Jaya");
  g_assert_cmpstr (again->alias, ==, "Maju");
  g_assert_cmpstr (again->website, ==, "https://maju-jaya.co.id");
  g_assert_cmpint (again->employee_count, ==, 25);
  g_assert_cmpstr (again->home_currency, ==, "IDR");
  g_assert_cmpint (again->fiscal_year_start, ==, 4);
  g_assert_cmpint (again->business_hours, ==, CRM_BUSINESS_HOURS_CUSTOM);
  g_assert_true (again->days[0].open);
  g_assert_false (again->days[5].open);
  g_assert_cmpint (again->days[4].end_minute, ==, 11 * 60 + 30);
  g_assert_null (again->description);
  {
    g_autofree char *home = crm_store_dup_home_currency (f->store);
    g_assert_cmpstr (home, ==, "IDR");
  }
}

static void
test_company_hours_and_holidays (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCompany) company = crm_company_load (f->store, &error);
  g_autoptr(GDateTime) monday_10 = g_date_time_new_local (2026, 3, 2, 10, 0, 0);
  g_autoptr(GDateTime) monday_7 = g_date_time_new_local (2026, 3, 2, 7, 0, 0);
  g_autoptr(GDateTime) friday_13 = g_date_time_new_local (2026, 3, 6, 13, 0, 0);
  g_autoptr(GDateTime) saturday = g_date_time_new_local (2026, 3, 7, 10, 0, 0);
  g_autoptr(GPtrArray) holidays = NULL;
  gint64 nyepi, other;

  /* 24x7 by default, 24x5 is weekdays */
  g_assert_true (crm_company_is_open (f->store, saturday));
  company->name = g_strdup ("PT Maju Jaya");
  company->business_hours = CRM_BUSINESS_HOURS_24X5;
  g_assert_true (crm_company_save (f->store, company, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (crm_company_is_open (f->store, saturday));
  g_assert_true (crm_company_is_open (f->store, monday_7));

  company->business_hours = CRM_BUSINESS_HOURS_CUSTOM;
  for (guint i = 0; i < 7; i++)
    {
      company->days[i].open = i < 5;
      company->days[i].start_minute = 8 * 60;
      company->days[i].end_minute = i == 4 ? 12 * 60 : 17 * 60;
    }
  g_assert_true (crm_company_save (f->store, company, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (crm_company_is_open (f->store, monday_10));
  g_assert_false (crm_company_is_open (f->store, monday_7));
  g_assert_false (crm_company_is_open (f->store, friday_13));
  g_assert_false (crm_company_is_open (f->store, saturday));

  nyepi = crm_company_add_holiday (f->store, "Nyepi", "2026-03-02", &error);
  g_assert_no_error (error);
  g_assert_cmpint (nyepi, >, 0);
  g_assert_false (crm_company_is_open (f->store, monday_10));
  g_assert_true (crm_company_is_holiday (f->store, "2026-03-02"));

  g_assert_cmpint (crm_company_add_holiday (f->store, "Nyepi", "2026-03-02", &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (crm_company_add_holiday (f->store, "Leap", "2026-02-30", &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpint (crm_company_add_holiday (f->store, "  ", "2026-05-01", &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  other = crm_company_add_holiday (f->store, "Tahun Baru", "2026-01-01", &error);
  g_assert_no_error (error);
  crm_company_add_holiday (f->store, "Tahun Baru", "2027-01-01", &error);
  g_assert_no_error (error);

  holidays = crm_company_list_holidays (f->store, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (holidays->len, ==, 2);
  g_assert_cmpstr (((CrmHoliday *) g_ptr_array_index (holidays, 0))->date, ==, "2026-01-01");
  g_assert_cmpstr (((CrmHoliday *) g_ptr_array_index (holidays, 1))->name, ==, "Nyepi");
  g_clear_pointer (&holidays, g_ptr_array_unref);
  holidays = crm_company_list_holidays (f->store, 0, &error);
  g_assert_cmpuint (holidays->len, ==, 3);

  g_assert_true (crm_company_remove_holiday (f->store, nyepi, &error));
  g_assert_true (crm_company_is_open (f->store, monday_10));
  g_assert_false (crm_company_remove_holiday (f->store, nyepi, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  (void) other;
}

static void
test_company_logo (Fixture       *f,
                   gconstpointer  data)
{
  static const guint8 png_data[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  static const guint8 jpeg_data[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0 };
  static const char svg_data[] = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"190\" height=\"65\"/>";
  static const char gif_data[] = "GIF89a....";
  g_autoptr(GBytes) png = g_bytes_new_static (png_data, sizeof png_data);
  g_autoptr(GBytes) jpeg = g_bytes_new_static (jpeg_data, sizeof jpeg_data);
  g_autoptr(GBytes) svg = g_bytes_new_static (svg_data, strlen (svg_data));
  g_autoptr(GBytes) gif = g_bytes_new_static (gif_data, strlen (gif_data));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) got = NULL;
  g_autofree char *mime = NULL;

  g_assert_null (crm_company_get_logo (f->store, &mime));
  g_assert_null (crm_company_get_logo_png (f->store));

  g_assert_true (crm_company_set_logo (f->store, png, "image/png", NULL, &error));
  g_assert_no_error (error);
  got = crm_company_get_logo (f->store, &mime);
  g_assert_true (g_bytes_equal (got, png));
  g_assert_cmpstr (mime, ==, "image/png");
  g_clear_pointer (&got, g_bytes_unref);
  g_clear_pointer (&mime, g_free);
  got = crm_company_get_logo_png (f->store);
  g_assert_true (g_bytes_equal (got, png));
  g_clear_pointer (&got, g_bytes_unref);

  /* JPEG stored as given; the PNG made by the UI is what prints. */
  g_assert_true (crm_company_set_logo (f->store, jpeg, "image/jpeg", png, &error));
  g_assert_no_error (error);
  got = crm_company_get_logo (f->store, &mime);
  g_assert_true (g_bytes_equal (got, jpeg));
  g_assert_cmpstr (mime, ==, "image/jpeg");
  g_clear_pointer (&got, g_bytes_unref);
  g_clear_pointer (&mime, g_free);
  got = crm_company_get_logo_png (f->store);
  g_assert_true (g_bytes_equal (got, png));
  g_clear_pointer (&got, g_bytes_unref);

  g_assert_true (crm_company_set_logo (f->store, svg, "image/svg+xml", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (crm_company_get_logo_png (f->store));

  /* Refused: another format, bytes that are not what they claim, a "PNG" that is not one. */
  g_assert_false (crm_company_set_logo (f->store, gif, "image/gif", NULL, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_company_set_logo (f->store, jpeg, "image/png", NULL, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_company_set_logo (f->store, jpeg, "image/jpeg", jpeg, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  got = crm_company_get_logo (f->store, &mime);
  g_assert_true (g_bytes_equal (got, svg));
  g_clear_pointer (&got, g_bytes_unref);
  g_clear_pointer (&mime, g_free);

  g_assert_true (crm_company_set_logo (f->store, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (crm_company_get_logo (f->store, &mime));
  g_assert_null (mime);
}

/*
 * Currencies
 */

static gint64
create_account (CrmStore *store)
{
  return crm_test_create (store, "accounts", "account_name", "PT Sumber Rejeki", NULL);
}

static CrmRecord *
new_deal (CrmStore    *store,
          gint64       account,
          const char  *name,
          gint64       amount,
          const char  *currency)
{
  CrmRecord *deal = crm_record_new (crm_store_get_module (store, "deals"));

  crm_record_set_string (deal, "deal_name", name);
  crm_record_set_int (deal, "account_name", account);
  crm_record_set_string (deal, "closing_date", "2026-06-30");
  crm_record_set_string (deal, "stage", "Qualification");
  crm_record_set_int (deal, "amount", amount);
  if (currency)
    crm_record_set_string (deal, "currency", currency);
  return deal;
}

static void
test_currency_fields (Fixture       *f,
                      gconstpointer  data)
{
  const char * const *modules = crm_currencies_money_modules ();

  for (guint i = 0; modules[i]; i++)
    {
      CrmModule *module = crm_store_get_module (f->store, modules[i]);
      CrmField *currency = crm_module_get_field (module, "currency");
      CrmField *rate = crm_module_get_field (module, "exchange_rate");

      g_assert_nonnull (currency);
      g_assert_nonnull (rate);
      g_assert_cmpint (crm_field_get_field_type (currency), ==, CRM_FIELD_PICKLIST);
      g_assert_true (crm_field_has_picklist_value (currency, "USD"));
      g_assert_cmpint (crm_field_get_field_type (rate), ==, CRM_FIELD_DECIMAL);
      g_assert_cmpint (crm_field_get_scale (rate), ==, 6);
      /* before the system fields, so forms show them with the record's data */
      g_assert_cmpint (crm_field_get_position (rate), <, crm_field_get_position (crm_module_get_field (module, "owner_id")));
    }
  g_assert_null (crm_module_get_field (crm_store_get_module (f->store, "leads"), "currency"));
}

static void
test_currency_conversion (void)
{
  g_autoptr(GError) error = NULL;
  gint64 out = 0, rate = 0;
  g_autofree char *text = NULL;
  static const struct {
    gint64      amount;
    const char *currency;
    gint64      rate;
    const char *home;
    gint64      expected;
  } cases[] = {
    { 150000, "USD", G_GINT64_CONSTANT (16000000000), "IDR", 24000000 },   /* $1,500.00 = Rp 24,000,000 */
    { 1, "JPY", 5000, "USD", 1 },          /* ¥1 at $0.005 = 0.5 cent: half away from zero */
    { -1, "JPY", 5000, "USD", -1 },
    { 3, "JPY", 5000, "USD", 2 },          /* 1.5 cents */
    { 75, "JPY", 6667, "USD", 50 },        /* 50.0025 cents */
    { 1, "KWD", 3250000, "USD", 0 },       /* 1 fils = 0.325 cent */
    { 2, "KWD", 3250000, "USD", 1 },       /* 0.65 cent */
    { 100, "EUR", 1080000, "USD", 108 },
    { 12345, "USD", 999999, "USD", 12345 },/* the home currency ignores the rate */
    { 0, "EUR", 1080000, "USD", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (crm_money_to_home (cases[i].amount, cases[i].currency, cases[i].rate, cases[i].home, &out, &error));
      g_assert_no_error (error);
      if (out != cases[i].expected)
        g_error ("%" G_GINT64_FORMAT " %s at %" G_GINT64_FORMAT ": expected %" G_GINT64_FORMAT ", got %" G_GINT64_FORMAT,
                 cases[i].amount, cases[i].currency, cases[i].rate, cases[i].expected, out);
    }

  g_assert_false (crm_money_to_home (G_MAXINT64 / 2, "USD", G_GINT64_CONSTANT (16000000000), "IDR", &out, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_money_to_home (5, "EUR", 0, "USD", &out, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  g_assert_true (crm_exchange_rate_parse ("16000", &rate, &error));
  g_assert_cmpint (rate, ==, G_GINT64_CONSTANT (16000000000));
  g_assert_true (crm_exchange_rate_parse ("0.000063", &rate, &error));
  g_assert_cmpint (rate, ==, 63);
  g_assert_false (crm_exchange_rate_parse ("0.0000001", &rate, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_exchange_rate_parse ("0", &rate, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_exchange_rate_parse ("-2", &rate, &error));
  g_clear_error (&error);

  text = crm_exchange_rate_format (G_GINT64_CONSTANT (16000000000));
  g_assert_cmpstr (text, ==, "16,000");
  g_free (text);
  text = crm_exchange_rate_format (1080000);
  g_assert_cmpstr (text, ==, "1.08");
}

static void
test_currencies_on_records (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCompany) company = crm_company_load (f->store, &error);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(CrmRecord) home_deal = NULL;
  g_autoptr(CrmRecord) usd_deal = NULL;
  g_autoptr(CrmRecord) eur_deal = NULL;
  g_autoptr(CrmRecord) loaded = NULL;
  g_autoptr(CrmQuery) query = NULL;
  gint64 account, home_amount = 0, total = 0;

  /* Rupiah at home, set while no other currency exists. */
  company->name = g_strdup ("PT Maju Jaya");
  g_free (company->home_currency);
  company->home_currency = g_strdup ("IDR");
  g_assert_true (crm_company_save (f->store, company, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (crm_field_has_picklist_value (crm_module_get_field (crm_store_get_module (f->store, "deals"), "currency"), "IDR"));
  g_assert_false (crm_field_has_picklist_value (crm_module_get_field (crm_store_get_module (f->store, "deals"), "currency"), "USD"));

  g_assert_true (crm_currencies_add (f->store, "USD", G_GINT64_CONSTANT (16000000000), &error));
  g_assert_no_error (error);
  g_assert_true (crm_currencies_add (f->store, "EUR", G_GINT64_CONSTANT (17500000000), &error));
  g_assert_no_error (error);
  g_assert_false (crm_currencies_add (f->store, "USD", 1, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (crm_currencies_add (f->store, "ABC", 1000000, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_currencies_add (f->store, "GBP", 0, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_currencies_set_rate (f->store, "IDR", 5, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (crm_currencies_set_active (f->store, "IDR", FALSE, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  /* The home currency is fixed now. */
  g_free (company->home_currency);
  company->home_currency = g_strdup ("SGD");
  g_assert_false (crm_company_save (f->store, company, NULL, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_READ_ONLY);
  g_clear_error (&error);
  {
    g_autofree char *home = crm_store_dup_home_currency (f->store);
    g_assert_cmpstr (home, ==, "IDR");
  }

  list = crm_currencies_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((CrmCurrencyRate *) g_ptr_array_index (list, 0))->code, ==, "IDR");
  g_assert_true (((CrmCurrencyRate *) g_ptr_array_index (list, 0))->home);
  g_assert_cmpint (((CrmCurrencyRate *) g_ptr_array_index (list, 0))->rate, ==, CRM_RATE_ONE);
  g_assert_cmpstr (((CrmCurrencyRate *) g_ptr_array_index (list, 1))->code, ==, "EUR");
  g_assert_cmpstr (((CrmCurrencyRate *) g_ptr_array_index (list, 2))->code, ==, "USD");

  account = create_account (f->store);

  /* No currency given: the home currency at rate 1. */
  home_deal = new_deal (f->store, account, "Genset", 5000000, NULL);
  g_assert_true (crm_store_save_record (f->store, home_deal, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (crm_record_get_string (home_deal, "currency"), ==, "IDR");
  loaded = crm_store_load_record (f->store, "deals", crm_record_get_id (home_deal), &error);
  g_assert_cmpstr (crm_record_get_string (loaded, "currency"), ==, "IDR");
  g_assert_cmpint (crm_record_get_int (loaded, "exchange_rate", 0), ==, CRM_RATE_ONE);
  g_clear_object (&loaded);

  /* Another currency: the rate of the day, kept when the rate changes later. */
  usd_deal = new_deal (f->store, account, "Server", 150000, "USD");
  g_assert_true (crm_store_save_record (f->store, usd_deal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_record_get_int (usd_deal, "exchange_rate", 0), ==, G_GINT64_CONSTANT (16000000000));
  g_assert_true (crm_currencies_set_rate (f->store, "USD", G_GINT64_CONSTANT (15000000000), &error));
  g_assert_no_error (error);
  loaded = crm_store_load_record (f->store, "deals", crm_record_get_id (usd_deal), &error);
  g_assert_cmpint (crm_record_get_int (loaded, "exchange_rate", 0), ==, G_GINT64_CONSTANT (16000000000));
  g_assert_true (crm_currencies_record_to_home (f->store, loaded, "amount", &home_amount, &error));
  g_assert_no_error (error);
  g_assert_cmpint (home_amount, ==, 24000000);
  {
    g_autofree char *shown = crm_currencies_format_amount (f->store, loaded, "amount");
    g_assert_nonnull (strstr (shown, "1,500.00"));
    g_assert_nonnull (strstr (shown, "$"));
  }
  g_clear_object (&loaded);

  /* A rate given with the record is kept. */
  eur_deal = new_deal (f->store, account, "Licences", 10000, "EUR");
  crm_record_set_int (eur_deal, "exchange_rate", G_GINT64_CONSTANT (17000000000));
  g_assert_true (crm_store_save_record (f->store, eur_deal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_record_get_int (eur_deal, "exchange_rate", 0), ==, G_GINT64_CONSTANT (17000000000));

  /* Changing the currency brings that currency's rate; Undo puts both back. */
  g_assert_true (crm_store_set_field (f->store, "deals", crm_record_get_id (usd_deal), "currency",
                                      g_variant_new_string ("EUR"), &error));
  g_assert_no_error (error);
  loaded = crm_store_load_record (f->store, "deals", crm_record_get_id (usd_deal), &error);
  g_assert_cmpstr (crm_record_get_string (loaded, "currency"), ==, "EUR");
  g_assert_cmpint (crm_record_get_int (loaded, "exchange_rate", 0), ==, G_GINT64_CONSTANT (17500000000));
  g_clear_object (&loaded);
  g_assert_true (crm_store_undo_last (f->store, &error));
  g_assert_no_error (error);
  loaded = crm_store_load_record (f->store, "deals", crm_record_get_id (usd_deal), &error);
  g_assert_cmpstr (crm_record_get_string (loaded, "currency"), ==, "USD");
  g_assert_cmpint (crm_record_get_int (loaded, "exchange_rate", 0), ==, G_GINT64_CONSTANT (16000000000));
  g_clear_object (&loaded);

  /* Totals in the home currency: each record at its own rate. */
  query = crm_query_new ("deals");
  g_assert_true (crm_currencies_sum_home (f->store, query, "amount", &total, &error));
  g_assert_no_error (error);
  /* Rp 5,000,000 + $1,500.00 × 16,000 + €100.00 × 17,000 */
  g_assert_cmpint (total, ==, 5000000 + 24000000 + 1700000);
  crm_query_add_criterion (query, "currency", CRM_OP_IS, g_variant_new_string ("USD"), NULL);
  g_assert_true (crm_currencies_sum_home (f->store, query, "amount", &total, &error));
  g_assert_cmpint (total, ==, 24000000);
  g_assert_false (crm_currencies_sum_home (f->store, query, "deal_name", &total, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An inactive currency stays on its records but is not chosen anew. */
  g_assert_true (crm_currencies_set_active (f->store, "EUR", FALSE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CrmRecord) refused = new_deal (f->store, account, "Support", 500, "EUR");
    g_assert_false (crm_store_save_record (f->store, refused, &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
    g_assert_nonnull (strstr (error->message, "EUR"));
    g_clear_error (&error);
    g_assert_cmpint (crm_record_get_id (refused), ==, 0);
  }
  g_assert_true (crm_store_set_field (f->store, "deals", crm_record_get_id (eur_deal), "deal_name",
                                      g_variant_new_string ("Licences 2026"), &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_count_records (f->store, "deals", NULL), ==, 3);
}

/*
 * Users
 */

static void
test_users (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;
  gint64 me = crm_store_get_current_user (f->store);
  gint64 budi, sari, lead;

  g_assert_false (crm_users_needs_choice (f->store));
  budi = crm_users_add (f->store, "  Budi Santoso ", "budi@maju-jaya.co.id", "Sales", &error);
  g_assert_no_error (error);
  sari = crm_users_add (f->store, "Sari", NULL, "Sales", &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_users_add (f->store, "Joko", "joko at home", NULL, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpint (crm_users_add (f->store, "", NULL, NULL, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_true (crm_users_needs_choice (f->store));

  users = crm_users_list (f->store, FALSE, &error);
  g_assert_cmpuint (users->len, ==, 3);
  g_clear_pointer (&users, g_ptr_array_unref);
  {
    g_autoptr(CrmUser) user = crm_users_get (f->store, budi, &error);
    g_assert_cmpstr (user->name, ==, "Budi Santoso");
    g_assert_cmpstr (user->email, ==, "budi@maju-jaya.co.id");
    g_assert_true (user->active);
  }
  g_assert_true (crm_users_update (f->store, sari, "Sari Dewi", "sari@maju-jaya.co.id", "Manager", &error));
  g_assert_no_error (error);

  /* A lead Sari owns before she leaves stays editable. */
  lead = crm_test_create (f->store, "leads", "last_name", "Wijaya", "owner_id", "Sari Dewi", NULL);
  g_assert_true (crm_users_set_active (f->store, sari, FALSE, &error));
  g_assert_no_error (error);
  users = crm_users_list (f->store, FALSE, &error);
  g_assert_cmpuint (users->len, ==, 2);
  g_clear_pointer (&users, g_ptr_array_unref);
  users = crm_users_list (f->store, TRUE, &error);
  g_assert_cmpuint (users->len, ==, 3);
  g_assert_true (crm_store_set_field (f->store, "leads", lead, "company", g_variant_new_string ("CV Wijaya"), &error));
  g_assert_no_error (error);

  /* ...but she cannot be given new records. */
  {
    g_autoptr(CrmRecord) record = crm_record_new (crm_store_get_module (f->store, "leads"));
    crm_record_set_string (record, "last_name", "Halim");
    crm_record_set_int (record, "owner_id", sari);
    g_assert_false (crm_store_save_record (f->store, record, &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
    g_assert_nonnull (strstr (error->message, "Sari Dewi"));
    g_clear_error (&error);
  }
  {
    gint64 other = crm_test_create (f->store, "leads", "last_name", "Gunawan", NULL);
    g_assert_false (crm_store_set_field (f->store, "leads", other, "owner_id", g_variant_new_int64 (sari), &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
    g_clear_error (&error);
  }
  g_assert_cmpint (crm_store_count_records (f->store, "leads", NULL), ==, 2);

  g_assert_false (crm_users_set_active (f->store, me, FALSE, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_users_set_current (f->store, sari, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_true (crm_users_set_current (f->store, budi, &error));
  g_assert_cmpint (crm_store_get_current_user (f->store), ==, budi);
  g_assert_true (crm_users_set_current (f->store, me, &error));
  g_assert_false (crm_users_set_active (f->store, 999, FALSE, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
}

static void
test_users_transfer (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 me = crm_store_get_current_user (f->store);
  gint64 budi = crm_users_add (f->store, "Budi", NULL, NULL, &error);
  gint64 sari = crm_users_add (f->store, "Sari", NULL, NULL, &error);
  gint64 last_change, deleted;
  gint64 ids[4];

  ids[0] = crm_test_create (f->store, "leads", "last_name", "Satu", "owner_id", "Budi", NULL);
  ids[1] = crm_test_create (f->store, "leads", "last_name", "Dua", "owner_id", "Budi", NULL);
  ids[2] = crm_test_create (f->store, "contacts", "last_name", "Tiga", "owner_id", "Budi", NULL);
  ids[3] = crm_test_create (f->store, "accounts", "account_name", "PT Empat", "owner_id", "Budi", NULL);
  crm_test_create (f->store, "leads", "last_name", "Mine", NULL);
  deleted = crm_test_create (f->store, "leads", "last_name", "Gone", "owner_id", "Budi", NULL);
  g_assert_true (crm_store_delete_record (f->store, "leads", deleted, &error));

  g_assert_true (crm_users_set_active (f->store, sari, FALSE, &error));
  g_assert_cmpint (crm_users_transfer_records (f->store, budi, sari, &error), ==, -1);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpint (crm_users_transfer_records (f->store, budi, budi, &error), ==, -1);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  last_change = crm_store_get_last_change (f->store);
  g_assert_cmpint (crm_users_transfer_records (f->store, sari, me, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_get_last_change (f->store), ==, last_change);   /* nothing moved, nothing to undo */

  g_assert_cmpint (crm_users_transfer_records (f->store, budi, me, &error), ==, 4);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM leads WHERE owner_id = (SELECT id FROM users WHERE name = 'Budi') AND deleted_at IS NULL"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM contacts WHERE owner_id = (SELECT id FROM users WHERE name = 'Budi')"), ==, 0);

  /* One Undo gives all four back. */
  g_assert_true (crm_store_undo_last (f->store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      const char *module = i < 2 ? "leads" : i == 2 ? "contacts" : "accounts";
      g_autoptr(CrmRecord) record = crm_store_load_record (f->store, module, ids[i], &error);
      g_assert_cmpint (crm_record_get_int (record, "owner_id", 0), ==, budi);
    }
}

/*
 * Audit log and recycle bin
 */

static void
test_audit_log (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) page1 = NULL;
  g_autoptr(GPtrArray) page2 = NULL;
  g_autoptr(GPtrArray) some = NULL;
  gint64 me = crm_store_get_current_user (f->store);
  gint64 budi = crm_users_add (f->store, "Budi", NULL, NULL, &error);
  gint64 lead, contact, now = g_get_real_time () / G_USEC_PER_SEC;
  CrmAuditFilter filter = { 0, };
  CrmAuditEntry *entry;

  lead = crm_test_create (f->store, "leads", "last_name", "Wijaya", "company", "CV Lama", NULL);
  crm_store_set_current_user (f->store, budi);
  contact = crm_test_create (f->store, "contacts", "last_name", "Halim", NULL);
  g_assert_true (crm_store_set_field (f->store, "leads", lead, "company", g_variant_new_string ("CV Baru"), &error));
  g_assert_true (crm_store_set_field (f->store, "leads", lead, "owner_id", g_variant_new_int64 (budi), &error));
  crm_store_set_current_user (f->store, me);
  g_assert_true (crm_store_delete_record (f->store, "contacts", contact, &error));
  g_assert_no_error (error);

  all = crm_audit_query (f->store, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_cmpint (crm_audit_count (f->store, NULL, &error), ==, 5);
  /* newest first */
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpint (((CrmAuditEntry *) g_ptr_array_index (all, i - 1))->id, >, ((CrmAuditEntry *) g_ptr_array_index (all, i))->id);
  entry = g_ptr_array_index (all, 0);
  g_assert_cmpstr (entry->action, ==, "delete");
  g_assert_cmpstr (entry->module, ==, "contacts");
  g_assert_cmpstr (entry->record_title, ==, "Halim");
  entry = g_ptr_array_index (all, 1);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->field, ==, "owner_id");
  g_assert_cmpstr (entry->field_label, ==, "Lead Owner");
  g_assert_cmpstr (entry->new_value, ==, "Budi");
  g_assert_cmpstr (entry->user_name, ==, "Budi");
  entry = g_ptr_array_index (all, 2);
  g_assert_cmpstr (entry->old_value, ==, "CV Lama");
  g_assert_cmpstr (entry->new_value, ==, "CV Baru");
  g_assert_cmpstr (entry->record_title, ==, "Wijaya");

  filter.user_id = budi;
  some = crm_audit_query (f->store, &filter, 0, 0, &error);
  g_assert_cmpuint (some->len, ==, 3);
  for (guint i = 0; i < some->len; i++)
    g_assert_cmpint (((CrmAuditEntry *) g_ptr_array_index (some, i))->user_id, ==, budi);
  g_clear_pointer (&some, g_ptr_array_unref);

  filter.user_id = 0;
  filter.module = "contacts";
  some = crm_audit_query (f->store, &filter, 0, 0, &error);
  g_assert_cmpuint (some->len, ==, 2);
  g_assert_cmpint (crm_audit_count (f->store, &filter, &error), ==, 2);
  g_clear_pointer (&some, g_ptr_array_unref);

  filter.module = "leads";
  filter.record_id = lead;
  g_assert_cmpint (crm_audit_count (f->store, &filter, &error), ==, 3);

  filter.module = NULL;
  filter.record_id = 0;
  filter.from = now - 3600;
  filter.to = now + 3600;
  g_assert_cmpint (crm_audit_count (f->store, &filter, &error), ==, 5);
  filter.from = now + 3600;
  filter.to = 0;
  g_assert_cmpint (crm_audit_count (f->store, &filter, &error), ==, 0);
  filter.from = 0;
  filter.to = now - 3600;
  g_assert_cmpint (crm_audit_count (f->store, &filter, &error), ==, 0);

  /* pages do not overlap and follow the same order */
  page1 = crm_audit_query (f->store, NULL, 0, 2, &error);
  page2 = crm_audit_query (f->store, NULL, 2, 2, &error);
  g_assert_cmpuint (page1->len, ==, 2);
  g_assert_cmpuint (page2->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (((CrmAuditEntry *) g_ptr_array_index (page1, i))->id, ==, ((CrmAuditEntry *) g_ptr_array_index (all, i))->id);
      g_assert_cmpint (((CrmAuditEntry *) g_ptr_array_index (page2, i))->id, ==, ((CrmAuditEntry *) g_ptr_array_index (all, i + 2))->id);
    }
}

static void
test_recycle_bin_auto_purge (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmPrivacyInfo) info = crm_privacy_info_new ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 gone = crm_test_create (f->store, "leads", "last_name", "Lama", NULL);
  gint64 kept = crm_test_create (f->store, "leads", "last_name", "Baru", NULL);
  gint64 last_change;
  CrmRecord *record;

  info->basis = CRM_PRIVACY_BASIS_CONSENT;
  info->consent_remarks = g_strdup ("said yes on the phone");
  g_assert_true (crm_privacy_set (f->store, "leads", gone, info, &error));
  g_assert_no_error (error);
  g_assert_true (crm_store_delete_record (f->store, "leads", gone, &error));
  last_change = crm_store_get_last_change (f->store);

  /* 59 days on: still in the bin, and no empty change for Undo */
  g_assert_cmpint (crm_recycle_bin_auto_purge (f->store, now + 59 * 86400, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_get_last_change (f->store), ==, last_change);
  record = crm_store_load_record (f->store, "leads", gone, &error);
  g_assert_nonnull (record);
  g_object_unref (record);

  g_assert_cmpint (crm_recycle_bin_auto_purge (f->store, now + 61 * 86400, &error), ==, 1);
  g_assert_no_error (error);
  record = crm_store_load_record (f->store, "leads", gone, &error);
  g_assert_null (record);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM privacy"), ==, 0);
  record = crm_store_load_record (f->store, "leads", kept, &error);
  g_assert_nonnull (record);
  g_object_unref (record);
}

/*
 * Schema 6 on a database made before it
 */

static void
exec_raw (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
test_migration_from_schema_1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  CrmStore *store = crm_test_open_store (&dir);
  g_autoptr(CrmRecord) deal = NULL;
  const char * const *modules = crm_currencies_money_modules ();
  gint64 account, deal_id;
  sqlite3 *db = NULL;

  path = g_strdup (crm_store_get_path (store));
  account = crm_test_create (store, "accounts", "account_name", "PT Lama", NULL);
  g_object_unref (store);

  /* Take schema 6 away again, as a database from before it would be. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_raw (db, "DROP TABLE business_hours; DROP TABLE holidays; DROP TABLE currencies; DROP TABLE workflow_log;"
                "DROP TABLE workflow_actions; DROP TABLE workflow_rules; DROP TABLE notifications; DROP TABLE privacy;"
                "DROP TABLE personal_fields; DROP INDEX history_by_user;"
                "ALTER TABLE company DROP COLUMN logo_mime; ALTER TABLE company DROP COLUMN logo_png;"
                "ALTER TABLE company DROP COLUMN business_hours;"
                "DELETE FROM picklist_values WHERE field = 'currency';"
                "DELETE FROM fields WHERE api_name IN ('currency', 'exchange_rate');"
                "UPDATE company SET home_currency = 'IDR';");
  for (guint i = 0; modules[i]; i++)
    {
      g_autofree char *sql = g_strdup_printf ("ALTER TABLE %s DROP COLUMN currency; ALTER TABLE %s DROP COLUMN exchange_rate;",
                                              modules[i], modules[i]);
      exec_raw (db, sql);
    }
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO deals (created_at, modified_at, deal_name, account_name, "
                                            "closing_date, stage, amount) VALUES (1, 1, 'Old deal', %" G_GINT64_FORMAT
                                            ", '2026-01-31', 'Qualification', 750000)", account);
    exec_raw (db, sql);
    deal_id = sqlite3_last_insert_rowid (db);
  }
  exec_raw (db, "PRAGMA user_version = 1");
  sqlite3_close (db);

  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_get_schema_version (store), ==, CRM_STORE_SCHEMA_VERSION);
  deal = crm_store_load_record (store, "deals", deal_id, &error);
  g_assert_no_error (error);
  /* DOMAIN.md §9.2: existing records get the home currency at rate 1 */
  g_assert_cmpstr (crm_record_get_string (deal, "currency"), ==, "IDR");
  g_assert_cmpint (crm_record_get_int (deal, "exchange_rate", 0), ==, CRM_RATE_ONE);
  g_assert_true (crm_field_has_picklist_value (crm_module_get_field (crm_store_get_module (store, "quotes"), "currency"), "IDR"));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM currencies WHERE code = 'IDR' AND rate = 1000000"), ==, 1);
  g_assert_true (crm_privacy_is_personal (store, "contacts", "email"));
  g_assert_true (crm_privacy_is_personal (store, "leads", "last_name"));
  g_assert_false (crm_privacy_is_personal (store, "leads", "company"));
  g_object_unref (store);
  crm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/setup/company/details", test_company_details);
  ADD ("/setup/company/hours-and-holidays", test_company_hours_and_holidays);
  ADD ("/setup/company/logo", test_company_logo);
  ADD ("/setup/currencies/fields", test_currency_fields);
  g_test_add_func ("/setup/currencies/conversion", test_currency_conversion);
  ADD ("/setup/currencies/records", test_currencies_on_records);
  ADD ("/setup/users/active", test_users);
  ADD ("/setup/users/transfer", test_users_transfer);
  ADD ("/setup/audit/log", test_audit_log);
  ADD ("/setup/recycle-bin/auto-purge", test_recycle_bin_auto_purge);
  g_test_add_func ("/setup/schema/migration-6", test_migration_from_schema_1);
#undef ADD

  return g_test_run ();
}
