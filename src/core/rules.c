/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules.c — evaluation, forecast and comparison. One timeline routine serves all three: a
 * team's competências in order, each with its absent categories, walked once. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/csv.h>
#include <coordena/error.h>
#include <coordena/format.h>
#include <coordena/ids.h>
#include <coordena/rules.h>

#include "large-alloc.h"

#define NO_CLAUSE 255
/* What a clause's condition reads in a competência: the absent categories (bits 0–3) and the
 * team-level event (bit 4). */
#define KEY_SEM_PRODUCAO 0x10
#define N_KEYS 32

typedef struct _Compiled Compiled;

/* One competência of a team's timeline, with the rule set in force there. */
typedef struct {
  CoordenaCompetencia c;
  guint8 type;
  guint8 flags;
  CoordenaCategorySet absent;
  guint8 key;                        /* absent | KEY_SEM_PRODUCAO */
  guint8 missing;                    /* the team has no registration in c (sem registro) */
  guint8 ceiling;                    /* the workload ceiling made a category absent in c */
  gint64 base;
  const CoordenaRuleSet *set;
  const Compiled *compiled;
} Step;

static inline guint8
step_key (CoordenaCategorySet absent, guint flags)
{
  return (guint8) ((absent & COORDENA_CATEGORIES_ALL) | ((flags & COORDENA_TEAM_FLAG_SEM_PRODUCAO) ? KEY_SEM_PRODUCAO : 0));
}

/* The competência before c, without a call: 202501 → 202412. */
static inline CoordenaCompetencia
previous_competencia (CoordenaCompetencia c)
{
  return c % 100 == 1 ? c - 89 : c - 1;
}

/* A rule set compiled for the walk: which clause of 1 or 2 competências decides, straight
 * from the keys of the current and the previous competência; clauses over 3 or more are
 * checked one by one, and only when they could beat the tables' answer. */
struct _Compiled {
  const CoordenaRuleSet *set;
  gboolean general;                  /* too many clauses for the tables: check them all */
  guint8 now[2][N_KEYS];             /* [family][key]: best clause of 1 competência */
  guint8 pair[2][N_KEYS][N_KEYS];    /* [family][previous][current]: best clause of 2 */
  guint8 longer[NO_CLAUSE];          /* indexes of the clauses of 3 or more, ascending */
  guint n_longer;
};

typedef struct {
  const CoordenaRuleCatalog *catalog;
  const CoordenaRuleSet *forced;
  const CoordenaRuleSet *cached;
  Compiled *cached_compiled;
  GPtrArray *compiled;               /* Compiled*, one per set met */
  CoordenaRoster *roster;
  CoordenaPresenceRule masks_rule;
  const CoordenaCategorySet *masks;
  gboolean want_ceiling;             /* also find where the workload ceiling decided an absence */
  CoordenaPresenceRule uncapped_rule;
  const CoordenaCategorySet *uncapped;
} Picker;

static inline gboolean condition_holds (const CoordenaClause *clause, guint8 key);

static Compiled *
compile (const CoordenaRuleSet *set)
{
  Compiled *c = g_new0 (Compiled, 1);

  c->set = set;
  memset (c->now, NO_CLAUSE, sizeof c->now);
  memset (c->pair, NO_CLAUSE, sizeof c->pair);
  if (set->n_clauses >= NO_CLAUSE)
    c->general = TRUE;
  for (guint k = 0; k < set->n_clauses && !c->general; k++)
    if (set->clauses[k].consecutive > 2)
      c->longer[c->n_longer++] = (guint8) k;
  /* Clauses are sorted best first: the lowest index that fires decides. */
  for (guint k = set->n_clauses; k-- > 0 && !c->general;)
    {
      const CoordenaClause *cl = &set->clauses[k];
      int f = cl->family == COORDENA_FAMILY_ESF ? 0 : 1;

      if (cl->consecutive > 2)
        continue;
      for (guint cur = 0; cur < N_KEYS; cur++)
        {
          if (!condition_holds (cl, (guint8) cur))
            continue;
          if (cl->consecutive == 1)
            c->now[f][cur] = (guint8) k;
          else
            for (guint prev = 0; prev < N_KEYS; prev++)
              if (condition_holds (cl, (guint8) prev))
                c->pair[f][prev][cur] = (guint8) k;
        }
    }
  return c;
}

static void
picker_init (Picker *p, CoordenaRoster *roster, const CoordenaRuleCatalog *catalog, const CoordenaRuleSet *forced)
{
  memset (p, 0, sizeof *p);
  p->catalog = catalog;
  p->forced = forced;
  p->roster = roster;
  p->compiled = g_ptr_array_new_with_free_func (g_free);
}

static void
picker_clear (Picker *p)
{
  g_ptr_array_unref (p->compiled);
}

