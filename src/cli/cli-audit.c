/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-audit.c — `coordena-cli audit [--since AAAA-MM-DD]`: who changed what, and when. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/clock.h>
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

/* The log keeps UTC; people read the secretariat's clock. Sets local_day to the entry's date there. */
static char *
local_time (const char *utc_iso, GDate *local_day)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) tz = coordena_clock_timezone ();
  g_autoptr(GDateTime) at = utc_iso != NULL ? g_date_time_new_from_iso8601 (utc_iso, utc) : NULL;
  g_autoptr(GDateTime) local = NULL;

  g_date_clear (local_day, 1);
  if (at == NULL)
    return g_strdup (utc_iso != NULL ? utc_iso : "");
  local = g_date_time_to_timezone (at, tz);
  g_date_set_dmy (local_day, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local), (GDateYear) g_date_time_get_year (local));
  return g_date_time_format (local, "%d/%m/%Y %H:%M:%S");
}

int
cli_cmd_audit (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *since = NULL;
  GDate day, from;
  gboolean any = FALSE;
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

  /* --since is a day on the secretariat's calendar, which starts up to a day before or after the
   * same day in UTC: ask the log from the day before, then keep what falls on or after it here. */
  from = day;
  if (since != NULL)
    g_date_subtract_days (&from, 1);
  store = cli_open_store_read_only (ctx, &error);
  if (store == NULL || (entries = coordena_store_list_audit (store, since != NULL ? &from : NULL, &error)) == NULL)
    return cli_report_error (error);
  {
    g_autoptr(GString) out = g_string_new (NULL);
    g_autoptr(GTimeZone) tz = coordena_clock_timezone ();
    /* TRANSLATORS: the audit table's first column; %s is the time zone, e.g. America/Sao_Paulo */
    g_autofree char *time_header = g_strdup_printf (_("Time (%s)"), g_time_zone_get_identifier (tz));

    int time_width = MAX (19, (int) g_utf8_strlen (time_header, -1));

    cell (out, time_header, time_width);
    cell (out, _("User"), 12);
    cell (out, _("Action"), 18);
    g_string_append_printf (out, "%s\n", _("Entity"));
    for (guint i = 0; i < entries->len; i++)
      {
        const CoordenaAuditEntry *e = entries->pdata[i];
        GDate local_day;
        g_autofree char *when = local_time (e->time, &local_day);

        if (since != NULL && g_date_valid (&local_day) && g_date_compare (&local_day, &day) < 0)
          continue;
        any = TRUE;
        cell (out, when, time_width);
        cell (out, e->user, 12);
        cell (out, e->action, 18);
        g_string_append_printf (out, "%s\n", e->entity);
        if (e->before != NULL)
          g_string_append_printf (out, "    %s %s\n", _("before:"), e->before);
        if (e->after != NULL)
          g_string_append_printf (out, "    %s %s\n", _("after:"), e->after);
      }
    if (!any)
      {
        g_print ("%s\n", _("The audit log has no entries in that period."));
        return CLI_EXIT_OK;
      }
    g_print ("%s", out->str);
  }
  return CLI_EXIT_OK;
}
