/* crm-list-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-list-view"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-list-view.h"
#include "crm-selection.h"

/* Cells are GtkInscriptions filled in bind only, so a row costs nothing
 * until it scrolls into sight. Nothing here walks the model: counts come
 * from n-items, selections from the selection bitset. */

#define MAX_DEFAULT_COLUMNS 10
#define SAVE_WIDTHS_DELAY_MS 600

typedef struct
{
  CrmListView *self;    /* not a reference: columns die with the view */
  CrmStore    *store;
  CrmField    *field;
  gboolean     numeric;
} ColumnInfo;

struct _CrmListView
{
  GtkWidget            parent_instance;

  GtkScrolledWindow   *scroller;
  GtkColumnView       *column_view;

  CrmStore            *store;
  CrmModule           *module;
  CrmRecordList       *model;
  CrmSelection        *selection;
  GtkColumnViewColumn *select_column;
  GSettings           *settings;
  GObject             *probe_a;
  GObject             *probe_b;
  ColumnInfo          *probe_hit;

  guint                save_widths_id;
  guint                building : 1;
  guint                showing_sort : 1;
};

G_DEFINE_FINAL_TYPE (CrmListView, crm_list_view, GTK_TYPE_WIDGET)

enum {
  SORT_CHANGED,
  COLUMNS_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
column_info_clear (ColumnInfo *info)
{
  g_clear_object (&info->store);
  g_clear_object (&info->field);
}

static void
column_info_release (gpointer data)
{
  g_rc_box_release_full (data, (GDestroyNotify) column_info_clear);
}

static void
column_info_closure_release (gpointer  data,
                             GClosure *closure)
{
  column_info_release (data);
}

static ColumnInfo *
column_get_info (GtkColumnViewColumn *column)
{
  return g_object_get_data (G_OBJECT (column), "crm-column-info");
}

static const char *
column_get_field_name (GtkColumnViewColumn *column)
{
  ColumnInfo *info = column_get_info (column);
  return info ? crm_field_get_api_name (info->field) : NULL;
}

static gboolean
field_is_numeric (CrmField *field)
{
  switch (crm_field_get_field_type (field))
    {
    case CRM_FIELD_INTEGER:
    case CRM_FIELD_DECIMAL:
    case CRM_FIELD_CURRENCY:
    case CRM_FIELD_PERCENT:
      return TRUE;
    default:
      return FALSE;
    }
}

/* How many characters a column would like to show. Columns share the
 * window's width between this and a small minimum until someone drags a
 * column edge; from then on that column keeps its width. */
static guint
natural_chars (CrmField *field)
{
  switch (crm_field_get_field_type (field))
    {
    case CRM_FIELD_EMAIL: return 28;
    case CRM_FIELD_URL: return 24;
    case CRM_FIELD_PHONE: return 17;
    case CRM_FIELD_CHECKBOX: return 6;
    case CRM_FIELD_DATE: return 11;
    case CRM_FIELD_DATETIME: return 17;
    case CRM_FIELD_INTEGER:
    case CRM_FIELD_DECIMAL:
    case CRM_FIELD_PERCENT: return 10;
    case CRM_FIELD_CURRENCY: return 14;
    case CRM_FIELD_PICKLIST:
    case CRM_FIELD_OWNER: return 16;
    default: return 20;
    }
}

/*
 * Cells
 */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ColumnInfo               *info)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (inscription), 1);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 6);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), natural_chars (info->field));
  /* GTK 4.8 draws ellipsized text at the top of the inscription: keep the
   * inscription one line high and centre it in the cell instead. */
  gtk_widget_set_valign (inscription, GTK_ALIGN_CENTER);
  if (info->numeric)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1.0);
      gtk_widget_add_css_class (inscription, "numeric");
    }
  gtk_list_item_set_child (item, inscription);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ColumnInfo               *info)
{
  CrmRecord *record = gtk_list_item_get_item (item);
  GVariant *value = crm_record_get_value (record, crm_field_get_api_name (info->field));
  g_autofree char *text = value ? crm_store_format_value (info->store, info->field, value) : NULL;

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ColumnInfo               *info)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), NULL);
}

