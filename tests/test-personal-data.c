/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Personal data (LGPD), through the real coordena-cli: every file holding the roster is readable
 * by its owner only; no CNS reaches the terminal or the log; purge-personal-data removes names and
 * CNS — from the tables, the audit log and the file's free pages — while counts, evaluations and
 * forecasts stay exactly the same. */
#define _GNU_SOURCE
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include <coordena/coordena.h>
#include <coordena/purge.h>
#include <coordena/rules.h>
#include <coordena/ruleset.h>
#include <coordena/store.h>

#include "store-private.h"
#include "test-utils.h"


static char *tmp_dir;

/* Runs coordena-cli (with --db DB unless db is NULL), debug logging on: whatever the program logs
 * lands in stderr, where the tests look for personal data. */
static void
cli (Run *r, const char *db, const char *const *args)
{
  static const char *const env[] = { "G_MESSAGES_DEBUG", "all", NULL };

  run_cli (r, &(RunOptions) { .db = db, .env = env }, args);
}

static void
run_ok (Run *r, const char *db, const char *const *args)
{
  cli (r, db, args);
  if (r->status != 0)
    g_error ("coordena-cli %s: %d\n%s", args[0], r->status, r->err);
}

/* The fixture roster plus a professional in two teams (their total hours decide a result), in
 * the database's state (GO). */
static char *
write_roster (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "rules", "roster.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) s = NULL;
  char *path = g_build_filename (tmp_dir, "equipes.csv", NULL);

  g_file_get_contents (fixture, &text, NULL, &error);
  g_assert_no_error (error);
  s = g_string_new (text);
  g_string_append (s, "202504;5201108;0020028;0000010022;eAP30;700000000000102;João da Conceição;225142;30;N;;\n");
  g_file_set_contents (path, s->str, (gssize) s->len, &error);
  g_assert_no_error (error);
  return path;
}

/* The roster's CNS and names, as the fixture holds them. */
static GPtrArray *
roster_people (const char *csv)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *people = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], ";", -1);

      if (g_strv_length (f) > 6 && f[5][0] != '\0')
        {
          if (!g_ptr_array_find_with_equal_func (people, f[5], g_str_equal, NULL))
            g_ptr_array_add (people, g_strdup (f[5]));
          if (!g_ptr_array_find_with_equal_func (people, f[6], g_str_equal, NULL))
            g_ptr_array_add (people, g_strdup (f[6]));
        }
    }
  g_assert_cmpuint (people->len, >=, 16);
  return people;
}

/* Every result of the engine over the database's roster, as text. */
static char *
evaluate_db (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaStore) store = coordena_store_open_full (db, COORDENA_STORE_OPEN_MUST_EXIST, &error);
  g_autoptr(CoordenaRuleCatalog) catalog = NULL;
  g_autoptr(CoordenaRoster) roster = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  CoordenaEvaluation *evaluation;
  const CoordenaMonthResult *results;
  guint n = 0;

  g_assert_no_error (error);
  catalog = coordena_rule_catalog_load (&error);
  g_assert_no_error (error);
  roster = coordena_store_load_roster (store, &error);
  g_assert_no_error (error);
  evaluation = coordena_evaluate (roster, catalog, NULL);
  results = coordena_evaluation_get_results (evaluation, &n);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%u %u %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %u\n", results[i].competencia,
                            results[i].percent, results[i].clause != NULL ? results[i].clause->id : "-",
                            results[i].base_centavos, results[i].perda_centavos, (guint) results[i].absent);
  coordena_evaluation_free (evaluation);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_mode (const char *path, guint mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  if ((st.st_mode & 0777) != mode)
    g_error ("%s has mode %03o, not %03o", path, st.st_mode & 0777, mode);
}

/* Every file Coordena writes that holds the roster is readable by its owner only, whatever the
 * umask: the database (and its WAL), its folder, backups, exports, ofícios and reports. */
