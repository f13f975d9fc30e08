/* crm-setup-company.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-setup-company"

#include "config.h"

#include <stddef.h>
#include <glib/gi18n.h>

#include "crm-company.h"
#include "crm-currencies.h"
#include "crm-setup-company.h"
#include "crm-setup-window.h"

struct _CrmSetupCompany
{
  AdwPreferencesPage   parent_instance;

  CrmStore            *store;
  GtkPicture          *logo;
  GtkWidget           *logo_remove;
  AdwComboRow         *fiscal_row;
  AdwComboRow         *hours_row;
  GtkWidget           *day_rows[7];
  GtkSwitch           *day_switches[7];
  GtkSpinButton       *day_start[7];
  GtkSpinButton       *day_end[7];
  AdwPreferencesGroup *holidays_group;
  GPtrArray           *holiday_rows;
  AdwEntryRow         *holiday_name;
  AdwEntryRow         *holiday_date;
  AdwPreferencesGroup *currencies_group;
  GPtrArray           *currency_rows;
  AdwEntryRow         *currency_code;
  AdwEntryRow         *currency_rate;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (CrmSetupCompany, crm_setup_company, ADW_TYPE_PREFERENCES_PAGE)

static const struct
{
  const char *member;
  const char *label;
  gsize       offset;
  gboolean    address;
} text_fields[] = {
  { "name", N_("Company Name"), G_STRUCT_OFFSET (CrmCompany, name), FALSE },
  { "alias", N_("Alias"), G_STRUCT_OFFSET (CrmCompany, alias), FALSE },
  { "phone", N_("Phone"), G_STRUCT_OFFSET (CrmCompany, phone), FALSE },
  { "mobile", N_("Mobile"), G_STRUCT_OFFSET (CrmCompany, mobile), FALSE },
  { "fax", N_("Fax"), G_STRUCT_OFFSET (CrmCompany, fax), FALSE },
  { "website", N_("Website"), G_STRUCT_OFFSET (CrmCompany, website), FALSE },
  { "email", N_("Email"), G_STRUCT_OFFSET (CrmCompany, email), FALSE },
  { "description", N_("Description"), G_STRUCT_OFFSET (CrmCompany, description), FALSE },
  { "street", N_("Street"), G_STRUCT_OFFSET (CrmCompany, street), TRUE },
  { "city", N_("City"), G_STRUCT_OFFSET (CrmCompany, city), TRUE },
  { "state", N_("State or Province"), G_STRUCT_OFFSET (CrmCompany, state), TRUE },
  { "zip_code", N_("Postal Code"), G_STRUCT_OFFSET (CrmCompany, zip_code), TRUE },
  { "country", N_("Country"), G_STRUCT_OFFSET (CrmCompany, country), TRUE },
  { "tax_id", N_("Tax ID"), G_STRUCT_OFFSET (CrmCompany, tax_id), TRUE },
};

static const char * const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
  N_("August"), N_("September"), N_("October"), N_("November"), N_("December"), NULL
};

static const char * const day_names[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday")
};

static void reload_holidays (CrmSetupCompany *self);
static void reload_currencies (CrmSetupCompany *self);

/* Loads the company, lets `edit` change it and saves it; an error is a
 * toast and the page shows what the database holds again. */
static gboolean
save_company (CrmSetupCompany  *self,
              void            (*edit) (CrmCompany *company, gpointer data),
              gpointer          data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCompany) company = crm_company_load (self->store, &error);

  if (company != NULL)
    {
      edit (company, data);
      if (crm_company_save (self->store, company, NULL, &error))
        return TRUE;
    }
  crm_setup_toast_error (GTK_WIDGET (self), error);
  return FALSE;
}

typedef struct
{
  gsize       offset;
  const char *text;
} TextEdit;

static void
edit_text (CrmCompany *company,
           gpointer    data)
{
  TextEdit *edit = data;
  char **member = G_STRUCT_MEMBER_P (company, edit->offset);

  g_free (*member);
  *member = *edit->text ? g_strstrip (g_strdup (edit->text)) : NULL;
}

static void
reset_entry (AdwEntryRow *row,
             const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
on_text_apply_cb (AdwEntryRow     *row,
                  CrmSetupCompany *self)
{
  TextEdit edit = {
    GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "offset")),
    gtk_editable_get_text (GTK_EDITABLE (row)),
  };

  if (!save_company (self, edit_text, &edit))
    {
      g_autoptr(CrmCompany) company = crm_company_load (self->store, NULL);

      if (company != NULL)
        reset_entry (row, G_STRUCT_MEMBER (char *, company, edit.offset));
    }
}

