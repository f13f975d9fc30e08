/* crm-setup-automation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-setup-automation"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-automation.h"
#include "crm-query.h"
#include "crm-setup-automation.h"
#include "crm-setup-window.h"

struct _CrmSetupAutomation
{
  AdwPreferencesPage   parent_instance;

  CrmStore            *store;
  AdwPreferencesGroup *rules_group;
  GPtrArray           *rule_rows;
  AdwPreferencesGroup *log_group;
  GPtrArray           *log_rows;

  /* The rule editor (a subpage) */
  CrmWorkflowRule     *rule;
  AdwEntryRow         *name_row;
  AdwComboRow         *module_row;
  AdwComboRow         *trigger_row;
  AdwComboRow         *field_row;
  AdwEntryRow         *value_row;
  GtkSpinButton       *offset_spin;
  GtkWidget           *offset_row;
  AdwComboRow         *criteria_field;
  AdwComboRow         *criteria_op;
  AdwEntryRow         *criteria_value;
  AdwPreferencesGroup *actions_group;
  GPtrArray           *action_rows;
  AdwComboRow         *action_kind;
  AdwComboRow         *action_field;
  AdwEntryRow         *action_text;
  GtkSpinButton       *action_days;
  GtkWidget           *action_days_row;
  GPtrArray           *fields;       /* CrmField of the chosen module, as in the combos */
  GPtrArray           *module_names;
};

G_DEFINE_FINAL_TYPE (CrmSetupAutomation, crm_setup_automation, ADW_TYPE_PREFERENCES_PAGE)

static void reload_rules (CrmSetupAutomation *self);
static void open_editor (CrmSetupAutomation *self, gint64 id);

static void
on_rule_active_cb (GtkSwitch          *sw,
                   GParamSpec         *pspec,
                   CrmSetupAutomation *self)
{
  g_autoptr(GError) error = NULL;

  if (!crm_automation_set_rule_active (self->store, *(gint64 *) g_object_get_data (G_OBJECT (sw), "id"),
                                       gtk_switch_get_active (sw), &error))
    crm_setup_toast_error (GTK_WIDGET (self), error);
}

static void
on_delete_response_cb (AdwMessageDialog   *dialog,
                       const char         *response,
                       CrmSetupAutomation *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!crm_automation_delete_rule (self->store, *(gint64 *) g_object_get_data (G_OBJECT (dialog), "id"), &error))
    crm_setup_toast_error (GTK_WIDGET (self), error);
  reload_rules (self);
}

