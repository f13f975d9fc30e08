/* crm-note-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-related.h"

G_BEGIN_DECLS

#define CRM_TYPE_NOTE_ROW (crm_note_row_get_type ())

G_DECLARE_FINAL_TYPE (CrmNoteRow, crm_note_row, CRM, NOTE_ROW, AdwPreferencesRow)

/* A note shown in a list and edited in place. Without a note the row is a
 * composer for a new one. ::save (title, content) asks the owner to store
 * the text; ::delete asks to delete the note; ::cancel ends editing. */
GtkWidget  *crm_note_row_new          (CrmNote    *note,
                                       gint64      now);
gint64      crm_note_row_get_note_id  (CrmNoteRow *self);
gboolean    crm_note_row_is_editing   (CrmNoteRow *self);
/* Shows the editing fields, filled with the note, and focuses them. */
void        crm_note_row_edit         (CrmNoteRow *self);
/* Back to showing the note (the composer empties and hides). */
void        crm_note_row_stop_editing (CrmNoteRow *self);
/* Fills the editing fields, as typing would. */
void        crm_note_row_set_text     (CrmNoteRow *self,
                                       const char *title,
                                       const char *content);
/* Shows why a save failed, under the editing fields. */
void        crm_note_row_set_error    (CrmNoteRow *self,
                                       const char *message);

G_END_DECLS
