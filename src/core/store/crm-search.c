/* crm-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-search"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-search.h"
#include "crm-store-private.h"

/* One FTS5 table indexes every module. Its rowid is (module id << 40) | record
 * id, so that a write replaces its row by key and a search can ask one
 * module's rowid range. Phone numbers go in as digit strings under several
 * prefixes (with and without the country code or trunk zero) because people
 * type them every which way. */

#define ROWID(module_id, id) (((module_id) << 40) | (id))

void
crm_search_hit_free (CrmSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->module);
  g_free (hit->title);
  g_free (hit);
}

static char *
digits_of (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; s && *s; s++)
    if (g_ascii_isdigit (*s))
      g_string_append_c (out, *s);
  return g_string_free (out, FALSE);
}

char *
crm_search_phone_terms (const char *phone)
{
  g_autofree char *digits = digits_of (phone);
  GString *out;
  const char *p;
  gboolean international;

  if (strlen (digits) < 3)
    return g_strdup ("");

  out = g_string_new (digits);
  p = phone;
  while (*p == ' ' || *p == '(')
    p++;
  international = p[0] == '+' || g_str_has_prefix (p, "00");

  if (international)
    {
      /* The country code is one to three digits; index each cut. */
      const char *national = g_str_has_prefix (p, "00") ? digits + 2 : digits;
      for (guint k = 1; k <= 3 && strlen (national) > k + 3; k++)
        g_string_append_printf (out, " %s", national + k);
    }
  else
    {
      const char *q = digits;
      while (*q == '0')
        q++;
      if (q != digits && *q)
        g_string_append_printf (out, " %s", q);
    }
  return g_string_free (out, FALSE);
}

static void
append_term (GString    *match,
             const char *term)
{
  if (match->len > 0)
    g_string_append_c (match, ' ');
  /* Quoted, so FTS5 operators in the input are plain text. Terms are
   * letters and digits only, so no quote can occur inside. */
  g_string_append_printf (match, "\"%s\"*", term);
}

char *
crm_search_build_match (const char *text)
{
  GString *match = g_string_new (NULL);
  GString *word = g_string_new (NULL);
  GString *digits = g_string_new (NULL);
  gboolean digits_open = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    text = "";

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean end = (c == 0);

      if (!end && g_unichar_isalnum (c) && !(c < 128 && g_ascii_isdigit (c) && word->len == 0))
        {
          if (c < 128 && g_ascii_isdigit (c) && word->len > 0)
            {
              g_string_append_unichar (word, c);
              continue;
            }
          if (g_unichar_isdigit (c))
            goto digit;
          /* a letter ends a number */
          if (digits_open)
            {
              const char *d = digits->str;
              while (*d == '0' && d[1])
                d++;
              append_term (match, d);
              g_string_truncate (digits, 0);
              digits_open = FALSE;
            }
          g_string_append_unichar (word, c);
          continue;
        }

      if (!end && c < 128 && g_ascii_isdigit (c))
        {
        digit:
          g_string_append_c (digits, (char) c);
          digits_open = TRUE;
          continue;
        }

      /* A separator: end the word; a number may go on across spaces,
       * dashes, dots and brackets. */
      if (word->len > 0)
        {
          append_term (match, word->str);
          g_string_truncate (word, 0);
        }
      if (digits_open && (end || !(c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '+')))
        {
          const char *d = digits->str;
          while (*d == '0' && d[1])
            d++;
          append_term (match, d);
          g_string_truncate (digits, 0);
          digits_open = FALSE;
        }
      if (end)
        break;
    }

  g_string_free (word, TRUE);
  g_string_free (digits, TRUE);
  if (match->len == 0)
    {
      g_string_free (match, TRUE);
      return NULL;
    }
  return g_string_free (match, FALSE);
}

/*
 * Indexing
 */

static char *
build_terms (CrmStore  *self,
             CrmRecord *record)
{
  CrmModule *module = crm_record_get_module (record);
  GPtrArray *fields = crm_module_get_fields (module);
  GString *terms = g_string_new (NULL);

  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      GVariant *value;
      g_autofree char *text = NULL;

      if (!crm_field_has_flag (field, CRM_FIELD_FLAG_SEARCHABLE))
        continue;
      value = crm_record_get_value (record, crm_field_get_api_name (field));
      if (value == NULL)
        continue;

      if (crm_field_get_field_type (field) == CRM_FIELD_PHONE)
        text = crm_search_phone_terms (g_variant_get_string (value, NULL));
      else if (crm_field_get_field_type (field) == CRM_FIELD_LOOKUP)
        text = crm_store_format_value (self, field, value);
      else
        text = crm_field_format_plain (field, value);

      if (text != NULL && *text != '\0')
        {
          if (terms->len > 0)
            g_string_append_c (terms, ' ');
          g_string_append (terms, text);
        }
    }
  return g_string_free (terms, FALSE);
}

