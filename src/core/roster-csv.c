/* SPDX-License-Identifier: GPL-3.0-or-later */
/* roster-csv.c — the roster interchange CSV: checks each row, then hands it to the builder. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/csv.h>
#include <coordena/error.h>
#include <coordena/format.h>
#include <coordena/ids.h>
#include <coordena/roster-csv.h>

#include "roster-csv-private.h"

enum {
  COL_COMPETENCIA, COL_IBGE, COL_CNES, COL_INE, COL_TIPO, COL_CNS, COL_NOME, COL_CBO,
  COL_CARGA, COL_PROVIMENTO, COL_VALOR_BASE, COL_ESTRATO, COL_SEM_PRODUCAO, N_COLS,
};

static const struct { const char *name; gboolean required; } columns[N_COLS] = {
  { "competencia", TRUE }, { "ibge", TRUE }, { "cnes", TRUE }, { "ine", TRUE },
  { "tipo_equipe", TRUE }, { "cns", TRUE }, { "nome", FALSE }, { "cbo", TRUE },
  { "carga_horaria", TRUE }, { "provimento", FALSE }, { "valor_base", FALSE }, { "estrato_ied", FALSE },
  { "sem_producao", FALSE },
};

/* What the file said about a team in a competência, to catch contradictions. */
typedef struct {
  CoordenaTeamType type;
  guint64 line;
  gint64 base;
  guint64 base_line;
  guint team;           /* the builder's index */
  guint flags_given;    /* what the builder has been told already */
  gboolean base_given;
  guint last_row;       /* 1 + index in Load.rows of its latest member row; 0: none */
  guint n_rows;
  gboolean rows_hashed; /* more than CHAIN_MAX rows: they moved to Load.member_set */
  guint prev_month;     /* 1 + index in Load.seen of the same team's team-month before; 0: none */
  CoordenaCompetencia competencia;
} TeamMonthSeen;

/* What the file said about a team in any competência: its team-months are chained from the
 * latest, so a row of a new competência finds its team with one lookup by INE, and the rows of a
 * team keep naming the same municipality. */
typedef struct {
  guint team;                     /* the builder's index */
  guint last_month;               /* 1 + index in Load.seen of its latest team-month */
  CoordenaCompetencia max_competencia;
  const CoordenaMunicipio *mun;   /* the municipality its last good row named */
  char ibge[8];                   /* as that row wrote it ("" when longer) */
} TeamSeen;

/* A member row with a CNS of digits, chained to the previous one of the same team-month. A
 * team-month's rows usually follow each other, so walking its handful of rows stays in the
 * cache; a team-month with more rows than CHAIN_MAX moves them to the hashed set. */
typedef struct {
  guint64 cns;
  guint64 cbo;
  guint32 line;         /* messages give lines as guint anyway */
  guint32 prev;         /* 1 + index of the team-month's previous row; 0: none */
  guint32 professional; /* the builder's index of the CNS */
  guint8 hours;         /* at most 168 */
  guint8 named;         /* the professional has a name already */
} MemberRow;

#define CHAIN_MAX 32

typedef struct {
  guint stratum;
  guint64 line;
} StratumSeen;

typedef struct {
  guint hours;
  guint64 line;
} MemberSeen;

/* The rows of members already read, by numbers: team-month (INE × competência), CNS, and the
 * CBO's six bytes; open addressing, so a row costs no allocation. Empty slots have team_month 0. */
typedef struct {
  guint64 team_month;
  guint64 cns;
  guint64 cbo;
  guint64 line;
  guint hours;
} MemberSlot;

typedef struct {
  MemberSlot *slots;
  guint bits;
  gsize used;
} MemberSet;

static gsize
member_probe (const MemberSet *m, guint64 team_month, guint64 cns, guint64 cbo)
{
  gsize mask = ((gsize) 1 << m->bits) - 1;
  guint64 h = (team_month * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) ^ (cns * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F))
              ^ (cbo * G_GUINT64_CONSTANT (0x165667B19E3779F9));
  gsize i = (gsize) ((h ^ (h >> 29)) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) >> (64 - m->bits));

  while (m->slots[i].team_month != 0
         && (m->slots[i].team_month != team_month || m->slots[i].cns != cns || m->slots[i].cbo != cbo))
    i = (i + 1) & mask;
  return i;
}

