/* crm-setup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-setup"

#include "config.h"

#include "crm-automation.h"
#include "crm-currencies.h"
#include "crm-privacy.h"
#include "crm-setup.h"
#include "crm-users.h"

void
crm_setup_attach (CrmStore *store)
{
  g_return_if_fail (CRM_IS_STORE (store));

  /* Freed pages and cells are overwritten, so that values that were
   * changed, deleted or erased (GDPR) do not linger in the file. */
  crm_store_exec (store, "PRAGMA secure_delete = ON", NULL);

  /* Defaults and checks first: rules then see the record as stored. */
  crm_currencies_attach (store);
  crm_users_attach (store);
  crm_privacy_attach (store);
  crm_automation_attach (store);
}