static void
edit_employees (CrmCompany *company,
                gpointer    data)
{
  company->employee_count = GPOINTER_TO_SIZE (data) == 0 ? -1 : (gint64) GPOINTER_TO_SIZE (data) - 1;
}

static void
on_employees_apply_cb (AdwEntryRow     *row,
                       CrmSetupCompany *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  guint64 count = 0;

  if (*text != '\0' && !g_ascii_string_to_unsigned (text, 10, 0, 10000000, &count, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number of employees"), text);

      crm_setup_toast (GTK_WIDGET (self), message);
      return;
    }
  save_company (self, edit_employees, GSIZE_TO_POINTER (*text ? count + 1 : 0));
}

static void
edit_currency (CrmCompany *company,
               gpointer    data)
{
  g_free (company->home_currency);
  company->home_currency = g_ascii_strup (data, -1);
}

static void
on_currency_apply_cb (AdwEntryRow     *row,
                      CrmSetupCompany *self)
{
  if (!save_company (self, edit_currency, (gpointer) gtk_editable_get_text (GTK_EDITABLE (row))))
    {
      g_autofree char *home = crm_store_dup_home_currency (self->store);

      reset_entry (row, home);
    }
  reload_currencies (self);
}

static void
edit_fiscal (CrmCompany *company,
             gpointer    data)
{
  company->fiscal_year_start = GPOINTER_TO_INT (data);
}

static void
on_fiscal_selected_cb (CrmSetupCompany *self)
{
  if (!self->loading)
    save_company (self, edit_fiscal, GINT_TO_POINTER (adw_combo_row_get_selected (self->fiscal_row) + 1));
}

static void
update_day_sensitivity (CrmSetupCompany *self)
{
  gboolean custom = adw_combo_row_get_selected (self->hours_row) == CRM_BUSINESS_HOURS_CUSTOM;

  for (int i = 0; i < 7; i++)
    {
      gtk_widget_set_visible (self->day_rows[i], custom);
      gtk_widget_set_sensitive (GTK_WIDGET (self->day_start[i]), gtk_switch_get_active (self->day_switches[i]));
      gtk_widget_set_sensitive (GTK_WIDGET (self->day_end[i]), gtk_switch_get_active (self->day_switches[i]));
    }
}

static void
edit_hours (CrmCompany *company,
            gpointer    data)
{
  CrmSetupCompany *self = data;

  company->business_hours = adw_combo_row_get_selected (self->hours_row);
  for (int i = 0; i < 7; i++)
    {
      company->days[i].open = gtk_switch_get_active (self->day_switches[i]);
      company->days[i].start_minute = gtk_spin_button_get_value_as_int (self->day_start[i]) * 60;
      company->days[i].end_minute = gtk_spin_button_get_value_as_int (self->day_end[i]) * 60;
    }
}

static void
on_hours_changed_cb (CrmSetupCompany *self)
{
  update_day_sensitivity (self);
  if (!self->loading)
    save_company (self, edit_hours, self);
}

static void
load_logo (CrmSetupCompany *self)
{
  g_autoptr(GBytes) png = crm_company_get_logo_png (self->store);
  g_autoptr(GdkTexture) texture = png ? gdk_texture_new_from_bytes (png, NULL) : NULL;

  gtk_picture_set_paintable (self->logo, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->logo), texture != NULL);
  gtk_widget_set_visible (self->logo_remove, texture != NULL);
}

static void
on_logo_response_cb (GtkNativeDialog *native,
                     int              response,
                     CrmSetupCompany *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      bytes = g_file_load_bytes (file, NULL, NULL, &error);
      if (bytes != NULL)
        {
          content_type = g_content_type_guess (g_file_peek_path (file), g_bytes_get_data (bytes, NULL),
                                               g_bytes_get_size (bytes), NULL);
          mime = g_content_type_get_mime_type (content_type);
          path = g_file_get_path (file);
          /* The documents print PNG only: JPEG and SVG get a PNG copy. */
          if (g_strcmp0 (mime, "image/png") != 0 && path != NULL)
            {
              char *buffer = NULL;
              gsize size = 0;

              pixbuf = gdk_pixbuf_new_from_file_at_scale (path, 800, 400, TRUE, &error);
              if (pixbuf != NULL && gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL))
                png = g_bytes_new_take (buffer, size);
            }
          if (error == NULL && crm_company_set_logo (self->store, bytes, mime, png, &error))
            load_logo (self);
        }
      if (error != NULL)
        crm_setup_toast_error (GTK_WIDGET (self), error);
    }
  g_object_unref (native);
}

