/* crm-setup-modules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-setup-modules"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-setup-modules.h"
#include "crm-setup-window.h"

struct _CrmSetupModules
{
  AdwPreferencesPage  parent_instance;

  CrmStore           *store;
};

G_DEFINE_FINAL_TYPE (CrmSetupModules, crm_setup_modules, ADW_TYPE_PREFERENCES_PAGE)

static void
crm_setup_modules_dispose (GObject *object)
{
  CrmSetupModules *self = (CrmSetupModules *) object;

  g_clear_object (&self->store);
  G_OBJECT_CLASS (crm_setup_modules_parent_class)->dispose (object);
}

static void
crm_setup_modules_class_init (CrmSetupModulesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_setup_modules_dispose;
}

static void
crm_setup_modules_init (CrmSetupModules *self)
{
}

GtkWidget *
crm_setup_modules_new (CrmStore *store)
{
  CrmSetupModules *self = g_object_new (CRM_TYPE_SETUP_MODULES,
                                   "title", _("Customization"),
                                   "icon-name", "view-grid-symbolic",
                                   NULL);

  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
