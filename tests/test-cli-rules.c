/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules, evaluate, forecast and compare as a user types them: the real coordena-cli binary on
 * the fixture roster, its output in each format and its exit codes. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "test-utils.h"


/* Runs coordena-cli in Portuguese with the given arguments (NULL-terminated); xdg may point
 * XDG_DATA_HOME elsewhere. */
static void
cli (Run *r, const char *xdg, ...)
{
  const char *const env[] = { "LANGUAGE", "pt_BR", "LC_ALL", "pt_BR.UTF-8", xdg != NULL ? "XDG_DATA_HOME" : NULL, xdg, NULL };
  va_list args;

  va_start (args, xdg);
  run_cli_valist (r, &(RunOptions) { .env = env }, args);
  va_end (args);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "rules", name, NULL);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

/* The object of an evaluate/forecast array with this ine and competência (0: any). */
static JsonObject *
find (JsonArray *array, const char *ine, gint64 competencia)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      if (g_str_equal (json_object_get_string_member (o, "ine"), ine) &&
          (competencia == 0 || json_object_get_int_member (o, "competencia") == competencia))
        return o;
    }
  g_error ("%s %" G_GINT64_FORMAT " not found", ine, competencia);
  return NULL;
}

static void
test_evaluate_json (void)
{
  g_autofree char *path = fixture ("roster.csv");
  g_auto(Run) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  JsonObject *o;
  const char *keys[] = { "ine", "competencia", "regras", "ausentes", "percentual", "clausula", "provimento_aplicado",
                         "base_centavos", "perda_centavos" };

  cli (&r, NULL, "evaluate", "--format", "json", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  root = parse (r.out);
  array = json_node_get_array (root);
  /* Three eSF months, three eAP months, one team declared empty; the eSB is not evaluated. */
  g_assert_cmpuint (json_array_get_length (array), ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      JsonObject *row = json_array_get_object_element (array, i);
      g_autoptr(GList) members = json_object_get_members (row);

      g_assert_cmpuint (g_list_length (members), ==, G_N_ELEMENTS (keys));
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        g_assert_true (json_object_has_member (row, keys[k]));
    }
  /* Sorted by ine, then competência. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "ine"), ==, "0000010014");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "competencia"), ==, 202504);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 6), "ine"), ==, "0000010030");

  o = find (array, "0000010014", 202506);
  g_assert_cmpstr (json_object_get_string_member (o, "regras"), ==, "portaria-6907-2025");
  g_assert_cmpint (json_object_get_int_member (o, "percentual"), ==, 75);
  g_assert_cmpstr (json_object_get_string_member (o, "clausula"), ==, "esf-med");
  g_assert_cmpint (json_object_get_int_member (o, "base_centavos"), ==, 1800000);
  g_assert_cmpint (json_object_get_int_member (o, "perda_centavos"), ==, 1350000);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "ausentes")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (o, "ausentes"), 0), ==, "MED");

  o = find (array, "0000010014", 202505);
  g_assert_cmpint (json_object_get_int_member (o, "percentual"), ==, 0);
  g_assert_true (json_object_get_null_member (o, "clausula"));

  o = find (array, "0000010030", 202506);
  g_assert_cmpint (json_object_get_int_member (o, "percentual"), ==, 100);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "ausentes")), ==, 4);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (o, "ausentes"), 3), ==, "ACS");
}

static void
test_evaluate_forced_rules_and_csv (void)
{
  g_autofree char *path = fixture ("roster.csv");
  g_auto(Run) r = { 0 };

  /* --rules ID applies that set to every competência, whatever its validity. */
  cli (&r, NULL, "evaluate", "--rules", "portaria-38-2022", "--format", "csv", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "ine;competencia;regras;ausentes;percentual;clausula;provimento_aplicado;base;perda\n"));
  g_assert_nonnull (strstr (r.out, "\n0000010014;202506;portaria-38-2022;MED;50;esf-med;N;R$ 16.833,33;R$ 8.416,67\n"));
  /* Two médicos of 15 h do not make the 30 h one an eAP 30 h needs (NT 753/2021 item 2.20 b):
   * MED absent from the first competência, 100 % from the second. */
  g_assert_nonnull (strstr (r.out, "\n0000010022;202504;portaria-38-2022;MED;0;;N;R$ 12.625,00;R$ 0,00\n"));
  g_assert_nonnull (strstr (r.out, "\n0000010022;202505;portaria-38-2022;MED;100;eap-med;N;R$ 12.625,00;R$ 12.625,00\n"));
  g_assert_null (strstr (r.out, "0000010049"));
}

