/* test-line-items.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-line-items"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "crm-line-items.h"

typedef struct
{
  const char      *name;
  gint64           quantity;
  gint64           list_price;
  CrmDiscountKind  discount_kind;
  gint64           discount;
  gint32           tax_rate;
  gint64           amount;
  gint64           discount_amount;
  gint64           net;
  gint64           tax;
  gint64           total;
} LineCase;

typedef struct
{
  const char      *name;
  gint64           quantity;
  gint64           list_price;
  CrmDiscountKind  discount_kind;
  gint64           discount;
  gint32           tax_rate;
  int              error_code;
} LineErrorCase;

static CrmLineItem
make_line (gint64          quantity,
           gint64          list_price,
           CrmDiscountKind discount_kind,
           gint64          discount,
           gint32          tax_rate)
{
  CrmLineItem line;

  /* garbage in the result fields: compute must overwrite every one */
  memset (&line, 0x5a, sizeof line);
  line.quantity = quantity;
  line.list_price = list_price;
  line.discount_kind = discount_kind;
  line.discount = discount;
  line.tax_rate = tax_rate;

  return line;
}

static void
test_round_div (void)
{
  static const struct {
    gint64 n, d, expected;
  } cases[] = {
    { 5, 2, 3 },
    { -5, 2, -3 },
    { 5, -2, -3 },
    { -5, -2, 3 },
    { 7, 2, 4 },
    { -7, 2, -4 },
    { 1, 2, 1 },
    { -1, 2, -1 },
    { 4, 3, 1 },
    { -4, 3, -1 },
    { 2, 3, 1 },
    { -2, 3, -1 },
    { 1, 3, 0 },
    { -1, 3, 0 },
    { 0, 5, 0 },
    { 14999, 10000, 1 },
    { 15000, 10000, 2 },
    { -15000, 10000, -2 },
    { -14999, 10000, -1 },
    { G_MAXINT64, 1, G_MAXINT64 },
    { G_MININT64, 1, G_MININT64 },
    { G_MAXINT64, 2, G_GINT64_CONSTANT (4611686018427387904) },
    { G_MININT64, 2, G_GINT64_CONSTANT (-4611686018427387904) },
    { G_MININT64 + 1, 2, G_GINT64_CONSTANT (-4611686018427387904) },
    { G_MAXINT64, G_MAXINT64, 1 },
    { G_MININT64, G_MAXINT64, -1 },
    { G_MAXINT64, G_MININT64, -1 },
    { 1, G_MININT64, 0 },
    { G_MININT64, G_MININT64, 1 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%" G_GINT64_FORMAT " / %" G_GINT64_FORMAT, cases[i].n, cases[i].d);
      g_assert_cmpint (crm_round_div (cases[i].n, cases[i].d), ==, cases[i].expected);
    }

  g_test_expect_message ("crm-line-items", G_LOG_LEVEL_CRITICAL, "*denominator != 0*");
  g_assert_cmpint (crm_round_div (1, 0), ==, 0);
  g_test_assert_expected_messages ();
}

static void
test_line_compute (void)
{
  static const LineCase cases[] = {
    { "plain with 11% tax", 1000, 10000, CRM_DISCOUNT_NONE, 0, 1100,
      10000, 0, 10000, 1100, 11100 },
    { "discount ignored when kind is none", 1000, 10000, CRM_DISCOUNT_NONE, 999999, 0,
      10000, 0, 10000, 0, 10000 },
    { "fractional quantity, amount at exactly .5", 1500, 333, CRM_DISCOUNT_NONE, 0, 0,
      500, 0, 500, 0, 500 },
    { "fractional quantity below .5", 333, 100, CRM_DISCOUNT_NONE, 0, 0,
      33, 0, 33, 0, 33 },
    { "one thousandth at .5", 1, 500, CRM_DISCOUNT_NONE, 0, 0,
      1, 0, 1, 0, 1 },
    { "one thousandth below .5", 1, 499, CRM_DISCOUNT_NONE, 0, 0,
      0, 0, 0, 0, 0 },
    { "10% discount at exactly .5", 1000, 12345, CRM_DISCOUNT_PERCENT, 1000, 1100,
      12345, 1235, 11110, 1222, 12332 },
    { "amount discount", 2000, 5000, CRM_DISCOUNT_AMOUNT, 2500, 1000,
      10000, 2500, 7500, 750, 8250 },
    { "tax at exactly .5 rounds up, not to even", 1000, 25, CRM_DISCOUNT_NONE, 0, 1000,
      25, 0, 25, 3, 28 },
    { "tax at .5 with odd quotient", 1000, 15, CRM_DISCOUNT_NONE, 0, 1000,
      15, 0, 15, 2, 17 },
    { "100% discount", 3000, 700, CRM_DISCOUNT_PERCENT, 10000, 1100,
      2100, 2100, 0, 0, 0 },
    { "amount discount equal to the amount", 1000, 700, CRM_DISCOUNT_AMOUNT, 700, 1100,
      700, 700, 0, 0, 0 },
    { "100% tax", 1000, 700, CRM_DISCOUNT_NONE, 0, 10000,
      700, 0, 700, 700, 1400 },
    { "free item", 5000, 0, CRM_DISCOUNT_NONE, 0, 1100,
      0, 0, 0, 0, 0 },
    { "rupiah", 3000, 1500000, CRM_DISCOUNT_NONE, 0, 1100,
      4500000, 0, 4500000, 495000, 4995000 },
    { "12.5% discount and 11% tax", 2500, 199900, CRM_DISCOUNT_PERCENT, 1250, 1100,
      499750, 62469, 437281, 48101, 485382 },
    { "largest amount that fits", 1000, G_MAXINT64, CRM_DISCOUNT_NONE, 0, 0,
      G_MAXINT64, 0, G_MAXINT64, 0, G_MAXINT64 },
    { "product over 64 bits, quotient within", 500, G_MAXINT64, CRM_DISCOUNT_NONE, 0, 0,
      G_GINT64_CONSTANT (4611686018427387904), 0, G_GINT64_CONSTANT (4611686018427387904),
      0, G_GINT64_CONSTANT (4611686018427387904) },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const LineCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      CrmLineItem line = make_line (c->quantity, c->list_price, c->discount_kind,
                                    c->discount, c->tax_rate);

      g_test_message ("%s", c->name);
      g_assert_true (crm_line_item_compute (&line, &error));
      g_assert_no_error (error);
      g_assert_cmpint (line.amount, ==, c->amount);
      g_assert_cmpint (line.discount_amount, ==, c->discount_amount);
      g_assert_cmpint (line.net, ==, c->net);
      g_assert_cmpint (line.tax, ==, c->tax);
      g_assert_cmpint (line.total, ==, c->total);
      /* inputs are not touched */
      g_assert_cmpint (line.quantity, ==, c->quantity);
      g_assert_cmpint (line.discount, ==, c->discount);
    }
}

static const LineErrorCase line_errors[] = {
  { "zero quantity", 0, 1000, CRM_DISCOUNT_NONE, 0, 0, CRM_LINE_ITEMS_ERROR_QUANTITY },
  { "negative quantity", -1000, 1000, CRM_DISCOUNT_NONE, 0, 0, CRM_LINE_ITEMS_ERROR_QUANTITY },
  { "negative price", 1000, -1, CRM_DISCOUNT_NONE, 0, 0, CRM_LINE_ITEMS_ERROR_PRICE },
  { "percent over 100", 1000, 1000, CRM_DISCOUNT_PERCENT, 10001, 0, CRM_LINE_ITEMS_ERROR_DISCOUNT },
  { "negative percent", 1000, 1000, CRM_DISCOUNT_PERCENT, -1, 0, CRM_LINE_ITEMS_ERROR_DISCOUNT },
  { "amount over line amount", 1000, 1000, CRM_DISCOUNT_AMOUNT, 1001, 0, CRM_LINE_ITEMS_ERROR_DISCOUNT },
  { "negative amount discount", 1000, 1000, CRM_DISCOUNT_AMOUNT, -1, 0, CRM_LINE_ITEMS_ERROR_DISCOUNT },
  { "unknown discount kind", 1000, 1000, (CrmDiscountKind)7, 0, 0, CRM_LINE_ITEMS_ERROR_DISCOUNT },
  { "negative tax rate", 1000, 1000, CRM_DISCOUNT_NONE, 0, -1, CRM_LINE_ITEMS_ERROR_TAX_RATE },
  { "tax rate over 100", 1000, 1000, CRM_DISCOUNT_NONE, 0, 10001, CRM_LINE_ITEMS_ERROR_TAX_RATE },
  { "amount overflows", 2000, G_MAXINT64, CRM_DISCOUNT_NONE, 0, 0, CRM_LINE_ITEMS_ERROR_OVERFLOW },
  { "price near the maximum", 1000, G_MAXINT64 - 1, CRM_DISCOUNT_PERCENT, 10000, 10000, -1 },
  { "total overflows", 1000, G_MAXINT64, CRM_DISCOUNT_NONE, 0, 100, CRM_LINE_ITEMS_ERROR_OVERFLOW },
  { "huge quantity", G_MAXINT64, G_MAXINT64, CRM_DISCOUNT_NONE, 0, 0, CRM_LINE_ITEMS_ERROR_OVERFLOW },
};

static void
test_line_errors (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (line_errors); i++)
    {
      const LineErrorCase *c = &line_errors[i];
      g_autoptr(GError) error = NULL;
      CrmLineItem line = make_line (c->quantity, c->list_price, c->discount_kind,
                                    c->discount, c->tax_rate);
      CrmLineItem before = line;

      /* a valid line that merely sits at the edge of the range */
      if (c->error_code < 0)
        {
          g_test_message ("%s (accepted)", c->name);
          g_assert_true (crm_line_item_compute (&line, &error));
          g_assert_no_error (error);
          continue;
        }

      g_test_message ("%s", c->name);
      g_assert_false (crm_line_item_compute (&line, &error));
      g_assert_error (error, CRM_LINE_ITEMS_ERROR, c->error_code);
      g_assert_true (memcmp (&line, &before, sizeof line) == 0);
      /* on its own, a line has no number to name */
      g_assert_false (g_str_has_prefix (error->message, "Line "));
    }
}

