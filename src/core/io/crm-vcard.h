/* crm-vcard.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRM_VCARD_ERROR (crm_vcard_error_quark ())

typedef enum
{
  CRM_VCARD_ERROR_NO_VCARD,   /* the data holds no BEGIN:VCARD at all */
  CRM_VCARD_ERROR_SYNTAX,     /* malformed line, BEGIN/END mismatch, text outside a vCard */
  CRM_VCARD_ERROR_ENCODING,   /* unknown CHARSET, text not valid in its charset, NUL bytes */
} CrmVcardError;

/* kind is one of "work", "home", "cell", "fax", "pager", "main", "other",
 * or NULL when the file says nothing about it. */
typedef struct
{
  char *kind;
  char *value;
} CrmVcardValue;

/* street holds the post-office box, extended address and street lines of
 * the ADR property, in that order, one per line. */
typedef struct
{
  char *kind;
  char *street;
  char *locality;
  char *region;
  char *postal_code;
  char *country;
} CrmVcardAddress;

/* Every string is UTF-8, trimmed, and NULL rather than empty. */
typedef struct
{
  char      *formatted_name;
  char      *prefix;
  char      *given_name;
  char      *middle_name;
  char      *family_name;
  char      *suffix;
  char      *organization;
  char      *department;
  char      *title;
  char      *note;
  char      *birthday;   /* ISO yyyy-mm-dd, NULL when absent or without a year */
  char      *url;
  GPtrArray *emails;     /* CrmVcardValue* */
  GPtrArray *phones;     /* CrmVcardValue* */
  GPtrArray *addresses;  /* CrmVcardAddress* */
} CrmVcardContact;

GQuark           crm_vcard_error_quark   (void);

CrmVcardValue   *crm_vcard_value_new     (const char             *kind,
                                          const char             *value);
void             crm_vcard_value_free    (CrmVcardValue          *value);
CrmVcardAddress *crm_vcard_address_new   (void);
void             crm_vcard_address_free  (CrmVcardAddress        *address);
CrmVcardContact *crm_vcard_contact_new   (void);
void             crm_vcard_contact_free  (CrmVcardContact        *contact);

GPtrArray       *crm_vcard_parse         (const char             *data,
                                          gssize                  length,
                                          GError                **error);
GPtrArray       *crm_vcard_parse_file    (const char             *path,
                                          GError                **error);
char            *crm_vcard_write         (const CrmVcardContact  *contact);

char            *crm_phone_normalize     (const char             *phone);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmVcardValue, crm_vcard_value_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmVcardAddress, crm_vcard_address_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmVcardContact, crm_vcard_contact_free)

G_END_DECLS
