/* crm-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-recent.h"
#include "crm-record-fallback.h"
#include "crm-window-private.h"

#if __has_include ("crm-record-page.h")
# include "crm-record-page.h"
# define HAVE_RECORD_PAGE 1
#endif

/* Recounts wait this long after the last change, so a burst of writes
 * (an import, a mass update) costs one COUNT per module. */
#define COUNT_DELAY_MS 400

G_DEFINE_FINAL_TYPE (CrmWindow, crm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void show_page (CrmWindow *self, const char *page);

/*
 * Helpers
 */

static CrmModuleView *
current_module_view (CrmWindow *self)
{
  if (self->page == NULL)
    return NULL;
  return g_hash_table_lookup (self->module_views, self->page);
}

const char *
_crm_window_current_module (CrmWindow *self)
{
  if (self->page != NULL && g_str_equal (self->page, "record"))
    return self->record_module;
  return self->module;
}

static gboolean
is_special_page (const char *page)
{
  return g_strcmp0 (page, "home") == 0 || g_strcmp0 (page, "search") == 0 || g_strcmp0 (page, "record") == 0;
}

/*
 * Title
 */

static void
set_title (CrmWindow  *self,
           const char *title,
           const char *subtitle)
{
  adw_window_title_set_title (self->window_title, title ? title : "");
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle ? subtitle : "");
}

void
_crm_window_update_title (CrmWindow *self)
{
  CrmModuleView *view = current_module_view (self);

  if (view != NULL)
    {
      CrmModule *module = crm_store_get_module (self->store, self->page);
      guint n = crm_module_view_get_n_records (view);
      /* Translators: the header subtitle of a module, e.g. "1,234 records" */
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%'u record", "%'u records", n), n);

      set_title (self, module ? crm_module_get_plural (module) : self->page, subtitle);
    }
  else if (g_strcmp0 (self->page, "record") == 0 && self->record_page != NULL)
    {
      g_autofree char *title = NULL;
      CrmModule *module = crm_store_get_module (self->store, self->record_module);

      g_object_get (self->record_page, "title", &title, NULL);
      set_title (self, title, module ? crm_module_get_singular (module) : NULL);
    }
  else if (g_strcmp0 (self->page, "search") == 0)
    {
      guint n = crm_search_page_get_n_results (self->search_page);
      g_autofree char *subtitle = n ? g_strdup_printf (ngettext ("%u result", "%u results", n), n) : NULL;

      set_title (self, _("Search"), subtitle);
    }
  else
    set_title (self, _("Home"), NULL);
}

static void
on_n_records_cb (CrmWindow *self)
{
  _crm_window_update_title (self);
}

static void
on_module_view_notify_view_cb (CrmWindow *self)
{
  CrmModuleView *view = current_module_view (self);

  if (view != NULL)
    g_settings_set_string (self->settings, "last-view", crm_module_view_get_view (view));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW]);
}

static void
bind_module_view (CrmWindow *self,
                  GtkWidget *view)
{
  if (self->bound_view == view)
    return;
  if (self->bound_view != NULL)
    {
      g_clear_signal_handler (&self->n_records_id, self->bound_view);
      g_clear_signal_handler (&self->view_notify_id, self->bound_view);
    }
  self->bound_view = view;
  if (view != NULL)
    {
      self->n_records_id = g_signal_connect_object (view, "notify::n-records", G_CALLBACK (on_n_records_cb),
                                                    self, G_CONNECT_SWAPPED);
      self->view_notify_id = g_signal_connect_object (view, "notify::view", G_CALLBACK (on_module_view_notify_view_cb),
                                                      self, G_CONNECT_SWAPPED);
    }
}

/*
 * Sidebar
 */

static GtkListBoxRow *
find_sidebar_row (CrmWindow  *self,
                  const char *name)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar_list, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "crm-page"), name) == 0)
      return row;
  return NULL;
}