static void
test_files_private (void)
{
  g_autofree char *xdg = g_build_filename (tmp_dir, "xdg-private", NULL);
  g_autofree char *dir = g_build_filename (xdg, "coordena", NULL);
  g_autofree char *db = g_build_filename (dir, "coordena.db", NULL);
  g_autofree char *csv = write_roster ();
  g_autofree char *backup = g_build_filename (tmp_dir, "copia.db", NULL);
  g_autofree char *export_roster = g_build_filename (tmp_dir, "export-equipes.csv", NULL);
  g_autofree char *export_teams = g_build_filename (tmp_dir, "export-tabela.csv", NULL);
  g_autofree char *report = g_build_filename (tmp_dir, "previsao.pdf", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_auto(Run) r1 = { 0 };
  g_auto(Run) r2 = { 0 };
  g_auto(Run) r3 = { 0 };
  g_auto(Run) r4 = { 0 };
  g_auto(Run) r5 = { 0 };
  g_auto(Run) r6 = { 0 };
  mode_t old = umask (022);

  /* The default database, under XDG_DATA_HOME. */
  g_setenv ("XDG_DATA_HOME", xdg, TRUE);
  run_ok (&r1, NULL, (const char *const[]) { "init", "--uf", "GO", NULL });
  run_ok (&r2, NULL, (const char *const[]) { "import", "roster", csv, NULL });
  assert_mode (dir, 0700);
  assert_mode (db, 0600);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    assert_mode (wal, 0600);
  if (g_file_test (shm, G_FILE_TEST_EXISTS))
    assert_mode (shm, 0600);

  run_ok (&r3, db, (const char *const[]) { "backup", backup, NULL });
  assert_mode (backup, 0600);
  run_ok (&r4, db, (const char *const[]) { "export", "roster", export_roster, NULL });
  assert_mode (export_roster, 0600);
  run_ok (&r5, db, (const char *const[]) { "export", "equipes", export_teams, NULL });
  assert_mode (export_teams, 0600);
  run_ok (&r6, db, (const char *const[]) { "report", "forecast", "-o", report, NULL });
  assert_mode (report, 0600);

  /* The ofício, as generated and as exported again from the database. */
  {
    static const char *const profile[][2] = {
      { "secretaria.nome", "Secretaria de Estado da Saúde de Goiás" }, { "secretaria.sigla", "SAIS/SES" },
      { "cidade", "Goiânia" }, { "endereco", "Rua SC-1, 299, Parque Santa Cruz, Goiânia/GO" },
      { "telefone", "(62) 3201-3700" }, { "email", "aps@saude.go.gov.br" },
      { "secretario.nome", "Maria da Silva" }, { "secretario.genero", "F" },
      { "contato.nome", "Carla Souza" }, { "contato.email", "carla@saude.go.gov.br" },
      { "contato.telefone", "(62) 3201-3701" },
    };
    g_autofree char *oficio = g_build_filename (tmp_dir, "oficio.pdf", NULL);
    g_autofree char *copy = g_build_filename (tmp_dir, "oficio-copia.pdf", NULL);
    g_auto(Run) gen = { 0 };
    g_auto(Run) exp = { 0 };

    for (guint i = 0; i < G_N_ELEMENTS (profile); i++)
      {
        g_auto(Run) set = { 0 };
        run_ok (&set, db, (const char *const[]) { "profile", "set", profile[i][0], profile[i][1], NULL });
      }
    /* Generated within the offer's deadline: on that day (an ofício is never backdated). */
    g_autofree char *suite_day = g_strdup (g_getenv ("COORDENA_TODAY"));

    g_setenv ("COORDENA_TODAY", "2025-11-20", TRUE);
    run_ok (&gen, db, (const char *const[]) { "oficio", "generate", "--offer", "coordenacao-cuidado-2025", "--signer",
                                              "secretario", "--date", "2025-11-20", "-o", oficio, NULL });
    g_setenv ("COORDENA_TODAY", suite_day, TRUE);
    assert_mode (oficio, 0600);
    run_ok (&exp, db, (const char *const[]) { "oficio", "export", "1/2025", "-o", copy, NULL });
    assert_mode (copy, 0600);
  }
  umask (old);
}

/* Listings, reports and logs never show a full CNS: the terminal and the journal are not where
 * personal data belongs. */
static void
test_no_cns_in_output (void)
{
  g_autofree char *db = g_build_filename (tmp_dir, "saida.db", NULL);
  g_autofree char *csv = write_roster ();
  g_autoptr(GPtrArray) people = roster_people (csv);
  const char *const *commands[] = {
    (const char *const[]) { "import", "roster", NULL },
    (const char *const[]) { "teams", NULL },
    (const char *const[]) { "teams", "--format", "csv", NULL },
    (const char *const[]) { "teams", "--format", "json", NULL },
    (const char *const[]) { "audit", NULL },
    (const char *const[]) { "evaluate", "--format", "json", NULL },
    (const char *const[]) { "evaluate", "--format", "table", NULL },
    (const char *const[]) { "forecast", "--format", "csv", NULL },
  };
  g_auto(Run) init = { 0 };

  run_ok (&init, db, (const char *const[]) { "init", "--uf", "GO", NULL });
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_auto(Run) r = { 0 };

      for (guint i = 0; commands[c][i] != NULL; i++)
        g_ptr_array_add (args, (gpointer) commands[c][i]);
      if (g_str_equal (commands[c][0], "import") || g_str_equal (commands[c][0], "evaluate")
          || g_str_equal (commands[c][0], "forecast"))
        g_ptr_array_add (args, csv);
      g_ptr_array_add (args, NULL);
      run_ok (&r, db, (const char *const *) args->pdata);
      for (guint p = 0; p < people->len; p++)
        {
          const char *cns = people->pdata[p];

          if (!coordena_is_digits (cns, 15))
            continue;
          if (strstr (r.out, cns) != NULL || strstr (r.err, cns) != NULL)
            g_error ("coordena-cli %s printed the CNS %s:\n%s\n%s", commands[c][0], cns, r.out, r.err);
        }
    }
}

