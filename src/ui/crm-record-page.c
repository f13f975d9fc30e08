/* crm-record-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-record-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-record-editor.h"
#include "crm-record-page-private.h"
#include "crm-window.h"

/* CrmWindow's error dialog is written elsewhere; until it is linked in,
 * the page shows its own. */
extern void crm_window_show_error (CrmWindow    *self,
                                   const char   *title,
                                   const GError *error) __attribute__ ((weak));
extern void crm_window_add_toast (CrmWindow    *self,
                                  const char   *message,
                                  gint64        undo_change_id) __attribute__ ((weak));

G_DEFINE_FINAL_TYPE (CrmRecordPage, crm_record_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TITLE,
  PROP_MODULE,
  PROP_RECORD_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void refresh (CrmRecordPage *self);

/*
 * Shared with crm-record-page-related.c
 */

void
_crm_record_page_clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

void
_crm_set_button_label (GtkWidget  *button,
                       const char *label)
{
  gtk_widget_set_tooltip_text (button, label);
  /* A menu button's inner toggle is labelled by the menu button. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWindow *
parent_window (CrmRecordPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_crm_record_page_show_error (CrmRecordPage *self,
                             const char    *title,
                             const GError  *error)
{
  GtkWindow *parent = parent_window (self);
  GtkWidget *dialog;

  if (crm_window_show_error != NULL && parent != NULL && CRM_IS_WINDOW (parent))
    {
      crm_window_show_error (CRM_WINDOW (parent), title, error);
      return;
    }
  dialog = adw_message_dialog_new (parent, title, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Editors the page opens itself (a record's new contact or task, or any
 * editor outside a CrmWindow) toast through the window when there is one. */
static void
on_editor_saved_cb (CrmRecordEditor *editor,
                    gint64           record_id,
                    gint64           change_id,
                    CrmRecordPage   *self)
{
  GtkWindow *parent = parent_window (self);
  const char *module = crm_record_editor_get_module (editor);
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  if (change_id == 0 || crm_window_add_toast == NULL || parent == NULL || !CRM_IS_WINDOW (parent))
    return;
  title = crm_store_dup_record_title (self->store, module, record_id);
  if (title == NULL || *title == '\0')
    {
      CrmModule *m = crm_store_get_module (self->store, module);
      g_free (title);
      title = g_strdup (m ? crm_module_get_singular (m) : module);
    }
  /* Translators: a toast after saving; %s is the record's name */
  message = g_strdup_printf (g_object_get_data (G_OBJECT (editor), "crm-created") ? _("“%s” created")
                                                                                  : _("“%s” saved"), title);
  crm_window_add_toast (CRM_WINDOW (parent), message, change_id);
}

GtkWindow *
_crm_record_page_open_editor (CrmRecordPage *self,
                              const char    *module,
                              gint64         id,
                              gint64         clone_from)
{
  GtkWindow *editor = crm_record_editor_new (parent_window (self), self->store, module, id, clone_from);

  if (id == 0)
    g_object_set_data (G_OBJECT (editor), "crm-created", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, 0);
  gtk_window_present (editor);
  return editor;
}

/* In a CrmWindow the window opens the record (with a way back); alone,
 * the page shows it itself. */
void
_crm_record_page_show_record (CrmRecordPage *self,
                              const char    *module,
                              gint64         id)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)", module, id))
    crm_record_page_set_record (self, module, id);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  CrmRecordPage *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Changes come in bursts (a save touches a record and its lists): one
 * re-read when idle, and none while hidden or while a note is edited. */
void
_crm_record_page_schedule_refresh (CrmRecordPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || _crm_record_page_is_editing (self))
    {
      self->refresh_pending = TRUE;
      return;
    }
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

/*
 * Business card
 */

static void
on_link_clicked_cb (GtkButton     *button,
                    CrmRecordPage *self)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "uri");

  gtk_show_uri (parent_window (self), uri, GDK_CURRENT_TIME);
}

static void
add_link (CrmRecordPage *self,
          const char    *icon,
          const char    *label,
          const char    *uri,
          const char    *tooltip)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  /* The flow box shares out spare width; the links keep their size. */
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_object_set_data_full (G_OBJECT (button), "uri", g_strdup (uri), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_link_clicked_cb), self);
  gtk_flow_box_append (self->links_box, button);
}

