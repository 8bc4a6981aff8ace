/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include <coordena/adhesion.h>

G_BEGIN_DECLS

/* The steps of an adhesion record as the page offers them: the way forward first, going back
 * last; each with its row's label, icon and one line saying what it means. */
#define COORDENA_ADHESION_N_STEPS 7
extern const CoordenaAdhesionState coordena_adhesion_step_order[COORDENA_ADHESION_N_STEPS];

const char *coordena_adhesion_step_label (CoordenaAdhesionState from, CoordenaAdhesionState to);
const char *coordena_adhesion_step_icon (CoordenaAdhesionState to);
const char *coordena_adhesion_step_description (CoordenaAdhesionState to);

/* The page's "adesao.step" (the state to move to, "s"): a dialog asks the date (Brasília today
 * by default), a note and a protocol where one applies, then records the step. */
void coordena_adhesion_step_action (GtkWidget *page, const char *action_name, GVariant *parameter);

/* The page's "adesao.register": records an ofício signed and sent outside Coordena. */
void coordena_adhesion_register_action (GtkWidget *page, const char *action_name, GVariant *parameter);

G_END_DECLS
