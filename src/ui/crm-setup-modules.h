/* crm-setup-modules.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_SETUP_MODULES (crm_setup_modules_get_type ())

G_DECLARE_FINAL_TYPE (CrmSetupModules, crm_setup_modules, CRM, SETUP_MODULES, AdwPreferencesPage)

GtkWidget *crm_setup_modules_new (CrmStore *store);

G_END_DECLS
