/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The screens' figures from a small roster: each team's composition and status, the KPIs, the
 * alerts, the municipalities, the ranks used for sorting, and the forecast as CSV and PDF. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <coordena/coordena.h>
#include <coordena/forecast-report.h>
#include <coordena/summary.h>

#define ARACAJU "2800308"
#define ITABI "2803104"

typedef struct {
  const char *ine;
  const char *ibge;
  const char *name;
  CoordenaTeamType type;
  const char *cbos[4];         /* members, NULL-terminated */
  guint hours[4];
} Team;

static const Team teams[] = {
  { "0000000001", ARACAJU, "Completa", COORDENA_TEAM_TYPE_ESF, { "225142", "223565", "322245", "515105" }, { 40, 40, 40, 40 } },
  { "0000000002", ARACAJU, "Sem médico", COORDENA_TEAM_TYPE_ESF, { "223565", "322245", "515105", NULL }, { 40, 40, 40 } },
  { "0000000004", ITABI, "Médico de 20 horas", COORDENA_TEAM_TYPE_ESF, { "225142", "223565", "322245", "515105" }, { 20, 40, 40, 40 } },
  { "0000000005", ITABI, "Saúde bucal", COORDENA_TEAM_TYPE_OTHER, { NULL }, { 0 } },
};

/* Team 3 loses its ACS in the latest competência only: one step from a suspension. */
#define AT_RISK_INE "0000000003"

static CoordenaRoster *
build_roster (void)
{
  CoordenaRosterBuilder *b = coordena_roster_builder_new ();
  g_autoptr(GError) error = NULL;
  static const CoordenaCompetencia months[] = { 202508, 202509 };
  static const char *cats[] = { "225142", "223565", "322245", "515105" };
  CoordenaRoster *roster;

  coordena_roster_builder_set_ied_stratum (b, ARACAJU, 1);
  coordena_roster_builder_set_ied_stratum (b, ITABI, 2);
  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    {
      guint t3 = coordena_roster_builder_add_team (b, AT_RISK_INE, "2345678", ARACAJU, "Perde o ACS");

      coordena_roster_builder_add_team_month (b, t3, months[m], COORDENA_TEAM_TYPE_ESF, 0, COORDENA_BASE_UNKNOWN);
      for (guint c = 0; c < 4; c++)
        {
          g_autofree char *cns = g_strdup_printf ("7000000%08u", 900 + c);
          guint p = coordena_roster_builder_add_professional (b, cns, NULL);

          if (c == 3 && months[m] == 202509)
            continue;
          coordena_roster_builder_add_member (b, t3, months[m], p, cats[c], c, 40);
        }
      for (guint i = 0; i < G_N_ELEMENTS (teams); i++)
        {
          guint t = coordena_roster_builder_add_team (b, teams[i].ine, "2345678", teams[i].ibge, teams[i].name);

          coordena_roster_builder_add_team_month (b, t, months[m], teams[i].type, 0, COORDENA_BASE_UNKNOWN);
          for (guint k = 0; k < 4 && teams[i].cbos[k] != NULL; k++)
            {
              g_autofree char *cns = g_strdup_printf ("7000000%08u", i * 10 + k);
              guint p = coordena_roster_builder_add_professional (b, cns, NULL);
              CoordenaCategory cat = strcmp (teams[i].cbos[k], "225142") == 0 ? COORDENA_CATEGORY_MED
                                     : strcmp (teams[i].cbos[k], "223565") == 0 ? COORDENA_CATEGORY_ENF
                                     : strcmp (teams[i].cbos[k], "322245") == 0 ? COORDENA_CATEGORY_TEC
                                     : COORDENA_CATEGORY_ACS;

              coordena_roster_builder_add_member (b, t, months[m], p, teams[i].cbos[k], cat, teams[i].hours[k]);
            }
        }
    }
  roster = coordena_roster_builder_finish (b, &error);
  g_assert_no_error (error);
  return roster;
}

static const CoordenaTeamSummary *
team_row (CoordenaSummary *s, const char *ine)
{
  int row = coordena_summary_find_team (s, ine);

  g_assert_cmpint (row, >=, 0);
  return coordena_summary_get_team (s, (guint) row);
}