static void
test_error_messages (void)
{
  CrmLineItem lines[4];
  CrmLineItem before[4];
  CrmTotals totals;
  CrmTotals totals_before;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "C");

  lines[0] = make_line (1000, 1000, CRM_DISCOUNT_NONE, 0, 0);
  lines[1] = make_line (1000, 1000, CRM_DISCOUNT_NONE, 0, 0);
  lines[2] = make_line (0, 1000, CRM_DISCOUNT_NONE, 0, 0);
  lines[3] = make_line (1000, 1000, CRM_DISCOUNT_NONE, 0, 0);
  memcpy (before, lines, sizeof lines);
  memset (&totals, 0x5a, sizeof totals);
  totals.discount_kind = CRM_DISCOUNT_NONE;
  totals.adjustment = 0;
  totals_before = totals;

  g_assert_false (crm_totals_compute (lines, G_N_ELEMENTS (lines), &totals, &error));
  g_assert_error (error, CRM_LINE_ITEMS_ERROR, CRM_LINE_ITEMS_ERROR_QUANTITY);
  g_assert_cmpstr (error->message, ==, "Line 3: the quantity must be greater than zero");
  /* nothing changed, not even the results of the good lines before it */
  g_assert_true (memcmp (lines, before, sizeof lines) == 0);
  g_assert_true (memcmp (&totals, &totals_before, sizeof totals) == 0);

  g_clear_error (&error);
  lines[2] = make_line (1000, 1000, CRM_DISCOUNT_NONE, 0, 0);
  lines[3] = make_line (1000, 1000, CRM_DISCOUNT_PERCENT, 0, 12000);
  g_assert_false (crm_totals_compute (lines, G_N_ELEMENTS (lines), &totals, &error));
  g_assert_error (error, CRM_LINE_ITEMS_ERROR, CRM_LINE_ITEMS_ERROR_TAX_RATE);
  g_assert_cmpstr (error->message, ==, "Line 4: the tax rate must be between 0% and 100%");

  g_clear_error (&error);
  lines[0] = make_line (1000, G_MAXINT64, CRM_DISCOUNT_NONE, 0, 0);
  lines[1] = make_line (2000, G_MAXINT64, CRM_DISCOUNT_NONE, 0, 0);
  g_assert_false (crm_totals_compute (lines, 2, &totals, &error));
  g_assert_error (error, CRM_LINE_ITEMS_ERROR, CRM_LINE_ITEMS_ERROR_OVERFLOW);
  g_assert_cmpstr (error->message, ==, "Line 2: the amounts are too large to compute");

  g_clear_error (&error);
  lines[0] = make_line (1000, 1000, CRM_DISCOUNT_PERCENT, 10001, 0);
  g_assert_false (crm_line_item_compute (&lines[0], &error));
  g_assert_cmpstr (error->message, ==, "The discount cannot be more than 100%");
}

