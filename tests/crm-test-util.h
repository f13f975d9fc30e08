/* crm-test-util.h — helpers shared by the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>

#include "crm-search.h"
#include "crm-store.h"

/* A fresh database in its own temporary folder. */
static inline CrmStore *
crm_test_open_store (char **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("crm-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  CrmStore *store;

  g_assert_no_error (error);
  path = g_build_filename (dir, "test.db", NULL);
  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (dir_out)
    *dir_out = g_steal_pointer (&dir);
  return store;
}

static inline void
crm_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_remove (p);
    }
  g_rmdir (dir);
}

static inline gint64
crm_test_create (CrmStore   *store,
                 const char *module,
                 ...)
{
  g_autoptr(CrmRecord) record = crm_record_new (crm_store_get_module (store, module));
  g_autoptr(GError) error = NULL;
  const char *field;
  va_list args;

  va_start (args, module);
  while ((field = va_arg (args, const char *)) != NULL)
    {
      const char *text = va_arg (args, const char *);
      CrmField *f = crm_module_get_field (crm_record_get_module (record), field);
      g_autoptr(GVariant) value = NULL;

      g_assert_nonnull (f);
      g_assert_true (crm_store_parse_value (store, f, text, &value, &error));
      g_assert_no_error (error);
      crm_record_set_value (record, field, value);
    }
  va_end (args);

  g_assert_true (crm_store_save_record (store, record, &error));
  g_assert_no_error (error);
  return crm_record_get_id (record);
}
