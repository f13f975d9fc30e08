/* crm-filter-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crm-query.h"
#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_FILTER_EDITOR (crm_filter_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmFilterEditor, crm_filter_editor, CRM, FILTER_EDITOR, GtkWidget)

/* Builds filter criteria: conditions of field, operator (by field type)
 * and value, joined by AND ("all") or OR ("any"). ::apply asks the owner to
 * run them; the SQL is the core's. */
GtkWidget  *crm_filter_editor_new             (CrmStore        *store,
                                               const char      *module);
/* Shows the criteria and the all/any choice of a query. */
void        crm_filter_editor_load            (CrmFilterEditor *self,
                                               CrmQuery        *query);
/* Replaces the query's criteria and all/any with the editor's. On a bad
 * value, marks it, shows the reason and returns FALSE with the error;
 * the query is left unchanged. */
gboolean    crm_filter_editor_build           (CrmFilterEditor *self,
                                               CrmQuery        *query,
                                               GError         **error);
guint       crm_filter_editor_get_n_conditions (CrmFilterEditor *self);
gboolean    crm_filter_editor_get_match_any   (CrmFilterEditor *self);
void        crm_filter_editor_set_match_any   (CrmFilterEditor *self,
                                               gboolean         match_any);
/* Adds a condition as a person would set it up; text is what they type
 * (or the drop-down item they pick). Returns FALSE for an unknown field
 * or an operator the field's type does not offer. */
gboolean    crm_filter_editor_add_condition   (CrmFilterEditor *self,
                                               const char      *field,
                                               CrmOperator      op,
                                               const char      *text,
                                               const char      *text2);
void        crm_filter_editor_clear           (CrmFilterEditor *self);
/* The first field entry, to move the keyboard focus into the panel. */
void        crm_filter_editor_focus           (CrmFilterEditor *self);

G_END_DECLS
