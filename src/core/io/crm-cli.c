/* crm-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "crm-cli.h"
#include "crm-demo.h"
#include "crm-document-builder.h"
#include "crm-documents.h"
#include "crm-query.h"
#include "crm-store.h"

/* The window-less half of the program. Each action is one row of
 * `commands`: its option name, its arguments, whether it needs the
 * database, and the function that does it. Adding an action is a
 * function plus a row. Errors print "crm: <message>" and exit with 1;
 * a database this run created is removed again when the action failed,
 * so that a typo leaves nothing behind. */

/* crm-import.h comes from the io branch; until it is merged, --import
 * and --export say so instead of failing to build. */
#if defined(__has_include)
# if __has_include("crm-import.h")
#  include "crm-import.h"
#  define CRM_CLI_HAVE_IMPORT 1
# endif
# if __has_include("crm-export.h")
#  include "crm-export.h"
# endif
#endif
#ifndef CRM_CLI_HAVE_IMPORT
# define CRM_CLI_HAVE_IMPORT 0
#endif

#define PROGRAM "crm"

typedef struct
{
  char      *database;       /* --database, NULL for the default */
  gboolean   skip_bad_rows;
  gboolean   dry_run;
  CrmStore  *store;
} CrmCli;

typedef enum
{
  DATABASE_NONE,       /* the command opens nothing itself */
  DATABASE_CREATE,     /* opened, and created when missing */
  DATABASE_EXISTING,   /* opened; a missing file is an error */
} DatabaseUse;

typedef gboolean (*CommandFunc) (CrmCli      *cli,
                                 char       **args,
                                 GError     **error);

typedef struct
{
  const char  *name;             /* the long option, without "--" */
  const char  *arg_description;  /* NULL for a flag */
  guint        n_args;           /* the option's own value plus the words after it */
  const char  *description;
  DatabaseUse  database;
  CommandFunc  run;
} Command;

static gboolean run_demo         (CrmCli *cli, char **args, GError **error);
static gboolean run_import       (CrmCli *cli, char **args, GError **error);
static gboolean run_export       (CrmCli *cli, char **args, GError **error);
static gboolean run_list_modules (CrmCli *cli, char **args, GError **error);
static gboolean run_pdf          (CrmCli *cli, char **args, GError **error);

static const Command commands[] = {
  { "demo", NULL, 0, N_("Fill an empty database with sample data"), DATABASE_CREATE, run_demo },
  { "import", N_("MODULE FILE"), 2, N_("Import a CSV file into a module"), DATABASE_CREATE, run_import },
  { "export", N_("MODULE FILE"), 2, N_("Export the records of a module to a CSV file"), DATABASE_EXISTING, run_export },
  { "list-modules", NULL, 0, N_("List the modules and how many records each holds"), DATABASE_EXISTING, run_list_modules },
  { "pdf", N_("MODULE ID FILE"), 3, N_("Write a quote, order or invoice (by id or number) as a PDF"), DATABASE_EXISTING, run_pdf },
};

/* Options that modify a command; they make a command line too. */
static const char * const modifiers[] = { "help", "version", "skip-bad-rows", "dry-run" };

/*
 * Helpers for the commands
 */

static CrmModule *
require_module (CrmCli      *cli,
                const char  *name,
                GError     **error)
{
  CrmModule *module = crm_store_get_module (cli->store, name);

  if (module == NULL)
    g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                 _("there is no module “%s”; see --list-modules"), name);
  return module;
}

/* Numbers go into messages as text: a G_GINT64_FORMAT inside _() would
 * cut the string that translators see. */
