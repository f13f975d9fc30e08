/* crm-customize.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-customize"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "crm-customize.h"
#include "crm-store-private.h"

static const char * const forecast_categories[] = {
  N_("Pipeline"), N_("Best Case"), N_("Commit"), N_("Closed"), N_("Omitted"), NULL
};

const char * const *
crm_customize_forecast_categories (void)
{
  return forecast_categories;
}

void
crm_stage_info_free (CrmStageInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->stage);
  g_free (info->category);
  g_free (info->forecast);
  g_free (info);
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

static CrmModule *
get_module (CrmStore    *store,
            const char  *name,
            GError     **error)
{
  CrmModule *module = name ? crm_store_get_module (store, name) : NULL;

  if (module == NULL)
    g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"), name ? name : "");
  return module;
}

static CrmField *
get_picklist_field (CrmStore    *store,
                    const char  *module_name,
                    const char  *field_name,
                    GError     **error)
{
  CrmModule *module = get_module (store, module_name, error);
  CrmField *field;

  if (module == NULL)
    return NULL;
  field = crm_module_get_field (module, field_name);
  if (field == NULL ||
      (crm_field_get_field_type (field) != CRM_FIELD_PICKLIST &&
       crm_field_get_field_type (field) != CRM_FIELD_MULTI_PICKLIST))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("%s has no pick list “%s”"), crm_module_get_plural (module), field_name ? field_name : "");
      return NULL;
    }
  return field;
}

/* Commits the change and reloads the metadata inside it, so that a
 * failed reload rolls the change back. */
static gboolean
finish_metadata_change (CrmStore    *store,
                        const char  *module,
                        gboolean     records_changed,
                        GError     **error)
{
  if (!_crm_store_load_metadata (store, error))
    {
      crm_store_abort_change (store);
      return FALSE;
    }
  _crm_store_notify_metadata (store);
  if (records_changed)
    _crm_store_notify (store, module, 0);
  return crm_store_end_change (store, error);
}

gboolean
crm_customize_rename_module (CrmStore    *store,
                             const char  *module,
                             const char  *singular,
                             const char  *plural,
                             GError     **error)
{
  g_autofree char *s = NULL;
  g_autofree char *p = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (get_module (store, module, error) == NULL)
    return FALSE;
  s = g_strstrip (g_strdup (singular ? singular : ""));
  p = g_strstrip (g_strdup (plural ? plural : ""));
  if (*s == '\0' || *p == '\0')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A module needs a singular and a plural name"));
      return FALSE;
    }

  if (crm_store_begin_change (store, "rename_module", module, p, error) == 0)
    return FALSE;
  stmt = crm_store_prepare (store, "UPDATE modules SET singular = ?, plural = ? WHERE api_name = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, s, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, p, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, module, -1, SQLITE_TRANSIENT);
  if (!step_done (store, stmt, error))
    goto failed;
  /* The metadata reload clears the statement cache. */
  sqlite3_reset (g_steal_pointer (&stmt));
  return finish_metadata_change (store, module, FALSE, error);

failed:
  crm_store_abort_change (store);
  return FALSE;
}

gboolean
crm_customize_set_module_icon (CrmStore    *store,
                               const char  *module,
                               const char  *icon_name,
                               GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (get_module (store, module, error) == NULL)
    return FALSE;
  if (icon_name == NULL || *icon_name == '\0')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A module needs an icon"));
      return FALSE;
    }
  if (crm_store_begin_change (store, "module_icon", module, icon_name, error) == 0)
    return FALSE;
  stmt = crm_store_prepare (store, "UPDATE modules SET icon_name = ? WHERE api_name = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, icon_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, module, -1, SQLITE_TRANSIENT);
  if (!step_done (store, stmt, error))
    goto failed;
  /* The metadata reload clears the statement cache. */
  sqlite3_reset (g_steal_pointer (&stmt));
  return finish_metadata_change (store, module, FALSE, error);

failed:
  crm_store_abort_change (store);
  return FALSE;
}

