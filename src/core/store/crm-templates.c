/* crm-templates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-templates"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "crm-templates.h"

static const char * const document_modules[] = {
  "quotes", "sales_orders", "purchase_orders", "invoices", NULL
};

const char * const *
crm_templates_document_modules (void)
{
  return document_modules;
}

CrmDocumentTemplate
crm_templates_get_template (CrmStore *store)
{
  g_autofree char *value = crm_store_get_setting (store, "print.template");

  return g_strcmp0 (value, "modern") == 0 ? CRM_DOCUMENT_TEMPLATE_MODERN : CRM_DOCUMENT_TEMPLATE_CLASSIC;
}

gboolean
crm_templates_set_template (CrmStore             *store,
                            CrmDocumentTemplate   tmpl,
                            GError              **error)
{
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (tmpl != CRM_DOCUMENT_TEMPLATE_CLASSIC && tmpl != CRM_DOCUMENT_TEMPLATE_MODERN)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("There is no such document template"));
      return FALSE;
    }
  return crm_store_set_setting (store, "print.template",
                                tmpl == CRM_DOCUMENT_TEMPLATE_MODERN ? "modern" : "classic", error);
}

gboolean
crm_templates_parse_accent (const char *hex,
                            double     *red,
                            double     *green,
                            double     *blue)
{
  unsigned int rgb[3];

  if (hex == NULL || strlen (hex) != 7 || hex[0] != '#')
    return FALSE;
  for (int i = 0; i < 7; i++)
    if (i > 0 && !g_ascii_isxdigit (hex[i]))
      return FALSE;
  for (int i = 0; i < 3; i++)
    rgb[i] = g_ascii_xdigit_value (hex[1 + 2 * i]) * 16 + g_ascii_xdigit_value (hex[2 + 2 * i]);
  if (red)
    *red = rgb[0] / 255.0;
  if (green)
    *green = rgb[1] / 255.0;
  if (blue)
    *blue = rgb[2] / 255.0;
  return TRUE;
}

char *
crm_templates_dup_accent (CrmStore *store)
{
  g_autofree char *value = crm_store_get_setting (store, "print.accent");

  if (!crm_templates_parse_accent (value, NULL, NULL, NULL))
    return g_strdup (CRM_TEMPLATES_DEFAULT_ACCENT);
  return g_steal_pointer (&value);
}

gboolean
crm_templates_set_accent (CrmStore    *store,
                          const char  *hex,
                          GError     **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!crm_templates_parse_accent (hex, NULL, NULL, NULL))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("“%s” is not a colour: write it as #rrggbb"), hex ? hex : "");
      return FALSE;
    }
  lower = g_ascii_strdown (hex, -1);
  return crm_store_set_setting (store, "print.accent", lower, error);
}

CrmPaperSize
crm_templates_get_paper (CrmStore *store)
{
  g_autofree char *value = crm_store_get_setting (store, "print.paper");

  return g_strcmp0 (value, "letter") == 0 ? CRM_PAPER_LETTER : CRM_PAPER_A4;
}

gboolean
crm_templates_set_paper (CrmStore      *store,
                         CrmPaperSize   paper,
                         GError       **error)
{
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (paper != CRM_PAPER_A4 && paper != CRM_PAPER_LETTER)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("There is no such paper size"));
      return FALSE;
    }
  return crm_store_set_setting (store, "print.paper", paper == CRM_PAPER_LETTER ? "letter" : "a4", error);
}

static gboolean
check_document_module (const char  *module,
                       GError     **error)
{
  if (module != NULL && g_strv_contains (document_modules, module))
    return TRUE;
  g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
               _("“%s” is not a document type with terms and conditions"), module ? module : "");
  return FALSE;
}

char *
crm_templates_dup_terms (CrmStore    *store,
                         const char  *module,
                         GError     **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  if (!check_document_module (module, error))
    return NULL;
  key = g_strconcat ("print.terms.", module, NULL);
  return crm_store_get_setting (store, key);
}

gboolean
crm_templates_set_terms (CrmStore    *store,
                         const char  *module,
                         const char  *terms,
                         GError     **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!check_document_module (module, error))
    return FALSE;
  key = g_strconcat ("print.terms.", module, NULL);
  return crm_store_set_setting (store, key, terms, error);
}

char *
crm_templates_dup_footer (CrmStore *store)
{
  return crm_store_get_setting (store, "print.footer");
}

gboolean
crm_templates_set_footer (CrmStore    *store,
                          const char  *footer,
                          GError     **error)
{
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  return crm_store_set_setting (store, "print.footer", footer, error);
}
