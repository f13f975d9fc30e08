/* crm-related.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-related"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-attachments.h"
#include "crm-related.h"
#include "crm-store-private.h"

/* Children lists stop here: a page is not the place to page through
 * thousands of rows; the module's list view filtered by the lookup is. */
#define MAX_CHILDREN 200
#define LOAD_PAGE 25

/*
 * Freeing
 */

void
crm_note_free (CrmNote *note)
{
  if (note == NULL)
    return;
  g_free (note->title);
  g_free (note->content);
  g_free (note->owner_name);
  g_free (note);
}

static void
field_change_free (gpointer data)
{
  CrmFieldChange *change = data;

  g_free (change->field);
  g_free (change->label);
  g_free (change->old_text);
  g_free (change->new_text);
  g_free (change);
}

void
crm_timeline_entry_free (CrmTimelineEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->user_name);
  g_free (entry->title);
  g_free (entry->text);
  g_free (entry->item_module);
  g_clear_pointer (&entry->changes, g_ptr_array_unref);
  g_free (entry);
}

void
crm_related_item_free (CrmRelatedItem *item)
{
  if (item == NULL)
    return;
  g_free (item->module);
  g_free (item->title);
  g_free (item->detail);
  g_free (item);
}

void
crm_related_list_free (CrmRelatedList *list)
{
  if (list == NULL)
    return;
  g_free (list->module);
  g_free (list->field);
  g_free (list->label);
  g_clear_pointer (&list->items, g_ptr_array_unref);
  g_free (list);
}

/*
 * Helpers
 */

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gboolean
step_error (CrmStore  *store,
            int        rc,
            GError   **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  crm_store_set_sqlite_error (store, error);
  return FALSE;
}

static CrmModule *
require_module (CrmStore    *store,
                const char  *name,
                GError     **error)
{
  CrmModule *module = crm_store_get_module (store, name);

  if (module == NULL)
    g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"), name ? name : "");
  return module;
}

/* Display text of a record's field, or NULL when empty. */
static char *
format_field (CrmStore   *store,
              CrmRecord  *record,
              CrmField   *field)
{
  GVariant *value = crm_record_get_value (record, crm_field_get_api_name (field));
  char *text;

  if (value == NULL)
    return NULL;
  text = crm_store_format_value (store, field, value);
  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* "Negotiation · $5,000.00 · 1 May 2026": the first list columns that are
 * neither part of the title nor the field that links to the parent. */
static char *
record_detail (CrmStore   *store,
               CrmRecord  *record,
               const char *skip_field,
               const char *prefix,
               guint       max_parts)
{
  CrmModule *module = crm_record_get_module (record);
  const char * const *title_fields = crm_module_get_title_fields (module);
  g_autoptr(GPtrArray) fields = crm_module_dup_list_fields (module);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (prefix != NULL)
    g_ptr_array_add (parts, g_strdup (prefix));
  for (guint i = 0; i < fields->len && parts->len < max_parts; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      const char *name = crm_field_get_api_name (field);
      char *text;

      if (g_strv_contains (title_fields, name) || g_strcmp0 (name, skip_field) == 0)
        continue;
      text = format_field (store, record, field);
      if (text != NULL)
        g_ptr_array_add (parts, text);
    }
  g_ptr_array_add (parts, NULL);
  /* Translators: separates values in a one-line summary */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static char *
record_title (CrmRecord *record)
{
  char *title = crm_record_dup_title (record);

  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = g_strdup_printf ("%s #%" G_GINT64_FORMAT,
                               crm_module_get_singular (crm_record_get_module (record)),
                               crm_record_get_id (record));
    }
  return title;
}

/* Ids of live rows of `module` that match `where` (with ?1 = text and
 * ?2 = integer bound), newest first. */
static GArray *
select_ids (CrmStore     *store,
            CrmModule    *module,
            const char   *where,
            const char   *text,
            gint64        number,
            GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE deleted_at IS NULL AND (%s) "
                                          "ORDER BY id DESC LIMIT %d",
                                          crm_module_get_table (module), where, MAX_CHILDREN);
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, number);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (!step_error (store, rc, error))
    return NULL;
  return g_steal_pointer (&ids);
}

