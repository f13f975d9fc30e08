/* crm-company.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-company"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-company.h"
#include "crm-currencies.h"
#include "crm-money.h"
#include "crm-store-private.h"

/* The company table has one row (id 1), created by schema 1. */

CrmCompany *
crm_company_new (void)
{
  CrmCompany *company = g_new0 (CrmCompany, 1);

  company->employee_count = -1;
  company->home_currency = g_strdup ("USD");
  company->fiscal_year_start = 1;
  company->business_hours = CRM_BUSINESS_HOURS_24X7;
  for (guint i = 0; i < 7; i++)
    {
      company->days[i].open = i < 5;
      company->days[i].start_minute = 9 * 60;
      company->days[i].end_minute = 17 * 60;
    }
  return company;
}

void
crm_company_free (CrmCompany *company)
{
  if (company == NULL)
    return;
  g_free (company->name);
  g_free (company->alias);
  g_free (company->phone);
  g_free (company->mobile);
  g_free (company->fax);
  g_free (company->website);
  g_free (company->email);
  g_free (company->description);
  g_free (company->street);
  g_free (company->city);
  g_free (company->state);
  g_free (company->zip_code);
  g_free (company->country);
  g_free (company->tax_id);
  g_free (company->home_currency);
  g_free (company);
}

void
crm_holiday_free (CrmHoliday *holiday)
{
  if (holiday == NULL)
    return;
  g_free (holiday->name);
  g_free (holiday->date);
  g_free (holiday);
}

const char *
crm_business_hours_to_string (CrmBusinessHours hours)
{
  switch (hours)
    {
    case CRM_BUSINESS_HOURS_24X5: return "24x5";
    case CRM_BUSINESS_HOURS_CUSTOM: return "custom";
    case CRM_BUSINESS_HOURS_24X7:
    default: return "24x7";
    }
}

gboolean
crm_business_hours_from_string (const char       *text,
                                CrmBusinessHours *hours)
{
  if (g_strcmp0 (text, "24x7") == 0)
    *hours = CRM_BUSINESS_HOURS_24X7;
  else if (g_strcmp0 (text, "24x5") == 0)
    *hours = CRM_BUSINESS_HOURS_24X5;
  else if (g_strcmp0 (text, "custom") == 0)
    *hours = CRM_BUSINESS_HOURS_CUSTOM;
  else
    return FALSE;
  return TRUE;
}

/*
 * The text columns, described once for loading, saving and checking.
 */

typedef struct
{
  const char   *column;
  const char   *label;
  CrmFieldType  type;
  int           max_length;
  gsize         offset;
} Column;

#define COL(name, label, type, len) { #name, label, type, len, G_STRUCT_OFFSET (CrmCompany, name) }

static const Column columns[] = {
  COL (name, N_("Company Name"), CRM_FIELD_TEXT, 100),
  COL (alias, N_("Alias"), CRM_FIELD_TEXT, 100),
  COL (phone, N_("Phone"), CRM_FIELD_PHONE, 30),
  COL (mobile, N_("Mobile"), CRM_FIELD_PHONE, 30),
  COL (fax, N_("Fax"), CRM_FIELD_PHONE, 30),
  COL (website, N_("Website"), CRM_FIELD_URL, 120),
  COL (email, N_("Email"), CRM_FIELD_EMAIL, 100),
  COL (description, N_("Description"), CRM_FIELD_LONG_TEXT, 32000),
  COL (street, N_("Street"), CRM_FIELD_TEXT, 250),
  COL (city, N_("City"), CRM_FIELD_TEXT, 50),
  COL (state, N_("State"), CRM_FIELD_TEXT, 50),
  COL (zip_code, N_("Zip Code"), CRM_FIELD_TEXT, 20),
  COL (country, N_("Country"), CRM_FIELD_TEXT, 50),
  COL (tax_id, N_("Tax ID"), CRM_FIELD_TEXT, 40),
};

#undef COL

static char **
column_slot (const CrmCompany *company,
             const Column     *column)
{
  return (char **) G_STRUCT_MEMBER_P ((gpointer) company, column->offset);
}

