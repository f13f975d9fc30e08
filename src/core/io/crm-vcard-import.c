/* crm-vcard-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-vcard-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-vcard-import.h"
#include "crm-vcard.h"

void
crm_vcard_import_report_free (CrmVcardImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->messages, g_ptr_array_unref);
  g_free (report);
}

static gboolean
check_module (CrmStore    *store,
              const char  *module,
              GError     **error)
{
  if (g_strcmp0 (module, "contacts") != 0 && g_strcmp0 (module, "leads") != 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                   _("vCards go into Contacts or Leads, not “%s”"), module ? module : "");
      return FALSE;
    }
  if (crm_store_get_module (store, module) == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"), module);
      return FALSE;
    }
  return TRUE;
}

/*
 * One card
 */

typedef struct
{
  CrmStore             *store;
  CrmModule            *module;
  CrmVcardImportReport *report;
  GHashTable           *accounts;   /* folded name -> gint64* id, made or found in this import */
  gint64                batch;
  char                 *new_account; /* folded name of the account this card made */
  GString              *extra;      /* what no field took, for the description */
  guint                 card;       /* 1-based, for messages */
  const char           *who;        /* the card's name, for messages */
} Import;

static void
note (Import     *self,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
note (Import     *self,
      const char *format,
      ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: a message about one card of a vCard file: "Card 3 (John Doe): ..." */
  g_ptr_array_add (self->report->messages, g_strdup_printf (_("Card %u (%s): %s"), self->card,
                                                           self->who ? self->who : "", text));
}

static gboolean
field_is_free (CrmRecord  *record,
               const char *name)
{
  return crm_module_get_field (crm_record_get_module (record), name) != NULL &&
         crm_record_get_value (record, name) == NULL;
}

/* Sets a text field when the module has it and the field takes the
 * value; a value longer than the field is shortened. */
static gboolean
set_text (Import     *self,
          CrmRecord  *record,
          const char *name,
          const char *text)
{
  CrmField *field = crm_module_get_field (self->module, name);
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *shortened = NULL;
  int max;

  if (field == NULL || text == NULL || *text == '\0')
    return FALSE;
  max = crm_field_get_max_length (field);
  if (max > 0 && g_utf8_strlen (text, -1) > max)
    {
      shortened = g_utf8_substring (text, 0, max);
      note (self, _("%s was shortened to %d characters"), crm_field_get_label (field), max);
      text = shortened;
    }
  value = g_variant_ref_sink (g_variant_new_string (text));
  if (!crm_field_validate (field, value, &local))
    {
      /* Nothing is lost: what a field refuses goes to the description. */
      g_string_append_printf (self->extra, "%s: %s\n", crm_field_get_label (field), text);
      note (self, _("%s (kept in the description)"), local->message);
      return FALSE;
    }
  crm_record_set_value (record, name, value);
  return TRUE;
}

static char *
join_words (const char *a,
            const char *b)
{
  if (a == NULL || *a == '\0')
    return g_strdup (b);
  if (b == NULL || *b == '\0')
    return g_strdup (a);
  return g_strconcat (a, " ", b, NULL);
}

static void
set_names (Import          *self,
           CrmRecord       *record,
           CrmVcardContact *contact)
{
  g_autofree char *first = join_words (contact->given_name, contact->middle_name);
  const char *last = contact->family_name;

  /* Last name is required: without a family name take the best name the
   * card has, and no first name beside it (the formatted name holds it). */
  if (last == NULL && contact->formatted_name != NULL)
    last = contact->formatted_name;
  else if (last == NULL && first != NULL)
    last = first;
  else if (last == NULL && contact->organization != NULL)
    last = contact->organization;
  else if (last == NULL && contact->emails != NULL && contact->emails->len > 0)
    last = ((CrmVcardValue *) g_ptr_array_index (contact->emails, 0))->value;
  if (contact->family_name == NULL)
    {
      if (last == first)
        last = contact->given_name;
      g_clear_pointer (&first, g_free);
    }

  set_text (self, record, "first_name", first);
  set_text (self, record, "last_name", last);

  if (contact->prefix != NULL)
    {
      CrmField *field = crm_module_get_field (self->module, "salutation");
      GPtrArray *values = field ? crm_field_get_picklist (field) : NULL;
      g_autofree char *wanted = g_utf8_casefold (contact->prefix, -1);

      for (guint i = 0; values != NULL && i < values->len; i++)
        {
          const char *value = g_ptr_array_index (values, i);
          g_autofree char *folded = g_utf8_casefold (value, -1);
          gsize len = strlen (folded);

          /* "Mr" matches "Mr." */
          if (g_str_equal (folded, wanted) ||
              (len > 1 && folded[len - 1] == '.' && strncmp (folded, wanted, len - 1) == 0 && wanted[len - 1] == '\0'))
            {
              crm_record_set_string (record, "salutation", value);
              break;
            }
        }
    }
}

static gint64
find_or_create_account (Import      *self,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  gint64 *known = g_hash_table_lookup (self->accounts, folded);
  g_autoptr(CrmRecord) account = NULL;
  CrmModule *accounts = crm_store_get_module (self->store, "accounts");
  gint64 id = 0;

  if (known != NULL)
    return *known;
  if (accounts == NULL)
    return 0;

  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (self->store, "SELECT id FROM accounts WHERE account_name = ? COLLATE NOCASE "
                                      "AND deleted_at IS NULL ORDER BY id LIMIT 1", error);
    if (stmt == NULL)
      return -1;
    sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      id = sqlite3_column_int64 (stmt, 0);
  }
  if (id == 0)
    {
      CrmField *field = crm_module_get_field (accounts, "account_name");
      int max = field ? crm_field_get_max_length (field) : 0;
      g_autofree char *shortened = max > 0 && g_utf8_strlen (name, -1) > max
                                   ? g_utf8_substring (name, 0, max) : g_strdup (name);

      account = crm_record_new (accounts);
      crm_record_set_string (account, "account_name", shortened);
      crm_record_set_int (account, "import_batch", self->batch);
      if (!crm_store_save_record (self->store, account, error))
        return -1;
      id = crm_record_get_id (account);
      self->report->accounts_created++;
      g_free (self->new_account);
      self->new_account = g_strdup (folded);
    }
  g_hash_table_insert (self->accounts, g_steal_pointer (&folded), g_memdup2 (&id, sizeof id));
  return id;
}

