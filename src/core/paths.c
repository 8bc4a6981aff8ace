/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include <coordena/paths.h>

const char *
coordena_datadir (void)
{
  const char *env = g_getenv ("COORDENA_DATADIR");

  return (env != NULL && *env != '\0') ? env : PKGDATADIR;
}

char *
coordena_user_datadir (void)
{
  return g_build_filename (g_get_user_data_dir (), "coordena", NULL);
}

char *
coordena_default_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "coordena", "coordena.db", NULL);
}

void
coordena_i18n_init (void)
{
  const char *env = g_getenv ("COORDENA_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, (env != NULL && *env != '\0') ? env : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Coordena is a Portuguese program: when the messages locale has no catalogue of ours (C,
   * POSIX, C.UTF-8, or a language nobody translated), it speaks Portuguese rather than the
   * English of its message ids. gettext ignores LANGUAGE under the plain "C" locale, so that
   * one becomes C.UTF-8 for messages; numbers and dates never depended on it (format.c). */
  if (!coordena_i18n_has_catalogue ())
    {
      const char *messages = setlocale (LC_MESSAGES, NULL);

      const char *ctype = setlocale (LC_CTYPE, NULL);

      if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
        setlocale (LC_MESSAGES, "C.UTF-8");
      /* Plain C is ASCII: accented messages would come out as "?". */
      if (ctype == NULL || g_str_equal (ctype, "C") || g_str_equal (ctype, "POSIX"))
        setlocale (LC_CTYPE, "C.UTF-8");
      g_setenv ("LANGUAGE", "pt_BR", TRUE);
      /* gettext caches its lookups: a new textdomain call makes it read LANGUAGE again. */
      textdomain (GETTEXT_PACKAGE);
    }
}

gboolean
coordena_i18n_has_catalogue (void)
{
  /* The header entry, msgid "", is translated only when a catalogue was found. */
  const char *header = dgettext (GETTEXT_PACKAGE, "");

  return header != NULL && header[0] != '\0';
}
