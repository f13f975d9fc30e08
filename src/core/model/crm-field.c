/* crm-field.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-field"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "crm-error.h"
#include "crm-field.h"
#include "crm-money.h"

struct _CrmField
{
  GObject        parent_instance;

  char          *module;
  char          *api_name;
  char          *label;
  char          *lookup_module;
  char          *section;
  char          *default_value;
  GPtrArray     *picklist;
  CrmFieldType   type;
  CrmFieldFlags  flags;
  int            max_length;
  int            scale;
  int            position;
  gint64         min;
  gint64         max;
  guint          has_range : 1;
};

G_DEFINE_FINAL_TYPE (CrmField, crm_field, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-error-quark, crm_error)

static const struct {
  const char *name;
  const char *label;
  const char *sql_type;
  CrmStorage  storage;
} field_types[CRM_N_FIELD_TYPES] = {
  [CRM_FIELD_TEXT]           = { "text",           N_("Single Line"),        "TEXT",    CRM_STORAGE_TEXT },
  [CRM_FIELD_LONG_TEXT]      = { "long_text",      N_("Multi Line"),         "TEXT",    CRM_STORAGE_TEXT },
  [CRM_FIELD_EMAIL]          = { "email",          N_("Email"),              "TEXT",    CRM_STORAGE_TEXT },
  [CRM_FIELD_PHONE]          = { "phone",          N_("Phone"),              "TEXT",    CRM_STORAGE_TEXT },
  [CRM_FIELD_URL]            = { "url",            N_("URL"),                "TEXT",    CRM_STORAGE_TEXT },
  [CRM_FIELD_INTEGER]        = { "integer",        N_("Number"),             "INTEGER", CRM_STORAGE_INT },
  [CRM_FIELD_DECIMAL]        = { "decimal",        N_("Decimal"),            "INTEGER", CRM_STORAGE_INT },
  [CRM_FIELD_CURRENCY]       = { "currency",       N_("Currency"),           "INTEGER", CRM_STORAGE_INT },
  [CRM_FIELD_PERCENT]        = { "percent",        N_("Percent"),            "INTEGER", CRM_STORAGE_INT },
  [CRM_FIELD_DATE]           = { "date",           N_("Date"),               "TEXT",    CRM_STORAGE_TEXT },
  [CRM_FIELD_DATETIME]       = { "datetime",       N_("Date/Time"),          "INTEGER", CRM_STORAGE_INT },
  [CRM_FIELD_CHECKBOX]       = { "checkbox",       N_("Checkbox"),           "INTEGER", CRM_STORAGE_INT },
  [CRM_FIELD_PICKLIST]       = { "picklist",       N_("Pick List"),          "TEXT",    CRM_STORAGE_TEXT },
  [CRM_FIELD_MULTI_PICKLIST] = { "multi_picklist", N_("Multi-Select"),       "TEXT",    CRM_STORAGE_TEXT },
  [CRM_FIELD_LOOKUP]         = { "lookup",         N_("Lookup"),             "INTEGER", CRM_STORAGE_INT },
  [CRM_FIELD_OWNER]          = { "owner",          N_("User"),               "INTEGER", CRM_STORAGE_INT },
  [CRM_FIELD_AUTO_NUMBER]    = { "auto_number",    N_("Auto-Number"),        "TEXT",    CRM_STORAGE_TEXT },
};

static void
crm_field_finalize (GObject *object)
{
  CrmField *self = (CrmField *)object;

  g_free (self->module);
  g_free (self->api_name);
  g_free (self->label);
  g_free (self->lookup_module);
  g_free (self->section);
  g_free (self->default_value);
  g_clear_pointer (&self->picklist, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_field_parent_class)->finalize (object);
}

static void
crm_field_class_init (CrmFieldClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_field_finalize;
}

static void
crm_field_init (CrmField *self)
{
  self->picklist = g_ptr_array_new_with_free_func (g_free);
}

CrmField *
crm_field_new (const char    *module,
               const char    *api_name,
               const char    *label,
               CrmFieldType   type,
               CrmFieldFlags  flags)
{
  CrmField *self;

  g_return_val_if_fail (api_name != NULL, NULL);
  g_return_val_if_fail (type < CRM_N_FIELD_TYPES, NULL);

  self = g_object_new (CRM_TYPE_FIELD, NULL);
  self->module = g_strdup (module);
  self->api_name = g_strdup (api_name);
  self->label = g_strdup (label ? label : api_name);
  self->type = type;
  self->flags = flags;
  if (type == CRM_FIELD_CURRENCY || type == CRM_FIELD_PERCENT || type == CRM_FIELD_DECIMAL)
    self->scale = 2;
  if (type == CRM_FIELD_CHECKBOX)
    crm_field_set_range (self, 0, 1);

  return self;
}

const char *crm_field_get_module (CrmField *self) { return self->module; }
const char *crm_field_get_api_name (CrmField *self) { return self->api_name; }
const char *crm_field_get_label (CrmField *self) { return self->label; }
CrmFieldType crm_field_get_field_type (CrmField *self) { return self->type; }
CrmFieldFlags crm_field_get_flags (CrmField *self) { return self->flags; }
void crm_field_set_flags (CrmField *self, CrmFieldFlags flags) { self->flags = flags; }
gboolean crm_field_has_flag (CrmField *self, CrmFieldFlags flag) { return (self->flags & flag) != 0; }
gboolean crm_field_is_required (CrmField *self) { return (self->flags & CRM_FIELD_FLAG_REQUIRED) != 0; }
int crm_field_get_max_length (CrmField *self) { return self->max_length; }
void crm_field_set_max_length (CrmField *self, int max_length) { self->max_length = MAX (0, max_length); }
int crm_field_get_scale (CrmField *self) { return self->scale; }
void crm_field_set_scale (CrmField *self, int scale) { self->scale = CLAMP (scale, 0, 6); }
const char *crm_field_get_lookup_module (CrmField *self) { return self->lookup_module; }
const char *crm_field_get_section (CrmField *self) { return self->section; }
int crm_field_get_position (CrmField *self) { return self->position; }
void crm_field_set_position (CrmField *self, int position) { self->position = position; }
const char *crm_field_get_default_value (CrmField *self) { return self->default_value; }
GPtrArray *crm_field_get_picklist (CrmField *self) { return self->picklist; }

gboolean
crm_field_is_editable (CrmField *self)
{
  return (self->flags & (CRM_FIELD_FLAG_SYSTEM | CRM_FIELD_FLAG_HIDDEN)) == 0 &&
         self->type != CRM_FIELD_AUTO_NUMBER;
}

void
crm_field_set_label (CrmField   *self,
                     const char *label)
{
  g_return_if_fail (CRM_IS_FIELD (self));
  g_free (self->label);
  self->label = g_strdup (label);
}

void
crm_field_set_lookup_module (CrmField   *self,
                             const char *module)
{
  g_free (self->lookup_module);
  self->lookup_module = g_strdup (module);
}

void
crm_field_set_section (CrmField   *self,
                       const char *section)
{
  g_free (self->section);
  self->section = g_strdup (section);
}

void
crm_field_set_default_value (CrmField   *self,
                             const char *value)
{
  g_free (self->default_value);
  self->default_value = g_strdup (value);
}

gboolean
crm_field_get_range (CrmField *self,
                     gint64   *min,
                     gint64   *max)
{
  if (min)
    *min = self->min;
  if (max)
    *max = self->max;
  return self->has_range;
}

void
crm_field_set_range (CrmField *self,
                     gint64    min,
                     gint64    max)
{
  self->min = min;
  self->max = max;
  self->has_range = TRUE;
}

void
crm_field_set_picklist (CrmField  *self,
                        GPtrArray *values)
{
  g_ptr_array_set_size (self->picklist, 0);
  for (guint i = 0; values && i < values->len; i++)
    g_ptr_array_add (self->picklist, g_strdup (g_ptr_array_index (values, i)));
}

gboolean
crm_field_has_picklist_value (CrmField   *self,
                              const char *value)
{
  for (guint i = 0; i < self->picklist->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->picklist, i), value) == 0)
      return TRUE;
  return FALSE;
}

CrmStorage
crm_field_type_get_storage (CrmFieldType type)
{
  g_return_val_if_fail (type < CRM_N_FIELD_TYPES, CRM_STORAGE_TEXT);
  return field_types[type].storage;
}

CrmStorage
crm_field_get_storage (CrmField *self)
{
  return crm_field_type_get_storage (self->type);
}

const char *
crm_field_type_to_string (CrmFieldType type)
{
  g_return_val_if_fail (type < CRM_N_FIELD_TYPES, NULL);
  return field_types[type].name;
}

gboolean
crm_field_type_from_string (const char   *str,
                            CrmFieldType *type)
{
  for (guint i = 0; i < CRM_N_FIELD_TYPES; i++)
    {
      if (g_strcmp0 (field_types[i].name, str) == 0)
        {
          *type = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
crm_field_type_get_label (CrmFieldType type)
{
  g_return_val_if_fail (type < CRM_N_FIELD_TYPES, NULL);
  return _(field_types[type].label);
}

const char *
crm_field_type_get_sql_type (CrmFieldType type)
{
  g_return_val_if_fail (type < CRM_N_FIELD_TYPES, NULL);
  return field_types[type].sql_type;
}

/*
 * Formatting
 */

