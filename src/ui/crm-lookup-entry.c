/* crm-lookup-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-lookup-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-lookup-entry.h"
#include "crm-search.h"

#define MAX_RESULTS 20

struct _CrmLookupEntry
{
  AdwBin          parent_instance;

  /* Owned references */
  CrmStore       *store;
  char           *module;
  char           *accessible_name;
  GArray         *result_ids;

  /* Widgets */
  GtkMenuButton  *button;
  GtkLabel       *label;
  GtkPopover     *popover;
  GtkSearchEntry *search_entry;
  GtkListBox     *results;
  GtkLabel       *status;
  GtkButton      *clear_button;

  gint64          value;
};

G_DEFINE_FINAL_TYPE (CrmLookupEntry, crm_lookup_entry, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODULE,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
module_plural (CrmLookupEntry *self)
{
  CrmModule *module = crm_store_get_module (self->store, self->module);

  return module ? crm_module_get_plural (module) : self->module;
}

/* The menu button gets the field's name; its inner toggle button gets
 * the chosen record as its description. */
static void
update_accessible (CrmLookupEntry *self)
{
  GtkWidget *toggle = gtk_widget_get_first_child (GTK_WIDGET (self->button));

  if (toggle == NULL)
    return;
  if (self->accessible_name != NULL)
    {
      /* The inner toggle is labelled by the menu button. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      self->accessible_name, -1);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_label (self->label), -1);
}

static void
update_label (CrmLookupEntry *self)
{
  g_autofree char *title = NULL;

  if (self->value != 0)
    title = crm_store_dup_record_title (self->store, self->module, self->value);
  if (self->value != 0 && (title == NULL || *title == '\0'))
    {
      g_free (title);
      title = g_strdup_printf ("#%" G_GINT64_FORMAT, self->value);
    }

  if (title == NULL)
    {
      gtk_label_set_label (self->label, _("None"));
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->label, title);
      gtk_widget_remove_css_class (GTK_WIDGET (self->label), "dim-label");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), self->value != 0);
  update_accessible (self);
}

static void
clear_results (CrmLookupEntry *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  g_array_set_size (self->result_ids, 0);
}

static void
show_status (CrmLookupEntry *self,
             const char     *text)
{
  gtk_label_set_label (self->status, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status), text != NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->results)), text == NULL);
}

static GtkWidget *
result_row (const char *title,
            gboolean    current)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (current)
    {
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Current"), -1);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

void
crm_lookup_entry_search (CrmLookupEntry *self,
                         const char     *text)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (CRM_IS_LOOKUP_ENTRY (self));

  clear_results (self);
  stripped = g_strstrip (g_strdup (text ? text : ""));
  if (*stripped == '\0')
    {
      /* Translators: %s is a module's plural, e.g. "Accounts" */
      message = g_strdup_printf (_("Type to search %s"), module_plural (self));
      show_status (self, message);
      return;
    }

  hits = crm_store_search (self->store, stripped, MAX_RESULTS, &error);
  if (hits == NULL)
    {
      show_status (self, error->message);
      return;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      CrmSearchHit *hit = g_ptr_array_index (hits, i);

      if (!g_str_equal (hit->module, self->module))
        continue;
      gtk_list_box_append (self->results, result_row (hit->title, hit->id == self->value));
      g_array_append_val (self->result_ids, hit->id);
    }

  if (self->result_ids->len == 0)
    {
      /* Translators: %s is what the user typed */
      message = g_strdup_printf (_("Nothing matches “%s”"), stripped);
      show_status (self, message);
      return;
    }
  show_status (self, NULL);
}

static void
on_search_changed_cb (CrmLookupEntry *self)
{
  crm_lookup_entry_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_row_activated_cb (CrmLookupEntry *self,
                     GtkListBoxRow  *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index < 0 || (guint) index >= self->result_ids->len)
    return;
  crm_lookup_entry_set_value (self, g_array_index (self->result_ids, gint64, index));
  gtk_popover_popdown (self->popover);
}

static void
on_search_activate_cb (CrmLookupEntry *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results, 0);

  if (first != NULL)
    on_row_activated_cb (self, first);
}

static void
on_stop_search_cb (CrmLookupEntry *self)
{
  gtk_popover_popdown (self->popover);
}

