/* crm-pricing.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/*
 * Tax rates and price books.
 *
 * Tax rates are the company's list (name and rate in basis points, PPN 11%
 * = 1100) chosen on each document line; a line keeps a snapshot of the rate,
 * so changing or removing a rate leaves issued documents alone.
 *
 * A price book (a record of the price_books module) lists products at a
 * list price of its own, and carries quantity ranges with a discount each.
 * Its pricing model picklist value has the meaning "flat" or
 * "differential":
 *   Flat          one discount for any quantity: the first range's
 *   Differential  the discount of the range the line's quantity falls in
 *                 (both ends included); outside every range, none
 * Quantities are thousandths, discounts basis points.
 */

typedef struct
{
  gint64  id;
  char   *name;
  gint32  rate;        /* basis points */
} CrmTaxRate;

typedef enum
{
  CRM_PRICING_FLAT,
  CRM_PRICING_DIFFERENTIAL,
} CrmPricingModel;

#define CRM_PRICE_RANGE_UNBOUNDED (-1)

typedef struct
{
  gint64  from_qty;    /* thousandths, included */
  gint64  to_qty;      /* thousandths, included; CRM_PRICE_RANGE_UNBOUNDED = no end */
  gint32  discount;    /* basis points */
} CrmPriceRange;

typedef struct
{
  gint64  price_book_id;
  gint64  product_id;
  gint64  list_price;  /* minor units */
} CrmPriceBookEntry;

void             crm_tax_rate_free              (CrmTaxRate          *rate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmTaxRate, crm_tax_rate_free)

/* CrmTaxRate*, in Setup order. */
GPtrArray       *crm_tax_rates_list             (CrmStore            *store);
CrmTaxRate      *crm_tax_rate_lookup            (CrmStore            *store,
                                                 gint64               id);
gint64           crm_tax_rate_add               (CrmStore            *store,
                                                 const char          *name,
                                                 gint32               rate,
                                                 GError             **error);
gboolean         crm_tax_rate_update            (CrmStore            *store,
                                                 gint64               id,
                                                 const char          *name,
                                                 gint32               rate,
                                                 GError             **error);
gboolean         crm_tax_rate_remove            (CrmStore            *store,
                                                 gint64               id,
                                                 GError             **error);
/* The rate filled in for taxable products (0 = none). */
gint64           crm_tax_rate_get_default       (CrmStore            *store);
gboolean         crm_tax_rate_set_default       (CrmStore            *store,
                                                 gint64               id,
                                                 GError             **error);

CrmPricingModel  crm_price_book_get_model       (CrmStore            *store,
                                                 gint64               price_book_id);
gboolean         crm_price_book_set_list_price  (CrmStore            *store,
                                                 gint64               price_book_id,
                                                 gint64               product_id,
                                                 gint64               list_price,
                                                 GError             **error);
gboolean         crm_price_book_remove_product  (CrmStore            *store,
                                                 gint64               price_book_id,
                                                 gint64               product_id,
                                                 GError             **error);
/* CrmPriceBookEntry of one book, by product name. */
GArray          *crm_price_book_list_entries    (CrmStore            *store,
                                                 gint64               price_book_id);
/* CrmPriceBookEntry of the active books that list a product, by book name. */
GArray          *crm_price_book_list_for_product (CrmStore           *store,
                                                 gint64               product_id);
/* Replaces the ranges. They are sorted by from_qty and must not overlap. */
gboolean         crm_price_book_set_ranges      (CrmStore            *store,
                                                 gint64               price_book_id,
                                                 const CrmPriceRange *ranges,
                                                 guint                n_ranges,
                                                 GError             **error);
/* CrmPriceRange, by from_qty. */
GArray          *crm_price_book_get_ranges      (CrmStore            *store,
                                                 gint64               price_book_id);
/* The book's list price for the product and its discount for @quantity.
 * Fails on an inactive book or a product the book does not list. */
gboolean         crm_price_book_get_price       (CrmStore            *store,
                                                 gint64               price_book_id,
                                                 gint64               product_id,
                                                 gint64               quantity,
                                                 gint64              *list_price,
                                                 gint32              *discount,
                                                 GError             **error);

G_END_DECLS
