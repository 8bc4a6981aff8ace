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

/* An edit of a member (name, CBO, hours) and a competência added, then undone: the roster CSV is
 * the same as before, byte for byte; a team the edit added goes away on undo. */
static void
test_edit_and_revert (void)
{
  g_autofree char *dir = g_dir_make_tmp ("coordena-edit-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "go.db", NULL);
  g_autofree char *before_csv = g_build_filename (dir, "antes.csv", NULL);
  g_autofree char *after_csv = g_build_filename (dir, "depois.csv", NULL);
  g_autofree char *edited_csv = g_build_filename (dir, "editado.csv", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "rules", "roster.csv", NULL);
  g_autofree char *before = NULL, *after = NULL, *edited = NULL;
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(CoordenaRoster) roster = NULL;
  g_autoptr(CoordenaRoster) added = NULL;
  g_autoptr(CoordenaTeamSnapshot) snapshot = NULL;
  g_autoptr(GArray) members = NULL;
  g_autoptr(GError) error = NULL;
  const CoordenaRosterTeam *rt;
  CoordenaImportReport *report;
  CoordenaCompetencia last;
  CoordenaTeamEdit team;

  store = coordena_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (coordena_store_init_uf (store, "GO", &error));
  report = coordena_import_roster_csv (store, fixture, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  coordena_import_report_free (report);
  g_assert_true (coordena_export_roster_csv (store, before_csv, &error));
  roster = coordena_store_load_roster (store, &error);
  g_assert_no_error (error);
  rt = coordena_roster_find_team (roster, "0000010022");
  g_assert_nonnull (rt);
  {
    guint n_months = 0;
    const CoordenaRosterMonth *months = coordena_roster_team_months (roster, rt, &n_months);

    g_assert_cmpuint (n_months, >, 0);
    last = months[n_months - 1].competencia;
  }
  members = coordena_roster_edit_members (roster, "0000010022", last);
  g_assert_cmpuint (members->len, >, 0);

  snapshot = coordena_roster_edit_snapshot_team (roster, "0000010022");
  g_assert_nonnull (snapshot);
  g_array_index (members, CoordenaMemberEdit, 0).name = "Outro Nome";
  g_array_index (members, CoordenaMemberEdit, 0).hours = 20;
  team = (CoordenaTeamEdit) { .ine = rt->ine, .cnes = rt->cnes, .ibge7 = rt->ibge, .name = "Nome trocado", .type = COORDENA_TEAM_TYPE_ESF };
  g_assert_true (coordena_roster_edit_put (store, "editar profissional", &team, last, (const CoordenaMemberEdit *) members->data,
                                           members->len, &error));
  g_assert_true (coordena_roster_edit_put (store, "editar equipe", &team, coordena_competencia_add (last, 1),
                                           (const CoordenaMemberEdit *) members->data, members->len, &error));
  g_assert_no_error (error);
  g_assert_true (coordena_export_roster_csv (store, edited_csv, &error));
  edited = read_all (edited_csv);
  before = read_all (before_csv);
  g_assert_cmpstr (edited, !=, before);

  g_assert_true (coordena_roster_edit_revert_team (store, "0000010022", snapshot, &error));
  g_assert_no_error (error);
  g_assert_true (coordena_export_roster_csv (store, after_csv, &error));
  after = read_all (after_csv);
  g_assert_cmpstr (after, ==, before);

  /* A team the edit added: undone, it is gone. */
  team = (CoordenaTeamEdit) { .ine = "0000099996", .cnes = rt->cnes, .ibge7 = rt->ibge, .name = "Nova", .type = COORDENA_TEAM_TYPE_ESF };
  g_assert_null (coordena_roster_edit_snapshot_team (roster, "0000099996"));
  g_assert_true (coordena_roster_edit_put (store, "incluir equipe", &team, last, NULL, 0, &error));
  added = coordena_store_load_roster (store, &error);
  g_assert_nonnull (coordena_roster_find_team (added, "0000099996"));
  g_assert_true (coordena_roster_edit_revert_team (store, "0000099996", NULL, &error));
  g_clear_pointer (&added, coordena_roster_unref);
  added = coordena_store_load_roster (store, &error);
  g_assert_null (coordena_roster_find_team (added, "0000099996"));

  g_unlink (before_csv);
  g_unlink (after_csv);
  g_unlink (edited_csv);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roster-edit/remove-and-restore-team", test_remove_and_restore_team);
  g_test_add_func ("/roster-edit/edit-and-revert", test_edit_and_revert);

  return g_test_run ();
}
