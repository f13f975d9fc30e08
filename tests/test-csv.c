/* test-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "crm-csv.h"

/*
 * A stream that hands out at most a few bytes per read, so that every
 * boundary (BOM, CR/LF pair, quote pair, multi-byte character) falls between
 * two reads somewhere.
 */

#define TEST_TYPE_TRICKLE_STREAM (test_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, TEST, TRICKLE_STREAM, GInputStream)

struct _TestTrickleStream
{
  GInputStream parent_instance;
  GBytes      *bytes;
  gsize        pos;
  gsize        step;
};

G_DEFINE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
test_trickle_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  TestTrickleStream *self = TEST_TRICKLE_STREAM (stream);
  gsize size;
  const guint8 *data = g_bytes_get_data (self->bytes, &size);
  gsize n = MIN (MIN (count, self->step), size - self->pos);

  memcpy (buffer, data + self->pos, n);
  self->pos += n;
  return n;
}

static void
test_trickle_stream_finalize (GObject *object)
{
  TestTrickleStream *self = TEST_TRICKLE_STREAM (object);

  g_bytes_unref (self->bytes);
  G_OBJECT_CLASS (test_trickle_stream_parent_class)->finalize (object);
}

static void
test_trickle_stream_class_init (TestTrickleStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_trickle_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_trickle_stream_read;
}

static void
test_trickle_stream_init (TestTrickleStream *self)
{
}

static GInputStream *
trickle_stream_new (const char *data,
                    gsize       len,
                    gsize       step)
{
  TestTrickleStream *self = g_object_new (TEST_TYPE_TRICKLE_STREAM, NULL);

  self->bytes = g_bytes_new (data, len);
  self->step = step;
  return G_INPUT_STREAM (self);
}

/*
 * Helpers
 */

typedef struct
{
  GPtrArray *rows;   /* of GStrv */
  GArray    *lines;  /* guint64 per row */
  GError    *error;  /* set if reading stopped on an error */
} Parsed;

static void
parsed_free (Parsed *p)
{
  g_ptr_array_unref (p->rows);
  g_array_unref (p->lines);
  g_clear_error (&p->error);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Parsed, parsed_free)

static Parsed *
parse_reader (CrmCsvReader *reader)
{
  Parsed *p = g_new0 (Parsed, 1);
  const char * const *fields;
  guint n_fields;

  p->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  p->lines = g_array_new (FALSE, FALSE, sizeof (guint64));

  while (crm_csv_reader_next (reader, &fields, &n_fields, &p->error))
    {
      guint64 line = crm_csv_reader_get_line (reader);

      g_assert_nonnull (fields);
      g_assert_cmpuint (g_strv_length ((char **) fields), ==, n_fields);
      g_ptr_array_add (p->rows, g_strdupv ((char **) fields));
      g_array_append_val (p->lines, line);
    }

  if (p->error == NULL)
    {
      /* End of input is final. */
      g_assert_false (crm_csv_reader_next (reader, &fields, &n_fields, &p->error));
      g_assert_no_error (p->error);
      g_assert_null (fields);
      g_assert_cmpuint (n_fields, ==, 0);
    }

  return p;
}

static Parsed *
parse_data (const char *data,
            gssize      len)
{
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_data (data, len);

  return parse_reader (reader);
}

static Parsed *
parse_ok (const char *data,
          gssize      len)
{
  Parsed *p = parse_data (data, len);

  g_assert_no_error (p->error);
  return p;
}

static const char *
cell (Parsed *p,
      guint   row,
      guint   col)
{
  char **fields;

  g_assert_cmpuint (row, <, p->rows->len);
  fields = g_ptr_array_index (p->rows, row);
  g_assert_cmpuint (col, <, g_strv_length (fields));
  return fields[col];
}

static guint
width (Parsed *p,
       guint   row)
{
  g_assert_cmpuint (row, <, p->rows->len);
  return g_strv_length (g_ptr_array_index (p->rows, row));
}

static guint64
line_of (Parsed *p,
         guint   row)
{
  g_assert_cmpuint (row, <, p->lines->len);
  return g_array_index (p->lines, guint64, row);
}

static void
assert_same_parse (Parsed *a,
                   Parsed *b)
{
  g_assert_cmpuint (a->rows->len, ==, b->rows->len);
  for (guint i = 0; i < a->rows->len; i++)
    {
      g_assert_true (g_strv_equal (g_ptr_array_index (a->rows, i),
                                   g_ptr_array_index (b->rows, i)));
      g_assert_cmpuint (line_of (a, i), ==, line_of (b, i));
    }
  if (a->error == NULL)
    g_assert_no_error (b->error);
  else
    g_assert_error (b->error, a->error->domain, a->error->code);
}

