/* crm-privacy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-privacy"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "crm-privacy.h"
#include "crm-store-private.h"

static const struct {
  const char *key;
  const char *label;
} bases[CRM_PRIVACY_N_BASES] = {
  [CRM_PRIVACY_BASIS_NOT_APPLICABLE] = { "not_applicable", N_("Not Applicable") },
  [CRM_PRIVACY_BASIS_LEGITIMATE_INTERESTS] = { "legitimate_interests", N_("Legitimate Interests") },
  [CRM_PRIVACY_BASIS_VITAL_INTERESTS] = { "vital_interests", N_("Vital Interests") },
  [CRM_PRIVACY_BASIS_PUBLIC_INTEREST] = { "public_interest", N_("Public Interest") },
  [CRM_PRIVACY_BASIS_CONTRACT] = { "contract", N_("Contract") },
  [CRM_PRIVACY_BASIS_LEGAL_OBLIGATION] = { "legal_obligation", N_("Legal Obligation") },
  [CRM_PRIVACY_BASIS_CONSENT] = { "consent", N_("Consent") },
};

const char *
crm_privacy_basis_get_label (CrmPrivacyBasis basis)
{
  g_return_val_if_fail (basis < CRM_PRIVACY_N_BASES, NULL);
  return _(bases[basis].label);
}

const char *
crm_privacy_basis_to_string (CrmPrivacyBasis basis)
{
  g_return_val_if_fail (basis < CRM_PRIVACY_N_BASES, NULL);
  return bases[basis].key;
}

gboolean
crm_privacy_basis_from_string (const char      *text,
                               CrmPrivacyBasis *basis)
{
  for (guint i = 0; i < CRM_PRIVACY_N_BASES; i++)
    if (g_strcmp0 (bases[i].key, text) == 0)
      {
        *basis = i;
        return TRUE;
      }
  return FALSE;
}

CrmPrivacyInfo *
crm_privacy_info_new (void)
{
  CrmPrivacyInfo *info = g_new0 (CrmPrivacyInfo, 1);

  info->basis = CRM_PRIVACY_BASIS_NOT_APPLICABLE;
  return info;
}

void
crm_privacy_info_free (CrmPrivacyInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->data_source);
  g_free (info->consent_date);
  g_free (info->consent_remarks);
  g_free (info);
}

static gboolean
step_done (CrmStore      *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return FALSE;
    }
  return TRUE;
}

static CrmModule *
require_module (CrmStore    *store,
                const char  *name,
                GError     **error)
{
  CrmModule *module = crm_store_get_module (store, name);

  if (module == NULL)
    g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"), name ? name : "");
  return module;
}

/*
 * Settings and personal fields
 */

gboolean
crm_privacy_is_enabled (CrmStore   *store,
                        const char *module)
{
  g_autofree char *key = g_strdup_printf ("privacy.enabled.%s", module);
  g_autofree char *value = crm_store_get_setting (store, key);

  return g_strcmp0 (value, "1") == 0;
}

gboolean
crm_privacy_set_enabled (CrmStore    *store,
                         const char  *module,
                         gboolean     enabled,
                         GError     **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (require_module (store, module, error) == NULL)
    return FALSE;
  crm_privacy_attach (store);
  key = g_strdup_printf ("privacy.enabled.%s", module);
  return crm_store_set_setting (store, key, enabled ? "1" : "0", error);
}

