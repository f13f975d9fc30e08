/* crm-search-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-search-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "crm-search-page.h"

/* At most this many detail values under a result's name. */
#define MAX_DETAILS 3

struct _CrmSearchPage
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  GtkBox        *results_box;
  AdwStatusPage *empty_page;

  CrmStore      *store;
  char          *text;
  GPtrArray     *hits;     /* CrmSearchHit */
  GtkWidget     *first_row;
};

G_DEFINE_FINAL_TYPE (CrmSearchPage, crm_search_page, GTK_TYPE_WIDGET)

static void
on_row_activated_cb (AdwActionRow  *row,
                     CrmSearchPage *self)
{
  const CrmSearchHit *hit = g_object_get_data (G_OBJECT (row), "crm-hit");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)", hit->module, hit->id);
}

static char *
digits_of (const char *text)
{
  GString *out = g_string_new (NULL);

  for (; text && *text; text++)
    if (g_ascii_isdigit (*text))
      g_string_append_c (out, *text);
  return g_string_free (out, FALSE);
}

/* Whether a value is what the search found: it holds one of the typed
 * words, or the typed digits (without a trunk zero) in any format. */
static gboolean
value_matches (const char  *value,
               char       **words,
               const char  *digits)
{
  g_autofree char *folded = g_utf8_casefold (value, -1);

  if (digits != NULL && strlen (digits) >= 3)
    {
      g_autofree char *value_digits = digits_of (value);
      if (strstr (value_digits, digits) != NULL)
        return TRUE;
    }
  for (guint i = 0; words[i] != NULL; i++)
    if (strlen (words[i]) >= 2 && strstr (folded, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* "PT Maju Jaya · sari@maju.example · +62 812-3456-7890": searchable
 * values that are not already in the name, those the search matched
 * first, so a hit found by its phone number shows that number. */
static char *
dup_details (CrmSearchPage      *self,
             const CrmSearchHit *hit)
{
  g_autoptr(CrmRecord) record = crm_store_load_record (self->store, hit->module, hit->id, NULL);
  g_autofree char *folded = g_utf8_casefold (self->text ? self->text : "", -1);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t,;", -1);
  g_autofree char *typed_digits = digits_of (self->text);
  const char *digits = typed_digits;
  g_autoptr(GPtrArray) matched = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  CrmModule *module;
  GPtrArray *fields;
  const char * const *title_fields;

  if (record == NULL)
    return NULL;
  while (*digits == '0')
    digits++;
  module = crm_record_get_module (record);
  fields = crm_module_get_fields (module);
  title_fields = crm_module_get_title_fields (module);

  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      const char *name = crm_field_get_api_name (field);
      GVariant *value;
      char *text;

      if (g_strv_contains (title_fields, name) || crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN) ||
          !(crm_field_has_flag (field, CRM_FIELD_FLAG_SEARCHABLE) || crm_field_get_field_type (field) == CRM_FIELD_LOOKUP))
        continue;
      value = crm_record_get_value (record, name);
      if (value == NULL)
        continue;
      text = crm_store_format_value (self->store, field, value);
      if (text == NULL || *text == '\0')
        {
          g_free (text);
          continue;
        }
      g_ptr_array_add (value_matches (text, words, digits) ? matched : others, text);
    }

  for (guint i = 0; i < matched->len + others->len && i < MAX_DETAILS; i++)
    {
      const char *text = i < matched->len ? g_ptr_array_index (matched, i)
                                          : g_ptr_array_index (others, i - matched->len);
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, text);
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static GtkWidget *
add_group (CrmSearchPage *self,
           CrmModule     *module)
{
  GtkWidget *label = gtk_label_new (crm_module_get_plural (module));
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, gtk_widget_get_first_child (GTK_WIDGET (self->results_box)) ? 18 : 0);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_box_append (self->results_box, label);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  crm_module_get_plural (module), -1);
  gtk_box_append (self->results_box, list);
  return list;
}

static void
clear_results (CrmSearchPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_box))) != NULL)
    gtk_box_remove (self->results_box, child);
  self->first_row = NULL;
  g_ptr_array_set_size (self->hits, 0);
}

