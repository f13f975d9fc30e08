/* crm-record-page-related.c — notes, attachments, related lists, timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-record-page"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "crm-attachments.h"
#include "crm-lookup-entry.h"
#include "crm-note-row.h"
#include "crm-record-editor.h"
#include "crm-record-page-private.h"
#include "crm-related.h"
#include "crm-timeline-row.h"

/* Related lists show this many rows; the rest is a count. */
#define MAX_ROWS 25

/* Zoho's default contact roles. */
static const char * const contact_roles[] = {
  N_("Decision Maker"),
  N_("Economic Buyer"),
  N_("Technical Buyer"),
  N_("Evaluator"),
  N_("Executive Sponsor"),
  N_("Influencer"),
  N_("Purchasing"),
  N_("Project Manager"),
  N_("Other"),
};

/*
 * Shared pieces
 */

static AdwPreferencesGroup *
new_group (GtkBox     *box,
           const char *title)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_group_set_title (group, escaped);
  gtk_box_append (box, GTK_WIDGET (group));
  return group;
}

/* The group header's right side: a count and, optionally, a button. */
static GtkWidget *
header_suffix (guint       count,
               GtkWidget  *button)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  if (count > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", count);
      GtkWidget *label = gtk_label_new (text);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_box_append (GTK_BOX (box), label);
    }
  if (button != NULL)
    gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  return box;
}

static GtkWidget *
add_button (const char *tooltip,
            const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  _crm_set_button_label (button, tooltip);
  gtk_widget_set_name (button, name);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
on_item_activated_cb (AdwActionRow  *row,
                      CrmRecordPage *self)
{
  const char *module = g_object_get_data (G_OBJECT (row), "module");
  const gint64 *id = g_object_get_data (G_OBJECT (row), "record-id");

  if (module != NULL && id != NULL)
    _crm_record_page_show_record (self, module, *id);
}

static void
make_record_row (CrmRecordPage *self,
                 GtkWidget     *row,
                 const char    *module,
                 gint64         id)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "module", g_strdup (module), g_free);
  g_object_set_data_full (G_OBJECT (row), "record-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (on_item_activated_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
}

static GtkWindow *
open_new_editor (CrmRecordPage *self,
                 const char    *module)
{
  return _crm_record_page_open_editor (self, module, 0, 0);
}

/*
 * Notes
 */

gboolean
_crm_record_page_is_editing (CrmRecordPage *self)
{
  if (self->note_rows == NULL)
    return FALSE;
  for (guint i = 0; i < self->note_rows->len; i++)
    if (crm_note_row_is_editing (g_ptr_array_index (self->note_rows, i)))
      return TRUE;
  return FALSE;
}

static void
after_editing (CrmRecordPage *self)
{
  if (self->notes_empty_row != NULL)
    gtk_widget_set_visible (self->notes_empty_row, self->note_rows->len == 1);
  if (self->refresh_pending)
    _crm_record_page_schedule_refresh (self);
}

static void
on_note_save_cb (CrmNoteRow    *row,
                 const char    *title,
                 const char    *content,
                 CrmRecordPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 note_id = crm_note_row_get_note_id (row);
  gboolean ok;

  if (note_id == 0)
    ok = crm_store_add_note (self->store, self->module, self->id, title, content, &error) != 0;
  else
    ok = crm_store_update_note (self->store, note_id, title, content, &error);
  if (!ok)
    {
      crm_note_row_set_error (row, error->message);
      return;
    }
  crm_note_row_stop_editing (row);
  after_editing (self);
  /* The store's change notice came while the row was being edited. */
  _crm_record_page_schedule_refresh (self);
}

static void
on_note_cancel_cb (CrmNoteRow    *row,
                   CrmRecordPage *self)
{
  after_editing (self);
}

typedef struct
{
  CrmRecordPage *page;
  gint64         id;
} DeleteData;

static void
on_delete_note_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            DeleteData       *data)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") == 0 &&
      !crm_store_delete_note (data->page->store, data->id, &error))
    _crm_record_page_show_error (data->page, _("Could Not Delete the Note"), error);
}

static void
delete_data_free (gpointer data,
                  GClosure *closure)
{
  DeleteData *d = data;

  g_object_unref (d->page);
  g_free (d);
}

