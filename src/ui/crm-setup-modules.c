/* crm-setup-modules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-setup-modules"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "crm-convert.h"
#include "crm-customize.h"
#include "crm-setup-modules.h"
#include "crm-setup-window.h"

/*
 * Setup › Customization: modules (rename, reorder, hide, create), their
 * fields by section (add, edit, move, delete), pick list values and deal
 * stages, and the lead conversion mapping. Everything is rebuilt from the
 * store's metadata whenever it changes, so what is shown is what is
 * stored.
 */

struct _CrmSetupModules
{
  AdwPreferencesPage   parent_instance;

  CrmStore            *store;
  AdwPreferencesGroup *modules_group;
  GPtrArray           *module_rows;
  AdwEntryRow         *new_singular;
  AdwEntryRow         *new_plural;
  AdwComboRow         *new_icon;

  /* The open subpages and what they show. */
  AdwPreferencesPage  *module_page;
  char                *module;
  AdwPreferencesPage  *field_page;
  char                *field;
  AdwPreferencesPage  *convert_page;
  guint                refresh_id;
};

G_DEFINE_FINAL_TYPE (CrmSetupModules, crm_setup_modules, ADW_TYPE_PREFERENCES_PAGE)

static const char * const module_icons[] = {
  "folder-symbolic", "x-office-document-symbolic", "starred-symbolic", "mail-unread-symbolic",
  "x-office-calendar-symbolic", "emblem-documents-symbolic", "applications-engineering-symbolic",
  "user-bookmarks-symbolic", "system-users-symbolic", "emblem-system-symbolic", NULL
};

/* The types a user may add (auto numbers and owners are the program's). */
static const CrmFieldType addable_types[] = {
  CRM_FIELD_TEXT, CRM_FIELD_LONG_TEXT, CRM_FIELD_EMAIL, CRM_FIELD_PHONE, CRM_FIELD_URL,
  CRM_FIELD_INTEGER, CRM_FIELD_DECIMAL, CRM_FIELD_CURRENCY, CRM_FIELD_PERCENT, CRM_FIELD_DATE,
  CRM_FIELD_DATETIME, CRM_FIELD_CHECKBOX, CRM_FIELD_PICKLIST, CRM_FIELD_MULTI_PICKLIST, CRM_FIELD_LOOKUP,
};

static const char icon_item_ui[] =
  "<interface><template class=\"GtkListItem\"><property name=\"child\"><object class=\"GtkImage\">"
  "<binding name=\"icon-name\"><lookup name=\"string\" type=\"GtkStringObject\">"
  "<lookup name=\"item\">GtkListItem</lookup></lookup></binding></object></property></template></interface>";

static void fill_module_page (CrmSetupModules *self);
static void fill_field_page (CrmSetupModules *self);
static void fill_convert_page (CrmSetupModules *self);
static void reload_modules (CrmSetupModules *self);

/*
 * Helpers
 */

static void
page_clear (AdwPreferencesPage *page)
{
  GPtrArray *groups = g_object_get_data (G_OBJECT (page), "groups");

  for (guint i = 0; groups && i < groups->len; i++)
    adw_preferences_page_remove (page, g_ptr_array_index (groups, i));
  if (groups)
    g_ptr_array_set_size (groups, 0);
}

static AdwPreferencesGroup *
page_add_group (AdwPreferencesPage *page,
                const char         *title,
                const char         *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GPtrArray *groups = g_object_get_data (G_OBJECT (page), "groups");

  if (groups == NULL)
    {
      groups = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (page), "groups", groups, (GDestroyNotify) g_ptr_array_unref);
    }
  if (title)
    adw_preferences_group_set_title (group, title);
  if (description)
    adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (page, group);
  g_ptr_array_add (groups, group);
  return group;
}

static AdwEntryRow *
entry_row (const char *title,
           const char *text,
           gboolean    apply)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), apply);
  return ADW_ENTRY_ROW (row);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             GCallback   callback,
             gpointer    data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_signal_connect (button, "clicked", callback, data);
  return button;
}

static void
set_key (gpointer    object,
         const char *key,
         const char *value)
{
  g_object_set_data_full (G_OBJECT (object), key, g_strdup (value), g_free);
}

static const char *
get_key (gpointer    object,
         const char *key)
{
  return g_object_get_data (G_OBJECT (object), key);
}

static CrmSetupModules *
get_self (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "setup-modules");
}

static void
report (CrmSetupModules *self,
        gboolean         ok,
        GError          *error)
{
  if (!ok && error != NULL)
    crm_setup_toast_error (GTK_WIDGET (self), error);
}

static gboolean
refresh_cb (gpointer data)
{
  CrmSetupModules *self = data;

  self->refresh_id = 0;
  reload_modules (self);
  if (self->module_page && self->module)
    fill_module_page (self);
  if (self->field_page && self->field)
    fill_field_page (self);
  if (self->convert_page)
    fill_convert_page (self);
  return G_SOURCE_REMOVE;
}

/* Rebuilt after the signal that changed something has finished, since
 * the rebuild destroys the row that emitted it. */
