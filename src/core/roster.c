/* SPDX-License-Identifier: GPL-3.0-or-later */
/* roster.c — building and reading the packed roster. Sorting uses counting sorts keyed by team
 * and by professional, so a country-sized roster packs in linear time. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <glib/gi18n-lib.h>

#include <coordena/error.h>
#include <coordena/roster.h>

#include "large-alloc.h"
#include "number-map.h"
#include "roster-private.h"

typedef struct {
  char ine[11];
  char cnes[8];
  char ibge[8];
  char *name;
} BTeam;

typedef struct {
  guint32 team;
  CoordenaCompetencia competencia;
  guint8 type;
  guint8 flags;
  gint64 base;
} BMonth;

/* Members are kept as added, and described by runs: consecutive members of one team-month. */
typedef struct {
  guint32 team;
  CoordenaCompetencia competencia;
  guint32 first;          /* index in members */
  guint32 n;
} BRun;

/* Codes made of digits only (every real INE and CNS) are kept as numbers in a NumberMap (value:
 * 1 + index): a state's million rows do a lookup each, and string hashing was the largest cost. */

/* A code of 1–17 digits as a number with its length (so "0123" and "123" differ); else 0.
 * roster_builder_prefetch_professional() computes it for a CNS of 15 digits. */
static guint64
code_key (const char *code)
{
  guint64 v = 0;
  gsize n = 0;

  for (; code[n] != '\0'; n++)
    {
      if (code[n] < '0' || code[n] > '9' || n >= 17)
        return 0;
      v = v * 10 + (guint64) (code[n] - '0');
    }
  return n == 0 ? 0 : v * 32 + n;
}

/* Looks a code up in the numeric table, or in the string table for anything else; adds it with
 * *next as its index when missing (then increments *next). Returns the index. */
static inline guint
intern_key (NumberMap *numbers, guint64 key, guint next, gboolean *added)
{
  gsize i;

  *added = FALSE;
  if (numbers->slots == NULL)
    number_grow (numbers);
  i = number_probe (numbers, key);
  if (numbers->slots[i].key != 0)
    return numbers->slots[i].value - 1;
  number_insert (numbers, key, next + 1);
  *added = TRUE;
  return next;
}

static guint
intern_code (NumberMap *numbers, GHashTable *others, const char *code, guint next, gboolean *added)
{
  guint64 key = code_key (code);
  gpointer found;

  if (key != 0)
    return intern_key (numbers, key, next, added);
  *added = FALSE;
  found = g_hash_table_lookup (others, code);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  g_hash_table_insert (others, g_strdup (code), GUINT_TO_POINTER (next + 1));
  *added = TRUE;
  return next;
}

struct _CoordenaRosterBuilder {
  GArray *teams;          /* BTeam */
  NumberMap team_numbers; /* ine → 1 + index */
  GHashTable *team_index; /* other ine → index + 1 */
  LargeArray profs;       /* CoordenaRosterProfessional */
  NumberMap prof_numbers; /* cns → 1 + index */
  GHashTable *prof_index; /* other cns → index + 1 */
  LargeArray months;      /* BMonth */
  LargeArray members;     /* CoordenaRosterMember, in the order added */
  LargeArray runs;        /* BRun */
  GHashTable *strata;     /* ibge7 → stratum */
  char *stratum_conflict; /* the first municipality given two strata */
  GStringChunk *names;    /* the professionals' names */
};

struct _CoordenaRoster {
  gint ref_count;
  CoordenaRosterTeam *teams;
  guint n_teams;
  CoordenaRosterMonth *months;
  guint n_months;
  CoordenaRosterMember *members;
  guint n_members;
  CoordenaRosterProfessional *profs;
  guint n_profs;
  GStringChunk *names;    /* the professionals' names */
  GHashTable *strata;
  CoordenaCompetencia first, last;
  GMutex masks_lock;
  GHashTable *masks;      /* packed presence thresholds → CoordenaCategorySet[n_months] */
};

/* A code into its fixed field (cut to fit, as g_strlcpy would): every row copies a few. */
static inline void
copy_code (char *dest, gsize size, const char *src)
{
  gsize n;

  if (src == NULL || *src == '\0')
    return;
  n = strnlen (src, size - 1);
  memcpy (dest, src, n);
  dest[n] = '\0';
}

