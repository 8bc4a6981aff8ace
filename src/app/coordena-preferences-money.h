/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_PREFERENCES_MONEY (coordena_preferences_money_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaPreferencesMoney, coordena_preferences_money, COORDENA, PREFERENCES_MONEY, AdwPreferencesPage)

/* Preferências › Valores: the monthly base per team of the rule set in force today, and the
 * IED stratum of each municipality of the workspace's database. */
GtkWidget *coordena_preferences_money_new (CoordenaWorkspace *workspace);

G_END_DECLS
