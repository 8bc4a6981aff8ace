/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include <coordena/adhesion.h>
#include <coordena/offer.h>

G_BEGIN_DECLS

/* What the offer file says, in the adhesion page's widgets: its name and process, the deadline
 * (calm once the adhesion is done, a warning in its last week, an error once past), the acts it
 * cites, the channels, and the state's responsibilities (ticked once an ofício acknowledged
 * them). */
void coordena_adhesion_show_offer (const CoordenaOffer  *offer,
                                   GtkLabel             *title,
                                   GtkLabel             *subtitle,
                                   GtkListBox           *references,
                                   GtkListBox           *channels,
                                   AdwPreferencesGroup  *responsibilities);
void coordena_adhesion_show_deadline (const CoordenaOffer  *offer,
                                      CoordenaAdhesionState state,
                                      GtkImage             *icon,
                                      GtkLabel             *title,
                                      GtkLabel             *text);
void coordena_adhesion_show_responsibilities (const CoordenaOffer *offer, CoordenaAdhesionState state, GtkListBox *list);

/* The page's rows: a title and a subtitle wrapped whole, without markup. */
GtkWidget *coordena_adhesion_text_row (const char *title, const char *subtitle);
void coordena_adhesion_clear_list (GtkListBox *list);

/* "2025-12-03" as "03/12/2025"; anything else as it is. */
char *coordena_adhesion_format_iso (const char *iso);

G_END_DECLS