static void
on_metadata_changed_cb (CrmSetupModules *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static char *
make_api_name (const char *label)
{
  g_autofree char *ascii = g_str_to_ascii (label, "C");
  GString *name = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (name, g_ascii_tolower (*p));
      else if (name->len > 0 && name->str[name->len - 1] != '_')
        g_string_append_c (name, '_');
    }
  while (name->len > 0 && name->str[name->len - 1] == '_')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0 || g_ascii_isdigit (name->str[0]))
    g_string_prepend (name, "x_");
  return g_string_free (name, FALSE);
}

/*
 * Module list
 */

static void
on_module_move_cb (GtkButton *button)
{
  CrmSetupModules *self = get_self (GTK_WIDGET (button));
  const char *module = get_key (button, "module");
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  int position = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "index"));
  g_autoptr(GError) error = NULL;

  if (position + delta < 0)
    return;
  report (self, crm_customize_move_module (self->store, module, position + delta, &error), error);
}

static void
on_module_visible_cb (GtkSwitch  *sw,
                      GParamSpec *pspec)
{
  CrmSetupModules *self = get_self (GTK_WIDGET (sw));
  g_autoptr(GError) error = NULL;

  report (self, crm_customize_set_module_hidden (self->store, get_key (sw, "module"),
                                                 !gtk_switch_get_active (sw), &error), error);
}

static void
open_module (CrmSetupModules *self,
             const char      *module)
{
  GtkWidget *subpage;
  CrmModule *m = crm_store_get_module (self->store, module);

  g_free (self->module);
  self->module = g_strdup (module);
  self->module_page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  g_object_add_weak_pointer (G_OBJECT (self->module_page), (gpointer *) &self->module_page);
  fill_module_page (self);
  subpage = crm_setup_subpage_new (crm_module_get_plural (m), self->module_page);
  crm_setup_present_subpage (GTK_WIDGET (self), subpage);
}

static void
on_module_activated_cb (AdwActionRow *row)
{
  open_module (get_self (GTK_WIDGET (row)), get_key (row, "module"));
}

static void
reload_modules (CrmSetupModules *self)
{
  GPtrArray *modules = crm_store_get_modules (self->store);

  crm_setup_group_clear (self->modules_group, self->module_rows);
  for (guint i = 0; i < modules->len; i++)
    {
      CrmModule *module = g_ptr_array_index (modules, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *up, *down, *sw;
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_module_get_plural (module));
      subtitle = g_strdup_printf (crm_module_is_custom (module) ? _("%s · Custom module") : "%s",
                                  crm_module_get_singular (module));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (crm_module_get_icon_name (module)));
      gtk_widget_set_name (row, crm_module_get_api_name (module));

      up = icon_button ("go-up-symbolic", _("Move Up"), G_CALLBACK (on_module_move_cb), NULL);
      down = icon_button ("go-down-symbolic", _("Move Down"), G_CALLBACK (on_module_move_cb), NULL);
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < modules->len);
      sw = gtk_switch_new ();
      gtk_switch_set_active (GTK_SWITCH (sw), !crm_module_is_hidden (module));
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (sw, _("Shown in the sidebar"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Shown in the sidebar"), -1);
      for (int j = 0; j < 3; j++)
        {
          GtkWidget *w = j == 0 ? up : j == 1 ? down : sw;

          g_object_set_data (G_OBJECT (w), "setup-modules", self);
          set_key (w, "module", crm_module_get_api_name (module));
          g_object_set_data (G_OBJECT (w), "index", GINT_TO_POINTER (i));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), w);
        }
      g_object_set_data (G_OBJECT (up), "delta", GINT_TO_POINTER (-1));
      g_object_set_data (G_OBJECT (down), "delta", GINT_TO_POINTER (1));
      g_signal_connect (sw, "notify::active", G_CALLBACK (on_module_visible_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "setup-modules", self);
      set_key (row, "module", crm_module_get_api_name (module));
      g_signal_connect (row, "activated", G_CALLBACK (on_module_activated_cb), NULL);
      adw_preferences_group_add (self->modules_group, row);
      g_ptr_array_add (self->module_rows, row);
    }
}

static void
on_create_module_cb (CrmSetupModules *self)
{
  const char *singular = gtk_editable_get_text (GTK_EDITABLE (self->new_singular));
  const char *plural = gtk_editable_get_text (GTK_EDITABLE (self->new_plural));
  g_autofree char *api_name = make_api_name (plural);
  g_autoptr(GError) error = NULL;
  guint icon = adw_combo_row_get_selected (self->new_icon);

  if (crm_store_create_module (self->store, api_name, g_strstrip ((char *) singular), g_strstrip ((char *) plural),
                               module_icons[MIN (icon, G_N_ELEMENTS (module_icons) - 2)], &error) == NULL)
    {
      crm_setup_toast_error (GTK_WIDGET (self), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_singular), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_plural), "");
  reload_modules (self);
  crm_setup_toast (GTK_WIDGET (self), _("Module created"));
}

/*
 * One module: names, fields by section, new field
 */

static void
on_module_names_apply_cb (AdwEntryRow *row)
{
  CrmSetupModules *self = get_self (GTK_WIDGET (row));
  AdwEntryRow *singular = g_object_get_data (G_OBJECT (row), "singular");
  AdwEntryRow *plural = g_object_get_data (G_OBJECT (row), "plural");
  g_autoptr(GError) error = NULL;

  report (self, crm_customize_rename_module (self->store, self->module,
                                             gtk_editable_get_text (GTK_EDITABLE (singular)),
                                             gtk_editable_get_text (GTK_EDITABLE (plural)), &error), error);
  on_metadata_changed_cb (self);
}

