/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cnes-synth.c — writes a synthetic CNES base; see cnes-synth.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <coordena/coordena.h>

#include "cnes-synth.h"

static const char *const cbos[] = { "225142", "223565", "322245", "515105", "515105", "515105", "515105", "515105" };

char
cnes_synth_check_digit (const char *six)
{
  static const int w[6] = { 7, 6, 5, 4, 3, 2 };
  int s = 0, r;

  for (int i = 0; i < 6; i++)
    s += (six[i] - '0') * w[i];
  r = s % 11;
  return (char) ('0' + (r < 2 ? 0 : 11 - r));
}

void
cnes_synth_cns (guint64 n, char out[16])
{
  for (;; n++)
    {
      int s = 0, d;

      g_snprintf (out, 16, "7%013" G_GUINT64_FORMAT, n % G_GUINT64_CONSTANT (10000000000000));
      for (int i = 0; i < 14; i++)
        s += (out[i] - '0') * (15 - i);
      d = (11 - s % 11) % 11;
      if (d != 10)
        {
          out[14] = (char) ('0' + d);
          out[15] = '\0';
          return;
        }
    }
}

static FILE *
open_table (const char *dir, const char *table, guint competencia, const char *header, GError **error)
{
  g_autofree char *name = g_strdup_printf ("%s%06u.csv", table, competencia);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  FILE *f = fopen (path, "wb");

  if (f == NULL)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      return NULL;
    }
  setvbuf (f, NULL, _IOFBF, 1 << 20);
  fputs (header, f);
  fputs ("\r\n", f);
  return f;
}

/* The state's municipalities (6 digits), or a fallback set when the reference is missing. */
static GPtrArray *
municipios (guint uf_code)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  const CoordenaReference *ref = coordena_reference_get (NULL);

  if (ref != NULL)
    {
      g_autoptr(GPtrArray) of_uf = coordena_reference_municipios_of_uf (ref, uf_code);

      for (guint i = 0; i < of_uf->len; i++)
        g_ptr_array_add (list, g_strdup (((const CoordenaMunicipio *) of_uf->pdata[i])->ibge6));
    }
  if (list->len == 0)
    g_ptr_array_add (list, g_strdup_printf ("%02u0010", uf_code));
  return list;
}

typedef struct {
  char mun[7];
  char unit[14];
  char ine[11];
  guint seq;
} SynthTeam;

static void
make_team (guint i, const char *mun, SynthTeam *t)
{
  char six[7];

  g_strlcpy (t->mun, mun, sizeof t->mun);
  g_snprintf (six, sizeof six, "%06u", 100000 + i % 900000);
  g_snprintf (t->unit, sizeof t->unit, "%s%s%c", mun, six, cnes_synth_check_digit (six));
  g_snprintf (six, sizeof six, "%06u", 200000 + i % 800000);
  g_snprintf (t->ine, sizeof t->ine, "000%s%c", six, cnes_synth_check_digit (six));
  t->seq = 10000 + i;
}