static const CoordenaRuleSet *
pick (Picker *p, CoordenaCompetencia c)
{
  const CoordenaRuleSet *set;

  if (p->cached != NULL &&
      (p->forced != NULL || (c >= p->cached->valid_from && (p->cached->valid_to == 0 || c <= p->cached->valid_to))))
    return p->cached;
  set = p->forced != NULL ? p->forced : (p->catalog != NULL ? coordena_rule_catalog_in_force (p->catalog, c) : NULL);
  p->cached = set;
  p->cached_compiled = NULL;
  if (set == NULL)
    return NULL;
  for (guint i = 0; i < p->compiled->len; i++)
    if (((Compiled *) p->compiled->pdata[i])->set == set)
      p->cached_compiled = p->compiled->pdata[i];
  if (p->cached_compiled == NULL)
    {
      p->cached_compiled = compile (set);
      g_ptr_array_add (p->compiled, p->cached_compiled);
    }
  return set;
}

/* The roster's absent masks for a set's presence thresholds, kept while they do not change. */
static const CoordenaCategorySet *
masks_for (Picker *p, const CoordenaRuleSet *set)
{
  CoordenaPresenceRule rule;

  coordena_rule_set_presence_rule (set, &rule);
  if (p->masks == NULL || memcmp (&p->masks_rule, &rule, sizeof rule) != 0)
    {
      p->masks = coordena_roster_absent_masks_rule (p->roster, &rule);
      p->masks_rule = rule;
    }
  return p->masks;
}

/* The same thresholds without the workload ceiling. */
static const CoordenaCategorySet *
uncapped_for (Picker *p, const CoordenaRuleSet *set)
{
  CoordenaPresenceRule rule;

  coordena_rule_set_presence_rule (set, &rule);
  rule.max_total_hours = COORDENA_PRESENCE_NO_CEILING;
  if (p->uncapped == NULL || memcmp (&p->uncapped_rule, &rule, sizeof rule) != 0)
    {
      p->uncapped = coordena_roster_absent_masks_rule (p->roster, &rule);
      p->uncapped_rule = rule;
    }
  return p->uncapped;
}

static inline gboolean
family_matches (const CoordenaClause *clause, guint8 type)
{
  if (clause->family == COORDENA_FAMILY_ESF)
    return type == COORDENA_TEAM_TYPE_ESF;
  return type == COORDENA_TEAM_TYPE_EAP20 || type == COORDENA_TEAM_TYPE_EAP30;
}

static inline gboolean
condition_holds (const CoordenaClause *clause, guint8 key)
{
  CoordenaCategorySet absent = key & COORDENA_CATEGORIES_ALL;

  if (clause->event == COORDENA_EVENT_SEM_PRODUCAO)
    return (key & KEY_SEM_PRODUCAO) != 0;
  return (absent & clause->absent_all) == clause->absent_all &&
         (guint) __builtin_popcount (absent) >= clause->min_absent;
}

/* TRUE when the clause's condition holds in steps i, i−1, … for its consecutive competências. */
static inline gboolean
fires_at (const CoordenaClause *cl, const Step *steps, guint i, const guint16 *run)
{
  if (!family_matches (cl, steps[i].type) || run[i] < cl->consecutive)
    return FALSE;
  for (guint back = 0; back < cl->consecutive; back++)
    if (!condition_holds (cl, steps[i - back].key))
      return FALSE;
  return TRUE;
}

