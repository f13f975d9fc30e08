/* crm-card-designer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-card-designer"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-card-designer.h"
#include "crm-kanban.h"
#include "crm-record-card.h"

/* Each chooser is an AdwComboRow over field labels; a parallel array holds
 * the api names, with NULL first for "none". The preview card follows
 * every change before anything is saved. */

struct _CrmCardDesigner
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkBox         *preview_box;
  AdwComboRow    *title_row;
  AdwComboRow    *field_rows [CRM_CARD_MAX_FIELDS];
  AdwComboRow    *colour_row;
  GtkLabel       *error_label;

  /* Owned references */
  CrmStore       *store;
  char           *module;
  CrmCardLayout  *preview;
  GPtrArray      *title_names;
  GPtrArray      *field_names;
  GPtrArray      *colour_names;
};

G_DEFINE_FINAL_TYPE (CrmCardDesigner, crm_card_designer, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char *
chosen (AdwComboRow *row,
        GPtrArray   *names)
{
  guint i = adw_combo_row_get_selected (row);

  return i < names->len ? g_ptr_array_index (names, i) : NULL;
}

static GStrv
chosen_fields (CrmCardDesigner *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < CRM_CARD_MAX_FIELDS; i++)
    {
      const char *name = chosen (self->field_rows[i], self->field_names);

      /* Twice the same field would only waste a line. */
      if (name != NULL && g_hash_table_add (seen, (gpointer) name))
        g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

static void
update_preview (CrmCardDesigner *self)
{
  g_auto(GStrv) fields = NULL;

  if (self->preview == NULL)
    return;
  fields = chosen_fields (self);
  crm_card_layout_set (self->preview, chosen (self->title_row, self->title_names),
                       (const char * const *) fields, chosen (self->colour_row, self->colour_names));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
fill_row (AdwComboRow *row,
          GPtrArray   *names,
          const char  *none_label,
          GPtrArray   *fields,
          gboolean   (*accept) (CrmField *field))
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_ptr_array_set_size (names, 0);
  g_ptr_array_add (names, NULL);
  gtk_string_list_append (labels, none_label);
  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);

      if (crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN) || !accept (field))
        continue;
      g_ptr_array_add (names, (gpointer) crm_field_get_api_name (field));
      gtk_string_list_append (labels, crm_field_get_label (field));
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static void
select_name (AdwComboRow *row,
             GPtrArray   *names,
             const char  *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), name) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  adw_combo_row_set_selected (row, 0);
}

