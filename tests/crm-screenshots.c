/* crm-screenshots.c — draws the main views into PNG files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: crm-screenshots OUTPUT-FOLDER [SHOT-NAME...]
 *
 * Opens a database it fills itself, then for each entry of `shots` opens a
 * fresh window, runs the entry's setup function, waits until the window is
 * drawn, and saves it as OUTPUT-FOLDER/<name>.png. To add a shot, write a
 * setup function and add a line to the table at the end.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "crm-application.h"
#if __has_include ("crm-demo.h")
# include "crm-demo.h"
# define HAVE_DEMO 1
#endif
#include "crm-filter-editor.h"
#include "crm-list-view.h"
#include "crm-module-view.h"
#include "crm-views.h"
#include "crm-window.h"

#define DEFAULT_WIDTH 1280
#define DEFAULT_HEIGHT 800

/* A setup function puts the window in the state to draw. It returns what
 * to draw when that is not the main window (a dialog, a popover), or
 * NULL for the main window. */
typedef struct
{
  const char  *name;
  GtkWidget *(*setup) (CrmWindow *window,
                       CrmStore  *store);
  int          width;    /* 0: DEFAULT_WIDTH */
  int          height;   /* 0: DEFAULT_HEIGHT */
} Shot;

/*
 * Demo data: the demo generator's sample when it is part of the build,
 * otherwise a small fixed set. Either way every run draws the same
 * pictures.
 */

static gint64
create (CrmStore   *store,
        const char *module,
        ...)
{
  g_autoptr(CrmRecord) record = crm_record_new (crm_store_get_module (store, module));
  g_autoptr(GError) error = NULL;
  const char *field;
  va_list args;

  va_start (args, module);
  while ((field = va_arg (args, const char *)) != NULL)
    {
      const char *text = va_arg (args, const char *);
      CrmField *f = crm_module_get_field (crm_record_get_module (record), field);
      g_autoptr(GVariant) value = NULL;

      if (f == NULL || !crm_store_parse_value (store, f, text, &value, &error))
        g_error ("%s.%s = %s: %s", module, field, text, error ? error->message : "no such field");
      crm_record_set_value (record, field, value);
    }
  va_end (args);

  if (!crm_store_save_record (store, record, &error))
    g_error ("%s: %s", module, error->message);
  return crm_record_get_id (record);
}

#ifndef HAVE_DEMO
static const char *first_names[] = {
  "Sari", "Budi", "Dewi", "Agus", "Rina", "Andi", "Putri", "Hendra", "Maya", "Joko",
  "Lestari", "Rudi", "Intan", "Fajar", "Nadia", "Bayu", "Wulan", "Eko", "Citra", "Yusuf",
};
static const char *last_names[] = {
  "Halim", "Wijaya", "Santoso", "Pratama", "Kusuma", "Saputra", "Hidayat", "Siregar",
  "Nasution", "Gunawan", "Tanoto", "Setiawan", "Lubis", "Hakim", "Salim",
};
static const char *companies[] = {
  "PT Maju Jaya", "CV Sinar Abadi", "PT Nusantara Digital", "PT Samudra Logistik", "Toko Berkah",
  "PT Mega Konstruksi", "CV Harapan Baru", "PT Arunika Media", "PT Bumi Hijau Lestari", "Koperasi Sejahtera",
  "PT Cahaya Farma", "PT Garuda Teknik",
};
static const char *cities[] = { "Jakarta", "Bandung", "Surabaya", "Medan", "Yogyakarta", "Denpasar", "Makassar" };
static const char *lead_sources[] = { "Web Download", "Cold Call", "Trade Show", "Partner", "Advertisement", "Employee Referral" };
static const char *lead_statuses[] = { "Not Contacted", "Attempted to Contact", "Contact in Future", "Contacted", "Pre-Qualified", "Junk Lead" };
static const char *stages[] = { "Qualification", "Needs Analysis", "Value Proposition", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost" };

static char *
slug (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; *s; s++)
    if (g_ascii_isalnum (*s))
      g_string_append_c (out, g_ascii_tolower (*s));
  return g_string_free (out, FALSE);
}

