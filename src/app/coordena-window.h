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

G_END_DECLS
