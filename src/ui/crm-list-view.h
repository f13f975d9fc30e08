/* crm-list-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crm-query.h"
#include "crm-record-list.h"
#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_LIST_VIEW (crm_list_view_get_type ())

G_DECLARE_FINAL_TYPE (CrmListView, crm_list_view, CRM, LIST_VIEW, GtkWidget)

/* The records of one module as a table: a GtkColumnView over a lazy
 * CrmRecordList with a checkbox column for multi-selection. Clicking a
 * header asks for a new query through ::sort-changed (the sort runs in
 * SQL); only indexed fields are sortable, so a re-sort is an index walk
 * even at a million rows. Columns and their widths are kept per module in
 * GSettings. */

GtkWidget         *crm_list_view_new                (CrmStore        *store,
                                                      const char      *module);
const char        *crm_list_view_get_module         (CrmListView     *self);
/* Loads the query (on the first call the model is created). Scrolls to
 * the top and clears the selection. */
gboolean           crm_list_view_set_query          (CrmListView     *self,
                                                      CrmQuery        *query,
                                                      GError         **error);
/* NULL until the first query. */
CrmRecordList     *crm_list_view_get_model          (CrmListView     *self);
GtkSelectionModel *crm_list_view_get_selection      (CrmListView     *self);
guint              crm_list_view_get_n_selected     (CrmListView     *self);
/* Ids of the selected rows in list order. */
GArray            *crm_list_view_dup_selected_ids   (CrmListView     *self);
void               crm_list_view_select_all         (CrmListView     *self);
void               crm_list_view_unselect_all       (CrmListView     *self);

/* The shown columns as field api names, in order (free with g_strfreev). */
char             **crm_list_view_dup_columns        (CrmListView     *self);
/* Shows these columns (NULL: the module's defaults) and remembers them
 * for the module when `remember` is set. */
void               crm_list_view_set_columns        (CrmListView     *self,
                                                      const char * const *columns,
                                                      gboolean         remember);
/* The module's default columns (free with g_strfreev). */
char             **crm_list_view_dup_default_columns (CrmListView    *self);
/* Shows the sort arrow on a column without emitting ::sort-changed. */
void               crm_list_view_show_sort          (CrmListView     *self,
                                                      const char      *field,
                                                      gboolean         descending);
/* Whether a field can be sorted by (it has an index). */
gboolean           crm_list_view_can_sort           (CrmListView     *self,
                                                      const char      *field);
/* The text a cell shows (for tests): row position and field. */
char              *crm_list_view_dup_cell_text      (CrmListView     *self,
                                                      guint            position,
                                                      const char      *field);
void               crm_list_view_scroll_to_top      (CrmListView     *self);

G_END_DECLS