static void
select_sidebar (CrmWindow  *self,
                const char *name)
{
  GtkListBoxRow *row = name ? find_sidebar_row (self, name) : NULL;

  self->syncing_sidebar = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->sidebar_list, row);
  else
    gtk_list_box_unselect_all (self->sidebar_list);
  self->syncing_sidebar = FALSE;
}

static void
set_count_label (CrmWindow  *self,
                 const char *module,
                 gint64      count)
{
  GtkLabel *label = g_hash_table_lookup (self->count_labels, module);

  if (label != NULL)
    {
      g_autofree char *text = count >= 0 ? g_strdup_printf ("%'" G_GINT64_FORMAT, count) : g_strdup ("");
      gtk_label_set_text (label, text);
    }
}

static GtkWidget *
sidebar_row (CrmWindow  *self,
             const char *page,
             const char *icon_name,
             const char *label_text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (label_text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  if (!g_str_equal (page, "home"))
    {
      GtkWidget *count = gtk_label_new (NULL);
      gint64 *n = g_hash_table_lookup (self->counts, page);

      gtk_widget_add_css_class (count, "dim-label");
      gtk_widget_add_css_class (count, "numeric");
      gtk_widget_add_css_class (count, "crm-count");
      gtk_box_append (GTK_BOX (box), count);
      g_hash_table_insert (self->count_labels, g_strdup (page), count);
      set_count_label (self, page, n ? *n : -1);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "crm-page", g_strdup (page), g_free);
  return row;
}

static void
sidebar_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       data)
{
  /* A line between Home and the modules. */
  if (before != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (before), "crm-page"), "home") == 0)
    {
      if (gtk_list_box_row_get_header (row) == NULL)
        gtk_list_box_row_set_header (row, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

static void
fill_sidebar (CrmWindow *self)
{
  GPtrArray *modules = crm_store_get_modules (self->store);
  GtkListBoxRow *child;

  self->syncing_sidebar = TRUE;
  g_hash_table_remove_all (self->count_labels);
  /* Rows only: their header separators are children too. */
  while ((child = gtk_list_box_get_row_at_index (self->sidebar_list, 0)) != NULL)
    gtk_list_box_remove (self->sidebar_list, GTK_WIDGET (child));

  gtk_list_box_append (self->sidebar_list, sidebar_row (self, "home", "go-home-symbolic", _("Home")));
  for (guint i = 0; i < modules->len; i++)
    {
      CrmModule *module = g_ptr_array_index (modules, i);

      if (crm_module_is_hidden (module))
        continue;
      gtk_list_box_append (self->sidebar_list,
                           sidebar_row (self, crm_module_get_api_name (module),
                                        crm_module_get_icon_name (module), crm_module_get_plural (module)));
    }
  self->syncing_sidebar = FALSE;
  select_sidebar (self, is_special_page (self->page) && g_strcmp0 (self->page, "home") != 0
                        ? self->module : self->page);
}

static void
navigate (CrmWindow  *self,
          const char *page)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (page, "home") == 0)
    crm_window_show_home (self);
  else if (!crm_window_show_module (self, page, NULL, &error))
    crm_window_show_error (self, _("Could Not Open the Module"), error);
}

static void
on_sidebar_row_selected_cb (CrmWindow     *self,
                            GtkListBoxRow *row)
{
  const char *page;

  if (self->syncing_sidebar || row == NULL)
    return;
  page = g_object_get_data (G_OBJECT (row), "crm-page");
  /* GtkListBox repeats the selection when it is mapped: the row of the
   * page (or of the record, or search, open over it) is no change. A
   * click on it goes through ::row-activated. */
  if (g_strcmp0 (page, self->page) == 0 ||
      (is_special_page (self->page) && g_strcmp0 (page, self->module) == 0))
    return;
  navigate (self, page);
}

