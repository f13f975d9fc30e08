/* crm-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_APPLICATION (crm_application_get_type ())

G_DECLARE_FINAL_TYPE (CrmApplication, crm_application, CRM, APPLICATION, AdwApplication)

/* Opens the database from --database PATH (or the default path) and the
 * window at --module NAME --view list|kanban|canvas --record ID, or where
 * the last session ended. */
CrmApplication *crm_application_new        (void);
/* The open database, or NULL before activation. */
CrmStore       *crm_application_get_store  (CrmApplication *self);

G_END_DECLS
