/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import-cnes.c — the CNES open-data base (BASE_DE_DADOS_CNES_AAAAMM.ZIP or a folder of its CSVs)
 * into the store, for the database's state and the chosen competências.
 *
 * The tables are streamed one after the other (a ZIP member straight out of libarchive, never
 * unpacked to disk), each record filtered as it passes, so memory holds only the state's teams and
 * members and the keys they need from the two big tables. Nothing is written until every table is
 * read; then one transaction writes it all. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <coordena/csv.h>
#include <coordena/error.h>
#include <coordena/format.h>
#include <coordena/ids.h>
#include <coordena/import.h>
#include <coordena/reference.h>
#include <coordena/ruleset.h>

#include "import-private.h"
#include "store-internal.h"
#include "lazy-library.h"

/* libarchive is loaded the first time a ZIP is read (lazy-library.h). */
#define ZIP_API(F) \
  F (archive_entry_pathname) F (archive_entry_size) F (archive_entry_size_is_set) F (archive_errno) \
  F (archive_error_string) F (archive_read_data) F (archive_read_data_skip) F (archive_read_free) \
  F (archive_read_new) F (archive_read_next_header) F (archive_read_open_filename) \
  F (archive_read_support_format_zip)

static struct {
  ZIP_API (COORDENA_LAZY_FIELD)
} zip;

static gboolean
zip_load (GError **error)
{
  static CoordenaLazyLibrary libarchive = { "libarchive.so.13", "libarchive13", N_("reading the CNES base"), 0, NULL };
  static const char *const names[] = { ZIP_API (COORDENA_LAZY_NAME) };

  return coordena_lazy_library_load (&libarchive, names, (gpointer *) &zip, G_N_ELEMENTS (names), error);
}

#define CHUNK_SIZE (256 * 1024)

/* Off only where a fuzzer compares the two readings (import-private.h). */
static gboolean use_fast_path = TRUE;

void
coordena_import_cnes_set_fast_path_for_testing (gboolean enabled)
{
  use_fast_path = enabled;
}

typedef enum {
  TABLE_EQUIPE,
  TABLE_MEMBROS,
  TABLE_CARGA,
  TABLE_PROFISSIONAL,
  TABLE_ESTABELECIMENTO,
  N_TABLES
} Table;

static const char *const table_names[N_TABLES] = {
  "tbEquipe", "rlEstabEquipeProf", "tbCargaHorariaSus", "tbDadosProfissionalSus", "tbEstabelecimento",
};

static const gboolean table_required[N_TABLES] = { TRUE, TRUE, TRUE, TRUE, FALSE };

typedef struct {
  char *ine;
  char *ibge7;
  char *unidade;          /* CO_UNIDADE: 6-digit municipality + 7-digit CNES */
  char *tp_equipe;
  char *subtipo;
  char *nome;
  guint ativacao;         /* AAAAMMDD */
  guint desativacao;      /* AAAAMMDD, 0 = active */
  GPtrArray *members;     /* Member*, owned by the import */
} Team;

typedef struct {
  Team *team;
  const char *prof;       /* CO_PROFISSIONAL_SUS, interned */
  const char *unidade;    /* interned */
  char cbo[7];
  guint entrada;
  guint desligamento;
  guint64 line;
  guint *hours;           /* shared with the workload table's key */
} Member;

typedef struct {
  const char *cns;        /* interned, NULL until tbDadosProfissionalSus */
  const char *nome;
  guint64 line;
} Person;

typedef struct {
  /* Where and what. */
  const char *path;
  gboolean is_zip;
  char *members[N_TABLES];        /* file path (folder) or entry name (ZIP) */
  char *display[N_TABLES];        /* the same as messages name it: "BASE….ZIP:tbEquipe202508.csv" */
  guint64 sizes[N_TABLES];
  guint64 total_bytes;
  guint64 done_bytes;
  char uf_code[3];
  const CoordenaCompetencia *competencias;
  guint n_competencias;
  CoordenaCompetencia first, last;
  const CoordenaReference *ref;
  const CoordenaCboMap *cbo_map;

  CoordenaImportProgressFunc progress;
  gpointer progress_data;
  GCancellable *cancellable;
  gint64 last_progress_us;
  CoordenaImportReport *report;

  /* What the tables give. */
  GStringChunk *strings;
  GHashTable *interned;           /* string → same string in the chunk */
  GHashTable *teams;              /* "mun6:seq" → Team* */
  GPtrArray *team_list;           /* Team*, owned */
  GPtrArray *member_list;         /* Member*, owned */
  GHashTable *hours;              /* "unidade|prof|cbo" → guint* */
  GHashTable *people;             /* prof → Person* */
  GHashTable *units;              /* unidade → char *[2] {cnes, nome} or NULL */

  /* Counts for the report's notes. */
  guint64 rows[N_TABLES];
  guint64 kept[N_TABLES];
  guint n_teams_inactive;
  guint n_members_left;
  guint n_members_no_team;

  /* The table being read and its column ids. */
  Table current;
  int col[16];
} Import;

enum {
  /* tbEquipe */
  EQ_MUNICIPIO, EQ_SEQ, EQ_UNIDADE, EQ_TIPO, EQ_SUBTIPO, EQ_NOME, EQ_ATIVACAO, EQ_DESATIVACAO, EQ_INE,
};
enum {
  /* rlEstabEquipeProf */
  RL_MUNICIPIO, RL_SEQ, RL_PROF, RL_UNIDADE, RL_CBO, RL_ENTRADA, RL_DESLIGAMENTO,
};
enum {
  /* tbCargaHorariaSus */
  CH_UNIDADE, CH_PROF, CH_CBO, CH_AMB, CH_OUTROS, CH_HOSP,
};
enum {
  /* tbDadosProfissionalSus */
  DP_PROF, DP_NOME, DP_CNS,
};
enum {
  /* tbEstabelecimento */
  ES_UNIDADE, ES_CNES, ES_NOME,
};

static const char *
intern (Import *im, const char *s)
{
  const char *found = g_hash_table_lookup (im->interned, s);

  if (found == NULL)
    {
      found = g_string_chunk_insert (im->strings, s);
      g_hash_table_add (im->interned, (gpointer) found);
    }
  return found;
}

static void
team_free (gpointer p)
{
  Team *t = p;

  g_free (t->ine);
  g_free (t->ibge7);
  g_free (t->unidade);
  g_free (t->tp_equipe);
  g_free (t->subtipo);
  g_free (t->nome);
  g_ptr_array_unref (t->members);
  g_free (t);
}

