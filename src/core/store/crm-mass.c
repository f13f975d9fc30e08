/* crm-mass.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-mass"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-csv.h"
#include "crm-mass.h"

/* Mass actions reuse the single-record writes (validation, history, search
 * index) inside one outer change set: the inner change sets join it, so
 * the whole action is one transaction and one Undo step. */

#define EXPORT_PAGE 256

static CrmModule *
require_module (CrmStore    *store,
                const char  *name,
                GError     **error)
{
  CrmModule *module = crm_store_get_module (store, name);

  if (module == NULL)
    g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"), name ? name : "");
  return module;
}

static gboolean
require_records (guint    n_ids,
                 GError **error)
{
  if (n_ids == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("No records are selected"));
      return FALSE;
    }
  return TRUE;
}

/* "Lead “Jane Doe”: " before a failure, so that a person can find it. */
static void
prefix_record (CrmStore    *store,
               CrmModule   *module,
               gint64       id,
               GError     **error)
{
  g_autofree char *title = crm_store_dup_record_title (store, crm_module_get_api_name (module), id);

  if (error == NULL || *error == NULL)
    return;
  if (title != NULL && *title != '\0')
    g_prefix_error (error, "%s “%s”: ", crm_module_get_singular (module), title);
  else
    g_prefix_error (error, "%s #%" G_GINT64_FORMAT ": ", crm_module_get_singular (module), id);
}

static const char *
count_label (CrmModule *module,
             guint      n)
{
  return n == 1 ? crm_module_get_singular (module) : crm_module_get_plural (module);
}

gint64
crm_store_mass_update (CrmStore      *store,
                       const char    *module_name,
                       const gint64  *ids,
                       guint          n_ids,
                       const char    *field_name,
                       GVariant      *value,
                       GError       **error)
{
  CrmModule *module;
  CrmField *field;
  g_autofree char *description = NULL;
  g_autoptr(GVariant) owned = value ? g_variant_ref_sink (value) : NULL;
  gint64 change;

  g_return_val_if_fail (CRM_IS_STORE (store), 0);

  if ((module = require_module (store, module_name, error)) == NULL || !require_records (n_ids, error))
    return 0;
  field = crm_module_get_field (module, field_name);
  if (field == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("%s have no field “%s”"),
                   crm_module_get_plural (module), field_name ? field_name : "");
      return 0;
    }
  if (!crm_field_is_editable (field) || crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_READ_ONLY, _("%s is set by CRM and cannot be changed"),
                   crm_field_get_label (field));
      return 0;
    }

  /* Translators: e.g. "Lead Status of 12 Leads" */
  description = g_strdup_printf (_("%s of %u %s"), crm_field_get_label (field), n_ids, count_label (module, n_ids));
  change = crm_store_begin_change (store, "mass-update", module_name, description, error);
  if (change == 0)
    return 0;

  for (guint i = 0; i < n_ids; i++)
    {
      if (!crm_store_set_field (store, module_name, ids[i], field_name, owned, error))
        {
          prefix_record (store, module, ids[i], error);
          crm_store_abort_change (store);
          return 0;
        }
    }

  if (!crm_store_end_change (store, error))
    return 0;
  return change;
}

static gint64
mass_set_deleted (CrmStore      *store,
                  const char    *module_name,
                  const gint64  *ids,
                  guint          n_ids,
                  gboolean       deleted,
                  GError       **error)
{
  CrmModule *module;
  g_autofree char *description = NULL;
  gint64 change;

  g_return_val_if_fail (CRM_IS_STORE (store), 0);

  if ((module = require_module (store, module_name, error)) == NULL || !require_records (n_ids, error))
    return 0;

  description = g_strdup_printf ("%u %s", n_ids, count_label (module, n_ids));
  change = crm_store_begin_change (store, deleted ? "mass-delete" : "mass-restore", module_name, description, error);
  if (change == 0)
    return 0;

  for (guint i = 0; i < n_ids; i++)
    {
      gboolean ok = deleted ? crm_store_delete_record (store, module_name, ids[i], error)
                            : crm_store_restore_record (store, module_name, ids[i], error);
      if (!ok)
        {
          prefix_record (store, module, ids[i], error);
          crm_store_abort_change (store);
          return 0;
        }
    }

  if (!crm_store_end_change (store, error))
    return 0;
  return change;
}

gint64
crm_store_mass_delete (CrmStore      *store,
                       const char    *module,
                       const gint64  *ids,
                       guint          n_ids,
                       GError       **error)
{
  return mass_set_deleted (store, module, ids, n_ids, TRUE, error);
}

