/* crm-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-import"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-csv.h"
#include "crm-import-private.h"

/* One import is one change set in one transaction: a broken file, a bad
 * row in all-or-nothing mode, a cancel or a dry run rolls it all back, and
 * Undo removes it all. New rows go in through crm_store_insert_imported()
 * (validation as for any save, no history, one search-index pass at the
 * end); duplicates to update go through crm_store_save_record() so that
 * their history lets Undo put the old values back. */

#define PROGRESS_EVERY 500
#define INDEX_EVERY    5000

G_DEFINE_QUARK (crm-import-error-quark, crm_import_error)

typedef struct
{
  char   *field;
  GError *error;
} Problem;

/*
 * Reports
 */

static void
row_error_free (gpointer data)
{
  CrmImportRowError *row_error = data;

  g_free (row_error->field);
  g_free (row_error->message);
  g_free (row_error);
}

static CrmImportReport *
report_new (void)
{
  CrmImportReport *report = g_new0 (CrmImportReport, 1);

  report->errors = g_ptr_array_new_with_free_func (row_error_free);
  report->unmapped_columns = g_ptr_array_new_with_free_func (g_free);
  return report;
}

void
crm_import_report_free (CrmImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->errors);
  g_ptr_array_unref (report->unmapped_columns);
  g_free (report);
}

/*
 * Duplicates
 */

/* What COLLATE NOCASE compares: ASCII case only. */
static char *
match_key (GVariant *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_ascii_strdown (g_variant_get_string (value, NULL), -1);
  return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
}

static void
remember (CrmImportJob *self,
          GVariant     *value,
          gint64        id)
{
  char *key = match_key (value);

  /* The oldest record wins, as in a query ordered by id. */
  if (g_hash_table_contains (self->existing, key))
    {
      g_free (key);
      return;
    }
  g_array_append_val (self->existing_ids, id);
  g_hash_table_insert (self->existing, key, GUINT_TO_POINTER (self->existing_ids->len));
}

static void
remember_cb (gint64    id,
             GVariant *value,
             gpointer  user_data)
{
  remember (user_data, value, id);
}

static gint64
find_duplicate (CrmImportJob *self,
                GVariant     *value)
{
  g_autofree char *key = match_key (value);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->existing, key));

  return index > 0 ? g_array_index (self->existing_ids, gint64, index - 1) : 0;
}

static gboolean
load_existing (CrmImportJob  *self,
               GError       **error)
{
  self->existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->existing_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (self->match_column < 0)
    return TRUE;
  return crm_store_foreach_value (self->store, crm_module_get_api_name (self->module),
                                  self->columns[self->match_column].name,
                                  remember_cb, self, error);
}

/*
 * Rows
 */

static void
add_problem (CrmImportJob *self,
             const char   *field,
             GError       *error)
{
  Problem problem = { g_strdup (field), error };

  g_array_append_val (self->problems, problem);
}

static void
problem_clear (gpointer data)
{
  Problem *problem = data;

  g_free (problem->field);
  g_clear_error (&problem->error);
}

static void
clear_row (CrmImportJob *self)
{
  for (guint i = 0; i < self->n_columns; i++)
    g_clear_pointer (&self->values[i], g_variant_unref);
  g_array_set_size (self->problems, 0);
  g_hash_table_remove_all (self->field_errors);
}

/* Validation messages, in form order, for fields that have no problem yet. */
static void
add_field_errors (CrmImportJob *self)
{
  GPtrArray *fields = crm_module_get_fields (self->module);

  for (guint i = 0; i < fields->len && g_hash_table_size (self->field_errors) > 0; i++)
    {
      const char *name = crm_field_get_api_name (g_ptr_array_index (fields, i));
      const char *message = g_hash_table_lookup (self->field_errors, name);
      gboolean known = FALSE;

      if (message == NULL)
        continue;
      for (guint k = 0; k < self->problems->len && !known; k++)
        known = g_strcmp0 (g_array_index (self->problems, Problem, k).field, name) == 0;
      if (!known)
        add_problem (self, name, g_error_new_literal (CRM_ERROR, CRM_ERROR_VALIDATION, message));
    }
}

