/* test-line-item-editor.c — the line item editor, driven like a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <time.h>

#include "crm-documents.h"
#include "crm-line-item-editor.h"
#include "crm-money.h"
#include "crm-pricing.h"
#include "crm-print.h"
#include "crm-document-builder.h"
#include "crm-test-util.h"

typedef struct
{
  char      *dir;
  CrmStore  *store;
  GtkWindow *window;
  GtkWidget *editor;
  gint64     quote;
  gint64     ppn;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  gint64 account;
  g_autofree char *account_id = NULL;

  f->store = crm_test_open_store (&f->dir);
  account = crm_test_create (f->store, "accounts", "account_name", "PT Maju", NULL);
  account_id = g_strdup_printf ("%" G_GINT64_FORMAT, account);
  f->quote = crm_test_create (f->store, "quotes", "subject", "Chairs", "account_name", account_id,
                              "quote_stage", "Draft", NULL);
  f->ppn = crm_tax_rate_add (f->store, "PPN", 1100, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  g_clear_object (&f->store);
  crm_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @cond holds, for at most five seconds. */
#define WAIT_FOR(cond)                                                  \
  G_STMT_START {                                                        \
    gboolean timed_out = FALSE;                                         \
    guint source = g_timeout_add (5000, timeout_cb, &timed_out);        \
    while (!(cond) && !timed_out)                                       \
      g_main_context_iteration (NULL, TRUE);                            \
    if (!timed_out)                                                     \
      g_source_remove (source);                                         \
    g_assert_true (cond);                                               \
  } G_STMT_END

static void
show_editor (Fixture *f)
{
  f->editor = crm_line_item_editor_new (f->store, "quotes", f->quote);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 700);
  gtk_window_set_child (f->window, f->editor);
  gtk_window_present (f->window);
}

static void
collect_named (GtkWidget  *widget,
               const char *name,
               GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0 && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

/* The visible widgets of that name, top to bottom. */
static GPtrArray *
find_named (Fixture    *f,
            const char *name)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_named (f->editor, name, found);
  return found;
}

static GtkWidget *
nth_named (Fixture    *f,
           const char *name,
           guint       n)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (5000, timeout_cb, &timed_out);

  /* cells appear once the column view has laid its rows out */
  while (!timed_out)
    {
      g_autoptr(GPtrArray) found = find_named (f, name);

      if (found->len > n)
        {
          g_source_remove (source);
          return g_ptr_array_index (found, n);
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_error ("no widget “%s” number %u appeared", name, n);
  return NULL;
}

static GtkWidget *
find_label_by_id (Fixture    *f,
                  const char *id)
{
  return GTK_WIDGET (gtk_widget_get_template_child (f->editor, CRM_TYPE_LINE_ITEM_EDITOR, id));
}

static const char *
label_text (Fixture    *f,
            const char *id)
{
  return gtk_label_get_label (GTK_LABEL (find_label_by_id (f, id)));
}

static void
type_into (GtkWidget  *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static gint64
stored_grand_total (Fixture *f)
{
  CrmTotals totals;

  g_assert_true (crm_documents_load_totals (f->store, "quotes", f->quote, &totals, NULL, NULL));
  return totals.grand_total;
}

static void
test_edit_and_save (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *expected = NULL;
  gint64 last_change;

  show_editor (f);
  g_assert_cmpuint (crm_line_item_editor_get_n_lines (CRM_LINE_ITEM_EDITOR (f->editor)), ==, 0);

  gtk_widget_activate_action (f->editor, "editor.add-line", NULL);
  type_into (nth_named (f, "name-entry", 0), "Kursi kantor");
  type_into (nth_named (f, "description-entry", 0), "Mesh back");
  type_into (nth_named (f, "quantity-entry", 0), "3");
  type_into (nth_named (f, "price-entry", 0), "150.25");
  type_into (nth_named (f, "discount-entry", 0), "10%");
  gtk_widget_activate_action (f->editor, "editor.set-tax-rate", "(ux)", 0, f->ppn);   /* PPN 11% */

  /* 3 × 150.25 = 450.75 − 10% (45.08) = 405.67; tax 44.62; total 450.29 */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (nth_named (f, "amount-label", 0))), ==, "$405.67");
  g_assert_cmpstr (label_text (f, "sub_total_label"), ==, "$405.67");
  g_assert_cmpstr (label_text (f, "tax_label"), ==, "$44.62");
  g_assert_cmpstr (label_text (f, "grand_total_label"), ==, "$450.29");
  g_assert_true (crm_line_item_editor_get_dirty (CRM_LINE_ITEM_EDITOR (f->editor)));
  /* nothing is stored before Save */
  g_assert_cmpint (stored_grand_total (f), ==, 0);

  /* document discount and a negative adjustment */
  type_into (find_label_by_id (f, "discount_entry"), "5.00");
  type_into (find_label_by_id (f, "adjustment_entry"), "-0.29");
  g_assert_cmpstr (label_text (f, "discount_amount_label"), ==, "-$5.00");
  g_assert_cmpstr (label_text (f, "grand_total_label"), ==, "$445.00");

  last_change = crm_store_get_last_change (f->store);
  g_assert_true (gtk_widget_activate_action (f->editor, "editor.save", NULL));
  g_assert_false (crm_line_item_editor_get_dirty (CRM_LINE_ITEM_EDITOR (f->editor)));
  g_assert_cmpint (crm_store_get_last_change (f->store), >, last_change);

  /* the database agrees with the screen to the cent */
  g_assert_cmpint (stored_grand_total (f), ==, 44500);
  expected = crm_money_format (stored_grand_total (f), "USD");
  g_assert_cmpstr (label_text (f, "grand_total_label"), ==, expected);
  lines = crm_documents_load_lines (f->store, "quotes", f->quote, NULL);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (((CrmDocLine *) lines->pdata[0])->name, ==, "Kursi kantor");
  g_assert_cmpstr (((CrmDocLine *) lines->pdata[0])->description, ==, "Mesh back");
  g_assert_cmpint (((CrmDocLine *) lines->pdata[0])->item.quantity, ==, 3000);
  g_assert_cmpint (((CrmDocLine *) lines->pdata[0])->item.list_price, ==, 15025);
  g_assert_cmpint (((CrmDocLine *) lines->pdata[0])->tax_rate_id, ==, f->ppn);
  g_assert_cmpint (((CrmDocLine *) lines->pdata[0])->item.net, ==, 40567);
}

