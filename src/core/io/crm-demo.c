/* crm-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-demo.h"
#include "crm-demo-private.h"
#include "crm-query.h"
#include "crm-search.h"
#include "crm-store-private.h"

/* The sample goes through crm_store_save_record like anything a person
 * types, so it exercises validation, history, the search index and the
 * derived deal fields. Every choice comes from one GRand with a fixed
 * seed: the same build makes the same sample, which the tests and the
 * screenshots rely on. Only dates move, and they move with today. */

#define DEMO_SEED 20240517

G_DEFINE_QUARK (crm-demo-error-quark, crm_demo_error)

/*
 * Name material
 */

typedef struct
{
  const char *name;
  gboolean    female;
} FirstName;

static const FirstName id_first[] = {
  { "Budi", FALSE }, { "Siti", TRUE }, { "Dewi", TRUE }, { "Agus", FALSE }, { "Rina", TRUE },
  { "Andi", FALSE }, { "Putri", TRUE }, { "Joko", FALSE }, { "Sri", TRUE }, { "Bambang", FALSE },
  { "Wahyu", FALSE }, { "Indah", TRUE }, { "Eko", FALSE }, { "Fitri", TRUE }, { "Hendra", FALSE },
  { "Yusuf", FALSE }, { "Ratna", TRUE }, { "Teguh", FALSE }, { "Lina", TRUE }, { "Arief", FALSE },
  { "Nur", TRUE }, { "Dimas", FALSE }, { "Ayu", TRUE }, { "Rizky", FALSE }, { "Wulan", TRUE },
  { "Yohanes", FALSE }, { "Maria", TRUE }, { "Kevin", FALSE }, { "Melati", TRUE }, { "Fajar", FALSE },
};

static const char * const id_last[] = {
  "Santoso", "Rahayu", "Lestari", "Wijaya", "Pratama", "Saputra", "Hidayat", "Kusuma",
  "Setiawan", "Nugroho", "Siregar", "Hutapea", "Gunawan", "Halim", "Susanto", "Purnomo",
  "Wibowo", "Hartono", "Simanjuntak", "Tanjung", "Nasution", "Sembiring", "Putra", "Firmansyah",
};

static const FirstName en_first[] = {
  { "John", FALSE }, { "Emily", TRUE }, { "Michael", FALSE }, { "Sarah", TRUE }, { "David", FALSE },
  { "Emma", TRUE }, { "James", FALSE }, { "Olivia", TRUE }, { "Robert", FALSE }, { "Sophia", TRUE },
  { "William", FALSE }, { "Grace", TRUE }, { "Thomas", FALSE }, { "Chloe", TRUE }, { "Daniel", FALSE },
  { "Hannah", TRUE }, { "George", FALSE }, { "Amelia", TRUE }, { "Oliver", FALSE }, { "Charlotte", TRUE },
};

static const char * const en_last[] = {
  "Smith", "Clark", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Miller", "Walker",
  "Wright", "Thompson", "Harris", "Moore", "Hall", "Green", "Baker", "Turner", "Cooper", "Hughes",
};

static const char * const id_word1[] = {
  "Maju", "Sinar", "Berkah", "Karya", "Mitra", "Cahaya", "Bintang", "Sumber", "Mega", "Putra",
  "Tunas", "Anugerah", "Indo", "Harapan", "Surya", "Duta", "Graha", "Prima", "Bumi", "Citra",
};

static const char * const id_word2[] = {
  "Jaya", "Abadi", "Sentosa", "Makmur", "Lestari", "Utama", "Sejahtera", "Mandiri", "Perkasa",
  "Nusantara", "Gemilang", "Persada", "Teknik", "Niaga", "Sukses",
};

static const char * const en_word1[] = {
  "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent",
  "Cyberdyne", "Northwind", "Contoso", "Fabrikam", "Tyrell", "Wonka", "Oscorp", "Pied Piper",
  "Massive Dynamic", "Blue Sun", "Aperture",
};

static const char * const en_suffix[] = {
  "Corp", "Ltd", "Inc.", "Group", "Holdings", "Industries", "Systems", "Trading", "Partners", "Logistics",
};

static const char * const job_titles[] = {
  "Purchasing Manager", "IT Manager", "Direktur Utama", "Manajer Keuangan", "Head of Operations",
  "CEO", "CFO", "Procurement Officer", "Kepala Divisi TI", "Sales Director", "Office Manager",
  "Owner", "Manajer Pembelian", "Finance Controller", "General Manager", "Staf Administrasi",
};

static const char * const departments[] = {
  "Sales", "Finance", "IT", "Procurement", "Operations", "Keuangan", "Pembelian", "Management",
};

typedef enum
{
  PLACE_ID,
  PLACE_UK,
  PLACE_US,
} PlaceKind;

typedef struct
{
  const char *city;
  const char *state;
  const char *country;
  const char *area;
  int         zip_base;
  PlaceKind   kind;
} Place;

static const Place places[] = {
  { "Jakarta", "DKI Jakarta", "Indonesia", "021", 10110, PLACE_ID },
  { "Surabaya", "Jawa Timur", "Indonesia", "031", 60111, PLACE_ID },
  { "Bandung", "Jawa Barat", "Indonesia", "022", 40111, PLACE_ID },
  { "Medan", "Sumatera Utara", "Indonesia", "061", 20111, PLACE_ID },
  { "Semarang", "Jawa Tengah", "Indonesia", "024", 50131, PLACE_ID },
  { "London", "England", "United Kingdom", "20", 0, PLACE_UK },
  { "New York", "NY", "United States", "212", 10001, PLACE_US },
};

enum { JAKARTA = 0, SURABAYA = 1, BANDUNG = 2, MEDAN = 3, LONDON = 5, NEW_YORK = 6 };

static const char * const id_streets[] = {
  "Jl. Jend. Sudirman", "Jl. M.H. Thamrin", "Jl. Gatot Subroto", "Jl. Pemuda", "Jl. Asia Afrika",
  "Jl. Diponegoro", "Jl. Gajah Mada", "Jl. Ahmad Yani", "Jl. Merdeka", "Jl. Pahlawan",
};
static const char * const uk_streets[] = {
  "Baker Street", "Oxford Street", "King's Road", "Fleet Street", "Old Street", "Borough High Street",
};
static const char * const uk_postcodes[] = {
  "EC1A 1BB", "W1T 3JH", "SW3 5UH", "EC4A 2BB", "EC1V 9BW", "SE1 9RT",
};
static const char * const us_streets[] = {
  "Broadway", "5th Avenue", "Madison Avenue", "Park Avenue", "Wall Street", "Lexington Avenue",
};

/* The first records are the ones people see first in every list. */
static const struct { const char *name; const char *domain; int place; } famous_accounts[] = {
  { "PT Maju Jaya", "majujaya.co.id", JAKARTA },
  { "CV Sinar Abadi", "sinarabadi.co.id", SURABAYA },
  { "CV Berkah Sentosa", "berkahsentosa.co.id", BANDUNG },
  { "Acme Corp", "acme.com", NEW_YORK },
  { "Globex Ltd", "globex.co.uk", LONDON },
};

