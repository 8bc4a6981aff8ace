/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The notifications to the municipalities as a user drives them: the real coordena-cli on a real
 * SQLite database, the PDFs read back with pdftotext. The roster has teams suspended, at risk and
 * complete, a team type the rules do not evaluate, and a team of another state; a newer
 * competência then shows some teams fixed and some not. */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>
#include <json-glib/json-glib.h>

#include <coordena/coordena.h>
#include <coordena/notification.h>

#include "test-utils.h"


static char *dir;
static char *db;
static char *xdg; /* the user's data folder: its register of the state's numbers goes with the database */

static void
cli (Run *r, ...)
{
  const char *const env[] = { "LANGUAGE", "pt_BR", "LC_ALL", "pt_BR.UTF-8", "XDG_DATA_HOME", xdg, NULL };
  va_list args;

  va_start (args, r);
  run_cli_valist (r, &(RunOptions) { .db = db, .env = env, .cwd = dir }, args);
  va_end (args);
}

static void
assert_has (const char *text, const char *what)
{
  if (strstr (text, what) == NULL)
    g_error ("“%s” not found in:\n%s", what, text);
}

static void
assert_lacks (const char *text, const char *what)
{
  if (strstr (text, what) != NULL)
    g_error ("“%s” found in:\n%s", what, text);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The text in drawing order (each table cell whole), its lines joined by spaces. */
static char *
pdf_raw_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* A valid CNS (first digit 7: the weighted sum of the 15 digits is a multiple of 11). */
static char *
make_cns (guint n)
{
  for (guint k = n * 13;; k++)
    {
      char digits[16];
      guint sum = 0;

      g_snprintf (digits, sizeof digits, "7%012u", k);
      for (guint i = 0; i < 13; i++)
        sum += (guint) (digits[i] - '0') * (15 - i);
      /* digits 13 and 14 (weights 2 and 1) close the sum: try them all. */
      for (guint a = 0; a < 10; a++)
        for (guint b = 0; b < 10; b++)
          if ((sum + a * 2 + b) % 11 == 0)
            return g_strdup_printf ("%s%u%u", digits, a, b);
    }
}

static guint n_people;

/* One team-competência in the roster CSV: the categories given are present with 40 h. */
static void
add_team (GString *csv, guint competencia, const char *ibge, const char *cnes, const char *ine, const char *type,
          const char *present)
{
  const struct { const char *cat; const char *cbo; } cbos[] = {
    { "MED", "225142" }, { "ENF", "223565" }, { "TEC", "322245" }, { "ACS", "515105" },
  };
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (cbos); i++)
    if (strstr (present, cbos[i].cat) != NULL)
      {
        g_autofree char *cns = make_cns (++n_people);

        g_string_append_printf (csv, "%u;%s;%s;%s;%s;%s;Pessoa Sigilosa %u;%s;40;1\n", competencia, ibge, cnes, ine, type,
                                cns, n_people, cbos[i].cbo);
        any = TRUE;
      }
  if (!any)
    g_string_append_printf (csv, "%u;%s;%s;%s;%s;;;;;1\n", competencia, ibge, cnes, ine, type);
}

#define FORTALEZA "2304400"
#define CAUCAIA   "2303709"
#define SOBRAL    "2312908"

/* 10/2026 and 11/2026, and with later = TRUE the 12/2026 that shows what the municipalities did. */
static char *
write_roster (const char *name, gboolean later)
{
  g_autoptr(GString) csv = g_string_new ("competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria;estrato_ied\n");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  const guint months[] = { 202610, 202611, 202612 };

  for (guint i = 0; i < (later ? 3u : 2u); i++)
    {
      guint c = months[i];

      add_team (csv, c, FORTALEZA, "2480018", "0001000001", "eSF", "MED ENF TEC ACS");     /* fine */
      /* suspended: no nurse for two competências; fixed in 12/2026 */
      add_team (csv, c, FORTALEZA, "2480018", "0001000002", "eSF", c == 202612 ? "MED ENF TEC ACS" : "MED TEC ACS");
      /* at risk: no ACS from 11/2026; still none in 12/2026, so the step happens */
      add_team (csv, c, FORTALEZA, "2480018", "0001000003", "eSF", c == 202610 ? "MED ENF TEC ACS" : "MED ENF TEC");
      /* suspended: no nurse, still none in 12/2026: persists at the same percent */
      add_team (csv, c, FORTALEZA, "2480026", "0001000004", "eSF", "MED TEC ACS");
      /* at risk: an eAP without a doctor from 11/2026; a doctor arrives in 12/2026 */
      add_team (csv, c, CAUCAIA, "2480034", "0002000001", "eAP30", c == 202611 ? "ENF" : "MED ENF");
      add_team (csv, c, CAUCAIA, "2480034", "0002000002", "eSF", "MED ENF TEC ACS");        /* fine */
      add_team (csv, c, SOBRAL, "2480042", "0003000001", "eSF", "MED ENF TEC ACS");         /* fine */
      add_team (csv, c, SOBRAL, "2480042", "0003000002", "eSB", "");                        /* not evaluated */
    }
  g_file_set_contents (path, csv->str, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
fill_profile (void)
{
  const char *const kv[] = {
    "secretaria.nome", "Secretaria da Saúde do Estado do Ceará",
    "secretaria.sigla", "COAPS/SESA",
    "cidade", "Fortaleza",
    "endereco", "Av. Almirante Barroso, 600, Praia de Iracema, 60060-440 Fortaleza/CE",
    "telefone", "(85) 3101-5123",
    "email", "coaps@saude.ce.gov.br",
    "coordenador.nome", "José Wellington Façanha",
    "coordenador.genero", "M",
    "contato.nome", "João Pedro Sampaio",
    "contato.email", "joao.sampaio@saude.ce.gov.br",
    "contato.telefone", "(85) 3101-5200",
    NULL,
  };

  for (guint i = 0; kv[i] != NULL; i += 2)
    {
      g_auto(Run) r = { 0 };

      cli (&r, "profile", "set", kv[i], kv[i + 1], NULL);
      if (r.status != 0)
        g_error ("profile set %s: %s", kv[i], r.err);
    }
}

static void
sql (const char *statement)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  if (sqlite3_exec (handle, statement, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", statement, message);
  sqlite3_close (handle);
}

static char *
sql_text (const char *query)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, query, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return g_string_free (out, FALSE);
}

static void
fresh_database (const char *name, gboolean demo)
{
  g_auto(Run) r = { 0 };

  g_free (db);
  db = g_build_filename (dir, name, NULL);
  g_unlink (db);
  {
    /* A new database at the same path inherits the register of numbers issued there before. */
    g_autofree char *reg = g_strconcat (db, ".oficios.log", NULL);

    g_unlink (reg);
  }
  /* ... and so does the user's register of the state's numbers (this process's too). */
  remove_tree (xdg);
  if (demo)
    cli (&r, "init", "--uf", "CE", "--demo", NULL);
  else
    cli (&r, "init", "--uf", "CE", NULL);
  g_assert_cmpint (r.status, ==, 0);
}

static char *
fresh_dir (const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *entry;

  while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, entry, NULL);

      g_unlink (file);
    }
  g_mkdir_with_parents (path, 0700);
  return path;
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The PDFs of a folder, by name. */
static GPtrArray *
pdfs_in (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  g_assert_nonnull (d);
  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (entry, ".pdf"))
      g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names);
  return names;
}