static void
test_invalid_input (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *error_label;

  show_editor (f);
  gtk_widget_activate_action (f->editor, "editor.add-line", NULL);
  type_into (nth_named (f, "name-entry", 0), "Widget");
  type_into (nth_named (f, "price-entry", 0), "10");

  type_into (nth_named (f, "quantity-entry", 0), "0");
  error_label = find_label_by_id (f, "error_label");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "Line 1"));
  g_assert_true (gtk_widget_has_css_class (nth_named (f, "quantity-entry", 0), "error"));
  g_assert_cmpstr (label_text (f, "grand_total_label"), ==, "—");
  /* Save is refused and nothing is written */
  gtk_widget_activate_action (f->editor, "editor.save", NULL);
  {
    g_autoptr(GPtrArray) stored = crm_documents_load_lines (f->store, "quotes", f->quote, NULL);
    g_assert_cmpuint (stored->len, ==, 0);
  }
  g_assert_true (crm_line_item_editor_get_dirty (CRM_LINE_ITEM_EDITOR (f->editor)));

  type_into (nth_named (f, "quantity-entry", 0), "abc");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "abc"));

  type_into (nth_named (f, "quantity-entry", 0), "2");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (gtk_widget_has_css_class (nth_named (f, "quantity-entry", 0), "error"));
  g_assert_cmpstr (label_text (f, "grand_total_label"), ==, "$20.00");

  /* a discount larger than the line */
  type_into (nth_named (f, "discount-entry", 0), "25");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_has_css_class (nth_named (f, "discount-entry", 0), "error"));
}

static void
save_lines (Fixture    *f,
            guint       n,
            const char *prefix)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_doc_line_free);
  g_autoptr(GError) error = NULL;
  CrmTotals totals = { 0 };

  for (guint i = 0; i < n; i++)
    {
      CrmDocLine *line = crm_doc_line_new ();

      g_free (line->name);
      line->name = g_strdup_printf ("%s %u", prefix, i + 1);
      line->item.quantity = 1000 + (i % 3) * 1000;
      line->item.list_price = 1000 + i * 7;
      line->item.tax_rate = i % 2 ? 1100 : 0;
      line->tax_rate_id = i % 2 ? f->ppn : 0;
      g_ptr_array_add (lines, line);
    }
  g_assert_true (crm_documents_save_lines (f->store, "quotes", f->quote, lines, &totals, &error));
  g_assert_no_error (error);
}

