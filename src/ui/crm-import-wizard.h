/* crm-import-wizard.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_IMPORT_WIZARD (crm_import_wizard_get_type ())

G_DECLARE_FINAL_TYPE (CrmImportWizard, crm_import_wizard, CRM, IMPORT_WIZARD, AdwWindow)

/* The CSV import: file → column mapping (with a preview of the first
 * rows) → duplicate handling → dry-run report → import with progress and
 * Cancel. A cancelled import writes nothing. */
GtkWidget  *crm_import_wizard_new       (GtkWindow       *parent,
                                         CrmStore        *store,
                                         const char      *module);
/* What choosing a file in the first step does; for tests too. */
gboolean    crm_import_wizard_set_file  (CrmImportWizard *self,
                                         const char      *path,
                                         GError         **error);
/* "file", "mapping", "duplicates", "report", "progress", "done" */
const char *crm_import_wizard_get_step  (CrmImportWizard *self);

G_END_DECLS
