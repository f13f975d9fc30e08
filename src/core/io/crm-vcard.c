/* crm-vcard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* vCard 2.1/3.0/4.0 reader and vCard 4.0 (RFC 6350) writer.
 *
 * Why a parser of our own and not libebook-contacts (EVCard, EDS 3.46 on
 * Debian 12): it installs and links without GTK, and LeakSanitizer found no
 * leaks in it, but checked against the ez-vcard test files it
 *  - cannot write vCard 4.0 (EVCardFormat has only 2.1 and 3.0);
 *  - parses one card per string and never fails: no way to get every
 *    contact of a multi-contact file, to report BEGIN/END nesting errors
 *    with a line number, or to tell a file with no vCard at all, so we would
 *    need our own unfolding and quoted-printable-aware splitter anyway;
 *  - mangles CHARSET on 8-bit values that are not quoted-printable
 *    ("N;CHARSET=ISO-8859-1:M\xfcller" comes out as double-encoded U+FFFD);
 *  - logs about 600 g_warning()s for the iPhone and Mac Address Book files
 *    (lines ending in CR CR LF, "\:" escapes), which abort GTest programs
 *    and spam the user's terminal;
 *  - pulls some 60 shared libraries (libphonenumber, protobuf, ICU, NSS,
 *    Kerberos, libsoup 3, libsecret) into libcrm-core.
 * What we need is small: unfold, undo quoted-printable, convert charsets,
 * unescape, and pick a dozen properties.
 */

#define G_LOG_DOMAIN "crm-vcard"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-vcard.h"

G_DEFINE_QUARK (crm-vcard-error-quark, crm_vcard_error)

/*
 * Structs
 */

CrmVcardValue *
crm_vcard_value_new (const char *kind,
                     const char *value)
{
  CrmVcardValue *self = g_new0 (CrmVcardValue, 1);

  self->kind = g_strdup (kind);
  self->value = g_strdup (value);

  return self;
}

void
crm_vcard_value_free (CrmVcardValue *value)
{
  if (value == NULL)
    return;

  g_free (value->kind);
  g_free (value->value);
  g_free (value);
}

CrmVcardAddress *
crm_vcard_address_new (void)
{
  return g_new0 (CrmVcardAddress, 1);
}

void
crm_vcard_address_free (CrmVcardAddress *address)
{
  if (address == NULL)
    return;

  g_free (address->kind);
  g_free (address->street);
  g_free (address->locality);
  g_free (address->region);
  g_free (address->postal_code);
  g_free (address->country);
  g_free (address);
}

CrmVcardContact *
crm_vcard_contact_new (void)
{
  CrmVcardContact *self = g_new0 (CrmVcardContact, 1);

  self->emails = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_vcard_value_free);
  self->phones = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_vcard_value_free);
  self->addresses = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_vcard_address_free);

  return self;
}

void
crm_vcard_contact_free (CrmVcardContact *contact)
{
  if (contact == NULL)
    return;

  g_free (contact->formatted_name);
  g_free (contact->prefix);
  g_free (contact->given_name);
  g_free (contact->middle_name);
  g_free (contact->family_name);
  g_free (contact->suffix);
  g_free (contact->organization);
  g_free (contact->department);
  g_free (contact->title);
  g_free (contact->note);
  g_free (contact->birthday);
  g_free (contact->url);
  g_clear_pointer (&contact->emails, g_ptr_array_unref);
  g_clear_pointer (&contact->phones, g_ptr_array_unref);
  g_clear_pointer (&contact->addresses, g_ptr_array_unref);
  g_free (contact);
}

/*
 * Small helpers
 */

/* Takes @s; returns it trimmed, or NULL when nothing is left. */
static char *
take_clean (char *s)
{
  if (s == NULL)
    return NULL;

  g_strstrip (s);
  if (*s == '\0')
    {
      g_free (s);
      return NULL;
    }

  return s;
}

static char *
compose_name (const CrmVcardContact *contact)
{
  const char *parts[] = {
    contact->prefix, contact->given_name, contact->middle_name,
    contact->family_name, contact->suffix,
  };
  GString *name = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, parts[i]);
    }

  return take_clean (g_string_free (name, FALSE));
}

/* Error messages quote the offending line; keep that short and printable. */
static char *
excerpt (const char *line)
{
  g_autofree char *valid = g_utf8_make_valid (line, -1);

  if (g_utf8_strlen (valid, -1) <= 40)
    return g_steal_pointer (&valid);

  return g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (valid, 40) - valid), valid);
}

/* Accepts yyyy-mm-dd and yyyymmdd, optionally followed by a time. Dates
 * without a year (vCard 4 "--0203") cannot be stored as ISO dates. */
static char *
parse_date (const char *text)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  guint year, month, day;
  gsize n = strlen (s);

#define D(i) (g_ascii_digit_value (s[i]))
  if (n >= 10 && s[4] == '-' && s[7] == '-'
      && g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[1]) && g_ascii_isdigit (s[2])
      && g_ascii_isdigit (s[3]) && g_ascii_isdigit (s[5]) && g_ascii_isdigit (s[6])
      && g_ascii_isdigit (s[8]) && g_ascii_isdigit (s[9])
      && (s[10] == '\0' || s[10] == 'T' || s[10] == ' '))
    {
      year = D (0) * 1000 + D (1) * 100 + D (2) * 10 + D (3);
      month = D (5) * 10 + D (6);
      day = D (8) * 10 + D (9);
    }
  else if (n >= 8 && (s[8] == '\0' || s[8] == 'T')
           && strspn (s, "0123456789") == 8)
    {
      year = D (0) * 1000 + D (1) * 100 + D (2) * 10 + D (3);
      month = D (4) * 10 + D (5);
      day = D (6) * 10 + D (7);
    }
  else
    return NULL;
