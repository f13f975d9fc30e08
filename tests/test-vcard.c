/* test-vcard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-vcard"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "crm-vcard.h"

/*
 * Expectations
 */

typedef struct
{
  const char *kind;
  const char *value;
} ExpValue;

typedef struct
{
  const char *kind;
  const char *street;
  const char *locality;
  const char *region;
  const char *postal_code;
  const char *country;
} ExpAddress;

/* Every field not given must be NULL; lists end at the first NULL value. */
typedef struct
{
  const char *formatted_name;
  const char *prefix;
  const char *given_name;
  const char *middle_name;
  const char *family_name;
  const char *suffix;
  const char *organization;
  const char *department;
  const char *title;
  const char *birthday;
  const char *url;
  const char *note;        /* whole note, or ... */
  const char *note_start;  /* ... its start and */
  const char *note_end;    /* end, for the long licence texts */
  ExpValue    emails[8];
  ExpValue    phones[16];
  ExpAddress  addresses[6];
} ExpContact;

static void
check_contact (const CrmVcardContact *contact,
               const ExpContact      *exp)
{
  guint n;

  g_assert_cmpstr (contact->formatted_name, ==, exp->formatted_name);
  g_assert_cmpstr (contact->prefix, ==, exp->prefix);
  g_assert_cmpstr (contact->given_name, ==, exp->given_name);
  g_assert_cmpstr (contact->middle_name, ==, exp->middle_name);
  g_assert_cmpstr (contact->family_name, ==, exp->family_name);
  g_assert_cmpstr (contact->suffix, ==, exp->suffix);
  g_assert_cmpstr (contact->organization, ==, exp->organization);
  g_assert_cmpstr (contact->department, ==, exp->department);
  g_assert_cmpstr (contact->title, ==, exp->title);
  g_assert_cmpstr (contact->birthday, ==, exp->birthday);
  g_assert_cmpstr (contact->url, ==, exp->url);

  if (exp->note_start != NULL)
    {
      g_assert_nonnull (contact->note);
      g_assert_true (g_str_has_prefix (contact->note, exp->note_start));
      g_assert_true (g_str_has_suffix (contact->note, exp->note_end));
    }
  else
    g_assert_cmpstr (contact->note, ==, exp->note);

  for (n = 0; exp->emails[n].value != NULL; n++)
    {
      CrmVcardValue *email;

      g_assert_cmpuint (n, <, contact->emails->len);
      email = g_ptr_array_index (contact->emails, n);
      g_assert_cmpstr (email->value, ==, exp->emails[n].value);
      g_assert_cmpstr (email->kind, ==, exp->emails[n].kind);
    }
  g_assert_cmpuint (contact->emails->len, ==, n);

  for (n = 0; exp->phones[n].value != NULL; n++)
    {
      CrmVcardValue *phone;

      g_assert_cmpuint (n, <, contact->phones->len);
      phone = g_ptr_array_index (contact->phones, n);
      g_assert_cmpstr (phone->value, ==, exp->phones[n].value);
      g_assert_cmpstr (phone->kind, ==, exp->phones[n].kind);
    }
  g_assert_cmpuint (contact->phones->len, ==, n);

  for (n = 0; exp->addresses[n].street != NULL || exp->addresses[n].locality != NULL; n++)
    {
      const ExpAddress *e = &exp->addresses[n];
      CrmVcardAddress *address;

      g_assert_cmpuint (n, <, contact->addresses->len);
      address = g_ptr_array_index (contact->addresses, n);
      g_assert_cmpstr (address->kind, ==, e->kind);
      g_assert_cmpstr (address->street, ==, e->street);
      g_assert_cmpstr (address->locality, ==, e->locality);
      g_assert_cmpstr (address->region, ==, e->region);
      g_assert_cmpstr (address->postal_code, ==, e->postal_code);
      g_assert_cmpstr (address->country, ==, e->country);
    }
  g_assert_cmpuint (contact->addresses->len, ==, n);
}

/*
 * The outside test files (CRM_TESTDATA/vcard)
 */

#define N4 "ÑÑÑÑ"
#define N12 N4 N4 N4
#define LICENCE "THIS SOFTWARE IS PROVIDED BY "

static const ExpContact android[] = {
  { .emails = { { NULL, "john.doe@company.com" } } },
  { .emails = { { NULL, "jane.doe@company.com" } } },
  {
    .formatted_name = "Ñ Ñ Ñ Ñ Ñ",
    .family_name = "Ñ Ñ Ñ Ñ",
    .phones = { { "cell", "123456789" } },
  },
  {
    /* quoted-printable soft line breaks inside N, FN and NOTE */
    .formatted_name = "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ",
    .family_name = "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ",
    .note = "Ñ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ",
    .phones = {
      { "cell", "123456" }, { "home", "234567" }, { "cell", "3456789" }, { "home", "45678901" },
    },
  },
  {
    .formatted_name = "Ñ Ñ Ñ Ñ",
    .given_name = "Ñ Ñ Ñ",
    .family_name = "Ñ Ñ",
    .organization = N12,
    .url = "www.company.com",
    .emails = { { "work", "bob@company.com" }, { NULL, N12 "ÑÑ" } },
    .phones = { { "cell", "123456" }, { "work", "123456" }, { "fax", "123456" } },
  },
  {
    .formatted_name = N4,
    .family_name = N4,
    .organization = N12 N12 N12 N4 N4,
    .emails = { { NULL, "henry@company.com" } },
    .phones = { { "cell", "55556666" } },
  },
};

static const ExpContact blackberry[] = {
  {
    .formatted_name = "John Doe",
    .given_name = "john",
    .family_name = "Doe",
    .organization = "Acme Solutions",
    .phones = { { "cell", "+96123456789" } },
  },
};

static const ExpContact evolution[] = {
  {
    .formatted_name = "Mr. John Richter, James Doe Sr.",
    .prefix = "Mr.",
    .given_name = "John",
    .middle_name = "Richter, James",
    .family_name = "Doe",
    .suffix = "Sr.",
    .organization = "IBM",
    .department = "Accounting, Dungeon",
    .title = "Money Counter",
    .birthday = "1980-03-22",
    .url = "http://www.ibm.com",
    .note_start = LICENCE "THE COPYRIGHT HOLDERS AND CONTRIBUTORS \"AS IS\" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING,",
    .note_end = "EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.",
    .emails = { { "work", "john.doe@ibm.com" } },
    .phones = { { "cell", "905-666-1234" }, { "work", "905-555-1234" } },
    .addresses = {
      { "home", "ASB-123\n15 Crescent moon drive", "Albaney", "New York", "12345", "United States of America" },
    },
  },
};

static const ExpContact gmail_john[] = {
  {
    .formatted_name = "Mr. John Richter, James Doe Sr.",
    .prefix = "Mr.",
    .given_name = "John",
    .middle_name = "Richter, James",
    .family_name = "Doe",
    .suffix = "Sr.",
    .organization = "IBM",
    .title = "Money Counter",
    .birthday = "1980-03-22",
    .url = "http://www.ibm.com",
    .note_start = LICENCE "THE COPYRIGHT HOLDERS AND CONTRIBUTORS \"AS IS\"",
    .note_end = "POSSIBILITY OF SUCH DAMAGE.\nFavotire Color: Blue",
    .emails = { { "home", "john.doe@ibm.com" } },
    .phones = { { "cell", "905-555-1234" }, { "home", "905-666-1234" } },
    .addresses = {
      { "home", "Crescent moon drive\n555-asd\nNice Area, Albaney, New York 12345\nUnited States of America" },
    },
  },
};

