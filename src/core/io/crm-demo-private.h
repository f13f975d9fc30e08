/* crm-demo-private.h — shared by the sample data files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-demo.h"

G_BEGIN_DECLS

/* The state of one sample run: its random numbers, today, the owners to
 * spread records over and what was made so far, for links. */
typedef struct
{
  CrmStore   *store;
  GRand      *rand;
  guint       scale;
  GDateTime  *today;       /* local midnight */
  GArray     *owners;      /* gint64 user ids */
  GHashTable *names;       /* company names in use */
  GPtrArray  *accounts;    /* DemoAccount */
  GPtrArray  *contacts;    /* DemoContact */
  GPtrArray  *deals;       /* DemoDeal */
  GArray     *vendors;     /* gint64 */
  GArray     *campaigns;   /* gint64 */
  GArray     *leads;       /* gint64 */
} CrmDemo;

void        _crm_demo_init   (CrmDemo     *d,
                              CrmStore    *store,
                              GRand       *rand,
                              guint        scale);
void        _crm_demo_clear  (CrmDemo     *d);
/* Creates a record owned by a random user from (field, GVariant *value)
 * pairs ended by NULL; floating values are taken over, NULL leaves a field
 * empty. Returns the id, or 0 with `error` set. */
gint64      _crm_demo_save   (CrmDemo     *d,
                              const char  *module,
                              GError     **error,
                              ...) G_GNUC_NULL_TERMINATED;

/* [lo, hi) */
static inline int
rnd (CrmDemo *d,
     int      lo,
     int      hi)
{
  return g_rand_int_range (d->rand, lo, hi);
}

static inline gboolean
chance (CrmDemo *d,
        int      percent)
{
  return rnd (d, 0, 100) < percent;
}

#define ONE_OF(d, array) ((array)[rnd ((d), 0, G_N_ELEMENTS (array))])

static inline gint64
pick_id (CrmDemo *d,
         GArray  *ids)
{
  if (ids == NULL || ids->len == 0)
    return 0;
  return g_array_index (ids, gint64, rnd (d, 0, ids->len));
}

static inline GPtrArray *
picklist (CrmDemo    *d,
          const char *module,
          const char *field)
{
  CrmModule *m = crm_store_get_module (d->store, module);
  CrmField *f = m ? crm_module_get_field (m, field) : NULL;

  return f ? crm_field_get_picklist (f) : NULL;
}

static inline guint
n_values (CrmDemo    *d,
          const char *module,
          const char *field)
{
  GPtrArray *values = picklist (d, module, field);

  return values ? values->len : 0;
}

/* The value at `index` (modulo the list), or a random one when index < 0.
 * Values come from the database: they were translated when it was made. */
static inline const char *
pick (CrmDemo    *d,
      const char *module,
      const char *field,
      int         index)
{
  GPtrArray *values = picklist (d, module, field);

  if (values == NULL || values->len == 0)
    return NULL;
  if (index < 0)
    index = rnd (d, 0, values->len);
  return g_ptr_array_index (values, (guint) index % values->len);
}

static inline GVariant *
str (const char *s)
{
  return s ? g_variant_new_string (s) : NULL;
}

static inline GVariant *
take (char *s)
{
  return g_variant_new_take_string (s);
}

static inline GVariant *
num (gint64 v)
{
  return g_variant_new_int64 (v);
}

static inline GVariant *
ref (gint64 id)
{
  return id > 0 ? g_variant_new_int64 (id) : NULL;
}

static inline GVariant *
date (CrmDemo *d,
      int      days)
{
  g_autoptr(GDateTime) t = g_date_time_add_days (d->today, days);

  return take (g_date_time_format (t, "%Y-%m-%d"));
}

G_END_DECLS