CoordenaRosterBuilder *
coordena_roster_builder_new (void)
{
  CoordenaRosterBuilder *b = g_new0 (CoordenaRosterBuilder, 1);

  b->teams = g_array_new (FALSE, TRUE, sizeof (BTeam));
  b->team_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  large_array_init (&b->profs, sizeof (CoordenaRosterProfessional));
  b->prof_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  large_array_init (&b->months, sizeof (BMonth));
  large_array_init (&b->members, sizeof (CoordenaRosterMember));
  large_array_init (&b->runs, sizeof (BRun));
  b->strata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->names = g_string_chunk_new (64 * 1024);
  return b;
}

void
coordena_roster_builder_reserve (CoordenaRosterBuilder *b, guint n_members)
{
  /* Teams have a few members, and most stay from one competência to the next. */
  large_array_reserve_exact (&b->members, n_members);
  large_array_reserve_exact (&b->runs, n_members / 4);
  large_array_reserve_exact (&b->months, n_members / 4);
  large_array_reserve_exact (&b->profs, n_members / 4);
  /* Room for a professional in eight rows without rehashing. */
  number_reserve (&b->prof_numbers, n_members / 8);
}

void
coordena_roster_builder_free (CoordenaRosterBuilder *b)
{
  if (b == NULL)
    return;
  if (b->teams != NULL)
    {
      for (guint i = 0; i < b->teams->len; i++)
        g_free (g_array_index (b->teams, BTeam, i).name);
      g_array_unref (b->teams);
    }
  if (b->names != NULL)
    g_string_chunk_free (b->names);
  large_array_clear (&b->profs);
  g_hash_table_unref (b->team_index);
  number_map_clear (&b->team_numbers);
  number_map_clear (&b->prof_numbers);
  g_hash_table_unref (b->prof_index);
  large_array_clear (&b->months);
  large_array_clear (&b->members);
  large_array_clear (&b->runs);
  g_clear_pointer (&b->strata, g_hash_table_unref);
  g_free (b->stratum_conflict);
  g_free (b);
}

guint
coordena_roster_builder_add_team (CoordenaRosterBuilder *b,
                                  const char            *ine,
                                  const char            *cnes,
                                  const char            *ibge7,
                                  const char            *name)
{
  gboolean added;
  guint index = intern_code (&b->team_numbers, b->team_index, ine, b->teams->len, &added);
  BTeam *t;

  if (added)
    {
      BTeam fresh = { 0 };

      g_array_append_val (b->teams, fresh);
      t = &g_array_index (b->teams, BTeam, index);
      copy_code (t->ine, sizeof t->ine, ine);
    }
  t = &g_array_index (b->teams, BTeam, index);
  if (t->cnes[0] == '\0')
    copy_code (t->cnes, sizeof t->cnes, cnes);
  if (t->ibge[0] == '\0')
    copy_code (t->ibge, sizeof t->ibge, ibge7);
  if (t->name == NULL && name != NULL && *name != '\0')
    t->name = g_strdup (name);
  return index;
}

static guint
add_professional (CoordenaRosterBuilder *b, guint index, gboolean added, const char *cns, const char *name)
{
  CoordenaRosterProfessional *p;

  if (added)
    {
      p = large_array_push (&b->profs);
      memset (p, 0, sizeof *p);
      copy_code (p->cns, sizeof p->cns, cns);
    }
  p = &LARGE_INDEX (b->profs, CoordenaRosterProfessional, index);
  if (p->name == NULL && name != NULL && *name != '\0')
    p->name = g_string_chunk_insert (b->names, name);
  return index;
}

guint
coordena_roster_builder_add_professional (CoordenaRosterBuilder *b, const char *cns, const char *name)
{
  gboolean added;
  guint index = intern_code (&b->prof_numbers, b->prof_index, cns, (guint) b->profs.len, &added);

  return add_professional (b, index, added, cns, name);
}

guint
roster_builder_add_professional_cns (CoordenaRosterBuilder *b, guint64 number, const char *cns, const char *name)
{
  gboolean added;
  guint index = intern_key (&b->prof_numbers, number * 32 + 15, (guint) b->profs.len, &added);

  return add_professional (b, index, added, cns, name);
}

void
roster_builder_prefetch_professional (CoordenaRosterBuilder *b, guint64 cns)
{
  number_prefetch (&b->prof_numbers, cns * 32 + 15);
}

void
coordena_roster_builder_name_professional (CoordenaRosterBuilder *b, guint professional, const char *name)
{
  CoordenaRosterProfessional *p;

  g_return_if_fail (professional < b->profs.len);
  p = &LARGE_INDEX (b->profs, CoordenaRosterProfessional, professional);
  if (p->name == NULL && name != NULL && *name != '\0')
    p->name = g_string_chunk_insert (b->names, name);
}

