/* crm-related.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/*
 * What a record page shows besides the record's own fields: its notes, its
 * timeline (history, notes, activities and attachments, newest first) and
 * its related lists (child records found through lookup fields, open and
 * closed activities, a deal's contact roles and stage history).
 *
 * Related lists are found from metadata, so custom modules with a lookup
 * to a module show up on that module's records without further code.
 */

/*
 * Notes
 */
typedef struct
{
  gint64  id;
  char   *title;        /* may be NULL */
  char   *content;
  gint64  owner_id;
  char   *owner_name;   /* may be NULL */
  gint64  created_at;
  gint64  modified_at;
} CrmNote;

void        crm_note_free                 (CrmNote      *note);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmNote, crm_note_free)

/* Live notes of a record, newest first. */
GPtrArray  *crm_store_list_notes          (CrmStore     *store,
                                           const char   *module,
                                           gint64        record_id,
                                           GError      **error);

/*
 * Timeline
 */
typedef enum
{
  CRM_TIMELINE_CREATED,
  CRM_TIMELINE_UPDATED,     /* changes holds one CrmFieldChange per field */
  CRM_TIMELINE_DELETED,
  CRM_TIMELINE_RESTORED,
  CRM_TIMELINE_NOTE,        /* title, text; item_id is the note */
  CRM_TIMELINE_ACTIVITY,    /* item_module/item_id, title; text is the status */
  CRM_TIMELINE_ATTACHMENT,  /* title is the file name; item_id the attachment */
} CrmTimelineKind;

typedef struct
{
  char *field;          /* api name */
  char *label;          /* the field's label, or its api name once deleted */
  char *old_text;       /* display text; NULL when it was empty */
  char *new_text;
} CrmFieldChange;

typedef struct
{
  CrmTimelineKind  kind;
  gint64           time;        /* Unix seconds */
  gint64           user_id;
  char            *user_name;   /* may be NULL */
  gint64           change_id;   /* history entries; 0 otherwise */
  gboolean         is_undo;     /* an Undo wrote these field changes */
  char            *title;
  char            *text;
  char            *item_module;
  gint64           item_id;
  GPtrArray       *changes;     /* CrmFieldChange, UPDATED only */
} CrmTimelineEntry;

void        crm_timeline_entry_free       (CrmTimelineEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmTimelineEntry, crm_timeline_entry_free)

/* Everything that happened to a record, newest first. Field changes of one
 * user action come as one CRM_TIMELINE_UPDATED entry. */
GPtrArray  *crm_store_get_timeline        (CrmStore     *store,
                                           const char   *module,
                                           gint64        record_id,
                                           GError      **error);

/*
 * Related lists
 */
typedef enum
{
  CRM_RELATED_CHILDREN,           /* records whose `field` looks up this record */
  CRM_RELATED_OPEN_ACTIVITIES,
  CRM_RELATED_CLOSED_ACTIVITIES,
  CRM_RELATED_CONTACT_ROLES,      /* deals */
  CRM_RELATED_STAGE_HISTORY,      /* modules with a "stage" picklist */
} CrmRelatedKind;

typedef struct
{
  char   *module;   /* the item's module; NULL for stage history rows */
  gint64  id;
  char   *title;
  char   *detail;   /* one line of key values ("Negotiation · $5,000.00") */
  gint64  time;     /* stage history: when the stage was set */
} CrmRelatedItem;

typedef struct
{
  CrmRelatedKind  kind;
  char           *module;   /* CHILDREN: the child module */
  char           *field;    /* CHILDREN: its lookup field */
  char           *label;    /* "Contacts", "Open Activities" */
  GPtrArray      *items;    /* CrmRelatedItem */
} CrmRelatedList;

void        crm_related_item_free         (CrmRelatedItem *item);
void        crm_related_list_free         (CrmRelatedList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmRelatedList, crm_related_list_free)

/* Modules whose records hang off other records through related_module and
 * related_id (tasks, meetings, calls). */
gboolean    crm_module_is_activity        (CrmModule    *module);
/* Whether an activity is done: a status whose meaning is "closed", or for
 * modules without a status, an end or start time in the past. */
gboolean    crm_store_activity_is_closed  (CrmStore     *store,
                                           CrmRecord    *activity,
                                           gint64        now);

/* The related lists of a record in display order: activities first, then
 * children by module order, then contact roles and stage history. Lists
 * are returned even when empty, so that a page can offer to add to them. */
GPtrArray  *crm_store_get_related_lists   (CrmStore     *store,
                                           const char   *module,
                                           gint64        record_id,
                                           GError      **error);

/* A contact's role on a deal (relations kind "contact_role"). Setting a
 * role again replaces it. */
gboolean    crm_store_set_contact_role    (CrmStore     *store,
                                           gint64        deal_id,
                                           gint64        contact_id,
                                           const char   *role,
                                           GError      **error);
gboolean    crm_store_remove_contact_role (CrmStore     *store,
                                           gint64        deal_id,
                                           gint64        contact_id,
                                           GError      **error);

G_END_DECLS
