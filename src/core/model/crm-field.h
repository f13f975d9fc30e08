/* crm-field.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CRM_FIELD_TEXT,
  CRM_FIELD_LONG_TEXT,
  CRM_FIELD_EMAIL,
  CRM_FIELD_PHONE,
  CRM_FIELD_URL,
  CRM_FIELD_INTEGER,
  CRM_FIELD_DECIMAL,      /* int64 scaled by 10^scale */
  CRM_FIELD_CURRENCY,     /* int64 minor units */
  CRM_FIELD_PERCENT,      /* int64 basis points: 12.5 % = 1250 */
  CRM_FIELD_DATE,         /* text "YYYY-MM-DD" */
  CRM_FIELD_DATETIME,     /* int64 Unix seconds, UTC */
  CRM_FIELD_CHECKBOX,     /* int64 0 or 1 */
  CRM_FIELD_PICKLIST,
  CRM_FIELD_MULTI_PICKLIST, /* text, values joined by "; " */
  CRM_FIELD_LOOKUP,       /* int64 id of a record in lookup_module */
  CRM_FIELD_OWNER,        /* int64 id of a row in users */
  CRM_FIELD_AUTO_NUMBER,  /* text, e.g. "INV-2026-0001" */
  CRM_N_FIELD_TYPES
} CrmFieldType;

typedef enum
{
  CRM_FIELD_FLAG_NONE       = 0,
  CRM_FIELD_FLAG_REQUIRED   = 1 << 0,
  CRM_FIELD_FLAG_UNIQUE     = 1 << 1,
  CRM_FIELD_FLAG_SEARCHABLE = 1 << 2, /* goes into the global search index */
  CRM_FIELD_FLAG_LIST       = 1 << 3, /* a column of the default list view */
  CRM_FIELD_FLAG_SYSTEM     = 1 << 4, /* maintained by the program, read-only for users */
  CRM_FIELD_FLAG_HIDDEN     = 1 << 5, /* never shown in forms or column choosers */
  CRM_FIELD_FLAG_CUSTOM     = 1 << 6, /* added by the user; may be deleted */
  CRM_FIELD_FLAG_INDEXED    = 1 << 7, /* has an index for sorting and filtering */
} CrmFieldFlags;

/* How a value is stored in SQLite and held in a CrmRecord. */
typedef enum
{
  CRM_STORAGE_TEXT,   /* GVariant "s" */
  CRM_STORAGE_INT,    /* GVariant "x" */
} CrmStorage;

#define CRM_TYPE_FIELD (crm_field_get_type ())

G_DECLARE_FINAL_TYPE (CrmField, crm_field, CRM, FIELD, GObject)

CrmField           *crm_field_new                (const char    *module,
                                                  const char    *api_name,
                                                  const char    *label,
                                                  CrmFieldType   type,
                                                  CrmFieldFlags  flags);
const char         *crm_field_get_module         (CrmField      *self);
const char         *crm_field_get_api_name       (CrmField      *self);
const char         *crm_field_get_label          (CrmField      *self);
void                crm_field_set_label          (CrmField      *self,
                                                  const char    *label);
CrmFieldType        crm_field_get_field_type     (CrmField      *self);
CrmFieldFlags       crm_field_get_flags          (CrmField      *self);
void                crm_field_set_flags          (CrmField      *self,
                                                  CrmFieldFlags  flags);
gboolean            crm_field_has_flag           (CrmField      *self,
                                                  CrmFieldFlags  flag);
gboolean            crm_field_is_required        (CrmField      *self);
gboolean            crm_field_is_editable        (CrmField      *self);
int                 crm_field_get_max_length     (CrmField      *self);
void                crm_field_set_max_length     (CrmField      *self,
                                                  int            max_length);
int                 crm_field_get_scale          (CrmField      *self);
void                crm_field_set_scale          (CrmField      *self,
                                                  int            scale);
gboolean            crm_field_get_range          (CrmField      *self,
                                                  gint64        *min,
                                                  gint64        *max);
void                crm_field_set_range          (CrmField      *self,
                                                  gint64         min,
                                                  gint64         max);
const char         *crm_field_get_lookup_module  (CrmField      *self);
void                crm_field_set_lookup_module  (CrmField      *self,
                                                  const char    *module);
const char         *crm_field_get_section        (CrmField      *self);
void                crm_field_set_section        (CrmField      *self,
                                                  const char    *section);
int                 crm_field_get_position       (CrmField      *self);
void                crm_field_set_position       (CrmField      *self,
                                                  int            position);
const char         *crm_field_get_default_value  (CrmField      *self);
void                crm_field_set_default_value  (CrmField      *self,
                                                  const char    *value);
/* Picklist values in display order (picklist and multi-select). */
GPtrArray          *crm_field_get_picklist       (CrmField      *self);
void                crm_field_set_picklist       (CrmField      *self,
                                                  GPtrArray     *values);
gboolean            crm_field_has_picklist_value (CrmField      *self,
                                                  const char    *value);

CrmStorage          crm_field_type_get_storage   (CrmFieldType   type);
CrmStorage          crm_field_get_storage        (CrmField      *self);
const char         *crm_field_type_to_string     (CrmFieldType   type);
gboolean            crm_field_type_from_string   (const char    *str,
                                                  CrmFieldType  *type);
const char         *crm_field_type_get_label     (CrmFieldType   type);
const char         *crm_field_type_get_sql_type  (CrmFieldType   type);

/* Canonical text for CSV and history: ISO dates, plain decimals ("1234.50"),
 * "true"/"false", ids for lookups. NULL for an empty value. */
char               *crm_field_format_plain       (CrmField      *self,
                                                  GVariant      *value);
/* Text for people, in the current locale. Lookups and owners are shown as
 * ids here: the store resolves them to names (crm_store_format_value). */
char               *crm_field_format_display     (CrmField      *self,
                                                  GVariant      *value,
                                                  const char    *currency);
/* Parses text typed by a user or read from a file. An empty string gives
 * a NULL value. Does not check picklists, lookups or uniqueness, which need
 * the store. */
gboolean            crm_field_parse              (CrmField      *self,
                                                  const char    *text,
                                                  const char    *currency,
                                                  GVariant     **value,
                                                  GError       **error);
/* Checks a value on its own: required, length, format, range, picklist. */
gboolean            crm_field_validate           (CrmField      *self,
                                                  GVariant      *value,
                                                  GError       **error);

gboolean            crm_is_valid_api_name        (const char    *name,
                                                  GError       **error);
char               *crm_api_name_from_label      (const char    *label);

G_END_DECLS
