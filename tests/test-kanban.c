/* test-kanban.c — board totals, moves with undo and refusals, card order, settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crm-kanban.h"
#include "crm-record-list.h"
#include "crm-test-util.h"

typedef struct
{
  char     *dir;
  CrmStore *store;
  gint64    account;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = crm_test_open_store (&f->dir);
  f->account = crm_test_create (f->store, "accounts", "account_name", "PT Maju Jaya", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  crm_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gint64
make_deal (Fixture    *f,
           const char *name,
           const char *stage,
           const char *amount)
{
  g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT, f->account);

  if (amount == NULL)
    return crm_test_create (f->store, "deals", "deal_name", name, "account_name", account,
                            "closing_date", "2030-01-31", "stage", stage, NULL);
  return crm_test_create (f->store, "deals", "deal_name", name, "account_name", account,
                          "closing_date", "2030-01-31", "stage", stage, "amount", amount, NULL);
}

static CrmRecord *
load (Fixture    *f,
      const char *module,
      gint64      id)
{
  g_autoptr(GError) error = NULL;
  CrmRecord *record = crm_store_load_record (f->store, module, id, &error);

  g_assert_no_error (error);
  return record;
}

static gint64
count_rows (Fixture    *f,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (crm_store_get_db (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* The ids of one column, in the board's order. */
static GArray *
column_ids (Fixture    *f,
            const char *module,
            const char *field,
            const char *value)
{
  g_autoptr(CrmQuery) board = crm_query_new (module);
  g_autoptr(CrmQuery) query = crm_kanban_column_query (board, field, value);
  g_autoptr(GError) error = NULL;
  GArray *ids = crm_store_query_ids (f->store, query, &error);

  g_assert_no_error (error);
  return ids;
}

static void
assert_order (GArray       *ids,
              const gint64 *expected,
              guint         n)
{
  g_assert_cmpuint (ids->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected[i]);
}

/*
 * Moves
 */

static void
test_move_sets_stage_history_and_undoes (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmRecord) before = NULL;
  g_autoptr(CrmRecord) after = NULL;
  g_autoptr(CrmRecord) undone = NULL;
  gint64 id = make_deal (f, "Fleet renewal", "Qualification", "1000");
  gint64 change = 0;
  g_autofree char *sql = NULL;

  before = load (f, "deals", id);
  g_assert_cmpint (crm_record_get_int (before, "probability", -1), ==, 1000);
  g_assert_cmpint (crm_record_get_int (before, "expected_revenue", -1), ==, 10000);

  g_assert_true (crm_store_move_record (f->store, "deals", id, "stage", "Needs Analysis", 0, NULL, &change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (change, >, 0);
  g_assert_cmpint (crm_store_get_last_change (f->store), ==, change);

  after = load (f, "deals", id);
  g_assert_cmpstr (crm_record_get_string (after, "stage"), ==, "Needs Analysis");
  g_assert_cmpint (crm_record_get_int (after, "probability", -1), ==, 2000);
  g_assert_cmpint (crm_record_get_int (after, "expected_revenue", -1), ==, 20000);

  /* One change set holds the stage's history row and the derived values. */
  sql = g_strdup_printf ("SELECT count(*) FROM history WHERE change_id = %" G_GINT64_FORMAT
                         " AND record_id = %" G_GINT64_FORMAT " AND field = 'stage'"
                         " AND old_value = 'Qualification' AND new_value = 'Needs Analysis'", change, id);
  g_assert_cmpint (count_rows (f, sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM history WHERE change_id = %" G_GINT64_FORMAT
                         " AND field IN ('probability', 'expected_revenue')", change);
  g_assert_cmpint (count_rows (f, sql), ==, 2);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM kanban_positions"), ==, 1);

  g_assert_true (crm_store_undo_change (f->store, change, &error));
  g_assert_no_error (error);
  undone = load (f, "deals", id);
  g_assert_cmpstr (crm_record_get_string (undone, "stage"), ==, "Qualification");
  g_assert_cmpint (crm_record_get_int (undone, "probability", -1), ==, 1000);
  g_assert_cmpint (crm_record_get_int (undone, "expected_revenue", -1), ==, 10000);
  /* The card had no place of its own before the move: it has none again. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM kanban_positions"), ==, 0);
}

static void
test_move_won_and_lost (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmRecord) won = NULL;
  g_autoptr(CrmRecord) lost = NULL;
  gint64 a = make_deal (f, "Server room", "Negotiation/Review", "5000");
  gint64 b = make_deal (f, "Laptops", "Proposal/Price Quote", "2000");
  gint64 change = 0;

  g_assert_true (crm_store_move_record (f->store, "deals", a, "stage", "Closed Won", 0, NULL, &change, &error));
  g_assert_no_error (error);
  won = load (f, "deals", a);
  g_assert_cmpint (crm_record_get_int (won, "probability", -1), ==, 10000);
  g_assert_cmpint (crm_record_get_int (won, "expected_revenue", -1), ==, 500000);

  g_assert_true (crm_store_move_record (f->store, "deals", b, "stage", "Closed Lost", 0, "Price", &change, &error));
  g_assert_no_error (error);
  lost = load (f, "deals", b);
  g_assert_cmpstr (crm_record_get_string (lost, "stage"), ==, "Closed Lost");
  g_assert_cmpstr (crm_record_get_string (lost, "reason_for_loss"), ==, "Price");
  g_assert_cmpint (crm_record_get_int (lost, "probability", -1), ==, 0);
  g_assert_cmpint (crm_record_get_int (lost, "expected_revenue", -1), ==, 0);

  /* The reason goes back with the stage. */
  g_assert_true (crm_store_undo_change (f->store, change, &error));
  g_clear_object (&lost);
  lost = load (f, "deals", b);
  g_assert_cmpstr (crm_record_get_string (lost, "stage"), ==, "Proposal/Price Quote");
  g_assert_null (crm_record_get_value (lost, "reason_for_loss"));
}

static void
assert_nothing_changed (Fixture    *f,
                        gint64      id,
                        const char *stage,
                        gint64      changes,
                        gint64      history)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmRecord) record = crm_store_load_record (f->store, "deals", id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (crm_record_get_string (record, "stage"), ==, stage);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM changes"), ==, changes);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM history"), ==, history);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM kanban_positions"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM kanban_moves"), ==, 0);
  g_assert_false (crm_store_in_transaction (f->store));
}

