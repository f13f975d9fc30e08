/* crm-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-document"

#include "config.h"

#include <cairo-pdf.h>
#include <string.h>

#include <glib/gi18n.h>

#include "crm-document-private.h"

#define A4_WIDTH      595.2756
#define A4_HEIGHT     841.8898
#define LETTER_WIDTH  612.0
#define LETTER_HEIGHT 792.0

G_DEFINE_FINAL_TYPE (CrmDocument, crm_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-document-error-quark, crm_document_error)

/*
 * Helpers
 */

static void
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

static void
clear_row (gpointer data)
{
  DocRow *row = data;

  g_strfreev (row->cells);
  g_free (row->description);
  g_clear_object (&row->item);
  g_clear_object (&row->numbers);
}

static void
clear_total (gpointer data)
{
  DocTotal *total = data;

  g_free (total->label);
  g_free (total->value);
}

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *buffer,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->size - reader->offset)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (buffer, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
write_bytes_cb (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

void
_crm_document_invalidate (CrmDocument *self)
{
  self->laid_out = FALSE;
}

/*
 * GObject overrides
 */

static void
crm_document_finalize (GObject *object)
{
  CrmDocument *self = (CrmDocument *)object;

  _crm_document_layout_clear (self);
  g_clear_pointer (&self->logo, cairo_surface_destroy);
  g_free (self->company_name);
  g_free (self->company_details);
  g_free (self->title);
  g_free (self->number);
  g_ptr_array_unref (self->info);
  g_free (self->bill_label);
  g_free (self->bill_to);
  g_free (self->ship_label);
  g_free (self->ship_to);
  g_strfreev (self->headers);
  g_array_unref (self->rows);
  g_array_unref (self->totals);
  g_free (self->terms_heading);
  g_strfreev (self->terms);
  g_free (self->footer);

  G_OBJECT_CLASS (crm_document_parent_class)->finalize (object);
}

static void
crm_document_class_init (CrmDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_document_finalize;
}

static void
crm_document_init (CrmDocument *self)
{
  /* GNOME blue 5: dark enough for text on white, white text on it. */
  self->accent[0] = 0x1a / 255.0;
  self->accent[1] = 0x5f / 255.0;
  self->accent[2] = 0xb4 / 255.0;
  self->info = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_array_new (FALSE, TRUE, sizeof (DocRow));
  g_array_set_clear_func (self->rows, clear_row);
  self->totals = g_array_new (FALSE, TRUE, sizeof (DocTotal));
  g_array_set_clear_func (self->totals, clear_total);
}

/*
 * Public API
 */

CrmDocument *
crm_document_new (void)
{
  return g_object_new (CRM_TYPE_DOCUMENT, NULL);
}

void
crm_document_set_template (CrmDocument         *self,
                           CrmDocumentTemplate  tmpl)
{
  g_return_if_fail (CRM_IS_DOCUMENT (self));
  g_return_if_fail (tmpl == CRM_DOCUMENT_TEMPLATE_CLASSIC ||
                    tmpl == CRM_DOCUMENT_TEMPLATE_MODERN);

  self->tmpl = tmpl;
  _crm_document_invalidate (self);
}

void
crm_document_set_accent (CrmDocument *self,
                         double       red,
                         double       green,
                         double       blue)
{
  g_return_if_fail (CRM_IS_DOCUMENT (self));

  self->accent[0] = CLAMP (red, 0.0, 1.0);
  self->accent[1] = CLAMP (green, 0.0, 1.0);
  self->accent[2] = CLAMP (blue, 0.0, 1.0);
}

void
crm_document_set_paper (CrmDocument  *self,
                        CrmPaperSize  paper)
{
  g_return_if_fail (CRM_IS_DOCUMENT (self));
  g_return_if_fail (paper == CRM_PAPER_A4 || paper == CRM_PAPER_LETTER);

  self->paper = paper;
}

void
crm_document_get_paper_size (CrmDocument *self,
                             double      *width,
                             double      *height)
{
  g_return_if_fail (CRM_IS_DOCUMENT (self));

  if (width != NULL)
    *width = self->paper == CRM_PAPER_LETTER ? LETTER_WIDTH : A4_WIDTH;
  if (height != NULL)
    *height = self->paper == CRM_PAPER_LETTER ? LETTER_HEIGHT : A4_HEIGHT;
}

gboolean
crm_document_set_logo_png (CrmDocument  *self,
                           GBytes       *png,
                           GError      **error)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  cairo_surface_t *surface;
  PngReader reader = { 0 };
  cairo_status_t status;

  g_return_val_if_fail (CRM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (png == NULL)
    {
      g_clear_pointer (&self->logo, cairo_surface_destroy);
      _crm_document_invalidate (self);
      return TRUE;
    }

  reader.data = g_bytes_get_data (png, &reader.size);
  if (reader.size < sizeof signature ||
      memcmp (reader.data, signature, sizeof signature) != 0)
    {
      g_set_error (error, CRM_DOCUMENT_ERROR, CRM_DOCUMENT_ERROR_INVALID_LOGO,
                   _("The logo is not a PNG image"));
      return FALSE;
    }

  surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CRM_DOCUMENT_ERROR, CRM_DOCUMENT_ERROR_INVALID_LOGO,
                   _("The logo PNG image cannot be read: %s"),
                   cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return FALSE;
    }
  if (cairo_image_surface_get_width (surface) <= 0 ||
      cairo_image_surface_get_height (surface) <= 0)
    {
      g_set_error (error, CRM_DOCUMENT_ERROR, CRM_DOCUMENT_ERROR_INVALID_LOGO,
                   _("The logo PNG image has no pixels"));
      cairo_surface_destroy (surface);
      return FALSE;
    }

  g_clear_pointer (&self->logo, cairo_surface_destroy);
  self->logo = surface;
  _crm_document_invalidate (self);
  return TRUE;
}

void
crm_document_set_company (CrmDocument *self,
                          const char  *name,
                          const char  *details)
{
  g_return_if_fail (CRM_IS_DOCUMENT (self));

  replace_string (&self->company_name, name);
  replace_string (&self->company_details, details);
  _crm_document_invalidate (self);
}

void
crm_document_set_title (CrmDocument *self,
                        const char  *title,
                        const char  *number)
{
  g_return_if_fail (CRM_IS_DOCUMENT (self));

  replace_string (&self->title, title);
  replace_string (&self->number, number);
  _crm_document_invalidate (self);
}

void
crm_document_add_info (CrmDocument *self,
                       const char  *label,
                       const char  *value)
{
  g_return_if_fail (CRM_IS_DOCUMENT (self));
  g_return_if_fail (label != NULL);

  g_ptr_array_add (self->info, g_strdup (label));
  g_ptr_array_add (self->info, g_strdup (value != NULL ? value : ""));
  _crm_document_invalidate (self);
}

void
crm_document_set_addresses (CrmDocument *self,
                            const char  *bill_label,
                            const char  *bill_to,
                            const char  *ship_label,
                            const char  *ship_to)
{
  g_return_if_fail (CRM_IS_DOCUMENT (self));

  replace_string (&self->bill_label, bill_label);
  replace_string (&self->bill_to, bill_to);
  replace_string (&self->ship_label, ship_label);
  replace_string (&self->ship_to, ship_to);
  _crm_document_invalidate (self);
}

void
crm_document_set_columns (CrmDocument        *self,
                          const char * const *headers,
                          guint               item_column)
{
  guint n;

  g_return_if_fail (CRM_IS_DOCUMENT (self));
  g_return_if_fail (headers != NULL && headers[0] != NULL);

  n = g_strv_length ((char **)headers);
  g_return_if_fail (item_column < n);

  g_strfreev (self->headers);
  self->headers = g_strdupv ((char **)headers);
  self->n_columns = n;
  self->item_column = item_column;
  g_array_set_size (self->rows, 0);
  self->cells_measured = FALSE;
  _crm_document_invalidate (self);
}

void
crm_document_add_row (CrmDocument        *self,
                      const char * const *cells,
                      const char         *description)
{
  DocRow row = { 0 };

  g_return_if_fail (CRM_IS_DOCUMENT (self));
  g_return_if_fail (self->n_columns > 0);
  g_return_if_fail (cells != NULL);
  g_return_if_fail (g_strv_length ((char **)cells) == self->n_columns);

  row.cells = g_strdupv ((char **)cells);
  if (description != NULL && *description != '\0')
    row.description = g_strdup (description);
  g_array_append_val (self->rows, row);
  self->cells_measured = FALSE;
  _crm_document_invalidate (self);
}

void
crm_document_add_total (CrmDocument *self,
                        const char  *label,
                        const char  *value,
                        gboolean     grand)
{
  DocTotal total;

  g_return_if_fail (CRM_IS_DOCUMENT (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (value != NULL);

  total.label = g_strdup (label);
  total.value = g_strdup (value);
  total.grand = !!grand;
  g_array_append_val (self->totals, total);
  _crm_document_invalidate (self);
}

void
crm_document_set_terms (CrmDocument *self,
                        const char  *heading,
                        const char  *text)
{
  g_return_if_fail (CRM_IS_DOCUMENT (self));

  replace_string (&self->terms_heading, heading);
  g_clear_pointer (&self->terms, g_strfreev);
  if (text != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (text));

      if (*trimmed != '\0')
        self->terms = g_strsplit (trimmed, "\n", -1);
    }
  _crm_document_invalidate (self);
}

void
crm_document_set_footer (CrmDocument *self,
                         const char  *text)
{
  g_return_if_fail (CRM_IS_DOCUMENT (self));

  replace_string (&self->footer, text);
  _crm_document_invalidate (self);
}

int
crm_document_paginate (CrmDocument *self,
                       double       page_width,
                       double       page_height)
{
  g_return_val_if_fail (CRM_IS_DOCUMENT (self), 1);
  g_return_val_if_fail (page_width > 0 && page_height > 0, 1);

  _crm_document_layout (self, page_width, page_height);
  return (int)self->pages->len;
}

void
crm_document_draw_page (CrmDocument *self,
                        cairo_t     *cr,
                        int          page_index,
                        double       page_width,
                        double       page_height)
{
  g_return_if_fail (CRM_IS_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_width > 0 && page_height > 0);

  _crm_document_layout (self, page_width, page_height);
  g_return_if_fail (page_index >= 0 && (guint)page_index < self->pages->len);

  _crm_document_render_page (self, cr, (guint)page_index);
}

gboolean
crm_document_export_pdf (CrmDocument  *self,
                         const char   *path,
                         GError      **error)
{
  g_autoptr(GByteArray) pdf = NULL;
  g_autofree char *doc_title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width;
  double height;
  int n_pages;

  g_return_val_if_fail (CRM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  crm_document_get_paper_size (self, &width, &height);
  n_pages = crm_document_paginate (self, width, height);

  /* Rendered to memory first: the file is only created once the whole
   * PDF exists, and g_file_set_contents_full() renames it into place. */
  pdf = g_byte_array_sized_new (64 * 1024);
  surface = cairo_pdf_surface_create_for_stream (write_bytes_cb, pdf, width, height);

  if (self->title != NULL && self->number != NULL)
    doc_title = g_strdup_printf ("%s %s", self->title, self->number);
  else
    doc_title = g_strdup (self->title != NULL ? self->title : self->number);
  if (doc_title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc_title);
  if (self->company_name != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->company_name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "CRM " PACKAGE_VERSION);

  cr = cairo_create (surface);
  for (int i = 0; i < n_pages; i++)
    {
      _crm_document_render_page (self, cr, (guint)i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CRM_DOCUMENT_ERROR, CRM_DOCUMENT_ERROR_RENDER,
                   _("Cannot create the PDF document: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  return g_file_set_contents_full (path, (const char *)pdf->data, pdf->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}
