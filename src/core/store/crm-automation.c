/* crm-automation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-automation"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-automation.h"
#include "crm-store-private.h"

/* Per store: the rules running right now (innermost last), which keeps a
 * rule from triggering itself, even through a record it creates; the
 * rules that ran for a record during the current outermost write, which
 * keeps a rule from running twice for one user action when another
 * rule's update triggers it first; and the clock scheduled runs use. */
typedef struct
{
  GArray     *running;   /* gint64 rule ids */
  GHashTable *fired;     /* "rule:module:id" */
  gint64      now;       /* 0: the real time */
} Automation;

static const char * const trigger_keys[] = {
  [CRM_WORKFLOW_ON_CREATE] = "create",
  [CRM_WORKFLOW_ON_EDIT] = "edit",
  [CRM_WORKFLOW_ON_CREATE_OR_EDIT] = "create_or_edit",
  [CRM_WORKFLOW_ON_FIELD_CHANGE] = "field_change",
  [CRM_WORKFLOW_ON_DATE] = "date",
};

static const char * const action_keys[] = {
  [CRM_WORKFLOW_UPDATE_FIELD] = "update_field",
  [CRM_WORKFLOW_CREATE_TASK] = "create_task",
  [CRM_WORKFLOW_NOTIFY] = "notify",
  [CRM_WORKFLOW_ADD_TO_CAMPAIGN] = "add_to_campaign",
};

const char *
crm_workflow_trigger_get_label (CrmWorkflowTrigger trigger)
{
  switch (trigger)
    {
    case CRM_WORKFLOW_ON_CREATE: return _("When a record is created");
    case CRM_WORKFLOW_ON_EDIT: return _("When a record is edited");
    case CRM_WORKFLOW_ON_CREATE_OR_EDIT: return _("When a record is created or edited");
    case CRM_WORKFLOW_ON_FIELD_CHANGE: return _("When a field changes to a value");
    case CRM_WORKFLOW_ON_DATE: return _("On a date of the record");
    default: return NULL;
    }
}

const char *
crm_workflow_action_get_label (CrmWorkflowActionKind kind)
{
  switch (kind)
    {
    case CRM_WORKFLOW_UPDATE_FIELD: return _("Update a field");
    case CRM_WORKFLOW_CREATE_TASK: return _("Create a task");
    case CRM_WORKFLOW_NOTIFY: return _("Show a notification");
    case CRM_WORKFLOW_ADD_TO_CAMPAIGN: return _("Add to a campaign");
    default: return NULL;
    }
}

static gboolean
key_to_enum (const char * const *keys,
             guint               n_keys,
             const char         *key,
             int                *out)
{
  for (guint i = 0; i < n_keys; i++)
    if (g_strcmp0 (keys[i], key) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
variant_equal0 (GVariant *a,
                GVariant *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_variant_equal (a, b);
}

/*
 * Boxed types
 */

CrmWorkflowRule *
crm_workflow_rule_new (const char         *module,
                       const char         *name,
                       CrmWorkflowTrigger  trigger)
{
  CrmWorkflowRule *rule = g_new0 (CrmWorkflowRule, 1);

  rule->module = g_strdup (module);
  rule->name = g_strdup (name);
  rule->active = TRUE;
  rule->trigger = trigger;
  rule->criteria = g_strdup ("");
  rule->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_workflow_action_free);
  return rule;
}

void
crm_workflow_rule_free (CrmWorkflowRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->module);
  g_free (rule->name);
  g_free (rule->field);
  g_clear_pointer (&rule->value, g_variant_unref);
  g_free (rule->criteria);
  g_clear_pointer (&rule->actions, g_ptr_array_unref);
  g_free (rule);
}

void
crm_workflow_rule_add_action (CrmWorkflowRule   *rule,
                              CrmWorkflowAction *action)
{
  g_return_if_fail (rule != NULL && action != NULL);
  g_ptr_array_add (rule->actions, action);
}

void
crm_workflow_rule_set_query (CrmWorkflowRule *rule,
                             CrmQuery        *query)
{
  g_return_if_fail (rule != NULL);
  g_free (rule->criteria);
  rule->criteria = query ? crm_query_serialize (query) : g_strdup ("");
}

static CrmWorkflowAction *
action_new (CrmWorkflowActionKind kind)
{
  CrmWorkflowAction *action = g_new0 (CrmWorkflowAction, 1);

  action->kind = kind;
  return action;
}