static void
units_value_free (gpointer p)
{
  g_strfreev (p);
}

/* "DD/MM/AAAA" → AAAAMMDD; empty → 0 with *ok TRUE; anything else → *ok FALSE. */
static guint
parse_date (const char *text, gboolean *ok)
{
  guint d, m, y;

  *ok = TRUE;
  while (*text == ' ')
    text++;
  if (*text == '\0')
    return 0;
  if (strlen (text) < 10 || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) || text[2] != '/'
      || !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]) || text[5] != '/'
      || !g_ascii_isdigit (text[6]) || !g_ascii_isdigit (text[7]) || !g_ascii_isdigit (text[8])
      || !g_ascii_isdigit (text[9]))
    {
      *ok = FALSE;
      return 0;
    }
  d = (guint) ((text[0] - '0') * 10 + (text[1] - '0'));
  m = (guint) ((text[3] - '0') * 10 + (text[4] - '0'));
  y = (guint) ((text[6] - '0') * 1000 + (text[7] - '0') * 100 + (text[8] - '0') * 10 + (text[9] - '0'));
  if (d < 1 || d > 31 || m < 1 || m > 12 || y < 1900)
    {
      *ok = FALSE;
      return 0;
    }
  return y * 10000 + m * 100 + d;
}

static char *
iso_date (guint date)
{
  return date == 0 ? NULL : g_strdup_printf ("%04u-%02u-%02u", date / 10000, date / 100 % 100, date % 100);
}

/* CNES.md: in the roster of c when start ≤ the month's last day and end is empty or after its first. */
static gboolean
active_in (guint start, guint end, CoordenaCompetencia c)
{
  return start <= c * 100 + 31 && (end == 0 || end > c * 100 + 1);
}

static gboolean
active_in_any (Import *im, guint start, guint end)
{
  for (guint i = 0; i < im->n_competencias; i++)
    if (active_in (start, end, im->competencias[i]))
      return TRUE;
  return FALSE;
}

static gboolean
has_blank_edge (const char *s)
{
  gsize n = strlen (s);

  return n > 0 && (g_ascii_isspace (s[0]) || g_ascii_isspace (s[n - 1]));
}

static char *
trimmed (const char *s)
{
  return g_strstrip (g_strdup (s));
}

/* A numeric code ("070" → 70); G_MAXUINT64 when empty or not a number. */
static guint64
code_number (const char *text)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &value, NULL))
    return G_MAXUINT64;
  return value;
}

/* ---- Per-table record handlers --------------------------------------------------------------- */

static gboolean
on_equipe (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, gpointer data, GError **error)
{
  Import *im = data;
  const char *mun = coordena_csv_record_get (reader, record, im->col[EQ_MUNICIPIO]);
  g_autofree char *seq = NULL;
  g_autofree char *ine = NULL;
  g_autofree char *key = NULL;
  const CoordenaMunicipio *m;
  gboolean ok_a, ok_d;
  guint ativacao, desativacao;
  Team *t;

  im->rows[TABLE_EQUIPE]++;
  if (strncmp (mun, im->uf_code, 2) != 0)
    return TRUE;
  im->kept[TABLE_EQUIPE]++;

  m = coordena_reference_find_municipio (im->ref, mun);
  if (m == NULL)
    {
      coordena_import_report_skip (im->report,
        coordena_csv_format_message (reader, record, im->col[EQ_MUNICIPIO], _("unknown municipality “%s”"), mun));
      return TRUE;
    }
  ativacao = parse_date (coordena_csv_record_get (reader, record, im->col[EQ_ATIVACAO]), &ok_a);
  desativacao = parse_date (coordena_csv_record_get (reader, record, im->col[EQ_DESATIVACAO]), &ok_d);
  if (!ok_a || ativacao == 0)
    {
      coordena_import_report_skip (im->report,
        coordena_csv_format_message (reader, record, im->col[EQ_ATIVACAO], _("invalid activation date “%s”"),
                                     coordena_csv_record_get (reader, record, im->col[EQ_ATIVACAO])));
      return TRUE;
    }
  if (!ok_d)
    {
      coordena_import_report_skip (im->report,
        coordena_csv_format_message (reader, record, im->col[EQ_DESATIVACAO], _("invalid deactivation date “%s”"),
                                     coordena_csv_record_get (reader, record, im->col[EQ_DESATIVACAO])));
      return TRUE;
    }
  if (!active_in_any (im, ativacao, desativacao))
    {
      im->n_teams_inactive++;
      return TRUE;
    }

  seq = trimmed (coordena_csv_record_get (reader, record, im->col[EQ_SEQ]));
  ine = trimmed (coordena_csv_record_get (reader, record, im->col[EQ_INE]));
  /* Old files leave CO_EQUIPE empty: the INE is then SEQ_EQUIPE padded to ten digits. */
  if (*ine == '\0' && strlen (seq) <= 10 && coordena_is_digits (seq, strlen (seq)) && *seq != '\0')
    {
      g_free (ine);
      ine = g_strdup_printf ("%010" G_GUINT64_FORMAT, g_ascii_strtoull (seq, NULL, 10));
    }
  else if (*ine != '\0' && strlen (ine) < 10 && coordena_is_digits (ine, strlen (ine)))
    {
      char *padded = g_strdup_printf ("%010" G_GUINT64_FORMAT, g_ascii_strtoull (ine, NULL, 10));

      g_free (ine);
      ine = padded;
    }
  if (!coordena_is_digits (ine, 10))
    {
      coordena_import_report_skip (im->report,
        coordena_csv_format_message (reader, record, im->col[EQ_INE], _("invalid INE “%s”"), ine));
      return TRUE;
    }
  if (!coordena_ine_check_digit_ok (ine))
    coordena_import_report_warn (im->report,
      coordena_csv_format_message (reader, record, im->col[EQ_INE], _("the INE %s fails the check digit"), ine));

  key = g_strdup_printf ("%s:%s", mun, seq);
  if (g_hash_table_contains (im->teams, key))
    {
      coordena_import_report_skip (im->report,
        coordena_csv_format_message (reader, record, im->col[EQ_SEQ], _("team %s listed twice"), seq));
      return TRUE;
    }
  t = g_new0 (Team, 1);
  t->ine = g_steal_pointer (&ine);
  t->ibge7 = g_strdup (m->ibge7);
  t->unidade = trimmed (coordena_csv_record_get (reader, record, im->col[EQ_UNIDADE]));
  t->tp_equipe = trimmed (coordena_csv_record_get (reader, record, im->col[EQ_TIPO]));
  if (code_number (t->tp_equipe) < 100)
    {
      /* Stored the way CNES writes it today: two digits. */
      char *two = g_strdup_printf ("%02u", (guint) code_number (t->tp_equipe));

      g_free (t->tp_equipe);
      t->tp_equipe = two;
    }
  t->subtipo = trimmed (coordena_csv_record_get (reader, record, im->col[EQ_SUBTIPO]));
  t->nome = trimmed (coordena_csv_record_get (reader, record, im->col[EQ_NOME]));
  t->ativacao = ativacao;
  t->desativacao = desativacao;
  t->members = g_ptr_array_new ();
  g_ptr_array_add (im->team_list, t);
  g_hash_table_insert (im->teams, g_steal_pointer (&key), t);
  if (*t->unidade != '\0' && !g_hash_table_contains (im->units, t->unidade))
    g_hash_table_insert (im->units, (gpointer) intern (im, t->unidade), NULL);
  return TRUE;
}

