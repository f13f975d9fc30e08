/* crm-store-records.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-store-records"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-line-items.h"
#include "crm-money.h"
#include "crm-store-private.h"

/* Record reads and writes. Every write runs inside a change set, records
 * its history rows and keeps the search index current in the same
 * transaction, so a failure leaves nothing behind. */

static gboolean
is_stamp_column (const char *name)
{
  return g_str_equal (name, "created_at") || g_str_equal (name, "modified_at") ||
         g_str_equal (name, "created_by") || g_str_equal (name, "modified_by") ||
         g_str_equal (name, "deleted_at") || g_str_equal (name, "import_batch");
}

static CrmModule *
require_module (CrmStore    *self,
                const char  *name,
                GError     **error)
{
  CrmModule *module = crm_store_get_module (self, name);

  if (module == NULL)
    g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"), name ? name : "");
  return module;
}

static char *
select_sql (CrmModule  *module,
            const char *where)
{
  GString *sql = g_string_new ("SELECT id");
  GPtrArray *fields = crm_module_get_fields (module);

  for (guint i = 0; i < fields->len; i++)
    g_string_append_printf (sql, ", \"%s\"", crm_field_get_api_name (g_ptr_array_index (fields, i)));
  g_string_append_printf (sql, " FROM \"%s\" %s", crm_module_get_table (module), where);
  return g_string_free (sql, FALSE);
}

static CrmRecord *
record_from_row (CrmModule    *module,
                 sqlite3_stmt *stmt)
{
  GPtrArray *fields = crm_module_get_fields (module);
  CrmRecord *record = crm_record_new (module);

  crm_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < fields->len; i++)
    {
      GVariant *value = _crm_column_variant (stmt, i + 1);

      if (value != NULL)
        crm_record_load_value (record, crm_field_get_api_name (g_ptr_array_index (fields, i)), value);
    }
  return record;
}

CrmRecord *
crm_store_load_record (CrmStore    *self,
                       const char  *module_name,
                       gint64       id,
                       GError     **error)
{
  CrmModule *module = require_module (self, module_name, error);
  g_autofree char *sql = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  if (module == NULL)
    return NULL;

  sql = select_sql (module, "WHERE id = ?");
  stmt = crm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return record_from_row (module, stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("%s #%" G_GINT64_FORMAT " does not exist"),
                 crm_module_get_singular (module), id);
  else
    crm_store_set_sqlite_error (self, error);
  return NULL;
}

/**
 * crm_store_load_records:
 *
 * Loads the records with the given ids, in any order, as one query.
 * Returns an array of CrmRecord; missing ids are left out.
 */
