/* crm-documents-convert.c
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

/* Quote -> sales order or invoice, sales order -> invoice. */

/*
 * Conversions
 */

static gboolean
conversion_allowed (const char *from,
                    const char *to)
{
  return (g_str_equal (from, "quotes") && (g_str_equal (to, "sales_orders") || g_str_equal (to, "invoices"))) ||
         (g_str_equal (from, "sales_orders") && g_str_equal (to, "invoices"));
}

static gboolean
is_state_field (const char *name)
{
  return g_str_equal (name, "status") || g_str_equal (name, "quote_stage");
}

/* The live document this one was already converted into, or 0. */
static gint64
existing_conversion (CrmStore    *store,
                     const char  *from_module,
                     gint64       from_id,
                     CrmModule   *to)
{
  g_autofree char *sql = g_strdup_printf ("SELECT r.to_id FROM relations r JOIN \"%s\" t ON t.id = r.to_id "
                                          "WHERE r.kind = 'converted' AND r.from_module = ? AND r.from_id = ? "
                                          "AND r.to_module = ? AND t.deleted_at IS NULL LIMIT 1",
                                          crm_module_get_table (to));
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, from_module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, from_id);
  sqlite3_bind_text (stmt, 3, crm_module_get_api_name (to), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return 0;
}

/* Inside a change set. */
static gint64
convert_one (CrmStore    *store,
             const char  *from_name,
             gint64       id,
             const char  *to_name,
             GError     **error)
{
  CrmModule *from = crm_store_get_module (store, from_name);
  CrmModule *to = crm_store_get_module (store, to_name);
  g_autoptr(CrmRecord) source = NULL;
  g_autoptr(CrmRecord) target = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = NULL;
  CrmTotals totals = { 0 };
  GPtrArray *fields;
  const char *status;
  gint64 existing;
  gint64 new_id;

  if (from == NULL || to == NULL || !conversion_allowed (from_name, to_name))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A %s cannot be converted to a %s"),
                   from ? crm_module_get_singular (from) : from_name,
                   to ? crm_module_get_singular (to) : to_name);
      return 0;
    }

  source = crm_store_load_record (store, from_name, id, error);
  if (source == NULL)
    return 0;
  title = crm_record_dup_title (source);
  if (crm_record_is_deleted (source))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("“%s” is in the recycle bin; restore it first"), title);
      return 0;
    }
  if (g_str_equal (from_name, "sales_orders") &&
      g_strcmp0 (crm_store_get_picklist_meaning (store, from_name, "status",
                                                 crm_record_get_string (source, "status")), "cancelled") == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” is cancelled and cannot be converted"), title);
      return 0;
    }
  existing = existing_conversion (store, from_name, id, to);
  if (existing != 0)
    {
      g_autofree char *other = crm_store_dup_record_title (store, to_name, existing);
      const char *number_field = crm_documents_get_number_field (to_name);
      g_autoptr(CrmRecord) target_record = crm_store_load_record (store, to_name, existing, NULL);
      const char *number = target_record ? crm_record_get_string (target_record, number_field) : NULL;

      g_set_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE,
                   _("“%s” was already converted to %s %s"),
                   title, crm_module_get_singular (to), number ? number : other);
      return 0;
    }

  /* Copy what both modules have under the same name and type; the new
   * document gets its own number, state, stamps and totals. */
  target = crm_record_new (to);
  fields = crm_module_get_fields (to);
  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      const char *name = crm_field_get_api_name (field);
      CrmField *other = crm_module_get_field (from, name);
      GVariant *value = crm_record_get_value (source, name);

      if (other == NULL || value == NULL ||
          crm_field_get_field_type (other) != crm_field_get_field_type (field) ||
          crm_field_has_flag (field, CRM_FIELD_FLAG_SYSTEM) ||
          crm_field_get_field_type (field) == CRM_FIELD_AUTO_NUMBER ||
          is_state_field (name))
        continue;
      if (crm_field_get_field_type (field) == CRM_FIELD_PICKLIST &&
          !crm_field_has_picklist_value (field, g_variant_get_string (value, NULL)))
        continue;
      crm_record_set_value (target, name, value);
    }

  /* A lookup whose target was deleted since is left out rather than
   * blocking the conversion; a required one still fails below. */
  {
    g_autoptr(GHashTable) invalid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    GHashTableIter iter;
    gpointer key;

    crm_store_validate_record (store, target, invalid, NULL);
    g_hash_table_iter_init (&iter, invalid);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        CrmField *field = crm_module_get_field (to, key);

        if (field != NULL && crm_field_get_field_type (field) == CRM_FIELD_LOOKUP && !crm_field_is_required (field))
          crm_record_set_value (target, key, NULL);
      }
  }

  /* currency and exchange rate came along with the other fields */
  if (!crm_documents_load_totals (store, from_name, id, &totals, NULL, error))
    return 0;
  status = _crm_documents_picklist_value (store, to_name, "status", NULL);
  if (status != NULL)
    crm_record_set_string (target, "status", status);
  today = _crm_documents_today ();
  if (g_str_equal (to_name, "invoices"))
    crm_record_set_string (target, "invoice_date", today);
  if (g_str_equal (to_name, "sales_orders"))
    crm_record_set_int (target, "quote_name", id);
  if (g_str_equal (to_name, "invoices") && g_str_equal (from_name, "sales_orders"))
    crm_record_set_int (target, "sales_order", id);

  if (!crm_store_save_record (store, target, error))
    {
      g_prefix_error (error, "“%s”: ", title);
      return 0;
    }
  new_id = crm_record_get_id (target);

  lines = crm_documents_load_lines (store, from_name, id, error);
  if (lines == NULL)
    return 0;
  for (guint i = 0; i < lines->len; i++)
    ((CrmDocLine *) g_ptr_array_index (lines, i))->id = 0;
  if (!crm_documents_save_lines (store, to_name, new_id, lines, &totals, error))
    {
      g_prefix_error (error, "“%s”: ", title);
      return 0;
    }

  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "INSERT OR IGNORE INTO relations (kind, from_module, from_id, to_module, to_id) "
                                "VALUES ('converted', ?, ?, ?, ?)", error);
    if (stmt == NULL)
      return 0;
    sqlite3_bind_text (stmt, 1, from_name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, id);
    sqlite3_bind_text (stmt, 3, to_name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 4, new_id);
    if (!_crm_documents_step_done (store, stmt, error))
      return 0;
  }

  if (g_str_equal (from_name, "sales_orders") && g_str_equal (to_name, "invoices"))
    {
      const char *delivered = _crm_documents_picklist_value (store, from_name, "status", "delivered");

      if (delivered != NULL && g_strcmp0 (crm_record_get_string (source, "status"), delivered) != 0)
        {
          crm_record_set_string (source, "status", delivered);
          if (!crm_store_save_record (store, source, error))
            {
              g_prefix_error (error, "“%s”: ", title);
              return 0;
            }
        }
    }

  _crm_store_notify (store, from_name, id);
  return new_id;
}