static void
on_logo_choose_cb (CrmSetupCompany *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Choose a Logo"), crm_setup_get_window (GTK_WIDGET (self)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Images (PNG, JPEG, SVG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (on_logo_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_logo_remove_cb (CrmSetupCompany *self)
{
  g_autoptr(GError) error = NULL;

  if (!crm_company_set_logo (self->store, NULL, NULL, NULL, &error))
    crm_setup_toast_error (GTK_WIDGET (self), error);
  load_logo (self);
}

static void
on_holiday_remove_cb (GtkButton       *button,
                      CrmSetupCompany *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "id");

  if (!crm_company_remove_holiday (self->store, id, &error))
    crm_setup_toast_error (GTK_WIDGET (self), error);
  reload_holidays (self);
}

static void
reload_holidays (CrmSetupCompany *self)
{
  g_autoptr(GPtrArray) holidays = crm_company_list_holidays (self->store, 0, NULL);

  crm_setup_group_clear (self->holidays_group, self->holiday_rows);
  for (guint i = 0; holidays && i < holidays->len; i++)
    {
      CrmHoliday *holiday = g_ptr_array_index (holidays, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = g_strdup_printf (_("Remove %s"), holiday->name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), holiday->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), holiday->date);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, label);
      g_object_set_data_full (G_OBJECT (button), "id", g_memdup2 (&holiday->id, sizeof holiday->id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_holiday_remove_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->holidays_group, row);
      g_ptr_array_add (self->holiday_rows, row);
    }
}

static void
on_holiday_add_cb (CrmSetupCompany *self)
{
  g_autoptr(GError) error = NULL;

  if (crm_company_add_holiday (self->store, gtk_editable_get_text (GTK_EDITABLE (self->holiday_name)),
                               gtk_editable_get_text (GTK_EDITABLE (self->holiday_date)), &error) <= 0)
    {
      crm_setup_toast_error (GTK_WIDGET (self), error);
      return;
    }
  reset_entry (self->holiday_name, NULL);
  reset_entry (self->holiday_date, NULL);
  reload_holidays (self);
}

static void
on_rate_apply_cb (AdwEntryRow     *row,
                  CrmSetupCompany *self)
{
  g_autoptr(GError) error = NULL;
  const char *code = g_object_get_data (G_OBJECT (row), "code");
  gint64 rate;

  if (!crm_exchange_rate_parse (gtk_editable_get_text (GTK_EDITABLE (row)), &rate, &error) ||
      !crm_currencies_set_rate (self->store, code, rate, &error))
    crm_setup_toast_error (GTK_WIDGET (self), error);
  reload_currencies (self);
}

static void
on_currency_active_cb (GtkSwitch       *sw,
                       GParamSpec      *pspec,
                       CrmSetupCompany *self)
{
  g_autoptr(GError) error = NULL;

  if (!crm_currencies_set_active (self->store, g_object_get_data (G_OBJECT (sw), "code"),
                                  gtk_switch_get_active (sw), &error))
    crm_setup_toast_error (GTK_WIDGET (self), error);
}

static void
reload_currencies (CrmSetupCompany *self)
{
  g_autoptr(GPtrArray) rates = crm_currencies_list (self->store, NULL);
  g_autofree char *home = crm_store_dup_home_currency (self->store);

  crm_setup_group_clear (self->currencies_group, self->currency_rows);
  for (guint i = 0; rates && i < rates->len; i++)
    {
      CrmCurrencyRate *rate = g_ptr_array_index (rates, i);
      GtkWidget *row, *sw;
      g_autofree char *text = NULL;
      g_autofree char *title = NULL;

      if (rate->home)
        continue;
      row = adw_entry_row_new ();
      text = crm_exchange_rate_format (rate->rate);
      /* Translators: an exchange rate row: "1 EUR in IDR" */
      title = g_strdup_printf (_("1 %s in %s"), rate->code, home);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "code", g_strdup (rate->code), g_free);
      g_signal_connect (row, "apply", G_CALLBACK (on_rate_apply_cb), self);
      sw = gtk_switch_new ();
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (sw), rate->active);
      gtk_widget_set_tooltip_text (sw, _("Can be chosen for new records"));
      g_object_set_data_full (G_OBJECT (sw), "code", g_strdup (rate->code), g_free);
      g_signal_connect (sw, "notify::active", G_CALLBACK (on_currency_active_cb), self);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), sw);
      adw_preferences_group_add (self->currencies_group, row);
      g_ptr_array_add (self->currency_rows, row);
    }
}

