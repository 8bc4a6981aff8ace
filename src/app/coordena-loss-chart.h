/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include <coordena/competencia.h>

G_BEGIN_DECLS

#define COORDENA_TYPE_LOSS_CHART (coordena_loss_chart_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaLossChart, coordena_loss_chart, COORDENA, LOSS_CHART, GtkWidget)

GtkWidget *coordena_loss_chart_new (void);

/* Shows the monthly loss (centavos) of n consecutive competências starting at first; current
 * marks the competência of the latest data: later months are drawn as a forecast. A negative
 * amount means "unknown" and leaves the bar out. */
void coordena_loss_chart_set_series (CoordenaLossChart   *self,
                                     CoordenaCompetencia  first,
                                     const gint64        *centavos,
                                     guint                n,
                                     CoordenaCompetencia  current);

G_END_DECLS
