/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One PostgreSQL database shared by a secretariat, through the real coordena-cli: four programs
 * importing, issuing ofícios and notifications and editing at the same time lose nothing and never
 * give a number twice, and the audit log holds every one of their actions; a SQLite file moved into
 * the server (restore) and out again (backup) evaluates exactly as before. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>

#include <coordena/coordena.h>
#include <coordena/store.h>

#include "test-pg.h"
#include "test-utils.h"

#define ROUNDS 3

static char *tmp_dir;
static char *xdg_dir;

static const char *const *
child_env (void)
{
  static const char *env[3];

  env[0] = "XDG_DATA_HOME";
  env[1] = xdg_dir;
  env[2] = NULL;
  return env;
}

static void
cli (Run *r, const char *db, ...)
{
  va_list args;

  va_start (args, db);
  run_cli_valist (r, &(RunOptions) { .db = db, .env = child_env () }, args);
  va_end (args);
}

static char *
example (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "docs", "exemplos", name, NULL);
}

/* One number from the database, by libpq: what the server holds, not what a command says. */
static gint64
query_int (const char *uri, const char *sql)
{
  PGconn *conn = PQconnectdb (uri);
  PGresult *res;
  gint64 value;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexec (conn, sql);
  if (PQresultStatus (res) != PGRES_TUPLES_OK || PQntuples (res) != 1)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  value = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  PQclear (res);
  PQfinish (conn);
  return value;
}

static char *
query_text (const char *uri, const char *sql)
{
  PGconn *conn = PQconnectdb (uri);
  PGresult *res;
  char *value;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexec (conn, sql);
  if (PQresultStatus (res) != PGRES_TUPLES_OK || PQntuples (res) != 1)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  value = g_strdup (PQgetvalue (res, 0, 0));
  PQclear (res);
  PQfinish (conn);
  return value;
}

/* The secretariat's profile and the offer an ofício needs. */
static void
prepare_oficios (const char *db)
{
  static const char *const profile[] = {
    "secretaria.nome", "Secretaria da Saúde do Estado do Rio Grande do Sul", "secretaria.sigla", "DAPS/SES",
    "cidade", "Porto Alegre", "endereco", "Av. Borges de Medeiros, 1501, 90119-900 Porto Alegre/RS",
    "telefone", "(51) 3288-5800", "email", "aps@saude.rs.gov.br", "secretario.nome", "Ana Lúcia Ferreira",
    "secretario.genero", "F", "coordenador.nome", "Paulo Roberto Siqueira", "coordenador.genero", "M",
    "contato.nome", "Carla Menezes", "contato.email", "carla.menezes@saude.rs.gov.br",
    "contato.telefone", "(51) 3288-5810", NULL,
  };
  g_autofree char *offer = example ("exemplo-ficticio-2027.offer");
  g_auto(Run) add = { 0 };

  for (guint i = 0; profile[i] != NULL; i += 2)
    {
      g_auto(Run) set = { 0 };

      cli (&set, db, "profile", "set", profile[i], profile[i + 1], NULL);
      g_assert_cmpint (set.status, ==, 0);
    }
  cli (&add, NULL, "offers", "add", offer, NULL);
  g_assert_cmpint (add.status, ==, 0);
}

typedef struct {
  const char *db;
  guint worker;
  int status[ROUNDS];
  char *err[ROUNDS];
  guint letters;        /* notifications written by worker 3 */
} Worker;

