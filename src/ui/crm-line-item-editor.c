/* crm-line-item-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-line-item-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-documents.h"
#include "crm-line-item-editor.h"
#include "crm-line-item-editor-private.h"
#include "crm-money.h"
#include "crm-pricing.h"

/*
 * Rows (see crm-line-item-editor-private.h)
 */

enum {
  ROW_PROP_0,
  ROW_PROP_NUMBER,
  ROW_PROP_AMOUNT,
  ROW_PROP_ERROR,
  ROW_N_PROPS
};

enum {
  ROW_REFRESH,
  ROW_PRICES_CHANGED,
  ROW_N_SIGNALS
};

static GParamSpec *row_properties [ROW_N_PROPS];
static guint row_signals [ROW_N_SIGNALS];

G_DEFINE_FINAL_TYPE (CrmLineRow, crm_line_row, G_TYPE_OBJECT)

static void
crm_line_row_finalize (GObject *object)
{
  CrmLineRow *self = (CrmLineRow *)object;

  g_clear_pointer (&self->line, crm_doc_line_free);
  g_free (self->amount);
  g_free (self->error);
  g_free (self->error_field);
  g_free (self->quantity_text);
  g_free (self->price_text);
  g_free (self->discount_text);

  G_OBJECT_CLASS (crm_line_row_parent_class)->finalize (object);
}

static void
crm_line_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CrmLineRow *self = CRM_LINE_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;

    case ROW_PROP_AMOUNT:
      g_value_set_string (value, self->amount);
      break;

    case ROW_PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_line_row_class_init (CrmLineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_line_row_finalize;
  object_class->get_property = crm_line_row_get_property;

  row_properties [ROW_PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  row_properties [ROW_PROP_AMOUNT] =
    g_param_spec_string ("amount", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  row_properties [ROW_PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);

  /* The line changed as a whole (product or price book chosen): the
   * cells read every value again. */
  row_signals [ROW_REFRESH] =
    g_signal_new ("refresh", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Only the list price and discount changed (the price book's range
   * for a new quantity): those cells read them again, the quantity cell
   * being typed in is left alone. */
  row_signals [ROW_PRICES_CHANGED] =
    g_signal_new ("prices-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
crm_line_row_init (CrmLineRow *self)
{
}

CrmLineRow *
_crm_line_row_new (CrmDocLine *line)
{
  CrmLineRow *self = g_object_new (CRM_TYPE_LINE_ROW, NULL);

  self->line = line;
  return self;
}

static void
row_set_number (CrmLineRow *self,
                guint       number)
{
  if (self->number == number)
    return;
  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), row_properties [ROW_PROP_NUMBER]);
}

static void
row_set_amount (CrmLineRow *self,
                const char *amount)
{
  if (g_strcmp0 (self->amount, amount) == 0)
    return;
  g_free (self->amount);
  self->amount = g_strdup (amount);
  g_object_notify_by_pspec (G_OBJECT (self), row_properties [ROW_PROP_AMOUNT]);
}

static void
row_set_error (CrmLineRow *self,
               const char *field,
               const char *error)
{
  if (g_strcmp0 (self->error, error) == 0 && g_strcmp0 (self->error_field, field) == 0)
    return;
  g_free (self->error);
  g_free (self->error_field);
  self->error = g_strdup (error);
  self->error_field = g_strdup (field);
  g_object_notify_by_pspec (G_OBJECT (self), row_properties [ROW_PROP_ERROR]);
}

/*
 * The editor
 */

G_DEFINE_FINAL_TYPE (CrmLineItemEditor, crm_line_item_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DIRTY,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/*
 * Text in, numbers out
 */

char *
_crm_line_item_editor_format_quantity (gint64 quantity)
{
  return crm_decimal_format (quantity, 3);
}

/* Money in an entry: the locale's marks, no symbol, as crm_money_parse
 * reads it back. */
char *
_crm_line_item_editor_format_money_input (gint64      value,
                                          const char *currency)
{
  g_autofree char *shown = crm_money_format (value, currency);
  const char *symbol = crm_currency_get_symbol (currency);
  GString *text;
  char *at;

  /* "$1,249.00" -> "1,249.00", "-Rp 5.000" -> "-5.000": all digits and
   * the locale's marks, without the symbol the column header implies */
  if (symbol == NULL || (at = strstr (shown, symbol)) == NULL)
    return g_steal_pointer (&shown);
  text = g_string_new (shown);
  g_string_erase (text, at - shown, strlen (symbol));
  if (text->str[at - shown] == ' ')
    g_string_erase (text, at - shown, 1);
  return g_string_free (text, FALSE);
}

char *
_crm_line_item_editor_format_discount (CrmDiscountKind  kind,
                                       gint64           discount,
                                       const char      *currency)
{
  if (kind == CRM_DISCOUNT_PERCENT && discount != 0)
    {
      g_autofree char *number = crm_decimal_format (discount, 2);
      return g_strdup_printf ("%s%%", number);
    }
  if (kind == CRM_DISCOUNT_AMOUNT && discount != 0)
    return _crm_line_item_editor_format_money_input (discount, currency);
  return g_strdup ("");
}

/* "10%" is a percentage (basis points), anything else an amount in the
 * currency; empty is no discount. */
gboolean
_crm_line_item_editor_parse_discount (const char       *text,
                                      const char       *currency,
                                      CrmDiscountKind  *kind,
                                      gint64           *value,
                                      GError          **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));
  gsize len = strlen (clean);

  if (len == 0)
    {
      *kind = CRM_DISCOUNT_NONE;
      *value = 0;
      return TRUE;
    }
  if (clean[len - 1] == '%')
    {
      clean[len - 1] = '\0';
      g_strstrip (clean);
      if (!crm_decimal_parse (clean, 2, value, error))
        return FALSE;
      *kind = CRM_DISCOUNT_PERCENT;
      return TRUE;
    }
  if (!crm_money_parse (clean, currency, value, error))
    return FALSE;
  *kind = CRM_DISCOUNT_AMOUNT;
  return TRUE;
}

/*
 * State
 */

void
_crm_line_item_editor_set_dirty (CrmLineItemEditor *self,
                                 gboolean           dirty)
{
  if (self->loading || self->dirty == !!dirty)
    return;
  self->dirty = !!dirty;
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), self->dirty);
  gtk_widget_set_visible (GTK_WIDGET (self->discard_button), self->dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.discard", self->dirty);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DIRTY]);
}

CrmLineRow *
_crm_line_item_editor_get_row (CrmLineItemEditor *self,
                               guint              position)
{
  /* borrowed: the store keeps its reference */
  CrmLineRow *row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  if (row != NULL)
    g_object_unref (row);
  return row;
}

void
_crm_line_item_editor_renumber (CrmLineItemEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree char *count = NULL;

  for (guint i = 0; i < n; i++)
    row_set_number (_crm_line_item_editor_get_row (self, i), i + 1);

  count = g_strdup_printf (ngettext ("%u line", "%u lines", n), n);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "lines" : "empty");
}

