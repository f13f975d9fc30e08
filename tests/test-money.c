/* test-money.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-money"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "crm-money.h"

typedef struct
{
  gint64      minor;
  const char *code;
  const char *expected;
} FormatCase;

typedef struct
{
  const char *text;
  const char *code;
  gint64      expected;
} ParseCase;

typedef struct
{
  const char *text;
  const char *code;
  int         error_code;
} ParseErrorCase;

static const char * const id_locales[] = { "id_ID.UTF-8", "id_ID.utf8", NULL };
static const char * const de_locales[] = { "de_DE.UTF-8", "de_DE.utf8", NULL };

/* Switches LC_ALL to the first available name, or skips the test. */
static gboolean
use_locale (const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (setlocale (LC_ALL, names[i]) != NULL)
      return TRUE;

  {
    g_autofree char *msg =
      g_strdup_printf ("locale %s is not installed (enable it in /etc/locale.gen and run locale-gen)",
                       names[0]);
    g_test_skip (msg);
  }
  setlocale (LC_ALL, "C");
  return FALSE;
}

static void
check_format_cases (const FormatCase *cases,
                    gsize             n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *text = crm_money_format (cases[i].minor, cases[i].code);

      g_test_message ("format %" G_GINT64_FORMAT " %s", cases[i].minor, cases[i].code);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
check_parse_cases (const ParseCase *cases,
                   gsize            n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = 0x5a5a;

      g_test_message ("parse “%s” %s", cases[i].text, cases[i].code);
      g_assert_true (crm_money_parse (cases[i].text, cases[i].code, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, cases[i].expected);
    }
}

static void
check_parse_errors (const ParseErrorCase *cases,
                    gsize                 n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = 0x5a5a;

      g_test_message ("parse error “%s” %s", cases[i].text, cases[i].code);
      g_assert_false (crm_money_parse (cases[i].text, cases[i].code, &value, &error));
      g_assert_error (error, CRM_MONEY_ERROR, cases[i].error_code);
      g_assert_cmpint (value, ==, 0x5a5a);
    }
}

static void
test_currency_table (void)
{
  const char * const *codes = crm_currency_list_codes ();
  const char *zero[] = { "IDR", "JPY", "KRW", "VND", "CLP", "ISK" };
  const char *three[] = { "BHD", "KWD", "OMR", "JOD" };
  guint n = 0;

  g_assert_true (crm_currency_is_known ("IDR"));
  g_assert_true (crm_currency_is_known ("idr"));
  g_assert_false (crm_currency_is_known ("XYZ"));
  g_assert_false (crm_currency_is_known (""));

  for (guint i = 0; i < G_N_ELEMENTS (zero); i++)
    g_assert_cmpint (crm_currency_get_digits (zero[i]), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (three); i++)
    g_assert_cmpint (crm_currency_get_digits (three[i]), ==, 3);
  g_assert_cmpint (crm_currency_get_digits ("USD"), ==, 2);
  g_assert_cmpint (crm_currency_get_digits ("EUR"), ==, 2);
  g_assert_cmpint (crm_currency_get_digits ("XYZ"), ==, 2);

  g_assert_cmpstr (crm_currency_get_symbol ("IDR"), ==, "Rp");
  g_assert_cmpstr (crm_currency_get_symbol ("USD"), ==, "$");
  g_assert_cmpstr (crm_currency_get_symbol ("EUR"), ==, "€");
  g_assert_cmpstr (crm_currency_get_symbol ("GBP"), ==, "£");
  g_assert_cmpstr (crm_currency_get_symbol ("JPY"), ==, "¥");
  g_assert_cmpstr (crm_currency_get_symbol ("MYR"), ==, "RM");
  g_assert_cmpstr (crm_currency_get_symbol ("SGD"), ==, "S$");
  g_assert_cmpstr (crm_currency_get_symbol ("AUD"), ==, "A$");
  g_assert_cmpstr (crm_currency_get_symbol ("INR"), ==, "₹");
  g_assert_null (crm_currency_get_symbol ("XYZ"));

  g_assert_cmpstr (crm_currency_get_name ("IDR"), ==, "Indonesian Rupiah");
  g_assert_cmpstr (crm_currency_get_name ("USD"), ==, "US Dollar");
  g_assert_null (crm_currency_get_name ("XYZ"));

  for (n = 0; codes[n] != NULL; n++)
    {
      g_assert_true (crm_currency_is_known (codes[n]));
      g_assert_cmpuint (strlen (codes[n]), ==, 3);
      g_assert_nonnull (crm_currency_get_name (codes[n]));
      g_assert_nonnull (crm_currency_get_symbol (codes[n]));
      /* strictly sorted: the lookup is a binary search */
      if (n > 0)
        g_assert_cmpint (strcmp (codes[n - 1], codes[n]), <, 0);
    }
  g_assert_cmpuint (n, >=, 40);
  g_assert_true (g_strv_contains (codes, "IDR"));
  g_assert_true (crm_currency_list_codes () == codes);
}

