/* crm-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-home-page.h"
#include "crm-module-view.h"
#include "crm-search-page.h"
#include "crm-window.h"

G_BEGIN_DECLS

struct _CrmWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  AdwHeaderBar         *content_header;
  AdwWindowTitle       *window_title;
  GtkWidget            *back_button;
  GtkWidget            *new_button;
  GtkWidget            *view_switcher;
  GtkMenuButton        *main_menu_button;
  GtkWidget            *setup_button;
  GtkSearchEntry       *search_entry;
  GtkStack             *main_stack;

  CrmStore             *store;
  GSettings            *settings;
  CrmHomePage          *home_page;
  CrmSearchPage        *search_page;
  GtkWidget            *record_page;
  GHashTable           *module_views;     /* api name -> CrmModuleView (borrowed; in main_stack) */
  GHashTable           *counts;           /* api name -> gint64 (boxed) */
  GHashTable           *count_labels;     /* api name -> GtkLabel (borrowed) */
  GHashTable           *dirty_counts;     /* api names waiting for a recount */

  char                 *page;             /* "home", "search", "record" or a module */
  char                 *module;           /* the module shown last */
  char                 *return_page;      /* where Back goes from a record or search */
  char                 *record_module;
  gint64                record_id;
  char                 *subtitle;
  gulong                n_records_id;
  gulong                view_notify_id;
  GtkWidget            *bound_view;       /* the module view n_records_id is on */
  guint                 counts_id;
  guint                 syncing_sidebar : 1;
  guint                 home_dirty : 1;
};

/* crm-window-actions.c */
void      _crm_window_class_init_actions  (GtkWidgetClass *widget_class);
void      _crm_window_update_actions      (CrmWindow      *self);
/* crm-window.c */
void      _crm_window_update_title        (CrmWindow      *self);
gboolean  _crm_window_go_back             (CrmWindow      *self);
const char *_crm_window_current_module    (CrmWindow      *self);
void      _crm_window_step_module         (CrmWindow      *self,
                                           int             delta);

G_END_DECLS
