/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Teams and members by hand: the forms check each field as it is typed, a new team and a new
 * member reach the table and the KPIs, and a removed member comes back with Desfazer. */
#include "config.h"

#include <adwaita.h>

#include <coordena/coordena.h>

#include "coordena-editing.h"
#include "coordena-teams-page-private.h"
#include "coordena-dashboard-page.h"
#include "coordena-team-detail.h"
#include "coordena-team-editor.h"
#include "coordena-team-item.h"
#include "ui-app-helpers.h"
#include "ui-helpers.h"

#define NEW_INE "0009999991"

static CoordenaApplication *app;

static void
type (CoordenaTeamEditor *editor, guint field, const char *text)
{
  gtk_editable_set_text (coordena_team_editor_get_field (editor, field), text);
  ui_flush ();
}

static guint
members_shown (CoordenaWindow *window)
{
  CoordenaTeamsPage *page = COORDENA_TEAMS_PAGE (coordena_window_get_page_widget (window, "equipes"));

  g_assert_true (coordena_teams_page_show_team (page, NEW_INE));
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  return coordena_team_detail_get_n_members_shown (COORDENA_TEAM_DETAIL (coordena_teams_page_get_detail (page)));
}

static void
test_add_team_and_member (void)
{
  CoordenaWindow *window = ui_app_open_window (app);
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  CoordenaDashboardPage *painel = COORDENA_DASHBOARD_PAGE (coordena_window_get_page_widget (window, "painel"));
  CoordenaSummary *summary = coordena_workspace_get_summary (workspace);
  guint teams = coordena_summary_get_n_teams (summary);
  guint evaluated = coordena_summary_get_n_evaluated (summary);
  g_autofree char *evaluated_after = coordena_format_integer (evaluated + 1);
  CoordenaTeamEditor *editor;
  GListModel *shown;

  coordena_window_show_page (window, "equipes");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-team", NULL));
  editor = COORDENA_TEAM_EDITOR (ui_find_toplevel (COORDENA_TYPE_TEAM_EDITOR));
  g_assert_nonnull (editor);

  /* Each wrong field says what is wrong, in Portuguese, and Save waits. */
  type (editor, 0, "12345");
  type (editor, 1, "2345678");
  type (editor, 2, "Cidade Que Não Existe");
  type (editor, 3, "Equipe Nova da Orla");
  g_assert_false (coordena_team_editor_can_save (editor));
  g_assert_nonnull (strstr (coordena_team_editor_get_message (editor), "10 dígitos"));
  g_assert_nonnull (strstr (coordena_team_editor_get_message (editor), "Cidade Que Não Existe"));
  ui_wait_for_frames (GTK_WIDGET (editor), 3);
  g_free (ui_save_png (GTK_WIDGET (editor), "equipe-nova-erros"));

  type (editor, 0, NEW_INE);
  type (editor, 2, "Aracaju");
  g_assert_true (coordena_team_editor_can_save (editor));
  g_assert_true (coordena_team_editor_save (editor));
  ui_app_wait_loaded (window);

  /* The table and the KPIs count it. */
  summary = coordena_workspace_get_summary (workspace);
  g_assert_cmpuint (coordena_summary_get_n_teams (summary), ==, teams + 1);
  shown = coordena_teams_page_get_shown (COORDENA_TEAMS_PAGE (coordena_window_get_page_widget (window, "equipes")));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, teams + 1);
  g_assert_cmpstr (coordena_dashboard_page_get_kpi (painel, 0), ==, evaluated_after);
  g_assert_cmpuint (members_shown (window), ==, 0);

  /* A member: a wrong CNS is refused, a right one saved. */
  coordena_editing_edit_member (GTK_WINDOW (window), workspace, NEW_INE, 202509, NULL);
  editor = COORDENA_TEAM_EDITOR (ui_find_toplevel (COORDENA_TYPE_TEAM_EDITOR));
  g_assert_nonnull (editor);
  type (editor, 0, "700000004751405");
  type (editor, 1, "Maria das Dores");
  type (editor, 2, "225142");
  type (editor, 3, "200");
  g_assert_false (coordena_team_editor_can_save (editor));
  g_assert_nonnull (strstr (coordena_team_editor_get_message (editor), "não é um CNS válido"));
  g_assert_nonnull (strstr (coordena_team_editor_get_message (editor), "0 a 168"));
  ui_wait_for_frames (GTK_WIDGET (editor), 3);
  g_free (ui_save_png (GTK_WIDGET (editor), "profissional-novo-erros"));
  type (editor, 0, "700000004751404");
  type (editor, 3, "40");
  g_assert_true (coordena_team_editor_can_save (editor));
  g_assert_nonnull (strstr (coordena_team_editor_get_message (editor), "Médico"));
  ui_wait_for_frames (GTK_WIDGET (editor), 2);
  g_free (ui_save_png (GTK_WIDGET (editor), "profissional-novo"));
  g_assert_true (coordena_team_editor_save (editor));
  ui_app_wait_loaded (window);
  g_assert_cmpuint (members_shown (window), ==, 1);
  g_free (ui_save_png (GTK_WIDGET (window), "equipe-nova"));
}

