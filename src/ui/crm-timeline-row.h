/* crm-timeline-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-related.h"

G_BEGIN_DECLS

/* "Just now", "5 minutes ago", "Yesterday", "3 days ago", then a date. */
char      *crm_format_relative_time  (gint64             time,
                                      gint64             now);
/* The date and time in full, for tooltips. */
char      *crm_format_full_time      (gint64             time);

/* A row for one timeline entry: an icon for its kind, what happened,
 * who did it and when. Activity rows are activatable and carry the
 * activity's module and id as "module" / "record-id" object data. */
GtkWidget *crm_timeline_row_new      (CrmStore          *store,
                                      const char        *module,
                                      CrmTimelineEntry  *entry,
                                      gint64             now);

G_END_DECLS
