/* crm-import-wizard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-import-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-csv.h"
#include "crm-import.h"
#include "crm-import-wizard.h"

#define PREVIEW_ROWS 5

struct _CrmImportWizard
{
  AdwWindow            parent_instance;

  CrmStore            *store;
  char                *module;
  char                *path;
  GPtrArray           *headers;       /* char* */
  GPtrArray           *mapping_rows;  /* AdwComboRow*, one per header */
  GPtrArray           *fields;        /* CrmField* importable, as in the combos after "Do not import" */
  GCancellable        *cancellable;
  gboolean             running;

  /* Template widgets */
  GtkStack            *stack;
  GtkButton           *back_button;
  GtkButton           *next_button;
  GtkButton           *cancel_button;
  AdwWindowTitle      *title;
  AdwComboRow         *module_row;
  AdwPreferencesGroup *mapping_group;
  GtkGrid             *preview_grid;
  AdwComboRow         *duplicates_row;
  AdwComboRow         *match_row;
  AdwComboRow         *mode_row;
  AdwStatusPage       *report_status;
  GtkLabel            *report_label;
  GtkProgressBar      *progress;
  AdwStatusPage       *done_status;
  AdwToastOverlay     *toasts;
};

G_DEFINE_FINAL_TYPE (CrmImportWizard, crm_import_wizard, ADW_TYPE_WINDOW)

static const char * const steps[] = { "file", "mapping", "duplicates", "report", "progress", "done", NULL };

static void
toast_error (CrmImportWizard *self,
             const GError    *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static guint
step_index (CrmImportWizard *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; steps[i]; i++)
    if (g_strcmp0 (steps[i], name) == 0)
      return i;
  return 0;
}

static void
update_buttons (CrmImportWizard *self)
{
  guint step = step_index (self);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), step > 0 && step < 4);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), step > 0 && step != 4);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), TRUE);
  gtk_button_set_label (self->next_button, step == 3 ? _("_Import") : step == 5 ? _("_Close") : _("_Next"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), step < 5);
  if (step == 3)
    gtk_widget_add_css_class (GTK_WIDGET (self->next_button), "suggested-action");
}

static void
show_step (CrmImportWizard *self,
           const char      *step)
{
  gtk_stack_set_visible_child_name (self->stack, step);
  update_buttons (self);
}

static CrmModule *
get_module (CrmImportWizard *self)
{
  return crm_store_get_module (self->store, self->module);
}

static void
fill_fields (CrmImportWizard *self)
{
  GPtrArray *fields = crm_module_get_fields (get_module (self));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->fields, 0);
  gtk_string_list_append (names, _("None"));
  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);

      if (crm_field_has_flag (field, CRM_FIELD_FLAG_SYSTEM) || crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN) ||
          crm_field_get_field_type (field) == CRM_FIELD_AUTO_NUMBER)
        continue;
      g_ptr_array_add (self->fields, field);
      gtk_string_list_append (names, crm_field_get_label (field));
    }
  adw_combo_row_set_model (self->match_row, G_LIST_MODEL (names));
}

static GtkStringList *
field_choices (CrmImportWizard *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("Do Not Import"));
  for (guint i = 0; i < self->fields->len; i++)
    gtk_string_list_append (names, crm_field_get_label (g_ptr_array_index (self->fields, i)));
  return names;
}

static void
clear_mapping (CrmImportWizard *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->mapping_rows->len; i++)
    adw_preferences_group_remove (self->mapping_group, g_ptr_array_index (self->mapping_rows, i));
  g_ptr_array_set_size (self->mapping_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))))
    gtk_grid_remove (self->preview_grid, child);
}

