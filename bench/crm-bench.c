/* crm-bench.c — the delays people feel at a million records, each against
 * a baseline measured in the same run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   crm-bench [--quick] [--output RESULTS.md] [--data-dir DIR] [--only B3,B5]
 *
 * Timings never make it fail: the exit status is 0 when every metric could
 * be measured (or was left out on purpose) and 1 when one broke.
 */

#define G_LOG_DOMAIN "crm-bench"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bench.h"

/* Bumped whenever bench-data.c makes different rows, so that a kept data
 * folder is refilled. */
#define DATA_VERSION "1"

static gboolean
ensure_db (Bench       *bench,
           const char  *path,
           guint        leads,
           guint        contacts,
           guint        deals,
           guint        products,
           guint        accounts,
           GError     **error)
{
  g_autofree char *stamp = g_strdup_printf ("v" DATA_VERSION " %u %u %u %u %u", leads, contacts, deals, products, accounts);
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *have = NULL;
  double start;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      store = crm_store_open (path, NULL);
      have = store ? crm_store_get_setting (store, "bench-data") : NULL;
      if (g_strcmp0 (have, stamp) == 0)
        return TRUE;
      g_clear_object (&store);
    }

  g_print ("Making %s: %u leads, %u contacts, %u deals, %u products, %u accounts…\n",
           path, leads, contacts, deals, products, accounts);
  start = bench_now_ms ();
  store = bench_open_fresh (path, error);
  if (store == NULL ||
      !bench_data_fill (store, leads, contacts, deals, products, accounts, error) ||
      !crm_store_set_setting (store, "bench-data", stamp, error))
    return FALSE;
  g_print ("  done in %.1f s\n", (bench_now_ms () - start) / 1000);
  return TRUE;
}

static gboolean
prepare_data (Bench   *bench,
              GError **error)
{
  BenchConfig *c = bench->config;
  g_autofree char *csv_stamp = NULL;
  g_autofree char *stamp = g_strdup_printf ("v" DATA_VERSION " %u", c->leads);
  g_autofree char *stamp_path = NULL;

  bench->leads_db = g_strdup_printf ("%s/bench-%u.db", c->data_dir, c->leads);
  bench->small_db = g_strdup_printf ("%s/bench-small-%u.db", c->data_dir, c->small);
  bench->leads_csv = g_strdup_printf ("%s/leads-%u.csv", c->data_dir, c->leads);
  stamp_path = g_strconcat (bench->leads_csv, ".stamp", NULL);

  /* B1 and B7 make their own data. */
  if ((bench_wants (bench, "B2") || bench_wants (bench, "B3") || bench_wants (bench, "B4") ||
       bench_wants (bench, "B5") || bench_wants (bench, "B6") || bench_wants (bench, "B8")) &&
      (!ensure_db (bench, bench->leads_db, c->leads, c->contacts, c->deals, c->products, c->accounts, error) ||
       !ensure_db (bench, bench->small_db, c->small, 0, 0, 0, 0, error)))
    return FALSE;

  if (!bench_wants (bench, "B1"))
    return TRUE;
  if (g_file_get_contents (stamp_path, &csv_stamp, NULL, NULL) && g_str_equal (csv_stamp, stamp) &&
      g_file_test (bench->leads_csv, G_FILE_TEST_EXISTS))
    return TRUE;
  g_print ("Writing %s…\n", bench->leads_csv);
  return bench_data_write_leads_csv (bench->leads_csv, c->leads, error) &&
         g_file_set_contents (stamp_path, stamp, -1, error);
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const BenchResult *x = *(BenchResult * const *) a;
  const BenchResult *y = *(BenchResult * const *) b;

  return strcmp (x->id, y->id);
}

