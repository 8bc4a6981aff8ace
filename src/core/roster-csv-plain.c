/* SPDX-License-Identifier: GPL-3.0-or-later */
/* roster-csv-plain.c — the roster CSV as Coordena, the CNES import and spreadsheets write it,
 * read without the general CSV reader: separators and line ends are found sixteen bytes at a time,
 * codes are read as numbers, and a row that repeats its team's fields is compared, not parsed.
 *
 * It reads only what it is sure of: a header of known column names, unquoted fields, LF or CRLF
 * line ends, UTF-8 text, every row good and every team-month in consecutive rows. Anything else
 * — a quote, a blank line, a bad row, a warning, a team-month that comes back later — and it
 * gives the file to the general reader (roster-csv.c), which reads it from the start: the
 * messages, with their file, line and column, are always that reader's. On the files it takes,
 * it makes the same calls to the roster builder as the general reader, in the same order, so the
 * roster is the same; the roster CSV fuzzer and the roster-csv tests compare the two. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <coordena/competencia.h>
#include <coordena/format.h>
#include <coordena/ids.h>

#include "roster-csv-private.h"
#include "roster-private.h"

enum {
  COL_COMPETENCIA, COL_IBGE, COL_CNES, COL_INE, COL_TIPO, COL_CNS, COL_NOME, COL_CBO,
  COL_CARGA, COL_PROVIMENTO, COL_VALOR_BASE, COL_ESTRATO, COL_SEM_PRODUCAO, N_COLS,
};

/* The names as roster-csv.c declares them, in the same order. */
static const struct { const char *name; gboolean required; gboolean team; } plain_columns[N_COLS] = {
  { "competencia", TRUE, TRUE }, { "ibge", TRUE, TRUE }, { "cnes", TRUE, TRUE }, { "ine", TRUE, TRUE },
  { "tipo_equipe", TRUE, TRUE }, { "cns", TRUE, FALSE }, { "nome", FALSE, FALSE }, { "cbo", TRUE, FALSE },
  { "carga_horaria", TRUE, FALSE }, { "provimento", FALSE, TRUE }, { "valor_base", FALSE, TRUE },
  { "estrato_ied", FALSE, TRUE }, { "sem_producao", FALSE, TRUE },
};

#define MAX_FIELDS 64
#ifndef CHUNK
#define CHUNK (1024 * 1024)
#endif
#define SMALL_FILE (2 * 1024 * 1024)
#define MAX_MONTH_ROWS 1024 /* a team-month's rows are compared with each other */

typedef struct {
  const guchar *p;
  guint len;
} Field;

/* A member row with its CNS and CBO as numbers. */
typedef struct {
  guint64 cns;
  guint64 cbo;
  guint32 professional;
  guint8 hours;
  guint8 named;
} Row;

/* A team, by INE: its team-months are chained from the latest, and it keeps the member rows of
 * the last one it finished (a team keeps most of its people from one competência to the next). */
typedef struct {
  guint builder;             /* the builder's index */
  guint last_month;          /* 1 + index in months */
  CoordenaCompetencia max_competencia;
  guint64 ibge_key;          /* the code its last row wrote, as a number × 8 + its length */
  const CoordenaMunicipio *mun;
  Row *before;
  guint n_before;
} Team;

/* A team-month, as roster-csv.c's TeamMonthSeen keeps it. */
typedef struct {
  guint team;                /* index in teams */
  CoordenaTeamType type;
  guint flags_given;
  gboolean base_given;
  gint64 base;
  CoordenaCompetencia competencia;
  guint prev_month;          /* 1 + index in months of the team's team-month before */
} Month;

/* What the reading thread makes of a row, for the rows' logic on the caller's thread. */
typedef struct {
  guint64 cns;               /* its 15 digits as a number */
  guint64 cbo;               /* its six bytes, then two NULs: a C string in place */
  const guchar *cns_text;    /* its 15 digits, in the block */
  const guchar *name;        /* in the block */
  guint32 name_len;
  guint32 team;              /* 0: the team fields of the row before; else 1 + index in the block's teams */
  guint8 hours;
  guint8 member;             /* the row has a CNS */
} Parsed;

/* A row's team fields, checked as far as they can be without the rows before. */
typedef struct {
  guint64 ine_value;
  guint64 ibge_key;          /* the code as written, as a number × 8 + its length */
  gint64 base;
  CoordenaCompetencia comp;
  CoordenaTeamType type;
  guint flags;
  guint stratum;
  char ine[11];
  char cnes[8];
  char ibge[8];
} TeamFields;

