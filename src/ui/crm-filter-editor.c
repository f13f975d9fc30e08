/* crm-filter-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-filter-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "crm-filter-editor.h"
#include "crm-value-input.h"

/* A condition row: field, operator, value input, remove button. The row
 * keeps the operators it offers so that a position maps back to one. */
typedef struct
{
  GtkWidget       *box;
  GtkDropDown     *field_dropdown;
  GtkDropDown     *op_dropdown;
  GtkStringList   *op_labels;
  CrmValueInput   *value;
  const CrmOperator *ops;
  guint            n_ops;
} Row;

struct _CrmFilterEditor
{
  GtkWidget     parent_instance;

  GtkWidget    *add_button;
  GtkDropDown  *match_dropdown;
  GtkBox       *rows;
  GtkLabel     *error_label;

  CrmStore     *store;
  CrmModule    *module;
  GPtrArray    *fields;       /* CrmField shown in the field drop-downs */
  GtkStringList *field_labels;
  GPtrArray    *row_list;     /* Row */
};

G_DEFINE_FINAL_TYPE (CrmFilterEditor, crm_filter_editor, GTK_TYPE_WIDGET)

enum {
  APPLY,
  CLEARED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
row_free (Row *row)
{
  g_free (row);
}

static CrmField *
row_get_field (CrmFilterEditor *self,
               Row             *row)
{
  guint pos = gtk_drop_down_get_selected (row->field_dropdown);

  return pos < self->fields->len ? g_ptr_array_index (self->fields, pos) : NULL;
}

static CrmOperator
row_get_op (Row *row)
{
  guint pos = gtk_drop_down_get_selected (row->op_dropdown);

  return pos < row->n_ops ? row->ops[pos] : CRM_N_OPS;
}

static void
hide_error (CrmFilterEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
update_value (CrmFilterEditor *self,
              Row             *row)
{
  CrmField *field = row_get_field (self, row);
  CrmOperator op = row_get_op (row);

  if (field != NULL && op < CRM_N_OPS)
    crm_value_input_set_field (row->value, field, op);
  hide_error (self);
}

static void
update_ops (CrmFilterEditor *self,
            Row             *row)
{
  CrmField *field = row_get_field (self, row);
  guint old = g_list_model_get_n_items (G_LIST_MODEL (row->op_labels));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  row->ops = field ? crm_operators_for_type (crm_field_get_field_type (field), &row->n_ops) : NULL;
  if (row->ops == NULL)
    row->n_ops = 0;
  for (guint i = 0; i < row->n_ops; i++)
    g_ptr_array_add (labels, (gpointer) crm_operator_get_label (row->ops[i]));
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (row->op_labels, 0, old, (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (row->op_dropdown, 0);
  update_value (self, row);
}

static void
on_field_selected_cb (GtkDropDown *dropdown,
                      GParamSpec  *pspec,
                      Row         *row)
{
  CrmFilterEditor *self = g_object_get_data (G_OBJECT (row->box), "crm-filter-editor");
  update_ops (self, row);
}

static void
on_op_selected_cb (GtkDropDown *dropdown,
                   GParamSpec  *pspec,
                   Row         *row)
{
  CrmFilterEditor *self = g_object_get_data (G_OBJECT (row->box), "crm-filter-editor");
  update_value (self, row);
}

static void
remove_row (CrmFilterEditor *self,
            Row             *row)
{
  gtk_box_remove (self->rows, row->box);
  g_ptr_array_remove (self->row_list, row);
  hide_error (self);
}

static void
on_remove_clicked_cb (GtkButton *button,
                      Row       *row)
{
  CrmFilterEditor *self = g_object_get_data (G_OBJECT (row->box), "crm-filter-editor");
  guint index = 0;

  g_ptr_array_find (self->row_list, row, &index);
  remove_row (self, row);
  /* Keep the focus in the panel for the next condition. */
  if (self->row_list->len > 0)
    {
      Row *next = g_ptr_array_index (self->row_list, MIN (index, self->row_list->len - 1));
      gtk_widget_grab_focus (GTK_WIDGET (next->field_dropdown));
    }
}

static void
on_value_activate_cb (CrmFilterEditor *self)
{
  g_signal_emit (self, signals [APPLY], 0);
}

static Row *
add_row (CrmFilterEditor *self)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *remove;
  GtkExpression *expression;

  row->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_object_set_data (G_OBJECT (row->box), "crm-filter-editor", self);

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  row->field_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->field_labels)), expression));
  gtk_drop_down_set_enable_search (row->field_dropdown, TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (row->field_dropdown), 170, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->field_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Field"), -1);
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->field_dropdown));

  row->op_labels = gtk_string_list_new (NULL);
  row->op_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (row->op_labels), NULL));
  gtk_widget_set_size_request (GTK_WIDGET (row->op_dropdown), 120, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->op_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Condition"), -1);
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->op_dropdown));

  row->value = CRM_VALUE_INPUT (crm_value_input_new (self->store));
  gtk_widget_set_hexpand (GTK_WIDGET (row->value), TRUE);
  g_signal_connect_object (row->value, "activate", G_CALLBACK (on_value_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->value));

  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Condition"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Condition"), -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), row);
  gtk_box_append (GTK_BOX (row->box), remove);

  gtk_box_append (self->rows, row->box);
  g_ptr_array_add (self->row_list, row);

  /* A new condition starts on a field the list shows, not on whatever
   * comes first in the form (a salutation). */
  for (guint i = 0; i < self->fields->len; i++)
    if (crm_field_has_flag (g_ptr_array_index (self->fields, i), CRM_FIELD_FLAG_LIST))
      {
        gtk_drop_down_set_selected (row->field_dropdown, i);
        break;
      }
  update_ops (self, row);
  g_signal_connect (row->field_dropdown, "notify::selected", G_CALLBACK (on_field_selected_cb), row);
  g_signal_connect (row->op_dropdown, "notify::selected", G_CALLBACK (on_op_selected_cb), row);
  hide_error (self);
  return row;
}