static void
test_totals (void)
{
  CrmLineItem lines[3];
  CrmTotals totals = { 0 };
  g_autoptr(GError) error = NULL;

  lines[0] = make_line (2000, 15000, CRM_DISCOUNT_NONE, 0, 1100);   /* 30000 + 3300 */
  lines[1] = make_line (1000, 5000, CRM_DISCOUNT_PERCENT, 1000, 0); /* 5000 - 500 */
  lines[2] = make_line (500, 999, CRM_DISCOUNT_AMOUNT, 100, 1100);  /* 499.5 -> 500 - 100 + 44 */

  /* 5% of 34900 is 1745; the document discount leaves tax alone */
  totals.discount_kind = CRM_DISCOUNT_PERCENT;
  totals.discount = 500;
  totals.adjustment = -45;

  g_assert_true (crm_totals_compute (lines, 3, &totals, &error));
  g_assert_no_error (error);

  g_assert_cmpint (lines[0].total, ==, 33300);
  g_assert_cmpint (lines[1].net, ==, 4500);
  g_assert_cmpint (lines[1].total, ==, 4500);
  g_assert_cmpint (lines[2].amount, ==, 500);
  g_assert_cmpint (lines[2].net, ==, 400);
  g_assert_cmpint (lines[2].tax, ==, 44);
  g_assert_cmpint (lines[2].total, ==, 444);

  g_assert_cmpint (totals.sub_total, ==, 34900);
  g_assert_cmpint (totals.discount_amount, ==, 1745);
  g_assert_cmpint (totals.tax, ==, 3344);
  g_assert_cmpint (totals.adjustment, ==, -45);
  g_assert_cmpint (totals.grand_total, ==, 34900 - 1745 + 3344 - 45);

  /* amount discount, and an adjustment that takes the total below zero */
  totals.discount_kind = CRM_DISCOUNT_AMOUNT;
  totals.discount = 1000;
  totals.adjustment = -50000;
  g_assert_true (crm_totals_compute (lines, 3, &totals, &error));
  g_assert_cmpint (totals.discount_amount, ==, 1000);
  g_assert_cmpint (totals.tax, ==, 3344);
  g_assert_cmpint (totals.grand_total, ==, 34900 - 1000 + 3344 - 50000);

  /* the whole sub total may be discounted */
  totals.discount = 34900;
  totals.adjustment = 0;
  g_assert_true (crm_totals_compute (lines, 3, &totals, &error));
  g_assert_cmpint (totals.grand_total, ==, 3344);

  totals.discount_kind = CRM_DISCOUNT_NONE;
  totals.discount = 777;
  g_assert_true (crm_totals_compute (lines, 3, &totals, &error));
  g_assert_cmpint (totals.discount_amount, ==, 0);
  g_assert_cmpint (totals.grand_total, ==, 34900 + 3344);
}