#undef D

  if (year == 0 || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/*
 * Kinds
 */

/* Most specific first: "TYPE=work,cell" is a mobile phone. */
static const char * const kind_order[] = { "fax", "pager", "cell", "main", "work", "home", "other" };

static const struct
{
  const char *token;
  const char *kind;
} kind_tokens[] = {
  { "fax", "fax" }, { "homefax", "fax" }, { "workfax", "fax" }, { "facsimile", "fax" },
  { "pager", "pager" },
  { "cell", "cell" }, { "mobile", "cell" }, { "iphone", "cell" }, { "cellular", "cell" },
  { "main", "main" },
  { "work", "work" }, { "business", "work" },
  { "home", "home" },
  { "other", "other" },
};

/* These say how a value is reached or used, not whose it is. */
static const char * const neutral_tokens[] = {
  "pref", "voice", "internet", "x400", "postal", "parcel", "dom", "intl",
  "msg", "text", "video", "textphone", "bbs", "modem", "isdn", "pcs", NULL
};

/* Returns the index in kind_order, or -1 for a token that tells no kind. */
static int
kind_rank (const char *token)
{
  const char *kind = "other";

  if (g_str_has_prefix (token, "x-"))
    token += 2;
  if (*token == '\0' || g_strv_contains (neutral_tokens, token))
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (kind_tokens); i++)
    if (strcmp (token, kind_tokens[i].token) == 0)
      {
        kind = kind_tokens[i].kind;
        break;
      }

  for (guint i = 0; i < G_N_ELEMENTS (kind_order); i++)
    if (strcmp (kind, kind_order[i]) == 0)
      return i;

  return G_N_ELEMENTS (kind_order) - 1;
}

static const char *
kind_from_types (GPtrArray *types)
{
  int best = G_N_ELEMENTS (kind_order);

  for (guint i = 0; i < types->len; i++)
    {
      int rank = kind_rank (g_ptr_array_index (types, i));

      if (rank >= 0 && rank < best)
        best = rank;
    }

  return best < (int) G_N_ELEMENTS (kind_order) ? kind_order[best] : NULL;
}

/* Apple writes its labels as "_$!<Mobile>!$_", custom ones as plain text. */
static const char *
kind_from_label (const char *label)
{
  g_autofree char *token = NULL;
  const char *start = label;
  gsize len = strlen (label);
  int rank;

  if (g_str_has_prefix (label, "_$!<") && g_str_has_suffix (label, ">!$_") && len >= 8)
    {
      start += 4;
      len -= 8;
    }

  token = g_ascii_strdown (start, len);
  rank = kind_rank (token);

  return rank >= 0 ? kind_order[rank] : NULL;
}

/*
 * Lines
 */

typedef struct
{
  const char *pos;
  const char *end;
  guint       line;   /* number of the last physical line read, 1-based */
} Reader;

static gboolean
reader_next (Reader      *reader,
             const char **start,
             gsize       *len)
{
  const char *p = reader->pos;

  if (p >= reader->end)
    return FALSE;

  *start = p;
  while (p < reader->end && *p != '\n' && *p != '\r')
    p++;
  *len = p - *start;

  /* iPhone exports end lines with CR CR LF: a run of CRs with an optional
   * LF is one line end. */
  while (p < reader->end && *p == '\r')
    p++;
  if (p < reader->end && *p == '\n')
    p++;

  reader->pos = p;
  reader->line++;

  return TRUE;
}

/* The ':' between parameters and value; quoted parameter values may hold ':'. */
static gssize
find_value_colon (const char *line,
                  gsize       len)
{
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (line[i] == '"')
        quoted = !quoted;
      else if (line[i] == ':' && !quoted)
        return i;
    }

  return -1;
}

static gboolean
ends_in_soft_line_break (const GString *buf)
{
  static const char needle[] = "QUOTED-PRINTABLE";
  const gsize needle_len = sizeof needle - 1;
  gssize colon;

  if (buf->len == 0 || buf->str[buf->len - 1] != '=')
    return FALSE;

  colon = find_value_colon (buf->str, buf->len);
  if (colon < 0 || (gsize) colon >= buf->len - 1)
    return FALSE;

  for (gsize i = 0; i + needle_len <= (gsize) colon; i++)
    if (g_ascii_strncasecmp (buf->str + i, needle, needle_len) == 0)
      return TRUE;

  return FALSE;
}

/* Reads one property line into @buf, joining folded lines and
 * quoted-printable soft line breaks. */
static gboolean
read_logical_line (Reader  *reader,
                   GString *buf,
                   guint   *line_no)
{
  const char *start;
  gsize len;

  if (!reader_next (reader, &start, &len))
    return FALSE;

  *line_no = reader->line;
  g_string_truncate (buf, 0);
  g_string_append_len (buf, start, len);

  for (;;)
    {
      Reader peek = *reader;

      if (!reader_next (&peek, &start, &len))
        break;

      /* A soft line break continues the value with the next line as it is,
       * leading spaces included. Android ends some values with "=" and an
       * empty line; an empty line or END:VCARD ends a value cut short. */
      if (ends_in_soft_line_break (buf))
        {
          if (len == 0 || (len >= 9 && g_ascii_strncasecmp (start, "END:VCARD", 9) == 0))
            break;

          g_string_truncate (buf, buf->len - 1);
          g_string_append_len (buf, start, len);
          *reader = peek;
          continue;
        }

      if (len > 0 && (start[0] == ' ' || start[0] == '\t'))
        {
          g_string_append_len (buf, start + 1, len - 1);
          *reader = peek;
          continue;
        }

      break;
    }

  return TRUE;
}

