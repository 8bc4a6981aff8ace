/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/error.h>
#include <coordena/format.h>

static const char *const month_names[12] = {
  "janeiro", "fevereiro", "março", "abril", "maio", "junho",
  "julho", "agosto", "setembro", "outubro", "novembro", "dezembro",
};

const char *
coordena_month_name (int month)
{
  return (month >= 1 && month <= 12) ? month_names[month - 1] : NULL;
}

/* The digits of a magnitude with a dot every three, written backwards from end; returns the first. */
static char *
grouped_digits (guint64 magnitude, char *end)
{
  char *p = end;
  int n = 0;

  do
    {
      if (n > 0 && n % 3 == 0)
        *--p = '.';
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
      n++;
    }
  while (magnitude != 0);
  return p;
}

/* Without printf: a report of thousands of rows formats an amount for each. */
char *
coordena_format_integer (gint64 value)
{
  char buf[40];
  guint64 magnitude = value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;
  char *p = grouped_digits (magnitude, buf + sizeof buf);

  if (value < 0)
    *--p = '-';
  return g_strndup (p, (gsize) (buf + sizeof buf - p));
}

gsize
coordena_format_money_to (gint64 centavos, char buf[COORDENA_MONEY_MAX])
{
  guint64 magnitude = centavos < 0 ? (guint64) (-(centavos + 1)) + 1 : (guint64) centavos;
  char *end = buf + COORDENA_MONEY_MAX - 1;
  char *p;
  gsize len;

  *--end = (char) ('0' + magnitude % 10);
  *--end = (char) ('0' + magnitude / 10 % 10);
  *--end = ',';
  p = grouped_digits (magnitude / 100, end);
  p -= 3;
  memcpy (p, "R$ ", 3);
  if (centavos < 0)
    *--p = '-';
  len = (gsize) (buf + COORDENA_MONEY_MAX - 1 - p);
  memmove (buf, p, len);
  buf[len] = '\0';
  return len;
}

char *
coordena_format_money (gint64 centavos)
{
  char buf[COORDENA_MONEY_MAX];
  gsize len = coordena_format_money_to (centavos, buf);

  return g_strndup (buf, len);
}

gboolean
coordena_parse_money (const char *text, gint64 *centavos, GError **error)
{
  g_autofree char *s = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = s;
  const char *decimal = NULL;
  gboolean negative = FALSE;
  guint64 whole = 0, frac = 0;
  int frac_digits = 0, int_digits = 0;

  if (g_str_has_prefix (p, "R$"))
    {
      p += 2;
      while (*p == ' ')
        p++;
    }
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  /* The decimal separator is the last ',' — or the last '.' when no ',' exists and it is
   * followed by one or two digits only ("16833.33"); every other '.' groups thousands. */
  decimal = strrchr (p, ',');
  if (decimal == NULL)
    {
      const char *dot = strrchr (p, '.');
      if (dot != NULL && strlen (dot + 1) >= 1 && strlen (dot + 1) <= 2 && strchr (p, '.') == dot)
        decimal = dot;
    }

  for (const char *q = p; *q != '\0'; q++)
    {
      if (q == decimal)
        continue;
      if (decimal != NULL && q > decimal)
        {
          if (!g_ascii_isdigit (*q) || ++frac_digits > 2)
            goto bad;
          frac = frac * 10 + (guint64) (*q - '0');
        }
      else if (*q == '.' && (decimal == NULL || q < decimal))
        continue;
      else if (g_ascii_isdigit (*q))
        {
          if (++int_digits > 15)
            goto bad;
          whole = whole * 10 + (guint64) (*q - '0');
        }
      else
        goto bad;
    }
  if (int_digits == 0 && frac_digits == 0)
    goto bad;
  if (frac_digits == 1)
    frac *= 10;

  *centavos = (gint64) (whole * 100 + frac) * (negative ? -1 : 1);
  return TRUE;

bad:
  g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
               _("invalid amount “%s”: write it as 16.833,33 or 16833.33"), s);
  return FALSE;
}

gint64
coordena_percent_of (gint64 base_centavos, int percent)
{
  g_return_val_if_fail (base_centavos >= 0 && percent >= 0, 0);
  return (base_centavos * percent + 50) / 100;
}

