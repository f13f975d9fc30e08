/* crm-money.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-money"

#include "config.h"

#include <inttypes.h>

#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "crm-money.h"

G_DEFINE_QUARK (crm-money-error-quark, crm_money_error)

#define MAX_SCALE 18

typedef struct
{
  const char *code;
  const char *symbol;
  const char *name;
  int         digits;
} CurrencyInfo;

/* Sorted by code: looked up with bsearch().
 *
 * The digits are what people actually write, which is not always the ISO
 * 4217 minor unit. The rupiah is officially divided into 100 sen, but sen
 * have not circulated for decades: prices, invoices and tax returns use
 * whole rupiah, so IDR has 0 digits here, like JPY, KRW, VND, CLP and ISK.
 * The dinars of Bahrain, Kuwait, Oman and Jordan have 3.
 *
 * Symbols avoid right-to-left scripts (the Gulf currencies show their code)
 * and carry a prefix where "$", "¥" or "kr" alone would be ambiguous among
 * the currencies a user can mix in one database. */
static const CurrencyInfo currencies[] = {
  { "AED", "AED",  N_("UAE Dirham"),            2 },
  { "ARS", "AR$",  N_("Argentine Peso"),        2 },
  { "AUD", "A$",   N_("Australian Dollar"),     2 },
  { "BDT", "৳",    N_("Bangladeshi Taka"),      2 },
  { "BHD", "BHD",  N_("Bahraini Dinar"),        3 },
  { "BND", "B$",   N_("Brunei Dollar"),         2 },
  { "BRL", "R$",   N_("Brazilian Real"),        2 },
  { "CAD", "CA$",  N_("Canadian Dollar"),       2 },
  { "CHF", "CHF",  N_("Swiss Franc"),           2 },
  { "CLP", "CLP$", N_("Chilean Peso"),          0 },
  { "CNY", "CN¥",  N_("Chinese Yuan"),          2 },
  { "CZK", "Kč",   N_("Czech Koruna"),          2 },
  { "DKK", "kr",   N_("Danish Krone"),          2 },
  { "EGP", "E£",   N_("Egyptian Pound"),        2 },
  { "EUR", "€",    N_("Euro"),                  2 },
  { "GBP", "£",    N_("British Pound"),         2 },
  { "HKD", "HK$",  N_("Hong Kong Dollar"),      2 },
  { "HUF", "Ft",   N_("Hungarian Forint"),      2 },
  { "IDR", "Rp",   N_("Indonesian Rupiah"),     0 },
  { "ILS", "₪",    N_("Israeli New Shekel"),    2 },
  { "INR", "₹",    N_("Indian Rupee"),          2 },
  { "ISK", "kr",   N_("Icelandic Krona"),       0 },
  { "JOD", "JOD",  N_("Jordanian Dinar"),       3 },
  { "JPY", "¥",    N_("Japanese Yen"),          0 },
  { "KRW", "₩",    N_("South Korean Won"),      0 },
  { "KWD", "KWD",  N_("Kuwaiti Dinar"),         3 },
  { "LKR", "Rs",   N_("Sri Lankan Rupee"),      2 },
  { "MXN", "MX$",  N_("Mexican Peso"),          2 },
  { "MYR", "RM",   N_("Malaysian Ringgit"),     2 },
  { "NGN", "₦",    N_("Nigerian Naira"),        2 },
  { "NOK", "kr",   N_("Norwegian Krone"),       2 },
  { "NZD", "NZ$",  N_("New Zealand Dollar"),    2 },
  { "OMR", "OMR",  N_("Omani Rial"),            3 },
  { "PHP", "₱",    N_("Philippine Peso"),       2 },
  { "PKR", "Rs",   N_("Pakistani Rupee"),       2 },
  { "PLN", "zł",   N_("Polish Zloty"),          2 },
  { "QAR", "QAR",  N_("Qatari Riyal"),          2 },
  { "RUB", "₽",    N_("Russian Ruble"),         2 },
  { "SAR", "SAR",  N_("Saudi Riyal"),           2 },
  { "SEK", "kr",   N_("Swedish Krona"),         2 },
  { "SGD", "S$",   N_("Singapore Dollar"),      2 },
  { "THB", "฿",    N_("Thai Baht"),             2 },
  { "TRY", "₺",    N_("Turkish Lira"),          2 },
  { "TWD", "NT$",  N_("New Taiwan Dollar"),     2 },
  { "USD", "$",    N_("US Dollar"),             2 },
  { "VND", "₫",    N_("Vietnamese Dong"),       0 },
  { "ZAR", "R",    N_("South African Rand"),    2 },
};

