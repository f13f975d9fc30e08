/* crm-field-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-field-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-date-entry.h"
#include "crm-field-editor.h"
#include "crm-lookup-entry.h"
#include "crm-money.h"

typedef enum
{
  KIND_ENTRY,
  KIND_TEXT_VIEW,
  KIND_PICKLIST,
  KIND_OWNER,
  KIND_MULTI,
  KIND_SWITCH,
  KIND_DATE,
  KIND_LOOKUP,
  KIND_READ_ONLY,
} Kind;

struct _CrmFieldEditor
{
  GObject         parent_instance;

  /* Owned references */
  CrmStore       *store;
  CrmField       *field;
  GtkWidget      *row;
  GtkWidget      *error_row;
  GPtrArray      *choices;       /* picklist values; NULL entry = empty */
  GArray         *owner_ids;     /* owners; 0 = empty */
  GPtrArray      *checks;        /* multi-select check buttons */
  char           *currency;
  char           *error;

  /* Borrowed: children of row */
  GtkWidget      *input;
  GtkLabel       *error_label;
  GtkTextBuffer  *buffer;

  Kind            kind;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (CrmFieldEditor, crm_field_editor, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/*
 * Helpers
 */

char *
crm_field_error_strip_label (CrmField   *field,
                             const char *message)
{
  g_autofree char *prefix = NULL;
  const char *rest = message;
  gunichar first;

  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  if (message == NULL)
    return NULL;
  /* Translators: "Field label: reason", as in the core's messages */
  prefix = g_strdup_printf (_("%s: %s"), crm_field_get_label (field), "");
  if (g_str_has_prefix (message, prefix))
    rest = message + strlen (prefix);
  /* The core's reasons start in lower case after "Label: ". */
  first = g_utf8_get_char (rest);
  if (g_unichar_islower (first))
    {
      char buf[8] = { 0 };

      g_unichar_to_utf8 (g_unichar_totitle (first), buf);
      return g_strconcat (buf, g_utf8_next_char (rest), NULL);
    }
  return g_strdup (rest);
}

static void
emit_changed (CrmFieldEditor *self)
{
  /* Widgets outlive a disposed editor while their window goes away. */
  if (!self->updating && self->field != NULL)
    g_signal_emit (self, signals [CHANGED], 0);
}

static char *
row_title (CrmField *field)
{
  if (crm_field_is_required (field))
    /* Translators: the label of a required field in a form */
    return g_strdup_printf (_("%s *"), crm_field_get_label (field));
  return g_strdup (crm_field_get_label (field));
}

/* The text an entry shows for a value: like a list shows it, but without
 * the percent sign, which the row shows after the entry. */
static char *
entry_text (CrmFieldEditor *self,
            GVariant       *value)
{
  if (value == NULL)
    return g_strdup ("");
  switch (crm_field_get_field_type (self->field))
    {
    case CRM_FIELD_CURRENCY:
      return crm_money_format (g_variant_get_int64 (value), self->currency);

    case CRM_FIELD_DECIMAL:
    case CRM_FIELD_PERCENT:
      return crm_decimal_format (g_variant_get_int64 (value), crm_field_get_scale (self->field));

    case CRM_FIELD_TEXT:
    case CRM_FIELD_LONG_TEXT:
    case CRM_FIELD_EMAIL:
    case CRM_FIELD_PHONE:
    case CRM_FIELD_URL:
    case CRM_FIELD_INTEGER:
    case CRM_FIELD_DATE:
    case CRM_FIELD_DATETIME:
    case CRM_FIELD_CHECKBOX:
    case CRM_FIELD_PICKLIST:
    case CRM_FIELD_MULTI_PICKLIST:
    case CRM_FIELD_LOOKUP:
    case CRM_FIELD_OWNER:
    case CRM_FIELD_AUTO_NUMBER:
    case CRM_N_FIELD_TYPES:
    default:
      {
        char *text = crm_field_format_plain (self->field, value);
        return text ? text : g_strdup ("");
      }
    }
}

/*
 * Building
 */

static void
on_entry_changed_cb (CrmFieldEditor *self)
{
  emit_changed (self);
}

/* Money and numbers are shown in the locale's format once the user moves
 * on: "1500" becomes "$1,500.00". */
static void
on_entry_leave_cb (CrmFieldEditor *self)
{
  g_autoptr(GVariant) value = NULL;
  g_autofree char *text = NULL;
  CrmFieldType type;

  if (self->field == NULL)
    return;
  type = crm_field_get_field_type (self->field);
  if (type != CRM_FIELD_CURRENCY && type != CRM_FIELD_DECIMAL && type != CRM_FIELD_PERCENT)
    return;
  if (!crm_field_editor_get_value (self, &value, NULL) || value == NULL)
    return;
  text = entry_text (self, value);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->input))) == 0)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->input), text);
  self->updating = FALSE;
}