GPtrArray *
crm_privacy_list_personal_fields (CrmStore    *store,
                                  const char  *module_name,
                                  GError     **error)
{
  CrmModule *module = require_module (store, module_name, error);
  g_autoptr(GPtrArray) out = NULL;
  GPtrArray *fields;

  if (module == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func (g_free);
  fields = crm_module_get_fields (module);
  for (guint i = 0; i < fields->len; i++)
    {
      const char *name = crm_field_get_api_name (g_ptr_array_index (fields, i));

      if (crm_privacy_is_personal (store, module_name, name))
        g_ptr_array_add (out, g_strdup (name));
    }
  return g_steal_pointer (&out);
}

gboolean
crm_privacy_is_personal (CrmStore   *store,
                         const char *module,
                         const char *field)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (store, "SELECT 1 FROM personal_fields WHERE module = ? AND field = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

gboolean
crm_privacy_set_personal (CrmStore    *store,
                          const char  *module_name,
                          const char  *field_name,
                          gboolean     personal,
                          GError     **error)
{
  CrmModule *module = require_module (store, module_name, error);
  CrmField *field;
  crm_autoreset sqlite3_stmt *stmt = NULL;

  if (module == NULL)
    return FALSE;
  field = crm_module_get_field (module, field_name ? field_name : "");
  if (field == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("%s have no field “%s”"),
                   crm_module_get_plural (module), field_name ? field_name : "");
      return FALSE;
    }
  if (personal && crm_field_has_flag (field, CRM_FIELD_FLAG_SYSTEM))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_READ_ONLY,
                   _("%s is set by CRM and cannot hold personal data"), crm_field_get_label (field));
      return FALSE;
    }
  stmt = crm_store_prepare (store,
                            personal
                            ? "INSERT OR IGNORE INTO personal_fields (module, field) VALUES (?, ?)"
                            : "DELETE FROM personal_fields WHERE module = ? AND field = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, module_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, field_name, -1, SQLITE_TRANSIENT);
  return step_done (store, stmt, error);
}

/*
 * Per record
 */

static gboolean
require_record (CrmStore    *store,
                const char  *module,
                gint64       id,
                GError     **error)
{
  g_autoptr(CrmRecord) record = crm_store_load_record (store, module, id, error);

  return record != NULL;
}

CrmPrivacyInfo *
crm_privacy_get (CrmStore    *store,
                 const char  *module,
                 gint64       id,
                 GError     **error)
{
  g_autoptr(CrmPrivacyInfo) info = crm_privacy_info_new ();
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  if (!require_record (store, module, id, error))
    return NULL;
  stmt = crm_store_prepare (store,
                            "SELECT data_source, basis, contact_email, contact_phone, contact_survey, consent_date, "
                            "consent_remarks, modified_at, erased_at FROM privacy WHERE module = ? AND record_id = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      info->data_source = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (!crm_privacy_basis_from_string ((const char *) sqlite3_column_text (stmt, 1), &info->basis))
        info->basis = CRM_PRIVACY_BASIS_NOT_APPLICABLE;
      info->contact_email = sqlite3_column_int (stmt, 2) != 0;
      info->contact_phone = sqlite3_column_int (stmt, 3) != 0;
      info->contact_survey = sqlite3_column_int (stmt, 4) != 0;
      info->consent_date = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      info->consent_remarks = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      info->modified_at = sqlite3_column_int64 (stmt, 7);
      info->erased_at = sqlite3_column_int64 (stmt, 8);
    }
  return g_steal_pointer (&info);
}

static gboolean
check_info (const CrmPrivacyInfo  *info,
            char                 **consent_date,
            GError               **error)
{
  if (info->basis >= CRM_PRIVACY_N_BASES)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Unknown data processing basis"));
      return FALSE;
    }
  if (info->data_source != NULL && g_utf8_strlen (info->data_source, -1) > 100)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Data Source: at most 100 characters"));
      return FALSE;
    }
  *consent_date = NULL;
  if (info->consent_date != NULL && *info->consent_date != '\0')
    {
      g_autoptr(CrmField) field = crm_field_new ("privacy", "consent_date", _("Consent Date"), CRM_FIELD_DATE, 0);
      g_autoptr(GVariant) value = NULL;

      if (!crm_field_parse (field, info->consent_date, NULL, &value, error) ||
          !crm_field_validate (field, value, error))
        return FALSE;
      *consent_date = value ? g_variant_dup_string (value, NULL) : NULL;
    }
  return TRUE;
}

