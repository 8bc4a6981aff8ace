/* cli-store.h — how the store's subcommands open the database. */
#pragma once

#include <coordena/store.h>

#include "cli.h"

G_BEGIN_DECLS

/* Opens ctx->db_path. must_exist refuses a path with no database yet (and says to run init). */
CoordenaStore *cli_open_store (CliContext *ctx, gboolean must_exist, GError **error);

/* Opens an existing database that init has given a state. */
CoordenaStore *cli_open_initialised_store (CliContext *ctx, GError **error);

/* Prints the demonstration-data notice on stderr when the roster is generated. */
void cli_note_demo (CoordenaStore *store);

G_END_DECLS