static const struct { const char *first; const char *last; gboolean female; } famous_people[] = {
  { "Budi", "Santoso", FALSE }, { "Siti", "Rahayu", TRUE }, { "Dewi", "Lestari", TRUE },
  { "John", "Smith", FALSE }, { "Emily", "Clark", TRUE }, { "Agus", "Wijaya", FALSE },
};

static const struct { const char *name; const char *role; } sales_people[CRM_DEMO_N_USERS] = {
  { "Rina Kusuma", N_("Sales Manager") },
  { "Andi Pratama", N_("Sales Representative") },
  { "Sarah Johnson", N_("Sales Representative") },
  { "Michael Brown", N_("Sales Representative") },
};

static const struct { const char *name; const char *domain; int place; const char *category; } vendor_names[] = {
  { "PT Sumber Teknologi", "sumbertek.co.id", JAKARTA, "Hardware" },
  { "CV Mitra Komputer", "mitrakomputer.co.id", BANDUNG, "Hardware" },
  { "PT Distribusi Data Nusantara", "ddn.co.id", JAKARTA, "Software" },
  { "Ingram Micro", "ingrammicro.com", NEW_YORK, "Distribution" },
  { "Tech Data Ltd", "techdata.co.uk", LONDON, "Distribution" },
  { "Northwind Traders", "northwind.com", NEW_YORK, "Accessories" },
  { "PT Cahaya Elektronik", "cahayaelektronik.co.id", SURABAYA, "Hardware" },
  { "Contoso Supplies", "contoso.co.uk", LONDON, "Office Supplies" },
  { "CV Sentosa Jaya Abadi", "sentosajaya.co.id", MEDAN, "Services" },
  { "Fabrikam Inc.", "fabrikam.com", NEW_YORK, "Software" },
};

/* category: index into the product_category pick list (Hardware, Software,
 * Services, Subscriptions, Training, Accessories); price in whole units. */
static const struct { const char *name; int category; int price; int unit; } product_names[] = {
  { "Laptop ThinkPad X1", 0, 1450, 3 }, { "Desktop OptiPlex 7000", 0, 980, 3 },
  { "Monitor 27\" 4K", 0, 420, 3 }, { "Laser Printer LaserJet Pro", 0, 380, 3 },
  { "Network Switch 24-port", 0, 650, 3 }, { "Wireless Access Point", 0, 210, 3 },
  { "Server PowerEdge R650", 0, 5400, 3 }, { "UPS 1500VA", 0, 320, 3 },
  { "Office 365 Business (1 year)", 3, 150, 11 }, { "Antivirus Endpoint (1 year)", 3, 45, 11 },
  { "Accounting Software License", 1, 890, 11 }, { "ERP Module: Inventory", 1, 2400, 11 },
  { "CRM Cloud Seat (1 year)", 3, 300, 11 }, { "Backup Software", 1, 520, 11 },
  { "Installation Service", 2, 250, 4 }, { "On-site Support (per hour)", 2, 60, 4 },
  { "Network Audit", 2, 1800, 4 }, { "Data Migration Service", 2, 2200, 4 },
  { "Admin Training (2 days)", 4, 900, 4 }, { "End-User Training", 4, 350, 4 },
  { "Wireless Mouse", 5, 25, 8 }, { "Keyboard", 5, 35, 8 }, { "Docking Station", 5, 190, 3 },
  { "Laptop Bag", 5, 40, 8 }, { "HDMI Cable 2m", 5, 8, 8 },
};

static const char * const deal_needs[] = {
  "Laptop Refresh", "ERP Implementation", "Network Upgrade", "Annual Support Renewal",
  "Cloud Migration", "Office Printers", "Security Audit", "Training Package",
  "Point of Sale Rollout", "Data Center Expansion", "CRM Licenses", "Pengadaan Server",
  "Upgrade Jaringan Kantor", "Lisensi Software Akuntansi", "Perawatan Tahunan", "Backup Solution",
};

static const char * const next_steps[] = {
  "Send revised proposal", "Schedule product demo", "Kirim kontrak", "Meet the finance team",
  "Confirm budget", "Presentasi ke direksi", "Site survey", "Follow up on pricing",
};

static const char * const campaign_names[] = {
  "Indonesia Tech Expo", "Webinar: Cloud for SMEs", "Ramadan Promo", "Year-End Sale",
  "Partner Summit Surabaya", "Newsletter Q1", "Google Ads Bandung", "Trade Show London",
  "Customer Day Medan", "Referral Program", "Direct Mail New York", "Email Nurture: Manufacturing",
};

static const char * const note_titles[] = {
  "Call summary", "Catatan rapat", "Pricing discussion", "Requirements", "Kebutuhan pelanggan",
  "Decision makers", "Competitor info",
};

static const char * const note_texts[] = {
  "Customer wants delivery before the end of the quarter. Budget approved by the CFO.",
  "Pelanggan meminta diskon 10% untuk pembelian di atas 50 unit.",
  "Competitor offered a lower price but without on-site support.",
  "Needs integration with their accounting system; send the API documentation.",
  "Rapat lanjutan minggu depan dengan tim IT dan keuangan.",
  "Decision expected after the board meeting next month.",
};

/*
 * Generation state
 */

typedef struct
{
  gint64       id;
  char        *name;
  char        *domain;
  const Place *place;
  char        *street;
  char        *zip;
  GArray      *contacts;   /* gint64 */
} DemoAccount;

typedef struct
{
  gint64  id;
  guint   account;
  char   *name;
} DemoContact;

typedef struct
{
  gint64  id;
  guint   account;
  gint64  contact;
  char   *name;
} DemoDeal;

static void
demo_account_free (gpointer data)
{
  DemoAccount *a = data;

  g_free (a->name);
  g_free (a->domain);
  g_free (a->street);
  g_free (a->zip);
  g_array_unref (a->contacts);
  g_free (a);
}

static void
demo_contact_free (gpointer data)
{
  DemoContact *c = data;

  g_free (c->name);
  g_free (c);
}

static void
demo_deal_free (gpointer data)
{
  DemoDeal *d = data;

  g_free (d->name);
  g_free (d);
}

