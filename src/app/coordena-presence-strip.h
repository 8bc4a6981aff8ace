/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coordena-presence-strip.h — a team's four presences (MED, ENF, TEC, ACS) drawn by one widget. */
#pragma once

#include <gtk/gtk.h>

#include <coordena/summary.h>

G_BEGIN_DECLS

#define COORDENA_TYPE_PRESENCE_STRIP (coordena_presence_strip_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaPresenceStrip, coordena_presence_strip, COORDENA, PRESENCE_STRIP, GtkWidget)

GtkWidget *coordena_presence_strip_new (void);

/* The column title the icons stand under, one abbreviation per category. */
const char *coordena_presence_strip_title (void);

/* Shows one CoordenaPresence per category (COORDENA_N_CATEGORIES of them), as the summary keeps them. */
void coordena_presence_strip_set (CoordenaPresenceStrip *self, const guint8 *presence);

CoordenaPresence coordena_presence_strip_get (CoordenaPresenceStrip *self, CoordenaCategory category);

/* The category under x (widget coordinates). */
CoordenaCategory coordena_presence_strip_category_at (CoordenaPresenceStrip *self, double x);

G_END_DECLS