GPtrArray *
crm_store_load_records (CrmStore      *self,
                        const char    *module_name,
                        const gint64  *ids,
                        guint          n_ids,
                        GError       **error)
{
  CrmModule *module = require_module (self, module_name, error);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) where = NULL;
  g_autofree char *sql = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  if (module == NULL)
    return NULL;
  if (n_ids == 0)
    return g_steal_pointer (&out);

  /* One statement shape per page size keeps the statement cache small:
   * callers ask for fixed-size pages. */
  where = g_string_new ("WHERE id IN (?");
  for (guint i = 1; i < n_ids; i++)
    g_string_append (where, ",?");
  g_string_append (where, ")");

  sql = select_sql (module, where->str);
  stmt = crm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_ids; i++)
    sqlite3_bind_int64 (stmt, i + 1, ids[i]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, record_from_row (module, stmt));
  if (rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

gint64
crm_store_count_records (CrmStore    *self,
                         const char  *module_name,
                         GError     **error)
{
  CrmModule *module = require_module (self, module_name, error);
  g_autofree char *sql = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;

  if (module == NULL)
    return -1;
  sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE deleted_at IS NULL", crm_module_get_table (module));
  stmt = crm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      crm_store_set_sqlite_error (self, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

static char *
title_sql_expression (CrmModule *module)
{
  const char * const *fields = crm_module_get_title_fields (module);
  GString *expr = g_string_new (NULL);

  if (fields[0] == NULL)
    {
      g_string_append (expr, "CAST(id AS TEXT)");
      return g_string_free (expr, FALSE);
    }
  if (fields[1] == NULL)
    {
      g_string_append_printf (expr, "\"%s\"", fields[0]);
      return g_string_free (expr, FALSE);
    }
  g_string_append (expr, "trim(");
  for (guint i = 0; fields[i]; i++)
    g_string_append_printf (expr, "%scoalesce(\"%s\", '')", i ? " || ' ' || " : "", fields[i]);
  g_string_append (expr, ")");
  return g_string_free (expr, FALSE);
}

char *
crm_store_dup_record_title (CrmStore   *self,
                            const char *module_name,
                            gint64      id)
{
  CrmModule *module = crm_store_get_module (self, module_name);
  g_autofree char *expr = NULL;
  g_autofree char *sql = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;

  if (module == NULL)
    return NULL;
  expr = title_sql_expression (module);
  sql = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE id = ?", expr, crm_module_get_table (module));
  stmt = crm_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return NULL;
}

static gboolean
record_exists (CrmStore   *self,
               CrmModule  *module,
               gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ? AND deleted_at IS NULL",
                                          crm_module_get_table (module));
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
user_exists (CrmStore *self,
             gint64    id)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (self, "SELECT 1 FROM users WHERE id = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
all_digits (const char *s)
{
  if (s == NULL || *s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

gboolean
crm_store_parse_value (CrmStore    *self,
                       CrmField    *field,
                       const char  *text,
                       GVariant   **value,
                       GError     **error)
{
  CrmFieldType type = crm_field_get_field_type (field);
  g_autofree char *stripped = NULL;
  g_autofree char *home = NULL;

  *value = NULL;
  if (text == NULL)
    return TRUE;
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return TRUE;

  if (type == CRM_FIELD_OWNER && !all_digits (stripped))
    {
      crm_autoreset sqlite3_stmt *stmt =
        crm_store_prepare (self, "SELECT id FROM users WHERE name = ? COLLATE NOCASE ORDER BY active DESC, id LIMIT 1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("%s: there is no user named “%s”"),
                       crm_field_get_label (field), stripped);
          return FALSE;
        }
      *value = g_variant_ref_sink (g_variant_new_int64 (sqlite3_column_int64 (stmt, 0)));
      return TRUE;
    }

  if (type == CRM_FIELD_LOOKUP)
    {
      CrmModule *target = crm_store_get_module (self, crm_field_get_lookup_module (field));
      g_autofree char *expr = NULL;
      g_autofree char *sql = NULL;
      crm_autoreset sqlite3_stmt *stmt = NULL;
      const char *needle = stripped;

      if (target == NULL)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("%s: the module it looks up is gone"),
                       crm_field_get_label (field));
          return FALSE;
        }
      /* "#42" or "42" is an id; anything else is a record's name. */
      if (needle[0] == '#' && all_digits (needle + 1))
        needle++;
      if (all_digits (needle))
        {
          gint64 id = g_ascii_strtoll (needle, NULL, 10);
          if (record_exists (self, target, id))
            {
              *value = g_variant_ref_sink (g_variant_new_int64 (id));
              return TRUE;
            }
        }
      expr = title_sql_expression (target);
      sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE %s = ? COLLATE NOCASE AND deleted_at IS NULL "
                             "ORDER BY id LIMIT 1", crm_module_get_table (target), expr);
      stmt = crm_store_prepare (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("%s: there is no %s named “%s”"),
                       crm_field_get_label (field), crm_module_get_singular (target), stripped);
          return FALSE;
        }
      *value = g_variant_ref_sink (g_variant_new_int64 (sqlite3_column_int64 (stmt, 0)));
      return TRUE;
    }

  home = crm_store_dup_home_currency (self);
  return crm_field_parse (field, stripped, home, value, error);
}

char *
crm_store_format_value (CrmStore  *self,
                        CrmField  *field,
                        GVariant  *value)
{
  g_autofree char *home = NULL;

  if (value == NULL)
    return NULL;

  switch (crm_field_get_field_type (field))
    {
    case CRM_FIELD_OWNER:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        return crm_store_dup_user_name (self, g_variant_get_int64 (value));
      break;
    case CRM_FIELD_LOOKUP:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        return crm_store_dup_record_title (self, crm_field_get_lookup_module (field), g_variant_get_int64 (value));
      break;
    case CRM_FIELD_CURRENCY:
      home = crm_store_dup_home_currency (self);
      return crm_field_format_display (field, value, home);
    default:
      break;
    }
  return crm_field_format_display (field, value, NULL);
}

/*
 * Validation
 */

static gboolean
check_unique (CrmStore   *self,
              CrmModule  *module,
              CrmField   *field,
              GVariant   *value,
              gint64      own_id,
              GError    **error)
{
  g_autofree char *sql = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;
  gboolean text = crm_field_get_storage (field) == CRM_STORAGE_TEXT;

  sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = ?%s AND id != ? AND deleted_at IS NULL LIMIT 1",
                         crm_module_get_table (module), crm_field_get_api_name (field),
                         text ? " COLLATE NOCASE" : "");
  stmt = crm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  _crm_bind_variant (stmt, 1, value);
  sqlite3_bind_int64 (stmt, 2, own_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *shown = crm_field_format_plain (field, value);
      g_set_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE,
                   _("%s: “%s” is already used by %s #%" G_GINT64_FORMAT),
                   crm_field_get_label (field), shown, crm_module_get_singular (module),
                   (gint64) sqlite3_column_int64 (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_field (CrmStore   *self,
                CrmRecord  *record,
                CrmField   *field,
                GError    **error)
{
  CrmModule *module = crm_record_get_module (record);
  GVariant *value = crm_record_get_value (record, crm_field_get_api_name (field));

  if (!crm_field_validate (field, value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;

  switch (crm_field_get_field_type (field))
    {
    case CRM_FIELD_LOOKUP:
      {
        CrmModule *target = crm_store_get_module (self, crm_field_get_lookup_module (field));
        if (target == NULL || !record_exists (self, target, g_variant_get_int64 (value)))
          {
            g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                         _("%s: the %s it refers to does not exist or was deleted"),
                         crm_field_get_label (field),
                         target ? crm_module_get_singular (target) : _("record"));
            return FALSE;
          }
        break;
      }
    case CRM_FIELD_OWNER:
      if (!user_exists (self, g_variant_get_int64 (value)))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("%s: there is no such user"),
                       crm_field_get_label (field));
          return FALSE;
        }
      break;
    default:
      break;
    }

  if (crm_field_has_flag (field, CRM_FIELD_FLAG_UNIQUE) &&
      !check_unique (self, module, field, value, crm_record_get_id (record), error))
    return FALSE;

  return TRUE;
}

gboolean
crm_store_validate_record (CrmStore    *self,
                           CrmRecord   *record,
                           GHashTable  *errors,
                           GError     **error)
{
  CrmModule *module = crm_record_get_module (record);
  GPtrArray *fields = crm_module_get_fields (module);
  gboolean is_new = crm_record_get_id (record) == 0;
  GError *first = NULL;

  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      const char *name = crm_field_get_api_name (field);
      g_autoptr(GError) local = NULL;

      if (is_stamp_column (name))
        continue;
      /* An edit checks what it changes: an old record with a value that
       * today's rules refuse can still have other fields edited. */
      if (!is_new && !crm_record_is_field_dirty (record, name))
        continue;
      if (crm_field_get_field_type (field) == CRM_FIELD_AUTO_NUMBER &&
          crm_record_get_value (record, name) == NULL)
        continue;

      if (!validate_field (self, record, field, &local))
        {
          if (errors != NULL)
            g_hash_table_insert (errors, g_strdup (name), g_strdup (local->message));
          if (first == NULL)
            first = g_steal_pointer (&local);
          if (errors == NULL)
            break;
        }
    }

  if (first != NULL)
    {
      g_propagate_error (error, first);
      return FALSE;
    }
  return TRUE;
}

/*
 * Derived values
 */

static void
apply_derived_fields (CrmStore  *self,
                      CrmRecord *record,
                      CrmRecord *old)
{
  CrmModule *module = crm_record_get_module (record);

  if (g_str_equal (crm_module_get_api_name (module), "deals"))
    {
      const char *stage = crm_record_get_string (record, "stage");
      gboolean stage_changed = old == NULL || g_strcmp0 (stage, crm_record_get_string (old, "stage")) != 0;
      gint64 amount, probability;

      /* The stage sets the probability unless the user set it in the same edit. */
      if (stage_changed && stage != NULL && !crm_record_is_field_dirty (record, "probability"))
        {
          int percent = crm_store_get_stage_probability (self, stage);
          if (percent >= 0)
            crm_record_set_int (record, "probability", (gint64) percent * 100);
        }

      amount = crm_record_get_int (record, "amount", -1);
      probability = crm_record_get_int (record, "probability", -1);
      if (amount >= 0 && probability >= 0)
        crm_record_set_int (record, "expected_revenue", crm_round_div (amount * probability, 10000));
      else if (crm_record_get_value (record, "expected_revenue") != NULL)
        crm_record_set_value (record, "expected_revenue", NULL);
    }
}

const char *
_crm_store_default_number_prefix (const char *module)
{
  static const struct { const char *module; const char *prefix; } prefixes[] = {
    { "quotes", "QUO" }, { "sales_orders", "SO" }, { "purchase_orders", "PO" }, { "invoices", "INV" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_equal (prefixes[i].module, module))
      return prefixes[i].prefix;
  return "NO";
}

/* Numbers come from a counter in settings that only ever goes up, inside
 * the insert's transaction: a deleted document's number is never reused. */
static gboolean
assign_auto_numbers (CrmStore   *self,
                     CrmRecord  *record,
                     GError    **error)
{
  CrmModule *module = crm_record_get_module (record);
  GPtrArray *fields = crm_module_get_fields (module);
  const char *name = crm_module_get_api_name (module);

  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      g_autofree char *counter_key = NULL;
      g_autofree char *prefix_key = NULL;
      g_autofree char *counter = NULL;
      g_autofree char *prefix = NULL;
      g_autofree char *next = NULL;
      g_autoptr(GDateTime) now = NULL;
      gint64 n;

      if (crm_field_get_field_type (field) != CRM_FIELD_AUTO_NUMBER ||
          crm_record_get_value (record, crm_field_get_api_name (field)) != NULL)
        continue;

      counter_key = g_strdup_printf ("number.%s.next", name);
      prefix_key = g_strdup_printf ("number.%s.prefix", name);
      counter = crm_store_get_setting (self, counter_key);
      prefix = crm_store_get_setting (self, prefix_key);
      n = counter ? g_ascii_strtoll (counter, NULL, 10) : 1;
      if (n < 1)
        n = 1;
      next = g_strdup_printf ("%" G_GINT64_FORMAT, n + 1);
      if (!crm_store_set_setting (self, counter_key, next, error))
        return FALSE;

      now = g_date_time_new_now_local ();
      crm_record_set_string (record, crm_field_get_api_name (field), NULL);
      {
        g_autofree char *number = g_strdup_printf ("%s-%d-%04" G_GINT64_MODIFIER "d",
                                                   prefix ? prefix : _crm_store_default_number_prefix (name),
                                                   g_date_time_get_year (now), n);
        crm_record_set_string (record, crm_field_get_api_name (field), number);
      }
    }
  return TRUE;
}

/*
 * Writing
 */

static gboolean
insert_record (CrmStore   *self,
               CrmRecord  *record,
               GError    **error)
{
  CrmModule *module = crm_record_get_module (record);
  GPtrArray *fields = crm_module_get_fields (module);
  g_autoptr(GString) cols = g_string_new ("created_at, modified_at, created_by, modified_by, import_batch");
  g_autoptr(GString) vals = g_string_new ("?1, ?1, ?2, ?2, ?3");
  g_autoptr(GPtrArray) bound = g_ptr_array_new ();
  g_autofree char *sql = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;
  gint64 now = _crm_store_now ();
  GVariant *batch = crm_record_get_value (record, "import_batch");

  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      const char *name = crm_field_get_api_name (field);

      if (is_stamp_column (name) || crm_record_get_value (record, name) == NULL)
        continue;
      g_ptr_array_add (bound, (gpointer) name);
      g_string_append_printf (cols, ", \"%s\"", name);
      g_string_append_printf (vals, ", ?%u", bound->len + 3);
    }

  sql = g_strdup_printf ("INSERT INTO \"%s\" (%s) VALUES (%s)", crm_module_get_table (module), cols->str, vals->str);
  stmt = crm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, crm_store_get_current_user (self));
  _crm_bind_variant (stmt, 3, batch);
  for (guint i = 0; i < bound->len; i++)
    _crm_bind_variant (stmt, i + 4, crm_record_get_value (record, g_ptr_array_index (bound, i)));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (self, error);
      return FALSE;
    }

  crm_record_set_id (record, sqlite3_last_insert_rowid (crm_store_get_db (self)));
  crm_record_load_value (record, "created_at", g_variant_new_int64 (now));
  crm_record_load_value (record, "modified_at", g_variant_new_int64 (now));
  crm_record_load_value (record, "created_by", g_variant_new_int64 (crm_store_get_current_user (self)));
  crm_record_load_value (record, "modified_by", g_variant_new_int64 (crm_store_get_current_user (self)));
  return TRUE;
}