void
coordena_roster_builder_add_team_month (CoordenaRosterBuilder *b,
                                        guint                  team,
                                        CoordenaCompetencia    competencia,
                                        CoordenaTeamType       type,
                                        guint                  flags,
                                        gint64                 base_centavos)
{
  BMonth m = { team, competencia, (guint8) type, (guint8) flags, base_centavos < 0 ? COORDENA_BASE_UNKNOWN : base_centavos };

  g_return_if_fail (team < b->teams->len);
  *(BMonth *) large_array_push (&b->months) = m;
}

/* The next member belongs to team's competência: the last run, or a new one. */
static inline void
add_to_run (CoordenaRosterBuilder *b, guint team, CoordenaCompetencia competencia)
{
  BRun *run = b->runs.len > 0 ? &LARGE_INDEX (b->runs, BRun, b->runs.len - 1) : NULL;

  if (run != NULL && run->team == team && run->competencia == competencia)
    run->n++;
  else
    {
      run = large_array_push (&b->runs);
      run->team = team;
      run->competencia = competencia;
      run->first = (guint32) b->members.len;
      run->n = 1;
    }
}

/* A new member at the end of its team-month's run, its CBO not yet written. */
static inline CoordenaRosterMember *
push_member (CoordenaRosterBuilder *b, guint team, CoordenaCompetencia competencia, guint professional,
             CoordenaCategory category, guint hours)
{
  CoordenaRosterMember *m;

  add_to_run (b, team, competencia);
  m = large_array_push (&b->members);
  m->professional = professional;
  m->hours = (guint16) MIN (hours, 168u);
  m->total_hours = 0;
  m->category = (gint8) category;
  return m;
}

void
coordena_roster_builder_add_member (CoordenaRosterBuilder *b,
                                    guint                  team,
                                    CoordenaCompetencia    competencia,
                                    guint                  professional,
                                    const char            *cbo,
                                    CoordenaCategory       category,
                                    guint                  hours)
{
  CoordenaRosterMember *m;

  g_return_if_fail (team < b->teams->len);
  g_return_if_fail (professional < b->profs.len);

  m = push_member (b, team, competencia, professional, category, hours);
  memset (m->cbo, 0, sizeof m->cbo);
  copy_code (m->cbo, sizeof m->cbo, cbo);
}

void
roster_builder_add_member_cbo6 (CoordenaRosterBuilder *b,
                                guint                  team,
                                CoordenaCompetencia    competencia,
                                guint                  professional,
                                const char            *cbo,
                                CoordenaCategory       category,
                                guint                  hours)
{
  CoordenaRosterMember *m = push_member (b, team, competencia, professional, category, hours);

  memcpy (m->cbo, cbo, 6);
  m->cbo[6] = '\0';
}

void
coordena_roster_builder_set_ied_stratum (CoordenaRosterBuilder *b, const char *ibge7, guint stratum)
{
  gpointer old = g_hash_table_lookup (b->strata, ibge7);

  if (old != NULL && GPOINTER_TO_UINT (old) != stratum)
    {
      if (b->stratum_conflict == NULL)
        b->stratum_conflict = g_strdup (ibge7);
      return;
    }
  g_hash_table_insert (b->strata, g_strdup (ibge7), GUINT_TO_POINTER (stratum));
}

/* ---- finish ---------------------------------------------------------------------------------- */

#define MEMBER(i) LARGE_INDEX (b->members, CoordenaRosterMember, i)
#define RUN(i) LARGE_INDEX (b->runs, BRun, i)
#define MONTH(i) LARGE_INDEX (b->months, BMonth, i)

static int
cmp_team_order (gconstpointer a, gconstpointer b, gpointer teams)
{
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  return strcmp (g_array_index ((GArray *) teams, BTeam, ia).ine, g_array_index ((GArray *) teams, BTeam, ib).ine);
}

static int
cmp_month (const void *a, const void *b)
{
  const BMonth *x = a, *y = b;

  if (x->competencia != y->competencia)
    return x->competencia < y->competencia ? -1 : 1;
  return 0;
}

/* Run indices by competência, then by the order added. */
static int
cmp_run_index (gconstpointer a, gconstpointer b, gpointer runs)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  CoordenaCompetencia cx = ((const BRun *) runs)[x].competencia;
  CoordenaCompetencia cy = ((const BRun *) runs)[y].competencia;

  if (cx != cy)
    return cx < cy ? -1 : 1;
  return x < y ? -1 : (x > y);
}

/* Rows come in order of competência more often than not: a sort is then not needed. */
static gboolean
runs_sorted (const BRun *runs, const guint32 *order, guint n)
{
  for (guint i = 1; i < n; i++)
    if (runs[order[i - 1]].competencia > runs[order[i]].competencia)
      return FALSE;
  return TRUE;
}