static gboolean
on_membro (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, gpointer data, GError **error)
{
  Import *im = data;
  const char *mun = coordena_csv_record_get (reader, record, im->col[RL_MUNICIPIO]);
  g_autofree char *seq = NULL;
  g_autofree char *key = NULL;
  g_autofree char *prof = NULL;
  g_autofree char *unidade = NULL;
  g_autofree char *cbo = NULL;
  g_autofree char *hkey = NULL;
  gboolean ok_e, ok_d;
  guint entrada, desligamento;
  guint *hours;
  Member *mb;
  Team *t;

  im->rows[TABLE_MEMBROS]++;
  if (strncmp (mun, im->uf_code, 2) != 0)
    return TRUE;
  seq = trimmed (coordena_csv_record_get (reader, record, im->col[RL_SEQ]));
  key = g_strdup_printf ("%s:%s", mun, seq);
  t = g_hash_table_lookup (im->teams, key);
  if (t == NULL)
    {
      im->n_members_no_team++;
      return TRUE;
    }
  im->kept[TABLE_MEMBROS]++;
  entrada = parse_date (coordena_csv_record_get (reader, record, im->col[RL_ENTRADA]), &ok_e);
  desligamento = parse_date (coordena_csv_record_get (reader, record, im->col[RL_DESLIGAMENTO]), &ok_d);
  if (!ok_e || entrada == 0 || !ok_d)
    {
      int bad = (!ok_e || entrada == 0) ? im->col[RL_ENTRADA] : im->col[RL_DESLIGAMENTO];

      coordena_import_report_skip (im->report,
        coordena_csv_format_message (reader, record, bad, _("invalid date “%s”"),
                                     coordena_csv_record_get (reader, record, bad)));
      return TRUE;
    }
  if (!active_in_any (im, entrada, desligamento))
    {
      im->n_members_left++;
      return TRUE;
    }
  cbo = trimmed (coordena_csv_record_get (reader, record, im->col[RL_CBO]));
  if (strlen (cbo) != 6)
    {
      coordena_import_report_skip (im->report,
        coordena_csv_format_message (reader, record, im->col[RL_CBO], _("invalid CBO “%s”"), cbo));
      return TRUE;
    }
  prof = trimmed (coordena_csv_record_get (reader, record, im->col[RL_PROF]));
  unidade = trimmed (coordena_csv_record_get (reader, record, im->col[RL_UNIDADE]));

  mb = g_new0 (Member, 1);
  mb->team = t;
  mb->prof = intern (im, prof);
  mb->unidade = intern (im, unidade);
  memcpy (mb->cbo, cbo, 7);
  mb->entrada = entrada;
  mb->desligamento = desligamento;
  mb->line = record->line;
  hkey = g_strdup_printf ("%s|%s|%s", unidade, prof, cbo);
  hours = g_hash_table_lookup (im->hours, hkey);
  if (hours == NULL)
    {
      hours = g_new0 (guint, 1);
      *hours = G_MAXUINT; /* no workload row yet */
      g_hash_table_insert (im->hours, g_steal_pointer (&hkey), hours);
    }
  mb->hours = hours;
  if (!g_hash_table_contains (im->people, mb->prof))
    g_hash_table_insert (im->people, (gpointer) mb->prof, g_new0 (Person, 1));
  g_ptr_array_add (im->member_list, mb);
  g_ptr_array_add (t->members, mb);
  return TRUE;
}

static guint
parse_hours (const char *text)
{
  guint64 v = g_ascii_strtoull (text, NULL, 10);

  return (guint) MIN (v, 168);
}

static gboolean
on_carga (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, gpointer data, GError **error)
{
  Import *im = data;
  const char *unidade = coordena_csv_record_get (reader, record, im->col[CH_UNIDADE]);
  char key[128];
  guint *hours;
  guint sum;

  im->rows[TABLE_CARGA]++;
  /* CO_UNIDADE starts with the municipality, so the state's rows are known at a glance. */
  while (*unidade == ' ')
    unidade++;
  if (strncmp (unidade, im->uf_code, 2) != 0)
    return TRUE;
  g_snprintf (key, sizeof key, "%s|%s|%s", unidade, coordena_csv_record_get (reader, record, im->col[CH_PROF]),
              coordena_csv_record_get (reader, record, im->col[CH_CBO]));
  hours = g_hash_table_lookup (im->hours, key);
  if (hours == NULL && !has_blank_edge (unidade)
      && !has_blank_edge (coordena_csv_record_get (reader, record, im->col[CH_PROF]))
      && !has_blank_edge (coordena_csv_record_get (reader, record, im->col[CH_CBO])))
    return TRUE;
  if (hours == NULL)
    {
      /* Rare: blanks around the values. */
      g_autofree char *u = trimmed (unidade);
      g_autofree char *p = trimmed (coordena_csv_record_get (reader, record, im->col[CH_PROF]));
      g_autofree char *c = trimmed (coordena_csv_record_get (reader, record, im->col[CH_CBO]));

      g_snprintf (key, sizeof key, "%s|%s|%s", u, p, c);
      hours = g_hash_table_lookup (im->hours, key);
      if (hours == NULL)
        return TRUE;
    }
  im->kept[TABLE_CARGA]++;
  sum = parse_hours (coordena_csv_record_get (reader, record, im->col[CH_AMB]))
        + parse_hours (coordena_csv_record_get (reader, record, im->col[CH_OUTROS]))
        + parse_hours (coordena_csv_record_get (reader, record, im->col[CH_HOSP]));
  /* One professional may hold several bonds for the same unit and CBO: their hours add up. */
  *hours = (*hours == G_MAXUINT ? 0 : *hours) + sum;
  return TRUE;
}

