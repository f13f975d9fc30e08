/* crm-currencies.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-currencies"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-currencies.h"
#include "crm-line-items.h"
#include "crm-money.h"
#include "crm-store-private.h"

static const char * const money_modules[] = {
  "deals", "quotes", "sales_orders", "purchase_orders", "invoices", "products", "campaigns", NULL
};

/* A rate above a billion home units per unit is a typing error. */
#define MAX_RATE G_GINT64_CONSTANT (1000000000000000)

void
crm_currency_rate_free (CrmCurrencyRate *rate)
{
  if (rate == NULL)
    return;
  g_free (rate->code);
  g_free (rate);
}

const char * const *
crm_currencies_money_modules (void)
{
  return money_modules;
}

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

static gboolean
has_currency_fields (CrmModule *module)
{
  return crm_module_get_field (module, "currency") != NULL &&
         crm_module_get_field (module, "exchange_rate") != NULL;
}

/*
 * Schema 6
 */

static gboolean
add_currency_fields (CrmStore    *store,
                     const char  *module,
                     const char  *home,
                     GError     **error)
{
  g_autofree char *table = NULL;
  g_autofree char *alter = NULL;
  int position = 0;

  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "SELECT table_name FROM modules WHERE api_name = ?", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, module, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) != SQLITE_ROW)
      return TRUE;   /* not a module of this database */
    table = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  }
  {
    /* A custom field someone already called "currency" wins. */
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "SELECT 1 FROM fields WHERE module = ? AND api_name IN ('currency', 'exchange_rate')", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, module, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      return TRUE;
  }
  {
    /* Just before the system fields, in a section of their own. */
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store,
                         "SELECT coalesce((SELECT position FROM fields WHERE module = ?1 AND api_name = 'owner_id'), "
                         "(SELECT coalesce(max(position), 0) + 1 FROM fields WHERE module = ?1))", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, module, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      position = sqlite3_column_int (stmt, 0);
  }
  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "UPDATE fields SET position = position + 2 WHERE module = ? AND position >= ?", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, module, -1, SQLITE_STATIC);
    sqlite3_bind_int (stmt, 2, position);
    if (!step_done (store, stmt, error))
      return FALSE;
  }
  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store,
                         "INSERT INTO fields (module, api_name, label, type, flags, max_length, scale, "
                         "min_value, max_value, section, position) VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?)",
                         error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, module, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, "currency", -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 3, _("Currency"), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 4, crm_field_type_to_string (CRM_FIELD_PICKLIST), -1, SQLITE_STATIC);
    sqlite3_bind_int (stmt, 5, 0);
    sqlite3_bind_text (stmt, 8, _("Currency Information"), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int (stmt, 9, position);
    if (!step_done (store, stmt, error))
      return FALSE;

    sqlite3_reset (stmt);
    sqlite3_clear_bindings (stmt);
    sqlite3_bind_text (stmt, 1, module, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, "exchange_rate", -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 3, _("Exchange Rate"), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 4, crm_field_type_to_string (CRM_FIELD_DECIMAL), -1, SQLITE_STATIC);
    sqlite3_bind_int (stmt, 5, 6);
    sqlite3_bind_int64 (stmt, 6, 1);
    sqlite3_bind_int64 (stmt, 7, MAX_RATE);
    sqlite3_bind_text (stmt, 8, _("Currency Information"), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int (stmt, 9, position + 1);
    if (!step_done (store, stmt, error))
      return FALSE;
  }
  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "INSERT INTO picklist_values (module, field, value, position) VALUES (?, 'currency', ?, 0)", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, module, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, home, -1, SQLITE_STATIC);
    if (!step_done (store, stmt, error))
      return FALSE;
  }

  alter = g_strdup_printf ("ALTER TABLE \"%s\" ADD COLUMN currency %s;"
                           "ALTER TABLE \"%s\" ADD COLUMN exchange_rate %s;",
                           table, crm_field_type_get_sql_type (CRM_FIELD_PICKLIST),
                           table, crm_field_type_get_sql_type (CRM_FIELD_DECIMAL));
  if (!crm_store_exec (store, alter, error))
    return FALSE;

  {
    /* DOMAIN.md §9.2: existing records get the home currency at rate 1. */
    g_autofree char *sql = g_strdup_printf ("UPDATE \"%s\" SET currency = ?, exchange_rate = %" G_GINT64_FORMAT,
                                            table, CRM_RATE_ONE);
    crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, home, -1, SQLITE_STATIC);
    if (!step_done (store, stmt, error))
      return FALSE;
  }
  return TRUE;
}

