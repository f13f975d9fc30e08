/* crm-home-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-home-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "crm-home-page.h"
#include "crm-recent.h"
#include "crm-timeline-row.h"

#define N_RECENT 8
/* Below this width the two recent lists stack. */
#define STACK_WIDTH 720

struct _CrmHomePage
{
  GtkWidget    parent_instance;

  GtkFlowBox  *modules_box;
  GtkBox      *recent_box;
  GtkListBox  *viewed_list;
  GtkListBox  *modified_list;

  CrmStore    *store;
  GHashTable  *counts;        /* module -> gint64 count (boxed) */
  GHashTable  *count_labels;  /* module -> GtkLabel (borrowed) */
  guint        n_viewed;
  guint        n_modified;
  guint        orient_id;
  GtkOrientation wanted;
};

G_DEFINE_FINAL_TYPE (CrmHomePage, crm_home_page, GTK_TYPE_WIDGET)

static void
on_module_clicked_cb (GtkButton   *button,
                      CrmHomePage *self)
{
  const char *module = g_object_get_data (G_OBJECT (button), "crm-module");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-module", "(ss)", module, "list");
}

static char *
format_count (gint64 count)
{
  return count < 0 ? g_strdup ("–") : g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

static void
update_card_label (CrmHomePage *self,
                   const char  *module,
                   GtkWidget   *button)
{
  GtkLabel *label = g_hash_table_lookup (self->count_labels, module);
  gint64 *count = g_hash_table_lookup (self->counts, module);
  CrmModule *m = crm_store_get_module (self->store, module);
  g_autofree char *text = format_count (count ? *count : -1);
  g_autofree char *accessible = NULL;

  if (label == NULL || m == NULL)
    return;
  gtk_label_set_text (label, text);
  /* Translators: a button on Home, e.g. "Leads: 1,234 records" */
  accessible = g_strdup_printf (_("%s: %s records"), crm_module_get_plural (m), text);
  if (button == NULL)
    button = gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_BUTTON);
  if (button != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static GtkWidget *
module_card (CrmHomePage *self,
             CrmModule   *module)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *icon = gtk_image_new_from_icon_name (crm_module_get_icon_name (module));
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *name = gtk_label_new (crm_module_get_plural (module));

  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "crm-module-card");
  gtk_image_set_icon_size (GTK_IMAGE (icon), GTK_ICON_SIZE_LARGE);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (count, "title-2");
  gtk_widget_add_css_class (count, "numeric");
  gtk_label_set_xalign (GTK_LABEL (count), 0);
  gtk_widget_add_css_class (name, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);

  gtk_box_append (GTK_BOX (texts), count);
  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_button_set_child (GTK_BUTTON (button), box);

  g_object_set_data_full (G_OBJECT (button), "crm-module", g_strdup (crm_module_get_api_name (module)), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_module_clicked_cb), self);
  g_hash_table_insert (self->count_labels, g_strdup (crm_module_get_api_name (module)), count);
  update_card_label (self, crm_module_get_api_name (module), button);
  return button;
}

static void
fill_modules (CrmHomePage *self)
{
  GPtrArray *modules = crm_store_get_modules (self->store);
  GtkWidget *child;

  g_hash_table_remove_all (self->count_labels);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->modules_box))) != NULL)
    gtk_flow_box_remove (self->modules_box, child);

  for (guint i = 0; i < modules->len; i++)
    {
      CrmModule *module = g_ptr_array_index (modules, i);

      if (crm_module_is_hidden (module))
        continue;
      gtk_flow_box_append (self->modules_box, module_card (self, module));
    }
}

static void
on_recent_activated_cb (AdwActionRow *row,
                        CrmHomePage  *self)
{
  const char *module = g_object_get_data (G_OBJECT (row), "crm-module");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "crm-id"));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)", module, id);
}

