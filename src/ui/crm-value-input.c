/* crm-value-input.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-value-input"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-value-input.h"

typedef enum
{
  KIND_NONE,
  KIND_TEXT,     /* one entry */
  KIND_RANGE,    /* two entries */
  KIND_DAYS,     /* a number of days */
  KIND_CHOICE,   /* a drop-down */
} Kind;

struct _CrmValueInput
{
  GtkWidget    parent_instance;

  CrmStore    *store;
  CrmField    *field;
  CrmOperator  op;
  Kind         kind;

  GtkWidget   *entry;
  GtkWidget   *and_label;
  GtkWidget   *entry2;
  GtkWidget   *spin;
  GtkWidget   *dropdown;
  GtkStringList *choices;
  GArray      *choice_ids;   /* gint64 per choice for owners and checkboxes; empty for picklists */
  gboolean     choice_none;  /* the first choice means "no value" */
  gboolean     choice_int;   /* choices map to choice_ids, not to their text */
};

G_DEFINE_FINAL_TYPE (CrmValueInput, crm_value_input, GTK_TYPE_WIDGET)

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
on_entry_activate_cb (CrmValueInput *self)
{
  g_signal_emit (self, signals [ACTIVATE], 0);
}

static void
clear_error_cb (GtkWidget *widget)
{
  gtk_widget_remove_css_class (widget, "error");
}

static void
crm_value_input_dispose (GObject *object)
{
  CrmValueInput *self = (CrmValueInput *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->field);

  G_OBJECT_CLASS (crm_value_input_parent_class)->dispose (object);
}

static void
crm_value_input_finalize (GObject *object)
{
  CrmValueInput *self = (CrmValueInput *)object;

  g_clear_pointer (&self->choice_ids, g_array_unref);

  G_OBJECT_CLASS (crm_value_input_parent_class)->finalize (object);
}

static void
crm_value_input_class_init (CrmValueInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_value_input_dispose;
  object_class->finalize = crm_value_input_finalize;

  /* Enter in one of the entries. */
  signals [ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "crm-value-input");
}

static void
crm_value_input_init (CrmValueInput *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->choice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->entry, TRUE);
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
  g_signal_connect (self->entry, "changed", G_CALLBACK (clear_error_cb), NULL);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self);

  /* Translators: between two values of a filter, "between 1 and 5" */
  self->and_label = gtk_label_new (_("and"));
  gtk_widget_add_css_class (self->and_label, "dim-label");
  gtk_widget_set_parent (self->and_label, GTK_WIDGET (self));

  self->entry2 = gtk_entry_new ();
  gtk_widget_set_hexpand (self->entry2, TRUE);
  gtk_widget_set_parent (self->entry2, GTK_WIDGET (self));
  g_signal_connect (self->entry2, "changed", G_CALLBACK (clear_error_cb), NULL);
  g_signal_connect_swapped (self->entry2, "activate", G_CALLBACK (on_entry_activate_cb), self);

  self->spin = gtk_spin_button_new_with_range (0, 36500, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->spin), 30);
  gtk_widget_set_parent (self->spin, GTK_WIDGET (self));

  self->choices = gtk_string_list_new (NULL);
  self->dropdown = gtk_drop_down_new (G_LIST_MODEL (self->choices), NULL);
  gtk_widget_set_hexpand (self->dropdown, TRUE);
  gtk_widget_set_parent (self->dropdown, GTK_WIDGET (self));

  self->kind = KIND_NONE;
  gtk_widget_set_visible (self->entry, FALSE);
  gtk_widget_set_visible (self->and_label, FALSE);
  gtk_widget_set_visible (self->entry2, FALSE);
  gtk_widget_set_visible (self->spin, FALSE);
  gtk_widget_set_visible (self->dropdown, FALSE);
}

GtkWidget *
crm_value_input_new (CrmStore *store)
{
  CrmValueInput *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_VALUE_INPUT, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}

CrmField *
crm_value_input_get_field (CrmValueInput *self)
{
  g_return_val_if_fail (CRM_IS_VALUE_INPUT (self), NULL);
  return self->field;
}

