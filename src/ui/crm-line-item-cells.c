/* crm-line-item-cells.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-line-item-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-documents.h"
#include "crm-line-item-editor-private.h"
#include "crm-money.h"
#include "crm-pricing.h"

/*
 * Cells
 *
 * Every cell's child carries the row it shows as object data "row" while
 * bound, and a GSignalGroup "signals" that follows that row.
 */

static CrmLineRow *
cell_row (GtkWidget *widget)
{
  /* the cell child is the nearest ancestor with a row */
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      CrmLineRow *row = g_object_get_data (G_OBJECT (widget), "row");
      if (row != NULL)
        return row;
      if (g_object_get_data (G_OBJECT (widget), "cell") != NULL)
        return NULL;
    }
  return NULL;
}

static CrmLineItemEditor *
cell_editor (GtkWidget *widget)
{
  return CRM_LINE_ITEM_EDITOR (gtk_widget_get_ancestor (widget, CRM_TYPE_LINE_ITEM_EDITOR));
}

static void
set_entry_text (GtkEntry   *entry,
                const char *text)
{
  g_signal_handlers_block_matched (entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  g_signal_handlers_unblock_matched (entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, entry);
}

static void
mark_entry (GtkWidget  *entry,
            CrmLineRow *row,
            const char *field)
{
  gboolean bad = row != NULL && g_strcmp0 (row->error_field, field) == 0;

  if (bad)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  gtk_widget_set_tooltip_text (entry, bad ? row->error : NULL);
}

static GtkWidget *
make_cell (GtkListItem *item,
           GtkWidget   *child)
{
  GSignalGroup *group = g_signal_group_new (CRM_TYPE_LINE_ROW);

  g_object_set_data (G_OBJECT (child), "cell", GINT_TO_POINTER (1));
  g_object_set_data_full (G_OBJECT (child), "signals", group, g_object_unref);
  gtk_list_item_set_child (item, child);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  return child;
}

static void
bind_cell (GtkListItem *item)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  CrmLineRow *row = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (child), "row", row);
  g_signal_group_set_target (g_object_get_data (G_OBJECT (child), "signals"), row);
}

static void
unbind_cell (GtkListItemFactory *factory,
             GtkListItem        *item,
             gpointer            user_data)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  g_signal_group_set_target (g_object_get_data (G_OBJECT (child), "signals"), NULL);
  g_object_set_data (G_OBJECT (child), "row", NULL);
}

/* Drag and drop: the handle drags its row; every cell accepts a drop and
 * puts the dragged row in its place. */

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    GtkWidget     *handle)
{
  CrmLineRow *row = cell_row (handle);

  if (row == NULL)
    return NULL;
  return gdk_content_provider_new_typed (CRM_TYPE_LINE_ROW, row);
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  GtkWidget     *handle)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (handle);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            GtkWidget     *cell)
{
  CrmLineItemEditor *self = cell_editor (cell);
  CrmLineRow *dragged = g_value_get_object (value);
  CrmLineRow *onto = cell_row (cell);
  guint from, to;

  if (self == NULL || dragged == NULL || onto == NULL)
    return FALSE;
  from = _crm_line_item_editor_row_position (self, dragged);
  to = _crm_line_item_editor_row_position (self, onto);
  if (from == G_MAXUINT || to == G_MAXUINT)
    return FALSE;
  _crm_line_item_editor_move_line (self, from, to);
  return TRUE;
}

static void
add_drop_target (GtkWidget *cell)
{
  GtkDropTarget *target = gtk_drop_target_new (CRM_TYPE_LINE_ROW, GDK_ACTION_MOVE);

  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), cell);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (target));
}

/* Popovers of the cells are made when opened and dropped when closed:
 * two hundred rows of ready popovers make a long document slow to open,
 * and a recycled cell must not keep the previous row's choices. */
static gboolean
drop_popover_cb (gpointer data)
{
  GtkMenuButton *menu_button = data;
  GtkPopover *popover = gtk_menu_button_get_popover (menu_button);

  if (popover != NULL && !gtk_widget_get_visible (GTK_WIDGET (popover)))
    gtk_menu_button_set_popover (menu_button, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_popup_closed_cb (GtkPopover    *popover,
                    GtkMenuButton *menu_button)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, drop_popover_cb, g_object_ref (menu_button), g_object_unref);
}

