/* SPDX-License-Identifier: GPL-3.0-or-later */
/* summary.c — the screens' figures from one evaluation and one forecast of the roster. The
 * engine decides every percent and amount; this module only arranges and adds them up. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/error.h>
#include <coordena/reference.h>
#include <coordena/ruleset.h>
#include <coordena/summary.h>

#define HISTORY 12

struct _CoordenaSummary {
  gint ref_count;
  CoordenaRoster *roster;
  CoordenaRuleCatalog *catalog;
  const CoordenaRuleSet *forced;    /* the chosen set (the catalogue owns it), or NULL for "auto" */
  CoordenaEvaluation *evaluation;
  CoordenaForecast *forecast;
  guint horizon;

  CoordenaTeamSummary *teams;
  guint n_teams;
  const CoordenaForecastTeam **forecast_of;  /* per row, NULL when not forecast */
  const char **municipio_names;              /* per row */
  guint32 *municipio_ranks;                  /* per row */
  guint32 *name_ranks;                       /* per row */

  CoordenaCompetencia current;
  guint n_evaluated, n_at_risk, n_suspended, n_no_record;
  gint64 loss_next_month, loss_next_12, loss_horizon, loss_unconfirmed;
  gboolean unknown_bases;
  const CoordenaRuleSet *rules_now;

  CoordenaCompetencia series_first;
  gint64 *series;
  guint n_series;

  GArray *municipios;               /* CoordenaMunicipioSummary */
  GArray *alerts;                   /* CoordenaAlert */
};

static CoordenaPresence
presence_of (const CoordenaRoster *roster, const CoordenaRosterMonth *month, CoordenaCategorySet required,
             CoordenaCategorySet absent, CoordenaCategory c)
{
  const CoordenaRosterMember *members;
  guint n;

  if (!(required & COORDENA_CATEGORY_BIT (c)))
    return COORDENA_PRESENCE_NOT_REQUIRED;
  if (!(absent & COORDENA_CATEGORY_BIT (c)))
    return COORDENA_PRESENCE_PRESENT;
  members = coordena_roster_month_members (roster, month, &n);
  for (guint i = 0; i < n; i++)
    if (members[i].category == (gint8) c)
      return COORDENA_PRESENCE_HOURS_SHORT;
  return COORDENA_PRESENCE_ABSENT;
}

static int
compare_u64 (gconstpointer a, gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/* Professionals registered in two eSF of the current competência (DOMAIN.md §4.4). */
static void
mark_duplicidade (CoordenaSummary *s)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GHashTable) dup = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) sorted = NULL;

  for (guint row = 0; row < s->n_teams; row++)
    {
      const CoordenaRosterTeam *team = coordena_roster_get_team (s->roster, s->teams[row].team);
      const CoordenaRosterMonth *months;
      const CoordenaRosterMember *members;
      guint n_months, n_members;

      months = coordena_roster_team_months (s->roster, team, &n_months);
      if (n_months == 0 || months[n_months - 1].competencia != s->current || months[n_months - 1].type != COORDENA_TEAM_TYPE_ESF)
        continue;
      members = coordena_roster_month_members (s->roster, &months[n_months - 1], &n_members);
      for (guint i = 0; i < n_members; i++)
        {
          guint64 key = ((guint64) members[i].professional << 32) | row;
          g_array_append_val (keys, key);
        }
    }
  g_array_sort (keys, compare_u64);
  for (guint i = 0; i + 1 < keys->len; i++)
    {
      guint64 a = g_array_index (keys, guint64, i), b = g_array_index (keys, guint64, i + 1);

      if ((a >> 32) == (b >> 32) && (guint32) a != (guint32) b)
        {
          s->teams[(guint32) a].duplicidade = TRUE;
          s->teams[(guint32) b].duplicidade = TRUE;
        }
    }
}

static int
compare_municipios (gconstpointer a, gconstpointer b)
{
  const CoordenaMunicipioSummary *x = a, *y = b;

  if (x->loss_horizon != y->loss_horizon)
    return x->loss_horizon > y->loss_horizon ? -1 : 1;
  if (x->n_suspended != y->n_suspended)
    return x->n_suspended > y->n_suspended ? -1 : 1;
  return g_utf8_collate (x->nome, y->nome);
}