void
crm_search_page_set_text (CrmSearchPage *self,
                          const char    *text)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;
  GtkWidget *list = NULL;
  const char *module = NULL;

  g_return_if_fail (CRM_IS_SEARCH_PAGE (self));

  stripped = g_strstrip (g_strdup (text ? text : ""));
  g_free (self->text);
  self->text = g_strdup (stripped);
  clear_results (self);

  if (*stripped == '\0')
    {
      gtk_stack_set_visible_child_name (self->stack, "hint");
      return;
    }

  hits = crm_store_search (self->store, stripped, CRM_SEARCH_PER_MODULE, &error);
  if (hits == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Search Failed"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  if (hits->len == 0)
    {
      g_autofree char *description = g_strdup_printf (_("Nothing matches “%s”. Try a different search."), stripped);
      adw_status_page_set_title (self->empty_page, _("No Results Found"));
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      CrmSearchHit *hit = g_ptr_array_index (hits, i);
      CrmModule *m = crm_store_get_module (self->store, hit->module);
      GtkWidget *row;
      GtkWidget *icon;
      g_autofree char *details = NULL;
      g_autofree char *escaped = NULL;

      if (m == NULL)
        continue;
      if (g_strcmp0 (module, hit->module) != 0)
        {
          list = add_group (self, m);
          module = hit->module;
        }

      row = adw_action_row_new ();
      escaped = g_markup_escape_text (hit->title && *hit->title ? hit->title : _("Untitled"), -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      details = dup_details (self, hit);
      if (details != NULL)
        {
          g_autofree char *escaped_details = g_markup_escape_text (details, -1);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_details);
        }
      icon = gtk_image_new_from_icon_name (crm_module_get_icon_name (m));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "crm-hit", hit);
      g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), self);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      if (self->first_row == NULL)
        self->first_row = row;
    }

  /* The rows point into the array: keep it as long as they live. */
  g_ptr_array_extend_and_steal (self->hits, g_steal_pointer (&hits));
  gtk_stack_set_visible_child_name (self->stack, "results");
}

const char *
crm_search_page_get_text (CrmSearchPage *self)
{
  g_return_val_if_fail (CRM_IS_SEARCH_PAGE (self), NULL);
  return self->text;
}

guint
crm_search_page_get_n_results (CrmSearchPage *self)
{
  g_return_val_if_fail (CRM_IS_SEARCH_PAGE (self), 0);
  return self->hits->len;
}

const CrmSearchHit *
crm_search_page_get_result (CrmSearchPage *self,
                            guint          index)
{
  g_return_val_if_fail (CRM_IS_SEARCH_PAGE (self), NULL);
  return index < self->hits->len ? g_ptr_array_index (self->hits, index) : NULL;
}

gboolean
crm_search_page_activate_first (CrmSearchPage *self)
{
  g_return_val_if_fail (CRM_IS_SEARCH_PAGE (self), FALSE);

  if (self->first_row == NULL)
    return FALSE;
  adw_action_row_activate (ADW_ACTION_ROW (self->first_row));
  return TRUE;
}

gboolean
crm_search_page_focus_first (CrmSearchPage *self)
{
  g_return_val_if_fail (CRM_IS_SEARCH_PAGE (self), FALSE);
  return self->first_row != NULL && gtk_widget_grab_focus (self->first_row);
}

static void
crm_search_page_dispose (GObject *object)
{
  CrmSearchPage *self = (CrmSearchPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_SEARCH_PAGE);
  /* Template children that are not bound to a field stay parented. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  self->first_row = NULL;
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_search_page_parent_class)->dispose (object);
}

static void
crm_search_page_finalize (GObject *object)
{
  CrmSearchPage *self = (CrmSearchPage *)object;

  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_free (self->text);

  G_OBJECT_CLASS (crm_search_page_parent_class)->finalize (object);
}

static void
crm_search_page_class_init (CrmSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_search_page_dispose;
  object_class->finalize = crm_search_page_finalize;

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  g_type_ensure (ADW_TYPE_CLAMP);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crm/ui/crm-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmSearchPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmSearchPage, results_box);
  gtk_widget_class_bind_template_child (widget_class, CrmSearchPage, empty_page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crm_search_page_init (CrmSearchPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_search_hit_free);
}

GtkWidget *
crm_search_page_new (CrmStore *store)
{
  CrmSearchPage *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_SEARCH_PAGE, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
