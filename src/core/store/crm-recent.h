/* crm-recent.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/* How many viewed records are kept per user. */
#define CRM_RECENT_MAX 50

typedef struct
{
  char   *module;
  gint64  id;
  char   *title;
  gint64  time;     /* Unix seconds: when it was viewed or changed */
} CrmRecentRecord;

void        crm_recent_record_free             (CrmRecentRecord  *recent);

/* Remembers that the current user opened a record. */
gboolean    crm_store_mark_viewed              (CrmStore         *store,
                                                const char       *module,
                                                gint64            id,
                                                GError          **error);
/* The current user's most recently opened live records, newest first. */
GPtrArray  *crm_store_list_recently_viewed     (CrmStore         *store,
                                                guint             limit,
                                                GError          **error);
/* The live records created, edited or restored most recently by anyone,
 * newest first, each once. Read from the history, so bulk imports (which
 * record one history entry per batch) do not show up here. */
GPtrArray  *crm_store_list_recently_modified   (CrmStore         *store,
                                                guint             limit,
                                                GError          **error);

G_END_DECLS