CrmWorkflowAction *
crm_workflow_action_update_field (const char *field,
                                  GVariant   *value)
{
  CrmWorkflowAction *action = action_new (CRM_WORKFLOW_UPDATE_FIELD);

  action->field = g_strdup (field);
  action->value = value ? g_variant_ref_sink (value) : NULL;
  return action;
}

CrmWorkflowAction *
crm_workflow_action_create_task (const char *subject,
                                 int         due_in_days)
{
  CrmWorkflowAction *action = action_new (CRM_WORKFLOW_CREATE_TASK);

  action->text = g_strdup (subject);
  action->days = due_in_days;
  return action;
}

CrmWorkflowAction *
crm_workflow_action_notify (const char *message)
{
  CrmWorkflowAction *action = action_new (CRM_WORKFLOW_NOTIFY);

  action->text = g_strdup (message);
  return action;
}

CrmWorkflowAction *
crm_workflow_action_add_to_campaign (gint64 campaign_id)
{
  CrmWorkflowAction *action = action_new (CRM_WORKFLOW_ADD_TO_CAMPAIGN);

  action->target_id = campaign_id;
  return action;
}

void
crm_workflow_action_free (CrmWorkflowAction *action)
{
  if (action == NULL)
    return;
  g_free (action->field);
  g_clear_pointer (&action->value, g_variant_unref);
  g_free (action->text);
  g_free (action);
}

void
crm_workflow_log_entry_free (CrmWorkflowLogEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->module);
  g_free (entry->run_date);
  g_free (entry->message);
  g_free (entry);
}

void
crm_notification_free (CrmNotification *notification)
{
  if (notification == NULL)
    return;
  g_free (notification->module);
  g_free (notification->message);
  g_free (notification);
}

/*
 * Storage
 */

static gboolean
step_done (CrmStore      *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return FALSE;
    }
  return TRUE;
}

static GVariant *
column_value (sqlite3_stmt *stmt,
              int           column)
{
  GVariant *value = _crm_column_variant (stmt, column);

  return value ? g_variant_ref_sink (value) : NULL;
}

CrmWorkflowRule *
crm_automation_load_rule (CrmStore  *store,
                          gint64     id,
                          GError   **error)
{
  g_autoptr(CrmWorkflowRule) rule = NULL;
  int trigger = 0;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "SELECT module, name, active, trigger_kind, trigger_field, trigger_value, "
                                "date_offset, criteria FROM workflow_rules WHERE id = ?", error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, id);
    if (sqlite3_step (stmt) != SQLITE_ROW)
      {
        g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("The workflow rule no longer exists"));
        return NULL;
      }
    if (!key_to_enum (trigger_keys, G_N_ELEMENTS (trigger_keys), (const char *) sqlite3_column_text (stmt, 3), &trigger))
      {
        g_set_error (error, CRM_ERROR, CRM_ERROR_FAILED, _("The workflow rule has an unknown trigger “%s”"),
                     (const char *) sqlite3_column_text (stmt, 3));
        return NULL;
      }
    rule = crm_workflow_rule_new ((const char *) sqlite3_column_text (stmt, 0),
                                  (const char *) sqlite3_column_text (stmt, 1), trigger);
    rule->id = id;
    rule->active = sqlite3_column_int (stmt, 2) != 0;
    rule->field = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
    rule->value = column_value (stmt, 5);
    rule->date_offset = sqlite3_column_int (stmt, 6);
    g_free (rule->criteria);
    rule->criteria = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  }
  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "SELECT kind, field, value, text, days, target_id FROM workflow_actions "
                                "WHERE rule_id = ? ORDER BY position, id", error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        int kind;
        CrmWorkflowAction *action;

        if (!key_to_enum (action_keys, G_N_ELEMENTS (action_keys), (const char *) sqlite3_column_text (stmt, 0), &kind))
          continue;   /* written by a newer version: not ours to run */
        action = action_new (kind);
        action->field = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        action->value = column_value (stmt, 2);
        action->text = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
        action->days = sqlite3_column_int (stmt, 4);
        action->target_id = sqlite3_column_int64 (stmt, 5);
        g_ptr_array_add (rule->actions, action);
      }
  }
  return g_steal_pointer (&rule);
}

static GArray *
select_ids (CrmStore    *store,
            const char  *sql,
            const char  *text,
            GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GPtrArray *
crm_automation_list_rules (CrmStore    *store,
                           const char  *module,
                           GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_workflow_rule_free);
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  ids = select_ids (store, "SELECT id FROM workflow_rules WHERE ?1 IS NULL OR module = ?1 "
                           "ORDER BY module, name COLLATE NOCASE, id", module, error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      CrmWorkflowRule *rule = crm_automation_load_rule (store, g_array_index (ids, gint64, i), error);
      if (rule == NULL)
        return NULL;
      g_ptr_array_add (out, rule);
    }
  return g_steal_pointer (&out);
}

