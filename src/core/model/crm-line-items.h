/* crm-line-items.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Totals of a quote, sales order, purchase order or invoice.
 *
 * Units: money in minor units of the document's currency, quantities in
 * thousandths (1500 = 1.5), percentages in basis points (1% = 100).
 *
 * The rounding rule, the only one: every multiplication is rounded on its
 * own line, half away from zero, to whole minor units, and the rounded
 * values are then summed. So a line shows exactly the figures that add up
 * to the document, and 0.5 rounds to 1 and -0.5 to -1 (crm_round_div()).
 *
 * Per line:
 *   amount          = round (quantity × list_price / 1000)
 *   discount_amount = round (amount × discount / 10000)   PERCENT
 *                   = discount                            AMOUNT
 *                   = 0                                   NONE
 *   net             = amount − discount_amount
 *   tax             = round (net × tax_rate / 10000)
 *   total           = net + tax
 *
 * Document:
 *   sub_total       = Σ net
 *   discount_amount = round (sub_total × discount / 10000) or the amount
 *   tax             = Σ line tax
 *   grand_total     = sub_total − discount_amount + tax + adjustment
 *
 * The document discount does not change the tax base: tax is always the
 * sum of the line taxes, computed before the document discount, which acts
 * like a settlement discount taken off after tax. A discount that should
 * reduce tax belongs on the lines.
 *
 * Refused with a CRM_LINE_ITEMS_ERROR, leaving the output untouched: a
 * quantity of zero or less, a negative price, a negative discount, a percent
 * discount over 100%, an amount discount larger than the line amount (or,
 * for the document, than the sub total), a tax rate below 0% or over 100%,
 * and any result that would not fit in a gint64.
 */

#define CRM_LINE_ITEMS_ERROR (crm_line_items_error_quark ())

typedef enum
{
  CRM_LINE_ITEMS_ERROR_QUANTITY,
  CRM_LINE_ITEMS_ERROR_PRICE,
  CRM_LINE_ITEMS_ERROR_DISCOUNT,
  CRM_LINE_ITEMS_ERROR_TAX_RATE,
  CRM_LINE_ITEMS_ERROR_OVERFLOW,
} CrmLineItemsError;

typedef enum
{
  CRM_DISCOUNT_NONE,
  CRM_DISCOUNT_PERCENT,
  CRM_DISCOUNT_AMOUNT,
} CrmDiscountKind;

typedef struct
{
  /* input */
  gint64          quantity;         /* thousandths: 1500 = 1.5 */
  gint64          list_price;       /* minor units per unit */
  CrmDiscountKind discount_kind;
  gint64          discount;         /* basis points for PERCENT, minor units for AMOUNT */
  gint32          tax_rate;         /* basis points: 11% = 1100 */

  /* results */
  gint64          amount;
  gint64          discount_amount;
  gint64          net;
  gint64          tax;
  gint64          total;
} CrmLineItem;

typedef struct
{
  gint64          sub_total;        /* result */

  CrmDiscountKind discount_kind;    /* input */
  gint64          discount;         /* input: basis points or minor units */
  gint64          discount_amount;  /* result */

  gint64          tax;              /* result */
  gint64          adjustment;       /* input, may be negative */
  gint64          grand_total;      /* result */
} CrmTotals;

GQuark   crm_line_items_error_quark (void);

gboolean crm_line_item_compute      (CrmLineItem  *line,
                                     GError      **error);
gboolean crm_totals_compute         (CrmLineItem  *lines,
                                     guint         n_lines,
                                     CrmTotals    *totals,
                                     GError      **error);
gint64   crm_round_div              (gint64        numerator,
                                     gint64        denominator);

G_END_DECLS