static void
test_evaluate_table (void)
{
  g_autofree char *path = fixture ("roster-cp1252.csv");
  g_auto(Run) r = { 0 };

  cli (&r, NULL, "evaluate", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Ausentes"));
  g_assert_nonnull (strstr (r.out, "0000010014  06/2025  portaria-6907-2025  MED"));
  g_assert_nonnull (strstr (r.out, "R$ 13.500,00"));
  /* 13.500 + 18.000, and the eAP 30 h whose médicos of 15 h each do not add up: 2 × 9.468,75. */
  g_assert_nonnull (strstr (r.out, "7 equipes-competências; perda R$ 50.437,50"));
}

static void
test_evaluate_refuses_bad_file (void)
{
  g_autofree char *path = fixture ("roster-erros.csv");
  g_autofree char *expected = g_strdup_printf ("%s:4:6: o CNS “144082627260005” não é válido", path);
  g_auto(Run) r = { 0 };

  cli (&r, NULL, "evaluate", "--format", "json", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_true (g_str_has_prefix (r.err, "coordena-cli: "));
  g_assert_nonnull (strstr (r.err, expected));
  g_assert_nonnull (strstr (r.err, "13 linhas recusadas; nada foi avaliado"));
}

static void
test_evaluate_lenient (void)
{
  g_autofree char *path = fixture ("roster-erros.csv");
  g_autofree char *skipped = g_strdup_printf ("ignorada: %s:12:5: a equipe 0000010014 já tem o tipo eSF", path);
  g_auto(Run) r = { 0 };
  g_autoptr(JsonNode) root = NULL;

  cli (&r, NULL, "evaluate", "--lenient", "--format", "json", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, skipped));
  g_assert_nonnull (strstr (r.err, "13 linhas ignoradas (--lenient)"));
  g_assert_nonnull (strstr (r.err, "aviso: "));
  root = parse (r.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 3);
}

static void
test_usage_and_refusals (void)
{
  g_autofree char *path = fixture ("roster.csv");

  {
    g_auto(Run) r = { 0 };
    cli (&r, NULL, "evaluate", "--rules", "portaria-1-2030", path, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "Não há conjunto de regras “portaria-1-2030”"));
  }
  {
    g_auto(Run) r = { 0 };
    cli (&r, NULL, "evaluate", "--format", "xml", path, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "formato desconhecido “xml”"));
  }
  {
    g_auto(Run) r = { 0 };
    cli (&r, NULL, "evaluate", path, path, NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Run) r = { 0 };
    cli (&r, NULL, "evaluate", "nao-existe.csv", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "Não foi possível ler “nao-existe.csv”"));
  }
  {
    g_auto(Run) r = { 0 };
    cli (&r, NULL, "compare", "--rules", "portaria-38-2022", path, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "exatamente dois conjuntos"));
  }
}

/* Without a FILE the commands read the database: the fixture imported into a database evaluates
 * exactly as the file does, and a database that does not exist is refused, not created. */
static void
test_without_file_reads_database (void)
{
  g_autofree char *path = fixture ("roster.csv");
  g_autofree char *dir = g_dir_make_tmp ("coordena-eval-db-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "go.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "nao-existe.db", NULL);

  {
    g_auto(Run) r = { 0 };
    cli (&r, NULL, "--db", db, "init", "--uf", "GO", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = { 0 };
    cli (&r, NULL, "--db", db, "import", "roster", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) from_db = { 0 };
    g_auto(Run) from_file = { 0 };

    cli (&from_db, NULL, "--db", db, "evaluate", "--format", "json", NULL);
    cli (&from_file, NULL, "evaluate", "--format", "json", path, NULL);
    g_assert_cmpint (from_db.status, ==, 0);
    g_assert_cmpint (from_file.status, ==, 0);
    g_assert_cmpstr (from_db.out, ==, from_file.out);
    g_assert_cmpuint (strlen (from_db.out), >, 100);
  }
  {
    g_auto(Run) r = { 0 };
    cli (&r, NULL, "--db", db, "forecast", "--format", "json", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "0000010030"));
  }
  {
    g_auto(Run) r = { 0 };
    cli (&r, NULL, "--db", db, "compare", "--rules", "portaria-38-2022", "--rules", "portaria-6907-2025", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(Run) r = { 0 };
    cli (&r, NULL, "--db", missing, "evaluate", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "coordena-cli init --uf UF"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

static void
test_rules_list_and_show (void)
{
  g_auto(Run) list = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) missing = { 0 };

  cli (&list, NULL, "rules", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "previne-2020        01/2020 – 01/2022    capitação ponderada"));
  g_assert_nonnull (strstr (list.out, "portaria-7799-2025  a partir de 01/2026  componente de equidade"));

  cli (&show, NULL, "rules", "show", "portaria-38-2022", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "esf-tec-acs          eSF  50 %  TEC+ACS ausente; 2 competências seguidas"));
  g_assert_nonnull (strstr (show.out, "NT 753/2021, item 2.10 a [A]"));
  g_assert_nonnull (strstr (show.out, "[U] a confirmar"));
  g_assert_nonnull (strstr (show.out, "Questões em aberto (a confirmar):"));

  cli (&missing, NULL, "rules", "show", "nenhuma", NULL);
  g_assert_cmpint (missing.status, ==, 1);
}

static void
test_forecast (void)
{
  g_autofree char *path = fixture ("roster.csv");
  g_autofree char *dir = g_dir_make_tmp ("coordena-cenario-XXXXXX", NULL);
  g_autofree char *scenario = g_build_filename (dir, "cenario.csv", NULL);
  g_auto(Run) plain = { 0 };
  g_auto(Run) planned = { 0 };
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  JsonObject *o, *next;

  cli (&plain, NULL, "forecast", "--format", "json", path, NULL);
  g_assert_cmpint (plain.status, ==, 0);
  a = parse (plain.out);
  o = find (json_node_get_array (a), "0000010014", 0);
  g_assert_cmpint (json_object_get_int_member (o, "percentual"), ==, 75);
  g_assert_true (json_object_get_null_member (o, "proximo_passo"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "meses")), ==, 12);
  /* 12 × R$ 13.500,00: 75 % of the stratum-1 base, carried into 2026. */
  g_assert_cmpint (json_object_get_int_member (o, "perda_total_centavos"), ==, 16200000);
  o = find (json_node_get_array (a), "0000010030", 0);
  g_assert_cmpint (json_object_get_int_member (o, "revogacao"), ==, 202605);

  g_assert_true (g_file_set_contents (scenario,
    "ine;mudanca;categoria;a_partir_de\n0000010014;entrada;MED;202507\n0000010022;saida;ENF;202508\n", -1, NULL));
  cli (&planned, NULL, "forecast", "--scenario", scenario, "--horizon", "6", "--format", "json", path, NULL);
  g_assert_cmpint (planned.status, ==, 0);
  b = parse (planned.out);
  o = find (json_node_get_array (b), "0000010014", 0);
  g_assert_cmpint (json_object_get_int_member (o, "perda_total_centavos"), ==, 0);
  o = find (json_node_get_array (b), "0000010022", 0);
  /* Already 75 % for its médicos of 15 h each; the enfermeira leaving in 08/2025 makes it
   * MED+ENF, 100 % at once. */
  g_assert_cmpint (json_object_get_int_member (o, "percentual"), ==, 75);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (o, "ausentes_desde"), "MED"), ==, 202504);
  next = json_object_get_object_member (o, "proximo_passo");
  g_assert_cmpint (json_object_get_int_member (next, "competencia"), ==, 202508);
  g_assert_cmpint (json_object_get_int_member (next, "percentual"), ==, 100);
  g_assert_cmpint (json_object_get_int_member (o, "corrigir_ate"), ==, 202508);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "meses")), ==, 6);
  g_unlink (scenario);
  g_rmdir (dir);
}