static void
test_totals_document_rounding (void)
{
  CrmLineItem line = make_line (1000, 15, CRM_DISCOUNT_NONE, 0, 0);
  CrmTotals totals = { 0 };

  /* 10% of 15 is 1.5 -> 2 */
  totals.discount_kind = CRM_DISCOUNT_PERCENT;
  totals.discount = 1000;
  g_assert_true (crm_totals_compute (&line, 1, &totals, NULL));
  g_assert_cmpint (line.amount, ==, 15);
  g_assert_cmpint (line.total, ==, 15);
  g_assert_cmpint (totals.discount_amount, ==, 2);
  g_assert_cmpint (totals.grand_total, ==, 13);

  /* 10% of 14 is 1.4 -> 1 */
  line = make_line (1000, 14, CRM_DISCOUNT_NONE, 0, 0);
  g_assert_true (crm_totals_compute (&line, 1, &totals, NULL));
  g_assert_cmpint (totals.discount_amount, ==, 1);
}

static void
test_totals_document_errors (void)
{
  static const struct {
    CrmDiscountKind kind;
    gint64          discount;
    gint64          adjustment;
    int             error_code;
  } cases[] = {
    { CRM_DISCOUNT_PERCENT, 10001, 0, CRM_LINE_ITEMS_ERROR_DISCOUNT },
    { CRM_DISCOUNT_PERCENT, -1, 0, CRM_LINE_ITEMS_ERROR_DISCOUNT },
    { CRM_DISCOUNT_AMOUNT, 11101, 0, CRM_LINE_ITEMS_ERROR_DISCOUNT },
    { CRM_DISCOUNT_AMOUNT, -5, 0, CRM_LINE_ITEMS_ERROR_DISCOUNT },
    { (CrmDiscountKind)3, 0, 0, CRM_LINE_ITEMS_ERROR_DISCOUNT },
    { CRM_DISCOUNT_NONE, 0, G_MAXINT64, CRM_LINE_ITEMS_ERROR_OVERFLOW },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      CrmLineItem lines[2];
      CrmLineItem lines_before[2];
      CrmTotals totals;
      CrmTotals before;

      /* sub total 11100, tax 1221 */
      lines[0] = make_line (1000, 10000, CRM_DISCOUNT_NONE, 0, 1100);
      lines[1] = make_line (1000, 1100, CRM_DISCOUNT_NONE, 0, 1100);
      memcpy (lines_before, lines, sizeof lines);

      memset (&totals, 0x5a, sizeof totals);
      totals.discount_kind = cases[i].kind;
      totals.discount = cases[i].discount;
      totals.adjustment = cases[i].adjustment;
      before = totals;

      g_test_message ("document case %" G_GSIZE_FORMAT, i);
      g_assert_false (crm_totals_compute (lines, 2, &totals, &error));
      g_assert_error (error, CRM_LINE_ITEMS_ERROR, cases[i].error_code);
      g_assert_true (memcmp (&totals, &before, sizeof totals) == 0);
      g_assert_true (memcmp (lines, lines_before, sizeof lines) == 0);
    }
}

