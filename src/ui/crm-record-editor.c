/* crm-record-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-record-editor.h"

/* Validation waits for a pause in typing so that an address being typed is
 * not called invalid at every key. */
#define VALIDATE_DELAY_MS 300

struct _CrmRecordEditor
{
  AdwWindow           parent_instance;

  /* Template widgets */
  AdwWindowTitle     *window_title;
  GtkButton          *save_button;
  GtkButton          *cancel_button;
  GtkStack           *stack;
  AdwPreferencesPage *page;
  AdwStatusPage      *status_page;

  /* Owned references */
  CrmStore           *store;
  char               *module_name;
  CrmRecord          *record;
  GPtrArray          *editors;        /* CrmFieldEditor */
  GHashTable         *by_field;       /* api name -> CrmFieldEditor (borrowed) */
  GHashTable         *touched;        /* api names the user changed */
  GHashTable         *parse_errors;   /* api name -> message */
  GHashTable         *errors;         /* api name -> message, from the store */

  gint64              record_id;
  gint64              clone_from;
  guint               validate_id;
  gboolean            has_changes;
  gboolean            show_all_errors;
  gboolean            valid;
  gboolean            loaded;
  gboolean            discard_confirmed;
};

G_DEFINE_FINAL_TYPE (CrmRecordEditor, crm_record_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODULE,
  PROP_RECORD_ID,
  PROP_CLONE_FROM,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static gboolean
is_stamp (const char *name)
{
  static const char * const stamps[] = {
    "created_at", "modified_at", "created_by", "modified_by", "deleted_at", "import_batch", NULL
  };
  return g_strv_contains (stamps, name);
}

/*
 * Validation
 */

static void
show_errors (CrmRecordEditor *self)
{
  for (guint i = 0; i < self->editors->len; i++)
    {
      CrmFieldEditor *editor = g_ptr_array_index (self->editors, i);
      CrmField *field = crm_field_editor_get_field (editor);
      const char *name = crm_field_get_api_name (field);
      const char *message = g_hash_table_lookup (self->parse_errors, name);
      g_autofree char *shown = NULL;

      if (message == NULL)
        message = g_hash_table_lookup (self->errors, name);
      if (message != NULL && (self->show_all_errors || g_hash_table_contains (self->touched, name)))
        shown = crm_field_error_strip_label (field, message);
      crm_field_editor_set_error (editor, shown);
    }
}

static void
run_validation (CrmRecordEditor *self)
{
  g_clear_handle_id (&self->validate_id, g_source_remove);
  if (!self->loaded)
    return;

  g_hash_table_remove_all (self->errors);
  crm_store_validate_record (self->store, self->record, self->errors, NULL);
  self->valid = g_hash_table_size (self->errors) == 0 && g_hash_table_size (self->parse_errors) == 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->valid);
  show_errors (self);
}