/* Evaluates steps[0..n) into out[0..n). run[] is scratch of n entries. DOMAIN.md §4–§5. */
static void
evaluate_steps (const Step *steps, guint n, guint stratum, guint16 *run, CoordenaMonthResult *out)
{
  for (guint i = 0; i < n; i++)
    {
      const Step *s = &steps[i];
      CoordenaMonthResult *r = &out[i];
      const CoordenaRuleSet *set = s->set;

      /* A gap in the team's competências breaks every streak. */
      run[i] = (i > 0 && steps[i - 1].c == previous_competencia (s->c)) ? run[i - 1] + 1 : 1;

      *r = (CoordenaMonthResult) {
        .rules = set,
        .base_centavos = COORDENA_BASE_UNKNOWN,
        .perda_centavos = COORDENA_BASE_UNKNOWN,
        .competencia = s->c,
        .absent = s->absent,
        .evaluated = s->type != COORDENA_TEAM_TYPE_OTHER,
        .ceiling = s->ceiling,
      };
      if (!r->evaluated)
        continue;

      r->base_centavos = s->base;
      if (set == NULL)
        continue;

      if (s->missing)
        {
          /* No registration: what the set says of a team without one, and nothing else. */
          if (set->sem_registro_percent > 0)
            {
              r->clause = &set->sem_registro;
              r->percent = (guint8) set->sem_registro_percent;
            }
        }
      else if (!s->compiled->general)
        {
          const Compiled *cc = s->compiled;
          int f = s->type == COORDENA_TEAM_TYPE_ESF ? 0 : 1;
          guint best = cc->now[f][s->key];

          if (run[i] >= 2)
            best = MIN (best, cc->pair[f][steps[i - 1].key][s->key]);
          for (guint j = 0; j < cc->n_longer && cc->longer[j] < best; j++)
            if (fires_at (&set->clauses[cc->longer[j]], steps, i, run))
              best = cc->longer[j];
          if (best != NO_CLAUSE)
            {
              r->clause = &set->clauses[best];
              r->percent = (guint8) r->clause->percent;
            }
        }
      else
        /* Clauses are sorted best first: the first that fires decides. */
        for (guint k = 0; k < set->n_clauses; k++)
          if (fires_at (&set->clauses[k], steps, i, run))
            {
              r->percent = (guint8) set->clauses[k].percent;
              r->clause = &set->clauses[k];
              break;
            }

      if (set->provimento_repasse > 0 && !s->missing && s->type == COORDENA_TEAM_TYPE_ESF &&
          (s->flags & COORDENA_TEAM_FLAG_PROVIMENTO) &&
          (s->absent & COORDENA_CATEGORY_BIT (COORDENA_CATEGORY_MED)) && r->percent > 0)
        {
          guint p = set->provimento_repasse;
          guint capped = set->provimento_mode == COORDENA_PROVIMENTO_GARANTIA_MINIMA
                         ? MIN (r->percent, 100 - p)
                         : (r->percent > p ? r->percent - p : 0);
          if (capped != r->percent)
            {
              r->percent = (guint8) capped;
              r->provimento = TRUE;
            }
        }

      if (r->base_centavos == COORDENA_BASE_UNKNOWN)
        {
          r->base_centavos = coordena_rule_set_default_base (set, (CoordenaTeamType) s->type, stratum);
          r->base_is_default = r->base_centavos != COORDENA_BASE_UNKNOWN;
        }
      if (r->percent == 0)
        r->perda_centavos = 0;
      else if (r->base_centavos != COORDENA_BASE_UNKNOWN)
        r->perda_centavos = coordena_percent_of (r->base_centavos, r->percent);
    }
}

/* Fills steps from a team's roster months; returns their number. */
static guint
team_steps (CoordenaRoster *roster, const CoordenaRosterTeam *team, Picker *picker, Step *steps)
{
  guint n;
  const CoordenaRosterMonth *months = coordena_roster_team_months (roster, team, &n);

  for (guint i = 0; i < n; i++)
    {
      const CoordenaRuleSet *set = pick (picker, months[i].competencia);
      const CoordenaCategorySet *masks = masks_for (picker, set);

      steps[i].c = months[i].competencia;
      steps[i].type = months[i].type;
      steps[i].flags = months[i].flags;
      steps[i].base = months[i].base_centavos;
      steps[i].absent = masks[team->first_month + i];
      steps[i].key = step_key (steps[i].absent, steps[i].flags);
      steps[i].set = set;
      steps[i].compiled = picker->cached_compiled;
      steps[i].missing = FALSE;
      steps[i].ceiling = picker->want_ceiling && uncapped_for (picker, set)[team->first_month + i] != steps[i].absent;
    }
  return n;
}

static guint
max_team_months (CoordenaRoster *roster)
{
  guint n_teams = coordena_roster_get_n_teams (roster), max = 1;
  const CoordenaRosterTeam *teams = coordena_roster_get_teams (roster);

  for (guint t = 0; t < n_teams; t++)
    max = MAX (max, teams[t].n_months);
  return max;
}

/* ---- evaluation -------------------------------------------------------------------------------- */

struct _CoordenaEvaluation {
  CoordenaRoster *roster;
  CoordenaMonthResult *results;
  guint n_results;
};

CoordenaEvaluation *
coordena_evaluate (CoordenaRoster *roster, const CoordenaRuleCatalog *catalog, const CoordenaRuleSet *forced)
{
  CoordenaEvaluation *e = g_new0 (CoordenaEvaluation, 1);
  guint n_teams = coordena_roster_get_n_teams (roster);
  const CoordenaRosterTeam *teams = coordena_roster_get_teams (roster);
  guint max = max_team_months (roster);
  g_autofree Step *steps = g_new (Step, max);
  g_autofree guint16 *run = g_new (guint16, max);
  Picker picker;

  picker_init (&picker, roster, catalog, forced);
  e->roster = coordena_roster_ref (roster);
  coordena_roster_get_months (roster, &e->n_results);
  /* Every result is written by the walk: no need to clear them first. */
  e->results = coordena_large_alloc (sizeof (CoordenaMonthResult) * e->n_results);

  for (guint t = 0; t < n_teams; t++)
    {
      guint n = team_steps (roster, &teams[t], &picker, steps);
      evaluate_steps (steps, n, teams[t].ied_stratum, run, e->results + teams[t].first_month);
    }
  picker_clear (&picker);
  return e;
}

void
coordena_evaluation_free (CoordenaEvaluation *e)
{
  if (e == NULL)
    return;
  coordena_roster_unref (e->roster);
  g_free (e->results);
  g_free (e);
}