static gboolean
write_info (CrmStore              *store,
            const char            *module,
            gint64                 id,
            const CrmPrivacyInfo  *info,
            const char            *consent_date,
            GError               **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (store,
                       "INSERT INTO privacy (module, record_id, data_source, basis, contact_email, contact_phone, "
                       "contact_survey, consent_date, consent_remarks, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (module, record_id) DO UPDATE SET data_source = excluded.data_source, "
                       "basis = excluded.basis, contact_email = excluded.contact_email, "
                       "contact_phone = excluded.contact_phone, contact_survey = excluded.contact_survey, "
                       "consent_date = excluded.consent_date, consent_remarks = excluded.consent_remarks, "
                       "modified_at = excluded.modified_at",
                       error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (info->data_source != NULL && *info->data_source != '\0')
    sqlite3_bind_text (stmt, 3, info->data_source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, crm_privacy_basis_to_string (info->basis), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, info->contact_email ? 1 : 0);
  sqlite3_bind_int (stmt, 6, info->contact_phone ? 1 : 0);
  sqlite3_bind_int (stmt, 7, info->contact_survey ? 1 : 0);
  sqlite3_bind_text (stmt, 8, consent_date, -1, SQLITE_TRANSIENT);
  if (info->consent_remarks != NULL && *info->consent_remarks != '\0')
    sqlite3_bind_text (stmt, 9, info->consent_remarks, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 10, _crm_store_now ());
  return step_done (store, stmt, error);
}

gboolean
crm_privacy_set (CrmStore              *store,
                 const char            *module,
                 gint64                 id,
                 const CrmPrivacyInfo  *info,
                 GError               **error)
{
  g_autofree char *consent_date = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!require_record (store, module, id, error) || !check_info (info, &consent_date, error))
    return FALSE;
  if (!write_info (store, module, id, info, consent_date, error))
    return FALSE;
  _crm_store_notify (store, module, id);
  return TRUE;
}

gboolean
crm_privacy_set_basis_many (CrmStore         *store,
                            const char       *module,
                            const gint64     *ids,
                            guint             n_ids,
                            CrmPrivacyBasis   basis,
                            GError          **error)
{
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (basis >= CRM_PRIVACY_N_BASES)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("Unknown data processing basis"));
      return FALSE;
    }
  if (!crm_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(CrmPrivacyInfo) info = crm_privacy_get (store, module, ids[i], error);

      if (info == NULL)
        goto failed;
      info->basis = basis;
      if (!write_info (store, module, ids[i], info, info->consent_date, error))
        goto failed;
    }
  _crm_store_notify (store, module, n_ids == 1 ? ids[0] : 0);
  return crm_store_commit (store, error);

failed:
  crm_store_rollback (store);
  return FALSE;
}

/*
 * Export
 */

static char *
value_text (CrmStore *store,
            CrmField *field,
            GVariant *value)
{
  if (value == NULL)
    return NULL;
  if (field == NULL)
    {
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        return g_variant_dup_string (value, NULL);
      return g_variant_print (value, FALSE);
    }
  switch (crm_field_get_field_type (field))
    {
    case CRM_FIELD_LOOKUP:
    case CRM_FIELD_OWNER:
      return crm_store_format_value (store, field, value);
    default:
      return crm_field_format_plain (field, value);
    }
}