static void
fill_demo (CrmStore *store)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  gint64 accounts[G_N_ELEMENTS (companies)];
  g_autoptr(GError) error = NULL;
  gint64 dewi = crm_store_add_user (store, "Dewi Lestari", "dewi@example.com", "Sales", &error);

  g_assert (dewi > 0);

  for (guint i = 0; i < G_N_ELEMENTS (companies); i++)
    {
      g_autofree char *site = slug (companies[i]);
      g_autofree char *web = g_strdup_printf ("https://%s.co.id", site);
      g_autofree char *phone = g_strdup_printf ("+62 21 %d %04d", 500 + i, g_rand_int_range (rand, 1000, 9999));

      accounts[i] = create (store, "accounts", "account_name", companies[i], "phone", phone, "website", web,
                            "account_type", i % 3 ? "Customer" : "Prospect",
                            "industry", i % 2 ? "Small/Medium Enterprise" : "Large Enterprise",
                            "billing_city", cities[i % G_N_ELEMENTS (cities)], NULL);
    }

  for (guint i = 0; i < 48; i++)
    {
      const char *first = first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))];
      const char *last = last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))];
      guint c = g_rand_int_range (rand, 0, G_N_ELEMENTS (companies));
      g_autofree char *site = slug (companies[c]);
      g_autofree char *email = g_strdup_printf ("%s.%s@%s.co.id", first, last, site);
      g_autofree char *lower = g_ascii_strdown (email, -1);
      g_autofree char *phone = i == 0 ? g_strdup ("+62 812-3456-7890")
                                      : g_strdup_printf ("+62 8%02d-%04d-%04d", 11 + i % 20,
                                                         g_rand_int_range (rand, 1000, 9999),
                                                         g_rand_int_range (rand, 1000, 9999));

      create (store, "leads", "first_name", first, "last_name", last, "company", companies[c],
              "email", lower, "phone", phone,
              "lead_source", lead_sources[i % G_N_ELEMENTS (lead_sources)],
              "lead_status", lead_statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (lead_statuses))],
              "city", cities[i % G_N_ELEMENTS (cities)],
              "owner_id", i % 4 == 0 ? "Dewi Lestari" : NULL, NULL);
    }

  for (guint i = 0; i < 30; i++)
    {
      const char *first = first_names[(i * 7) % G_N_ELEMENTS (first_names)];
      const char *last = last_names[(i * 5) % G_N_ELEMENTS (last_names)];
      guint c = i % G_N_ELEMENTS (companies);
      g_autofree char *email = g_strdup_printf ("%c.%s@example.co.id", g_ascii_tolower (first[0]), last);
      g_autofree char *lower = g_ascii_strdown (email, -1);
      g_autofree char *phone = g_strdup_printf ("+62 21 %04d %04d", 5000 + i, g_rand_int_range (rand, 1000, 9999));
      g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT, accounts[c]);

      create (store, "contacts", "first_name", first, "last_name", last, "account_name", account,
              "title", i % 3 ? "Purchasing Manager" : "Director", "email", lower, "phone", phone, NULL);
    }

  for (guint i = 0; i < 24; i++)
    {
      guint c = i % G_N_ELEMENTS (companies);
      g_autofree char *name = g_strdup_printf ("%s — %s", companies[c],
                                               i % 3 == 0 ? "ERP rollout" : i % 3 == 1 ? "Annual licences" : "Support renewal");
      g_autofree char *amount = g_strdup_printf ("%d", 15000 + g_rand_int_range (rand, 0, 300) * 500);
      g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT, accounts[c]);
      g_autofree char *date = g_strdup_printf ("2026-%02d-%02d", 1 + i % 12, 1 + (i * 3) % 28);

      create (store, "deals", "deal_name", name, "account_name", account, "amount", amount,
              "closing_date", date, "stage", stages[i % G_N_ELEMENTS (stages)], NULL);
    }

  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *subject = g_strdup_printf ("Follow up with %s", companies[i]);
      g_autofree char *date = g_strdup_printf ("2026-03-%02d", 2 + i * 3);
      create (store, "tasks", "subject", subject, "due_date", date,
              "status", i % 2 ? "Not Started" : "In Progress", "priority", i % 3 ? "Normal" : "High", NULL);
    }

  /* Something in the recycle bin, something viewed, a saved view. */
  {
    gint64 gone = create (store, "leads", "first_name", "Tono", "last_name", "Sutrisno", "company", "CV Lama", NULL);
    g_autoptr(CrmQuery) query = crm_query_new ("leads");

    crm_store_delete_record (store, "leads", gone, NULL);
    crm_query_add_criterion (query, "lead_status", CRM_OP_IS, g_variant_new_string ("Contacted"), NULL);
    crm_query_set_sort (query, "last_name", FALSE);
    if (crm_store_save_view (store, 0, "Contacted leads", query, NULL, &error) == 0)
      g_error ("%s", error->message);
  }
}
#else
static void
fill_demo (CrmStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuery) query = crm_query_new ("leads");
  gint64 gone;

  if (!crm_demo_fill (store, 1, &error))
    g_error ("%s", error->message);

  /* What a day of use adds: a saved view and something in the bin. */
  crm_query_add_criterion (query, "lead_status", CRM_OP_IS, g_variant_new_string ("Contacted"), NULL);
  crm_query_set_sort (query, "last_name", FALSE);
  if (crm_store_save_view (store, 0, "Contacted leads", query, NULL, &error) == 0)
    g_error ("%s", error->message);
  gone = create (store, "leads", "first_name", "Tono", "last_name", "Sutrisno", "company", "CV Lama", NULL);
  if (!crm_store_delete_record (store, "leads", gone, &error))
    g_error ("%s", error->message);
}
#endif

