/* crm-store-metadata.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-store-metadata"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-standard-modules.h"
#include "crm-store-private.h"

/* Metadata is data: the modules, fields and picklist_values tables
 * describe every module, and the module tables are created from them by
 * the same code for standard and custom modules. */

static gboolean
step_done (CrmStore      *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gint64
insert_module_row (CrmStore    *self,
                   const char  *api_name,
                   const char  *table,
                   const char  *singular,
                   const char  *plural,
                   const char  *icon_name,
                   const char  *title_fields,
                   const char  *kanban_field,
                   int          position,
                   gboolean     custom,
                   GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (self,
                       "INSERT INTO modules (api_name, table_name, singular, plural, icon_name, "
                       "title_fields, kanban_field, position, is_custom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, api_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, singular, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, plural, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, icon_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, title_fields, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, kanban_field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, position);
  sqlite3_bind_int (stmt, 9, custom);
  if (!step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (crm_store_get_db (self));
}

static gboolean
insert_field_row (CrmStore      *self,
                  const char    *module,
                  const char    *api_name,
                  const char    *label,
                  CrmFieldType   type,
                  guint          flags,
                  int            max_length,
                  int            scale,
                  const char    *lookup_module,
                  const char    *section,
                  int            position,
                  GError       **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (self,
                       "INSERT INTO fields (module, api_name, label, type, flags, max_length, scale, "
                       "min_value, max_value, lookup_module, section, position) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, api_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, crm_field_type_to_string (type), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, flags);
  sqlite3_bind_int (stmt, 6, max_length);
  sqlite3_bind_int (stmt, 7, scale);
  if (type == CRM_FIELD_PERCENT)
    {
      /* 0 % to 100 % in basis points */
      sqlite3_bind_int64 (stmt, 8, 0);
      sqlite3_bind_int64 (stmt, 9, 10000);
    }
  else if (type == CRM_FIELD_CHECKBOX)
    {
      sqlite3_bind_int64 (stmt, 8, 0);
      sqlite3_bind_int64 (stmt, 9, 1);
    }
  sqlite3_bind_text (stmt, 10, lookup_module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, section, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 12, position);
  return step_done (self, stmt, error);
}

static gboolean
insert_picklist_value (CrmStore    *self,
                       const char  *module,
                       const char  *field,
                       const char  *value,
                       int          position,
                       const char  *meaning,
                       int          probability,
                       const char  *forecast,
                       GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (self,
                       "INSERT INTO picklist_values (module, field, value, position, meaning, "
                       "probability, forecast_category) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, position);
  sqlite3_bind_text (stmt, 5, meaning, -1, SQLITE_TRANSIENT);
  if (probability >= 0)
    sqlite3_bind_int (stmt, 6, probability);
  sqlite3_bind_text (stmt, 7, forecast, -1, SQLITE_TRANSIENT);
  return step_done (self, stmt, error);
}

/* Columns every module table has, described as fields so that lists can
 * show and sort by them. */
static gboolean
insert_system_fields (CrmStore    *self,
                      const char  *module,
                      const char  *singular,
                      int         *position,
                      GError     **error)
{
  /* Translators: the owner field of a module, e.g. "Lead Owner" */
  g_autofree char *owner = g_strdup_printf (_("%s Owner"), singular);
  const char *section = _("System Information");

  return insert_field_row (self, module, "owner_id", owner, CRM_FIELD_OWNER,
                           CRM_FIELD_FLAG_INDEXED, 0, 0, NULL, section, (*position)++, error) &&
         insert_field_row (self, module, "created_at", _("Created Time"), CRM_FIELD_DATETIME,
                           CRM_FIELD_FLAG_SYSTEM | CRM_FIELD_FLAG_INDEXED, 0, 0, NULL, section, (*position)++, error) &&
         insert_field_row (self, module, "modified_at", _("Modified Time"), CRM_FIELD_DATETIME,
                           CRM_FIELD_FLAG_SYSTEM | CRM_FIELD_FLAG_INDEXED, 0, 0, NULL, section, (*position)++, error) &&
         insert_field_row (self, module, "created_by", _("Created By"), CRM_FIELD_OWNER,
                           CRM_FIELD_FLAG_SYSTEM, 0, 0, NULL, section, (*position)++, error) &&
         insert_field_row (self, module, "modified_by", _("Modified By"), CRM_FIELD_OWNER,
                           CRM_FIELD_FLAG_SYSTEM, 0, 0, NULL, section, (*position)++, error) &&
         insert_field_row (self, module, "deleted_at", _("Deleted Time"), CRM_FIELD_DATETIME,
                           CRM_FIELD_FLAG_SYSTEM | CRM_FIELD_FLAG_HIDDEN, 0, 0, NULL, section, (*position)++, error) &&
         insert_field_row (self, module, "import_batch", _("Import Batch"), CRM_FIELD_INTEGER,
                           CRM_FIELD_FLAG_SYSTEM | CRM_FIELD_FLAG_HIDDEN, 0, 0, NULL, section, (*position)++, error);
}

gboolean
_crm_store_seed_standard (CrmStore  *self,
                          GError   **error)
{
  const CrmSeedModule *seed;
  guint n_modules;

  seed = crm_standard_modules (&n_modules);

  for (guint m = 0; m < n_modules; m++)
    {
      const CrmSeedModule *sm = &seed[m];
      const char *section = NULL;
      int position = 0;

      if (!insert_module_row (self, sm->api_name, sm->api_name, _(sm->singular), _(sm->plural),
                              sm->icon_name, sm->title_fields, sm->kanban_field, m, FALSE, error))
        return FALSE;

      for (const CrmSeedField *sf = sm->fields; sf->label != NULL; sf++)
        {
          int max_length = 0, scale = 0;

          if (sf->api_name == NULL)
            {
              section = _(sf->label);
              continue;
            }

          if (sf->type == CRM_FIELD_DECIMAL)
            scale = sf->size ? sf->size : 2;
          else if (sf->type == CRM_FIELD_CURRENCY || sf->type == CRM_FIELD_PERCENT)
            scale = 2;
          else
            max_length = sf->size;

          if (!insert_field_row (self, sm->api_name, sf->api_name, _(sf->label), sf->type, sf->flags,
                                 max_length, scale,
                                 sf->type == CRM_FIELD_LOOKUP ? sf->extra : NULL,
                                 section, position++, error))
            return FALSE;

          if (sf->type == CRM_FIELD_PICKLIST || sf->type == CRM_FIELD_MULTI_PICKLIST)
            {
              const CrmSeedPicklist *pl = crm_standard_picklist (sf->extra);
              int pos = 0;

              g_assert (pl != NULL);
              for (const CrmSeedValue *v = pl->values; v->name != NULL; v++)
                if (!insert_picklist_value (self, sm->api_name, sf->api_name, _(v->name), pos++,
                                            v->meaning, v->probability,
                                            v->forecast ? _(v->forecast) : NULL, error))
                  return FALSE;
            }
        }

      if (!insert_system_fields (self, sm->api_name, _(sm->singular), &position, error))
        return FALSE;
    }

  if (!_crm_store_load_metadata (self, error))
    return FALSE;

  for (guint m = 0; m < n_modules; m++)
    if (!_crm_store_create_module_table (self, crm_store_get_module (self, seed[m].api_name), error))
      return FALSE;

  return TRUE;
}

/*
 * Loading
 */

gboolean
_crm_store_load_metadata (CrmStore  *self,
                          GError   **error)
{
  g_autoptr(GPtrArray) modules = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3 *db = crm_store_get_db (self);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT id, api_name, table_name, singular, plural, icon_name, title_fields, "
                          "kanban_field, position, hidden, is_custom FROM modules ORDER BY position, id",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto sql_error;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CrmModule *module = crm_module_new ((const char *) sqlite3_column_text (stmt, 1),
                                          (const char *) sqlite3_column_text (stmt, 3),
                                          (const char *) sqlite3_column_text (stmt, 4));
      crm_module_set_id (module, sqlite3_column_int64 (stmt, 0));
      crm_module_set_table (module, (const char *) sqlite3_column_text (stmt, 2));
      crm_module_set_icon_name (module, (const char *) sqlite3_column_text (stmt, 5));
      crm_module_set_title_fields (module, (const char *) sqlite3_column_text (stmt, 6));
      crm_module_set_kanban_field (module, (const char *) sqlite3_column_text (stmt, 7));
      crm_module_set_position (module, sqlite3_column_int (stmt, 8));
      crm_module_set_hidden (module, sqlite3_column_int (stmt, 9));
      crm_module_set_custom (module, sqlite3_column_int (stmt, 10));
      g_ptr_array_add (modules, module);
      g_hash_table_insert (by_name, (char *) crm_module_get_api_name (module), module);
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db,
                          "SELECT module, api_name, label, type, flags, max_length, scale, min_value, "
                          "max_value, lookup_module, section, position, default_value "
                          "FROM fields ORDER BY module, position, id",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto sql_error;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CrmModule *module = g_hash_table_lookup (by_name, sqlite3_column_text (stmt, 0));
      g_autoptr(CrmField) field = NULL;
      CrmFieldType type;

      if (module == NULL ||
          !crm_field_type_from_string ((const char *) sqlite3_column_text (stmt, 3), &type))
        continue;

      field = crm_field_new (crm_module_get_api_name (module),
                             (const char *) sqlite3_column_text (stmt, 1),
                             (const char *) sqlite3_column_text (stmt, 2),
                             type, sqlite3_column_int (stmt, 4));
      crm_field_set_max_length (field, sqlite3_column_int (stmt, 5));
      crm_field_set_scale (field, sqlite3_column_int (stmt, 6));
      if (sqlite3_column_type (stmt, 7) != SQLITE_NULL && sqlite3_column_type (stmt, 8) != SQLITE_NULL)
        crm_field_set_range (field, sqlite3_column_int64 (stmt, 7), sqlite3_column_int64 (stmt, 8));
      crm_field_set_lookup_module (field, (const char *) sqlite3_column_text (stmt, 9));
      crm_field_set_section (field, (const char *) sqlite3_column_text (stmt, 10));
      crm_field_set_position (field, sqlite3_column_int (stmt, 11));
      crm_field_set_default_value (field, (const char *) sqlite3_column_text (stmt, 12));
      crm_module_add_field (module, field);
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db,
                          "SELECT module, field, value FROM picklist_values ORDER BY module, field, position, id",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto sql_error;
  {
    g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
    CrmField *current = NULL;

    while (TRUE)
      {
        int rc = sqlite3_step (stmt);
        CrmField *field = NULL;

        if (rc == SQLITE_ROW)
          {
            CrmModule *module = g_hash_table_lookup (by_name, sqlite3_column_text (stmt, 0));
            if (module != NULL)
              field = crm_module_get_field (module, (const char *) sqlite3_column_text (stmt, 1));
          }

        if (field != current || rc != SQLITE_ROW)
          {
            if (current != NULL)
              crm_field_set_picklist (current, values);
            g_ptr_array_set_size (values, 0);
            current = field;
          }
        if (rc != SQLITE_ROW)
          break;
        if (field != NULL)
          g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      }
  }
  sqlite3_finalize (stmt);

  _crm_store_set_modules (self, modules);
  return TRUE;

sql_error:
  crm_store_set_sqlite_error (self, error);
  sqlite3_finalize (stmt);
  return FALSE;
}

gboolean
crm_store_reload_metadata (CrmStore  *self,
                           GError   **error)
{
  if (!_crm_store_load_metadata (self, error))
    return FALSE;
  _crm_store_notify_metadata (self);
  return TRUE;
}

/*
 * Tables
 */

static gboolean
create_field_index (CrmStore    *self,
                    CrmModule   *module,
                    CrmField    *field,
                    GError     **error)
{
  const char *table = crm_module_get_table (module);
  const char *column = crm_field_get_api_name (field);
  g_autofree char *sql = NULL;
  gboolean text = crm_field_get_storage (field) == CRM_STORAGE_TEXT;

  /* Partial: every list query filters on deleted_at IS NULL, and the
   * recycle bin has an index of its own. The id makes the order total,
   * which keyset paging needs. */
  sql = g_strdup_printf ("CREATE INDEX IF NOT EXISTS \"%s__%s\" ON \"%s\" (\"%s\"%s, id) "
                         "WHERE deleted_at IS NULL",
                         table, column, table, column, text ? " COLLATE NOCASE" : "");
  return crm_store_exec (self, sql, error);
}

gboolean
_crm_store_create_module_table (CrmStore   *self,
                                CrmModule  *module,
                                GError    **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  const char *table = crm_module_get_table (module);
  GPtrArray *fields = crm_module_get_fields (module);
  g_autofree char *extra = NULL;

  g_string_append_printf (sql,
                          "CREATE TABLE \"%s\" (\n"
                          "  id INTEGER PRIMARY KEY,\n"
                          "  owner_id INTEGER,\n"
                          "  created_at INTEGER NOT NULL,\n"
                          "  modified_at INTEGER NOT NULL,\n"
                          "  created_by INTEGER,\n"
                          "  modified_by INTEGER,\n"
                          "  deleted_at INTEGER,\n"
                          "  import_batch INTEGER",
                          table);
  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      const char *name = crm_field_get_api_name (field);

      if (g_str_equal (name, "owner_id") || g_str_equal (name, "created_at") ||
          g_str_equal (name, "modified_at") || g_str_equal (name, "created_by") ||
          g_str_equal (name, "modified_by") || g_str_equal (name, "deleted_at") ||
          g_str_equal (name, "import_batch"))
        continue;
      g_string_append_printf (sql, ",\n  \"%s\" %s", name,
                              crm_field_type_get_sql_type (crm_field_get_field_type (field)));
    }
  g_string_append (sql, "\n)");

  if (!crm_store_exec (self, sql->str, error))
    return FALSE;

  extra = g_strdup_printf ("CREATE INDEX \"%s__deleted\" ON \"%s\" (deleted_at) WHERE deleted_at IS NOT NULL;"
                           "CREATE INDEX \"%s__import_batch\" ON \"%s\" (import_batch) WHERE import_batch IS NOT NULL;",
                           table, table, table, table);
  if (!crm_store_exec (self, extra, error))
    return FALSE;

  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);

      if (crm_field_has_flag (field, CRM_FIELD_FLAG_INDEXED) &&
          !create_field_index (self, module, field, error))
        return FALSE;
    }

  return TRUE;
}

/*
 * Custom modules and fields
 */

static int
next_position (CrmStore   *self,
               const char *sql,
               const char *arg)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return 0;
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);
  return 0;
}

