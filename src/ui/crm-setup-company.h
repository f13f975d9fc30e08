/* crm-setup-company.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_SETUP_COMPANY (crm_setup_company_get_type ())

G_DECLARE_FINAL_TYPE (CrmSetupCompany, crm_setup_company, CRM, SETUP_COMPANY, AdwPreferencesPage)

GtkWidget *crm_setup_company_new (CrmStore *store);

G_END_DECLS
