/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-notificacao.c — `coordena-cli notificacao generate | list | export`: one numbered letter per
 * municipality with teams suspended or at risk, kept in the database, and their follow-up. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/coordena.h>
#include <coordena/notification.h>

#include "cli-store.h"

int cli_cmd_notificacao (CliContext *ctx, int argc, char **argv);
void cli_notificacao_after_import (CoordenaStore *store);

/* Re-reads the notified teams against the newest competência; prints what changed. */
static gboolean
follow_up (CoordenaStore *store, guint *n_changed, GError **error)
{
  g_autoptr(CoordenaRoster) roster = coordena_store_load_roster (store, error);
  g_autoptr(CoordenaSummary) summary = NULL;

  if (roster == NULL || (summary = coordena_summary_new (roster, NULL, error)) == NULL)
    return FALSE;
  return coordena_notification_follow_up (store, summary, n_changed, error);
}

void
cli_notificacao_after_import (CoordenaStore *store)
{
  g_autoptr(GError) error = NULL;
  CoordenaNotifyCounts counts;
  GDate today;
  guint changed = 0;

  if (!follow_up (store, &changed, &error))
    {
      g_printerr ("coordena-cli: %s\n", error->message);
      return;
    }
  coordena_clock_today (&today);
  if (changed == 0 || !coordena_notification_counts (store, &today, &counts, NULL, NULL))
    return;
  {
    g_autofree char *text = coordena_notify_counts_text (counts.regularized, counts.pending, counts.suspended, FALSE,
                                                         0, 0);

    g_print (_("Notified teams: %s (see “notificacao list”).\n"), text);
  }
}

static int
generate (CliContext *ctx, const char *signer, const char *date_text, char **municipios, int horizon,
          const char *output, const char *combined)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(GPtrArray) records = NULL;
  CoordenaNotifyRequest request = { 0 };
  int code;

  if (signer == NULL || output == NULL)
    return cli_usage_error (_("“notificacao generate” needs --signer coordenador|secretario and -o FOLDER"));
  if (!cli_check_horizon (horizon, &code))
    return code;
  g_date_clear (&request.date, 1);
  if (date_text != NULL && !coordena_parse_date (date_text, &request.date, &error))
    return cli_usage_error ("--date: %s", error->message);
  if (date_text == NULL)
    coordena_clock_today (&request.date);
  request.signer = signer;
  request.horizon = (guint) horizon;
  request.municipios = (const char *const *) municipios;

  store = cli_open_initialised_store (ctx, &error);
  if (store == NULL)
    return cli_report_error (error);
  if (combined != NULL && !coordena_store_check_output_path (store, combined, &error))
    return cli_report_error (error);
  records = coordena_notification_generate (store, &request, output, combined, NULL, NULL, NULL, &error);
  if (records == NULL)
    return cli_report_error (error);
  for (guint i = 0; i < records->len; i++)
    {
      const CoordenaNotificationRecord *r = g_ptr_array_index (records, i);

      g_print ("%-36s %s %-28s %3u %s  %s\n", r->identification, r->ibge7, r->municipio, r->n_teams,
               g_dngettext (GETTEXT_PACKAGE, "team", "teams", r->n_teams), r->file);
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u notification written to %s\n", "%u notifications written to %s\n",
                        records->len),
           records->len, output);
  if (combined != NULL)
    g_print (_("All of them in one PDF for printing: %s\n"), combined);
  cli_note_demo (store);
  return CLI_EXIT_OK;
}