static void
on_currency_add_cb (CrmSetupCompany *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->currency_code)), -1);
  gint64 rate;

  if (!crm_exchange_rate_parse (gtk_editable_get_text (GTK_EDITABLE (self->currency_rate)), &rate, &error) ||
      !crm_currencies_add (self->store, g_strstrip (code), rate, &error))
    {
      crm_setup_toast_error (GTK_WIDGET (self), error);
      return;
    }
  reset_entry (self->currency_code, NULL);
  reset_entry (self->currency_rate, NULL);
  reload_currencies (self);
}

static AdwPreferencesGroup *
add_group (CrmSetupCompany *self,
           const char      *title,
           const char      *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  if (description)
    adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);
  return group;
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

static GtkWidget *
add_button (const char *label,
            GCallback   callback,
            gpointer    self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static void
build (CrmSetupCompany *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCompany) company = crm_company_load (self->store, &error);
  AdwPreferencesGroup *group, *address;
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) hours = gtk_string_list_new (NULL);
  GtkWidget *row;
  AdwEntryRow *entry;

  if (company == NULL)
    company = crm_company_new ();
  self->loading = TRUE;

  group = add_group (self, _("Company"), _("Printed on quotes, orders and invoices. Press Enter to save a change."));
  address = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      if (text_fields[i].address && address == NULL)
        address = add_group (self, _("Address"), NULL);
      entry = entry_row (_(text_fields[i].label), G_STRUCT_MEMBER (char *, company, text_fields[i].offset));
      adw_entry_row_set_show_apply_button (entry, TRUE);
      gtk_widget_set_name (GTK_WIDGET (entry), text_fields[i].member);
      g_object_set_data (G_OBJECT (entry), "offset", GSIZE_TO_POINTER (text_fields[i].offset));
      g_signal_connect (entry, "apply", G_CALLBACK (on_text_apply_cb), self);
      adw_preferences_group_add (address ? address : group, GTK_WIDGET (entry));
      if (g_str_equal (text_fields[i].member, "email"))
        {
          g_autofree char *count = company->employee_count >= 0
            ? g_strdup_printf ("%" G_GINT64_FORMAT, company->employee_count) : NULL;

          entry = entry_row (_("Employees"), count);
          adw_entry_row_set_input_purpose (entry, GTK_INPUT_PURPOSE_DIGITS);
          adw_entry_row_set_show_apply_button (entry, TRUE);
          g_signal_connect (entry, "apply", G_CALLBACK (on_employees_apply_cb), self);
          adw_preferences_group_add (group, GTK_WIDGET (entry));
        }
    }

  group = add_group (self, _("Logo"), _("PNG, JPEG or SVG, shown at the top of documents"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Company Logo"));
  self->logo = GTK_PICTURE (gtk_picture_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->logo), 96, 48);
  gtk_widget_set_margin_top (GTK_WIDGET (self->logo), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->logo), 6);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->logo));
  self->logo_remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (self->logo_remove, _("Remove Logo"));
  gtk_widget_add_css_class (self->logo_remove, "flat");
  gtk_widget_set_valign (self->logo_remove, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->logo_remove, "clicked", G_CALLBACK (on_logo_remove_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->logo_remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), add_button (_("_Choose…"), G_CALLBACK (on_logo_choose_cb), self));
  adw_preferences_group_add (group, row);
  load_logo (self);

  group = add_group (self, _("Finance"), NULL);
  entry = entry_row (_("Home Currency (ISO 4217)"), company->home_currency);
  adw_entry_row_set_show_apply_button (entry, TRUE);
  g_signal_connect (entry, "apply", G_CALLBACK (on_currency_apply_cb), self);
  adw_preferences_group_add (group, GTK_WIDGET (entry));
  for (guint i = 0; month_names[i]; i++)
    gtk_string_list_append (months, _(month_names[i]));
  self->fiscal_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->fiscal_row), _("Fiscal Year Starts In"));
  adw_combo_row_set_model (self->fiscal_row, G_LIST_MODEL (months));
  adw_combo_row_set_selected (self->fiscal_row, CLAMP (company->fiscal_year_start, 1, 12) - 1);
  g_signal_connect_swapped (self->fiscal_row, "notify::selected", G_CALLBACK (on_fiscal_selected_cb), self);
  adw_preferences_group_add (group, GTK_WIDGET (self->fiscal_row));

  self->currencies_group = add_group (self, _("Currencies"),
                                      _("Other currencies and what one unit is worth in the home currency"));
  self->currency_code = entry_row (_("New Currency Code"), NULL);
  self->currency_rate = entry_row (_("Exchange Rate"), NULL);
  adw_entry_row_add_suffix (self->currency_rate, add_button (_("_Add"), G_CALLBACK (on_currency_add_cb), self));
  adw_preferences_group_add (self->currencies_group, GTK_WIDGET (self->currency_code));
  adw_preferences_group_add (self->currencies_group, GTK_WIDGET (self->currency_rate));
  reload_currencies (self);

  group = add_group (self, _("Business Hours"), NULL);
  gtk_string_list_append (hours, _("24 Hours, 7 Days"));
  gtk_string_list_append (hours, _("24 Hours, Monday to Friday"));
  gtk_string_list_append (hours, _("Custom Days and Hours"));
  self->hours_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->hours_row), _("Open"));
  adw_combo_row_set_model (self->hours_row, G_LIST_MODEL (hours));
  adw_combo_row_set_selected (self->hours_row, company->business_hours);
  g_signal_connect_swapped (self->hours_row, "notify::selected", G_CALLBACK (on_hours_changed_cb), self);
  adw_preferences_group_add (group, GTK_WIDGET (self->hours_row));
  for (int i = 0; i < 7; i++)
    {
      GtkWidget *sw;
      GtkWidget *dash = gtk_label_new ("–");

      row = crm_setup_switch_row_new (_(day_names[i]), NULL, company->days[i].open, (GtkSwitch **) &sw);
      self->day_switches[i] = GTK_SWITCH (sw);
      self->day_start[i] = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 23, 1));
      self->day_end[i] = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 24, 1));
      gtk_spin_button_set_value (self->day_start[i], company->days[i].start_minute / 60);
      gtk_spin_button_set_value (self->day_end[i], company->days[i].end_minute / 60);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->day_start[i]), _("Opens at (hour)"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->day_end[i]), _("Closes at (hour)"));
      for (int j = 0; j < 2; j++)
        {
          GtkWidget *spin = GTK_WIDGET (j ? self->day_end[i] : self->day_start[i]);

          gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
          g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (on_hours_changed_cb), self);
        }
      /* The switch stays last: it is what activating the row toggles. */
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (self->day_start[i]));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), dash);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (self->day_end[i]));
      g_signal_connect_swapped (sw, "notify::active", G_CALLBACK (on_hours_changed_cb), self);
      self->day_rows[i] = row;
      adw_preferences_group_add (group, row);
    }
  update_day_sensitivity (self);

  self->holidays_group = add_group (self, _("Holidays"), _("Days the company is closed"));
  self->holiday_name = entry_row (_("New Holiday"), NULL);
  self->holiday_date = entry_row (_("Date (YYYY-MM-DD)"), NULL);
  adw_entry_row_add_suffix (self->holiday_date, add_button (_("A_dd"), G_CALLBACK (on_holiday_add_cb), self));
  adw_preferences_group_add (self->holidays_group, GTK_WIDGET (self->holiday_name));
  adw_preferences_group_add (self->holidays_group, GTK_WIDGET (self->holiday_date));
  reload_holidays (self);

  self->loading = FALSE;
}

static void
crm_setup_company_dispose (GObject *object)
{
  CrmSetupCompany *self = (CrmSetupCompany *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->holiday_rows, g_ptr_array_unref);
  g_clear_pointer (&self->currency_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (crm_setup_company_parent_class)->dispose (object);
}

static void
crm_setup_company_class_init (CrmSetupCompanyClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_setup_company_dispose;
}

static void
crm_setup_company_init (CrmSetupCompany *self)
{
  self->holiday_rows = g_ptr_array_new ();
  self->currency_rows = g_ptr_array_new ();
}

GtkWidget *
crm_setup_company_new (CrmStore *store)
{
  CrmSetupCompany *self = g_object_new (CRM_TYPE_SETUP_COMPANY,
                                        "title", _("Company"),
                                        "icon-name", "x-office-address-book-symbolic",
                                        NULL);

  self->store = g_object_ref (store);
  build (self);
  return GTK_WIDGET (self);
}
