/* cnes-real.c — writes a CNES base at the real size; see cnes-real.h.
 *
 * The headers are those of the published tables (SQL text included), so each row carries every
 * column of the real file and is about as wide: ≈ 135 bytes a row in tbDadosProfissionalSus,
 * ≈ 140 in tbCargaHorariaSus, ≈ 500 in tbEstabelecimento. The rows of the chosen state are spread
 * through the files among the other states', as in the real base. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include <coordena/coordena.h>

#include "cnes-real.h"
#include "cnes-synth.h"

const char *const cnes_real_needed[5] = {
  "tbEquipe", "rlEstabEquipeProf", "tbCargaHorariaSus", "tbDadosProfissionalSus", "tbEstabelecimento",
};

#define STATE_MEMBERS 8
#define OTHER_MEMBERS 7

static const char *const cbos[STATE_MEMBERS] = { "225142", "223565", "322245", "515105", "515105", "515105",
                                                 "515105", "515105" };

/* Latin-1, as DATASUS writes them. */
static const char *const first_names[] = {
  "JOS\xc9", "MARIA", "JO\xc3O", "ANT\xd4NIO", "CONCEI\xc7\xc3O", "F\xc1TIMA", "LU\xcdS", "ANA", "S\xc9RGIO",
  "IN\xcaS", "PAULO", "BEATRIZ", "ROG\xc9RIO", "L\xda" "CIA", "FRANCISCO", "ADRIANA",
};
static const char *const last_names[] = {
  "DA SILVA", "DOS SANTOS", "PEREIRA", "GON\xc7\x41LVES", "ARA\xdaJO", "RIBEIRO", "ASSUN\xc7\xc3O", "FERREIRA",
  "RODRIGUES", "ALVES", "LIMA", "GOMES", "COSTA", "MARTINS", "MAG\xc3LH\xc3\x45S", "BRAND\xc3O",
};

/* CO_PROFISSIONAL_SUS: 16 hexadecimal digits, one per professional (an odd multiplier is a bijection). */
static void
make_prof (guint64 n, char out[17])
{
  g_snprintf (out, 17, "%016" G_GINT64_MODIFIER "X", (n + 1) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));
}

static void
make_name (guint64 n, char *out, gsize size)
{
  g_snprintf (out, size, "%s %s %s", first_names[n % G_N_ELEMENTS (first_names)],
              last_names[(n / 16) % G_N_ELEMENTS (last_names)], last_names[(n / 256) % G_N_ELEMENTS (last_names)]);
}