static gboolean
update_columns (CrmStore    *self,
                CrmModule   *module,
                gint64       id,
                GPtrArray   *names,
                CrmRecord   *values,
                GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_string_printf (sql, "UPDATE \"%s\" SET modified_at = ?1, modified_by = ?2", crm_module_get_table (module));
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (sql, ", \"%s\" = ?%u", (const char *) g_ptr_array_index (names, i), i + 4);
  g_string_append (sql, " WHERE id = ?3");

  stmt = crm_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, _crm_store_now ());
  sqlite3_bind_int64 (stmt, 2, crm_store_get_current_user (self));
  sqlite3_bind_int64 (stmt, 3, id);
  for (guint i = 0; i < names->len; i++)
    _crm_bind_variant (stmt, i + 4, crm_record_get_value (values, g_ptr_array_index (names, i)));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
reindex (CrmStore   *self,
         CrmModule  *module,
         gint64      id,
         GError    **error)
{
  g_autoptr(CrmRecord) fresh = crm_store_load_record (self, crm_module_get_api_name (module), id, error);

  if (fresh == NULL)
    return FALSE;
  if (crm_record_is_deleted (fresh))
    return _crm_search_remove_record (self, module, id, error);
  return _crm_search_index_record (self, fresh, error);
}

static gboolean
save_new (CrmStore   *self,
          CrmRecord  *record,
          GError    **error)
{
  CrmModule *module = crm_record_get_module (record);
  g_autofree char *title = NULL;

  if (crm_record_get_value (record, "owner_id") == NULL)
    crm_record_set_int (record, "owner_id", crm_store_get_current_user (self));

  apply_derived_fields (self, record, NULL);
  if (!crm_store_validate_record (self, record, NULL, error))
    return FALSE;

  title = crm_record_dup_title (record);
  if (crm_store_begin_change (self, "create", crm_module_get_api_name (module), title, error) == 0)
    return FALSE;

  if (!assign_auto_numbers (self, record, error) ||
      !insert_record (self, record, error) ||
      !_crm_store_add_history (self, crm_module_get_api_name (module), crm_record_get_id (record),
                               "create", NULL, NULL, NULL, error) ||
      !_crm_search_index_record (self, record, error) ||
      !_crm_store_run_write_hooks (self, "create", NULL, record, error))
    {
      crm_store_abort_change (self);
      crm_record_set_id (record, 0);
      return FALSE;
    }

  _crm_store_notify (self, crm_module_get_api_name (module), crm_record_get_id (record));
  if (!crm_store_end_change (self, error))
    {
      crm_record_set_id (record, 0);
      return FALSE;
    }
  crm_record_clear_dirty (record);
  return TRUE;
}

