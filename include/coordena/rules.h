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
  guint8 ceiling;                 /* boolean: the workload ceiling (max_total_hours) made a category
                                   * absent; set by the forecast only */
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
  guint line;             /* the line of the scenario file it came from (0: not from a file) */
  /* Set by the forecast: the team is sem registro at the latest competência, so the change
   * cannot apply (a hire does not give the team back its registration in the SCNES). */
  gboolean no_effect;
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

/* ---- Forecast (DOMAIN.md §6) -------------------------------------------------------------------
 *
 * The one forecast every output reads (CLI, window, CSV, PDF report, notifications). It starts
 * at the roster's latest competência (the "current" one) for every eSF and eAP team the roster
 * holds. A team missing from it is neither dropped nor carried forward: from the competência
 * after its last one it is a team without registration ("sem registro"), and the rule set in
 * force says what that costs (sem_registro_percent, Portaria GM/MS nº 6.907/2025 [S]). */

/* Where a team stands in the current competência. */
typedef enum {
  COORDENA_STATUS_NOT_EVALUATED = 0,  /* a team type the rules do not evaluate */
  COORDENA_STATUS_REGULAR,            /* complete, nothing suspended or ahead */
  COORDENA_STATUS_AT_RISK,            /* not suspended now, a suspension is ahead */
  COORDENA_STATUS_SUSPENDED,          /* a suspension applies in the current competência */
  COORDENA_STATUS_NO_RECORD,          /* absent from the current competência (sem registro) */
} CoordenaStatus;

typedef struct {
  const CoordenaRosterTeam *team;
  CoordenaMonthResult now;            /* the current competência: recorded, or sem registro */
  CoordenaMonthResult *months;        /* the horizon after it, carried forward */
  guint n_months;
  CoordenaCompetencia last_seen;      /* the team's last competência in the roster */
  gboolean missing;                   /* no registration in the current competência */
  /* Per category absent now: the first competência of its current run of absence (0 when
   * present or not required); for a missing team, up to its last recorded competência. */
  CoordenaCompetencia absent_since[COORDENA_N_CATEGORIES];
  CoordenaCompetencia next_step;      /* first competência where the suspension rises; 0 none */
  guint next_percent;
  const CoordenaClause *next_clause;
  gint64 next_loss;                   /* centavos a month from next_step; COORDENA_BASE_UNKNOWN */
  CoordenaCompetencia fix_by;         /* "corrigir até": the last competência whose composition
                                       * can still avoid the next step (the step's own); 0 none */
  gint64 loss_total;                  /* over the horizon, known amounts only */
  gint64 loss_unconfirmed;            /* the part of loss_total resting on an [S] or [U] value */
  guint n_unknown_loss;               /* months with a suspension but no known base */
  CoordenaConfidence confidence;      /* the weakest value under now and the horizon's losses */
  CoordenaCompetencia revoked_at;     /* where revoke_after competências at 100 % revoke the INE; 0 none */
  const CoordenaRuleSet *revoke_rules;/* the set whose revoke_after decided it */
} CoordenaForecastTeam;

/* The forecast's figures, counted once. */
typedef struct {
  guint n_teams;                      /* eSF and eAP teams forecast, sem registro included */
  guint n_regular, n_at_risk, n_suspended, n_no_record;
  guint n_losing;                     /* teams losing money (or an unknown amount) in the horizon */
  guint n_unknown_base;               /* teams with a suspension whose base is unknown */
  guint n_revoked;                    /* teams whose INE is revoked within the horizon */
  gint64 loss_now;                    /* centavos, the current competência */
  gint64 loss_next_month;             /* the first forecast competência */
  gint64 loss_horizon;                /* every forecast competência, known bases only */
  gint64 loss_unconfirmed;            /* the part of loss_horizon resting on [S] or [U] values */
} CoordenaForecastTotals;

typedef struct _CoordenaForecast CoordenaForecast;

/* Forecasts every eSF and eAP team horizon competências after the roster's latest: each team's
 * composition there (its last one, or sem registro) carried forward, the scenario applied, and
 * the rule set in force at each competência (or forced). Scenario changes naming an INE absent
 * from the roster are refused; they do not apply to a team without registration. */
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

/* The current competência (the roster's latest) and the horizon after it. The forecast runs
 * from current + 1 to current + horizon. */
CoordenaCompetencia coordena_forecast_get_current (const CoordenaForecast *forecast);
guint coordena_forecast_get_horizon (const CoordenaForecast *forecast);

/* The set forced on every competência, or NULL ("auto"). */
const CoordenaRuleSet *coordena_forecast_get_forced (const CoordenaForecast *forecast);

/* The scenario's changes the forecast applied, in the order given (none: *n_changes = 0). */
const CoordenaScenarioChange *coordena_forecast_get_changes (const CoordenaForecast *forecast, guint *n_changes);

/* Counts and amounts over every team forecast. */
const CoordenaForecastTotals *coordena_forecast_get_totals (const CoordenaForecast *forecast);

/* The team's status in the current competência. */
CoordenaStatus coordena_forecast_team_status (const CoordenaForecastTeam *team);

/* "Regular", "Em risco", "Suspensa", "Sem registro", "Não avaliada". */
const char *coordena_status_to_string (CoordenaStatus status);

/* "Suspensa 75 %", "Sem registro na competência 12/2026 (100 %)", "Em risco"… */
char *coordena_forecast_team_state_text (const CoordenaForecastTeam *team);
char *coordena_status_text (CoordenaStatus status, guint percent, CoordenaCompetencia current);

/* "75 % em 11/2025": the next step of suspension. */
char *coordena_next_step_text (CoordenaCompetencia next_step, guint percent);

/* The categories absent now by name, "Médico, Enfermeiro"; "" when none. */
char *coordena_forecast_team_missing_text (const CoordenaForecastTeam *team);

/* The weakest confidence among the values a month's percent and loss rest on: the clause, the
 * provimento rule when it applied, the workload ceiling when it made a category absent, the rule
 * set's default base when it was used. A when the month loses nothing. */
CoordenaConfidence coordena_month_result_confidence (const CoordenaMonthResult *result);

/* "limitado a 75 % pelo provimento (NT 753/2021 itens 2.13 e 2.17 …)", or NULL when the
 * provimento rule did not change the month's percent. */
char *coordena_provimento_note (const CoordenaMonthResult *result);

/* ---- Comparison -------------------------------------------------------------------------------- */

typedef struct {
  const CoordenaRosterTeam *team;
  CoordenaCompetencia last;           /* the team's last evaluated competência: the roster's
                                       * latest, for a team followed there without registration */
  CoordenaCompetencia last_seen;      /* the team's last competência in the roster */
  gboolean missing;                   /* sem registro from last_seen + 1 up to the latest */
  guint percent_a, percent_b;         /* at that competência */
  gint64 loss_a, loss_b;              /* over every competência, known amounts only */
  guint n_unknown_a, n_unknown_b;     /* team-months with a suspension but no known base */
} CoordenaComparisonTeam;

typedef struct {
  const CoordenaRuleSet *a, *b;       /* the two sets compared (the catalogue owns them) */
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
