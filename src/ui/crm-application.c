/* crm-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-application"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-application.h"
#include "crm-backup.h"
#include "crm-setup-window.h"
#include "crm-window.h"

struct _CrmApplication
{
  AdwApplication  parent_instance;

  CrmStore       *store;
  char           *database;
  char           *module;
  char           *view;
  gint64          record;
};

G_DEFINE_FINAL_TYPE (CrmApplication, crm_application, ADW_TYPE_APPLICATION)

static const GOptionEntry options[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL, N_("The database file to open"), N_("PATH") },
  { "module", 'm', 0, G_OPTION_ARG_STRING, NULL, N_("Open this module (e.g. deals)"), N_("NAME") },
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Show the module as list, kanban or canvas"), N_("VIEW") },
  { "record", 'r', 0, G_OPTION_ARG_INT64, NULL, N_("Open the record with this id (needs --module)"), N_("ID") },
  { NULL }
};

CrmStore *
crm_application_get_store (CrmApplication *self)
{
  g_return_val_if_fail (CRM_IS_APPLICATION (self), NULL);
  return self->store;
}

static int
crm_application_handle_local_options (GApplication *app,
                                      GVariantDict *dict)
{
  CrmApplication *self = CRM_APPLICATION (app);
  const char *text;
  gint64 id;

  if (g_variant_dict_lookup (dict, "database", "^&ay", &text))
    self->database = g_strdup (text);
  if (g_variant_dict_lookup (dict, "module", "&s", &text))
    self->module = g_strdup (text);
  if (g_variant_dict_lookup (dict, "view", "&s", &text))
    {
      if (!g_str_equal (text, "list") && !g_str_equal (text, "kanban") && !g_str_equal (text, "canvas"))
        {
          g_printerr (_("Unknown view “%s”: use list, kanban or canvas\n"), text);
          return 1;
        }
      self->view = g_strdup (text);
    }
  if (g_variant_dict_lookup (dict, "record", "x", &id))
    {
      if (self->module == NULL || id <= 0)
        {
          g_printerr (_("--record needs --module and a record id above 0\n"));
          return 1;
        }
      self->record = id;
    }
  return -1;
}

static void
on_fatal_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      GApplication     *app)
{
  g_application_release (app);
}

/* Without a database there is no window to show a toast in: a dialog
 * says why, and the program ends when it is closed. */
static void
show_fatal_error (CrmApplication *self,
                  const char     *title,
                  const GError   *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, title, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_fatal_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
crm_application_activate (GApplication *app)
{
  CrmApplication *self = CRM_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL)
    {
      g_autofree char *path = self->database ? g_strdup (self->database) : crm_store_default_path ();

      self->store = crm_store_open (path, &error);
      if (self->store == NULL)
        {
          show_fatal_error (self, _("Could Not Open the Database"), error);
          return;
        }
    }

  window = GTK_WINDOW (crm_window_new (self, self->store));
  if (self->module != NULL)
    {
      if (!crm_window_show_module (CRM_WINDOW (window), self->module, self->view, &error))
        crm_window_show_error (CRM_WINDOW (window), _("Could Not Open the Module"), error);
      else if (self->record > 0 && !crm_window_show_record (CRM_WINDOW (window), self->module, self->record, &error))
        crm_window_show_error (CRM_WINDOW (window), _("Could Not Open the Record"), error);
    }
  gtk_window_present (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       data)
{
  GtkApplication *app = data;
  const char *developers[] = { _("The CRM developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("CRM"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The CRM developers"),
                         "developers", developers,
                         "comments", _("Keep track of leads, customers, deals and everything around them"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The CRM developers",
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  for (GList *w = gtk_application_get_windows (GTK_APPLICATION (data)); w != NULL; w = w->next)
    g_ptr_array_add (windows, g_object_ref (w->data));
  /* Closing (rather than quitting) lets each window save its size. */
  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (g_ptr_array_index (windows, i));
}

static void
setup_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       data)
{
  CrmApplication *self = CRM_APPLICATION (data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store != NULL)
    crm_setup_window_present (window, self->store, NULL);
}

/* Restoring replaces the open database, so it is the application's job:
 * close every window and the store, restore (which checks the backup
 * before touching anything and keeps the old file), open again. */
typedef struct
{
  CrmApplication *self;
  char           *backup;
} RestoreJob;

static void
restore_job_free (gpointer data)
{
  RestoreJob *job = data;

  g_object_unref (job->self);
  g_free (job->backup);
  g_free (job);
}

static gboolean
restore_backup_idle_cb (gpointer data)
{
  RestoreJob *job = data;
  CrmApplication *self = job->self;
  g_autofree char *db_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) windows = NULL;
  const char *backup = job->backup;
  GtkWindow *window;

  if (self->store == NULL)
    return G_SOURCE_REMOVE;
  db_path = g_strdup (crm_store_get_path (self->store));

  /* Refuse a bad backup while everything is still open. */
  if (!crm_backup_check_file (backup, NULL, &error))
    {
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
      if (CRM_IS_WINDOW (window))
        crm_window_show_error (CRM_WINDOW (window), _("Could Not Restore the Backup"), error);
      return G_SOURCE_REMOVE;
    }

  g_application_hold (G_APPLICATION (self));
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *w = windows; w; w = w->next)
    gtk_window_destroy (GTK_WINDOW (w->data));
  g_clear_object (&self->store);

  if (!crm_restore_from_file (db_path, backup, &error))
    g_warning ("Restore failed: %s", error->message);

  self->store = crm_store_open (db_path, error ? NULL : &error);
  if (self->store == NULL)
    {
      show_fatal_error (self, _("Could Not Open the Database"), error);
      g_application_release (G_APPLICATION (self));
      return G_SOURCE_REMOVE;
    }
  window = GTK_WINDOW (crm_window_new (self, self->store));
  gtk_window_present (window);
  if (error != NULL)
    crm_window_show_error (CRM_WINDOW (window), _("Could Not Restore the Backup"), error);
  else
    crm_window_add_toast (CRM_WINDOW (window), _("Backup restored"), 0);
  g_application_release (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

static void
restore_backup_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       data)
{
  RestoreJob *job = g_new0 (RestoreJob, 1);

  /* Not now: the Setup window that asked is still inside its handler. */
  job->self = g_object_ref (CRM_APPLICATION (data));
  job->backup = g_variant_dup_string (parameter, NULL);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_backup_idle_cb, job, restore_job_free);
}

static void
crm_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "about", about_action, NULL, NULL, NULL },
    { "quit", quit_action, NULL, NULL, NULL },
    { "setup", setup_action, NULL, NULL, NULL },
    { "restore-backup", restore_backup_action, "s", NULL, NULL },
  };

  G_APPLICATION_CLASS (crm_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.setup", (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", (const char *[]) { "<Control>w", NULL });
}

static void
crm_application_finalize (GObject *object)
{
  CrmApplication *self = (CrmApplication *)object;

  g_clear_object (&self->store);
  g_free (self->database);
  g_free (self->module);
  g_free (self->view);

  G_OBJECT_CLASS (crm_application_parent_class)->finalize (object);
}

static void
crm_application_class_init (CrmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = crm_application_finalize;
  app_class->activate = crm_application_activate;
  app_class->startup = crm_application_startup;
  app_class->handle_local_options = crm_application_handle_local_options;
}

static void
crm_application_init (CrmApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

CrmApplication *
crm_application_new (void)
{
  return g_object_new (CRM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/com/example/Crm",
                       NULL);
}
