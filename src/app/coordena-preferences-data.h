/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_PREFERENCES_DATA (coordena_preferences_data_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaPreferencesData, coordena_preferences_data, COORDENA, PREFERENCES_DATA, AdwPreferencesPage)

/* Preferências › Dados: where the workspace's database is, the recent ones, the masked CNS,
 * backup, restore and export. Opening, creating, leaving the demonstration and exporting are
 * the main window's: those rows activate prefs.open-database, prefs.new-database,
 * prefs.open-recent (s), prefs.leave-demo, prefs.export-teams and prefs.export-roster for the
 * preferences window to hand over. */
GtkWidget *coordena_preferences_data_new (CoordenaWorkspace *workspace);

/* Writes a backup to path in a worker; a toast tells the outcome. */
void coordena_preferences_data_backup_to (CoordenaPreferencesData *self, const char *path);

/* Asks before replacing the database with the backup at path; restores in a worker on yes. */
void coordena_preferences_data_confirm_restore (CoordenaPreferencesData *self, const char *path);

G_END_DECLS
