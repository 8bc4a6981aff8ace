/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the rule-set loader (GKeyFile, validated into clauses) and the CBO → category map
 * (a CSV); both are files a user may drop into their own data folder. */
#include "fuzz-common.h"

#include <coordena/coordena.h>
#include <coordena/ruleset.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;

  fuzz_init_once ();
  if (size > 128 * 1024)
    return 0;
  path = fuzz_write ("fuzz.ruleset", data, size);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CoordenaRuleSet) set = coordena_rule_set_load_file (path, &error);

    if ((set == NULL) == (error == NULL))
      abort ();
    if (set != NULL)
      {
        for (guint i = 0; i < set->n_clauses; i++)
          if (set->clauses[i].percent > 100 || set->clauses[i].consecutive < 1)
            abort ();   /* the loader lets through what it promises to refuse */
        (void) coordena_rule_set_covers (set, 202508);
        for (int type = 0; type < 4; type++)
          for (guint stratum = 0; stratum <= 4; stratum++)
            (void) coordena_rule_set_default_base (set, (CoordenaTeamType) type, stratum);
      }
    else if (!g_utf8_validate (error->message, -1, NULL))
      abort ();
  }
  csv = fuzz_write ("cbo-categorias.csv", data, size);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CoordenaCboMap) map = coordena_cbo_map_load_file (csv, &error);

    if ((map == NULL) == (error == NULL))
      abort ();
    if (map != NULL)
      (void) coordena_cbo_map_lookup (map, "225142");
  }
  return 0;
}