/* A block of the file, with the rows the reading thread split from it. */
typedef struct {
  guchar *data;               /* head + CHUNK bytes */
  gsize head;                 /* room before the bytes read: HEAD, or none for a small file */
  gsize len;                  /* bytes read, after the room */
  gboolean last;              /* the end of the file (or of the rows read) follows */
  gboolean failed;            /* read() failed, or a line is not plain */
  Parsed *rows;
  guint n_rows, rows_cap;
  TeamFields *teams;
  guint n_teams, teams_cap;
  guint reserve;              /* rows the file may hold, once known; else 0 */
} Block;

/* Where the file's lines are split and their fields read: on the reading thread for a large file. */
typedef struct {
  int position[N_COLS];       /* field of each column, −1 when absent */
  guint n_fields;
  /* Runs of adjacent team columns: a row repeating the team's fields repeats these bytes. */
  struct { guint first, last; } team_runs[N_COLS];
  guint n_team_runs;
  gboolean header;
  /* What the last row with team fields wrote. */
  gboolean have_team;
  guchar team_bytes[512];
  guint team_len[N_COLS];
  char comp_text[7];          /* the last competência read, as written, and its value */
  CoordenaCompetencia comp_value;
  guint64 size;               /* of the file */
  guint64 consumed;           /* bytes of the rows read */
  guint64 n_rows;
  guchar *carry;              /* the end of a line the block before cut */
  gsize carry_len;
} Splitter;

/* The rows' logic: what roster-csv.c checks across rows, and the calls to the builder. */
typedef struct {
  const CoordenaCboMap *map;
  const CoordenaReference *ref;
  CoordenaRosterBuilder *builder;

  NumberMap team_index;       /* 1 + INE → 1 + index in teams */
  GArray *teams;              /* Team */
  LargeArray months;          /* Month */
  Row run[MAX_MONTH_ROWS];    /* the current team-month's rows */
  guint n_run;
  const CoordenaMunicipio *municipios_base;
  guint8 *strata;             /* each municipality's stratum, 0 when none given */
  RosterMunicipioCache municipios;
  RosterCboCache cbos;
  guint64 n_rows;
  gboolean reserved;

  /* The current team-month. */
  gboolean have_key;
  gboolean in_month;          /* month and run are a team-month's */
  guint64 key;                /* INE × 10⁶ + competência */
  guint month;                /* index in months */
  CoordenaCompetencia comp;
} Plain;

/* ---- lines ------------------------------------------------------------------------------------- */

/* Bytes that end a field or need a look: ';', '"', control bytes (line ends among them) and every
 * byte from 0x80 (UTF-8), as a bit per byte of the 16 at p (or fewer before end). */
static inline guint32
specials (const guchar *p, const guchar *end)
{
#ifdef __SSE2__
  if (end - p >= 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) (const void *) p);
      __m128i hit = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 (';')),
                                                _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('"'))),
                                  _mm_cmplt_epi8 (v, _mm_set1_epi8 (0x20)));
      return (guint32) _mm_movemask_epi8 (hit);
    }
#endif
  {
    guint32 mask = 0;
    gssize n = MIN (end - p, 16);

    for (gssize i = 0; i < n; i++)
      if (p[i] == ';' || p[i] == '"' || p[i] < 0x20 || p[i] >= 0x80)
        mask |= 1u << i;
    return mask;
  }
}

typedef enum { LINE_OK, LINE_MORE, LINE_DECLINE } LineResult;

/* Splits the line at p into fields; *next is the start of the next line. LINE_MORE when the
 * buffer ends before the line does (and the file does not). */
static LineResult
split_line (const Splitter *pl, const guchar *p, const guchar *end, gboolean at_eof, Field *fields,
            const guchar **next)
{
  const guchar *start = p, *block = p;
  guint32 mask = specials (block, end);
  gboolean utf8 = FALSE;
  guint n = 0;

  for (;;)
    {
      const guchar *q, *field_end;

      while (mask == 0)
        {
          block += 16;
          if (block >= end)
            {
              if (!at_eof)
                return LINE_MORE;
              q = end; /* the last line, without a line end */
              goto line_end;
            }
          mask = specials (block, end);
        }
      q = block + __builtin_ctz (mask);
      mask &= mask - 1;
      if (*q == ';')
        {
          if (n + 1 >= pl->n_fields)
            return LINE_DECLINE;
          fields[n].p = start;
          fields[n++].len = (guint) (q - start);
          start = q + 1;
          continue;
        }
      if (*q >= 0x80)
        {
          utf8 = TRUE;
          continue;
        }
      if (*q == '\r')
        {
          if (q + 1 >= end)
            {
              if (!at_eof)
                return LINE_MORE;
              return LINE_DECLINE;
            }
          if (q[1] != '\n')
            return LINE_DECLINE;
          field_end = q;
          *next = q + 2;
          goto have_end;
        }
      if (*q != '\n')
        return LINE_DECLINE; /* a quote, a tab, a NUL… */
      field_end = q;
      *next = q + 1;
      goto have_end;

    line_end:
      field_end = q;
      *next = q;
    have_end:
      if (n + 1 != pl->n_fields)
        return LINE_DECLINE;
      fields[n].p = start;
      fields[n].len = (guint) (field_end - start);
      /* Separators are ASCII: the line is valid UTF-8 when each field is. */
      if (utf8 && !g_utf8_validate_len ((const char *) fields[0].p, (gsize) (field_end - fields[0].p), NULL))
        return LINE_DECLINE;
      return LINE_OK;
    }
}

