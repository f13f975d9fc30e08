/* crm-query.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/* Operators by field type follow DOMAIN.md §7.2. */
typedef enum
{
  CRM_OP_IS,
  CRM_OP_IS_NOT,
  CRM_OP_CONTAINS,
  CRM_OP_NOT_CONTAINS,
  CRM_OP_STARTS_WITH,
  CRM_OP_ENDS_WITH,
  CRM_OP_IS_EMPTY,
  CRM_OP_IS_NOT_EMPTY,
  CRM_OP_LESS,
  CRM_OP_LESS_OR_EQUAL,
  CRM_OP_GREATER,
  CRM_OP_GREATER_OR_EQUAL,
  CRM_OP_BETWEEN,
  CRM_OP_NOT_BETWEEN,
  CRM_OP_TODAY,
  CRM_OP_YESTERDAY,
  CRM_OP_TOMORROW,
  CRM_OP_THIS_WEEK,
  CRM_OP_LAST_WEEK,
  CRM_OP_NEXT_WEEK,
  CRM_OP_THIS_MONTH,
  CRM_OP_LAST_MONTH,
  CRM_OP_NEXT_MONTH,
  CRM_OP_LAST_N_DAYS,   /* value: number of days */
  CRM_OP_NEXT_N_DAYS,
  CRM_OP_SELECTED,      /* checkbox */
  CRM_OP_NOT_SELECTED,
  CRM_OP_CURRENT_USER,  /* owner */
  CRM_N_OPS
} CrmOperator;

/* Which rows a query sees before its criteria apply. */
typedef enum
{
  CRM_SCOPE_ACTIVE,          /* live records */
  CRM_SCOPE_MINE,            /* live records owned by the current user */
  CRM_SCOPE_RECENTLY_CREATED,/* created in the last 30 days, newest first */
  CRM_SCOPE_RECENTLY_MODIFIED,
  CRM_SCOPE_CONVERTED,       /* converted leads */
  CRM_SCOPE_DELETED,         /* the recycle bin, newest deletion first */
  CRM_N_SCOPES
} CrmScope;

#define CRM_TYPE_QUERY (crm_query_get_type ())

G_DECLARE_FINAL_TYPE (CrmQuery, crm_query, CRM, QUERY, GObject)

CrmQuery          *crm_query_new                (const char   *module);
CrmQuery          *crm_query_copy               (CrmQuery     *self);
const char        *crm_query_get_module         (CrmQuery     *self);
CrmScope           crm_query_get_scope          (CrmQuery     *self);
void               crm_query_set_scope          (CrmQuery     *self,
                                                 CrmScope      scope);
gboolean           crm_query_get_match_any      (CrmQuery     *self);
void               crm_query_set_match_any      (CrmQuery     *self,
                                                 gboolean      match_any);
/* value and value2 may be NULL (operators without values); taken if floating. */
void               crm_query_add_criterion      (CrmQuery     *self,
                                                 const char   *field,
                                                 CrmOperator   op,
                                                 GVariant     *value,
                                                 GVariant     *value2);
guint              crm_query_get_n_criteria     (CrmQuery     *self);
gboolean           crm_query_get_criterion      (CrmQuery     *self,
                                                 guint         index,
                                                 const char  **field,
                                                 CrmOperator  *op,
                                                 GVariant    **value,
                                                 GVariant    **value2);
void               crm_query_clear_criteria     (CrmQuery     *self);
const char        *crm_query_get_sort_field     (CrmQuery     *self);
gboolean           crm_query_get_sort_descending (CrmQuery    *self);
void               crm_query_set_sort           (CrmQuery     *self,
                                                 const char   *field,
                                                 gboolean      descending);
gboolean           crm_query_equal              (CrmQuery     *a,
                                                 CrmQuery     *b);
/* Cards are ordered by kanban_positions.position; a record without a row
 * sorts as if at -id × GAP (newest first). Moves take the midpoint of
 * their neighbours, so a column is renumbered only after about 20 moves
 * into the same gap. */
#define CRM_KANBAN_POSITION_GAP 1048576

/* Narrows the query to one Kanban column: the records whose picklist
 * `group_field` is `value` (NULL: no value), ANDed with the criteria
 * whatever match_any says, in the board's manual order (crm-kanban.h).
 * A NULL group_field goes back to the whole module. Not serialized. */
void               crm_query_set_column         (CrmQuery     *self,
                                                 const char   *group_field,
                                                 const char   *value);
const char        *crm_query_get_column_field   (CrmQuery     *self);
const char        *crm_query_get_column_value   (CrmQuery     *self);

/* Saved views keep their criteria as text. */
char              *crm_query_serialize          (CrmQuery     *self);
CrmQuery          *crm_query_deserialize        (const char   *module,
                                                 const char   *text,
                                                 GError      **error);

/* "FROM t WHERE ..." plus bound values in order. Checks every field name
 * against the module: names never reach SQL unchecked. */
char              *crm_query_build_where        (CrmQuery     *self,
                                                 CrmStore     *store,
                                                 GPtrArray   **params,
                                                 GError      **error);
char              *crm_query_build_order        (CrmQuery     *self,
                                                 CrmStore     *store);
/* The ordered ids the query selects. */
GArray            *crm_store_query_ids          (CrmStore     *store,
                                                 CrmQuery     *query,
                                                 GError      **error);
/* At most the first `limit` of them; `complete` tells whether that was
 * all. With an index on the sort it costs only the rows it reads. */
GArray            *crm_store_query_first_ids    (CrmStore     *store,
                                                 CrmQuery     *query,
                                                 guint         limit,
                                                 gboolean     *complete,
                                                 GError      **error);
/* All of them, read on a worker thread with a read-only connection of its
 * own, so that a million rows never block the main loop. Returns FALSE
 * (and starts nothing) for a bad query or a database that cannot have a
 * second connection (":memory:"); then read with crm_store_query_ids(). */
gboolean           crm_store_query_ids_async    (CrmStore     *store,
                                                 CrmQuery     *query,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer      user_data,
                                                 GError      **error);
GArray            *crm_store_query_ids_finish   (GAsyncResult *result,
                                                 GError      **error);
/* Whether one record passes the query's filter. */
gboolean           crm_store_query_matches      (CrmStore     *store,
                                                 CrmQuery     *query,
                                                 gint64        id,
                                                 GError      **error);

const CrmOperator *crm_operators_for_type       (CrmFieldType  type,
                                                 guint        *n_ops);
const char        *crm_operator_get_label       (CrmOperator   op);
/* 0, 1 or 2 values. */
guint              crm_operator_get_n_values    (CrmOperator   op);
const char        *crm_scope_get_label          (CrmScope      scope);

G_END_DECLS
