/* crm-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_IMPORT_ERROR (crm_import_error_quark ())

/* Problems with the file as a whole, found before any row is written.
 * A bad row is a CRM_ERROR (VALIDATION, DUPLICATE, ...); a broken file a
 * CRM_CSV_ERROR; a cancelled import G_IO_ERROR_CANCELLED. */
typedef enum
{
  CRM_IMPORT_ERROR_EMPTY,            /* no header row */
  CRM_IMPORT_ERROR_NO_COLUMNS,       /* no column maps to a field */
  CRM_IMPORT_ERROR_MAPPING,          /* the mapping names a field that cannot be imported */
  CRM_IMPORT_ERROR_MISSING_REQUIRED, /* a required field has no column */
} CrmImportError;

/* At most this many row errors are kept in a report; `failed` still
 * counts every bad row. */
#define CRM_IMPORT_MAX_ERRORS 1000

typedef enum
{
  CRM_IMPORT_ALL_OR_NOTHING,
  CRM_IMPORT_SKIP_BAD_ROWS,
} CrmImportMode;

/* What to do with a row whose match_field value (compared as SQLite's
 * COLLATE NOCASE does) is already held by a live record, or by a record
 * an earlier row of the same file created. With several such records the
 * oldest counts. UPDATE sets the fields the row has a value for: empty
 * cells and system fields keep what the record has. */
typedef enum
{
  CRM_DUPLICATE_CREATE,
  CRM_DUPLICATE_SKIP,
  CRM_DUPLICATE_UPDATE,
} CrmDuplicateAction;

/* Called on the thread that runs the import, every few hundred rows and
 * once at the end. bytes_total is 0 when the size is unknown. */
typedef void (*CrmImportProgress) (guint64  bytes_done,
                                   guint64  bytes_total,
                                   guint64  rows_done,
                                   gpointer user_data);

/* All zeros (or NULL options) is a valid choice: all or nothing, every
 * row creates a record, columns mapped automatically. */
typedef struct
{
  CrmImportMode       mode;
  CrmDuplicateAction  duplicates;
  const char         *match_field;  /* api name duplicates are detected on, e.g. "email"; NULL = none */
  GHashTable         *mapping;      /* CSV header (trimmed) -> field api name, "" = ignore; headers
                                     * not in it are ignored. NULL = crm_import_guess_mapping() */
  gboolean            dry_run;      /* validate and count, write nothing */
  GCancellable       *cancellable;
  CrmImportProgress   progress;
  gpointer            progress_data;
  const char         *description;  /* the Undo description; NULL = the file name */
} CrmImportOptions;

typedef struct
{
  guint64  line;     /* physical line where the row starts (the header is line 1) */
  char    *field;    /* api name, or NULL for a problem with the whole row */
  char    *message;  /* "Email: “x” is not a valid email address" */
} CrmImportRowError;

typedef struct
{
  guint64    rows_read;          /* data rows, blank rows not counted */
  guint64    created;
  guint64    updated;            /* duplicates updated (CRM_DUPLICATE_UPDATE) */
  guint64    skipped_duplicates;
  guint64    failed;             /* bad rows (CRM_IMPORT_SKIP_BAD_ROWS) */
  GPtrArray *errors;             /* CrmImportRowError*, in file order */
  GPtrArray *unmapped_columns;   /* char*, headers that were not imported */
  gint64     change_id;          /* crm_store_undo_change() undoes the import; 0 if nothing was written */
} CrmImportReport;

GQuark      crm_import_error_quark   (void);

void        crm_import_report_free   (CrmImportReport        *report);

/* Returns TRUE when the import ran, even if bad rows were skipped; FALSE
 * with error when nothing was imported. */
gboolean    crm_import_csv           (CrmStore               *store,
                                      const char             *module,
                                      const char             *path,
                                      const CrmImportOptions *options,
                                      CrmImportReport       **report,
                                      GError                **error);
gboolean    crm_import_csv_stream    (CrmStore               *store,
                                      const char             *module,
                                      GInputStream           *stream,
                                      guint64                 size,
                                      const CrmImportOptions *options,
                                      CrmImportReport       **report,
                                      GError                **error);

/* Header (trimmed) -> field api name, for the headers that name a field by
 * api name or label (case-insensitive); each field is used at most once. */
GHashTable *crm_import_guess_mapping (CrmModule              *module,
                                      const char * const     *headers);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmImportReport, crm_import_report_free)

G_END_DECLS
