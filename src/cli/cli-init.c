/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-init.c — `coordena-cli init --uf UF [--demo]`: create the database for a state. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <coordena/coordena.h>
#include <coordena/demo.h>
#include <coordena/paths.h>
#include <coordena/reference.h>
#include <coordena/store.h>

#include "cli-store.h"

int cli_cmd_init (CliContext *ctx, int argc, char **argv);

static CoordenaStore *
open_with_flags (CliContext *ctx, CoordenaStoreOpenFlags flags, GError **error)
{
  CoordenaStore *store = coordena_store_open_full (ctx->db_path, flags, error);
  const char *const *notices;

  if (store == NULL)
    return NULL;
  notices = coordena_store_get_notices (store);
  for (guint i = 0; notices[i] != NULL; i++)
    g_printerr (_("notice: %s\n"), notices[i]);
  return store;
}

CoordenaStore *
cli_open_store (CliContext *ctx, gboolean must_exist, GError **error)
{
  return open_with_flags (ctx, must_exist ? COORDENA_STORE_OPEN_MUST_EXIST : 0, error);
}

CoordenaStore *
cli_open_store_read_only (CliContext *ctx, GError **error)
{
  return open_with_flags (ctx, COORDENA_STORE_OPEN_READ_ONLY, error);
}

gboolean
cli_check_file_argument (const char *path, int *exit_code)
{
  if (path[0] != '-')
    return TRUE;
  *exit_code = cli_usage_error (_("the file name “%s” begins with “-” and would read as an option: write it as "
                                  "./%s if that is really the file"),
                                path, path);
  return FALSE;
}

static CoordenaStore *
require_uf (CoordenaStore *opened, GError **error)
{
  g_autoptr(CoordenaStore) store = opened;
  g_autofree char *uf = NULL;

  if (store == NULL)
    return NULL;
  uf = coordena_store_require_uf (store, error);
  if (uf == NULL)
    return NULL;
  return g_steal_pointer (&store);
}

CoordenaStore *
cli_open_initialised_store_read_only (CliContext *ctx, GError **error)
{
  return require_uf (cli_open_store_read_only (ctx, error), error);
}

CoordenaStore *
cli_open_initialised_store (CliContext *ctx, GError **error)
{
  g_autoptr(CoordenaStore) store = cli_open_store (ctx, TRUE, error);
  g_autofree char *uf = NULL;

  if (store == NULL)
    return NULL;
  uf = coordena_store_require_uf (store, error);
  if (uf == NULL)
    return NULL;
  return g_steal_pointer (&store);
}

void
cli_note_demo (CoordenaStore *store)
{
  if (coordena_store_is_demo (store))
    g_printerr ("%s\n", _("DEMONSTRATION DATA: this roster was generated, it is not the state's real roster."));
}

int
cli_cmd_init (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uf = NULL;
  gboolean demo = FALSE;
  int code;
  GOptionEntry entries[] = {
    { "uf", 0, 0, G_OPTION_ARG_STRING, &uf, N_("The state the database follows (two letters, e.g. RS)"), N_("UF") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, N_("Fill the database with a generated demonstration roster"), NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Create the database for a state: its municipalities and the profile."));
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return cli_usage_error (_("“%s” takes no arguments"), "init");
  if (uf == NULL)
    return cli_usage_error (_("“init” needs --uf UF"));

  /* Without --db, the demonstration goes in a file of its own, never the user's database. */
  if (demo && !ctx->db_path_given)
    {
      const CoordenaReference *ref = coordena_reference_get (&error);

      if (ref == NULL)
        return cli_report_error (error);
      if (coordena_reference_find_uf_by_sigla (ref, uf) == NULL)
        return cli_usage_error (_("Unknown state “%s”: give the two-letter abbreviation, e.g. RS or SP"), uf);
      g_free (ctx->db_path);
      ctx->db_path = coordena_demo_db_path (uf);
    }
  else if (demo)
    {
      /* The demonstration never lands in the default database, whatever name reaches it. */
      g_autofree char *default_path = coordena_default_db_path ();
      g_autoptr(GFile) a = g_file_new_for_path (default_path);
      g_autoptr(GFile) b = g_file_new_for_path (ctx->db_path);
      GStatBuf sa, sb;

      if (g_file_equal (a, b)
          || (g_stat (default_path, &sa) == 0 && g_stat (ctx->db_path, &sb) == 0 && sa.st_dev == sb.st_dev
              && sa.st_ino == sb.st_ino))
        {
          g_set_error (&error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("%s is your default database: the demonstration goes in a database of its own. Run "
                         "“coordena-cli init --uf %s --demo” without --db, or give --db another file. Nothing "
                         "was changed."),
                       ctx->db_path, uf);
          return cli_report_error (error);
        }
    }
  store = cli_open_store (ctx, FALSE, &error);
  if (store == NULL || !coordena_store_init_uf (store, uf, &error))
    return cli_report_error (error);
  if (!demo)
    {
      g_autofree char *sigla = coordena_store_get_uf (store);

      g_print (_("Database %s ready for %s.\n"), coordena_store_get_path (store), sigla);
    }
  else
    {
      g_autoptr(CoordenaImportReport) report = NULL;
      g_autofree char *sigla = NULL;

      /* "Ready" only once the demonstration is in: a refusal must not follow it. */
      report = coordena_demo_generate (store, 0, 0, &error);
      if (report == NULL)
        return cli_report_error (error);
      sigla = coordena_store_get_uf (store);
      g_print (_("Database %s ready for %s.\n"), coordena_store_get_path (store), sigla);
      g_print (_("Demonstration roster: %u teams, %u members (generated data, not real).\n"),
               report->n_teams, report->n_members);
      if (!ctx->db_path_given)
        g_print (_("It is in a database of its own: read it with coordena-cli --db %s …\n"), ctx->db_path);
    }
  return CLI_EXIT_OK;
}
