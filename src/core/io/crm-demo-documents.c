/* crm-demo-documents.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-demo-private.h"
#include "crm-documents.h"
#include "crm-pricing.h"
#include "crm-query.h"

/* Quotes, sales orders, purchase orders and invoices of the sample, made
 * from the deals, accounts and vendors already in the store, with their
 * line items, the tax rates they use and the price books' list prices. */

/* Line items draw from a random sequence of their own, so that adding
 * them left the sample's records as they were. */
#define LINES_SEED 20260105

typedef struct
{
  GRand  *rand;
  GArray *products;   /* gint64, live products */
  GArray *books;      /* gint64, active price books */
} Lines;

static void
lines_clear (Lines *l)
{
  g_clear_pointer (&l->rand, g_rand_free);
  g_clear_pointer (&l->products, g_array_unref);
  g_clear_pointer (&l->books, g_array_unref);
}

static int
lines_rnd (Lines *l,
           int    lo,
           int    hi)
{
  return g_rand_int_range (l->rand, lo, hi);
}

static gint64
lines_pick (Lines  *l,
            GArray *ids)
{
  return ids->len ? g_array_index (ids, gint64, lines_rnd (l, 0, ids->len)) : 0;
}

/* PPN 11% (the default for taxable products) and VAT 20%, unless the
 * company has tax rates already. */
static gboolean
ensure_tax_rates (CrmStore  *store,
                  GError   **error)
{
  g_autoptr(GPtrArray) rates = crm_tax_rates_list (store);
  gint64 ppn;

  if (rates->len > 0)
    return TRUE;
  ppn = crm_tax_rate_add (store, "PPN", 1100, error);
  return ppn != 0 &&
         crm_tax_rate_add (store, "VAT", 2000, error) != 0 &&
         crm_tax_rate_set_default (store, ppn, error);
}

/* Each book lists most products a little under their unit price; a
 * Differential book gives more off for larger quantities, a Flat one the
 * same discount for any. */
static gboolean
fill_price_book_entries (Lines      *l,
                         CrmStore   *store,
                         GPtrArray  *books,
                         GPtrArray  *products,
                         GError    **error)
{
  for (guint b = 0; b < books->len; b++)
    {
      CrmRecord *book = g_ptr_array_index (books, b);
      gint64 book_id = crm_record_get_id (book);

      if (crm_price_book_get_model (store, book_id) == CRM_PRICING_DIFFERENTIAL)
        {
          const CrmPriceRange ranges[] = {
            { 1000, 9000, 0 }, { 10000, 49000, 500 }, { 50000, CRM_PRICE_RANGE_UNBOUNDED, 1000 },
          };
          if (!crm_price_book_set_ranges (store, book_id, ranges, G_N_ELEMENTS (ranges), error))
            return FALSE;
        }
      else
        {
          const CrmPriceRange flat[] = { { 0, CRM_PRICE_RANGE_UNBOUNDED, b == 0 ? 0 : 750 } };
          if (!crm_price_book_set_ranges (store, book_id, flat, 1, error))
            return FALSE;
        }

      for (guint p = 0; p < products->len; p++)
        {
          CrmRecord *product = g_ptr_array_index (products, p);
          gint64 price = crm_record_get_int (product, "unit_price", 0);

          if (lines_rnd (l, 0, 100) >= 70)
            continue;
          price = price * lines_rnd (l, 85, 101) / 100;
          if (!crm_price_book_set_list_price (store, book_id, crm_record_get_id (product), price, error))
            return FALSE;
        }
      if (crm_record_get_int (book, "active", 0) != 0)
        g_array_append_val (l->books, book_id);
    }
  return TRUE;
}

