/* crm-record-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-record-card"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-kanban.h"
#include "crm-record-card.h"

/* A record as a card: its title, up to four fields, the owner's avatar and
 * a badge when it is late. Kanban columns and the Canvas grid recycle
 * these in list views, so binding does no more than a few point lookups. */

#define N_COLOURS 8

/*
 * CrmCardLayout
 */

struct _CrmCardLayout
{
  GObject     parent_instance;

  CrmStore   *store;
  char       *module;
  char       *title_field;
  GStrv       fields;
  char       *colour_field;
  char       *hidden_field;
  GMenuModel *menu;
};

G_DEFINE_FINAL_TYPE (CrmCardLayout, crm_card_layout, G_TYPE_OBJECT)

enum {
  LAYOUT_CHANGED,
  N_LAYOUT_SIGNALS
};

static guint layout_signals [N_LAYOUT_SIGNALS];

static void
rebuild_menu (CrmCardLayout *self,
              GMenuModel    *move)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();

  g_menu_append (open, _("_Open"), "card.open");
  g_menu_append (open, _("_Edit…"), "card.edit");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));
  if (move != NULL && g_menu_model_get_n_items (move) > 0)
    {
      g_autoptr(GMenu) moves = g_menu_new ();

      g_menu_append_submenu (moves, _("_Move To"), move);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
    }
  g_set_object (&self->menu, G_MENU_MODEL (menu));
}

static void
crm_card_layout_finalize (GObject *object)
{
  CrmCardLayout *self = (CrmCardLayout *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->menu);
  g_free (self->module);
  g_free (self->title_field);
  g_strfreev (self->fields);
  g_free (self->colour_field);
  g_free (self->hidden_field);

  G_OBJECT_CLASS (crm_card_layout_parent_class)->finalize (object);
}

