/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The engine as the staff reads its results: which percent a team loses in a competência, by
 * which clause, for how much money — DOMAIN.md §3–§5 with the shipped rule sets. */
#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <coordena/coordena.h>
#include <coordena/rules.h>

#define BIT COORDENA_CATEGORY_BIT
#define MED COORDENA_CATEGORY_MED
#define ENF COORDENA_CATEGORY_ENF
#define TEC COORDENA_CATEGORY_TEC
#define ACS COORDENA_CATEGORY_ACS
#define ALL COORDENA_CATEGORIES_ALL

static CoordenaRuleCatalog *catalog;
static guint next_cns;

/* One team-month: who is absent; everyone else is present with the hours the type needs. */
typedef struct {
  CoordenaCompetencia c;
  CoordenaCategorySet absent;
  guint flags;
  gint64 base;
} M;

static void
add_team (CoordenaRosterBuilder *b, const char *ine, CoordenaTeamType type, const M *months, guint n)
{
  guint t = coordena_roster_builder_add_team (b, ine, "2000001", "5208707", NULL);

  for (guint i = 0; i < n; i++)
    {
      CoordenaCategorySet required = coordena_team_type_required (type);

      coordena_roster_builder_add_team_month (b, t, months[i].c, type, months[i].flags,
                                              months[i].base != 0 ? months[i].base : COORDENA_BASE_UNKNOWN);
      for (int cat = 0; cat < COORDENA_N_CATEGORIES; cat++)
        if ((required & BIT (cat)) && !(months[i].absent & BIT (cat)))
          {
            g_autofree char *cns = g_strdup_printf ("7%014u", ++next_cns);
            guint p = coordena_roster_builder_add_professional (b, cns, NULL);
            coordena_roster_builder_add_member (b, t, months[i].c, p, "000000", cat,
                                                type == COORDENA_TEAM_TYPE_ESF ? 40 : 30);
          }
    }
}

static CoordenaRoster *
roster_of (CoordenaTeamType type, const M *months, guint n, guint stratum)
{
  CoordenaRosterBuilder *b = coordena_roster_builder_new ();

  add_team (b, "0000000001", type, months, n);
  if (stratum > 0)
    coordena_roster_builder_set_ied_stratum (b, "5208707", stratum);
  return coordena_roster_builder_finish (b, NULL);
}

static const CoordenaRuleSet *
set (const char *id)
{
  const CoordenaRuleSet *s = coordena_rule_catalog_find (catalog, id);
  g_assert_nonnull (s);
  return s;
}

/* The results of team 0000000001 with the given set (NULL: auto). */
static CoordenaMonthResult *
run (CoordenaTeamType type, const M *months, guint n, const char *forced, guint stratum)
{
  g_autoptr(CoordenaRoster) r = roster_of (type, months, n, stratum);
  g_autoptr(CoordenaEvaluation) e = coordena_evaluate (r, catalog, forced != NULL ? set (forced) : NULL);
  const CoordenaMonthResult *res = coordena_evaluation_team_results (e, coordena_roster_get_team (r, 0), NULL);

  return g_memdup2 (res, sizeof (CoordenaMonthResult) * n);
}

/* ---- every clause of every shipped set ---------------------------------------------------------- */

static CoordenaCategorySet
mask_for (const CoordenaClause *cl, CoordenaCategorySet required)
{
  CoordenaCategorySet mask = cl->absent_all;

  for (int c = 0; c < COORDENA_N_CATEGORIES && (guint) __builtin_popcount (mask) < cl->min_absent; c++)
    if (required & BIT (c))
      mask |= BIT (c);
  return mask;
}

/* The highest percent among the set's clauses whose condition holds on a constant mask (and
 * sem produção or not) for k competências in a row: what the staff would read off the table. */
static guint
table_percent (const CoordenaRuleSet *s, CoordenaFamily family, CoordenaCategorySet mask, gboolean sem_producao, guint k)
{
  guint best = 0;

  for (guint i = 0; i < s->n_clauses; i++)
    {
      const CoordenaClause *c = &s->clauses[i];
      gboolean holds = c->event == COORDENA_EVENT_SEM_PRODUCAO
                       ? sem_producao
                       : ((mask & c->absent_all) == c->absent_all && (guint) __builtin_popcount (mask) >= c->min_absent);
      if (c->family == family && holds && k >= c->consecutive)
        best = MAX (best, c->percent);
    }
  return best;
}

