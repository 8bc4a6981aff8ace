/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-export.c — `coordena-cli export roster FILE` and `coordena-cli export equipes FILE`. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/coordena.h>
#include <coordena/export.h>
#include <coordena/store.h>

#include "cli-store.h"

int cli_cmd_export (CliContext *ctx, int argc, char **argv);

int
cli_cmd_export (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("roster|equipes FILE"));
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;
  int code;

  g_option_context_set_summary (context, _("Write the roster as the interchange CSV (roster), or a teams table "
                                           "for spreadsheets (equipes). The file is created with mode 0600."));
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (argc != 3 || (!g_str_equal (argv[1], "roster") && !g_str_equal (argv[1], "equipes")))
    return cli_usage_error (_("“export” needs what to write (roster or equipes) and a FILE"));

  store = cli_open_initialised_store_read_only (ctx, &error);
  if (store == NULL)
    return cli_report_error (error);
  cli_note_demo (store);
  if (g_str_equal (argv[1], "roster"))
    ok = coordena_export_roster_csv (store, argv[2], &error);
  else
    ok = coordena_export_teams_csv (store, argv[2], &error);
  if (!ok)
    return cli_report_error (error);
  g_print (_("Written to %s.\n"), argv[2]);
  return CLI_EXIT_OK;
}
