/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The forecast of DOMAIN.md §6 as the staff reads it: the next step, until when it can be
 * avoided, the money lost over the horizon, the revocation of the INE, and planned changes. */
#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <coordena/coordena.h>
#include <coordena/rules.h>

#define BIT COORDENA_CATEGORY_BIT

static CoordenaRuleCatalog *catalog;

/* An eSF in Goiânia (IED stratum 1) listed from `from` for n competências, with `absent`
 * missing in the last `absent_months` of them. */
static CoordenaRoster *
esf (CoordenaCompetencia from, guint n, CoordenaCategorySet absent, guint absent_months, guint flags)
{
  CoordenaRosterBuilder *b = coordena_roster_builder_new ();
  guint t = coordena_roster_builder_add_team (b, "0000000001", NULL, "5208707", NULL);
  guint serial = 0;

  coordena_roster_builder_set_ied_stratum (b, "5208707", 1);
  for (guint i = 0; i < n; i++)
    {
      CoordenaCompetencia c = coordena_competencia_add (from, (int) i);
      CoordenaCategorySet gone = i + absent_months >= n ? absent : 0;

      coordena_roster_builder_add_team_month (b, t, c, COORDENA_TEAM_TYPE_ESF, flags, COORDENA_BASE_UNKNOWN);
      for (int cat = 0; cat < COORDENA_N_CATEGORIES; cat++)
        if (!(gone & BIT (cat)))
          {
            g_autofree char *cns = g_strdup_printf ("7%014u", ++serial);
            guint p = coordena_roster_builder_add_professional (b, cns, NULL);
            coordena_roster_builder_add_member (b, t, c, p, "000000", cat, 40);
          }
    }
  return coordena_roster_builder_finish (b, NULL);
}

static const CoordenaForecastTeam *
only_team (CoordenaForecast *f)
{
  guint n;
  const CoordenaForecastTeam *teams = coordena_forecast_get_teams (f, &n);

  g_assert_cmpuint (n, ==, 1);
  return teams;
}

static void
test_next_step_and_fix_by (void)
{
  /* The ACS left in 11/2025: nothing yet; 12/2025 will be the second competência → 25 %. */
  g_autoptr(CoordenaRoster) r = esf (202509, 3, BIT (COORDENA_CATEGORY_ACS), 1, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaForecast) f = coordena_forecast (r, catalog, NULL, 12, NULL, &error);
  const CoordenaForecastTeam *t = only_team (f);

  g_assert_no_error (error);
  g_assert_cmpuint (t->now.competencia, ==, 202511);
  g_assert_cmpuint (t->now.percent, ==, 0);
  g_assert_cmpuint (t->next_step, ==, 202512);
  g_assert_cmpuint (t->next_percent, ==, 25);
  g_assert_cmpstr (t->next_clause->id, ==, "esf-acs");
  g_assert_cmpuint (t->fix_by, ==, 202512);
  g_assert_cmpuint (t->n_months, ==, 12);
  /* 12/2025 under Portaria 6.907, then 2026 under 7.799: R$ 18.000,00 × 25 % a month. */
  g_assert_true (t->months[0].rules == coordena_rule_catalog_find (catalog, "portaria-6907-2025"));
  g_assert_true (t->months[1].rules == coordena_rule_catalog_find (catalog, "portaria-7799-2025"));
  g_assert_cmpint (t->months[0].perda_centavos, ==, 450000);
  g_assert_cmpint (t->loss_total, ==, 12 * 450000);
  g_assert_cmpuint (t->n_unknown_loss, ==, 0);
  g_assert_cmpuint (t->revoked_at, ==, 0);
}

/* Issue 12 item 1: a team whose last competência is before the roster's latest is neither
 * dropped nor carried forward. It is "sem registro" from the competência after its last one,
 * and Portaria 6.907/2025 (as 7.799/2025 repeats it) suspends it 100 % [S]; 12 such
 * competências in a row revoke its INE. */