CrmCompany *
crm_company_load (CrmStore  *store,
                  GError   **error)
{
  g_autoptr(CrmCompany) company = crm_company_new ();
  g_autoptr(GString) sql = g_string_new ("SELECT employee_count, home_currency, fiscal_year_start, business_hours");
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_string_append_printf (sql, ", %s", columns[i].column);
  g_string_append (sql, " FROM company WHERE id = 1");

  stmt = crm_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      crm_store_set_sqlite_error (store, error);
      return NULL;
    }

  company->employee_count = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 0);
  g_free (company->home_currency);
  company->home_currency = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  company->fiscal_year_start = sqlite3_column_int (stmt, 2);
  if (!crm_business_hours_from_string ((const char *) sqlite3_column_text (stmt, 3), &company->business_hours))
    company->business_hours = CRM_BUSINESS_HOURS_24X7;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, i + 4);
      *column_slot (company, &columns[i]) = (text && *text) ? g_strdup (text) : NULL;
    }
  sqlite3_reset (stmt);

  if (company->business_hours == CRM_BUSINESS_HOURS_CUSTOM)
    {
      crm_autoreset sqlite3_stmt *days =
        crm_store_prepare (store, "SELECT weekday, start_minute, end_minute FROM business_hours", error);

      if (days == NULL)
        return NULL;
      for (guint i = 0; i < 7; i++)
        company->days[i].open = FALSE;
      while (sqlite3_step (days) == SQLITE_ROW)
        {
          int day = sqlite3_column_int (days, 0);

          if (day < 1 || day > 7)
            continue;
          company->days[day - 1].open = TRUE;
          company->days[day - 1].start_minute = sqlite3_column_int (days, 1);
          company->days[day - 1].end_minute = sqlite3_column_int (days, 2);
        }
    }
  return g_steal_pointer (&company);
}

static void
note_error (GHashTable  *errors,
            GError     **first,
            const char  *member,
            GError      *local)
{
  if (errors != NULL)
    g_hash_table_insert (errors, g_strdup (member), g_strdup (local->message));
  if (*first == NULL)
    *first = local;
  else
    g_error_free (local);
}