static int
problem_position (CrmModule  *module,
                  const char *name)
{
  CrmField *field = name ? crm_module_get_field (module, name) : NULL;

  return field ? crm_field_get_position (field) : -1;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b,
                  gpointer      module)
{
  int pa = problem_position (module, ((const Problem *) a)->field);
  int pb = problem_position (module, ((const Problem *) b)->field);

  return (pa > pb) - (pa < pb);
}

/* The row's problems, in form order, fail the import (all or nothing) or
 * the row. */
static gboolean
reject_row (CrmImportJob  *self,
            guint64        line,
            GError       **error)
{
  g_autofree char *line_str = g_strdup_printf ("%" G_GUINT64_FORMAT, line);

  g_assert (self->problems->len > 0);
  g_array_sort_with_data (self->problems, compare_problems, self->module);

  if (self->options->mode == CRM_IMPORT_ALL_OR_NOTHING)
    {
      Problem *first = &g_array_index (self->problems, Problem, 0);

      g_set_error (error, first->error->domain, first->error->code,
                   /* Translators: "Line 12: Email: “x” is not a valid email address" */
                   _("Line %s: %s"), line_str, first->error->message);
      return FALSE;
    }

  self->report->failed++;
  for (guint i = 0; i < self->problems->len; i++)
    {
      Problem *problem = &g_array_index (self->problems, Problem, i);
      CrmImportRowError *row_error;

      if (self->report->errors->len >= CRM_IMPORT_MAX_ERRORS)
        break;
      row_error = g_new0 (CrmImportRowError, 1);
      row_error->line = line;
      row_error->field = g_strdup (problem->field);
      row_error->message = g_strdup (problem->error->message);
      g_ptr_array_add (self->report->errors, row_error);
    }
  return TRUE;
}

/* A record that a write refused for a reason of its own (not a database
 * failure) is a bad row, not a failed import. */
static gboolean
is_row_problem (GError *error)
{
  return error->domain == CRM_ERROR &&
         error->code != CRM_ERROR_DATABASE &&
         error->code != CRM_ERROR_NOT_A_DATABASE &&
         error->code != CRM_ERROR_FAILED;
}

static void
fill_record (CrmImportJob *self,
             CrmRecord    *record,
             gboolean      update)
{
  for (guint i = 0; i < self->n_columns; i++)
    {
      CrmImportColumn *column = &self->columns[i];

      if (self->values[i] == NULL || (update && !column->on_update))
        continue;
      crm_record_set_value (record, column->name, self->values[i]);
    }
}

