/* crm-setup.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/* Turns on PRAGMA secure_delete (freed space is zeroed: GDPR) and
 * registers the Setup write hooks on a store, in this order: currencies
 * (currency and rate of new records), users (no inactive owners), privacy
 * (data source of new records), automation (workflow rules). Call it once
 * right after crm_store_open(); calling it again does nothing. */
void crm_setup_attach (CrmStore *store);

G_END_DECLS
