/* test-search.c — the global search index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crm-test-util.h"

static gboolean
has_hit (GPtrArray  *hits,
         const char *module,
         gint64      id)
{
  for (guint i = 0; i < hits->len; i++)
    {
      CrmSearchHit *hit = g_ptr_array_index (hits, i);
      if (g_str_equal (hit->module, module) && hit->id == id)
        return TRUE;
    }
  return FALSE;
}

static GPtrArray *
search (CrmStore   *store,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = crm_store_search (store, text, 20, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static void
test_match_expression (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "budi", "\"budi\"*" },
    { "Budi Santoso", "\"Budi\"* \"Santoso\"*" },
    { "0812 3456", "\"8123456\"*" },
    { "+62 812-3456-7890", "\"6281234567890\"*" },
    { "(021) 555-0199", "\"215550199\"*" },
    { "maju@example.com", "\"maju\"* \"example\"* \"com\"*" },
    { "\" OR * NEAR(", "\"OR\"* \"NEAR\"*" },
    { "   ", NULL },
    { "café", "\"café\"*" },
    { "PT 3M", "\"PT\"* \"3\"* \"M\"*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *match = crm_search_build_match (cases[i].in);
      g_assert_cmpstr (match, ==, cases[i].out);
    }
}

static void
test_phone_terms (void)
{
  g_autofree char *a = crm_search_phone_terms ("+62 812-3456-7890");
  g_autofree char *b = crm_search_phone_terms ("(021) 555-0199");

  g_assert_cmpstr (a, ==, "6281234567890 281234567890 81234567890 1234567890");
  g_assert_cmpstr (b, ==, "0215550199 215550199");
}

static void
test_search_finds_across_modules (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  gint64 account = crm_test_create (store, "accounts", "account_name", "PT Maju Jaya", "phone", "(021) 555-0199", NULL);
  g_autofree char *account_id = g_strdup_printf ("%" G_GINT64_FORMAT, account);
  gint64 contact = crm_test_create (store, "contacts", "first_name", "Siti", "last_name", "Rahayu",
                                    "email", "siti.rahayu@majujaya.co.id", "mobile", "+62 812-3456-7890",
                                    "account_name", account_id, NULL);
  gint64 lead = crm_test_create (store, "leads", "first_name", "Sîti", "last_name", "Nurhaliza", "company", "Globex", NULL);
  g_autoptr(GPtrArray) hits = NULL;

  /* Names, with accents folded */
  hits = search (store, "siti");
  g_assert_true (has_hit (hits, "contacts", contact));
  g_assert_true (has_hit (hits, "leads", lead));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Prefixes of two letters */
  hits = search (store, "ra");
  g_assert_true (has_hit (hits, "contacts", contact));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A company name finds the account and, through its lookup, the contact */
  hits = search (store, "maju jaya");
  g_assert_true (has_hit (hits, "accounts", account));
  g_assert_true (has_hit (hits, "contacts", contact));
  g_assert_false (has_hit (hits, "leads", lead));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Email parts */
  hits = search (store, "majujaya");
  g_assert_true (has_hit (hits, "contacts", contact));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Phone numbers in any format */
  {
    const char *forms[] = { "0812 3456", "08123456", "812-3456-7890", "+62 812 3456", "6281234" };
    for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
      {
        hits = search (store, forms[i]);
        if (!has_hit (hits, "contacts", contact))
          g_error ("“%s” did not find the contact", forms[i]);
        g_clear_pointer (&hits, g_ptr_array_unref);
      }
  }
  hits = search (store, "021 555");
  g_assert_true (has_hit (hits, "accounts", account));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Results are grouped: module order, all hits of a module together */
  hits = search (store, "s");
  for (guint i = 1; i < hits->len; i++)
    {
      CrmSearchHit *prev = g_ptr_array_index (hits, i - 1);
      CrmSearchHit *hit = g_ptr_array_index (hits, i);
      for (guint j = i + 1; j < hits->len; j++)
        if (!g_str_equal (prev->module, hit->module))
          g_assert_cmpstr (((CrmSearchHit *) g_ptr_array_index (hits, j))->module, !=, prev->module);
    }
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Edits keep the index current in the same transaction */
  g_assert_true (crm_store_set_field (store, "contacts", contact, "last_name", g_variant_new_string ("Wulandari"), &error));
  hits = search (store, "wulan");
  g_assert_true (has_hit (hits, "contacts", contact));
  g_assert_cmpstr (((CrmSearchHit *) g_ptr_array_index (hits, 0))->title, ==, "Siti Wulandari");
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_assert_true (crm_store_set_field (store, "contacts", contact, "email", NULL, &error));
  hits = search (store, "rahayu");
  g_assert_false (has_hit (hits, "contacts", contact));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Nothing to search for gives nothing, not an error */
  hits = search (store, "  -- ");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_custom_module_searchable (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 id;

  g_assert_nonnull (crm_store_create_module (store, "projects", "Project", "Projects", NULL, &error));
  id = crm_test_create (store, "projects", "name", "Gudang Surabaya", NULL);
  hits = search (store, "gudang");
  g_assert_true (has_hit (hits, "projects", id));

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

static void
test_rebuild_matches_incremental (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  crm_test_create (store, "contacts", "first_name", "Agus", "last_name", "Wijaya", "phone", "+62 811 222 333", NULL);
  crm_test_create (store, "leads", "last_name", "Hartono", "company", "CV Berkah", "mobile", "0813-9999-1111", NULL);
  before = search (store, "0813 9999");
  g_assert_cmpuint (before->len, ==, 1);

  g_assert_true (crm_store_rebuild_search (store, NULL, &error));
  g_assert_no_error (error);
  after = search (store, "0813 9999");
  g_assert_cmpuint (after->len, ==, 1);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = search (store, "811 222");
  g_assert_cmpuint (after->len, ==, 1);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = search (store, "berkah");
  g_assert_cmpuint (after->len, ==, 1);

  g_clear_object (&store);
  crm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/match-expression", test_match_expression);
  g_test_add_func ("/search/phone-terms", test_phone_terms);
  g_test_add_func ("/search/across-modules", test_search_finds_across_modules);
  g_test_add_func ("/search/custom-module", test_custom_module_searchable);
  g_test_add_func ("/search/rebuild", test_rebuild_matches_incremental);

  return g_test_run ();
}
