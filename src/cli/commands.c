/* commands.c — the subcommand table. Each command lives in its own cli-*.c file. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cli.h"

int cli_cmd_info (CliContext *ctx, int argc, char **argv);

const CliCommand cli_commands[] = {
  { "info", N_("Show the version, the data directory and the database in use"), cli_cmd_info },
  { NULL, NULL, NULL },
};