static void
on_field_move_cb (GtkButton *button)
{
  CrmSetupModules *self = get_self (GTK_WIDGET (button));
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "index"));
  g_autoptr(GError) error = NULL;

  if (index < 0)
    return;
  report (self, crm_customize_move_field (self->store, self->module, get_key (button, "field"), index,
                                          NULL, &error), error);
}

static void
open_field (CrmSetupModules *self,
            const char      *field)
{
  CrmField *f = crm_module_get_field (crm_store_get_module (self->store, self->module), field);
  GtkWidget *subpage;

  g_free (self->field);
  self->field = g_strdup (field);
  self->field_page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  g_object_add_weak_pointer (G_OBJECT (self->field_page), (gpointer *) &self->field_page);
  fill_field_page (self);
  subpage = crm_setup_subpage_new (crm_field_get_label (f), self->field_page);
  crm_setup_present_subpage (GTK_WIDGET (self->module_page), subpage);
}

static void
on_field_activated_cb (AdwActionRow *row)
{
  open_field (get_self (GTK_WIDGET (row)), get_key (row, "field"));
}

static void
on_new_type_changed_cb (AdwComboRow *type_row)
{
  GtkWidget *lookup = g_object_get_data (G_OBJECT (type_row), "lookup");
  GtkWidget *values = g_object_get_data (G_OBJECT (type_row), "values");
  CrmFieldType type = addable_types[MIN (adw_combo_row_get_selected (type_row), G_N_ELEMENTS (addable_types) - 1)];

  gtk_widget_set_visible (lookup, type == CRM_FIELD_LOOKUP);
  gtk_widget_set_visible (values, type == CRM_FIELD_PICKLIST || type == CRM_FIELD_MULTI_PICKLIST);
}

static void
on_add_field_cb (GtkButton *button)
{
  CrmSetupModules *self = get_self (GTK_WIDGET (button));
  AdwEntryRow *label_row = g_object_get_data (G_OBJECT (button), "label");
  AdwComboRow *type_row = g_object_get_data (G_OBJECT (button), "type");
  AdwComboRow *lookup_row = g_object_get_data (G_OBJECT (button), "lookup");
  AdwEntryRow *values_row = g_object_get_data (G_OBJECT (button), "values");
  CrmFieldType type = addable_types[MIN (adw_combo_row_get_selected (type_row), G_N_ELEMENTS (addable_types) - 1)];
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (label_row))));
  g_autofree char *api_name = make_api_name (label);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;
  g_auto(GStrv) parts = NULL;
  const char *lookup = NULL;
  g_autoptr(GError) error = NULL;

  if (type == CRM_FIELD_LOOKUP)
    {
      GPtrArray *modules = crm_store_get_modules (self->store);
      guint i = adw_combo_row_get_selected (lookup_row);

      if (i < modules->len)
        lookup = crm_module_get_api_name (g_ptr_array_index (modules, i));
    }
  parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (values_row)), ";", -1);
  for (guint i = 0; parts[i]; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  values = g_strv_builder_end (builder);
  if ((type == CRM_FIELD_PICKLIST || type == CRM_FIELD_MULTI_PICKLIST) && values[0] == NULL)
    {
      crm_setup_toast (GTK_WIDGET (self), _("A pick list needs at least one value: write them separated by “;”"));
      return;
    }
  if (crm_store_add_field (self->store, self->module, api_name, label, type, CRM_FIELD_FLAG_CUSTOM, lookup,
                           (const char * const *) values, &error) == NULL)
    {
      crm_setup_toast_error (GTK_WIDGET (self), error);
      return;
    }
  on_metadata_changed_cb (self);
}