static int
int_compare (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Users sorted by id, so that owners do not depend on the name the
 * default user got from the login account. */
static GArray *
user_ids (CrmStore *store)
{
  g_autoptr(GVariant) users = crm_store_list_users (store);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GVariantIter iter;
  gint64 id;

  g_variant_iter_init (&iter, users);
  while (g_variant_iter_next (&iter, "(x&s)", &id, NULL))
    g_array_append_val (ids, id);
  g_array_sort (ids, int_compare);
  return ids;
}

void
_crm_demo_init (CrmDemo  *d,
                CrmStore *store,
                GRand    *rand,
                guint     scale)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  memset (d, 0, sizeof *d);
  d->store = store;
  d->rand = rand;
  d->scale = MAX (scale, 1);
  d->today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  d->owners = user_ids (store);
  d->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  d->accounts = g_ptr_array_new_with_free_func (demo_account_free);
  d->contacts = g_ptr_array_new_with_free_func (demo_contact_free);
  d->deals = g_ptr_array_new_with_free_func (demo_deal_free);
  d->vendors = g_array_new (FALSE, FALSE, sizeof (gint64));
  d->campaigns = g_array_new (FALSE, FALSE, sizeof (gint64));
  d->leads = g_array_new (FALSE, FALSE, sizeof (gint64));
}

void
_crm_demo_clear (CrmDemo *d)
{
  g_clear_pointer (&d->today, g_date_time_unref);
  g_clear_pointer (&d->owners, g_array_unref);
  g_clear_pointer (&d->names, g_hash_table_unref);
  g_clear_pointer (&d->accounts, g_ptr_array_unref);
  g_clear_pointer (&d->contacts, g_ptr_array_unref);
  g_clear_pointer (&d->deals, g_ptr_array_unref);
  g_clear_pointer (&d->vendors, g_array_unref);
  g_clear_pointer (&d->campaigns, g_array_unref);
  g_clear_pointer (&d->leads, g_array_unref);
}

static const char *
meaning (CrmDemo    *d,
         const char *module,
         const char *field,
         const char *value)
{
  return value ? crm_store_get_picklist_meaning (d->store, module, field, value) : NULL;
}

static gint64
moment (CrmDemo *d,
        int      days,
        int      hour,
        int      minute)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (d->today, days);
  g_autoptr(GDateTime) t = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                  g_date_time_get_day_of_month (day), hour, minute, 0);

  return g_date_time_to_unix (t);
}

/* Money in minor units, rounded to a realistic step. */
static gint64
money (CrmDemo *d,
       int      lo,
       int      hi,
       int      step)
{
  return (gint64) (rnd (d, lo / step, hi / step + 1) * step) * 100;
}

/* Creates a record from (field, GVariant *value) pairs ended by NULL.
 * Floating values are consumed; a NULL value leaves the field empty. */
gint64
_crm_demo_save (CrmDemo     *d,
                const char  *module,
                GError     **error,
                             ...)
{
  g_autoptr(CrmRecord) record = crm_record_new (crm_store_get_module (d->store, module));
  const char *field;
  va_list args;

  crm_record_set_int (record, "owner_id", pick_id (d, d->owners));

  va_start (args, error);
  while ((field = va_arg (args, const char *)) != NULL)
    crm_record_set_value (record, field, va_arg (args, GVariant *));
  va_end (args);

  if (!crm_store_save_record (d->store, record, error))
    {
      g_prefix_error (error, "%s: ", module);
      return 0;
    }
  return crm_record_get_id (record);
}

/*
 * People, companies, addresses
 */

static const Place *
random_place (CrmDemo  *d,
              gboolean  indonesian)
{
  if (indonesian)
    return chance (d, 40) ? &places[JAKARTA] : &places[rnd (d, 1, 5)];
  return chance (d, 50) ? &places[LONDON] : &places[NEW_YORK];
}

static char *
landline (CrmDemo     *d,
          const Place *p)
{
  switch (p->kind)
    {
    case PLACE_ID:
      return g_strdup_printf ("(%s) %03d-%04d", p->area, rnd (d, 300, 900), rnd (d, 0, 10000));
    case PLACE_UK:
      return g_strdup_printf ("+44 20 7946 %04d", rnd (d, 0, 10000));
    case PLACE_US:
    default:
      return g_strdup_printf ("+1 212-555-%04d", rnd (d, 100, 10000));
    }
}

static char *
mobile (CrmDemo     *d,
        const Place *p)
{
  switch (p->kind)
    {
    case PLACE_ID:
      return g_strdup_printf ("+62 8%02d-%04d-%04d", rnd (d, 11, 60), rnd (d, 1000, 10000), rnd (d, 0, 10000));
    case PLACE_UK:
      return g_strdup_printf ("+44 7700 9%05d", rnd (d, 0, 100000));
    case PLACE_US:
    default:
      return g_strdup_printf ("+1 917-555-%04d", rnd (d, 100, 10000));
    }
}

static char *
street (CrmDemo     *d,
        const Place *p)
{
  switch (p->kind)
    {
    case PLACE_ID:
      return g_strdup_printf ("%s No. %d", ONE_OF (d, id_streets), rnd (d, 1, 250));
    case PLACE_UK:
      return g_strdup_printf ("%d %s", rnd (d, 1, 220), ONE_OF (d, uk_streets));
    case PLACE_US:
    default:
      return g_strdup_printf ("%d %s", rnd (d, 1, 1500), ONE_OF (d, us_streets));
    }
}

static char *
zip (CrmDemo     *d,
     const Place *p)
{
  if (p->kind == PLACE_UK)
    return g_strdup (ONE_OF (d, uk_postcodes));
  return g_strdup_printf ("%05d", p->zip_base + rnd (d, 0, 40));
}