static int
alert_rank (CoordenaAlertKind kind)
{
  switch (kind)
    {
    case COORDENA_ALERT_REVOCATION: return 0;
    case COORDENA_ALERT_ONE_AWAY: return 1;
    case COORDENA_ALERT_DUPLICIDADE:
    default: return 2;
    }
}

static int
compare_alerts (gconstpointer a, gconstpointer b)
{
  const CoordenaAlert *x = a, *y = b;

  if (alert_rank (x->kind) != alert_rank (y->kind))
    return alert_rank (x->kind) - alert_rank (y->kind);
  if (x->competencia != y->competencia)
    return x->competencia < y->competencia ? -1 : 1;
  if (x->percent != y->percent)
    return y->percent - x->percent;
  return (int) x->row - (int) y->row;
}

static void
add_alert (CoordenaSummary *s, CoordenaAlertKind kind, guint row, CoordenaCompetencia c, int percent)
{
  CoordenaAlert alert = { .kind = kind, .row = row, .competencia = c, .percent = percent };

  g_array_append_val (s->alerts, alert);
}

typedef struct {
  char *key;
  guint row;
} RankKey;

static int
compare_rank_keys (gconstpointer a, gconstpointer b)
{
  const RankKey *x = a, *y = b;
  int r = strcmp (x->key, y->key);

  return r != 0 ? r : (int) x->row - (int) y->row;
}

/* Equal names share a rank, so ties fall to the caller's own order. */
static guint32 *
rank_rows (guint n, const char *(*name) (CoordenaSummary *s, guint row), CoordenaSummary *s)
{
  g_autofree RankKey *keys = g_new (RankKey, MAX (n, 1));
  guint32 *ranks = g_new0 (guint32, MAX (n, 1));
  guint32 rank = 0;

  for (guint i = 0; i < n; i++)
    {
      keys[i].key = g_utf8_collate_key (name (s, i), -1);
      keys[i].row = i;
    }
  qsort (keys, n, sizeof *keys, compare_rank_keys);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && strcmp (keys[i].key, keys[i - 1].key) != 0)
        rank++;
      ranks[keys[i].row] = rank;
    }
  for (guint i = 0; i < n; i++)
    g_free (keys[i].key);
  return ranks;
}

static const char *
row_municipio (CoordenaSummary *s, guint row)
{
  return s->municipio_names[row];
}

static const char *
row_name (CoordenaSummary *s, guint row)
{
  const char *name = coordena_roster_get_team (s->roster, row)->name;

  return name != NULL ? name : "";
}

static void
add_to_series (CoordenaSummary *s, CoordenaCompetencia c, gint64 loss)
{
  int k = coordena_competencia_diff (c, s->series_first);

  if (k >= 0 && (guint) k < s->n_series && loss > 0)
    s->series[k] += loss;
}

