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
}
