/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui-app-helpers.h — the real application on a database of its own, for the page tests. */
#pragma once

#include <adwaita.h>

#include "coordena-application.h"
#include "coordena-window-private.h"

G_BEGIN_DECLS

/* A new database in a fresh temporary directory: with the state and the demonstration roster
 * when uf is not NULL, empty otherwise. Returns its path. */
char *ui_app_make_database (const char *uf);

/* A fresh temporary directory, removed with everything in it when the program ends. */
char *ui_app_temp_dir (const char *name);

/* Registers the application (not run) with the database as its preference. */
CoordenaApplication *ui_app_new (const char *db_path);

/* Activates it and waits until the window shows the loaded database. */
CoordenaWindow *ui_app_open_window (CoordenaApplication *app);

/* Runs the main loop until the workspace has finished loading. */
void ui_app_wait_loaded (CoordenaWindow *window);

/* Runs the main loop until condition (polled) is TRUE or a generous time passes; FALSE then. */
gboolean ui_app_wait_for (gboolean (*condition) (gpointer data), gpointer data);

/* Writes a complete secretariat profile of Ceará into the store, except the key left out. */
void ui_app_fill_profile (CoordenaStore *store, const char *leave_out);

/* A demonstration database of Ceará with a complete secretariat profile for the ofício, except
 * the key left out (NULL: none). Returns its path. */
char *ui_app_make_profiled_database (const char *leave_out);

/* The application's one window, switched to this database the way the application opens one,
 * showing the page. */
CoordenaWindow *ui_app_open_on (CoordenaApplication *app, const char *db_path, const char *page);

/* The locale and GTK setup every page test shares. */
void ui_app_init (int *argc, char ***argv);

G_END_DECLS