/* Records in the order of `ids` (load_records does not keep it). */
static GPtrArray *
load_in_order (CrmStore     *store,
               CrmModule    *module,
               GArray       *ids,
               GError      **error)
{
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);

  /* Fixed-size pages (the last one padded with a repeated id) keep the
   * store's statement cache to one statement per module. */
  for (guint start = 0; start < ids->len; start += LOAD_PAGE)
    {
      gint64 page[LOAD_PAGE];
      g_autoptr(GPtrArray) part = NULL;

      for (guint i = 0; i < LOAD_PAGE; i++)
        page[i] = g_array_index (ids, gint64, MIN (start + i, ids->len - 1));
      part = crm_store_load_records (store, crm_module_get_api_name (module), page, LOAD_PAGE, error);
      if (part == NULL)
        return NULL;
      for (guint i = 0; i < part->len; i++)
        g_ptr_array_add (loaded, g_object_ref (g_ptr_array_index (part, i)));
    }
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < loaded->len; i++)
    {
      CrmRecord *record = g_ptr_array_index (loaded, i);
      gint64 id = crm_record_get_id (record);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), record);
    }
  for (guint i = 0; i < ids->len; i++)
    {
      CrmRecord *record = g_hash_table_lookup (by_id, &g_array_index (ids, gint64, i));
      if (record != NULL)
        g_ptr_array_add (out, g_object_ref (record));
    }
  return g_steal_pointer (&out);
}

/*
 * Notes
 */

GPtrArray *
crm_store_list_notes (CrmStore    *store,
                      const char  *module,
                      gint64       record_id,
                      GError     **error)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_note_free);
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (module != NULL, NULL);

  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "SELECT id, title, content, owner_id, created_at, modified_at FROM notes "
                                "WHERE module = ? AND record_id = ? AND deleted_at IS NULL "
                                "ORDER BY created_at DESC, id DESC", error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, record_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        CrmNote *note = g_new0 (CrmNote, 1);

        note->id = sqlite3_column_int64 (stmt, 0);
        note->title = g_strdup (column_text (stmt, 1));
        note->content = g_strdup (column_text (stmt, 2) ? column_text (stmt, 2) : "");
        note->owner_id = sqlite3_column_int64 (stmt, 3);
        note->created_at = sqlite3_column_int64 (stmt, 4);
        note->modified_at = sqlite3_column_int64 (stmt, 5);
        g_ptr_array_add (notes, note);
      }
    if (!step_error (store, rc, error))
      return NULL;
  }

  /* Names are looked up after the loop: the user statement is cached
   * separately, but keeping one statement live at a time is simpler. */
  for (guint i = 0; i < notes->len; i++)
    {
      CrmNote *note = g_ptr_array_index (notes, i);
      note->owner_name = crm_store_dup_user_name (store, note->owner_id);
    }
  return g_steal_pointer (&notes);
}

/*
 * Activities
 */

gboolean
crm_module_is_activity (CrmModule *module)
{
  CrmField *rel_module, *rel_id;

  g_return_val_if_fail (CRM_IS_MODULE (module), FALSE);

  rel_module = crm_module_get_field (module, "related_module");
  rel_id = crm_module_get_field (module, "related_id");
  return rel_module != NULL && rel_id != NULL &&
         crm_field_get_storage (rel_module) == CRM_STORAGE_TEXT &&
         crm_field_get_storage (rel_id) == CRM_STORAGE_INT;
}

/* The time that ends an activity: "end_time" when there is one, else its
 * last user-set date-time field (a call's start). */
static CrmField *
activity_time_field (CrmModule *module)
{
  GPtrArray *fields = crm_module_get_fields (module);
  CrmField *found = crm_module_get_field (module, "end_time");

  if (found != NULL)
    return found;
  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      CrmFieldType type = crm_field_get_field_type (field);

      if ((type == CRM_FIELD_DATETIME || type == CRM_FIELD_DATE) &&
          !crm_field_has_flag (field, CRM_FIELD_FLAG_SYSTEM))
        found = field;
    }
  return found;
}

static gint64
field_time (CrmRecord *record,
            CrmField  *field)
{
  GVariant *value = crm_record_get_value (record, crm_field_get_api_name (field));

  if (value == NULL)
    return -1;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_variant_get_int64 (value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    {
      /* A due date is over at the end of its day. */
      g_autofree char *iso = g_strdup_printf ("%sT23:59:59", g_variant_get_string (value, NULL));
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, local);
      return dt ? g_date_time_to_unix (dt) : -1;
    }
  return -1;
}

