/* crm-document-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-document"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "crm-document-private.h"

/* Page geometry in points. */
#define MARGIN        40.0
#define GUTTER        18.0
#define CELL_PAD_X     6.0
#define CELL_PAD_Y     5.0
#define HEADER_PAD_Y   6.0
#define TOTALS_GAP    10.0
#define TOTAL_PAD_Y    3.0
#define GRAND_PAD_Y    6.0
#define TERMS_GAP     22.0
#define PARA_GAP       2.0
#define FOOTER_GAP    14.0
#define LOGO_WIDTH   190.0
#define LOGO_HEIGHT   65.0

typedef struct
{
  double r, g, b;
} Rgb;

static const Rgb ink = { 0.13, 0.13, 0.15 };
static const Rgb ink_soft = { 0.27, 0.27, 0.30 };
static const Rgb dim = { 0.42, 0.42, 0.45 };
static const Rgb rule = { 0.82, 0.82, 0.84 };
static const Rgb white = { 1.0, 1.0, 1.0 };

typedef struct
{
  double top;
  double bottom;
} LineBox;

static const struct
{
  const char *description;
  gboolean    tabular;
  double      letter_spacing;
} font_specs[N_FONTS] = {
  [FONT_BODY]          = { "Cantarell,sans 9", FALSE, 0 },
  [FONT_BODY_BOLD]     = { "Cantarell,sans Bold 9", FALSE, 0 },
  [FONT_NUMBER]        = { "Cantarell,sans 9", TRUE, 0 },
  [FONT_SMALL]         = { "Cantarell,sans 8", FALSE, 0 },
  [FONT_CAPS]          = { "Cantarell,sans Bold 7", FALSE, 0.8 },
  [FONT_TABLE_HEADER]  = { "Cantarell,sans Bold 7.5", FALSE, 0.6 },
  [FONT_COMPANY]       = { "Cantarell,sans Bold 12", FALSE, 0 },
  [FONT_COMPANY_BIG]   = { "Cantarell,sans Bold 18", FALSE, 0 },
  [FONT_TITLE]         = { "Cantarell,sans Bold 22", FALSE, 0 },
  [FONT_TITLE_BIG]     = { "Cantarell,sans Light 30", FALSE, 0 },
  [FONT_SUBTITLE]      = { "Cantarell,sans 10.5", TRUE, 0 },
  [FONT_TOTAL]         = { "Cantarell,sans 9", TRUE, 0 },
  [FONT_GRAND_TOTAL]   = { "Cantarell,sans Bold 11", TRUE, 0 },
  [FONT_FOOTER]        = { "Cantarell,sans 7", FALSE, 0 },
};

/*
 * Text helpers. Short texts go through the one shared PangoLayout; rows
 * keep their own layouts (see layout_item()). All share one PangoContext:
 * pango_cairo_create_layout() per snippet would make a context each time
 * (PERFORMANCE.md §4).
 */

static void
ensure_pango (CrmDocument *self)
{
  cairo_font_options_t *options;

  if (self->layout != NULL)
    return;

  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* One user-space unit is one point, and nothing is snapped to the
   * device grid: the layout is then the same on paper, in a preview at
   * any zoom and in the PDF. */
  pango_cairo_context_set_resolution (self->pango, 72.0);
  pango_context_set_round_glyph_positions (self->pango, FALSE);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);

  self->layout = pango_layout_new (self->pango);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  self->repeated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < N_FONTS; i++)
    {
      PangoAttrList *attrs = NULL;

      self->fonts[i] = pango_font_description_from_string (font_specs[i].description);
      if (font_specs[i].tabular || font_specs[i].letter_spacing > 0)
        attrs = pango_attr_list_new ();
      if (font_specs[i].tabular)
        pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum 1"));
      if (font_specs[i].letter_spacing > 0)
        pango_attr_list_insert (attrs,
                                pango_attr_letter_spacing_new (pango_units_from_double (font_specs[i].letter_spacing)));
      self->attrs[i] = attrs;
    }
}

/* Sets up the layout for @text and returns its height in points. A
 * @width <= 0 means one line per paragraph; a @max_height > 0 cuts the
 * text with an ellipsis so a silly long value cannot push the page apart.
 * @attrs replaces the font's own attributes. */
static double
prepare_text_full (CrmDocument    *self,
                   DocFont         font,
                   PangoAttrList  *attrs,
                   const char     *text,
                   double          width,
                   PangoAlignment  align,
                   double          max_height)
{
  PangoLayout *layout = self->layout;
  PangoRectangle logical;

  pango_layout_set_font_description (layout, self->fonts[font]);
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_width (layout, width > 0 ? pango_units_from_double (width) : -1);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_ellipsize (layout, max_height > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_height (layout, max_height > 0 ? pango_units_from_double (max_height) : -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double)PANGO_SCALE;
}

static double
prepare_text (CrmDocument    *self,
              DocFont         font,
              const char     *text,
              double          width,
              PangoAlignment  align,
              double          max_height)
{
  return prepare_text_full (self, font, self->attrs[font], text, width, align, max_height);
}

static void
set_color (cairo_t   *cr,
           const Rgb *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

/* Shows @text when @cr is set, measures it otherwise; returns its height. */
static double
show_text (CrmDocument    *self,
           cairo_t        *cr,
           DocFont         font,
           const char     *text,
           double          x,
           double          y,
           double          width,
           PangoAlignment  align,
           const Rgb      *color,
           double          max_height)
{
  double height;

  if (text == NULL || *text == '\0')
    return 0;

  height = prepare_text (self, font, text, width, align, max_height);
  if (cr != NULL)
    {
      set_color (cr, color);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, self->layout);
    }
  return height;
}

/* Like show_text() for the texts drawn again on every page (table
 * header, running header, footer): their layouts are kept, so a long
 * document does not shape them once per page. */
static double
show_text_repeated (CrmDocument    *self,
                    cairo_t        *cr,
                    DocFont         font,
                    const char     *text,
                    double          x,
                    double          y,
                    double          width,
                    PangoAlignment  align,
                    const Rgb      *color,
                    double          max_height)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;
  PangoRectangle logical;

  if (text == NULL || *text == '\0')
    return 0;

  key = g_strdup_printf ("%d|%.3f|%d|%.3f|%s", font, width, align, max_height, text);
  layout = g_hash_table_lookup (self->repeated, key);
  if (layout == NULL)
    {
      prepare_text (self, font, text, width, align, max_height);
      layout = pango_layout_copy (self->layout);
      g_hash_table_insert (self->repeated, g_steal_pointer (&key), layout);
    }

  if (cr != NULL)
    {
      set_color (cr, color);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double)PANGO_SCALE;
}