static const ExpContact iphone[] = {
  {
    .formatted_name = "Mr. John Richter James Doe Sr.",
    .prefix = "Mr.",
    .given_name = "John",
    .middle_name = "Richter,James",
    .family_name = "Doe",
    .suffix = "Sr.",
    .organization = "IBM",
    .department = "Accounting",
    .title = "Money Counter",
    .birthday = "2012-06-06",
    .url = "http://www.ibm.com",
    .emails = { { NULL, "john.doe@ibm.com" } },
    .phones = {
      { "cell", "905-555-1234" }, { "home", "905-666-1234" }, { "work", "905-777-1234" },
      { "fax", "905-888-1234" }, { "fax", "905-999-1234" }, { "pager", "905-111-1234" },
      { "other", "905-222-1234" },
    },
    .addresses = {
      { "home", "Silicon Alley 5,", "New York", "New York", "12345", "United States of America" },
      { "work", "Street4\nBuilding 6\nFloor 8", "New York", NULL, "12345", "USA" },
    },
  },
};

static const ExpContact lotus[] = {
  {
    .formatted_name = "Mr. Doe John I Johny",
    .prefix = "Mr.",
    .given_name = "John",
    .middle_name = "Johny",
    .family_name = "Doe",
    .suffix = "I",
    .organization = "IBM",
    .department = "SUN",
    .title = "Generic Accountant",
    .birthday = "1980-05-21",
    .url = "http://www.sun.com",
    .note_start = LICENCE "THE COPYRIGHT HOLDERS AND CONTRIBUTORS \"AS IS\"\nAND ANY",
    .note_end = "ADVISED OF THE\n POSSIBILITY OF SUCH DAMAGE.",
    .emails = { { "work", "john.doe@ibm.com" }, { "work", "billy_bob@gmail.com" } },
    .phones = { { "cell", "+1 (212) 204-34456" }, { "fax", "00-1-212-555-7777" } },
    .addresses = {
      { "home", "25334\nSouth cresent drive, Building 5, 3rd floo r", "New York", "New York", "NYC887", "U.S.A." },
    },
  },
};

static const ExpContact mac[] = {
  {
    .formatted_name = "Mr. John Richter,James Doe Sr.",
    .prefix = "Mr.",
    .given_name = "John",
    .middle_name = "Richter,James",
    .family_name = "Doe",
    .suffix = "Sr.",
    .organization = "IBM",
    .department = "Accounting",
    .title = "Money Counter",
    .birthday = "2012-06-06",
    .url = "http://www.ibm.com",
    .note_start = LICENCE "THE COPYRIGHT HOLDERS AND CONTRIBUTORS \"AS IS\"",
    .note_end = "POSSIBILITY OF SUCH DAMAGE.\nFavotire Color: Blue",
    .emails = { { "work", "john.doe@ibm.com" } },
    .phones = {
      { "work", "905-777-1234" }, { "home", "905-666-1234" }, { "cell", "905-555-1234" },
      { "fax", "905-888-1234" }, { "fax", "905-999-1234" }, { "pager", "905-111-1234" },
      { "other", "905-222-1234" },
    },
    .addresses = {
      { "home", "Silicon Alley 5,", "New York", "New York", "12345", "United States of America" },
      { "work", "Street4\nBuilding 6\nFloor 8", "New York", NULL, "12345", "USA" },
    },
  },
};

static const ExpContact ms_outlook[] = {
  {
    .formatted_name = "Mr. John Richter James Doe Sr.",
    .prefix = "Mr.",
    .given_name = "John",
    .middle_name = "Richter,James",
    .family_name = "Doe",
    .suffix = "Sr.",
    .organization = "IBM",
    .department = "Accounting",
    .title = "Money Counter",
    .birthday = "1980-03-22",
    .url = "http://www.ibm.com",
    .note_start = LICENCE "GEORGE EL-HADDAD ''AS IS''",
    .note_end = "POSSIBILITY OF SUCH DAMAGE.",
    .emails = { { NULL, "john.doe@ibm.cm" } },
    .phones = { { "work", "(905) 555-1234" }, { "home", "(905) 666-1234" } },
    .addresses = {
      { "work", "Cresent moon drive", "Albaney", "New York", "12345", "United States of America" },
      { "home", "Silicon Alley 5,", "New York", "New York", "12345", "United States of America" },
    },
  },
};

static const ExpContact fullcontact[] = {
  {
    .formatted_name = "Prefix FirstName MiddleName LastName Suffix",
    .prefix = "Prefix",
    .given_name = "FirstName",
    .middle_name = "MiddleName",
    .family_name = "LastName",
    .suffix = "Suffix",
    .organization = "Organization1",
    .department = "Department1",
    .title = "Title1",
    .birthday = "2016-08-01",
    .url = "http://www.homepage.com",
    .note = "Notes line 1\nNotes line 2",
    .emails = {
      { "home", "home@example.com" }, { "work", "work@example.com" },
      { "other", "school@example.com" }, { "other", "other@example.com" },
      { "other", "custom@example.com" },
    },
    .phones = {
      { "home", "555-555-1111" }, { "work", "555-555-1112" }, { "cell", "555-555-1113" },
      { "cell", "555-555-1114" }, { NULL, "555-555-1115" }, { "fax", "555-555-1116" },
      { "fax", "555-555-1117" }, { NULL, "555-555-1118" }, { NULL, "555-555-1119" },
    },
    .addresses = {
      { "home", "HomeExtended\nHomeStreet", "HomeCity", "HomeState", "HomePostal", "HomeCountry" },
      { "work", "WorkExtended\nWorkStreet", "WorkCity", "WorkState", "WorkPostal", "WorkCountry" },
      { "other", "OtherExtended\nOtherStreet", "OtherCity", "OtherState", "OtherPostal", "OtherCountry" },
      { "other", "CustomExtended\nCustomStreet", "CustomCity", "CustomState", "CustomPostal", "CustomCountry" },
    },
  },
};

static const ExpContact gmail_list[] = {
  {
    .formatted_name = "Arnold Smith", .given_name = "Arnold", .family_name = "Smith",
    .emails = { { NULL, "asmithk@gmail.com" } },
  },
  {
    .formatted_name = "Chris Beatle", .given_name = "Chris", .family_name = "Beatle",
    .emails = { { NULL, "chrisy55d@yahoo.com" } },
  },
  {
    .formatted_name = "Doug White", .given_name = "Doug", .family_name = "White",
    .emails = { { NULL, "dwhite@gmail.com" } },
  },
};

