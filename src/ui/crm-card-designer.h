/* crm-card-designer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-record.h"
#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_CARD_DESIGNER (crm_card_designer_get_type ())

G_DECLARE_FINAL_TYPE (CrmCardDesigner, crm_card_designer, CRM, CARD_DESIGNER, AdwWindow)

/* A modal window to choose what the cards of a module show (shared by the
 * Kanban and Canvas views): the title field, up to four fields and a
 * picklist that colours them. `sample` (may be NULL) is shown as a live
 * preview. Signal "saved" once the choice is stored. */
GtkWindow *crm_card_designer_new  (GtkWindow       *parent,
                                   CrmStore        *store,
                                   const char      *module,
                                   CrmRecord       *sample);
/* Picks a row of the title, field (0..3) or colour chooser by field api
 * name (NULL: none); for tests and keyboard-free scripting. */
gboolean   crm_card_designer_choose (CrmCardDesigner *self,
                                     const char      *which,
                                     const char      *field);
gboolean   crm_card_designer_save (CrmCardDesigner *self,
                                   GError         **error);

G_END_DECLS
