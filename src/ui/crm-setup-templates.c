/* crm-setup-templates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-setup-templates"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-setup-templates.h"
#include "crm-setup-window.h"

struct _CrmSetupTemplates
{
  AdwPreferencesPage  parent_instance;

  CrmStore           *store;
};

G_DEFINE_FINAL_TYPE (CrmSetupTemplates, crm_setup_templates, ADW_TYPE_PREFERENCES_PAGE)

static void
crm_setup_templates_dispose (GObject *object)
{
  CrmSetupTemplates *self = (CrmSetupTemplates *) object;

  g_clear_object (&self->store);
  G_OBJECT_CLASS (crm_setup_templates_parent_class)->dispose (object);
}

static void
crm_setup_templates_class_init (CrmSetupTemplatesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_setup_templates_dispose;
}

static void
crm_setup_templates_init (CrmSetupTemplates *self)
{
}

GtkWidget *
crm_setup_templates_new (CrmStore *store)
{
  CrmSetupTemplates *self = g_object_new (CRM_TYPE_SETUP_TEMPLATES,
                                   "title", _("Templates"),
                                   "icon-name", "folder-templates-symbolic",
                                   NULL);

  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
