/* bench-data.c — deterministic benchmark data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-bench"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "bench.h"
#include "crm-query.h"
#include "crm-search.h"

/* Row i of every table is a pure function of i (a hash, no running
 * generator state), so the CSV file and the database hold the same leads
 * and any run on any machine sees the same data. */

static const char *first_names[] = {
  "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
  "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
  "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra",
  "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle",
  "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Dorothy", "George", "Melissa", "Timothy", "Deborah",
  "Budi", "Siti", "Agus", "Dewi", "Rizky", "Putri", "Andi", "Ayu", "Hendra", "Wulan",
  "José", "María", "Jürgen", "Zoë", "François", "Søren", "Łukasz", "Chloé", "Mikko", "Ines",
  "Hiroshi", "Yuki", "Wei", "Mei", "Arjun", "Priya", "Omar", "Fatima", "Ivan", "Olga",
};

static const char *last_names[] = {
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
  "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
  "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
  "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
  "Schmidt", "Schneider", "Fischer", "Weber", "Schäfer", "Müller", "Becker", "Hoffmann", "Schulz", "Koch",
  "Santoso", "Wijaya", "Saputra", "Hidayat", "Kusuma", "Pratama", "Siregar", "Nasution", "Halim", "Gunawan",
  "Dubois", "Lefèvre", "Moreau", "Rossi", "Russo", "Ferrari", "Novak", "Kowalski", "Virtanen", "Jensen",
  "Tanaka", "Suzuki", "Watanabe", "Wang", "Li", "Zhang", "Chen", "Kumar", "Singh", "Khan",
  "O'Brien", "Murphy", "Kelly", "Byrne", "Walsh", "Ryan", "Doyle", "McCarthy", "Schmitt", "Ortiz",
};

static const char *company_words[] = {
  "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Wonka", "Tyrell", "Cyberdyne", "Soylent",
  "Nusantara", "Garuda", "Sinar", "Maju", "Jaya", "Abadi", "Mandiri", "Sentosa", "Makmur", "Bersama",
  "Northwind", "Contoso", "Fabrikam", "Litware", "Proseware", "Adatum", "Tailspin", "Wingtip", "Alpine", "Coho",
  "Blue", "Green", "Silver", "Golden", "Summit", "Harbor", "River", "Pacific", "Atlantic", "Central",
};

static const char *company_kinds[] = {
  "Logistics", "Foods", "Systems", "Trading", "Consulting", "Motors", "Energy", "Pharma", "Textiles", "Media",
  "Labs", "Holdings", "Partners", "Retail", "Software", "Electronics", "Construction", "Farms", "Airlines", "Bank",
};

static const char *titles[] = {
  "CEO", "CFO", "CTO", "Sales Manager", "Purchasing Manager", "Director of Operations", "VP Sales",
  "Marketing Manager", "IT Manager", "Office Manager", "Engineer", "Consultant", "Owner", "Buyer",
};

static const char *cities[][3] = {
  { "New York", "NY", "United States" }, { "Los Angeles", "CA", "United States" },
  { "Chicago", "IL", "United States" }, { "Houston", "TX", "United States" },
  { "Phoenix", "AZ", "United States" }, { "Seattle", "WA", "United States" },
  { "Boston", "MA", "United States" }, { "Denver", "CO", "United States" },
  { "Jakarta", "DKI Jakarta", "Indonesia" }, { "Surabaya", "Jawa Timur", "Indonesia" },
  { "Bandung", "Jawa Barat", "Indonesia" }, { "Medan", "Sumatera Utara", "Indonesia" },
  { "Semarang", "Jawa Tengah", "Indonesia" }, { "Makassar", "Sulawesi Selatan", "Indonesia" },
  { "Denpasar", "Bali", "Indonesia" }, { "Yogyakarta", "DI Yogyakarta", "Indonesia" },
  { "London", "England", "United Kingdom" }, { "Manchester", "England", "United Kingdom" },
  { "Berlin", "Berlin", "Germany" }, { "München", "Bayern", "Germany" },
  { "Hamburg", "Hamburg", "Germany" }, { "Paris", "Île-de-France", "France" },
  { "Lyon", "Auvergne-Rhône-Alpes", "France" }, { "Madrid", "Madrid", "Spain" },
  { "Barcelona", "Catalunya", "Spain" }, { "Milano", "Lombardia", "Italy" },
  { "Roma", "Lazio", "Italy" }, { "Amsterdam", "Noord-Holland", "Netherlands" },
  { "Stockholm", "Stockholm", "Sweden" }, { "Helsinki", "Uusimaa", "Finland" },
  { "Warszawa", "Mazowieckie", "Poland" }, { "Tokyo", "Tokyo", "Japan" },
  { "Osaka", "Osaka", "Japan" }, { "Singapore", "Singapore", "Singapore" },
  { "Sydney", "NSW", "Australia" }, { "Melbourne", "VIC", "Australia" },
  { "Toronto", "ON", "Canada" }, { "Vancouver", "BC", "Canada" },
  { "São Paulo", "SP", "Brazil" }, { "Ciudad de México", "CDMX", "Mexico" },
};

