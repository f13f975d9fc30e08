/* test-print.c — documents from the database to PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE  /* RTLD_DEFAULT */

#include "config.h"

#include <dlfcn.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "crm-company.h"
#include "crm-currencies.h"
#include "crm-demo.h"
#include "crm-document-builder.h"
#include "crm-documents.h"
#include "crm-money.h"
#include "crm-pricing.h"
#include "crm-test-util.h"

typedef struct
{
  char     *dir;
  CrmStore *store;
  gint64    account;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = crm_test_open_store (&f->dir);
  g_assert_true (crm_store_exec (f->store,
                                 "UPDATE company SET name = 'PT Contoh Niaga', street = 'Jl. Sudirman 45', "
                                 "city = 'Jakarta', zip_code = '10210', country = 'Indonesia', "
                                 "phone = '+62 21 555 0100', email = 'sales@contoh.co.id', tax_id = '01.234.567.8-901.000' "
                                 "WHERE id = 1", NULL));
  f->account = crm_test_create (f->store, "accounts", "account_name", "Toko Sinar Jaya", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  crm_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gboolean
have_poppler (void)
{
  g_autofree char *text = g_find_program_in_path ("pdftotext");
  g_autofree char *info = g_find_program_in_path ("pdfinfo");

  if (text == NULL || info == NULL)
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
      return FALSE;
    }
  return TRUE;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

  return run (argv);
}

static int
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run (argv);
  const char *line = strstr (out, "Pages:");

  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

static gint64
create_doc (Fixture    *f,
            const char *module,
            const char *subject)
{
  g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT, f->account);

  if (g_str_equal (module, "quotes"))
    return crm_test_create (f->store, module, "subject", subject, "account_name", account,
                            "quote_stage", "Draft", "billing_street", "Jl. Asia Afrika 8",
                            "billing_city", "Bandung", "billing_code", "40111", "valid_till", "2026-03-31",
                            "terms_and_conditions", "Payment within 30 days.\nPrices include delivery.", NULL);
  return crm_test_create (f->store, module, "subject", subject, "account_name", account,
                          "status", "Created", "invoice_date", "2026-01-05", "due_date", "2026-02-04",
                          "billing_street", "Jl. Asia Afrika 8", "billing_city", "Bandung",
                          "shipping_street", "Gudang 3, Jl. Soekarno-Hatta 590", "shipping_city", "Bandung",
                          "terms_and_conditions", "Payment within 30 days.", NULL);
}

static char *
description_for (guint i)
{
  switch (i % 4)
    {
    case 0:
      return g_strdup_printf ("Item code zz%04u", i);
    case 1:
      return g_strdup_printf ("Delivered to the second floor, assembled on site and tested by our "
                              "technician; packaging is taken back afterwards. Ref zz%04u", i);
    case 2:
      return g_strdup_printf ("Colour: black\nSize: large\nSerial zz%04u", i);
    default:
      return g_strdup ("");
    }
}