static guint
fill_recent (CrmHomePage *self,
             GtkListBox  *list,
             GPtrArray   *recent,
             gboolean     show_time)
{
  GtkListBoxRow *child;
  guint n = 0;

  /* Rows only: the placeholder is a child too. */
  while ((child = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (child));

  for (guint i = 0; recent != NULL && i < recent->len; i++)
    {
      CrmRecentRecord *r = g_ptr_array_index (recent, i);
      CrmModule *module = crm_store_get_module (self->store, r->module);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (r->title, -1);
      g_autofree char *when = show_time ? crm_format_relative_time (r->time, g_get_real_time () / G_USEC_PER_SEC) : NULL;
      g_autofree char *subtitle = NULL;

      if (module == NULL)
        continue;
      /* Translators: under a recent record: "Lead · 5 minutes ago" */
      subtitle = when ? g_strdup_printf (_("%s · %s"), crm_module_get_singular (module), when)
                      : g_strdup (crm_module_get_singular (module));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (crm_module_get_icon_name (module)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "crm-module", g_strdup (r->module), g_free);
      g_object_set_data (G_OBJECT (row), "crm-id", GSIZE_TO_POINTER ((gsize) r->id));
      g_signal_connect (row, "activated", G_CALLBACK (on_recent_activated_cb), self);
      gtk_list_box_append (list, row);
      n++;
    }
  return n;
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

void
crm_home_page_refresh (CrmHomePage *self)
{
  g_autoptr(GPtrArray) viewed = NULL;
  g_autoptr(GPtrArray) modified = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CRM_IS_HOME_PAGE (self));

  fill_modules (self);

  viewed = crm_store_list_recently_viewed (self->store, N_RECENT, &error);
  if (viewed == NULL)
    {
      g_warning ("Could not read the recently viewed records: %s", error->message);
      g_clear_error (&error);
    }
  modified = crm_store_list_recently_modified (self->store, N_RECENT, &error);
  if (modified == NULL)
    g_warning ("Could not read the recently modified records: %s", error->message);

  self->n_viewed = fill_recent (self, self->viewed_list, viewed, FALSE);
  self->n_modified = fill_recent (self, self->modified_list, modified, TRUE);
}

void
crm_home_page_set_count (CrmHomePage *self,
                         const char  *module,
                         gint64       count)
{
  gint64 *boxed;

  g_return_if_fail (CRM_IS_HOME_PAGE (self));

  boxed = g_new (gint64, 1);
  *boxed = count;
  g_hash_table_insert (self->counts, g_strdup (module), boxed);
  update_card_label (self, module, NULL);
}

guint
crm_home_page_get_n_recently_viewed (CrmHomePage *self)
{
  g_return_val_if_fail (CRM_IS_HOME_PAGE (self), 0);
  return self->n_viewed;
}

guint
crm_home_page_get_n_recently_modified (CrmHomePage *self)
{
  g_return_val_if_fail (CRM_IS_HOME_PAGE (self), 0);
  return self->n_modified;
}

static void
reorient_cb (gpointer data)
{
  CrmHomePage *self = data;

  self->orient_id = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->recent_box), self->wanted);
}

static void
crm_home_page_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  CrmHomePage *self = CRM_HOME_PAGE (widget);

  /* Side by side when there is room, one above the other when narrow.
   * Changed after this allocation: a resize cannot be queued inside one. */
  self->wanted = width < STACK_WIDTH ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;
  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->recent_box)) != self->wanted && self->orient_id == 0)
    self->orient_id = g_idle_add_once (reorient_cb, self);

  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

static void
crm_home_page_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
crm_home_page_dispose (GObject *object)
{
  CrmHomePage *self = (CrmHomePage *)object;

  g_clear_handle_id (&self->orient_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_HOME_PAGE);
  /* Template children that are not bound to a field stay parented. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->count_labels, g_hash_table_unref);

  G_OBJECT_CLASS (crm_home_page_parent_class)->dispose (object);
}

static void
crm_home_page_class_init (CrmHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_home_page_dispose;
  /* No layout manager: size_allocate is where the width is known. */
  widget_class->size_allocate = crm_home_page_size_allocate;
  widget_class->measure = crm_home_page_measure;

  g_type_ensure (ADW_TYPE_CLAMP);
  g_type_ensure (ADW_TYPE_PREFERENCES_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crm/ui/crm-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmHomePage, modules_box);
  gtk_widget_class_bind_template_child (widget_class, CrmHomePage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, CrmHomePage, viewed_list);
  gtk_widget_class_bind_template_child (widget_class, CrmHomePage, modified_list);
}

static void
crm_home_page_init (CrmHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->count_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_list_box_set_placeholder (self->viewed_list, placeholder (_("Records you open show up here")));
  gtk_list_box_set_placeholder (self->modified_list, placeholder (_("Records you create or change show up here")));
}

GtkWidget *
crm_home_page_new (CrmStore *store)
{
  CrmHomePage *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_HOME_PAGE, NULL);
  self->store = g_object_ref (store);
  crm_home_page_refresh (self);
  return GTK_WIDGET (self);
}