static char *
number (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

static gint64
count_all (CrmStore *store)
{
  GPtrArray *modules = crm_store_get_modules (store);
  gint64 total = 0;

  for (guint i = 0; i < modules->len; i++)
    total += MAX (0, crm_store_count_records (store, crm_module_get_api_name (g_ptr_array_index (modules, i)), NULL));
  return total;
}

/*
 * Commands
 */

static gboolean
run_demo (CrmCli  *cli,
          char   **args,
          GError **error)
{
  g_autofree char *count = NULL;

  if (!crm_demo_fill (cli->store, 1, error))
    return FALSE;
  count = number (count_all (cli->store));
  /* TRANSLATORS: the first %s is a file, the second a number of records */
  g_print (_("Added sample data to “%s” (%s records)\n"), crm_store_get_path (cli->store), count);
  return TRUE;
}

/* MODULE is "invoices" or "invoice"; ID a record id or a document
 * number such as INV-2026-0001. */
static gboolean
run_pdf (CrmCli  *cli,
         char   **args,
         GError **error)
{
  const char *module = crm_documents_lookup_module (args[0]);
  gint64 id = 0;

  if (module == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("“%s” is not a quote, sales order, purchase order or invoice module"), args[0]);
      return FALSE;
    }
  if (!g_ascii_string_to_signed (args[1], 10, 1, G_MAXINT64, &id, NULL))
    id = crm_documents_find_by_number (cli->store, module, args[1]);
  if (id == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                   _("there is no document “%s” in %s"), args[1], module);
      return FALSE;
    }
  if (!crm_document_builder_export_pdf (cli->store, module, id, args[2], error))
    return FALSE;
  /* TRANSLATORS: "Wrote “INV-2026-0001.pdf”" */
  g_print (_("Wrote “%s”\n"), args[2]);
  return TRUE;
}

static gboolean
run_list_modules (CrmCli  *cli,
                  char   **args,
                  GError **error)
{
  GPtrArray *modules = crm_store_get_modules (cli->store);
  g_autoptr(GString) out = g_string_new (NULL);
  glong name_width = 0, label_width = 0;

  for (guint i = 0; i < modules->len; i++)
    {
      CrmModule *module = g_ptr_array_index (modules, i);

      name_width = MAX (name_width, g_utf8_strlen (crm_module_get_api_name (module), -1));
      label_width = MAX (label_width, g_utf8_strlen (crm_module_get_plural (module), -1));
    }

  for (guint i = 0; i < modules->len; i++)
    {
      CrmModule *module = g_ptr_array_index (modules, i);
      const char *name = crm_module_get_api_name (module);
      const char *label = crm_module_get_plural (module);
      gint64 count = crm_store_count_records (cli->store, name, error);

      if (count < 0)
        return FALSE;
      /* Padded by characters, not bytes, so translated labels line up. */
      g_string_append (out, name);
      for (glong k = g_utf8_strlen (name, -1); k < name_width + 2; k++)
        g_string_append_c (out, ' ');
      g_string_append (out, label);
      for (glong k = g_utf8_strlen (label, -1); k < label_width + 2; k++)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%8" G_GINT64_FORMAT "\n", count);
    }
  g_print ("%s", out->str);
  return TRUE;
}

#if CRM_CLI_HAVE_IMPORT

/* "leads" or "lead": the module's own words, for short messages. */
static char *
records_word (CrmModule *module,
              guint64    n)
{
  return g_utf8_strdown (n == 1 ? crm_module_get_singular (module) : crm_module_get_plural (module), -1);
}

typedef struct
{
  gint64   started;
  gint64   shown_at;
  gboolean shown;
} Progress;

/* A single line redrawn in place: only for a person at a terminal. */
static void
show_progress (guint64  bytes_done,
               guint64  bytes_total,
               guint64  rows_done,
               gpointer data)
{
  Progress *p = data;
  gint64 now = g_get_monotonic_time ();
  double seconds = (now - p->started) / (double) G_USEC_PER_SEC;
  guint percent = bytes_total > 0 ? (guint) MIN (100, bytes_done * 100 / bytes_total) : 0;
  g_autofree char *rows = NULL;
  g_autofree char *rate = NULL;

  if (p->shown && now - p->shown_at < G_USEC_PER_SEC / 10)
    return;
  p->shown_at = now;
  p->shown = TRUE;
  rows = number (rows_done);
  rate = number (seconds > 0 ? (gint64) (rows_done / seconds) : 0);
  g_printerr ("\r");
  /* TRANSLATORS: a progress line: percent done, rows read, rows per second */
  g_printerr (_("Importing… %u%%, %s rows, %s rows/s"), percent, rows, rate);
  g_printerr ("\033[K");
}