static void
test_format_c (void)
{
  static const FormatCase cases[] = {
    { 123450, "USD", "$1,234.50" },
    { -500, "USD", "-$5.00" },
    { 5, "USD", "$0.05" },
    { -5, "USD", "-$0.05" },
    { 0, "EUR", "€0.00" },
    { 99, "GBP", "£0.99" },
    { 100000, "GBP", "£1,000.00" },
    { 99999, "GBP", "£999.99" },
    { 1234567, "IDR", "Rp 1,234,567" },
    { -5000, "IDR", "-Rp 5,000" },
    { 999, "IDR", "Rp 999" },
    { 1250, "MYR", "RM 12.50" },
    { 123456789, "SGD", "S$1,234,567.89" },
    { 1234567, "BHD", "BHD 1,234.567" },
    { 100, "JPY", "¥100" },
    { 1234567, "INR", "₹12,345.67" },
    { 1234, "XYZ", "XYZ 12.34" },
    { G_MAXINT64, "USD", "$92,233,720,368,547,758.07" },
    { G_MININT64, "USD", "-$92,233,720,368,547,758.08" },
    { G_MININT64, "IDR", "-Rp 9,223,372,036,854,775,808" },
  };

  setlocale (LC_ALL, "C");
  check_format_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_format_plain (void)
{
  static const FormatCase cases[] = {
    { 123450, "USD", "1234.50" },
    { -300, "USD", "-3.00" },
    { 5, "USD", "0.05" },
    { -5, "USD", "-0.05" },
    { 0, "USD", "0.00" },
    { 1234567, "IDR", "1234567" },
    { -1234567, "IDR", "-1234567" },
    { 1, "BHD", "0.001" },
    { G_MININT64, "USD", "-92233720368547758.08" },
  };

  /* plain text must not depend on the locale */
  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1 && !use_locale (de_locales))
        return;

      for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autofree char *text = crm_money_format_plain (cases[i].minor, cases[i].code);
          gint64 back = 0;

          g_assert_cmpstr (text, ==, cases[i].expected);
          g_assert_true (crm_money_parse_plain (text, cases[i].code, &back, NULL));
          g_assert_cmpint (back, ==, cases[i].minor);
        }
    }

  setlocale (LC_ALL, "C");
}