char *
coordena_format_date (const GDate *date)
{
  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

char *
coordena_format_date_extenso (const GDate *date)
{
  guint day = g_date_get_day (date);

  return g_strdup_printf ("%u%s de %s de %u", day, day == 1 ? "º" : "",
                          coordena_month_name (g_date_get_month (date)), g_date_get_year (date));
}

/* Ten characters: digits everywhere but the separator at positions a and b. */
static gboolean
digits_with_separators (const char *s, gsize a, gsize b, char sep)
{
  if (strlen (s) != 10)
    return FALSE;
  for (gsize i = 0; i < 10; i++)
    if ((i == a || i == b) ? s[i] != sep : !g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

gboolean
coordena_parse_date (const char *text, GDate *date, GError **error)
{
  g_autofree char *s = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint d = 0, m = 0, y = 0;
  char tail;

  if (digits_with_separators (s, 4, 7, '-') &&
      sscanf (s, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3)
    ;
  else if (digits_with_separators (s, 2, 5, '/') &&
           sscanf (s, "%2u/%2u/%4u%c", &d, &m, &y, &tail) == 3)
    ;
  else
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("invalid date “%s”: write it as AAAA-MM-DD or DD/MM/AAAA"), s);
      return FALSE;
    }

  if (y < 1900 || y > 2199 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("invalid date “%s”: that day does not exist"), s);
      return FALSE;
    }
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

char *
coordena_format_money_or_dash (gint64 centavos)
{
  return centavos < 0 ? g_strdup ("—") : coordena_format_money (centavos);
}

char *
coordena_format_money_compact (gint64 centavos)
{
  gint64 reais = centavos / 100;

  if (reais >= 1000000)
    {
      gint64 tenths = (reais + 50000) / 100000;

      return tenths % 10 == 0 ? g_strdup_printf ("R$ %" G_GINT64_FORMAT " mi", tenths / 10)
                              : g_strdup_printf ("R$ %" G_GINT64_FORMAT ",%" G_GINT64_FORMAT " mi", tenths / 10, tenths % 10);
    }
  if (reais >= 1000)
    return g_strdup_printf ("R$ %" G_GINT64_FORMAT " mil", reais / 1000);
  return g_strdup_printf ("R$ %" G_GINT64_FORMAT, reais);
}

char *
coordena_format_percent (int percent)
{
  return g_strdup_printf ("%d %%", percent);
}

char *
coordena_format_money_or_empty (gint64 centavos)
{
  return centavos < 0 ? g_strdup ("") : coordena_format_money (centavos);
}

gboolean
coordena_text_is_hidden_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e)
         || (c >= 0x2066 && c <= 0x2069);
}

gboolean
coordena_text_check_plain (const char *what, const char *value, GError **error)
{
  glong position = 1;

  if (value == NULL)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("%s is not valid UTF-8"), what);
      return FALSE;
    }
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p), position++)
    {
      gunichar c = g_utf8_get_char (p);

      if (coordena_text_is_hidden_control (c))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("%s has a control character (U+%04X, such as a line break, an escape or a direction "
                         "override) at position %ld: write it as one line of plain text"),
                       what, c, position);
          return FALSE;
        }
    }
  return TRUE;
}

char *
coordena_text_printable (const char *text)
{
  GString *out;
  const char *p = text, *end;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  end = text + strlen (text);
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (out, "\xef\xbf\xbd");
          p++;
          continue;
        }
      if (coordena_text_is_hidden_control (c))
        g_string_append (out, "\xef\xbf\xbd");
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

char *
coordena_format_city_without_uf (const char *city)
{
  char *out = g_strstrip (g_strdup (city != NULL ? city : ""));
  gsize len = strlen (out);

  if (len > 3 && g_ascii_isupper (out[len - 1]) && g_ascii_isupper (out[len - 2])
      && (out[len - 3] == '/' || out[len - 3] == '-' || out[len - 3] == ' '))
    {
      out[len - 3] = '\0';
      g_strstrip (out);
      len = strlen (out);
      while (len > 0 && (out[len - 1] == '-' || out[len - 1] == '/' || out[len - 1] == ','))
        out[--len] = '\0';
      g_strstrip (out);
    }
  return out;
}
