/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store through the real coordena-cli, in Portuguese: init, imports, teams, exports, audit,
 * backup and restore, the refusals and their exit codes; and crash safety: an import killed
 * (SIGKILL) at random moments leaves a sound database where each competência is whole or absent. */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include <coordena/coordena.h>

#include "cnes-synth.h"

#include "store-sql.h"
#include "test-pg.h"
#include "test-utils.h"


static char *tmp_dir;

/* Runs coordena-cli --db DB with the arguments (NULL-terminated). */
static void
cli (Run *r, const char *db, ...)
{
  va_list args;

  va_start (args, db);
  run_cli_valist (r, &(RunOptions) { .db = db }, args);
  va_end (args);
}

static char *
new_db (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* A new database: a file in the SQLite run, a database of its own on the server in the PostgreSQL
 * run. Copies, exports and PDFs stay files (new_db). */
static char *
new_store (const char *name)
{
  if (test_pg_run ())
    return test_pg_new_database (name);
  return new_db (name);
}

/* For the tests about the SQLite file itself (its bytes, its journal, a second connection). */
static gboolean
skip_on_server (void)
{
  if (!test_pg_run ())
    return FALSE;
  g_test_skip ("this test reads and writes the SQLite file itself; a server has no such file");
  return TRUE;
}

static const char *
fixture_base (void)
{
  return g_test_get_filename (G_TEST_DIST, "fixtures", "cnes", "base", NULL);
}

static void
test_init_and_import (void)
{
  g_autofree char *db = NULL;
  g_auto(Run) init = { 0 };
  g_auto(Run) imp = { 0 };
  g_auto(Run) table = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) csv = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  if (test_pg_skip_without_server ())
    return;
  db = new_store ("cli-a.db");
  cli (&init, db, "init", "--uf", "RS", NULL);
  g_assert_cmpint (init.status, ==, 0);
  g_assert_nonnull (strstr (init.out, "pronto para RS"));

  cli (&imp, db, "import", "cnes", fixture_base (), "--uf", "RS", "--competencia", "202506",
           "--competencia", "08/2025", NULL);
  g_assert_cmpint (imp.status, ==, 0);
  g_assert_nonnull (strstr (imp.out, "Competências: 06/2025, 08/2025"));
  g_assert_nonnull (strstr (imp.out, "Equipes: 4 (8 equipes-competência)"));
  g_assert_nonnull (strstr (imp.out, "Linhas ignoradas: 2"));
  g_assert_nonnull (strstr (imp.out, "sem carga horária"));

  cli (&table, db, "teams", "--municipio", "430460", NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "Município"));
  g_assert_nonnull (strstr (table.out, "ESB Centro"));
  g_assert_null (strstr (table.out, "Porto Alegre"));
  g_assert_nonnull (strstr (table.out, "1 equipe\n"));

  cli (&json, db, "teams", "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_false (json_object_get_boolean_member (root, "demonstracao"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "equipes")), ==, 4);

  cli (&csv, db, "teams", "--format", "csv", NULL);
  g_assert_true (g_str_has_prefix (csv.out, "ine;cnes;ibge;municipio;tipo;nome;"));
  g_assert_nonnull (strstr (csv.out, "\"ESF Vila São José; Área 2\""));
}