gboolean
cnes_synth_write (const char *dir, const CnesSynthOptions *o, CnesSynthCounts *counts, GError **error)
{
  g_autoptr(GPtrArray) muns = municipios (o->uf_code);
  g_autoptr(GRand) rand = g_rand_new_with_seed (o->seed != 0 ? o->seed : 42);
  FILE *eq = NULL, *rl = NULL, *ch = NULL, *dp = NULL, *es = NULL;
  guint other_uf = o->uf_code == 35 ? 33 : 35;
  guint64 prof = 0;
  CnesSynthCounts c = { 0 };
  gboolean ok = FALSE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", dir, g_strerror (errno));
      return FALSE;
    }
  eq = open_table (dir, "tbEquipe", o->competencia,
                   "\"CO_MUNICIPIO\";\"CO_AREA\";\"SEQ_EQUIPE\";\"CO_UNIDADE\";\"TP_EQUIPE\";\"CO_SUB_TIPO_EQUIPE\";"
                   "\"NO_REFERENCIA\";\"DT_ATIVACAO\";\"DT_DESATIVACAO\";\"TO_CHAR(DT_ATUALIZACAO,'DD/MM/YYYY')\";"
                   "\"CO_EQUIPE\"", error);
  rl = eq == NULL ? NULL : open_table (dir, "rlEstabEquipeProf", o->competencia,
                   "\"CO_MUNICIPIO\";\"CO_AREA\";\"SEQ_EQUIPE\";\"CO_PROFISSIONAL_SUS\";\"CO_UNIDADE\";\"CO_CBO\";"
                   "\"IND_VINCULACAO\";\"CO_MICROAREA\";\"DT_ENTRADA\";\"DT_DESLIGAMENTO\";\"ST_EQUIPEMINIMA\";"
                   "\"TO_CHAR(DT_ATUALIZACAO,'DD/MM/YYYY')\"", error);
  ch = rl == NULL ? NULL : open_table (dir, "tbCargaHorariaSus", o->competencia,
                   "\"CO_UNIDADE\";\"CO_PROFISSIONAL_SUS\";\"CO_CBO\";\"IND_VINCULACAO\";\"TP_SUS_NAO_SUS\";"
                   "\"QT_CARGA_HORARIA_OUTROS\";\"QT_CARGA_HOR_HOSP_SUS\";\"QT_CARGA_HORARIA_AMBULATORIAL\";"
                   "\"TO_CHAR(A.DT_ATUALIZACAO,'DD/MM/YYYY')\"", error);
  dp = ch == NULL ? NULL : open_table (dir, "tbDadosProfissionalSus", o->competencia,
                   "\"CO_PROFISSIONAL_SUS\";\"NO_PROFISSIONAL\";\"CO_CPF\";\"CO_CNS\";"
                   "\"TO_CHAR(DT_ATUALIZACAO,'DD/MM/YYYY')\"", error);
  es = dp == NULL ? NULL : open_table (dir, "tbEstabelecimento", o->competencia,
                   "\"CO_UNIDADE\";\"CO_CNES\";\"NO_FANTASIA\";\"CO_MUNICIPIO_GESTOR\";\"CO_ESTADO_GESTOR\"", error);
  if (es == NULL)
    goto out;

  for (guint i = 0; i < o->n_teams; i++)
    {
      SynthTeam t;
      /* One team in fifty was deactivated before the competência. */
      gboolean off = i % 50 == 49;
      guint n_members = o->members_per_team + (guint) g_rand_int_range (rand, 0, 3);

      make_team (i, muns->pdata[i % muns->len], &t);
      fprintf (eq, "\"%s\";\"0001\";\"%u\";\"%s\";\"%s\";\"\";\"ESF S\xc3O JOS\xc9; %u\";\"01/02/2019\";\"%s\";"
                   "\"12/08/2025\";\"%s\"\r\n",
               t.mun, t.seq, t.unit, i % 20 == 0 ? "76" : "70", i, off ? "15/03/2020" : "", t.ine);
      fprintf (es, "\"%s\";\"%s\";\"UBS %u\";\"%s\";\"%02u\"\r\n", t.unit, t.unit + 6, i, t.mun, o->uf_code);
      if (!off)
        c.n_teams++;
      for (guint m = 0; m < n_members; m++)
        {
          const char *cbo = cbos[m % G_N_ELEMENTS (cbos)];
          /* One member in forty left before the competência. */
          gboolean left = (prof % 40) == 39;
          char cns[16];

          prof++;
          fprintf (rl, "\"%s\";\"0001\";\"%u\";\"P%09" G_GUINT64_FORMAT "\";\"%s\";\"%s\";\"010101\";\"\";"
                       "\"01/02/2019\";\"%s\";\"1\";\"12/08/2025\"\r\n",
                   t.mun, t.seq, prof, t.unit, cbo, left ? "10/01/2021" : "");
          fprintf (ch, "\"%s\";\"P%09" G_GUINT64_FORMAT "\";\"%s\";\"010101\";\"S\";\"0\";\"0\";\"%u\"\r\n",
                   t.unit, prof, cbo, 40u);
          cnes_synth_cns (prof * 7919, cns);
          fprintf (dp, "\"P%09" G_GUINT64_FORMAT "\";\"PROFISSIONAL %" G_GUINT64_FORMAT " ASSUN\xc7\xc3O\";"
                       "\"00000000000\";\"%s\";\"12/08/2025\"\r\n", prof, prof, cns);
          c.carga_rows++;
          c.dados_rows++;
          if (!off && !left)
            c.n_members++;
        }
    }
  /* Other states' rows: the bulk the importer must skip. */
  for (guint64 k = 0; k < o->filler_rows; k++)
    {
      char cns[16];

      prof++;
      fprintf (ch, "\"%02u%04u%07u\";\"P%09" G_GUINT64_FORMAT "\";\"515105\";\"010101\";\"S\";\"0\";\"0\";\"40\"\r\n",
               other_uf, (guint) (k % 9000), (guint) (k % 9000000), prof);
      cnes_synth_cns (prof * 7919, cns);
      fprintf (dp, "\"P%09" G_GUINT64_FORMAT "\";\"OUTRO ESTADO %" G_GUINT64_FORMAT "\";\"00000000000\";\"%s\";"
                   "\"12/08/2025\"\r\n", prof, k, cns);
      c.carga_rows++;
      c.dados_rows++;
      if (k % 20 == 0)
        {
          fprintf (eq, "\"%02u0010\";\"0001\";\"%" G_GUINT64_FORMAT "\";\"%02u00100000001\";\"70\";\"\";\"X\";"
                       "\"01/02/2019\";\"\";\"12/08/2025\";\"0009%06u\"\r\n",
                   other_uf, 900000 + k, other_uf, (guint) (k % 1000000));
          fprintf (rl, "\"%02u0010\";\"0001\";\"%" G_GUINT64_FORMAT "\";\"P%09" G_GUINT64_FORMAT "\";"
                       "\"%02u00100000001\";\"515105\";\"010101\";\"\";\"01/02/2019\";\"\";\"1\";\"12/08/2025\"\r\n",
                   other_uf, 900000 + k, prof, other_uf);
        }
    }
  ok = TRUE;
