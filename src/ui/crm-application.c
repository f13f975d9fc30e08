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
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CrmApplication, crm_application, ADW_TYPE_APPLICATION)

static void
crm_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (crm_window_new (CRM_APPLICATION (app)));
  gtk_window_present (window);
}

static void
crm_application_class_init (CrmApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = crm_application_activate;
}

static void
crm_application_init (CrmApplication *self)
{
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
