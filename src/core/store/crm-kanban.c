/* crm-kanban.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-kanban"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-kanban.h"
#include "crm-store-private.h"

/* Kanban boards: column totals in one GROUP BY, moves as one change set
 * (the field through crm_store_save_record, the card's place in
 * kanban_positions with an undo row in kanban_moves), and the board and
 * card settings kept in the settings table. */

/* The position of a card: its row, or its implicit place by id. */
#define KEY_SQL "coalesce(kp.position, -t.id * " G_STRINGIFY (CRM_KANBAN_POSITION_GAP) ")"

void
crm_kanban_group_free (CrmKanbanGroup *column)
{
  if (column == NULL)
    return;
  g_free (column->value);
  g_free (column);
}

static CrmKanbanGroup *
column_new (const char *value,
            gboolean    known)
{
  CrmKanbanGroup *column = g_new0 (CrmKanbanGroup, 1);

  column->value = g_strdup (value);
  column->known = known;
  return column;
}

static CrmField *
require_field (CrmStore      *store,
               const char    *module_name,
               const char    *field_name,
               CrmFieldType   type,
               CrmModule    **module_out,
               GError       **error)
{
  CrmModule *module = crm_store_get_module (store, module_name);
  CrmField *field;

  if (module == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"),
                   module_name ? module_name : "");
      return NULL;
    }
  field = field_name ? crm_module_get_field (module, field_name) : NULL;
  if (field == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("%s have no field “%s”"),
                   crm_module_get_plural (module), field_name ? field_name : "");
      return NULL;
    }
  if (crm_field_get_field_type (field) != type)
    {
      if (type == CRM_FIELD_PICKLIST)
        g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                     _("%s is not a pick list: a board groups by pick lists only"), crm_field_get_label (field));
      else
        g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                     _("%s is not a currency field"), crm_field_get_label (field));
      return NULL;
    }
  if (module_out)
    *module_out = module;
  return field;
}

static gboolean
is_empty (const char *value)
{
  return value == NULL || *value == '\0';
}

/*
 * Columns and totals
 */

gboolean
crm_kanban_has_weighted_sum (CrmStore   *store,
                             const char *module_name,
                             const char *sum_field)
{
  CrmModule *module = crm_store_get_module (store, module_name);
  CrmField *probability;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (module == NULL || sum_field == NULL || g_str_equal (sum_field, "expected_revenue"))
    return FALSE;
  probability = crm_module_get_field (module, "probability");
  return probability != NULL && crm_field_get_field_type (probability) == CRM_FIELD_PERCENT &&
         crm_module_get_field (module, sum_field) != NULL;
}

static CrmKanbanGroup *
find_column (GPtrArray  *columns,
             const char *value)
{
  for (guint i = 0; i < columns->len; i++)
    {
      CrmKanbanGroup *column = g_ptr_array_index (columns, i);

      if (is_empty (value) ? column->value == NULL
                           : column->value != NULL && g_ascii_strcasecmp (column->value, value) == 0)
        return column;
    }
  return NULL;
}

static int
compare_columns (gconstpointer a,
                 gconstpointer b)
{
  const CrmKanbanGroup *ca = *(CrmKanbanGroup **) a;
  const CrmKanbanGroup *cb = *(CrmKanbanGroup **) b;

  return g_utf8_collate (ca->value, cb->value);
}

GPtrArray *
crm_kanban_get_groups (CrmStore    *store,
                        CrmQuery    *query,
                        const char  *group_field,
                        const char  *sum_field,
                        GError     **error)
{
  const char *module_name;
  CrmModule *module = NULL;
  CrmField *field;
  GPtrArray *picklist;
  g_autoptr(GPtrArray) params = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GPtrArray) strays = NULL;
  g_autoptr(CrmKanbanGroup) none = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *weighted = NULL;
  g_autofree char *sql = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (CRM_IS_QUERY (query), NULL);

  module_name = crm_query_get_module (query);
  field = require_field (store, module_name, group_field, CRM_FIELD_PICKLIST, &module, error);
  if (field == NULL)
    return NULL;
  if (sum_field != NULL && require_field (store, module_name, sum_field, CRM_FIELD_CURRENCY, NULL, error) == NULL)
    return NULL;

  where = crm_query_build_where (query, store, &params, error);
  if (where == NULL)
    return NULL;

  sum = sum_field ? g_strdup_printf ("coalesce(sum(\"%s\"), 0)", sum_field) : g_strdup ("0");
  /* Rounded per record, half away from zero, as the store rounds the
   * expected revenue: the column then adds up to what the cards say. */
  if (crm_kanban_has_weighted_sum (store, module_name, sum_field))
    weighted = g_strdup_printf ("coalesce(sum((\"%1$s\" * probability + "
                                "CASE WHEN \"%1$s\" * probability < 0 THEN -5000 ELSE 5000 END) / 10000), 0)",
                                sum_field);
  else
    weighted = g_strdup ("0");

  sql = g_strdup_printf ("SELECT \"%s\", count(*), %s, %s %s GROUP BY \"%s\" COLLATE NOCASE",
                         group_field, sum, weighted, where, group_field);
  stmt = crm_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < params->len; i++)
    _crm_bind_variant (stmt, i + 1, g_ptr_array_index (params, i));

  columns = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_kanban_group_free);
  strays = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_kanban_group_free);
  none = column_new (NULL, TRUE);
  picklist = crm_field_get_picklist (field);
  for (guint i = 0; i < picklist->len; i++)
    g_ptr_array_add (columns, column_new (g_ptr_array_index (picklist, i), TRUE));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, 0);
      CrmKanbanGroup *column;

      if (is_empty (value))
        column = none;
      else if ((column = find_column (columns, value)) == NULL &&
               (column = find_column (strays, value)) == NULL)
        {
          column = column_new (value, FALSE);
          g_ptr_array_add (strays, column);
        }
      column->count += sqlite3_column_int64 (stmt, 1);
      column->sum += sqlite3_column_int64 (stmt, 2);
      column->weighted += sqlite3_column_int64 (stmt, 3);
    }
  if (rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return NULL;
    }

  for (guint i = 0; i < columns->len; i++)
    {
      CrmKanbanGroup *column = g_ptr_array_index (columns, i);
      column->meaning = crm_store_get_picklist_meaning (store, module_name, group_field, column->value);
    }
  if (none->count > 0)
    g_ptr_array_insert (columns, 0, g_steal_pointer (&none));
  g_ptr_array_sort (strays, compare_columns);
  while (strays->len > 0)
    g_ptr_array_add (columns, g_ptr_array_steal_index (strays, 0));

  return g_steal_pointer (&columns);
}