static void
assert_error_names_line (GError     *error,
                         gint        code,
                         guint64     line)
{
  g_autofree char *needle = g_strdup_printf ("Line %" G_GUINT64_FORMAT, line);

  g_assert_error (error, CRM_CSV_ERROR, code);
  if (!g_str_has_prefix (error->message, needle))
    g_error ("expected “%s” in error message: %s", needle, error->message);
  /* The digit after the number must not continue it (Line 2 vs Line 23). */
  g_assert_false (g_ascii_isdigit (error->message[strlen (needle)]));
}

/* Every LF that is not already part of a CRLF becomes CRLF. */
static char *
to_crlf (const char *s,
         gsize       len,
         gsize      *out_len)
{
  GString *out = g_string_sized_new (len + len / 8);

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r'))
        g_string_append_c (out, '\r');
      g_string_append_c (out, s[i]);
    }

  if (out_len != NULL)
    *out_len = out->len;
  return g_string_free (out, FALSE);
}

static char *
replace_all (const char *s,
             const char *from,
             const char *to)
{
  g_auto(GStrv) parts = g_strsplit (s, from, -1);

  return g_strjoinv (to, parts);
}

static const char *
testdata_dir (void)
{
  return g_getenv ("CRM_TESTDATA");
}

/*
 * csv-spectrum
 */

/* Known mistakes in the suite itself, corrected only while the suite still
 * holds the known wrong value. */
static const struct
{
  const char *name;
  guint       row;
  const char *column;
  const char *json_value;
  const char *csv_value;
  const char *why;
} spectrum_errata[] = {
  { "location_coordinates", 0, "Contact Phone Number", "1234567890", "2095257564",
    "the suite's JSON disagrees with its own CSV (csv-spectrum issue #20)" },
};

static GPtrArray *
spectrum_expected_rows (const char *name,
                        const char *json_path,
                        const char *header_source,
                        char      **header)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) array = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n_cols = g_strv_length (header);
  JsonNode *root;

  json_parser_load_from_file (parser, json_path, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      /* csv-spectrum issue #22: one file holds a bare object, not an array. */
      g_test_message ("%s: JSON root is an object; taking it as the only row", name);
      array = json_array_new ();
      json_array_add_element (array, json_node_copy (root));
    }
  else
    {
      g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
      array = json_array_ref (json_node_get_array (root));
    }

  g_ptr_array_add (rows, g_strdupv (header));

  for (guint r = 0; r < json_array_get_length (array); r++)
    {
      JsonObject *object = json_array_get_object_element (array, r);
      char **row = g_new0 (char *, n_cols + 1);

      g_assert_nonnull (object);
      /* Together with the lookups below, this checks that the header row
       * holds exactly the JSON keys. */
      g_assert_cmpuint (json_object_get_size (object), ==, n_cols);

      for (guint c = 0; c < n_cols; c++)
        {
          const char *value;

          if (!json_object_has_member (object, header[c]))
            g_error ("%s: header field “%s” is not a key of JSON row %u", name, header[c], r);
          value = json_object_get_string_member (object, header[c]);
          g_assert_nonnull (value);

          for (guint e = 0; e < G_N_ELEMENTS (spectrum_errata); e++)
            {
              if (g_str_equal (spectrum_errata[e].name, name) &&
                  spectrum_errata[e].row == r &&
                  g_str_equal (spectrum_errata[e].column, header[c]) &&
                  g_str_equal (spectrum_errata[e].json_value, value))
                {
                  g_test_message ("%s: expecting “%s” instead of “%s”: %s", name,
                                  spectrum_errata[e].csv_value, value, spectrum_errata[e].why);
                  value = spectrum_errata[e].csv_value;
                }
            }

          /* The *_crlf files of this copy have lost their CRs; a field cannot
           * hold a CRLF that is not in the file. */
          if (strchr (header_source, '\r') == NULL && strstr (value, "\r\n") != NULL)
            {
              g_test_message ("%s: file has no CR; expecting LF where the JSON has CRLF", name);
              row[c] = replace_all (value, "\r\n", "\n");
            }
          else
            {
              row[c] = g_strdup (value);
            }
        }

      g_ptr_array_add (rows, row);
    }

  return rows;
}

