/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-profile.c — `coordena-cli profile show | profile set KEY VALUE`: what the ofício prints. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/coordena.h>
#include <coordena/profile.h>

#include <coordena/clock.h>
#include <coordena/numbering.h>

#include "cli-store.h"

int cli_cmd_profile (CliContext *ctx, int argc, char **argv);

/* A value as the terminal may show it: a control character saved by an older version (an escape
 * sequence, a line break) is shown as "�", never sent to the terminal. */
static char *
printable (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (out, "\xef\xbf\xbd");
          continue;
        }
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        g_string_append (out, "\xef\xbf\xbd");
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

int
cli_cmd_profile (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("show | set KEY VALUE"));
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int code;

  g_option_context_set_summary (context, _("Show or set the secretariat profile the ofício prints "
                                           "(an empty VALUE removes a key; brasao takes the path of a PNG)."));
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (argc < 2)
    return cli_usage_error (_("“profile” needs “show” or “set KEY VALUE”"));

  if (g_str_equal (argv[1], "show"))
    {
      g_autoptr(GHashTable) values = NULL;
      g_autofree char *uf = NULL;
      const CoordenaProfileKey *keys;
      guint n;

      if (argc != 2)
        return cli_usage_error (_("“profile show” takes no arguments"));
      store = cli_open_store_read_only (ctx, &error);
      if (store == NULL || (values = coordena_profile_load (store, &error)) == NULL)
        return cli_report_error (error);
      uf = coordena_store_get_uf (store);
      g_print ("%-20s %s\n", "uf", uf != NULL ? uf : _("(not set: run “coordena-cli init --uf UF”)"));
      keys = coordena_profile_keys (&n);
      for (guint i = 0; i < n; i++)
        {
          const char *v = g_hash_table_lookup (values, keys[i].key);
          g_autofree char *next = NULL;

          if (keys[i].kind == COORDENA_PROFILE_NEXT_NUMBER)
            {
              GDate today;
              guint n_next = 0;

              coordena_clock_today (&today);
              if (coordena_numbering_peek_next (store, COORDENA_SEQUENCE_OFICIO, g_date_get_year (&today), &n_next, NULL))
                v = next = g_strdup_printf ("%u/%u", n_next, g_date_get_year (&today));
            }
          g_autofree char *shown = v != NULL ? printable (v) : NULL;

          g_print ("%-20s %s\n", keys[i].key, shown != NULL ? shown : _("(not set)"));
        }
      return CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "set"))
    {
      if (argc != 4)
        return cli_usage_error (_("“profile set” needs KEY and VALUE"));
      if (!coordena_profile_validate (argv[2], argv[3], &error))
        return cli_report_error (error);
      store = cli_open_store (ctx, TRUE, &error);
      if (store == NULL || !coordena_profile_set (store, argv[2], argv[3], &error))
        return cli_report_error (error);
      return CLI_EXIT_OK;
    }
  return cli_usage_error (_("unknown profile action “%s” (show or set)"), argv[1]);
}
