/* SPDX-License-Identifier: GPL-3.0-or-later */
/* summary.h — what the screens show, computed once from a roster and the rules: one row per team
 * (composition now, suspension now, next step, loss), the dashboard's figures, the monthly loss
 * over the last and next competências, the municipalities losing most, and the alerts.
 *
 * A summary is immutable and reference-counted, so a worker thread can build it while the
 * window keeps showing the previous one. */
#pragma once

#include <glib.h>

#include <coordena/competencia.h>
#include <coordena/roster.h>
#include <coordena/rules.h>

G_BEGIN_DECLS

/* How one category of a team stands in its latest competência. */
typedef enum {
  COORDENA_PRESENCE_NOT_REQUIRED = 0, /* the team type does not require it */
  COORDENA_PRESENCE_PRESENT,
  COORDENA_PRESENCE_ABSENT,           /* nobody of the category in the team */
  COORDENA_PRESENCE_HOURS_SHORT,      /* somebody, but the weekly hours do not reach the rule */
} CoordenaPresence;

typedef enum {
  COORDENA_ALERT_REVOCATION,          /* 12 competências at 100 % would revoke the INE */
  COORDENA_ALERT_DUPLICIDADE,         /* a professional in two eSF in the same competência */
  COORDENA_ALERT_ONE_AWAY,            /* the next competência starts a suspension */
} CoordenaAlertKind;

typedef struct {
  guint team;                         /* index into the roster's teams */
  CoordenaTeamType type;              /* in the latest competência */
  CoordenaCompetencia last;           /* the team's latest competência */
  guint8 presence[COORDENA_N_CATEGORIES];  /* CoordenaPresence per category, latest competência */
  guint n_members;                    /* members in the latest competência */
  CoordenaStatus status;
  int percent;                        /* suspension in the latest competência */
  char *clause;                       /* the clause that gave it, or NULL */
  char *basis;                        /* its legal basis, or NULL */
  CoordenaCompetencia next_step;      /* first future competência whose percent rises, or 0 */
  int next_percent;                   /* the percent from then on */
  CoordenaCompetencia fix_by;         /* the last competência to complete the team and avoid it */
  gint64 loss_month;                  /* centavos lost per month now; −1 when the base is unknown */
  gint64 loss_horizon;                /* centavos lost over the forecast horizon; −1 unknown */
  CoordenaCompetencia revocation;     /* competência in which the INE would be revoked, or 0 */
  gboolean duplicidade;               /* a member also in another eSF in the latest competência */
  gboolean active;                    /* present in the roster's latest competência */
  gboolean missing;                   /* not present: the forecast counts it as sem registro */
  CoordenaCompetencia current;        /* the forecast's current competência (the roster's latest) */
  gboolean provimento;                /* the provimento rule limited today's percent */
  CoordenaConfidence confidence;      /* the weakest value under its figures (A: all read in acts) */
  gint64 loss_unconfirmed;            /* the part of loss_horizon resting on [S] or [U] values */
} CoordenaTeamSummary;

typedef struct {
  char ibge[8];
  const char *nome;                   /* the municipality's name (the reference table's string) */
  guint n_teams;                      /* evaluated teams */
  guint n_suspended;                  /* with a suspension now (sem registro ones apart) */
  guint n_no_record;                  /* of n_teams, sem registro at the latest competência */
  gint64 loss_horizon;                /* centavos over the horizon, known bases only */
} CoordenaMunicipioSummary;

typedef struct {
  CoordenaAlertKind kind;
  guint row;                          /* index into the summary's teams */
  CoordenaCompetencia competencia;    /* when it happens */
  int percent;                        /* for ONE_AWAY: the percent that would start */
} CoordenaAlert;

typedef struct _CoordenaSummary CoordenaSummary;

/* What to compute. */
typedef struct {
  const char *ruleset_id;             /* NULL or "auto": the rule set in force per competência */
  guint horizon;                      /* competências forecast after the latest; 0 means 12 */
  const CoordenaScenario *scenario;   /* planned hires and departures, or NULL */
} CoordenaSummaryOptions;

/* Evaluates the roster's history and forecasts its future; an empty roster gives an empty summary. */
CoordenaSummary *coordena_summary_new (CoordenaRoster                *roster,
                                       const CoordenaSummaryOptions  *options,
                                       GError                       **error);

CoordenaSummary *coordena_summary_ref (CoordenaSummary *summary);
void coordena_summary_unref (CoordenaSummary *summary);

CoordenaRoster *coordena_summary_get_roster (const CoordenaSummary *summary);

/* One row per team of the roster, in the roster's order (by INE). */
guint coordena_summary_get_n_teams (const CoordenaSummary *summary);
const CoordenaTeamSummary *coordena_summary_get_team (const CoordenaSummary *summary, guint row);

