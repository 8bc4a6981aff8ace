/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/coordena.h>
#include <coordena/store.h>

#include "cli.h"

int
cli_report_error (const GError *error)
{
  g_printerr ("coordena-cli: %s\n", error->message);
  return CLI_EXIT_REFUSED;
}

void
cli_warn_scenario_no_effect (const CoordenaForecast *forecast, const char *scenario_path)
{
  guint n_changes = 0, n_teams = 0;
  const CoordenaScenarioChange *changes = coordena_forecast_get_changes (forecast, &n_changes);
  const CoordenaForecastTeam *teams = coordena_forecast_get_teams (forecast, &n_teams);
  g_autofree char *now = coordena_competencia_format (coordena_forecast_get_current (forecast));

  for (guint i = 0; i < n_changes; i++)
    {
      g_autofree char *seen = NULL;

      if (!changes[i].no_effect)
        continue;
      for (guint t = 0; t < n_teams && seen == NULL; t++)
        if (g_str_equal (teams[t].team->ine, changes[i].ine))
          seen = coordena_competencia_format (teams[t].last_seen);
      g_printerr (_("%s:%u: warning: team %s is without registration in %s (last competência %s): "
                    "this change has no effect: without registration the team has no composition to change; "
                    "register it in the SCNES first\n"),
                  scenario_path != NULL ? scenario_path : "-", changes[i].line, changes[i].ine, now,
                  seen != NULL ? seen : "?");
    }
}

void
cli_note_teams_outside_uf (CoordenaStore *store)
{
  guint n = coordena_store_count_teams_outside_uf (store);

  if (n > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "warning: the database holds %u team of another state; it is left out (the database serves one state)\n",
                             "warning: the database holds %u teams of another state; they are left out (the database serves one state)\n", n), n);
}

int
cli_usage_error (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("coordena-cli: %s\n", message);
  g_printerr (_("Try “coordena-cli --help”.\n"));
  return CLI_EXIT_USAGE;
}

gboolean
cli_check_horizon (int horizon, int *exit_code)
{
  if (horizon >= 1 && horizon <= CLI_HORIZON_MAX)
    return TRUE;
  *exit_code = cli_usage_error (_("--horizon must be between 1 and %d competências"), CLI_HORIZON_MAX);
  return FALSE;
}

gboolean
cli_parse_options (GOptionContext *context, int *argc, char ***argv, int *exit_code)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = cli_usage_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

static void
print_help (FILE *out)
{
  g_autofree char *db = coordena_default_db_path ();
  int width = 0;

  for (const CliCommand *c = cli_commands; c->name != NULL; c++)
    width = MAX (width, (int) strlen (c->name));

  fprintf (out, _("Usage: coordena-cli [--db FILE] COMMAND [OPTIONS…]\n"));
  fprintf (out, "\n%s\n\n", _("Coordena: primary-care teams, financing forecasts and adhesion ofícios."));
  fprintf (out, "%s\n", _("Global options:"));
  fprintf (out, "  --db %-14s %s\n", _("FILE"), _("database to use"));
  fprintf (out, "  %-19s %s %s\n", "", _("default:"), db);
  fprintf (out, "  %-19s %s\n", "--version", _("show the version"));
  fprintf (out, "  %-19s %s\n", "-h, --help", _("show this help"));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (const CliCommand *c = cli_commands; c->name != NULL; c++)
    fprintf (out, "  %-*s  %s\n", MAX (width, 19), c->name, _(c->summary));
  fprintf (out, "  %-*s  %s\n", MAX (width, 19), _("help COMMAND"), _("show the help of a command"));
  fprintf (out, "\n%s\n", _("Exit codes: 0 done; 1 input refused (the message says why and where); 2 wrong usage."));
}

static const CliCommand *
find_command (const char *name)
{
  for (const CliCommand *c = cli_commands; c->name != NULL; c++)
    if (g_str_equal (c->name, name))
      return c;
  return NULL;
}

static int
run_command (CliContext *ctx, const CliCommand *command, int argc, char **argv)
{
  /* Commands parse argv with GOptionContext, which may reorder it: give them a copy. */
  g_autofree char **copy = g_new0 (char *, argc + 1);

  memcpy (copy, argv, sizeof (char *) * (gsize) argc);
  return command->run (ctx, argc, copy);
}

int
cli_main (int argc, char **argv)
{
  CliContext ctx = { 0 };
  int i = 1, code;

  for (; i < argc && argv[i][0] == '-'; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--version"))
        {
          g_print ("coordena-cli %s\n", PACKAGE_VERSION);
          g_free (ctx.db_path);
          return CLI_EXIT_OK;
        }
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_help (stdout);
          g_free (ctx.db_path);
          return CLI_EXIT_OK;
        }
      else if (g_str_equal (arg, "--db") || g_str_has_prefix (arg, "--db="))
        {
          const char *value = arg[4] == '=' ? arg + 5 : (i + 1 < argc ? argv[++i] : NULL);

          if (value == NULL || *value == '\0')
            {
              g_free (ctx.db_path);
              return cli_usage_error (_("--db needs the path of a database file"));
            }
          g_free (ctx.db_path);
          ctx.db_path = g_strdup (value);
          ctx.db_path_given = TRUE;
        }
      else
        {
          g_free (ctx.db_path);
          return cli_usage_error (_("unknown option “%s”"), arg);
        }
    }

  if (i >= argc)
    {
      print_help (stderr);
      g_free (ctx.db_path);
      return CLI_EXIT_USAGE;
    }

  if (ctx.db_path == NULL)
    ctx.db_path = coordena_default_db_path ();

  if (g_str_equal (argv[i], "help"))
    {
      const CliCommand *command;
      char *help_argv[3] = { NULL, (char *) "--help", NULL };

      if (i + 1 >= argc)
        {
          print_help (stdout);
          code = CLI_EXIT_OK;
        }
      else if ((command = find_command (argv[i + 1])) == NULL)
        code = cli_usage_error (_("unknown command “%s”"), argv[i + 1]);
      else
        {
          help_argv[0] = argv[i + 1];
          code = run_command (&ctx, command, 2, help_argv);
        }
    }
  else
    {
      const CliCommand *command = find_command (argv[i]);

      if (command == NULL)
        code = cli_usage_error (_("unknown command “%s”"), argv[i]);
      else
        code = run_command (&ctx, command, argc - i, argv + i);
    }

  g_free (ctx.db_path);
  return code;
}

void
cli_pad (GString *out, const char *text, int width, gboolean right)
{
  glong n = g_utf8_strlen (text, -1);

  if (right)
    for (glong i = n; i < width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (glong i = n; i < width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, "  ");
}