static GtkWidget *
build_entry (CrmFieldEditor *self,
             const char     *title)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus;
  GtkInputPurpose purpose = GTK_INPUT_PURPOSE_FREE_FORM;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  switch (crm_field_get_field_type (self->field))
    {
    case CRM_FIELD_EMAIL:
      purpose = GTK_INPUT_PURPOSE_EMAIL;
      break;

    case CRM_FIELD_PHONE:
      purpose = GTK_INPUT_PURPOSE_PHONE;
      break;

    case CRM_FIELD_URL:
      purpose = GTK_INPUT_PURPOSE_URL;
      break;

    case CRM_FIELD_INTEGER:
      purpose = GTK_INPUT_PURPOSE_DIGITS;
      break;

    case CRM_FIELD_DECIMAL:
    case CRM_FIELD_CURRENCY:
      purpose = GTK_INPUT_PURPOSE_NUMBER;
      break;

    case CRM_FIELD_PERCENT:
      {
        GtkWidget *sign = gtk_label_new ("%");
        gtk_widget_add_css_class (sign, "dim-label");
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), sign);
        purpose = GTK_INPUT_PURPOSE_NUMBER;
        break;
      }

    case CRM_FIELD_TEXT:
    case CRM_FIELD_LONG_TEXT:
    case CRM_FIELD_DATE:
    case CRM_FIELD_DATETIME:
    case CRM_FIELD_CHECKBOX:
    case CRM_FIELD_PICKLIST:
    case CRM_FIELD_MULTI_PICKLIST:
    case CRM_FIELD_LOOKUP:
    case CRM_FIELD_OWNER:
    case CRM_FIELD_AUTO_NUMBER:
    case CRM_N_FIELD_TYPES:
    default:
      break;
    }
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), purpose);
  if (crm_field_get_field_type (self->field) == CRM_FIELD_CURRENCY)
    {
      /* Translators: the tooltip of a money field; %s is a currency code */
      g_autofree char *tip = g_strdup_printf (_("An amount in %s"), self->currency);
      gtk_widget_set_tooltip_text (row, tip);
    }
  g_signal_connect_object (row, "changed", G_CALLBACK (on_entry_changed_cb), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_entry_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, focus);
  self->input = row;
  return row;
}

static GtkWidget *
build_text_view (CrmFieldEditor *self,
                 const char     *title)
{
  /* AdwPreferencesGroup keeps only AdwPreferencesRows in its list. */
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *view = gtk_text_view_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_field_get_label (self->field));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_widget_add_css_class (view, "inline");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  self->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (on_entry_changed_cb), self, G_CONNECT_SWAPPED);
  self->input = view;
  return row;
}

static void
on_selected_cb (CrmFieldEditor *self)
{
  emit_changed (self);
}

static GtkWidget *
build_combo (CrmFieldEditor *self,
             const char     *title,
             GtkStringList  *labels)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_selected_cb), self, G_CONNECT_SWAPPED);
  self->input = row;
  return row;
}

static GtkWidget *
build_picklist (CrmFieldEditor *self,
                const char     *title)
{
  GPtrArray *values = crm_field_get_picklist (self->field);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->choices = g_ptr_array_new_with_free_func (g_free);
  /* A required field starts on its first value; otherwise "—" is a choice. */
  if (!crm_field_is_required (self->field) || values == NULL || values->len == 0)
    {
      g_ptr_array_add (self->choices, NULL);
      gtk_string_list_append (labels, "—");
    }
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      g_ptr_array_add (self->choices, g_strdup (value));
      gtk_string_list_append (labels, value);
    }
  return build_combo (self, title, labels);
}

