/* test-search-ui.c — search as you type from the header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crm-search-page.h"
#include "crm-ui-test-util.h"
#include "crm-window.h"

typedef struct
{
  char      *dir;
  CrmStore  *store;
  CrmWindow *window;
  gint64     sari;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  crm_ui_test_reset_settings ();
  f->store = crm_test_open_store (&f->dir);
  crm_test_create (f->store, "contacts", "first_name", "Budi", "last_name", "Wijaya", "phone", "+62 21 555 0101", NULL);
  f->sari = crm_test_create (f->store, "contacts", "first_name", "Sari", "last_name", "Halim",
                             "email", "sari@maju.example", "phone", "+62 812-3456-7890", NULL);
  crm_test_create (f->store, "accounts", "account_name", "PT Maju Jaya", NULL);
  crm_test_create (f->store, "leads", "last_name", "Santoso", "company", "PT Maju Jaya", NULL);
  f->window = g_object_ref_sink (crm_window_new (NULL, f->store));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  crm_ui_test_spin (20);
  g_assert_finalize_object (f->store);
  crm_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gboolean
on_search_page (gpointer data)
{
  Fixture *f = data;
  return g_strcmp0 (crm_window_get_page (f->window), "search") == 0;
}

static gboolean
projects_counted (gpointer data)
{
  Fixture *f = data;
  return crm_window_get_sidebar_count (f->window, "projects") == 1;
}

static CrmSearchPage *
type (Fixture    *f,
      const char *text)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  gtk_editable_set_text (crm_window_get_search_entry (f->window), text);
  /* Typing is debounced: the page shows up after a short pause. */
  g_assert_true (crm_ui_test_wait (on_search_page, f, 3000));
  return CRM_SEARCH_PAGE (crm_window_get_search_page (f->window));
}

static void
test_finds_phone_digits (Fixture       *f,
                         gconstpointer  data)
{
  CrmSearchPage *page = type (f, "0812 3456");
  const CrmSearchHit *hit;

  g_assert_cmpstr (crm_search_page_get_text (page), ==, "0812 3456");
  g_assert_cmpuint (crm_search_page_get_n_results (page), ==, 1);
  hit = crm_search_page_get_result (page, 0);
  g_assert_cmpstr (hit->module, ==, "contacts");
  g_assert_cmpint (hit->id, ==, f->sari);
  g_assert_cmpstr (hit->title, ==, "Sari Halim");

  /* Enter opens the top hit. */
  g_signal_emit_by_name (crm_window_get_search_entry (f->window), "activate");
  g_assert_cmpstr (crm_window_get_page (f->window), ==, "record");
  g_assert_cmpstr (crm_window_get_title_text (f->window), ==, "Sari Halim");
}

static void
test_groups_by_module (Fixture       *f,
                       gconstpointer  data)
{
  CrmSearchPage *page = type (f, "maju");

  /* The account by name, the lead by company, the contact by e-mail;
   * grouped in module order. */
  g_assert_cmpuint (crm_search_page_get_n_results (page), ==, 3);
  g_assert_cmpstr (crm_search_page_get_result (page, 0)->module, ==, "leads");
  g_assert_cmpstr (crm_search_page_get_result (page, 1)->module, ==, "accounts");
  g_assert_cmpstr (crm_search_page_get_result (page, 2)->module, ==, "contacts");
}

static void
test_no_results_and_escape (Fixture       *f,
                            gconstpointer  data)
{
  CrmSearchPage *page;

  g_assert_true (crm_window_show_module (f->window, "accounts", NULL, NULL));
  page = type (f, "zebra");
  g_assert_cmpuint (crm_search_page_get_n_results (page), ==, 0);
  g_assert_false (crm_search_page_activate_first (page));

  /* Escape clears the search and goes back where it started. */
  g_signal_emit_by_name (crm_window_get_search_entry (f->window), "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (crm_window_get_search_entry (f->window)), ==, "");
  g_assert_cmpstr (crm_window_get_page (f->window), ==, "accounts");
}

static void
test_custom_module (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmModule *module = crm_store_create_module (f->store, "projects", "Project", "Projects", "folder-symbolic", &error);
  CrmField *field;
  CrmSearchPage *page;

  g_assert_no_error (error);
  g_assert_nonnull (module);
  field = crm_store_add_field (f->store, "projects", "code_name", "Code Name", CRM_FIELD_TEXT,
                               CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (field);
  crm_test_create (f->store, "projects", "name", "Nightingale", "code_name", "NG-7", NULL);

  /* The new module has its place in the sidebar, and its records are found. */
  g_assert_true (crm_ui_test_wait (projects_counted, f, 3000));
  page = type (f, "nighting");
  g_assert_cmpuint (crm_search_page_get_n_results (page), ==, 1);
  g_assert_cmpstr (crm_search_page_get_result (page, 0)->module, ==, "projects");
}

int
main (int   argc,
      char *argv[])
{
  if (!crm_ui_test_init (&argc, &argv))
    return 77;

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/search/finds-phone-digits", test_finds_phone_digits);
  ADD ("/search/groups-by-module", test_groups_by_module);
  ADD ("/search/no-results-and-escape", test_no_results_and_escape);
  ADD ("/search/custom-module", test_custom_module);
#undef ADD

  return g_test_run ();
}
