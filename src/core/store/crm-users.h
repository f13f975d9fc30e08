/* crm-users.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/* Local users: who owns records. There is no login; when more than one
 * user is active the window asks at start who is working
 * (crm_users_needs_choice) and sets it with crm_users_set_current. */

typedef struct
{
  gint64    id;
  char     *name;
  char     *email;
  char     *role;
  gboolean  active;
} CrmUser;

void        crm_user_free                (CrmUser     *user);

/* By name. */
GPtrArray  *crm_users_list               (CrmStore    *store,
                                          gboolean     include_inactive,
                                          GError     **error);
CrmUser    *crm_users_get                (CrmStore    *store,
                                          gint64       id,
                                          GError     **error);
gint64      crm_users_add                (CrmStore    *store,
                                          const char  *name,
                                          const char  *email,
                                          const char  *role,
                                          GError     **error);
gboolean    crm_users_update             (CrmStore    *store,
                                          gint64       id,
                                          const char  *name,
                                          const char  *email,
                                          const char  *role,
                                          GError     **error);
/* The current user and the last active user cannot be deactivated. An
 * inactive user keeps the records they own but cannot be given new ones. */
gboolean    crm_users_set_active         (CrmStore    *store,
                                          gint64       id,
                                          gboolean     active,
                                          GError     **error);
guint       crm_users_count_active       (CrmStore    *store);
gboolean    crm_users_needs_choice       (CrmStore    *store);
gboolean    crm_users_set_current        (CrmStore    *store,
                                          gint64       id,
                                          GError     **error);
/* Gives every live record `from` owns, in every module, to `to`: one
 * change set, so one Undo puts them all back. Returns how many records
 * moved, or -1. */
gint64      crm_users_transfer_records   (CrmStore    *store,
                                          gint64       from,
                                          gint64       to,
                                          GError     **error);

/* Registers the write hook that refuses an inactive owner for a new
 * record or a changed owner. Idempotent; crm_setup_attach() calls it. */
void        crm_users_attach             (CrmStore    *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmUser, crm_user_free)

G_END_DECLS
