/* crm-company.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/* Company details (DOMAIN.md §9.2): what prints on documents, the home
 * currency, the fiscal year, business hours and holidays. */

typedef enum
{
  CRM_BUSINESS_HOURS_24X7,
  CRM_BUSINESS_HOURS_24X5,     /* Monday to Friday, all day */
  CRM_BUSINESS_HOURS_CUSTOM,   /* the open days and hours in `days` */
} CrmBusinessHours;

typedef struct
{
  gboolean open;
  int      start_minute;   /* minutes since midnight, 0–1439 */
  int      end_minute;     /* 1–1440, after start_minute */
} CrmBusinessDay;

typedef struct
{
  char             *name;            /* required */
  char             *alias;
  char             *phone;
  char             *mobile;
  char             *fax;
  char             *website;
  char             *email;
  gint64            employee_count;  /* -1 when not given */
  char             *description;
  char             *street;
  char             *city;
  char             *state;
  char             *zip_code;
  char             *country;
  char             *tax_id;
  char             *home_currency;   /* ISO 4217; see crm_currencies_set_home() */
  int               fiscal_year_start; /* month, 1–12 */
  CrmBusinessHours  business_hours;
  CrmBusinessDay    days[7];         /* [0] is Monday; used when CUSTOM */
} CrmCompany;

typedef struct
{
  gint64  id;
  char   *name;
  char   *date;    /* YYYY-MM-DD */
} CrmHoliday;

/* Logos larger than this are refused: they only ever print small. */
#define CRM_COMPANY_MAX_LOGO_SIZE (2 * 1024 * 1024)

CrmCompany   *crm_company_new              (void);
void          crm_company_free             (CrmCompany   *company);
void          crm_holiday_free             (CrmHoliday   *holiday);

CrmCompany   *crm_company_load             (CrmStore     *store,
                                            GError      **error);
/* Checks every field without a store: fills `errors` (member name ->
 * message) when given and returns the first error. */
gboolean      crm_company_validate         (const CrmCompany *company,
                                            GHashTable   *errors,
                                            GError      **error);
/* Validates, then writes everything in one transaction. A changed home
 * currency goes through crm_currencies_set_home(), which refuses once
 * other currencies exist. */
gboolean      crm_company_save             (CrmStore     *store,
                                            const CrmCompany *company,
                                            GHashTable   *errors,
                                            GError      **error);

/*
 * The logo: PNG, JPEG or SVG bytes, stored as given with their type
 * ("image/png", "image/jpeg", "image/svg+xml"). The print renderer draws
 * PNG only and the core has no image decoder, so for a JPEG or SVG logo
 * the UI passes a PNG rendition too (gdk-pixbuf can make it); without one
 * crm_company_get_logo_png() returns NULL and documents print without a
 * logo. `data` NULL removes the logo.
 */
gboolean      crm_company_set_logo         (CrmStore     *store,
                                            GBytes       *data,
                                            const char   *mime_type,
                                            GBytes       *png,
                                            GError      **error);
/* The logo as stored, or NULL; *mime_type (optional) gets its type. */
GBytes       *crm_company_get_logo         (CrmStore     *store,
                                            char        **mime_type);
GBytes       *crm_company_get_logo_png     (CrmStore     *store);

/* Holidays, by date. year 0 lists every year. */
GPtrArray    *crm_company_list_holidays    (CrmStore     *store,
                                            int           year,
                                            GError      **error);
gint64        crm_company_add_holiday      (CrmStore     *store,
                                            const char   *name,
                                            const char   *date,
                                            GError      **error);
gboolean      crm_company_remove_holiday   (CrmStore     *store,
                                            gint64        id,
                                            GError      **error);
gboolean      crm_company_is_holiday       (CrmStore     *store,
                                            const char   *date);
/* Whether the company works at that moment (business hours, holidays),
 * in the time zone of `when`. */
gboolean      crm_company_is_open          (CrmStore     *store,
                                            GDateTime    *when);

const char   *crm_business_hours_to_string (CrmBusinessHours hours);
gboolean      crm_business_hours_from_string (const char *text,
                                            CrmBusinessHours *hours);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmCompany, crm_company_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmHoliday, crm_holiday_free)

G_END_DECLS