static void
confirm_delete (CrmRecordPage *self,
                const char    *heading,
                const char    *body,
                gint64         id,
                GCallback      callback)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  DeleteData *data = g_new0 (DeleteData, 1);

  data->page = g_object_ref (self);
  data->id = id;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", callback, data, delete_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_note_delete_cb (CrmNoteRow    *row,
                   CrmRecordPage *self)
{
  confirm_delete (self, _("Delete Note?"), _("The note will be removed from this record."),
                  crm_note_row_get_note_id (row), G_CALLBACK (on_delete_note_response_cb));
}

static void
connect_note_row (CrmRecordPage *self,
                  GtkWidget     *row)
{
  g_signal_connect (row, "save", G_CALLBACK (on_note_save_cb), self);
  g_signal_connect (row, "cancel", G_CALLBACK (on_note_cancel_cb), self);
  g_signal_connect (row, "delete", G_CALLBACK (on_note_delete_cb), self);
  g_ptr_array_add (self->note_rows, row);
}

void
_crm_record_page_add_note (CrmRecordPage *self)
{
  if (self->note_composer == NULL)
    return;
  crm_record_page_set_view (self, "related");
  if (self->notes_empty_row != NULL)
    gtk_widget_set_visible (self->notes_empty_row, FALSE);
  crm_note_row_edit (CRM_NOTE_ROW (self->note_composer));
}

static gboolean
build_notes (CrmRecordPage  *self,
             GError        **error)
{
  g_autoptr(GPtrArray) notes = crm_store_list_notes (self->store, self->module, self->id, error);
  AdwPreferencesGroup *group;
  GtkWidget *button;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (notes == NULL)
    return FALSE;

  group = new_group (self->related_box, _("Notes"));
  button = add_button (_("Add Note"), "add-note");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "record.add-note");
  adw_preferences_group_set_header_suffix (group, header_suffix (notes->len, button));

  self->note_composer = crm_note_row_new (NULL, now);
  connect_note_row (self, self->note_composer);
  adw_preferences_group_add (group, self->note_composer);

  self->notes_empty_row = placeholder_row (_("No notes yet"));
  gtk_widget_set_visible (self->notes_empty_row, notes->len == 0);
  adw_preferences_group_add (group, self->notes_empty_row);

  for (guint i = 0; i < notes->len; i++)
    {
      GtkWidget *row = crm_note_row_new (g_ptr_array_index (notes, i), now);
      connect_note_row (self, row);
      adw_preferences_group_add (group, row);
    }
  return TRUE;
}

/*
 * Attachments
 */

static gboolean
add_files (CrmRecordPage  *self,
           GListModel     *files)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n = g_list_model_get_n_items (files);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autoptr(GError) error = NULL;

      if (crm_store_add_attachment_from_file (self->store, self->module, self->id, file, NULL, &error) == 0)
        g_string_append_printf (problems, "%s%s", problems->len ? "\n" : "", error->message);
    }
  if (problems->len > 0)
    {
      g_autoptr(GError) error = g_error_new_literal (CRM_ERROR, CRM_ERROR_VALIDATION, problems->str);
      _crm_record_page_show_error (self, _("Could Not Attach"), error);
      return FALSE;
    }
  return TRUE;
}

static void
on_open_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     CrmRecordPage   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      add_files (self, files);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

void
_crm_record_page_add_attachment (CrmRecordPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Attach Files"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            CrmRecordPage *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  return add_files (self, G_LIST_MODEL (files));
}

static gint64
attachment_id (GtkWidget *button)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (button), "attachment-id");
}

static void
on_open_attachment_cb (GtkButton     *button,
                       CrmRecordPage *self)
{
  g_autoptr(CrmAttachment) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(GFile) file = NULL;
  gint64 id = attachment_id (GTK_WIDGET (button));

  /* Programs open files, not database rows: write a copy in the cache. */
  info = crm_store_get_attachment (self->store, id, &error);
  if (info != NULL)
    {
      id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      dir = g_build_filename (g_get_user_cache_dir (), "crm", "attachments", id_text, NULL);
      path = g_build_filename (dir, info->file_name, NULL);
      file = g_file_new_for_path (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno), _("Could not create “%s”"), dir);
    }
  if (error == NULL)
    crm_store_save_attachment_to_file (self->store, id, file, NULL, &error);
  if (error != NULL)
    {
      _crm_record_page_show_error (self, _("Could Not Open the File"), error);
      return;
    }
  uri = g_file_get_uri (file);
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME);
}