static void
test_every_clause (void)
{
  guint tested = 0;

  for (guint si = 0; si < coordena_rule_catalog_get_n_sets (catalog); si++)
    {
      const CoordenaRuleSet *s = coordena_rule_catalog_get_set (catalog, si);

      for (guint ci = 0; ci < s->n_clauses; ci++)
        {
          const CoordenaClause *cl = &s->clauses[ci];
          CoordenaTeamType type = cl->family == COORDENA_FAMILY_ESF ? COORDENA_TEAM_TYPE_ESF : COORDENA_TEAM_TYPE_EAP30;
          CoordenaCategorySet mask = mask_for (cl, coordena_team_type_required (type));
          gboolean event = cl->event == COORDENA_EVENT_SEM_PRODUCAO;
          guint flags = event ? COORDENA_TEAM_FLAG_SEM_PRODUCAO : 0;
          M months[3];
          guint k = cl->consecutive;
          g_autofree CoordenaMonthResult *fires = NULL;

          g_test_message ("%s / %s", s->id, cl->id);
          for (guint i = 0; i < k; i++)
            months[i] = (M) { coordena_competencia_add (s->valid_from, (int) i), mask, flags, 0 };

          /* Fires: the condition for exactly `consecutive` competências. */
          fires = run (type, months, k, s->id, 1);
          g_assert_cmpuint (fires[k - 1].percent, ==, table_percent (s, cl->family, mask, event, k));
          g_assert_cmpuint (fires[k - 1].percent, >=, cl->percent);
          g_assert_nonnull (fires[k - 1].clause);
          g_assert_cmpuint (fires[k - 1].clause->percent, ==, fires[k - 1].percent);
          g_assert_true (fires[k - 1].rules == s);

          /* Just does not fire: one competência short… */
          if (k > 1)
            {
              g_autofree CoordenaMonthResult *shorter = run (type, months + 1, k - 1, s->id, 1);
              g_assert_true (shorter[k - 2].clause != cl);
              g_assert_cmpuint (shorter[k - 2].percent, ==, table_percent (s, cl->family, mask, event, k - 1));
            }
          /* …or one category fewer (for an event: without the event). */
          {
            CoordenaCategorySet fewer = mask & (CoordenaCategorySet) (mask - 1); /* drops the lowest */
            g_autofree CoordenaMonthResult *less = NULL;

            for (guint i = 0; i < k; i++)
              {
                months[i].absent = fewer;
                months[i].flags = 0;
              }
            less = run (type, months, k, s->id, 1);
            g_assert_true (less[k - 1].clause != cl);
            g_assert_cmpuint (less[k - 1].percent, ==, table_percent (s, cl->family, fewer, FALSE, k));
          }
          tested++;
        }
    }
  g_assert_cmpuint (tested, ==, 8 + 14 + 0 + 16 + 16);
}

/* ---- the tables as the staff reads them --------------------------------------------------------- */

typedef struct {
  const char *set;
  CoordenaTeamType type;
  CoordenaCategorySet absent;
  guint months;
  guint percent;
  const char *clause;
} Row;