static const char *
phone_target (const char *kind)
{
  if (g_strcmp0 (kind, "cell") == 0)
    return "mobile";
  if (g_strcmp0 (kind, "fax") == 0)
    return "fax";
  if (g_strcmp0 (kind, "home") == 0)
    return "home_phone";
  if (g_strcmp0 (kind, "pager") == 0 || g_strcmp0 (kind, "other") == 0)
    return "other_phone";
  return "phone";
}

static void
set_phones (Import          *self,
            CrmRecord       *record,
            CrmVcardContact *contact)
{
  static const char * const spare[] = { "phone", "mobile", "other_phone", "home_phone", NULL };

  for (guint i = 0; contact->phones != NULL && i < contact->phones->len; i++)
    {
      CrmVcardValue *phone = g_ptr_array_index (contact->phones, i);
      const char *target = phone_target (phone->kind);
      const char *free_field = NULL;

      if (field_is_free (record, target))
        free_field = target;
      /* A second fax has nowhere to go: a fax is no phone to call. */
      for (guint j = 0; free_field == NULL && spare[j] != NULL && !g_str_equal (target, "fax"); j++)
        if (field_is_free (record, spare[j]))
          free_field = spare[j];
      if (free_field != NULL)
        set_text (self, record, free_field, phone->value);   /* keeps a refused number itself */
      else
        {
          g_string_append_printf (self->extra, "%s: %s\n", _("Phone"), phone->value);
          note (self, _("the phone number %s went to the description: no phone field is free"), phone->value);
        }
    }
}

