/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "coordena-preferences-window.h"

G_BEGIN_DECLS

/* For the UI tests, which cannot drive a file chooser: */

/* Writes a backup to path in a worker; a toast tells the outcome. */
void coordena_preferences_window_backup_to (CoordenaPreferencesWindow *self, const char *path);

/* Asks before replacing the database with the backup at path; restores in a worker on yes. */
void coordena_preferences_window_confirm_restore (CoordenaPreferencesWindow *self, const char *path);

G_END_DECLS
