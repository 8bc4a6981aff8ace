/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_PREFERENCES_WINDOW (coordena_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaPreferencesWindow, coordena_preferences_window, COORDENA, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Preferências: the secretariat's profile with the letterhead's preview, the signers, the money
 * bases and IED strata, the rule sets with their changes, and the database (backup, restore,
 * export). It edits the workspace's database; opening another database or exporting is asked of
 * parent through its win.* actions. Its pages tell outcomes through its prefs.toast action (a
 * string), shown over the pages. */
CoordenaPreferencesWindow *coordena_preferences_window_new (GtkWindow *parent, CoordenaWorkspace *workspace);

/* Shows the page with the field of that key focused ("secretaria.nome"). */
void coordena_preferences_window_show_field (CoordenaPreferencesWindow *self, const char *key);

G_END_DECLS