static gpointer
work (gpointer data)
{
  Worker *w = data;
  g_autofree char *roster = example ("equipes.csv");
  g_autofree char *cnes = example ("BASE_DE_DADOS_CNES_202508.ZIP");

  for (guint i = 0; i < ROUNDS; i++)
    {
      g_auto(Run) r = { 0 };

      switch (w->worker)
        {
        case 0:
          cli (&r, w->db, "import", "roster", roster, NULL);
          break;
        case 1:
          cli (&r, w->db, "import", "cnes", cnes, "--competencia", "202508", NULL);
          break;
        case 2:
          {
            g_autofree char *name = g_strdup_printf ("oficio-%u.pdf", i);
            g_autofree char *pdf = g_build_filename (tmp_dir, name, NULL);

            cli (&r, w->db, "oficio", "generate", "--offer", "exemplo-ficticio-2027", "--signer", "secretario",
                 "-o", pdf, NULL);
          }
          break;
        default:
          {
            g_autofree char *name = g_strdup_printf ("notificacoes-%u", i);
            g_autofree char *dir = g_build_filename (tmp_dir, name, NULL);
            g_autofree char *who = g_strdup_printf ("Responsável %u", i + 1);
            g_auto(Run) edit = { 0 };

            cli (&r, w->db, "notificacao", "generate", "--signer", "coordenador", "-o", dir, NULL);
            if (r.status == 0)
              {
                g_autoptr(GRegex) re = g_regex_new ("([0-9]+) notificaç(ão|ões) gravadas? em", 0, 0, NULL);
                g_autoptr(GMatchInfo) match = NULL;

                if (g_regex_match (re, r.out, 0, &match))
                  {
                    g_autofree char *n = g_match_info_fetch (match, 1);

                    w->letters += (guint) g_ascii_strtoull (n, NULL, 10);
                  }
              }
            cli (&edit, w->db, "municipios", "adesao", "--offer", "exemplo-ficticio-2027", "set", "4304606",
                 "--responsavel", who, NULL);
            if (r.status == 0 && edit.status != 0)
              {
                r.status = edit.status;
                g_free (r.err);
                r.err = g_strdup (edit.err);
              }
          }
          break;
        }
      w->status[i] = r.status;
      w->err[i] = g_strdup (r.err);
    }
  return NULL;
}

static void
test_four_at_once (void)
{
  g_autofree char *db = NULL;
  g_autofree char *roster = example ("equipes.csv");
  g_auto(Run) init = { 0 };
  g_auto(Run) imp = { 0 };
  g_auto(Run) secretary = { 0 };
  Worker workers[4] = { 0 };
  GThread *threads[4];
  guint letters = 0;
  gint64 n_numbers, n_distinct, n_oficios, n_letters, n_audit, n_users;
  g_autofree char *responsible = NULL;

  if (test_pg_skip_without_server ())
    return;
  g_free (xdg_dir);
  xdg_dir = g_build_filename (tmp_dir, "xdg-quatro", NULL);
  db = test_pg_new_database ("quatro");
  cli (&init, db, "init", "--uf", "RS", NULL);
  g_assert_cmpint (init.status, ==, 0);
  cli (&imp, db, "import", "roster", roster, NULL);
  g_assert_cmpint (imp.status, ==, 0);
  prepare_oficios (db);
  cli (&secretary, db, "municipios", "adesao", "--offer", "exemplo-ficticio-2027", "set", "4314902", "--secretario",
       "Maria Helena Rocha", "--genero", "F", NULL);
  g_assert_cmpint (secretary.status, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (workers); i++)
    {
      workers[i].db = db;
      workers[i].worker = i;
      threads[i] = g_thread_new ("coordena-cli", work, &workers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (workers); i++)
    g_thread_join (threads[i]);

  /* Every command of every program succeeded: a lock was waited for, never a refusal. */
  for (guint i = 0; i < G_N_ELEMENTS (workers); i++)
    {
      for (guint k = 0; k < ROUNDS; k++)
        {
          if (workers[i].status[k] != 0)
            g_error ("worker %u, round %u: status %d: %s", i, k, workers[i].status[k], workers[i].err[k]);
          g_free (workers[i].err[k]);
        }
      letters += workers[i].letters;
    }

  /* No number given twice across ofícios and notifications, which share the sequence. */
  n_oficios = query_int (db, "SELECT count (*) FROM oficio");
  n_letters = query_int (db, "SELECT count (*) FROM notificacao");
  g_assert_cmpint (n_oficios, ==, ROUNDS);
  g_assert_cmpint (letters, >, 0);
  g_assert_cmpint (n_letters, ==, letters);
  n_numbers = query_int (db, "SELECT count (*) FROM (SELECT ano, numero FROM oficio UNION ALL "
                             "SELECT ano, numero FROM notificacao) AS t");
  n_distinct = query_int (db, "SELECT count (*) FROM (SELECT DISTINCT ano, numero FROM (SELECT ano, numero FROM "
                              "oficio UNION ALL SELECT ano, numero FROM notificacao) AS u) AS t");
  g_assert_cmpint (n_numbers, ==, n_oficios + n_letters);
  g_assert_cmpint (n_distinct, ==, n_numbers);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM numero_emitido"), ==, n_numbers);

  /* No lost import: each one is in the log, and both sources' competências are there whole. */
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM auditoria WHERE acao = 'import-roster'"), ==, ROUNDS + 1);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM auditoria WHERE acao = 'import-cnes'"), ==, ROUNDS);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM equipe_competencia WHERE competencia = 202508"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count (DISTINCT competencia) FROM equipe_competencia "
                                  "WHERE competencia BETWEEN 202607 AND 202611"), ==, 5);

  /* The audit is complete: every document and every edit, each with the OS user and the role. */
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM auditoria WHERE acao = 'oficio-generate'"), ==, ROUNDS);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM auditoria WHERE acao = 'notificacao-generate'"), ==,
                   n_letters);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM auditoria WHERE acao = 'municipio-adesao' "
                                  "AND entidade LIKE '%4304606%'"), ==, ROUNDS);
  n_audit = query_int (db, "SELECT count (*) FROM auditoria");
  n_users = query_int (db, "SELECT count (*) FROM auditoria WHERE usuario LIKE '% (papel postgres)'");
  g_assert_cmpint (n_users, ==, n_audit);
  responsible = query_text (db, "SELECT responsavel FROM municipio_adesao WHERE ibge7 = '4304606'");
  g_assert_cmpstr (responsible, ==, "Responsável 3");
  g_test_message ("%" G_GINT64_FORMAT " numbers issued by 4 programs at once, %" G_GINT64_FORMAT " audit entries",
                  n_numbers, n_audit);
}

