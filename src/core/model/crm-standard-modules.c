/* crm-standard-modules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-standard-modules"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-standard-modules.h"

/* Field lists follow DOMAIN.md §1 (Zoho's standard fields); api names are the
 * snake_case of the label, except where the label is an SQL keyword
 * ("From"/"To" of meetings are start_time/end_time). */

#define SECTION(label) { NULL, label, 0, 0, 0, NULL }

static const CrmSeedField leads_fields[] = {
  SECTION (N_("Lead Information")),
  { "salutation", N_("Salutation"), CRM_FIELD_PICKLIST, 0, 0, "salutation" },
  { "first_name", N_("First Name"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 40, NULL },
  { "last_name", N_("Last Name"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 80, NULL },
  { "title", N_("Title"), CRM_FIELD_TEXT, 0, 100, NULL },
  { "company", N_("Company"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 100, NULL },
  { "email", N_("Email"), CRM_FIELD_EMAIL, CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 100, NULL },
  { "secondary_email", N_("Secondary Email"), CRM_FIELD_EMAIL, CRM_FIELD_FLAG_SEARCHABLE, 100, NULL },
  { "phone", N_("Phone"), CRM_FIELD_PHONE, CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST, 30, NULL },
  { "mobile", N_("Mobile"), CRM_FIELD_PHONE, CRM_FIELD_FLAG_SEARCHABLE, 30, NULL },
  { "fax", N_("Fax"), CRM_FIELD_PHONE, 0, 30, NULL },
  { "website", N_("Website"), CRM_FIELD_URL, 0, 120, NULL },
  { "skype_id", N_("Skype ID"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "twitter", N_("Twitter"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "lead_source", N_("Lead Source"), CRM_FIELD_PICKLIST, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "lead_source" },
  { "lead_status", N_("Lead Status"), CRM_FIELD_PICKLIST, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "lead_status" },
  { "industry", N_("Industry"), CRM_FIELD_PICKLIST, 0, 0, "industry" },
  { "rating", N_("Rating"), CRM_FIELD_PICKLIST, 0, 0, "rating" },
  { "annual_revenue", N_("Annual Revenue"), CRM_FIELD_CURRENCY, 0, 0, NULL },
  { "no_of_employees", N_("No. of Employees"), CRM_FIELD_INTEGER, 0, 0, NULL },
  { "email_opt_out", N_("Email Opt Out"), CRM_FIELD_CHECKBOX, 0, 0, NULL },
  SECTION (N_("Address Information")),
  { "street", N_("Street"), CRM_FIELD_TEXT, 0, 250, NULL },
  { "city", N_("City"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_INDEXED, 50, NULL },
  { "state", N_("State"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "zip_code", N_("Zip Code"), CRM_FIELD_TEXT, 0, 20, NULL },
  { "country", N_("Country"), CRM_FIELD_TEXT, 0, 50, NULL },
  SECTION (N_("Description Information")),
  { "description", N_("Description"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  SECTION (N_("Conversion")),
  { "converted", N_("Converted"), CRM_FIELD_CHECKBOX, CRM_FIELD_FLAG_SYSTEM | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  { "converted_at", N_("Converted Time"), CRM_FIELD_DATETIME, CRM_FIELD_FLAG_SYSTEM, 0, NULL },
  { "converted_account", N_("Converted Account"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_SYSTEM, 0, "accounts" },
  { "converted_contact", N_("Converted Contact"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_SYSTEM, 0, "contacts" },
  { "converted_deal", N_("Converted Deal"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_SYSTEM, 0, "deals" },
  { NULL, NULL, 0, 0, 0, NULL }
};

static const CrmSeedField accounts_fields[] = {
  SECTION (N_("Account Information")),
  { "account_name", N_("Account Name"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 100, NULL },
  { "account_site", N_("Account Site"), CRM_FIELD_TEXT, 0, 80, NULL },
  { "parent_account", N_("Parent Account"), CRM_FIELD_LOOKUP, 0, 0, "accounts" },
  { "account_number", N_("Account Number"), CRM_FIELD_TEXT, 0, 40, NULL },
  { "account_type", N_("Account Type"), CRM_FIELD_PICKLIST, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "account_type" },
  { "industry", N_("Industry"), CRM_FIELD_PICKLIST, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "industry" },
  { "ownership", N_("Ownership"), CRM_FIELD_PICKLIST, 0, 0, "ownership" },
  { "rating", N_("Rating"), CRM_FIELD_PICKLIST, 0, 0, "rating" },
  { "annual_revenue", N_("Annual Revenue"), CRM_FIELD_CURRENCY, 0, 0, NULL },
  { "employees", N_("Employees"), CRM_FIELD_INTEGER, 0, 0, NULL },
  { "phone", N_("Phone"), CRM_FIELD_PHONE, CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST, 30, NULL },
  { "fax", N_("Fax"), CRM_FIELD_PHONE, 0, 30, NULL },
  { "website", N_("Website"), CRM_FIELD_URL, CRM_FIELD_FLAG_LIST, 120, NULL },
  { "ticker_symbol", N_("Ticker Symbol"), CRM_FIELD_TEXT, 0, 30, NULL },
  { "sic_code", N_("SIC Code"), CRM_FIELD_INTEGER, 0, 0, NULL },
  SECTION (N_("Address Information")),
  { "billing_street", N_("Billing Street"), CRM_FIELD_TEXT, 0, 250, NULL },
  { "billing_city", N_("Billing City"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "billing_state", N_("Billing State"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "billing_code", N_("Billing Code"), CRM_FIELD_TEXT, 0, 20, NULL },
  { "billing_country", N_("Billing Country"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "shipping_street", N_("Shipping Street"), CRM_FIELD_TEXT, 0, 250, NULL },
  { "shipping_city", N_("Shipping City"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "shipping_state", N_("Shipping State"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "shipping_code", N_("Shipping Code"), CRM_FIELD_TEXT, 0, 20, NULL },
  { "shipping_country", N_("Shipping Country"), CRM_FIELD_TEXT, 0, 50, NULL },
  SECTION (N_("Description Information")),
  { "description", N_("Description"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  { NULL, NULL, 0, 0, 0, NULL }
};

static const CrmSeedField contacts_fields[] = {
  SECTION (N_("Contact Information")),
  { "salutation", N_("Salutation"), CRM_FIELD_PICKLIST, 0, 0, "salutation" },
  { "first_name", N_("First Name"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 40, NULL },
  { "last_name", N_("Last Name"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 80, NULL },
  { "account_name", N_("Account Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "accounts" },
  { "vendor_name", N_("Vendor Name"), CRM_FIELD_LOOKUP, 0, 0, "vendors" },
  { "title", N_("Title"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_LIST, 100, NULL },
  { "department", N_("Department"), CRM_FIELD_TEXT, 0, 100, NULL },
  { "reports_to", N_("Reports To"), CRM_FIELD_LOOKUP, 0, 0, "contacts" },
  { "lead_source", N_("Lead Source"), CRM_FIELD_PICKLIST, 0, 0, "lead_source" },
  { "email", N_("Email"), CRM_FIELD_EMAIL, CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 100, NULL },
  { "secondary_email", N_("Secondary Email"), CRM_FIELD_EMAIL, CRM_FIELD_FLAG_SEARCHABLE, 100, NULL },
  { "phone", N_("Phone"), CRM_FIELD_PHONE, CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST, 30, NULL },
  { "mobile", N_("Mobile"), CRM_FIELD_PHONE, CRM_FIELD_FLAG_SEARCHABLE, 30, NULL },
  { "home_phone", N_("Home Phone"), CRM_FIELD_PHONE, CRM_FIELD_FLAG_SEARCHABLE, 30, NULL },
  { "other_phone", N_("Other Phone"), CRM_FIELD_PHONE, 0, 30, NULL },
  { "fax", N_("Fax"), CRM_FIELD_PHONE, 0, 30, NULL },
  { "assistant", N_("Assistant"), CRM_FIELD_TEXT, 0, 80, NULL },
  { "asst_phone", N_("Asst Phone"), CRM_FIELD_PHONE, 0, 30, NULL },
  { "date_of_birth", N_("Date of Birth"), CRM_FIELD_DATE, 0, 0, NULL },
  { "skype_id", N_("Skype ID"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "twitter", N_("Twitter"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "email_opt_out", N_("Email Opt Out"), CRM_FIELD_CHECKBOX, 0, 0, NULL },
  SECTION (N_("Address Information")),
  { "mailing_street", N_("Mailing Street"), CRM_FIELD_TEXT, 0, 250, NULL },
  { "mailing_city", N_("Mailing City"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "mailing_state", N_("Mailing State"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "mailing_code", N_("Mailing Code"), CRM_FIELD_TEXT, 0, 20, NULL },
  { "mailing_country", N_("Mailing Country"), CRM_FIELD_TEXT, 0, 50, NULL },
  SECTION (N_("Description Information")),
  { "description", N_("Description"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  { NULL, NULL, 0, 0, 0, NULL }
};

static const CrmSeedField deals_fields[] = {
  SECTION (N_("Deal Information")),
  { "deal_name", N_("Deal Name"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 120, NULL },
  { "account_name", N_("Account Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "accounts" },
  { "contact_name", N_("Contact Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_INDEXED, 0, "contacts" },
  { "type", N_("Type"), CRM_FIELD_PICKLIST, 0, 0, "deal_type" },
  { "lead_source", N_("Lead Source"), CRM_FIELD_PICKLIST, 0, 0, "lead_source" },
  { "campaign_source", N_("Campaign Source"), CRM_FIELD_LOOKUP, 0, 0, "campaigns" },
  { "amount", N_("Amount"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  { "closing_date", N_("Closing Date"), CRM_FIELD_DATE, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  { "stage", N_("Stage"), CRM_FIELD_PICKLIST, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "stage" },
  { "probability", N_("Probability (%)"), CRM_FIELD_PERCENT, 0, 0, NULL },
  { "expected_revenue", N_("Expected Revenue"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM, 0, NULL },
  { "next_step", N_("Next Step"), CRM_FIELD_TEXT, 0, 100, NULL },
  { "reason_for_loss", N_("Reason for Loss"), CRM_FIELD_PICKLIST, 0, 0, "reason_for_loss" },
  SECTION (N_("Description Information")),
  { "description", N_("Description"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  { NULL, NULL, 0, 0, 0, NULL }
};

static const CrmSeedField campaigns_fields[] = {
  SECTION (N_("Campaign Information")),
  { "campaign_name", N_("Campaign Name"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 120, NULL },
  { "type", N_("Type"), CRM_FIELD_PICKLIST, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "campaign_type" },
  { "status", N_("Status"), CRM_FIELD_PICKLIST, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "campaign_status" },
  { "start_date", N_("Start Date"), CRM_FIELD_DATE, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  { "end_date", N_("End Date"), CRM_FIELD_DATE, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  { "budgeted_cost", N_("Budgeted Cost"), CRM_FIELD_CURRENCY, 0, 0, NULL },
  { "actual_cost", N_("Actual Cost"), CRM_FIELD_CURRENCY, 0, 0, NULL },
  { "expected_revenue", N_("Expected Revenue"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_LIST, 0, NULL },
  { "expected_response", N_("Expected Response"), CRM_FIELD_PERCENT, 0, 0, NULL },
  { "number_sent", N_("Number Sent"), CRM_FIELD_INTEGER, 0, 0, NULL },
  SECTION (N_("Description Information")),
  { "description", N_("Description"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  { NULL, NULL, 0, 0, 0, NULL }
};

static const CrmSeedField tasks_fields[] = {
  SECTION (N_("Task Information")),
  { "subject", N_("Subject"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 200, NULL },
  { "due_date", N_("Due Date"), CRM_FIELD_DATE, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  { "status", N_("Status"), CRM_FIELD_PICKLIST, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "task_status" },
  { "priority", N_("Priority"), CRM_FIELD_PICKLIST, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "task_priority" },
  { "contact_name", N_("Contact Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_INDEXED, 0, "contacts" },
  { "related_module", N_("Related Module"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_HIDDEN, 40, NULL },
  { "related_id", N_("Related Record"), CRM_FIELD_INTEGER, CRM_FIELD_FLAG_HIDDEN | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  SECTION (N_("Description Information")),
  { "description", N_("Description"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  { NULL, NULL, 0, 0, 0, NULL }
};

static const CrmSeedField events_fields[] = {
  SECTION (N_("Meeting Information")),
  { "title", N_("Title"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 200, NULL },
  { "location", N_("Location"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_LIST, 200, NULL },
  { "start_time", N_("From"), CRM_FIELD_DATETIME, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  { "end_time", N_("To"), CRM_FIELD_DATETIME, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_LIST, 0, NULL },
  { "all_day", N_("All Day"), CRM_FIELD_CHECKBOX, 0, 0, NULL },
  { "contact_name", N_("Contact Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_INDEXED, 0, "contacts" },
  { "related_module", N_("Related Module"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_HIDDEN, 40, NULL },
  { "related_id", N_("Related Record"), CRM_FIELD_INTEGER, CRM_FIELD_FLAG_HIDDEN | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  SECTION (N_("Description Information")),
  { "description", N_("Description"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  { NULL, NULL, 0, 0, 0, NULL }
};

static const CrmSeedField calls_fields[] = {
  SECTION (N_("Call Information")),
  { "subject", N_("Subject"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 200, NULL },
  { "call_type", N_("Call Type"), CRM_FIELD_PICKLIST, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "call_type" },
  { "call_purpose", N_("Call Purpose"), CRM_FIELD_PICKLIST, 0, 0, "call_purpose" },
  { "contact_name", N_("Contact Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "contacts" },
  { "call_start_time", N_("Call Start Time"), CRM_FIELD_DATETIME, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  { "call_duration", N_("Call Duration (minutes)"), CRM_FIELD_INTEGER, 0, 0, NULL },
  { "call_result", N_("Call Result"), CRM_FIELD_PICKLIST, 0, 0, "call_result" },
  { "call_agenda", N_("Call Agenda"), CRM_FIELD_TEXT, 0, 200, NULL },
  { "related_module", N_("Related Module"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_HIDDEN, 40, NULL },
  { "related_id", N_("Related Record"), CRM_FIELD_INTEGER, CRM_FIELD_FLAG_HIDDEN | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  SECTION (N_("Description Information")),
  { "description", N_("Description"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  { NULL, NULL, 0, 0, 0, NULL }
};

static const CrmSeedField products_fields[] = {
  SECTION (N_("Product Information")),
  { "product_name", N_("Product Name"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 120, NULL },
  { "product_code", N_("Product Code"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED | CRM_FIELD_FLAG_UNIQUE, 40, NULL },
  { "product_active", N_("Product Active"), CRM_FIELD_CHECKBOX, CRM_FIELD_FLAG_LIST, 0, NULL },
  { "product_category", N_("Product Category"), CRM_FIELD_PICKLIST, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "product_category" },
  { "manufacturer", N_("Manufacturer"), CRM_FIELD_PICKLIST, 0, 0, "manufacturer" },
  { "vendor_name", N_("Vendor Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_INDEXED, 0, "vendors" },
  { "sales_start_date", N_("Sales Start Date"), CRM_FIELD_DATE, 0, 0, NULL },
  { "sales_end_date", N_("Sales End Date"), CRM_FIELD_DATE, 0, 0, NULL },
  { "support_start_date", N_("Support Start Date"), CRM_FIELD_DATE, 0, 0, NULL },
  { "support_expiry_date", N_("Support Expiry Date"), CRM_FIELD_DATE, 0, 0, NULL },
  SECTION (N_("Price Information")),
  { "unit_price", N_("Unit Price"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  { "commission_rate", N_("Commission Rate"), CRM_FIELD_PERCENT, 0, 0, NULL },
  { "taxable", N_("Taxable"), CRM_FIELD_CHECKBOX, 0, 0, NULL },
  SECTION (N_("Stock Information")),
  { "usage_unit", N_("Usage Unit"), CRM_FIELD_PICKLIST, 0, 0, "usage_unit" },
  { "qty_ordered", N_("Qty Ordered"), CRM_FIELD_DECIMAL, CRM_FIELD_FLAG_SYSTEM, 3, NULL },
  { "qty_in_stock", N_("Qty in Stock"), CRM_FIELD_DECIMAL, CRM_FIELD_FLAG_LIST, 3, NULL },
  { "reorder_level", N_("Reorder Level"), CRM_FIELD_DECIMAL, 0, 3, NULL },
  { "qty_in_demand", N_("Qty in Demand"), CRM_FIELD_DECIMAL, CRM_FIELD_FLAG_SYSTEM, 3, NULL },
  { "handler", N_("Handler"), CRM_FIELD_OWNER, 0, 0, NULL },
  SECTION (N_("Description Information")),
  { "description", N_("Description"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  { NULL, NULL, 0, 0, 0, NULL }
};

static const CrmSeedField price_books_fields[] = {
  SECTION (N_("Price Book Information")),
  { "price_book_name", N_("Price Book Name"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 50, NULL },
  { "active", N_("Active"), CRM_FIELD_CHECKBOX, CRM_FIELD_FLAG_LIST, 0, NULL },
  { "pricing_model", N_("Pricing Model"), CRM_FIELD_PICKLIST, CRM_FIELD_FLAG_LIST, 0, "pricing_model" },
  SECTION (N_("Description Information")),
  { "description", N_("Description"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  { NULL, NULL, 0, 0, 0, NULL }
};

static const CrmSeedField vendors_fields[] = {
  SECTION (N_("Vendor Information")),
  { "vendor_name", N_("Vendor Name"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 50, NULL },
  { "phone", N_("Phone"), CRM_FIELD_PHONE, CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST, 40, NULL },
  { "email", N_("Email"), CRM_FIELD_EMAIL, CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST, 100, NULL },
  { "website", N_("Website"), CRM_FIELD_URL, 0, 120, NULL },
  { "gl_account", N_("GL Account"), CRM_FIELD_PICKLIST, 0, 0, "gl_account" },
  { "category", N_("Category"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_LIST, 40, NULL },
  SECTION (N_("Address Information")),
  { "street", N_("Street"), CRM_FIELD_TEXT, 0, 250, NULL },
  { "city", N_("City"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_INDEXED, 50, NULL },
  { "state", N_("State"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "zip_code", N_("Zip Code"), CRM_FIELD_TEXT, 0, 20, NULL },
  { "country", N_("Country"), CRM_FIELD_TEXT, 0, 50, NULL },
  SECTION (N_("Description Information")),
  { "description", N_("Description"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  { NULL, NULL, 0, 0, 0, NULL }
};

static const CrmSeedField quotes_fields[] = {
  SECTION (N_("Quote Information")),
  { "quote_number", N_("Quote Number"), CRM_FIELD_AUTO_NUMBER, CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED | CRM_FIELD_FLAG_UNIQUE | CRM_FIELD_FLAG_SYSTEM, 40, NULL },
  { "subject", N_("Subject"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 120, NULL },
  { "deal_name", N_("Deal Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_INDEXED, 0, "deals" },
  { "account_name", N_("Account Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "accounts" },
  { "contact_name", N_("Contact Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_INDEXED, 0, "contacts" },
  { "quote_stage", N_("Quote Stage"), CRM_FIELD_PICKLIST, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "quote_stage" },
  { "valid_till", N_("Valid Till"), CRM_FIELD_DATE, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  { "carrier", N_("Carrier"), CRM_FIELD_PICKLIST, 0, 0, "carrier" },
  { "shipping", N_("Shipping"), CRM_FIELD_TEXT, 0, 100, NULL },
  SECTION (N_("Address Information")),
  { "billing_street", N_("Billing Street"), CRM_FIELD_TEXT, 0, 250, NULL },
  { "billing_city", N_("Billing City"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "billing_state", N_("Billing State"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "billing_code", N_("Billing Code"), CRM_FIELD_TEXT, 0, 20, NULL },
  { "billing_country", N_("Billing Country"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "shipping_street", N_("Shipping Street"), CRM_FIELD_TEXT, 0, 250, NULL },
  { "shipping_city", N_("Shipping City"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "shipping_state", N_("Shipping State"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "shipping_code", N_("Shipping Code"), CRM_FIELD_TEXT, 0, 20, NULL },
  { "shipping_country", N_("Shipping Country"), CRM_FIELD_TEXT, 0, 50, NULL },
  SECTION (N_("Totals")),
  { "sub_total", N_("Sub Total"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM, 0, NULL },
  { "discount", N_("Discount"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM, 0, NULL },
  { "tax", N_("Tax"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM, 0, NULL },
  { "adjustment", N_("Adjustment"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM, 0, NULL },
  { "grand_total", N_("Grand Total"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  SECTION (N_("Terms and Conditions")),
  { "terms_and_conditions", N_("Terms and Conditions"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  SECTION (N_("Description Information")),
  { "description", N_("Description"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  { NULL, NULL, 0, 0, 0, NULL }
};

static const CrmSeedField sales_orders_fields[] = {
  SECTION (N_("Sales Order Information")),
  { "so_number", N_("SO Number"), CRM_FIELD_AUTO_NUMBER, CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED | CRM_FIELD_FLAG_UNIQUE | CRM_FIELD_FLAG_SYSTEM, 40, NULL },
  { "subject", N_("Subject"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 120, NULL },
  { "deal_name", N_("Deal Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_INDEXED, 0, "deals" },
  { "quote_name", N_("Quote Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_INDEXED, 0, "quotes" },
  { "account_name", N_("Account Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "accounts" },
  { "contact_name", N_("Contact Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_INDEXED, 0, "contacts" },
  { "customer_no", N_("Customer No"), CRM_FIELD_TEXT, 0, 40, NULL },
  { "purchase_order", N_("Purchase Order"), CRM_FIELD_TEXT, 0, 40, NULL },
  { "due_date", N_("Due Date"), CRM_FIELD_DATE, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  { "carrier", N_("Carrier"), CRM_FIELD_PICKLIST, 0, 0, "carrier" },
  { "pending", N_("Pending"), CRM_FIELD_TEXT, 0, 100, NULL },
  { "status", N_("Status"), CRM_FIELD_PICKLIST, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "order_status" },
  { "sales_commission", N_("Sales Commission"), CRM_FIELD_CURRENCY, 0, 0, NULL },
  { "excise_duty", N_("Excise Duty"), CRM_FIELD_CURRENCY, 0, 0, NULL },
  SECTION (N_("Address Information")),
  { "billing_street", N_("Billing Street"), CRM_FIELD_TEXT, 0, 250, NULL },
  { "billing_city", N_("Billing City"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "billing_state", N_("Billing State"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "billing_code", N_("Billing Code"), CRM_FIELD_TEXT, 0, 20, NULL },
  { "billing_country", N_("Billing Country"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "shipping_street", N_("Shipping Street"), CRM_FIELD_TEXT, 0, 250, NULL },
  { "shipping_city", N_("Shipping City"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "shipping_state", N_("Shipping State"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "shipping_code", N_("Shipping Code"), CRM_FIELD_TEXT, 0, 20, NULL },
  { "shipping_country", N_("Shipping Country"), CRM_FIELD_TEXT, 0, 50, NULL },
  SECTION (N_("Totals")),
  { "sub_total", N_("Sub Total"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM, 0, NULL },
  { "discount", N_("Discount"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM, 0, NULL },
  { "tax", N_("Tax"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM, 0, NULL },
  { "adjustment", N_("Adjustment"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM, 0, NULL },
  { "grand_total", N_("Grand Total"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  SECTION (N_("Terms and Conditions")),
  { "terms_and_conditions", N_("Terms and Conditions"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  SECTION (N_("Description Information")),
  { "description", N_("Description"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  { NULL, NULL, 0, 0, 0, NULL }
};

static const CrmSeedField purchase_orders_fields[] = {
  SECTION (N_("Purchase Order Information")),
  { "po_number", N_("PO Number"), CRM_FIELD_AUTO_NUMBER, CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED | CRM_FIELD_FLAG_UNIQUE | CRM_FIELD_FLAG_SYSTEM, 40, NULL },
  { "subject", N_("Subject"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 120, NULL },
  { "vendor_name", N_("Vendor Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "vendors" },
  { "contact_name", N_("Contact Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_INDEXED, 0, "contacts" },
  { "requisition_no", N_("Requisition No"), CRM_FIELD_TEXT, 0, 40, NULL },
  { "tracking_number", N_("Tracking Number"), CRM_FIELD_TEXT, 0, 40, NULL },
  { "po_date", N_("PO Date"), CRM_FIELD_DATE, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  { "due_date", N_("Due Date"), CRM_FIELD_DATE, CRM_FIELD_FLAG_INDEXED, 0, NULL },
  { "carrier", N_("Carrier"), CRM_FIELD_PICKLIST, 0, 0, "carrier" },
  { "excise_duty", N_("Excise Duty"), CRM_FIELD_CURRENCY, 0, 0, NULL },
  { "sales_commission", N_("Sales Commission"), CRM_FIELD_CURRENCY, 0, 0, NULL },
  { "status", N_("Status"), CRM_FIELD_PICKLIST, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "order_status" },
  SECTION (N_("Address Information")),
  { "billing_street", N_("Billing Street"), CRM_FIELD_TEXT, 0, 250, NULL },
  { "billing_city", N_("Billing City"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "billing_state", N_("Billing State"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "billing_code", N_("Billing Code"), CRM_FIELD_TEXT, 0, 20, NULL },
  { "billing_country", N_("Billing Country"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "shipping_street", N_("Shipping Street"), CRM_FIELD_TEXT, 0, 250, NULL },
  { "shipping_city", N_("Shipping City"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "shipping_state", N_("Shipping State"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "shipping_code", N_("Shipping Code"), CRM_FIELD_TEXT, 0, 20, NULL },
  { "shipping_country", N_("Shipping Country"), CRM_FIELD_TEXT, 0, 50, NULL },
  SECTION (N_("Totals")),
  { "sub_total", N_("Sub Total"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM, 0, NULL },
  { "discount", N_("Discount"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM, 0, NULL },
  { "tax", N_("Tax"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM, 0, NULL },
  { "adjustment", N_("Adjustment"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM, 0, NULL },
  { "grand_total", N_("Grand Total"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  SECTION (N_("Terms and Conditions")),
  { "terms_and_conditions", N_("Terms and Conditions"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  SECTION (N_("Description Information")),
  { "description", N_("Description"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  { NULL, NULL, 0, 0, 0, NULL }
};

static const CrmSeedField invoices_fields[] = {
  SECTION (N_("Invoice Information")),
  { "invoice_number", N_("Invoice Number"), CRM_FIELD_AUTO_NUMBER, CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED | CRM_FIELD_FLAG_UNIQUE | CRM_FIELD_FLAG_SYSTEM, 40, NULL },
  { "subject", N_("Subject"), CRM_FIELD_TEXT, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_SEARCHABLE | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 120, NULL },
  { "sales_order", N_("Sales Order"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_INDEXED, 0, "sales_orders" },
  { "purchase_order", N_("Purchase Order"), CRM_FIELD_TEXT, 0, 40, NULL },
  { "account_name", N_("Account Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "accounts" },
  { "contact_name", N_("Contact Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_INDEXED, 0, "contacts" },
  { "deal_name", N_("Deal Name"), CRM_FIELD_LOOKUP, CRM_FIELD_FLAG_INDEXED, 0, "deals" },
  { "invoice_date", N_("Invoice Date"), CRM_FIELD_DATE, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  { "due_date", N_("Due Date"), CRM_FIELD_DATE, CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  { "status", N_("Status"), CRM_FIELD_PICKLIST, CRM_FIELD_FLAG_REQUIRED | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, "invoice_status" },
  { "sales_commission", N_("Sales Commission"), CRM_FIELD_CURRENCY, 0, 0, NULL },
  { "excise_duty", N_("Excise Duty"), CRM_FIELD_CURRENCY, 0, 0, NULL },
  SECTION (N_("Address Information")),
  { "billing_street", N_("Billing Street"), CRM_FIELD_TEXT, 0, 250, NULL },
  { "billing_city", N_("Billing City"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "billing_state", N_("Billing State"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "billing_code", N_("Billing Code"), CRM_FIELD_TEXT, 0, 20, NULL },
  { "billing_country", N_("Billing Country"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "shipping_street", N_("Shipping Street"), CRM_FIELD_TEXT, 0, 250, NULL },
  { "shipping_city", N_("Shipping City"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "shipping_state", N_("Shipping State"), CRM_FIELD_TEXT, 0, 50, NULL },
  { "shipping_code", N_("Shipping Code"), CRM_FIELD_TEXT, 0, 20, NULL },
  { "shipping_country", N_("Shipping Country"), CRM_FIELD_TEXT, 0, 50, NULL },
  SECTION (N_("Totals")),
  { "sub_total", N_("Sub Total"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM, 0, NULL },
  { "discount", N_("Discount"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM, 0, NULL },
  { "tax", N_("Tax"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM, 0, NULL },
  { "adjustment", N_("Adjustment"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM, 0, NULL },
  { "grand_total", N_("Grand Total"), CRM_FIELD_CURRENCY, CRM_FIELD_FLAG_SYSTEM | CRM_FIELD_FLAG_LIST | CRM_FIELD_FLAG_INDEXED, 0, NULL },
  SECTION (N_("Terms and Conditions")),
  { "terms_and_conditions", N_("Terms and Conditions"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  SECTION (N_("Description Information")),
  { "description", N_("Description"), CRM_FIELD_LONG_TEXT, 0, 32000, NULL },
  { NULL, NULL, 0, 0, 0, NULL }
};

static const CrmSeedModule modules[] = {
  { "leads", N_("Lead"), N_("Leads"), "system-users-symbolic", "first_name last_name", "lead_status", leads_fields },
  { "accounts", N_("Account"), N_("Accounts"), "x-office-address-book-symbolic", "account_name", NULL, accounts_fields },
  { "contacts", N_("Contact"), N_("Contacts"), "avatar-default-symbolic", "first_name last_name", NULL, contacts_fields },
  { "deals", N_("Deal"), N_("Deals"), "emblem-default-symbolic", "deal_name", "stage", deals_fields },
  { "campaigns", N_("Campaign"), N_("Campaigns"), "mail-send-symbolic", "campaign_name", "status", campaigns_fields },
  { "tasks", N_("Task"), N_("Tasks"), "object-select-symbolic", "subject", "status", tasks_fields },
  { "events", N_("Meeting"), N_("Meetings"), "x-office-calendar-symbolic", "title", NULL, events_fields },
  { "calls", N_("Call"), N_("Calls"), "call-start-symbolic", "subject", "call_type", calls_fields },
  { "products", N_("Product"), N_("Products"), "package-x-generic-symbolic", "product_name", NULL, products_fields },
  { "price_books", N_("Price Book"), N_("Price Books"), "accessories-dictionary-symbolic", "price_book_name", NULL, price_books_fields },
  { "vendors", N_("Vendor"), N_("Vendors"), "system-file-manager-symbolic", "vendor_name", NULL, vendors_fields },
  { "quotes", N_("Quote"), N_("Quotes"), "document-edit-symbolic", "subject", "quote_stage", quotes_fields },
  { "sales_orders", N_("Sales Order"), N_("Sales Orders"), "document-send-symbolic", "subject", "status", sales_orders_fields },
  { "purchase_orders", N_("Purchase Order"), N_("Purchase Orders"), "mail-send-receive-symbolic", "subject", "status", purchase_orders_fields },
  { "invoices", N_("Invoice"), N_("Invoices"), "x-office-document-symbolic", "subject", "status", invoices_fields },
};

static const CrmSeedValue salutation_values[] = {
  { N_("Mr."), NULL, -1, NULL },
  { N_("Mrs."), NULL, -1, NULL },
  { N_("Ms."), NULL, -1, NULL },
  { N_("Dr."), NULL, -1, NULL },
  { N_("Prof."), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue lead_source_values[] = {
  { N_("Advertisement"), NULL, -1, NULL },
  { N_("Cold Call"), NULL, -1, NULL },
  { N_("Employee Referral"), NULL, -1, NULL },
  { N_("External Referral"), NULL, -1, NULL },
  { N_("Online Store"), NULL, -1, NULL },
  { N_("Partner"), NULL, -1, NULL },
  { N_("Public Relations"), NULL, -1, NULL },
  { N_("Sales Email Alias"), NULL, -1, NULL },
  { N_("Seminar Partner"), NULL, -1, NULL },
  { N_("Internal Seminar"), NULL, -1, NULL },
  { N_("Trade Show"), NULL, -1, NULL },
  { N_("Web Download"), NULL, -1, NULL },
  { N_("Web Research"), NULL, -1, NULL },
  { N_("Chat"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue lead_status_values[] = {
  { N_("Not Contacted"), NULL, -1, NULL },
  { N_("Attempted to Contact"), NULL, -1, NULL },
  { N_("Contact in Future"), NULL, -1, NULL },
  { N_("Contacted"), NULL, -1, NULL },
  { N_("Junk Lead"), NULL, -1, NULL },
  { N_("Lost Lead"), NULL, -1, NULL },
  { N_("Not Qualified"), NULL, -1, NULL },
  { N_("Pre-Qualified"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue industry_values[] = {
  { N_("ASP"), NULL, -1, NULL },
  { N_("Data/Telecom OEM"), NULL, -1, NULL },
  { N_("ERP"), NULL, -1, NULL },
  { N_("Government/Military"), NULL, -1, NULL },
  { N_("Large Enterprise"), NULL, -1, NULL },
  { N_("Management ISV"), NULL, -1, NULL },
  { N_("MSP (Management Service Provider)"), NULL, -1, NULL },
  { N_("Network Equipment (Enterprise)"), NULL, -1, NULL },
  { N_("Non-management ISV"), NULL, -1, NULL },
  { N_("Optical Networking"), NULL, -1, NULL },
  { N_("Service Provider"), NULL, -1, NULL },
  { N_("Small/Medium Enterprise"), NULL, -1, NULL },
  { N_("Storage Equipment"), NULL, -1, NULL },
  { N_("Storage Service Provider"), NULL, -1, NULL },
  { N_("Systems Integrator"), NULL, -1, NULL },
  { N_("Wireless Industry"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue rating_values[] = {
  { N_("Acquired"), NULL, -1, NULL },
  { N_("Active"), NULL, -1, NULL },
  { N_("Market Failed"), NULL, -1, NULL },
  { N_("Project Cancelled"), NULL, -1, NULL },
  { N_("Shut Down"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue account_type_values[] = {
  { N_("Analyst"), NULL, -1, NULL },
  { N_("Competitor"), NULL, -1, NULL },
  { N_("Customer"), NULL, -1, NULL },
  { N_("Distributor"), NULL, -1, NULL },
  { N_("Integrator"), NULL, -1, NULL },
  { N_("Investor"), NULL, -1, NULL },
  { N_("Partner"), NULL, -1, NULL },
  { N_("Press"), NULL, -1, NULL },
  { N_("Prospect"), NULL, -1, NULL },
  { N_("Reseller"), NULL, -1, NULL },
  { N_("Supplier"), NULL, -1, NULL },
  { N_("Vendor"), NULL, -1, NULL },
  { N_("Other"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue ownership_values[] = {
  { N_("Public"), NULL, -1, NULL },
  { N_("Private"), NULL, -1, NULL },
  { N_("Subsidiary"), NULL, -1, NULL },
  { N_("Other"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue deal_type_values[] = {
  { N_("New Business"), NULL, -1, NULL },
  { N_("Existing Business"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue reason_for_loss_values[] = {
  { N_("Expectation Mismatch"), NULL, -1, NULL },
  { N_("Price"), NULL, -1, NULL },
  { N_("Unqualified Customer"), NULL, -1, NULL },
  { N_("Lack of Response"), NULL, -1, NULL },
  { N_("Missed Follow Ups"), NULL, -1, NULL },
  { N_("Wrong Target"), NULL, -1, NULL },
  { N_("Lost to Competitor"), NULL, -1, NULL },
  { N_("Future Interest"), NULL, -1, NULL },
  { N_("Other"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue campaign_type_values[] = {
  { N_("Conference"), NULL, -1, NULL },
  { N_("Webinar"), NULL, -1, NULL },
  { N_("Trade Show"), NULL, -1, NULL },
  { N_("Public Relations"), NULL, -1, NULL },
  { N_("Partners"), NULL, -1, NULL },
  { N_("Referral Program"), NULL, -1, NULL },
  { N_("Advertisement"), NULL, -1, NULL },
  { N_("Banner Ads"), NULL, -1, NULL },
  { N_("Direct Mail"), NULL, -1, NULL },
  { N_("Email"), NULL, -1, NULL },
  { N_("Telemarketing"), NULL, -1, NULL },
  { N_("Others"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue campaign_status_values[] = {
  { N_("Planning"), NULL, -1, NULL },
  { N_("Active"), NULL, -1, NULL },
  { N_("Inactive"), "closed", -1, NULL },
  { N_("Complete"), "closed", -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue quote_stage_values[] = {
  { N_("Draft"), NULL, -1, NULL },
  { N_("Negotiation"), NULL, -1, NULL },
  { N_("Delivered"), "delivered", -1, NULL },
  { N_("On Hold"), NULL, -1, NULL },
  { N_("Confirmed"), NULL, -1, NULL },
  { N_("Closed Won"), "won", -1, NULL },
  { N_("Closed Lost"), "lost", -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue order_status_values[] = {
  { N_("Created"), NULL, -1, NULL },
  { N_("Approved"), NULL, -1, NULL },
  { N_("Delivered"), "delivered", -1, NULL },
  { N_("Cancelled"), "cancelled", -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue invoice_status_values[] = {
  { N_("Created"), NULL, -1, NULL },
  { N_("Approved"), NULL, -1, NULL },
  { N_("Delivered"), "delivered", -1, NULL },
  { N_("Paid"), "paid", -1, NULL },
  { N_("Cancelled"), "cancelled", -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue task_status_values[] = {
  { N_("Not Started"), NULL, -1, NULL },
  { N_("Deferred"), NULL, -1, NULL },
  { N_("In Progress"), NULL, -1, NULL },
  { N_("Completed"), "closed", -1, NULL },
  { N_("Waiting for input"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue task_priority_values[] = {
  { N_("Highest"), NULL, -1, NULL },
  { N_("High"), NULL, -1, NULL },
  { N_("Normal"), NULL, -1, NULL },
  { N_("Low"), NULL, -1, NULL },
  { N_("Lowest"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue call_type_values[] = {
  { N_("Outbound"), NULL, -1, NULL },
  { N_("Inbound"), NULL, -1, NULL },
  { N_("Missed"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue call_purpose_values[] = {
  { N_("Prospecting"), NULL, -1, NULL },
  { N_("Administrative"), NULL, -1, NULL },
  { N_("Negotiation"), NULL, -1, NULL },
  { N_("Demo"), NULL, -1, NULL },
  { N_("Project"), NULL, -1, NULL },
  { N_("Desk"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue call_result_values[] = {
  { N_("Interested"), NULL, -1, NULL },
  { N_("Not interested"), NULL, -1, NULL },
  { N_("No response/Busy"), NULL, -1, NULL },
  { N_("Requested more info"), NULL, -1, NULL },
  { N_("Requested call back"), NULL, -1, NULL },
  { N_("Invalid number"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue product_category_values[] = {
  { N_("Hardware"), NULL, -1, NULL },
  { N_("Software"), NULL, -1, NULL },
  { N_("Services"), NULL, -1, NULL },
  { N_("Subscriptions"), NULL, -1, NULL },
  { N_("Training"), NULL, -1, NULL },
  { N_("Accessories"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue manufacturer_values[] = {
  { N_("AltvetPet Inc."), NULL, -1, NULL },
  { N_("LexPon Inc."), NULL, -1, NULL },
  { N_("MetBeat Corp."), NULL, -1, NULL },
  { N_("Other"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue usage_unit_values[] = {
  { N_("Box"), NULL, -1, NULL },
  { N_("Carton"), NULL, -1, NULL },
  { N_("Dozen"), NULL, -1, NULL },
  { N_("Each"), NULL, -1, NULL },
  { N_("Hours"), NULL, -1, NULL },
  { N_("Kg"), NULL, -1, NULL },
  { N_("Litre"), NULL, -1, NULL },
  { N_("Pack"), NULL, -1, NULL },
  { N_("Pieces"), NULL, -1, NULL },
  { N_("Quantity"), NULL, -1, NULL },
  { N_("Sheet"), NULL, -1, NULL },
  { N_("Unit"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue pricing_model_values[] = {
  { N_("Flat"), NULL, -1, NULL },
  { N_("Differential"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue gl_account_values[] = {
  { N_("Sales-Software"), NULL, -1, NULL },
  { N_("Sales-Hardware"), NULL, -1, NULL },
  { N_("Rental-Income"), NULL, -1, NULL },
  { N_("Interest-Income"), NULL, -1, NULL },
  { N_("Sales-Software-Support"), NULL, -1, NULL },
  { N_("Sales Other"), NULL, -1, NULL },
  { N_("Internet Sales"), NULL, -1, NULL },
  { N_("Service-Hardware Labor"), NULL, -1, NULL },
  { N_("Sales-Books"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedValue carrier_values[] = {
  { N_("FedEx"), NULL, -1, NULL },
  { N_("UPS"), NULL, -1, NULL },
  { N_("USPS"), NULL, -1, NULL },
  { N_("DHL"), NULL, -1, NULL },
  { N_("BlueDart"), NULL, -1, NULL },
  { NULL, NULL, -1, NULL }
};

/* Stage, probability, deal category and forecast category: DOMAIN.md §2.1. */
static const CrmSeedValue stage_values[] = {
  { N_("Qualification"), "open", 10, N_("Pipeline") },
  { N_("Needs Analysis"), "open", 20, N_("Pipeline") },
  { N_("Value Proposition"), "open", 40, N_("Pipeline") },
  { N_("Identify Decision Makers"), "open", 60, N_("Pipeline") },
  { N_("Proposal/Price Quote"), "open", 75, N_("Pipeline") },
  { N_("Negotiation/Review"), "open", 90, N_("Pipeline") },
  { N_("Closed Won"), "won", 100, N_("Closed") },
  { N_("Closed Lost"), "lost", 0, N_("Omitted") },
  { N_("Closed-Lost to Competition"), "lost", 0, N_("Omitted") },
  { NULL, NULL, -1, NULL }
};

static const CrmSeedPicklist picklists[] = {
  { "salutation", salutation_values },
  { "lead_source", lead_source_values },
  { "lead_status", lead_status_values },
  { "industry", industry_values },
  { "rating", rating_values },
  { "account_type", account_type_values },
  { "ownership", ownership_values },
  { "deal_type", deal_type_values },
  { "reason_for_loss", reason_for_loss_values },
  { "campaign_type", campaign_type_values },
  { "campaign_status", campaign_status_values },
  { "quote_stage", quote_stage_values },
  { "order_status", order_status_values },
  { "invoice_status", invoice_status_values },
  { "task_status", task_status_values },
  { "task_priority", task_priority_values },
  { "call_type", call_type_values },
  { "call_purpose", call_purpose_values },
  { "call_result", call_result_values },
  { "product_category", product_category_values },
  { "manufacturer", manufacturer_values },
  { "usage_unit", usage_unit_values },
  { "pricing_model", pricing_model_values },
  { "gl_account", gl_account_values },
  { "carrier", carrier_values },
  { "stage", stage_values },
};

const CrmSeedModule *
crm_standard_modules (guint *n_modules)
{
  *n_modules = G_N_ELEMENTS (modules);
  return modules;
}

const CrmSeedPicklist *
crm_standard_picklist (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (picklists); i++)
    if (g_strcmp0 (picklists[i].name, name) == 0)
      return &picklists[i];
  return NULL;
}