static const ExpContact gmail_single[] = {
  {
    .formatted_name = "Greg Dartmouth",
    .given_name = "Greg",
    .family_name = "Dartmouth",
    .organization = "TheCompany",
    .title = "TheJobTitle",
    .birthday = "1960-09-10",
    .url = "http://TheProfile.com",
    .note = "This is GMail's note field.\nIt should be added as a NOTE type.\nACustomField: CustomField",
    .emails = { { NULL, "gdartmouth@hotmail.com" } },
    .phones = { { "cell", "555 555 1111" }, { "other", "555 555 2222" } },
    .addresses = {
      { "home", "123 Home St\nHome City, HM 12345" },
      { "other", "321 Custom St", "Custom City", "TX", "98765", "USA" },
    },
  },
};

static const ExpContact gmail_single2[] = {
  {
    .formatted_name = "VCard Test",
    .given_name = "VCard",
    .family_name = "Test",
    .organization = "TheCompany",
    .title = "TheJobTitle",
    .birthday = "1912-06-23",
    .url = "http://www.example1.com",
    .note = "note line 1\nnote line 2\nCustomField: field value",
    .emails = {
      { NULL, "email@example.com" }, { "home", "homeemail@example.com" },
      { "work", "workemail@example.com" }, { NULL, "otheremail@example.com" },
      { "other", "customcategory@example.com" },
    },
    .phones = {
      { NULL, "5555551111" }, { "home", "5555551112" }, { "work", "5555551113" },
      { NULL, "5555551114" }, { "cell", "5555551115" }, { "main", "5555551116" },
      { "fax", "5555551117" }, { "fax", "5555551118" }, { "other", "5555551119" },
      { "pager", "5555551120" }, { "other", "5555551121" },
    },
    .addresses = {
      { NULL, "111 Main St", "NY", "New York", "10011" },
      { "home", "112 Main St", "NY", "New York", "10011" },
      { "work", "113 Main St", "NY", "New York", "10011" },
      { NULL, "114 Main St", "NY", "New York", "10011" },
      { "other", "115 Main St", "NY", "New York", "10011" },
    },
  },
};

/* The LABEL parameter holds unquoted ':'; the value starts at the first. */
static const ExpContact issue114[] = {
  {
    .formatted_name = "Dummy, Dummy",
    .given_name = "Dummy",
    .family_name = "Dummy",
    .organization = "Dummy GmbH",
    .emails = { { "home", "dummy.dummy@dummy.com" } },
    .phones = { { "cell", "+49 1234 56789" }, { "work", "+49 9876 54321" } },
    .addresses = {
      {
        "work",
        "BHG01:^n61352 Bad Homburg^nGERMANY:61352 Bad Homburg\nGERMANY:\nBHG01:\nDummy-Dummy-Strasse 1",
        "Bad Homburg", NULL, "61352", "Germany",
      },
    },
  },
};

static const ExpContact outlook_2003[] = {
  {
    .formatted_name = "John Doe III",
    .prefix = "Mr.",
    .given_name = "John",
    .family_name = "Doe",
    .suffix = "III",
    .organization = "Company, The",
    .department = "TheDepartment",
    .title = "The Job Title",
    .birthday = "1980-03-21",
    .url = "http://web-page-address.com",
    .note = "This is the note field!!\nSecond line\n\nThird line is empty",
    .emails = { { NULL, "jdoe@hotmail.com" } },
    .phones = {
      { "work", "BusinessPhone" }, { "home", "HomePhone" },
      { "cell", "MobilePhone" }, { "fax", "BusinessFaxPhone" },
    },
    .addresses = {
      { "work", "TheOffice\n123 Main St", "Austin", "TX", "12345", "United States of America" },
    },
  },
};

static const ExpContact outlook_2007[] = {
  {
    .formatted_name = "Mr. Michael Angstadt Jr.",
    .prefix = "Mr.",
    .given_name = "Michael",
    .family_name = "Angstadt",
    .suffix = "Jr.",
    .organization = "TheCompany",
    .department = "TheDepartment",
    .title = "TheJobTitle",
    .birthday = "1922-03-10",
    .url = "http://mikeangstadt.name",
    .note = "This is the NOTE field\t\n"
            "I assume it encodes this text inside a NOTE vCard type.\n"
            "But I'm not sure because there's text formatting going on here.\n"
            "It does not preserve the formatting",
    .emails = { { NULL, "mike.angstadt@gmail.com" } },
    .phones = {
      { "work", "(111) 555-1111" }, { "home", "(111) 555-2222" },
      { "cell", "(111) 555-4444" }, { "fax", "(111) 555-3333" },
    },
    .addresses = {
      { "work", "TheOffice\n222 Broadway", "New York", "NY", "99999", "USA" },
    },
  },
};

static const ExpContact rfc2426[] = {
  {
    .formatted_name = "Frank Dawson",
    .organization = "Lotus Development Corporation",
    .url = "http://home.earthlink.net/~fdawson",
    .emails = { { NULL, "Frank_Dawson@Lotus.com" }, { NULL, "fdawson@earthlink.net" } },
    .phones = { { "work", "+1-919-676-9515" }, { "fax", "+1-919-676-9564" } },
    .addresses = {
      { "work", "6544 Battleford Drive", "Raleigh", "NC", "27613-3502", "U.S.A." },
    },
  },
  {
    .formatted_name = "Tim Howes",
    .organization = "Netscape Communications Corp.",
    .emails = { { NULL, "howes@netscape.com" } },
    .phones = { { "work", "+1-415-937-3419" }, { "fax", "+1-415-528-4164" } },
    .addresses = {
      { "work", "501 E. Middlefield Rd.", "Mountain View", "CA", "94043", "U.S.A." },
    },
  },
};

static const ExpContact rfc6350[] = {
  {
    .formatted_name = "Simon Perreault",
    .given_name = "Simon",
    .family_name = "Perreault",
    .suffix = "ing. jr,M.Sc.",
    .organization = "Viagenie",
    .birthday = NULL,   /* "--0203" has no year */
    .url = "http://nomis80.org",
    .emails = { { "work", "simon.perreault@viagenie.ca" } },
    .phones = { { "work", "+1-418-656-9254 ext. 102" }, { "cell", "+1-418-262-6501" } },
    .addresses = {
      { "work", "Suite D2-630\n2875 Laurier", "Quebec", "QC", "G1V 2M2", "Canada" },
    },
  },
};

static const ExpContact thunderbird[] = {
  {
    .formatted_name = "John Doe",
    .given_name = "John",
    .family_name = "Doe",
    .organization = "TheOrganization",
    .department = "TheDepartment",
    .title = "TheTitle",
    .birthday = "1970-09-21",
    .url = "http://www.private-webpage.com",
    .note = "This is the notes field.\nSecond Line\n\nFourth Line\n"
            "You can put anything in the \"note\" field; even curse words.",
    .emails = {
      { NULL, "doe.john@hotmail.com" }, { NULL, "additional-email@company.com" },
      { NULL, "additional-email1@company.com" }, { NULL, "additional-email2@company.com" },
      { NULL, "additional-email3@company.com" },
    },
    .phones = {
      { "work", "555-555-1111" }, { "home", "555-555-2222" }, { "cell", "555-555-5555" },
      { "fax", "555-555-3333" }, { "pager", "555-555-4444" },
    },
    .addresses = {
      { "work", "222 Broadway\nSuite 100", "New York", "NY", "98765", "USA" },
      { "home", "123 Main St\nApt 10", "Austin", "TX", "12345", "USA" },
    },
  },
};