CrmModule *
crm_store_create_module (CrmStore    *self,
                         const char  *api_name,
                         const char  *singular,
                         const char  *plural,
                         const char  *icon_name,
                         GError     **error)
{
  g_autofree char *table = NULL;
  g_autofree char *name_label = NULL;
  int position = 0;
  int field_position = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  if (!crm_is_valid_api_name (api_name, error))
    return NULL;
  if (singular == NULL || *singular == '\0' || plural == NULL || *plural == '\0')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A module needs a singular and a plural name"));
      return NULL;
    }
  if (crm_store_get_module (self, api_name) != NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE, _("A module named “%s” already exists"), api_name);
      return NULL;
    }

  /* Custom tables live in their own namespace so that they can never
   * collide with a standard table a later version adds. */
  table = g_strconcat ("x_", api_name, NULL);
  /* Translators: the name field of a custom module, e.g. "Project Name" */
  name_label = g_strdup_printf (_("%s Name"), singular);

  if (crm_store_begin_change (self, "create_module", api_name, singular, error) == 0)
    return NULL;

  position = next_position (self, "SELECT coalesce(max(position), 0) + 1 FROM modules", NULL);
  if (!insert_module_row (self, api_name, table, singular, plural,
                          icon_name ? icon_name : "folder-symbolic", "name", NULL, position, TRUE, error) ||
      !insert_field_row (self, api_name, "name", name_label, CRM_FIELD_TEXT,
                         CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST |
                         CRM_FIELD_FLAG_INDEXED,
                         120, 0, NULL, _("Information"), field_position++, error) ||
      !insert_system_fields (self, api_name, singular, &field_position, error) ||
      !_crm_store_load_metadata (self, error) ||
      !_crm_store_create_module_table (self, crm_store_get_module (self, api_name), error))
    {
      crm_store_abort_change (self);
      return NULL;
    }

  _crm_store_notify_metadata (self);
  if (!crm_store_end_change (self, error))
    return NULL;
  return crm_store_get_module (self, api_name);
}

