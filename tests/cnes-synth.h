/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cnes-synth.h — a synthetic CNES base (the layout of BASE_DE_DADOS_CNES_AAAAMM) for the import
 * benchmark and the crash-safety test: a state's teams and members, and other states' rows around
 * them so the two big tables have to be filtered. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint uf_code;            /* the state whose teams are generated, e.g. 43 */
  guint n_teams;            /* teams of that state */
  guint members_per_team;   /* members of each team (about) */
  guint64 filler_rows;      /* extra rows of other states in tbCargaHorariaSus and tbDadosProfissionalSus */
  guint competencia;        /* AAAAMM of the file names */
  guint32 seed;
} CnesSynthOptions;

typedef struct {
  guint n_teams;            /* the state's teams active in the competência */
  guint n_members;          /* their members active in the competência */
  guint64 carga_rows;
  guint64 dados_rows;
} CnesSynthCounts;

/* Writes tbEquipe, rlEstabEquipeProf, tbCargaHorariaSus, tbDadosProfissionalSus and
 * tbEstabelecimento (Latin-1, ';', quoted, CRLF) into dir. */
gboolean cnes_synth_write (const char *dir, const CnesSynthOptions *options, CnesSynthCounts *counts,
                           GError **error);

/* The state's team-member rows as a plain CSV (ine;cns;cbo;horas), for comparing with sqlite3 .import. */
gboolean cnes_synth_write_flat (const char *path, const CnesSynthOptions *options, GError **error);

/* The mod-11 check digit of a CNES or INE from the six digits before it. */
char cnes_synth_check_digit (const char *six);

/* A valid CNS of the 7/8/9 family from a number (the next valid one at or after it). */
void cnes_synth_cns (guint64 n, char out[16]);

G_END_DECLS
