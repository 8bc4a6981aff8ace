/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gen-roster — writes a synthetic roster CSV: `gen-roster TEAMS MONTHS START FILE`
 * (a state: 6000 24 202401 estado.csv ≈ 1 M rows; the country: 50000 teams). */
#include "config.h"

#include <stdlib.h>

#include "roster-synth.h"

int
main (int argc, char **argv)
{
  SynthSpec spec = { 6000, 24, 202401, 42 };
  g_autoptr(GError) error = NULL;
  guint64 rows = 0;

  if (argc != 5)
    {
      g_printerr ("usage: gen-roster TEAMS MONTHS START(AAAAMM) FILE\n");
      return 2;
    }
  spec.n_teams = (guint) atoi (argv[1]);
  spec.n_months = (guint) atoi (argv[2]);
  spec.start = (CoordenaCompetencia) atoi (argv[3]);
  if (spec.n_teams == 0 || spec.n_months == 0 || !coordena_competencia_is_valid (spec.start))
    {
      g_printerr ("gen-roster: bad TEAMS, MONTHS or START\n");
      return 2;
    }
  if (!synth_roster_write_csv (&spec, argv[4], &rows, &error))
    {
      g_printerr ("gen-roster: %s\n", error->message);
      return 1;
    }
  g_print ("%s: %u teams × %u competências, %" G_GUINT64_FORMAT " rows\n", argv[4], spec.n_teams, spec.n_months, rows);
  return 0;
}