static gboolean
random_lines (Lines       *l,
              CrmStore    *store,
              const char  *module,
              gint64       id,
              guint        max_lines,
              int          min_quantity,
              int          max_quantity,
              GError     **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_doc_line_free);
  guint n = lines_rnd (l, 1, max_lines + 1);
  CrmTotals totals = { 0 };

  if (l->products->len == 0)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      CrmDocLine *line = crm_doc_line_new ();

      g_ptr_array_add (lines, line);
      if (!crm_documents_fill_from_product (store, line, lines_pick (l, l->products), error))
        return FALSE;
      line->item.quantity = (gint64) lines_rnd (l, min_quantity, max_quantity + 1) * 1000;
      if (l->books->len > 0 && lines_rnd (l, 0, 100) < 30)
        {
          /* a book that does not list the product leaves the unit price */
          if (!crm_documents_apply_price_book (store, line, lines_pick (l, l->books), NULL))
            line->price_book_id = 0;
        }
      else if (lines_rnd (l, 0, 100) < 20)
        {
          line->item.discount_kind = CRM_DISCOUNT_PERCENT;
          line->item.discount = lines_rnd (l, 1, 4) * 500;
        }
    }
  if (lines_rnd (l, 0, 100) < 20)
    {
      totals.discount_kind = CRM_DISCOUNT_PERCENT;
      totals.discount = lines_rnd (l, 1, 6) * 100;
    }
  return crm_documents_save_lines (store, module, id, lines, &totals, error);
}

/* An order has its quote's lines, an invoice its order's. */
static gboolean
copy_lines (CrmStore    *store,
            const char  *from_module,
            gint64       from_id,
            const char  *to_module,
            gint64       to_id,
            GError     **error)
{
  g_autoptr(GPtrArray) lines = crm_documents_load_lines (store, from_module, from_id, error);
  CrmTotals totals;

  return lines != NULL &&
         crm_documents_load_totals (store, from_module, from_id, &totals, NULL, error) &&
         crm_documents_save_lines (store, to_module, to_id, lines, &totals, error);
}

static GPtrArray *
load_all (CrmStore    *store,
          const char  *module,
          GError     **error)
{
  g_autoptr(CrmQuery) query = crm_query_new (module);
  g_autoptr(GArray) ids = crm_store_query_ids (store, query, error);
  g_autoptr(GPtrArray) records = NULL;

  if (ids == NULL)
    return NULL;
  records = g_ptr_array_new_with_free_func (g_object_unref);
  /* Pages of a fixed size keep the store's statement cache small. */
  for (guint i = 0; i < ids->len; i += 64)
    {
      g_autoptr(GPtrArray) page = crm_store_load_records (store, module, &g_array_index (ids, gint64, i),
                                                          MIN (64, ids->len - i), error);
      if (page == NULL)
        return NULL;
      for (guint k = 0; k < page->len; k++)
        g_ptr_array_add (records, g_object_ref (g_ptr_array_index (page, k)));
    }
  return g_steal_pointer (&records);
}

static int
record_id_compare (gconstpointer a,
                   gconstpointer b)
{
  gint64 x = crm_record_get_id (*(CrmRecord * const *) a);
  gint64 y = crm_record_get_id (*(CrmRecord * const *) b);

  return x < y ? -1 : x > y;
}

/* A new floating value, which _crm_demo_save takes over like the others. */
static GVariant *
copy_value (CrmRecord  *record,
            const char *field)
{
  GVariant *v = crm_record_get_value (record, field);

  if (v == NULL)
    return NULL;
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
    return g_variant_new_int64 (g_variant_get_int64 (v));
  return g_variant_new_string (g_variant_get_string (v, NULL));
}

static gboolean
fill_quotes (CrmDemo    *d,
             Lines      *l,
             GPtrArray  *deals,
             GArray     *quotes,
             GError    **error)
{
  guint n = CRM_DEMO_N_QUOTES * d->scale;
  guint n_stages = n_values (d, "quotes", "quote_stage");

  for (guint i = 0; i < n && deals->len > 0; i++)
    {
      CrmRecord *deal = g_ptr_array_index (deals, rnd (d, 0, deals->len));
      g_autoptr(CrmRecord) account = crm_store_load_record (d->store, "accounts",
                                                            crm_record_get_int (deal, "account_name", 0), error);
      gint64 id;

      if (account == NULL)
        return FALSE;
      id = _crm_demo_save (d, "quotes", error,
                           "subject", take (g_strdup_printf ("Quote: %s", crm_record_get_string (deal, "deal_name"))),
                           "deal_name", ref (crm_record_get_id (deal)),
                           "account_name", copy_value (deal, "account_name"),
                           "contact_name", copy_value (deal, "contact_name"),
                           "quote_stage", str (pick (d, "quotes", "quote_stage", i < n_stages ? (int) i : -1)),
                           "valid_till", date (d, rnd (d, -10, 45)),
                           "carrier", str (pick (d, "quotes", "carrier", -1)),
                           "billing_street", copy_value (account, "billing_street"),
                           "billing_city", copy_value (account, "billing_city"),
                           "billing_state", copy_value (account, "billing_state"),
                           "billing_code", copy_value (account, "billing_code"),
                           "billing_country", copy_value (account, "billing_country"),
                           "shipping_street", copy_value (account, "shipping_street"),
                           "shipping_city", copy_value (account, "shipping_city"),
                           "shipping_state", copy_value (account, "shipping_state"),
                           "shipping_code", copy_value (account, "shipping_code"),
                           "shipping_country", copy_value (account, "shipping_country"),
                           "terms_and_conditions", str ("Prices valid for 30 days. Payment within 30 days of invoice."),
                           NULL);
      if (id == 0 || !random_lines (l, d->store, "quotes", id, 6, 1, 24, error))
        return FALSE;
      g_array_append_val (quotes, id);
    }
  return TRUE;
}

