/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <coordena/coordena.h>

static void
test_money_format (void)
{
  struct { gint64 c; const char *s; } cases[] = {
    { 0, "R$ 0,00" },
    { 5, "R$ 0,05" },
    { 123456, "R$ 1.234,56" },
    { 1683333, "R$ 16.833,33" },
    { 100000000, "R$ 1.000.000,00" },
    { -123456, "-R$ 1.234,56" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = coordena_format_money (cases[i].c);
      char buf[COORDENA_MONEY_MAX];

      g_assert_cmpstr (s, ==, cases[i].s);
      /* The same text written into a buffer, as the reports write one per row. */
      g_assert_cmpuint (coordena_format_money_to (cases[i].c, buf), ==, strlen (cases[i].s));
      g_assert_cmpstr (buf, ==, cases[i].s);
    }
  {
    char buf[COORDENA_MONEY_MAX];

    g_assert_cmpuint (coordena_format_money_to (G_MININT64, buf), ==, strlen ("-R$ 92.233.720.368.547.758,08"));
    g_assert_cmpstr (buf, ==, "-R$ 92.233.720.368.547.758,08");
    coordena_format_money_to (G_MAXINT64, buf);
    g_assert_cmpstr (buf, ==, "R$ 92.233.720.368.547.758,07");
  }
}

static void
test_money_parse (void)
{
  struct { const char *s; gint64 c; } ok[] = {
    { "16.833,33", 1683333 }, { "16833,33", 1683333 }, { "16833.33", 1683333 },
    { "R$ 16.833,33", 1683333 }, { "16833", 1683300 }, { "1.000.000", 100000000 },
    { "12.625,00", 1262500 }, { "0,5", 50 }, { " 8416.67 ", 841667 },
  };
  const char *bad[] = { "", "abc", "16,833,33x", "1,234", "12.3.4,5x", "R$", "16833,333", "1e5" };

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      gint64 c = -1;
      g_autoptr(GError) error = NULL;

      g_assert_true (coordena_parse_money (ok[i].s, &c, &error));
      g_assert_no_error (error);
      g_assert_cmpint (c, ==, ok[i].c);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 c = -1;
      g_autoptr(GError) error = NULL;

      if (coordena_parse_money (bad[i], &c, &error))
        g_error ("“%s” was accepted as %" G_GINT64_FORMAT, bad[i], c);
      g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
    }
}

static void
test_percent_round_half_up (void)
{
  /* R$ 16.833,33 × 25 % = 4.208,3325 → 4.208,33; × 50 % = 8.416,665 → 8.416,67 (half up). */
  g_assert_cmpint (coordena_percent_of (1683333, 25), ==, 420833);
  g_assert_cmpint (coordena_percent_of (1683333, 50), ==, 841667);
  g_assert_cmpint (coordena_percent_of (1683333, 75), ==, 1262500);
  g_assert_cmpint (coordena_percent_of (1683333, 100), ==, 1683333);
  g_assert_cmpint (coordena_percent_of (1683333, 0), ==, 0);
  g_assert_cmpint (coordena_percent_of (1, 50), ==, 1);
  g_assert_cmpint (coordena_percent_of (1, 49), ==, 0);
}

static void
test_integer (void)
{
  g_autofree char *a = coordena_format_integer (42967);
  g_autofree char *b = coordena_format_integer (999);
  g_autofree char *c = coordena_format_integer (1000000);

  g_assert_cmpstr (a, ==, "42.967");
  g_assert_cmpstr (b, ==, "999");
  g_assert_cmpstr (c, ==, "1.000.000");
}

static void
test_date_extenso (void)
{
  GDate d;
  g_autofree char *first = NULL, *third = NULL, *numeric = NULL;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, G_DATE_DECEMBER, 2025);
  first = coordena_format_date_extenso (&d);
  g_assert_cmpstr (first, ==, "1º de dezembro de 2025");

  g_date_set_dmy (&d, 3, G_DATE_MARCH, 2025);
  third = coordena_format_date_extenso (&d);
  g_assert_cmpstr (third, ==, "3 de março de 2025");
  numeric = coordena_format_date (&d);
  g_assert_cmpstr (numeric, ==, "03/03/2025");

  for (int m = 1; m <= 12; m++)
    {
      const char *name = coordena_month_name (m);
      g_autofree char *lower = g_utf8_strdown (name, -1);
      g_assert_cmpstr (name, ==, lower);
    }
  g_assert_null (coordena_month_name (13));
}

static void
test_date_parse (void)
{
  GDate d;
  g_autoptr(GError) error = NULL;

  g_assert_true (coordena_parse_date ("2025-12-03", &d, &error));
  g_assert_cmpuint (g_date_get_day (&d), ==, 3);
  g_assert_true (coordena_parse_date ("03/12/2025", &d, &error));
  g_assert_cmpuint (g_date_get_month (&d), ==, 12);
  g_assert_false (coordena_parse_date ("2025-02-30", &d, &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_clear_error (&error);
  g_assert_false (coordena_parse_date ("2025-+2-03", &d, &error));
  g_clear_error (&error);
  g_assert_false (coordena_parse_date ("3/12/2025", &d, &error));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/money", test_money_format);
  g_test_add_func ("/format/money-parse", test_money_parse);
  g_test_add_func ("/format/percent-round-half-up", test_percent_round_half_up);
  g_test_add_func ("/format/integer", test_integer);
  g_test_add_func ("/format/date-extenso", test_date_extenso);
  g_test_add_func ("/format/date-parse", test_date_parse);

  return g_test_run ();
}