static void
set_emails (Import          *self,
            CrmRecord       *record,
            CrmVcardContact *contact)
{
  static const char * const targets[] = { "email", "secondary_email" };
  guint used = 0;

  for (guint i = 0; contact->emails != NULL && i < contact->emails->len; i++)
    {
      CrmVcardValue *email = g_ptr_array_index (contact->emails, i);

      if (used < G_N_ELEMENTS (targets))
        {
          if (set_text (self, record, targets[used], email->value))
            used++;
        }
      else
        {
          g_string_append_printf (self->extra, "%s: %s\n", _("Email"), email->value);
          note (self, _("the email address %s went to the description: two fit in fields"), email->value);
        }
    }
}

static void
set_address (Import          *self,
             CrmRecord       *record,
             CrmVcardContact *contact)
{
  static const char * const contact_fields[] = { "mailing_street", "mailing_city", "mailing_state", "mailing_code", "mailing_country" };
  static const char * const lead_fields[] = { "street", "city", "state", "zip_code", "country" };
  const char * const *names;
  CrmVcardAddress *address;

  if (contact->addresses == NULL || contact->addresses->len == 0)
    return;
  names = crm_module_get_field (self->module, "mailing_street") != NULL ? contact_fields : lead_fields;
  address = g_ptr_array_index (contact->addresses, 0);
  set_text (self, record, names[0], address->street);
  set_text (self, record, names[1], address->locality);
  set_text (self, record, names[2], address->region);
  set_text (self, record, names[3], address->postal_code);
  set_text (self, record, names[4], address->country);
  for (guint i = 1; i < contact->addresses->len; i++)
    {
      CrmVcardAddress *more = g_ptr_array_index (contact->addresses, i);
      const char *parts[] = { more->street, more->locality, more->region, more->postal_code, more->country };
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint j = 0; j < G_N_ELEMENTS (parts); j++)
        if (parts[j] != NULL)
          g_string_append_printf (line, "%s%s", line->len ? ", " : "", parts[j]);
      g_strdelimit (line->str, "\n", ' ');
      g_string_append_printf (self->extra, "%s: %s\n", _("Address"), line->str);
    }
  if (contact->addresses->len > 1)
    note (self, ngettext ("%u more address went to the description", "%u more addresses went to the description",
                          contact->addresses->len - 1), contact->addresses->len - 1);
}

static gboolean
fill_record (Import           *self,
             CrmRecord        *record,
             CrmVcardContact  *contact,
             GError          **error)
{
  set_names (self, record, contact);

  if (contact->organization != NULL)
    {
      CrmField *account = crm_module_get_field (self->module, "account_name");

      if (account != NULL && crm_field_get_field_type (account) == CRM_FIELD_LOOKUP)
        {
          gint64 id = find_or_create_account (self, contact->organization, error);

          if (id < 0)
            return FALSE;
          if (id > 0)
            crm_record_set_int (record, "account_name", id);
        }
      else
        set_text (self, record, "company", contact->organization);
    }
  set_text (self, record, "department", contact->department);
  set_text (self, record, "title", contact->title);
  set_emails (self, record, contact);
  set_phones (self, record, contact);
  set_address (self, record, contact);
  set_text (self, record, "date_of_birth", contact->birthday);
  set_text (self, record, "website", contact->url);

  if (self->extra->len > 0)
    {
      g_autofree char *description = NULL;

      g_string_truncate (self->extra, self->extra->len - 1);   /* the last newline */
      description = contact->note ? g_strconcat (contact->note, "\n\n", self->extra->str, NULL)
                                  : g_strdup (self->extra->str);
      set_text (self, record, "description", description);
    }
  else
    set_text (self, record, "description", contact->note);
  crm_record_set_int (record, "import_batch", self->batch);
  return TRUE;
}