static void
assert_rows_equal (const char *label,
                   GPtrArray  *expected,
                   Parsed     *actual)
{
  g_assert_no_error (actual->error);
  if (expected->len != actual->rows->len)
    g_error ("%s: expected %u rows (with header), got %u", label, expected->len, actual->rows->len);

  for (guint r = 0; r < expected->len; r++)
    {
      char **want = g_ptr_array_index (expected, r);

      if (width (actual, r) != g_strv_length (want))
        g_error ("%s row %u: expected %u fields, got %u", label, r,
                 g_strv_length (want), width (actual, r));
      for (guint c = 0; want[c] != NULL; c++)
        {
          if (!g_str_equal (want[c], cell (actual, r, c)))
            {
              g_autofree char *w = g_strescape (want[c], NULL);
              g_autofree char *a = g_strescape (cell (actual, r, c), NULL);

              g_error ("%s row %u field %u: expected \"%s\", got \"%s\"", label, r, c, w, a);
            }
        }
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
test_spectrum (void)
{
  g_autofree char *csv_dir = NULL;
  g_autofree char *json_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *entry;

  if (testdata_dir () == NULL)
    {
      g_test_skip ("CRM_TESTDATA is not set; csv-spectrum cases not run");
      return;
    }

  csv_dir = g_build_filename (testdata_dir (), "csv-spectrum", "csvs", NULL);
  json_dir = g_build_filename (testdata_dir (), "csv-spectrum", "json", NULL);
  if (!g_file_test (csv_dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *msg = g_strdup_printf ("csv-spectrum not found at %s; cases not run", csv_dir);
      g_test_skip (msg);
      return;
    }

  dir = g_dir_open (csv_dir, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, ".csv"))
      g_ptr_array_add (names, g_strndup (entry, strlen (entry) - 4));
  g_ptr_array_sort (names, compare_names);

  g_assert_cmpuint (names->len, >=, 12);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *csv_name = g_strconcat (name, ".csv", NULL);
      g_autofree char *json_name = g_strconcat (name, ".json", NULL);
      g_autofree char *csv_path = g_build_filename (csv_dir, csv_name, NULL);
      g_autofree char *json_path = g_build_filename (json_dir, json_name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *crlf = NULL;
      g_autofree char *crlf_label = g_strconcat (name, " (as CRLF)", NULL);
      g_autoptr(CrmCsvReader) reader = NULL;
      g_autoptr(Parsed) parsed = NULL;
      g_autoptr(Parsed) parsed_crlf = NULL;
      g_autoptr(GPtrArray) expected = NULL;
      g_autoptr(GPtrArray) expected_crlf = NULL;
      gsize len, crlf_len;

      g_assert_true (g_file_test (json_path, G_FILE_TEST_EXISTS));
      g_file_get_contents (csv_path, &contents, &len, &error);
      g_assert_no_error (error);

      reader = crm_csv_reader_new_for_path (csv_path, &error);
      g_assert_no_error (error);
      parsed = parse_reader (reader);
      g_assert_no_error (parsed->error);
      g_assert_cmpuint (crm_csv_reader_get_bytes_read (reader), ==, len);
      g_assert_cmpuint (parsed->rows->len, >, 0);

      expected = spectrum_expected_rows (name, json_path, contents,
                                         g_ptr_array_index (parsed->rows, 0));
      assert_rows_equal (name, expected, parsed);

      /* The same case with CRLF line breaks, inside fields as well. */
      crlf = to_crlf (contents, len, &crlf_len);
      parsed_crlf = parse_ok (crlf, crlf_len);
      expected_crlf = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      for (guint r = 0; r < expected->len; r++)
        {
          char **row = g_strdupv (g_ptr_array_index (expected, r));

          for (guint c = 0; row[c] != NULL; c++)
            {
              char *converted = to_crlf (row[c], strlen (row[c]), NULL);

              g_free (row[c]);
              row[c] = converted;
            }
          g_ptr_array_add (expected_crlf, row);
        }
      assert_rows_equal (crlf_label, expected_crlf, parsed_crlf);
      for (guint r = 0; r < parsed->rows->len; r++)
        g_assert_cmpuint (line_of (parsed_crlf, r), ==, line_of (parsed, r));

      g_test_message ("csv-spectrum %s: %u rows OK (LF and CRLF)", name, parsed->rows->len);
    }
}

/*
 * Reader behaviour
 */

static void
test_line_endings (void)
{
  static const char *variants[] = {
    "name,city\nAna,\"Oslo, NO\"\nBo,Rome\n",
    "name,city\r\nAna,\"Oslo, NO\"\r\nBo,Rome\r\n",
    "name,city\rAna,\"Oslo, NO\"\rBo,Rome\r",
    "name,city\r\nAna,\"Oslo, NO\"\nBo,Rome",
    "name,city\nAna,\"Oslo, NO\"\r\nBo,Rome\n\n\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(Parsed) p = parse_ok (variants[i], -1);

      g_assert_cmpuint (p->rows->len, ==, 3);
      g_assert_cmpstr (cell (p, 0, 0), ==, "name");
      g_assert_cmpstr (cell (p, 0, 1), ==, "city");
      g_assert_cmpstr (cell (p, 1, 0), ==, "Ana");
      g_assert_cmpstr (cell (p, 1, 1), ==, "Oslo, NO");
      g_assert_cmpstr (cell (p, 2, 0), ==, "Bo");
      g_assert_cmpstr (cell (p, 2, 1), ==, "Rome");
      g_assert_cmpuint (width (p, 2), ==, 2);
      for (guint r = 0; r < 3; r++)
        g_assert_cmpuint (line_of (p, r), ==, r + 1);
    }

  /* A bare CR followed by a line that ends in LF: two line breaks. */
  {
    g_autoptr(Parsed) mixed = parse_ok ("a\rb\nc\r\n\rd\n", -1);

    g_assert_cmpuint (mixed->rows->len, ==, 4);
    g_assert_cmpstr (cell (mixed, 3, 0), ==, "d");
    for (guint r = 0; r < 3; r++)
      g_assert_cmpuint (line_of (mixed, r), ==, r + 1);
    g_assert_cmpuint (line_of (mixed, 3), ==, 5);
  }
}

static void
test_fields (void)
{
  g_autoptr(Parsed) p =
    parse_ok ("a,,\" spaced \", x ,\"\",\"q\"\"q\"\n"
              ",\n"
              "\"\"\n"
              "12\" pipe,a\"b\"\"c\"\n", -1);

  g_assert_cmpuint (p->rows->len, ==, 4);
  g_assert_cmpuint (width (p, 0), ==, 6);
  g_assert_cmpstr (cell (p, 0, 0), ==, "a");
  g_assert_cmpstr (cell (p, 0, 1), ==, "");
  g_assert_cmpstr (cell (p, 0, 2), ==, " spaced ");
  /* RFC 4180: spaces belong to the field, quoted or not. */
  g_assert_cmpstr (cell (p, 0, 3), ==, " x ");
  g_assert_cmpstr (cell (p, 0, 4), ==, "");
  g_assert_cmpstr (cell (p, 0, 5), ==, "q\"q");
  g_assert_cmpuint (width (p, 1), ==, 2);
  g_assert_cmpstr (cell (p, 1, 0), ==, "");
  g_assert_cmpstr (cell (p, 1, 1), ==, "");
  g_assert_cmpuint (width (p, 2), ==, 1);
  g_assert_cmpstr (cell (p, 2, 0), ==, "");
  /* A quote inside an unquoted field is taken literally, as spreadsheets do. */
  g_assert_cmpuint (width (p, 3), ==, 2);
  g_assert_cmpstr (cell (p, 3, 0), ==, "12\" pipe");
  g_assert_cmpstr (cell (p, 3, 1), ==, "a\"b\"\"c\"");
}

static void
test_bom (void)
{
  g_autoptr(Parsed) with_bom = parse_ok ("\xEF\xBB\xBFname,email\r\nAna,a@example.com\r\n", -1);
  g_autoptr(Parsed) without = parse_ok ("name,email\r\nAna,a@example.com\r\n", -1);
  g_autoptr(Parsed) only_bom = parse_ok ("\xEF\xBB\xBF", -1);
  g_autoptr(Parsed) bom_no_newline = parse_ok ("\xEF\xBB\xBFx", -1);
  g_autoptr(Parsed) utf16 = parse_data ("\xFF\xFEn\0a\0", 6);
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_data ("\xEF\xBB\xBF" "a\n", -1);
  const char * const *fields;

  g_assert_cmpstr (cell (with_bom, 0, 0), ==, "name");
  assert_same_parse (without, with_bom);
  g_assert_cmpuint (only_bom->rows->len, ==, 0);
  g_assert_cmpuint (bom_no_newline->rows->len, ==, 1);
  g_assert_cmpstr (cell (bom_no_newline, 0, 0), ==, "x");
  g_assert_error (utf16->error, CRM_CSV_ERROR, CRM_CSV_ERROR_ENCODING);

  /* A BOM further on is data, not a marker. */
  {
    g_autoptr(Parsed) later = parse_ok ("a\n\xEF\xBB\xBF" "b\n", -1);
    g_assert_cmpstr (cell (later, 1, 0), ==, "\xEF\xBB\xBF" "b");
  }

  g_assert_true (crm_csv_reader_next (reader, &fields, NULL, NULL));
  g_assert_cmpuint (crm_csv_reader_get_bytes_read (reader), ==, 5);
}

static void
test_empty (void)
{
  g_autoptr(Parsed) empty = parse_ok ("", 0);
  g_autoptr(Parsed) blank = parse_ok ("\n\r\n\n", -1);
  g_autoptr(Parsed) trailing = parse_ok ("a,b\n1,2\n\n\r\n\n", -1);
  g_autoptr(Parsed) inner = parse_ok ("a\n\n\nb\n", -1);
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_data ("", 0);

  g_assert_cmpuint (empty->rows->len, ==, 0);
  g_assert_cmpuint (blank->rows->len, ==, 0);
  g_assert_cmpuint (trailing->rows->len, ==, 2);
  g_assert_cmpuint (inner->rows->len, ==, 2);
  g_assert_cmpuint (line_of (inner, 1), ==, 4);
  g_assert_cmpuint (crm_csv_reader_get_line (reader), ==, 0);
}

static void
test_line_numbers (void)
{
  static const char *data =
    "id,note\n"                     /* 1 */
    "1,\"first\nsecond\nthird\"\n"  /* 2-4 */
    "2,x\n"                         /* 5 */
    "\n"                            /* 6 */
    "\"3\",\"a\"\"\n\"\"b\"\n"      /* 7-8 */
    "4,last";                       /* 9 */
  g_autoptr(Parsed) p = parse_ok (data, -1);
  g_autofree char *crlf = to_crlf (data, strlen (data), NULL);
  g_autoptr(Parsed) p_crlf = parse_ok (crlf, -1);
  g_autoptr(Parsed) simple = parse_ok ("1,\"a\nb\nc\"\n2,d\n", -1);

  /* The brief's case: a first record spanning three lines. */
  g_assert_cmpuint (simple->rows->len, ==, 2);
  g_assert_cmpuint (line_of (simple, 0), ==, 1);
  g_assert_cmpuint (line_of (simple, 1), ==, 4);
  g_assert_cmpstr (cell (simple, 0, 1), ==, "a\nb\nc");

  g_assert_cmpuint (p->rows->len, ==, 5);
  g_assert_cmpuint (line_of (p, 0), ==, 1);
  g_assert_cmpuint (line_of (p, 1), ==, 2);
  g_assert_cmpuint (line_of (p, 2), ==, 5);
  g_assert_cmpuint (line_of (p, 3), ==, 7);
  g_assert_cmpuint (line_of (p, 4), ==, 9);
  g_assert_cmpstr (cell (p, 1, 1), ==, "first\nsecond\nthird");
  g_assert_cmpstr (cell (p, 3, 1), ==, "a\"\n\"b");
  g_assert_cmpstr (cell (p, 4, 1), ==, "last");

  g_assert_cmpuint (p_crlf->rows->len, ==, 5);
  for (guint r = 0; r < 5; r++)
    g_assert_cmpuint (line_of (p_crlf, r), ==, line_of (p, r));
  g_assert_cmpstr (cell (p_crlf, 1, 1), ==, "first\r\nsecond\r\nthird");
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(Parsed) latin1 = parse_data ("name,city\nAna,Oslo\nJos\xE9,M\xE1laga\n", -1);
  g_autoptr(Parsed) in_multiline = parse_data ("a,b\n1,\"ok\nstill ok\nbad \xC3\x28 here\"\n", -1);
  g_autoptr(Parsed) later_field = parse_data ("x,\"1\n2\",\xFF\n", -1);
  g_autoptr(Parsed) nul = parse_data ("a\nb\0c\n", 6);
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_data ("ok\n\xFF\nok\n", -1);
  const char * const *fields;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;

  /* Rows before the bad one are delivered. */
  g_assert_cmpuint (latin1->rows->len, ==, 2);
  assert_error_names_line (latin1->error, CRM_CSV_ERROR_ENCODING, 3);
  g_assert_nonnull (strstr (latin1->error->message, "field 1"));

  g_assert_cmpuint (in_multiline->rows->len, ==, 1);
  assert_error_names_line (in_multiline->error, CRM_CSV_ERROR_ENCODING, 4);
  g_assert_nonnull (strstr (in_multiline->error->message, "field 2"));

  assert_error_names_line (later_field->error, CRM_CSV_ERROR_ENCODING, 2);
  g_assert_nonnull (strstr (later_field->error->message, "field 3"));

  /* A NUL byte cannot be carried in a C string. */
  assert_error_names_line (nul->error, CRM_CSV_ERROR_ENCODING, 2);

  /* The reader does not resume after bad input. */
  g_assert_true (crm_csv_reader_next (reader, &fields, NULL, &error));
  g_assert_false (crm_csv_reader_next (reader, &fields, NULL, &error));
  assert_error_names_line (error, CRM_CSV_ERROR_ENCODING, 2);
  g_assert_false (crm_csv_reader_next (reader, &fields, NULL, &again));
  assert_error_names_line (again, CRM_CSV_ERROR_ENCODING, 2);
}

static void
test_malformed (void)
{
  g_autoptr(Parsed) unterminated = parse_data ("a,b\n1,2\n3,\"open\nmore\nstill\n", -1);
  g_autoptr(Parsed) unterminated_last = parse_data ("a,\"b", -1);
  g_autoptr(Parsed) after_close = parse_data ("a,b\n\"1\nz\"x,2\n", -1);
  g_autoptr(Parsed) space_after_close = parse_data ("\"a\" ,b\n", -1);

  g_assert_cmpuint (unterminated->rows->len, ==, 2);
  assert_error_names_line (unterminated->error, CRM_CSV_ERROR_MALFORMED, 3);
  g_assert_nonnull (strstr (unterminated->error->message, "never closed"));

  g_assert_cmpuint (unterminated_last->rows->len, ==, 0);
  assert_error_names_line (unterminated_last->error, CRM_CSV_ERROR_MALFORMED, 1);

  /* The error is on the line where the bad text is, not where the record began. */
  assert_error_names_line (after_close->error, CRM_CSV_ERROR_MALFORMED, 3);
  g_assert_nonnull (strstr (after_close->error->message, "after the closing quote"));

  assert_error_names_line (space_after_close->error, CRM_CSV_ERROR_MALFORMED, 1);
}

static void
test_record_too_large (void)
{
  gsize len = CRM_CSV_MAX_RECORD_SIZE + 1024;
  g_autofree char *data = g_malloc (len);
  g_autoptr(Parsed) p = NULL;

  memcpy (data, "a\nb,\"", 5);
  memset (data + 5, 'x', len - 5);
  for (gsize i = 1000; i < len; i += 1000)
    data[i] = '\n';

  p = parse_data (data, len);
  g_assert_cmpuint (p->rows->len, ==, 1);
  assert_error_names_line (p->error, CRM_CSV_ERROR_MALFORMED, 2);
}

static void
test_chunk_boundaries (void)
{
  GString *doc = g_string_new ("\xEF\xBB\xBFid,note,city\r\n");
  g_autofree char *long_field = NULL;
  g_autoptr(Parsed) whole = NULL;
  gsize steps[] = { 1, 2, 3, 7, 65536 };

  g_string_append (doc, "1,\"two\r\nlines\",\"Z\xC3\xBCrich\"\r\n");
  g_string_append (doc, "\r\n");
  g_string_append (doc, "2,\"\"\"quoted\"\"\",\xE6\x97\xA5\xE6\x9C\xAC\r\n");
  /* A field longer than a chunk, with line breaks in it. */
  g_string_append (doc, "3,\"");
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (doc, "line %04u, \"\"x\"\"\n", i);
  g_string_append (doc, "\",end\r\n");
  g_string_append (doc, "4,\xF0\x9F\x98\x80,last");

  whole = parse_ok (doc->str, doc->len);
  g_assert_cmpuint (whole->rows->len, ==, 5);
  g_assert_cmpuint (line_of (whole, 1), ==, 2);
  g_assert_cmpuint (line_of (whole, 2), ==, 5);
  g_assert_cmpuint (line_of (whole, 3), ==, 6);
  g_assert_cmpuint (line_of (whole, 4), ==, 3007);
  g_assert_cmpstr (cell (whole, 0, 0), ==, "id");
  g_assert_cmpstr (cell (whole, 1, 1), ==, "two\r\nlines");
  g_assert_cmpstr (cell (whole, 2, 1), ==, "\"quoted\"");
  g_assert_cmpuint (strlen (cell (whole, 3, 1)), ==, 3000 * strlen ("line 0000, \"x\"\n"));
  g_assert_true (g_str_has_prefix (cell (whole, 3, 1), "line 0000, \"x\"\nline 0001"));
  g_assert_cmpstr (cell (whole, 3, 2), ==, "end");
  g_assert_cmpstr (cell (whole, 4, 2), ==, "last");

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      g_autoptr(GInputStream) stream = trickle_stream_new (doc->str, doc->len, steps[s]);
      g_autoptr(CrmCsvReader) reader = crm_csv_reader_new_for_stream (stream);
      g_autoptr(Parsed) p = parse_reader (reader);

      assert_same_parse (whole, p);
      g_assert_cmpuint (crm_csv_reader_get_bytes_read (reader), ==, doc->len);
    }

  g_string_free (doc, TRUE);
}

static void
test_open_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCsvReader) reader =
    crm_csv_reader_new_for_path ("/nonexistent/dir/contacts.csv", &error);

  g_assert_null (reader);
  g_assert_error (error, CRM_CSV_ERROR, CRM_CSV_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "contacts.csv"));
}