const CoordenaMonthResult *
coordena_evaluation_get_results (const CoordenaEvaluation *e, guint *n_results)
{
  if (n_results != NULL)
    *n_results = e->n_results;
  return e->results;
}

const CoordenaMonthResult *
coordena_evaluation_team_results (const CoordenaEvaluation *e, const CoordenaRosterTeam *team, guint *n_results)
{
  if (n_results != NULL)
    *n_results = team->n_months;
  return e->results + team->first_month;
}

CoordenaRoster *
coordena_evaluation_get_roster (const CoordenaEvaluation *e)
{
  return e->roster;
}

/* ---- scenarios --------------------------------------------------------------------------------- */

struct _CoordenaScenario {
  GArray *changes; /* CoordenaScenarioChange */
};

CoordenaScenario *
coordena_scenario_new (void)
{
  CoordenaScenario *s = g_new0 (CoordenaScenario, 1);
  s->changes = g_array_new (FALSE, TRUE, sizeof (CoordenaScenarioChange));
  return s;
}

void
coordena_scenario_free (CoordenaScenario *s)
{
  if (s == NULL)
    return;
  g_array_unref (s->changes);
  g_free (s);
}

void
coordena_scenario_add (CoordenaScenario *s, CoordenaChangeKind kind, const char *ine,
                       CoordenaCategory category, CoordenaCompetencia from)
{
  CoordenaScenarioChange c = { .kind = kind, .category = category, .from = from, .line = 0, .no_effect = FALSE };

  g_strlcpy (c.ine, ine, sizeof c.ine);
  g_array_append_val (s->changes, c);
}

const CoordenaScenarioChange *
coordena_scenario_get_changes (const CoordenaScenario *s, guint *n_changes)
{
  if (n_changes != NULL)
    *n_changes = s->changes->len;
  return (const CoordenaScenarioChange *) (void *) s->changes->data;
}

typedef struct {
  CoordenaScenario *scenario;
  int c_ine, c_kind, c_cat, c_from;
} ScenarioLoad;

static gboolean
on_scenario_row (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, gpointer data, GError **error)
{
  ScenarioLoad *s = data;
  const char *ine = coordena_csv_record_get (reader, record, s->c_ine);
  const char *kind = coordena_csv_record_get (reader, record, s->c_kind);
  const char *cat = coordena_csv_record_get (reader, record, s->c_cat);
  const char *from = coordena_csv_record_get (reader, record, s->c_from);
  CoordenaCategory category = coordena_category_from_string (cat);
  CoordenaCompetencia c = 0;
  CoordenaChangeKind k;

  if (!coordena_is_digits (ine, 10))
    {
      coordena_csv_set_error (error, reader, record, s->c_ine, _("the INE “%s” does not have 10 digits"), ine);
      return FALSE;
    }
  if (g_ascii_strcasecmp (kind, "entrada") == 0)
    k = COORDENA_CHANGE_HIRE;
  else if (g_ascii_strcasecmp (kind, "saida") == 0 || g_str_equal (kind, "saída"))
    k = COORDENA_CHANGE_LEAVE;
  else
    {
      coordena_csv_set_error (error, reader, record, s->c_kind, _("unknown change “%s”: use entrada or saida"), kind);
      return FALSE;
    }
  if (category == COORDENA_CATEGORY_NONE)
    {
      coordena_csv_set_error (error, reader, record, s->c_cat, _("unknown category “%s”: use MED, ENF, TEC or ACS"), cat);
      return FALSE;
    }
  if (!coordena_is_digits (from, 6) || !coordena_competencia_parse (from, &c, NULL))
    {
      coordena_csv_set_error (error, reader, record, s->c_from, _("“%s” is not a competência AAAAMM"), from);
      return FALSE;
    }
  coordena_scenario_add (s->scenario, k, ine, category, c);
  g_array_index (s->scenario->changes, CoordenaScenarioChange, s->scenario->changes->len - 1).line = (guint) record->line;
  return TRUE;
}

CoordenaScenario *
coordena_scenario_load_file (const char *path, GError **error)
{
  g_autoptr(CoordenaScenario) scenario = coordena_scenario_new ();
  ScenarioLoad s = { scenario, 0, 0, 0, 0 };
  g_autoptr(CoordenaCsvReader) reader = coordena_csv_reader_new (path, NULL, on_scenario_row, &s);

  s.c_ine = coordena_csv_reader_add_column (reader, "ine", TRUE);
  s.c_kind = coordena_csv_reader_add_column (reader, "mudanca", TRUE);
  s.c_cat = coordena_csv_reader_add_column (reader, "categoria", TRUE);
  s.c_from = coordena_csv_reader_add_column (reader, "a_partir_de", TRUE);
  if (!coordena_csv_reader_read_file (reader, path, error))
    return NULL;
  return g_steal_pointer (&scenario);
}

/* ---- forecast ---------------------------------------------------------------------------------- */