CrmQuery *
crm_kanban_column_query (CrmQuery   *query,
                         const char *group_field,
                         const char *value)
{
  CrmQuery *copy;

  g_return_val_if_fail (CRM_IS_QUERY (query), NULL);
  g_return_val_if_fail (group_field != NULL, NULL);

  copy = crm_query_copy (query);
  crm_query_set_column (copy, group_field, value);
  return copy;
}

gint64
crm_kanban_get_sort_key (CrmStore   *store,
                         const char *module,
                         const char *group_field,
                         gint64      id)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (store, "SELECT position FROM kanban_positions "
                              "WHERE module = ? AND group_field = ? AND record_id = ?", NULL);

  g_return_val_if_fail (CRM_IS_STORE (store), 0);

  if (stmt == NULL)
    return -id * CRM_KANBAN_POSITION_GAP;
  sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, group_field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return -id * CRM_KANBAN_POSITION_GAP;
}

/*
 * Column ids
 */

typedef struct
{
  gint64 id;
  gint64 key;
} Keyed;

static gboolean
read_keyed (CrmStore      *store,
            const char    *sql,
            GPtrArray     *params,
            gboolean       placed,
            GArray        *out,
            GError       **error)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < params->len; i++)
    _crm_bind_variant (stmt, i + 1, g_ptr_array_index (params, i));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Keyed k;

      k.id = sqlite3_column_int64 (stmt, 0);
      k.key = placed ? sqlite3_column_int64 (stmt, 1) : -k.id * CRM_KANBAN_POSITION_GAP;
      g_array_append_val (out, k);
    }
  if (rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* The ids of one column in board order. Most cards were never moved by
 * hand and sort by id, which the field's index already gives; the few
 * that were come from kanban_positions. Merging the two sorted runs here
 * costs a third of an ORDER BY over a lookup per row, and a column of
 * 100,000 cards still opens at once. */
GArray *
_crm_kanban_query_ids (CrmStore  *store,
                       CrmQuery  *query,
                       GError   **error)
{
  CrmModule *module = crm_store_get_module (store, crm_query_get_module (query));
  const char *field = crm_query_get_column_field (query);
  g_autoptr(GPtrArray) params = NULL;
  g_autofree char *where = NULL;
  g_autofree char *positions = NULL;
  g_autofree char *free_sql = NULL;
  g_autofree char *placed_sql = NULL;
  g_autoptr(GArray) unplaced = g_array_new (FALSE, FALSE, sizeof (Keyed));
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Keyed));
  GArray *ids;
  guint a = 0, b = 0;

  where = crm_query_build_where (query, store, &params, error);
  if (where == NULL)
    return NULL;

  /* Checked identifiers ([a-z0-9_]): literals keep the bound values of
   * the filter in their places. */
  positions = g_strdup_printf ("SELECT record_id FROM kanban_positions WHERE module = '%s' AND group_field = '%s'",
                               crm_module_get_api_name (module), field);
  free_sql = g_strdup_printf ("SELECT id %s AND id NOT IN (%s) ORDER BY id DESC", where, positions);
  placed_sql = g_strdup_printf ("SELECT kp.record_id, kp.position FROM kanban_positions kp "
                                "WHERE kp.module = '%s' AND kp.group_field = '%s' "
                                "AND EXISTS (SELECT 1 %s AND id = kp.record_id) "
                                "ORDER BY kp.position, kp.record_id",
                                crm_module_get_api_name (module), field, where);
  if (!read_keyed (store, free_sql, params, FALSE, unplaced, error) ||
      !read_keyed (store, placed_sql, params, TRUE, placed, error))
    return NULL;

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), unplaced->len + placed->len);
  while (a < unplaced->len || b < placed->len)
    {
      Keyed *x = a < unplaced->len ? &g_array_index (unplaced, Keyed, a) : NULL;
      Keyed *y = b < placed->len ? &g_array_index (placed, Keyed, b) : NULL;
      gboolean take_x = y == NULL || (x != NULL && (x->key < y->key || (x->key == y->key && x->id < y->id)));
      gint64 id = take_x ? x->id : y->id;

      g_array_append_val (ids, id);
      if (take_x)
        a++;
      else
        b++;
    }
  return ids;
}