gboolean
_crm_search_index_record (CrmStore   *self,
                          CrmRecord  *record,
                          GError    **error)
{
  CrmModule *module = crm_record_get_module (record);
  g_autofree char *title = crm_record_dup_title (record);
  g_autofree char *terms = build_terms (self, record);
  crm_autoreset sqlite3_stmt *stmt = NULL;

  if (!_crm_search_remove_record (self, module, crm_record_get_id (record), error))
    return FALSE;

  stmt = crm_store_prepare (self,
                            "INSERT INTO search_index (rowid, module, record_id, title, terms) VALUES (?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ROWID (crm_module_get_id (module), crm_record_get_id (record)));
  sqlite3_bind_text (stmt, 2, crm_module_get_api_name (module), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, crm_record_get_id (record));
  sqlite3_bind_text (stmt, 4, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, terms, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_crm_search_remove_record (CrmStore   *self,
                           CrmModule  *module,
                           gint64      id,
                           GError    **error)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (self, "DELETE FROM search_index WHERE rowid = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ROWID (crm_module_get_id (module), id));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/*
 * Bulk rebuild: one INSERT ... SELECT per module, with the phone variants
 * computed by an SQL function that calls crm_search_phone_terms(), so both
 * paths index the same terms.
 */

static void
phone_terms_sql (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  const char *phone = (const char *) sqlite3_value_text (argv[0]);
  char *terms;

  if (phone == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  terms = crm_search_phone_terms (phone);
  sqlite3_result_text (context, terms, -1, g_free);
}

static char *
terms_sql (CrmStore  *self,
           CrmModule *module)
{
  GPtrArray *fields = crm_module_get_fields (module);
  GString *expr = g_string_new ("trim(''");

  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      const char *col = crm_field_get_api_name (field);

      if (!crm_field_has_flag (field, CRM_FIELD_FLAG_SEARCHABLE))
        continue;
      switch (crm_field_get_field_type (field))
        {
        case CRM_FIELD_PHONE:
          g_string_append_printf (expr, " || ' ' || coalesce(crm_phone_terms(\"%s\"), '')", col);
          break;
        case CRM_FIELD_LOOKUP:
          {
            CrmModule *target = crm_store_get_module (self, crm_field_get_lookup_module (field));
            const char * const *tf = target ? crm_module_get_title_fields (target) : NULL;
            if (tf == NULL || tf[0] == NULL)
              break;
            g_string_append_printf (expr, " || ' ' || coalesce((SELECT ");
            for (guint k = 0; tf[k]; k++)
              g_string_append_printf (expr, "%scoalesce(l.\"%s\", '')", k ? " || ' ' || " : "", tf[k]);
            g_string_append_printf (expr, " FROM \"%s\" l WHERE l.id = t.\"%s\"), '')",
                                    crm_module_get_table (target), col);
            break;
          }
        default:
          g_string_append_printf (expr, " || ' ' || coalesce(\"%s\", '')", col);
          break;
        }
    }
  g_string_append (expr, ")");
  return g_string_free (expr, FALSE);
}

static char *
title_sql (CrmModule *module)
{
  const char * const *tf = crm_module_get_title_fields (module);
  GString *expr = g_string_new ("trim(''");

  for (guint k = 0; tf[k]; k++)
    g_string_append_printf (expr, " || ' ' || coalesce(t.\"%s\", '')", tf[k]);
  g_string_append (expr, ")");
  return g_string_free (expr, FALSE);
}

gboolean
crm_store_rebuild_search (CrmStore    *self,
                          const char  *module_name,
                          GError     **error)
{
  GPtrArray *modules = crm_store_get_modules (self);
  sqlite3 *db = crm_store_get_db (self);

  if (sqlite3_create_function (db, "crm_phone_terms", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                               NULL, phone_terms_sql, NULL, NULL) != SQLITE_OK)
    {
      crm_store_set_sqlite_error (self, error);
      return FALSE;
    }

  if (!crm_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < modules->len; i++)
    {
      CrmModule *module = g_ptr_array_index (modules, i);
      gint64 mid = crm_module_get_id (module);
      g_autofree char *terms = NULL;
      g_autofree char *title = NULL;
      g_autofree char *sql = NULL;

      if (module_name != NULL && !g_str_equal (module_name, crm_module_get_api_name (module)))
        continue;

      terms = terms_sql (self, module);
      title = title_sql (module);
      sql = g_strdup_printf ("DELETE FROM search_index WHERE rowid >= %" G_GINT64_FORMAT " AND rowid < %" G_GINT64_FORMAT ";"
                             "INSERT INTO search_index (rowid, module, record_id, title, terms) "
                             "SELECT (%" G_GINT64_FORMAT " << 40) | t.id, '%s', t.id, %s, %s FROM \"%s\" t "
                             "WHERE t.deleted_at IS NULL;",
                             ROWID (mid, 0), ROWID (mid + 1, 0), mid,
                             crm_module_get_api_name (module), title, terms, crm_module_get_table (module));
      if (!crm_store_exec (self, sql, error))
        {
          crm_store_rollback (self);
          return FALSE;
        }
    }

  return crm_store_commit (self, error);
}

/* Records an import created (import_batch = batch, id above after_id), in
 * one statement: the same terms as the rebuild, for those rows only, so
 * that importing into a big module does not re-index what was there. */
gboolean
_crm_search_index_batch (CrmStore    *self,
                         CrmModule   *module,
                         gint64       batch,
                         gint64       after_id,
                         GError     **error)
{
  gint64 mid = crm_module_get_id (module);
  const char *table = crm_module_get_table (module);
  g_autofree char *terms = NULL;
  g_autofree char *title = NULL;
  g_autofree char *sql = NULL;

  if (sqlite3_create_function (crm_store_get_db (self), "crm_phone_terms", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                               NULL, phone_terms_sql, NULL, NULL) != SQLITE_OK)
    {
      crm_store_set_sqlite_error (self, error);
      return FALSE;
    }

  terms = terms_sql (self, module);
  title = title_sql (module);
  /* A row created and then updated by the same import is indexed already. */
  sql = g_strdup_printf ("DELETE FROM search_index WHERE rowid IN "
                         "(SELECT (%" G_GINT64_FORMAT " << 40) | id FROM \"%s\" "
                         "WHERE import_batch = %" G_GINT64_FORMAT " AND id > %" G_GINT64_FORMAT ");"
                         "INSERT INTO search_index (rowid, module, record_id, title, terms) "
                         "SELECT (%" G_GINT64_FORMAT " << 40) | t.id, '%s', t.id, %s, %s FROM \"%s\" t "
                         "WHERE t.import_batch = %" G_GINT64_FORMAT " AND t.id > %" G_GINT64_FORMAT
                         " AND t.deleted_at IS NULL;",
                         mid, table, batch, after_id,
                         mid, crm_module_get_api_name (module), title, terms, table, batch, after_id);
  return crm_store_exec (self, sql, error);
}

/*
 * Querying
 */

GPtrArray *
crm_store_search (CrmStore    *self,
                  const char  *text,
                  guint        per_module,
                  GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_search_hit_free);
  g_autofree char *match = crm_search_build_match (text);
  GPtrArray *modules = crm_store_get_modules (self);
  crm_autoreset sqlite3_stmt *stmt = NULL;

  if (match == NULL)
    return g_steal_pointer (&hits);

  /* No ORDER BY rank: ranking a large match set costs far more than it
   * gives (PERFORMANCE.md, T4). Within a module, hits come in id order. */
  stmt = crm_store_prepare (self,
                            "SELECT record_id, title FROM search_index WHERE search_index MATCH ?1 "
                            "AND rowid >= ?2 AND rowid < ?3 LIMIT ?4",
                            error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < modules->len; i++)
    {
      CrmModule *module = g_ptr_array_index (modules, i);
      gint64 mid = crm_module_get_id (module);
      int rc;

      if (crm_module_is_hidden (module))
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, ROWID (mid, 0));
      sqlite3_bind_int64 (stmt, 3, ROWID (mid + 1, 0));
      sqlite3_bind_int (stmt, 4, per_module);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          CrmSearchHit *hit = g_new0 (CrmSearchHit, 1);
          hit->module = g_strdup (crm_module_get_api_name (module));
          hit->id = sqlite3_column_int64 (stmt, 0);
          hit->title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          g_ptr_array_add (hits, hit);
        }
      if (rc != SQLITE_DONE)
        {
          crm_store_set_sqlite_error (self, error);
          return NULL;
        }
    }
  return g_steal_pointer (&hits);
}