static gboolean
months_sorted (const BMonth *m, guint n)
{
  for (guint i = 1; i < n; i++)
    if (m[i - 1].competencia > m[i].competencia)
      return FALSE;
  return TRUE;
}

/* Stable counting sort of an array of records by their leading guint32 team field. */
static void
sort_by_team (LargeArray *array, gsize elt, guint n_teams, guint32 *counts /* n_teams + 1 */)
{
  guchar *src = (guchar *) array->data;
  guchar *dst = coordena_large_alloc ((gsize) array->len * elt + 1);

  memset (counts, 0, sizeof (guint32) * (n_teams + 1));
  for (guint i = 0; i < array->len; i++)
    counts[*(guint32 *) (src + i * elt) + 1]++;
  for (guint t = 0; t < n_teams; t++)
    counts[t + 1] += counts[t];
  {
    g_autofree guint32 *pos = g_memdup2 (counts, sizeof (guint32) * (n_teams + 1));
    for (guint i = 0; i < array->len; i++)
      {
        guint32 t = *(guint32 *) (src + i * elt);
        memcpy (dst + (gsize) pos[t]++ * elt, src + i * elt, elt);
      }
  }
  g_free (src);
  array->data = dst;
  array->cap = array->len;
}

/* Each member's total_hours: the professional's hours in the competência over every team. It
 * reads only the members as added, so it runs on a thread of its own while the members are being
 * grouped by team; then it faults in the packed members' pages, which that thread fills next. */
typedef struct {
  const CoordenaRosterMember *members;
  guint n_members;
  const BRun *runs;
  guint n_runs;
  guint n_profs;
  guint16 *totals;             /* n_members, by the order added */
  gpointer packed;             /* the packed members, not yet written */
  gsize packed_size;
} HourSums;

/* The general way: the members by professional (a stable counting sort), then by competência. */
static void
sum_by_sorting (HourSums *h)
{
  g_autofree guint32 *counts = g_new0 (guint32, h->n_profs + 1);
  guint32 *order = coordena_large_alloc (sizeof (guint32) * MAX (h->n_members, 1));
  CoordenaCompetencia *comp = coordena_large_alloc (sizeof (CoordenaCompetencia) * MAX (h->n_members, 1));

  for (guint i = 0; i < h->n_runs; i++)
    for (guint32 k = 0; k < h->runs[i].n; k++)
      comp[h->runs[i].first + k] = h->runs[i].competencia;

  for (guint i = 0; i < h->n_members; i++)
    counts[h->members[i].professional + 1]++;
  for (guint p = 0; p < h->n_profs; p++)
    counts[p + 1] += counts[p];
  {
    g_autofree guint32 *pos = g_memdup2 (counts, sizeof (guint32) * (h->n_profs + 1));
    for (guint i = 0; i < h->n_members; i++)
      order[pos[h->members[i].professional]++] = i;
  }
  for (guint p = 0; p < h->n_profs; p++)
    {
      guint32 lo = counts[p], hi = counts[p + 1];

      /* Insertion sort: a professional's rows are few and nearly sorted. */
      for (guint32 i = lo + 1; i < hi; i++)
        {
          guint32 v = order[i], j = i;
          while (j > lo && comp[order[j - 1]] > comp[v])
            {
              order[j] = order[j - 1];
              j--;
            }
          order[j] = v;
        }
      for (guint32 i = lo; i < hi;)
        {
          guint32 j = i, total = 0;
          while (j < hi && comp[order[j]] == comp[order[i]])
            total += h->members[order[j++]].hours;
          for (guint32 k = i; k < j; k++)
            h->totals[order[k]] = (guint16) MIN (total, G_MAXUINT16);
          i = j;
        }
    }
  g_free (order);
  g_free (comp);
}

/* Months since year 0: competências a table can be indexed by. */
static inline guint
month_number (CoordenaCompetencia c)
{
  return (guint) (c / 100) * 12 + (guint) (c % 100);
}

/* A state's way: a table of professionals × the months the roster spans (a megabyte or two),
 * summed over the members, then read back for each. */
