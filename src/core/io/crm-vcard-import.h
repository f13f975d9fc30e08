/* crm-vcard-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-query.h"
#include "crm-store.h"

G_BEGIN_DECLS

/*
 * vCard files into and out of Contacts or Leads.
 *
 * Import maps: N to first name (given and middle names) and last name
 * (the formatted name, organisation or email when the card has no family
 * name), the prefix to Salutation when it is one of its values; ORG to the
 * contact's account (found by name, or created) or the lead's Company,
 * with the department; TITLE; the first two EMAILs to Email and Secondary
 * Email; TELs by kind (cell to Mobile, fax to Fax, home to Home Phone,
 * work and unnamed ones to Phone, others to Other Phone, then to whatever
 * phone field is free), stored as written (the search index matches them
 * by digits); the first ADR to the mailing (contacts) or lead address;
 * BDAY to Date of Birth; URL to Website; NOTE to Description.
 *
 * One import is one change set of action "import": every record it
 * creates, accounts included, carries the change id as import_batch, and
 * one Undo removes them all. A card that cannot be saved is skipped and
 * reported. Nothing of a saved card is lost: a text longer than its field
 * is shortened, and what no field takes (a third email, a sixth phone, a
 * second address, a phone number the field refuses such as "ext. 102")
 * is added to the description; each with a message in the report.
 */

typedef struct
{
  guint      read;              /* cards in the file */
  guint      created;
  guint      failed;            /* cards skipped */
  guint      accounts_created;
  GPtrArray *messages;          /* char*, "Card 3 (John Doe): ..." */
  gint64     change_id;         /* crm_store_undo_change() undoes the import; 0 if nothing was written */
} CrmVcardImportReport;

void      crm_vcard_import_report_free (CrmVcardImportReport  *report);

/* module: "contacts" or "leads". FALSE with error when the file cannot
 * be read or parsed (nothing written); otherwise TRUE, even when every
 * card was skipped. */
gboolean  crm_vcard_import             (CrmStore              *store,
                                        const char            *module,
                                        const char            *path,
                                        CrmVcardImportReport **report,
                                        GError               **error);

/* Writes vCard 4.0 for the records `ids` (in that order) or, when ids is
 * NULL, those `query` selects, or, when both are NULL, every live record
 * of the module. The file is written whole or not at all, readable by the
 * user only. n_exported (optional) gets the number of cards. */
gboolean  crm_vcard_export             (CrmStore              *store,
                                        const char            *module,
                                        const gint64          *ids,
                                        guint                  n_ids,
                                        CrmQuery              *query,
                                        const char            *path,
                                        guint                 *n_exported,
                                        GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmVcardImportReport, crm_vcard_import_report_free)

G_END_DECLS