static gboolean
validate_timeout_cb (gpointer user_data)
{
  CrmRecordEditor *self = user_data;

  self->validate_id = 0;
  run_validation (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_validation (CrmRecordEditor *self)
{
  g_clear_handle_id (&self->validate_id, g_source_remove);
  self->validate_id = g_timeout_add (VALIDATE_DELAY_MS, validate_timeout_cb, self);
}

/* Reads an editor into the working record; a parse error is kept aside
 * and the record keeps its last good value. */
static void
read_editor (CrmRecordEditor *self,
             CrmFieldEditor  *editor)
{
  const char *name = crm_field_get_api_name (crm_field_editor_get_field (editor));
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;

  if (!crm_field_editor_get_value (editor, &value, &error))
    {
      g_hash_table_insert (self->parse_errors, g_strdup (name), g_strdup (error->message));
      return;
    }
  g_hash_table_remove (self->parse_errors, name);
  crm_record_set_value (self->record, name, value);
}

/* A deal's probability follows its stage until the user sets it. */
static void
follow_stage (CrmRecordEditor *self,
              const char      *changed)
{
  CrmFieldEditor *probability = g_hash_table_lookup (self->by_field, "probability");
  const char *stage;
  int percent;

  if (!g_str_equal (changed, "stage") || probability == NULL ||
      g_hash_table_contains (self->touched, "probability") ||
      crm_field_get_field_type (crm_field_editor_get_field (probability)) != CRM_FIELD_PERCENT)
    return;
  stage = crm_record_get_string (self->record, "stage");
  percent = crm_store_get_stage_probability (self->store, stage);
  if (percent < 0)
    return;
  crm_record_set_int (self->record, "probability", (gint64) percent * 100);
  crm_field_editor_set_value (probability, crm_record_get_value (self->record, "probability"));
}

/* A meeting's end follows its start (an hour later) until the user sets
 * the end, or when the start moves past it. */
static void
follow_start (CrmRecordEditor *self,
              const char      *changed)
{
  CrmFieldEditor *end_editor = g_hash_table_lookup (self->by_field, "end_time");
  gint64 start, end;

  if (!g_str_equal (changed, "start_time") || end_editor == NULL ||
      crm_field_get_field_type (crm_field_editor_get_field (end_editor)) != CRM_FIELD_DATETIME)
    return;
  start = crm_record_get_int (self->record, "start_time", -1);
  end = crm_record_get_int (self->record, "end_time", -1);
  if (start < 0 || (g_hash_table_contains (self->touched, "end_time") && end > start))
    return;
  crm_record_set_int (self->record, "end_time", start + 3600);
  crm_field_editor_set_value (end_editor, crm_record_get_value (self->record, "end_time"));
}

static void
on_field_changed_cb (CrmRecordEditor *self,
                     CrmFieldEditor  *editor)
{
  const char *name = crm_field_get_api_name (crm_field_editor_get_field (editor));

  self->has_changes = TRUE;
  g_hash_table_add (self->touched, g_strdup (name));
  read_editor (self, editor);
  follow_stage (self, name);
  follow_start (self, name);

  /* A value that cannot even be read blocks Save at once. */
  if (g_hash_table_size (self->parse_errors) > 0)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  schedule_validation (self);
}

/*
 * Building the form
 */

static AdwPreferencesGroup *
group_for_section (CrmRecordEditor *self,
                   GHashTable      *groups,
                   const char      *section)
{
  AdwPreferencesGroup *group = g_hash_table_lookup (groups, section ? section : "");

  if (group == NULL)
    {
      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      if (section != NULL)
        {
          /* Group titles are markup. */
          g_autofree char *escaped = g_markup_escape_text (section, -1);
          adw_preferences_group_set_title (group, escaped);
        }
      adw_preferences_page_add (self->page, group);
      g_hash_table_insert (groups, g_strdup (section ? section : ""), group);
    }
  return group;
}

static void
add_editor (CrmRecordEditor     *self,
            AdwPreferencesGroup *group,
            CrmField            *field)
{
  CrmFieldEditor *editor = crm_field_editor_new (self->store, field);

  adw_preferences_group_add (group, crm_field_editor_get_row (editor));
  adw_preferences_group_add (group, crm_field_editor_get_error_row (editor));
  g_signal_connect_object (editor, "changed", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->editors, editor);
  g_hash_table_insert (self->by_field, g_strdup (crm_field_get_api_name (field)), editor);
}

static void
build_form (CrmRecordEditor *self,
            CrmModule       *module)
{
  GPtrArray *fields = crm_module_get_fields (module);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CrmField *owner = crm_module_get_field (module, "owner_id");
  gboolean owner_added = FALSE;

  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      const char *name = crm_field_get_api_name (field);
      AdwPreferencesGroup *group;

      if (!crm_field_is_editable (field) || is_stamp (name) || field == owner)
        continue;
      group = group_for_section (self, groups, crm_field_get_section (field));
      /* The owner leads the first section, as in the record's card. */
      if (!owner_added && owner != NULL && crm_field_is_editable (owner))
        {
          add_editor (self, group, owner);
          owner_added = TRUE;
        }
      add_editor (self, group, field);
    }
}

static gboolean
load (CrmRecordEditor  *self,
      CrmModule        *module,
      GError          **error)
{
  if (self->record_id != 0)
    {
      self->record = crm_store_load_record (self->store, self->module_name, self->record_id, error);
      if (self->record == NULL)
        return FALSE;
      if (crm_record_is_deleted (self->record))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                       _("It is in the recycle bin; restore it to edit it."));
          return FALSE;
        }
      return TRUE;
    }

  self->record = crm_record_new (module);
  if (self->clone_from != 0)
    {
      g_autoptr(CrmRecord) source = crm_store_load_record (self->store, self->module_name, self->clone_from, error);
      GPtrArray *fields = crm_module_get_fields (module);

      if (source == NULL)
        return FALSE;
      for (guint i = 0; i < fields->len; i++)
        {
          CrmField *field = g_ptr_array_index (fields, i);
          const char *name = crm_field_get_api_name (field);
          GVariant *value = crm_record_get_value (source, name);

          /* Hidden fields (an activity's related record) are part of what
           * is cloned; numbers and stamps are the copy's own. */
          if (value == NULL || is_stamp (name) ||
              crm_field_has_flag (field, CRM_FIELD_FLAG_SYSTEM) ||
              crm_field_get_field_type (field) == CRM_FIELD_AUTO_NUMBER)
            continue;
          crm_record_set_value (self->record, name, value);
        }
    }
  else
    {
      GPtrArray *fields = crm_module_get_fields (module);

      for (guint i = 0; i < fields->len; i++)
        {
          CrmField *field = g_ptr_array_index (fields, i);
          const char *text = crm_field_get_default_value (field);
          g_autoptr(GVariant) value = NULL;

          if (text != NULL && *text != '\0' &&
              crm_store_parse_value (self->store, field, text, &value, NULL) && value != NULL)
            crm_record_set_value (self->record, crm_field_get_api_name (field), value);
        }
      if (crm_module_get_field (module, "owner_id") != NULL)
        crm_record_set_int (self->record, "owner_id", crm_store_get_current_user (self->store));
    }
  return TRUE;
}