/*
 * Positions
 */

typedef struct
{
  CrmStore   *store;
  CrmModule  *module;
  const char *field;
  const char *value;   /* NULL: no value */
  gint64      moving;  /* the record being moved, never its own neighbour */
} Column;

/* SQL over the live records of one column with their sort key as k,
 * except the moving record. ?1 module, ?2 field, ?3 moving id, ?4 value. */
static char *
column_sql (Column     *col,
            const char *select,
            const char *tail)
{
  g_autofree char *cond = NULL;

  if (col->value != NULL)
    cond = g_strdup_printf ("t.\"%s\" = ?4 COLLATE NOCASE", col->field);
  else
    cond = g_strdup_printf ("(t.\"%s\" IS NULL OR t.\"%s\" = '')", col->field, col->field);

  return g_strdup_printf ("SELECT %s FROM (SELECT " KEY_SQL " AS k, t.id AS id FROM \"%s\" t "
                          "LEFT JOIN kanban_positions kp ON kp.module = ?1 AND kp.group_field = ?2 "
                          "AND kp.record_id = t.id WHERE t.deleted_at IS NULL AND t.id != ?3 AND %s) %s",
                          select, crm_module_get_table (col->module), cond, tail);
}

static sqlite3_stmt *
column_prepare (Column      *col,
                const char  *select,
                const char  *tail,
                GError     **error)
{
  g_autofree char *sql = column_sql (col, select, tail);
  sqlite3_stmt *stmt = crm_store_prepare (col->store, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, crm_module_get_api_name (col->module), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, col->field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, col->moving);
  if (col->value != NULL)
    sqlite3_bind_text (stmt, 4, col->value, -1, SQLITE_TRANSIENT);
  return stmt;
}

static gboolean
write_position (Column     *col,
                gint64      id,
                gint64      position,
                GError    **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (col->store, "INSERT INTO kanban_positions (module, group_field, record_id, position) "
                                   "VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET position = excluded.position",
                       error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, crm_module_get_api_name (col->module), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, col->field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
  sqlite3_bind_int64 (stmt, 4, position);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (col->store, error);
      return FALSE;
    }
  return TRUE;
}

/* Spreads the column out again, keeping its order. Done inside the move's
 * transaction; the order does not change, so Undo need not know. */
static gboolean
renumber (Column  *col,
          GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  {
    crm_autoreset sqlite3_stmt *stmt = column_prepare (col, "id", "ORDER BY k, id", error);
    int rc;

    if (stmt == NULL)
      return FALSE;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (ids, id);
      }
    if (rc != SQLITE_DONE)
      {
        crm_store_set_sqlite_error (col->store, error);
        return FALSE;
      }
  }

  g_debug ("Renumbering %u cards of %s", ids->len, col->value ? col->value : "(none)");
  for (guint i = 0; i < ids->len; i++)
    if (!write_position (col, g_array_index (ids, gint64, i), (gint64) (i + 1) * CRM_KANBAN_POSITION_GAP, error))
      return FALSE;
  return TRUE;
}