struct _CoordenaForecast {
  CoordenaRoster *roster;
  CoordenaForecastTeam *teams;
  guint n_teams;
  CoordenaMonthResult *pool;         /* every team's horizon, one block */
  CoordenaCompetencia current;
  guint horizon;
  const CoordenaRuleSet *forced;
  GArray *changes;                   /* CoordenaScenarioChange, as given */
  CoordenaForecastTotals totals;
};

CoordenaConfidence
coordena_month_result_confidence (const CoordenaMonthResult *r)
{
  CoordenaConfidence worst = COORDENA_CONFIDENCE_A;

  if (r->rules == NULL || r->percent == 0)
    return worst;
  if (r->clause != NULL)
    worst = MAX (worst, r->clause->confidence);
  if (r->provimento)
    worst = MAX (worst, r->rules->provimento_confidence);
  if (r->ceiling)
    worst = MAX (worst, r->rules->max_total_hours_confidence);
  if (r->base_is_default && r->perda_centavos != COORDENA_BASE_UNKNOWN)
    worst = MAX (worst, r->rules->base_confidence);
  return worst;
}

CoordenaStatus
coordena_forecast_team_status (const CoordenaForecastTeam *f)
{
  if (!f->now.evaluated)
    return COORDENA_STATUS_NOT_EVALUATED;
  if (f->missing)
    return COORDENA_STATUS_NO_RECORD;
  if (f->now.percent > 0)
    return COORDENA_STATUS_SUSPENDED;
  if (f->next_step != 0)
    return COORDENA_STATUS_AT_RISK;
  return COORDENA_STATUS_REGULAR;
}

/* Where each absent category's current run of absence began, walking the history back. */
static void
absent_since (const CoordenaMonthResult *results, guint n, CoordenaCompetencia *since)
{
  for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
    {
      CoordenaCategorySet bit = COORDENA_CATEGORY_BIT (c);

      since[c] = 0;
      if (n == 0 || !(results[n - 1].absent & bit))
        continue;
      for (guint i = n; i-- > 0;)
        {
          if (!(results[i].absent & bit))
            break;
          if (i + 1 < n && results[i].competencia != previous_competencia (results[i + 1].competencia))
            break;
          since[c] = results[i].competencia;
        }
    }
}

