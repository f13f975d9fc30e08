/* crm-mass.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crm-query.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* Actions on many records at once. Each runs as ONE change set, so one
 * Undo reverts all of it, and either changes every record or none. They
 * return the change id (for an Undo button), or 0 with an error that names
 * the record that failed. */
gint64    crm_store_mass_update       (CrmStore            *store,
                                       const char          *module,
                                       const gint64        *ids,
                                       guint                n_ids,
                                       const char          *field,
                                       GVariant            *value,
                                       GError             **error);
/* Moves the records to the recycle bin. */
gint64    crm_store_mass_delete       (CrmStore            *store,
                                       const char          *module,
                                       const gint64        *ids,
                                       guint                n_ids,
                                       GError             **error);
/* Brings records back from the recycle bin. */
gint64    crm_store_mass_restore      (CrmStore            *store,
                                       const char          *module,
                                       const gint64        *ids,
                                       guint                n_ids,
                                       GError             **error);

/* Writes the records (in the given order) as CSV: a header of field labels,
 * then one row per record. Values are plain (ISO dates, "1234.50"), except
 * lookups and owners, which are written by name so that the file reads
 * well and imports again. fields NULL: the module's list columns. Records
 * that no longer exist are skipped. *n_written (may be NULL) counts rows. */
gboolean  crm_store_export_csv        (CrmStore            *store,
                                       const char          *module,
                                       const gint64        *ids,
                                       guint                n_ids,
                                       const char * const  *fields,
                                       GOutputStream       *out,
                                       GCancellable        *cancellable,
                                       guint64             *n_written,
                                       GError             **error);
/* The same for every record a query selects, in its order. */
gboolean  crm_store_export_query_csv  (CrmStore            *store,
                                       CrmQuery            *query,
                                       const char * const  *fields,
                                       GOutputStream       *out,
                                       GCancellable        *cancellable,
                                       guint64             *n_written,
                                       GError             **error);

G_END_DECLS
