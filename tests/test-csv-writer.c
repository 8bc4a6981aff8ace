/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CSV cell writer every export uses: quoting, and formulas a spreadsheet would run made inert
 * with an apostrophe the reader drops again. */
#include "config.h"

#include <locale.h>

#include <coordena/coordena.h>
#include <coordena/csv-writer.h>

static char *
cells (const char *const *texts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; texts[i] != NULL; i++)
    coordena_csv_append_cell (out, texts[i], ';', texts[i + 1] != NULL ? ';' : '\n');
  return g_string_free (out, FALSE);
}

static void
test_formulas (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "=1+2", "'=1+2" },
    { "=HYPERLINK(\"http://x\";\"ok\")", "\"'=HYPERLINK(\"\"http://x\"\";\"\"ok\"\")\"" },
    { "+55 51 3288-5800", "'+55 51 3288-5800" },
    { "-2+3", "'-2+3" },
    { "@SUM(A1:A9)", "'@SUM(A1:A9)" },
    { "\tcmd", "'\tcmd" },
    { "\r=1", "\"'\r=1\"" },
    { "-", "'-" },
    { "Ana Souza", "Ana Souza" },
    { "a=b", "a=b" },
    { "-40", "-40" },
    { "+1.234,56", "+1.234,56" },
    { "-0.5", "-0.5" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      coordena_csv_append_cell (out, cases[i].in, ';', 0);
      g_assert_cmpstr (out->str, ==, cases[i].out);
      /* What a reader unquotes is given back unchanged by unguard. */
      if (coordena_csv_is_formula (cases[i].in))
        {
          g_autofree char *guarded = g_strconcat ("'", cases[i].in, NULL);
          g_assert_cmpstr (coordena_csv_unguard (guarded), ==, cases[i].in);
        }
      g_assert_cmpstr (coordena_csv_unguard (cases[i].in), ==, cases[i].in);
    }
  g_assert_cmpstr (coordena_csv_unguard ("'texto"), ==, "'texto");
  g_assert_cmpstr (coordena_csv_unguard ("'-40"), ==, "'-40");
}

static void
test_quoting (void)
{
  g_autofree char *line = cells ((const char *const[]) { "a;b", "diz \"oi\"", "duas\nlinhas", NULL, "fim", NULL });

  /* NULL ends the list here: one cell less. */
  g_assert_cmpstr (line, ==, "\"a;b\";\"diz \"\"oi\"\"\";\"duas\nlinhas\"\n");
  {
    g_autoptr(GString) out = g_string_new (NULL);

    coordena_csv_append_cell (out, NULL, ',', ',');
    coordena_csv_append_cell (out, "x,y", ',', '\n');
    g_assert_cmpstr (out->str, ==, ",\"x,y\"\n");
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv-writer/formulas", test_formulas);
  g_test_add_func ("/csv-writer/quoting", test_quoting);
  return g_test_run ();
}