/* The row of the team with this INE, or −1. */
int coordena_summary_find_team (const CoordenaSummary *summary, const char *ine);

/* Each row's place when the rows are sorted by municipality name or by team name, in the user's
 * collation: comparing two rows' ranks compares their names, with no string work while sorting. */
const guint32 *coordena_summary_get_municipio_ranks (const CoordenaSummary *summary);
const guint32 *coordena_summary_get_name_ranks (const CoordenaSummary *summary);

/* The municipality's name for a team row ("" when the code is unknown). */
const char *coordena_summary_team_municipio (const CoordenaSummary *summary, guint row);

/* One competência of a team: evaluated (history) or forecast. */
typedef struct {
  CoordenaCompetencia competencia;
  gboolean forecast;                  /* after the team's latest competência */
  CoordenaCategorySet absent;
  int percent;
  const char *ruleset_id;             /* NULL when no rule set covers the competência */
  const char *clause;                 /* the clause that gave the percent, or NULL */
  const char *basis;                  /* its legal basis, or NULL */
  const char *act;                    /* the act of the rule set, or NULL */
  gint64 loss;                        /* centavos, −1 when the base is unknown */
  gboolean missing;                   /* the team had no registration (sem registro) */
  gboolean provimento;                /* the provimento rule limited the percent */
  const char *provimento_basis;       /* then the act it rests on */
  CoordenaConfidence confidence;      /* the weakest value the percent and loss rest on */
  const char *confidence_basis;       /* the act of the clause, when one fired */
} CoordenaTeamMonthSummary;

/* A team's history followed by its forecast, as a GArray of CoordenaTeamMonthSummary (free it
 * with g_array_unref; its strings belong to the summary). */
GArray *coordena_summary_team_timeline (const CoordenaSummary *summary, guint row);

/* The forecast horizon, in competências after the latest. */
guint coordena_summary_get_horizon (const CoordenaSummary *summary);

/* Dashboard figures in the roster's latest competência, over every team the forecast covers
 * (those without registration there included). */
CoordenaCompetencia coordena_summary_get_current (const CoordenaSummary *summary);
/* The rule set applied to the current competência (the chosen one, or the one in force), or NULL. */
const char *coordena_summary_get_rules_id (const CoordenaSummary *summary);
const char *coordena_summary_get_rules_title (const CoordenaSummary *summary);
guint coordena_summary_get_n_evaluated (const CoordenaSummary *summary);
guint coordena_summary_get_n_at_risk (const CoordenaSummary *summary);
guint coordena_summary_get_n_suspended (const CoordenaSummary *summary);
/* Forecast loss of the next competência, and over the next 12 (known bases only). */
gint64 coordena_summary_get_loss_next_month (const CoordenaSummary *summary);
gint64 coordena_summary_get_loss_next_12 (const CoordenaSummary *summary);
/* Forecast loss over the whole horizon, and the part of it resting on [S] or [U] values. */
gint64 coordena_summary_get_loss_horizon (const CoordenaSummary *summary);
gint64 coordena_summary_get_loss_unconfirmed (const CoordenaSummary *summary);
/* Teams without registration in the current competência (counted in n_evaluated). */
guint coordena_summary_get_n_no_record (const CoordenaSummary *summary);

/* The one forecast the summary arranges (the CLI, the report and the screens read it), its
 * row for a team (NULL when the team is not forecast), and the rule sets it used. */
const CoordenaForecast *coordena_summary_get_forecast (const CoordenaSummary *summary);
const CoordenaForecastTeam *coordena_summary_get_forecast_team (const CoordenaSummary *summary, guint row);
const CoordenaRuleCatalog *coordena_summary_get_catalog (const CoordenaSummary *summary);

/* TRUE when some evaluated team's base is unknown, so the money figures leave it out. */
gboolean coordena_summary_has_unknown_bases (const CoordenaSummary *summary);

/* Total monthly loss of the last 12 competências (fewer when the roster starts later) and the
 * horizon after them: *first receives the first competência, the array holds *n values (centavos). */
const gint64 *coordena_summary_get_series (const CoordenaSummary *summary,
                                           CoordenaCompetencia   *first,
                                           guint                 *n);

/* Municipalities with evaluated teams, the largest loss first. */
guint coordena_summary_get_n_municipios (const CoordenaSummary *summary);
const CoordenaMunicipioSummary *coordena_summary_get_municipio (const CoordenaSummary *summary, guint i);

/* Alerts, the most urgent first. */
guint coordena_summary_get_n_alerts (const CoordenaSummary *summary);
const CoordenaAlert *coordena_summary_get_alert (const CoordenaSummary *summary, guint i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaSummary, coordena_summary_unref)

G_END_DECLS
