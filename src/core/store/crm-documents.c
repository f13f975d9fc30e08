/* crm-documents.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-documents"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "crm-documents.h"
#include "crm-pricing.h"
#include "crm-documents-private.h"
#include "crm-store-private.h"

/* Line items, totals, stock counters and conversions of sales documents.
 *
 * Undo: a save of lines writes one history row with the action "lines"
 * whose old value is the previous lines as JSON (undo_lines() puts them
 * back), plus ordinary "update" rows for the totals columns. Stock is not
 * in history at all: every write to a document ends in _crm_documents_reconcile_stock(),
 * which moves the product counters by the difference between what the
 * document's state asks for and what stock_effects says it applied. So an
 * undo that restores a status or lines converges on the right counters. */

static const struct {
  const char *module;
  const char *number_field;
} documents[] = {
  { "quotes", "quote_number" },
  { "sales_orders", "so_number" },
  { "purchase_orders", "po_number" },
  { "invoices", "invoice_number" },
};

static const char * const totals_columns[] = {
  "sub_total", "discount", "tax", "adjustment", "grand_total", "discount_kind", "discount_value",
};

G_DEFINE_BOXED_TYPE (CrmDocLine, crm_doc_line, crm_doc_line_copy, crm_doc_line_free)

CrmDocLine *
crm_doc_line_new (void)
{
  CrmDocLine *line = g_new0 (CrmDocLine, 1);

  line->name = g_strdup ("");
  line->description = g_strdup ("");
  line->item.quantity = 1000;
  return line;
}

CrmDocLine *
crm_doc_line_copy (const CrmDocLine *line)
{
  CrmDocLine *copy;

  g_return_val_if_fail (line != NULL, NULL);

  copy = g_memdup2 (line, sizeof *line);
  copy->name = g_strdup (line->name ? line->name : "");
  copy->description = g_strdup (line->description ? line->description : "");
  return copy;
}

void
crm_doc_line_free (CrmDocLine *line)
{
  if (line == NULL)
    return;
  g_free (line->name);
  g_free (line->description);
  g_free (line);
}

gboolean
crm_documents_is_document (const char *module)
{
  return crm_documents_get_number_field (module) != NULL;
}

const char *
crm_documents_get_number_field (const char *module)
{
  for (guint i = 0; module != NULL && i < G_N_ELEMENTS (documents); i++)
    if (g_str_equal (documents[i].module, module))
      return documents[i].number_field;
  return NULL;
}

const char *
crm_documents_lookup_module (const char *name)
{
  static const struct { const char *alias; const char *module; } aliases[] = {
    { "quote", "quotes" },
    { "sales_order", "sales_orders" }, { "sales-order", "sales_orders" }, { "sales-orders", "sales_orders" },
    { "purchase_order", "purchase_orders" }, { "purchase-order", "purchase_orders" },
    { "purchase-orders", "purchase_orders" },
    { "invoice", "invoices" },
  };

  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    if (g_ascii_strcasecmp (documents[i].module, name) == 0)
      return documents[i].module;
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (aliases[i].alias, name) == 0)
      return aliases[i].module;
  return NULL;
}

gint64
crm_documents_find_by_number (CrmStore   *store,
                              const char *module_name,
                              const char *number)
{
  CrmModule *module = crm_store_get_module (store, module_name);
  const char *field = crm_documents_get_number_field (module_name);
  g_autofree char *sql = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), 0);

  if (module == NULL || field == NULL || number == NULL)
    return 0;
  sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = ? COLLATE NOCASE AND deleted_at IS NULL",
                         crm_module_get_table (module), field);
  stmt = crm_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/*
 * Helpers
 */

gboolean
_crm_documents_step_done (CrmStore      *store,
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

static GVariant *
int_value (gint64 value)
{
  return g_variant_ref_sink (g_variant_new_int64 (value));
}

/* The document's module, or NULL with an error. *deleted (optional) tells
 * whether it is in the recycle bin. */
CrmModule *
_crm_documents_require (CrmStore    *store,
                        const char  *module_name,
                        gint64       id,
                        gboolean    *deleted,
                        GError     **error)
{
  CrmModule *module = crm_store_get_module (store, module_name);
  g_autofree char *sql = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;

  if (module == NULL || !crm_documents_is_document (module_name))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("“%s” is not a module with line items"), module_name ? module_name : "");
      return NULL;
    }

  sql = g_strdup_printf ("SELECT deleted_at FROM \"%s\" WHERE id = ?", crm_module_get_table (module));
  stmt = crm_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("%s #%" G_GINT64_FORMAT " does not exist"), crm_module_get_singular (module), id);
      return NULL;
    }
  if (deleted)
    *deleted = sqlite3_column_type (stmt, 0) != SQLITE_NULL;
  return module;
}

