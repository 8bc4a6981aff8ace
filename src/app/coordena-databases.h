/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How many databases the menus offer to reopen. */
#define COORDENA_RECENT_DATABASES 5

/* TRUE when a server address carries a password, which is never kept in the settings. */
gboolean coordena_databases_has_password (const char *name);

/* Records path as the database in use (database-path) and first of the recent ones. */
void coordena_databases_remember (GSettings *settings, const char *path);

/* The recent databases, most recent first: files that still exist, and server addresses
 * (NULL-terminated). */
char **coordena_databases_recent (GSettings *settings);

/* Where "Leave the Demonstration" goes from current: the most recent other database that is not a
 * demonstration, or the default file (the first run, when it has no state yet). */
char *coordena_databases_after_demo (GSettings *settings, const char *current);

/* What a menu shows for a database: "Demonstração (SE)", or the file's name and folder. */
char *coordena_databases_label (const char *path);

G_END_DECLS
