/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include <coordena/competencia.h>
#include <coordena/roster-edit.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

/* Adding, editing and removing teams and members by hand. Each change is one store action and
 * shows a toast with Desfazer; Ctrl+Z does the same while it shows. */

/* Opens the team editor: a new team when ine is NULL. */
void coordena_editing_edit_team (GtkWindow *parent, CoordenaWorkspace *workspace, const char *ine);

/* Opens the member editor for a team in a competência: a new member when cns is NULL. */
void coordena_editing_edit_member (GtkWindow          *parent,
                                   CoordenaWorkspace  *workspace,
                                   const char         *ine,
                                   CoordenaCompetencia competencia,
                                   const char         *cns);

/* Removes the member from the team in that competência, with Desfazer. */
void coordena_editing_remove_member (GtkWindow          *parent,
                                     CoordenaWorkspace  *workspace,
                                     const char         *ine,
                                     CoordenaCompetencia competencia,
                                     const char         *cns);

/* Removes the team with every competência and member, with Desfazer. */
void coordena_editing_remove_team (GtkWindow *parent, CoordenaWorkspace *workspace, const char *ine);

/* An edit of the team with this INE was stored: a toast with the text and Desfazer, which puts
 * back before (the snapshot the edit was given: the team as it was, or no team when the edit
 * added it), unless someone changed the team since. Takes before. */
void coordena_editing_saved (GtkWindow            *parent,
                             CoordenaWorkspace    *workspace,
                             const char           *ine,
                             CoordenaTeamSnapshot *before,
                             const char           *text);

/* Another database is open in the window: the last change's Desfazer goes with its toast. */
void coordena_editing_database_changed (GtkWindow *parent, const char *path);

/* Undoes the last change whose toast still shows; FALSE when there is none. */
gboolean coordena_editing_undo (GtkWindow *parent);

G_END_DECLS