/* The slot of a member row: its earlier row, or the empty slot to fill. */
static MemberSlot *
member_slot (MemberSet *m, guint64 team_month, guint64 cns, guint64 cbo)
{
  if (m->slots == NULL || (m->used + 1) * 10 > ((gsize) 7 << m->bits))
    {
      MemberSet bigger = { NULL, m->slots == NULL ? 12 : m->bits + 1, m->used };

      bigger.slots = g_new0 (MemberSlot, (gsize) 1 << bigger.bits);
      for (gsize k = 0; m->slots != NULL && k < ((gsize) 1 << m->bits); k++)
        if (m->slots[k].team_month != 0)
          bigger.slots[member_probe (&bigger, m->slots[k].team_month, m->slots[k].cns, m->slots[k].cbo)] = m->slots[k];
      g_free (m->slots);
      *m = bigger;
    }
  return &m->slots[member_probe (m, team_month, cns, cbo)];
}

/* A CNS of 15 digits as a number. */
gboolean
roster_csv_cns_number (const char *cns, guint64 *out)
{
  guint64 v = 0;
  int n = 0;

  for (; cns[n] != '\0'; n++)
    {
      if (n >= 15 || cns[n] < '0' || cns[n] > '9')
        return FALSE;
      v = v * 10 + (guint64) (cns[n] - '0');
    }
  *out = v;
  return n == 15;
}

typedef struct {
  const CoordenaRosterCsvOptions *options;
  const CoordenaCboMap *map;
  const CoordenaReference *ref;
  CoordenaRosterBuilder *builder;
  int col[N_COLS];
  GArray *seen;              /* TeamMonthSeen, in the order first read */
  GArray *teams;             /* TeamSeen */
  NumberMap team_index;   /* 1 + INE as a number → 1 + index in teams */
  GArray *rows;              /* MemberRow: member rows whose CNS is 15 digits */
  MemberSet member_set;      /* the same rows of team-months with more than CHAIN_MAX */
  GHashTable *members;       /* "ine|competência|cns|cbo" → MemberSeen, for any other */
  GHashTable *strata;        /* CoordenaMunicipio (one per code) → StratumSeen */
  GHashTable *warned;        /* codes already warned about */
  GPtrArray *errors;         /* char*, the first MAX_LISTED */
  guint64 n_errors;
  CoordenaRosterCsvReport *report;
  /* Rows of one team-month usually follow each other: the last one saves the lookups. */
  guint64 last_key;
  guint last_seen;           /* 1 + index in seen */
  /* The team fields of the last good row, as read, and what they gave: the next rows of the same
   * team-month repeat them, and skip their checks, which they passed already. */
  gboolean team_cached;
  char team_text[256];
  struct {
    CoordenaCompetencia comp;
    const CoordenaMunicipio *mun;
    char ine[11];
    CoordenaTeamType type;
    guint stratum;
    guint64 key;
    guint seen;              /* 1 + index in seen */
  } team;
  RosterMunicipioCache municipios;
  const CoordenaMunicipio *last_stratum_municipio;
  guint last_stratum;
  char last_competencia_text[16];
  CoordenaCompetencia last_competencia;
  RosterCboCache cbos;
} Load;

/* A handful of CBOs make up nearly every row: a small cache in front of the map. cbo ends with
 * its NUL within its first 7 bytes, or is longer than 6. */
CoordenaCategory
roster_csv_category (RosterCboCache *cache, const CoordenaCboMap *map, const char *cbo)
{
  guint slot = ((guchar) cbo[0] * 7u + (guchar) cbo[3] * 3u + (guchar) cbo[5]) & 15u;

  if (memcmp (cache->slots[slot].cbo, cbo, 7) != 0)
    {
      memcpy (cache->slots[slot].cbo, cbo, 7);
      cache->slots[slot].category = (gint8) coordena_cbo_map_lookup (map, cbo);
    }
  return (CoordenaCategory) cache->slots[slot].category;
}

/* Records a broken rule; in lenient mode the row is skipped, otherwise the file will be refused. */
static void
bad_row (Load *l, CoordenaCsvReader *reader, const CoordenaCsvRecord *record, int col, const char *format, ...) G_GNUC_PRINTF (5, 6);

static void
bad_row (Load *l, CoordenaCsvReader *reader, const CoordenaCsvRecord *record, int col, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (l->options->lenient)
    {
      if (l->report != NULL)
        g_ptr_array_add (l->report->skipped, coordena_csv_format_message (reader, record, l->col[col], "%s", what));
      return;
    }
  l->n_errors++;
  if (l->errors->len < COORDENA_ROSTER_CSV_MAX_LISTED)
    g_ptr_array_add (l->errors, coordena_csv_format_message (reader, record, l->col[col], "%s", what));
}

static void
warn (Load *l, CoordenaCsvReader *reader, const CoordenaCsvRecord *record, int col, const char *code, const char *format, ...) G_GNUC_PRINTF (6, 7);

