/* crm-line-items.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-line-items"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-line-items.h"

G_DEFINE_QUARK (crm-line-items-error-quark, crm_line_items_error)

#define QUANTITY_SCALE 1000
#define BASIS_POINTS   10000

/* line_no 0 means a line on its own, outside a document: the messages then
 * read as sentences instead of "Line 3: ..." */
static void
set_line_error (GError            **error,
                guint               line_no,
                CrmLineItemsError   code,
                const char         *message,
                const char         *numbered_format)
{
  if (line_no > 0)
    g_set_error (error, CRM_LINE_ITEMS_ERROR, code, numbered_format, line_no);
  else
    g_set_error_literal (error, CRM_LINE_ITEMS_ERROR, code, message);
}

/* Half away from zero. A 128-bit numerator lets callers multiply two
 * gint64 first; FALSE when the quotient does not fit in a gint64. */
static gboolean
round_div_128 (__int128  numerator,
               gint64    denominator,
               gint64   *out)
{
  __int128 q = numerator / denominator;
  __int128 r = numerator % denominator;
  __int128 abs_r = r < 0 ? -r : r;
  __int128 abs_d = denominator < 0 ? -(__int128)denominator : denominator;

  if (2 * abs_r >= abs_d)
    q += ((numerator < 0) != (denominator < 0)) ? -1 : 1;

  if (q > G_MAXINT64 || q < G_MININT64)
    return FALSE;

  *out = (gint64)q;
  return TRUE;
}

static gboolean
compute_line (CrmLineItem  *line,
              guint         line_no,
              GError      **error)
{
  gint64 amount = 0, discount_amount = 0, net, tax = 0, total;

  if (line->quantity <= 0)
    {
      set_line_error (error, line_no, CRM_LINE_ITEMS_ERROR_QUANTITY,
                      _("The quantity must be greater than zero"),
                      _("Line %u: the quantity must be greater than zero"));
      return FALSE;
    }

  if (line->list_price < 0)
    {
      set_line_error (error, line_no, CRM_LINE_ITEMS_ERROR_PRICE,
                      _("The price cannot be negative"),
                      _("Line %u: the price cannot be negative"));
      return FALSE;
    }

  if (line->tax_rate < 0 || line->tax_rate > BASIS_POINTS)
    {
      set_line_error (error, line_no, CRM_LINE_ITEMS_ERROR_TAX_RATE,
                      /* xgettext:no-c-format */
                      _("The tax rate must be between 0% and 100%"),
                      _("Line %u: the tax rate must be between 0%% and 100%%"));
      return FALSE;
    }

  if (line->discount_kind != CRM_DISCOUNT_NONE && line->discount < 0)
    {
      set_line_error (error, line_no, CRM_LINE_ITEMS_ERROR_DISCOUNT,
                      _("The discount cannot be negative"),
                      _("Line %u: the discount cannot be negative"));
      return FALSE;
    }

  if (!round_div_128 ((__int128)line->quantity * line->list_price, QUANTITY_SCALE, &amount))
    goto overflow;

  switch (line->discount_kind)
    {
    case CRM_DISCOUNT_NONE:
      discount_amount = 0;
      break;

    case CRM_DISCOUNT_PERCENT:
      if (line->discount > BASIS_POINTS)
        {
          set_line_error (error, line_no, CRM_LINE_ITEMS_ERROR_DISCOUNT,
                          _("The discount cannot be more than 100%"),
                          _("Line %u: the discount cannot be more than 100%%"));
          return FALSE;
        }
      /* at most amount, so it fits */
      round_div_128 ((__int128)amount * line->discount, BASIS_POINTS, &discount_amount);
      break;

    case CRM_DISCOUNT_AMOUNT:
      if (line->discount > amount)
        {
          set_line_error (error, line_no, CRM_LINE_ITEMS_ERROR_DISCOUNT,
                          _("The discount is larger than the line amount"),
                          _("Line %u: the discount is larger than the line amount"));
          return FALSE;
        }
      discount_amount = line->discount;
      break;

    default:
      set_line_error (error, line_no, CRM_LINE_ITEMS_ERROR_DISCOUNT,
                      _("Unknown kind of discount"),
                      _("Line %u: unknown kind of discount"));
      return FALSE;
    }

  net = amount - discount_amount;
  round_div_128 ((__int128)net * line->tax_rate, BASIS_POINTS, &tax);

  if (__builtin_add_overflow (net, tax, &total))
    goto overflow;

  line->amount = amount;
  line->discount_amount = discount_amount;
  line->net = net;
  line->tax = tax;
  line->total = total;
  return TRUE;

overflow:
  set_line_error (error, line_no, CRM_LINE_ITEMS_ERROR_OVERFLOW,
                  _("The amounts are too large to compute"),
                  _("Line %u: the amounts are too large to compute"));
  return FALSE;
}

