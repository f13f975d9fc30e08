/* crm-line-item-editor-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-documents.h"
#include "crm-line-item-editor.h"

G_BEGIN_DECLS

/*
 * Shared by the editor (crm-line-item-editor.c) and its table cells
 * (crm-line-item-cells.c).
 *
 * One row of the table: a document line plus what the cells need to show
 * it (its number, the formatted amount, an error). Cells follow these
 * properties, so a change made in one cell (the quantity) reaches another
 * (the amount) without the cells knowing each other. Signals: "refresh"
 * (the whole line changed: every cell reads it again) and
 * "prices-changed" (only the list price and discount).
 */

#define CRM_TYPE_LINE_ROW (crm_line_row_get_type ())
G_DECLARE_FINAL_TYPE (CrmLineRow, crm_line_row, CRM, LINE_ROW, GObject)

struct _CrmLineRow
{
  GObject     parent_instance;

  CrmDocLine *line;
  guint       number;
  char       *amount;
  char       *error;        /* NULL when the row is fine */
  char       *error_field;  /* "quantity", "price", "discount", "line" */
  /* what was typed while it does not parse, so that it survives scrolling */
  char       *quantity_text;
  char       *price_text;
  char       *discount_text;
};

struct _CrmLineItemEditor
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkLabel          *count_label;
  GtkButton         *discard_button;
  GtkButton         *save_button;
  GtkLabel          *error_label;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkColumnView     *column_view;
  GtkLabel          *sub_total_label;
  GtkEntry          *discount_entry;
  GtkLabel          *discount_amount_label;
  GtkLabel          *tax_label;
  GtkEntry          *adjustment_entry;
  GtkLabel          *grand_total_label;

  /* Owned */
  CrmStore          *store;
  char              *module;
  char              *currency;
  GListStore        *rows;           /* CrmLineRow */
  GPtrArray         *tax_rates;      /* CrmTaxRate */
  char              *totals_error;   /* document discount or adjustment that does not parse */

  gint64             record_id;
  CrmTotals          totals;         /* inputs and last results */
  gulong             records_changed_id;
  guint              dirty : 1;
  guint              loading : 1;
};

CrmLineRow *_crm_line_row_new                       (CrmDocLine        *line);

void        _crm_line_item_editor_add_columns       (CrmLineItemEditor *self);
CrmLineRow *_crm_line_item_editor_get_row           (CrmLineItemEditor *self,
                                                     guint              position);
guint       _crm_line_item_editor_row_position      (CrmLineItemEditor *self,
                                                     CrmLineRow        *row);
void        _crm_line_item_editor_set_dirty         (CrmLineItemEditor *self,
                                                     gboolean           dirty);
void        _crm_line_item_editor_renumber          (CrmLineItemEditor *self);
void        _crm_line_item_editor_recompute_row     (CrmLineItemEditor *self,
                                                     CrmLineRow        *row);
void        _crm_line_item_editor_recompute_totals  (CrmLineItemEditor *self);
/* an edit in a cell: the row's figures, the totals, dirty */
void        _crm_line_item_editor_line_changed      (CrmLineItemEditor *self,
                                                     CrmLineRow        *row);
void        _crm_line_item_editor_move_line         (CrmLineItemEditor *self,
                                                     guint              from,
                                                     guint              to);
void        _crm_line_item_editor_remove_line       (CrmLineItemEditor *self,
                                                     guint              position);

char       *_crm_line_item_editor_format_quantity   (gint64             quantity);
char       *_crm_line_item_editor_format_money_input (gint64            value,
                                                     const char        *currency);
char       *_crm_line_item_editor_format_discount   (CrmDiscountKind    kind,
                                                     gint64             discount,
                                                     const char        *currency);
gboolean    _crm_line_item_editor_parse_discount    (const char        *text,
                                                     const char        *currency,
                                                     CrmDiscountKind   *kind,
                                                     gint64            *value,
                                                     GError           **error);

G_END_DECLS
