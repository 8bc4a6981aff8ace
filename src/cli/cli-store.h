/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-store.h — how the store's subcommands open the database. */
#pragma once

#include <coordena/store.h>

#include "cli.h"

G_BEGIN_DECLS

/* Opens ctx->db_path. must_exist refuses a path with no database yet (and says to run init). */
CoordenaStore *cli_open_store (CliContext *ctx, gboolean must_exist, GError **error);

/* Opens an existing database that init has given a state. */
CoordenaStore *cli_open_initialised_store (CliContext *ctx, GError **error);

/* The same for commands that only read: a missing, empty or out-of-date file is refused, never
 * created, initialised or migrated. */
CoordenaStore *cli_open_store_read_only (CliContext *ctx, GError **error);
CoordenaStore *cli_open_initialised_store_read_only (CliContext *ctx, GError **error);

/* Refuses (usage error, exit 2) a FILE argument that begins with "-": it reads like an option. */
gboolean cli_check_file_argument (const char *path, int *exit_code);

/* Prints the demonstration-data notice on stderr when the roster is generated. */
void cli_note_demo (CoordenaStore *store);

G_END_DECLS