static void
on_check_toggled_cb (GtkCheckButton *check,
                     GtkListItem    *item)
{
  CrmListView *self = g_object_get_data (G_OBJECT (check), "crm-list-view");
  guint position = gtk_list_item_get_position (item);
  gboolean active = gtk_check_button_get_active (check);

  /* The binding from :selected also lands here; only clicks differ. */
  if (self == NULL || self->selection == NULL || position == GTK_INVALID_LIST_POSITION ||
      active == gtk_list_item_get_selected (item))
    return;
  if (active)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, FALSE);
  else
    gtk_selection_model_unselect_item (GTK_SELECTION_MODEL (self->selection), position);
}

static void
setup_check_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CrmListView              *self)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_focusable (check, FALSE);
  g_object_set_data (G_OBJECT (check), "crm-list-view", self);
  g_object_bind_property (item, "selected", check, "active", G_BINDING_SYNC_CREATE);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Select"), -1);
  gtk_list_item_set_child (item, check);
}

/*
 * Sorting: the column view's sorter is never applied to the model. It is
 * asked once per change which column sorts first and which way: each
 * column's own sorter records that it was consulted.
 */

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  ColumnInfo *info = data;

  if (info->self != NULL && info->self->probe_hit == NULL)
    info->self->probe_hit = info;
  return GTK_ORDERING_SMALLER;
}

static void
on_sorter_changed_cb (CrmListView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering ordering;

  if (self->showing_sort || self->building)
    return;

  self->probe_hit = NULL;
  ordering = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  if (self->probe_hit == NULL)
    g_signal_emit (self, signals [SORT_CHANGED], 0, NULL, FALSE);
  else
    g_signal_emit (self, signals [SORT_CHANGED], 0, crm_field_get_api_name (self->probe_hit->field),
                   ordering == GTK_ORDERING_LARGER);
  self->probe_hit = NULL;
}

/*
 * Columns and settings
 */

static gboolean
save_widths_cb (gpointer data)
{
  CrmListView *self = data;
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  g_autoptr(GVariant) all = g_settings_get_value (self->settings, "column-widths");
  GVariantBuilder outer, inner;
  GVariantIter iter;
  const char *key;
  GVariant *value;
  const char *module = crm_module_get_api_name (self->module);

  self->save_widths_id = 0;

  g_variant_builder_init (&inner, G_VARIANT_TYPE ("a{si}"));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *name = column_get_field_name (column);
      int width = gtk_column_view_column_get_fixed_width (column);

      if (name != NULL && width > 0)
        g_variant_builder_add (&inner, "{si}", name, width);
    }

  g_variant_builder_init (&outer, G_VARIANT_TYPE ("a{sa{si}}"));
  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s@a{si}}", &key, &value))
    {
      if (!g_str_equal (key, module))
        g_variant_builder_add (&outer, "{s@a{si}}", key, value);
      g_variant_unref (value);
    }
  g_variant_builder_add (&outer, "{sa{si}}", module, &inner);
  g_settings_set_value (self->settings, "column-widths", g_variant_builder_end (&outer));
  return G_SOURCE_REMOVE;
}

static void
on_column_width_cb (CrmListView         *self,
                    GParamSpec          *pspec,
                    GtkColumnViewColumn *column)
{
  if (self->building)
    return;
  /* Dragged by hand: this width is what the person wants. */
  gtk_column_view_column_set_expand (column, gtk_column_view_column_get_fixed_width (column) <= 0);
  g_clear_handle_id (&self->save_widths_id, g_source_remove);
  self->save_widths_id = g_timeout_add (SAVE_WIDTHS_DELAY_MS, save_widths_cb, self);
}

static int
saved_width (CrmListView *self,
             const char  *field)
{
  g_autoptr(GVariant) all = g_settings_get_value (self->settings, "column-widths");
  g_autoptr(GVariant) widths = g_variant_lookup_value (all, crm_module_get_api_name (self->module),
                                                       G_VARIANT_TYPE ("a{si}"));
  int width = 0;

  if (widths != NULL && g_variant_lookup (widths, field, "i", &width))
    return CLAMP (width, 40, 2000);
  return 0;
}

