/* crm-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-query"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-query.h"
#include "crm-store-private.h"

/* A query is a module, a scope, criteria joined by AND or OR, and a sort.
 * It turns into SQL with every value bound as a parameter and every field
 * name checked against the module's metadata. */

typedef struct
{
  char        *field;
  CrmOperator  op;
  GVariant    *value;
  GVariant    *value2;
} Criterion;

struct _CrmQuery
{
  GObject   parent_instance;

  char     *module;
  GArray   *criteria;
  char     *sort_field;
  char     *column_field;   /* Kanban column: group field and value */
  char     *column_value;
  CrmScope  scope;
  guint     match_any : 1;
  guint     sort_descending : 1;
};

G_DEFINE_FINAL_TYPE (CrmQuery, crm_query, G_TYPE_OBJECT)

static const struct {
  const char *label;
  guint       n_values;
  const char *key;
} operators[CRM_N_OPS] = {
  [CRM_OP_IS]               = { N_("is"), 1, "is" },
  [CRM_OP_IS_NOT]           = { N_("isn’t"), 1, "is_not" },
  [CRM_OP_CONTAINS]         = { N_("contains"), 1, "contains" },
  [CRM_OP_NOT_CONTAINS]     = { N_("doesn’t contain"), 1, "not_contains" },
  [CRM_OP_STARTS_WITH]      = { N_("starts with"), 1, "starts_with" },
  [CRM_OP_ENDS_WITH]        = { N_("ends with"), 1, "ends_with" },
  [CRM_OP_IS_EMPTY]         = { N_("is empty"), 0, "empty" },
  [CRM_OP_IS_NOT_EMPTY]     = { N_("is not empty"), 0, "not_empty" },
  [CRM_OP_LESS]             = { N_("<"), 1, "lt" },
  [CRM_OP_LESS_OR_EQUAL]    = { N_("≤"), 1, "le" },
  [CRM_OP_GREATER]          = { N_(">"), 1, "gt" },
  [CRM_OP_GREATER_OR_EQUAL] = { N_("≥"), 1, "ge" },
  [CRM_OP_BETWEEN]          = { N_("between"), 2, "between" },
  [CRM_OP_NOT_BETWEEN]      = { N_("not between"), 2, "not_between" },
  [CRM_OP_TODAY]            = { N_("today"), 0, "today" },
  [CRM_OP_YESTERDAY]        = { N_("yesterday"), 0, "yesterday" },
  [CRM_OP_TOMORROW]         = { N_("tomorrow"), 0, "tomorrow" },
  [CRM_OP_THIS_WEEK]        = { N_("this week"), 0, "this_week" },
  [CRM_OP_LAST_WEEK]        = { N_("last week"), 0, "last_week" },
  [CRM_OP_NEXT_WEEK]        = { N_("next week"), 0, "next_week" },
  [CRM_OP_THIS_MONTH]       = { N_("this month"), 0, "this_month" },
  [CRM_OP_LAST_MONTH]       = { N_("last month"), 0, "last_month" },
  [CRM_OP_NEXT_MONTH]       = { N_("next month"), 0, "next_month" },
  [CRM_OP_LAST_N_DAYS]      = { N_("in the last … days"), 1, "last_n_days" },
  [CRM_OP_NEXT_N_DAYS]      = { N_("in the next … days"), 1, "next_n_days" },
  [CRM_OP_SELECTED]         = { N_("is selected"), 0, "selected" },
  [CRM_OP_NOT_SELECTED]     = { N_("is not selected"), 0, "not_selected" },
  [CRM_OP_CURRENT_USER]     = { N_("is the current user"), 0, "current_user" },
};

