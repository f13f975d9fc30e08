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
#include "crm-money.h"
#include "crm-pricing.h"

/*
 * One row of the table: a document line plus what the cells need to show
 * it (its number, the formatted amount, an error). Cells bind to these
 * properties, so a change made in one cell (the quantity) reaches another
 * (the amount) without the cells knowing each other.
 */

#define CRM_TYPE_LINE_ROW (crm_line_row_get_type ())
G_DECLARE_FINAL_TYPE (CrmLineRow, crm_line_row, CRM, LINE_ROW, GObject)

struct _CrmLineRow
{
  GObject     parent_instance;

  CrmDocLine *line;
  guint       number;
  char       *amount;
  char       *error;        /* NULL when the row is fine */
  char       *error_field;  /* "quantity", "price", "discount", "line" */
  /* what was typed while it does not parse, so that it survives scrolling */
  char       *quantity_text;
  char       *price_text;
  char       *discount_text;
};

enum {
  ROW_PROP_0,
  ROW_PROP_NUMBER,
  ROW_PROP_AMOUNT,
  ROW_PROP_ERROR,
  ROW_N_PROPS
};

enum {
  ROW_REFRESH,
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
}

static void
crm_line_row_init (CrmLineRow *self)
{
}

static CrmLineRow *
crm_line_row_new (CrmDocLine *line)
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

struct _CrmLineItemEditor
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkLabel          *count_label;
  GtkButton         *discard_button;
  GtkButton         *save_button;
  GtkLabel          *error_label;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkColumnView     *column_view;
  GtkLabel          *sub_total_label;
  GtkEntry          *discount_entry;
  GtkLabel          *discount_amount_label;
  GtkLabel          *tax_label;
  GtkEntry          *adjustment_entry;
  GtkLabel          *grand_total_label;

  /* Owned */
  CrmStore          *store;
  char              *module;
  char              *currency;
  GListStore        *rows;           /* CrmLineRow */
  GPtrArray         *tax_rates;      /* CrmTaxRate */
  char              *totals_error;   /* document discount or adjustment that does not parse */

  gint64             record_id;
  CrmTotals          totals;         /* inputs and last results */
  gulong             records_changed_id;
  guint              dirty : 1;
  guint              loading : 1;
};

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

static void recompute_totals (CrmLineItemEditor *self);

/*
 * Text in, numbers out
 */

static char *
format_quantity (gint64 quantity)
{
  return crm_decimal_format (quantity, 3);
}

/* Money in an entry: the locale's marks, no symbol, as crm_money_parse
 * reads it back. */
