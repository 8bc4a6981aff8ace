/* SPDX-License-Identifier: GPL-3.0-or-later */
/* paths.h — where Coordena finds its shipped data and keeps the user's. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Directory of the shipped data (rules/, offers/, sql/, reference/). COORDENA_DATADIR overrides
 * the installed location, which is how the build tree and the tests run uninstalled. */
const char *coordena_datadir (void);

/* $XDG_DATA_HOME/coordena: user overrides (rules/, offers/) and the default database. */
char *coordena_user_datadir (void);

/* $XDG_DATA_HOME/coordena/coordena.db */
char *coordena_default_db_path (void);

/* Binds the gettext domain (COORDENA_LOCALEDIR overrides the installed locale directory). */
void coordena_i18n_init (void);

/* TRUE when the current language has a Coordena catalogue; coordena_i18n_init() falls back to
 * Portuguese (LANGUAGE=pt_BR) when it has none. */
gboolean coordena_i18n_has_catalogue (void);

G_END_DECLS
