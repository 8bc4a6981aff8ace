/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include <coordena/coordena.h>
#include <coordena/roster-edit.h>

#include "coordena-conflict.h"
#include "coordena-display.h"
#include "coordena-editing.h"
#include "coordena-team-editor.h"

void
coordena_editing_edit_team (GtkWindow *parent, CoordenaWorkspace *workspace, const char *ine)
{
  g_return_if_fail (COORDENA_IS_WORKSPACE (workspace));

  if (coordena_workspace_needs_setup (workspace))
    return;
  gtk_window_present (GTK_WINDOW (coordena_team_editor_new_team (parent, workspace, ine)));
}

void
coordena_editing_edit_member (GtkWindow *parent, CoordenaWorkspace *workspace, const char *ine,
                              CoordenaCompetencia competencia, const char *cns)
{
  g_return_if_fail (COORDENA_IS_WORKSPACE (workspace));

  gtk_window_present (GTK_WINDOW (coordena_team_editor_new_member (parent, workspace, ine, competencia, cns)));
}

/* ---- Desfazer: the last change, from its toast or with Ctrl+Z while the toast shows ---------- */

static void
forget_undo (AdwToast *toast, GObject *window)
{
  if (g_object_get_data (window, "coordena-undo") == toast)
    g_object_set_data (window, "coordena-undo", NULL);
}

void
coordena_editing_database_changed (GtkWindow *parent, const char *path)
{
  AdwToast *toast = g_object_get_data (G_OBJECT (parent), "coordena-undo");

  if (toast != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (toast), "coordena-db"), path) != 0)
    {
      g_object_ref (toast);
      g_object_set_data (G_OBJECT (parent), "coordena-undo", NULL);
      adw_toast_dismiss (toast);
      g_object_unref (toast);
    }
}

/* A failure told in the window that shows the workspace. */
static void
toast_error (CoordenaWorkspace *workspace, const GError *error)
{
  g_autoptr(AdwToast) toast = adw_toast_new (error->message);

  coordena_workspace_toast (workspace, G_OBJECT (toast));
}

/* Shows the toast with Desfazer, its button-clicked handler being the undo; Ctrl+Z in parent
 * does the same while it shows. Takes the toast: an AdwToast is not floating, and whoever shows
 * it (the window, on the workspace's "toast") takes a reference of its own. */
static void
offer_undo (GtkWindow *parent, CoordenaWorkspace *workspace, AdwToast *toast)
{
  g_autoptr(AdwToast) owned = toast;

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "coordena-db", g_strdup (coordena_workspace_get_path (workspace)), g_free);
  if (parent != NULL)
    {
      g_object_set_data_full (G_OBJECT (parent), "coordena-undo", g_object_ref (toast), g_object_unref);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (forget_undo), parent, 0);
    }
  coordena_workspace_toast (workspace, G_OBJECT (toast));
}

gboolean
coordena_editing_undo (GtkWindow *parent)
{
  AdwToast *toast = g_object_get_data (G_OBJECT (parent), "coordena-undo");

  if (toast == NULL)
    return FALSE;
  g_object_ref (toast);
  g_object_set_data (G_OBJECT (parent), "coordena-undo", NULL);
  g_signal_emit_by_name (toast, "button-clicked");
  adw_toast_dismiss (toast);
  g_object_unref (toast);
  return TRUE;
}

/* What an edit changed: the team as it was, or NULL when the edit added it. */
typedef struct {
  CoordenaWorkspace *workspace;
  char *ine;
  char *db_path;                 /* the database edited: another one open since has nothing to undo */
  CoordenaTeamSnapshot *before;
  GtkWindow *window;             /* weak: where a refusal is shown */
} EditUndo;

static void
edit_undo_free (gpointer data, GClosure *closure)
{
  EditUndo *u = data;

  g_clear_object (&u->workspace);
  g_free (u->ine);
  g_free (u->db_path);
  g_clear_pointer (&u->before, coordena_team_snapshot_free);
  g_clear_weak_pointer (&u->window);
  g_free (u);
}

static void
edit_undo_clicked (AdwToast *toast, EditUndo *u)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (coordena_workspace_get_path (u->workspace), u->db_path) != 0)
    return;
  if (!coordena_roster_edit_revert_team (coordena_workspace_get_store (u->workspace), u->ine, u->before, &error))
    {
      if (!coordena_conflict_show (u->window, u->workspace, error, u->ine, FALSE, 0, NULL))
        toast_error (u->workspace, error);
      return;
    }
  coordena_workspace_reload (u->workspace);
}

void
coordena_editing_saved (GtkWindow *parent, CoordenaWorkspace *workspace, const char *ine, CoordenaTeamSnapshot *before,
                        const char *text)
{
  EditUndo *u = g_new0 (EditUndo, 1);
  AdwToast *toast = adw_toast_new (text);

  u->workspace = g_object_ref (workspace);
  u->ine = g_strdup (ine);
  u->db_path = g_strdup (coordena_workspace_get_path (workspace));
  u->before = before;
  g_set_weak_pointer (&u->window, parent);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (edit_undo_clicked), u, edit_undo_free, 0);
  offer_undo (parent, workspace, toast);
}

