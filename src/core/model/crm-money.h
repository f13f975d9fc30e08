/* crm-money.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Money is a gint64 count of the currency's minor units (cents, fils...),
 * decimals (quantities) a gint64 scaled by 10^scale. No floating point is
 * ever involved: text is parsed digit by digit and every overflow is an
 * error.
 *
 * Display text follows the current locale's LC_MONETARY (money) or
 * LC_NUMERIC (decimals) separators and grouping, falling back to "." and ","
 * with groups of three when the locale leaves them empty (the C locale).
 * The currency symbol comes from our own table, not from the locale, and
 * always precedes the amount: "Rp 1.234.567", "$1,234.50", "-RM 5.00".
 *
 * "Plain" text ("1234.50", "-3.00") ignores the locale: use it for CSV,
 * storage and anything read back by a program.
 *
 * Parsing rejects more decimals than the currency (or scale) has rather than
 * rounding; extra decimals that are all zero ("5.000,00" for rupiah) lose
 * nothing and are accepted.
 */

#define CRM_MONEY_ERROR (crm_money_error_quark ())

typedef enum
{
  CRM_MONEY_ERROR_INVALID,
  CRM_MONEY_ERROR_PRECISION,
  CRM_MONEY_ERROR_RANGE,
} CrmMoneyError;

GQuark              crm_money_error_quark    (void);

/* Unknown codes: is_known is FALSE, digits 2, symbol and name NULL. */
gboolean            crm_currency_is_known    (const char  *code);
int                 crm_currency_get_digits  (const char  *code);
const char         *crm_currency_get_symbol  (const char  *code);
const char         *crm_currency_get_name    (const char  *code);
const char * const *crm_currency_list_codes  (void);

char               *crm_money_format         (gint64       minor,
                                              const char  *code);
char               *crm_money_format_plain   (gint64       minor,
                                              const char  *code);
gboolean            crm_money_parse          (const char  *text,
                                              const char  *code,
                                              gint64      *out_minor,
                                              GError     **error);
gboolean            crm_money_parse_plain    (const char  *text,
                                              const char  *code,
                                              gint64      *out_minor,
                                              GError     **error);

char               *crm_decimal_format_plain (gint64       value,
                                              int          scale);
char               *crm_decimal_format       (gint64       value,
                                              int          scale);
gboolean            crm_decimal_parse        (const char  *text,
                                              int          scale,
                                              gint64      *out,
                                              GError     **error);
gboolean            crm_decimal_parse_plain  (const char  *text,
                                              int          scale,
                                              gint64      *out,
                                              GError     **error);

G_END_DECLS