static void
set_transient_popover (GtkMenuButton *menu_button,
                       GtkWidget     *popover)
{
  gtk_menu_button_set_popover (menu_button, popover);
  g_signal_connect_object (popover, "closed", G_CALLBACK (on_popup_closed_cb), menu_button, 0);
}

/* Column: drag handle and number */

static void
setup_handle_cb (GtkListItemFactory *factory,
                 GtkListItem        *item,
                 gpointer            user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *number = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_add_css_class (handle, "dim-label");
  gtk_widget_set_tooltip_text (handle, _("Drag to move the line"));
  gtk_widget_set_cursor_from_name (handle, "grab");
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (number, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (number), 3);
  gtk_label_set_xalign (GTK_LABEL (number), 1);
  gtk_box_append (GTK_BOX (box), handle);
  gtk_box_append (GTK_BOX (box), number);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), box);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), box);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (source));

  make_cell (item, box);
  add_drop_target (box);
  g_object_set_data (G_OBJECT (box), "number", number);
}

static void
bind_handle_cb (GtkListItemFactory *factory,
                GtkListItem        *item,
                gpointer            user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  CrmLineRow *row = gtk_list_item_get_item (item);
  g_autofree char *number = g_strdup_printf ("%u", row->number);

  bind_cell (item);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "number"), number);
}

static void
on_row_number_cb (CrmLineRow *row,
                  GParamSpec *pspec,
                  GtkWidget  *box)
{
  g_autofree char *number = g_strdup_printf ("%u", row->number);

  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "number"), number);
}

/* Column: item (name, product picker, description) */

static void
on_name_changed_cb (GtkEntry *entry,
                    gpointer  user_data)
{
  CrmLineRow *row = cell_row (GTK_WIDGET (entry));
  CrmLineItemEditor *self = cell_editor (GTK_WIDGET (entry));

  if (row == NULL || self == NULL)
    return;
  g_free (row->line->name);
  row->line->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  _crm_line_item_editor_set_dirty (self, TRUE);
}

static void
on_description_changed_cb (GtkEntry *entry,
                           gpointer  user_data)
{
  CrmLineRow *row = cell_row (GTK_WIDGET (entry));
  CrmLineItemEditor *self = cell_editor (GTK_WIDGET (entry));

  if (row == NULL || self == NULL)
    return;
  g_free (row->line->description);
  row->line->description = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  _crm_line_item_editor_set_dirty (self, TRUE);
}

static void
fill_product_list (GtkListBox        *list,
                   CrmLineItemEditor *self,
                   const char        *text)
{
  g_autoptr(GPtrArray) hits = crm_documents_find_products (self->store, text, 30);
  g_autofree char *home = crm_store_dup_home_currency (self->store);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = 0; i < hits->len; i++)
    {
      CrmProductHit *hit = g_ptr_array_index (hits, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *price = crm_money_format (hit->unit_price, home);
      GtkWidget *price_label = gtk_label_new (price);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hit->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (hit->code != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hit->code);
      gtk_widget_add_css_class (price_label, "numeric");
      gtk_widget_add_css_class (price_label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), price_label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "product-id", g_memdup2 (&hit->id, sizeof hit->id), g_free);
      gtk_list_box_append (list, row);
    }
}

static void
on_product_search_cb (GtkSearchEntry *entry,
                      GtkListBox     *list)
{
  CrmLineItemEditor *self = cell_editor (GTK_WIDGET (g_object_get_data (G_OBJECT (list), "button")));

  if (self != NULL)
    fill_product_list (list, self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_product_activated_cb (GtkListBox    *list,
                         GtkListBoxRow *list_row,
                         GtkWidget     *button)
{
  CrmLineItemEditor *self = cell_editor (button);
  CrmLineRow *row = cell_row (button);
  gint64 *product = g_object_get_data (G_OBJECT (list_row), "product-id");

  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  if (self == NULL || row == NULL || product == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.set-product", "(ux)",
                              _crm_line_item_editor_row_position (self, row), *product);
}

static void
create_product_popup_cb (GtkMenuButton *button,
                         gpointer       user_data)
{
  CrmLineItemEditor *self = cell_editor (GTK_WIDGET (button));
  GtkWidget *popover, *box, *search, *scroller, *list;

  if (self == NULL)
    return;
  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  search = gtk_search_entry_new ();
  scroller = gtk_scrolled_window_new ();
  list = gtk_list_box_new ();

  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (search), box);
  g_object_set (search, "placeholder-text", _("Search products"), NULL);
  gtk_widget_set_size_request (box, 320, -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_object_set_data (G_OBJECT (list), "button", button);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), search);

  {
    GtkWidget *none = gtk_label_new (_("No products found"));

    gtk_widget_add_css_class (none, "dim-label");
    gtk_widget_set_margin_top (none, 12);
    gtk_widget_set_margin_bottom (none, 12);
    gtk_list_box_set_placeholder (GTK_LIST_BOX (list), none);
  }
  g_signal_connect (search, "search-changed", G_CALLBACK (on_product_search_cb), list);
  g_signal_connect (list, "row-activated", G_CALLBACK (on_product_activated_cb), button);
  fill_product_list (GTK_LIST_BOX (list), self, "");
  set_transient_popover (button, popover);
}