static const guint64 powers_of_ten[MAX_SCALE + 1] = {
  1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull,
  10000000ull, 100000000ull, 1000000000ull, 10000000000ull,
  100000000000ull, 1000000000000ull, 10000000000000ull,
  100000000000000ull, 1000000000000000ull, 10000000000000000ull,
  100000000000000000ull, 1000000000000000000ull,
};

/* Copied out of localeconv(), whose buffer the next call may overwrite. */
typedef struct
{
  char decimal[16];
  char group[16];
  char grouping[16];  /* group sizes as in struct lconv */
} Separators;

typedef enum
{
  TOKEN_DIGITS,
  TOKEN_DOT,
  TOKEN_COMMA,
  TOKEN_GROUP,    /* only ever a group separator: spaces, apostrophe */
  TOKEN_DECIMAL,  /* the locale's decimal point when it is not "." or "," */
} TokenKind;

typedef struct
{
  TokenKind   kind;
  const char *start;
  gsize       len;
} Token;

typedef enum
{
  ROLE_INVALID,
  ROLE_GROUP,
  ROLE_DECIMAL,
} Role;

/*
 * Currency table
 */

static int
compare_currency (const void *key,
                  const void *item)
{
  return g_ascii_strcasecmp (key, ((const CurrencyInfo *)item)->code);
}

static const CurrencyInfo *
find_currency (const char *code)
{
  if (code == NULL)
    return NULL;

  return bsearch (code, currencies, G_N_ELEMENTS (currencies),
                  sizeof currencies[0], compare_currency);
}

/*
 * Formatting
 */

static void
get_separators (gboolean    monetary,
                Separators *sep)
{
  const struct lconv *lc = localeconv ();
  const char *decimal = monetary ? lc->mon_decimal_point : lc->decimal_point;
  const char *group = monetary ? lc->mon_thousands_sep : lc->thousands_sep;
  const char *grouping = monetary ? lc->mon_grouping : lc->grouping;

  if (decimal == NULL || decimal[0] == '\0')
    decimal = ".";

  /* A separator equal to the decimal point would make the text unreadable,
   * so the fallback depends on the decimal point. */
  if (group == NULL || group[0] == '\0' || strcmp (group, decimal) == 0)
    group = strcmp (decimal, ",") == 0 ? "." : ",";

  if (grouping == NULL || grouping[0] == '\0')
    grouping = "\3";

  g_strlcpy (sep->decimal, decimal, sizeof sep->decimal);
  g_strlcpy (sep->group, group, sizeof sep->group);
  g_strlcpy (sep->grouping, grouping, sizeof sep->grouping);
}

static guint64
magnitude_of (gint64 value)
{
  /* -G_MININT64 does not fit in a gint64 */
  if (value < 0)
    return (guint64)(-(value + 1)) + 1;

  return (guint64)value;
}

