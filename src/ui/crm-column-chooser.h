/* crm-column-chooser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crm-module.h"

G_BEGIN_DECLS

#define CRM_TYPE_COLUMN_CHOOSER (crm_column_chooser_get_type ())

G_DECLARE_FINAL_TYPE (CrmColumnChooser, crm_column_chooser, CRM, COLUMN_CHOOSER, GtkWidget)

/* Which fields a list shows, and in which order: a check box per field and
 * Move Up / Move Down buttons, all usable from the keyboard. Emits
 * ::changed on every edit and ::reset for "Reset to Default". */
GtkWidget  *crm_column_chooser_new          (CrmModule          *module);
void        crm_column_chooser_set_columns  (CrmColumnChooser   *self,
                                             const char * const *columns);
char      **crm_column_chooser_dup_columns  (CrmColumnChooser   *self);
/* Shows or hides one field, as a click on its check box would. */
void        crm_column_chooser_set_shown    (CrmColumnChooser   *self,
                                             const char         *field,
                                             gboolean            shown);
/* Moves a shown field by `delta` places, as the arrow buttons do. */
void        crm_column_chooser_move         (CrmColumnChooser   *self,
                                             const char         *field,
                                             int                 delta);

G_END_DECLS
