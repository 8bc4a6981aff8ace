/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "coordena-teams-page.h"

G_BEGIN_DECLS

/* For the tests and the benchmark: the search entry, the rows shown, the column view and the
 * detail pane. */
GtkEditable *coordena_teams_page_get_search (CoordenaTeamsPage *self);
GListModel *coordena_teams_page_get_shown (CoordenaTeamsPage *self);
GtkColumnView *coordena_teams_page_get_column_view (CoordenaTeamsPage *self);
GtkWidget *coordena_teams_page_get_detail (CoordenaTeamsPage *self);

G_END_DECLS
