/* SPDX-License-Identifier: GPL-3.0-or-later */
/* demo.c — a generated roster for the state's real municipalities, marked as demonstration data. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/clock.h>
#include <coordena/demo.h>
#include <coordena/error.h>
#include <coordena/paths.h>
#include <coordena/reference.h>

#include "import-private.h"
#include "store-internal.h"

#define DEMO_MONTHS 12
#define DEMO_DEFAULT_SEED 20251203u

static const char *const first_names[] = {
  "Ana", "Maria", "Francisca", "Antônia", "Adriana", "Juliana", "Márcia", "Fernanda", "Patrícia", "Aline",
  "José", "João", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas", "Luiz", "Marcos",
  "Gabriela", "Camila", "Letícia", "Beatriz", "Rafael", "Daniel", "Rodrigo", "Eduardo", "Sandra", "Cláudia",
};

static const char *const surnames[] = {
  "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
  "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa",
  "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas",
};

static const char *const places[] = {
  "Centro", "Vila Nova", "São José", "Santa Rita", "Boa Vista", "Progresso", "Bela Vista", "Industrial",
  "Primavera", "Esperança", "Rural", "Jardim América", "São Cristóvão", "Santo Antônio", "Planalto",
};

/* Weighted sums of DOMAIN.md §8 for the 7-digit significant part of CNES and INE. */
static char
mod11_digit (const char six[6])
{
  static const int weights[6] = { 7, 6, 5, 4, 3, 2 };
  int sum = 0, r;

  for (int i = 0; i < 6; i++)
    sum += (six[i] - '0') * weights[i];
  r = sum % 11;
  return (char) ('0' + (r < 2 ? 0 : 11 - r));
}

static void
make_code (GRand *rand, char *out, gsize zeros)
{
  char six[7];

  for (int i = 0; i < 6; i++)
    six[i] = (char) ('0' + g_rand_int_range (rand, i == 0 ? 1 : 0, 10));
  six[6] = '\0';
  memset (out, '0', zeros);
  memcpy (out + zeros, six, 6);
  out[zeros + 6] = mod11_digit (six);
  out[zeros + 7] = '\0';
}

/* A CNS of the 7/8/9 family: Σ digit·(15−i) ≡ 0 (mod 11). */
static void
make_cns (GRand *rand, char out[16])
{
  for (;;)
    {
      int sum = 0, d;

      out[0] = (char) ('7' + g_rand_int_range (rand, 0, 3));
      for (int i = 1; i < 14; i++)
        out[i] = (char) ('0' + g_rand_int_range (rand, 0, 10));
      for (int i = 0; i < 14; i++)
        sum += (out[i] - '0') * (15 - i);
      d = (11 - sum % 11) % 11;
      if (d == 10)
        continue;
      out[14] = (char) ('0' + d);
      out[15] = '\0';
      return;
    }
}

typedef struct {
  char cns[16];
  char *nome;
} DemoPerson;

static void
demo_person_clear (gpointer p)
{
  g_free (((DemoPerson *) p)->nome);
}

static void
new_person (GRand *rand, DemoPerson *p)
{
  make_cns (rand, p->cns);
  p->nome = g_strdup_printf ("%s %s %s", first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                             surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                             surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))]);
}

/* One seat of a team: who holds it each month (index into people, −1 vacant). */
typedef struct {
  const char *cbo;
  guint hours;
  int holder[DEMO_MONTHS];
} DemoSeat;

typedef struct {
  char ine[11];
  char cnes[8];
  const CoordenaMunicipio *mun;
  CoordenaTeamType type;
  const char *tp_equipe;
  char *nome;
  GArray *seats;            /* DemoSeat */
  int first_month;          /* activated in this month of the window */
} DemoTeam;

static void
demo_team_clear (gpointer p)
{
  DemoTeam *t = p;

  g_free (t->nome);
  g_array_unref (t->seats);
}