gboolean
crm_store_activity_is_closed (CrmStore  *store,
                              CrmRecord *activity,
                              gint64     now)
{
  CrmModule *module;
  CrmField *status, *time_field;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (CRM_IS_RECORD (activity), FALSE);

  module = crm_record_get_module (activity);
  status = crm_module_get_field (module, "status");
  if (status != NULL && crm_field_get_field_type (status) == CRM_FIELD_PICKLIST)
    {
      const char *meaning = crm_store_get_picklist_meaning (store, crm_module_get_api_name (module), "status",
                                                            crm_record_get_string (activity, "status"));
      return g_strcmp0 (meaning, "closed") == 0 || g_strcmp0 (meaning, "cancelled") == 0;
    }

  time_field = activity_time_field (module);
  if (time_field != NULL)
    {
      gint64 t = field_time (activity, time_field);
      return t >= 0 && t < now;
    }
  return FALSE;
}

/* Activities of a record: those related to it, and those whose lookups
 * point at it (a call's contact). */
static gboolean
collect_activities (CrmStore    *store,
                    CrmModule   *module,
                    gint64       record_id,
                    GPtrArray   *out,
                    GError     **error)
{
  GPtrArray *modules = crm_store_get_modules (store);
  const char *name = crm_module_get_api_name (module);

  for (guint m = 0; m < modules->len; m++)
    {
      CrmModule *activity_module = g_ptr_array_index (modules, m);
      GPtrArray *fields = crm_module_get_fields (activity_module);
      g_autoptr(GString) where = NULL;
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GPtrArray) records = NULL;

      if (!crm_module_is_activity (activity_module) || crm_module_is_hidden (activity_module))
        continue;

      where = g_string_new ("(related_module = ?1 AND related_id = ?2)");
      for (guint i = 0; i < fields->len; i++)
        {
          CrmField *field = g_ptr_array_index (fields, i);

          if (crm_field_get_field_type (field) == CRM_FIELD_LOOKUP &&
              g_strcmp0 (crm_field_get_lookup_module (field), name) == 0)
            g_string_append_printf (where, " OR \"%s\" = ?2", crm_field_get_api_name (field));
        }

      ids = select_ids (store, activity_module, where->str, name, record_id, error);
      if (ids == NULL)
        return FALSE;
      records = load_in_order (store, activity_module, ids, error);
      if (records == NULL)
        return FALSE;
      for (guint i = 0; i < records->len; i++)
        g_ptr_array_add (out, g_object_ref (g_ptr_array_index (records, i)));
    }
  return TRUE;
}

static CrmRelatedItem *
activity_item (CrmStore  *store,
               CrmRecord *activity)
{
  CrmModule *module = crm_record_get_module (activity);
  CrmRelatedItem *item = g_new0 (CrmRelatedItem, 1);

  item->module = g_strdup (crm_module_get_api_name (module));
  item->id = crm_record_get_id (activity);
  item->title = record_title (activity);
  item->detail = record_detail (store, activity, NULL, crm_module_get_singular (module), 3);
  item->time = crm_record_get_int (activity, "created_at", 0);
  return item;
}

/*
 * Timeline
 */

typedef struct
{
  gint64     id;
  gint64     change_id;
  gint64     time;
  gint64     user_id;
  char      *action;
  char      *field;
  GVariant  *old_value;
  GVariant  *new_value;
  gboolean   is_undo;
} HistoryRow;

static void
history_row_free (gpointer data)
{
  HistoryRow *row = data;

  g_free (row->action);
  g_free (row->field);
  g_clear_pointer (&row->old_value, g_variant_unref);
  g_clear_pointer (&row->new_value, g_variant_unref);
  g_free (row);
}

static GVariant *
sink_column (sqlite3_stmt *stmt,
             int           column)
{
  GVariant *value = _crm_column_variant (stmt, column);

  return value ? g_variant_ref_sink (value) : NULL;
}