static void
append_grouped (GString          *out,
                const char       *digits,
                const Separators *sep)
{
  gsize len = strlen (digits);
  gboolean break_before[32] = { FALSE };
  const char *g = sep->grouping;
  gsize pos = len;

  g_assert (len < G_N_ELEMENTS (break_before));

  /* Sizes apply from the right; the last one repeats; CHAR_MAX or a
   * non-positive size stops grouping (see localeconv(3)). */
  while (*g > 0 && *g < CHAR_MAX && pos > (gsize)*g)
    {
      pos -= (gsize)*g;
      break_before[pos] = TRUE;
      if (g[1] != '\0')
        g++;
    }

  for (gsize i = 0; i < len; i++)
    {
      if (break_before[i])
        g_string_append (out, sep->group);
      g_string_append_c (out, digits[i]);
    }
}

static gboolean
symbol_ends_with_letter (const char *symbol)
{
  const char *last = g_utf8_find_prev_char (symbol, symbol + strlen (symbol));

  return last != NULL && g_unichar_isalpha (g_utf8_get_char (last));
}

/* sep NULL means plain: "." and no grouping. */
static char *
format_scaled (gint64            value,
               int               scale,
               gboolean          trim_zeros,
               const Separators *sep,
               const char       *symbol)
{
  GString *out = g_string_new (NULL);
  guint64 magnitude = magnitude_of (value);
  guint64 int_part = magnitude / powers_of_ten[scale];
  guint64 frac_part = magnitude % powers_of_ten[scale];
  char int_digits[24];
  char frac_digits[MAX_SCALE + 1];
  int n_frac = scale;

  if (value < 0)
    g_string_append_c (out, '-');

  if (symbol != NULL)
    {
      g_string_append (out, symbol);
      /* "Rp 5.000" and "RM 5.00", but "$5.00" and "S$5.00" */
      if (symbol_ends_with_letter (symbol))
        g_string_append_c (out, ' ');
    }

  g_snprintf (int_digits, sizeof int_digits, "%" PRIu64, int_part);
  if (sep != NULL)
    append_grouped (out, int_digits, sep);
  else
    g_string_append (out, int_digits);

  for (int i = scale - 1; i >= 0; i--)
    {
      frac_digits[i] = '0' + (char)(frac_part % 10);
      frac_part /= 10;
    }

  if (trim_zeros)
    while (n_frac > 0 && frac_digits[n_frac - 1] == '0')
      n_frac--;

  if (n_frac > 0)
    {
      g_string_append (out, sep != NULL ? sep->decimal : ".");
      g_string_append_len (out, frac_digits, n_frac);
    }

  return g_string_free (out, FALSE);
}

/*
 * Parsing
 */

static const char *
quote_text (const char *text,
            char      **to_free)
{
  if (g_utf8_validate (text, -1, NULL))
    return text;

  return *to_free = g_utf8_make_valid (text, -1);
}

static void
set_invalid (GError     **error,
             const char  *text,
             gboolean     is_money)
{
  g_autofree char *valid = NULL;
  const char *quoted = quote_text (text, &valid);

  if (is_money)
    g_set_error (error, CRM_MONEY_ERROR, CRM_MONEY_ERROR_INVALID,
                 _("“%s” is not a valid amount"), quoted);
  else
    g_set_error (error, CRM_MONEY_ERROR, CRM_MONEY_ERROR_INVALID,
                 _("“%s” is not a valid number"), quoted);
}

static void
set_range (GError     **error,
           const char  *text)
{
  g_autofree char *valid = NULL;

  g_set_error (error, CRM_MONEY_ERROR, CRM_MONEY_ERROR_RANGE,
               _("“%s” is too large"), quote_text (text, &valid));
}