static void
on_rule_delete_cb (GtkButton          *button,
                   CrmSetupAutomation *self)
{
  GtkWidget *dialog = adw_message_dialog_new (crm_setup_get_window (GTK_WIDGET (self)), NULL, NULL);
  gint64 *id = g_object_get_data (G_OBJECT (button), "id");

  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete the Rule “%s”?"),
                                     (char *) g_object_get_data (G_OBJECT (button), "name"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), _("What it already did stays; it does nothing more."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "id", g_memdup2 (id, sizeof *id), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_rule_activated_cb (AdwActionRow       *row,
                      CrmSetupAutomation *self)
{
  open_editor (self, *(gint64 *) g_object_get_data (G_OBJECT (row), "id"));
}

static void
reload_rules (CrmSetupAutomation *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = crm_automation_list_rules (self->store, NULL, &error);
  g_autoptr(GPtrArray) log = crm_automation_list_log (self->store, 0, 50, NULL);

  crm_setup_group_clear (self->rules_group, self->rule_rows);
  for (guint i = 0; rules && i < rules->len; i++)
    {
      CrmWorkflowRule *rule = g_ptr_array_index (rules, i);
      CrmModule *module = crm_store_get_module (self->store, rule->module);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();
      GtkWidget *del = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", module ? crm_module_get_plural (module) : rule->module,
                                                   crm_workflow_trigger_get_label (rule->trigger));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rule->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_switch_set_active (GTK_SWITCH (sw), rule->active);
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (sw, _("Active"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Active"), -1);
      gtk_widget_add_css_class (del, "flat");
      gtk_widget_set_valign (del, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (del, _("Delete"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (del), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete"), -1);
      g_object_set_data_full (G_OBJECT (del), "name", g_strdup (rule->name), g_free);
      for (int j = 0; j < 3; j++)
        {
          GObject *w = j == 0 ? G_OBJECT (sw) : j == 1 ? G_OBJECT (del) : G_OBJECT (row);

          g_object_set_data_full (w, "id", g_memdup2 (&rule->id, sizeof rule->id), g_free);
        }
      g_signal_connect (sw, "notify::active", G_CALLBACK (on_rule_active_cb), self);
      g_signal_connect (del, "clicked", G_CALLBACK (on_rule_delete_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), del);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (on_rule_activated_cb), self);
      adw_preferences_group_add (self->rules_group, row);
      g_ptr_array_add (self->rule_rows, row);
    }
  adw_preferences_group_set_description (self->rules_group,
                                         rules && rules->len ? _("They run when a record is saved, in the same step")
                                                             : _("No rules yet"));

  crm_setup_group_clear (self->log_group, self->log_rows);
  for (guint i = 0; log && i < log->len; i++)
    {
      CrmWorkflowLogEntry *entry = g_ptr_array_index (log, i);
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (entry->time);
      g_autofree char *when = g_date_time_format (time, "%x %X");
      g_autofree char *title = crm_store_dup_record_title (self->store, entry->module, entry->record_id);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", when, entry->ok ? _("Done") : entry->message);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title && *title ? title : entry->module);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (!entry->ok)
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      adw_preferences_group_add (self->log_group, row);
      g_ptr_array_add (self->log_rows, row);
    }
  adw_preferences_group_set_description (self->log_group,
                                         log && log->len ? _("The last 50 runs, newest first") : _("No rule has run yet"));
}

/*
 * Rule editor
 */

static GtkWidget *
combo (const char    *title,
       GtkStringList *list)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  return row;
}

static CrmField *
selected_field (CrmSetupAutomation *self,
                AdwComboRow        *row)
{
  guint i = adw_combo_row_get_selected (row);

  return self->fields && i < self->fields->len ? g_ptr_array_index (self->fields, i) : NULL;
}

static void
fill_fields (CrmSetupAutomation *self)
{
  guint m = adw_combo_row_get_selected (self->module_row);
  CrmModule *module = crm_store_get_module (self->store, g_ptr_array_index (self->module_names, MIN (m, self->module_names->len - 1)));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *fields = crm_module_get_fields (module);

  g_ptr_array_set_size (self->fields, 0);
  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);

      if (crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN))
        continue;
      g_ptr_array_add (self->fields, field);
      gtk_string_list_append (names, crm_field_get_label (field));
    }
  adw_combo_row_set_model (self->field_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->criteria_field, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->action_field, G_LIST_MODEL (names));
}

static void
fill_operators (CrmSetupAutomation *self)
{
  CrmField *field = selected_field (self, self->criteria_field);
  g_autoptr(GtkStringList) ops = gtk_string_list_new (NULL);
  const CrmOperator *list;
  guint n = 0;

  gtk_string_list_append (ops, _("Every Record"));
  if (field != NULL)
    {
      list = crm_operators_for_type (crm_field_get_field_type (field), &n);
      for (guint i = 0; i < n; i++)
        gtk_string_list_append (ops, crm_operator_get_label (list[i]));
    }
  adw_combo_row_set_model (self->criteria_op, G_LIST_MODEL (ops));
}

static void
update_visibility (CrmSetupAutomation *self)
{
  CrmWorkflowTrigger trigger = adw_combo_row_get_selected (self->trigger_row);
  CrmWorkflowActionKind kind = adw_combo_row_get_selected (self->action_kind);

  gtk_widget_set_visible (GTK_WIDGET (self->field_row), trigger == CRM_WORKFLOW_ON_FIELD_CHANGE ||
                                                        trigger == CRM_WORKFLOW_ON_DATE);
  gtk_widget_set_visible (GTK_WIDGET (self->value_row), trigger == CRM_WORKFLOW_ON_FIELD_CHANGE);
  gtk_widget_set_visible (self->offset_row, trigger == CRM_WORKFLOW_ON_DATE);
  gtk_widget_set_visible (GTK_WIDGET (self->action_field), kind == CRM_WORKFLOW_UPDATE_FIELD);
  gtk_widget_set_visible (self->action_days_row, kind == CRM_WORKFLOW_CREATE_TASK);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->action_text),
                                 kind == CRM_WORKFLOW_UPDATE_FIELD ? _("New Value")
                                 : kind == CRM_WORKFLOW_CREATE_TASK ? _("Task Subject")
                                 : kind == CRM_WORKFLOW_NOTIFY ? _("Message")
                                 : _("Campaign ID"));
}

