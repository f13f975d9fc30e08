/* crm-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-export"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-csv.h"
#include "crm-export.h"
#include "crm-money.h"

/* Records are read in fixed-size pages so that the store keeps one cached
 * statement per page size; the last page is padded with an id no record
 * has. */
#define PAGE_SIZE      256
#define NO_RECORD      G_GINT64_CONSTANT (-1)
#define MAX_NAME_CACHE 65536

static const char * const stamp_columns[] = {
  "created_at", "modified_at", "created_by", "modified_by", "deleted_at", "import_batch", NULL
};

typedef struct
{
  CrmStore   *store;
  GPtrArray  *fields;
  char       *home;
  GHashTable *names;   /* "field\037id" -> the lookup's or owner's name */
} Exporter;

/**
 * crm_export_fields:
 * @module: a module
 *
 * The module's fields that are not hidden, in form order, without the
 * stamps an import sets by itself (created and modified time and user).
 *
 * Returns: (transfer container) (element-type CrmField): the fields
 */
GPtrArray *
crm_export_fields (CrmModule *module)
{
  GPtrArray *all;
  GPtrArray *fields = g_ptr_array_new ();

  g_return_val_if_fail (CRM_IS_MODULE (module), fields);

  all = crm_module_get_fields (module);
  for (guint i = 0; i < all->len; i++)
    {
      CrmField *field = g_ptr_array_index (all, i);

      if (crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN) ||
          g_strv_contains (stamp_columns, crm_field_get_api_name (field)))
        continue;
      g_ptr_array_add (fields, field);
    }
  return fields;
}

static char *
format_name (Exporter  *self,
             CrmField  *field,
             GVariant  *value)
{
  g_autofree char *key = NULL;
  const char *known;
  char *name;

  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return crm_field_format_plain (field, value);

  /* Many rows name the same account or owner: ask the store once. */
  key = g_strdup_printf ("%s\037%" G_GINT64_FORMAT, crm_field_get_api_name (field), g_variant_get_int64 (value));
  known = g_hash_table_lookup (self->names, key);
  if (known != NULL)
    return g_strdup (known);

  name = crm_store_format_value (self->store, field, value);
  if (name == NULL)
    name = g_strdup ("");
  if (g_hash_table_size (self->names) >= MAX_NAME_CACHE)
    g_hash_table_remove_all (self->names);
  g_hash_table_insert (self->names, g_steal_pointer (&key), g_strdup (name));
  return name;
}

static char *
format_cell (Exporter  *self,
             CrmField  *field,
             GVariant  *value)
{
  if (value == NULL)
    return NULL;

  switch (crm_field_get_field_type (field))
    {
    case CRM_FIELD_LOOKUP:
    case CRM_FIELD_OWNER:
      return format_name (self, field, value);

    case CRM_FIELD_CURRENCY:
      /* Amounts are minor units of the home currency, so its digits count. */
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        return crm_money_format_plain (g_variant_get_int64 (value), self->home);
      return crm_field_format_plain (field, value);

    case CRM_FIELD_TEXT:
    case CRM_FIELD_LONG_TEXT:
    case CRM_FIELD_EMAIL:
    case CRM_FIELD_PHONE:
    case CRM_FIELD_URL:
    case CRM_FIELD_INTEGER:
    case CRM_FIELD_DECIMAL:
    case CRM_FIELD_PERCENT:
    case CRM_FIELD_DATE:
    case CRM_FIELD_DATETIME:
    case CRM_FIELD_CHECKBOX:
    case CRM_FIELD_PICKLIST:
    case CRM_FIELD_MULTI_PICKLIST:
    case CRM_FIELD_AUTO_NUMBER:
    case CRM_N_FIELD_TYPES:
    default:
      return crm_field_format_plain (field, value);
    }
}

