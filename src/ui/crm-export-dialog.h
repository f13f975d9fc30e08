/* crm-export-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-query.h"
#include "crm-window.h"

G_BEGIN_DECLS

/* Asks for a file and writes the records there as CSV in a worker thread
 * (on its own connection, so the window stays responsive at a million
 * rows). Either the records a query selects or the given ids. The file is
 * written next to the target and moved over it only when complete.
 * Reports the outcome as a toast or an error dialog. */
void      crm_export_run            (CrmWindow           *window,
                                     const char          *module,
                                     CrmQuery            *query,
                                     GArray              *ids,
                                     const char * const  *columns);
/* The same without asking (for tests); callback gets the number of rows
 * or an error through crm_export_to_file_finish(). */
void      crm_export_to_file        (CrmStore            *store,
                                     const char          *module,
                                     CrmQuery            *query,
                                     GArray              *ids,
                                     const char * const  *columns,
                                     GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gint64    crm_export_to_file_finish (GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
