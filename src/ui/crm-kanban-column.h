/* crm-kanban-column.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-kanban.h"
#include "crm-record-card.h"
#include "crm-record-list.h"

G_BEGIN_DECLS

#define CRM_TYPE_KANBAN_COLUMN (crm_kanban_column_get_type ())

G_DECLARE_FINAL_TYPE (CrmKanbanColumn, crm_kanban_column, CRM, KANBAN_COLUMN, GtkWidget)

/* One column of a board: a header with the value, the count and the sums,
 * and the cards in a GtkListView over a lazy CrmRecordList. Signals:
 * "card-dropped" (CrmRecord *record, gint64 before_id) when a card is
 * dropped on it (before_id 0: at the end), "collapse-toggled" (gboolean)
 * when the user collapses or expands it. */
GtkWidget     *crm_kanban_column_new           (CrmCardLayout        *layout,
                                                const char           *value,
                                                const char           *title);
/* The column's value, NULL for the records without one. */
const char    *crm_kanban_column_get_value     (CrmKanbanColumn      *self);
const char    *crm_kanban_column_get_title     (CrmKanbanColumn      *self);
void           crm_kanban_column_set_totals    (CrmKanbanColumn      *self,
                                                const CrmKanbanGroup *group,
                                                const char           *sum_text,
                                                const char           *weighted_text);
/* The cards; NULL while collapsed, so a closed column costs nothing. */
void           crm_kanban_column_set_model     (CrmKanbanColumn      *self,
                                                CrmRecordList        *list);
CrmRecordList *crm_kanban_column_get_model     (CrmKanbanColumn      *self);
void           crm_kanban_column_set_collapsed (CrmKanbanColumn      *self,
                                                gboolean              collapsed);
gboolean       crm_kanban_column_get_collapsed (CrmKanbanColumn      *self);
/* Scrolls to a card and gives it the keyboard focus once it is shown. */
void           crm_kanban_column_focus_record  (CrmKanbanColumn      *self,
                                                gint64                id);
/* The card widget showing a record, if it is on screen. */
CrmRecordCard *crm_kanban_column_find_card     (CrmKanbanColumn      *self,
                                                gint64                id);
GtkWidget     *crm_kanban_column_get_list_view (CrmKanbanColumn      *self);

G_END_DECLS