static void
setup_item_cb (GtkListItemFactory *factory,
               GtkListItem        *item,
               gpointer            user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *pick = gtk_menu_button_new ();
  GtkWidget *description = gtk_entry_new ();

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_add_css_class (top, "linked");
  gtk_widget_set_hexpand (name, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("Product or service"));
  gtk_widget_set_name (name, "name-entry");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (pick), "system-search-symbolic");
  gtk_widget_set_tooltip_text (pick, _("Choose a product"));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (pick), create_product_popup_cb, NULL, NULL);
  gtk_entry_set_placeholder_text (GTK_ENTRY (description), _("Description"));
  gtk_widget_set_name (description, "description-entry");
  gtk_widget_add_css_class (description, "caption");
  gtk_widget_set_size_request (box, 260, -1);

  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), pick);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), description);
  g_signal_connect (name, "changed", G_CALLBACK (on_name_changed_cb), name);
  g_signal_connect (description, "changed", G_CALLBACK (on_description_changed_cb), description);

  make_cell (item, box);
  add_drop_target (box);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "description", description);
}

static void
refresh_item (GtkWidget  *box,
              CrmLineRow *row)
{
  set_entry_text (g_object_get_data (G_OBJECT (box), "name"), row->line->name);
  set_entry_text (g_object_get_data (G_OBJECT (box), "description"), row->line->description);
}

static void
bind_item_cb (GtkListItemFactory *factory,
              GtkListItem        *item,
              gpointer            user_data)
{
  bind_cell (item);
  refresh_item (gtk_list_item_get_child (item), gtk_list_item_get_item (item));
}

/* Columns: quantity, price, discount (text entries that parse) */

typedef enum
{
  NUMBER_QUANTITY,
  NUMBER_PRICE,
  NUMBER_DISCOUNT,
} NumberKind;

static const char *number_fields[] = { "quantity", "price", "discount" };

static char **
row_text_slot (CrmLineRow *row,
               NumberKind  kind)
{
  switch (kind)
    {
    case NUMBER_QUANTITY:
      return &row->quantity_text;
    case NUMBER_PRICE:
      return &row->price_text;
    case NUMBER_DISCOUNT:
    default:
      return &row->discount_text;
    }
}

static char *
row_number_text (CrmLineRow *row,
                 NumberKind  kind,
                 const char *currency)
{
  char **typed = row_text_slot (row, kind);

  if (*typed != NULL)
    return g_strdup (*typed);
  switch (kind)
    {
    case NUMBER_QUANTITY:
      return _crm_line_item_editor_format_quantity (row->line->item.quantity);
    case NUMBER_PRICE:
      return _crm_line_item_editor_format_money_input (row->line->item.list_price, currency);
    case NUMBER_DISCOUNT:
    default:
      return _crm_line_item_editor_format_discount (row->line->item.discount_kind, row->line->item.discount, currency);
    }
}