/*
 * Checking a rule
 */

static gboolean
fail (GError     **error,
      const char  *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError     **error,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (CRM_ERROR, CRM_ERROR_VALIDATION, format, args));
  va_end (args);
  return FALSE;
}

static gboolean
live_campaign (CrmStore *store,
               gint64    id)
{
  g_autoptr(CrmRecord) campaign = NULL;

  if (crm_store_get_module (store, "campaigns") == NULL)
    return FALSE;
  campaign = crm_store_load_record (store, "campaigns", id, NULL);
  return campaign != NULL && !crm_record_is_deleted (campaign);
}

static gboolean
check_action (CrmStore           *store,
              CrmModule          *module,
              CrmWorkflowAction  *action,
              GError            **error)
{
  switch (action->kind)
    {
    case CRM_WORKFLOW_UPDATE_FIELD:
      {
        CrmField *field = crm_module_get_field (module, action->field ? action->field : "");
        g_autoptr(GError) local = NULL;

        if (field == NULL)
          return fail (error, _("Update a field: %s have no field “%s”"),
                       crm_module_get_plural (module), action->field ? action->field : "");
        if (!crm_field_is_editable (field) || crm_field_get_field_type (field) == CRM_FIELD_AUTO_NUMBER)
          return fail (error, _("Update a field: %s is set by CRM and cannot be changed"), crm_field_get_label (field));
        if (!crm_field_validate (field, action->value, &local))
          return fail (error, _("Update a field: %s"), local->message);
        return TRUE;
      }
    case CRM_WORKFLOW_CREATE_TASK:
      if (crm_store_get_module (store, "tasks") == NULL)
        return fail (error, _("Create a task: there is no Tasks module"));
      if (action->text == NULL || *g_strstrip (action->text) == '\0')
        return fail (error, _("Create a task: the task needs a subject"));
      if (g_utf8_strlen (action->text, -1) > 200)
        return fail (error, _("Create a task: the subject is longer than 200 characters"));
      if (action->days < 0 || action->days > 3650)
        return fail (error, _("Create a task: the due date must be 0 to 3650 days ahead"));
      return TRUE;
    case CRM_WORKFLOW_NOTIFY:
      if (action->text == NULL || *g_strstrip (action->text) == '\0')
        return fail (error, _("Show a notification: the notification needs a message"));
      return TRUE;
    case CRM_WORKFLOW_ADD_TO_CAMPAIGN:
      if (g_str_equal (crm_module_get_api_name (module), "campaigns"))
        return fail (error, _("Add to a campaign: a campaign cannot be a member of a campaign"));
      if (!live_campaign (store, action->target_id))
        return fail (error, _("Add to a campaign: campaign #%" G_GINT64_FORMAT " does not exist"), action->target_id);
      return TRUE;
    default:
      return fail (error, _("Unknown workflow action"));
    }
}

static gboolean
check_rule (CrmStore         *store,
            CrmWorkflowRule  *rule,
            GError          **error)
{
  CrmModule *module = crm_store_get_module (store, rule->module);
  CrmField *field = NULL;

  if (module == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"), rule->module ? rule->module : "");
      return FALSE;
    }
  if (rule->name == NULL || *g_strstrip (rule->name) == '\0')
    return fail (error, _("A workflow rule needs a name"));
  if ((guint) rule->trigger >= G_N_ELEMENTS (trigger_keys))
    return fail (error, _("Unknown workflow trigger"));

  if (rule->trigger == CRM_WORKFLOW_ON_FIELD_CHANGE || rule->trigger == CRM_WORKFLOW_ON_DATE)
    {
      field = crm_module_get_field (module, rule->field ? rule->field : "");
      if (field == NULL)
        return fail (error, _("Trigger: %s have no field “%s”"), crm_module_get_plural (module),
                     rule->field ? rule->field : "");
    }
  if (rule->trigger == CRM_WORKFLOW_ON_FIELD_CHANGE)
    {
      g_autoptr(CrmField) optional = crm_field_new (crm_field_get_module (field), crm_field_get_api_name (field),
                                                    crm_field_get_label (field), crm_field_get_field_type (field), 0);
      g_autoptr(GError) local = NULL;

      /* "changes to empty" is a fine trigger even for a required field */
      crm_field_set_max_length (optional, crm_field_get_max_length (field));
      crm_field_set_picklist (optional, crm_field_get_picklist (field));
      if (!crm_field_validate (optional, rule->value, &local))
        return fail (error, _("Trigger: %s"), local->message);
    }
  if (rule->trigger == CRM_WORKFLOW_ON_DATE)
    {
      CrmFieldType type = crm_field_get_field_type (field);

      if (type != CRM_FIELD_DATE && type != CRM_FIELD_DATETIME)
        return fail (error, _("Trigger: %s is not a date"), crm_field_get_label (field));
      if (rule->date_offset < -3650 || rule->date_offset > 3650)
        return fail (error, _("Trigger: at most 3650 days before or after the date"));
    }

  if (rule->criteria != NULL && *rule->criteria != '\0')
    {
      g_autoptr(CrmQuery) query = crm_query_deserialize (rule->module, rule->criteria, error);
      g_autoptr(GPtrArray) params = NULL;
      g_autofree char *where = NULL;

      if (query == NULL)
        return FALSE;
      where = crm_query_build_where (query, store, &params, error);
      if (where == NULL)
        return FALSE;
    }

  if (rule->actions->len == 0)
    return fail (error, _("A workflow rule needs at least one action"));
  for (guint i = 0; i < rule->actions->len; i++)
    if (!check_action (store, module, g_ptr_array_index (rule->actions, i), error))
      return FALSE;
  return TRUE;
}