static char *
format_datetime (gint64 unix_time,
                 gboolean iso)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return NULL;
  if (iso)
    return g_date_time_format_iso8601 (utc);
  local = g_date_time_to_local (utc);
  /* Translators: date and time in record lists, see g_date_time_format() */
  return g_date_time_format (local, _("%x %H:%M"));
}

static char *
format_date_display (const char *iso)
{
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  if (sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (iso);
  dt = g_date_time_new_local (y, m, d, 0, 0, 0);
  if (dt == NULL)
    return g_strdup (iso);
  /* Translators: a date in record lists and forms, see g_date_time_format() */
  return g_date_time_format (dt, _("%e %b %Y"));
}

char *
crm_field_format_plain (CrmField *self,
                        GVariant *value)
{
  g_return_val_if_fail (CRM_IS_FIELD (self), NULL);

  if (value == NULL)
    return NULL;

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);

  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return NULL;

  switch (self->type)
    {
    case CRM_FIELD_DECIMAL:
    case CRM_FIELD_CURRENCY:
    case CRM_FIELD_PERCENT:
      return crm_decimal_format_plain (g_variant_get_int64 (value), self->scale);
    case CRM_FIELD_CHECKBOX:
      return g_strdup (g_variant_get_int64 (value) ? "true" : "false");
    case CRM_FIELD_DATETIME:
      return format_datetime (g_variant_get_int64 (value), TRUE);
    default:
      return g_strdup_printf ("%" PRId64, g_variant_get_int64 (value));
    }
}

