/* crm-automation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-query.h"
#include "crm-store.h"

G_BEGIN_DECLS

/*
 * Workflow rules (DOMAIN.md §9.3 Automation).
 *
 * A rule belongs to a module and has a trigger, criteria and actions.
 * Record triggers run in the write hook, inside the transaction of the
 * write that fires them: the rule's actions and its log row commit or
 * roll back with that write. Each rule runs in a savepoint of its own, so
 * a failing rule (an update its field refuses, a deleted campaign) is
 * rolled back and logged with the reason, and the user's write still
 * succeeds.
 *
 * Loops: a rule never fires while it is already running, so the field
 * update a rule makes does not trigger the same rule again (nor does a
 * task it creates, for a rule on Tasks), and a rule runs at most once for
 * a record during one user action, even when another rule's update
 * triggers it too. Longer chains stop at the store's hook depth limit.
 *
 * Date triggers fire from crm_automation_run_scheduled(), which the
 * application calls at start and then daily: a rule "3 days before
 * Closing Date" (date_offset -3) runs for each record whose closing date
 * is three days after today, once per record and day (the log remembers).
 */

typedef enum
{
  CRM_WORKFLOW_ON_CREATE,
  CRM_WORKFLOW_ON_EDIT,
  CRM_WORKFLOW_ON_CREATE_OR_EDIT,
  CRM_WORKFLOW_ON_FIELD_CHANGE,   /* field changes to value (on create too) */
  CRM_WORKFLOW_ON_DATE,           /* runs on the day field + date_offset */
} CrmWorkflowTrigger;

typedef enum
{
  CRM_WORKFLOW_UPDATE_FIELD,      /* field = value (NULL clears) */
  CRM_WORKFLOW_CREATE_TASK,       /* text = subject, due in `days` days, same owner */
  CRM_WORKFLOW_NOTIFY,            /* text = message, for the record's owner */
  CRM_WORKFLOW_ADD_TO_CAMPAIGN,   /* target_id = campaign */
} CrmWorkflowActionKind;

typedef struct
{
  CrmWorkflowActionKind  kind;
  char                  *field;
  GVariant              *value;      /* stored form: "s" or "x" */
  char                  *text;
  int                    days;
  gint64                 target_id;
} CrmWorkflowAction;

typedef struct
{
  gint64              id;            /* 0 until saved */
  char               *module;
  char               *name;
  gboolean            active;
  CrmWorkflowTrigger  trigger;
  char               *field;         /* FIELD_CHANGE, DATE */
  GVariant           *value;         /* FIELD_CHANGE: stored form of the value */
  int                 date_offset;   /* DATE: days after the date (negative: before) */
  char               *criteria;      /* crm_query_serialize() text; "" or NULL: every record */
  GPtrArray          *actions;       /* CrmWorkflowAction* */
} CrmWorkflowRule;

typedef struct
{
  gint64    id;
  gint64    rule_id;
  char     *module;
  gint64    record_id;
  gint64    time;
  char     *run_date;     /* date rules: the day it ran for */
  gboolean  ok;
  char     *message;      /* the reason when !ok */
} CrmWorkflowLogEntry;

typedef struct
{
  gint64    id;
  gint64    time;
  gint64    user_id;
  char     *module;
  gint64    record_id;
  gint64    rule_id;
  char     *message;
  gboolean  read;
} CrmNotification;

CrmWorkflowRule   *crm_workflow_rule_new            (const char          *module,
                                                     const char          *name,
                                                     CrmWorkflowTrigger   trigger);
void               crm_workflow_rule_free           (CrmWorkflowRule     *rule);
/* Takes ownership of the action. */
void               crm_workflow_rule_add_action     (CrmWorkflowRule     *rule,
                                                     CrmWorkflowAction   *action);
/* Sets the criteria from a query (NULL: every record). */
void               crm_workflow_rule_set_query      (CrmWorkflowRule     *rule,
                                                     CrmQuery            *query);

/* value is taken if floating. */
CrmWorkflowAction *crm_workflow_action_update_field (const char          *field,
                                                     GVariant            *value);
CrmWorkflowAction *crm_workflow_action_create_task  (const char          *subject,
                                                     int                  due_in_days);
CrmWorkflowAction *crm_workflow_action_notify       (const char          *message);
CrmWorkflowAction *crm_workflow_action_add_to_campaign (gint64            campaign_id);
void               crm_workflow_action_free         (CrmWorkflowAction   *action);

const char        *crm_workflow_trigger_get_label   (CrmWorkflowTrigger   trigger);
const char        *crm_workflow_action_get_label    (CrmWorkflowActionKind kind);

void               crm_workflow_log_entry_free      (CrmWorkflowLogEntry *entry);
void               crm_notification_free            (CrmNotification     *notification);

/* Checks the rule against the module's fields (types, values, criteria,
 * the campaign) and inserts it (id 0, which is then set) or replaces it
 * with its actions. */
gboolean           crm_automation_save_rule         (CrmStore            *store,
                                                     CrmWorkflowRule     *rule,
                                                     GError             **error);
CrmWorkflowRule   *crm_automation_load_rule         (CrmStore            *store,
                                                     gint64               id,
                                                     GError             **error);
/* module NULL: every module; by module, then name. */
GPtrArray         *crm_automation_list_rules        (CrmStore            *store,
                                                     const char          *module,
                                                     GError             **error);
gboolean           crm_automation_delete_rule       (CrmStore            *store,
                                                     gint64               id,
                                                     GError             **error);
gboolean           crm_automation_set_rule_active   (CrmStore            *store,
                                                     gint64               id,
                                                     gboolean             active,
                                                     GError             **error);

/* Newest first; rule_id 0: every rule. */
GPtrArray         *crm_automation_list_log          (CrmStore            *store,
                                                     gint64               rule_id,
                                                     guint                limit,
                                                     GError             **error);

/* Runs the date rules due on the local day of `now` (Unix time) in one
 * change set; returns how many rule runs happened, or -1. */
gint               crm_automation_run_scheduled     (CrmStore            *store,
                                                     gint64               now,
                                                     GError             **error);

/* Notifications for a user (0: everyone), newest first. */
GPtrArray         *crm_notifications_list           (CrmStore            *store,
                                                     gint64               user_id,
                                                     gboolean             unread_only,
                                                     GError             **error);
guint              crm_notifications_count_unread   (CrmStore            *store,
                                                     gint64               user_id);
gboolean           crm_notifications_mark_read      (CrmStore            *store,
                                                     gint64               id,
                                                     GError             **error);

/* Registers the write hook that runs record-triggered rules. Idempotent;
 * the functions above call it, and crm_setup_attach() does too. */
void               crm_automation_attach            (CrmStore            *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmWorkflowRule, crm_workflow_rule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmWorkflowAction, crm_workflow_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmWorkflowLogEntry, crm_workflow_log_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmNotification, crm_notification_free)

G_END_DECLS