/* What a removal changed, kept by its toast until Desfazer or the toast goes. */
typedef struct {
  CoordenaWorkspace *workspace;
  CoordenaMemberRemoval *removal;
  GtkWindow *window;             /* weak */
  char *ine;
} Removal;

static void
removal_closure_free (gpointer data, GClosure *closure)
{
  Removal *r = data;

  g_clear_object (&r->workspace);
  coordena_member_removal_free (r->removal);
  g_clear_weak_pointer (&r->window);
  g_free (r->ine);
  g_free (r);
}

static void
undo_clicked (AdwToast *toast, Removal *r)
{
  g_autoptr(GError) error = NULL;

  if (!coordena_roster_edit_restore_member (coordena_workspace_get_store (r->workspace), r->removal, &error)
      && !coordena_conflict_show (r->window, r->workspace, error, r->ine, FALSE, 0, NULL))
    g_warning ("%s", error->message);
  coordena_workspace_reload (r->workspace);
}

void
coordena_editing_remove_member (GtkWindow *parent, CoordenaWorkspace *workspace, const char *ine,
                                CoordenaCompetencia competencia, const char *cns)
{
  CoordenaSummary *summary = coordena_workspace_get_summary (workspace);
  g_autoptr(CoordenaMemberRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *who_cns = coordena_display_cns (cns, coordena_workspace_get_settings (workspace));
  Removal *r;
  AdwToast *toast;

  g_return_if_fail (COORDENA_IS_WORKSPACE (workspace));
  if (summary == NULL)
    return;
  removal = coordena_roster_edit_remove_member (coordena_workspace_get_store (workspace),
                                                coordena_summary_get_roster (summary), ine, competencia, cns, &error);
  if (removal == NULL)
    {
      if (!coordena_conflict_show (parent, workspace, error, ine, FALSE, 0, NULL))
        toast_error (workspace, error);
      return;
    }
  coordena_workspace_reload (workspace);

  /* TRANSLATORS: a toast after a removal, with the person's name */
  text = g_strdup_printf (_("%s removed from the team"),
                          coordena_member_removal_get_name (removal) != NULL ? coordena_member_removal_get_name (removal)
                                                                             : who_cns);
  toast = adw_toast_new (text);
  r = g_new0 (Removal, 1);
  r->workspace = g_object_ref (workspace);
  r->removal = g_steal_pointer (&removal);
  g_set_weak_pointer (&r->window, parent);
  r->ine = g_strdup (ine);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked), r, removal_closure_free, 0);
  offer_undo (parent, workspace, toast);
}

/* What a team's removal changed, kept by its toast until Desfazer or the toast goes. */
typedef struct {
  CoordenaWorkspace *workspace;
  CoordenaTeamSnapshot *snapshot;
  GtkWindow *window;             /* weak: where a refusal is shown */
} TeamRemoval;

static void
team_removal_closure_free (gpointer data, GClosure *closure)
{
  TeamRemoval *r = data;

  g_clear_object (&r->workspace);
  coordena_team_snapshot_free (r->snapshot);
  g_clear_weak_pointer (&r->window);
  g_free (r);
}

static void
team_undo_clicked (AdwToast *toast, TeamRemoval *r)
{
  g_autoptr(GError) error = NULL;

  if (!coordena_roster_edit_restore_team (coordena_workspace_get_store (r->workspace), r->snapshot, &error))
    {
      if (!coordena_conflict_show (r->window, r->workspace, error, coordena_team_snapshot_get_ine (r->snapshot), FALSE,
                                   0, NULL))
        toast_error (r->workspace, error);
      return;
    }
  coordena_workspace_reload (r->workspace);
}

void
coordena_editing_remove_team (GtkWindow *parent, CoordenaWorkspace *workspace, const char *ine)
{
  CoordenaSummary *summary = coordena_workspace_get_summary (workspace);
  CoordenaTeamSnapshot *snapshot;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *name;
  AdwToast *toast;
  TeamRemoval *r;

  g_return_if_fail (COORDENA_IS_WORKSPACE (workspace));
  if (summary == NULL)
    return;

  snapshot = coordena_roster_edit_remove_team (coordena_workspace_get_store (workspace),
                                               coordena_summary_get_roster (summary), ine, &error);
  if (snapshot == NULL)
    {
      if (!coordena_conflict_show (parent, workspace, error, ine, FALSE, 0, NULL))
        toast_error (workspace, error);
      return;
    }
  coordena_workspace_reload (workspace);

  name = coordena_team_snapshot_get_name (snapshot);
  /* TRANSLATORS: a toast after a team was removed: its INE and name */
  text = g_strdup_printf (_("Team %s %s removed"), coordena_team_snapshot_get_ine (snapshot), name != NULL ? name : "");
  toast = adw_toast_new (text);
  r = g_new0 (TeamRemoval, 1);
  r->workspace = g_object_ref (workspace);
  r->snapshot = snapshot;
  g_set_weak_pointer (&r->window, parent);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (team_undo_clicked), r, team_removal_closure_free, 0);
  offer_undo (parent, workspace, toast);
}
