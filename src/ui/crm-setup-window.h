/* crm-setup-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_SETUP_WINDOW (crm_setup_window_get_type ())

G_DECLARE_FINAL_TYPE (CrmSetupWindow, crm_setup_window, CRM, SETUP_WINDOW, AdwPreferencesWindow)

/* Page names: "personal", "company", "users", "customization",
 * "templates", "automation", "data", "privacy". */
GtkWidget *crm_setup_window_new           (GtkWindow      *parent,
                                           CrmStore       *store);
void       crm_setup_window_present       (GtkWindow      *parent,
                                           CrmStore       *store,
                                           const char     *page);
void       crm_setup_window_show_page     (CrmSetupWindow *self,
                                           const char     *page);
CrmStore  *crm_setup_window_get_store     (CrmSetupWindow *self);
GtkWidget *crm_setup_window_get_page      (CrmSetupWindow *self,
                                           const char     *page);

/* Helpers for the pages. */
void       crm_setup_toast                (GtkWidget      *widget,
                                           const char     *message);
void       crm_setup_toast_error          (GtkWidget      *widget,
                                           const GError   *error);
/* A subpage: header bar with a back button and a scrolled page. */
GtkWidget *crm_setup_subpage_new          (const char     *title,
                                           AdwPreferencesPage *page);
void       crm_setup_present_subpage      (GtkWidget      *widget,
                                           GtkWidget      *subpage);
GtkWidget *crm_setup_switch_row_new       (const char     *title,
                                           const char     *subtitle,
                                           gboolean        active,
                                           GtkSwitch     **out_switch);
/* Removes every row a group holds below its title. */
void       crm_setup_group_clear          (AdwPreferencesGroup *group,
                                           GPtrArray      *rows);
GtkWindow *crm_setup_get_window           (GtkWidget      *widget);

G_END_DECLS