/* The row's own figures, from the core; its typed-but-invalid text wins. */
void
_crm_line_item_editor_recompute_row (CrmLineItemEditor *self,
                                     CrmLineRow        *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *amount = NULL;
  CrmLineItem item = row->line->item;

  if (row->quantity_text != NULL)
    {
      message = g_strdup_printf (_("Line %u: the quantity “%s” is not a number"), row->number, row->quantity_text);
      row_set_error (row, "quantity", message);
      row_set_amount (row, "—");
      return;
    }
  if (row->price_text != NULL)
    {
      message = g_strdup_printf (_("Line %u: the price “%s” is not an amount"), row->number, row->price_text);
      row_set_error (row, "price", message);
      row_set_amount (row, "—");
      return;
    }
  if (row->discount_text != NULL)
    {
      message = g_strdup_printf (_("Line %u: the discount “%s” is neither a percentage nor an amount"),
                                 row->number, row->discount_text);
      row_set_error (row, "discount", message);
      row_set_amount (row, "—");
      return;
    }

  if (!crm_line_item_compute (&item, &error))
    {
      const char *field = "line";

      if (g_error_matches (error, CRM_LINE_ITEMS_ERROR, CRM_LINE_ITEMS_ERROR_QUANTITY))
        field = "quantity";
      else if (g_error_matches (error, CRM_LINE_ITEMS_ERROR, CRM_LINE_ITEMS_ERROR_PRICE))
        field = "price";
      else if (g_error_matches (error, CRM_LINE_ITEMS_ERROR, CRM_LINE_ITEMS_ERROR_DISCOUNT))
        field = "discount";
      /* Translators: "Line 3: The quantity must be greater than zero" */
      message = g_strdup_printf (_("Line %u: %s"), row->number, error->message);
      row_set_error (row, field, message);
      row_set_amount (row, "—");
      return;
    }

  row->line->item = item;
  row_set_error (row, NULL, NULL);
  amount = crm_money_format (item.net, self->currency);
  row_set_amount (row, amount);
}

