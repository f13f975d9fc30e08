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
 * row) and one indexing statement per thousands of created records.
 * crm_store_insert_imported() lives with the other writes in
 * crm-store-records.c. */

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

/**
 * crm_store_index_imported:
 * @module: the module imported into
 * @after_id: index the records with ids above this one
 *
 * Adds the records the current import created to the search index, in one
 * statement. An import calls it every few thousand rows, so that the work
 * shows in its progress and a cancel need not wait for all of it.
 */
gboolean
crm_store_index_imported (CrmStore    *self,
                          const char  *module_name,
                          gint64       after_id,
                          GError     **error)
{
  CrmModule *module;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (crm_store_get_current_change (self) != 0, FALSE);

  module = require_module (self, module_name, error);
  if (module == NULL)
    return FALSE;
  return _crm_search_index_batch (self, module, crm_store_get_current_change (self), after_id, error);
}

/**
 * crm_store_finish_import:
 * @module: the module imported into
 *
 * Queues one records-changed (module, 0) for the end of the import's
 * transaction, for the records it created.
 */
gboolean
crm_store_finish_import (CrmStore    *self,
                         const char  *module_name,
                         GError     **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (crm_store_get_current_change (self) != 0, FALSE);

  if (require_module (self, module_name, error) == NULL)
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

  module = require_module (self, module_name, error);
  if (module == NULL)
    return FALSE;
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