static void
on_sidebar_row_activated_cb (CrmWindow     *self,
                             GtkListBoxRow *row)
{
  const char *page = g_object_get_data (G_OBJECT (row), "crm-page");

  /* Selecting an already selected row still shows its page (say, from
   * a record page) and, when folded, moves to the content. */
  if (g_strcmp0 (page, self->page) != 0)
    navigate (self, page);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
_crm_window_step_module (CrmWindow *self,
                         int        delta)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar_list);
  int index = row ? gtk_list_box_row_get_index (row) : 0;
  GtkListBoxRow *next = gtk_list_box_get_row_at_index (self->sidebar_list, MAX (0, index + delta));

  if (next != NULL && next != row)
    navigate (self, g_object_get_data (G_OBJECT (next), "crm-page"));
}

/*
 * Counts
 */

static void
store_count (CrmWindow  *self,
             const char *module,
             gint64      count)
{
  gint64 *boxed = g_new (gint64, 1);

  *boxed = count;
  g_hash_table_insert (self->counts, g_strdup (module), boxed);
  set_count_label (self, module, count);
  crm_home_page_set_count (self->home_page, module, count);
}

static void
recount (CrmWindow  *self,
         const char *module)
{
  g_autoptr(GError) error = NULL;
  gint64 count = crm_store_count_records (self->store, module, &error);

  if (count < 0)
    g_warning ("Could not count %s: %s", module, error->message);
  store_count (self, module, count);
}

void
crm_window_refresh_counts (CrmWindow *self)
{
  GPtrArray *modules;

  g_return_if_fail (CRM_IS_WINDOW (self));

  g_clear_handle_id (&self->counts_id, g_source_remove);
  g_hash_table_remove_all (self->dirty_counts);
  modules = crm_store_get_modules (self->store);
  for (guint i = 0; i < modules->len; i++)
    {
      CrmModule *module = g_ptr_array_index (modules, i);
      if (!crm_module_is_hidden (module))
        recount (self, crm_module_get_api_name (module));
    }
}

static gboolean
recount_dirty_cb (gpointer data)
{
  CrmWindow *self = data;
  GHashTableIter iter;
  gpointer key;

  self->counts_id = 0;
  g_hash_table_iter_init (&iter, self->dirty_counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (crm_store_get_module (self->store, key) != NULL)
      recount (self, key);
  g_hash_table_remove_all (self->dirty_counts);

  if (g_strcmp0 (self->page, "home") == 0)
    crm_home_page_refresh (self->home_page);
  else
    self->home_dirty = TRUE;
  return G_SOURCE_REMOVE;
}

static void
on_records_changed_cb (CrmWindow  *self,
                       const char *module,
                       gint64      id)
{
  g_hash_table_add (self->dirty_counts, g_strdup (module));
  g_clear_handle_id (&self->counts_id, g_source_remove);
  self->counts_id = g_timeout_add (COUNT_DELAY_MS, recount_dirty_cb, self);
  _crm_window_update_actions (self);
}

static void
on_metadata_changed_cb (CrmWindow *self)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autofree char *page = g_strdup (self->page);

  /* Module views hold the old fields: build them again when needed. */
  bind_module_view (self, NULL);
  g_hash_table_iter_init (&iter, self->module_views);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gtk_stack_remove (self->main_stack, value);
  g_hash_table_remove_all (self->module_views);

  fill_sidebar (self);
  crm_window_refresh_counts (self);
  crm_home_page_refresh (self->home_page);

  if (page != NULL && !is_special_page (page))
    {
      if (crm_store_get_module (self->store, page) != NULL)
        crm_window_show_module (self, page, NULL, NULL);
      else
        crm_window_show_home (self);
    }
}

/*
 * Pages
 */

static void
update_chrome (CrmWindow *self)
{
  gboolean module_page = current_module_view (self) != NULL;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean can_return = g_strcmp0 (self->page, "record") == 0;

  /* Narrow windows keep the header to what fits: the views are still a
   * Ctrl+1/2/3 away. */
  gtk_widget_set_visible (self->view_switcher, module_page && !folded);
  gtk_widget_set_visible (self->setup_button, !folded);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->search_entry), folded ? 8 : 16);
  gtk_widget_set_visible (self->back_button, can_return || folded);
  _crm_window_update_actions (self);
}