CoordenaForecast *
coordena_forecast (CoordenaRoster            *roster,
                   const CoordenaRuleCatalog *catalog,
                   const CoordenaRuleSet     *forced,
                   guint                      horizon,
                   const CoordenaScenario    *scenario,
                   GError                   **error)
{
  guint n_teams = coordena_roster_get_n_teams (roster);
  const CoordenaRosterTeam *teams = coordena_roster_get_teams (roster);
  CoordenaCompetencia current = coordena_roster_get_last_competencia (roster);
  g_autofree Step *steps = NULL;
  g_autofree guint16 *run = NULL;
  g_autofree CoordenaMonthResult *results = NULL;
  g_autoptr(GHashTable) by_ine = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  Picker picker;
  CoordenaForecast *f;
  guint n_changes = 0, max_gap = 0;
  const CoordenaScenarioChange *changes = scenario != NULL ? coordena_scenario_get_changes (scenario, &n_changes) : NULL;

  for (guint i = 0; i < n_changes; i++)
    {
      GPtrArray *list;

      if (coordena_roster_find_team (roster, changes[i].ine) == NULL)
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("The scenario names team %s, which is not in the roster"), changes[i].ine);
          return NULL;
        }
      list = g_hash_table_lookup (by_ine, changes[i].ine);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_ine, (gpointer) changes[i].ine, list);
        }
      g_ptr_array_add (list, (gpointer) &changes[i]);
    }

  /* A team that stopped appearing is followed from its last competência to the roster's latest,
   * month by month, as a team without registration. */
  for (guint t = 0; t < n_teams; t++)
    if (teams[t].n_months > 0)
      {
        guint n;
        const CoordenaRosterMonth *months = coordena_roster_team_months (roster, &teams[t], &n);
        int gap = coordena_competencia_diff (current, months[n - 1].competencia);

        max_gap = MAX (max_gap, gap > 0 ? (guint) gap : 0u);
      }
  steps = g_new (Step, max_team_months (roster) + max_gap + horizon);
  run = g_new (guint16, max_team_months (roster) + max_gap + horizon);
  results = g_new (CoordenaMonthResult, max_team_months (roster) + max_gap + horizon);

  picker_init (&picker, roster, catalog, forced);
  picker.want_ceiling = TRUE;
  f = g_new0 (CoordenaForecast, 1);
  f->roster = coordena_roster_ref (roster);
  f->current = current;
  f->horizon = horizon;
  f->forced = forced;
  f->changes = g_array_new (FALSE, TRUE, sizeof (CoordenaScenarioChange));
  if (n_changes > 0)
    g_array_append_vals (f->changes, changes, n_changes);
  f->teams = g_new0 (CoordenaForecastTeam, MAX (n_teams, 1));
  /* Only the slices of the teams forecast are written, and only those are read. */
  f->pool = coordena_large_alloc (sizeof (CoordenaMonthResult) * n_teams * horizon);

  for (guint t = 0; t < n_teams; t++)
    {
      const CoordenaRosterTeam *team = &teams[t];
      guint n_hist = team_steps (roster, team, &picker, steps);
      Step last;
      CoordenaForecastTeam *out;
      GPtrArray *mine;
      guint streak = 0, gap, n_now;

      if (n_hist == 0)
        continue;
      last = steps[n_hist - 1];
      if (coordena_team_type_required ((CoordenaTeamType) last.type) == 0)
        continue;
      gap = (guint) MAX (coordena_competencia_diff (current, last.c), 0);

      mine = g_hash_table_lookup (by_ine, team->ine);
      for (guint k = 1; k <= gap + horizon; k++)
        {
          Step *s = &steps[n_hist + k - 1];

          *s = last;
          s->c = coordena_competencia_add (last.c, (int) k);
          s->set = pick (&picker, s->c);
          s->compiled = picker.cached_compiled;
          if (gap > 0)
            {
              /* Without registration nobody is in the team, whatever the scenario plans: its
               * changes are marked as without effect below, for the user to be told. */
              s->missing = TRUE;
              s->ceiling = FALSE;
              s->absent = coordena_team_type_required ((CoordenaTeamType) s->type);
              s->key = step_key (s->absent, 0);
              continue;
            }
          for (guint j = 0; mine != NULL && j < mine->len; j++)
            {
              const CoordenaScenarioChange *ch = mine->pdata[j];
              CoordenaCategorySet bit = COORDENA_CATEGORY_BIT (ch->category) & coordena_team_type_required ((CoordenaTeamType) s->type);

              if (ch->from > s->c)
                continue;
              if (ch->kind == COORDENA_CHANGE_HIRE)
                s->absent &= (CoordenaCategorySet) ~bit;
              else
                s->absent |= bit;
            }
          s->key = step_key (s->absent, s->flags);
        }
      evaluate_steps (steps, n_hist + gap + horizon, team->ied_stratum, run, results);
      for (guint j = 0; gap > 0 && mine != NULL && j < mine->len; j++)
        g_array_index (f->changes, CoordenaScenarioChange,
                       (const CoordenaScenarioChange *) mine->pdata[j] - changes).no_effect = TRUE;

      n_now = n_hist + gap;   /* results[n_now - 1] is the current competência */
      out = &f->teams[f->n_teams++];
      out->team = team;
      out->last_seen = last.c;
      out->missing = gap > 0;
      out->now = results[n_now - 1];
      out->months = f->pool + (gsize) (f->n_teams - 1) * horizon;
      out->n_months = horizon;
      out->confidence = coordena_month_result_confidence (&out->now);
      memcpy (out->months, results + n_now, sizeof (CoordenaMonthResult) * horizon);
      absent_since (results, n_now, out->absent_since);

      for (guint i = 0; i < n_now + horizon; i++)
        {
          const CoordenaMonthResult *r = &results[i];
          CoordenaConfidence conf;

          streak = r->percent == 100 ? (run[i] > 1 ? streak + 1 : 1) : 0;
          if (out->revoked_at == 0 && r->rules != NULL && r->rules->revoke_after > 0 && streak >= r->rules->revoke_after)
            {
              out->revoked_at = r->competencia;
              out->revoke_rules = r->rules;
            }
          if (i < n_now)
            continue;
          if (out->next_step == 0 && r->percent > out->now.percent)
            {
              out->next_step = r->competencia;
              out->next_percent = r->percent;
              out->next_clause = r->clause;
              out->next_loss = r->perda_centavos;
              out->fix_by = r->competencia;
            }
          conf = coordena_month_result_confidence (r);
          out->confidence = MAX (out->confidence, conf);
          if (r->perda_centavos != COORDENA_BASE_UNKNOWN)
            {
              out->loss_total += r->perda_centavos;
              if (conf != COORDENA_CONFIDENCE_A)
                out->loss_unconfirmed += r->perda_centavos;
            }
          else if (r->percent > 0)
            out->n_unknown_loss++;
        }
    }
  picker_clear (&picker);

  for (guint i = 0; i < f->n_teams; i++)
    {
      const CoordenaForecastTeam *ft = &f->teams[i];
      CoordenaForecastTotals *tot = &f->totals;

      tot->n_teams++;
      switch (coordena_forecast_team_status (ft))
        {
        case COORDENA_STATUS_SUSPENDED: tot->n_suspended++; break;
        case COORDENA_STATUS_AT_RISK: tot->n_at_risk++; break;
        case COORDENA_STATUS_NO_RECORD: tot->n_no_record++; break;
        case COORDENA_STATUS_REGULAR: tot->n_regular++; break;
        case COORDENA_STATUS_NOT_EVALUATED:
        default: break;
        }
      if (ft->loss_total > 0 || ft->n_unknown_loss > 0)
        tot->n_losing++;
      if (ft->now.percent > 0 && ft->now.perda_centavos != COORDENA_BASE_UNKNOWN)
        tot->loss_now += ft->now.perda_centavos;
      if (ft->n_months > 0 && ft->months[0].percent > 0 && ft->months[0].perda_centavos != COORDENA_BASE_UNKNOWN)
        tot->loss_next_month += ft->months[0].perda_centavos;
      tot->loss_horizon += ft->loss_total;
      tot->loss_unconfirmed += ft->loss_unconfirmed;
      if (ft->n_unknown_loss > 0)
        tot->n_unknown_base++;
      if (ft->revoked_at != 0)
        tot->n_revoked++;
    }
  return f;
}

