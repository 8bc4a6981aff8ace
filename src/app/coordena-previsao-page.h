#pragma once

#include <gtk/gtk.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_PREVISAO_PAGE (coordena_previsao_page_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaPrevisaoPage, coordena_previsao_page, COORDENA, PREVISAO_PAGE, GtkWidget)

/* The forecast: rule set and horizon, two rule sets side by side, and a scenario editor whose
 * every change recomputes the table and the chart at once. */
void coordena_previsao_page_set_workspace (CoordenaPrevisaoPage *self, CoordenaWorkspace *workspace);

/* For tests and the keyboard: the forecast shown and its settings. */
CoordenaSummary *coordena_previsao_page_get_summary (CoordenaPrevisaoPage *self);
const char *coordena_previsao_page_get_headline (CoordenaPrevisaoPage *self);
GListModel *coordena_previsao_page_get_rows (CoordenaPrevisaoPage *self);
gboolean coordena_previsao_page_set_rules (CoordenaPrevisaoPage *self, const char *id);
void coordena_previsao_page_set_compare (CoordenaPrevisaoPage *self, const char *id);
void coordena_previsao_page_set_horizon (CoordenaPrevisaoPage *self, guint horizon);
/* Adds a scenario change as the form would; FALSE with the form's message when refused. */
gboolean coordena_previsao_page_add_change (CoordenaPrevisaoPage *self,
                                            const char          *ine,
                                            gboolean             hire,
                                            const char          *category,
                                            const char          *from);
guint coordena_previsao_page_get_n_changes (CoordenaPrevisaoPage *self);

/* What a row's button and its activation do, by position in the rows shown: fill the scenario
 * form for the team (no INE to type), and open the team in Equipes ("show-team"). */
void coordena_previsao_page_plan_change (CoordenaPrevisaoPage *self, guint position);
void coordena_previsao_page_activate_row (CoordenaPrevisaoPage *self, guint position);

G_END_DECLS
