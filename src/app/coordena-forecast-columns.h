/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include <coordena/rules.h>

#include "coordena-team-item.h"

G_BEGIN_DECLS

/* The comparison's row for a team shown, or NULL when no comparison covers it. */
typedef const CoordenaComparisonTeam *(*CoordenaForecastCompared) (CoordenaTeamItem *item, gpointer user_data);

/* The forecast table's columns, sorted by forecast loss: the team, its state today, what it
 * misses (with the button that plans a hire: the action "previsao.plan" with the team's INE),
 * the next step, the loss and the INE's revocation; then the comparison's columns, hidden. The
 * columns shown only without a comparison go to forecast_columns, the comparison's to
 * compare_columns (percent A, percent B, loss A, loss B, difference). */
void coordena_forecast_columns_build (GtkColumnView           *view,
                                      CoordenaForecastCompared compared,
                                      gpointer                 user_data,
                                      GPtrArray               *forecast_columns,
                                      GPtrArray               *compare_columns);

G_END_DECLS