gboolean
crm_import_wizard_set_file (CrmImportWizard  *self,
                            const char       *path,
                            GError          **error)
{
  g_autoptr(CrmCsvReader) reader = NULL;
  g_autoptr(GHashTable) guess = NULL;
  g_autoptr(GtkStringList) choices = NULL;
  const char * const *cells;
  guint n_cells, row = 0;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (CRM_IS_IMPORT_WIZARD (self), FALSE);

  reader = crm_csv_reader_new_for_path (path, error);
  if (reader == NULL)
    return FALSE;
  if (!crm_csv_reader_next (reader, &cells, &n_cells, error))
    {
      if (error && *error == NULL)
        g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_EMPTY, _("“%s” is empty: it has no header row"), path);
      return FALSE;
    }

  clear_mapping (self);
  g_free (self->path);
  self->path = g_strdup (path);
  g_ptr_array_set_size (self->headers, 0);
  for (guint i = 0; i < n_cells; i++)
    g_ptr_array_add (self->headers, g_strstrip (g_strdup (cells[i])));
  g_ptr_array_add (self->headers, NULL);
  guess = crm_import_guess_mapping (get_module (self), (const char * const *) self->headers->pdata);
  g_ptr_array_set_size (self->headers, n_cells);

  choices = field_choices (self);
  for (guint i = 0; i < n_cells; i++)
    {
      const char *header = g_ptr_array_index (self->headers, i);
      const char *api_name = g_hash_table_lookup (guess, header);
      GtkWidget *combo = adw_combo_row_new ();
      GtkWidget *label = gtk_label_new (header);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), *header ? header : _("(no name)"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (combo), FALSE);
      adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (choices));
      for (guint j = 0; api_name && j < self->fields->len; j++)
        if (g_strcmp0 (crm_field_get_api_name (g_ptr_array_index (self->fields, j)), api_name) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (combo), j + 1);
      adw_preferences_group_add (self->mapping_group, combo);
      g_ptr_array_add (self->mapping_rows, combo);

      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (self->preview_grid, label, i, 0, 1, 1);
    }

  /* The preview: the first rows as they are in the file. */
  while (row < PREVIEW_ROWS && crm_csv_reader_next (reader, &cells, &n_cells, NULL))
    {
      row++;
      for (guint i = 0; i < n_cells && i < self->headers->len; i++)
        {
          GtkWidget *label = gtk_label_new (cells[i]);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
          gtk_grid_attach (self->preview_grid, label, i, row, 1, 1);
        }
    }

  basename = g_path_get_basename (path);
  adw_window_title_set_subtitle (self->title, basename);
  show_step (self, "mapping");
  return TRUE;
}

