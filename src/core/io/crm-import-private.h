/* crm-import-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-import.h"

G_BEGIN_DECLS

typedef struct
{
  CrmField     *field;      /* NULL: the column is not imported */
  const char   *name;       /* the field's api name */
  CrmFieldType  type;
  gboolean      on_update;  /* an update of a duplicate may set it */
  GHashTable   *resolved;   /* lookups and owners: text -> gint64 id */
  GHashTable   *picklist;   /* casefolded value -> the value as defined */
} CrmImportColumn;

typedef struct
{
  CrmStore               *store;
  CrmModule              *module;
  const CrmImportOptions *options;
  CrmImportReport        *report;
  char                   *home;          /* home currency */
  CrmImportColumn        *columns;
  guint                   n_columns;
  int                     match_column;  /* -1: no duplicate detection */
  GHashTable             *existing;      /* match key -> index + 1 in existing_ids */
  GArray                 *existing_ids;
  GVariant              **values;        /* the row being read, one per column */
  GArray                 *problems;      /* Problem, of the row being read */
  GHashTable             *field_errors;  /* api name -> message, from validation */
  gint64                  last_created;  /* id of the newest record created */
  gint64                  indexed_after; /* created records above this id are not indexed yet */
  guint                   unindexed;
} CrmImportJob;

gboolean  _crm_import_setup_columns  (CrmImportJob        *self,
                                      const char * const  *headers,
                                      guint                n_headers,
                                      GError             **error);
gboolean  _crm_import_parse_cell     (CrmImportJob        *self,
                                      CrmImportColumn     *column,
                                      const char          *text,
                                      GVariant           **value,
                                      GError             **error);

G_END_DECLS
