/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <coordena/ids.h>

gboolean
coordena_is_digits (const char *text, gsize n)
{
  if (text == NULL || strlen (text) != n)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static int
digit (const char *s, gsize i)
{
  return s[i] - '0';
}

gboolean
coordena_cns_is_valid (const char *cns)
{
  int sum = 0;

  if (!coordena_is_digits (cns, 15))
    return FALSE;

  switch (cns[0])
    {
    case '1':
    case '2':
      {
        char expected[16];
        int dv;

        for (gsize i = 0; i < 11; i++)
          sum += digit (cns, i) * (int) (15 - i);
        dv = 11 - sum % 11;
        if (dv == 11)
          dv = 0;
        memcpy (expected, cns, 11);
        if (dv == 10)
          {
            sum += 2;
            dv = 11 - sum % 11;
            g_snprintf (expected + 11, 5, "001%d", dv);
          }
        else
          g_snprintf (expected + 11, 5, "000%d", dv);
        return memcmp (expected, cns, 15) == 0;
      }
    case '7':
    case '8':
    case '9':
      for (gsize i = 0; i < 15; i++)
        sum += digit (cns, i) * (int) (15 - i);
      return sum % 11 == 0;
    default:
      return FALSE;
    }
}

/* The six digits before the check digit, weights 7..2; dv = 0 if r < 2 else 11 − r. */
static gboolean
mod11_7to2_ok (const char *six_then_dv)
{
  int sum = 0, r, dv;

  for (gsize i = 0; i < 6; i++)
    sum += digit (six_then_dv, i) * (int) (7 - i);
  r = sum % 11;
  dv = r < 2 ? 0 : 11 - r;
  return dv == digit (six_then_dv, 6);
}

gboolean
coordena_cnes_check_digit_ok (const char *cnes)
{
  return coordena_is_digits (cnes, 7) && mod11_7to2_ok (cnes);
}

gboolean
coordena_ine_check_digit_ok (const char *ine)
{
  return coordena_is_digits (ine, 10) && mod11_7to2_ok (ine + 3);
}

gboolean
coordena_ibge7_check_digit_ok (const char *ibge7)
{
  static const int weights[6] = { 1, 2, 1, 2, 1, 2 };
  int sum = 0, dv;

  if (!coordena_is_digits (ibge7, 7))
    return FALSE;
  for (gsize i = 0; i < 6; i++)
    {
      int p = digit (ibge7, i) * weights[i];
      sum += p / 10 + p % 10;
    }
  dv = (10 - sum % 10) % 10;
  return dv == digit (ibge7, 6);
}

static int
cnpj_value (char ch)
{
  return g_ascii_toupper (ch) - '0';
}

static int
cnpj_dv (const char *s, gsize n)
{
  int sum = 0, weight = (int) n - 7, r;

  for (gsize i = 0; i < n; i++)
    {
      if (weight < 2)
        weight = 9;
      sum += cnpj_value (s[i]) * weight--;
    }
  r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

gboolean
coordena_cnpj_is_valid (const char *cnpj)
{
  gboolean all_same = TRUE;

  if (cnpj == NULL || strlen (cnpj) != 14)
    return FALSE;
  for (gsize i = 0; i < 12; i++)
    if (!g_ascii_isdigit (cnpj[i]) && !g_ascii_isupper (cnpj[i]))
      return FALSE;
  if (!g_ascii_isdigit (cnpj[12]) || !g_ascii_isdigit (cnpj[13]))
    return FALSE;
  for (gsize i = 1; i < 14; i++)
    if (cnpj[i] != cnpj[0])
      all_same = FALSE;
  if (all_same)
    return FALSE;

  return cnpj_dv (cnpj, 12) == digit (cnpj, 12) && cnpj_dv (cnpj, 13) == digit (cnpj, 13);
}

char *
coordena_cns_mask (const char *cns)
{
  if (!coordena_is_digits (cns, 15))
    return g_strdup ("*** **** **** ****");
  return g_strdup_printf ("%.3s **** **** %.4s", cns, cns + 11);
}
