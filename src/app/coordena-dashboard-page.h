/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_DASHBOARD_PAGE (coordena_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaDashboardPage, coordena_dashboard_page, COORDENA, DASHBOARD_PAGE, GtkWidget)

/* The dashboard: the current competência, the KPIs, the loss chart, the municipalities losing
 * most and the alerts. Emits "show-team" (INE) and "show-municipio" (IBGE) when one is chosen. */
void coordena_dashboard_page_set_workspace (CoordenaDashboardPage *self, CoordenaWorkspace *workspace);

/* For tests: the text of a KPI (0 evaluated, 1 at risk, 2 suspended, 3 monthly loss, 4 loss in
 * 12 months), the alerts list and the municipalities list. */
const char *coordena_dashboard_page_get_kpi (CoordenaDashboardPage *self, guint i);
/* Opens what a KPI counts, as clicking its card does. */
void coordena_dashboard_page_activate_kpi (CoordenaDashboardPage *self, guint i);
GtkListBox *coordena_dashboard_page_get_alerts (CoordenaDashboardPage *self);
GtkListBox *coordena_dashboard_page_get_municipios (CoordenaDashboardPage *self);

G_END_DECLS
