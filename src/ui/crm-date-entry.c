/* crm-date-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-date-entry"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "crm-date-entry.h"

struct _CrmDateEntry
{
  AdwBin          parent_instance;

  GtkMenuButton  *button;
  GtkLabel       *label;
  GtkCalendar    *calendar;
  GtkSpinButton  *hour;
  GtkSpinButton  *minute;
  GtkButton      *clear_button;

  GDateTime      *date;
  char           *accessible_name;
  gboolean        with_time;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (CrmDateEntry, crm_date_entry, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATE,
  PROP_WITH_TIME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The menu button gets the field's name; its inner toggle button gets
 * the date as its description. */
static void
update_accessible (CrmDateEntry *self)
{
  GtkWidget *toggle = gtk_widget_get_first_child (GTK_WIDGET (self->button));

  if (toggle == NULL)
    return;
  if (self->accessible_name != NULL)
    {
      /* The inner toggle is labelled by the menu button. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      self->accessible_name, -1);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_label (self->label), -1);
}

static void
update_label (CrmDateEntry *self)
{
  g_autofree char *text = NULL;

  if (self->date == NULL)
    {
      gtk_label_set_label (self->label, _("Not set"));
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-label");
      gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), FALSE);
      update_accessible (self);
      return;
    }
  /* Translators: see g_date_time_format(); the same formats as in lists */
  text = g_date_time_format (self->date, self->with_time ? _("%x %H:%M") : _("%e %b %Y"));
  gtk_label_set_label (self->label, g_strstrip (text));
  gtk_widget_remove_css_class (GTK_WIDGET (self->label), "dim-label");
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), TRUE);
  update_accessible (self);
}

static void
sync_widgets (CrmDateEntry *self)
{
  self->updating = TRUE;
  if (self->date != NULL)
    {
      gtk_calendar_select_day (self->calendar, self->date);
      if (self->with_time)
        {
          gtk_spin_button_set_value (self->hour, g_date_time_get_hour (self->date));
          gtk_spin_button_set_value (self->minute, g_date_time_get_minute (self->date));
        }
    }
  self->updating = FALSE;
  update_label (self);
}

static void
take_date (CrmDateEntry *self,
           GDateTime    *date)
{
  if (self->date == date ||
      (self->date != NULL && date != NULL && g_date_time_equal (self->date, date)))
    {
      g_clear_pointer (&date, g_date_time_unref);
      return;
    }
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date;
  sync_widgets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

/* The calendar's day with the time from the spin buttons. */
static GDateTime *
date_from_widgets (CrmDateEntry *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  int hour = 0, minute = 0;

  if (self->with_time)
    {
      hour = gtk_spin_button_get_value_as_int (self->hour);
      minute = gtk_spin_button_get_value_as_int (self->minute);
    }
  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), hour, minute, 0);
}

static void
on_day_selected_cb (CrmDateEntry *self)
{
  if (self->updating)
    return;
  take_date (self, date_from_widgets (self));
}

static void
on_time_changed_cb (CrmDateEntry *self)
{
  if (self->updating)
    return;
  take_date (self, date_from_widgets (self));
}

static gboolean
on_time_output_cb (GtkSpinButton *spin,
                   gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_today_clicked_cb (CrmDateEntry *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (self->with_time)
    take_date (self, g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                            g_date_time_get_day_of_month (now), g_date_time_get_hour (now),
                                            g_date_time_get_minute (now), 0));
  else
    take_date (self, g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                            g_date_time_get_day_of_month (now), 0, 0, 0));
}

static void
on_clear_clicked_cb (CrmDateEntry *self)
{
  take_date (self, NULL);
  gtk_menu_button_popdown (self->button);
}

static GtkSpinButton *
time_spin (CrmDateEntry *self,
           int           max,
           const char   *accessible_name)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, max, 1));

  gtk_spin_button_set_wrap (spin, TRUE);
  gtk_spin_button_set_numeric (spin, TRUE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  g_signal_connect (spin, "output", G_CALLBACK (on_time_output_cb), NULL);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (on_time_changed_cb), self);
  return spin;
}

