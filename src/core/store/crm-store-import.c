/* crm-store-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-store-import"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-store-private.h"

/* What bulk imports need from the store beyond single-record writes: a
 * pass over one field's values (duplicate detection without a query per
 * row) and one indexing statement for everything the import created.
 * crm_store_insert_imported() lives with the other writes in
 * crm-store-records.c. */

gboolean
crm_store_finish_import (CrmStore    *self,
                         const char  *module_name,
                         GError     **error)
{
  CrmModule *module;
  gint64 batch;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (crm_store_get_current_change (self) != 0, FALSE);

  module = crm_store_get_module (self, module_name);
  if (module == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"),
                   module_name ? module_name : "");
      return FALSE;
    }

  batch = crm_store_get_current_change (self);
  if (!_crm_search_index_batch (self, module, batch, error))
    return FALSE;
  _crm_store_notify (self, module_name, 0);
  return TRUE;
}

gboolean
crm_store_foreach_value (CrmStore           *self,
                         const char         *module_name,
                         const char         *field_name,
                         CrmStoreValueFunc   func,
                         gpointer            user_data,
                         GError            **error)
{
  CrmModule *module;
  g_autofree char *sql = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  module = crm_store_get_module (self, module_name);
  if (module == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"),
                   module_name ? module_name : "");
      return FALSE;
    }
  /* The name goes into SQL, so it must be one of the module's fields. */
  if (field_name == NULL || crm_module_get_field (module, field_name) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("%s have no field “%s”"),
                   crm_module_get_plural (module), field_name ? field_name : "");
      return FALSE;
    }

  sql = g_strdup_printf ("SELECT id, \"%s\" FROM \"%s\" WHERE deleted_at IS NULL AND \"%s\" IS NOT NULL ORDER BY id",
                         field_name, crm_module_get_table (module), field_name);
  stmt = crm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GVariant) value = g_variant_ref_sink (_crm_column_variant (stmt, 1));

      func (sqlite3_column_int64 (stmt, 0), value, user_data);
    }
  if (rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}