static void
add_seat (DemoTeam *t, GRand *rand, GArray *people, const char *cbo, guint hours, double vacancy_chance)
{
  DemoSeat seat = { cbo, hours, { 0 } };
  DemoPerson p = { { 0 }, NULL };
  int holder;

  new_person (rand, &p);
  g_array_append_val (people, p);
  holder = (int) people->len - 1;
  for (int m = 0; m < DEMO_MONTHS; m++)
    seat.holder[m] = holder;
  /* Some seats fall vacant for a stretch, and some come back with someone new. */
  if (g_rand_double (rand) < vacancy_chance)
    {
      int from = g_rand_int_range (rand, 1, DEMO_MONTHS);
      int to = MIN (DEMO_MONTHS, from + g_rand_int_range (rand, 1, 6));
      int next = -1;

      if (to < DEMO_MONTHS)
        {
          DemoPerson q = { { 0 }, NULL };

          new_person (rand, &q);
          g_array_append_val (people, q);
          next = (int) people->len - 1;
        }
      for (int m = from; m < DEMO_MONTHS; m++)
        seat.holder[m] = m < to ? -1 : next;
    }
  g_array_append_val (t->seats, seat);
}

static void
build_team (DemoTeam *t, GRand *rand, GArray *people, guint n)
{
  t->seats = g_array_new (FALSE, FALSE, sizeof (DemoSeat));
  make_code (rand, t->ine, 3);
  make_code (rand, t->cnes, 0);
  t->first_month = g_rand_double (rand) < 0.05 ? g_rand_int_range (rand, 1, DEMO_MONTHS - 1) : 0;

  switch (g_rand_int_range (rand, 0, 20))
    {
    case 0: case 1:
      t->type = COORDENA_TEAM_TYPE_EAP20;
      t->tp_equipe = "76";
      break;
    case 2:
      t->type = COORDENA_TEAM_TYPE_EAP30;
      t->tp_equipe = "76";
      break;
    case 3:
      t->type = COORDENA_TEAM_TYPE_OTHER;
      t->tp_equipe = "71";
      break;
    default:
      t->type = COORDENA_TEAM_TYPE_ESF;
      t->tp_equipe = "70";
      break;
    }

  if (t->type == COORDENA_TEAM_TYPE_ESF)
    {
      int n_acs = g_rand_int_range (rand, 3, 7);

      t->nome = g_strdup_printf ("DEMO ESF %s %02u", places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))], n);
      /* A few médicos on 20 h: present in the roster, absent for the eSF rule. */
      add_seat (t, rand, people, g_rand_double (rand) < 0.5 ? "225142" : "225130",
                g_rand_double (rand) < 0.04 ? 20 : 40, 0.12);
      add_seat (t, rand, people, "223565", 40, 0.05);
      add_seat (t, rand, people, g_rand_double (rand) < 0.7 ? "322245" : "322250", 40, 0.06);
      for (int i = 0; i < n_acs; i++)
        add_seat (t, rand, people, "515105", 40, 0.08);
    }
  else if (t->type == COORDENA_TEAM_TYPE_OTHER)
    {
      t->nome = g_strdup_printf ("DEMO ESB %s %02u", places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))], n);
      add_seat (t, rand, people, "223293", 40, 0.05);
      add_seat (t, rand, people, "322430", 40, 0.05);
    }
  else
    {
      guint h = t->type == COORDENA_TEAM_TYPE_EAP30 ? 30 : 20;

      t->nome = g_strdup_printf ("DEMO EAP %s %02u", places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))], n);
      add_seat (t, rand, people, "225170", h, 0.12);
      add_seat (t, rand, people, "223505", h, 0.06);
    }
}

/* The teams of every municipality, in the order the generator draws them: the same seed and
 * state give the same codes. */
static void
plan_teams (GPtrArray *muns, GRand *rand, GArray *people, GArray *teams)
{
  for (guint i = 0; i < muns->len; i++)
    {
      const CoordenaMunicipio *mun = muns->pdata[i];
      guint n = mun->capital ? 40 : (guint) g_rand_int_range (rand, 1, 5);

      for (guint k = 1; k <= n; k++)
        {
          DemoTeam t = { 0 };

          t.mun = mun;
          build_team (&t, rand, people, k);
          g_array_append_val (teams, t);
        }
    }
}

