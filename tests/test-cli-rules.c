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
  const char *keys[] = { "ine", "competencia", "regras", "ausentes", "percentual", "clausula", "base_centavos", "perda_centavos" };

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
  g_assert_true (g_str_has_prefix (r.out, "ine;competencia;regras;ausentes;percentual;clausula;base;perda\n"));
  g_assert_nonnull (strstr (r.out, "\n0000010014;202506;portaria-38-2022;MED;50;esf-med;R$ 16.833,33;R$ 8.416,67\n"));
  g_assert_nonnull (strstr (r.out, "\n0000010022;202504;portaria-38-2022;;0;;R$ 12.625,00;R$ 0,00\n"));
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
  g_assert_nonnull (strstr (r.out, "7 equipes-competências; perda R$ 31.500,00"));
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
  next = json_object_get_object_member (o, "proximo_passo");
  g_assert_cmpint (json_object_get_int_member (next, "competencia"), ==, 202509);
  g_assert_cmpint (json_object_get_int_member (next, "percentual"), ==, 75);
  g_assert_cmpint (json_object_get_int_member (o, "corrigir_ate"), ==, 202509);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "meses")), ==, 6);
  g_unlink (scenario);
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
  g_assert_cmpint (json_object_get_int_member (total, "perda_a_centavos"), ==, 2525000);
  g_assert_cmpint (json_object_get_int_member (total, "perda_b_centavos"), ==, 3150000);
  g_assert_cmpint (json_object_get_int_member (total, "diferenca_centavos"), ==, 625000);
  o = find (json_object_get_array_member (o, "equipes"), "0000010014", 0);
  g_assert_cmpint (json_object_get_int_member (o, "percentual_a"), ==, 50);
  g_assert_cmpint (json_object_get_int_member (o, "percentual_b"), ==, 75);
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
  g_assert_nonnull (strstr (r.out, "\n0000010014;202506;portaria-6907-2025;MED;50;esf-med;R$ 18.000,00;R$ 9.000,00\n"));
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
  g_test_add_func ("/cli-rules/user-rule-set-replaces-shipped", test_user_rule_set_replaces_shipped);
  return g_test_run ();
}
