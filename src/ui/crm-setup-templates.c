/* crm-setup-templates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-setup-templates"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-company.h"
#include "crm-document.h"
#include "crm-setup-taxes.h"
#include "crm-setup-templates.h"
#include "crm-setup-window.h"
#include "crm-templates.h"

struct _CrmSetupTemplates
{
  AdwPreferencesPage  parent_instance;

  CrmStore           *store;
  GtkDrawingArea     *preview;
  CrmDocument        *document;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (CrmSetupTemplates, crm_setup_templates, ADW_TYPE_PREFERENCES_PAGE)

static const struct
{
  const char *module;
  const char *label;
} doc_types[] = {
  { "quotes", N_("Quotes") },
  { "sales_orders", N_("Sales Orders") },
  { "purchase_orders", N_("Purchase Orders") },
  { "invoices", N_("Invoices") },
};

/* A sample quote with the stored company and settings: what a printed
 * quote would look like. */
static void
rebuild_document (CrmSetupTemplates *self)
{
  g_autoptr(CrmCompany) company = crm_company_load (self->store, NULL);
  g_autoptr(GBytes) logo = crm_company_get_logo_png (self->store);
  g_autofree char *accent = crm_templates_dup_accent (self->store);
  g_autofree char *terms = crm_templates_dup_terms (self->store, "quotes", NULL);
  g_autofree char *footer = crm_templates_dup_footer (self->store);
  g_autoptr(GString) details = g_string_new (NULL);
  const char *headers[] = { _("Item"), _("Qty"), _("Price"), _("Amount"), NULL };
  const char *row1[] = { _("Consulting"), "10", "150.00", "1,500.00", NULL };
  const char *row2[] = { _("Installation"), "1", "480.00", "480.00", NULL };
  double r, g, b;

  g_clear_object (&self->document);
  self->document = crm_document_new ();
  crm_document_set_template (self->document, crm_templates_get_template (self->store));
  crm_document_set_paper (self->document, crm_templates_get_paper (self->store));
  if (crm_templates_parse_accent (accent, &r, &g, &b))
    crm_document_set_accent (self->document, r, g, b);
  if (logo != NULL)
    crm_document_set_logo_png (self->document, logo, NULL);
  if (company != NULL)
    {
      const char *lines[] = { company->street, company->city, company->phone, company->email, company->website };

      for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
        if (lines[i] && *lines[i])
          g_string_append_printf (details, "%s%s", details->len ? "\n" : "", lines[i]);
    }
  crm_document_set_company (self->document, company && company->name ? company->name : _("Your Company"), details->str);
  crm_document_set_title (self->document, _("Quote"), "QT-0001");
  crm_document_add_info (self->document, _("Date"), "2026-03-31");
  crm_document_add_info (self->document, _("Valid until"), "2026-04-30");
  crm_document_set_addresses (self->document, _("Bill To"), _("Sample Customer\n1 Example Street\nSpringfield"),
                              _("Ship To"), _("Sample Customer\n1 Example Street\nSpringfield"));
  crm_document_set_columns (self->document, headers, 0);
  crm_document_add_row (self->document, row1, _("Ten hours of on-site consulting"));
  crm_document_add_row (self->document, row2, NULL);
  crm_document_add_total (self->document, _("Subtotal"), "1,980.00", FALSE);
  crm_document_add_total (self->document, _("Grand Total"), "1,980.00", TRUE);
  if (terms && *terms)
    crm_document_set_terms (self->document, _("Terms and Conditions"), terms);
  crm_document_set_footer (self->document, footer && *footer ? footer : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  CrmSetupTemplates *self = data;
  double pw, ph, scale;

  if (self->document == NULL)
    return;
  crm_document_get_paper_size (self->document, &pw, &ph);
  scale = MIN ((width - 2) / pw, (height - 2) / ph);
  cairo_translate (cr, (width - pw * scale) / 2, (height - ph * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, pw, ph);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1 / scale);
  cairo_stroke (cr);
  crm_document_draw_page (self->document, cr, 0, pw, ph);
}

static void
done (CrmSetupTemplates *self,
      gboolean           ok,
      GError            *error)
{
  if (!ok)
    crm_setup_toast_error (GTK_WIDGET (self), error);
  rebuild_document (self);
}

static void
on_template_cb (AdwComboRow       *row,
                GParamSpec        *pspec,
                CrmSetupTemplates *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->loading)
    done (self, crm_templates_set_template (self->store, adw_combo_row_get_selected (row), &error), error);
}

static void
on_paper_cb (AdwComboRow       *row,
             GParamSpec        *pspec,
             CrmSetupTemplates *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->loading)
    done (self, crm_templates_set_paper (self->store, adw_combo_row_get_selected (row), &error), error);
}

