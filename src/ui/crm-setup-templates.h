/* crm-setup-templates.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_SETUP_TEMPLATES (crm_setup_templates_get_type ())

G_DECLARE_FINAL_TYPE (CrmSetupTemplates, crm_setup_templates, CRM, SETUP_TEMPLATES, AdwPreferencesPage)

GtkWidget *crm_setup_templates_new (CrmStore *store);

G_END_DECLS
