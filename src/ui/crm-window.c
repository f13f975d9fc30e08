/* crm-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-window.h"

struct _CrmWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (CrmWindow, crm_window, ADW_TYPE_APPLICATION_WINDOW)

static void
crm_window_class_init (CrmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crm/ui/crm-window.ui");
}

static void
crm_window_init (CrmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CrmWindow *
crm_window_new (CrmApplication *application)
{
  return g_object_new (CRM_TYPE_WINDOW, "application", application, NULL);
}
