/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <string.h>

#include <coordena/coordena.h>
#include <coordena/format.h>

#include "cli.h"

/* Everything the CLI prints passes here: a value stored with an escape sequence or a direction
 * override (before values were checked, or by another program) cannot drive the terminal. Line
 * ends and tabs are the layout of the output and stay. */
static void
print_shown (FILE *stream, const char *text)
{
  g_autoptr(GString) out = g_string_sized_new (strlen (text));
  const char *p = text, *end = text + strlen (text);

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (out, "\xef\xbf\xbd");
          p++;
          continue;
        }
      if (c != '\n' && c != '\t' && coordena_text_is_hidden_control (c))
        g_string_append (out, "\xef\xbf\xbd");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  fwrite (out->str, 1, out->len, stream);

}

static void
print_out (const char *text)
{
  print_shown (stdout, text);
}

static void
print_err (const char *text)
{
  print_shown (stderr, text);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  coordena_i18n_init ();
  g_set_print_handler (print_out);
  g_set_printerr_handler (print_err);

  return cli_main (argc, argv);
}