/* The key of `id` if it is a live record of the column. */
static gboolean
lookup_key (Column  *col,
            gint64   id,
            gint64  *key,
            GError **error)
{
  crm_autoreset sqlite3_stmt *stmt = column_prepare (col, "k", "WHERE id = ?5", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 5, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *key = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Floor and ceiling of a / b for b > 0, whatever the sign of a. */
static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a / b - ((a % b != 0 && a < 0) ? 1 : 0);
}

static gint64
ceil_div (gint64 a,
          gint64 b)
{
  return a / b + ((a % b != 0 && a > 0) ? 1 : 0);
}

static char *
column_condition (Column *col)
{
  if (col->value != NULL)
    return g_strdup_printf ("t.\"%s\" = ?4 COLLATE NOCASE", col->field);
  return g_strdup_printf ("(t.\"%s\" IS NULL OR t.\"%s\" = '')", col->field, col->field);
}

static sqlite3_stmt *
neighbour_prepare (Column      *col,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = crm_store_prepare (col->store, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, crm_module_get_api_name (col->module), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, col->field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, col->moving);
  if (col->value != NULL)
    sqlite3_bind_text (stmt, 4, col->value, -1, SQLITE_TRANSIENT);
  return stmt;
}

/* The card right before (after = FALSE) or right after (after = TRUE) the
 * place (key, id) in the column, the moving card left out. Two seeks, one
 * in each sorted run, instead of a pass over the column: a drop on a
 * column of 100,000 cards stays as quick as on an empty one. */
static gboolean
neighbour (Column   *col,
           gint64    key,
           gint64    id,
           gboolean  after,
           gboolean *found,
           gint64   *found_key,
           gint64   *found_id,
           GError  **error)
{
  g_autofree char *cond = column_condition (col);
  g_autofree char *placed_sql = NULL;
  g_autofree char *free_sql = NULL;
  gboolean have_placed = FALSE, have_free = FALSE;
  gint64 placed_key = 0, placed_id = 0, free_key = 0, free_id = 0;
  gint64 exact = G_MININT64, bound;

  *found = FALSE;

  /* Cards moved by hand: walk their index from the place outwards. */
  placed_sql = g_strdup_printf ("SELECT kp.position, kp.record_id FROM kanban_positions kp "
                                "WHERE kp.module = ?1 AND kp.group_field = ?2 AND kp.record_id != ?3 "
                                "AND (kp.position %s ?5 OR (kp.position = ?5 AND kp.record_id %s ?6)) "
                                "AND EXISTS (SELECT 1 FROM \"%s\" t WHERE t.id = kp.record_id "
                                "AND t.deleted_at IS NULL AND %s) "
                                "ORDER BY kp.position %s, kp.record_id %s LIMIT 1",
                                after ? ">" : "<", after ? ">" : "<", crm_module_get_table (col->module), cond,
                                after ? "ASC" : "DESC", after ? "ASC" : "DESC");
  {
    crm_autoreset sqlite3_stmt *stmt = neighbour_prepare (col, placed_sql, error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 5, key);
    sqlite3_bind_int64 (stmt, 6, id);
    if ((have_placed = sqlite3_step (stmt) == SQLITE_ROW))
      {
        placed_key = sqlite3_column_int64 (stmt, 0);
        placed_id = sqlite3_column_int64 (stmt, 1);
      }
  }

  /* The others sort by -id × GAP: the nearest is the nearest id on the
   * other side of -key / GAP, which the field's index finds. A card whose
   * key equals `key` exactly is a neighbour only on the right side of `id`. */
  if (-key % CRM_KANBAN_POSITION_GAP == 0 && key != G_MAXINT64)
    exact = -key / CRM_KANBAN_POSITION_GAP;
  if (after)
    bound = ceil_div (-key, CRM_KANBAN_POSITION_GAP) - 1;
  else
    bound = floor_div (-key, CRM_KANBAN_POSITION_GAP) + 1;
  if (exact != G_MININT64)
    bound = exact;
  free_sql = g_strdup_printf ("SELECT t.id FROM \"%s\" t WHERE t.deleted_at IS NULL AND %s AND t.id != ?3 "
                              "AND t.id %s ?5 AND t.id NOT IN (SELECT record_id FROM kanban_positions "
                              "WHERE module = ?1 AND group_field = ?2) ORDER BY t.id %s LIMIT 2",
                              crm_module_get_table (col->module), cond, after ? "<=" : ">=",
                              after ? "DESC" : "ASC");
  {
    crm_autoreset sqlite3_stmt *stmt = neighbour_prepare (col, free_sql, error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 5, bound);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 candidate = sqlite3_column_int64 (stmt, 0);

        if (candidate == exact && (after ? candidate <= id : candidate >= id))
          continue;
        have_free = TRUE;
        free_id = candidate;
        free_key = -candidate * CRM_KANBAN_POSITION_GAP;
        break;
      }
  }

  if (have_placed && have_free)
    {
      gboolean placed_first = placed_key < free_key || (placed_key == free_key && placed_id < free_id);

      /* Before the place the greater one is nearer, after it the lesser. */
      if (placed_first == after)
        have_free = FALSE;
      else
        have_placed = FALSE;
    }
  if (have_placed || have_free)
    {
      *found = TRUE;
      *found_key = have_placed ? placed_key : free_key;
      *found_id = have_placed ? placed_id : free_id;
    }
  return TRUE;
}

/* The new key for a card placed before `before_id` (0: at the end). */
static gboolean
compute_position (Column  *col,
                  gint64   before_id,
                  gint64  *position,
                  GError **error)
{
  gint64 next;
  GError *local = NULL;
  gboolean found;
  gint64 prev, prev_id;

  if (before_id != 0 && before_id != col->moving && lookup_key (col, before_id, &next, &local))
    {
      for (guint attempt = 0; attempt < 2; attempt++)
        {
          if (!neighbour (col, next, before_id, FALSE, &found, &prev, &prev_id, error))
            return FALSE;
          if (!found)
            {
              *position = next - CRM_KANBAN_POSITION_GAP;
              return TRUE;
            }
          if (next - prev >= 2)
            {
              *position = prev + (next - prev) / 2;
              return TRUE;
            }
          if (!renumber (col, error) || !lookup_key (col, before_id, &next, error))
            return FALSE;
        }
      g_set_error (error, CRM_ERROR, CRM_ERROR_FAILED, _("Could not make room in the column"));
      return FALSE;
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }

  /* At the end: after the greatest key there is. */
  if (!neighbour (col, G_MAXINT64, G_MAXINT64, FALSE, &found, &prev, &prev_id, error))
    return FALSE;
  *position = found ? prev + CRM_KANBAN_POSITION_GAP : 0;
  return TRUE;
}

/* Whether the card already sits right before `before_id` (or last). */
static gboolean
already_there (Column  *col,
               gint64   key,
               gint64   before_id,
               GError **error)
{
  gboolean found;
  gint64 next_key, next_id = 0;

  if (before_id == col->moving)
    return TRUE;
  if (!neighbour (col, key, col->moving, TRUE, &found, &next_key, &next_id, error))
    return FALSE;
  return found ? next_id == before_id : before_id == 0;
}

