/* crm-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-record"

#include "config.h"

#include <inttypes.h>

#include "crm-record.h"

struct _CrmRecord
{
  GObject     parent_instance;

  CrmModule  *module;
  gint64      id;
  GHashTable *values;   /* field name -> GVariant (owned) */
  GPtrArray  *dirty;    /* field names, in order of change */
};

G_DEFINE_FINAL_TYPE (CrmRecord, crm_record, G_TYPE_OBJECT)

static void
crm_record_finalize (GObject *object)
{
  CrmRecord *self = (CrmRecord *)object;

  g_clear_object (&self->module);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_record_parent_class)->finalize (object);
}

static void
crm_record_class_init (CrmRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_record_finalize;
}

static void
crm_record_init (CrmRecord *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_variant_unref);
  self->dirty = g_ptr_array_new_with_free_func (g_free);
}

CrmRecord *
crm_record_new (CrmModule *module)
{
  CrmRecord *self;

  g_return_val_if_fail (CRM_IS_MODULE (module), NULL);

  self = g_object_new (CRM_TYPE_RECORD, NULL);
  self->module = g_object_ref (module);
  return self;
}

CrmRecord *
crm_record_copy (CrmRecord *self)
{
  CrmRecord *copy = crm_record_new (self->module);
  GHashTableIter iter;
  gpointer key, value;

  copy->id = self->id;
  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->values, g_strdup (key), g_variant_ref (value));
  for (guint i = 0; i < self->dirty->len; i++)
    g_ptr_array_add (copy->dirty, g_strdup (g_ptr_array_index (self->dirty, i)));
  return copy;
}

CrmModule *crm_record_get_module (CrmRecord *self) { return self->module; }
gint64 crm_record_get_id (CrmRecord *self) { return self->id; }
void crm_record_set_id (CrmRecord *self, gint64 id) { self->id = id; }

GVariant *
crm_record_get_value (CrmRecord  *self,
                      const char *field)
{
  g_return_val_if_fail (CRM_IS_RECORD (self), NULL);
  return g_hash_table_lookup (self->values, field);
}

gboolean
crm_record_has_value (CrmRecord  *self,
                      const char *field)
{
  return g_hash_table_contains (self->values, field);
}

static void
mark_dirty (CrmRecord  *self,
            const char *field)
{
  for (guint i = 0; i < self->dirty->len; i++)
    if (g_str_equal (g_ptr_array_index (self->dirty, i), field))
      return;
  g_ptr_array_add (self->dirty, g_strdup (field));
}

void
crm_record_load_value (CrmRecord  *self,
                       const char *field,
                       GVariant   *value)
{
  g_return_if_fail (CRM_IS_RECORD (self));
  g_return_if_fail (field != NULL);

  if (value == NULL)
    g_hash_table_remove (self->values, field);
  else
    g_hash_table_insert (self->values, g_strdup (field), g_variant_ref_sink (value));
}

void
crm_record_set_value (CrmRecord  *self,
                      const char *field,
                      GVariant   *value)
{
  GVariant *old;

  g_return_if_fail (CRM_IS_RECORD (self));
  g_return_if_fail (field != NULL);

  old = g_hash_table_lookup (self->values, field);
  if (value != NULL)
    g_variant_ref_sink (value);

  if ((old == NULL && value == NULL) ||
      (old != NULL && value != NULL && g_variant_equal (old, value)))
    {
      g_clear_pointer (&value, g_variant_unref);
      return;
    }

  if (value == NULL)
    g_hash_table_remove (self->values, field);
  else
    g_hash_table_insert (self->values, g_strdup (field), value);
  mark_dirty (self, field);
}

const char *
crm_record_get_string (CrmRecord  *self,
                       const char *field)
{
  GVariant *v = crm_record_get_value (self, field);

  if (v != NULL && g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
    return g_variant_get_string (v, NULL);
  return NULL;
}

void
crm_record_set_string (CrmRecord  *self,
                       const char *field,
                       const char *value)
{
  crm_record_set_value (self, field, value ? g_variant_new_string (value) : NULL);
}

gint64
crm_record_get_int (CrmRecord  *self,
                    const char *field,
                    gint64      fallback)
{
  GVariant *v = crm_record_get_value (self, field);

  if (v != NULL && g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
    return g_variant_get_int64 (v);
  return fallback;
}

void
crm_record_set_int (CrmRecord  *self,
                    const char *field,
                    gint64      value)
{
  crm_record_set_value (self, field, g_variant_new_int64 (value));
}

gboolean
crm_record_is_dirty (CrmRecord *self)
{
  return self->dirty->len > 0;
}

gboolean
crm_record_is_field_dirty (CrmRecord  *self,
                           const char *field)
{
  for (guint i = 0; i < self->dirty->len; i++)
    if (g_str_equal (g_ptr_array_index (self->dirty, i), field))
      return TRUE;
  return FALSE;
}

GPtrArray *
crm_record_get_dirty (CrmRecord *self)
{
  return self->dirty;
}

void
crm_record_clear_dirty (CrmRecord *self)
{
  g_ptr_array_set_size (self->dirty, 0);
}

char *
crm_record_dup_title (CrmRecord *self)
{
  const char * const *fields = crm_module_get_title_fields (self->module);
  GString *out = g_string_new (NULL);

  for (guint i = 0; fields[i]; i++)
    {
      GVariant *v = crm_record_get_value (self, fields[i]);
      g_autofree char *text = NULL;

      if (v == NULL)
        continue;
      if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
        text = g_variant_dup_string (v, NULL);
      else if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
        text = g_strdup_printf ("%" PRId64, g_variant_get_int64 (v));
      if (text == NULL || *text == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, text);
    }
  return g_string_free (out, FALSE);
}

gboolean
crm_record_is_deleted (CrmRecord *self)
{
  return crm_record_get_value (self, "deleted_at") != NULL;
}