/* Lower-case letters and digits of `words`, plus a top-level domain. */
static char *
domain_for (const char *words,
            const char *tld)
{
  GString *out = g_string_new (NULL);

  for (const char *p = words; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  g_string_append (out, tld);
  return g_string_free (out, FALSE);
}

static const char *
tld_for (const Place *p)
{
  switch (p->kind)
    {
    case PLACE_ID: return ".co.id";
    case PLACE_UK: return ".co.uk";
    case PLACE_US:
    default: return ".com";
    }
}

static char *
email_for (const char *first,
           const char *last,
           const char *domain)
{
  g_autofree char *f = g_ascii_strdown (first, -1);
  g_autofree char *l = g_ascii_strdown (last, -1);

  return g_strdup_printf ("%s.%s@%s", f, l, domain);
}

typedef struct
{
  const char *first;
  const char *last;
  gboolean    female;
} Person;

static Person
random_person (CrmDemo  *d,
               gboolean  indonesian)
{
  Person p;

  if (indonesian)
    {
      const FirstName *f = &ONE_OF (d, id_first);
      p.first = f->name;
      p.female = f->female;
      p.last = ONE_OF (d, id_last);
    }
  else
    {
      const FirstName *f = &ONE_OF (d, en_first);
      p.first = f->name;
      p.female = f->female;
      p.last = ONE_OF (d, en_last);
    }
  return p;
}

/* Mr., Mrs., Ms., Dr., Prof. by position in the pick list. */
static const char *
salutation (CrmDemo  *d,
            gboolean  female)
{
  int r = rnd (d, 0, 100);

  if (r < 8)
    return pick (d, "leads", "salutation", 3);
  if (r < 10)
    return pick (d, "leads", "salutation", 4);
  if (!female)
    return pick (d, "leads", "salutation", 0);
  return pick (d, "leads", "salutation", r < 55 ? 1 : 2);
}

/* A company name not used yet in this sample, with its web domain. */
static void
company_name (CrmDemo      *d,
              const Place  *place,
              char        **name,
              char        **domain)
{
  g_autofree char *candidate = NULL;
  g_autofree char *core = NULL;

  if (place->kind == PLACE_ID)
    {
      const char *w1 = ONE_OF (d, id_word1);
      const char *w2 = ONE_OF (d, id_word2);

      candidate = g_strdup_printf ("%s %s %s", chance (d, 30) ? "CV" : "PT", w1, w2);
      core = g_strconcat (w1, w2, NULL);
    }
  else
    {
      const char *w1 = ONE_OF (d, en_word1);

      candidate = g_strdup_printf ("%s %s", w1, ONE_OF (d, en_suffix));
      core = g_strdup (w1);
    }

  if (g_hash_table_contains (d->names, candidate))
    {
      g_autofree char *base = g_steal_pointer (&candidate);

      candidate = g_strdup_printf ("%s %s", base, place->city);
      for (guint n = 2; g_hash_table_contains (d->names, candidate); n++)
        {
          g_free (candidate);
          candidate = g_strdup_printf ("%s %s %u", base, place->city, n);
        }
    }

  g_hash_table_add (d->names, g_strdup (candidate));
  *domain = domain_for (core, tld_for (place));
  *name = g_steal_pointer (&candidate);
}

/*
 * Users, vendors, products, price books, campaigns
 */

static gint64
find_user (CrmStore   *store,
           const char *name)
{
  g_autoptr(GVariant) users = crm_store_list_users (store);
  GVariantIter iter;
  const char *user_name;
  gint64 id;

  g_variant_iter_init (&iter, users);
  while (g_variant_iter_next (&iter, "(x&s)", &id, &user_name))
    if (g_str_equal (user_name, name))
      return id;
  return 0;
}

static gboolean
fill_users (CrmDemo  *d,
            GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sales_people); i++)
    {
      g_autofree char *first = g_strndup (sales_people[i].name, strcspn (sales_people[i].name, " "));
      g_autofree char *email = email_for (first, strchr (sales_people[i].name, ' ') + 1, "example.com");

      if (find_user (d->store, sales_people[i].name) == 0 &&
          crm_store_add_user (d->store, sales_people[i].name, email, _(sales_people[i].role), error) == 0)
        return FALSE;
    }
  g_array_unref (d->owners);
  d->owners = user_ids (d->store);
  return TRUE;
}

static gboolean
fill_vendors (CrmDemo  *d,
              GError  **error)
{
  guint n = CRM_DEMO_N_VENDORS * d->scale;

  for (guint i = 0; i < n; i++)
    {
      guint k = i % G_N_ELEMENTS (vendor_names);
      const Place *p = &places[vendor_names[k].place];
      g_autofree char *name = i < G_N_ELEMENTS (vendor_names)
                              ? g_strdup (vendor_names[k].name)
                              : g_strdup_printf ("%s %u", vendor_names[k].name, (guint) (i / G_N_ELEMENTS (vendor_names) + 1));
      gint64 id = _crm_demo_save (d, "vendors", error,
                                  "vendor_name", str (name),
                                  "phone", take (landline (d, p)),
                                  "email", take (g_strdup_printf ("sales@%s", vendor_names[k].domain)),
                                  "website", take (g_strdup_printf ("www.%s", vendor_names[k].domain)),
                                  "gl_account", str (pick (d, "vendors", "gl_account", -1)),
                                  "category", str (vendor_names[k].category),
                                  "street", take (street (d, p)),
                                  "city", str (p->city),
                                  "state", str (p->state),
                                  "zip_code", take (zip (d, p)),
                                  "country", str (p->country),
                                  NULL);
      if (id == 0)
        return FALSE;
      g_array_append_val (d->vendors, id);
    }
  return TRUE;
}

