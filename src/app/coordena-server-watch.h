/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

/* Keeps a window in step with a database server shared with others; call it whenever the
 * workspace changed. A login that may only read (role leitura) gets a banner under the header bar
 * (banner_after) and the actions that write disabled; what other users commit reloads the
 * workspace (at most once a second) with a toast saying who did what. On a file it only makes sure
 * no banner shows. */
void coordena_server_watch_update (GtkWindow *window, CoordenaWorkspace *workspace, GtkWidget *banner_after);

/* TRUE while the window shows the read-only banner (for the tests). */
gboolean coordena_server_watch_is_read_only (GtkWindow *window);

/* What a toast says of a change another user committed: "joana (papel coord) importou …". */
char *coordena_server_watch_describe (const CoordenaStoreChange *change);

G_END_DECLS