/*
 * Drawing
 */

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
}

static gboolean
save_png (GtkWidget   *window,
          const char  *path,
          GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL || renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "nothing was drawn");
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not write %s", path);
      return FALSE;
    }
  return TRUE;
}

static CrmModuleView *
show_module (CrmWindow  *window,
             const char *module)
{
  g_autoptr(GError) error = NULL;

  if (!crm_window_show_module (window, module, "list", &error))
    g_error ("%s", error->message);
  return CRM_MODULE_VIEW (crm_window_get_module_view (window, module));
}

static GtkWidget *
crm_ui_find (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = crm_ui_find (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/*
 * Shots
 */

static GtkWidget *
shot_home (CrmWindow *window,
           CrmStore  *store)
{
  crm_window_show_record (window, "accounts", 1, NULL);
  crm_window_show_record (window, "leads", 3, NULL);
  crm_window_show_record (window, "contacts", 2, NULL);
  crm_window_show_home (window);
  return NULL;
}

static GtkWidget *
shot_leads_list (CrmWindow *window,
                 CrmStore  *store)
{
  CrmModuleView *view = show_module (window, "leads");

  crm_module_view_set_sort (view, "last_name", FALSE);
  return NULL;
}

static GtkWidget *
shot_leads_selection (CrmWindow *window,
                      CrmStore  *store)
{
  CrmModuleView *view = show_module (window, "leads");
  GtkSelectionModel *selection = crm_list_view_get_selection (crm_module_view_get_list_view (view));

  gtk_selection_model_select_item (selection, 1, FALSE);
  gtk_selection_model_select_item (selection, 2, FALSE);
  gtk_selection_model_select_item (selection, 4, FALSE);
  return NULL;
}

static GtkWidget *
shot_leads_filter (CrmWindow *window,
                   CrmStore  *store)
{
  CrmModuleView *view = show_module (window, "leads");
  CrmFilterEditor *editor = crm_module_view_get_filter_editor (view);

  crm_module_view_reveal_filter (view, TRUE);
  crm_filter_editor_add_condition (editor, "city", CRM_OP_IS, "Jakarta", NULL);
  crm_filter_editor_add_condition (editor, "lead_source", CRM_OP_IS_NOT, "Cold Call", NULL);
  crm_module_view_apply_filter (view, NULL);
  return NULL;
}

static GtkWidget *
shot_deals_chip (CrmWindow *window,
                 CrmStore  *store)
{
  CrmModuleView *view = show_module (window, "deals");

  crm_module_view_set_chip (view, "Qualification");
  return NULL;
}

static GtkWidget *
shot_contacts (CrmWindow *window,
               CrmStore  *store)
{
  show_module (window, "contacts");
  return NULL;
}

static GtkWidget *
shot_search (CrmWindow *window,
             CrmStore  *store)
{
  /* A mobile number typed the local way: "+62 812-3456-7890" as "0812 3456". */
  g_autoptr(CrmRecord) lead = crm_store_load_record (store, "leads", 1, NULL);
  const char *phone = lead ? crm_record_get_string (lead, "mobile") : NULL;
  g_autofree char *typed = NULL;

  if (phone == NULL && lead != NULL)
    phone = crm_record_get_string (lead, "phone");
  if (phone != NULL && g_str_has_prefix (phone, "+62 "))
    {
      g_auto(GStrv) parts = g_strsplit_set (phone + 4, "- ", -1);
      typed = g_strdup_printf ("0%s %s", parts[0], parts[1] ? parts[1] : "");
    }
  gtk_editable_set_text (crm_window_get_search_entry (window), typed ? typed : "0812 3456");
  /* The entry waits for typing to stop before it searches. */
  wait_ms (500);
  return NULL;
}

static GtkWidget *
shot_search_empty (CrmWindow *window,
                   CrmStore  *store)
{
  gtk_editable_set_text (crm_window_get_search_entry (window), "zebra");
  wait_ms (500);
  return NULL;
}

static GtkWidget *
shot_record (CrmWindow *window,
             CrmStore  *store)
{
  show_module (window, "leads");
  crm_window_show_record (window, "leads", 1, NULL);
  return NULL;
}

static GtkWidget *
shot_empty_module (CrmWindow *window,
                   CrmStore  *store)
{
  show_module (window, "vendors");
  return NULL;
}

static GtkWidget *
shot_recycle_bin (CrmWindow *window,
                  CrmStore  *store)
{
  crm_module_view_set_scope (show_module (window, "leads"), CRM_SCOPE_DELETED);
  return NULL;
}

static GtkWidget *
shot_undo_toast (CrmWindow *window,
                 CrmStore  *store)
{
  show_module (window, "accounts");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-record", "(sx)", "accounts", (gint64) 12);
  return NULL;
}


static GtkWidget *
shot_narrow (CrmWindow *window,
             CrmStore  *store)
{
  show_module (window, "leads");
  return NULL;
}

static GtkWidget *
shot_deals_kanban (CrmWindow *window,
                   CrmStore  *store)
{
  g_autoptr(GError) error = NULL;

  if (!crm_window_show_module (window, "deals", "kanban", &error))
    g_error ("%s", error->message);
  return NULL;
}

static GtkWindow *
newest_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (!CRM_IS_WINDOW (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        found = w;
    }
  return found;
}

static GtkWidget *
shot_mass_update (CrmWindow *window,
                  CrmStore  *store)
{
  CrmModuleView *view = show_module (window, "leads");
  GtkSelectionModel *selection = crm_list_view_get_selection (crm_module_view_get_list_view (view));

  gtk_selection_model_select_range (selection, 0, 4, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (view), "module.update-field", NULL);
  wait_ms (300);
  return GTK_WIDGET (newest_dialog ());
}

static GtkWidget *
shot_new_lead (CrmWindow *window,
               CrmStore  *store)
{
  show_module (window, "leads");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-record", "s", "leads");
  wait_ms (300);
  return GTK_WIDGET (newest_dialog ());
}

static GtkWidget *
shot_view_menu (CrmWindow *window,
                CrmStore  *store)
{
  CrmModuleView *view = show_module (window, "leads");
  GtkMenuButton *button = GTK_MENU_BUTTON (crm_ui_find (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON));

  gtk_menu_button_popup (button);
  wait_ms (300);
  return GTK_WIDGET (gtk_menu_button_get_popover (button));
}

static const Shot shots[] = {
  { "home", shot_home, 0, 0 },
  { "leads-list", shot_leads_list, 0, 0 },
  { "leads-selection", shot_leads_selection, 0, 0 },
  { "leads-filter", shot_leads_filter, 0, 0 },
  { "deals-quick-filter", shot_deals_chip, 0, 0 },
  { "contacts-list", shot_contacts, 0, 0 },
  { "search-results", shot_search, 0, 0 },
  { "search-no-results", shot_search_empty, 0, 0 },
  { "record", shot_record, 0, 0 },
  { "empty-module", shot_empty_module, 0, 0 },
  { "recycle-bin", shot_recycle_bin, 0, 0 },
  { "undo-toast", shot_undo_toast, 0, 0 },
  { "narrow", shot_narrow, 400, 720 },
  { "deals-kanban", shot_deals_kanban, 0, 0 },
  { "mass-update-dialog", shot_mass_update, 0, 0 },
  { "new-lead", shot_new_lead, 0, 0 },
  { "view-menu", shot_view_menu, 0, 0 },
};

static gboolean
wanted (const char *name,
        int         argc,
        char      **argv)
{
  if (argc <= 2)
    return TRUE;
  for (int i = 2; i < argc; i++)
    if (g_str_equal (argv[i], name))
      return TRUE;
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CrmApplication) app = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  int failed = 0;

  if (argc < 2)
    {
      g_printerr ("Usage: %s OUTPUT-FOLDER [SHOT-NAME...]\n", argv[0]);
      return 2;
    }
  /* The same pictures whatever the desktop's settings. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("LC_ALL", "C.UTF-8", FALSE);
  if (g_mkdir_with_parents (argv[1], 0755) != 0)
    {
      g_printerr ("Cannot create %s\n", argv[1]);
      return 1;
    }

  app = crm_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  dir = g_dir_make_tmp ("crm-screenshots-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "demo.db", NULL);
  store = crm_store_open (db, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  fill_demo (store);

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      CrmWindow *window;
      GtkWidget *target;
      g_autofree char *file = NULL;
      g_autofree char *path = NULL;

      if (!wanted (shots[i].name, argc, argv))
        continue;
      window = crm_window_new (app, store);
      gtk_window_set_default_size (GTK_WINDOW (window),
                                   shots[i].width ? shots[i].width : DEFAULT_WIDTH,
                                   shots[i].height ? shots[i].height : DEFAULT_HEIGHT);
      gtk_window_present (GTK_WINDOW (window));
      wait_ms (300);
      target = shots[i].setup (window, store);
      wait_ms (700);

      file = g_strdup_printf ("%s.png", shots[i].name);
      path = g_build_filename (argv[1], file, NULL);
      if (!save_png (target ? target : GTK_WIDGET (window), path, &error))
        {
          g_printerr ("%s: %s\n", shots[i].name, error->message);
          g_clear_error (&error);
          failed++;
        }
      else
        g_print ("%s\n", path);
      if (target != NULL && GTK_IS_WINDOW (target))
        gtk_window_destroy (GTK_WINDOW (target));
      gtk_window_destroy (GTK_WINDOW (window));
      wait_ms (50);
    }

  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_remove (db);
    g_remove (wal);
    g_remove (shm);
    g_rmdir (dir);
  }
  return failed ? 1 : 0;
}