static void
on_number_changed_cb (GtkEntry *entry,
                      gpointer  user_data)
{
  CrmLineRow *row = cell_row (GTK_WIDGET (entry));
  CrmLineItemEditor *self = cell_editor (GTK_WIDGET (entry));
  NumberKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "kind"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  char **typed;
  gboolean ok = FALSE;

  if (row == NULL || self == NULL)
    return;
  typed = row_text_slot (row, kind);

  switch (kind)
    {
    case NUMBER_QUANTITY:
      {
        gint64 quantity = 0;
        ok = crm_decimal_parse (text, 3, &quantity, NULL);
        if (ok && quantity != row->line->item.quantity)
          {
            row->line->item.quantity = quantity;
            /* a price book's discount depends on the quantity range */
            if (row->line->price_book_id != 0 && quantity > 0 &&
                row->discount_text == NULL && row->price_text == NULL &&
                crm_documents_apply_price_book (self->store, row->line, row->line->price_book_id, NULL))
              g_signal_emit_by_name (row, "prices-changed");
          }
        break;
      }
    case NUMBER_PRICE:
      {
        gint64 price = 0;
        ok = *text == '\0' || crm_money_parse (text, self->currency, &price, NULL);
        if (ok)
          {
            row->line->item.list_price = price;
            /* typed by hand: no longer the price book's */
            row->line->price_book_id = 0;
          }
        break;
      }
    case NUMBER_DISCOUNT:
    default:
      {
        CrmDiscountKind discount_kind;
        gint64 discount = 0;
        ok = _crm_line_item_editor_parse_discount (text, self->currency, &discount_kind, &discount, NULL);
        if (ok)
          {
            row->line->item.discount_kind = discount_kind;
            row->line->item.discount = discount;
          }
        break;
      }
    }

  g_clear_pointer (typed, g_free);
  if (!ok)
    *typed = g_strdup (text);
  _crm_line_item_editor_line_changed (self, row);
}

static void
on_row_error_cb (CrmLineRow *row,
                 GParamSpec *pspec,
                 GtkWidget  *entry)
{
  NumberKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "kind"));

  mark_entry (entry, row, number_fields[kind]);
}

static void
on_price_book_clicked_cb (GtkButton *button,
                          GtkWidget *menu_button)
{
  CrmLineItemEditor *self = cell_editor (menu_button);
  CrmLineRow *row = cell_row (menu_button);
  gint64 *book = g_object_get_data (G_OBJECT (button), "book-id");

  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  if (self == NULL || row == NULL || book == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.set-price-book", "(ux)",
                              _crm_line_item_editor_row_position (self, row), *book);
}

static GtkWidget *
price_book_button (const char *title,
                   const char *price,
                   gint64      book_id,
                   GtkWidget  *menu_button)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (title);
  GtkWidget *amount = gtk_label_new (price);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (amount, "numeric");
  gtk_widget_add_css_class (amount, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), amount);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "book-id", g_memdup2 (&book_id, sizeof book_id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_price_book_clicked_cb), menu_button);
  return button;
}

static void
create_price_book_popup_cb (GtkMenuButton *menu_button,
                            gpointer       user_data)
{
  CrmLineItemEditor *self = cell_editor (GTK_WIDGET (menu_button));
  CrmLineRow *row = cell_row (GTK_WIDGET (menu_button));
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (_("List Price"));
  g_autoptr(GArray) books = NULL;
  g_autoptr(CrmRecord) product = NULL;

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_start (heading, 6);
  gtk_widget_set_margin_bottom (heading, 6);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  set_transient_popover (menu_button, popover);

  if (self == NULL || row == NULL)
    return;
  if (row->line->product_id == 0)
    {
      GtkWidget *none = gtk_label_new (_("Choose a product to see its price books"));
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (box), none);
      return;
    }

  product = crm_store_load_record (self->store, "products", row->line->product_id, NULL);
  if (product != NULL)
    {
      g_autofree char *price = crm_money_format (crm_record_get_int (product, "unit_price", 0), self->currency);
      gtk_box_append (GTK_BOX (box), price_book_button (_("Unit price"), price, 0, GTK_WIDGET (menu_button)));
    }
  books = crm_price_book_list_for_product (self->store, row->line->product_id);
  for (guint i = 0; i < books->len; i++)
    {
      CrmPriceBookEntry *entry = &g_array_index (books, CrmPriceBookEntry, i);
      g_autofree char *title = crm_store_dup_record_title (self->store, "price_books", entry->price_book_id);
      g_autofree char *price = crm_money_format (entry->list_price, self->currency);

      gtk_box_append (GTK_BOX (box), price_book_button (title, price, entry->price_book_id, GTK_WIDGET (menu_button)));
    }
}

