/* crm-convert.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-convert"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-convert.h"
#include "crm-store-private.h"

/* Default mapping, DOMAIN.md §3. Custom lead fields map nowhere until the
 * user maps them in Setup. */
static const struct {
  const char *lead_field;
  const char *targets;
} default_mapping[] = {
  { "salutation", "contacts.salutation" },
  { "first_name", "contacts.first_name" },
  { "last_name", "contacts.last_name" },
  { "company", "accounts.account_name" },
  { "title", "contacts.title" },
  { "lead_source", "contacts.lead_source deals.lead_source" },
  { "industry", "accounts.industry" },
  { "annual_revenue", "accounts.annual_revenue" },
  { "no_of_employees", "accounts.employees" },
  { "website", "accounts.website" },
  { "phone", "accounts.phone contacts.phone" },
  { "fax", "accounts.fax contacts.fax" },
  { "mobile", "contacts.mobile" },
  { "email", "contacts.email" },
  { "secondary_email", "contacts.secondary_email" },
  { "skype_id", "contacts.skype_id" },
  { "twitter", "contacts.twitter" },
  { "email_opt_out", "contacts.email_opt_out" },
  { "street", "accounts.billing_street contacts.mailing_street" },
  { "city", "accounts.billing_city contacts.mailing_city" },
  { "state", "accounts.billing_state contacts.mailing_state" },
  { "zip_code", "accounts.billing_code contacts.mailing_code" },
  { "country", "accounts.billing_country contacts.mailing_country" },
  { "description", "contacts.description" },
};

GStrv
crm_convert_get_targets (CrmStore   *store,
                         const char *lead_field)
{
  g_autofree char *key = g_strdup_printf ("convert.%s", lead_field);
  g_autofree char *custom = crm_store_get_setting (store, key);

  if (custom != NULL)
    return g_strsplit_set (custom, " ", -1);
  for (guint i = 0; i < G_N_ELEMENTS (default_mapping); i++)
    if (g_str_equal (default_mapping[i].lead_field, lead_field))
      return g_strsplit (default_mapping[i].targets, " ", -1);
  return g_new0 (char *, 1);
}

static CrmField *
resolve_target (CrmStore    *store,
                const char  *target,
                CrmModule  **module_out)
{
  g_auto(GStrv) parts = g_strsplit (target, ".", 2);
  CrmModule *module;

  if (parts[0] == NULL || parts[1] == NULL)
    return NULL;
  if (!g_str_equal (parts[0], "contacts") && !g_str_equal (parts[0], "accounts") && !g_str_equal (parts[0], "deals"))
    return NULL;
  module = crm_store_get_module (store, parts[0]);
  if (module_out)
    *module_out = module;
  return module ? crm_module_get_field (module, parts[1]) : NULL;
}

gboolean
crm_convert_set_targets (CrmStore            *store,
                         const char          *lead_field,
                         const char * const  *targets,
                         GError             **error)
{
  CrmField *source = crm_module_get_field (crm_store_get_module (store, "leads"), lead_field);
  g_autofree char *key = NULL;
  g_autofree char *joined = NULL;

  if (source == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("Leads have no field “%s”"), lead_field);
      return FALSE;
    }
  for (guint i = 0; targets && targets[i]; i++)
    {
      CrmField *target = resolve_target (store, targets[i], NULL);

      if (target == NULL)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                       _("“%s” is not a field of Contacts, Accounts or Deals"), targets[i]);
          return FALSE;
        }
      /* Both sides must have the same type, as in Zoho. */
      if (crm_field_get_field_type (target) != crm_field_get_field_type (source))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("%s and %s have different types and cannot be mapped"),
                       crm_field_get_label (source), crm_field_get_label (target));
          return FALSE;
        }
    }

  key = g_strdup_printf ("convert.%s", lead_field);
  joined = targets ? g_strjoinv (" ", (char **) targets) : g_strdup ("");
  return crm_store_set_setting (store, key, joined, error);
}

static gint64
find_one (CrmStore   *store,
          const char *sql,
          const char *value)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;

  if (value == NULL || *value == '\0')
    return 0;
  stmt = crm_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return 0;
}