static GPtrArray *
load_history (CrmStore    *store,
              const char  *module,
              gint64       record_id,
              GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (store,
                       "SELECT h.id, h.change_id, h.time, h.user_id, h.action, h.field, h.old_value, h.new_value, "
                       "c.action FROM history h LEFT JOIN changes c ON c.id = h.change_id "
                       "WHERE h.module = ? AND h.record_id = ? ORDER BY h.id", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (history_row_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, record_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HistoryRow *row = g_new0 (HistoryRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->change_id = sqlite3_column_int64 (stmt, 1);
      row->time = sqlite3_column_int64 (stmt, 2);
      row->user_id = sqlite3_column_int64 (stmt, 3);
      row->action = g_strdup (column_text (stmt, 4));
      row->field = g_strdup (column_text (stmt, 5));
      row->old_value = sink_column (stmt, 6);
      row->new_value = sink_column (stmt, 7);
      row->is_undo = g_strcmp0 (column_text (stmt, 8), "undo") == 0;
      g_ptr_array_add (rows, row);
    }
  if (!step_error (store, rc, error))
    return NULL;
  return g_steal_pointer (&rows);
}

static char *
history_value_text (CrmStore  *store,
                    CrmField  *field,
                    GVariant  *value)
{
  char *text;

  if (value == NULL)
    return NULL;
  if (field == NULL)
    return g_variant_is_of_type (value, G_VARIANT_TYPE_STRING)
             ? g_variant_dup_string (value, NULL)
             : g_variant_print (value, FALSE);
  text = crm_store_format_value (store, field, value);
  if (text == NULL && crm_field_get_field_type (field) == CRM_FIELD_LOOKUP)
    text = g_strdup_printf ("#%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  return text;
}

typedef struct
{
  CrmTimelineEntry *entry;
  gint64            order;   /* breaks ties between entries of the same second */
} Sortable;

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Sortable *sa = *(const Sortable * const *) a;
  const Sortable *sb = *(const Sortable * const *) b;

  if (sa->entry->time != sb->entry->time)
    return sa->entry->time < sb->entry->time ? 1 : -1;
  /* Within one second, whatever else happened came after the creation. */
  if ((sa->entry->kind == CRM_TIMELINE_CREATED) != (sb->entry->kind == CRM_TIMELINE_CREATED))
    return sa->entry->kind == CRM_TIMELINE_CREATED ? 1 : -1;
  if (sa->order != sb->order)
    return sa->order < sb->order ? 1 : -1;
  return 0;
}

static void
add_entry (GPtrArray        *sortables,
           CrmTimelineEntry *entry,
           gint64            order)
{
  Sortable *s = g_new0 (Sortable, 1);

  s->entry = entry;
  s->order = order;
  g_ptr_array_add (sortables, s);
}

static void
sortable_free (gpointer data)
{
  Sortable *s = data;

  crm_timeline_entry_free (s->entry);
  g_free (s);
}

static gboolean
timeline_history (CrmStore    *store,
                  CrmModule   *module,
                  gint64       record_id,
                  GPtrArray   *sortables,
                  GError     **error)
{
  g_autoptr(GPtrArray) rows = load_history (store, crm_module_get_api_name (module), record_id, error);
  CrmTimelineEntry *current = NULL;
  gint64 current_change = 0;

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      HistoryRow *row = g_ptr_array_index (rows, i);
      CrmTimelineEntry *entry;

      if (g_str_equal (row->action, "update"))
        {
          CrmField *field = row->field ? crm_module_get_field (module, row->field) : NULL;
          CrmFieldChange *change;

          /* Values the program derives (expected revenue, totals) follow
           * from the changes shown next to them. */
          if (field != NULL && crm_field_has_flag (field, CRM_FIELD_FLAG_SYSTEM))
            continue;
          if (current == NULL || current_change != row->change_id)
            {
              current = g_new0 (CrmTimelineEntry, 1);
              current->kind = CRM_TIMELINE_UPDATED;
              current->time = row->time;
              current->user_id = row->user_id;
              current->change_id = row->change_id;
              current->is_undo = row->is_undo;
              current->changes = g_ptr_array_new_with_free_func (field_change_free);
              current_change = row->change_id;
              add_entry (sortables, current, row->id);
            }
          change = g_new0 (CrmFieldChange, 1);
          change->field = g_strdup (row->field);
          change->label = g_strdup (field ? crm_field_get_label (field) : row->field);
          change->old_text = history_value_text (store, field, row->old_value);
          change->new_text = history_value_text (store, field, row->new_value);
          g_ptr_array_add (current->changes, change);
          continue;
        }

      current = NULL;
      current_change = 0;
      entry = g_new0 (CrmTimelineEntry, 1);
      entry->time = row->time;
      entry->user_id = row->user_id;
      entry->change_id = row->change_id;
      entry->is_undo = row->is_undo;
      if (g_str_equal (row->action, "create"))
        entry->kind = CRM_TIMELINE_CREATED;
      else if (g_str_equal (row->action, "delete"))
        entry->kind = CRM_TIMELINE_DELETED;
      else if (g_str_equal (row->action, "restore"))
        entry->kind = CRM_TIMELINE_RESTORED;
      else
        {
          /* Notes come from the notes table (with their current text);
           * a purge leaves no record to show a timeline for. */
          crm_timeline_entry_free (entry);
          continue;
        }
      add_entry (sortables, entry, row->id);
    }
  return TRUE;
}

GPtrArray *
crm_store_get_timeline (CrmStore    *store,
                        const char  *module_name,
                        gint64       record_id,
                        GError     **error)
{
  CrmModule *module;
  g_autoptr(GPtrArray) sortables = g_ptr_array_new_with_free_func (sortable_free);
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) attachments = NULL;
  GPtrArray *out;
  gint64 now = _crm_store_now ();

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  module = require_module (store, module_name, error);
  if (module == NULL)
    return NULL;

  if (!timeline_history (store, module, record_id, sortables, error))
    return NULL;

  notes = crm_store_list_notes (store, module_name, record_id, error);
  if (notes == NULL)
    return NULL;
  for (guint i = 0; i < notes->len; i++)
    {
      CrmNote *note = g_ptr_array_index (notes, i);
      CrmTimelineEntry *entry = g_new0 (CrmTimelineEntry, 1);

      entry->kind = CRM_TIMELINE_NOTE;
      entry->time = note->created_at;
      entry->user_id = note->owner_id;
      entry->title = g_strdup (note->title);
      entry->text = g_strdup (note->content);
      entry->item_id = note->id;
      add_entry (sortables, entry, note->id);
    }

  if (!collect_activities (store, module, record_id, activities, error))
    return NULL;
  for (guint i = 0; i < activities->len; i++)
    {
      CrmRecord *activity = g_ptr_array_index (activities, i);
      CrmModule *activity_module = crm_record_get_module (activity);
      CrmTimelineEntry *entry = g_new0 (CrmTimelineEntry, 1);
      CrmField *status = crm_module_get_field (activity_module, "status");

      entry->kind = CRM_TIMELINE_ACTIVITY;
      entry->time = crm_record_get_int (activity, "created_at", 0);
      entry->user_id = crm_record_get_int (activity, "created_by", 0);
      entry->title = record_title (activity);
      entry->item_module = g_strdup (crm_module_get_api_name (activity_module));
      entry->item_id = crm_record_get_id (activity);
      if (status != NULL)
        entry->text = format_field (store, activity, status);
      if (entry->text == NULL)
        entry->text = g_strdup (crm_store_activity_is_closed (store, activity, now) ? _("Done") : _("Planned"));
      add_entry (sortables, entry, entry->item_id);
    }

  attachments = crm_store_list_attachments (store, module_name, record_id, error);
  if (attachments == NULL)
    return NULL;
  for (guint i = 0; i < attachments->len; i++)
    {
      CrmAttachment *attachment = g_ptr_array_index (attachments, i);
      CrmTimelineEntry *entry = g_new0 (CrmTimelineEntry, 1);

      entry->kind = CRM_TIMELINE_ATTACHMENT;
      entry->time = attachment->created_at;
      entry->user_id = attachment->owner_id;
      entry->title = g_strdup (attachment->file_name);
      entry->text = g_format_size (attachment->size);
      entry->item_id = attachment->id;
      add_entry (sortables, entry, attachment->id);
    }

  g_ptr_array_sort (sortables, compare_newest_first);

  out = g_ptr_array_new_full (sortables->len, (GDestroyNotify) crm_timeline_entry_free);
  for (guint i = 0; i < sortables->len; i++)
    {
      Sortable *s = g_ptr_array_index (sortables, i);

      if (s->entry->user_id != 0)
        s->entry->user_name = crm_store_dup_user_name (store, s->entry->user_id);
      g_ptr_array_add (out, g_steal_pointer (&s->entry));
    }
  return out;
}