static void
fill_module_page (CrmSetupModules *self)
{
  CrmModule *module = crm_store_get_module (self->store, self->module);
  AdwPreferencesGroup *group = NULL;
  AdwEntryRow *singular, *plural;
  GPtrArray *fields;
  const char *section = NULL;
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) targets = gtk_string_list_new (NULL);
  GPtrArray *modules = crm_store_get_modules (self->store);
  GtkWidget *type_row, *lookup_row, *button;
  AdwEntryRow *label_row, *values_row;

  page_clear (self->module_page);
  if (module == NULL)
    return;

  group = page_add_group (self->module_page, _("Names"), _("Press Enter to save"));
  singular = entry_row (_("Singular"), crm_module_get_singular (module), TRUE);
  plural = entry_row (_("Plural"), crm_module_get_plural (module), TRUE);
  for (int i = 0; i < 2; i++)
    {
      AdwEntryRow *row = i ? plural : singular;

      g_object_set_data (G_OBJECT (row), "setup-modules", self);
      g_object_set_data (G_OBJECT (row), "singular", singular);
      g_object_set_data (G_OBJECT (row), "plural", plural);
      g_signal_connect (row, "apply", G_CALLBACK (on_module_names_apply_cb), NULL);
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }

  fields = crm_module_get_fields (module);
  group = NULL;
  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      const char *field_section = crm_field_get_section (field);
      GtkWidget *row, *up, *down;
      g_autoptr(GString) subtitle = g_string_new (_(crm_field_type_get_label (crm_field_get_field_type (field))));

      if (crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN))
        continue;
      if (group == NULL || g_strcmp0 (section, field_section) != 0)
        {
          section = field_section;
          group = page_add_group (self->module_page,
                                  section && *section ? section : _("Fields"), NULL);
        }
      if (crm_field_is_required (field))
        g_string_append_printf (subtitle, " · %s", _("Required"));
      if (crm_field_has_flag (field, CRM_FIELD_FLAG_CUSTOM))
        g_string_append_printf (subtitle, " · %s", _("Custom"));
      if (crm_field_has_flag (field, CRM_FIELD_FLAG_SYSTEM))
        g_string_append_printf (subtitle, " · %s", _("Set by the program"));
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_field_get_label (field));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_widget_set_name (row, crm_field_get_api_name (field));
      up = icon_button ("go-up-symbolic", _("Move Up"), G_CALLBACK (on_field_move_cb), NULL);
      down = icon_button ("go-down-symbolic", _("Move Down"), G_CALLBACK (on_field_move_cb), NULL);
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < fields->len);
      g_object_set_data (G_OBJECT (up), "index", GINT_TO_POINTER ((int) i - 1));
      g_object_set_data (G_OBJECT (down), "index", GINT_TO_POINTER ((int) i + 1));
      for (int j = 0; j < 2; j++)
        {
          GtkWidget *w = j ? down : up;

          g_object_set_data (G_OBJECT (w), "setup-modules", self);
          set_key (w, "field", crm_field_get_api_name (field));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), w);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "setup-modules", self);
      set_key (row, "field", crm_field_get_api_name (field));
      g_signal_connect (row, "activated", G_CALLBACK (on_field_activated_cb), NULL);
      adw_preferences_group_add (group, row);
    }

  group = page_add_group (self->module_page, _("Add a Field"), NULL);
  label_row = entry_row (_("Label"), NULL, FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (label_row));
  for (guint i = 0; i < G_N_ELEMENTS (addable_types); i++)
    gtk_string_list_append (types, _(crm_field_type_get_label (addable_types[i])));
  type_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (type_row), _("Type"));
  adw_combo_row_set_model (ADW_COMBO_ROW (type_row), G_LIST_MODEL (types));
  adw_preferences_group_add (group, type_row);
  for (guint i = 0; i < modules->len; i++)
    gtk_string_list_append (targets, crm_module_get_plural (g_ptr_array_index (modules, i)));
  lookup_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (lookup_row), _("Looks Up"));
  adw_combo_row_set_model (ADW_COMBO_ROW (lookup_row), G_LIST_MODEL (targets));
  adw_preferences_group_add (group, lookup_row);
  values_row = entry_row (_("Values, separated by “;”"), NULL, FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (values_row));
  g_object_set_data (G_OBJECT (type_row), "lookup", lookup_row);
  g_object_set_data (G_OBJECT (type_row), "values", values_row);
  g_signal_connect (type_row, "notify::selected", G_CALLBACK (on_new_type_changed_cb), NULL);
  on_new_type_changed_cb (ADW_COMBO_ROW (type_row));

  button = gtk_button_new_with_mnemonic (_("_Add Field"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, "add-field");
  g_object_set_data (G_OBJECT (button), "setup-modules", self);
  g_object_set_data (G_OBJECT (button), "label", label_row);
  g_object_set_data (G_OBJECT (button), "type", type_row);
  g_object_set_data (G_OBJECT (button), "lookup", lookup_row);
  g_object_set_data (G_OBJECT (button), "values", values_row);
  g_signal_connect (button, "clicked", G_CALLBACK (on_add_field_cb), NULL);
  adw_entry_row_add_suffix (label_row, button);
}

/*
 * One field: label, section, flags, default, pick list values, stages, delete
 */

static CrmField *
current_field (CrmSetupModules *self)
{
  CrmModule *module = crm_store_get_module (self->store, self->module);

  return module ? crm_module_get_field (module, self->field) : NULL;
}

static void
on_field_label_apply_cb (AdwEntryRow *row)
{
  CrmSetupModules *self = get_self (GTK_WIDGET (row));
  CrmField *field = current_field (self);
  g_autofree char *old = g_strdup (crm_field_get_label (field));
  g_autoptr(GError) error = NULL;

  crm_field_set_label (field, gtk_editable_get_text (GTK_EDITABLE (row)));
  if (!crm_store_update_field (self->store, field, &error))
    {
      crm_field_set_label (field, old);
      crm_setup_toast_error (GTK_WIDGET (self), error);
    }
  on_metadata_changed_cb (self);
}