static void
warn (Load *l, CoordenaCsvReader *reader, const CoordenaCsvRecord *record, int col, const char *code, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (l->report == NULL || g_hash_table_contains (l->warned, code))
    return;
  g_hash_table_add (l->warned, g_strdup (code));
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (l->report->warnings, coordena_csv_format_message (reader, record, l->col[col], "%s", what));
}

/* Digits only, 1..width of them, left-padded with zeros (spreadsheets drop leading zeros). */
gboolean
roster_csv_pad_code (const char *text, guint width, char *out)
{
  gsize n = strlen (text);

  if (n == 0 || n > width)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  memset (out, '0', width - n);
  memcpy (out + width - n, text, n);
  out[width] = '\0';
  return TRUE;
}

/* What g_ascii_string_to_unsigned (text, 10, 0, 168) accepts: digits only, at most 168. */
gboolean
roster_csv_parse_hours (const char *text, guint64 *hours)
{
  guint64 v = 0;

  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    {
      if (*text < '0' || *text > '9')
        return FALSE;
      v = v * 10 + (guint64) (*text - '0');
      if (v > 168)
        return FALSE;
    }
  *hours = v;
  return TRUE;
}

gboolean
roster_csv_parse_type (const char *text, CoordenaTeamType *type)
{
  static const char *const others[] = { "esb", "emulti", "ecr", "eapp", "esfr", NULL };

  if (g_ascii_strcasecmp (text, "eSF") == 0 || g_str_equal (text, "70"))
    *type = COORDENA_TEAM_TYPE_ESF;
  else if (g_ascii_strcasecmp (text, "eAP20") == 0)
    *type = COORDENA_TEAM_TYPE_EAP20;
  else if (g_ascii_strcasecmp (text, "eAP30") == 0)
    *type = COORDENA_TEAM_TYPE_EAP30;
  else if ((strlen (text) == 2 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && !g_str_equal (text, "76")))
    *type = COORDENA_TEAM_TYPE_OTHER;
  else
    {
      g_autofree char *lower = g_ascii_strdown (text, -1);
      if (!g_strv_contains (others, lower))
        return FALSE;
      *type = COORDENA_TEAM_TYPE_OTHER;
    }
  return TRUE;
}

static void
hash_member (MemberSet *set, guint64 team_month, guint64 cns, guint64 cbo, guint hours, guint64 line)
{
  MemberSlot *slot = member_slot (set, team_month, cns, cbo);

  if (slot->team_month != 0)
    return;
  slot->team_month = team_month;
  slot->cns = cns;
  slot->cbo = cbo;
  slot->hours = hours;
  slot->line = line;
  set->used++;
}

static void
remember_member (Load *l, TeamMonthSeen *seen, guint64 team_month, guint64 cns, guint64 cbo, guint hours,
                 guint64 line, guint professional, gboolean named)
{
  MemberRow row = { cns, cbo, (guint32) line, seen->last_row, professional, (guint8) hours, (guint8) named };

  if (seen->rows_hashed)
    {
      hash_member (&l->member_set, team_month, cns, cbo, hours, line);
      return;
    }
  g_array_append_val (l->rows, row);
  seen->last_row = l->rows->len;
  if (++seen->n_rows <= CHAIN_MAX)
    return;
  for (guint i = seen->last_row; i != 0;)
    {
      const MemberRow *r = &g_array_index (l->rows, MemberRow, i - 1);

      hash_member (&l->member_set, team_month, r->cns, r->cbo, r->hours, r->line);
      i = r->prev;
    }
  seen->rows_hashed = TRUE;
}

/* The fields that describe the team-month rather than the member. */
static const int team_columns[] = {
  COL_COMPETENCIA, COL_IBGE, COL_CNES, COL_INE, COL_TIPO, COL_PROVIMENTO, COL_VALOR_BASE, COL_ESTRATO,
  COL_SEM_PRODUCAO,
};

static gboolean
same_team_fields (const Load *l, const char *const *f)
{
  const char *p = l->team_text;

  if (!l->team_cached)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (team_columns); i++)
    {
      const char *s = f[team_columns[i]];

      while (*s != '\0' && *s == *p)
        s++, p++;
      if (*s != *p)
        return FALSE;
      p++;
    }
  return TRUE;
}

static void
cache_team_fields (Load *l, const char *const *f)
{
  gsize at = 0;

  l->team_cached = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (team_columns); i++)
    {
      gsize n = strlen (f[team_columns[i]]) + 1;

      if (at + n > sizeof l->team_text)
        return;
      memcpy (l->team_text + at, f[team_columns[i]], n);
      at += n;
    }
  l->team_cached = TRUE;
}