typedef struct
{
  CrmRecordPage *page;
  gint64         id;
} SaveData;

static void
on_save_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     SaveData        *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!crm_store_save_attachment_to_file (data->page->store, data->id, file, NULL, &error))
        _crm_record_page_show_error (data->page, _("Could Not Save the File"), error);
    }
  g_object_unref (chooser);
  g_object_unref (data->page);
  g_free (data);
}

static void
on_save_attachment_cb (GtkButton     *button,
                       CrmRecordPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(CrmAttachment) info = NULL;
  g_autoptr(GError) error = NULL;
  GtkFileChooserNative *chooser;
  SaveData *data;

  info = crm_store_get_attachment (self->store, attachment_id (GTK_WIDGET (button)), &error);
  if (info == NULL)
    {
      _crm_record_page_show_error (self, _("Could Not Save the File"), error);
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Save File"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), info->file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  data = g_new0 (SaveData, 1);
  data->page = g_object_ref (self);
  data->id = info->id;
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_delete_attachment_response_cb (AdwMessageDialog *dialog,
                                  const char       *response,
                                  DeleteData       *data)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") == 0 &&
      !crm_store_delete_attachment (data->page->store, data->id, &error))
    _crm_record_page_show_error (data->page, _("Could Not Delete the File"), error);
}

static void
on_delete_attachment_cb (GtkButton     *button,
                         CrmRecordPage *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "file-name");
  /* Translators: %s is a file name */
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), name);

  confirm_delete (self, heading, _("The file will be removed from this record for good."),
                  attachment_id (GTK_WIDGET (button)), G_CALLBACK (on_delete_attachment_response_cb));
}

static GtkWidget *
attachment_button (CrmRecordPage *self,
                   CrmAttachment *attachment,
                   const char    *icon,
                   const char    *tooltip,
                   const char    *name,
                   GCallback      callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  _crm_set_button_label (button, tooltip);
  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "attachment-id", g_memdup2 (&attachment->id, sizeof (gint64)), g_free);
  g_object_set_data_full (G_OBJECT (button), "file-name", g_strdup (attachment->file_name), g_free);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
attachment_row (CrmRecordPage *self,
                CrmAttachment *attachment,
                gint64         now)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *content_type = attachment->mime_type ? g_content_type_from_mime_type (attachment->mime_type) : NULL;
  g_autoptr(GIcon) icon = g_content_type_get_symbolic_icon (content_type ? content_type : "application/octet-stream");
  g_autofree char *size = g_format_size (attachment->size);
  g_autofree char *when = crm_format_relative_time (attachment->created_at, now);
  g_autofree char *user = crm_store_dup_user_name (self->store, attachment->owner_id);
  g_autofree char *subtitle = NULL;
  GtkWidget *image = gtk_image_new_from_gicon (icon);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), attachment->file_name);
  if (user != NULL)
    /* Translators: under an attachment: size, who added it, when */
    subtitle = g_strdup_printf (_("%s · %s · %s"), size, user, when);
  else
    subtitle = g_strdup_printf (_("%s · %s"), size, when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             attachment_button (self, attachment, "document-open-symbolic", _("Open"),
                                                "attachment-open", G_CALLBACK (on_open_attachment_cb)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             attachment_button (self, attachment, "document-save-as-symbolic", _("Save As…"),
                                                "attachment-save", G_CALLBACK (on_save_attachment_cb)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             attachment_button (self, attachment, "user-trash-symbolic", _("Delete"),
                                                "attachment-delete", G_CALLBACK (on_delete_attachment_cb)));
  return row;
}

static gboolean
build_attachments (CrmRecordPage  *self,
                   GError        **error)
{
  g_autoptr(GPtrArray) attachments = crm_store_list_attachments (self->store, self->module, self->id, error);
  AdwPreferencesGroup *group;
  GtkWidget *button;
  GtkDropTarget *drop;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *limit = g_format_size (CRM_ATTACHMENT_MAX_SIZE);
  g_autofree char *description = NULL;

  if (attachments == NULL)
    return FALSE;

  group = new_group (self->related_box, _("Attachments"));
  button = add_button (_("Attach Files…"), "add-attachment");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "record.add-attachment");
  adw_preferences_group_set_header_suffix (group, header_suffix (attachments->len, button));

  if (attachments->len == 0)
    {
      /* Translators: %s is a size such as "25.0 MB" */
      description = g_strdup_printf (_("Drop files here to attach them, up to %s each"), limit);
      adw_preferences_group_add (group, placeholder_row (description));
    }
  for (guint i = 0; i < attachments->len; i++)
    adw_preferences_group_add (group, attachment_row (self, g_ptr_array_index (attachments, i), now));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (group), GTK_EVENT_CONTROLLER (drop));
  return TRUE;
}

