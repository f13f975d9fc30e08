/* crm-privacy.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crm-store.h"

G_BEGIN_DECLS

/*
 * Privacy (GDPR, DOMAIN.md §8): switched on per module (Leads, Contacts,
 * Accounts in the Setup window); fields flagged as personal (names,
 * emails, phones, addresses, date of birth by default); per record the
 * data source, the processing basis and consent details; export of a
 * record's personal data as JSON; erasure that leaves no personal value
 * anywhere in the database.
 */

typedef enum
{
  CRM_PRIVACY_BASIS_NOT_APPLICABLE,      /* the default */
  CRM_PRIVACY_BASIS_LEGITIMATE_INTERESTS,
  CRM_PRIVACY_BASIS_VITAL_INTERESTS,
  CRM_PRIVACY_BASIS_PUBLIC_INTEREST,
  CRM_PRIVACY_BASIS_CONTRACT,
  CRM_PRIVACY_BASIS_LEGAL_OBLIGATION,
  CRM_PRIVACY_BASIS_CONSENT,
  CRM_PRIVACY_N_BASES
} CrmPrivacyBasis;

typedef struct
{
  char            *data_source;      /* "Import", "Manual", "Web form", ... */
  CrmPrivacyBasis  basis;
  gboolean         contact_email;    /* consent to be contacted through */
  gboolean         contact_phone;
  gboolean         contact_survey;
  char            *consent_date;     /* YYYY-MM-DD or NULL */
  char            *consent_remarks;
  gint64           modified_at;      /* 0: never set */
  gint64           erased_at;        /* 0: not erased */
} CrmPrivacyInfo;

const char     *crm_privacy_basis_get_label       (CrmPrivacyBasis  basis);
const char     *crm_privacy_basis_to_string       (CrmPrivacyBasis  basis);
gboolean        crm_privacy_basis_from_string     (const char      *text,
                                                   CrmPrivacyBasis *basis);

CrmPrivacyInfo *crm_privacy_info_new              (void);
void            crm_privacy_info_free             (CrmPrivacyInfo  *info);

/* Whether GDPR mode is on for a module (a setting, off by default). */
gboolean        crm_privacy_is_enabled            (CrmStore        *store,
                                                   const char      *module);
gboolean        crm_privacy_set_enabled           (CrmStore        *store,
                                                   const char      *module,
                                                   gboolean         enabled,
                                                   GError         **error);

/* Api names of the module's personal fields, in form order. */
GPtrArray      *crm_privacy_list_personal_fields  (CrmStore        *store,
                                                   const char      *module,
                                                   GError         **error);
gboolean        crm_privacy_is_personal           (CrmStore        *store,
                                                   const char      *module,
                                                   const char      *field);
gboolean        crm_privacy_set_personal          (CrmStore        *store,
                                                   const char      *module,
                                                   const char      *field,
                                                   gboolean         personal,
                                                   GError         **error);

/* The record's privacy details; defaults (Not Applicable) when never set. */
CrmPrivacyInfo *crm_privacy_get                   (CrmStore        *store,
                                                   const char      *module,
                                                   gint64           id,
                                                   GError         **error);
gboolean        crm_privacy_set                   (CrmStore        *store,
                                                   const char      *module,
                                                   gint64           id,
                                                   const CrmPrivacyInfo *info,
                                                   GError         **error);
/* The list view's mass update of the processing basis: one transaction. */
gboolean        crm_privacy_set_basis_many        (CrmStore        *store,
                                                   const char      *module,
                                                   const gint64    *ids,
                                                   guint            n_ids,
                                                   CrmPrivacyBasis  basis,
                                                   GError         **error);

/* JSON (UTF-8, pretty-printed) with the record's personal fields, its
 * privacy details, its notes and the history of its personal fields. */
gboolean        crm_privacy_export_json           (CrmStore        *store,
                                                   const char      *module,
                                                   gint64           id,
                                                   GOutputStream   *stream,
                                                   GCancellable    *cancellable,
                                                   GError         **error);
/* The same into a file, written whole or not at all. */
gboolean        crm_privacy_export_json_file      (CrmStore        *store,
                                                   const char      *module,
                                                   gint64           id,
                                                   const char      *path,
                                                   GError         **error);

/*
 * Erases the record's personal data in one transaction: its personal
 * fields (emptied; a required one says "Erased"), the old and new values
 * of their history rows, the text of its notes, the descriptions of
 * changes that named it, its search index entry (the index is then
 * optimized so that no old term survives) and its consent remarks. The
 * record itself stays, with its non-personal fields. Freed space is
 * overwritten (PRAGMA secure_delete, which crm_setup_attach() turns on for
 * every write so that earlier versions of the values are gone too) and
 * the write-ahead log is checkpointed, so the values do not linger in the
 * file either. Attachments are left alone. The erasure appears in the
 * audit log (action "erase") and cannot be undone.
 */
gboolean        crm_privacy_erase                 (CrmStore        *store,
                                                   const char      *module,
                                                   gint64           id,
                                                   GError         **error);

/* Registers the write hook that records the data source ("Import" for
 * imported records, else "Manual") of new records in modules with privacy
 * on. Idempotent; crm_setup_attach() calls it. */
void            crm_privacy_attach                (CrmStore        *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmPrivacyInfo, crm_privacy_info_free)

G_END_DECLS
