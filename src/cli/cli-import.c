/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-import.c — `coordena-cli import roster FILE` and
 * `coordena-cli import cnes PATH [--uf UF] --competencia AAAAMM [--competencia AAAAMM…]`. */
#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include <coordena/coordena.h>
#include <coordena/demo.h>
#include <coordena/import.h>
#include <coordena/store.h>

#include "cli-store.h"

int cli_cmd_import (CliContext *ctx, int argc, char **argv);

/* A one-line progress on a terminal; nothing when stderr is a file or a pipe. */
static void
on_progress (double fraction, const char *stage, gpointer user_data)
{
  if (fraction >= 0)
    g_printerr ("\r%-40s %3d%%", stage, (int) (fraction * 100 + 0.5));
  else
    g_printerr ("\r%-40s     ", stage);
}

void cli_notificacao_after_import (CoordenaStore *store);

static int
finish (CoordenaStore *store, CoordenaImportReport *report, GError *error, gboolean tty)
{
  g_autofree char *text = NULL;

  if (tty)
    g_printerr ("\r%-45s\r", "");
  if (report == NULL)
    return cli_report_error (error);
  text = coordena_import_report_to_text (report);
  g_print ("%s", text);
  /* A newer competência tells whether the notified teams were fixed. */
  cli_notificacao_after_import (store);
  return CLI_EXIT_OK;
}

static int
import_roster (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaImportReport) report = NULL;
  gboolean tty = isatty (2);
  int code;

  g_option_context_set_summary (context, _("Import a roster CSV (docs/formato-roster-csv.md) into the database. "
                                           "A refused row leaves the database as it was."));
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return cli_usage_error (_("“%s” needs exactly one FILE"), "import roster");
  store = cli_open_initialised_store (ctx, &error);
  if (store == NULL || !coordena_demo_refuse_import (store, &error))
    return cli_report_error (error);
  report = coordena_import_roster_csv (store, argv[1], tty ? on_progress : NULL, NULL, NULL, &error);
  return finish (store, report, error, tty);
}

static int
import_cnes (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PATH"));
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaImportReport) report = NULL;
  g_autoptr(GArray) comps = g_array_new (FALSE, FALSE, sizeof (CoordenaCompetencia));
  g_auto(GStrv) competencias = NULL;
  g_autofree char *uf = NULL;
  g_autofree char *db_uf = NULL;
  gboolean tty = isatty (2);
  int code;
  GOptionEntry options[] = {
    { "uf", 0, 0, G_OPTION_ARG_STRING, &uf, N_("The state to import (optional: the database's; another is refused)"), N_("UF") },
    { "competencia", 0, 0, G_OPTION_ARG_STRING_ARRAY, &competencias, N_("A competência to import (repeatable)"), N_("AAAAMM") },
    { NULL },
  };

  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Import the teams of a state from the CNES open-data base: "
                                           "BASE_DE_DADOS_CNES_AAAAMM.ZIP or a folder holding its CSV files."));
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return cli_usage_error (_("“%s” needs exactly one PATH"), "import cnes");
  if (competencias == NULL)
    return cli_usage_error (_("“import cnes” needs at least one --competencia AAAAMM"));
  for (guint i = 0; competencias[i] != NULL; i++)
    {
      CoordenaCompetencia c;

      if (!coordena_competencia_parse (competencias[i], &c, &error))
        return cli_usage_error ("--competencia: %s", error->message);
      g_array_append_val (comps, c);
    }

  store = cli_open_initialised_store (ctx, &error);
  if (store == NULL)
    return cli_report_error (error);
  /* The database knows its state: --uf only confirms it. */
  db_uf = coordena_store_get_uf (store);
  if (uf != NULL && g_ascii_strcasecmp (db_uf, uf) != 0)
    {
      g_set_error (&error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("The database %s follows %s, not %s: leave --uf out, or import into a database of %s "
                     "(coordena-cli --db FILE init --uf %s)"),
                   coordena_store_get_path (store), db_uf, uf, uf, uf);
      return cli_report_error (error);
    }
  if (!coordena_demo_refuse_import (store, &error))
    return cli_report_error (error);
  report = coordena_import_cnes (store, argv[1], (const CoordenaCompetencia *) comps->data, comps->len,
                                 tty ? on_progress : NULL, NULL, NULL, &error);
  return finish (store, report, error, tty);
}

int
cli_cmd_import (CliContext *ctx, int argc, char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "roster"))
    return import_roster (ctx, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "cnes"))
    return import_cnes (ctx, argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n", _("Usage: coordena-cli import roster FILE\n"
                         "       coordena-cli import cnes PATH [--uf UF] --competencia AAAAMM [--competencia AAAAMM…]"));
      return CLI_EXIT_OK;
    }
  return cli_usage_error (_("“import” needs what to import: roster or cnes"));
}
