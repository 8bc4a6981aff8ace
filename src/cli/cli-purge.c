/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-purge.c — `coordena-cli purge-personal-data --yes`: names and CNS out of the database,
 * counts and results kept (see purge.h). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/coordena.h>
#include <coordena/purge.h>
#include <coordena/store.h>

#include "cli-store.h"

int cli_cmd_purge_personal_data (CliContext *ctx, int argc, char **argv);

int
cli_cmd_purge_personal_data (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CoordenaPurgeReport) report = { 0 };
  gboolean yes = FALSE;
  int code;
  GOptionEntry options[] = {
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes, N_("Confirm: the names and CNS cannot be brought back"), NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Remove the personal data from the database: each professional's CNS becomes a pseudonym and "
      "their name is removed, as are the names of municipal contacts; the audit log keeps its "
      "entries with those values masked. Teams, members, counts, evaluations and forecasts stay "
      "the same. This cannot be undone."));
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return cli_usage_error (_("“%s” takes no arguments"), "purge-personal-data");
  if (!yes)
    return cli_usage_error (_("purge-personal-data removes names and CNS for good: run it again with --yes to confirm"));

  store = cli_open_store (ctx, TRUE, &error);
  if (store == NULL || !coordena_purge_personal_data (store, &report, &error))
    return cli_report_error (error);

  g_print (_("Personal data removed from %s:\n"), coordena_store_get_path (store));
  g_print (_("  professionals with a pseudonym instead of the CNS: %u\n"), report.n_professionals);
  g_print (_("  professionals' names removed: %u\n"), report.n_names);
  g_print (_("  municipalities whose contacts were removed: %u\n"), report.n_contacts);
  g_print (_("  scenario changes with a pseudonym: %u\n"), report.n_scenarios);
  g_print (_("  audit entries masked: %u\n"), report.n_audit);
  g_print (_("  notifications whose PDF was removed (it named the municipal secretary): %u\n"), report.n_letters);
  g_print (_("Teams, members, evaluations and forecasts are unchanged.\n"));
  g_print (_("The database file was rewritten and its journal (-wal) emptied: it holds no CNS or name.\n"));
  for (guint i = 0; report.leftovers != NULL && i < report.leftovers->len; i++)
    g_printerr (_("warning: %s is a copy made earlier and still holds the personal data: delete it if it is no longer needed\n"),
                (const char *) report.leftovers->pdata[i]);
  for (guint i = 0; report.missing != NULL && i < report.missing->len; i++)
    g_printerr (_("warning: a copy was written to %s (says the audit log) and is not there now: if it was moved, "
                  "it still holds the personal data\n"),
                (const char *) report.missing->pdata[i]);
  for (guint i = 0; report.unverified != NULL && i < report.unverified->len; i++)
    g_printerr (_("warning: the audit log records a copy under the relative path %s, written from another folder: "
                  "it could not be checked; look for it, and if it exists it still holds the personal data\n"),
                (const char *) report.unverified->pdata[i]);
  return CLI_EXIT_OK;
}
