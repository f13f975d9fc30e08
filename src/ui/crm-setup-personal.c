/* crm-setup-personal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-setup-personal"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-setup-personal.h"
#include "crm-setup-window.h"

struct _CrmSetupPersonal
{
  AdwPreferencesPage  parent_instance;

  GSettings          *settings;
  GtkTextBuffer      *signature;
  GStrv               zones;
};

G_DEFINE_FINAL_TYPE (CrmSetupPersonal, crm_setup_personal, ADW_TYPE_PREFERENCES_PAGE)

static const char * const language_values[] = { "", "en_US", "id_ID", NULL };
static const char * const language_labels[] = { N_("System Default"), N_("English"), N_("Indonesian"), NULL };
static const char * const date_values[] = { "system", "iso", "dmy", "mdy", "dmy-dots", NULL };
static const char * const clock_values[] = { "24h", "12h", NULL };
static const char * const clock_labels[] = { N_("24-hour"), N_("AM/PM"), NULL };
static const char * const week_values[] = { "system", "monday", "sunday", "saturday", NULL };
static const char * const week_labels[] = { N_("System Default"), N_("Monday"), N_("Sunday"), N_("Saturday"), NULL };

static gboolean
combo_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char * const *values = user_data;
  const char *text = g_variant_get_string (variant, NULL);

  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], text) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
combo_set_mapping (const GValue       *value,
                   const GVariantType *type,
                   gpointer            user_data)
{
  const char * const *values = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) values))
    return NULL;
  return g_variant_new_string (values[index]);
}

void
crm_setup_bind_combo (GSettings          *settings,
                      const char         *key,
                      AdwComboRow        *row,
                      const char * const *values)
{
  g_settings_bind_with_mapping (settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                combo_get_mapping, combo_set_mapping, (gpointer) values, NULL);
}

static GtkWidget *
combo_row_new (const char         *title,
               const char * const *labels,
               gboolean            translate)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; labels[i] != NULL; i++)
    gtk_string_list_append (list, translate ? _(labels[i]) : labels[i]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  return row;
}

static GtkWidget *
entry_row_new (CrmSetupPersonal *self,
               const char       *title,
               const char       *key,
               GtkInputPurpose   purpose)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), purpose);
  g_settings_bind (self->settings, key, row, "text", G_SETTINGS_BIND_DEFAULT);
  return row;
}

/* Every zone the system knows, from the tz database's own list. */
static GStrv
load_time_zones (void)
{
  g_autofree char *contents = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = NULL;

  g_strv_builder_add (builder, "");
  if (g_file_get_contents ("/usr/share/zoneinfo/zone1970.tab", &contents, NULL, NULL))
    {
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) cols = NULL;

          if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
          cols = g_strsplit (lines[i], "\t", 4);
          if (g_strv_length (cols) >= 3)
            g_ptr_array_add (zones, g_strdup (cols[2]));
        }
    }
  g_ptr_array_add (zones, g_strdup ("UTC"));
  for (guint i = 0; i < zones->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (zones, i));
  return g_strv_builder_end (builder);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
on_signature_changed_cb (CrmSetupPersonal *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (self->signature, &start, &end);
  text = gtk_text_buffer_get_text (self->signature, &start, &end, FALSE);
  g_settings_set_string (self->settings, "signature", text);
}