static void
show_error (CrmLineItemEditor *self,
            const char        *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_totals_text (CrmLineItemEditor *self,
                 gboolean           valid)
{
  g_autofree char *sub_total = NULL;
  g_autofree char *discount = NULL;
  g_autofree char *tax = NULL;
  g_autofree char *grand = NULL;

  if (valid)
    {
      sub_total = crm_money_format (self->totals.sub_total, self->currency);
      discount = crm_money_format (-self->totals.discount_amount, self->currency);
      tax = crm_money_format (self->totals.tax, self->currency);
      grand = crm_money_format (self->totals.grand_total, self->currency);
    }
  gtk_label_set_label (self->sub_total_label, valid ? sub_total : "—");
  gtk_label_set_label (self->discount_amount_label, valid ? discount : "—");
  gtk_label_set_label (self->tax_label, valid ? tax : "—");
  gtk_label_set_label (self->grand_total_label, valid ? grand : "—");
}

/* The document's totals, from the core, when every row is valid;
 * otherwise the first problem, named by its line, and no totals. */
void
_crm_line_item_editor_recompute_totals (CrmLineItemEditor *self)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  const char *problem = NULL;
  CrmTotals totals = self->totals;

  for (guint i = 0; i < n; i++)
    {
      CrmLineRow *row = _crm_line_item_editor_get_row (self, i);

      if (row->error != NULL && problem == NULL)
        problem = row->error;
      g_ptr_array_add (lines, row->line);
    }
  if (problem == NULL)
    problem = self->totals_error;

  if (problem == NULL && !crm_documents_compute (lines, &totals, &error))
    problem = error->message;

  if (problem != NULL)
    {
      show_error (self, problem);
      set_totals_text (self, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      return;
    }

  self->totals = totals;
  show_error (self, NULL);
  set_totals_text (self, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);
}

void
_crm_line_item_editor_line_changed (CrmLineItemEditor *self,
                                    CrmLineRow        *row)
{
  _crm_line_item_editor_recompute_row (self, row);
  _crm_line_item_editor_recompute_totals (self);
  _crm_line_item_editor_set_dirty (self, TRUE);
}

/*
 * Loading and saving
 */

static void
apply_loaded (CrmLineItemEditor *self,
              GPtrArray         *lines)
{
  guint n = lines->len;
  g_autofree gpointer *rows = g_new0 (gpointer, MAX (n, 1));
  g_autofree char *discount = NULL;
  g_autofree char *adjustment = NULL;

  for (guint i = 0; i < n; i++)
    {
      CrmLineRow *row = _crm_line_row_new (g_ptr_array_index (lines, i));

      lines->pdata[i] = NULL;
      row->number = i + 1;
      rows[i] = row;
      _crm_line_item_editor_recompute_row (self, row);
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), rows, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (rows[i]);

  discount = _crm_line_item_editor_format_discount (self->totals.discount_kind, self->totals.discount, self->currency);
  gtk_editable_set_text (GTK_EDITABLE (self->discount_entry), discount);
  adjustment = self->totals.adjustment ? _crm_line_item_editor_format_money_input (self->totals.adjustment, self->currency) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->adjustment_entry), adjustment);
  gtk_widget_remove_css_class (GTK_WIDGET (self->discount_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->adjustment_entry), "error");
}