static void
test_team_without_registration (void)
{
  CoordenaRosterBuilder *b = coordena_roster_builder_new ();
  guint gone = coordena_roster_builder_add_team (b, "0000000001", NULL, "5208707", NULL);
  guint stays = coordena_roster_builder_add_team (b, "0000000002", NULL, "5208707", NULL);
  g_autoptr(CoordenaRoster) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaForecast) f = NULL;
  const CoordenaForecastTeam *teams;
  const CoordenaForecastTotals *tot;
  guint serial = 0, n;

  coordena_roster_builder_set_ied_stratum (b, "5208707", 1);
  for (CoordenaCompetencia c = 202601; c <= 202612; c = coordena_competencia_add (c, 1))
    for (guint t = 0; t < 2; t++)
      {
        guint team = t == 0 ? gone : stays;

        if (team == gone && c > 202608)
          continue;
        coordena_roster_builder_add_team_month (b, team, c, COORDENA_TEAM_TYPE_ESF, 0, COORDENA_BASE_UNKNOWN);
        for (int cat = 0; cat < COORDENA_N_CATEGORIES; cat++)
          {
            g_autofree char *cns = g_strdup_printf ("7%014u", ++serial);
            guint p = coordena_roster_builder_add_professional (b, cns, NULL);
            coordena_roster_builder_add_member (b, team, c, p, "000000", cat, 40);
          }
      }
  r = coordena_roster_builder_finish (b, NULL);
  f = coordena_forecast (r, catalog, NULL, 12, NULL, &error);
  g_assert_no_error (error);
  teams = coordena_forecast_get_teams (f, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (coordena_forecast_get_current (f), ==, 202612);

  /* The team that stopped in 08/2026: sem registro in 12/2026, 100 % from the set in force. */
  g_assert_true (teams[0].missing);
  g_assert_cmpuint (teams[0].last_seen, ==, 202608);
  g_assert_cmpuint (teams[0].now.competencia, ==, 202612);
  g_assert_cmpuint (teams[0].now.percent, ==, 100);
  g_assert_cmpstr (teams[0].now.clause->id, ==, "sem-registro");
  g_assert_cmpint (teams[0].now.clause->confidence, ==, COORDENA_CONFIDENCE_S);
  g_assert_cmpint (coordena_forecast_team_status (&teams[0]), ==, COORDENA_STATUS_NO_RECORD);
  g_assert_cmpuint (teams[0].months[0].competencia, ==, 202701);
  g_assert_cmpint (teams[0].loss_total, ==, 12 * 1800000);
  g_assert_cmpint (teams[0].loss_unconfirmed, ==, 12 * 1800000);
  g_assert_cmpint (teams[0].confidence, ==, COORDENA_CONFIDENCE_S);
  /* 100 % from 09/2026: the twelfth competência in a row is 08/2027. */
  g_assert_cmpuint (teams[0].revoked_at, ==, 202708);
  g_assert_cmpuint (teams[0].next_step, ==, 0);
  {
    g_autofree char *state = coordena_forecast_team_state_text (&teams[0]);
    g_assert_cmpstr (state, ==, "Sem registro na competência 12/2026 (100 %)");
  }

  /* The complete team: regular, no loss. */
  g_assert_false (teams[1].missing);
  g_assert_cmpint (coordena_forecast_team_status (&teams[1]), ==, COORDENA_STATUS_REGULAR);
  g_assert_cmpint (teams[1].loss_total, ==, 0);

  tot = coordena_forecast_get_totals (f);
  g_assert_cmpuint (tot->n_teams, ==, 2);
  g_assert_cmpuint (tot->n_no_record, ==, 1);
  g_assert_cmpuint (tot->n_regular, ==, 1);
  g_assert_cmpuint (tot->n_losing, ==, 1);
  g_assert_cmpint (tot->loss_horizon, ==, 12 * 1800000);
  g_assert_cmpint (tot->loss_now, ==, 1800000);

  /* Under a set that says nothing of a missing team, it stays sem registro at 0 %. */
  {
    g_autoptr(CoordenaForecast) old = coordena_forecast (r, catalog, coordena_rule_catalog_find (catalog, "portaria-38-2022"),
                                                         12, NULL, &error);
    const CoordenaForecastTeam *o = coordena_forecast_get_teams (old, NULL);

    g_assert_no_error (error);
    g_assert_true (o[0].missing);
    g_assert_cmpuint (o[0].now.percent, ==, 0);
    g_assert_cmpint (coordena_forecast_team_status (&o[0]), ==, COORDENA_STATUS_NO_RECORD);
  }
}