static gboolean
row_exists (CrmStore   *store,
            const char *sql,
            gint64      id)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

char *
_crm_documents_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The first value of a picklist with the given meaning (NULL: the first
 * value with no meaning, i.e. an open state such as "Created"). */
const char *
_crm_documents_picklist_value (CrmStore   *store,
                               const char *module_name,
                               const char *field_name,
                               const char *meaning)
{
  CrmModule *module = crm_store_get_module (store, module_name);
  CrmField *field = module ? crm_module_get_field (module, field_name) : NULL;
  GPtrArray *values = field ? crm_field_get_picklist (field) : NULL;

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);

      if (g_strcmp0 (crm_store_get_picklist_meaning (store, module_name, field_name, value), meaning) == 0)
        return value;
    }
  return NULL;
}

/*
 * Lines: load, JSON, write
 */

GPtrArray *
crm_documents_load_lines (CrmStore    *store,
                          const char  *module,
                          gint64       id,
                          GError     **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  if (_crm_documents_require (store, module, id, NULL, error) == NULL)
    return NULL;

  stmt = crm_store_prepare (store,
                            "SELECT id, product_id, price_book_id, tax_rate_id, name, description, "
                            "quantity, list_price, discount_kind, discount, tax_rate, "
                            "amount, discount_amount, net, tax, total "
                            "FROM line_items WHERE module = ? AND record_id = ? ORDER BY position, id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_doc_line_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CrmDocLine *line = g_new0 (CrmDocLine, 1);

      line->id = sqlite3_column_int64 (stmt, 0);
      line->product_id = sqlite3_column_int64 (stmt, 1);
      line->price_book_id = sqlite3_column_int64 (stmt, 2);
      line->tax_rate_id = sqlite3_column_int64 (stmt, 3);
      line->name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      line->description = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      line->item.quantity = sqlite3_column_int64 (stmt, 6);
      line->item.list_price = sqlite3_column_int64 (stmt, 7);
      line->item.discount_kind = sqlite3_column_int (stmt, 8);
      line->item.discount = sqlite3_column_int64 (stmt, 9);
      line->item.tax_rate = sqlite3_column_int (stmt, 10);
      line->item.amount = sqlite3_column_int64 (stmt, 11);
      line->item.discount_amount = sqlite3_column_int64 (stmt, 12);
      line->item.net = sqlite3_column_int64 (stmt, 13);
      line->item.tax = sqlite3_column_int64 (stmt, 14);
      line->item.total = sqlite3_column_int64 (stmt, 15);
      g_ptr_array_add (lines, line);
    }
  return g_steal_pointer (&lines);
}

/* Inputs only: results follow from them. */
static char *
lines_to_json (GPtrArray *lines)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < lines->len; i++)
    {
      CrmDocLine *line = g_ptr_array_index (lines, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "product_id");
      json_builder_add_int_value (builder, line->product_id);
      json_builder_set_member_name (builder, "price_book_id");
      json_builder_add_int_value (builder, line->price_book_id);
      json_builder_set_member_name (builder, "tax_rate_id");
      json_builder_add_int_value (builder, line->tax_rate_id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, line->name ? line->name : "");
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, line->description ? line->description : "");
      json_builder_set_member_name (builder, "quantity");
      json_builder_add_int_value (builder, line->item.quantity);
      json_builder_set_member_name (builder, "list_price");
      json_builder_add_int_value (builder, line->item.list_price);
      json_builder_set_member_name (builder, "discount_kind");
      json_builder_add_int_value (builder, line->item.discount_kind);
      json_builder_set_member_name (builder, "discount");
      json_builder_add_int_value (builder, line->item.discount);
      json_builder_set_member_name (builder, "tax_rate");
      json_builder_add_int_value (builder, line->item.tax_rate);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static GPtrArray *