gboolean
crm_customize_set_module_hidden (CrmStore    *store,
                                 const char  *module,
                                 gboolean     hidden,
                                 GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (get_module (store, module, error) == NULL)
    return FALSE;
  if (crm_store_begin_change (store, hidden ? "hide_module" : "show_module", module, NULL, error) == 0)
    return FALSE;
  stmt = crm_store_prepare (store, "UPDATE modules SET hidden = ? WHERE api_name = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int (stmt, 1, hidden ? 1 : 0);
  sqlite3_bind_text (stmt, 2, module, -1, SQLITE_TRANSIENT);
  if (!step_done (store, stmt, error))
    goto failed;
  /* The metadata reload clears the statement cache. */
  sqlite3_reset (g_steal_pointer (&stmt));
  return finish_metadata_change (store, module, FALSE, error);

failed:
  crm_store_abort_change (store);
  return FALSE;
}

/* Renumbers `names` 1..n in `table` after moving `name` to `index`. The
 * names come from the loaded metadata, which is already in order. */
static gboolean
renumber (CrmStore    *store,
          const char  *sql,
          const char  *key1,
          GPtrArray   *names,
          const char  *name,
          guint        index,
          GError     **error)
{
  guint from = G_MAXUINT;

  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), name) == 0)
      from = i;
  g_assert (from != G_MAXUINT);
  index = MIN (index, names->len - 1);
  {
    gpointer item = g_ptr_array_steal_index (names, from);
    g_ptr_array_insert (names, index, item);
  }

  for (guint i = 0; i < names->len; i++)
    {
      crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, error);
      int n = 1;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, n++, (int) i + 1);
      if (key1 != NULL)
        sqlite3_bind_text (stmt, n++, key1, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, n++, g_ptr_array_index (names, i), -1, SQLITE_TRANSIENT);
      if (!step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
crm_customize_move_module (CrmStore    *store,
                           const char  *module,
                           guint        index,
                           GError     **error)
{
  GPtrArray *modules;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (get_module (store, module, error) == NULL)
    return FALSE;
  modules = crm_store_get_modules (store);
  for (guint i = 0; i < modules->len; i++)
    g_ptr_array_add (names, (gpointer) crm_module_get_api_name (g_ptr_array_index (modules, i)));

  if (crm_store_begin_change (store, "move_module", module, NULL, error) == 0)
    return FALSE;
  if (!renumber (store, "UPDATE modules SET position = ? WHERE api_name = ?", NULL, names, module, index, error))
    {
      crm_store_abort_change (store);
      return FALSE;
    }
  return finish_metadata_change (store, module, FALSE, error);
}

gboolean
crm_customize_move_field (CrmStore    *store,
                          const char  *module_name,
                          const char  *field_name,
                          guint        index,
                          const char  *section,
                          GError     **error)
{
  CrmModule *module;
  GPtrArray *fields;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  module = get_module (store, module_name, error);
  if (module == NULL)
    return FALSE;
  if (crm_module_get_field (module, field_name) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no field “%s”"), field_name ? field_name : "");
      return FALSE;
    }
  fields = crm_module_get_fields (module);
  for (guint i = 0; i < fields->len; i++)
    g_ptr_array_add (names, (gpointer) crm_field_get_api_name (g_ptr_array_index (fields, i)));

  if (crm_store_begin_change (store, "move_field", module_name, field_name, error) == 0)
    return FALSE;
  if (!renumber (store, "UPDATE fields SET position = ? WHERE module = ? AND api_name = ?",
                 module_name, names, field_name, index, error))
    goto failed;
  if (section != NULL)
    {
      crm_autoreset sqlite3_stmt *stmt =
        crm_store_prepare (store, "UPDATE fields SET section = ? WHERE module = ? AND api_name = ?", error);

      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, section, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, module_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, field_name, -1, SQLITE_TRANSIENT);
      if (!step_done (store, stmt, error))
        goto failed;
    }
  return finish_metadata_change (store, module_name, FALSE, error);

failed:
  crm_store_abort_change (store);
  return FALSE;
}

