/* test-setup-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crm-documents.h"
#include "crm-pricing.h"

#include <adwaita.h>

#include "crm-company.h"
#include "crm-import-wizard.h"
#include "crm-setup-window.h"
#include "crm-test-util.h"

static const char * const page_names[] = {
  "personal", "company", "users", "customization", "templates", "automation", "data", "privacy", NULL
};

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* CRM_SHOT_DIR set: each page is saved there as a PNG to look at. */
static void
maybe_save_shot (GtkWidget  *window,
                 const char *name)
{
  const char *dir = g_getenv ("CRM_SHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int w, h;

  if (dir == NULL)
    return;
  spin (300);
  paintable = gtk_widget_paintable_new (window);
  w = gtk_widget_get_width (window);
  h = gtk_widget_get_height (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_strdup_printf ("%s/setup-%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

static GtkWidget *
find_descendant (GtkWidget  *root,
                 GType       type,
                 const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (title == NULL ||
           (ADW_IS_PREFERENCES_ROW (child) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0) ||
           (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), title) == 0)))
        return child;
      found = find_descendant (child, type, title);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
open_window (CrmStore   *store,
             const char *page)
{
  GtkWidget *window = crm_setup_window_new (NULL, store);

  crm_setup_window_show_page (CRM_SETUP_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  spin (100);
  return window;
}

static GtkWidget *
visible_page (GtkWidget *window)
{
  const char *name = adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (window));

  return crm_setup_window_get_page (CRM_SETUP_WINDOW (window), name);
}

static void
test_pages (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  GtkWidget *window = open_window (store, NULL);

  for (guint i = 0; page_names[i] != NULL; i++)
    {
      GtkWidget *page;

      crm_setup_window_show_page (CRM_SETUP_WINDOW (window), page_names[i]);
      spin (50);
      g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (window)), ==,
                       page_names[i]);
      page = visible_page (window);
      g_assert_nonnull (page);
      g_assert_true (gtk_widget_get_mapped (page));
      /* Every page has at least one group with content. */
      g_assert_nonnull (find_descendant (page, ADW_TYPE_PREFERENCES_GROUP, NULL));
      maybe_save_shot (window, page_names[i]);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  crm_test_remove_dir (dir);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      found = find_named (child, name);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_company_name (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(CrmCompany) company = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = open_window (store, "company");
  GtkWidget *row = find_named (visible_page (window), "name");

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "Acme Widgets Ltd");
  g_signal_emit_by_name (row, "apply");
  spin (20);
  company = crm_company_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (company->name, ==, "Acme Widgets Ltd");

  /* A refused change (the name is required) keeps what was stored. */
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_signal_emit_by_name (row, "apply");
  spin (20);
  g_clear_pointer (&company, crm_company_free);
  company = crm_company_load (store, &error);
  g_assert_cmpstr (company->name, ==, "Acme Widgets Ltd");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Acme Widgets Ltd");

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  crm_test_remove_dir (dir);
}

static void
test_create_module (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  GtkWidget *window = open_window (store, "customization");
  GtkWidget *page = visible_page (window);
  GPtrArray *modules;
  gboolean found = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (find_named (page, "new-module-singular")), "Project");
  gtk_editable_set_text (GTK_EDITABLE (find_named (page, "new-module-plural")), "Projects");
  g_signal_emit_by_name (find_named (page, "create-module"), "clicked");
  spin (50);

  modules = crm_store_get_modules (store);
  for (guint i = 0; i < modules->len; i++)
    {
      CrmModule *module = g_ptr_array_index (modules, i);

      if (g_strcmp0 (crm_module_get_api_name (module), "projects") == 0)
        {
          found = TRUE;
          g_assert_cmpstr (crm_module_get_singular (module), ==, "Project");
          g_assert_true (crm_module_is_custom (module));
        }
    }
  g_assert_true (found);
  /* The list shows it, and its row opens its fields. */
  g_assert_nonnull (find_named (page, "projects"));
  g_signal_emit_by_name (find_named (page, "projects"), "activated");
  spin (400);
  maybe_save_shot (window, "customization-module");

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  crm_test_remove_dir (dir);
}

static GtkWidget *
wizard_button (GtkWidget  *wizard,
               const char *name)
{
  GtkWidget *button = find_named (wizard, name);

  g_assert_true (GTK_IS_BUTTON (button));
  return button;
}

static gboolean
click_cancel_cb (gpointer wizard)
{
  g_signal_emit_by_name (wizard_button (wizard, "cancel"), "clicked");
  return G_SOURCE_REMOVE;
}

static char *
write_leads_csv (const char *dir,
                 guint       rows)
{
  g_autoptr(GString) csv = g_string_new ("Last Name,First Name,Email,Shoe Size\n");
  g_autofree char *path = g_build_filename (dir, "leads.csv", NULL);

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (csv, "Doe%u,Jane,jane%u@example.com,%u\n", i, i, 36 + i % 8);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  return g_steal_pointer (&path);
}