CrmField *
crm_store_add_field (CrmStore           *self,
                     const char         *module_name,
                     const char         *api_name,
                     const char         *label,
                     CrmFieldType        type,
                     CrmFieldFlags       flags,
                     const char         *lookup_module,
                     const char * const *picklist,
                     GError            **error)
{
  CrmModule *module;
  CrmField *field;
  g_autofree char *alter = NULL;
  int position;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  module = crm_store_get_module (self, module_name);
  if (module == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"), module_name);
      return NULL;
    }
  if (!crm_is_valid_api_name (api_name, error))
    return NULL;
  if (crm_module_get_field (module, api_name) != NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE,
                   _("%s already has a field named “%s”"), crm_module_get_plural (module), api_name);
      return NULL;
    }
  if (label == NULL || *label == '\0')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A field needs a label"));
      return NULL;
    }
  if (type >= CRM_N_FIELD_TYPES || type == CRM_FIELD_AUTO_NUMBER)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("This field type cannot be added"));
      return NULL;
    }
  if (type == CRM_FIELD_LOOKUP && crm_store_get_module (self, lookup_module) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("A lookup needs a module to look up; “%s” does not exist"),
                   lookup_module ? lookup_module : "");
      return NULL;
    }
  if ((type == CRM_FIELD_PICKLIST || type == CRM_FIELD_MULTI_PICKLIST) &&
      (picklist == NULL || picklist[0] == NULL))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A pick list needs at least one value"));
      return NULL;
    }

  /* A custom field is never required at the table level: existing rows
   * have no value. Required is a form rule, checked on save. */
  flags = (flags & ~(CRM_FIELD_FLAG_SYSTEM | CRM_FIELD_FLAG_HIDDEN)) | CRM_FIELD_FLAG_CUSTOM;
  if (type == CRM_FIELD_PICKLIST || type == CRM_FIELD_LOOKUP || type == CRM_FIELD_DATE ||
      type == CRM_FIELD_OWNER || (flags & CRM_FIELD_FLAG_UNIQUE))
    flags |= CRM_FIELD_FLAG_INDEXED;

  if (crm_store_begin_change (self, "add_field", module_name, label, error) == 0)
    return NULL;

  position = next_position (self, "SELECT coalesce(max(position), 0) + 1 FROM fields WHERE module = ?", module_name);
  alter = g_strdup_printf ("ALTER TABLE \"%s\" ADD COLUMN \"%s\" %s",
                           crm_module_get_table (module), api_name, crm_field_type_get_sql_type (type));

  if (!insert_field_row (self, module_name, api_name, label, type, flags, 0,
                         (type == CRM_FIELD_CURRENCY || type == CRM_FIELD_PERCENT || type == CRM_FIELD_DECIMAL) ? 2 : 0,
                         lookup_module, _("Custom Fields"), position, error) ||
      !crm_store_exec (self, alter, error))
    goto failed;

  for (guint i = 0; picklist && picklist[i]; i++)
    if (!insert_picklist_value (self, module_name, api_name, picklist[i], i, NULL, -1, NULL, error))
      goto failed;

  if (!_crm_store_load_metadata (self, error))
    goto failed;

  module = crm_store_get_module (self, module_name);
  field = crm_module_get_field (module, api_name);
  if ((flags & CRM_FIELD_FLAG_INDEXED) && !create_field_index (self, module, field, error))
    goto failed;

  _crm_store_notify_metadata (self);
  if (!crm_store_end_change (self, error))
    return NULL;
  return crm_module_get_field (crm_store_get_module (self, module_name), api_name);