static int
list (CliContext *ctx, gboolean pending)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaStore) store = cli_open_store (ctx, TRUE, &error);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  CoordenaNotifyCounts counts;
  GDate today;

  if (store == NULL)
    return cli_report_error (error);
  /* The follow-up reads the newest competência even when the import that brought it came from
   * elsewhere (a restored backup, the window). */
  if (!follow_up (store, NULL, &error) || (records = coordena_notification_list (store, pending, &error)) == NULL
      || (teams = coordena_notification_list_teams (store, NULL, &error)) == NULL)
    return cli_report_error (error);
  coordena_clock_today (&today);
  if (!coordena_notification_counts (store, &today, &counts, NULL, &error))
    return cli_report_error (error);
  if (records->len == 0)
    {
      g_print ("%s\n", pending ? _("No notification has a team pending.")
                               : _("No notification has been generated in this database."));
      return CLI_EXIT_OK;
    }
  for (guint i = 0; i < records->len; i++)
    {
      const CoordenaNotificationRecord *r = g_ptr_array_index (records, i);
      g_autofree char *comp = coordena_competencia_format (r->competencia);
      g_autofree char *date = NULL;
      GDate when;

      date = coordena_parse_date (r->date, &when, NULL) ? coordena_format_date (&when) : g_strdup (r->date);

      g_autofree char *n_teams = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u team", "%u teams", r->n_teams),
                                                  r->n_teams);
      g_autofree char *how = coordena_notify_counts_text (r->n_regularized, 0, r->n_suspended, TRUE, r->n_persisting,
                                                          r->n_waiting);

      g_print ("%-36s %s  %s %-24s SCNES %s  %s: %s\n", r->identification, date, r->ibge7, r->municipio, comp, n_teams,
               how);
      /* Each team of the letter and where it stands now. */
      for (guint k = 0; k < teams->len; k++)
        {
          const CoordenaNotifiedTeam *t = g_ptr_array_index (teams, k);
          g_autofree char *fix = t->fix_by != 0 ? coordena_competencia_format (t->fix_by) : g_strdup ("—");
          g_autofree char *checked = t->checked != 0 ? coordena_competencia_format (t->checked) : NULL;
          g_autofree char *seen = checked != NULL ? g_strdup_printf (_(" (SCNES %s)"), checked) : g_strdup ("");

          if (g_strcmp0 (t->identification, r->identification) != 0)
            continue;
          /* TRANSLATORS: a notified team under its letter: INE · name · situation (SCNES 12/2026) · fix by */
          g_print (_("    %s · %s · %s%s · fix by %s\n"), t->ine, t->name != NULL && *t->name != '\0' ? t->name : "—",
                   coordena_notify_status_label (t->status), seen, fix);
        }
    }
  {
    g_autofree char *kept = coordena_format_money (counts.kept);

    g_print (_("Teams notified: %u; fixed: %u; pending: %u; suspended: %u; past their “corrigir até”: %u; "
               "forecast loss avoided by the fixes: %s\n"),
             counts.notified, counts.regularized, counts.pending, counts.suspended, counts.overdue, kept);
  }
  return CLI_EXIT_OK;
}

int
cli_cmd_notificacao (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("generate | list | export NUMERO/ANO"));
  g_autoptr(GError) error = NULL;
  g_autofree char *signer = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *combined = NULL;
  g_auto(GStrv) municipios = NULL;
  gboolean pending = FALSE;
  int horizon = CLI_HORIZON_DEFAULT;
  int code;
  GOptionEntry options[] = {
    { "signer", 0, 0, G_OPTION_ARG_STRING, &signer, N_("Who signs: coordenador or secretario"), N_("WHO") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("The letters’ date: today (default) or up to 30 days later"),
      N_("AAAA-MM-DD") },
    { "municipio", 0, 0, G_OPTION_ARG_STRING_ARRAY, &municipios,
      N_("Only this municipality (IBGE code; repeat for more); default: every one with teams at risk"), N_("IBGE") },
    { "horizon", 0, 0, G_OPTION_ARG_INT, &horizon, N_("Competências forecast (default 12)"), N_("N") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("generate: the folder for the PDFs; export: the PDF file to write"), N_("PATH") },
    { "combinado", 0, 0, G_OPTION_ARG_FILENAME, &combined, N_("Also write every letter in one PDF for printing"),
      N_("FILE") },
    { "pendentes", 0, 0, G_OPTION_ARG_NONE, &pending, N_("list: only notifications with a team not fixed yet"), NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Write to each municipality about its teams suspended or at risk (one "
                                           "numbered letter each, stored in the database), list the letters with "
                                           "their follow-up, or export one exactly as it was generated."));
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (argc < 2)
    return cli_usage_error (_("“notificacao” needs “generate”, “list” or “export NUMERO/ANO”"));

  if (g_str_equal (argv[1], "generate"))
    {
      if (argc != 2)
        return cli_usage_error (_("“notificacao generate” takes options only"));
      return generate (ctx, signer, date_text, municipios, horizon, output, combined);
    }
  if (g_str_equal (argv[1], "list"))
    {
      if (argc != 2)
        return cli_usage_error (_("“notificacao list” takes no arguments"));
      return list (ctx, pending);
    }
  if (g_str_equal (argv[1], "export"))
    {
      g_autoptr(CoordenaStore) store = NULL;
      g_autoptr(CoordenaNotificationRecord) record = NULL;

      if (argc != 3 || output == NULL)
        return cli_usage_error (_("“notificacao export” needs NUMERO/ANO and -o FILE.pdf"));
      store = cli_open_initialised_store_read_only (ctx, &error);
      if (store == NULL || !coordena_store_check_output_path (store, output, &error)
          || (record = coordena_notification_export (store, argv[2], output, &error)) == NULL)
        return cli_report_error (error);
      g_print ("%s → %s (SHA-256 %s)\n", record->identification, output, record->sha256);
      return CLI_EXIT_OK;
    }
  return cli_usage_error (_("unknown notificacao action “%s” (generate, list or export)"), argv[1]);
}
