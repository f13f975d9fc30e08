/* crm-search.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

typedef struct
{
  char   *module;
  gint64  id;
  char   *title;
} CrmSearchHit;

void          crm_search_hit_free          (CrmSearchHit *hit);

/* The FTS5 MATCH expression for what a person typed, or NULL when it holds
 * nothing to search for. Words become prefix terms; runs of digits (a phone
 * number typed with spaces or dashes) become one digit term without its
 * trunk zero, so "0812 3456" finds "+62 812-3456-7890". */
char         *crm_search_build_match       (const char   *text);
/* Digit variants a phone number is indexed under. */
char         *crm_search_phone_terms       (const char   *phone);

/* Up to `per_module` hits for each module, grouped in module order. */
GPtrArray    *crm_store_search             (CrmStore     *store,
                                            const char   *text,
                                            guint         per_module,
                                            GError      **error);
/* Rebuilds the index of one module (NULL: all) in one statement per
 * module; used after bulk imports. */
gboolean      crm_store_rebuild_search     (CrmStore     *store,
                                            const char   *module,
                                            GError      **error);

G_END_DECLS