static char *
phone_uri (const char *phone)
{
  GString *uri = g_string_new ("tel:");

  for (const char *p = phone; *p; p++)
    if (g_ascii_isdigit (*p) || (*p == '+' && uri->len == 4))
      g_string_append_c (uri, *p);
  return g_string_free (uri, FALSE);
}

static char *
web_uri (const char *url)
{
  if (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://"))
    return g_strdup (url);
  return g_strconcat ("https://", url, NULL);
}

static char *
field_text (CrmRecordPage *self,
            CrmField      *field)
{
  GVariant *value = crm_record_get_value (self->record, crm_field_get_api_name (field));
  char *text;

  if (value == NULL)
    return NULL;
  text = crm_store_format_value (self->store, field, value);
  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
add_subtitle_part (CrmRecordPage *self,
                   GPtrArray     *parts,
                   const char    *name)
{
  CrmModule *module = crm_record_get_module (self->record);
  CrmField *field = crm_module_get_field (module, name);
  char *text;

  if (field == NULL || g_strv_contains (crm_module_get_title_fields (module), name) ||
      crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN))
    return;
  text = field_text (self, field);
  if (text != NULL)
    g_ptr_array_add (parts, text);
}

static void
update_card (CrmRecordPage *self)
{
  CrmModule *module = crm_record_get_module (self->record);
  GPtrArray *fields = crm_module_get_fields (module);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  g_autofree char *owner = NULL;
  const char *kanban = crm_module_get_kanban_field (module);
  gboolean person = crm_module_get_field (module, "last_name") != NULL;
  guint n_links = 0;
  gboolean have_email = FALSE, have_web = FALSE;
  GtkWidget *child;

  gtk_label_set_label (self->kind_label, crm_module_get_singular (module));
  gtk_label_set_label (self->name_label, self->title);
  adw_avatar_set_text (self->avatar, self->title);
  adw_avatar_set_show_initials (self->avatar, person);
  adw_avatar_set_icon_name (self->avatar, crm_module_get_icon_name (module));

  /* Job title and company for people, then where the record stands. */
  add_subtitle_part (self, parts, "title");
  add_subtitle_part (self, parts, "company");
  add_subtitle_part (self, parts, "account_name");
  add_subtitle_part (self, parts, "vendor_name");
  if (kanban != NULL)
    add_subtitle_part (self, parts, kanban);
  add_subtitle_part (self, parts, "amount");
  add_subtitle_part (self, parts, "grand_total");
  g_ptr_array_add (parts, NULL);
  /* Translators: separates values in the record's card */
  subtitle = g_strjoinv (_(" · "), (char **) parts->pdata);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), *subtitle != '\0');

  if (crm_module_get_field (module, "owner_id") != NULL)
    owner = crm_store_dup_user_name (self->store, crm_record_get_int (self->record, "owner_id", 0));
  if (owner != NULL)
    {
      /* Translators: the record's owner in its card */
      g_autofree char *text = g_strdup_printf (_("Owner: %s"), owner);
      gtk_label_set_label (self->owner_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->owner_label), owner != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_box))) != NULL)
    gtk_flow_box_remove (self->links_box, child);
  g_clear_pointer (&self->email, g_free);

  for (guint i = 0; i < fields->len && n_links < 4; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      const char *value;
      g_autofree char *uri = NULL;
      g_autofree char *tooltip = NULL;

      if (crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN) ||
          crm_field_get_storage (field) != CRM_STORAGE_TEXT)
        continue;
      value = crm_record_get_string (self->record, crm_field_get_api_name (field));
      if (value == NULL || *value == '\0')
        continue;

      switch (crm_field_get_field_type (field))
        {
        case CRM_FIELD_EMAIL:
          if (have_email)
            break;
          have_email = TRUE;
          self->email = g_strdup (value);
          uri = g_strconcat ("mailto:", value, NULL);
          /* Translators: tooltip of an email address in the card */
          tooltip = g_strdup_printf (_("Write to %s"), value);
          add_link (self, "mail-unread-symbolic", value, uri, tooltip);
          n_links++;
          break;

        case CRM_FIELD_PHONE:
          uri = phone_uri (value);
          /* Translators: tooltip of a phone number, e.g. "Call (Mobile)" */
          tooltip = g_strdup_printf (_("Call (%s)"), crm_field_get_label (field));
          add_link (self, "call-start-symbolic", value, uri, tooltip);
          n_links++;
          break;

        case CRM_FIELD_URL:
          if (have_web)
            break;
          have_web = TRUE;
          uri = web_uri (value);
          add_link (self, "web-browser-symbolic", value, uri, _("Open the website"));
          n_links++;
          break;

        default:
          break;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->links_box), n_links > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.send-email", self->email != NULL);
}