static const CrmOperator text_ops[] = {
  CRM_OP_IS, CRM_OP_IS_NOT, CRM_OP_CONTAINS, CRM_OP_NOT_CONTAINS, CRM_OP_STARTS_WITH,
  CRM_OP_ENDS_WITH, CRM_OP_IS_EMPTY, CRM_OP_IS_NOT_EMPTY,
};
static const CrmOperator number_ops[] = {
  CRM_OP_IS, CRM_OP_IS_NOT, CRM_OP_LESS, CRM_OP_LESS_OR_EQUAL, CRM_OP_GREATER,
  CRM_OP_GREATER_OR_EQUAL, CRM_OP_BETWEEN, CRM_OP_NOT_BETWEEN, CRM_OP_IS_EMPTY, CRM_OP_IS_NOT_EMPTY,
};
static const CrmOperator pick_ops[] = {
  CRM_OP_IS, CRM_OP_IS_NOT, CRM_OP_IS_EMPTY, CRM_OP_IS_NOT_EMPTY,
};
static const CrmOperator multi_ops[] = {
  CRM_OP_CONTAINS, CRM_OP_NOT_CONTAINS, CRM_OP_IS_EMPTY, CRM_OP_IS_NOT_EMPTY,
};
static const CrmOperator date_ops[] = {
  CRM_OP_IS, CRM_OP_IS_NOT, CRM_OP_LESS, CRM_OP_GREATER, CRM_OP_BETWEEN, CRM_OP_NOT_BETWEEN,
  CRM_OP_TODAY, CRM_OP_YESTERDAY, CRM_OP_TOMORROW, CRM_OP_THIS_WEEK, CRM_OP_LAST_WEEK,
  CRM_OP_NEXT_WEEK, CRM_OP_THIS_MONTH, CRM_OP_LAST_MONTH, CRM_OP_NEXT_MONTH,
  CRM_OP_LAST_N_DAYS, CRM_OP_NEXT_N_DAYS, CRM_OP_IS_EMPTY, CRM_OP_IS_NOT_EMPTY,
};
static const CrmOperator check_ops[] = { CRM_OP_SELECTED, CRM_OP_NOT_SELECTED };
static const CrmOperator owner_ops[] = { CRM_OP_IS, CRM_OP_IS_NOT, CRM_OP_CURRENT_USER, CRM_OP_IS_EMPTY, CRM_OP_IS_NOT_EMPTY };

const CrmOperator *
crm_operators_for_type (CrmFieldType  type,
                        guint        *n_ops)
{
#define RET(a) G_STMT_START { *n_ops = G_N_ELEMENTS (a); return a; } G_STMT_END
  switch (type)
    {
    case CRM_FIELD_TEXT: case CRM_FIELD_LONG_TEXT: case CRM_FIELD_EMAIL:
    case CRM_FIELD_PHONE: case CRM_FIELD_URL: case CRM_FIELD_AUTO_NUMBER:
      RET (text_ops);
    case CRM_FIELD_INTEGER: case CRM_FIELD_DECIMAL: case CRM_FIELD_CURRENCY: case CRM_FIELD_PERCENT:
      RET (number_ops);
    case CRM_FIELD_PICKLIST: case CRM_FIELD_LOOKUP:
      RET (pick_ops);
    case CRM_FIELD_MULTI_PICKLIST:
      RET (multi_ops);
    case CRM_FIELD_DATE: case CRM_FIELD_DATETIME:
      RET (date_ops);
    case CRM_FIELD_CHECKBOX:
      RET (check_ops);
    case CRM_FIELD_OWNER:
      RET (owner_ops);
    case CRM_N_FIELD_TYPES:
    default:
      *n_ops = 0;
      return NULL;
    }
#undef RET
}

const char *
crm_operator_get_label (CrmOperator op)
{
  g_return_val_if_fail (op < CRM_N_OPS, NULL);
  return _(operators[op].label);
}

guint
crm_operator_get_n_values (CrmOperator op)
{
  g_return_val_if_fail (op < CRM_N_OPS, 0);
  return operators[op].n_values;
}

const char *
crm_scope_get_label (CrmScope scope)
{
  switch (scope)
    {
    case CRM_SCOPE_ACTIVE: return _("All");
    case CRM_SCOPE_MINE: return _("Mine");
    case CRM_SCOPE_RECENTLY_CREATED: return _("Recently Created");
    case CRM_SCOPE_RECENTLY_MODIFIED: return _("Recently Modified");
    case CRM_SCOPE_CONVERTED: return _("Converted");
    case CRM_SCOPE_DELETED: return _("Recycle Bin");
    case CRM_N_SCOPES:
    default: return NULL;
    }
}

/*
 * GObject
 */

static void
criterion_clear (gpointer data)
{
  Criterion *c = data;

  g_free (c->field);
  g_clear_pointer (&c->value, g_variant_unref);
  g_clear_pointer (&c->value2, g_variant_unref);
}