static gboolean
fill_sales_orders (CrmDemo  *d,
                   GArray   *quotes,
                   GArray   *orders,
                   GError  **error)
{
  guint n = CRM_DEMO_N_SALES_ORDERS * d->scale;
  guint n_status = n_values (d, "sales_orders", "status");

  for (guint i = 0; i < n && quotes->len > 0; i++)
    {
      g_autoptr(CrmRecord) quote = crm_store_load_record (d->store, "quotes", pick_id (d, quotes), error);
      g_autofree char *deal_title = NULL;
      gint64 id;

      if (quote == NULL)
        return FALSE;
      deal_title = crm_store_dup_record_title (d->store, "deals", crm_record_get_int (quote, "deal_name", 0));
      id = _crm_demo_save (d, "sales_orders", error,
                           "subject", take (g_strdup_printf ("Order: %s", deal_title ? deal_title : "")),
                           "deal_name", copy_value (quote, "deal_name"),
                           "quote_name", ref (crm_record_get_id (quote)),
                           "account_name", copy_value (quote, "account_name"),
                           "contact_name", copy_value (quote, "contact_name"),
                           "customer_no", take (g_strdup_printf ("CUST-%05d", rnd (d, 1, 100000))),
                           "purchase_order", take (g_strdup_printf ("PO/%04d/%02d", rnd (d, 1, 10000), rnd (d, 1, 13))),
                           "due_date", date (d, rnd (d, -20, 40)),
                           "carrier", copy_value (quote, "carrier"),
                           "status", str (pick (d, "sales_orders", "status", i < n_status ? (int) i : -1)),
                           "billing_street", copy_value (quote, "billing_street"),
                           "billing_city", copy_value (quote, "billing_city"),
                           "billing_country", copy_value (quote, "billing_country"),
                           "shipping_street", copy_value (quote, "shipping_street"),
                           "shipping_city", copy_value (quote, "shipping_city"),
                           "shipping_country", copy_value (quote, "shipping_country"),
                           NULL);
      if (id == 0 || !copy_lines (d->store, "quotes", crm_record_get_id (quote), "sales_orders", id, error))
        return FALSE;
      g_array_append_val (orders, id);
    }
  return TRUE;
}