gboolean
_crm_setup_migrate_006 (CrmStore  *store,
                        GError   **error)
{
  g_autofree char *home = crm_store_dup_home_currency (store);

  for (guint i = 0; money_modules[i] != NULL; i++)
    if (!add_currency_fields (store, money_modules[i], home, error))
      return FALSE;
  return TRUE;
}

/*
 * Rates
 */

gboolean
crm_exchange_rate_parse (const char  *text,
                         gint64      *rate,
                         GError     **error)
{
  g_autoptr(GError) local = NULL;
  gint64 value = 0;

  g_return_val_if_fail (rate != NULL, FALSE);

  if (text == NULL || !crm_decimal_parse (text, 6, &value, &local))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("Exchange rate: “%s” is not a number with at most six decimals"), text ? text : "");
      return FALSE;
    }
  if (value <= 0 || value > MAX_RATE)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("Exchange rate: “%s” must be more than 0 and at most 1,000,000,000"), text);
      return FALSE;
    }
  *rate = value;
  return TRUE;
}

char *
crm_exchange_rate_format (gint64 rate)
{
  /* trims the zeros after the decimal separator */
  return crm_decimal_format (rate, 6);
}

static gboolean
check_rate (gint64    rate,
            GError  **error)
{
  if (rate <= 0 || rate > MAX_RATE)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("Exchange rate: must be more than 0 and at most 1,000,000,000"));
      return FALSE;
    }
  return TRUE;
}

static gint64
gcd64 (gint64 a,
       gint64 b)
{
  while (b != 0)
    {
      gint64 t = a % b;
      a = b;
      b = t;
    }
  return a;
}

gboolean
crm_money_to_home (gint64       amount,
                   const char  *currency,
                   gint64       rate,
                   const char  *home,
                   gint64      *home_amount,
                   GError     **error)
{
  gint64 num = rate;
  gint64 den = CRM_RATE_ONE;
  gint64 product, g;
  int home_digits, digits;

  g_return_val_if_fail (currency != NULL && home != NULL, FALSE);
  g_return_val_if_fail (home_amount != NULL, FALSE);

  if (g_ascii_strcasecmp (currency, home) == 0)
    {
      *home_amount = amount;
      return TRUE;
    }
  if (!check_rate (rate, error))
    return FALSE;

  home_digits = crm_currency_get_digits (home);
  digits = crm_currency_get_digits (currency);
  /* Both scales fit easily (at most three digits each); reducing the
   * fraction first keeps amount × num inside 64 bits for real amounts. */
  for (int i = 0; i < home_digits; i++)
    num *= 10;
  for (int i = 0; i < digits; i++)
    den *= 10;
  g = gcd64 (num, den);
  num /= g;
  den /= g;

  if (__builtin_mul_overflow (amount, num, &product))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The amount is too large to convert to %s"), home);
      return FALSE;
    }
  *home_amount = crm_round_div (product, den);
  return TRUE;
}

/*
 * The currencies table
 */

static gboolean
is_home (CrmStore   *store,
         const char *code)
{
  g_autofree char *home = crm_store_dup_home_currency (store);

  return g_strcmp0 (home, code) == 0;
}

