/* crm-record-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-field-editor.h"
#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_RECORD_EDITOR (crm_record_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmRecordEditor, crm_record_editor, CRM, RECORD_EDITOR, AdwWindow)

/* A modal window with a form built from the module's fields. `id` 0 makes
 * a new record; `clone_from` prefills a new record from another one.
 * ::saved (gint64 record_id, gint64 change_id) is emitted after a save;
 * change_id is 0 when nothing changed. The caller shows the toast with
 * Undo. */
GtkWindow      *crm_record_editor_new               (GtkWindow       *parent,
                                                     CrmStore        *store,
                                                     const char      *module,
                                                     gint64           id,
                                                     gint64           clone_from);
const char     *crm_record_editor_get_module        (CrmRecordEditor *self);
gint64          crm_record_editor_get_record_id     (CrmRecordEditor *self);
/* Prefills a field (also hidden ones such as an activity's related_id)
 * without counting as a change by the user. */
void            crm_record_editor_set_value         (CrmRecordEditor *self,
                                                     const char      *field,
                                                     GVariant        *value);
CrmFieldEditor *crm_record_editor_get_field_editor  (CrmRecordEditor *self,
                                                     const char      *field);
/* Whether the form is valid as of the last check (Save is enabled). */
gboolean        crm_record_editor_can_save          (CrmRecordEditor *self);
/* Whether the user changed anything (Cancel asks first). */
gboolean        crm_record_editor_has_changes       (CrmRecordEditor *self);
/* Checks now instead of after the typing pause. */
void            crm_record_editor_validate          (CrmRecordEditor *self);

G_END_DECLS