static void
crm_card_layout_class_init (CrmCardLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_card_layout_finalize;

  layout_signals [LAYOUT_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
crm_card_layout_init (CrmCardLayout *self)
{
  rebuild_menu (self, NULL);
}

static void
read_settings (CrmCardLayout *self)
{
  g_free (self->title_field);
  g_strfreev (self->fields);
  g_free (self->colour_field);
  self->title_field = crm_card_dup_title_field (self->store, self->module);
  self->fields = crm_card_dup_fields (self->store, self->module);
  self->colour_field = crm_card_dup_colour_field (self->store, self->module);
}

CrmCardLayout *
crm_card_layout_new (CrmStore   *store,
                     const char *module)
{
  CrmCardLayout *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (module != NULL, NULL);

  self = g_object_new (CRM_TYPE_CARD_LAYOUT, NULL);
  self->store = g_object_ref (store);
  self->module = g_strdup (module);
  read_settings (self);
  return self;
}

CrmStore *
crm_card_layout_get_store (CrmCardLayout *self)
{
  return self->store;
}

CrmModule *
crm_card_layout_get_module (CrmCardLayout *self)
{
  return crm_store_get_module (self->store, self->module);
}

void
crm_card_layout_reload (CrmCardLayout *self)
{
  g_return_if_fail (CRM_IS_CARD_LAYOUT (self));

  read_settings (self);
  g_signal_emit (self, layout_signals [LAYOUT_CHANGED], 0);
}

void
crm_card_layout_set (CrmCardLayout      *self,
                     const char         *title_field,
                     const char * const *fields,
                     const char         *colour_field)
{
  g_return_if_fail (CRM_IS_CARD_LAYOUT (self));

  g_free (self->title_field);
  g_strfreev (self->fields);
  g_free (self->colour_field);
  self->title_field = g_strdup (title_field);
  self->fields = fields ? g_strdupv ((char **) fields) : g_new0 (char *, 1);
  self->colour_field = g_strdup (colour_field);
  g_signal_emit (self, layout_signals [LAYOUT_CHANGED], 0);
}

void
crm_card_layout_set_hidden_field (CrmCardLayout *self,
                                  const char    *field)
{
  g_return_if_fail (CRM_IS_CARD_LAYOUT (self));

  if (g_strcmp0 (self->hidden_field, field) == 0)
    return;
  g_free (self->hidden_field);
  self->hidden_field = g_strdup (field);
  g_signal_emit (self, layout_signals [LAYOUT_CHANGED], 0);
}

void
crm_card_layout_set_move_menu (CrmCardLayout *self,
                               GMenuModel    *menu)
{
  g_return_if_fail (CRM_IS_CARD_LAYOUT (self));

  rebuild_menu (self, menu);
  g_signal_emit (self, layout_signals [LAYOUT_CHANGED], 0);
}

/*
 * CrmRecordCard
 */

struct _CrmRecordCard
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkWidget      *frame;
  GtkWidget      *stripe;
  GtkLabel       *title;
  GtkMenuButton  *menu_button;
  GtkGrid        *fields;
  AdwAvatar      *avatar;
  GtkLabel       *owner;
  GtkLabel       *overdue;

  /* Owned references */
  CrmCardLayout  *layout;
  CrmRecord      *record;
  GtkWidget      *labels [CRM_CARD_MAX_FIELDS];
  GtkWidget      *values [CRM_CARD_MAX_FIELDS];

  gulong          layout_changed_id;
  int             colour;
};

G_DEFINE_FINAL_TYPE (CrmRecordCard, crm_record_card, GTK_TYPE_WIDGET)

static char *
format_field (CrmRecordCard *self,
              CrmField      *field)
{
  GVariant *value = crm_record_get_value (self->record, crm_field_get_api_name (field));
  char *text;

  if (value == NULL)
    return NULL;
  /* Dates come padded for columns ("␣7 Jan"); a card reads better without. */
  text = crm_store_format_value (self->layout->store, field, value);
  return text ? g_strstrip (text) : NULL;
}

static void
set_colour (CrmRecordCard *self,
            int            colour)
{
  g_autofree char *old = g_strdup_printf ("record-card-colour-%d", self->colour);
  g_autofree char *new = g_strdup_printf ("record-card-colour-%d", colour);

  if (self->colour >= 0)
    gtk_widget_remove_css_class (self->frame, old);
  if (colour >= 0)
    gtk_widget_add_css_class (self->frame, new);
  gtk_widget_set_visible (self->stripe, colour >= 0);
  self->colour = colour;
}

static int
colour_of (CrmRecordCard *self,
           CrmModule     *module)
{
  CrmField *field;
  const char *value;
  GPtrArray *picklist;

  if (self->layout->colour_field == NULL ||
      (field = crm_module_get_field (module, self->layout->colour_field)) == NULL ||
      (value = crm_record_get_string (self->record, self->layout->colour_field)) == NULL)
    return -1;
  picklist = crm_field_get_picklist (field);
  for (guint i = 0; i < picklist->len; i++)
    if (g_str_equal (g_ptr_array_index (picklist, i), value))
      return i % N_COLOURS;
  return -1;
}

static void
update (CrmRecordCard *self)
{
  CrmModule *module;
  g_autoptr(GString) accessible = NULL;
  g_autofree char *title = NULL;
  g_autofree char *owner = NULL;
  CrmField *title_field = NULL;
  guint row = 0;
  gboolean late;

  if (self->record == NULL || self->layout == NULL)
    return;

  module = crm_record_get_module (self->record);
  if (self->layout->title_field != NULL)
    title_field = crm_module_get_field (module, self->layout->title_field);
  title = title_field ? format_field (self, title_field) : crm_record_dup_title (self->record);
  if (title == NULL || *title == '\0')
    {
      g_free (title);
      /* Translators: a record with an empty name, e.g. "Deal #12" */
      title = g_strdup_printf (_("%s #%" G_GINT64_FORMAT), crm_module_get_singular (module),
                               crm_record_get_id (self->record));
    }
  gtk_label_set_label (self->title, title);
  accessible = g_string_new (title);

  for (guint i = 0; self->layout->fields[i] != NULL && row < CRM_CARD_MAX_FIELDS; i++)
    {
      CrmField *field = crm_module_get_field (module, self->layout->fields[i]);
      g_autofree char *text = NULL;

      if (field == NULL || g_strcmp0 (self->layout->hidden_field, self->layout->fields[i]) == 0)
        continue;
      text = format_field (self, field);
      gtk_label_set_label (GTK_LABEL (self->labels[row]), crm_field_get_label (field));
      gtk_label_set_label (GTK_LABEL (self->values[row]), text ? text : "—");
      gtk_widget_set_visible (self->labels[row], TRUE);
      gtk_widget_set_visible (self->values[row], TRUE);
      if (text != NULL)
        g_string_append_printf (accessible, ", %s: %s", crm_field_get_label (field), text);
      row++;
    }
  for (; row < CRM_CARD_MAX_FIELDS; row++)
    {
      gtk_widget_set_visible (self->labels[row], FALSE);
      gtk_widget_set_visible (self->values[row], FALSE);
    }

  owner = crm_store_dup_user_name (self->layout->store, crm_record_get_int (self->record, "owner_id", 0));
  adw_avatar_set_text (self->avatar, owner);
  gtk_label_set_label (self->owner, owner ? owner : "");
  gtk_widget_set_visible (GTK_WIDGET (self->avatar), owner != NULL);
  if (owner != NULL)
    g_string_append_printf (accessible, ", %s: %s", _("Owner"), owner);

  late = crm_record_is_overdue (self->layout->store, self->record);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue), late);
  if (late)
    {
      const char *due_field = crm_kanban_get_due_field (module);
      g_autofree char *due = format_field (self, crm_module_get_field (module, due_field));
      g_autofree char *tooltip = NULL;

      /* Translators: tooltip of the Overdue badge; %s is a date */
      tooltip = g_strdup_printf (g_str_equal (due_field, "closing_date") ? _("Closing date %s has passed")
                                                                         : _("Due date %s has passed"), due);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->overdue), tooltip);
      g_string_append_printf (accessible, ", %s", _("overdue"));
    }

  set_colour (self, colour_of (self, module));

  gtk_menu_button_set_menu_model (self->menu_button, self->layout->menu);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str, -1);
  {
    /* Translators: the menu button of a card; %s is the record's name */
    g_autofree char *menu_label = g_strdup_printf (_("Actions for %s"), title);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    menu_label, -1);
  }
}

