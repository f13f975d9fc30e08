/* crm-documents.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-line-items.h"
#include "crm-store.h"

G_BEGIN_DECLS

/*
 * Sales documents: quotes, sales orders, purchase orders and invoices.
 *
 * Line items live in their own table; saving them recomputes the totals
 * with crm_totals_compute() (the one rounding rule, see crm-line-items.h)
 * and stores them in the document's sub_total, discount, tax, adjustment
 * and grand_total columns in the same change set, so the editor, the
 * printout, exports and the database show the same figures.
 *
 * Money is in minor units of the document's currency (its `currency`
 * field, see crm-currencies.h; the home currency when empty).
 *
 * Stock (DOMAIN.md §4): each sales order, purchase order and invoice adds
 * to its products' counters according to its state, found through the
 * status picklist's meanings:
 *   purchase order  open: ordered +qty   delivered: in stock +qty   cancelled: nothing
 *   sales order     open: in demand +qty delivered or cancelled: nothing
 *   invoice         not cancelled: in stock -qty                     cancelled: nothing
 * A document in the recycle bin adds nothing. Every change of lines,
 * status, deletion, restore or undo moves the counters by the difference.
 */

#define CRM_DOCUMENTS_MAX_LINES 5000

typedef struct
{
  gint64       id;             /* line_items row; 0 until saved */
  gint64       product_id;     /* 0: a line typed by hand */
  gint64       price_book_id;  /* 0: the list price is not from a price book */
  gint64       tax_rate_id;    /* 0: no named rate (item.tax_rate is the snapshot) */
  char        *name;           /* the item: product name or typed text */
  char        *description;
  CrmLineItem  item;           /* inputs and results; see crm-line-items.h */
} CrmDocLine;

typedef struct
{
  const char  *module;         /* interned */
  gint64       id;
  gboolean     is_source;      /* TRUE: the document this one was converted from */
} CrmDocLink;

typedef struct
{
  gint64       id;
  char        *name;
  char        *code;           /* may be NULL */
  gint64       unit_price;     /* minor units of the home currency */
} CrmProductHit;

#define CRM_TYPE_DOC_LINE (crm_doc_line_get_type ())

GType        crm_doc_line_get_type            (void) G_GNUC_CONST;
/* quantity 1, everything else empty */
CrmDocLine  *crm_doc_line_new                 (void);
CrmDocLine  *crm_doc_line_copy                (const CrmDocLine  *line);
void         crm_doc_line_free                (CrmDocLine        *line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmDocLine, crm_doc_line_free)

/* quotes, sales_orders, purchase_orders, invoices */
gboolean     crm_documents_is_document        (const char        *module);
/* "quote_number", "so_number", "po_number", "invoice_number" or NULL */
const char  *crm_documents_get_number_field   (const char        *module);

/* "quotes" for "quotes", "quote" or "Quote"; likewise sales_orders
 * ("sales-order"), purchase_orders and invoices. NULL for anything else. */
const char  *crm_documents_lookup_module      (const char        *name);
/* The live document with that number (any case), or 0. */
gint64       crm_documents_find_by_number     (CrmStore          *store,
                                               const char        *module,
                                               const char        *number);

/* CrmDocLine*, in order. NULL with an error when the document is missing. */
GPtrArray   *crm_documents_load_lines         (CrmStore          *store,
                                               const char        *module,
                                               gint64             id,
                                               GError           **error);
/* The stored totals and document discount; *currency (optional) gets the
 * document's currency code. */
gboolean     crm_documents_load_totals        (CrmStore          *store,
                                               const char        *module,
                                               gint64             id,
                                               CrmTotals         *totals,
                                               char             **currency,
                                               GError           **error);
/* Fills each line's results and the totals (discount kind, discount and
 * adjustment are read from @totals). On error nothing changes; the
 * message names the line. This is what editors call to show live totals. */
gboolean     crm_documents_compute            (GPtrArray         *lines,
                                               CrmTotals         *totals,
                                               GError           **error);
/* Replaces the document's lines, stores the recomputed totals and moves
 * the stock counters, as one Undo step. @totals gives discount kind,
 * discount and adjustment. Refused (nothing written) when a line has no
 * name, a missing product or tax rate, or fails crm_documents_compute(). */
gboolean     crm_documents_save_lines         (CrmStore          *store,
                                               const char        *module,
                                               gint64             id,
                                               GPtrArray         *lines,
                                               const CrmTotals   *totals,
                                               GError           **error);

void         crm_product_hit_free             (CrmProductHit     *hit);
/* Live products whose name or code contains @text (any case; all when
 * empty), names starting with it first, at most @limit. For pickers. */
GPtrArray   *crm_documents_find_products      (CrmStore          *store,
                                               const char        *text,
                                               guint              limit);

/* Sets the line's product, name, description, list price (the unit price)
 * and tax (the default rate when the product is taxable); clears the price
 * book and the discount. A zero quantity becomes 1. */
gboolean     crm_documents_fill_from_product  (CrmStore          *store,
                                               CrmDocLine        *line,
                                               gint64             product_id,
                                               GError           **error);
/* Sets the list price and the percent discount from a price book for the
 * line's product and quantity; price_book_id 0 goes back to the unit price. */
gboolean     crm_documents_apply_price_book   (CrmStore          *store,
                                               CrmDocLine        *line,
                                               gint64             price_book_id,
                                               GError           **error);

/* Quote -> sales order or invoice, sales order -> invoice, in one change
 * set: header fields, addresses and lines are copied, the new document
 * points back through its lookup (quote_name, sales_order) and a
 * "converted" relation, and a sales order turned into an invoice becomes
 * Delivered. Returns the new id, 0 on error. */
gint64       crm_documents_convert            (CrmStore          *store,
                                               const char        *module,
                                               gint64             id,
                                               const char        *to_module,
                                               GError           **error);
/* Converts all or nothing, as one Undo step; returns the new ids (gint64)
 * in the order of @ids. */
GArray      *crm_documents_mass_convert       (CrmStore          *store,
                                               const char        *module,
                                               const gint64      *ids,
                                               guint              n_ids,
                                               const char        *to_module,
                                               GError           **error);
/* CrmDocLink: the documents this one was converted from and into. */
GArray      *crm_documents_list_conversions   (CrmStore          *store,
                                               const char        *module,
                                               gint64             id);

/* Drafts one purchase order per vendor for the live products whose
 * projected stock (in stock + ordered - in demand) is below their reorder
 * level, ordering the difference. Products without a vendor are skipped
 * (*n_skipped, optional). Returns the new purchase order ids (may be
 * empty), NULL on error. One Undo step. */
GArray      *crm_documents_generate_purchase_orders (CrmStore    *store,
                                               guint             *n_skipped,
                                               GError           **error);

/* The prefix of new document numbers (PREFIX-YEAR-NNNN): 1 to 12
 * letters, digits, "-", "_" or "/". The counter is not reset, so numbers
 * are never reused. */
gboolean     crm_documents_set_number_prefix  (CrmStore          *store,
                                               const char        *module,
                                               const char        *prefix,
                                               GError           **error);
char        *crm_documents_dup_number_prefix  (CrmStore          *store,
                                               const char        *module);

G_END_DECLS
