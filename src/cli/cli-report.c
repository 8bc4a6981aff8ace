/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-report.c — `coordena-cli report forecast [--rules ID] [--horizon N] [--scenario FILE] [--compare A --compare B] -o FILE.pdf`: the
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
  g_autofree char *scenario_path = NULL;
  g_auto(GStrv) compare = NULL;
  g_autoptr(CoordenaScenario) scenario = NULL;
  g_autoptr(CoordenaComparison) comparison = NULL;
  CoordenaSummaryOptions options = { 0 };
  CoordenaSummary *summary;
  gboolean ok;
  int horizon = CLI_HORIZON_DEFAULT, code;
  GOptionEntry entries[] = {
    { "rules", 0, 0, G_OPTION_ARG_STRING, &rules, N_("The rule set (default: the one in force at each competência)"), N_("ID") },
    { "horizon", 0, 0, G_OPTION_ARG_INT, &horizon, N_("Competências to forecast (default 12)"), N_("N") },
    { "scenario", 0, 0, G_OPTION_ARG_FILENAME, &scenario_path, N_("CSV of planned changes: ine;mudanca;categoria;a_partir_de"), N_("FILE") },
    { "compare", 0, 0, G_OPTION_ARG_STRING_ARRAY, &compare, N_("Also set two rule sets side by side: give it twice"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    G_OPTION_ENTRY_NULL,
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
  if (!cli_check_horizon (horizon, &code))
    return code;
  if (compare != NULL && g_strv_length (compare) != 2)
    return cli_usage_error (_("--compare needs exactly two rule sets: --compare A --compare B"));
  if (scenario_path != NULL && (scenario = coordena_scenario_load_file (scenario_path, &error)) == NULL)
    return cli_report_error (error);

  store = cli_open_initialised_store_read_only (ctx, &error);
  if (store == NULL || !coordena_store_check_output_path (store, output, &error)
      || (roster = coordena_store_load_roster (store, &error)) == NULL)
    return cli_report_error (error);
  if (coordena_roster_get_n_teams (roster) == 0)
    {
      g_set_error (&error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the database holds no teams to forecast: import the roster first"));
      return cli_report_error (error);
    }
  cli_note_demo (store);
  cli_note_teams_outside_uf (store);
  options.ruleset_id = rules;
  options.horizon = (guint) horizon;
  options.scenario = scenario;
  summary = coordena_summary_new (roster, &options, &error);
  if (summary == NULL)
    return cli_report_error (error);
  cli_warn_scenario_no_effect (coordena_summary_get_forecast (summary), scenario_path);
  if (compare != NULL)
    {
      const CoordenaRuleCatalog *cat = coordena_summary_get_catalog (summary);
      const CoordenaRuleSet *a = coordena_rule_catalog_find (cat, compare[0]);
      const CoordenaRuleSet *b = coordena_rule_catalog_find (cat, compare[1]);

      if (a == NULL || b == NULL)
        {
          g_set_error (&error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("There is no rule set “%s”; “coordena-cli rules list” shows them"), a == NULL ? compare[0] : compare[1]);
          coordena_summary_unref (summary);
          return cli_report_error (error);
        }
      comparison = coordena_compare (roster, a, b);
    }
  {
    g_autofree char *sigla = coordena_store_get_uf (store);
    g_autofree char *secretaria = coordena_store_get_profile (store, "secretaria.nome");
    CoordenaForecastReportInfo info = {
      .uf = sigla,
      .secretaria = secretaria != NULL && *secretaria != '\0' ? secretaria : NULL,
      .demo = coordena_store_is_demo (store),
    };

    ok = coordena_forecast_report_write_pdf_full (summary, comparison, &info, output, &error);
  }
  coordena_summary_unref (summary);
  if (!ok)
    return cli_report_error (error);
  g_print (_("Forecast report written to %s\n"), output);
  return CLI_EXIT_OK;
}