/*
 * Properties
 */

typedef struct
{
  char       *group;       /* lower case, NULL without a group */
  char       *name;        /* upper case */
  GPtrArray  *types;       /* lower case TYPE values and bare vCard 2.1 parameters */
  char       *encoding;    /* lower case */
  char       *charset;
  char       *value_type;  /* lower case VALUE parameter */
  const char *value;       /* points into the line */
} Property;

static void
property_clear (Property *prop)
{
  g_clear_pointer (&prop->group, g_free);
  g_clear_pointer (&prop->name, g_free);
  g_clear_pointer (&prop->types, g_ptr_array_unref);
  g_clear_pointer (&prop->encoding, g_free);
  g_clear_pointer (&prop->charset, g_free);
  g_clear_pointer (&prop->value_type, g_free);
  prop->value = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Property, property_clear)

static const char * const encodings[] = { "quoted-printable", "base64", "b", "8bit", "7bit", NULL };

static char *
dup_stripped (const char *start,
              const char *end)
{
  return g_strstrip (g_strndup (start, end - start));
}

static void
property_take_param (Property   *prop,
                     const char *name,
                     char       *value)
{
  char **slot = NULL;

  /* vCard 4 quotes lists: TYPE="work,voice". */
  if (g_ascii_strcasecmp (name, "TYPE") == 0)
    {
      g_auto(GStrv) types = g_strsplit (value, ",", -1);

      for (guint i = 0; types[i] != NULL; i++)
        {
          g_strstrip (types[i]);
          if (*types[i] != '\0')
            g_ptr_array_add (prop->types, g_ascii_strdown (types[i], -1));
        }
      g_free (value);
      return;
    }

  if (g_ascii_strcasecmp (name, "ENCODING") == 0)
    slot = &prop->encoding;
  else if (g_ascii_strcasecmp (name, "VALUE") == 0)
    slot = &prop->value_type;
  else if (g_ascii_strcasecmp (name, "CHARSET") == 0)
    {
      g_free (prop->charset);
      prop->charset = value;
      return;
    }

  if (slot == NULL)
    {
      g_free (value);
      return;
    }

  g_free (*slot);
  *slot = g_ascii_strdown (value, -1);
  g_free (value);
}

/* vCard 2.1 writes "TEL;WORK;VOICE:" and "PHOTO;BASE64:" without names. */
static void
property_add_bare_param (Property   *prop,
                         const char *token)
{
  char *lower = g_ascii_strdown (token, -1);

  if (*lower == '\0')
    g_free (lower);
  else if (g_strv_contains (encodings, lower))
    {
      g_free (prop->encoding);
      prop->encoding = lower;
    }
  else
    g_ptr_array_add (prop->types, lower);
}

static gboolean
parse_property (const char *line,
                Property   *prop)
{
  g_autofree char *full_name = NULL;
  const char *p = line;
  const char *start;
  const char *dot;

  prop->types = g_ptr_array_new_with_free_func (g_free);

  while (*p != '\0' && *p != ';' && *p != ':')
    p++;
  full_name = dup_stripped (line, p);

  /* Apple groups related properties: item1.TEL + item1.X-ABLabel. */
  dot = strrchr (full_name, '.');
  if (dot != NULL)
    {
      prop->group = g_ascii_strdown (full_name, dot - full_name);
      prop->name = g_ascii_strup (dot + 1, -1);
    }
  else
    prop->name = g_ascii_strup (full_name, -1);

  while (*p == ';')
    {
      g_autofree char *param = NULL;

      start = ++p;
      while (*p != '\0' && *p != '=' && *p != ';' && *p != ':')
        p++;
      param = dup_stripped (start, p);

      if (*p != '=')
        {
          property_add_bare_param (prop, param);
          continue;
        }

      do
        {
          p++;
          if (*p == '"')
            {
              start = ++p;
              while (*p != '\0' && *p != '"')
                p++;
              property_take_param (prop, param, g_strndup (start, p - start));
              if (*p == '"')
                p++;
            }
          else
            {
              start = p;
              while (*p != '\0' && *p != ',' && *p != ';' && *p != ':')
                p++;
              property_take_param (prop, param, dup_stripped (start, p));
            }
        }
      while (*p == ',');
    }

  if (*p != ':' || *prop->name == '\0')
    return FALSE;

  prop->value = p + 1;

  return TRUE;
}

static gboolean
property_is (const Property *prop,
             const char     *name,
             const char     *value)
{
  g_autofree char *stripped = NULL;

  if (strcmp (prop->name, name) != 0)
    return FALSE;
  if (value == NULL)
    return TRUE;

  stripped = g_strstrip (g_strdup (prop->value));

  return g_ascii_strcasecmp (stripped, value) == 0;
}

/*
 * Values
 */