lines_from_json (const char  *text,
                 GError     **error)
{
  g_autoptr(JsonNode) root = json_from_string (text, error);
  g_autoptr(GPtrArray) lines = NULL;
  JsonArray *array;

  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_DATABASE, _("The saved line items are damaged"));
      return NULL;
    }

  array = json_node_get_array (root);
  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_doc_line_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      CrmDocLine *line = g_new0 (CrmDocLine, 1);

      if (o == NULL)
        {
          crm_doc_line_free (line);
          g_set_error (error, CRM_ERROR, CRM_ERROR_DATABASE, _("The saved line items are damaged"));
          return NULL;
        }
      line->product_id = json_object_get_int_member_with_default (o, "product_id", 0);
      line->price_book_id = json_object_get_int_member_with_default (o, "price_book_id", 0);
      line->tax_rate_id = json_object_get_int_member_with_default (o, "tax_rate_id", 0);
      line->name = g_strdup (json_object_get_string_member_with_default (o, "name", ""));
      line->description = g_strdup (json_object_get_string_member_with_default (o, "description", ""));
      line->item.quantity = json_object_get_int_member_with_default (o, "quantity", 0);
      line->item.list_price = json_object_get_int_member_with_default (o, "list_price", 0);
      line->item.discount_kind = json_object_get_int_member_with_default (o, "discount_kind", 0);
      line->item.discount = json_object_get_int_member_with_default (o, "discount", 0);
      line->item.tax_rate = json_object_get_int_member_with_default (o, "tax_rate", 0);
      g_ptr_array_add (lines, line);
    }
  return g_steal_pointer (&lines);
}

/* Lines must have their results computed. Sets each line's id. */
static gboolean
write_lines (CrmStore    *store,
             const char  *module,
             gint64       id,
             GPtrArray   *lines,
             GError     **error)
{
  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "DELETE FROM line_items WHERE module = ? AND record_id = ?", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, id);
    if (!_crm_documents_step_done (store, stmt, error))
      return FALSE;
  }

  for (guint i = 0; i < lines->len; i++)
    {
      CrmDocLine *line = g_ptr_array_index (lines, i);
      crm_autoreset sqlite3_stmt *stmt =
        crm_store_prepare (store,
                           "INSERT INTO line_items (module, record_id, position, product_id, price_book_id, "
                           "tax_rate_id, name, description, quantity, list_price, discount_kind, discount, "
                           "tax_rate, amount, discount_amount, net, tax, total) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_int (stmt, 3, i);
      if (line->product_id)
        sqlite3_bind_int64 (stmt, 4, line->product_id);
      if (line->price_book_id)
        sqlite3_bind_int64 (stmt, 5, line->price_book_id);
      if (line->tax_rate_id)
        sqlite3_bind_int64 (stmt, 6, line->tax_rate_id);
      sqlite3_bind_text (stmt, 7, line->name ? line->name : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, line->description ? line->description : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 9, line->item.quantity);
      sqlite3_bind_int64 (stmt, 10, line->item.list_price);
      sqlite3_bind_int (stmt, 11, line->item.discount_kind);
      sqlite3_bind_int64 (stmt, 12, line->item.discount);
      sqlite3_bind_int (stmt, 13, line->item.tax_rate);
      sqlite3_bind_int64 (stmt, 14, line->item.amount);
      sqlite3_bind_int64 (stmt, 15, line->item.discount_amount);
      sqlite3_bind_int64 (stmt, 16, line->item.net);
      sqlite3_bind_int64 (stmt, 17, line->item.tax);
      sqlite3_bind_int64 (stmt, 18, line->item.total);
      if (!_crm_documents_step_done (store, stmt, error))
        return FALSE;
      line->id = sqlite3_last_insert_rowid (crm_store_get_db (store));
    }
  return TRUE;
}

/*
 * Totals
 */

