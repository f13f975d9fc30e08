/* test-window.c — the main window: modules and counts, navigation, undo,
 * the recycle bin, mass actions, remembered state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crm-export-dialog.h"
#include "crm-home-page.h"
#include "crm-list-view.h"
#include "crm-mass.h"
#include "crm-module-view.h"
#include "crm-ui-test-util.h"
#include "crm-value-input.h"
#include "crm-window.h"

typedef struct
{
  char      *dir;
  CrmStore  *store;
  CrmWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  crm_ui_test_reset_settings ();
  f->store = crm_test_open_store (&f->dir);
  crm_test_create (f->store, "leads", "first_name", "Sari", "last_name", "Halim", "city", "Bandung", NULL);
  crm_test_create (f->store, "leads", "first_name", "Budi", "last_name", "Wijaya", "city", "Jakarta", NULL);
  crm_test_create (f->store, "leads", "first_name", "Dewi", "last_name", "Santoso", "city", "Bandung", NULL);
  crm_test_create (f->store, "contacts", "first_name", "Agus", "last_name", "Pratama", NULL);
  crm_test_create (f->store, "contacts", "first_name", "Rina", "last_name", "Kusuma", NULL);
  f->window = g_object_ref_sink (crm_window_new (NULL, f->store));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;

  while ((dialog = crm_ui_test_find_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  crm_ui_test_spin (500);
  g_assert_finalize_object (f->store);
  crm_test_remove_dir (f->dir);
  g_free (f->dir);
}

static CrmModuleView *
module_view (Fixture    *f,
             const char *module)
{
  return CRM_MODULE_VIEW (crm_window_get_module_view (f->window, module));
}

static guint
list_n_items (Fixture    *f,
              const char *module)
{
  CrmRecordList *model = crm_list_view_get_model (crm_module_view_get_list_view (module_view (f, module)));
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static void
test_switching_shows_counts (Fixture       *f,
                             gconstpointer  data)
{
  /* The sidebar shows every module's count from the database. */
  g_assert_cmpint (crm_window_get_sidebar_count (f->window, "leads"), ==, crm_store_count_records (f->store, "leads", NULL));
  g_assert_cmpint (crm_window_get_sidebar_count (f->window, "contacts"), ==, 2);
  g_assert_cmpint (crm_window_get_sidebar_count (f->window, "deals"), ==, 0);
  g_assert_cmpstr (crm_window_get_page (f->window), ==, "home");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-module", "(ss)", "contacts", "list");
  g_assert_cmpstr (crm_window_get_page (f->window), ==, "contacts");
  g_assert_cmpstr (crm_window_get_title_text (f->window), ==, "Contacts");
  g_assert_cmpstr (crm_window_get_subtitle_text (f->window), ==, "2 records");
  g_assert_cmpuint (list_n_items (f, "contacts"), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-module", "(ss)", "leads", "list");
  g_assert_cmpstr (crm_window_get_subtitle_text (f->window), ==, "3 records");
  g_assert_cmpuint (list_n_items (f, "leads"), ==, (guint) crm_store_count_records (f->store, "leads", NULL));

  /* Keyboard: the next module in the sidebar. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-module", NULL);
  g_assert_cmpstr (crm_window_get_page (f->window), ==, "accounts");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-home", NULL);
  g_assert_cmpstr (crm_window_get_page (f->window), ==, "home");
}

static gboolean
sidebar_shows_four (gpointer data)
{
  Fixture *f = data;
  return crm_window_get_sidebar_count (f->window, "leads") == 4;
}

static void
test_counts_follow_changes (Fixture       *f,
                            gconstpointer  data)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-module", "(ss)", "leads", "list");
  crm_test_create (f->store, "leads", "last_name", "Gunawan", NULL);

  /* The list follows at once; the sidebar after its short delay. */
  g_assert_cmpuint (list_n_items (f, "leads"), ==, 4);
  g_assert_cmpstr (crm_window_get_subtitle_text (f->window), ==, "4 records");
  g_assert_true (crm_ui_test_wait (sidebar_shows_four, f, 3000));
}