static GtkWidget *
build_owner (CrmFieldEditor *self,
             const char     *title)
{
  g_autoptr(GVariant) users = crm_store_list_users (self->store);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GVariantIter iter;
  gint64 id;
  const char *name;

  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* A record always has an owner; other user fields may be empty. */
  if (!crm_field_is_required (self->field) &&
      !g_str_equal (crm_field_get_api_name (self->field), "owner_id"))
    {
      id = 0;
      g_array_append_val (self->owner_ids, id);
      gtk_string_list_append (labels, "—");
    }
  g_variant_iter_init (&iter, users);
  while (g_variant_iter_next (&iter, "(x&s)", &id, &name))
    {
      g_array_append_val (self->owner_ids, id);
      gtk_string_list_append (labels, name);
    }
  return build_combo (self, title, labels);
}

static void
on_check_toggled_cb (CrmFieldEditor *self)
{
  g_autoptr(GVariant) value = NULL;
  g_autofree char *text = NULL;

  if (self->field == NULL)
    return;
  if (crm_field_editor_get_value (self, &value, NULL) && value != NULL)
    text = g_variant_dup_string (value, NULL);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->row), text ? text : "—");
  emit_changed (self);
}

static GtkWidget *
build_multi (CrmFieldEditor *self,
             const char     *title)
{
  GtkWidget *row = adw_expander_row_new ();
  GPtrArray *values = crm_field_get_picklist (self->field);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), "—");
  self->checks = g_ptr_array_new ();
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      GtkWidget *child = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), g_ptr_array_index (values, i));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (child), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (child), check);
      g_object_set_data_full (G_OBJECT (check), "value", g_strdup (g_ptr_array_index (values, i)), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
      g_ptr_array_add (self->checks, check);
    }
  self->input = row;
  return row;
}

static GtkWidget *
build_suffix_row (CrmFieldEditor *self,
                  const char     *title,
                  GtkWidget      *input)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (input, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), input);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), input);
  gtk_accessible_update_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  crm_field_get_label (self->field), -1);
  if (CRM_IS_DATE_ENTRY (input))
    crm_date_entry_set_accessible_name (CRM_DATE_ENTRY (input), crm_field_get_label (self->field));
  else if (CRM_IS_LOOKUP_ENTRY (input))
    crm_lookup_entry_set_accessible_name (CRM_LOOKUP_ENTRY (input), crm_field_get_label (self->field));
  self->input = input;
  return row;
}

static GtkWidget *
build_read_only (CrmFieldEditor *self,
                 const char     *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "—");
  self->input = row;
  return row;
}

static GtkWidget *
build_error_row (CrmFieldEditor *self)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "field-error");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (icon, "error");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_visible (row, FALSE);
  self->error_label = GTK_LABEL (label);
  return row;
}