static void
on_field_default_apply_cb (AdwEntryRow *row)
{
  CrmSetupModules *self = get_self (GTK_WIDGET (row));
  CrmField *field = current_field (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;

  /* A default must be a value the field accepts. */
  if (*text != '\0' && !crm_store_parse_value (self->store, field, text, &value, &error))
    {
      crm_setup_toast_error (GTK_WIDGET (self), error);
      return;
    }
  crm_field_set_default_value (field, *text ? text : NULL);
  report (self, crm_store_update_field (self->store, field, &error), error);
  on_metadata_changed_cb (self);
}

static void
on_field_section_apply_cb (AdwEntryRow *row)
{
  CrmSetupModules *self = get_self (GTK_WIDGET (row));
  CrmField *field = current_field (self);
  CrmModule *module = crm_store_get_module (self->store, self->module);
  GPtrArray *fields = crm_module_get_fields (module);
  const char *section = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;
  guint index = 0;

  /* The field joins the end of its new section. */
  for (guint i = 0; i < fields->len; i++)
    if (g_strcmp0 (crm_field_get_section (g_ptr_array_index (fields, i)), section) == 0)
      index = i;
  for (guint i = 0; i < fields->len; i++)
    if (g_ptr_array_index (fields, i) == field && i < index)
      break;
  report (self, crm_customize_move_field (self->store, self->module, self->field,
                                          index ? index : fields->len - 1, section, &error), error);
}

static void
on_field_flag_cb (GtkSwitch  *sw,
                  GParamSpec *pspec)
{
  CrmSetupModules *self = get_self (GTK_WIDGET (sw));
  CrmField *field = current_field (self);
  CrmFieldFlags flag = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (sw), "flag"));
  CrmFieldFlags old = crm_field_get_flags (field);
  g_autoptr(GError) error = NULL;

  crm_field_set_flags (field, gtk_switch_get_active (sw) ? old | flag : old & ~flag);
  if (!crm_store_update_field (self->store, field, &error))
    {
      crm_field_set_flags (field, old);
      crm_setup_toast_error (GTK_WIDGET (self), error);
    }
  on_metadata_changed_cb (self);
}

static void
on_value_rename_cb (AdwEntryRow *row)
{
  CrmSetupModules *self = get_self (GTK_WIDGET (row));
  g_autoptr(GError) error = NULL;

  report (self, crm_store_rename_picklist_value (self->store, self->module, self->field, get_key (row, "value"),
                                                 gtk_editable_get_text (GTK_EDITABLE (row)), &error), error);
  on_metadata_changed_cb (self);
}

static void
on_value_move_cb (GtkButton *button)
{
  CrmSetupModules *self = get_self (GTK_WIDGET (button));
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "index"));
  g_autoptr(GError) error = NULL;

  if (index >= 0)
    report (self, crm_customize_move_picklist_value (self->store, self->module, self->field,
                                                     get_key (button, "value"), index, &error), error);
}

static void
on_remove_value_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             CrmSetupModules  *self)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "replacement");
  const char *value = get_key (dialog, "value");
  const char *replacement = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (dropdown != NULL)
    {
      GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

      if (item && gtk_drop_down_get_selected (dropdown) > 0)
        replacement = gtk_string_object_get_string (item);
    }
  report (self, crm_customize_remove_picklist_value (self->store, self->module, self->field, value,
                                                     replacement, &error), error);
}