typedef struct
{
  const char       *file;
  const ExpContact *contacts;
  guint             n_contacts;
} ExpFile;

#define FILE_CASE(name, table) { name, table, G_N_ELEMENTS (table) }

static const ExpFile files[] = {
  FILE_CASE ("John_Doe_ANDROID.vcf", android),
  FILE_CASE ("John_Doe_BLACK_BERRY.vcf", blackberry),
  FILE_CASE ("John_Doe_EVOLUTION.vcf", evolution),
  FILE_CASE ("John_Doe_GMAIL.vcf", gmail_john),
  FILE_CASE ("John_Doe_IPHONE.vcf", iphone),
  FILE_CASE ("John_Doe_LOTUS_NOTES.vcf", lotus),
  FILE_CASE ("John_Doe_MAC_ADDRESS_BOOK.vcf", mac),
  FILE_CASE ("John_Doe_MS_OUTLOOK.vcf", ms_outlook),
  FILE_CASE ("fullcontact.vcf", fullcontact),
  FILE_CASE ("gmail-list.vcf", gmail_list),
  FILE_CASE ("gmail-single.vcf", gmail_single),
  FILE_CASE ("gmail-single2.vcf", gmail_single2),
  FILE_CASE ("issue114.vcf", issue114),
  FILE_CASE ("outlook-2003.vcf", outlook_2003),
  FILE_CASE ("outlook-2007.vcf", outlook_2007),
  FILE_CASE ("rfc2426-example.vcf", rfc2426),
  FILE_CASE ("rfc6350-example.vcf", rfc6350),
  FILE_CASE ("thunderbird-MoreFunctionsForAddressBook-extension.vcf", thunderbird),
};

/* Returns the vcard test folder, or NULL after marking the test skipped. */
static char *
testdata_dir (void)
{
  const char *root = g_getenv ("CRM_TESTDATA");
  g_autofree char *dir = NULL;

  if (root == NULL)
    {
      g_test_skip ("CRM_TESTDATA is not set: the outside vCard test files are missing");
      return NULL;
    }

  dir = g_build_filename (root, "vcard", NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *msg = g_strdup_printf ("%s does not exist: the outside vCard test files are missing", dir);

      g_test_skip (msg);
      return NULL;
    }

  return g_steal_pointer (&dir);
}

static void
test_file (gconstpointer data)
{
  const ExpFile *exp = data;
  g_autofree char *dir = testdata_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;

  path = g_build_filename (dir, exp->file, NULL);
  contacts = crm_vcard_parse_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (contacts);
  g_assert_cmpuint (contacts->len, ==, exp->n_contacts);

  for (guint i = 0; i < contacts->len; i++)
    check_contact (g_ptr_array_index (contacts, i), &exp->contacts[i]);
}

/* A file added to the folder must get expectations here too. */
static void
test_files_all_listed (void)
{
  g_autofree char *dir = testdata_dir ();
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_vcf = 0;

  if (dir == NULL)
    return;

  handle = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      gboolean listed = FALSE;

      if (!g_str_has_suffix (name, ".vcf"))
        continue;

      n_vcf++;
      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        listed |= strcmp (files[i].file, name) == 0;
      if (!listed)
        g_error ("%s has no expectations in test-vcard.c", name);
    }

  g_assert_cmpuint (n_vcf, ==, G_N_ELEMENTS (files));
}

/*
 * Crafted input
 */

static GPtrArray *
parse_ok (const char *data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *contacts = crm_vcard_parse (data, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contacts);

  return contacts;
}

static CrmVcardContact *
only (GPtrArray *contacts)
{
  g_assert_cmpuint (contacts->len, ==, 1);

  return g_ptr_array_index (contacts, 0);
}

static void
test_folding (void)
{
  /* Folds with space and tab, LF-only and CR CR LF line ends mixed. */
  g_autoptr(GPtrArray) contacts = parse_ok ("BEGIN:VCARD\r\n"
                                            "VERSION:3.0\n"
                                            "FN:Jo\r\n hn\r\n\t Smith\r\r\n"
                                            "EMA\r\n IL;TYPE=WO\n RK:js@ex\n ample.com\n"
                                            "END:VCARD");
  CrmVcardContact *c = only (contacts);
  CrmVcardValue *email;

  g_assert_cmpstr (c->formatted_name, ==, "John Smith");
  g_assert_cmpuint (c->emails->len, ==, 1);
  email = g_ptr_array_index (c->emails, 0);
  g_assert_cmpstr (email->value, ==, "js@example.com");
  g_assert_cmpstr (email->kind, ==, "work");
}

static void
test_quoted_printable (void)
{
  g_autoptr(GPtrArray) contacts =
    parse_ok ("BEGIN:VCARD\r\n"
              "VERSION:2.1\r\n"
              /* soft line break inside a structured value, Latin-1 bytes */
              "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=\r\n"
              "=FCrgen;;;\r\n"
              /* bare QUOTED-PRINTABLE parameter, CRLF as =0D=0A, continuation with leading space */
              "NOTE;QUOTED-PRINTABLE:one=0D=0Atwo=\r\n"
              " three\r\n"
              /* soft line break cut short by an empty line */
              "TITLE;ENCODING=QUOTED-PRINTABLE:Boss=\r\n"
              "\r\n"
              "ORG:Acme\r\n"
              "END:VCARD\r\n");
  CrmVcardContact *c = only (contacts);

  g_assert_cmpstr (c->family_name, ==, "Müller");
  g_assert_cmpstr (c->given_name, ==, "Jürgen");
  g_assert_cmpstr (c->note, ==, "one\ntwo three");
  g_assert_cmpstr (c->title, ==, "Boss");
  g_assert_cmpstr (c->organization, ==, "Acme");
}

