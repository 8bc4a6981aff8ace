/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include <coordena/summary.h>

G_BEGIN_DECLS

/* How the screens name and draw the summary's values. The words, money and percent come from
 * the core (rules.h, format.h), the same the CLI and the report print. */

/* "eSF", "eAP 20 h", "eAP 30 h", "Outra". */
const char *coordena_display_team_type (CoordenaTeamType type);

/* "Médico", "Enfermeiro", "Técnico ou auxiliar de enfermagem", "Agente comunitário de saúde". */
const char *coordena_display_category (CoordenaCategory category);
/* "MED", "ENF", "TEC", "ACS": column titles. */
const char *coordena_display_category_short (CoordenaCategory category);

/* "presente", "ausente", "carga horária insuficiente", "não exigido". */
const char *coordena_display_presence (CoordenaPresence presence);
const char *coordena_display_presence_icon (CoordenaPresence presence);
/* The style class of its icon: "success", "error", "warning" or NULL. */
const char *coordena_display_presence_class (CoordenaPresence presence);

/* "Regular", "Em risco", "Suspensa", "Não avaliada". */
const char *coordena_display_status (CoordenaStatus status);

/* "R$ 1.234,56", or "—" for an unknown amount (negative). */
char *coordena_display_money (gint64 centavos);

/* The same, "—" for zero, with " *" when the amount rests on an [S] or [U] value ("a confirmar",
 * explained beside the list; the team's detail shows the act in a tooltip). */
char *coordena_display_money_marked (gint64 centavos, CoordenaConfidence confidence);

/* "25 %" or "—" for 0. */
char *coordena_display_percent (int percent);

/* "75 % em 11/2025", or "—" when nothing is ahead. */
char *coordena_display_next_step (const CoordenaTeamSummary *team);

/* "Suspensa 50 %", "Em risco", "Regular" … for the team's current state. */
char *coordena_display_team_state (const CoordenaTeamSummary *team);

/* A CNS as lists show it: "898 **** **** 3208", or whole when show_full. */
char *coordena_display_cns_full (const char *cns, gboolean show_full);

/* The same, whole when the user turned on Preferências › Dados › Mostrar o CNS completo (the
 * show-full-cns key of settings; masked when settings is NULL). */
char *coordena_display_cns (const char *cns, GSettings *settings);

G_END_DECLS
