/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-info.c — `coordena-cli info`: what this installation uses. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/coordena.h>

#include "cli.h"

int cli_cmd_info (CliContext *ctx, int argc, char **argv);

/* Columns on a terminal: a wide character takes two, a combining mark none. printf's %-22s
 * counts bytes, which put every value after "Versão:" or "Dados do usuário:" one column off. */
static glong
display_width (const char *text)
{
  glong width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

int
cli_cmd_info (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *user_dir = coordena_user_datadir ();
  int code;

  g_option_context_set_summary (context, _("Show the version, the data directory and the database in use."));
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return cli_usage_error (_("“info” takes no arguments"));

  {
    const char *rows[][2] = {
      { _("Version:"), PACKAGE_VERSION },
      { _("Shipped data:"), coordena_datadir () },
      { _("User data:"), user_dir },
      { _("Database:"), ctx->db_path },
    };
    glong width = 0;

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      width = MAX (width, display_width (rows[i][0]));
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        g_print ("%s", rows[i][0]);
        for (glong n = display_width (rows[i][0]); n <= width; n++)
          g_print (" ");
        g_print ("%s\n", rows[i][1]);
      }
  }
  return CLI_EXIT_OK;
}
