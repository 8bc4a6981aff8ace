/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rule-set files: the five shipped sets hold DOMAIN.md §4's tables, a user file replaces a
 * shipped one, and every refused file names its line and key. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <coordena/coordena.h>
#include <coordena/ruleset.h>

#define BIT COORDENA_CATEGORY_BIT
#define MED COORDENA_CATEGORY_MED
#define ENF COORDENA_CATEGORY_ENF
#define TEC COORDENA_CATEGORY_TEC
#define ACS COORDENA_CATEGORY_ACS

static CoordenaRuleCatalog *
shipped (void)
{
  g_autoptr(GError) error = NULL;
  CoordenaRuleCatalog *catalog = coordena_rule_catalog_load (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

static const CoordenaClause *
clause (const CoordenaRuleSet *set, const char *id)
{
  for (guint i = 0; i < set->n_clauses; i++)
    if (g_str_equal (set->clauses[i].id, id))
      return &set->clauses[i];
  g_error ("clause %s not in %s", id, set->id);
  return NULL;
}

static void
assert_clause (const CoordenaRuleSet *set, const char *id, CoordenaFamily family, CoordenaCategorySet all,
               guint min, guint percent, guint consecutive, CoordenaConfidence confidence)
{
  const CoordenaClause *c = clause (set, id);

  g_assert_cmpint (c->family, ==, family);
  g_assert_cmpuint (c->absent_all, ==, all);
  g_assert_cmpuint (c->min_absent, ==, min);
  g_assert_cmpuint (c->percent, ==, percent);
  g_assert_cmpuint (c->consecutive, ==, consecutive);
  g_assert_cmpint (c->confidence, ==, confidence);
  g_assert_cmpstr (c->basis, !=, "");
}

static void
test_shipped_validity (void)
{
  g_autoptr(CoordenaRuleCatalog) cat = shipped ();
  struct { CoordenaCompetencia c; const char *id; } cases[] = {
    { 201912, NULL }, { 202001, "previne-2020" }, { 202201, "previne-2020" },
    { 202202, "portaria-38-2022" }, { 202404, "portaria-38-2022" }, { 202405, "cofin-2024" },
    { 202503, "cofin-2024" }, { 202504, "portaria-6907-2025" }, { 202512, "portaria-6907-2025" },
    { 202601, "portaria-7799-2025" }, { 203012, "portaria-7799-2025" },
  };

  g_assert_cmpuint (coordena_rule_catalog_get_n_sets (cat), ==, 5);
  g_assert_cmpstr (coordena_rule_catalog_get_set (cat, 0)->id, ==, "previne-2020");
  g_assert_cmpstr (coordena_rule_catalog_get_set (cat, 4)->id, ==, "portaria-7799-2025");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CoordenaRuleSet *set = coordena_rule_catalog_in_force (cat, cases[i].c);
      g_assert_cmpstr (set != NULL ? set->id : NULL, ==, cases[i].id);
    }
  g_assert_cmpuint (coordena_rule_catalog_find (cat, "portaria-7799-2025")->valid_to, ==, 0);
  g_assert_null (coordena_rule_catalog_find (cat, "portaria-1-2030"));
}

/* Issue 12 items 5 and 6: every parameter of every shipped set cites its act next to its
 * confidence, the presence thresholds are parameters, and a team without registration is
 * suspended 100 % where Portaria 6.907/2025 applies. */
static void
test_parameters_cite_acts (void)
{
  g_autoptr(CoordenaRuleCatalog) cat = shipped ();

  for (guint i = 0; i < coordena_rule_catalog_get_n_sets (cat); i++)
    {
      const CoordenaRuleSet *s = coordena_rule_catalog_get_set (cat, i);
      const char *bases[] = { s->max_total_hours_basis, s->provimento_basis, s->revoke_basis, s->base_basis,
                              s->esf_min_hours_basis, s->eap_min_hours_basis };

      for (guint k = 0; k < G_N_ELEMENTS (bases); k++)
        {
          if (bases[k] == NULL || strlen (bases[k]) < 10)
            g_error ("%s: parameter %u has no basis", s->id, k);
        }
      g_assert_cmpuint (s->esf_min_hours, ==, 40);
      g_assert_cmpuint (s->eap20_min_hours, ==, 20);
      g_assert_cmpuint (s->eap30_min_hours, ==, 30);
      g_assert_cmpint (s->eap_min_hours_confidence, ==, COORDENA_CONFIDENCE_A);
      g_assert_nonnull (strstr (s->eap_min_hours_basis, "2.20 b"));
      g_assert_cmpint (s->max_total_hours_confidence, ==, COORDENA_CONFIDENCE_S);
    }
  {
    const CoordenaRuleSet *s = coordena_rule_catalog_find (cat, "portaria-6907-2025");

    g_assert_cmpuint (s->sem_registro_percent, ==, 100);
    g_assert_cmpint (s->sem_registro.confidence, ==, COORDENA_CONFIDENCE_S);
    g_assert_nonnull (strstr (s->sem_registro.basis, "6.907/2025"));
    g_assert_cmpuint (coordena_rule_catalog_find (cat, "portaria-38-2022")->sem_registro_percent, ==, 0);
  }
}

static void
test_previne_2020 (void)
{
  g_autoptr(CoordenaRuleCatalog) cat = shipped ();
  const CoordenaRuleSet *s = coordena_rule_catalog_find (cat, "previne-2020");

  g_assert_cmpuint (s->n_clauses, ==, 8);
  g_assert_cmpint (s->base, ==, COORDENA_BASE_CAPITACAO);
  g_assert_cmpuint (s->provimento_repasse, ==, 0);
  g_assert_cmpuint (s->max_total_hours, ==, 60);
  g_assert_cmpint (s->max_total_hours_confidence, ==, COORDENA_CONFIDENCE_S);
  assert_clause (s, "esf-duas-ausencias", COORDENA_FAMILY_ESF, 0, 2, 100, 1, COORDENA_CONFIDENCE_A);
  assert_clause (s, "esf-med", COORDENA_FAMILY_ESF, BIT (MED), 0, 50, 2, COORDENA_CONFIDENCE_U);
  assert_clause (s, "esf-enf", COORDENA_FAMILY_ESF, BIT (ENF), 0, 50, 2, COORDENA_CONFIDENCE_U);
  assert_clause (s, "esf-tec", COORDENA_FAMILY_ESF, BIT (TEC), 0, 25, 2, COORDENA_CONFIDENCE_U);
  assert_clause (s, "esf-acs", COORDENA_FAMILY_ESF, BIT (ACS), 0, 25, 2, COORDENA_CONFIDENCE_U);
  assert_clause (s, "eap-med-enf", COORDENA_FAMILY_EAP, BIT (MED) | BIT (ENF), 0, 100, 1, COORDENA_CONFIDENCE_A);
  assert_clause (s, "eap-med", COORDENA_FAMILY_EAP, BIT (MED), 0, 50, 2, COORDENA_CONFIDENCE_A);
  assert_clause (s, "eap-enf", COORDENA_FAMILY_EAP, BIT (ENF), 0, 50, 2, COORDENA_CONFIDENCE_A);
  g_assert_cmpint (coordena_rule_set_default_base (s, COORDENA_TEAM_TYPE_ESF, 0), ==, 1683333);
  g_assert_cmpint (coordena_rule_set_default_base (s, COORDENA_TEAM_TYPE_EAP30, 3), ==, 1262500);
  g_assert_cmpint (coordena_rule_set_default_base (s, COORDENA_TEAM_TYPE_EAP20, 0), ==, 841667);
  g_assert_cmpint (coordena_rule_set_default_base (s, COORDENA_TEAM_TYPE_OTHER, 0), ==, COORDENA_BASE_UNKNOWN);
  g_assert_cmpuint (g_strv_length (s->open_questions), ==, 2);
}

static void
test_portaria_38_2022 (void)
{
  g_autoptr(CoordenaRuleCatalog) cat = shipped ();
  const CoordenaRuleSet *s = coordena_rule_catalog_find (cat, "portaria-38-2022");

  g_assert_cmpuint (s->n_clauses, ==, 14);
  g_assert_cmpuint (s->valid_from, ==, 202202);
  g_assert_cmpuint (s->valid_to, ==, 202404);
  g_assert_cmpuint (s->provimento_repasse, ==, 25);
  g_assert_cmpint (s->provimento_mode, ==, COORDENA_PROVIMENTO_GARANTIA_MINIMA);
  g_assert_cmpint (s->provimento_confidence, ==, COORDENA_CONFIDENCE_U);
  assert_clause (s, "esf-tec", COORDENA_FAMILY_ESF, BIT (TEC), 0, 25, 2, COORDENA_CONFIDENCE_S);
  assert_clause (s, "esf-acs", COORDENA_FAMILY_ESF, BIT (ACS), 0, 25, 2, COORDENA_CONFIDENCE_S);
  assert_clause (s, "esf-tec-acs", COORDENA_FAMILY_ESF, BIT (TEC) | BIT (ACS), 0, 50, 2, COORDENA_CONFIDENCE_A);
  assert_clause (s, "esf-med", COORDENA_FAMILY_ESF, BIT (MED), 0, 50, 2, COORDENA_CONFIDENCE_U);
  assert_clause (s, "esf-enf", COORDENA_FAMILY_ESF, BIT (ENF), 0, 50, 2, COORDENA_CONFIDENCE_U);
  assert_clause (s, "esf-med-acs", COORDENA_FAMILY_ESF, BIT (MED) | BIT (ACS), 0, 75, 2, COORDENA_CONFIDENCE_A);
  assert_clause (s, "esf-med-tec", COORDENA_FAMILY_ESF, BIT (MED) | BIT (TEC), 0, 75, 2, COORDENA_CONFIDENCE_A);
  assert_clause (s, "esf-enf-acs", COORDENA_FAMILY_ESF, BIT (ENF) | BIT (ACS), 0, 75, 2, COORDENA_CONFIDENCE_A);
  assert_clause (s, "esf-enf-tec", COORDENA_FAMILY_ESF, BIT (ENF) | BIT (TEC), 0, 75, 2, COORDENA_CONFIDENCE_A);
  assert_clause (s, "esf-med-enf", COORDENA_FAMILY_ESF, BIT (MED) | BIT (ENF), 0, 100, 1, COORDENA_CONFIDENCE_S);
  assert_clause (s, "esf-tres-ausencias", COORDENA_FAMILY_ESF, 0, 3, 100, 1, COORDENA_CONFIDENCE_S);
  assert_clause (s, "eap-med", COORDENA_FAMILY_EAP, BIT (MED), 0, 100, 2, COORDENA_CONFIDENCE_A);
  assert_clause (s, "eap-enf", COORDENA_FAMILY_EAP, BIT (ENF), 0, 100, 2, COORDENA_CONFIDENCE_A);
  assert_clause (s, "eap-med-enf", COORDENA_FAMILY_EAP, BIT (MED) | BIT (ENF), 0, 100, 1, COORDENA_CONFIDENCE_A);
  /* Clauses come highest percent first, so the first that fires is the suspension. */
  for (guint i = 1; i < s->n_clauses; i++)
    g_assert_cmpuint (s->clauses[i - 1].percent, >=, s->clauses[i].percent);
}

static void
test_cofin_2024 (void)
{
  g_autoptr(CoordenaRuleCatalog) cat = shipped ();
  const CoordenaRuleSet *s = coordena_rule_catalog_find (cat, "cofin-2024");
  gint64 esf[] = { 1800000, 1600000, 1400000, 1200000 };
  gint64 eap30[] = { 1080000, 960000, 840000, 720000 };
  gint64 eap20[] = { 720000, 640000, 560000, 480000 };

  g_assert_cmpuint (s->n_clauses, ==, 0);
  g_assert_cmpint (s->base, ==, COORDENA_BASE_FIXO);
  g_assert_cmpuint (s->valid_from, ==, 202405);
  g_assert_cmpuint (s->valid_to, ==, 202503);
  for (guint k = 1; k <= 4; k++)
    {
      g_assert_cmpint (coordena_rule_set_default_base (s, COORDENA_TEAM_TYPE_ESF, k), ==, esf[k - 1]);
      g_assert_cmpint (coordena_rule_set_default_base (s, COORDENA_TEAM_TYPE_EAP30, k), ==, eap30[k - 1]);
      g_assert_cmpint (coordena_rule_set_default_base (s, COORDENA_TEAM_TYPE_EAP20, k), ==, eap20[k - 1]);
    }
  /* No stratum, no base: the money stays unknown. */
  g_assert_cmpint (coordena_rule_set_default_base (s, COORDENA_TEAM_TYPE_ESF, 0), ==, COORDENA_BASE_UNKNOWN);
}

static void
check_2025_table (const CoordenaRuleSet *s, CoordenaConfidence conf)
{
  g_assert_cmpuint (s->n_clauses, ==, 16);
  /* 50 % after 3 competências without production sent to SISAB. */
  assert_clause (s, "esf-sem-producao", COORDENA_FAMILY_ESF, 0, 0, 50, 3, conf);
  assert_clause (s, "eap-sem-producao", COORDENA_FAMILY_EAP, 0, 0, 50, 3, conf);
  g_assert_cmpuint (clause (s, "esf-sem-producao")->event, ==, COORDENA_EVENT_SEM_PRODUCAO);
  g_assert_cmpuint (clause (s, "esf-med")->event, ==, COORDENA_EVENT_NONE);
  g_assert_cmpuint (s->provimento_repasse, ==, 25);
  g_assert_cmpuint (s->revoke_after, ==, 12);
  assert_clause (s, "esf-tec", COORDENA_FAMILY_ESF, BIT (TEC), 0, 25, 2, conf);
  assert_clause (s, "esf-acs", COORDENA_FAMILY_ESF, BIT (ACS), 0, 25, 2, conf);
  assert_clause (s, "esf-tec-acs", COORDENA_FAMILY_ESF, BIT (TEC) | BIT (ACS), 0, 50, 2, conf);
  assert_clause (s, "esf-med", COORDENA_FAMILY_ESF, BIT (MED), 0, 75, 2, conf);
  assert_clause (s, "esf-enf", COORDENA_FAMILY_ESF, BIT (ENF), 0, 75, 2, conf);
  assert_clause (s, "esf-med-acs", COORDENA_FAMILY_ESF, BIT (MED) | BIT (ACS), 0, 75, 2, conf);
  assert_clause (s, "esf-med-tec", COORDENA_FAMILY_ESF, BIT (MED) | BIT (TEC), 0, 75, 2, conf);
  assert_clause (s, "esf-enf-acs", COORDENA_FAMILY_ESF, BIT (ENF) | BIT (ACS), 0, 75, 2, conf);
  assert_clause (s, "esf-enf-tec", COORDENA_FAMILY_ESF, BIT (ENF) | BIT (TEC), 0, 75, 2, conf);
  assert_clause (s, "esf-med-enf", COORDENA_FAMILY_ESF, BIT (MED) | BIT (ENF), 0, 100, 1, conf);
  assert_clause (s, "esf-tres-ausencias", COORDENA_FAMILY_ESF, 0, 3, 100, 1, conf);
  assert_clause (s, "eap-med", COORDENA_FAMILY_EAP, BIT (MED), 0, 75, 2, conf);
  assert_clause (s, "eap-enf", COORDENA_FAMILY_EAP, BIT (ENF), 0, 75, 2, conf);
  assert_clause (s, "eap-med-enf", COORDENA_FAMILY_EAP, BIT (MED) | BIT (ENF), 0, 100, 1, conf);
  g_assert_cmpint (coordena_rule_set_default_base (s, COORDENA_TEAM_TYPE_ESF, 2), ==, 1600000);
}

static void
test_2025_sets (void)
{
  g_autoptr(CoordenaRuleCatalog) cat = shipped ();
  const CoordenaRuleSet *a = coordena_rule_catalog_find (cat, "portaria-6907-2025");
  const CoordenaRuleSet *b = coordena_rule_catalog_find (cat, "portaria-7799-2025");

  check_2025_table (a, COORDENA_CONFIDENCE_S);
  check_2025_table (b, COORDENA_CONFIDENCE_U);
  g_assert_cmpint (a->base, ==, COORDENA_BASE_FIXO);
  g_assert_cmpint (b->base, ==, COORDENA_BASE_EQUIDADE);
  g_assert_cmpuint (g_strv_length (b->open_questions), >=, 1);
}

/* ---- refused files ---------------------------------------------------------------------------- */

static const char *good =
  "[Rule Set]\n"
  "id=teste\n"
  "title=Teste\n"
  "act=Ato de teste\n"
  "valid_from=202001\n"
  "valid_to=202012\n"
  "base=capitacao\n"
  "\n"
  "[Clause esf-med]\n"
  "family=eSF\n"
  "absent_all=MED\n"
  "percent=50\n"
  "consecutive=2\n"
  "basis=Teste\n"
  "confidence=U\n";

static char *
write_file (const char *dir, const char *name, const char *text)
{
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static char *
load_error (const char *text)
{
  g_autofree char *dir = g_dir_make_tmp ("coordena-rules-XXXXXX", NULL);
  g_autofree char *path = write_file (dir, "teste.ruleset", text);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaRuleSet) set = coordena_rule_set_load_file (path, &error);
  char *message;

  g_assert_null (set);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_true (g_str_has_prefix (error->message, path));
  message = g_strdup (error->message + strlen (dir) + 1);
  g_unlink (path);
  g_rmdir (dir);
  return message;
}

static char *
replace (const char *text, const char *old, const char *new)
{
  g_auto(GStrv) parts = g_strsplit (text, old, 2);
  g_assert_nonnull (parts[1]);
  return g_strjoin (new, parts[0], parts[1], NULL);
}

static void
test_loader_errors (void)
{
  struct { const char *old, *new, *message; } cases[] = {
    { "percent=50\n", "percent=101\n", "teste.ruleset:12: [Clause esf-med] percent: 101 está fora de 0–100" },
    { "consecutive=2\n", "consecutive=0\n", "teste.ruleset:13: [Clause esf-med] consecutive: 0 está fora de 1–120" },
    { "absent_all=MED\n", "absent_all=MED+AUX\n",
      "teste.ruleset:11: [Clause esf-med] absent_all: categoria desconhecida “AUX”: use MED, ENF, TEC ou ACS unidos por +" },
    { "basis=Teste\n", "basis=Teste\npercentual=3\n", "teste.ruleset:15: [Clause esf-med] percentual: chave desconhecida" },
    { "title=Teste\n", "", "teste.ruleset:1: [Rule Set]: falta a chave obrigatória “title”" },
    { "percent=50\n", "", "teste.ruleset:9: [Clause esf-med]: falta a chave obrigatória “percent”" },
    { "valid_to=202012\n", "valid_to=2020-12\n", "teste.ruleset:6: [Rule Set] valid_to: “2020-12” não é uma competência AAAAMM" },
    { "base=capitacao\n", "base=per capita\n",
      "teste.ruleset:7: [Rule Set] base: base desconhecida “per capita”: use capitacao, fixo ou equidade" },
    { "confidence=U\n", "confidence=B\n", "teste.ruleset:15: [Clause esf-med] confidence: confiança desconhecida “B”: use A, S ou U" },
    { "\n[Clause", "\nsem igual\n[Clause", "teste.ruleset: linha 9: esperado “chave=valor”, um [grupo] ou um comentário #" },
    { "absent_all=MED\n", "absent_all=\n",
      "teste.ruleset:9: [Clause esf-med]: a cláusula valeria para toda equipe: informe absent_all ou um min_absent de pelo menos 1" },
    { "absent_all=MED\n", "absent_all=MED\nevent=sem_producao\n",
      "teste.ruleset:12: [Clause esf-med] event: uma cláusula conta um evento ou categorias ausentes, não os dois" },
    { "absent_all=MED\n", "absent_all=\nevent=sem_cadastro\n",
      "teste.ruleset:12: [Clause esf-med] event: evento desconhecido “sem_cadastro”: use sem_producao" },
    /* GLib 2.74 would warn twice on this value; the loader names the key instead. */
    { "title=Teste\n", "title=\\A\\\n",
      "teste.ruleset:3: [Rule Set] title: o valor tem uma barra invertida que não inicia nenhum escape conhecido (use \\\\ para uma barra invertida)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = replace (good, cases[i].old, cases[i].new);
      g_autofree char *message = load_error (text);
      g_assert_cmpstr (message, ==, cases[i].message);
    }
}

static void
test_overlap_refused (void)
{
  g_autofree char *shipped_dir = g_dir_make_tmp ("coordena-rules-XXXXXX", NULL);
  g_autofree char *a = write_file (shipped_dir, "a.ruleset", good);
  g_autofree char *renamed = replace (good, "id=teste", "id=outra");
  g_autofree char *text = replace (renamed, "valid_from=202001", "valid_from=202012");
  g_autofree char *b = write_file (shipped_dir, "b.ruleset", text);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaRuleCatalog) cat = coordena_rule_catalog_load_dirs (shipped_dir, NULL, &error);
  g_autofree char *expected = g_strdup_printf ("Os conjuntos de regras “teste” (%s) e “outra” (%s) se sobrepõem: ambos cobrem 12/2020", a, b);

  g_assert_null (cat);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_cmpstr (error->message, ==, expected);
  g_unlink (a);
  g_unlink (b);
  g_rmdir (shipped_dir);
}

static void
test_user_file_replaces_shipped (void)
{
  g_autofree char *user = g_dir_make_tmp ("coordena-user-rules-XXXXXX", NULL);
  g_autofree char *shipped_dir = g_build_filename (g_getenv ("COORDENA_DATADIR"), "rules", NULL);
  g_autofree char *src = g_build_filename (shipped_dir, "portaria-38-2022.ruleset", NULL);
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaRuleCatalog) cat = NULL;
  const CoordenaRuleSet *s;

  g_assert_true (g_file_get_contents (src, &text, NULL, NULL));
  changed = replace (text, "percent=50\nconsecutive=2\nbasis=Padrão do Coordena, a confirmar (a Portaria",
                     "percent=75\nconsecutive=2\nbasis=Padrão do Coordena, a confirmar (a Portaria");
  path = write_file (user, "minha-38.ruleset", changed);
  cat = coordena_rule_catalog_load_dirs (shipped_dir, user, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (coordena_rule_catalog_get_n_sets (cat), ==, 5);
  s = coordena_rule_catalog_find (cat, "portaria-38-2022");
  g_assert_true (s->user_file);
  g_assert_cmpstr (s->path, ==, path);
  g_assert_cmpuint (clause (s, "esf-med")->percent, ==, 75);
  g_assert_false (coordena_rule_catalog_find (cat, "previne-2020")->user_file);
  g_unlink (path);
  g_rmdir (user);
}

static void
test_cbo_map (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaCboMap) map = coordena_cbo_map_load (&error);
  g_autofree char *dir = g_dir_make_tmp ("coordena-cbo-XXXXXX", NULL);
  g_autofree char *path = write_file (dir, "cbo.csv", "cbo;categoria\n225142;MED\n322205;AUX\n");
  g_autoptr(CoordenaCboMap) bad = NULL;
  g_autofree char *expected = g_strdup_printf ("%s:3:2: categoria desconhecida “AUX”: use MED, ENF, TEC ou ACS", path);

  g_assert_no_error (error);
  g_assert_cmpint (coordena_cbo_map_lookup (map, "225142"), ==, MED);
  g_assert_cmpint (coordena_cbo_map_lookup (map, "225125"), ==, MED);
  g_assert_cmpint (coordena_cbo_map_lookup (map, "223505"), ==, ENF);
  g_assert_cmpint (coordena_cbo_map_lookup (map, " 322250 "), ==, TEC);
  g_assert_cmpint (coordena_cbo_map_lookup (map, "515105"), ==, ACS);
  g_assert_cmpint (coordena_cbo_map_lookup (map, "2231F9"), ==, COORDENA_CATEGORY_NONE);
  g_assert_cmpint (coordena_cbo_map_lookup (map, "51510"), ==, COORDENA_CATEGORY_NONE);

  bad = coordena_cbo_map_load_file (path, &error);
  g_assert_null (bad);
  g_assert_cmpstr (error->message, ==, expected);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  coordena_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ruleset/shipped-validity", test_shipped_validity);
  g_test_add_func ("/ruleset/previne-2020", test_previne_2020);
  g_test_add_func ("/ruleset/parameters-cite-acts", test_parameters_cite_acts);
  g_test_add_func ("/ruleset/portaria-38-2022", test_portaria_38_2022);
  g_test_add_func ("/ruleset/cofin-2024", test_cofin_2024);
  g_test_add_func ("/ruleset/2025-sets", test_2025_sets);
  g_test_add_func ("/ruleset/loader-errors", test_loader_errors);
  g_test_add_func ("/ruleset/overlap-refused", test_overlap_refused);
  g_test_add_func ("/ruleset/user-file-replaces-shipped", test_user_file_replaces_shipped);
  g_test_add_func ("/ruleset/cbo-map", test_cbo_map);
  return g_test_run ();
}
