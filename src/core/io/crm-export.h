/* crm-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crm-query.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* CSV export (RFC 4180, UTF-8 without byte order mark, CRLF): a header row
 * of field api names, then one row per record with the module's visible
 * fields as plain text: money and numbers as "1234.50", dates as ISO 8601,
 * lookups as the record's name and owners as the user's name, so that the
 * file imports into another database. The file is written under a temporary
 * name and renamed when complete: a failed export leaves no file behind and
 * an existing file untouched. */

/* The records @query selects, in its order. */
gboolean   crm_export_csv       (CrmStore      *store,
                                 CrmQuery      *query,
                                 const char    *path,
                                 GError       **error);
/* The given records, in the given order (a mass action on a selection);
 * ids that do not exist are left out. */
gboolean   crm_export_csv_ids   (CrmStore      *store,
                                 const char    *module,
                                 const gint64  *ids,
                                 guint          n_ids,
                                 const char    *path,
                                 GError       **error);
/* The fields an export writes, in order (CrmField*, borrowed from @module). */
GPtrArray *crm_export_fields    (CrmModule     *module);

G_END_DECLS
