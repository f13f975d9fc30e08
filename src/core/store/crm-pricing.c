/* crm-pricing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-pricing"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-pricing.h"
#include "crm-store-private.h"

#define MAX_TAX_NAME 50
#define SETTING_DEFAULT_TAX "tax.default_rate"

static gboolean
step_done (CrmStore      *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/*
 * Tax rates
 */

void
crm_tax_rate_free (CrmTaxRate *rate)
{
  if (rate == NULL)
    return;
  g_free (rate->name);
  g_free (rate);
}

GPtrArray *
crm_tax_rates_list (CrmStore *store)
{
  GPtrArray *rates = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_tax_rate_free);
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), rates);

  stmt = crm_store_prepare (store, "SELECT id, name, rate FROM tax_rates ORDER BY position, id", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      CrmTaxRate *rate = g_new0 (CrmTaxRate, 1);

      rate->id = sqlite3_column_int64 (stmt, 0);
      rate->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      rate->rate = sqlite3_column_int (stmt, 2);
      g_ptr_array_add (rates, rate);
    }
  return rates;
}

CrmTaxRate *
crm_tax_rate_lookup (CrmStore *store,
                     gint64    id)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;
  CrmTaxRate *rate;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  stmt = crm_store_prepare (store, "SELECT name, rate FROM tax_rates WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  rate = g_new0 (CrmTaxRate, 1);
  rate->id = id;
  rate->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  rate->rate = sqlite3_column_int (stmt, 1);
  return rate;
}

static char *
check_tax_rate (CrmStore    *store,
                gint64       id,
                const char  *name,
                gint32       rate,
                GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  crm_autoreset sqlite3_stmt *stmt = NULL;

  if (*stripped == '\0')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A tax rate needs a name"));
      return NULL;
    }
  if (g_utf8_strlen (stripped, -1) > MAX_TAX_NAME)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The tax rate name “%s” is longer than %d characters"), stripped, MAX_TAX_NAME);
      return NULL;
    }
  if (rate < 0 || rate > 10000)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The tax rate “%s” must be between 0%% and 100%%"), stripped);
      return NULL;
    }

  stmt = crm_store_prepare (store, "SELECT id FROM tax_rates WHERE name = ? AND id != ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE,
                   _("There already is a tax rate named “%s”"), stripped);
      return NULL;
    }
  return g_steal_pointer (&stripped);
}

gint64
crm_tax_rate_add (CrmStore    *store,
                  const char  *name,
                  gint32       rate,
                  GError     **error)
{
  g_autofree char *clean = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), 0);

  clean = check_tax_rate (store, 0, name, rate, error);
  if (clean == NULL)
    return 0;

  stmt = crm_store_prepare (store,
                            "INSERT INTO tax_rates (name, rate, position) "
                            "VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM tax_rates))",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, rate);
  if (!step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (crm_store_get_db (store));
}

static gboolean
require_tax_rate (CrmStore  *store,
                  gint64     id,
                  GError   **error)
{
  g_autoptr(CrmTaxRate) rate = crm_tax_rate_lookup (store, id);

  if (rate == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("Tax rate #%" G_GINT64_FORMAT " does not exist"), id);
      return FALSE;
    }
  return TRUE;
}

gboolean
crm_tax_rate_update (CrmStore    *store,
                     gint64       id,
                     const char  *name,
                     gint32       rate,
                     GError     **error)
{
  g_autofree char *clean = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!require_tax_rate (store, id, error))
    return FALSE;
  clean = check_tax_rate (store, id, name, rate, error);
  if (clean == NULL)
    return FALSE;

  stmt = crm_store_prepare (store, "UPDATE tax_rates SET name = ?, rate = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, rate);
  sqlite3_bind_int64 (stmt, 3, id);
  return step_done (store, stmt, error);
}

