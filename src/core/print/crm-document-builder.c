/* crm-document-builder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-document-builder"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "crm-company.h"
#include "crm-document-builder.h"
#include "crm-documents.h"
#include "crm-money.h"

#define DEFAULT_ACCENT "#1c71d8"

/*
 * Settings
 */

CrmDocumentTemplate
crm_print_settings_get_template (CrmStore *store)
{
  g_autofree char *value = crm_store_get_setting (store, "print.template");

  return g_strcmp0 (value, "modern") == 0 ? CRM_DOCUMENT_TEMPLATE_MODERN : CRM_DOCUMENT_TEMPLATE_CLASSIC;
}

gboolean
crm_print_settings_set_template (CrmStore             *store,
                                 CrmDocumentTemplate   tmpl,
                                 GError              **error)
{
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (tmpl != CRM_DOCUMENT_TEMPLATE_CLASSIC && tmpl != CRM_DOCUMENT_TEMPLATE_MODERN)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Unknown document template"));
      return FALSE;
    }
  return crm_store_set_setting (store, "print.template",
                                tmpl == CRM_DOCUMENT_TEMPLATE_MODERN ? "modern" : "classic", error);
}

static gboolean
parse_hex_colour (const char *hex,
                  double     *rgb)
{
  guint value = 0;

  if (hex == NULL || hex[0] != '#' || strlen (hex) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (hex[i]))
        return FALSE;
      value = value * 16 + g_ascii_xdigit_value (hex[i]);
    }
  rgb[0] = ((value >> 16) & 0xff) / 255.0;
  rgb[1] = ((value >> 8) & 0xff) / 255.0;
  rgb[2] = (value & 0xff) / 255.0;
  return TRUE;
}

char *
crm_print_settings_dup_accent (CrmStore *store)
{
  g_autofree char *value = crm_store_get_setting (store, "print.accent");
  double rgb[3];

  if (!parse_hex_colour (value, rgb))
    return g_strdup (DEFAULT_ACCENT);
  return g_ascii_strdown (value, -1);
}

gboolean
crm_print_settings_set_accent (CrmStore    *store,
                               const char  *hex,
                               GError     **error)
{
  double rgb[3];

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!parse_hex_colour (hex, rgb))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("The accent colour “%s” is not a colour like #1c71d8"), hex ? hex : "");
      return FALSE;
    }
  return crm_store_set_setting (store, "print.accent", hex, error);
}

CrmPaperSize
crm_print_settings_get_paper (CrmStore *store)
{
  g_autofree char *value = crm_store_get_setting (store, "print.paper");

  return g_strcmp0 (value, "letter") == 0 ? CRM_PAPER_LETTER : CRM_PAPER_A4;
}

gboolean
crm_print_settings_set_paper (CrmStore      *store,
                              CrmPaperSize   paper,
                              GError       **error)
{
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (paper != CRM_PAPER_A4 && paper != CRM_PAPER_LETTER)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Unknown paper size"));
      return FALSE;
    }
  return crm_store_set_setting (store, "print.paper", paper == CRM_PAPER_LETTER ? "letter" : "a4", error);
}

/*
 * Formatting
 */

static char *
format_long_date (const char *iso)
{
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (iso);
  dt = g_date_time_new_local (y, m, d, 0, 0, 0);
  if (dt == NULL)
    return g_strdup (iso);
  /* Translators: a date on printed quotes and invoices, see g_date_time_format() */
  return g_strstrip (g_date_time_format (dt, _("%e %B %Y")));
}

static char *
format_long_datetime (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time);
  g_autofree char *iso = dt ? g_date_time_format (dt, "%Y-%m-%d") : NULL;

  return format_long_date (iso);
}

/* 1100 -> "11%", 1250 -> "12.5%" (the locale's decimal mark) */
static char *
format_percent (gint64 basis_points)
{
  g_autofree char *number = crm_decimal_format (basis_points, 2);

  /* Translators: a percentage on printed documents, e.g. "11%" */
  return g_strdup_printf (_("%s%%"), number);
}

static char *
format_discount (CrmDiscountKind  kind,
                 gint64           discount,
                 const char      *currency)
{
  switch (kind)
    {
    case CRM_DISCOUNT_PERCENT:
      return discount ? format_percent (discount) : g_strdup ("");
    case CRM_DISCOUNT_AMOUNT:
      return discount ? crm_money_format (discount, currency) : g_strdup ("");
    case CRM_DISCOUNT_NONE:
    default:
      return g_strdup ("");
    }
}

