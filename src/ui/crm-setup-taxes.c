/* crm-setup-taxes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-setup-taxes"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-documents.h"
#include "crm-money.h"
#include "crm-pricing.h"
#include "crm-setup-taxes.h"
#include "crm-setup-window.h"

/* Tax rates (name and rate, chosen per line) and the prefixes of document
 * numbers. The rules are the core's: this only lists, asks and shows
 * its errors. */

typedef struct
{
  CrmStore   *store;
  GtkListBox *rates;
  GtkWidget  *name_row;
  GtkWidget  *rate_row;
} Taxes;

static void
taxes_free (gpointer data)
{
  Taxes *t = data;

  g_clear_object (&t->store);
  g_free (t);
}

static void fill_rates (Taxes *t);

static void
on_remove_clicked_cb (GtkButton *button,
                      Taxes     *t)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "rate-id"));

  if (!crm_tax_rate_remove (t->store, id, &error))
    crm_setup_toast_error (GTK_WIDGET (t->rates), error);
  fill_rates (t);
}

static void
fill_rates (Taxes *t)
{
  g_autoptr(GPtrArray) rates = crm_tax_rates_list (t->store);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (t->rates))) != NULL)
    gtk_list_box_remove (t->rates, child);

  for (guint i = 0; rates != NULL && i < rates->len; i++)
    {
      CrmTaxRate *rate = g_ptr_array_index (rates, i);
      g_autofree char *number = crm_decimal_format (rate->rate, 2);
      g_autofree char *subtitle = g_strdup_printf ("%s %%", number);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = g_strdup_printf (_("Remove %s"), rate->name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rate->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (remove), "rate-id", GSIZE_TO_POINTER ((gsize) rate->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), t);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (t->rates, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (t->rates), rates != NULL && rates->len > 0);
}

static void
on_add_clicked_cb (GtkButton *button,
                   Taxes     *t)
{
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (t->name_row));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (t->rate_row))));
  char *percent = strrchr (text, '%');
  gint64 rate = 0;

  if (percent != NULL)
    *percent = '\0';
  g_strstrip (text);
  if (!crm_decimal_parse (text, 2, &rate, &error) ||
      crm_tax_rate_add (t->store, name, (gint32) CLAMP (rate, G_MININT32, G_MAXINT32), &error) == 0)
    {
      crm_setup_toast_error (GTK_WIDGET (t->rates), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (t->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (t->rate_row), "");
  fill_rates (t);
}

static void
on_prefix_apply_cb (AdwEntryRow *row,
                    CrmStore    *store)
{
  g_autoptr(GError) error = NULL;
  const char *module = g_object_get_data (G_OBJECT (row), "module");

  if (!crm_documents_set_number_prefix (store, module, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    crm_setup_toast_error (GTK_WIDGET (row), error);
  else
    crm_setup_toast (GTK_WIDGET (row), _("New documents get the new prefix"));
}

void
crm_setup_taxes_add_groups (AdwPreferencesPage *page,
                            CrmStore           *store)
{
  static const struct { const char *module; const char *label; } documents[] = {
    { "quotes", N_("Quotes") },
    { "sales_orders", N_("Sales Orders") },
    { "purchase_orders", N_("Purchase Orders") },
    { "invoices", N_("Invoices") },
  };
  AdwPreferencesGroup *group;
  GtkListBox *add_box;
  GtkWidget *add_button;
  Taxes *t = g_new0 (Taxes, 1);

  t->store = g_object_ref (store);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Tax Rates"));
  adw_preferences_group_set_description (group, _("Chosen per line on quotes, orders and invoices"));
  t->rates = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (t->rates, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (t->rates), "boxed-list");
  gtk_widget_set_margin_bottom (GTK_WIDGET (t->rates), 12);
  adw_preferences_group_add (group, GTK_WIDGET (t->rates));
  g_object_set_data_full (G_OBJECT (group), "crm-taxes", t, taxes_free);

  add_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (add_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (add_box), "boxed-list");
  t->name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (t->name_row), _("Name, e.g. PPN"));
  t->rate_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (t->rate_row), _("Rate in percent, e.g. 11"));
  gtk_list_box_append (add_box, t->name_row);
  gtk_list_box_append (add_box, t->rate_row);
  adw_preferences_group_add (group, GTK_WIDGET (add_box));
  add_button = gtk_button_new_with_mnemonic (_("_Add Tax Rate"));
  gtk_widget_set_halign (add_button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (add_button, 12);
  g_signal_connect (add_button, "clicked", G_CALLBACK (on_add_clicked_cb), t);
  adw_preferences_group_add (group, add_button);
  adw_preferences_page_add (page, group);
  fill_rates (t);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Document Numbers"));
  adw_preferences_group_set_description (group, _("The prefix of new numbers, as in INV-2026-0001; numbers are never reused"));
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *prefix = crm_documents_dup_number_prefix (store, documents[i].module);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(documents[i].label));
      gtk_editable_set_text (GTK_EDITABLE (row), prefix ? prefix : "");
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "module", (gpointer) documents[i].module);
      g_signal_connect_object (row, "apply", G_CALLBACK (on_prefix_apply_cb), store, 0);
      adw_preferences_group_add (group, row);
    }
  adw_preferences_page_add (page, group);
}