static gboolean
on_search_key_pressed_cb (CrmLookupEntry        *self,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          GtkEventControllerKey *controller)
{
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  first = gtk_list_box_get_row_at_index (self->results, 0);
  if (first == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

static void
on_popover_show_cb (CrmLookupEntry *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  on_search_changed_cb (self);
}

static void
on_clear_clicked_cb (CrmLookupEntry *self)
{
  crm_lookup_entry_set_value (self, 0);
  gtk_popover_popdown (self->popover);
}

static void
build (CrmLookupEntry *self)
{
  GtkWidget *content, *box, *scroller, *icon;
  GtkEventController *keys;
  g_autofree char *placeholder = NULL;
  g_autofree char *tooltip = NULL;
  CrmModule *module = crm_store_get_module (self->store, self->module);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  /* In a row the button reads as the row's value, like a combo row's. */
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  icon = gtk_image_new_from_icon_name (module && crm_module_get_icon_name (module)
                                       ? crm_module_get_icon_name (module) : "edit-find-symbolic");
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->label, 28);
  gtk_box_append (GTK_BOX (content), icon);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->label));
  gtk_menu_button_set_child (self->button, content);
  /* Translators: %s is a module's singular, e.g. "Account" */
  tooltip = g_strdup_printf (_("Choose a %s"), module ? crm_module_get_singular (module) : self->module);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), tooltip);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->button));

  self->popover = GTK_POPOVER (gtk_popover_new ());
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (on_popover_show_cb), self);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 300, -1);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  /* Translators: %s is a module's plural, e.g. "Accounts" */
  placeholder = g_strdup_printf (_("Search %s"), module_plural (self));
  g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);
  gtk_search_entry_set_search_delay (self->search_entry, 150);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (on_stop_search_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_max_width_chars (self->status, 30);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->status), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->status), 18);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));

  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->results, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->results, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Matches"), -1);
  g_signal_connect_swapped (self->results, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->results));
  gtk_box_append (GTK_BOX (box), scroller);

  self->clear_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Clear")));
  gtk_widget_add_css_class (GTK_WIDGET (self->clear_button), "flat");
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->clear_button));

  gtk_popover_set_child (self->popover, box);
  gtk_menu_button_set_popover (self->button, GTK_WIDGET (self->popover));
  update_label (self);
}

static void
crm_lookup_entry_constructed (GObject *object)
{
  CrmLookupEntry *self = (CrmLookupEntry *)object;

  G_OBJECT_CLASS (crm_lookup_entry_parent_class)->constructed (object);
  g_assert (CRM_IS_STORE (self->store));
  g_assert (self->module != NULL);
  build (self);
}

static void
crm_lookup_entry_dispose (GObject *object)
{
  CrmLookupEntry *self = (CrmLookupEntry *)object;

  g_clear_object (&self->store);
  G_OBJECT_CLASS (crm_lookup_entry_parent_class)->dispose (object);
}

static void
crm_lookup_entry_finalize (GObject *object)
{
  CrmLookupEntry *self = (CrmLookupEntry *)object;

  g_clear_pointer (&self->module, g_free);
  g_clear_pointer (&self->accessible_name, g_free);
  g_clear_pointer (&self->result_ids, g_array_unref);
  G_OBJECT_CLASS (crm_lookup_entry_parent_class)->finalize (object);
}

static void
crm_lookup_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrmLookupEntry *self = CRM_LOOKUP_ENTRY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_MODULE:
      g_value_set_string (value, self->module);
      break;

    case PROP_VALUE:
      g_value_set_int64 (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_lookup_entry_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CrmLookupEntry *self = CRM_LOOKUP_ENTRY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_MODULE:
      self->module = g_value_dup_string (value);
      break;

    case PROP_VALUE:
      crm_lookup_entry_set_value (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_lookup_entry_class_init (CrmLookupEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = crm_lookup_entry_constructed;
  object_class->dispose = crm_lookup_entry_dispose;
  object_class->finalize = crm_lookup_entry_finalize;
  object_class->get_property = crm_lookup_entry_get_property;
  object_class->set_property = crm_lookup_entry_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MODULE] =
    g_param_spec_string ("module", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_VALUE] =
    g_param_spec_int64 ("value", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_lookup_entry_init (CrmLookupEntry *self)
{
  self->result_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWidget *
crm_lookup_entry_new (CrmStore   *store,
                      const char *module)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (module != NULL, NULL);

  return g_object_new (CRM_TYPE_LOOKUP_ENTRY, "store", store, "module", module, NULL);
}

const char *
crm_lookup_entry_get_module (CrmLookupEntry *self)
{
  g_return_val_if_fail (CRM_IS_LOOKUP_ENTRY (self), NULL);

  return self->module;
}

gint64
crm_lookup_entry_get_value (CrmLookupEntry *self)
{
  g_return_val_if_fail (CRM_IS_LOOKUP_ENTRY (self), 0);

  return self->value;
}

void
crm_lookup_entry_set_value (CrmLookupEntry *self,
                            gint64          id)
{
  g_return_if_fail (CRM_IS_LOOKUP_ENTRY (self));
  g_return_if_fail (id >= 0);

  if (self->value == id)
    return;
  self->value = id;
  if (self->button != NULL)
    update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALUE]);
}

void
crm_lookup_entry_popup (CrmLookupEntry *self)
{
  g_return_if_fail (CRM_IS_LOOKUP_ENTRY (self));

  gtk_menu_button_popup (self->button);
}

GtkListBox *
crm_lookup_entry_get_results (CrmLookupEntry *self)
{
  g_return_val_if_fail (CRM_IS_LOOKUP_ENTRY (self), NULL);

  return self->results;
}

void
crm_lookup_entry_set_accessible_name (CrmLookupEntry *self,
                                      const char     *name)
{
  g_return_if_fail (CRM_IS_LOOKUP_ENTRY (self));

  g_free (self->accessible_name);
  self->accessible_name = g_strdup (name);
  update_accessible (self);
}
