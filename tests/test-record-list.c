/* test-record-list.c — the lazy list model over 100,000 rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crm-record-list.h"
#include "crm-test-util.h"

#define N_ROWS 100000

typedef struct
{
  char     *dir;
  CrmStore *store;
} Fixture;

typedef struct
{
  guint emissions;
  guint position;
  guint removed;
  guint added;
  guint n_items;    /* after the last emission; 0 until connected */
} ChangeLog;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  ChangeLog  *log)
{
  /* The model already has its new size when it tells of a change. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, log->n_items - removed + added);
  log->n_items = g_list_model_get_n_items (model);
  log->emissions++;
  log->position = position;
  log->removed = removed;
  log->added = added;
}

static Fixture shared;

static gboolean
loading_timed_out (gpointer data)
{
  g_error ("the list never finished loading");
  return G_SOURCE_REMOVE;
}

/* Lists longer than 20,000 rows read their ids after the first page on a
 * worker thread; the result comes back through the main loop. */
static void
wait_loaded (CrmRecordList *list)
{
  guint timeout = g_timeout_add_seconds (30, loading_timed_out, NULL);

  while (crm_record_list_is_loading (list))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

/* Rows go in with one SQL statement, once for all tests (which run in
 * order; only the last ones change data): this test is about reading. */
static void
fill_shared (void)
{
  Fixture *f = &shared;
  g_autoptr(GError) error = NULL;

  f->store = crm_test_open_store (&f->dir);
  g_assert_true (crm_store_exec (f->store,
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
    "INSERT INTO leads (created_at, modified_at, owner_id, first_name, last_name, city, lead_status, annual_revenue) "
    "SELECT 1700000000 + i, 1700000000 + i, 1, 'First' || i, "
    "  printf('Name%06d', (i * 7919) % 100000), "
    "  CASE i % 3 WHEN 0 THEN 'Jakarta' WHEN 1 THEN 'Surabaya' ELSE 'Bandung' END, "
    "  CASE i % 2 WHEN 0 THEN 'Contacted' ELSE 'Not Contacted' END, i * 100 "
    "FROM n", &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  *f = shared;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
}

static void
test_lazy_pages (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CrmQuery) query = crm_query_new ("leads");
  g_autoptr(CrmRecordList) list = crm_record_list_new (f->store, query);
  g_autoptr(CrmRecord) first = NULL;
  g_autoptr(CrmRecord) last = NULL;
  g_autoptr(CrmRecord) again = NULL;

  /* The first page is there at once, the rest follows. */
  g_assert_true (crm_record_list_is_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, CRM_RECORD_LIST_PAGE_SIZE);
  g_assert_cmpint (crm_record_list_get_id (list, CRM_RECORD_LIST_PAGE_SIZE - 1), ==, CRM_RECORD_LIST_PAGE_SIZE);
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ROWS);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == CRM_TYPE_RECORD);
  /* Opening the list reads ids only. */
  g_assert_cmpuint (crm_record_list_get_page_loads (list), ==, 0);

  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (crm_record_get_id (first), ==, 1);
  g_assert_cmpstr (crm_record_get_string (first, "first_name"), ==, "First1");
  g_assert_cmpuint (crm_record_list_get_page_loads (list), ==, 1);

  /* Rows on the same page come from the cache. */
  again = g_list_model_get_item (G_LIST_MODEL (list), CRM_RECORD_LIST_PAGE_SIZE - 1);
  g_assert_cmpuint (crm_record_list_get_page_loads (list), ==, 1);

  last = g_list_model_get_item (G_LIST_MODEL (list), N_ROWS - 1);
  g_assert_cmpint (crm_record_get_id (last), ==, N_ROWS);
  g_assert_cmpuint (crm_record_list_get_page_loads (list), ==, 2);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), N_ROWS));

  /* Walking the whole list keeps the cache small. */
  for (guint i = 0; i < N_ROWS; i += 997)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  g_assert_cmpuint (crm_record_list_get_cached_pages (list), <=, 24);
}

/* A new order is one removal of every row and one addition: never a
 * range GTK has to search (see replace_ids()). */
