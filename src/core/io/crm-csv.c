/* crm-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-csv"

#include "config.h"

#include <inttypes.h>

#include <csv.h>
#include <string.h>

#include <glib/gi18n.h>

#include "crm-csv.h"

#define CHUNK_SIZE        (64 * 1024)
#define WRITE_BUFFER_SIZE (64 * 1024)
#define MIN_FIELD_BLOCK   4096
#define READER_OPTIONS    (CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)

G_DEFINE_QUARK (crm-csv-error-quark, crm_csv_error)

struct _CrmCsvReader
{
  GInputStream      *stream;
  struct csv_parser  parser;

  guint8            *chunk;
  gsize              chunk_len;
  gsize              chunk_pos;

  /* The record being built: the bytes of every field, each followed by a
   * NUL, and where each field starts.  Pointers into it are only taken once
   * the record is complete, since appending may move it. */
  GString           *record;
  GArray            *offsets;
  GPtrArray         *fields;

  guint64            line;         /* line of the next byte to parse */
  guint64            record_line;  /* line where the current record began */
  guint64            record_bytes; /* raw size of the current record so far */
  guint64            bytes_read;   /* bytes handed to the parser */
  GError            *error;        /* once failed, always failed */

  guint              started : 1;
  guint              eof : 1;
  guint              finished : 1;
  guint              prev_cr : 1;
  guint              in_record : 1;
  guint              record_done : 1;
};

struct _CrmCsvWriter
{
  GOutputStream *stream;
  GString       *buffer;
  GError        *error;
  guint          closed : 1;
};

/*
 * Reader helpers
 */

static inline gboolean
is_line_break (guint8 c)
{
  return c == '\n' || c == '\r';
}

/* RFC 4180 makes spaces part of the field; libcsv trims them by default. */
static int
never_space (unsigned char c)
{
  return 0;
}

static void
on_field_cb (void   *data,
             size_t  len,
             void   *user_data)
{
  CrmCsvReader *self = user_data;
  gsize start = self->record->len;

  g_array_append_val (self->offsets, start);
  g_string_append_len (self->record, data, len);
  g_string_append_c (self->record, '\0');
}

static void
on_record_cb (int   c,
              void *user_data)
{
  CrmCsvReader *self = user_data;

  self->record_done = TRUE;
}

static gboolean fail (CrmCsvReader *self,
                      GError      **error,
                      CrmCsvError   code,
                      const char   *format,
                      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (CrmCsvReader *self,
      GError      **error,
      CrmCsvError   code,
      const char   *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_clear_error (&self->error);
  self->error = g_error_new_valist (CRM_CSV_ERROR, code, format, args);
  va_end (args);

  g_propagate_error (error, g_error_copy (self->error));
  return FALSE;
}

/* PRIu64 cannot appear in a translatable string. */
static char *
format_line (guint64 line)
{
  return g_strdup_printf ("%" PRIu64, line);
}

static guint64
count_line_breaks (const char *s,
                   gsize       len)
{
  guint64 n = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '\n')
        n++;
      else if (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n'))
        n++;
    }

  return n;
}

static gboolean
fill_chunk (CrmCsvReader  *self,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize n;

  if (self->chunk_pos == self->chunk_len)
    self->chunk_pos = self->chunk_len = 0;

  n = g_input_stream_read (self->stream,
                           self->chunk + self->chunk_len,
                           CHUNK_SIZE - self->chunk_len,
                           NULL, &local_error);
  if (n < 0)
    return fail (self, error, CRM_CSV_ERROR_IO,
                 _("Could not read the file: %s"), local_error->message);

  if (n == 0)
    self->eof = TRUE;
  self->chunk_len += n;

  return TRUE;
}

