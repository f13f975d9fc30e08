/* crm-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include "crm-setup.h"
#include "crm-store-private.h"

/* The store owns the SQLite connection: pragmas, migrations, the statement
 * cache, transactions and change sets. It emits ::records-changed after a
 * commit, never inside a transaction, so that list models re-read
 * committed data only. */

struct _CrmStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;       /* SQL text -> sqlite3_stmt* */
  GPtrArray  *modules;          /* CrmModule*, ordered by position */
  GHashTable *modules_by_name;  /* borrowed */
  GArray     *pending;          /* PendingNotify, emitted after commit */
  GPtrArray  *hooks;            /* WriteHook* */
  guint       next_hook_id;
  guint       hook_depth;
  GHashTable *undo_hooks;       /* history action -> CrmUndoHook */
  gint64      current_user;
  gint64      current_change;
  int         tx_depth;
  int         change_depth;
  int         schema_version;
  guint       metadata_dirty : 1;
};

typedef struct
{
  char   *module;
  gint64  id;
} PendingNotify;

typedef struct
{
  guint          id;
  char          *module;
  CrmWriteHook   func;
  gpointer       data;
  GDestroyNotify destroy;
} WriteHook;

static void
write_hook_free (gpointer p)
{
  WriteHook *hook = p;

  if (hook->destroy)
    hook->destroy (hook->data);
  g_free (hook->module);
  g_free (hook);
}

enum {
  RECORDS_CHANGED,
  METADATA_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (CrmStore, crm_store, G_TYPE_OBJECT)

/* Migrations run in order, each in its own transaction. */
typedef gboolean (*MigrationFunc) (CrmStore *self, GError **error);

static const struct {
  int           version;
  const char   *resource;
  MigrationFunc after;
} migrations[] = {
  { 1, "/com/example/Crm/schema/crm-schema-001.sql", _crm_store_seed_standard },
  { 2, "/com/example/Crm/schema/crm-schema-002.sql", _crm_documents_migrate_002 },
  { 3, "/com/example/Crm/schema/crm-schema-003.sql", NULL },
  { 5, "/com/example/Crm/schema/crm-schema-005.sql", NULL },
  { 6, "/com/example/Crm/schema/crm-schema-006.sql", _crm_setup_migrate_006 },
};

/*
 * Helpers
 */

gint64
_crm_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
crm_store_set_sqlite_error (CrmStore  *self,
                            GError   **error)
{
  int code = sqlite3_errcode (self->db);

  if (code == SQLITE_NOTADB)
    g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_A_DATABASE,
                 _("“%s” is not a CRM database"), self->path);
  else
    g_set_error (error, CRM_ERROR, CRM_ERROR_DATABASE,
                 _("Database error: %s"), sqlite3_errmsg (self->db));
}

void
_crm_bind_variant (sqlite3_stmt *stmt,
                   int           index,
                   GVariant     *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    sqlite3_bind_text (stmt, index, g_variant_get_string (value, NULL), -1, SQLITE_TRANSIENT);
  else
    g_return_if_reached ();
}

GVariant *
_crm_column_variant (sqlite3_stmt *stmt,
                     int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      return NULL;
    case SQLITE_INTEGER:
      return g_variant_new_int64 (sqlite3_column_int64 (stmt, column));
    case SQLITE_FLOAT:
      /* Never written by us; read defensively as a whole number. */
      return g_variant_new_int64 ((gint64) sqlite3_column_double (stmt, column));
    default:
      return g_variant_new_string ((const char *) sqlite3_column_text (stmt, column));
    }
}