/* Municipalities by their code as a number, open addressing: teams of a few hundred towns take
 * turns, and Brazil has fewer than 5 600 of them. */
const CoordenaMunicipio *
roster_csv_find_municipio (RosterMunicipioCache *cache, const CoordenaReference *ref, const char *ibge)
{
  guint v = 0, n = 0, slot;
  const CoordenaMunicipio *mun;

  for (; n < 8 && ibge[n] >= '0' && ibge[n] <= '9'; n++)
    v = v * 10 + (guint) (ibge[n] - '0');
  if (ibge[n] != '\0' || (n != 6 && n != 7))
    return coordena_reference_find_municipio (ref, ibge);
  v = v * 8 + n; /* "0123456" and "123456" are different codes */
  slot = (v * 2654435761u) >> 18;
  while (cache->slots[slot].key != 0 && cache->slots[slot].key != v)
    slot = (slot + 1) % G_N_ELEMENTS (cache->slots);
  if (cache->slots[slot].key == v)
    return cache->slots[slot].municipio;
  mun = coordena_reference_find_municipio (ref, ibge);
  /* Only codes that exist are kept (at most two per municipality): the table stays sparse. */
  if (mun != NULL && cache->n < G_N_ELEMENTS (cache->slots) / 2)
    {
      cache->slots[slot].key = v;
      cache->slots[slot].municipio = mun;
      cache->n++;
    }
  return mun;
}

static TeamMonthSeen *
seen_at (Load *l, guint index1)
{
  return index1 != 0 ? &g_array_index (l->seen, TeamMonthSeen, index1 - 1) : NULL;
}

/* The team-month of a team in a competência, from the team's chain: a competência after every
 * one seen is new without looking. 1 + index in Load.seen, or 0. */
static guint
find_team_month (Load *l, const TeamSeen *team, CoordenaCompetencia comp)
{
  if (team == NULL || comp > team->max_competencia)
    return 0;
  for (guint i = team->last_month; i != 0;)
    {
      const TeamMonthSeen *seen = &g_array_index (l->seen, TeamMonthSeen, i - 1);

      if (seen->competencia == comp)
        return i;
      i = seen->prev_month;
    }
  return 0;
}

/* The professional of a numeric CNS from the rows of a team-month, when one of them has it. */
static gboolean
professional_in_rows (Load *l, const TeamMonthSeen *seen, guint64 cns, guint *professional, gboolean *named)
{
  if (seen == NULL || seen->rows_hashed)
    return FALSE;
  for (guint i = seen->last_row; i != 0;)
    {
      const MemberRow *row = &g_array_index (l->rows, MemberRow, i - 1);

      if (row->cns == cns)
        {
          *professional = row->professional;
          *named = row->named;
          return TRUE;
        }
      i = row->prev;
    }
  return FALSE;
}