typedef struct {
  const char *db;
  Run run;
} Import;

static gpointer
import_roster (gpointer data)
{
  Import *im = data;
  g_autofree char *roster = example ("equipes.csv");

  cli (&im->run, im->db, "import", "roster", roster, NULL);
  return NULL;
}

/* An import waits for another import of the state, and says who runs it when the wait ends. */
static void
test_import_waits_for_another (void)
{
  g_autofree char *db = NULL;
  g_autofree char *holder_uri = NULL;
  g_autofree char *roster = example ("equipes.csv");
  g_auto(Run) init = { 0 };
  g_auto(Run) refused = { 0 };
  const char *const short_wait[] = { "XDG_DATA_HOME", xdg_dir, "COORDENA_IMPORT_WAIT", "1", NULL };
  const char *const args[] = { "import", "roster", roster, NULL };
  Import waiting = { 0 };
  GThread *thread;
  PGconn *holder;
  gint64 start;

  if (test_pg_skip_without_server ())
    return;
  db = test_pg_new_database ("espera");
  cli (&init, db, "init", "--uf", "RS", NULL);
  g_assert_cmpint (init.status, ==, 0);

  /* Another program, on another computer, importing into RS (43). */
  holder_uri = g_strconcat (db, "&application_name=coordena%20(joana)", NULL);
  holder = PQconnectdb (holder_uri);
  g_assert_cmpint (PQstatus (holder), ==, CONNECTION_OK);
  PQclear (PQexec (holder, "SELECT pg_advisory_lock (1131376499, 43)"));

  run_cli (&refused, &(RunOptions) { .db = db, .env = short_wait }, args);
  g_test_message ("%s", refused.err);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_true (g_str_has_prefix (refused.err, "coordena-cli: Outra importação em andamento no banco"));
  g_assert_nonnull (strstr (refused.err, "por postgres (coordena (joana))"));
  g_assert_nonnull (strstr (refused.err, "Nada foi alterado"));
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM equipe"), ==, 0);

  /* With the default wait, it goes on as soon as the other ends. */
  waiting.db = db;
  start = g_get_monotonic_time ();
  thread = g_thread_new ("import", import_roster, &waiting);
  g_usleep (1500 * 1000);
  PQclear (PQexec (holder, "SELECT pg_advisory_unlock (1131376499, 43)"));
  g_thread_join (thread);
  PQfinish (holder);
  g_assert_cmpint (waiting.run.status, ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 1500 * 1000);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM equipe"), >, 0);
  run_clear (&waiting.run);
}

/* A window open on the server hears what another user commits, and who it was; a rolled back
 * change is never heard of. */
