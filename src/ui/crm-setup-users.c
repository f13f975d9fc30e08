/* crm-setup-users.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-setup-users"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-setup-users.h"
#include "crm-setup-window.h"
#include "crm-users.h"

struct _CrmSetupUsers
{
  AdwPreferencesPage   parent_instance;

  CrmStore            *store;
  AdwPreferencesGroup *users_group;
  GPtrArray           *user_rows;
  AdwEntryRow         *new_name;
  AdwEntryRow         *new_email;
  AdwEntryRow         *new_role;
  AdwComboRow         *current_row;
  AdwComboRow         *from_row;
  AdwComboRow         *to_row;
  GArray              *all_ids;      /* every user, as listed in from/to */
  GArray              *active_ids;   /* active users, as in current_row */
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (CrmSetupUsers, crm_setup_users, ADW_TYPE_PREFERENCES_PAGE)

static void reload (CrmSetupUsers *self);

static void
on_user_apply_cb (AdwEntryRow   *row,
                  CrmSetupUsers *self)
{
  GtkWidget *expander = g_object_get_data (G_OBJECT (row), "expander");
  AdwEntryRow **entries = g_object_get_data (G_OBJECT (expander), "entries");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (expander), "id");
  g_autoptr(GError) error = NULL;

  if (!crm_users_update (self->store, id,
                         gtk_editable_get_text (GTK_EDITABLE (entries[0])),
                         gtk_editable_get_text (GTK_EDITABLE (entries[1])),
                         gtk_editable_get_text (GTK_EDITABLE (entries[2])), &error))
    crm_setup_toast_error (GTK_WIDGET (self), error);
  reload (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  CrmSetupUsers *self = data;

  if (self->store != NULL)
    reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_user_active_cb (GtkSwitch     *sw,
                   GParamSpec    *pspec,
                   CrmSetupUsers *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (sw), "id");

  if (self->loading)
    return;
  if (!crm_users_set_active (self->store, id, gtk_switch_get_active (sw), &error))
    crm_setup_toast_error (GTK_WIDGET (self), error);
  /* After the signal: the rows are rebuilt, this switch with them. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, g_object_ref (self), g_object_unref);
}

static AdwEntryRow *
entry_row (const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  return ADW_ENTRY_ROW (row);
}

static void
reload (CrmSetupUsers *self)
{
  g_autoptr(GPtrArray) users = crm_users_list (self->store, TRUE, NULL);
  g_autoptr(GtkStringList) all = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) active = gtk_string_list_new (NULL);
  gint64 current = crm_store_get_current_user (self->store);
  guint current_index = 0;

  self->loading = TRUE;
  crm_setup_group_clear (self->users_group, self->user_rows);
  g_array_set_size (self->all_ids, 0);
  g_array_set_size (self->active_ids, 0);
  for (guint i = 0; users && i < users->len; i++)
    {
      CrmUser *user = g_ptr_array_index (users, i);
      GtkWidget *expander = adw_expander_row_new ();
      AdwEntryRow **entries = g_new0 (AdwEntryRow *, 3);
      g_autoptr(GString) subtitle = g_string_new (user->email ? user->email : "");
      GtkWidget *sw_row, *sw;

      if (user->role && *user->role)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", user->role);
      if (!user->active)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", _("Inactive"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), user->name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle->str);
      g_object_set_data_full (G_OBJECT (expander), "id", g_memdup2 (&user->id, sizeof user->id), g_free);
      g_object_set_data_full (G_OBJECT (expander), "entries", entries, g_free);
      entries[0] = entry_row (_("Name"), user->name);
      entries[1] = entry_row (_("Email"), user->email);
      entries[2] = entry_row (_("Role"), user->role);
      for (int j = 0; j < 3; j++)
        {
          adw_entry_row_set_show_apply_button (entries[j], TRUE);
          g_object_set_data (G_OBJECT (entries[j]), "expander", expander);
          g_signal_connect (entries[j], "apply", G_CALLBACK (on_user_apply_cb), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (entries[j]));
        }
      sw_row = crm_setup_switch_row_new (_("Active"), _("Inactive users keep their records but get no new ones"),
                                         user->active, (GtkSwitch **) &sw);
      g_object_set_data_full (G_OBJECT (sw), "id", g_memdup2 (&user->id, sizeof user->id), g_free);
      g_signal_connect (sw, "notify::active", G_CALLBACK (on_user_active_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), sw_row);
      adw_preferences_group_add (self->users_group, expander);
      g_ptr_array_add (self->user_rows, expander);

      gtk_string_list_append (all, user->name);
      g_array_append_val (self->all_ids, user->id);
      if (user->active)
        {
          if (user->id == current)
            current_index = self->active_ids->len;
          gtk_string_list_append (active, user->name);
          g_array_append_val (self->active_ids, user->id);
        }
    }
  adw_combo_row_set_model (self->current_row, G_LIST_MODEL (active));
  adw_combo_row_set_selected (self->current_row, current_index);
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (all));
  adw_combo_row_set_model (self->to_row, G_LIST_MODEL (active));
  self->loading = FALSE;
}

static void
on_add_cb (CrmSetupUsers *self)
{
  g_autoptr(GError) error = NULL;

  if (crm_users_add (self->store, gtk_editable_get_text (GTK_EDITABLE (self->new_name)),
                     gtk_editable_get_text (GTK_EDITABLE (self->new_email)),
                     gtk_editable_get_text (GTK_EDITABLE (self->new_role)), &error) <= 0)
    {
      crm_setup_toast_error (GTK_WIDGET (self), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_name), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_email), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_role), "");
  reload (self);
}

static void
on_current_selected_cb (CrmSetupUsers *self)
{
  guint i = adw_combo_row_get_selected (self->current_row);
  g_autoptr(GError) error = NULL;

  if (self->loading || i >= self->active_ids->len)
    return;
  if (!crm_users_set_current (self->store, g_array_index (self->active_ids, gint64, i), &error))
    crm_setup_toast_error (GTK_WIDGET (self), error);
}

static void
on_transfer_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         CrmSetupUsers    *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 from, to, moved;

  if (g_strcmp0 (response, "move") != 0)
    return;
  from = g_array_index (self->all_ids, gint64, adw_combo_row_get_selected (self->from_row));
  to = g_array_index (self->active_ids, gint64, adw_combo_row_get_selected (self->to_row));
  moved = crm_users_transfer_records (self->store, from, to, &error);
  if (moved < 0)
    {
      crm_setup_toast_error (GTK_WIDGET (self), error);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " record moved",
                                          "%" G_GINT64_FORMAT " records moved", moved), moved);
  crm_setup_toast (GTK_WIDGET (self), message);
}

static void
on_transfer_cb (CrmSetupUsers *self)
{
  guint f = adw_combo_row_get_selected (self->from_row);
  guint t = adw_combo_row_get_selected (self->to_row);
  GtkWidget *dialog;
  g_autofree char *from_name = NULL;
  g_autofree char *to_name = NULL;

  if (f >= self->all_ids->len || t >= self->active_ids->len)
    return;
  if (g_array_index (self->all_ids, gint64, f) == g_array_index (self->active_ids, gint64, t))
    {
      crm_setup_toast (GTK_WIDGET (self), _("Choose two different users"));
      return;
    }
  from_name = crm_store_dup_user_name (self->store, g_array_index (self->all_ids, gint64, f));
  to_name = crm_store_dup_user_name (self->store, g_array_index (self->active_ids, gint64, t));
  dialog = adw_message_dialog_new (crm_setup_get_window (GTK_WIDGET (self)), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Move Every Record of %s?"), from_name);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s will own every record %s owns now, in every module."), to_name, from_name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "move", _("_Move Records"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_transfer_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static AdwPreferencesGroup *
add_group (CrmSetupUsers *self,
           const char    *title,
           const char    *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  if (description)
    adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);
  return group;
}

static void
crm_setup_users_dispose (GObject *object)
{
  CrmSetupUsers *self = (CrmSetupUsers *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->user_rows, g_ptr_array_unref);
  g_clear_pointer (&self->all_ids, g_array_unref);
  g_clear_pointer (&self->active_ids, g_array_unref);
  G_OBJECT_CLASS (crm_setup_users_parent_class)->dispose (object);
}

static void
crm_setup_users_class_init (CrmSetupUsersClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_setup_users_dispose;
}

static void
crm_setup_users_init (CrmSetupUsers *self)
{
  self->user_rows = g_ptr_array_new ();
  self->all_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->active_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWidget *
crm_setup_users_new (CrmStore *store)
{
  CrmSetupUsers *self = g_object_new (CRM_TYPE_SETUP_USERS,
                                      "title", _("Users"),
                                      "icon-name", "system-users-symbolic",
                                      NULL);
  AdwPreferencesGroup *group;
  GtkWidget *button, *row;

  self->store = g_object_ref (store);

  group = add_group (self, _("Working Now"), _("New records belong to this user"));
  self->current_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->current_row), _("Current User"));
  g_signal_connect_swapped (self->current_row, "notify::selected", G_CALLBACK (on_current_selected_cb), self);
  adw_preferences_group_add (group, GTK_WIDGET (self->current_row));

  self->users_group = add_group (self, _("Users"), _("People who own records. There are no passwords: everyone works on this computer."));

  group = add_group (self, _("Add a User"), NULL);
  self->new_name = entry_row (_("Name"), NULL);
  self->new_email = entry_row (_("Email"), NULL);
  self->new_role = entry_row (_("Role"), NULL);
  adw_entry_row_set_input_purpose (self->new_email, GTK_INPUT_PURPOSE_EMAIL);
  button = gtk_button_new_with_mnemonic (_("_Add User"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_cb), self);
  adw_entry_row_add_suffix (self->new_role, button);
  adw_preferences_group_add (group, GTK_WIDGET (self->new_name));
  adw_preferences_group_add (group, GTK_WIDGET (self->new_email));
  adw_preferences_group_add (group, GTK_WIDGET (self->new_role));

  group = add_group (self, _("Move Records"), _("Give every record one user owns to another, for example when someone leaves"));
  self->from_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->from_row), _("From"));
  self->to_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->to_row), _("To"));
  adw_preferences_group_add (group, GTK_WIDGET (self->from_row));
  adw_preferences_group_add (group, GTK_WIDGET (self->to_row));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Move Records…"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_signal_connect_swapped (row, "activated", G_CALLBACK (on_transfer_cb), self);
  adw_preferences_group_add (group, row);

  reload (self);
  return GTK_WIDGET (self);
}