static gint64
first_id (Fixture    *f,
          const char *module)
{
  return crm_record_list_get_id (crm_list_view_get_model (crm_module_view_get_list_view (module_view (f, module))), 0);
}

static void
test_undo_delete_after_moving (Fixture       *f,
                               gconstpointer  data)
{
  CrmListView *list;
  GtkSelectionModel *selection;
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-module", "(ss)", "leads", "list");
  list = crm_module_view_get_list_view (module_view (f, "leads"));
  selection = crm_list_view_get_selection (list);
  id = first_id (f, "leads");
  gtk_selection_model_select_item (selection, 0, TRUE);
  g_assert_cmpuint (crm_list_view_get_n_selected (list), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (module_view (f, "leads")), "module.delete-selected", NULL);
  g_assert_cmpint (crm_store_count_records (f->store, "leads", NULL), ==, 2);
  g_assert_cmpuint (list_n_items (f, "leads"), ==, 2);

  /* It sits in the recycle bin. */
  crm_module_view_set_scope (module_view (f, "leads"), CRM_SCOPE_DELETED);
  g_assert_cmpuint (list_n_items (f, "leads"), ==, 1);
  g_assert_cmpint (first_id (f, "leads"), ==, id);
  crm_module_view_set_scope (module_view (f, "leads"), CRM_SCOPE_ACTIVE);

  /* Undo still works from another module (Ctrl+Z is win.undo). */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-module", "(ss)", "contacts", "list");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpint (crm_store_count_records (f->store, "leads", NULL), ==, 3);
  g_assert_cmpuint (list_n_items (f, "leads"), ==, 3);
  {
    g_autoptr(CrmRecord) record = crm_store_load_record (f->store, "leads", id, NULL);
    g_assert_false (crm_record_is_deleted (record));
  }
}

static void
test_undo_button_of_toast (Fixture       *f,
                           gconstpointer  data)
{
  gint64 id = first_id (f, "contacts");
  gint64 change;

  /* A delete from a record's own action, then the toast's Undo button
   * (win.undo-change with the change id). */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-record", "(sx)", "contacts", id);
  g_assert_cmpstr (crm_window_get_page (f->window), ==, "record");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-record", "(sx)", "contacts", id);
  change = crm_store_get_last_change (f->store);
  g_assert_cmpint (crm_store_count_records (f->store, "contacts", NULL), ==, 1);
  /* Deleting the open record goes back. */
  g_assert_cmpstr (crm_window_get_page (f->window), !=, "record");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-change", "x", change);
  g_assert_cmpint (crm_store_count_records (f->store, "contacts", NULL), ==, 2);
}

static void
test_restore_from_recycle_bin (Fixture       *f,
                               gconstpointer  data)
{
  CrmModuleView *view;
  CrmListView *list;
  gint64 id = first_id (f, "leads");
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_store_delete_record (f->store, "leads", id, &error));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-module", "(ss)", "leads", "list");
  view = module_view (f, "leads");
  list = crm_module_view_get_list_view (view);
  crm_module_view_set_scope (view, CRM_SCOPE_DELETED);
  g_assert_cmpuint (list_n_items (f, "leads"), ==, 1);

  crm_list_view_select_all (list);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "module.restore-selected", NULL));
  g_assert_cmpint (crm_store_count_records (f->store, "leads", NULL), ==, 3);
  g_assert_cmpuint (list_n_items (f, "leads"), ==, 0);
}

static gint64
count_of (CrmStore   *store,
          const char *module)
{
  return crm_store_count_records (store, module, NULL);
}