/* CO_UNIDADE of a unit: its municipality and a 7-digit CNES with a valid check digit. */
static void
make_unit (const char *mun, guint64 n, char out[14])
{
  char six[7];

  g_snprintf (six, sizeof six, "%06u", (guint) (n % 1000000));
  g_snprintf (out, 14, "%s%s%c", mun, six, cnes_synth_check_digit (six));
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

static gboolean
close_table (FILE *f, const char *dir, GError **error)
{
  if (f != NULL && fclose (f) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", dir, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  const CnesRealOptions *o;
  GPtrArray *state_muns;    /* char* ibge6 of the state */
  GPtrArray *other_muns;    /* char* ibge6 of every other state */
  guint64 n_members;        /* rows of rlEstabEquipeProf = professionals in teams */
} Gen;

static const char *
team_mun (Gen *g, guint i, gboolean *in_state)
{
  /* One team in twenty is the state's, until it has them all. */
  *in_state = i % 20 == 0 && i / 20 < g->o->state_teams;
  if (*in_state)
    return g->state_muns->pdata[(i / 20) % g->state_muns->len];
  return g->other_muns->pdata[i % g->other_muns->len];
}

static guint
team_members (gboolean in_state)
{
  return in_state ? STATE_MEMBERS : OTHER_MEMBERS;
}

static gboolean
write_equipe_and_members (Gen *g, const char *dir, GError **error)
{
  const CnesRealOptions *o = g->o;
  FILE *eq, *rl;
  guint64 prof = 0;
  gboolean ok;

  eq = open_table (dir, "tbEquipe", o->competencia,
                   "\"CO_MUNICIPIO\";\"CO_AREA\";\"SEQ_EQUIPE\";\"CO_UNIDADE\";\"TP_EQUIPE\";\"CO_SUB_TIPO_EQUIPE\";"
                   "\"NO_REFERENCIA\";\"DT_ATIVACAO\";\"DT_DESATIVACAO\";\"CO_PROF_SUS_PRECEPTOR\";\"CO_CNES_PRECEPTOR\";"
                   "\"TO_CHAR(DT_ATUALIZACAO,'DD/MM/YYYY')\";\"CO_USUARIO\";\"CO_MOTIVO_DESATIVACAO\";"
                   "\"CO_TIPO_DESATIVACAO\";\"TP_POP_ASSIST_QUILOMB\";\"TP_POP_ASSIST_ASSENT\";\"TP_POP_ASSIST_GERAL\";"
                   "\"TP_POP_ASSIST_ESCOLA\";\"TP_POP_ASSIST_PRONASCI\";\"TP_POP_ASSIST_INDIGENA\";"
                   "\"TP_POP_ASSIST_RIBEIRINHA\";\"TP_POP_ASSIST_SITUACAO_RUA\";\"TP_POP_ASSIST_PRIV_LIBERDADE\";"
                   "\"TP_POP_ASSIST_CONFLITO_LEI\";\"TP_POP_ASSIST_ADOL_CONF_LEI\";\"CO_CNES_DIST_SANIT\";"
                   "\"TO_CHAR(DT_ATUALIZACAO_ORIGEM,'DD/MM/YYYY')\";\"CO_EQUIPE\"", error);
  if (eq == NULL)
    return FALSE;
  rl = open_table (dir, "rlEstabEquipeProf", o->competencia,
                   "\"CO_MUNICIPIO\";\"CO_AREA\";\"SEQ_EQUIPE\";\"CO_PROFISSIONAL_SUS\";\"CO_UNIDADE\";\"CO_CBO\";"
                   "\"IND_VINCULACAO\";\"TP_SUS_NAO_SUS\";\"CO_MICROAREA\";\"DT_ENTRADA\";\"DT_DESLIGAMENTO\";"
                   "\"CO_CNES_OUTRAEQUIPE\";\"CO_MUNICIPIO_OUTRAEQUIPE\";\"CO_AREA_OUTRAEQUIPE\";"
                   "\"CO_PROF_SUS_PRECEPTOR\";\"CO_CNES_PRECEPTOR\";\"TO_CHAR(DT_ATUALIZACAO,'DD/MM/YYYY')\";"
                   "\"CO_USUARIO\";\"ST_EQUIPEMINIMA\";\"TO_CHAR(DT_ATUALIZACAO_ORIGEM,'DD/MM/YYYY')\"", error);
  if (rl == NULL)
    {
      fclose (eq);
      return FALSE;
    }
  for (guint i = 0; i < o->national_teams; i++)
    {
      gboolean in_state;
      const char *mun = team_mun (g, i, &in_state);
      char unit[14], six[7], ine[11];
      guint seq = 10000 + i;

      make_unit (mun, i, unit);
      g_snprintf (six, sizeof six, "%06u", 200000 + i % 800000);
      g_snprintf (ine, sizeof ine, "000%s%c", six, cnes_synth_check_digit (six));
      fprintf (eq, "\"%s\";\"%04u\";\"%u\";\"%s\";\"%s\";\"%s\";\"ESF S\xc3O JOS\xc9 %u\";\"01/02/2019\";\"\";"
                   "\"\";\"\";\"12/08/2025\";\"GESTOR%u\";\"\";\"\";\"0\";\"0\";\"1\";\"0\";\"0\";\"0\";\"0\";\"0\";"
                   "\"0\";\"0\";\"0\";\"\";\"12/08/2025\";\"%s\"\r\n",
               mun, 1 + i % 40, seq, unit, i % 20 == 0 ? "76" : "70", i % 40 == 0 ? "2" : "", i, i % 997, ine);
      for (guint m = 0; m < team_members (in_state); m++)
        {
          char prof_id[17];

          make_prof (prof, prof_id);
          fprintf (rl, "\"%s\";\"%04u\";\"%u\";\"%s\";\"%s\";\"%s\";\"010101\";\"1\";\"%02u\";\"01/02/2019\";\"\";"
                       "\"\";\"\";\"\";\"\";\"\";\"12/08/2025\";\"GESTOR%u\";\"%s\";\"12/08/2025\"\r\n",
                   mun, 1 + i % 40, seq, prof_id, unit, cbos[m % STATE_MEMBERS], m, i % 997, m < 3 ? "1" : "0");
          prof++;
        }
    }
  g->n_members = prof;
  ok = close_table (eq, dir, error);
  return close_table (rl, dir, ok ? error : NULL) && ok;
}

/* tbCargaHorariaSus: each team member's workload at the team's unit, spread among the workloads
 * of professionals of no team all over the country. */
static gboolean
write_carga (Gen *g, const char *dir, GError **error)
{
  const CnesRealOptions *o = g->o;
  FILE *ch = open_table (dir, "tbCargaHorariaSus", o->competencia,
                         "\"CO_UNIDADE\";\"CO_PROFISSIONAL_SUS\";\"CO_CBO\";\"TP_SUS_NAO_SUS\";\"IND_VINCULACAO\";"
                         "\"TP_TERCEIRO_SIH\";\"QT_CARGA_HORARIA_AMBULATORIAL\";\"CO_CONSELHO_CLASSE\";\"NU_REGISTRO\";"
                         "\"SG_UF_CRM\";\"QT_CARGA_HORARIA_OUTROS\";\"QT_CARGA_HOR_HOSP_SUS\";\"TP_PRECEPTOR\";"
                         "\"TP_RESIDENTE\";\"CO_USUARIO\";\"TO_CHAR(A.DT_ATUALIZACAO,'DD/MM/YYYY')\";"
                         "\"TO_CHAR(A.DT_ATUALIZACAO_ORIGEM,'DD/MM/YYYY')\"", error);
  guint64 fillers = o->carga_rows > g->n_members ? o->carga_rows - g->n_members : 0;
  guint64 written_fillers = 0, prof = 0;
  char prof_id[17], unit[14];

  if (ch == NULL)
    return FALSE;
  for (guint i = 0; i < o->national_teams; i++)
    {
      gboolean in_state;
      const char *mun = team_mun (g, i, &in_state);

      make_unit (mun, i, unit);
      for (guint m = 0; m < team_members (in_state); m++)
        {
          guint64 quota = (prof + 1) * fillers / MAX (g->n_members, 1);

          make_prof (prof, prof_id);
          fprintf (ch, "\"%s\";\"%s\";\"%s\";\"S\";\"010101\";\"\";\"%u\";\"%u\";\"%07u\";\"%s\";\"0\";\"0\";\"\";\"\";"
                       "\"GESTOR%u\";\"12/08/2025\";\"12/08/2025\"\r\n",
                   unit, prof_id, cbos[m % STATE_MEMBERS], m < 2 ? 40u : 40u, 71 + m % 3, (guint) (prof % 9999999),
                   "RS", i % 997);
          prof++;
          for (; written_fillers < quota; written_fillers++)
            {
              guint64 n = g->n_members + written_fillers;
              const char *other = g->other_muns->pdata[n % g->other_muns->len];
              /* Some of the state's units have professionals of no team, too. */
              const char *fmun = n % 11 == 0 ? g->state_muns->pdata[n % g->state_muns->len] : other;

              make_prof (n, prof_id);
              make_unit (fmun, n / 7, unit);
              fprintf (ch, "\"%s\";\"%s\";\"225125\";\"S\";\"010101\";\"\";\"20\";\"71\";\"%07u\";\"SP\";\"0\";\"20\";"
                           "\"\";\"\";\"GESTOR%u\";\"12/08/2025\";\"12/08/2025\"\r\n",
                       unit, prof_id, (guint) (n % 9999999), (guint) (n % 997));
            }
          make_unit (mun, i, unit);
        }
    }
  return close_table (ch, dir, error);
}

/* tbDadosProfissionalSus: everyone, the team members among the rest. */
static gboolean
write_dados (Gen *g, const char *dir, GError **error)
{
  const CnesRealOptions *o = g->o;
  FILE *dp = open_table (dir, "tbDadosProfissionalSus", o->competencia,
                         "\"CO_PROFISSIONAL_SUS\";\"CO_CPF\";\"NO_PROFISSIONAL\";\"CO_CNS\";\"ST_NMPROF_CADSUS\";"
                         "\"TO_CHAR(DT_ATUALIZACAO,'DD/MM/YYYY')\";\"CO_USUARIO\";"
                         "\"TO_CHAR(DT_ATUALIZACAO_ORIGEM,'DD/MM/YYYY')\";\"CO_NACIONALIDADE\"", error);
  guint64 fillers = o->dados_rows > g->n_members ? o->dados_rows - g->n_members : 0;
  guint64 written_fillers = 0;
  char prof_id[17], cns[16], name[64];

  if (dp == NULL)
    return FALSE;
  for (guint64 prof = 0; prof < g->n_members; prof++)
    {
      guint64 quota = (prof + 1) * fillers / MAX (g->n_members, 1);

      make_prof (prof, prof_id);
      cnes_synth_cns (prof * 7919, cns);
      make_name (prof, name, sizeof name);
      fprintf (dp, "\"%s\";\"%011" G_GUINT64_FORMAT "\";\"%s\";\"%s\";\"S\";\"12/08/2025\";\"GESTOR%u\";\"12/08/2025\";"
                   "\"10\"\r\n", prof_id, prof * 13 % G_GUINT64_CONSTANT (100000000000), name, cns, (guint) (prof % 997));
      for (; written_fillers < quota; written_fillers++)
        {
          guint64 n = g->n_members + written_fillers;

          make_prof (n, prof_id);
          cnes_synth_cns (n * 7919, cns);
          make_name (n, name, sizeof name);
          fprintf (dp, "\"%s\";\"%011" G_GUINT64_FORMAT "\";\"%s\";\"%s\";\"S\";\"12/08/2025\";\"GESTOR%u\";"
                       "\"12/08/2025\";\"10\"\r\n", prof_id, n * 13 % G_GUINT64_CONSTANT (100000000000), name, cns,
                   (guint) (n % 997));
        }
    }
  return close_table (dp, dir, error);
}

/* tbEstabelecimento: the teams' units, then every other unit of the country; 56 columns. */
static gboolean
write_estab (Gen *g, const char *dir, GError **error)
{
  const CnesRealOptions *o = g->o;
  FILE *es = open_table (dir, "tbEstabelecimento", o->competencia,
                         "\"CO_UNIDADE\";\"CO_CNES\";\"NU_CNPJ_MANTENEDORA\";\"TP_PFPJ\";\"NIVEL_DEP\";\"NO_RAZAO_SOCIAL\";"
                         "\"NO_FANTASIA\";\"NO_LOGRADOURO\";\"NU_ENDERECO\";\"NO_COMPLEMENTO\";\"NO_BAIRRO\";\"CO_CEP\";"
                         "\"CO_REGIAO_SAUDE\";\"CO_MICRO_REGIAO\";\"CO_DISTRITO_SANITARIO\";\"CO_DISTRITO_ADMINISTRATIVO\";"
                         "\"NU_TELEFONE\";\"NU_FAX\";\"NO_EMAIL\";\"NU_CPF\";\"NU_CNPJ\";\"CO_ATIVIDADE\";\"CO_CLIENTELA\";"
                         "\"NU_ALVARA\";\"DT_EXPEDICAO\";\"TP_ORGAO_EXPEDIDOR\";\"DT_VAL_LIC_SANI\";\"TP_LIC_SANI\";"
                         "\"TP_UNIDADE\";\"CO_TURNO_ATENDIMENTO\";\"CO_ESTADO_GESTOR\";\"CO_MUNICIPIO_GESTOR\";"
                         "\"TO_CHAR(DT_ATUALIZACAO,'DD/MM/YYYY')\";\"CO_USUARIO\";\"CO_CPFDIRETORCLN\";\"REG_DIRETORCLN\";"
                         "\"ST_ADESAO_FILANTROP\";\"CO_MOTIVO_DESAB\";\"NO_URL\";\"NU_LATITUDE\";\"NU_LONGITUDE\";"
                         "\"TO_CHAR(DT_ATU_GEO,'DD/MM/YYYY')\";\"NO_USUARIO_GEO\";\"CO_NATUREZA_JUR\";"
                         "\"TP_ESTAB_SEMPRE_ABERTO\";\"ST_GERACREDITO_GERENTE_SGIF\";\"ST_CONEXAO_INTERNET\";"
                         "\"CO_TIPO_UNIDADE\";\"NO_FANTASIA_ABREV\";\"TP_GESTAO\";"
                         "\"TO_CHAR(DT_ATUALIZACAO_ORIGEM,'DD/MM/YYYY')\";\"CO_TIPO_ESTABELECIMENTO\";"
                         "\"CO_ATIVIDADE_PRINCIPAL\";\"ST_CONTRATO_FORMALIZADO\";\"CO_TIPO_ABRANGENCIA\";\"ST_COWORKING\"",
                         error);
  char unit[14];

  if (es == NULL)
    return FALSE;
  for (guint64 k = 0; k < MAX (o->estab_rows, o->national_teams); k++)
    {
      const char *mun;
      gboolean in_state = FALSE;

      if (k < o->national_teams)
        {
          mun = team_mun (g, (guint) k, &in_state);
          make_unit (mun, k, unit);
        }
      else
        {
          mun = g->other_muns->pdata[k % g->other_muns->len];
          make_unit (mun, 500000 + k, unit);
        }
      fprintf (es, "\"%s\";\"%s\";\"%014" G_GUINT64_FORMAT "\";\"3\";\"3\";\"SECRETARIA MUNICIPAL DE SA\xda" "DE DE %s\";"
                   "\"UNIDADE B\xc1SICA DE SA\xda" "DE %" G_GUINT64_FORMAT "\";\"RUA CORONEL JO\xc3O PESSOA\";\"%u\";\"\";"
                   "\"CENTRO\";\"%05u000\";\"%s%03u\";\"\";\"\";\"\";\"(51)3333%04u\";\"\";\"UBS%" G_GUINT64_FORMAT
                   "@SAUDE.GOV.BR\";\"\";\"\";\"04\";\"03\";\"\";\"\";\"\";\"\";\"\";\"02\";\"03\";\"%.2s\";\"%s\";"
                   "\"12/08/2025\";\"GESTOR%u\";\"\";\"\";\"\";\"\";\"\";\"-30.%06u\";\"-51.%06u\";\"12/08/2025\";"
                   "\"GESTOR\";\"1244\";\"N\";\"N\";\"S\";\"02\";\"UBS %" G_GUINT64_FORMAT "\";\"M\";\"12/08/2025\";"
                   "\"001\";\"001\";\"S\";\"1\";\"N\"\r\n",
               unit, unit + 6, k * 7 % G_GUINT64_CONSTANT (100000000000000), mun, k, (guint) (k % 9999),
               (guint) (k % 99999), mun, (guint) (k % 999), (guint) (k % 9999), k, mun, mun, (guint) (k % 997),
               (guint) (k % 999999), (guint) (k * 7 % 999999), k);
    }
  return close_table (es, dir, error);
}

/* Tables of the base the import does not read, so the ZIP holds what it must skip. */
static gboolean
write_unneeded (Gen *g, const char *dir, GError **error)
{
  const CnesRealOptions *o = g->o;
  FILE *f = open_table (dir, "rlEstabServClass", o->competencia,
                        "\"CO_UNIDADE\";\"CO_SERVICO\";\"CO_CLASSIFICACAO\";\"TP_CARACTERISTICA\";\"CO_CNPJCPF\";"
                        "\"CO_AMBULATORIAL\";\"CO_AMBULATORIAL_SUS\";\"CO_HOSPITALAR\";\"CO_HOSPITALAR_SUS\";"
                        "\"CO_END_COMPL\";\"ST_ATIVO_SN\";\"TO_CHAR(DT_ATUALIZACAO,'DD/MM/YYYY')\";\"CO_USUARIO\"", error);
  char unit[14];

  if (f == NULL)
    return FALSE;
  for (guint64 k = 0; k < o->unneeded_rows; k++)
    {
      make_unit (g->other_muns->pdata[k % g->other_muns->len], k / 3, unit);
      fprintf (f, "\"%s\";\"%03u\";\"%03u\";\"1\";\"\";\"1\";\"1\";\"2\";\"2\";\"\";\"S\";\"12/08/2025\";\"GESTOR%u\"\r\n",
               unit, (guint) (100 + k % 80), (guint) (1 + k % 9), (guint) (k % 997));
    }
  if (!close_table (f, dir, error))
    return FALSE;
  f = open_table (dir, "rlEstabComplementar", o->competencia,
                  "\"CO_UNIDADE\";\"CO_LEITO\";\"CO_TIPO_LEITO\";\"QT_EXIST\";\"QT_CONTR\";\"QT_SUS\";"
                  "\"TO_CHAR(DT_ATUALIZACAO,'DD/MM/YYYY')\";\"CO_USUARIO\"", error);
  if (f == NULL)
    return FALSE;
  for (guint64 k = 0; k < o->unneeded_rows * 2 / 3; k++)
    {
      make_unit (g->other_muns->pdata[k % g->other_muns->len], k, unit);
      fprintf (f, "\"%s\";\"%02u\";\"%u\";\"%u\";\"0\";\"%u\";\"12/08/2025\";\"GESTOR%u\"\r\n", unit,
               (guint) (1 + k % 90), (guint) (1 + k % 7), (guint) (k % 40), (guint) (k % 30), (guint) (k % 997));
    }
  if (!close_table (f, dir, error))
    return FALSE;
  f = open_table (dir, "tbMunicipio", o->competencia,
                  "\"CO_MUNICIPIO\";\"NO_MUNICIPIO\";\"CO_SIGLA_ESTADO\";\"CO_CSAFI\";\"CO_MUNICIPIO_ANTERIOR\"", error);
  if (f == NULL)
    return FALSE;
  for (guint i = 0; i < g->other_muns->len; i++)
    fprintf (f, "\"%s\";\"MUNIC\xcdPIO %u\";\"XX\";\"\";\"\"\r\n", (const char *) g->other_muns->pdata[i], i);
  return close_table (f, dir, error);
}

gboolean
cnes_real_write_zip (const char *dir, const char *zip_path, const CnesRealOptions *o, GError **error)
{
  const CoordenaReference *ref = coordena_reference_get (error);
  g_autoptr(GPtrArray) state_muns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) other_muns = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tmp_zip = g_strconcat (zip_path, ".part", NULL);
  Gen g = { o, state_muns, other_muns, 0 };
  int status = 0;

  if (ref == NULL)
    return FALSE;
  for (guint uf = 11; uf <= 53; uf++)
    {
      g_autoptr(GPtrArray) of_uf = coordena_reference_municipios_of_uf (ref, uf);

      for (guint i = 0; i < of_uf->len; i++)
        g_ptr_array_add (uf == o->uf_code ? state_muns : other_muns,
                         g_strdup (((const CoordenaMunicipio *) of_uf->pdata[i])->ibge6));
    }
  if (state_muns->len == 0 || other_muns->len == 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "no municipality for UF %u", o->uf_code);
      return FALSE;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", dir, g_strerror (errno));
      return FALSE;
    }
  if (!write_equipe_and_members (&g, dir, error) || !write_carga (&g, dir, error) || !write_dados (&g, dir, error)
      || !write_estab (&g, dir, error) || !write_unneeded (&g, dir, error))
    return FALSE;

  {
    /* zip's default deflate, entries at the root; the CSV files go as soon as they are in. */
    const char *argv[] = { "sh", "-c", "cd \"$0\" && rm -f \"$1\" && nice -n 19 zip -q -m \"$1\" *.csv", dir, tmp_zip,
                           NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, error))
      return FALSE;
    if (!g_spawn_check_wait_status (status, error))
      return FALSE;
  }
  if (g_rename (tmp_zip, zip_path) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", zip_path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