/*
 * Related lists
 */

static void
on_new_child_cb (GtkButton     *button,
                 CrmRecordPage *self)
{
  const char *module = g_object_get_data (G_OBJECT (button), "module");
  const char *field = g_object_get_data (G_OBJECT (button), "field");
  GtkWindow *editor = open_new_editor (self, module);

  crm_record_editor_set_value (CRM_RECORD_EDITOR (editor), field, g_variant_new_int64 (self->id));
}

static void
on_new_activity_cb (GtkButton     *button,
                    CrmRecordPage *self)
{
  const char *module = g_object_get_data (G_OBJECT (button), "module");
  CrmModule *activity = crm_store_get_module (self->store, module);
  GtkWindow *editor = open_new_editor (self, module);
  GPtrArray *fields = crm_module_get_fields (activity);

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  crm_record_editor_set_value (CRM_RECORD_EDITOR (editor), "related_module", g_variant_new_string (self->module));
  crm_record_editor_set_value (CRM_RECORD_EDITOR (editor), "related_id", g_variant_new_int64 (self->id));
  /* A call with a contact shows the contact in its form too. */
  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);

      if (crm_field_get_field_type (field) == CRM_FIELD_LOOKUP &&
          g_strcmp0 (crm_field_get_lookup_module (field), self->module) == 0)
        {
          crm_record_editor_set_value (CRM_RECORD_EDITOR (editor), crm_field_get_api_name (field),
                                       g_variant_new_int64 (self->id));
          break;
        }
    }
}

static GtkWidget *
new_activity_button (CrmRecordPage *self)
{
  GPtrArray *modules = crm_store_get_modules (self->store);
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  for (guint i = 0; i < modules->len; i++)
    {
      CrmModule *module = g_ptr_array_index (modules, i);
      GtkWidget *item, *content;
      g_autofree char *label = NULL;

      if (!crm_module_is_activity (module) || crm_module_is_hidden (module))
        continue;
      /* Translators: a menu item, e.g. "New Task" */
      label = g_strdup_printf (_("New %s"), crm_module_get_singular (module));
      item = gtk_button_new ();
      content = adw_button_content_new ();
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), crm_module_get_icon_name (module));
      gtk_widget_set_halign (content, GTK_ALIGN_START);
      gtk_button_set_child (GTK_BUTTON (item), content);
      gtk_widget_add_css_class (item, "flat");
      g_object_set_data_full (G_OBJECT (item), "module", g_strdup (crm_module_get_api_name (module)), g_free);
      g_signal_connect (item, "clicked", G_CALLBACK (on_new_activity_cb), self);
      gtk_box_append (GTK_BOX (box), item);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "list-add-symbolic");
  _crm_set_button_label (menu_button, _("New Activity"));
  gtk_widget_set_name (menu_button, "new-activity");
  gtk_widget_add_css_class (menu_button, "flat");
  return menu_button;
}

/* Contact roles: a contact and a role, added from a popover. */
typedef struct
{
  CrmRecordPage  *page;
  CrmLookupEntry *contact;
  GtkDropDown    *role;
  GtkLabel       *error;
} RoleForm;

