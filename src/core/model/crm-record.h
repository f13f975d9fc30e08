/* crm-record.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "crm-module.h"

G_BEGIN_DECLS

#define CRM_TYPE_RECORD (crm_record_get_type ())

G_DECLARE_FINAL_TYPE (CrmRecord, crm_record, CRM, RECORD, GObject)

/* A record holds values by field api name as GVariants: "s" for text
 * storage, "x" for integer storage (see CrmStorage), or no value (NULL).
 * System columns (owner_id, created_at, ...) are fields like any other. */
CrmRecord   *crm_record_new           (CrmModule   *module);
CrmRecord   *crm_record_copy          (CrmRecord   *self);
CrmModule   *crm_record_get_module    (CrmRecord   *self);
gint64       crm_record_get_id        (CrmRecord   *self);
void         crm_record_set_id        (CrmRecord   *self,
                                       gint64       id);
GVariant    *crm_record_get_value     (CrmRecord   *self,
                                       const char  *field);
/* Takes a reference on a floating value; NULL clears. Marks the field dirty
 * when the value differs. */
void         crm_record_set_value     (CrmRecord   *self,
                                       const char  *field,
                                       GVariant    *value);
const char  *crm_record_get_string    (CrmRecord   *self,
                                       const char  *field);
void         crm_record_set_string    (CrmRecord   *self,
                                       const char  *field,
                                       const char  *value);
gint64       crm_record_get_int       (CrmRecord   *self,
                                       const char  *field,
                                       gint64       fallback);
void         crm_record_set_int       (CrmRecord   *self,
                                       const char  *field,
                                       gint64       value);
gboolean     crm_record_has_value     (CrmRecord   *self,
                                       const char  *field);
/* Loads a value without marking it dirty (used by the store). */
void         crm_record_load_value    (CrmRecord   *self,
                                       const char  *field,
                                       GVariant    *value);
gboolean     crm_record_is_dirty      (CrmRecord   *self);
gboolean     crm_record_is_field_dirty (CrmRecord  *self,
                                       const char  *field);
/* Dirty field names in the order they were first changed. */
GPtrArray   *crm_record_get_dirty     (CrmRecord   *self);
void         crm_record_clear_dirty   (CrmRecord   *self);
/* The record's name from the module's title fields; "" when empty. */
char        *crm_record_dup_title     (CrmRecord   *self);
gboolean     crm_record_is_deleted    (CrmRecord   *self);

G_END_DECLS
