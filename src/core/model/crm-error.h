/* crm-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRM_ERROR (crm_error_quark ())

typedef enum
{
  CRM_ERROR_FAILED,
  CRM_ERROR_VALIDATION,    /* a value breaks a field's rule; the message names the field */
  CRM_ERROR_NOT_FOUND,     /* no such module, field or record */
  CRM_ERROR_DUPLICATE,     /* a unique field already holds the value */
  CRM_ERROR_INVALID_NAME,  /* a custom module or field name is not allowed */
  CRM_ERROR_DATABASE,      /* SQLite said no */
  CRM_ERROR_TOO_NEW,       /* the file was written by a newer version */
  CRM_ERROR_NOT_A_DATABASE,
  CRM_ERROR_CANCELLED,
  CRM_ERROR_READ_ONLY,     /* a system field cannot be set by hand */
} CrmError;

GQuark crm_error_quark (void);

G_END_DECLS