/* ---- fields ------------------------------------------------------------------------------------ */

static inline Field
field_of (const Splitter *pl, const Field *fields, int col)
{
  static const guchar nothing[1];
  Field none = { nothing, 0 };

  return pl->position[col] >= 0 ? fields[pl->position[col]] : none;
}

/* Copies a field with its NUL; FALSE when it does not fit. */
static inline gboolean
field_copy (Field f, char *out, gsize size)
{
  if (f.len >= size)
    return FALSE;
  memcpy (out, f.p, f.len);
  out[f.len] = '\0';
  return TRUE;
}

/* 1..max digits as a number. */
static inline gboolean
field_digits (Field f, guint max, guint64 *out)
{
  guint64 v = 0;

  if (f.len == 0 || f.len > max)
    return FALSE;
  for (guint i = 0; i < f.len; i++)
    {
      if (f.p[i] < '0' || f.p[i] > '9')
        return FALSE;
      v = v * 10 + (guint64) (f.p[i] - '0');
    }
  *out = v;
  return TRUE;
}

/* Eight ASCII digits read as one 64-bit word (the first in its lowest byte): are they all
 * digits, and their value. */
static inline gboolean
eight_digits (guint64 word)
{
  return (((word + G_GUINT64_CONSTANT (0x4646464646464646)) | (word - G_GUINT64_CONSTANT (0x3030303030303030)))
          & G_GUINT64_CONSTANT (0x8080808080808080)) == 0;
}

static inline guint64
eight_digits_value (guint64 word)
{
  word -= G_GUINT64_CONSTANT (0x3030303030303030);
  word = word * 10 + (word >> 8);
  return (((word & G_GUINT64_CONSTANT (0x000000FF000000FF)) * G_GUINT64_CONSTANT (0x000F424000000064))
          + (((word >> 16) & G_GUINT64_CONSTANT (0x000000FF000000FF)) * G_GUINT64_CONSTANT (0x0000271000000001))) >> 32;
}

/* Exactly 15 digits (a CNS) as a number, eight at a time: the first eight, and the last eight,
 * which share the eighth. */
static inline gboolean
field_cns (Field f, guint64 *out)
{
  guint64 head, tail;

  if (f.len != 15)
    return FALSE;
  memcpy (&head, f.p, 8);
  memcpy (&tail, f.p + 7, 8);
  if (G_BYTE_ORDER != G_LITTLE_ENDIAN)
    return field_digits (f, 15, out);
  if (!eight_digits (head) || !eight_digits (tail))
    return FALSE;
  *out = eight_digits_value (head) / 10 * G_GUINT64_CONSTANT (100000000) + eight_digits_value (tail);
  return TRUE;
}

/* A field of 1..width digits (field_digits said so), left-padded with zeros as roster_csv_pad_code
 * pads it. */
static inline void
field_pad (Field f, guint width, char *out)
{
  memset (out, '0', width - f.len);
  memcpy (out + width - f.len, f.p, f.len);
  out[width] = '\0';
}

/* "", S or N in either case: what roster-csv.c accepts for a flag. */
static inline gboolean
field_flag (Field f, guint flag, guint *flags)
{
  if (f.len == 0)
    return TRUE;
  if (f.len != 1)
    return FALSE;
  if (f.p[0] == 'S' || f.p[0] == 's')
    *flags |= flag;
  else if (f.p[0] != 'N' && f.p[0] != 'n')
    return FALSE;
  return TRUE;
}

/* Text the general reader gives back unchanged: no blank at either end, no leading apostrophe
 * (a defused formula reads back without it). */
static inline gboolean
field_plain_text (Field f)
{
  return f.len == 0 || (f.p[0] != ' ' && f.p[f.len - 1] != ' ' && f.p[0] != '\'');
}

/* ---- rows, as the reading thread splits them --------------------------------------------------- */

static gboolean
same_team (const Splitter *s, const Field *fields)
{
  const guchar *cached = s->team_bytes;

  if (!s->have_team)
    return FALSE;
  for (guint i = 0; i < s->n_team_runs; i++)
    {
      const guchar *a = fields[s->team_runs[i].first].p;
      const Field *last = &fields[s->team_runs[i].last];
      gsize len = (gsize) (last->p + last->len - a);

      if (len != s->team_len[i] || memcmp (a, cached, len) != 0)
        return FALSE;
      cached += len;
    }
  return TRUE;
}