sqlite3_stmt *
crm_store_prepare (CrmStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      crm_store_set_sqlite_error (self, error);
      g_prefix_error (error, "%s: ", sql);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
crm_store_exec (CrmStore    *self,
                const char  *sql,
                GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_DATABASE, _("Database error: %s"),
                   message ? message : sqlite3_errmsg (self->db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static void
clear_statements (CrmStore *self)
{
  /* Schema changes invalidate nothing for sqlite3_prepare_v3 statements,
   * but dropping a column would make cached SELECT * statements stale. */
  g_hash_table_remove_all (self->statements);
}

/*
 * Transactions
 */

gboolean
crm_store_begin (CrmStore  *self,
                 GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (self->tx_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT sp%d", self->tx_depth);

  if (!crm_store_exec (self, sql, error))
    return FALSE;
  self->tx_depth++;
  return TRUE;
}

static void
flush_pending (CrmStore *self)
{
  g_autoptr(GArray) pending = self->pending;
  gboolean metadata = self->metadata_dirty;

  self->pending = g_array_new (FALSE, TRUE, sizeof (PendingNotify));
  g_array_set_clear_func (self->pending, (GDestroyNotify) NULL);
  self->metadata_dirty = FALSE;

  if (metadata)
    g_signal_emit (self, signals [METADATA_CHANGED], 0);

  for (guint i = 0; i < pending->len; i++)
    {
      PendingNotify *p = &g_array_index (pending, PendingNotify, i);
      g_signal_emit (self, signals [RECORDS_CHANGED], g_quark_from_string (p->module), p->module, p->id);
      g_free (p->module);
    }
}

static void
drop_pending (CrmStore *self)
{
  for (guint i = 0; i < self->pending->len; i++)
    g_free (g_array_index (self->pending, PendingNotify, i).module);
  g_array_set_size (self->pending, 0);
}

gboolean
crm_store_commit (CrmStore  *self,
                  GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (self->tx_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE sp%d", self->tx_depth - 1);

  if (!crm_store_exec (self, sql, error))
    {
      crm_store_rollback (self);
      return FALSE;
    }
  self->tx_depth--;

  if (self->tx_depth == 0)
    flush_pending (self);
  return TRUE;
}

void
crm_store_rollback (CrmStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (CRM_IS_STORE (self));
  if (self->tx_depth == 0)
    return;

  if (self->tx_depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO sp%d; RELEASE sp%d", self->tx_depth - 1, self->tx_depth - 1);

  if (!crm_store_exec (self, sql, NULL))
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->db));
  self->tx_depth--;

  if (self->tx_depth == 0)
    {
      drop_pending (self);
      if (self->metadata_dirty)
        {
          /* A failed custom-field change: read the metadata back. */
          self->metadata_dirty = FALSE;
          _crm_store_load_metadata (self, NULL);
        }
    }
}

gboolean
crm_store_in_transaction (CrmStore *self)
{
  return self->tx_depth > 0;
}

void
_crm_store_notify (CrmStore   *self,
                   const char *module,
                   gint64      id)
{
  PendingNotify p = { g_strdup (module), id };

  /* Collapse a burst (mass update, import) into one "many" notification. */
  if (self->pending->len >= 64)
    {
      for (guint i = 0; i < self->pending->len; i++)
        {
          PendingNotify *q = &g_array_index (self->pending, PendingNotify, i);
          if (g_str_equal (q->module, module))
            {
              q->id = 0;
              g_free (p.module);
              return;
            }
        }
    }
  g_array_append_val (self->pending, p);
  if (self->tx_depth == 0)
    flush_pending (self);
}

void
_crm_store_notify_metadata (CrmStore *self)
{
  self->metadata_dirty = TRUE;
  clear_statements (self);
  if (self->tx_depth == 0)
    flush_pending (self);
}

/*
 * Change sets
 */

gint64
crm_store_begin_change (CrmStore    *self,
                        const char  *action,
                        const char  *module,
                        const char  *description,
                        GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);
  g_return_val_if_fail (action != NULL, 0);

  if (!crm_store_begin (self, error))
    return 0;

  if (self->change_depth++ > 0)
    return self->current_change;

  stmt = crm_store_prepare (self,
                            "INSERT INTO changes (time, user_id, action, module, description) "
                            "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, _crm_store_now ());
  sqlite3_bind_int64 (stmt, 2, self->current_user);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, description, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (self, error);
      goto failed;
    }
  self->current_change = sqlite3_last_insert_rowid (self->db);
  return self->current_change;

failed:
  self->change_depth--;
  crm_store_rollback (self);
  return 0;
}

gboolean
crm_store_end_change (CrmStore  *self,
                      GError   **error)
{
  g_return_val_if_fail (self->change_depth > 0, FALSE);

  if (--self->change_depth == 0)
    self->current_change = 0;
  if (!crm_store_commit (self, error))
    {
      /* commit rolled back: the outer change is gone too */
      self->change_depth = 0;
      self->current_change = 0;
      return FALSE;
    }
  return TRUE;
}

void
crm_store_abort_change (CrmStore *self)
{
  g_return_if_fail (self->change_depth > 0);

  if (--self->change_depth == 0)
    self->current_change = 0;
  crm_store_rollback (self);
}

gint64
crm_store_get_current_change (CrmStore *self)
{
  return self->current_change;
}

gint64
crm_store_get_last_change (CrmStore *self)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (self, "SELECT id FROM changes WHERE undone = 0 AND action != 'undo' "
                             "ORDER BY id DESC LIMIT 1", NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return 0;
}

char *
crm_store_dup_change_description (CrmStore *self,
                                  gint64    change_id)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (self, "SELECT description FROM changes WHERE id = ?", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, change_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return NULL;
}

gboolean
_crm_store_add_history (CrmStore    *self,
                        const char  *module,
                        gint64       record_id,
                        const char  *action,
                        const char  *field,
                        GVariant    *old_value,
                        GVariant    *new_value,
                        GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;
  /* Callers pass floating values as often as borrowed ones. */
  g_autoptr(GVariant) old_ref = old_value ? g_variant_ref_sink (old_value) : NULL;
  g_autoptr(GVariant) new_ref = new_value ? g_variant_ref_sink (new_value) : NULL;

  g_return_val_if_fail (self->current_change != 0, FALSE);

  stmt = crm_store_prepare (self,
                            "INSERT INTO history (change_id, module, record_id, time, user_id, "
                            "action, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->current_change);
  sqlite3_bind_text (stmt, 2, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, record_id);
  sqlite3_bind_int64 (stmt, 4, _crm_store_now ());
  sqlite3_bind_int64 (stmt, 5, self->current_user);
  sqlite3_bind_text (stmt, 6, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, field, -1, SQLITE_TRANSIENT);
  _crm_bind_variant (stmt, 8, old_value);
  _crm_bind_variant (stmt, 9, new_value);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/*
 * Write hooks
 */

guint
crm_store_add_write_hook (CrmStore       *self,
                          const char     *module,
                          CrmWriteHook    func,
                          gpointer        user_data,
                          GDestroyNotify  destroy)
{
  WriteHook *hook;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);
  g_return_val_if_fail (func != NULL, 0);

  hook = g_new0 (WriteHook, 1);
  hook->id = ++self->next_hook_id;
  hook->module = g_strdup (module);
  hook->func = func;
  hook->data = user_data;
  hook->destroy = destroy;
  g_ptr_array_add (self->hooks, hook);
  return hook->id;
}

void
crm_store_remove_write_hook (CrmStore *self,
                             guint     hook_id)
{
  for (guint i = 0; i < self->hooks->len; i++)
    {
      WriteHook *hook = g_ptr_array_index (self->hooks, i);
      if (hook->id == hook_id)
        {
          g_ptr_array_remove_index (self->hooks, i);
          return;
        }
    }
}

guint
crm_store_get_hook_depth (CrmStore *self)
{
  return self->hook_depth;
}

gboolean
_crm_store_run_write_hooks (CrmStore    *self,
                            const char  *action,
                            CrmRecord   *before,
                            CrmRecord   *after,
                            GError     **error)
{
  const char *module = crm_module_get_api_name (crm_record_get_module (after));
  gboolean ok = TRUE;

  if (self->hook_depth >= 8)
    {
      /* A rule that keeps triggering itself would never end. */
      g_set_error (error, CRM_ERROR, CRM_ERROR_FAILED,
                   _("Automatic updates triggered each other too many times; nothing was saved"));
      return FALSE;
    }

  self->hook_depth++;
  for (guint i = 0; ok && i < self->hooks->len; i++)
    {
      WriteHook *hook = g_ptr_array_index (self->hooks, i);

      if (hook->module == NULL || g_str_equal (hook->module, module))
        ok = hook->func (self, action, before, after, hook->data, error);
    }
  self->hook_depth--;
  return ok;
}

/*
 * Users and settings
 */

gint64
crm_store_get_current_user (CrmStore *self)
{
  return self->current_user;
}

void
crm_store_set_current_user (CrmStore *self,
                            gint64    user_id)
{
  self->current_user = user_id;
}

gint64
crm_store_add_user (CrmStore    *self,
                    const char  *name,
                    const char  *email,
                    const char  *role,
                    GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (*stripped == '\0')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A user needs a name"));
      return 0;
    }

  stmt = crm_store_prepare (self, "INSERT INTO users (name, email, role) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, email, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, role, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (self, error);
      return 0;
    }
  return sqlite3_last_insert_rowid (self->db);
}

char *
crm_store_dup_user_name (CrmStore *self,
                         gint64    user_id)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (self, "SELECT name FROM users WHERE id = ?", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return NULL;
}

GVariant *
crm_store_list_users (CrmStore *self)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (self, "SELECT id, name FROM users WHERE active = 1 ORDER BY name, id", NULL);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(xs)"));
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_variant_builder_add (&builder, "(xs)", sqlite3_column_int64 (stmt, 0),
                           (const char *) sqlite3_column_text (stmt, 1));
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

char *
crm_store_get_setting (CrmStore   *self,
                       const char *key)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return NULL;
}

gboolean
crm_store_set_setting (CrmStore    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (self, "INSERT INTO settings (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

char *
crm_store_dup_home_currency (CrmStore *self)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (self, "SELECT home_currency FROM company WHERE id = 1", NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0))
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return g_strdup ("USD");
}

/*
 * Opening and migrating
 */

static gboolean
read_user_version (CrmStore  *self,
                   int       *version,
                   GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
    {
      crm_store_set_sqlite_error (self, error);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *version = sqlite3_column_int (stmt, 0);
  else
    crm_store_set_sqlite_error (self, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW;
}

static gboolean
migrate (CrmStore  *self,
         GError   **error)
{
  int version = 0;

  if (!read_user_version (self, &version, error))
    return FALSE;

  if (version > CRM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of CRM (schema %d; this version knows up to %d). "
                     "Update CRM to open it."),
                   self->path, version, CRM_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *set_version = NULL;

      if (migrations[i].version <= version)
        continue;

      bytes = g_resources_lookup_data (migrations[i].resource, 0, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      set_version = g_strdup_printf ("PRAGMA user_version = %d", migrations[i].version);

      if (!crm_store_begin (self, error))
        return FALSE;
      if (!crm_store_exec (self, sql, error) ||
          (migrations[i].after && !migrations[i].after (self, error)) ||
          !crm_store_exec (self, set_version, error) ||
          !crm_store_commit (self, error))
        {
          crm_store_rollback (self);
          g_prefix_error (error, _("Could not upgrade the database to schema %d: "), migrations[i].version);
          return FALSE;
        }
      version = migrations[i].version;
    }

  self->schema_version = version;
  return TRUE;
}

static gboolean
ensure_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* Created with mode 0600 before SQLite opens it: customer data is
   * nobody else's business. O_EXCL leaves an existing file alone. */
  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      g_close (fd, NULL);
      return TRUE;
    }
  if (errno == EEXIST)
    return TRUE;

  {
    int saved = errno;
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("Could not create “%s”: %s"), path, g_strerror (saved));
  }
  return FALSE;
}

static gboolean
ensure_default_user (CrmStore  *self,
                     GError   **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (self, "SELECT id FROM users WHERE active = 1 ORDER BY id LIMIT 1", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      self->current_user = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  sqlite3_reset (stmt);

  {
    const char *real = g_get_real_name ();
    const char *name = (real && *real && g_strcmp0 (real, "Unknown") != 0) ? real : g_get_user_name ();

    self->current_user = crm_store_add_user (self, name, NULL, _("Administrator"), error);
  }
  return self->current_user != 0;
}

CrmStore *
crm_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(CrmStore) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CRM_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!ensure_file (path, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_DATABASE, _("Could not open “%s”: %s"),
                   path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!crm_store_exec (self,
                       "PRAGMA journal_mode = WAL;"
                       "PRAGMA synchronous = NORMAL;"
                       "PRAGMA foreign_keys = ON;"
                       "PRAGMA temp_store = MEMORY;"
                       "PRAGMA cache_size = -32000;",
                       NULL))
    {
      int code = sqlite3_errcode (self->db) & 0xff;

      if (code == SQLITE_NOTADB)
        g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_A_DATABASE,
                     _("“%s” is not a CRM database"), path);
      else
        crm_store_set_sqlite_error (self, error);
      return NULL;
    }

  if (!migrate (self, error))
    return NULL;
  if (!_crm_store_load_metadata (self, error))
    return NULL;
  if (!ensure_default_user (self, error))
    return NULL;
  _crm_documents_install (self);

  /* Currencies, owners, privacy and workflow rules apply to every write,
   * whoever opened the store: the window, the command line or a test. */
  crm_setup_attach (self);

  return g_steal_pointer (&self);
}