static gboolean
save_existing (CrmStore   *self,
               CrmRecord  *record,
               GError    **error)
{
  CrmModule *module = crm_record_get_module (record);
  const char *module_name = crm_module_get_api_name (module);
  gint64 id = crm_record_get_id (record);
  g_autoptr(CrmRecord) old = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autofree char *title = NULL;
  GPtrArray *dirty;
  gboolean search_dirty = FALSE;

  old = crm_store_load_record (self, module_name, id, error);
  if (old == NULL)
    return FALSE;
  if (crm_record_is_deleted (old))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("%s #%" G_GINT64_FORMAT " is in the recycle bin; restore it first"),
                   crm_module_get_singular (module), id);
      return FALSE;
    }

  dirty = crm_record_get_dirty (record);
  for (guint i = 0; i < dirty->len; i++)
    {
      const char *name = g_ptr_array_index (dirty, i);
      CrmField *field = crm_module_get_field (module, name);

      if (field == NULL)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("%s have no field “%s”"),
                       crm_module_get_plural (module), name);
          return FALSE;
        }
      if (is_stamp_column (name) ||
          crm_field_get_field_type (field) == CRM_FIELD_AUTO_NUMBER ||
          (crm_field_has_flag (field, CRM_FIELD_FLAG_SYSTEM) && !g_str_equal (name, "expected_revenue")))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_READ_ONLY, _("%s is set by CRM and cannot be changed"),
                       crm_field_get_label (field));
          return FALSE;
        }
    }

  apply_derived_fields (self, record, old);
  if (!crm_store_validate_record (self, record, NULL, error))
    return FALSE;

  for (guint i = 0; i < dirty->len; i++)
    {
      const char *name = g_ptr_array_index (dirty, i);
      GVariant *before = crm_record_get_value (old, name);
      GVariant *after = crm_record_get_value (record, name);

      if ((before == NULL && after == NULL) ||
          (before != NULL && after != NULL && g_variant_equal (before, after)))
        continue;
      g_ptr_array_add (changed, (gpointer) name);
      if (crm_field_has_flag (crm_module_get_field (module, name), CRM_FIELD_FLAG_SEARCHABLE) ||
          g_strv_contains (crm_module_get_title_fields (module), name))
        search_dirty = TRUE;
    }

  if (changed->len == 0)
    {
      crm_record_clear_dirty (record);
      return TRUE;
    }

  title = crm_record_dup_title (record);
  if (crm_store_begin_change (self, "update", module_name, title, error) == 0)
    return FALSE;

  if (!update_columns (self, module, id, changed, record, error))
    goto failed;
  for (guint i = 0; i < changed->len; i++)
    {
      const char *name = g_ptr_array_index (changed, i);
      if (!_crm_store_add_history (self, module_name, id, "update", name,
                                   crm_record_get_value (old, name), crm_record_get_value (record, name), error))
        goto failed;
    }
  if (search_dirty && !reindex (self, module, id, error))
    goto failed;
  {
    /* Hooks see the whole stored row, not just what this caller set. */
    g_autoptr(CrmRecord) stored = crm_store_load_record (self, module_name, id, error);
    if (stored == NULL || !_crm_store_run_write_hooks (self, "update", old, stored, error))
      goto failed;
  }

  _crm_store_notify (self, module_name, id);
  if (!crm_store_end_change (self, error))
    return FALSE;
  crm_record_clear_dirty (record);
  return TRUE;