static void
crm_query_finalize (GObject *object)
{
  CrmQuery *self = (CrmQuery *)object;

  g_free (self->module);
  g_free (self->sort_field);
  g_free (self->column_field);
  g_free (self->column_value);
  g_clear_pointer (&self->criteria, g_array_unref);

  G_OBJECT_CLASS (crm_query_parent_class)->finalize (object);
}

static void
crm_query_class_init (CrmQueryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_query_finalize;
}

static void
crm_query_init (CrmQuery *self)
{
  self->criteria = g_array_new (FALSE, TRUE, sizeof (Criterion));
  g_array_set_clear_func (self->criteria, criterion_clear);
}

CrmQuery *
crm_query_new (const char *module)
{
  CrmQuery *self = g_object_new (CRM_TYPE_QUERY, NULL);

  self->module = g_strdup (module);
  return self;
}

CrmQuery *
crm_query_copy (CrmQuery *self)
{
  CrmQuery *copy = crm_query_new (self->module);

  copy->scope = self->scope;
  copy->match_any = self->match_any;
  copy->sort_field = g_strdup (self->sort_field);
  copy->sort_descending = self->sort_descending;
  copy->column_field = g_strdup (self->column_field);
  copy->column_value = g_strdup (self->column_value);
  for (guint i = 0; i < self->criteria->len; i++)
    {
      Criterion *c = &g_array_index (self->criteria, Criterion, i);
      crm_query_add_criterion (copy, c->field, c->op, c->value, c->value2);
    }
  return copy;
}

const char *crm_query_get_module (CrmQuery *self) { return self->module; }
CrmScope crm_query_get_scope (CrmQuery *self) { return self->scope; }
void crm_query_set_scope (CrmQuery *self, CrmScope scope) { self->scope = scope; }
gboolean crm_query_get_match_any (CrmQuery *self) { return self->match_any; }
void crm_query_set_match_any (CrmQuery *self, gboolean match_any) { self->match_any = !!match_any; }
guint crm_query_get_n_criteria (CrmQuery *self) { return self->criteria->len; }
void crm_query_clear_criteria (CrmQuery *self) { g_array_set_size (self->criteria, 0); }
const char *crm_query_get_sort_field (CrmQuery *self) { return self->sort_field; }
gboolean crm_query_get_sort_descending (CrmQuery *self) { return self->sort_descending; }

void
crm_query_add_criterion (CrmQuery    *self,
                         const char  *field,
                         CrmOperator  op,
                         GVariant    *value,
                         GVariant    *value2)
{
  Criterion c = { g_strdup (field), op,
                  value ? g_variant_ref_sink (value) : NULL,
                  value2 ? g_variant_ref_sink (value2) : NULL };

  g_return_if_fail (op < CRM_N_OPS);
  g_array_append_val (self->criteria, c);
}

gboolean
crm_query_get_criterion (CrmQuery     *self,
                         guint         index,
                         const char  **field,
                         CrmOperator  *op,
                         GVariant    **value,
                         GVariant    **value2)
{
  Criterion *c;

  if (index >= self->criteria->len)
    return FALSE;
  c = &g_array_index (self->criteria, Criterion, index);
  if (field) *field = c->field;
  if (op) *op = c->op;
  if (value) *value = c->value;
  if (value2) *value2 = c->value2;
  return TRUE;
}

void
crm_query_set_sort (CrmQuery   *self,
                    const char *field,
                    gboolean    descending)
{
  g_free (self->sort_field);
  self->sort_field = g_strdup (field);
  self->sort_descending = !!descending;
}

gboolean
crm_query_equal (CrmQuery *a,
                 CrmQuery *b)
{
  g_autofree char *sa = crm_query_serialize (a);
  g_autofree char *sb = crm_query_serialize (b);

  return g_strcmp0 (a->module, b->module) == 0 && g_strcmp0 (sa, sb) == 0 &&
         g_strcmp0 (a->column_field, b->column_field) == 0 &&
         g_strcmp0 (a->column_value, b->column_value) == 0;
}