static const char *streets[] = {
  "Main Street", "Oak Avenue", "Jalan Sudirman", "Jalan Thamrin", "High Street", "Hauptstraße",
  "Rue de la Paix", "Elm Street", "Park Lane", "Jalan Gatot Subroto", "Station Road", "Market Street",
};

static const char *salutations[] = { "Mr.", "Mrs.", "Ms.", "Dr.", "Prof." };
static const char *lead_sources[] = {
  "Advertisement", "Cold Call", "Employee Referral", "External Referral", "Online Store", "Partner",
  "Public Relations", "Sales Email Alias", "Seminar Partner", "Internal Seminar", "Trade Show",
  "Web Download", "Web Research", "Chat",
};
static const char *lead_statuses[] = {
  "Not Contacted", "Attempted to Contact", "Contact in Future", "Contacted", "Junk Lead",
  "Lost Lead", "Not Qualified", "Pre-Qualified",
};
static const char *industries[] = {
  "ASP", "Data/Telecom OEM", "ERP", "Government/Military", "Large Enterprise", "Management ISV",
  "Network Equipment (Enterprise)", "Non-management ISV", "Optical Networking", "Service Provider",
};
static const struct { const char *stage; int percent; } stages[] = {
  { "Qualification", 10 }, { "Needs Analysis", 20 }, { "Value Proposition", 40 },
  { "Identify Decision Makers", 60 }, { "Proposal/Price Quote", 75 }, { "Negotiation/Review", 90 },
  { "Closed Won", 100 }, { "Closed Lost", 0 }, { "Closed-Lost to Competition", 0 },
};
static const char *deal_types[] = { "New Business", "Existing Business" };
static const char *product_categories[] = { "Hardware", "Software", "Services", "Subscriptions", "Training", "Accessories" };

#define PICK(array, h) ((array)[(h) % G_N_ELEMENTS (array)])