gboolean
crm_vcard_import (CrmStore              *store,
                  const char            *module,
                  const char            *path,
                  CrmVcardImportReport **report_out,
                  GError               **error)
{
  g_autoptr(CrmVcardImportReport) report = NULL;
  g_autoptr(GHashTable) accounts = NULL;
  g_autoptr(GString) extra = g_string_new (NULL);
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *base = NULL;
  Import self = { 0, };

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (report_out)
    *report_out = NULL;
  if (!check_module (store, module, error))
    return FALSE;
  contacts = crm_vcard_parse_file (path, error);
  if (contacts == NULL)
    return FALSE;

  report = g_new0 (CrmVcardImportReport, 1);
  report->messages = g_ptr_array_new_with_free_func (g_free);
  report->read = contacts->len;
  accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  base = g_path_get_basename (path);
  self.store = store;
  self.module = crm_store_get_module (store, module);
  self.report = report;
  self.accounts = accounts;
  self.extra = extra;
  self.batch = crm_store_begin_change (store, "import", module, base, error);
  if (self.batch == 0)
    return FALSE;

  for (guint i = 0; i < contacts->len; i++)
    {
      CrmVcardContact *contact = g_ptr_array_index (contacts, i);
      g_autoptr(CrmRecord) record = crm_record_new (self.module);
      g_autoptr(GError) local = NULL;
      g_autofree char *who = NULL;

      who = contact->formatted_name ? g_strdup (contact->formatted_name)
                                    : join_words (contact->given_name, contact->family_name);
      self.card = i + 1;
      self.who = who;

      /* Each card in a savepoint: a card that fails takes its account with it. */
      g_clear_pointer (&self.new_account, g_free);
      g_string_truncate (self.extra, 0);
      if (!crm_store_begin (store, error))
        goto failed;
      if (!fill_record (&self, record, contact, &local) ||
          !crm_store_save_record (store, record, &local))
        {
          crm_store_rollback (store);
          if (local->domain == CRM_ERROR && local->code == CRM_ERROR_DATABASE)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              goto failed;
            }
          note (&self, _("not imported: %s"), local->message);
          report->failed++;
          /* the account it made is gone with the savepoint */
          if (self.new_account != NULL)
            {
              g_hash_table_remove (accounts, self.new_account);
              report->accounts_created--;
            }
          continue;
        }
      if (!crm_store_commit (store, error))
        goto failed;
      report->created++;
    }

  g_clear_pointer (&self.new_account, g_free);
  if (report->created == 0)
    {
      crm_store_abort_change (store);
      report->accounts_created = 0;
    }
  else
    {
      if (!crm_store_end_change (store, error))
        return FALSE;
      report->change_id = self.batch;
    }
  if (report_out)
    *report_out = g_steal_pointer (&report);
  return TRUE;

failed:
  g_clear_pointer (&self.new_account, g_free);
  crm_store_abort_change (store);
  return FALSE;
}

/*
 * Export
 */

static void
add_value (GPtrArray  *values,
           CrmRecord  *record,
           const char *field,
           const char *kind)
{
  const char *text;

  if (crm_module_get_field (crm_record_get_module (record), field) == NULL)
    return;
  text = crm_record_get_string (record, field);
  if (text != NULL && *text != '\0')
    g_ptr_array_add (values, crm_vcard_value_new (kind, text));
}

