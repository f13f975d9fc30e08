/* crm-record-fallback.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-record-fallback"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-record-fallback.h"

/*
 * Record page: the record's fields by section, with Edit and Delete.
 */

struct _CrmFallbackRecordPage
{
  GtkWidget   parent_instance;

  GtkWidget  *scroller;
  GtkBox     *content;
  CrmStore   *store;
  char       *module;
  gint64      id;
  char       *title;
  gulong      changed_id;
};

G_DEFINE_FINAL_TYPE (CrmFallbackRecordPage, crm_fallback_record_page, GTK_TYPE_WIDGET)

enum {
  PAGE_PROP_0,
  PAGE_PROP_TITLE,
  PAGE_N_PROPS
};

static GParamSpec *page_properties [PAGE_N_PROPS];

static void
set_title (CrmFallbackRecordPage *self,
           const char            *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), page_properties [PAGE_PROP_TITLE]);
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *module,
               gint64      id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sx)", module, id);
  return button;
}

static void
rebuild_page (CrmFallbackRecordPage *self)
{
  g_autoptr(CrmRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWidget *child;
  GtkWidget *header, *texts, *heading, *sub, *buttons;
  AdwPreferencesGroup *group = NULL;
  const char *section = NULL;
  CrmModule *module;
  GPtrArray *fields;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);

  record = crm_store_load_record (self->store, self->module, self->id, &error);
  if (record == NULL)
    {
      GtkWidget *status = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-warning-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Record Not Found"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
      gtk_box_append (self->content, status);
      set_title (self, _("Record Not Found"));
      return;
    }

  module = crm_record_get_module (record);
  title = crm_record_dup_title (record);
  if (*title == '\0')
    {
      g_free (title);
      title = g_strdup_printf ("%s #%" G_GINT64_FORMAT, crm_module_get_singular (module), self->id);
    }
  set_title (self, title);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (texts, TRUE);
  heading = gtk_label_new (title);
  gtk_widget_add_css_class (heading, "title-1");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  sub = gtk_label_new (crm_record_is_deleted (record) ? _("In the recycle bin") : crm_module_get_singular (module));
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_box_append (GTK_BOX (texts), heading);
  gtk_box_append (GTK_BOX (texts), sub);
  gtk_box_append (GTK_BOX (header), gtk_image_new_from_icon_name (crm_module_get_icon_name (module)));
  gtk_image_set_pixel_size (GTK_IMAGE (gtk_widget_get_first_child (header)), 48);
  gtk_box_append (GTK_BOX (header), texts);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  if (!crm_record_is_deleted (record))
    {
      gtk_box_append (GTK_BOX (buttons), action_button (_("_Edit"), "win.edit-record", self->module, self->id));
      gtk_box_append (GTK_BOX (buttons), action_button (_("_Clone"), "win.clone-record", self->module, self->id));
      child = action_button (_("_Delete"), "win.delete-record", self->module, self->id);
      gtk_widget_add_css_class (child, "destructive-action");
      gtk_box_append (GTK_BOX (buttons), child);
    }
  gtk_box_append (GTK_BOX (header), buttons);
  gtk_box_append (self->content, header);

  fields = crm_module_get_fields (module);
  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      GVariant *value = crm_record_get_value (record, crm_field_get_api_name (field));
      g_autofree char *text = NULL;
      g_autofree char *escaped = NULL;
      GtkWidget *row;

      if (value == NULL || crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN))
        continue;
      text = crm_store_format_value (self->store, field, value);
      if (text == NULL || *text == '\0')
        continue;
      if (group == NULL || g_strcmp0 (section, crm_field_get_section (field)) != 0)
        {
          section = crm_field_get_section (field);
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, section ? section : "");
          gtk_box_append (self->content, GTK_WIDGET (group));
        }
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_field_get_label (field));
      escaped = g_markup_escape_text (text, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (group, row);
    }
}

static void
on_record_changed_cb (CrmFallbackRecordPage *self,
                      const char            *module,
                      gint64                 id)
{
  if (id == 0 || id == self->id)
    rebuild_page (self);
}

void
crm_fallback_record_page_set_record (CrmFallbackRecordPage *self,
                                     const char            *module,
                                     gint64                 id)
{
  g_autofree char *signal = NULL;

  g_return_if_fail (CRM_IS_FALLBACK_RECORD_PAGE (self));

  g_free (self->module);
  self->module = g_strdup (module);
  self->id = id;
  g_clear_signal_handler (&self->changed_id, self->store);
  signal = g_strdup_printf ("records-changed::%s", module);
  self->changed_id = g_signal_connect_object (self->store, signal, G_CALLBACK (on_record_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  rebuild_page (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

static void
crm_fallback_record_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  CrmFallbackRecordPage *self = CRM_FALLBACK_RECORD_PAGE (object);

  switch (prop_id)
    {
    case PAGE_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_fallback_record_page_dispose (GObject *object)
{
  CrmFallbackRecordPage *self = (CrmFallbackRecordPage *)object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_fallback_record_page_parent_class)->dispose (object);
}

static void
crm_fallback_record_page_finalize (GObject *object)
{
  CrmFallbackRecordPage *self = (CrmFallbackRecordPage *)object;

  g_free (self->module);
  g_free (self->title);

  G_OBJECT_CLASS (crm_fallback_record_page_parent_class)->finalize (object);
}

static void
crm_fallback_record_page_class_init (CrmFallbackRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_fallback_record_page_dispose;
  object_class->finalize = crm_fallback_record_page_finalize;
  object_class->get_property = crm_fallback_record_page_get_property;

  page_properties [PAGE_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, PAGE_N_PROPS, page_properties);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
crm_fallback_record_page_init (CrmFallbackRecordPage *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_margin_top (GTK_WIDGET (self->content), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->content), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->content), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->content), 18);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->content));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
}