gboolean
crm_documents_compute (GPtrArray  *lines,
                       CrmTotals  *totals,
                       GError    **error)
{
  g_autofree CrmLineItem *items = NULL;

  g_return_val_if_fail (lines != NULL, FALSE);
  g_return_val_if_fail (totals != NULL, FALSE);

  items = g_new0 (CrmLineItem, MAX (lines->len, 1));
  for (guint i = 0; i < lines->len; i++)
    items[i] = ((CrmDocLine *) g_ptr_array_index (lines, i))->item;

  if (!crm_totals_compute (items, lines->len, totals, error))
    return FALSE;

  for (guint i = 0; i < lines->len; i++)
    ((CrmDocLine *) g_ptr_array_index (lines, i))->item = items[i];
  return TRUE;
}

static gint64
column_int (sqlite3_stmt *stmt,
            int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, column);
}

gboolean
crm_documents_load_totals (CrmStore    *store,
                           const char  *module_name,
                           gint64       id,
                           CrmTotals   *totals,
                           char       **currency,
                           GError     **error)
{
  CrmModule *module;
  g_autofree char *sql = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (totals != NULL, FALSE);

  module = _crm_documents_require (store, module_name, id, NULL, error);
  if (module == NULL)
    return FALSE;

  sql = g_strdup_printf ("SELECT sub_total, discount, tax, adjustment, grand_total, discount_kind, "
                         "discount_value, currency FROM \"%s\" WHERE id = ?", crm_module_get_table (module));
  stmt = crm_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      crm_store_set_sqlite_error (store, error);
      return FALSE;
    }

  memset (totals, 0, sizeof *totals);
  totals->sub_total = column_int (stmt, 0);
  totals->discount_amount = column_int (stmt, 1);
  totals->tax = column_int (stmt, 2);
  totals->adjustment = column_int (stmt, 3);
  totals->grand_total = column_int (stmt, 4);
  totals->discount_kind = (CrmDiscountKind) column_int (stmt, 5);
  totals->discount = column_int (stmt, 6);
  if (currency)
    *currency = sqlite3_column_type (stmt, 7) == SQLITE_NULL
                ? crm_store_dup_home_currency (store)
                : g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  return TRUE;
}

/* Writes the totals columns that changed, each with its history row. */
static gboolean
store_totals (CrmStore         *store,
              CrmModule        *module,
              gint64            id,
              const CrmTotals  *totals,
              GError          **error)
{
  const char *module_name = crm_module_get_api_name (module);
  gint64 values[G_N_ELEMENTS (totals_columns)] = {
    totals->sub_total, totals->discount_amount, totals->tax, totals->adjustment, totals->grand_total,
    totals->discount_kind, totals->discount_kind == CRM_DISCOUNT_NONE ? 0 : totals->discount,
  };
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *select = NULL;
  gboolean changed = FALSE;

  select = g_strdup_printf ("SELECT sub_total, discount, tax, adjustment, grand_total, discount_kind, "
                            "discount_value FROM \"%s\" WHERE id = ?", crm_module_get_table (module));
  {
    crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, select, error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    if (sqlite3_step (stmt) != SQLITE_ROW)
      {
        crm_store_set_sqlite_error (store, error);
        return FALSE;
      }
    for (guint i = 0; i < G_N_ELEMENTS (totals_columns); i++)
      {
        g_autoptr(GVariant) old = NULL;
        g_autoptr(GVariant) now = NULL;

        if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
          {
            if (sqlite3_column_int64 (stmt, i) == values[i])
              continue;
            old = int_value (sqlite3_column_int64 (stmt, i));
          }
        now = int_value (values[i]);
        if (!_crm_store_add_history (store, module_name, id, "update", totals_columns[i], old, now, error))
          return FALSE;
        changed = TRUE;
      }
  }
  if (!changed)
    return TRUE;

  g_string_printf (sql, "UPDATE \"%s\" SET modified_at = ?, modified_by = ?", crm_module_get_table (module));
  for (guint i = 0; i < G_N_ELEMENTS (totals_columns); i++)
    g_string_append_printf (sql, ", \"%s\" = ?", totals_columns[i]);
  g_string_append (sql, " WHERE id = ?");
  {
    crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql->str, error);
    int col = 1;

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, col++, _crm_store_now ());
    sqlite3_bind_int64 (stmt, col++, crm_store_get_current_user (store));
    for (guint i = 0; i < G_N_ELEMENTS (totals_columns); i++)
      sqlite3_bind_int64 (stmt, col++, values[i]);
    sqlite3_bind_int64 (stmt, col, id);
    return _crm_documents_step_done (store, stmt, error);
  }
}

