/* crm-record-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-record-card"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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
  GHashTable *owners;      /* user id -> name, for the avatars */
  int         tab_width;   /* px from a field's label to its value; 0: to measure */
  int         for_width;   /* every card has the same height for a width: */
  int         height;      /* the first card measured tells the others */
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

      /* The items show their shortcuts, Ctrl+Shift+Left and Right. */
      g_menu_append (moves, _("Move to _Previous Column"), "card.move-left");
      g_menu_append (moves, _("Move to _Next Column"), "card.move-right");
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
  g_clear_pointer (&self->owners, g_hash_table_unref);
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
  self->owners = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  rebuild_menu (self, NULL);
}

/* Few people own many cards: one lookup each. */
static const char *
owner_name (CrmCardLayout *self,
            gint64         id)
{
  const char *name = g_hash_table_lookup (self->owners, &id);

  if (name == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      name = crm_store_dup_user_name (self->store, id);
      g_hash_table_insert (self->owners, key, name ? (char *) name : g_strdup (""));
      name = g_hash_table_lookup (self->owners, &id);
    }
  return *name ? name : NULL;
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
  self->tab_width = 0;
  self->for_width = self->height = 0;
  g_hash_table_remove_all (self->owners);
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
  self->tab_width = 0;
  self->for_width = self->height = 0;
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
  self->for_width = self->height = 0;
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

  /* Children, built in code: a board makes hundreds of cards at once
   * (GTK 4.8 list views keep up to 200 rows alive), so every widget and
   * every template parse counts. */
  GtkWidget      *frame;
  GtkWidget      *stripe;
  GtkLabel       *title;
  GtkMenuButton  *menu_button;
  GtkLabel       *fields;
  AdwAvatar      *avatar;
  GtkLabel       *owner;
  GtkLabel       *overdue;

  /* Owned references */
  CrmCardLayout  *layout;
  CrmRecord      *record;

  gulong          layout_changed_id;
  int             colour;
  int             tab_width;
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
  text = crm_store_format_value (self->layout->store, field, value);
  if (text == NULL)
    return NULL;
  /* Dates come padded for columns with a figure space (GLib's %e); a card
   * reads better without. */
  while (g_str_has_prefix (text, "\u2007"))
    memmove (text, text + strlen ("\u2007"), strlen (text) - strlen ("\u2007") + 1);
  return g_strstrip (text);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

static void
set_colour (CrmRecordCard *self,
            int            colour)
{
  char name[32];

  if (colour == self->colour)
    return;
  if (self->colour >= 0)
    {
      g_snprintf (name, sizeof name, "record-card-colour-%d", self->colour);
      gtk_widget_remove_css_class (self->frame, name);
    }
  if (colour >= 0)
    {
      g_snprintf (name, sizeof name, "record-card-colour-%d", colour);
      gtk_widget_add_css_class (self->frame, name);
    }
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

/* Labels and values share one GtkLabel, lined up by a tab stop just past
 * the widest label. */
static void
update_tabs (CrmRecordCard *self,
             CrmModule     *module)
{
  if (self->layout->tab_width == 0)
    {
      g_autoptr(PangoLayout) pango = gtk_widget_create_pango_layout (GTK_WIDGET (self->fields), NULL);
      int widest = 0;

      for (guint i = 0; self->layout->fields[i] != NULL; i++)
        {
          CrmField *field = crm_module_get_field (module, self->layout->fields[i]);
          g_autofree char *markup = NULL;
          int width;

          if (field == NULL)
            continue;
          markup = g_markup_printf_escaped ("<small>%s</small>", crm_field_get_label (field));
          pango_layout_set_markup (pango, markup, -1);
          pango_layout_get_pixel_size (pango, &width, NULL);
          widest = MAX (widest, width);
        }
      self->layout->tab_width = widest + 12;
    }

  if (self->tab_width != self->layout->tab_width)
    {
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, self->layout->tab_width);

      gtk_label_set_tabs (self->fields, tabs);
      pango_tab_array_free (tabs);
      self->tab_width = self->layout->tab_width;
    }
}

static void
update (CrmRecordCard *self)
{
  CrmModule *module;
  g_autoptr(GString) accessible = NULL;
  g_autoptr(GString) markup = NULL;
  g_autofree char *title = NULL;
  g_autofree char *menu_label = NULL;
  const char *owner;
  CrmField *title_field = NULL;
  guint shown = 0;
  gboolean late;

  if (self->record == NULL || self->layout == NULL)
    return;

  module = crm_record_get_module (self->record);
  if (self->layout->title_field != NULL)
    title_field = crm_module_get_field (module, self->layout->title_field);
  title = title_field ? format_field (self, title_field) : crm_record_dup_title (self->record);
  if (title == NULL || *title == '\0')
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, crm_record_get_id (self->record));

      g_free (title);
      /* Translators: a record with an empty name, e.g. "Deal #12" */
      title = g_strdup_printf (_("%s #%s"), crm_module_get_singular (module), number);
    }
  /* No tooltip with the whole title: setting one per bind cost as much as
   * the rest of the card. The accessible name has it. */
  set_label (self->title, title);
  accessible = g_string_new (title);

  update_tabs (self, module);
  markup = g_string_new (NULL);
  for (guint i = 0; self->layout->fields[i] != NULL && shown < CRM_CARD_MAX_FIELDS; i++)
    {
      CrmField *field = crm_module_get_field (module, self->layout->fields[i]);
      g_autofree char *text = NULL;
      g_autofree char *line = NULL;

      if (field == NULL || g_strcmp0 (self->layout->hidden_field, self->layout->fields[i]) == 0)
        continue;
      text = format_field (self, field);
      line = g_markup_printf_escaped ("%s<span alpha=\"55%%\"><small>%s</small></span>\t%s",
                                      shown > 0 ? "\n" : "", crm_field_get_label (field), text ? text : "—");
      g_string_append (markup, line);
      if (text != NULL)
        g_string_append_printf (accessible, ", %s: %s", crm_field_get_label (field), text);
      shown++;
    }
  if (g_strcmp0 (gtk_label_get_label (self->fields), markup->str) != 0)
    gtk_label_set_markup (self->fields, markup->str);
  gtk_widget_set_visible (GTK_WIDGET (self->fields), shown > 0);

  owner = owner_name (self->layout, crm_record_get_int (self->record, "owner_id", 0));
  if (g_strcmp0 (adw_avatar_get_text (self->avatar), owner) != 0)
    adw_avatar_set_text (self->avatar, owner);
  set_label (self->owner, owner ? owner : "");
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

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str, -1);
  /* Translators: the menu button of a card; %s is the record's name */
  menu_label = g_strdup_printf (_("Actions for %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
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
 * Size
 */

#define CARD_MIN_WIDTH 220
#define CARD_NAT_WIDTH 280

/* Lists and grids measure every card they keep (up to 200 in GTK 4.8),
 * and shaping their text again and again was most of the cost of
 * scrolling. Cards have a fixed structure (one title line, the layout's
 * fields, one footer line), so the width comes from the view and the
 * height from the first card measured at that width. */
static void
crm_record_card_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CrmRecordCard *self = CRM_RECORD_CARD (widget);
  CrmCardLayout *layout = self->layout;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = CARD_MIN_WIDTH;
      *natural = CARD_NAT_WIDTH;
      return;
    }
  if (layout != NULL && for_size > 0 && layout->for_width == for_size && layout->height > 0)
    {
      *minimum = *natural = layout->height;
      return;
    }
  gtk_widget_measure (self->frame, orientation, MAX (for_size, CARD_MIN_WIDTH), minimum, natural, NULL, NULL);
  if (layout != NULL && for_size > 0 && self->record != NULL)
    {
      layout->for_width = for_size;
      layout->height = *natural;
    }
}