static gboolean
skip_byte_order_mark (CrmCsvReader  *self,
                      GError       **error)
{
  const guint8 *p;

  while (!self->eof && self->chunk_len < 3)
    {
      if (!fill_chunk (self, error))
        return FALSE;
    }

  p = self->chunk;

  if (self->chunk_len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
    {
      self->chunk_pos = 3;
      self->bytes_read = 3;
    }
  else if (self->chunk_len >= 2 &&
           ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
    {
      return fail (self, error, CRM_CSV_ERROR_ENCODING,
                   _("The file is in UTF-16; save it as UTF-8 and try again"));
    }

  return TRUE;
}

/* Hands libcsv one physical line (up to and including its CR or LF) at a
 * time.  That way the line number is always known, and a record can only be
 * completed by the last byte of a call, so parsing can stop right there. */
static gboolean
parse_segment (CrmCsvReader  *self,
               GError       **error)
{
  const guint8 *seg = self->chunk + self->chunk_pos;
  gsize avail = self->chunk_len - self->chunk_pos;
  gsize len = avail;
  gboolean has_content;
  gsize parsed = 0;
  guint8 last;
  g_autofree char *line_str = NULL;

  for (gsize i = 0; i < avail; i++)
    {
      if (is_line_break (seg[i]))
        {
          len = i + 1;
          break;
        }
    }

  has_content = !is_line_break (seg[0]);
  last = seg[len - 1];

  /* Records may be separated by blank lines, which libcsv skips; the record
   * begins on the first line that has something on it. */
  if (!self->in_record && has_content)
    {
      self->in_record = TRUE;
      self->record_line = self->line;
      self->record_bytes = 0;
    }

  /* Grow libcsv's field buffer geometrically instead of by its fixed small
   * block, so that long fields are not copied over and over. */
  csv_set_blk_size (&self->parser,
                    MAX (MIN_FIELD_BLOCK, csv_get_buffer_size (&self->parser)));

  while (parsed < len)
    {
      parsed += csv_parse (&self->parser, seg + parsed, len - parsed,
                           on_field_cb, on_record_cb, self);
      if (parsed == len)
        break;

      line_str = format_line (self->line);
      if (csv_error (&self->parser) != CSV_EPARSE)
        return fail (self, error, CRM_CSV_ERROR_MALFORMED,
                     _("Line %s: %s"),
                     line_str, csv_strerror (csv_error (&self->parser)));

      /* With spaces never special, the only strict error on a quote is a
       * quote inside an unquoted field, as in 37°36'37.8"N.  Spreadsheets
       * and csv-spectrum read it as a literal quote, and nothing else makes
       * sense, so that one byte is parsed leniently.  Text after a closing
       * quote stays an error: there the field boundary is in doubt. */
      if (seg[parsed] == '"')
        {
          g_clear_pointer (&line_str, g_free);
          csv_set_opts (&self->parser, READER_OPTIONS & ~CSV_STRICT);
          parsed += csv_parse (&self->parser, seg + parsed, 1,
                               on_field_cb, on_record_cb, self);
          csv_set_opts (&self->parser, READER_OPTIONS);
          continue;
        }

      return fail (self, error, CRM_CSV_ERROR_MALFORMED,
                   _("Line %s: unexpected text after the closing quote of a field (a field that contains quotes must be enclosed in quotes, with each quote inside doubled)"),
                   line_str);
    }

  self->chunk_pos += len;
  self->bytes_read += len;
  if (self->in_record)
    self->record_bytes += len;

  if (has_content)
    self->prev_cr = FALSE;
  if (last == '\n')
    {
      if (!self->prev_cr)
        self->line++;
      self->prev_cr = FALSE;
    }
  else if (last == '\r')
    {
      self->line++;
      self->prev_cr = TRUE;
    }

  if (self->in_record && self->record_bytes > CRM_CSV_MAX_RECORD_SIZE)
    {
      line_str = format_line (self->record_line);
      return fail (self, error, CRM_CSV_ERROR_MALFORMED,
                   _("Line %s: the record that starts here is larger than %u MiB; a quoted field is probably never closed"),
                   line_str, (guint) (CRM_CSV_MAX_RECORD_SIZE / (1024 * 1024)));
    }

  if (self->record_done)
    self->in_record = FALSE;

  return TRUE;
}

static gboolean
finish_record (CrmCsvReader        *self,
               const char * const **fields,
               guint               *n_fields,
               GError             **error)
{
  guint n = self->offsets->len;
  guint64 breaks = 0;

  g_ptr_array_set_size (self->fields, 0);

  for (guint i = 0; i < n; i++)
    {
      gsize start = g_array_index (self->offsets, gsize, i);
      gsize end = i + 1 < n ? g_array_index (self->offsets, gsize, i + 1) - 1
                            : self->record->len - 1;
      const char *field = self->record->str + start;
      const char *bad = NULL;

      if (!g_utf8_validate (field, end - start, &bad))
        {
          g_autofree char *line_str =
            format_line (self->record_line + breaks + count_line_breaks (field, bad - field));

          g_ptr_array_set_size (self->fields, 0);
          return fail (self, error, CRM_CSV_ERROR_ENCODING,
                       _("Line %s, field %u: the text is not valid UTF-8; save the file as UTF-8 and try again"),
                       line_str, i + 1);
        }

      breaks += count_line_breaks (field, end - start);
      g_ptr_array_add (self->fields, (gpointer) field);
    }

  g_ptr_array_add (self->fields, NULL);

  *fields = (const char * const *) self->fields->pdata;
  if (n_fields != NULL)
    *n_fields = n;

  return TRUE;
}

/*
 * Reader API
 */

/**
 * crm_csv_reader_new_for_stream:
 * @stream: the CSV text
 *
 * Creates a reader that pulls @stream in 64 KiB chunks, so that a file of
 * any size can be read in constant memory.  Takes a reference on @stream.
 *
 * Returns: (transfer full): a new reader
 */
CrmCsvReader *
crm_csv_reader_new_for_stream (GInputStream *stream)
{
  CrmCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (CrmCsvReader, 1);
  self->stream = g_object_ref (stream);
  self->chunk = g_malloc (CHUNK_SIZE);
  self->record = g_string_sized_new (256);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->fields = g_ptr_array_new ();
  self->line = 1;

  csv_init (&self->parser, READER_OPTIONS);
  csv_set_space_func (&self->parser, never_space);

  return self;
}

/**
 * crm_csv_reader_new_for_path:
 * @path: a file name in the GLib file name encoding
 * @error: return location for a #CRM_CSV_ERROR_IO error
 *
 * Returns: (transfer full) (nullable): a new reader, or %NULL if the file
 *   cannot be opened
 */
CrmCsvReader *
crm_csv_reader_new_for_path (const char  *path,
                             GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, CRM_CSV_ERROR, CRM_CSV_ERROR_IO,
                   _("Could not open “%s”: %s"), display, local_error->message);
      return NULL;
    }

  return crm_csv_reader_new_for_stream (G_INPUT_STREAM (stream));
}