static void
sum_by_table (HourSums *h, guint first_month, guint n_months)
{
  guint32 *sums = g_new0 (guint32, (gsize) h->n_profs * n_months);

  for (guint i = 0; i < h->n_runs; i++)
    {
      guint month = month_number (h->runs[i].competencia) - first_month;
      const CoordenaRosterMember *m = h->members + h->runs[i].first;

      for (guint32 k = 0; k < h->runs[i].n; k++)
        sums[(gsize) m[k].professional * n_months + month] += m[k].hours;
    }
  for (guint i = 0; i < h->n_runs; i++)
    {
      guint month = month_number (h->runs[i].competencia) - first_month;
      const CoordenaRosterMember *m = h->members + h->runs[i].first;

      for (guint32 k = 0; k < h->runs[i].n; k++)
        h->totals[h->runs[i].first + k] = (guint16) MIN (sums[(gsize) m[k].professional * n_months + month], G_MAXUINT16);
    }
  g_free (sums);
}

#define SUM_TABLE_MAX (4u * 1024 * 1024)

static gpointer
sum_hours (gpointer data)
{
  HourSums *h = data;
  guint lo = G_MAXUINT, hi = 0;

  for (guint i = 0; i < h->n_runs; i++)
    {
      lo = MIN (lo, month_number (h->runs[i].competencia));
      hi = MAX (hi, month_number (h->runs[i].competencia));
    }
  if (h->n_runs > 0 && (guint64) h->n_profs * (hi - lo + 1) <= SUM_TABLE_MAX)
    sum_by_table (h, lo, hi - lo + 1);
  else
    sum_by_sorting (h);
  return NULL;
}

static void
roster_free (CoordenaRoster *r)
{
  for (guint i = 0; i < r->n_teams; i++)
    g_free (r->teams[i].name);
  if (r->names != NULL)
    g_string_chunk_free (r->names);
  g_free (r->teams);
  g_free (r->months);
  g_free (r->members);
  g_free (r->profs);
  g_clear_pointer (&r->strata, g_hash_table_unref);
  g_clear_pointer (&r->masks, g_hash_table_unref);
  g_mutex_clear (&r->masks_lock);
  g_free (r);
}