void
coordena_forecast_free (CoordenaForecast *f)
{
  if (f == NULL)
    return;
  coordena_roster_unref (f->roster);
  g_array_unref (f->changes);
  g_free (f->teams);
  g_free (f->pool);
  g_free (f);
}

const CoordenaForecastTeam *
coordena_forecast_get_teams (const CoordenaForecast *f, guint *n_teams)
{
  if (n_teams != NULL)
    *n_teams = f->n_teams;
  return f->teams;
}

CoordenaCompetencia
coordena_forecast_get_current (const CoordenaForecast *f)
{
  return f->current;
}

guint
coordena_forecast_get_horizon (const CoordenaForecast *f)
{
  return f->horizon;
}

const CoordenaRuleSet *
coordena_forecast_get_forced (const CoordenaForecast *f)
{
  return f->forced;
}

const CoordenaScenarioChange *
coordena_forecast_get_changes (const CoordenaForecast *f, guint *n_changes)
{
  if (n_changes != NULL)
    *n_changes = f->changes->len;
  return (const CoordenaScenarioChange *) (void *) f->changes->data;
}

const CoordenaForecastTotals *
coordena_forecast_get_totals (const CoordenaForecast *f)
{
  return &f->totals;
}

const char *
coordena_status_to_string (CoordenaStatus status)
{
  switch (status)
    {
    case COORDENA_STATUS_REGULAR: return _("Regular");
    case COORDENA_STATUS_AT_RISK: return _("At risk");
    case COORDENA_STATUS_SUSPENDED: return _("Suspended");
    case COORDENA_STATUS_NO_RECORD: return _("No registration");
    case COORDENA_STATUS_NOT_EVALUATED:
    default: return _("Not evaluated");
    }
}

char *
coordena_status_text (CoordenaStatus status, guint percent, CoordenaCompetencia current)
{
  g_autofree char *when = NULL;

  switch (status)
    {
    case COORDENA_STATUS_SUSPENDED:
      /* TRANSLATORS: a team's state with its suspension percent */
      return g_strdup_printf (_("Suspended %u %%"), percent);
    case COORDENA_STATUS_NO_RECORD:
      when = coordena_competencia_format (current);
      /* TRANSLATORS: a team missing from the latest competência, and what the rules make of it */
      return percent > 0 ? g_strdup_printf (_("No registration in %s (%u %%)"), when, percent)
                         : g_strdup_printf (_("No registration in %s"), when);
    case COORDENA_STATUS_REGULAR:
    case COORDENA_STATUS_AT_RISK:
    case COORDENA_STATUS_NOT_EVALUATED:
    default:
      return g_strdup (coordena_status_to_string (status));
    }
}

char *
coordena_forecast_team_state_text (const CoordenaForecastTeam *f)
{
  return coordena_status_text (coordena_forecast_team_status (f), f->now.percent, f->now.competencia);
}

char *
coordena_next_step_text (CoordenaCompetencia next_step, guint percent)
{
  g_autofree char *when = coordena_competencia_format (next_step);

  /* TRANSLATORS: a suspension percent and the competência it starts, "75 % em 11/2025" */
  return g_strdup_printf (_("%d %% from %s"), (int) percent, when);
}

