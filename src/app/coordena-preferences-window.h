#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COORDENA_TYPE_PREFERENCES_WINDOW (coordena_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaPreferencesWindow, coordena_preferences_window, COORDENA, PREFERENCES_WINDOW, AdwPreferencesWindow)

CoordenaPreferencesWindow *coordena_preferences_window_new (GtkWindow *parent);

G_END_DECLS
