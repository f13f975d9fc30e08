/* bench-core.c — B1 (CSV import) and B7 (invoice PDF)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-bench"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "bench.h"
#include "crm-document.h"
#include "crm-import.h"

/*
 * B1: import
 */

static double
import_ours (Bench     *bench,
             gpointer   data,
             GError   **error)
{
  g_autofree char *path = g_build_filename (bench->config->data_dir, "import.db", NULL);
  g_autoptr(CrmImportReport) report = NULL;
  CrmStore *store;
  double start;
  gboolean ok;

  store = bench_open_fresh (path, error);
  if (store == NULL)
    return -1;
  start = bench_now_ms ();
  ok = crm_import_csv (store, "leads", bench->leads_csv, NULL, &report, error);
  /* Closing checkpoints the WAL: the data is in the file, as it is when
   * the sqlite3 process below exits. */
  g_object_unref (store);
  if (!ok)
    return -1;
  if (report->created != bench->config->leads)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "imported %" G_GUINT64_FORMAT " of %u leads (%u errors)",
                   report->created, bench->config->leads, report->errors ? report->errors->len : 0);
      return -1;
    }
  return bench_now_ms () - start;
}

static double
import_base (Bench     *bench,
             gpointer   data,
             GError   **error)
{
  g_autofree char *path = g_build_filename (bench->config->data_dir, "import-base.db", NULL);
  g_autofree char *import = g_strdup_printf (".import '%s' t", bench->leads_csv);
  const char *argv[] = { "sqlite3", path, ".mode csv", import, NULL };

  bench_remove_db (path);
  return bench_run_process (argv, error);
}

void
bench_core_import (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *metric = g_strdup_printf ("Import a %u-lead CSV (validation, indexes, search index) vs sqlite3 .import",
                                             bench->config->leads);
  double ours, base;

  if (bench_measure (bench, import_ours, import_base, NULL, &ours, &base, &error))
    bench_add_result (bench, "B1", metric, "ms", ours, base, 3, 0);
  else
    bench_fail_result (bench, "B1", metric, "ms", 3, 0, error->message);
}

/*
 * B7: PDF
 */

#define N_LINES 500

static const char *line_headers[] = { "#", "Item", "Qty", "Unit price", "Discount", "Tax", "Amount", NULL };

typedef struct
{
  char *cells[8];
  char *description;
} Line;

static void
make_line (guint r,
           Line *line)
{
  static const char *products[] = { "Laptop 14-inch", "Docking station", "Office chair", "Support hours",
                                    "Cloud backup, yearly", "Network switch 24-port", "Training day" };

  line->cells[0] = g_strdup_printf ("%u", r + 1);
  line->cells[1] = g_strdup_printf ("Item-%04u %s", r, products[r % G_N_ELEMENTS (products)]);
  line->cells[2] = g_strdup ("2");
  line->cells[3] = g_strdup_printf ("%u.%02u", 10 + (r * 37) % 3000, r % 100);
  line->cells[4] = g_strdup ("");
  line->cells[5] = g_strdup ("11%");
  line->cells[6] = g_strdup_printf ("%u,%03u.%02u", 1 + r / 100, r % 1000, r % 100);
  line->cells[7] = NULL;
  line->description = g_strdup_printf ("Serial number SN-%06u, two-year warranty", r * 7);
}

static void
clear_line (Line *line)
{
  for (guint i = 0; i < 7; i++)
    g_free (line->cells[i]);
  g_free (line->description);
}

static double
pdf_ours (Bench     *bench,
          gpointer   data,
          GError   **error)
{
  const char *path = ((const char **) data)[0];
  g_autoptr(CrmDocument) doc = NULL;
  double start, cpu;

  g_unlink (path);
  cpu = bench_cpu_ms ();
  start = bench_now_ms ();
  doc = crm_document_new ();
  crm_document_set_company (doc, "Example Trading Ltd", "12 Harbour Street\n4000 Brisbane, Australia\naccounts@example.com");
  crm_document_set_title (doc, "Invoice", "INV-2026-0001");
  crm_document_add_info (doc, "Date", "5 January 2026");
  crm_document_add_info (doc, "Due date", "4 February 2026");
  crm_document_set_addresses (doc, "Bill to", "Northwind Pty Ltd\n1 Queen Street\n2000 Sydney", NULL, NULL);
  crm_document_set_columns (doc, line_headers, 1);
  for (guint r = 0; r < N_LINES; r++)
    {
      Line line;

      make_line (r, &line);
      crm_document_add_row (doc, (const char * const *) line.cells, line.description);
      clear_line (&line);
    }
  crm_document_add_total (doc, "Subtotal", "USD 8,900,000.00", FALSE);
  crm_document_add_total (doc, "Tax (11%)", "USD 979,000.00", FALSE);
  crm_document_add_total (doc, "Grand total", "USD 9,879,000.00", TRUE);
  crm_document_set_footer (doc, "Example Trading Ltd · Thank you for your business");
  if (!crm_document_export_pdf (doc, path, error))
    return -1;
  bench_note_cpu (bench, bench_cpu_ms () - cpu);
  return bench_now_ms () - start;
}

