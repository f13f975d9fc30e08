/* crm-import-columns.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-import-private.h"
#include "crm-money.h"

/* Which column goes into which field, and how a cell's text becomes the
 * field's value. */

static const char * const stamp_columns[] = {
  "created_at", "modified_at", "created_by", "modified_by", "deleted_at", "import_batch", NULL
};

/*
 * Mapping
 */

static gboolean
is_importable (CrmField *field)
{
  return !g_strv_contains (stamp_columns, crm_field_get_api_name (field)) &&
         !crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN);
}

static CrmField *
guess_field (GPtrArray  *fields,
             const char *header,
             GHashTable *used)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  g_autofree char *as_name = crm_api_name_from_label (header);

  /* An api name beats a label, which beats a label spelt differently
   * ("last name", "Last-Name"). */
  for (guint pass = 0; pass < 3; pass++)
    {
      for (guint i = 0; i < fields->len; i++)
        {
          CrmField *field = g_ptr_array_index (fields, i);
          const char *api = crm_field_get_api_name (field);
          gboolean match = FALSE;

          if (!is_importable (field) || g_hash_table_contains (used, api))
            continue;

          if (pass == 0)
            match = g_ascii_strcasecmp (header, api) == 0;
          else if (pass == 1)
            {
              g_autofree char *label = g_utf8_casefold (crm_field_get_label (field), -1);
              match = g_str_equal (label, folded);
            }
          else
            match = *as_name != '\0' && g_str_equal (as_name, api);

          if (match)
            return field;
        }
    }
  return NULL;
}

/**
 * crm_import_guess_mapping:
 * @module: the module to import into
 * @headers: the header row, %NULL-terminated
 *
 * Maps each header that names a field, by api name ("last_name") or label
 * ("Last Name"), ignoring case and surrounding spaces. System stamps
 * (created_at, ...) and hidden fields are never mapped, and each field is
 * taken by the first header that names it.
 *
 * Returns: (transfer full): trimmed header -> field api name
 */
GHashTable *
crm_import_guess_mapping (CrmModule          *module,
                          const char * const *headers)
{
  GHashTable *mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *fields;

  g_return_val_if_fail (CRM_IS_MODULE (module), mapping);
  g_return_val_if_fail (headers != NULL, mapping);

  fields = crm_module_get_fields (module);
  for (guint i = 0; headers[i] != NULL; i++)
    {
      g_autofree char *header = g_strstrip (g_strdup (headers[i]));
      CrmField *field;

      if (*header == '\0' || g_hash_table_contains (mapping, header))
        continue;
      field = guess_field (fields, header, used);
      if (field == NULL)
        continue;
      g_hash_table_add (used, (gpointer) crm_field_get_api_name (field));
      g_hash_table_insert (mapping, g_steal_pointer (&header), g_strdup (crm_field_get_api_name (field)));
    }
  return mapping;
}

static void
add_unmapped (CrmImportJob *self,
              const char   *header,
              guint         index)
{
  if (*header == '\0')
    g_ptr_array_add (self->report->unmapped_columns, g_strdup_printf (_("Column %u"), index + 1));
  else
    g_ptr_array_add (self->report->unmapped_columns, g_strdup (header));
}

static void
setup_column (CrmImportJob    *self,
              CrmImportColumn *column,
              CrmField        *field)
{
  column->field = field;
  column->name = crm_field_get_api_name (field);
  column->type = crm_field_get_field_type (field);
  column->on_update = crm_field_is_editable (field);

  if (column->type == CRM_FIELD_LOOKUP || column->type == CRM_FIELD_OWNER)
    column->resolved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (column->type == CRM_FIELD_PICKLIST || column->type == CRM_FIELD_MULTI_PICKLIST)
    {
      GPtrArray *values = crm_field_get_picklist (field);

      column->picklist = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < values->len; i++)
        {
          const char *value = g_ptr_array_index (values, i);
          g_hash_table_insert (column->picklist, g_utf8_casefold (value, -1), (gpointer) value);
        }
    }
}