static char *
iso_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);

  return dt ? g_date_time_format_iso8601 (dt) : NULL;
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static JsonNode *
build_export (CrmStore    *store,
              const char  *module_name,
              gint64       id,
              GError     **error)
{
  g_autoptr(CrmRecord) record = crm_store_load_record (store, module_name, id, error);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GPtrArray) personal = NULL;
  g_autoptr(CrmPrivacyInfo) info = NULL;
  g_autofree char *now = iso_time (_crm_store_now ());
  CrmModule *module;

  if (record == NULL)
    return NULL;
  module = crm_record_get_module (record);
  personal = crm_privacy_list_personal_fields (store, module_name, error);
  info = crm_privacy_get (store, module_name, id, error);
  if (personal == NULL || info == NULL)
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "module", module_name);
  json_builder_set_member_name (builder, "record_id");
  json_builder_add_int_value (builder, id);
  add_string (builder, "exported_at", now);

  json_builder_set_member_name (builder, "personal_data");
  json_builder_begin_array (builder);
  for (guint i = 0; i < personal->len; i++)
    {
      CrmField *field = crm_module_get_field (module, g_ptr_array_index (personal, i));
      g_autofree char *text = value_text (store, field, crm_record_get_value (record, crm_field_get_api_name (field)));

      json_builder_begin_object (builder);
      add_string (builder, "field", crm_field_get_api_name (field));
      add_string (builder, "label", crm_field_get_label (field));
      add_string (builder, "value", text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "privacy");
  json_builder_begin_object (builder);
  add_string (builder, "data_source", info->data_source);
  add_string (builder, "processing_basis", crm_privacy_basis_to_string (info->basis));
  add_string (builder, "processing_basis_label", crm_privacy_basis_get_label (info->basis));
  json_builder_set_member_name (builder, "contact_by_email");
  json_builder_add_boolean_value (builder, info->contact_email);
  json_builder_set_member_name (builder, "contact_by_phone");
  json_builder_add_boolean_value (builder, info->contact_phone);
  json_builder_set_member_name (builder, "contact_by_survey");
  json_builder_add_boolean_value (builder, info->contact_survey);
  add_string (builder, "consent_date", info->consent_date);
  add_string (builder, "consent_remarks", info->consent_remarks);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "SELECT title, content, created_at, modified_at FROM notes "
                                "WHERE module = ? AND record_id = ? ORDER BY id", error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_text (stmt, 1, module_name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        g_autofree char *created = iso_time (sqlite3_column_int64 (stmt, 2));
        g_autofree char *modified = iso_time (sqlite3_column_int64 (stmt, 3));

        json_builder_begin_object (builder);
        add_string (builder, "title", (const char *) sqlite3_column_text (stmt, 0));
        add_string (builder, "content", (const char *) sqlite3_column_text (stmt, 1));
        add_string (builder, "created_at", created);
        add_string (builder, "modified_at", modified);
        json_builder_end_object (builder);
      }
  }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "SELECT h.time, u.name, h.action, h.field, h.old_value, h.new_value FROM history h "
                                "LEFT JOIN users u ON u.id = h.user_id WHERE h.module = ? AND h.record_id = ? "
                                "AND h.field IS NOT NULL ORDER BY h.id", error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_text (stmt, 1, module_name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *name = (const char *) sqlite3_column_text (stmt, 3);
        CrmField *field = crm_module_get_field (module, name);
        g_autoptr(GVariant) old_value = NULL;
        g_autoptr(GVariant) new_value = NULL;
        g_autofree char *old_text = NULL;
        g_autofree char *new_text = NULL;
        g_autofree char *time = NULL;

        if (!g_ptr_array_find_with_equal_func (personal, name, g_str_equal, NULL))
          continue;
        old_value = _crm_column_variant (stmt, 4);
        new_value = _crm_column_variant (stmt, 5);
        if (old_value)
          g_variant_ref_sink (old_value);
        if (new_value)
          g_variant_ref_sink (new_value);
        old_text = value_text (store, field, old_value);
        new_text = value_text (store, field, new_value);
        time = iso_time (sqlite3_column_int64 (stmt, 0));

        json_builder_begin_object (builder);
        add_string (builder, "time", time);
        add_string (builder, "user", (const char *) sqlite3_column_text (stmt, 1));
        add_string (builder, "action", (const char *) sqlite3_column_text (stmt, 2));
        add_string (builder, "field", name);
        add_string (builder, "old_value", old_text);
        add_string (builder, "new_value", new_text);
        json_builder_end_object (builder);
      }
  }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gboolean
crm_privacy_export_json (CrmStore       *store,
                         const char     *module,
                         gint64          id,
                         GOutputStream  *stream,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  root = build_export (store, module, id, error);
  if (root == NULL)
    return FALSE;
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_stream (generator, stream, cancellable, error);
}

gboolean
crm_privacy_export_json_file (CrmStore    *store,
                              const char  *module,
                              gint64       id,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  root = build_export (store, module, id, error);
  if (root == NULL)
    return FALSE;
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  /* personal data: readable by the user only */
  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/*
 * Erasure
 */

static gboolean
exec_bound (CrmStore    *store,
            const char  *sql,
            const char  *module,
            gint64       id,
            const char  *text,
            GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  return step_done (store, stmt, error);
}

static gboolean
contains_any (const char *haystack,
              GPtrArray  *needles)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  for (guint i = 0; i < needles->len; i++)
    if (strstr (folded, g_ptr_array_index (needles, i)) != NULL)
      return TRUE;
  return FALSE;
}

