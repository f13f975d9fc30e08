/* crm-field-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_FIELD_EDITOR (crm_field_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmFieldEditor, crm_field_editor, CRM, FIELD_EDITOR, GObject)

/*
 * The editing widgets for one field, chosen from its type: an AdwEntryRow
 * for text, numbers and money (read in the locale's format), an AdwComboRow
 * for picklists and owners, a switch row for checkboxes, a calendar button
 * for dates, a search popover for lookups, a text view for long text.
 *
 * The editor owns two rows that go into a list (an AdwPreferencesGroup):
 * the field's row and, below it, a row that shows an error message when
 * there is one. ::changed is emitted when the user changes the value.
 */
CrmFieldEditor *crm_field_editor_new          (CrmStore        *store,
                                               CrmField        *field);
CrmField       *crm_field_editor_get_field    (CrmFieldEditor  *self);
GtkWidget      *crm_field_editor_get_row      (CrmFieldEditor  *self);
GtkWidget      *crm_field_editor_get_error_row (CrmFieldEditor *self);
/* The widget that takes the input (the entry row, the switch, the lookup
 * button...), for focus and tests. */
GtkWidget      *crm_field_editor_get_input    (CrmFieldEditor  *self);

/* Shows a value without emitting ::changed. NULL empties. */
void            crm_field_editor_set_value    (CrmFieldEditor  *self,
                                               GVariant        *value);
/* Reads the widget: FALSE with a message naming the problem when the text
 * cannot be read as the field's type. `value` is NULL when empty. */
gboolean        crm_field_editor_get_value    (CrmFieldEditor  *self,
                                               GVariant       **value,
                                               GError         **error);
/* Puts a field's text through the same path as typing (entry rows) or
 * choosing (combo rows: the value's label). For tests and prefilling. */
void            crm_field_editor_set_text     (CrmFieldEditor  *self,
                                               const char      *text);

/* NULL clears. The message is shown under the field, the row turns red
 * and assistive technology is told the input is invalid. */
void            crm_field_editor_set_error    (CrmFieldEditor  *self,
                                               const char      *message);
const char     *crm_field_editor_get_error    (CrmFieldEditor  *self);
void            crm_field_editor_grab_focus   (CrmFieldEditor  *self);

/* "Email: “x” is not a valid email address" -> "“x” is not a valid email
 * address": under the field its label would be said twice. */
char           *crm_field_error_strip_label   (CrmField        *field,
                                               const char      *message);

G_END_DECLS