static void
test_refusals (void)
{
  g_autofree char *db = NULL;
  g_autofree char *missing = NULL;
  g_auto(Run) no_uf = { 0 };
  g_auto(Run) no_db = { 0 };
  g_auto(Run) init = { 0 };
  g_auto(Run) wrong_uf = { 0 };
  g_auto(Run) no_comp = { 0 };
  g_auto(Run) bad_comp = { 0 };
  g_auto(Run) what = { 0 };
  g_auto(Run) bad_format = { 0 };

  if (test_pg_skip_without_server ())
    return;
  db = new_store ("cli-b.db");
  missing = test_pg_run () ? test_pg_missing_database () : new_db ("nao-existe.db");
  cli (&no_uf, db, "init", NULL);
  g_assert_cmpint (no_uf.status, ==, 2);
  g_assert_nonnull (strstr (no_uf.err, "--uf"));

  cli (&no_db, missing, "teams", NULL);
  g_assert_cmpint (no_db.status, ==, 1);
  if (test_pg_run ())
    {
      /* In Portuguese first, the library's English after, and nothing created on the server. */
      g_assert_true (g_str_has_prefix (no_db.err, "coordena-cli: Não foi possível conectar ao servidor"));
      g_assert_nonnull (strstr (no_db.err, "PostgreSQL:"));
    }
  else
    {
      g_assert_nonnull (strstr (no_db.err, "Não há banco de dados"));
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    }

  cli (&init, db, "init", "--uf", "RS", NULL);
  cli (&wrong_uf, db, "import", "cnes", fixture_base (), "--uf", "SC", "--competencia", "202508", NULL);
  g_assert_cmpint (wrong_uf.status, ==, 1);
  g_assert_nonnull (strstr (wrong_uf.err, "acompanha RS, não SC"));

  cli (&no_comp, db, "import", "cnes", fixture_base (), "--uf", "RS", NULL);
  g_assert_cmpint (no_comp.status, ==, 2);
  cli (&bad_comp, db, "import", "cnes", fixture_base (), "--uf", "RS", "--competencia", "202513", NULL);
  g_assert_cmpint (bad_comp.status, ==, 2);
  cli (&what, db, "import", "planilha", NULL);
  g_assert_cmpint (what.status, ==, 2);
  g_assert_nonnull (strstr (what.err, "roster ou cnes"));
  cli (&bad_format, db, "teams", "--format", "xml", NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
}

static void
test_export_backup_restore_audit (void)
{
  g_autofree char *db = NULL;
  g_autofree char *roster = new_db ("cadastro.csv");
  g_autofree char *teams = new_db ("equipes.csv");
  g_autofree char *copy = new_db ("copia.db");
  g_auto(Run) init = { 0 };
  g_auto(Run) imp = { 0 };
  g_auto(Run) exp1 = { 0 };
  g_auto(Run) exp2 = { 0 };
  g_auto(Run) backup = { 0 };
  g_auto(Run) reimport = { 0 };
  g_auto(Run) restore = { 0 };
  g_auto(Run) audit = { 0 };
  g_auto(Run) later = { 0 };
  g_auto(Run) bad_since = { 0 };
  g_autofree char *text = NULL;
  GStatBuf st;

  if (test_pg_skip_without_server ())
    return;
  db = new_store ("cli-c.db");
  cli (&init, db, "init", "--uf", "RS", NULL);
  cli (&imp, db, "import", "cnes", fixture_base (), "--uf", "RS", "--competencia", "202508", NULL);
  g_assert_cmpint (imp.status, ==, 0);

  cli (&exp1, db, "export", "roster", roster, NULL);
  g_assert_cmpint (exp1.status, ==, 0);
  g_assert_cmpint (g_stat (roster, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  cli (&exp2, db, "export", "equipes", teams, NULL);
  g_assert_cmpint (exp2.status, ==, 0);
  g_assert_true (g_file_get_contents (teams, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Última competência"));

  cli (&backup, db, "backup", copy, NULL);
  g_assert_cmpint (backup.status, ==, 0);
  g_assert_nonnull (strstr (backup.out, "Cópia de segurança gravada"));
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A roster CSV import on top, then back to the copy. */
  cli (&reimport, db, "import", "roster", roster, NULL);
  g_assert_cmpint (reimport.status, ==, 0);
  g_assert_nonnull (strstr (reimport.out, "Vínculos: 11"));
  cli (&restore, db, "restore", copy, NULL);
  g_assert_cmpint (restore.status, ==, 0);
  g_assert_nonnull (strstr (restore.out, "restaurado"));

  cli (&audit, db, "audit", "--since", "2000-01-01", NULL);
  g_assert_cmpint (audit.status, ==, 0);
  g_assert_nonnull (strstr (audit.out, "Usuário"));
  g_assert_nonnull (strstr (audit.out, "import-cnes"));
  g_assert_nonnull (strstr (audit.out, "restore"));
  g_assert_nonnull (strstr (audit.out, g_get_user_name ()));
  /* The copy was taken before the roster import: restored, that import is gone from the log too,
   * and the restore itself is the last line of it. */
  g_assert_null (strstr (audit.out, "import-roster"));

  cli (&later, db, "audit", "--since", "2098-01-01", NULL);
  g_assert_nonnull (strstr (later.out, "não tem entradas"));
  cli (&bad_since, db, "audit", "--since", "ontem", NULL);
  g_assert_cmpint (bad_since.status, ==, 2);
}

static void
test_damaged_database (void)
{
  g_autofree char *db = new_db ("cli-d.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) init = { 0 };
  g_auto(Run) teams = { 0 };
  gsize length;

  if (skip_on_server ())
    return;
  cli (&init, db, "init", "--uf", "SE", "--demo", NULL);
  g_assert_cmpint (init.status, ==, 0);
  g_assert_true (g_file_get_contents (db, &before, &length, NULL));
  memset (before + 8192, 0x42, 12288);
  g_assert_true (g_file_set_contents (db, before, (gssize) length, NULL));

  cli (&teams, db, "teams", NULL);
  g_assert_cmpint (teams.status, ==, 1);
  g_assert_nonnull (strstr (teams.err, "danificado"));
  g_assert_nonnull (strstr (teams.err, "coordena-cli restore"));
  g_assert_true (g_file_get_contents (db, &after, NULL, NULL));
  g_assert_true (memcmp (before, after, length) == 0);
}

static void
test_demo_marked (void)
{
  g_autofree char *db = NULL;
  g_auto(Run) init = { 0 };
  g_auto(Run) teams = { 0 };

  if (test_pg_skip_without_server ())
    return;
  db = new_store ("cli-e.db");
  cli (&init, db, "init", "--uf", "AC", "--demo", NULL);
  g_assert_cmpint (init.status, ==, 0);
  g_assert_nonnull (strstr (init.out, "Cadastro de demonstração"));
  cli (&teams, db, "teams", NULL);
  g_assert_cmpint (teams.status, ==, 0);
  g_assert_nonnull (strstr (teams.err, "DADOS DE DEMONSTRAÇÃO"));
  g_assert_nonnull (strstr (teams.out, "DEMO ESF"));
}

/* ---- Crash safety ------------------------------------------------------------------------------ */

/* Another program's connection to the database, as the tests change or read it behind
 * coordena-cli's back: a second SQLite connection, or a second session on the server. */
static CoordenaSqlConn *
other_connection (const char *db)
{
  g_autoptr(GError) error = NULL;
  CoordenaSqlConn *conn;

  if (test_pg_run ())
    conn = coordena_sql_conn_open_postgresql (db, &error);
  else
    {
      sqlite3 *c = NULL;

      g_assert_cmpint (sqlite3_open_v2 (db, &c, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
      conn = coordena_sql_conn_new_sqlite (c, db);
    }
  g_assert_no_error (error);
  return conn;
}

static void
by_hand (const char *db, const char *sql)
{
  g_autoptr(GError) error = NULL;
  CoordenaSqlConn *conn = other_connection (db);

  g_assert_true (coordena_sql_exec (conn, sql, NULL, &error));
  g_assert_no_error (error);
  coordena_sql_conn_close (conn);
}

static gint64
count_in (CoordenaSqlConn *conn, const char *sql)
{
  g_autoptr(GError) error = NULL;
  CoordenaSqlStmt *stmt = coordena_sql_prepare (conn, sql, &error);
  gint64 n = -1;

  g_assert_no_error (error);
  if (coordena_sql_step (stmt) == COORDENA_SQL_ROW)
    n = coordena_sql_column_int64 (stmt, 0);
  coordena_sql_finalize (stmt);
  return n;
}

static char *
integrity (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

typedef struct {
  gint64 team_months;
  gint64 members;
} MonthCounts;

static MonthCounts
month_counts (CoordenaSqlConn *conn, CoordenaCompetencia c)
{
  g_autofree char *q1 = g_strdup_printf ("SELECT count (*) FROM equipe_competencia WHERE competencia = %u", c);
  g_autofree char *q2 = g_strdup_printf ("SELECT count (*) FROM vinculo WHERE competencia = %u", c);
  MonthCounts m = { count_in (conn, q1), count_in (conn, q2) };

  return m;
}

static void
test_crash_safety (void)
{
  g_autofree char *base = new_db ("sintetica");
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20251203);
  CnesSynthOptions options = { 43, 1500, 8, 300000, 202508, 11 };
  const char *cli_path = g_getenv ("COORDENA_CLI");
  MonthCounts full7, full8;
  g_auto(Run) init = { 0 };
  g_auto(Run) first = { 0 };
  gint64 start, duration_us;
  guint n_complete = 0, n_absent = 0, n_killed = 0;

  if (test_pg_skip_without_server ())
    return;
  db = new_store ("crash.db");
  g_assert_true (cnes_synth_write (base, &options, NULL, &error));
  g_assert_no_error (error);
  cli (&init, db, "init", "--uf", "RS", NULL);
  g_assert_cmpint (init.status, ==, 0);

  /* 07/2025 imported whole first; every kill then interrupts an import of 08/2025. */
  cli (&first, db, "import", "cnes", base, "--uf", "RS", "--competencia", "202507", NULL);
  g_assert_cmpint (first.status, ==, 0);
  {
    CoordenaSqlConn *c = other_connection (db);

    full7 = month_counts (c, 202507);
    coordena_sql_conn_close (c);
  }
  g_assert_cmpint (full7.members, >, 10000);
  /* Both months come from the same base: a whole 08/2025 holds the same counts. */
  full8 = full7;

  /* How long a whole import of 08/2025 runs here, on a scratch database, so the kills below fall
   * anywhere from the start to the commit. */
  {
    g_autofree char *scratch = new_store ("medida.db");
    g_auto(Run) s_init = { 0 };
    g_auto(Run) s_run = { 0 };

    cli (&s_init, scratch, "init", "--uf", "RS", NULL);
    start = g_get_monotonic_time ();
    cli (&s_run, scratch, "import", "cnes", base, "--uf", "RS", "--competencia", "202508", NULL);
    duration_us = g_get_monotonic_time () - start;
    g_assert_cmpint (s_run.status, ==, 0);
  }

  for (int i = 0; i < 20; i++)
    {
      g_autoptr(GSubprocess) proc = NULL;
      g_autofree char *check = NULL;
      const char *argv[] = { cli_path, "--db", db, "import", "cnes", base, "--uf", "RS", "--competencia", "202508", NULL };
      /* Half the kills anywhere; half near the end, where the one transaction writes. */
      gint64 delay = i % 2 == 0 ? g_rand_int_range (rand, 0, (gint32) duration_us)
                                : g_rand_int_range (rand, (gint32) (duration_us * 3 / 4), (gint32) (duration_us * 21 / 20));
      CoordenaSqlConn *c;
      MonthCounts m7, m8;

      proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
      g_assert_no_error (error);
      g_usleep ((gulong) delay);
      g_subprocess_send_signal (proc, SIGKILL);
      g_subprocess_wait (proc, NULL, &error);
      g_assert_no_error (error);
      if (g_subprocess_get_if_signaled (proc))
        n_killed++;

      /* A file is checked whole; a server checks its own pages, and a killed client leaves it a
       * session to roll back. */
      if (!test_pg_run ())
        {
          sqlite3 *lite = NULL;

          g_assert_cmpint (sqlite3_open_v2 (db, &lite, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
          check = integrity (lite);
          g_assert_cmpstr (check, ==, "ok");
          sqlite3_close (lite);
        }
      c = other_connection (db);
      m7 = month_counts (c, 202507);
      m8 = month_counts (c, 202508);
      coordena_sql_conn_close (c);

      g_assert_cmpint (m7.team_months, ==, full7.team_months);
      g_assert_cmpint (m7.members, ==, full7.members);
      if (m8.team_months == 0)
        {
          g_assert_cmpint (m8.members, ==, 0);
          n_absent++;
        }
      else
        {
          g_assert_cmpint (m8.team_months, ==, full8.team_months);
          g_assert_cmpint (m8.members, ==, full8.members);
          n_complete++;
        }
    }
  g_test_message ("20 runs, %u killed before they ended: 08/2025 complete after %u, absent after %u",
                  n_killed, n_complete, n_absent);
}


/* A team of another state slipped into the database (typed in by hand, an old backup) stays out
 * of everything that reads the roster, as it stays out of the notifications. */
static void
test_other_state_team_left_out (void)
{
  g_autofree char *db = NULL;
  g_autofree char *pdf = new_db ("cli-outro-estado.pdf");
  g_autofree char *roster = g_test_build_filename (G_TEST_DIST, "fixtures", "rules", "roster-parado.csv", NULL);
  g_auto(Run) init = { 0 };
  g_auto(Run) imp = { 0 };
  g_auto(Run) before = { 0 };
  g_auto(Run) after = { 0 };
  g_auto(Run) eval = { 0 };
  g_auto(Run) report = { 0 };
  g_autofree char *text = NULL;
  const char *pdftotext[] = { "pdftotext", "-layout", pdf, "-", NULL };

  if (test_pg_skip_without_server ())
    return;
  db = new_store ("cli-outro-estado.db");
  cli (&init, db, "init", "--uf", "GO", NULL);
  g_assert_cmpint (init.status, ==, 0);
  cli (&imp, db, "import", "roster", roster, NULL);
  g_assert_cmpint (imp.status, ==, 0);
  cli (&before, db, "forecast", NULL);
  g_assert_cmpint (before.status, ==, 0);
  g_assert_nonnull (strstr (before.out, "6 equipes avaliadas"));

  /* An empty eSF of Florianópolis (SC), in 11 and 12/2026: 100 % if it were counted. */
  by_hand (db, "INSERT INTO equipe (id, ine, ibge7, cnes, tp_equipe) VALUES (900, '0000009008', '4205407', '0009008', '70');"
               "INSERT INTO equipe_competencia (equipe_id, competencia, tipo) VALUES (900, 202611, 'eSF'), (900, 202612, 'eSF');");

  cli (&after, db, "forecast", NULL);
  g_assert_cmpint (after.status, ==, 0);
  g_assert_cmpstr (after.out, ==, before.out);
  g_assert_null (strstr (after.out, "0000009008"));
  /* Left out, not lost in silence. */
  g_assert_nonnull (strstr (after.err, "aviso: o banco tem 1 equipe de outro estado; ela fica de fora"));
  g_assert_null (strstr (before.err, "outro estado"));
  cli (&eval, db, "evaluate", "--format", "csv", NULL);
  g_assert_cmpint (eval.status, ==, 0);
  g_assert_null (strstr (eval.out, "0000009008"));
  cli (&report, db, "report", "forecast", "-o", pdf, NULL);
  g_assert_cmpint (report.status, ==, 0);
  g_assert_nonnull (strstr (report.err, "1 equipe de outro estado"));
  g_assert_true (g_spawn_sync (NULL, (char **) pdftotext, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, "Goiás"));
  g_assert_null (strstr (text, "Florianópolis"));
  g_assert_null (strstr (text, "0000009008"));
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  coordena_i18n_init ();
  test_pg_init (&argc, argv);
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("coordena-cli-store-XXXXXX", NULL);

  g_test_add_func ("/cli-store/init-and-import", test_init_and_import);
  g_test_add_func ("/cli-store/refusals", test_refusals);
  g_test_add_func ("/cli-store/export-backup-restore-audit", test_export_backup_restore_audit);
  g_test_add_func ("/cli-store/damaged-database", test_damaged_database);
  g_test_add_func ("/cli-store/demo-marked", test_demo_marked);
  g_test_add_func ("/cli-store/other-state-team-left-out", test_other_state_team_left_out);
  g_test_add_func ("/cli-store/crash-safety", test_crash_safety);

  status = g_test_run ();
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
