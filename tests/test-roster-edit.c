/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Removing a whole team, or one member, by hand and putting it back: what it held leaves the
 * database in one step, and Desfazer returns exactly what was there. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include <coordena/coordena.h>
#include <coordena/export.h>
#include <coordena/import.h>
#include <coordena/roster-edit.h>
#include <coordena/store.h>

#include "test-utils.h"

static char *
read_all (const char *path)
{
  char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* A database of the state of Goiás holding the rules' fixture roster, and its CSV export as
 * it was before an edit. */
typedef struct {
  char *dir;
  char *before_csv;
  CoordenaStore *store;
  CoordenaRoster *roster;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *db = NULL;
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "rules", "roster.csv", NULL);
  g_autoptr(GError) error = NULL;
  CoordenaImportReport *report;

  f->dir = g_dir_make_tmp ("coordena-edit-XXXXXX", NULL);
  db = g_build_filename (f->dir, "go.db", NULL);
  f->before_csv = g_build_filename (f->dir, "antes.csv", NULL);
  f->store = coordena_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (coordena_store_init_uf (f->store, "GO", &error));
  report = coordena_import_roster_csv (f->store, csv, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  coordena_import_report_free (report);
  g_assert_true (coordena_export_roster_csv (f->store, f->before_csv, &error));
  f->roster = coordena_store_load_roster (f->store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->roster, coordena_roster_unref);
  g_clear_pointer (&f->store, coordena_store_close);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->before_csv);
}

/* The database exports exactly what it did before the edit. */
static void
assert_as_before (Fixture *f)
{
  g_autofree char *after_csv = g_build_filename (f->dir, "depois.csv", NULL);
  g_autofree char *before = read_all (f->before_csv);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (coordena_export_roster_csv (f->store, after_csv, &error));
  after = read_all (after_csv);
  g_assert_cmpstr (after, ==, before);
}

static void
test_remove_and_restore_team (Fixture *f, gconstpointer data)
{
  g_autoptr(CoordenaRoster) without = NULL;
  g_autoptr(CoordenaTeamSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  guint n_teams = coordena_roster_get_n_teams (f->roster);

  g_assert_nonnull (coordena_roster_find_team (f->roster, "0000010030"));

  snapshot = coordena_roster_edit_remove_team (f->store, f->roster, "0000010030", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (coordena_team_snapshot_get_ine (snapshot), ==, "0000010030");
  without = coordena_store_load_roster (f->store, &error);
  g_assert_cmpuint (coordena_roster_get_n_teams (without), ==, n_teams - 1);
  g_assert_null (coordena_roster_find_team (without, "0000010030"));

  g_assert_true (coordena_roster_edit_restore_team (f->store, snapshot, &error));
  g_assert_no_error (error);
  assert_as_before (f);

  /* A team that is not there is refused with its INE. */
  g_assert_null (coordena_roster_edit_remove_team (f->store, without, "0000010030", &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "0000010030"));
}

/* Removing one member touches only that competência of that team; Desfazer puts back exactly
 * what was there. */
static void
test_remove_and_restore_member (Fixture *f, gconstpointer data)
{
  g_autoptr(CoordenaRoster) without = NULL;
  g_autoptr(CoordenaMemberRemoval) removal = NULL;
  g_autoptr(GArray) members = NULL;
  g_autoptr(GArray) left = NULL;
  g_autoptr(GError) error = NULL;
  const CoordenaRosterTeam *team = coordena_roster_find_team (f->roster, "0000010014");
  const CoordenaRosterMonth *months;
  CoordenaCompetencia competencia = 0;
  g_autofree char *cns = NULL;
  guint n_months;

  g_assert_nonnull (team);
  months = coordena_roster_team_months (f->roster, team, &n_months);
  /* A competência where the team has more than one member. */
  for (guint m = 0; m < n_months; m++)
    {
      g_autoptr(GArray) those = coordena_roster_edit_members (f->roster, "0000010014", months[m].competencia);

      if (those->len > 1)
        {
          competencia = months[m].competencia;
          break;
        }
    }
  members = coordena_roster_edit_members (f->roster, "0000010014", competencia);
  g_assert_cmpuint (members->len, >, 1);
  cns = g_strdup (g_array_index (members, CoordenaMemberEdit, 0).cns);

  removal = coordena_roster_edit_remove_member (f->store, f->roster, "0000010014", competencia, cns, &error);
  g_assert_no_error (error);
  g_assert_nonnull (removal);
  without = coordena_store_load_roster (f->store, &error);
  left = coordena_roster_edit_members (without, "0000010014", competencia);
  g_assert_cmpuint (left->len, ==, members->len - 1);
  for (guint i = 0; i < left->len; i++)
    g_assert_cmpstr (g_array_index (left, CoordenaMemberEdit, i).cns, !=, cns);

  g_assert_true (coordena_roster_edit_restore_member (f->store, removal, &error));
  g_assert_no_error (error);
  assert_as_before (f);

  /* Someone who is not in the team that month is refused, and nothing changes. */
  g_assert_null (coordena_roster_edit_remove_member (f->store, without, "0000010014", competencia, cns, &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "0000010014"));
  assert_as_before (f);
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
  g_assert_true (coordena_roster_edit_put (store, "editar profissional", snapshot, &team, last, (const CoordenaMemberEdit *) members->data,
                                           members->len, &error));
  g_assert_true (coordena_roster_edit_put (store, "editar equipe", snapshot, &team, coordena_competencia_add (last, 1),
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
  g_clear_pointer (&snapshot, coordena_team_snapshot_free);
  snapshot = coordena_roster_edit_snapshot_team (roster, "0000099996");
  g_assert_null (coordena_team_snapshot_get_name (snapshot));
  g_assert_true (coordena_roster_edit_put (store, "incluir equipe", snapshot, &team, last, NULL, 0, &error));
  added = coordena_store_load_roster (store, &error);
  g_assert_nonnull (coordena_roster_find_team (added, "0000099996"));
  g_assert_true (coordena_roster_edit_revert_team (store, "0000099996", snapshot, &error));
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

  g_test_add ("/roster-edit/remove-and-restore-team", Fixture, NULL, fixture_set_up, test_remove_and_restore_team,
              fixture_tear_down);
  g_test_add ("/roster-edit/remove-and-restore-member", Fixture, NULL, fixture_set_up, test_remove_and_restore_member,
              fixture_tear_down);
  g_test_add_func ("/roster-edit/edit-and-revert", test_edit_and_revert);

  return g_test_run ();
}