static void
test_reorder (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) lines = NULL;
  gint64 before;

  save_lines (f, 3, "Line");
  before = stored_grand_total (f);
  show_editor (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_named (f, "name-entry", 0))), ==, "Line 1");

  /* what a drop of line 1 onto line 3 does */
  g_assert_true (gtk_widget_activate_action (f->editor, "editor.move-line", "(uu)", 0, 2));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_named (f, "name-entry", 0))), ==, "Line 2");
  g_assert_true (gtk_widget_activate_action (f->editor, "editor.remove-line", "u", 1));
  g_assert_true (gtk_widget_activate_action (f->editor, "editor.save", NULL));

  lines = crm_documents_load_lines (f->store, "quotes", f->quote, NULL);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpstr (((CrmDocLine *) lines->pdata[0])->name, ==, "Line 2");
  g_assert_cmpstr (((CrmDocLine *) lines->pdata[1])->name, ==, "Line 1");
  g_assert_cmpint (stored_grand_total (f), <, before);

  /* Undo puts the three lines back, and the editor shows them */
  g_assert_true (crm_store_undo_last (f->store, NULL));
  WAIT_FOR (crm_line_item_editor_get_n_lines (CRM_LINE_ITEM_EDITOR (f->editor)) == 3);
  g_assert_cmpint (stored_grand_total (f), ==, before);
}

static void
test_product_and_price_book (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 product = crm_test_create (f->store, "products", "product_name", "Meja kerja", "unit_price", "200",
                                    "taxable", "true", "description", "160 x 80 cm", NULL);
  gint64 book = crm_test_create (f->store, "price_books", "price_book_name", "Grosir", "active", "true",
                                 "pricing_model", "Flat", NULL);
  CrmPriceRange flat[] = { { 0, CRM_PRICE_RANGE_UNBOUNDED, 500 } };

  g_assert_true (crm_tax_rate_set_default (f->store, f->ppn, &error));
  g_assert_true (crm_price_book_set_list_price (f->store, book, product, 18000, &error));
  g_assert_true (crm_price_book_set_ranges (f->store, book, flat, 1, &error));
  g_assert_no_error (error);

  show_editor (f);
  gtk_widget_activate_action (f->editor, "editor.add-line", NULL);
  g_assert_true (gtk_widget_activate_action (f->editor, "editor.set-product", "(ux)", 0, product));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_named (f, "name-entry", 0))), ==, "Meja kerja");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_named (f, "description-entry", 0))), ==, "160 x 80 cm");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_named (f, "price-entry", 0))), ==, "200.00");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (nth_named (f, "tax-button", 0))), ==, "PPN 11%");
  g_assert_cmpstr (label_text (f, "grand_total_label"), ==, "$222.00");

  g_assert_true (gtk_widget_activate_action (f->editor, "editor.set-price-book", "(ux)", 0, book));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_named (f, "price-entry", 0))), ==, "180.00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_named (f, "discount-entry", 0))), ==, "5%");
  /* 180 − 5% = 171; PPN 18.81 */
  g_assert_cmpstr (label_text (f, "grand_total_label"), ==, "$189.81");
}

/* A Differential book's discount follows the quantity as it is typed. */
static void
test_price_book_quantity (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 product = crm_test_create (f->store, "products", "product_name", "Kabel", "unit_price", "10", NULL);
  gint64 book = crm_test_create (f->store, "price_books", "price_book_name", "Volume", "active", "true",
                                 "pricing_model", "Differential", NULL);
  CrmPriceRange ranges[] = { { 1000, 9000, 0 }, { 10000, CRM_PRICE_RANGE_UNBOUNDED, 1500 } };

  g_assert_true (crm_price_book_set_list_price (f->store, book, product, 900, &error));
  g_assert_true (crm_price_book_set_ranges (f->store, book, ranges, G_N_ELEMENTS (ranges), &error));
  g_assert_no_error (error);

  show_editor (f);
  gtk_widget_activate_action (f->editor, "editor.add-line", NULL);
  gtk_widget_activate_action (f->editor, "editor.set-product", "(ux)", 0, product);
  gtk_widget_activate_action (f->editor, "editor.set-price-book", "(ux)", 0, book);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_named (f, "discount-entry", 0))), ==, "");

  type_into (nth_named (f, "quantity-entry", 0), "12");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_named (f, "discount-entry", 0))), ==, "15%");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_named (f, "quantity-entry", 0))), ==, "12");
  /* 12 × 9.00 − 15% = 91.80 */
  g_assert_cmpstr (label_text (f, "grand_total_label"), ==, "$91.80");

  type_into (nth_named (f, "quantity-entry", 0), "2");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_named (f, "discount-entry", 0))), ==, "");
  g_assert_cmpstr (label_text (f, "grand_total_label"), ==, "$18.00");
}