failed:
  crm_store_abort_change (self);
  return FALSE;
}

gboolean
crm_store_save_record (CrmStore   *self,
                       CrmRecord  *record,
                       GError    **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_RECORD (record), FALSE);

  if (crm_store_get_module (self, crm_module_get_api_name (crm_record_get_module (record))) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"),
                   crm_module_get_api_name (crm_record_get_module (record)));
      return FALSE;
    }

  if (crm_record_get_id (record) == 0)
    return save_new (self, record, error);
  return save_existing (self, record, error);
}

/* What inserting imported rows into a module needs, worked out once: one
 * statement shape with every column bound (NULL where the record has no
 * value), so that a large import reuses one prepared statement instead of
 * building SQL for every row. It lives on the module, which is replaced
 * whenever the metadata changes. */
typedef struct
{
  char      *sql;
  GPtrArray *columns;          /* field api names, borrowed from the module */
  gboolean   has_auto_number;
} ImportedInsert;

static void
imported_insert_free (gpointer data)
{
  ImportedInsert *insert = data;

  g_free (insert->sql);
  g_ptr_array_unref (insert->columns);
  g_free (insert);
}

static ImportedInsert *
imported_insert (CrmModule *module)
{
  static const char key[] = "crm-store-imported-insert";
  ImportedInsert *insert = g_object_get_data (G_OBJECT (module), key);
  GPtrArray *fields;
  g_autoptr(GString) cols = NULL;
  g_autoptr(GString) vals = NULL;

  if (insert != NULL)
    return insert;

  insert = g_new0 (ImportedInsert, 1);
  insert->columns = g_ptr_array_new ();
  fields = crm_module_get_fields (module);
  cols = g_string_new ("created_at, modified_at, created_by, modified_by, import_batch");
  vals = g_string_new ("?1, ?1, ?2, ?2, ?3");
  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      const char *name = crm_field_get_api_name (field);

      if (crm_field_get_field_type (field) == CRM_FIELD_AUTO_NUMBER)
        insert->has_auto_number = TRUE;
      if (is_stamp_column (name))
        continue;
      g_ptr_array_add (insert->columns, (gpointer) name);
      g_string_append_printf (cols, ", \"%s\"", name);
      g_string_append_printf (vals, ", ?%u", insert->columns->len + 3);
    }
  insert->sql = g_strdup_printf ("INSERT INTO \"%s\" (%s) VALUES (%s)", crm_module_get_table (module), cols->str, vals->str);
  g_object_set_data_full (G_OBJECT (module), key, insert, imported_insert_free);
  return insert;
}

static gboolean
insert_imported_row (CrmStore       *self,
                     ImportedInsert *insert,
                     CrmRecord      *record,
                     gint64          batch,
                     GError        **error)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (self, insert->sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, _crm_store_now ());
  sqlite3_bind_int64 (stmt, 2, crm_store_get_current_user (self));
  sqlite3_bind_int64 (stmt, 3, batch);
  for (guint i = 0; i < insert->columns->len; i++)
    {
      GVariant *value = crm_record_get_value (record, g_ptr_array_index (insert->columns, i));

      /* The record outlives the step: no copy of its text is needed. */
      if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        sqlite3_bind_text (stmt, i + 4, g_variant_get_string (value, NULL), -1, SQLITE_STATIC);
      else
        _crm_bind_variant (stmt, i + 4, value);
    }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (self, error);
      return FALSE;
    }
  crm_record_set_id (record, sqlite3_last_insert_rowid (crm_store_get_db (self)));
  return TRUE;
}

/**
 * crm_store_insert_imported:
 * @record: a new record (id 0) of a module of this store
 * @errors: (nullable): filled with field api name -> message for every
 *   field that fails validation
 *
 * Inserts a record as part of an import, inside the import's change set
 * (crm_store_begin_change() with action "import"). The record gets the
 * owner default, derived values, validation and auto-numbers of
 * crm_store_save_record(), but no history row and no search entry: it
 * carries import_batch = the change id, which is how undo finds it, and
 * crm_store_finish_import() indexes the whole batch in one statement.
 */
gboolean
crm_store_insert_imported (CrmStore    *self,
                           CrmRecord   *record,
                           GHashTable  *errors,
                           GError     **error)
{
  ImportedInsert *insert;
  gint64 batch;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_RECORD (record), FALSE);
  g_return_val_if_fail (crm_record_get_id (record) == 0, FALSE);
  g_return_val_if_fail (crm_store_get_current_change (self) != 0, FALSE);

  batch = crm_store_get_current_change (self);
  insert = imported_insert (crm_record_get_module (record));
  if (crm_record_get_value (record, "owner_id") == NULL)
    crm_record_set_int (record, "owner_id", crm_store_get_current_user (self));

  apply_derived_fields (self, record, NULL);
  if (!crm_store_validate_record (self, record, errors, error))
    return FALSE;

  if ((insert->has_auto_number && !assign_auto_numbers (self, record, error)) ||
      !insert_imported_row (self, insert, record, batch, error))
    {
      crm_record_set_id (record, 0);
      return FALSE;
    }
  crm_record_clear_dirty (record);
  return TRUE;
}

gboolean
crm_store_set_field (CrmStore    *self,
                     const char  *module,
                     gint64       id,
                     const char  *field,
                     GVariant    *value,
                     GError     **error)
{
  g_autoptr(CrmRecord) record = crm_store_load_record (self, module, id, error);

  if (value != NULL)
    g_variant_ref_sink (value);
  if (record == NULL)
    {
      g_clear_pointer (&value, g_variant_unref);
      return FALSE;
    }
  crm_record_set_value (record, field, value);
  g_clear_pointer (&value, g_variant_unref);
  return crm_store_save_record (self, record, error);
}

