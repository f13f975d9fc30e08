/* crm-module.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-module"

#include "config.h"

#include <string.h>

#include "crm-module.h"

struct _CrmModule
{
  GObject     parent_instance;

  gint64      id;
  char       *api_name;
  char       *table;
  char       *singular;
  char       *plural;
  char       *icon_name;
  char      **title_fields;
  char       *kanban_field;
  GPtrArray  *fields;
  GHashTable *fields_by_name;
  int         position;
  guint       custom : 1;
  guint       hidden : 1;
};

G_DEFINE_FINAL_TYPE (CrmModule, crm_module, G_TYPE_OBJECT)

static void
crm_module_finalize (GObject *object)
{
  CrmModule *self = (CrmModule *)object;

  g_free (self->api_name);
  g_free (self->table);
  g_free (self->singular);
  g_free (self->plural);
  g_free (self->icon_name);
  g_strfreev (self->title_fields);
  g_free (self->kanban_field);
  g_clear_pointer (&self->fields_by_name, g_hash_table_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_module_parent_class)->finalize (object);
}

static void
crm_module_class_init (CrmModuleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_module_finalize;
}

static void
crm_module_init (CrmModule *self)
{
  self->fields = g_ptr_array_new_with_free_func (g_object_unref);
  self->fields_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->title_fields = g_new0 (char *, 1);
}

CrmModule *
crm_module_new (const char *api_name,
                const char *singular,
                const char *plural)
{
  CrmModule *self;

  g_return_val_if_fail (api_name != NULL, NULL);

  self = g_object_new (CRM_TYPE_MODULE, NULL);
  self->api_name = g_strdup (api_name);
  self->table = g_strdup (api_name);
  self->singular = g_strdup (singular ? singular : api_name);
  self->plural = g_strdup (plural ? plural : api_name);
  return self;
}

gint64 crm_module_get_id (CrmModule *self) { return self->id; }
void crm_module_set_id (CrmModule *self, gint64 id) { self->id = id; }
const char *crm_module_get_api_name (CrmModule *self) { return self->api_name; }
const char *crm_module_get_table (CrmModule *self) { return self->table; }
const char *crm_module_get_singular (CrmModule *self) { return self->singular; }
const char *crm_module_get_plural (CrmModule *self) { return self->plural; }
const char *crm_module_get_icon_name (CrmModule *self) { return self->icon_name ? self->icon_name : "view-list-symbolic"; }
gboolean crm_module_is_custom (CrmModule *self) { return self->custom; }
void crm_module_set_custom (CrmModule *self, gboolean custom) { self->custom = !!custom; }
gboolean crm_module_is_hidden (CrmModule *self) { return self->hidden; }
void crm_module_set_hidden (CrmModule *self, gboolean hidden) { self->hidden = !!hidden; }
int crm_module_get_position (CrmModule *self) { return self->position; }
void crm_module_set_position (CrmModule *self, int position) { self->position = position; }
const char * const *crm_module_get_title_fields (CrmModule *self) { return (const char * const *)self->title_fields; }
const char *crm_module_get_kanban_field (CrmModule *self) { return self->kanban_field; }
GPtrArray *crm_module_get_fields (CrmModule *self) { return self->fields; }

void
crm_module_set_table (CrmModule  *self,
                      const char *table)
{
  g_free (self->table);
  self->table = g_strdup (table);
}

void
crm_module_set_labels (CrmModule  *self,
                       const char *singular,
                       const char *plural)
{
  g_return_if_fail (CRM_IS_MODULE (self));
  g_free (self->singular);
  g_free (self->plural);
  self->singular = g_strdup (singular);
  self->plural = g_strdup (plural);
}

void
crm_module_set_icon_name (CrmModule  *self,
                          const char *icon_name)
{
  g_free (self->icon_name);
  self->icon_name = g_strdup (icon_name);
}

void
crm_module_set_title_fields (CrmModule  *self,
                             const char *space_separated)
{
  g_strfreev (self->title_fields);
  self->title_fields = g_strsplit_set (space_separated ? space_separated : "", " ", -1);
  /* drop empty parts from double spaces */
  {
    guint j = 0;
    for (guint i = 0; self->title_fields[i]; i++)
      {
        if (*self->title_fields[i])
          self->title_fields[j++] = self->title_fields[i];
        else
          g_free (self->title_fields[i]);
      }
    self->title_fields[j] = NULL;
  }
}

void
crm_module_set_kanban_field (CrmModule  *self,
                             const char *field)
{
  g_free (self->kanban_field);
  self->kanban_field = g_strdup (field);
}

CrmField *
crm_module_get_field (CrmModule  *self,
                      const char *api_name)
{
  g_return_val_if_fail (CRM_IS_MODULE (self), NULL);
  if (api_name == NULL)
    return NULL;
  return g_hash_table_lookup (self->fields_by_name, api_name);
}

CrmField *
crm_module_find_field_by_label (CrmModule  *self,
                                const char *label)
{
  g_autofree char *folded = NULL;

  if (label == NULL)
    return NULL;
  folded = g_utf8_casefold (label, -1);
  for (guint i = 0; i < self->fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (self->fields, i);
      g_autofree char *other = g_utf8_casefold (crm_field_get_label (field), -1);

      if (g_strcmp0 (folded, other) == 0)
        return field;
    }
  return NULL;
}

void
crm_module_add_field (CrmModule *self,
                      CrmField  *field)
{
  g_return_if_fail (CRM_IS_MODULE (self));
  g_return_if_fail (CRM_IS_FIELD (field));

  if (crm_module_get_field (self, crm_field_get_api_name (field)) != NULL)
    crm_module_remove_field (self, crm_field_get_api_name (field));
  g_ptr_array_add (self->fields, g_object_ref (field));
  g_hash_table_insert (self->fields_by_name, (char *)crm_field_get_api_name (field), field);
}

void
crm_module_remove_field (CrmModule  *self,
                         const char *api_name)
{
  CrmField *field = crm_module_get_field (self, api_name);

  if (field == NULL)
    return;
  g_hash_table_remove (self->fields_by_name, api_name);
  g_ptr_array_remove (self->fields, field);
}

GPtrArray *
crm_module_dup_list_fields (CrmModule *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (self->fields, i);

      if (crm_field_has_flag (field, CRM_FIELD_FLAG_LIST) &&
          !crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN))
        g_ptr_array_add (out, g_object_ref (field));
    }
  return out;
}
