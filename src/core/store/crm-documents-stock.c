/* crm-documents-stock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-documents"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-documents.h"
#include "crm-documents-private.h"
#include "crm-pricing.h"
#include "crm-store-private.h"

/* Stock counters (DOMAIN.md §4) and purchase orders for products below
 * their reorder level. */

/*
 * Stock
 */

typedef struct
{
  gint64 in_stock;
  gint64 in_demand;
  gint64 ordered;
} StockCounts;

typedef struct
{
  StockCounts wanted;
  StockCounts applied;
} StockPair;

/* What one unit on the document adds to each counter, from its state. */
static void
stock_factors (CrmStore    *store,
               const char  *module_name,
               gint64       id,
               StockCounts *f)
{
  CrmModule *module = crm_store_get_module (store, module_name);
  g_autofree char *sql = NULL;
  g_autofree char *status = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;
  const char *meaning;

  memset (f, 0, sizeof *f);
  if (module == NULL || g_str_equal (module_name, "quotes") ||
      crm_module_get_field (module, "status") == NULL)
    return;

  sql = g_strdup_printf ("SELECT status, deleted_at FROM \"%s\" WHERE id = ?", crm_module_get_table (module));
  stmt = crm_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  /* purged, or in the recycle bin: a document that is gone counts for nothing */
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    return;
  status = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  meaning = crm_store_get_picklist_meaning (store, module_name, "status", status);

  if (g_str_equal (module_name, "purchase_orders"))
    {
      if (g_strcmp0 (meaning, "delivered") == 0)
        f->in_stock = 1;
      else if (g_strcmp0 (meaning, "cancelled") != 0)
        f->ordered = 1;
    }
  else if (g_str_equal (module_name, "sales_orders"))
    {
      if (g_strcmp0 (meaning, "delivered") != 0 && g_strcmp0 (meaning, "cancelled") != 0)
        f->in_demand = 1;
    }
  else if (g_str_equal (module_name, "invoices"))
    {
      if (g_strcmp0 (meaning, "cancelled") != 0)
        f->in_stock = -1;
    }
}

static StockPair *
stock_pair (GHashTable *pairs,
            gint64      product_id)
{
  StockPair *pair = g_hash_table_lookup (pairs, &product_id);

  if (pair == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = product_id;
      pair = g_new0 (StockPair, 1);
      g_hash_table_insert (pairs, key, pair);
    }
  return pair;
}

gboolean
_crm_documents_reconcile_stock (CrmStore    *store,
                                const char  *module,
                                gint64       id,
                                GError     **error)
{
  g_autoptr(GHashTable) pairs = NULL;
  GHashTableIter iter;
  gpointer key, value;
  StockCounts f;

  if (g_str_equal (module, "quotes"))
    return TRUE;

  stock_factors (store, module, id, &f);
  pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "SELECT product_id, sum(quantity) FROM line_items "
                                "WHERE module = ? AND record_id = ? AND product_id IS NOT NULL "
                                "GROUP BY product_id", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        StockPair *pair = stock_pair (pairs, sqlite3_column_int64 (stmt, 0));
        gint64 qty = sqlite3_column_int64 (stmt, 1);

        pair->wanted.in_stock = f.in_stock * qty;
        pair->wanted.in_demand = f.in_demand * qty;
        pair->wanted.ordered = f.ordered * qty;
      }
  }
  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "SELECT product_id, in_stock, in_demand, ordered FROM stock_effects "
                                "WHERE module = ? AND record_id = ?", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        StockPair *pair = stock_pair (pairs, sqlite3_column_int64 (stmt, 0));

        pair->applied.in_stock = sqlite3_column_int64 (stmt, 1);
        pair->applied.in_demand = sqlite3_column_int64 (stmt, 2);
        pair->applied.ordered = sqlite3_column_int64 (stmt, 3);
      }
  }

  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 product_id = *(gint64 *) key;
      StockPair *pair = value;
      StockCounts delta = {
        pair->wanted.in_stock - pair->applied.in_stock,
        pair->wanted.in_demand - pair->applied.in_demand,
        pair->wanted.ordered - pair->applied.ordered,
      };

      if (delta.in_stock == 0 && delta.in_demand == 0 && delta.ordered == 0)
        continue;

      {
        crm_autoreset sqlite3_stmt *stmt =
          crm_store_prepare (store,
                             "UPDATE products SET "
                             "qty_in_stock = coalesce(qty_in_stock, 0) + ?, "
                             "qty_in_demand = coalesce(qty_in_demand, 0) + ?, "
                             "qty_ordered = coalesce(qty_ordered, 0) + ? WHERE id = ?",
                             error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, delta.in_stock);
        sqlite3_bind_int64 (stmt, 2, delta.in_demand);
        sqlite3_bind_int64 (stmt, 3, delta.ordered);
        sqlite3_bind_int64 (stmt, 4, product_id);
        if (!_crm_documents_step_done (store, stmt, error))
          return FALSE;
      }
      {
        gboolean zero = pair->wanted.in_stock == 0 && pair->wanted.in_demand == 0 && pair->wanted.ordered == 0;
        crm_autoreset sqlite3_stmt *stmt =
          crm_store_prepare (store,
                             zero
                             ? "DELETE FROM stock_effects WHERE module = ?1 AND record_id = ?2 AND product_id = ?3"
                             : "INSERT INTO stock_effects (module, record_id, product_id, in_stock, in_demand, ordered) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (module, record_id, product_id) DO UPDATE "
                               "SET in_stock = excluded.in_stock, in_demand = excluded.in_demand, "
                               "ordered = excluded.ordered",
                             error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (stmt, 2, id);
        sqlite3_bind_int64 (stmt, 3, product_id);
        if (!zero)
          {
            sqlite3_bind_int64 (stmt, 4, pair->wanted.in_stock);
            sqlite3_bind_int64 (stmt, 5, pair->wanted.in_demand);
            sqlite3_bind_int64 (stmt, 6, pair->wanted.ordered);
          }
        if (!_crm_documents_step_done (store, stmt, error))
          return FALSE;
      }
      _crm_store_notify (store, "products", product_id);
    }
  return TRUE;
}