static gboolean
on_profissional (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, gpointer data, GError **error)
{
  Import *im = data;
  const char *prof = coordena_csv_record_get (reader, record, im->col[DP_PROF]);
  Person *p;

  im->rows[TABLE_PROFISSIONAL]++;
  p = g_hash_table_lookup (im->people, prof);
  if (p == NULL && !has_blank_edge (prof))
    return TRUE;
  if (p == NULL)
    {
      g_autofree char *t = trimmed (prof);

      if (*t == '\0' || (p = g_hash_table_lookup (im->people, t)) == NULL)
        return TRUE;
    }
  im->kept[TABLE_PROFISSIONAL]++;
  {
    g_autofree char *cns = trimmed (coordena_csv_record_get (reader, record, im->col[DP_CNS]));
    g_autofree char *nome = trimmed (coordena_csv_record_get (reader, record, im->col[DP_NOME]));

    if (p->line != 0 && p->cns != NULL)
      {
        /* One CNES person with two CNS: the first row is kept, and the user is told which. */
        if (*cns != '\0' && g_strcmp0 (p->cns, cns) != 0)
          {
            g_autofree char *first = coordena_cns_mask (p->cns);
            g_autofree char *second = coordena_cns_mask (cns);

            coordena_import_report_warn (im->report,
              coordena_csv_format_message (reader, record, im->col[DP_CNS],
                                           _("professional %s has the CNS %s here and %s on line %u; the one on "
                                             "line %u is kept: correct the CNES record"),
                                           prof, second, first, (guint) p->line, (guint) p->line));
          }
        return TRUE;
      }
    p->cns = *cns != '\0' ? intern (im, cns) : NULL;
    p->nome = *nome != '\0' ? intern (im, nome) : NULL;
    p->line = record->line;
  }
  return TRUE;
}

static gboolean
on_estabelecimento (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, gpointer data, GError **error)
{
  Import *im = data;
  g_autofree char *unidade = trimmed (coordena_csv_record_get (reader, record, im->col[ES_UNIDADE]));
  char **value;

  im->rows[TABLE_ESTABELECIMENTO]++;
  if (strncmp (unidade, im->uf_code, 2) != 0 || !g_hash_table_contains (im->units, unidade))
    return TRUE;
  im->kept[TABLE_ESTABELECIMENTO]++;
  value = g_new0 (char *, 3);
  value[0] = trimmed (coordena_csv_record_get (reader, record, im->col[ES_CNES]));
  value[1] = trimmed (coordena_csv_record_get (reader, record, im->col[ES_NOME]));
  g_hash_table_replace (im->units, (gpointer) intern (im, unidade), value);
  return TRUE;
}

/* ---- Filters: most rows of the big tables are dropped from a glance at one or two fields ---- */

static gboolean
raw_blank_edge (const char *s, gsize len)
{
  return len > 0 && (g_ascii_isspace (s[0]) || g_ascii_isspace (s[len - 1]));
}

/* Whether a peeked value is a key of table; TRUE (keep) when it cannot be told cheaply. */
static gboolean
raw_in (GHashTable *table, const char *s, gsize len)
{
  char key[64];

  if (len >= sizeof key || raw_blank_edge (s, len))
    return TRUE;
  memcpy (key, s, len);
  key[len] = '\0';
  return g_hash_table_contains (table, key);
}

/* FALSE when the peeked column's value does not start with the state's code, as the record
 * handlers compare it (after leading spaces when skip_spaces). */
static gboolean
raw_of_uf (Import *im, CoordenaCsvReader *reader, int column, gboolean skip_spaces)
{
  const char *s;
  gsize len;

  if (!coordena_csv_reader_peek (reader, column, &s, &len))
    return TRUE;
  while (skip_spaces && len > 0 && *s == ' ')
    s++, len--;
  return len >= 2 && s[0] == im->uf_code[0] && s[1] == im->uf_code[1];
}

static gboolean
filter_row (CoordenaCsvReader *reader, gpointer data)
{
  Import *im = data;
  const char *s;
  gsize len;
  gboolean keep = TRUE;

  switch (im->current)
    {
    case TABLE_EQUIPE:
      keep = raw_of_uf (im, reader, im->col[EQ_MUNICIPIO], FALSE);
      break;
    case TABLE_MEMBROS:
      keep = raw_of_uf (im, reader, im->col[RL_MUNICIPIO], FALSE);
      break;
    case TABLE_CARGA:
      /* Only the professionals of the state's teams have a workload key. */
      keep = raw_of_uf (im, reader, im->col[CH_UNIDADE], TRUE)
             && (!coordena_csv_reader_peek (reader, im->col[CH_PROF], &s, &len) || raw_in (im->people, s, len));
      break;
    case TABLE_PROFISSIONAL:
      keep = !coordena_csv_reader_peek (reader, im->col[DP_PROF], &s, &len) || raw_in (im->people, s, len);
      break;
    case TABLE_ESTABELECIMENTO:
      keep = !coordena_csv_reader_peek (reader, im->col[ES_UNIDADE], &s, &len) || raw_in (im->units, s, len);
      break;
    case N_TABLES:
    default:
      g_assert_not_reached ();
    }
  if (!keep)
    im->rows[im->current]++;
  return keep;
}

/* ---- Finding and streaming the tables ---------------------------------------------------------- */

/* What went wrong with the ZIP in Portuguese, libarchive's own text in parentheses. */
static void
set_archive_error (GError **error, struct archive *a, const char *path)
{
  const char *message = zip.archive_error_string (a);
  int code = zip.archive_errno (a);

  if (message == NULL || *message == '\0')
    g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                 _("The ZIP %s ends before its contents do: it was cut short while downloading or copying. Download "
                   "the CNES base again. Nothing was imported."),
                 path);
  else if (code == EILSEQ || code == -1) /* libarchive's ARCHIVE_ERRNO_FILE_FORMAT and _MISC */
    g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                 _("%s is not a ZIP file nor a folder: give the BASE_DE_DADOS_CNES_AAAAMM.ZIP downloaded from "
                   "DATASUS, or the folder its CSV files were unpacked into. Nothing was imported (libarchive: %s)."),
                 path, message);
  else
    g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                 _("The ZIP %s is damaged or cannot be read: download the CNES base again. Nothing was imported "
                   "(libarchive: %s)."),
                 path, message);
}

