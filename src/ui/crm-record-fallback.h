/* crm-record-fallback.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

/* A plain record page and form, used while the full record page and editor
 * (CrmRecordPage, CrmRecordEditor) are not part of the build. Same shape:
 * the page has a "title" property; the editor emits ::saved. */

#define CRM_TYPE_FALLBACK_RECORD_PAGE (crm_fallback_record_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmFallbackRecordPage, crm_fallback_record_page, CRM, FALLBACK_RECORD_PAGE, GtkWidget)

GtkWidget  *crm_fallback_record_page_new         (CrmStore              *store);
void        crm_fallback_record_page_set_record  (CrmFallbackRecordPage *self,
                                                  const char            *module,
                                                  gint64                 id);

#define CRM_TYPE_FALLBACK_EDITOR (crm_fallback_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmFallbackEditor, crm_fallback_editor, CRM, FALLBACK_EDITOR, AdwWindow)

/* ::saved (gint64 record_id, gint64 change_id) */
GtkWindow  *crm_fallback_editor_new              (GtkWindow             *parent,
                                                  CrmStore              *store,
                                                  const char            *module,
                                                  gint64                 id,
                                                  gint64                 clone_from);
/* Types into a field's row as a person would (for tests). */
gboolean    crm_fallback_editor_set_text         (CrmFallbackEditor     *self,
                                                  const char            *field,
                                                  const char            *text);
/* Saves as the Save button does; FALSE with the error shown in place. */
gboolean    crm_fallback_editor_save             (CrmFallbackEditor     *self,
                                                  GError               **error);

G_END_DECLS
