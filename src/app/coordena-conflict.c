/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coordena-conflict.c — someone else changed the team: the other version, and the way to it. */
#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include <coordena/error.h>

#include "coordena-conflict.h"
#include "coordena-editing.h"
#include "coordena-team-editor.h"

typedef struct {
  CoordenaWorkspace *workspace;
  GtkWindow *window;            /* weak: the main window the forms belong to */
  GtkWindow *editor;            /* weak: the form that was refused, if any */
  char *ine, *cns;
  gboolean member;
  CoordenaCompetencia competencia;
  gulong loading_handler;
} Reopen;

static void
reopen_free (Reopen *r)
{
  if (r->loading_handler != 0)
    g_signal_handler_disconnect (r->workspace, r->loading_handler);
  g_clear_object (&r->workspace);
  g_clear_weak_pointer (&r->window);
  g_clear_weak_pointer (&r->editor);
  g_free (r->ine);
  g_free (r->cns);
  g_free (r);
}

static void
reopen_now (Reopen *r)
{
  if (r->window != NULL)
    {
      if (r->member)
        coordena_editing_edit_member (r->window, r->workspace, r->ine, r->competencia, r->cns);
      else
        coordena_editing_edit_team (r->window, r->workspace, r->ine);
    }
  reopen_free (r);
}

static void
loading_changed (CoordenaWorkspace *workspace, GParamSpec *pspec, Reopen *r)
{
  if (coordena_workspace_is_loading (workspace))
    return;
  g_signal_handler_disconnect (workspace, r->loading_handler);
  r->loading_handler = 0;
  reopen_now (r);
}

/* After the message has gone: it belongs to the form, which goes now. */
static gboolean
reload (gpointer data)
{
  Reopen *r = data;

  /* The form's input is of a version that no longer is: the form opens again on the current one. */
  if (r->editor != NULL)
    gtk_window_destroy (r->editor);
  coordena_workspace_reload (r->workspace);
  if (!coordena_workspace_is_loading (r->workspace))
    reopen_now (r);
  else
    r->loading_handler = g_signal_connect (r->workspace, "notify::loading", G_CALLBACK (loading_changed), r);
  return G_SOURCE_REMOVE;
}

static void
responded (AdwMessageDialog *dialog, const char *response, Reopen *r)
{
  /* Closing the message after a choice answers once more, with "close". */
  g_signal_handlers_disconnect_by_data (dialog, r);
  if (g_strcmp0 (response, "reload") != 0)
    reopen_free (r);
  else
    g_idle_add (reload, r);
}

gboolean
coordena_conflict_show (GtkWindow *parent, CoordenaWorkspace *workspace, const GError *error, const char *ine,
                        gboolean member, CoordenaCompetencia competencia, const char *cns)
{
  AdwMessageDialog *dialog;
  Reopen *r;

  if (!g_error_matches (error, COORDENA_ERROR, COORDENA_ERROR_CONFLICT))
    return FALSE;

  r = g_new0 (Reopen, 1);
  r->workspace = g_object_ref (workspace);
  if (COORDENA_IS_TEAM_EDITOR (parent))
    {
      g_set_weak_pointer (&r->editor, parent);
      g_set_weak_pointer (&r->window, gtk_window_get_transient_for (parent));
    }
  else
    g_set_weak_pointer (&r->window, parent);
  r->ine = g_strdup (ine);
  r->cns = g_strdup (cns);
  r->member = member || cns != NULL;
  r->competencia = competencia;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Someone else changed this team"), error->message));
  adw_message_dialog_add_responses (dialog, "close", _("_Close"), "reload", _("_See current version"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "reload");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (responded), r);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