static void
test_charsets (void)
{
  g_autoptr(GPtrArray) contacts =
    parse_ok ("BEGIN:VCARD\r\n"
              "VERSION:2.1\r\n"
              "ORG;CHARSET=ISO-8859-1:Caf\xe9\r\n"
              "FN;CHARSET=windows-1252:\x93" "Boss\x94 \x80\r\n"
              /* undeclared 8-bit text from Windows */
              "TITLE:Gesch\xe4\x66tsf\xfchrer\r\n"
              /* declared UTF-8 with a stray byte, as Android writes */
              "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=91=80\r\n"
              "N;CHARSET=SHIFT_JIS:\x93\x63\x92\x86;\x91\xbe\x98\x59\r\n"
              "END:VCARD\r\n");
  CrmVcardContact *c = only (contacts);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bad = NULL;

  g_assert_cmpstr (c->organization, ==, "Café");
  g_assert_cmpstr (c->formatted_name, ==, "“Boss” €");
  g_assert_cmpstr (c->title, ==, "Geschäftsführer");
  g_assert_cmpstr (c->note, ==, "Ñ\xef\xbf\xbd");
  g_assert_cmpstr (c->family_name, ==, "田中");
  g_assert_cmpstr (c->given_name, ==, "太郎");

  bad = crm_vcard_parse ("BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=X-NO-SUCH-CHARSET:abc\r\nEND:VCARD\r\n",
                         -1, &error);
  g_assert_null (bad);
  g_assert_error (error, CRM_VCARD_ERROR, CRM_VCARD_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_assert_nonnull (strstr (error->message, "X-NO-SUCH-CHARSET"));
}

static void
test_escapes (void)
{
  g_autoptr(GPtrArray) contacts =
    parse_ok ("BEGIN:VCARD\r\n"
              "VERSION:3.0\r\n"
              "FN:Doe\\, John\\; Jr.\\nSecond\\\\Line\r\n"
              "N:O\\;Brien;Mary\\, Ann;;;\r\n"
              "ORG:Smith\\, Jones \\& Co;Sales\\;East\r\n"
              "ADR:;;1 Main St\\nFloor 2;Spring\\, field;;;\r\n"
              "URL:http\\://example.com/a\\,b\r\n"
              "NOTE:C:\\Temp \\\"x\\\"\r\n"
              "END:VCARD\r\n"
              "BEGIN:VCARD\r\n"
              "VERSION:2.1\r\n"
              "NOTE:C:\\new\\folder\\;x\r\n"
              "N:Doe\\;Smith;Jane\r\n"
              "END:VCARD\r\n");
  CrmVcardContact *c = g_ptr_array_index (contacts, 0);
  CrmVcardContact *old = g_ptr_array_index (contacts, 1);
  CrmVcardAddress *address;

  g_assert_cmpuint (contacts->len, ==, 2);
  g_assert_cmpstr (c->formatted_name, ==, "Doe, John; Jr.\nSecond\\Line");
  g_assert_cmpstr (c->family_name, ==, "O;Brien");
  g_assert_cmpstr (c->given_name, ==, "Mary, Ann");
  /* escaped punctuation is itself; a backslash before a letter stays */
  g_assert_cmpstr (c->organization, ==, "Smith, Jones & Co");
  g_assert_cmpstr (c->note, ==, "C:\\Temp \"x\"");
  g_assert_cmpstr (c->department, ==, "Sales;East");
  address = g_ptr_array_index (c->addresses, 0);
  g_assert_cmpstr (address->street, ==, "1 Main St\nFloor 2");
  g_assert_cmpstr (address->locality, ==, "Spring, field");
  g_assert_cmpstr (c->url, ==, "http://example.com/a,b");

  /* vCard 2.1 knows only "\;"; other backslashes are text */
  g_assert_cmpstr (old->note, ==, "C:\\new\\folder;x");
  g_assert_cmpstr (old->family_name, ==, "Doe;Smith");
  g_assert_cmpstr (old->given_name, ==, "Jane");
}

static void
test_bare_types (void)
{
  g_autoptr(GPtrArray) contacts =
    parse_ok ("BEGIN:VCARD\r\n"
              "VERSION:2.1\r\n"
              "TEL;WORK;VOICE:111\r\n"
              "TEL;HOME;FAX:222\r\n"
              "TEL;CELL:333\r\n"
              "TEL;VOICE:444\r\n"
              "TEL;TYPE=x-other:555\r\n"
              "EMAIL;INTERNET;PREF:a@example.com\r\n"
              "ADR;DOM;PARCEL;HOME:;;Street;Town;;;\r\n"
              "PHOTO;ENCODING=BASE64;JPEG:\r\n"
              "/9j/4AAQSkZJRgABAQAAAQABAAD\r\n"
              "AQICAgICAgUDAwUKBwYHCgoKCgo\r\n"
              "\r\n"
              "END:VCARD\r\n");
  CrmVcardContact *c = only (contacts);
  const char *kinds[] = { "work", "fax", "cell", NULL, "other" };
  CrmVcardValue *email;
  CrmVcardAddress *address;

  g_assert_cmpuint (c->phones->len, ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_cmpstr (((CrmVcardValue *) g_ptr_array_index (c->phones, i))->kind, ==, kinds[i]);

  email = g_ptr_array_index (c->emails, 0);
  g_assert_cmpstr (email->kind, ==, NULL);
  address = g_ptr_array_index (c->addresses, 0);
  g_assert_cmpstr (address->kind, ==, "home");
}

static void
test_groups (void)
{
  g_autoptr(GPtrArray) contacts =
    parse_ok ("BEGIN:VCARD\r\n"
              "VERSION:3.0\r\n"
              "item1.EMAIL;type=INTERNET:x@example.com\r\n"
              "item1.X-ABLabel:_$!<Work>!$_\r\n"
              "ITEM2.TEL:5\r\n"
              "item2.X-ABLabel:Mobile\r\n"
              "item3.X-ABLabel:_$!<Home>!$_\r\n"
              "item3.ADR:;;S;L;R;P;C\r\n"
              "item4.TEL;TYPE=FAX:6\r\n"
              "item4.X-ABLabel:_$!<Home>!$_\r\n"
              "item5.TEL:7\r\n"
              "item5.X-ABLabel:Whatever\r\n"
              "item6.TEL:8\r\n"
              "END:VCARD\r\n");
  CrmVcardContact *c = only (contacts);

  g_assert_cmpstr (((CrmVcardValue *) g_ptr_array_index (c->emails, 0))->kind, ==, "work");
  g_assert_cmpstr (((CrmVcardValue *) g_ptr_array_index (c->phones, 0))->kind, ==, "cell");
  /* an explicit TYPE wins over the label */
  g_assert_cmpstr (((CrmVcardValue *) g_ptr_array_index (c->phones, 1))->kind, ==, "fax");
  g_assert_cmpstr (((CrmVcardValue *) g_ptr_array_index (c->phones, 2))->kind, ==, "other");
  g_assert_cmpstr (((CrmVcardValue *) g_ptr_array_index (c->phones, 3))->kind, ==, NULL);
  g_assert_cmpstr (((CrmVcardAddress *) g_ptr_array_index (c->addresses, 0))->kind, ==, "home");
}

static void
test_values (void)
{
  g_autoptr(GPtrArray) contacts =
    parse_ok ("\xEF\xBB\xBF"
              "begin:vcard\r\n"
              "version:4.0\r\n"
              "n:Doe;Jane;;;\r\n"
              "bday:19800322\r\n"
              "email;type=home:mailto:jane@example.com\r\n"
              "tel;value=uri;type=\"home,voice\":tel:+1-555-0100;ext=7\r\n"
              "adr:;;;;;;\r\n"
              "note:\r\n"
              "end:vcard\r\n"
              "BEGIN:VCARD\r\n"
              "BDAY:1980-03-22T10:00:00Z\r\n"
              "END:VCARD\r\n"
              "BEGIN:VCARD\r\n"
              "BDAY:1980-02-30\r\n"
              "END:VCARD\r\n"
              "BEGIN:VCARD\r\n"
              "BDAY:--0322\r\n"
              "END:VCARD\r\n");
  CrmVcardContact *c = g_ptr_array_index (contacts, 0);
  CrmVcardValue *phone;

  g_assert_cmpuint (contacts->len, ==, 4);
  /* FN made from N when the card has none */
  g_assert_cmpstr (c->formatted_name, ==, "Jane Doe");
  g_assert_cmpstr (c->birthday, ==, "1980-03-22");
  g_assert_cmpstr (((CrmVcardValue *) g_ptr_array_index (c->emails, 0))->value, ==, "jane@example.com");
  phone = g_ptr_array_index (c->phones, 0);
  g_assert_cmpstr (phone->value, ==, "+1-555-0100 ext. 7");
  g_assert_cmpstr (phone->kind, ==, "home");
  g_assert_cmpuint (c->addresses->len, ==, 0);
  g_assert_null (c->note);

  g_assert_cmpstr (((CrmVcardContact *) g_ptr_array_index (contacts, 1))->birthday, ==, "1980-03-22");
  g_assert_null (((CrmVcardContact *) g_ptr_array_index (contacts, 2))->birthday);
  g_assert_null (((CrmVcardContact *) g_ptr_array_index (contacts, 3))->birthday);
  g_assert_null (((CrmVcardContact *) g_ptr_array_index (contacts, 3))->formatted_name);
}

static void
test_agent (void)
{
  /* vCard 2.1 nests the agent's card; its properties are not the contact's. */
  g_autoptr(GPtrArray) contacts =
    parse_ok ("BEGIN:VCARD\r\n"
              "VERSION:2.1\r\n"
              "FN:Boss\r\n"
              "AGENT:\r\n"
              "BEGIN:VCARD\r\n"
              "VERSION:2.1\r\n"
              "FN:Assistant\r\n"
              "TEL:999\r\n"
              "END:VCARD\r\n"
              "TEL:111\r\n"
              "END:VCARD\r\n");
  CrmVcardContact *c = only (contacts);

  g_assert_cmpstr (c->formatted_name, ==, "Boss");
  g_assert_cmpuint (c->phones->len, ==, 1);
  g_assert_cmpstr (((CrmVcardValue *) g_ptr_array_index (c->phones, 0))->value, ==, "111");
}

static void
test_utf16 (void)
{
  const char *text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë\r\nEND:VCARD\r\n";
  g_autofree char *utf16 = NULL;
  g_autofree char *with_bom = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  with_bom = g_malloc (len + 2);
  with_bom[0] = (char) 0xFF;
  with_bom[1] = (char) 0xFE;
  memcpy (with_bom + 2, utf16, len);

  contacts = crm_vcard_parse (with_bom, len + 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (only (contacts)->formatted_name, ==, "Zoë");

  /* without a byte-order mark the NUL bytes give it away */
  g_clear_pointer (&contacts, g_ptr_array_unref);
  contacts = crm_vcard_parse (utf16, len, &error);
  g_assert_null (contacts);
  g_assert_error (error, CRM_VCARD_ERROR, CRM_VCARD_ERROR_ENCODING);
}

/*
 * Errors
 */

typedef struct
{
  const char *data;
  int         code;
  const char *message_part;   /* must be in the message */
} ErrorCase;

static void
test_errors (void)
{
  static const ErrorCase cases[] = {
    { "", CRM_VCARD_ERROR_NO_VCARD, "No vCard found" },
    { "\r\n\r\n", CRM_VCARD_ERROR_NO_VCARD, "No vCard found" },
    { "name,email\r\nJo,jo@example.com\r\n", CRM_VCARD_ERROR_NO_VCARD, "No vCard found" },
    { "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", CRM_VCARD_ERROR_NO_VCARD, "No vCard found" },
    /* nested BEGIN: the first card lacks its END */
    {
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nBEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\n",
      CRM_VCARD_ERROR_SYNTAX, "Line 4: BEGIN:VCARD inside the vCard that begins on line 1",
    },
    {
      "BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\nEND:VCARD\r\n",
      CRM_VCARD_ERROR_SYNTAX, "Line 4: END:VCARD without a BEGIN:VCARD",
    },
    {
      "FN:A\r\nEND:VCARD\r\n",
      CRM_VCARD_ERROR_SYNTAX, "Line 2: END:VCARD without a BEGIN:VCARD",
    },
    {
      "BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n\r\nBEGIN:VCARD\r\nFN:B\r\n",
      CRM_VCARD_ERROR_SYNTAX, "Line 5: the vCard that begins here has no END:VCARD",
    },
    {
      "BEGIN:VCARD\r\nFN:A\r\nEND:VCALENDAR\r\n",
      CRM_VCARD_ERROR_SYNTAX, "Line 3: END:VCALENDAR does not match the BEGIN:VCARD on line 1",
    },
    {
      "BEGIN:VCARD\r\nFN:A\r\nthis line has no colon\r\nEND:VCARD\r\n",
      CRM_VCARD_ERROR_SYNTAX, "Line 3: “this line has no colon” is not a vCard property",
    },
    {
      "BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\nstray text\r\nBEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\n",
      CRM_VCARD_ERROR_SYNTAX, "Line 4: “stray text” is outside any vCard",
    },
    {
      "BEGIN:VCARD\r\nFN;TYPE=\"unterminated:A\r\nEND:VCARD\r\n",
      CRM_VCARD_ERROR_SYNTAX, "Line 2:",
    },
    {
      "BEGIN:VCARD\r\n:no name\r\nEND:VCARD\r\n",
      CRM_VCARD_ERROR_SYNTAX, "Line 2:",
    },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) contacts = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, cases[i].data);
      contacts = crm_vcard_parse (cases[i].data, -1, &error);
      g_assert_null (contacts);
      g_assert_error (error, CRM_VCARD_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].message_part) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, cases[i].message_part);
    }
}