static void
test_table_rows (void)
{
  Row rows[] = {
    { "previne-2020", COORDENA_TEAM_TYPE_ESF, BIT (MED) | BIT (TEC), 1, 100, "esf-duas-ausencias" },
    { "previne-2020", COORDENA_TEAM_TYPE_ESF, BIT (MED), 1, 0, NULL },
    { "previne-2020", COORDENA_TEAM_TYPE_ESF, BIT (MED), 2, 50, "esf-med" },
    { "previne-2020", COORDENA_TEAM_TYPE_ESF, BIT (ACS), 2, 25, "esf-acs" },
    { "previne-2020", COORDENA_TEAM_TYPE_EAP20, BIT (ENF), 2, 50, "eap-enf" },
    { "previne-2020", COORDENA_TEAM_TYPE_EAP20, BIT (MED) | BIT (ENF), 1, 100, "eap-med-enf" },
    { "portaria-38-2022", COORDENA_TEAM_TYPE_ESF, BIT (TEC), 1, 0, NULL },
    { "portaria-38-2022", COORDENA_TEAM_TYPE_ESF, BIT (TEC), 2, 25, "esf-tec" },
    { "portaria-38-2022", COORDENA_TEAM_TYPE_ESF, BIT (TEC) | BIT (ACS), 2, 50, "esf-tec-acs" },
    { "portaria-38-2022", COORDENA_TEAM_TYPE_ESF, BIT (MED), 2, 50, "esf-med" },
    { "portaria-38-2022", COORDENA_TEAM_TYPE_ESF, BIT (ENF) | BIT (TEC), 2, 75, "esf-enf-tec" },
    { "portaria-38-2022", COORDENA_TEAM_TYPE_ESF, BIT (ENF) | BIT (TEC), 1, 0, NULL },
    { "portaria-38-2022", COORDENA_TEAM_TYPE_ESF, BIT (MED) | BIT (ENF), 1, 100, "esf-med-enf" },
    { "portaria-38-2022", COORDENA_TEAM_TYPE_ESF, BIT (MED) | BIT (TEC) | BIT (ACS), 1, 100, "esf-tres-ausencias" },
    { "portaria-38-2022", COORDENA_TEAM_TYPE_ESF, ALL, 1, 100, "esf-med-enf" },
    { "portaria-38-2022", COORDENA_TEAM_TYPE_EAP30, BIT (MED), 1, 0, NULL },
    { "portaria-38-2022", COORDENA_TEAM_TYPE_EAP30, BIT (MED), 2, 100, "eap-med" },
    { "cofin-2024", COORDENA_TEAM_TYPE_ESF, ALL, 3, 0, NULL },
    { "portaria-6907-2025", COORDENA_TEAM_TYPE_ESF, BIT (MED), 2, 75, "esf-med" },
    { "portaria-6907-2025", COORDENA_TEAM_TYPE_ESF, BIT (ACS), 2, 25, "esf-acs" },
    { "portaria-6907-2025", COORDENA_TEAM_TYPE_EAP20, BIT (ENF), 2, 75, "eap-enf" },
    { "portaria-7799-2025", COORDENA_TEAM_TYPE_ESF, BIT (TEC) | BIT (ACS), 2, 50, "esf-tec-acs" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const CoordenaRuleSet *s = set (rows[i].set);
      M months[3];
      g_autofree CoordenaMonthResult *res = NULL;
      guint last = rows[i].months - 1;

      for (guint k = 0; k < rows[i].months; k++)
        months[k] = (M) { coordena_competencia_add (s->valid_from, (int) k), rows[i].absent, 0, 0 };
      res = run (rows[i].type, months, rows[i].months, NULL, 1);
      g_test_message ("row %u", i);
      g_assert_cmpuint (res[last].percent, ==, rows[i].percent);
      g_assert_cmpstr (res[last].clause != NULL ? res[last].clause->id : NULL, ==, rows[i].clause);
      g_assert_true (res[last].rules == s);
    }
}

/* ---- streaks ------------------------------------------------------------------------------------- */

static void
test_gap_breaks_streak (void)
{
  M months[] = {
    { 202301, BIT (MED), 0, 0 },
    /* 02/2023 is missing from the data */
    { 202303, BIT (MED), 0, 0 },
    { 202304, BIT (MED), 0, 0 },
  };
  g_autofree CoordenaMonthResult *res = run (COORDENA_TEAM_TYPE_ESF, months, 3, NULL, 0);

  g_assert_cmpuint (res[0].percent, ==, 0);
  g_assert_cmpuint (res[1].percent, ==, 0);
  g_assert_cmpuint (res[2].percent, ==, 50);
}

static void
test_first_competencia_absent (void)
{
  M months[] = { { 202301, BIT (ACS), 0, 0 }, { 202302, BIT (ACS), 0, 0 } };
  g_autofree CoordenaMonthResult *res = run (COORDENA_TEAM_TYPE_ESF, months, 2, NULL, 0);

  /* Before the first known competência nothing is known: no streak. */
  g_assert_cmpuint (res[0].percent, ==, 0);
  g_assert_null (res[0].clause);
  g_assert_cmpuint (res[1].percent, ==, 25);
}

static void
test_streak_across_rule_sets (void)
{
  M a[] = { { 202201, BIT (MED), 0, 0 }, { 202202, BIT (MED), 0, 0 } };
  M b[] = { { 202503, BIT (ENF), 0, 0 }, { 202504, BIT (ENF), 0, 0 } };
  g_autofree CoordenaMonthResult *ra = run (COORDENA_TEAM_TYPE_ESF, a, 2, NULL, 1);
  g_autofree CoordenaMonthResult *rb = run (COORDENA_TEAM_TYPE_ESF, b, 2, NULL, 1);

  /* Started under Previne, fires under Portaria 38 at its first competência. */
  g_assert_true (ra[0].rules == set ("previne-2020"));
  g_assert_cmpuint (ra[0].percent, ==, 0);
  g_assert_true (ra[1].rules == set ("portaria-38-2022"));
  g_assert_cmpuint (ra[1].percent, ==, 50);
  g_assert_cmpstr (ra[1].clause->id, ==, "esf-med");
  /* Started under the 2024 cofinancing (no clauses), fires under Portaria 6.907. */
  g_assert_cmpuint (rb[0].percent, ==, 0);
  g_assert_cmpuint (rb[1].percent, ==, 75);
}

static void
test_no_rule_set (void)
{
  M months[] = { { 201912, ALL, 0, 1683333 } };
  g_autofree CoordenaMonthResult *res = run (COORDENA_TEAM_TYPE_ESF, months, 1, NULL, 0);

  g_assert_null (res[0].rules);
  g_assert_cmpuint (res[0].absent, ==, ALL);
  g_assert_cmpuint (res[0].percent, ==, 0);
  g_assert_cmpint (res[0].perda_centavos, ==, COORDENA_BASE_UNKNOWN);

  /* Forcing a set applies it whatever its validity. */
  g_free (res);
  res = run (COORDENA_TEAM_TYPE_ESF, months, 1, "portaria-6907-2025", 0);
  g_assert_cmpuint (res[0].percent, ==, 100);
  g_assert_cmpint (res[0].perda_centavos, ==, 1683333);
}

static void
test_other_types_not_evaluated (void)
{
  M months[] = { { 202301, 0, 0, 0 } };
  g_autofree CoordenaMonthResult *res = run (COORDENA_TEAM_TYPE_OTHER, months, 1, NULL, 0);

  g_assert_false (res[0].evaluated);
  g_assert_cmpuint (res[0].percent, ==, 0);
}

/* ---- workload ------------------------------------------------------------------------------------ */

static void
test_workload_ceiling_across_teams (void)
{
  CoordenaRosterBuilder *b = coordena_roster_builder_new ();
  M full[] = { { 202302, 0, 0, 0 }, { 202303, 0, 0, 0 } };
  g_autoptr(CoordenaRoster) r = NULL;
  g_autoptr(CoordenaEvaluation) e = NULL;
  const CoordenaMonthResult *res;
  guint team, other, doc = 0;

  add_team (b, "0000000001", COORDENA_TEAM_TYPE_ESF, full, 1);
  /* In 03/2023 the team's médico also works 30 h in another team: 70 h, over 60. */
  team = coordena_roster_builder_add_team (b, "0000000001", NULL, NULL, NULL);
  other = coordena_roster_builder_add_team (b, "0000000002", NULL, NULL, NULL);
  coordena_roster_builder_add_team_month (b, team, 202303, COORDENA_TEAM_TYPE_ESF, 0, COORDENA_BASE_UNKNOWN);
  coordena_roster_builder_add_team_month (b, other, 202303, COORDENA_TEAM_TYPE_EAP30, 0, COORDENA_BASE_UNKNOWN);
  for (int cat = 0; cat < COORDENA_N_CATEGORIES; cat++)
    {
      g_autofree char *cns = g_strdup_printf ("71%013d", cat);
      guint p = coordena_roster_builder_add_professional (b, cns, NULL);
      coordena_roster_builder_add_member (b, team, 202303, p, "000000", cat, 40);
      if (cat == MED)
        doc = p;
    }
  coordena_roster_builder_add_member (b, other, 202303, doc, "225142", MED, 30);
  r = coordena_roster_builder_finish (b, NULL);
  e = coordena_evaluate (r, catalog, NULL);

  res = coordena_evaluation_team_results (e, coordena_roster_find_team (r, "0000000001"), NULL);
  g_assert_cmpuint (res[0].absent, ==, 0);
  g_assert_cmpuint (res[1].absent, ==, BIT (MED));
  res = coordena_evaluation_team_results (e, coordena_roster_find_team (r, "0000000002"), NULL);
  g_assert_cmpuint (res[0].absent, ==, BIT (MED) | BIT (ENF));
  g_assert_cmpuint (res[0].percent, ==, 100);
}

/* ---- provimento and money ------------------------------------------------------------------------ */

static void
test_provimento_cap (void)
{
  M vaga[] = { { 202301, BIT (MED) | BIT (ENF), COORDENA_TEAM_FLAG_PROVIMENTO, 1683333 } };
  M no_flag[] = { { 202301, BIT (MED) | BIT (ENF), 0, 1683333 } };
  M no_med[] = { { 202301, BIT (ENF) | BIT (TEC) | BIT (ACS), COORDENA_TEAM_FLAG_PROVIMENTO, 1683333 } };
  M previne[] = { { 202101, BIT (MED) | BIT (ENF), COORDENA_TEAM_FLAG_PROVIMENTO, 1683333 } };
  M low[] = { { 202301, BIT (MED), COORDENA_TEAM_FLAG_PROVIMENTO, 0 }, { 202302, BIT (MED), COORDENA_TEAM_FLAG_PROVIMENTO, 0 } };
  g_autofree CoordenaMonthResult *r1 = run (COORDENA_TEAM_TYPE_ESF, vaga, 1, NULL, 0);
  g_autofree CoordenaMonthResult *r2 = run (COORDENA_TEAM_TYPE_ESF, no_flag, 1, NULL, 0);
  g_autofree CoordenaMonthResult *r3 = run (COORDENA_TEAM_TYPE_ESF, no_med, 1, NULL, 0);
  g_autofree CoordenaMonthResult *r4 = run (COORDENA_TEAM_TYPE_ESF, previne, 1, NULL, 0);
  g_autofree CoordenaMonthResult *r5 = run (COORDENA_TEAM_TYPE_ESF, low, 2, NULL, 0);

  /* The municipality keeps at least 25 %: 100 becomes 75. */
  g_assert_cmpuint (r1[0].percent, ==, 75);
  g_assert_true (r1[0].provimento);
  g_assert_cmpstr (r1[0].clause->id, ==, "esf-med-enf");
  g_assert_cmpint (r1[0].perda_centavos, ==, 1262500);  /* 16.833,33 × 75 % = 12.624,9975 */
  g_assert_cmpuint (r2[0].percent, ==, 100);
  g_assert_false (r2[0].provimento);
  /* Without the médico missing, the vacancy rule does not apply. */
  g_assert_cmpuint (r3[0].percent, ==, 100);
  g_assert_false (r3[0].provimento);
  /* Previne 2020 has no provimento rule. */
  g_assert_cmpuint (r4[0].percent, ==, 100);
  /* 50 % is already below the cap. */
  g_assert_cmpuint (r5[1].percent, ==, 50);
  g_assert_false (r5[1].provimento);
}

static void
test_provimento_adicional (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = g_build_filename (g_getenv ("COORDENA_DATADIR"), "rules", "portaria-38-2022.ruleset", NULL);
  g_autofree char *dir = g_dir_make_tmp ("coordena-prov-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "adicional.ruleset", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(CoordenaRuleSet) s = NULL;
  M months[] = { { 202301, BIT (MED), COORDENA_TEAM_FLAG_PROVIMENTO, 0 }, { 202302, BIT (MED) | BIT (ENF), COORDENA_TEAM_FLAG_PROVIMENTO, 0 } };
  g_autoptr(CoordenaRoster) r = roster_of (COORDENA_TEAM_TYPE_ESF, months, 2, 0);
  g_autoptr(CoordenaEvaluation) e = NULL;
  const CoordenaMonthResult *res;

  g_assert_true (g_file_get_contents (src, &text, NULL, NULL));
  parts = g_strsplit (text, "provimento_mode=garantia_minima", 2);
  changed = g_strjoin ("provimento_mode=adicional", parts[0], parts[1], NULL);
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
  s = coordena_rule_set_load_file (path, &error);
  g_assert_no_error (error);
  e = coordena_evaluate (r, NULL, s);
  res = coordena_evaluation_team_results (e, coordena_roster_get_team (r, 0), NULL);
  /* One competência without the médico suspends nothing yet; MED+ENF at 100 % gets 25 points back. */
  g_assert_cmpuint (res[0].percent, ==, 0);
  g_assert_cmpuint (res[1].percent, ==, 75);
  g_assert_true (res[1].provimento);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_money (void)
{
  M explicit_base[] = { { 202301, BIT (TEC), 0, 1683333 }, { 202302, BIT (TEC), 0, 1683333 } };
  M med[] = { { 202301, BIT (MED), 0, 1683333 }, { 202302, BIT (MED), 0, 1683333 } };
  M eap20[] = { { 202301, BIT (MED), 0, 0 }, { 202302, BIT (MED), 0, 0 } };
  M fixo[] = { { 202505, BIT (MED), 0, 0 }, { 202506, BIT (MED), 0, 0 } };
  g_autofree CoordenaMonthResult *r1 = run (COORDENA_TEAM_TYPE_ESF, explicit_base, 2, NULL, 0);
  g_autofree CoordenaMonthResult *r2 = run (COORDENA_TEAM_TYPE_ESF, med, 2, NULL, 0);
  g_autofree CoordenaMonthResult *r3 = run (COORDENA_TEAM_TYPE_EAP20, eap20, 2, "previne-2020", 0);
  g_autofree CoordenaMonthResult *r4 = run (COORDENA_TEAM_TYPE_ESF, fixo, 2, NULL, 0);
  g_autofree CoordenaMonthResult *r5 = run (COORDENA_TEAM_TYPE_ESF, fixo, 2, NULL, 2);

  /* 16.833,33 × 25 % = 4.208,3325 → 4.208,33 */
  g_assert_cmpint (r1[1].perda_centavos, ==, 420833);
  g_assert_false (r1[1].base_is_default);
  /* 16.833,33 × 50 % = 8.416,665 → 8.416,67 (half up) */
  g_assert_cmpint (r2[1].perda_centavos, ==, 841667);
  /* Default eAP 20 h base 8.416,67 × 50 % = 4.208,335 → 4.208,34 */
  g_assert_cmpint (r3[1].base_centavos, ==, 841667);
  g_assert_true (r3[1].base_is_default);
  g_assert_cmpint (r3[1].perda_centavos, ==, 420834);
  /* A month without suspension loses nothing. */
  g_assert_cmpint (r3[0].perda_centavos, ==, 0);
  /* 2025 with no stratum: the percent stands, the money is unknown. */
  g_assert_cmpuint (r4[1].percent, ==, 75);
  g_assert_cmpint (r4[1].base_centavos, ==, COORDENA_BASE_UNKNOWN);
  g_assert_cmpint (r4[1].perda_centavos, ==, COORDENA_BASE_UNKNOWN);
  /* Stratum 2: R$ 16.000,00 × 75 % */
  g_assert_cmpint (r5[1].base_centavos, ==, 1600000);
  g_assert_cmpint (r5[1].perda_centavos, ==, 1200000);
}

static void
test_compare_two_sets (void)
{
  /* The argument of NT 753 on one team: a médico missing for two competências. */
  M months[] = { { 202301, BIT (MED), 0, 1683333 }, { 202302, BIT (MED), 0, 1683333 } };
  g_autoptr(CoordenaRoster) r = roster_of (COORDENA_TEAM_TYPE_ESF, months, 2, 0);
  g_autoptr(CoordenaComparison) c = coordena_compare (r, set ("portaria-38-2022"), set ("portaria-6907-2025"));

  g_assert_cmpuint (c->n_teams, ==, 1);
  g_assert_cmpuint (c->teams[0].last, ==, 202302);
  g_assert_cmpuint (c->teams[0].percent_a, ==, 50);
  g_assert_cmpuint (c->teams[0].percent_b, ==, 75);
  g_assert_cmpint (c->teams[0].loss_a, ==, 841667);
  g_assert_cmpint (c->teams[0].loss_b, ==, 1262500);
  g_assert_cmpint (c->loss_b - c->loss_a, ==, 420833);
  g_assert_cmpuint (c->count_a[2], ==, 1);  /* 50 % */
  g_assert_cmpuint (c->count_b[3], ==, 1);  /* 75 % */
}

static void
test_sem_producao (void)
{
  M three[] = {
    { 202505, 0, COORDENA_TEAM_FLAG_SEM_PRODUCAO, 1800000 },
    { 202506, 0, COORDENA_TEAM_FLAG_SEM_PRODUCAO, 1800000 },
    { 202507, 0, COORDENA_TEAM_FLAG_SEM_PRODUCAO, 1800000 },
  };
  M gap[] = {
    { 202505, 0, COORDENA_TEAM_FLAG_SEM_PRODUCAO, 0 },
    { 202506, 0, 0, 0 },
    { 202507, 0, COORDENA_TEAM_FLAG_SEM_PRODUCAO, 0 },
  };
  M with_med[] = {
    { 202505, BIT (MED), COORDENA_TEAM_FLAG_SEM_PRODUCAO, 0 },
    { 202506, BIT (MED), COORDENA_TEAM_FLAG_SEM_PRODUCAO, 0 },
    { 202507, BIT (MED), COORDENA_TEAM_FLAG_SEM_PRODUCAO, 0 },
  };
  M before_2025[] = {
    { 202301, 0, COORDENA_TEAM_FLAG_SEM_PRODUCAO, 0 },
    { 202302, 0, COORDENA_TEAM_FLAG_SEM_PRODUCAO, 0 },
    { 202303, 0, COORDENA_TEAM_FLAG_SEM_PRODUCAO, 0 },
  };
  g_autofree CoordenaMonthResult *r1 = run (COORDENA_TEAM_TYPE_ESF, three, 3, NULL, 0);
  g_autofree CoordenaMonthResult *r2 = run (COORDENA_TEAM_TYPE_EAP30, gap, 3, NULL, 0);
  g_autofree CoordenaMonthResult *r3 = run (COORDENA_TEAM_TYPE_ESF, with_med, 3, NULL, 0);
  g_autofree CoordenaMonthResult *r4 = run (COORDENA_TEAM_TYPE_ESF, before_2025, 3, NULL, 0);

  /* Three competências without production sent to SISAB: 50 % on the third. */
  g_assert_cmpuint (r1[1].percent, ==, 0);
  g_assert_cmpuint (r1[2].percent, ==, 50);
  g_assert_cmpstr (r1[2].clause->id, ==, "esf-sem-producao");
  g_assert_cmpint (r1[2].perda_centavos, ==, 900000);
  /* A competência with production in between starts the count again. */
  g_assert_cmpuint (r2[2].percent, ==, 0);
  /* The médico missing as well: the larger suspension decides. */
  g_assert_cmpuint (r3[2].percent, ==, 75);
  g_assert_cmpstr (r3[2].clause->id, ==, "esf-med");
  /* Portaria 38/2022 has no such rule. */
  g_assert_cmpuint (r4[2].percent, ==, 0);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  coordena_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  catalog = coordena_rule_catalog_load (&error);
  g_assert_no_error (error);

  g_test_add_func ("/rules/every-clause-fires-and-just-does-not", test_every_clause);
  g_test_add_func ("/rules/table-rows", test_table_rows);
  g_test_add_func ("/rules/gap-breaks-streak", test_gap_breaks_streak);
  g_test_add_func ("/rules/first-competencia-absent", test_first_competencia_absent);
  g_test_add_func ("/rules/streak-across-rule-sets", test_streak_across_rule_sets);
  g_test_add_func ("/rules/no-rule-set", test_no_rule_set);
  g_test_add_func ("/rules/other-types-not-evaluated", test_other_types_not_evaluated);
  g_test_add_func ("/rules/workload-ceiling-across-teams", test_workload_ceiling_across_teams);
  g_test_add_func ("/rules/provimento-cap", test_provimento_cap);
  g_test_add_func ("/rules/provimento-adicional", test_provimento_adicional);
  g_test_add_func ("/rules/money", test_money);
  g_test_add_func ("/rules/sem-producao", test_sem_producao);
  g_test_add_func ("/rules/compare-two-sets", test_compare_two_sets);
  status = g_test_run ();
  coordena_rule_catalog_free (catalog);
  return status;
}