/*
 * Writer
 */

static char *
write_rows (const char * const *rows[],
            const guint         widths[],
            guint               n_rows,
            gsize              *len)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(CrmCsvWriter) writer = crm_csv_writer_new (out);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_rows; i++)
    {
      crm_csv_writer_write_row (writer, rows[i], widths[i], &error);
      g_assert_no_error (error);
    }
  crm_csv_writer_close (writer, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_is_closed (out));

  *len = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_writer_format (void)
{
  const char *row1[] = { "a", "b c", "d,e", "f\"g", NULL, "", " lead", "trail ", "x\ny" };
  const char *row2[] = { "" };
  const char *row3[] = { NULL };
  const char *row4[] = { "\xC3\xA9t\xC3\xA9", "=1+2" };
  const char * const *rows[] = { row1, row2, row3, row4 };
  const guint widths[] = { G_N_ELEMENTS (row1), 1, 1, 2 };
  gsize len;
  g_autofree char *out = write_rows (rows, widths, G_N_ELEMENTS (rows), &len);
  const char *expected =
    "a,b c,\"d,e\",\"f\"\"g\",,,\" lead\",\"trail \",\"x\ny\"\r\n"
    "\"\"\r\n"
    "\"\"\r\n"
    "\xC3\xA9t\xC3\xA9,=1+2\r\n";

  g_assert_cmpmem (out, len, expected, strlen (expected));
}