static void
set_precision (GError     **error,
               const char  *text,
               const char  *code,
               int          scale)
{
  g_autofree char *valid = NULL;
  const char *quoted = quote_text (text, &valid);

  if (code != NULL && scale == 0)
    g_set_error (error, CRM_MONEY_ERROR, CRM_MONEY_ERROR_PRECISION,
                 _("“%s”: %s amounts have no decimal places"), quoted, code);
  else if (code != NULL)
    g_set_error (error, CRM_MONEY_ERROR, CRM_MONEY_ERROR_PRECISION,
                 ngettext ("“%s”: %s amounts have at most %d decimal place",
                           "“%s”: %s amounts have at most %d decimal places",
                           scale),
                 quoted, code, scale);
  else if (scale == 0)
    g_set_error (error, CRM_MONEY_ERROR, CRM_MONEY_ERROR_PRECISION,
                 _("“%s” must be a whole number"), quoted);
  else
    g_set_error (error, CRM_MONEY_ERROR, CRM_MONEY_ERROR_PRECISION,
                 ngettext ("“%s” has more than %d decimal place",
                           "“%s” has more than %d decimal places",
                           scale),
                 quoted, scale);
}

static gboolean
has_prefix_len (const char *p,
                const char *end,
                const char *prefix,
                gsize      *len)
{
  gsize n = strlen (prefix);

  if (n == 0 || (gsize)(end - p) < n || memcmp (p, prefix, n) != 0)
    return FALSE;

  *len = n;
  return TRUE;
}

/* Spaces a locale or a copy-paste may put between digits or around them. */
static gsize
space_len (const char *p,
           const char *end)
{
  gsize len;

  if (p < end && (*p == ' ' || *p == '\t'))
    return 1;
  if (has_prefix_len (p, end, "\u00a0", &len) ||  /* no-break space */
      has_prefix_len (p, end, "\u202f", &len) ||  /* narrow no-break space */
      has_prefix_len (p, end, "\u2009", &len))    /* thin space */
    return len;

  return 0;
}

static void
trim (const char **p,
      const char **end)
{
  gsize len;

  while ((len = space_len (*p, *end)) > 0)
    *p += len;

  while (*end > *p)
    {
      const char *prev = g_utf8_find_prev_char (*p, *end);

      if (prev == NULL || space_len (prev, *end) != (gsize)(*end - prev))
        break;
      *end = prev;
    }
}

static gboolean
tokenize (const char       *p,
          const char       *end,
          const Separators *sep,
          Token            *tokens,
          guint            *n_tokens)
{
  guint n = 0;

  while (p < end)
    {
      Token *t = &tokens[n++];
      gsize len = 0;

      t->start = p;

      if (g_ascii_isdigit (*p))
        {
          while (p + len < end && g_ascii_isdigit (p[len]))
            len++;
          t->kind = TOKEN_DIGITS;
        }
      else if (*p == '.')
        {
          len = 1;
          t->kind = TOKEN_DOT;
        }
      else if (sep == NULL)
        return FALSE;
      else if (*p == ',')
        {
          len = 1;
          t->kind = TOKEN_COMMA;
        }
      else if (has_prefix_len (p, end, sep->decimal, &len))
        t->kind = TOKEN_DECIMAL;
      else if (has_prefix_len (p, end, sep->group, &len) ||
               (len = space_len (p, end)) > 0 ||
               has_prefix_len (p, end, "'", &len) ||
               has_prefix_len (p, end, "’", &len))
        t->kind = TOKEN_GROUP;
      else
        return FALSE;

      t->len = len;
      p += len;
    }

  *n_tokens = n;
  return TRUE;
}

static int
max_group_size (const Separators *sep)
{
  int max = 3;

  for (const char *g = sep->grouping; *g > 0 && *g < CHAR_MAX; g++)
    max = MAX (max, *g);

  return max;
}

static gboolean
is_group_size (const Separators *sep,
               gsize             size)
{
  if (size == 3)
    return TRUE;

  for (const char *g = sep->grouping; *g > 0 && *g < CHAR_MAX; g++)
    if ((gsize)*g == size)
      return TRUE;

  return FALSE;
}

/* A lone "1.234" is ambiguous. Only the locale's own group separator,
 * between a plausible leading group and a full group, reads as grouping;
 * anything else ("1.5", "1234.50", "1,50") is a decimal point. */