static void
build (CrmFieldEditor *self)
{
  g_autofree char *title = row_title (self->field);
  GtkWidget *row;

  if (!crm_field_is_editable (self->field))
    {
      self->kind = KIND_READ_ONLY;
      row = build_read_only (self, title);
    }
  else
    switch (crm_field_get_field_type (self->field))
      {
      case CRM_FIELD_LONG_TEXT:
        self->kind = KIND_TEXT_VIEW;
        row = build_text_view (self, title);
        break;

      case CRM_FIELD_PICKLIST:
        self->kind = KIND_PICKLIST;
        row = build_picklist (self, title);
        break;

      case CRM_FIELD_OWNER:
        self->kind = KIND_OWNER;
        row = build_owner (self, title);
        break;

      case CRM_FIELD_MULTI_PICKLIST:
        self->kind = KIND_MULTI;
        row = build_multi (self, title);
        break;

      case CRM_FIELD_CHECKBOX:
        {
          GtkWidget *sw = gtk_switch_new ();
          self->kind = KIND_SWITCH;
          row = build_suffix_row (self, title, sw);
          g_signal_connect_object (sw, "notify::active", G_CALLBACK (on_selected_cb), self, G_CONNECT_SWAPPED);
          break;
        }

      case CRM_FIELD_DATE:
      case CRM_FIELD_DATETIME:
        {
          GtkWidget *date = crm_date_entry_new (crm_field_get_field_type (self->field) == CRM_FIELD_DATETIME);
          self->kind = KIND_DATE;
          row = build_suffix_row (self, title, date);
          g_signal_connect_object (date, "notify::date", G_CALLBACK (on_selected_cb), self, G_CONNECT_SWAPPED);
          break;
        }

      case CRM_FIELD_LOOKUP:
        {
          GtkWidget *lookup = crm_lookup_entry_new (self->store, crm_field_get_lookup_module (self->field));
          self->kind = KIND_LOOKUP;
          row = build_suffix_row (self, title, lookup);
          g_signal_connect_object (lookup, "notify::value", G_CALLBACK (on_selected_cb), self, G_CONNECT_SWAPPED);
          break;
        }

      case CRM_FIELD_AUTO_NUMBER:
        self->kind = KIND_READ_ONLY;
        row = build_read_only (self, title);
        break;

      case CRM_FIELD_TEXT:
      case CRM_FIELD_EMAIL:
      case CRM_FIELD_PHONE:
      case CRM_FIELD_URL:
      case CRM_FIELD_INTEGER:
      case CRM_FIELD_DECIMAL:
      case CRM_FIELD_CURRENCY:
      case CRM_FIELD_PERCENT:
      case CRM_N_FIELD_TYPES:
      default:
        self->kind = KIND_ENTRY;
        row = build_entry (self, title);
        break;
      }

  /* Labels are data: "R&D Budget" must not be read as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (crm_field_is_required (self->field))
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE, -1);
  self->row = g_object_ref_sink (row);
  self->error_row = g_object_ref_sink (build_error_row (self));
}

/*
 * GObject
 */

static void
crm_field_editor_dispose (GObject *object)
{
  CrmFieldEditor *self = (CrmFieldEditor *)object;

  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  self->buffer = NULL;
  self->input = NULL;
  self->error_label = NULL;
  g_clear_object (&self->row);
  g_clear_object (&self->error_row);
  g_clear_object (&self->store);
  g_clear_object (&self->field);
  G_OBJECT_CLASS (crm_field_editor_parent_class)->dispose (object);
}

static void
crm_field_editor_finalize (GObject *object)
{
  CrmFieldEditor *self = (CrmFieldEditor *)object;

  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (crm_field_editor_parent_class)->finalize (object);
}

static void
crm_field_editor_class_init (CrmFieldEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_field_editor_dispose;
  object_class->finalize = crm_field_editor_finalize;

  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
crm_field_editor_init (CrmFieldEditor *self)
{
}

/*
 * Public API
 */

CrmFieldEditor *
crm_field_editor_new (CrmStore *store,
                      CrmField *field)
{
  CrmFieldEditor *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (CRM_IS_FIELD (field), NULL);

  self = g_object_new (CRM_TYPE_FIELD_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->field = g_object_ref (field);
  self->currency = crm_store_dup_home_currency (store);
  build (self);
  return self;
}

CrmField *
crm_field_editor_get_field (CrmFieldEditor *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_EDITOR (self), NULL);

  return self->field;
}

GtkWidget *
crm_field_editor_get_row (CrmFieldEditor *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_EDITOR (self), NULL);

  return self->row;
}

GtkWidget *
crm_field_editor_get_error_row (CrmFieldEditor *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_EDITOR (self), NULL);

  return self->error_row;
}

GtkWidget *
crm_field_editor_get_input (CrmFieldEditor *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_EDITOR (self), NULL);

  return self->input;
}

static guint
choice_index (CrmFieldEditor *self,
              const char     *value)
{
  for (guint i = 0; i < self->choices->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->choices, i), value) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