/*
 * Related lists
 */

static CrmRelatedList *
related_list_new (CrmRelatedKind  kind,
                  const char     *label)
{
  CrmRelatedList *list = g_new0 (CrmRelatedList, 1);

  list->kind = kind;
  list->label = g_strdup (label);
  list->items = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_related_item_free);
  return list;
}

/* How many lookup fields of `child` point at `target`: with more than one,
 * each list's label names its field ("Contacts (Reports To)"). */
static guint
count_lookups_to (CrmModule  *child,
                  const char *target)
{
  GPtrArray *fields = crm_module_get_fields (child);
  guint n = 0;

  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);

      if (crm_field_get_field_type (field) == CRM_FIELD_LOOKUP &&
          !crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN) &&
          !crm_field_has_flag (field, CRM_FIELD_FLAG_SYSTEM) &&
          g_strcmp0 (crm_field_get_lookup_module (field), target) == 0)
        n++;
    }
  return n;
}

static gboolean
add_children (CrmStore    *store,
              CrmModule   *module,
              gint64       record_id,
              GPtrArray   *lists,
              GError     **error)
{
  GPtrArray *modules = crm_store_get_modules (store);
  const char *name = crm_module_get_api_name (module);

  for (guint m = 0; m < modules->len; m++)
    {
      CrmModule *child = g_ptr_array_index (modules, m);
      GPtrArray *fields = crm_module_get_fields (child);
      guint n_lookups;

      if (crm_module_is_activity (child) || crm_module_is_hidden (child))
        continue;
      n_lookups = count_lookups_to (child, name);

      for (guint i = 0; i < fields->len && n_lookups > 0; i++)
        {
          CrmField *field = g_ptr_array_index (fields, i);
          g_autofree char *where = NULL;
          g_autofree char *label = NULL;
          g_autoptr(GArray) ids = NULL;
          g_autoptr(GPtrArray) records = NULL;
          CrmRelatedList *list;

          if (crm_field_get_field_type (field) != CRM_FIELD_LOOKUP ||
              crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN) ||
              crm_field_has_flag (field, CRM_FIELD_FLAG_SYSTEM) ||
              g_strcmp0 (crm_field_get_lookup_module (field), name) != 0)
            continue;

          /* A record is not its own child (an account as its own parent). */
          where = g_strdup_printf ("\"%s\" = ?2%s", crm_field_get_api_name (field),
                                   child == module ? " AND id != ?2" : "");
          ids = select_ids (store, child, where, NULL, record_id, error);
          if (ids == NULL)
            return FALSE;
          records = load_in_order (store, child, ids, error);
          if (records == NULL)
            return FALSE;

          if (n_lookups > 1 || child == module)
            /* Translators: a related list, e.g. "Contacts (Reports To)" */
            label = g_strdup_printf (_("%s (%s)"), crm_module_get_plural (child), crm_field_get_label (field));
          else
            label = g_strdup (crm_module_get_plural (child));

          list = related_list_new (CRM_RELATED_CHILDREN, label);
          list->module = g_strdup (crm_module_get_api_name (child));
          list->field = g_strdup (crm_field_get_api_name (field));
          for (guint r = 0; r < records->len; r++)
            {
              CrmRecord *record = g_ptr_array_index (records, r);
              CrmRelatedItem *item = g_new0 (CrmRelatedItem, 1);

              item->module = g_strdup (list->module);
              item->id = crm_record_get_id (record);
              item->title = record_title (record);
              item->detail = record_detail (store, record, list->field, NULL, 3);
              item->time = crm_record_get_int (record, "created_at", 0);
              g_ptr_array_add (list->items, item);
            }
          g_ptr_array_add (lists, list);
        }
    }
  return TRUE;
}

