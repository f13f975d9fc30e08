/* test-pricing.c — tax rates and price books
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crm-documents.h"
#include "crm-pricing.h"
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

static void
test_tax_rates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(CrmTaxRate) rate = NULL;
  gint64 ppn, vat, id;
  const struct {
    const char *name;
    gint32      rate;
    int         code;
  } bad[] = {
    { "", 1000, CRM_ERROR_VALIDATION },
    { "   ", 1000, CRM_ERROR_VALIDATION },
    { "Negative", -1, CRM_ERROR_VALIDATION },
    { "Over", 10001, CRM_ERROR_VALIDATION },
    { "ppn", 1200, CRM_ERROR_DUPLICATE },       /* names are unique whatever the case */
    { "A name that is far too long for a tax rate, really, much too long", 100, CRM_ERROR_VALIDATION },
  };

  ppn = crm_tax_rate_add (f->store, " PPN ", 1100, &error);
  g_assert_no_error (error);
  vat = crm_tax_rate_add (f->store, "VAT", 2000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_tax_rate_add (f->store, "Exempt", 0, &error), >, 0);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_cmpint (crm_tax_rate_add (f->store, bad[i].name, bad[i].rate, &error), ==, 0);
      g_assert_error (error, CRM_ERROR, bad[i].code);
      g_clear_error (&error);
    }

  rates = crm_tax_rates_list (f->store);
  g_assert_cmpuint (rates->len, ==, 3);
  g_assert_cmpstr (((CrmTaxRate *) rates->pdata[0])->name, ==, "PPN");
  g_assert_cmpint (((CrmTaxRate *) rates->pdata[0])->rate, ==, 1100);
  g_assert_cmpstr (((CrmTaxRate *) rates->pdata[1])->name, ==, "VAT");

  g_assert_true (crm_tax_rate_update (f->store, ppn, "PPN", 1200, &error));
  g_assert_no_error (error);
  rate = crm_tax_rate_lookup (f->store, ppn);
  g_assert_cmpint (rate->rate, ==, 1200);
  g_assert_false (crm_tax_rate_update (f->store, ppn, "VAT", 1200, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* the default; removing the rate clears it */
  g_assert_cmpint (crm_tax_rate_get_default (f->store), ==, 0);
  g_assert_true (crm_tax_rate_set_default (f->store, vat, &error));
  g_assert_cmpint (crm_tax_rate_get_default (f->store), ==, vat);
  g_assert_false (crm_tax_rate_set_default (f->store, 999, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (crm_tax_rate_remove (f->store, vat, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_tax_rate_get_default (f->store), ==, 0);
  g_assert_false (crm_tax_rate_remove (f->store, vat, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a removed name can be used again */
  id = crm_tax_rate_add (f->store, "VAT", 500, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
}

/* A line keeps its rate after the rate is changed or removed. */
static void
test_tax_rate_snapshot (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 account = crm_test_create (f->store, "accounts", "account_name", "Toko Sejahtera", NULL);
  g_autofree char *account_id = g_strdup_printf ("%" G_GINT64_FORMAT, account);
  gint64 quote = crm_test_create (f->store, "quotes", "subject", "Snapshot", "account_name", account_id,
                                  "quote_stage", "Draft", NULL);
  gint64 ppn = crm_tax_rate_add (f->store, "PPN", 1100, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_doc_line_free);
  g_autoptr(GPtrArray) loaded = NULL;
  CrmDocLine *line = crm_doc_line_new ();
  CrmTotals totals = { 0 };

  g_free (line->name);
  line->name = g_strdup ("Consulting");
  line->item.list_price = 100000;
  line->tax_rate_id = ppn;
  line->item.tax_rate = 1100;
  g_ptr_array_add (lines, line);
  g_assert_true (crm_documents_save_lines (f->store, "quotes", quote, lines, &totals, &error));
  g_assert_no_error (error);

  g_assert_true (crm_tax_rate_update (f->store, ppn, "PPN", 1200, &error));
  g_assert_true (crm_tax_rate_remove (f->store, ppn, &error));
  g_assert_no_error (error);

  loaded = crm_documents_load_lines (f->store, "quotes", quote, &error);
  line = loaded->pdata[0];
  g_assert_cmpint (line->tax_rate_id, ==, 0);
  g_assert_cmpint (line->item.tax_rate, ==, 1100);
  g_assert_cmpint (line->item.tax, ==, 11000);
}

static gint64
create_book (Fixture    *f,
             const char *name,
             const char *model,
             gboolean    active)
{
  return crm_test_create (f->store, "price_books", "price_book_name", name,
                          "active", active ? "true" : "false", "pricing_model", model, NULL);
}

static void
test_entries (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GArray) books = NULL;
  gint64 book = create_book (f, "Retail", "Flat", TRUE);
  gint64 inactive = create_book (f, "Old", "Flat", FALSE);
  gint64 zebra = crm_test_create (f->store, "products", "product_name", "Zebra printer", "unit_price", "500", NULL);
  gint64 apple = crm_test_create (f->store, "products", "product_name", "Apple crate", "unit_price", "12", NULL);
  gint64 price = 0;
  gint32 discount = -1;

  g_assert_true (crm_price_book_set_list_price (f->store, book, zebra, 45000, &error));
  g_assert_true (crm_price_book_set_list_price (f->store, book, apple, 1100, &error));
  g_assert_true (crm_price_book_set_list_price (f->store, book, apple, 1050, &error));   /* replaces */
  g_assert_true (crm_price_book_set_list_price (f->store, inactive, apple, 900, &error));
  g_assert_no_error (error);

  g_assert_false (crm_price_book_set_list_price (f->store, book, apple, -1, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_price_book_set_list_price (f->store, book, 4242, 1, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (crm_price_book_set_list_price (f->store, 4242, apple, 1, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  entries = crm_price_book_list_entries (f->store, book);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpint (g_array_index (entries, CrmPriceBookEntry, 0).product_id, ==, apple);
  g_assert_cmpint (g_array_index (entries, CrmPriceBookEntry, 0).list_price, ==, 1050);
  g_assert_cmpint (g_array_index (entries, CrmPriceBookEntry, 1).product_id, ==, zebra);

  /* only active books are offered for a product */
  books = crm_price_book_list_for_product (f->store, apple);
  g_assert_cmpuint (books->len, ==, 1);
  g_assert_cmpint (g_array_index (books, CrmPriceBookEntry, 0).price_book_id, ==, book);

  /* a Flat book without ranges gives no discount */
  g_assert_true (crm_price_book_get_price (f->store, book, apple, 1000, &price, &discount, &error));
  g_assert_no_error (error);
  g_assert_cmpint (price, ==, 1050);
  g_assert_cmpint (discount, ==, 0);

  g_assert_false (crm_price_book_get_price (f->store, inactive, apple, 1000, &price, &discount, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  g_assert_true (crm_price_book_remove_product (f->store, book, zebra, &error));
  g_assert_false (crm_price_book_get_price (f->store, book, zebra, 1000, &price, &discount, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* purging the book takes its entries along */
  g_assert_true (crm_store_delete_record (f->store, "price_books", book, NULL));
  g_assert_true (crm_store_purge_record (f->store, "price_books", book, NULL));
  g_clear_pointer (&entries, g_array_unref);
  entries = crm_price_book_list_entries (f->store, book);
  g_assert_cmpuint (entries->len, ==, 0);
}

static const struct {
  const char *model;
  gint64      quantity;
  gint32      discount;
} model_cases[] = {
  /* Flat: the one discount, whatever the quantity */
  { "Flat", 1, 700 },
  { "Flat", 1000, 700 },
  { "Flat", 1000000, 700 },
  /* Differential: ranges 1-9 (0%), 10-49 (5%), 50+ (10%), both ends included */
  { "Differential", 500, 0 },       /* below every range */
  { "Differential", 1000, 0 },
  { "Differential", 9000, 0 },
  { "Differential", 9500, 0 },      /* between 9 and 10 */
  { "Differential", 10000, 500 },
  { "Differential", 49000, 500 },
  { "Differential", 50000, 1000 },
  { "Differential", 999000000, 1000 },
};

static void
test_models (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 product = crm_test_create (f->store, "products", "product_name", "Cable", "unit_price", "3", NULL);
  gint64 flat = create_book (f, "Flat book", "Flat", TRUE);
  gint64 diff = create_book (f, "Volume book", "Differential", TRUE);
  CrmPriceRange flat_range[] = { { 0, CRM_PRICE_RANGE_UNBOUNDED, 700 } };
  CrmPriceRange diff_ranges[] = {
    { 1000, 9000, 0 },
    { 10000, 49000, 500 },
    { 50000, CRM_PRICE_RANGE_UNBOUNDED, 1000 },
  };
  g_autoptr(GArray) read = NULL;

  g_assert_cmpint (crm_price_book_get_model (f->store, flat), ==, CRM_PRICING_FLAT);
  g_assert_cmpint (crm_price_book_get_model (f->store, diff), ==, CRM_PRICING_DIFFERENTIAL);

  g_assert_true (crm_price_book_set_list_price (f->store, flat, product, 280, &error));
  g_assert_true (crm_price_book_set_list_price (f->store, diff, product, 250, &error));
  g_assert_true (crm_price_book_set_ranges (f->store, flat, flat_range, 1, &error));
  g_assert_true (crm_price_book_set_ranges (f->store, diff, diff_ranges, G_N_ELEMENTS (diff_ranges), &error));
  g_assert_no_error (error);

  read = crm_price_book_get_ranges (f->store, diff);
  g_assert_cmpuint (read->len, ==, 3);
  g_assert_cmpint (g_array_index (read, CrmPriceRange, 2).to_qty, ==, CRM_PRICE_RANGE_UNBOUNDED);
  g_assert_cmpint (g_array_index (read, CrmPriceRange, 1).discount, ==, 500);

  for (guint i = 0; i < G_N_ELEMENTS (model_cases); i++)
    {
      gint64 book = g_str_equal (model_cases[i].model, "Flat") ? flat : diff;
      gint64 price = 0;
      gint32 discount = -1;

      g_assert_true (crm_price_book_get_price (f->store, book, product, model_cases[i].quantity,
                                               &price, &discount, &error));
      g_assert_no_error (error);
      g_assert_cmpint (price, ==, book == flat ? 280 : 250);
      g_assert_cmpint (discount, ==, model_cases[i].discount);
    }

  /* the model is read from the picklist meaning, so a renamed value still works */
  g_assert_true (crm_store_rename_picklist_value (f->store, "price_books", "pricing_model",
                                                  "Differential", "Bertingkat", &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_price_book_get_model (f->store, diff), ==, CRM_PRICING_DIFFERENTIAL);
}

static void
test_bad_ranges (Fixture       *f,
                 gconstpointer  data)
{
  gint64 book = create_book (f, "Ranges", "Differential", TRUE);
  CrmPriceRange good[] = { { 1000, 5000, 100 } };
  const struct {
    CrmPriceRange ranges[2];
    guint         n;
  } bad[] = {
    { { { -1, 10, 0 } }, 1 },                                            /* negative from */
    { { { 5000, 1000, 0 } }, 1 },                                        /* to < from */
    { { { 0, 10, -5 } }, 1 },                                            /* negative discount */
    { { { 0, 10, 10001 } }, 1 },                                         /* over 100% */
    { { { 0, 10000, 0 }, { 10000, 20000, 100 } }, 2 },                   /* overlap at 10 */
    { { { 0, CRM_PRICE_RANGE_UNBOUNDED, 0 }, { 10000, 20000, 100 } }, 2 }, /* after an open end */
    { { { 10000, 20000, 0 }, { 0, 5000, 100 } }, 2 },                    /* not in order */
  };
  g_autoptr(GArray) read = NULL;

  g_assert_true (crm_price_book_set_ranges (f->store, book, good, 1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (crm_price_book_set_ranges (f->store, book, bad[i].ranges, bad[i].n, &error));
      g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
      g_assert_nonnull (strstr (error->message, "ange"));
    }
  /* the good ranges are still there */
  read = crm_price_book_get_ranges (f->store, book);
  g_assert_cmpuint (read->len, ==, 1);
  g_assert_cmpint (g_array_index (read, CrmPriceRange, 0).discount, ==, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/pricing/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("tax-rates", test_tax_rates);
  ADD ("tax-rate-snapshot", test_tax_rate_snapshot);
  ADD ("price-book/entries", test_entries);
  ADD ("price-book/models", test_models);
  ADD ("price-book/bad-ranges", test_bad_ranges);
#undef ADD

  return g_test_run ();
}
