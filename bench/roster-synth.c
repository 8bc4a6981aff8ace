/* SPDX-License-Identifier: GPL-3.0-or-later */
/* roster-synth.c — teams of real municipalities with valid codes, mostly complete, with runs of
 * missing professionals, so every path of the rules is exercised at scale. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "roster-synth.h"

/* Roles of a team: one médico, one enfermeiro, one técnico and up to six ACS. */
static const struct { const char *cbo; CoordenaCategory cat; } roles[] = {
  { "225142", COORDENA_CATEGORY_MED }, { "223565", COORDENA_CATEGORY_ENF }, { "322245", COORDENA_CATEGORY_TEC },
  { "515105", COORDENA_CATEGORY_ACS }, { "515105", COORDENA_CATEGORY_ACS }, { "515105", COORDENA_CATEGORY_ACS },
  { "515105", COORDENA_CATEGORY_ACS }, { "515105", COORDENA_CATEGORY_ACS },
};
#define N_ROLES G_N_ELEMENTS (roles)

static char
mod11_dv (const char *six)
{
  static const int w[6] = { 7, 6, 5, 4, 3, 2 };
  int s = 0, r;

  for (int i = 0; i < 6; i++)
    s += (six[i] - '0') * w[i];
  r = s % 11;
  return r < 2 ? '0' : (char) ('0' + 11 - r);
}

static void
make_ine (guint index, char out[11])
{
  char six[7];

  g_snprintf (six, sizeof six, "%06u", index % 1000000);
  g_snprintf (out, 11, "000%s%c", six, mod11_dv (six));
}

static void
make_cnes (guint index, char out[8])
{
  char six[7];

  g_snprintf (six, sizeof six, "%06u", (index / 3) % 1000000);
  g_snprintf (out, 8, "%s%c", six, mod11_dv (six));
}

/* A CNS starting with 7: the weighted sum of the 15 digits is a multiple of 11. */
static void
make_cns (guint64 serial, char out[16])
{
  int s = 0;

  g_snprintf (out, 16, "7%012" G_GUINT64_FORMAT "00", serial % G_GUINT64_CONSTANT (1000000000000));
  for (int i = 0; i < 13; i++)
    s += (out[i] - '0') * (15 - i);
  for (int a = 0; a < 10; a++)
    for (int b = 0; b < 10; b++)
      if ((s + 2 * a + b) % 11 == 0)
        {
          out[13] = (char) ('0' + a);
          out[14] = (char) ('0' + b);
          return;
        }
}

typedef struct {
  CoordenaTeamType type;
  guint n_roles;
  guint missing_role;   /* role absent while missing_left > 0 */
  guint missing_left;
} TeamState;

/* Walks every team-month, calling emit for the team and for each member present. */
typedef void (*EmitFunc) (gpointer data, guint team, const char *ine, const char *cnes, const char *ibge,
                          CoordenaTeamType type, CoordenaCompetencia c, guint stratum, gint role, guint64 serial,
                          guint hours);