static void
on_value_remove_cb (GtkButton *button)
{
  CrmSetupModules *self = get_self (GTK_WIDGET (button));
  CrmField *field = current_field (self);
  const char *value = get_key (button, "value");
  gint64 count = crm_customize_count_picklist_value (self->store, self->module, self->field, value, NULL);
  GtkWidget *dialog = adw_message_dialog_new (crm_setup_get_window (GTK_WIDGET (self)), NULL, NULL);
  GPtrArray *values = crm_field_get_picklist (field);

  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Remove “%s”?"), value);
  if (count > 0)
    {
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
      GtkWidget *dropdown;

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      g_dngettext (GETTEXT_PACKAGE,
                                                   "%" G_GINT64_FORMAT " record holds it. Give it instead:",
                                                   "%" G_GINT64_FORMAT " records hold it. Give them instead:", count),
                                      count);
      gtk_string_list_append (choices, _("No Value"));
      for (guint i = 0; i < values->len; i++)
        if (g_strcmp0 (g_ptr_array_index (values, i), value) != 0)
          gtk_string_list_append (choices, g_ptr_array_index (values, i));
      dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL);
      if (crm_field_is_required (field) && values->len > 1)
        gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
      g_object_set_data (G_OBJECT (dialog), "replacement", dropdown);
    }
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), _("No record holds this value."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  set_key (dialog, "value", value);
  g_signal_connect (dialog, "response", G_CALLBACK (on_remove_value_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_value_add_cb (AdwEntryRow *row)
{
  CrmSetupModules *self = get_self (GTK_WIDGET (row));
  g_autoptr(GError) error = NULL;

  report (self, crm_store_add_picklist_value (self->store, self->module, self->field,
                                              gtk_editable_get_text (GTK_EDITABLE (row)), &error), error);
  on_metadata_changed_cb (self);
}

static const char * const categories[] = { "open", "won", "lost", NULL };
static const char * const category_labels[] = { N_("Open"), N_("Closed Won"), N_("Closed Lost"), NULL };

static void
on_stage_changed_cb (GtkWidget *widget)
{
  CrmSetupModules *self = get_self (widget);
  GtkWidget *expander = g_object_get_data (G_OBJECT (widget), "expander");
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (expander), "probability");
  AdwComboRow *category = g_object_get_data (G_OBJECT (expander), "category");
  AdwComboRow *forecast = g_object_get_data (G_OBJECT (expander), "forecast");
  GtkStringObject *item = adw_combo_row_get_selected_item (forecast);
  g_autoptr(GError) error = NULL;

  if (g_object_get_data (G_OBJECT (expander), "loading") || item == NULL)
    return;
  report (self, crm_customize_set_stage (self->store, get_key (expander, "value"),
                                         gtk_spin_button_get_value_as_int (spin),
                                         categories[MIN (adw_combo_row_get_selected (category), 2)],
                                         gtk_string_object_get_string (item), &error), error);
}

static void
add_stage_rows (CrmSetupModules     *self,
                AdwPreferencesGroup *group)
{
  g_autoptr(GPtrArray) stages = crm_customize_list_stages (self->store, NULL);
  const char * const *forecasts = crm_customize_forecast_categories ();

  for (guint i = 0; stages && i < stages->len; i++)
    {
      CrmStageInfo *stage = g_ptr_array_index (stages, i);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 5);
      GtkWidget *category = adw_combo_row_new ();
      GtkWidget *forecast = adw_combo_row_new ();
      g_autoptr(GtkStringList) cat_list = gtk_string_list_new (NULL);
      g_autoptr(GtkStringList) fc_list = gtk_string_list_new (NULL);
      g_autofree char *subtitle = NULL;
      guint fc_index = 0;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), stage->stage);
      subtitle = g_strdup_printf ("%d %% · %s", stage->probability, stage->forecast ? stage->forecast : "");
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      set_key (expander, "value", stage->stage);
      g_object_set_data (G_OBJECT (expander), "loading", GINT_TO_POINTER (1));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Probability (%)"));
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), stage->probability);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

      for (guint j = 0; category_labels[j]; j++)
        gtk_string_list_append (cat_list, _(category_labels[j]));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (category), _("Deal Category"));
      adw_combo_row_set_model (ADW_COMBO_ROW (category), G_LIST_MODEL (cat_list));
      for (guint j = 0; categories[j]; j++)
        if (g_strcmp0 (categories[j], stage->category) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (category), j);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), category);

      for (guint j = 0; forecasts[j]; j++)
        {
          gtk_string_list_append (fc_list, _(forecasts[j]));
          if (g_strcmp0 (_(forecasts[j]), stage->forecast) == 0)
            fc_index = j;
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (forecast), _("Forecast Category"));
      adw_combo_row_set_model (ADW_COMBO_ROW (forecast), G_LIST_MODEL (fc_list));
      adw_combo_row_set_selected (ADW_COMBO_ROW (forecast), fc_index);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), forecast);

      g_object_set_data (G_OBJECT (expander), "probability", spin);
      g_object_set_data (G_OBJECT (expander), "category", category);
      g_object_set_data (G_OBJECT (expander), "forecast", forecast);
      for (int j = 0; j < 3; j++)
        {
          GtkWidget *w = j == 0 ? spin : j == 1 ? category : forecast;

          g_object_set_data (G_OBJECT (w), "setup-modules", self);
          g_object_set_data (G_OBJECT (w), "expander", expander);
        }
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_stage_changed_cb), NULL);
      g_signal_connect (category, "notify::selected", G_CALLBACK (on_stage_changed_cb), NULL);
      g_signal_connect (forecast, "notify::selected", G_CALLBACK (on_stage_changed_cb), NULL);
      g_object_set_data (G_OBJECT (expander), "loading", NULL);
      adw_preferences_group_add (group, expander);
    }
}

static void
on_delete_field_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             CrmSetupModules  *self)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!crm_store_delete_field (self->store, self->module, self->field, &error))
    {
      crm_setup_toast_error (GTK_WIDGET (self), error);
      return;
    }
  g_clear_pointer (&self->field, g_free);
  /* Back to the module, whose field list no longer has it. */
  if (ADW_IS_PREFERENCES_WINDOW (root) && self->module_page != NULL)
    adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (root),
                                            gtk_widget_get_parent (GTK_WIDGET (self->module_page)));
  on_metadata_changed_cb (self);
}