static char *
decode_quoted_printable (const char *in,
                         gsize      *out_len)
{
  GString *out = g_string_sized_new (strlen (in));

  for (const char *p = in; *p != '\0'; p++)
    {
      if (*p == '=' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        {
          g_string_append_c (out, (char) (g_ascii_xdigit_value (p[1]) * 16
                                          + g_ascii_xdigit_value (p[2])));
          p += 2;
          continue;
        }

      /* A soft line break that an empty line cut short. */
      if (*p == '=' && p[1] == '\0')
        break;

      g_string_append_c (out, *p);
    }

  *out_len = out->len;

  return g_string_free (out, FALSE);
}

static gboolean
is_utf8_name (const char *charset)
{
  return g_ascii_strcasecmp (charset, "UTF-8") == 0 || g_ascii_strcasecmp (charset, "UTF8") == 0;
}

static gboolean
is_ascii_name (const char *charset)
{
  return g_ascii_strcasecmp (charset, "US-ASCII") == 0 || g_ascii_strcasecmp (charset, "ASCII") == 0;
}

/* Windows programs (Outlook) write their ANSI code page and do not say so. */
static char *
convert_windows_text (const char *bytes,
                      gsize       len)
{
  char *text = g_convert (bytes, len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);

  if (text == NULL)
    text = g_convert (bytes, len, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);

  return text;
}

static char *
to_utf8 (const char      *bytes,
         gsize            len,
         const Property  *prop,
         guint            line,
         GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *charset = prop->charset;
  char *text;

  if (charset == NULL || is_utf8_name (charset))
    {
      if (g_utf8_validate_len (bytes, len, NULL))
        return g_strndup (bytes, len);

      /* Android writes a stray "=80" after valid UTF-8: keep what is readable. */
      if (charset != NULL)
        return g_utf8_make_valid (bytes, len);

      return convert_windows_text (bytes, len);
    }

  text = g_convert (bytes, len, "UTF-8", charset, NULL, NULL, &local_error);
  if (text != NULL)
    return text;

  if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    {
      g_set_error (error, CRM_VCARD_ERROR, CRM_VCARD_ERROR_ENCODING,
                   _("Line %u: unknown character set “%s”"), line, charset);
      return NULL;
    }

  if (is_ascii_name (charset))
    return convert_windows_text (bytes, len);

  g_set_error (error, CRM_VCARD_ERROR, CRM_VCARD_ERROR_ENCODING,
               _("Line %u: the %s value is not valid %s text"), line, prop->name, charset);
  return NULL;
}

/* The value as UTF-8 text, transfer encoding and charset undone, still escaped. */
static char *
decode_value (const Property  *prop,
              guint            line,
              GError         **error)
{
  g_autofree char *bytes = NULL;
  gsize len;

  if (g_strcmp0 (prop->encoding, "quoted-printable") == 0)
    bytes = decode_quoted_printable (prop->value, &len);
  else if (g_strcmp0 (prop->encoding, "base64") == 0 || g_strcmp0 (prop->encoding, "b") == 0)
    bytes = (char *) g_base64_decode (prop->value, &len);
  else
    {
      bytes = g_strdup (prop->value);
      len = strlen (bytes);
    }

  return to_utf8 (bytes, len, prop, line, error);
}

/* Splits a structured value (N, ADR, ORG) on unescaped ';' and undoes the
 * backslash escapes. vCard 2.1 only knows "\;". Unescaped commas stay: a
 * CRM stores "Richter,James" as one middle name, not a list. */
static GPtrArray *
split_value (const char *text,
             gboolean    structured,
             int         version)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  GString *cur = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          char c = p[1];

          /* RFC 6350 escapes \\ \, \; \n only, but Gmail and Apple also
           * write \" and \: -- take any escaped punctuation as itself. A
           * backslash before a letter is more likely a Windows path. */
          if (c == ';' || (version > 21 && g_ascii_ispunct (c)))
            {
              g_string_append_c (cur, c);
              p++;
              continue;
            }
          if (version > 21 && (c == 'n' || c == 'N'))
            {
              g_string_append_c (cur, '\n');
              p++;
              continue;
            }

          g_string_append_c (cur, '\\');
          continue;
        }

      if (*p == ';' && structured)
        {
          g_ptr_array_add (parts, g_string_free (cur, FALSE));
          cur = g_string_new (NULL);
          continue;
        }

      /* Quoted-printable values carry Windows line ends (=0D=0A). */
      if (*p == '\r')
        {
          g_string_append_c (cur, '\n');
          if (p[1] == '\n')
            p++;
          continue;
        }

      g_string_append_c (cur, *p);
    }

  g_ptr_array_add (parts, g_string_free (cur, FALSE));

  return parts;
}

static char *
text_value (const char *text,
            int         version)
{
  g_autoptr(GPtrArray) parts = split_value (text, FALSE, version);

  return take_clean (g_strdup (g_ptr_array_index (parts, 0)));
}

static char *
component (GPtrArray *parts,
           guint      index)
{
  if (index >= parts->len)
    return NULL;

  return take_clean (g_strdup (g_ptr_array_index (parts, index)));
}

/* Joins the non-empty components first..last with @separator. */
static char *
join_components (GPtrArray  *parts,
                 guint       first,
                 guint       last,
                 const char *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = first; i <= last && i < parts->len; i++)
    {
      g_autofree char *part = component (parts, i);

      if (part == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, part);
    }

  return take_clean (g_string_free (out, FALSE));
}

/* "tel:+1-418-656-9254;ext=102" -> "+1-418-656-9254 ext. 102" */
static char *
phone_from_uri (char *value)
{
  g_auto(GStrv) params = NULL;
  GString *out;

  if (g_ascii_strncasecmp (value, "tel:", 4) != 0)
    return value;

  params = g_strsplit (value + 4, ";", -1);
  g_free (value);
  if (params[0] == NULL)
    return NULL;

  out = g_string_new (params[0]);
  for (guint i = 1; params[i] != NULL; i++)
    if (g_ascii_strncasecmp (params[i], "ext=", 4) == 0)
      g_string_append_printf (out, " ext. %s", params[i] + 4);

  return take_clean (g_string_free (out, FALSE));
}

