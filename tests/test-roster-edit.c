/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Removing a whole team by hand and putting it back: the team and everything it held leave the
 * database in one step, and Desfazer returns exactly what was there. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include <coordena/coordena.h>
#include <coordena/export.h>
#include <coordena/import.h>
#include <coordena/roster-edit.h>
#include <coordena/store.h>

static char *
read_all (const char *path)
{
  char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_remove_and_restore_team (void)
{
  g_autofree char *dir = g_dir_make_tmp ("coordena-edit-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "go.db", NULL);
  g_autofree char *before_csv = g_build_filename (dir, "antes.csv", NULL);
  g_autofree char *after_csv = g_build_filename (dir, "depois.csv", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "rules", "roster.csv", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(CoordenaRoster) roster = NULL;
  g_autoptr(CoordenaRoster) without = NULL;
  g_autoptr(CoordenaTeamSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  CoordenaImportReport *report;
  guint n_teams;

  store = coordena_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (coordena_store_init_uf (store, "GO", &error));
  report = coordena_import_roster_csv (store, fixture, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  coordena_import_report_free (report);
  g_assert_true (coordena_export_roster_csv (store, before_csv, &error));
  roster = coordena_store_load_roster (store, &error);
  g_assert_no_error (error);
  n_teams = coordena_roster_get_n_teams (roster);
  g_assert_nonnull (coordena_roster_find_team (roster, "0000010030"));

  snapshot = coordena_roster_edit_remove_team (store, roster, "0000010030", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (coordena_team_snapshot_get_ine (snapshot), ==, "0000010030");
  without = coordena_store_load_roster (store, &error);
  g_assert_cmpuint (coordena_roster_get_n_teams (without), ==, n_teams - 1);
  g_assert_null (coordena_roster_find_team (without, "0000010030"));

  g_assert_true (coordena_roster_edit_restore_team (store, snapshot, &error));
  g_assert_no_error (error);
  g_assert_true (coordena_export_roster_csv (store, after_csv, &error));
  before = read_all (before_csv);
  after = read_all (after_csv);
  g_assert_cmpstr (after, ==, before);

  /* A team that is not there is refused with its INE. */
  g_assert_null (coordena_roster_edit_remove_team (store, without, "0000010030", &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "0000010030"));

  g_unlink (before_csv);
  g_unlink (after_csv);
}

/* Removing one member touches only that competência of that team; Desfazer puts back exactly
 * what was there. */
static void
test_remove_and_restore_member (void)
{
  g_autofree char *dir = g_dir_make_tmp ("coordena-edit-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "go.db", NULL);
  g_autofree char *before_csv = g_build_filename (dir, "antes.csv", NULL);
  g_autofree char *after_csv = g_build_filename (dir, "depois.csv", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "rules", "roster.csv", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(CoordenaRoster) roster = NULL;
  g_autoptr(CoordenaRoster) without = NULL;
  g_autoptr(CoordenaMemberRemoval) removal = NULL;
  g_autoptr(GArray) members = NULL;
  g_autoptr(GArray) left = NULL;
  g_autoptr(GError) error = NULL;
  const CoordenaRosterTeam *team;
  const CoordenaRosterMonth *months;
  CoordenaImportReport *report;
  CoordenaCompetencia competencia = 0;
  g_autofree char *cns = NULL;
  guint n_months;

  store = coordena_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (coordena_store_init_uf (store, "GO", &error));
  report = coordena_import_roster_csv (store, fixture, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  coordena_import_report_free (report);
  g_assert_true (coordena_export_roster_csv (store, before_csv, &error));
  roster = coordena_store_load_roster (store, &error);
  g_assert_no_error (error);
  team = coordena_roster_find_team (roster, "0000010014");
  g_assert_nonnull (team);
  months = coordena_roster_team_months (roster, team, &n_months);
  g_assert_cmpuint (n_months, >, 0);
  /* A competência where the team has more than one member. */
  for (guint m = 0; m < n_months; m++)
    {
      g_autoptr(GArray) those = coordena_roster_edit_members (roster, "0000010014", months[m].competencia);

      if (those->len > 1)
        {
          competencia = months[m].competencia;
          break;
        }
    }
  members = coordena_roster_edit_members (roster, "0000010014", competencia);
  g_assert_cmpuint (members->len, >, 1);
  cns = g_strdup (g_array_index (members, CoordenaMemberEdit, 0).cns);

  removal = coordena_roster_edit_remove_member (store, roster, "0000010014", competencia, cns, &error);
  g_assert_no_error (error);
  g_assert_nonnull (removal);
  without = coordena_store_load_roster (store, &error);
  left = coordena_roster_edit_members (without, "0000010014", competencia);
  g_assert_cmpuint (left->len, ==, members->len - 1);
  for (guint i = 0; i < left->len; i++)
    g_assert_cmpstr (g_array_index (left, CoordenaMemberEdit, i).cns, !=, cns);

  g_assert_true (coordena_roster_edit_restore_member (store, removal, &error));
  g_assert_no_error (error);
  g_assert_true (coordena_export_roster_csv (store, after_csv, &error));
  before = read_all (before_csv);
  after = read_all (after_csv);
  g_assert_cmpstr (after, ==, before);

  /* Someone who is not in the team that month is refused, and nothing changes. */
  g_assert_null (coordena_roster_edit_remove_member (store, without, "0000010014", competencia, cns, &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "0000010014"));

  g_unlink (before_csv);
  g_unlink (after_csv);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roster-edit/remove-and-restore-team", test_remove_and_restore_team);
  g_test_add_func ("/roster-edit/remove-and-restore-member", test_remove_and_restore_member);

  return g_test_run ();
}
