#pragma once

#include <gtk/gtk.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_TEAMS_PAGE (coordena_teams_page_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaTeamsPage, coordena_teams_page, COORDENA, TEAMS_PAGE, GtkWidget)

void coordena_teams_page_set_workspace (CoordenaTeamsPage *self, CoordenaWorkspace *workspace);

/* Shows the team with this INE: clears the filters, selects its row and opens its detail. */
gboolean coordena_teams_page_show_team (CoordenaTeamsPage *self, const char *ine);

/* Shows only the teams of a municipality (IBGE, 7 digits). */
void coordena_teams_page_show_municipio (CoordenaTeamsPage *self, const char *ibge);

/* Moves the focus to the search entry. */
void coordena_teams_page_focus_search (CoordenaTeamsPage *self);

/* For tests: the search entry, the rows shown, the column view and the detail pane. */
GtkEditable *coordena_teams_page_get_search (CoordenaTeamsPage *self);
GListModel *coordena_teams_page_get_shown (CoordenaTeamsPage *self);
GtkColumnView *coordena_teams_page_get_column_view (CoordenaTeamsPage *self);
GtkWidget *coordena_teams_page_get_detail (CoordenaTeamsPage *self);
/* Filters by status (0 all, then CoordenaStatus + 1 order: regular, at risk, suspended, not evaluated). */
void coordena_teams_page_set_status_filter (CoordenaTeamsPage *self, guint index);

G_END_DECLS