const char *
crm_store_get_path (CrmStore *self)
{
  return self->path;
}

sqlite3 *
crm_store_get_db (CrmStore *self)
{
  return self->db;
}

int
crm_store_get_schema_version (CrmStore *self)
{
  return self->schema_version;
}

char *
crm_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "com.example.Crm", "crm.db", NULL);
}

/*
 * Undo hooks
 */

void
_crm_store_add_undo_hook (CrmStore    *self,
                          const char  *action,
                          CrmUndoHook  hook)
{
  g_hash_table_insert (self->undo_hooks, g_strdup (action), hook);
}

gboolean
_crm_store_run_undo_hook (CrmStore    *self,
                          const char  *action,
                          const char  *module,
                          gint64       id,
                          const char  *field,
                          GVariant    *old_value,
                          GError     **error)
{
  CrmUndoHook hook = g_hash_table_lookup (self->undo_hooks, action);

  /* An action nobody claims changed nothing that undo could put back. */
  if (hook == NULL)
    return TRUE;
  return hook (self, module, id, field, old_value, error);
}

/*
 * Module cache (filled by crm-store-metadata.c)
 */

void
_crm_store_set_modules (CrmStore  *self,
                        GPtrArray *modules)
{
  g_hash_table_remove_all (self->modules_by_name);
  g_clear_pointer (&self->modules, g_ptr_array_unref);
  self->modules = g_ptr_array_ref (modules);
  for (guint i = 0; i < modules->len; i++)
    {
      CrmModule *module = g_ptr_array_index (modules, i);
      g_hash_table_insert (self->modules_by_name, (char *) crm_module_get_api_name (module), module);
    }
}

