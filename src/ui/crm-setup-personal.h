/* crm-setup-personal.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_SETUP_PERSONAL (crm_setup_personal_get_type ())

G_DECLARE_FINAL_TYPE (CrmSetupPersonal, crm_setup_personal, CRM, SETUP_PERSONAL, AdwPreferencesPage)

#define CRM_PERSONAL_SCHEMA "com.example.Crm.Personal"

GtkWidget *crm_setup_personal_new (CrmStore *store);

/* Binds an AdwComboRow's selection to a string key: values[i] is the
 * key's value for item i. */
void       crm_setup_bind_combo   (GSettings          *settings,
                                   const char         *key,
                                   AdwComboRow        *row,
                                   const char * const *values);

G_END_DECLS
