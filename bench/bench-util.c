/* bench-util.c — timing, statistics, child processes, the results table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"

double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of the calling thread: what the work costs when nothing else
 * wants the machine. Shown next to wall times in debug output. */
double
bench_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* Nearest rank on a sorted copy: p95 of 300 frames is the 285th. */
double
bench_percentile (GArray *values,
                  double  p)
{
  g_autoptr(GArray) sorted = NULL;
  guint rank;

  if (values->len == 0)
    return 0;
  sorted = g_array_copy (values);
  g_array_sort (sorted, compare_doubles);
  rank = (guint) (p / 100.0 * sorted->len + 0.999999);
  rank = CLAMP (rank, 1, sorted->len);
  return g_array_index (sorted, double, rank - 1);
}

double
bench_median (GArray *values)
{
  g_autoptr(GArray) sorted = NULL;
  guint n = values->len;

  if (n == 0)
    return 0;
  sorted = g_array_copy (values);
  g_array_sort (sorted, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

static double
status_kb (const char *key)
{
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return -1;
  line = strstr (contents, key);
  if (line == NULL)
    return -1;
  return g_ascii_strtod (line + strlen (key), NULL);
}

double
bench_peak_rss_mb (void)
{
  return status_kb ("VmHWM:") / 1024.0;
}

double
bench_load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return -1;
  return g_ascii_strtod (text, NULL);
}

char *
bench_machine (void)
{
  g_autofree char *cpuinfo = NULL;
  g_autofree char *meminfo = NULL;
  g_autofree char *model = NULL;
  double mem_kb = 0;
  const char *p;

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL) &&
      (p = strstr (cpuinfo, "model name")) != NULL &&
      (p = strchr (p, ':')) != NULL)
    {
      const char *end = strchr (p, '\n');
      model = g_strstrip (g_strndup (p + 1, end ? (gsize) (end - p - 1) : strlen (p + 1)));
    }
  if (g_file_get_contents ("/proc/meminfo", &meminfo, NULL, NULL) &&
      (p = strstr (meminfo, "MemTotal:")) != NULL)
    mem_kb = g_ascii_strtod (p + strlen ("MemTotal:"), NULL);

  return g_strdup_printf ("%s, %u cores, %.1f GiB memory",
                          model ? model : "unknown CPU", g_get_num_processors (),
                          mem_kb / 1024.0 / 1024.0);
}

void
bench_note_cpu (Bench  *bench,
                double  ms)
{
  if (!bench->warming)
    g_array_append_val (bench->cpu[bench->side], ms);
}

/* Warm-up first, then ours and the baseline alternate, so that a noisy
 * neighbour on the machine hits both sides alike. */
gboolean
bench_measure (Bench     *bench,
               BenchFunc  ours,
               BenchFunc  base,
               gpointer   data,
               double    *ours_out,
               double    *base_out,
               GError   **error)
{
  BenchConfig *config = bench->config;
  g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (double));

  g_array_set_size (bench->cpu[0], 0);
  g_array_set_size (bench->cpu[1], 0);
  for (guint i = 0; i < config->warmup + config->runs; i++)
    {
      double x, y = 0;

      bench->warming = i < config->warmup;
      bench->side = 0;
      if ((x = ours (bench, data, error)) < 0)
        return FALSE;
      bench->side = 1;
      if (base != NULL && (y = base (bench, data, error)) < 0)
        return FALSE;
      if (i < config->warmup)
        continue;
      g_array_append_val (a, x);
      g_array_append_val (b, y);
      g_debug ("run %u: %.2f / %.2f", i, x, y);
    }
  *ours_out = bench_median (a);
  if (base_out != NULL)
    *base_out = base != NULL ? bench_median (b) : -1;
  return TRUE;
}

BenchResult *
bench_add_result (Bench      *bench,
                  const char *id,
                  const char *metric,
                  const char *unit,
                  double      ours,
                  double      base,
                  double      max_ratio,
                  double      max_abs)
{
  BenchResult *r = g_new0 (BenchResult, 1);

  r->id = g_strdup (id);
  r->metric = g_strdup (metric);
  r->unit = g_strdup (unit);
  r->ours = ours;
  r->base = base;
  r->max_ratio = max_ratio;
  r->max_abs = max_abs;
  r->cpu_ours = bench->cpu[0]->len > 0 ? bench_median (bench->cpu[0]) : -1;
  r->cpu_base = bench->cpu[1]->len > 0 ? bench_median (bench->cpu[1]) : -1;
  g_array_set_size (bench->cpu[0], 0);
  g_array_set_size (bench->cpu[1], 0);
  g_ptr_array_add (bench->results, r);
  g_print ("%-4s %-60s %10.2f %s", id, metric, ours, unit);
  if (base >= 0)
    g_print ("  baseline %10.2f %s  ratio %.2f", base, unit, base > 0 ? ours / base : 0);
  g_print ("\n");
  return r;
}

void
bench_fail_result (Bench      *bench,
                   const char *id,
                   const char *metric,
                   const char *unit,
                   double      max_ratio,
                   double      max_abs,
                   const char *why)
{
  BenchResult *r = bench_add_result (bench, id, metric, unit, 0, -1, max_ratio, max_abs);

  r->failed = TRUE;
  r->note = g_strdup (why);
  g_printerr ("%s: not measured: %s\n", id, why);
}