static void
test_parse_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *path = NULL;
  int fd;

  contacts = crm_vcard_parse_file ("/nonexistent/contacts.vcf", &error);
  g_assert_null (contacts);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  fd = g_file_open_tmp ("test-vcard-XXXXXX.vcf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, "BEGIN:VCARD\nFN:A\n", -1, &error);
  g_assert_no_error (error);

  contacts = crm_vcard_parse_file (path, &error);
  g_assert_null (contacts);
  g_assert_error (error, CRM_VCARD_ERROR, CRM_VCARD_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "test-vcard-"));
  g_assert_nonnull (strstr (error->message, ".vcf: Line 1:"));
  g_unlink (path);
}

/*
 * Writing
 */

static void
assert_same_contact (const CrmVcardContact *a,
                     const CrmVcardContact *b)
{
  g_assert_cmpstr (a->formatted_name, ==, b->formatted_name);
  g_assert_cmpstr (a->prefix, ==, b->prefix);
  g_assert_cmpstr (a->given_name, ==, b->given_name);
  g_assert_cmpstr (a->middle_name, ==, b->middle_name);
  g_assert_cmpstr (a->family_name, ==, b->family_name);
  g_assert_cmpstr (a->suffix, ==, b->suffix);
  g_assert_cmpstr (a->organization, ==, b->organization);
  g_assert_cmpstr (a->department, ==, b->department);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->note, ==, b->note);
  g_assert_cmpstr (a->birthday, ==, b->birthday);
  g_assert_cmpstr (a->url, ==, b->url);

  g_assert_cmpuint (a->emails->len, ==, b->emails->len);
  for (guint i = 0; i < a->emails->len; i++)
    {
      CrmVcardValue *x = g_ptr_array_index (a->emails, i);
      CrmVcardValue *y = g_ptr_array_index (b->emails, i);

      g_assert_cmpstr (x->kind, ==, y->kind);
      g_assert_cmpstr (x->value, ==, y->value);
    }

  g_assert_cmpuint (a->phones->len, ==, b->phones->len);
  for (guint i = 0; i < a->phones->len; i++)
    {
      CrmVcardValue *x = g_ptr_array_index (a->phones, i);
      CrmVcardValue *y = g_ptr_array_index (b->phones, i);

      g_assert_cmpstr (x->kind, ==, y->kind);
      g_assert_cmpstr (x->value, ==, y->value);
    }

  g_assert_cmpuint (a->addresses->len, ==, b->addresses->len);
  for (guint i = 0; i < a->addresses->len; i++)
    {
      CrmVcardAddress *x = g_ptr_array_index (a->addresses, i);
      CrmVcardAddress *y = g_ptr_array_index (b->addresses, i);

      g_assert_cmpstr (x->kind, ==, y->kind);
      g_assert_cmpstr (x->street, ==, y->street);
      g_assert_cmpstr (x->locality, ==, y->locality);
      g_assert_cmpstr (x->region, ==, y->region);
      g_assert_cmpstr (x->postal_code, ==, y->postal_code);
      g_assert_cmpstr (x->country, ==, y->country);
    }
}

