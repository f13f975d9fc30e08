/* crm-column-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-column-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-column-chooser.h"

typedef struct
{
  CrmField *field;
  gboolean  shown;
} Entry;

struct _CrmColumnChooser
{
  GtkWidget   parent_instance;

  GtkListBox *list;

  CrmModule  *module;
  GArray     *entries;   /* Entry: shown ones first, in column order */
};

G_DEFINE_FINAL_TYPE (CrmColumnChooser, crm_column_chooser, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  RESET,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* focus: 0 the field's check box, -1 / 1 its Move Up / Move Down button */
static void rebuild (CrmColumnChooser *self, const char *focus_field, int focus);

static void
entry_clear (gpointer data)
{
  Entry *e = data;
  g_clear_object (&e->field);
}

static int
find_entry (CrmColumnChooser *self,
            const char       *field)
{
  for (guint i = 0; i < self->entries->len; i++)
    if (g_str_equal (crm_field_get_api_name (g_array_index (self->entries, Entry, i).field), field))
      return i;
  return -1;
}

static guint
n_shown (CrmColumnChooser *self)
{
  guint n = 0;

  for (guint i = 0; i < self->entries->len; i++)
    n += g_array_index (self->entries, Entry, i).shown;
  return n;
}

char **
crm_column_chooser_dup_columns (CrmColumnChooser *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CRM_IS_COLUMN_CHOOSER (self), NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = &g_array_index (self->entries, Entry, i);
      if (e->shown)
        g_strv_builder_add (builder, crm_field_get_api_name (e->field));
    }
  return g_strv_builder_end (builder);
}

void
crm_column_chooser_set_shown (CrmColumnChooser *self,
                              const char       *field,
                              gboolean          shown)
{
  int i;
  Entry e;

  g_return_if_fail (CRM_IS_COLUMN_CHOOSER (self));

  i = find_entry (self, field);
  if (i < 0 || g_array_index (self->entries, Entry, i).shown == shown)
    return;
  /* The last column stays: a table without columns shows nothing. */
  if (!shown && n_shown (self) <= 1)
    {
      rebuild (self, field, 0);
      return;
    }

  /* A newly shown column goes to the end of the shown ones; a hidden one
   * to the top of the hidden ones. */
  e = g_array_index (self->entries, Entry, i);
  g_object_ref (e.field);   /* removing runs the clear function */
  e.shown = shown;
  g_array_remove_index (self->entries, i);
  g_array_insert_val (self->entries, n_shown (self), e);
  rebuild (self, field, 0);
  g_signal_emit (self, signals [CHANGED], 0);
}

void
crm_column_chooser_move (CrmColumnChooser *self,
                         const char       *field,
                         int               delta)
{
  int i, j;
  Entry e;

  g_return_if_fail (CRM_IS_COLUMN_CHOOSER (self));

  i = find_entry (self, field);
  if (i < 0 || !g_array_index (self->entries, Entry, i).shown)
    return;
  j = CLAMP (i + delta, 0, (int) n_shown (self) - 1);
  if (i == j)
    return;
  e = g_array_index (self->entries, Entry, i);
  g_object_ref (e.field);
  g_array_remove_index (self->entries, i);
  g_array_insert_val (self->entries, j, e);
  rebuild (self, field, delta);
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
on_check_toggled_cb (GtkCheckButton   *check,
                     CrmColumnChooser *self)
{
  const char *field = g_object_get_data (G_OBJECT (check), "crm-field");

  crm_column_chooser_set_shown (self, field, gtk_check_button_get_active (check));
}

static void
on_move_clicked_cb (GtkButton        *button,
                    CrmColumnChooser *self)
{
  const char *field = g_object_get_data (G_OBJECT (button), "crm-field");
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "crm-delta"));

  crm_column_chooser_move (self, field, delta);
}

