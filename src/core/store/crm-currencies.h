/* crm-currencies.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-query.h"
#include "crm-store.h"

G_BEGIN_DECLS

/*
 * More currencies than the home one, each with an exchange rate to the
 * home currency (DOMAIN.md §9.2).
 *
 * A rate says how many units of the home currency one unit of the other
 * currency buys, as an integer in millionths ("ppm"): with rupiah at home,
 * a dollar at Rp 16,000 is 16000000000; with dollars at home, a euro at
 * $1.08 is 1080000. The home currency's rate is always CRM_RATE_ONE.
 *
 * The money modules (deals, quotes, sales_orders, purchase_orders,
 * invoices, products, campaigns) have two fields for this: `currency`, a
 * pick list of the currency codes, and `exchange_rate`, a decimal with six
 * places holding the rate in ppm. Their money fields hold minor units of
 * the record's own currency. A new record gets the home currency and, in
 * another currency, that currency's rate of the day; changing a record's
 * currency takes the new currency's rate unless the same edit sets one.
 * Records from before schema 6 got the home currency and rate 1.
 *
 * Converting to the home currency, the one rounding rule:
 *
 *   home = round (amount × rate × 10^home_digits / (1000000 × 10^digits))
 *
 * rounded once, half away from zero (crm_round_div), per record; a total
 * in the home currency is the sum of the records' rounded home amounts,
 * so it equals the sum of the figures shown for each record.
 */

#define CRM_RATE_ONE G_GINT64_CONSTANT (1000000)

typedef struct
{
  char     *code;
  gint64    rate;     /* ppm, see above */
  gboolean  active;
  gboolean  home;
} CrmCurrencyRate;

void                crm_currency_rate_free          (CrmCurrencyRate *rate);

/* The modules that have currency and exchange_rate fields. */
const char * const *crm_currencies_money_modules    (void);

/* Home currency first, then the others by code. */
GPtrArray          *crm_currencies_list             (CrmStore      *store,
                                                     GError       **error);
gboolean            crm_currencies_add              (CrmStore      *store,
                                                     const char    *code,
                                                     gint64         rate,
                                                     GError       **error);
gboolean            crm_currencies_set_rate         (CrmStore      *store,
                                                     const char    *code,
                                                     gint64         rate,
                                                     GError       **error);
/* An inactive currency stays on the records that have it but cannot be
 * chosen for a new record or a changed one. */
gboolean            crm_currencies_set_active       (CrmStore      *store,
                                                     const char    *code,
                                                     gboolean       active,
                                                     GError       **error);
/* The rate of `code` (CRM_RATE_ONE for the home currency); NOT_FOUND when
 * the currency was never added. */
gboolean            crm_currencies_get_rate         (CrmStore      *store,
                                                     const char    *code,
                                                     gint64        *rate,
                                                     GError       **error);
/* The home currency can change only while no other currency is added
 * (it is fixed from then on, as in DOMAIN.md §9.2); records that had the
 * old home code get the new one: their amounts are relabelled, not
 * converted. crm_company_save() calls this when home_currency changed. */
gboolean            crm_currencies_set_home         (CrmStore      *store,
                                                     const char    *code,
                                                     GError       **error);

/* "16000", "1.08", "0.000063": up to six decimals, more than zero. */
gboolean            crm_exchange_rate_parse         (const char    *text,
                                                     gint64        *rate,
                                                     GError       **error);
/* Plain text without trailing zeros: "16000", "1.08". */
char               *crm_exchange_rate_format        (gint64         rate);

/* The rounding rule above. `amount` is in minor units of `currency`, the
 * result in minor units of `home`. Fails only when the result does not fit. */
gboolean            crm_money_to_home               (gint64         amount,
                                                     const char    *currency,
                                                     gint64         rate,
                                                     const char    *home,
                                                     gint64        *home_amount,
                                                     GError       **error);
/* The record's currency: its `currency` field, or the home currency. */
char               *crm_currencies_dup_record_currency (CrmStore   *store,
                                                     CrmRecord     *record);
/* One money field of a record in the home currency, at the record's own
 * rate; an empty amount counts as 0. */
gboolean            crm_currencies_record_to_home   (CrmStore      *store,
                                                     CrmRecord     *record,
                                                     const char    *field,
                                                     gint64        *home_amount,
                                                     GError       **error);
/* A money field shown in the record's own currency ("€1,200.00"). */
char               *crm_currencies_format_amount    (CrmStore      *store,
                                                     CrmRecord     *record,
                                                     const char    *field);
/* The sum of a money field over every record the query selects, in the
 * home currency (list and Kanban totals). */
gboolean            crm_currencies_sum_home         (CrmStore      *store,
                                                     CrmQuery      *query,
                                                     const char    *field,
                                                     gint64        *total,
                                                     GError       **error);

/* Registers the write hook that gives new records their currency and
 * rate and refuses inactive currencies. Idempotent; crm_setup_attach()
 * calls it. */
void                crm_currencies_attach           (CrmStore      *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmCurrencyRate, crm_currency_rate_free)

G_END_DECLS
