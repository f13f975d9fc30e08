/* crm-print.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

/*
 * Printing and PDF export of quotes, sales orders, purchase orders and
 * invoices, for the window actions win.print-record (sx) and
 * win.export-pdf (sx). Both lay the pages out with the one renderer in
 * src/core/print, so the printout, its preview and the PDF are the same.
 * Errors are shown in a dialog on @parent.
 */

/* GtkPrintOperation with the print dialog (which offers Preview). */
void     crm_print_record            (GtkWindow   *parent,
                                      CrmStore    *store,
                                      const char  *module,
                                      gint64       id);
/* Asks for a file name (GtkFileChooserNative), then writes the PDF. */
void     crm_export_record_pdf       (GtkWindow   *parent,
                                      CrmStore    *store,
                                      const char  *module,
                                      gint64       id);
/* Writes the PDF without asking; for tests and scripted use. */
gboolean crm_export_record_pdf_to    (CrmStore    *store,
                                      const char  *module,
                                      gint64       id,
                                      GFile       *file,
                                      GError     **error);
/* The print operation crm_print_record() runs, set up but not run. */
GtkPrintOperation *crm_print_operation_new (CrmStore    *store,
                                      const char  *module,
                                      gint64       id,
                                      GError     **error);

G_END_DECLS
