/* crm-kanban.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-query.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* A card shows its title and at most this many fields. */
#define CRM_CARD_MAX_FIELDS 4

/* One column of a board: a picklist value and the totals of the records
 * the board's query selects in it. */
typedef struct
{
  char       *value;     /* NULL: the records without a value */
  const char *meaning;   /* "won", "lost", "closed", ... (interned) or NULL */
  gboolean    known;     /* FALSE for a value found in the data but not in the picklist */
  gint64      count;
  gint64      sum;       /* of the summed currency field, in minor units */
  gint64      weighted;  /* Σ sum field × probability, rounded per record */
} CrmKanbanGroup;

void          crm_kanban_group_free          (CrmKanbanGroup *column);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmKanbanGroup, crm_kanban_group_free)

/* The board's columns in picklist order, with their totals from one
 * GROUP BY query under the query's filter. A "no value" column comes
 * first and values missing from the picklist come last, each only when
 * records have them, so that no record is ever off the board. sum_field
 * may be NULL (sums are then 0). */
GPtrArray    *crm_kanban_get_groups          (CrmStore        *store,
                                               CrmQuery        *query,
                                               const char      *group_field,
                                               const char      *sum_field,
                                               GError         **error);
/* Whether the columns' weighted sums mean anything: the module has a
 * "probability" percent field and a sum field other than expected revenue. */
gboolean      crm_kanban_has_weighted_sum     (CrmStore        *store,
                                               const char      *module,
                                               const char      *sum_field);
/* A copy of the board's query narrowed to one column (crm_query_set_column). */
CrmQuery     *crm_kanban_column_query         (CrmQuery        *query,
                                               const char      *group_field,
                                               const char      *value);
/* The key a column sorts a record by (its position, or -id × GAP). */
gint64        crm_kanban_get_sort_key         (CrmStore        *store,
                                               const char      *module,
                                               const char      *group_field,
                                               gint64           id);

/* Moves a record to the column `to_value` (NULL or "": no value), before
 * the record `before_id` (0: at the end), as one change with its history:
 * the field is set through crm_store_save_record, so for Deals the stage's
 * probability and the expected revenue follow. A "won" value sets a
 * probability field to 100 %, a "lost" one to 0 and stores
 * `reason_for_loss` when given. Refuses (and changes nothing) when the
 * record is gone, when the value is not in the picklist, when a field the
 * column requires (crm_kanban_dup_required_fields) is empty or when the
 * record fails validation. `change_id` gets the change to undo, or 0 when
 * the card was already there. */
gboolean      crm_store_move_record           (CrmStore        *store,
                                               const char      *module,
                                               gint64           id,
                                               const char      *group_field,
                                               const char      *to_value,
                                               gint64           before_id,
                                               const char      *reason_for_loss,
                                               gint64          *change_id,
                                               GError         **error);

/*
 * Board settings, per module, in the database's settings table: a board
 * is shared by everyone who works on the file.
 */

/* The chosen picklist, else the module's default, else its first picklist;
 * NULL when the module has none. */
char         *crm_kanban_dup_group_field      (CrmStore        *store,
                                               const char      *module);
gboolean      crm_kanban_set_group_field      (CrmStore        *store,
                                               const char      *module,
                                               const char      *group_field,
                                               GError         **error);
/* The summed currency field, or NULL for counts only. */
char         *crm_kanban_dup_sum_field        (CrmStore        *store,
                                               const char      *module);
gboolean      crm_kanban_set_sum_field        (CrmStore        *store,
                                               const char      *module,
                                               const char      *sum_field,
                                               GError         **error);
/* Collapsed columns of a board; "" stands for the "no value" column. */
GStrv         crm_kanban_dup_collapsed        (CrmStore        *store,
                                               const char      *module,
                                               const char      *group_field);
gboolean      crm_kanban_set_collapsed        (CrmStore        *store,
                                               const char      *module,
                                               const char      *group_field,
                                               const char      *value,
                                               gboolean         collapsed,
                                               GError         **error);
/* Fields a record needs before it may enter a column. Deals need an
 * amount to enter a "won" stage unless the rule was changed. */
GStrv         crm_kanban_dup_required_fields  (CrmStore        *store,
                                               const char      *module,
                                               const char      *group_field,
                                               const char      *value);
gboolean      crm_kanban_set_required_fields  (CrmStore        *store,
                                               const char      *module,
                                               const char      *group_field,
                                               const char      *value,
                                               const char * const *fields,
                                               GError         **error);

/*
 * Card layout, shared by the Kanban and Canvas views.
 */

/* The field shown as the card's title, or NULL for the record's name. */
char         *crm_card_dup_title_field        (CrmStore        *store,
                                               const char      *module);
/* Up to CRM_CARD_MAX_FIELDS field names, chosen or the module's default. */
GStrv         crm_card_dup_fields             (CrmStore        *store,
                                               const char      *module);
/* The picklist that colours cards, or NULL. */
char         *crm_card_dup_colour_field       (CrmStore        *store,
                                               const char      *module);
gboolean      crm_card_set_layout             (CrmStore        *store,
                                               const char      *module,
                                               const char      *title_field,
                                               const char * const *fields,
                                               const char      *colour_field,
                                               GError         **error);

/* The date a card is late after: "closing_date" or "due_date", or NULL. */
const char   *crm_kanban_get_due_field        (CrmModule       *module);
/* Whether the closing or due date has passed while the record is still
 * open (its status is not won, lost, closed, paid or cancelled). */
gboolean      crm_record_is_overdue           (CrmStore        *store,
                                               CrmRecord       *record);

G_END_DECLS