GStrv
crm_customize_list_sections (CrmStore   *store,
                             const char *module_name)
{
  CrmModule *module = crm_store_get_module (store, module_name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (module != NULL)
    {
      GPtrArray *fields = crm_module_get_fields (module);

      for (guint i = 0; i < fields->len; i++)
        {
          const char *section = crm_field_get_section (g_ptr_array_index (fields, i));

          if (section != NULL && *section != '\0' && g_hash_table_add (seen, (gpointer) section))
            g_strv_builder_add (builder, section);
        }
    }
  return g_strv_builder_end (builder);
}

gboolean
crm_customize_move_picklist_value (CrmStore    *store,
                                   const char  *module,
                                   const char  *field_name,
                                   const char  *value,
                                   guint        index,
                                   GError     **error)
{
  CrmField *field;
  GPtrArray *values;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  field = get_picklist_field (store, module, field_name, error);
  if (field == NULL)
    return FALSE;
  if (!crm_field_has_picklist_value (field, value))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("“%s” is not a value of this pick list"), value ? value : "");
      return FALSE;
    }
  values = crm_field_get_picklist (field);
  for (guint i = 0; i < values->len; i++)
    g_ptr_array_add (names, g_ptr_array_index (values, i));

  if (crm_store_begin_change (store, "move_value", module, value, error) == 0)
    return FALSE;
  sql = g_strdup ("UPDATE picklist_values SET position = ?1 WHERE module = ?2 AND field = ?4 AND value = ?3");
  {
    crm_autoreset sqlite3_stmt *fstmt = NULL;
    guint from = 0;

    for (guint i = 0; i < names->len; i++)
      if (g_strcmp0 (g_ptr_array_index (names, i), value) == 0)
        from = i;
    index = MIN (index, names->len - 1);
    {
      gpointer item = g_ptr_array_steal_index (names, from);
      g_ptr_array_insert (names, index, item);
    }
    for (guint i = 0; i < names->len; i++)
      {
        fstmt = crm_store_prepare (store, sql, error);
        if (fstmt == NULL)
          goto failed;
        sqlite3_bind_int (fstmt, 1, (int) i + 1);
        sqlite3_bind_text (fstmt, 2, module, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (fstmt, 3, g_ptr_array_index (names, i), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (fstmt, 4, field_name, -1, SQLITE_TRANSIENT);
        if (!step_done (store, fstmt, error))
          goto failed;
        sqlite3_reset (fstmt);
      }
  }
  return finish_metadata_change (store, module, FALSE, error);

failed:
  crm_store_abort_change (store);
  return FALSE;
}

/* "a; b; c" without `value`, with `replacement` in its place (once). */
static char *
replace_in_multi (const char *text,
                  const char *value,
                  const char *replacement)
{
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  gboolean have_replacement = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);

      if (*part == '\0')
        continue;
      if (g_strcmp0 (part, value) == 0)
        part = (char *) replacement;
      if (part == NULL)
        continue;
      if (g_strcmp0 (part, replacement) == 0)
        {
          if (have_replacement)
            continue;
          have_replacement = TRUE;
        }
      g_ptr_array_add (out, part);
    }
  if (out->len == 0)
    return NULL;
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("; ", (char **) out->pdata);
}

static gboolean
multi_contains (const char *text,
                const char *value)
{
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (g_strcmp0 (g_strstrip (parts[i]), value) == 0)
      return TRUE;
  return FALSE;
}

gint64
crm_customize_count_picklist_value (CrmStore    *store,
                                    const char  *module_name,
                                    const char  *field_name,
                                    const char  *value,
                                    GError     **error)
{
  CrmField *field;
  CrmModule *module;
  g_autofree char *sql = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;
  gint64 count = 0;
  gboolean multi;

  g_return_val_if_fail (CRM_IS_STORE (store), -1);

  field = get_picklist_field (store, module_name, field_name, error);
  if (field == NULL)
    return -1;
  module = crm_store_get_module (store, module_name);
  multi = crm_field_get_field_type (field) == CRM_FIELD_MULTI_PICKLIST;
  sql = g_strdup_printf (multi ? "SELECT \"%s\" FROM \"%s\" WHERE deleted_at IS NULL AND instr(\"%s\", ?) > 0"
                               : "SELECT \"%s\" FROM \"%s\" WHERE deleted_at IS NULL AND \"%s\" = ?",
                         field_name, crm_module_get_table (module), field_name);
  stmt = crm_store_prepare (store, sql, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (!multi || multi_contains ((const char *) sqlite3_column_text (stmt, 0), value))
      count++;
  return count;
}

gboolean
crm_customize_remove_picklist_value (CrmStore    *store,
                                     const char  *module_name,
                                     const char  *field_name,
                                     const char  *value,
                                     const char  *replacement,
                                     GError     **error)
{
  CrmField *field;
  CrmModule *module;
  const char *meaning;
  g_autofree char *sql = NULL;
  gboolean multi;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  field = get_picklist_field (store, module_name, field_name, error);
  if (field == NULL)
    return FALSE;
  module = crm_store_get_module (store, module_name);
  if (!crm_field_has_picklist_value (field, value))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("“%s” is not a value of this pick list"), value ? value : "");
      return FALSE;
    }
  meaning = crm_store_get_picklist_meaning (store, module_name, field_name, value);
  if (meaning != NULL && g_strcmp0 (meaning, "open") != 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” cannot be removed: the program relies on it. Rename it instead."), value);
      return FALSE;
    }
  if (crm_field_get_picklist (field)->len <= 1)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A pick list needs at least one value"));
      return FALSE;
    }
  if (replacement != NULL && (g_strcmp0 (replacement, value) == 0 || !crm_field_has_picklist_value (field, replacement)))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("“%s” is not another value of %s"),
                   replacement, crm_field_get_label (field));
      return FALSE;
    }
  multi = crm_field_get_field_type (field) == CRM_FIELD_MULTI_PICKLIST;
  if (replacement == NULL && !multi && crm_field_is_required (field) &&
      crm_customize_count_picklist_value (store, module_name, field_name, value, NULL) > 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("%s is required: choose a value to replace “%s” with"), crm_field_get_label (field), value);
      return FALSE;
    }

  if (crm_store_begin_change (store, "remove_value", module_name, value, error) == 0)
    return FALSE;

  /* Deleted records follow too, so that a restored record never holds a
   * value the pick list no longer has. */
  if (multi)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

      sql = g_strdup_printf ("SELECT id, \"%s\" FROM \"%s\" WHERE instr(\"%s\", ?) > 0",
                             field_name, crm_module_get_table (module), field_name);
      {
        crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, error);

        if (stmt == NULL)
          goto failed;
        sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          {
            const char *text = (const char *) sqlite3_column_text (stmt, 1);
            gint64 id = sqlite3_column_int64 (stmt, 0);

            if (!multi_contains (text, value))
              continue;
            g_array_append_val (ids, id);
            g_ptr_array_add (texts, replace_in_multi (text, value, replacement));
          }
      }
      g_clear_pointer (&sql, g_free);
      sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ? WHERE id = ?", crm_module_get_table (module), field_name);
      for (guint i = 0; i < ids->len; i++)
        {
          crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, error);

          if (stmt == NULL)
            goto failed;
          sqlite3_bind_text (stmt, 1, g_ptr_array_index (texts, i), -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
          if (!step_done (store, stmt, error))
            goto failed;
        }
    }
  else
    {
      crm_autoreset sqlite3_stmt *stmt = NULL;

      sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?1 WHERE \"%s\" = ?2",
                             crm_module_get_table (module), field_name, field_name);
      stmt = crm_store_prepare (store, sql, error);
      if (stmt == NULL)
        goto failed;
      if (replacement != NULL)
        sqlite3_bind_text (stmt, 1, replacement, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      if (!step_done (store, stmt, error))
        goto failed;
    }

  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "DELETE FROM picklist_values WHERE module = ? AND field = ? AND value = ?", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, module_name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, field_name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 3, value, -1, SQLITE_TRANSIENT);
    if (!step_done (store, stmt, error))
      goto failed;
  }
  return finish_metadata_change (store, module_name, TRUE, error);