/*
 * Saving lines
 */

static gboolean
validate_lines (CrmStore    *store,
                GPtrArray   *lines,
                GError     **error)
{
  if (lines->len > CRM_DOCUMENTS_MAX_LINES)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("A document can have at most %d lines; this one has %u"),
                   CRM_DOCUMENTS_MAX_LINES, lines->len);
      return FALSE;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      CrmDocLine *line = g_ptr_array_index (lines, i);
      g_autofree char *name = g_strstrip (g_strdup (line->name ? line->name : ""));

      if (*name == '\0')
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("Line %u: choose a product or type a name"), i + 1);
          return FALSE;
        }
      if (line->product_id != 0 && !row_exists (store, "SELECT 1 FROM products WHERE id = ?", line->product_id))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("Line %u: the product no longer exists"), i + 1);
          return FALSE;
        }
      if (line->tax_rate_id != 0 && !row_exists (store, "SELECT 1 FROM tax_rates WHERE id = ?", line->tax_rate_id))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("Line %u: the tax rate no longer exists"), i + 1);
          return FALSE;
        }
      if (line->price_book_id != 0 &&
          !row_exists (store, "SELECT 1 FROM price_books WHERE id = ?", line->price_book_id))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("Line %u: the price book no longer exists"), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
totals_equal (const CrmTotals *a,
              const CrmTotals *b)
{
  return a->sub_total == b->sub_total && a->discount_amount == b->discount_amount &&
         a->tax == b->tax && a->adjustment == b->adjustment && a->grand_total == b->grand_total &&
         a->discount_kind == b->discount_kind &&
         (a->discount_kind == CRM_DISCOUNT_NONE || a->discount == b->discount);
}

/* Inside a change set. @lines are validated and computed, @totals
 * computed. */
static gboolean
write_document (CrmStore         *store,
                CrmModule        *module,
                gint64            id,
                GPtrArray        *lines,
                const CrmTotals  *totals,
                const char       *old_json,
                GError          **error)
{
  const char *module_name = crm_module_get_api_name (module);
  g_autoptr(GVariant) old = g_variant_ref_sink (g_variant_new_string (old_json));
  g_autoptr(GVariant) count = int_value (lines->len);

  if (!write_lines (store, module_name, id, lines, error) ||
      !_crm_store_add_history (store, module_name, id, "lines", "line_items", old, count, error) ||
      !store_totals (store, module, id, totals, error) ||
      !_crm_documents_reconcile_stock (store, module_name, id, error))
    return FALSE;
  _crm_store_notify (store, module_name, id);
  return TRUE;
}

gboolean
crm_documents_save_lines (CrmStore         *store,
                          const char       *module_name,
                          gint64            id,
                          GPtrArray        *lines,
                          const CrmTotals  *totals_in,
                          GError          **error)
{
  CrmModule *module;
  CrmTotals totals = { 0 };
  CrmTotals stored = { 0 };
  g_autoptr(GPtrArray) old_lines = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  g_autofree char *title = NULL;
  gboolean deleted = FALSE;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (lines != NULL, FALSE);
  g_return_val_if_fail (totals_in != NULL, FALSE);

  module = _crm_documents_require (store, module_name, id, &deleted, error);
  if (module == NULL)
    return FALSE;
  if (deleted)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("%s #%" G_GINT64_FORMAT " is in the recycle bin; restore it first"),
                   crm_module_get_singular (module), id);
      return FALSE;
    }

  totals.discount_kind = totals_in->discount_kind;
  totals.discount = totals_in->discount;
  totals.adjustment = totals_in->adjustment;
  if (!validate_lines (store, lines, error) ||
      !crm_documents_compute (lines, &totals, error))
    return FALSE;

  old_lines = crm_documents_load_lines (store, module_name, id, error);
  if (old_lines == NULL || !crm_documents_load_totals (store, module_name, id, &stored, NULL, error))
    return FALSE;
  old_json = lines_to_json (old_lines);
  new_json = lines_to_json (lines);
  if (g_str_equal (old_json, new_json) && totals_equal (&totals, &stored))
    {
      /* nothing changed: no empty Undo step, but give the caller the ids */
      for (guint i = 0; i < lines->len && i < old_lines->len; i++)
        ((CrmDocLine *) g_ptr_array_index (lines, i))->id = ((CrmDocLine *) g_ptr_array_index (old_lines, i))->id;
      return TRUE;
    }

  title = crm_store_dup_record_title (store, module_name, id);
  if (crm_store_begin_change (store, "update", module_name, title, error) == 0)
    return FALSE;
  if (!write_document (store, module, id, lines, &totals, old_json, error))
    {
      crm_store_abort_change (store);
      return FALSE;
    }
  return crm_store_end_change (store, error);
}