static void
build (CrmDateEntry *self)
{
  GtkWidget *content, *popover, *box, *buttons, *today, *icon;

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  /* In a row the button reads as the row's value, like a combo row's. */
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  icon = gtk_image_new_from_icon_name ("x-office-calendar-symbolic");
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (content), icon);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->label));
  gtk_menu_button_set_child (self->button, content);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button),
                               self->with_time ? _("Choose a date and time") : _("Choose a date"));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->button));

  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (on_day_selected_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));

  if (self->with_time)
    {
      GtkWidget *time_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *time_label = gtk_label_new (_("Time"));

      gtk_widget_set_halign (time_box, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (time_label, "dim-label");
      self->hour = time_spin (self, 23, _("Hour"));
      self->minute = time_spin (self, 59, _("Minute"));
      gtk_box_append (GTK_BOX (time_box), time_label);
      gtk_box_append (GTK_BOX (time_box), GTK_WIDGET (self->hour));
      gtk_box_append (GTK_BOX (time_box), gtk_label_new (":"));
      gtk_box_append (GTK_BOX (time_box), GTK_WIDGET (self->minute));
      gtk_box_append (GTK_BOX (box), time_box);
    }

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  self->clear_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Clear")));
  today = gtk_button_new_with_mnemonic (self->with_time ? _("_Now") : _("_Today"));
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked_cb), self);
  g_signal_connect_swapped (today, "clicked", G_CALLBACK (on_today_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->clear_button));
  gtk_box_append (GTK_BOX (buttons), today);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->button, popover);
  update_label (self);
}

static void
crm_date_entry_constructed (GObject *object)
{
  CrmDateEntry *self = (CrmDateEntry *)object;

  G_OBJECT_CLASS (crm_date_entry_parent_class)->constructed (object);
  build (self);
}

static void
crm_date_entry_finalize (GObject *object)
{
  CrmDateEntry *self = (CrmDateEntry *)object;

  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->accessible_name, g_free);
  G_OBJECT_CLASS (crm_date_entry_parent_class)->finalize (object);
}

static void
crm_date_entry_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CrmDateEntry *self = CRM_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;

    case PROP_WITH_TIME:
      g_value_set_boolean (value, self->with_time);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_date_entry_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CrmDateEntry *self = CRM_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_DATE:
      crm_date_entry_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_WITH_TIME:
      self->with_time = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_date_entry_class_init (CrmDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = crm_date_entry_constructed;
  object_class->finalize = crm_date_entry_finalize;
  object_class->get_property = crm_date_entry_get_property;
  object_class->set_property = crm_date_entry_set_property;

  properties [PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_WITH_TIME] =
    g_param_spec_boolean ("with-time", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_date_entry_init (CrmDateEntry *self)
{
}

GtkWidget *
crm_date_entry_new (gboolean with_time)
{
  return g_object_new (CRM_TYPE_DATE_ENTRY, "with-time", with_time, NULL);
}

gboolean
crm_date_entry_get_with_time (CrmDateEntry *self)
{
  g_return_val_if_fail (CRM_IS_DATE_ENTRY (self), FALSE);

  return self->with_time;
}

GDateTime *
crm_date_entry_get_date (CrmDateEntry *self)
{
  g_return_val_if_fail (CRM_IS_DATE_ENTRY (self), NULL);

  return self->date;
}

void
crm_date_entry_set_date (CrmDateEntry *self,
                         GDateTime    *date)
{
  g_return_if_fail (CRM_IS_DATE_ENTRY (self));

  take_date (self, date ? g_date_time_to_local (date) : NULL);
}

char *
crm_date_entry_dup_iso_date (CrmDateEntry *self)
{
  g_return_val_if_fail (CRM_IS_DATE_ENTRY (self), NULL);

  if (self->date == NULL)
    return NULL;
  return g_date_time_format (self->date, "%Y-%m-%d");
}

void
crm_date_entry_set_iso_date (CrmDateEntry *self,
                             const char   *iso)
{
  int y, m, d;

  g_return_if_fail (CRM_IS_DATE_ENTRY (self));

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    {
      take_date (self, NULL);
      return;
    }
  take_date (self, g_date_time_new_local (y, m, d, 0, 0, 0));
}

void
crm_date_entry_popup (CrmDateEntry *self)
{
  g_return_if_fail (CRM_IS_DATE_ENTRY (self));

  gtk_menu_button_popup (self->button);
}

void
crm_date_entry_set_accessible_name (CrmDateEntry *self,
                                    const char   *name)
{
  g_return_if_fail (CRM_IS_DATE_ENTRY (self));

  g_free (self->accessible_name);
  self->accessible_name = g_strdup (name);
  update_accessible (self);
}