gboolean
crm_company_validate (const CrmCompany  *company,
                      GHashTable        *errors,
                      GError           **error)
{
  GError *first = NULL;

  g_return_val_if_fail (company != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const Column *column = &columns[i];
      const char *text = *column_slot (company, column);
      g_autoptr(CrmField) field = crm_field_new ("company", column->column, _(column->label), column->type,
                                                 i == 0 ? CRM_FIELD_FLAG_REQUIRED : 0);
      g_autoptr(GVariant) value = NULL;
      GError *local = NULL;

      crm_field_set_max_length (field, column->max_length);
      if (text != NULL)
        value = g_variant_ref_sink (g_variant_new_string (text));
      if (!crm_field_validate (field, value, &local))
        note_error (errors, &first, column->column, local);
    }

  if (company->employee_count < -1)
    note_error (errors, &first, "employee_count",
                g_error_new (CRM_ERROR, CRM_ERROR_VALIDATION, _("Employee Count: cannot be negative")));
  if (company->home_currency == NULL || !crm_currency_is_known (company->home_currency))
    note_error (errors, &first, "home_currency",
                g_error_new (CRM_ERROR, CRM_ERROR_VALIDATION,
                             _("Home Currency: “%s” is not an ISO 4217 currency code"),
                             company->home_currency ? company->home_currency : ""));
  if (company->fiscal_year_start < 1 || company->fiscal_year_start > 12)
    note_error (errors, &first, "fiscal_year_start",
                g_error_new (CRM_ERROR, CRM_ERROR_VALIDATION,
                             _("Fiscal Year Begins: %d is not a month (1 to 12)"), company->fiscal_year_start));
  if (company->business_hours == CRM_BUSINESS_HOURS_CUSTOM)
    {
      gboolean any_open = FALSE;

      for (guint i = 0; i < 7; i++)
        {
          const CrmBusinessDay *day = &company->days[i];

          if (!day->open)
            continue;
          any_open = TRUE;
          if (day->start_minute < 0 || day->end_minute > 24 * 60 || day->start_minute >= day->end_minute)
            note_error (errors, &first, "business_hours",
                        g_error_new (CRM_ERROR, CRM_ERROR_VALIDATION,
                                     /* Translators: %u is an ISO weekday number, 1 = Monday */
                                     _("Business Hours: day %u must open before it closes"), i + 1));
        }
      if (!any_open)
        note_error (errors, &first, "business_hours",
                    g_error_new (CRM_ERROR, CRM_ERROR_VALIDATION,
                                 _("Business Hours: custom hours need at least one open day")));
    }

  if (first != NULL)
    {
      g_propagate_error (error, first);
      return FALSE;
    }
  return TRUE;
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

gboolean
crm_company_save (CrmStore          *store,
                  const CrmCompany  *company,
                  GHashTable        *errors,
                  GError           **error)
{
  g_autoptr(GString) sql = g_string_new ("UPDATE company SET employee_count = ?1, fiscal_year_start = ?2, "
                                         "business_hours = ?3");

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (company != NULL, FALSE);

  if (!crm_company_validate (company, errors, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_string_append_printf (sql, ", %s = ?%u", columns[i].column, i + 4);
  g_string_append (sql, " WHERE id = 1");

  if (!crm_store_begin (store, error))
    return FALSE;

  {
    GError *local = NULL;

    if (!crm_currencies_set_home (store, company->home_currency, &local))
      {
        if (errors != NULL)
          g_hash_table_insert (errors, g_strdup ("home_currency"), g_strdup (local->message));
        g_propagate_error (error, local);
        goto failed;
      }
  }

  {
    crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql->str, error);

    if (stmt == NULL)
      goto failed;
    if (company->employee_count >= 0)
      sqlite3_bind_int64 (stmt, 1, company->employee_count);
    sqlite3_bind_int (stmt, 2, company->fiscal_year_start);
    sqlite3_bind_text (stmt, 3, crm_business_hours_to_string (company->business_hours), -1, SQLITE_STATIC);
    for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
      {
        const char *text = *column_slot (company, &columns[i]);
        g_autofree char *stripped = text ? g_strstrip (g_strdup (text)) : NULL;

        /* name is NOT NULL in the table */
        if (stripped != NULL && *stripped != '\0')
          sqlite3_bind_text (stmt, i + 4, stripped, -1, SQLITE_TRANSIENT);
        else if (i == 0)
          sqlite3_bind_text (stmt, i + 4, "", -1, SQLITE_STATIC);
      }
    if (!step_done (store, stmt, error))
      goto failed;
  }

  if (!crm_store_exec (store, "DELETE FROM business_hours", error))
    goto failed;
  if (company->business_hours == CRM_BUSINESS_HOURS_CUSTOM)
    {
      crm_autoreset sqlite3_stmt *stmt =
        crm_store_prepare (store, "INSERT INTO business_hours (weekday, start_minute, end_minute) VALUES (?, ?, ?)", error);

      if (stmt == NULL)
        goto failed;
      for (guint i = 0; i < 7; i++)
        {
          if (!company->days[i].open)
            continue;
          sqlite3_reset (stmt);
          sqlite3_bind_int (stmt, 1, i + 1);
          sqlite3_bind_int (stmt, 2, company->days[i].start_minute);
          sqlite3_bind_int (stmt, 3, company->days[i].end_minute);
          if (!step_done (store, stmt, error))
            goto failed;
        }
    }
  return crm_store_commit (store, error);

failed:
  crm_store_rollback (store);
  return FALSE;
}

/*
 * Logo
 */

static gboolean
looks_like (GBytes     *data,
            const char *mime_type)
{
  gsize size = 0;
  const guint8 *bytes = g_bytes_get_data (data, &size);

  if (g_str_equal (mime_type, "image/png"))
    return size >= 8 && memcmp (bytes, "\x89PNG\r\n\x1a\n", 8) == 0;
  if (g_str_equal (mime_type, "image/jpeg"))
    return size >= 3 && memcmp (bytes, "\xff\xd8\xff", 3) == 0;
  if (g_str_equal (mime_type, "image/svg+xml"))
    {
      g_autofree char *text = g_strndup ((const char *) bytes, MIN (size, 4096));
      return size > 0 && g_utf8_validate ((const char *) bytes, size, NULL) && strstr (text, "<svg") != NULL;
    }
  return FALSE;
}

gboolean
crm_company_set_logo (CrmStore    *store,
                      GBytes      *data,
                      const char  *mime_type,
                      GBytes      *png,
                      GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = NULL;
  gboolean is_png;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (data != NULL)
    {
      if (mime_type == NULL ||
          (!g_str_equal (mime_type, "image/png") && !g_str_equal (mime_type, "image/jpeg") &&
           !g_str_equal (mime_type, "image/svg+xml")))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("Company logo: use a PNG, JPEG or SVG image, not “%s”"), mime_type ? mime_type : "");
          return FALSE;
        }
      if (g_bytes_get_size (data) > CRM_COMPANY_MAX_LOGO_SIZE ||
          (png != NULL && g_bytes_get_size (png) > CRM_COMPANY_MAX_LOGO_SIZE))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("Company logo: the image is larger than 2 MB"));
          return FALSE;
        }
      if (!looks_like (data, mime_type))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("Company logo: the file is not a valid %s image"), mime_type);
          return FALSE;
        }
      if (png != NULL && !looks_like (png, "image/png"))
        {
          g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION,
                       _("Company logo: the PNG version is not a PNG image"));
          return FALSE;
        }
    }

  is_png = mime_type != NULL && g_str_equal (mime_type, "image/png");
  stmt = crm_store_prepare (store, "UPDATE company SET logo = ?, logo_mime = ?, logo_png = ? WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  if (data != NULL)
    {
      sqlite3_bind_blob64 (stmt, 1, g_bytes_get_data (data, NULL), g_bytes_get_size (data), SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, mime_type, -1, SQLITE_TRANSIENT);
      if (png != NULL && !is_png)
        sqlite3_bind_blob64 (stmt, 3, g_bytes_get_data (png, NULL), g_bytes_get_size (png), SQLITE_TRANSIENT);
    }
  return step_done (store, stmt, error);
}

