/* test-related.c — notes list, timeline, related lists, attachments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "crm-attachments.h"
#include "crm-related.h"
#include "crm-test-util.h"

static void
set_text (CrmStore   *store,
          const char *module,
          gint64      id,
          const char *field,
          const char *text)
{
  g_autoptr(CrmRecord) record = crm_store_load_record (store, module, id, NULL);
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (record);
  g_assert_true (crm_store_parse_value (store, crm_module_get_field (crm_record_get_module (record), field),
                                        text, &value, &error));
  g_assert_no_error (error);
  crm_record_set_value (record, field, value);
  g_assert_true (crm_store_save_record (store, record, &error));
  g_assert_no_error (error);
}

/* Stamps are in seconds: spread events out so that order is by time. */
static void
set_history_time (CrmStore *store,
                  gint64    change_id,
                  gint64    time)
{
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (crm_store_get_db (store), "UPDATE history SET time = ? WHERE change_id = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, time);
  sqlite3_bind_int64 (stmt, 2, change_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
exec (CrmStore   *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static CrmRelatedList *
find_list (GPtrArray      *lists,
           CrmRelatedKind  kind,
           const char     *module,
           const char     *field)
{
  for (guint i = 0; i < lists->len; i++)
    {
      CrmRelatedList *list = g_ptr_array_index (lists, i);

      if (list->kind == kind &&
          (module == NULL || g_strcmp0 (list->module, module) == 0) &&
          (field == NULL || g_strcmp0 (list->field, field) == 0))
        return list;
    }
  return NULL;
}

static void
test_notes_newest_first (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  gint64 lead = crm_test_create (store, "leads", "last_name", "Wijaya", NULL);
  gint64 other = crm_test_create (store, "leads", "last_name", "Other", NULL);
  gint64 first, second, gone;

  first = crm_store_add_note (store, "leads", lead, "Call", "Called about pricing", &error);
  g_assert_no_error (error);
  second = crm_store_add_note (store, "leads", lead, NULL, "Sent the brochure", &error);
  g_assert_no_error (error);
  gone = crm_store_add_note (store, "leads", lead, "Gone", "deleted", &error);
  g_assert_no_error (error);
  crm_store_add_note (store, "leads", other, "Not mine", "x", &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_delete_note (store, gone, &error));
  exec (store, "UPDATE notes SET created_at = 1000 WHERE title = 'Call'");

  notes = crm_store_list_notes (store, "leads", lead, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpint (((CrmNote *) notes->pdata[0])->id, ==, second);
  g_assert_null (((CrmNote *) notes->pdata[0])->title);
  g_assert_cmpstr (((CrmNote *) notes->pdata[0])->content, ==, "Sent the brochure");
  g_assert_nonnull (((CrmNote *) notes->pdata[0])->owner_name);
  g_assert_cmpint (((CrmNote *) notes->pdata[1])->id, ==, first);
  g_assert_cmpstr (((CrmNote *) notes->pdata[1])->title, ==, "Call");

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_timeline (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("hello", 5);
  gint64 lead, task, note, edit, undo;
  CrmTimelineEntry *entry;
  CrmFieldChange *change;

  lead = crm_test_create (store, "leads", "last_name", "Wijaya", "lead_status", "Not Contacted", NULL);
  set_history_time (store, crm_store_get_last_change (store), 1000);

  set_text (store, "leads", lead, "lead_status", "Contacted");
  edit = crm_store_get_last_change (store);
  set_history_time (store, edit, 2000);

  note = crm_store_add_note (store, "leads", lead, "First call", "Interested", &error);
  g_assert_no_error (error);
  exec (store, "UPDATE notes SET created_at = 3000");

  task = crm_test_create (store, "tasks", "subject", "Send quote", "status", "Not Started",
                          "related_module", "leads", "related_id", "1", NULL);
  g_assert_cmpint (lead, ==, 1);
  exec (store, "UPDATE tasks SET created_at = 4000");

  g_assert_cmpint (crm_store_add_attachment (store, "leads", lead, "brief.txt", NULL, bytes, &error), >, 0);
  g_assert_no_error (error);
  exec (store, "UPDATE attachments SET created_at = 5000");

  g_assert_true (crm_store_undo_change (store, edit, &error));
  g_assert_no_error (error);
  undo = crm_store_get_last_change (store);
  set_history_time (store, undo, 6000);

  timeline = crm_store_get_timeline (store, "leads", lead, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 6);

  entry = g_ptr_array_index (timeline, 0);
  g_assert_cmpint (entry->kind, ==, CRM_TIMELINE_UPDATED);
  g_assert_true (entry->is_undo);
  g_assert_cmpuint (entry->changes->len, ==, 1);
  change = g_ptr_array_index (entry->changes, 0);
  g_assert_cmpstr (change->old_text, ==, "Contacted");
  g_assert_cmpstr (change->new_text, ==, "Not Contacted");

  entry = g_ptr_array_index (timeline, 1);
  g_assert_cmpint (entry->kind, ==, CRM_TIMELINE_ATTACHMENT);
  g_assert_cmpstr (entry->title, ==, "brief.txt");

  entry = g_ptr_array_index (timeline, 2);
  g_assert_cmpint (entry->kind, ==, CRM_TIMELINE_ACTIVITY);
  g_assert_cmpstr (entry->item_module, ==, "tasks");
  g_assert_cmpint (entry->item_id, ==, task);
  g_assert_cmpstr (entry->title, ==, "Send quote");
  g_assert_cmpstr (entry->text, ==, "Not Started");

  entry = g_ptr_array_index (timeline, 3);
  g_assert_cmpint (entry->kind, ==, CRM_TIMELINE_NOTE);
  g_assert_cmpint (entry->item_id, ==, note);
  g_assert_cmpstr (entry->title, ==, "First call");
  g_assert_cmpstr (entry->text, ==, "Interested");

  entry = g_ptr_array_index (timeline, 4);
  g_assert_cmpint (entry->kind, ==, CRM_TIMELINE_UPDATED);
  g_assert_false (entry->is_undo);
  g_assert_cmpint (entry->change_id, ==, edit);
  g_assert_nonnull (entry->user_name);
  change = g_ptr_array_index (entry->changes, 0);
  g_assert_cmpstr (change->field, ==, "lead_status");
  g_assert_cmpstr (change->label, ==, "Lead Status");
  g_assert_cmpstr (change->old_text, ==, "Not Contacted");
  g_assert_cmpstr (change->new_text, ==, "Contacted");

  entry = g_ptr_array_index (timeline, 5);
  g_assert_cmpint (entry->kind, ==, CRM_TIMELINE_CREATED);
  g_assert_cmpint (entry->time, ==, 1000);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_timeline_groups_one_edit (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(CrmRecord) record = NULL;
  gint64 account = crm_test_create (store, "accounts", "account_name", "PT Maju", NULL);
  gint64 lead = crm_test_create (store, "contacts", "last_name", "Wijaya", NULL);
  CrmTimelineEntry *entry;
  CrmFieldChange *change;

  record = crm_store_load_record (store, "contacts", lead, &error);
  crm_record_set_string (record, "email", "w@example.com");
  crm_record_set_int (record, "account_name", account);
  g_assert_true (crm_store_save_record (store, record, &error));
  g_assert_no_error (error);

  timeline = crm_store_get_timeline (store, "contacts", lead, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 2);
  entry = g_ptr_array_index (timeline, 0);
  g_assert_cmpint (entry->kind, ==, CRM_TIMELINE_UPDATED);
  g_assert_cmpuint (entry->changes->len, ==, 2);
  change = g_ptr_array_index (entry->changes, 1);
  /* Lookups show the record's name, not its id. */
  g_assert_cmpstr (change->new_text, ==, "PT Maju");
  g_assert_null (change->old_text);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_timeline_leaves_out_derived_values (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  CrmTimelineEntry *entry;
  gint64 deal;

  crm_test_create (store, "accounts", "account_name", "PT Maju", NULL);
  deal = crm_test_create (store, "deals", "deal_name", "Big deal", "account_name", "PT Maju", "amount", "1000",
                          "closing_date", "2030-01-31", "stage", "Qualification", NULL);
  /* Same second as the creation: the creation still comes last. */
  set_text (store, "deals", deal, "stage", "Needs Analysis");

  timeline = crm_store_get_timeline (store, "deals", deal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 2);
  entry = g_ptr_array_index (timeline, 0);
  g_assert_cmpint (entry->kind, ==, CRM_TIMELINE_UPDATED);
  /* Stage and the probability it set; not the expected revenue. */
  g_assert_cmpuint (entry->changes->len, ==, 2);
  g_assert_cmpstr (((CrmFieldChange *) entry->changes->pdata[0])->field, ==, "stage");
  g_assert_cmpstr (((CrmFieldChange *) entry->changes->pdata[1])->field, ==, "probability");
  g_assert_cmpint (((CrmTimelineEntry *) timeline->pdata[1])->kind, ==, CRM_TIMELINE_CREATED);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_account_children (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  gint64 account, other, contact, deal, child_account, deleted;
  CrmRelatedList *list;
  CrmRelatedItem *item;

  account = crm_test_create (store, "accounts", "account_name", "PT Maju", NULL);
  other = crm_test_create (store, "accounts", "account_name", "CV Lain", NULL);
  contact = crm_test_create (store, "contacts", "last_name", "Wijaya", "first_name", "Sari",
                             "account_name", "PT Maju", "title", "CFO", NULL);
  crm_test_create (store, "contacts", "last_name", "Elsewhere", "account_name", "CV Lain", NULL);
  deleted = crm_test_create (store, "contacts", "last_name", "Binned", "account_name", "PT Maju", NULL);
  g_assert_true (crm_store_delete_record (store, "contacts", deleted, &error));
  deal = crm_test_create (store, "deals", "deal_name", "Big deal", "account_name", "PT Maju",
                          "closing_date", "2030-01-31", "stage", "Qualification", "amount", "5000", NULL);
  child_account = crm_test_create (store, "accounts", "account_name", "PT Maju Branch",
                                   "parent_account", "PT Maju", NULL);
  g_assert_cmpint (other, !=, 0);

  lists = crm_store_get_related_lists (store, "accounts", account, &error);
  g_assert_no_error (error);

  list = find_list (lists, CRM_RELATED_CHILDREN, "contacts", "account_name");
  g_assert_nonnull (list);
  g_assert_cmpstr (list->label, ==, "Contacts");
  g_assert_cmpuint (list->items->len, ==, 1);
  item = g_ptr_array_index (list->items, 0);
  g_assert_cmpint (item->id, ==, contact);
  g_assert_cmpstr (item->module, ==, "contacts");
  g_assert_cmpstr (item->title, ==, "Sari Wijaya");
  /* The detail leaves out the name and the link back to the account. */
  g_assert_nonnull (strstr (item->detail, "CFO"));
  g_assert_null (strstr (item->detail, "PT Maju"));

  list = find_list (lists, CRM_RELATED_CHILDREN, "deals", "account_name");
  g_assert_nonnull (list);
  g_assert_cmpuint (list->items->len, ==, 1);
  g_assert_cmpint (((CrmRelatedItem *) list->items->pdata[0])->id, ==, deal);
  g_assert_nonnull (strstr (((CrmRelatedItem *) list->items->pdata[0])->detail, "Qualification"));

  list = find_list (lists, CRM_RELATED_CHILDREN, "accounts", "parent_account");
  g_assert_nonnull (list);
  g_assert_cmpstr (list->label, ==, "Accounts (Parent Account)");
  g_assert_cmpuint (list->items->len, ==, 1);
  g_assert_cmpint (((CrmRelatedItem *) list->items->pdata[0])->id, ==, child_account);

  /* Empty lists are there to be added to. */
  list = find_list (lists, CRM_RELATED_CHILDREN, "invoices", "account_name");
  g_assert_nonnull (list);
  g_assert_cmpuint (list->items->len, ==, 0);
  g_assert_nonnull (find_list (lists, CRM_RELATED_CHILDREN, "quotes", "account_name"));
  g_assert_nonnull (find_list (lists, CRM_RELATED_CHILDREN, "sales_orders", "account_name"));

  /* Activities are not children, and accounts have no stage history. */
  g_assert_null (find_list (lists, CRM_RELATED_CHILDREN, "tasks", NULL));
  g_assert_null (find_list (lists, CRM_RELATED_STAGE_HISTORY, NULL, NULL));
  g_assert_null (find_list (lists, CRM_RELATED_CONTACT_ROLES, NULL, NULL));
  g_assert_true (((CrmRelatedList *) lists->pdata[0])->kind == CRM_RELATED_OPEN_ACTIVITIES);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_activities_open_and_closed (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  gint64 contact, open_task, done_task, past_meeting, future_meeting, call;
  CrmRelatedList *open, *closed;
  g_autofree char *contact_id = NULL;

  contact = crm_test_create (store, "contacts", "last_name", "Wijaya", NULL);
  contact_id = g_strdup_printf ("%" G_GINT64_FORMAT, contact);
  open_task = crm_test_create (store, "tasks", "subject", "Follow up", "status", "In Progress",
                               "related_module", "contacts", "related_id", contact_id, NULL);
  done_task = crm_test_create (store, "tasks", "subject", "Intro", "status", "Completed",
                               "related_module", "contacts", "related_id", contact_id, NULL);
  past_meeting = crm_test_create (store, "events", "title", "Kick-off", "start_time", "2020-01-01 10:00",
                                  "end_time", "2020-01-01 11:00", "contact_name", contact_id, NULL);
  future_meeting = crm_test_create (store, "events", "title", "Review", "start_time", "2099-01-01 10:00",
                                    "end_time", "2099-01-01 11:00", "related_module", "contacts",
                                    "related_id", contact_id, NULL);
  /* A call through its contact lookup only. */
  call = crm_test_create (store, "calls", "subject", "Check-in", "contact_name", contact_id,
                          "call_start_time", "2021-05-05 09:00", NULL);
  /* Someone else's. */
  crm_test_create (store, "tasks", "subject", "Unrelated", "related_module", "leads", "related_id", contact_id, NULL);

  lists = crm_store_get_related_lists (store, "contacts", contact, &error);
  g_assert_no_error (error);
  open = find_list (lists, CRM_RELATED_OPEN_ACTIVITIES, NULL, NULL);
  closed = find_list (lists, CRM_RELATED_CLOSED_ACTIVITIES, NULL, NULL);
  g_assert_nonnull (open);
  g_assert_nonnull (closed);

  g_assert_cmpuint (open->items->len, ==, 2);
  g_assert_cmpuint (closed->items->len, ==, 3);
  for (guint i = 0; i < open->items->len; i++)
    {
      CrmRelatedItem *item = g_ptr_array_index (open->items, i);
      g_assert_true (item->id == open_task || item->id == future_meeting);
      if (item->id == open_task)
        {
          g_assert_cmpstr (item->module, ==, "tasks");
          g_assert_true (g_str_has_prefix (item->detail, "Task"));
        }
    }
  for (guint i = 0; i < closed->items->len; i++)
    {
      CrmRelatedItem *item = g_ptr_array_index (closed->items, i);
      g_assert_true ((g_str_equal (item->module, "tasks") && item->id == done_task) ||
                     (g_str_equal (item->module, "events") && item->id == past_meeting) ||
                     (g_str_equal (item->module, "calls") && item->id == call));
    }

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_deal_roles_and_stages (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  gint64 account, primary, buyer, deal, first_change, second_change;
  CrmRelatedList *list;
  CrmRelatedItem *item;

  account = crm_test_create (store, "accounts", "account_name", "PT Maju", NULL);
  primary = crm_test_create (store, "contacts", "last_name", "Primary", NULL);
  buyer = crm_test_create (store, "contacts", "last_name", "Buyer", NULL);
  deal = crm_test_create (store, "deals", "deal_name", "Big deal", "account_name", "PT Maju",
                          "contact_name", "Primary", "closing_date", "2030-01-31", "stage", "Qualification", NULL);
  g_assert_cmpint (account, >, 0);
  exec (store, "UPDATE deals SET created_at = 1000");

  set_text (store, "deals", deal, "stage", "Needs Analysis");
  first_change = crm_store_get_last_change (store);
  set_history_time (store, first_change, 2000);
  set_text (store, "deals", deal, "stage", "Closed Won");
  second_change = crm_store_get_last_change (store);
  set_history_time (store, second_change, 3000);

  g_assert_true (crm_store_set_contact_role (store, deal, buyer, "Economic Buyer", &error));
  g_assert_no_error (error);
  g_assert_true (crm_store_set_contact_role (store, deal, buyer, "Decision Maker", &error));
  g_assert_no_error (error);
  g_assert_false (crm_store_set_contact_role (store, deal, 999, "Other", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  lists = crm_store_get_related_lists (store, "deals", deal, &error);
  g_assert_no_error (error);

  list = find_list (lists, CRM_RELATED_CONTACT_ROLES, NULL, NULL);
  g_assert_nonnull (list);
  g_assert_cmpuint (list->items->len, ==, 2);
  item = g_ptr_array_index (list->items, 0);
  g_assert_cmpint (item->id, ==, primary);
  g_assert_cmpstr (item->detail, ==, "Primary contact");
  item = g_ptr_array_index (list->items, 1);
  g_assert_cmpint (item->id, ==, buyer);
  g_assert_cmpstr (item->detail, ==, "Decision Maker");

  list = find_list (lists, CRM_RELATED_STAGE_HISTORY, NULL, NULL);
  g_assert_nonnull (list);
  g_assert_cmpuint (list->items->len, ==, 3);
  g_assert_cmpstr (((CrmRelatedItem *) list->items->pdata[0])->title, ==, "Closed Won");
  g_assert_cmpint (((CrmRelatedItem *) list->items->pdata[0])->time, ==, 3000);
  g_assert_cmpstr (((CrmRelatedItem *) list->items->pdata[1])->title, ==, "Needs Analysis");
  g_assert_cmpstr (((CrmRelatedItem *) list->items->pdata[2])->title, ==, "Qualification");
  g_assert_cmpint (((CrmRelatedItem *) list->items->pdata[2])->time, ==, 1000);
  g_assert_null (((CrmRelatedItem *) list->items->pdata[2])->module);

  /* Quotes, orders and invoices of the deal. */
  g_assert_nonnull (find_list (lists, CRM_RELATED_CHILDREN, "quotes", "deal_name"));
  g_assert_nonnull (find_list (lists, CRM_RELATED_CHILDREN, "invoices", "deal_name"));

  g_assert_true (crm_store_remove_contact_role (store, deal, buyer, &error));
  g_assert_no_error (error);
  g_assert_false (crm_store_remove_contact_role (store, deal, buyer, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&lists, g_ptr_array_unref);
  lists = crm_store_get_related_lists (store, "deals", deal, &error);
  g_assert_cmpuint (find_list (lists, CRM_RELATED_CONTACT_ROLES, NULL, NULL)->items->len, ==, 1);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_stage_history_without_changes (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  gint64 deal;
  CrmRelatedList *list;

  crm_test_create (store, "accounts", "account_name", "PT Maju", NULL);
  deal = crm_test_create (store, "deals", "deal_name", "Small deal", "account_name", "PT Maju",
                          "closing_date", "2030-01-31", "stage", "Value Proposition", NULL);
  lists = crm_store_get_related_lists (store, "deals", deal, &error);
  g_assert_no_error (error);
  list = find_list (lists, CRM_RELATED_STAGE_HISTORY, NULL, NULL);
  g_assert_cmpuint (list->items->len, ==, 1);
  g_assert_cmpstr (((CrmRelatedItem *) list->items->pdata[0])->title, ==, "Value Proposition");

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_attachments (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", 15);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(CrmAttachment) info = NULL;
  gint64 lead = crm_test_create (store, "leads", "last_name", "Wijaya", NULL);
  gint64 a, b;

  a = crm_store_add_attachment (store, "leads", lead, "/home/user/Documents/offer.pdf", NULL, pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a, >, 0);
  b = crm_store_add_attachment (store, "leads", lead, "empty.txt", "text/plain", empty, &error);
  g_assert_no_error (error);
  exec (store, "UPDATE attachments SET created_at = 1 WHERE file_name = 'offer.pdf'");

  list = crm_store_list_attachments (store, "leads", lead, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((CrmAttachment *) list->pdata[0])->id, ==, b);
  g_assert_cmpint (((CrmAttachment *) list->pdata[0])->size, ==, 0);
  info = g_steal_pointer (&list->pdata[1]);
  g_assert_cmpstr (info->file_name, ==, "offer.pdf");
  g_assert_cmpstr (info->mime_type, ==, "application/pdf");
  g_assert_cmpint (info->size, ==, 15);
  g_assert_cmpint (info->record_id, ==, lead);

  loaded = crm_store_load_attachment (store, a, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, pdf));
  g_clear_pointer (&loaded, g_bytes_unref);
  loaded = crm_store_load_attachment (store, b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (loaded), ==, 0);

  g_assert_true (crm_store_delete_attachment (store, a, &error));
  g_assert_no_error (error);
  g_assert_null (crm_store_load_attachment (store, a, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (crm_store_delete_attachment (store, a, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* No parent, no name: nothing written. */
  g_assert_cmpint (crm_store_add_attachment (store, "leads", 4242, "x.txt", NULL, pdf, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_add_attachment (store, "leads", lead, "", NULL, pdf, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = crm_store_list_attachments (store, "leads", lead, &error);
  g_assert_cmpuint (list->len, ==, 1);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
count_changes (CrmStore   *store,
               const char *module,
               gint64      id,
               guint      *count)
{
  (*count)++;
}

static void
test_attachment_files_and_limit (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *big_path = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) big = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) too_big = NULL;
  gint64 lead = crm_test_create (store, "leads", "last_name", "Wijaya", NULL);
  gint64 id;
  gsize length;
  guint changes = 0;
  FILE *fp;

  g_signal_connect (store, "records-changed", G_CALLBACK (count_changes), &changes);

  path = g_build_filename (dir, "notes.txt", NULL);
  g_assert_true (g_file_set_contents (path, "meeting notes\n", -1, &error));
  file = g_file_new_for_path (path);
  id = crm_store_add_attachment_from_file (store, "leads", lead, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (changes, ==, 1);

  out_path = g_build_filename (dir, "copy.txt", NULL);
  out = g_file_new_for_path (out_path);
  g_assert_true (crm_store_save_attachment_to_file (store, id, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &contents, &length, &error));
  g_assert_cmpstr (contents, ==, "meeting notes\n");

  /* A sparse file over the limit is refused before it is read. */
  big_path = g_build_filename (dir, "video.mp4", NULL);
  fp = fopen (big_path, "wb");
  g_assert_nonnull (fp);
  g_assert_cmpint (fseek (fp, 30 * 1000 * 1000 - 1, SEEK_SET), ==, 0);
  fputc ('x', fp);
  fclose (fp);
  big = g_file_new_for_path (big_path);
  g_assert_cmpint (crm_store_add_attachment_from_file (store, "leads", lead, big, NULL, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "video.mp4"));
  /* g_format_size puts a no-break space before the unit. */
  g_assert_nonnull (strstr (error->message, "30.0"));
  g_assert_nonnull (strstr (error->message, "25.0"));
  g_clear_error (&error);

  /* The same limit for bytes (one byte over). */
  too_big = g_bytes_new_take (g_malloc0 (CRM_ATTACHMENT_MAX_SIZE + 1), CRM_ATTACHMENT_MAX_SIZE + 1);
  g_assert_cmpint (crm_store_add_attachment (store, "leads", lead, "big.bin", NULL, too_big, &error), ==, 0);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "25000001"));
  g_clear_error (&error);

  /* A folder is not a file. */
  {
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    g_assert_cmpint (crm_store_add_attachment_from_file (store, "leads", lead, folder, NULL, &error), ==, 0);
    g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
    g_clear_error (&error);
  }

  list = crm_store_list_attachments (store, "leads", lead, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (changes, ==, 1);

  g_remove (path);
  g_remove (big_path);
  g_remove (out_path);
  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/related/notes", test_notes_newest_first);
  g_test_add_func ("/related/timeline", test_timeline);
  g_test_add_func ("/related/timeline-groups-one-edit", test_timeline_groups_one_edit);
  g_test_add_func ("/related/timeline-leaves-out-derived-values", test_timeline_leaves_out_derived_values);
  g_test_add_func ("/related/account-children", test_account_children);
  g_test_add_func ("/related/activities", test_activities_open_and_closed);
  g_test_add_func ("/related/deal-roles-and-stages", test_deal_roles_and_stages);
  g_test_add_func ("/related/stage-history-without-changes", test_stage_history_without_changes);
  g_test_add_func ("/related/attachments", test_attachments);
  g_test_add_func ("/related/attachment-files-and-limit", test_attachment_files_and_limit);

  return g_test_run ();
}