static void
test_round_trip (void)
{
  const char *row1[] = { "plain", "with, comma", "with \"quotes\"", "\"", ",", "multi\nline",
                         "crlf\r\nline", "cr\ronly", " leading", "trailing ", "\ttab" };
  const char *row2[] = { "\xC3\xBCn\xC3\xAF\x63\xC3\xB8\x64\xC3\xA9 \xE2\x9C\x93",
                         "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E",
                         "\xF0\x9F\x98\x80", "", NULL, "\"\"\"", "a\"\"b\n\"c\"" };
  const char *row3[] = { NULL };
  const char *row4[] = { "", "" };
  const char *row5[] = { "last" };
  const char * const *rows[] = { row1, row2, row3, row4, row5 };
  const guint widths[] = { G_N_ELEMENTS (row1), G_N_ELEMENTS (row2), 1, 2, 1 };
  gsize len;
  g_autofree char *out = write_rows (rows, widths, G_N_ELEMENTS (rows), &len);
  g_autoptr(Parsed) p = parse_ok (out, len);

  g_assert_false (g_str_has_prefix (out, "\xEF\xBB\xBF"));
  g_assert_cmpuint (p->rows->len, ==, G_N_ELEMENTS (rows));
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      g_assert_cmpuint (width (p, r), ==, widths[r]);
      for (guint c = 0; c < widths[r]; c++)
        g_assert_cmpstr (cell (p, r, c), ==, rows[r][c] != NULL ? rows[r][c] : "");
    }
  /* Row 2 starts after row 1's two embedded line breaks (LF, CRLF) and its CR. */
  g_assert_cmpuint (line_of (p, 1), ==, 5);
}