/* The messages name the field already ("Email: “x” is not a valid ..."). */
static void
print_row_errors (CrmImportReport *report)
{
  const guint max_shown = 20;

  for (guint i = 0; i < report->errors->len && i < max_shown; i++)
    {
      CrmImportRowError *e = g_ptr_array_index (report->errors, i);
      g_autofree char *line = number ((gint64) e->line);

      /* TRANSLATORS: a line number of the CSV file, then what is wrong */
      g_printerr (_("%s: line %s: %s\n"), PROGRAM, line, e->message);
    }
  if (report->failed > max_shown)
    {
      g_autofree char *more = number ((gint64) (report->failed - max_shown));
      g_printerr (_("%s: … and %s more rows with errors\n"), PROGRAM, more);
    }
}

static gboolean
run_import (CrmCli  *cli,
            char   **args,
            GError **error)
{
  CrmModule *module = require_module (cli, args[0], error);
  CrmImportOptions options = { 0 };
  g_autoptr(CrmImportReport) report = NULL;
  Progress progress = { 0 };
  g_autofree char *created = NULL;
  g_autofree char *what = NULL;
  g_autoptr(GString) message = NULL;
  guint64 skipped;
  gboolean ok;

  if (module == NULL)
    return FALSE;

  options.mode = cli->skip_bad_rows ? CRM_IMPORT_SKIP_BAD_ROWS : CRM_IMPORT_ALL_OR_NOTHING;
  options.dry_run = cli->dry_run;
  if (isatty (STDERR_FILENO))
    {
      progress.started = g_get_monotonic_time ();
      options.progress = show_progress;
      options.progress_data = &progress;
    }

  ok = crm_import_csv (cli->store, args[0], args[1], &options, &report, error);
  if (progress.shown)
    g_printerr ("\r\033[K");
  if (!ok)
    return FALSE;

  print_row_errors (report);
  skipped = report->failed + report->skipped_duplicates;
  message = g_string_new (NULL);
  if (cli->dry_run)
    {
      g_autofree char *rows = number ((gint64) report->rows_read);
      g_autofree char *good = number ((gint64) (report->rows_read - report->failed));

      /* TRANSLATORS: both %s are numbers of rows */
      g_string_printf (message, ngettext ("Checked %s row: %s can be imported; nothing was written",
                                          "Checked %s rows: %s can be imported; nothing was written",
                                          (gulong) MIN (report->rows_read, G_MAXULONG)),
                       rows, good);
    }
  else
    {
      created = number ((gint64) report->created);
      what = records_word (module, report->created);
      /* TRANSLATORS: "Imported 300 leads": a number and the module's name */
      g_string_printf (message, _("Imported %s %s"), created, what);
      if (report->updated > 0)
        {
          g_autofree char *updated = number ((gint64) report->updated);
          /* TRANSLATORS: goes after "Imported 300 leads" */
          g_string_append_printf (message, _(", updated %s"), updated);
        }
    }
  if (skipped > 0 && !cli->dry_run)
    {
      g_autofree char *n = number ((gint64) skipped);
      /* TRANSLATORS: goes after "Imported 300 leads" */
      g_string_append_printf (message, _(" (%s skipped)"), n);
    }
  g_print ("%s\n", message->str);
  return TRUE;
}

