/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <coordena/coordena.h>

static void
test_cns_vectors (void)
{
  /* The vectors of DOMAIN.md §8. */
  g_assert_true (coordena_cns_is_valid ("898000000043208"));
  g_assert_true (coordena_cns_is_valid ("144082627260004"));
  g_assert_false (coordena_cns_is_valid ("144082627260005"));
  g_assert_true (coordena_cns_is_valid ("812297346500000"));
}

static void
test_cns_shapes (void)
{
  g_assert_false (coordena_cns_is_valid ("89800000004320"));   /* 14 digits */
  g_assert_false (coordena_cns_is_valid ("8980000000432080")); /* 16 digits */
  g_assert_false (coordena_cns_is_valid ("398000000043208"));  /* first digit 3 */
  g_assert_false (coordena_cns_is_valid ("89800000004320A"));
  g_assert_false (coordena_cns_is_valid (""));
  g_assert_false (coordena_cns_is_valid (NULL));
  g_assert_false (coordena_cns_is_valid ("898000000043209"));
}

static void
test_cns_definitive (void)
{
  /* Definitive CNS (first digit 1 or 2): PIS, then "000" or "001", then the check digit. Each
   * figure below is worked by hand from DOMAIN.md §8. 20000000006: s = 30 + 30 = 60, dv = 6. */
  g_assert_true (coordena_cns_is_valid ("200000000060006"));
  g_assert_false (coordena_cns_is_valid ("200000000060016"));
  /* 10000000001: s = 15 + 5 = 20, dv = 11 − 9 = 2 → "000" + 2. */
  g_assert_true (coordena_cns_is_valid ("100000000010002"));
  /* 10000000000 + digit 4 at position 9 (weight 6): s = 15 + 24 = 39, 39 mod 11 = 6, dv = 5. */
  g_assert_true (coordena_cns_is_valid ("100000000400005"));
  /* 10000000002: s = 15 + 10 = 25, r = 3, dv = 8. */
  g_assert_true (coordena_cns_is_valid ("100000000020008"));
  /* 10000000003: s = 15 + 15 = 30, r = 8, dv = 3. */
  g_assert_true (coordena_cns_is_valid ("100000000030003"));
  /* 10000000000: s = 15, r = 4, dv = 7. */
  g_assert_true (coordena_cns_is_valid ("100000000000007"));
  /* 10000000010: s = 15 + 6 = 21, r = 10, dv = 1. */
  g_assert_true (coordena_cns_is_valid ("100000000100001"));
  /* 10000000009: s = 15 + 45 = 60, r = 5, dv = 6. */
  g_assert_true (coordena_cns_is_valid ("100000000090006"));
  /* 10000000004: s = 15 + 20 = 35, r = 2, dv = 9. */
  g_assert_true (coordena_cns_is_valid ("100000000040009"));
  /* 10000000005: s = 15 + 25 = 40, r = 7, dv = 4. */
  g_assert_true (coordena_cns_is_valid ("100000000050004"));
  /* 10000000008: s = 15 + 40 = 55, r = 0, dv = 11 → 0. */
  g_assert_true (coordena_cns_is_valid ("100000000080000"));
  /* 10000000007: s = 15 + 35 = 50, r = 6, dv = 5. */
  g_assert_true (coordena_cns_is_valid ("100000000070005"));
  /* 10000000006: s = 15 + 30 = 45, r = 1, dv = 10 → s = 47, r = 3, dv = 8, with "001". */
  g_assert_true (coordena_cns_is_valid ("100000000060018"));
  g_assert_false (coordena_cns_is_valid ("100000000060008"));
}

static void
test_cnes_ine (void)
{
  /* 2077485: 2·7+0·6+7·5+7·4+4·3+8·2 = 105, r = 6, dv = 5. */
  g_assert_true (coordena_cnes_check_digit_ok ("2077485"));
  g_assert_false (coordena_cnes_check_digit_ok ("2077484"));
  g_assert_false (coordena_cnes_check_digit_ok ("207748"));
  /* INE: the last seven digits carry the check. */
  g_assert_true (coordena_ine_check_digit_ok ("0002077485"));
  g_assert_false (coordena_ine_check_digit_ok ("0002077486"));
  /* r < 2 gives 0: 1000000 → 7, r = 7, dv 4; 0000000 → r 0, dv 0. */
  g_assert_true (coordena_cnes_check_digit_ok ("0000000"));
}

static void
test_ibge (void)
{
  g_assert_true (coordena_ibge7_check_digit_ok ("2304400"));  /* Fortaleza */
  g_assert_true (coordena_ibge7_check_digit_ok ("3550308"));  /* São Paulo */
  g_assert_false (coordena_ibge7_check_digit_ok ("3550307"));
  /* One of the nine real municipalities that break the rule. */
  g_assert_false (coordena_ibge7_check_digit_ok ("2201919"));
}

static void
test_cnpj (void)
{
  g_assert_true (coordena_cnpj_is_valid ("11222333000181"));
  g_assert_false (coordena_cnpj_is_valid ("11222333000182"));
  g_assert_false (coordena_cnpj_is_valid ("00000000000000"));
  /* The alphanumeric CNPJ of the Receita Federal's published example. */
  g_assert_true (coordena_cnpj_is_valid ("12ABC34501DE35"));
  g_assert_false (coordena_cnpj_is_valid ("12ABC34501DE36"));
}

static void
test_cns_mask (void)
{
  g_autofree char *masked = coordena_cns_mask ("898000000043208");

  g_assert_cmpstr (masked, ==, "898 **** **** 3208");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ids/cns-vectors", test_cns_vectors);
  g_test_add_func ("/ids/cns-shapes", test_cns_shapes);
  g_test_add_func ("/ids/cns-definitive", test_cns_definitive);
  g_test_add_func ("/ids/cnes-ine", test_cnes_ine);
  g_test_add_func ("/ids/ibge", test_ibge);
  g_test_add_func ("/ids/cnpj", test_cnpj);
  g_test_add_func ("/ids/cns-mask", test_cns_mask);

  return g_test_run ();
}
