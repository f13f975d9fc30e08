/* crm-setup-privacy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-setup-privacy"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-setup-privacy.h"
#include "crm-setup-window.h"

struct _CrmSetupPrivacy
{
  AdwPreferencesPage  parent_instance;

  CrmStore           *store;
};

G_DEFINE_FINAL_TYPE (CrmSetupPrivacy, crm_setup_privacy, ADW_TYPE_PREFERENCES_PAGE)

static void
crm_setup_privacy_dispose (GObject *object)
{
  CrmSetupPrivacy *self = (CrmSetupPrivacy *) object;

  g_clear_object (&self->store);
  G_OBJECT_CLASS (crm_setup_privacy_parent_class)->dispose (object);
}

static void
crm_setup_privacy_class_init (CrmSetupPrivacyClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_setup_privacy_dispose;
}

static void
crm_setup_privacy_init (CrmSetupPrivacy *self)
{
}

GtkWidget *
crm_setup_privacy_new (CrmStore *store)
{
  CrmSetupPrivacy *self = g_object_new (CRM_TYPE_SETUP_PRIVACY,
                                   "title", _("Privacy"),
                                   "icon-name", "preferences-system-privacy-symbolic",
                                   NULL);

  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