static char *
format_money_input (gint64      value,
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

static char *
format_discount (CrmDiscountKind  kind,
                 gint64           discount,
                 const char      *currency)
{
  if (kind == CRM_DISCOUNT_PERCENT && discount != 0)
    {
      g_autofree char *number = crm_decimal_format (discount, 2);
      return g_strdup_printf ("%s%%", number);
    }
  if (kind == CRM_DISCOUNT_AMOUNT && discount != 0)
    return format_money_input (discount, currency);
  return g_strdup ("");
}

/* "10%" is a percentage (basis points), anything else an amount in the
 * currency; empty is no discount. */
static gboolean
parse_discount (const char       *text,
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

static void
set_dirty (CrmLineItemEditor *self,
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

static CrmLineRow *
get_row (CrmLineItemEditor *self,
         guint              position)
{
  /* borrowed: the store keeps its reference */
  CrmLineRow *row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  if (row != NULL)
    g_object_unref (row);
  return row;
}

static void
renumber (CrmLineItemEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree char *count = NULL;

  for (guint i = 0; i < n; i++)
    row_set_number (get_row (self, i), i + 1);

  count = g_strdup_printf (ngettext ("%u line", "%u lines", n), n);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "lines" : "empty");
}

/* The row's own figures, from the core; its typed-but-invalid text wins. */
static void
recompute_row (CrmLineItemEditor *self,
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
static void
recompute_totals (CrmLineItemEditor *self)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  const char *problem = NULL;
  CrmTotals totals = self->totals;

  for (guint i = 0; i < n; i++)
    {
      CrmLineRow *row = get_row (self, i);

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

static void
line_changed (CrmLineItemEditor *self,
              CrmLineRow        *row)
{
  recompute_row (self, row);
  recompute_totals (self);
  set_dirty (self, TRUE);
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
      CrmLineRow *row = crm_line_row_new (g_ptr_array_index (lines, i));

      lines->pdata[i] = NULL;
      row->number = i + 1;
      rows[i] = row;
      recompute_row (self, row);
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), rows, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (rows[i]);

  discount = format_discount (self->totals.discount_kind, self->totals.discount, self->currency);
  gtk_editable_set_text (GTK_EDITABLE (self->discount_entry), discount);
  adjustment = self->totals.adjustment ? format_money_input (self->totals.adjustment, self->currency) : g_strdup ("");
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
      renumber (self);
      self->loading = FALSE;
      show_error (self, error->message);
      set_totals_text (self, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-line", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      return;
    }

  apply_loaded (self, lines);
  renumber (self);
  self->loading = FALSE;
  self->dirty = TRUE;
  set_dirty (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-line", TRUE);
  recompute_totals (self);
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
      CrmLineRow *row = get_row (self, i);

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

static void
move_line (CrmLineItemEditor *self,
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
  renumber (self);
  /* numbers in messages moved along */
  for (guint i = 0; i < n; i++)
    {
      CrmLineRow *r = get_row (self, i);
      if (r->error != NULL)
        recompute_row (self, r);
    }
  recompute_totals (self);
  set_dirty (self, TRUE);
}

static void
remove_line (CrmLineItemEditor *self,
             guint              position)
{
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    return;
  g_list_store_remove (self->rows, position);
  renumber (self);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i++)
    {
      CrmLineRow *r = get_row (self, i);
      if (r->error != NULL)
        recompute_row (self, r);
    }
  recompute_totals (self);
  set_dirty (self, TRUE);
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
  g_autoptr(CrmLineRow) row = crm_line_row_new (crm_doc_line_new ());
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  g_list_store_append (self->rows, row);
  renumber (self);
  recompute_row (self, row);
  recompute_totals (self);
  set_dirty (self, TRUE);
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
  row = get_row (self, position);
  if (!crm_documents_fill_from_product (self->store, row->line, product_id, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_clear_pointer (&row->price_text, g_free);
  g_clear_pointer (&row->discount_text, g_free);
  g_signal_emit (row, row_signals [ROW_REFRESH], 0);
  line_changed (self, row);
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
  row = get_row (self, position);
  if (!crm_documents_apply_price_book (self->store, row->line, price_book_id, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_clear_pointer (&row->price_text, g_free);
  g_clear_pointer (&row->discount_text, g_free);
  g_signal_emit (row, row_signals [ROW_REFRESH], 0);
  line_changed (self, row);
}

static void
set_tax_rate (CrmLineItemEditor *self,
              guint              position,
              gint64             tax_rate_id)
{
  CrmLineRow *row;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    return;
  row = get_row (self, position);
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
  line_changed (self, row);
}

static guint
row_position (CrmLineItemEditor *self,
              CrmLineRow        *row)
{
  guint position = G_MAXUINT;

  if (row == NULL || !g_list_store_find (self->rows, row, &position))
    return G_MAXUINT;
  return position;
}

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
  from = row_position (self, dragged);
  to = row_position (self, onto);
  if (from == G_MAXUINT || to == G_MAXUINT)
    return FALSE;
  move_line (self, from, to);
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
  set_dirty (self, TRUE);
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
  set_dirty (self, TRUE);
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
                              row_position (self, row), *product);
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
      return format_quantity (row->line->item.quantity);
    case NUMBER_PRICE:
      return format_money_input (row->line->item.list_price, currency);
    case NUMBER_DISCOUNT:
    default:
      return format_discount (row->line->item.discount_kind, row->line->item.discount, currency);
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
        if (ok)
          row->line->item.quantity = quantity;
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
        ok = parse_discount (text, self->currency, &discount_kind, &discount, NULL);
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
  line_changed (self, row);
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
                              row_position (self, row), *book);
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
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.set-tax-rate", "(ux)", row_position (self, row), id);
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
  position = row_position (self, row);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  if (position == G_MAXUINT)
    return;

  if (g_str_equal (name, "move-up") && position > 0)
    move_line (self, position, position - 1);
  else if (g_str_equal (name, "move-down") && position + 1 < n)
    move_line (self, position, position + 1);
  else if (g_str_equal (name, "duplicate"))
    {
      g_autoptr(CrmLineRow) copy = crm_line_row_new (crm_doc_line_copy (row->line));

      copy->line->id = 0;
      g_list_store_insert (self->rows, position + 1, copy);
      renumber (self);
      recompute_row (self, copy);
      recompute_totals (self);
      set_dirty (self, TRUE);
    }
  else if (g_str_equal (name, "remove"))
    remove_line (self, position);
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
setup_refresh (GtkListItem *item,
               int          kind)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (cell), "refresh-kind", GINT_TO_POINTER (kind));
  g_signal_group_connect (g_object_get_data (G_OBJECT (cell), "signals"), "refresh",
                          G_CALLBACK (on_row_refresh_cb), cell);
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

  discount_ok = parse_discount (discount_text, self->currency, &kind, &discount, NULL);
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

  recompute_totals (self);
  set_dirty (self, TRUE);
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
  move_line (CRM_LINE_ITEM_EDITOR (widget), from, to);
}

static void
remove_line_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  remove_line (CRM_LINE_ITEM_EDITOR (widget), g_variant_get_uint32 (parameter));
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