void
crm_line_item_editor_reload (CrmLineItemEditor *self)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CRM_IS_LINE_ITEM_EDITOR (self));

  self->loading = TRUE;
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->totals_error, g_free);
  g_clear_pointer (&self->tax_rates, g_ptr_array_unref);
  self->tax_rates = crm_tax_rates_list (self->store);

  lines = crm_documents_load_lines (self->store, self->module, self->record_id, &error);
  if (lines == NULL || !crm_documents_load_totals (self->store, self->module, self->record_id,
                                                   &self->totals, &self->currency, &error))
    {
      if (self->currency == NULL)
        self->currency = crm_store_dup_home_currency (self->store);
      g_list_store_remove_all (self->rows);
      _crm_line_item_editor_renumber (self);
      self->loading = FALSE;
      show_error (self, error->message);
      set_totals_text (self, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-line", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      return;
    }

  apply_loaded (self, lines);
  _crm_line_item_editor_renumber (self);
  self->loading = FALSE;
  self->dirty = TRUE;
  _crm_line_item_editor_set_dirty (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-line", TRUE);
  _crm_line_item_editor_recompute_totals (self);
}

gboolean
crm_line_item_editor_save (CrmLineItemEditor  *self,
                           GError            **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) local = NULL;
  guint n;

  g_return_val_if_fail (CRM_IS_LINE_ITEM_EDITOR (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  lines = g_ptr_array_new_full (n, (GDestroyNotify) crm_doc_line_free);
  for (guint i = 0; i < n; i++)
    {
      CrmLineRow *row = _crm_line_item_editor_get_row (self, i);

      if (row->error != NULL)
        {
          g_set_error_literal (error, CRM_ERROR, CRM_ERROR_VALIDATION, row->error);
          return FALSE;
        }
      g_ptr_array_add (lines, crm_doc_line_copy (row->line));
    }
  if (self->totals_error != NULL)
    {
      g_set_error_literal (error, CRM_ERROR, CRM_ERROR_VALIDATION, self->totals_error);
      return FALSE;
    }

  if (!crm_documents_save_lines (self->store, self->module, self->record_id, lines, &self->totals, &local))
    {
      show_error (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  crm_line_item_editor_reload (self);
  g_signal_emit (self, signals [SAVED], 0, crm_store_get_last_change (self->store));
  return TRUE;
}

gboolean
crm_line_item_editor_get_dirty (CrmLineItemEditor *self)
{
  g_return_val_if_fail (CRM_IS_LINE_ITEM_EDITOR (self), FALSE);
  return self->dirty;
}

guint
crm_line_item_editor_get_n_lines (CrmLineItemEditor *self)
{
  g_return_val_if_fail (CRM_IS_LINE_ITEM_EDITOR (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

/*
 * Editing operations (shared by cells, menus, drag and drop)
 */

void
_crm_line_item_editor_move_line (CrmLineItemEditor *self,
                                 guint              from,
                                 guint              to)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autoptr(CrmLineRow) row = NULL;

  if (from >= n || to >= n || from == to)
    return;
  row = g_list_model_get_item (G_LIST_MODEL (self->rows), from);
  g_list_store_remove (self->rows, from);
  g_list_store_insert (self->rows, to, row);
  _crm_line_item_editor_renumber (self);
  /* numbers in messages moved along */
  for (guint i = 0; i < n; i++)
    {
      CrmLineRow *r = _crm_line_item_editor_get_row (self, i);
      if (r->error != NULL)
        _crm_line_item_editor_recompute_row (self, r);
    }
  _crm_line_item_editor_recompute_totals (self);
  _crm_line_item_editor_set_dirty (self, TRUE);
}

void
_crm_line_item_editor_remove_line (CrmLineItemEditor *self,
                                   guint              position)
{
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    return;
  g_list_store_remove (self->rows, position);
  _crm_line_item_editor_renumber (self);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i++)
    {
      CrmLineRow *r = _crm_line_item_editor_get_row (self, i);
      if (r->error != NULL)
        _crm_line_item_editor_recompute_row (self, r);
    }
  _crm_line_item_editor_recompute_totals (self);
  _crm_line_item_editor_set_dirty (self, TRUE);
}

static gboolean
scroll_to_end_cb (gpointer data)
{
  CrmLineItemEditor *self = data;
  GtkAdjustment *adjustment;

  if (self->scroller == NULL)
    return G_SOURCE_REMOVE;
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  return G_SOURCE_REMOVE;
}

static void
add_line (CrmLineItemEditor *self)
{
  g_autoptr(CrmLineRow) row = _crm_line_row_new (crm_doc_line_new ());
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  g_list_store_append (self->rows, row);
  _crm_line_item_editor_renumber (self);
  _crm_line_item_editor_recompute_row (self, row);
  _crm_line_item_editor_recompute_totals (self);
  _crm_line_item_editor_set_dirty (self, TRUE);
  /* GTK 4.8 has no gtk_column_view_scroll_to(): scroll the window to
   * the end once the new row is laid out */
  if (n > 0)
    g_idle_add_full (G_PRIORITY_LOW, scroll_to_end_cb, g_object_ref (self), g_object_unref);
}

static void
set_product (CrmLineItemEditor *self,
             guint              position,
             gint64             product_id)
{
  g_autoptr(GError) error = NULL;
  CrmLineRow *row;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    return;
  row = _crm_line_item_editor_get_row (self, position);
  if (!crm_documents_fill_from_product (self->store, row->line, product_id, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_clear_pointer (&row->price_text, g_free);
  g_clear_pointer (&row->discount_text, g_free);
  g_signal_emit (row, row_signals [ROW_REFRESH], 0);
  _crm_line_item_editor_line_changed (self, row);
}

static void
set_price_book (CrmLineItemEditor *self,
                guint              position,
                gint64             price_book_id)
{
  g_autoptr(GError) error = NULL;
  CrmLineRow *row;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    return;
  row = _crm_line_item_editor_get_row (self, position);
  if (!crm_documents_apply_price_book (self->store, row->line, price_book_id, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_clear_pointer (&row->price_text, g_free);
  g_clear_pointer (&row->discount_text, g_free);
  g_signal_emit (row, row_signals [ROW_REFRESH], 0);
  _crm_line_item_editor_line_changed (self, row);
}

static void
set_tax_rate (CrmLineItemEditor *self,
              guint              position,
              gint64             tax_rate_id)
{
  CrmLineRow *row;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    return;
  row = _crm_line_item_editor_get_row (self, position);
  row->line->tax_rate_id = 0;
  row->line->item.tax_rate = 0;
  for (guint i = 0; i < self->tax_rates->len; i++)
    {
      CrmTaxRate *rate = g_ptr_array_index (self->tax_rates, i);

      if (rate->id == tax_rate_id)
        {
          row->line->tax_rate_id = rate->id;
          row->line->item.tax_rate = rate->rate;
        }
    }
  g_signal_emit (row, row_signals [ROW_REFRESH], 0);
  _crm_line_item_editor_line_changed (self, row);
}

guint
_crm_line_item_editor_row_position (CrmLineItemEditor *self,
                                    CrmLineRow        *row)
{
  guint position = G_MAXUINT;

  if (row == NULL || !g_list_store_find (self->rows, row, &position))
    return G_MAXUINT;
  return position;
}

/*
 * Document discount and adjustment
 */

static void
on_totals_entry_changed_cb (CrmLineItemEditor *self,
                            GtkEntry          *entry)
{
  const char *discount_text = gtk_editable_get_text (GTK_EDITABLE (self->discount_entry));
  const char *adjustment_text = gtk_editable_get_text (GTK_EDITABLE (self->adjustment_entry));
  CrmDiscountKind kind = CRM_DISCOUNT_NONE;
  gint64 discount = 0, adjustment = 0;
  gboolean discount_ok, adjustment_ok;

  if (self->loading)
    return;

  discount_ok = _crm_line_item_editor_parse_discount (discount_text, self->currency, &kind, &discount, NULL);
  adjustment_ok = *adjustment_text == '\0' || crm_money_parse (adjustment_text, self->currency, &adjustment, NULL);

  g_clear_pointer (&self->totals_error, g_free);
  if (!discount_ok)
    self->totals_error = g_strdup_printf (_("The discount “%s” is neither a percentage nor an amount"), discount_text);
  else if (!adjustment_ok)
    self->totals_error = g_strdup_printf (_("The adjustment “%s” is not an amount"), adjustment_text);

  if (discount_ok)
    {
      self->totals.discount_kind = kind;
      self->totals.discount = discount;
    }
  if (adjustment_ok)
    self->totals.adjustment = adjustment;

  if (discount_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->discount_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->discount_entry), "error");
  if (adjustment_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->adjustment_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->adjustment_entry), "error");

  _crm_line_item_editor_recompute_totals (self);
  _crm_line_item_editor_set_dirty (self, TRUE);
}

/*
 * Actions
 */

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  add_line (CRM_LINE_ITEM_EDITOR (widget));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmLineItemEditor *self = CRM_LINE_ITEM_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!crm_line_item_editor_save (self, &error))
    show_error (self, error->message);
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  crm_line_item_editor_reload (CRM_LINE_ITEM_EDITOR (widget));
}

static void
move_line_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  guint from, to;

  g_variant_get (parameter, "(uu)", &from, &to);
  _crm_line_item_editor_move_line (CRM_LINE_ITEM_EDITOR (widget), from, to);
}

static void
remove_line_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _crm_line_item_editor_remove_line (CRM_LINE_ITEM_EDITOR (widget), g_variant_get_uint32 (parameter));
}

static void
set_product_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  guint position;
  gint64 product;

  g_variant_get (parameter, "(ux)", &position, &product);
  set_product (CRM_LINE_ITEM_EDITOR (widget), position, product);
}

static void
set_price_book_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  guint position;
  gint64 book;

  g_variant_get (parameter, "(ux)", &position, &book);
  set_price_book (CRM_LINE_ITEM_EDITOR (widget), position, book);
}

static void
set_tax_rate_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  guint position;
  gint64 id;

  g_variant_get (parameter, "(ux)", &position, &id);
  set_tax_rate (CRM_LINE_ITEM_EDITOR (widget), position, id);
}