CoordenaSummary *
coordena_summary_new (CoordenaRoster *roster, const CoordenaSummaryOptions *options, GError **error)
{
  g_autoptr(CoordenaSummary) s = g_new0 (CoordenaSummary, 1);
  const CoordenaReference *reference = coordena_reference_get (NULL);
  const CoordenaForecastTeam *fteams;
  g_autoptr(GHashTable) by_ibge = NULL;
  guint n_fteams, f = 0;

  g_return_val_if_fail (roster != NULL, NULL);

  s->ref_count = 1;
  s->roster = coordena_roster_ref (roster);
  s->horizon = options != NULL && options->horizon > 0 ? options->horizon : 12;
  s->municipios = g_array_new (FALSE, TRUE, sizeof (CoordenaMunicipioSummary));
  s->alerts = g_array_new (FALSE, TRUE, sizeof (CoordenaAlert));

  if ((s->catalog = coordena_rule_catalog_load (error)) == NULL)
    return NULL;
  if (options != NULL && options->ruleset_id != NULL && strcmp (options->ruleset_id, "auto") != 0)
    {
      const CoordenaRuleSet *chosen = coordena_rule_catalog_find (s->catalog, options->ruleset_id);

      if (chosen == NULL)
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("Unknown rule set “%s”"), options->ruleset_id);
          return NULL;
        }
      s->forced = chosen;
    }

  s->evaluation = coordena_evaluate (roster, s->catalog, s->forced);
  s->forecast = coordena_forecast (roster, s->catalog, s->forced, s->horizon,
                                   options != NULL ? options->scenario : NULL, error);
  if (s->forecast == NULL)
    return NULL;

  s->current = coordena_roster_get_last_competencia (roster);
  s->rules_now = s->forced != NULL ? s->forced : (s->current != 0 ? coordena_rule_catalog_in_force (s->catalog, s->current) : NULL);
  s->n_teams = coordena_roster_get_n_teams (roster);
  s->teams = g_new0 (CoordenaTeamSummary, s->n_teams);
  s->forecast_of = g_new0 (const CoordenaForecastTeam *, s->n_teams);
  s->municipio_names = g_new0 (const char *, s->n_teams);
  s->n_series = HISTORY + s->horizon;
  s->series = g_new0 (gint64, s->n_series);
  s->series_first = s->current != 0 ? coordena_competencia_add (s->current, 1 - HISTORY) : 0;
  by_ibge = g_hash_table_new (g_str_hash, g_str_equal);

  fteams = coordena_forecast_get_teams (s->forecast, &n_fteams);
  for (guint row = 0; row < s->n_teams; row++)
    {
      CoordenaTeamSummary *ts = &s->teams[row];
      const CoordenaRosterTeam *team = coordena_roster_get_team (roster, row);
      const CoordenaRosterMonth *months;
      const CoordenaMonthResult *results;
      const CoordenaMonthResult *now;
      const CoordenaMunicipio *municipio = reference != NULL ? coordena_reference_find_municipio (reference, team->ibge) : NULL;
      const CoordenaForecastTeam *ft = NULL;
      CoordenaCategorySet required;
      guint n_months, n_results;

      ts->team = row;
      s->municipio_names[row] = municipio != NULL ? municipio->nome : "";
      months = coordena_roster_team_months (roster, team, &n_months);
      results = coordena_evaluation_team_results (s->evaluation, team, &n_results);
      for (guint m = 0; m < n_results; m++)
        {
          if (results[m].percent > 0 && results[m].perda_centavos < 0)
            s->unknown_bases = TRUE;
          add_to_series (s, results[m].competencia, results[m].perda_centavos);
        }
      if (n_months == 0)
        continue;

      /* Forecast teams come sorted by INE, as the roster's. */
      while (f < n_fteams && strcmp (fteams[f].team->ine, team->ine) < 0)
        f++;
      if (f < n_fteams && fteams[f].team == team)
        ft = &fteams[f];
      s->forecast_of[row] = ft;

      /* The forecast's view of the current competência, so a team without registration is
       * shown and counted as the forecast counts it. */
      now = ft != NULL ? &ft->now : &results[n_months - 1];
      ts->type = months[n_months - 1].type;
      ts->last = months[n_months - 1].competencia;
      ts->active = ts->last == s->current;
      ts->missing = ft != NULL && ft->missing;
      ts->current = s->current;
      ts->n_members = ts->missing ? 0 : months[n_months - 1].n_members;
      required = coordena_team_type_required (ts->type);
      for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
        ts->presence[c] = ts->missing ? ((required & COORDENA_CATEGORY_BIT (c)) ? COORDENA_PRESENCE_ABSENT : COORDENA_PRESENCE_NOT_REQUIRED)
                          : presence_of (roster, &months[n_months - 1], required, now->absent, c);
      ts->provimento = now->provimento;
      ts->confidence = ft != NULL ? ft->confidence : coordena_month_result_confidence (now);
      ts->percent = now->percent;
      ts->clause = now->clause != NULL ? now->clause->id : NULL;
      ts->basis = now->clause != NULL ? now->clause->basis : NULL;
      ts->loss_month = now->percent > 0 ? now->perda_centavos : 0;
      ts->loss_horizon = 0;

      if (!now->evaluated)
        {
          ts->status = COORDENA_STATUS_NOT_EVALUATED;
          continue;
        }
      if (ft != NULL)
        {
          ts->next_step = ft->next_step;
          ts->next_percent = ft->next_percent;
          ts->fix_by = ft->fix_by;
          ts->revocation = ft->revoked_at;
          ts->loss_horizon = ft->loss_total == 0 && ft->n_unknown_loss > 0 ? -1 : ft->loss_total;
          ts->loss_unconfirmed = ft->loss_unconfirmed;
          ts->status = coordena_forecast_team_status (ft);
        }
      else
        ts->status = COORDENA_STATUS_NOT_EVALUATED;
    }

  if (s->current != 0)
    mark_duplicidade (s);

  for (guint row = 0; row < s->n_teams; row++)
    {
      CoordenaTeamSummary *ts = &s->teams[row];
      const CoordenaForecastTeam *ft = s->forecast_of[row];
      const CoordenaRosterTeam *team = coordena_roster_get_team (roster, row);
      CoordenaMunicipioSummary *m;
      gpointer index;

      /* Every team the forecast covers, with or without registration now: the same count the
       * CLI's forecast and the report print. */
      if (ts->status == COORDENA_STATUS_NOT_EVALUATED || ft == NULL)
        continue;

      s->n_evaluated++;
      if (ts->status == COORDENA_STATUS_SUSPENDED)
        s->n_suspended++;
      else if (ts->status == COORDENA_STATUS_AT_RISK)
        s->n_at_risk++;
      else if (ts->status == COORDENA_STATUS_NO_RECORD)
        s->n_no_record++;
      s->loss_horizon += ft->loss_total;
      s->loss_unconfirmed += ft->loss_unconfirmed;
      if (ft->missing)
        add_to_series (s, ft->now.competencia, ft->now.percent > 0 ? ft->now.perda_centavos : 0);

      if (ft != NULL)
        for (guint k = 0; k < ft->n_months; k++)
          {
            gint64 loss = ft->months[k].perda_centavos;

            if (loss <= 0)
              continue;
            if (k == 0)
              s->loss_next_month += loss;
            if (k < 12)
              s->loss_next_12 += loss;
            add_to_series (s, ft->months[k].competencia, loss);
          }

      if (!g_hash_table_lookup_extended (by_ibge, team->ibge, NULL, &index))
        {
          CoordenaMunicipioSummary blank = { 0 };

          g_strlcpy (blank.ibge, team->ibge, sizeof blank.ibge);
          blank.nome = s->municipio_names[row];
          g_array_append_val (s->municipios, blank);
          index = GUINT_TO_POINTER (s->municipios->len - 1);
          g_hash_table_insert (by_ibge, (gpointer) team->ibge, index);
        }
      m = &g_array_index (s->municipios, CoordenaMunicipioSummary, GPOINTER_TO_UINT (index));
      m->n_teams++;
      /* As the dashboard, `forecast` and the report count them: a team without registration is
       * counted apart from the suspended ones, and the row says how many there are. */
      if (ts->status == COORDENA_STATUS_SUSPENDED)
        m->n_suspended++;
      if (ts->status == COORDENA_STATUS_NO_RECORD)
        m->n_no_record++;
      if (ts->loss_horizon > 0)
        m->loss_horizon += ts->loss_horizon;

      if (ts->revocation != 0)
        add_alert (s, COORDENA_ALERT_REVOCATION, row, ts->revocation, 100);
      if (ts->next_step != 0 && coordena_competencia_diff (ts->next_step, s->current) == 1)
        add_alert (s, COORDENA_ALERT_ONE_AWAY, row, ts->next_step, ts->next_percent);
      if (ts->duplicidade)
        add_alert (s, COORDENA_ALERT_DUPLICIDADE, row, s->current, 0);
    }

  s->municipio_ranks = rank_rows (s->n_teams, row_municipio, s);
  s->name_ranks = rank_rows (s->n_teams, row_name, s);
  g_array_sort (s->municipios, compare_municipios);
  g_array_sort (s->alerts, compare_alerts);
  return g_steal_pointer (&s);
}

