/* test-automation.c — workflow rules: triggers, criteria, actions, loops, date rules, log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "crm-automation.h"
#include "crm-setup.h"
#include "crm-test-util.h"

typedef struct
{
  char     *dir;
  CrmStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = crm_test_open_store (&f->dir);
  crm_setup_attach (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  crm_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gint64
count_rows (CrmStore   *store,
            const char *sql)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gint64
count_log (CrmStore *store,
           gint64    rule_id,
           gboolean  ok)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM workflow_log WHERE rule_id = %" G_GINT64_FORMAT
                                          " AND ok = %d", rule_id, ok);
  return count_rows (store, sql);
}

static char *
local_day (int add_days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, add_days);

  return g_date_time_format (day, "%Y-%m-%d");
}

static gint64
save_rule (CrmStore        *store,
           CrmWorkflowRule *rule)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_automation_save_rule (store, rule, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rule->id, >, 0);
  return rule->id;
}

static void
test_fires_exactly_once (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CrmWorkflowRule) rule = crm_workflow_rule_new ("leads", "Web leads", CRM_WORKFLOW_ON_CREATE);
  g_autoptr(CrmQuery) query = crm_query_new ("leads");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmRecord) lead = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *due = local_day (2);
  g_autofree char *sql = NULL;
  gint64 id, other;

  crm_query_add_criterion (query, "lead_source", CRM_OP_IS, g_variant_new_string ("Web Download"), NULL);
  crm_workflow_rule_set_query (rule, query);
  crm_workflow_rule_add_action (rule, crm_workflow_action_update_field ("lead_status", g_variant_new_string ("Contacted")));
  crm_workflow_rule_add_action (rule, crm_workflow_action_create_task ("Call back", 2));
  crm_workflow_rule_add_action (rule, crm_workflow_action_notify ("A lead came from the web site"));
  save_rule (f->store, rule);

  id = crm_test_create (f->store, "leads", "last_name", "Kusuma", "lead_source", "Web Download", NULL);
  lead = crm_store_load_record (f->store, "leads", id, &error);
  g_assert_cmpstr (crm_record_get_string (lead, "lead_status"), ==, "Contacted");

  g_assert_cmpint (count_log (f->store, rule->id, TRUE), ==, 1);
  g_assert_cmpint (count_log (f->store, rule->id, FALSE), ==, 0);
  g_assert_cmpint (crm_store_count_records (f->store, "tasks", NULL), ==, 1);
  sql = g_strdup_printf ("SELECT count(*) FROM tasks WHERE subject = 'Call back' AND related_module = 'leads' "
                         "AND related_id = %" G_GINT64_FORMAT " AND due_date = '%s' AND owner_id = %" G_GINT64_FORMAT,
                         id, due, crm_store_get_current_user (f->store));
  g_assert_cmpint (count_rows (f->store, sql), ==, 1);

  notes = crm_notifications_list (f->store, crm_store_get_current_user (f->store), TRUE, &error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (((CrmNotification *) g_ptr_array_index (notes, 0))->message, ==, "A lead came from the web site");
  g_assert_cmpint (((CrmNotification *) g_ptr_array_index (notes, 0))->record_id, ==, id);
  g_assert_cmpuint (crm_notifications_count_unread (f->store, 0), ==, 1);
  g_assert_true (crm_notifications_mark_read (f->store, ((CrmNotification *) g_ptr_array_index (notes, 0))->id, &error));
  g_assert_cmpuint (crm_notifications_count_unread (f->store, 0), ==, 0);

  /* Criteria not met: nothing runs, nothing is logged. */
  other = crm_test_create (f->store, "leads", "last_name", "Tan", "lead_source", "Cold Call", NULL);
  g_assert_cmpint (other, >, 0);
  g_assert_cmpint (count_log (f->store, rule->id, TRUE), ==, 1);
  g_assert_cmpint (crm_store_count_records (f->store, "tasks", NULL), ==, 1);

  /* An edit is not a create. */
  g_assert_true (crm_store_set_field (f->store, "leads", id, "city", g_variant_new_string ("Medan"), &error));
  g_assert_cmpint (count_log (f->store, rule->id, TRUE), ==, 1);

  log = crm_automation_list_log (f->store, rule->id, 10, &error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_true (((CrmWorkflowLogEntry *) g_ptr_array_index (log, 0))->ok);
  g_assert_cmpint (((CrmWorkflowLogEntry *) g_ptr_array_index (log, 0))->record_id, ==, id);

  /* Inactive rules rest. */
  g_assert_true (crm_automation_set_rule_active (f->store, rule->id, FALSE, &error));
  crm_test_create (f->store, "leads", "last_name", "Lim", "lead_source", "Web Download", NULL);
  g_assert_cmpint (count_log (f->store, rule->id, TRUE), ==, 1);
}

