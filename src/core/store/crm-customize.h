/* crm-customize.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/*
 * Customization in Setup (DOMAIN.md §9.3 Modules and Fields) that the
 * store's metadata API does not cover: renaming, reordering and hiding
 * modules, reordering fields and pick list values, removing a pick list
 * value with a replacement, and the deal stages' probability, deal
 * category and forecast category. Each call is one change set and emits
 * metadata-changed after it commits.
 */

gboolean  crm_customize_rename_module        (CrmStore     *store,
                                              const char   *module,
                                              const char   *singular,
                                              const char   *plural,
                                              GError      **error);
gboolean  crm_customize_set_module_icon      (CrmStore     *store,
                                              const char   *module,
                                              const char   *icon_name,
                                              GError      **error);
gboolean  crm_customize_set_module_hidden    (CrmStore     *store,
                                              const char   *module,
                                              gboolean      hidden,
                                              GError      **error);
/* Moves the module to `index` (0-based) in the sidebar order. */
gboolean  crm_customize_move_module          (CrmStore     *store,
                                              const char   *module,
                                              guint         index,
                                              GError      **error);
/* Moves the field to `index` (0-based) in the form order and puts it in
 * `section` (NULL: keeps its section). */
gboolean  crm_customize_move_field           (CrmStore     *store,
                                              const char   *module,
                                              const char   *field,
                                              guint         index,
                                              const char   *section,
                                              GError      **error);
/* The sections of a module's form, in form order. */
GStrv     crm_customize_list_sections        (CrmStore     *store,
                                              const char   *module);
gboolean  crm_customize_move_picklist_value  (CrmStore     *store,
                                              const char   *module,
                                              const char   *field,
                                              const char   *value,
                                              guint         index,
                                              GError      **error);
/* Records holding `value` get `replacement` (another value of the same
 * pick list, or NULL to empty them, which a required field refuses). A
 * value the program keys on (won, lost, paid, ...) and the last value
 * cannot be removed. */
gboolean  crm_customize_remove_picklist_value (CrmStore    *store,
                                              const char   *module,
                                              const char   *field,
                                              const char   *value,
                                              const char   *replacement,
                                              GError      **error);
/* How many live records hold the value (multi pick lists count too). */
gint64    crm_customize_count_picklist_value (CrmStore     *store,
                                              const char   *module,
                                              const char   *field,
                                              const char   *value,
                                              GError      **error);

/* Deal stages. `category` is "open", "won" or "lost"; `forecast` is one
 * of crm_customize_forecast_categories(). probability is 0–100. */
typedef struct
{
  char *stage;
  int   probability;
  char *category;
  char *forecast;
} CrmStageInfo;

void                crm_stage_info_free                (CrmStageInfo *info);
/* Every deal stage, in order. */
GPtrArray          *crm_customize_list_stages          (CrmStore     *store,
                                                        GError      **error);
gboolean            crm_customize_set_stage            (CrmStore     *store,
                                                        const char   *stage,
                                                        int           probability,
                                                        const char   *category,
                                                        const char   *forecast,
                                                        GError      **error);
/* Untranslated; show with _(). */
const char * const *crm_customize_forecast_categories  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmStageInfo, crm_stage_info_free)

G_END_DECLS