/**
 * crm_csv_reader_new_for_data:
 * @data: CSV text
 * @len: length of @data in bytes, or -1 if it is NUL-terminated
 *
 * Returns: (transfer full): a new reader over a copy of @data
 */
CrmCsvReader *
crm_csv_reader_new_for_data (const char *data,
                             gssize      len)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (data);

  bytes = g_bytes_new (data, len);
  stream = g_memory_input_stream_new_from_bytes (bytes);

  return crm_csv_reader_new_for_stream (stream);
}

/**
 * crm_csv_reader_next:
 * @reader: a #CrmCsvReader
 * @fields: (out) (transfer none): the fields of the record, a
 *   %NULL-terminated array of UTF-8 strings, valid until the next call
 * @n_fields: (out) (optional): the number of fields
 * @error: return location for a #CRM_CSV_ERROR error
 *
 * Reads the next record.  Blank lines between and after records are skipped;
 * a byte order mark at the start is dropped.
 *
 * Once an error has been reported, every later call reports it again: the
 * reader never resumes after bad input.
 *
 * Returns: %TRUE if a record was read; %FALSE at the end of the input (with
 *   @error unset) or on error
 */
gboolean
crm_csv_reader_next (CrmCsvReader        *reader,
                     const char * const **fields,
                     guint               *n_fields,
                     GError             **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *fields = NULL;
  if (n_fields != NULL)
    *n_fields = 0;

  if (reader->error != NULL)
    {
      g_propagate_error (error, g_error_copy (reader->error));
      return FALSE;
    }

  if (reader->finished)
    return FALSE;

  if (!reader->started)
    {
      reader->started = TRUE;
      if (!skip_byte_order_mark (reader, error))
        return FALSE;
    }

  g_string_truncate (reader->record, 0);
  g_array_set_size (reader->offsets, 0);
  reader->record_done = FALSE;

  while (!reader->record_done)
    {
      if (reader->chunk_pos < reader->chunk_len)
        {
          if (!parse_segment (reader, error))
            return FALSE;
        }
      else if (!reader->eof)
        {
          if (!fill_chunk (reader, error))
            return FALSE;
        }
      else
        {
          /* The last record may lack its line break; csv_fini() ends it, and
           * (with CSV_STRICT_FINI) refuses a quoted field left open. */
          reader->finished = TRUE;
          if (csv_fini (&reader->parser, on_field_cb, on_record_cb, reader) != 0)
            {
              g_autofree char *line_str = format_line (reader->record_line);

              return fail (reader, error, CRM_CSV_ERROR_MALFORMED,
                           _("Line %s: a quoted field is never closed (the file ends inside it)"),
                           line_str);
            }

          if (!reader->record_done)
            return FALSE;
          reader->in_record = FALSE;
        }
    }

  return finish_record (reader, fields, n_fields, error);
}

