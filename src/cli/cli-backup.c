/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-backup.c — `coordena-cli backup FILE` and `coordena-cli restore FILE`. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/coordena.h>
#include <coordena/numbering.h>
#include <coordena/store.h>

#include "cli-store.h"

int cli_cmd_backup (CliContext *ctx, int argc, char **argv);
int cli_cmd_restore (CliContext *ctx, int argc, char **argv);

int
cli_cmd_backup (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int code;

  g_option_context_set_summary (context, _("Write a consistent copy of the database to FILE."));
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (argc == 3 && g_str_equal (argv[1], "--"))
    argv[1] = argv[2], argc = 2;
  if (argc == 2 && !cli_check_file_argument (argv[1], &code))
    return code;
  if (argc != 2)
    return cli_usage_error (_("“%s” needs exactly one FILE"), "backup");
  store = cli_open_store (ctx, TRUE, &error);
  if (store == NULL || !coordena_store_backup (store, argv[1], &error))
    return cli_report_error (error);
  g_print (_("Backup written to %s.\n"), argv[1]);
  return CLI_EXIT_OK;
}

int
cli_cmd_restore (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean other_state = FALSE;
  int code;
  GOptionEntry options[] = {
    { "outro-estado", 0, 0, G_OPTION_ARG_NONE, &other_state,
      N_("Allow a copy of another state's database to replace this one"), NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Replace the database's content with a backup FILE; "
                                           "the replaced content is kept in a copy next to the database."));
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (argc == 3 && g_str_equal (argv[1], "--"))
    argv[1] = argv[2], argc = 2;
  if (argc == 2 && !cli_check_file_argument (argv[1], &code))
    return code;
  if (argc != 2)
    return cli_usage_error (_("“%s” needs exactly one FILE"), "restore");
  store = cli_open_store (ctx, FALSE, &error);
  if (store == NULL && g_error_matches (error, COORDENA_ERROR, COORDENA_ERROR_DAMAGED))
    {
      /* The refusal to open a damaged database sends the user here: restore is how it is replaced. */
      g_autofree char *aside = NULL;

      g_clear_error (&error);
      store = coordena_store_restore_damaged (ctx->db_path, argv[1], other_state, &aside, &error);
      if (store == NULL)
        return cli_report_error (error);
      g_print (_("The database %s was damaged: it was moved aside to %s (readable only by you), and the "
                 "backup took its place.\n"),
               ctx->db_path, aside);
    }
  else if (store == NULL || !coordena_store_restore_full (store, argv[1], other_state, &error))
    return cli_report_error (error);
  g_print (_("Database %s restored from %s.\n"), coordena_store_get_path (store), argv[1]);
  {
    /* The register beside the database outlives the copy: say which numbers the copy forgot. */
    g_autofree char *note = coordena_numbering_restore_note (store, NULL);

    if (note != NULL)
      g_print (_("Note: %s.\n"), note);
  }
  return CLI_EXIT_OK;
}
