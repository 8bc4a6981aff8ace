/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/competencia.h>
#include <coordena/error.h>

gboolean
coordena_competencia_is_valid (CoordenaCompetencia c)
{
  guint year = c / 100, month = c % 100;

  return year >= COORDENA_COMPETENCIA_MIN_YEAR && year <= COORDENA_COMPETENCIA_MAX_YEAR &&
         month >= 1 && month <= 12;
}

static gboolean
all_digits (const char *s, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

gboolean
coordena_competencia_parse (const char          *text,
                            CoordenaCompetencia *out,
                            GError             **error)
{
  g_autofree char *s = NULL;
  guint value = 0;
  gsize len;

  g_return_val_if_fail (out != NULL, FALSE);

  s = g_strstrip (g_strdup (text != NULL ? text : ""));
  len = strlen (s);

  if (len == 6 && all_digits (s, 6))
    value = (guint) g_ascii_strtoull (s, NULL, 10);
  else if (len == 7 && s[2] == '/' && all_digits (s, 2) && all_digits (s + 3, 4))
    value = (guint) (g_ascii_strtoull (s + 3, NULL, 10) * 100 + g_ascii_strtoull (s, NULL, 10));
  else
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("invalid competência “%s”: expected AAAAMM (year and month, e.g. 202512)"), s);
      return FALSE;
    }

  if (!coordena_competencia_is_valid (value))
    {
      if (value % 100 < 1 || value % 100 > 12)
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                     _("invalid competência “%s”: month %02u does not exist"), s, value % 100);
      else
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                     _("invalid competência “%s”: year outside %d–%d"), s,
                     COORDENA_COMPETENCIA_MIN_YEAR, COORDENA_COMPETENCIA_MAX_YEAR);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

int
coordena_competencia_to_index (CoordenaCompetencia c)
{
  return (int) (c / 100) * 12 + (int) (c % 100) - 1;
}

CoordenaCompetencia
coordena_competencia_from_index (int index)
{
  g_return_val_if_fail (index >= 0, 0);
  return (CoordenaCompetencia) ((index / 12) * 100 + index % 12 + 1);
}

CoordenaCompetencia
coordena_competencia_add (CoordenaCompetencia c, int n)
{
  return coordena_competencia_from_index (coordena_competencia_to_index (c) + n);
}

int
coordena_competencia_diff (CoordenaCompetencia a, CoordenaCompetencia b)
{
  return coordena_competencia_to_index (a) - coordena_competencia_to_index (b);
}

char *
coordena_competencia_format (CoordenaCompetencia c)
{
  return g_strdup_printf ("%02u/%04u", c % 100, c / 100);
}

CoordenaCompetencia
coordena_competencia_from_date (const GDate *date)
{
  return (CoordenaCompetencia) (g_date_get_year (date) * 100 + g_date_get_month (date));
}

void
coordena_competencia_bounds (CoordenaCompetencia c, GDate *first, GDate *last)
{
  GDateYear year = (GDateYear) (c / 100);
  GDateMonth month = (GDateMonth) (c % 100);

  if (first != NULL)
    g_date_set_dmy (first, 1, month, year);
  if (last != NULL)
    g_date_set_dmy (last, g_date_get_days_in_month (month, year), month, year);
}