static gboolean
read_position (Column   *col,
               gboolean *found,
               gint64   *position,
               GError  **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (col->store, "SELECT position FROM kanban_positions "
                                   "WHERE module = ? AND group_field = ? AND record_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, crm_module_get_api_name (col->module), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, col->field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, col->moving);
  *found = sqlite3_step (stmt) == SQLITE_ROW;
  *position = *found ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static gboolean
log_move (Column   *col,
          gint64    change_id,
          gboolean  had_position,
          gint64    old_position,
          gint64    new_position,
          GError  **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (col->store, "INSERT INTO kanban_moves (change_id, module, group_field, record_id, "
                                   "old_position, new_position) VALUES (?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change_id);
  sqlite3_bind_text (stmt, 2, crm_module_get_api_name (col->module), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, col->field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, col->moving);
  if (had_position)
    sqlite3_bind_int64 (stmt, 5, old_position);
  sqlite3_bind_int64 (stmt, 6, new_position);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (col->store, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_crm_kanban_undo_change (CrmStore  *self,
                         gint64     change_id,
                         GError   **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (self, "SELECT module, group_field, record_id, old_position FROM kanban_moves "
                             "WHERE change_id = ? ORDER BY id DESC", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *module = (const char *) sqlite3_column_text (stmt, 0);
      const char *field = (const char *) sqlite3_column_text (stmt, 1);
      gint64 record_id = sqlite3_column_int64 (stmt, 2);
      crm_autoreset sqlite3_stmt *write = NULL;

      if (sqlite3_column_type (stmt, 3) == SQLITE_NULL)
        write = crm_store_prepare (self, "DELETE FROM kanban_positions "
                                         "WHERE module = ?1 AND group_field = ?2 AND record_id = ?3", error);
      else
        write = crm_store_prepare (self, "INSERT INTO kanban_positions (module, group_field, record_id, position) "
                                         "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET position = excluded.position",
                                   error);
      if (write == NULL)
        return FALSE;
      sqlite3_bind_text (write, 1, module, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (write, 2, field, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (write, 3, record_id);
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        sqlite3_bind_int64 (write, 4, sqlite3_column_int64 (stmt, 3));
      if (sqlite3_step (write) != SQLITE_DONE)
        {
          crm_store_set_sqlite_error (self, error);
          return FALSE;
        }
      _crm_store_notify (self, module, record_id);
    }
  if (rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/*
 * Moving
 */

static gboolean
check_required (CrmStore    *store,
                CrmRecord   *record,
                const char  *group_field,
                const char  *value,
                const char  *reason_for_loss,
                GError     **error)
{
  CrmModule *module = crm_record_get_module (record);
  g_auto(GStrv) required = crm_kanban_dup_required_fields (store, crm_module_get_api_name (module),
                                                           group_field, value);

  for (guint i = 0; required[i] != NULL; i++)
    {
      CrmField *field = crm_module_get_field (module, required[i]);
      g_autofree char *title = NULL;

      if (field == NULL || crm_record_has_value (record, required[i]))
        continue;
      if (g_str_equal (required[i], "reason_for_loss") && !is_empty (reason_for_loss))
        continue;
      title = crm_record_dup_title (record);
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   /* Translators: "Acme renewal" cannot move to "Closed Won" without Amount */
                   _("“%s” cannot move to “%s” without %s"),
                   title, value ? value : _("None"), crm_field_get_label (field));
      return FALSE;
    }
  return TRUE;
}

gboolean
crm_store_move_record (CrmStore    *store,
                       const char  *module_name,
                       gint64       id,
                       const char  *group_field,
                       const char  *to_value,
                       gint64       before_id,
                       const char  *reason_for_loss,
                       gint64      *change_id,
                       GError     **error)
{
  CrmModule *module = NULL;
  CrmField *field;
  CrmField *probability;
  g_autoptr(CrmRecord) record = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *title = NULL;
  const char *meaning;
  Column col = { store, NULL, group_field, NULL, id };
  gboolean value_changed, had_position;
  gint64 change, old_position, old_key, position;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (change_id)
    *change_id = 0;

  field = require_field (store, module_name, group_field, CRM_FIELD_PICKLIST, &module, error);
  if (field == NULL)
    return FALSE;
  col.module = module;
  col.value = is_empty (to_value) ? NULL : to_value;
  if (col.value != NULL && !crm_field_has_picklist_value (field, col.value))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("%s has no value “%s”"),
                   crm_field_get_label (field), col.value);
      return FALSE;
    }

  record = crm_store_load_record (store, module_name, id, &local);
  if (record == NULL || crm_record_is_deleted (record))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("This %s was deleted in the meantime"), crm_module_get_singular (module));
      return FALSE;
    }

  if (!check_required (store, record, group_field, col.value, reason_for_loss, error))
    return FALSE;

  value_changed = g_strcmp0 (crm_record_get_string (record, group_field), col.value) != 0;
  crm_record_set_string (record, group_field, col.value);

  meaning = col.value ? crm_store_get_picklist_meaning (store, module_name, group_field, col.value) : NULL;
  probability = crm_module_get_field (module, "probability");
  if (value_changed && probability != NULL && crm_field_get_field_type (probability) == CRM_FIELD_PERCENT)
    {
      if (g_strcmp0 (meaning, "won") == 0)
        crm_record_set_int (record, "probability", 10000);
      else if (g_strcmp0 (meaning, "lost") == 0)
        crm_record_set_int (record, "probability", 0);
    }
  if (!is_empty (reason_for_loss) && g_strcmp0 (meaning, "lost") == 0)
    {
      if (crm_module_get_field (module, "reason_for_loss") == NULL)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("%s have no reason for loss"),
                       crm_module_get_plural (module));
          return FALSE;
        }
      crm_record_set_string (record, "reason_for_loss", reason_for_loss);
    }

  title = crm_record_dup_title (record);
  change = crm_store_begin_change (store, "move", module_name, title, error);
  if (change == 0)
    return FALSE;

  /* Joins the change: the field, its history and the derived values. */
  if (!crm_store_save_record (store, record, error) ||
      !read_position (&col, &had_position, &old_position, error))
    goto failed;

  old_key = had_position ? old_position : -id * CRM_KANBAN_POSITION_GAP;
  if (!value_changed && already_there (&col, old_key, before_id, error))
    {
      crm_store_abort_change (store);
      return TRUE;
    }

  if (!compute_position (&col, before_id, &position, error) ||
      !write_position (&col, id, position, error) ||
      !log_move (&col, change, had_position, old_position, position, error))
    goto failed;

  /* Saving a new value has told the lists already; a reorder has not. */
  if (!value_changed)
    _crm_store_notify (store, module_name, id);
  if (!crm_store_end_change (store, error))
    return FALSE;
  if (change_id)
    *change_id = change;
  return TRUE;

failed:
  crm_store_abort_change (store);
  return FALSE;
}

/*
 * Settings
 */

static char *
setting_key (const char *module,
             const char *group_field,
             const char *name)
{
  if (group_field != NULL)
    return g_strdup_printf ("kanban.%s.%s.%s", module, group_field, name);
  return g_strdup_printf ("kanban.%s.%s", module, name);
}

static GVariant *
get_variant_setting (CrmStore           *store,
                     const char         *key,
                     const GVariantType *type)
{
  g_autofree char *text = crm_store_get_setting (store, key);
  GVariant *value;

  if (text == NULL)
    return NULL;
  value = g_variant_parse (type, text, NULL, NULL, NULL);
  if (value == NULL)
    g_debug ("Ignoring the unreadable setting %s", key);
  return value;
}

static gboolean
set_variant_setting (CrmStore  *store,
                     const char *key,
                     GVariant  *value,
                     GError   **error)
{
  g_autoptr(GVariant) sunk = g_variant_ref_sink (value);
  g_autofree char *text = g_variant_print (sunk, FALSE);

  return crm_store_set_setting (store, key, text, error);
}

static CrmField *
first_field_of_type (CrmModule    *module,
                     CrmFieldType  type)
{
  GPtrArray *fields = crm_module_get_fields (module);

  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);

      if (crm_field_get_field_type (field) == type && !crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN))
        return field;
    }
  return NULL;
}