static gboolean
run_export (CrmCli  *cli,
            char   **args,
            GError **error)
{
  CrmModule *module = require_module (cli, args[0], error);
  g_autoptr(CrmQuery) query = NULL;
  g_autofree char *count = NULL;
  g_autofree char *what = NULL;
  gint64 n;

  if (module == NULL)
    return FALSE;
  query = crm_query_new (args[0]);
  if (!crm_export_csv (cli->store, query, args[1], error))
    return FALSE;
  n = crm_store_count_records (cli->store, args[0], NULL);
  count = number (n);
  what = records_word (module, n);
  /* TRANSLATORS: "Exported 300 leads to “leads.csv”" */
  g_print (_("Exported %s %s to “%s”\n"), count, what, args[1]);
  return TRUE;
}

#else /* !CRM_CLI_HAVE_IMPORT */

static gboolean
no_import (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("this build cannot read or write CSV files yet"));
  return FALSE;
}

static gboolean
run_import (CrmCli  *cli,
            char   **args,
            GError **error)
{
  return require_module (cli, args[0], error) != NULL && no_import (error);
}

static gboolean
run_export (CrmCli  *cli,
            char   **args,
            GError **error)
{
  return require_module (cli, args[0], error) != NULL && no_import (error);
}

#endif

/*
 * Parsing and running
 */

static gboolean
is_cli_word (const char *name,
             gsize       len)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strlen (commands[i].name) == len && strncmp (commands[i].name, name, len) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
    if (strlen (modifiers[i]) == len && strncmp (modifiers[i], name, len) == 0)
      return TRUE;
  return FALSE;
}

gboolean
crm_cli_is_command (int    argc,
                    char **argv)
{
  for (int i = 1; i < argc && argv[i] != NULL; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--"))
        break;
      if (g_str_equal (arg, "-h") || g_str_equal (arg, "-?"))
        return TRUE;
      if (g_str_has_prefix (arg, "--") && is_cli_word (arg + 2, strcspn (arg + 2, "=")))
        return TRUE;
    }
  return FALSE;
}

static int
usage_error (const char *message)
{
  g_printerr (PROGRAM ": %s\n", message);
  g_printerr (_("Try “%s --help” for more information.\n"), PROGRAM);
  return 1;
}

static GOptionContext *
build_context (CrmCli    *cli,
               gboolean  *flags,
               char     **values,
               gboolean  *help,
               gboolean  *version,
               char    ***remaining)
{
  GOptionContext *context = g_option_context_new (NULL);
  g_autofree GOptionEntry *entries = g_new0 (GOptionEntry, G_N_ELEMENTS (commands) + 7);
  guint n = 0;

  entries[n++] = (GOptionEntry) { "database", 0, 0, G_OPTION_ARG_FILENAME, &cli->database,
                                  N_("The database to use (default: the one the window uses)"), N_("PATH") };
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const Command *c = &commands[i];

      if (c->arg_description == NULL)
        entries[n++] = (GOptionEntry) { c->name, 0, 0, G_OPTION_ARG_NONE, &flags[i], c->description, NULL };
      else
        entries[n++] = (GOptionEntry) { c->name, 0, 0, G_OPTION_ARG_FILENAME, &values[i], c->description,
                                        c->arg_description };
    }
  entries[n++] = (GOptionEntry) { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &cli->skip_bad_rows,
                                  N_("With --import: import the good rows and report the bad ones"), NULL };
  entries[n++] = (GOptionEntry) { "dry-run", 0, 0, G_OPTION_ARG_NONE, &cli->dry_run,
                                  N_("With --import: check the file without writing anything"), NULL };
  entries[n++] = (GOptionEntry) { "version", 0, 0, G_OPTION_ARG_NONE, version,
                                  N_("Show the version and exit"), NULL };
  entries[n++] = (GOptionEntry) { "help", 'h', 0, G_OPTION_ARG_NONE, help,
                                  N_("Show this help and exit"), NULL };
  entries[n++] = (GOptionEntry) { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, remaining, NULL, NULL };

  /* GOption's own --help calls exit(); ours returns like any command. */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Manage customers, deals and documents. Without a command, "
                                           "CRM opens its window."));
  g_option_context_set_description (context, _("Examples:\n"
                                               "  crm --demo\n"
                                               "  crm --database work.db --import leads leads.csv\n"
                                               "  crm --export deals deals.csv\n"));
  return context;
}

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
}