static gboolean
set_deleted (CrmStore    *self,
             CrmModule   *module,
             gint64       id,
             gboolean     deleted,
             GError     **error)
{
  g_autofree char *sql = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;

  sql = g_strdup_printf ("UPDATE \"%s\" SET deleted_at = ?, modified_at = ?, modified_by = ? WHERE id = ?",
                         crm_module_get_table (module));
  stmt = crm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (deleted)
    sqlite3_bind_int64 (stmt, 1, _crm_store_now ());
  sqlite3_bind_int64 (stmt, 2, _crm_store_now ());
  sqlite3_bind_int64 (stmt, 3, crm_store_get_current_user (self));
  sqlite3_bind_int64 (stmt, 4, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
change_deleted_state (CrmStore    *self,
                      const char  *module_name,
                      gint64       id,
                      gboolean     deleted,
                      GError     **error)
{
  g_autoptr(CrmRecord) record = crm_store_load_record (self, module_name, id, error);
  CrmModule *module;
  g_autofree char *title = NULL;

  if (record == NULL)
    return FALSE;
  module = crm_record_get_module (record);
  if (crm_record_is_deleted (record) == deleted)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   deleted ? _("%s #%" G_GINT64_FORMAT " is already in the recycle bin")
                           : _("%s #%" G_GINT64_FORMAT " is not in the recycle bin"),
                   crm_module_get_singular (module), id);
      return FALSE;
    }

  title = crm_record_dup_title (record);
  if (crm_store_begin_change (self, deleted ? "delete" : "restore", module_name, title, error) == 0)
    return FALSE;
  if (!set_deleted (self, module, id, deleted, error) ||
      !_crm_store_add_history (self, module_name, id, deleted ? "delete" : "restore", NULL, NULL, NULL, error) ||
      !(deleted ? _crm_search_remove_record (self, module, id, error) : reindex (self, module, id, error)) ||
      !_crm_store_run_write_hooks (self, deleted ? "delete" : "restore", record, record, error))
    {
      crm_store_abort_change (self);
      return FALSE;
    }
  _crm_store_notify (self, module_name, id);
  return crm_store_end_change (self, error);
}

gboolean
crm_store_delete_record (CrmStore    *self,
                         const char  *module,
                         gint64       id,
                         GError     **error)
{
  return change_deleted_state (self, module, id, TRUE, error);
}

gboolean
crm_store_restore_record (CrmStore    *self,
                          const char  *module,
                          gint64       id,
                          GError     **error)
{
  return change_deleted_state (self, module, id, FALSE, error);
}

static gboolean
purge_row (CrmStore    *self,
           CrmModule   *module,
           gint64       id,
           GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE id = ?", crm_module_get_table (module));
  /* for the hooks: what the row held before it went */
  g_autoptr(CrmRecord) last = crm_store_load_record (self, crm_module_get_api_name (module), id, NULL);
  const char *children[] = {
    "DELETE FROM notes WHERE module = ?1 AND record_id = ?2",
    "DELETE FROM attachments WHERE module = ?1 AND record_id = ?2",
    "DELETE FROM relations WHERE (from_module = ?1 AND from_id = ?2) OR (to_module = ?1 AND to_id = ?2)",
  };

  {
    crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (self, sql, error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    if (sqlite3_step (stmt) != SQLITE_DONE)
      {
        crm_store_set_sqlite_error (self, error);
        return FALSE;
      }
  }
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (self, children[i], error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, crm_module_get_api_name (module), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          crm_store_set_sqlite_error (self, error);
          return FALSE;
        }
    }
  return _crm_search_remove_record (self, module, id, error) &&
         (last == NULL || _crm_store_run_write_hooks (self, "purge", last, last, error));
}

gboolean
crm_store_purge_record (CrmStore    *self,
                        const char  *module_name,
                        gint64       id,
                        GError     **error)
{
  g_autoptr(CrmRecord) record = crm_store_load_record (self, module_name, id, error);
  g_autofree char *title = NULL;

  if (record == NULL)
    return FALSE;
  title = crm_record_dup_title (record);
  if (crm_store_begin_change (self, "purge", module_name, title, error) == 0)
    return FALSE;
  if (!purge_row (self, crm_record_get_module (record), id, error) ||
      !_crm_store_add_history (self, module_name, id, "purge", NULL, NULL, NULL, error))
    {
      crm_store_abort_change (self);
      return FALSE;
    }
  _crm_store_notify (self, module_name, id);
  return crm_store_end_change (self, error);
}

gint64
crm_store_purge_deleted (CrmStore    *self,
                         gint64       before,
                         GError     **error)
{
  GPtrArray *modules = crm_store_get_modules (self);
  gint64 total = 0;

  if (crm_store_begin_change (self, "purge", NULL, _("Empty recycle bin"), error) == 0)
    return -1;

  for (guint m = 0; m < modules->len; m++)
    {
      CrmModule *module = g_ptr_array_index (modules, m);
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE deleted_at IS NOT NULL AND deleted_at < ?",
                                              crm_module_get_table (module));
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      {
        crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (self, sql, error);
        if (stmt == NULL)
          goto failed;
        sqlite3_bind_int64 (stmt, 1, before);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          {
            gint64 id = sqlite3_column_int64 (stmt, 0);
            g_array_append_val (ids, id);
          }
      }
      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);
          if (!purge_row (self, module, id, error) ||
              !_crm_store_add_history (self, crm_module_get_api_name (module), id, "purge", NULL, NULL, NULL, error))
            goto failed;
        }
      if (ids->len > 0)
        _crm_store_notify (self, crm_module_get_api_name (module), 0);
      total += ids->len;
    }

  if (!crm_store_end_change (self, error))
    return -1;
  return total;

