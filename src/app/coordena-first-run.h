/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_FIRST_RUN (coordena_first_run_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaFirstRun, coordena_first_run, COORDENA, FIRST_RUN, GtkWidget)

/* The first screen of a new database: the state, then the CNES import or the demonstration. */
void coordena_first_run_set_workspace (CoordenaFirstRun *self, CoordenaWorkspace *workspace);

/* Selects a state by its sigla ("GO"); FALSE when unknown. */
gboolean coordena_first_run_select_uf (CoordenaFirstRun *self, const char *sigla);

G_END_DECLS