static void
on_folded_cb (CrmWindow *self)
{
  update_chrome (self);
}

static void
show_page (CrmWindow  *self,
           const char *page)
{
  if (g_strcmp0 (self->page, page) != 0)
    {
      /* Back from a record or the search returns here. */
      if (!g_str_equal (page, "record") && !g_str_equal (page, "search"))
        {
          g_free (self->return_page);
          self->return_page = NULL;
        }
      else if (self->page != NULL && !g_str_equal (self->page, "record") && !g_str_equal (self->page, "search"))
        {
          g_free (self->return_page);
          self->return_page = g_strdup (self->page);
        }
      g_free (self->page);
      self->page = g_strdup (page);
    }

  gtk_stack_set_visible_child_name (self->main_stack, page);
  bind_module_view (self, (GtkWidget *) current_module_view (self));
  if (!is_special_page (page))
    {
      g_free (self->module);
      self->module = g_strdup (page);
    }
  if (g_str_equal (page, "home") || !is_special_page (page))
    {
      select_sidebar (self, page);
      g_settings_set_string (self->settings, "last-module", page);
    }
  if (g_str_equal (page, "home") && self->home_dirty)
    {
      self->home_dirty = FALSE;
      crm_home_page_refresh (self->home_page);
    }
  if (adw_leaflet_get_folded (self->leaflet) && !g_str_equal (page, "search"))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  _crm_window_update_title (self);
  update_chrome (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW]);
}

void
crm_window_show_home (CrmWindow *self)
{
  g_return_if_fail (CRM_IS_WINDOW (self));

  crm_home_page_refresh (self->home_page);
  self->home_dirty = FALSE;
  show_page (self, "home");
}

GtkWidget *
crm_window_get_module_view (CrmWindow  *self,
                            const char *module)
{
  GtkWidget *view;

  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);

  if (module == NULL || crm_store_get_module (self->store, module) == NULL)
    return NULL;
  view = g_hash_table_lookup (self->module_views, module);
  if (view == NULL)
    {
      view = crm_module_view_new (self->store, module);
      gtk_stack_add_named (self->main_stack, view, module);
      g_hash_table_insert (self->module_views, g_strdup (module), view);
    }
  return view;
}

gboolean
crm_window_show_module (CrmWindow   *self,
                        const char  *module,
                        const char  *view,
                        GError     **error)
{
  GtkWidget *module_view;

  g_return_val_if_fail (CRM_IS_WINDOW (self), FALSE);

  if (module == NULL || crm_store_get_module (self->store, module) == NULL ||
      crm_module_is_hidden (crm_store_get_module (self->store, module)))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"), module ? module : "");
      return FALSE;
    }
  if (view != NULL && !g_str_equal (view, "list") && !g_str_equal (view, "kanban") && !g_str_equal (view, "canvas"))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("There is no view “%s”; use list, kanban or canvas"), view);
      return FALSE;
    }

  module_view = crm_window_get_module_view (self, module);
  if (view != NULL)
    crm_module_view_set_view (CRM_MODULE_VIEW (module_view), view);
  show_page (self, module);
  g_settings_set_string (self->settings, "last-view", crm_module_view_get_view (CRM_MODULE_VIEW (module_view)));
  return TRUE;
}

static void
on_record_title_cb (CrmWindow *self)
{
  if (g_strcmp0 (self->page, "record") == 0)
    _crm_window_update_title (self);
}

