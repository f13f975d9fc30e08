/* test-documents.c — line items, totals, conversions, stock, numbering
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
  gint64    account;
  gint64    vendor;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = crm_test_open_store (&f->dir);
  f->account = crm_test_create (f->store, "accounts", "account_name", "PT Maju Jaya", NULL);
  f->vendor = crm_test_create (f->store, "vendors", "vendor_name", "CV Sumber Makmur", NULL);
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
query_int (CrmStore   *store,
           const char *sql,
           gint64      id)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  if (strchr (sql, '?'))
    sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static gint64
create_doc (Fixture    *f,
            const char *module,
            const char *subject)
{
  g_autofree char *account = id_text (f->account);
  g_autofree char *vendor = id_text (f->vendor);

  if (g_str_equal (module, "quotes"))
    return crm_test_create (f->store, module, "subject", subject, "account_name", account,
                            "quote_stage", "Draft", NULL);
  if (g_str_equal (module, "purchase_orders"))
    return crm_test_create (f->store, module, "subject", subject, "vendor_name", vendor,
                            "status", "Created", NULL);
  return crm_test_create (f->store, module, "subject", subject, "account_name", account,
                          "status", "Created", NULL);
}

static gint64
create_product (Fixture    *f,
                const char *name,
                const char *price,
                const char *in_stock)
{
  g_autofree char *vendor = id_text (f->vendor);

  return crm_test_create (f->store, "products", "product_name", name, "unit_price", price,
                          "qty_in_stock", in_stock, "vendor_name", vendor, NULL);
}

static CrmDocLine *
make_line (const char      *name,
           gint64           quantity,
           gint64           price,
           CrmDiscountKind  kind,
           gint64           discount,
           gint32           tax_rate)
{
  CrmDocLine *line = crm_doc_line_new ();

  g_free (line->name);
  line->name = g_strdup (name);
  line->item.quantity = quantity;
  line->item.list_price = price;
  line->item.discount_kind = kind;
  line->item.discount = discount;
  line->item.tax_rate = tax_rate;
  return line;
}

static GPtrArray *
new_lines (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) crm_doc_line_free);
}

static void
set_status (Fixture    *f,
            const char *module,
            gint64      id,
            const char *status)
{
  g_autoptr(GError) error = NULL;
  const char *field = g_str_equal (module, "quotes") ? "quote_stage" : "status";

  g_assert_true (crm_store_set_field (f->store, module, id, field, g_variant_new_string (status), &error));
  g_assert_no_error (error);
}

static gint64
product_qty (Fixture    *f,
             gint64      product,
             const char *field)
{
  g_autoptr(CrmRecord) record = crm_store_load_record (f->store, "products", product, NULL);

  g_assert_nonnull (record);
  return crm_record_get_int (record, field, 0);
}

static void
assert_stock (Fixture *f,
              gint64   product,
              gint64   in_stock,
              gint64   in_demand,
              gint64   ordered)
{
  g_assert_cmpint (product_qty (f, product, "qty_in_stock"), ==, in_stock);
  g_assert_cmpint (product_qty (f, product, "qty_in_demand"), ==, in_demand);
  g_assert_cmpint (product_qty (f, product, "qty_ordered"), ==, ordered);
}

static void
save_lines (Fixture    *f,
            const char *module,
            gint64      id,
            GPtrArray  *lines)
{
  g_autoptr(GError) error = NULL;
  CrmTotals totals = { 0 };

  g_assert_true (crm_documents_save_lines (f->store, module, id, lines, &totals, &error));
  g_assert_no_error (error);
}

static void
save_product_line (Fixture    *f,
                   const char *module,
                   gint64      id,
                   gint64      product,
                   gint64      quantity)
{
  g_autoptr(GPtrArray) lines = new_lines ();
  g_autoptr(GError) error = NULL;
  CrmDocLine *line = crm_doc_line_new ();

  g_ptr_array_add (lines, line);
  g_assert_true (crm_documents_fill_from_product (f->store, line, product, &error));
  g_assert_no_error (error);
  line->item.quantity = quantity;
  save_lines (f, module, id, lines);
}

/*
 * Totals
 */

typedef struct
{
  gint64          quantity;
  gint64          price;
  CrmDiscountKind kind;
  gint64          discount;
  gint32          tax_rate;
} LineCase;