/* "tbEquipe202508.csv" (any case, any folder inside a ZIP) → TABLE_EQUIPE and 202508. */
static gboolean
match_table (const char *name, Table *table, CoordenaCompetencia *c)
{
  g_autofree char *base = g_path_get_basename (name);
  gsize len = strlen (base);

  if (len < 4 || g_ascii_strcasecmp (base + len - 4, ".csv") != 0)
    return FALSE;
  for (int t = 0; t < N_TABLES; t++)
    {
      gsize n = strlen (table_names[t]);

      g_autofree char *digits = NULL;

      if (len != n + 6 + 4 || g_ascii_strncasecmp (base, table_names[t], n) != 0)
        continue;
      digits = g_strndup (base + n, 6);
      if (coordena_is_digits (digits, 6))
        {
          *table = (Table) t;
          *c = (CoordenaCompetencia) g_ascii_strtoull (digits, NULL, 10);
          return TRUE;
        }
    }
  return FALSE;
}

/* Picks, for a table seen in several months, the file of the latest requested competência, or else
 * the latest file. */
static void
consider (Import *im, CoordenaCompetencia *chosen, const char *name, guint64 size)
{
  Table t;
  CoordenaCompetencia c;
  gboolean wanted, had_wanted;

  if (!match_table (name, &t, &c))
    return;
  wanted = c == im->last;
  had_wanted = chosen[t] == im->last;
  if (im->members[t] == NULL || (wanted && !had_wanted) || (!had_wanted && c > chosen[t]))
    {
      g_free (im->members[t]);
      im->members[t] = g_strdup (name);
      im->sizes[t] = size;
      chosen[t] = c;
    }
}

static gboolean
locate_tables (Import *im, GError **error)
{
  CoordenaCompetencia chosen[N_TABLES] = { 0 };

  if (im->is_zip && !zip_load (error))
    return FALSE;
  if (im->is_zip)
    {
      struct archive *a = zip.archive_read_new ();
      struct archive_entry *entry;
      int rc;

      zip.archive_read_support_format_zip (a);
      if (zip.archive_read_open_filename (a, im->path, CHUNK_SIZE) != ARCHIVE_OK)
        {
          set_archive_error (error, a, im->path);
          zip.archive_read_free (a);
          return FALSE;
        }
      while ((rc = zip.archive_read_next_header (a, &entry)) == ARCHIVE_OK)
        {
          const char *name = zip.archive_entry_pathname (entry);

          if (name != NULL)
            consider (im, chosen, name, zip.archive_entry_size_is_set (entry) ? (guint64) zip.archive_entry_size (entry) : 0);
          zip.archive_read_data_skip (a);
        }
      if (rc != ARCHIVE_EOF)
        {
          set_archive_error (error, a, im->path);
          zip.archive_read_free (a);
          return FALSE;
        }
      zip.archive_read_free (a);
    }
  else
    {
      g_autoptr(GDir) dir = g_dir_open (im->path, 0, error);
      const char *name;

      if (dir == NULL)
        return FALSE;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *full = g_build_filename (im->path, name, NULL);
          GStatBuf st;

          if (g_stat (full, &st) == 0 && S_ISREG (st.st_mode))
            consider (im, chosen, full, (guint64) st.st_size);
        }
    }

  /* A snapshot tells nothing of the months after it. */
  if (im->members[TABLE_EQUIPE] != NULL && im->last > chosen[TABLE_EQUIPE])
    {
      g_autofree char *base = coordena_competencia_format (chosen[TABLE_EQUIPE]);
      g_autofree char *asked = coordena_competencia_format (im->last);

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("%s is the CNES base of %s: it cannot give the competência %s, which comes after it"),
                   im->path, base, asked);
      return FALSE;
    }
  for (int t = 0; t < N_TABLES; t++)
    {
      if (im->members[t] == NULL && table_required[t])
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("%s holds no %sAAAAMM.csv: it is not a CNES base (BASE_DE_DADOS_CNES_AAAAMM)"),
                       im->path, table_names[t]);
          return FALSE;
        }
      im->total_bytes += im->sizes[t];
      if (im->members[t] != NULL)
        im->display[t] = im->is_zip ? g_strdup_printf ("%s:%s", im->path, im->members[t]) : g_strdup (im->members[t]);
    }
  return TRUE;
}

static gboolean
check_cancel (Import *im, GError **error)
{
  if (g_cancellable_is_cancelled (im->cancellable))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Import cancelled; nothing was changed."));
      return FALSE;
    }
  return TRUE;
}

static void
report_progress (Import *im, const char *stage, gboolean force)
{
  gint64 now = g_get_monotonic_time ();

  if (im->progress == NULL || (!force && now - im->last_progress_us < 100000))
    return;
  im->last_progress_us = now;
  im->progress (im->total_bytes > 0 ? MIN (1.0, (double) im->done_bytes / (double) im->total_bytes) * 0.95 : -1,
                stage, im->progress_data);
}