static gboolean
file_contains (const char *path, const char *needle)
{
  g_autofree char *data = NULL;
  gsize n = 0;

  if (!g_file_get_contents (path, &data, &n, NULL))
    return FALSE;
  return memmem (data, n, needle, strlen (needle)) != NULL;
}

static void
test_purge (void)
{
  g_autofree char *db = g_build_filename (tmp_dir, "purga.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *csv = write_roster ();
  g_autoptr(GPtrArray) people = roster_people (csv);
  g_autofree char *results_before = NULL;
  g_autofree char *results_after = NULL;
  g_autofree char *file_before = NULL;
  g_auto(Run) init = { 0 };
  g_auto(Run) imp = { 0 };
  g_auto(Run) mun = { 0 };
  g_auto(Run) sec = { 0 };
  g_auto(Run) teams_before = { 0 };
  g_auto(Run) teams_after = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) purge = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) audit = { 0 };

  run_ok (&init, db, (const char *const[]) { "init", "--uf", "GO", NULL });
  run_ok (&imp, db, (const char *const[]) { "import", "roster", csv, NULL });
  run_ok (&mun, db, (const char *const[]) { "municipios", "adesao", "--offer", "coordenacao-cuidado-2025", "set", "5208707",
                                            "pendente", "--responsavel", "Rosa Amarela Tavares", "--acesso-titular",
                                            "Bento Quaresma Lins", NULL });
  /* The municipal secretary the notifications address, in another municipality. */
  run_ok (&sec, db, (const char *const[]) { "municipios", "adesao", "--offer", "coordenacao-cuidado-2025", "set", "5201108",
                                            "--secretario", "Clarice Ventura Nogueira", "--genero", "F", NULL });
  /* An audit entry as a hand edit writes it: a member's CNS and name. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CoordenaStore) store = coordena_store_open (db, &error);

    g_assert_no_error (error);
    g_assert_true (coordena_store_begin (store, &error));
    g_assert_true (coordena_store_audit (store, "member-edit", "equipe 0000010014", NULL,
                                         "{\"cns\":\"700000000000218\",\"nome\":\"Maria Antônia\",\"nota\":\"CNS 700000000000307 saiu\"}",
                                         &error));
    g_assert_true (coordena_store_commit (store, &error));
  }
  results_before = evaluate_db (db);
  run_ok (&teams_before, db, (const char *const[]) { "teams", "--format", "json", NULL });

  /* Without --yes nothing happens. */
  g_assert_true (g_file_get_contents (db, &file_before, NULL, NULL));
  cli (&refused, db, (const char *const[]) { "purge-personal-data", NULL });
  g_assert_cmpint (refused.status, ==, 2);
  g_assert_nonnull (strstr (refused.err, "remove nomes e CNS para sempre: rode de novo com --yes para confirmar"));
  g_assert_true (file_contains (db, "Maria Antônia"));

  run_ok (&purge, db, (const char *const[]) { "purge-personal-data", "--yes", NULL });
  g_assert_nonnull (strstr (purge.out, "Dados pessoais removidos de"));
  g_assert_nonnull (strstr (purge.out, "profissionais com pseudônimo no lugar do CNS: 8"));
  g_assert_nonnull (strstr (purge.out, "nomes de profissionais removidos: 8"));
  g_assert_nonnull (strstr (purge.out, "municípios cujos contatos foram removidos: 2"));
  /* The hand edit, the municipal contacts and the municipal secretary. */
  g_assert_nonnull (strstr (purge.out, "registros da auditoria mascarados: 3"));

  /* Counts and results: the same. */
  results_after = evaluate_db (db);
  g_assert_cmpstr (results_before, ==, results_after);
  run_ok (&teams_after, db, (const char *const[]) { "teams", "--format", "json", NULL });
  g_assert_cmpstr (teams_before.out, ==, teams_after.out);

  /* Not a byte of a name or a CNS left in the file or its WAL. */
  for (guint i = 0; i < people->len; i++)
    {
      if (file_contains (db, people->pdata[i]) || file_contains (wal, people->pdata[i]))
        g_error ("“%s” is still in the database file after the purge", (const char *) people->pdata[i]);
    }
  g_assert_false (file_contains (db, "Rosa Amarela Tavares"));
  g_assert_false (file_contains (db, "Bento Quaresma Lins"));
  g_assert_false (file_contains (db, "Clarice Ventura Nogueira"));

  /* The purge itself is in the audit log, with its counts and no person. */
  run_ok (&audit, db, (const char *const[]) { "audit", NULL });
  g_assert_nonnull (strstr (audit.out, "purge-personal-data"));
  g_assert_nonnull (strstr (audit.out, "700 **** **** 0218"));
  g_assert_null (strstr (audit.out, "Maria Antônia"));

  /* A second purge finds nothing left to do and changes no result. */
  run_ok (&again, db, (const char *const[]) { "purge-personal-data", "--yes", NULL });
  g_assert_nonnull (strstr (again.out, "profissionais com pseudônimo no lugar do CNS: 0"));
  g_free (results_after);
  results_after = evaluate_db (db);
  g_assert_cmpstr (results_before, ==, results_after);
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
  coordena_i18n_init ();
  g_assert_nonnull (g_getenv ("COORDENA_CLI"));
  tmp_dir = g_dir_make_tmp ("coordena-lgpd-XXXXXX", NULL);

  g_test_add_func ("/personal-data/files-private", test_files_private);
  g_test_add_func ("/personal-data/no-cns-in-output", test_no_cns_in_output);
  g_test_add_func ("/personal-data/purge", test_purge);
  status = g_test_run ();

  rm_rf (tmp_dir);
  g_free (tmp_dir);
  return status;
}
