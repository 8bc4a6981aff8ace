/* SPDX-License-Identifier: GPL-3.0-or-later */
/* roster-synth.h — synthetic rosters for the benchmarks: a state or the whole country. */
#pragma once

#include <coordena/coordena.h>

G_BEGIN_DECLS

typedef struct {
  guint n_teams;
  guint n_months;
  CoordenaCompetencia start;
  guint32 seed;
} SynthSpec;

/* Writes the roster as an interchange CSV (docs/formato-roster-csv.md); *n_rows gets the rows. */
gboolean synth_roster_write_csv (const SynthSpec *spec, const char *path, guint64 *n_rows, GError **error);

/* Builds the same roster in memory, without a file. */
CoordenaRoster *synth_roster_build (const SynthSpec *spec);

G_END_DECLS