/* The changes that touched the record and whose description names it
 * (a record's title describes its create and edit changes, a note's
 * title the change that added it). */
static gboolean
scrub_change_descriptions (CrmStore    *store,
                           const char  *module,
                           gint64       id,
                           GPtrArray   *originals,
                           GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "SELECT DISTINCT c.id, c.description, c.action FROM changes c JOIN history h "
                                "ON h.change_id = c.id WHERE h.module = ? AND h.record_id = ?", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      /* a note's change is described by the note's title */
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "note") == 0 ||
          contains_any ((const char *) sqlite3_column_text (stmt, 1), originals))
        {
          gint64 change = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, change);
        }
  }
  for (guint i = 0; i < ids->len; i++)
    {
      crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, "UPDATE changes SET description = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, _("Erased"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (!step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
erase_in_change (CrmStore    *store,
                 CrmRecord   *record,
                 GPtrArray   *personal,
                 GError     **error)
{
  CrmModule *module = crm_record_get_module (record);
  const char *module_name = crm_module_get_api_name (module);
  gint64 id = crm_record_get_id (record);
  g_autoptr(GPtrArray) originals = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) in_list = g_string_new ("'notes'");
  g_autoptr(CrmRecord) fresh = NULL;

  /* What the record says now, to find it in change descriptions. */
  for (guint i = 0; i < personal->len; i++)
    {
      CrmField *field = crm_module_get_field (module, g_ptr_array_index (personal, i));
      g_autofree char *text = crm_field_format_plain (field, crm_record_get_value (record, crm_field_get_api_name (field)));

      if (text != NULL && g_utf8_strlen (text, -1) >= 3)
        g_ptr_array_add (originals, g_utf8_casefold (text, -1));
    }

  g_string_printf (sql, "UPDATE \"%s\" SET modified_at = ?1, modified_by = ?2", crm_module_get_table (module));
  for (guint i = 0; i < personal->len; i++)
    {
      CrmField *field = crm_module_get_field (module, g_ptr_array_index (personal, i));
      const char *name = crm_field_get_api_name (field);
      gboolean placeholder = crm_field_is_required (field) && crm_field_get_storage (field) == CRM_STORAGE_TEXT;

      /* Names come from the module's metadata, never from the caller. */
      g_string_append_printf (sql, ", \"%s\" = %s", name, placeholder ? "?4" : "NULL");
      g_string_append_printf (in_list, ", '%s'", name);
    }
  g_string_append (sql, " WHERE id = ?3");
  {
    crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql->str, error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, _crm_store_now ());
    sqlite3_bind_int64 (stmt, 2, crm_store_get_current_user (store));
    sqlite3_bind_int64 (stmt, 3, id);
    sqlite3_bind_text (stmt, 4, _("Erased"), -1, SQLITE_TRANSIENT);
    if (!step_done (store, stmt, error))
      return FALSE;
  }

  g_string_printf (sql, "UPDATE history SET old_value = NULL, new_value = NULL "
                        "WHERE module = ?1 AND record_id = ?2 AND field IN (%s)", in_list->str);
  if (!exec_bound (store, sql->str, module_name, id, NULL, error) ||
      !exec_bound (store, "UPDATE notes SET title = NULL, content = ?3 WHERE module = ?1 AND record_id = ?2",
                   module_name, id, _("Erased"), error) ||
      !exec_bound (store, "UPDATE workflow_log SET message = NULL WHERE module = ?1 AND record_id = ?2",
                   module_name, id, NULL, error) ||
      !scrub_change_descriptions (store, module_name, id, originals, error))
    return FALSE;

  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "INSERT INTO privacy (module, record_id, modified_at, erased_at) VALUES (?1, ?2, ?3, ?3) "
                                "ON CONFLICT (module, record_id) DO UPDATE SET consent_remarks = NULL, "
                                "modified_at = ?3, erased_at = ?3", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, module_name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, id);
    sqlite3_bind_int64 (stmt, 3, _crm_store_now ());
    if (!step_done (store, stmt, error))
      return FALSE;
  }

  fresh = crm_store_load_record (store, module_name, id, error);
  if (fresh == NULL)
    return FALSE;
  if (!(crm_record_is_deleted (fresh)
        ? _crm_search_remove_record (store, module, id, error)
        : _crm_search_index_record (store, fresh, error)))
    return FALSE;
  /* FTS5 keeps deleted terms in older segments until they merge. */
  if (!crm_store_exec (store, "INSERT INTO search_index (search_index) VALUES ('optimize')", error))
    return FALSE;

  if (!_crm_store_add_history (store, module_name, id, "erase", NULL, NULL, NULL, error))
    return FALSE;
  /* Undo passes over it: there is nothing to put back. */
  {
    crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, "UPDATE changes SET undone = 1 WHERE id = ?", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, crm_store_get_current_change (store));
    if (!step_done (store, stmt, error))
      return FALSE;
  }
  _crm_store_notify (store, module_name, id);
  return TRUE;
}