/* pdftotext's text of a PDF, its lines joined by single spaces so table cells read in order. */
static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "pdftotext", path, "-", NULL);
  g_autofree char *out = NULL;
  g_auto(GStrv) words = NULL;

  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  words = g_strsplit_set (out, " \n\f", -1);
  {
    g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
    g_auto(GStrv) kept = NULL;

    for (guint i = 0; words[i] != NULL; i++)
      if (words[i][0] != '\0')
        g_strv_builder_add (b, words[i]);
    kept = g_strv_builder_end (b);
    return g_strjoinv (" ", kept);
  }
}

/* One CSV line's cells, quotes understood. */
static GStrv
split_csv_line (const char *line)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (cell, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if (*p == ';' && !quoted)
        {
          g_strv_builder_add (b, cell->str);
          g_string_truncate (cell, 0);
        }
      else
        g_string_append_c (cell, *p);
    }
  g_strv_builder_add (b, cell->str);
  return g_strv_builder_end (b);
}

/* Issue 12 item 1 and 2: on a roster where two teams stopped before the state's latest
 * competência, with a scenario and a horizon of 18, `forecast` (every format), the forecast
 * sheet and `report forecast` count the same teams, the same statuses and the same money over
 * the same competências, and the report says what it computed. */
static void
test_forecast_and_report_agree (void)
{
  g_autofree char *path = fixture ("roster-parado.csv");
  g_autofree char *dir = g_dir_make_tmp ("coordena-agree-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "c.db", NULL);
  g_autofree char *scenario = g_build_filename (dir, "cenario.csv", NULL);
  g_autofree char *pdf = g_build_filename (dir, "previsao.pdf", NULL);
  g_autofree char *sheet = g_build_filename (dir, "previsao.csv", NULL);
  g_autofree char *text = NULL, *csv = NULL, *total_text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) init = { 0 };
  g_auto(Run) imp = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) table = { 0 };
  g_auto(Run) report = { 0 };
  g_auto(Run) out = { 0 };
  JsonArray *teams;
  gint64 total = 0;
  guint missing = 0, n_rows = 0;
  GStatBuf st;

  cli (&init, NULL, "--db", db, "init", "--uf", "GO", NULL);
  g_assert_cmpint (init.status, ==, 0);
  cli (&imp, NULL, "--db", db, "import", "roster", path, NULL);
  g_assert_cmpint (imp.status, ==, 0);
  g_assert_true (g_file_set_contents (scenario, "ine;mudanca;categoria;a_partir_de\n"
                                                "0000020044;entrada;ENF;202703\n0000020010;saida;TEC;202702\n", -1, NULL));

  cli (&json, NULL, "--db", db, "forecast", "--scenario", scenario, "--horizon", "18", "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  root = parse (json.out);
  teams = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (teams), ==, 6);
  for (guint i = 0; i < json_array_get_length (teams); i++)
    {
      JsonObject *o = json_array_get_object_element (teams, i);

      total += json_object_get_int_member (o, "perda_total_centavos");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "meses")), ==, 18);
      if (json_object_get_boolean_member (o, "sem_registro"))
        {
          missing++;
          g_assert_cmpint (json_object_get_int_member (o, "competencia"), ==, 202612);
          g_assert_cmpint (json_object_get_int_member (o, "percentual"), ==, 100);
          g_assert_cmpstr (json_object_get_string_member (o, "clausula"), ==, "sem-registro");
          g_assert_cmpstr (json_object_get_string_member (o, "situacao"), ==, "Sem registro na competência 12/2026 (100 %)");
        }
    }
  g_assert_cmpuint (missing, ==, 2);
  /* 2 × 18 × 18.000 without registration, 18 × 13.500 under provimento, 18 × 5.400 for the eAP
   * whose enfermeiras of 10 h do not add up, 2 × 13.500 before the hire, 16 × 4.500 after the
   * departure. */
  g_assert_cmpint (total, ==, 2 * 18 * 1800000 + 18 * 1350000 + 18 * 540000 + 2 * 1350000 + 16 * 450000);
  {
    g_autofree char *money = NULL;
    JsonObject *o = find (teams, "0000020060", 0);

    g_assert_true (json_object_get_boolean_member (o, "provimento_aplicado"));
    g_assert_false (json_object_get_boolean_member (find (teams, "0000020044", 0), "provimento_aplicado"));
    (void) money;
  }

  cli (&table, NULL, "--db", db, "forecast", "--scenario", scenario, "--horizon", "18", NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "Previsão de 01/2027 a 06/2028 (18 competências)"));
  g_assert_nonnull (strstr (table.out, "cenário: 2 mudanças"));
  g_assert_nonnull (strstr (table.out, "6 equipes avaliadas: 0 regulares, 1 em risco, 3 suspensas, 2 sem registro na competência 12/2026."));
  g_assert_nonnull (strstr (table.out, "6 equipes perdem recursos nas próximas 18 competências: R$ 1.087.200,00"));

  cli (&report, NULL, "--db", db, "report", "forecast", "--scenario", scenario, "--horizon", "18", "-o", pdf, NULL);
  g_assert_cmpint (report.status, ==, 0);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Competências previstas 01/2027 a 06/2028 (18 competências)"));
  g_assert_nonnull (strstr (text, "Equipes avaliadas 6"));
  g_assert_nonnull (strstr (text, "Suspensas agora 3"));
  g_assert_nonnull (strstr (text, "Sem registro na competência 12/2026 2"));
  total_text = g_strdup_printf ("Perda prevista nas próximas 18 competências (01/2027 a 06/2028) R$ 1.087.200,00");
  g_assert_nonnull (strstr (text, total_text));
  g_assert_nonnull (strstr (text, "Mudanças do cenário 2 mudanças planejadas"));
  g_assert_nonnull (strstr (text, "0000020044: entrada de Enfermeiro a partir de 03/2027"));
  g_assert_nonnull (strstr (text, "0000020010: saída de Técnico ou auxiliar de enfermagem a partir de 02/2027"));
  g_assert_nonnull (strstr (text, "Portaria GM/MS nº 7.799/2025 (componente de equidade) (a partir de 01/2026)"));
  g_assert_nonnull (strstr (text, "registrado previsto"));
  /* Every team the forecast counts is in the report's table, the two without registration too. */
  for (guint i = 0; i < json_array_get_length (teams); i++)
    g_assert_nonnull (strstr (text, json_object_get_string_member (json_array_get_object_element (teams, i), "ine")));
  g_assert_nonnull (strstr (text, "sem registro desde 09/2026"));
  g_assert_nonnull (strstr (text, "falta: Enfermeiro (desde 11/2026)"));
  g_assert_nonnull (strstr (text, "limitado pelo provimento"));
  g_assert_null (strstr (text, "regras A"));
  g_assert_null (strstr (text, "se nada mudar"));

  /* The sheet from `forecast -o` (the window writes the same): the same teams and total. */
  cli (&out, NULL, "--db", db, "forecast", "--scenario", scenario, "--horizon", "18", "-o", sheet, NULL);
  g_assert_cmpint (out.status, ==, 0);
  g_assert_cmpstr (out.out, ==, "");
  csv = read_text (sheet);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "Município;IBGE;INE;CNES;Equipe;Tipo;Situação;"));
  g_assert_cmpint (g_stat (sheet, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
    gint64 sum = 0;

    for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
      {
        g_auto(GStrv) cells = split_csv_line (lines[i]);
        g_auto(GStrv) parts = NULL;

        n_rows++;
        g_assert_cmpuint (g_strv_length (cells), ==, 24);
        /* Money is a number with a decimal comma, no "R$". */
        g_assert_null (strstr (lines[i], "R$"));
        parts = g_strsplit (cells[20], ",", 2);
        sum += g_ascii_strtoll (parts[0], NULL, 10) * 100 + g_ascii_strtoll (parts[1], NULL, 10);
      }
    g_assert_cmpuint (n_rows, ==, 6);
    g_assert_cmpint (sum, ==, total);
  }
  g_assert_nonnull (strstr (csv, ";Sem registro na competência 12/2026 (100 %);12/2026;08/2026;"));

  g_unlink (sheet);
  g_unlink (pdf);
  g_unlink (scenario);
  g_unlink (db);
  g_rmdir (dir);
}