CoordenaSummary *
coordena_summary_ref (CoordenaSummary *s)
{
  g_atomic_int_inc (&s->ref_count);
  return s;
}

void
coordena_summary_unref (CoordenaSummary *s)
{
  if (s == NULL || !g_atomic_int_dec_and_test (&s->ref_count))
    return;
  g_clear_pointer (&s->forecast, coordena_forecast_free);
  g_clear_pointer (&s->evaluation, coordena_evaluation_free);
  g_clear_pointer (&s->catalog, coordena_rule_catalog_free);
  g_clear_pointer (&s->roster, coordena_roster_unref);
  g_free (s->teams);
  g_free (s->forecast_of);
  g_free (s->municipio_names);
  g_free (s->municipio_ranks);
  g_free (s->name_ranks);
  g_free (s->series);
  g_clear_pointer (&s->municipios, g_array_unref);
  g_clear_pointer (&s->alerts, g_array_unref);
  g_free (s);
}

CoordenaRoster *
coordena_summary_get_roster (const CoordenaSummary *s)
{
  return s->roster;
}

guint
coordena_summary_get_n_teams (const CoordenaSummary *s)
{
  return s->n_teams;
}

const CoordenaTeamSummary *
coordena_summary_get_team (const CoordenaSummary *s, guint row)
{
  g_return_val_if_fail (row < s->n_teams, NULL);
  return &s->teams[row];
}