static gboolean
add_contact_roles (CrmStore    *store,
                   gint64       deal_id,
                   GPtrArray   *lists,
                   GError     **error)
{
  CrmModule *contacts = crm_store_get_module (store, "contacts");
  g_autoptr(CrmRecord) deal = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);
  CrmRelatedList *list;
  gint64 primary;
  int rc;

  if (contacts == NULL)
    return TRUE;
  deal = crm_store_load_record (store, "deals", deal_id, error);
  if (deal == NULL)
    return FALSE;

  /* The deal's own contact comes first, as Zoho lists it. */
  primary = crm_record_get_int (deal, "contact_name", 0);
  if (primary != 0)
    {
      g_array_append_val (ids, primary);
      g_ptr_array_add (roles, NULL);
    }

  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "SELECT to_id, role FROM relations WHERE kind = 'contact_role' AND "
                                "from_module = 'deals' AND from_id = ? AND to_module = 'contacts' ORDER BY id",
                         error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, deal_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        if (id == primary)
          {
            g_free (g_ptr_array_index (roles, 0));
            g_ptr_array_index (roles, 0) = g_strdup (column_text (stmt, 1));
            continue;
          }
        g_array_append_val (ids, id);
        g_ptr_array_add (roles, g_strdup (column_text (stmt, 1)));
      }
    if (!step_error (store, rc, error))
      return FALSE;
  }

  list = related_list_new (CRM_RELATED_CONTACT_ROLES, _("Contact Roles"));
  list->module = g_strdup ("contacts");
  g_ptr_array_add (lists, list);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(CrmRecord) contact = crm_store_load_record (store, "contacts", id, NULL);
      const char *role = g_ptr_array_index (roles, i);
      CrmRelatedItem *item;
      g_autofree char *rest = NULL;

      if (contact == NULL || crm_record_is_deleted (contact))
        continue;
      item = g_new0 (CrmRelatedItem, 1);
      item->module = g_strdup ("contacts");
      item->id = id;
      item->title = record_title (contact);
      rest = record_detail (store, contact, "account_name", NULL, 2);
      if (role == NULL && id == primary)
        role = _("Primary contact");
      if (role != NULL && *rest != '\0')
        item->detail = g_strdup_printf (_("%s · %s"), role, rest);
      else
        item->detail = g_strdup (role ? role : rest);
      g_ptr_array_add (list->items, item);
    }
  return TRUE;
}