void
crm_query_set_column (CrmQuery   *self,
                      const char *group_field,
                      const char *value)
{
  g_return_if_fail (CRM_IS_QUERY (self));

  g_free (self->column_field);
  g_free (self->column_value);
  self->column_field = g_strdup (group_field);
  self->column_value = group_field != NULL && value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

const char *crm_query_get_column_field (CrmQuery *self) { return self->column_field; }
const char *crm_query_get_column_value (CrmQuery *self) { return self->column_value; }

/*
 * Serialization: a GVariant text "(uba(susmvmv)msb)".
 */

#define QUERY_FORMAT "(uba(sumvmv)msb)"

char *
crm_query_serialize (CrmQuery *self)
{
  GVariantBuilder criteria;
  g_autoptr(GVariant) v = NULL;

  g_variant_builder_init (&criteria, G_VARIANT_TYPE ("a(sumvmv)"));
  for (guint i = 0; i < self->criteria->len; i++)
    {
      Criterion *c = &g_array_index (self->criteria, Criterion, i);
      g_variant_builder_add (&criteria, "(sumvmv)", c->field, (guint32) c->op, c->value, c->value2);
    }
  v = g_variant_ref_sink (g_variant_new (QUERY_FORMAT, (guint32) self->scope, (gboolean) self->match_any,
                                         &criteria, self->sort_field, (gboolean) self->sort_descending));
  return g_variant_print (v, FALSE);
}

CrmQuery *
crm_query_deserialize (const char  *module,
                       const char  *text,
                       GError     **error)
{
  g_autoptr(GVariant) v = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  g_autoptr(CrmQuery) self = crm_query_new (module);
  g_autofree char *sort = NULL;
  guint32 scope;
  gboolean any, desc;
  const char *field;
  guint32 op;
  GVariant *value, *value2;

  if (text == NULL || *text == '\0')
    return g_steal_pointer (&self);

  v = g_variant_parse (G_VARIANT_TYPE (QUERY_FORMAT), text, NULL, NULL, error);
  if (v == NULL)
    return NULL;
  g_variant_get (v, QUERY_FORMAT, &scope, &any, &iter, &sort, &desc);
  if (scope >= CRM_N_SCOPES)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_FAILED, _("The saved view is damaged"));
      return NULL;
    }
  self->scope = scope;
  self->match_any = any;
  crm_query_set_sort (self, sort, desc);
  while (g_variant_iter_loop (iter, "(&sumvmv)", &field, &op, &value, &value2))
    {
      if (op >= CRM_N_OPS)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_FAILED, _("The saved view is damaged"));
          return NULL;
        }
      crm_query_add_criterion (self, field, op, value, value2);
    }
  return g_steal_pointer (&self);
}

/*
 * SQL
 */

static char *
escape_like (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; *s; s++)
    {
      if (*s == '%' || *s == '_' || *s == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *s);
    }
  return g_string_free (out, FALSE);
}

/* Inclusive [from, to) day range relative to today, local time. */
static void
relative_range (CrmOperator  op,
                gint64       n_days,
                GDateTime  **from,
                GDateTime  **to)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) week = g_date_time_add_days (today, 1 - g_date_time_get_day_of_week (today));
  g_autoptr(GDateTime) month = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now), 1, 0, 0, 0);

  switch (op)
    {
    case CRM_OP_TODAY: *from = g_date_time_ref (today); *to = g_date_time_add_days (today, 1); break;
    case CRM_OP_YESTERDAY: *from = g_date_time_add_days (today, -1); *to = g_date_time_ref (today); break;
    case CRM_OP_TOMORROW: *from = g_date_time_add_days (today, 1); *to = g_date_time_add_days (today, 2); break;
    case CRM_OP_THIS_WEEK: *from = g_date_time_ref (week); *to = g_date_time_add_weeks (week, 1); break;
    case CRM_OP_LAST_WEEK: *from = g_date_time_add_weeks (week, -1); *to = g_date_time_ref (week); break;
    case CRM_OP_NEXT_WEEK: *from = g_date_time_add_weeks (week, 1); *to = g_date_time_add_weeks (week, 2); break;
    case CRM_OP_THIS_MONTH: *from = g_date_time_ref (month); *to = g_date_time_add_months (month, 1); break;
    case CRM_OP_LAST_MONTH: *from = g_date_time_add_months (month, -1); *to = g_date_time_ref (month); break;
    case CRM_OP_NEXT_MONTH: *from = g_date_time_add_months (month, 1); *to = g_date_time_add_months (month, 2); break;
    case CRM_OP_LAST_N_DAYS: *from = g_date_time_add_days (today, -n_days); *to = g_date_time_add_days (today, 1); break;
    case CRM_OP_NEXT_N_DAYS: *from = g_date_time_ref (today); *to = g_date_time_add_days (today, n_days + 1); break;
    default: g_assert_not_reached ();
    }
}