static void
test_parse_c (void)
{
  static const ParseCase cases[] = {
    { "1234.50", "USD", 123450 },
    { "1,234.50", "USD", 123450 },
    { "1.234,50", "USD", 123450 },
    { "$1,234.50", "USD", 123450 },
    { "$ 1,234.50", "USD", 123450 },
    { "USD 1,234.50", "USD", 123450 },
    { "1234.50 USD", "USD", 123450 },
    { "usd12", "USD", 1200 },
    { "-$5.00", "USD", -500 },
    { "$-5", "USD", -500 },
    { "($5.00)", "USD", -500 },
    { "(5)", "USD", -500 },
    { "\u22125.00", "USD", -500 },
    { "+5", "USD", 500 },
    { "  12  ", "USD", 1200 },
    { "12.5", "USD", 1250 },
    { ".5", "USD", 50 },
    { "5.", "USD", 500 },
    { "0", "USD", 0 },
    { "-0", "USD", 0 },
    { "007", "USD", 700 },
    /* the C locale groups with "," */
    { "1,234", "USD", 123400 },
    { "1,234,567", "USD", 123456700 },
    /* not a group: too many digits before it, or too few after */
    { "1234,5", "USD", 123450 },
    { "1,50", "USD", 150 },
    { "1.234.567", "USD", 123456700 },
    { "1 234.50", "USD", 123450 },
    { "1\u202f234.50", "USD", 123450 },
    /* extra decimals that are zero lose nothing */
    { "1.000", "USD", 100 },
    { "Rp 1,234,567", "IDR", 1234567 },
    { "Rp1.234.567", "IDR", 1234567 },
    { "Rp 5.000,00", "IDR", 5000 },
    { "1234567", "IDR", 1234567 },
    { "IDR 1234567", "IDR", 1234567 },
    { "-Rp 5,000", "IDR", -5000 },
    { "(Rp 5,000)", "IDR", -5000 },
    { "1.5", "BHD", 1500 },
    { "BHD 1,234.567", "BHD", 1234567 },
    { "RM 12.50", "MYR", 1250 },
    { "S$1,234,567.89", "SGD", 123456789 },
    { "€0.99", "EUR", 99 },
    { "CLP 5", "CLP", 5 },
    { "CLP$5,000", "CLP", 5000 },
    { "CHF 12", "CHF", 1200 },
    { "92233720368547758.07", "USD", G_MAXINT64 },
    { "-92233720368547758.08", "USD", G_MININT64 },
  };
  static const ParseErrorCase errors[] = {
    { "", "USD", CRM_MONEY_ERROR_INVALID },
    { "   ", "USD", CRM_MONEY_ERROR_INVALID },
    { "abc", "USD", CRM_MONEY_ERROR_INVALID },
    { "12abc", "USD", CRM_MONEY_ERROR_INVALID },
    { "$", "USD", CRM_MONEY_ERROR_INVALID },
    { ".", "USD", CRM_MONEY_ERROR_INVALID },
    { "1..2", "USD", CRM_MONEY_ERROR_INVALID },
    { "1,,234", "USD", CRM_MONEY_ERROR_INVALID },
    { "1,234,", "USD", CRM_MONEY_ERROR_INVALID },
    { ",,12", "USD", CRM_MONEY_ERROR_INVALID },
    { "1,2,3", "USD", CRM_MONEY_ERROR_INVALID },
    { "1.234.5", "USD", CRM_MONEY_ERROR_INVALID },
    { "12,34,567", "USD", CRM_MONEY_ERROR_INVALID },
    { "1,234.56.7", "USD", CRM_MONEY_ERROR_INVALID },
    { "1.234,5.6", "USD", CRM_MONEY_ERROR_INVALID },
    { "--5", "USD", CRM_MONEY_ERROR_INVALID },
    { "(-5)", "USD", CRM_MONEY_ERROR_INVALID },
    { "-(5)", "USD", CRM_MONEY_ERROR_INVALID },
    { "(5", "USD", CRM_MONEY_ERROR_INVALID },
    { "5-", "USD", CRM_MONEY_ERROR_INVALID },
    { "1e5", "USD", CRM_MONEY_ERROR_INVALID },
    { "0x10", "USD", CRM_MONEY_ERROR_INVALID },
    { "€5", "USD", CRM_MONEY_ERROR_INVALID },
    { "$5", "IDR", CRM_MONEY_ERROR_INVALID },
    { "5 USDX", "USD", CRM_MONEY_ERROR_INVALID },
    { "USDX 5", "USD", CRM_MONEY_ERROR_INVALID },
    { "IDRRp 5", "IDR", CRM_MONEY_ERROR_INVALID },
    { "$$5", "USD", CRM_MONEY_ERROR_INVALID },
    { "5 $ USD", "USD", CRM_MONEY_ERROR_INVALID },
    { "1.005", "USD", CRM_MONEY_ERROR_PRECISION },
    { "0.001", "USD", CRM_MONEY_ERROR_PRECISION },
    { "12.5", "IDR", CRM_MONEY_ERROR_PRECISION },
    { "Rp 5.000,50", "IDR", CRM_MONEY_ERROR_PRECISION },
    { "1.2345", "BHD", CRM_MONEY_ERROR_PRECISION },
    { "92233720368547758.08", "USD", CRM_MONEY_ERROR_RANGE },
    { "-92233720368547758.09", "USD", CRM_MONEY_ERROR_RANGE },
    { "9223372036854775808", "IDR", CRM_MONEY_ERROR_RANGE },
    { "99999999999999999999999999", "USD", CRM_MONEY_ERROR_RANGE },
    { "100000000000000000", "USD", CRM_MONEY_ERROR_RANGE },
  };

  setlocale (LC_ALL, "C");
  check_parse_cases (cases, G_N_ELEMENTS (cases));
  check_parse_errors (errors, G_N_ELEMENTS (errors));
}