/* FALSE when the team fields are too long to keep (the general reader reads such a file). */
static gboolean
keep_team (Splitter *s, const Field *fields)
{
  gsize at = 0;

  s->have_team = FALSE;
  for (guint i = 0; i < s->n_team_runs; i++)
    {
      const guchar *a = fields[s->team_runs[i].first].p;
      const Field *last = &fields[s->team_runs[i].last];
      gsize len = (gsize) (last->p + last->len - a);

      if (at + len > sizeof s->team_bytes)
        return FALSE;
      memcpy (s->team_bytes + at, a, len);
      s->team_len[i] = (guint) len;
      at += len;
    }
  s->have_team = TRUE;
  return TRUE;
}

/* A row's team fields as roster-csv.c checks each of them; FALSE for any it would refuse or warn
 * about. */
static gboolean
split_team (Splitter *s, const Field *fields, TeamFields *t)
{
  char text[64];
  guint64 value;
  Field f;

  f = field_of (s, fields, COL_COMPETENCIA);
  if (f.len != 6 || !field_digits (f, 6, &value))
    return FALSE;
  if (memcmp (s->comp_text, f.p, 6) == 0)
    t->comp = s->comp_value;
  else
    {
      field_copy (f, text, sizeof text);
      if (!coordena_competencia_parse (text, &t->comp, NULL))
        return FALSE;
      memcpy (s->comp_text, text, 7);
      s->comp_value = t->comp;
    }

  f = field_of (s, fields, COL_INE);
  if (!field_digits (f, 10, &t->ine_value))
    return FALSE;
  field_pad (f, 10, t->ine);
  f = field_of (s, fields, COL_IBGE);
  if ((f.len != 6 && f.len != 7) || !field_digits (f, 7, &value))
    return FALSE;
  t->ibge_key = value * 8 + f.len;
  field_copy (f, t->ibge, sizeof t->ibge);
  f = field_of (s, fields, COL_CNES);
  if (!field_digits (f, 7, &value))
    return FALSE;
  field_pad (f, 7, t->cnes);
  if (!field_copy (field_of (s, fields, COL_TIPO), text, 16) || g_str_equal (text, "76")
      || !roster_csv_parse_type (text, &t->type))
    return FALSE;

  t->flags = 0;
  if (!field_flag (field_of (s, fields, COL_PROVIMENTO), COORDENA_TEAM_FLAG_PROVIMENTO, &t->flags)
      || !field_flag (field_of (s, fields, COL_SEM_PRODUCAO), COORDENA_TEAM_FLAG_SEM_PRODUCAO, &t->flags))
    return FALSE;
  t->base = COORDENA_BASE_UNKNOWN;
  f = field_of (s, fields, COL_VALOR_BASE);
  if (f.len > 0)
    {
      for (guint i = 0; i < f.len; i++)
        if (!g_ascii_isdigit (f.p[i]) && f.p[i] != '.' && f.p[i] != ',')
          return FALSE;
      if (!field_copy (f, text, sizeof text) || !coordena_parse_money (text, &t->base, NULL) || t->base < 0)
        return FALSE;
    }
  t->stratum = 0;
  f = field_of (s, fields, COL_ESTRATO);
  if (f.len > 0)
    {
      if (f.len != 1 || f.p[0] < '1' || f.p[0] > '4')
        return FALSE;
      t->stratum = (guint) (f.p[0] - '0');
    }

  /* The general reader warns about these: it will. */
  return coordena_cnes_check_digit_ok (t->cnes) && coordena_ine_check_digit_ok (t->ine);
}

static gboolean
split_row (Splitter *s, Block *block, const Field *fields)
{
  Field cns = field_of (s, fields, COL_CNS), name = field_of (s, fields, COL_NOME);
  Field cbo = field_of (s, fields, COL_CBO), carga = field_of (s, fields, COL_CARGA);
  Parsed *r;
  guint64 hours;

  if (block->n_rows == block->rows_cap)
    {
      block->rows_cap = MAX (block->rows_cap * 2, 4096);
      block->rows = g_renew (Parsed, block->rows, block->rows_cap);
    }
  r = &block->rows[block->n_rows++];
  r->team = 0;
  if (!same_team (s, fields))
    {
      if (block->n_teams == block->teams_cap)
        {
          block->teams_cap = MAX (block->teams_cap * 2, 1024);
          block->teams = g_renew (TeamFields, block->teams, block->teams_cap);
        }
      if (!split_team (s, fields, &block->teams[block->n_teams]) || !keep_team (s, fields))
        return FALSE;
      r->team = ++block->n_teams;
    }
  r->member = cns.len > 0;
  if (r->member)
    {
      if (!field_cns (cns, &r->cns) || cbo.len != 6 || !field_digits (carga, 3, &hours)
          || hours > 168 || !field_plain_text (name) || cbo.p[0] == ' ' || cbo.p[5] == ' ' || cbo.p[0] == '\'')
        return FALSE;
      r->cbo = 0;
      memcpy (&r->cbo, cbo.p, 6);
      r->hours = (guint8) hours;
      r->cns_text = cns.p;
      r->name = name.p;
      r->name_len = name.len;
    }
  s->n_rows++;
  return TRUE;
}