/* Issue 12 item 7: a figure is as sure as the weakest value under it. Under Portaria 38/2022,
 * TEC+ACS absent is 50 % by NT 753/2021 item 2.10 a [A]; when the ACS is absent only because her
 * 40 h here and 30 h in another team pass the 60 h ceiling (the number 60 is [S]), the loss rests
 * on that [S] value and is counted "a confirmar". */
static CoordenaRoster *
tec_acs_roster (gboolean acs_over_ceiling)
{
  CoordenaRosterBuilder *b = coordena_roster_builder_new ();
  guint t = coordena_roster_builder_add_team (b, "0000000001", NULL, "5208707", NULL);
  guint other = coordena_roster_builder_add_team (b, "0000000002", NULL, "5208707", NULL);
  guint serial = 0;

  for (CoordenaCompetencia c = 202301; c <= 202302; c++)
    {
      coordena_roster_builder_add_team_month (b, t, c, COORDENA_TEAM_TYPE_ESF, 0, 1000000);
      coordena_roster_builder_add_team_month (b, other, c, COORDENA_TEAM_TYPE_OTHER, 0, COORDENA_BASE_UNKNOWN);
      for (int cat = 0; cat < COORDENA_N_CATEGORIES; cat++)
        {
          g_autofree char *cns = g_strdup_printf ("7%014u", ++serial);
          guint p = coordena_roster_builder_add_professional (b, cns, NULL);

          if (cat == COORDENA_CATEGORY_TEC || (cat == COORDENA_CATEGORY_ACS && !acs_over_ceiling))
            continue;
          coordena_roster_builder_add_member (b, t, c, p, "000000", cat, 40);
          if (cat == COORDENA_CATEGORY_ACS)
            coordena_roster_builder_add_member (b, other, c, p, "000000", cat, 30);
        }
    }
  return coordena_roster_builder_finish (b, NULL);
}

static void
test_confidence_follows_the_ceiling (void)
{
  const CoordenaRuleSet *p38 = coordena_rule_catalog_find (catalog, "portaria-38-2022");

  for (int over = 0; over < 2; over++)
    {
      g_autoptr(CoordenaRoster) r = tec_acs_roster (over);
      g_autoptr(GError) error = NULL;
      g_autoptr(CoordenaForecast) f = coordena_forecast (r, catalog, p38, 3, NULL, &error);
      const CoordenaForecastTeam *t = only_team (f);

      g_assert_no_error (error);
      g_assert_cmpuint (t->now.percent, ==, 50);
      g_assert_cmpstr (t->now.clause->id, ==, "esf-tec-acs");
      g_assert_cmpint (t->loss_total, ==, 3 * 500000);
      g_assert_cmpint (t->now.ceiling, ==, over);
      g_assert_cmpint (t->confidence, ==, over ? COORDENA_CONFIDENCE_S : COORDENA_CONFIDENCE_A);
      g_assert_cmpint (t->loss_unconfirmed, ==, over ? 3 * 500000 : 0);
    }
}

static void
test_revocation (void)
{
  /* Nobody since 03/2025: 100 % from 04/2025 (6.907); 12 in a row end in 03/2026. */
  g_autoptr(CoordenaRoster) r = esf (202501, 6, COORDENA_CATEGORIES_ALL, 4, 0);
  g_autoptr(CoordenaForecast) f = coordena_forecast (r, catalog, NULL, 12, NULL, NULL);
  const CoordenaForecastTeam *t = only_team (f);

  /* 03/2025 is under cofin-2024 (no clauses): the count starts in 04/2025. */
  g_assert_cmpuint (t->now.competencia, ==, 202506);
  g_assert_cmpuint (t->now.percent, ==, 100);
  g_assert_cmpuint (t->next_step, ==, 0);
  g_assert_cmpuint (t->revoked_at, ==, 202603);
}

