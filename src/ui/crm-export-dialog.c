/* crm-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-export"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-export-dialog.h"
#include "crm-mass.h"

typedef struct
{
  char      *db_path;
  gint64     user;
  char      *module;
  CrmQuery  *query;
  GArray    *ids;
  char     **columns;
  GFile     *file;
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->module);
  g_clear_object (&job->query);
  g_clear_pointer (&job->ids, g_array_unref);
  g_strfreev (job->columns);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autofree char *path = g_file_get_path (job->file);
  g_autofree char *part_path = g_strconcat (path ? path : "export.csv", ".part", NULL);
  g_autoptr(GFile) part = g_file_new_for_path (part_path);
  guint64 n = 0;
  gboolean ok;

  /* Its own connection: SQLite connections are not shared across threads,
   * and WAL lets this read while the window writes. */
  store = crm_store_open (job->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  crm_store_set_current_user (store, job->user);

  out = g_file_replace (part, NULL, FALSE, G_FILE_CREATE_PRIVATE, cancellable, &error);
  if (out == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->query != NULL)
    ok = crm_store_export_query_csv (store, job->query, (const char * const *) job->columns,
                                     G_OUTPUT_STREAM (out), cancellable, &n, &error);
  else
    ok = crm_store_export_csv (store, job->module, (const gint64 *) job->ids->data, job->ids->len,
                               (const char * const *) job->columns, G_OUTPUT_STREAM (out), cancellable, &n, &error);

  if (!ok || !g_file_move (part, job->file, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &error))
    {
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
      g_file_delete (part, NULL, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_int (task, (gssize) n);
}

void
crm_export_to_file (CrmStore            *store,
                    const char          *module,
                    CrmQuery            *query,
                    GArray              *ids,
                    const char * const  *columns,
                    GFile               *file,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (CRM_IS_STORE (store));
  g_return_if_fail (query != NULL || ids != NULL);
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (Job, 1);
  job->db_path = g_strdup (crm_store_get_path (store));
  job->user = crm_store_get_current_user (store);
  job->module = g_strdup (module);
  job->query = query ? crm_query_copy (query) : NULL;
  if (ids != NULL)
    {
      job->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);
      g_array_append_vals (job->ids, ids->data, ids->len);
    }
  job->columns = g_strdupv ((char **) columns);
  job->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_export_to_file);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, export_thread);
}

gint64
crm_export_to_file_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), -1);
  return g_task_propagate_int (G_TASK (result), error);
}

typedef struct
{
  CrmWindow *window;
  char      *name;
} Done;

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  Done *done = data;
  g_autoptr(GError) error = NULL;
  gint64 n = crm_export_to_file_finish (result, &error);

  if (n < 0)
    crm_window_show_error (done->window, _("Could Not Export"), error);
  else
    {
      /* Translators: a toast, e.g. "Exported 1,204 records to “leads.csv”" */
      g_autofree char *message = g_strdup_printf (ngettext ("Exported %'" G_GINT64_FORMAT " record to “%s”",
                                                            "Exported %'" G_GINT64_FORMAT " records to “%s”", n),
                                                  n, done->name);
      crm_window_add_toast (done->window, message, 0);
    }
  g_object_unref (done->window);
  g_free (done->name);
  g_free (done);
}

typedef struct
{
  CrmWindow *window;
  char      *module;
  CrmQuery  *query;
  GArray    *ids;
  char     **columns;
} Pending;

static void
pending_free (Pending *p)
{
  g_object_unref (p->window);
  g_free (p->module);
  g_clear_object (&p->query);
  g_clear_pointer (&p->ids, g_array_unref);
  g_strfreev (p->columns);
  g_free (p);
}

static void
on_chooser_response_cb (GtkNativeDialog *native,
                        int              response,
                        Pending         *p)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      Done *done = g_new0 (Done, 1);

      done->window = g_object_ref (p->window);
      done->name = g_file_get_basename (file);
      crm_window_add_toast (p->window, _("Exporting…"), 0);
      crm_export_to_file (crm_window_get_store (p->window), p->module, p->query, p->ids,
                          (const char * const *) p->columns, file, NULL, on_export_done_cb, done);
    }
  pending_free (p);
  g_object_unref (native);
}

void
crm_export_run (CrmWindow           *window,
                const char          *module,
                CrmQuery            *query,
                GArray              *ids,
                const char * const  *columns)
{
  GtkFileChooserNative *native;
  GtkFileFilter *filter;
  CrmModule *m;
  Pending *p;
  g_autofree char *name = NULL;

  g_return_if_fail (CRM_IS_WINDOW (window));

  m = crm_store_get_module (crm_window_get_store (window), module);
  if (m == NULL)
    return;

  p = g_new0 (Pending, 1);
  p->window = g_object_ref (window);
  p->module = g_strdup (module);
  p->query = query ? crm_query_copy (query) : NULL;
  p->ids = ids ? g_array_ref (ids) : NULL;
  p->columns = g_strdupv ((char **) columns);

  native = gtk_file_chooser_native_new (_("Export to CSV"), GTK_WINDOW (window), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  name = g_strdup_printf ("%s.csv", crm_module_get_plural (m));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_unref (filter);
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response_cb), p);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
