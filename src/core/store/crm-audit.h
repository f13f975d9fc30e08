/* crm-audit.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/* The audit log (DOMAIN.md §9.3): every history row, who did what and
 * when, filtered and paged, newest first. */

typedef struct
{
  gint64      user_id;    /* 0: anyone */
  const char *module;     /* NULL: every module */
  gint64      record_id;  /* 0: every record (needs module) */
  gint64      from;       /* Unix time, inclusive; 0: no lower bound */
  gint64      to;         /* Unix time, exclusive; 0: no upper bound */
} CrmAuditFilter;

typedef struct
{
  gint64    id;
  gint64    change_id;
  gint64    time;
  gint64    user_id;
  char     *user_name;
  char     *action;       /* create, update, delete, restore, purge, note, erase, ... */
  char     *module;
  gint64    record_id;
  char     *record_title; /* NULL once the record is purged */
  char     *field;        /* update: the field's api name */
  char     *field_label;
  char     *old_value;    /* text for people, NULL for empty */
  char     *new_value;
  char     *description;  /* the change's (Undo) description */
  gboolean  undone;
} CrmAuditEntry;

void        crm_audit_entry_free        (CrmAuditEntry        *entry);

/* filter NULL: everything. limit 0: no limit. */
GPtrArray  *crm_audit_query             (CrmStore             *store,
                                         const CrmAuditFilter *filter,
                                         guint                 offset,
                                         guint                 limit,
                                         GError              **error);
gint64      crm_audit_count             (CrmStore             *store,
                                         const CrmAuditFilter *filter,
                                         GError              **error);

/* Deleted records stay this long in the recycle bin. */
#define CRM_RECYCLE_BIN_DAYS 60

/* Purges what was deleted more than CRM_RECYCLE_BIN_DAYS before `now`
 * (Unix time) as one change; returns how many records went, or -1.
 * Nothing to purge writes nothing, so calling it at every start leaves
 * the Undo history alone. */
gint64      crm_recycle_bin_auto_purge  (CrmStore             *store,
                                         gint64                now,
                                         GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmAuditEntry, crm_audit_entry_free)

G_END_DECLS