static void
test_scenarios (void)
{
  g_autoptr(CoordenaRoster) r = esf (202509, 3, BIT (COORDENA_CATEGORY_ACS), 1, 0);
  g_autoptr(CoordenaScenario) hire = coordena_scenario_new ();
  g_autoptr(CoordenaScenario) leave = coordena_scenario_new ();
  g_autoptr(CoordenaScenario) stranger = coordena_scenario_new ();
  g_autoptr(CoordenaForecast) fh = NULL;
  g_autoptr(CoordenaForecast) fl = NULL;
  g_autoptr(GError) error = NULL;
  const CoordenaForecastTeam *t;

  /* Hiring an ACS for 12/2025 avoids the step altogether. */
  coordena_scenario_add (hire, COORDENA_CHANGE_HIRE, "0000000001", COORDENA_CATEGORY_ACS, 202512);
  fh = coordena_forecast (r, catalog, NULL, 12, hire, &error);
  g_assert_no_error (error);
  t = only_team (fh);
  g_assert_cmpuint (t->next_step, ==, 0);
  g_assert_cmpint (t->loss_total, ==, 0);

  /* The médico leaving in 02/2026 as well: MED+ACS, 75 % from 03/2026. */
  coordena_scenario_add (leave, COORDENA_CHANGE_LEAVE, "0000000001", COORDENA_CATEGORY_MED, 202602);
  fl = coordena_forecast (r, catalog, NULL, 6, leave, NULL);
  t = only_team (fl);
  g_assert_cmpuint (t->next_step, ==, 202512);
  g_assert_cmpuint (t->months[2].percent, ==, 25);  /* 02/2026: MED gone one competência */
  g_assert_cmpuint (t->months[3].percent, ==, 75);  /* 03/2026 */
  g_assert_cmpstr (t->months[3].clause->id, ==, "esf-med-acs");

  coordena_scenario_add (stranger, COORDENA_CHANGE_HIRE, "0000000099", COORDENA_CATEGORY_MED, 202601);
  g_assert_null (coordena_forecast (r, catalog, NULL, 12, stranger, &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_cmpstr (error->message, ==, "O cenário cita a equipe 0000000099, que não está na relação de equipes");
}

static void
test_scenario_file_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("coordena-cenario-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cenario.csv", NULL);
  g_autofree char *expected = g_strdup_printf ("%s:3:2: mudança desconhecida “contrata”: use entrada ou saida", path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "ine;mudanca;categoria;a_partir_de\n0000000001;saida;ACS;202601\n0000000001;contrata;MED;202601\n", -1, NULL));
  g_assert_null (coordena_scenario_load_file (path, &error));
  g_assert_cmpstr (error->message, ==, expected);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_unknown_base_counted (void)
{
  /* Forced Portaria 6.907 with no stratum known: the percent stands, the money is unknown. */
  CoordenaRosterBuilder *b = coordena_roster_builder_new ();
  guint t = coordena_roster_builder_add_team (b, "0000000002", NULL, NULL, NULL);
  g_autoptr(CoordenaRoster) r = NULL;
  g_autoptr(CoordenaForecast) f = NULL;
  const CoordenaForecastTeam *ft;

  coordena_roster_builder_add_team_month (b, t, 202506, COORDENA_TEAM_TYPE_EAP20, 0, COORDENA_BASE_UNKNOWN);
  r = coordena_roster_builder_finish (b, NULL);
  f = coordena_forecast (r, catalog, coordena_rule_catalog_find (catalog, "portaria-6907-2025"), 3, NULL, NULL);
  ft = only_team (f);
  g_assert_cmpuint (ft->now.percent, ==, 100);
  g_assert_cmpint (ft->loss_total, ==, 0);
  g_assert_cmpuint (ft->n_unknown_loss, ==, 3);
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
  g_test_add_func ("/forecast/next-step-and-fix-by", test_next_step_and_fix_by);
  g_test_add_func ("/forecast/revocation", test_revocation);
  g_test_add_func ("/forecast/team-without-registration", test_team_without_registration);
  g_test_add_func ("/forecast/confidence-follows-the-ceiling", test_confidence_follows_the_ceiling);
  g_test_add_func ("/forecast/scenarios", test_scenarios);
  g_test_add_func ("/forecast/scenario-file-errors", test_scenario_file_errors);
  g_test_add_func ("/forecast/unknown-base-counted", test_unknown_base_counted);
  status = g_test_run ();
  coordena_rule_catalog_free (catalog);
  return status;
}
