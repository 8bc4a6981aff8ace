/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The teams table's columns, for rows of CoordenaTeamSlot whose team may change under a bound
 * row (a search refills the rows already built): municipality, INE, name, type, one presence
 * icon per category, suspension, next step and loss per month; sorted by municipality. */
void coordena_teams_columns_build (GtkColumnView *view);

/* A filter's dropdown: the button shows the choice shortened but never below min_chars (−1: no
 * minimum), the list below shows every choice whole. */
void coordena_teams_columns_set_choice_factory (GtkDropDown *dropdown, int min_chars);

G_END_DECLS