static GtkColumnViewColumn *
create_column (CrmListView *self,
               CrmField    *field)
{
  ColumnInfo *info = g_rc_box_new0 (ColumnInfo);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  int width;

  info->self = self;
  info->store = g_object_ref (self->store);
  info->field = g_object_ref (field);
  info->numeric = field_is_numeric (field);

  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cell_cb), g_rc_box_acquire (info),
                         column_info_closure_release, 0);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell_cb), g_rc_box_acquire (info),
                         column_info_closure_release, 0);
  g_signal_connect_data (factory, "unbind", G_CALLBACK (unbind_cell_cb), g_rc_box_acquire (info),
                         column_info_closure_release, 0);

  column = gtk_column_view_column_new (crm_field_get_label (field), factory);
  g_object_set_data_full (G_OBJECT (column), "crm-column-info", g_rc_box_acquire (info), column_info_release);
  gtk_column_view_column_set_resizable (column, TRUE);
  width = saved_width (self, crm_field_get_api_name (field));
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_column_set_expand (column, width <= 0);

  if (crm_field_has_flag (field, CRM_FIELD_FLAG_INDEXED))
    {
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, g_rc_box_acquire (info),
                                                             column_info_release));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
    }

  g_signal_connect_object (column, "notify::fixed-width", G_CALLBACK (on_column_width_cb), self,
                           G_CONNECT_SWAPPED);
  column_info_release (info);
  return column;
}

static void
remove_field_columns (CrmListView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = g_list_model_get_n_items (columns); i > 0; i--)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i - 1);

      if (column != self->select_column)
        {
          ColumnInfo *info = column_get_info (column);
          if (info)
            info->self = NULL;
          gtk_column_view_remove_column (self->column_view, column);
        }
    }
}

char **
crm_list_view_dup_default_columns (CrmListView *self)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CRM_IS_LIST_VIEW (self), NULL);

  fields = crm_module_dup_list_fields (self->module);
  for (guint i = 0; i < fields->len && i < MAX_DEFAULT_COLUMNS; i++)
    g_strv_builder_add (builder, crm_field_get_api_name (g_ptr_array_index (fields, i)));
  if (fields->len == 0)
    {
      const char * const *title = crm_module_get_title_fields (self->module);
      for (guint i = 0; title[i] != NULL; i++)
        g_strv_builder_add (builder, title[i]);
    }
  return g_strv_builder_end (builder);
}

static void
save_columns (CrmListView *self)
{
  g_autoptr(GVariant) all = g_settings_get_value (self->settings, "columns");
  g_auto(GStrv) columns = crm_list_view_dup_columns (self);
  const char *module = crm_module_get_api_name (self->module);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sas}"));
  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s@as}", &key, &value))
    {
      if (!g_str_equal (key, module))
        g_variant_builder_add (&builder, "{s@as}", key, value);
      g_variant_unref (value);
    }
  g_variant_builder_add (&builder, "{s^as}", module, columns);
  g_settings_set_value (self->settings, "columns", g_variant_builder_end (&builder));
}

static void
on_columns_changed_cb (CrmListView *self)
{
  /* A header dragged to a new place. */
  if (self->building)
    return;
  save_columns (self);
  g_signal_emit (self, signals [COLUMNS_CHANGED], 0);
}

void
crm_list_view_set_columns (CrmListView        *self,
                           const char * const *names,
                           gboolean            remember)
{
  g_auto(GStrv) defaults = NULL;
  guint added = 0;

  g_return_if_fail (CRM_IS_LIST_VIEW (self));

  if (names == NULL)
    names = (const char * const *) (defaults = crm_list_view_dup_default_columns (self));

  self->building = TRUE;
  remove_field_columns (self);
  for (guint i = 0; names[i] != NULL; i++)
    {
      CrmField *field = crm_module_get_field (self->module, names[i]);
      g_autoptr(GtkColumnViewColumn) column = NULL;

      /* A remembered column whose field was deleted since is skipped. */
      if (field == NULL || crm_field_has_flag (field, CRM_FIELD_FLAG_HIDDEN))
        continue;
      column = create_column (self, field);
      gtk_column_view_append_column (self->column_view, column);
      added++;
    }
  if (added == 0 && defaults == NULL)
    {
      self->building = FALSE;
      crm_list_view_set_columns (self, NULL, remember);
      return;
    }
  self->building = FALSE;

  if (remember)
    save_columns (self);
}

