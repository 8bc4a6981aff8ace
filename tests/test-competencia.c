/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <coordena/coordena.h>

static void
test_parse_aaaamm (void)
{
  CoordenaCompetencia c = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (coordena_competencia_parse ("202512", &c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c, ==, 202512);

  g_assert_true (coordena_competencia_parse (" 12/2025 ", &c, &error));
  g_assert_cmpuint (c, ==, 202512);
}

static void
test_parse_refuses (void)
{
  static const char *bad[] = { "202513", "202500", "20251", "2025-12", "abcdef", "", "198912", "2025123" };
  CoordenaCompetencia c = 7;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (coordena_competencia_parse (bad[i], &c, &error));
      g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
  g_assert_cmpuint (c, ==, 7);
}

static void
test_thirteenth_month_names_month (void)
{
  CoordenaCompetencia c;
  g_autoptr(GError) error = NULL;

  g_assert_false (coordena_competencia_parse ("202513", &c, &error));
  g_assert_nonnull (strstr (error->message, "13"));
}

static void
test_arithmetic (void)
{
  g_assert_cmpuint (coordena_competencia_add (202512, 1), ==, 202601);
  g_assert_cmpuint (coordena_competencia_add (202601, -1), ==, 202512);
  g_assert_cmpuint (coordena_competencia_add (202401, 24), ==, 202601);
  g_assert_cmpuint (coordena_competencia_add (202403, -15), ==, 202212);
  g_assert_cmpint (coordena_competencia_diff (202601, 202512), ==, 1);
  g_assert_cmpint (coordena_competencia_diff (202001, 202512), ==, -71);
  g_assert_cmpuint (coordena_competencia_from_index (coordena_competencia_to_index (203007)), ==, 203007);
}

static void
test_format_and_bounds (void)
{
  g_autofree char *s = coordena_competencia_format (202503);
  GDate first, last;

  g_assert_cmpstr (s, ==, "03/2025");
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  coordena_competencia_bounds (202402, &first, &last);
  g_assert_cmpuint (g_date_get_day (&first), ==, 1);
  g_assert_cmpuint (g_date_get_day (&last), ==, 29);
  coordena_competencia_bounds (202502, NULL, &last);
  g_assert_cmpuint (g_date_get_day (&last), ==, 28);
  g_assert_cmpuint (coordena_competencia_from_date (&last), ==, 202502);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/competencia/parse", test_parse_aaaamm);
  g_test_add_func ("/competencia/parse-refuses", test_parse_refuses);
  g_test_add_func ("/competencia/thirteenth-month", test_thirteenth_month_names_month);
  g_test_add_func ("/competencia/arithmetic", test_arithmetic);
  g_test_add_func ("/competencia/format-and-bounds", test_format_and_bounds);

  return g_test_run ();
}