/* Issue 12 item 8: when the provimento cap turns the 100 % of MED+ENF into 75 %, every output
 * says so. */
static void
test_provimento_shows (void)
{
  g_autofree char *path = fixture ("roster-parado.csv");
  g_auto(Run) json = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) table = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *rows;

  cli (&json, NULL, "evaluate", "--format", "json", path, NULL);
  g_assert_cmpint (json.status, ==, 0);
  root = parse (json.out);
  rows = json_node_get_array (root);
  g_assert_true (json_object_get_boolean_member (find (rows, "0000020060", 202612), "provimento_aplicado"));
  g_assert_cmpint (json_object_get_int_member (find (rows, "0000020060", 202612), "percentual"), ==, 75);
  g_assert_cmpstr (json_object_get_string_member (find (rows, "0000020060", 202612), "clausula"), ==, "esf-med-enf");
  g_assert_false (json_object_get_boolean_member (find (rows, "0000020060", 202611), "provimento_aplicado"));
  g_assert_false (json_object_get_boolean_member (find (rows, "0000020044", 202612), "provimento_aplicado"));

  cli (&csv, NULL, "evaluate", "--format", "csv", path, NULL);
  g_assert_nonnull (strstr (csv.out, "\n0000020060;202612;portaria-7799-2025;MED+ENF;75;esf-med-enf;S;R$ 18.000,00;R$ 13.500,00\n"));
  cli (&table, NULL, "forecast", path, NULL);
  g_assert_nonnull (strstr (table.out, "12/2026  75 % P"));
  g_assert_nonnull (strstr (table.out, "P: limitado a 75 % pelo provimento (NT 753/2021 itens 2.13 e 2.17"));
}