/* ---- rows, as the builder takes them ----------------------------------------------------------- */

/* The current team-month's rows become its team's rows before. */
static void
finish_month (Plain *pl)
{
  Team *team;

  if (!pl->in_month)
    return;
  team = &g_array_index (pl->teams, Team, LARGE_INDEX (pl->months, Month, pl->month).team);
  if (pl->n_run > team->n_before)
    team->before = g_renew (Row, team->before, pl->n_run);
  if (pl->n_run > 0)
    memcpy (team->before, pl->run, sizeof (Row) * pl->n_run);
  team->n_before = pl->n_run;
  pl->n_run = 0;
  pl->in_month = FALSE;
}

/* A row whose team fields differ from the last row's: what roster-csv.c checks across rows and
 * tells the builder. FALSE for any row it would refuse or warn about. */
static gboolean
team_row (Plain *pl, const TeamFields *t)
{
  const CoordenaMunicipio *mun;
  guint64 value;
  guint month, index;
  Team *team;

  index = number_find (&pl->team_index, t->ine_value + 1);
  team = index != 0 ? &g_array_index (pl->teams, Team, index - 1) : NULL;

  /* A team's rows name the same municipality, the same way, most of the time. */
  if (team != NULL && team->ibge_key == t->ibge_key)
    mun = team->mun;
  else if ((mun = roster_csv_find_municipio (&pl->municipios, pl->ref, t->ibge)) == NULL)
    return FALSE;
  if (t->stratum != 0 && pl->strata[mun - pl->municipios_base] != 0 && pl->strata[mun - pl->municipios_base] != t->stratum)
    return FALSE;

  /* The team-month: the current one, or one never seen (rows of one team-month come together). */
  value = t->ine_value * 1000000u + t->comp;
  month = G_MAXUINT;
  if (pl->have_key && value == pl->key)
    month = pl->month;
  else if (team != NULL && t->comp <= team->max_competencia)
    for (guint i = team->last_month; i != 0; i = LARGE_INDEX (pl->months, Month, i - 1).prev_month)
      if (LARGE_INDEX (pl->months, Month, i - 1).competencia == t->comp)
        return FALSE;
  if (month != G_MAXUINT)
    {
      const Month *m = &LARGE_INDEX (pl->months, Month, month);

      if (m->type != t->type || (t->base != COORDENA_BASE_UNKNOWN && m->base != COORDENA_BASE_UNKNOWN && m->base != t->base))
        return FALSE;
    }

  if (team == NULL)
    {
      Team fresh = { coordena_roster_builder_add_team (pl->builder, t->ine, t->cnes, mun->ibge7, NULL), 0, 0, 0, NULL };

      g_array_append_val (pl->teams, fresh);
      number_insert (&pl->team_index, t->ine_value + 1, pl->teams->len);
      team = &g_array_index (pl->teams, Team, pl->teams->len - 1);
    }
  team->ibge_key = t->ibge_key;
  team->mun = mun;
  if (month == G_MAXUINT)
    {
      Month fresh = { (guint) (team - &g_array_index (pl->teams, Team, 0)), t->type, t->flags,
                      t->base != COORDENA_BASE_UNKNOWN, t->base, t->comp, team->last_month };

      finish_month (pl);

      *(Month *) large_array_push (&pl->months) = fresh;
      month = (guint) pl->months.len - 1;
      team->last_month = month + 1;
      team->max_competencia = MAX (team->max_competencia, t->comp);
      coordena_roster_builder_add_team_month (pl->builder, team->builder, t->comp, t->type, t->flags, t->base);
      pl->in_month = TRUE;
    }
  else
    {
      Month *m = &LARGE_INDEX (pl->months, Month, month);

      if ((t->flags & ~m->flags_given) != 0 || (t->base != COORDENA_BASE_UNKNOWN && !m->base_given))
        {
          coordena_roster_builder_add_team_month (pl->builder, team->builder, t->comp, t->type, t->flags, t->base);
          m->flags_given |= t->flags;
          m->base_given = m->base_given || t->base != COORDENA_BASE_UNKNOWN;
        }
      if (t->base != COORDENA_BASE_UNKNOWN && m->base == COORDENA_BASE_UNKNOWN)
        m->base = t->base;
    }
  if (t->stratum != 0 && pl->strata[mun - pl->municipios_base] == 0)
    {
      pl->strata[mun - pl->municipios_base] = (guint8) t->stratum;
      coordena_roster_builder_set_ied_stratum (pl->builder, mun->ibge7, t->stratum);
    }

  pl->have_key = TRUE;
  pl->key = value;
  pl->month = month;
  pl->comp = t->comp;
  return TRUE;
}