CoordenaRoster *
coordena_roster_builder_finish (CoordenaRosterBuilder *b, GError **error)
{
  CoordenaRoster *r = NULL;
  guint n_teams = b->teams->len;
  g_autofree guint *order = g_new (guint, MAX (n_teams, 1));
  g_autofree guint32 *remap = g_new (guint32, MAX (n_teams, 1));
  g_autofree guint32 *mcount = g_new (guint32, n_teams + 1);
  g_autofree guint32 *bcount = g_new (guint32, n_teams + 1);
  g_autofree guint32 *rcount = g_new (guint32, n_teams + 1);
  g_autofree guint32 *rorder = NULL;
  g_autofree guint16 *totals = NULL;
  CoordenaRosterMember *packed = NULL;
  HourSums sums = { 0 };
  GThread *summing = NULL;
  LargeArray packed_months;

  if (b->stratum_conflict != NULL)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("Municipality %s was given two different IED strata"), b->stratum_conflict);
      coordena_roster_builder_free (b);
      return NULL;
    }

  /* Total hours, meanwhile. */
  packed = coordena_large_alloc (sizeof (CoordenaRosterMember) * MAX (b->members.len, 1));
  totals = coordena_large_alloc (sizeof (guint16) * MAX (b->members.len, 1));
  sums = (HourSums) { b->members.data, (guint) b->members.len, b->runs.data, (guint) b->runs.len,
                      (guint) b->profs.len, totals, packed, sizeof (CoordenaRosterMember) * b->members.len };
  summing = g_thread_try_new ("coordena-roster-hours", sum_hours, &sums, NULL);
  if (summing == NULL)
    sum_hours (&sums);

  /* Teams sorted by INE. */
  for (guint i = 0; i < n_teams; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n_teams, sizeof (guint), cmp_team_order, b->teams);
  for (guint i = 0; i < n_teams; i++)
    remap[order[i]] = i;
  for (guint i = 0; i < (guint) b->months.len; i++)
    MONTH (i).team = remap[MONTH (i).team];

  /* Runs grouped by team, then by competência: their indices, a stable counting sort; the members
   * stay where they are until they are packed. bcount: where each team's members begin. */
  rorder = coordena_large_alloc (sizeof (guint32) * MAX (b->runs.len, 1));
  memset (bcount, 0, sizeof (guint32) * (n_teams + 1));
  memset (rcount, 0, sizeof (guint32) * (n_teams + 1));
  for (guint i = 0; i < (guint) b->runs.len; i++)
    {
      RUN (i).team = remap[RUN (i).team];
      rcount[RUN (i).team + 1]++;
      bcount[RUN (i).team + 1] += RUN (i).n;
    }
  for (guint t = 0; t < n_teams; t++)
    {
      rcount[t + 1] += rcount[t];
      bcount[t + 1] += bcount[t];
    }
  {
    g_autofree guint32 *pos = g_memdup2 (rcount, sizeof (guint32) * (n_teams + 1));

    for (guint i = 0; i < (guint) b->runs.len; i++)
      rorder[pos[RUN (i).team]++] = i;
  }
  for (guint t = 0; t < n_teams; t++)
    if (rcount[t + 1] - rcount[t] > 1 && !runs_sorted (b->runs.data, rorder + rcount[t], rcount[t + 1] - rcount[t]))
      g_qsort_with_data (rorder + rcount[t], (gint) (rcount[t + 1] - rcount[t]), sizeof (guint32), cmp_run_index, b->runs.data);

  sort_by_team (&b->months, sizeof (BMonth), n_teams, mcount);
  large_array_init (&packed_months, sizeof (CoordenaRosterMonth));
  large_array_reserve (&packed_months, b->months.len);

  r = g_new0 (CoordenaRoster, 1);
  r->ref_count = 1;
  g_mutex_init (&r->masks_lock);
  r->masks = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  r->n_teams = n_teams;
  r->teams = g_new0 (CoordenaRosterTeam, MAX (n_teams, 1));
  r->n_members = (guint) b->members.len;
  r->members = g_steal_pointer (&packed);
  if (summing != NULL)
    g_thread_join (g_steal_pointer (&summing));

  for (guint t = 0; t < n_teams; t++)
    {
      BTeam *src = &g_array_index (b->teams, BTeam, order[t]);
      CoordenaRosterTeam *team = &r->teams[t];
      guint32 lo = mcount[t], hi = mcount[t + 1];
      guint32 ri = rcount[t], rhi = rcount[t + 1];
      guint32 mi = bcount[t];

      memcpy (team->ine, src->ine, sizeof team->ine);
      memcpy (team->cnes, src->cnes, sizeof team->cnes);
      memcpy (team->ibge, src->ibge, sizeof team->ibge);
      team->name = g_steal_pointer (&src->name);
      team->ied_stratum = (guint8) GPOINTER_TO_UINT (g_hash_table_lookup (b->strata, team->ibge));
      team->first_month = (guint32) packed_months.len;

      if (hi - lo > 1 && !months_sorted (&MONTH (lo), hi - lo))
        qsort (&MONTH (lo), hi - lo, sizeof (BMonth), cmp_month);

      /* The team's competências: those declared, and those of its members (a member's team-month
       * that was never declared is one "not evaluated"), both in order. */
      for (guint32 i = lo; i < hi || ri < rhi;)
        {
          CoordenaRosterMonth out = { 0 };
          gboolean typed = FALSE;

          if (i < hi && (ri >= rhi || MONTH (i).competencia <= RUN (rorder[ri]).competencia))
            out.competencia = MONTH (i).competencia;
          else
            out.competencia = RUN (rorder[ri]).competencia;
          out.base_centavos = COORDENA_BASE_UNKNOWN;
          for (; i < hi && MONTH (i).competencia == out.competencia; i++)
            {
              BMonth *d = &MONTH (i);
              if (typed && d->type != out.type)
                {
                  g_autofree char *when = coordena_competencia_format (d->competencia);
                  g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                               _("Team %s has two types in competência %s: %s and %s"), team->ine, when,
                               coordena_team_type_to_string (out.type), coordena_team_type_to_string (d->type));
                  large_array_clear (&packed_months);
                  r->n_teams = t + 1;
                  r->n_members = 0;
                  roster_free (r);
                  coordena_roster_builder_free (b);
                  return NULL;
                }
              out.type = d->type;
              typed = TRUE;
              out.flags |= d->flags;
              if (d->base != COORDENA_BASE_UNKNOWN)
                out.base_centavos = d->base;
            }

          out.first_member = mi;
          for (; ri < rhi && RUN (rorder[ri]).competencia == out.competencia; ri++)
            {
              const BRun *run = &RUN (rorder[ri]);

              memcpy (&r->members[mi], &MEMBER (run->first), sizeof (CoordenaRosterMember) * run->n);
              for (guint32 k = 0; k < run->n; k++)
                r->members[mi + k].total_hours = totals[run->first + k];
              mi += run->n;
            }
          out.n_members = mi - out.first_member;
          *(CoordenaRosterMonth *) large_array_push (&packed_months) = out;
        }
      team->n_months = (guint32) packed_months.len - team->first_month;
    }

  r->n_months = (guint) packed_months.len;
  r->months = packed_months.data;
  for (guint i = 0; i < r->n_months; i++)
    {
      CoordenaCompetencia c = r->months[i].competencia;
      if (r->first == 0 || c < r->first)
        r->first = c;
      if (c > r->last)
        r->last = c;
    }

  r->n_profs = (guint) b->profs.len;
  r->profs = g_steal_pointer (&b->profs.data);
  b->profs.len = b->profs.cap = 0;
  r->strata = g_steal_pointer (&b->strata);
  r->names = g_steal_pointer (&b->names);

  coordena_roster_builder_free (b);
  coordena_roster_absent_masks (r, COORDENA_DEFAULT_MAX_TOTAL_HOURS);
  return r;
}

