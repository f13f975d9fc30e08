/* crm-convert.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/* Lead conversion (DOMAIN.md §3): a Contact always (new or existing), an
 * Account when the lead has a company (new or existing), a Deal when
 * asked. One transaction; the lead keeps its row, marked converted, with
 * links to what it became. */

typedef struct
{
  gint64      account_id;    /* 0: match by company name, else create */
  gint64      contact_id;    /* 0: match by email, else create */
  gboolean    create_deal;
  const char *deal_name;     /* NULL: the company or the lead's name */
  const char *closing_date;  /* "YYYY-MM-DD"; NULL: 30 days from today */
  const char *stage;         /* NULL: the first stage */
  gint64      amount;        /* minor units; < 0: none */
  gint64      owner_id;      /* 0: the lead's owner */
} CrmConvertOptions;

typedef struct
{
  gint64 account_id;
  gint64 contact_id;
  gint64 deal_id;
  guint  account_created : 1;
  guint  contact_created : 1;
} CrmConvertResult;

/* The existing account and contact a conversion would attach to (0 = none). */
gboolean     crm_store_find_conversion_matches (CrmStore                *store,
                                                gint64                   lead_id,
                                                gint64                  *account_id,
                                                gint64                  *contact_id,
                                                GError                 **error);
gboolean     crm_store_convert_lead            (CrmStore                *store,
                                                gint64                   lead_id,
                                                const CrmConvertOptions *options,
                                                CrmConvertResult        *result,
                                                GError                 **error);

/* The field mapping: lead field -> targets like "contacts.title". The
 * defaults follow DOMAIN.md §3; Setup edits them (kept in settings). */
GStrv        crm_convert_get_targets           (CrmStore                *store,
                                                const char              *lead_field);
gboolean     crm_convert_set_targets           (CrmStore                *store,
                                                const char              *lead_field,
                                                const char * const      *targets,
                                                GError                 **error);

G_END_DECLS