GHashTable *
coordena_demo_team_codes (guint uf_code)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_DEFAULT_SEED);
  g_autoptr(GArray) people = g_array_new (FALSE, TRUE, sizeof (DemoPerson));
  g_autoptr(GArray) teams = g_array_new (FALSE, TRUE, sizeof (DemoTeam));
  g_autoptr(GPtrArray) muns = NULL;
  const CoordenaReference *ref = coordena_reference_get (NULL);
  GHashTable *codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (ref == NULL)
    return codes;
  g_array_set_clear_func (people, demo_person_clear);
  g_array_set_clear_func (teams, demo_team_clear);
  muns = coordena_reference_municipios_of_uf (ref, uf_code);
  plan_teams (muns, rand, people, teams);
  for (guint i = 0; i < teams->len; i++)
    g_hash_table_add (codes, g_strdup (g_array_index (teams, DemoTeam, i).ine));
  return codes;
}

static CoordenaCompetencia
current_month (void)
{
  g_autoptr(GDateTime) now = coordena_clock_now ();

  return (CoordenaCompetencia) (g_date_time_get_year (now) * 100 + g_date_time_get_month (now));
}

CoordenaImportReport *
coordena_demo_generate (CoordenaStore *store, CoordenaCompetencia last, guint32 seed, GError **error)
{
  g_autoptr(CoordenaImportReport) report = NULL;
  g_autoptr(CoordenaRosterWriter) writer = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed != 0 ? seed : DEMO_DEFAULT_SEED);
  g_autoptr(GArray) people = g_array_new (FALSE, TRUE, sizeof (DemoPerson));
  g_autoptr(GArray) teams = g_array_new (FALSE, TRUE, sizeof (DemoTeam));
  g_autoptr(GPtrArray) muns = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *uf = NULL;
  const CoordenaReference *ref;
  const CoordenaUf *state;
  gboolean has_real;
  gint64 *prof_ids = NULL;

  g_array_set_clear_func (people, demo_person_clear);
  g_array_set_clear_func (teams, demo_team_clear);

  uf = coordena_store_require_uf (store, error);
  if (uf == NULL || (ref = coordena_reference_get (error)) == NULL)
    return NULL;
  state = coordena_reference_find_uf_by_sigla (ref, uf);
  if (state == NULL)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("Unknown state “%s”"), uf);
      return NULL;
    }
  if (last == 0)
    last = coordena_competencia_add (current_month (), -1);
  if (!coordena_competencia_is_valid (last))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("Invalid competência %u"), last);
      return NULL;
    }

  if (!coordena_store_has_real_teams (store, &has_real, error))
    return NULL;
  if (has_real)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("The database %s already holds a real roster; demonstration data go in a database of "
                     "their own (--db FILE)"), coordena_store_get_path (store));
      return NULL;
    }

  /* The plan first, all in memory, so the transaction only writes. */
  muns = coordena_reference_municipios_of_uf (ref, state->codigo);
  plan_teams (muns, rand, people, teams);
  /* Duplicidade: a few ACS registered in a second eSF at the same time. */
  for (guint i = 1; i + 1 < teams->len && i < 400; i += 37)
    {
      DemoTeam *a = &g_array_index (teams, DemoTeam, i), *b = &g_array_index (teams, DemoTeam, i + 1);
      DemoSeat seat;

      if (a->type != COORDENA_TEAM_TYPE_ESF || b->type != COORDENA_TEAM_TYPE_ESF)
        continue;
      seat = g_array_index (a->seats, DemoSeat, a->seats->len - 1);
      for (int m = 0; m < DEMO_MONTHS - 3; m++)
        seat.holder[m] = -1;
      g_array_append_val (b->seats, seat);
    }

  report = coordena_import_report_new (_("demonstration roster"));
  writer = coordena_roster_writer_new (store, "demo", error);
  if (writer == NULL || !coordena_store_begin (store, error))
    return NULL;

  prof_ids = g_new0 (gint64, people->len);
  for (guint i = 0; i < teams->len; i++)
    {
      DemoTeam *t = &g_array_index (teams, DemoTeam, i);
      CoordenaCompetencia first = coordena_competencia_add (last, t->first_month - (DEMO_MONTHS - 1));
      g_autofree char *activated = g_strdup_printf ("%04u-%02u-01", first / 100, first % 100);
      CoordenaWriterTeam wt = { t->ine, t->mun->ibge7, t->cnes, t->tp_equipe, NULL, t->nome, activated, NULL, TRUE };
      gint64 team_id = coordena_roster_writer_team (writer, &wt, error);

      if (team_id == 0)
        goto fail;
      for (int m = t->first_month; m < DEMO_MONTHS; m++)
        {
          CoordenaCompetencia c = coordena_competencia_add (last, m - (DEMO_MONTHS - 1));

          if (!coordena_roster_writer_team_month (writer, team_id, c, t->type, 0, error))
            goto fail;
          for (guint s = 0; s < t->seats->len; s++)
            {
              const DemoSeat *seat = &g_array_index (t->seats, DemoSeat, s);
              int h = seat->holder[m];

              if (h < 0)
                continue;
              if (prof_ids[h] == 0)
                {
                  const DemoPerson *p = &g_array_index (people, DemoPerson, h);

                  prof_ids[h] = coordena_roster_writer_professional (writer, p->cns, p->nome, error);
                  if (prof_ids[h] == 0)
                    goto fail;
                }
              if (!coordena_roster_writer_member (writer, team_id, c, prof_ids[h], seat->cbo, seat->hours, error))
                goto fail;
            }
        }
    }
  /* The 2024+ money depends on the municipality's IED stratum: give each one that has none a
   * generated stratum, so the demonstration shows amounts; a real stratum is never replaced. */
  for (guint i = 0; i < muns->len; i++)
    {
      const CoordenaMunicipio *mun = muns->pdata[i];

      if (!coordena_store_set_stratum_if_unknown (store, mun->ibge7, mun->capital ? 1 : (guint) g_rand_int_range (rand, 1, 5),
                                                  error))
        goto fail;
    }
  if (!coordena_store_set_profile (store, "demo", "1", error))
    goto fail;
  coordena_roster_writer_fill_report (writer, report);
  if (!coordena_import_report_duplicidades (store, report, error))
    goto fail;
  report->elapsed = g_timer_elapsed (timer, NULL);
  coordena_import_report_note (report, g_strdup (_("Demonstration data: generated, not the state's real roster.")));
  if (!coordena_import_audit (store, "demo", report, error) || !coordena_store_commit (store, error))
    goto fail;
  g_free (prof_ids);
  report->elapsed = g_timer_elapsed (timer, NULL);
  return g_steal_pointer (&report);