/* ---- reading --------------------------------------------------------------------------------- */

CoordenaRoster *
coordena_roster_ref (CoordenaRoster *r)
{
  g_atomic_int_inc (&r->ref_count);
  return r;
}

void
coordena_roster_unref (CoordenaRoster *r)
{
  if (r != NULL && g_atomic_int_dec_and_test (&r->ref_count))
    roster_free (r);
}

guint
coordena_roster_get_n_teams (const CoordenaRoster *r)
{
  return r->n_teams;
}

const CoordenaRosterTeam *
coordena_roster_get_teams (const CoordenaRoster *r)
{
  return r->teams;
}

const CoordenaRosterMonth *
coordena_roster_get_months (const CoordenaRoster *r, guint *n_months)
{
  if (n_months != NULL)
    *n_months = r->n_months;
  return r->months;
}

const CoordenaRosterMember *
coordena_roster_get_members (const CoordenaRoster *r, guint *n_members)
{
  if (n_members != NULL)
    *n_members = r->n_members;
  return r->members;
}

guint
coordena_roster_get_n_professionals (const CoordenaRoster *r)
{
  return r->n_profs;
}

const CoordenaRosterProfessional *
coordena_roster_get_professionals (const CoordenaRoster *r)
{
  return r->profs;
}

const CoordenaRosterTeam *
coordena_roster_get_team (const CoordenaRoster *r, guint i)
{
  g_return_val_if_fail (i < r->n_teams, NULL);
  return &r->teams[i];
}

const CoordenaRosterTeam *
coordena_roster_find_team (const CoordenaRoster *r, const char *ine)
{
  guint lo = 0, hi = r->n_teams;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int c = strcmp (r->teams[mid].ine, ine);

      if (c == 0)
        return &r->teams[mid];
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

const CoordenaRosterMonth *
coordena_roster_team_months (const CoordenaRoster *r, const CoordenaRosterTeam *team, guint *n_months)
{
  if (n_months != NULL)
    *n_months = team->n_months;
  return r->months + team->first_month;
}

const CoordenaRosterMember *
coordena_roster_month_members (const CoordenaRoster *r, const CoordenaRosterMonth *month, guint *n_members)
{
  if (n_members != NULL)
    *n_members = month->n_members;
  return r->members + month->first_member;
}

const CoordenaRosterProfessional *
coordena_roster_member_professional (const CoordenaRoster *r, const CoordenaRosterMember *member)
{
  return &r->profs[member->professional];
}

CoordenaCompetencia
coordena_roster_get_first_competencia (const CoordenaRoster *r)
{
  return r->first;
}

CoordenaCompetencia
coordena_roster_get_last_competencia (const CoordenaRoster *r)
{
  return r->last;
}

guint
coordena_roster_get_ied_stratum (const CoordenaRoster *r, const char *ibge7)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (r->strata, ibge7));
}

/* ---- composition ----------------------------------------------------------------------------- */

CoordenaCategorySet
coordena_team_type_required (CoordenaTeamType type)
{
  switch (type)
    {
    case COORDENA_TEAM_TYPE_ESF:
      return COORDENA_CATEGORIES_ALL;
    case COORDENA_TEAM_TYPE_EAP20:
    case COORDENA_TEAM_TYPE_EAP30:
      return COORDENA_CATEGORY_BIT (COORDENA_CATEGORY_MED) | COORDENA_CATEGORY_BIT (COORDENA_CATEGORY_ENF);
    case COORDENA_TEAM_TYPE_OTHER:
    default:
      return 0;
    }
}

