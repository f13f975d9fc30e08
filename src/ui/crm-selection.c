/* crm-selection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-selection"

#include "config.h"

#include "crm-selection.h"

struct _CrmSelection
{
  GObject     parent_instance;

  GListModel *model;
  GtkBitset  *selected;
  gulong      changed_id;
  /* While the removal half of a change is told, the added rows (from
   * hidden_at on) do not exist yet for the views. */
  guint       hidden_at;
  guint       hidden;
};

static void list_model_iface_init (GListModelInterface *iface);
static void selection_model_iface_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmSelection, crm_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, selection_model_iface_init))

static GType
crm_selection_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (CRM_SELECTION (model)->model);
}

static guint
visible_position (CrmSelection *self,
                  guint         position)
{
  return position >= self->hidden_at ? position + self->hidden : position;
}

static guint
crm_selection_get_n_items (GListModel *model)
{
  CrmSelection *self = CRM_SELECTION (model);

  return g_list_model_get_n_items (self->model) - self->hidden;
}

static gpointer
crm_selection_get_item (GListModel *model,
                        guint       position)
{
  CrmSelection *self = CRM_SELECTION (model);

  if (position >= crm_selection_get_n_items (model))
    return NULL;
  return g_list_model_get_item (self->model, visible_position (self, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = crm_selection_get_item_type;
  iface->get_n_items = crm_selection_get_n_items;
  iface->get_item = crm_selection_get_item;
}

static gboolean
crm_selection_is_selected (GtkSelectionModel *model,
                           guint              position)
{
  CrmSelection *self = CRM_SELECTION (model);

  return gtk_bitset_contains (self->selected, visible_position (self, position));
}

static GtkBitset *
crm_selection_get_selection_in_range (GtkSelectionModel *model,
                                      guint              position,
                                      guint              n_items)
{
  GtkBitset *range = gtk_bitset_new_range (position, n_items);

  gtk_bitset_intersect (range, CRM_SELECTION (model)->selected);
  return range;
}

static gboolean
crm_selection_set_selection (GtkSelectionModel *model,
                             GtkBitset         *selected,
                             GtkBitset         *mask)
{
  CrmSelection *self = CRM_SELECTION (model);
  g_autoptr(GtkBitset) old = gtk_bitset_copy (self->selected);
  g_autoptr(GtkBitset) chosen = gtk_bitset_copy (selected);
  g_autoptr(GtkBitset) flipped = NULL;

  /* new = (old outside the mask) + (selected inside the mask) */
  gtk_bitset_intersect (chosen, mask);
  gtk_bitset_subtract (self->selected, mask);
  gtk_bitset_union (self->selected, chosen);

  /* The positions that flipped (gtk_bitset_difference is the symmetric
   * difference). */
  flipped = gtk_bitset_copy (old);
  gtk_bitset_difference (flipped, self->selected);

  if (!gtk_bitset_is_empty (flipped))
    {
      guint min = gtk_bitset_get_minimum (flipped);
      guint max = gtk_bitset_get_maximum (flipped);
      gtk_selection_model_selection_changed (model, min, max - min + 1);
    }
  return TRUE;
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = crm_selection_is_selected;
  iface->get_selection_in_range = crm_selection_get_selection_in_range;
  iface->set_selection = crm_selection_set_selection;
}

static void
on_items_changed_cb (CrmSelection *self,
                     guint         position,
                     guint         removed,
                     guint         added)
{
  /* Positions move with the rows; replaced rows lose their selection. */
  gtk_bitset_splice (self->selected, position, removed, added);

  /* GTK 4.8's list views look at every added item to find one that was
   * removed in the same change (to keep its row widget): a re-sorted
   * million-row list would be read whole. Told as a removal and then an
   * addition, there is nothing to match. */
  if (removed > 1 && added > 1)
    {
      self->hidden_at = position;
      self->hidden = added;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, 0);
      self->hidden = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
    }
  else
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
crm_selection_dispose (GObject *object)
{
  CrmSelection *self = (CrmSelection *)object;

  if (self->model != NULL)
    g_clear_signal_handler (&self->changed_id, self->model);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (crm_selection_parent_class)->dispose (object);
}

static void
crm_selection_finalize (GObject *object)
{
  CrmSelection *self = (CrmSelection *)object;

  g_clear_pointer (&self->selected, gtk_bitset_unref);

  G_OBJECT_CLASS (crm_selection_parent_class)->finalize (object);
}

static void
crm_selection_class_init (CrmSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_selection_dispose;
  object_class->finalize = crm_selection_finalize;
}

static void
crm_selection_init (CrmSelection *self)
{
  self->selected = gtk_bitset_new_empty ();
}

CrmSelection *
crm_selection_new (GListModel *model)
{
  CrmSelection *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (CRM_TYPE_SELECTION, NULL);
  self->model = g_object_ref (model);
  self->changed_id = g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  return self;
}

GListModel *
crm_selection_get_model (CrmSelection *self)
{
  g_return_val_if_fail (CRM_IS_SELECTION (self), NULL);
  return self->model;
}