/*
 * Details
 */

static gboolean
on_value_link_cb (GtkLabel      *label,
                  const char    *uri,
                  CrmRecordPage *self)
{
  g_auto(GStrv) parts = NULL;

  if (!g_str_has_prefix (uri, "crm-record:"))
    {
      gtk_show_uri (parent_window (self), uri, GDK_CURRENT_TIME);
      return TRUE;
    }
  parts = g_strsplit (uri + strlen ("crm-record:"), "/", 2);
  if (parts[0] != NULL && parts[1] != NULL)
    _crm_record_page_show_record (self, parts[0], g_ascii_strtoll (parts[1], NULL, 10));
  return TRUE;
}

static char *
value_markup (CrmRecordPage *self,
              CrmField      *field,
              const char    *text)
{
  GVariant *value = crm_record_get_value (self->record, crm_field_get_api_name (field));
  g_autofree char *uri = NULL;

  switch (crm_field_get_field_type (field))
    {
    case CRM_FIELD_EMAIL:
      uri = g_strconcat ("mailto:", text, NULL);
      break;

    case CRM_FIELD_PHONE:
      uri = phone_uri (text);
      break;

    case CRM_FIELD_URL:
      uri = web_uri (text);
      break;

    case CRM_FIELD_LOOKUP:
      uri = g_strdup_printf ("crm-record:%s/%" G_GINT64_FORMAT, crm_field_get_lookup_module (field),
                             g_variant_get_int64 (value));
      break;

    default:
      return g_markup_escape_text (text, -1);
    }
  return g_markup_printf_escaped ("<a href=\"%s\">%s</a>", uri, text);
}

static GtkWidget *
info_row (CrmRecordPage *self,
          CrmField      *field)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *key = gtk_label_new (crm_field_get_label (field));
  GtkWidget *value = gtk_label_new (NULL);
  g_autofree char *text = field_text (self, field);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_field_get_label (field));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (key), 0);
  gtk_widget_add_css_class (key, "caption");
  gtk_widget_add_css_class (key, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  if (text == NULL)
    {
      gtk_label_set_label (GTK_LABEL (value), "—");
      gtk_widget_add_css_class (value, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Empty"), -1);
    }
  else
    {
      g_autofree char *markup = value_markup (self, field, text);

      gtk_label_set_markup (GTK_LABEL (value), markup);
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
      g_signal_connect (value, "activate-link", G_CALLBACK (on_value_link_cb), self);
    }
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY, key, NULL, -1);

  gtk_box_append (GTK_BOX (box), key);
  gtk_box_append (GTK_BOX (box), value);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
build_info (CrmRecordPage *self)
{
  CrmModule *module = crm_record_get_module (self->record);
  GPtrArray *fields = crm_module_get_fields (module);
  AdwPreferencesGroup *group = NULL;
  const char *section = NULL;

  _crm_record_page_clear_box (self->info_box);
  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);

      if (crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN))
        continue;
      if (group == NULL || g_strcmp0 (section, crm_field_get_section (field)) != 0)
        {
          section = crm_field_get_section (field);
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          if (section != NULL)
            {
              /* Group titles are markup. */
              g_autofree char *escaped = g_markup_escape_text (section, -1);
              adw_preferences_group_set_title (group, escaped);
            }
          gtk_box_append (self->info_box, GTK_WIDGET (group));
        }
      adw_preferences_group_add (group, info_row (self, field));
    }
}

/*
 * Loading
 */