/* Undoes a "lines" history row: puts the lines back as they were. The
 * totals columns come back through their own "update" rows. */
static gboolean
undo_lines (CrmStore    *store,
            const char  *module_name,
            gint64       id,
            const char  *field,
            GVariant    *old_value,
            GError     **error)
{
  CrmModule *module = crm_store_get_module (store, module_name);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) current = NULL;
  g_autofree char *current_json = NULL;
  g_autoptr(GVariant) old = NULL;
  g_autoptr(GVariant) count = NULL;
  CrmTotals totals = { 0 };

  if (module == NULL || !crm_documents_is_document (module_name) ||
      old_value == NULL || !g_variant_is_of_type (old_value, G_VARIANT_TYPE_STRING))
    return TRUE;
  current = crm_documents_load_lines (store, module_name, id, NULL);
  if (current == NULL)
    return TRUE;   /* purged since */

  lines = lines_from_json (g_variant_get_string (old_value, NULL), error);
  if (lines == NULL || !crm_documents_compute (lines, &totals, error))
    return FALSE;

  current_json = lines_to_json (current);
  old = g_variant_ref_sink (g_variant_new_string (current_json));
  count = int_value (lines->len);
  if (!write_lines (store, module_name, id, lines, error) ||
      !_crm_store_add_history (store, module_name, id, "lines", "line_items", old, count, error) ||
      !_crm_documents_reconcile_stock (store, module_name, id, error))
    return FALSE;
  _crm_store_notify (store, module_name, id);
  return TRUE;
}

/*
 * Filling lines
 */

void
crm_product_hit_free (CrmProductHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->name);
  g_free (hit->code);
  g_free (hit);
}

GPtrArray *
crm_documents_find_products (CrmStore   *store,
                             const char *text,
                             guint       limit)
{
  GPtrArray *hits = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_product_hit_free);
  g_autofree char *needle = g_strstrip (g_strdup (text ? text : ""));
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), hits);

  /* instr() rather than LIKE: what people type may hold % or _ */
  stmt = crm_store_prepare (store,
                            "SELECT id, product_name, product_code, coalesce(unit_price, 0) FROM products "
                            "WHERE deleted_at IS NULL AND (?1 = '' "
                            "  OR instr(lower(product_name), lower(?1)) > 0 "
                            "  OR instr(lower(coalesce(product_code, '')), lower(?1)) > 0) "
                            "ORDER BY instr(lower(product_name), lower(?1)) != 1, product_name COLLATE NOCASE, id "
                            "LIMIT ?2", NULL);
  if (stmt == NULL)
    return hits;
  sqlite3_bind_text (stmt, 1, needle, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, limit);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CrmProductHit *hit = g_new0 (CrmProductHit, 1);

      hit->id = sqlite3_column_int64 (stmt, 0);
      hit->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      hit->code = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      hit->unit_price = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (hits, hit);
    }
  return hits;
}

gboolean
crm_documents_fill_from_product (CrmStore    *store,
                                 CrmDocLine  *line,
                                 gint64       product_id,
                                 GError     **error)
{
  g_autoptr(CrmRecord) product = NULL;
  gint64 tax_id = 0;
  gint32 rate = 0;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (line != NULL, FALSE);

  product = crm_store_load_record (store, "products", product_id, error);
  if (product == NULL)
    return FALSE;

  if (crm_record_get_int (product, "taxable", 0) != 0)
    {
      g_autoptr(CrmTaxRate) tax = NULL;

      tax_id = crm_tax_rate_get_default (store);
      tax = tax_id ? crm_tax_rate_lookup (store, tax_id) : NULL;
      if (tax != NULL)
        rate = tax->rate;
      else
        tax_id = 0;
    }

  line->product_id = product_id;
  g_free (line->name);
  line->name = g_strdup (crm_record_get_string (product, "product_name"));
  if (line->name == NULL)
    line->name = g_strdup ("");
  g_free (line->description);
  line->description = g_strdup (crm_record_get_string (product, "description"));
  if (line->description == NULL)
    line->description = g_strdup ("");
  line->price_book_id = 0;
  line->item.list_price = MAX (crm_record_get_int (product, "unit_price", 0), 0);
  line->item.discount_kind = CRM_DISCOUNT_NONE;
  line->item.discount = 0;
  line->tax_rate_id = tax_id;
  line->item.tax_rate = rate;
  if (line->item.quantity <= 0)
    line->item.quantity = 1000;
  return TRUE;
}