GPtrArray *
crm_store_get_modules (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  return self->modules;
}

CrmModule *
crm_store_get_module (CrmStore   *self,
                      const char *api_name)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  if (api_name == NULL)
    return NULL;
  return g_hash_table_lookup (self->modules_by_name, api_name);
}

/*
 * GObject
 */

static void
crm_store_finalize (GObject *object)
{
  CrmStore *self = (CrmStore *)object;

  if (self->tx_depth > 0)
    {
      g_warning ("Store finalized inside a transaction; rolling back");
      self->tx_depth = 1;
      crm_store_rollback (self);
    }

  drop_pending (self);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->hooks, g_ptr_array_unref);
  g_clear_pointer (&self->undo_hooks, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->modules_by_name, g_hash_table_unref);
  g_clear_pointer (&self->modules, g_ptr_array_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (crm_store_parent_class)->finalize (object);
}

static void
crm_store_class_init (CrmStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_store_finalize;

  /**
   * CrmStore::records-changed:
   * @module: the module's api name (also the signal detail)
   * @id: the record, or 0 when many records of the module changed
   *
   * Emitted after a commit that created, changed or deleted records.
   */
  signals [RECORDS_CHANGED] =
    g_signal_new ("records-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  /**
   * CrmStore::metadata-changed:
   *
   * Emitted after modules, fields or picklists changed.
   */
  signals [METADATA_CHANGED] =
    g_signal_new ("metadata-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
statement_free (gpointer data)
{
  sqlite3_finalize (data);
}

static void
crm_store_init (CrmStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_free);
  self->modules_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->modules = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending = g_array_new (FALSE, TRUE, sizeof (PendingNotify));
  self->hooks = g_ptr_array_new_with_free_func (write_hook_free);
  self->undo_hooks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