static void
prepare_roster (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *roster = write_roster ("roster-1011.csv", FALSE);

  fresh_database ("notificacao.db", FALSE);
  fill_profile ();
  cli (&r, "import", "roster", roster, NULL);
  g_assert_cmpint (r.status, ==, 0);
  /* A team of another state (Teresina, PI) with nobody in it, as a database restored from a
   * roster of several states would hold: suspended, and never this state's to notify. */
  sql ("INSERT INTO equipe (ine, ibge7, cnes, tp_equipe, nome) VALUES ('0009000001', '2211001', '2480050', '70', 'ESF PIAUÍ');"
       "INSERT INTO equipe_competencia (equipe_id, competencia, tipo, origem) "
       "SELECT id, 202610, 'eSF', 'csv' FROM equipe WHERE ine = '0009000001';"
       "INSERT INTO equipe_competencia (equipe_id, competencia, tipo, origem) "
       "SELECT id, 202611, 'eSF', 'csv' FROM equipe WHERE ine = '0009000001';");
}

static void
test_documents_match_forecast (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *out = fresh_dir ("notificacoes");
  g_autoptr(GPtrArray) files = NULL;
  const char *expected_ines[] = { "0001000002", "0001000003", "0001000004", "0002000001" };
  const char *never[] = { "0001000001", "0002000002", "0003000001", "0003000002", "0009000001" };
  g_autoptr(GString) all = g_string_new (NULL);

  prepare_roster ();

  /* The forecast, as the CLI reports it, names exactly the teams at risk or suspended. */
  cli (&r, "teams", "--format", "json", NULL);
  g_assert_cmpint (r.status, ==, 0);

  cli (&r, "notificacao", "generate", "--signer", "coordenador", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "2 notificações gravadas");
  files = pdfs_in (out);
  g_assert_cmpuint (files->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (files, 0), CAUCAIA "-"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (files, 1), FORTALEZA "-"));
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_build_filename (out, g_ptr_array_index (files, i), NULL);
      g_autofree char *text = pdf_text (path);
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_string_append (all, text);
      assert_has (text, "OFÍCIO Nº");
      assert_has (text, "/2026/COAPS/SESA");
      assert_has (text, "Fortaleza, 6 de dezembro de 2026.");
      assert_has (text, "Secretário(a) Municipal de Saúde");
      assert_has (text, "Corrigir");
      assert_has (text, "JOSÉ WELLINGTON FAÇANHA");
      assert_lacks (text, "DEMONSTRAÇÃO");
      /* Teams and categories, never people. */
      assert_lacks (text, "Pessoa Sigilosa");
      assert_lacks (text, "7000000");
    }
  {
    g_autofree char *caucaia = g_build_filename (out, g_ptr_array_index (files, 0), NULL);
    g_autofree char *text = pdf_text (caucaia);

    assert_has (text, "0002000001");
    assert_has (text, "médico(a)");
    assert_has (text, "11/2026");
    assert_has (text, "75 %");
    assert_has (text, "12/2026");
    assert_lacks (text, "0001000002");
  }
  for (guint i = 0; i < G_N_ELEMENTS (expected_ines); i++)
    assert_has (all->str, expected_ines[i]);
  for (guint i = 0; i < G_N_ELEMENTS (never); i++)
    assert_lacks (all->str, never[i]);
  assert_has (all->str, "enfermeiro(a)");
  assert_has (all->str, "comunitário");
  assert_has (all->str, "10/2026");
  assert_lacks (all->str, "Teresina");
  assert_lacks (all->str, "Sobral");
}

/* The letter names the municipal secretary the follow-up records (Decreto 9.758/2019, art. 4,
 * parágrafo único, II), in the house style or the decree's literal form; unknown stays generic. */