/* Issue 12 item 10: the comparison sheet is the people's format too, named by the rule sets. */
static void
test_compare_sheet (void)
{
  g_autofree char *path = fixture ("roster.csv");
  g_autofree char *dir = g_dir_make_tmp ("coordena-cmp-XXXXXX", NULL);
  g_autofree char *sheet = g_build_filename (dir, "comparacao.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(Run) r = { 0 };

  cli (&r, NULL, "compare", "--rules", "portaria-38-2022", "--rules", "portaria-6907-2025", "-o", sheet, path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  csv = read_text (sheet);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "INE;Equipe;Última competência;Percentual — Portaria GM/MS nº 38/2022"));
  g_assert_nonnull (strstr (csv, "\r\nTotal;;;;;50500,00;50437,50;-62,50\r\n"));
  /* "R$" only in the titles, never beside an amount. */
  g_assert_null (strstr (strstr (csv, "\r\n"), "R$"));
  g_unlink (sheet);
  g_rmdir (dir);
}

/* Issue 12 item 6: every parameter shows its act, and the tags are explained. */
static void
test_rules_show_cites_every_parameter (void)
{
  g_auto(Run) show = { 0 };

  cli (&show, NULL, "rules", "show", "portaria-6907-2025", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "Presente numa eAP:"));
  g_assert_nonnull (strstr (show.out, "NT 753/2021 item 2.20 b: carga horária individual semanal de 20 ou 30 horas"));
  g_assert_nonnull (strstr (show.out, "Portaria SAS/MS nº 134/2011"));
  g_assert_nonnull (strstr (show.out, "Sem registro:"));
  g_assert_nonnull (strstr (show.out, "Fundamento: Portaria GM/MS nº 3.493/2024, anexos (transcrição de consultoria)"));
  g_assert_nonnull (strstr (show.out, "[A] lido no próprio ato; [S] de fonte secundária"));
  g_assert_null (strstr (show.out, "nenhum ato citado"));
}

/* The sets before 6.907/2025 also say, with an act and a tag, what they make of a team without
 * registration and of the provimento, even when the answer is "nothing". */
static void
test_rules_show_tags_every_line (void)
{
  const char *sets[] = { "previne-2020", "portaria-38-2022", "cofin-2024", "portaria-6907-2025" };

  for (guint k = 0; k < G_N_ELEMENTS (sets); k++)
    {
      g_auto(Run) show = { 0 };
      g_auto(GStrv) lines = NULL;
      guint checked = 0;

      cli (&show, NULL, "rules", "show", sets[k], NULL);
      g_assert_cmpint (show.status, ==, 0);
      g_assert_null (strstr (show.out, "nenhum ato citado"));
      lines = g_strsplit (show.out, "\n", -1);
      for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
        if (g_str_has_prefix (lines[i], "Provimento:") || g_str_has_prefix (lines[i], "Sem registro:"))
          {
            g_assert_true (g_regex_match_simple ("\\[[ASU]\\]", lines[i], 0, 0));
            g_assert_true (g_str_has_prefix (lines[i + 1], "  fundamento:"));
            g_assert_true (g_regex_match_simple ("(Portaria|NT)[^;]*[0-9]", lines[i + 1], 0, 0));
            checked++;
          }
      g_assert_cmpuint (checked, ==, 2);
    }
}

/* The top (yMin) or bottom (yMax) of the first word `word` on page 1 after the point `after`. */
static double
word_edge (const char *bbox, const char *word, double after, gboolean top)
{
  g_autofree char *pattern = g_strdup_printf ("yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">%s</word>", word);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  for (g_regex_match (regex, bbox, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *y_min = g_match_info_fetch (match, 1);
      g_autofree char *y_max = g_match_info_fetch (match, 2);

      if (g_ascii_strtod (y_min, NULL) > after)
        return g_ascii_strtod (top ? y_min : y_max, NULL);
    }
  g_error ("no “%s” below %.1f", word, after);
  return 0;
}

/* Page 1 of the report: the note on teams sem registro keeps a gap from the summary table, and
 * the chart's axis starts at the roster's first competência (07/2026), not at empty months. */
