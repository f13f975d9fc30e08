/* crm-users.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-users"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-store-private.h"
#include "crm-users.h"

void
crm_user_free (CrmUser *user)
{
  if (user == NULL)
    return;
  g_free (user->name);
  g_free (user->email);
  g_free (user->role);
  g_free (user);
}

static CrmUser *
user_from_row (sqlite3_stmt *stmt)
{
  CrmUser *user = g_new0 (CrmUser, 1);

  user->id = sqlite3_column_int64 (stmt, 0);
  user->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  user->email = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  user->role = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  user->active = sqlite3_column_int (stmt, 4) != 0;
  return user;
}

GPtrArray *
crm_users_list (CrmStore  *store,
                gboolean   include_inactive,
                GError   **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_user_free);
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  stmt = crm_store_prepare (store, "SELECT id, name, email, role, active FROM users "
                                   "WHERE active = 1 OR ?1 ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_inactive ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, user_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

CrmUser *
crm_users_get (CrmStore  *store,
               gint64     id,
               GError   **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  stmt = crm_store_prepare (store, "SELECT id, name, email, role, active FROM users WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no user #%" G_GINT64_FORMAT), id);
      return NULL;
    }
  return user_from_row (stmt);
}

static gboolean
check_user_values (const char  *name,
                   const char  *email,
                   GError     **error)
{
  g_autoptr(CrmField) name_field = crm_field_new ("users", "name", _("Name"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_REQUIRED);
  g_autoptr(CrmField) email_field = crm_field_new ("users", "email", _("Email"), CRM_FIELD_EMAIL, 0);
  g_autoptr(GVariant) name_value = name ? g_variant_ref_sink (g_variant_new_string (name)) : NULL;
  g_autoptr(GVariant) email_value = email && *email ? g_variant_ref_sink (g_variant_new_string (email)) : NULL;

  crm_field_set_max_length (name_field, 100);
  crm_field_set_max_length (email_field, 100);
  return crm_field_validate (name_field, name_value, error) &&
         crm_field_validate (email_field, email_value, error);
}

gint64
crm_users_add (CrmStore    *store,
               const char  *name,
               const char  *email,
               const char  *role,
               GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  g_return_val_if_fail (CRM_IS_STORE (store), 0);

  if (!check_user_values (stripped, email, error))
    return 0;
  return crm_store_add_user (store, stripped, email && *email ? email : NULL, role, error);
}

gboolean
crm_users_update (CrmStore    *store,
                  gint64       id,
                  const char  *name,
                  const char  *email,
                  const char  *role,
                  GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!check_user_values (stripped, email, error))
    return FALSE;
  stmt = crm_store_prepare (store, "UPDATE users SET name = ?, email = ?, role = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, email && *email ? email : NULL, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return FALSE;
    }
  if (sqlite3_changes (crm_store_get_db (store)) == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no user #%" G_GINT64_FORMAT), id);
      return FALSE;
    }
  return TRUE;
}

guint
crm_users_count_active (CrmStore *store)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, "SELECT count(*) FROM users WHERE active = 1", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

gboolean
crm_users_needs_choice (CrmStore *store)
{
  return crm_users_count_active (store) > 1;
}

gboolean
crm_users_set_active (CrmStore    *store,
                      gint64       id,
                      gboolean     active,
                      GError     **error)
{
  g_autoptr(CrmUser) user = crm_users_get (store, id, error);
  crm_autoreset sqlite3_stmt *stmt = NULL;

  if (user == NULL)
    return FALSE;
  crm_users_attach (store);
  if (user->active == !!active)
    return TRUE;
  if (!active && id == crm_store_get_current_user (store))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("%s is the current user and cannot be deactivated"), user->name);
      return FALSE;
    }
  if (!active && crm_users_count_active (store) <= 1)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("At least one user must stay active"));
      return FALSE;
    }

  stmt = crm_store_prepare (store, "UPDATE users SET active = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, active ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
crm_users_set_current (CrmStore    *store,
                       gint64       id,
                       GError     **error)
{
  g_autoptr(CrmUser) user = crm_users_get (store, id, error);

  if (user == NULL)
    return FALSE;
  if (!user->active)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("%s is inactive"), user->name);
      return FALSE;
    }
  crm_store_set_current_user (store, id);
  return TRUE;
}

gint64
crm_users_transfer_records (CrmStore    *store,
                            gint64       from,
                            gint64       to,
                            GError     **error)
{
  GPtrArray *modules = crm_store_get_modules (store);
  g_autoptr(CrmUser) source = NULL;
  g_autoptr(CrmUser) target = NULL;
  g_autoptr(GPtrArray) work = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree char *description = NULL;
  gint64 total = 0;

  g_return_val_if_fail (CRM_IS_STORE (store), -1);

  source = crm_users_get (store, from, error);
  if (source == NULL)
    return -1;
  target = crm_users_get (store, to, error);
  if (target == NULL)
    return -1;
  if (from == to)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Choose another user to give the records to"));
      return -1;
    }
  if (!target->active)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("%s is inactive and cannot be given records"), target->name);
      return -1;
    }

  /* Ids first: saving while a SELECT over the same table steps would
   * see its own writes. */
  for (guint m = 0; m < modules->len; m++)
    {
      CrmModule *module = g_ptr_array_index (modules, m);
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE owner_id = ? AND deleted_at IS NULL ORDER BY id",
                                              crm_module_get_table (module));
      crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, error);
      GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_ptr_array_add (work, ids);
      if (stmt == NULL)
        return -1;
      sqlite3_bind_int64 (stmt, 1, from);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
        }
      total += ids->len;
    }
  if (total == 0)
    return 0;

  /* Translators: an Undo description, "Records of Budi to Sari" */
  description = g_strdup_printf (_("Records of %s to %s"), source->name, target->name);
  if (crm_store_begin_change (store, "transfer", NULL, description, error) == 0)
    return -1;
  for (guint m = 0; m < modules->len; m++)
    {
      CrmModule *module = g_ptr_array_index (modules, m);
      GArray *ids = g_ptr_array_index (work, m);

      for (guint i = 0; i < ids->len; i++)
        if (!crm_store_set_field (store, crm_module_get_api_name (module), g_array_index (ids, gint64, i),
                                  "owner_id", g_variant_new_int64 (to), error))
          {
            crm_store_abort_change (store);
            return -1;
          }
    }
  if (!crm_store_end_change (store, error))
    return -1;
  return total;
}