static double
text_width (CrmDocument *self,
            DocFont      font,
            const char  *text,
            double      *height)
{
  PangoRectangle logical;

  prepare_text (self, font, text != NULL ? text : "", -1, PANGO_ALIGN_LEFT, -1);
  pango_layout_get_extents (self->layout, NULL, &logical);
  if (height != NULL)
    *height = logical.height / (double)PANGO_SCALE;
  return logical.width / (double)PANGO_SCALE;
}

/* The line boxes of @layout, shifted by @offset. */
static void
collect_lines (PangoLayout *layout,
               double       offset,
               GArray      *lines)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      LineBox box;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      box.top = offset + y0 / (double)PANGO_SCALE;
      box.bottom = offset + y1 / (double)PANGO_SCALE;
      g_array_append_val (lines, box);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Draws lines [first, last) of @layout as if its
 * top left corner were at (@x, @y): the pieces of a split block. */
static void
show_lines (PangoLayout *layout,
            cairo_t     *cr,
            double       x,
            double       y,
            guint        first,
            guint        last)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  guint i = 0;

  do
    {
      if (i >= first)
        {
          PangoRectangle logical;
          double baseline;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          baseline = pango_layout_iter_get_baseline (iter) / (double)PANGO_SCALE;
          cairo_move_to (cr, x + logical.x / (double)PANGO_SCALE, y + baseline);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (i < last && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
hline (cairo_t   *cr,
       double     x,
       double     y,
       double     width,
       double     thickness,
       const Rgb *color)
{
  set_color (cr, color);
  cairo_rectangle (cr, x, y, width, thickness);
  cairo_fill (cr);
}

/*
 * Colours
 */

static double
luminance (const double rgb[3])
{
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

/* The accent as a text colour: a light accent is darkened to stay
 * readable on white paper. */
static Rgb
accent_ink (CrmDocument *self)
{
  double f = luminance (self->accent) > 0.5 ? 0.55 : 1.0;
  Rgb c = { self->accent[0] * f, self->accent[1] * f, self->accent[2] * f };

  return c;
}

static Rgb
accent (CrmDocument *self)
{
  Rgb c = { self->accent[0], self->accent[1], self->accent[2] };

  return c;
}

/* Text on an accent-filled band. */
static const Rgb *
on_accent (CrmDocument *self)
{
  return luminance (self->accent) > 0.6 ? &ink : &white;
}

static Rgb
accent_tint (CrmDocument *self,
             double       amount)
{
  Rgb c = {
    1.0 - amount * (1.0 - self->accent[0]),
    1.0 - amount * (1.0 - self->accent[1]),
    1.0 - amount * (1.0 - self->accent[2]),
  };

  return c;
}

static gboolean
is_modern (CrmDocument *self)
{
  return self->tmpl == CRM_DOCUMENT_TEMPLATE_MODERN;
}

static double
table_width (CrmDocument *self)
{
  return MAX (self->page_width - 2 * MARGIN, 100.0);
}

/*
 * Blocks. Each render_* function draws when @cr is set and only measures
 * when it is %NULL, so measuring and drawing cannot disagree.
 */

static void
logo_size (CrmDocument *self,
           double      *width,
           double      *height)
{
  double w = cairo_image_surface_get_width (self->logo);
  double h = cairo_image_surface_get_height (self->logo);
  double scale = MIN (LOGO_WIDTH / w, LOGO_HEIGHT / h);

  *width = w * scale;
  *height = h * scale;
}

static double
render_logo (CrmDocument *self,
             cairo_t     *cr,
             double       x,
             double       y)
{
  double w, h;

  logo_size (self, &w, &h);
  if (cr != NULL)
    {
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, w / cairo_image_surface_get_width (self->logo),
                   h / cairo_image_surface_get_height (self->logo));
      cairo_set_source_surface (cr, self->logo, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_restore (cr);
    }
  return h;
}

static double
render_caps (CrmDocument *self,
             cairo_t     *cr,
             const char  *label,
             double       x,
             double       y,
             double       width)
{
  g_autofree char *upper = NULL;
  Rgb color = accent_ink (self);

  if (label == NULL || *label == '\0')
    return 0;

  /* Uppercased in the string, not with a Pango text transform: the PDF
   * maps glyphs back to the source text, and "i" behind an "I" glyph
   * would break copy and search. */
  upper = g_utf8_strup (label, -1);
  return show_text (self, cr, FONT_CAPS, upper, x, y, width, PANGO_ALIGN_LEFT, &color, 20) + 4;
}

static double
render_address (CrmDocument *self,
                cairo_t     *cr,
                const char  *label,
                const char  *text,
                double       x,
                double       y,
                double       width)
{
  double h = render_caps (self, cr, label, x, y, width);

  if (text != NULL && *text != '\0')
    {
      const char *newline = strchr (text, '\n');
      g_autofree char *first = g_strndup (text, newline != NULL ? (gsize)(newline - text) : strlen (text));

      h += show_text (self, cr, FONT_BODY_BOLD, first, x, y + h, width, PANGO_ALIGN_LEFT, &ink, 30);
      if (newline != NULL)
        h += 1 + show_text (self, cr, FONT_BODY, newline + 1, x, y + h + 1, width,
                            PANGO_ALIGN_LEFT, &ink_soft, 110);
    }
  return h;
}

/* Label/value grid whose right edge is at @right. */
static double
render_info (CrmDocument *self,
             cairo_t     *cr,
             double       right,
             double       max_width,
             double       y)
{
  double label_width = 0, value_width = 0, width, h = 0;
  const double gap = 14;

  for (guint i = 0; i + 1 < self->info->len; i += 2)
    {
      label_width = MAX (label_width, text_width (self, FONT_BODY, self->info->pdata[i], NULL));
      value_width = MAX (value_width, text_width (self, FONT_BODY, self->info->pdata[i + 1], NULL));
    }
  if (self->info->len == 0)
    return 0;

  /* +1: unrounded widths must not wrap the widest text at its own width */
  label_width = ceil (label_width) + 1;
  value_width = ceil (value_width) + 1;
  width = MIN (label_width + gap + value_width, max_width);
  if (label_width + gap + value_width > width)
    {
      label_width = MIN (label_width, (width - gap) / 2);
      value_width = width - gap - label_width;
    }

  for (guint i = 0; i + 1 < self->info->len; i += 2)
    {
      double x = right - width;
      double lh = show_text (self, cr, FONT_BODY, self->info->pdata[i], x, y + h,
                             label_width, PANGO_ALIGN_LEFT, &dim, 30);
      double vh = show_text (self, cr, FONT_BODY, self->info->pdata[i + 1],
                             x + label_width + gap, y + h, value_width,
                             PANGO_ALIGN_RIGHT, &ink, 30);
      h += MAX (lh, vh) + 3;
    }
  return h;
}

static double
render_header_classic (CrmDocument *self,
                       cairo_t     *cr)
{
  double tw = table_width (self);
  double x_right = MARGIN + tw * 0.45;
  double w_right = tw * 0.55;
  double col = (tw - 2 * GUTTER) / 3;
  double y = MARGIN, left = 0, right = 0, bill, ship, info;
  Rgb acc = accent (self);

  if (self->logo != NULL)
    left = render_logo (self, cr, MARGIN, y);
  else
    left = show_text (self, cr, FONT_COMPANY_BIG, self->company_name, MARGIN, y,
                      tw * 0.5, PANGO_ALIGN_LEFT, &ink, 50);

  if (self->logo != NULL && self->company_name != NULL)
    right += show_text (self, cr, FONT_COMPANY, self->company_name, x_right, y,
                        w_right, PANGO_ALIGN_RIGHT, &ink, 40) + 2;
  right += show_text (self, cr, FONT_SMALL, self->company_details, x_right, y + right,
                      w_right, PANGO_ALIGN_RIGHT, &dim, 110);

  y += MAX (left, right) + 14;
  if (cr != NULL)
    hline (cr, MARGIN, y, tw, 1.5, &acc);
  y += 1.5 + 18;

  y += show_text (self, cr, FONT_TITLE, self->title, MARGIN, y, tw, PANGO_ALIGN_LEFT, &ink, 60);
  y += show_text (self, cr, FONT_SUBTITLE, self->number, MARGIN, y, tw, PANGO_ALIGN_LEFT, &dim, 30);
  y += 18;

  bill = render_address (self, cr, self->bill_label, self->bill_to, MARGIN, y, col);
  ship = render_address (self, cr, self->ship_label, self->ship_to, MARGIN + col + GUTTER, y, col);
  info = render_info (self, cr, MARGIN + tw, col, y);
  return y + MAX (MAX (bill, ship), info);
}

static double
render_header_modern (CrmDocument *self,
                      cairo_t     *cr)
{
  double tw = table_width (self);
  double half = tw / 2 - GUTTER / 2;
  double col = (tw - 2 * GUTTER) / 3;
  double y = MARGIN, left = y, right = y, bill, ship;
  Rgb title_color = accent_ink (self);

  if (self->logo != NULL)
    {
      left += render_logo (self, cr, MARGIN, left) + 10;
      left += show_text (self, cr, FONT_COMPANY, self->company_name, MARGIN, left,
                         half, PANGO_ALIGN_LEFT, &ink, 40);
    }
  else
    left += show_text (self, cr, FONT_COMPANY_BIG, self->company_name, MARGIN, left,
                       half, PANGO_ALIGN_LEFT, &ink, 50);
  left += 3 + show_text (self, cr, FONT_SMALL, self->company_details, MARGIN, left + 3,
                         half, PANGO_ALIGN_LEFT, &dim, 110);

  /* The light title's ascent leaves air above the glyphs; pull it up to
   * line up with the logo. */
  right -= 6;
  right += show_text (self, cr, FONT_TITLE_BIG, self->title, MARGIN + tw - half, right,
                      half, PANGO_ALIGN_RIGHT, &title_color, 80);
  right += show_text (self, cr, FONT_SUBTITLE, self->number, MARGIN + tw - half, right,
                      half, PANGO_ALIGN_RIGHT, &dim, 30);
  right += 14;
  right += render_info (self, cr, MARGIN + tw, half, right);

  y = MAX (left, right) + 22;
  bill = render_address (self, cr, self->bill_label, self->bill_to, MARGIN, y, col);
  ship = render_address (self, cr, self->ship_label, self->ship_to, MARGIN + col + GUTTER, y, col);
  return y + MAX (bill, ship);
}

/* Returns where the body starts on the first page. */
static double
render_header (CrmDocument *self,
               cairo_t     *cr)
{
  double bottom = is_modern (self) ? render_header_modern (self, cr)
                                   : render_header_classic (self, cr);

  return bottom + 24;
}

/* Title, number and company on the pages after the first; returns where
 * the body starts. */
static double
render_running_header (CrmDocument *self,
                       cairo_t     *cr)
{
  g_autofree char *title = g_strjoin (" ", self->title != NULL ? self->title : "",
                                      self->number != NULL ? self->number : "", NULL);
  double tw = table_width (self);
  double h, y = MARGIN;
  Rgb line = is_modern (self) ? rule : accent (self);

  g_strstrip (title);
  h = show_text_repeated (self, cr, FONT_BODY_BOLD, title, MARGIN, y, tw * 0.5,
                          PANGO_ALIGN_LEFT, &ink, 24);
  h = MAX (h, show_text_repeated (self, cr, FONT_BODY, self->company_name, MARGIN + tw * 0.5, y,
                                  tw * 0.5, PANGO_ALIGN_RIGHT, &dim, 24));
  y += MAX (h, 10) + 5;
  if (cr != NULL)
    hline (cr, MARGIN, y, tw, 0.75, &line);
  return y + 0.75 + 16;
}

static double
render_footer (CrmDocument *self,
               cairo_t     *cr,
               guint        page,
               guint        n_pages)
{
  g_autofree char *label = NULL;
  double tw = table_width (self);
  double top = self->page_height - MARGIN - self->footer_height;
  double h;

  /* TRANSLATORS: page number in the footer of printed quotes and invoices */
  label = g_strdup_printf (_("Page %d of %d"), (int)page + 1, (int)n_pages);
  if (cr != NULL)
    hline (cr, MARGIN, top, tw, 0.5, &rule);
  h = show_text_repeated (self, cr, FONT_FOOTER, self->footer, MARGIN, top + 5, tw * 0.75,
                          PANGO_ALIGN_LEFT, &dim, 28);
  h = MAX (h, show_text (self, cr, FONT_FOOTER, label, MARGIN + tw * 0.75, top + 5,
                         tw * 0.25, PANGO_ALIGN_RIGHT, &dim, 28));
  return h + 5;
}

static double
render_table_header (CrmDocument *self,
                     cairo_t     *cr,
                     double       y)
{
  Rgb acc = accent (self);
  Rgb color = is_modern (self) ? *on_accent (self) : accent_ink (self);
  double h = 0;

  if (cr != NULL && is_modern (self))
    {
      set_color (cr, &acc);
      cairo_rectangle (cr, MARGIN, y, table_width (self), self->table_header_height);
      cairo_fill (cr);
    }

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *upper = g_utf8_strup (self->headers[c], -1);

      h = MAX (h, show_text_repeated (self, cr, FONT_TABLE_HEADER, upper,
                                      self->col_x[c] + CELL_PAD_X, y + HEADER_PAD_Y,
                                      self->col_width[c] - 2 * CELL_PAD_X,
                                      c == self->item_column ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT,
                                      &color, 30));
    }
  h += 2 * HEADER_PAD_Y;

  if (cr != NULL && !is_modern (self))
    hline (cr, MARGIN, y + h - 1, table_width (self), 1, &acc);
  return h;
}

/* The item cell is one layout: the name in bold, the description below
 * it smaller and dimmed. It is kept with the row, so the pages are drawn
 * without shaping the text a second time; splitting a tall row is then
 * just a matter of lines. Returns its height. */
static double
layout_item (CrmDocument *self,
             DocRow      *row)
{
  PangoRectangle logical;

  if (row->item == NULL)
    {
      const char *name = row->cells[self->item_column];
      g_autoptr(GString) text = g_string_new (name);
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      PangoAttribute *attr;

      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = 0;
      attr->end_index = text->len;
      pango_attr_list_insert (attrs, attr);

      if (row->description != NULL)
        {
          guint start;

          /* An empty paragraph in a tiny size keeps the name and its
           * description apart by a couple of points. */
          if (text->len > 0)
            {
              g_string_append (text, "\n\n");
              attr = pango_attr_size_new (2 * PANGO_SCALE);
              attr->start_index = text->len - 1;
              attr->end_index = text->len;
              pango_attr_list_insert (attrs, attr);
            }
          start = text->len;
          g_string_append (text, row->description);

          attr = pango_attr_size_new (8 * PANGO_SCALE);
          attr->start_index = start;
          pango_attr_list_insert (attrs, attr);
          attr = pango_attr_foreground_new (dim.r * 65535, dim.g * 65535, dim.b * 65535);
          attr->start_index = start;
          pango_attr_list_insert (attrs, attr);
        }

      row->item = pango_layout_new (self->pango);
      pango_layout_set_wrap (row->item, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_font_description (row->item, self->fonts[FONT_BODY]);
      pango_layout_set_attributes (row->item, attrs);
      pango_layout_set_text (row->item, text->str, -1);
    }

  pango_layout_set_width (row->item,
                          pango_units_from_double (self->col_width[self->item_column] - 2 * CELL_PAD_X));
  pango_layout_get_extents (row->item, NULL, &logical);
  return logical.height / (double)PANGO_SCALE;
}

static void
render_numbers (CrmDocument  *self,
                cairo_t      *cr,
                const DocRow *row,
                double        y)
{
  PangoLayoutIter *iter;
  double baseline;
  guint c;

  if (self->columns_squeezed || row->numbers == NULL)
    {
      for (c = 0; c < self->n_columns; c++)
        if (c != self->item_column)
          show_text (self, cr, FONT_NUMBER, row->cells[c], self->col_x[c] + CELL_PAD_X, y,
                     self->col_width[c] - 2 * CELL_PAD_X, PANGO_ALIGN_RIGHT, &ink, -1);
      return;
    }

  /* One line of the row's numbers layout per cell, all on the baseline
   * of the first line, right-aligned in their columns. */
  set_color (cr, &ink);
  iter = pango_layout_get_iter (row->numbers);
  baseline = y + pango_layout_iter_get_baseline (iter) / (double)PANGO_SCALE;
  c = self->item_column == 0 ? 1 : 0;
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (logical.width > 0)
        {
          cairo_move_to (cr, self->col_x[c] + self->col_width[c] - CELL_PAD_X
                             - logical.width / (double)PANGO_SCALE,
                         baseline);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      if (++c == self->item_column)
        c++;
    }
  while (c < self->n_columns && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
render_row (CrmDocument        *self,
            cairo_t            *cr,
            const DocPlacement *place)
{
  const DocRow *row = &g_array_index (self->rows, DocRow, place->index);
  double x_item = self->col_x[self->item_column] + CELL_PAD_X;
  double y = place->y + CELL_PAD_Y;
  double tw = table_width (self);

  if (is_modern (self) && place->index % 2 == 1)
    {
      Rgb zebra = accent_tint (self, 0.07);

      set_color (cr, &zebra);
      cairo_rectangle (cr, MARGIN, place->y, tw, place->height);
      cairo_fill (cr);
    }

  set_color (cr, &ink);
  if (place->n_lines == 0)
    {
      cairo_move_to (cr, x_item, y);
      pango_cairo_show_layout (cr, row->item);
    }
  else
    {
      g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (LineBox));
      guint first = place->first_line;

      collect_lines (row->item, 0, lines);
      show_lines (row->item, cr, x_item, y - g_array_index (lines, LineBox, first).top,
                  first, first + place->n_lines);
    }

  /* The numbers go with the first piece of a split row. */
  if (place->first_line == 0)
    render_numbers (self, cr, row, y);

  if (!is_modern (self))
    hline (cr, MARGIN, place->y + place->height - 0.5, tw, 0.5, &rule);
}

static double
render_totals (CrmDocument *self,
               cairo_t     *cr,
               double       y)
{
  double x = self->totals_x;
  double right = MARGIN + table_width (self);
  double width = right - x;
  double label_x = x + CELL_PAD_X;
  double value_x = right - CELL_PAD_X - self->totals_value_width;
  double h = 0;

  for (guint i = 0; i < self->totals->len; i++)
    {
      const DocTotal *total = &g_array_index (self->totals, DocTotal, i);
      DocFont font = total->grand ? FONT_GRAND_TOTAL : FONT_TOTAL;
      double pad = total->grand ? GRAND_PAD_Y : TOTAL_PAD_Y;
      const Rgb *color = &ink;
      Rgb acc = accent (self);
      Rgb acc_ink = accent_ink (self);
      double line_h;

      if (total->grand)
        {
          double top = y + h + (i > 0 ? 4 : 0);
          double lh = prepare_text (self, font, total->label, self->totals_label_width,
                                    PANGO_ALIGN_LEFT, 40);
          double vh = prepare_text (self, font, total->value, self->totals_value_width,
                                    PANGO_ALIGN_RIGHT, 40);

          line_h = MAX (lh, vh) + 2 * pad;
          if (cr != NULL && is_modern (self))
            {
              set_color (cr, &acc);
              cairo_rectangle (cr, x, top, width, line_h);
              cairo_fill (cr);
            }
          else if (cr != NULL)
            hline (cr, x, top, width, 1.25, &acc);
          color = is_modern (self) ? on_accent (self) : &acc_ink;
          h = top - y;
        }

      line_h = MAX (show_text (self, cr, font, total->label, label_x, y + h + pad,
                               self->totals_label_width, PANGO_ALIGN_LEFT, color, 40),
                    show_text (self, cr, font, total->value, value_x, y + h + pad,
                               self->totals_value_width, PANGO_ALIGN_RIGHT, color, 40));
      h += line_h + 2 * pad;
    }
  return h;
}

static void
layout_totals (CrmDocument *self)
{
  double tw = table_width (self);
  double label_width = 0, value_width = 0, width;

  for (guint i = 0; i < self->totals->len; i++)
    {
      const DocTotal *total = &g_array_index (self->totals, DocTotal, i);
      DocFont font = total->grand ? FONT_GRAND_TOTAL : FONT_TOTAL;

      label_width = MAX (label_width, text_width (self, font, total->label, NULL));
      value_width = MAX (value_width, text_width (self, font, total->value, NULL));
    }
  label_width = ceil (label_width) + 1;
  value_width = ceil (value_width) + 1;

  /* As wide as the last two columns at least, so the values line up with
   * the table's rightmost column. */
  width = MAX (tw * 0.42, label_width + value_width + 2 * CELL_PAD_X + 24);
  width = MIN (width, tw);
  value_width = MIN (value_width, width / 2);
  self->totals_x = MARGIN + tw - width;
  self->totals_value_width = value_width;
  self->totals_label_width = width - 2 * CELL_PAD_X - 24 - value_width;
  self->totals_height = render_totals (self, NULL, 0);
}

static double
render_terms_heading (CrmDocument *self,
                      cairo_t     *cr,
                      double       y)
{
  double tw = table_width (self);
  double h = render_caps (self, cr, self->terms_heading, MARGIN, y, tw);

  return h > 0 ? h + 2 : 0;
}

static double
paragraph_height (CrmDocument *self,
                  guint        index)
{
  const char *text = self->terms[index];

  if (*text == '\0')
    return 6;
  return prepare_text (self, FONT_SMALL, text, table_width (self), PANGO_ALIGN_LEFT, -1);
}

static void
render_paragraph (CrmDocument        *self,
                  cairo_t            *cr,
                  const DocPlacement *place)
{
  const char *text = self->terms[place->index];
  double tw = table_width (self);

  if (*text == '\0')
    return;

  if (place->n_lines == 0)
    {
      show_text (self, cr, FONT_SMALL, text, MARGIN, place->y, tw, PANGO_ALIGN_LEFT, &ink_soft, -1);
    }
  else
    {
      g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (LineBox));

      prepare_text (self, FONT_SMALL, text, tw, PANGO_ALIGN_LEFT, -1);
      collect_lines (self->layout, 0, lines);
      set_color (cr, &ink_soft);
      show_lines (self->layout, cr, MARGIN,
                  place->y - g_array_index (lines, LineBox, place->first_line).top,
                  place->first_line, place->first_line + place->n_lines);
    }
}

/*
 * Measuring
 */

/* Natural widths of every cell: these depend on the text only, not on
 * the page, so they survive a change of paper or template. */
static void
measure_cells (CrmDocument *self)
{
  g_free (self->col_natural);
  self->col_natural = g_new0 (double, self->n_columns);

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *upper = g_utf8_strup (self->headers[c], -1);

      self->col_natural[c] = text_width (self, FONT_TABLE_HEADER, upper, NULL);
    }

  for (guint r = 0; r < self->rows->len; r++)
    {
      DocRow *row = &g_array_index (self->rows, DocRow, r);
      g_autoptr(GString) joined = g_string_new (NULL);
      gboolean one_line = TRUE;
      PangoLayoutIter *iter;
      guint c = 0, n_joined = 0;

      row->cells_natural = 0;
      g_clear_object (&row->numbers);
      if (self->n_columns < 2)
        continue;

      /* One layout per row with one cell per line: a single shaping
       * call instead of one per cell, measured here and drawn line by
       * line later. A cell that breaks lines itself is done on its own. */
      for (c = 0; c < self->n_columns; c++)
        if (c != self->item_column)
          {
            const char *cell = row->cells[c];

            if (strpbrk (cell, "\r\n") != NULL ||
                strstr (cell, "\xe2\x80\xa8") != NULL || strstr (cell, "\xe2\x80\xa9") != NULL)
              one_line = FALSE;
            if (n_joined++ > 0)
              g_string_append_c (joined, '\n');
            g_string_append (joined, cell);
          }

      if (!one_line)
        {
          for (c = 0; c < self->n_columns; c++)
            if (c != self->item_column)
              {
                double w, h;

                w = text_width (self, FONT_NUMBER, row->cells[c], &h);
                self->col_natural[c] = MAX (self->col_natural[c], w);
                row->cells_natural = MAX (row->cells_natural, h);
              }
          continue;
        }

      row->numbers = pango_layout_new (self->pango);
      pango_layout_set_font_description (row->numbers, self->fonts[FONT_NUMBER]);
      pango_layout_set_attributes (row->numbers, self->attrs[FONT_NUMBER]);
      pango_layout_set_text (row->numbers, joined->str, -1);
      iter = pango_layout_get_iter (row->numbers);
      c = self->item_column == 0 ? 1 : 0;
      do
        {
          PangoRectangle logical;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          if (*row->cells[c] != '\0')
            {
              self->col_natural[c] = MAX (self->col_natural[c], logical.width / (double)PANGO_SCALE);
              row->cells_natural = MAX (row->cells_natural, logical.height / (double)PANGO_SCALE);
            }
          if (++c == self->item_column)
            c++;
        }
      while (c < self->n_columns && pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  self->cells_measured = TRUE;
}

static void
layout_columns (CrmDocument *self)
{
  double tw = table_width (self);
  double others = 0, item_min, scale = 1, x = MARGIN;
  guint item = self->item_column;

  for (guint c = 0; c < self->n_columns; c++)
    if (c != item)
      others += ceil (self->col_natural[c]) + 1 + 2 * CELL_PAD_X;

  /* Numbers never squeeze the item column below 30% of the table: if
   * they would, they wrap too. */
  item_min = MAX (tw * 0.3, self->col_natural[item] + 2 * CELL_PAD_X);
  item_min = MIN (item_min, tw);
  if (others > 0 && others + item_min > tw)
    scale = (tw - item_min) / others;

  for (guint c = 0; c < self->n_columns; c++)
    {
      if (c == item)
        self->col_width[c] = tw - others * scale;
      else
        self->col_width[c] = (ceil (self->col_natural[c]) + 1 + 2 * CELL_PAD_X) * scale;
      self->col_x[c] = x;
      x += self->col_width[c];
    }

  self->columns_squeezed = scale < 1;

  for (guint r = 0; r < self->rows->len; r++)
    {
      DocRow *row = &g_array_index (self->rows, DocRow, r);
      double content;

      row->cells_height = row->cells_natural;
      if (scale < 1)
        {
          row->cells_height = 0;
          for (guint c = 0; c < self->n_columns; c++)
            if (c != item)
              row->cells_height = MAX (row->cells_height,
                                       prepare_text (self, FONT_NUMBER, row->cells[c],
                                                     self->col_width[c] - 2 * CELL_PAD_X,
                                                     PANGO_ALIGN_RIGHT, -1));
        }
      row->item_height = layout_item (self, row);
      content = row->item_height;
      row->height = 2 * CELL_PAD_Y + MAX (row->cells_height, content);
    }

  self->table_header_height = render_table_header (self, NULL, 0);
}

/*
 * Pagination
 */

typedef struct
{
  CrmDocument *self;
  double       y;
  gboolean     page_empty;   /* nothing of the flow on this page yet */
  gboolean     has_rows;
} Flow;

static DocPage *
current_page (Flow *flow)
{
  return &g_array_index (flow->self->pages, DocPage, flow->self->pages->len - 1);
}

static void
new_page (Flow   *flow,
          double  top)
{
  DocPage page = { flow->self->placements->len, 0, -1 };

  g_array_append_val (flow->self->pages, page);
  flow->y = top;
  flow->page_empty = TRUE;
  flow->has_rows = FALSE;
}

static void
next_page (Flow *flow)
{
  new_page (flow, flow->self->body_top);
}

/* At the top of a page after the first: a block that does not fit here
 * fits nowhere and has to be split (or forced). */
static gboolean
at_fresh_top (Flow *flow)
{
  return flow->page_empty && flow->y <= flow->self->body_top;
}

static double
room (Flow *flow)
{
  return flow->self->body_bottom - flow->y;
}

static void
place (Flow      *flow,
       PlaceKind  kind,
       guint      index,
       guint      first_line,
       guint      n_lines,
       double     height)
{
  CrmDocument *self = flow->self;
  DocPlacement p = { kind, self->pages->len - 1, index, first_line, n_lines, flow->y, height };

  if (kind == PLACE_ROW && !flow->has_rows)
    {
      current_page (flow)->table_top = flow->y;
      p.y += self->table_header_height;
      flow->has_rows = TRUE;
    }
  g_array_append_val (self->placements, p);
  current_page (flow)->n++;
  flow->y = p.y + height;
  flow->page_empty = FALSE;
}

/* Splits a block taller than a page at line boundaries. @pad is added
 * above and below each piece; @first_min is the least height of the
 * first piece (a row's numbers). */
static void
place_split (Flow      *flow,
             PlaceKind  kind,
             guint      index,
             GArray    *lines,
             double     pad,
             double     first_min)
{
  CrmDocument *self = flow->self;
  guint i = 0;

  while (i < lines->len)
    {
      double header = kind == PLACE_ROW && !flow->has_rows ? self->table_header_height : 0;
      double avail = room (flow) - header - 2 * pad;
      double top = g_array_index (lines, LineBox, i).top;
      double height;
      guint k = i;

      while (k < lines->len && g_array_index (lines, LineBox, k).bottom - top <= avail)
        k++;
      if (i == 0 && first_min > avail)
        k = i;
      if (k == i)
        {
          if (!at_fresh_top (flow))
            {
              next_page (flow);
              continue;
            }
          /* A single line taller than the page: place it anyway so the
           * flow always advances. */
          k = i + 1;
        }

      height = 2 * pad + g_array_index (lines, LineBox, k - 1).bottom - top;
      if (i == 0)
        height = MAX (height, 2 * pad + first_min);
      place (flow, kind, index, i, k - i, height);
      i = k;
      if (i < lines->len)
        next_page (flow);
    }
}

static void
flow_row (Flow  *flow,
          guint  r)
{
  CrmDocument *self = flow->self;
  const DocRow *row = &g_array_index (self->rows, DocRow, r);
  double header = flow->has_rows ? 0 : self->table_header_height;
  g_autoptr(GArray) lines = NULL;

  if (row->height + header <= room (flow))
    {
      place (flow, PLACE_ROW, r, 0, 0, row->height);
      return;
    }
  if (row->height + self->table_header_height <= self->body_bottom - self->body_top &&
      !at_fresh_top (flow))
    {
      next_page (flow);
      place (flow, PLACE_ROW, r, 0, 0, row->height);
      return;
    }

  lines = g_array_new (FALSE, FALSE, sizeof (LineBox));
  collect_lines (row->item, 0, lines);
  place_split (flow, PLACE_ROW, r, lines, CELL_PAD_Y, row->cells_height);
}

static void
flow_totals (Flow *flow)
{
  CrmDocument *self = flow->self;
  double need = TOTALS_GAP + self->totals_height;

  if (need > room (flow) && !at_fresh_top (flow))
    {
      DocPage *page = current_page (flow);
      DocPlacement *last = NULL;

      if (page->n >= 2)
        last = &g_array_index (self->placements, DocPlacement, self->placements->len - 1);

      /* Totals alone at the top of a page read like a different document:
       * take the last row along when the page keeps at least one. */
      if (last != NULL && last->kind == PLACE_ROW && last->n_lines == 0 &&
          g_array_index (self->placements, DocPlacement, self->placements->len - 2).kind == PLACE_ROW &&
          self->table_header_height + last->height + need <= self->body_bottom - self->body_top)
        {
          guint r = last->index;
          double height = last->height;

          g_array_set_size (self->placements, self->placements->len - 1);
          page->n--;
          next_page (flow);
          place (flow, PLACE_ROW, r, 0, 0, height);
        }
      else
        next_page (flow);
    }

  if (!flow->page_empty)
    flow->y += TOTALS_GAP;
  place (flow, PLACE_TOTALS, 0, 0, 0, self->totals_height);
  self->totals_page = (int)self->pages->len - 1;
}

static void
flow_paragraph (Flow  *flow,
                guint  index)
{
  CrmDocument *self = flow->self;
  double height = paragraph_height (self, index);
  g_autoptr(GArray) lines = NULL;

  if (height <= room (flow))
    {
      place (flow, PLACE_PARAGRAPH, index, 0, 0, height + PARA_GAP);
      return;
    }
  if (*self->terms[index] == '\0')
    return;  /* a blank line at a page break only wastes room */
  if (height <= self->body_bottom - self->body_top && !at_fresh_top (flow))
    {
      next_page (flow);
      place (flow, PLACE_PARAGRAPH, index, 0, 0, height + PARA_GAP);
      return;
    }

  lines = g_array_new (FALSE, FALSE, sizeof (LineBox));
  paragraph_height (self, index);
  collect_lines (self->layout, 0, lines);
  place_split (flow, PLACE_PARAGRAPH, index, lines, 0, 0);
}

static void
flow_terms (Flow *flow)
{
  CrmDocument *self = flow->self;
  double heading = render_terms_heading (self, NULL, 0);
  double first = 0;

  if (heading == 0 && self->terms == NULL)
    return;

  /* Keep the heading with (the start of) its first paragraph. */
  if (self->terms != NULL && self->terms[0] != NULL)
    first = MIN (paragraph_height (self, 0), 24);
  if (TERMS_GAP + heading + first > room (flow) && !at_fresh_top (flow))
    next_page (flow);
  else if (!flow->page_empty)
    flow->y += TERMS_GAP;

  if (heading > 0)
    place (flow, PLACE_TERMS_HEADING, 0, 0, 0, heading);
  for (guint i = 0; self->terms != NULL && self->terms[i] != NULL; i++)
    flow_paragraph (flow, i);
}

void
_crm_document_layout_clear (CrmDocument *self)
{
  g_clear_pointer (&self->repeated, g_hash_table_unref);
  g_clear_object (&self->layout);
  g_clear_object (&self->pango);
  for (guint i = 0; i < N_FONTS; i++)
    {
      g_clear_pointer (&self->fonts[i], pango_font_description_free);
      g_clear_pointer (&self->attrs[i], pango_attr_list_unref);
    }
  g_clear_pointer (&self->col_natural, g_free);
  g_clear_pointer (&self->col_x, g_free);
  g_clear_pointer (&self->col_width, g_free);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  self->laid_out = FALSE;
  self->cells_measured = FALSE;
}

void
_crm_document_layout (CrmDocument *self,
                      double       page_width,
                      double       page_height)
{
  Flow flow = { self, 0, TRUE, FALSE };
  double first_top;

  if (self->laid_out && self->page_width == page_width && self->page_height == page_height)
    return;

  ensure_pango (self);
  g_hash_table_remove_all (self->repeated);
  self->page_width = page_width;
  self->page_height = page_height;
  if (self->placements == NULL)
    {
      self->placements = g_array_new (FALSE, FALSE, sizeof (DocPlacement));
      self->pages = g_array_new (FALSE, FALSE, sizeof (DocPage));
    }
  g_array_set_size (self->placements, 0);
  g_array_set_size (self->pages, 0);
  self->totals_page = -1;

  if (self->n_columns > 0)
    {
      if (!self->cells_measured)
        measure_cells (self);
      g_free (self->col_x);
      g_free (self->col_width);
      self->col_x = g_new0 (double, self->n_columns);
      self->col_width = g_new0 (double, self->n_columns);
      layout_columns (self);
    }
  layout_totals (self);

  self->footer_height = render_footer (self, NULL, 998, 999);
  self->body_bottom = page_height - MARGIN - self->footer_height - FOOTER_GAP;
  self->body_top = render_running_header (self, NULL);
  first_top = render_header (self, NULL);

  new_page (&flow, first_top);
  for (guint r = 0; r < self->rows->len; r++)
    flow_row (&flow, r);
  if (self->totals->len > 0)
    flow_totals (&flow);
  flow_terms (&flow);

  self->laid_out = TRUE;
}

void
_crm_document_render_page (CrmDocument *self,
                           cairo_t     *cr,
                           guint        page_index)
{
  const DocPage *page = &g_array_index (self->pages, DocPage, page_index);

  cairo_save (cr);
  cairo_new_path (cr);

  if (page_index == 0)
    render_header (self, cr);
  else
    render_running_header (self, cr);

  if (page->table_top >= 0)
    render_table_header (self, cr, page->table_top);

  for (guint i = page->first; i < page->first + page->n; i++)
    {
      const DocPlacement *place = &g_array_index (self->placements, DocPlacement, i);

      switch (place->kind)
        {
        case PLACE_ROW:
          render_row (self, cr, place);
          break;
        case PLACE_TOTALS:
          render_totals (self, cr, place->y);
          break;
        case PLACE_TERMS_HEADING:
          render_terms_heading (self, cr, place->y);
          break;
        case PLACE_PARAGRAPH:
          render_paragraph (self, cr, place);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  render_footer (self, cr, page_index, self->pages->len);
  cairo_restore (cr);
}

/*
 * Test helpers
 */

guint
_crm_document_get_row_extents (CrmDocument *self,
                               guint        row,
                               int         *page,
                               double      *y,
                               double      *height)
{
  guint pieces = 0;

  g_return_val_if_fail (CRM_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (self->laid_out, 0);

  for (guint i = 0; i < self->placements->len; i++)
    {
      const DocPlacement *place = &g_array_index (self->placements, DocPlacement, i);

      if (place->kind != PLACE_ROW || place->index != row)
        continue;
      if (pieces++ == 0)
        {
          *page = (int)place->page;
          *y = place->y;
          *height = place->height;
        }
    }
  return pieces;
}

int
_crm_document_get_totals_page (CrmDocument *self)
{
  g_return_val_if_fail (CRM_IS_DOCUMENT (self), -1);

  return self->laid_out ? self->totals_page : -1;
}

double
_crm_document_get_body_bottom (CrmDocument *self)
{
  g_return_val_if_fail (CRM_IS_DOCUMENT (self), 0);

  return self->body_bottom;
}
