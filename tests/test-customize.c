/* test-customize.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "crm-customize.h"
#include "crm-templates.h"
#include "crm-test-util.h"

static guint
module_index (CrmStore   *store,
              const char *name)
{
  GPtrArray *modules = crm_store_get_modules (store);

  for (guint i = 0; i < modules->len; i++)
    if (g_strcmp0 (crm_module_get_api_name (g_ptr_array_index (modules, i)), name) == 0)
      return i;
  return G_MAXUINT;
}

static void
test_modules (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(CrmStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_assert_true (crm_customize_rename_module (store, "leads", "Prospect", "Prospects", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (crm_module_get_plural (crm_store_get_module (store, "leads")), ==, "Prospects");

  g_assert_false (crm_customize_rename_module (store, "leads", " ", "X", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_customize_rename_module (store, "nope", "A", "B", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (crm_customize_set_module_hidden (store, "contacts", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (crm_module_is_hidden (crm_store_get_module (store, "contacts")));

  g_assert_cmpuint (module_index (store, "leads"), ==, 0);
  g_assert_true (crm_customize_move_module (store, "leads", 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (module_index (store, "leads"), ==, 2);
  g_assert_true (crm_customize_move_module (store, "accounts", 0, &error));
  g_assert_cmpuint (module_index (store, "accounts"), ==, 0);

  g_assert_true (crm_customize_set_module_icon (store, "leads", "starred-symbolic", &error));
  g_assert_no_error (error);

  /* Survives a reopen: it is in the database, not only in memory. */
  path = g_strdup (crm_store_get_path (store));
  g_clear_object (&store);
  again = crm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_module_get_singular (crm_store_get_module (again, "leads")), ==, "Prospect");
  g_assert_cmpstr (crm_module_get_icon_name (crm_store_get_module (again, "leads")), ==, "starred-symbolic");
  g_assert_true (crm_module_is_hidden (crm_store_get_module (again, "contacts")));
  g_assert_cmpuint (module_index (again, "accounts"), ==, 0);
  g_assert_cmpuint (module_index (again, "leads"), ==, 2);
  g_clear_object (&again);
  crm_test_remove_dir (dir);
}