gboolean
crm_store_find_conversion_matches (CrmStore  *store,
                                   gint64     lead_id,
                                   gint64    *account_id,
                                   gint64    *contact_id,
                                   GError   **error)
{
  g_autoptr(CrmRecord) lead = crm_store_load_record (store, "leads", lead_id, error);

  if (lead == NULL)
    return FALSE;
  *account_id = find_one (store, "SELECT id FROM accounts WHERE account_name = ? COLLATE NOCASE "
                                 "AND deleted_at IS NULL ORDER BY id LIMIT 1",
                          crm_record_get_string (lead, "company"));
  *contact_id = find_one (store, "SELECT id FROM contacts WHERE email = ? COLLATE NOCASE "
                                 "AND deleted_at IS NULL ORDER BY id LIMIT 1",
                          crm_record_get_string (lead, "email"));
  return TRUE;
}

/* Copies mapped lead values into the new records of one module. */
static void
apply_mapping (CrmStore   *store,
               CrmRecord  *lead,
               CrmRecord  *target)
{
  const char *module = crm_module_get_api_name (crm_record_get_module (target));
  GPtrArray *fields = crm_module_get_fields (crm_record_get_module (lead));

  for (guint i = 0; i < fields->len; i++)
    {
      CrmField *field = g_ptr_array_index (fields, i);
      const char *name = crm_field_get_api_name (field);
      GVariant *value = crm_record_get_value (lead, name);
      g_auto(GStrv) targets = NULL;

      if (value == NULL)
        continue;
      targets = crm_convert_get_targets (store, name);
      for (guint t = 0; targets[t]; t++)
        {
          CrmModule *m = NULL;
          CrmField *tf = resolve_target (store, targets[t], &m);

          if (tf != NULL && g_str_equal (crm_module_get_api_name (m), module))
            crm_record_set_value (target, crm_field_get_api_name (tf), g_variant_ref (value));
        }
    }
}

static void
move_children (CrmStore *store,
               gint64    lead_id,
               gint64    contact_id,
               GError  **error)
{
  static const char *statements[] = {
    "UPDATE notes SET module = 'contacts', record_id = ?2 WHERE module = 'leads' AND record_id = ?1",
    "UPDATE attachments SET module = 'contacts', record_id = ?2 WHERE module = 'leads' AND record_id = ?1",
    "UPDATE tasks SET related_module = 'contacts', related_id = ?2 WHERE related_module = 'leads' AND related_id = ?1",
    "UPDATE events SET related_module = 'contacts', related_id = ?2 WHERE related_module = 'leads' AND related_id = ?1",
    "UPDATE calls SET related_module = 'contacts', related_id = ?2 WHERE related_module = 'leads' AND related_id = ?1",
    "UPDATE OR IGNORE relations SET from_module = 'contacts', from_id = ?2 "
      "WHERE kind = 'campaign_member' AND from_module = 'leads' AND from_id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, statements[i], error);
      if (stmt == NULL)
        return;
      sqlite3_bind_int64 (stmt, 1, lead_id);
      sqlite3_bind_int64 (stmt, 2, contact_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          crm_store_set_sqlite_error (store, error);
          return;
        }
    }
}

static gboolean
mark_converted (CrmStore          *store,
                gint64             lead_id,
                CrmConvertResult  *result,
                GError           **error)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (store,
                       "UPDATE leads SET converted = 1, converted_at = ?2, converted_account = ?3, "
                       "converted_contact = ?4, converted_deal = ?5, modified_at = ?2, modified_by = ?6 "
                       "WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, lead_id);
  sqlite3_bind_int64 (stmt, 2, _crm_store_now ());
  if (result->account_id)
    sqlite3_bind_int64 (stmt, 3, result->account_id);
  sqlite3_bind_int64 (stmt, 4, result->contact_id);
  if (result->deal_id)
    sqlite3_bind_int64 (stmt, 5, result->deal_id);
  sqlite3_bind_int64 (stmt, 6, crm_store_get_current_user (store));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return FALSE;
    }
  return _crm_store_add_history (store, "leads", lead_id, "update", "converted",
                                 NULL, g_variant_new_int64 (1), error);
}

