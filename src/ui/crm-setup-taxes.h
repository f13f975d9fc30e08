/* crm-setup-taxes.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

/* Adds the Tax Rates and Document Numbers groups to a Setup page. */
void crm_setup_taxes_add_groups (AdwPreferencesPage *page,
                                 CrmStore           *store);

G_END_DECLS