static Role
role_of_lone_separator (const Token      *tokens,
                        guint             n_tokens,
                        guint             index,
                        const char       *ch,
                        const Separators *sep)
{
  gsize before;

  if (strcmp (sep->group, ch) != 0)
    return ROLE_DECIMAL;

  if (index == 0 || index + 1 >= n_tokens ||
      tokens[index + 1].kind != TOKEN_DIGITS ||
      !is_group_size (sep, tokens[index + 1].len))
    return ROLE_DECIMAL;

  before = tokens[index - 1].kind == TOKEN_DIGITS ? tokens[index - 1].len : 0;
  if (before == 0 || before > (gsize)max_group_size (sep) ||
      tokens[index - 1].start[0] == '0')
    return ROLE_DECIMAL;

  return ROLE_GROUP;
}

static void
assign_roles (const Token      *tokens,
              guint             n_tokens,
              const Separators *sep,
              Role             *dot,
              Role             *comma)
{
  guint n_dot = 0, n_comma = 0, n_decimal = 0;
  guint last_dot = 0, last_comma = 0;

  if (sep == NULL)
    {
      *dot = ROLE_DECIMAL;
      *comma = ROLE_INVALID;
      return;
    }

  for (guint i = 0; i < n_tokens; i++)
    {
      if (tokens[i].kind == TOKEN_DOT)
        n_dot++, last_dot = i;
      else if (tokens[i].kind == TOKEN_COMMA)
        n_comma++, last_comma = i;
      else if (tokens[i].kind == TOKEN_DECIMAL)
        n_decimal++;
    }

  *dot = *comma = ROLE_GROUP;

  if (n_decimal > 0)
    return;

  if (n_dot > 0 && n_comma > 0)
    {
      /* "1,234.50" or "1.234,50": whichever comes last is the decimal point */
      if (last_dot > last_comma)
        *dot = ROLE_DECIMAL;
      else
        *comma = ROLE_DECIMAL;
    }
  else if (n_dot == 1)
    *dot = role_of_lone_separator (tokens, n_tokens, last_dot, ".", sep);
  else if (n_comma == 1)
    *comma = role_of_lone_separator (tokens, n_tokens, last_comma, ",", sep);
}

static Role
role_of (const Token *t,
         Role         dot,
         Role         comma)
{
  switch (t->kind)
    {
    case TOKEN_DOT:
      return dot;

    case TOKEN_COMMA:
      return comma;

    case TOKEN_GROUP:
      return ROLE_GROUP;

    case TOKEN_DECIMAL:
      return ROLE_DECIMAL;

    case TOKEN_DIGITS:
    default:
      return ROLE_INVALID;
    }
}

static gboolean
accumulate (guint64    *value,
            guint64     limit,
            const char *digits,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      guint64 d = (guint64)(digits[i] - '0');

      if (*value > (limit - d) / 10)
        return FALSE;
      *value = *value * 10 + d;
    }

  return TRUE;
}

