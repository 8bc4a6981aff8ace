/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_PREFERENCES_RULES (coordena_preferences_rules_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaPreferencesRules, coordena_preferences_rules, COORDENA, PREFERENCES_RULES, AdwPreferencesPage)

/* Preferências › Regras: the workspace's rule sets with their parameters, clauses and the
 * user's changes, each change asking for the act behind it. */
GtkWidget *coordena_preferences_rules_new (CoordenaWorkspace *workspace);

G_END_DECLS