char *
crm_kanban_dup_group_field (CrmStore   *store,
                            const char *module_name)
{
  CrmModule *module = crm_store_get_module (store, module_name);
  g_autofree char *key = NULL;
  g_autofree char *chosen = NULL;
  const char *fallback;
  CrmField *field;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  if (module == NULL)
    return NULL;
  key = setting_key (module_name, NULL, "group");
  chosen = crm_store_get_setting (store, key);
  if (chosen != NULL && (field = crm_module_get_field (module, chosen)) != NULL &&
      crm_field_get_field_type (field) == CRM_FIELD_PICKLIST)
    return g_steal_pointer (&chosen);

  fallback = crm_module_get_kanban_field (module);
  if (fallback != NULL && (field = crm_module_get_field (module, fallback)) != NULL &&
      crm_field_get_field_type (field) == CRM_FIELD_PICKLIST)
    return g_strdup (fallback);

  field = first_field_of_type (module, CRM_FIELD_PICKLIST);
  return field ? g_strdup (crm_field_get_api_name (field)) : NULL;
}

gboolean
crm_kanban_set_group_field (CrmStore    *store,
                            const char  *module,
                            const char  *group_field,
                            GError     **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (require_field (store, module, group_field, CRM_FIELD_PICKLIST, NULL, error) == NULL)
    return FALSE;
  key = setting_key (module, NULL, "group");
  return crm_store_set_setting (store, key, group_field, error);
}

char *
crm_kanban_dup_sum_field (CrmStore   *store,
                          const char *module_name)
{
  static const char *preferred[] = { "amount", "grand_total", "total", "expected_revenue" };
  CrmModule *module = crm_store_get_module (store, module_name);
  g_autofree char *key = NULL;
  g_autofree char *chosen = NULL;
  CrmField *field;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  if (module == NULL)
    return NULL;
  key = setting_key (module_name, NULL, "sum");
  chosen = crm_store_get_setting (store, key);
  if (chosen != NULL)
    {
      /* "" is a choice too: counts only. */
      if ((field = crm_module_get_field (module, chosen)) != NULL &&
          crm_field_get_field_type (field) == CRM_FIELD_CURRENCY)
        return g_steal_pointer (&chosen);
      if (*chosen == '\0')
        return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (preferred); i++)
    if ((field = crm_module_get_field (module, preferred[i])) != NULL &&
        crm_field_get_field_type (field) == CRM_FIELD_CURRENCY)
      return g_strdup (preferred[i]);
  field = first_field_of_type (module, CRM_FIELD_CURRENCY);
  return field ? g_strdup (crm_field_get_api_name (field)) : NULL;
}