char *
crm_field_format_display (CrmField   *self,
                          GVariant   *value,
                          const char *currency)
{
  g_return_val_if_fail (CRM_IS_FIELD (self), NULL);

  if (value == NULL)
    return NULL;

  switch (self->type)
    {
    case CRM_FIELD_CURRENCY:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        return crm_money_format (g_variant_get_int64 (value), currency ? currency : "USD");
      break;
    case CRM_FIELD_DECIMAL:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        return crm_decimal_format (g_variant_get_int64 (value), self->scale);
      break;
    case CRM_FIELD_PERCENT:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        {
          g_autofree char *num = crm_decimal_format (g_variant_get_int64 (value), self->scale);
          return g_strdup_printf ("%s %%", num);
        }
      break;
    case CRM_FIELD_CHECKBOX:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        return g_strdup (g_variant_get_int64 (value) ? _("Yes") : _("No"));
      break;
    case CRM_FIELD_DATETIME:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        return format_datetime (g_variant_get_int64 (value), FALSE);
      break;
    case CRM_FIELD_DATE:
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        return format_date_display (g_variant_get_string (value, NULL));
      break;
    case CRM_FIELD_TEXT:
    case CRM_FIELD_LONG_TEXT:
    case CRM_FIELD_EMAIL:
    case CRM_FIELD_PHONE:
    case CRM_FIELD_URL:
    case CRM_FIELD_INTEGER:
    case CRM_FIELD_PICKLIST:
    case CRM_FIELD_MULTI_PICKLIST:
    case CRM_FIELD_LOOKUP:
    case CRM_FIELD_OWNER:
    case CRM_FIELD_AUTO_NUMBER:
    case CRM_N_FIELD_TYPES:
    default:
      break;
    }

  return crm_field_format_plain (self, value);
}

/*
 * Parsing and validation
 */

static gboolean
fail (GError     **error,
      CrmField    *self,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      CrmField    *self,
      const char  *format,
      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: "Field label: reason" */
  g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("%s: %s"), self->label, reason);
  return FALSE;
}