fail:
  g_free (prof_ids);
  coordena_store_rollback (store);
  return NULL;
}

char *
coordena_demo_db_path (const char *uf)
{
  g_autofree char *dir = coordena_user_datadir ();
  g_autofree char *lower = g_ascii_strdown (uf, -1);
  g_autofree char *name = g_strdup_printf ("demonstracao-%s.db", lower);

  return g_build_filename (dir, name, NULL);
}

gboolean
coordena_demo_is_db_path (const char *path)
{
  g_autofree char *dir = NULL, *base = NULL, *user_dir = NULL;

  if (path == NULL || *path == '\0')
    return FALSE;
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  user_dir = coordena_user_datadir ();
  return g_str_equal (dir, user_dir) && g_str_has_prefix (base, "demonstracao-") && g_str_has_suffix (base, ".db");
}

gboolean
coordena_demo_prepare (const char *path, const char *uf, gboolean *filled, GError **error)
{
  g_autoptr(CoordenaStore) store = coordena_store_open (path, error);
  g_autofree char *current = NULL;

  if (filled != NULL)
    *filled = FALSE;
  if (store == NULL)
    return FALSE;
  current = coordena_store_get_uf (store);
  if ((current == NULL || g_ascii_strcasecmp (current, uf) != 0) && !coordena_store_init_uf (store, uf, error))
    return FALSE;
  if (filled != NULL)
    *filled = coordena_store_is_demo (store);
  return TRUE;
}

gboolean
coordena_demo_refuse_import (CoordenaStore *store, GError **error)
{
  if (!coordena_store_is_demo (store))
    return TRUE;
  g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
               _("The database %s holds demonstration data, so nothing was imported and it was left as it was. "
                 "Real data go in a database of their own: create a new database (“New Database…” in the window’s "
                 "menu, or coordena-cli --db FILE init --uf UF) or leave the demonstration."),
               coordena_store_get_path (store));
  return FALSE;
}