/* Declares the table's columns by name (never by position). */
static void
declare_columns (Import *im, CoordenaCsvReader *reader, Table t)
{
  switch (t)
    {
    case TABLE_EQUIPE:
      im->col[EQ_MUNICIPIO] = coordena_csv_reader_add_column (reader, "CO_MUNICIPIO", TRUE);
      im->col[EQ_SEQ] = coordena_csv_reader_add_column (reader, "SEQ_EQUIPE", TRUE);
      im->col[EQ_UNIDADE] = coordena_csv_reader_add_column (reader, "CO_UNIDADE", TRUE);
      im->col[EQ_TIPO] = coordena_csv_reader_add_column (reader, "TP_EQUIPE", TRUE);
      im->col[EQ_SUBTIPO] = coordena_csv_reader_add_column (reader, "CO_SUB_TIPO_EQUIPE", FALSE);
      im->col[EQ_NOME] = coordena_csv_reader_add_column (reader, "NO_REFERENCIA", FALSE);
      im->col[EQ_ATIVACAO] = coordena_csv_reader_add_column (reader, "DT_ATIVACAO", TRUE);
      im->col[EQ_DESATIVACAO] = coordena_csv_reader_add_column (reader, "DT_DESATIVACAO", TRUE);
      im->col[EQ_INE] = coordena_csv_reader_add_column (reader, "CO_EQUIPE", FALSE);
      break;
    case TABLE_MEMBROS:
      im->col[RL_MUNICIPIO] = coordena_csv_reader_add_column (reader, "CO_MUNICIPIO", TRUE);
      im->col[RL_SEQ] = coordena_csv_reader_add_column (reader, "SEQ_EQUIPE", TRUE);
      im->col[RL_PROF] = coordena_csv_reader_add_column (reader, "CO_PROFISSIONAL_SUS", TRUE);
      im->col[RL_UNIDADE] = coordena_csv_reader_add_column (reader, "CO_UNIDADE", TRUE);
      im->col[RL_CBO] = coordena_csv_reader_add_column (reader, "CO_CBO", TRUE);
      im->col[RL_ENTRADA] = coordena_csv_reader_add_column (reader, "DT_ENTRADA", TRUE);
      im->col[RL_DESLIGAMENTO] = coordena_csv_reader_add_column (reader, "DT_DESLIGAMENTO", TRUE);
      break;
    case TABLE_CARGA:
      im->col[CH_UNIDADE] = coordena_csv_reader_add_column (reader, "CO_UNIDADE", TRUE);
      im->col[CH_PROF] = coordena_csv_reader_add_column (reader, "CO_PROFISSIONAL_SUS", TRUE);
      im->col[CH_CBO] = coordena_csv_reader_add_column (reader, "CO_CBO", TRUE);
      im->col[CH_AMB] = coordena_csv_reader_add_column (reader, "QT_CARGA_HORARIA_AMBULATORIAL", TRUE);
      im->col[CH_OUTROS] = coordena_csv_reader_add_column (reader, "QT_CARGA_HORARIA_OUTROS", TRUE);
      im->col[CH_HOSP] = coordena_csv_reader_add_column (reader, "QT_CARGA_HOR_HOSP_SUS", TRUE);
      break;
    case TABLE_PROFISSIONAL:
      im->col[DP_PROF] = coordena_csv_reader_add_column (reader, "CO_PROFISSIONAL_SUS", TRUE);
      im->col[DP_NOME] = coordena_csv_reader_add_column (reader, "NO_PROFISSIONAL", FALSE);
      im->col[DP_CNS] = coordena_csv_reader_add_column (reader, "CO_CNS", TRUE);
      break;
    case TABLE_ESTABELECIMENTO:
      im->col[ES_UNIDADE] = coordena_csv_reader_add_column (reader, "CO_UNIDADE", TRUE);
      im->col[ES_CNES] = coordena_csv_reader_add_column (reader, "CO_CNES", TRUE);
      im->col[ES_NOME] = coordena_csv_reader_add_column (reader, "NO_FANTASIA", FALSE);
      break;
    case N_TABLES:
    default:
      g_assert_not_reached ();
    }
}

static const CoordenaCsvRecordFunc table_funcs[N_TABLES] = {
  on_equipe, on_membro, on_carga, on_profissional, on_estabelecimento,
};

static gboolean
read_table (Import *im, Table t, GError **error)
{
  const char *display = im->display[t];
  /* DATASUS writes Latin-1, but a table re-saved by a spreadsheet may be UTF-8: valid UTF-8 with
   * accents is read as such, anything else as Windows-1252, so neither turns into "JosÃ©". */
  CoordenaCsvOptions options = { ';', COORDENA_CSV_ENCODING_AUTO, 0 };
  g_autoptr(CoordenaCsvReader) reader = coordena_csv_reader_new (display, &options, table_funcs[t], im);
  g_autofree char *buffer = g_malloc (CHUNK_SIZE);
  g_autofree char *stage = g_strdup_printf (_("Reading %s"), table_names[t]);
  g_autofree char *rows_text = NULL;
  g_autofree char *kept_text = NULL;

  declare_columns (im, reader, t);
  im->current = t;
  coordena_csv_reader_set_fast_path (reader, use_fast_path);
  if (use_fast_path)
    coordena_csv_reader_set_filter (reader, filter_row);
  report_progress (im, stage, TRUE);

  if (im->is_zip && !zip_load (error))
    return FALSE;
  if (im->is_zip)
    {
      struct archive *a = zip.archive_read_new ();
      struct archive_entry *entry;
      gboolean found = FALSE, ok = TRUE;
      int rc;

      zip.archive_read_support_format_zip (a);
      if (zip.archive_read_open_filename (a, im->path, CHUNK_SIZE) != ARCHIVE_OK)
        {
          set_archive_error (error, a, im->path);
          zip.archive_read_free (a);
          return FALSE;
        }
      while (!found && (rc = zip.archive_read_next_header (a, &entry)) == ARCHIVE_OK)
        {
          la_ssize_t n;

          if (g_strcmp0 (zip.archive_entry_pathname (entry), im->members[t]) != 0)
            {
              zip.archive_read_data_skip (a);
              continue;
            }
          found = TRUE;
          while (ok && (n = zip.archive_read_data (a, buffer, CHUNK_SIZE)) > 0)
            {
              ok = check_cancel (im, error) && coordena_csv_reader_feed (reader, buffer, (gsize) n, error);
              im->done_bytes += (guint64) n;
              report_progress (im, stage, FALSE);
            }
          if (ok && n < 0)
            {
              set_archive_error (error, a, display);
              ok = FALSE;
            }
        }
      zip.archive_read_free (a);
      if (!ok)
        return FALSE;
      if (!found)
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("%s changed while it was being read"), im->path);
          return FALSE;
        }
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (im->members[t]);
      g_autoptr(GFileInputStream) stream = NULL;
      g_autoptr(GError) local = NULL;
      gssize n;

      stream = g_file_read (file, NULL, &local);
      if (stream == NULL)
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot read %s: %s"), display, local->message);
          return FALSE;
        }
      while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, CHUNK_SIZE, NULL, &local)) > 0)
        {
          if (!check_cancel (im, error) || !coordena_csv_reader_feed (reader, buffer, (gsize) n, error))
            return FALSE;
          im->done_bytes += (guint64) n;
          report_progress (im, stage, FALSE);
        }
      if (n < 0)
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot read %s: %s"), display, local->message);
          return FALSE;
        }
    }
  if (!coordena_csv_reader_finish (reader, error))
    return FALSE;
  rows_text = coordena_format_integer ((gint64) im->rows[t]);
  kept_text = coordena_format_integer ((gint64) im->kept[t]);
  coordena_import_report_note (im->report,
    g_strdup_printf (_("%s: %s rows read, %s kept"), table_names[t], rows_text, kept_text));
  return TRUE;
}

/* ---- Team type ----------------------------------------------------------------------------------- */

/* eAP modality from the members' hours: modalidade II (30 h) when one médico or one enfermeiro has
 * 30 h or more in the team (hours are individual, as for presence: NT 753/2021 item 2.20 b);
 * modalidade I (20 h) otherwise. With no médico or enfermeiro in the month, CO_SUB_TIPO_EQUIPE 2
 * reads as 30 h, anything else as 20 h. */
