/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>


G_BEGIN_DECLS

#define COORDENA_TYPE_WINDOW (coordena_window_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaWindow, coordena_window, COORDENA, WINDOW, AdwApplicationWindow)

/* The window of the application, its workspace holding settings (the application's; NULL: none,
 * nothing remembered). */
CoordenaWindow *coordena_window_new (GtkApplication *application, GSettings *settings);

/* Shows one of the four destinations: "painel", "equipes", "previsao", "adesao". */
void coordena_window_show_page (CoordenaWindow *self, const char *name);

/* The name of the page on screen. */
const char *coordena_window_get_page (CoordenaWindow *self);

/* Shows a toast over the window (a saved file, a removal with Desfazer). */
void coordena_window_add_toast (CoordenaWindow *self, AdwToast *toast);

/* Writes the teams table (or the roster CSV) to path in a worker; a toast tells the outcome. */
void coordena_window_export (CoordenaWindow *self, const char *path, gboolean roster);

/* Opens the database at path (creating it when there is none: the first run follows) and makes it
 * the one the application opens next time and the first of the recent ones. */
void coordena_window_switch_database (CoordenaWindow *self, const char *path);

/* Opens a new, empty database at path; refuses a path where a file already is. */
gboolean coordena_window_new_database (CoordenaWindow *self, const char *path, GError **error);

/* Leaves the demonstration database for the most recent database of the user's own, or the
 * default one (its first run, when it has no state yet). */
void coordena_window_leave_demo (CoordenaWindow *self);

G_END_DECLS