GPtrArray *
crm_currencies_list (CrmStore  *store,
                     GError   **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_currency_rate_free);
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  stmt = crm_store_prepare (store,
                            "SELECT c.code, c.rate, c.active, c.code = k.home_currency FROM currencies c, "
                            "company k WHERE k.id = 1 ORDER BY c.code != k.home_currency, c.code", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmCurrencyRate *rate = g_new0 (CrmCurrencyRate, 1);

      rate->code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rate->rate = sqlite3_column_int64 (stmt, 1);
      rate->active = sqlite3_column_int (stmt, 2) != 0;
      rate->home = sqlite3_column_int (stmt, 3) != 0;
      g_ptr_array_add (out, rate);
    }
  if (rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static gboolean
lookup_currency (CrmStore    *store,
                 const char  *code,
                 gint64      *rate,
                 gboolean    *active,
                 GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (store, "SELECT rate, active FROM currencies WHERE code = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("The currency %s has not been added"), code ? code : "");
      return FALSE;
    }
  if (rate)
    *rate = sqlite3_column_int64 (stmt, 0);
  if (active)
    *active = sqlite3_column_int (stmt, 1) != 0;
  return TRUE;
}

gboolean
crm_currencies_get_rate (CrmStore    *store,
                         const char  *code,
                         gint64      *rate,
                         GError     **error)
{
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (rate != NULL, FALSE);

  if (is_home (store, code))
    {
      *rate = CRM_RATE_ONE;
      return TRUE;
    }
  return lookup_currency (store, code, rate, NULL, error);
}

/* Every money module's currency pick list offers every added currency. */
static gboolean
add_picklist_values (CrmStore    *store,
                     const char  *code,
                     GError     **error)
{
  for (guint i = 0; money_modules[i] != NULL; i++)
    {
      CrmModule *module = crm_store_get_module (store, money_modules[i]);
      CrmField *field = module ? crm_module_get_field (module, "currency") : NULL;

      if (field == NULL || crm_field_get_field_type (field) != CRM_FIELD_PICKLIST ||
          crm_field_has_picklist_value (field, code))
        continue;
      if (!crm_store_add_picklist_value (store, money_modules[i], "currency", code, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
crm_currencies_add (CrmStore    *store,
                    const char  *code,
                    gint64       rate,
                    GError     **error)
{
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  /* Records must get currencies and rates from now on, even when the
   * application forgot crm_setup_attach(). */
  crm_currencies_attach (store);
  if (code == NULL || !crm_currency_is_known (code))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("Currency: “%s” is not an ISO 4217 currency code"), code ? code : "");
      return FALSE;
    }
  if (lookup_currency (store, code, NULL, NULL, NULL))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE, _("The currency %s is already added"), code);
      return FALSE;
    }
  if (!check_rate (rate, error))
    return FALSE;

  if (!crm_store_begin (store, error))
    return FALSE;
  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "INSERT INTO currencies (code, rate, active, modified_at) VALUES (?, ?, 1, ?)", error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, rate);
    sqlite3_bind_int64 (stmt, 3, _crm_store_now ());
    if (!step_done (store, stmt, error))
      goto failed;
  }
  /* Outside the block above: a metadata reload drops cached statements. */
  if (!add_picklist_values (store, code, error))
    goto failed;
  return crm_store_commit (store, error);

failed:
  crm_store_rollback (store);
  return FALSE;
}

gboolean
crm_currencies_set_rate (CrmStore    *store,
                         const char  *code,
                         gint64       rate,
                         GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!lookup_currency (store, code, NULL, NULL, error))
    return FALSE;
  if (is_home (store, code))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_READ_ONLY,
                   _("The home currency’s exchange rate is always 1"));
      return FALSE;
    }
  if (!check_rate (rate, error))
    return FALSE;

  stmt = crm_store_prepare (store, "UPDATE currencies SET rate = ?, modified_at = ? WHERE code = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rate);
  sqlite3_bind_int64 (stmt, 2, _crm_store_now ());
  sqlite3_bind_text (stmt, 3, code, -1, SQLITE_TRANSIENT);
  return step_done (store, stmt, error);
}