static GVariant *
date_bound (CrmField  *field,
            GDateTime *dt)
{
  if (crm_field_get_field_type (field) == CRM_FIELD_DATETIME)
    return g_variant_ref_sink (g_variant_new_int64 (g_date_time_to_unix (dt)));
  return g_variant_ref_sink (g_variant_new_take_string (g_date_time_format (dt, "%Y-%m-%d")));
}

static gboolean
check_value (CrmField   *field,
             GVariant   *value,
             GError    **error)
{
  CrmStorage storage = crm_field_get_storage (field);

  if (value == NULL ||
      (storage == CRM_STORAGE_TEXT && !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING)) ||
      (storage == CRM_STORAGE_INT && !g_variant_is_of_type (value, G_VARIANT_TYPE_INT64)))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("%s: the filter needs a value"),
                   crm_field_get_label (field));
      return FALSE;
    }
  return TRUE;
}

static gboolean
append_criterion (GString    *sql,
                  CrmStore   *store,
                  CrmField   *field,
                  Criterion  *c,
                  GPtrArray  *params,
                  GError    **error)
{
  const char *col = crm_field_get_api_name (field);
  gboolean text = crm_field_get_storage (field) == CRM_STORAGE_TEXT;
  const char *nocase = text ? " COLLATE NOCASE" : "";
  guint n_ops = 0;
  const CrmOperator *allowed = crm_operators_for_type (crm_field_get_field_type (field), &n_ops);
  gboolean ok = FALSE;

  for (guint i = 0; i < n_ops; i++)
    ok |= allowed[i] == c->op;
  if (!ok)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("%s cannot be filtered with “%s”"),
                   crm_field_get_label (field), crm_operator_get_label (c->op));
      return FALSE;
    }

  switch (c->op)
    {
    case CRM_OP_IS:
    case CRM_OP_IS_NOT:
      if (!check_value (field, c->value, error))
        return FALSE;
      if (c->op == CRM_OP_IS)
        g_string_append_printf (sql, "\"%s\" = ?%s", col, nocase);
      else
        g_string_append_printf (sql, "(\"%s\" IS NULL OR \"%s\" != ?%s)", col, col, nocase);
      g_ptr_array_add (params, g_variant_ref (c->value));
      break;

    case CRM_OP_CONTAINS:
    case CRM_OP_NOT_CONTAINS:
    case CRM_OP_STARTS_WITH:
    case CRM_OP_ENDS_WITH:
      {
        g_autofree char *escaped = NULL;
        g_autofree char *pattern = NULL;

        if (!check_value (field, c->value, error))
          return FALSE;
        escaped = escape_like (g_variant_get_string (c->value, NULL));
        pattern = g_strdup_printf ("%s%s%s",
                                   c->op == CRM_OP_STARTS_WITH ? "" : "%", escaped,
                                   c->op == CRM_OP_ENDS_WITH ? "" : "%");
        if (c->op == CRM_OP_NOT_CONTAINS)
          g_string_append_printf (sql, "(\"%s\" IS NULL OR \"%s\" NOT LIKE ? ESCAPE '\\')", col, col);
        else
          g_string_append_printf (sql, "\"%s\" LIKE ? ESCAPE '\\'", col);
        g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (pattern)));
        break;
      }

    case CRM_OP_IS_EMPTY:
      g_string_append_printf (sql, text ? "(\"%s\" IS NULL OR \"%s\" = '')" : "(\"%s\" IS NULL)", col, col);
      break;
    case CRM_OP_IS_NOT_EMPTY:
      g_string_append_printf (sql, text ? "(\"%s\" IS NOT NULL AND \"%s\" != '')" : "(\"%s\" IS NOT NULL)", col, col);
      break;

    case CRM_OP_LESS:
    case CRM_OP_LESS_OR_EQUAL:
    case CRM_OP_GREATER:
    case CRM_OP_GREATER_OR_EQUAL:
      {
        const char *sym = c->op == CRM_OP_LESS ? "<" : c->op == CRM_OP_LESS_OR_EQUAL ? "<=" :
                          c->op == CRM_OP_GREATER ? ">" : ">=";
        if (!check_value (field, c->value, error))
          return FALSE;
        g_string_append_printf (sql, "\"%s\" %s ?", col, sym);
        g_ptr_array_add (params, g_variant_ref (c->value));
        break;
      }

    case CRM_OP_BETWEEN:
    case CRM_OP_NOT_BETWEEN:
      if (!check_value (field, c->value, error) || !check_value (field, c->value2, error))
        return FALSE;
      g_string_append_printf (sql, c->op == CRM_OP_BETWEEN ? "\"%s\" BETWEEN ? AND ?"
                                                            : "(\"%s\" IS NULL OR \"%s\" NOT BETWEEN ? AND ?)",
                              col, col);
      g_ptr_array_add (params, g_variant_ref (c->value));
      g_ptr_array_add (params, g_variant_ref (c->value2));
      break;

    case CRM_OP_TODAY: case CRM_OP_YESTERDAY: case CRM_OP_TOMORROW:
    case CRM_OP_THIS_WEEK: case CRM_OP_LAST_WEEK: case CRM_OP_NEXT_WEEK:
    case CRM_OP_THIS_MONTH: case CRM_OP_LAST_MONTH: case CRM_OP_NEXT_MONTH:
    case CRM_OP_LAST_N_DAYS: case CRM_OP_NEXT_N_DAYS:
      {
        g_autoptr(GDateTime) from = NULL;
        g_autoptr(GDateTime) to = NULL;
        gint64 n = 0;

        if (c->op == CRM_OP_LAST_N_DAYS || c->op == CRM_OP_NEXT_N_DAYS)
          {
            if (c->value == NULL || !g_variant_is_of_type (c->value, G_VARIANT_TYPE_INT64))
              {
                g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("%s: the filter needs a number of days"),
                             crm_field_get_label (field));
                return FALSE;
              }
            n = CLAMP (g_variant_get_int64 (c->value), 0, 36500);
          }
        relative_range (c->op, n, &from, &to);
        g_string_append_printf (sql, "(\"%s\" >= ? AND \"%s\" < ?)", col, col);
        g_ptr_array_add (params, date_bound (field, from));
        g_ptr_array_add (params, date_bound (field, to));
        break;
      }

    case CRM_OP_SELECTED:
      g_string_append_printf (sql, "\"%s\" = 1", col);
      break;
    case CRM_OP_NOT_SELECTED:
      g_string_append_printf (sql, "coalesce(\"%s\", 0) = 0", col);
      break;
    case CRM_OP_CURRENT_USER:
      g_string_append_printf (sql, "\"%s\" = ?", col);
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_int64 (crm_store_get_current_user (store))));
      break;

    case CRM_N_OPS:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