static void
setup_number_cb (GtkListItemFactory *factory,
                 GtkListItem        *item,
                 gpointer            user_data)
{
  NumberKind kind = GPOINTER_TO_INT (user_data);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *entry = gtk_entry_new ();
  static const char *names[] = { "quantity-entry", "price-entry", "discount-entry" };
  GSignalGroup *group;

  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_margin_top (box, 4);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), kind == NUMBER_PRICE ? 10 : 6);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_widget_set_name (entry, names[kind]);
  g_object_set_data (G_OBJECT (entry), "kind", GINT_TO_POINTER (kind));
  if (kind == NUMBER_DISCOUNT)
    {
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "0%");
      gtk_widget_set_tooltip_text (entry, _("A percentage such as 10% or an amount"));
    }
  gtk_box_append (GTK_BOX (box), entry);

  if (kind == NUMBER_PRICE)
    {
      GtkWidget *books = gtk_menu_button_new ();

      gtk_widget_add_css_class (box, "linked");
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (books), "pan-down-symbolic");
      gtk_widget_set_tooltip_text (books, _("Take the list price from a price book"));
      gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (books), create_price_book_popup_cb, NULL, NULL);
      gtk_box_append (GTK_BOX (box), books);
    }

  g_signal_connect (entry, "changed", G_CALLBACK (on_number_changed_cb), entry);
  make_cell (item, box);
  add_drop_target (box);
  g_object_set_data (G_OBJECT (box), "entry", entry);
  group = g_object_get_data (G_OBJECT (box), "signals");
  g_signal_group_connect (group, "notify::error", G_CALLBACK (on_row_error_cb), entry);
}

static void
refresh_number (GtkWidget  *box,
                CrmLineRow *row)
{
  CrmLineItemEditor *self = cell_editor (box);
  GtkWidget *entry = g_object_get_data (G_OBJECT (box), "entry");
  NumberKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "kind"));
  g_autofree char *text = NULL;

  if (self == NULL)
    return;
  text = row_number_text (row, kind, self->currency);
  set_entry_text (GTK_ENTRY (entry), text);
  mark_entry (entry, row, number_fields[kind]);
}

static void
bind_number_cb (GtkListItemFactory *factory,
                GtkListItem        *item,
                gpointer            user_data)
{
  bind_cell (item);
  refresh_number (gtk_list_item_get_child (item), gtk_list_item_get_item (item));
}

/* Column: tax rate. A menu button, not a GtkDropDown: a drop-down builds
 * its popover up front, and two hundred of them make a long document
 * slow to open. */

static void
on_tax_clicked_cb (GtkButton *button,
                   GtkWidget *menu_button)
{
  CrmLineRow *row = cell_row (menu_button);
  CrmLineItemEditor *self = cell_editor (menu_button);
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "tax-rate-id");

  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  if (row == NULL || self == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.set-tax-rate", "(ux)", _crm_line_item_editor_row_position (self, row), id);
}

static char *
tax_rate_label (CrmTaxRate *rate)
{
  g_autofree char *percent = crm_decimal_format (rate->rate, 2);

  /* Translators: a tax rate in a menu, e.g. "PPN 11%" */
  return g_strdup_printf (_("%s %s%%"), rate->name, percent);
}

static GtkWidget *
tax_choice (const char *label,
            gint64      id,
            gboolean    current,
            GtkWidget  *menu_button)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_label_new (label);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_opacity (check, current ? 1.0 : 0.0);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), check);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "tax-rate-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_tax_clicked_cb), menu_button);
  return button;
}

static void
create_tax_popup_cb (GtkMenuButton *menu_button,
                     gpointer       user_data)
{
  CrmLineItemEditor *self = cell_editor (GTK_WIDGET (menu_button));
  CrmLineRow *row = cell_row (GTK_WIDGET (menu_button));
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  set_transient_popover (menu_button, popover);
  if (self == NULL || row == NULL)
    return;

  gtk_box_append (GTK_BOX (box), tax_choice (_("No tax"), 0, row->line->item.tax_rate == 0, GTK_WIDGET (menu_button)));
  for (guint i = 0; i < self->tax_rates->len; i++)
    {
      CrmTaxRate *rate = g_ptr_array_index (self->tax_rates, i);
      g_autofree char *label = tax_rate_label (rate);

      gtk_box_append (GTK_BOX (box), tax_choice (label, rate->id, rate->id == row->line->tax_rate_id,
                                                 GTK_WIDGET (menu_button)));
    }
}

static void
setup_tax_cb (GtkListItemFactory *factory,
              GtkListItem        *item,
              gpointer            user_data)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 4);
  gtk_widget_set_name (button, "tax-button");
  gtk_widget_set_tooltip_text (button, _("Tax rate"));
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (button), TRUE);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_tax_popup_cb, NULL, NULL);
  make_cell (item, button);
  add_drop_target (button);
}

