/* crm-standard-modules.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-field.h"

G_BEGIN_DECLS

/* The built-in modules, their fields and picklists, as static data. The
 * store copies them into its metadata tables when it creates a database;
 * from then on the tables are the truth. Labels are stored translated. */

typedef struct
{
  const char   *api_name;   /* NULL: a section heading named by label */
  const char   *label;
  CrmFieldType  type;
  guint         flags;
  int           size;       /* text: maximum length; decimal: scale */
  const char   *extra;      /* picklist set name, or lookup module */
} CrmSeedField;

typedef struct
{
  const char         *api_name;
  const char         *singular;
  const char         *plural;
  const char         *icon_name;
  const char         *title_fields;
  const char         *kanban_field;
  const CrmSeedField *fields;
} CrmSeedModule;

typedef struct
{
  const char *name;
  const char *meaning;   /* NULL, or what logic keys on: won, lost, closed, delivered, cancelled */
  int         probability;   /* deal stages only, percent; -1 elsewhere */
  const char *forecast;      /* deal stages only */
} CrmSeedValue;

typedef struct
{
  const char         *name;
  const CrmSeedValue *values;
} CrmSeedPicklist;

const CrmSeedModule   *crm_standard_modules   (guint      *n_modules);
const CrmSeedPicklist *crm_standard_picklist  (const char *name);

G_END_DECLS