static void
test_totals_overflow (void)
{
  g_autoptr(GError) error = NULL;
  CrmLineItem lines[2];
  CrmTotals totals = { 0 };

  /* each line fits, their sum does not */
  lines[0] = make_line (1000, G_MAXINT64 / 2 + 1, CRM_DISCOUNT_NONE, 0, 0);
  lines[1] = make_line (1000, G_MAXINT64 / 2 + 1, CRM_DISCOUNT_NONE, 0, 0);
  g_assert_false (crm_totals_compute (lines, 2, &totals, &error));
  g_assert_error (error, CRM_LINE_ITEMS_ERROR, CRM_LINE_ITEMS_ERROR_OVERFLOW);
  g_assert_cmpint (totals.grand_total, ==, 0);
  g_assert_cmpint (totals.sub_total, ==, 0);

  /* every line total, the sub total and the tax fit; sub total + tax does not */
  g_clear_error (&error);
  lines[0] = make_line (1000, G_GINT64_CONSTANT (6000000000000000000), CRM_DISCOUNT_NONE, 0, 0);
  lines[1] = make_line (1000, G_GINT64_CONSTANT (2000000000000000000), CRM_DISCOUNT_NONE, 0, 10000);
  g_assert_false (crm_totals_compute (lines, 2, &totals, &error));
  g_assert_error (error, CRM_LINE_ITEMS_ERROR, CRM_LINE_ITEMS_ERROR_OVERFLOW);
  g_assert_cmpstr (error->message, ==, "The document totals are too large to compute");
  g_assert_cmpint (totals.grand_total, ==, 0);

  /* a negative adjustment can go down to G_MININT64 but not beyond */
  g_clear_error (&error);
  lines[0] = make_line (1000, 0, CRM_DISCOUNT_NONE, 0, 0);
  totals.adjustment = G_MININT64;
  g_assert_true (crm_totals_compute (lines, 1, &totals, &error));
  g_assert_no_error (error);
  g_assert_cmpint (totals.grand_total, ==, G_MININT64);
}

