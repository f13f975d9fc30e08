/* crm-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-application"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-application.h"
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
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (data));
  GtkWidget *dialog;

  /* Replaced by the Setup window when it is part of the build. */
  dialog = adw_message_dialog_new (window, _("Setup Is Not Available"),
                                   _("This build of CRM has no Setup window. Company details, users, "
                                     "modules and fields can be changed from the command line."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
crm_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "about", about_action, NULL, NULL, NULL },
    { "quit", quit_action, NULL, NULL, NULL },
    { "setup", setup_action, NULL, NULL, NULL },
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