gboolean
crm_store_convert_lead (CrmStore                 *store,
                        gint64                    lead_id,
                        const CrmConvertOptions  *options,
                        CrmConvertResult         *result,
                        GError                  **error)
{
  CrmConvertOptions defaults = { 0, 0, FALSE, NULL, NULL, NULL, -1, 0 };
  g_autoptr(CrmRecord) lead = NULL;
  g_autofree char *title = NULL;
  CrmConvertResult out = { 0 };
  gint64 owner;

  if (options == NULL)
    options = &defaults;

  lead = crm_store_load_record (store, "leads", lead_id, error);
  if (lead == NULL)
    return FALSE;
  if (crm_record_is_deleted (lead))
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("The lead is in the recycle bin"));
      return FALSE;
    }
  if (crm_record_get_int (lead, "converted", 0) == 1)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_FAILED, _("This lead was already converted"));
      return FALSE;
    }

  owner = options->owner_id ? options->owner_id : crm_record_get_int (lead, "owner_id", crm_store_get_current_user (store));
  title = crm_record_dup_title (lead);
  if (crm_store_begin_change (store, "convert", "leads", title, error) == 0)
    return FALSE;

  /* Account: only when the lead names a company. */
  out.account_id = options->account_id;
  if (out.account_id == 0 && crm_record_get_string (lead, "company") != NULL)
    {
      gint64 matched_contact;
      if (!crm_store_find_conversion_matches (store, lead_id, &out.account_id, &matched_contact, error))
        goto failed;
      if (out.account_id == 0)
        {
          g_autoptr(CrmRecord) account = crm_record_new (crm_store_get_module (store, "accounts"));
          apply_mapping (store, lead, account);
          crm_record_set_int (account, "owner_id", owner);
          if (!crm_store_save_record (store, account, error))
            goto failed;
          out.account_id = crm_record_get_id (account);
          out.account_created = TRUE;
        }
    }

  /* Contact: always. */
  out.contact_id = options->contact_id;
  if (out.contact_id == 0)
    {
      gint64 matched_account;
      if (!crm_store_find_conversion_matches (store, lead_id, &matched_account, &out.contact_id, error))
        goto failed;
    }
  if (out.contact_id == 0)
    {
      g_autoptr(CrmRecord) contact = crm_record_new (crm_store_get_module (store, "contacts"));
      apply_mapping (store, lead, contact);
      crm_record_set_int (contact, "owner_id", owner);
      if (out.account_id)
        crm_record_set_int (contact, "account_name", out.account_id);
      if (!crm_store_save_record (store, contact, error))
        goto failed;
      out.contact_id = crm_record_get_id (contact);
      out.contact_created = TRUE;
    }

  if (options->create_deal)
    {
      CrmModule *deals = crm_store_get_module (store, "deals");
      g_autoptr(CrmRecord) deal = crm_record_new (deals);
      g_autofree char *closing = NULL;
      const char *stage = options->stage;

      if (out.account_id == 0)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("A deal needs an account: give the lead a company or choose an account"));
          goto failed;
        }
      if (options->closing_date == NULL)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
          closing = g_date_time_format (later, "%Y-%m-%d");
        }
      if (stage == NULL)
        {
          GPtrArray *stages = crm_field_get_picklist (crm_module_get_field (deals, "stage"));
          stage = stages->len > 0 ? g_ptr_array_index (stages, 0) : NULL;
        }
      apply_mapping (store, lead, deal);
      crm_record_set_string (deal, "deal_name",
                             options->deal_name ? options->deal_name
                             : crm_record_get_string (lead, "company") ? crm_record_get_string (lead, "company") : title);
      crm_record_set_int (deal, "account_name", out.account_id);
      crm_record_set_int (deal, "contact_name", out.contact_id);
      crm_record_set_string (deal, "closing_date", options->closing_date ? options->closing_date : closing);
      crm_record_set_string (deal, "stage", stage);
      if (options->amount >= 0)
        crm_record_set_int (deal, "amount", options->amount);
      crm_record_set_int (deal, "owner_id", owner);
      if (!crm_store_save_record (store, deal, error))
        goto failed;
      out.deal_id = crm_record_get_id (deal);
    }

  {
    GError *local = NULL;
    move_children (store, lead_id, out.contact_id, &local);
    if (local != NULL)
      {
        g_propagate_error (error, local);
        goto failed;
      }
  }
  if (!mark_converted (store, lead_id, &out, error))
    goto failed;

  _crm_store_notify (store, "leads", lead_id);
  _crm_store_notify (store, "contacts", out.contact_id);
  if (!crm_store_end_change (store, error))
    return FALSE;
  if (result)
    *result = out;
  return TRUE;

failed:
  crm_store_abort_change (store);
  return FALSE;
}