/*
 * Cards
 */

typedef struct
{
  char **kind;    /* points into a CrmVcardValue or CrmVcardAddress */
  char  *group;
} PendingKind;

typedef struct
{
  CrmVcardContact *contact;
  guint            begin_line;
  int              version;       /* 21, 30 or 40 */
  GHashTable      *labels;        /* group -> kind from its X-ABLabel */
  GArray          *pending;       /* PendingKind: grouped values without a TYPE */
  guint            agent_depth;   /* > 0 while skipping a vCard 2.1 AGENT card */
  gboolean         expect_agent;  /* the last property was AGENT without a value */
  gboolean         in_base64;     /* vCard 2.1 base64 data lines may follow */
} Card;

static void
pending_kind_clear (gpointer data)
{
  PendingKind *pending = data;

  g_free (pending->group);
}

static Card *
card_new (guint begin_line)
{
  Card *card = g_new0 (Card, 1);

  card->contact = crm_vcard_contact_new ();
  card->begin_line = begin_line;
  card->version = 30;
  card->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  card->pending = g_array_new (FALSE, FALSE, sizeof (PendingKind));
  g_array_set_clear_func (card->pending, pending_kind_clear);

  return card;
}

static void
card_free (Card *card)
{
  crm_vcard_contact_free (card->contact);
  g_hash_table_unref (card->labels);
  g_array_unref (card->pending);
  g_free (card);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Card, card_free)

static void
card_remember_group (Card       *card,
                     char      **kind,
                     const char *group)
{
  PendingKind pending;

  if (*kind != NULL || group == NULL)
    return;

  pending.kind = kind;
  pending.group = g_strdup (group);
  g_array_append_val (card->pending, pending);
}

static void
card_add_value (Card           *card,
                GPtrArray      *array,
                const Property *prop,
                char           *value)
{
  CrmVcardValue *item;

  if (value == NULL)
    return;

  item = g_new0 (CrmVcardValue, 1);
  item->kind = g_strdup (kind_from_types (prop->types));
  item->value = value;
  g_ptr_array_add (array, item);
  card_remember_group (card, &item->kind, prop->group);
}

static void
card_add_address (Card           *card,
                  const Property *prop,
                  GPtrArray      *parts)
{
  CrmVcardAddress *address = crm_vcard_address_new ();

  /* Post-office box, extended address and street all go on the street
   * lines: exporters disagree on which of them holds what. */
  address->street = join_components (parts, 0, 2, "\n");
  address->locality = component (parts, 3);
  address->region = component (parts, 4);
  address->postal_code = component (parts, 5);
  address->country = component (parts, 6);

  if (address->street == NULL && address->locality == NULL && address->region == NULL
      && address->postal_code == NULL && address->country == NULL)
    {
      crm_vcard_address_free (address);
      return;
    }

  address->kind = g_strdup (kind_from_types (prop->types));
  g_ptr_array_add (card->contact->addresses, address);
  card_remember_group (card, &address->kind, prop->group);
}

static void
card_add_note (Card *card,
               char *note)
{
  CrmVcardContact *contact = card->contact;
  char *joined;

  if (note == NULL)
    return;

  /* Android repeats the same NOTE. */
  if (contact->note != NULL && strstr (contact->note, note) != NULL)
    {
      g_free (note);
      return;
    }

  if (contact->note == NULL)
    {
      contact->note = note;
      return;
    }

  joined = g_strconcat (contact->note, "\n", note, NULL);
  g_free (contact->note);
  g_free (note);
  contact->note = joined;
}

