#pragma once

#include <gio/gio.h>

#include <coordena/summary.h>

G_BEGIN_DECLS

#define COORDENA_TYPE_TEAM_ITEM (coordena_team_item_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaTeamItem, coordena_team_item, COORDENA, TEAM_ITEM, GObject)

/* One team of a summary, as a list item. */
CoordenaTeamItem *coordena_team_item_new (CoordenaSummary *summary, guint row);

CoordenaSummary *coordena_team_item_get_summary (CoordenaTeamItem *self);
guint coordena_team_item_get_row (CoordenaTeamItem *self);
const CoordenaTeamSummary *coordena_team_item_get_team_summary (CoordenaTeamItem *self);
const CoordenaRosterTeam *coordena_team_item_get_team (CoordenaTeamItem *self);
const char *coordena_team_item_get_ine (CoordenaTeamItem *self);
const char *coordena_team_item_get_name (CoordenaTeamItem *self);
const char *coordena_team_item_get_municipio (CoordenaTeamItem *self);

/* Lower-case, accent-free text of the município, INE, CNES and name, for the search. */
const char *coordena_team_item_get_search_key (CoordenaTeamItem *self);

/* Text as the search compares it: ASCII (accents dropped), lower case. */
char *coordena_team_item_fold (const char *text);

/* Every team of the summary, in the roster's order. */
GListModel *coordena_team_items_from_summary (CoordenaSummary *summary);

G_END_DECLS

G_BEGIN_DECLS

#define COORDENA_TYPE_TEAM_SLOT (coordena_team_slot_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaTeamSlot, coordena_team_slot, COORDENA, TEAM_SLOT, GObject)

/* A row of a table whose team can change: a search fills the same rows with other teams, so the
 * table refreshes its cells instead of building new rows. "notify::team" tells the cells. */
CoordenaTeamSlot *coordena_team_slot_new (CoordenaTeamItem *team);
CoordenaTeamItem *coordena_team_slot_get_team (CoordenaTeamSlot *self);
void coordena_team_slot_set_team (CoordenaTeamSlot *self, CoordenaTeamItem *team);

G_END_DECLS
