/* crm-attachments.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crm-store.h"

G_BEGIN_DECLS

/* Files attached to records live in the database (the `attachments`
 * table) so that one file holds everything a backup needs. The size limit
 * keeps a single row well under SQLite's blob limit and the database
 * usable; it is checked before a file is read. */
#define CRM_ATTACHMENT_MAX_SIZE ((gint64) 25 * 1000 * 1000)

typedef struct
{
  gint64  id;
  char   *module;
  gint64  record_id;
  char   *file_name;
  char   *mime_type;
  gint64  size;
  gint64  owner_id;
  gint64  created_at;
} CrmAttachment;

void           crm_attachment_free                (CrmAttachment  *attachment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmAttachment, crm_attachment_free)

/* Stores `data` as a new attachment of a live record and returns its id,
 * or 0. `mime_type` may be NULL: it is then guessed from the name and the
 * data. Only the base name of `file_name` is kept. */
gint64         crm_store_add_attachment           (CrmStore       *store,
                                                   const char     *module,
                                                   gint64          record_id,
                                                   const char     *file_name,
                                                   const char     *mime_type,
                                                   GBytes         *data,
                                                   GError        **error);
/* Reads a file (after checking its size) and stores it. */
gint64         crm_store_add_attachment_from_file (CrmStore       *store,
                                                   const char     *module,
                                                   gint64          record_id,
                                                   GFile          *file,
                                                   GCancellable   *cancellable,
                                                   GError        **error);
/* A record's attachments without their data, newest first. */
GPtrArray     *crm_store_list_attachments         (CrmStore       *store,
                                                   const char     *module,
                                                   gint64          record_id,
                                                   GError        **error);
CrmAttachment *crm_store_get_attachment           (CrmStore       *store,
                                                   gint64          attachment_id,
                                                   GError        **error);
GBytes        *crm_store_load_attachment          (CrmStore       *store,
                                                   gint64          attachment_id,
                                                   GError        **error);
/* Writes an attachment's data to `file`, replacing it. */
gboolean       crm_store_save_attachment_to_file  (CrmStore       *store,
                                                   gint64          attachment_id,
                                                   GFile          *file,
                                                   GCancellable   *cancellable,
                                                   GError        **error);
/* Removes an attachment for good. */
gboolean       crm_store_delete_attachment        (CrmStore       *store,
                                                   gint64          attachment_id,
                                                   GError        **error);

G_END_DECLS