static void
reload_actions (CrmSetupAutomation *self)
{
  crm_setup_group_clear (self->actions_group, self->action_rows);
  for (guint i = 0; i < self->rule->actions->len; i++)
    {
      CrmWorkflowAction *action = g_ptr_array_index (self->rule->actions, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *detail = NULL;

      if (action->kind == CRM_WORKFLOW_UPDATE_FIELD)
        {
          CrmModule *module = crm_store_get_module (self->store, self->rule->module);
          CrmField *field = module ? crm_module_get_field (module, action->field) : NULL;
          g_autofree char *value = field && action->value ? crm_store_format_value (self->store, field, action->value) : NULL;

          detail = g_strdup_printf ("%s = %s", field ? crm_field_get_label (field) : action->field, value ? value : "—");
        }
      else if (action->kind == CRM_WORKFLOW_ADD_TO_CAMPAIGN)
        detail = g_strdup_printf ("#%" G_GINT64_FORMAT, action->target_id);
      else
        detail = g_strdup (action->text);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_workflow_action_get_label (action->kind));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail ? detail : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_group_add (self->actions_group, row);
      g_ptr_array_add (self->action_rows, row);
    }
}

static void
on_add_action_cb (CrmSetupAutomation *self)
{
  CrmWorkflowActionKind kind = adw_combo_row_get_selected (self->action_kind);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->action_text));
  CrmWorkflowAction *action = NULL;
  g_autoptr(GError) error = NULL;

  switch (kind)
    {
    case CRM_WORKFLOW_UPDATE_FIELD:
      {
        CrmField *field = selected_field (self, self->action_field);
        g_autoptr(GVariant) value = NULL;

        if (field == NULL)
          return;
        if (*text && !crm_store_parse_value (self->store, field, text, &value, &error))
          {
            crm_setup_toast_error (GTK_WIDGET (self), error);
            return;
          }
        action = crm_workflow_action_update_field (crm_field_get_api_name (field), value ? g_variant_ref (value) : NULL);
      }
      break;

    case CRM_WORKFLOW_CREATE_TASK:
      action = crm_workflow_action_create_task (text, gtk_spin_button_get_value_as_int (self->action_days));
      break;

    case CRM_WORKFLOW_NOTIFY:
      action = crm_workflow_action_notify (text);
      break;

    case CRM_WORKFLOW_ADD_TO_CAMPAIGN:
    default:
      action = crm_workflow_action_add_to_campaign (g_ascii_strtoll (text, NULL, 10));
      break;
    }
  crm_workflow_rule_add_action (self->rule, action);
  gtk_editable_set_text (GTK_EDITABLE (self->action_text), "");
  reload_actions (self);
}

static void
on_module_changed_cb (CrmSetupAutomation *self)
{
  guint m = adw_combo_row_get_selected (self->module_row);

  fill_fields (self);
  fill_operators (self);
  /* Actions name fields of the module: they go with it. */
  if (g_strcmp0 (self->rule->module, g_ptr_array_index (self->module_names, m)) != 0)
    {
      g_free (self->rule->module);
      self->rule->module = g_strdup (g_ptr_array_index (self->module_names, m));
      g_ptr_array_set_size (self->rule->actions, 0);
      reload_actions (self);
    }
}

static void
on_save_cb (CrmSetupAutomation *self)
{
  CrmWorkflowRule *rule = self->rule;
  g_autoptr(GError) error = NULL;
  guint op_index = adw_combo_row_get_selected (self->criteria_op);
  CrmField *field;

  g_free (rule->name);
  rule->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  rule->trigger = adw_combo_row_get_selected (self->trigger_row);
  g_clear_pointer (&rule->field, g_free);
  g_clear_pointer (&rule->value, g_variant_unref);
  field = selected_field (self, self->field_row);
  if ((rule->trigger == CRM_WORKFLOW_ON_FIELD_CHANGE || rule->trigger == CRM_WORKFLOW_ON_DATE) && field)
    rule->field = g_strdup (crm_field_get_api_name (field));
  if (rule->trigger == CRM_WORKFLOW_ON_FIELD_CHANGE && field)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->value_row));

      if (*text && !crm_store_parse_value (self->store, field, text, &rule->value, &error))
        {
          crm_setup_toast_error (GTK_WIDGET (self), error);
          return;
        }
      if (rule->value)
        g_variant_ref_sink (rule->value);
    }
  rule->date_offset = gtk_spin_button_get_value_as_int (self->offset_spin);

  field = selected_field (self, self->criteria_field);
  if (op_index > 0 && field != NULL)
    {
      g_autoptr(CrmQuery) query = crm_query_new (rule->module);
      const CrmOperator *ops;
      guint n = 0;
      GVariant *value = NULL;
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->criteria_value));

      ops = crm_operators_for_type (crm_field_get_field_type (field), &n);
      if (op_index - 1 < n && crm_operator_get_n_values (ops[op_index - 1]) > 0)
        value = g_variant_new_string (text);
      if (op_index - 1 < n)
        crm_query_add_criterion (query, crm_field_get_api_name (field), ops[op_index - 1], value, NULL);
      crm_workflow_rule_set_query (rule, query);
    }
  else
    crm_workflow_rule_set_query (rule, NULL);

  if (!crm_automation_save_rule (self->store, rule, &error))
    {
      crm_setup_toast_error (GTK_WIDGET (self), error);
      return;
    }
  reload_rules (self);
  crm_setup_toast (GTK_WIDGET (self), _("Rule saved"));
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

    if (ADW_IS_PREFERENCES_WINDOW (root))
      adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (root));
  }
}