/*
 * The write hook
 */

static gboolean
owner_hook (CrmStore    *store,
            const char  *action,
            CrmRecord   *before,
            CrmRecord   *after,
            gpointer     user_data,
            GError     **error)
{
  GVariant *owner;
  gboolean create = g_str_equal (action, "create");
  g_autoptr(CrmUser) user = NULL;

  if (!create && !g_str_equal (action, "update"))
    return TRUE;
  owner = crm_record_get_value (after, "owner_id");
  if (owner == NULL || !g_variant_is_of_type (owner, G_VARIANT_TYPE_INT64))
    return TRUE;
  if (!create && before != NULL && crm_record_get_value (before, "owner_id") != NULL &&
      g_variant_equal (owner, crm_record_get_value (before, "owner_id")))
    return TRUE;
  /* The current user is active (crm_users_set_current, set_active see
   * to it): most writes need no lookup. */
  if (g_variant_get_int64 (owner) == crm_store_get_current_user (store))
    return TRUE;

  user = crm_users_get (store, g_variant_get_int64 (owner), NULL);
  if (user != NULL && !user->active)
    {
      CrmField *field = crm_module_get_field (crm_record_get_module (after), "owner_id");

      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("%s: %s is inactive and cannot own records"),
                   field ? crm_field_get_label (field) : _("Owner"), user->name);
      return FALSE;
    }
  return TRUE;
}

void
crm_users_attach (CrmStore *store)
{
  g_return_if_fail (CRM_IS_STORE (store));

  if (g_object_get_data (G_OBJECT (store), "crm-users-hook") != NULL)
    return;
  g_object_set_data (G_OBJECT (store), "crm-users-hook", GUINT_TO_POINTER (
    crm_store_add_write_hook (store, NULL, owner_hook, NULL, NULL)));
}