static void
test_parse_messages (void)
{
  g_autoptr(GError) invalid = NULL;
  g_autoptr(GError) precision = NULL;
  g_autoptr(GError) range = NULL;
  g_autoptr(GError) bad_utf8 = NULL;

  setlocale (LC_ALL, "C");

  g_assert_false (crm_money_parse ("twelve", "USD", NULL, &invalid));
  g_assert_nonnull (strstr (invalid->message, "“twelve”"));

  g_assert_false (crm_money_parse ("12.5", "IDR", NULL, &precision));
  g_assert_nonnull (strstr (precision->message, "“12.5”"));
  g_assert_nonnull (strstr (precision->message, "IDR"));

  g_assert_false (crm_money_parse ("123456789012345678901", "USD", NULL, &range));
  g_assert_error (range, CRM_MONEY_ERROR, CRM_MONEY_ERROR_RANGE);
  g_assert_nonnull (strstr (range->message, "“123456789012345678901”"));

  /* the message itself must stay valid UTF-8 */
  g_assert_false (crm_money_parse ("12\xff", "USD", NULL, &bad_utf8));
  g_assert_error (bad_utf8, CRM_MONEY_ERROR, CRM_MONEY_ERROR_INVALID);
  g_assert_true (g_utf8_validate (bad_utf8->message, -1, NULL));
}

static void
test_plain_parse_strict (void)
{
  static const ParseErrorCase errors[] = {
    { "1,234.50", "USD", CRM_MONEY_ERROR_INVALID },
    { "$5", "USD", CRM_MONEY_ERROR_INVALID },
    { "(5)", "USD", CRM_MONEY_ERROR_INVALID },
    { "1 234", "USD", CRM_MONEY_ERROR_INVALID },
    { "12,5", "USD", CRM_MONEY_ERROR_INVALID },
    { "", "USD", CRM_MONEY_ERROR_INVALID },
    { "1.005", "USD", CRM_MONEY_ERROR_PRECISION },
    { "92233720368547758.08", "USD", CRM_MONEY_ERROR_RANGE },
  };
  gint64 value = 0;

  /* "1.234" is one thousand and more under id_ID, but never in plain text;
   * without that locale the test still checks the C locale */
  if (setlocale (LC_ALL, "id_ID.UTF-8") == NULL)
    setlocale (LC_ALL, "C");

  g_assert_true (crm_money_parse_plain ("1.234", "BHD", &value, NULL));
  g_assert_cmpint (value, ==, 1234);
  g_assert_true (crm_money_parse_plain ("123.456", "BHD", &value, NULL));
  g_assert_cmpint (value, ==, 123456);
  g_assert_true (crm_money_parse_plain (" -12.5 ", "USD", &value, NULL));
  g_assert_cmpint (value, ==, -1250);

  for (gsize i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("plain error “%s”", errors[i].text);
      g_assert_false (crm_money_parse_plain (errors[i].text, errors[i].code, &value, &error));
      g_assert_error (error, CRM_MONEY_ERROR, errors[i].error_code);
    }

  setlocale (LC_ALL, "C");
}