gboolean
crm_kanban_set_sum_field (CrmStore    *store,
                          const char  *module,
                          const char  *sum_field,
                          GError     **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!is_empty (sum_field) &&
      require_field (store, module, sum_field, CRM_FIELD_CURRENCY, NULL, error) == NULL)
    return FALSE;
  if (is_empty (sum_field) && crm_store_get_module (store, module) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"), module ? module : "");
      return FALSE;
    }
  key = setting_key (module, NULL, "sum");
  return crm_store_set_setting (store, key, sum_field ? sum_field : "", error);
}

GStrv
crm_kanban_dup_collapsed (CrmStore   *store,
                          const char *module,
                          const char *group_field)
{
  g_autofree char *key = setting_key (module, group_field, "collapsed");
  g_autoptr(GVariant) value = get_variant_setting (store, key, G_VARIANT_TYPE_STRING_ARRAY);

  if (value == NULL)
    return g_new0 (char *, 1);
  return g_variant_dup_strv (value, NULL);
}

gboolean
crm_kanban_set_collapsed (CrmStore    *store,
                          const char  *module,
                          const char  *group_field,
                          const char  *value,
                          gboolean     collapsed,
                          GError     **error)
{
  g_auto(GStrv) current = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) next = NULL;
  const char *name = value ? value : "";

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (require_field (store, module, group_field, CRM_FIELD_PICKLIST, NULL, error) == NULL)
    return FALSE;
  current = crm_kanban_dup_collapsed (store, module, group_field);
  for (guint i = 0; current[i] != NULL; i++)
    if (!g_str_equal (current[i], name))
      g_strv_builder_add (builder, current[i]);
  if (collapsed)
    g_strv_builder_add (builder, name);
  next = g_strv_builder_end (builder);

  key = setting_key (module, group_field, "collapsed");
  return set_variant_setting (store, key, g_variant_new_strv ((const char * const *) next, -1), error);
}

GStrv
crm_kanban_dup_required_fields (CrmStore   *store,
                                const char *module,
                                const char *group_field,
                                const char *value)
{
  g_autofree char *key = setting_key (module, group_field, "required");
  g_autoptr(GVariant) rules = get_variant_setting (store, key, G_VARIANT_TYPE ("a{sas}"));
  const char *name = value ? value : "";
  const char **fields = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  if (rules != NULL && g_variant_lookup (rules, name, "^a&s", &fields))
    {
      GStrv copy = g_strdupv ((char **) fields);
      g_free (fields);
      return copy;
    }

  /* A won deal without an amount would make the forecast lie. */
  if (g_strcmp0 (module, "deals") == 0 && g_strcmp0 (group_field, "stage") == 0 &&
      g_strcmp0 (crm_store_get_picklist_meaning (store, module, group_field, value), "won") == 0)
    {
      GStrv deflt = g_new0 (char *, 2);
      deflt[0] = g_strdup ("amount");
      return deflt;
    }
  return g_new0 (char *, 1);
}

gboolean
crm_kanban_set_required_fields (CrmStore            *store,
                                const char          *module_name,
                                const char          *group_field,
                                const char          *value,
                                const char * const  *fields,
                                GError             **error)
{
  CrmModule *module = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GVariant) rules = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *name = value ? value : "";
  const char *rule_value;
  GVariant *rule_fields;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (require_field (store, module_name, group_field, CRM_FIELD_PICKLIST, &module, error) == NULL)
    return FALSE;
  for (guint i = 0; fields && fields[i]; i++)
    if (crm_module_get_field (module, fields[i]) == NULL)
      {
        g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("%s have no field “%s”"),
                     crm_module_get_plural (module), fields[i]);
        return FALSE;
      }

  key = setting_key (module_name, group_field, "required");
  rules = get_variant_setting (store, key, G_VARIANT_TYPE ("a{sas}"));
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sas}"));
  if (rules != NULL)
    {
      g_variant_iter_init (&iter, rules);
      while (g_variant_iter_loop (&iter, "{&s@as}", &rule_value, &rule_fields))
        if (!g_str_equal (rule_value, name))
          g_variant_builder_add (&builder, "{s@as}", rule_value, rule_fields);
    }
  g_variant_builder_add (&builder, "{s@as}", name, g_variant_new_strv (fields, -1));
  return set_variant_setting (store, key, g_variant_builder_end (&builder), error);
}

/*
 * Card layout
 */

static char *
card_key (const char *module,
          const char *name)
{
  return g_strdup_printf ("card.%s.%s", module, name);
}

static gboolean
is_card_field (CrmModule  *module,
               const char *name)
{
  CrmField *field = crm_module_get_field (module, name);

  return field != NULL && !crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN);
}

char *
crm_card_dup_title_field (CrmStore   *store,
                          const char *module_name)
{
  CrmModule *module = crm_store_get_module (store, module_name);
  g_autofree char *key = card_key (module_name, "title");
  g_autofree char *chosen = crm_store_get_setting (store, key);

  if (module != NULL && chosen != NULL && is_card_field (module, chosen))
    return g_steal_pointer (&chosen);
  return NULL;
}