gboolean
bench_wants (Bench      *bench,
             const char *id)
{
  char **only = bench->config->only;

  if (only == NULL)
    return TRUE;
  for (guint i = 0; only[i]; i++)
    if (g_str_has_prefix (id, only[i]) || g_str_has_prefix (only[i], id))
      return TRUE;
  return FALSE;
}

void
bench_result_free (BenchResult *r)
{
  g_free (r->id);
  g_free (r->metric);
  g_free (r->unit);
  g_free (r->note);
  g_free (r);
}

static char *
format_value (double      value,
              const char *unit)
{
  if (value >= 100)
    return g_strdup_printf ("%.0f %s", value, unit);
  if (value >= 10)
    return g_strdup_printf ("%.1f %s", value, unit);
  return g_strdup_printf ("%.2f %s", value, unit);
}

static gboolean
result_passes (BenchResult *r)
{
  if (r->failed)
    return FALSE;
  if (r->max_ratio > 0 && (r->base <= 0 || r->ours / r->base > r->max_ratio))
    return FALSE;
  if (r->max_abs > 0 && r->ours > r->max_abs)
    return FALSE;
  return TRUE;
}

char *
bench_format_results (Bench  *bench,
                      double  total_s)
{
  BenchConfig *c = bench->config;
  GString *out = g_string_new (NULL);
  g_autofree char *machine = bench_machine ();
  guint passed = 0;

  g_string_append_printf (out,
                          "| # | Metric | Ours | Baseline | Ratio | Target | Result |\n"
                          "|---|---|---:|---:|---:|---|---|\n");
  for (guint i = 0; i < bench->results->len; i++)
    {
      BenchResult *r = g_ptr_array_index (bench->results, i);
      g_autofree char *ours = r->failed ? g_strdup ("–") : format_value (r->ours, r->unit);
      g_autofree char *base = r->base >= 0 ? format_value (r->base, r->unit) : g_strdup ("–");
      g_autofree char *ratio = r->base > 0 && !r->failed ? g_strdup_printf ("%.2f×", r->ours / r->base) : g_strdup ("–");
      GString *target = g_string_new (NULL);
      gboolean pass = result_passes (r);

      if (r->max_ratio > 0)
        g_string_append_printf (target, "≤ %g×", r->max_ratio);
      if (r->max_abs > 0)
        g_string_append_printf (target, "%s≤ %g %s", target->len ? " and " : "", r->max_abs, r->unit);
      g_string_append_printf (out, "| %s | %s | %s | %s | %s | %s | %s |\n",
                              r->id, r->metric, ours, base, ratio, target->str,
                              r->failed ? "not measured" : pass ? "pass" : "**miss**");
      g_string_free (target, TRUE);
      passed += pass;
    }
  g_string_append_printf (out, "\n%u of %u targets met.\n\n", passed, bench->results->len);
  g_string_append_printf (out, "Machine: %s. %s", machine,
                          c->quick ? "Quick run" : "Full run");
  g_string_append_printf (out, ": %u leads, %u contacts, %u deals, %u products (and %u accounts for the deals); "
                          "baselines over %u rows where the issue asks for a smaller view. "
                          "Each figure is the median of %u runs after %u warm-up run%s; "
                          "the whole run took %.0f s. Load average (other jobs on the machine) %.1f at the start, "
                          "%.1f at the end. Times are wall-clock; the notes give the main thread's CPU time "
                          "behind each figure, which waiting for a shared CPU does not inflate.\n",
                          c->leads, c->contacts, c->deals, c->products, c->accounts, c->small,
                          c->runs, c->warmup, c->warmup == 1 ? "" : "s", total_s,
                          bench->load_start, bench_load_average ());

  g_string_append (out, "\nNotes:\n");
  for (guint i = 0; i < bench->results->len; i++)
    {
      BenchResult *r = g_ptr_array_index (bench->results, i);

      if (r->note == NULL && r->cpu_ours < 0)
        continue;
      g_string_append_printf (out, "\n- **%s**:", r->id);
      if (r->cpu_ours >= 0)
        {
          g_string_append_printf (out, " main-thread CPU behind the figure %.1f ms", r->cpu_ours);
          if (r->cpu_base >= 0)
            g_string_append_printf (out, " (baseline %.1f ms)", r->cpu_base);
          g_string_append (out, r->note ? ";" : ".");
        }
      if (r->note != NULL)
        g_string_append_printf (out, " %s%s", r->note, g_str_has_suffix (r->note, ".") ? "" : ".");
    }
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

double
bench_run_process (const char * const  *argv,
                   GError             **error)
{
  g_autoptr(GSubprocess) process = NULL;
  double start = bench_now_ms ();

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, error);
  if (process == NULL || !g_subprocess_wait_check (process, NULL, error))
    return -1;
  return bench_now_ms () - start;
}

char *
bench_run_child (Bench              *bench,
                 const char * const *args,
                 const char         *key,
                 GError            **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  g_ptr_array_add (argv, bench->config->self_path);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, error);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, error))
    return NULL;
  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "child %s %s failed", args[0], args[1]);
      return NULL;
    }
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], key))
      return g_strdup (lines[i] + strlen (key));
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "child %s printed no “%s”", args[0], key);
  return NULL;
}

void
bench_remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
}

CrmStore *
bench_open_fresh (const char  *path,
                  GError     **error)
{
  bench_remove_db (path);
  return crm_store_open (path, error);
}