static void
ensure_record_page (CrmWindow *self)
{
  if (self->record_page != NULL)
    return;
#ifdef HAVE_RECORD_PAGE
  self->record_page = crm_record_page_new (self->store);
#else
  self->record_page = crm_fallback_record_page_new (self->store);
#endif
  g_signal_connect_object (self->record_page, "notify::title", G_CALLBACK (on_record_title_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->main_stack, self->record_page, "record");
}

gboolean
crm_window_show_record (CrmWindow   *self,
                        const char  *module,
                        gint64       id,
                        GError     **error)
{
  g_autoptr(CrmRecord) record = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (CRM_IS_WINDOW (self), FALSE);

  record = crm_store_load_record (self->store, module, id, error);
  if (record == NULL)
    return FALSE;

  ensure_record_page (self);
  g_free (self->record_module);
  self->record_module = g_strdup (module);
  self->record_id = id;
#ifdef HAVE_RECORD_PAGE
  crm_record_page_set_record (CRM_RECORD_PAGE (self->record_page), module, id);
#else
  crm_fallback_record_page_set_record (CRM_FALLBACK_RECORD_PAGE (self->record_page), module, id);
#endif
  if (!crm_store_mark_viewed (self->store, module, id, &local))
    g_warning ("Could not remember the viewed record: %s", local->message);
  self->home_dirty = TRUE;

  /* Coming from Home or elsewhere, the sidebar shows the record's module. */
  g_free (self->module);
  self->module = g_strdup (module);
  select_sidebar (self, module);
  show_page (self, "record");
  return TRUE;
}

gboolean
_crm_window_go_back (CrmWindow *self)
{
  if (g_strcmp0 (self->page, "record") == 0 || g_strcmp0 (self->page, "search") == 0)
    {
      g_autofree char *target = g_strdup (self->return_page ? self->return_page
                                                            : self->module ? self->module : "home");
      gboolean from_search = g_str_equal (self->page, "search");

      /* Leave first: clearing the entry reports a change, which must not
       * find the search page still showing. */
      navigate (self, target);
      if (from_search && *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
        gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      return TRUE;
    }
  if (adw_leaflet_get_folded (self->leaflet))
    return adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  return FALSE;
}

/*
 * Search
 */

static void
on_search_changed_cb (CrmWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    {
      if (g_strcmp0 (self->page, "search") == 0)
        _crm_window_go_back (self);
      return;
    }
  crm_search_page_set_text (self->search_page, stripped);
  show_page (self, "search");
}

static void
on_search_activate_cb (CrmWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  /* Enter right after typing must not wait for the debounce. */
  if (g_strcmp0 (crm_search_page_get_text (self->search_page), text) != 0)
    on_search_changed_cb (self);
  crm_search_page_activate_first (self->search_page);
}

static void
on_search_stop_cb (CrmWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (g_strcmp0 (self->page, "search") == 0)
    _crm_window_go_back (self);
}

static gboolean
on_search_key_cb (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  CrmWindow             *self)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && g_strcmp0 (self->page, "search") == 0)
    return crm_search_page_focus_first (self->search_page);
  return FALSE;
}

/*
 * Public API
 */

CrmStore *
crm_window_get_store (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);
  return self->store;
}

const char *
crm_window_get_page (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);
  return self->page;
}

const char *
crm_window_get_title_text (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);
  return adw_window_title_get_title (self->window_title);
}

const char *
crm_window_get_subtitle_text (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);
  return self->subtitle;
}

gint64
crm_window_get_sidebar_count (CrmWindow  *self,
                              const char *module)
{
  GtkLabel *label;
  g_autofree char *digits = NULL;
  const char *text;
  GString *s;

  g_return_val_if_fail (CRM_IS_WINDOW (self), -1);

  label = g_hash_table_lookup (self->count_labels, module);
  if (label == NULL)
    return -1;
  /* Read back what the label shows, whatever the digit grouping. */
  text = gtk_label_get_text (label);
  s = g_string_new (NULL);
  for (; *text; text++)
    if (g_ascii_isdigit (*text))
      g_string_append_c (s, *text);
  digits = g_string_free (s, FALSE);
  return *digits ? g_ascii_strtoll (digits, NULL, 10) : -1;
}

GtkWidget *
crm_window_get_search_page (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->search_page);
}

