/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "coordena-team-item.h"

G_BEGIN_DECLS

/* The search and the choices of the teams table, applied to the teams in table order. */
typedef struct _CoordenaTeamFilter CoordenaTeamFilter;

/* A filter over `sorted` (CoordenaTeamItem in the order shown); a change of that model makes the
 * next apply read every team again. Create it before connecting to the model's items-changed. */
CoordenaTeamFilter *coordena_team_filter_new (GListModel *sorted);
void coordena_team_filter_free (CoordenaTeamFilter *filter);

/* The search text as typed; FALSE when it searches the same as before (the entry reports one text
 * more than once). Words match anywhere in município, INE, CNES and name, without accents or case. */
gboolean coordena_team_filter_set_search (CoordenaTeamFilter *filter, const char *text);

/* The dropdowns: a CoordenaTeamType, a CoordenaStatus (−1: any) and an ibge7 (NULL: any). */
void coordena_team_filter_set_choices (CoordenaTeamFilter *filter, int type, int status, const char *municipio);

gboolean coordena_team_filter_matches (CoordenaTeamFilter *filter, CoordenaTeamItem *team);

/* Puts the matching teams into `slots` (a GListStore of CoordenaTeamSlot) in table order: the
 * slot at each place takes the team now shown there, so the rows already built are refilled and
 * only the places added or dropped at the end are a change of the store. Returns the position
 * of `shown` among them, or GTK_INVALID_LIST_POSITION. */
guint coordena_team_filter_apply (CoordenaTeamFilter *filter, GListStore *slots, CoordenaTeamItem *shown);

G_END_DECLS