gboolean
crm_privacy_erase (CrmStore    *store,
                   const char  *module_name,
                   gint64       id,
                   GError     **error)
{
  g_autoptr(CrmRecord) record = NULL;
  g_autoptr(GPtrArray) personal = NULL;
  gboolean secure = FALSE;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (crm_store_in_transaction (store))
    {
      /* The checkpoint and secure_delete below need the outermost level. */
      g_set_error (error, CRM_ERROR, CRM_ERROR_FAILED, _("Personal data cannot be erased inside another change"));
      return FALSE;
    }
  record = crm_store_load_record (store, module_name, id, error);
  if (record == NULL)
    return FALSE;
  personal = crm_privacy_list_personal_fields (store, module_name, error);
  if (personal == NULL)
    return FALSE;
  if (personal->len == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("%s have no fields marked as personal"),
                   crm_module_get_plural (crm_record_get_module (record)));
      return FALSE;
    }

  {
    crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, "PRAGMA secure_delete", error);
    if (stmt == NULL)
      return FALSE;
    secure = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  }
  if (!secure && !crm_store_exec (store, "PRAGMA secure_delete = ON", error))
    return FALSE;
  if (crm_store_begin_change (store, "erase", module_name, _("Personal data erased"), error) == 0)
    ok = FALSE;
  else if (!erase_in_change (store, record, personal, error))
    {
      crm_store_abort_change (store);
      ok = FALSE;
    }
  else
    ok = crm_store_end_change (store, error);

  /* Old pages in the write-ahead log still hold the values. Readers in
   * other connections may keep the checkpoint from finishing: then the
   * next checkpoint overwrites them. */
  if (ok)
    crm_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  if (!secure)
    crm_store_exec (store, "PRAGMA secure_delete = OFF", NULL);
  return ok;
}

/*
 * The write hook
 */

static gboolean
source_hook (CrmStore    *store,
             const char  *action,
             CrmRecord   *before,
             CrmRecord   *after,
             gpointer     user_data,
             GError     **error)
{
  const char *module = crm_module_get_api_name (crm_record_get_module (after));
  crm_autoreset sqlite3_stmt *stmt = NULL;

  if (!g_str_equal (action, "create") || !crm_privacy_is_enabled (store, module))
    return TRUE;
  stmt = crm_store_prepare (store, "INSERT OR IGNORE INTO privacy (module, record_id, data_source, modified_at) "
                                   "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, module, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, crm_record_get_id (after));
  /* Stored translated: it is text for people, like a note. */
  sqlite3_bind_text (stmt, 3, crm_record_get_value (after, "import_batch") != NULL ? _("Import") : _("Manual"),
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, _crm_store_now ());
  return step_done (store, stmt, error);
}

void
crm_privacy_attach (CrmStore *store)
{
  g_return_if_fail (CRM_IS_STORE (store));

  if (g_object_get_data (G_OBJECT (store), "crm-privacy-hook") != NULL)
    return;
  g_object_set_data (G_OBJECT (store), "crm-privacy-hook", GUINT_TO_POINTER (
    crm_store_add_write_hook (store, NULL, source_hook, NULL, NULL)));
}
