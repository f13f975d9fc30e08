/* crm-views.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-views"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-views.h"

/* Saved views live in custom_views. The query is kept as its serialized
 * text (scope, criteria, sort); sort_field and sort_desc repeat the sort
 * so that the table reads on its own. Columns are api names joined by
 * commas, which api names cannot contain. */

#define MAX_VIEW_NAME 100

void
crm_saved_view_free (CrmSavedView *view)
{
  if (view == NULL)
    return;
  g_free (view->module);
  g_free (view->name);
  g_clear_object (&view->query);
  g_strfreev (view->columns);
  g_free (view);
}

static CrmSavedView *
view_from_row (sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(CrmSavedView) view = g_new0 (CrmSavedView, 1);
  const char *criteria = (const char *) sqlite3_column_text (stmt, 3);
  const char *columns = (const char *) sqlite3_column_text (stmt, 4);

  view->id = sqlite3_column_int64 (stmt, 0);
  view->module = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  view->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  view->query = crm_query_deserialize (view->module, criteria, error);
  if (view->query == NULL)
    {
      g_prefix_error (error, "%s: ", view->name);
      return NULL;
    }
  if (columns != NULL && *columns != '\0')
    view->columns = g_strsplit (columns, ",", -1);
  return g_steal_pointer (&view);
}

GPtrArray *
crm_store_list_views (CrmStore    *store,
                      const char  *module,
                      GError     **error)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_saved_view_free);
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (module != NULL, NULL);

  stmt = crm_store_prepare (store,
                            "SELECT id, module, name, criteria, columns FROM custom_views "
                            "WHERE module = ? ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local = NULL;
      CrmSavedView *view = view_from_row (stmt, &local);

      /* One damaged row must not hide the others. */
      if (view == NULL)
        {
          g_warning ("Skipping a saved view of %s: %s", module, local->message);
          continue;
        }
      g_ptr_array_add (views, view);
    }
  if (rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&views);
}

CrmSavedView *
crm_store_load_view (CrmStore    *store,
                     gint64       id,
                     GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  stmt = crm_store_prepare (store, "SELECT id, module, name, criteria, columns FROM custom_views WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return view_from_row (stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("The saved view no longer exists"));
  else
    crm_store_set_sqlite_error (store, error);
  return NULL;
}

static gboolean
check_columns (CrmModule           *module,
               const char * const  *columns,
               GError             **error)
{
  if (columns == NULL)
    return TRUE;

  if (columns[0] == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A view needs at least one column"));
      return FALSE;
    }
  for (guint i = 0; columns[i] != NULL; i++)
    {
      CrmField *field = crm_module_get_field (module, columns[i]);

      if (field == NULL || crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("%s have no column “%s”"),
                       crm_module_get_plural (module), columns[i]);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_str_equal (columns[i], columns[j]))
          {
            g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("The column “%s” is listed twice"),
                         crm_field_get_label (field));
            return FALSE;
          }
    }
  return TRUE;
}

static gboolean
check_name (CrmStore     *store,
            CrmModule    *module,
            gint64        id,
            const char   *name,
            GError      **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;

  if (*name == '\0')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A view needs a name"));
      return FALSE;
    }
  if (g_utf8_strlen (name, -1) > MAX_VIEW_NAME)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("A view name can have at most %d characters"), MAX_VIEW_NAME);
      return FALSE;
    }

  stmt = crm_store_prepare (store, "SELECT 1 FROM custom_views WHERE module = ? AND name = ? COLLATE NOCASE AND id != ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, crm_module_get_api_name (module), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE, _("%s already have a view named “%s”"),
                   crm_module_get_plural (module), name);
      return FALSE;
    }
  return TRUE;
}

gint64
crm_store_save_view (CrmStore            *store,
                     gint64               id,
                     const char          *name,
                     CrmQuery            *query,
                     const char * const  *columns,
                     GError             **error)
{
  CrmModule *module;
  g_autofree char *stripped = NULL;
  g_autofree char *criteria = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *where = NULL;
  g_autoptr(GPtrArray) params = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), 0);
  g_return_val_if_fail (CRM_IS_QUERY (query), 0);

  module = crm_store_get_module (store, crm_query_get_module (query));
  if (module == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"),
                   crm_query_get_module (query));
      return 0;
    }

  stripped = g_strstrip (g_strdup (name ? name : ""));
  if (!check_name (store, module, id, stripped, error) || !check_columns (module, columns, error))
    return 0;

  /* A view that cannot run is refused now rather than when opened. */
  where = crm_query_build_where (query, store, &params, error);
  if (where == NULL)
    return 0;
  if (crm_query_get_sort_field (query) != NULL &&
      crm_module_get_field (module, crm_query_get_sort_field (query)) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("%s have no field “%s”"),
                   crm_module_get_plural (module), crm_query_get_sort_field (query));
      return 0;
    }

  criteria = crm_query_serialize (query);
  joined = columns ? g_strjoinv (",", (char **) columns) : NULL;

  if (id == 0)
    stmt = crm_store_prepare (store,
                              "INSERT INTO custom_views (module, name, criteria, columns, sort_field, sort_desc, owner_id) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  else
    stmt = crm_store_prepare (store,
                              "UPDATE custom_views SET name = ?2, criteria = ?3, columns = ?4, sort_field = ?5, "
                              "sort_desc = ?6 WHERE id = ?8 AND module = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, crm_module_get_api_name (module), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, stripped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, criteria, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, joined, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, crm_query_get_sort_field (query), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, crm_query_get_sort_descending (query));
  if (id == 0)
    sqlite3_bind_int64 (stmt, 7, crm_store_get_current_user (store));
  else
    sqlite3_bind_int64 (stmt, 8, id);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return 0;
    }
  if (id == 0)
    return sqlite3_last_insert_rowid (crm_store_get_db (store));
  if (sqlite3_changes (crm_store_get_db (store)) == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("The saved view no longer exists"));
      return 0;
    }
  return id;
}

gboolean
crm_store_delete_view (CrmStore    *store,
                       gint64       id,
                       GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  stmt = crm_store_prepare (store, "DELETE FROM custom_views WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return FALSE;
    }
  if (sqlite3_changes (crm_store_get_db (store)) == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("The saved view no longer exists"));
      return FALSE;
    }
  return TRUE;
}
