/* crm-record-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-record-list"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "crm-record-list.h"

/* Only the id array is proportional to the number of rows. A million-row
 * module costs 8 MB of ids and a handful of cached pages, whatever the
 * scroll position.
 *
 * A list longer than SYNC_ROWS shows its first page at once and reads the
 * rest of its ids on a worker thread (crm_store_query_ids_async): opening
 * or re-sorting a million rows paints in milliseconds instead of waiting
 * for the whole index walk, and the list widget builds one page of rows
 * for its first frame instead of its 200. Shorter lists load at once. */

#define MAX_CACHED_PAGES 24
#define SYNC_ROWS 20000

struct _CrmRecordList
{
  GObject     parent_instance;

  CrmStore   *store;
  CrmQuery   *query;
  GArray     *ids;          /* gint64, in query order */
  GHashTable *pages;        /* page index -> GPtrArray of CrmRecord (position order) */
  GQueue      lru;          /* page indexes, most recent first */
  GCancellable *loading;    /* the rest of the ids, while they are read */
  gulong      changed_id;
  guint       page_loads;
};

static void list_model_iface_init (GListModelInterface *iface);
static void connect_store         (CrmRecordList       *self);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmRecordList, crm_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
drop_pages (CrmRecordList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
}

static void
drop_page (CrmRecordList *self,
           guint          page)
{
  g_hash_table_remove (self->pages, GUINT_TO_POINTER (page));
  g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
}

static GPtrArray *
load_page (CrmRecordList *self,
           guint          page)
{
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *ordered;
  guint start = page * CRM_RECORD_LIST_PAGE_SIZE;
  guint n = MIN (CRM_RECORD_LIST_PAGE_SIZE, self->ids->len - start);
  gint64 ids[CRM_RECORD_LIST_PAGE_SIZE];

  for (guint i = 0; i < n; i++)
    ids[i] = g_array_index (self->ids, gint64, start + i);
  /* Pad to the full page size so there is one statement shape. */
  for (guint i = n; i < CRM_RECORD_LIST_PAGE_SIZE; i++)
    ids[i] = 0;

  loaded = crm_store_load_records (self->store, crm_query_get_module (self->query),
                                   ids, CRM_RECORD_LIST_PAGE_SIZE, &error);
  if (loaded == NULL)
    {
      g_warning ("Could not load records: %s", error->message);
      loaded = g_ptr_array_new_with_free_func (g_object_unref);
    }
  self->page_loads++;

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < loaded->len; i++)
    {
      CrmRecord *record = g_ptr_array_index (loaded, i);
      gint64 *key = g_new (gint64, 1);
      *key = crm_record_get_id (record);
      g_hash_table_insert (by_id, key, record);
    }

  ordered = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      CrmRecord *record = g_hash_table_lookup (by_id, &ids[i]);

      /* A row deleted behind our back shows as an empty record until the
       * next reload rather than shifting every position. */
      if (record == NULL)
        {
          record = crm_record_new (crm_store_get_module (self->store, crm_query_get_module (self->query)));
          crm_record_set_id (record, ids[i]);
        }
      else
        g_object_ref (record);
      g_ptr_array_add (ordered, record);
    }

  {
    GHashTableIter iter;
    gpointer key;
    g_hash_table_iter_init (&iter, by_id);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_free (key);
  }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), ordered);
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->lru) > MAX_CACHED_PAGES)
    {
      guint old = GPOINTER_TO_UINT (g_queue_pop_tail (&self->lru));
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (old));
    }
  return ordered;
}

/*
 * GListModel
 */

static GType
crm_record_list_get_item_type (GListModel *model)
{
  return CRM_TYPE_RECORD;
}

static guint
crm_record_list_get_n_items (GListModel *model)
{
  CrmRecordList *self = CRM_RECORD_LIST (model);

  return self->ids->len;
}