static void
refresh_tax (GtkWidget  *button,
             CrmLineRow *row)
{
  CrmLineItemEditor *self = cell_editor (button);
  g_autofree char *label = NULL;

  if (self == NULL)
    return;

  if (row->line->item.tax_rate == 0)
    label = g_strdup (_("No tax"));
  for (guint i = 0; label == NULL && i < self->tax_rates->len; i++)
    {
      CrmTaxRate *rate = g_ptr_array_index (self->tax_rates, i);

      if (rate->id == row->line->tax_rate_id)
        label = tax_rate_label (rate);
    }
  if (label == NULL)
    {
      /* a rate removed from Setup since: the line keeps its snapshot */
      g_autofree char *percent = crm_decimal_format (row->line->item.tax_rate, 2);
      label = g_strdup_printf ("%s%%", percent);
    }
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), label);
}

static void
bind_tax_cb (GtkListItemFactory *factory,
             GtkListItem        *item,
             gpointer            user_data)
{
  bind_cell (item);
  refresh_tax (gtk_list_item_get_child (item), gtk_list_item_get_item (item));
}

/* Column: amount */

static void
on_row_amount_cb (CrmLineRow *row,
                  GParamSpec *pspec,
                  GtkLabel   *label)
{
  gtk_label_set_label (label, row->amount ? row->amount : "");
}

static void
setup_amount_cb (GtkListItemFactory *factory,
                 GtkListItem        *item,
                 gpointer            user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  GSignalGroup *group;

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_name (label, "amount-label");
  make_cell (item, label);
  add_drop_target (label);
  group = g_object_get_data (G_OBJECT (label), "signals");
  g_signal_group_connect (group, "notify::amount", G_CALLBACK (on_row_amount_cb), label);
}

static void
bind_amount_cb (GtkListItemFactory *factory,
                GtkListItem        *item,
                gpointer            user_data)
{
  CrmLineRow *row = gtk_list_item_get_item (item);

  bind_cell (item);
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), row->amount ? row->amount : "");
}

/* Column: row menu */

static void
row_action_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  GtkWidget *button = user_data;
  CrmLineItemEditor *self = cell_editor (button);
  CrmLineRow *row = cell_row (button);
  const char *name = g_action_get_name (G_ACTION (action));
  guint position;
  guint n;

  if (self == NULL || row == NULL)
    return;
  position = _crm_line_item_editor_row_position (self, row);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  if (position == G_MAXUINT)
    return;

  if (g_str_equal (name, "move-up") && position > 0)
    _crm_line_item_editor_move_line (self, position, position - 1);
  else if (g_str_equal (name, "move-down") && position + 1 < n)
    _crm_line_item_editor_move_line (self, position, position + 1);
  else if (g_str_equal (name, "duplicate"))
    {
      g_autoptr(CrmLineRow) copy = _crm_line_row_new (crm_doc_line_copy (row->line));

      copy->line->id = 0;
      g_list_store_insert (self->rows, position + 1, copy);
      _crm_line_item_editor_renumber (self);
      _crm_line_item_editor_recompute_row (self, copy);
      _crm_line_item_editor_recompute_totals (self);
      _crm_line_item_editor_set_dirty (self, TRUE);
    }
  else if (g_str_equal (name, "remove"))
    _crm_line_item_editor_remove_line (self, position);
}

static void
create_row_menu_cb (GtkMenuButton *button,
                    gpointer       user_data)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  g_menu_append (menu, _("Move _Up"), "row.move-up");
  g_menu_append (menu, _("Move _Down"), "row.move-down");
  g_menu_append (menu, _("D_uplicate"), "row.duplicate");
  g_menu_append (section, _("_Remove"), "row.remove");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
setup_menu_cb (GtkListItemFactory *factory,
               GtkListItem        *item,
               gpointer            user_data)
{
  static const char *names[] = { "move-up", "move-down", "duplicate", "remove" };
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (names[i], NULL);

      g_signal_connect (action, "activate", G_CALLBACK (row_action_cb), button);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }
  gtk_widget_insert_action_group (button, "row", G_ACTION_GROUP (group));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  /* the menu is made when first opened: a popover menu per row is costly */
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_row_menu_cb, NULL, NULL);
  gtk_widget_set_tooltip_text (button, _("Line menu"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 4);
  make_cell (item, button);
}