static void
set_title (CrmRecordPage *self,
           const char    *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

static void
show_missing (CrmRecordPage *self,
              const GError  *error,
              gboolean       deleted)
{
  CrmModule *module = crm_store_get_module (self->store, self->module);
  g_autofree char *title = NULL;

  if (deleted)
    {
      g_autofree char *lower = g_utf8_strdown (crm_module_get_singular (module), -1);
      /* Translators: %s is a module's singular in lower case, e.g. "lead" */
      title = g_strdup_printf (_("This %s is in the recycle bin"), lower);
      adw_status_page_set_title (self->missing_page, title);
      adw_status_page_set_description (self->missing_page, _("Restore it to see and change it again."));
      adw_status_page_set_icon_name (self->missing_page, "user-trash-symbolic");
    }
  else
    {
      adw_status_page_set_title (self->missing_page, _("Record Not Found"));
      adw_status_page_set_description (self->missing_page, error ? error->message : NULL);
      adw_status_page_set_icon_name (self->missing_page, "dialog-question-symbolic");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->restore_button), deleted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.restore", deleted);
  gtk_stack_set_visible_child_name (self->state_stack, "missing");
}

static void
refresh (CrmRecordPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean live;
  double scroll;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_pending = FALSE;
  if (self->module == NULL)
    return;

  g_clear_object (&self->record);
  self->record = crm_store_load_record (self->store, self->module, self->id, &error);
  live = self->record != NULL && !crm_record_is_deleted (self->record);
  for (guint i = 0; i < 2; i++)
    {
      static const char * const actions[] = { "record.edit", "record.delete" };
      gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], live);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.clone", self->record != NULL);

  if (self->record == NULL)
    {
      set_title (self, _("Record Not Found"));
      show_missing (self, error, FALSE);
      return;
    }

  title = crm_record_dup_title (self->record);
  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = g_strdup_printf ("%s #%" G_GINT64_FORMAT,
                               crm_module_get_singular (crm_record_get_module (self->record)), self->id);
    }
  set_title (self, title);

  if (!live)
    {
      show_missing (self, NULL, TRUE);
      return;
    }

  /* Rebuilding keeps the reader where they were. */
  scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));
  update_card (self);
  build_info (self);
  _crm_record_page_build_related (self);
  _crm_record_page_build_timeline (self);
  gtk_stack_set_visible_child_name (self->state_stack, "record");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), scroll);
}

static void
on_records_changed_cb (CrmRecordPage *self,
                       const char    *module,
                       gint64         id,
                       CrmStore      *store)
{
  if (self->module != NULL)
    _crm_record_page_schedule_refresh (self);
}

static void
on_map_cb (CrmRecordPage *self)
{
  if (self->refresh_pending)
    _crm_record_page_schedule_refresh (self);
}

/*
 * Actions
 */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmRecordPage *self = CRM_RECORD_PAGE (widget);

  if (!gtk_widget_activate_action (widget, "win.edit-record", "(sx)", self->module, self->id))
    _crm_record_page_open_editor (self, self->module, self->id, 0);
}

static void
clone_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CrmRecordPage *self = CRM_RECORD_PAGE (widget);

  if (!gtk_widget_activate_action (widget, "win.clone-record", "(sx)", self->module, self->id))
    _crm_record_page_open_editor (self, self->module, 0, self->id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmRecordPage *self = CRM_RECORD_PAGE (widget);
  g_autoptr(GError) error = NULL;

  /* The window deletes with an Undo toast and goes back. */
  if (gtk_widget_activate_action (widget, "win.delete-record", "(sx)", self->module, self->id))
    return;
  if (!crm_store_delete_record (self->store, self->module, self->id, &error))
    _crm_record_page_show_error (self, _("Could Not Delete"), error);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrmRecordPage *self = CRM_RECORD_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!crm_store_restore_record (self->store, self->module, self->id, &error))
    _crm_record_page_show_error (self, _("Could Not Restore"), error);
}

static void
send_email_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrmRecordPage *self = CRM_RECORD_PAGE (widget);
  g_autofree char *uri = NULL;

  if (self->email == NULL)
    return;
  uri = g_strconcat ("mailto:", self->email, NULL);
  gtk_show_uri (parent_window (self), uri, GDK_CURRENT_TIME);
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _crm_record_page_add_note (CRM_RECORD_PAGE (widget));
}

static void
add_attachment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _crm_record_page_add_attachment (CRM_RECORD_PAGE (widget));
}

/*
 * GObject
 */

