/* cli-info.c — `coordena-cli info`: what this installation uses. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/coordena.h>

#include "cli.h"

int cli_cmd_info (CliContext *ctx, int argc, char **argv);

int
cli_cmd_info (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *user_dir = coordena_user_datadir ();
  int code;

  g_option_context_set_summary (context, _("Show the version, the data directory and the database in use."));
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return cli_usage_error (_("“info” takes no arguments"));

  g_print ("%-22s %s\n", _("Version:"), PACKAGE_VERSION);
  g_print ("%-22s %s\n", _("Shipped data:"), coordena_datadir ());
  g_print ("%-22s %s\n", _("User data:"), user_dir);
  g_print ("%-22s %s\n", _("Database:"), ctx->db_path);
  return CLI_EXIT_OK;
}