char *
crm_query_build_where (CrmQuery    *self,
                       CrmStore    *store,
                       GPtrArray  **params_out,
                       GError     **error)
{
  CrmModule *module = crm_store_get_module (store, self->module);
  g_autoptr(GString) sql = NULL;
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

  if (module == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"), self->module);
      return NULL;
    }

  sql = g_string_new (NULL);
  g_string_printf (sql, "FROM \"%s\" WHERE ", crm_module_get_table (module));

  switch (self->scope)
    {
    case CRM_SCOPE_DELETED:
      g_string_append (sql, "deleted_at IS NOT NULL");
      break;
    case CRM_SCOPE_MINE:
      g_string_append (sql, "deleted_at IS NULL AND owner_id = ?");
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_int64 (crm_store_get_current_user (store))));
      break;
    case CRM_SCOPE_RECENTLY_CREATED:
    case CRM_SCOPE_RECENTLY_MODIFIED:
      g_string_append_printf (sql, "deleted_at IS NULL AND %s >= ?",
                              self->scope == CRM_SCOPE_RECENTLY_CREATED ? "created_at" : "modified_at");
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_int64 (_crm_store_now () - 30 * 24 * 3600)));
      break;
    case CRM_SCOPE_CONVERTED:
      if (crm_module_get_field (module, "converted") == NULL)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("%s cannot be converted"),
                       crm_module_get_plural (module));
          return NULL;
        }
      g_string_append (sql, "deleted_at IS NULL AND converted = 1");
      break;
    case CRM_SCOPE_ACTIVE:
    case CRM_N_SCOPES:
    default:
      g_string_append (sql, "deleted_at IS NULL");
      break;
    }

  if (self->criteria->len > 0)
    {
      g_string_append (sql, " AND (");
      for (guint i = 0; i < self->criteria->len; i++)
        {
          Criterion *c = &g_array_index (self->criteria, Criterion, i);
          CrmField *field = crm_module_get_field (module, c->field);

          if (field == NULL)
            {
              g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("%s have no field “%s”"),
                           crm_module_get_plural (module), c->field ? c->field : "");
              return NULL;
            }
          if (i > 0)
            g_string_append (sql, self->match_any ? " OR " : " AND ");
          g_string_append_c (sql, '(');
          if (!append_criterion (sql, store, field, c, params, error))
            return NULL;
          g_string_append_c (sql, ')');
        }
      g_string_append_c (sql, ')');
    }

  if (self->column_field != NULL)
    {
      CrmField *field = crm_module_get_field (module, self->column_field);

      if (field == NULL || crm_field_get_field_type (field) != CRM_FIELD_PICKLIST)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("%s cannot be grouped by “%s”"),
                       crm_module_get_plural (module), self->column_field);
          return NULL;
        }
      /* NOCASE matches the field's index, as the IS operator does. */
      if (self->column_value != NULL)
        {
          g_string_append_printf (sql, " AND \"%s\" = ? COLLATE NOCASE", self->column_field);
          g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (self->column_value)));
        }
      else
        g_string_append_printf (sql, " AND (\"%s\" IS NULL OR \"%s\" = '')", self->column_field, self->column_field);
    }

  if (params_out)
    *params_out = g_steal_pointer (&params);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