static void
test_report_layout (void)
{
  g_autofree char *path = fixture ("roster-parado.csv");
  g_autofree char *dir = g_dir_make_tmp ("coordena-lay-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "c.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "previsao.pdf", NULL);
  g_autofree char *bbox = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) init = { 0 };
  g_auto(Run) imp = { 0 };
  g_auto(Run) report = { 0 };
  double row_gap, note_gap, regular;

  cli (&init, NULL, "--db", db, "init", "--uf", "GO", NULL);
  cli (&imp, NULL, "--db", db, "import", "roster", path, NULL);
  cli (&report, NULL, "--db", db, "report", "forecast", "-o", pdf, NULL);
  g_assert_cmpint (report.status, ==, 0);

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "pdftotext", "-f", "1", "-l", "1", "-bbox", pdf, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &bbox, NULL, &error);
  g_assert_no_error (error);
  /* Between two rows of the table: "Regular" and "Em risco". Between the last row and the note. */
  regular = word_edge (bbox, "Regular", 0, TRUE);
  row_gap = word_edge (bbox, "Em", regular, TRUE) - word_edge (bbox, "Regular", 0, FALSE);
  note_gap = word_edge (bbox, "Uma", regular, TRUE) - word_edge (bbox, "INEs", regular, FALSE);
  g_assert_cmpfloat (note_gap, >=, row_gap);

  text = pdf_text (pdf);
  /* Every other month is labelled: the first label is the first competência held. */
  g_assert_nonnull (strstr (text, "07/26 09/26 11/26 01/27"));
  g_assert_null (strstr (text, "01/26"));
  g_assert_null (strstr (text, "05/26"));

  /* The comparison section names the teams sem registro and what each set makes of them. */
  {
    g_auto(Run) cmp = { 0 };
    g_autofree char *cmp_text = NULL;

    cli (&cmp, NULL, "--db", db, "report", "forecast", "--compare", "portaria-38-2022", "--compare", "portaria-7799-2025", "-o", pdf, NULL);
    g_assert_cmpint (cmp.status, ==, 0);
    cmp_text = pdf_text (pdf);
    g_assert_nonnull (strstr (cmp_text, "0000020028 (sem registro depois"));
    g_assert_nonnull (strstr (cmp_text, "R$ 0,00 R$ 72.000,00"));
    g_assert_nonnull (strstr (cmp_text, "portaria-38-2022 não trata do caso (0 %); portaria-7799-2025 suspende 100 % [S]"));
  }
  g_unlink (pdf);
  g_unlink (db);
  g_rmdir (dir);
}

/* Issue 12 item 9: with no language set (C.UTF-8), the forecast and its PDF report are in
 * Portuguese, figures in pt-BR format. */
static void
test_portuguese_under_c_locale (void)
{
  g_autofree char *path = fixture ("roster-parado.csv");
  g_autofree char *dir = g_dir_make_tmp ("coordena-c-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "c.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "previsao.pdf", NULL);
  g_autofree char *text = NULL;
  const char *const commands[][8] = {
    { "--db", db, "init", "--uf", "GO", NULL },
    { "--db", db, "import", "roster", path, NULL },
    { "--db", db, "report", "forecast", "-o", pdf, NULL },
    { "--db", db, "forecast", NULL },
  };
  g_autofree char *forecast_out = NULL;

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_autoptr(GSubprocess) proc = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL, *err = NULL;

      g_ptr_array_add (argv, (gpointer) g_getenv ("COORDENA_CLI"));
      for (guint k = 0; commands[c][k] != NULL; k++)
        g_ptr_array_add (argv, (gpointer) commands[c][k]);
      g_ptr_array_add (argv, NULL);
      g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
      g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
      proc = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
      if (c == 3)
        forecast_out = g_steal_pointer (&out);
    }
  g_assert_nonnull (strstr (forecast_out, "Competência mais recente: 12/2026. Previsão de 01/2027 a 12/2027"));
  g_assert_nonnull (strstr (forecast_out, "equipes perdem recursos nas próximas 12 competências: R$ 820.800,00"));
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Previsão de suspensões do financiamento federal"));
  g_assert_nonnull (strstr (text, "Equipes com suspensão agora ou adiante, por município"));
  g_assert_nonnull (strstr (text, "R$ 820.800,00"));
  g_assert_null (strstr (text, "Forecast"));
  g_assert_null (strstr (text, "million"));
  g_unlink (pdf);
  g_unlink (db);
  g_rmdir (dir);
}

