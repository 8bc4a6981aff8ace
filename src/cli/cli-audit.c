/* cli-audit.c — `coordena-cli audit [--since AAAA-MM-DD]`: who changed what, and when. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/coordena.h>
#include <coordena/store.h>

#include "cli-store.h"

int cli_cmd_audit (CliContext *ctx, int argc, char **argv);

int
cli_cmd_audit (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *since = NULL;
  GDate day;
  int code;
  GOptionEntry options[] = {
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("Only entries from this day on"), N_("AAAA-MM-DD") },
    { NULL },
  };

  g_date_clear (&day, 1);
  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Show the audit log: time, user, action, entity, before and after."));
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return cli_usage_error (_("“%s” takes no arguments"), "audit");
  if (since != NULL && !coordena_parse_date (since, &day, &error))
    return cli_usage_error ("--since: %s", error->message);

  store = cli_open_store (ctx, TRUE, &error);
  if (store == NULL || (entries = coordena_store_list_audit (store, since != NULL ? &day : NULL, &error)) == NULL)
    return cli_report_error (error);
  if (entries->len == 0)
    {
      g_print ("%s\n", _("The audit log has no entries in that period."));
      return CLI_EXIT_OK;
    }
  g_print ("%-20s  %-12s  %-18s  %s\n", _("Time (UTC)"), _("User"), _("Action"), _("Entity"));
  for (guint i = 0; i < entries->len; i++)
    {
      const CoordenaAuditEntry *e = entries->pdata[i];

      g_print ("%-20s  %-12s  %-18s  %s\n", e->time, e->user, e->action, e->entity);
      if (e->before != NULL)
        g_print ("    %s %s\n", _("before:"), e->before);
      if (e->after != NULL)
        g_print ("    %s %s\n", _("after:"), e->after);
    }
  return CLI_EXIT_OK;
}
