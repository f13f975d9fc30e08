/* crm-views.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-query.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* A saved (custom) list view: a named query of one module with its
 * columns. The query carries the scope, the criteria and the sort. */
typedef struct
{
  gint64     id;
  char      *module;
  char      *name;
  CrmQuery  *query;
  char     **columns;   /* field api names in order; NULL: the module's default columns */
} CrmSavedView;

void          crm_saved_view_free       (CrmSavedView        *view);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmSavedView, crm_saved_view_free)

/* The saved views of a module, sorted by name. */
GPtrArray    *crm_store_list_views      (CrmStore            *store,
                                         const char          *module,
                                         GError             **error);
CrmSavedView *crm_store_load_view       (CrmStore            *store,
                                         gint64               id,
                                         GError             **error);
/* Inserts (id 0) or replaces a view of the query's module and returns its
 * id, or 0 with an error: an empty or duplicate name, an unknown column,
 * or criteria the module cannot run. Nothing is written on error. */
gint64        crm_store_save_view       (CrmStore            *store,
                                         gint64               id,
                                         const char          *name,
                                         CrmQuery            *query,
                                         const char * const  *columns,
                                         GError             **error);
gboolean      crm_store_delete_view     (CrmStore            *store,
                                         gint64               id,
                                         GError             **error);

G_END_DECLS