static void
fill_choices (CrmValueInput *self)
{
  CrmFieldType type = crm_field_get_field_type (self->field);
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->choices));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_array_set_size (self->choice_ids, 0);
  self->choice_none = self->op == CRM_VALUE_INPUT_SET && type != CRM_FIELD_CHECKBOX &&
                      !crm_field_is_required (self->field);
  if (self->choice_none)
    {
      gint64 none = 0;
      /* Translators: the choice that clears a field in a mass update */
      g_ptr_array_add (labels, g_strdup (_("None")));
      g_array_append_val (self->choice_ids, none);
    }

  if (type == CRM_FIELD_OWNER)
    {
      g_autoptr(GVariant) users = crm_store_list_users (self->store);
      GVariantIter iter;
      gint64 id;
      const char *name;

      g_variant_iter_init (&iter, users);
      while (g_variant_iter_next (&iter, "(x&s)", &id, &name))
        {
          g_ptr_array_add (labels, g_strdup (name));
          g_array_append_val (self->choice_ids, id);
        }
    }
  else if (type == CRM_FIELD_CHECKBOX)
    {
      gint64 yes = 1, no = 0;
      g_ptr_array_add (labels, g_strdup (_("Yes")));
      g_array_append_val (self->choice_ids, yes);
      g_ptr_array_add (labels, g_strdup (_("No")));
      g_array_append_val (self->choice_ids, no);
    }
  else
    {
      GPtrArray *values = crm_field_get_picklist (self->field);

      for (guint i = 0; values != NULL && i < values->len; i++)
        g_ptr_array_add (labels, g_strdup (g_ptr_array_index (values, i)));
    }
  self->choice_int = type == CRM_FIELD_OWNER || type == CRM_FIELD_CHECKBOX;

  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->choices, 0, old, (const char * const *) labels->pdata);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->dropdown), labels->len > 12);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->dropdown), 0);
}

void
crm_value_input_set_field (CrmValueInput *self,
                           CrmField      *field,
                           CrmOperator    op)
{
  CrmFieldType type;
  guint n_values;
  Kind kind;

  g_return_if_fail (CRM_IS_VALUE_INPUT (self));
  g_return_if_fail (CRM_IS_FIELD (field));

  type = crm_field_get_field_type (field);
  n_values = op == CRM_VALUE_INPUT_SET ? 1 : crm_operator_get_n_values (op);

  if (n_values == 0)
    kind = KIND_NONE;
  else if (op == CRM_OP_LAST_N_DAYS || op == CRM_OP_NEXT_N_DAYS)
    kind = KIND_DAYS;
  else if (n_values == 2)
    kind = KIND_RANGE;
  else if (type == CRM_FIELD_PICKLIST || type == CRM_FIELD_MULTI_PICKLIST || type == CRM_FIELD_OWNER ||
           type == CRM_FIELD_CHECKBOX)
    kind = KIND_CHOICE;
  else
    kind = KIND_TEXT;

  if (self->field != field || self->op != op || kind != self->kind)
    {
      gboolean refill = self->field != field || self->op != op;

      g_set_object (&self->field, field);
      self->op = op;
      self->kind = kind;
      if (kind == KIND_CHOICE && refill)
        fill_choices (self);
    }

  gtk_widget_set_visible (self->entry, kind == KIND_TEXT || kind == KIND_RANGE);
  gtk_widget_set_visible (self->and_label, kind == KIND_RANGE);
  gtk_widget_set_visible (self->entry2, kind == KIND_RANGE);
  gtk_widget_set_visible (self->spin, kind == KIND_DAYS);
  gtk_widget_set_visible (self->dropdown, kind == KIND_CHOICE);

  switch (type)
    {
    case CRM_FIELD_DATE:
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("YYYY-MM-DD"));
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry2), _("YYYY-MM-DD"));
      break;
    case CRM_FIELD_DATETIME:
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("YYYY-MM-DD HH:MM"));
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry2), _("YYYY-MM-DD HH:MM"));
      break;
    case CRM_FIELD_LOOKUP:
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Name"));
      break;
    default:
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), NULL);
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry2), NULL);
      break;
    }

  {
    const char *label = crm_field_get_label (field);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Number of days"), -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry2), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Upper bound"), -1);
  }
}

/* Text as typed, parsed for the field. Text fields keep what was typed
 * (a "contains" filter needs no valid e-mail address); everything else
 * goes through the store, which also resolves lookups and owners by name. */
static gboolean
parse_text (CrmValueInput  *self,
            const char     *text,
            GVariant      **value,
            GError        **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  CrmFieldType type = crm_field_get_field_type (self->field);

  *value = NULL;
  if (*stripped == '\0')
    {
      if (self->op == CRM_VALUE_INPUT_SET)
        return TRUE;
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("%s: enter a value"), crm_field_get_label (self->field));
      return FALSE;
    }

  if (self->op != CRM_VALUE_INPUT_SET &&
      crm_field_get_storage (self->field) == CRM_STORAGE_TEXT && type != CRM_FIELD_DATE)
    {
      *value = g_variant_ref_sink (g_variant_new_string (stripped));
      return TRUE;
    }
  return crm_store_parse_value (self->store, self->field, stripped, value, error);
}

