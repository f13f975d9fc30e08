/* crm-setup-automation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_SETUP_AUTOMATION (crm_setup_automation_get_type ())

G_DECLARE_FINAL_TYPE (CrmSetupAutomation, crm_setup_automation, CRM, SETUP_AUTOMATION, AdwPreferencesPage)

GtkWidget *crm_setup_automation_new (CrmStore *store);

G_END_DECLS
