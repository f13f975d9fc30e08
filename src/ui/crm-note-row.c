/* crm-note-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-note-row"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-note-row.h"
#include "crm-timeline-row.h"

struct _CrmNoteRow
{
  AdwPreferencesRow  parent_instance;

  GtkStack          *stack;
  GtkLabel          *title_label;
  GtkLabel          *content_label;
  GtkLabel          *meta_label;
  GtkEntry          *title_entry;
  GtkTextView       *text_view;
  GtkButton         *save_button;
  GtkLabel          *error_label;

  char              *title;
  char              *content;
  gint64             note_id;
};

G_DEFINE_FINAL_TYPE (CrmNoteRow, crm_note_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  SAVE,
  DELETE,
  CANCEL,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static char *
dup_text (CrmNoteRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_save_sensitivity (CrmNoteRow *self)
{
  g_autofree char *text = dup_text (self);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));

  g_strstrip (text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), *text != '\0' || *title != '\0');
}

static void
on_save_clicked_cb (CrmNoteRow *self)
{
  g_autofree char *text = dup_text (self);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;
  g_signal_emit (self, signals [SAVE], 0, *title ? title : NULL, text);
}

static void
on_cancel_clicked_cb (CrmNoteRow *self)
{
  crm_note_row_stop_editing (self);
  g_signal_emit (self, signals [CANCEL], 0);
}

static void
on_edit_clicked_cb (CrmNoteRow *self)
{
  crm_note_row_edit (self);
}

static void
on_delete_clicked_cb (CrmNoteRow *self)
{
  g_signal_emit (self, signals [DELETE], 0);
}

/* Ctrl+Enter saves, Escape cancels, as in chat and comment boxes. */
static gboolean
on_key_pressed_cb (CrmNoteRow            *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK))
    {
      on_save_clicked_cb (self);
      return TRUE;
    }
  if (keyval == GDK_KEY_Escape)
    {
      on_cancel_clicked_cb (self);
      return TRUE;
    }
  return FALSE;
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  /* GTK 4.8 does not name icon buttons from their tooltips. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  return button;
}

static GtkWidget *
build_view (CrmNoteRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *edit, *delete;

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_wrap_mode (self->title_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");

  self->content_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->content_label, 0);
  gtk_label_set_wrap (self->content_label, TRUE);
  gtk_label_set_wrap_mode (self->content_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (self->content_label, TRUE);

  self->meta_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->meta_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->meta_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->meta_label), "dim-label");

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->content_label));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->meta_label));

  edit = icon_button ("document-edit-symbolic", _("Edit Note"), "note-edit");
  delete = icon_button ("user-trash-symbolic", _("Delete Note"), "note-delete");
  g_signal_connect_swapped (edit, "clicked", G_CALLBACK (on_edit_clicked_cb), self);
  g_signal_connect_swapped (delete, "clicked", G_CALLBACK (on_delete_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), edit);
  gtk_box_append (GTK_BOX (box), delete);
  return box;
}

static GtkWidget *
build_editor (CrmNoteRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cancel;
  GtkEventController *keys;

  self->title_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->title_entry, _("Title (optional)"));
  gtk_widget_set_name (GTK_WIDGET (self->title_entry), "note-title");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note title"), -1);
  g_signal_connect_swapped (self->title_entry, "changed", G_CALLBACK (update_save_sensitivity), self);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_text_view_set_top_margin (self->text_view, 6);
  gtk_text_view_set_bottom_margin (self->text_view, 6);
  gtk_text_view_set_left_margin (self->text_view, 6);
  gtk_text_view_set_right_margin (self->text_view, 6);
  gtk_widget_set_size_request (GTK_WIDGET (self->text_view), -1, 80);
  gtk_widget_set_name (GTK_WIDGET (self->text_view), "note-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note text"), -1);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (update_save_sensitivity), self);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->text_view));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (box, keys);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_name (cancel, "note-cancel");
  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save Note")));
  gtk_widget_set_name (GTK_WIDGET (self->save_button), "note-save");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), _("Save (Ctrl+Enter)"));
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->save_button));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_entry));
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), buttons);
  return box;
}

static void
crm_note_row_finalize (GObject *object)
{
  CrmNoteRow *self = (CrmNoteRow *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->content, g_free);
  G_OBJECT_CLASS (crm_note_row_parent_class)->finalize (object);
}

static void
crm_note_row_class_init (CrmNoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_note_row_finalize;

  signals [SAVE] =
    g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals [DELETE] =
    g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals [CANCEL] =
    g_signal_new ("cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
crm_note_row_init (CrmNoteRow *self)
{
  GtkWidget *view, *editor;

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->stack), 10);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->stack), 10);
  gtk_widget_set_margin_start (GTK_WIDGET (self->stack), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->stack), 8);
  view = build_view (self);
  editor = build_editor (self);
  gtk_stack_add_named (self->stack, view, "view");
  gtk_stack_add_named (self->stack, editor, "edit");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), GTK_WIDGET (self->stack));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  update_save_sensitivity (self);
}

GtkWidget *
crm_note_row_new (CrmNote *note,
                  gint64   now)
{
  CrmNoteRow *self = g_object_new (CRM_TYPE_NOTE_ROW, NULL);
  g_autofree char *when = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *full = NULL;

  if (note == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("New Note"));
      gtk_stack_set_visible_child_name (self->stack, "edit");
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return GTK_WIDGET (self);
    }

  self->note_id = note->id;
  self->title = g_strdup (note->title);
  self->content = g_strdup (note->content);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), note->title ? note->title : note->content);

  gtk_label_set_label (self->title_label, note->title);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), note->title != NULL && *note->title != '\0');
  gtk_label_set_label (self->content_label, note->content);
  gtk_widget_set_visible (GTK_WIDGET (self->content_label), note->content != NULL && *note->content != '\0');

  when = crm_format_relative_time (note->created_at, now);
  full = crm_format_full_time (note->created_at);
  if (note->owner_name != NULL && note->modified_at > note->created_at)
    /* Translators: under a note: who wrote it, when, and that it was changed since */
    meta = g_strdup_printf (_("%s · %s · edited"), note->owner_name, when);
  else if (note->owner_name != NULL)
    /* Translators: under a note: who wrote it and when */
    meta = g_strdup_printf (_("%s · %s"), note->owner_name, when);
  else
    meta = g_strdup (when);
  gtk_label_set_label (self->meta_label, meta);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->meta_label), full);
  return GTK_WIDGET (self);
}

gint64
crm_note_row_get_note_id (CrmNoteRow *self)
{
  g_return_val_if_fail (CRM_IS_NOTE_ROW (self), 0);

  return self->note_id;
}

gboolean
crm_note_row_is_editing (CrmNoteRow *self)
{
  g_return_val_if_fail (CRM_IS_NOTE_ROW (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self)) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "edit") == 0;
}

void
crm_note_row_edit (CrmNoteRow *self)
{
  g_return_if_fail (CRM_IS_NOTE_ROW (self));

  crm_note_row_set_text (self, self->title, self->content);
  crm_note_row_set_error (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "edit");
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

void
crm_note_row_stop_editing (CrmNoteRow *self)
{
  g_return_if_fail (CRM_IS_NOTE_ROW (self));

  if (self->note_id == 0)
    {
      crm_note_row_set_text (self, NULL, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "view");
}

void
crm_note_row_set_text (CrmNoteRow *self,
                       const char *title,
                       const char *content)
{
  g_return_if_fail (CRM_IS_NOTE_ROW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title ? title : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), content ? content : "", -1);
}

void
crm_note_row_set_error (CrmNoteRow *self,
                        const char *message)
{
  g_return_if_fail (CRM_IS_NOTE_ROW (self));

  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}
