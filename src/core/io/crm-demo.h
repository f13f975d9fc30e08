/* crm-demo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_DEMO_ERROR (crm_demo_error_quark ())

typedef enum
{
  CRM_DEMO_ERROR_NOT_EMPTY,   /* the database already holds records */
} CrmDemoError;

/* Records the sample holds at scale 1; crm_demo_fill multiplies each by
 * its scale. */
#define CRM_DEMO_N_USERS            4   /* sales people added as owners */
#define CRM_DEMO_N_VENDORS         10
#define CRM_DEMO_N_PRODUCTS        50
#define CRM_DEMO_N_PRICE_BOOKS      3
#define CRM_DEMO_N_CAMPAIGNS       12
#define CRM_DEMO_N_ACCOUNTS       200
#define CRM_DEMO_N_CONTACTS       500
#define CRM_DEMO_N_LEADS          300
#define CRM_DEMO_N_DEALS          150
#define CRM_DEMO_N_TASKS          150
#define CRM_DEMO_N_EVENTS          80
#define CRM_DEMO_N_CALLS          120
#define CRM_DEMO_N_QUOTES          20
#define CRM_DEMO_N_SALES_ORDERS    12
#define CRM_DEMO_N_PURCHASE_ORDERS  8
#define CRM_DEMO_N_INVOICES        15

GQuark    crm_demo_error_quark     (void);

/* Whether no module holds a record, live or in the recycle bin. */
gboolean  crm_demo_store_is_empty  (CrmStore  *store,
                                    gboolean  *empty,
                                    GError   **error);

/* Fills an empty database with a realistic, deterministic sample through
 * the core API, as ONE change set (one transaction, one Undo step).
 * Refuses a database that already holds records (CRM_DEMO_ERROR_NOT_EMPTY)
 * and then changes nothing. Dates lie around today; names, amounts and
 * links are the same on every run. */
gboolean  crm_demo_fill            (CrmStore  *store,
                                    guint      scale,
                                    GError   **error);

/* Quotes, sales orders, purchase orders and invoices for the accounts,
 * contacts, deals and vendors already in the store. crm_demo_fill calls
 * it inside its change set with its own GRand; alone it makes its own
 * change set. The place to add line items to the sample documents. */
gboolean  crm_demo_fill_documents  (CrmStore  *store,
                                    GRand     *rand,
                                    guint      scale,
                                    GError   **error);

/* Appends `n` generated leads fast, for benchmarks: one prepared INSERT
 * in one transaction. A load of 10,000 rows or more that is larger than
 * the table builds the table's indexes and the leads' search index once
 * at the end; a smaller one indexes its own rows. The rows form an import
 * batch, so one Undo removes them all. G_MESSAGES_DEBUG=crm-demo prints
 * the time of each phase. */
gboolean  crm_demo_fill_leads      (CrmStore  *store,
                                    guint      n,
                                    GError   **error);

G_END_DECLS
