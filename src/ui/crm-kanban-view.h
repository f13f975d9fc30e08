/* crm-kanban-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-kanban-column.h"
#include "crm-query.h"
#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_KANBAN_VIEW (crm_kanban_view_get_type ())

G_DECLARE_FINAL_TYPE (CrmKanbanView, crm_kanban_view, CRM, KANBAN_VIEW, GtkWidget)

/* A board of one module's records, a column per value of a picklist.
 * Signal "move-finished" (gint64 record_id, gint64 change_id, gboolean
 * moved) after each move the user asked for, refused or not. */
GtkWidget       *crm_kanban_view_new             (CrmStore       *store,
                                                  const char     *module);
/* The current filter or custom view; the board shows what it selects. */
void             crm_kanban_view_set_query       (CrmKanbanView  *self,
                                                  CrmQuery       *query);
const char      *crm_kanban_view_get_module      (CrmKanbanView  *self);
const char      *crm_kanban_view_get_group_field (CrmKanbanView  *self);
/* The column of a value (NULL: the records without one), or NULL. */
CrmKanbanColumn *crm_kanban_view_get_column      (CrmKanbanView  *self,
                                                  const char     *value);
/* Moves a card as a drop does: at once on screen, then through the core;
 * back where it was with a toast saying why if the core refuses. */
void             crm_kanban_view_move            (CrmKanbanView  *self,
                                                  gint64          id,
                                                  const char     *to_value,
                                                  gint64          before_id);

G_END_DECLS