static void
test_indonesian (void)
{
  static const FormatCase formats[] = {
    { 1234567, "IDR", "Rp 1.234.567" },
    { -5000, "IDR", "-Rp 5.000" },
    { 0, "IDR", "Rp 0" },
    { 123450, "USD", "$1.234,50" },
    { 1250, "MYR", "RM 12,50" },
    { 1234567, "BHD", "BHD 1.234,567" },
  };
  static const ParseCase parses[] = {
    { "Rp 1.234.567", "IDR", 1234567 },
    { "Rp1.234.567", "IDR", 1234567 },
    { "-Rp 5.000", "IDR", -5000 },
    { "Rp 5.000,00", "IDR", 5000 },
    { "1.234", "IDR", 1234 },
    { "100.000", "IDR", 100000 },
    /* the locale groups with ".": a lone "1.234" is a thousand here... */
    { "1.234", "USD", 123400 },
    /* ...but not when the shape cannot be a group */
    { "1234.50", "USD", 123450 },
    { "0.50", "USD", 50 },
    { "12,5", "USD", 1250 },
    { "1.234,50", "USD", 123450 },
    { "1,234.50", "USD", 123450 },
    { "$1.234,50", "USD", 123450 },
  };
  static const ParseErrorCase errors[] = {
    { "1234.5", "IDR", CRM_MONEY_ERROR_PRECISION },
    { "Rp 1.234,5", "IDR", CRM_MONEY_ERROR_PRECISION },
    { "Rp 1.23.456", "IDR", CRM_MONEY_ERROR_INVALID },
  };

  if (!use_locale (id_locales))
    return;

  check_format_cases (formats, G_N_ELEMENTS (formats));
  check_parse_cases (parses, G_N_ELEMENTS (parses));
  check_parse_errors (errors, G_N_ELEMENTS (errors));

  setlocale (LC_ALL, "C");
}

static void
test_german (void)
{
  static const FormatCase formats[] = {
    { 123450, "EUR", "€1.234,50" },
    { -500, "EUR", "-€5,00" },
    { 1234567, "IDR", "Rp 1.234.567" },
  };
  static const ParseCase parses[] = {
    { "1.234,50 €", "EUR", 123450 },
    { "€ 1.234,50", "EUR", 123450 },
    { "1234,5", "EUR", 123450 },
    { "-1.234", "EUR", -123400 },
    { "EUR 3", "EUR", 300 },
  };

  if (!use_locale (de_locales))
    return;

  check_format_cases (formats, G_N_ELEMENTS (formats));
  check_parse_cases (parses, G_N_ELEMENTS (parses));

  setlocale (LC_ALL, "C");
}

static void
round_trip_in_current_locale (const char *locale_name)
{
  static const gint64 values[] = {
    0, 1, -1, 5, 9, 10, 99, 100, 999, 1000, 1001, 12345, -12345, 100000,
    123456789, 1000000000000, G_MAXINT64, -G_MAXINT64, G_MININT64,
  };
  const char * const *codes = crm_currency_list_codes ();

  for (guint c = 0; codes[c] != NULL; c++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *text = crm_money_format (values[i], codes[c]);
          g_autofree char *plain = crm_money_format_plain (values[i], codes[c]);
          gint64 back = 0;

          if (!crm_money_parse (text, codes[c], &back, &error))
            g_error ("%s: “%s” (%s) did not parse: %s",
                     locale_name, text, codes[c], error->message);
          g_assert_cmpint (back, ==, values[i]);

          back = 0;
          g_assert_true (crm_money_parse_plain (plain, codes[c], &back, NULL));
          g_assert_cmpint (back, ==, values[i]);
        }
    }

  for (int scale = 0; scale <= 4; scale++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *text = crm_decimal_format (values[i], scale);
          g_autofree char *plain = crm_decimal_format_plain (values[i], scale);
          gint64 back = 0;

          if (!crm_decimal_parse (text, scale, &back, &error))
            g_error ("%s: “%s” (scale %d) did not parse: %s",
                     locale_name, text, scale, error->message);
          g_assert_cmpint (back, ==, values[i]);

          back = 0;
          g_assert_true (crm_decimal_parse_plain (plain, scale, &back, NULL));
          g_assert_cmpint (back, ==, values[i]);
        }
    }
}

static void
test_round_trip (void)
{
  setlocale (LC_ALL, "C");
  round_trip_in_current_locale ("C");

  if (use_locale (id_locales))
    round_trip_in_current_locale ("id_ID");
  if (use_locale (de_locales))
    round_trip_in_current_locale ("de_DE");

  setlocale (LC_ALL, "C");
}