static void
walk (const SynthSpec *spec, EmitFunc emit, gpointer data)
{
  const CoordenaReference *ref = coordena_reference_get (NULL);
  guint n_mun = 0;
  const CoordenaMunicipio *mun = coordena_reference_get_municipios (ref, &n_mun);
  g_autoptr(GRand) rand = g_rand_new_with_seed (spec->seed);
  g_autofree TeamState *st = g_new0 (TeamState, spec->n_teams);

  for (guint t = 0; t < spec->n_teams; t++)
    {
      double kind = g_rand_double (rand);
      st[t].type = kind < 0.85 ? COORDENA_TEAM_TYPE_ESF : kind < 0.95 ? COORDENA_TEAM_TYPE_EAP30 : COORDENA_TEAM_TYPE_EAP20;
      st[t].n_roles = st[t].type == COORDENA_TEAM_TYPE_ESF ? (guint) g_rand_int_range (rand, 7, N_ROLES + 1) : 2;
    }

  for (guint m = 0; m < spec->n_months; m++)
    {
      CoordenaCompetencia c = coordena_competencia_add (spec->start, (int) m);

      for (guint t = 0; t < spec->n_teams; t++)
        {
          char ine[11], cnes[8];
          const CoordenaMunicipio *mu = &mun[(t * 7919u) % n_mun];
          guint stratum = 1 + (guint) (mu->ibge7[5] - '0') % 4;
          TeamState *s = &st[t];

          make_ine (t + 1, ine);
          make_cnes (t + 1, cnes);
          if (s->missing_left == 0 && g_rand_double (rand) < 0.04)
            {
              s->missing_role = (guint) g_rand_int_range (rand, 0, (gint32) s->n_roles);
              s->missing_left = (guint) g_rand_int_range (rand, 1, 5);
            }
          emit (data, t, ine, cnes, mu->ibge7, s->type, c, stratum, -1, 0, 0);
          for (guint r = 0; r < s->n_roles; r++)
            {
              guint hours = s->type == COORDENA_TEAM_TYPE_ESF ? 40 : (s->type == COORDENA_TEAM_TYPE_EAP30 ? 30 : 20);
              if (s->missing_left > 0 && r == s->missing_role)
                continue;
              emit (data, t, ine, cnes, mu->ibge7, s->type, c, stratum, (gint) r, (guint64) t * N_ROLES + r + 1, hours);
            }
          if (s->missing_left > 0)
            s->missing_left--;
        }
    }
}

typedef struct {
  FILE *out;
  guint64 rows;
  gint last_team;
} CsvOut;

static void
emit_csv (gpointer data, guint team, const char *ine, const char *cnes, const char *ibge, CoordenaTeamType type,
          CoordenaCompetencia c, guint stratum, gint role, guint64 serial, guint hours)
{
  CsvOut *o = data;
  char cns[16];

  if (role < 0)
    return;
  make_cns (serial, cns);
  fprintf (o->out, "%u;%s;%s;%s;%s;%s;Profissional %" G_GUINT64_FORMAT ";%s;%u;N;;%u\n", c, ibge, cnes, ine,
           coordena_team_type_to_string (type), cns, serial, roles[role].cbo, hours, stratum);
  o->rows++;
}

gboolean
synth_roster_write_csv (const SynthSpec *spec, const char *path, guint64 *n_rows, GError **error)
{
  CsvOut o = { fopen (path, "w"), 0, -1 };

  if (o.out == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: cannot write", path);
      return FALSE;
    }
  fputs ("competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria;provimento;valor_base;estrato_ied\n", o.out);
  walk (spec, emit_csv, &o);
  fclose (o.out);
  if (n_rows != NULL)
    *n_rows = o.rows;
  return TRUE;
}

typedef struct {
  CoordenaRosterBuilder *b;
  guint team;
} MemOut;

static void
emit_mem (gpointer data, guint team, const char *ine, const char *cnes, const char *ibge, CoordenaTeamType type,
          CoordenaCompetencia c, guint stratum, gint role, guint64 serial, guint hours)
{
  MemOut *o = data;
  char cns[16];
  guint p;

  if (role < 0)
    {
      o->team = coordena_roster_builder_add_team (o->b, ine, cnes, ibge, NULL);
      coordena_roster_builder_add_team_month (o->b, o->team, c, type, 0, COORDENA_BASE_UNKNOWN);
      coordena_roster_builder_set_ied_stratum (o->b, ibge, stratum);
      return;
    }
  make_cns (serial, cns);
  p = coordena_roster_builder_add_professional (o->b, cns, NULL);
  coordena_roster_builder_add_member (o->b, o->team, c, p, roles[role].cbo, roles[role].cat, hours);
}

CoordenaRoster *
synth_roster_build (const SynthSpec *spec)
{
  MemOut o = { coordena_roster_builder_new (), 0 };

  walk (spec, emit_mem, &o);
  return coordena_roster_builder_finish (o.b, NULL);
}