static void
test_secretary_named (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *out = fresh_dir ("secretario");
  g_autofree char *caucaia = NULL, *fortaleza = NULL, *text = NULL;
  g_autoptr(GPtrArray) files = NULL;

  prepare_roster ();

  /* Refusals first, nothing recorded. */
  cli (&r, "municipios", "adesao", "--offer", "coordenacao-cuidado-2025", "set", CAUCAIA, "--secretario",
       "Maria das Graças Lima", NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_has (r.err, "--genero");
  cli (&r, "municipios", "adesao", "--offer", "coordenacao-cuidado-2025", "set", CAUCAIA, "--secretario",
       "Maria das Graças Lima", "--genero", "X", NULL);
  g_assert_cmpint (r.status, ==, 2);
  cli (&r, "municipios", "adesao", "--offer", "coordenacao-cuidado-2025", "set", "2211001", "--secretario",
       "Maria das Graças Lima", "--genero", "F", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "2211001");

  cli (&r, "municipios", "adesao", "--offer", "coordenacao-cuidado-2025", "--responsavel", "Rita Farias", "set",
       CAUCAIA, "pendente", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "municipios", "adesao", "--offer", "coordenacao-cuidado-2025", "set", CAUCAIA, "--secretario",
       "Maria das Graças Lima", "--genero", "F", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "municipios", "adesao", "--offer", "coordenacao-cuidado-2025", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "Secretária Municipal de Saúde: Maria das Graças Lima");
  /* Setting only the secretary leaves the adhesion as it was. */
  assert_has (r.out, "0 aderiram no e-Gestor, 1 pendentes");
  /* A name the letters' font cannot print is refused before the adhesion change given with it. */
  cli (&r, "municipios", "adesao", "--offer", "coordenacao-cuidado-2025", "set", CAUCAIA, "nao_iniciado",
       "--secretario", "Maria 漢 Lima", "--genero", "F", NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "secretário(a) municipal");
  cli (&r, "municipios", "adesao", "--offer", "coordenacao-cuidado-2025", NULL);
  assert_has (r.out, "0 aderiram no e-Gestor, 1 pendentes");
  assert_has (r.out, "Secretária Municipal de Saúde: Maria das Graças Lima");

  cli (&r, "notificacao", "generate", "--signer", "coordenador", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  files = pdfs_in (out);
  g_assert_cmpuint (files->len, ==, 2);
  caucaia = g_build_filename (out, g_ptr_array_index (files, 0), NULL);
  fortaleza = g_build_filename (out, g_ptr_array_index (files, 1), NULL);
  text = pdf_text (caucaia);
  assert_has (text, "A Sua Senhoria a Senhora\nMaria das Graças Lima\nSecretária Municipal de Saúde\n"
                    "Secretaria Municipal de Saúde de Caucaia");
  assert_has (text, "Senhora Secretária,");
  assert_has (text, "Cumprimentando-a cordialmente");
  assert_lacks (text, "Senhor(a)");
  g_free (text);
  text = pdf_text (fortaleza);
  assert_has (text, "Ao(À) Senhor(a)\nSecretário(a) Municipal de Saúde");
  assert_has (text, "Senhor(a) Secretário(a),");
  assert_has (text, "Cumprimentando-o(a)");

  /* The decree's literal form: "senhor" and the name, no "Sua Senhoria". */
  cli (&r, "profile", "set", "enderecamento", "decreto", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "municipios", "adesao", "--offer", "coordenacao-cuidado-2025", "set", FORTALEZA, "--secretario",
       "João Pedro Alves", "--genero", "M", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = fresh_dir ("secretario-decreto");
  cli (&r, "notificacao", "generate", "--signer", "coordenador", "--municipio", FORTALEZA, "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_ptr_array_unref (files);
  files = pdfs_in (out);
  g_assert_cmpuint (files->len, ==, 1);
  g_free (fortaleza);
  fortaleza = g_build_filename (out, g_ptr_array_index (files, 0), NULL);
  g_free (text);
  text = pdf_text (fortaleza);
  assert_has (text, "Ao Senhor\nJoão Pedro Alves\nSecretário Municipal de Saúde\nSecretaria Municipal de Saúde de "
                    "Fortaleza");
  assert_has (text, "Senhor Secretário,");
  assert_lacks (text, "Sua Senhoria");

  /* An empty name forgets the secretary: the generic form again. */
  cli (&r, "municipios", "adesao", "--offer", "coordenacao-cuidado-2025", "set", FORTALEZA, "--secretario", "", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = fresh_dir ("secretario-esquecido");
  cli (&r, "notificacao", "generate", "--signer", "coordenador", "--municipio", FORTALEZA, "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_ptr_array_unref (files);
  files = pdfs_in (out);
  g_free (fortaleza);
  fortaleza = g_build_filename (out, g_ptr_array_index (files, 0), NULL);
  g_free (text);
  text = pdf_text (fortaleza);
  assert_has (text, "Secretário(a) Municipal de Saúde");
  assert_lacks (text, "João Pedro Alves");
}

static void
test_numbers_unique_and_export (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *out = fresh_dir ("numeradas");
  g_autofree char *again = fresh_dir ("numeradas-2");
  g_autofree char *exported = g_build_filename (dir, "exportada.pdf", NULL);
  g_autofree char *ids = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;

  prepare_roster ();
  cli (&r, "notificacao", "generate", "--signer", "coordenador", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "notificacao", "generate", "--signer", "coordenador", "--date", "2026-12-20", "--municipio", "230440",
       "-o", again, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "1 notificação gravada");

  ids = sql_text ("SELECT numero || '/' || ano FROM notificacao ORDER BY id");
  lines = g_strsplit (g_strstrip (ids), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_true (g_hash_table_add (seen, g_strdup (lines[i])));

  /* The export gives back the bytes written. */
  files = pdfs_in (again);
  g_assert_cmpuint (files->len, ==, 1);
  {
    g_autofree char *written = g_build_filename (again, g_ptr_array_index (files, 0), NULL);
    g_autofree char *a = NULL, *b = NULL;
    gsize la = 0, lb = 0;

    g_unlink (exported);
    cli (&r, "notificacao", "export", "3/2026", "-o", exported, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_get_contents (written, &a, &la, NULL));
    g_assert_true (g_file_get_contents (exported, &b, &lb, NULL));
    g_assert_cmpmem (a, la, b, lb);
    g_assert_true (g_str_has_prefix (g_ptr_array_index (files, 0), FORTALEZA "-notificacao-3-2026"));
  }

  /* The ofício series is shared: the next adhesion ofício does not reuse a letter's number. */
  {
    g_autofree char *taken = sql_text ("SELECT ultimo FROM numeracao WHERE sequencia = 'oficio' AND ano = 2026");

    g_assert_cmpstr (g_strstrip (taken), ==, "3");
  }

  cli (&r, "notificacao", "export", "9/2026", "-o", exported, NULL);
  g_assert_cmpint (r.status, ==, 1);
}

static void
test_refusals_write_nothing (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *out = fresh_dir ("recusas");
  g_autofree char *mine = g_build_filename (out, "meu.pdf", NULL);
  g_autofree char *count = NULL;
  g_autoptr(GPtrArray) files = NULL;

  prepare_roster ();
  cli (&r, "notificacao", "generate", "--signer", "coordenador", "--date", "2026-12-05", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "antes de hoje");
  cli (&r, "notificacao", "generate", "--signer", "coordenador", "--date", "2027-01-06", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "30 dias");
  cli (&r, "notificacao", "generate", "--signer", "prefeito", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 1);
  cli (&r, "notificacao", "generate", "--signer", "coordenador", "--municipio", SOBRAL, "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "nada a notificar");
  cli (&r, "notificacao", "generate", "--signer", "coordenador", "--municipio", "2211001", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 1);

  cli (&r, "profile", "set", "contato.email", "", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "profile", "set", "secretaria.nome", "", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "notificacao", "generate", "--signer", "secretario", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 1);
  /* In words, all at once, not as keys. */
  assert_has (r.err, "Nome da secretaria");
  assert_has (r.err, "E-mail da pessoa de contato");
  assert_has (r.err, "Nome do(a) Secretário(a) de Saúde");
  assert_lacks (r.err, "secretaria.nome");
  fill_profile ();

  /* A file the user has, named as the combined PDF: refused, kept as it was. */
  g_assert_true (g_file_set_contents (mine, "meu", -1, NULL));
  cli (&r, "notificacao", "generate", "--signer", "coordenador", "-o", out, "--combinado", mine, NULL);
  g_assert_cmpint (r.status, ==, 1);
  {
    g_autofree char *kept = NULL;

    g_assert_true (g_file_get_contents (mine, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "meu");
  }
  files = pdfs_in (out);
  g_assert_cmpuint (files->len, ==, 1);
  count = sql_text ("SELECT COUNT (*) FROM notificacao");
  g_assert_cmpstr (g_strstrip (count), ==, "0");
  {
    g_autofree char *taken = sql_text ("SELECT COUNT (*) FROM numero_emitido");

    g_assert_cmpstr (g_strstrip (taken), ==, "0");
  }
}

static void
test_follow_up_after_newer_competencia (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *out = fresh_dir ("acompanhamento");
  g_autofree char *later = write_roster ("roster-101112.csv", TRUE);
  g_autofree char *status = NULL;
  g_autofree char *combined = g_build_filename (out, "todas.pdf", NULL);

  prepare_roster ();
  cli (&r, "notificacao", "generate", "--signer", "coordenador", "-o", out, "--combinado", combined, NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autofree char *text = pdf_text (combined);

    assert_has (text, "0002000001");
    assert_has (text, "0001000004");
  }
  cli (&r, "notificacao", "list", "--pendentes", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "Equipes notificadas: 4");
  /* Caucaia's letter names one team, Fortaleza's three: each said in the right number. */
  assert_has (r.out, "1 equipe: 0 regularizada, 0 persiste, 0 suspensa, 1 aguardando");
  assert_has (r.out, "3 equipes: 0 regularizada, 0 persiste, 0 suspensa, 3 aguardando");

  cli (&r, "import", "roster", later, NULL);
  g_assert_cmpint (r.status, ==, 0);
  /* Each count in its own number: never "1 pendentes". */
  assert_has (r.out, "Equipes notificadas: 2 regularizadas, 1 pendente, 1 suspensa");

  status = sql_text ("SELECT ine, situacao, verificada_em FROM notificacao_equipe ORDER BY ine");
  g_assert_cmpstr (status, ==,
                   "0001000002|regularizada|202612\n"
                   "0001000003|suspensa|202612\n"
                   "0001000004|persiste|202612\n"
                   "0002000001|regularizada|202612\n");

  cli (&r, "notificacao", "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "3 equipes: 1 regularizada, 1 persiste, 1 suspensa, 0 aguardando");
  assert_has (r.out, "1 equipe: 1 regularizada, 0 persiste, 0 suspensa, 0 aguardando");
  /* And each team's situation under its letter (docs/cli.md promises it). */
  assert_has (r.out, "    0001000002 · — · regularizada (SCNES 12/2026) · corrigir até —");
  assert_has (r.out, "    0001000003 · — · suspensa (SCNES 12/2026) · corrigir até 12/2026");
  assert_has (r.out, "    0001000004 · — · persiste (SCNES 12/2026) · corrigir até —");
  assert_has (r.out, "    0002000001 · — · regularizada (SCNES 12/2026) · corrigir até 12/2026");
  assert_has (r.out, "regularizadas: 2");
  assert_has (r.out, "pendentes: 1");
  assert_has (r.out, "suspensas: 1");
  /* 0001000003 had until 12/2026 and the SCNES of 12/2026 shows it still without an ACS. */
  assert_has (r.out, "após o “corrigir até”: 1");
  /* 162.000,00 of 0001000002 and 97.200,00 of 0002000001 no longer forecast. */
  assert_has (r.out, "evitada pelas regularizações: R$ 259.200,00");
  cli (&r, "notificacao", "list", "--pendentes", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, FORTALEZA);
  assert_lacks (r.out, CAUCAIA);

  cli (&r, "audit", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "notificacao-generate");
  assert_has (r.out, "notificacao-acompanhamento");
}

/* Every run of exactly ten digits in a text: the INEs a letter names. */
static void
collect_ines (const char *text, GHashTable *into)
{
  for (const char *p = text; *p != '\0';)
    {
      const char *start = p;

      while (g_ascii_isdigit (*p))
        p++;
      if (p - start == 10)
        g_hash_table_add (into, g_strndup (start, 10));
      if (p == start)
        p++;
    }
}

/* On the demonstration roster (hundreds of teams): the letters name exactly the teams the
 * forecast shows suspended or with a next step, in exactly their municipalities; and every page
 * carries the demonstration banner. */
static void
test_demo_matches_forecast_and_banner (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *out = fresh_dir ("demo");
  g_autofree char *combined = g_build_filename (dir, "demo-todas.pdf", NULL);
  g_autofree char *roster = g_build_filename (dir, "demo-roster.csv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) expected_ibge = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ibge_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *items;
  guint n = 0, letters = 0;
  gint64 last = 0;

  fresh_database ("demo.db", TRUE);
  fill_profile ();

  cli (&r, "teams", "--format", "json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "equipes");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *o = json_array_get_object_element (items, i);

      g_hash_table_insert (ibge_of, g_strdup (json_object_get_string_member (o, "ine")),
                           g_strdup (json_object_get_string_member (o, "ibge")));
      last = MAX (last, json_object_get_int_member (o, "ultima_competencia"));
    }

  g_unlink (roster);
  cli (&r, "export", "roster", roster, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "forecast", roster, "--format", "json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  items = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *o = json_array_get_object_element (items, i);
      const char *ine = json_object_get_string_member (o, "ine");

      if (json_object_get_int_member (o, "competencia") != last)
        continue;
      if (json_object_get_int_member (o, "percentual") > 0 || !json_object_get_null_member (o, "proximo_passo"))
        {
          g_hash_table_add (expected, g_strdup (ine));
          g_hash_table_add (expected_ibge, g_strdup (g_hash_table_lookup (ibge_of, ine)));
        }
    }
  g_assert_cmpuint (g_hash_table_size (expected), >, 20);

  g_unlink (combined);
  cli (&r, "notificacao", "generate", "--signer", "coordenador", "-o", out, "--combinado", combined, NULL);
  g_assert_cmpint (r.status, ==, 0);
  files = pdfs_in (out);
  g_assert_cmpuint (files->len, ==, g_hash_table_size (expected_ibge));
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_build_filename (out, g_ptr_array_index (files, i), NULL);
      g_autofree char *one = pdf_text (path);
      g_autofree char *ibge = g_strndup (g_ptr_array_index (files, i), 7);

      g_assert_true (g_hash_table_contains (expected_ibge, ibge));
      collect_ines (one, found);
    }
  g_assert_cmpuint (g_hash_table_size (found), ==, g_hash_table_size (expected));
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, expected);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (found, key))
        g_error ("team %s is in the forecast but in no letter", (char *) key);
  }

  text = pdf_text (combined);
  pages = g_strsplit (text, "\f", -1);
  for (guint i = 0; pages[i] != NULL; i++)
    {
      if (*g_strstrip (pages[i]) == '\0')
        continue;
      assert_has (pages[i], "DADOS DE DEMONSTRAÇÃO");
      /* Each letter starts on a page of its own. */
      if (strstr (pages[i], "OFÍCIO Nº") != NULL)
        letters++;
      n++;
    }
  g_assert_cmpuint (n, >=, files->len);
  g_assert_cmpuint (letters, ==, files->len);
}

/* One municipality with 25 teams at risk: the table spans pages and its header comes back on each. */
static void
test_long_table (void)
{
  g_auto(Run) r = { 0 };
  g_autoptr(GString) csv = g_string_new ("competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria;estrato_ied\n");
  g_autofree char *path = g_build_filename (dir, "roster-25.csv", NULL);
  g_autofree char *out = fresh_dir ("longa");
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;

  for (guint t = 0; t < 25; t++)
    {
      g_autofree char *ine = g_strdup_printf ("00040000%02u", t + 1);

      add_team (csv, 202610, FORTALEZA, "2480018", ine, "eSF", "MED ENF TEC ACS");
      add_team (csv, 202611, FORTALEZA, "2480018", ine, "eSF", t % 2 == 0 ? "MED ENF TEC" : "ENF TEC ACS");
    }
  add_team (csv, 202611, CAUCAIA, "2480034", "0005000001", "eSF", "MED ENF TEC");
  add_team (csv, 202610, CAUCAIA, "2480034", "0005000001", "eSF", "MED ENF TEC ACS");
  g_assert_true (g_file_set_contents (path, csv->str, -1, NULL));
  fresh_database ("longa.db", FALSE);
  fill_profile ();
  cli (&r, "import", "roster", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "notificacao", "generate", "--signer", "coordenador", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  files = pdfs_in (out);
  g_assert_cmpuint (files->len, ==, 2);

  pdf = g_build_filename (out, g_ptr_array_index (files, 1), NULL);
  text = pdf_text (pdf);
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, 3);
  for (guint t = 0; t < 25; t++)
    {
      g_autofree char *ine = g_strdup_printf ("00040000%02u", t + 1);

      assert_has (text, ine);
    }
  /* Every page holding team rows starts them under the header. */
  for (guint p = 0; pages[p] != NULL; p++)
    {
      const char *row = strstr (pages[p], "00040000");
      const char *header = strstr (pages[p], "Equipe (INE");

      if (row != NULL)
        {
          g_assert_nonnull (header);
          g_assert_true (header < row);
        }
    }
  assert_has (text, "Total: 25 equipes");
  assert_has (text, "Atenciosamente,");
}

static void
cancel_after_first (guint done, guint total, const char *municipio, gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

/* The window's Cancel, through the same core call: the first letter is made, then the user
 * cancels; nothing is stored, no number is taken and no file is left. */
static void
test_cancel_leaves_nothing (void)
{
  g_autofree char *out = fresh_dir ("cancelada");
  g_autofree char *combined = g_build_filename (out, "todas.pdf", NULL);
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *taken = NULL;
  CoordenaNotifyRequest request = { .signer = "coordenador" };

  prepare_roster ();
  store = coordena_store_open (db, &error);
  g_assert_no_error (error);
  coordena_clock_today (&request.date);
  records = coordena_notification_generate (store, &request, out, combined, cancel_after_first, cancellable, cancellable,
                                            &error);
  g_assert_null (records);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  files = pdfs_in (out);
  g_assert_cmpuint (files->len, ==, 0);
  rows = sql_text ("SELECT COUNT (*) FROM notificacao");
  g_assert_cmpstr (g_strstrip (rows), ==, "0");
  taken = sql_text ("SELECT COUNT (*) FROM numero_emitido");
  g_assert_cmpstr (g_strstrip (taken), ==, "0");
}

/* "1.234.567,89" from centavos, as the letters print money. */
static char *
money_text (gint64 centavos)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *units = g_strdup_printf ("%" G_GINT64_FORMAT, centavos / 100);
  gsize len = strlen (units);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, units[i]);
    }
  g_string_append_printf (out, ",%02d", (int) (centavos % 100));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* 10/2026 and 11/2026 with a team that left the SCNES in 11/2026 (sem registro) and a team whose
 * suspension the provimento rule caps; the provimento column is read from the file. */
static void
prepare_gaps_roster (void)
{
  g_autoptr(GString) csv = g_string_new ("competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria;provimento;"
                                         "estrato_ied\n");
  g_autofree char *path = g_build_filename (dir, "roster-lacunas.csv", NULL);
  g_autofree char *later_path = g_build_filename (dir, "roster-lacunas-12.csv", NULL);
  g_autoptr(GString) later = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Run) r = { 0 };
  const struct { const char *ibge, *cnes, *ine, *present10, *present11, *provimento; } teams[] = {
    { FORTALEZA, "2480018", "0001000001", "MED ENF TEC ACS", "MED ENF TEC ACS", "N" },
    { FORTALEZA, "2480018", "0001000002", "MED TEC ACS", "MED TEC ACS", "N" },
    { SOBRAL, "2480042", "0003000001", "MED ENF TEC ACS", "MED ENF TEC ACS", "N" },
    { SOBRAL, "2480042", "0003000005", "MED ENF TEC ACS", NULL, "N" },      /* gone in 11/2026 */
    { SOBRAL, "2480042", "0003000006", "TEC ACS", "TEC ACS", "S" },          /* provimento */
  };
  const char *cbo[][2] = { { "MED", "225142" }, { "ENF", "223565" }, { "TEC", "322245" }, { "ACS", "515105" } };

  for (guint m = 0; m < 3; m++)
    for (guint i = 0; i < G_N_ELEMENTS (teams); i++)
      {
        const char *present = m == 0 ? teams[i].present10 : teams[i].present11;
        const guint months[] = { 202610, 202611, 202612 };

        if (m == 2)
          {
            /* 12/2026, in its own file: imported later to follow the letters up. */
            if (present == NULL)
              continue;
          }

        for (guint k = 0; present != NULL && k < G_N_ELEMENTS (cbo); k++)
          if (strstr (present, cbo[k][0]) != NULL)
            {
              g_autofree char *cns = make_cns (++n_people);

              g_string_append_printf (m == 2 ? later : csv, "%u;%s;%s;%s;eSF;%s;Pessoa Sigilosa %u;%s;40;%s;1\n",
                                      months[m], teams[i].ibge, teams[i].cnes, teams[i].ine, cns, n_people, cbo[k][1],
                                      teams[i].provimento);
            }
      }
  g_file_set_contents (path, csv->str, -1, &error);
  g_assert_no_error (error);
  g_string_prepend (later, csv->str);
  g_file_set_contents (later_path, later->str, -1, &error);
  g_assert_no_error (error);
  fresh_database ("lacunas.db", FALSE);
  fill_profile ();
  cli (&r, "import", "roster", path, NULL);
  if (r.status != 0)
    g_error ("import: %s", r.err);
}

/* The letters cover every team the forecast lists, those without registration in the latest
 * competência included, and their totals per municipality are the forecast's. */
static void
test_sem_registro_in_letters (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *out = fresh_dir ("lacunas");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  gint64 sobral_total = 0;
  JsonArray *teams;

  prepare_gaps_roster ();
  cli (&r, "forecast", "--format", "json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  g_assert_no_error (error);
  teams = json_node_get_array (json_parser_get_root (parser));

  /* A municipality whose only trouble is a team without registration is notified. */
  cli (&r, "notificacao", "generate", "--signer", "coordenador", "--municipio", SOBRAL, "-o", out, NULL);
  if (r.status != 0)
    g_error ("generate --municipio Sobral: %s", r.err);
  files = pdfs_in (out);
  g_assert_cmpuint (files->len, ==, 1);
  {
    g_autofree char *path = g_build_filename (out, g_ptr_array_index (files, 0), NULL);
    g_autofree char *text = pdf_text (path);
    g_autofree char *flat = NULL;
    g_autofree char *raw = pdf_raw_text (path);
    g_auto(GStrv) words = g_regex_split_simple ("\\s+", raw, 0, 0);

    g_string_append (all, text);
    flat = g_strjoinv (" ", words);
    for (guint i = 0; i < json_array_get_length (teams); i++)
      {
        JsonObject *t = json_array_get_object_element (teams, i);
        const char *ine = json_object_get_string_member (t, "ine");
        JsonArray *months = json_object_get_array_member (t, "meses");
        gint64 loss = 0;

        for (guint k = 0; k < json_array_get_length (months); k++)
          loss += json_object_get_int_member (json_array_get_object_element (months, k), "perda_centavos");
        if (!g_str_has_prefix (ine, "0003"))
          continue;
        if (loss > 0 || json_object_get_int_member (t, "percentual") > 0 || json_object_get_boolean_member (t, "sem_registro"))
          {
            assert_has (text, ine);
            sobral_total += loss;
          }
        else
          assert_lacks (text, ine);
      }
    g_assert_cmpint (sobral_total, >, 0);
    {
      g_autofree char *total = money_text (sobral_total);
      g_autofree char *sentence = g_strdup_printf ("e de R$ %s nas próximas 12 competências", total);

      assert_has (flat, sentence);
    }
    assert_has (flat, "sem registro na competência 11/2026");
    assert_has (flat, "regularizar o cadastro da equipe no SCNES");
    assert_has (flat, "último registro em 10/2026");
    /* The provimento cap is said with its act, as the forecast report says it. */
    assert_has (flat, "limitado a 75 % pelo provimento [");
    assert_has (flat, "NT 753/2021");
  }

  /* 12/2026 still without the team: its follow-up says it persists at the 100 % it was told of. */
  {
    g_autofree char *later = g_build_filename (dir, "roster-lacunas-12.csv", NULL);

    cli (&r, "import", "roster", later, NULL);
    if (r.status != 0)
      g_error ("import 12/2026: %s", r.err);
    cli (&r, "notificacao", "list", NULL);
    g_assert_cmpint (r.status, ==, 0);
    assert_has (r.out, "    0003000005 · — · persiste (SCNES 12/2026)");
  }
}

/* --horizon is checked as forecast and report check it: 0 and more than their maximum are usage
 * errors (exit 2), with nothing numbered or written. */
static void
test_horizon_as_forecast (void)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) f = { 0 };
  g_autofree char *out = fresh_dir ("horizonte");
  g_autofree char *taken = NULL;
  g_autoptr(GPtrArray) files = NULL;
  const char *bad[] = { "0", "121", "-3" };

  prepare_roster ();
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *option = g_strconcat ("--horizon=", bad[i], NULL);

      cli (&f, "forecast", option, NULL);
      g_assert_cmpint (f.status, ==, 2);
      cli (&r, "notificacao", "generate", "--signer", "coordenador", option, "-o", out, NULL);
      g_assert_cmpint (r.status, ==, 2);
      assert_has (r.err, "--horizon deve estar entre 1 e 120 competências");
      assert_has (f.err, "--horizon deve estar entre 1 e 120 competências");
    }
  files = pdfs_in (out);
  g_assert_cmpuint (files->len, ==, 0);
  taken = sql_text ("SELECT COUNT (*) FROM numero_emitido");
  g_assert_cmpstr (g_strstrip (taken), ==, "0");

  /* The maximum forecast takes, notificacao takes too, and the letter says it. */
  cli (&r, "notificacao", "generate", "--signer", "coordenador", "--horizon", "120", "--municipio", CAUCAIA, "-o", out,
       NULL);
  if (r.status != 0)
    g_error ("--horizon 120: %s", r.err);
  g_clear_pointer (&files, g_ptr_array_unref);
  files = pdfs_in (out);
  g_assert_cmpuint (files->len, ==, 1);
  {
    g_autofree char *path = g_build_filename (out, g_ptr_array_index (files, 0), NULL);
    g_autofree char *text = pdf_text (path);

    assert_has (text, "Perda em 120");
  }
}

/* Every refusal comes before anything is made: no output folder appears for a missing profile
 * field, an existing combined PDF or a combined PDF that cannot be written. */
static void
test_refusals_make_no_folder (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *base = fresh_dir ("recusas-pasta");
  g_autofree char *out = g_build_filename (base, "nova", "notificacoes", NULL);
  g_autofree char *mine = g_build_filename (base, "meu.pdf", NULL);
  g_autofree char *under_file = g_build_filename (mine, "todas.pdf", NULL);
  g_autofree char *made = g_build_filename (base, "nova", NULL);
  g_autofree char *combined = g_build_filename (out, "todas.pdf", NULL);

  /* What an earlier run made goes first. */
  g_free (fresh_dir ("recusas-pasta/nova/notificacoes"));
  g_rmdir (out);
  g_rmdir (made);
  prepare_roster ();
  g_assert_true (g_file_set_contents (mine, "meu", -1, NULL));

  cli (&r, "profile", "set", "contato.email", "", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "notificacao", "generate", "--signer", "coordenador", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "E-mail da pessoa de contato");
  g_assert_false (g_file_test (made, G_FILE_TEST_EXISTS));
  fill_profile ();

  cli (&r, "notificacao", "generate", "--signer", "coordenador", "-o", out, "--combinado", mine, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "já existe");
  g_assert_false (g_file_test (made, G_FILE_TEST_EXISTS));

  cli (&r, "notificacao", "generate", "--signer", "coordenador", "-o", out, "--combinado", under_file, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "não pode ser gravado");
  g_assert_false (g_file_test (made, G_FILE_TEST_EXISTS));

  cli (&r, "notificacao", "generate", "--signer", "coordenador", "-o", under_file, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "não pode ser usada");
  {
    g_autofree char *kept = NULL;

    g_assert_true (g_file_get_contents (mine, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "meu");
  }
  {
    g_autofree char *taken = sql_text ("SELECT COUNT (*) FROM numero_emitido");

    g_assert_cmpstr (g_strstrip (taken), ==, "0");
  }

  /* Accepted, the folder is made, and the combined PDF may go inside it. */
  cli (&r, "notificacao", "generate", "--signer", "coordenador", "-o", out, "--combinado", combined, NULL);
  if (r.status != 0)
    g_error ("generate into a new folder: %s", r.err);
  g_assert_true (g_file_test (combined, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr(GPtrArray) files = pdfs_in (out);

    g_assert_cmpuint (files->len, ==, 3);
  }
}

static gboolean
bytes_contain (const char *bytes, gsize len, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (bytes + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Removing personal data takes the municipal secretary's name out of the letters already stored:
 * a letter that named one keeps its number, date and SHA-256 but not its PDF, and says so; a
 * letter to "Secretário(a) Municipal de Saúde" stays whole. */
static void
test_purge_removes_named_letters (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *out = fresh_dir ("purga-cartas");
  g_autofree char *exported = g_build_filename (out, "exportada.pdf", NULL);
  g_autofree char *bytes = NULL;
  gsize len = 0;

  prepare_roster ();
  cli (&r, "municipios", "adesao", "--offer", "coordenacao-cuidado-2025", "set", CAUCAIA, "--secretario",
       "Maria das Graças Lima", "--genero", "F", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli (&r, "notificacao", "generate", "--signer", "coordenador", "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "2 notificações gravadas");

  g_assert_true (g_file_get_contents (db, &bytes, &len, NULL));
  g_assert_true (bytes_contain (bytes, len, "Maria das Graças Lima"));
  g_clear_pointer (&bytes, g_free);
  cli (&r, "purge-personal-data", "--yes", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "notificações cujo PDF foi apagado (trazia o nome do secretário municipal): 1");
  g_assert_true (g_file_get_contents (db, &bytes, &len, NULL));
  g_assert_false (bytes_contain (bytes, len, "Maria das Graças Lima"));

  /* Caucaia's letter (1/2026, the municipality comes first) is refused with why; Fortaleza's stays. */
  cli (&r, "notificacao", "export", "1/2026", "-o", exported, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_has (r.err, "foi apagado com os dados pessoais que trazia");
  g_assert_false (g_file_test (exported, G_FILE_TEST_EXISTS));
  cli (&r, "notificacao", "export", "2/2026", "-o", exported, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (exported, G_FILE_TEST_IS_REGULAR));
  cli (&r, "notificacao", "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_has (r.out, "1/2026");
}

int
main (int argc, char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL ? g_getenv ("G_TEST_BUILDDIR") : ".",
                          "notificacao-output", NULL);
  g_mkdir_with_parents (dir, 0700);
  xdg = g_build_filename (dir, "xdg", NULL);
  g_setenv ("XDG_DATA_HOME", xdg, TRUE);

  g_test_add_func ("/notificacao/documents-match-forecast", test_documents_match_forecast);
  g_test_add_func ("/notificacao/secretary-named", test_secretary_named);
  g_test_add_func ("/notificacao/numbers-unique-and-export", test_numbers_unique_and_export);
  g_test_add_func ("/notificacao/refusals-write-nothing", test_refusals_write_nothing);
  g_test_add_func ("/notificacao/follow-up-after-newer-competencia", test_follow_up_after_newer_competencia);
  g_test_add_func ("/notificacao/demo-matches-forecast-and-banner", test_demo_matches_forecast_and_banner);
  g_test_add_func ("/notificacao/long-table", test_long_table);
  g_test_add_func ("/notificacao/cancel-leaves-nothing", test_cancel_leaves_nothing);
  g_test_add_func ("/notificacao/sem-registro-in-letters", test_sem_registro_in_letters);
  g_test_add_func ("/notificacao/horizon-as-forecast", test_horizon_as_forecast);
  g_test_add_func ("/notificacao/refusals-make-no-folder", test_refusals_make_no_folder);
  g_test_add_func ("/notificacao/purge-removes-named-letters", test_purge_removes_named_letters);

  rc = g_test_run ();
  g_free (db);
  g_free (dir);
  return rc;
}
