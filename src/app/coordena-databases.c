/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coordena-databases.c — which database files the window has used, for "Recent Databases" and for
 * leaving the demonstration back to the user's own data. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include <coordena/coordena.h>
#include <coordena/store.h>
#include <coordena/demo.h>

#include "coordena-databases.h"

gboolean
coordena_databases_has_password (const char *name)
{
  g_autoptr(GUri) uri = NULL;

  /* A file's name may say "password"; only a server's address can carry one. */
  if (name == NULL || !coordena_store_is_server_name (name))
    return FALSE;
  if (strstr (name, "password") != NULL)
    return TRUE;
  uri = g_uri_parse (name, G_URI_FLAGS_HAS_PASSWORD, NULL);
  return uri != NULL && g_uri_get_password (uri) != NULL;
}

void
coordena_databases_remember (GSettings *settings, const char *path)
{
  g_auto(GStrv) old = g_settings_get_strv (settings, "recent-databases");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  g_autofree char *current = g_settings_get_string (settings, "database-path");
  guint n = 1;

  /* Settings are a plain file: a password never goes there (the store refuses such an address
   * anyway; ~/.pgpass is where it belongs). */
  if (coordena_databases_has_password (path))
    return;
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < COORDENA_RECENT_DATABASES; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  if (!g_strv_equal ((const char *const *) old, (const char *const *) recent))
    g_settings_set_strv (settings, "recent-databases", (const char *const *) recent);
  if (g_strcmp0 (current, path) != 0)
    g_settings_set_string (settings, "database-path", path);
}

char **
coordena_databases_recent (GSettings *settings)
{
  g_auto(GStrv) all = g_settings_get_strv (settings, "recent-databases");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; all[i] != NULL; i++)
    if (g_file_test (all[i], G_FILE_TEST_IS_REGULAR)
        || (coordena_store_is_server_name (all[i]) && !coordena_databases_has_password (all[i])))
      g_strv_builder_add (builder, all[i]);
  return g_strv_builder_end (builder);
}

char *
coordena_databases_after_demo (GSettings *settings, const char *current)
{
  g_auto(GStrv) recent = coordena_databases_recent (settings);

  for (guint i = 0; recent[i] != NULL; i++)
    if (!coordena_demo_is_db_path (recent[i]) && g_strcmp0 (recent[i], current) != 0)
      return g_strdup (recent[i]);
  return coordena_default_db_path ();
}

/* "coordena on servidor.saude (server)", "service coordena (server)". */
static char *
server_label (const char *name)
{
  g_autoptr(GUri) uri = NULL;
  const char *host, *db;

  if (g_str_has_prefix (name, "service="))
    /* TRANSLATORS: a recent database on a server, named by a service of ~/.pg_service.conf */
    return g_strdup_printf (_("service %s (server)"), name + strlen ("service="));
  if ((uri = g_uri_parse (name, G_URI_FLAGS_NONE, NULL)) == NULL)
    return g_strdup (name);
  host = g_uri_get_host (uri);
  db = g_uri_get_path (uri);
  while (db != NULL && *db == '/')
    db++;
  if (host == NULL || *host == '\0')
    /* TRANSLATORS: a recent database on a server of this computer (Unix socket): the database's name */
    return g_strdup_printf (_("%s on this computer’s server"), db != NULL && *db != '\0' ? db : name);
  /* TRANSLATORS: a recent database on a server: the database's name, the server */
  return g_strdup_printf (_("%s on %s (server)"), db != NULL && *db != '\0' ? db : "postgres", host);
}

char *
coordena_databases_label (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();

  if (coordena_store_is_server_name (path))
    return server_label (path);
  if (coordena_demo_is_db_path (path))
    {
      /* demonstracao-se.db */
      g_autofree char *uf = g_ascii_strup (base + strlen ("demonstracao-"), 2);

      /* TRANSLATORS: a recent database that holds the demonstration roster of a state */
      return g_strdup_printf (_("Demonstration (%s)"), uf);
    }
  if (home != NULL && g_str_has_prefix (dir, home) && (dir[strlen (home)] == '/' || dir[strlen (home)] == '\0'))
    {
      g_autofree char *short_dir = g_strconcat ("~", dir + strlen (home), NULL);

      /* TRANSLATORS: a recent database: its file name, then its folder */
      return g_strdup_printf (_("%s (in %s)"), base, short_dir);
    }
  return g_strdup_printf (_("%s (in %s)"), base, dir);
}