static void
on_records_changed_cb (CrmStore          *store,
                       const char        *module,
                       gint64             id,
                       CrmLineItemEditor *self)
{
  /* someone else (Undo, a conversion) changed the document: show it,
   * unless the user is in the middle of editing */
  if (!self->dirty && (id == 0 || id == self->record_id))
    crm_line_item_editor_reload (self);
}

/*
 * GObject
 */

static void
crm_line_item_editor_dispose (GObject *object)
{
  CrmLineItemEditor *self = (CrmLineItemEditor *)object;

  g_clear_signal_handler (&self->records_changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_LINE_ITEM_EDITOR);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (crm_line_item_editor_parent_class)->dispose (object);
}

static void
crm_line_item_editor_finalize (GObject *object)
{
  CrmLineItemEditor *self = (CrmLineItemEditor *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->tax_rates, g_ptr_array_unref);
  g_free (self->module);
  g_free (self->currency);
  g_free (self->totals_error);

  G_OBJECT_CLASS (crm_line_item_editor_parent_class)->finalize (object);
}

static void
crm_line_item_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CrmLineItemEditor *self = CRM_LINE_ITEM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_line_item_editor_class_init (CrmLineItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_line_item_editor_dispose;
  object_class->finalize = crm_line_item_editor_finalize;
  object_class->get_property = crm_line_item_editor_get_property;

  properties [PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmLineItemEditor::saved:
   * @change_id: the Undo step the save made
   */
  signals [SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crm/ui/crm-line-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmLineItemEditor, count_label);
  gtk_widget_class_bind_template_child (widget_class, CrmLineItemEditor, discard_button);
  gtk_widget_class_bind_template_child (widget_class, CrmLineItemEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrmLineItemEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrmLineItemEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmLineItemEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, CrmLineItemEditor, column_view);
  gtk_widget_class_bind_template_child (widget_class, CrmLineItemEditor, sub_total_label);
  gtk_widget_class_bind_template_child (widget_class, CrmLineItemEditor, discount_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmLineItemEditor, discount_amount_label);
  gtk_widget_class_bind_template_child (widget_class, CrmLineItemEditor, tax_label);
  gtk_widget_class_bind_template_child (widget_class, CrmLineItemEditor, adjustment_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmLineItemEditor, grand_total_label);

  gtk_widget_class_install_action (widget_class, "editor.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "editor.move-line", "(uu)", move_line_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-line", "u", remove_line_action);
  gtk_widget_class_install_action (widget_class, "editor.set-product", "(ux)", set_product_action);
  gtk_widget_class_install_action (widget_class, "editor.set-price-book", "(ux)", set_price_book_action);
  gtk_widget_class_install_action (widget_class, "editor.set-tax-rate", "(ux)", set_tax_rate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
crm_line_item_editor_init (CrmLineItemEditor *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (CRM_TYPE_LINE_ROW);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  _crm_line_item_editor_add_columns (self);

  g_signal_connect_swapped (self->discount_entry, "changed", G_CALLBACK (on_totals_entry_changed_cb), self);
  g_signal_connect_swapped (self->adjustment_entry, "changed", G_CALLBACK (on_totals_entry_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.discard", FALSE);
}

GtkWidget *
crm_line_item_editor_new (CrmStore   *store,
                          const char *module,
                          gint64      record_id)
{
  CrmLineItemEditor *self;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (module != NULL, NULL);

  self = g_object_new (CRM_TYPE_LINE_ITEM_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->module = g_strdup (module);
  self->record_id = record_id;

  detail = g_strdup_printf ("records-changed::%s", module);
  self->records_changed_id = g_signal_connect (store, detail, G_CALLBACK (on_records_changed_cb), self);

  crm_line_item_editor_reload (self);
  return GTK_WIDGET (self);
}