static AdwPreferencesGroup *
add_group (AdwPreferencesPage *page,
           const char         *title,
           const char         *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  if (description)
    adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (page, group);
  return group;
}

static GtkWidget *
spin_row (const char     *title,
          double          min,
          double          max,
          int             value,
          GtkSpinButton **out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  *out = GTK_SPIN_BUTTON (spin);
  return row;
}

static void
open_editor (CrmSetupAutomation *self,
             gint64              id)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group;
  g_autoptr(GtkStringList) modules = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) triggers = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GPtrArray *module_list = crm_store_get_modules (self->store);
  g_autoptr(GError) error = NULL;
  GtkWidget *button;
  guint module_index = 0;

  g_clear_pointer (&self->rule, crm_workflow_rule_free);
  if (id > 0)
    self->rule = crm_automation_load_rule (self->store, id, &error);
  if (self->rule == NULL)
    self->rule = crm_workflow_rule_new ("leads", "", CRM_WORKFLOW_ON_CREATE);

  g_ptr_array_set_size (self->module_names, 0);
  for (guint i = 0; i < module_list->len; i++)
    {
      CrmModule *module = g_ptr_array_index (module_list, i);

      if (g_strcmp0 (crm_module_get_api_name (module), self->rule->module) == 0)
        module_index = self->module_names->len;
      g_ptr_array_add (self->module_names, g_strdup (crm_module_get_api_name (module)));
      gtk_string_list_append (modules, crm_module_get_plural (module));
    }
  for (int t = CRM_WORKFLOW_ON_CREATE; t <= CRM_WORKFLOW_ON_DATE; t++)
    gtk_string_list_append (triggers, crm_workflow_trigger_get_label (t));
  for (int k = CRM_WORKFLOW_UPDATE_FIELD; k <= CRM_WORKFLOW_ADD_TO_CAMPAIGN; k++)
    gtk_string_list_append (kinds, crm_workflow_action_get_label (k));

  group = add_group (page, _("Rule"), NULL);
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->rule->name ? self->rule->name : "");
  adw_preferences_group_add (group, GTK_WIDGET (self->name_row));
  self->module_row = ADW_COMBO_ROW (combo (_("Module"), modules));
  adw_combo_row_set_selected (self->module_row, module_index);
  adw_preferences_group_add (group, GTK_WIDGET (self->module_row));

  group = add_group (page, _("When"), NULL);
  self->trigger_row = ADW_COMBO_ROW (combo (_("Trigger"), triggers));
  adw_combo_row_set_selected (self->trigger_row, self->rule->trigger);
  adw_preferences_group_add (group, GTK_WIDGET (self->trigger_row));
  self->field_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->field_row), _("Field"));
  adw_preferences_group_add (group, GTK_WIDGET (self->field_row));
  self->value_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row), _("Changes To"));
  adw_preferences_group_add (group, GTK_WIDGET (self->value_row));
  self->offset_row = spin_row (_("Days After the Date (negative: before)"), -365, 365, self->rule->date_offset,
                               &self->offset_spin);
  adw_preferences_group_add (group, self->offset_row);

  group = add_group (page, _("Which Records"), _("The rule runs only for records that match"));
  self->criteria_field = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->criteria_field), _("Field"));
  adw_preferences_group_add (group, GTK_WIDGET (self->criteria_field));
  self->criteria_op = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->criteria_op), _("Condition"));
  adw_preferences_group_add (group, GTK_WIDGET (self->criteria_op));
  self->criteria_value = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->criteria_value), _("Value"));
  adw_preferences_group_add (group, GTK_WIDGET (self->criteria_value));

  self->actions_group = add_group (page, _("Actions"), NULL);
  g_ptr_array_set_size (self->action_rows, 0);

  group = add_group (page, _("Add an Action"), NULL);
  self->action_kind = ADW_COMBO_ROW (combo (_("Action"), kinds));
  adw_preferences_group_add (group, GTK_WIDGET (self->action_kind));
  self->action_field = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->action_field), _("Field"));
  adw_preferences_group_add (group, GTK_WIDGET (self->action_field));
  self->action_days_row = spin_row (_("Due in Days"), 0, 365, 1, &self->action_days);
  adw_preferences_group_add (group, self->action_days_row);
  self->action_text = ADW_ENTRY_ROW (adw_entry_row_new ());
  button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_action_cb), self);
  adw_entry_row_add_suffix (self->action_text, button);
  adw_preferences_group_add (group, GTK_WIDGET (self->action_text));

  group = add_group (page, "", NULL);
  button = gtk_button_new_with_mnemonic (_("_Save Rule"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_save_cb), self);
  adw_preferences_group_add (group, button);

  fill_fields (self);
  fill_operators (self);
  for (guint i = 0; self->rule->field && i < self->fields->len; i++)
    if (g_strcmp0 (crm_field_get_api_name (g_ptr_array_index (self->fields, i)), self->rule->field) == 0)
      adw_combo_row_set_selected (self->field_row, i);
  if (self->rule->value != NULL)
    {
      CrmField *field = selected_field (self, self->field_row);
      g_autofree char *text = field ? crm_store_format_value (self->store, field, self->rule->value) : NULL;

      gtk_editable_set_text (GTK_EDITABLE (self->value_row), text ? text : "");
    }
  reload_actions (self);
  update_visibility (self);
  g_signal_connect_swapped (self->module_row, "notify::selected", G_CALLBACK (on_module_changed_cb), self);
  g_signal_connect_swapped (self->criteria_field, "notify::selected", G_CALLBACK (fill_operators), self);
  g_signal_connect_swapped (self->trigger_row, "notify::selected", G_CALLBACK (update_visibility), self);
  g_signal_connect_swapped (self->action_kind, "notify::selected", G_CALLBACK (update_visibility), self);

  crm_setup_present_subpage (GTK_WIDGET (self),
                             crm_setup_subpage_new (id > 0 ? self->rule->name : _("New Rule"), page));
}

