/* crm-setup-users.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_SETUP_USERS (crm_setup_users_get_type ())

G_DECLARE_FINAL_TYPE (CrmSetupUsers, crm_setup_users, CRM, SETUP_USERS, AdwPreferencesPage)

GtkWidget *crm_setup_users_new (CrmStore *store);

G_END_DECLS