/* Parses the bare number in [p, end). sep NULL means plain text. */
static gboolean
parse_number (const char        *text,
              const char        *p,
              const char        *end,
              int                scale,
              const char        *code,
              const Separators  *sep,
              gboolean           negative,
              gint64            *out,
              GError           **error)
{
  g_autofree Token *tokens = g_new (Token, (end - p) + 1);
  guint n_tokens = 0;
  guint i = 0;
  Role dot, comma;
  const Token *int_groups_first = NULL;
  guint n_int_groups = 0;
  const Token *frac = NULL;
  guint64 value = 0;
  /* G_MININT64 has one more unit than G_MAXINT64 */
  guint64 limit = negative ? (guint64)G_MAXINT64 + 1 : (guint64)G_MAXINT64;
  gsize frac_len;

  if (!tokenize (p, end, sep, tokens, &n_tokens) || n_tokens == 0)
    goto invalid;

  assign_roles (tokens, n_tokens, sep, &dot, &comma);

  /* digits (group digits)* [decimal [digits]], or decimal digits */
  if (tokens[0].kind == TOKEN_DIGITS)
    {
      int_groups_first = &tokens[0];
      n_int_groups = 1;
      i = 1;

      while (i < n_tokens && role_of (&tokens[i], dot, comma) == ROLE_GROUP)
        {
          if (i + 1 >= n_tokens || tokens[i + 1].kind != TOKEN_DIGITS)
            goto invalid;
          if (!is_group_size (sep, tokens[i + 1].len))
            goto invalid;
          n_int_groups++;
          i += 2;
        }

      /* "0.500" or "12345.678" cannot be grouped thousands */
      if (n_int_groups > 1 &&
          (tokens[0].len > (gsize)max_group_size (sep) || tokens[0].start[0] == '0'))
        goto invalid;
    }

  if (i < n_tokens)
    {
      if (role_of (&tokens[i], dot, comma) != ROLE_DECIMAL)
        goto invalid;
      i++;
      if (i < n_tokens && tokens[i].kind == TOKEN_DIGITS)
        frac = &tokens[i++];
    }

  if (i != n_tokens || (int_groups_first == NULL && frac == NULL))
    goto invalid;

  frac_len = frac != NULL ? frac->len : 0;
  for (gsize k = (gsize)scale; k < frac_len; k++)
    {
      if (frac->start[k] != '0')
        {
          set_precision (error, text, code, scale);
          return FALSE;
        }
    }
  frac_len = MIN (frac_len, (gsize)scale);

  for (guint g = 0; g < n_int_groups; g++)
    if (!accumulate (&value, limit, int_groups_first[2 * g].start, int_groups_first[2 * g].len))
      goto range;

  if (frac_len > 0 && !accumulate (&value, limit, frac->start, frac_len))
    goto range;

  for (gsize k = frac_len; k < (gsize)scale; k++)
    if (!accumulate (&value, limit, "0", 1))
      goto range;

  if (!negative)
    *out = (gint64)value;
  else if (value == (guint64)G_MAXINT64 + 1)
    *out = G_MININT64;
  else
    *out = -(gint64)value;
  return TRUE;

invalid:
  set_invalid (error, text, code != NULL);
  return FALSE;

range:
  set_range (error, text);
  return FALSE;
}

static gboolean
strip_sign (const char **p,
            const char  *end)
{
  gsize len;

  if (has_prefix_len (*p, end, "-", &len) ||
      has_prefix_len (*p, end, "\u2212", &len))  /* minus sign */
    {
      *p += len;
      return TRUE;
    }

  return FALSE;
}

static gboolean
strip_plus (const char **p,
            const char  *end)
{
  if (*p < end && **p == '+')
    {
      (*p)++;
      return TRUE;
    }

  return FALSE;
}

/* Matches the currency's code (any case) or symbol at the start or the end
 * of [*p, *end) and removes it. Whatever is glued to it ("USDX 5") is left
 * for the number parser to refuse. */