int
crm_cli_run (int    argc,
             char **argv)
{
  CrmCli cli = { 0 };
  gboolean flags[G_N_ELEMENTS (commands)] = { 0 };
  char *values[G_N_ELEMENTS (commands)] = { 0 };
  gboolean help = FALSE, version = FALSE;
  g_auto(GStrv) remaining = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GOptionContext) context = build_context (&cli, flags, values, &help, &version, &remaining);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) command_args = g_ptr_array_new ();
  g_autofree char *path = NULL;
  const Command *command = NULL;
  guint n_remaining, n_given;
  gboolean created = FALSE;
  gboolean ok;
  int status = 1;

  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      status = usage_error (error->message);
      goto out;
    }

  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);
      g_print ("%s", text);
      status = 0;
      goto out;
    }
  if (version)
    {
      g_print ("%s %s\n", PROGRAM, PACKAGE_VERSION);
      status = 0;
      goto out;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (flags[i] || values[i] != NULL)
      {
        if (command != NULL)
          {
            g_autofree char *message = g_strdup_printf (_("--%s and --%s cannot be used together"),
                                                        command->name, commands[i].name);
            status = usage_error (message);
            goto out;
          }
        command = &commands[i];
      }

  if (command == NULL)
    {
      status = usage_error ((cli.skip_bad_rows || cli.dry_run)
                            ? _("--skip-bad-rows and --dry-run go with --import")
                            : _("no command given"));
      goto out;
    }
  if ((cli.skip_bad_rows || cli.dry_run) && !g_str_equal (command->name, "import"))
    {
      status = usage_error (_("--skip-bad-rows and --dry-run go with --import"));
      goto out;
    }

  /* The option's own value, then the words after it. */
  n_remaining = remaining ? g_strv_length (remaining) : 0;
  n_given = n_remaining + (command->arg_description != NULL ? 1 : 0);
  if (command->arg_description != NULL)
    g_ptr_array_add (command_args, values[command - commands]);
  for (guint i = 0; i < n_remaining; i++)
    g_ptr_array_add (command_args, remaining[i]);
  g_ptr_array_add (command_args, NULL);

  if (n_given < command->n_args)
    {
      g_autofree char *message = g_strdup_printf (_("--%s needs %s"), command->name, _(command->arg_description));
      status = usage_error (message);
      goto out;
    }
  if (n_given > command->n_args)
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"),
                                                  remaining[n_remaining - (n_given - command->n_args)]);
      status = usage_error (message);
      goto out;
    }

  if (command->database != DATABASE_NONE)
    {
      path = cli.database ? g_strdup (cli.database) : crm_store_default_path ();
      created = !g_file_test (path, G_FILE_TEST_EXISTS);
      if (created && command->database == DATABASE_EXISTING)
        {
          g_printerr (_("%s: there is no database at “%s”\n"), PROGRAM, path);
          goto out;
        }
      cli.store = crm_store_open (path, &error);
      if (cli.store == NULL)
        {
          g_printerr ("%s: %s\n", PROGRAM, error->message);
          if (created)
            remove_database (path);
          goto out;
        }
    }

  ok = command->run (&cli, (char **) command_args->pdata, &error);
  g_clear_object (&cli.store);
  if (ok)
    status = 0;
  else
    {
      g_printerr ("%s: %s\n", PROGRAM, error ? error->message : _("failed"));
      if (created)
        remove_database (path);
    }

out:
  g_clear_object (&cli.store);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_free (values[i]);
  g_free (cli.database);
  return status;
}
