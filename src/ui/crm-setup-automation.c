/* crm-setup-automation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-setup-automation"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-setup-automation.h"
#include "crm-setup-window.h"

struct _CrmSetupAutomation
{
  AdwPreferencesPage  parent_instance;

  CrmStore           *store;
};

G_DEFINE_FINAL_TYPE (CrmSetupAutomation, crm_setup_automation, ADW_TYPE_PREFERENCES_PAGE)

static void
crm_setup_automation_dispose (GObject *object)
{
  CrmSetupAutomation *self = (CrmSetupAutomation *) object;

  g_clear_object (&self->store);
  G_OBJECT_CLASS (crm_setup_automation_parent_class)->dispose (object);
}

static void
crm_setup_automation_class_init (CrmSetupAutomationClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_setup_automation_dispose;
}

static void
crm_setup_automation_init (CrmSetupAutomation *self)
{
}

GtkWidget *
crm_setup_automation_new (CrmStore *store)
{
  CrmSetupAutomation *self = g_object_new (CRM_TYPE_SETUP_AUTOMATION,
                                   "title", _("Automation"),
                                   "icon-name", "media-playlist-repeat-symbolic",
                                   NULL);

  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