/*
 * Purchase orders below reorder level
 */

typedef struct
{
  gint64 product_id;
  gint64 quantity;
} Shortfall;

static void
copy_company_address (CrmStore  *store,
                      CrmRecord *record)
{
  static const char * const prefixes[] = { "billing", "shipping" };
  static const struct { const char *column; const char *suffix; } parts[] = {
    { "street", "street" }, { "city", "city" }, { "state", "state" },
    { "zip_code", "code" }, { "country", "country" },
  };
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (store, "SELECT street, city, state, zip_code, country FROM company WHERE id = 1", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return;
  for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        const char *value = (const char *) sqlite3_column_text (stmt, i);
        g_autofree char *field = g_strdup_printf ("%s_%s", prefixes[p], parts[i].suffix);

        if (value != NULL && *value != '\0')
          crm_record_set_string (record, field, value);
      }
}

GArray *
crm_documents_generate_purchase_orders (CrmStore  *store,
                                        guint     *n_skipped,
                                        GError   **error)
{
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) by_vendor = NULL;
  g_autoptr(GArray) vendors = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *today = _crm_documents_today ();
  const char *status;
  guint skipped = 0;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  by_vendor = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store,
                         "SELECT p.id, v.id, p.reorder_level - "
                         "  (coalesce(p.qty_in_stock, 0) + coalesce(p.qty_ordered, 0) - coalesce(p.qty_in_demand, 0)) "
                         "FROM products p LEFT JOIN vendors v ON v.id = p.vendor_name AND v.deleted_at IS NULL "
                         "WHERE p.deleted_at IS NULL AND p.reorder_level > 0 "
                         "AND coalesce(p.qty_in_stock, 0) + coalesce(p.qty_ordered, 0) - coalesce(p.qty_in_demand, 0) "
                         "    < p.reorder_level "
                         "ORDER BY v.vendor_name COLLATE NOCASE, v.id, p.product_name COLLATE NOCASE, p.id",
                         error);
    if (stmt == NULL)
      return NULL;
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        Shortfall s = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 2) };
        gint64 vendor = sqlite3_column_int64 (stmt, 1);
        GArray *group;

        if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
          {
            skipped++;
            continue;
          }
        group = g_hash_table_lookup (by_vendor, &vendor);
        if (group == NULL)
          {
            group = g_array_new (FALSE, FALSE, sizeof (Shortfall));
            g_hash_table_insert (by_vendor, g_memdup2 (&vendor, sizeof vendor), group);
            g_array_append_val (vendors, vendor);
          }
        g_array_append_val (group, s);
      }
  }

  if (n_skipped)
    *n_skipped = skipped;
  if (vendors->len == 0)
    return g_steal_pointer (&result);

  status = _crm_documents_picklist_value (store, "purchase_orders", "status", NULL);
  if (crm_store_begin_change (store, "create", "purchase_orders",
                              _("Purchase orders for products below reorder level"), error) == 0)
    return NULL;

  for (guint v = 0; v < vendors->len; v++)
    {
      gint64 vendor = g_array_index (vendors, gint64, v);
      GArray *group = g_hash_table_lookup (by_vendor, &vendor);
      g_autoptr(CrmRecord) po = crm_record_new (crm_store_get_module (store, "purchase_orders"));
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_doc_line_free);
      g_autofree char *vendor_name = crm_store_dup_record_title (store, "vendors", vendor);
      g_autofree char *subject = NULL;
      CrmTotals totals = { 0 };
      gint64 po_id;

      /* Translators: the subject of a generated purchase order */
      subject = g_strdup_printf (_("Reorder from %s"), vendor_name ? vendor_name : "");
      if (g_utf8_strlen (subject, -1) > 120)
        {
          char *end = g_utf8_offset_to_pointer (subject, 120);
          *end = '\0';
        }
      crm_record_set_string (po, "subject", subject);
      crm_record_set_int (po, "vendor_name", vendor);
      crm_record_set_string (po, "po_date", today);
      if (status != NULL)
        crm_record_set_string (po, "status", status);
      copy_company_address (store, po);
      if (!crm_store_save_record (store, po, error))
        goto failed;
      po_id = crm_record_get_id (po);

      for (guint i = 0; i < group->len; i++)
        {
          Shortfall *s = &g_array_index (group, Shortfall, i);
          CrmDocLine *line = crm_doc_line_new ();

          g_ptr_array_add (lines, line);
          if (!crm_documents_fill_from_product (store, line, s->product_id, error))
            goto failed;
          line->item.quantity = s->quantity;
        }
      if (!crm_documents_save_lines (store, "purchase_orders", po_id, lines, &totals, error))
        goto failed;
      g_array_append_val (result, po_id);
    }

  if (!crm_store_end_change (store, error))
    return NULL;
  return g_steal_pointer (&result);

failed:
  crm_store_abort_change (store);
  return NULL;
}
