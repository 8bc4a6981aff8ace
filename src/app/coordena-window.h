#pragma once

#include <adwaita.h>

#include "coordena-application.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_WINDOW (coordena_window_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaWindow, coordena_window, COORDENA, WINDOW, AdwApplicationWindow)

CoordenaWindow *coordena_window_new (CoordenaApplication *application);

/* Shows one of the four destinations: "painel", "equipes", "previsao", "adesao". */
void coordena_window_show_page (CoordenaWindow *self, const char *name);

/* The name of the page on screen. */
const char *coordena_window_get_page (CoordenaWindow *self);

/* Shows a toast over the window (a saved file, a removal with Desfazer). */
void coordena_window_add_toast (CoordenaWindow *self, AdwToast *toast);

/* Writes the teams table (or the roster CSV) to path in a worker; a toast tells the outcome. */
void coordena_window_export (CoordenaWindow *self, const char *path, gboolean roster);

G_END_DECLS