failed:
  crm_store_abort_change (self);
  return -1;
}

static gboolean
set_note_deleted (CrmStore  *self,
                  gint64     note_id,
                  gboolean   deleted,
                  GError   **error)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (self, "UPDATE notes SET deleted_at = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  if (deleted)
    sqlite3_bind_int64 (stmt, 1, _crm_store_now ());
  sqlite3_bind_int64 (stmt, 2, note_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/*
 * Undo
 */

typedef struct
{
  char     *module;
  gint64    record_id;
  char     *action;
  char     *field;
  GVariant *old_value;
} HistoryRow;

static void
history_row_free (gpointer data)
{
  HistoryRow *row = data;

  g_free (row->module);
  g_free (row->action);
  g_free (row->field);
  g_clear_pointer (&row->old_value, g_variant_unref);
  g_free (row);
}

/* Undo writes rows directly; hooks hear about it as "undo". */
static gboolean
run_undo_hooks (CrmStore   *self,
                CrmRecord  *before,
                GError    **error)
{
  g_autoptr(CrmRecord) after = crm_store_load_record (self, crm_module_get_api_name (crm_record_get_module (before)),
                                                      crm_record_get_id (before), error);

  return after != NULL && _crm_store_run_write_hooks (self, "undo", before, after, error);
}

static gboolean
undo_row (CrmStore    *self,
          HistoryRow  *row,
          GError     **error)
{
  CrmModule *module = crm_store_get_module (self, row->module);

  if (module == NULL)
    return TRUE;   /* the module itself was removed since */

  if (g_str_equal (row->action, "update"))
    {
      g_autoptr(CrmRecord) current = crm_store_load_record (self, row->module, row->record_id, NULL);
      g_autoptr(CrmRecord) values = crm_record_new (module);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      if (current == NULL || crm_module_get_field (module, row->field) == NULL)
        return TRUE;   /* purged since, or the field was deleted: nothing to put back */
      crm_record_load_value (values, row->field, row->old_value ? g_variant_ref (row->old_value) : NULL);
      g_ptr_array_add (names, row->field);
      return update_columns (self, module, row->record_id, names, values, error) &&
             _crm_store_add_history (self, row->module, row->record_id, "update", row->field,
                                     crm_record_get_value (current, row->field), row->old_value, error) &&
             reindex (self, module, row->record_id, error) &&
             run_undo_hooks (self, current, error);
    }
  if (g_str_equal (row->action, "create"))
    {
      g_autoptr(CrmRecord) current = crm_store_load_record (self, row->module, row->record_id, NULL);
      if (current == NULL)
        return TRUE;
      return purge_row (self, module, row->record_id, error) &&
             _crm_store_add_history (self, row->module, row->record_id, "purge", NULL, NULL, NULL, error);
    }
  if (g_str_equal (row->action, "delete") || g_str_equal (row->action, "restore"))
    {
      gboolean deleted = g_str_equal (row->action, "restore");
      g_autoptr(CrmRecord) current = crm_store_load_record (self, row->module, row->record_id, NULL);

      if (current == NULL)
        return TRUE;
      return set_deleted (self, module, row->record_id, deleted, error) &&
             _crm_store_add_history (self, row->module, row->record_id, deleted ? "delete" : "restore",
                                     NULL, NULL, NULL, error) &&
             (deleted ? _crm_search_remove_record (self, module, row->record_id, error)
                      : reindex (self, module, row->record_id, error)) &&
             run_undo_hooks (self, current, error);
    }
  if (g_str_equal (row->action, "note") || g_str_equal (row->action, "note_delete"))
    {
      /* An erased record's history holds no id: nothing to take back. */
      if (row->old_value == NULL || !g_variant_is_of_type (row->old_value, G_VARIANT_TYPE_INT64))
        return TRUE;
      return set_note_deleted (self, g_variant_get_int64 (row->old_value),
                               g_str_equal (row->action, "note"), error);
    }
  if (g_str_equal (row->action, "purge"))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_FAILED,
                   _("Records removed from the recycle bin for good cannot be brought back"));
      return FALSE;
    }
  return _crm_store_run_undo_hook (self, row->action, row->module, row->record_id,
                                   row->field, row->old_value, error);
}

/* An import creates its records without a history row each (that would
 * double a million-row import); they carry the batch id instead. */
static gboolean
undo_import_batch (CrmStore    *self,
                   gint64       change_id,
                   GError     **error)
{
  GPtrArray *modules = crm_store_get_modules (self);

  for (guint m = 0; m < modules->len; m++)
    {
      CrmModule *module = g_ptr_array_index (modules, m);
      g_autofree char *del_index = g_strdup_printf (
          "DELETE FROM search_index WHERE rowid IN (SELECT (%" G_GINT64_FORMAT " << 40) | id FROM \"%s\" WHERE import_batch = ?)",
          crm_module_get_id (module), crm_module_get_table (module));
      g_autofree char *del_rows = g_strdup_printf ("DELETE FROM \"%s\" WHERE import_batch = ?",
                                                   crm_module_get_table (module));
      const char *steps[] = { del_index, del_rows };

      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (self, steps[i], error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, change_id);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            {
              crm_store_set_sqlite_error (self, error);
              return FALSE;
            }
          if (i == 1 && sqlite3_changes (crm_store_get_db (self)) > 0)
            _crm_store_notify (self, crm_module_get_api_name (module), 0);
        }
    }
  return TRUE;
}

