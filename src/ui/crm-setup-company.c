/* crm-setup-company.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-setup-company"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-setup-company.h"
#include "crm-setup-window.h"

struct _CrmSetupCompany
{
  AdwPreferencesPage  parent_instance;

  CrmStore           *store;
};

G_DEFINE_FINAL_TYPE (CrmSetupCompany, crm_setup_company, ADW_TYPE_PREFERENCES_PAGE)

static void
crm_setup_company_dispose (GObject *object)
{
  CrmSetupCompany *self = (CrmSetupCompany *) object;

  g_clear_object (&self->store);
  G_OBJECT_CLASS (crm_setup_company_parent_class)->dispose (object);
}

static void
crm_setup_company_class_init (CrmSetupCompanyClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_setup_company_dispose;
}

static void
crm_setup_company_init (CrmSetupCompany *self)
{
}

GtkWidget *
crm_setup_company_new (CrmStore *store)
{
  CrmSetupCompany *self = g_object_new (CRM_TYPE_SETUP_COMPANY,
                                   "title", _("Company"),
                                   "icon-name", "x-office-address-book-symbolic",
                                   NULL);

  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