static void
on_add_role_clicked_cb (GtkButton *button,
                        RoleForm  *form)
{
  g_autoptr(GError) error = NULL;
  guint index = gtk_drop_down_get_selected (form->role);
  gint64 contact = crm_lookup_entry_get_value (form->contact);

  if (contact == 0)
    {
      gtk_label_set_label (form->error, _("Choose a contact first"));
      gtk_widget_set_visible (GTK_WIDGET (form->error), TRUE);
      return;
    }
  if (!crm_store_set_contact_role (form->page->store, form->page->id, contact,
                                   index < G_N_ELEMENTS (contact_roles) ? _(contact_roles[index]) : NULL, &error))
    {
      gtk_label_set_label (form->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (form->error), TRUE);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
}

static GtkWidget *
add_role_button (CrmRecordPage *self)
{
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *contact_label = gtk_label_new_with_mnemonic (_("Contact"));
  GtkWidget *role_label = gtk_label_new_with_mnemonic (_("Role"));
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add"));
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  RoleForm *form = g_new0 (RoleForm, 1);

  for (guint i = 0; i < G_N_ELEMENTS (contact_roles); i++)
    gtk_string_list_append (roles, _(contact_roles[i]));

  form->page = self;
  form->contact = CRM_LOOKUP_ENTRY (crm_lookup_entry_new (self->store, "contacts"));
  form->role = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (roles)), NULL));
  form->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (form->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (form->error), FALSE);
  g_object_set_data_full (G_OBJECT (popover), "form", form, g_free);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_label_set_xalign (GTK_LABEL (contact_label), 1);
  gtk_label_set_xalign (GTK_LABEL (role_label), 1);
  gtk_widget_add_css_class (contact_label, "dim-label");
  gtk_widget_add_css_class (role_label, "dim-label");
  gtk_widget_set_halign (GTK_WIDGET (form->contact), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->contact), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Contact"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->role), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Role"), -1);
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_halign (add, GTK_ALIGN_END);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_role_clicked_cb), form);

  gtk_grid_attach (GTK_GRID (grid), contact_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (form->contact), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), role_label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (form->role), 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (form->error), 0, 2, 2, 1);
  gtk_grid_attach (GTK_GRID (grid), add, 0, 3, 2, 1);

  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "list-add-symbolic");
  _crm_set_button_label (menu_button, _("Add a Contact Role"));
  gtk_widget_set_name (menu_button, "add-contact-role");
  gtk_widget_add_css_class (menu_button, "flat");
  return menu_button;
}

static void
on_remove_role_cb (GtkButton     *button,
                   CrmRecordPage *self)
{
  g_autoptr(GError) error = NULL;
  const gint64 *contact = g_object_get_data (G_OBJECT (button), "contact-id");

  if (!crm_store_remove_contact_role (self->store, self->id, *contact, &error))
    _crm_record_page_show_error (self, _("Could Not Remove the Role"), error);
}

static GtkWidget *
item_row (CrmRecordPage  *self,
          CrmRelatedList *list,
          CrmRelatedItem *item,
          gint64          now)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);

  if (list->kind == CRM_RELATED_STAGE_HISTORY)
    {
      g_autofree char *when = crm_format_relative_time (item->time, now);
      g_autofree char *subtitle = item->detail ? g_strdup_printf (_("%s · %s"), item->detail, when)
                                               : g_strdup (when);
      g_autofree char *full = crm_format_full_time (item->time);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_tooltip_text (row, full);
      return row;
    }

  if (item->detail != NULL && *item->detail != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->detail);
  if (list->kind == CRM_RELATED_OPEN_ACTIVITIES || list->kind == CRM_RELATED_CLOSED_ACTIVITIES)
    {
      CrmModule *module = crm_store_get_module (self->store, item->module);
      if (module != NULL)
        adw_action_row_set_icon_name (ADW_ACTION_ROW (row), crm_module_get_icon_name (module));
    }
  if (list->kind == CRM_RELATED_CONTACT_ROLES &&
      item->id != crm_record_get_int (self->record, "contact_name", 0))
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      _crm_set_button_label (remove, _("Remove the Role"));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data_full (G_OBJECT (remove), "contact-id", g_memdup2 (&item->id, sizeof (gint64)), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_role_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }
  if (item->module != NULL)
    make_record_row (self, row, item->module, item->id);
  return row;
}

