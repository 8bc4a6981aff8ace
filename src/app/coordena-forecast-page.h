#pragma once

#include <gtk/gtk.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_FORECAST_PAGE (coordena_forecast_page_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaForecastPage, coordena_forecast_page, COORDENA, FORECAST_PAGE, GtkWidget)

/* The forecast: rule set and horizon, two rule sets side by side, and a scenario editor whose
 * every change recomputes the table and the chart at once. */
void coordena_forecast_page_set_workspace (CoordenaForecastPage *self, CoordenaWorkspace *workspace);

/* For tests and the keyboard: the forecast shown and its settings. */
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