static GBytes *
column_bytes (sqlite3_stmt *stmt,
              int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, column), sqlite3_column_bytes (stmt, column));
}

GBytes *
crm_company_get_logo (CrmStore  *store,
                      char     **mime_type)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (store, "SELECT logo, logo_mime FROM company WHERE id = 1", NULL);

  if (mime_type)
    *mime_type = NULL;
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  if (mime_type && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    *mime_type = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  return column_bytes (stmt, 0);
}

GBytes *
crm_company_get_logo_png (CrmStore *store)
{
  crm_autoreset sqlite3_stmt *stmt =
    crm_store_prepare (store, "SELECT CASE WHEN logo_mime = 'image/png' THEN logo ELSE logo_png END "
                              "FROM company WHERE id = 1", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return column_bytes (stmt, 0);
}

/*
 * Holidays and opening hours
 */

static char *
parse_iso_date (const char  *text,
                GError     **error)
{
  g_autoptr(CrmField) field = crm_field_new ("holidays", "date", _("Date"), CRM_FIELD_DATE, CRM_FIELD_FLAG_REQUIRED);
  g_autoptr(GVariant) value = NULL;

  if (!crm_field_parse (field, text ? text : "", NULL, &value, error) ||
      !crm_field_validate (field, value, error))
    return NULL;
  return g_variant_dup_string (value, NULL);
}

GPtrArray *
crm_company_list_holidays (CrmStore  *store,
                           int        year,
                           GError   **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_holiday_free);
  crm_autoreset sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  stmt = crm_store_prepare (store, "SELECT id, name, date FROM holidays WHERE ?1 = 0 OR substr(date, 1, 4) = printf('%04d', ?1) "
                                   "ORDER BY date, name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmHoliday *holiday = g_new0 (CrmHoliday, 1);

      holiday->id = sqlite3_column_int64 (stmt, 0);
      holiday->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      holiday->date = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (out, holiday);
    }
  if (rc != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

gint64
crm_company_add_holiday (CrmStore    *store,
                         const char  *name,
                         const char  *date,
                         GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *iso = NULL;
  crm_autoreset sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), 0);

  if (*stripped == '\0')
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_VALIDATION, _("A holiday needs a name"));
      return 0;
    }
  iso = parse_iso_date (date, error);
  if (iso == NULL)
    return 0;

  stmt = crm_store_prepare (store, "INSERT INTO holidays (name, date) VALUES (?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if ((sqlite3_extended_errcode (crm_store_get_db (store)) & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, CRM_ERROR, CRM_ERROR_DUPLICATE, _("“%s” on %s is already a holiday"), stripped, iso);
      else
        crm_store_set_sqlite_error (store, error);
      return 0;
    }
  return sqlite3_last_insert_rowid (crm_store_get_db (store));
}

gboolean
crm_company_remove_holiday (CrmStore    *store,
                            gint64       id,
                            GError     **error)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, "DELETE FROM holidays WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (crm_store_get_db (store)) == 0)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("The holiday no longer exists"));
      return FALSE;
    }
  return TRUE;
}

gboolean
crm_company_is_holiday (CrmStore   *store,
                        const char *date)
{
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, "SELECT 1 FROM holidays WHERE date = ?", NULL);

  if (stmt == NULL || date == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

gboolean
crm_company_is_open (CrmStore  *store,
                     GDateTime *when)
{
  g_autoptr(CrmCompany) company = NULL;
  g_autofree char *date = NULL;
  int weekday, minute;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (when != NULL, FALSE);

  date = g_date_time_format (when, "%Y-%m-%d");
  if (crm_company_is_holiday (store, date))
    return FALSE;
  company = crm_company_load (store, NULL);
  if (company == NULL)
    return FALSE;

  weekday = g_date_time_get_day_of_week (when);
  minute = g_date_time_get_hour (when) * 60 + g_date_time_get_minute (when);
  switch (company->business_hours)
    {
    case CRM_BUSINESS_HOURS_24X5:
      return weekday <= 5;
    case CRM_BUSINESS_HOURS_CUSTOM:
      {
        const CrmBusinessDay *day = &company->days[weekday - 1];
        return day->open && minute >= day->start_minute && minute < day->end_minute;
      }
    case CRM_BUSINESS_HOURS_24X7:
    default:
      return TRUE;
    }
}
