/* crm-setup-privacy.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_SETUP_PRIVACY (crm_setup_privacy_get_type ())

G_DECLARE_FINAL_TYPE (CrmSetupPrivacy, crm_setup_privacy, CRM, SETUP_PRIVACY, AdwPreferencesPage)

GtkWidget *crm_setup_privacy_new (CrmStore *store);

G_END_DECLS