static void
test_no_loops (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CrmWorkflowRule) touch = crm_workflow_rule_new ("leads", "Touch", CRM_WORKFLOW_ON_EDIT);
  g_autoptr(CrmWorkflowRule) rate = crm_workflow_rule_new ("leads", "Rate", CRM_WORKFLOW_ON_EDIT);
  g_autoptr(CrmWorkflowRule) tasks = crm_workflow_rule_new ("tasks", "Follow-up", CRM_WORKFLOW_ON_CREATE);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmRecord) lead = NULL;
  gint64 id;

  /* Touch's own update is an edit again; Rate is triggered both by the
   * user's edit and by Touch's update. Each runs once. */
  crm_workflow_rule_add_action (touch, crm_workflow_action_update_field ("description", g_variant_new_string ("touched")));
  save_rule (f->store, touch);
  crm_workflow_rule_add_action (rate, crm_workflow_action_update_field ("rating", g_variant_new_string ("Active")));
  save_rule (f->store, rate);

  id = crm_test_create (f->store, "leads", "last_name", "Santoso", NULL);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM workflow_log"), ==, 0);

  g_assert_true (crm_store_set_field (f->store, "leads", id, "city", g_variant_new_string ("Surabaya"), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_log (f->store, touch->id, TRUE), ==, 1);
  g_assert_cmpint (count_log (f->store, rate->id, TRUE), ==, 1);
  lead = crm_store_load_record (f->store, "leads", id, &error);
  g_assert_cmpstr (crm_record_get_string (lead, "description"), ==, "touched");
  g_assert_cmpstr (crm_record_get_string (lead, "rating"), ==, "Active");
  g_assert_cmpstr (crm_record_get_string (lead, "city"), ==, "Surabaya");

  /* The next edit is the next action: once each again. */
  g_assert_true (crm_store_set_field (f->store, "leads", id, "city", g_variant_new_string ("Malang"), &error));
  g_assert_cmpint (count_log (f->store, touch->id, TRUE), ==, 2);
  g_assert_cmpint (count_log (f->store, rate->id, TRUE), ==, 2);

  /* A task rule that creates a task does not create tasks forever. */
  crm_workflow_rule_add_action (tasks, crm_workflow_action_create_task ("Check the task", 1));
  save_rule (f->store, tasks);
  crm_test_create (f->store, "tasks", "subject", "Ring Pak Santoso", NULL);
  g_assert_cmpint (crm_store_count_records (f->store, "tasks", NULL), ==, 2);
  g_assert_cmpint (count_log (f->store, tasks->id, TRUE), ==, 1);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM workflow_log WHERE ok = 0"), ==, 0);
}