static void
test_five_hundred_lines (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_doc_line_free);
  g_autoptr(CrmDocument) doc = NULL;
  g_autofree char *path = g_build_filename (f->dir, "big.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *grand = NULL;
  g_autofree char *expected_page = NULL;
  g_autoptr(GTimer) timer = NULL;
  gint64 id = create_doc (f, "invoices", "Warehouse restock");
  CrmTotals totals = { 0 };
  double width, height, seconds;
  clock_t cpu;
  int pages;

  if (!have_poppler ())
    return;

  for (guint i = 0; i < 500; i++)
    {
      CrmDocLine *line = crm_doc_line_new ();

      g_free (line->name);
      line->name = g_strdup_printf ("Product %u", i + 1);
      g_free (line->description);
      line->description = description_for (i);
      line->item.quantity = 1000 + (i % 5) * 500;
      line->item.list_price = 12345 + i * 101;
      line->item.discount_kind = i % 3 == 0 ? CRM_DISCOUNT_PERCENT : CRM_DISCOUNT_NONE;
      line->item.discount = i % 3 == 0 ? 1000 : 0;
      line->item.tax_rate = 1100;
      g_ptr_array_add (lines, line);
    }
  totals.adjustment = -45;
  g_assert_true (crm_documents_save_lines (f->store, "invoices", id, lines, &totals, &error));
  g_assert_no_error (error);
  g_assert_true (crm_documents_load_totals (f->store, "invoices", id, &totals, NULL, &error));

  timer = g_timer_new ();
  cpu = clock ();
  doc = crm_document_builder_build (f->store, "invoices", id, &error);
  g_assert_no_error (error);
  g_assert_true (crm_document_export_pdf (doc, path, &error));
  g_assert_no_error (error);
  seconds = g_timer_elapsed (timer, NULL);
  /* CPU time as well: the wall clock says little on a busy machine */
  g_test_message ("500-line invoice: built and written in %.2f s (%.2f s of CPU)",
                  seconds, (double) (clock () - cpu) / CLOCKS_PER_SEC);

  /* the PDF has the pages the layout counted, and plenty of them */
  crm_document_get_paper_size (doc, &width, &height);
  pages = pdf_pages (path);
  g_assert_cmpint (pages, ==, crm_document_paginate (doc, width, height));
  g_assert_cmpint (pages, >=, 10);
  g_assert_cmpint (pages, <=, 80);

  text = pdf_text (path);
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *name = g_strdup_printf ("Product %u\n", i + 1);
      g_autofree char *token = g_strdup_printf ("zz%04u", i);

      if (i % 4 != 3 && strstr (text, token) == NULL)
        g_error ("description of line %u is missing from the PDF", i + 1);
      if (strstr (text, name) == NULL)
        g_error ("line %u is missing from the PDF", i + 1);
    }

  /* the grand total the database holds, formatted as the editor formats it */
  grand = crm_money_format (totals.grand_total, "USD");
  {
    g_autoptr(CrmRecord) stored = crm_store_load_record (f->store, "invoices", id, NULL);
    g_assert_cmpint (totals.grand_total, ==, crm_record_get_int (stored, "grand_total", 0));
  }
  g_assert_nonnull (strstr (text, grand));
  expected_page = g_strdup_printf ("of %d", pages);
  g_assert_nonnull (strstr (text, expected_page));
}

static void
test_quote_rupiah (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_doc_line_free);
  g_autofree char *path = g_build_filename (f->dir, "quote.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *old_locale = NULL;
  g_autofree char *grand = NULL;
  g_autoptr(CrmRecord) quote_record = NULL;
  gint64 ppn, product, quote;
  CrmDocLine *line;
  CrmTotals totals = { 0 };

  if (!have_poppler ())
    return;
  old_locale = g_strdup (setlocale (LC_ALL, NULL));
  if (setlocale (LC_ALL, "id_ID.UTF-8") == NULL)
    {
      g_test_skip ("the id_ID.UTF-8 locale is not installed (locale-gen id_ID.UTF-8)");
      return;
    }

  g_assert_true (crm_store_exec (f->store, "UPDATE company SET home_currency = 'IDR' WHERE id = 1", NULL));
  ppn = crm_tax_rate_add (f->store, "PPN", 1100, &error);
  g_assert_true (crm_tax_rate_set_default (f->store, ppn, &error));
  product = crm_test_create (f->store, "products", "product_name", "Kursi Kantor Ergonomis",
                             "unit_price", "1234567", "taxable", "true", "description", "Sandaran jaring, roda nilon", NULL);
  quote = create_doc (f, "quotes", "Penawaran kursi");

  line = crm_doc_line_new ();
  g_assert_true (crm_documents_fill_from_product (f->store, line, product, &error));
  g_assert_no_error (error);
  line->item.quantity = 3000;
  g_ptr_array_add (lines, line);
  g_assert_true (crm_documents_save_lines (f->store, "quotes", quote, lines, &totals, &error));
  g_assert_no_error (error);
  g_assert_true (crm_documents_load_totals (f->store, "quotes", quote, &totals, NULL, &error));

  g_assert_true (crm_document_builder_export_pdf (f->store, "quotes", quote, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);

  /* 3 × Rp 1.234.567 = Rp 3.703.701, PPN 11% = Rp 407.407, total Rp 4.111.108 */
  g_assert_cmpint (totals.grand_total, ==, 4111108);
  g_assert_nonnull (strstr (text, "Rp 1.234.567"));
  g_assert_nonnull (strstr (text, "Rp 3.703.701"));
  g_assert_nonnull (strstr (text, "Rp 407.407"));
  grand = crm_money_format (totals.grand_total, "IDR");
  g_assert_cmpstr (grand, ==, "Rp 4.111.108");
  g_assert_nonnull (strstr (text, grand));
  g_assert_nonnull (strstr (text, "11%"));
  g_assert_null (strstr (text, "$"));

  /* everything else the page should say */
  quote_record = crm_store_load_record (f->store, "quotes", quote, NULL);
  g_assert_nonnull (strstr (text, crm_record_get_string (quote_record, "quote_number")));
  g_assert_nonnull (strstr (text, "PT Contoh Niaga"));
  g_assert_nonnull (strstr (text, "Toko Sinar Jaya"));
  g_assert_nonnull (strstr (text, "Jl. Asia Afrika 8"));
  g_assert_nonnull (strstr (text, "Kursi Kantor Ergonomis"));
  g_assert_nonnull (strstr (text, "Sandaran jaring"));
  g_assert_nonnull (strstr (text, "Payment within 30 days."));
  g_assert_nonnull (strstr (text, "Maret 2026"));    /* Valid till, in Indonesian */

  setlocale (LC_ALL, old_locale);
}

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_logo (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 40);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.8, 0.1, 0.15);
  cairo_rectangle (cr, 0, 0, 120, 40);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_png_cb, png);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