static void
crm_record_card_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  gtk_widget_size_allocate (CRM_RECORD_CARD (widget)->frame, &(GtkAllocation) { 0, 0, width, height }, baseline);
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
  g_clear_pointer (&self->frame, gtk_widget_unparent);

  G_OBJECT_CLASS (crm_record_card_parent_class)->dispose (object);
}

static void
crm_record_card_class_init (CrmRecordCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_record_card_dispose;

  widget_class->measure = crm_record_card_measure;
  widget_class->size_allocate = crm_record_card_size_allocate;
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
  /* Menus show the last binding of an action: Enter, not the keypad's. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "card.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "card.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "card.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "card.menu", NULL);
}

/* Building a popover per card and per bind would cost more than the rest
 * of the card: the menu is made when it opens. */
static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  CrmRecordCard *self = CRM_RECORD_CARD (user_data);

  if (self->layout != NULL && gtk_menu_button_get_menu_model (button) != self->layout->menu)
    gtk_menu_button_set_menu_model (button, self->layout->menu);
}

static GtkWidget *
new_label (const char *css_class,
           gboolean    expand)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, expand);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
crm_record_card_init (CrmRecordCard *self)
{
  GtkWidget *content, *head, *footer;

  self->colour = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  self->frame = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->frame, "card");
  gtk_widget_add_css_class (self->frame, "record-card");
  gtk_widget_set_parent (self->frame, GTK_WIDGET (self));

  self->stripe = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->stripe, "record-card-stripe");
  gtk_widget_set_visible (self->stripe, FALSE);
  gtk_box_append (GTK_BOX (self->frame), self->stripe);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (content, "record-card-content");
  gtk_widget_set_hexpand (content, TRUE);
  gtk_box_append (GTK_BOX (self->frame), content);

  head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (content), head);
  /* One line, so that every card of a view has the same height. */
  self->title = GTK_LABEL (new_label ("heading", TRUE));
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (GTK_WIDGET (self->title), 4);
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (self->title));

  self->menu_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->menu_button, "view-more-symbolic");
  gtk_widget_set_valign (GTK_WIDGET (self->menu_button), GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), _("Actions"));
  gtk_widget_add_css_class (GTK_WIDGET (self->menu_button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->menu_button), "circular");
  gtk_menu_button_set_create_popup_func (self->menu_button, create_popup_cb, self, NULL);
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (self->menu_button));

  self->fields = GTK_LABEL (new_label ("record-card-fields", FALSE));
  gtk_label_set_ellipsize (self->fields, PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_end (GTK_WIDGET (self->fields), 6);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->fields));

  footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (footer, "record-card-footer");
  gtk_widget_set_margin_end (footer, 6);
  gtk_box_append (GTK_BOX (content), footer);
  self->avatar = ADW_AVATAR (adw_avatar_new (22, NULL, TRUE));
  gtk_box_append (GTK_BOX (footer), GTK_WIDGET (self->avatar));
  self->owner = GTK_LABEL (new_label ("caption", TRUE));
  gtk_widget_add_css_class (GTK_WIDGET (self->owner), "dim-label");
  gtk_label_set_ellipsize (self->owner, PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (footer), GTK_WIDGET (self->owner));
  /* Translators: a badge on a card whose closing or due date has passed */
  self->overdue = GTK_LABEL (gtk_label_new (C_("card badge", "Overdue")));
  gtk_widget_add_css_class (GTK_WIDGET (self->overdue), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->overdue), "record-card-overdue");
  gtk_widget_set_visible (GTK_WIDGET (self->overdue), FALSE);
  gtk_box_append (GTK_BOX (footer), GTK_WIDGET (self->overdue));
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