static void
test_mass_convert_and_generate (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              crm_test_create (f->store, "accounts", "account_name", "Toko Makmur", NULL));
  g_autofree char *vendor = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             crm_test_create (f->store, "vendors", "vendor_name", "CV Pemasok", NULL));
  CrmModuleView *view;
  g_autoptr(GArray) ids = NULL;

  crm_test_create (f->store, "sales_orders", "subject", "Order A", "account_name", account, "status", "Created", NULL);
  crm_test_create (f->store, "sales_orders", "subject", "Order B", "account_name", account, "status", "Created", NULL);
  crm_test_create (f->store, "products", "product_name", "Kursi", "vendor_name", vendor,
                   "qty_in_stock", "2", "reorder_level", "10", NULL);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-module", "(ss)", "sales_orders", "list");
  view = module_view (f, "sales_orders");
  crm_list_view_select_all (crm_module_view_get_list_view (view));
  ids = crm_list_view_dup_selected_ids (crm_module_view_get_list_view (view));
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "module.convert-selected", NULL));
  crm_ui_test_spin (50);
  g_assert_cmpint (count_of (f->store, "invoices"), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-module", "(ss)", "products", "list");
  view = module_view (f, "products");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "module.generate-purchase-orders", NULL));
  crm_ui_test_spin (50);
  g_assert_cmpint (count_of (f->store, "purchase_orders"), ==, 1);
}

static void
test_mass_change_owner (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 dewi = crm_store_add_user (f->store, "Dewi Lestari", NULL, "Sales", &error);
  gint64 me = crm_store_get_current_user (f->store);
  CrmModuleView *view;
  AdwMessageDialog *dialog;
  GtkWidget *input;
  g_autoptr(GArray) ids = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-module", "(ss)", "leads", "list");
  view = module_view (f, "leads");
  crm_list_view_select_all (crm_module_view_get_list_view (view));
  ids = crm_list_view_dup_selected_ids (crm_module_view_get_list_view (view));
  g_assert_cmpuint (ids->len, ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "module.change-owner", NULL));
  dialog = crm_ui_test_find_dialog ();
  g_assert_nonnull (dialog);
  input = crm_ui_test_find (adw_message_dialog_get_extra_child (dialog), CRM_TYPE_VALUE_INPUT);
  g_assert_nonnull (input);
  crm_value_input_set_text (CRM_VALUE_INPUT (input), "Dewi Lestari", NULL);
  adw_message_dialog_response (dialog, "apply");
  crm_ui_test_spin (50);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CrmRecord) r = crm_store_load_record (f->store, "leads", g_array_index (ids, gint64, i), NULL);
      g_assert_cmpint (crm_record_get_int (r, "owner_id", 0), ==, dewi);
    }

  /* One Undo for the whole mass action. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CrmRecord) r = crm_store_load_record (f->store, "leads", g_array_index (ids, gint64, i), NULL);
      g_assert_cmpint (crm_record_get_int (r, "owner_id", 0), ==, me);
    }
}

static void
test_open_at_location (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = first_id (f, "contacts");

  /* What `crm --module contacts --view kanban --record ID` does. */
  g_assert_true (crm_window_show_module (f->window, "contacts", "kanban", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (crm_module_view_get_view (module_view (f, "contacts")), ==, "kanban");
  g_assert_true (crm_window_show_record (f->window, "contacts", id, &error));
  g_assert_cmpstr (crm_window_get_page (f->window), ==, "record");
  g_assert_cmpstr (crm_window_get_title_text (f->window), ==, "Agus Pratama");

  /* Back returns to the module. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL);
  g_assert_cmpstr (crm_window_get_page (f->window), ==, "contacts");

  g_assert_false (crm_window_show_module (f->window, "nope", NULL, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (crm_window_show_module (f->window, "leads", "gallery", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_window_show_record (f->window, "contacts", 999, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_assert_cmpstr (crm_window_get_page (f->window), ==, "contacts");
}

static void
test_location_survives_mapping (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(CrmWindow) window = g_object_ref_sink (crm_window_new (NULL, f->store));
  gint64 id = first_id (f, "contacts");

  /* As at start-up: the place is set before the window is shown. */
  g_assert_true (crm_window_show_module (window, "contacts", "list", NULL));
  g_assert_true (crm_window_show_record (window, "contacts", id, NULL));
  gtk_window_present (GTK_WINDOW (window));
  crm_ui_test_spin (300);
  g_assert_cmpstr (crm_window_get_page (window), ==, "record");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_next_start_restores (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CrmWindow) second = NULL;

  g_assert_true (crm_window_show_module (f->window, "contacts", "kanban", NULL));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 600);
  gtk_window_close (GTK_WINDOW (f->window));

  second = g_object_ref_sink (crm_window_new (NULL, f->store));
  g_assert_cmpstr (crm_window_get_page (second), ==, "contacts");
  g_assert_cmpstr (crm_module_view_get_view (CRM_MODULE_VIEW (crm_window_get_module_view (second, "contacts"))), ==, "kanban");
  {
    int width, height;
    gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
    g_assert_cmpint (width, ==, 900);
    g_assert_cmpint (height, ==, 600);
  }
  gtk_window_destroy (GTK_WINDOW (second));
}