gboolean
crm_tax_rate_remove (CrmStore  *store,
                     gint64     id,
                     GError   **error)
{
  const char *steps[] = {
    /* Lines keep their rate snapshot; only the link to the name goes. */
    "UPDATE line_items SET tax_rate_id = NULL WHERE tax_rate_id = ?1",
    "DELETE FROM settings WHERE key = '" SETTING_DEFAULT_TAX "' AND value = CAST(?1 AS TEXT)",
    "DELETE FROM tax_rates WHERE id = ?1",
  };

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!require_tax_rate (store, id, error))
    return FALSE;
  if (!crm_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, steps[i], error);

      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!step_done (store, stmt, error))
        goto failed;
    }
  return crm_store_commit (store, error);

failed:
  crm_store_rollback (store);
  return FALSE;
}

gint64
crm_tax_rate_get_default (CrmStore *store)
{
  g_autofree char *value = NULL;
  g_autoptr(CrmTaxRate) rate = NULL;
  gint64 id;

  g_return_val_if_fail (CRM_IS_STORE (store), 0);

  value = crm_store_get_setting (store, SETTING_DEFAULT_TAX);
  if (value == NULL)
    return 0;
  id = g_ascii_strtoll (value, NULL, 10);
  rate = crm_tax_rate_lookup (store, id);
  return rate ? id : 0;
}

gboolean
crm_tax_rate_set_default (CrmStore  *store,
                          gint64     id,
                          GError   **error)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (id != 0 && !require_tax_rate (store, id, error))
    return FALSE;
  value = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  return crm_store_set_setting (store, SETTING_DEFAULT_TAX, id ? value : NULL, error);
}

/*
 * Price books
 */

typedef struct
{
  char     *name;
  char     *model;
  gboolean  active;
  gboolean  deleted;
} BookInfo;

static gboolean
load_book (CrmStore  *store,
           gint64     id,
           BookInfo  *info,
           GError   **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (store, "SELECT price_book_name, pricing_model, coalesce(active, 0), deleted_at "
                              "FROM price_books WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("Price book #%" G_GINT64_FORMAT " does not exist"), id);
      return FALSE;
    }
  info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  info->model = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  info->active = sqlite3_column_int (stmt, 2) != 0;
  info->deleted = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
  return TRUE;
}

static void
book_info_clear (BookInfo *info)
{
  g_clear_pointer (&info->name, g_free);
  g_clear_pointer (&info->model, g_free);
}

static char *
dup_product_name (CrmStore  *store,
                  gint64     product_id,
                  GError   **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (store, "SELECT product_name FROM products WHERE id = ?", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("Product #%" G_GINT64_FORMAT " does not exist"), product_id);
      return NULL;
    }
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

CrmPricingModel
crm_price_book_get_model (CrmStore *store,
                          gint64    price_book_id)
{
  BookInfo info = { 0 };
  const char *meaning = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), CRM_PRICING_FLAT);

  if (load_book (store, price_book_id, &info, NULL))
    meaning = crm_store_get_picklist_meaning (store, "price_books", "pricing_model", info.model);
  book_info_clear (&info);
  return g_strcmp0 (meaning, "differential") == 0 ? CRM_PRICING_DIFFERENTIAL : CRM_PRICING_FLAT;
}

gboolean
crm_price_book_set_list_price (CrmStore    *store,
                               gint64       price_book_id,
                               gint64       product_id,
                               gint64       list_price,
                               GError     **error)
{
  BookInfo info = { 0 };
  g_autofree char *product = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!load_book (store, price_book_id, &info, error))
    return FALSE;
  book_info_clear (&info);
  product = dup_product_name (store, product_id, error);
  if (product == NULL)
    return FALSE;
  if (list_price < 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The list price of “%s” cannot be negative"), product);
      return FALSE;
    }

  stmt = crm_store_prepare (store,
                            "INSERT INTO price_book_entries (price_book_id, product_id, list_price) "
                            "VALUES (?, ?, ?) ON CONFLICT (price_book_id, product_id) "
                            "DO UPDATE SET list_price = excluded.list_price",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, price_book_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  sqlite3_bind_int64 (stmt, 3, list_price);
  ok = step_done (store, stmt, error);
  if (ok)
    {
      _crm_store_notify (store, "price_books", price_book_id);
      _crm_store_notify (store, "products", product_id);
    }
  return ok;
}