static void
fill_form (CrmRecordEditor *self)
{
  gboolean is_new = self->record_id == 0;

  for (guint i = 0; i < self->editors->len; i++)
    {
      CrmFieldEditor *editor = g_ptr_array_index (self->editors, i);
      const char *name = crm_field_get_api_name (crm_field_editor_get_field (editor));

      crm_field_editor_set_value (editor, crm_record_get_value (self->record, name));
      /* Some widgets cannot show "empty" (a required picklist shows its
       * first value, a switch is off): a new record takes what is shown.
       * An edit leaves untouched fields alone. */
      if (is_new)
        read_editor (self, editor);
    }
}

static void
update_titles (CrmRecordEditor *self,
               CrmModule       *module)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *singular = crm_module_get_singular (module);

  if (self->record_id != 0)
    {
      /* Translators: the editor's title, e.g. "Edit Lead" */
      title = g_strdup_printf (_("Edit %s"), singular);
      subtitle = crm_record_dup_title (self->record);
    }
  else
    {
      /* Translators: the editor's title, e.g. "New Lead" */
      title = g_strdup_printf (_("New %s"), singular);
      if (self->clone_from != 0)
        {
          g_autofree char *source = crm_store_dup_record_title (self->store, self->module_name, self->clone_from);
          /* Translators: the subtitle of an editor cloning a record */
          subtitle = g_strdup_printf (_("Copy of %s"), source ? source : "");
        }
    }
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
setup (CrmRecordEditor *self)
{
  CrmModule *module = crm_store_get_module (self->store, self->module_name);
  g_autoptr(GError) error = NULL;

  if (module == NULL)
    g_set_error (&error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"), self->module_name);

  if (module == NULL || !load (self, module, &error))
    {
      adw_status_page_set_title (self->status_page, _("This Record Cannot Be Edited"));
      adw_status_page_set_description (self->status_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      adw_window_title_set_title (self->window_title, _("Edit"));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      return;
    }

  build_form (self, module);
  fill_form (self);
  update_titles (self, module);
  self->loaded = TRUE;
  run_validation (self);

  /* Typing starts in the first text field (the owner and picklists are
   * usually right as they are). */
  for (guint i = 0; i < self->editors->len; i++)
    {
      CrmFieldEditor *editor = g_ptr_array_index (self->editors, i);

      if (ADW_IS_ENTRY_ROW (crm_field_editor_get_input (editor)))
        {
          crm_field_editor_grab_focus (editor);
          break;
        }
    }
}

/*
 * Saving and closing
 */

static void
show_save_error (CrmRecordEditor *self,
                 const GError    *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save"), error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static CrmFieldEditor *
first_error (CrmRecordEditor *self)
{
  for (guint i = 0; i < self->editors->len; i++)
    {
      CrmFieldEditor *editor = g_ptr_array_index (self->editors, i);
      if (crm_field_editor_get_error (editor) != NULL)
        return editor;
    }
  return NULL;
}

static void
save (CrmRecordEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean created = self->record_id == 0;
  gboolean changed;
  gint64 change_id = 0;
  CrmFieldEditor *bad;

  if (!self->loaded)
    return;

  self->show_all_errors = TRUE;
  run_validation (self);
  if (!self->valid)
    {
      bad = first_error (self);
      if (bad != NULL)
        crm_field_editor_grab_focus (bad);
      return;
    }

  changed = created || crm_record_is_dirty (self->record);
  if (!crm_store_save_record (self->store, self->record, &error))
    {
      /* A rule the live check did not see (another record took a unique
       * value meanwhile): show it on its field when it has one. */
      run_validation (self);
      bad = first_error (self);
      if (bad != NULL)
        crm_field_editor_grab_focus (bad);
      else
        show_save_error (self, error);
      return;
    }

  if (changed)
    change_id = crm_store_get_last_change (self->store);
  self->record_id = crm_record_get_id (self->record);
  self->has_changes = FALSE;

  /* Whoever opened the editor says so in a toast with Undo (the window,
   * or the record page for the records it adds). */
  g_signal_emit (self, signals [SAVED], 0, self->record_id, change_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (CRM_RECORD_EDITOR (widget));
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_discard_response_cb (CrmRecordEditor *self,
                        const char      *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->discard_confirmed = TRUE;
  /* The dialog is transient for us and still emitting: close once it has
   * gone. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
ask_discard (CrmRecordEditor *self)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;
  CrmModule *module = crm_record_get_module (self->record);
  g_autofree char *lower = g_utf8_strdown (crm_module_get_singular (module), -1);

  /* Translators: %s is a module's singular in lower case, e.g. "lead" */
  body = g_strdup_printf (_("The changes to this %s will be lost."), lower);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
crm_record_editor_close_request (GtkWindow *window)
{
  CrmRecordEditor *self = CRM_RECORD_EDITOR (window);

  if (self->has_changes && !self->discard_confirmed)
    {
      ask_discard (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (crm_record_editor_parent_class)->close_request (window);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/*
 * GObject
 */

static void
crm_record_editor_constructed (GObject *object)
{
  CrmRecordEditor *self = (CrmRecordEditor *)object;

  G_OBJECT_CLASS (crm_record_editor_parent_class)->constructed (object);
  g_assert (CRM_IS_STORE (self->store));
  setup (self);
}

static void
crm_record_editor_dispose (GObject *object)
{
  CrmRecordEditor *self = (CrmRecordEditor *)object;

  g_clear_handle_id (&self->validate_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_RECORD_EDITOR);
  g_clear_pointer (&self->by_field, g_hash_table_unref);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (crm_record_editor_parent_class)->dispose (object);
}

static void
crm_record_editor_finalize (GObject *object)
{
  CrmRecordEditor *self = (CrmRecordEditor *)object;

  g_clear_pointer (&self->module_name, g_free);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->parse_errors, g_hash_table_unref);
  g_clear_pointer (&self->errors, g_hash_table_unref);
  G_OBJECT_CLASS (crm_record_editor_parent_class)->finalize (object);
}

static void
crm_record_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmRecordEditor *self = CRM_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_MODULE:
      g_value_set_string (value, self->module_name);
      break;

    case PROP_RECORD_ID:
      g_value_set_int64 (value, self->record_id);
      break;

    case PROP_CLONE_FROM:
      g_value_set_int64 (value, self->clone_from);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_record_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrmRecordEditor *self = CRM_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_MODULE:
      self->module_name = g_value_dup_string (value);
      break;

    case PROP_RECORD_ID:
      self->record_id = g_value_get_int64 (value);
      break;

    case PROP_CLONE_FROM:
      self->clone_from = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_record_editor_class_init (CrmRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = crm_record_editor_constructed;
  object_class->dispose = crm_record_editor_dispose;
  object_class->finalize = crm_record_editor_finalize;
  object_class->get_property = crm_record_editor_get_property;
  object_class->set_property = crm_record_editor_set_property;
  window_class->close_request = crm_record_editor_close_request;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MODULE] =
    g_param_spec_string ("module", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_RECORD_ID] =
    g_param_spec_int64 ("record-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CLONE_FROM] =
    g_param_spec_int64 ("clone-from", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmRecordEditor::saved:
   * @record_id: the saved record
   * @change_id: the change to undo, or 0 when nothing changed
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crm/ui/crm-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmRecordEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordEditor, page);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordEditor, status_page);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
crm_record_editor_init (CrmRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->editors = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_field = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->parse_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/*
 * Public API
 */

GtkWindow *
crm_record_editor_new (GtkWindow  *parent,
                       CrmStore   *store,
                       const char *module,
                       gint64      id,
                       gint64      clone_from)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (module != NULL, NULL);

  return g_object_new (CRM_TYPE_RECORD_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "module", module,
                       "record-id", id,
                       "clone-from", clone_from,
                       NULL);
}

const char *
crm_record_editor_get_module (CrmRecordEditor *self)
{
  g_return_val_if_fail (CRM_IS_RECORD_EDITOR (self), NULL);

  return self->module_name;
}

gint64
crm_record_editor_get_record_id (CrmRecordEditor *self)
{
  g_return_val_if_fail (CRM_IS_RECORD_EDITOR (self), 0);

  return self->record_id;
}

void
crm_record_editor_set_value (CrmRecordEditor *self,
                             const char      *field,
                             GVariant        *value)
{
  CrmFieldEditor *editor;

  g_return_if_fail (CRM_IS_RECORD_EDITOR (self));
  g_return_if_fail (field != NULL);

  if (value != NULL)
    g_variant_ref_sink (value);
  if (self->record != NULL)
    {
      crm_record_set_value (self->record, field, value);
      editor = g_hash_table_lookup (self->by_field, field);
      if (editor != NULL)
        crm_field_editor_set_value (editor, value);
      if (self->loaded)
        run_validation (self);
    }
  g_clear_pointer (&value, g_variant_unref);
}

CrmFieldEditor *
crm_record_editor_get_field_editor (CrmRecordEditor *self,
                                    const char      *field)
{
  g_return_val_if_fail (CRM_IS_RECORD_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return g_hash_table_lookup (self->by_field, field);
}

gboolean
crm_record_editor_can_save (CrmRecordEditor *self)
{
  g_return_val_if_fail (CRM_IS_RECORD_EDITOR (self), FALSE);

  return self->loaded && self->valid && g_hash_table_size (self->parse_errors) == 0;
}

gboolean
crm_record_editor_has_changes (CrmRecordEditor *self)
{
  g_return_val_if_fail (CRM_IS_RECORD_EDITOR (self), FALSE);

  return self->has_changes;
}

void
crm_record_editor_validate (CrmRecordEditor *self)
{
  g_return_if_fail (CRM_IS_RECORD_EDITOR (self));

  run_validation (self);
}
