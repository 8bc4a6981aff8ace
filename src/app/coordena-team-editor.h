/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include <coordena/competencia.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_TEAM_EDITOR (coordena_team_editor_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaTeamEditor, coordena_team_editor, COORDENA, TEAM_EDITOR, AdwWindow)

/* The form for a team (ine NULL: a new one) with its checks shown field by field as one types. */
CoordenaTeamEditor *coordena_team_editor_new_team (GtkWindow *parent, CoordenaWorkspace *workspace, const char *ine);

/* The form for a member of a team in a competência (cns NULL: a new one). */
CoordenaTeamEditor *coordena_team_editor_new_member (GtkWindow          *parent,
                                                     CoordenaWorkspace  *workspace,
                                                     const char         *ine,
                                                     CoordenaCompetencia competencia,
                                                     const char         *cns);

/* For tests: the form's fields in order (INE/CNS, CNES/name, municipality/CBO, name/hours),
 * the message shown, and saving as the button does. */
GtkEditable *coordena_team_editor_get_field (CoordenaTeamEditor *self, guint i);
const char *coordena_team_editor_get_message (CoordenaTeamEditor *self);
gboolean coordena_team_editor_can_save (CoordenaTeamEditor *self);
gboolean coordena_team_editor_save (CoordenaTeamEditor *self);

/* The member form's chooser of the occupation by name (NULL in the team form). */
GtkDropDown *coordena_team_editor_get_cbo_chooser (CoordenaTeamEditor *self);

/* The workspace the form edits (its construct-only "workspace"). */
CoordenaWorkspace *coordena_team_editor_get_workspace (CoordenaTeamEditor *self);

G_END_DECLS
