/* cli-audit.c — `coordena-cli audit [--since AAAA-MM-DD]`: who changed what, and when. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/coordena.h>
#include <coordena/store.h>

#include "cli-store.h"

int cli_cmd_audit (CliContext *ctx, int argc, char **argv);

/* Pads to a width counted in characters, not bytes ("Usuário", "Ação"). */
static void
cell (GString *out, const char *text, int width)
{
  g_string_append (out, text != NULL ? text : "");
  for (glong n = text != NULL ? g_utf8_strlen (text, -1) : 0; n < width; n++)
    g_string_append_c (out, ' ');
  g_string_append (out, "  ");
}

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

  store = cli_open_store_read_only (ctx, &error);
  if (store == NULL || (entries = coordena_store_list_audit (store, since != NULL ? &day : NULL, &error)) == NULL)
    return cli_report_error (error);
  if (entries->len == 0)
    {
      g_print ("%s\n", _("The audit log has no entries in that period."));
      return CLI_EXIT_OK;
    }
  {
    g_autoptr(GString) out = g_string_new (NULL);

    cell (out, _("Time (UTC)"), 20);
    cell (out, _("User"), 12);
    cell (out, _("Action"), 18);
    g_string_append_printf (out, "%s\n", _("Entity"));
    for (guint i = 0; i < entries->len; i++)
      {
        const CoordenaAuditEntry *e = entries->pdata[i];

        cell (out, e->time, 20);
        cell (out, e->user, 12);
        cell (out, e->action, 18);
        g_string_append_printf (out, "%s\n", e->entity);
        if (e->before != NULL)
          g_string_append_printf (out, "    %s %s\n", _("before:"), e->before);
        if (e->after != NULL)
          g_string_append_printf (out, "    %s %s\n", _("after:"), e->after);
      }
    g_print ("%s", out->str);
  }
  return CLI_EXIT_OK;
}