static gboolean
card_apply (Card            *card,
            const Property  *prop,
            guint            line,
            GError         **error)
{
  static const char * const wanted[] = {
    "FN", "N", "ORG", "TITLE", "NOTE", "BDAY", "URL", "EMAIL", "TEL", "ADR", "X-ABLABEL", NULL
  };
  CrmVcardContact *contact = card->contact;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  const char *name = prop->name;

  if (strcmp (name, "VERSION") == 0)
    {
      g_autofree char *version = g_strstrip (g_strdup (prop->value));

      card->version = g_str_has_prefix (version, "2.") ? 21 : g_str_has_prefix (version, "4.") ? 40 : 30;
      return TRUE;
    }

  if (!g_strv_contains (wanted, name))
    return TRUE;

  text = decode_value (prop, line, error);
  if (text == NULL)
    return FALSE;

  /* The first of a property that a contact has once wins; vCard 4 files
   * repeat FN, ORG and BDAY as alternatives. */
  if (strcmp (name, "FN") == 0)
    {
      if (contact->formatted_name == NULL)
        contact->formatted_name = text_value (text, card->version);
    }
  else if (strcmp (name, "N") == 0)
    {
      if (contact->family_name == NULL && contact->given_name == NULL && contact->middle_name == NULL
          && contact->prefix == NULL && contact->suffix == NULL)
        {
          parts = split_value (text, TRUE, card->version);
          contact->family_name = component (parts, 0);
          contact->given_name = component (parts, 1);
          contact->middle_name = component (parts, 2);
          contact->prefix = component (parts, 3);
          contact->suffix = component (parts, 4);
        }
    }
  else if (strcmp (name, "ORG") == 0)
    {
      if (contact->organization == NULL && contact->department == NULL)
        {
          parts = split_value (text, TRUE, card->version);
          contact->organization = component (parts, 0);
          contact->department = join_components (parts, 1, G_MAXUINT - 1, ", ");
        }
    }
  else if (strcmp (name, "TITLE") == 0)
    {
      if (contact->title == NULL)
        contact->title = text_value (text, card->version);
    }
  else if (strcmp (name, "NOTE") == 0)
    card_add_note (card, text_value (text, card->version));
  else if (strcmp (name, "BDAY") == 0)
    {
      if (contact->birthday == NULL)
        contact->birthday = parse_date (text);
    }
  else if (strcmp (name, "URL") == 0)
    {
      if (contact->url == NULL)
        contact->url = text_value (text, card->version);
    }
  else if (strcmp (name, "EMAIL") == 0)
    {
      char *value = text_value (text, card->version);

      if (value != NULL && g_ascii_strncasecmp (value, "mailto:", 7) == 0)
        {
          char *address = take_clean (g_strdup (value + 7));

          g_free (value);
          value = address;
        }
      card_add_value (card, contact->emails, prop, value);
    }
  else if (strcmp (name, "TEL") == 0)
    {
      char *value = text_value (text, card->version);

      if (value != NULL)
        value = phone_from_uri (value);
      card_add_value (card, contact->phones, prop, value);
    }
  else if (strcmp (name, "ADR") == 0)
    {
      parts = split_value (text, TRUE, card->version);
      card_add_address (card, prop, parts);
    }
  else if (strcmp (name, "X-ABLABEL") == 0)
    {
      g_autofree char *label = text_value (text, card->version);
      const char *kind = label != NULL ? kind_from_label (label) : NULL;

      if (prop->group != NULL && kind != NULL)
        g_hash_table_replace (card->labels, g_strdup (prop->group), (gpointer) kind);
    }

  return TRUE;
}

static CrmVcardContact *
card_finish (Card *card)
{
  CrmVcardContact *contact;

  /* Labels may come before or after the property they name. */
  for (guint i = 0; i < card->pending->len; i++)
    {
      PendingKind *pending = &g_array_index (card->pending, PendingKind, i);
      const char *kind = g_hash_table_lookup (card->labels, pending->group);

      if (kind != NULL)
        *pending->kind = g_strdup (kind);
    }

  contact = g_steal_pointer (&card->contact);
  if (contact->formatted_name == NULL)
    contact->formatted_name = compose_name (contact);

  return contact;
}