GtkWidget *
crm_fallback_record_page_new (CrmStore *store)
{
  CrmFallbackRecordPage *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_FALLBACK_RECORD_PAGE, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}

/*
 * Editor: one row per editable field, parsed by the store on save.
 */

struct _CrmFallbackEditor
{
  AdwWindow    parent_instance;

  CrmStore    *store;
  CrmModule   *module;
  CrmRecord   *record;      /* what is edited: loaded, cloned or new */
  GHashTable  *rows;        /* field api name -> row widget */
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (CrmFallbackEditor, crm_fallback_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_EDITOR_SIGNALS
};

static guint editor_signals [N_EDITOR_SIGNALS];

static char *
row_text (CrmFallbackEditor *self,
          CrmField          *field,
          GtkWidget         *row)
{
  switch (crm_field_get_field_type (field))
    {
    case CRM_FIELD_PICKLIST:
      {
        GtkStringObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row));
        return g_strdup (item ? gtk_string_object_get_string (item) : "");
      }
    case CRM_FIELD_CHECKBOX:
      return g_strdup (gtk_switch_get_active (g_object_get_data (G_OBJECT (row), "crm-switch")) ? "true" : "false");
    default:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
    }
}

gboolean
crm_fallback_editor_set_text (CrmFallbackEditor *self,
                              const char        *field_name,
                              const char        *text)
{
  GtkWidget *row;
  CrmField *field;

  g_return_val_if_fail (CRM_IS_FALLBACK_EDITOR (self), FALSE);

  row = g_hash_table_lookup (self->rows, field_name);
  field = crm_module_get_field (self->module, field_name);
  if (row == NULL || field == NULL)
    return FALSE;
  switch (crm_field_get_field_type (field))
    {
    case CRM_FIELD_PICKLIST:
      {
        GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
        for (guint i = 0; i < g_list_model_get_n_items (model); i++)
          if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
            {
              adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
              return TRUE;
            }
        return FALSE;
      }
    case CRM_FIELD_CHECKBOX:
      gtk_switch_set_active (g_object_get_data (G_OBJECT (row), "crm-switch"), g_strcmp0 (text, "true") == 0);
      return TRUE;
    default:
      gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
      return TRUE;
    }
}