static void
on_new_rule_cb (CrmSetupAutomation *self)
{
  open_editor (self, 0);
}

static void
crm_setup_automation_dispose (GObject *object)
{
  CrmSetupAutomation *self = (CrmSetupAutomation *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->rule, crm_workflow_rule_free);
  g_clear_pointer (&self->rule_rows, g_ptr_array_unref);
  g_clear_pointer (&self->log_rows, g_ptr_array_unref);
  g_clear_pointer (&self->action_rows, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->module_names, g_ptr_array_unref);
  G_OBJECT_CLASS (crm_setup_automation_parent_class)->dispose (object);
}

static void
crm_setup_automation_class_init (CrmSetupAutomationClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_setup_automation_dispose;
}

static void
crm_setup_automation_init (CrmSetupAutomation *self)
{
  self->rule_rows = g_ptr_array_new ();
  self->log_rows = g_ptr_array_new ();
  self->action_rows = g_ptr_array_new ();
  self->fields = g_ptr_array_new ();
  self->module_names = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
crm_setup_automation_new (CrmStore *store)
{
  CrmSetupAutomation *self = g_object_new (CRM_TYPE_SETUP_AUTOMATION,
                                           "title", _("Automation"),
                                           "icon-name", "media-playlist-repeat-symbolic",
                                           NULL);
  GtkWidget *button;

  self->store = g_object_ref (store);
  self->rules_group = add_group (ADW_PREFERENCES_PAGE (self), _("Workflow Rules"), NULL);
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), g_object_new (ADW_TYPE_BUTTON_CONTENT,
                                                           "icon-name", "list-add-symbolic",
                                                           "label", _("_New Rule"),
                                                           "use-underline", TRUE,
                                                           NULL));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_new_rule_cb), self);
  adw_preferences_group_set_header_suffix (self->rules_group, button);
  self->log_group = add_group (ADW_PREFERENCES_PAGE (self), _("Execution Log"), NULL);
  reload_rules (self);
  return GTK_WIDGET (self);
}