static const struct {
  const char      *name;
  LineCase         lines[4];
  guint            n_lines;
  CrmDiscountKind  doc_kind;
  gint64           doc_discount;
  gint64           adjustment;
  gint64           sub_total, discount, tax, grand_total;
} totals_cases[] = {
  /* 2 × 100.00 − 10% = 180.00; PPN 11% = 19.80 */
  { "discount percent", { { 2000, 10000, CRM_DISCOUNT_PERCENT, 1000, 1100 } }, 1,
    CRM_DISCOUNT_NONE, 0, 0, 18000, 0, 1980, 19980 },
  /* 3 × 25.00 − 5.00 = 70.00; VAT 20% = 14.00 */
  { "discount amount", { { 3000, 2500, CRM_DISCOUNT_AMOUNT, 500, 2000 } }, 1,
    CRM_DISCOUNT_NONE, 0, 0, 7000, 0, 1400, 8400 },
  /* per-line tax: 100.00 at 11%, 50.00 at 20%, 10.00 untaxed */
  { "per-line tax", { { 1000, 10000, CRM_DISCOUNT_NONE, 0, 1100 },
                      { 1000, 5000, CRM_DISCOUNT_NONE, 0, 2000 },
                      { 1000, 1000, CRM_DISCOUNT_NONE, 0, 0 } }, 3,
    CRM_DISCOUNT_NONE, 0, 0, 16000, 0, 2100, 18100 },
  /* a negative adjustment (rounding off) */
  { "negative adjustment", { { 1000, 123456, CRM_DISCOUNT_NONE, 0, 1100 } }, 1,
    CRM_DISCOUNT_NONE, 0, -56, 123456, 0, 13580, 136980 },
  /* 1.5 × 0.03 = 0.045 -> 0.05 (half away from zero); tax 10% of 5 = 0.5 -> 1 */
  { "rounding at .5", { { 1500, 3, CRM_DISCOUNT_NONE, 0, 1000 } }, 1,
    CRM_DISCOUNT_NONE, 0, 0, 5, 0, 1, 6 },
  /* document discount 5% of 9.99 = 0.4995 -> 0.50 */
  { "document discount percent", { { 1000, 999, CRM_DISCOUNT_NONE, 0, 0 } }, 1,
    CRM_DISCOUNT_PERCENT, 500, 0, 999, 50, 0, 949 },
  /* document discount amount, taken after tax */
  { "document discount amount", { { 4000, 2500, CRM_DISCOUNT_NONE, 0, 1100 } }, 1,
    CRM_DISCOUNT_AMOUNT, 1000, 250, 10000, 1000, 1100, 10350 },
  /* rupiah: no minor digits; 7 × Rp 1.234.567 − 12,5% with PPN 11% */
  { "rupiah", { { 7000, 1234567, CRM_DISCOUNT_PERCENT, 1250, 1100 } }, 1,
    CRM_DISCOUNT_NONE, 0, 0, 7561723, 0, 831790, 8393513 },
};

