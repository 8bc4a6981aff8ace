/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_FORECAST_PAGE (coordena_forecast_page_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaForecastPage, coordena_forecast_page, COORDENA, FORECAST_PAGE, AdwBin)

/* The forecast: rule set and horizon, two rule sets side by side, and a scenario editor whose
 * every change recomputes the table and the chart at once. A row activated emits "show-team"
 * with its INE. */

/* The page's "workspace", given once by the window that holds it. */
void coordena_forecast_page_set_workspace (CoordenaForecastPage *self, CoordenaWorkspace *workspace);

G_END_DECLS