char *
crm_query_build_order (CrmQuery *self,
                       CrmStore *store)
{
  CrmModule *module = crm_store_get_module (store, self->module);
  CrmField *field = NULL;
  const char *dir = self->sort_descending ? "DESC" : "ASC";

  /* A column keeps the board's manual order. The names are checked
   * identifiers ([a-z0-9_]), so they can be literals here. */
  if (module != NULL && self->column_field != NULL &&
      crm_module_get_field (module, self->column_field) != NULL)
    return g_strdup_printf ("ORDER BY coalesce((SELECT position FROM kanban_positions "
                            "WHERE module = '%s' AND group_field = '%s' AND record_id = \"%s\".id), "
                            "-\"%s\".id * %d), id",
                            crm_module_get_api_name (module), self->column_field,
                            crm_module_get_table (module), crm_module_get_table (module),
                            CRM_KANBAN_POSITION_GAP);

  if (module != NULL && self->sort_field != NULL)
    field = crm_module_get_field (module, self->sort_field);

  if (field == NULL)
    {
      /* The recycle bin and the "recent" views read newest first. */
      switch (self->scope)
        {
        case CRM_SCOPE_DELETED: return g_strdup ("ORDER BY deleted_at DESC, id DESC");
        case CRM_SCOPE_RECENTLY_CREATED: return g_strdup ("ORDER BY created_at DESC, id DESC");
        case CRM_SCOPE_RECENTLY_MODIFIED: return g_strdup ("ORDER BY modified_at DESC, id DESC");
        default: return g_strdup_printf ("ORDER BY id %s", dir);
        }
    }

  /* Matches the index (column COLLATE NOCASE, id) so the sort is a walk. */
  return g_strdup_printf ("ORDER BY \"%s\"%s %s, id %s", crm_field_get_api_name (field),
                          crm_field_get_storage (field) == CRM_STORAGE_TEXT ? " COLLATE NOCASE" : "",
                          dir, dir);
}

static char *
ids_sql (CrmStore   *store,
         CrmQuery   *query,
         GPtrArray **params,
         GError    **error)
{
  g_autofree char *where = crm_query_build_where (query, store, params, error);
  g_autofree char *order = NULL;

  if (where == NULL)
    return NULL;
  order = crm_query_build_order (query, store);
  return g_strdup_printf ("SELECT id %s %s", where, order);
}

/* Steps until `limit` ids are read or the rows end; SQLITE_ROW means
 * there were more. */
