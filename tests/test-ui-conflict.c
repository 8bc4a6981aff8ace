/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Two people on one database: while the member form is open, someone else changes the same
 * member through their own connection. Saving shows "Outra pessoa alterou esta equipe" with the
 * other version over the form, which keeps what was typed; the database keeps the other edit;
 * "Ver versão atual" opens the form again on the current version. A removal from the stale
 * table is refused the same way. */
#include "config.h"

#include <adwaita.h>

#include <coordena/coordena.h>
#include <coordena/roster-edit.h>

#include "coordena-editing.h"
#include "coordena-team-editor.h"
#include "ui-app-helpers.h"
#include "ui-helpers.h"

static CoordenaApplication *app;

typedef struct {
  char *ine, *cns;
  CoordenaCompetencia competencia;
} Member;

static void
member_clear (Member *m)
{
  g_free (m->ine);
  g_free (m->cns);
}

/* The first team of the roster on screen with members in its latest competência. */
static Member
pick_member (CoordenaWorkspace *workspace)
{
  CoordenaRoster *roster = coordena_summary_get_roster (coordena_workspace_get_summary (workspace));

  for (guint i = 0; i < coordena_roster_get_n_teams (roster); i++)
    {
      const CoordenaRosterTeam *team = coordena_roster_get_team (roster, i);
      const CoordenaRosterMonth *months;
      guint n = 0;
      g_autoptr(GArray) members = NULL;

      months = coordena_roster_team_months (roster, team, &n);
      if (n == 0)
        continue;
      members = coordena_roster_edit_members (roster, team->ine, months[n - 1].competencia);
      if (members->len > 0)
        return (Member) { g_strdup (team->ine), g_strdup (g_array_index (members, CoordenaMemberEdit, 0).cns),
                          months[n - 1].competencia };
    }
  g_assert_not_reached ();
}

/* Someone else, on their own connection and from the roster they loaded: sets the member's hours. */
static void
other_person_sets_hours (const char *db, const Member *m, guint hours)
{
  g_autoptr(GError) error = NULL;
  CoordenaStore *store = coordena_store_open (db, &error);
  g_autoptr(CoordenaRoster) roster = NULL;
  g_autoptr(GArray) members = NULL;
  g_autoptr(CoordenaTeamSnapshot) seen = NULL;
  const CoordenaRosterTeam *rt;
  const CoordenaRosterMonth *months;
  CoordenaTeamEdit team;
  guint n = 0;

  g_assert_no_error (error);
  roster = coordena_store_load_roster (store, &error);
  g_assert_no_error (error);
  rt = coordena_roster_find_team (roster, m->ine);
  months = coordena_roster_team_months (roster, rt, &n);
  team = (CoordenaTeamEdit) { .ine = rt->ine, .cnes = rt->cnes, .ibge7 = rt->ibge, .name = rt->name,
                              .type = months[n - 1].type,
                              .provimento = (months[n - 1].flags & COORDENA_TEAM_FLAG_PROVIMENTO) != 0 };
  members = coordena_roster_edit_members (roster, m->ine, m->competencia);
  for (guint i = 0; i < members->len; i++)
    if (g_str_equal (g_array_index (members, CoordenaMemberEdit, i).cns, m->cns))
      g_array_index (members, CoordenaMemberEdit, i).hours = hours;
  seen = coordena_roster_edit_snapshot_team (roster, m->ine);
  g_assert_true (coordena_roster_edit_put (store, "editar profissional", seen, &team, m->competencia,
                                           (const CoordenaMemberEdit *) members->data, members->len, &error));
  g_assert_no_error (error);
  coordena_store_close (store);
}

/* The member's hours as the database holds them, read through a connection of its own. */
static guint
hours_in_database (const char *db, const Member *m)
{
  g_autoptr(GError) error = NULL;
  CoordenaStore *store = coordena_store_open (db, &error);
  g_autoptr(CoordenaRoster) roster = NULL;
  g_autoptr(GArray) members = NULL;
  guint hours = G_MAXUINT;

  g_assert_no_error (error);
  roster = coordena_store_load_roster (store, &error);
  g_assert_no_error (error);
  members = coordena_roster_edit_members (roster, m->ine, m->competencia);
  for (guint i = 0; i < members->len; i++)
    if (g_str_equal (g_array_index (members, CoordenaMemberEdit, i).cns, m->cns))
      hours = g_array_index (members, CoordenaMemberEdit, i).hours;
  coordena_store_close (store);
  return hours;
}