static gboolean
on_row (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, gpointer data, GError **error)
{
  Load *l = data;
  const char *f[N_COLS];
  char ine[11], cnes[8];
  CoordenaCompetencia comp = 0;
  CoordenaTeamType type = COORDENA_TEAM_TYPE_OTHER;
  const CoordenaMunicipio *mun;
  gint64 base = COORDENA_BASE_UNKNOWN;
  guint stratum = 0, hours = 0, flags = 0;
  gboolean member, same_team;
  g_autoptr(GError) local = NULL;
  guint64 key, cns_value = 0, cbo_value = 0;
  gboolean numeric;
  TeamMonthSeen *seen;
  TeamSeen *team_seen = NULL;
  gboolean ine_ok;
  guint seen_index, team, professional = 0;
  gboolean professional_known = FALSE, named = FALSE;

  coordena_csv_record_get_columns (reader, record, l->col, N_COLS, f);
  if (l->report != NULL)
    l->report->n_rows++;

  /* One message per row: the first rule the row breaks. The team fields of a row that repeats the
   * last good row's passed every check then and give the same results now. */
  same_team = same_team_fields (l, f);
  if (same_team)
    {
      comp = l->team.comp;
      mun = l->team.mun;
      memcpy (ine, l->team.ine, sizeof ine);
      type = l->team.type;
    }
  else
    {
      if (l->last_competencia != 0 && g_str_equal (f[COL_COMPETENCIA], l->last_competencia_text))
        comp = l->last_competencia;
      else if (coordena_competencia_parse (f[COL_COMPETENCIA], &comp, &local))
        {
          g_strlcpy (l->last_competencia_text, f[COL_COMPETENCIA], sizeof l->last_competencia_text);
          l->last_competencia = strlen (f[COL_COMPETENCIA]) < sizeof l->last_competencia_text ? comp : 0;
        }
      else
        {
          bad_row (l, reader, record, COL_COMPETENCIA, "%s", local->message);
          return TRUE;
        }
      /* The team first (its errors still come in the order of the columns): a known team's rows
       * usually name the municipality its last row named. */
      ine_ok = roster_csv_pad_code (f[COL_INE], 10, ine);
      if (ine_ok)
        {
          guint index = number_find (&l->team_index, g_ascii_strtoull (ine, NULL, 10) + 1);

          team_seen = index != 0 ? &g_array_index (l->teams, TeamSeen, index - 1) : NULL;
        }
      if (team_seen != NULL && team_seen->ibge[0] != '\0' && strcmp (team_seen->ibge, f[COL_IBGE]) == 0)
        mun = team_seen->mun;
      else if ((mun = roster_csv_find_municipio (&l->municipios, l->ref, f[COL_IBGE])) == NULL)
        {
          bad_row (l, reader, record, COL_IBGE, _("“%s” is not the IBGE code (6 or 7 digits) of a known municipality"), f[COL_IBGE]);
          return TRUE;
        }
      if (!roster_csv_pad_code (f[COL_CNES], 7, cnes))
        {
          bad_row (l, reader, record, COL_CNES, _("the CNES “%s” must have up to 7 digits"), f[COL_CNES]);
          return TRUE;
        }
      if (!ine_ok)
        {
          bad_row (l, reader, record, COL_INE, _("the INE “%s” must have up to 10 digits"), f[COL_INE]);
          return TRUE;
        }
      if (g_str_equal (f[COL_TIPO], "76"))
        {
          bad_row (l, reader, record, COL_TIPO, _("team type 76 (eAP) needs its modality: write eAP20 or eAP30"));
          return TRUE;
        }
      if (!roster_csv_parse_type (f[COL_TIPO], &type))
        {
          bad_row (l, reader, record, COL_TIPO, _("unknown team type “%s”: use eSF, eAP20 or eAP30 (70 is read as eSF)"), f[COL_TIPO]);
          return TRUE;
        }
    }

  member = f[COL_CNS][0] != '\0';
  if (member)
    {
      guint64 h;

      if (!coordena_cns_is_valid (f[COL_CNS]))
        {
          bad_row (l, reader, record, COL_CNS, _("the CNS “%s” is not valid (15 digits with the check of the Cartão Nacional de Saúde)"), f[COL_CNS]);
          return TRUE;
        }
      if (strlen (f[COL_CBO]) != 6)
        {
          bad_row (l, reader, record, COL_CBO, _("the CBO “%s” must have 6 characters"), f[COL_CBO]);
          return TRUE;
        }
      if (!roster_csv_parse_hours (f[COL_CARGA], &h))
        {
          bad_row (l, reader, record, COL_CARGA, _("the weekly hours “%s” must be a whole number from 0 to 168"), f[COL_CARGA]);
          return TRUE;
        }
      hours = (guint) h;
    }

  if (same_team)
    {
      stratum = l->team.stratum;
      key = l->team.key;
      seen_index = l->team.seen;
      seen = seen_at (l, seen_index);
    }
  else
    {
      if (g_ascii_strcasecmp (f[COL_PROVIMENTO], "S") == 0)
        flags |= COORDENA_TEAM_FLAG_PROVIMENTO;
      else if (f[COL_PROVIMENTO][0] != '\0' && g_ascii_strcasecmp (f[COL_PROVIMENTO], "N") != 0)
        {
          bad_row (l, reader, record, COL_PROVIMENTO, _("provimento must be S or N, not “%s”"), f[COL_PROVIMENTO]);
          return TRUE;
        }
      if (g_ascii_strcasecmp (f[COL_SEM_PRODUCAO], "S") == 0)
        flags |= COORDENA_TEAM_FLAG_SEM_PRODUCAO;
      else if (f[COL_SEM_PRODUCAO][0] != '\0' && g_ascii_strcasecmp (f[COL_SEM_PRODUCAO], "N") != 0)
        {
          bad_row (l, reader, record, COL_SEM_PRODUCAO, _("sem_producao must be S or N, not “%s”"), f[COL_SEM_PRODUCAO]);
          return TRUE;
        }
      if (f[COL_VALOR_BASE][0] != '\0')
        {
          g_clear_error (&local);
          if (!coordena_parse_money (f[COL_VALOR_BASE], &base, &local) || base < 0)
            {
              bad_row (l, reader, record, COL_VALOR_BASE, _("“%s” is not an amount in reais (16.833,33 or 16833.33)"), f[COL_VALOR_BASE]);
              return TRUE;
            }
        }
      if (f[COL_ESTRATO][0] != '\0')
        {
          guint64 s;
          StratumSeen *prev;

          if (!g_ascii_string_to_unsigned (f[COL_ESTRATO], 10, 1, 4, &s, NULL))
            {
              bad_row (l, reader, record, COL_ESTRATO, _("the IED stratum “%s” must be 1, 2, 3 or 4"), f[COL_ESTRATO]);
              return TRUE;
            }
          stratum = (guint) s;
          prev = (mun == l->last_stratum_municipio && stratum == l->last_stratum) ? NULL
                 : g_hash_table_lookup (l->strata, mun);
          if (prev != NULL && prev->stratum != stratum)
            {
              bad_row (l, reader, record, COL_ESTRATO, _("municipality %s has IED stratum %u here and %u on line %u"),
                       mun->ibge7, stratum, prev->stratum, (guint) prev->line);
              return TRUE;
            }
        }

      /* ine × competência: INE fits in 34 bits, the competência in 20. */
      key = (guint64) g_ascii_strtoull (ine, NULL, 10) * 1000000u + comp;
      seen_index = key == l->last_key ? l->last_seen : find_team_month (l, team_seen, comp);
      seen = seen_at (l, seen_index);
      if (seen != NULL && seen->type != type)
        {
          g_autofree char *when = coordena_competencia_format (comp);
          bad_row (l, reader, record, COL_TIPO, _("team %s already has type %s in %s (line %u); one team has one type per competência"),
                   ine, coordena_team_type_to_string (seen->type), when, (guint) seen->line);
          return TRUE;
        }
      if (seen != NULL && base != COORDENA_BASE_UNKNOWN && seen->base != COORDENA_BASE_UNKNOWN && seen->base != base)
        {
          g_autofree char *money = coordena_format_money (seen->base);
          bad_row (l, reader, record, COL_VALOR_BASE, _("the team's base differs from the %s given on line %u"),
                   money, (guint) seen->base_line);
          return TRUE;
        }
    }

  numeric = member && roster_csv_cns_number (f[COL_CNS], &cns_value);
  if (numeric)
    {
      gboolean found = FALSE;
      guint prev_hours = 0;
      guint64 prev_line = 0;

      memcpy (&cbo_value, f[COL_CBO], 6);
      if (seen != NULL && seen->rows_hashed)
        {
          const MemberSlot *slot = member_slot (&l->member_set, key, cns_value, cbo_value);

          found = slot->team_month != 0;
          prev_hours = slot->hours;
          prev_line = slot->line;
        }
      for (guint i = seen != NULL && !seen->rows_hashed ? seen->last_row : 0; i != 0 && !found;)
        {
          const MemberRow *row = &g_array_index (l->rows, MemberRow, i - 1);

          if (row->cns == cns_value)
            {
              /* The same CNS with another CBO is the same professional. */
              professional = row->professional;
              named = row->named;
              professional_known = TRUE;
              found = row->cbo == cbo_value;
              prev_hours = row->hours;
              prev_line = row->line;
            }
          i = row->prev;
        }
      if (found && prev_hours != hours)
        {
          g_autofree char *when = coordena_competencia_format (comp);

          bad_row (l, reader, record, COL_CARGA,
                   _("the CNS %s with CBO %s is already in team %s in %s with %u h on line %u, and here with %u h: "
                     "keep one row per professional, team, competência and CBO, with the hours that hold"),
                   f[COL_CNS], f[COL_CBO], ine, when, prev_hours, (guint) prev_line, hours);
          return TRUE;
        }
      /* The same row again adds nothing to remember. */
      numeric = !found;
    }
  else if (member)
    {
      g_autofree char *mkey = g_strdup_printf ("%s|%u|%s|%s", ine, comp, f[COL_CNS], f[COL_CBO]);
      MemberSeen *prev = g_hash_table_lookup (l->members, mkey);

      if (prev != NULL && prev->hours != hours)
        {
          g_autofree char *when = coordena_competencia_format (comp);

          bad_row (l, reader, record, COL_CARGA,
                   _("the CNS %s with CBO %s is already in team %s in %s with %u h on line %u, and here with %u h: "
                     "keep one row per professional, team, competência and CBO, with the hours that hold"),
                   f[COL_CNS], f[COL_CBO], ine, when, prev->hours, (guint) prev->line, hours);
          return TRUE;
        }
      if (prev == NULL)
        {
          prev = g_new (MemberSeen, 1);
          prev->hours = hours;
          prev->line = record->line;
          g_hash_table_insert (l->members, g_steal_pointer (&mkey), prev);
        }
    }

  /* The row is good: warnings, then the roster. A row repeating the team fields of the last good
   * row has nothing to add about its team-month. */
  if (!same_team)
    {
      if (!coordena_cnes_check_digit_ok (cnes))
        warn (l, reader, record, COL_CNES, cnes, _("the check digit of CNES %s does not match (kept: a warning, not an error)"), cnes);
      if (!coordena_ine_check_digit_ok (ine))
        warn (l, reader, record, COL_INE, ine, _("the check digit of INE %s does not match (kept: a warning, not an error)"), ine);

      if (team_seen == NULL)
        {
          /* A team seen for the first time (the builder fills its CNES and municipality then). */
          TeamSeen fresh_team = { 0 };

          fresh_team.team = coordena_roster_builder_add_team (l->builder, ine, cnes, mun->ibge7, NULL);
          g_array_append_val (l->teams, fresh_team);
          number_insert (&l->team_index, g_ascii_strtoull (ine, NULL, 10) + 1, l->teams->len);
          team_seen = &g_array_index (l->teams, TeamSeen, l->teams->len - 1);
        }
      team_seen->mun = mun;
      if (strlen (f[COL_IBGE]) < sizeof team_seen->ibge)
        strcpy (team_seen->ibge, f[COL_IBGE]);
      else
        team_seen->ibge[0] = '\0';
      if (seen == NULL)
        {
          TeamMonthSeen fresh = { 0 };

          fresh.type = type;
          fresh.line = record->line;
          fresh.base = COORDENA_BASE_UNKNOWN;
          fresh.team = team_seen->team;
          fresh.competencia = comp;
          fresh.prev_month = team_seen->last_month;
          g_array_append_val (l->seen, fresh);
          seen_index = l->seen->len;
          team_seen->last_month = seen_index;
          team_seen->max_competencia = MAX (team_seen->max_competencia, comp);
          seen = &g_array_index (l->seen, TeamMonthSeen, seen_index - 1);
          coordena_roster_builder_add_team_month (l->builder, seen->team, comp, type, flags, base);
          seen->flags_given = flags;
          seen->base_given = base != COORDENA_BASE_UNKNOWN;
        }
      else if ((flags & ~seen->flags_given) != 0 || (base != COORDENA_BASE_UNKNOWN && !seen->base_given))
        {
          coordena_roster_builder_add_team_month (l->builder, seen->team, comp, type, flags, base);
          seen->flags_given |= flags;
          seen->base_given = seen->base_given || base != COORDENA_BASE_UNKNOWN;
        }
      if (base != COORDENA_BASE_UNKNOWN && seen->base == COORDENA_BASE_UNKNOWN)
        {
          seen->base = base;
          seen->base_line = record->line;
        }
      if (stratum != 0 && !(mun == l->last_stratum_municipio && stratum == l->last_stratum) &&
          !g_hash_table_contains (l->strata, mun))
        {
          StratumSeen *st = g_new0 (StratumSeen, 1);
          st->stratum = stratum;
          st->line = record->line;
          g_hash_table_insert (l->strata, (gpointer) mun, st);
          coordena_roster_builder_set_ied_stratum (l->builder, mun->ibge7, stratum);
        }

      cache_team_fields (l, f);
      l->team.comp = comp;
      l->team.mun = mun;
      memcpy (l->team.ine, ine, sizeof ine);
      l->team.type = type;
      l->team.stratum = stratum;
      l->team.key = key;
      l->team.seen = seen_index;
    }
  if (stratum != 0)
    {
      l->last_stratum_municipio = mun;
      l->last_stratum = stratum;
    }
  l->last_key = key;
  l->last_seen = seen_index;
  team = seen->team;

  if (member)
    {
      const char *name = f[COL_NOME];

      /* A team keeps most of its people from one competência to the next: the rows of its
       * team-month before know their professionals without a lookup by CNS. */
      if (numeric && !professional_known)
        professional_known = professional_in_rows (l, seen_at (l, seen->prev_month), cns_value, &professional, &named);
      if (!professional_known)
        {
          professional = coordena_roster_builder_add_professional (l->builder, f[COL_CNS], name);
          named = name[0] != '\0';
        }
      else if (!named && name[0] != '\0')
        {
          coordena_roster_builder_name_professional (l->builder, professional, name);
          named = TRUE;
        }
      if (numeric)
        remember_member (l, seen, key, cns_value, cbo_value, hours, record->line, professional, named);
      coordena_roster_builder_add_member (l->builder, team, comp, professional, f[COL_CBO], roster_csv_category (&l->cbos, l->map, f[COL_CBO]), hours);
    }
  return TRUE;
}