static guint64
mix (guint64 x)
{
  /* splitmix64 */
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

static guint64
hash (guint64 row,
      guint   salt)
{
  return mix (row * 0x100000001b3ULL + salt);
}

typedef struct
{
  const char *salutation, *first, *last, *title, *source, *status, *industry, *city, *state, *country;
  char        company[64];
  char        email[128];
  char        phone[32];
  char        mobile[32];
  char        street[64];
  char        zip[16];
} Person;

static void
make_phone (char    *out,
            gsize    size,
            guint64  h)
{
  /* North American shape: "+1 (415) 234-5678". Area codes 201..989. */
  g_snprintf (out, size, "+1 (%03u) %03u-%04u",
              (guint) (201 + h % 789), (guint) (200 + (h >> 12) % 800), (guint) ((h >> 24) % 10000));
}

static void
ascii_lower (char       *out,
             gsize       size,
             const char *in)
{
  g_autofree char *ascii = g_str_to_ascii (in, "C");
  gsize j = 0;

  for (const char *p = ascii; *p && j + 1 < size; p++)
    if (g_ascii_isalnum (*p))
      out[j++] = g_ascii_tolower (*p);
  out[j] = '\0';
}

static void
make_person (guint64  i,
             guint    salt,
             Person  *p)
{
  guint64 h = hash (i, salt);
  guint64 h2 = hash (i, salt + 1);
  guint city = (h2 >> 8) % G_N_ELEMENTS (cities);
  char first[32], last[32];

  p->salutation = PICK (salutations, h >> 3);
  p->first = PICK (first_names, h >> 7);
  p->last = PICK (last_names, h >> 17);
  p->title = PICK (titles, h >> 27);
  p->source = PICK (lead_sources, h >> 31);
  p->status = PICK (lead_statuses, h >> 37);
  p->industry = PICK (industries, h >> 41);
  p->city = cities[city][0];
  p->state = cities[city][1];
  p->country = cities[city][2];
  g_snprintf (p->company, sizeof p->company, "%s %s",
              PICK (company_words, h2 >> 16), PICK (company_kinds, h2 >> 24));
  ascii_lower (first, sizeof first, p->first);
  ascii_lower (last, sizeof last, p->last);
  g_snprintf (p->email, sizeof p->email, "%s.%s%" G_GUINT64_FORMAT "@%s.example.com",
              first, last, i, (h2 >> 32) % 2 ? "mail" : "corp");
  make_phone (p->phone, sizeof p->phone, hash (i, salt + 2));
  make_phone (p->mobile, sizeof p->mobile, hash (i, salt + 3));
  g_snprintf (p->street, sizeof p->street, "%u %s", (guint) (1 + (h2 >> 40) % 999), PICK (streets, h2 >> 50));
  g_snprintf (p->zip, sizeof p->zip, "%05u", (guint) ((h2 >> 20) % 100000));
}

/*
 * Database
 */

static void
bind_text (sqlite3_stmt *stmt,
           int           col,
           const char   *text)
{
  sqlite3_bind_text (stmt, col, text, -1, SQLITE_STATIC);
}

static gboolean
step (CrmStore     *store,
      sqlite3_stmt *stmt,
      GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      crm_store_set_sqlite_error (store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static sqlite3_stmt *
prepare (CrmStore    *store,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (crm_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      crm_store_set_sqlite_error (store, error);
      return NULL;
    }
  return stmt;
}

#define SYS_COLS "id, owner_id, created_at, modified_at, created_by, modified_by"
#define SYS_VALS "?1, 1, ?2, ?3, 1, 1"
#define BASE_TIME G_GINT64_CONSTANT (1700000000)

static void
bind_system (sqlite3_stmt *stmt,
             guint64       id)
{
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, BASE_TIME + id * 7);
  sqlite3_bind_int64 (stmt, 3, BASE_TIME + id * 7 + (hash (id, 99) % 86400));
}

static gboolean
fill_leads (CrmStore  *store,
            guint      n,
            GError   **error)
{
  sqlite3_stmt *stmt = prepare (store,
    "INSERT INTO leads (" SYS_COLS ", salutation, first_name, last_name, title, company, email, phone, mobile, "
    "lead_source, lead_status, industry, street, city, state, zip_code, country, converted) VALUES (" SYS_VALS
    ", ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, 0)", error);
  gboolean ok = stmt != NULL;

  for (guint64 i = 1; ok && i <= n; i++)
    {
      Person p;

      make_person (i, 1, &p);
      bind_system (stmt, i);
      bind_text (stmt, 4, p.salutation);
      bind_text (stmt, 5, p.first);
      bind_text (stmt, 6, p.last);
      bind_text (stmt, 7, p.title);
      bind_text (stmt, 8, p.company);
      bind_text (stmt, 9, p.email);
      bind_text (stmt, 10, p.phone);
      bind_text (stmt, 11, p.mobile);
      bind_text (stmt, 12, p.source);
      bind_text (stmt, 13, p.status);
      bind_text (stmt, 14, p.industry);
      bind_text (stmt, 15, p.street);
      bind_text (stmt, 16, p.city);
      bind_text (stmt, 17, p.state);
      bind_text (stmt, 18, p.zip);
      bind_text (stmt, 19, p.country);
      ok = step (store, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
fill_accounts (CrmStore  *store,
               guint      n,
               GError   **error)
{
  sqlite3_stmt *stmt = prepare (store,
    "INSERT INTO accounts (" SYS_COLS ", account_name, account_type, industry, phone, billing_city, billing_country) "
    "VALUES (" SYS_VALS ", ?4, 'Customer', ?5, ?6, ?7, ?8)", error);
  gboolean ok = stmt != NULL;

  for (guint64 i = 1; ok && i <= n; i++)
    {
      Person p;
      char name[96];

      make_person (i, 20, &p);
      g_snprintf (name, sizeof name, "%s %" G_GUINT64_FORMAT, p.company, i);
      bind_system (stmt, i);
      bind_text (stmt, 4, name);
      bind_text (stmt, 5, p.industry);
      bind_text (stmt, 6, p.phone);
      bind_text (stmt, 7, p.city);
      bind_text (stmt, 8, p.country);
      ok = step (store, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
fill_contacts (CrmStore  *store,
               guint      n,
               guint      accounts,
               GError   **error)
{
  sqlite3_stmt *stmt = prepare (store,
    "INSERT INTO contacts (" SYS_COLS ", salutation, first_name, last_name, account_name, title, lead_source, "
    "email, phone, mobile, mailing_street, mailing_city, mailing_state, mailing_code, mailing_country) "
    "VALUES (" SYS_VALS ", ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)", error);
  gboolean ok = stmt != NULL;

  for (guint64 i = 1; ok && i <= n; i++)
    {
      Person p;

      make_person (i, 10, &p);
      bind_system (stmt, i);
      bind_text (stmt, 4, p.salutation);
      bind_text (stmt, 5, p.first);
      bind_text (stmt, 6, p.last);
      if (accounts > 0)
        sqlite3_bind_int64 (stmt, 7, 1 + hash (i, 11) % accounts);
      else
        sqlite3_bind_null (stmt, 7);
      bind_text (stmt, 8, p.title);
      bind_text (stmt, 9, p.source);
      bind_text (stmt, 10, p.email);
      bind_text (stmt, 11, p.phone);
      bind_text (stmt, 12, p.mobile);
      bind_text (stmt, 13, p.street);
      bind_text (stmt, 14, p.city);
      bind_text (stmt, 15, p.state);
      bind_text (stmt, 16, p.zip);
      bind_text (stmt, 17, p.country);
      ok = step (store, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
fill_deals (CrmStore  *store,
            guint      n,
            guint      accounts,
            guint      contacts,
            GError   **error)
{
  sqlite3_stmt *stmt = prepare (store,
    "INSERT INTO deals (" SYS_COLS ", deal_name, account_name, contact_name, type, lead_source, amount, "
    "closing_date, stage, probability, expected_revenue) "
    "VALUES (" SYS_VALS ", ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error);
  gboolean ok = stmt != NULL;

  for (guint64 i = 1; ok && i <= n; i++)
    {
      guint64 h = hash (i, 30);
      Person p;
      char name[128];
      char date[16];
      gint64 amount = (gint64) (1 + h % 5000) * 10000;   /* 100.00 .. 500,000.00 */
      guint s = (h >> 20) % G_N_ELEMENTS (stages);

      make_person (i, 30, &p);
      g_snprintf (name, sizeof name, "%s – %s deal %" G_GUINT64_FORMAT, p.company, PICK (product_categories, h >> 8), i);
      g_snprintf (date, sizeof date, "20%02u-%02u-%02u", (guint) (24 + (h >> 30) % 3),
                  (guint) (1 + (h >> 34) % 12), (guint) (1 + (h >> 40) % 28));
      bind_system (stmt, i);
      bind_text (stmt, 4, name);
      sqlite3_bind_int64 (stmt, 5, 1 + hash (i, 31) % MAX (accounts, 1));
      if (contacts > 0)
        sqlite3_bind_int64 (stmt, 6, 1 + hash (i, 32) % contacts);
      else
        sqlite3_bind_null (stmt, 6);
      bind_text (stmt, 7, PICK (deal_types, h >> 44));
      bind_text (stmt, 8, p.source);
      sqlite3_bind_int64 (stmt, 9, amount);
      bind_text (stmt, 10, date);
      bind_text (stmt, 11, stages[s].stage);
      sqlite3_bind_int64 (stmt, 12, stages[s].percent * 100);
      sqlite3_bind_int64 (stmt, 13, amount * stages[s].percent / 100);
      ok = step (store, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
fill_products (CrmStore  *store,
               guint      n,
               GError   **error)
{
  sqlite3_stmt *stmt = prepare (store,
    "INSERT INTO products (" SYS_COLS ", product_name, product_code, product_active, product_category, "
    "unit_price, taxable, qty_in_stock) VALUES (" SYS_VALS ", ?4, ?5, 1, ?6, ?7, 1, ?8)", error);
  gboolean ok = stmt != NULL;

  for (guint64 i = 1; ok && i <= n; i++)
    {
      guint64 h = hash (i, 40);
      char name[96];
      char code[32];

      g_snprintf (name, sizeof name, "%s %s %s %" G_GUINT64_FORMAT, PICK (company_words, h),
                  PICK (product_categories, h >> 8), PICK (company_kinds, h >> 16), i);
      g_snprintf (code, sizeof code, "P-%06" G_GUINT64_FORMAT, i);
      bind_system (stmt, i);
      bind_text (stmt, 4, name);
      bind_text (stmt, 5, code);
      bind_text (stmt, 6, PICK (product_categories, h >> 8));
      sqlite3_bind_int64 (stmt, 7, (gint64) (1 + (h >> 24) % 100000) * 100);
      sqlite3_bind_int64 (stmt, 8, (gint64) ((h >> 40) % 1000) * 1000);
      ok = step (store, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Indexes are dropped while rows go in and built again afterwards: one
 * sort per index instead of a random b-tree insert per row. This only
 * speeds up making the data; it is not measured. */
static GPtrArray *
take_indexes (CrmStore    *store,
              GError     **error)
{
  g_autoptr(GPtrArray) sqls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = prepare (store,
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN "
    "('leads', 'contacts', 'accounts', 'deals', 'products')", error);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (sqls, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"", (char *) g_ptr_array_index (names, i));
      if (!crm_store_exec (store, drop, error))
        return NULL;
    }
  return g_steal_pointer (&sqls);
}

gboolean
bench_data_fill (CrmStore  *store,
                 guint      leads,
                 guint      contacts,
                 guint      deals,
                 guint      products,
                 guint      accounts,
                 GError   **error)
{
  g_autoptr(GPtrArray) indexes = NULL;
  gboolean ok;

  if (!crm_store_exec (store, "PRAGMA cache_size = -1000000", error) ||
      !crm_store_begin (store, error))
    return FALSE;
  indexes = take_indexes (store, error);
  ok = indexes != NULL &&
       fill_leads (store, leads, error) &&
       fill_accounts (store, accounts, error) &&
       fill_contacts (store, contacts, accounts, error) &&
       fill_deals (store, deals, accounts, contacts, error) &&
       fill_products (store, products, error);
  for (guint i = 0; ok && i < indexes->len; i++)
    ok = crm_store_exec (store, g_ptr_array_index (indexes, i), error);
  if (!ok)
    {
      crm_store_rollback (store);
      return FALSE;
    }
  if (!crm_store_commit (store, error) ||
      !crm_store_rebuild_search (store, NULL, error) ||
      !crm_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA cache_size = -32000", error))
    return FALSE;
  /* Nothing listens yet, but a store user would see one signal per
   * module after a bulk load. */
  return TRUE;
}

/*
 * CSV
 */

static void
put_field (GString    *line,
           const char *text,
           gboolean    last)
{
  if (strpbrk (text, ",\"\n\r") != NULL)
    {
      g_string_append_c (line, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (line, '"');
          g_string_append_c (line, *p);
        }
      g_string_append_c (line, '"');
    }
  else
    g_string_append (line, text);
  g_string_append (line, last ? "\r\n" : ",");
}

gboolean
bench_data_write_leads_csv (const char  *path,
                            guint        n,
                            GError     **error)
{
  g_autoptr(GString) line = g_string_sized_new (512);
  FILE *file = fopen (path, "wb");
  gboolean ok;

  if (file == NULL)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "Cannot write %s: %s", path, g_strerror (errno));
      return FALSE;
    }
  /* Headers are the labels people see, as an export from another CRM
   * would have them. */
  fputs ("Salutation,First Name,Last Name,Title,Company,Email,Phone,Mobile,Lead Source,Lead Status,"
         "Industry,Street,City,State,Zip Code,Country\r\n", file);
  for (guint64 i = 1; i <= n; i++)
    {
      Person p;

      make_person (i, 1, &p);
      g_string_truncate (line, 0);
      put_field (line, p.salutation, FALSE);
      put_field (line, p.first, FALSE);
      put_field (line, p.last, FALSE);
      put_field (line, p.title, FALSE);
      put_field (line, p.company, FALSE);
      put_field (line, p.email, FALSE);
      put_field (line, p.phone, FALSE);
      put_field (line, p.mobile, FALSE);
      put_field (line, p.source, FALSE);
      put_field (line, p.status, FALSE);
      put_field (line, p.industry, FALSE);
      put_field (line, p.street, FALSE);
      put_field (line, p.city, FALSE);
      put_field (line, p.state, FALSE);
      put_field (line, p.zip, FALSE);
      put_field (line, p.country, TRUE);
      fwrite (line->str, 1, line->len, file);
    }
  ok = fflush (file) == 0 && !ferror (file);
  if (fclose (file) != 0)
    ok = FALSE;
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write %s", path);
  return ok;
}

char *
bench_data_sort_sql (CrmStore    *store,
                     const char  *module,
                     const char  *field,
                     GError     **error)
{
  g_autoptr(CrmQuery) query = crm_query_new (module);
  g_autoptr(GPtrArray) params = NULL;
  g_autofree char *where = NULL;
  g_autofree char *order = NULL;

  crm_query_set_sort (query, field, FALSE);
  where = crm_query_build_where (query, store, &params, error);
  if (where == NULL)
    return NULL;
  if (params->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the query has parameters");
      return NULL;
    }
  order = crm_query_build_order (query, store);
  return g_strdup_printf ("SELECT id %s %s;", where, order);
}