const char *
crm_import_wizard_get_step (CrmImportWizard *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_WIZARD (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

static GHashTable *
build_mapping (CrmImportWizard *self)
{
  GHashTable *mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < self->mapping_rows->len; i++)
    {
      guint selected = adw_combo_row_get_selected (g_ptr_array_index (self->mapping_rows, i));
      const char *api_name = selected > 0 && selected <= self->fields->len
        ? crm_field_get_api_name (g_ptr_array_index (self->fields, selected - 1)) : "";

      g_hash_table_insert (mapping, g_strdup (g_ptr_array_index (self->headers, i)), g_strdup (api_name));
    }
  return mapping;
}

static void
on_progress (guint64  bytes_done,
             guint64  bytes_total,
             guint64  rows_done,
             gpointer user_data)
{
  CrmImportWizard *self = user_data;
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GUINT64_FORMAT " row",
                                                        "%" G_GUINT64_FORMAT " rows", rows_done), rows_done);

  if (bytes_total > 0)
    gtk_progress_bar_set_fraction (self->progress, (double) bytes_done / bytes_total);
  else
    gtk_progress_bar_pulse (self->progress);
  gtk_progress_bar_set_text (self->progress, text);
  /* The import runs in this thread, in one transaction on the window's
   * store: letting the main loop run here is what keeps the window
   * drawn and the Cancel button working. The window is modal. */
  for (int i = 0; i < 20 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
run_import (CrmImportWizard  *self,
            gboolean          dry_run,
            CrmImportReport **report,
            GError          **error)
{
  g_autoptr(GHashTable) mapping = build_mapping (self);
  CrmImportOptions options = { 0, };
  guint match = adw_combo_row_get_selected (self->match_row);
  gboolean ok;

  options.mode = adw_combo_row_get_selected (self->mode_row) == 1 ? CRM_IMPORT_SKIP_BAD_ROWS : CRM_IMPORT_ALL_OR_NOTHING;
  options.duplicates = adw_combo_row_get_selected (self->duplicates_row);
  options.match_field = match > 0 && match <= self->fields->len
    ? crm_field_get_api_name (g_ptr_array_index (self->fields, match - 1)) : NULL;
  if (options.match_field == NULL)
    options.duplicates = CRM_DUPLICATE_CREATE;
  options.mapping = mapping;
  options.dry_run = dry_run;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  options.cancellable = self->cancellable;
  options.progress = on_progress;
  options.progress_data = self;

  self->running = TRUE;
  g_object_ref (self);
  ok = crm_import_csv (self->store, self->module, self->path, &options, report, error);
  self->running = FALSE;
  g_object_unref (self);
  return ok;
}

static char *
describe_report (CrmImportReport *report,
                 gboolean         dry_run)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, dry_run ? _("%" G_GUINT64_FORMAT " rows read: %" G_GUINT64_FORMAT " would be created, "
                                            "%" G_GUINT64_FORMAT " updated, %" G_GUINT64_FORMAT " skipped as duplicates, "
                                            "%" G_GUINT64_FORMAT " have errors.")
                                        : _("%" G_GUINT64_FORMAT " rows read: %" G_GUINT64_FORMAT " created, "
                                            "%" G_GUINT64_FORMAT " updated, %" G_GUINT64_FORMAT " skipped as duplicates, "
                                            "%" G_GUINT64_FORMAT " with errors left out."),
                          report->rows_read, report->created, report->updated, report->skipped_duplicates, report->failed);
  for (guint i = 0; i < report->errors->len && i < 10; i++)
    {
      CrmImportRowError *row_error = g_ptr_array_index (report->errors, i);

      g_string_append_printf (text, "\n");
      g_string_append_printf (text, _("Line %" G_GUINT64_FORMAT ": %s"), row_error->line, row_error->message);
    }
  if (report->errors->len > 10)
    g_string_append_printf (text, "\n%s", _("…"));
  if (report->unmapped_columns && report->unmapped_columns->len > 0)
    {
      g_autofree char *columns = NULL;

      g_ptr_array_add (report->unmapped_columns, NULL);
      columns = g_strjoinv (", ", (char **) report->unmapped_columns->pdata);
      g_ptr_array_remove_index (report->unmapped_columns, report->unmapped_columns->len - 1);
      g_string_append_printf (text, "\n\n%s %s", _("Not imported:"), columns);
    }
  return g_string_free (text, FALSE);
}

static void
dry_run (CrmImportWizard *self)
{
  g_autoptr(CrmImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  show_step (self, "progress");
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), TRUE);
  if (!run_import (self, TRUE, &report, &error))
    {
      show_step (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? "duplicates" : "mapping");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast_error (self, error);
      return;
    }
  text = describe_report (report, TRUE);
  adw_status_page_set_title (self->report_status, report->failed > 0 && adw_combo_row_get_selected (self->mode_row) == 0
                                                    ? _("Some Rows Have Errors") : _("Ready to Import"));
  gtk_label_set_text (self->report_label, text);
  show_step (self, "report");
}