CoordenaRoster *
coordena_roster_csv_read (const char                     *path,
                          const CoordenaRosterCsvOptions *options,
                          CoordenaRosterCsvReport        *report,
                          GError                        **error)
{
  CoordenaRosterCsvOptions defaults = { 0 };
  g_autoptr(CoordenaCboMap) own_map = NULL;
  g_autoptr(CoordenaCsvReader) reader = NULL;
  g_autoptr(GHashTable) strata = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autofree Load *lp = g_new0 (Load, 1); /* its caches are too large for the stack */
  Load *l = lp;
  RosterPlain *plain;
  gboolean ok;

  if (options == NULL)
    options = &defaults;
  if (report != NULL)
    {
      memset (report, 0, sizeof *report);
      report->warnings = g_ptr_array_new_with_free_func (g_free);
      report->skipped = g_ptr_array_new_with_free_func (g_free);
    }

  l->options = options;
  l->report = report;
  /* Most files are plain: read them the short way (a large one is being read while the tables
   * below load), or from the start the general way. */
  plain = options->general_reader_only ? NULL : roster_csv_plain_open (path);
  l->map = options->cbo_map;
  if (l->map == NULL && (l->map = own_map = coordena_cbo_map_load (error)) == NULL)
    {
      roster_csv_plain_close (plain);
      return NULL;
    }
  l->ref = options->reference;
  if (l->ref == NULL && (l->ref = coordena_reference_get (error)) == NULL)
    {
      roster_csv_plain_close (plain);
      return NULL;
    }
  if (plain != NULL)
    {
      CoordenaRoster *roster = NULL;

      if (roster_csv_plain_read (plain, l->map, l->ref, report, &roster, error))
        return roster;
    }
  l->strata = strata;
  l->members = members;
  l->warned = warned;
  l->errors = errors;

  reader = coordena_csv_reader_new (path, NULL, on_row, l);
  for (int i = 0; i < N_COLS; i++)
    l->col[i] = coordena_csv_reader_add_column (reader, columns[i].name, columns[i].required);

  l->builder = coordena_roster_builder_new ();
  l->rows = g_array_new (FALSE, FALSE, sizeof (MemberRow));
  l->seen = g_array_new (FALSE, FALSE, sizeof (TeamMonthSeen));
  l->teams = g_array_new (FALSE, FALSE, sizeof (TeamSeen));
  ok = coordena_csv_reader_read_file (reader, path, error);
  g_array_unref (l->rows);
  g_array_unref (l->seen);
  g_array_unref (l->teams);
  g_free (l->team_index.slots);
  g_free (l->member_set.slots);
  if (!ok)
    {
      coordena_roster_builder_free (l->builder);
      return NULL;
    }
  if (coordena_csv_reader_get_n_records (reader) == 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("%s: the file has no data rows, only the header"), path);
      coordena_roster_builder_free (l->builder);
      return NULL;
    }
  if (l->n_errors > 0)
    {
      GString *msg = g_string_new (NULL);

      for (guint i = 0; i < errors->len; i++)
        g_string_append_printf (msg, "%s%s", i > 0 ? "\n" : "", (char *) errors->pdata[i]);
      if (l->n_errors > errors->len)
        {
          g_string_append_c (msg, '\n');
          g_string_append_printf (msg, g_dngettext (GETTEXT_PACKAGE, "… and %u more error",
                                                    "… and %u more errors", (gulong) (l->n_errors - errors->len)),
                                  (guint) (l->n_errors - errors->len));
        }
      g_string_append_c (msg, '\n');
      g_string_append_printf (msg, g_dngettext (GETTEXT_PACKAGE, "%s: %u row refused; nothing was evaluated",
                                                "%s: %u rows refused; nothing was evaluated", (gulong) l->n_errors),
                              path, (guint) l->n_errors);
      g_set_error_literal (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, msg->str);
      g_string_free (msg, TRUE);
      coordena_roster_builder_free (l->builder);
      return NULL;
    }
  return coordena_roster_builder_finish (l->builder, error);
}

void
coordena_roster_csv_report_clear (CoordenaRosterCsvReport *report)
{
  g_clear_pointer (&report->warnings, g_ptr_array_unref);
  g_clear_pointer (&report->skipped, g_ptr_array_unref);
}