static char *
dup_field (CrmRecord  *record,
           const char *field)
{
  const char *text = NULL;

  if (crm_module_get_field (crm_record_get_module (record), field) != NULL)
    text = crm_record_get_string (record, field);
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static CrmVcardContact *
contact_from_record (CrmStore  *store,
                     CrmRecord *record)
{
  CrmVcardContact *contact = crm_vcard_contact_new ();
  gboolean is_contact = crm_module_get_field (crm_record_get_module (record), "mailing_street") != NULL;
  const char * const *address = is_contact
    ? (const char * const []) { "mailing_street", "mailing_city", "mailing_state", "mailing_code", "mailing_country" }
    : (const char * const []) { "street", "city", "state", "zip_code", "country" };
  CrmVcardAddress *adr = crm_vcard_address_new ();

  contact->prefix = dup_field (record, "salutation");
  contact->given_name = dup_field (record, "first_name");
  contact->family_name = dup_field (record, "last_name");
  contact->formatted_name = join_words (contact->given_name, contact->family_name);
  if (crm_record_get_value (record, "account_name") != NULL &&
      crm_field_get_field_type (crm_module_get_field (crm_record_get_module (record), "account_name")) == CRM_FIELD_LOOKUP)
    contact->organization = crm_store_dup_record_title (store, "accounts", crm_record_get_int (record, "account_name", 0));
  else
    contact->organization = dup_field (record, "company");
  contact->department = dup_field (record, "department");
  contact->title = dup_field (record, "title");
  contact->note = dup_field (record, "description");
  contact->birthday = dup_field (record, "date_of_birth");
  contact->url = dup_field (record, "website");

  add_value (contact->emails, record, "email", NULL);
  add_value (contact->emails, record, "secondary_email", NULL);
  add_value (contact->phones, record, "phone", "work");
  add_value (contact->phones, record, "mobile", "cell");
  add_value (contact->phones, record, "home_phone", "home");
  add_value (contact->phones, record, "other_phone", "other");
  add_value (contact->phones, record, "fax", "fax");

  adr->street = dup_field (record, address[0]);
  adr->locality = dup_field (record, address[1]);
  adr->region = dup_field (record, address[2]);
  adr->postal_code = dup_field (record, address[3]);
  adr->country = dup_field (record, address[4]);
  if (adr->street || adr->locality || adr->region || adr->postal_code || adr->country)
    g_ptr_array_add (contact->addresses, adr);
  else
    crm_vcard_address_free (adr);
  return contact;
}

gboolean
crm_vcard_export (CrmStore      *store,
                  const char    *module,
                  const gint64  *ids,
                  guint          n_ids,
                  CrmQuery      *query,
                  const char    *path,
                  guint         *n_exported,
                  GError       **error)
{
  g_autoptr(GArray) selected = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint count = 0;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_module (store, module, error))
    return FALSE;

  if (ids != NULL)
    {
      selected = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
      g_array_append_vals (selected, ids, n_ids);
    }
  else
    {
      g_autoptr(CrmQuery) all = NULL;

      if (query != NULL && g_strcmp0 (crm_query_get_module (query), module) != 0)
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("The query is not about %s"), module);
          return FALSE;
        }
      if (query == NULL)
        query = all = crm_query_new (module);
      selected = crm_store_query_ids (store, query, error);
      if (selected == NULL)
        return FALSE;
    }

  /* Pages of 256 keep memory flat and the statement cache small. */
  for (guint start = 0; start < selected->len; start += 256)
    {
      guint n = MIN (256, selected->len - start);
      const gint64 *page = &g_array_index (selected, gint64, start);
      g_autoptr(GPtrArray) records = crm_store_load_records (store, module, page, n, error);
      g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

      if (records == NULL)
        return FALSE;
      for (guint i = 0; i < records->len; i++)
        {
          CrmRecord *record = g_ptr_array_index (records, i);
          gint64 *key = g_new (gint64, 1);

          *key = crm_record_get_id (record);
          g_hash_table_insert (by_id, key, record);
        }
      for (guint i = 0; i < n; i++)
        {
          CrmRecord *record = g_hash_table_lookup (by_id, &page[i]);
          g_autoptr(CrmVcardContact) contact = NULL;
          g_autofree char *card = NULL;

          if (record == NULL)
            {
              g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND,
                           _("%s #%" G_GINT64_FORMAT " does not exist"),
                           crm_module_get_singular (crm_store_get_module (store, module)), page[i]);
              return FALSE;
            }
          contact = contact_from_record (store, record);
          card = crm_vcard_write (contact);
          g_string_append (out, card);
          count++;
        }
    }

  if (!g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  if (n_exported)
    *n_exported = count;
  return TRUE;
}