/* CRLF everywhere, no physical line over 75 octets, no character split. */
static void
assert_well_formed (const char *text)
{
  g_auto(GStrv) lines = NULL;
  guint n;

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
  g_assert_true (g_str_has_suffix (text, "\r\nEND:VCARD\r\n"));

  lines = g_strsplit (text, "\r\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpstr (lines[n - 1], ==, "");

  for (guint i = 0; i + 1 < n; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_null (strchr (lines[i], '\r'));
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_cmpuint (strlen (lines[i]), >, 0);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }
}

static CrmVcardContact *
make_contact (void)
{
  CrmVcardContact *c = crm_vcard_contact_new ();
  GString *note = g_string_new ("Line one, with; specials \\ and\na second line.\n");
  CrmVcardAddress *address;

  /* long enough to fold many times, with 2-, 3- and 4-byte characters at every offset */
  for (guint i = 0; i < 40; i++)
    g_string_append (note, "é€😀x");

  c->formatted_name = g_strdup ("Dr. Siti Nurhaliza, M.Sc.");
  c->prefix = g_strdup ("Dr.");
  c->given_name = g_strdup ("Siti");
  c->middle_name = g_strdup ("Binti; Tarudin");
  c->family_name = g_strdup ("Nurhaliza");
  c->suffix = g_strdup ("M.Sc., Ph.D.");
  c->organization = g_strdup ("PT Maju, Jaya; Tbk");
  c->department = g_strdup ("Penjualan \\ Ekspor");
  c->title = g_strdup ("Direktur Utama");
  c->note = g_string_free (note, FALSE);
  c->birthday = g_strdup ("1979-01-11");
  c->url = g_strdup ("https://example.co.id/a,b;c?x=1");

  g_ptr_array_add (c->emails, crm_vcard_value_new ("work", "siti@example.co.id"));
  g_ptr_array_add (c->emails, crm_vcard_value_new (NULL, "siti.pribadi@example.com"));
  g_ptr_array_add (c->emails, crm_vcard_value_new ("other", "s@example.org"));
  g_ptr_array_add (c->phones, crm_vcard_value_new ("cell", "+62 812-3456-7890"));
  g_ptr_array_add (c->phones, crm_vcard_value_new ("work", "(021) 555-1234"));
  g_ptr_array_add (c->phones, crm_vcard_value_new ("fax", "(021) 555-1235"));
  g_ptr_array_add (c->phones, crm_vcard_value_new ("main", "021 500 000"));
  g_ptr_array_add (c->phones, crm_vcard_value_new ("pager", "123"));
  g_ptr_array_add (c->phones, crm_vcard_value_new ("home", "0274 123"));
  g_ptr_array_add (c->phones, crm_vcard_value_new (NULL, "0800 1"));

  address = crm_vcard_address_new ();
  address->kind = g_strdup ("work");
  address->street = g_strdup ("Jl. Jend. Sudirman Kav. 52-53\nGedung Sentral, Lt. 7");
  address->locality = g_strdup ("Jakarta Selatan");
  address->region = g_strdup ("DKI Jakarta");
  address->postal_code = g_strdup ("12190");
  address->country = g_strdup ("Indonesia");
  g_ptr_array_add (c->addresses, address);

  address = crm_vcard_address_new ();
  address->locality = g_strdup ("Yogyakarta");
  g_ptr_array_add (c->addresses, address);

  return c;
}

static char *
unfold (const char *text)
{
  g_autoptr(GRegex) fold = g_regex_new ("\r\n ", 0, 0, NULL);

  return g_regex_replace_literal (fold, text, -1, 0, "", 0, NULL);
}

static void
test_round_trip (void)
{
  g_autoptr(CrmVcardContact) contact = make_contact ();
  g_autoptr(GPtrArray) parsed = NULL;
  g_autofree char *written = crm_vcard_write (contact);
  g_autofree char *text = unfold (written);
  g_autofree char *again = NULL;

  assert_well_formed (written);
  g_assert_cmpstr (text, !=, written);
  g_assert_nonnull (strstr (text, "\r\nFN:Dr. Siti Nurhaliza\\, M.Sc.\r\n"));
  g_assert_nonnull (strstr (text, "\r\nN:Nurhaliza;Siti;Binti\\; Tarudin;Dr.;M.Sc.\\, Ph.D.\r\n"));
  g_assert_nonnull (strstr (text, "\r\nORG:PT Maju\\, Jaya\\; Tbk;Penjualan \\\\ Ekspor\r\n"));
  g_assert_nonnull (strstr (text, "\r\nBDAY:19790111\r\n"));
  g_assert_nonnull (strstr (text, "\r\nTEL;TYPE=x-main:021 500 000\r\n"));
  g_assert_nonnull (strstr (text, "\r\nEMAIL;TYPE=x-other:s@example.org\r\n"));
  g_assert_nonnull (strstr (text, "\r\nEMAIL:siti.pribadi@example.com\r\n"));
  g_assert_nonnull (strstr (text, "\r\nURL:https://example.co.id/a,b;c?x=1\r\n"));
  g_assert_nonnull (strstr (text, "\r\nNOTE:Line one\\, with\\; specials \\\\ and\\na second line.\\n"));
  g_assert_nonnull (strstr (text, "\r\nADR;TYPE=work:;;Jl. Jend. Sudirman Kav. 52-53\\nGedung Sentral\\, Lt. 7;"
                                  "Jakarta Selatan;DKI Jakarta;12190;Indonesia\r\n"));
  g_assert_nonnull (strstr (text, "\r\nADR:;;;Yogyakarta;;;\r\n"));

  parsed = parse_ok (written);
  assert_same_contact (only (parsed), contact);

  /* writing what was read gives the same text */
  again = crm_vcard_write (only (parsed));
  g_assert_cmpstr (again, ==, written);
}

static void
test_write_exact (void)
{
  g_autoptr(CrmVcardContact) contact = crm_vcard_contact_new ();
  g_autofree char *text = NULL;
  g_autofree char *empty = NULL;
  g_autoptr(CrmVcardContact) nameless = crm_vcard_contact_new ();

  contact->given_name = g_strdup ("Ann");
  contact->family_name = g_strdup ("Lee");
  contact->birthday = g_strdup ("not a date");
  g_ptr_array_add (contact->emails, crm_vcard_value_new ("Home", "ann@example.com"));
  g_ptr_array_add (contact->phones, crm_vcard_value_new ("cell", "+1 555 0100"));

  text = crm_vcard_write (contact);
  g_assert_cmpstr (text, ==,
                   "BEGIN:VCARD\r\n"
                   "VERSION:4.0\r\n"
                   "FN:Ann Lee\r\n"
                   "N:Lee;Ann;;;\r\n"
                   "EMAIL;TYPE=home:ann@example.com\r\n"
                   "TEL;TYPE=cell:+1 555 0100\r\n"
                   "END:VCARD\r\n");

  /* FN is required even when nothing names the contact */
  empty = crm_vcard_write (nameless);
  g_assert_cmpstr (empty, ==, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:\r\nEND:VCARD\r\n");
}

static void
test_write_folding (void)
{
  g_autoptr(CrmVcardContact) contact = crm_vcard_contact_new ();
  g_autoptr(GString) note = g_string_new ("x");
  g_autoptr(GString) first = g_string_new ("NOTE:x");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) parsed = NULL;

  /* "NOTE:x" is 6 octets and "é" 2, so octet 75 falls inside the 35th
   * "é": the line must end after 74 octets and "é" move whole. */
  for (guint i = 0; i < 37; i++)
    g_string_append (note, "é");
  g_string_append (note, "€😀");
  for (guint i = 0; i < 34; i++)
    g_string_append (first, "é");

  contact->formatted_name = g_strdup ("X");
  contact->note = g_strdup (note->str);

  text = crm_vcard_write (contact);
  assert_well_formed (text);
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpstr (lines[3], ==, first->str);
  g_assert_cmpuint (strlen (lines[3]), ==, 74);
  g_assert_cmpstr (lines[4], ==, " ééé€😀");
  g_assert_cmpstr (lines[5], ==, "END:VCARD");

  parsed = parse_ok (text);
  g_assert_cmpstr (only (parsed)->note, ==, contact->note);
}

static void
test_write_odd_input (void)
{
  g_autoptr(CrmVcardContact) contact = crm_vcard_contact_new ();
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) parsed = NULL;

  /* invalid UTF-8, control characters and CR line ends never reach the file */
  contact->formatted_name = g_strdup ("Bad\xff byte\x01");
  contact->note = g_strdup ("a\r\nb\rc");
  g_ptr_array_add (contact->phones, crm_vcard_value_new ("Sales Desk!", "1"));

  text = crm_vcard_write (contact);
  assert_well_formed (text);
  g_assert_nonnull (strstr (text, "\r\nTEL;TYPE=x-salesdesk:1\r\n"));

  parsed = parse_ok (text);
  g_assert_cmpstr (only (parsed)->formatted_name, ==, "Bad\xef\xbf\xbd byte");
  g_assert_cmpstr (only (parsed)->note, ==, "a\nb\nc");
  g_assert_cmpstr (((CrmVcardValue *) g_ptr_array_index (only (parsed)->phones, 0))->kind, ==, "other");
}

