/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coordena-damaged-restore.h — replacing a database that no longer opens because it is damaged
 * with a backup, from the window: the damaged file is kept aside, private, as the CLI does. */
#pragma once

#include <gtk/gtk.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

/* Asks for the backup file, then confirms and restores it over the workspace's damaged
 * database; the workspace opens the restored database and a toast tells where the damaged file
 * went. */
void coordena_damaged_restore_choose (GtkWindow *parent, CoordenaWorkspace *workspace);

/* The same after the choice of the backup: the confirmation, then the restore. */
void coordena_damaged_restore_confirm (GtkWindow *parent, CoordenaWorkspace *workspace, const char *backup);

G_END_DECLS