gboolean
crm_documents_apply_price_book (CrmStore    *store,
                                CrmDocLine  *line,
                                gint64       price_book_id,
                                GError     **error)
{
  gint64 price = 0;
  gint32 discount = 0;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (line != NULL, FALSE);

  if (line->product_id == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Choose a product before a price book"));
      return FALSE;
    }

  if (price_book_id == 0)
    {
      g_autoptr(CrmRecord) product = crm_store_load_record (store, "products", line->product_id, error);

      if (product == NULL)
        return FALSE;
      line->price_book_id = 0;
      line->item.list_price = MAX (crm_record_get_int (product, "unit_price", 0), 0);
      line->item.discount_kind = CRM_DISCOUNT_NONE;
      line->item.discount = 0;
      return TRUE;
    }

  if (!crm_price_book_get_price (store, price_book_id, line->product_id, line->item.quantity,
                                 &price, &discount, error))
    return FALSE;
  line->price_book_id = price_book_id;
  line->item.list_price = price;
  line->item.discount_kind = discount > 0 ? CRM_DISCOUNT_PERCENT : CRM_DISCOUNT_NONE;
  line->item.discount = discount;
  return TRUE;
}

/*
 * Numbering
 */

static CrmField *
auto_number_field (CrmStore   *store,
                   const char *module_name)
{
  CrmModule *module = crm_store_get_module (store, module_name);
  GPtrArray *fields = module ? crm_module_get_fields (module) : NULL;

  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);

      if (crm_field_get_field_type (field) == CRM_FIELD_AUTO_NUMBER)
        return field;
    }
  return NULL;
}

gboolean
crm_documents_set_number_prefix (CrmStore    *store,
                                 const char  *module,
                                 const char  *prefix,
                                 GError     **error)
{
  g_autofree char *key = NULL;
  gsize len;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (auto_number_field (store, module) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("“%s” has no automatic numbers"), module ? module : "");
      return FALSE;
    }

  len = prefix ? strlen (prefix) : 0;
  if (len == 0 || len > 12)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("A number prefix has 1 to 12 characters"));
      return FALSE;
    }
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (prefix[i]) && prefix[i] != '-' && prefix[i] != '_' && prefix[i] != '/')
      {
        g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                     _("The number prefix “%s” may only have letters A–Z, digits, “-”, “_” and “/”"),
                     prefix);
        return FALSE;
      }

  key = g_strdup_printf ("number.%s.prefix", module);
  return crm_store_set_setting (store, key, prefix, error);
}

char *
crm_documents_dup_number_prefix (CrmStore   *store,
                                 const char *module)
{
  g_autofree char *key = NULL;
  char *prefix;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  key = g_strdup_printf ("number.%s.prefix", module);
  prefix = crm_store_get_setting (store, key);
  return prefix ? prefix : g_strdup (_crm_store_default_number_prefix (module));
}

/*
 * Hooks and migration
 */