int
coordena_summary_find_team (const CoordenaSummary *s, const char *ine)
{
  const CoordenaRosterTeam *team = coordena_roster_find_team (s->roster, ine);

  return team != NULL ? (int) (team - coordena_roster_get_teams (s->roster)) : -1;
}

const guint32 *
coordena_summary_get_municipio_ranks (const CoordenaSummary *s)
{
  return s->municipio_ranks;
}

const guint32 *
coordena_summary_get_name_ranks (const CoordenaSummary *s)
{
  return s->name_ranks;
}

const char *
coordena_summary_team_municipio (const CoordenaSummary *s, guint row)
{
  g_return_val_if_fail (row < s->n_teams, "");
  return s->municipio_names[row];
}

GArray *
coordena_summary_team_timeline (const CoordenaSummary *s, guint row)
{
  GArray *timeline = g_array_new (FALSE, TRUE, sizeof (CoordenaTeamMonthSummary));
  const CoordenaRosterTeam *team;
  const CoordenaMonthResult *results;
  const CoordenaForecastTeam *ft;
  guint n_results;

  g_return_val_if_fail (row < s->n_teams, timeline);

  team = coordena_roster_get_team (s->roster, s->teams[row].team);
  results = coordena_evaluation_team_results (s->evaluation, team, &n_results);
  ft = s->forecast_of[row];
  for (guint pass = 0; pass < 3; pass++)
    {
      /* History, then the current competência of a team without registration, then the horizon. */
      const CoordenaMonthResult *list = pass == 0 ? results : ft == NULL ? NULL : pass == 1 ? &ft->now : ft->months;
      guint n = pass == 0 ? n_results : ft == NULL ? 0 : pass == 1 ? (ft->missing ? 1 : 0) : ft->n_months;

      for (guint i = 0; i < n; i++)
        {
          const CoordenaMonthResult *r = &list[i];
          CoordenaTeamMonthSummary m = {
            .competencia = r->competencia,
            .forecast = pass > 0,
            .missing = pass > 0 && ft->missing,
            .provimento = r->provimento,
            .provimento_basis = r->provimento && r->rules != NULL
                                ? (r->rules->provimento_basis != NULL ? r->rules->provimento_basis : r->rules->act) : NULL,
            .confidence = coordena_month_result_confidence (r),
            .confidence_basis = r->clause != NULL ? r->clause->basis : NULL,
            .absent = r->absent,
            .percent = r->percent,
            .ruleset_id = r->rules != NULL ? r->rules->id : NULL,
            .clause = r->clause != NULL ? r->clause->id : NULL,
            .basis = r->clause != NULL ? r->clause->basis : NULL,
            .act = r->rules != NULL ? r->rules->act : NULL,
            .loss = r->percent > 0 ? r->perda_centavos : 0,
          };

          if (pass == 0 && !r->evaluated)
            continue;
          g_array_append_val (timeline, m);
        }
    }
  return timeline;
}

