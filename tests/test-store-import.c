/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Imports as a user meets them: the CNES fixture (a folder and the same as a ZIP), its quirks and
 * its refusals; the roster CSV all or nothing, rows of another state refused with their lines, the
 * round trip, duplicidade, and Cancel. Real SQLite files, the real fixture files. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include <coordena/coordena.h>
#include <coordena/duplicidade.h>
#include <coordena/export.h>
#include <coordena/import.h>
#include <coordena/store.h>

#include "store-private.h"
#include "test-pg.h"
#include "test-utils.h"

/* What make-fixture.py wrote (see tests/fixtures/cnes/README.md). */
#define INE_ESF "0001111116"
#define INE_EAP "0002222221"
#define INE_OFF "0003333337"
#define INE_ESB "0004444442"
#define INE_SC "0005555558"
#define INE_OLD "0000000077"

typedef struct {
  char *dir;
  char *db;
  CoordenaStore *store;
} Fixture;


/* A database for the test: a file, or a database of its own on the server in the PostgreSQL run. */
static char *
store_name (Fixture *f, const char *name)
{
  if (test_pg_run ())
    {
      g_autofree char *base = g_path_get_basename (f->dir);
      g_autofree char *full = g_strconcat (base, "_", name, NULL);

      return test_pg_new_database (full);
    }
  return g_build_filename (f->dir, name, NULL);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("coordena-import-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = store_name (f, "coordena.db");
  f->store = coordena_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (coordena_store_init_uf (f->store, data != NULL ? data : "RS", &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  coordena_store_close (f->store);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static const char *
fixture_base (void)
{
  return g_test_get_filename (G_TEST_DIST, "fixtures", "cnes", "base", NULL);
}

/* What the store holds, asked through its own connection: the same on a file and on a server. */
static gint64
query_int (CoordenaStore *store, const char *sql, const char *arg)
{
  g_autoptr(GError) error = NULL;
  CoordenaSqlStmt *stmt = coordena_sql_prepare (coordena_store_get_conn (store), sql, &error);
  gint64 value = -1;

  g_assert_no_error (error);
  if (arg != NULL)
    coordena_sql_bind_text (stmt, 1, arg);
  if (coordena_sql_step (stmt) == COORDENA_SQL_ROW)
    value = coordena_sql_column_int64 (stmt, 0);
  coordena_sql_finalize (stmt);
  return value;
}

static char *
query_text (CoordenaStore *store, const char *sql, const char *arg)
{
  g_autoptr(GError) error = NULL;
  CoordenaSqlStmt *stmt = coordena_sql_prepare (coordena_store_get_conn (store), sql, &error);
  char *value = NULL;

  g_assert_no_error (error);
  if (arg != NULL)
    coordena_sql_bind_text (stmt, 1, arg);
  if (coordena_sql_step (stmt) == COORDENA_SQL_ROW)
    value = coordena_sql_column_dup (stmt, 0);
  coordena_sql_finalize (stmt);
  return value;
}

/* Everything a user could see of the roster, as text: compared before and after an action. */
static char *
dump (CoordenaStore *store)
{
  g_autoptr(GString) out = g_string_new (NULL);
  static const char *const queries[] = {
    "SELECT ine, ibge7, cnes, tp_equipe, nome, dt_ativacao, dt_desativacao, valor_base, demo FROM equipe ORDER BY ine",
    "SELECT e.ine, ec.competencia, ec.tipo, ec.provimento, ec.sem_producao FROM equipe_competencia ec "
    "JOIN equipe e ON e.id = ec.equipe_id ORDER BY 1, 2",
    "SELECT e.ine, v.competencia, p.cns, p.nome, v.cbo, v.horas FROM vinculo v JOIN equipe e ON e.id = v.equipe_id "
    "JOIN profissional p ON p.id = v.profissional_id ORDER BY 1, 2, 3, 5",
    "SELECT ibge7, ied_estrato FROM municipio WHERE ied_estrato IS NOT NULL ORDER BY 1",
    "SELECT key, value FROM profile ORDER BY key",
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GError) error = NULL;
      CoordenaSqlStmt *stmt = coordena_sql_prepare (coordena_store_get_conn (store), queries[q], &error);

      g_assert_no_error (error);
      while (coordena_sql_step (stmt) == COORDENA_SQL_ROW)
        {
          for (int c = 0; c < coordena_sql_column_count (stmt); c++)
            {
              const char *t = coordena_sql_column_text (stmt, c);

              g_string_append_printf (out, "%s|", t != NULL ? t : "∅");
            }
          g_string_append_c (out, '\n');
        }
      coordena_sql_finalize (stmt);
      g_string_append (out, "--\n");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
report_has (GPtrArray *lines, const char *text)
{
  for (guint i = 0; i < lines->len; i++)
    if (strstr (lines->pdata[i], text) != NULL)
      return TRUE;
  return FALSE;
}

static CoordenaImportReport *
import_fixture (Fixture *f, const char *path, GError **error)
{
  const CoordenaCompetencia comps[] = { 202508, 202506 };

  return coordena_import_cnes (f->store, path, comps, G_N_ELEMENTS (comps), NULL, NULL, NULL, error);
}

#define MEMBER_SQL(who) \
  "SELECT count (*) FROM vinculo v JOIN equipe e ON e.id = v.equipe_id JOIN profissional p ON p.id = v.profissional_id " \
  "WHERE p.nome = ?1 AND v.competencia = " who

static void
check_fixture_content (Fixture *f)
{
  g_autofree char *name = NULL;
  g_autofree char *tipo = NULL;
  g_autofree char *estab = NULL;

  /* The state's four teams active in the months; the deactivated one and SC's are not there. */
  g_assert_cmpint (query_int (f->store, "SELECT count (*) FROM equipe", NULL), ==, 4);
  g_assert_cmpint (query_int (f->store, "SELECT count (*) FROM equipe WHERE ine = ?1", INE_OFF), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count (*) FROM equipe WHERE ine = ?1", INE_SC), ==, 0);
  /* An empty CO_EQUIPE: the INE is SEQ_EQUIPE padded. */
  g_assert_cmpint (query_int (f->store, "SELECT count (*) FROM equipe WHERE ine = ?1", INE_OLD), ==, 1);

  /* Latin-1 read right, and a quoted ';' kept inside the name. */
  name = query_text (f->store, "SELECT nome FROM equipe WHERE ine = ?1", INE_ESF);
  g_assert_cmpstr (name, ==, "ESF Vila São José; Área 2");
  estab = query_text (f->store, "SELECT nome FROM estabelecimento WHERE cnes = '2000016'", NULL);
  g_assert_cmpstr (estab, ==, "UBS SÃO JOSÉ");

  /* The member who left in June is in 06/2025 only; the one who joined in August, in 08/2025 only. */
  g_assert_cmpint (query_int (f->store, MEMBER_SQL ("202506"), "PEDRO ÁLVARES"), ==, 1);
  g_assert_cmpint (query_int (f->store, MEMBER_SQL ("202508"), "PEDRO ÁLVARES"), ==, 0);
  g_assert_cmpint (query_int (f->store, MEMBER_SQL ("202506"), "INÊS BRANDÃO"), ==, 0);
  g_assert_cmpint (query_int (f->store, MEMBER_SQL ("202508"), "INÊS BRANDÃO"), ==, 1);

  /* Weekly hours: the three workload columns added, joined on unit + professional + CBO. */
  g_assert_cmpint (query_int (f->store,
                              "SELECT v.horas FROM vinculo v JOIN profissional p ON p.id = v.profissional_id "
                              "WHERE p.nome = ?1 AND v.competencia = 202508", "JOÃO CARLOS DA SILVA"), ==, 40);
  g_assert_cmpint (query_int (f->store,
                              "SELECT v.horas FROM vinculo v JOIN profissional p ON p.id = v.profissional_id "
                              "WHERE p.nome = ?1 AND v.competencia = 202508", "GLÓRIA ANTIGA"), ==, 40);

  /* Types: 70 eSF; 76 with a 30 h enfermeiro is modalidade II; 71 stored, not evaluated. */
  tipo = query_text (f->store, "SELECT tipo FROM equipe_competencia ec JOIN equipe e ON e.id = ec.equipe_id "
                               "WHERE e.ine = ?1 AND competencia = 202508", INE_EAP);
  g_assert_cmpstr (tipo, ==, "eAP30");
  g_free (tipo);
  tipo = query_text (f->store, "SELECT tipo FROM equipe_competencia ec JOIN equipe e ON e.id = ec.equipe_id "
                               "WHERE e.ine = ?1 AND competencia = 202508", INE_ESB);
  g_assert_cmpstr (tipo, ==, "outra");

  /* The eSF in 08/2025: médico, enfermeira, técnica, two ACS and the newcomer; the one with no
   * CNS row and the one with an invalid CNS are left out. */
  g_assert_cmpint (query_int (f->store,
                              "SELECT count (*) FROM vinculo v JOIN equipe e ON e.id = v.equipe_id "
                              "WHERE e.ine = ?1 AND v.competencia = 202508", INE_ESF), ==, 5);
}

static void
test_cnes_folder (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaImportReport) report = import_fixture (f, fixture_base (), &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (report->n_teams, ==, 4);
  g_assert_cmpuint (report->competencias->len, ==, 2);
  check_fixture_content (f);

  /* Why rows were left out, and where. */
  g_assert_true (report_has (report->skipped, "rlEstabEquipeProf202508.csv:9"));
  g_assert_true (report_has (report->warnings, "700000000000502"));
  g_assert_true (report_has (report->warnings, "sem carga horária"));
  g_assert_true (report_has (report->notes, "desativadas"));
  text = coordena_import_report_to_text (report);
  g_assert_nonnull (strstr (text, "Equipes: 4"));
  g_assert_nonnull (strstr (text, "Competências: 06/2025, 08/2025"));
  g_assert_nonnull (strstr (text, "Tempo decorrido"));
}

static char *
make_zip (Fixture *f)
{
  g_autofree char *zip = g_build_filename (f->dir, "BASE_DE_DADOS_CNES_202508.ZIP", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "sh", "-c", "cd \"$0\" && zip -q -X \"$1\" *.csv", fixture_base (), zip, NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return g_steal_pointer (&zip);
}

static void
test_cnes_zip_same_as_folder (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *zip = make_zip (f);
  g_autoptr(CoordenaImportReport) report = import_fixture (f, zip, &error);
  g_autofree char *from_zip = NULL;
  g_autofree char *from_folder = NULL;
  g_autoptr(CoordenaStore) other = NULL;
  g_autofree char *other_db = store_name (f, "pasta.db");
  g_autoptr(CoordenaImportReport) report2 = NULL;
  const CoordenaCompetencia comps[] = { 202508, 202506 };

  g_assert_no_error (error);
  check_fixture_content (f);
  from_zip = dump (f->store);

  other = coordena_store_open (other_db, &error);
  g_assert_true (coordena_store_init_uf (other, "RS", &error));
  report2 = coordena_import_cnes (other, fixture_base (), comps, 2, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  from_folder = dump (other);
  g_assert_cmpstr (from_zip, ==, from_folder);
}

static void
test_cnes_again_replaces (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaImportReport) first = import_fixture (f, fixture_base (), &error);
  g_autoptr(CoordenaImportReport) second = NULL;
  g_autofree char *before = dump (f->store);
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  /* A flag the user set survives a new import of the same month. */
  g_assert_true (coordena_store_set_team_flags (f->store, INE_ESF, 202508, COORDENA_TEAM_FLAG_SEM_PRODUCAO, &error));
  second = import_fixture (f, fixture_base (), &error);
  g_assert_no_error (error);
  after = dump (f->store);
  g_assert_cmpint (query_int (f->store, "SELECT count (*) FROM equipe_competencia WHERE sem_producao = 1", NULL), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count (*) FROM vinculo", NULL), ==,
                   (gint64) first->n_members);
  g_assert_cmpuint (second->n_members, ==, first->n_members);
}

typedef struct {
  double max_fraction;
  GPtrArray *stages;
} Progress;

static void
on_progress_record (double fraction, const char *stage, gpointer user_data)
{
  Progress *p = user_data;

  p->max_fraction = MAX (p->max_fraction, fraction);
  if (p->stages->len == 0 || g_strcmp0 (p->stages->pdata[p->stages->len - 1], stage) != 0)
    g_ptr_array_add (p->stages, g_strdup (stage));
}

static void
test_cnes_progress (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CoordenaImportReport) report = NULL;
  Progress p = { -1, stages };
  const CoordenaCompetencia c = 202508;

  report = coordena_import_cnes (f->store, fixture_base (), &c, 1, on_progress_record, &p, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (p.max_fraction, ==, 1.0);
  /* The user reads which table is being read, in order. */
  g_assert_cmpstr (stages->pdata[0], ==, "Lendo tbEquipe");
  g_assert_true (report_has (stages, "Lendo tbCargaHorariaSus"));
  g_assert_cmpstr (stages->pdata[stages->len - 1], ==, "Concluído");
}

static void
test_cnes_damaged_zip (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *zip = make_zip (f);
  g_autofree char *contents = NULL;
  g_autoptr(CoordenaImportReport) report = NULL;
  g_autofree char *before = dump (f->store);
  g_autofree char *after = NULL;
  const CoordenaCompetencia c = 202508;
  gsize length;

  /* Cut in the middle, as an interrupted download leaves it. */
  g_assert_true (g_file_get_contents (zip, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (zip, contents, (gssize) (length / 2), NULL));
  report = coordena_import_cnes (f->store, zip, &c, 1, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "BASE_DE_DADOS_CNES_202508.ZIP"));
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_cnes_missing_column (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "base", NULL);
  g_autoptr(GDir) dir = g_dir_open (fixture_base (), 0, NULL);
  g_autoptr(CoordenaImportReport) report = NULL;
  g_autofree char *before = dump (f->store);
  g_autofree char *after = NULL;
  const char *name;

  g_mkdir (copy, 0700);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *src = g_build_filename (fixture_base (), name, NULL);
      g_autofree char *dst = g_build_filename (copy, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (src, &contents, &length, NULL));
      if (g_str_has_prefix (name, "tbCargaHorariaSus"))
        {
          char *hit = strstr (contents, "QT_CARGA_HOR_HOSP_SUS");

          g_assert_nonnull (hit);
          memcpy (hit, "QT_CARGA_HOR_XXXX_SUS", strlen ("QT_CARGA_HOR_HOSP_SUS"));
        }
      g_assert_true (g_file_set_contents (dst, contents, (gssize) length, NULL));
    }

  report = import_fixture (f, copy, &error);
  g_assert_null (report);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "QT_CARGA_HOR_HOSP_SUS"));
  g_assert_nonnull (strstr (error->message, "tbCargaHorariaSus202508.csv"));
  g_assert_nonnull (strstr (error->message, "não está no cabeçalho"));
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_cnes_not_a_base (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaImportReport) report = NULL;
  const CoordenaCompetencia c = 202508;

  report = coordena_import_cnes (f->store, f->dir, &c, 1, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "tbEquipeAAAAMM.csv"));
}

static void
test_cnes_later_competencia (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaImportReport) report = NULL;
  const CoordenaCompetencia comps[] = { 202508, 202509 };

  report = coordena_import_cnes (f->store, fixture_base (), comps, 2, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "08/2025"));
  g_assert_nonnull (strstr (error->message, "09/2025"));
  g_assert_cmpint (query_int (f->store, "SELECT count (*) FROM equipe", NULL), ==, 0);
}

static void
on_progress_cancel (double fraction, const char *stage, gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cnes_cancel_changes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CoordenaImportReport) report = NULL;
  g_autofree char *before = dump (f->store);
  g_autofree char *after = NULL;
  const CoordenaCompetencia c = 202508;

  report = coordena_import_cnes (f->store, fixture_base (), &c, 1, on_progress_cancel, cancellable, cancellable,
                                 &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (strstr (error->message, "nada foi alterado"));
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
}

static char *
write_file (Fixture *f, const char *name, const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

#define HEADER "competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria;provimento;valor_base;estrato_ied\n"

static void
test_roster_malformed_changes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaImportReport) first = NULL;
  g_autoptr(CoordenaImportReport) report = NULL;
  g_autofree char *good = write_file (f, "bom.csv",
    HEADER
    "202508;4314902;2000016;0001111116;eSF;700000000000102;João;225142;40;N;16.833,33;2\n"
    "202508;4314902;2000016;0001111116;eSF;700000000000218;Maria;223565;40;N;;\n");
  /* Line 3 breaks a rule (hours), line 4 too (CNS): nothing of the file may land. */
  g_autofree char *bad = write_file (f, "ruim.csv",
    HEADER
    "202509;4314902;2000016;0001111116;eSF;700000000000102;João;225142;40;N;;\n"
    "202509;4314902;2000016;0001111116;eSF;700000000000218;Maria;223565;quarenta;N;;\n"
    "202509;4314902;2000016;0001111116;eSF;123;Zé;322245;40;N;;\n");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  first = coordena_import_roster_csv (f->store, good, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->n_members, ==, 2);
  before = dump (f->store);

  report = coordena_import_roster_csv (f->store, bad, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "Nada foi importado"));
  g_assert_nonnull (strstr (error->message, "ruim.csv:3:9"));
  g_assert_nonnull (strstr (error->message, "ruim.csv:4:6"));
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_roster_other_state_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaImportReport) report = NULL;
  g_autofree char *path = write_file (f, "misturado.csv",
    HEADER
    "202508;4314902;2000016;0001111116;eSF;700000000000102;João;225142;40;N;;\n"
    "202508;4205407;4000012;0005555558;eSF;700000000000218;Maria;223565;40;N;;\n"
    "202508;4304606;3000010;0004444442;esb;800000000000400;Íris;223293;40;N;;\n"
    "202508;3550308;1234567;0001234567;eSF;700000000000307;Ana;322245;40;N;;\n");
  g_autofree char *before = dump (f->store);
  g_autofree char *after = NULL;

  report = coordena_import_roster_csv (f->store, path, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  /* Florianópolis (SC) on line 3 and São Paulo on line 5; Canoas (RS) on line 4 is fine. */
  g_assert_nonnull (strstr (error->message, "misturado.csv:3:"));
  g_assert_nonnull (strstr (error->message, "Florianópolis"));
  g_assert_nonnull (strstr (error->message, "misturado.csv:5:"));
  g_assert_null (strstr (error->message, "misturado.csv:4:"));
  g_assert_nonnull (strstr (error->message, "2 linhas de outro estado"));
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaImportReport) cnes = import_fixture (f, fixture_base (), &error);
  g_autofree char *csv1 = g_build_filename (f->dir, "um.csv", NULL);
  g_autofree char *csv2 = g_build_filename (f->dir, "dois.csv", NULL);
  g_autofree char *db2 = store_name (f, "dois.db");
  g_autofree char *db3 = store_name (f, "tres.db");
  g_autoptr(CoordenaStore) second = NULL;
  g_autoptr(CoordenaStore) third = NULL;
  g_autoptr(CoordenaImportReport) r2 = NULL;
  g_autoptr(CoordenaImportReport) r3 = NULL;
  g_autofree char *dump2 = NULL;
  g_autofree char *dump3 = NULL;
  g_autofree char *text1 = NULL;
  g_autofree char *text2 = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  /* What only the user knows: a base value, a stratum, a provimento flag. */
  g_assert_true (coordena_store_set_team_base (f->store, INE_ESF, 1683333, &error));
  g_assert_true (coordena_store_set_ied_stratum (f->store, "4314902", 2, &error));
  g_assert_true (coordena_store_set_team_flags (f->store, INE_EAP, 202508, COORDENA_TEAM_FLAG_PROVIMENTO, &error));
  g_assert_true (coordena_export_roster_csv (f->store, csv1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (csv1, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* import → export → import: the second and third databases hold the same. */
  second = coordena_store_open (db2, &error);
  g_assert_true (coordena_store_init_uf (second, "RS", &error));
  r2 = coordena_import_roster_csv (second, csv1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (coordena_export_roster_csv (second, csv2, &error));
  third = coordena_store_open (db3, &error);
  g_assert_true (coordena_store_init_uf (third, "RS", &error));
  r3 = coordena_import_roster_csv (third, csv2, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  dump2 = dump (second);
  dump3 = dump (third);
  g_assert_cmpstr (dump2, ==, dump3);
  g_assert_true (g_file_get_contents (csv1, &text1, NULL, NULL));
  g_assert_true (g_file_get_contents (csv2, &text2, NULL, NULL));
  g_assert_cmpstr (text1, ==, text2);

  /* And the content is the CNES import's: members, hours, the user's values. */
  g_assert_cmpint (query_int (second, "SELECT count (*) FROM vinculo", NULL), ==, (gint64) cnes->n_members);
  g_assert_cmpint (query_int (second, "SELECT valor_base FROM equipe WHERE ine = ?1", INE_ESF), ==, 1683333);
  g_assert_cmpint (query_int (second, "SELECT ied_estrato FROM municipio WHERE ibge7 = '4314902'", NULL), ==, 2);
  g_assert_cmpint (query_int (second, "SELECT provimento FROM equipe_competencia ec JOIN equipe e ON e.id = ec.equipe_id "
                                      "WHERE e.ine = ?1 AND competencia = 202508", INE_EAP), ==, 1);
}

static void
test_duplicidade (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaImportReport) report = NULL;
  g_autoptr(GPtrArray) from_store = NULL;
  g_autoptr(GPtrArray) from_roster = NULL;
  g_autoptr(CoordenaRoster) roster = NULL;
  g_autofree char *path = write_file (f, "dupla.csv",
    HEADER
    /* The same ACS in two eSF in 08/2025; in 07/2025 in one only. An eAP does not count. */
    "202507;4314902;2000016;0001111116;eSF;700000000000404;José;515105;40;N;;\n"
    "202508;4314902;2000016;0001111116;eSF;700000000000404;José;515105;40;N;;\n"
    "202508;4314902;2000016;0000000077;eSF;700000000000404;José;515105;40;N;;\n"
    "202508;4314902;2000024;0002222221;eAP30;700000000000102;João;225170;20;N;;\n"
    "202508;4314902;2000016;0001111116;eSF;700000000000102;João;225142;20;N;;\n");
  const CoordenaDuplicidade *d;
  const CoordenaRosterTeam *team;
  const CoordenaRosterMonth *months;
  guint n_months;

  report = coordena_import_roster_csv (f->store, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (report_has (report->notes, "duplicidade"));
  g_assert_true (report_has (report->warnings, "700 **** **** 0404"));

  from_store = coordena_store_list_duplicidades (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (from_store->len, ==, 1);
  d = from_store->pdata[0];
  g_assert_cmpuint (d->competencia, ==, 202508);
  g_assert_cmpstr (d->cns, ==, "700000000000404");
  g_assert_cmpuint (d->ines->len, ==, 2);
  g_assert_cmpstr (d->ines->pdata[0], ==, "0000000077");
  g_assert_cmpstr (d->ines->pdata[1], ==, "0001111116");

  /* The teams list marks both eSF in their last competência, and only them. */
  {
    g_autoptr(GPtrArray) teams = coordena_store_list_teams (f->store, NULL, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < teams->len; i++)
      {
        const CoordenaStoreTeam *t = teams->pdata[i];

        g_assert_cmpint (t->duplicidade, ==, g_str_equal (t->ine, INE_ESF) || g_str_equal (t->ine, "0000000077"));
      }
  }

  roster = coordena_store_load_roster (f->store, &error);
  g_assert_no_error (error);
  from_roster = coordena_roster_find_duplicidades (roster);
  g_assert_cmpuint (from_roster->len, ==, 1);
  g_assert_cmpstr (((CoordenaDuplicidade *) from_roster->pdata[0])->cns, ==, "700000000000404");
  team = coordena_roster_find_team (roster, INE_ESF);
  months = coordena_roster_team_months (roster, team, &n_months);
  g_assert_cmpuint (n_months, ==, 2);
  g_assert_false (coordena_roster_month_has_duplicidade (roster, &months[0]));
  g_assert_true (coordena_roster_month_has_duplicidade (roster, &months[1]));
}

static void
test_teams_export (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaImportReport) report = import_fixture (f, fixture_base (), &error);
  g_autofree char *path = g_build_filename (f->dir, "equipes.csv", NULL);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (coordena_export_teams_csv (f->store, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFINE;CNES;IBGE;Município;Tipo;Nome;Ativação"));
  g_assert_nonnull (strstr (text, "\"ESF Vila São José; Área 2\";01/02/2019;;08/2025;5;"));
  g_assert_nonnull (strstr (text, "não avaliada"));
  /* The one people's format: rows end in CRLF, amounts carry no "R$". */
  g_assert_nonnull (strstr (text, "Dados de demonstração\r\n"));
  g_assert_null (strstr (strstr (text, "\r\n"), "R$"));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  coordena_i18n_init ();
  test_pg_init (&argc, argv);
  g_test_init (&argc, &argv, NULL);
  if (test_pg_run () && !test_pg_available ())
    {
      g_test_add_func ("/import/postgresql", (GTestFunc) test_pg_skip_without_server);
      return g_test_run ();
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/import/cnes/folder", test_cnes_folder);
  ADD ("/import/cnes/zip-same-as-folder", test_cnes_zip_same_as_folder);
  ADD ("/import/cnes/again-replaces", test_cnes_again_replaces);
  ADD ("/import/cnes/missing-column", test_cnes_missing_column);
  ADD ("/import/cnes/progress", test_cnes_progress);
  ADD ("/import/cnes/damaged-zip", test_cnes_damaged_zip);
  ADD ("/import/cnes/not-a-base", test_cnes_not_a_base);
  ADD ("/import/cnes/later-competencia", test_cnes_later_competencia);
  ADD ("/import/cnes/cancel-changes-nothing", test_cnes_cancel_changes_nothing);
  ADD ("/import/roster/malformed-changes-nothing", test_roster_malformed_changes_nothing);
  ADD ("/import/roster/other-state-refused", test_roster_other_state_refused);
  ADD ("/import/round-trip", test_round_trip);
  ADD ("/import/duplicidade", test_duplicidade);
  ADD ("/import/teams-export", test_teams_export);
#undef ADD
  return g_test_run ();
}