failed:
  crm_store_abort_change (self);
  return NULL;
}

gboolean
crm_store_update_field (CrmStore  *self,
                        CrmField  *field,
                        GError   **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_FIELD (field), FALSE);

  if (crm_field_get_label (field) == NULL || *crm_field_get_label (field) == '\0')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A field needs a label"));
      return FALSE;
    }

  stmt = crm_store_prepare (self,
                            "UPDATE fields SET label = ?, flags = ?, section = ?, position = ?, "
                            "default_value = ? WHERE module = ? AND api_name = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, crm_field_get_label (field), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, crm_field_get_flags (field));
  sqlite3_bind_text (stmt, 3, crm_field_get_section (field), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, crm_field_get_position (field));
  sqlite3_bind_text (stmt, 5, crm_field_get_default_value (field), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, crm_field_get_module (field), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, crm_field_get_api_name (field), -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    return FALSE;
  /* Reloading the metadata finalizes every cached statement, this one
   * too: it must not be reset again when it leaves scope. */
  sqlite3_reset (stmt);
  stmt = NULL;
  return crm_store_reload_metadata (self, error);
}

gint64
crm_store_count_field_values (CrmStore    *self,
                              const char  *module_name,
                              const char  *api_name,
                              GError     **error)
{
  CrmModule *module = crm_store_get_module (self, module_name);
  g_autofree char *sql = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;

  if (module == NULL || crm_module_get_field (module, api_name) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no field “%s”"), api_name);
      return -1;
    }
  sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE \"%s\" IS NOT NULL AND \"%s\" != ''",
                         crm_module_get_table (module), api_name, api_name);
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

gboolean
crm_store_delete_field (CrmStore    *self,
                        const char  *module_name,
                        const char  *api_name,
                        GError     **error)
{
  CrmModule *module = crm_store_get_module (self, module_name);
  CrmField *field = module ? crm_module_get_field (module, api_name) : NULL;
  g_autofree char *sql = NULL;

  if (field == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no field “%s”"), api_name);
      return FALSE;
    }
  if (!crm_field_has_flag (field, CRM_FIELD_FLAG_CUSTOM))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_READ_ONLY,
                   _("“%s” is a standard field and cannot be deleted; hide it instead"),
                   crm_field_get_label (field));
      return FALSE;
    }

  if (crm_store_begin_change (self, "delete_field", module_name, crm_field_get_label (field), error) == 0)
    return FALSE;

  sql = g_strdup_printf ("DROP INDEX IF EXISTS \"%s__%s\";"
                         "ALTER TABLE \"%s\" DROP COLUMN \"%s\";",
                         crm_module_get_table (module), api_name,
                         crm_module_get_table (module), api_name);
  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (self, "DELETE FROM fields WHERE module = ? AND api_name = ?", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, module_name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, api_name, -1, SQLITE_TRANSIENT);
    if (!step_done (self, stmt, error))
      goto failed;
  }
  if (!crm_store_exec (self, sql, error) || !_crm_store_load_metadata (self, error))
    goto failed;

  _crm_store_notify_metadata (self);
  return crm_store_end_change (self, error);

