/* crm-document-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "crm-document.h"

G_BEGIN_DECLS

typedef enum
{
  FONT_BODY,          /* address lines, info values */
  FONT_BODY_BOLD,     /* item names, first address line */
  FONT_NUMBER,        /* numeric cells: tabular figures */
  FONT_SMALL,         /* descriptions, company details, terms */
  FONT_CAPS,          /* "BILL TO", terms heading: small caps-like label */
  FONT_TABLE_HEADER,
  FONT_COMPANY,
  FONT_COMPANY_BIG,   /* company name when there is no logo */
  FONT_TITLE,
  FONT_TITLE_BIG,     /* Modern template */
  FONT_SUBTITLE,      /* document number */
  FONT_TOTAL,         /* totals lines: tabular figures */
  FONT_GRAND_TOTAL,
  FONT_FOOTER,
  N_FONTS
} DocFont;

typedef struct
{
  char   **cells;
  char    *description;
  /* Measured by the layout pass */
  double   cells_natural; /* tallest non-item cell, unwrapped */
  double   cells_height;  /* the same at the column widths */
  double   item_height;   /* name and description */
  PangoLayout *item;      /* name and description, at the item column width */
  PangoLayout *numbers;   /* the other cells, one per line; NULL if one breaks lines */
  double   height;        /* whole row including padding */
} DocRow;

typedef struct
{
  char     *label;
  char     *value;
  gboolean  grand;
} DocTotal;

typedef enum
{
  PLACE_ROW,
  PLACE_TOTALS,
  PLACE_TERMS_HEADING,
  PLACE_PARAGRAPH,
} PlaceKind;

/* One block, or one piece of a block split by lines, on one page. */
typedef struct
{
  PlaceKind kind;
  guint     page;
  guint     index;       /* row or paragraph */
  guint     first_line;  /* only for pieces of a split block */
  guint     n_lines;     /* 0: the whole block */
  double    y;
  double    height;
} DocPlacement;

typedef struct
{
  guint  first;          /* into placements */
  guint  n;
  double table_top;      /* where the repeated table header goes, < 0: none */
} DocPage;

struct _CrmDocument
{
  GObject              parent_instance;

  /* Content */
  CrmDocumentTemplate  tmpl;
  CrmPaperSize         paper;
  double               accent[3];
  cairo_surface_t     *logo;
  char                *company_name;
  char                *company_details;
  char                *title;
  char                *number;
  GPtrArray           *info;          /* label, value, label, value, ... */
  char                *bill_label;
  char                *bill_to;
  char                *ship_label;
  char                *ship_to;
  char               **headers;
  guint                n_columns;
  guint                item_column;
  GArray              *rows;          /* DocRow */
  GArray              *totals;        /* DocTotal */
  char                *terms_heading;
  char               **terms;         /* paragraphs */
  char                *footer;

  /* Text machinery, made on first use */
  PangoContext         *pango;
  PangoLayout          *layout;
  PangoFontDescription *fonts[N_FONTS];
  PangoAttrList        *attrs[N_FONTS];
  GHashTable           *repeated;     /* key -> PangoLayout, see show_text_repeated() */

  /* Layout result, valid while laid_out is set */
  gboolean              laid_out;
  gboolean              cells_measured;
  double                page_width;
  double                page_height;
  double               *col_natural;  /* widest cell text per column */
  double               *col_x;
  double               *col_width;
  gboolean              columns_squeezed;
  double                table_header_height;
  double                body_top;       /* on pages after the first */
  double                body_bottom;
  double                footer_height;
  double                totals_height;
  double                totals_x;
  double                totals_label_width;
  double                totals_value_width;
  int                   totals_page;
  GArray               *placements;   /* DocPlacement */
  GArray               *pages;        /* DocPage */
};

void     _crm_document_invalidate      (CrmDocument *self);
void     _crm_document_layout_clear    (CrmDocument *self);
void     _crm_document_layout          (CrmDocument *self,
                                        double       page_width,
                                        double       page_height);
void     _crm_document_render_page     (CrmDocument *self,
                                        cairo_t     *cr,
                                        guint        page);

/* For tests: where the first (or only) piece of @row was placed;
 * returns the number of pieces (0: not placed). */
guint    _crm_document_get_row_extents (CrmDocument *self,
                                        guint        row,
                                        int         *page,
                                        double      *y,
                                        double      *height);
/* For tests: the page with the totals block, -1 when there is none. */
int      _crm_document_get_totals_page (CrmDocument *self);
/* For tests: the bottom of the area rows may use. */
double   _crm_document_get_body_bottom (CrmDocument *self);

G_END_DECLS
