/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coordena-conflict.h — what the window shows when an edit is refused because someone else
 * changed the team since it was opened (COORDENA_ERROR_CONFLICT). */
#pragma once

#include <gtk/gtk.h>

#include <coordena/competencia.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

/* When error is a conflict: shows "Outra pessoa alterou esta equipe" over parent with the error's
 * message (who, when, the other version) and returns TRUE. The form keeps what the person typed
 * until they choose: "Ver versão atual" closes parent when it is an editor, reloads the database
 * and opens the team's form again as the database holds it now (the member's form when cns or
 * member says so); "Fechar" only closes the message. Any other error: FALSE, nothing shown. */
gboolean coordena_conflict_show (GtkWindow          *parent,
                                 CoordenaWorkspace  *workspace,
                                 const GError       *error,
                                 const char         *ine,
                                 gboolean            member,
                                 CoordenaCompetencia competencia,
                                 const char         *cns);

G_END_DECLS