gboolean
crm_automation_save_rule (CrmStore         *store,
                          CrmWorkflowRule  *rule,
                          GError          **error)
{
  gint64 id = rule ? rule->id : 0;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  crm_automation_attach (store);
  if (!check_rule (store, rule, error))
    return FALSE;

  if (!crm_store_begin (store, error))
    return FALSE;
  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store,
                         id == 0
                         ? "INSERT INTO workflow_rules (module, name, active, trigger_kind, trigger_field, trigger_value, "
                           "date_offset, criteria, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                         : "UPDATE workflow_rules SET module = ?1, name = ?2, active = ?3, trigger_kind = ?4, "
                           "trigger_field = ?5, trigger_value = ?6, date_offset = ?7, criteria = ?8 WHERE id = ?10",
                         error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, rule->module, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, rule->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int (stmt, 3, rule->active ? 1 : 0);
    sqlite3_bind_text (stmt, 4, trigger_keys[rule->trigger], -1, SQLITE_STATIC);
    if (rule->trigger == CRM_WORKFLOW_ON_FIELD_CHANGE || rule->trigger == CRM_WORKFLOW_ON_DATE)
      sqlite3_bind_text (stmt, 5, rule->field, -1, SQLITE_TRANSIENT);
    if (rule->trigger == CRM_WORKFLOW_ON_FIELD_CHANGE)
      _crm_bind_variant (stmt, 6, rule->value);
    sqlite3_bind_int (stmt, 7, rule->trigger == CRM_WORKFLOW_ON_DATE ? rule->date_offset : 0);
    sqlite3_bind_text (stmt, 8, rule->criteria ? rule->criteria : "", -1, SQLITE_TRANSIENT);
    if (id == 0)
      sqlite3_bind_int64 (stmt, 9, _crm_store_now ());
    else
      sqlite3_bind_int64 (stmt, 10, id);
    if (!step_done (store, stmt, error))
      goto failed;
    if (id == 0)
      id = sqlite3_last_insert_rowid (crm_store_get_db (store));
    else if (sqlite3_changes (crm_store_get_db (store)) == 0)
      {
        g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("The workflow rule no longer exists"));
        goto failed;
      }
  }
  {
    crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, "DELETE FROM workflow_actions WHERE rule_id = ?", error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, id);
    if (!step_done (store, stmt, error))
      goto failed;
  }
  for (guint i = 0; i < rule->actions->len; i++)
    {
      CrmWorkflowAction *action = g_ptr_array_index (rule->actions, i);
      crm_autoreset sqlite3_stmt *stmt =
        crm_store_prepare (store, "INSERT INTO workflow_actions (rule_id, position, kind, field, value, text, days, target_id) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, action_keys[action->kind], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, action->field, -1, SQLITE_TRANSIENT);
      _crm_bind_variant (stmt, 5, action->value);
      sqlite3_bind_text (stmt, 6, action->text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 7, action->days);
      if (action->target_id != 0)
        sqlite3_bind_int64 (stmt, 8, action->target_id);
      if (!step_done (store, stmt, error))
        goto failed;
    }
  if (!crm_store_commit (store, error))
    return FALSE;
  rule->id = id;
  return TRUE;

failed:
  crm_store_rollback (store);
  return FALSE;
}