static void
test_fields_and_sections (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sections = NULL;
  CrmModule *leads;

  g_assert_nonnull (crm_store_add_field (store, "leads", "budget", "Budget", CRM_FIELD_CURRENCY,
                                         CRM_FIELD_FLAG_CUSTOM, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (crm_customize_move_field (store, "leads", "budget", 0, "Money", &error));
  g_assert_no_error (error);
  leads = crm_store_get_module (store, "leads");
  g_assert_cmpstr (crm_field_get_api_name (g_ptr_array_index (crm_module_get_fields (leads), 0)), ==, "budget");
  g_assert_cmpstr (crm_field_get_section (crm_module_get_field (leads, "budget")), ==, "Money");

  sections = crm_customize_list_sections (store, "leads");
  g_assert_cmpstr (sections[0], ==, "Money");

  g_assert_false (crm_customize_move_field (store, "leads", "nope", 0, NULL, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  crm_test_remove_dir (dir);
}

static void
test_picklists (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmRecord) record = NULL;
  const char *tags[] = { "Red", "Green", "Blue", NULL };
  gint64 a, b, c;
  CrmField *field;

  a = crm_test_create (store, "leads", "last_name", "A", "lead_source", "Chat", NULL);
  b = crm_test_create (store, "leads", "last_name", "B", "lead_source", "Chat", NULL);
  c = crm_test_create (store, "leads", "last_name", "C", "lead_source", "Partner", NULL);
  g_assert_cmpint (crm_customize_count_picklist_value (store, "leads", "lead_source", "Chat", &error), ==, 2);

  /* Reorder */
  g_assert_true (crm_customize_move_picklist_value (store, "leads", "lead_source", "Chat", 0, &error));
  g_assert_no_error (error);
  field = crm_module_get_field (crm_store_get_module (store, "leads"), "lead_source");
  g_assert_cmpstr (g_ptr_array_index (crm_field_get_picklist (field), 0), ==, "Chat");

  /* Remove with a replacement: records follow. */
  g_assert_false (crm_customize_remove_picklist_value (store, "leads", "lead_source", "Chat", "Nope", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_true (crm_customize_remove_picklist_value (store, "leads", "lead_source", "Chat", "Partner", &error));
  g_assert_no_error (error);
  field = crm_module_get_field (crm_store_get_module (store, "leads"), "lead_source");
  g_assert_false (crm_field_has_picklist_value (field, "Chat"));
  record = crm_store_load_record (store, "leads", a, &error);
  g_assert_cmpstr (crm_record_get_string (record, "lead_source"), ==, "Partner");
  g_clear_object (&record);
  g_assert_cmpint (crm_customize_count_picklist_value (store, "leads", "lead_source", "Partner", NULL), ==, 3);

  /* Remove without one: emptied. */
  g_assert_true (crm_customize_remove_picklist_value (store, "leads", "lead_source", "Partner", NULL, &error));
  g_assert_no_error (error);
  record = crm_store_load_record (store, "leads", b, &error);
  g_assert_null (crm_record_get_string (record, "lead_source"));
  g_clear_object (&record);
  record = crm_store_load_record (store, "leads", c, &error);
  g_assert_null (crm_record_get_string (record, "lead_source"));
  g_clear_object (&record);

  /* Values the program relies on stay. */
  g_assert_false (crm_customize_remove_picklist_value (store, "deals", "stage", "Closed Won", NULL, &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);

  /* Multi pick lists: the value leaves the list, the replacement is not doubled. */
  g_assert_nonnull (crm_store_add_field (store, "leads", "tags", "Tags", CRM_FIELD_MULTI_PICKLIST,
                                         CRM_FIELD_FLAG_CUSTOM, NULL, tags, &error));
  g_assert_no_error (error);
  a = crm_test_create (store, "leads", "last_name", "M", "tags", "Red; Blue", NULL);
  b = crm_test_create (store, "leads", "last_name", "N", "tags", "Red; Green", NULL);
  g_assert_cmpint (crm_customize_count_picklist_value (store, "leads", "tags", "Red", NULL), ==, 2);
  g_assert_true (crm_customize_remove_picklist_value (store, "leads", "tags", "Red", "Blue", &error));
  g_assert_no_error (error);
  record = crm_store_load_record (store, "leads", a, &error);
  g_assert_cmpstr (crm_record_get_string (record, "tags"), ==, "Blue");
  g_clear_object (&record);
  record = crm_store_load_record (store, "leads", b, &error);
  g_assert_cmpstr (crm_record_get_string (record, "tags"), ==, "Blue; Green");
  crm_test_remove_dir (dir);
}

static void
test_stages (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  CrmStageInfo *first;

  stages = crm_customize_list_stages (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stages->len, >=, 8);
  first = g_ptr_array_index (stages, 0);
  g_assert_cmpstr (first->stage, ==, "Qualification");
  g_assert_cmpint (first->probability, ==, 10);
  g_assert_cmpstr (first->category, ==, "open");

  g_assert_true (crm_customize_set_stage (store, "Qualification", 15, "open", "Best Case", &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_get_stage_probability (store, "Qualification"), ==, 15);
  g_assert_false (crm_customize_set_stage (store, "Qualification", 101, "open", "Pipeline", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_customize_set_stage (store, "Qualification", 10, "maybe", "Pipeline", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_clear_pointer (&stages, g_ptr_array_unref);
  stages = crm_customize_list_stages (store, &error);
  first = g_ptr_array_index (stages, 0);
  g_assert_cmpstr (first->forecast, ==, "Best Case");
  g_assert_cmpint (first->probability, ==, 15);
  crm_test_remove_dir (dir);
}

static void
test_templates (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) store = crm_test_open_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *accent = NULL;
  g_autofree char *terms = NULL;
  g_autofree char *footer = NULL;
  double r, g, b;

  g_assert_cmpint (crm_templates_get_template (store), ==, CRM_DOCUMENT_TEMPLATE_CLASSIC);
  g_assert_true (crm_templates_set_template (store, CRM_DOCUMENT_TEMPLATE_MODERN, &error));
  g_assert_cmpint (crm_templates_get_template (store), ==, CRM_DOCUMENT_TEMPLATE_MODERN);

  accent = crm_templates_dup_accent (store);
  g_assert_cmpstr (accent, ==, CRM_TEMPLATES_DEFAULT_ACCENT);
  g_clear_pointer (&accent, g_free);
  g_assert_false (crm_templates_set_accent (store, "red", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (crm_templates_set_accent (store, "#12345g", &error));
  g_clear_error (&error);
  g_assert_true (crm_templates_set_accent (store, "#FF8000", &error));
  accent = crm_templates_dup_accent (store);
  g_assert_cmpstr (accent, ==, "#ff8000");
  g_assert_true (crm_templates_parse_accent (accent, &r, &g, &b));
  g_assert_cmpfloat_with_epsilon (r, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (g, 128 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (b, 0.0, 1e-9);

  g_assert_cmpint (crm_templates_get_paper (store), ==, CRM_PAPER_A4);
  g_assert_true (crm_templates_set_paper (store, CRM_PAPER_LETTER, &error));
  g_assert_cmpint (crm_templates_get_paper (store), ==, CRM_PAPER_LETTER);

  g_assert_true (crm_templates_set_terms (store, "invoices", "Pay in 30 days.", &error));
  g_assert_no_error (error);
  terms = crm_templates_dup_terms (store, "invoices", &error);
  g_assert_cmpstr (terms, ==, "Pay in 30 days.");
  g_assert_null (crm_templates_dup_terms (store, "quotes", &error));
  g_assert_no_error (error);
  g_assert_false (crm_templates_set_terms (store, "leads", "x", &error));
  g_assert_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (crm_templates_set_footer (store, "Thank you", &error));
  footer = crm_templates_dup_footer (store);
  g_assert_cmpstr (footer, ==, "Thank you");
  crm_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/customize/modules", test_modules);
  g_test_add_func ("/customize/fields-and-sections", test_fields_and_sections);
  g_test_add_func ("/customize/picklists", test_picklists);
  g_test_add_func ("/customize/stages", test_stages);
  g_test_add_func ("/customize/templates", test_templates);
  return g_test_run ();
}
