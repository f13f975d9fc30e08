/* crm-module-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crm-filter-editor.h"
#include "crm-list-view.h"
#include "crm-query.h"
#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_MODULE_VIEW (crm_module_view_get_type ())

G_DECLARE_FINAL_TYPE (CrmModuleView, crm_module_view, CRM, MODULE_VIEW, GtkWidget)

/* One module: the view menu (standard and saved views, sort), quick filter
 * chips, the filter panel, the column chooser, the List / Kanban / Canvas
 * pages on one query, and the mass-action bar for a selection.
 *
 * Actions (prefix "module."): delete-selected, restore-selected,
 * export-selected, export-view, update-field, change-owner, select-all,
 * save-view, update-view, delete-view, toggle-filter, set-view (s). */

GtkWidget       *crm_module_view_new              (CrmStore        *store,
                                                   const char      *module);
const char      *crm_module_view_get_module       (CrmModuleView   *self);
/* "list", "kanban" or "canvas". */
const char      *crm_module_view_get_view         (CrmModuleView   *self);
void             crm_module_view_set_view         (CrmModuleView   *self,
                                                   const char      *view);
/* The records the current view selects (the list's n-items). */
guint            crm_module_view_get_n_records    (CrmModuleView   *self);
/* A copy of the query the pages show. */
CrmQuery        *crm_module_view_dup_query        (CrmModuleView   *self);
CrmListView     *crm_module_view_get_list_view    (CrmModuleView   *self);
CrmFilterEditor *crm_module_view_get_filter_editor (CrmModuleView  *self);

/* Standard views. */
void             crm_module_view_set_scope        (CrmModuleView   *self,
                                                   CrmScope         scope);
CrmScope         crm_module_view_get_scope        (CrmModuleView   *self);
/* A saved view: its query, columns and sort. */
gboolean         crm_module_view_open_saved_view  (CrmModuleView   *self,
                                                   gint64           id,
                                                   GError         **error);
gint64           crm_module_view_get_saved_view   (CrmModuleView   *self);
/* Saves the current query and columns as a new view; returns its id. */
gint64           crm_module_view_save_view_as     (CrmModuleView   *self,
                                                   const char      *name,
                                                   GError         **error);
void             crm_module_view_set_sort         (CrmModuleView   *self,
                                                   const char      *field,
                                                   gboolean         descending);
/* Runs the filter panel's conditions (as its Apply button does). */
gboolean         crm_module_view_apply_filter     (CrmModuleView   *self,
                                                   GError         **error);
void             crm_module_view_reveal_filter    (CrmModuleView   *self,
                                                   gboolean         reveal);
/* Quick filter chips: the picklist they filter on (NULL: none) and the
 * chosen value (NULL: all). */
const char      *crm_module_view_get_chip_field   (CrmModuleView   *self);
void             crm_module_view_set_chip         (CrmModuleView   *self,
                                                   const char      *value);
/* Re-reads the query from the database (after an outside change). */
void             crm_module_view_reload           (CrmModuleView   *self);

G_END_DECLS