static gboolean
update_row (CrmImportJob  *self,
            gint64         id,
            guint64        line,
            GError       **error)
{
  g_autoptr(CrmRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;

  record = crm_store_load_record (self->store, crm_module_get_api_name (self->module), id, error);
  if (record == NULL)
    return FALSE;

  /* Empty cells leave what the record has. */
  fill_record (self, record, TRUE);
  if (!crm_store_validate_record (self->store, record, self->field_errors, NULL) ||
      self->problems->len > 0)
    {
      add_field_errors (self);
      return reject_row (self, line, error);
    }

  if (!crm_store_save_record (self->store, record, &local_error))
    {
      if (!is_row_problem (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      add_problem (self, NULL, g_steal_pointer (&local_error));
      return reject_row (self, line, error);
    }

  self->report->updated++;
  return TRUE;
}

static gboolean
create_row (CrmImportJob  *self,
            guint64        line,
            GError       **error)
{
  g_autoptr(CrmRecord) record = crm_record_new (self->module);
  g_autoptr(GError) local_error = NULL;

  fill_record (self, record, FALSE);

  if (self->problems->len > 0)
    {
      /* Report what else is wrong with the row, writing nothing. */
      crm_store_validate_record (self->store, record, self->field_errors, NULL);
      add_field_errors (self);
      return reject_row (self, line, error);
    }

  if (!crm_store_insert_imported (self->store, record, self->field_errors, &local_error))
    {
      if (!is_row_problem (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (g_hash_table_size (self->field_errors) > 0)
        add_field_errors (self);
      else
        add_problem (self, NULL, g_steal_pointer (&local_error));
      return reject_row (self, line, error);
    }

  self->report->created++;
  self->last_created = crm_record_get_id (record);
  self->unindexed++;
  if (self->match_column >= 0 && self->values[self->match_column] != NULL)
    remember (self, self->values[self->match_column], crm_record_get_id (record));
  return TRUE;
}

static gboolean
is_blank_row (const char * const *fields,
              guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    for (const char *p = fields[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

static gboolean
import_row (CrmImportJob        *self,
            const char * const  *fields,
            guint                n_fields,
            guint64              line,
            GError             **error)
{
  gint64 duplicate = 0;

  /* Spreadsheets pad the end of a sheet with rows of empty cells. */
  if (is_blank_row (fields, n_fields))
    return TRUE;

  self->report->rows_read++;
  clear_row (self);

  if (n_fields < self->n_columns || !is_blank_row (fields + self->n_columns, n_fields - self->n_columns))
    {
      add_problem (self, NULL,
                   g_error_new (CRM_ERROR, CRM_ERROR_VALIDATION,
                                _("The row has %u fields but the header has %u; a field that contains a comma or a line break must be enclosed in quotes"),
                                n_fields, self->n_columns));
      return reject_row (self, line, error);
    }

  for (guint i = 0; i < self->n_columns; i++)
    {
      CrmImportColumn *column = &self->columns[i];
      GError *parse_error = NULL;

      if (column->field == NULL)
        continue;
      if (!_crm_import_parse_cell (self, column, fields[i], &self->values[i], &parse_error))
        {
          if (!is_row_problem (parse_error))
            {
              g_propagate_error (error, parse_error);
              return FALSE;
            }
          add_problem (self, column->name, parse_error);
        }
    }

  if (self->match_column >= 0 && self->values[self->match_column] != NULL)
    duplicate = find_duplicate (self, self->values[self->match_column]);

  if (duplicate != 0 && self->options->duplicates == CRM_DUPLICATE_SKIP)
    {
      self->report->skipped_duplicates++;
      return TRUE;
    }
  if (duplicate != 0 && self->options->duplicates == CRM_DUPLICATE_UPDATE)
    return update_row (self, duplicate, line, error);
  return create_row (self, line, error);
}

/*
 * Running
 */

static void
import_clear (CrmImportJob *self)
{
  for (guint i = 0; i < self->n_columns; i++)
    {
      g_clear_pointer (&self->columns[i].resolved, g_hash_table_unref);
      g_clear_pointer (&self->columns[i].picklist, g_hash_table_unref);
      g_clear_pointer (&self->values[i], g_variant_unref);
    }
  g_clear_pointer (&self->columns, g_free);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->problems, g_array_unref);
  g_clear_pointer (&self->field_errors, g_hash_table_unref);
  g_clear_pointer (&self->existing, g_hash_table_unref);
  g_clear_pointer (&self->existing_ids, g_array_unref);
  g_clear_pointer (&self->home, g_free);
}

/* Search terms go in every few thousand rows rather than with each row
 * (one statement for many rows is far cheaper) or all at the end (which
 * would stall the progress and the cancel button for the last third of a
 * big import). A dry run writes nothing, so it indexes nothing. */
static gboolean
index_created (CrmImportJob  *self,
               GError       **error)
{
  if (self->options->dry_run)
    {
      self->unindexed = 0;
      return TRUE;
    }
  if (!crm_store_index_imported (self->store, crm_module_get_api_name (self->module),
                                 self->indexed_after, error))
    return FALSE;
  self->indexed_after = self->last_created;
  self->unindexed = 0;
  return TRUE;
}

static void
report_progress (CrmImportJob *self,
                 CrmCsvReader *reader,
                 guint64       bytes_total)
{
  if (self->options->progress != NULL)
    self->options->progress (crm_csv_reader_get_bytes_read (reader), bytes_total,
                             self->report->rows_read, self->options->progress_data);
}

static gboolean
run_import (CrmStore                *store,
            const char              *module_name,
            GInputStream            *stream,
            guint64                  size,
            const char              *description,
            const CrmImportOptions  *options,
            CrmImportReport        **report_out,
            GError                 **error)
{
  static const CrmImportOptions defaults = { 0 };
  g_autoptr(CrmCsvReader) reader = NULL;
  g_autoptr(CrmImportReport) report = NULL;
  const char * const *fields = NULL;
  guint n_fields = 0;
  CrmImportJob self = { 0 };
  guint64 last_progress = 0;
  gboolean ok = FALSE;
  gint64 change;

  if (options == NULL)
    options = &defaults;

  self.store = store;
  self.options = options;
  self.module = crm_store_get_module (store, module_name);
  self.match_column = -1;
  self.problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (self.problems, problem_clear);
  self.field_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (self.module == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"), module_name);
      goto out;
    }

  report = report_new ();
  self.report = report;
  self.home = crm_store_dup_home_currency (store);
  reader = crm_csv_reader_new_for_stream (stream);

  if (!crm_csv_reader_next (reader, &fields, &n_fields, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_EMPTY,
                     _("The file is empty; it needs a header row that names the fields"));
      goto out;
    }
  if (!_crm_import_setup_columns (&self, fields, n_fields, error))
    goto out;

  change = crm_store_begin_change (store, "import", module_name, description, error);
  if (change == 0)
    goto out;

  if (!load_existing (&self, error))
    goto abort;

  report_progress (&self, reader, size);
  for (;;)
    {
      GError *local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (options->cancellable, error))
        goto abort;
      if (!crm_csv_reader_next (reader, &fields, &n_fields, &local_error))
        {
          if (local_error == NULL)
            break;
          g_propagate_error (error, local_error);
          goto abort;
        }
      if (!import_row (&self, fields, n_fields, crm_csv_reader_get_line (reader), error))
        goto abort;
      if (self.unindexed >= INDEX_EVERY && !index_created (&self, error))
        goto abort;
      if (report->rows_read - last_progress >= PROGRESS_EVERY)
        {
          last_progress = report->rows_read;
          report_progress (&self, reader, size);
        }
    }

  if (self.unindexed > 0 && !index_created (&self, error))
    goto abort;
  report_progress (&self, reader, size);
  if (g_cancellable_set_error_if_cancelled (options->cancellable, error))
    goto abort;

  if (options->dry_run || (report->created == 0 && report->updated == 0))
    {
      /* Nothing to keep: no empty step on the Undo stack. */
      crm_store_abort_change (store);
    }
  else
    {
      if (report->created > 0 && !crm_store_finish_import (store, module_name, error))
        goto abort;
      if (!crm_store_end_change (store, error))
        goto out;
      report->change_id = change;
    }

  *report_out = g_steal_pointer (&report);
  ok = TRUE;
  goto out;

abort:
  crm_store_abort_change (store);
out:
  import_clear (&self);
  return ok;
}

/**
 * crm_import_csv_stream:
 * @store: the database
 * @module: api name of the module to import into
 * @stream: RFC 4180 CSV in UTF-8 (a byte order mark is dropped); the first
 *   row names the columns
 * @size: the stream's size in bytes for progress reports, or 0
 * @options: (nullable): how to import
 * @report: (out) (transfer full): what happened, when %TRUE is returned
 * @error: return location for an error
 *
 * Imports records in one transaction, or validates them without writing
 * anything (dry run). Must not be called inside a transaction.
 *
 * Returns: %TRUE when the import ran (bad rows may have been skipped);
 *   %FALSE with @error when nothing was imported
 */
gboolean
crm_import_csv_stream (CrmStore                *store,
                       const char              *module,
                       GInputStream            *stream,
                       guint64                  size,
                       const CrmImportOptions  *options,
                       CrmImportReport        **report,
                       GError                 **error)
{
  CrmModule *target;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (module != NULL, FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (!crm_store_in_transaction (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *report = NULL;
  target = crm_store_get_module (store, module);
  return run_import (store, module, stream, size,
                     options && options->description ? options->description
                       : target ? crm_module_get_plural (target) : module,
                     options, report, error);
}

/**
 * crm_import_csv:
 * @path: a CSV file in the GLib file name encoding
 *
 * Like crm_import_csv_stream(), reading @path. The Undo description is
 * the file name unless the options give one.
 */
gboolean
crm_import_csv (CrmStore                *store,
                const char              *module,
                const char              *path,
                const CrmImportOptions  *options,
                CrmImportReport        **report,
                GError                 **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (module != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (!crm_store_in_transaction (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *report = NULL;
  name = g_filename_display_basename (path);
  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, CRM_CSV_ERROR, CRM_CSV_ERROR_IO,
                   _("Could not open “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);

  return run_import (store, module, G_INPUT_STREAM (stream),
                     info ? (guint64) g_file_info_get_size (info) : 0,
                     options && options->description ? options->description : name,
                     options, report, error);
}