static void
test_writer_invalid_utf8 (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(CrmCsvWriter) writer = crm_csv_writer_new (out);
  g_autoptr(GError) error = NULL;
  const char *good[] = { "a", "b" };
  const char *bad[] = { "ok", "Jos\xE9" };
  gsize len;

  g_assert_true (crm_csv_writer_write_row (writer, good, 2, &error));
  g_assert_false (crm_csv_writer_write_row (writer, bad, 2, &error));
  g_assert_error (error, CRM_CSV_ERROR, CRM_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Field 2"));
  g_clear_error (&error);

  g_assert_true (crm_csv_writer_close (writer, &error));
  g_assert_no_error (error);
  len = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)), len,
                   "a,b\r\n", 5);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-csv-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static guint
count_dir_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_writer_abandon (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *row[] = { "new", "data" };

  g_file_set_contents (path, "old\r\n", -1, &error);
  g_assert_no_error (error);

  /* Freed without closing: an export that failed halfway. */
  {
    g_autoptr(GFileOutputStream) out =
      g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
    g_autoptr(CrmCsvWriter) writer = NULL;

    g_assert_no_error (error);
    writer = crm_csv_writer_new (G_OUTPUT_STREAM (out));
    for (guint i = 0; i < 10000; i++)
      g_assert_true (crm_csv_writer_write_row (writer, row, 2, &error));
  }

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "old\r\n");
  g_assert_cmpuint (count_dir_entries (tmp), ==, 1);
  g_clear_pointer (&contents, g_free);

  /* Closed: the file is replaced. */
  {
    g_autoptr(GFileOutputStream) out =
      g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
    g_autoptr(CrmCsvWriter) writer = NULL;

    g_assert_no_error (error);
    writer = crm_csv_writer_new (G_OUTPUT_STREAM (out));
    g_assert_true (crm_csv_writer_write_row (writer, row, 2, &error));
    g_assert_true (crm_csv_writer_close (writer, &error));
    g_assert_no_error (error);
  }

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "new,data\r\n");

  remove_dir (tmp);
}