static const char *
empty_text (CrmRelatedList *list)
{
  switch (list->kind)
    {
    case CRM_RELATED_OPEN_ACTIVITIES:
      return _("Nothing planned");
    case CRM_RELATED_CLOSED_ACTIVITIES:
      return _("Nothing done yet");
    case CRM_RELATED_CONTACT_ROLES:
      return _("No contacts on this deal");
    case CRM_RELATED_STAGE_HISTORY:
      return _("No stage set");
    case CRM_RELATED_CHILDREN:
    default:
      return _("None");
    }
}

static void
build_list (CrmRecordPage  *self,
            CrmRelatedList *list,
            gint64          now)
{
  AdwPreferencesGroup *group = new_group (self->related_box, list->label);
  GtkWidget *button = NULL;

  switch (list->kind)
    {
    case CRM_RELATED_CHILDREN:
      {
        CrmModule *child = crm_store_get_module (self->store, list->module);
        /* Translators: a button's tooltip, e.g. "New Contact" */
        g_autofree char *tooltip = g_strdup_printf (_("New %s"), crm_module_get_singular (child));
        g_autofree char *name = g_strdup_printf ("new-%s-%s", list->module, list->field);

        button = add_button (tooltip, name);
        g_object_set_data_full (G_OBJECT (button), "module", g_strdup (list->module), g_free);
        g_object_set_data_full (G_OBJECT (button), "field", g_strdup (list->field), g_free);
        g_signal_connect (button, "clicked", G_CALLBACK (on_new_child_cb), self);
        break;
      }

    case CRM_RELATED_OPEN_ACTIVITIES:
      button = new_activity_button (self);
      break;

    case CRM_RELATED_CONTACT_ROLES:
      button = add_role_button (self);
      break;

    case CRM_RELATED_CLOSED_ACTIVITIES:
    case CRM_RELATED_STAGE_HISTORY:
    default:
      break;
    }
  adw_preferences_group_set_header_suffix (group, header_suffix (list->items->len, button));

  if (list->items->len == 0)
    adw_preferences_group_add (group, placeholder_row (empty_text (list)));
  for (guint i = 0; i < list->items->len && i < MAX_ROWS; i++)
    adw_preferences_group_add (group, item_row (self, list, g_ptr_array_index (list->items, i), now));
  if (list->items->len > MAX_ROWS)
    {
      guint more = list->items->len - MAX_ROWS;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more),
                                               more);
      adw_preferences_group_add (group, placeholder_row (text));
    }
}

void
_crm_record_page_build_related (CrmRecordPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  _crm_record_page_clear_box (self->related_box);
  g_ptr_array_set_size (self->note_rows, 0);
  self->note_composer = NULL;
  self->notes_empty_row = NULL;

  if (!build_notes (self, &error) || !build_attachments (self, &error))
    {
      g_warning ("Could not list the notes or attachments of %s #%" G_GINT64_FORMAT ": %s",
                 self->module, self->id, error->message);
      return;
    }

  lists = crm_store_get_related_lists (self->store, self->module, self->id, &error);
  if (lists == NULL)
    {
      g_warning ("Could not list the records related to %s #%" G_GINT64_FORMAT ": %s",
                 self->module, self->id, error->message);
      return;
    }
  for (guint i = 0; i < lists->len; i++)
    build_list (self, g_ptr_array_index (lists, i), now);
}

/*
 * Timeline
 */

static void
on_timeline_row_activated_cb (GtkListBox    *list,
                              GtkListBoxRow *row,
                              CrmRecordPage *self)
{
  on_item_activated_cb (ADW_ACTION_ROW (row), self);
}

void
_crm_record_page_build_timeline (CrmRecordPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *list;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  _crm_record_page_clear_box (self->timeline_box);
  entries = crm_store_get_timeline (self->store, self->module, self->id, &error);
  if (entries == NULL)
    {
      g_warning ("Could not read the timeline of %s #%" G_GINT64_FORMAT ": %s",
                 self->module, self->id, error->message);
      return;
    }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"), -1);
  g_signal_connect (list, "row-activated", G_CALLBACK (on_timeline_row_activated_cb), self);
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), crm_timeline_row_new (self->store, self->module,
                                                                   g_ptr_array_index (entries, i), now));
  gtk_box_append (self->timeline_box, list);
}