static gboolean
write_record (Exporter      *self,
              CrmCsvWriter  *writer,
              CrmRecord     *record,
              GError       **error)
{
  guint n = self->fields->len;
  g_autofree char **cells = g_new0 (char *, n);
  gboolean ok;

  for (guint i = 0; i < n; i++)
    {
      CrmField *field = g_ptr_array_index (self->fields, i);

      cells[i] = format_cell (self, field, crm_record_get_value (record, crm_field_get_api_name (field)));
    }
  ok = crm_csv_writer_write_row (writer, (const char * const *) cells, n, error);
  for (guint i = 0; i < n; i++)
    g_free (cells[i]);
  return ok;
}

static gboolean
write_page (Exporter      *self,
            CrmCsvWriter  *writer,
            CrmModule     *module,
            const gint64  *ids,
            guint          n_ids,
            GError       **error)
{
  gint64 page[PAGE_SIZE];
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < PAGE_SIZE; i++)
    page[i] = i < n_ids ? ids[i] : NO_RECORD;

  records = crm_store_load_records (self->store, crm_module_get_api_name (module), page, PAGE_SIZE, error);
  if (records == NULL)
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      CrmRecord *record = g_ptr_array_index (records, i);
      gint64 *id = g_new (gint64, 1);

      /* The key must outlive the loop; the record's id is not addressable. */
      *id = crm_record_get_id (record);
      g_hash_table_insert (by_id, id, record);
    }

  for (guint i = 0; i < n_ids; i++)
    {
      CrmRecord *record = g_hash_table_lookup (by_id, &ids[i]);

      if (record != NULL && !write_record (self, writer, record, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
export_ids (CrmStore      *store,
            CrmModule     *module,
            const gint64  *ids,
            guint          n_ids,
            const char    *path,
            GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(CrmCsvWriter) writer = NULL;
  g_autoptr(GPtrArray) fields = crm_export_fields (module);
  g_autoptr(GError) local_error = NULL;
  g_autofree char **header = NULL;
  Exporter self = { 0 };
  gboolean ok = FALSE;

  if (fields->len == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("%s have no fields to export"),
                   crm_module_get_plural (module));
      return FALSE;
    }

  /* g_file_replace() writes a temporary file and renames it on close; a
   * writer freed without closing cancels, which keeps the old file. */
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &local_error);
  if (out == NULL)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, CRM_CSV_ERROR, CRM_CSV_ERROR_IO,
                   _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  writer = crm_csv_writer_new (G_OUTPUT_STREAM (out));

  header = g_new0 (char *, fields->len + 1);
  for (guint i = 0; i < fields->len; i++)
    header[i] = (char *) crm_field_get_api_name (g_ptr_array_index (fields, i));
  if (!crm_csv_writer_write_row (writer, (const char * const *) header, fields->len, error))
    return FALSE;

  self.store = store;
  self.fields = fields;
  self.home = crm_store_dup_home_currency (store);
  self.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint done = 0; done < n_ids; done += PAGE_SIZE)
    {
      if (!write_page (&self, writer, module, ids + done, MIN (PAGE_SIZE, n_ids - done), error))
        goto out;
    }

  ok = crm_csv_writer_close (writer, error);

out:
  g_free (self.home);
  g_hash_table_unref (self.names);
  return ok;
}

gboolean
crm_export_csv (CrmStore    *store,
                CrmQuery    *query,
                const char  *path,
                GError     **error)
{
  CrmModule *module;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (CRM_IS_QUERY (query), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  module = crm_store_get_module (store, crm_query_get_module (query));
  if (module == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"),
                   crm_query_get_module (query));
      return FALSE;
    }

  ids = crm_store_query_ids (store, query, error);
  if (ids == NULL)
    return FALSE;
  return export_ids (store, module, (const gint64 *) ids->data, ids->len, path, error);
}

gboolean
crm_export_csv_ids (CrmStore      *store,
                    const char    *module_name,
                    const gint64  *ids,
                    guint          n_ids,
                    const char    *path,
                    GError       **error)
{
  CrmModule *module;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  module = crm_store_get_module (store, module_name);
  if (module == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"),
                   module_name ? module_name : "");
      return FALSE;
    }
  return export_ids (store, module, ids, n_ids, path, error);
}