static CoordenaTeamType
team_type (Import *im, const Team *t, CoordenaCompetencia c)
{
  /* Codes compare as numbers: "70", "070" and " 70" are the same type. */
  guint64 tp = code_number (t->tp_equipe);
  guint most = 0;
  gboolean any = FALSE;

  if (tp == 70 || tp == 1)
    return COORDENA_TEAM_TYPE_ESF;
  if (tp != 76 && tp != 49)
    return COORDENA_TEAM_TYPE_OTHER;

  for (guint i = 0; i < t->members->len; i++)
    {
      const Member *m = t->members->pdata[i];
      CoordenaCategory cat;
      guint h;

      if (!active_in (m->entrada, m->desligamento, c))
        continue;
      cat = coordena_cbo_map_lookup (im->cbo_map, m->cbo);
      if (cat != COORDENA_CATEGORY_MED && cat != COORDENA_CATEGORY_ENF)
        continue;
      h = *m->hours == G_MAXUINT ? 0 : *m->hours;
      any = TRUE;
      most = MAX (most, h);
    }
  if (any)
    return most >= 30 ? COORDENA_TEAM_TYPE_EAP30 : COORDENA_TEAM_TYPE_EAP20;
  return code_number (t->subtipo) == 2 ? COORDENA_TEAM_TYPE_EAP30
                                                                                  : COORDENA_TEAM_TYPE_EAP20;
}

static int
cmp_team (gconstpointer a, gconstpointer b)
{
  return strcmp ((*(Team *const *) a)->ine, (*(Team *const *) b)->ine);
}

/* ---- Writing ------------------------------------------------------------------------------------- */

static gboolean
write_all (Import *im, CoordenaStore *store, GError **error)
{
  g_autoptr(CoordenaRosterWriter) writer = coordena_roster_writer_new (store, "cnes", error);
  g_autoptr(GHashTable) warned = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) missing_hours = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) no_cns = g_hash_table_new (NULL, NULL);
  gboolean ok = FALSE;
  GHashTableIter iter;
  gpointer key, value;
  guint done = 0;

  if (writer == NULL)
    return FALSE;
  for (guint k = 0; k < im->n_competencias; k++)
    coordena_roster_writer_cover (writer, im->competencias[k]);

  g_ptr_array_sort (im->team_list, cmp_team);

  /* People first: their CNS check, once each. */
  g_hash_table_iter_init (&iter, im->people);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Person *p = value;

      /* The same CNS rule as the roster CSV, so whatever is stored can be exported and read back. */
      if (p->cns != NULL && !coordena_cns_is_valid (p->cns))
        {
          coordena_import_report_warn (im->report,
            g_strdup_printf (_("%s:%u: the CNS “%s” is not valid; the professional's "
                               "memberships are skipped"),
                             im->display[TABLE_PROFISSIONAL], (guint) p->line, p->cns));
          p->cns = NULL;
        }
    }

  for (guint i = 0; i < im->team_list->len; i++)
    {
      Team *t = im->team_list->pdata[i];
      g_autofree char *ativ = iso_date (t->ativacao);
      g_autofree char *desat = iso_date (t->desativacao);
      const char *cnes = strlen (t->unidade) == 13 ? t->unidade + 6 : NULL;
      char **unit = g_hash_table_lookup (im->units, t->unidade);
      CoordenaWriterTeam wt = { t->ine, t->ibge7, NULL, t->tp_equipe, *t->subtipo ? t->subtipo : NULL,
                                *t->nome ? t->nome : NULL, ativ, desat, FALSE };
      gint64 team_id;

      if (unit != NULL && unit[0] != NULL && *unit[0] != '\0')
        cnes = unit[0];
      wt.cnes = cnes;
      if (cnes != NULL && !coordena_cnes_check_digit_ok (cnes) && !g_hash_table_contains (warned, cnes))
        {
          g_hash_table_add (warned, (gpointer) cnes);
          coordena_import_report_warn (im->report,
            g_strdup_printf (_("team %s: the CNES %s fails the check digit"), t->ine, cnes));
        }
      if (cnes != NULL)
        {
          if (!coordena_roster_writer_establishment (writer, cnes,
                                                     unit != NULL && unit[1] != NULL && *unit[1] != '\0' ? unit[1] : NULL,
                                                     t->ibge7, error))
            goto out;
        }
      team_id = coordena_roster_writer_team (writer, &wt, error);
      if (team_id == 0)
        goto out;

      for (guint k = 0; k < im->n_competencias; k++)
        {
          CoordenaCompetencia c = im->competencias[k];

          if (!active_in (t->ativacao, t->desativacao, c))
            continue;
          if (!coordena_roster_writer_team_month (writer, team_id, c, team_type (im, t, c), -1, error))
            goto out;
          for (guint j = 0; j < t->members->len; j++)
            {
              Member *m = t->members->pdata[j];
              Person *p = g_hash_table_lookup (im->people, m->prof);
              gint64 prof_id;

              if (!active_in (m->entrada, m->desligamento, c))
                continue;
              if (p == NULL || p->cns == NULL)
                {
                  if (g_hash_table_add (no_cns, m))
                    coordena_import_report_skip (im->report,
                      g_strdup_printf (_("%s:%u: professional %s has no valid CNS in %s"),
                                       im->display[TABLE_MEMBROS], (guint) m->line, m->prof, table_names[TABLE_PROFISSIONAL]));
                  continue;
                }
              if (*m->hours == G_MAXUINT && g_hash_table_add (missing_hours, m))
                {
                  coordena_import_report_warn (im->report,
                    g_strdup_printf (_("%s:%u: no weekly hours in %s for this professional, "
                                       "unit and CBO %s; counted as 0 h"),
                                     im->display[TABLE_MEMBROS], (guint) m->line, table_names[TABLE_CARGA], m->cbo));
                }
              if (!g_hash_table_contains (warned, m->cbo) && coordena_reference_cbo_title (im->ref, m->cbo) == NULL
                  && coordena_cbo_map_lookup (im->cbo_map, m->cbo) == COORDENA_CATEGORY_NONE)
                {
                  g_hash_table_add (warned, (gpointer) intern (im, m->cbo));
                  coordena_import_report_warn (im->report,
                    g_strdup_printf (_("%s:%u: unknown CBO %s"), im->display[TABLE_MEMBROS],
                                     (guint) m->line, m->cbo));
                }
              prof_id = coordena_roster_writer_professional (writer, p->cns, p->nome, error);
              if (prof_id == 0
                  || !coordena_roster_writer_member (writer, team_id, c, prof_id, m->cbo,
                                                     *m->hours == G_MAXUINT ? 0 : *m->hours, error))
                goto out;
            }
        }
      if (++done % 256 == 0)
        {
          if (!check_cancel (im, error))
            goto out;
          if (im->progress != NULL)
            im->progress (0.95 + 0.05 * done / im->team_list->len, _("Writing the teams"), im->progress_data);
        }
    }
  if (!coordena_roster_writer_finish (writer, im->report, error))
    goto out;
  coordena_roster_writer_fill_report (writer, im->report);
  ok = TRUE;