gboolean
crm_automation_delete_rule (CrmStore    *store,
                            gint64       id,
                            GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, "DELETE FROM workflow_rules WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (crm_store_get_db (store)) == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("The workflow rule no longer exists"));
      return FALSE;
    }
  return TRUE;
}

gboolean
crm_automation_set_rule_active (CrmStore    *store,
                                gint64       id,
                                gboolean     active,
                                GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, "UPDATE workflow_rules SET active = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, active ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (crm_store_get_db (store)) == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("The workflow rule no longer exists"));
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
crm_automation_list_log (CrmStore  *store,
                         gint64     rule_id,
                         guint      limit,
                         GError   **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_workflow_log_entry_free);
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  stmt = crm_store_prepare (store, "SELECT id, rule_id, module, record_id, time, run_date, ok, message FROM workflow_log "
                                   "WHERE ?1 = 0 OR rule_id = ?1 ORDER BY id DESC LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  sqlite3_bind_int64 (stmt, 2, limit ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmWorkflowLogEntry *entry = g_new0 (CrmWorkflowLogEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->rule_id = sqlite3_column_int64 (stmt, 1);
      entry->module = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->record_id = sqlite3_column_int64 (stmt, 3);
      entry->time = sqlite3_column_int64 (stmt, 4);
      entry->run_date = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      entry->ok = sqlite3_column_int (stmt, 6) != 0;
      entry->message = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (out, entry);
    }
  if (rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/*
 * Running rules
 */

static gint64
automation_now (Automation *self)
{
  return self->now != 0 ? self->now : _crm_store_now ();
}

static char *
local_date (gint64 unix_time,
            int    add_days)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) shifted = g_date_time_add_days (dt, add_days);

  return g_date_time_format (shifted, "%Y-%m-%d");
}

/* The owner new things go to: the record's owner while active, else the
 * current user. */
static gint64
owner_for (CrmStore  *store,
           CrmRecord *record)
{
  gint64 owner = crm_record_get_int (record, "owner_id", 0);
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, "SELECT 1 FROM users WHERE id = ? AND active = 1", NULL);

  if (owner != 0 && stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, owner);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return owner;
    }
  return crm_store_get_current_user (store);
}

static gboolean
create_task (Automation         *self,
             CrmStore           *store,
             CrmRecord          *record,
             CrmWorkflowAction  *action,
             GError            **error)
{
  CrmModule *tasks = crm_store_get_module (store, "tasks");
  const char *module = crm_module_get_api_name (crm_record_get_module (record));
  g_autoptr(CrmRecord) task = NULL;
  g_autofree char *due = NULL;

  if (tasks == NULL)
    return fail (error, _("There is no Tasks module"));
  task = crm_record_new (tasks);
  due = local_date (automation_now (self), action->days);
  crm_record_set_string (task, "subject", action->text);
  crm_record_set_string (task, "due_date", due);
  crm_record_set_string (task, "related_module", module);
  crm_record_set_int (task, "related_id", crm_record_get_id (record));
  crm_record_set_int (task, "owner_id", owner_for (store, record));
  if (g_str_equal (module, "contacts") && crm_module_get_field (tasks, "contact_name") != NULL)
    crm_record_set_int (task, "contact_name", crm_record_get_id (record));
  return crm_store_save_record (store, task, error);
}