static gboolean
write_results (Bench       *bench,
               const char  *path,
               double       total_s,
               GError     **error)
{
  g_autofree char *table = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  g_ptr_array_sort (bench->results, compare_results);
  table = bench_format_results (bench, total_s);
  text = g_strdup_printf ("# Benchmark results\n\n"
                          "Written by `build-aux/bench` (`crm-bench`) on %s under Xvfb with "
                          "`GSK_RENDERER=cairo` and `GTK_A11Y=none`; GTK %u.%u.%u, libadwaita %u.%u.%u, SQLite %s.\n\n"
                          "%s",
                          date, gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                          adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
                          sqlite3_libversion (), table);
  g_print ("\n%s", text);
  if (path == NULL)
    return TRUE;
  return g_file_set_contents (path, text, -1, error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *only = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *child = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean quick = FALSE;
  gboolean temp_dir = FALSE;
  int runs = 0;
  int rows = 0;
  BenchConfig config = { 0 };
  Bench bench = { &config, };
  double start = bench_now_ms ();
  gboolean broken = FALSE;
  GOptionEntry entries[] = {
    { "quick", 'q', 0, G_OPTION_ARG_NONE, &quick, "10,000 rows, one run each: checks that the benchmark works", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the results table (Markdown) to FILE", "FILE" },
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, "Keep the generated data in DIR and reuse it", "DIR" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Run only these metrics, e.g. B3,B5", "IDS" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Measured runs per metric (default 5)", "N" },
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Leads and contacts (default 1,000,000; --quick 10,000)", "N" },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child, "Internal: a child process", "MODE" },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* The list view and the window keep settings: read the schema from
   * this build, and never write the settings of whoever runs it. */
  g_setenv ("GSETTINGS_SCHEMA_DIR", CRM_BUILD_DATA_DIR, FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  /* As build-aux/bench runs it, unless told otherwise: software GL under
   * Xvfb would measure Mesa rather than us (PERFORMANCE.md §1). */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  context = g_option_context_new ("— measure CRM at a million records");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (child != NULL)
    {
      if (rest == NULL || rest[0] == NULL)
        {
          g_printerr ("--child MODE DB\n");
          return 2;
        }
      return bench_ui_child (child, rest[0]);
    }

  config.quick = quick;
  config.leads = rows > 0 ? (guint) rows : quick ? 10000 : 1000000;
  config.contacts = config.leads;
  config.deals = config.leads / 10;
  config.products = config.leads / 100;
  config.accounts = config.leads / 100;
  config.small = 1000;
  /* --quick checks that every path works; its figures mean little. */
  config.runs = runs > 0 ? (guint) runs : quick ? 1 : 5;
  config.warmup = quick ? 0 : 1;
  config.scroll_frames = quick ? 30 : 300;
  config.self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (config.self_path == NULL)
    config.self_path = g_strdup (argv[0]);
  config.only = only ? g_strsplit (only, ",", -1) : NULL;
  if (data_dir == NULL)
    {
      data_dir = g_dir_make_tmp ("crm-bench-XXXXXX", &error);
      temp_dir = TRUE;
      if (data_dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  else if (g_mkdir_with_parents (data_dir, 0755) != 0)
    {
      g_printerr ("Cannot create %s\n", data_dir);
      return 1;
    }
  config.data_dir = data_dir;
  bench.results = g_ptr_array_new_with_free_func ((GDestroyNotify) bench_result_free);
  bench.cpu[0] = g_array_new (FALSE, FALSE, sizeof (double));
  bench.cpu[1] = g_array_new (FALSE, FALSE, sizeof (double));

  bench.load_start = bench_load_average ();
  if (!prepare_data (&bench, &error))
    {
      g_printerr ("Cannot make the data: %s\n", error->message);
      return 1;
    }

  /* Cheap and display-free first; the importer, which writes the most,
   * last, so that its files do not push the others out of the page cache. */
  if (bench_wants (&bench, "B7"))
    bench_core_pdf (&bench);
  if (bench_ui_available ())
    {
      if (bench_wants (&bench, "B3"))
        bench_ui_sort (&bench);
      if (bench_wants (&bench, "B4"))
        bench_ui_scroll (&bench);
      if (bench_wants (&bench, "B5"))
        bench_ui_search (&bench);
      if (bench_wants (&bench, "B6"))
        bench_ui_kanban (&bench);
      if (bench_wants (&bench, "B8"))
        bench_ui_rss (&bench);
      if (bench_wants (&bench, "B2"))
        bench_ui_cold_start (&bench);
    }
  else
    g_printerr ("No display: B2–B6 and B8 need one (run under xvfb-run)\n");
  if (bench_wants (&bench, "B1"))
    bench_core_import (&bench);

  for (guint i = 0; i < bench.results->len; i++)
    {
      BenchResult *r = g_ptr_array_index (bench.results, i);
      if (r->failed)
        broken = TRUE;
    }
  if (!write_results (&bench, output, (bench_now_ms () - start) / 1000, &error))
    {
      g_printerr ("%s\n", error->message);
      broken = TRUE;
    }

  if (temp_dir)
    remove_tree (data_dir);
  g_ptr_array_unref (bench.results);
  g_array_unref (bench.cpu[0]);
  g_array_unref (bench.cpu[1]);
  g_free (bench.leads_db);
  g_free (bench.small_db);
  g_free (bench.leads_csv);
  g_free (config.self_path);
  g_strfreev (config.only);
  return broken ? 1 : 0;
}