out:
  return ok;
}

static void
import_clear (Import *im)
{
  for (int t = 0; t < N_TABLES; t++)
    {
      g_free (im->members[t]);
      g_free (im->display[t]);
    }
  g_clear_pointer (&im->teams, g_hash_table_unref);
  g_clear_pointer (&im->team_list, g_ptr_array_unref);
  g_clear_pointer (&im->member_list, g_ptr_array_unref);
  g_clear_pointer (&im->hours, g_hash_table_unref);
  g_clear_pointer (&im->people, g_hash_table_unref);
  g_clear_pointer (&im->units, g_hash_table_unref);
  g_clear_pointer (&im->interned, g_hash_table_unref);
  if (im->strings != NULL)
    g_string_chunk_free (im->strings);
}

static int
cmp_competencia (gconstpointer a, gconstpointer b)
{
  CoordenaCompetencia x = *(const CoordenaCompetencia *) a, y = *(const CoordenaCompetencia *) b;

  return x < y ? -1 : x > y;
}

CoordenaImportReport *
coordena_import_cnes (CoordenaStore             *store,
                      const char                *path,
                      const CoordenaCompetencia *competencias,
                      guint                      n_competencias,
                      CoordenaImportProgressFunc progress,
                      gpointer                   user_data,
                      GCancellable              *cancellable,
                      GError                   **error)
{
  g_autoptr(CoordenaImportReport) report = coordena_import_report_new (path);
  g_autoptr(CoordenaCboMap) map = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GArray) comps = g_array_new (FALSE, FALSE, sizeof (CoordenaCompetencia));
  g_autofree char *uf = NULL;
  guint uf_code;
  Import im = { 0 };
  gboolean ok = FALSE;

  uf = coordena_store_require_uf (store, error);
  if (uf == NULL)
    return NULL;
  uf_code = coordena_store_get_uf_code (store);
  if (n_competencias == 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("Say which competências to import from %s"), path);
      return NULL;
    }
  for (guint i = 0; i < n_competencias; i++)
    {
      if (!coordena_competencia_is_valid (competencias[i]))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("Invalid competência %u"), competencias[i]);
          return NULL;
        }
      if (i == 0 || g_array_index (comps, CoordenaCompetencia, comps->len - 1) != competencias[i])
        g_array_append_val (comps, competencias[i]);
    }
  g_array_sort (comps, cmp_competencia);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    im.is_zip = FALSE;
  else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    im.is_zip = TRUE;
  else
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("There is no file or folder at %s"), path);
      return NULL;
    }

  im.ref = coordena_reference_get (error);
  if (im.ref == NULL)
    return NULL;
  map = coordena_cbo_map_load (error);
  if (map == NULL)
    return NULL;

  im.path = path;
  g_snprintf (im.uf_code, sizeof im.uf_code, "%02u", uf_code);
  im.competencias = (const CoordenaCompetencia *) comps->data;
  im.n_competencias = comps->len;
  im.first = im.competencias[0];
  im.last = im.competencias[comps->len - 1];
  im.cbo_map = map;
  im.progress = progress;
  im.progress_data = user_data;
  im.cancellable = cancellable;
  im.report = report;
  im.strings = g_string_chunk_new (1 << 16);
  im.interned = g_hash_table_new (g_str_hash, g_str_equal);
  im.teams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.team_list = g_ptr_array_new_with_free_func (team_free);
  im.member_list = g_ptr_array_new_with_free_func (g_free);
  im.hours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im.people = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  im.units = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, units_value_free);

  if (!locate_tables (&im, error))
    goto out;
  /* Order matters: each table filters the next by the keys the previous one kept. */
  for (int t = 0; t < N_TABLES; t++)
    if (im.members[t] != NULL && !read_table (&im, (Table) t, error))
      goto out;
  if (im.members[TABLE_ESTABELECIMENTO] == NULL)
    coordena_import_report_note (report, g_strdup (_("tbEstabelecimento not found: the CNES comes from CO_UNIDADE")));
  if (im.n_teams_inactive > 0)
    coordena_import_report_note (report,
      g_strdup_printf (_("Teams of the state not active in the competências (deactivated or not yet activated): %u"),
                       im.n_teams_inactive));
  if (im.n_members_left > 0)
    coordena_import_report_note (report,
      g_strdup_printf (_("Members who had left before the competências or not yet joined: %u"), im.n_members_left));

  /* An import replaces its competências whole: one in which the file has no team of the state
   * (a wrong competência, an empty or truncated tbEquipe) would empty them. */
  for (guint k = 0; k < im.n_competencias; k++)
    {
      gboolean any = FALSE;

      for (guint i = 0; !any && i < im.team_list->len; i++)
        {
          const Team *t = im.team_list->pdata[i];

          any = active_in (t->ativacao, t->desativacao, im.competencias[k]);
        }
      if (!any)
        {
          g_autofree char *when = coordena_competencia_format (im.competencias[k]);
          g_autofree char *rows = coordena_format_integer ((gint64) im.rows[TABLE_EQUIPE]);

          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("%s has no team of %s active in the competência %s (%s rows in %s): nothing was imported. "
                         "Check the competência asked for and that the file is the whole CNES base."),
                       path, uf, when, rows, table_names[TABLE_EQUIPE]);
          goto out;
        }
    }

  if (!check_cancel (&im, error) || !coordena_store_begin (store, error))
    goto out;
  if (!coordena_store_lock_import (store, error))
    {
      coordena_store_rollback (store);
      goto out;
    }
  report->elapsed = g_timer_elapsed (timer, NULL);
  if (!write_all (&im, store, error)
      || !coordena_import_report_duplicidades (store, report, error)
      || !coordena_import_audit (store, "import-cnes", report, error)
      || !coordena_store_commit (store, error))
    {
      coordena_store_rollback (store);
      goto out;
    }
  report->elapsed = g_timer_elapsed (timer, NULL);
  if (progress != NULL)
    progress (1.0, _("Done"), user_data);
  ok = TRUE;
out:
  import_clear (&im);
  return ok ? g_steal_pointer (&report) : NULL;
}