/* A member row; FALSE for anything the general reader would refuse. */
static gboolean
member_row (Plain *pl, const Parsed *r)
{
  const Month *month = &LARGE_INDEX (pl->months, Month, pl->month);
  const Team *team = &g_array_index (pl->teams, Team, month->team);
  /* The six bytes and two NULs of r->cbo, written by the reading thread long before: read in
   * place (a copy on the stack read back in wider words stalls the processor on every row). */
  const char *cbo_text = (const char *) &r->cbo;
  guint professional = 0;
  gboolean named = FALSE, known = FALSE, found = FALSE;
  const Row *rows;

  /* The same CNS and CBO twice in a team-month: the same hours, or the file is refused; the same
   * CNS with another CBO is the same professional. */
  rows = pl->run;
  for (guint i = 0; i < pl->n_run; i++)
    if (rows[i].cns == r->cns)
      {
        professional = rows[i].professional;
        named = rows[i].named;
        known = TRUE;
        if (rows[i].cbo == r->cbo)
          {
            if (rows[i].hours != r->hours)
              return FALSE;
            found = TRUE;
            break;
          }
      }
  for (guint i = 0; !known && i < team->n_before; i++)
    if (team->before[i].cns == r->cns)
      {
        professional = team->before[i].professional;
        named = team->before[i].named;
        known = TRUE;
      }
  if (!known)
    {
      /* Someone from another team, or new: the builder knows a CNS it has seen. */
      char cns_text[16], *name_text = g_alloca (r->name_len + 1);

      memcpy (cns_text, r->cns_text, 15);
      cns_text[15] = '\0';
      if (!coordena_cns_is_valid (cns_text))
        return FALSE;
      memcpy (name_text, r->name, r->name_len);
      name_text[r->name_len] = '\0';
      professional = roster_builder_add_professional_cns (pl->builder, r->cns, cns_text, name_text);
      named = r->name_len > 0;
    }
  else if (!named && r->name_len > 0)
    {
      char *name_text = g_alloca (r->name_len + 1);

      memcpy (name_text, r->name, r->name_len);
      name_text[r->name_len] = '\0';
      coordena_roster_builder_name_professional (pl->builder, professional, name_text);
      named = TRUE;
    }
  if (!found)
    {
      Row row = { r->cns, r->cbo, professional, r->hours, (guint8) named };

      if (pl->n_run >= MAX_MONTH_ROWS)
        return FALSE;
      pl->run[pl->n_run++] = row;
    }
  roster_builder_add_member_cbo6 (pl->builder, team->builder, pl->comp, professional, cbo_text,
                                  roster_csv_category (&pl->cbos, pl->map, cbo_text), (guint) r->hours);
  return TRUE;
}

#define PREFETCH_ROWS 16

/* The rows the reading thread split from a block. */
static gboolean
build_rows (Plain *pl, const Block *block)
{
  if (block->reserve != 0 && !pl->reserved)
    {
      coordena_roster_builder_reserve (pl->builder, block->reserve);
      pl->reserved = TRUE;
    }
  for (guint i = 0; i < block->n_rows; i++)
    {
      const Parsed *r = &block->rows[i];

      /* A row a little ahead may bring a professional the builder has to look up. */
      if (i + PREFETCH_ROWS < block->n_rows && block->rows[i + PREFETCH_ROWS].member)
        roster_builder_prefetch_professional (pl->builder, block->rows[i + PREFETCH_ROWS].cns);

      if (r->team != 0 && !team_row (pl, &block->teams[r->team - 1]))
        return FALSE;
      if (!pl->have_key)
        return FALSE;
      pl->n_rows++;
      if (r->member && !member_row (pl, r))
        return FALSE;
    }
  return TRUE;
}

/* ---- the header -------------------------------------------------------------------------------- */

/* The header as the general reader would read it, when it is plain: known names in lower case,
 * nothing around them, each declared column once, the required ones present. */