static void
test_remove_member_with_undo (void)
{
  CoordenaWindow *window = ui_app_open_window (app);
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  AdwToast *toast;

  coordena_window_show_page (window, "equipes");
  g_assert_cmpuint (members_shown (window), ==, 1);
  coordena_editing_remove_member (GTK_WINDOW (window), workspace, NEW_INE, 202509, "700000004751404");
  toast = coordena_window_get_last_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Maria das Dores saiu da equipe");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Desfazer");
  ui_app_wait_loaded (window);
  g_assert_cmpuint (members_shown (window), ==, 0);
  g_free (ui_save_png (GTK_WIDGET (window), "profissional-removido"));

  g_signal_emit_by_name (toast, "button-clicked");
  ui_app_wait_loaded (window);
  g_assert_cmpuint (members_shown (window), ==, 1);
}

static void
test_remove_team_with_undo (void)
{
  CoordenaWindow *window = ui_app_open_window (app);
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  guint teams = coordena_summary_get_n_teams (coordena_workspace_get_summary (workspace));
  AdwToast *toast;

  coordena_window_show_page (window, "equipes");
  g_assert_cmpuint (members_shown (window), ==, 1);
  g_assert_true (gtk_widget_activate_action (coordena_teams_page_get_detail (COORDENA_TEAMS_PAGE (coordena_window_get_page_widget (window, "equipes"))),
                                             "team.remove", NULL));
  toast = coordena_window_get_last_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Equipe " NEW_INE " Equipe Nova da Orla removida");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Desfazer");
  ui_app_wait_loaded (window);
  g_assert_cmpuint (coordena_summary_get_n_teams (coordena_workspace_get_summary (workspace)), ==, teams - 1);
  g_assert_cmpint (coordena_summary_find_team (coordena_workspace_get_summary (workspace), NEW_INE), ==, -1);
  g_free (ui_save_png (GTK_WIDGET (window), "equipe-removida"));

  /* Desfazer brings the team back with its member. */
  g_signal_emit_by_name (toast, "button-clicked");
  ui_app_wait_loaded (window);
  g_assert_cmpuint (coordena_summary_get_n_teams (coordena_workspace_get_summary (workspace)), ==, teams);
  g_assert_cmpuint (members_shown (window), ==, 1);
}

/* A form closed, or saved (it closes itself), is gone: nothing it connected to keeps it. */
static void
test_forms_finalized (void)
{
  CoordenaWindow *window = ui_app_open_window (app);
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  CoordenaTeamEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-team", NULL));
  editor = COORDENA_TEAM_EDITOR (ui_find_toplevel (COORDENA_TYPE_TEAM_EDITOR));
  g_assert_nonnull (editor);
  g_assert_true (coordena_team_editor_get_workspace (editor) == workspace);
  type (editor, 0, "12345");
  ui_wait_for_frames (GTK_WIDGET (editor), 2);
  ui_close_and_assert_finalized (GTK_WINDOW (editor), editor);
  g_assert_null (ui_find_toplevel (COORDENA_TYPE_TEAM_EDITOR));

  coordena_editing_edit_member (GTK_WINDOW (window), workspace, NEW_INE, 202509, "700000004751404");
  editor = COORDENA_TEAM_EDITOR (ui_find_toplevel (COORDENA_TYPE_TEAM_EDITOR));
  g_assert_nonnull (editor);
  g_assert_nonnull (coordena_team_editor_get_cbo_chooser (editor));
  ui_wait_for_frames (GTK_WIDGET (editor), 2);
  ui_close_and_assert_finalized (GTK_WINDOW (editor), editor);

  /* Saving closes the form; the toast with Desfazer holds what to undo, not the form. */
  coordena_editing_edit_member (GTK_WINDOW (window), workspace, NEW_INE, 202509, "700000004751404");
  editor = g_object_ref (COORDENA_TEAM_EDITOR (ui_find_toplevel (COORDENA_TYPE_TEAM_EDITOR)));
  type (editor, 3, "30");
  g_assert_true (coordena_team_editor_save (editor));
  ui_app_wait_loaded (window);
  g_assert_nonnull (coordena_window_get_last_toast (window));
  g_assert_finalize_object (editor);
}

