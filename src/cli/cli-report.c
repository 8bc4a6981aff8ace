/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-report.c — `coordena-cli report forecast [--rules ID] [--horizon N] -o FILE.pdf`: the
 * forecast of the database's roster as a PDF report, in the ofício's typography. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/coordena.h>
#include <coordena/forecast-report.h>
#include <coordena/summary.h>

#include "cli-store.h"

int cli_cmd_report (CliContext *ctx, int argc, char **argv);

int
cli_cmd_report (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("forecast -o FILE.pdf"));
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(CoordenaRoster) roster = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rules = NULL;
  g_autofree char *output = NULL;
  CoordenaSummaryOptions options = { 0 };
  CoordenaSummary *summary;
  gboolean ok;
  int horizon = 12, code;
  GOptionEntry entries[] = {
    { "rules", 0, 0, G_OPTION_ARG_STRING, &rules, N_("The rule set (default: the one in force at each competência)"), N_("ID") },
    { "horizon", 0, 0, G_OPTION_ARG_INT, &horizon, N_("Competências to forecast (default 12)"), N_("N") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Write the forecast of the database’s roster as a PDF report: the figures, "
                                           "the monthly loss chart and the teams with a suspension now or ahead."));
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (argc != 2 || !g_str_equal (argv[1], "forecast"))
    return cli_usage_error (_("use “report forecast -o FILE.pdf”"));
  if (output == NULL)
    return cli_usage_error (_("“report forecast” needs -o FILE.pdf"));
  if (horizon < 1 || horizon > 60)
    return cli_usage_error (_("--horizon must be between 1 and 60"));

  store = cli_open_initialised_store_read_only (ctx, &error);
  if (store == NULL || (roster = coordena_store_load_roster (store, &error)) == NULL)
    return cli_report_error (error);
  if (coordena_roster_get_n_teams (roster) == 0)
    {
      g_set_error (&error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the database holds no teams to forecast: import the roster first"));
      return cli_report_error (error);
    }
  cli_note_demo (store);
  options.ruleset_id = rules;
  options.horizon = (guint) horizon;
  summary = coordena_summary_new (roster, &options, &error);
  if (summary == NULL)
    return cli_report_error (error);
  {
    g_autofree char *sigla = coordena_store_get_uf (store);
    g_autofree char *secretaria = coordena_store_get_profile (store, "secretaria.nome");
    CoordenaForecastReportInfo info = {
      .uf = sigla,
      .secretaria = secretaria != NULL && *secretaria != '\0' ? secretaria : NULL,
      .demo = coordena_store_is_demo (store),
    };

    ok = coordena_forecast_report_write_pdf_full (summary, NULL, &info, output, &error);
  }
  coordena_summary_unref (summary);
  if (!ok)
    return cli_report_error (error);
  g_print (_("Forecast report written to %s\n"), output);
  return CLI_EXIT_OK;
}
