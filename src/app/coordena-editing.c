#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include <coordena/coordena.h>
#include <coordena/roster-edit.h>

#include "coordena-display.h"
#include "coordena-editing.h"
#include "coordena-team-editor.h"
#include "coordena-window-private.h"

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

/* Shows the toast with Desfazer, its button-clicked handler being the undo. */
static void
offer_undo (GtkWindow *parent, AdwToast *toast)
{
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (!COORDENA_IS_WINDOW (parent))
    {
      g_object_unref (g_object_ref_sink (toast));
      return;
    }
  g_object_set_data_full (G_OBJECT (toast), "coordena-db",
                          g_strdup (coordena_workspace_get_path (coordena_window_get_workspace (COORDENA_WINDOW (parent)))), g_free);
  g_object_set_data_full (G_OBJECT (parent), "coordena-undo", g_object_ref (toast), g_object_unref);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (forget_undo), parent, 0);
  coordena_window_add_toast (COORDENA_WINDOW (parent), toast);
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
  GtkWindow *window;             /* weak */
  char *ine;
  char *db_path;                 /* the database edited: another one open since has nothing to undo */
  CoordenaTeamSnapshot *before;
} EditUndo;

static void
edit_undo_free (gpointer data, GClosure *closure)
{
  EditUndo *u = data;

  g_clear_object (&u->workspace);
  g_clear_weak_pointer (&u->window);
  g_free (u->ine);
  g_free (u->db_path);
  g_clear_pointer (&u->before, coordena_team_snapshot_free);
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
      if (COORDENA_IS_WINDOW (u->window))
        coordena_window_add_toast (COORDENA_WINDOW (u->window), adw_toast_new (error->message));
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
  g_set_weak_pointer (&u->window, parent);
  u->ine = g_strdup (ine);
  u->db_path = g_strdup (coordena_workspace_get_path (workspace));
  u->before = before;
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (edit_undo_clicked), u, edit_undo_free, 0);
  offer_undo (parent, toast);
}

/* What a removal changed, kept by its toast until Desfazer or the toast goes. */
typedef struct {
  CoordenaWorkspace *workspace;
  char *ine, *cnes, *ibge7, *name;
  CoordenaTeamType type;
  CoordenaCompetencia competencia;
  GArray *members;               /* CoordenaMemberEdit as they were, strings owned here */
  GPtrArray *strings;
} Removal;

static void
removal_free (Removal *r)
{
  g_clear_object (&r->workspace);
  g_free (r->ine);
  g_free (r->cnes);
  g_free (r->ibge7);
  g_free (r->name);
  g_clear_pointer (&r->members, g_array_unref);
  g_clear_pointer (&r->strings, g_ptr_array_unref);
  g_free (r);
}

static void
removal_closure_free (gpointer data, GClosure *closure)
{
  removal_free (data);
}

static void
undo_clicked (AdwToast *toast, Removal *r)
{
  CoordenaTeamEdit team = { .ine = r->ine, .cnes = r->cnes, .ibge7 = r->ibge7, .name = r->name, .type = r->type };
  g_autoptr(GError) error = NULL;

  if (!coordena_roster_edit_put (coordena_workspace_get_store (r->workspace), "desfazer remocao", &team, r->competencia,
                                 (const CoordenaMemberEdit *) r->members->data, r->members->len, &error))
    g_warning ("%s", error->message);
  coordena_workspace_reload (r->workspace);
}