static gboolean
fill_products (CrmDemo  *d,
               GError  **error)
{
  guint n = CRM_DEMO_N_PRODUCTS * d->scale;
  guint base = G_N_ELEMENTS (product_names);

  for (guint i = 0; i < n; i++)
    {
      guint k = i % base;
      guint round = i / base;
      gint64 price = (gint64) product_names[k].price * 100;
      g_autofree char *name = NULL;

      if (round == 0)
        name = g_strdup (product_names[k].name);
      else if (round == 1)
        name = g_strdup_printf ("%s (Bundle of 5)", product_names[k].name);
      else
        name = g_strdup_printf ("%s v%u", product_names[k].name, round);
      if (round == 1)
        price = price * 9 / 2;

      if (_crm_demo_save (d, "products", error,
                          "product_name", str (name),
                          "product_code", take (g_strdup_printf ("PRD-%04u", i + 1)),
                          "product_active", num (!chance (d, 6)),
                          "product_category", str (pick (d, "products", "product_category", product_names[k].category)),
                          "manufacturer", str (pick (d, "products", "manufacturer", -1)),
                          "vendor_name", ref (pick_id (d, d->vendors)),
                          "sales_start_date", date (d, -rnd (d, 90, 900)),
                          "unit_price", num (price),
                          "commission_rate", num (rnd (d, 2, 16) * 100),
                          "taxable", num (product_names[k].category != 4),
                          "usage_unit", str (pick (d, "products", "usage_unit", product_names[k].unit)),
                          "qty_in_stock", num ((gint64) rnd (d, 0, 400) * 1000),
                          "reorder_level", num ((gint64) rnd (d, 5, 40) * 1000),
                          "handler", ref (pick_id (d, d->owners)),
                          NULL) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_price_books (CrmDemo  *d,
                  GError  **error)
{
  static const char * const names[CRM_DEMO_N_PRICE_BOOKS] = {
    "Standard Price List", "Reseller Prices", "Harga Khusus Pemerintah",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (_crm_demo_save (d, "price_books", error,
                        "price_book_name", str (names[i]),
                        "active", num (1),
                        "pricing_model", str (pick (d, "price_books", "pricing_model", i == 1 ? 1 : 0)),
                        NULL) == 0)
      return FALSE;
  return TRUE;
}

static gboolean
fill_campaigns (CrmDemo  *d,
                GError  **error)
{
  guint n = CRM_DEMO_N_CAMPAIGNS * d->scale;

  for (guint i = 0; i < n; i++)
    {
      guint k = i % G_N_ELEMENTS (campaign_names);
      int start = rnd (d, -200, 60);
      int length = rnd (d, 7, 90);
      /* Planning, Active, Inactive, Complete by where the dates fall. */
      int status = start > 0 ? 0 : start + length < 0 ? (chance (d, 80) ? 3 : 2) : 1;
      gint64 budget = money (d, 1000, 50000, 500);
      g_autofree char *name = i < G_N_ELEMENTS (campaign_names)
                              ? g_strdup (campaign_names[k])
                              : g_strdup_printf ("%s %u", campaign_names[k], (guint) (i / G_N_ELEMENTS (campaign_names) + 1));
      gint64 id = _crm_demo_save (d, "campaigns", error,
                                  "campaign_name", str (name),
                                  "type", str (pick (d, "campaigns", "type", -1)),
                                  "status", str (pick (d, "campaigns", "status", status)),
                                  "start_date", date (d, start),
                                  "end_date", date (d, start + length),
                                  "budgeted_cost", num (budget),
                                  "actual_cost", status == 0 ? NULL : num (budget * rnd (d, 50, 120) / 100),
                                  "expected_revenue", num (budget * rnd (d, 3, 12)),
                                  "expected_response", num (rnd (d, 1, 25) * 100),
                                  "number_sent", num (rnd (d, 1, 100) * 100),
                                  NULL);
      if (id == 0)
        return FALSE;
      g_array_append_val (d->campaigns, id);
    }
  return TRUE;
}

/*
 * Accounts, contacts, leads, deals
 */

static gboolean
fill_accounts (CrmDemo  *d,
               GError  **error)
{
  guint n = CRM_DEMO_N_ACCOUNTS * d->scale;

  for (guint i = 0; i < n; i++)
    {
      DemoAccount *a = g_new0 (DemoAccount, 1);
      g_autofree char *phone = NULL;
      gint64 parent = 0;

      a->contacts = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_ptr_array_add (d->accounts, a);
      if (i < G_N_ELEMENTS (famous_accounts))
        {
          a->place = &places[famous_accounts[i].place];
          a->name = g_strdup (famous_accounts[i].name);
          a->domain = g_strdup (famous_accounts[i].domain);
          g_hash_table_add (d->names, g_strdup (a->name));
        }
      else
        {
          a->place = random_place (d, chance (d, 65));
          company_name (d, a->place, &a->name, &a->domain);
        }
      a->street = street (d, a->place);
      a->zip = zip (d, a->place);
      phone = landline (d, a->place);
      /* A few branches of the companies made before. */
      if (i > 20 && chance (d, 5))
        parent = ((DemoAccount *) g_ptr_array_index (d->accounts, rnd (d, 0, 20)))->id;

      a->id = _crm_demo_save (d, "accounts", error,
                              "account_name", str (a->name),
                              "account_number", take (g_strdup_printf ("ACC-%05u", i + 1)),
                              "parent_account", ref (parent),
                              "account_type", str (pick (d, "accounts", "account_type", chance (d, 55) ? 2 : -1)),
                              "industry", str (pick (d, "accounts", "industry", -1)),
                              "ownership", str (pick (d, "accounts", "ownership", -1)),
                              "rating", str (pick (d, "accounts", "rating", chance (d, 70) ? 1 : -1)),
                              "annual_revenue", num (money (d, 100000, 50000000, 50000)),
                              "employees", num (rnd (d, 5, 5000)),
                              "phone", str (phone),
                              "website", take (g_strdup_printf ("www.%s", a->domain)),
                              "billing_street", str (a->street),
                              "billing_city", str (a->place->city),
                              "billing_state", str (a->place->state),
                              "billing_code", str (a->zip),
                              "billing_country", str (a->place->country),
                              "shipping_street", str (a->street),
                              "shipping_city", str (a->place->city),
                              "shipping_state", str (a->place->state),
                              "shipping_code", str (a->zip),
                              "shipping_country", str (a->place->country),
                              NULL);
      if (a->id == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_contacts (CrmDemo  *d,
               GError  **error)
{
  guint n = CRM_DEMO_N_CONTACTS * d->scale;

  for (guint i = 0; i < n; i++)
    {
      /* Every account gets one contact first, the rest spread at random. */
      guint k = i < d->accounts->len ? i : (guint) rnd (d, 0, d->accounts->len);
      DemoAccount *a = g_ptr_array_index (d->accounts, k);
      DemoContact *c = g_new0 (DemoContact, 1);
      Person p;

      if (i < G_N_ELEMENTS (famous_people))
        {
          p.first = famous_people[i].first;
          p.last = famous_people[i].last;
          p.female = famous_people[i].female;
        }
      else
        p = random_person (d, a->place->kind == PLACE_ID ? !chance (d, 10) : chance (d, 10));

      c->account = k;
      c->name = g_strdup_printf ("%s %s", p.first, p.last);
      g_ptr_array_add (d->contacts, c);

      c->id = _crm_demo_save (d, "contacts", error,
                              "salutation", str (salutation (d, p.female)),
                              "first_name", str (p.first),
                              "last_name", str (p.last),
                              "account_name", ref (a->id),
                              "title", str (ONE_OF (d, job_titles)),
                              "department", str (ONE_OF (d, departments)),
                              "reports_to", ref (a->contacts->len > 0 && chance (d, 60) ? g_array_index (a->contacts, gint64, 0) : 0),
                              "lead_source", str (pick (d, "contacts", "lead_source", -1)),
                              "email", take (email_for (p.first, p.last, a->domain)),
                              "phone", take (landline (d, a->place)),
                              "mobile", take (mobile (d, a->place)),
                              "date_of_birth", chance (d, 40) ? date (d, -rnd (d, 25 * 365, 60 * 365)) : NULL,
                              "email_opt_out", num (chance (d, 5)),
                              "mailing_street", str (a->street),
                              "mailing_city", str (a->place->city),
                              "mailing_state", str (a->place->state),
                              "mailing_code", str (a->zip),
                              "mailing_country", str (a->place->country),
                              NULL);
      if (c->id == 0)
        return FALSE;
      g_array_append_val (a->contacts, c->id);
    }
  return TRUE;
}

static gboolean
fill_leads (CrmDemo  *d,
            GError  **error)
{
  guint n = CRM_DEMO_N_LEADS * d->scale;
  guint n_status = n_values (d, "leads", "lead_status");
  guint n_source = n_values (d, "leads", "lead_source");

  for (guint i = 0; i < n; i++)
    {
      const Place *place = random_place (d, chance (d, 65));
      Person p = random_person (d, place->kind == PLACE_ID);
      g_autofree char *company = NULL;
      g_autofree char *domain = NULL;
      gint64 id;

      company_name (d, place, &company, &domain);
      /* The first rows cover every status and every source. */
      id = _crm_demo_save (d, "leads", error,
                           "salutation", str (salutation (d, p.female)),
                           "first_name", str (p.first),
                           "last_name", str (p.last),
                           "title", str (ONE_OF (d, job_titles)),
                           "company", str (company),
                           "email", take (email_for (p.first, p.last, domain)),
                           "phone", take (landline (d, place)),
                           "mobile", chance (d, 70) ? take (mobile (d, place)) : NULL,
                           "website", chance (d, 50) ? take (g_strdup_printf ("www.%s", domain)) : NULL,
                           "lead_source", str (pick (d, "leads", "lead_source", i < n_source ? (int) i : -1)),
                           "lead_status", str (pick (d, "leads", "lead_status", i < n_status ? (int) i : -1)),
                           "industry", str (pick (d, "leads", "industry", -1)),
                           "annual_revenue", chance (d, 60) ? num (money (d, 50000, 20000000, 10000)) : NULL,
                           "no_of_employees", num (rnd (d, 2, 2000)),
                           "email_opt_out", num (chance (d, 4)),
                           "street", take (street (d, place)),
                           "city", str (place->city),
                           "state", str (place->state),
                           "zip_code", take (zip (d, place)),
                           "country", str (place->country),
                           "description", chance (d, 25) ? str (ONE_OF (d, note_texts)) : NULL,
                           NULL);
      if (id == 0)
        return FALSE;
      g_array_append_val (d->leads, id);
    }
  return TRUE;
}

static gboolean
fill_deals (CrmDemo  *d,
            GError  **error)
{
  guint n = CRM_DEMO_N_DEALS * d->scale;
  guint n_stages = n_values (d, "deals", "stage");

  for (guint i = 0; i < n; i++)
    {
      guint k = (guint) rnd (d, 0, d->accounts->len);
      DemoAccount *a = g_ptr_array_index (d->accounts, k);
      /* Early stages hold more deals, as in a real pipeline; the first
       * deals cover every stage. */
      int r1 = rnd (d, 0, n_stages + 3);
      int r2 = rnd (d, 0, n_stages + 3);
      int stage_index = i < n_stages ? (int) i : MIN (r1, r2) % (int) n_stages;
      const char *stage = pick (d, "deals", "stage", stage_index);
      const char *kind = meaning (d, "deals", "stage", stage);
      gboolean won = g_strcmp0 (kind, "won") == 0;
      gboolean lost = g_strcmp0 (kind, "lost") == 0;
      /* Closed deals closed in the past; open ones mostly close ahead. */
      int closing = won || lost ? -rnd (d, 1, 120) : rnd (d, -15, 120);
      DemoDeal *deal = g_new0 (DemoDeal, 1);
      g_autofree char *short_name = g_str_has_prefix (a->name, "PT ") || g_str_has_prefix (a->name, "CV ")
                                    ? g_strdup (a->name + 3) : g_strdup (a->name);

      deal->account = k;
      deal->contact = pick_id (d, a->contacts);
      deal->name = g_strdup_printf ("%s – %s", short_name, ONE_OF (d, deal_needs));
      g_ptr_array_add (d->deals, deal);

      deal->id = _crm_demo_save (d, "deals", error,
                                 "deal_name", str (deal->name),
                                 "account_name", ref (a->id),
                                 "contact_name", ref (deal->contact),
                                 "type", str (pick (d, "deals", "type", chance (d, 60) ? 0 : 1)),
                                 "lead_source", str (pick (d, "deals", "lead_source", -1)),
                                 "campaign_source", chance (d, 30) ? ref (pick_id (d, d->campaigns)) : NULL,
                                 "amount", num (money (d, 2000, 250000, 250)),
                                 "closing_date", date (d, closing),
                                 "stage", str (stage),
                                 "next_step", won || lost ? NULL : str (ONE_OF (d, next_steps)),
                                 "reason_for_loss", lost ? str (pick (d, "deals", "reason_for_loss", -1)) : NULL,
                                 NULL);
      if (deal->id == 0)
        return FALSE;
    }
  return TRUE;
}

/*
 * Activities and notes
 */

/* What an activity is about: a deal (with its contact) or a contact. */
static void
activity_target (CrmDemo     *d,
                 const char **related_module,
                 gint64      *related_id,
                 gint64      *contact,
                 const char **about)
{
  if (chance (d, 65))
    {
      DemoDeal *deal = g_ptr_array_index (d->deals, rnd (d, 0, d->deals->len));
      *related_module = "deals";
      *related_id = deal->id;
      *contact = deal->contact;
      *about = deal->name;
    }
  else
    {
      DemoContact *c = g_ptr_array_index (d->contacts, rnd (d, 0, d->contacts->len));
      *related_module = "contacts";
      *related_id = c->id;
      *contact = c->id;
      *about = c->name;
    }
}

static gboolean
fill_tasks (CrmDemo  *d,
            GError  **error)
{
  static const char * const subjects[] = {
    "Follow up: %s", "Send proposal – %s", "Prepare demo for %s", "Kirim penawaran: %s",
    "Konfirmasi jadwal: %s", "Check payment – %s", "Update contract: %s", "Call back %s",
  };
  guint n = CRM_DEMO_N_TASKS * d->scale;

  for (guint i = 0; i < n; i++)
    {
      const char *related_module, *about;
      gint64 related_id, contact;
      int r = rnd (d, 0, 100);
      int due;
      int status;    /* Not Started, Deferred, In Progress, Completed, Waiting for input */

      activity_target (d, &related_module, &related_id, &contact, &about);
      if (r < 20)          /* overdue */
        {
          due = -rnd (d, 1, 20);
          status = chance (d, 60) ? 0 : 2;
        }
      else if (r < 32)     /* due today */
        {
          due = 0;
          status = chance (d, 50) ? 0 : 2;
        }
      else if (r < 70)     /* coming up */
        {
          static const int open_status[] = { 0, 0, 2, 1, 4 };
          due = rnd (d, 1, 30);
          status = ONE_OF (d, open_status);
        }
      else                 /* done */
        {
          due = -rnd (d, 1, 60);
          status = 3;
        }

      if (_crm_demo_save (d, "tasks", error,
                          "subject", take (g_strdup_printf (ONE_OF (d, subjects), about)),
                          "due_date", date (d, due),
                          "status", str (pick (d, "tasks", "status", status)),
                          "priority", str (pick (d, "tasks", "priority", chance (d, 50) ? 2 : -1)),
                          "contact_name", ref (contact),
                          "related_module", str (related_module),
                          "related_id", num (related_id),
                          NULL) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_events (CrmDemo  *d,
             GError  **error)
{
  static const char * const titles[] = {
    "Meeting with %s", "Product demo: %s", "Quarterly review – %s", "Rapat dengan %s",
    "Presentasi solusi: %s", "Kick-off: %s",
  };
  static const char * const online[] = { "Zoom", "Google Meet", "Microsoft Teams" };
  static const int lengths[] = { 30, 60, 60, 90 };
  guint n = CRM_DEMO_N_EVENTS * d->scale;

  for (guint i = 0; i < n; i++)
    {
      const char *related_module, *about;
      gint64 related_id, contact, start;
      int day = chance (d, 15) ? 0 : rnd (d, -20, 30);
      g_autofree char *location = NULL;

      activity_target (d, &related_module, &related_id, &contact, &about);
      start = moment (d, day, rnd (d, 8, 17), chance (d, 50) ? 0 : 30);
      if (chance (d, 40))
        location = g_strdup (ONE_OF (d, online));
      else
        location = g_strdup_printf ("%s, %s", chance (d, 50) ? "Client office" : "Kantor pelanggan",
                                    places[rnd (d, 0, G_N_ELEMENTS (places))].city);

      if (_crm_demo_save (d, "events", error,
                          "title", take (g_strdup_printf (ONE_OF (d, titles), about)),
                          "location", str (location),
                          "start_time", num (start),
                          "end_time", num (start + 60 * ONE_OF (d, lengths)),
                          "all_day", num (0),
                          "contact_name", ref (contact),
                          "related_module", str (related_module),
                          "related_id", num (related_id),
                          NULL) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_calls (CrmDemo  *d,
            GError  **error)
{
  static const char * const subjects[] = {
    "Call with %s", "Telepon %s", "Follow-up call: %s", "Discovery call – %s",
  };
  static const char * const agendas[] = {
    "Discuss the proposal", "Bahas harga", "Check delivery schedule", "Introduce new products",
  };
  guint n = CRM_DEMO_N_CALLS * d->scale;

  for (guint i = 0; i < n; i++)
    {
      const char *related_module, *about;
      gint64 related_id, contact;
      int r = rnd (d, 0, 100);
      /* Past calls, today's calls, calls planned ahead. */
      int day = r < 70 ? -rnd (d, 1, 30) : r < 85 ? 0 : rnd (d, 1, 14);
      gboolean done = day < 0 || (day == 0 && chance (d, 50));
      int type = done ? (chance (d, 15) ? 2 : rnd (d, 0, 2)) : 0;   /* Outbound, Inbound, Missed */

      activity_target (d, &related_module, &related_id, &contact, &about);
      if (_crm_demo_save (d, "calls", error,
                          "subject", take (g_strdup_printf (ONE_OF (d, subjects), about)),
                          "call_type", str (pick (d, "calls", "call_type", type)),
                          "call_purpose", str (pick (d, "calls", "call_purpose", -1)),
                          "contact_name", ref (contact),
                          "call_start_time", num (moment (d, day, rnd (d, 8, 18), rnd (d, 0, 4) * 15)),
                          "call_duration", done && type != 2 ? num (rnd (d, 2, 45)) : NULL,
                          "call_result", done && type != 2 ? str (pick (d, "calls", "call_result", -1)) : NULL,
                          "call_agenda", str (ONE_OF (d, agendas)),
                          "related_module", str (related_module),
                          "related_id", num (related_id),
                          NULL) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_note (CrmDemo     *d,
          const char  *module,
          gint64       id,
          GError     **error)
{
  return crm_store_add_note (d->store, module, id, ONE_OF (d, note_titles), ONE_OF (d, note_texts), error) != 0;
}

static gboolean
fill_notes (CrmDemo  *d,
            GError  **error)
{
  for (guint i = 0; i < d->deals->len; i += 4)
    if (!add_note (d, "deals", ((DemoDeal *) g_ptr_array_index (d->deals, i))->id, error))
      return FALSE;
  for (guint i = 0; i < d->accounts->len; i += 10)
    if (!add_note (d, "accounts", ((DemoAccount *) g_ptr_array_index (d->accounts, i))->id, error))
      return FALSE;
  for (guint i = 0; i < d->leads->len; i += 8)
    if (!add_note (d, "leads", g_array_index (d->leads, gint64, i), error))
      return FALSE;
  return TRUE;
}

/*
 * Emptiness and the entry points
 */

gboolean
crm_demo_store_is_empty (CrmStore  *store,
                         gboolean  *empty,
                         GError   **error)
{
  GPtrArray *modules;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (empty != NULL, FALSE);

  modules = crm_store_get_modules (store);
  *empty = TRUE;
  for (guint i = 0; i < modules->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM \"%s\")",
                                              crm_module_get_table (g_ptr_array_index (modules, i)));
      crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, error);

      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          crm_store_set_sqlite_error (store, error);
          return FALSE;
        }
      if (sqlite3_column_int (stmt, 0))
        {
          *empty = FALSE;
          break;
        }
    }
  return TRUE;
}

gboolean
crm_demo_fill (CrmStore  *store,
               guint      scale,
               GError   **error)
{
  g_autoptr(GRand) rand = NULL;
  gboolean empty = FALSE;
  gboolean ok;
  CrmDemo d;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (crm_store_begin_change (store, "demo", NULL, _("Sample data"), error) == 0)
    return FALSE;

  /* Checked inside the transaction: nobody can add a record in between. */
  if (!crm_demo_store_is_empty (store, &empty, error))
    {
      crm_store_abort_change (store);
      return FALSE;
    }
  if (!empty)
    {
      crm_store_abort_change (store);
      g_set_error (error, CRM_DEMO_ERROR, CRM_DEMO_ERROR_NOT_EMPTY,
                   _("“%s” already holds records; sample data only goes into an empty database"),
                   crm_store_get_path (store));
      return FALSE;
    }

  rand = g_rand_new_with_seed (DEMO_SEED);
  _crm_demo_init (&d, store, rand, scale);
  ok = fill_users (&d, error) &&
       fill_vendors (&d, error) &&
       fill_products (&d, error) &&
       fill_price_books (&d, error) &&
       fill_campaigns (&d, error) &&
       fill_accounts (&d, error) &&
       fill_contacts (&d, error) &&
       fill_leads (&d, error) &&
       fill_deals (&d, error) &&
       fill_tasks (&d, error) &&
       fill_events (&d, error) &&
       fill_calls (&d, error) &&
       fill_notes (&d, error) &&
       crm_demo_fill_documents (store, rand, d.scale, error);
  _crm_demo_clear (&d);

  if (!ok)
    {
      crm_store_abort_change (store);
      return FALSE;
    }
  return crm_store_end_change (store, error);
}

/*
 * Many leads, fast
 */

static char *
lead_email (const Person *p,
            const char   *company_core,
            const char   *tld)
{
  GString *out = g_string_sized_new (48);

  for (const char *s = p->first; *s; s++)
    g_string_append_c (out, g_ascii_tolower (*s));
  g_string_append_c (out, '.');
  for (const char *s = p->last; *s; s++)
    g_string_append_c (out, g_ascii_tolower (*s));
  g_string_append_c (out, '@');
  for (const char *s = company_core; *s; s++)
    if (g_ascii_isalnum (*s))
      g_string_append_c (out, g_ascii_tolower (*s));
  g_string_append (out, tld);
  return g_string_free (out, FALSE);
}

/* A bulk load much larger than the table is faster with the indexes
 * built afterwards, one sort each, than with a dozen B-trees updated per
 * row. The statements come from sqlite_master and go back unchanged, in
 * the same transaction. */
static GPtrArray *
drop_indexes (CrmStore    *store,
              const char  *table,
              GError     **error)
{
  g_autoptr(GPtrArray) sqls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  {
    crm_autoreset sqlite3_stmt *stmt =
      crm_store_prepare (store, "SELECT name, sql FROM sqlite_master "
                                "WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", error);
    if (stmt == NULL)
      return NULL;
    sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
        g_ptr_array_add (sqls, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      }
  }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"", (const char *) g_ptr_array_index (names, i));

      if (!crm_store_exec (store, sql, error))
        return NULL;
    }
  return g_steal_pointer (&sqls);
}

static gboolean
create_indexes (CrmStore   *store,
                GPtrArray  *sqls,
                GError    **error)
{
  for (guint i = 0; i < sqls->len; i++)
    if (!crm_store_exec (store, g_ptr_array_index (sqls, i), error))
      return FALSE;
  return TRUE;
}

static gint64
count_rows (CrmStore   *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  crm_autoreset sqlite3_stmt *stmt = crm_store_prepare (store, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

/* A few rows on top of many: index just those instead of rebuilding the
 * module's whole index. */
static gboolean
index_rows (CrmStore  *store,
            GArray    *ids,
            GError   **error)
{
  for (guint i = 0; i < ids->len; i += 64)
    {
      g_autoptr(GPtrArray) page = crm_store_load_records (store, "leads", &g_array_index (ids, gint64, i),
                                                          MIN (64, ids->len - i), error);
      if (page == NULL)
        return FALSE;
      for (guint k = 0; k < page->len; k++)
        if (!_crm_search_index_record (store, g_ptr_array_index (page, k), error))
          return FALSE;
    }
  return TRUE;
}

/* Rows skip crm_store_save_record (validation, history and indexing one
 * at a time would cost 20x) but hold exactly what the form would save:
 * valid picklist values, emails and phone numbers. */
gboolean
crm_demo_fill_leads (CrmStore  *store,
                     guint      n,
                     GError   **error)
{
  static const char * const columns[] = {
    "owner_id", "created_at", "modified_at", "created_by", "modified_by", "import_batch",
    "salutation", "first_name", "last_name", "title", "company", "email", "phone", "mobile",
    "lead_source", "lead_status", "industry", "city", "state", "country",
  };
  CrmModule *module;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GPtrArray) indexes = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 change, now, user, started, inserted, indexed;
  gboolean ok = TRUE;
  gboolean bulk;
  CrmDemo d;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  started = g_get_monotonic_time ();
  module = crm_store_get_module (store, "leads");
  if (module == NULL)
    {
      g_set_error (error, CRM_ERROR, CRM_ERROR_NOT_FOUND, _("There is no module “%s”"), "leads");
      return FALSE;
    }
  db = crm_store_get_db (store);

  sql = g_string_new (NULL);
  g_string_printf (sql, "INSERT INTO \"%s\" (", crm_module_get_table (module));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "", columns[i]);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
  g_string_append (sql, ")");

  change = crm_store_begin_change (store, "import", "leads", _("Sample leads"), error);
  if (change == 0)
    return FALSE;

  bulk = n >= 10000 && n >= count_rows (store, crm_module_get_table (module));
  if (bulk)
    {
      indexes = drop_indexes (store, crm_module_get_table (module), error);
      if (indexes == NULL)
        {
          crm_store_abort_change (store);
          return FALSE;
        }
    }
  else
    ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);

  stmt = crm_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    {
      crm_store_abort_change (store);
      return FALSE;
    }

  rand = g_rand_new_with_seed (DEMO_SEED + 1);
  _crm_demo_init (&d, store, rand, 1);
  now = _crm_store_now ();
  user = crm_store_get_current_user (store);

  for (guint i = 0; i < n && ok; i++)
    {
      const Place *place = random_place (&d, chance (&d, 65));
      Person p = random_person (&d, place->kind == PLACE_ID);
      gint64 created = now - rnd (&d, 0, 730 * 24 * 3600);
      const char *w1, *w2;
      char *company;
      char *email;

      if (place->kind == PLACE_ID)
        {
          w1 = ONE_OF (&d, id_word1);
          w2 = ONE_OF (&d, id_word2);
          company = g_strdup_printf ("%s %s %s", chance (&d, 30) ? "CV" : "PT", w1, w2);
        }
      else
        {
          w1 = ONE_OF (&d, en_word1);
          w2 = "";
          company = g_strdup_printf ("%s %s", w1, ONE_OF (&d, en_suffix));
        }
      {
        g_autofree char *core = g_strconcat (w1, w2, NULL);
        email = lead_email (&p, core, tld_for (place));
      }

      sqlite3_bind_int64 (stmt, 1, pick_id (&d, d.owners));
      sqlite3_bind_int64 (stmt, 2, created);
      sqlite3_bind_int64 (stmt, 3, created);
      sqlite3_bind_int64 (stmt, 4, user);
      sqlite3_bind_int64 (stmt, 5, user);
      sqlite3_bind_int64 (stmt, 6, change);
      sqlite3_bind_text (stmt, 7, salutation (&d, p.female), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, p.first, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, p.last, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, ONE_OF (&d, job_titles), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, company, -1, g_free);
      sqlite3_bind_text (stmt, 12, email, -1, g_free);
      sqlite3_bind_text (stmt, 13, landline (&d, place), -1, g_free);
      sqlite3_bind_text (stmt, 14, mobile (&d, place), -1, g_free);
      sqlite3_bind_text (stmt, 15, pick (&d, "leads", "lead_source", -1), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 16, pick (&d, "leads", "lead_status", -1), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 17, pick (&d, "leads", "industry", -1), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 18, place->city, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 19, place->state, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 20, place->country, -1, SQLITE_STATIC);

      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          crm_store_set_sqlite_error (store, error);
          ok = FALSE;
        }
      else if (ids != NULL)
        {
          gint64 id = sqlite3_last_insert_rowid (db);
          g_array_append_val (ids, id);
        }
      sqlite3_reset (stmt);
    }
  /* Frees the strings of the last row now rather than with the cache. */
  sqlite3_clear_bindings (stmt);
  _crm_demo_clear (&d);
  inserted = g_get_monotonic_time ();

  if (!ok || (bulk && !create_indexes (store, indexes, error)))
    {
      crm_store_abort_change (store);
      return FALSE;
    }
  indexed = g_get_monotonic_time ();
  if (bulk ? !crm_store_rebuild_search (store, "leads", error) : !index_rows (store, ids, error))
    {
      crm_store_abort_change (store);
      return FALSE;
    }
  g_debug ("%u leads: insert %.3f s, table indexes %.3f s, search index %.3f s", n,
           (inserted - started) / 1e6, (indexed - inserted) / 1e6, (g_get_monotonic_time () - indexed) / 1e6);
  _crm_store_notify (store, "leads", 0);
  return crm_store_end_change (store, error);
}
