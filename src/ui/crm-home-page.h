/* crm-home-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_HOME_PAGE (crm_home_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmHomePage, crm_home_page, CRM, HOME_PAGE, GtkWidget)

/* An overview until the dashboard exists: the record count of every
 * module, and the records viewed and modified most recently. */
GtkWidget  *crm_home_page_new            (CrmStore    *store);
/* Counts come from the window, which keeps them for the sidebar too. */
void        crm_home_page_set_count      (CrmHomePage *self,
                                          const char  *module,
                                          gint64       count);
/* Re-reads the module list and the recent records. */
void        crm_home_page_refresh        (CrmHomePage *self);
guint       crm_home_page_get_n_recently_viewed   (CrmHomePage *self);
guint       crm_home_page_get_n_recently_modified (CrmHomePage *self);

G_END_DECLS