/* The logo set in Setup prints on the document. */
static void
test_logo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) logo = make_logo ();
  g_autofree char *path = g_build_filename (f->dir, "logo.pdf", NULL);
  g_autofree char *plain = g_build_filename (f->dir, "plain.pdf", NULL);
  g_autofree char *pdfimages = g_find_program_in_path ("pdfimages");
  const char *argv[] = { "pdfimages", "-list", NULL, NULL };
  g_autofree char *with_logo = NULL;
  g_autofree char *without_logo = NULL;
  gint64 id = create_doc (f, "invoices", "With logo");

  if (pdfimages == NULL)
    {
      g_test_skip ("pdfimages (poppler-utils) is not installed");
      return;
    }

  argv[2] = plain;
  g_assert_true (crm_document_builder_export_pdf (f->store, "invoices", id, plain, &error));
  without_logo = run (argv);
  g_assert_true (crm_company_set_logo (f->store, logo, "image/png", NULL, &error));
  g_assert_no_error (error);
  argv[2] = path;
  g_assert_true (crm_document_builder_export_pdf (f->store, "invoices", id, path, &error));
  g_assert_no_error (error);
  with_logo = run (argv);
  g_assert_null (strstr (without_logo, " image "));
  g_assert_nonnull (strstr (with_logo, " image "));
}

/* The sample data's quotes have lines, and under id_ID in rupiah they
 * print as Rp 1.234.567, the figures the database holds. */
