#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COORDENA_TYPE_PREFERENCES_WINDOW (coordena_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaPreferencesWindow, coordena_preferences_window, COORDENA, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Preferências: the secretariat's profile with the letterhead's preview, the signers, the money
 * bases and IED strata, the rule sets with their changes, and the database (backup, restore,
 * export). It edits the database of the main window it was opened from. */
CoordenaPreferencesWindow *coordena_preferences_window_new (GtkWindow *parent);

/* Shows the profile page with the field of that key focused ("secretaria.nome"). */
void coordena_preferences_window_show_field (CoordenaPreferencesWindow *self, const char *key);

/* Writes a backup to path in a worker; a toast tells the outcome. */
void coordena_preferences_window_backup_to (CoordenaPreferencesWindow *self, const char *path);

/* Asks before replacing the database with the backup at path; restores in a worker on yes. */
void coordena_preferences_window_confirm_restore (CoordenaPreferencesWindow *self, const char *path);

G_END_DECLS
