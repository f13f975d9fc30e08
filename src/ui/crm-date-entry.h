/* crm-date-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRM_TYPE_DATE_ENTRY (crm_date_entry_get_type ())

G_DECLARE_FINAL_TYPE (CrmDateEntry, crm_date_entry, CRM, DATE_ENTRY, AdwBin)

/* A button showing a date (and with `with_time`, a time of day) that opens
 * a calendar popover. The value is a local GDateTime or none. */
GtkWidget  *crm_date_entry_new         (gboolean      with_time);
gboolean    crm_date_entry_get_with_time (CrmDateEntry *self);
/* (transfer none) (nullable) */
GDateTime  *crm_date_entry_get_date    (CrmDateEntry *self);
void        crm_date_entry_set_date    (CrmDateEntry *self,
                                        GDateTime    *date);
/* "YYYY-MM-DD" (transfer full), or NULL when empty. */
char       *crm_date_entry_dup_iso_date (CrmDateEntry *self);
/* Parses "YYYY-MM-DD"; NULL or "" clears. */
void        crm_date_entry_set_iso_date (CrmDateEntry *self,
                                        const char   *iso);
void        crm_date_entry_popup       (CrmDateEntry *self);
/* What the button is for ("Closing Date"), for assistive technology. */
void        crm_date_entry_set_accessible_name (CrmDateEntry *self,
                                        const char   *name);

G_END_DECLS