static void
test_demo_quote_rupiah (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *old_locale = NULL;
  g_autofree char *grand = NULL;
  g_autofree char *sub_total = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  CrmStore *store;
  CrmTotals totals;

  if (!have_poppler ())
    return;
  old_locale = g_strdup (setlocale (LC_ALL, NULL));
  if (setlocale (LC_ALL, "id_ID.UTF-8") == NULL)
    {
      g_test_skip ("the id_ID.UTF-8 locale is not installed (locale-gen id_ID.UTF-8)");
      return;
    }

  store = crm_test_open_store (&dir);
  g_assert_true (crm_currencies_set_home (store, "IDR", &error));
  g_assert_no_error (error);
  g_assert_true (crm_demo_fill (store, 1, &error));
  g_assert_no_error (error);

  lines = crm_documents_load_lines (store, "quotes", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, >, 0);
  g_assert_true (crm_documents_load_totals (store, "quotes", 1, &totals, NULL, &error));
  g_assert_cmpint (totals.grand_total, >, 0);

  path = g_build_filename (dir, "demo-quote.pdf", NULL);
  g_assert_true (crm_document_builder_export_pdf (store, "quotes", 1, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  grand = crm_money_format (totals.grand_total, "IDR");
  sub_total = crm_money_format (totals.sub_total, "IDR");
  g_assert_true (g_str_has_prefix (grand, "Rp "));
  g_assert_nonnull (strstr (grand, "."));     /* grouped with dots */
  g_assert_nonnull (strstr (text, grand));
  g_assert_nonnull (strstr (text, sub_total));
  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *amount = crm_money_format (((CrmDocLine *) lines->pdata[i])->item.net, "IDR");
      g_assert_nonnull (strstr (text, amount));
    }

  g_object_unref (store);
  crm_test_remove_dir (dir);
  setlocale (LC_ALL, old_locale);
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *accent = crm_print_settings_dup_accent (f->store);
  const char *bad[] = { "", "blue", "#12345", "#1234567", "#12345g", "1c71d8" };

  g_assert_cmpstr (accent, ==, "#1c71d8");
  g_assert_cmpint (crm_print_settings_get_template (f->store), ==, CRM_DOCUMENT_TEMPLATE_CLASSIC);
  g_assert_cmpint (crm_print_settings_get_paper (f->store), ==, CRM_PAPER_A4);

  g_assert_true (crm_print_settings_set_template (f->store, CRM_DOCUMENT_TEMPLATE_MODERN, &error));
  g_assert_true (crm_print_settings_set_paper (f->store, CRM_PAPER_LETTER, &error));
  g_assert_true (crm_print_settings_set_accent (f->store, "#C01C28", &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_print_settings_get_template (f->store), ==, CRM_DOCUMENT_TEMPLATE_MODERN);
  g_assert_cmpint (crm_print_settings_get_paper (f->store), ==, CRM_PAPER_LETTER);
  g_clear_pointer (&accent, g_free);
  accent = crm_print_settings_dup_accent (f->store);
  g_assert_cmpstr (accent, ==, "#c01c28");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (crm_print_settings_set_accent (f->store, bad[i], &error));
      g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
      g_clear_error (&error);
    }

  /* the document follows the settings */
  {
    gint64 id = create_doc (f, "invoices", "Letter paper");
    g_autoptr(CrmDocument) doc = crm_document_builder_build (f->store, "invoices", id, &error);
    double width, height;

    g_assert_no_error (error);
    crm_document_get_paper_size (doc, &width, &height);
    g_assert_cmpfloat (width, ==, 612.0);
    g_assert_cmpfloat (height, ==, 792.0);
  }
}

static void
test_cli_and_errors (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "cli.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.pdf", NULL);
  g_autofree char *name = NULL;
  g_autoptr(CrmDocument) doc = NULL;
  gint64 id = create_doc (f, "invoices", "CLI");
  gint64 lead = crm_test_create (f->store, "leads", "last_name", "Santoso", NULL);

  g_assert_cmpint (crm_cli_pdf (f->store, "invoice", id, path), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* bad input: a clear error and no file */
  g_assert_cmpint (crm_cli_pdf (f->store, "invoices", 9999, missing), ==, 1);
  g_assert_cmpint (crm_cli_pdf (f->store, "leads", lead, missing), ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  doc = crm_document_builder_build (f->store, "leads", lead, &error);
  g_assert_null (doc);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);

  g_assert_true (crm_documents_set_number_prefix (f->store, "invoices", "FAK/JKT", NULL));
  id = create_doc (f, "invoices", "Slash");
  name = crm_document_builder_dup_file_name (f->store, "invoices", id);
  g_assert_true (g_str_has_prefix (name, "FAK-JKT-"));
  g_assert_true (g_str_has_suffix (name, ".pdf"));
}

/* Pango's font map and fontconfig's configuration live as long as the
 * process; free both so LeakSanitizer only sees what the code owns. */
static void
release_font_caches (void)
{
  void (*fc_fini) (void);

  pango_cairo_font_map_set_default (NULL);
  fc_fini = (void (*) (void)) dlsym (RTLD_DEFAULT, "FcFini");
  if (fc_fini != NULL)
    fc_fini ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/print/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("500-lines", test_five_hundred_lines);
  ADD ("quote-rupiah", test_quote_rupiah);
  g_test_add_func ("/print/demo-quote-rupiah", test_demo_quote_rupiah);
  ADD ("settings", test_settings);
  ADD ("logo", test_logo);
  ADD ("cli-and-errors", test_cli_and_errors);
#undef ADD

  ret = g_test_run ();
  release_font_caches ();
  return ret;
}