out:;
  FILE *files[] = { eq, rl, ch, dp, es };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      if (files[i] == NULL)
        continue;
      if (fclose (files[i]) != 0 && ok)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", dir, g_strerror (errno));
          ok = FALSE;
        }
    }
  if (counts != NULL)
    *counts = c;
  return ok;
}

gboolean
cnes_synth_write_flat (const char *path, const CnesSynthOptions *o, GError **error)
{
  g_autoptr(GPtrArray) muns = municipios (o->uf_code);
  g_autoptr(GRand) rand = g_rand_new_with_seed (o->seed != 0 ? o->seed : 42);
  FILE *f = fopen (path, "wb");
  guint64 prof = 0;

  if (f == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", path, g_strerror (errno));
      return FALSE;
    }
  setvbuf (f, NULL, _IOFBF, 1 << 20);
  for (guint i = 0; i < o->n_teams; i++)
    {
      SynthTeam t;
      guint n_members = o->members_per_team + (guint) g_rand_int_range (rand, 0, 3);

      make_team (i, muns->pdata[i % muns->len], &t);
      for (guint m = 0; m < n_members; m++)
        {
          char cns[16];

          prof++;
          cnes_synth_cns (prof * 7919, cns);
          fprintf (f, "%s;%s;%s;40\n", t.ine, cns, cbos[m % G_N_ELEMENTS (cbos)]);
        }
    }
  return fclose (f) == 0;
}