static gboolean
is_title_like (CrmField *field)
{
  switch (crm_field_get_field_type (field))
    {
    case CRM_FIELD_TEXT: case CRM_FIELD_EMAIL: case CRM_FIELD_PHONE: case CRM_FIELD_URL:
    case CRM_FIELD_AUTO_NUMBER: case CRM_FIELD_LOOKUP: case CRM_FIELD_PICKLIST:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_any (CrmField *field)
{
  return crm_field_get_field_type (field) != CRM_FIELD_LONG_TEXT;
}

static gboolean
is_picklist (CrmField *field)
{
  return crm_field_get_field_type (field) == CRM_FIELD_PICKLIST;
}

static void
on_cancel_clicked_cb (CrmCardDesigner *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_save_clicked_cb (CrmCardDesigner *self)
{
  g_autoptr(GError) error = NULL;

  if (!crm_card_designer_save (self, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
crm_card_designer_dispose (GObject *object)
{
  CrmCardDesigner *self = (CrmCardDesigner *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_CARD_DESIGNER);
  g_clear_object (&self->preview);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_card_designer_parent_class)->dispose (object);
}

static void
crm_card_designer_finalize (GObject *object)
{
  CrmCardDesigner *self = (CrmCardDesigner *)object;

  g_free (self->module);
  g_clear_pointer (&self->title_names, g_ptr_array_unref);
  g_clear_pointer (&self->field_names, g_ptr_array_unref);
  g_clear_pointer (&self->colour_names, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_card_designer_parent_class)->finalize (object);
}

static void
crm_card_designer_class_init (CrmCardDesignerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_card_designer_dispose;
  object_class->finalize = crm_card_designer_finalize;

  signals [SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crm/ui/crm-card-designer.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCardDesigner, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmCardDesigner, preview_box);
  gtk_widget_class_bind_template_child (widget_class, CrmCardDesigner, title_row);
  gtk_widget_class_bind_template_child_full (widget_class, "field_row_0", FALSE,
                                             G_STRUCT_OFFSET (CrmCardDesigner, field_rows[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "field_row_1", FALSE,
                                             G_STRUCT_OFFSET (CrmCardDesigner, field_rows[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "field_row_2", FALSE,
                                             G_STRUCT_OFFSET (CrmCardDesigner, field_rows[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "field_row_3", FALSE,
                                             G_STRUCT_OFFSET (CrmCardDesigner, field_rows[3]));
  gtk_widget_class_bind_template_child (widget_class, CrmCardDesigner, colour_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCardDesigner, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_preview);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_card_designer_init (CrmCardDesigner *self)
{
  G_STATIC_ASSERT (CRM_CARD_MAX_FIELDS == 4);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->title_names = g_ptr_array_new ();
  self->field_names = g_ptr_array_new ();
  self->colour_names = g_ptr_array_new ();
}

GtkWindow *
crm_card_designer_new (GtkWindow  *parent,
                       CrmStore   *store,
                       const char *module_name,
                       CrmRecord  *sample)
{
  CrmCardDesigner *self;
  CrmModule *module;
  GPtrArray *fields;
  g_autofree char *title = NULL;
  g_auto(GStrv) current = NULL;
  g_autofree char *colour = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail ((module = crm_store_get_module (store, module_name)) != NULL, NULL);

  self = g_object_new (CRM_TYPE_CARD_DESIGNER,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->module = g_strdup (module_name);
  self->preview = crm_card_layout_new (store, module_name);
  adw_window_title_set_subtitle (self->window_title, crm_module_get_plural (module));

  fields = crm_module_get_fields (module);
  /* Translators: the title chooser's first choice: the record's own name */
  fill_row (self->title_row, self->title_names, _("Record Name"), fields, is_title_like);
  for (guint i = 0; i < CRM_CARD_MAX_FIELDS; i++)
    {
      /* Every field row offers the same choices, in the same order. */
      g_autoptr(GPtrArray) same = g_ptr_array_new ();
      fill_row (self->field_rows[i], i == 0 ? self->field_names : same, _("None"), fields, is_any);
    }
  fill_row (self->colour_row, self->colour_names, _("None"), fields, is_picklist);

  title = crm_card_dup_title_field (store, module_name);
  current = crm_card_dup_fields (store, module_name);
  colour = crm_card_dup_colour_field (store, module_name);
  select_name (self->title_row, self->title_names, title);
  for (guint i = 0; i < CRM_CARD_MAX_FIELDS; i++)
    select_name (self->field_rows[i], self->field_names, i < g_strv_length (current) ? current[i] : NULL);
  select_name (self->colour_row, self->colour_names, colour);

  if (sample != NULL)
    {
      GtkWidget *card = crm_record_card_new (self->preview);

      crm_record_card_set_record (CRM_RECORD_CARD (card), sample);
      gtk_widget_set_focusable (card, FALSE);
      gtk_widget_set_can_target (card, FALSE);
      gtk_box_append (self->preview_box, card);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->preview_box), sample != NULL);

  /* Signals connected in the template fired while filling; start clean. */
  update_preview (self);
  return GTK_WINDOW (self);
}

gboolean
crm_card_designer_choose (CrmCardDesigner *self,
                          const char      *which,
                          const char      *field)
{
  AdwComboRow *row = NULL;
  GPtrArray *names = NULL;

  g_return_val_if_fail (CRM_IS_CARD_DESIGNER (self), FALSE);

  if (g_str_equal (which, "title"))
    row = self->title_row, names = self->title_names;
  else if (g_str_equal (which, "colour"))
    row = self->colour_row, names = self->colour_names;
  else if (g_str_has_prefix (which, "field") && which[5] >= '0' && which[5] < '0' + CRM_CARD_MAX_FIELDS)
    row = self->field_rows[which[5] - '0'], names = self->field_names;
  if (row == NULL)
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), field) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return TRUE;
      }
  return FALSE;
}

gboolean
crm_card_designer_save (CrmCardDesigner  *self,
                        GError          **error)
{
  g_auto(GStrv) fields = NULL;

  g_return_val_if_fail (CRM_IS_CARD_DESIGNER (self), FALSE);

  fields = chosen_fields (self);
  if (!crm_card_set_layout (self->store, self->module, chosen (self->title_row, self->title_names),
                            (const char * const *) fields, chosen (self->colour_row, self->colour_names), error))
    return FALSE;
  g_signal_emit (self, signals [SAVED], 0);
  return TRUE;
}
