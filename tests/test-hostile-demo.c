/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demonstration data apart from real data, through the real coordena-cli: an import into a
 * database made with `init --demo` is refused (exit 1, a Portuguese message saying what to do)
 * and leaves every table as it was. Also the CLI's rough edges a new user met: `import cnes`
 * takes the state from the database, `info` lines up its values whatever the accents, and
 * `audit` shows the secretariat's local time. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include <coordena/coordena.h>

#include "test-utils.h"


static char *tmp_dir;

/* Runs coordena-cli --db DB ARGS…; today may inject another moment (NULL: the suite's day). */
static void
run_cli_at (Run *r, const char *today, const char *db, ...)
{
  const char *const env[] = { today != NULL ? "COORDENA_TODAY" : NULL, today, NULL };
  va_list args;

  va_start (args, db);
  run_cli_valist (r, &(RunOptions) { .db = db, .env = env }, args);
  va_end (args);
}

#define cli(r, ...) run_cli_at (r, NULL, __VA_ARGS__)

static char *
new_db (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static const char *
fixture_base (void)
{
  return g_test_get_filename (G_TEST_DIST, "fixtures", "cnes", "base", NULL);
}

/* Every row of every table, in order: equal snapshots mean an unchanged database. */
static char *
snapshot (const char *db)
{
  static const char *const tables[] = {
    "profile", "municipio", "estabelecimento", "equipe", "profissional", "equipe_competencia", "vinculo",
    "cenario", "auditoria",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *conn = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db, &conn, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (conn, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "[%s]\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const unsigned char *text = sqlite3_column_text (stmt, c);

              g_string_append_printf (out, "%s|", text != NULL ? (const char *) text : "∅");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (conn);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_has (const char *text, const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, text);
}

static void
test_import_into_demo_refused (void)
{
  g_autofree char *db = new_db ("demo-se.db");
  g_autofree char *csv = new_db ("real.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) init = { 0 };
  g_auto(Run) cnes = { 0 };
  g_auto(Run) roster = { 0 };
  g_auto(Run) teams = { 0 };
  g_autoptr(GError) error = NULL;

  cli (&init, db, "init", "--uf", "RS", "--demo", NULL);
  g_assert_cmpint (init.status, ==, 0);
  before = snapshot (db);
  assert_has (before, "DEMO ESF");

  /* The real CNES base of the same state: before the fix it landed beside the generated teams. */
  cli (&cnes, db, "import", "cnes", fixture_base (), "--competencia", "202508", NULL);
  g_assert_cmpint (cnes.status, ==, 1);
  assert_has (cnes.err, "contém dados de demonstração");
  assert_has (cnes.err, "nada foi importado");
  assert_has (cnes.err, "crie um banco de dados novo");
  assert_has (cnes.err, "saia da demonstração");
  g_assert_cmpstr (cnes.out, ==, "");

  g_assert_true (g_file_set_contents (csv,
                                      "competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria\n"
                                      "202508;4314902;2000016;0001111116;eSF;700000000000102;Zélia Quaresma Real;225142;40\n",
                                      -1, &error));
  g_assert_no_error (error);
  cli (&roster, db, "import", "roster", csv, NULL);
  g_assert_cmpint (roster.status, ==, 1);
  assert_has (roster.err, "contém dados de demonstração");
  assert_has (roster.err, "saia da demonstração");

  after = snapshot (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (strstr (after, "Zélia Quaresma Real"));
  g_assert_null (strstr (after, "import-cnes"));

  /* Still a demonstration, still marked as one. */
  cli (&teams, db, "teams", NULL);
  g_assert_cmpint (teams.status, ==, 0);
  assert_has (teams.err, "DADOS DE DEMONSTRAÇÃO");
}

/* `init --demo` without --db: the demonstration goes in its own file, not the default database. */
static void
test_init_demo_apart_from_default (void)
{
  g_autofree char *xdg = new_db ("xdg");
  g_autofree char *default_db = g_build_filename (xdg, "coordena", "coordena.db", NULL);
  g_autofree char *demo_db = g_build_filename (xdg, "coordena", "demonstracao-se.db", NULL);
  const char *argv[] = { g_getenv ("COORDENA_CLI"), "init", "--uf", "SE", "--demo", NULL };
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                                     | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(Run) list = { 0 };

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", xdg, TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  assert_has (out, demo_db);
  assert_has (out, "--db");
  g_assert_false (g_file_test (default_db, G_FILE_TEST_EXISTS));

  cli (&list, demo_db, "teams", NULL);
  g_assert_cmpint (list.status, ==, 0);
  assert_has (list.out, "DEMO ESF");
}

static void
test_import_into_real_database_still_works (void)
{
  g_autofree char *db = new_db ("real-rs.db");
  g_auto(Run) init = { 0 };
  g_auto(Run) imp = { 0 };

  cli (&init, db, "init", "--uf", "RS", NULL);
  g_assert_cmpint (init.status, ==, 0);
  /* No --uf: the database knows its state. */
  cli (&imp, db, "import", "cnes", fixture_base (), "--competencia", "202508", NULL);
  g_assert_cmpint (imp.status, ==, 0);
  assert_has (imp.out, "Equipes: 4");
}

static void
test_import_cnes_uf_from_database (void)
{
  g_autofree char *db = new_db ("uf-rs.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) init = { 0 };
  g_auto(Run) same = { 0 };
  g_auto(Run) other = { 0 };
  g_auto(Run) lower = { 0 };

  cli (&init, db, "init", "--uf", "RS", NULL);
  g_assert_cmpint (init.status, ==, 0);

  /* Another state than the database's is refused, with what to do, and nothing changes. */
  before = snapshot (db);
  cli (&other, db, "import", "cnes", fixture_base (), "--uf", "SP", "--competencia", "202508", NULL);
  g_assert_cmpint (other.status, ==, 1);
  assert_has (other.err, "acompanha RS, não SP");
  assert_has (other.err, "omita --uf");
  after = snapshot (db);
  g_assert_cmpstr (after, ==, before);

  /* The same state, given in any case, is accepted. */
  cli (&lower, db, "import", "cnes", fixture_base (), "--uf", "rs", "--competencia", "202508", NULL);
  g_assert_cmpint (lower.status, ==, 0);
  cli (&same, db, "import", "cnes", fixture_base (), "--uf", "RS", "--competencia", "202506", NULL);
  g_assert_cmpint (same.status, ==, 0);
  assert_has (same.out, "Competências: 06/2025");
}

/* The column where a line's value starts, counted in characters. */
static glong
value_column (const char *line)
{
  const char *colon = strchr (line, ':');
  const char *p;

  g_assert_nonnull (colon);
  for (p = colon + 1; *p == ' '; p++)
    ;
  return g_utf8_pointer_to_offset (line, p);
}

static void
test_info_aligned (void)
{
  g_autofree char *db = new_db ("info.db");
  g_auto(Run) info = { 0 };
  g_auto(GStrv) lines = NULL;
  glong column = -1;
  guint n = 0;

  cli (&info, db, "info", NULL);
  g_assert_cmpint (info.status, ==, 0);
  /* Labels with accents ("Versão:", "Dados do usuário:") are where byte padding went wrong. */
  assert_has (info.out, "Versão:");
  assert_has (info.out, "Dados do usuário:");
  lines = g_strsplit (info.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      if (column < 0)
        column = value_column (lines[i]);
      g_assert_cmpint (value_column (lines[i]), ==, column);
      n++;
    }
  g_assert_cmpuint (n, ==, 4);
}

static void
test_audit_local_time (void)
{
  g_autofree char *db = new_db ("audit.db");
  g_auto(Run) init = { 0 };
  g_auto(Run) set = { 0 };
  g_auto(Run) all = { 0 };
  g_auto(Run) on_sixth = { 0 };
  g_auto(Run) on_seventh = { 0 };

  cli (&init, db, "init", "--uf", "SE", NULL);
  g_assert_cmpint (init.status, ==, 0);
  /* 23:30 in Aracaju (UTC−3) is 02:30 of the next day in UTC. */
  run_cli_at (&set, "2026-12-06T23:30:00", db, "profile", "set", "cidade", "Aracaju", NULL);
  g_assert_cmpint (set.status, ==, 0);

  cli (&all, db, "audit", NULL);
  g_assert_cmpint (all.status, ==, 0);
  assert_has (all.out, "America/Sao_Paulo");
  assert_has (all.out, "06/12/2026 23:30:00");
  g_assert_null (strstr (all.out, "2026-12-07T02:30:00Z"));
  g_assert_null (strstr (all.out, "UTC"));

  /* --since is a day of the local calendar too. */
  cli (&on_sixth, db, "audit", "--since", "2026-12-06", NULL);
  g_assert_cmpint (on_sixth.status, ==, 0);
  assert_has (on_sixth.out, "cidade");
  cli (&on_seventh, db, "audit", "--since", "2026-12-07", NULL);
  g_assert_cmpint (on_seventh.status, ==, 0);
  g_assert_null (strstr (on_seventh.out, "cidade"));
  assert_has (on_seventh.out, "não tem entradas");
}


int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("coordena-hostile-demo-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/hostile-demo/import-into-demo-refused", test_import_into_demo_refused);
  g_test_add_func ("/hostile-demo/import-into-real-database-works", test_import_into_real_database_still_works);
  g_test_add_func ("/hostile-demo/init-demo-apart-from-default", test_init_demo_apart_from_default);
  g_test_add_func ("/hostile-demo/import-cnes-uf-from-database", test_import_cnes_uf_from_database);
  g_test_add_func ("/hostile-demo/info-aligned", test_info_aligned);
  g_test_add_func ("/hostile-demo/audit-local-time", test_audit_local_time);
  status = g_test_run ();

  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