gboolean
crm_price_book_remove_product (CrmStore    *store,
                               gint64       price_book_id,
                               gint64       product_id,
                               GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  stmt = crm_store_prepare (store, "DELETE FROM price_book_entries WHERE price_book_id = ? AND product_id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, price_book_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  if (!step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (crm_store_get_db (store)) == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("The price book does not list this product"));
      return FALSE;
    }
  _crm_store_notify (store, "price_books", price_book_id);
  _crm_store_notify (store, "products", product_id);
  return TRUE;
}

static GArray *
list_entries (CrmStore   *store,
              const char *sql,
              gint64      id)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (CrmPriceBookEntry));
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return entries;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CrmPriceBookEntry entry = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2),
      };
      g_array_append_val (entries, entry);
    }
  return entries;
}

GArray *
crm_price_book_list_entries (CrmStore *store,
                             gint64    price_book_id)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  return list_entries (store,
                       "SELECT e.price_book_id, e.product_id, e.list_price FROM price_book_entries e "
                       "JOIN products p ON p.id = e.product_id "
                       "WHERE e.price_book_id = ? AND p.deleted_at IS NULL "
                       "ORDER BY p.product_name COLLATE NOCASE, p.id",
                       price_book_id);
}

GArray *
crm_price_book_list_for_product (CrmStore *store,
                                 gint64    product_id)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  return list_entries (store,
                       "SELECT e.price_book_id, e.product_id, e.list_price FROM price_book_entries e "
                       "JOIN price_books b ON b.id = e.price_book_id "
                       "WHERE e.product_id = ? AND b.deleted_at IS NULL AND b.active = 1 "
                       "ORDER BY b.price_book_name COLLATE NOCASE, b.id",
                       product_id);
}

gboolean
crm_price_book_set_ranges (CrmStore             *store,
                           gint64                price_book_id,
                           const CrmPriceRange  *ranges,
                           guint                 n_ranges,
                           GError              **error)
{
  BookInfo info = { 0 };

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (ranges != NULL || n_ranges == 0, FALSE);

  if (!load_book (store, price_book_id, &info, error))
    return FALSE;
  book_info_clear (&info);

  for (guint i = 0; i < n_ranges; i++)
    {
      const CrmPriceRange *r = &ranges[i];

      if (r->from_qty < 0)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("Range %u: the quantity “from” cannot be negative"), i + 1);
          return FALSE;
        }
      if (r->to_qty != CRM_PRICE_RANGE_UNBOUNDED && r->to_qty < r->from_qty)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("Range %u: the quantity “to” is smaller than “from”"), i + 1);
          return FALSE;
        }
      if (r->discount < 0 || r->discount > 10000)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("Range %u: the discount must be between 0%% and 100%%"), i + 1);
          return FALSE;
        }
      if (i > 0)
        {
          const CrmPriceRange *prev = &ranges[i - 1];

          if (r->from_qty <= prev->from_qty)
            {
              g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                           _("Range %u: ranges must be listed by increasing quantity"), i + 1);
              return FALSE;
            }
          if (prev->to_qty == CRM_PRICE_RANGE_UNBOUNDED || r->from_qty <= prev->to_qty)
            {
              g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                           _("Range %u overlaps range %u"), i + 1, i);
              return FALSE;
            }
        }
    }

  if (!crm_store_begin (store, error))
    return FALSE;
  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "DELETE FROM price_book_ranges WHERE price_book_id = ?", error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, price_book_id);
    if (!step_done (store, stmt, error))
      goto failed;
  }
  for (guint i = 0; i < n_ranges; i++)
    {
      crm_autoreset sqlite3_stmt *stmt =
        crm_store_prepare (store, "INSERT INTO price_book_ranges (price_book_id, from_qty, to_qty, discount_bp) "
                                  "VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, price_book_id);
      sqlite3_bind_int64 (stmt, 2, ranges[i].from_qty);
      if (ranges[i].to_qty != CRM_PRICE_RANGE_UNBOUNDED)
        sqlite3_bind_int64 (stmt, 3, ranges[i].to_qty);
      sqlite3_bind_int (stmt, 4, ranges[i].discount);
      if (!step_done (store, stmt, error))
        goto failed;
    }
  _crm_store_notify (store, "price_books", price_book_id);
  return crm_store_commit (store, error);

failed:
  crm_store_rollback (store);
  return FALSE;
}