static gboolean
after_write (CrmStore    *store,
             const char  *action,
             CrmRecord   *before,
             CrmRecord   *after,
             gpointer     user_data,
             GError     **error)
{
  CrmModule *module = crm_record_get_module (after);
  const char *module_name = crm_module_get_api_name (module);
  gint64 id = crm_record_get_id (after);

  /* A new document starts at zero, so that its totals read 0 rather
   * than empty until lines are added. */
  if (g_str_equal (action, "create"))
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE \"%s\" SET "
                                              "sub_total = coalesce(sub_total, 0), discount = coalesce(discount, 0), "
                                              "tax = coalesce(tax, 0), adjustment = coalesce(adjustment, 0), "
                                              "grand_total = coalesce(grand_total, 0), "
                                              "discount_kind = coalesce(discount_kind, 0), "
                                              "discount_value = coalesce(discount_value, 0) WHERE id = ?",
                                              crm_module_get_table (module));
      crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!_crm_documents_step_done (store, stmt, error))
        return FALSE;
    }

  if (g_str_equal (action, "purge"))
    {
      crm_autoreset sqlite3_stmt *stmt =
        crm_store_prepare (store, "DELETE FROM line_items WHERE module = ? AND record_id = ?", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, module_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id);
      if (!_crm_documents_step_done (store, stmt, error))
        return FALSE;
    }

  return _crm_documents_reconcile_stock (store, module_name, id, error);
}

void
_crm_documents_install (CrmStore *store)
{
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    crm_store_add_write_hook (store, documents[i].module, after_write, NULL, NULL);
  _crm_store_add_undo_hook (store, "lines", undo_lines);
  _crm_pricing_install (store);
}

static gboolean
add_field_row (CrmStore      *store,
               const char    *module,
               const char    *api_name,
               const char    *label,
               CrmFieldType   type,
               guint          flags,
               int            max_length,
               GError       **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (store,
                       "INSERT INTO fields (module, api_name, label, type, flags, max_length, scale, section, position) "
                       "SELECT ?1, ?2, ?3, ?4, ?5, ?6, 0, section, position FROM fields "
                       "WHERE module = ?1 AND api_name = 'grand_total'",
                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, api_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, crm_field_type_to_string (type), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, flags);
  sqlite3_bind_int (stmt, 6, max_length);
  return _crm_documents_step_done (store, stmt, error);
}

/* Safe to run again on a database that has the column or its field row
 * already (a schema 2 database whose version was turned back). */
static gboolean
add_column (CrmStore    *store,
            const char  *module,
            const char  *table,
            const char  *column,
            const char  *label,
            GError     **error)
{
  gboolean has_column = FALSE;
  gboolean has_field = FALSE;

  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, column, -1, SQLITE_TRANSIENT);
    has_column = sqlite3_step (stmt) == SQLITE_ROW;
  }
  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "SELECT 1 FROM fields WHERE module = ? AND api_name = ?", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, column, -1, SQLITE_TRANSIENT);
    has_field = sqlite3_step (stmt) == SQLITE_ROW;
  }

  if (!has_column)
    {
      g_autofree char *alter = g_strdup_printf ("ALTER TABLE \"%s\" ADD COLUMN \"%s\" INTEGER", table, column);
      if (!crm_store_exec (store, alter, error))
        return FALSE;
    }
  if (!has_field &&
      !add_field_row (store, module, column, label, CRM_FIELD_INTEGER,
                      CRM_FIELD_FLAG_SYSTEM | CRM_FIELD_FLAG_HIDDEN, 0, error))
    return FALSE;
  return TRUE;
}

/* The columns of schema 2 on the document tables, with their field rows
 * (labels in the language the database is created in, like the rest of
 * the metadata), and the meanings of the pricing models. The document's
 * currency is the `currency` field schema 6 gives every money module. */
gboolean
_crm_documents_migrate_002 (CrmStore  *store,
                            GError   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      const char *module = documents[i].module;
      g_autofree char *table = NULL;

      {
        crm_autoreset sqlite3_stmt *stmt =
          crm_store_prepare (store, "SELECT table_name FROM modules WHERE api_name = ?", error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
        if (sqlite3_step (stmt) != SQLITE_ROW)
          continue;
        table = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      }

      if (!add_column (store, module, table, "discount_kind", _("Discount Kind"), error) ||
          !add_column (store, module, table, "discount_value", _("Discount Value"), error))
        return FALSE;
    }

  /* Labels are stored translated, so the models are told apart by their
   * seeded position. */
  return crm_store_exec (store,
                         "UPDATE picklist_values SET meaning = 'flat' "
                         "WHERE module = 'price_books' AND field = 'pricing_model' AND position = 0 AND meaning IS NULL;"
                         "UPDATE picklist_values SET meaning = 'differential' "
                         "WHERE module = 'price_books' AND field = 'pricing_model' AND position = 1 AND meaning IS NULL;",
                         error);
}