static void
test_totals_table (Fixture       *f,
                   gconstpointer  data)
{
  for (guint c = 0; c < G_N_ELEMENTS (totals_cases); c++)
    {
      g_autoptr(GPtrArray) lines = new_lines ();
      g_autoptr(GPtrArray) loaded = NULL;
      g_autoptr(GError) error = NULL;
      CrmTotals totals = { 0 };
      CrmTotals stored = { 0 };
      gint64 id = create_doc (f, "invoices", totals_cases[c].name);

      g_test_message ("case: %s", totals_cases[c].name);
      for (guint i = 0; i < totals_cases[c].n_lines; i++)
        {
          const LineCase *lc = &totals_cases[c].lines[i];
          g_ptr_array_add (lines, make_line ("Item", lc->quantity, lc->price, lc->kind, lc->discount, lc->tax_rate));
        }
      totals.discount_kind = totals_cases[c].doc_kind;
      totals.discount = totals_cases[c].doc_discount;
      totals.adjustment = totals_cases[c].adjustment;

      g_assert_true (crm_documents_save_lines (f->store, "invoices", id, lines, &totals, &error));
      g_assert_no_error (error);

      /* the database columns */
      g_assert_cmpint (query_int (f->store, "SELECT sub_total FROM invoices WHERE id = ?", id), ==, totals_cases[c].sub_total);
      g_assert_cmpint (query_int (f->store, "SELECT discount FROM invoices WHERE id = ?", id), ==, totals_cases[c].discount);
      g_assert_cmpint (query_int (f->store, "SELECT tax FROM invoices WHERE id = ?", id), ==, totals_cases[c].tax);
      g_assert_cmpint (query_int (f->store, "SELECT adjustment FROM invoices WHERE id = ?", id), ==, totals_cases[c].adjustment);
      g_assert_cmpint (query_int (f->store, "SELECT grand_total FROM invoices WHERE id = ?", id), ==, totals_cases[c].grand_total);
      /* the line results add up to the stored totals */
      g_assert_cmpint (query_int (f->store, "SELECT sum(net) FROM line_items WHERE module = 'invoices' AND record_id = ?", id),
                       ==, totals_cases[c].sub_total);
      g_assert_cmpint (query_int (f->store, "SELECT sum(tax) FROM line_items WHERE module = 'invoices' AND record_id = ?", id),
                       ==, totals_cases[c].tax);

      /* and the same numbers read back */
      g_assert_true (crm_documents_load_totals (f->store, "invoices", id, &stored, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (stored.grand_total, ==, totals_cases[c].grand_total);
      g_assert_cmpint (stored.discount_kind, ==, totals_cases[c].doc_kind);
      g_assert_cmpint (stored.discount, ==, totals_cases[c].doc_kind == CRM_DISCOUNT_NONE ? 0 : totals_cases[c].doc_discount);
      loaded = crm_documents_load_lines (f->store, "invoices", id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (loaded->len, ==, totals_cases[c].n_lines);
    }
}

static void
test_refused_lines (Fixture       *f,
                    gconstpointer  data)
{
  gint64 id = create_doc (f, "quotes", "Refusals");
  g_autoptr(GPtrArray) good = new_lines ();
  const struct {
    gint64      quantity;
    const char *name;
    gint64      tax_rate_id;
    int         domain_is_line_items;
  } bad[] = {
    { 0, "Zero quantity", 0, TRUE },
    { -2000, "Negative quantity", 0, TRUE },
    { 1000, "   ", 0, FALSE },
    { 1000, "Missing tax rate", 999, FALSE },
  };

  g_ptr_array_add (good, make_line ("Keep me", 1000, 5000, CRM_DISCOUNT_NONE, 0, 0));
  save_lines (f, "quotes", id, good);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) lines = new_lines ();
      g_autoptr(GPtrArray) loaded = NULL;
      g_autoptr(GError) error = NULL;
      CrmTotals totals = { 0 };
      CrmDocLine *line;

      g_ptr_array_add (lines, make_line ("Fine", 1000, 100, CRM_DISCOUNT_NONE, 0, 0));
      line = make_line (bad[i].name, bad[i].quantity, 100, CRM_DISCOUNT_NONE, 0, 0);
      line->tax_rate_id = bad[i].tax_rate_id;
      g_ptr_array_add (lines, line);

      g_assert_false (crm_documents_save_lines (f->store, "quotes", id, lines, &totals, &error));
      g_assert_nonnull (error);
      if (bad[i].domain_is_line_items)
        g_assert_error (error, CRM_LINE_ITEMS_ERROR, CRM_LINE_ITEMS_ERROR_QUANTITY);
      else
        g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
      /* the message names the line */
      g_assert_nonnull (strstr (error->message, "2"));

      /* nothing changed */
      loaded = crm_documents_load_lines (f->store, "quotes", id, NULL);
      g_assert_cmpuint (loaded->len, ==, 1);
      g_assert_cmpstr (((CrmDocLine *) loaded->pdata[0])->name, ==, "Keep me");
      g_assert_cmpint (query_int (f->store, "SELECT grand_total FROM quotes WHERE id = ?", id), ==, 5000);
    }

  /* a deleted document's lines cannot be edited */
  {
    g_autoptr(GError) error = NULL;
    CrmTotals totals = { 0 };

    g_assert_true (crm_store_delete_record (f->store, "quotes", id, NULL));
    g_assert_false (crm_documents_save_lines (f->store, "quotes", id, good, &totals, &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  }
}

static void
test_five_hundred_lines (Fixture       *f,
                         gconstpointer  data)
{
  gint64 id = create_doc (f, "invoices", "Big order");
  g_autoptr(GPtrArray) lines = new_lines ();
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  CrmTotals totals = { 0 };
  gint64 net = 0, tax = 0;

  for (guint i = 0; i < 500; i++)
    {
      gint64 quantity = 1000 + (i % 7) * 250;     /* 1 to 2.5 */
      gint64 price = 1999 + i * 37;
      CrmDocLine *line = make_line ("Part", quantity, price, i % 3 == 0 ? CRM_DISCOUNT_PERCENT : CRM_DISCOUNT_NONE,
                                    i % 3 == 0 ? 750 : 0, i % 2 ? 1100 : 0);
      gint64 amount = crm_round_div (quantity * price, 1000);
      gint64 line_net = amount - (i % 3 == 0 ? crm_round_div (amount * 750, 10000) : 0);

      net += line_net;
      tax += i % 2 ? crm_round_div (line_net * 1100, 10000) : 0;
      g_ptr_array_add (lines, line);
    }
  totals.adjustment = -3;

  g_assert_true (crm_documents_save_lines (f->store, "invoices", id, lines, &totals, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM line_items WHERE record_id = ? AND module = 'invoices'", id),
                   ==, 500);
  g_assert_cmpint (query_int (f->store, "SELECT grand_total FROM invoices WHERE id = ?", id), ==, net + tax - 3);

  loaded = crm_documents_load_lines (f->store, "invoices", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 500);
  for (guint i = 0; i < 500; i++)
    g_assert_cmpint (((CrmDocLine *) loaded->pdata[i])->item.list_price, ==, 1999 + i * 37);
}

static void
test_undo_lines (Fixture       *f,
                 gconstpointer  data)
{
  gint64 id = create_doc (f, "quotes", "Undo me");
  g_autoptr(GPtrArray) first = new_lines ();
  g_autoptr(GPtrArray) second = new_lines ();
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before;

  g_ptr_array_add (first, make_line ("One", 1000, 1000, CRM_DISCOUNT_NONE, 0, 0));
  g_ptr_array_add (first, make_line ("Two", 2000, 1000, CRM_DISCOUNT_NONE, 0, 0));
  save_lines (f, "quotes", id, first);
  g_assert_cmpint (query_int (f->store, "SELECT grand_total FROM quotes WHERE id = ?", id), ==, 3000);

  /* saving the same lines again is not an Undo step */
  before = crm_store_get_last_change (f->store);
  save_lines (f, "quotes", id, first);
  g_assert_cmpint (crm_store_get_last_change (f->store), ==, before);

  g_ptr_array_add (second, make_line ("Three", 5000, 1000, CRM_DISCOUNT_NONE, 0, 1000));
  save_lines (f, "quotes", id, second);
  g_assert_cmpint (query_int (f->store, "SELECT grand_total FROM quotes WHERE id = ?", id), ==, 5500);

  g_assert_true (crm_store_undo_last (f->store, &error));
  g_assert_no_error (error);
  loaded = crm_documents_load_lines (f->store, "quotes", id, &error);
  g_assert_cmpuint (loaded->len, ==, 2);
  g_assert_cmpstr (((CrmDocLine *) loaded->pdata[0])->name, ==, "One");
  g_assert_cmpstr (((CrmDocLine *) loaded->pdata[1])->name, ==, "Two");
  g_assert_cmpint (((CrmDocLine *) loaded->pdata[1])->item.net, ==, 2000);
  g_assert_cmpint (query_int (f->store, "SELECT grand_total FROM quotes WHERE id = ?", id), ==, 3000);
  g_assert_cmpint (query_int (f->store, "SELECT tax FROM quotes WHERE id = ?", id), ==, 0);
}

/*
 * Products and price books
 */

static void
test_fill_from_product (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDocLine) line = crm_doc_line_new ();
  gint64 ppn = crm_tax_rate_add (f->store, "PPN", 1100, &error);
  gint64 product = crm_test_create (f->store, "products", "product_name", "Kursi Kantor", "unit_price", "750000",
                                    "taxable", "true", "description", "Ergonomic office chair", NULL);
  gint64 plain = crm_test_create (f->store, "products", "product_name", "Service", "unit_price", "10", NULL);

  g_assert_no_error (error);
  g_assert_true (crm_tax_rate_set_default (f->store, ppn, &error));
  g_assert_no_error (error);

  line->item.discount_kind = CRM_DISCOUNT_PERCENT;
  line->item.discount = 500;
  g_assert_true (crm_documents_fill_from_product (f->store, line, product, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (line->name, ==, "Kursi Kantor");
  g_assert_cmpstr (line->description, ==, "Ergonomic office chair");
  g_assert_cmpint (line->item.list_price, ==, 75000000);   /* USD cents: 750000.00 */
  g_assert_cmpint (line->tax_rate_id, ==, ppn);
  g_assert_cmpint (line->item.tax_rate, ==, 1100);
  g_assert_cmpint (line->item.discount_kind, ==, CRM_DISCOUNT_NONE);
  g_assert_cmpint (line->item.quantity, ==, 1000);

  g_assert_true (crm_documents_fill_from_product (f->store, line, plain, &error));
  g_assert_cmpint (line->tax_rate_id, ==, 0);
  g_assert_cmpint (line->item.tax_rate, ==, 0);

  g_assert_false (crm_documents_fill_from_product (f->store, line, 4242, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_assert_cmpstr (line->name, ==, "Service");
}

static void
test_find_products (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) desk = NULL;
  g_autoptr(GPtrArray) code = NULL;
  g_autoptr(GPtrArray) odd = NULL;
  gint64 gone;

  crm_test_create (f->store, "products", "product_name", "Standing desk", "product_code", "SD-100", NULL);
  crm_test_create (f->store, "products", "product_name", "Desk lamp", "unit_price", "12.50", NULL);
  crm_test_create (f->store, "products", "product_name", "Chair 100% wool", NULL);
  gone = crm_test_create (f->store, "products", "product_name", "Desk (old)", NULL);
  g_assert_true (crm_store_delete_record (f->store, "products", gone, NULL));

  all = crm_documents_find_products (f->store, "", 10);
  g_assert_cmpuint (all->len, ==, 3);

  /* any case, names that start with the text first, deleted ones left out */
  desk = crm_documents_find_products (f->store, "DESK", 10);
  g_assert_cmpuint (desk->len, ==, 2);
  g_assert_cmpstr (((CrmProductHit *) desk->pdata[0])->name, ==, "Desk lamp");
  g_assert_cmpint (((CrmProductHit *) desk->pdata[0])->unit_price, ==, 1250);
  g_assert_cmpstr (((CrmProductHit *) desk->pdata[1])->name, ==, "Standing desk");

  code = crm_documents_find_products (f->store, "sd-1", 10);
  g_assert_cmpuint (code->len, ==, 1);
  g_assert_cmpstr (((CrmProductHit *) code->pdata[0])->code, ==, "SD-100");

  /* % is a character, not a wildcard */
  odd = crm_documents_find_products (f->store, "0%", 1);
  g_assert_cmpuint (odd->len, ==, 1);
  g_assert_cmpstr (((CrmProductHit *) odd->pdata[0])->name, ==, "Chair 100% wool");
}

static void
test_price_book_on_line (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDocLine) line = crm_doc_line_new ();
  gint64 product = create_product (f, "Laptop", "1000", "0");
  gint64 book = crm_test_create (f->store, "price_books", "price_book_name", "Wholesale", "active", "true",
                                 "pricing_model", "Differential", NULL);
  CrmPriceRange ranges[] = {
    { 1000, 9000, 0 },
    { 10000, 49000, 500 },
    { 50000, CRM_PRICE_RANGE_UNBOUNDED, 1000 },
  };

  g_assert_true (crm_price_book_set_list_price (f->store, book, product, 90000, &error));
  g_assert_true (crm_price_book_set_ranges (f->store, book, ranges, G_N_ELEMENTS (ranges), &error));
  g_assert_no_error (error);

  g_assert_true (crm_documents_fill_from_product (f->store, line, product, &error));
  line->item.quantity = 12000;
  g_assert_true (crm_documents_apply_price_book (f->store, line, book, &error));
  g_assert_no_error (error);
  g_assert_cmpint (line->price_book_id, ==, book);
  g_assert_cmpint (line->item.list_price, ==, 90000);
  g_assert_cmpint (line->item.discount_kind, ==, CRM_DISCOUNT_PERCENT);
  g_assert_cmpint (line->item.discount, ==, 500);

  /* back to the product's own price */
  g_assert_true (crm_documents_apply_price_book (f->store, line, 0, &error));
  g_assert_cmpint (line->price_book_id, ==, 0);
  g_assert_cmpint (line->item.list_price, ==, 100000);
  g_assert_cmpint (line->item.discount_kind, ==, CRM_DISCOUNT_NONE);
}

/*
 * Conversions
 */

static gint64
quote_with_lines (Fixture *f,
                  gint64   product)
{
  gint64 quote = create_doc (f, "quotes", "Office fit-out");
  g_autoptr(GPtrArray) lines = new_lines ();
  g_autoptr(GError) error = NULL;
  CrmDocLine *line = crm_doc_line_new ();
  CrmTotals totals = { 0 };

  g_assert_true (crm_documents_fill_from_product (f->store, line, product, &error));
  line->item.quantity = 4000;
  g_ptr_array_add (lines, line);
  g_ptr_array_add (lines, make_line ("Installation", 1500, 20000, CRM_DISCOUNT_AMOUNT, 1000, 1100));
  g_ptr_array_add (lines, make_line ("Delivery", 1000, 5000, CRM_DISCOUNT_PERCENT, 2500, 0));
  totals.discount_kind = CRM_DISCOUNT_PERCENT;
  totals.discount = 200;
  totals.adjustment = -7;
  g_assert_true (crm_documents_save_lines (f->store, "quotes", quote, lines, &totals, &error));
  g_assert_no_error (error);

  g_assert_true (crm_store_set_field (f->store, "quotes", quote, "billing_city", g_variant_new_string ("Jakarta"), NULL));
  g_assert_true (crm_store_set_field (f->store, "quotes", quote, "shipping_city", g_variant_new_string ("Bandung"), NULL));
  return quote;
}

static void
assert_same_lines (Fixture    *f,
                   const char *module_a,
                   gint64      id_a,
                   const char *module_b,
                   gint64      id_b)
{
  g_autoptr(GPtrArray) a = crm_documents_load_lines (f->store, module_a, id_a, NULL);
  g_autoptr(GPtrArray) b = crm_documents_load_lines (f->store, module_b, id_b, NULL);
  CrmTotals ta, tb;

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      CrmDocLine *la = a->pdata[i], *lb = b->pdata[i];

      g_assert_cmpstr (la->name, ==, lb->name);
      g_assert_cmpstr (la->description, ==, lb->description);
      g_assert_cmpint (la->product_id, ==, lb->product_id);
      g_assert_cmpint (la->item.quantity, ==, lb->item.quantity);
      g_assert_cmpint (la->item.list_price, ==, lb->item.list_price);
      g_assert_cmpint (la->item.discount_kind, ==, lb->item.discount_kind);
      g_assert_cmpint (la->item.discount, ==, lb->item.discount);
      g_assert_cmpint (la->item.tax_rate, ==, lb->item.tax_rate);
      g_assert_cmpint (la->item.total, ==, lb->item.total);
    }
  g_assert_true (crm_documents_load_totals (f->store, module_a, id_a, &ta, NULL, NULL));
  g_assert_true (crm_documents_load_totals (f->store, module_b, id_b, &tb, NULL, NULL));
  g_assert_cmpint (ta.grand_total, ==, tb.grand_total);
  g_assert_cmpint (ta.discount_amount, ==, tb.discount_amount);
  g_assert_cmpint (ta.adjustment, ==, tb.adjustment);
}

static gboolean
has_link (GArray     *links,
          const char *module,
          gint64      id,
          gboolean    is_source)
{
  for (guint i = 0; i < links->len; i++)
    {
      CrmDocLink *link = &g_array_index (links, CrmDocLink, i);
      if (g_str_equal (link->module, module) && link->id == id && link->is_source == is_source)
        return TRUE;
    }
  return FALSE;
}

static void
test_convert_chain (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 product = create_product (f, "Desk", "300", "50");
  gint64 quote = quote_with_lines (f, product);
  gint64 so, invoice, again;
  g_autoptr(CrmRecord) so_record = NULL;
  g_autoptr(CrmRecord) invoice_record = NULL;
  g_autoptr(GArray) quote_links = NULL;
  g_autoptr(GArray) so_links = NULL;

  so = crm_documents_convert (f->store, "quotes", quote, "sales_orders", &error);
  g_assert_no_error (error);
  g_assert_cmpint (so, >, 0);
  assert_same_lines (f, "quotes", quote, "sales_orders", so);
  so_record = crm_store_load_record (f->store, "sales_orders", so, NULL);
  g_assert_cmpint (crm_record_get_int (so_record, "quote_name", 0), ==, quote);
  g_assert_cmpint (crm_record_get_int (so_record, "account_name", 0), ==, f->account);
  g_assert_cmpstr (crm_record_get_string (so_record, "subject"), ==, "Office fit-out");
  g_assert_cmpstr (crm_record_get_string (so_record, "billing_city"), ==, "Jakarta");
  g_assert_cmpstr (crm_record_get_string (so_record, "shipping_city"), ==, "Bandung");
  g_assert_cmpstr (crm_record_get_string (so_record, "status"), ==, "Created");
  g_assert_true (g_str_has_prefix (crm_record_get_string (so_record, "so_number"), "SO-"));
  assert_stock (f, product, 50000, 4000, 0);

  /* a second conversion of the same quote to a sales order is refused */
  again = crm_documents_convert (f->store, "quotes", quote, "sales_orders", &error);
  g_assert_cmpint (again, ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE);
  g_clear_error (&error);

  invoice = crm_documents_convert (f->store, "sales_orders", so, "invoices", &error);
  g_assert_no_error (error);
  assert_same_lines (f, "sales_orders", so, "invoices", invoice);
  invoice_record = crm_store_load_record (f->store, "invoices", invoice, NULL);
  g_assert_cmpint (crm_record_get_int (invoice_record, "sales_order", 0), ==, so);
  g_assert_nonnull (crm_record_get_string (invoice_record, "invoice_date"));

  /* the sales order is now Delivered: demand gone, the invoice took the stock */
  g_clear_object (&so_record);
  so_record = crm_store_load_record (f->store, "sales_orders", so, NULL);
  g_assert_cmpstr (crm_store_get_picklist_meaning (f->store, "sales_orders", "status",
                                                   crm_record_get_string (so_record, "status")), ==, "delivered");
  assert_stock (f, product, 46000, 0, 0);

  /* links both ways */
  quote_links = crm_documents_list_conversions (f->store, "quotes", quote);
  g_assert_true (has_link (quote_links, "sales_orders", so, FALSE));
  so_links = crm_documents_list_conversions (f->store, "sales_orders", so);
  g_assert_true (has_link (so_links, "quotes", quote, TRUE));
  g_assert_true (has_link (so_links, "invoices", invoice, FALSE));

  /* one Undo takes the invoice away and puts the order back */
  g_assert_true (crm_store_undo_last (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM invoices WHERE id = ?", invoice), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM line_items WHERE module = 'invoices' AND record_id = ?", invoice),
                   ==, 0);
  g_clear_object (&so_record);
  so_record = crm_store_load_record (f->store, "sales_orders", so, NULL);
  g_assert_cmpstr (crm_record_get_string (so_record, "status"), ==, "Created");
  assert_stock (f, product, 50000, 4000, 0);
}

static void
test_convert_quote_to_invoice (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 product = create_product (f, "Chair", "75", "10");
  gint64 quote = quote_with_lines (f, product);
  gint64 invoice = crm_documents_convert (f->store, "quotes", quote, "invoices", &error);
  g_autoptr(GArray) links = NULL;

  g_assert_no_error (error);
  assert_same_lines (f, "quotes", quote, "invoices", invoice);
  links = crm_documents_list_conversions (f->store, "invoices", invoice);
  g_assert_true (has_link (links, "quotes", quote, TRUE));
  assert_stock (f, product, 6000, 0, 0);

  /* not every direction exists */
  g_assert_cmpint (crm_documents_convert (f->store, "invoices", invoice, "quotes", &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpint (crm_documents_convert (f->store, "sales_orders", 1, "purchase_orders", &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
}

static void
test_mass_convert (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 product = create_product (f, "Lamp", "20", "100");
  gint64 orders[3];
  g_autoptr(GArray) invoices = NULL;
  gint64 before;

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      orders[i] = create_doc (f, "sales_orders", "Lamps");
      save_product_line (f, "sales_orders", orders[i], product, (i + 1) * 1000);
    }
  assert_stock (f, product, 100000, 6000, 0);

  /* all or nothing: a cancelled order stops the whole batch */
  set_status (f, "sales_orders", orders[2], "Cancelled");
  before = query_int (f->store, "SELECT count(*) FROM invoices", 0);
  invoices = crm_documents_mass_convert (f->store, "sales_orders", orders, 3, "invoices", &error);
  g_assert_null (invoices);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM invoices", 0), ==, before);
  assert_stock (f, product, 100000, 3000, 0);

  invoices = crm_documents_mass_convert (f->store, "sales_orders", orders, 2, "invoices", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (invoices->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    assert_same_lines (f, "sales_orders", orders[i], "invoices", g_array_index (invoices, gint64, i));
  assert_stock (f, product, 97000, 0, 0);
}

/*
 * Stock
 */

static void
test_stock_purchase_order (Fixture       *f,
                           gconstpointer  data)
{
  gint64 product = create_product (f, "Paper", "5", "100");
  gint64 po = create_doc (f, "purchase_orders", "Paper restock");
  gint64 po2 = create_doc (f, "purchase_orders", "Never mind");

  save_product_line (f, "purchase_orders", po, product, 10000);
  assert_stock (f, product, 100000, 0, 10000);           /* created: ordered +10 */
  set_status (f, "purchase_orders", po, "Delivered");
  assert_stock (f, product, 110000, 0, 0);               /* delivered: in stock +10, ordered -10 */
  set_status (f, "purchase_orders", po, "Cancelled");
  assert_stock (f, product, 100000, 0, 0);               /* delivered, then cancelled: in stock -10 */

  save_product_line (f, "purchase_orders", po2, product, 4000);
  assert_stock (f, product, 100000, 0, 4000);
  set_status (f, "purchase_orders", po2, "Cancelled");   /* cancelled before delivery: ordered -4 */
  assert_stock (f, product, 100000, 0, 0);
}

static void
test_stock_sales_order (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 product = create_product (f, "Ink", "15", "40");
  gint64 so = create_doc (f, "sales_orders", "Ink");
  gint64 so2 = create_doc (f, "sales_orders", "More ink");

  save_product_line (f, "sales_orders", so, product, 5000);
  assert_stock (f, product, 40000, 5000, 0);             /* created: in demand +5 */
  save_product_line (f, "sales_orders", so, product, 8000);
  assert_stock (f, product, 40000, 8000, 0);             /* a line edit moves the difference */
  set_status (f, "sales_orders", so, "Delivered");
  assert_stock (f, product, 40000, 0, 0);                /* delivered: in demand -8 */

  save_product_line (f, "sales_orders", so2, product, 2000);
  assert_stock (f, product, 40000, 2000, 0);
  set_status (f, "sales_orders", so2, "Cancelled");
  assert_stock (f, product, 40000, 0, 0);                /* cancelled: in demand -2 */

  /* undo of the cancel puts the demand back */
  g_assert_true (crm_store_undo_last (f->store, &error));
  g_assert_no_error (error);
  assert_stock (f, product, 40000, 2000, 0);

  /* the recycle bin takes it out, a restore brings it back */
  g_assert_true (crm_store_delete_record (f->store, "sales_orders", so2, &error));
  assert_stock (f, product, 40000, 0, 0);
  g_assert_true (crm_store_restore_record (f->store, "sales_orders", so2, &error));
  assert_stock (f, product, 40000, 2000, 0);
  g_assert_true (crm_store_delete_record (f->store, "sales_orders", so2, &error));
  g_assert_true (crm_store_purge_record (f->store, "sales_orders", so2, &error));
  g_assert_no_error (error);
  assert_stock (f, product, 40000, 0, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM line_items WHERE module = 'sales_orders' AND record_id = ?", so2),
                   ==, 0);
}

static void
test_stock_invoice (Fixture       *f,
                    gconstpointer  data)
{
  gint64 product = create_product (f, "Toner", "60", "20");
  gint64 invoice = create_doc (f, "invoices", "Toner");

  save_product_line (f, "invoices", invoice, product, 3000);
  assert_stock (f, product, 17000, 0, 0);                /* created: in stock -3 */
  set_status (f, "invoices", invoice, "Paid");
  assert_stock (f, product, 17000, 0, 0);                /* paid changes nothing */
  set_status (f, "invoices", invoice, "Cancelled");
  assert_stock (f, product, 20000, 0, 0);                /* cancelled: in stock +3 */

  /* a quote never moves stock */
  {
    gint64 quote = create_doc (f, "quotes", "Toner offer");
    save_product_line (f, "quotes", quote, product, 9000);
    assert_stock (f, product, 20000, 0, 0);
  }
}

/*
 * Purchase orders below reorder level
 */

static void
test_generate_purchase_orders (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pos = NULL;
  g_autoptr(GArray) again = NULL;
  g_autofree char *vendor_id = id_text (f->vendor);
  gint64 other_vendor = crm_test_create (f->store, "vendors", "vendor_name", "PT Kertas", NULL);
  g_autofree char *other_id = id_text (other_vendor);
  gint64 low1 = crm_test_create (f->store, "products", "product_name", "Pens", "unit_price", "1",
                                 "qty_in_stock", "3", "reorder_level", "10", "vendor_name", vendor_id, NULL);
  gint64 low2 = crm_test_create (f->store, "products", "product_name", "Pencils", "unit_price", "0.5",
                                 "qty_in_stock", "0", "reorder_level", "25", "vendor_name", vendor_id, NULL);
  gint64 low3 = crm_test_create (f->store, "products", "product_name", "Paper", "unit_price", "4",
                                 "qty_in_stock", "1.5", "reorder_level", "2", "vendor_name", other_id, NULL);
  guint skipped = 0;

  crm_test_create (f->store, "products", "product_name", "Staplers", "unit_price", "9",
                   "qty_in_stock", "30", "reorder_level", "5", "vendor_name", vendor_id, NULL);
  crm_test_create (f->store, "products", "product_name", "No vendor", "unit_price", "9",
                   "qty_in_stock", "0", "reorder_level", "5", NULL);

  pos = crm_documents_generate_purchase_orders (f->store, &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pos->len, ==, 2);
  g_assert_cmpuint (skipped, ==, 1);

  for (guint i = 0; i < pos->len; i++)
    {
      gint64 po = g_array_index (pos, gint64, i);
      g_autoptr(CrmRecord) record = crm_store_load_record (f->store, "purchase_orders", po, NULL);
      g_autoptr(GPtrArray) lines = crm_documents_load_lines (f->store, "purchase_orders", po, NULL);
      gint64 vendor = crm_record_get_int (record, "vendor_name", 0);

      if (vendor == f->vendor)
        {
          g_assert_cmpuint (lines->len, ==, 2);
          /* by name: Pencils, Pens */
          g_assert_cmpint (((CrmDocLine *) lines->pdata[0])->product_id, ==, low2);
          g_assert_cmpint (((CrmDocLine *) lines->pdata[0])->item.quantity, ==, 25000);
          g_assert_cmpint (((CrmDocLine *) lines->pdata[1])->product_id, ==, low1);
          g_assert_cmpint (((CrmDocLine *) lines->pdata[1])->item.quantity, ==, 7000);
        }
      else
        {
          g_assert_cmpint (vendor, ==, other_vendor);
          g_assert_cmpuint (lines->len, ==, 1);
          g_assert_cmpint (((CrmDocLine *) lines->pdata[0])->product_id, ==, low3);
          g_assert_cmpint (((CrmDocLine *) lines->pdata[0])->item.quantity, ==, 500);
        }
    }
  assert_stock (f, low1, 3000, 0, 7000);

  /* what is on order counts: a second run has nothing to do */
  again = crm_documents_generate_purchase_orders (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 0);
}

/*
 * Numbering
 */

static void
test_numbering (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected1 = g_strdup_printf ("INV-%d-0001", g_date_time_get_year (now));
  g_autofree char *expected3 = g_strdup_printf ("FAK-%d-0003", g_date_time_get_year (now));
  g_autofree char *prefix = NULL;
  const char *bad[] = { "", "TOO-LONG-PREFIX", "IN V", "INV%", "ÜBER" };
  gint64 first, second, third;

  g_assert_true (crm_documents_set_number_prefix (f->store, "invoices", "INV", &error));
  g_assert_no_error (error);
  first = create_doc (f, "invoices", "First");
  {
    g_autoptr(CrmRecord) record = crm_store_load_record (f->store, "invoices", first, NULL);
    g_assert_cmpstr (crm_record_get_string (record, "invoice_number"), ==, expected1);
  }

  /* a deleted, even purged, number is never given again */
  second = create_doc (f, "invoices", "Second");
  g_assert_true (crm_store_delete_record (f->store, "invoices", second, NULL));
  g_assert_true (crm_store_purge_record (f->store, "invoices", second, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (crm_documents_set_number_prefix (f->store, "invoices", bad[i], &error));
      g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
      g_clear_error (&error);
    }
  g_assert_false (crm_documents_set_number_prefix (f->store, "leads", "LD", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (crm_documents_set_number_prefix (f->store, "invoices", "FAK", &error));
  prefix = crm_documents_dup_number_prefix (f->store, "invoices");
  g_assert_cmpstr (prefix, ==, "FAK");
  third = create_doc (f, "invoices", "Third");
  {
    g_autoptr(CrmRecord) record = crm_store_load_record (f->store, "invoices", third, NULL);
    g_assert_cmpstr (crm_record_get_string (record, "invoice_number"), ==, expected3);
  }
  g_clear_pointer (&prefix, g_free);
  prefix = crm_documents_dup_number_prefix (f->store, "quotes");
  g_assert_cmpstr (prefix, ==, "QUO");
}

static void
test_lookup_and_numbers (Fixture       *f,
                         gconstpointer  data)
{
  gint64 invoice = create_doc (f, "invoices", "Find me");
  g_autoptr(CrmRecord) record = crm_store_load_record (f->store, "invoices", invoice, NULL);
  g_autofree char *lower = g_ascii_strdown (crm_record_get_string (record, "invoice_number"), -1);

  g_assert_cmpstr (crm_documents_lookup_module ("invoices"), ==, "invoices");
  g_assert_cmpstr (crm_documents_lookup_module ("Invoice"), ==, "invoices");
  g_assert_cmpstr (crm_documents_lookup_module ("sales-order"), ==, "sales_orders");
  g_assert_cmpstr (crm_documents_lookup_module ("purchase_order"), ==, "purchase_orders");
  g_assert_null (crm_documents_lookup_module ("leads"));
  g_assert_null (crm_documents_lookup_module (NULL));

  g_assert_cmpint (crm_documents_find_by_number (f->store, "invoices",
                                                 crm_record_get_string (record, "invoice_number")), ==, invoice);
  g_assert_cmpint (crm_documents_find_by_number (f->store, "invoices", lower), ==, invoice);
  g_assert_cmpint (crm_documents_find_by_number (f->store, "invoices", "INV-1999-0001"), ==, 0);
  g_assert_cmpint (crm_documents_find_by_number (f->store, "leads", "x"), ==, 0);
  /* the recycle bin hides it */
  g_assert_true (crm_store_delete_record (f->store, "invoices", invoice, NULL));
  g_assert_cmpint (crm_documents_find_by_number (f->store, "invoices", lower), ==, 0);
}

static void
test_new_document_defaults (Fixture       *f,
                            gconstpointer  data)
{
  gint64 quote = create_doc (f, "quotes", "Defaults");
  g_autofree char *currency = NULL;
  CrmTotals totals;
  CrmModule *module = crm_store_get_module (f->store, "quotes");

  g_assert_true (crm_documents_load_totals (f->store, "quotes", quote, &totals, &currency, NULL));
  g_assert_cmpstr (currency, ==, "USD");
  g_assert_cmpint (query_int (f->store, "SELECT grand_total IS NOT NULL FROM quotes WHERE id = ?", quote), ==, 1);
  g_assert_nonnull (crm_module_get_field (module, "currency"));
  g_assert_true (crm_field_has_flag (crm_module_get_field (module, "discount_kind"), CRM_FIELD_FLAG_HIDDEN));
  g_assert_cmpint (crm_store_get_schema_version (f->store), >=, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/documents/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("totals/table", test_totals_table);
  ADD ("totals/refused", test_refused_lines);
  ADD ("totals/500-lines", test_five_hundred_lines);
  ADD ("totals/undo", test_undo_lines);
  ADD ("lines/fill-from-product", test_fill_from_product);
  ADD ("lines/find-products", test_find_products);
  ADD ("lines/price-book", test_price_book_on_line);
  ADD ("convert/chain", test_convert_chain);
  ADD ("convert/quote-to-invoice", test_convert_quote_to_invoice);
  ADD ("convert/mass", test_mass_convert);
  ADD ("stock/purchase-order", test_stock_purchase_order);
  ADD ("stock/sales-order", test_stock_sales_order);
  ADD ("stock/invoice", test_stock_invoice);
  ADD ("stock/generate-purchase-orders", test_generate_purchase_orders);
  ADD ("numbering", test_numbering);
  ADD ("defaults", test_new_document_defaults);
  ADD ("lookup-and-numbers", test_lookup_and_numbers);
#undef ADD

  return g_test_run ();
}