static gboolean
parse_bool (const char *text,
            gboolean   *out)
{
  static const char * const yes[] = { "1", "true", "yes", "y", "on", "x", NULL };
  static const char * const no[] = { "0", "false", "no", "n", "off", NULL };
  g_autofree char *lower = g_utf8_strdown (text, -1);

  if (g_strv_contains (yes, lower) || g_strcmp0 (lower, _("yes")) == 0)
    *out = TRUE;
  else if (g_strv_contains (no, lower) || g_strcmp0 (lower, _("no")) == 0)
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_date (const char *text,
            char      **out)
{
  int y = 0, m = 0, d = 0;
  char tail = 0;

  /* ISO 8601 only: it is what files and the date picker give. */
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || strlen (text) != 10)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  *out = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return TRUE;
}

static gboolean
parse_datetime (const char *text,
                gint64     *out)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *iso = NULL;
  char *end = NULL;
  gint64 n;

  n = g_ascii_strtoll (text, &end, 10);
  if (end != text && *end == '\0')
    {
      *out = n;
      return TRUE;
    }

  iso = g_strdup (text);
  if (strlen (iso) == 16)   /* "2026-11-28 14:05" */
    {
      g_autofree char *with_seconds = g_strconcat (iso, ":00", NULL);
      g_free (iso);
      iso = g_steal_pointer (&with_seconds);
    }
  if (strlen (iso) > 10 && iso[10] == ' ')
    iso[10] = 'T';
  dt = g_date_time_new_from_iso8601 (iso, local);
  if (dt == NULL)
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