CoordenaCategorySet
coordena_roster_month_absent_rule (const CoordenaRoster *r, const CoordenaRosterMonth *month, const CoordenaPresenceRule *rule)
{
  CoordenaCategorySet required = coordena_team_type_required (month->type);
  CoordenaCategorySet present = 0;
  const CoordenaRosterMember *m = r->members + month->first_member;
  guint n = month->n_members;
  guint need;

  if (required == 0)
    return 0;

  /* One member with the team type's weekly hours in this team makes the category present: the
   * hours are individual (NT 753/2021 item 2.20 b for the eAP), never a sum of several people. */
  need = month->type == COORDENA_TEAM_TYPE_ESF ? rule->esf_min_hours
         : month->type == COORDENA_TEAM_TYPE_EAP20 ? rule->eap20_min_hours
         : rule->eap30_min_hours;
  for (guint i = 0; i < n; i++)
    if (m[i].category >= 0 && m[i].hours >= need && m[i].total_hours <= rule->max_total_hours)
      present |= COORDENA_CATEGORY_BIT (m[i].category);
  return required & (CoordenaCategorySet) ~present;
}

CoordenaCategorySet
coordena_roster_month_absent (const CoordenaRoster *r, const CoordenaRosterMonth *month, guint max_total_hours)
{
  CoordenaPresenceRule rule = COORDENA_PRESENCE_RULE_INIT;

  rule.max_total_hours = max_total_hours;
  return coordena_roster_month_absent_rule (r, month, &rule);
}

/* The four thresholds fit a byte each: a rule set's are at most 168 h, and a ceiling of 255 h or
 * more can only be COORDENA_PRESENCE_NO_CEILING (a CNS's total never limits it then). */
static guint
rule_key (const CoordenaPresenceRule *rule)
{
  return MIN (rule->max_total_hours, 255u) | MIN (rule->esf_min_hours, 255u) << 8 |
         MIN (rule->eap20_min_hours, 255u) << 16 | MIN (rule->eap30_min_hours, 255u) << 24;
}

const CoordenaCategorySet *
coordena_roster_absent_masks_rule (CoordenaRoster *r, const CoordenaPresenceRule *rule)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&r->masks_lock);
  guint key = rule_key (rule);
  CoordenaCategorySet *masks = g_hash_table_lookup (r->masks, GUINT_TO_POINTER (key));

  if (masks == NULL)
    {
      masks = g_new (CoordenaCategorySet, MAX (r->n_months, 1));
      for (guint i = 0; i < r->n_months; i++)
        masks[i] = coordena_roster_month_absent_rule (r, &r->months[i], rule);
      g_hash_table_insert (r->masks, GUINT_TO_POINTER (key), masks);
    }
  return masks;
}

const CoordenaCategorySet *
coordena_roster_absent_masks (CoordenaRoster *r, guint max_total_hours)
{
  CoordenaPresenceRule rule = COORDENA_PRESENCE_RULE_INIT;

  rule.max_total_hours = max_total_hours;
  return coordena_roster_absent_masks_rule (r, &rule);
}

const char *
coordena_team_type_to_string (CoordenaTeamType type)
{
  switch (type)
    {
    case COORDENA_TEAM_TYPE_ESF:
      return "eSF";
    case COORDENA_TEAM_TYPE_EAP20:
      return "eAP20";
    case COORDENA_TEAM_TYPE_EAP30:
      return "eAP30";
    case COORDENA_TEAM_TYPE_OTHER:
    default:
      return "outra";
    }
}

static const char *const category_names[COORDENA_N_CATEGORIES] = { "MED", "ENF", "TEC", "ACS" };

const char *
coordena_category_to_string (CoordenaCategory category)
{
  if (category < 0 || category >= COORDENA_N_CATEGORIES)
    return NULL;
  return category_names[category];
}

const char *
coordena_category_name (CoordenaCategory category)
{
  switch (category)
    {
    case COORDENA_CATEGORY_MED: return _("Physician");
    case COORDENA_CATEGORY_ENF: return _("Nurse");
    case COORDENA_CATEGORY_TEC: return _("Nursing technician or assistant");
    case COORDENA_CATEGORY_ACS: return _("Community health agent");
    case COORDENA_CATEGORY_NONE:
    case COORDENA_N_CATEGORIES:
    default: return _("Other occupation");
    }
}

CoordenaCategory
coordena_category_from_string (const char *text)
{
  if (text == NULL)
    return COORDENA_CATEGORY_NONE;
  for (int i = 0; i < COORDENA_N_CATEGORIES; i++)
    if (g_ascii_strcasecmp (text, category_names[i]) == 0)
      return (CoordenaCategory) i;
  return COORDENA_CATEGORY_NONE;
}

char *
coordena_category_set_to_string (CoordenaCategorySet set)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < COORDENA_N_CATEGORIES; i++)
    if (set & COORDENA_CATEGORY_BIT (i))
      {
        if (s->len > 0)
          g_string_append_c (s, '+');
        g_string_append (s, category_names[i]);
      }
  return g_string_free (s, FALSE);
}
