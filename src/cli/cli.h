/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.h — what every coordena-cli subcommand shares. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The exit codes the README documents. */
enum {
  CLI_EXIT_OK = 0,
  CLI_EXIT_REFUSED = 1, /* the input was refused; stderr says why and where */
  CLI_EXIT_USAGE = 2,   /* wrong usage: unknown command or option, missing argument */
};

typedef struct {
  char *db_path; /* --db, or the default database */
  gboolean db_path_given;
} CliContext;

/* A subcommand: argv[0] is its name; argv holds only its own arguments. */
typedef int (*CliCommandFunc) (CliContext *ctx, int argc, char **argv);

typedef struct {
  const char *name;
  const char *summary; /* an English msgid, shown translated in --help */
  CliCommandFunc run;
} CliCommand;

/* The table of subcommands, ended by a zeroed entry. */
extern const CliCommand cli_commands[];

/* Runs coordena-cli with its whole command line; returns the exit code. */
int cli_main (int argc, char **argv);

/* Prints "coordena-cli: MESSAGE" on stderr and returns the exit code for that error. */
int cli_report_error (const GError *error);

/* Appends text to a table line, padded to width characters (not bytes: names carry accents),
 * on the right when right is TRUE, then the two spaces between columns. */
void cli_pad (GString *out, const char *text, int width, gboolean right);

/* Prints a usage complaint on stderr and returns CLI_EXIT_USAGE. */
int cli_usage_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* The forecast horizon every subcommand takes (forecast, report, notificacao), in competências. */
#define CLI_HORIZON_DEFAULT 12
#define CLI_HORIZON_MAX     120

/* Refuses (usage error, exit 2, *exit_code set) a --horizon outside 1…CLI_HORIZON_MAX. */
gboolean cli_check_horizon (int horizon, int *exit_code);

/* Warns on stderr, with the scenario file's line, of each planned change the forecast could not
 * apply (the team is sem registro). */
struct _CoordenaForecast;
struct _CoordenaStore;
/* Says on stderr how many teams of another state the database holds and leaves out. */
void cli_note_teams_outside_uf (struct _CoordenaStore *store);
void cli_warn_scenario_no_effect (const struct _CoordenaForecast *forecast, const char *scenario_path);

/* Parses a subcommand's options; on failure reports it and returns FALSE with *exit_code set. */
gboolean cli_parse_options (GOptionContext *context, int *argc, char ***argv, int *exit_code);

G_END_DECLS
