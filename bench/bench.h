/* bench.h — shared by the parts of crm-bench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crm-store.h"

G_BEGIN_DECLS

/* How big and how often: the full run is a million leads, --quick ten
 * thousand, so that the test suite keeps the benchmark working. */
typedef struct
{
  guint     leads;
  guint     contacts;
  guint     deals;
  guint     products;
  guint     accounts;
  guint     small;          /* rows of the baseline list (B4, B8) */
  guint     runs;           /* measured runs; the figure is their median */
  guint     warmup;         /* runs thrown away first */
  guint     scroll_frames;  /* B4 */
  gboolean  quick;
  char     *data_dir;       /* databases and CSV files */
  char     *self_path;      /* this program, for child processes */
  char    **only;           /* metric ids to run, NULL = all */
} BenchConfig;

/* One line of RESULTS.md. Times are in ms, memory in MB. */
typedef struct
{
  char     *id;
  char     *metric;
  char     *unit;
  double    ours;
  double    base;           /* < 0: no baseline */
  double    max_ratio;      /* 0: no ratio target */
  double    max_abs;        /* 0: no absolute target */
  double    cpu_ours;       /* main-thread CPU ms, < 0: not taken */
  double    cpu_base;
  char     *note;
  gboolean  failed;         /* could not be measured (see note) */
} BenchResult;

typedef struct
{
  BenchConfig *config;
  GPtrArray   *results;     /* BenchResult* */
  char        *leads_db;    /* config->leads leads, contacts, deals, products */
  char        *small_db;    /* config->small leads */
  char        *leads_csv;
  /* CPU time the metric functions report for the run under way */
  GArray      *cpu[2];      /* 0: ours, 1: baseline */
  guint        side;
  gboolean     warming;
  double       load_start;  /* 1-minute load average when the run began */
} Bench;

/* A measurement: returns milliseconds (or MB), or a negative number with
 * @error set. */
typedef double (*BenchFunc) (Bench *bench, gpointer data, GError **error);

/* bench-util.c */
double       bench_now_ms         (void);
double       bench_cpu_ms         (void);
double       bench_median         (GArray *values);
double       bench_percentile     (GArray *values, double p);
/* A metric function tells the CPU time behind its figure. */
void         bench_note_cpu       (Bench *bench, double ms);
double       bench_peak_rss_mb    (void);
char        *bench_machine        (void);
double       bench_load_average   (void);
gboolean     bench_measure        (Bench *bench, BenchFunc ours, BenchFunc base,
                                   gpointer data, double *ours_out, double *base_out,
                                   GError **error);
BenchResult *bench_add_result     (Bench *bench, const char *id, const char *metric,
                                   const char *unit, double ours, double base,
                                   double max_ratio, double max_abs);
void         bench_fail_result    (Bench *bench, const char *id, const char *metric,
                                   const char *unit, double max_ratio, double max_abs,
                                   const char *why);
gboolean     bench_wants          (Bench *bench, const char *id);
void         bench_result_free    (BenchResult *result);
char        *bench_format_results (Bench *bench, double total_s);
/* Runs argv; returns its wall time in ms, or < 0 with error. */
double       bench_run_process    (const char * const *argv, GError **error);
/* Runs this program with args and returns the rest of the first line it
 * prints that starts with @key. */
char        *bench_run_child      (Bench *bench, const char * const *args,
                                   const char *key, GError **error);
void         bench_remove_db      (const char *path);
CrmStore    *bench_open_fresh     (const char *path, GError **error);

/* bench-data.c: deterministic data; row i is always the same. */
gboolean     bench_data_fill      (CrmStore *store, guint leads, guint contacts,
                                   guint deals, guint products, guint accounts,
                                   GError **error);
gboolean     bench_data_write_leads_csv (const char *path, guint n, GError **error);
/* The bare ORDER BY the list runs, for the sqlite3 CLI baseline. */
char        *bench_data_sort_sql  (CrmStore *store, const char *module,
                                   const char *field, GError **error);

/* bench-core.c: B1, B5 (core part), B7 */
void         bench_core_import    (Bench *bench);
void         bench_core_pdf       (Bench *bench);

/* bench-ui.c: B2, B3, B4, B5, B6, B8 and the child processes */
gboolean     bench_ui_available   (void);
void         bench_ui_cold_start  (Bench *bench);
void         bench_ui_sort        (Bench *bench);
void         bench_ui_scroll      (Bench *bench);
void         bench_ui_search      (Bench *bench);
void         bench_ui_kanban      (Bench *bench);
void         bench_ui_rss         (Bench *bench);
int          bench_ui_child       (const char *mode, const char *db);

G_END_DECLS
