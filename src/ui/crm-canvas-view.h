/* crm-canvas-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-query.h"
#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_CANVAS_VIEW (crm_canvas_view_get_type ())

G_DECLARE_FINAL_TYPE (CrmCanvasView, crm_canvas_view, CRM, CANVAS_VIEW, GtkWidget)

/* A module's records as a grid of cards, sorted and filtered by a query
 * like the list view; lazy, so a million records scroll like a hundred. */
GtkWidget  *crm_canvas_view_new             (CrmStore      *store,
                                             const char    *module);
void        crm_canvas_view_set_query       (CrmCanvasView *self,
                                             CrmQuery      *query);
GListModel *crm_canvas_view_get_model       (CrmCanvasView *self);
GtkWidget  *crm_canvas_view_get_grid_view   (CrmCanvasView *self);
/* Opens the card designer (also the toolbar's button). */
GtkWindow  *crm_canvas_view_customize       (CrmCanvasView *self);

G_END_DECLS