/**
 * crm_csv_reader_get_line:
 * @reader: a #CrmCsvReader
 *
 * Returns: the 1-based physical line on which the record last returned by
 *   crm_csv_reader_next() starts (a record may span lines), or 0 before the
 *   first record
 */
guint64
crm_csv_reader_get_line (CrmCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->record_line;
}

/**
 * crm_csv_reader_get_bytes_read:
 * @reader: a #CrmCsvReader
 *
 * Returns: how many bytes of the input have been parsed, for progress reports
 */
guint64
crm_csv_reader_get_bytes_read (CrmCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->bytes_read;
}

void
crm_csv_reader_free (CrmCsvReader *reader)
{
  if (reader == NULL)
    return;

  csv_free (&reader->parser);
  g_clear_object (&reader->stream);
  g_clear_error (&reader->error);
  g_free (reader->chunk);
  g_string_free (reader->record, TRUE);
  g_array_unref (reader->offsets);
  g_ptr_array_unref (reader->fields);
  g_free (reader);
}

/*
 * Writer
 */

static gboolean
writer_fail (CrmCsvWriter  *self,
             GError       **error,
             const char    *message)
{
  g_clear_error (&self->error);
  self->error = g_error_new (CRM_CSV_ERROR, CRM_CSV_ERROR_IO,
                             _("Could not write the file: %s"), message);
  g_propagate_error (error, g_error_copy (self->error));
  return FALSE;
}

static gboolean
writer_flush (CrmCsvWriter  *self,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (self->buffer->len == 0)
    return TRUE;

  if (!g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                                  NULL, NULL, &local_error))
    return writer_fail (self, error, local_error->message);

  g_string_truncate (self->buffer, 0);
  return TRUE;
}

static gboolean
needs_quotes (const char *field,
              gsize       len)
{
  if (len == 0)
    return FALSE;

  if (field[0] == ' ' || field[0] == '\t' ||
      field[len - 1] == ' ' || field[len - 1] == '\t')
    return TRUE;

  return strpbrk (field, ",\"\r\n") != NULL;
}