void
crm_field_editor_set_value (CrmFieldEditor *self,
                            GVariant       *value)
{
  g_return_if_fail (CRM_IS_FIELD_EDITOR (self));

  self->updating = TRUE;
  switch (self->kind)
    {
    case KIND_ENTRY:
      {
        g_autofree char *text = entry_text (self, value);
        gtk_editable_set_text (GTK_EDITABLE (self->input), text);
        break;
      }

    case KIND_TEXT_VIEW:
      gtk_text_buffer_set_text (self->buffer, value ? g_variant_get_string (value, NULL) : "", -1);
      break;

    case KIND_PICKLIST:
      {
        const char *text = value ? g_variant_get_string (value, NULL) : NULL;
        guint index = choice_index (self, text);

        /* A value no longer in the picklist stays choosable until changed. */
        if (index == GTK_INVALID_LIST_POSITION && text != NULL)
          {
            GtkStringList *labels = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (self->input)));
            g_ptr_array_add (self->choices, g_strdup (text));
            gtk_string_list_append (labels, text);
            index = self->choices->len - 1;
          }
        if (index == GTK_INVALID_LIST_POSITION)
          index = 0;
        adw_combo_row_set_selected (ADW_COMBO_ROW (self->input), index);
        break;
      }

    case KIND_OWNER:
      {
        gint64 id = value ? g_variant_get_int64 (value) : 0;
        guint index = GTK_INVALID_LIST_POSITION;

        for (guint i = 0; i < self->owner_ids->len; i++)
          if (g_array_index (self->owner_ids, gint64, i) == id)
            index = i;
        /* A user who has left still owns their records until changed. */
        if (index == GTK_INVALID_LIST_POSITION && id != 0)
          {
            g_autofree char *name = crm_store_dup_user_name (self->store, id);
            GtkStringList *labels = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (self->input)));

            g_array_append_val (self->owner_ids, id);
            gtk_string_list_append (labels, name ? name : "?");
            index = self->owner_ids->len - 1;
          }
        if (index == GTK_INVALID_LIST_POSITION)
          index = 0;
        adw_combo_row_set_selected (ADW_COMBO_ROW (self->input), index);
        break;
      }

    case KIND_MULTI:
      {
        g_auto(GStrv) parts = value ? g_strsplit (g_variant_get_string (value, NULL), ";", -1) : NULL;

        for (guint i = 0; parts && parts[i]; i++)
          g_strstrip (parts[i]);
        for (guint i = 0; i < self->checks->len; i++)
          {
            GtkCheckButton *check = g_ptr_array_index (self->checks, i);
            const char *name = g_object_get_data (G_OBJECT (check), "value");
            gtk_check_button_set_active (check, parts != NULL && g_strv_contains ((const char * const *) parts, name));
          }
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->row),
                                       value ? g_variant_get_string (value, NULL) : "—");
        break;
      }

    case KIND_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (self->input), value != NULL && g_variant_get_int64 (value) != 0);
      break;

    case KIND_DATE:
      if (value == NULL)
        crm_date_entry_set_date (CRM_DATE_ENTRY (self->input), NULL);
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        crm_date_entry_set_iso_date (CRM_DATE_ENTRY (self->input), g_variant_get_string (value, NULL));
      else
        {
          g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (g_variant_get_int64 (value));
          crm_date_entry_set_date (CRM_DATE_ENTRY (self->input), dt);
        }
      break;

    case KIND_LOOKUP:
      crm_lookup_entry_set_value (CRM_LOOKUP_ENTRY (self->input), value ? g_variant_get_int64 (value) : 0);
      break;

    case KIND_READ_ONLY:
      {
        g_autofree char *text = crm_store_format_value (self->store, self->field, value);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->input), text ? text : "—");
        break;
      }

    default:
      g_assert_not_reached ();
    }
  self->updating = FALSE;
}