static gboolean
dialog_shown (gpointer data)
{
  return ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static gboolean
editor_reopened (gpointer data)
{
  GtkWindow **old = data;

  return *old == NULL && ui_find_toplevel (COORDENA_TYPE_TEAM_EDITOR) != NULL;
}

static void
test_member_changed_meanwhile (void)
{
  CoordenaWindow *window = ui_app_open_window (app);
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  const char *db = coordena_workspace_get_path (workspace);
  Member m = pick_member (workspace);
  g_autofree char *expected_start = g_strdup_printf ("Outra pessoa alterou a equipe %s depois que você a abriu", m.ine);
  CoordenaTeamEditor *editor;
  GtkWindow *old_editor;
  AdwMessageDialog *dialog;
  const char *body;

  coordena_window_show_page (window, "equipes");
  coordena_editing_edit_member (GTK_WINDOW (window), workspace, m.ine, m.competencia, m.cns);
  editor = COORDENA_TEAM_EDITOR (ui_find_toplevel (COORDENA_TYPE_TEAM_EDITOR));
  g_assert_nonnull (editor);
  gtk_editable_set_text (coordena_team_editor_get_field (editor, 3), "12");
  ui_flush ();
  g_assert_true (coordena_team_editor_can_save (editor));

  other_person_sets_hours (db, &m, 31);

  g_assert_false (coordena_team_editor_save (editor));
  g_assert_true (ui_app_wait_for (dialog_shown, NULL));
  dialog = ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Outra pessoa alterou esta equipe");
  body = adw_message_dialog_get_body (dialog);
  g_assert_true (g_str_has_prefix (body, expected_start));
  g_assert_nonnull (strstr (body, ", 31 h)"));
  g_assert_nonnull (strstr (body, "editar profissional"));
  g_assert_nonnull (strstr (body, "Reabra a equipe para ver a versão atual e refaça a sua alteração."));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "reload"), ==, "_Ver versão atual");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "close"), ==, "_Fechar");
  ui_wait_for_frames (GTK_WIDGET (dialog), 3);
  g_free (ui_save_png (GTK_WIDGET (dialog), "conflito-equipe"));

  /* Nothing of this person's was written; their input stays in the form until they choose. */
  g_assert_cmpuint (hours_in_database (db, &m), ==, 31);
  g_assert_true (GTK_WINDOW (editor) == ui_find_toplevel (COORDENA_TYPE_TEAM_EDITOR));
  g_assert_cmpstr (gtk_editable_get_text (coordena_team_editor_get_field (editor, 3)), ==, "12");
  g_assert_null (strstr (coordena_team_editor_get_message (editor), "Outra pessoa"));

  /* Ver versão atual: the form opens again on what the database holds now. */
  old_editor = GTK_WINDOW (editor);
  g_object_add_weak_pointer (G_OBJECT (old_editor), (gpointer *) &old_editor);
  /* As its button does: the response, then the message closes. */
  adw_message_dialog_response (dialog, "reload");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (ui_app_wait_for (editor_reopened, &old_editor));
  editor = COORDENA_TEAM_EDITOR (ui_find_toplevel (COORDENA_TYPE_TEAM_EDITOR));
  g_assert_cmpstr (gtk_editable_get_text (coordena_team_editor_get_field (editor, 3)), ==, "31");
  gtk_window_destroy (GTK_WINDOW (editor));
  ui_app_wait_loaded (window);
  member_clear (&m);
}

/* Removing the team from a table loaded before someone else's change: refused, the team stays. */
static void
test_removal_refused (void)
{
  CoordenaWindow *window = ui_app_open_window (app);
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  const char *db = coordena_workspace_get_path (workspace);
  Member m = pick_member (workspace);
  guint teams = coordena_summary_get_n_teams (coordena_workspace_get_summary (workspace));
  AdwMessageDialog *dialog;

  other_person_sets_hours (db, &m, 7);
  coordena_editing_remove_team (GTK_WINDOW (window), workspace, m.ine);
  g_assert_true (ui_app_wait_for (dialog_shown, NULL));
  dialog = ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), ", 7 h)"));
  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (ui_app_wait_for (dialog_gone, NULL));
  g_assert_cmpuint (hours_in_database (db, &m), ==, 7);
  coordena_workspace_reload (workspace);
  ui_app_wait_loaded (window);
  g_assert_cmpuint (coordena_summary_get_n_teams (coordena_workspace_get_summary (workspace)), ==, teams);
  member_clear (&m);
}

int
main (int argc, char **argv)
{
  g_autofree char *db = NULL;
  int status;

  ui_app_init (&argc, &argv);
  db = ui_app_make_database ("SE");
  app = ui_app_new (db);

  g_test_add_func ("/conflict/member-changed-meanwhile", test_member_changed_meanwhile);
  g_test_add_func ("/conflict/removal-refused", test_removal_refused);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return status;
}