gint64
crm_documents_convert (CrmStore    *store,
                       const char  *module,
                       gint64       id,
                       const char  *to_module,
                       GError     **error)
{
  g_autoptr(GArray) ids = crm_documents_mass_convert (store, module, &id, 1, to_module, error);

  return ids ? g_array_index (ids, gint64, 0) : 0;
}

GArray *
crm_documents_mass_convert (CrmStore      *store,
                            const char    *module,
                            const gint64  *ids,
                            guint          n_ids,
                            const char    *to_module,
                            GError       **error)
{
  g_autoptr(GArray) result = NULL;
  g_autofree char *description = NULL;
  CrmModule *from;
  CrmModule *to;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  from = crm_store_get_module (store, module);
  to = crm_store_get_module (store, to_module);
  if (from == NULL || to == NULL || !conversion_allowed (module, to_module))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A %s cannot be converted to a %s"),
                   from ? crm_module_get_singular (from) : module ? module : "",
                   to ? crm_module_get_singular (to) : to_module ? to_module : "");
      return NULL;
    }

  if (n_ids == 1)
    {
      g_autofree char *title = crm_store_dup_record_title (store, module, ids[0]);
      /* Translators: an Undo description, e.g. "Convert “Office chairs” to Invoice" */
      description = g_strdup_printf (_("Convert “%s” to %s"), title ? title : "", crm_module_get_singular (to));
    }
  else
    description = g_strdup_printf (ngettext ("Convert %u record to %s", "Convert %u records to %s", n_ids),
                                   n_ids, crm_module_get_plural (to));

  result = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  if (crm_store_begin_change (store, "convert_document", to_module, description, error) == 0)
    return NULL;
  for (guint i = 0; i < n_ids; i++)
    {
      gint64 new_id = convert_one (store, module, ids[i], to_module, error);

      if (new_id == 0)
        {
          crm_store_abort_change (store);
          return NULL;
        }
      g_array_append_val (result, new_id);
    }
  if (!crm_store_end_change (store, error))
    return NULL;
  return g_steal_pointer (&result);
}

GArray *
crm_documents_list_conversions (CrmStore    *store,
                                const char  *module,
                                gint64       id)
{
  GArray *links = g_array_new (FALSE, FALSE, sizeof (CrmDocLink));
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), links);

  stmt = crm_store_prepare (store,
                            "SELECT from_module, from_id, 1 FROM relations "
                            "WHERE kind = 'converted' AND to_module = ?1 AND to_id = ?2 "
                            "UNION ALL "
                            "SELECT to_module, to_id, 0 FROM relations "
                            "WHERE kind = 'converted' AND from_module = ?1 AND from_id = ?2 "
                            "ORDER BY 3 DESC, 1, 2", NULL);
  if (stmt == NULL)
    return links;
  sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CrmDocLink link = {
        g_intern_string ((const char *) sqlite3_column_text (stmt, 0)),
        sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int (stmt, 2) != 0,
      };
      g_array_append_val (links, link);
    }
  return links;
}