gboolean
crm_field_editor_get_value (CrmFieldEditor  *self,
                            GVariant       **value,
                            GError         **error)
{
  g_return_val_if_fail (CRM_IS_FIELD_EDITOR (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  *value = NULL;
  switch (self->kind)
    {
    case KIND_ENTRY:
      return crm_store_parse_value (self->store, self->field, gtk_editable_get_text (GTK_EDITABLE (self->input)),
                                    value, error);

    case KIND_TEXT_VIEW:
      {
        GtkTextIter start, end;
        g_autofree char *text = NULL;

        gtk_text_buffer_get_bounds (self->buffer, &start, &end);
        text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
        return crm_store_parse_value (self->store, self->field, text, value, error);
      }

    case KIND_PICKLIST:
      {
        guint index = adw_combo_row_get_selected (ADW_COMBO_ROW (self->input));
        const char *choice = index < self->choices->len ? g_ptr_array_index (self->choices, index) : NULL;

        if (choice != NULL)
          *value = g_variant_ref_sink (g_variant_new_string (choice));
        return TRUE;
      }

    case KIND_OWNER:
      {
        guint index = adw_combo_row_get_selected (ADW_COMBO_ROW (self->input));
        gint64 id = index < self->owner_ids->len ? g_array_index (self->owner_ids, gint64, index) : 0;

        if (id != 0)
          *value = g_variant_ref_sink (g_variant_new_int64 (id));
        return TRUE;
      }

    case KIND_MULTI:
      {
        g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

        for (guint i = 0; i < self->checks->len; i++)
          {
            GtkCheckButton *check = g_ptr_array_index (self->checks, i);
            if (gtk_check_button_get_active (check))
              g_ptr_array_add (chosen, g_object_get_data (G_OBJECT (check), "value"));
          }
        if (chosen->len > 0)
          {
            g_ptr_array_add (chosen, NULL);
            *value = g_variant_ref_sink (g_variant_new_take_string (g_strjoinv ("; ", (char **) chosen->pdata)));
          }
        return TRUE;
      }

    case KIND_SWITCH:
      *value = g_variant_ref_sink (g_variant_new_int64 (gtk_switch_get_active (GTK_SWITCH (self->input))));
      return TRUE;

    case KIND_DATE:
      {
        GDateTime *dt = crm_date_entry_get_date (CRM_DATE_ENTRY (self->input));

        if (dt == NULL)
          return TRUE;
        if (crm_field_get_field_type (self->field) == CRM_FIELD_DATE)
          *value = g_variant_ref_sink (g_variant_new_take_string (crm_date_entry_dup_iso_date (CRM_DATE_ENTRY (self->input))));
        else
          *value = g_variant_ref_sink (g_variant_new_int64 (g_date_time_to_unix (dt)));
        return TRUE;
      }

    case KIND_LOOKUP:
      {
        gint64 id = crm_lookup_entry_get_value (CRM_LOOKUP_ENTRY (self->input));

        if (id != 0)
          *value = g_variant_ref_sink (g_variant_new_int64 (id));
        return TRUE;
      }

    case KIND_READ_ONLY:
      return TRUE;

    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

void
crm_field_editor_set_text (CrmFieldEditor *self,
                           const char     *text)
{
  g_autoptr(GVariant) value = NULL;

  g_return_if_fail (CRM_IS_FIELD_EDITOR (self));

  switch (self->kind)
    {
    case KIND_ENTRY:
      gtk_editable_set_text (GTK_EDITABLE (self->input), text ? text : "");
      return;

    case KIND_TEXT_VIEW:
      gtk_text_buffer_set_text (self->buffer, text ? text : "", -1);
      return;

    case KIND_PICKLIST:
      {
        guint index = choice_index (self, text && *text ? text : NULL);
        if (index != GTK_INVALID_LIST_POSITION)
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->input), index);
        return;
      }

    case KIND_OWNER:
    case KIND_MULTI:
    case KIND_SWITCH:
    case KIND_DATE:
    case KIND_LOOKUP:
      if (!crm_store_parse_value (self->store, self->field, text, &value, NULL))
        return;
      crm_field_editor_set_value (self, value);
      emit_changed (self);
      return;

    case KIND_READ_ONLY:
    default:
      return;
    }
}

void
crm_field_editor_set_error (CrmFieldEditor *self,
                            const char     *message)
{
  g_return_if_fail (CRM_IS_FIELD_EDITOR (self));

  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);

  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (self->error_row, message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (self->row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

const char *
crm_field_editor_get_error (CrmFieldEditor *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_EDITOR (self), NULL);

  return self->error;
}

void
crm_field_editor_grab_focus (CrmFieldEditor *self)
{
  g_return_if_fail (CRM_IS_FIELD_EDITOR (self));

  gtk_widget_grab_focus (self->input);
}