static void
test_changes_heard (void)
{
  g_autofree char *db = NULL;
  g_autofree char *roster = example ("equipes.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaStore) watcher = NULL;
  g_autoptr(CoordenaStoreChange) change = NULL;
  g_autoptr(CoordenaStoreChange) none = NULL;
  g_autofree char *bad = g_build_filename (tmp_dir, "invalido.csv", NULL);
  g_auto(Run) init = { 0 };
  g_auto(Run) imp = { 0 };
  g_auto(Run) refused = { 0 };
  GPollFD poll_fd = { 0 };

  if (test_pg_skip_without_server ())
    return;
  db = test_pg_new_database ("ouvir");
  cli (&init, db, "init", "--uf", "RS", NULL);
  g_assert_cmpint (init.status, ==, 0);
  watcher = coordena_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (coordena_store_watch_changes (watcher, &error));
  g_assert_no_error (error);
  g_assert_cmpint (coordena_store_get_change_fd (watcher), >=, 0);
  g_assert_null (coordena_store_next_change (watcher));

  /* A refused import changes nothing and tells no one. */
  g_assert_true (g_file_set_contents (bad, "isto não é um CSV de equipes\n", -1, NULL));
  cli (&refused, db, "import", "roster", bad, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  cli (&imp, db, "import", "roster", roster, NULL);
  g_assert_cmpint (imp.status, ==, 0);

  poll_fd.fd = coordena_store_get_change_fd (watcher);
  poll_fd.events = G_IO_IN;
  g_assert_cmpint (g_poll (&poll_fd, 1, 5000), ==, 1);
  change = coordena_store_next_change (watcher);
  g_assert_nonnull (change);
  g_assert_cmpstr (change->action, ==, "import-roster");
  g_assert_true (g_str_has_prefix (change->user, g_get_user_name ()));
  g_assert_nonnull (strstr (change->user, "(papel postgres)"));
  g_assert_nonnull (strstr (change->entity, "equipes.csv"));
  none = coordena_store_next_change (watcher);
  g_assert_null (none);
}

/* The same command's output on two databases. */
static void
assert_same_output (const char *a, const char *b, const char *const *args)
{
  g_auto(Run) ra = { 0 };
  g_auto(Run) rb = { 0 };

  run_cli (&ra, &(RunOptions) { .db = a, .env = child_env () }, args);
  run_cli (&rb, &(RunOptions) { .db = b, .env = child_env () }, args);
  g_assert_cmpint (ra.status, ==, 0);
  g_assert_cmpint (rb.status, ==, 0);
  g_assert_cmpstr (ra.out, ==, rb.out);
}

static void
test_round_trip (void)
{
  g_autofree char *file = g_build_filename (tmp_dir, "estado.db", NULL);
  g_autofree char *copy = g_build_filename (tmp_dir, "copia.db", NULL);
  g_autofree char *back = g_build_filename (tmp_dir, "de-volta.db", NULL);
  g_autofree char *pdf1 = g_build_filename (tmp_dir, "oficio-arquivo.pdf", NULL);
  g_autofree char *pdf2 = g_build_filename (tmp_dir, "oficio-de-volta.pdf", NULL);
  g_autofree char *roster = example ("equipes.csv");
  g_autofree char *cnes = example ("BASE_DE_DADOS_CNES_202508.ZIP");
  g_autofree char *db = NULL;
  g_autofree char *bytes1 = NULL;
  g_autofree char *bytes2 = NULL;
  gsize len1, len2;
  g_auto(Run) init = { 0 };
  g_auto(Run) imp1 = { 0 };
  g_auto(Run) imp2 = { 0 };
  g_auto(Run) gen = { 0 };
  g_auto(Run) backup1 = { 0 };
  g_auto(Run) restore = { 0 };
  g_auto(Run) backup2 = { 0 };
  g_auto(Run) exp1 = { 0 };
  g_auto(Run) exp2 = { 0 };
  static const char *const evaluate[] = { "evaluate", "--format", "json", NULL };
  static const char *const forecast[] = { "forecast", "--format", "json", NULL };
  static const char *const teams[] = { "teams", "--format", "csv", NULL };
  static const char *const oficios[] = { "oficio", "list", NULL };
  GStatBuf st;

  if (test_pg_skip_without_server ())
    return;
  g_free (xdg_dir);
  xdg_dir = g_build_filename (tmp_dir, "xdg-ida-e-volta", NULL);
  db = test_pg_new_database ("ida_e_volta");
  cli (&init, file, "init", "--uf", "RS", NULL);
  g_assert_cmpint (init.status, ==, 0);
  cli (&imp1, file, "import", "cnes", cnes, "--competencia", "202508", NULL);
  g_assert_cmpint (imp1.status, ==, 0);
  cli (&imp2, file, "import", "roster", roster, NULL);
  g_assert_cmpint (imp2.status, ==, 0);
  prepare_oficios (file);
  cli (&gen, file, "oficio", "generate", "--offer", "exemplo-ficticio-2027", "--signer", "coordenador", "-o", pdf1,
       NULL);
  g_assert_cmpint (gen.status, ==, 0);
  cli (&backup1, file, "backup", copy, NULL);
  g_assert_cmpint (backup1.status, ==, 0);

  /* Into the server, and out again into a file of its own. */
  cli (&restore, db, "restore", copy, NULL);
  g_assert_cmpint (restore.status, ==, 0);
  cli (&backup2, db, "backup", back, NULL);
  g_assert_cmpint (backup2.status, ==, 0);
  g_assert_cmpint (g_stat (back, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  assert_same_output (file, back, evaluate);
  assert_same_output (file, db, evaluate);
  assert_same_output (file, back, forecast);
  assert_same_output (file, db, forecast);
  assert_same_output (file, back, teams);
  assert_same_output (file, back, oficios);

  /* The stored PDF comes back byte for byte. */
  cli (&exp1, file, "oficio", "export", "1/2026", "-o", pdf2, NULL);
  g_assert_cmpint (exp1.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf1, &bytes1, &len1, NULL));
  g_assert_true (g_file_get_contents (pdf2, &bytes2, &len2, NULL));
  g_assert_cmpmem (bytes1, len1, bytes2, len2);
  g_unlink (pdf2);
  g_clear_pointer (&bytes2, g_free);
  cli (&exp2, back, "oficio", "export", "1/2026", "-o", pdf2, NULL);
  g_assert_cmpint (exp2.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf2, &bytes2, &len2, NULL));
  g_assert_cmpmem (bytes1, len1, bytes2, len2);

  /* The number the file had issued stays issued on the server; one issued on the server stays
   * issued after the older copy is restored again: never given twice. */
  g_assert_cmpint (query_int (db, "SELECT max (numero) FROM numero_emitido"), ==, 1);
  {
    g_autofree char *pdf3 = g_build_filename (tmp_dir, "oficio-servidor.pdf", NULL);
    g_autofree char *pdf4 = g_build_filename (tmp_dir, "oficio-depois.pdf", NULL);
    g_auto(Run) on_server = { 0 };
    g_auto(Run) again = { 0 };
    g_auto(Run) after = { 0 };

    cli (&on_server, db, "oficio", "generate", "--offer", "exemplo-ficticio-2027", "--signer", "coordenador", "-o",
         pdf3, NULL);
    g_assert_cmpint (on_server.status, ==, 0);
    g_assert_nonnull (strstr (on_server.out, "OFÍCIO Nº 2/2026"));
    cli (&again, db, "restore", copy, NULL);
    g_assert_cmpint (again.status, ==, 0);
    g_assert_cmpint (query_int (db, "SELECT count (*) FROM oficio"), ==, 1);
    g_assert_cmpint (query_int (db, "SELECT max (numero) FROM numero_emitido"), ==, 2);
    /* From another person's computer, whose own register never saw number 2. */
    g_free (xdg_dir);
    xdg_dir = g_build_filename (tmp_dir, "xdg-outra-pessoa", NULL);
    prepare_oficios (db);
    cli (&after, db, "oficio", "generate", "--offer", "exemplo-ficticio-2027", "--signer", "coordenador", "-o",
         pdf4, NULL);
    g_assert_cmpint (after.status, ==, 0);
    g_assert_nonnull (strstr (after.out, "OFÍCIO Nº 3/2026"));
  }
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  coordena_i18n_init ();
  test_pg_init (&argc, argv);
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("coordena-pg-store-XXXXXX", NULL);
  xdg_dir = g_build_filename (tmp_dir, "xdg", NULL);

  g_test_add_func ("/pg-store/four-at-once", test_four_at_once);
  g_test_add_func ("/pg-store/sqlite-round-trip", test_round_trip);
  g_test_add_func ("/pg-store/import-waits-for-another", test_import_waits_for_another);
  g_test_add_func ("/pg-store/changes-heard", test_changes_heard);

  status = g_test_run ();
  remove_tree (tmp_dir);
  g_free (xdg_dir);
  g_free (tmp_dir);
  return status;
}