/*
 * Parsing
 */

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* Returns @data as UTF-8 bytes without a byte-order mark, or NULL. */
static const char *
prepare_data (const char  *data,
              gsize       *length,
              char       **converted,
              GError     **error)
{
  const guchar *bytes = (const guchar *) data;

  /* Outlook can export UTF-16. */
  if (*length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
    {
      gsize written = 0;

      *converted = g_convert (data, *length, "UTF-8", "UTF-16", NULL, &written, NULL);
      if (*converted == NULL)
        {
          g_set_error (error, CRM_VCARD_ERROR, CRM_VCARD_ERROR_ENCODING,
                       _("The file starts like UTF-16 text but is not valid UTF-16"));
          return NULL;
        }
      data = *converted;
      *length = written;
    }

  if (*length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      *length -= 3;
    }

  if (memchr (data, '\0', *length) != NULL)
    {
      g_set_error (error, CRM_VCARD_ERROR, CRM_VCARD_ERROR_ENCODING,
                   _("The file contains NUL bytes: it is not a vCard text file, "
                     "or it is UTF-16 without a byte-order mark"));
      return NULL;
    }

  return data;
}

GPtrArray *
crm_vcard_parse (const char  *data,
                 gssize       length,
                 GError     **error)
{
  g_autofree char *converted = NULL;
  g_autofree char *stray = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GString) buf = NULL;
  g_autoptr(Card) card = NULL;
  gboolean seen_vcard = FALSE;
  guint stray_line = 0;
  guint line_no = 0;
  gsize len;
  Reader reader;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = length < 0 ? strlen (data) : (gsize) length;
  data = prepare_data (data != NULL ? data : "", &len, &converted, error);
  if (data == NULL)
    return NULL;

  reader.pos = data;
  reader.end = data + len;
  reader.line = 0;
  buf = g_string_new (NULL);
  contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_vcard_contact_free);

  while (read_logical_line (&reader, buf, &line_no))
    {
      g_auto(Property) prop = { 0 };
      gboolean ok;

      if (is_blank (buf->str))
        {
          /* A blank line ends vCard 2.1 base64 data. */
          if (card != NULL)
            card->in_base64 = FALSE;
          continue;
        }

      ok = parse_property (buf->str, &prop);

      if (card == NULL)
        {
          if (ok && property_is (&prop, "BEGIN", "VCARD"))
            {
              card = card_new (line_no);
              seen_vcard = TRUE;
            }
          else if (ok && property_is (&prop, "END", "VCARD"))
            {
              /* Translators: BEGIN:VCARD and END:VCARD are lines of the file;
               * keep them untranslated here and in the messages below. */
              g_set_error (error, CRM_VCARD_ERROR, CRM_VCARD_ERROR_SYNTAX,
                           _("Line %u: END:VCARD without a BEGIN:VCARD before it"), line_no);
              return NULL;
            }
          else if (stray_line == 0)
            {
              stray_line = line_no;
              stray = excerpt (buf->str);
            }
          continue;
        }

      if (card->agent_depth > 0)
        {
          if (ok && property_is (&prop, "BEGIN", "VCARD"))
            card->agent_depth++;
          else if (ok && property_is (&prop, "END", "VCARD"))
            card->agent_depth--;
          continue;
        }

      if (!ok)
        {
          g_autofree char *text = NULL;

          if (card->in_base64)
            continue;

          text = excerpt (buf->str);
          g_set_error (error, CRM_VCARD_ERROR, CRM_VCARD_ERROR_SYNTAX,
                       _("Line %u: “%s” is not a vCard property (NAME:value)"), line_no, text);
          return NULL;
        }

      if (property_is (&prop, "BEGIN", NULL))
        {
          g_autofree char *what = g_strstrip (g_strdup (prop.value));

          /* vCard 2.1 can nest the card of an agent (assistant); skip it. */
          if (card->expect_agent && g_ascii_strcasecmp (what, "VCARD") == 0)
            {
              card->agent_depth = 1;
              card->expect_agent = FALSE;
              continue;
            }

          g_set_error (error, CRM_VCARD_ERROR, CRM_VCARD_ERROR_SYNTAX,
                       _("Line %u: BEGIN:%s inside the vCard that begins on line %u "
                         "(is an END:VCARD missing?)"),
                       line_no, what, card->begin_line);
          return NULL;
        }

      if (property_is (&prop, "END", NULL))
        {
          g_autofree char *what = g_strstrip (g_strdup (prop.value));

          if (g_ascii_strcasecmp (what, "VCARD") != 0)
            {
              g_set_error (error, CRM_VCARD_ERROR, CRM_VCARD_ERROR_SYNTAX,
                           _("Line %u: END:%s does not match the BEGIN:VCARD on line %u"),
                           line_no, what, card->begin_line);
              return NULL;
            }

          g_ptr_array_add (contacts, card_finish (card));
          g_clear_pointer (&card, card_free);
          continue;
        }

      card->expect_agent = strcmp (prop.name, "AGENT") == 0 && is_blank (prop.value);
      card->in_base64 = g_strcmp0 (prop.encoding, "base64") == 0 || g_strcmp0 (prop.encoding, "b") == 0;

      if (!card_apply (card, &prop, line_no, error))
        return NULL;
    }

  if (card != NULL)
    {
      g_set_error (error, CRM_VCARD_ERROR, CRM_VCARD_ERROR_SYNTAX,
                   _("Line %u: the vCard that begins here has no END:VCARD"), card->begin_line);
      return NULL;
    }

  if (!seen_vcard)
    {
      g_set_error_literal (error, CRM_VCARD_ERROR, CRM_VCARD_ERROR_NO_VCARD,
                           _("No vCard found (no BEGIN:VCARD line)"));
      return NULL;
    }

  if (stray_line != 0)
    {
      g_set_error (error, CRM_VCARD_ERROR, CRM_VCARD_ERROR_SYNTAX,
                   _("Line %u: “%s” is outside any vCard (BEGIN:VCARD … END:VCARD)"),
                   stray_line, stray);
      return NULL;
    }

  return g_steal_pointer (&contacts);
}

GPtrArray *
crm_vcard_parse_file (const char  *path,
                      GError     **error)
{
  g_autofree char *data = NULL;
  GPtrArray *contacts;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;

  contacts = crm_vcard_parse (data, len, error);
  if (contacts == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_prefix_error (error, "%s: ", name);
    }

  return contacts;
}

/*
 * Writing
 */

/* RFC 6350 3.2: lines of at most 75 octets, continued after CRLF + space;
 * a multi-octet UTF-8 character is never split. */
static void
append_folded (GString    *out,
               const char *line)
{
  gsize len = strlen (line);
  gsize pos = 0;
  gsize limit = 75;

  while (len - pos > limit)
    {
      gsize cut = pos + limit;

      while (cut > pos && ((guchar) line[cut] & 0xC0) == 0x80)
        cut--;
      if (cut == pos)
        cut = pos + limit;

      g_string_append_len (out, line + pos, cut - pos);
      g_string_append (out, "\r\n ");
      pos = cut;
      limit = 74;
    }

  g_string_append (out, line + pos);
  g_string_append (out, "\r\n");
}

/* RFC 6350 3.4. A URI needs no escaped ',' or ';' outside structured values. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    uri)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  for (const char *p = valid; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;

        case '\r':
          if (p[1] == '\n')
            p++;
          G_GNUC_FALLTHROUGH;
        case '\n':
          g_string_append (out, "\\n");
          break;

        case ',':
        case ';':
          if (!uri)
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;

        default:
          /* vCard text allows no other control characters. */
          if ((guchar) *p >= 0x20 || *p == '\t')
            g_string_append_c (out, *p);
          break;
        }
    }
}

/* TYPE values that RFC 6350 does not register must be x-names. */
static char *
type_param (const char *kind,
            gboolean    is_phone)
{
  static const char * const registered[] = { "work", "home", NULL };
  static const char * const registered_phone[] = { "cell", "fax", "pager", "voice", "text", "video", "textphone", NULL };
  g_autofree char *lower = NULL;
  GString *token;

  if (kind == NULL || *kind == '\0')
    return NULL;

  lower = g_ascii_strdown (kind, -1);
  if (g_strv_contains (registered, lower) || (is_phone && g_strv_contains (registered_phone, lower)))
    return g_steal_pointer (&lower);

  token = g_string_new (g_str_has_prefix (lower, "x-") ? NULL : "x-");
  for (const char *p = lower; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '-')
      g_string_append_c (token, *p);

  if (token->len <= 2)
    {
      g_string_free (token, TRUE);
      return NULL;
    }

  return g_string_free (token, FALSE);
}