/* The detail of a team shown on its own and closed with its window goes with it. */
static void
test_detail_finalized (void)
{
  CoordenaWindow *window = ui_app_open_window (app);
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  GListModel *teams = coordena_workspace_get_teams (workspace);
  g_autoptr(CoordenaTeamItem) item = g_list_model_get_item (teams, 0);
  GtkWindow *holder = GTK_WINDOW (gtk_window_new ());
  CoordenaTeamDetail *detail = g_object_new (COORDENA_TYPE_TEAM_DETAIL, "workspace", workspace, NULL);
  GSettings *settings = coordena_workspace_get_settings (workspace);

  g_assert_nonnull (item);
  g_assert_nonnull (settings);
  coordena_team_detail_set_item (detail, item);
  gtk_window_set_child (holder, GTK_WIDGET (detail));
  gtk_window_set_default_size (holder, 600, 800);
  gtk_window_present (holder);
  ui_wait_for_frames (GTK_WIDGET (holder), 2);
  g_assert_cmpstr (coordena_team_detail_get_title (detail), !=, "");
  /* The full-CNS switch redraws it while it shows, and reaches nothing after it is gone. */
  g_settings_set_boolean (settings, "show-full-cns", TRUE);
  g_settings_set_boolean (settings, "show-full-cns", FALSE);

  ui_close_and_assert_finalized (holder, detail);
  g_settings_set_boolean (settings, "show-full-cns", TRUE);
  g_settings_set_boolean (settings, "show-full-cns", FALSE);
}

static void
toast_shown (CoordenaWorkspace *workspace, GObject *toast, gpointer *weak)
{
  *weak = toast;
  g_object_add_weak_pointer (toast, weak);
}

static gboolean
workspace_idle (gpointer data)
{
  return coordena_workspace_is_open (data) && !coordena_workspace_is_loading (data);
}

/* With no window to show it, the removal's toast and its undo data (which hold the workspace)
 * are freed at once: an AdwToast is not floating, a ref_sink would leave it alive. */
static void
test_undo_toast_freed_without_window (void)
{
  CoordenaWindow *window = ui_app_open_window (app);
  CoordenaWorkspace *workspace = coordena_workspace_new (NULL);
  gpointer toast = NULL;
  gulong handler;

  coordena_workspace_open (workspace, coordena_workspace_get_path (coordena_window_get_workspace (window)));
  g_assert_true (ui_app_wait_for (workspace_idle, workspace));
  g_assert_nonnull (coordena_workspace_get_summary (workspace));
  handler = g_signal_connect (workspace, "toast", G_CALLBACK (toast_shown), &toast);

  coordena_editing_remove_member (NULL, workspace, NEW_INE, 202509, "700000004751404");
  g_assert_null (toast);
  g_assert_true (ui_app_wait_for (workspace_idle, workspace));
  g_assert_cmpint (coordena_summary_find_team (coordena_workspace_get_summary (workspace), NEW_INE), >=, 0);
  g_signal_handler_disconnect (workspace, handler);
  ui_assert_finalized (workspace);
}

int
main (int argc, char **argv)
{
  g_autofree char *db = NULL;
  int status;

  ui_app_init (&argc, &argv);
  db = ui_app_make_database ("SE");
  app = ui_app_new (db);

  g_test_add_func ("/editing/add-team-and-member", test_add_team_and_member);
  g_test_add_func ("/editing/remove-member-with-undo", test_remove_member_with_undo);
  g_test_add_func ("/editing/remove-team-with-undo", test_remove_team_with_undo);
  g_test_add_func ("/editing/forms-finalized", test_forms_finalized);
  g_test_add_func ("/editing/detail-finalized", test_detail_finalized);
  g_test_add_func ("/editing/undo-toast-freed-without-window", test_undo_toast_freed_without_window);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return status;
}
