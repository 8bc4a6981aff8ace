/* SPDX-License-Identifier: GPL-3.0-or-later */
/* roster-dump.h — everything a reading of a roster CSV gives, as text: the roster (teams, their
 * competências and members, the professionals in the order first seen), the report and the error.
 * Two readings that must agree are compared through it. */
#pragma once

#include <coordena/coordena.h>
#include <coordena/roster-csv.h>

static inline char *
roster_reading_dump (const char *path, const CoordenaRosterCsvOptions *options)
{
  g_auto(CoordenaRosterCsvReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  CoordenaRoster *r = coordena_roster_csv_read (path, options, &report, &error);
  GString *out = g_string_new (NULL);

  if (r != NULL)
    {
      guint n_teams = coordena_roster_get_n_teams (r), n_profs = coordena_roster_get_n_professionals (r);
      const CoordenaRosterProfessional *profs = coordena_roster_get_professionals (r);

      for (guint t = 0; t < n_teams; t++)
        {
          const CoordenaRosterTeam *team = coordena_roster_get_team (r, t);
          const CoordenaRosterMonth *months;
          guint n_months;

          g_string_append_printf (out, "T %s %s %s %s %u\n", team->ine, team->cnes, team->ibge,
                                  team->name != NULL ? team->name : "-", team->ied_stratum);
          months = coordena_roster_team_months (r, team, &n_months);
          for (guint m = 0; m < n_months; m++)
            {
              const CoordenaRosterMember *members;
              guint n_members;

              g_string_append_printf (out, " M %u %u %u %" G_GINT64_FORMAT "\n", months[m].competencia, months[m].type,
                                      months[m].flags, months[m].base_centavos);
              members = coordena_roster_month_members (r, &months[m], &n_members);
              for (guint i = 0; i < n_members; i++)
                g_string_append_printf (out, "  P %u %s %d %u %u\n", members[i].professional, members[i].cbo,
                                        members[i].category, members[i].hours, members[i].total_hours);
            }
        }
      for (guint p = 0; p < n_profs; p++)
        g_string_append_printf (out, "C %s %s\n", profs[p].cns, profs[p].name != NULL ? profs[p].name : "-");
      coordena_roster_unref (r);
    }
  g_string_append_printf (out, "rows %" G_GUINT64_FORMAT "\n", report.n_rows);
  for (guint i = 0; report.warnings != NULL && i < report.warnings->len; i++)
    g_string_append_printf (out, "W %s\n", (char *) report.warnings->pdata[i]);
  for (guint i = 0; report.skipped != NULL && i < report.skipped->len; i++)
    g_string_append_printf (out, "S %s\n", (char *) report.skipped->pdata[i]);
  g_string_append_printf (out, "E %s\n", error != NULL ? error->message : "-");
  return g_string_free (out, FALSE);
}
