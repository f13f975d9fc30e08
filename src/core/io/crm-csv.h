/* crm-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CRM_CSV_ERROR (crm_csv_error_quark ())

typedef enum
{
  CRM_CSV_ERROR_MALFORMED,
  CRM_CSV_ERROR_ENCODING,
  CRM_CSV_ERROR_IO,
} CrmCsvError;

/* A record (all of its fields together) larger than this is refused, so that
 * a quote that is never closed cannot make the reader buffer a whole file. */
#define CRM_CSV_MAX_RECORD_SIZE (16 * 1024 * 1024)

typedef struct _CrmCsvReader CrmCsvReader;
typedef struct _CrmCsvWriter CrmCsvWriter;

GQuark        crm_csv_error_quark           (void);

CrmCsvReader *crm_csv_reader_new_for_path   (const char          *path,
                                             GError             **error);
CrmCsvReader *crm_csv_reader_new_for_stream (GInputStream        *stream);
CrmCsvReader *crm_csv_reader_new_for_data   (const char          *data,
                                             gssize               len);
gboolean      crm_csv_reader_next           (CrmCsvReader        *reader,
                                             const char * const **fields,
                                             guint               *n_fields,
                                             GError             **error);
guint64       crm_csv_reader_get_line       (CrmCsvReader        *reader);
guint64       crm_csv_reader_get_bytes_read (CrmCsvReader        *reader);
void          crm_csv_reader_free           (CrmCsvReader        *reader);

CrmCsvWriter *crm_csv_writer_new            (GOutputStream       *stream);
gboolean      crm_csv_writer_write_row      (CrmCsvWriter        *writer,
                                             const char * const  *fields,
                                             guint                n_fields,
                                             GError             **error);
gboolean      crm_csv_writer_close          (CrmCsvWriter        *writer,
                                             GError             **error);
void          crm_csv_writer_free           (CrmCsvWriter        *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmCsvReader, crm_csv_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmCsvWriter, crm_csv_writer_free)

G_END_DECLS