/* The same texts with one reused PangoLayout, positioned by hand: what a
 * program that only wants the text on paper would write. */
static double
pdf_base (Bench     *bench,
          gpointer   data,
          GError   **error)
{
  const char *path = ((const char **) data)[1];
  const double width = 595.28, height = 841.89, margin = 40;
  const double col_x[] = { 40, 60, 300, 340, 410, 460, 500 };
  const double col_w[] = { 18, 236, 36, 66, 46, 36, 55 };
  PangoFontDescription *body, *bold, *small;
  PangoLayout *layout;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double start, cpu, y;
  int page = 1;

  g_unlink (path);
  cpu = bench_cpu_ms ();
  start = bench_now_ms ();
  surface = cairo_pdf_surface_create (path, width, height);
  cr = cairo_create (surface);
  layout = pango_cairo_create_layout (cr);
  body = pango_font_description_from_string ("Cantarell,sans 9");
  bold = pango_font_description_from_string ("Cantarell,sans Bold 9");
  small = pango_font_description_from_string ("Cantarell,sans 8");

#define TEXT(font, x, yy, w, align, str) G_STMT_START {                 \
    pango_layout_set_font_description (layout, font);                   \
    pango_layout_set_width (layout, pango_units_from_double (w));       \
    pango_layout_set_alignment (layout, align);                         \
    pango_layout_set_text (layout, str, -1);                            \
    cairo_move_to (cr, x, yy);                                          \
    pango_cairo_show_layout (cr, layout);                               \
  } G_STMT_END

  TEXT (bold, margin, margin, 300, PANGO_ALIGN_LEFT, "Example Trading Ltd");
  TEXT (body, margin, margin + 14, 300, PANGO_ALIGN_LEFT, "12 Harbour Street\n4000 Brisbane, Australia\naccounts@example.com");
  TEXT (bold, 360, margin, 195, PANGO_ALIGN_RIGHT, "Invoice INV-2026-0001");
  TEXT (body, 360, margin + 14, 195, PANGO_ALIGN_RIGHT, "Date 5 January 2026\nDue date 4 February 2026");
  TEXT (body, margin, margin + 80, 300, PANGO_ALIGN_LEFT, "Bill to\nNorthwind Pty Ltd\n1 Queen Street\n2000 Sydney");
  y = margin + 150;

  for (guint r = 0; r < N_LINES; r++)
    {
      Line line;

      if (r == 0 || y > height - margin - 60)
        {
          if (r > 0)
            {
              g_autofree char *footer = g_strdup_printf ("Example Trading Ltd · Thank you for your business · Page %d", page++);
              TEXT (small, margin, height - margin, width - 2 * margin, PANGO_ALIGN_LEFT, footer);
              cairo_show_page (cr);
              y = margin;
            }
          for (guint c = 0; line_headers[c]; c++)
            TEXT (bold, col_x[c], y, col_w[c], c == 1 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT, line_headers[c]);
          y += 16;
        }
      make_line (r, &line);
      for (guint c = 0; c < 7; c++)
        TEXT (c == 1 ? bold : body, col_x[c], y, col_w[c], c == 1 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT, line.cells[c]);
      TEXT (small, col_x[1], y + 12, col_w[1], PANGO_ALIGN_LEFT, line.description);
      clear_line (&line);
      y += 28;
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, margin, y - 3);
      cairo_line_to (cr, width - margin, y - 3);
      cairo_stroke (cr);
    }
  TEXT (body, 360, y + 6, 195, PANGO_ALIGN_RIGHT, "Subtotal USD 8,900,000.00\nTax (11%) USD 979,000.00");
  TEXT (bold, 360, y + 30, 195, PANGO_ALIGN_RIGHT, "Grand total USD 9,879,000.00");
  {
    g_autofree char *footer = g_strdup_printf ("Example Trading Ltd · Thank you for your business · Page %d", page);
    TEXT (small, margin, height - margin, width - 2 * margin, PANGO_ALIGN_LEFT, footer);
  }
#undef TEXT
  cairo_show_page (cr);

  pango_font_description_free (body);
  pango_font_description_free (bold);
  pango_font_description_free (small);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cairo: %s", cairo_status_to_string (status));
      return -1;
    }
  bench_note_cpu (bench, bench_cpu_ms () - cpu);
  return bench_now_ms () - start;
}

void
bench_core_pdf (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ours_path = g_build_filename (bench->config->data_dir, "invoice.pdf", NULL);
  g_autofree char *base_path = g_build_filename (bench->config->data_dir, "invoice-base.pdf", NULL);
  const char *metric = "500-line invoice to PDF (CrmDocument) vs plain cairo + pango";
  const char *paths[] = { ours_path, base_path };
  double ours, base;

  if (bench_measure (bench, pdf_ours, pdf_base, paths, &ours, &base, &error))
    bench_add_result (bench, "B7", metric, "ms", ours, base, 1.3, 0);
  else
    bench_fail_result (bench, "B7", metric, "ms", 1.3, 0, error->message);
}
