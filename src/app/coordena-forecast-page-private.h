/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "coordena-forecast-page.h"

G_BEGIN_DECLS

/* For the tests: what the page shows and the settings a user would make. */
CoordenaSummary *coordena_forecast_page_get_summary (CoordenaForecastPage *self);
const char *coordena_forecast_page_get_headline (CoordenaForecastPage *self);
GListModel *coordena_forecast_page_get_rows (CoordenaForecastPage *self);
gboolean coordena_forecast_page_set_rules (CoordenaForecastPage *self, const char *id);
void coordena_forecast_page_set_compare (CoordenaForecastPage *self, const char *id);
void coordena_forecast_page_set_horizon (CoordenaForecastPage *self, guint horizon);
/* Adds a scenario change as the form would; FALSE with the form's message when refused. */
gboolean coordena_forecast_page_add_change (CoordenaForecastPage *self,
                                            const char          *ine,
                                            gboolean             hire,
                                            const char          *category,
                                            const char          *from);
guint coordena_forecast_page_get_n_changes (CoordenaForecastPage *self);

/* What a row's button and its activation do, by position in the rows shown: fill the scenario
 * form for the team (no INE to type), and open the team in Equipes ("show-team"). */
void coordena_forecast_page_plan_change (CoordenaForecastPage *self, guint position);
void coordena_forecast_page_activate_row (CoordenaForecastPage *self, guint position);

G_END_DECLS
