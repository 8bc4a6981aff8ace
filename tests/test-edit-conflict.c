/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Two coordinators on one database: each has loaded the roster, one edits a team, and the other's
 * edit of the same team made from what they saw before is refused with the other version, while
 * their edit of another team goes through. Two connections to a real SQLite file and, in the
 * PostgreSQL run, to a database on the test server. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <coordena/coordena.h>
#include <coordena/error.h>
#include <coordena/import.h>
#include <coordena/roster-edit.h>
#include <coordena/store.h>

#include "store-private.h"
#include "test-pg.h"
#include "test-utils.h"

#define TEAM "0000010022"
#define OTHER_TEAM "0000010014"
#define NEW_TEAM "0000099996"

typedef struct {
  char *dir;
  char *db;
  CoordenaStore *a, *b;       /* two people, two connections */
  CoordenaRoster *seen_a, *seen_b;
  CoordenaCompetencia last;
} Fixture;

static CoordenaRoster *
load (CoordenaStore *store)
{
  g_autoptr(GError) error = NULL;
  CoordenaRoster *roster = coordena_store_load_roster (store, &error);

  g_assert_no_error (error);
  return roster;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "rules", "roster.csv", NULL);
  g_autoptr(GError) error = NULL;
  CoordenaImportReport *report;
  const CoordenaRosterMonth *months;
  guint n_months = 0;

  f->dir = g_dir_make_tmp ("coordena-conflict-XXXXXX", &error);
  g_assert_no_error (error);
  if (test_pg_run ())
    {
      g_autofree char *base = g_path_get_basename (f->dir);

      f->db = test_pg_new_database (base);
    }
  else
    f->db = g_build_filename (f->dir, "go.db", NULL);
  f->a = coordena_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (coordena_store_init_uf (f->a, "GO", &error));
  report = coordena_import_roster_csv (f->a, csv, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  coordena_import_report_free (report);
  f->b = coordena_store_open (f->db, &error);
  g_assert_no_error (error);
  f->seen_a = load (f->a);
  f->seen_b = load (f->b);
  months = coordena_roster_team_months (f->seen_a, coordena_roster_find_team (f->seen_a, TEAM), &n_months);
  g_assert_cmpuint (n_months, >, 0);
  f->last = months[n_months - 1].competencia;
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->seen_a, coordena_roster_unref);
  g_clear_pointer (&f->seen_b, coordena_roster_unref);
  g_clear_pointer (&f->a, coordena_store_close);
  g_clear_pointer (&f->b, coordena_store_close);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* Sets the weekly hours of the team's first member in the last competência, as the member editor
 * does: from the roster the person sees. */
static gboolean
set_hours (Fixture *f, CoordenaStore *store, const CoordenaRoster *seen, const char *ine, guint hours,
           CoordenaTeamSnapshot **snapshot_out, GError **error)
{
  const CoordenaRosterTeam *rt = coordena_roster_find_team (seen, ine);
  g_autoptr(GArray) members = coordena_roster_edit_members (seen, ine, f->last);
  g_autoptr(CoordenaTeamSnapshot) snapshot = coordena_roster_edit_snapshot_team (seen, ine);
  CoordenaTeamEdit team = { .ine = rt->ine, .cnes = rt->cnes, .ibge7 = rt->ibge, .name = rt->name };
  const CoordenaRosterMonth *months;
  guint n_months = 0;
  gboolean ok;

  months = coordena_roster_team_months (seen, rt, &n_months);
  for (guint i = 0; i < n_months; i++)
    if (months[i].competencia == f->last)
      {
        team.type = months[i].type;
        team.provimento = (months[i].flags & COORDENA_TEAM_FLAG_PROVIMENTO) != 0;
      }

  g_assert_cmpuint (members->len, >, 0);
  g_array_index (members, CoordenaMemberEdit, 0).hours = hours;
  ok = coordena_roster_edit_put (store, "editar profissional", snapshot, &team, f->last,
                                 (const CoordenaMemberEdit *) members->data, members->len, error);
  if (snapshot_out != NULL)
    *snapshot_out = g_steal_pointer (&snapshot);
  return ok;
}

