/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "coordena-team-item.h"
#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_TEAM_DETAIL (coordena_team_detail_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaTeamDetail, coordena_team_detail, COORDENA, TEAM_DETAIL, GtkWidget)

/* The detail of one team: its members per competência, its suspensions and its forecast. */
void coordena_team_detail_set_workspace (CoordenaTeamDetail *self, CoordenaWorkspace *workspace);
CoordenaWorkspace *coordena_team_detail_get_workspace (CoordenaTeamDetail *self);
void coordena_team_detail_set_item (CoordenaTeamDetail *self, CoordenaTeamItem *item);
CoordenaTeamItem *coordena_team_detail_get_item (CoordenaTeamDetail *self);

/* For tests: the title and the member rows shown. */
const char *coordena_team_detail_get_title (CoordenaTeamDetail *self);
guint coordena_team_detail_get_n_members_shown (CoordenaTeamDetail *self);

G_END_DECLS
