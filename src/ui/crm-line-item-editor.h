/* crm-line-item-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_LINE_ITEM_EDITOR (crm_line_item_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmLineItemEditor, crm_line_item_editor, CRM, LINE_ITEM_EDITOR, AdwBin)

/*
 * The line items and totals of one quote, sales order, purchase order or
 * invoice: product lookup, quantity, list price (the product's, a price
 * book's or typed), discount ("10%" or an amount), tax rate, amount; the
 * document discount and adjustment; reorder by drag or the row menu.
 * Every figure comes from the core (crm_documents_compute), never from
 * arithmetic here. Edits stay in the editor until Save, which stores them
 * as one Undo step; ::saved then carries the change id.
 *
 * Actions (for the row menu, keyboard and tests):
 *   editor.add-line, editor.save, editor.discard,
 *   editor.move-line (uu) from, to (0-based),
 *   editor.remove-line (u), editor.set-product (ux) line, product id,
 *   editor.set-price-book (ux) line, price book id (0 = the unit price),
 *   editor.set-tax-rate (ux) line, tax rate id (0 = no tax)
 */
GtkWidget  *crm_line_item_editor_new          (CrmStore           *store,
                                               const char         *module,
                                               gint64              record_id);
gboolean    crm_line_item_editor_save         (CrmLineItemEditor  *self,
                                               GError            **error);
/* Drops unsaved edits and reads the document again. */
void        crm_line_item_editor_reload       (CrmLineItemEditor  *self);
gboolean    crm_line_item_editor_get_dirty    (CrmLineItemEditor  *self);
guint       crm_line_item_editor_get_n_lines  (CrmLineItemEditor  *self);

G_END_DECLS