static void
append_field (GString    *out,
              const char *field)
{
  gsize len = strlen (field);

  if (!needs_quotes (field, len))
    {
      g_string_append_len (out, field, len);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * crm_csv_writer_new:
 * @stream: where to write
 *
 * Creates a writer of RFC 4180 CSV: fields are quoted only when they need
 * it, rows end with CRLF, and no byte order mark is written.  Output is
 * buffered; call crm_csv_writer_close() to flush it and close @stream.
 * Takes a reference on @stream.
 *
 * Returns: (transfer full): a new writer
 */
CrmCsvWriter *
crm_csv_writer_new (GOutputStream *stream)
{
  CrmCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_new0 (CrmCsvWriter, 1);
  self->stream = g_object_ref (stream);
  self->buffer = g_string_sized_new (WRITE_BUFFER_SIZE + 1024);

  return self;
}

/**
 * crm_csv_writer_write_row:
 * @writer: a #CrmCsvWriter
 * @fields: (array length=n_fields) (nullable): the fields; a %NULL element
 *   is written as an empty field
 * @n_fields: number of fields, at least 1
 * @error: return location for a #CRM_CSV_ERROR error
 *
 * Returns: %TRUE on success; %FALSE if a field is not valid UTF-8
 *   (%CRM_CSV_ERROR_ENCODING, nothing of the row is written) or writing
 *   failed (%CRM_CSV_ERROR_IO)
 */
gboolean
crm_csv_writer_write_row (CrmCsvWriter       *writer,
                          const char * const *fields,
                          guint               n_fields,
                          GError            **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (n_fields > 0, FALSE);
  g_return_val_if_fail (!writer->closed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (writer->error != NULL)
    {
      g_propagate_error (error, g_error_copy (writer->error));
      return FALSE;
    }

  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i] != NULL && !g_utf8_validate (fields[i], -1, NULL))
        {
          g_set_error (error, CRM_CSV_ERROR, CRM_CSV_ERROR_ENCODING,
                       _("Field %u is not valid UTF-8 text"), i + 1);
          return FALSE;
        }
    }

  /* A lone empty field would be a blank line, which readers skip. */
  if (n_fields == 1 && (fields[0] == NULL || fields[0][0] == '\0'))
    g_string_append (writer->buffer, "\"\"");

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (writer->buffer, ',');
      if (fields[i] != NULL)
        append_field (writer->buffer, fields[i]);
    }
  g_string_append (writer->buffer, "\r\n");

  if (writer->buffer->len >= WRITE_BUFFER_SIZE)
    return writer_flush (writer, error);

  return TRUE;
}

/**
 * crm_csv_writer_close:
 * @writer: a #CrmCsvWriter
 * @error: return location for a #CRM_CSV_ERROR_IO error
 *
 * Writes out what is buffered and closes the stream.  For a stream from
 * g_file_replace() this is the moment the file is replaced.
 *
 * Returns: %TRUE if everything was written and the stream closed
 */
gboolean
crm_csv_writer_close (CrmCsvWriter  *writer,
                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (writer->closed)
    return TRUE;

  if (writer->error != NULL)
    {
      g_propagate_error (error, g_error_copy (writer->error));
      return FALSE;
    }

  if (!writer_flush (writer, error))
    return FALSE;

  writer->closed = TRUE;
  if (!g_output_stream_close (writer->stream, NULL, &local_error))
    return writer_fail (writer, error, local_error->message);

  return TRUE;
}

/**
 * crm_csv_writer_free:
 * @writer: (nullable): a #CrmCsvWriter
 *
 * Frees @writer.  If it was not closed successfully, the buffered rows are
 * dropped and the stream is closed as cancelled, which makes a stream from
 * g_file_replace() leave the original file as it was: an export that fails
 * halfway leaves no half-written file behind.
 */
void
crm_csv_writer_free (CrmCsvWriter *writer)
{
  if (writer == NULL)
    return;

  if (!writer->closed && !g_output_stream_is_closed (writer->stream))
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      g_cancellable_cancel (cancellable);
      g_output_stream_close (writer->stream, cancellable, NULL);
    }

  g_clear_object (&writer->stream);
  g_clear_error (&writer->error);
  g_string_free (writer->buffer, TRUE);
  g_free (writer);
}