static gboolean
fill_invoices (CrmDemo  *d,
               GArray   *orders,
               GError  **error)
{
  guint n = CRM_DEMO_N_INVOICES * d->scale;
  guint n_status = n_values (d, "invoices", "status");

  for (guint i = 0; i < n && orders->len > 0; i++)
    {
      g_autoptr(CrmRecord) order = crm_store_load_record (d->store, "sales_orders", pick_id (d, orders), error);
      g_autofree char *deal_title = NULL;
      int day = -rnd (d, 0, 60);
      gint64 id;

      if (order == NULL)
        return FALSE;
      deal_title = crm_store_dup_record_title (d->store, "deals", crm_record_get_int (order, "deal_name", 0));
      id = _crm_demo_save (d, "invoices", error,
                          "subject", take (g_strdup_printf ("Invoice: %s", deal_title ? deal_title : "")),
                          "sales_order", ref (crm_record_get_id (order)),
                          "purchase_order", copy_value (order, "purchase_order"),
                          "account_name", copy_value (order, "account_name"),
                          "contact_name", copy_value (order, "contact_name"),
                          "deal_name", copy_value (order, "deal_name"),
                          "invoice_date", date (d, day),
                          "due_date", date (d, day + 30),
                          "status", str (pick (d, "invoices", "status", i < n_status ? (int) i : -1)),
                          "billing_street", copy_value (order, "billing_street"),
                          "billing_city", copy_value (order, "billing_city"),
                          "billing_country", copy_value (order, "billing_country"),
                          "terms_and_conditions", str ("Payment within 30 days. Bank transfer to the account on this invoice."),
                          NULL);
      if (id == 0 || !copy_lines (d->store, "sales_orders", crm_record_get_id (order), "invoices", id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_purchase_orders (CrmDemo  *d,
                      Lines    *l,
                      GArray   *vendors,
                      GError  **error)
{
  static const char * const needs[] = {
    "Restock laptops", "Pembelian server", "Printer toner", "Network cables", "Software licences",
    "Spare parts", "Office accessories",
  };
  guint n = CRM_DEMO_N_PURCHASE_ORDERS * d->scale;
  guint n_status = n_values (d, "purchase_orders", "status");

  for (guint i = 0; i < n && vendors->len > 0; i++)
    {
      gint64 vendor = pick_id (d, vendors);
      g_autofree char *vendor_title = crm_store_dup_record_title (d->store, "vendors", vendor);
      int day = -rnd (d, 0, 45);
      gint64 id;

      id = _crm_demo_save (d, "purchase_orders", error,
                          "subject", take (g_strdup_printf ("%s – %s", ONE_OF (d, needs), vendor_title ? vendor_title : "")),
                          "vendor_name", ref (vendor),
                          "requisition_no", take (g_strdup_printf ("REQ-%05d", rnd (d, 1, 100000))),
                          "tracking_number", chance (d, 50) ? take (g_strdup_printf ("TRK%09d", rnd (d, 0, 1000000000))) : NULL,
                          "po_date", date (d, day),
                          "due_date", date (d, day + rnd (d, 7, 30)),
                          "carrier", str (pick (d, "purchase_orders", "carrier", -1)),
                          "status", str (pick (d, "purchase_orders", "status", i < n_status ? (int) i : -1)),
                          NULL);
      if (id == 0 || !random_lines (l, d->store, "purchase_orders", id, 5, 5, 60, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
crm_demo_fill_documents (CrmStore  *store,
                         GRand     *rand,
                         guint      scale,
                         GError   **error)
{
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GPtrArray) vendors = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GPtrArray) books = NULL;
  Lines lines = { g_rand_new_with_seed (LINES_SEED), g_array_new (FALSE, FALSE, sizeof (gint64)),
                  g_array_new (FALSE, FALSE, sizeof (gint64)) };
  g_autoptr(GArray) vendor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) quotes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) orders = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok;
  CrmDemo d;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (rand != NULL, FALSE);

  if (crm_store_begin_change (store, "demo", NULL, _("Sample documents"), error) == 0)
    return FALSE;

  deals = load_all (store, "deals", error);
  vendors = deals ? load_all (store, "vendors", error) : NULL;
  products = vendors ? load_all (store, "products", error) : NULL;
  books = products ? load_all (store, "price_books", error) : NULL;
  if (books == NULL || !ensure_tax_rates (store, error))
    {
      crm_store_abort_change (store);
      lines_clear (&lines);
      return FALSE;
    }
  g_ptr_array_sort (products, record_id_compare);
  g_ptr_array_sort (books, record_id_compare);
  for (guint i = 0; i < products->len; i++)
    {
      gint64 id = crm_record_get_id (g_ptr_array_index (products, i));
      g_array_append_val (lines.products, id);
    }
  g_ptr_array_sort (deals, record_id_compare);
  g_ptr_array_sort (vendors, record_id_compare);
  for (guint i = 0; i < vendors->len; i++)
    {
      gint64 id = crm_record_get_id (g_ptr_array_index (vendors, i));
      g_array_append_val (vendor_ids, id);
    }

  _crm_demo_init (&d, store, rand, scale);
  ok = fill_price_book_entries (&lines, store, books, products, error) &&
       fill_quotes (&d, &lines, deals, quotes, error) &&
       fill_sales_orders (&d, quotes, orders, error) &&
       fill_invoices (&d, orders, error) &&
       fill_purchase_orders (&d, &lines, vendor_ids, error);
  _crm_demo_clear (&d);
  lines_clear (&lines);

  if (!ok)
    {
      crm_store_abort_change (store);
      return FALSE;
    }
  return crm_store_end_change (store, error);
}

