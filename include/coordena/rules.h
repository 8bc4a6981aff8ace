/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules.h — the suspension engine of DOMAIN.md §3–§6: evaluation of every team-month of a
 * roster, forecast with scenarios, and comparison of two rule sets. Deterministic and exact:
 * money in centavos, round-half-up. */
#pragma once

#include <glib.h>

#include <coordena/roster.h>
#include <coordena/ruleset.h>

G_BEGIN_DECLS

/* The outcome for one team in one competência. Laid out small: a country's evaluation holds
 * over a million of them. */
typedef struct {
  const CoordenaRuleSet *rules;   /* the set applied; NULL when none covers the competência */
  const CoordenaClause *clause;   /* the clause that decided the percent; NULL when none fired */
  gint64 base_centavos;           /* or COORDENA_BASE_UNKNOWN */
  gint64 perda_centavos;          /* or COORDENA_BASE_UNKNOWN (0 whenever percent is 0 and a set applies) */
  CoordenaCompetencia competencia;
  CoordenaCategorySet absent;     /* the team type's minimum categories that are absent */
  guint8 percent;                 /* suspension, 0–100, after the provimento rule */
  guint8 evaluated;               /* boolean: FALSE for team types the rules do not evaluate */
  guint8 provimento;              /* boolean: the provimento rule changed the percent */
  guint8 base_is_default;         /* boolean: the base came from the rule set, not from the team */
} CoordenaMonthResult;

/* ---- Evaluation -------------------------------------------------------------------------------- */

typedef struct _CoordenaEvaluation CoordenaEvaluation;

/* Evaluates every team-month. forced NULL: per competência, the set of the catalogue in force
 * ("auto"); otherwise that set for every competência, whatever its validity. */
CoordenaEvaluation *coordena_evaluate (CoordenaRoster            *roster,
                                       const CoordenaRuleCatalog *catalog,
                                       const CoordenaRuleSet     *forced);

/* Frees the results (the roster keeps its other references). */
void coordena_evaluation_free (CoordenaEvaluation *evaluation);

/* The results, one per roster month, in the roster's order (teams by INE, then competência). */
const CoordenaMonthResult *coordena_evaluation_get_results (const CoordenaEvaluation *evaluation, guint *n_results);

/* A team's results, parallel to coordena_roster_team_months(). */
const CoordenaMonthResult *coordena_evaluation_team_results (const CoordenaEvaluation *evaluation,
                                                            const CoordenaRosterTeam *team,
                                                            guint                    *n_results);

/* The roster evaluated. */
CoordenaRoster *coordena_evaluation_get_roster (const CoordenaEvaluation *evaluation);

/* ---- Scenarios --------------------------------------------------------------------------------- */

typedef enum {
  COORDENA_CHANGE_HIRE,   /* the category is present from the competência on */
  COORDENA_CHANGE_LEAVE,  /* the category is absent from the competência on */
} CoordenaChangeKind;

typedef struct {
  char ine[11];
  CoordenaChangeKind kind;
  CoordenaCategory category;
  CoordenaCompetencia from;
} CoordenaScenarioChange;

typedef struct _CoordenaScenario CoordenaScenario;

/* An empty scenario: the carried-forward composition unchanged. */
CoordenaScenario *coordena_scenario_new (void);

/* Frees a scenario. */
void coordena_scenario_free (CoordenaScenario *scenario);

/* Adds a planned change. */
void coordena_scenario_add (CoordenaScenario *scenario, CoordenaChangeKind kind, const char *ine,
                            CoordenaCategory category, CoordenaCompetencia from);

/* Reads a scenario CSV (columns ine;mudanca;categoria;a_partir_de with mudanca "entrada" or
 * "saida"); errors name file, line and column. */
CoordenaScenario *coordena_scenario_load_file (const char *path, GError **error);

/* The changes, in the order given. */
const CoordenaScenarioChange *coordena_scenario_get_changes (const CoordenaScenario *scenario, guint *n_changes);

/* ---- Forecast (DOMAIN.md §6) ------------------------------------------------------------------- */

typedef struct {
  const CoordenaRosterTeam *team;
  CoordenaMonthResult now;            /* the team's last known competência */
  CoordenaMonthResult *months;        /* the horizon after it, carried forward */
  guint n_months;
  CoordenaCompetencia next_step;      /* first competência where the suspension rises; 0 none */
  guint next_percent;
  const CoordenaClause *next_clause;
  CoordenaCompetencia fix_by;         /* the last competência whose composition can still avoid
                                       * the next step (the step's own); 0 none */
  gint64 loss_total;                  /* over the horizon, known amounts only */
  guint n_unknown_loss;               /* months with a suspension but no known base */
  CoordenaCompetencia revoked_at;     /* where 12 (revoke_after) competências at 100 % revoke the INE; 0 none */
} CoordenaForecastTeam;

typedef struct _CoordenaForecast CoordenaForecast;

/* Carries each evaluated team's last composition forward horizon competências, applies the
 * scenario and the rule set in force at each (or forced), and reports per team. Scenario
 * changes naming an INE absent from the roster are refused. */
CoordenaForecast *coordena_forecast (CoordenaRoster            *roster,
                                     const CoordenaRuleCatalog *catalog,
                                     const CoordenaRuleSet     *forced,
                                     guint                      horizon,
                                     const CoordenaScenario    *scenario,
                                     GError                   **error);

/* Frees a forecast. */
void coordena_forecast_free (CoordenaForecast *forecast);

/* The teams forecast (eSF and eAP at their last competência), sorted by INE. */
const CoordenaForecastTeam *coordena_forecast_get_teams (const CoordenaForecast *forecast, guint *n_teams);

/* ---- Comparison -------------------------------------------------------------------------------- */

typedef struct {
  const CoordenaRosterTeam *team;
  CoordenaCompetencia last;           /* the team's last evaluated competência */
  guint percent_a, percent_b;         /* at that competência */
  gint64 loss_a, loss_b;              /* over every competência, known amounts only */
  guint n_unknown_a, n_unknown_b;     /* team-months with a suspension but no known base */
} CoordenaComparisonTeam;

typedef struct {
  CoordenaComparisonTeam *teams;      /* evaluated teams, sorted by INE */
  guint n_teams;
  gint64 loss_a, loss_b;
  /* Teams at their last competência by percent: 0, 25, 50, 75, 100 and any other value. */
  guint count_a[6], count_b[6];
} CoordenaComparison;

/* Applies two rule sets to every competência of the roster and sets them side by side. */
CoordenaComparison *coordena_compare (CoordenaRoster *roster, const CoordenaRuleSet *a, const CoordenaRuleSet *b);

/* Frees a comparison. */
void coordena_comparison_free (CoordenaComparison *comparison);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaEvaluation, coordena_evaluation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaScenario, coordena_scenario_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaForecast, coordena_forecast_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaComparison, coordena_comparison_free)

G_END_DECLS
