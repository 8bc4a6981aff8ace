/* SPDX-License-Identifier: GPL-3.0-or-later */
/* duplicidade.c — professionals in two eSF in the same competência. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/duplicidade.h>
#include <coordena/error.h>


void
coordena_duplicidade_free (CoordenaDuplicidade *dup)
{
  if (dup == NULL)
    return;
  g_free (dup->name);
  g_ptr_array_unref (dup->ines);
  g_free (dup);
}

typedef struct {
  CoordenaCompetencia competencia;
  guint32 professional;
  guint32 team;
} Seat;

static int
cmp_seat (gconstpointer a, gconstpointer b)
{
  const Seat *x = a, *y = b;

  if (x->competencia != y->competencia)
    return x->competencia < y->competencia ? -1 : 1;
  if (x->professional != y->professional)
    return x->professional < y->professional ? -1 : 1;
  return x->team < y->team ? -1 : x->team > y->team;
}

/* Every (competência, professional, eSF team), sorted so that duplicates sit together. */
static GArray *
esf_seats (const CoordenaRoster *roster)
{
  GArray *seats = g_array_new (FALSE, FALSE, sizeof (Seat));
  guint n_teams = coordena_roster_get_n_teams (roster);

  for (guint t = 0; t < n_teams; t++)
    {
      const CoordenaRosterTeam *team = coordena_roster_get_team (roster, t);
      const CoordenaRosterMonth *months;
      guint n_months;

      months = coordena_roster_team_months (roster, team, &n_months);
      for (guint k = 0; k < n_months; k++)
        {
          const CoordenaRosterMember *members;
          guint n_members;

          if (months[k].type != COORDENA_TEAM_TYPE_ESF)
            continue;
          members = coordena_roster_month_members (roster, &months[k], &n_members);
          for (guint j = 0; j < n_members; j++)
            {
              Seat s = { months[k].competencia, members[j].professional, t };

              g_array_append_val (seats, s);
            }
        }
    }
  g_array_sort (seats, cmp_seat);
  return seats;
}

static int
cmp_dup (gconstpointer a, gconstpointer b)
{
  const CoordenaDuplicidade *x = *(CoordenaDuplicidade *const *) a, *y = *(CoordenaDuplicidade *const *) b;

  if (x->competencia != y->competencia)
    return x->competencia < y->competencia ? -1 : 1;
  return strcmp (x->cns, y->cns);
}

GPtrArray *
coordena_roster_find_duplicidades (const CoordenaRoster *roster)
{
  g_autoptr(GArray) seats = esf_seats (roster);
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_duplicidade_free);
  const CoordenaRosterProfessional *profs = coordena_roster_get_professionals (roster);
  guint i = 0;

  while (i < seats->len)
    {
      const Seat *first = &g_array_index (seats, Seat, i);
      guint j = i + 1, n_distinct = 1;

      while (j < seats->len && g_array_index (seats, Seat, j).competencia == first->competencia
             && g_array_index (seats, Seat, j).professional == first->professional)
        {
          if (g_array_index (seats, Seat, j).team != g_array_index (seats, Seat, j - 1).team)
            n_distinct++;
          j++;
        }
      if (n_distinct > 1)
        {
          CoordenaDuplicidade *d = g_new0 (CoordenaDuplicidade, 1);

          d->competencia = first->competencia;
          g_strlcpy (d->cns, profs[first->professional].cns, sizeof d->cns);
          d->name = g_strdup (profs[first->professional].name);
          d->ines = g_ptr_array_new_with_free_func (g_free);
          for (guint k = i; k < j; k++)
            if (k == i || g_array_index (seats, Seat, k).team != g_array_index (seats, Seat, k - 1).team)
              g_ptr_array_add (d->ines,
                               g_strdup (coordena_roster_get_team (roster, g_array_index (seats, Seat, k).team)->ine));
          g_ptr_array_add (list, d);
        }
      i = j;
    }
  g_ptr_array_sort (list, cmp_dup);
  return list;
}

gboolean
coordena_roster_month_has_duplicidade (const CoordenaRoster *roster, const CoordenaRosterMonth *month)
{
  const CoordenaRosterMember *members;
  guint n_members, n_teams;

  if (month->type != COORDENA_TEAM_TYPE_ESF)
    return FALSE;
  members = coordena_roster_month_members (roster, month, &n_members);
  n_teams = coordena_roster_get_n_teams (roster);
  /* A direct scan: months hold a handful of members, and this runs per team shown. */
  for (guint j = 0; j < n_members; j++)
    for (guint t = 0; t < n_teams; t++)
      {
        const CoordenaRosterTeam *team = coordena_roster_get_team (roster, t);
        const CoordenaRosterMonth *months;
        guint n_months;

        months = coordena_roster_team_months (roster, team, &n_months);
        for (guint k = 0; k < n_months; k++)
          {
            const CoordenaRosterMember *others;
            guint n_others;

            if (&months[k] == month || months[k].competencia != month->competencia
                || months[k].type != COORDENA_TEAM_TYPE_ESF)
              continue;
            others = coordena_roster_month_members (roster, &months[k], &n_others);
            for (guint o = 0; o < n_others; o++)
              if (others[o].professional == members[j].professional)
                return TRUE;
          }
      }
  return FALSE;
}
