/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include <coordena/rules.h>

#include "coordena-team-item.h"
#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_SCENARIO_PANEL (coordena_scenario_panel_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaScenarioPanel, coordena_scenario_panel, COORDENA, SCENARIO_PANEL, AdwBin)

/* The forecast's scenario: the planned hires and departures, each removable, and the form that
 * adds one after checking it against the workspace's roster. "changed" follows every addition
 * and removal. The workspace ("workspace", set once) gives the teams' names and the latest
 * competência. */
void coordena_scenario_panel_set_workspace (CoordenaScenarioPanel *self, CoordenaWorkspace *workspace);

/* The changes planned (CoordenaScenarioChange), owned by the panel. */
GArray *coordena_scenario_panel_get_changes (CoordenaScenarioPanel *self);

/* Adds a change as the form would; FALSE with the form's message shown when refused. */
gboolean coordena_scenario_panel_add_change (CoordenaScenarioPanel *self,
                                             const char            *ine,
                                             gboolean               hire,
                                             const char            *category,
                                             const char            *from);

/* Fills the form for the team: a hire of the first category it misses, from the competência
 * after the latest; the user checks it and adds. */
void coordena_scenario_panel_plan (CoordenaScenarioPanel *self, CoordenaTeamItem *item);

G_END_DECLS