GtkEditable *
crm_window_get_search_entry (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GtkWidget *
crm_window_get_home_page (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->home_page);
}

void
crm_window_add_toast (CrmWindow  *self,
                      const char *message,
                      gint64      undo_change_id)
{
  AdwToast *toast;

  g_return_if_fail (CRM_IS_WINDOW (self));

  toast = adw_toast_new (message);
  if (undo_change_id > 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo-change");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (undo_change_id));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
crm_window_show_error (CrmWindow    *self,
                       const char   *title,
                       const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (CRM_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), title,
                                   error ? error->message : _("Something went wrong."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * GObject
 */

static gboolean
crm_window_close_request (GtkWindow *window)
{
  CrmWindow *self = CRM_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (crm_window_parent_class)->close_request (window);
}

static void
crm_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CrmWindow *self = CRM_WINDOW (object);
  CrmModuleView *view = current_module_view (self);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, view ? crm_module_view_get_view (view) : "list");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CrmWindow *self = CRM_WINDOW (object);
  CrmModuleView *view = current_module_view (self);

  switch (prop_id)
    {
    case PROP_VIEW:
      if (view != NULL)
        crm_module_view_set_view (view, g_value_get_string (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_window_dispose (GObject *object)
{
  CrmWindow *self = (CrmWindow *)object;

  g_clear_handle_id (&self->counts_id, g_source_remove);
  bind_module_view (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_WINDOW);
  g_clear_pointer (&self->module_views, g_hash_table_unref);
  g_clear_pointer (&self->count_labels, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (crm_window_parent_class)->dispose (object);
}

static void
crm_window_finalize (GObject *object)
{
  CrmWindow *self = (CrmWindow *)object;

  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->dirty_counts, g_hash_table_unref);
  g_free (self->page);
  g_free (self->module);
  g_free (self->return_page);
  g_free (self->record_module);
  g_free (self->subtitle);

  G_OBJECT_CLASS (crm_window_parent_class)->finalize (object);
}

static void
crm_window_class_init (CrmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = crm_window_dispose;
  object_class->finalize = crm_window_finalize;
  object_class->get_property = crm_window_get_property;
  object_class->set_property = crm_window_set_property;
  window_class->close_request = crm_window_close_request;

  /* The current module's view; "win.set-view" is its action. */
  properties [PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "list",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crm/ui/crm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, setup_button);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, main_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);

  gtk_widget_class_install_property_action (widget_class, "win.set-view", "view");
  _crm_window_class_init_actions (widget_class);
}

static void
crm_window_init (CrmWindow *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->module_views = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->count_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->dirty_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_list_box_set_header_func (self->sidebar_list, sidebar_header_func, NULL, NULL);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (360, g_settings_get_int (self->settings, "window-width")),
                               MAX (400, g_settings_get_int (self->settings, "window-height")));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

#ifdef DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

CrmWindow *
crm_window_new (CrmApplication *application,
                CrmStore       *store)
{
  CrmWindow *self;
  g_autofree char *last_module = NULL;
  g_autofree char *last_view = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_WINDOW, "application", application, NULL);
  self->store = g_object_ref (store);

  self->home_page = CRM_HOME_PAGE (crm_home_page_new (store));
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->home_page), "home");
  self->search_page = CRM_SEARCH_PAGE (crm_search_page_new (store));
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->search_page), "search");

  g_signal_connect_object (store, "records-changed", G_CALLBACK (on_records_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "metadata-changed", G_CALLBACK (on_metadata_changed_cb), self, G_CONNECT_SWAPPED);

  fill_sidebar (self);
  crm_window_refresh_counts (self);

  /* Where the last session ended. */
  last_module = g_settings_get_string (self->settings, "last-module");
  last_view = g_settings_get_string (self->settings, "last-view");
  if (g_str_equal (last_module, "home") || !crm_window_show_module (self, last_module, last_view, NULL))
    crm_window_show_home (self);

  return self;
}
