/* crm-lookup-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_LOOKUP_ENTRY (crm_lookup_entry_get_type ())

G_DECLARE_FINAL_TYPE (CrmLookupEntry, crm_lookup_entry, CRM, LOOKUP_ENTRY, AdwBin)

/* A button showing the name of the record a lookup field points at; it
 * opens a popover that searches the target module. "value" is the record
 * id, 0 for none. */
GtkWidget  *crm_lookup_entry_new          (CrmStore       *store,
                                           const char     *module);
const char *crm_lookup_entry_get_module   (CrmLookupEntry *self);
gint64      crm_lookup_entry_get_value    (CrmLookupEntry *self);
void        crm_lookup_entry_set_value    (CrmLookupEntry *self,
                                           gint64          id);
void        crm_lookup_entry_popup        (CrmLookupEntry *self);
/* What the button is for ("Account Name"), for assistive technology. */
void        crm_lookup_entry_set_accessible_name (CrmLookupEntry *self,
                                           const char     *name);
/* Runs a search now, as typing into the popover's entry would after its
 * delay. */
void        crm_lookup_entry_search       (CrmLookupEntry *self,
                                           const char     *text);
/* The results shown, for keyboard handling and tests. */
GtkListBox *crm_lookup_entry_get_results  (CrmLookupEntry *self);

G_END_DECLS