char **
crm_list_view_dup_columns (CrmListView *self)
{
  GListModel *columns;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CRM_IS_LIST_VIEW (self), NULL);

  columns = gtk_column_view_get_columns (self->column_view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *name = column_get_field_name (column);

      if (name != NULL)
        g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

static GtkColumnViewColumn *
find_column (CrmListView *self,
             const char  *field)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; field != NULL && i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (column_get_field_name (column), field) == 0)
        return column;
    }
  return NULL;
}

void
crm_list_view_show_sort (CrmListView *self,
                         const char  *field,
                         gboolean     descending)
{
  GtkColumnViewColumn *column;

  g_return_if_fail (CRM_IS_LIST_VIEW (self));

  column = find_column (self, field);
  self->showing_sort = TRUE;
  gtk_column_view_sort_by_column (self->column_view,
                                  column && gtk_column_view_column_get_sorter (column) ? column : NULL,
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  self->showing_sort = FALSE;
}

gboolean
crm_list_view_can_sort (CrmListView *self,
                        const char  *field)
{
  CrmField *f;

  g_return_val_if_fail (CRM_IS_LIST_VIEW (self), FALSE);

  f = field ? crm_module_get_field (self->module, field) : NULL;
  return f != NULL && crm_field_has_flag (f, CRM_FIELD_FLAG_INDEXED);
}

/*
 * Model
 */

static void
on_activate_cb (CrmListView *self,
                guint        position)
{
  gint64 id;

  if (self->model == NULL)
    return;
  id = crm_record_list_get_id (self->model, position);
  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)",
                                crm_module_get_api_name (self->module), id);
}

void
crm_list_view_scroll_to_top (CrmListView *self)
{
  GtkAdjustment *adj;

  g_return_if_fail (CRM_IS_LIST_VIEW (self));

  /* No scroll_to before GTK 4.12: move the adjustment. */
  adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (adj, gtk_adjustment_get_lower (adj));
}

gboolean
crm_list_view_set_query (CrmListView  *self,
                         CrmQuery     *query,
                         GError      **error)
{
  g_return_val_if_fail (CRM_IS_LIST_VIEW (self), FALSE);
  g_return_val_if_fail (CRM_IS_QUERY (query), FALSE);

  if (self->model == NULL)
    {
      g_autoptr(GPtrArray) params = NULL;
      g_autofree char *where = crm_query_build_where (query, self->store, &params, error);

      /* A query that cannot run is refused before the model exists (the
       * model would only warn); checking costs no database work. */
      if (where == NULL)
        return FALSE;
      self->model = crm_record_list_new (self->store, query);
      self->selection = crm_selection_new (G_LIST_MODEL (self->model));
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
    }
  else
    {
      /* To the top while the old rows are still laid out: once every item
       * is replaced, GTK 4.8 cannot map a scroll position until the next
       * layout, and the list keeps its place by index. */
      crm_list_view_scroll_to_top (self);
      gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
      if (!crm_record_list_set_query (self->model, query, error))
        return FALSE;
    }
  return TRUE;
}

CrmRecordList *
crm_list_view_get_model (CrmListView *self)
{
  g_return_val_if_fail (CRM_IS_LIST_VIEW (self), NULL);
  return self->model;
}

GtkSelectionModel *
crm_list_view_get_selection (CrmListView *self)
{
  g_return_val_if_fail (CRM_IS_LIST_VIEW (self), NULL);
  return self->selection ? GTK_SELECTION_MODEL (self->selection) : NULL;
}