static gboolean
add_stage_history (CrmStore    *store,
                   CrmModule   *module,
                   gint64       record_id,
                   GPtrArray   *lists,
                   GError     **error)
{
  CrmField *stage = crm_module_get_field (module, "stage");
  g_autoptr(CrmRecord) record = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  CrmRelatedList *list;
  gboolean first = TRUE;

  if (stage == NULL || crm_field_get_field_type (stage) != CRM_FIELD_PICKLIST)
    return TRUE;
  record = crm_store_load_record (store, crm_module_get_api_name (module), record_id, error);
  if (record == NULL)
    return FALSE;
  rows = load_history (store, crm_module_get_api_name (module), record_id, error);
  if (rows == NULL)
    return FALSE;

  list = related_list_new (CRM_RELATED_STAGE_HISTORY, _("Stage History"));
  g_ptr_array_add (lists, list);

  for (guint i = 0; i < rows->len; i++)
    {
      HistoryRow *row = g_ptr_array_index (rows, i);
      CrmRelatedItem *item;
      g_autofree char *user = NULL;

      if (!g_str_equal (row->action, "update") || g_strcmp0 (row->field, "stage") != 0)
        continue;

      /* History keeps no values for a create: the stage a record was
       * created with is the first change's old value. */
      if (first && row->old_value != NULL && g_variant_is_of_type (row->old_value, G_VARIANT_TYPE_STRING))
        {
          item = g_new0 (CrmRelatedItem, 1);
          item->title = g_variant_dup_string (row->old_value, NULL);
          item->time = crm_record_get_int (record, "created_at", 0);
          user = crm_store_dup_user_name (store, crm_record_get_int (record, "created_by", 0));
          item->detail = user ? g_strdup_printf (_("Set by %s"), user) : NULL;
          g_ptr_array_insert (list->items, 0, item);
          g_clear_pointer (&user, g_free);
        }
      first = FALSE;
      if (row->new_value == NULL || !g_variant_is_of_type (row->new_value, G_VARIANT_TYPE_STRING))
        continue;

      item = g_new0 (CrmRelatedItem, 1);
      item->title = g_variant_dup_string (row->new_value, NULL);
      item->time = row->time;
      user = crm_store_dup_user_name (store, row->user_id);
      if (user != NULL)
        item->detail = g_strdup_printf (_("Set by %s"), user);
      g_ptr_array_insert (list->items, 0, item);
    }

  if (first && crm_record_get_string (record, "stage") != NULL)
    {
      CrmRelatedItem *item = g_new0 (CrmRelatedItem, 1);
      g_autofree char *user = crm_store_dup_user_name (store, crm_record_get_int (record, "created_by", 0));

      item->title = g_strdup (crm_record_get_string (record, "stage"));
      item->time = crm_record_get_int (record, "created_at", 0);
      item->detail = user ? g_strdup_printf (_("Set by %s"), user) : NULL;
      g_ptr_array_add (list->items, item);
    }
  return TRUE;
}

