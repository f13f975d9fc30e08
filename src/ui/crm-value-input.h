/* crm-value-input.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crm-query.h"
#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_VALUE_INPUT (crm_value_input_get_type ())

G_DECLARE_FINAL_TYPE (CrmValueInput, crm_value_input, CRM, VALUE_INPUT, GtkWidget)

/* The value part of a filter condition or of a mass update: no input, an
 * entry, a number of days, two entries ("between"), or a drop-down for
 * picklists, owners and checkboxes. Text is parsed by the store, so people
 * type values the way lists show them (lookups by name, money per locale). */

/* With this operator the input asks for one value to store in the field,
 * and offers "None" to clear it. */
#define CRM_VALUE_INPUT_SET CRM_N_OPS

GtkWidget  *crm_value_input_new          (CrmStore       *store);
void        crm_value_input_set_field    (CrmValueInput  *self,
                                          CrmField       *field,
                                          CrmOperator     op);
CrmField   *crm_value_input_get_field    (CrmValueInput  *self);
/* Values ready for CrmQuery / the store (full references, or NULL). */
gboolean    crm_value_input_get_values   (CrmValueInput  *self,
                                          GVariant      **value,
                                          GVariant      **value2,
                                          GError        **error);
/* Shows the values of an existing condition. */
void        crm_value_input_set_values   (CrmValueInput  *self,
                                          GVariant       *value,
                                          GVariant       *value2);
/* Fills the inputs as a person would type (a drop-down picks the item
 * with that text). */
void        crm_value_input_set_text     (CrmValueInput  *self,
                                          const char     *text,
                                          const char     *text2);
/* Marks the inputs as wrong (red) until the next edit. */
void        crm_value_input_show_error   (CrmValueInput  *self,
                                          gboolean        error);

G_END_DECLS