/* The hours of the team's first member (as set_hours picks it) in the database now. */
static guint
hours_now (Fixture *f, CoordenaStore *store, const char *ine, const char *cns)
{
  g_autoptr(CoordenaRoster) now = load (store);
  g_autoptr(GArray) members = coordena_roster_edit_members (now, ine, f->last);

  for (guint i = 0; i < members->len; i++)
    if (g_str_equal (g_array_index (members, CoordenaMemberEdit, i).cns, cns))
      return g_array_index (members, CoordenaMemberEdit, i).hours;
  g_assert_not_reached ();
}

static char *
first_cns (Fixture *f, const char *ine)
{
  g_autoptr(GArray) members = coordena_roster_edit_members (f->seen_a, ine, f->last);

  return g_strdup (g_array_index (members, CoordenaMemberEdit, 0).cns);
}

static guint
audit_count (CoordenaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = coordena_store_list_audit (store, NULL, &error);

  g_assert_no_error (error);
  return entries->len;
}

static void
test_same_team_month_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *cns = first_cns (f, TEAM);
  g_autofree char *user = g_strdup (g_get_user_name ());
  g_autoptr(GError) error = NULL;
  guint n_audit;

  g_assert_true (set_hours (f, f->a, f->seen_a, TEAM, 20, NULL, &error));
  g_assert_no_error (error);
  n_audit = audit_count (f->b);

  /* B still has the roster from before A's edit on screen. */
  g_assert_false (set_hours (f, f->b, f->seen_b, TEAM, 30, NULL, &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Outra pessoa alterou a equipe " TEAM " depois que você a abriu: nada foi gravado."));
  /* Who and when, from the audit log; what the other version holds; what to do. */
  g_assert_nonnull (strstr (error->message, "06/12/2026"));
  g_assert_nonnull (strstr (error->message, user));
  g_assert_nonnull (strstr (error->message, "editar profissional"));
  g_assert_nonnull (strstr (error->message, "Paulo Sérgio (CBO 225125, 20 h)"));
  g_assert_nonnull (strstr (error->message, "Reabra a equipe para ver a versão atual e refaça a sua alteração."));
  if (test_pg_run ())
    g_assert_nonnull (strstr (error->message, "(papel "));

  /* The database keeps A's edit, and nothing of B's was written or audited. */
  g_assert_cmpuint (hours_now (f, f->b, TEAM, cns), ==, 20);
  g_assert_cmpuint (audit_count (f->a), ==, n_audit);

  /* Reopened, B's edit goes through. */
  g_clear_pointer (&f->seen_b, coordena_roster_unref);
  f->seen_b = load (f->b);
  g_clear_error (&error);
  g_assert_true (set_hours (f, f->b, f->seen_b, TEAM, 30, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hours_now (f, f->a, TEAM, cns), ==, 30);
}

static void
test_other_team_not_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *cns = first_cns (f, OTHER_TEAM);
  g_autoptr(GError) error = NULL;

  g_assert_true (set_hours (f, f->a, f->seen_a, TEAM, 20, NULL, &error));
  g_assert_true (set_hours (f, f->b, f->seen_b, OTHER_TEAM, 30, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hours_now (f, f->a, OTHER_TEAM, cns), ==, 30);
}

/* A removal of the team, or of one of its members, from the old roster is refused too. */
static void
test_removals_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *cns = first_cns (f, TEAM);
  g_autoptr(CoordenaTeamSnapshot) removed = NULL;
  g_autoptr(CoordenaMemberRemoval) removal = NULL;
  g_autoptr(CoordenaRoster) now = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (set_hours (f, f->a, f->seen_a, TEAM, 20, NULL, &error));
  removed = coordena_roster_edit_remove_team (f->b, f->seen_b, TEAM, &error);
  g_assert_null (removed);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_CONFLICT);
  g_clear_error (&error);
  removal = coordena_roster_edit_remove_member (f->b, f->seen_b, TEAM, f->last, cns, &error);
  g_assert_null (removal);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_CONFLICT);
  now = load (f->b);
  g_assert_nonnull (coordena_roster_find_team (now, TEAM));
  g_assert_cmpuint (hours_now (f, f->b, TEAM, cns), ==, 20);
}

