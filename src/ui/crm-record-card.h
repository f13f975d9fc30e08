/* crm-record-card.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-record.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* What the cards of one view show: read from the card designer's settings
 * (crm-kanban.h) once, shared by every card of the view. */
#define CRM_TYPE_CARD_LAYOUT (crm_card_layout_get_type ())

G_DECLARE_FINAL_TYPE (CrmCardLayout, crm_card_layout, CRM, CARD_LAYOUT, GObject)

CrmCardLayout *crm_card_layout_new              (CrmStore       *store,
                                                 const char     *module);
CrmStore      *crm_card_layout_get_store        (CrmCardLayout  *self);
CrmModule     *crm_card_layout_get_module       (CrmCardLayout  *self);
/* Reads the settings again and tells the cards (signal "changed"). */
void           crm_card_layout_reload           (CrmCardLayout  *self);
/* Shows an unsaved layout (the card designer's preview). */
void           crm_card_layout_set              (CrmCardLayout  *self,
                                                 const char     *title_field,
                                                 const char * const *fields,
                                                 const char     *colour_field);
/* A field the cards leave out: a board's columns already say it. */
void           crm_card_layout_set_hidden_field (CrmCardLayout  *self,
                                                 const char     *field);
/* "Move to" items (action card.move-to, target the column's value). */
void           crm_card_layout_set_move_menu    (CrmCardLayout  *self,
                                                 GMenuModel     *menu);

#define CRM_TYPE_RECORD_CARD (crm_record_card_get_type ())

G_DECLARE_FINAL_TYPE (CrmRecordCard, crm_record_card, CRM, RECORD_CARD, GtkWidget)

GtkWidget     *crm_record_card_new              (CrmCardLayout  *layout);
void           crm_record_card_set_record       (CrmRecordCard  *self,
                                                 CrmRecord      *record);
CrmRecord     *crm_record_card_get_record       (CrmRecordCard  *self);
gint64         crm_record_card_get_id           (CrmRecordCard  *self);
/* Where a dragged card would land: -1 above this one, 1 below, 0 nowhere. */
void           crm_record_card_set_drop_hint    (CrmRecordCard  *self,
                                                 int             hint);

G_END_DECLS