static void
on_delete_field_cb (GtkButton *button)
{
  CrmSetupModules *self = get_self (GTK_WIDGET (button));
  CrmField *field = current_field (self);
  gint64 count = crm_store_count_field_values (self->store, self->module, self->field, NULL);
  GtkWidget *dialog = adw_message_dialog_new (crm_setup_get_window (GTK_WIDGET (self)), NULL, NULL);

  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete “%s”?"), crm_field_get_label (field));
  if (count > 0)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "%" G_GINT64_FORMAT " record holds a value in it. The value will be lost.",
                                                 "%" G_GINT64_FORMAT " records hold a value in it. The values will be lost.",
                                                 count), count);
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), _("No record holds a value in it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_field_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fill_field_page (CrmSetupModules *self)
{
  CrmField *field = current_field (self);
  AdwPreferencesGroup *group;
  AdwEntryRow *row;
  CrmFieldType type;
  gboolean editable;

  page_clear (self->field_page);
  if (field == NULL)
    return;
  type = crm_field_get_field_type (field);
  editable = !crm_field_has_flag (field, CRM_FIELD_FLAG_SYSTEM);

  group = page_add_group (self->field_page, _("Field"), _(crm_field_type_get_label (type)));
  row = entry_row (_("Label"), crm_field_get_label (field), TRUE);
  g_object_set_data (G_OBJECT (row), "setup-modules", self);
  g_signal_connect (row, "apply", G_CALLBACK (on_field_label_apply_cb), NULL);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  row = entry_row (_("Section"), crm_field_get_section (field), TRUE);
  g_object_set_data (G_OBJECT (row), "setup-modules", self);
  g_signal_connect (row, "apply", G_CALLBACK (on_field_section_apply_cb), NULL);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  if (editable)
    {
      static const struct { CrmFieldFlags flag; const char *title; const char *subtitle; } flags[] = {
        { CRM_FIELD_FLAG_REQUIRED, N_("Required"), N_("A record cannot be saved without it") },
        { CRM_FIELD_FLAG_UNIQUE, N_("Unique"), N_("No two records may have the same value") },
      };

      for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
        {
          GtkSwitch *sw;
          GtkWidget *sw_row = crm_setup_switch_row_new (_(flags[i].title), _(flags[i].subtitle),
                                                        crm_field_has_flag (field, flags[i].flag), &sw);

          g_object_set_data (G_OBJECT (sw), "setup-modules", self);
          g_object_set_data (G_OBJECT (sw), "flag", GUINT_TO_POINTER (flags[i].flag));
          g_signal_connect (sw, "notify::active", G_CALLBACK (on_field_flag_cb), NULL);
          adw_preferences_group_add (group, sw_row);
        }
      row = entry_row (_("Default Value"), crm_field_get_default_value (field), TRUE);
      g_object_set_data (G_OBJECT (row), "setup-modules", self);
      g_signal_connect (row, "apply", G_CALLBACK (on_field_default_apply_cb), NULL);
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }

  if (type == CRM_FIELD_PICKLIST || type == CRM_FIELD_MULTI_PICKLIST)
    {
      GPtrArray *values = crm_field_get_picklist (field);

      group = page_add_group (self->field_page, _("Values"), _("Renaming a value renames it in every record"));
      for (guint i = 0; i < values->len; i++)
        {
          const char *value = g_ptr_array_index (values, i);
          AdwEntryRow *value_row = entry_row (_("Value"), value, TRUE);
          GtkWidget *up = icon_button ("go-up-symbolic", _("Move Up"), G_CALLBACK (on_value_move_cb), NULL);
          GtkWidget *down = icon_button ("go-down-symbolic", _("Move Down"), G_CALLBACK (on_value_move_cb), NULL);
          GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove"), G_CALLBACK (on_value_remove_cb), NULL);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (value_row), "");
          gtk_accessible_update_property (GTK_ACCESSIBLE (value_row), GTK_ACCESSIBLE_PROPERTY_LABEL, value, -1);
          gtk_widget_set_sensitive (up, i > 0);
          gtk_widget_set_sensitive (down, i + 1 < values->len);
          g_object_set_data (G_OBJECT (up), "index", GINT_TO_POINTER ((int) i - 1));
          g_object_set_data (G_OBJECT (down), "index", GINT_TO_POINTER ((int) i + 1));
          for (int j = 0; j < 4; j++)
            {
              GObject *w = j == 0 ? G_OBJECT (value_row) : j == 1 ? G_OBJECT (up) : j == 2 ? G_OBJECT (down) : G_OBJECT (remove);

              g_object_set_data (w, "setup-modules", self);
              set_key (w, "value", value);
              if (j > 0)
                adw_entry_row_add_suffix (value_row, GTK_WIDGET (w));
            }
          g_signal_connect (value_row, "apply", G_CALLBACK (on_value_rename_cb), NULL);
          adw_preferences_group_add (group, GTK_WIDGET (value_row));
        }
      row = entry_row (_("New Value"), NULL, TRUE);
      g_object_set_data (G_OBJECT (row), "setup-modules", self);
      g_signal_connect (row, "apply", G_CALLBACK (on_value_add_cb), NULL);
      adw_preferences_group_add (group, GTK_WIDGET (row));

      if (g_strcmp0 (self->module, "deals") == 0 && g_strcmp0 (self->field, "stage") == 0)
        {
          group = page_add_group (self->field_page, _("Deal Stages"),
                                  _("The probability a new deal in the stage gets, and how the stage counts"));
          add_stage_rows (self, group);
        }
    }

  if (crm_field_has_flag (field, CRM_FIELD_FLAG_CUSTOM))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Delete Field…"));

      group = page_add_group (self->field_page, NULL, NULL);
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "setup-modules", self);
      g_signal_connect (button, "clicked", G_CALLBACK (on_delete_field_cb), NULL);
      adw_preferences_group_add (group, button);
    }
}

/*
 * Lead conversion mapping
 */

static void
on_convert_apply_cb (AdwEntryRow *row)
{
  CrmSetupModules *self = get_self (GTK_WIDGET (row));
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (row)), ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) targets = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; parts[i]; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  targets = g_strv_builder_end (builder);
  report (self, crm_convert_set_targets (self->store, get_key (row, "field"),
                                         (const char * const *) targets, &error), error);
  fill_convert_page (self);
}