GStrv
crm_card_dup_fields (CrmStore   *store,
                     const char *module_name)
{
  CrmModule *module = crm_store_get_module (store, module_name);
  g_autofree char *key = card_key (module_name, "fields");
  g_autoptr(GVariant) chosen = get_variant_setting (store, key, G_VARIANT_TYPE_STRING_ARRAY);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  if (module == NULL)
    return g_new0 (char *, 1);

  if (chosen != NULL)
    {
      g_autofree const char **names = g_variant_get_strv (chosen, NULL);

      /* Fields deleted since are dropped quietly. */
      for (guint i = 0; names[i] != NULL && n < CRM_CARD_MAX_FIELDS; i++)
        if (is_card_field (module, names[i]))
          {
            g_strv_builder_add (builder, names[i]);
            n++;
          }
      return g_strv_builder_end (builder);
    }

  {
    g_autoptr(GPtrArray) list = crm_module_dup_list_fields (module);
    const char * const *title = crm_module_get_title_fields (module);

    for (guint i = 0; i < list->len && n < CRM_CARD_MAX_FIELDS; i++)
      {
        const char *name = crm_field_get_api_name (g_ptr_array_index (list, i));

        /* The owner has the card's avatar. */
        if (g_strv_contains (title, name) || g_str_equal (name, "owner_id"))
          continue;
        g_strv_builder_add (builder, name);
        n++;
      }
  }
  return g_strv_builder_end (builder);
}

char *
crm_card_dup_colour_field (CrmStore   *store,
                           const char *module_name)
{
  CrmModule *module = crm_store_get_module (store, module_name);
  g_autofree char *key = card_key (module_name, "colour");
  g_autofree char *chosen = crm_store_get_setting (store, key);
  CrmField *field;

  if (module != NULL && chosen != NULL && (field = crm_module_get_field (module, chosen)) != NULL &&
      crm_field_get_field_type (field) == CRM_FIELD_PICKLIST)
    return g_steal_pointer (&chosen);
  return NULL;
}

gboolean
crm_card_set_layout (CrmStore            *store,
                     const char          *module_name,
                     const char          *title_field,
                     const char * const  *fields,
                     const char          *colour_field,
                     GError             **error)
{
  CrmModule *module = crm_store_get_module (store, module_name);
  g_autofree char *title_key = card_key (module_name, "title");
  g_autofree char *fields_key = card_key (module_name, "fields");
  g_autofree char *colour_key = card_key (module_name, "colour");
  guint n = fields ? g_strv_length ((char **) fields) : 0;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (module == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"),
                   module_name ? module_name : "");
      return FALSE;
    }
  if (n > CRM_CARD_MAX_FIELDS)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   ngettext ("A card shows at most %d field", "A card shows at most %d fields",
                             CRM_CARD_MAX_FIELDS),
                   CRM_CARD_MAX_FIELDS);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (!is_card_field (module, fields[i]))
      {
        g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("%s have no field “%s”"),
                     crm_module_get_plural (module), fields[i]);
        return FALSE;
      }
  if (!is_empty (title_field) && !is_card_field (module, title_field))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("%s have no field “%s”"),
                   crm_module_get_plural (module), title_field);
      return FALSE;
    }
  if (!is_empty (colour_field) &&
      require_field (store, module_name, colour_field, CRM_FIELD_PICKLIST, NULL, error) == NULL)
    return FALSE;

  if (!crm_store_begin (store, error))
    return FALSE;
  if (!crm_store_set_setting (store, title_key, title_field ? title_field : "", error) ||
      !set_variant_setting (store, fields_key, g_variant_new_strv (fields, n), error) ||
      !crm_store_set_setting (store, colour_key, colour_field ? colour_field : "", error))
    {
      crm_store_rollback (store);
      return FALSE;
    }
  return crm_store_commit (store, error);
}

/*
 * Overdue
 */

const char *
crm_kanban_get_due_field (CrmModule *module)
{
  static const char *names[] = { "closing_date", "due_date" };

  g_return_val_if_fail (CRM_IS_MODULE (module), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      CrmField *field = crm_module_get_field (module, names[i]);
      if (field != NULL && crm_field_get_field_type (field) == CRM_FIELD_DATE)
        return names[i];
    }
  return NULL;
}

gboolean
crm_record_is_overdue (CrmStore  *store,
                       CrmRecord *record)
{
  static const char *closed[] = { "won", "lost", "closed", "paid", "cancelled", NULL };
  CrmModule *module = crm_record_get_module (record);
  const char *due_field = crm_kanban_get_due_field (module);
  const char *status_field = crm_module_get_kanban_field (module);
  const char *due;
  const char *meaning = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (CRM_IS_RECORD (record), FALSE);

  if (due_field == NULL || (due = crm_record_get_string (record, due_field)) == NULL)
    return FALSE;

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  if (strcmp (due, today) >= 0)
    return FALSE;

  if (status_field != NULL)
    meaning = crm_store_get_picklist_meaning (store, crm_module_get_api_name (module), status_field,
                                              crm_record_get_string (record, status_field));
  if (meaning != NULL && g_strv_contains (closed, meaning))
    return FALSE;
  /* Delivered closes an order, not an invoice that still waits for money. */
  if (g_strcmp0 (meaning, "delivered") == 0 && !g_str_equal (crm_module_get_api_name (module), "invoices"))
    return FALSE;
  return TRUE;
}