gboolean
_crm_import_setup_columns (CrmImportJob        *self,
                           const char * const  *headers,
                           guint                n_headers,
                           GError             **error)
{
  const CrmImportOptions *options = self->options;
  g_autoptr(GHashTable) guessed = NULL;
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);  /* api name -> header */
  g_autoptr(GString) missing = g_string_new (NULL);
  g_auto(GStrv) trimmed = g_new0 (char *, n_headers + 1);
  GHashTable *mapping = options->mapping;
  GPtrArray *fields = crm_module_get_fields (self->module);

  for (guint i = 0; i < n_headers; i++)
    trimmed[i] = g_strstrip (g_strdup (headers[i]));
  if (mapping == NULL)
    mapping = guessed = crm_import_guess_mapping (self->module, (const char * const *) trimmed);

  self->n_columns = n_headers;
  self->columns = g_new0 (CrmImportColumn, n_headers);
  self->values = g_new0 (GVariant *, n_headers);

  for (guint i = 0; i < n_headers; i++)
    {
      const char *header = trimmed[i];
      const char *api = g_hash_table_lookup (mapping, header);
      const char *previous;
      CrmField *field;

      if (api == NULL || *api == '\0')
        {
          add_unmapped (self, header, i);
          continue;
        }

      field = crm_module_get_field (self->module, api);
      if (field == NULL || !is_importable (field))
        {
          g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_MAPPING,
                       _("Column “%s” is mapped to “%s”, which is not a field of %s that can be imported"),
                       header, api, crm_module_get_plural (self->module));
          return FALSE;
        }

      previous = g_hash_table_lookup (used, api);
      if (previous != NULL)
        {
          /* The same header twice: the first column counts. */
          if (g_str_equal (previous, header))
            {
              add_unmapped (self, header, i);
              continue;
            }
          g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_MAPPING,
                       _("Columns “%s” and “%s” are both mapped to %s"),
                       previous, header, crm_field_get_label (field));
          return FALSE;
        }

      g_hash_table_insert (used, (gpointer) crm_field_get_api_name (field), (gpointer) header);
      setup_column (self, &self->columns[i], field);
    }

  if (g_hash_table_size (used) == 0)
    {
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_COLUMNS,
                   _("No column of the file matches a field of %s; the header row must name the fields, for example “%s”"),
                   crm_module_get_plural (self->module),
                   fields->len > 0 ? crm_field_get_label (g_ptr_array_index (fields, 0)) : "");
      return FALSE;
    }

  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);

      if (!crm_field_is_required (field) || !is_importable (field) ||
          crm_field_get_field_type (field) == CRM_FIELD_AUTO_NUMBER ||
          g_hash_table_contains (used, crm_field_get_api_name (field)))
        continue;
      if (missing->len > 0)
        g_string_append (missing, ", ");
      g_string_append (missing, crm_field_get_label (field));
    }
  if (missing->len > 0)
    {
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_MISSING_REQUIRED,
                   _("The file has no column for %s, which every %s needs"),
                   missing->str, crm_module_get_singular (self->module));
      return FALSE;
    }

  self->match_column = -1;
  if (options->match_field != NULL && options->duplicates != CRM_DUPLICATE_CREATE)
    {
      CrmField *field = crm_module_get_field (self->module, options->match_field);

      if (field == NULL || !is_importable (field))
        {
          g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_MAPPING,
                       _("%s have no field “%s” to find duplicates by"),
                       crm_module_get_plural (self->module), options->match_field);
          return FALSE;
        }
      for (guint i = 0; i < self->n_columns; i++)
        if (self->columns[i].field == field)
          self->match_column = i;
      if (self->match_column < 0)
        {
          g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_MAPPING,
                       _("Duplicates are found by %s, but no column of the file is mapped to it"),
                       crm_field_get_label (field));
          return FALSE;
        }
    }

  return TRUE;
}

/*
 * Values
 */