/* Desfazer puts back what the person had only when nobody changed the team since. */
static void
test_undo_refused_after_other_edit (Fixture *f, gconstpointer data)
{
  g_autofree char *cns = first_cns (f, TEAM);
  g_autofree char *removed_cns = first_cns (f, OTHER_TEAM);
  g_autoptr(CoordenaTeamSnapshot) before = NULL;
  g_autoptr(CoordenaTeamSnapshot) removed = NULL;
  g_autoptr(CoordenaMemberRemoval) removal = NULL;
  g_autoptr(CoordenaRoster) now = NULL;
  g_autoptr(GError) error = NULL;

  /* An edit, then B's edit from a roster loaded after it: A's Desfazer is refused. */
  g_assert_true (set_hours (f, f->a, f->seen_a, TEAM, 20, &before, &error));
  g_clear_pointer (&f->seen_b, coordena_roster_unref);
  f->seen_b = load (f->b);
  g_assert_true (set_hours (f, f->b, f->seen_b, TEAM, 30, NULL, &error));
  g_assert_false (coordena_roster_edit_revert_team (f->a, TEAM, before, &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Paulo Sérgio (CBO 225125, 30 h)"));
  g_clear_error (&error);
  g_assert_cmpuint (hours_now (f, f->a, TEAM, cns), ==, 30);

  /* A member removed, then the competência edited by B: putting the member back is refused. */
  removal = coordena_roster_edit_remove_member (f->a, f->seen_a, OTHER_TEAM, f->last, removed_cns, &error);
  g_assert_no_error (error);
  g_clear_pointer (&f->seen_b, coordena_roster_unref);
  f->seen_b = load (f->b);
  {
    g_autoptr(GArray) members = coordena_roster_edit_members (f->seen_b, OTHER_TEAM, f->last);
    g_autofree char *left = g_strdup (g_array_index (members, CoordenaMemberEdit, 0).cns);

    g_assert_true (set_hours (f, f->b, f->seen_b, OTHER_TEAM, 12, NULL, &error));
    g_assert_false (coordena_roster_edit_restore_member (f->a, removal, &error));
    g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_cmpuint (hours_now (f, f->a, OTHER_TEAM, left), ==, 12);
  }

  /* A team removed and added again by B: putting A's copy back is refused. */
  removed = coordena_roster_edit_remove_team (f->a, f->seen_a, "0000010030", &error);
  g_assert_no_error (error);
  g_assert_nonnull (removed);
  {
    g_autoptr(CoordenaTeamSnapshot) absent = NULL;
    CoordenaTeamEdit team = { .ine = "0000010030", .cnes = "2345678", .ibge7 = "5208707", .name = "Readicionada",
                              .type = COORDENA_TEAM_TYPE_ESF };

    g_clear_pointer (&f->seen_b, coordena_roster_unref);
    f->seen_b = load (f->b);
    absent = coordena_roster_edit_snapshot_team (f->seen_b, "0000010030");
    g_assert_true (coordena_roster_edit_put (f->b, "incluir equipe", absent, &team, f->last, NULL, 0, &error));
    g_assert_no_error (error);
  }
  g_assert_false (coordena_roster_edit_restore_team (f->a, removed, &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_CONFLICT);
  now = load (f->a);
  g_assert_cmpstr (coordena_roster_find_team (now, "0000010030")->name, ==, "Readicionada");
}

/* Two people adding the same team: the second learns that it exists now. */
static void
test_both_add_same_team (Fixture *f, gconstpointer data)
{
  g_autoptr(CoordenaTeamSnapshot) seen_a = coordena_roster_edit_snapshot_team (f->seen_a, NEW_TEAM);
  g_autoptr(CoordenaTeamSnapshot) seen_b = coordena_roster_edit_snapshot_team (f->seen_b, NEW_TEAM);
  g_autoptr(CoordenaRoster) now = NULL;
  g_autoptr(GError) error = NULL;
  CoordenaTeamEdit a = { .ine = NEW_TEAM, .cnes = "2345678", .ibge7 = "5208707", .name = "Da Ana", .type = COORDENA_TEAM_TYPE_ESF };
  CoordenaTeamEdit b = { .ine = NEW_TEAM, .cnes = "2345678", .ibge7 = "5208707", .name = "Do Bruno", .type = COORDENA_TEAM_TYPE_ESF };

  g_assert_true (coordena_roster_edit_put (f->a, "incluir equipe", seen_a, &a, f->last, NULL, 0, &error));
  g_assert_false (coordena_roster_edit_put (f->b, "incluir equipe", seen_b, &b, f->last, NULL, 0, &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "“Da Ana”"));
  now = load (f->b);
  g_assert_cmpstr (coordena_roster_find_team (now, NEW_TEAM)->name, ==, "Da Ana");
}

/* On a server: an edit that starts while another transaction holds the team waits for it, then
 * sees what it committed (a file lets one writer in at a time: BEGIN IMMEDIATE). */
typedef struct {
  Fixture *f;
  GError *error;
  gboolean ok;
  gint done;
} LateEdit;

static gpointer
late_edit (gpointer data)
{
  LateEdit *e = data;

  e->ok = set_hours (e->f, e->f->b, e->f->seen_b, TEAM, 30, NULL, &e->error);
  g_atomic_int_set (&e->done, 1);
  return NULL;
}

static void
test_server_edit_waits_for_lock (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaRoster) held = NULL;
  LateEdit e = { .f = f };
  GThread *thread;

  if (!test_pg_run ())
    {
      g_test_skip ("a file lets one writer in at a time (BEGIN IMMEDIATE)");
      return;
    }
  g_assert_true (coordena_store_begin (f->a, &error));
  held = coordena_store_lock_team (f->a, TEAM, &error);
  g_assert_no_error (error);
  thread = g_thread_new ("late-edit", late_edit, &e);
  g_usleep (500 * 1000);
  g_assert_cmpint (g_atomic_int_get (&e.done), ==, 0);
  g_assert_true (coordena_store_set_team_name (f->a, TEAM, "Renomeada por A", &error));
  g_assert_true (coordena_store_commit (f->a, &error));
  g_thread_join (thread);
  g_assert_false (e.ok);
  g_assert_error (e.error, COORDENA_ERROR, COORDENA_ERROR_CONFLICT);
  g_assert_nonnull (strstr (e.error->message, "“Renomeada por A”"));
  g_clear_error (&e.error);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  coordena_i18n_init ();
  test_pg_init (&argc, argv);
  g_test_init (&argc, &argv, NULL);
  if (test_pg_run () && !test_pg_available ())
    {
      g_test_add_func ("/edit-conflict/postgresql", (GTestFunc) test_pg_skip_without_server);
      return g_test_run ();
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/edit-conflict/same-team-month-refused", test_same_team_month_refused);
  ADD ("/edit-conflict/other-team-not-refused", test_other_team_not_refused);
  ADD ("/edit-conflict/removals-refused", test_removals_refused);
  ADD ("/edit-conflict/undo-refused-after-other-edit", test_undo_refused_after_other_edit);
  ADD ("/edit-conflict/both-add-same-team", test_both_add_same_team);
  ADD ("/edit-conflict/server-edit-waits-for-lock", test_server_edit_waits_for_lock);
#undef ADD
  return g_test_run ();
}