static void
test_compare (void)
{
  g_autofree char *path = fixture ("roster.csv");
  g_auto(Run) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o, *total;

  cli (&r, NULL, "compare", "--rules", "portaria-38-2022", "--rules", "portaria-6907-2025", "--format", "json", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse (r.out);
  o = json_node_get_object (root);
  total = json_object_get_object_member (o, "total");
  /* The eAP 30 h lacks its médico of 30 h (two of 15 h do not count): 100 % twice under
   * Portaria 38/2022, 75 % twice under 6.907/2025. */
  g_assert_cmpint (json_object_get_int_member (total, "perda_a_centavos"), ==, 5050000);
  g_assert_cmpint (json_object_get_int_member (total, "perda_b_centavos"), ==, 5043750);
  g_assert_cmpint (json_object_get_int_member (total, "diferenca_centavos"), ==, -6250);
  o = find (json_object_get_array_member (o, "equipes"), "0000010014", 0);
  g_assert_cmpint (json_object_get_int_member (o, "percentual_a"), ==, 50);
  g_assert_cmpint (json_object_get_int_member (o, "percentual_b"), ==, 75);
}

/* A team that stopped appearing (sem registro) weighs in the comparison as in the forecast:
 * what each rule set says of a team with no registration, month by month up to the latest. */
static void
test_compare_counts_sem_registro (void)
{
  g_autofree char *path = fixture ("roster-parado.csv");
  g_autofree char *dir = g_dir_make_tmp ("coordena-cmp-XXXXXX", NULL);
  g_autofree char *sheet = g_build_filename (dir, "comparacao.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(Run) r = { 0 };
  g_auto(Run) table = { 0 };
  g_auto(Run) sheet_run = { 0 };
  g_auto(Run) forecast = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) froot = NULL;
  JsonObject *o, *fo;

  cli (&r, NULL, "compare", "--rules", "portaria-38-2022", "--rules", "portaria-7799-2025", "--format", "json", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse (r.out);
  o = find (json_object_get_array_member (json_node_get_object (root), "equipes"), "0000020028", 0);
  /* Last seen in 08/2026; 09 to 12/2026 without registration: 100 % of R$ 18.000 under
   * 7.799/2025, nothing under Portaria 38/2022, which does not treat the case. */
  g_assert_true (json_object_get_boolean_member (o, "sem_registro"));
  g_assert_cmpint (json_object_get_int_member (o, "ultima_competencia_registrada"), ==, 202608);
  g_assert_cmpint (json_object_get_int_member (o, "competencia"), ==, 202612);
  g_assert_cmpint (json_object_get_int_member (o, "percentual_a"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "percentual_b"), ==, 100);
  g_assert_cmpint (json_object_get_int_member (o, "perda_a_centavos"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "perda_b_centavos"), ==, 4 * 1800000);

  /* The forecast under the same set says the same of it today. */
  cli (&forecast, NULL, "forecast", "--rules", "portaria-7799-2025", "--format", "json", path, NULL);
  g_assert_cmpint (forecast.status, ==, 0);
  froot = parse (forecast.out);
  fo = find (json_node_get_array (froot), "0000020028", 0);
  g_assert_true (json_object_get_boolean_member (fo, "sem_registro"));
  g_assert_cmpint (json_object_get_int_member (fo, "percentual"), ==, json_object_get_int_member (o, "percentual_b"));
  g_assert_cmpint (json_object_get_int_member (fo, "perda_mensal_centavos"), ==, 1800000);

  cli (&table, NULL, "compare", "--rules", "portaria-38-2022", "--rules", "portaria-7799-2025", path, NULL);
  g_assert_nonnull (strstr (table.out, "0000020028  12/2026     0   100          R$ 0,00     R$ 72.000,00"));
  g_assert_nonnull (strstr (table.out, "0000020028: sem registro depois de 08/2026"));

  cli (&sheet_run, NULL, "compare", "--rules", "portaria-38-2022", "--rules", "portaria-7799-2025", "-o", sheet, path, NULL);
  g_assert_cmpint (sheet_run.status, ==, 0);
  csv = read_text (sheet);
  g_assert_nonnull (strstr (csv, "\r\n0000020028;"));
  g_assert_nonnull (strstr (strstr (csv, "\r\n0000020028;"), ";0,00;72000,00;72000,00\r\n"));
  g_unlink (sheet);
  g_rmdir (dir);
}

/* A planned change for a team sem registro cannot apply (the team has no composition to change
 * until it is registered again): the CLI says so with the file's line, the report marks it, and
 * the forecast of that team is what it is without the change. */
static void
test_scenario_for_team_without_registration (void)
{
  g_autofree char *path = fixture ("roster-parado.csv");
  g_autofree char *dir = g_dir_make_tmp ("coordena-cen-XXXXXX", NULL);
  g_autofree char *scenario = g_build_filename (dir, "cenario.csv", NULL);
  g_autofree char *db = g_build_filename (dir, "c.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "previsao.pdf", NULL);
  g_autofree char *warning = NULL;
  g_autofree char *text = NULL;
  g_auto(Run) plain = { 0 };
  g_auto(Run) with = { 0 };
  g_auto(Run) init = { 0 };
  g_auto(Run) imp = { 0 };
  g_auto(Run) report = { 0 };
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  JsonObject *oa, *ob;

  g_assert_true (g_file_set_contents (scenario, "ine;mudanca;categoria;a_partir_de\n"
                                                "0000020044;entrada;ENF;202701\n"
                                                "0000020028;entrada;MED;202701\n", -1, NULL));
  cli (&plain, NULL, "forecast", "--format", "json", path, NULL);
  cli (&with, NULL, "forecast", "--format", "json", "--scenario", scenario, path, NULL);
  g_assert_cmpint (with.status, ==, 0);
  {
    g_auto(Run) table = { 0 };

    cli (&table, NULL, "forecast", path, NULL);
    g_assert_nonnull (strstr (table.out, "cenário: nenhuma mudança."));
  }
  warning = g_strdup_printf ("%s:3: aviso: a equipe 0000020028 está sem registro em 12/2026 (última competência 08/2026): "
                             "esta mudança não tem efeito", scenario);
  g_assert_nonnull (strstr (with.err, warning));
  /* The other change applies, and draws no warning. */
  g_assert_null (strstr (with.err, "0000020044"));
  a = parse (plain.out);
  b = parse (with.out);
  oa = find (json_node_get_array (a), "0000020028", 0);
  ob = find (json_node_get_array (b), "0000020028", 0);
  g_assert_cmpint (json_object_get_int_member (ob, "perda_total_centavos"), ==, json_object_get_int_member (oa, "perda_total_centavos"));
  g_assert_cmpint (json_object_get_int_member (find (json_node_get_array (b), "0000020044", 0), "perda_total_centavos"), <,
                   json_object_get_int_member (find (json_node_get_array (a), "0000020044", 0), "perda_total_centavos"));

  cli (&init, NULL, "--db", db, "init", "--uf", "GO", NULL);
  g_assert_cmpint (init.status, ==, 0);
  cli (&imp, NULL, "--db", db, "import", "roster", path, NULL);
  g_assert_cmpint (imp.status, ==, 0);
  cli (&report, NULL, "--db", db, "report", "forecast", "--scenario", scenario, "-o", pdf, NULL);
  g_assert_cmpint (report.status, ==, 0);
  g_assert_nonnull (strstr (report.err, warning));
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "0000020028"));
  g_assert_nonnull (strstr (text, "0000020028: entrada de Médico a partir de 01/2027 — sem efeito: a equipe está sem registro"));
  g_assert_null (strstr (text, "entrada de Enfermeiro a partir de 01/2027 — sem efeito"));
  g_unlink (pdf);
  g_unlink (db);
  g_unlink (scenario);
  g_rmdir (dir);
}

static void
test_user_rule_set_replaces_shipped (void)
{
  g_autofree char *path = fixture ("roster.csv");
  g_autofree char *xdg = g_dir_make_tmp ("coordena-xdg-XXXXXX", NULL);
  g_autofree char *rules = g_build_filename (xdg, "coordena", "rules", NULL);
  g_autofree char *src = g_build_filename (g_getenv ("COORDENA_DATADIR"), "rules", "portaria-6907-2025.ruleset", NULL);
  g_autofree char *dest = g_build_filename (rules, "portaria-6907-2025.ruleset", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *changed = NULL;
  g_auto(Run) r = { 0 };

  /* A new act sets the single médico absence at 50 %: the user follows it with a file. */
  g_assert_true (g_file_get_contents (src, &text, NULL, NULL));
  parts = g_strsplit (text, "absent_all=MED\nmin_absent=0\npercent=75", 2);
  changed = g_strjoin ("absent_all=MED\nmin_absent=0\npercent=50", parts[0], parts[1], NULL);
  g_assert_cmpint (g_mkdir_with_parents (rules, 0700), ==, 0);
  g_assert_true (g_file_set_contents (dest, changed, -1, NULL));

  cli (&r, xdg, "evaluate", "--format", "csv", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\n0000010014;202506;portaria-6907-2025;MED;50;esf-med;N;R$ 18.000,00;R$ 9.000,00\n"));
  g_unlink (dest);
  g_rmdir (rules);
  {
    g_autofree char *parent = g_path_get_dirname (rules);
    g_rmdir (parent);
  }
  g_rmdir (xdg);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-rules/evaluate-json", test_evaluate_json);
  g_test_add_func ("/cli-rules/evaluate-forced-rules-and-csv", test_evaluate_forced_rules_and_csv);
  g_test_add_func ("/cli-rules/evaluate-table", test_evaluate_table);
  g_test_add_func ("/cli-rules/evaluate-refuses-bad-file", test_evaluate_refuses_bad_file);
  g_test_add_func ("/cli-rules/evaluate-lenient", test_evaluate_lenient);
  g_test_add_func ("/cli-rules/usage-and-refusals", test_usage_and_refusals);
  g_test_add_func ("/cli-rules/without-file-reads-database", test_without_file_reads_database);
  g_test_add_func ("/cli-rules/rules-list-and-show", test_rules_list_and_show);
  g_test_add_func ("/cli-rules/forecast", test_forecast);
  g_test_add_func ("/cli-rules/compare", test_compare);
  g_test_add_func ("/cli-rules/forecast-and-report-agree", test_forecast_and_report_agree);
  g_test_add_func ("/cli-rules/provimento-shows", test_provimento_shows);
  g_test_add_func ("/cli-rules/portuguese-under-c-locale", test_portuguese_under_c_locale);
  g_test_add_func ("/cli-rules/compare-sheet", test_compare_sheet);
  g_test_add_func ("/cli-rules/compare-counts-sem-registro", test_compare_counts_sem_registro);
  g_test_add_func ("/cli-rules/report-layout", test_report_layout);
  g_test_add_func ("/cli-rules/rules-show-tags-every-line", test_rules_show_tags_every_line);
  g_test_add_func ("/cli-rules/scenario-for-team-without-registration", test_scenario_for_team_without_registration);
  g_test_add_func ("/cli-rules/rules-show-cites-every-parameter", test_rules_show_cites_every_parameter);
  g_test_add_func ("/cli-rules/user-rule-set-replaces-shipped", test_user_rule_set_replaces_shipped);
  return g_test_run ();
}
