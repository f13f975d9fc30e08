/* crm-setup-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-setup-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-setup-automation.h"
#include "crm-setup-company.h"
#include "crm-setup-data.h"
#include "crm-setup-modules.h"
#include "crm-setup-personal.h"
#include "crm-setup-privacy.h"
#include "crm-setup-templates.h"
#include "crm-setup-users.h"
#include "crm-setup-window.h"

struct _CrmSetupWindow
{
  AdwPreferencesWindow  parent_instance;

  CrmStore             *store;
  GtkWidget            *pages[8];
};

G_DEFINE_FINAL_TYPE (CrmSetupWindow, crm_setup_window, ADW_TYPE_PREFERENCES_WINDOW)

typedef GtkWidget *(*PageNew) (CrmStore *store);

static const struct
{
  const char *name;
  PageNew     page_new;
} pages[] = {
  { "personal", crm_setup_personal_new },
  { "company", crm_setup_company_new },
  { "users", crm_setup_users_new },
  { "customization", crm_setup_modules_new },
  { "templates", crm_setup_templates_new },
  { "automation", crm_setup_automation_new },
  { "data", crm_setup_data_new },
  { "privacy", crm_setup_privacy_new },
};

static void
crm_setup_window_dispose (GObject *object)
{
  CrmSetupWindow *self = CRM_SETUP_WINDOW (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (crm_setup_window_parent_class)->dispose (object);
}

static void
crm_setup_window_class_init (CrmSetupWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_setup_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crm/ui/crm-setup-window.ui");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_setup_window_init (CrmSetupWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
crm_setup_window_new (GtkWindow *parent,
                      CrmStore  *store)
{
  CrmSetupWindow *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_SETUP_WINDOW,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = pages[i].page_new (store);

      adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (page), pages[i].name);
      self->pages[i] = page;
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
    }
  return GTK_WIDGET (self);
}

void
crm_setup_window_show_page (CrmSetupWindow *self,
                            const char     *page)
{
  g_return_if_fail (CRM_IS_SETUP_WINDOW (self));

  if (page == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].name, page) == 0)
      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self), page);
}

static void
on_setup_destroy_cb (GObject *parent)
{
  g_object_set_data (parent, "crm-setup-window", NULL);
}

void
crm_setup_window_present (GtkWindow  *parent,
                          CrmStore   *store,
                          const char *page)
{
  GtkWidget *window;

  g_return_if_fail (CRM_IS_STORE (store));

  /* One Setup window per main window: a second Ctrl+, brings it back. */
  if (parent != NULL)
    {
      window = g_object_get_data (G_OBJECT (parent), "crm-setup-window");
      if (window != NULL)
        {
          crm_setup_window_show_page (CRM_SETUP_WINDOW (window), page);
          gtk_window_present (GTK_WINDOW (window));
          return;
        }
    }
  window = crm_setup_window_new (parent, store);
  if (parent != NULL)
    {
      g_object_set_data (G_OBJECT (parent), "crm-setup-window", window);
      g_signal_connect_object (window, "destroy", G_CALLBACK (on_setup_destroy_cb), parent, G_CONNECT_SWAPPED);
    }
  crm_setup_window_show_page (CRM_SETUP_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
}

CrmStore *
crm_setup_window_get_store (CrmSetupWindow *self)
{
  g_return_val_if_fail (CRM_IS_SETUP_WINDOW (self), NULL);
  return self->store;
}

GtkWidget *
crm_setup_window_get_page (CrmSetupWindow *self,
                           const char     *page)
{
  g_return_val_if_fail (CRM_IS_SETUP_WINDOW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].name, page) == 0)
      return self->pages[i];
  return NULL;
}

/*
 * Helpers for the pages
 */

GtkWindow *
crm_setup_get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
crm_setup_toast (GtkWidget  *widget,
                 const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
  else
    g_message ("%s", message);
}

void
crm_setup_toast_error (GtkWidget    *widget,
                       const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwToast *toast;

  if (!ADW_IS_PREFERENCES_WINDOW (root))
    {
      g_message ("%s", error->message);
      return;
    }
  toast = adw_toast_new (error->message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 8);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
}

static void
on_subpage_back_clicked_cb (GtkWidget *button)
{
  GtkWidget *previous = g_object_get_data (G_OBJECT (button), "previous-subpage");
  GtkRoot *root = gtk_widget_get_root (button);

  if (!ADW_IS_PREFERENCES_WINDOW (root))
    return;
  /* A subpage opened from another subpage goes back to that one. */
  if (previous != NULL && gtk_widget_get_parent (previous) != NULL)
    adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (root), previous);
  else
    adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (root));
}

GtkWidget *
crm_setup_subpage_new (const char         *title,
                       AdwPreferencesPage *page)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");

  gtk_widget_set_tooltip_text (back, _("Back"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"), -1);
  g_signal_connect (back, "clicked", G_CALLBACK (on_subpage_back_clicked_cb), NULL);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  g_object_set_data (G_OBJECT (box), "back-button", back);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (GTK_WIDGET (page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (page));
  return box;
}

void
crm_setup_present_subpage (GtkWidget *widget,
                           GtkWidget *subpage)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *back = g_object_get_data (G_OBJECT (subpage), "back-button");
  GtkWidget *ancestor;

  if (!ADW_IS_PREFERENCES_WINDOW (root))
    return;
  /* Opened from inside a subpage: remember it for the back button. */
  for (ancestor = widget; ancestor != NULL; ancestor = gtk_widget_get_parent (ancestor))
    if (g_object_get_data (G_OBJECT (ancestor), "back-button") != NULL)
      break;
  if (back != NULL)
    g_object_set_data (G_OBJECT (back), "previous-subpage", ancestor);
  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (root), subpage);
}

GtkWidget *
crm_setup_switch_row_new (const char  *title,
                          const char  *subtitle,
                          gboolean     active,
                          GtkSwitch  **out_switch)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (sw), active);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  if (out_switch)
    *out_switch = GTK_SWITCH (sw);
  return row;
}

void
crm_setup_group_clear (AdwPreferencesGroup *group,
                       GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}