static void
crm_setup_personal_dispose (GObject *object)
{
  CrmSetupPersonal *self = CRM_SETUP_PERSONAL (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (crm_setup_personal_parent_class)->dispose (object);
}

static void
crm_setup_personal_finalize (GObject *object)
{
  CrmSetupPersonal *self = CRM_SETUP_PERSONAL (object);

  /* The combo binding's mapping reads these until the row is gone. */
  g_strfreev (self->zones);
  G_OBJECT_CLASS (crm_setup_personal_parent_class)->finalize (object);
}

static void
crm_setup_personal_class_init (CrmSetupPersonalClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_setup_personal_dispose;
  G_OBJECT_CLASS (klass)->finalize = crm_setup_personal_finalize;
}

static void
crm_setup_personal_init (CrmSetupPersonal *self)
{
}

static char *
date_example (const char *format)
{
  g_autoptr(GDateTime) sample = g_date_time_new_local (2026, 3, 31, 0, 0, 0);

  return g_date_time_format (sample, format);
}

GtkWidget *
crm_setup_personal_new (CrmStore *store)
{
  CrmSetupPersonal *self = g_object_new (CRM_TYPE_SETUP_PERSONAL,
                                         "title", _("Personal"),
                                         "icon-name", "avatar-default-symbolic",
                                         NULL);
  AdwPreferencesGroup *group;
  GtkWidget *row, *view, *frame;
  g_autoptr(GtkStringList) zone_list = NULL;
  g_autofree char *signature = NULL;
  const char *date_labels[6];
  g_autofree char *iso = date_example ("%Y-%m-%d");
  g_autofree char *dmy = date_example ("%d/%m/%Y");
  g_autofree char *mdy = date_example ("%m/%d/%Y");
  g_autofree char *dots = date_example ("%d.%m.%Y");
  g_autofree char *local = date_example ("%x");
  g_autofree char *system_date = NULL;

  self->settings = g_settings_new (CRM_PERSONAL_SCHEMA);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("About You"));
  adw_preferences_group_set_description (group, _("Shown on emails and documents you send"));
  adw_preferences_group_add (group, entry_row_new (self, _("Name"), "name", GTK_INPUT_PURPOSE_NAME));
  adw_preferences_group_add (group, entry_row_new (self, _("Email"), "email", GTK_INPUT_PURPOSE_EMAIL));
  adw_preferences_group_add (group, entry_row_new (self, _("Phone"), "phone", GTK_INPUT_PURPOSE_PHONE));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Signature"));
  adw_preferences_group_set_description (group, _("Added to the end of emails you write"));
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Signature"), -1);
  self->signature = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  signature = g_settings_get_string (self->settings, "signature");
  gtk_text_buffer_set_text (self->signature, signature, -1);
  g_signal_connect_object (self->signature, "changed", G_CALLBACK (on_signature_changed_cb), self, G_CONNECT_SWAPPED);
  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "card");
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_preferences_group_add (group, frame);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Language and Formats"));
  adw_preferences_group_set_description (group, _("A changed language applies to windows opened afterwards"));
  row = combo_row_new (_("Language"), language_labels, TRUE);
  crm_setup_bind_combo (self->settings, "language", ADW_COMBO_ROW (row), language_values);
  adw_preferences_group_add (group, row);

  /* Translators: %s is today's date in the system's format */
  system_date = g_strdup_printf (_("System Default (%s)"), local);
  date_labels[0] = system_date;
  date_labels[1] = iso;
  date_labels[2] = dmy;
  date_labels[3] = mdy;
  date_labels[4] = dots;
  date_labels[5] = NULL;
  row = combo_row_new (_("Date Format"), date_labels, FALSE);
  crm_setup_bind_combo (self->settings, "date-format", ADW_COMBO_ROW (row), date_values);
  adw_preferences_group_add (group, row);

  row = combo_row_new (_("Time Format"), clock_labels, TRUE);
  crm_setup_bind_combo (self->settings, "clock-format", ADW_COMBO_ROW (row), clock_values);
  adw_preferences_group_add (group, row);

  row = combo_row_new (_("First Day of the Week"), week_labels, TRUE);
  crm_setup_bind_combo (self->settings, "first-day-of-week", ADW_COMBO_ROW (row), week_values);
  adw_preferences_group_add (group, row);

  self->zones = load_time_zones ();
  qsort (self->zones + 1, g_strv_length (self->zones) - 1, sizeof (char *), compare_strings);
  zone_list = gtk_string_list_new (NULL);
  gtk_string_list_append (zone_list, _("System Default"));
  for (guint i = 1; self->zones[i] != NULL; i++)
    gtk_string_list_append (zone_list, self->zones[i]);
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Time Zone"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (zone_list));
  crm_setup_bind_combo (self->settings, "time-zone", ADW_COMBO_ROW (row), (const char * const *) self->zones);
  adw_preferences_group_add (group, row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);

  (void) store;
  return GTK_WIDGET (self);
}