gboolean
crm_fallback_editor_save (CrmFallbackEditor  *self,
                          GError            **error)
{
  GPtrArray *fields = crm_module_get_fields (self->module);
  g_autoptr(CrmRecord) record = crm_record_copy (self->record);
  GHashTableIter iter;
  gpointer key, value;
  gboolean is_new = crm_record_get_id (record) == 0;
  gint64 change;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gtk_widget_remove_css_class (value, "error");

  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      const char *name = crm_field_get_api_name (field);
      GtkWidget *row = g_hash_table_lookup (self->rows, name);
      g_autofree char *text = NULL;
      g_autoptr(GVariant) parsed = NULL;
      GVariant *old;

      if (row == NULL)
        continue;
      text = row_text (self, field, row);
      if (!crm_store_parse_value (self->store, field, text, &parsed, error))
        {
          gtk_widget_add_css_class (row, "error");
          gtk_label_set_text (self->error_label, (*error)->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
          gtk_widget_grab_focus (row);
          return FALSE;
        }
      old = crm_record_get_value (record, name);
      if ((old == NULL) != (parsed == NULL) || (old != NULL && !g_variant_equal (old, parsed)) || is_new)
        crm_record_set_value (record, name, parsed);
    }

  if (!crm_store_save_record (self->store, record, error))
    {
      gtk_label_set_text (self->error_label, (*error)->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  change = crm_store_get_last_change (self->store);
  g_signal_emit (self, editor_signals [SAVED], 0, crm_record_get_id (record), change);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked_cb (CrmFallbackEditor *self)
{
  g_autoptr(GError) error = NULL;

  /* The reason is shown in the form. */
  if (!crm_fallback_editor_save (self, &error))
    g_debug ("Not saved: %s", error->message);
}

static GtkWidget *
field_row (CrmFallbackEditor *self,
           CrmField          *field)
{
  GVariant *value = crm_record_get_value (self->record, crm_field_get_api_name (field));
  g_autofree char *label = crm_field_is_required (field)
                           ? g_strdup_printf (_("%s (required)"), crm_field_get_label (field))
                           : g_strdup (crm_field_get_label (field));
  GtkWidget *row;

  switch (crm_field_get_field_type (field))
    {
    case CRM_FIELD_PICKLIST:
      {
        GtkStringList *list = gtk_string_list_new (NULL);
        GPtrArray *values = crm_field_get_picklist (field);
        guint selected = 0;

        gtk_string_list_append (list, "");
        for (guint i = 0; values && i < values->len; i++)
          {
            gtk_string_list_append (list, g_ptr_array_index (values, i));
            if (value && g_strcmp0 (g_variant_get_string (value, NULL), g_ptr_array_index (values, i)) == 0)
              selected = i + 1;
          }
        row = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
        g_object_unref (list);
        break;
      }
    case CRM_FIELD_CHECKBOX:
      {
        GtkWidget *sw = gtk_switch_new ();
        row = adw_action_row_new ();
        gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
        gtk_switch_set_active (GTK_SWITCH (sw), value && g_variant_get_int64 (value) != 0);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
        g_object_set_data (G_OBJECT (row), "crm-switch", sw);
        break;
      }
    default:
      {
        g_autofree char *text = NULL;

        if (value != NULL)
          text = (crm_field_get_field_type (field) == CRM_FIELD_LOOKUP ||
                  crm_field_get_field_type (field) == CRM_FIELD_OWNER)
                 ? crm_store_format_value (self->store, field, value)
                 : crm_field_format_plain (field, value);
        row = adw_entry_row_new ();
        gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
        break;
      }
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  return row;
}

static void
build_form (CrmFallbackEditor *self,
            GtkBox            *content)
{
  GPtrArray *fields = crm_module_get_fields (self->module);
  AdwPreferencesGroup *group = NULL;
  const char *section = NULL;
  gboolean is_new = crm_record_get_id (self->record) == 0;

  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      GtkWidget *row;

      if (!crm_field_is_editable (field) || crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN) ||
          crm_field_get_field_type (field) == CRM_FIELD_LONG_TEXT ||
          (is_new && crm_field_get_field_type (field) == CRM_FIELD_OWNER))
        continue;
      if (group == NULL || g_strcmp0 (section, crm_field_get_section (field)) != 0)
        {
          section = crm_field_get_section (field);
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, section ? section : "");
          gtk_box_append (content, GTK_WIDGET (group));
        }
      row = field_row (self, field);
      g_hash_table_insert (self->rows, g_strdup (crm_field_get_api_name (field)), row);
      adw_preferences_group_add (group, row);
    }
}

static void
crm_fallback_editor_dispose (GObject *object)
{
  CrmFallbackEditor *self = (CrmFallbackEditor *)object;

  g_clear_object (&self->record);
  g_clear_object (&self->module);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (crm_fallback_editor_parent_class)->dispose (object);
}

static void
crm_fallback_editor_class_init (CrmFallbackEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_fallback_editor_dispose;

  editor_signals [SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_fallback_editor_init (CrmFallbackEditor *self)
{
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

GtkWindow *
crm_fallback_editor_new (GtkWindow  *parent,
                         CrmStore   *store,
                         const char *module_name,
                         gint64      id,
                         gint64      clone_from)
{
  CrmFallbackEditor *self;
  CrmModule *module;
  GtkWidget *box, *header, *cancel, *save, *scroller, *clamp, *content;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  module = crm_store_get_module (store, module_name);
  g_return_val_if_fail (module != NULL, NULL);

  self = g_object_new (CRM_TYPE_FALLBACK_EDITOR,
                       "modal", TRUE,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "default-width", 560,
                       "default-height", 680,
                       NULL);
  self->store = g_object_ref (store);
  self->module = g_object_ref (module);

  if (id != 0 || clone_from != 0)
    {
      g_autoptr(CrmRecord) loaded = crm_store_load_record (store, module_name, id ? id : clone_from, &error);
      if (loaded == NULL)
        g_warning ("%s", error->message);
      else if (id == 0)
        {
          /* A clone starts as a new record with the same values. */
          GPtrArray *fields = crm_module_get_fields (module);
          self->record = crm_record_new (module);
          for (guint i = 0; i < fields->len; i++)
            {
              CrmField *f = g_ptr_array_index (fields, i);
              GVariant *v = crm_record_get_value (loaded, crm_field_get_api_name (f));
              if (v != NULL && crm_field_is_editable (f) && crm_field_get_field_type (f) != CRM_FIELD_AUTO_NUMBER)
                crm_record_load_value (self->record, crm_field_get_api_name (f), g_variant_ref (v));
            }
        }
      else
        self->record = g_steal_pointer (&loaded);
    }
  if (self->record == NULL)
    self->record = crm_record_new (module);

  /* Translators: window titles, e.g. "New Lead", "Edit Lead" */
  title = g_strdup_printf (id ? _("Edit %s") : _("New %s"), crm_module_get_singular (module));
  gtk_window_set_title (GTK_WINDOW (self), title);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  clamp = adw_clamp_new ();
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  build_form (self, GTK_BOX (content));
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);

  return GTK_WINDOW (self);
}