static void
on_accent_cb (GtkColorChooser   *button,
              GParamSpec        *pspec,
              CrmSetupTemplates *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hex = NULL;
  GdkRGBA rgba;

  if (self->loading)
    return;
  gtk_color_chooser_get_rgba (button, &rgba);
  hex = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + .5), (int) (rgba.green * 255 + .5),
                         (int) (rgba.blue * 255 + .5));
  done (self, crm_templates_set_accent (self->store, hex, &error), error);
}

static void
on_footer_apply_cb (AdwEntryRow       *row,
                    CrmSetupTemplates *self)
{
  g_autoptr(GError) error = NULL;

  done (self, crm_templates_set_footer (self->store, gtk_editable_get_text (GTK_EDITABLE (row)), &error), error);
}

static void
on_terms_changed_cb (GtkTextBuffer     *buffer,
                     CrmSetupTemplates *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  done (self, crm_templates_set_terms (self->store, g_object_get_data (G_OBJECT (buffer), "module"), text, &error),
        error);
}

static void
on_company_changed_cb (CrmSetupTemplates *self)
{
  /* The logo or name may have changed on the Company page. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild_document (self);
}

static GtkWidget *
combo_row (const char *title,
           const char *first,
           const char *second,
           guint       selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, first);
  gtk_string_list_append (list, second);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return row;
}

static void
crm_setup_templates_dispose (GObject *object)
{
  CrmSetupTemplates *self = (CrmSetupTemplates *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (crm_setup_templates_parent_class)->dispose (object);
}

static void
crm_setup_templates_class_init (CrmSetupTemplatesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_setup_templates_dispose;
}

static void
crm_setup_templates_init (CrmSetupTemplates *self)
{
}

GtkWidget *
crm_setup_templates_new (CrmStore *store)
{
  CrmSetupTemplates *self = g_object_new (CRM_TYPE_SETUP_TEMPLATES,
                                          "title", _("Templates"),
                                          "icon-name", "folder-templates-symbolic",
                                          NULL);
  AdwPreferencesGroup *group;
  GtkWidget *row, *color, *frame;
  g_autofree char *accent = NULL;
  g_autofree char *footer = NULL;
  GdkRGBA rgba;

  self->store = g_object_ref (store);
  self->loading = TRUE;

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Documents"));
  adw_preferences_group_set_description (group, _("How quotes, orders and invoices look when printed or exported"));
  row = combo_row (_("Template"), _("Classic"), _("Modern"), crm_templates_get_template (store));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_template_cb), self);
  adw_preferences_group_add (group, row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Accent Colour"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Rules, headings and the grand total"));
  accent = crm_templates_dup_accent (store);
  gdk_rgba_parse (&rgba, accent);
  color = gtk_color_button_new_with_rgba (&rgba);
  gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (color), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Accent Colour"), -1);
  g_signal_connect (color, "notify::rgba", G_CALLBACK (on_accent_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), color);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), color);
  adw_preferences_group_add (group, row);

  row = combo_row (_("Paper Size"), _("A4"), _("US Letter"), crm_templates_get_paper (store));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_paper_cb), self);
  adw_preferences_group_add (group, row);

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Footer"));
  footer = crm_templates_dup_footer (store);
  gtk_editable_set_text (GTK_EDITABLE (row), footer ? footer : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "apply", G_CALLBACK (on_footer_apply_cb), self);
  adw_preferences_group_add (group, row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Preview"));
  adw_preferences_group_set_description (group, _("A sample quote"));
  self->preview = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_content_height (self->preview, 560);
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview of a sample quote"), -1);
  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "view");
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->preview));
  adw_preferences_group_add (group, frame);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Default Terms and Conditions"));
  adw_preferences_group_set_description (group, _("Filled in on each new document of the type"));
  for (guint i = 0; i < G_N_ELEMENTS (doc_types); i++)
    {
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *view = gtk_text_view_new ();
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      g_autofree char *terms = crm_templates_dup_terms (store, doc_types[i].module, NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _(doc_types[i].label));
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
      gtk_widget_set_size_request (view, -1, 120);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _(doc_types[i].label), -1);
      gtk_text_buffer_set_text (buffer, terms ? terms : "", -1);
      g_object_set_data (G_OBJECT (buffer), "module", (gpointer) doc_types[i].module);
      g_signal_connect (buffer, "changed", G_CALLBACK (on_terms_changed_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), view);
      adw_preferences_group_add (group, expander);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);

  crm_setup_taxes_add_groups (ADW_PREFERENCES_PAGE (self), store);

  g_signal_connect_swapped (self, "map", G_CALLBACK (on_company_changed_cb), self);
  rebuild_document (self);
  self->loading = FALSE;
  return GTK_WIDGET (self);
}