static void
append_line (GString    *text,
             const char *line)
{
  if (line == NULL || *line == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

/* "Bandung, Jawa Barat 40115" from whichever parts are set */
static char *
city_line (const char *city,
           const char *state,
           const char *code)
{
  GString *line = g_string_new (city ? city : "");

  if (state && *state)
    g_string_append_printf (line, "%s%s", line->len ? ", " : "", state);
  if (code && *code)
    g_string_append_printf (line, "%s%s", line->len ? " " : "", code);
  return g_string_free (line, FALSE);
}

/* The five address fields of a record under a prefix ("billing", "shipping",
 * or "" for vendors: street, city, state, zip_code, country). */
static gboolean
append_address (GString    *text,
                CrmRecord  *record,
                const char *prefix)
{
  g_autofree char *street = g_strdup_printf ("%s%sstreet", prefix, *prefix ? "_" : "");
  g_autofree char *city = g_strdup_printf ("%s%scity", prefix, *prefix ? "_" : "");
  g_autofree char *state = g_strdup_printf ("%s%sstate", prefix, *prefix ? "_" : "");
  g_autofree char *code = g_strdup_printf ("%s%s", prefix, *prefix ? "_code" : "zip_code");
  g_autofree char *country = g_strdup_printf ("%s%scountry", prefix, *prefix ? "_" : "");
  g_autofree char *place = NULL;
  gsize before = text->len;

  place = city_line (crm_record_get_string (record, city), crm_record_get_string (record, state),
                     crm_record_get_string (record, code));
  append_line (text, crm_record_get_string (record, street));
  append_line (text, place);
  append_line (text, crm_record_get_string (record, country));
  return text->len > before;
}

/*
 * Building
 */

typedef struct
{
  CrmStore          *store;
  CrmRecord         *record;
  CrmModule         *module;
  const char        *currency;
  const CrmCompany  *company;
} Ctx;

static char *
dup_lookup_title (Ctx        *ctx,
                  const char *field_name)
{
  CrmField *field = crm_module_get_field (ctx->module, field_name);
  gint64 id = crm_record_get_int (ctx->record, field_name, 0);
  const char *target;
  const char *number_field;

  if (field == NULL || id == 0)
    return NULL;
  target = crm_field_get_lookup_module (field);
  /* a document is known by its number */
  number_field = crm_documents_get_number_field (target);
  if (number_field != NULL)
    {
      g_autoptr(CrmRecord) other = crm_store_load_record (ctx->store, target, id, NULL);
      const char *number = other ? crm_record_get_string (other, number_field) : NULL;

      if (number != NULL)
        return g_strdup (number);
    }
  return crm_store_dup_record_title (ctx->store, target, id);
}

static void
add_info (CrmDocument *doc,
          Ctx         *ctx,
          const char  *field_name,
          const char  *label)
{
  CrmField *field = crm_module_get_field (ctx->module, field_name);
  GVariant *value = crm_record_get_value (ctx->record, field_name);
  g_autofree char *text = NULL;

  if (field == NULL || value == NULL)
    return;

  switch (crm_field_get_field_type (field))
    {
    case CRM_FIELD_DATE:
      text = format_long_date (g_variant_get_string (value, NULL));
      break;
    case CRM_FIELD_DATETIME:
      text = format_long_datetime (g_variant_get_int64 (value));
      break;
    case CRM_FIELD_LOOKUP:
      text = dup_lookup_title (ctx, field_name);
      break;
    default:
      text = crm_store_format_value (ctx->store, field, value);
      break;
    }
  if (text != NULL && *text != '\0')
    crm_document_add_info (doc, label ? label : crm_field_get_label (field), text);
}

static void
set_company (CrmDocument      *doc,
             CrmStore         *store,
             const CrmCompany *company)
{
  g_autoptr(GString) details = g_string_new (NULL);
  g_autoptr(GBytes) logo = NULL;
  g_autofree char *place = NULL;
  g_autofree char *tax_id = NULL;

  place = city_line (company->city, company->state, company->zip_code);
  append_line (details, company->street);
  append_line (details, place);
  append_line (details, company->country);
  append_line (details, company->phone);
  append_line (details, company->email);
  append_line (details, company->website);
  if (company->tax_id != NULL && *company->tax_id != '\0')
    {
      /* Translators: the company's tax number on printed documents */
      tax_id = g_strdup_printf (_("Tax ID: %s"), company->tax_id);
      append_line (details, tax_id);
    }
  crm_document_set_company (doc, company->name ? company->name : "", details->str);

  logo = crm_company_get_logo_png (store);
  if (logo != NULL && g_bytes_get_size (logo) > 0)
    {
      g_autoptr(GError) error = NULL;

      /* A broken logo should not stop an invoice from printing. */
      if (!crm_document_set_logo_png (doc, logo, &error))
        g_warning ("Company logo left out: %s", error->message);
    }
}

static void
set_addresses (CrmDocument *doc,
               Ctx         *ctx)
{
  const char *module = crm_module_get_api_name (ctx->module);
  g_autoptr(GString) bill = g_string_new (NULL);
  g_autoptr(GString) ship = g_string_new (NULL);

  if (g_str_equal (module, "purchase_orders"))
    {
      gint64 vendor_id = crm_record_get_int (ctx->record, "vendor_name", 0);
      g_autoptr(CrmRecord) vendor = vendor_id ? crm_store_load_record (ctx->store, "vendors", vendor_id, NULL) : NULL;

      if (vendor != NULL)
        {
          append_line (bill, crm_record_get_string (vendor, "vendor_name"));
          append_address (bill, vendor, "");
        }
      append_line (ship, ctx->company->name);
      if (!append_address (ship, ctx->record, "shipping"))
        append_address (ship, ctx->record, "billing");
      crm_document_set_addresses (doc, _("Vendor"), bill->len ? bill->str : NULL,
                                  ship->len > 0 ? _("Ship to") : NULL, ship->len > 0 ? ship->str : NULL);
      return;
    }

  {
    g_autofree char *account = dup_lookup_title (ctx, "account_name");
    g_autofree char *contact = dup_lookup_title (ctx, "contact_name");
    g_autofree char *attention = NULL;
    gboolean has_shipping;

    append_line (bill, account);
    if (contact != NULL)
      {
        /* Translators: "for the attention of" a contact, on printed documents */
        attention = g_strdup_printf (_("Attn: %s"), contact);
        append_line (bill, attention);
      }
    append_address (bill, ctx->record, "billing");

    append_line (ship, account);
    has_shipping = append_address (ship, ctx->record, "shipping");
    crm_document_set_addresses (doc, _("Bill to"), bill->len ? bill->str : NULL,
                                has_shipping ? _("Ship to") : NULL, has_shipping ? ship->str : NULL);
  }
}

static void
add_infos (CrmDocument *doc,
           Ctx         *ctx)
{
  const char *module = crm_module_get_api_name (ctx->module);

  if (g_str_equal (module, "quotes"))
    {
      add_info (doc, ctx, "created_at", _("Date"));
      add_info (doc, ctx, "valid_till", NULL);
      add_info (doc, ctx, "quote_stage", NULL);
    }
  else if (g_str_equal (module, "sales_orders"))
    {
      add_info (doc, ctx, "created_at", _("Date"));
      add_info (doc, ctx, "due_date", NULL);
      add_info (doc, ctx, "status", NULL);
      add_info (doc, ctx, "quote_name", _("Quote"));
      add_info (doc, ctx, "purchase_order", _("Your order"));
    }
  else if (g_str_equal (module, "purchase_orders"))
    {
      if (crm_record_get_value (ctx->record, "po_date") != NULL)
        add_info (doc, ctx, "po_date", _("Date"));
      else
        add_info (doc, ctx, "created_at", _("Date"));
      add_info (doc, ctx, "due_date", NULL);
      add_info (doc, ctx, "status", NULL);
      add_info (doc, ctx, "requisition_no", NULL);
      add_info (doc, ctx, "tracking_number", NULL);
    }
  else
    {
      if (crm_record_get_value (ctx->record, "invoice_date") != NULL)
        add_info (doc, ctx, "invoice_date", _("Date"));
      else
        add_info (doc, ctx, "created_at", _("Date"));
      add_info (doc, ctx, "due_date", NULL);
      add_info (doc, ctx, "status", NULL);
      add_info (doc, ctx, "sales_order", _("Sales order"));
      add_info (doc, ctx, "purchase_order", _("Your order"));
    }
}

static void
add_lines (CrmDocument *doc,
           Ctx         *ctx,
           GPtrArray   *lines)
{
  const char *headers[] = {
    /* Translators: column headings of the line table on printed documents */
    C_("column", "#"), C_("column", "Item"), C_("column", "Qty"), C_("column", "Price"),
    C_("column", "Discount"), C_("column", "Tax"), C_("column", "Amount"), NULL
  };

  crm_document_set_columns (doc, headers, 1);
  for (guint i = 0; i < lines->len; i++)
    {
      CrmDocLine *line = g_ptr_array_index (lines, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *quantity = crm_decimal_format (line->item.quantity, 3);
      g_autofree char *price = crm_money_format (line->item.list_price, ctx->currency);
      g_autofree char *discount = format_discount (line->item.discount_kind, line->item.discount, ctx->currency);
      g_autofree char *tax = line->item.tax_rate ? format_percent (line->item.tax_rate) : g_strdup ("");
      /* the amount before tax: the column adds up to the sub total */
      g_autofree char *amount = crm_money_format (line->item.net, ctx->currency);
      const char *cells[] = { number, line->name, quantity, price, discount, tax, amount, NULL };

      crm_document_add_row (doc, cells,
                            line->description && *line->description ? line->description : NULL);
    }
}

static void
add_totals (CrmDocument     *doc,
            Ctx             *ctx,
            const CrmTotals *totals)
{
  g_autofree char *sub_total = crm_money_format (totals->sub_total, ctx->currency);
  g_autofree char *tax = crm_money_format (totals->tax, ctx->currency);
  g_autofree char *grand = crm_money_format (totals->grand_total, ctx->currency);

  crm_document_add_total (doc, _("Sub total"), sub_total, FALSE);
  if (totals->discount_amount != 0)
    {
      g_autofree char *value = crm_money_format (-totals->discount_amount, ctx->currency);
      g_autofree char *label = NULL;

      if (totals->discount_kind == CRM_DISCOUNT_PERCENT)
        {
          g_autofree char *percent = format_percent (totals->discount);
          /* Translators: the document discount with its rate, e.g. "Discount (5%)" */
          label = g_strdup_printf (_("Discount (%s)"), percent);
        }
      crm_document_add_total (doc, label ? label : _("Discount"), value, FALSE);
    }
  crm_document_add_total (doc, _("Tax"), tax, FALSE);
  if (totals->adjustment != 0)
    {
      g_autofree char *value = crm_money_format (totals->adjustment, ctx->currency);
      crm_document_add_total (doc, _("Adjustment"), value, FALSE);
    }
  crm_document_add_total (doc, _("Grand total"), grand, TRUE);
}

CrmDocument *
crm_document_builder_build (CrmStore    *store,
                            const char  *module_name,
                            gint64       id,
                            GError     **error)
{
  g_autoptr(CrmDocument) doc = NULL;
  g_autoptr(CrmRecord) record = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *accent = NULL;
  g_autofree char *footer = NULL;
  CrmCompany *company = NULL;
  CrmTotals totals;
  const char *number;
  double rgb[3];
  Ctx ctx;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  if (!crm_documents_is_document (module_name))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("Only quotes, sales orders, purchase orders and invoices can be printed"));
      return NULL;
    }
  record = crm_store_load_record (store, module_name, id, error);
  if (record == NULL)
    return NULL;
  lines = crm_documents_load_lines (store, module_name, id, error);
  if (lines == NULL || !crm_documents_load_totals (store, module_name, id, &totals, &currency, error))
    return NULL;

  company = crm_company_load (store, error);
  if (company == NULL)
    return NULL;

  ctx.store = store;
  ctx.record = record;
  ctx.module = crm_record_get_module (record);
  ctx.currency = currency;
  ctx.company = company;

  doc = crm_document_new ();
  crm_document_set_template (doc, crm_print_settings_get_template (store));
  crm_document_set_paper (doc, crm_print_settings_get_paper (store));
  accent = crm_print_settings_dup_accent (store);
  if (parse_hex_colour (accent, rgb))
    crm_document_set_accent (doc, rgb[0], rgb[1], rgb[2]);

  set_company (doc, store, company);
  number = crm_record_get_string (record, crm_documents_get_number_field (module_name));
  crm_document_set_title (doc, crm_module_get_singular (ctx.module), number);
  add_infos (doc, &ctx);
  set_addresses (doc, &ctx);
  add_lines (doc, &ctx, lines);
  add_totals (doc, &ctx, &totals);
  if (crm_record_get_string (record, "terms_and_conditions") != NULL)
    crm_document_set_terms (doc, _("Terms and Conditions"), crm_record_get_string (record, "terms_and_conditions"));

  if (number != NULL && company->name != NULL && *company->name != '\0')
    footer = g_strdup_printf ("%s · %s", company->name, number);
  crm_document_set_footer (doc, footer ? footer : number);
  crm_company_free (company);

  return g_steal_pointer (&doc);
}

gboolean
crm_document_builder_export_pdf (CrmStore    *store,
                                 const char  *module,
                                 gint64       id,
                                 const char  *path,
                                 GError     **error)
{
  g_autoptr(CrmDocument) doc = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  doc = crm_document_builder_build (store, module, id, error);
  return doc != NULL && crm_document_export_pdf (doc, path, error);
}

char *
crm_document_builder_dup_file_name (CrmStore   *store,
                                    const char *module,
                                    gint64      id)
{
  g_autoptr(CrmRecord) record = crm_store_load_record (store, module, id, NULL);
  const char *field = crm_documents_get_number_field (module);
  const char *number = record && field ? crm_record_get_string (record, field) : NULL;
  g_autofree char *base = NULL;

  if (number == NULL)
    base = g_strdup_printf ("%s-%" G_GINT64_FORMAT, module, id);
  else
    base = g_strdup (number);
  /* a number prefix may hold "/", which a file name cannot */
  g_strdelimit (base, "/\\", '-');
  return g_strconcat (base, ".pdf", NULL);
}

int
crm_cli_pdf (CrmStore   *store,
             const char *module,
             gint64      id,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *api = crm_documents_lookup_module (module);

  if (!crm_document_builder_export_pdf (store, api ? api : module, id, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