static void
test_five_hundred_lines (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *expected = NULL;
  g_autoptr(GTimer) timer = NULL;
  clock_t cpu;

  save_lines (f, 500, "Part");
  timer = g_timer_new ();
  cpu = clock ();
  show_editor (f);
  nth_named (f, "name-entry", 0);
  g_test_message ("500 lines shown in %.2f s (%.2f s of CPU)", g_timer_elapsed (timer, NULL),
                  (double) (clock () - cpu) / CLOCKS_PER_SEC);

  g_assert_cmpuint (crm_line_item_editor_get_n_lines (CRM_LINE_ITEM_EDITOR (f->editor)), ==, 500);
  expected = crm_money_format (stored_grand_total (f), "USD");
  g_assert_cmpstr (label_text (f, "grand_total_label"), ==, expected);
  /* rows are recycled: GTK keeps about 200 alive, not 500 */
  {
    g_autoptr(GPtrArray) entries = find_named (f, "name-entry");
    g_assert_cmpuint (entries->len, <, 300);
  }
  /* an edit on a long document still recomputes from the core */
  type_into (nth_named (f, "quantity-entry", 0), "2");
  g_assert_true (crm_line_item_editor_get_dirty (CRM_LINE_ITEM_EDITOR (f->editor)));
  g_assert_true (gtk_widget_activate_action (f->editor, "editor.save", NULL));
  g_clear_pointer (&expected, g_free);
  expected = crm_money_format (stored_grand_total (f), "USD");
  g_assert_cmpstr (label_text (f, "grand_total_label"), ==, expected);
}

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, "-", NULL };
  const char *info_argv[] = { tool, path, NULL };
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, g_str_equal (tool, "pdfinfo") ? (char **) info_argv : (char **) argv,
                               NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The print operation's pages are the renderer's pages: exported through
 * GtkPrintOperation they match the PDF export page for page. */
static void
test_print_operation (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GFile) direct = NULL;
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (f->dir, "exported.pdf", NULL);
  g_autofree char *printed_text = NULL;
  g_autofree char *exported_text = NULL;
  g_autofree char *printed_info = NULL;
  g_autofree char *exported_info = NULL;
  g_autofree char *grand = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  save_lines (f, 120, "Printed part");
  operation = crm_print_operation_new (f->store, "quotes", f->quote, &error);
  g_assert_no_error (error);
  gtk_print_operation_set_allow_async (operation, FALSE);
  gtk_print_operation_set_export_filename (operation, printed);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  direct = g_file_new_for_path (exported);
  g_assert_true (crm_export_record_pdf_to (f->store, "quotes", f->quote, direct, &error));
  g_assert_no_error (error);

  printed_info = run_tool ("pdfinfo", printed);
  exported_info = run_tool ("pdfinfo", exported);
  /* same page count and paper */
  *strstr (printed_info, "Page rot:") = '\0';
  *strstr (exported_info, "Page rot:") = '\0';
  g_assert_cmpstr (strstr (printed_info, "Pages:"), ==, strstr (exported_info, "Pages:"));
  printed_text = run_tool ("pdftotext", printed);
  exported_text = run_tool ("pdftotext", exported);
  grand = crm_money_format (stored_grand_total (f), "USD");
  g_assert_nonnull (strstr (printed_text, grand));
  g_assert_nonnull (strstr (printed_text, "Printed part 120"));
  g_assert_nonnull (strstr (exported_text, grand));

  /* a record that cannot be printed gives an error, no operation */
  g_clear_object (&operation);
  operation = crm_print_operation_new (f->store, "accounts", 1, &error);
  g_assert_null (operation);
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    return 77;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) g_test_add ("/line-item-editor/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("edit-and-save", test_edit_and_save);
  ADD ("invalid-input", test_invalid_input);
  ADD ("reorder", test_reorder);
  ADD ("product-and-price-book", test_product_and_price_book);
  ADD ("price-book-quantity", test_price_book_quantity);
  ADD ("500-lines", test_five_hundred_lines);
  g_test_add ("/print/operation", Fixture, NULL, fixture_setup, test_print_operation, fixture_teardown);
#undef ADD

  return g_test_run ();
}