gint64
crm_store_mass_restore (CrmStore      *store,
                        const char    *module,
                        const gint64  *ids,
                        guint          n_ids,
                        GError       **error)
{
  return mass_set_deleted (store, module, ids, n_ids, FALSE, error);
}

/*
 * CSV export
 */

static GPtrArray *
export_fields (CrmModule           *module,
               const char * const  *names,
               GError             **error)
{
  g_autoptr(GPtrArray) fields = NULL;

  if (names == NULL)
    return crm_module_dup_list_fields (module);

  fields = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; names[i] != NULL; i++)
    {
      CrmField *field = crm_module_get_field (module, names[i]);

      if (field == NULL)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("%s have no field “%s”"),
                       crm_module_get_plural (module), names[i]);
          return NULL;
        }
      g_ptr_array_add (fields, g_object_ref (field));
    }
  if (fields->len == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Choose at least one column to export"));
      return NULL;
    }
  return g_steal_pointer (&fields);
}

static char *
export_value (CrmStore  *store,
              CrmField  *field,
              GVariant  *value)
{
  switch (crm_field_get_field_type (field))
    {
    case CRM_FIELD_LOOKUP:
    case CRM_FIELD_OWNER:
      return crm_store_format_value (store, field, value);
    default:
      return crm_field_format_plain (field, value);
    }
}

static gboolean
write_page (CrmStore       *store,
            CrmModule      *module,
            GPtrArray      *fields,
            const gint64   *ids,
            guint           n_ids,
            CrmCsvWriter   *writer,
            guint64        *n_written,
            GError        **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree const char **row = g_new0 (const char *, fields->len + 1);

  records = crm_store_load_records (store, crm_module_get_api_name (module), ids, n_ids, error);
  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      CrmRecord *record = g_ptr_array_index (records, i);
      gint64 *key = g_new (gint64, 1);

      *key = crm_record_get_id (record);
      g_hash_table_insert (by_id, key, record);
    }

  for (guint i = 0; i < n_ids; i++)
    {
      CrmRecord *record = g_hash_table_lookup (by_id, &ids[i]);
      g_autoptr(GPtrArray) cells = NULL;

      if (record == NULL)
        continue;
      cells = g_ptr_array_new_with_free_func (g_free);
      for (guint f = 0; f < fields->len; f++)
        {
          CrmField *field = g_ptr_array_index (fields, f);
          GVariant *value = crm_record_get_value (record, crm_field_get_api_name (field));
          char *text = value ? export_value (store, field, value) : NULL;

          g_ptr_array_add (cells, text);
          row[f] = text ? text : "";
        }
      if (!crm_csv_writer_write_row (writer, row, fields->len, error))
        return FALSE;
      if (n_written)
        (*n_written)++;
    }
  return TRUE;
}

gboolean
crm_store_export_csv (CrmStore            *store,
                      const char          *module_name,
                      const gint64        *ids,
                      guint                n_ids,
                      const char * const  *names,
                      GOutputStream       *out,
                      GCancellable        *cancellable,
                      guint64             *n_written,
                      GError             **error)
{
  CrmModule *module;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(CrmCsvWriter) writer = NULL;
  g_autofree const char **header = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (n_written)
    *n_written = 0;
  if ((module = require_module (store, module_name, error)) == NULL)
    return FALSE;
  if ((fields = export_fields (module, names, error)) == NULL)
    return FALSE;

  writer = crm_csv_writer_new (out);
  header = g_new0 (const char *, fields->len + 1);
  for (guint f = 0; f < fields->len; f++)
    header[f] = crm_field_get_label (g_ptr_array_index (fields, f));
  if (!crm_csv_writer_write_row (writer, header, fields->len, error))
    return FALSE;

  for (guint start = 0; start < n_ids; start += EXPORT_PAGE)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!write_page (store, module, fields, ids + start, MIN (EXPORT_PAGE, n_ids - start),
                       writer, n_written, error))
        return FALSE;
    }
  return crm_csv_writer_close (writer, error);
}

gboolean
crm_store_export_query_csv (CrmStore            *store,
                            CrmQuery            *query,
                            const char * const  *fields,
                            GOutputStream       *out,
                            GCancellable        *cancellable,
                            guint64             *n_written,
                            GError             **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (CRM_IS_QUERY (query), FALSE);

  ids = crm_store_query_ids (store, query, error);
  if (ids == NULL)
    return FALSE;
  return crm_store_export_csv (store, crm_query_get_module (query), (const gint64 *) ids->data, ids->len,
                               fields, out, cancellable, n_written, error);
}