static gboolean
read_header (Splitter *pl, const guchar *p, gsize len)
{
  guint n = 0;
  gsize start = 0;
  int last_team = -2;

  for (int c = 0; c < N_COLS; c++)
    pl->position[c] = -1;
  for (gsize i = 0; i <= len; i++)
    {
      if (i < len && p[i] != ';')
        {
          if (p[i] < 0x21 || p[i] >= 0x7F || p[i] == '"' || g_ascii_isupper (p[i]))
            return FALSE;
          continue;
        }
      if (n >= MAX_FIELDS)
        return FALSE;
      for (int c = 0; c < N_COLS; c++)
        if (i - start == strlen (plain_columns[c].name) && memcmp (p + start, plain_columns[c].name, i - start) == 0)
          {
            if (pl->position[c] >= 0)
              return FALSE;
            pl->position[c] = (int) n;
          }
      n++;
      start = i + 1;
    }
  pl->n_fields = n;
  for (int c = 0; c < N_COLS; c++)
    if (plain_columns[c].required && pl->position[c] < 0)
      return FALSE;

  /* The team columns, in file order, grouped where they are adjacent. */
  pl->n_team_runs = 0;
  for (guint i = 0; i < n; i++)
    {
      gboolean team = FALSE;

      for (int c = 0; c < N_COLS; c++)
        team = team || (plain_columns[c].team && pl->position[c] == (int) i);
      if (!team)
        continue;
      if (last_team == (int) i - 1)
        pl->team_runs[pl->n_team_runs - 1].last = i;
      else
        {
          pl->team_runs[pl->n_team_runs].first = pl->team_runs[pl->n_team_runs].last = i;
          pl->n_team_runs++;
        }
      last_team = (int) i;
    }
  return TRUE;
}

/* ---- the file ---------------------------------------------------------------------------------- */

/* A large file is read and split on a thread of its own, blocks ahead of the rows being built,
 * from before the reference tables the rows need are loaded: copying the file from the system
 * and splitting its lines take about half the reading. Each block keeps room in front for the
 * end of a line the block before cut. */
#define HEAD (64 * 1024)
#ifndef N_BLOCKS
#define N_BLOCKS 8
#endif

/* The lines of one block, after the end of the line the block before cut (s->carry). */
static gboolean
split_block (Splitter *s, Block *block)
{
  Field fields[MAX_FIELDS];
  const guchar *p = block->data + block->head - s->carry_len, *end = block->data + block->head + block->len;

  block->n_rows = block->n_teams = 0;
  block->reserve = 0;
  if (s->carry_len > 0)
    memcpy (block->data + block->head - s->carry_len, s->carry, s->carry_len);
  if (!s->header)
    {
      const guchar *lf = memchr (p, '\n', (gsize) (end - p));
      gsize len;

      if (lf == NULL)
        return FALSE; /* a header longer than a block, or a file of a header without its line end */
      if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
      len = (gsize) (lf - p);
      if (len > 0 && p[len - 1] == '\r')
        len--;
      if (!read_header (s, p, len))
        return FALSE;
      p = lf + 1;
      s->header = TRUE;
    }
  while (p < end)
    {
      const guchar *next = NULL;
      LineResult result = split_line (s, p, end, block->last, fields, &next);

      if (result == LINE_MORE)
        break;
      if (result == LINE_DECLINE || !split_row (s, block, fields))
        return FALSE;
      s->consumed += (guint64) (next - p);
      p = next;
      /* The rows so far tell how many the file holds: room for them at once. */
      if (s->n_rows == 4096)
        {
          guint64 estimate = s->size / MAX (s->consumed / s->n_rows, 1) + s->size / MAX (s->consumed / s->n_rows, 1) / 8;

          block->reserve = (guint) MIN (estimate, G_MAXUINT / 2);
        }
    }
  s->carry_len = (gsize) (end - p);
  if (s->carry_len > HEAD || (s->carry_len > 0 && s->carry == NULL))
    return FALSE; /* a line longer than the room before a block */
  if (s->carry_len > 0)
    memcpy (s->carry, p, s->carry_len);
  return TRUE;
}

/* A file being read: a large one on its thread, from roster_csv_plain_open() on. */
struct _RosterPlain {
  int fd;
  gsize size;
  Splitter split;
  GAsyncQueue *empty, *full;
  gint stop;
  GThread *thread;            /* NULL for a small file, read when its rows are built */
  guchar *memory;
  Block blocks[N_BLOCKS];
};

static gpointer
read_blocks (gpointer data)
{
  RosterPlain *rd = data;

  for (;;)
    {
      Block *block = g_async_queue_pop (rd->empty);
      gssize n = 1;

      block->len = 0;
      block->n_rows = 0;
      while (!g_atomic_int_get (&rd->stop) && block->len < CHUNK && n > 0)
        {
          n = read (rd->fd, block->data + block->head + block->len, CHUNK - block->len);
          if (n < 0 && errno == EINTR)
            n = 1;
          else if (n > 0)
            block->len += (gsize) n;
        }
      block->last = n <= 0 || g_atomic_int_get (&rd->stop);
      /* A failed read, or rows the general reader must read: the rows stop here. */
      block->failed = n < 0 || g_atomic_int_get (&rd->stop) || !split_block (&rd->split, block);
      block->last = block->last || block->failed;
      g_async_queue_push (rd->full, block);
      if (block->last)
        return NULL;
    }
}