static gboolean
notify (CrmStore           *store,
        gint64              rule_id,
        CrmRecord          *record,
        CrmWorkflowAction  *action,
        gint64              now,
        GError            **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (store, "INSERT INTO notifications (time, user_id, module, record_id, rule_id, message) "
                              "VALUES (?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, owner_for (store, record));
  sqlite3_bind_text (stmt, 3, crm_module_get_api_name (crm_record_get_module (record)), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, crm_record_get_id (record));
  sqlite3_bind_int64 (stmt, 5, rule_id);
  sqlite3_bind_text (stmt, 6, action->text, -1, SQLITE_TRANSIENT);
  return step_done (store, stmt, error);
}

static gboolean
add_to_campaign (CrmStore           *store,
                 CrmRecord          *record,
                 CrmWorkflowAction  *action,
                 GError            **error)
{
  const char *module = crm_module_get_api_name (crm_record_get_module (record));
  crm_autoreset sqlite3_stmt *stmt = NULL;

  if (!live_campaign (store, action->target_id))
    return fail (error, _("Campaign #%" G_GINT64_FORMAT " does not exist or was deleted"), action->target_id);
  stmt = crm_store_prepare (store,
                            "INSERT OR IGNORE INTO relations (kind, from_module, from_id, to_module, to_id) "
                            "VALUES ('campaign_member', ?, ?, 'campaigns', ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, crm_record_get_id (record));
  sqlite3_bind_int64 (stmt, 3, action->target_id);
  if (!step_done (store, stmt, error))
    return FALSE;
  _crm_store_notify (store, "campaigns", action->target_id);
  _crm_store_notify (store, module, crm_record_get_id (record));
  return TRUE;
}

static gboolean
run_actions (Automation       *self,
             CrmStore         *store,
             CrmWorkflowRule  *rule,
             gint64            id,
             GError          **error)
{
  for (guint i = 0; i < rule->actions->len; i++)
    {
      CrmWorkflowAction *action = g_ptr_array_index (rule->actions, i);
      /* Read again for every action: an earlier one may have changed it. */
      g_autoptr(CrmRecord) record = crm_store_load_record (store, rule->module, id, error);
      gboolean ok = FALSE;

      if (record == NULL)
        return FALSE;
      switch (action->kind)
        {
        case CRM_WORKFLOW_UPDATE_FIELD:
          ok = crm_store_set_field (store, rule->module, id, action->field, action->value, error);
          break;
        case CRM_WORKFLOW_CREATE_TASK:
          ok = create_task (self, store, record, action, error);
          break;
        case CRM_WORKFLOW_NOTIFY:
          ok = notify (store, rule->id, record, action, automation_now (self), error);
          break;
        case CRM_WORKFLOW_ADD_TO_CAMPAIGN:
          ok = add_to_campaign (store, record, action, error);
          break;
        default:
          ok = fail (error, _("Unknown workflow action"));
          break;
        }
      if (!ok)
        {
          g_prefix_error (error, "%s: ", crm_workflow_action_get_label (action->kind));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
add_log (Automation  *self,
         CrmStore    *store,
         gint64       rule_id,
         const char  *module,
         gint64       record_id,
         const char  *run_date,
         const char  *message,
         GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (store, "INSERT INTO workflow_log (rule_id, module, record_id, time, run_date, ok, message) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rule_id);
  sqlite3_bind_text (stmt, 2, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, record_id);
  sqlite3_bind_int64 (stmt, 4, automation_now (self));
  sqlite3_bind_text (stmt, 5, run_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, message == NULL);
  sqlite3_bind_text (stmt, 7, message, -1, SQLITE_TRANSIENT);
  return step_done (store, stmt, error);
}

static gboolean
is_running (Automation *self,
            gint64      rule_id)
{
  for (guint i = 0; i < self->running->len; i++)
    if (g_array_index (self->running, gint64, i) == rule_id)
      return TRUE;
  return FALSE;
}

/* Runs the rule for one record if its criteria match. Only a database
 * failure (the log cannot be written) returns FALSE; a failing rule is
 * rolled back to its savepoint and logged. */
static gboolean
run_if_matches (Automation       *self,
                CrmStore         *store,
                CrmWorkflowRule  *rule,
                gint64            id,
                const char       *run_date,
                gboolean         *ran,
                GError          **error)
{
  g_autoptr(GError) local = NULL;
  gboolean ok;

  if (ran)
    *ran = FALSE;

  if (rule->criteria != NULL && *rule->criteria != '\0')
    {
      g_autoptr(CrmQuery) query = crm_query_deserialize (rule->module, rule->criteria, &local);

      if (query == NULL || !crm_store_query_matches (store, query, id, &local))
        {
          if (local == NULL)
            return TRUE;   /* criteria not met */
          g_prefix_error (&local, "%s", _("Criteria: "));
          return add_log (self, store, rule->id, rule->module, id, run_date, local->message, error);
        }
    }

  if (!crm_store_begin (store, error))
    return FALSE;
  g_hash_table_add (self->fired, g_strdup_printf ("%" G_GINT64_FORMAT ":%s:%" G_GINT64_FORMAT,
                                                  rule->id, rule->module, id));
  g_array_append_val (self->running, rule->id);
  ok = run_actions (self, store, rule, id, &local);
  g_array_set_size (self->running, self->running->len - 1);
  if (ok)
    ok = crm_store_commit (store, &local);
  else
    crm_store_rollback (store);

  if (ran)
    *ran = TRUE;
  return add_log (self, store, rule->id, rule->module, id, run_date, ok ? NULL : local->message, error);
}

static gboolean
has_fired (Automation *self,
           gint64      rule_id,
           const char *module,
           gint64      id)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s:%" G_GINT64_FORMAT, rule_id, module, id);

  return g_hash_table_contains (self->fired, key);
}

static gboolean
run_rules (Automation  *self,
           CrmStore    *store,
           gboolean     create,
           CrmRecord   *before,
           CrmRecord   *after,
           GError     **error);

static gboolean
automation_hook (CrmStore    *store,
                 const char  *action,
                 CrmRecord   *before,
                 CrmRecord   *after,
                 gpointer     user_data,
                 GError     **error)
{
  Automation *self = user_data;
  gboolean ok;

  if (!g_str_equal (action, "create") && !g_str_equal (action, "update"))
    return TRUE;
  ok = run_rules (self, store, g_str_equal (action, "create"), before, after, error);
  /* The outermost write is done with its rules. */
  if (crm_store_get_hook_depth (store) <= 1)
    g_hash_table_remove_all (self->fired);
  return ok;
}

static gboolean
run_rules (Automation  *self,
           CrmStore    *store,
           gboolean     create,
           CrmRecord   *before,
           CrmRecord   *after,
           GError     **error)
{
  const char *module = crm_module_get_api_name (crm_record_get_module (after));
  g_autoptr(GArray) ids = NULL;

  ids = select_ids (store,
                    create
                    ? "SELECT id FROM workflow_rules WHERE module = ? AND active = 1 "
                      "AND trigger_kind IN ('create', 'create_or_edit', 'field_change') ORDER BY id"
                    : "SELECT id FROM workflow_rules WHERE module = ? AND active = 1 "
                      "AND trigger_kind IN ('edit', 'create_or_edit', 'field_change') ORDER BY id",
                    module, error);
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 rule_id = g_array_index (ids, gint64, i);
      g_autoptr(CrmWorkflowRule) rule = NULL;

      if (is_running (self, rule_id) || has_fired (self, rule_id, module, crm_record_get_id (after)))
        continue;
      rule = crm_automation_load_rule (store, rule_id, error);
      if (rule == NULL)
        return FALSE;
      if (rule->trigger == CRM_WORKFLOW_ON_FIELD_CHANGE)
        {
          GVariant *old_value = before ? crm_record_get_value (before, rule->field) : NULL;
          GVariant *new_value = crm_record_get_value (after, rule->field);

          if (variant_equal0 (old_value, new_value) || !variant_equal0 (new_value, rule->value))
            continue;
        }
      if (!run_if_matches (self, store, rule, crm_record_get_id (after), NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static void
automation_free (gpointer data)
{
  Automation *self = data;

  g_array_unref (self->running);
  g_hash_table_unref (self->fired);
  g_free (self);
}

static Automation *
ensure_attached (CrmStore *store)
{
  Automation *self = g_object_get_data (G_OBJECT (store), "crm-automation");

  if (self != NULL)
    return self;
  self = g_new0 (Automation, 1);
  self->running = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->fired = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_object_set_data_full (G_OBJECT (store), "crm-automation", self, automation_free);
  crm_store_add_write_hook (store, NULL, automation_hook, self, NULL);
  return self;
}

void
crm_automation_attach (CrmStore *store)
{
  g_return_if_fail (CRM_IS_STORE (store));
  ensure_attached (store);
}

/*
 * Date rules
 */

typedef struct
{
  CrmWorkflowRule *rule;   /* borrowed from the rules array */
  gint64           id;
} Due;

static gboolean
collect_due (CrmStore         *store,
             CrmWorkflowRule  *rule,
             gint64            now,
             const char       *today,
             GArray           *due,
             GError          **error)
{
  CrmModule *module = crm_store_get_module (store, rule->module);
  CrmField *field = module ? crm_module_get_field (module, rule->field ? rule->field : "") : NULL;
  g_autofree char *sql = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;
  const char *not_yet = "AND NOT EXISTS (SELECT 1 FROM workflow_log l WHERE l.rule_id = ?1 "
                        "AND l.record_id = t.id AND l.run_date = ?2)";

  if (field == NULL)
    return TRUE;   /* the field was deleted since: the rule has nothing to look at */

  /* field + offset = today, so field = today - offset */
  if (crm_field_get_field_type (field) == CRM_FIELD_DATE)
    sql = g_strdup_printf ("SELECT id FROM \"%s\" t WHERE deleted_at IS NULL AND \"%s\" = ?3 %s ORDER BY id",
                           crm_module_get_table (module), rule->field, not_yet);
  else
    sql = g_strdup_printf ("SELECT id FROM \"%s\" t WHERE deleted_at IS NULL AND \"%s\" >= ?4 AND \"%s\" < ?5 %s "
                           "ORDER BY id", crm_module_get_table (module), rule->field, rule->field, not_yet);

  stmt = crm_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rule->id);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  if (crm_field_get_field_type (field) == CRM_FIELD_DATE)
    {
      g_autofree char *target = local_date (now, -rule->date_offset);
      sqlite3_bind_text (stmt, 3, target, -1, SQLITE_TRANSIENT);
    }
  else
    {
      g_autoptr(GDateTime) local_now = g_date_time_new_from_unix_local (now);
      g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (local_now),
                                                             g_date_time_get_month (local_now),
                                                             g_date_time_get_day_of_month (local_now), 0, 0, 0);
      g_autoptr(GDateTime) start = g_date_time_add_days (midnight, -rule->date_offset);
      g_autoptr(GDateTime) end = g_date_time_add_days (start, 1);

      sqlite3_bind_int64 (stmt, 4, g_date_time_to_unix (start));
      sqlite3_bind_int64 (stmt, 5, g_date_time_to_unix (end));
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Due d = { rule, sqlite3_column_int64 (stmt, 0) };
      g_array_append_val (due, d);
    }
  return TRUE;
}

gint
crm_automation_run_scheduled (CrmStore  *store,
                              gint64     now,
                              GError   **error)
{
  Automation *self;
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_workflow_rule_free);
  g_autoptr(GArray) due = g_array_new (FALSE, FALSE, sizeof (Due));
  g_autoptr(GArray) ids = NULL;
  g_autofree char *today = NULL;
  gint runs = 0;

  g_return_val_if_fail (CRM_IS_STORE (store), -1);

  self = ensure_attached (store);
  today = local_date (now, 0);

  ids = select_ids (store, "SELECT id FROM workflow_rules WHERE active = 1 AND trigger_kind = 'date' ORDER BY id",
                    NULL, error);
  if (ids == NULL)
    return -1;
  for (guint i = 0; i < ids->len; i++)
    {
      CrmWorkflowRule *rule = crm_automation_load_rule (store, g_array_index (ids, gint64, i), error);

      if (rule == NULL)
        return -1;
      g_ptr_array_add (rules, rule);
      if (!collect_due (store, rule, now, today, due, error))
        return -1;
    }
  if (due->len == 0)
    return 0;

  if (crm_store_begin_change (store, "automation", NULL, _("Scheduled workflow rules"), error) == 0)
    return -1;
  self->now = now;
  for (guint i = 0; i < due->len; i++)
    {
      Due *d = &g_array_index (due, Due, i);
      gboolean ran = FALSE;

      g_hash_table_remove_all (self->fired);
      if (!run_if_matches (self, store, d->rule, d->id, today, &ran, error))
        {
          self->now = 0;
          crm_store_abort_change (store);
          return -1;
        }
      runs += ran;
    }
  self->now = 0;
  if (!crm_store_end_change (store, error))
    return -1;
  return runs;
}

/*
 * Notifications
 */

GPtrArray *
crm_notifications_list (CrmStore  *store,
                        gint64     user_id,
                        gboolean   unread_only,
                        GError   **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_notification_free);
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  stmt = crm_store_prepare (store, "SELECT id, time, user_id, module, record_id, rule_id, message, read "
                                   "FROM notifications WHERE (?1 = 0 OR user_id = ?1) AND (?2 = 0 OR read = 0) "
                                   "ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int (stmt, 2, unread_only ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmNotification *n = g_new0 (CrmNotification, 1);

      n->id = sqlite3_column_int64 (stmt, 0);
      n->time = sqlite3_column_int64 (stmt, 1);
      n->user_id = sqlite3_column_int64 (stmt, 2);
      n->module = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      n->record_id = sqlite3_column_int64 (stmt, 4);
      n->rule_id = sqlite3_column_int64 (stmt, 5);
      n->message = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      n->read = sqlite3_column_int (stmt, 7) != 0;
      g_ptr_array_add (out, n);
    }
  if (rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

guint
crm_notifications_count_unread (CrmStore *store,
                                gint64    user_id)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (store, "SELECT count(*) FROM notifications WHERE read = 0 AND (?1 = 0 OR user_id = ?1)", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

gboolean
crm_notifications_mark_read (CrmStore    *store,
                             gint64       id,
                             GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, "UPDATE notifications SET read = 1 WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (crm_store_get_db (store)) == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("The notification no longer exists"));
      return FALSE;
    }
  return TRUE;
}