static void
write_property (GString    *out,
                const char *name,
                const char *type,
                const char *value,
                gboolean    uri)
{
  g_autoptr(GString) line = NULL;

  if (value == NULL || *value == '\0')
    return;

  line = g_string_new (name);
  if (type != NULL)
    g_string_append_printf (line, ";TYPE=%s", type);
  g_string_append_c (line, ':');
  append_escaped (line, value, uri);
  append_folded (out, line->str);
}

static void
write_structured (GString           *out,
                  const char        *name,
                  const char        *type,
                  const char * const *parts,
                  guint              n_parts)
{
  g_autoptr(GString) line = g_string_new (name);

  if (type != NULL)
    g_string_append_printf (line, ";TYPE=%s", type);
  g_string_append_c (line, ':');

  for (guint i = 0; i < n_parts; i++)
    {
      if (i > 0)
        g_string_append_c (line, ';');
      if (parts[i] != NULL)
        append_escaped (line, parts[i], FALSE);
    }

  append_folded (out, line->str);
}

static gboolean
any_set (const char * const *parts,
         guint               n_parts)
{
  for (guint i = 0; i < n_parts; i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      return TRUE;

  return FALSE;
}

char *
crm_vcard_write (const CrmVcardContact *contact)
{
  g_autofree char *fn = NULL;
  g_autofree char *bday = NULL;
  GString *out;

  g_return_val_if_fail (contact != NULL, NULL);

  out = g_string_new (NULL);
  append_folded (out, "BEGIN:VCARD");
  append_folded (out, "VERSION:4.0");

  /* FN is the one property RFC 6350 requires. */
  if (contact->formatted_name != NULL && *contact->formatted_name != '\0')
    fn = g_strdup (contact->formatted_name);
  else
    fn = compose_name (contact);
  if (fn == NULL && contact->organization != NULL)
    fn = g_strdup (contact->organization);
  if (fn == NULL && contact->emails != NULL && contact->emails->len > 0)
    fn = g_strdup (((CrmVcardValue *) g_ptr_array_index (contact->emails, 0))->value);
  if (fn != NULL && *fn != '\0')
    write_property (out, "FN", NULL, fn, FALSE);
  else
    append_folded (out, "FN:");

  {
    const char *n[] = {
      contact->family_name, contact->given_name, contact->middle_name,
      contact->prefix, contact->suffix,
    };

    if (any_set (n, G_N_ELEMENTS (n)))
      write_structured (out, "N", NULL, n, G_N_ELEMENTS (n));
  }

  {
    const char *org[] = { contact->organization, contact->department };
    guint n_org = contact->department != NULL && *contact->department != '\0' ? 2 : 1;

    if (any_set (org, G_N_ELEMENTS (org)))
      write_structured (out, "ORG", NULL, org, n_org);
  }

  write_property (out, "TITLE", NULL, contact->title, FALSE);

  if (contact->birthday != NULL)
    bday = parse_date (contact->birthday);
  if (bday != NULL)
    {
      g_autofree char *basic = g_strdup_printf ("BDAY:%.4s%.2s%.2s", bday, bday + 5, bday + 8);

      append_folded (out, basic);
    }

  for (guint i = 0; contact->emails != NULL && i < contact->emails->len; i++)
    {
      CrmVcardValue *email = g_ptr_array_index (contact->emails, i);
      g_autofree char *type = type_param (email->kind, FALSE);

      write_property (out, "EMAIL", type, email->value, FALSE);
    }

  for (guint i = 0; contact->phones != NULL && i < contact->phones->len; i++)
    {
      CrmVcardValue *phone = g_ptr_array_index (contact->phones, i);
      g_autofree char *type = type_param (phone->kind, TRUE);

      write_property (out, "TEL", type, phone->value, FALSE);
    }

  for (guint i = 0; contact->addresses != NULL && i < contact->addresses->len; i++)
    {
      CrmVcardAddress *address = g_ptr_array_index (contact->addresses, i);
      g_autofree char *type = type_param (address->kind, FALSE);
      const char *adr[] = {
        NULL, NULL, address->street, address->locality,
        address->region, address->postal_code, address->country,
      };

      if (any_set (adr, G_N_ELEMENTS (adr)))
        write_structured (out, "ADR", type, adr, G_N_ELEMENTS (adr));
    }

  write_property (out, "URL", NULL, contact->url, TRUE);
  write_property (out, "NOTE", NULL, contact->note, FALSE);
  append_folded (out, "END:VCARD");

  return g_string_free (out, FALSE);
}

/*
 * Phones
 */

/* Digits only, with a leading '+' kept. The number ends where an extension
 * or a comment starts ("ext. 12", ";ext=12", "x12", "(work)"), so that two
 * spellings of one number compare equal. */
char *
crm_phone_normalize (const char *phone)
{
  GString *out;
  gboolean seen_digit = FALSE;

  g_return_val_if_fail (phone != NULL, NULL);

  out = g_string_new (NULL);

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (out, *p);
          seen_digit = TRUE;
        }
      else if (*p == '+' && out->len == 0)
        g_string_append_c (out, '+');
      else if (seen_digit && (g_ascii_isalpha (*p) || *p == ';' || *p == ',' || *p == '#'))
        break;
    }

  if (!seen_digit)
    g_string_truncate (out, 0);

  return g_string_free (out, FALSE);
}