static void
fill_convert_page (CrmSetupModules *self)
{
  CrmModule *leads = crm_store_get_module (self->store, "leads");
  GPtrArray *fields = leads ? crm_module_get_fields (leads) : NULL;
  AdwPreferencesGroup *group;

  page_clear (self->convert_page);
  group = page_add_group (self->convert_page, _("Lead Fields"),
                          _("Where each lead field goes when a lead is converted, as module.field "
                            "separated by commas, e.g. contacts.title, accounts.industry"));
  for (guint i = 0; fields && i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      g_auto(GStrv) targets = NULL;
      g_autofree char *text = NULL;
      AdwEntryRow *row;

      if (crm_field_has_flag (field, CRM_FIELD_FLAG_SYSTEM) || crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN))
        continue;
      targets = crm_convert_get_targets (self->store, crm_field_get_api_name (field));
      text = targets ? g_strjoinv (", ", targets) : NULL;
      row = entry_row (crm_field_get_label (field), text, TRUE);
      g_object_set_data (G_OBJECT (row), "setup-modules", self);
      set_key (row, "field", crm_field_get_api_name (field));
      g_signal_connect (row, "apply", G_CALLBACK (on_convert_apply_cb), NULL);
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }
}

static void
on_convert_activated_cb (CrmSetupModules *self)
{
  GtkWidget *subpage;

  self->convert_page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  g_object_add_weak_pointer (G_OBJECT (self->convert_page), (gpointer *) &self->convert_page);
  fill_convert_page (self);
  subpage = crm_setup_subpage_new (_("Lead Conversion"), self->convert_page);
  crm_setup_present_subpage (GTK_WIDGET (self), subpage);
}

/*
 * GObject
 */

static void
crm_setup_modules_dispose (GObject *object)
{
  CrmSetupModules *self = (CrmSetupModules *) object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->module_page)
    g_object_remove_weak_pointer (G_OBJECT (self->module_page), (gpointer *) &self->module_page);
  if (self->field_page)
    g_object_remove_weak_pointer (G_OBJECT (self->field_page), (gpointer *) &self->field_page);
  if (self->convert_page)
    g_object_remove_weak_pointer (G_OBJECT (self->convert_page), (gpointer *) &self->convert_page);
  self->module_page = self->field_page = self->convert_page = NULL;
  g_clear_object (&self->store);
  g_clear_pointer (&self->module_rows, g_ptr_array_unref);
  g_clear_pointer (&self->module, g_free);
  g_clear_pointer (&self->field, g_free);
  G_OBJECT_CLASS (crm_setup_modules_parent_class)->dispose (object);
}

static void
crm_setup_modules_class_init (CrmSetupModulesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_setup_modules_dispose;
}

static void
crm_setup_modules_init (CrmSetupModules *self)
{
  self->module_rows = g_ptr_array_new ();
}

GtkWidget *
crm_setup_modules_new (CrmStore *store)
{
  CrmSetupModules *self = g_object_new (CRM_TYPE_SETUP_MODULES,
                                        "title", _("Customization"),
                                        "icon-name", "view-grid-symbolic",
                                        NULL);
  AdwPreferencesGroup *group;
  g_autoptr(GtkStringList) icons = gtk_string_list_new (NULL);
  GtkWidget *button, *row;

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "metadata-changed", G_CALLBACK (on_metadata_changed_cb), self, G_CONNECT_SWAPPED);

  self->modules_group = page_add_group (ADW_PREFERENCES_PAGE (self), _("Modules"),
                                        _("Their order and whether the sidebar shows them. Open one to edit its fields."));
  reload_modules (self);

  group = page_add_group (ADW_PREFERENCES_PAGE (self), _("New Module"), _("For records the standard modules do not cover"));
  self->new_singular = entry_row (_("Singular Name, e.g. Project"), NULL, FALSE);
  self->new_plural = entry_row (_("Plural Name, e.g. Projects"), NULL, FALSE);
  gtk_widget_set_name (GTK_WIDGET (self->new_singular), "new-module-singular");
  gtk_widget_set_name (GTK_WIDGET (self->new_plural), "new-module-plural");
  for (guint i = 0; module_icons[i]; i++)
    gtk_string_list_append (icons, module_icons[i]);
  self->new_icon = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_icon), _("Icon"));
  adw_combo_row_set_model (self->new_icon, G_LIST_MODEL (icons));
  {
    /* Show the icons themselves, not their names. */
    GtkExpression *expr = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
    g_autoptr(GBytes) ui = g_bytes_new_static (icon_item_ui, strlen (icon_item_ui));
    g_autoptr(GtkListItemFactory) factory = gtk_builder_list_item_factory_new_from_bytes (NULL, ui);

    adw_combo_row_set_expression (self->new_icon, expr);
    adw_combo_row_set_factory (self->new_icon, factory);
    gtk_expression_unref (expr);
  }
  button = gtk_button_new_with_mnemonic (_("C_reate Module"));
  gtk_widget_set_name (button, "create-module");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_create_module_cb), self);
  adw_entry_row_add_suffix (self->new_plural, button);
  adw_preferences_group_add (group, GTK_WIDGET (self->new_singular));
  adw_preferences_group_add (group, GTK_WIDGET (self->new_plural));
  adw_preferences_group_add (group, GTK_WIDGET (self->new_icon));

  group = page_add_group (ADW_PREFERENCES_PAGE (self), _("Lead Conversion"), NULL);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Field Mapping"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Which contact, account and deal fields get each lead field"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_swapped (row, "activated", G_CALLBACK (on_convert_activated_cb), self);
  adw_preferences_group_add (group, row);

  return GTK_WIDGET (self);
}