static void
test_field_change (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CrmWorkflowRule) rule = crm_workflow_rule_new ("deals", "Won", CRM_WORKFLOW_ON_FIELD_CHANGE);
  g_autoptr(GError) error = NULL;
  gint64 account = crm_test_create (f->store, "accounts", "account_name", "PT Won", NULL);
  g_autofree char *account_text = g_strdup_printf ("%" G_GINT64_FORMAT, account);
  gint64 deal;

  rule->field = g_strdup ("stage");
  rule->value = g_variant_ref_sink (g_variant_new_string ("Closed Won"));
  crm_workflow_rule_add_action (rule, crm_workflow_action_create_task ("Send the invoice", 0));
  save_rule (f->store, rule);

  deal = crm_test_create (f->store, "deals", "deal_name", "Big one", "account_name", account_text,
                          "closing_date", "2026-06-30", "stage", "Qualification", NULL);
  g_assert_cmpint (crm_store_count_records (f->store, "tasks", NULL), ==, 0);

  g_assert_true (crm_store_set_field (f->store, "deals", deal, "stage", g_variant_new_string ("Closed Won"), &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_count_records (f->store, "tasks", NULL), ==, 1);

  /* Staying at Closed Won is no change. */
  g_assert_true (crm_store_set_field (f->store, "deals", deal, "next_step", g_variant_new_string ("Invoice"), &error));
  g_assert_cmpint (crm_store_count_records (f->store, "tasks", NULL), ==, 1);

  g_assert_true (crm_store_set_field (f->store, "deals", deal, "stage", g_variant_new_string ("Negotiation/Review"), &error));
  g_assert_cmpint (crm_store_count_records (f->store, "tasks", NULL), ==, 1);
  g_assert_true (crm_store_set_field (f->store, "deals", deal, "stage", g_variant_new_string ("Closed Won"), &error));
  g_assert_cmpint (crm_store_count_records (f->store, "tasks", NULL), ==, 2);

  /* Created already at the value: that is a change from nothing. */
  crm_test_create (f->store, "deals", "deal_name", "Quick one", "account_name", account_text,
                   "closing_date", "2026-06-30", "stage", "Closed Won", NULL);
  g_assert_cmpint (crm_store_count_records (f->store, "tasks", NULL), ==, 3);
  g_assert_cmpint (count_log (f->store, rule->id, TRUE), ==, 3);
}

static void
test_failing_rule_is_logged (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(CrmWorkflowRule) rule = crm_workflow_rule_new ("leads", "Campaign", CRM_WORKFLOW_ON_CREATE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  gint64 campaign = crm_test_create (f->store, "campaigns", "campaign_name", "Expo 2026", NULL);
  gint64 first, second;
  CrmWorkflowLogEntry *entry;

  crm_workflow_rule_add_action (rule, crm_workflow_action_notify ("Added to the expo"));
  crm_workflow_rule_add_action (rule, crm_workflow_action_add_to_campaign (campaign));
  save_rule (f->store, rule);

  first = crm_test_create (f->store, "leads", "last_name", "Hartono", NULL);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM relations WHERE kind = 'campaign_member' "
                                         "AND from_module = 'leads' AND to_module = 'campaigns'"), ==, 1);
  g_assert_cmpuint (crm_notifications_count_unread (f->store, 0), ==, 1);

  /* The campaign goes: the rule fails, its notification is rolled back
   * with it, and the lead is saved all the same. */
  g_assert_true (crm_store_delete_record (f->store, "campaigns", campaign, &error));
  second = crm_test_create (f->store, "leads", "last_name", "Wibowo", NULL);
  g_assert_cmpint (second, >, first);
  g_assert_cmpuint (crm_notifications_count_unread (f->store, 0), ==, 1);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM relations WHERE kind = 'campaign_member'"), ==, 1);

  log = crm_automation_list_log (f->store, 0, 0, &error);
  g_assert_cmpuint (log->len, ==, 2);
  entry = g_ptr_array_index (log, 0);   /* newest first */
  g_assert_false (entry->ok);
  g_assert_cmpint (entry->record_id, ==, second);
  g_assert_nonnull (strstr (entry->message, "does not exist"));
  g_assert_true (((CrmWorkflowLogEntry *) g_ptr_array_index (log, 1))->ok);
}