gboolean
crm_field_parse (CrmField    *self,
                 const char  *text,
                 const char  *currency,
                 GVariant   **value,
                 GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 n = 0;

  g_return_val_if_fail (CRM_IS_FIELD (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  *value = NULL;
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    return fail (error, self, _("the text is not valid UTF-8"));

  stripped = g_strstrip (g_strdup (text));
  if (self->type != CRM_FIELD_LONG_TEXT && *stripped == '\0')
    return TRUE;
  if (self->type == CRM_FIELD_LONG_TEXT && *text == '\0')
    return TRUE;

  switch (self->type)
    {
    case CRM_FIELD_LONG_TEXT:
      *value = g_variant_ref_sink (g_variant_new_string (text));
      return TRUE;

    case CRM_FIELD_TEXT:
    case CRM_FIELD_EMAIL:
    case CRM_FIELD_PHONE:
    case CRM_FIELD_URL:
    case CRM_FIELD_PICKLIST:
    case CRM_FIELD_MULTI_PICKLIST:
    case CRM_FIELD_AUTO_NUMBER:
      *value = g_variant_ref_sink (g_variant_new_string (stripped));
      return TRUE;

    case CRM_FIELD_DATE:
      {
        char *iso = NULL;
        if (!parse_date (stripped, &iso))
          return fail (error, self, _("“%s” is not a date; use YYYY-MM-DD"), stripped);
        *value = g_variant_ref_sink (g_variant_new_take_string (iso));
        return TRUE;
      }

    case CRM_FIELD_DATETIME:
      if (!parse_datetime (stripped, &n))
        return fail (error, self, _("“%s” is not a date and time; use YYYY-MM-DD HH:MM"), stripped);
      break;

    case CRM_FIELD_CHECKBOX:
      {
        gboolean b;
        if (!parse_bool (stripped, &b))
          return fail (error, self, _("“%s” is neither yes nor no"), stripped);
        n = b;
        break;
      }

    case CRM_FIELD_INTEGER:
    case CRM_FIELD_LOOKUP:
    case CRM_FIELD_OWNER:
      if (!crm_decimal_parse (stripped, 0, &n, &local_error))
        return fail (error, self, _("“%s” is not a whole number"), stripped);
      break;

    case CRM_FIELD_DECIMAL:
    case CRM_FIELD_PERCENT:
      {
        g_autofree char *no_percent = g_strdup (stripped);
        char *pct = strrchr (no_percent, '%');
        if (pct != NULL && self->type == CRM_FIELD_PERCENT)
          *pct = '\0';
        g_strstrip (no_percent);
        if (!crm_decimal_parse (no_percent, self->scale, &n, &local_error))
          return fail (error, self, "%s", local_error->message);
        break;
      }

    case CRM_FIELD_CURRENCY:
      if (!crm_money_parse (stripped, currency ? currency : "USD", &n, &local_error))
        return fail (error, self, "%s", local_error->message);
      break;

    case CRM_N_FIELD_TYPES:
    default:
      g_assert_not_reached ();
    }

  *value = g_variant_ref_sink (g_variant_new_int64 (n));
  return TRUE;
}

static gboolean
is_valid_email (const char *s)
{
  const char *at = strchr (s, '@');
  const char *dot;

  if (at == NULL || at == s || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = s; *p; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>')
      return FALSE;
  dot = strrchr (at, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

static gboolean
is_valid_url (const char *s)
{
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *host;

  for (const char *p = s; *p; p++)
    if (g_ascii_isspace (*p))
      return FALSE;
  if (strstr (s, "://") == NULL)
    with_scheme = g_strconcat ("https://", s, NULL);
  else
    with_scheme = g_strdup (s);
  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  if (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
      g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
      g_strcmp0 (g_uri_get_scheme (uri), "ftp") != 0)
    return FALSE;
  host = g_uri_get_host (uri);
  return host != NULL && strchr (host, '.') != NULL && host[strlen (host) - 1] != '.';
}

static gboolean
is_valid_phone (const char *s)
{
  guint digits = 0;

  for (const char *p = s; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr ("+-() ./x", *p) == NULL)
        return FALSE;
    }
  return digits >= 3;
}

gboolean
crm_field_validate (CrmField  *self,
                    GVariant  *value,
                    GError   **error)
{
  CrmStorage storage;

  g_return_val_if_fail (CRM_IS_FIELD (self), FALSE);

  if (value == NULL ||
      (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
       *g_variant_get_string (value, NULL) == '\0'))
    {
      if (crm_field_is_required (self))
        return fail (error, self, _("a value is required"));
      return TRUE;
    }

  storage = crm_field_get_storage (self);
  if (storage == CRM_STORAGE_TEXT && !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return fail (error, self, _("expects text"));
  if (storage == CRM_STORAGE_INT && !g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return fail (error, self, _("expects a number"));

  if (storage == CRM_STORAGE_TEXT)
    {
      const char *s = g_variant_get_string (value, NULL);
      glong len;

      if (!g_utf8_validate (s, -1, NULL))
        return fail (error, self, _("the text is not valid UTF-8"));
      len = g_utf8_strlen (s, -1);
      if (self->max_length > 0 && len > self->max_length)
        return fail (error, self, _("is %ld characters long; at most %d are allowed"),
                     len, self->max_length);

      switch (self->type)
        {
        case CRM_FIELD_EMAIL:
          if (!is_valid_email (s))
            return fail (error, self, _("“%s” is not a valid email address"), s);
          break;
        case CRM_FIELD_URL:
          if (!is_valid_url (s))
            return fail (error, self, _("“%s” is not a valid web address"), s);
          break;
        case CRM_FIELD_PHONE:
          if (!is_valid_phone (s))
            return fail (error, self, _("“%s” is not a phone number: use digits, spaces and + - ( ) . /"), s);
          break;
        case CRM_FIELD_DATE:
          {
            g_autofree char *iso = NULL;
            if (!parse_date (s, &iso))
              return fail (error, self, _("“%s” is not a date; use YYYY-MM-DD"), s);
            break;
          }
        case CRM_FIELD_PICKLIST:
          if (!crm_field_has_picklist_value (self, s))
            return fail (error, self, _("“%s” is not one of its values"), s);
          break;
        case CRM_FIELD_MULTI_PICKLIST:
          {
            g_auto(GStrv) parts = g_strsplit (s, ";", -1);
            for (guint i = 0; parts[i]; i++)
              {
                g_strstrip (parts[i]);
                if (*parts[i] != '\0' && !crm_field_has_picklist_value (self, parts[i]))
                  return fail (error, self, _("“%s” is not one of its values"), parts[i]);
              }
            break;
          }
        default:
          break;
        }
    }
  else
    {
      gint64 n = g_variant_get_int64 (value);

      if (self->has_range && (n < self->min || n > self->max))
        {
          g_autofree char *lo = crm_decimal_format_plain (self->min, self->type == CRM_FIELD_INTEGER ? 0 : self->scale);
          g_autofree char *hi = crm_decimal_format_plain (self->max, self->type == CRM_FIELD_INTEGER ? 0 : self->scale);
          if (self->type == CRM_FIELD_CHECKBOX)
            return fail (error, self, _("must be yes or no"));
          return fail (error, self, _("must be between %s and %s"), lo, hi);
        }
      if ((self->type == CRM_FIELD_LOOKUP || self->type == CRM_FIELD_OWNER) && n <= 0)
        return fail (error, self, _("refers to no record"));
    }

  return TRUE;
}

/*
 * Names
 */

static const char * const reserved_words[] = {
  "abort", "action", "add", "after", "all", "alter", "always", "analyze", "and", "as", "asc",
  "attach", "autoincrement", "before", "begin", "between", "by", "cascade", "case", "cast",
  "check", "collate", "column", "commit", "conflict", "constraint", "create", "cross",
  "current", "current_date", "current_time", "current_timestamp", "database", "default",
  "deferrable", "deferred", "delete", "desc", "detach", "distinct", "do", "drop", "each",
  "else", "end", "escape", "except", "exclude", "exclusive", "exists", "explain", "fail",
  "filter", "first", "following", "for", "foreign", "from", "full", "generated", "glob",
  "group", "groups", "having", "if", "ignore", "immediate", "in", "index", "indexed",
  "initially", "inner", "insert", "instead", "intersect", "into", "is", "isnull", "join",
  "key", "last", "left", "like", "limit", "match", "materialized", "natural", "no", "not",
  "nothing", "notnull", "null", "nulls", "of", "offset", "on", "or", "order", "others",
  "outer", "over", "partition", "plan", "pragma", "preceding", "primary", "query", "raise",
  "range", "recursive", "references", "regexp", "reindex", "release", "rename", "replace",
  "restrict", "returning", "right", "rollback", "row", "rowid", "rows", "savepoint",
  "select", "set", "table", "temp", "temporary", "then", "ties", "to", "transaction",
  "trigger", "unbounded", "union", "unique", "update", "user", "using", "vacuum", "values",
  "view", "virtual", "when", "where", "window", "with", "without", "oid", "_rowid_",
  /* PostgreSQL, so that a server backend can come later */
  "analyse", "array", "asymmetric", "both", "current_role", "current_user", "fetch",
  "grant", "ilike", "lateral", "leading", "localtime", "localtimestamp", "only", "placing",
  "session_user", "some", "symmetric", "trailing", "true", "false", "variadic", "verbose",
  /* columns every module table has */
  "id", "owner_id", "created_at", "modified_at", "created_by", "modified_by", "deleted_at",
  "import_batch",
  NULL
};

gboolean
crm_is_valid_api_name (const char  *name,
                       GError     **error)
{
  gsize len;

  if (name == NULL || *name == '\0')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_INVALID_NAME, _("The name is empty"));
      return FALSE;
    }

  len = strlen (name);
  if (len > 48)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_INVALID_NAME,
                   _("“%s” is too long: at most 48 characters"), name);
      return FALSE;
    }

  if (!g_ascii_islower (name[0]))
    goto bad_chars;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_islower (name[i]) && !g_ascii_isdigit (name[i]) && name[i] != '_')
      goto bad_chars;

  if (g_strv_contains (reserved_words, name) || g_str_has_prefix (name, "sqlite_"))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_INVALID_NAME,
                   _("“%s” is a reserved word; choose another name"), name);
      return FALSE;
    }

  return TRUE;

bad_chars:
  g_set_error (error, CRM_ERROR, CRM_ERROR_INVALID_NAME,
               _("“%s” is not a valid name: use lower-case letters, digits and “_”, starting with a letter"),
               name);
  return FALSE;
}

char *
crm_api_name_from_label (const char *label)
{
  g_autofree char *ascii = NULL;
  GString *out;
  gboolean pending_sep = FALSE;

  if (label == NULL)
    return g_strdup ("");

  ascii = g_str_to_ascii (label, "C");
  out = g_string_new (NULL);
  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (pending_sep && out->len > 0)
            g_string_append_c (out, '_');
          g_string_append_c (out, g_ascii_tolower (*p));
          pending_sep = FALSE;
        }
      else
        pending_sep = TRUE;
    }
  if (out->len > 0 && g_ascii_isdigit (out->str[0]))
    g_string_prepend (out, "f_");
  if (out->len > 48)
    g_string_truncate (out, 48);
  return g_string_free (out, FALSE);
}