/* Every file of the suite survives write + read with what we keep. */
static void
test_files_round_trip (void)
{
  g_autofree char *dir = testdata_dir ();

  if (dir == NULL)
    return;

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = g_build_filename (dir, files[f].file, NULL);
      g_autoptr(GPtrArray) contacts = NULL;
      g_autoptr(GError) error = NULL;

      contacts = crm_vcard_parse_file (path, &error);
      g_assert_no_error (error);

      for (guint i = 0; i < contacts->len; i++)
        {
          CrmVcardContact *contact = g_ptr_array_index (contacts, i);
          g_autofree char *text = crm_vcard_write (contact);
          g_autoptr(GPtrArray) back = NULL;

          assert_well_formed (text);
          back = parse_ok (text);
          g_assert_cmpuint (back->len, ==, 1);

          /* a card without any name gets its e-mail address as FN */
          if (contact->formatted_name == NULL)
            {
              CrmVcardContact *b = only (back);

              g_assert_cmpstr (b->formatted_name, ==,
                               ((CrmVcardValue *) g_ptr_array_index (contact->emails, 0))->value);
              g_clear_pointer (&b->formatted_name, g_free);
            }
          assert_same_contact (only (back), contact);
        }
    }
}

/*
 * Phones
 */

static void
test_phone_normalize (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "+62 812-3456-7890", "+6281234567890" },
    { "(0812) 3456", "08123456" },
    { "(+62) 21 555", "+6221555" },
    { "0812+34", "081234" },
    { "+1-418-656-9254 ext. 102", "+14186569254" },
    { "+1-418-656-9254;ext=102", "+14186569254" },
    { "555-1234 x12", "5551234" },
    { "Tel: +49 30 1234", "+49301234" },
    { "905-555-1234", "9055551234" },
    { "BusinessPhone", "" },
    { "+", "" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = crm_phone_normalize (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/vcard/file/%s", files[i].file);

      g_test_add_data_func (name, &files[i], test_file);
    }
  g_test_add_func ("/vcard/file/all-listed", test_files_all_listed);
  g_test_add_func ("/vcard/file/round-trip", test_files_round_trip);

  g_test_add_func ("/vcard/parse/folding", test_folding);
  g_test_add_func ("/vcard/parse/quoted-printable", test_quoted_printable);
  g_test_add_func ("/vcard/parse/charsets", test_charsets);
  g_test_add_func ("/vcard/parse/escapes", test_escapes);
  g_test_add_func ("/vcard/parse/bare-types", test_bare_types);
  g_test_add_func ("/vcard/parse/groups", test_groups);
  g_test_add_func ("/vcard/parse/values", test_values);
  g_test_add_func ("/vcard/parse/agent", test_agent);
  g_test_add_func ("/vcard/parse/utf16", test_utf16);
  g_test_add_func ("/vcard/parse/errors", test_errors);
  g_test_add_func ("/vcard/parse/file-errors", test_parse_file_errors);

  g_test_add_func ("/vcard/write/round-trip", test_round_trip);
  g_test_add_func ("/vcard/write/exact", test_write_exact);
  g_test_add_func ("/vcard/write/folding", test_write_folding);
  g_test_add_func ("/vcard/write/odd-input", test_write_odd_input);

  g_test_add_func ("/vcard/phone/normalize", test_phone_normalize);

  return g_test_run ();
}