static void
test_undo_takes_rule_actions_back (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(CrmWorkflowRule) rule = crm_workflow_rule_new ("contacts", "Welcome", CRM_WORKFLOW_ON_CREATE);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  crm_workflow_rule_add_action (rule, crm_workflow_action_create_task ("Welcome call", 1));
  save_rule (f->store, rule);
  id = crm_test_create (f->store, "contacts", "last_name", "Purnomo", NULL);
  sql = g_strdup_printf ("SELECT count(*) FROM tasks WHERE contact_name = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (count_rows (f->store, sql), ==, 1);

  /* The rule ran inside the create: one Undo removes both. */
  g_assert_true (crm_store_undo_last (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_count_records (f->store, "contacts", NULL), ==, 0);
  g_assert_cmpint (crm_store_count_records (f->store, "tasks", NULL), ==, 0);
}

static void
test_date_rules (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CrmWorkflowRule) rule = crm_workflow_rule_new ("deals", "Closing soon", CRM_WORKFLOW_ON_DATE);
  g_autoptr(CrmWorkflowRule) meeting = crm_workflow_rule_new ("events", "Meeting today", CRM_WORKFLOW_ON_DATE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) local_now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_time_get_year (local_now), g_date_time_get_month (local_now),
                                                     g_date_time_get_day_of_month (local_now), 12, 0, 0);
  gint64 now = g_date_time_to_unix (noon);
  gint64 account = crm_test_create (f->store, "accounts", "account_name", "PT Tanggal", NULL);
  g_autofree char *account_text = g_strdup_printf ("%" G_GINT64_FORMAT, account);
  g_autofree char *in3 = local_day (3);
  g_autofree char *in4 = local_day (4);
  g_autofree char *start = NULL;
  gint64 last_change;

  rule->field = g_strdup ("closing_date");
  rule->date_offset = -3;
  crm_workflow_rule_add_action (rule, crm_workflow_action_notify ("Closes in three days"));
  save_rule (f->store, rule);

  crm_test_create (f->store, "deals", "deal_name", "Soon", "account_name", account_text,
                   "closing_date", in3, "stage", "Qualification", NULL);
  crm_test_create (f->store, "deals", "deal_name", "Later", "account_name", account_text,
                   "closing_date", in4, "stage", "Qualification", NULL);

  g_assert_cmpint (crm_automation_run_scheduled (f->store, now, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_notifications_count_unread (f->store, 0), ==, 1);
  /* once per record and day */
  last_change = crm_store_get_last_change (f->store);
  g_assert_cmpint (crm_automation_run_scheduled (f->store, now + 3600, &error), ==, 0);
  g_assert_cmpint (crm_store_get_last_change (f->store), ==, last_change);
  g_assert_cmpuint (crm_notifications_count_unread (f->store, 0), ==, 1);
  /* the next day it is the other deal's turn */
  g_assert_cmpint (crm_automation_run_scheduled (f->store, now + 86400, &error), ==, 1);
  g_assert_cmpuint (crm_notifications_count_unread (f->store, 0), ==, 2);
  g_assert_cmpint (count_log (f->store, rule->id, TRUE), ==, 2);

  /* a date-time field, on the day itself */
  {
    g_autofree char *day = g_date_time_format (noon, "%Y-%m-%d");
    start = g_strdup_printf ("%s 15:00", day);
  }
  meeting->field = g_strdup ("start_time");
  crm_workflow_rule_add_action (meeting, crm_workflow_action_notify ("Meeting today"));
  save_rule (f->store, meeting);
  crm_test_create (f->store, "events", "title", "Demo", "start_time", start, "end_time", start, NULL);
  g_assert_cmpint (crm_automation_run_scheduled (f->store, now, &error), ==, 1);
  g_assert_cmpint (count_log (f->store, meeting->id, TRUE), ==, 1);
}

static void
test_rule_validation (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(CrmWorkflowRule) loaded = NULL;
  static const struct {
    const char         *module;
    CrmWorkflowTrigger  trigger;
    const char         *field;
    const char         *criteria_field;
    int                 action;   /* 0 none, 1 bad field, 2 system field, 3 bad value, 4 empty task, 5 bad campaign, 6 ok */
  } bad[] = {
    { "nowhere", CRM_WORKFLOW_ON_CREATE, NULL, NULL, 6 },
    { "leads", CRM_WORKFLOW_ON_CREATE, NULL, NULL, 0 },
    { "leads", CRM_WORKFLOW_ON_CREATE, NULL, NULL, 1 },
    { "leads", CRM_WORKFLOW_ON_CREATE, NULL, NULL, 2 },
    { "leads", CRM_WORKFLOW_ON_CREATE, NULL, NULL, 3 },
    { "leads", CRM_WORKFLOW_ON_CREATE, NULL, NULL, 4 },
    { "leads", CRM_WORKFLOW_ON_CREATE, NULL, NULL, 5 },
    { "leads", CRM_WORKFLOW_ON_DATE, "company", NULL, 6 },
    { "leads", CRM_WORKFLOW_ON_FIELD_CHANGE, "no_such_field", NULL, 6 },
    { "leads", CRM_WORKFLOW_ON_CREATE, NULL, "no_such_field", 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CrmWorkflowRule) rule = crm_workflow_rule_new (bad[i].module, "Bad", bad[i].trigger);

      rule->field = g_strdup (bad[i].field);
      if (bad[i].criteria_field)
        {
          g_autoptr(CrmQuery) query = crm_query_new (bad[i].module);
          crm_query_add_criterion (query, bad[i].criteria_field, CRM_OP_IS_EMPTY, NULL, NULL);
          crm_workflow_rule_set_query (rule, query);
        }
      switch (bad[i].action)
        {
        case 1: crm_workflow_rule_add_action (rule, crm_workflow_action_update_field ("nothing", NULL)); break;
        case 2: crm_workflow_rule_add_action (rule, crm_workflow_action_update_field ("created_at", g_variant_new_int64 (1))); break;
        case 3: crm_workflow_rule_add_action (rule, crm_workflow_action_update_field ("lead_status", g_variant_new_string ("Maybe"))); break;
        case 4: crm_workflow_rule_add_action (rule, crm_workflow_action_create_task ("  ", 1)); break;
        case 5: crm_workflow_rule_add_action (rule, crm_workflow_action_add_to_campaign (4242)); break;
        case 6: crm_workflow_rule_add_action (rule, crm_workflow_action_notify ("hello")); break;
        default: break;
        }
      if (crm_automation_save_rule (f->store, rule, &error))
        g_error ("case %u was accepted", i);
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM workflow_rules"), ==, 0);

  /* save, load, replace, list, delete */
  {
    g_autoptr(CrmWorkflowRule) rule = crm_workflow_rule_new ("leads", "Status", CRM_WORKFLOW_ON_FIELD_CHANGE);
    rule->field = g_strdup ("lead_status");
    rule->value = g_variant_ref_sink (g_variant_new_string ("Junk Lead"));
    crm_workflow_rule_add_action (rule, crm_workflow_action_update_field ("email_opt_out", g_variant_new_int64 (1)));
    crm_workflow_rule_add_action (rule, crm_workflow_action_notify ("Junk"));
    save_rule (f->store, rule);

    loaded = crm_automation_load_rule (f->store, rule->id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (loaded->name, ==, "Status");
    g_assert_cmpint (loaded->trigger, ==, CRM_WORKFLOW_ON_FIELD_CHANGE);
    g_assert_cmpstr (g_variant_get_string (loaded->value, NULL), ==, "Junk Lead");
    g_assert_cmpuint (loaded->actions->len, ==, 2);
    g_assert_cmpint (((CrmWorkflowAction *) g_ptr_array_index (loaded->actions, 0))->kind, ==, CRM_WORKFLOW_UPDATE_FIELD);
    g_assert_cmpint (g_variant_get_int64 (((CrmWorkflowAction *) g_ptr_array_index (loaded->actions, 0))->value), ==, 1);

    g_ptr_array_remove_index (loaded->actions, 0);
    g_free (loaded->name);
    loaded->name = g_strdup ("Status (renamed)");
    save_rule (f->store, loaded);
    g_assert_cmpint (loaded->id, ==, rule->id);
    g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM workflow_actions"), ==, 1);

    rules = crm_automation_list_rules (f->store, "leads", &error);
    g_assert_cmpuint (rules->len, ==, 1);
    g_assert_cmpstr (((CrmWorkflowRule *) g_ptr_array_index (rules, 0))->name, ==, "Status (renamed)");
    g_clear_pointer (&rules, g_ptr_array_unref);
    rules = crm_automation_list_rules (f->store, "deals", &error);
    g_assert_cmpuint (rules->len, ==, 0);

    g_assert_true (crm_automation_delete_rule (f->store, rule->id, &error));
    g_assert_false (crm_automation_delete_rule (f->store, rule->id, &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
    g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM workflow_actions"), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/automation/fires-exactly-once", test_fires_exactly_once);
  ADD ("/automation/no-loops", test_no_loops);
  ADD ("/automation/field-change", test_field_change);
  ADD ("/automation/failing-rule-is-logged", test_failing_rule_is_logged);
  ADD ("/automation/undo", test_undo_takes_rule_actions_back);
  ADD ("/automation/date-rules", test_date_rules);
  ADD ("/automation/validation", test_rule_validation);
#undef ADD

  return g_test_run ();
}
