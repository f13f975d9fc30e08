/* crm-selection.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CRM_TYPE_SELECTION (crm_selection_get_type ())

G_DECLARE_FINAL_TYPE (CrmSelection, crm_selection, CRM, SELECTION, GObject)

/* A multi-selection that never asks its model for items. GtkMultiSelection
 * (GTK 4.8) fetches every added item on items-changed so that selected
 * items survive a reorder; over a lazy million-row model that reads the
 * whole module from the database on each sort. Here the selection is a
 * bitset of positions: when rows are replaced, their selection goes. */
CrmSelection *crm_selection_new        (GListModel   *model);
GListModel   *crm_selection_get_model  (CrmSelection *self);

G_END_DECLS