gboolean
crm_value_input_get_values (CrmValueInput  *self,
                            GVariant      **value,
                            GVariant      **value2,
                            GError        **error)
{
  g_autoptr(GVariant) v1 = NULL;
  g_autoptr(GVariant) v2 = NULL;

  g_return_val_if_fail (CRM_IS_VALUE_INPUT (self), FALSE);
  g_return_val_if_fail (self->field != NULL, FALSE);

  switch (self->kind)
    {
    case KIND_NONE:
      break;

    case KIND_DAYS:
      v1 = g_variant_ref_sink (g_variant_new_int64 (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->spin))));
      break;

    case KIND_CHOICE:
      {
        guint pos = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->dropdown));

        if (pos == GTK_INVALID_LIST_POSITION)
          {
            g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("%s: choose a value"),
                         crm_field_get_label (self->field));
            return FALSE;
          }
        if (self->choice_none && pos == 0)
          break;
        if (self->choice_int)
          v1 = g_variant_ref_sink (g_variant_new_int64 (g_array_index (self->choice_ids, gint64, pos)));
        else
          v1 = g_variant_ref_sink (g_variant_new_string (gtk_string_list_get_string (self->choices, pos)));
        break;
      }

    case KIND_RANGE:
      if (!parse_text (self, gtk_editable_get_text (GTK_EDITABLE (self->entry2)), &v2, error))
        {
          gtk_widget_add_css_class (self->entry2, "error");
          return FALSE;
        }
      G_GNUC_FALLTHROUGH;
    case KIND_TEXT:
      if (!parse_text (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)), &v1, error))
        {
          gtk_widget_add_css_class (self->entry, "error");
          return FALSE;
        }
      break;

    default:
      g_assert_not_reached ();
    }

  *value = g_steal_pointer (&v1);
  if (value2)
    *value2 = g_steal_pointer (&v2);
  return TRUE;
}

static char *
value_text (CrmValueInput *self,
            GVariant      *value)
{
  if (value == NULL)
    return g_strdup ("");
  if (crm_field_get_field_type (self->field) == CRM_FIELD_LOOKUP)
    return crm_store_format_value (self->store, self->field, value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  return crm_field_format_plain (self->field, value);
}

static void
select_choice (CrmValueInput *self,
               GVariant      *value,
               const char    *text)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->choices));

  for (guint i = 0; i < n; i++)
    {
      gboolean hit;

      if (text != NULL)
        hit = g_strcmp0 (gtk_string_list_get_string (self->choices, i), text) == 0;
      else if (value == NULL)
        hit = self->choice_none && i == 0;
      else if (self->choice_int && g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        hit = g_array_index (self->choice_ids, gint64, i) == g_variant_get_int64 (value) && !(self->choice_none && i == 0);
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        hit = g_strcmp0 (gtk_string_list_get_string (self->choices, i), g_variant_get_string (value, NULL)) == 0;
      else
        hit = FALSE;

      if (hit)
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->dropdown), i);
          return;
        }
    }
}

void
crm_value_input_set_values (CrmValueInput *self,
                            GVariant      *value,
                            GVariant      *value2)
{
  g_return_if_fail (CRM_IS_VALUE_INPUT (self));
  g_return_if_fail (self->field != NULL);

  switch (self->kind)
    {
    case KIND_DAYS:
      if (value && g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->spin), g_variant_get_int64 (value));
      break;
    case KIND_CHOICE:
      select_choice (self, value, NULL);
      break;
    case KIND_RANGE:
    case KIND_TEXT:
      {
        g_autofree char *t1 = value_text (self, value);
        g_autofree char *t2 = value_text (self, value2);
        gtk_editable_set_text (GTK_EDITABLE (self->entry), t1 ? t1 : "");
        gtk_editable_set_text (GTK_EDITABLE (self->entry2), t2 ? t2 : "");
        break;
      }
    case KIND_NONE:
    default:
      break;
    }
}

void
crm_value_input_set_text (CrmValueInput *self,
                          const char    *text,
                          const char    *text2)
{
  g_return_if_fail (CRM_IS_VALUE_INPUT (self));

  switch (self->kind)
    {
    case KIND_DAYS:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->spin), g_ascii_strtod (text ? text : "0", NULL));
      break;
    case KIND_CHOICE:
      select_choice (self, NULL, text ? text : "");
      break;
    case KIND_RANGE:
    case KIND_TEXT:
      gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
      gtk_editable_set_text (GTK_EDITABLE (self->entry2), text2 ? text2 : "");
      break;
    case KIND_NONE:
    default:
      break;
    }
}

void
crm_value_input_show_error (CrmValueInput *self,
                            gboolean       error)
{
  GtkWidget *widgets[] = { self->entry, self->entry2, self->dropdown, self->spin };

  g_return_if_fail (CRM_IS_VALUE_INPUT (self));

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      if (error && gtk_widget_get_visible (widgets[i]))
        gtk_widget_add_css_class (widgets[i], "error");
      else
        gtk_widget_remove_css_class (widgets[i], "error");
    }
}