static GVariant *
parse_number_plain (CrmImportColumn *column,
                    const char      *text)
{
  g_autofree char *number = g_strdup (text);
  gint64 n;
  gboolean ok;

  if (column->type == CRM_FIELD_PERCENT && g_str_has_suffix (number, "%"))
    {
      number[strlen (number) - 1] = '\0';
      g_strchomp (number);
    }

  if (column->type == CRM_FIELD_INTEGER)
    ok = crm_decimal_parse_plain (number, 0, &n, NULL);
  else
    ok = crm_decimal_parse_plain (number, crm_field_get_scale (column->field), &n, NULL);

  return ok ? g_variant_ref_sink (g_variant_new_int64 (n)) : NULL;
}

static GVariant *
canonical_picklist (CrmImportColumn *column,
                    const char      *text)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) out = NULL;

  if (column->type == CRM_FIELD_PICKLIST)
    {
      g_autofree char *folded = g_utf8_casefold (text, -1);
      const char *defined = g_hash_table_lookup (column->picklist, folded);

      return g_variant_ref_sink (g_variant_new_string (defined ? defined : text));
    }

  /* Multi-select: "a;B ; c" -> "a; b; c" with each value as defined. */
  parts = g_strsplit (text, ";", -1);
  out = g_string_new (NULL);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *folded = NULL;
      const char *defined;

      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      folded = g_utf8_casefold (parts[i], -1);
      defined = g_hash_table_lookup (column->picklist, folded);
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, defined ? defined : parts[i]);
    }
  if (out->len == 0)
    return NULL;
  return g_variant_ref_sink (g_variant_new_string (out->str));
}

/* Files are read the same in every locale: numbers and money are plain
 * text ("1234.50") first, and only text that is not plain is read the way
 * the user's locale writes numbers ("1.234,50"). */
gboolean
_crm_import_parse_cell (CrmImportJob     *self,
                        CrmImportColumn  *column,
                        const char       *text,
                        GVariant        **value,
                        GError          **error)
{
  g_autofree char *stripped = NULL;

  *value = NULL;

  /* As crm_store_parse_value() does: what is typed into a form and what
   * is read from a file give the same value. */
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return TRUE;

  switch (column->type)
    {
    case CRM_FIELD_LOOKUP:
    case CRM_FIELD_OWNER:
      {
        gint64 *known;

        known = g_hash_table_lookup (column->resolved, stripped);
        if (known != NULL)
          {
            *value = g_variant_ref_sink (g_variant_new_int64 (*known));
            return TRUE;
          }
        if (!crm_store_parse_value (self->store, column->field, stripped, value, error))
          return FALSE;
        /* Only hits are kept: a record this import creates later may
         * still be found by a later row. */
        if (*value != NULL)
          g_hash_table_insert (column->resolved, g_steal_pointer (&stripped),
                               g_memdup2 (&(gint64) { g_variant_get_int64 (*value) }, sizeof (gint64)));
        return TRUE;
      }

    case CRM_FIELD_CURRENCY:
      {
        gint64 minor;

        if (crm_money_parse_plain (stripped, self->home, &minor, NULL))
          {
            *value = g_variant_ref_sink (g_variant_new_int64 (minor));
            return TRUE;
          }
        return crm_field_parse (column->field, stripped, self->home, value, error);
      }

    case CRM_FIELD_INTEGER:
    case CRM_FIELD_DECIMAL:
    case CRM_FIELD_PERCENT:
      *value = parse_number_plain (column, stripped);
      if (*value != NULL)
        return TRUE;
      return crm_field_parse (column->field, stripped, self->home, value, error);

    case CRM_FIELD_PICKLIST:
    case CRM_FIELD_MULTI_PICKLIST:
      *value = canonical_picklist (column, stripped);
      return TRUE;

    case CRM_FIELD_TEXT:
    case CRM_FIELD_LONG_TEXT:
    case CRM_FIELD_EMAIL:
    case CRM_FIELD_PHONE:
    case CRM_FIELD_URL:
    case CRM_FIELD_DATE:
    case CRM_FIELD_DATETIME:
    case CRM_FIELD_CHECKBOX:
    case CRM_FIELD_AUTO_NUMBER:
    case CRM_N_FIELD_TYPES:
    default:
      return crm_field_parse (column->field, stripped, self->home, value, error);
    }
}