/*
 * Actions
 */

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrmRecordCard *self = CRM_RECORD_CARD (widget);

  if (self->record != NULL)
    gtk_widget_activate_action (widget, "win.show-record", "(sx)",
                                crm_module_get_api_name (crm_record_get_module (self->record)),
                                crm_record_get_id (self->record));
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrmRecordCard *self = CRM_RECORD_CARD (widget);

  if (self->record != NULL)
    gtk_widget_activate_action (widget, "win.edit-record", "(sx)",
                                crm_module_get_api_name (crm_record_get_module (self->record)),
                                crm_record_get_id (self->record));
}

static void
move_to_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrmRecordCard *self = CRM_RECORD_CARD (widget);

  if (self->record != NULL)
    gtk_widget_activate_action (widget, "kanban.move-to", "(xs)", crm_record_get_id (self->record),
                                g_variant_get_string (parameter, NULL));
}

static void
move_by_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrmRecordCard *self = CRM_RECORD_CARD (widget);

  if (self->record != NULL)
    gtk_widget_activate_action (widget, "kanban.move-by", "(xi)", crm_record_get_id (self->record),
                                g_str_equal (action_name, "card.move-left") ? -1 : 1);
}

static void
menu_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gtk_menu_button_popup (CRM_RECORD_CARD (widget)->menu_button);
}

/*
 * GObject
 */

static void
crm_record_card_dispose (GObject *object)
{
  CrmRecordCard *self = (CrmRecordCard *)object;

  if (self->layout != NULL)
    g_clear_signal_handler (&self->layout_changed_id, self->layout);
  g_clear_object (&self->layout);
  g_clear_object (&self->record);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_RECORD_CARD);

  G_OBJECT_CLASS (crm_record_card_parent_class)->dispose (object);
}

static void
crm_record_card_class_init (CrmRecordCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_record_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crm/ui/crm-record-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmRecordCard, frame);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordCard, stripe);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordCard, title);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordCard, fields);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordCard, avatar);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordCard, owner);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordCard, overdue);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "recordcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "card.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "card.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "card.move-to", "s", move_to_action_cb);
  gtk_widget_class_install_action (widget_class, "card.move-left", NULL, move_by_action_cb);
  gtk_widget_class_install_action (widget_class, "card.move-right", NULL, move_by_action_cb);
  gtk_widget_class_install_action (widget_class, "card.menu", NULL, menu_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "card.move-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "card.move-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "card.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "card.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "card.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "card.menu", NULL);
}

static void
crm_record_card_init (CrmRecordCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->colour = -1;

  for (guint i = 0; i < CRM_CARD_MAX_FIELDS; i++)
    {
      self->labels[i] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->labels[i]), 0);
      gtk_widget_add_css_class (self->labels[i], "dim-label");
      gtk_widget_add_css_class (self->labels[i], "caption");
      gtk_widget_set_valign (self->labels[i], GTK_ALIGN_BASELINE);

      self->values[i] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->values[i]), 0);
      gtk_label_set_ellipsize (GTK_LABEL (self->values[i]), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (self->values[i], TRUE);
      gtk_widget_set_valign (self->values[i], GTK_ALIGN_BASELINE);
      gtk_widget_add_css_class (self->values[i], "record-card-value");

      gtk_grid_attach (self->fields, self->labels[i], 0, i, 1, 1);
      gtk_grid_attach (self->fields, self->values[i], 1, i, 1, 1);
    }
}

static void
on_layout_changed_cb (CrmRecordCard *self)
{
  update (self);
}

GtkWidget *
crm_record_card_new (CrmCardLayout *layout)
{
  CrmRecordCard *self;

  g_return_val_if_fail (CRM_IS_CARD_LAYOUT (layout), NULL);

  self = g_object_new (CRM_TYPE_RECORD_CARD, NULL);
  self->layout = g_object_ref (layout);
  self->layout_changed_id = g_signal_connect_swapped (layout, "changed", G_CALLBACK (on_layout_changed_cb), self);
  return GTK_WIDGET (self);
}

void
crm_record_card_set_record (CrmRecordCard *self,
                            CrmRecord     *record)
{
  g_return_if_fail (CRM_IS_RECORD_CARD (self));

  g_set_object (&self->record, record);
  update (self);
}

CrmRecord *
crm_record_card_get_record (CrmRecordCard *self)
{
  g_return_val_if_fail (CRM_IS_RECORD_CARD (self), NULL);
  return self->record;
}

gint64
crm_record_card_get_id (CrmRecordCard *self)
{
  g_return_val_if_fail (CRM_IS_RECORD_CARD (self), 0);
  return self->record ? crm_record_get_id (self->record) : 0;
}

void
crm_record_card_set_drop_hint (CrmRecordCard *self,
                               int            hint)
{
  g_return_if_fail (CRM_IS_RECORD_CARD (self));

  if (hint < 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "drop-above");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-above");
  if (hint > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "drop-below");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-below");
}
