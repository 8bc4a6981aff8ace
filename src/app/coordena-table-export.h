/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

/* Writes the teams table (or, when roster, the roster CSV) of the workspace's database to path
 * in a worker; a toast (the workspace's "toast") says how it went. */
void coordena_table_export_run (CoordenaWorkspace *workspace, const char *path, gboolean roster);

/* Asks where to save over parent, starting in the last folder, then exports there. */
void coordena_table_export_choose (GtkWindow *parent, CoordenaWorkspace *workspace, gboolean roster);

G_END_DECLS
