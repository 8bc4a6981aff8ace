/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COORDENA_TYPE_APPLICATION (coordena_application_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaApplication, coordena_application, COORDENA, APPLICATION, AdwApplication)

CoordenaApplication *coordena_application_new (void);

/* The locale and the catalogue, before GTK starts: GTK would otherwise reset the locale from
 * the environment (setlocale (LC_ALL, "")) and undo the Portuguese fallback under C/POSIX. */
void coordena_application_init_locale (void);

/* The application's settings (window state and preferences). */
GSettings *coordena_application_get_settings (CoordenaApplication *self);

/* The help: URI of a page of the user guide ("index" or NULL for the guide's front page). */
char *coordena_application_help_uri (const char *page);

G_END_DECLS