gboolean
crm_currencies_set_active (CrmStore    *store,
                           const char  *code,
                           gboolean     active,
                           GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!lookup_currency (store, code, NULL, NULL, error))
    return FALSE;
  if (!active && is_home (store, code))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The home currency cannot be made inactive"));
      return FALSE;
    }
  stmt = crm_store_prepare (store, "UPDATE currencies SET active = ?, modified_at = ? WHERE code = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, active ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, _crm_store_now ());
  sqlite3_bind_text (stmt, 3, code, -1, SQLITE_TRANSIENT);
  return step_done (store, stmt, error);
}

static gboolean
run_text_update (CrmStore    *store,
                 const char  *sql,
                 const char  *a,
                 const char  *b,
                 const char  *c,
                 GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  if (b)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  if (c)
    sqlite3_bind_text (stmt, 3, c, -1, SQLITE_TRANSIENT);
  return step_done (store, stmt, error);
}

gboolean
crm_currencies_set_home (CrmStore    *store,
                         const char  *code,
                         GError     **error)
{
  g_autofree char *old = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (code == NULL || !crm_currency_is_known (code))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("Home currency: “%s” is not an ISO 4217 currency code"), code ? code : "");
      return FALSE;
    }
  old = crm_store_dup_home_currency (store);
  if (g_str_equal (old, code))
    return TRUE;

  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "SELECT count(*) FROM currencies WHERE code != ?", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, old, -1, SQLITE_TRANSIENT);
    if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0)
      {
        g_set_error (error, CRM_ERROR, CRM_ERROR_READ_ONLY,
                     _("The home currency cannot change once other currencies are added"));
        return FALSE;
      }
  }

  if (!crm_store_begin (store, error))
    return FALSE;
  if (!run_text_update (store, "UPDATE company SET home_currency = ?1 WHERE id = 1", code, NULL, NULL, error) ||
      !run_text_update (store, "DELETE FROM currencies WHERE code = ?1", old, NULL, NULL, error) ||
      !run_text_update (store, "INSERT INTO currencies (code, rate, active) VALUES (?1, 1000000, 1)", code, NULL, NULL, error))
    goto failed;

  for (guint i = 0; money_modules[i] != NULL; i++)
    {
      CrmModule *module = crm_store_get_module (store, money_modules[i]);
      g_autofree char *sql = NULL;

      if (module == NULL || !has_currency_fields (module))
        continue;
      sql = g_strdup_printf ("UPDATE \"%s\" SET currency = ?1 WHERE currency = ?2", crm_module_get_table (module));
      if (!run_text_update (store,
                            "UPDATE picklist_values SET value = ?1 WHERE module = ?3 AND field = 'currency' AND value = ?2",
                            code, old, money_modules[i], error) ||
          !run_text_update (store, sql, code, old, NULL, error))
        goto failed;
      if (sqlite3_changes (crm_store_get_db (store)) > 0)
        _crm_store_notify (store, money_modules[i], 0);
    }
  if (!crm_store_reload_metadata (store, error))
    goto failed;
  return crm_store_commit (store, error);

failed:
  crm_store_rollback (store);
  return FALSE;
}

/*
 * Records
 */

char *
crm_currencies_dup_record_currency (CrmStore  *store,
                                    CrmRecord *record)
{
  const char *code = NULL;

  g_return_val_if_fail (CRM_IS_RECORD (record), NULL);

  if (crm_module_get_field (crm_record_get_module (record), "currency") != NULL)
    code = crm_record_get_string (record, "currency");
  if (code != NULL && *code != '\0')
    return g_strdup (code);
  return crm_store_dup_home_currency (store);
}

/* The rate a record converts at: its own, or today's for old rows. */
static gboolean
record_rate (CrmStore    *store,
             const char  *currency,
             GVariant    *stored,
             gint64      *rate,
             GError     **error)
{
  if (stored != NULL && g_variant_is_of_type (stored, G_VARIANT_TYPE_INT64) && g_variant_get_int64 (stored) > 0)
    {
      *rate = g_variant_get_int64 (stored);
      return TRUE;
    }
  return crm_currencies_get_rate (store, currency, rate, error);
}

