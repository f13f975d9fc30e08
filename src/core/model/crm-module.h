/* crm-module.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "crm-field.h"

G_BEGIN_DECLS

#define CRM_TYPE_MODULE (crm_module_get_type ())

G_DECLARE_FINAL_TYPE (CrmModule, crm_module, CRM, MODULE, GObject)

CrmModule   *crm_module_new                 (const char  *api_name,
                                             const char  *singular,
                                             const char  *plural);
gint64       crm_module_get_id              (CrmModule   *self);
void         crm_module_set_id              (CrmModule   *self,
                                             gint64       id);
const char  *crm_module_get_api_name        (CrmModule   *self);
/* The SQL table: the api name for standard modules, "x_<name>" for custom ones. */
const char  *crm_module_get_table           (CrmModule   *self);
void         crm_module_set_table           (CrmModule   *self,
                                             const char  *table);
const char  *crm_module_get_singular        (CrmModule   *self);
const char  *crm_module_get_plural          (CrmModule   *self);
void         crm_module_set_labels          (CrmModule   *self,
                                             const char  *singular,
                                             const char  *plural);
const char  *crm_module_get_icon_name       (CrmModule   *self);
void         crm_module_set_icon_name       (CrmModule   *self,
                                             const char  *icon_name);
gboolean     crm_module_is_custom           (CrmModule   *self);
void         crm_module_set_custom          (CrmModule   *self,
                                             gboolean     custom);
gboolean     crm_module_is_hidden           (CrmModule   *self);
void         crm_module_set_hidden          (CrmModule   *self,
                                             gboolean     hidden);
int          crm_module_get_position        (CrmModule   *self);
void         crm_module_set_position        (CrmModule   *self,
                                             int          position);
/* Fields whose values, joined by spaces, name a record ("first_name last_name"). */
const char * const *crm_module_get_title_fields (CrmModule *self);
void         crm_module_set_title_fields    (CrmModule   *self,
                                             const char  *space_separated);
/* The picklist a Kanban board groups by by default, or NULL. */
const char  *crm_module_get_kanban_field    (CrmModule   *self);
void         crm_module_set_kanban_field    (CrmModule   *self,
                                             const char  *field);

GPtrArray   *crm_module_get_fields          (CrmModule   *self);
CrmField    *crm_module_get_field           (CrmModule   *self,
                                             const char  *api_name);
CrmField    *crm_module_find_field_by_label (CrmModule   *self,
                                             const char  *label);
void         crm_module_add_field           (CrmModule   *self,
                                             CrmField    *field);
void         crm_module_remove_field        (CrmModule   *self,
                                             const char  *api_name);
/* The fields shown as columns of the default list view, in order. */
GPtrArray   *crm_module_dup_list_fields     (CrmModule   *self);

G_END_DECLS
