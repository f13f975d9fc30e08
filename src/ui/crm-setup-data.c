/* crm-setup-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-setup-data"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-setup-data.h"
#include "crm-setup-window.h"

struct _CrmSetupData
{
  AdwPreferencesPage  parent_instance;

  CrmStore           *store;
};

G_DEFINE_FINAL_TYPE (CrmSetupData, crm_setup_data, ADW_TYPE_PREFERENCES_PAGE)

static void
crm_setup_data_dispose (GObject *object)
{
  CrmSetupData *self = (CrmSetupData *) object;

  g_clear_object (&self->store);
  G_OBJECT_CLASS (crm_setup_data_parent_class)->dispose (object);
}

static void
crm_setup_data_class_init (CrmSetupDataClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_setup_data_dispose;
}

static void
crm_setup_data_init (CrmSetupData *self)
{
}

GtkWidget *
crm_setup_data_new (CrmStore *store)
{
  CrmSetupData *self = g_object_new (CRM_TYPE_SETUP_DATA,
                                   "title", _("Data"),
                                   "icon-name", "drive-harddisk-symbolic",
                                   NULL);

  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