gboolean
crm_currencies_record_to_home (CrmStore    *store,
                               CrmRecord   *record,
                               const char  *field,
                               gint64      *home_amount,
                               GError     **error)
{
  g_autofree char *currency = NULL;
  g_autofree char *home = NULL;
  CrmModule *module;
  GVariant *rate_value = NULL;
  gint64 rate;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (CRM_IS_RECORD (record), FALSE);
  g_return_val_if_fail (home_amount != NULL, FALSE);

  module = crm_record_get_module (record);
  if (crm_module_get_field (module, field) == NULL ||
      crm_field_get_field_type (crm_module_get_field (module, field)) != CRM_FIELD_CURRENCY)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("%s have no money field “%s”"),
                   crm_module_get_plural (module), field ? field : "");
      return FALSE;
    }

  currency = crm_currencies_dup_record_currency (store, record);
  home = crm_store_dup_home_currency (store);
  if (crm_module_get_field (module, "exchange_rate") != NULL)
    rate_value = crm_record_get_value (record, "exchange_rate");
  if (!record_rate (store, currency, rate_value, &rate, error))
    return FALSE;
  return crm_money_to_home (crm_record_get_int (record, field, 0), currency, rate, home, home_amount, error);
}

char *
crm_currencies_format_amount (CrmStore   *store,
                              CrmRecord  *record,
                              const char *field)
{
  g_autofree char *currency = NULL;
  GVariant *value;

  g_return_val_if_fail (CRM_IS_RECORD (record), NULL);

  value = crm_record_get_value (record, field);
  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return NULL;
  currency = crm_currencies_dup_record_currency (store, record);
  return crm_money_format (g_variant_get_int64 (value), currency);
}

gboolean
crm_currencies_sum_home (CrmStore    *store,
                         CrmQuery    *query,
                         const char  *field,
                         gint64      *total,
                         GError     **error)
{
  CrmModule *module;
  CrmField *money;
  g_autoptr(GPtrArray) params = NULL;
  g_autoptr(GHashTable) rates = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *home = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;
  gboolean multi;
  gint64 sum = 0;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (CRM_IS_QUERY (query), FALSE);
  g_return_val_if_fail (total != NULL, FALSE);

  module = crm_store_get_module (store, crm_query_get_module (query));
  money = module ? crm_module_get_field (module, field) : NULL;
  if (money == NULL || crm_field_get_field_type (money) != CRM_FIELD_CURRENCY)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("%s have no money field “%s”"),
                   module ? crm_module_get_plural (module) : crm_query_get_module (query), field ? field : "");
      return FALSE;
    }

  where = crm_query_build_where (query, store, &params, error);
  if (where == NULL)
    return FALSE;
  multi = has_currency_fields (module);
  sql = g_strdup_printf ("SELECT \"%s\", %s %s AND \"%s\" IS NOT NULL", field,
                         multi ? "currency, exchange_rate" : "NULL, NULL", where, field);
  stmt = crm_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < params->len; i++)
    _crm_bind_variant (stmt, i + 1, g_ptr_array_index (params, i));

  home = crm_store_dup_home_currency (store);
  rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 amount = sqlite3_column_int64 (stmt, 0);
      const char *currency = (const char *) sqlite3_column_text (stmt, 1);
      gint64 rate = sqlite3_column_int64 (stmt, 2);
      gint64 converted;

      if (currency == NULL || *currency == '\0')
        currency = home;
      if (rate <= 0)
        {
          gint64 *cached = g_hash_table_lookup (rates, currency);

          if (cached == NULL)
            {
              cached = g_new (gint64, 1);
              if (!crm_currencies_get_rate (store, currency, cached, error))
                {
                  g_free (cached);
                  return FALSE;
                }
              g_hash_table_insert (rates, g_strdup (currency), cached);
            }
          rate = *cached;
        }
      if (!crm_money_to_home (amount, currency, rate, home, &converted, error))
        return FALSE;
      if (__builtin_add_overflow (sum, converted, &sum))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("The total is too large to compute"));
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return FALSE;
    }
  *total = sum;
  return TRUE;
}