static void
test_sort_is_one_change (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CrmQuery) query = crm_query_new ("leads");
  g_autoptr(CrmRecordList) list = crm_record_list_new (f->store, query);
  g_autoptr(GError) error = NULL;
  ChangeLog log = { 0 };
  g_autofree char *prev = NULL;

  wait_loaded (list);
  log.n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &log);

  /* Everything goes, the first page comes... */
  crm_query_set_sort (query, "last_name", FALSE);
  g_assert_true (crm_record_list_set_query (list, query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.emissions, ==, 2);
  g_assert_cmpuint (log.position, ==, 0);
  g_assert_cmpuint (log.removed, ==, 0);
  g_assert_cmpuint (log.added, ==, CRM_RECORD_LIST_PAGE_SIZE);
  /* ...and the rest is appended in one go. */
  wait_loaded (list);
  g_assert_cmpuint (log.emissions, ==, 3);
  g_assert_cmpuint (log.position, ==, CRM_RECORD_LIST_PAGE_SIZE);
  g_assert_cmpuint (log.removed, ==, 0);
  g_assert_cmpuint (log.added, ==, N_ROWS - CRM_RECORD_LIST_PAGE_SIZE);
  g_assert_cmpuint (crm_record_list_get_page_loads (list), ==, 0);

  /* The order is the database's: check a sample of neighbours. */
  for (guint i = 0; i < N_ROWS; i += 4999)
    {
      g_autoptr(CrmRecord) r = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *name = crm_record_get_string (r, "last_name");
      if (prev != NULL)
        g_assert_cmpint (g_ascii_strcasecmp (prev, name), <=, 0);
      g_free (prev);
      prev = g_strdup (name);
    }

  crm_query_set_sort (query, "last_name", TRUE);
  g_assert_true (crm_record_list_set_query (list, query, &error));
  wait_loaded (list);
  g_assert_cmpuint (log.emissions, ==, 6);
  {
    g_autoptr(CrmRecord) r = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (crm_record_get_string (r, "last_name"), ==, "Name099999");
  }

  /* A bad query changes nothing. */
  crm_query_set_sort (query, NULL, FALSE);
  crm_query_add_criterion (query, "no_such_field", CRM_OP_IS, g_variant_new_string ("x"), NULL);
  g_assert_false (crm_record_list_set_query (list, query, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_assert_false (crm_record_list_is_loading (list));
  g_assert_cmpuint (log.emissions, ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ROWS);
}

/* A write while the ids are read: the list reads again and ends up with
 * the database's rows, whichever snapshot the worker saw. */
static void
test_write_while_loading (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CrmQuery) query = crm_query_new ("leads");
  g_autoptr(CrmRecordList) list = crm_record_list_new (f->store, query);
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_record_list_is_loading (list));
  g_assert_true (crm_store_delete_record (f->store, "leads", 500, &error));
  g_assert_no_error (error);
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ROWS - 1);
  g_assert_cmpint (crm_record_list_find (list, 500), ==, -1);
  g_assert_cmpint (crm_record_list_get_id (list, 499), ==, 501);

  g_assert_true (crm_store_restore_record (f->store, "leads", 500, &error));
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ROWS);
  g_assert_cmpint (crm_record_list_find (list, 500), ==, 499);

  /* Dropped while loading: it goes at once, the worker's result nowhere. */
  crm_query_set_sort (query, "city", FALSE);
  g_assert_true (crm_record_list_set_query (list, query, &error));
  g_assert_true (crm_record_list_is_loading (list));
  g_assert_finalize_object (g_steal_pointer (&list));
  for (guint i = 0; i < 50; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CrmQuery) query = crm_query_new ("leads");
  g_autoptr(CrmRecordList) list = NULL;
  g_autoptr(GError) error = NULL;

  crm_query_add_criterion (query, "city", CRM_OP_IS, g_variant_new_string ("jakarta"), NULL);
  crm_query_add_criterion (query, "lead_status", CRM_OP_IS, g_variant_new_string ("Contacted"), NULL);
  list = crm_record_list_new (f->store, query);
  /* i % 3 == 0 and i % 2 == 0: every sixth row */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ROWS / 6);

  crm_query_set_match_any (query, TRUE);
  g_assert_true (crm_record_list_set_query (list, query, &error));
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 33333 + 50000 - 16666);

  crm_query_clear_criteria (query);
  crm_query_set_match_any (query, FALSE);
  crm_query_add_criterion (query, "annual_revenue", CRM_OP_BETWEEN,
                           g_variant_new_int64 (1000), g_variant_new_int64 (2000));
  g_assert_true (crm_record_list_set_query (list, query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 11);

  crm_query_clear_criteria (query);
  crm_query_add_criterion (query, "last_name", CRM_OP_STARTS_WITH, g_variant_new_string ("name00001"), NULL);
  g_assert_true (crm_record_list_set_query (list, query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);

  /* A text operator on a number is refused, with the field named. */
  crm_query_clear_criteria (query);
  crm_query_add_criterion (query, "annual_revenue", CRM_OP_CONTAINS, g_variant_new_string ("1"), NULL);
  g_assert_false (crm_record_list_set_query (list, query, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "Annual Revenue"));
}

static void
test_follows_store (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CrmQuery) query = crm_query_new ("leads");
  g_autoptr(CrmRecordList) list = NULL;
  g_autoptr(GError) error = NULL;
  ChangeLog log = { 0 };
  gint position;

  crm_query_add_criterion (query, "city", CRM_OP_IS, g_variant_new_string ("Medan"), NULL);
  list = crm_record_list_new (f->store, query);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &log);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* An edit that moves a row into the filter adds it. */
  g_assert_true (crm_store_set_field (f->store, "leads", 42, "city", g_variant_new_string ("Medan"), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (log.emissions, ==, 1);

  /* An edit inside the filter refreshes just that row. */
  g_assert_true (crm_store_set_field (f->store, "leads", 42, "first_name", g_variant_new_string ("Budi"), &error));
  g_assert_cmpuint (log.emissions, ==, 2);
  g_assert_cmpuint (log.position, ==, 0);
  g_assert_cmpuint (log.removed, ==, 1);
  g_assert_cmpuint (log.added, ==, 1);
  {
    g_autoptr(CrmRecord) r = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (crm_record_get_string (r, "first_name"), ==, "Budi");
  }

  /* A delete removes it. */
  position = crm_record_list_find (list, 42);
  g_assert_cmpint (position, ==, 0);
  g_assert_true (crm_store_delete_record (f->store, "leads", 42, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (log.removed, ==, 1);
  g_assert_cmpuint (log.added, ==, 0);

  /* And the recycle bin view shows it. */
  {
    g_autoptr(CrmQuery) bin = crm_query_new ("leads");
    g_autoptr(CrmRecordList) deleted = NULL;
    crm_query_set_scope (bin, CRM_SCOPE_DELETED);
    deleted = crm_record_list_new (f->store, bin);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (deleted)), ==, 1);
    g_assert_cmpint (crm_record_list_get_id (deleted, 0), ==, 42);
  }
}

static void
test_serialize_views (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CrmQuery) query = crm_query_new ("leads");
  g_autoptr(CrmQuery) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  crm_query_set_scope (query, CRM_SCOPE_MINE);
  crm_query_set_match_any (query, TRUE);
  crm_query_add_criterion (query, "city", CRM_OP_IS, g_variant_new_string ("Jakarta"), NULL);
  crm_query_add_criterion (query, "created_at", CRM_OP_LAST_N_DAYS, g_variant_new_int64 (7), NULL);
  crm_query_set_sort (query, "last_name", TRUE);
  text = crm_query_serialize (query);
  back = crm_query_deserialize ("leads", text, &error);
  g_assert_no_error (error);
  g_assert_true (crm_query_equal (query, back));
  g_assert_null (crm_query_deserialize ("leads", "(1, not a query", &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/record-list/lazy-pages", test_lazy_pages);
  ADD ("/record-list/sort-one-change", test_sort_is_one_change);
  ADD ("/record-list/write-while-loading", test_write_while_loading);
  ADD ("/record-list/filter", test_filter);
  ADD ("/record-list/follows-store", test_follows_store);
  ADD ("/record-list/serialize", test_serialize_views);
#undef ADD

  fill_shared ();
  {
    int status = g_test_run ();
    g_clear_object (&shared.store);
    crm_test_remove_dir (shared.dir);
    g_free (shared.dir);
    return status;
  }
}