static gboolean
compute_document_discount (const CrmTotals  *totals,
                           gint64            sub_total,
                           gint64           *out,
                           GError          **error)
{
  if (totals->discount_kind != CRM_DISCOUNT_NONE && totals->discount < 0)
    {
      g_set_error_literal (error, CRM_LINE_ITEMS_ERROR, CRM_LINE_ITEMS_ERROR_DISCOUNT,
                           _("The document discount cannot be negative"));
      return FALSE;
    }

  switch (totals->discount_kind)
    {
    case CRM_DISCOUNT_NONE:
      *out = 0;
      return TRUE;

    case CRM_DISCOUNT_PERCENT:
      if (totals->discount > BASIS_POINTS)
        {
          g_set_error_literal (error, CRM_LINE_ITEMS_ERROR, CRM_LINE_ITEMS_ERROR_DISCOUNT,
                               _("The document discount cannot be more than 100%"));
          return FALSE;
        }
      /* at most sub_total, so it fits */
      round_div_128 ((__int128)sub_total * totals->discount, BASIS_POINTS, out);
      return TRUE;

    case CRM_DISCOUNT_AMOUNT:
      if (totals->discount > sub_total)
        {
          g_set_error_literal (error, CRM_LINE_ITEMS_ERROR, CRM_LINE_ITEMS_ERROR_DISCOUNT,
                               _("The document discount is larger than the sub total"));
          return FALSE;
        }
      *out = totals->discount;
      return TRUE;

    default:
      g_set_error_literal (error, CRM_LINE_ITEMS_ERROR, CRM_LINE_ITEMS_ERROR_DISCOUNT,
                           _("Unknown kind of document discount"));
      return FALSE;
    }
}

/**
 * crm_round_div:
 *
 * Returns: @numerator / @denominator rounded half away from zero:
 *   5 / 2 = 3, -5 / 2 = -3, 4 / 3 = 1
 */
gint64
crm_round_div (gint64 numerator,
               gint64 denominator)
{
  gint64 result = 0;

  g_return_val_if_fail (denominator != 0, 0);
  /* the only quotient that does not fit */
  g_return_val_if_fail (numerator != G_MININT64 || denominator != -1, 0);

  round_div_128 (numerator, denominator, &result);
  return result;
}

/**
 * crm_line_item_compute:
 * @line: a line with its inputs set; its results are filled in
 *
 * Returns: %TRUE on success; on error @line is left untouched
 */
gboolean
crm_line_item_compute (CrmLineItem  *line,
                       GError      **error)
{
  CrmLineItem work;

  g_return_val_if_fail (line != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  work = *line;
  if (!compute_line (&work, 0, error))
    return FALSE;

  *line = work;
  return TRUE;
}

/**
 * crm_totals_compute:
 * @lines: (array length=n_lines): the document's lines; their results are
 *   filled in
 * @totals: discount_kind, discount and adjustment set; the rest is filled in
 *
 * Errors name the 1-based line. On error neither @lines nor @totals change.
 */
gboolean
crm_totals_compute (CrmLineItem  *lines,
                    guint         n_lines,
                    CrmTotals    *totals,
                    GError      **error)
{
  g_autofree CrmLineItem *work = NULL;
  gint64 sub_total = 0;
  gint64 tax = 0;
  gint64 discount_amount = 0;
  gint64 grand_total;

  g_return_val_if_fail (lines != NULL || n_lines == 0, FALSE);
  g_return_val_if_fail (totals != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* computed on a copy so that a bad line 7 leaves lines 1-6 as they were */
  work = g_memdup2 (lines, sizeof *lines * n_lines);

  for (guint i = 0; i < n_lines; i++)
    {
      if (!compute_line (&work[i], i + 1, error))
        return FALSE;

      if (__builtin_add_overflow (sub_total, work[i].net, &sub_total) ||
          __builtin_add_overflow (tax, work[i].tax, &tax))
        goto overflow;
    }

  if (!compute_document_discount (totals, sub_total, &discount_amount, error))
    return FALSE;

  if (__builtin_sub_overflow (sub_total, discount_amount, &grand_total) ||
      __builtin_add_overflow (grand_total, tax, &grand_total) ||
      __builtin_add_overflow (grand_total, totals->adjustment, &grand_total))
    goto overflow;

  if (n_lines > 0)
    memcpy (lines, work, sizeof *lines * n_lines);

  totals->sub_total = sub_total;
  totals->discount_amount = discount_amount;
  totals->tax = tax;
  totals->grand_total = grand_total;
  return TRUE;

overflow:
  g_set_error_literal (error, CRM_LINE_ITEMS_ERROR, CRM_LINE_ITEMS_ERROR_OVERFLOW,
                       _("The document totals are too large to compute"));
  return FALSE;
}