static void
test_move_refused_rolls_back (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = make_deal (f, "No amount yet", "Negotiation/Review", NULL);
  gint64 other = make_deal (f, "Gone", "Qualification", "10");
  gint64 changes, history, change = -1;

  g_assert_true (crm_store_delete_record (f->store, "deals", other, &error));
  changes = count_rows (f, "SELECT count(*) FROM changes");
  history = count_rows (f, "SELECT count(*) FROM history");

  /* A field the column requires is empty. */
  g_assert_false (crm_store_move_record (f->store, "deals", id, "stage", "Closed Won", 0, NULL, &change, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "Amount"));
  g_assert_cmpint (change, ==, 0);
  g_clear_error (&error);
  assert_nothing_changed (f, id, "Negotiation/Review", changes, history);

  /* The record fails validation: Stage is required. */
  g_assert_false (crm_store_move_record (f->store, "deals", id, "stage", NULL, 0, NULL, &change, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  assert_nothing_changed (f, id, "Negotiation/Review", changes, history);

  /* Deleted in the meantime, and never existed. */
  g_assert_false (crm_store_move_record (f->store, "deals", other, "stage", "Needs Analysis", 0, NULL, &change, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "deleted"));
  g_clear_error (&error);
  g_assert_false (crm_store_move_record (f->store, "deals", 9999, "stage", "Needs Analysis", 0, NULL, &change, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Not a value of the picklist, not a picklist. */
  g_assert_false (crm_store_move_record (f->store, "deals", id, "stage", "Dreaming", 0, NULL, &change, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_store_move_record (f->store, "deals", id, "deal_name", "x", 0, NULL, &change, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  assert_nothing_changed (f, id, "Negotiation/Review", changes, history);

  /* Once the rule is met the same move goes through. */
  {
    g_autoptr(GVariant) amount = g_variant_ref_sink (g_variant_new_int64 (700000));
    g_assert_true (crm_store_set_field (f->store, "deals", id, "amount", amount, &error));
    g_assert_no_error (error);
  }
  g_assert_true (crm_store_move_record (f->store, "deals", id, "stage", "Closed Won", 0, NULL, &change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (change, >, 0);
}

static void
test_required_rules (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *next_step[] = { "next_step", NULL };
  const char *none[] = { NULL };
  g_auto(GStrv) won = crm_kanban_dup_required_fields (f->store, "deals", "stage", "Closed Won");
  g_auto(GStrv) open = crm_kanban_dup_required_fields (f->store, "deals", "stage", "Qualification");
  g_auto(GStrv) changed = NULL;
  gint64 id = make_deal (f, "Training", "Qualification", "100");

  g_assert_cmpuint (g_strv_length (won), ==, 1);
  g_assert_cmpstr (won[0], ==, "amount");
  g_assert_cmpuint (g_strv_length (open), ==, 0);

  g_assert_true (crm_kanban_set_required_fields (f->store, "deals", "stage", "Needs Analysis", next_step, &error));
  g_assert_no_error (error);
  g_assert_true (crm_kanban_set_required_fields (f->store, "deals", "stage", "Closed Won", none, &error));
  changed = crm_kanban_dup_required_fields (f->store, "deals", "stage", "Needs Analysis");
  g_assert_cmpstr (changed[0], ==, "next_step");
  g_assert_false (crm_kanban_set_required_fields (f->store, "deals", "stage", "Needs Analysis",
                                                  (const char *[]) { "nope", NULL }, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (crm_store_move_record (f->store, "deals", id, "stage", "Needs Analysis", 0, NULL, NULL, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "Next Step"));
  g_clear_error (&error);
  /* The default rule for won stages was replaced by "nothing". */
  g_assert_true (crm_store_move_record (f->store, "deals", id, "stage", "Closed Won", 0, NULL, NULL, &error));
  g_assert_no_error (error);
}

/*
 * Order
 */

static void
test_order_and_reorder (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 d[5], change, change2;

  for (guint i = 0; i < G_N_ELEMENTS (d); i++)
    {
      g_autofree char *name = g_strdup_printf ("Deal %u", i);
      d[i] = make_deal (f, name, "Qualification", "10");
    }

  /* Without positions: newest first. */
  ids = column_ids (f, "deals", "stage", "Qualification");
  assert_order (ids, (gint64[]) { d[4], d[3], d[2], d[1], d[0] }, 5);
  g_clear_pointer (&ids, g_array_unref);

  /* d0 before d3, inside the column: the field does not change. */
  g_assert_true (crm_store_move_record (f->store, "deals", d[0], "stage", "Qualification", d[3], NULL, &change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (change, >, 0);
  ids = column_ids (f, "deals", "stage", "Qualification");
  assert_order (ids, (gint64[]) { d[4], d[0], d[3], d[2], d[1] }, 5);
  g_clear_pointer (&ids, g_array_unref);

  /* To the end, then to the top. */
  g_assert_true (crm_store_move_record (f->store, "deals", d[4], "stage", "Qualification", 0, NULL, &change2, &error));
  ids = column_ids (f, "deals", "stage", "Qualification");
  assert_order (ids, (gint64[]) { d[0], d[3], d[2], d[1], d[4] }, 5);
  g_clear_pointer (&ids, g_array_unref);

  /* Where it already is: no change at all. */
  {
    gint64 changes = count_rows (f, "SELECT count(*) FROM changes");
    gint64 none = -1;

    g_assert_true (crm_store_move_record (f->store, "deals", d[3], "stage", "Qualification", d[2], NULL, &none, &error));
    g_assert_cmpint (none, ==, 0);
    g_assert_true (crm_store_move_record (f->store, "deals", d[4], "stage", "Qualification", 0, NULL, &none, &error));
    g_assert_cmpint (none, ==, 0);
    g_assert_cmpint (count_rows (f, "SELECT count(*) FROM changes"), ==, changes);
  }

  /* Undo puts the card back in its place. */
  g_assert_true (crm_store_undo_change (f->store, change2, &error));
  g_assert_no_error (error);
  ids = column_ids (f, "deals", "stage", "Qualification");
  assert_order (ids, (gint64[]) { d[4], d[0], d[3], d[2], d[1] }, 5);
  g_clear_pointer (&ids, g_array_unref);
  g_assert_true (crm_store_undo_change (f->store, change, &error));
  ids = column_ids (f, "deals", "stage", "Qualification");
  assert_order (ids, (gint64[]) { d[4], d[3], d[2], d[1], d[0] }, 5);
  g_clear_pointer (&ids, g_array_unref);

  /* Into another column, before a given card; an unknown "before" means the end. */
  g_assert_true (crm_store_move_record (f->store, "deals", d[1], "stage", "Needs Analysis", 0, NULL, NULL, &error));
  g_assert_true (crm_store_move_record (f->store, "deals", d[2], "stage", "Needs Analysis", d[1], NULL, NULL, &error));
  g_assert_true (crm_store_move_record (f->store, "deals", d[3], "stage", "Needs Analysis", d[0], NULL, NULL, &error));
  g_assert_no_error (error);
  ids = column_ids (f, "deals", "stage", "Needs Analysis");
  assert_order (ids, (gint64[]) { d[2], d[1], d[3] }, 3);
  g_clear_pointer (&ids, g_array_unref);
  ids = column_ids (f, "deals", "stage", "Qualification");
  assert_order (ids, (gint64[]) { d[4], d[0] }, 2);
}

static void
test_renumber_when_gaps_run_out (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 a = make_deal (f, "A", "Qualification", "1");
  gint64 b = make_deal (f, "B", "Qualification", "1");
  gint64 extra[30];
  gint64 distinct;

  /* b, a: then keep inserting right before a, halving the same gap. */
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    {
      g_autofree char *name = g_strdup_printf ("X%u", i);
      extra[i] = make_deal (f, name, "Needs Analysis", "1");
      g_assert_true (crm_store_move_record (f->store, "deals", extra[i], "stage", "Qualification", a, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  ids = column_ids (f, "deals", "stage", "Qualification");
  g_assert_cmpuint (ids->len, ==, 32);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, b);
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    g_assert_cmpint (g_array_index (ids, gint64, i + 1), ==, extra[i]);
  g_assert_cmpint (g_array_index (ids, gint64, 31), ==, a);

  /* The column was spread out again: every card has a position of its own. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM kanban_positions"), ==, 32);
  distinct = count_rows (f, "SELECT count(DISTINCT position) FROM kanban_positions");
  g_assert_cmpint (distinct, ==, 32);
}

/* Random moves against a model of the board (a list per column): after
 * each move and each undo the store's order must be the model's. A stretch
 * of moves into the same gap forces renumbering on the way. */
static void
test_order_random (Fixture       *f,
                   gconstpointer  data)
{
  static const char *stages[] = { "Qualification", "Needs Analysis", "Value Proposition" };
  GPtrArray *model[G_N_ELEMENTS (stages)];
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  g_autoptr(GError) error = NULL;
  const guint n_deals = 24;

  for (guint c = 0; c < G_N_ELEMENTS (stages); c++)
    model[c] = g_ptr_array_new ();
  for (guint i = 0; i < n_deals; i++)
    {
      g_autofree char *name = g_strdup_printf ("R%u", i);
      guint c = i % G_N_ELEMENTS (stages);
      gint64 id = make_deal (f, name, stages[c], "1");

      /* Newest first. */
      g_ptr_array_insert (model[c], 0, GSIZE_TO_POINTER ((gsize) id));
    }

  for (guint step = 0; step < 260; step++)
    {
      gboolean undo = changes->len > 0 && g_rand_int_range (rand, 0, 8) == 0;

      if (undo)
        {
          gint64 change = g_array_index (changes, gint64, changes->len - 1);
          GPtrArray **saved = g_ptr_array_steal_index (snapshots, snapshots->len - 1);

          g_array_set_size (changes, changes->len - 1);
          g_assert_true (crm_store_undo_change (f->store, change, &error));
          g_assert_no_error (error);
          for (guint c = 0; c < G_N_ELEMENTS (stages); c++)
            {
              g_ptr_array_unref (model[c]);
              model[c] = saved[c];
            }
          g_free (saved);
        }
      else
        {
          guint from = g_rand_int_range (rand, 0, G_N_ELEMENTS (stages));
          guint to = g_rand_int_range (rand, 0, G_N_ELEMENTS (stages));
          gint64 id, before = 0, change = 0;
          guint at;

          if (model[from]->len == 0)
            continue;
          id = GPOINTER_TO_SIZE (g_ptr_array_index (model[from], g_rand_int_range (rand, 0, model[from]->len)));
          /* Mostly random places; for a while always the same one. */
          if (step >= 100 && step < 140 && model[0]->len > 2)
            {
              to = 0;
              before = GPOINTER_TO_SIZE (g_ptr_array_index (model[0], 1));
            }
          else if (model[to]->len > 0 && g_rand_int_range (rand, 0, 4) > 0)
            before = GPOINTER_TO_SIZE (g_ptr_array_index (model[to], g_rand_int_range (rand, 0, model[to]->len)));
          if (before == id)
            continue;

          g_assert_true (crm_store_move_record (f->store, "deals", id, "stage", stages[to], before, NULL, &change, &error));
          g_assert_no_error (error);
          if (change != 0)
            {
              GPtrArray **saved = g_new (GPtrArray *, G_N_ELEMENTS (stages));

              for (guint c = 0; c < G_N_ELEMENTS (stages); c++)
                saved[c] = g_ptr_array_copy (model[c], NULL, NULL);
              g_ptr_array_add (snapshots, saved);
              g_array_append_val (changes, change);
            }
          g_ptr_array_remove (model[from], GSIZE_TO_POINTER ((gsize) id));
          at = model[to]->len;
          if (before != 0)
            g_assert_true (g_ptr_array_find (model[to], GSIZE_TO_POINTER ((gsize) before), &at));
          g_ptr_array_insert (model[to], at, GSIZE_TO_POINTER ((gsize) id));
        }

      for (guint c = 0; c < G_N_ELEMENTS (stages); c++)
        {
          g_autoptr(GArray) ids = column_ids (f, "deals", "stage", stages[c]);

          g_assert_cmpuint (ids->len, ==, model[c]->len);
          for (guint i = 0; i < ids->len; i++)
            g_assert_cmpint (g_array_index (ids, gint64, i), ==, (gint64) GPOINTER_TO_SIZE (g_ptr_array_index (model[c], i)));
        }
    }

  /* The fixed place did run out of room: the column was spread out. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM kanban_positions"), >=, model[0]->len);
  for (guint c = 0; c < G_N_ELEMENTS (stages); c++)
    g_ptr_array_unref (model[c]);
  for (guint i = 0; i < snapshots->len; i++)
    {
      GPtrArray **saved = g_ptr_array_index (snapshots, i);
      for (guint c = 0; c < G_N_ELEMENTS (stages); c++)
        g_ptr_array_unref (saved[c]);
      g_free (saved);
    }
}

/*
 * Totals
 */

static CrmKanbanGroup *
column_for (GPtrArray  *columns,
            const char *value)
{
  for (guint i = 0; i < columns->len; i++)
    {
      CrmKanbanGroup *c = g_ptr_array_index (columns, i);
      if (g_strcmp0 (c->value, value) == 0)
        return c;
    }
  g_assert_not_reached ();
}

static void
test_totals (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuery) query = crm_query_new ("deals");
  g_autoptr(GPtrArray) columns = NULL;
  CrmKanbanGroup *c;

  make_deal (f, "A", "Qualification", "100.01");    /* 10 %: 10.0010 -> 10.00 */
  make_deal (f, "B", "Qualification", "200.05");    /* 20.005 -> 20.01 */
  make_deal (f, "C", "Value Proposition", "1000");  /* 40 % */
  make_deal (f, "D", "Closed Won", "50");
  make_deal (f, "E", "Value Proposition", NULL);

  columns = crm_kanban_get_groups (f->store, query, "stage", "amount", &error);
  g_assert_no_error (error);
  /* Every stage, in picklist order, even the empty ones; no "none" column. */
  g_assert_cmpuint (columns->len, ==, 9);
  c = g_ptr_array_index (columns, 0);
  g_assert_cmpstr (c->value, ==, "Qualification");
  g_assert_cmpint (c->count, ==, 2);
  g_assert_cmpint (c->sum, ==, 30006);
  g_assert_cmpint (c->weighted, ==, 1000 + 2001);
  g_assert_cmpstr (c->meaning, ==, "open");
  g_assert_true (c->known);
  c = column_for (columns, "Value Proposition");
  g_assert_cmpint (c->count, ==, 2);
  g_assert_cmpint (c->sum, ==, 100000);
  g_assert_cmpint (c->weighted, ==, 40000);
  c = column_for (columns, "Closed Won");
  g_assert_cmpstr (c->meaning, ==, "won");
  g_assert_cmpint (c->weighted, ==, 5000);
  c = column_for (columns, "Needs Analysis");
  g_assert_cmpint (c->count, ==, 0);
  g_assert_cmpint (c->sum, ==, 0);
  g_clear_pointer (&columns, g_ptr_array_unref);

  /* The board's filter applies, even an OR filter. */
  crm_query_set_match_any (query, TRUE);
  crm_query_add_criterion (query, "deal_name", CRM_OP_IS, g_variant_new_string ("A"), NULL);
  crm_query_add_criterion (query, "deal_name", CRM_OP_IS, g_variant_new_string ("C"), NULL);
  columns = crm_kanban_get_groups (f->store, query, "stage", "amount", &error);
  g_assert_no_error (error);
  g_assert_cmpint (column_for (columns, "Qualification")->count, ==, 1);
  g_assert_cmpint (column_for (columns, "Qualification")->sum, ==, 10001);
  g_assert_cmpint (column_for (columns, "Value Proposition")->count, ==, 1);
  g_assert_cmpint (column_for (columns, "Closed Won")->count, ==, 0);
  g_clear_pointer (&columns, g_ptr_array_unref);

  {
    g_autoptr(CrmQuery) column = crm_kanban_column_query (query, "stage", "Qualification");
    g_autoptr(GArray) ids = crm_store_query_ids (f->store, column, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
  }

  /* No weighted sum when summing the expected revenue itself; counts only without a field. */
  g_assert_false (crm_kanban_has_weighted_sum (f->store, "deals", "expected_revenue"));
  g_assert_true (crm_kanban_has_weighted_sum (f->store, "deals", "amount"));
  g_assert_false (crm_kanban_has_weighted_sum (f->store, "quotes", "grand_total"));
  crm_query_clear_criteria (query);
  columns = crm_kanban_get_groups (f->store, query, "stage", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (column_for (columns, "Qualification")->sum, ==, 0);
  g_assert_cmpint (column_for (columns, "Qualification")->count, ==, 2);
  g_clear_pointer (&columns, g_ptr_array_unref);

  g_assert_null (crm_kanban_get_groups (f->store, query, "deal_name", NULL, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_null (crm_kanban_get_groups (f->store, query, "stage", "deal_name", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
}

static void
test_no_record_is_off_the_board (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuery) query = crm_query_new ("tasks");
  g_autoptr(GPtrArray) columns = NULL;
  gint64 odd, none, started;
  CrmKanbanGroup *first, *last;
  gint64 total = 0;

  none = crm_test_create (f->store, "tasks", "subject", "Call back", NULL);
  started = crm_test_create (f->store, "tasks", "subject", "Quote", "status", "In Progress", NULL);
  odd = crm_test_create (f->store, "tasks", "subject", "Imported", "status", "In Progress", NULL);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE tasks SET status = 'Blocked' WHERE id = %" G_GINT64_FORMAT, odd);
    g_assert_true (crm_store_exec (f->store, sql, NULL));
  }

  columns = crm_kanban_get_groups (f->store, query, "status", NULL, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (columns, 0);
  last = g_ptr_array_index (columns, columns->len - 1);
  g_assert_null (first->value);
  g_assert_cmpint (first->count, ==, 1);
  g_assert_cmpstr (last->value, ==, "Blocked");
  g_assert_false (last->known);
  g_assert_cmpint (last->count, ==, 1);
  for (guint i = 0; i < columns->len; i++)
    total += ((CrmKanbanGroup *) g_ptr_array_index (columns, i))->count;
  g_assert_cmpint (total, ==, 3);

  {
    g_autoptr(GArray) ids = column_ids (f, "tasks", "status", NULL);
    assert_order (ids, &none, 1);
  }
  {
    g_autoptr(GArray) ids = column_ids (f, "tasks", "status", "Blocked");
    assert_order (ids, &odd, 1);
  }

  /* A task may leave the "none" column and go back: status is optional. */
  g_assert_true (crm_store_move_record (f->store, "tasks", none, "status", "Deferred", 0, NULL, NULL, &error));
  g_assert_true (crm_store_move_record (f->store, "tasks", started, "status", "", 0, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GArray) ids = column_ids (f, "tasks", "status", NULL);
    assert_order (ids, &started, 1);
  }
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static void
test_column_lists_follow_moves (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuery) board = crm_query_new ("deals");
  g_autoptr(CrmQuery) qa = crm_kanban_column_query (board, "stage", "Qualification");
  g_autoptr(CrmQuery) qb = crm_kanban_column_query (board, "stage", "Needs Analysis");
  g_autoptr(CrmRecordList) la = NULL;
  g_autoptr(CrmRecordList) lb = NULL;
  g_autoptr(CrmRecord) first = NULL;
  gint64 x = make_deal (f, "X", "Qualification", "1");
  gint64 y = make_deal (f, "Y", "Qualification", "1");
  gint64 z = make_deal (f, "Z", "Needs Analysis", "1");
  guint changes_a = 0;

  la = crm_record_list_new (f->store, qa);
  lb = crm_record_list_new (f->store, qb);
  g_signal_connect (la, "items-changed", G_CALLBACK (on_items_changed_cb), &changes_a);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (la)), ==, 2);
  g_assert_cmpint (crm_record_list_get_id (la, 0), ==, y);

  g_assert_true (crm_store_move_record (f->store, "deals", y, "stage", "Needs Analysis", z, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (la)), ==, 1);
  g_assert_cmpuint (changes_a, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lb)), ==, 2);
  g_assert_cmpint (crm_record_list_get_id (lb, 0), ==, y);
  first = g_list_model_get_item (G_LIST_MODEL (lb), 0);
  g_assert_cmpstr (crm_record_get_string (first, "stage"), ==, "Needs Analysis");
  g_assert_cmpint (crm_record_list_get_id (la, 0), ==, x);

  /* Shown first, stored next: the store's notification then refreshes the
   * row where the view put it instead of reloading the column. */
  {
    guint changes_b = 0;
    g_autoptr(CrmRecord) moved = NULL;

    g_signal_connect (lb, "items-changed", G_CALLBACK (on_items_changed_cb), &changes_b);
    changes_a = 0;
    g_assert_cmpint (crm_record_list_remove_id (la, x), ==, 0);
    crm_record_list_insert_id (lb, 1, x);
    g_assert_cmpint (crm_record_list_remove_id (la, x), ==, -1);
    g_assert_true (crm_store_move_record (f->store, "deals", x, "stage", "Needs Analysis", z, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (changes_a, ==, 1);
    g_assert_cmpuint (changes_b, ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lb)), ==, 3);
    g_assert_cmpint (crm_record_list_get_id (lb, 1), ==, x);
    moved = g_list_model_get_item (G_LIST_MODEL (lb), 1);
    g_assert_cmpstr (crm_record_get_string (moved, "stage"), ==, "Needs Analysis");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (la)), ==, 0);
  }
}

static void
test_custom_module_board (Fixture       *f,
                          gconstpointer  data)
{
  const char *phases[] = { "Design", "Build", "Done", NULL };
  const char *sizes[] = { "S", "M", "L", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuery) query = crm_query_new ("projects");
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *group = NULL;
  g_autofree char *sum = NULL;
  g_autoptr(CrmRecord) record = NULL;
  gint64 a, b;

  g_assert_nonnull (crm_store_create_module (f->store, "projects", "Project", "Projects", NULL, &error));
  g_assert_nonnull (crm_store_add_field (f->store, "projects", "phase", "Phase", CRM_FIELD_PICKLIST, 0, NULL, phases, &error));
  g_assert_nonnull (crm_store_add_field (f->store, "projects", "size", "Size", CRM_FIELD_PICKLIST, 0, NULL, sizes, &error));
  g_assert_nonnull (crm_store_add_field (f->store, "projects", "budget", "Budget", CRM_FIELD_CURRENCY, 0, NULL, NULL, &error));
  g_assert_no_error (error);

  /* A custom module's board: its first picklist, its currency field. */
  group = crm_kanban_dup_group_field (f->store, "projects");
  sum = crm_kanban_dup_sum_field (f->store, "projects");
  g_assert_cmpstr (group, ==, "phase");
  g_assert_cmpstr (sum, ==, "budget");

  a = crm_test_create (f->store, "projects", "name", "Portal", "phase", "Design", "size", "L", "budget", "1200", NULL);
  b = crm_test_create (f->store, "projects", "name", "App", "phase", "Design", "size", "S", "budget", "300", NULL);
  groups = crm_kanban_get_groups (f->store, query, "phase", "budget", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 3);
  g_assert_cmpint (((CrmKanbanGroup *) g_ptr_array_index (groups, 0))->count, ==, 2);
  g_assert_cmpint (((CrmKanbanGroup *) g_ptr_array_index (groups, 0))->sum, ==, 150000);
  g_assert_cmpint (((CrmKanbanGroup *) g_ptr_array_index (groups, 0))->weighted, ==, 0);
  g_assert_false (crm_kanban_has_weighted_sum (f->store, "projects", "budget"));

  /* Moves work by any of its picklists, and undo. */
  g_assert_true (crm_store_move_record (f->store, "projects", a, "phase", "Build", 0, NULL, NULL, &error));
  g_assert_true (crm_kanban_set_group_field (f->store, "projects", "size", &error));
  {
    gint64 change = 0;
    g_assert_true (crm_store_move_record (f->store, "projects", b, "size", "L", a, NULL, &change, &error));
    g_assert_no_error (error);
    {
      g_autoptr(GArray) ids = column_ids (f, "projects", "size", "L");
      assert_order (ids, (gint64[]) { b, a }, 2);
    }
    g_assert_true (crm_store_undo_change (f->store, change, &error));
  }
  record = load (f, "projects", b);
  g_assert_cmpstr (crm_record_get_string (record, "size"), ==, "S");
  g_clear_object (&record);
  record = load (f, "projects", a);
  g_assert_cmpstr (crm_record_get_string (record, "phase"), ==, "Build");
}

/*
 * Settings
 */

static void
test_board_settings (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *group = crm_kanban_dup_group_field (f->store, "deals");
  g_autofree char *lead_group = crm_kanban_dup_group_field (f->store, "leads");
  g_autofree char *task_group = crm_kanban_dup_group_field (f->store, "tasks");
  g_autofree char *sum = crm_kanban_dup_sum_field (f->store, "deals");
  g_autofree char *quote_sum = crm_kanban_dup_sum_field (f->store, "quotes");
  g_autofree char *no_group = crm_kanban_dup_group_field (f->store, "price_books");
  g_auto(GStrv) collapsed = NULL;

  g_assert_cmpstr (group, ==, "stage");
  g_assert_cmpstr (lead_group, ==, "lead_status");
  g_assert_cmpstr (task_group, ==, "status");
  g_assert_cmpstr (sum, ==, "amount");
  g_assert_cmpstr (quote_sum, ==, "grand_total");
  g_free (no_group);
  no_group = crm_kanban_dup_group_field (f->store, "nothing");
  g_assert_null (no_group);

  g_assert_true (crm_kanban_set_group_field (f->store, "deals", "type", &error));
  g_assert_no_error (error);
  g_clear_pointer (&group, g_free);
  group = crm_kanban_dup_group_field (f->store, "deals");
  g_assert_cmpstr (group, ==, "type");
  g_assert_false (crm_kanban_set_group_field (f->store, "deals", "deal_name", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  g_assert_true (crm_kanban_set_sum_field (f->store, "deals", NULL, &error));
  g_clear_pointer (&sum, g_free);
  sum = crm_kanban_dup_sum_field (f->store, "deals");
  g_assert_null (sum);
  g_assert_true (crm_kanban_set_sum_field (f->store, "deals", "expected_revenue", &error));
  sum = crm_kanban_dup_sum_field (f->store, "deals");
  g_assert_cmpstr (sum, ==, "expected_revenue");
  g_assert_false (crm_kanban_set_sum_field (f->store, "deals", "stage", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  g_assert_true (crm_kanban_set_collapsed (f->store, "deals", "stage", "Closed Lost", TRUE, &error));
  g_assert_true (crm_kanban_set_collapsed (f->store, "deals", "stage", NULL, TRUE, &error));
  g_assert_true (crm_kanban_set_collapsed (f->store, "deals", "stage", "Qualification", TRUE, &error));
  g_assert_true (crm_kanban_set_collapsed (f->store, "deals", "stage", "Qualification", FALSE, &error));
  g_assert_no_error (error);
  collapsed = crm_kanban_dup_collapsed (f->store, "deals", "stage");
  g_assert_cmpuint (g_strv_length (collapsed), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) collapsed, "Closed Lost"));
  g_assert_true (g_strv_contains ((const char * const *) collapsed, ""));
  g_strfreev (collapsed);
  collapsed = crm_kanban_dup_collapsed (f->store, "deals", "type");
  g_assert_cmpuint (g_strv_length (collapsed), ==, 0);
}

static void
test_card_layout (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fields = crm_card_dup_fields (f->store, "deals");
  g_autofree char *title = crm_card_dup_title_field (f->store, "deals");
  g_autofree char *colour = crm_card_dup_colour_field (f->store, "deals");
  const char *chosen[] = { "amount", "next_step", NULL };
  const char *too_many[] = { "amount", "next_step", "stage", "type", "lead_source", NULL };

  /* The default: the list columns but the title and the owner. */
  g_assert_cmpuint (g_strv_length (fields), ==, 4);
  g_assert_cmpstr (fields[0], ==, "account_name");
  g_assert_false (g_strv_contains ((const char * const *) fields, "deal_name"));
  g_assert_null (title);
  g_assert_null (colour);

  g_assert_true (crm_card_set_layout (f->store, "deals", "next_step", chosen, "type", &error));
  g_assert_no_error (error);
  g_strfreev (fields);
  fields = crm_card_dup_fields (f->store, "deals");
  g_assert_cmpuint (g_strv_length (fields), ==, 2);
  g_assert_cmpstr (fields[1], ==, "next_step");
  title = crm_card_dup_title_field (f->store, "deals");
  g_assert_cmpstr (title, ==, "next_step");
  colour = crm_card_dup_colour_field (f->store, "deals");
  g_assert_cmpstr (colour, ==, "type");

  /* Bad layouts change nothing. */
  g_assert_false (crm_card_set_layout (f->store, "deals", NULL, too_many, NULL, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_card_set_layout (f->store, "deals", NULL, chosen, "amount", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_card_set_layout (f->store, "deals", "nope", chosen, NULL, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_strfreev (fields);
  fields = crm_card_dup_fields (f->store, "deals");
  g_assert_cmpuint (g_strv_length (fields), ==, 2);

  /* An empty choice is a choice: a title-only card. */
  g_assert_true (crm_card_set_layout (f->store, "deals", NULL, NULL, NULL, &error));
  g_strfreev (fields);
  fields = crm_card_dup_fields (f->store, "deals");
  g_assert_cmpuint (g_strv_length (fields), ==, 0);
  g_clear_pointer (&title, g_free);
  title = crm_card_dup_title_field (f->store, "deals");
  g_assert_null (title);
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *past = g_date_time_format (yesterday, "%Y-%m-%d");
  g_autofree char *future = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT, f->account);
  struct { const char *module; const char *date_field; const char *date; const char *status; gboolean late; } cases[] = {
    { "deals", "closing_date", past, "Qualification", TRUE },
    { "deals", "closing_date", today, "Qualification", FALSE },
    { "deals", "closing_date", future, "Qualification", FALSE },
    { "deals", "closing_date", past, "Closed Won", FALSE },
    { "deals", "closing_date", past, "Closed Lost", FALSE },
    { "tasks", "due_date", past, "In Progress", TRUE },
    { "tasks", "due_date", past, "Completed", FALSE },
    { "tasks", "due_date", NULL, "In Progress", FALSE },
  };

  g_assert_cmpstr (crm_kanban_get_due_field (crm_store_get_module (f->store, "deals")), ==, "closing_date");
  g_assert_cmpstr (crm_kanban_get_due_field (crm_store_get_module (f->store, "tasks")), ==, "due_date");
  g_assert_null (crm_kanban_get_due_field (crm_store_get_module (f->store, "accounts")));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CrmRecord) record = NULL;
      gint64 id;

      if (g_str_equal (cases[i].module, "deals"))
        id = crm_test_create (f->store, "deals", "deal_name", "D", "account_name", account, "amount", "1",
                              "closing_date", cases[i].date, "stage", cases[i].status, NULL);
      else if (cases[i].date != NULL)
        id = crm_test_create (f->store, "tasks", "subject", "T", "due_date", cases[i].date,
                              "status", cases[i].status, NULL);
      else
        id = crm_test_create (f->store, "tasks", "subject", "T", "status", cases[i].status, NULL);
      record = load (f, cases[i].module, id);
      g_assert_cmpint (crm_record_is_overdue (f->store, record), ==, cases[i].late);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/kanban/move/stage-history-undo", test_move_sets_stage_history_and_undoes);
  ADD ("/kanban/move/won-and-lost", test_move_won_and_lost);
  ADD ("/kanban/move/refused-rolls-back", test_move_refused_rolls_back);
  ADD ("/kanban/move/required-rules", test_required_rules);
  ADD ("/kanban/order/reorder", test_order_and_reorder);
  ADD ("/kanban/order/renumber", test_renumber_when_gaps_run_out);
  ADD ("/kanban/order/random", test_order_random);
  ADD ("/kanban/columns/totals", test_totals);
  ADD ("/kanban/columns/no-record-off-board", test_no_record_is_off_the_board);
  ADD ("/kanban/columns/lists-follow-moves", test_column_lists_follow_moves);
  ADD ("/kanban/columns/custom-module", test_custom_module_board);
  ADD ("/kanban/settings/board", test_board_settings);
  ADD ("/kanban/settings/card-layout", test_card_layout);
  ADD ("/kanban/overdue", test_overdue);

  return g_test_run ();
}