void
coordena_editing_remove_member (GtkWindow *parent, CoordenaWorkspace *workspace, const char *ine,
                                CoordenaCompetencia competencia, const char *cns)
{
  CoordenaSummary *summary = coordena_workspace_get_summary (workspace);
  CoordenaRoster *roster;
  const CoordenaRosterTeam *rt;
  g_autoptr(GArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *who_cns = coordena_display_cns (cns);
  const char *who = who_cns;
  Removal *r;
  AdwToast *toast;
  CoordenaTeamEdit team;

  g_return_if_fail (COORDENA_IS_WORKSPACE (workspace));
  if (summary == NULL || (rt = coordena_roster_find_team ((roster = coordena_summary_get_roster (summary)), ine)) == NULL)
    return;

  r = g_new0 (Removal, 1);
  r->workspace = g_object_ref (workspace);
  r->ine = g_strdup (rt->ine);
  r->cnes = g_strdup (rt->cnes);
  r->ibge7 = g_strdup (rt->ibge);
  r->name = g_strdup (rt->name);
  r->type = coordena_summary_get_team (summary, (guint) coordena_summary_find_team (summary, ine))->type;
  r->competencia = competencia;
  r->strings = g_ptr_array_new_with_free_func (g_free);
  r->members = coordena_roster_edit_members (roster, ine, competencia);
  kept = g_array_new (FALSE, TRUE, sizeof (CoordenaMemberEdit));
  for (guint i = 0; i < r->members->len; i++)
    {
      CoordenaMemberEdit *m = &g_array_index (r->members, CoordenaMemberEdit, i);

      /* The roster goes away with the next load: the undo keeps its own copies. */
      g_ptr_array_add (r->strings, (gpointer) (m->cns = g_strdup (m->cns)));
      g_ptr_array_add (r->strings, (gpointer) (m->cbo = g_strdup (m->cbo)));
      if (m->name != NULL)
        g_ptr_array_add (r->strings, (gpointer) (m->name = g_strdup (m->name)));
      if (g_strcmp0 (m->cns, cns) == 0)
        who = m->name != NULL ? m->name : who_cns;
      else
        g_array_append_val (kept, *m);
    }

  team = (CoordenaTeamEdit) { .ine = r->ine, .cnes = r->cnes, .ibge7 = r->ibge7, .name = r->name, .type = r->type };
  if (!coordena_roster_edit_put (coordena_workspace_get_store (workspace), "remover profissional", &team, competencia,
                                 (const CoordenaMemberEdit *) kept->data, kept->len, &error))
    {
      if (COORDENA_IS_WINDOW (parent))
        coordena_window_add_toast (COORDENA_WINDOW (parent), adw_toast_new (error->message));
      removal_free (r);
      return;
    }
  coordena_workspace_reload (workspace);

  /* TRANSLATORS: a toast after a removal, with the person's name */
  text = g_strdup_printf (_("%s removed from the team"), who);
  toast = adw_toast_new (text);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked), r, removal_closure_free, 0);
  offer_undo (parent, toast);
}

static void
team_undo_clicked (AdwToast *toast, CoordenaTeamSnapshot *snapshot)
{
  GtkWidget *window = g_object_get_data (G_OBJECT (toast), "coordena-window");
  CoordenaWorkspace *workspace = g_object_get_data (G_OBJECT (toast), "coordena-workspace");
  g_autoptr(GError) error = NULL;

  if (!coordena_roster_edit_restore_team (coordena_workspace_get_store (workspace), snapshot, &error))
    {
      if (COORDENA_IS_WINDOW (window))
        coordena_window_add_toast (COORDENA_WINDOW (window), adw_toast_new (error->message));
      return;
    }
  coordena_workspace_reload (workspace);
}

static void
snapshot_closure_free (gpointer data, GClosure *closure)
{
  coordena_team_snapshot_free (data);
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

  g_return_if_fail (COORDENA_IS_WORKSPACE (workspace));
  if (summary == NULL)
    return;

  snapshot = coordena_roster_edit_remove_team (coordena_workspace_get_store (workspace),
                                               coordena_summary_get_roster (summary), ine, &error);
  if (snapshot == NULL)
    {
      if (COORDENA_IS_WINDOW (parent))
        coordena_window_add_toast (COORDENA_WINDOW (parent), adw_toast_new (error->message));
      return;
    }
  coordena_workspace_reload (workspace);

  name = coordena_team_snapshot_get_name (snapshot);
  /* TRANSLATORS: a toast after a team was removed: its INE and name */
  text = g_strdup_printf (_("Team %s %s removed"), coordena_team_snapshot_get_ine (snapshot), name != NULL ? name : "");
  toast = adw_toast_new (text);
  g_object_set_data_full (G_OBJECT (toast), "coordena-workspace", g_object_ref (workspace), g_object_unref);
  g_object_set_data (G_OBJECT (toast), "coordena-window", parent);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (team_undo_clicked), snapshot, snapshot_closure_free, 0);
  offer_undo (parent, toast);
}