/*
 * The write hook
 */

static gboolean
variant_equal0 (GVariant *a,
                GVariant *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_variant_equal (a, b);
}

static gboolean
currency_hook (CrmStore    *store,
               const char  *action,
               CrmRecord   *before,
               CrmRecord   *after,
               gpointer     user_data,
               GError     **error)
{
  CrmModule *module = crm_record_get_module (after);
  const char *module_name = crm_module_get_api_name (module);
  gboolean create = g_str_equal (action, "create");
  g_autofree char *home = NULL;
  g_autofree char *code = NULL;
  GVariant *old_code, *old_rate, *new_code, *new_rate;
  gboolean code_changed;
  gint64 want_rate;

  if ((!create && !g_str_equal (action, "update")) || !has_currency_fields (module))
    return TRUE;

  new_code = crm_record_get_value (after, "currency");
  new_rate = crm_record_get_value (after, "exchange_rate");
  old_code = before ? crm_record_get_value (before, "currency") : NULL;
  old_rate = before ? crm_record_get_value (before, "exchange_rate") : NULL;
  code_changed = create || !variant_equal0 (old_code, new_code);

  home = crm_store_dup_home_currency (store);
  code = crm_currencies_dup_record_currency (store, after);

  if (g_str_equal (code, home))
    want_rate = CRM_RATE_ONE;
  else
    {
      gboolean active = FALSE;
      gint64 today = 0;

      if (!lookup_currency (store, code, &today, &active, error))
        return FALSE;
      if (code_changed && !active)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("Currency: %s is no longer active; choose another currency"), code);
          return FALSE;
        }
      /* A rate set in the same edit (or given on create) is kept; a new
       * currency otherwise brings its rate of the day. */
      if (new_rate != NULL && (create || !code_changed || !variant_equal0 (old_rate, new_rate)))
        want_rate = g_variant_get_int64 (new_rate);
      else
        want_rate = today;
    }

  if (new_code != NULL && new_rate != NULL &&
      g_str_equal (g_variant_get_string (new_code, NULL), code) &&
      g_variant_get_int64 (new_rate) == want_rate)
    return TRUE;

  {
    g_autofree char *sql = g_strdup_printf ("UPDATE \"%s\" SET currency = ?, exchange_rate = ? WHERE id = ?",
                                            crm_module_get_table (module));
    crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, error);
    g_autoptr(GVariant) code_value = g_variant_ref_sink (g_variant_new_string (code));
    g_autoptr(GVariant) rate_value = g_variant_ref_sink (g_variant_new_int64 (want_rate));
    gint64 id = crm_record_get_id (after);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, want_rate);
    sqlite3_bind_int64 (stmt, 3, id);
    if (!step_done (store, stmt, error))
      return FALSE;

    /* A create is undone as a whole; an edit is undone field by field,
     * so it needs history rows for what the hook changed. */
    if (!create)
      {
        if (!variant_equal0 (new_code, code_value) &&
            !_crm_store_add_history (store, module_name, id, "update", "currency", new_code, code_value, error))
          return FALSE;
        if (!variant_equal0 (new_rate, rate_value) &&
            !_crm_store_add_history (store, module_name, id, "update", "exchange_rate", new_rate, rate_value, error))
          return FALSE;
      }
    crm_record_load_value (after, "currency", code_value);
    crm_record_load_value (after, "exchange_rate", rate_value);
  }
  return TRUE;
}

void
crm_currencies_attach (CrmStore *store)
{
  g_return_if_fail (CRM_IS_STORE (store));

  if (g_object_get_data (G_OBJECT (store), "crm-currencies-hook") != NULL)
    return;
  g_object_set_data (G_OBJECT (store), "crm-currencies-hook", GUINT_TO_POINTER (
    crm_store_add_write_hook (store, NULL, currency_hook, NULL, NULL)));
}