static void
test_totals_empty (void)
{
  CrmTotals totals = { 0 };

  totals.adjustment = 250;
  totals.discount_kind = CRM_DISCOUNT_PERCENT;
  totals.discount = 5000;
  g_assert_true (crm_totals_compute (NULL, 0, &totals, NULL));
  g_assert_cmpint (totals.sub_total, ==, 0);
  g_assert_cmpint (totals.discount_amount, ==, 0);
  g_assert_cmpint (totals.tax, ==, 0);
  g_assert_cmpint (totals.grand_total, ==, 250);
}

/* The same maths written differently: non-negative operands, so
 * half-away-from-zero is floor ((2n + d) / 2d). */
static gint64
reference_round (gint64 a,
                 gint64 b,
                 gint64 d)
{
  return (gint64)(((__int128)a * b * 2 + d) / (2 * (__int128)d));
}

static void
test_totals_many_lines (void)
{
  g_autofree CrmLineItem *lines = g_new (CrmLineItem, 500);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  CrmTotals totals = { 0 };
  gint64 sum_net = 0, sum_tax = 0, sum_total = 0;
  guint n_rounded_half = 0;

  for (guint i = 0; i < 500; i++)
    {
      gint64 quantity = g_rand_int_range (rand, 1, 50000);
      gint64 price = g_rand_int_range (rand, 0, 10000000);
      gint32 rate = (gint32)g_rand_int_range (rand, 0, 2501);
      gint64 amount, discount_amount, net, tax;
      CrmDiscountKind kind = (CrmDiscountKind)(i % 3);
      gint64 discount = 0;

      amount = reference_round (quantity, price, 1000);
      if (kind == CRM_DISCOUNT_PERCENT)
        {
          discount = g_rand_int_range (rand, 0, 10001);
          discount_amount = reference_round (amount, discount, 10000);
        }
      else if (kind == CRM_DISCOUNT_AMOUNT)
        {
          discount = amount > 0 ? g_rand_int_range (rand, 0, (gint32)MIN (amount, G_MAXINT32 - 1) + 1) : 0;
          discount_amount = discount;
        }
      else
        discount_amount = 0;

      if ((quantity * price) % 1000 == 500)
        n_rounded_half++;

      net = amount - discount_amount;
      tax = reference_round (net, rate, 10000);
      sum_net += net;
      sum_tax += tax;
      sum_total += net + tax;

      lines[i] = make_line (quantity, price, kind, discount, rate);
    }

  g_assert_true (crm_totals_compute (lines, 500, &totals, NULL));

  {
    gint64 sum_line_totals = 0;

    for (guint i = 0; i < 500; i++)
      sum_line_totals += lines[i].total;

    g_assert_cmpint (sum_line_totals, ==, sum_total);
    g_assert_cmpint (totals.grand_total, ==, sum_line_totals);
  }
  g_assert_cmpint (totals.sub_total, ==, sum_net);
  g_assert_cmpint (totals.tax, ==, sum_tax);
  g_assert_cmpint (totals.discount_amount, ==, 0);
  g_test_message ("%u lines had an amount at exactly .5", n_rounded_half);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/line-items/round-div", test_round_div);
  g_test_add_func ("/line-items/line", test_line_compute);
  g_test_add_func ("/line-items/line-errors", test_line_errors);
  g_test_add_func ("/line-items/error-messages", test_error_messages);
  g_test_add_func ("/line-items/totals", test_totals);
  g_test_add_func ("/line-items/totals/document-rounding", test_totals_document_rounding);
  g_test_add_func ("/line-items/totals/document-errors", test_totals_document_errors);
  g_test_add_func ("/line-items/totals/overflow", test_totals_overflow);
  g_test_add_func ("/line-items/totals/empty", test_totals_empty);
  g_test_add_func ("/line-items/totals/many-lines", test_totals_many_lines);

  return g_test_run ();
}