/*
 * Streaming
 */

#define STREAM_ROWS 200000

static void
test_streaming (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "big.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCsvReader) reader = NULL;
  GString *data = g_string_new ("id,name,note,amount\r\n");
  const char * const *fields;
  guint n_fields;
  guint64 rows = 0;
  guint64 expected_line = 2;
  guint64 last_line = 0;
  g_autofree char *last_id = NULL;
  g_autofree char *last_note = NULL;

  for (guint i = 1; i <= STREAM_ROWS; i++)
    {
      if (i % 1000 == 0)
        g_string_append_printf (data, "%u,\"Name %u, Jr.\",\"two\r\nlines\",%u\r\n", i, i, i * 7);
      else
        g_string_append_printf (data, "%u,Name %u,note,%u\r\n", i, i, i * 7);
    }
  g_file_set_contents (path, data->str, data->len, &error);
  g_assert_no_error (error);

  reader = crm_csv_reader_new_for_path (path, &error);
  g_assert_no_error (error);

  g_assert_true (crm_csv_reader_next (reader, &fields, &n_fields, &error));
  g_assert_cmpstr (fields[0], ==, "id");

  while (crm_csv_reader_next (reader, &fields, &n_fields, &error))
    {
      rows++;
      g_assert_cmpuint (n_fields, ==, 4);
      /* Checking every row cheaply: ids are consecutive, lines accounted for. */
      g_assert_cmpuint (g_ascii_strtoull (fields[0], NULL, 10), ==, rows);
      g_assert_cmpuint (crm_csv_reader_get_line (reader), ==, expected_line);
      expected_line += rows % 1000 == 0 ? 2 : 1;

      if (rows == STREAM_ROWS)
        {
          last_id = g_strdup (fields[0]);
          last_note = g_strdup (fields[2]);
          last_line = crm_csv_reader_get_line (reader);
        }
    }
  g_assert_no_error (error);

  g_assert_cmpuint (rows, ==, STREAM_ROWS);
  g_assert_cmpstr (last_id, ==, "200000");
  g_assert_cmpstr (last_note, ==, "two\r\nlines");
  g_assert_cmpuint (last_line, ==, 1 + STREAM_ROWS + STREAM_ROWS / 1000 - 1);
  g_assert_cmpuint (crm_csv_reader_get_bytes_read (reader), ==, data->len);

  g_string_free (data, TRUE);
  g_clear_pointer (&reader, crm_csv_reader_free);
  remove_dir (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/spectrum", test_spectrum);
  g_test_add_func ("/csv/reader/line-endings", test_line_endings);
  g_test_add_func ("/csv/reader/fields", test_fields);
  g_test_add_func ("/csv/reader/bom", test_bom);
  g_test_add_func ("/csv/reader/empty", test_empty);
  g_test_add_func ("/csv/reader/line-numbers", test_line_numbers);
  g_test_add_func ("/csv/reader/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/csv/reader/malformed", test_malformed);
  g_test_add_func ("/csv/reader/record-too-large", test_record_too_large);
  g_test_add_func ("/csv/reader/chunk-boundaries", test_chunk_boundaries);
  g_test_add_func ("/csv/reader/open-missing", test_open_missing);
  g_test_add_func ("/csv/reader/streaming", test_streaming);
  g_test_add_func ("/csv/writer/format", test_writer_format);
  g_test_add_func ("/csv/writer/invalid-utf8", test_writer_invalid_utf8);
  g_test_add_func ("/csv/writer/round-trip", test_round_trip);
  g_test_add_func ("/csv/writer/abandon", test_writer_abandon);

  return g_test_run ();
}
