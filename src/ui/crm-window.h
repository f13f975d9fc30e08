/* crm-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-application.h"
#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_WINDOW (crm_window_get_type ())

G_DECLARE_FINAL_TYPE (CrmWindow, crm_window, CRM, WINDOW, AdwApplicationWindow)

/* The main window: a sidebar of Home and every module with record counts,
 * the header bar (New, view switcher, search, Setup, main menu), the pages
 * (Home, a module, a record, search results), toasts and Undo.
 *
 * Window actions: win.show-home, win.show-module (ss), win.show-record (sx),
 * win.new-record (s), win.edit-record (sx), win.clone-record (sx),
 * win.delete-record (sx), win.undo, win.undo-change (x), win.search,
 * win.back, win.import, win.export, win.previous-module, win.next-module,
 * win.set-view (s), win.toggle-filter. */

CrmWindow   *crm_window_new                  (CrmApplication *application,
                                              CrmStore       *store);
CrmStore    *crm_window_get_store            (CrmWindow      *self);
/* A toast; with a change id it has an Undo button that reverts that
 * change. */
void         crm_window_add_toast            (CrmWindow      *self,
                                              const char     *message,
                                              gint64          undo_change_id);
/* An AdwMessageDialog with the title and the error's message. */
void         crm_window_show_error           (CrmWindow      *self,
                                              const char     *title,
                                              const GError   *error);

void         crm_window_show_home            (CrmWindow      *self);
/* Returns FALSE with an error for an unknown module or view. */
gboolean     crm_window_show_module          (CrmWindow      *self,
                                              const char     *module,
                                              const char     *view,
                                              GError        **error);
gboolean     crm_window_show_record          (CrmWindow      *self,
                                              const char     *module,
                                              gint64          id,
                                              GError        **error);

/* What is shown: "home", "search", "record" or a module's api name. */
const char  *crm_window_get_page             (CrmWindow      *self);
/* The module view of a module (created when first needed). */
GtkWidget   *crm_window_get_module_view      (CrmWindow      *self,
                                              const char     *module);
/* The header's title and subtitle as shown (for tests). */
const char  *crm_window_get_title_text       (CrmWindow      *self);
const char  *crm_window_get_subtitle_text    (CrmWindow      *self);
/* The count a sidebar row shows for a module, or -1 (for tests). */
gint64       crm_window_get_sidebar_count    (CrmWindow      *self,
                                              const char     *module);
GtkWidget   *crm_window_get_search_page      (CrmWindow      *self);
GtkEditable *crm_window_get_search_entry     (CrmWindow      *self);
GtkWidget   *crm_window_get_home_page        (CrmWindow      *self);
/* Imports a file, with a toast that can undo the whole import: a vCard
 * file into Leads (when Leads are open) or Contacts, at once; a CSV file
 * into the current module, in a worker thread (the lists reload when it is
 * done). FALSE with an error when the file is refused outright. */
gboolean     crm_window_import_file          (CrmWindow      *self,
                                              GFile          *file,
                                              GError        **error);
/* Recounts every module now instead of after the usual delay. */
void         crm_window_refresh_counts       (CrmWindow      *self);

G_END_DECLS