static void
crm_record_page_constructed (GObject *object)
{
  CrmRecordPage *self = (CrmRecordPage *)object;

  G_OBJECT_CLASS (crm_record_page_parent_class)->constructed (object);
  g_assert (CRM_IS_STORE (self->store));
  g_signal_connect_object (self->store, "records-changed", G_CALLBACK (on_records_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
crm_record_page_dispose (GObject *object)
{
  CrmRecordPage *self = (CrmRecordPage *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* AdwBin drops its child itself (dispose_template would do it twice). */
  self->note_composer = NULL;
  self->notes_empty_row = NULL;
  g_clear_pointer (&self->note_rows, g_ptr_array_unref);
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (crm_record_page_parent_class)->dispose (object);
}

static void
crm_record_page_finalize (GObject *object)
{
  CrmRecordPage *self = (CrmRecordPage *)object;

  g_clear_pointer (&self->module, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->email, g_free);
  G_OBJECT_CLASS (crm_record_page_parent_class)->finalize (object);
}

static void
crm_record_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrmRecordPage *self = CRM_RECORD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_MODULE:
      g_value_set_string (value, self->module);
      break;

    case PROP_RECORD_ID:
      g_value_set_int64 (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_record_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CrmRecordPage *self = CRM_RECORD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_record_page_class_init (CrmRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = crm_record_page_constructed;
  object_class->dispose = crm_record_page_dispose;
  object_class->finalize = crm_record_page_finalize;
  object_class->get_property = crm_record_page_get_property;
  object_class->set_property = crm_record_page_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_MODULE] =
    g_param_spec_string ("module", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_RECORD_ID] =
    g_param_spec_int64 ("record-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crm/ui/crm-record-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmRecordPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordPage, owner_label);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordPage, links_box);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordPage, info_box);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordPage, related_box);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordPage, timeline_box);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordPage, missing_page);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordPage, restore_button);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordPage, more_button);

  gtk_widget_class_install_action (widget_class, "record.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "record.clone", NULL, clone_action);
  gtk_widget_class_install_action (widget_class, "record.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "record.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "record.send-email", NULL, send_email_action);
  gtk_widget_class_install_action (widget_class, "record.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "record.add-attachment", NULL, add_attachment_action);
}

static void
crm_record_page_init (CrmRecordPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _crm_set_button_label (GTK_WIDGET (self->more_button), _("More Actions"));
  self->note_rows = g_ptr_array_new ();
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

/*
 * Public API
 */

GtkWidget *
crm_record_page_new (CrmStore *store)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  return g_object_new (CRM_TYPE_RECORD_PAGE, "store", store, NULL);
}

CrmStore *
crm_record_page_get_store (CrmRecordPage *self)
{
  g_return_val_if_fail (CRM_IS_RECORD_PAGE (self), NULL);

  return self->store;
}

void
crm_record_page_set_record (CrmRecordPage *self,
                            const char    *module,
                            gint64         id)
{
  gboolean same;

  g_return_if_fail (CRM_IS_RECORD_PAGE (self));
  g_return_if_fail (module != NULL);

  same = g_strcmp0 (self->module, module) == 0 && self->id == id;
  if (!same)
    {
      g_free (self->module);
      self->module = g_strdup (module);
      self->id = id;
      /* Another record starts on its details, at the top. */
      adw_view_stack_set_visible_child_name (self->view_stack, "info");
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
    }
  g_ptr_array_set_size (self->note_rows, 0);
  self->note_composer = NULL;
  refresh (self);
  if (!same)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODULE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECORD_ID]);
    }
}

const char *
crm_record_page_get_module (CrmRecordPage *self)
{
  g_return_val_if_fail (CRM_IS_RECORD_PAGE (self), NULL);

  return self->module;
}

gint64
crm_record_page_get_record_id (CrmRecordPage *self)
{
  g_return_val_if_fail (CRM_IS_RECORD_PAGE (self), 0);

  return self->id;
}

const char *
crm_record_page_get_title (CrmRecordPage *self)
{
  g_return_val_if_fail (CRM_IS_RECORD_PAGE (self), NULL);

  return self->title;
}

void
crm_record_page_set_view (CrmRecordPage *self,
                          const char    *view)
{
  g_return_if_fail (CRM_IS_RECORD_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, view);
}

const char *
crm_record_page_get_view (CrmRecordPage *self)
{
  g_return_val_if_fail (CRM_IS_RECORD_PAGE (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
crm_record_page_reload (CrmRecordPage *self)
{
  g_return_if_fail (CRM_IS_RECORD_PAGE (self));

  refresh (self);
}