failed:
  crm_store_abort_change (store);
  return FALSE;
}

GPtrArray *
crm_customize_list_stages (CrmStore  *store,
                           GError   **error)
{
  g_autoptr(GPtrArray) stages = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_stage_info_free);
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  stmt = crm_store_prepare (store,
                            "SELECT value, probability, meaning, forecast_category FROM picklist_values "
                            "WHERE module = 'deals' AND field = 'stage' ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmStageInfo *info = g_new0 (CrmStageInfo, 1);

      info->stage = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      info->probability = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? 0 : sqlite3_column_int (stmt, 1);
      info->category = g_strdup (sqlite3_column_text (stmt, 2) ? (const char *) sqlite3_column_text (stmt, 2) : "open");
      info->forecast = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (stages, info);
    }
  if (rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&stages);
}

gboolean
crm_customize_set_stage (CrmStore    *store,
                         const char  *stage,
                         int          probability,
                         const char  *category,
                         const char  *forecast,
                         GError     **error)
{
  CrmField *field;
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  field = get_picklist_field (store, "deals", "stage", error);
  if (field == NULL)
    return FALSE;
  if (!crm_field_has_picklist_value (field, stage))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("“%s” is not a deal stage"), stage ? stage : "");
      return FALSE;
    }
  if (probability < 0 || probability > 100)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The probability of “%s” must be between 0 and 100, not %d"), stage, probability);
      return FALSE;
    }
  if (g_strcmp0 (category, "open") != 0 && g_strcmp0 (category, "won") != 0 && g_strcmp0 (category, "lost") != 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The deal category must be Open, Closed Won or Closed Lost"));
      return FALSE;
    }
  if (forecast == NULL || *forecast == '\0')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("“%s” needs a forecast category"), stage);
      return FALSE;
    }

  if (crm_store_begin_change (store, "edit_stage", "deals", stage, error) == 0)
    return FALSE;
  stmt = crm_store_prepare (store,
                            "UPDATE picklist_values SET probability = ?, meaning = ?, forecast_category = ? "
                            "WHERE module = 'deals' AND field = 'stage' AND value = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int (stmt, 1, probability);
  sqlite3_bind_text (stmt, 2, category, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, forecast, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, stage, -1, SQLITE_TRANSIENT);
  if (!step_done (store, stmt, error))
    goto failed;
  /* The metadata reload clears the statement cache. */
  sqlite3_reset (g_steal_pointer (&stmt));
  return finish_metadata_change (store, "deals", FALSE, error);

failed:
  crm_store_abort_change (store);
  return FALSE;
}