static void
import (CrmImportWizard *self)
{
  g_autoptr(CrmImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  show_step (self, "progress");
  if (!run_import (self, FALSE, &report, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_title (self->done_status, _("Import Cancelled"));
          adw_status_page_set_description (self->done_status, _("Nothing was imported."));
        }
      else
        {
          adw_status_page_set_title (self->done_status, _("Nothing Was Imported"));
          adw_status_page_set_description (self->done_status, error->message);
        }
      adw_status_page_set_icon_name (self->done_status, "dialog-warning-symbolic");
      show_step (self, "done");
      return;
    }
  text = describe_report (report, FALSE);
  adw_status_page_set_title (self->done_status, _("Import Complete"));
  adw_status_page_set_description (self->done_status, text);
  show_step (self, "done");
}

static void
on_next_clicked_cb (CrmImportWizard *self)
{
  switch (step_index (self))
    {
    case 1:
      show_step (self, "duplicates");
      break;

    case 2:
      dry_run (self);
      break;

    case 3:
      import (self);
      break;

    case 5:
      gtk_window_destroy (GTK_WINDOW (self));
      break;

    default:
      break;
    }
}

static void
on_back_clicked_cb (CrmImportWizard *self)
{
  guint step = step_index (self);

  if (step > 0)
    show_step (self, steps[step == 3 ? 2 : step - 1]);
}

static void
on_cancel_clicked_cb (CrmImportWizard *self)
{
  if (self->running)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
on_close_request_cb (CrmImportWizard *self)
{
  /* Closing while importing cancels; the window goes once it stopped. */
  if (self->running)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return FALSE;
}

static void
on_file_response_cb (GtkNativeDialog *native,
                     int              response,
                     CrmImportWizard *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (!crm_import_wizard_set_file (self, path, &error))
        toast_error (self, error);
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
on_choose_clicked_cb (CrmImportWizard *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (on_file_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_module_selected_cb (CrmImportWizard *self)
{
  GPtrArray *modules = crm_store_get_modules (self->store);
  guint i = adw_combo_row_get_selected (self->module_row);

  if (i >= modules->len)
    return;
  g_free (self->module);
  self->module = g_strdup (crm_module_get_api_name (g_ptr_array_index (modules, i)));
  fill_fields (self);
}

static void
crm_import_wizard_dispose (GObject *object)
{
  CrmImportWizard *self = CRM_IMPORT_WIZARD (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (crm_import_wizard_parent_class)->dispose (object);
}

static void
crm_import_wizard_finalize (GObject *object)
{
  CrmImportWizard *self = CRM_IMPORT_WIZARD (object);

  g_free (self->module);
  g_free (self->path);
  g_ptr_array_unref (self->headers);
  g_ptr_array_unref (self->mapping_rows);
  g_ptr_array_unref (self->fields);
  G_OBJECT_CLASS (crm_import_wizard_parent_class)->finalize (object);
}

static void
crm_import_wizard_class_init (CrmImportWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_import_wizard_dispose;
  object_class->finalize = crm_import_wizard_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crm/ui/crm-import-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmImportWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmImportWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, CrmImportWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, CrmImportWizard, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CrmImportWizard, title);
  gtk_widget_class_bind_template_child (widget_class, CrmImportWizard, module_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportWizard, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, CrmImportWizard, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, CrmImportWizard, duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportWizard, match_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportWizard, mode_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportWizard, report_status);
  gtk_widget_class_bind_template_child (widget_class, CrmImportWizard, report_label);
  gtk_widget_class_bind_template_child (widget_class, CrmImportWizard, progress);
  gtk_widget_class_bind_template_child (widget_class, CrmImportWizard, done_status);
  gtk_widget_class_bind_template_child (widget_class, CrmImportWizard, toasts);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);
}

static void
crm_import_wizard_init (CrmImportWizard *self)
{
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->mapping_rows = g_ptr_array_new ();
  self->fields = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
crm_import_wizard_new (GtkWindow  *parent,
                       CrmStore   *store,
                       const char *module)
{
  CrmImportWizard *self;
  GPtrArray *modules;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_IMPORT_WIZARD, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  self->module = g_strdup (module ? module : "leads");
  modules = crm_store_get_modules (store);
  for (guint i = 0; i < modules->len; i++)
    {
      CrmModule *m = g_ptr_array_index (modules, i);

      if (g_strcmp0 (crm_module_get_api_name (m), self->module) == 0)
        selected = i;
      gtk_string_list_append (names, crm_module_get_plural (m));
    }
  adw_combo_row_set_model (self->module_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->module_row, selected);
  fill_fields (self);
  g_signal_connect_swapped (self->module_row, "notify::selected", G_CALLBACK (on_module_selected_cb), self);
  update_buttons (self);
  return GTK_WIDGET (self);
}