static void
test_decimal (void)
{
  static const struct {
    gint64      value;
    int         scale;
    const char *plain;
    const char *display;
  } cases[] = {
    { 12345, 3, "12.345", "12.345" },
    { 2000, 3, "2.000", "2" },
    { 1500, 3, "1.500", "1.5" },
    { -500, 3, "-0.500", "-0.5" },
    { 0, 3, "0.000", "0" },
    { 1234500, 3, "1234.500", "1,234.5" },
    { 7, 0, "7", "7" },
    { 1, 4, "0.0001", "0.0001" },
    { G_MININT64, 3, "-9223372036854775.808", "-9,223,372,036,854,775.808" },
  };
  gint64 value = 0;

  setlocale (LC_ALL, "C");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = crm_decimal_format_plain (cases[i].value, cases[i].scale);
      g_autofree char *display = crm_decimal_format (cases[i].value, cases[i].scale);

      g_assert_cmpstr (plain, ==, cases[i].plain);
      g_assert_cmpstr (display, ==, cases[i].display);
    }

  g_assert_true (crm_decimal_parse ("1.5", 3, &value, NULL));
  g_assert_cmpint (value, ==, 1500);
  g_assert_true (crm_decimal_parse ("+2", 3, &value, NULL));
  g_assert_cmpint (value, ==, 2000);
  g_assert_true (crm_decimal_parse ("1,234.5", 3, &value, NULL));
  g_assert_cmpint (value, ==, 1234500);
  g_assert_true (crm_decimal_parse ("0.1230", 3, &value, NULL));
  g_assert_cmpint (value, ==, 123);

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (crm_decimal_parse ("1.2345", 3, &value, &error));
    g_assert_error (error, CRM_MONEY_ERROR, CRM_MONEY_ERROR_PRECISION);
    g_assert_nonnull (strstr (error->message, "“1.2345”"));
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (crm_decimal_parse ("1.5", 0, &value, &error));
    g_assert_error (error, CRM_MONEY_ERROR, CRM_MONEY_ERROR_PRECISION);
  }
  {
    g_autoptr(GError) error = NULL;

    /* numbers take no currency */
    g_assert_false (crm_decimal_parse ("$1.5", 3, &value, &error));
    g_assert_error (error, CRM_MONEY_ERROR, CRM_MONEY_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "“$1.5”"));
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (crm_decimal_parse ("9223372036854775.808", 3, &value, &error));
    g_assert_error (error, CRM_MONEY_ERROR, CRM_MONEY_ERROR_RANGE);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (crm_decimal_parse_plain ("1,5", 3, &value, &error));
    g_assert_error (error, CRM_MONEY_ERROR, CRM_MONEY_ERROR_INVALID);
  }

  if (!use_locale (id_locales))
    return;

  {
    g_autofree char *a = crm_decimal_format (1500, 3);
    g_autofree char *b = crm_decimal_format (1234500, 3);
    g_autofree char *c = crm_decimal_format_plain (1500, 3);

    g_assert_cmpstr (a, ==, "1,5");
    g_assert_cmpstr (b, ==, "1.234,5");
    g_assert_cmpstr (c, ==, "1.500");
  }
  g_assert_true (crm_decimal_parse ("1,5", 3, &value, NULL));
  g_assert_cmpint (value, ==, 1500);
  /* a leading zero is never a thousands group */
  g_assert_true (crm_decimal_parse ("0.500", 3, &value, NULL));
  g_assert_cmpint (value, ==, 500);
  /* the locale decides the ambiguous case */
  g_assert_true (crm_decimal_parse ("1.500", 3, &value, NULL));
  g_assert_cmpint (value, ==, 1500000);
  g_assert_true (crm_decimal_parse_plain ("1.500", 3, &value, NULL));
  g_assert_cmpint (value, ==, 1500);

  setlocale (LC_ALL, "C");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/currency-table", test_currency_table);
  g_test_add_func ("/money/format/c", test_format_c);
  g_test_add_func ("/money/format/plain", test_format_plain);
  g_test_add_func ("/money/parse/c", test_parse_c);
  g_test_add_func ("/money/parse/messages", test_parse_messages);
  g_test_add_func ("/money/parse/plain-strict", test_plain_parse_strict);
  g_test_add_func ("/money/locale/id_ID", test_indonesian);
  g_test_add_func ("/money/locale/de_DE", test_german);
  g_test_add_func ("/money/round-trip", test_round_trip);
  g_test_add_func ("/money/decimal", test_decimal);

  return g_test_run ();
}
