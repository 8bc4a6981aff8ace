/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_TEAMS_PAGE (coordena_teams_page_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaTeamsPage, coordena_teams_page, COORDENA, TEAMS_PAGE, AdwBin)

/* The page's "workspace", given once by the window that holds it. */
void coordena_teams_page_set_workspace (CoordenaTeamsPage *self, CoordenaWorkspace *workspace);

/* Shows the team with this INE: clears the filters, selects its row and opens its detail. */
gboolean coordena_teams_page_show_team (CoordenaTeamsPage *self, const char *ine);

/* Shows only the teams of a municipality (IBGE, 7 digits). */
void coordena_teams_page_show_municipio (CoordenaTeamsPage *self, const char *ibge);

/* Moves the focus to the search entry. */
void coordena_teams_page_focus_search (CoordenaTeamsPage *self);

/* Filters by status (0 all, then CoordenaStatus + 1 order: regular, at risk, suspended, not evaluated). */
void coordena_teams_page_set_status_filter (CoordenaTeamsPage *self, guint index);

G_END_DECLS