static void
test_home_lists_recent (Fixture       *f,
                        gconstpointer  data)
{
  gint64 id = first_id (f, "contacts");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-record", "(sx)", "contacts", id);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-home", NULL);
  g_assert_cmpuint (crm_home_page_get_n_recently_viewed (CRM_HOME_PAGE (crm_window_get_home_page (f->window))), ==, 1);
  /* The five records of the fixture were all created just now. */
  g_assert_cmpuint (crm_home_page_get_n_recently_modified (CRM_HOME_PAGE (crm_window_get_home_page (f->window))), ==, 5);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  GAsyncResult **out = data;
  *out = g_object_ref (result);
}

static gboolean
have_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
test_export_selection (Fixture       *f,
                       gconstpointer  data)
{
  CrmModuleView *view;
  CrmListView *list;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "leads.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  const char *columns[] = { "last_name", "city", NULL };

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-module", "(ss)", "leads", "list");
  view = module_view (f, "leads");
  list = crm_module_view_get_list_view (view);
  crm_module_view_set_sort (view, "last_name", FALSE);
  gtk_selection_model_select_item (crm_list_view_get_selection (list), 0, TRUE);
  gtk_selection_model_select_item (crm_list_view_get_selection (list), 2, FALSE);
  ids = crm_list_view_dup_selected_ids (list);
  g_assert_cmpuint (ids->len, ==, 2);

  /* The export runs in a worker thread on its own connection. */
  crm_export_to_file (f->store, "leads", NULL, ids, columns, file, NULL, export_done_cb, &result);
  g_assert_true (crm_ui_test_wait (have_result, &result, 10000));
  g_assert_cmpint (crm_export_to_file_finish (result, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_cmpstr (text, ==, "Last Name,City\r\nHalim,Bandung\r\nWijaya,Jakarta\r\n");

  /* The whole view, by its query, in its order. */
  g_clear_object (&result);
  g_clear_pointer (&text, g_free);
  {
    g_autoptr(CrmQuery) query = crm_module_view_dup_query (view);
    crm_export_to_file (f->store, "leads", query, NULL, columns, file, NULL, export_done_cb, &result);
  }
  g_assert_true (crm_ui_test_wait (have_result, &result, 10000));
  g_assert_cmpint (crm_export_to_file_finish (result, &error), ==, 3);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_cmpstr (text, ==, "Last Name,City\r\nHalim,Bandung\r\nSantoso,Bandung\r\nWijaya,Jakarta\r\n");

  /* A folder that does not exist: an error, and no file left behind. */
  g_clear_object (&result);
  {
    g_autofree char *bad = g_build_filename (f->dir, "missing", "x.csv", NULL);
    g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
    crm_export_to_file (f->store, "leads", NULL, ids, columns, bad_file, NULL, export_done_cb, &result);
  }
  g_assert_true (crm_ui_test_wait (have_result, &result, 10000));
  g_assert_cmpint (crm_export_to_file_finish (result, &error), <, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_remove (path);
}

static gboolean
three_contacts (gpointer data)
{
  Fixture *f = data;
  return crm_store_count_records (f->store, "contacts", NULL) == 3;
}

static gboolean
list_shows_three (gpointer data)
{
  return list_n_items (data, "contacts") == 3;
}

static gboolean
dialog_open (gpointer data)
{
  return crm_ui_test_find_dialog () != NULL;
}

static void
test_import_vcard (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "cards.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *csv = g_build_filename (f->dir, "leads.csv", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  const char *cards =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lestari;Dewi;;;\r\nFN:Dewi Lestari\r\nTEL:+62 811 222 333\r\n"
    "EMAIL:dewi@example.com\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Gunawan;Eko;;;\r\nFN:Eko Gunawan\r\nEND:VCARD\r\n";

  g_assert_true (g_file_set_contents (path, cards, -1, &error));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-module", "(ss)", "contacts", "list");
  g_assert_true (crm_window_import_file (f->window, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_count_records (f->store, "contacts", NULL), ==, 4);
  g_assert_cmpuint (list_n_items (f, "contacts"), ==, 4);

  /* One Undo takes the whole import back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpint (crm_store_count_records (f->store, "contacts", NULL), ==, 2);

  /* A CSV file goes into the open module, in a worker thread. */
  g_assert_true (g_file_set_contents (csv, "Last Name,First Name,Email\r\nHalim,Sari,sari@maju.example\r\n"
                                           ",Nobody,bad\r\n", -1, &error));
  g_assert_true (crm_window_import_file (f->window, csv_file, &error));
  g_assert_no_error (error);
  g_assert_true (crm_ui_test_wait (three_contacts, f, 10000));
  /* The list shows the rows another connection wrote. */
  g_assert_true (crm_ui_test_wait (list_shows_three, f, 3000));
  {
    AdwMessageDialog *dialog;
    /* The row without a last name is reported, not imported. */
    g_assert_true (crm_ui_test_wait (dialog_open, NULL, 3000));
    dialog = crm_ui_test_find_dialog ();
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Line 3"));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* From Home there is no module to import a CSV file into. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-home", NULL);
  {
    g_autoptr(CrmWindow) fresh = g_object_ref_sink (crm_window_new (NULL, f->store));
    g_assert_false (crm_window_import_file (fresh, csv_file, &error));
    g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
    gtk_window_destroy (GTK_WINDOW (fresh));
  }
  g_remove (path);
  g_remove (csv);
}

int
main (int   argc,
      char *argv[])
{
  if (!crm_ui_test_init (&argc, &argv))
    return 77;

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/window/switching-shows-counts", test_switching_shows_counts);
  ADD ("/window/counts-follow-changes", test_counts_follow_changes);
  ADD ("/window/undo-delete-after-moving", test_undo_delete_after_moving);
  ADD ("/window/undo-button-of-toast", test_undo_button_of_toast);
  ADD ("/window/restore-from-recycle-bin", test_restore_from_recycle_bin);
  ADD ("/window/mass-change-owner", test_mass_change_owner);
  ADD ("/window/mass-convert-and-generate", test_mass_convert_and_generate);
  ADD ("/window/open-at-location", test_open_at_location);
  ADD ("/window/location-survives-mapping", test_location_survives_mapping);
  ADD ("/window/next-start-restores", test_next_start_restores);
  ADD ("/window/home-lists-recent", test_home_lists_recent);
  ADD ("/window/export-selection", test_export_selection);
  ADD ("/window/import-vcard-and-csv", test_import_vcard);
#undef ADD

  return g_test_run ();
}
