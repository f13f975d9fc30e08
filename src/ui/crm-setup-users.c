/* crm-setup-users.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-setup-users"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-setup-users.h"
#include "crm-setup-window.h"

struct _CrmSetupUsers
{
  AdwPreferencesPage  parent_instance;

  CrmStore           *store;
};

G_DEFINE_FINAL_TYPE (CrmSetupUsers, crm_setup_users, ADW_TYPE_PREFERENCES_PAGE)

static void
crm_setup_users_dispose (GObject *object)
{
  CrmSetupUsers *self = (CrmSetupUsers *) object;

  g_clear_object (&self->store);
  G_OBJECT_CLASS (crm_setup_users_parent_class)->dispose (object);
}

static void
crm_setup_users_class_init (CrmSetupUsersClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_setup_users_dispose;
}

static void
crm_setup_users_init (CrmSetupUsers *self)
{
}

GtkWidget *
crm_setup_users_new (CrmStore *store)
{
  CrmSetupUsers *self = g_object_new (CRM_TYPE_SETUP_USERS,
                                   "title", _("Users"),
                                   "icon-name", "system-users-symbolic",
                                   NULL);

  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
