/* crm-search-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crm-search.h"
#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_SEARCH_PAGE (crm_search_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmSearchPage, crm_search_page, CRM, SEARCH_PAGE, GtkWidget)

/* Results of the global search, grouped by module, each row with the
 * record's name and a few of its details (company, e-mail, phone). */

#define CRM_SEARCH_PER_MODULE 6

GtkWidget          *crm_search_page_new           (CrmStore      *store);
/* Runs the search (the header's entry debounces typing). */
void                crm_search_page_set_text      (CrmSearchPage *self,
                                                   const char    *text);
const char         *crm_search_page_get_text      (CrmSearchPage *self);
guint               crm_search_page_get_n_results (CrmSearchPage *self);
const CrmSearchHit *crm_search_page_get_result    (CrmSearchPage *self,
                                                   guint          index);
/* Opens the top hit; FALSE when there is none. */
gboolean            crm_search_page_activate_first (CrmSearchPage *self);
/* Moves the keyboard focus to the first result. */
gboolean            crm_search_page_focus_first   (CrmSearchPage *self);

G_END_DECLS