GArray *
crm_price_book_get_ranges (CrmStore *store,
                           gint64    price_book_id)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (CrmPriceRange));
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), ranges);

  stmt = crm_store_prepare (store, "SELECT from_qty, to_qty, discount_bp FROM price_book_ranges "
                                   "WHERE price_book_id = ? ORDER BY from_qty, id", NULL);
  if (stmt == NULL)
    return ranges;
  sqlite3_bind_int64 (stmt, 1, price_book_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CrmPriceRange range = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_type (stmt, 1) == SQLITE_NULL ? CRM_PRICE_RANGE_UNBOUNDED : sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int (stmt, 2),
      };
      g_array_append_val (ranges, range);
    }
  return ranges;
}

gboolean
crm_price_book_get_price (CrmStore    *store,
                          gint64       price_book_id,
                          gint64       product_id,
                          gint64       quantity,
                          gint64      *list_price,
                          gint32      *discount,
                          GError     **error)
{
  BookInfo info = { 0 };
  g_autoptr(GArray) ranges = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;
  gint64 price;
  gint32 found = 0;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!load_book (store, price_book_id, &info, error))
    return FALSE;
  if (!info.active || info.deleted)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The price book “%s” is not active"), info.name);
      book_info_clear (&info);
      return FALSE;
    }

  stmt = crm_store_prepare (store, "SELECT list_price FROM price_book_entries "
                                   "WHERE price_book_id = ? AND product_id = ?", error);
  if (stmt == NULL)
    {
      book_info_clear (&info);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, price_book_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_autofree char *product = dup_product_name (store, product_id, NULL);

      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("The price book “%s” has no list price for “%s”"),
                   info.name, product ? product : "?");
      book_info_clear (&info);
      return FALSE;
    }
  price = sqlite3_column_int64 (stmt, 0);
  book_info_clear (&info);

  ranges = crm_price_book_get_ranges (store, price_book_id);
  if (crm_price_book_get_model (store, price_book_id) == CRM_PRICING_FLAT)
    {
      if (ranges->len > 0)
        found = g_array_index (ranges, CrmPriceRange, 0).discount;
    }
  else
    {
      for (guint i = 0; i < ranges->len; i++)
        {
          const CrmPriceRange *r = &g_array_index (ranges, CrmPriceRange, i);

          if (quantity >= r->from_qty && (r->to_qty == CRM_PRICE_RANGE_UNBOUNDED || quantity <= r->to_qty))
            {
              found = r->discount;
              break;
            }
        }
    }

  if (list_price)
    *list_price = price;
  if (discount)
    *discount = found;
  return TRUE;
}

/* A purged price book or product takes its list prices and ranges along;
 * the recycle bin keeps them, so that a restore brings them back. */
static gboolean
after_write (CrmStore    *store,
             const char  *action,
             CrmRecord   *before,
             CrmRecord   *after,
             gpointer     user_data,
             GError     **error)
{
  const char * const *steps = user_data;
  gint64 id = crm_record_get_id (after);

  if (!g_str_equal (action, "purge"))
    return TRUE;

  for (guint i = 0; steps[i] != NULL; i++)
    {
      crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, steps[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

void
_crm_pricing_install (CrmStore *store)
{
  static const char * const book_steps[] = {
    "DELETE FROM price_book_entries WHERE price_book_id = ?",
    "DELETE FROM price_book_ranges WHERE price_book_id = ?",
    NULL
  };
  static const char * const product_steps[] = {
    "DELETE FROM price_book_entries WHERE product_id = ?",
    NULL
  };

  crm_store_add_write_hook (store, "price_books", after_write, (gpointer) book_steps, NULL);
  crm_store_add_write_hook (store, "products", after_write, (gpointer) product_steps, NULL);
}