static void
block_clear (Block *block)
{
  g_free (block->rows);
  g_free (block->teams);
}

/* A small file in one block, read and built here. */
static gboolean
read_small (Plain *pl, RosterPlain *rp)
{
  Block block = { g_malloc (rp->size + 1), 0, 0, TRUE, FALSE, NULL, 0, 0, NULL, 0, 0, 0 };
  gboolean ok;
  gssize n = 1;

  /* One more byte than the file had: a file that grew meanwhile is read the general way. */
  while (block.len <= rp->size && n > 0)
    {
      n = read (rp->fd, block.data + block.len, rp->size + 1 - block.len);
      if (n < 0 && errno == EINTR)
        n = 1;
      else if (n > 0)
        block.len += (gsize) n;
    }
  ok = n == 0 && split_block (&rp->split, &block) && build_rows (pl, &block);
  g_free (block.data);
  block_clear (&block);
  return ok;
}

/* The blocks of a large file, as its thread splits them. */
static gboolean
read_large (Plain *pl, RosterPlain *rp)
{
  gboolean ok = TRUE, last = FALSE;

  while (ok && !last)
    {
      Block *block = g_async_queue_pop (rp->full);

      last = block->last;
      ok = !block->failed && build_rows (pl, block);
      g_async_queue_push (rp->empty, block);
    }
  return ok;
}

RosterPlain *
roster_csv_plain_open (const char *path)
{
  RosterPlain *rp;
  struct stat st;
  int fd;

  /* Only an ordinary file: a pipe read here could not be read again by the general reader. */
  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size == 0)
    {
      close (fd);
      return NULL;
    }
  rp = g_new0 (RosterPlain, 1);
  rp->fd = fd;
  rp->size = (gsize) st.st_size;
  rp->split.size = (guint64) st.st_size;
  if (rp->size <= SMALL_FILE)
    return rp;

  rp->split.carry = g_malloc (HEAD);
  rp->empty = g_async_queue_new ();
  rp->full = g_async_queue_new ();
  rp->memory = coordena_large_alloc (N_BLOCKS * (HEAD + CHUNK));
  for (guint i = 0; i < N_BLOCKS; i++)
    {
      rp->blocks[i].data = rp->memory + i * (HEAD + CHUNK);
      rp->blocks[i].head = HEAD;
      g_async_queue_push (rp->empty, &rp->blocks[i]);
    }
  rp->thread = g_thread_new ("coordena-roster-read", read_blocks, rp);
  return rp;
}

void
roster_csv_plain_close (RosterPlain *rp)
{
  if (rp == NULL)
    return;
  if (rp->thread != NULL)
    {
      /* Stops the thread when the rows ended early: it may wait for an empty block, and the
       * caller gave each one back. */
      g_atomic_int_set (&rp->stop, 1);
      g_async_queue_push (rp->empty, &rp->blocks[0]);
      g_thread_join (rp->thread);
      g_async_queue_unref (rp->empty);
      g_async_queue_unref (rp->full);
      for (guint i = 0; i < N_BLOCKS; i++)
        block_clear (&rp->blocks[i]);
      g_free (rp->memory);
    }
  g_free (rp->split.carry);
  close (rp->fd);
  g_free (rp);
}

gboolean
roster_csv_plain_read (RosterPlain                    *rp,
                       const CoordenaCboMap           *map,
                       const CoordenaReference        *ref,
                       CoordenaRosterCsvReport        *report,
                       CoordenaRoster                **roster,
                       GError                        **error)
{
  g_autofree Plain *pl = g_new0 (Plain, 1);
  guint n_municipios = 0;
  gboolean ok;

  pl->map = map;
  pl->ref = ref;
  pl->builder = coordena_roster_builder_new ();
  pl->teams = g_array_new (FALSE, FALSE, sizeof (Team));
  large_array_init (&pl->months, sizeof (Month));
  pl->municipios_base = coordena_reference_get_municipios (ref, &n_municipios);
  pl->strata = g_new0 (guint8, MAX (n_municipios, 1));

  ok = rp->thread != NULL ? read_large (pl, rp) : read_small (pl, rp);
  ok = ok && rp->split.header && pl->n_rows > 0;
  roster_csv_plain_close (rp);
  large_array_clear (&pl->months);
  for (guint i = 0; i < pl->teams->len; i++)
    g_free (g_array_index (pl->teams, Team, i).before);
  g_array_unref (pl->teams);
  g_free (pl->strata);
  g_free (pl->team_index.slots);
  if (!ok)
    {
      coordena_roster_builder_free (pl->builder);
      return FALSE;
    }
  if (report != NULL)
    {
      report->n_rows = pl->n_rows;
      report->plain = TRUE;
    }
  *roster = coordena_roster_builder_finish (pl->builder, error);
  return TRUE;
}
