/* crm-setup-data.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_SETUP_DATA (crm_setup_data_get_type ())

G_DECLARE_FINAL_TYPE (CrmSetupData, crm_setup_data, CRM, SETUP_DATA, AdwPreferencesPage)

GtkWidget *crm_setup_data_new (CrmStore *store);

G_END_DECLS