static int
step_ids (sqlite3_stmt *stmt,
          GArray       *ids,
          guint         limit)
{
  int rc;

  while (ids->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (ids->len < limit)
    return rc;
  /* One more step tells whether that was all. */
  return sqlite3_step (stmt);
}

GArray *
crm_store_query_first_ids (CrmStore  *store,
                           CrmQuery  *query,
                           guint      limit,
                           gboolean  *complete,
                           GError   **error)
{
  g_autoptr(GPtrArray) params = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GArray) ids = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (CRM_IS_QUERY (query), NULL);

  /* A Kanban column merges its manual order in C: always whole. */
  if (query->column_field != NULL)
    {
      if (complete != NULL)
        *complete = TRUE;
      return _crm_kanban_query_ids (store, query, error);
    }
  sql = ids_sql (store, query, &params, error);
  if (sql == NULL)
    return NULL;
  stmt = crm_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < params->len; i++)
    _crm_bind_variant (stmt, i + 1, g_ptr_array_index (params, i));

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MIN (limit, 1024));
  rc = step_ids (stmt, ids, limit);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      crm_store_set_sqlite_error (store, error);
      return NULL;
    }
  if (complete != NULL)
    *complete = rc == SQLITE_DONE;
  return g_steal_pointer (&ids);
}

GArray *
crm_store_query_ids (CrmStore  *store,
                     CrmQuery  *query,
                     GError   **error)
{
  return crm_store_query_first_ids (store, query, G_MAXUINT, NULL, error);
}

/*
 * The same on a worker thread. It opens a read-only connection of its
 * own (WAL lets it read while the main connection writes), so nothing of
 * the store is touched off the main thread: the SQL and its values are
 * made here and handed over.
 */

typedef struct
{
  char      *path;
  char      *sql;
  GPtrArray *params;
} IdsJob;

static void
ids_job_free (IdsJob *job)
{
  g_free (job->path);
  g_free (job->sql);
  g_clear_pointer (&job->params, g_ptr_array_unref);
  g_free (job);
}

static void
ids_thread (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  IdsJob *job = data;
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1 << 16);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_open_v2 (job->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      rc = sqlite3_prepare_v2 (db, job->sql, -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    {
      for (guint i = 0; i < job->params->len; i++)
        _crm_bind_variant (stmt, i + 1, g_ptr_array_index (job->params, i));
      /* In slices, so that a cancelled load stops soon. */
      while ((rc = step_ids (stmt, ids, ids->len + 65536)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
          if (g_cancellable_is_cancelled (cancellable))
            break;
        }
    }

  if (g_cancellable_is_cancelled (cancellable))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
  else if (rc != SQLITE_DONE)
    g_task_return_new_error (task, CRM_ERROR, CRM_ERROR_DATABASE, "%s",
                             db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else
    g_task_return_pointer (task, g_steal_pointer (&ids), (GDestroyNotify) g_array_unref);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

gboolean
crm_store_query_ids_async (CrmStore            *store,
                           CrmQuery            *query,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data,
                           GError             **error)
{
  const char *path = crm_store_get_path (store);
  g_autoptr(GPtrArray) params = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GTask) task = NULL;
  IdsJob *job;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (CRM_IS_QUERY (query), FALSE);

  if (path == NULL || *path == '\0' || g_str_equal (path, ":memory:") || query->column_field != NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_DATABASE, "An in-memory database has no second connection");
      return FALSE;
    }
  sql = ids_sql (store, query, &params, error);
  if (sql == NULL)
    return FALSE;

  job = g_new0 (IdsJob, 1);
  job->path = g_strdup (path);
  job->sql = g_steal_pointer (&sql);
  job->params = g_steal_pointer (&params);
  /* No source object: the last reference to a task may go in the worker
   * thread, and the store must only ever die on the main thread. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_store_query_ids_async);
  g_task_set_task_data (task, job, (GDestroyNotify) ids_job_free);
  g_task_run_in_thread (task, ids_thread);
  return TRUE;
}

GArray *
crm_store_query_ids_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == crm_store_query_ids_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
crm_store_query_matches (CrmStore  *store,
                         CrmQuery  *query,
                         gint64     id,
                         GError   **error)
{
  g_autoptr(GPtrArray) params = NULL;
  g_autofree char *where = crm_query_build_where (query, store, &params, error);
  g_autofree char *sql = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;

  if (where == NULL)
    return FALSE;
  sql = g_strdup_printf ("SELECT 1 %s AND id = ?", where);
  stmt = crm_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < params->len; i++)
    _crm_bind_variant (stmt, i + 1, g_ptr_array_index (params, i));
  sqlite3_bind_int64 (stmt, params->len + 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}