static void
bind_plain_cb (GtkListItemFactory *factory,
               GtkListItem        *item,
               gpointer            user_data)
{
  bind_cell (item);
}

/* A row's "refresh": every cell reads the line again. */
static void
on_row_refresh_cb (CrmLineRow *row,
                   GtkWidget  *cell)
{
  GtkWidget *kind = g_object_get_data (G_OBJECT (cell), "refresh-kind");

  if (kind == GINT_TO_POINTER (1))
    refresh_item (cell, row);
  else if (kind == GINT_TO_POINTER (2))
    refresh_number (cell, row);
  else if (kind == GINT_TO_POINTER (3))
    refresh_tax (cell, row);
}

static void
on_row_prices_changed_cb (CrmLineRow *row,
                          GtkWidget  *cell)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (cell), "entry");
  NumberKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "kind"));

  if (kind != NUMBER_QUANTITY)
    refresh_number (cell, row);
}

static void
setup_refresh (GtkListItem *item,
               int          kind)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (cell), "refresh-kind", GINT_TO_POINTER (kind));
  g_signal_group_connect (g_object_get_data (G_OBJECT (cell), "signals"), "refresh",
                          G_CALLBACK (on_row_refresh_cb), cell);
  if (kind == 2)
    g_signal_group_connect (g_object_get_data (G_OBJECT (cell), "signals"), "prices-changed",
                            G_CALLBACK (on_row_prices_changed_cb), cell);
}

static void
setup_item_refresh_cb (GtkListItemFactory *factory,
                       GtkListItem        *item,
                       gpointer            user_data)
{
  setup_refresh (item, GPOINTER_TO_INT (user_data));
}

static void
setup_handle_signals_cb (GtkListItemFactory *factory,
                         GtkListItem        *item,
                         gpointer            user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  g_signal_group_connect (g_object_get_data (G_OBJECT (box), "signals"), "notify::number",
                          G_CALLBACK (on_row_number_cb), box);
}

static void
add_column (CrmLineItemEditor *self,
            const char        *title,
            GCallback          setup,
            GCallback          bind,
            gpointer           data,
            int                refresh_kind,
            gboolean           expand,
            int                fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, data);
  if (refresh_kind > 0)
    g_signal_connect (factory, "setup", G_CALLBACK (setup_item_refresh_cb), GINT_TO_POINTER (refresh_kind));
  if (setup == G_CALLBACK (setup_handle_cb))
    g_signal_connect (factory, "setup", G_CALLBACK (setup_handle_signals_cb), NULL);
  g_signal_connect (factory, "bind", bind, data);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), NULL);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

void
_crm_line_item_editor_add_columns (CrmLineItemEditor *self)
{
  /* Translators: the column with the line number */
  add_column (self, C_("column", "#"), G_CALLBACK (setup_handle_cb), G_CALLBACK (bind_handle_cb), NULL, 0, FALSE, 64);
  add_column (self, C_("column", "Item"), G_CALLBACK (setup_item_cb), G_CALLBACK (bind_item_cb), NULL, 1, TRUE, 0);
  add_column (self, C_("column", "Qty"), G_CALLBACK (setup_number_cb), G_CALLBACK (bind_number_cb),
              GINT_TO_POINTER (NUMBER_QUANTITY), 2, FALSE, 90);
  add_column (self, C_("column", "List Price"), G_CALLBACK (setup_number_cb), G_CALLBACK (bind_number_cb),
              GINT_TO_POINTER (NUMBER_PRICE), 2, FALSE, 160);
  add_column (self, C_("column", "Discount"), G_CALLBACK (setup_number_cb), G_CALLBACK (bind_number_cb),
              GINT_TO_POINTER (NUMBER_DISCOUNT), 2, FALSE, 96);
  add_column (self, C_("column", "Tax"), G_CALLBACK (setup_tax_cb), G_CALLBACK (bind_tax_cb), NULL, 3, FALSE, 130);
  add_column (self, C_("column", "Amount"), G_CALLBACK (setup_amount_cb), G_CALLBACK (bind_amount_cb), NULL, 0, FALSE, 140);
  add_column (self, NULL, G_CALLBACK (setup_menu_cb), G_CALLBACK (bind_plain_cb), NULL, 0, FALSE, 48);
}