static GtkWidget *
move_button (CrmColumnChooser *self,
             Entry            *e,
             int               delta,
             gboolean          sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (delta < 0 ? "go-up-symbolic" : "go-down-symbolic");
  g_autofree char *label = g_strdup_printf (delta < 0 ? _("Move %s Up") : _("Move %s Down"),
                                            crm_field_get_label (e->field));

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, delta < 0 ? _("Move Up") : _("Move Down"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data_full (G_OBJECT (button), "crm-field", g_strdup (crm_field_get_api_name (e->field)), g_free);
  g_object_set_data (G_OBJECT (button), "crm-delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", G_CALLBACK (on_move_clicked_cb), self);
  return button;
}

static void
rebuild (CrmColumnChooser *self,
         const char       *focus_field,
         int               focus_on)
{
  GtkListBoxRow *child;
  GtkWidget *focus = NULL;
  guint shown = n_shown (self);

  while ((child = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (child));

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = &g_array_index (self->entries, Entry, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *check = gtk_check_button_new_with_label (crm_field_get_label (e->field));
      GtkWidget *up, *down;

      gtk_widget_set_hexpand (check, TRUE);
      gtk_widget_set_margin_start (check, 6);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), e->shown);
      g_object_set_data_full (G_OBJECT (check), "crm-field", g_strdup (crm_field_get_api_name (e->field)), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), check);

      up = move_button (self, e, -1, e->shown && i > 0);
      down = move_button (self, e, 1, e->shown && i + 1 < shown);
      gtk_widget_set_visible (up, e->shown);
      gtk_widget_set_visible (down, e->shown);
      gtk_box_append (GTK_BOX (box), up);
      gtk_box_append (GTK_BOX (box), down);
      gtk_list_box_append (self->list, box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (box)), FALSE);
      gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);

      if (focus_field && g_str_equal (focus_field, crm_field_get_api_name (e->field)))
        {
          /* Keep the focus where the key was pressed, so that repeated
           * presses keep moving the same column. */
          if (focus_on > 0 && gtk_widget_get_sensitive (down))
            focus = down;
          else if (focus_on != 0 && gtk_widget_get_sensitive (up))
            focus = up;
          else if (focus_on < 0 && gtk_widget_get_sensitive (down))
            focus = down;
          else
            focus = check;
        }
    }
  if (focus)
    gtk_widget_grab_focus (focus);
}

void
crm_column_chooser_set_columns (CrmColumnChooser   *self,
                                const char * const *columns)
{
  GPtrArray *fields;

  g_return_if_fail (CRM_IS_COLUMN_CHOOSER (self));

  g_array_set_size (self->entries, 0);
  for (guint i = 0; columns && columns[i]; i++)
    {
      CrmField *field = crm_module_get_field (self->module, columns[i]);
      Entry e;

      if (field == NULL || find_entry (self, columns[i]) >= 0)
        continue;
      e.field = g_object_ref (field);
      e.shown = TRUE;
      g_array_append_val (self->entries, e);
    }

  fields = crm_module_get_fields (self->module);
  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      Entry e;

      if (crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN) || find_entry (self, crm_field_get_api_name (field)) >= 0)
        continue;
      e.field = g_object_ref (field);
      e.shown = FALSE;
      g_array_append_val (self->entries, e);
    }
  rebuild (self, NULL, 0);
}

static void
on_reset_clicked_cb (CrmColumnChooser *self)
{
  g_signal_emit (self, signals [RESET], 0);
}

static void
crm_column_chooser_dispose (GObject *object)
{
  CrmColumnChooser *self = (CrmColumnChooser *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_COLUMN_CHOOSER);
  /* Template children that are not bound to a field stay parented. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->module);

  G_OBJECT_CLASS (crm_column_chooser_parent_class)->dispose (object);
}

static void
crm_column_chooser_finalize (GObject *object)
{
  CrmColumnChooser *self = (CrmColumnChooser *)object;

  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (crm_column_chooser_parent_class)->finalize (object);
}

static void
crm_column_chooser_class_init (CrmColumnChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_column_chooser_dispose;
  object_class->finalize = crm_column_chooser_finalize;

  signals [CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals [RESET] = g_signal_new ("reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crm/ui/crm-column-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmColumnChooser, list);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crm_column_chooser_init (CrmColumnChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
}

GtkWidget *
crm_column_chooser_new (CrmModule *module)
{
  CrmColumnChooser *self;

  g_return_val_if_fail (CRM_IS_MODULE (module), NULL);

  self = g_object_new (CRM_TYPE_COLUMN_CHOOSER, NULL);
  self->module = g_object_ref (module);
  return GTK_WIDGET (self);
}