static CoordenaSummary *
new_summary (void)
{
  g_autoptr(CoordenaRoster) roster = build_roster ();
  g_autoptr(GError) error = NULL;
  CoordenaSummaryOptions options = { .horizon = 12 };
  CoordenaSummary *s = coordena_summary_new (roster, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

static void
test_teams (void)
{
  g_autoptr(CoordenaSummary) s = new_summary ();
  const CoordenaTeamSummary *complete = team_row (s, "0000000001");
  const CoordenaTeamSummary *no_med = team_row (s, "0000000002");
  const CoordenaTeamSummary *short_med = team_row (s, "0000000004");
  const CoordenaTeamSummary *bucal = team_row (s, "0000000005");
  const CoordenaTeamSummary *risk = team_row (s, AT_RISK_INE);

  g_assert_cmpuint (coordena_summary_get_current (s), ==, 202509);
  g_assert_cmpint (complete->status, ==, COORDENA_STATUS_REGULAR);
  g_assert_cmpint (complete->presence[COORDENA_CATEGORY_MED], ==, COORDENA_PRESENCE_PRESENT);
  g_assert_cmpint (complete->percent, ==, 0);

  g_assert_cmpint (no_med->status, ==, COORDENA_STATUS_SUSPENDED);
  g_assert_cmpint (no_med->presence[COORDENA_CATEGORY_MED], ==, COORDENA_PRESENCE_ABSENT);
  g_assert_cmpint (no_med->percent, >, 0);
  g_assert_nonnull (no_med->clause);
  g_assert_cmpint (no_med->loss_month, >, 0);

  g_assert_cmpint (short_med->presence[COORDENA_CATEGORY_MED], ==, COORDENA_PRESENCE_HOURS_SHORT);
  g_assert_cmpint (short_med->presence[COORDENA_CATEGORY_ENF], ==, COORDENA_PRESENCE_PRESENT);

  g_assert_cmpint (bucal->status, ==, COORDENA_STATUS_NOT_EVALUATED);
  g_assert_cmpint (bucal->presence[COORDENA_CATEGORY_MED], ==, COORDENA_PRESENCE_NOT_REQUIRED);

  g_assert_cmpint (risk->status, ==, COORDENA_STATUS_AT_RISK);
  g_assert_cmpuint (risk->next_step, ==, 202510);
  g_assert_cmpint (risk->next_percent, >, 0);
}

static void
test_dashboard (void)
{
  g_autoptr(CoordenaSummary) s = new_summary ();
  CoordenaCompetencia first;
  const gint64 *series;
  guint n, one_away = 0;
  gint64 forecast = 0;

  g_assert_cmpuint (coordena_summary_get_n_evaluated (s), ==, 4);
  g_assert_cmpuint (coordena_summary_get_n_at_risk (s), ==, 1);
  g_assert_cmpuint (coordena_summary_get_n_suspended (s), ==, 2);
  g_assert_cmpint (coordena_summary_get_loss_next_month (s), >, 0);
  g_assert_cmpint (coordena_summary_get_loss_next_12 (s), >=, coordena_summary_get_loss_next_month (s));

  /* The chart starts at the roster's first competência (08/2025), not twelve months back: the
   * months before it are unknown, not months without loss. */
  series = coordena_summary_get_series (s, &first, &n);
  g_assert_cmpuint (n, ==, 14);
  g_assert_cmpuint (first, ==, 202508);
  for (guint i = n - 12; i < n; i++)
    forecast += series[i];
  g_assert_cmpint (forecast, ==, coordena_summary_get_loss_next_12 (s));

  for (guint i = 0; i < coordena_summary_get_n_alerts (s); i++)
    if (coordena_summary_get_alert (s, i)->kind == COORDENA_ALERT_ONE_AWAY)
      {
        g_assert_cmpuint (coordena_summary_get_alert (s, i)->competencia, ==, 202510);
        one_away++;
      }
  g_assert_cmpuint (one_away, ==, 1);

  /* Municipalities by what they lose; each names its teams. */
  g_assert_cmpuint (coordena_summary_get_n_municipios (s), ==, 2);
  g_assert_cmpint (coordena_summary_get_municipio (s, 0)->loss_horizon, >=, coordena_summary_get_municipio (s, 1)->loss_horizon);
  g_assert_cmpstr (coordena_summary_team_municipio (s, (guint) coordena_summary_find_team (s, "0000000001")), ==, "Aracaju");
}

static void
test_ranks (void)
{
  g_autoptr(CoordenaSummary) s = new_summary ();
  const guint32 *m = coordena_summary_get_municipio_ranks (s);
  const guint32 *names = coordena_summary_get_name_ranks (s);
  int aracaju = coordena_summary_find_team (s, "0000000001");
  int itabi = coordena_summary_find_team (s, "0000000004");
  int completa = aracaju, sem_medico = coordena_summary_find_team (s, "0000000002");

  g_assert_cmpuint (m[aracaju], <, m[itabi]);
  g_assert_cmpuint (m[aracaju], ==, m[sem_medico]);
  g_assert_cmpuint (names[completa], <, names[sem_medico]);
}

static void
test_timeline (void)
{
  g_autoptr(CoordenaSummary) s = new_summary ();
  g_autoptr(GArray) timeline = coordena_summary_team_timeline (s, (guint) coordena_summary_find_team (s, "0000000002"));
  guint history = 0, forecast = 0;

  for (guint i = 0; i < timeline->len; i++)
    {
      const CoordenaTeamMonthSummary *m = &g_array_index (timeline, CoordenaTeamMonthSummary, i);

      if (m->forecast)
        forecast++;
      else
        history++;
      g_assert_true (m->absent & COORDENA_CATEGORY_BIT (COORDENA_CATEGORY_MED));
    }
  g_assert_cmpuint (history, ==, 2);
  g_assert_cmpuint (forecast, ==, 12);
}

static void
test_reports (void)
{
  g_autoptr(CoordenaSummary) s = new_summary ();
  g_autofree char *csv = coordena_forecast_report_csv (s);
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;

  /* The people's sheet: BOM, readable Portuguese titles, ';'. */
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBFMunicípio;IBGE;INE;CNES;Equipe;Tipo;Situação;"));
  /* The header, the four evaluated teams, and the empty string after the last line break. */
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_nonnull (strstr (csv, "Sem médico"));
  g_assert_null (strstr (csv, "Saúde bucal"));

  pdf = coordena_forecast_report_pdf (s, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_cmpint (memcmp (g_bytes_get_data (pdf, NULL), "%PDF", 4), ==, 0);
}

/* Issue 12 item 1: the screens, the sheet and the report read one forecast. A team missing from
 * the latest competência is in every one of them, counted once, as the rule set in force says. */
static void
test_team_that_stopped_is_counted (void)
{
  CoordenaRosterBuilder *b = coordena_roster_builder_new ();
  static const char *cats[] = { "225142", "223565", "322245", "515105" };
  g_autoptr(CoordenaRoster) roster = NULL;
  g_autoptr(CoordenaSummary) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  const CoordenaForecastTotals *tot;
  CoordenaSummaryOptions options = { .horizon = 6 };
  guint serial = 0, n_ft, rows = 0;
  const CoordenaForecastTeam *fts;
  gint64 sum = 0;
  int row;

  coordena_roster_builder_set_ied_stratum (b, ARACAJU, 1);
  for (CoordenaCompetencia c = 202607; c <= 202612; c = coordena_competencia_add (c, 1))
    for (guint t = 0; t < 2; t++)
      {
        guint team = coordena_roster_builder_add_team (b, t == 0 ? "0000000011" : "0000000012", NULL, ARACAJU,
                                                       t == 0 ? "Parou em setembro" : "Completa");

        if (t == 0 && c > 202609)
          continue;
        coordena_roster_builder_add_team_month (b, team, c, COORDENA_TEAM_TYPE_ESF, 0, COORDENA_BASE_UNKNOWN);
        for (guint k = 0; k < 4; k++)
          {
            g_autofree char *cns = g_strdup_printf ("7%014u", ++serial);
            guint p = coordena_roster_builder_add_professional (b, cns, NULL);
            coordena_roster_builder_add_member (b, team, c, p, cats[k], (CoordenaCategory) k, 40);
          }
      }
  roster = coordena_roster_builder_finish (b, &error);
  g_assert_no_error (error);
  s = coordena_summary_new (roster, &options, &error);
  g_assert_no_error (error);

  tot = coordena_forecast_get_totals (coordena_summary_get_forecast (s));
  fts = coordena_forecast_get_teams (coordena_summary_get_forecast (s), &n_ft);
  for (guint i = 0; i < n_ft; i++)
    sum += fts[i].loss_total;
  g_assert_cmpuint (coordena_summary_get_n_evaluated (s), ==, 2);
  g_assert_cmpuint (coordena_summary_get_n_evaluated (s), ==, tot->n_teams);
  g_assert_cmpuint (coordena_summary_get_n_no_record (s), ==, 1);
  g_assert_cmpint (coordena_summary_get_loss_horizon (s), ==, sum);
  g_assert_cmpint (coordena_summary_get_loss_horizon (s), ==, 6 * 1800000);
  g_assert_cmpint (coordena_summary_get_loss_unconfirmed (s), ==, 6 * 1800000);
  g_assert_cmpuint (coordena_summary_get_horizon (s), ==, 6);

  row = coordena_summary_find_team (s, "0000000011");
  g_assert_cmpint (coordena_summary_get_team (s, (guint) row)->status, ==, COORDENA_STATUS_NO_RECORD);
  g_assert_true (coordena_summary_get_team (s, (guint) row)->missing);
  g_assert_cmpint (coordena_summary_get_team (s, (guint) row)->percent, ==, 100);
  g_assert_cmpuint (coordena_summary_get_n_municipios (s), ==, 1);
  g_assert_cmpint (coordena_summary_get_municipio (s, 0)->loss_horizon, ==, 6 * 1800000);

  csv = coordena_forecast_report_csv (s);
  {
    g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);

    for (guint i = 1; lines[i] != NULL; i++)
      if (lines[i][0] != '\0')
        rows++;
  }
  g_assert_cmpuint (rows, ==, 2);
  g_assert_nonnull (strstr (csv, ";Sem registro na competência 12/2026 (100 %);12/2026;09/2026;"));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  coordena_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/summary/teams", test_teams);
  g_test_add_func ("/summary/dashboard", test_dashboard);
  g_test_add_func ("/summary/ranks", test_ranks);
  g_test_add_func ("/summary/timeline", test_timeline);
  g_test_add_func ("/summary/reports", test_reports);
  g_test_add_func ("/summary/team-that-stopped-is-counted", test_team_that_stopped_is_counted);
  return g_test_run ();
}
