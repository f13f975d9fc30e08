/* crm-record-page-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-record-page.h"

G_BEGIN_DECLS

struct _CrmRecordPage
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkStack        *state_stack;
  GtkScrolledWindow *scroller;
  AdwAvatar       *avatar;
  GtkLabel        *kind_label;
  GtkLabel        *name_label;
  GtkLabel        *subtitle_label;
  GtkLabel        *owner_label;
  GtkFlowBox      *links_box;
  AdwViewStack    *view_stack;
  GtkBox          *info_box;
  GtkBox          *related_box;
  GtkBox          *timeline_box;
  AdwStatusPage   *missing_page;
  GtkButton       *restore_button;
  GtkMenuButton   *more_button;

  /* Owned references */
  CrmStore        *store;
  char            *module;
  CrmRecord       *record;
  char            *title;
  char            *email;       /* for Send Email */

  /* Borrowed: rebuilt with the related lists */
  GtkWidget       *note_composer;
  GtkWidget       *notes_empty_row;
  GPtrArray       *note_rows;

  gint64           id;
  guint            refresh_id;
  gboolean         refresh_pending;
};

/* crm-record-page-related.c */
void  _crm_record_page_build_related   (CrmRecordPage *self);
void  _crm_record_page_build_timeline  (CrmRecordPage *self);
gboolean _crm_record_page_is_editing   (CrmRecordPage *self);
void  _crm_record_page_add_note        (CrmRecordPage *self);
void  _crm_record_page_add_attachment  (CrmRecordPage *self);

/* crm-record-page.c */
void  _crm_record_page_show_record     (CrmRecordPage *self,
                                        const char    *module,
                                        gint64         id);
GtkWindow *_crm_record_page_open_editor (CrmRecordPage *self,
                                        const char    *module,
                                        gint64         id,
                                        gint64         clone_from);
void  _crm_record_page_show_error      (CrmRecordPage *self,
                                        const char    *title,
                                        const GError  *error);
void  _crm_record_page_clear_box       (GtkBox        *box);
void  _crm_record_page_schedule_refresh (CrmRecordPage *self);
/* Tooltip and accessible name of an icon-only button (GTK 4.8 does not
 * name buttons from their tooltips). */
void  _crm_set_button_label            (GtkWidget     *button,
                                        const char    *label);

G_END_DECLS