static int
field_position (CrmFilterEditor *self,
                const char      *name)
{
  for (guint i = 0; name && i < self->fields->len; i++)
    if (g_str_equal (crm_field_get_api_name (g_ptr_array_index (self->fields, i)), name))
      return i;
  return -1;
}

static gboolean
select_op (Row         *row,
           CrmOperator  op)
{
  for (guint i = 0; i < row->n_ops; i++)
    if (row->ops[i] == op)
      {
        gtk_drop_down_set_selected (row->op_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

static Row *
add_row_for (CrmFilterEditor *self,
             const char      *field,
             CrmOperator      op)
{
  int pos = field_position (self, field);
  Row *row;

  if (pos < 0)
    return NULL;
  row = add_row (self);
  gtk_drop_down_set_selected (row->field_dropdown, pos);
  if (!select_op (row, op))
    {
      remove_row (self, row);
      return NULL;
    }
  return row;
}

gboolean
crm_filter_editor_add_condition (CrmFilterEditor *self,
                                 const char      *field,
                                 CrmOperator      op,
                                 const char      *text,
                                 const char      *text2)
{
  Row *row;

  g_return_val_if_fail (CRM_IS_FILTER_EDITOR (self), FALSE);

  row = add_row_for (self, field, op);
  if (row == NULL)
    return FALSE;
  crm_value_input_set_text (row->value, text, text2);
  return TRUE;
}

void
crm_filter_editor_clear (CrmFilterEditor *self)
{
  g_return_if_fail (CRM_IS_FILTER_EDITOR (self));

  while (self->row_list->len > 0)
    remove_row (self, g_ptr_array_index (self->row_list, 0));
  gtk_drop_down_set_selected (self->match_dropdown, 0);
  hide_error (self);
}

void
crm_filter_editor_load (CrmFilterEditor *self,
                        CrmQuery        *query)
{
  g_return_if_fail (CRM_IS_FILTER_EDITOR (self));

  crm_filter_editor_clear (self);
  if (query == NULL)
    return;
  gtk_drop_down_set_selected (self->match_dropdown, crm_query_get_match_any (query) ? 1 : 0);
  for (guint i = 0; i < crm_query_get_n_criteria (query); i++)
    {
      const char *field;
      CrmOperator op;
      GVariant *value, *value2;
      Row *row;

      crm_query_get_criterion (query, i, &field, &op, &value, &value2);
      row = add_row_for (self, field, op);
      if (row != NULL)
        crm_value_input_set_values (row->value, value, value2);
    }
}

gboolean
crm_filter_editor_build (CrmFilterEditor  *self,
                         CrmQuery         *query,
                         GError          **error)
{
  g_autoptr(CrmQuery) built = NULL;

  g_return_val_if_fail (CRM_IS_FILTER_EDITOR (self), FALSE);
  g_return_val_if_fail (CRM_IS_QUERY (query), FALSE);

  built = crm_query_copy (query);
  crm_query_clear_criteria (built);
  crm_query_set_match_any (built, gtk_drop_down_get_selected (self->match_dropdown) == 1);

  for (guint i = 0; i < self->row_list->len; i++)
    {
      Row *row = g_ptr_array_index (self->row_list, i);
      CrmField *field = row_get_field (self, row);
      CrmOperator op = row_get_op (row);
      g_autoptr(GVariant) value = NULL;
      g_autoptr(GVariant) value2 = NULL;
      g_autoptr(GError) local = NULL;

      if (field == NULL || op >= CRM_N_OPS)
        continue;
      if (!crm_value_input_get_values (row->value, &value, &value2, &local))
        {
          /* Translators: "Condition 2: Amount: “abc” is not a number" */
          g_autofree char *message = g_strdup_printf (_("Condition %u: %s"), i + 1, local->message);

          gtk_label_set_text (self->error_label, message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
          crm_value_input_show_error (row->value, TRUE);
          g_set_error_literal (error, local->domain, local->code, message);
          return FALSE;
        }
      crm_query_add_criterion (built, crm_field_get_api_name (field), op, value, value2);
    }

  /* Copy back only now: a bad row leaves the query as it was. */
  crm_query_clear_criteria (query);
  crm_query_set_match_any (query, crm_query_get_match_any (built));
  for (guint i = 0; i < crm_query_get_n_criteria (built); i++)
    {
      const char *field;
      CrmOperator op;
      GVariant *value, *value2;

      crm_query_get_criterion (built, i, &field, &op, &value, &value2);
      crm_query_add_criterion (query, field, op, value, value2);
    }
  hide_error (self);
  return TRUE;
}

guint
crm_filter_editor_get_n_conditions (CrmFilterEditor *self)
{
  g_return_val_if_fail (CRM_IS_FILTER_EDITOR (self), 0);
  return self->row_list->len;
}

gboolean
crm_filter_editor_get_match_any (CrmFilterEditor *self)
{
  g_return_val_if_fail (CRM_IS_FILTER_EDITOR (self), FALSE);
  return gtk_drop_down_get_selected (self->match_dropdown) == 1;
}

void
crm_filter_editor_set_match_any (CrmFilterEditor *self,
                                 gboolean         match_any)
{
  g_return_if_fail (CRM_IS_FILTER_EDITOR (self));
  gtk_drop_down_set_selected (self->match_dropdown, match_any ? 1 : 0);
}

void
crm_filter_editor_focus (CrmFilterEditor *self)
{
  g_return_if_fail (CRM_IS_FILTER_EDITOR (self));

  /* No empty condition is added for it: that would filter by itself. */
  if (self->row_list->len == 0)
    gtk_widget_grab_focus (self->add_button);
  else
    gtk_widget_grab_focus (GTK_WIDGET (((Row *) g_ptr_array_index (self->row_list, 0))->field_dropdown));
}

static void
on_add_clicked_cb (CrmFilterEditor *self)
{
  Row *row = add_row (self);
  gtk_widget_grab_focus (GTK_WIDGET (row->field_dropdown));
}

static void
on_apply_clicked_cb (CrmFilterEditor *self)
{
  g_signal_emit (self, signals [APPLY], 0);
}

static void
on_clear_clicked_cb (CrmFilterEditor *self)
{
  crm_filter_editor_clear (self);
  g_signal_emit (self, signals [CLEARED], 0);
}

static void
crm_filter_editor_dispose (GObject *object)
{
  CrmFilterEditor *self = (CrmFilterEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_FILTER_EDITOR);
  /* Template children that are not bound to a field stay parented. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->module);
  g_clear_object (&self->field_labels);
  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_filter_editor_parent_class)->dispose (object);
}

static void
crm_filter_editor_finalize (GObject *object)
{
  CrmFilterEditor *self = (CrmFilterEditor *)object;

  g_clear_pointer (&self->row_list, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_filter_editor_parent_class)->finalize (object);
}

static void
crm_filter_editor_class_init (CrmFilterEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_filter_editor_dispose;
  object_class->finalize = crm_filter_editor_finalize;

  signals [APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals [CLEARED] = g_signal_new ("cleared", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ADW_TYPE_BUTTON_CONTENT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crm/ui/crm-filter-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmFilterEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, CrmFilterEditor, match_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmFilterEditor, rows);
  gtk_widget_class_bind_template_child (widget_class, CrmFilterEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "crm-filter-editor");
}

static void
crm_filter_editor_init (CrmFilterEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->row_list = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
}

GtkWidget *
crm_filter_editor_new (CrmStore   *store,
                       const char *module_name)
{
  CrmFilterEditor *self;
  CrmModule *module;
  GPtrArray *fields;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  module = crm_store_get_module (store, module_name);
  g_return_val_if_fail (module != NULL, NULL);

  self = g_object_new (CRM_TYPE_FILTER_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->module = g_object_ref (module);
  self->fields = g_ptr_array_new_with_free_func (g_object_unref);
  self->field_labels = gtk_string_list_new (NULL);

  fields = crm_module_get_fields (module);
  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      guint n_ops = 0;

      if (crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN) ||
          crm_operators_for_type (crm_field_get_field_type (field), &n_ops) == NULL || n_ops == 0)
        continue;
      g_ptr_array_add (self->fields, g_object_ref (field));
      gtk_string_list_append (self->field_labels, crm_field_get_label (field));
    }
  return GTK_WIDGET (self);
}