static gpointer
crm_record_list_get_item (GListModel *model,
                          guint       position)
{
  CrmRecordList *self = CRM_RECORD_LIST (model);
  guint page = position / CRM_RECORD_LIST_PAGE_SIZE;
  GPtrArray *records;

  if (position >= self->ids->len)
    return NULL;

  records = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (records == NULL)
    records = load_page (self, page);
  else if (g_queue_peek_head (&self->lru) != GUINT_TO_POINTER (page))
    {
      g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
    }

  return g_object_ref (g_ptr_array_index (records, position % CRM_RECORD_LIST_PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = crm_record_list_get_item_type;
  iface->get_n_items = crm_record_list_get_n_items;
  iface->get_item = crm_record_list_get_item;
}

/*
 * Changes
 */

static void
replace_ids (CrmRecordList *self,
             GArray        *ids)
{
  guint before = self->ids->len;
  guint old_n = before;

  drop_pages (self);

  /* Never one emission per row, but two rather than one: when a row GTK
   * 4.8's list widgets track (the scroll anchor, the focus) is in the
   * removed range, they call get_item() on every added position to look
   * for it, which loads every page of the new list (seconds at a million
   * rows). Removing everything first leaves nothing to look for. */
  if (old_n > 0 && ids->len > 0)
    {
      g_array_set_size (self->ids, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
      old_n = 0;
    }
  g_array_unref (self->ids);
  self->ids = ids;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, ids->len);
  if (before != ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

static void
cancel_load (CrmRecordList *self)
{
  if (self->loading == NULL)
    return;
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

/* The whole list has arrived: usually it begins with the page shown, and
 * the rest is appended. */
static void
complete_ids (CrmRecordList *self,
              GArray        *ids)
{
  guint n = self->ids->len;

  if (ids->len < n || memcmp (ids->data, self->ids->data, n * sizeof (gint64)) != 0)
    {
      /* Someone wrote between the two reads. */
      replace_ids (self, ids);
      return;
    }
  g_array_unref (self->ids);
  self->ids = ids;
  drop_page (self, n / CRM_RECORD_LIST_PAGE_SIZE);
  g_list_model_items_changed (G_LIST_MODEL (self), n, 0, ids->len - n);
  if (ids->len != n)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  GWeakRef *weak = data;
  g_autoptr(CrmRecordList) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  GArray *ids = crm_store_query_ids_finish (result, &error);

  g_weak_ref_clear (weak);
  g_free (weak);
  /* Gone, or a newer load took over. */
  if (self == NULL || self->loading == NULL || g_task_get_cancellable (G_TASK (result)) != self->loading)
    {
      g_clear_pointer (&ids, g_array_unref);
      return;
    }
  g_clear_object (&self->loading);

  if (ids == NULL)
    {
      g_debug ("Reading %s on the main thread: %s", crm_query_get_module (self->query), error->message);
      g_clear_error (&error);
      ids = crm_store_query_ids (self->store, self->query, &error);
    }
  if (ids != NULL)
    complete_ids (self, ids);
  else
    g_warning ("Could not load %s: %s", crm_query_get_module (self->query), error->message);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

/* Makes `query` the list's query when its first rows can be read. */
static gboolean
load (CrmRecordList  *self,
      CrmQuery       *query,
      GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean complete = FALSE;
  GArray *ids;

  ids = crm_store_query_first_ids (self->store, query, SYNC_ROWS, &complete, error);
  if (ids == NULL)
    return FALSE;

  cancel_load (self);
  if (query != self->query)
    {
      g_set_object (&self->query, query);
      connect_store (self);
    }

  if (!complete)
    {
      /* Weak: a list nobody holds any more cancels its load when disposed. */
      GWeakRef *weak = g_new0 (GWeakRef, 1);

      g_weak_ref_init (weak, self);
      self->loading = g_cancellable_new ();
      if (crm_store_query_ids_async (self->store, self->query, self->loading, load_done_cb,
                                     weak, &local_error))
        {
          g_array_set_size (ids, CRM_RECORD_LIST_PAGE_SIZE);
          g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
        }
      else
        {
          /* No worker for this database: read it all here. */
          g_weak_ref_clear (weak);
          g_free (weak);
          g_clear_object (&self->loading);
          g_array_unref (ids);
          ids = crm_store_query_ids (self->store, self->query, error);
          if (ids == NULL)
            return FALSE;
        }
    }
  replace_ids (self, ids);
  return TRUE;
}

gboolean
crm_record_list_reload (CrmRecordList  *self,
                        GError        **error)
{
  g_return_val_if_fail (CRM_IS_RECORD_LIST (self), FALSE);

  return load (self, self->query, error);
}

static void
on_records_changed_cb (CrmRecordList *self,
                       const char    *module,
                       gint64         id,
                       CrmStore      *store)
{
  g_autoptr(GError) error = NULL;
  gint position;
  gboolean matches;

  /* The ids being read may or may not have the change: read again. */
  if (id == 0 || self->loading != NULL)
    {
      if (!crm_record_list_reload (self, &error))
        g_warning ("Could not reload %s: %s", module, error->message);
      return;
    }

  position = crm_record_list_find (self, id);
  matches = crm_store_query_matches (self->store, self->query, id, &error);
  if (error != NULL)
    {
      g_warning ("Could not check %s #%" PRId64 ": %s", module, id, error->message);
      return;
    }

  if (position >= 0 && matches)
    {
      /* Edited in place: refresh its row only. A changed sort key keeps
       * its place until the next reload, so rows never jump under the
       * pointer while someone works. */
      drop_page (self, position / CRM_RECORD_LIST_PAGE_SIZE);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
  else if (position >= 0)
    {
      g_array_remove_index (self->ids, position);
      for (guint p = position / CRM_RECORD_LIST_PAGE_SIZE; p <= self->ids->len / CRM_RECORD_LIST_PAGE_SIZE; p++)
        drop_page (self, p);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
    }
  else if (matches)
    {
      /* New to this list (created, restored, edited into the filter):
       * its place depends on the sort, so ask the database. */
      if (!crm_record_list_reload (self, &error))
        g_warning ("Could not reload %s: %s", module, error->message);
    }
}

static void
connect_store (CrmRecordList *self)
{
  g_autofree char *signal = g_strdup_printf ("records-changed::%s", crm_query_get_module (self->query));

  g_clear_signal_handler (&self->changed_id, self->store);
  self->changed_id = g_signal_connect_object (self->store, signal, G_CALLBACK (on_records_changed_cb),
                                              self, G_CONNECT_SWAPPED);
}

/*
 * GObject
 */

static void
crm_record_list_dispose (GObject *object)
{
  CrmRecordList *self = (CrmRecordList *)object;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_record_list_parent_class)->dispose (object);
}

static void
crm_record_list_finalize (GObject *object)
{
  CrmRecordList *self = (CrmRecordList *)object;

  g_clear_object (&self->query);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->lru);

  G_OBJECT_CLASS (crm_record_list_parent_class)->finalize (object);
}

static void
crm_record_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrmRecordList *self = CRM_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_record_list_class_init (CrmRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_record_list_dispose;
  object_class->finalize = crm_record_list_finalize;
  object_class->get_property = crm_record_list_get_property;

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_record_list_init (CrmRecordList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->lru);
}

CrmRecordList *
crm_record_list_new (CrmStore *store,
                     CrmQuery *query)
{
  CrmRecordList *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (CRM_IS_QUERY (query), NULL);

  self = g_object_new (CRM_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->query = crm_query_copy (query);
  connect_store (self);

  if (!crm_record_list_reload (self, &error))
    g_warning ("Could not load %s: %s", crm_query_get_module (query), error->message);
  return self;
}

CrmStore *crm_record_list_get_store (CrmRecordList *self) { return self->store; }
CrmQuery *crm_record_list_get_query (CrmRecordList *self) { return self->query; }
guint crm_record_list_get_page_loads (CrmRecordList *self) { return self->page_loads; }
guint crm_record_list_get_cached_pages (CrmRecordList *self) { return g_hash_table_size (self->pages); }

gboolean
crm_record_list_is_loading (CrmRecordList *self)
{
  g_return_val_if_fail (CRM_IS_RECORD_LIST (self), FALSE);
  return self->loading != NULL;
}

gboolean
crm_record_list_set_query (CrmRecordList  *self,
                           CrmQuery       *query,
                           GError        **error)
{
  g_autoptr(CrmQuery) copy = NULL;

  g_return_val_if_fail (CRM_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (CRM_IS_QUERY (query), FALSE);

  /* Nothing changes until the new query has succeeded. */
  copy = crm_query_copy (query);
  return load (self, copy, error);
}

gint64
crm_record_list_get_id (CrmRecordList *self,
                        guint          position)
{
  g_return_val_if_fail (CRM_IS_RECORD_LIST (self), 0);
  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

gint
crm_record_list_find (CrmRecordList *self,
                      gint64         id)
{
  const gint64 *ids = (const gint64 *) self->ids->data;

  for (guint i = 0; i < self->ids->len; i++)
    if (ids[i] == id)
      return i;
  return -1;
}

static void
drop_pages_from (CrmRecordList *self,
                 guint          position)
{
  for (guint p = position / CRM_RECORD_LIST_PAGE_SIZE; p <= self->ids->len / CRM_RECORD_LIST_PAGE_SIZE; p++)
    drop_page (self, p);
}

void
crm_record_list_insert_id (CrmRecordList *self,
                           guint          position,
                           gint64         id)
{
  g_return_if_fail (CRM_IS_RECORD_LIST (self));

  position = MIN (position, self->ids->len);
  g_array_insert_val (self->ids, position, id);
  drop_pages_from (self, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

gint
crm_record_list_remove_id (CrmRecordList *self,
                           gint64         id)
{
  gint position;

  g_return_val_if_fail (CRM_IS_RECORD_LIST (self), -1);

  position = crm_record_list_find (self, id);
  if (position < 0)
    return -1;
  g_array_remove_index (self->ids, position);
  drop_pages_from (self, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
  return position;
}