char *
coordena_forecast_team_missing_text (const CoordenaForecastTeam *f)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
    if (f->now.absent & COORDENA_CATEGORY_BIT (c))
      {
        if (out->len > 0)
          g_string_append (out, ", ");
        g_string_append (out, coordena_category_name ((CoordenaCategory) c));
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
coordena_provimento_note (const CoordenaMonthResult *r)
{
  if (!r->provimento || r->rules == NULL)
    return NULL;
  /* TRANSLATORS: the provimento rule lowered a suspension; then the act it rests on */
  return g_strdup_printf (_("limited to %u %% by the provimento rule (%s)"), (guint) r->percent,
                          r->rules->provimento_basis != NULL ? r->rules->provimento_basis : r->rules->act);
}

/* ---- comparison -------------------------------------------------------------------------------- */

static guint
percent_bucket (guint percent)
{
  switch (percent)
    {
    case 0: return 0;
    case 25: return 1;
    case 50: return 2;
    case 75: return 3;
    case 100: return 4;
    default: return 5;
    }
}

/* Fills steps[n_hist .. n_hist + gap - 1]: the competências after a team's last one, up to the
 * roster's latest, in which it has no registration (sem registro). The forecast and the
 * comparison both follow a team that stopped appearing this way, so they count it alike. */
static void
fill_missing_steps (Step *steps, guint n_hist, guint gap, Picker *picker)
{
  const Step last = steps[n_hist - 1];

  for (guint k = 1; k <= gap; k++)
    {
      Step *s = &steps[n_hist + k - 1];

      *s = last;
      s->c = coordena_competencia_add (last.c, (int) k);
      s->set = pick (picker, s->c);
      s->compiled = picker->cached_compiled;
      s->missing = TRUE;
      s->ceiling = FALSE;
      s->absent = coordena_team_type_required ((CoordenaTeamType) s->type);
      s->key = step_key (s->absent, 0);
    }
}

/* How many competências a team is missing at the end of the roster (0 when it is in the latest,
 * or when its type is not evaluated). */
static guint
missing_gap (const Step *steps, guint n_hist, CoordenaCompetencia current)
{
  if (n_hist == 0 || coordena_team_type_required ((CoordenaTeamType) steps[n_hist - 1].type) == 0)
    return 0;
  return (guint) MAX (coordena_competencia_diff (current, steps[n_hist - 1].c), 0);
}

CoordenaComparison *
coordena_compare (CoordenaRoster *roster, const CoordenaRuleSet *a, const CoordenaRuleSet *b)
{
  guint n_teams = coordena_roster_get_n_teams (roster);
  const CoordenaRosterTeam *teams = coordena_roster_get_teams (roster);
  CoordenaCompetencia current = coordena_roster_get_last_competencia (roster);
  CoordenaComparison *cmp = g_new0 (CoordenaComparison, 1);
  guint max_gap = 0, size;
  g_autofree Step *sa = NULL, *sb = NULL;
  g_autofree guint16 *run = NULL;
  g_autofree CoordenaMonthResult *ra = NULL, *rb = NULL;
  Picker pa, pb;

  for (guint t = 0; t < n_teams; t++)
    if (teams[t].n_months > 0)
      {
        guint n;
        const CoordenaRosterMonth *months = coordena_roster_team_months (roster, &teams[t], &n);
        int gap = coordena_competencia_diff (current, months[n - 1].competencia);

        max_gap = MAX (max_gap, gap > 0 ? (guint) gap : 0u);
      }
  size = max_team_months (roster) + max_gap;
  sa = g_new (Step, size);
  sb = g_new (Step, size);
  run = g_new (guint16, size);
  ra = g_new (CoordenaMonthResult, size);
  rb = g_new (CoordenaMonthResult, size);
  picker_init (&pa, roster, NULL, a);
  picker_init (&pb, roster, NULL, b);

  cmp->a = a;
  cmp->b = b;
  cmp->teams = g_new0 (CoordenaComparisonTeam, MAX (n_teams, 1));
  for (guint t = 0; t < n_teams; t++)
    {
      guint n = team_steps (roster, &teams[t], &pa, sa), gap;
      CoordenaComparisonTeam row = { .team = &teams[t] };
      gboolean any = FALSE;

      if (n == 0)
        continue;
      team_steps (roster, &teams[t], &pb, sb);
      gap = missing_gap (sa, n, current);
      row.last_seen = sa[n - 1].c;
      row.missing = gap > 0;
      fill_missing_steps (sa, n, gap, &pa);
      fill_missing_steps (sb, n, gap, &pb);
      evaluate_steps (sa, n + gap, teams[t].ied_stratum, run, ra);
      evaluate_steps (sb, n + gap, teams[t].ied_stratum, run, rb);

      for (guint i = 0; i < n + gap; i++)
        {
          if (!ra[i].evaluated)
            continue;
          any = TRUE;
          row.last = ra[i].competencia;
          row.percent_a = ra[i].percent;
          row.percent_b = rb[i].percent;
          if (ra[i].perda_centavos != COORDENA_BASE_UNKNOWN)
            row.loss_a += ra[i].perda_centavos;
          else if (ra[i].percent > 0)
            row.n_unknown_a++;
          if (rb[i].perda_centavos != COORDENA_BASE_UNKNOWN)
            row.loss_b += rb[i].perda_centavos;
          else if (rb[i].percent > 0)
            row.n_unknown_b++;
        }
      if (!any)
        continue;
      cmp->teams[cmp->n_teams++] = row;
      cmp->loss_a += row.loss_a;
      cmp->loss_b += row.loss_b;
      cmp->count_a[percent_bucket (row.percent_a)]++;
      cmp->count_b[percent_bucket (row.percent_b)]++;
    }
  picker_clear (&pa);
  picker_clear (&pb);
  return cmp;
}

void
coordena_comparison_free (CoordenaComparison *cmp)
{
  if (cmp == NULL)
    return;
  g_free (cmp->teams);
  g_free (cmp);
}