GPtrArray *
crm_store_get_related_lists (CrmStore    *store,
                             const char  *module_name,
                             gint64       record_id,
                             GError     **error)
{
  CrmModule *module;
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_related_list_free);
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func (g_object_unref);
  CrmRelatedList *open, *closed;
  gint64 now = _crm_store_now ();

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  module = require_module (store, module_name, error);
  if (module == NULL)
    return NULL;

  /* Activities do not have activities of their own. */
  if (!crm_module_is_activity (module))
    {
      if (!collect_activities (store, module, record_id, activities, error))
        return NULL;
      open = related_list_new (CRM_RELATED_OPEN_ACTIVITIES, _("Open Activities"));
      closed = related_list_new (CRM_RELATED_CLOSED_ACTIVITIES, _("Closed Activities"));
      g_ptr_array_add (lists, open);
      g_ptr_array_add (lists, closed);
      for (guint i = 0; i < activities->len; i++)
        {
          CrmRecord *activity = g_ptr_array_index (activities, i);
          CrmRelatedList *target = crm_store_activity_is_closed (store, activity, now) ? closed : open;

          g_ptr_array_add (target->items, activity_item (store, activity));
        }
    }

  if (!add_children (store, module, record_id, lists, error))
    return NULL;
  if (g_str_equal (module_name, "deals") && !add_contact_roles (store, record_id, lists, error))
    return NULL;
  if (!add_stage_history (store, module, record_id, lists, error))
    return NULL;

  return g_steal_pointer (&lists);
}

/*
 * Contact roles
 */

static gboolean
require_live (CrmStore    *store,
              const char  *module,
              gint64       id,
              GError     **error)
{
  g_autoptr(CrmRecord) record = crm_store_load_record (store, module, id, error);

  if (record == NULL)
    return FALSE;
  if (crm_record_is_deleted (record))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("%s #%" G_GINT64_FORMAT " is in the recycle bin"),
                   crm_module_get_singular (crm_record_get_module (record)), id);
      return FALSE;
    }
  return TRUE;
}

gboolean
crm_store_set_contact_role (CrmStore    *store,
                            gint64       deal_id,
                            gint64       contact_id,
                            const char  *role,
                            GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!require_live (store, "deals", deal_id, error) ||
      !require_live (store, "contacts", contact_id, error))
    return FALSE;

  stmt = crm_store_prepare (store,
                            "INSERT INTO relations (kind, from_module, from_id, to_module, to_id, role) "
                            "VALUES ('contact_role', 'deals', ?1, 'contacts', ?2, ?3) "
                            "ON CONFLICT (kind, from_module, from_id, to_module, to_id) DO UPDATE SET role = ?3",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  sqlite3_bind_int64 (stmt, 2, contact_id);
  if (role != NULL && *role != '\0')
    sqlite3_bind_text (stmt, 3, role, -1, SQLITE_TRANSIENT);
  if (!step_error (store, sqlite3_step (stmt), error))
    return FALSE;
  _crm_store_notify (store, "deals", deal_id);
  return TRUE;
}

gboolean
crm_store_remove_contact_role (CrmStore    *store,
                               gint64       deal_id,
                               gint64       contact_id,
                               GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  stmt = crm_store_prepare (store,
                            "DELETE FROM relations WHERE kind = 'contact_role' AND from_module = 'deals' "
                            "AND from_id = ? AND to_module = 'contacts' AND to_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deal_id);
  sqlite3_bind_int64 (stmt, 2, contact_id);
  if (!step_error (store, sqlite3_step (stmt), error))
    return FALSE;
  if (sqlite3_changes (crm_store_get_db (store)) == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("That contact has no role on this deal"));
      return FALSE;
    }
  _crm_store_notify (store, "deals", deal_id);
  return TRUE;
}
