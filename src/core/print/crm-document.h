/* crm-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * CrmDocument lays out one quote, sales order, purchase order or invoice
 * on any cairo_t: print pages, print preview and PDF export all call the
 * same code, so they look the same.
 *
 * Every text is shown as given: money, dates and quantities are formatted
 * by the caller. The document does no database or locale work.
 *
 * Coordinates are in points (1/72 inch) from the top left corner of the
 * paper; the document keeps its own 40 pt margins. With GtkPrintOperation
 * use gtk_print_operation_set_unit (op, GTK_UNIT_POINTS) and
 * gtk_print_operation_set_use_full_page (op, TRUE), paginate in
 * "paginate" and call crm_document_draw_page() in "draw-page".
 *
 * The layout does not depend on the cairo target (no hinting, unrounded
 * glyph positions), so a preview at any zoom is positioned exactly like
 * the printed page and the PDF.
 *
 * A document is not thread-safe: fill, paginate and draw it in one thread
 * (any one thread: each thread gets Pango's font map of its own). It keeps
 * the laid-out text of every row, roughly 70 bytes per character (5 MB
 * for 500 lines with long descriptions).
 */

#define CRM_TYPE_DOCUMENT (crm_document_get_type ())

G_DECLARE_FINAL_TYPE (CrmDocument, crm_document, CRM, DOCUMENT, GObject)

#define CRM_DOCUMENT_ERROR (crm_document_error_quark ())

typedef enum
{
  CRM_DOCUMENT_ERROR_INVALID_LOGO,
  CRM_DOCUMENT_ERROR_RENDER,
} CrmDocumentError;

typedef enum
{
  CRM_DOCUMENT_TEMPLATE_CLASSIC,
  CRM_DOCUMENT_TEMPLATE_MODERN,
} CrmDocumentTemplate;

typedef enum
{
  CRM_PAPER_A4,
  CRM_PAPER_LETTER,
} CrmPaperSize;

GQuark       crm_document_error_quark    (void);

CrmDocument *crm_document_new            (void);

void         crm_document_set_template   (CrmDocument         *self,
                                          CrmDocumentTemplate  tmpl);
/* Components in 0..1; used for rules, headings and the grand total. */
void         crm_document_set_accent     (CrmDocument         *self,
                                          double               red,
                                          double               green,
                                          double               blue);
void         crm_document_set_paper      (CrmDocument         *self,
                                          CrmPaperSize         paper);
/* A4 is 595.28 x 841.89 pt, Letter 612 x 792 pt. */
void         crm_document_get_paper_size (CrmDocument         *self,
                                          double              *width,
                                          double              *height);

/* Drawn scaled to fit a 190 x 65 pt box. %NULL removes the logo. On a
 * file that is not a PNG it fails and keeps the previous logo. */
gboolean     crm_document_set_logo_png   (CrmDocument         *self,
                                          GBytes              *png,
                                          GError             **error);
/* @details: newline-separated lines (address, phone, e-mail, web, tax id). */
void         crm_document_set_company    (CrmDocument         *self,
                                          const char          *name,
                                          const char          *details);
/* e.g. "Invoice", "INV-2026-0001" */
void         crm_document_set_title      (CrmDocument         *self,
                                          const char          *title,
                                          const char          *number);
/* One line of the info block: "Date", "Due date", "Status", ... */
void         crm_document_add_info       (CrmDocument         *self,
                                          const char          *label,
                                          const char          *value);
/* The first line of each address is shown bold (the customer name).
 * Any argument may be %NULL to leave that part out. */
void         crm_document_set_addresses  (CrmDocument         *self,
                                          const char          *bill_label,
                                          const char          *bill_to,
                                          const char          *ship_label,
                                          const char          *ship_to);
/* @headers is %NULL-terminated. Column @item_column takes the remaining
 * width and wraps; every other column is right-aligned with tabular
 * figures. Removes any rows already added. */
void         crm_document_set_columns    (CrmDocument         *self,
                                          const char * const  *headers,
                                          guint                item_column);
/* @cells has one string per column (%NULL-terminated); the item cell is
 * shown bold with the optional @description below it in smaller text. */
void         crm_document_add_row        (CrmDocument         *self,
                                          const char * const  *cells,
                                          const char          *description);
/* @grand marks the grand total, shown larger in the accent colour. */
void         crm_document_add_total      (CrmDocument         *self,
                                          const char          *label,
                                          const char          *value,
                                          gboolean             grand);
/* @text: paragraphs separated by newlines; they flow onto further pages. */
void         crm_document_set_terms      (CrmDocument         *self,
                                          const char          *heading,
                                          const char          *text);
/* Shown small at the bottom of every page, next to "Page x of y". */
void         crm_document_set_footer     (CrmDocument         *self,
                                          const char          *text);

/* Lays the document out on pages of this size (points) and returns the
 * page count (at least 1). */
int          crm_document_paginate       (CrmDocument         *self,
                                          double               page_width,
                                          double               page_height);
/* Draws page @page_index (0-based) with its top left corner at the
 * current user-space origin of @cr. Paginates first when needed. */
void         crm_document_draw_page      (CrmDocument         *self,
                                          cairo_t             *cr,
                                          int                  page_index,
                                          double               page_width,
                                          double               page_height);

/* Writes a PDF of the paper size. The file is written to a temporary name
 * and renamed, so @path is either the complete PDF or left untouched. */
gboolean     crm_document_export_pdf     (CrmDocument         *self,
                                          const char          *path,
                                          GError             **error);

G_END_DECLS