gboolean
crm_store_undo_change (CrmStore    *self,
                       gint64       change_id,
                       GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (history_row_free);
  g_autofree char *action = NULL;
  g_autofree char *description = NULL;
  gboolean undone = FALSE;

  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (self, "SELECT action, description, undone FROM changes WHERE id = ?", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, change_id);
    if (sqlite3_step (stmt) != SQLITE_ROW)
      {
        g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is nothing to undo"));
        return FALSE;
      }
    action = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    description = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    undone = sqlite3_column_int (stmt, 2);
  }
  if (undone)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_FAILED, _("This change was already undone"));
      return FALSE;
    }
  if (g_str_equal (action, "convert"))
    {
      /* Notes and activities moved to the new contact; purging it would
       * take them along. Zoho does not undo conversions either. */
      g_set_error (error, CRM_ERROR, CRM_ERROR_FAILED, _("A lead conversion cannot be undone"));
      return FALSE;
    }
  if (g_str_equal (action, "undo"))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_FAILED, _("An undo cannot itself be undone"));
      return FALSE;
    }

  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (self, "SELECT module, record_id, action, field, old_value FROM history "
                               "WHERE change_id = ? ORDER BY id DESC", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, change_id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        HistoryRow *row = g_new0 (HistoryRow, 1);
        GVariant *old = _crm_column_variant (stmt, 4);

        row->module = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        row->record_id = sqlite3_column_int64 (stmt, 1);
        row->action = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        row->field = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
        row->old_value = old ? g_variant_ref_sink (old) : NULL;
        g_ptr_array_add (rows, row);
      }
  }

  if (crm_store_begin_change (self, "undo", NULL, description, error) == 0)
    return FALSE;

  if (g_str_equal (action, "import") && !undo_import_batch (self, change_id, error))
    goto failed;

  for (guint i = 0; i < rows->len; i++)
    {
      HistoryRow *row = g_ptr_array_index (rows, i);
      if (!undo_row (self, row, error))
        goto failed;
      _crm_store_notify (self, row->module, row->record_id);
    }
  if (!_crm_kanban_undo_change (self, change_id, error))
    goto failed;

  {
    crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (self, "UPDATE changes SET undone = 1 WHERE id = ?", error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, change_id);
    if (sqlite3_step (stmt) != SQLITE_DONE)
      {
        crm_store_set_sqlite_error (self, error);
        goto failed;
      }
  }
  return crm_store_end_change (self, error);

failed:
  crm_store_abort_change (self);
  return FALSE;
}

gboolean
crm_store_undo_last (CrmStore  *self,
                     GError   **error)
{
  gint64 change = crm_store_get_last_change (self);

  if (change == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is nothing to undo"));
      return FALSE;
    }
  return crm_store_undo_change (self, change, error);
}

/*
 * Notes
 */

gint64
crm_store_add_note (CrmStore    *self,
                    const char  *module,
                    gint64       record_id,
                    const char  *title,
                    const char  *content,
                    GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;
  gint64 now = _crm_store_now ();
  gint64 id;

  if (require_module (self, module, error) == NULL)
    return 0;
  if ((content == NULL || *content == '\0') && (title == NULL || *title == '\0'))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A note needs a title or some text"));
      return 0;
    }
  if (!record_exists (self, crm_store_get_module (self, module), record_id))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("The record for this note does not exist"));
      return 0;
    }

  if (crm_store_begin_change (self, "note", module, title, error) == 0)
    return 0;
  stmt = crm_store_prepare (self,
                            "INSERT INTO notes (module, record_id, title, content, owner_id, created_at, modified_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, record_id);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, content ? content : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, crm_store_get_current_user (self));
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_int64 (stmt, 7, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (self, error);
      goto failed;
    }
  id = sqlite3_last_insert_rowid (crm_store_get_db (self));
  /* old_value holds the note's id so that Undo can take it back. */
  if (!_crm_store_add_history (self, module, record_id, "note", "notes", g_variant_new_int64 (id),
                               g_variant_new_string (title && *title ? title : content), error))
    goto failed;
  _crm_store_notify (self, module, record_id);
  if (!crm_store_end_change (self, error))
    return 0;
  return id;

failed:
  crm_store_abort_change (self);
  return 0;
}

static gboolean
note_parent (CrmStore  *self,
             gint64     note_id,
             char     **module,
             gint64    *record_id,
             GError   **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (self, "SELECT module, record_id FROM notes WHERE id = ? AND deleted_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, note_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("The note no longer exists"));
      return FALSE;
    }
  *module = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  *record_id = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

gboolean
crm_store_update_note (CrmStore    *self,
                       gint64       note_id,
                       const char  *title,
                       const char  *content,
                       GError     **error)
{
  g_autofree char *module = NULL;
  gint64 record_id;
  crm_autoreset sqlite3_stmt *stmt = NULL;

  if (!note_parent (self, note_id, &module, &record_id, error))
    return FALSE;
  if ((content == NULL || *content == '\0') && (title == NULL || *title == '\0'))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A note needs a title or some text"));
      return FALSE;
    }
  stmt = crm_store_prepare (self, "UPDATE notes SET title = ?, content = ?, modified_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, content ? content : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, _crm_store_now ());
  sqlite3_bind_int64 (stmt, 4, note_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (self, error);
      return FALSE;
    }
  _crm_store_notify (self, module, record_id);
  return TRUE;
}

gboolean
crm_store_delete_note (CrmStore    *self,
                       gint64       note_id,
                       GError     **error)
{
  g_autofree char *module = NULL;
  gint64 record_id;

  if (!note_parent (self, note_id, &module, &record_id, error))
    return FALSE;
  if (crm_store_begin_change (self, "note_delete", module, NULL, error) == 0)
    return FALSE;
  if (!set_note_deleted (self, note_id, TRUE, error) ||
      !_crm_store_add_history (self, module, record_id, "note_delete", "notes",
                               g_variant_new_int64 (note_id), NULL, error))
    {
      crm_store_abort_change (self);
      return FALSE;
    }
  _crm_store_notify (self, module, record_id);
  return crm_store_end_change (self, error);
}