failed:
  crm_store_abort_change (self);
  return FALSE;
}

gboolean
crm_store_add_picklist_value (CrmStore    *self,
                              const char  *module_name,
                              const char  *field_name,
                              const char  *value,
                              GError     **error)
{
  CrmModule *module = crm_store_get_module (self, module_name);
  CrmField *field = module ? crm_module_get_field (module, field_name) : NULL;
  int position;

  if (field == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no field “%s”"), field_name);
      return FALSE;
    }
  if (value == NULL || *value == '\0' || strchr (value, ';') != NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A pick list value must be non-empty and without “;”"));
      return FALSE;
    }
  if (crm_field_has_picklist_value (field, value))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE, _("“%s” is already a value of %s"),
                   value, crm_field_get_label (field));
      return FALSE;
    }

  position = crm_field_get_picklist (field)->len;
  if (!insert_picklist_value (self, module_name, field_name, value, position, NULL, -1, NULL, error))
    return FALSE;
  return crm_store_reload_metadata (self, error);
}

gboolean
crm_store_rename_picklist_value (CrmStore    *self,
                                 const char  *module_name,
                                 const char  *field_name,
                                 const char  *old_value,
                                 const char  *new_value,
                                 GError     **error)
{
  CrmModule *module = crm_store_get_module (self, module_name);
  CrmField *field = module ? crm_module_get_field (module, field_name) : NULL;
  g_autofree char *sql = NULL;

  if (field == NULL || !crm_field_has_picklist_value (field, old_value))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("“%s” is not a value of this pick list"),
                   old_value ? old_value : "");
      return FALSE;
    }
  if (new_value == NULL || *new_value == '\0' || strchr (new_value, ';') != NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A pick list value must be non-empty and without “;”"));
      return FALSE;
    }
  if (crm_field_has_picklist_value (field, new_value))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE, _("“%s” is already a value of %s"),
                   new_value, crm_field_get_label (field));
      return FALSE;
    }

  if (crm_store_begin_change (self, "rename_value", module_name, new_value, error) == 0)
    return FALSE;

  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (self, "UPDATE picklist_values SET value = ? WHERE module = ? AND field = ? AND value = ?", error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, new_value, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, module_name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 3, field_name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 4, old_value, -1, SQLITE_TRANSIENT);
    if (!step_done (self, stmt, error))
      goto failed;
  }

  /* Records follow the rename, in the same transaction. */
  sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?1 WHERE \"%s\" = ?2",
                         crm_module_get_table (module), field_name, field_name);
  {
    crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (self, sql, error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, new_value, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, old_value, -1, SQLITE_TRANSIENT);
    if (!step_done (self, stmt, error))
      goto failed;
  }

  if (!_crm_store_load_metadata (self, error))
    goto failed;
  _crm_store_notify_metadata (self);
  _crm_store_notify (self, module_name, 0);
  return crm_store_end_change (self, error);

failed:
  crm_store_abort_change (self);
  return FALSE;
}

const char *
crm_store_get_picklist_meaning (CrmStore   *self,
                                const char *module,
                                const char *field,
                                const char *value)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (self, "SELECT meaning FROM picklist_values WHERE module = ? AND field = ? AND value = ?", NULL);

  if (stmt == NULL || value == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, value, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return g_intern_string ((const char *) sqlite3_column_text (stmt, 0));
  return NULL;
}

int
crm_store_get_stage_probability (CrmStore   *self,
                                 const char *stage)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (self, "SELECT probability FROM picklist_values "
                             "WHERE module = 'deals' AND field = 'stage' AND value = ?", NULL);

  if (stmt == NULL || stage == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, stage, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return sqlite3_column_int (stmt, 0);
  return -1;
}