static void
test_import_wizard (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_leads_csv (dir, 20);
  gint64 before = crm_store_count_records (store, "leads", NULL);
  GtkWidget *wizard = crm_import_wizard_new (NULL, store, "leads");

  gtk_window_present (GTK_WINDOW (wizard));
  g_assert_cmpstr (crm_import_wizard_get_step (CRM_IMPORT_WIZARD (wizard)), ==, "file");
  g_assert_true (crm_import_wizard_set_file (CRM_IMPORT_WIZARD (wizard), path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (crm_import_wizard_get_step (CRM_IMPORT_WIZARD (wizard)), ==, "mapping");
  spin (100);
  maybe_save_shot (wizard, "import-mapping");

  g_signal_emit_by_name (wizard_button (wizard, "next"), "clicked");
  g_assert_cmpstr (crm_import_wizard_get_step (CRM_IMPORT_WIZARD (wizard)), ==, "duplicates");
  /* The dry run reports and writes nothing. */
  g_signal_emit_by_name (wizard_button (wizard, "next"), "clicked");
  g_assert_cmpstr (crm_import_wizard_get_step (CRM_IMPORT_WIZARD (wizard)), ==, "report");
  g_assert_cmpint (crm_store_count_records (store, "leads", NULL), ==, before);
  maybe_save_shot (wizard, "import-report");

  g_signal_emit_by_name (wizard_button (wizard, "next"), "clicked");
  g_assert_cmpstr (crm_import_wizard_get_step (CRM_IMPORT_WIZARD (wizard)), ==, "done");
  g_assert_cmpint (crm_store_count_records (store, "leads", NULL), ==, before + 20);
  gtk_window_destroy (GTK_WINDOW (wizard));
  spin (50);
  crm_test_remove_dir (dir);
}

static void
test_import_wizard_cancel (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_leads_csv (dir, 3000);
  gint64 before = crm_store_count_records (store, "leads", NULL);
  gint64 last_change = crm_store_get_last_change (store);
  GtkWidget *wizard = crm_import_wizard_new (NULL, store, "leads");

  gtk_window_present (GTK_WINDOW (wizard));
  g_assert_true (crm_import_wizard_set_file (CRM_IMPORT_WIZARD (wizard), path, &error));
  g_signal_emit_by_name (wizard_button (wizard, "next"), "clicked");
  g_signal_emit_by_name (wizard_button (wizard, "next"), "clicked");
  g_assert_cmpstr (crm_import_wizard_get_step (CRM_IMPORT_WIZARD (wizard)), ==, "report");

  /* Cancel is pressed while the import runs (the progress callback lets
   * the main loop run, which is when the idle fires). */
  g_idle_add (click_cancel_cb, wizard);
  g_signal_emit_by_name (wizard_button (wizard, "next"), "clicked");
  g_assert_cmpstr (crm_import_wizard_get_step (CRM_IMPORT_WIZARD (wizard)), ==, "done");
  g_assert_cmpint (crm_store_count_records (store, "leads", NULL), ==, before);
  g_assert_cmpint (crm_store_get_last_change (store), ==, last_change);

  gtk_window_destroy (GTK_WINDOW (wizard));
  spin (50);
  crm_test_remove_dir (dir);
}

static void
test_tax_rates_and_prefixes (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  GtkWidget *window = open_window (store, "templates");
  GtkWidget *page = visible_page (window);
  GtkWidget *name = find_descendant (page, ADW_TYPE_ENTRY_ROW, "Name, e.g. PPN");
  GtkWidget *rate = find_descendant (page, ADW_TYPE_ENTRY_ROW, "Rate in percent, e.g. 11");
  GtkWidget *add = find_descendant (page, GTK_TYPE_BUTTON, "_Add Tax Rate");
  GtkWidget *prefix = find_descendant (page, ADW_TYPE_ENTRY_ROW, "Invoices");
  g_autoptr(GPtrArray) rates = NULL;
  g_autofree char *stored = NULL;
  guint before;

  g_assert_nonnull (name);
  g_assert_nonnull (rate);
  g_assert_nonnull (add);
  g_assert_nonnull (prefix);

  rates = crm_tax_rates_list (store);
  before = rates ? rates->len : 0;
  g_clear_pointer (&rates, g_ptr_array_unref);

  gtk_editable_set_text (GTK_EDITABLE (name), "PPN");
  gtk_editable_set_text (GTK_EDITABLE (rate), "11 %");
  g_signal_emit_by_name (add, "clicked");
  rates = crm_tax_rates_list (store);
  g_assert_cmpuint (rates->len, ==, before + 1);
  g_assert_cmpint (((CrmTaxRate *) g_ptr_array_index (rates, rates->len - 1))->rate, ==, 1100);
  g_clear_pointer (&rates, g_ptr_array_unref);

  /* A bad rate is refused and adds nothing. */
  gtk_editable_set_text (GTK_EDITABLE (name), "Broken");
  gtk_editable_set_text (GTK_EDITABLE (rate), "eleven");
  g_signal_emit_by_name (add, "clicked");
  rates = crm_tax_rates_list (store);
  g_assert_cmpuint (rates->len, ==, before + 1);

  gtk_editable_set_text (GTK_EDITABLE (prefix), "FAK");
  g_signal_emit_by_name (prefix, "apply");
  stored = crm_documents_dup_number_prefix (store, "invoices");
  g_assert_cmpstr (stored, ==, "FAK");

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  crm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    return 77;
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/setup/pages", test_pages);
  g_test_add_func ("/setup/company-name", test_company_name);
  g_test_add_func ("/setup/tax-rates-and-prefixes", test_tax_rates_and_prefixes);
  g_test_add_func ("/setup/create-module", test_create_module);
  g_test_add_func ("/setup/import-wizard", test_import_wizard);
  g_test_add_func ("/setup/import-wizard-cancel", test_import_wizard_cancel);
  return g_test_run ();
}