guint
coordena_summary_get_horizon (const CoordenaSummary *s)
{
  return s->horizon;
}

CoordenaCompetencia
coordena_summary_get_current (const CoordenaSummary *s)
{
  return s->current;
}

const char *
coordena_summary_get_rules_id (const CoordenaSummary *s)
{
  return s->rules_now != NULL ? s->rules_now->id : NULL;
}

const char *
coordena_summary_get_rules_title (const CoordenaSummary *s)
{
  return s->rules_now != NULL ? s->rules_now->title : NULL;
}

guint
coordena_summary_get_n_evaluated (const CoordenaSummary *s)
{
  return s->n_evaluated;
}

guint
coordena_summary_get_n_at_risk (const CoordenaSummary *s)
{
  return s->n_at_risk;
}

guint
coordena_summary_get_n_suspended (const CoordenaSummary *s)
{
  return s->n_suspended;
}

gint64
coordena_summary_get_loss_next_month (const CoordenaSummary *s)
{
  return s->loss_next_month;
}

gint64
coordena_summary_get_loss_next_12 (const CoordenaSummary *s)
{
  return s->loss_next_12;
}

gint64
coordena_summary_get_loss_horizon (const CoordenaSummary *s)
{
  return s->loss_horizon;
}

gint64
coordena_summary_get_loss_unconfirmed (const CoordenaSummary *s)
{
  return s->loss_unconfirmed;
}

guint
coordena_summary_get_n_no_record (const CoordenaSummary *s)
{
  return s->n_no_record;
}

const CoordenaForecast *
coordena_summary_get_forecast (const CoordenaSummary *s)
{
  return s->forecast;
}

const CoordenaForecastTeam *
coordena_summary_get_forecast_team (const CoordenaSummary *s, guint row)
{
  g_return_val_if_fail (row < s->n_teams, NULL);
  return s->forecast_of[row];
}

const CoordenaRuleCatalog *
coordena_summary_get_catalog (const CoordenaSummary *s)
{
  return s->catalog;
}

gboolean
coordena_summary_has_unknown_bases (const CoordenaSummary *s)
{
  return s->unknown_bases;
}

const gint64 *
coordena_summary_get_series (const CoordenaSummary *s, CoordenaCompetencia *first, guint *n)
{
  /* Before the roster's first competência nothing is known: an empty bar there would read as a
   * month without loss, so every chart starts where the data does. */
  int unknown = s->current != 0 ? coordena_competencia_diff (coordena_roster_get_first_competencia (s->roster),
                                                              s->series_first) : 0;

  /* A state without a roster yet has no series at all. */
  if (s->current == 0 || s->series_first == 0)
    {
      *first = 0;
      *n = 0;
      return s->series;
    }
  if (unknown < 0 || (guint) unknown >= s->n_series)
    unknown = 0;
  *first = coordena_competencia_add (s->series_first, unknown);
  *n = s->current != 0 ? s->n_series - (guint) unknown : 0;
  return s->series + unknown;
}

guint
coordena_summary_get_n_municipios (const CoordenaSummary *s)
{
  return s->municipios->len;
}

const CoordenaMunicipioSummary *
coordena_summary_get_municipio (const CoordenaSummary *s, guint i)
{
  g_return_val_if_fail (i < s->municipios->len, NULL);
  return &g_array_index (s->municipios, CoordenaMunicipioSummary, i);
}

guint
coordena_summary_get_n_alerts (const CoordenaSummary *s)
{
  return s->alerts->len;
}

const CoordenaAlert *
coordena_summary_get_alert (const CoordenaSummary *s, guint i)
{
  g_return_val_if_fail (i < s->alerts->len, NULL);
  return &g_array_index (s->alerts, CoordenaAlert, i);
}