guint
crm_list_view_get_n_selected (CrmListView *self)
{
  g_autoptr(GtkBitset) set = NULL;

  g_return_val_if_fail (CRM_IS_LIST_VIEW (self), 0);

  if (self->selection == NULL)
    return 0;
  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  return (guint) MIN (gtk_bitset_get_size (set), G_MAXUINT);
}

GArray *
crm_list_view_dup_selected_ids (CrmListView *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkBitset) set = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (CRM_IS_LIST_VIEW (self), ids);

  if (self->selection == NULL)
    return ids;
  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = crm_record_list_get_id (self->model, position);
      if (id > 0)
        g_array_append_val (ids, id);
    }
  return ids;
}

void
crm_list_view_select_all (CrmListView *self)
{
  g_return_if_fail (CRM_IS_LIST_VIEW (self));
  if (self->selection)
    gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
}

void
crm_list_view_unselect_all (CrmListView *self)
{
  g_return_if_fail (CRM_IS_LIST_VIEW (self));
  if (self->selection)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

char *
crm_list_view_dup_cell_text (CrmListView *self,
                             guint        position,
                             const char  *field)
{
  g_autoptr(CrmRecord) record = NULL;
  CrmField *f;

  g_return_val_if_fail (CRM_IS_LIST_VIEW (self), NULL);

  f = crm_module_get_field (self->module, field);
  if (self->model == NULL || f == NULL)
    return NULL;
  record = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (record == NULL)
    return NULL;
  return crm_store_format_value (self->store, f, crm_record_get_value (record, field));
}

const char *
crm_list_view_get_module (CrmListView *self)
{
  g_return_val_if_fail (CRM_IS_LIST_VIEW (self), NULL);
  return crm_module_get_api_name (self->module);
}

/*
 * GObject
 */

static void
crm_list_view_dispose (GObject *object)
{
  CrmListView *self = (CrmListView *)object;

  if (self->column_view != NULL)
    {
      self->building = TRUE;
      remove_field_columns (self);
    }
  g_clear_handle_id (&self->save_widths_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_LIST_VIEW);
  /* Template children that are not bound to a field stay parented. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->module);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->select_column);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);

  G_OBJECT_CLASS (crm_list_view_parent_class)->dispose (object);
}

static void
crm_list_view_class_init (CrmListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_list_view_dispose;

  /**
   * CrmListView::sort-changed:
   * @field: (nullable): the field to sort by, or %NULL for the default order
   * @descending: the direction
   *
   * A header was clicked; the owner runs the new query.
   */
  signals [SORT_CHANGED] =
    g_signal_new ("sort-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
  /* Columns were reordered by dragging a header. */
  signals [COLUMNS_CHANGED] =
    g_signal_new ("columns-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crm/ui/crm-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmListView, scroller);
  gtk_widget_class_bind_template_child (widget_class, CrmListView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "module.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "module.delete-selected", NULL);
}

static void
crm_list_view_init (CrmListView *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_check_cb), self);
  self->select_column = gtk_column_view_column_new (NULL, factory);
  gtk_column_view_column_set_fixed_width (self->select_column, 44);
  gtk_column_view_append_column (self->column_view, self->select_column);

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_columns (self->column_view), "items-changed",
                           G_CALLBACK (on_columns_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
crm_list_view_new (CrmStore   *store,
                   const char *module_name)
{
  CrmListView *self;
  CrmModule *module;
  g_autoptr(GVariant) all = NULL;
  g_autofree const char **saved = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  module = crm_store_get_module (store, module_name);
  g_return_val_if_fail (module != NULL, NULL);

  self = g_object_new (CRM_TYPE_LIST_VIEW, NULL);
  self->store = g_object_ref (store);
  self->module = g_object_ref (module);

  all = g_settings_get_value (self->settings, "columns");
  if (g_variant_lookup (all, module_name, "^a&s", &saved) && saved[0] != NULL)
    crm_list_view_set_columns (self, saved, FALSE);
  else
    crm_list_view_set_columns (self, NULL, FALSE);

  return GTK_WIDGET (self);
}