static gboolean
strip_currency (const char  **p,
                const char  **end,
                const char   *code,
                const char   *symbol,
                gboolean      at_end)
{
  /* the symbol first: "CLP$" starts with the code */
  const char *candidates[] = { symbol, code };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const char *c = candidates[i];
      gsize n;

      if (c == NULL || (n = strlen (c)) == 0 || (gsize)(*end - *p) < n)
        continue;

      if (!at_end && g_ascii_strncasecmp (*p, c, n) == 0)
        {
          *p += n;
          return TRUE;
        }

      if (at_end && g_ascii_strncasecmp (*end - n, c, n) == 0)
        {
          *end -= n;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
parse_amount (const char  *text,
              const char  *code,
              gboolean     plain,
              gint64      *out_minor,
              GError     **error)
{
  const CurrencyInfo *info = find_currency (code);
  const char *symbol = info != NULL ? info->symbol : NULL;
  int digits = info != NULL ? info->digits : 2;
  const char *p = text;
  const char *end = text + strlen (text);
  gboolean parens = FALSE;
  gboolean negative = FALSE;
  gboolean signed_ = FALSE;
  gboolean has_currency = FALSE;
  Separators sep;
  gint64 value;

  if (!g_utf8_validate (text, -1, NULL))
    goto invalid;

  trim (&p, &end);

  if (plain)
    {
      negative = strip_sign (&p, end);
      if (!parse_number (text, p, end, digits, code, NULL, negative, &value, error))
        return FALSE;
      if (out_minor != NULL)
        *out_minor = value;
      return TRUE;
    }

  /* "(Rp 5.000)" is how accountants write a negative amount */
  if (end - p >= 2 && *p == '(' && end[-1] == ')')
    {
      parens = negative = TRUE;
      p++, end--;
      trim (&p, &end);
    }

  /* Sign and currency may come in either order: "-Rp 5.000", "Rp -5.000" */
  for (guint round = 0; round < 2; round++)
    {
      if (!signed_ && strip_sign (&p, end))
        {
          signed_ = negative = TRUE;
          trim (&p, &end);
        }
      else if (!signed_ && strip_plus (&p, end))
        {
          signed_ = TRUE;
          trim (&p, &end);
        }
      if (!has_currency && strip_currency (&p, &end, code, symbol, FALSE))
        {
          has_currency = TRUE;
          trim (&p, &end);
        }
    }

  if (!has_currency && strip_currency (&p, &end, code, symbol, TRUE))
    trim (&p, &end);

  if (parens && signed_)
    goto invalid;

  get_separators (TRUE, &sep);
  if (!parse_number (text, p, end, digits, code, &sep, negative, &value, error))
    return FALSE;

  if (out_minor != NULL)
    *out_minor = value;
  return TRUE;

invalid:
  set_invalid (error, text, TRUE);
  return FALSE;
}

static gboolean
parse_decimal (const char  *text,
               int          scale,
               gboolean     plain,
               gint64      *out,
               GError     **error)
{
  const char *p = text;
  const char *end = text + strlen (text);
  gboolean negative;
  Separators sep;
  gint64 value;

  if (!g_utf8_validate (text, -1, NULL))
    {
      set_invalid (error, text, FALSE);
      return FALSE;
    }

  trim (&p, &end);
  negative = strip_sign (&p, end);
  if (!negative && !plain)
    strip_plus (&p, end);

  if (!plain)
    get_separators (FALSE, &sep);

  if (!parse_number (text, p, end, scale, NULL, plain ? NULL : &sep,
                     negative, &value, error))
    return FALSE;

  if (out != NULL)
    *out = value;
  return TRUE;
}

/*
 * Public API
 */

gboolean
crm_currency_is_known (const char *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  return find_currency (code) != NULL;
}

int
crm_currency_get_digits (const char *code)
{
  const CurrencyInfo *info;

  g_return_val_if_fail (code != NULL, 2);

  info = find_currency (code);
  return info != NULL ? info->digits : 2;
}

const char *
crm_currency_get_symbol (const char *code)
{
  const CurrencyInfo *info;

  g_return_val_if_fail (code != NULL, NULL);

  info = find_currency (code);
  return info != NULL ? info->symbol : NULL;
}

const char *
crm_currency_get_name (const char *code)
{
  const CurrencyInfo *info;

  g_return_val_if_fail (code != NULL, NULL);

  info = find_currency (code);
  return info != NULL ? _(info->name) : NULL;
}

/**
 * crm_currency_list_codes:
 *
 * Returns: (transfer none): the codes of the known currencies, sorted,
 *   %NULL-terminated
 */
const char * const *
crm_currency_list_codes (void)
{
  static const char *codes[G_N_ELEMENTS (currencies) + 1];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
        codes[i] = currencies[i].code;
      codes[G_N_ELEMENTS (currencies)] = NULL;
      g_once_init_leave (&initialized, 1);
    }

  return (const char * const *)codes;
}

/**
 * crm_money_format:
 * @minor: the amount in minor units of @code
 * @code: an ISO 4217 code; an unknown one shows as its own symbol with 2 digits
 *
 * Returns: (transfer full): display text such as "Rp 1.234.567" or "-$5.00",
 *   using the current locale's monetary separators
 */
char *
crm_money_format (gint64      minor,
                  const char *code)
{
  const char *symbol;
  Separators sep;

  g_return_val_if_fail (code != NULL, NULL);

  symbol = crm_currency_get_symbol (code);
  get_separators (TRUE, &sep);

  return format_scaled (minor, crm_currency_get_digits (code), FALSE, &sep,
                        symbol != NULL ? symbol : code);
}

/**
 * crm_money_format_plain:
 *
 * Returns: (transfer full): "1234.50", "-3.00" or "1234567": no symbol, no
 *   grouping, "." as decimal point whatever the locale
 */
char *
crm_money_format_plain (gint64      minor,
                        const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  return format_scaled (minor, crm_currency_get_digits (code), FALSE, NULL, NULL);
}

/**
 * crm_money_parse:
 * @text: what a user typed: "Rp 1.234.567", "1,234.50", "(5.00)", "-$5"
 * @code: the currency @text is in; only its symbol or code may appear
 * @out_minor: (out) (optional): the amount in minor units
 *
 * Separators follow the current locale when the text is ambiguous: under
 * id_ID "1.234" is one thousand two hundred and thirty-four, under C it is
 * one point two three four. Unambiguous forms ("1,234.50", "1.234,50",
 * "1234.50") are read the same in every locale.
 */
gboolean
crm_money_parse (const char  *text,
                 const char  *code,
                 gint64      *out_minor,
                 GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return parse_amount (text, code, FALSE, out_minor, error);
}

/**
 * crm_money_parse_plain:
 *
 * Reads back what crm_money_format_plain() wrote, whatever the locale:
 * optional "-", digits, optional "." and decimals. Nothing else.
 */
gboolean
crm_money_parse_plain (const char  *text,
                       const char  *code,
                       gint64      *out_minor,
                       GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return parse_amount (text, code, TRUE, out_minor, error);
}

/**
 * crm_decimal_format_plain:
 * @value: the number times 10^@scale
 * @scale: 0 to 18
 *
 * Returns: (transfer full): exactly @scale decimals: 12345 at scale 3 is
 *   "12.345", 2000 is "2.000"
 */
char *
crm_decimal_format_plain (gint64 value,
                          int    scale)
{
  g_return_val_if_fail (scale >= 0 && scale <= MAX_SCALE, NULL);

  return format_scaled (value, scale, FALSE, NULL, NULL);
}

/**
 * crm_decimal_format:
 *
 * Returns: (transfer full): the value with the locale's numeric separators
 *   and without trailing zero decimals: "1.5", "2", "1,234.25"
 */
char *
crm_decimal_format (gint64 value,
                    int    scale)
{
  Separators sep;

  g_return_val_if_fail (scale >= 0 && scale <= MAX_SCALE, NULL);

  get_separators (FALSE, &sep);
  return format_scaled (value, scale, TRUE, &sep, NULL);
}

/**
 * crm_decimal_parse:
 * @out: (out) (optional): the number times 10^@scale
 *
 * Same rules as crm_money_parse() with the locale's numeric separators,
 * without currency or parentheses.
 */
gboolean
crm_decimal_parse (const char  *text,
                   int          scale,
                   gint64      *out,
                   GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (scale >= 0 && scale <= MAX_SCALE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return parse_decimal (text, scale, FALSE, out, error);
}

gboolean
crm_decimal_parse_plain (const char  *text,
                         int          scale,
                         gint64      *out,
                         GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (scale >= 0 && scale <= MAX_SCALE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return parse_decimal (text, scale, TRUE, out, error);
}
