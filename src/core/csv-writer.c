/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv-writer.c — one CSV cell, quoted and with formulas neutralised (csv-writer.h). */
#include "config.h"

#include <string.h>

#include <coordena/csv-writer.h>

static gboolean
starts_formula (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* "-40", "+1.234,56", "-0.5": an optional sign, then digits with . or , between them. */
static gboolean
is_plain_number (const char *text)
{
  const char *p = text;
  gboolean digit = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if ((*p == '.' || *p == ',') && digit && g_ascii_isdigit (p[1]))
        continue;
      else
        return FALSE;
    }
  return digit;
}

gboolean
coordena_csv_is_formula (const char *text)
{
  return text != NULL && starts_formula (text[0]) && !is_plain_number (text);
}

void
coordena_csv_append_cell (GString *out, const char *text, char separator, char terminator)
{
  gboolean quote = FALSE;
  gsize len = 0;

  text = text != NULL ? text : "";
  separator = separator != 0 ? separator : ';';
  /* One pass finds both the length and whether the cell needs quotes. */
  for (; text[len] != '\0'; len++)
    quote = quote || text[len] == separator || text[len] == '"' || text[len] == '\r' || text[len] == '\n';
  if (quote)
    g_string_append_c (out, '"');
  if (coordena_csv_is_formula (text))
    g_string_append_c (out, '\'');
  if (!quote)
    g_string_append_len (out, text, (gssize) len);
  else
    for (const char *p = text; *p != '\0'; p++)
      {
        if (*p == '"')
          g_string_append_c (out, '"');
        g_string_append_c (out, *p);
      }
  if (quote)
    g_string_append_c (out, '"');
  if (terminator != 0)
    g_string_append_c (out, terminator);
}

const char *
coordena_csv_unguard (const char *text)
{
  if (text != NULL && text[0] == '\'' && coordena_csv_is_formula (text + 1))
    return text + 1;
  return text;
}

GString *
coordena_csv_sheet_new (const char *const *header, guint n_columns)
{
  GString *out = g_string_new (COORDENA_CSV_BOM);

  coordena_csv_append_row (out, header, n_columns);
  return out;
}

void
coordena_csv_append_row (GString *out, const char *const *cells, guint n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    coordena_csv_append_cell (out, cells[i], ';', i + 1 < n_cells ? ';' : 0);
  g_string_append (out, "\r\n");
}

char *
coordena_csv_money (gint64 centavos)
{
  guint64 abs;

  if (centavos == G_MININT64)
    return g_strdup ("");
  abs = (guint64) (centavos < 0 ? -centavos : centavos);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ",%02u", centavos < 0 ? "-" : "", abs / 100, (guint) (abs % 100));
}
