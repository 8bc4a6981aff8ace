/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-pg.c — see test-pg.h. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#ifdef HAVE_LIBPQ
#include <libpq-fe.h>
#endif

#include "test-pg.h"

static gboolean postgresql_run;

void
test_pg_init (int *argc, char **argv)
{
  const char *initdb = g_getenv ("PGBIN") != NULL ? NULL : "/usr/lib/postgresql/15/bin/initdb";
  const char *given = g_getenv ("COORDENA_TEST_POSTGRESQL");
  int j = 1;

  for (int i = 1; i < *argc; i++)
    if (g_str_equal (argv[i], "--engine=postgresql"))
      postgresql_run = TRUE;
    else
      argv[j++] = argv[i];
  /* Run by hand without a server: the same program again beside a throwaway one, as the other
   * tests of the postgresql suite do. Under make the server must come from make itself. */
  if (postgresql_run && (given == NULL || *given == '\0') && g_getenv ("MAKELEVEL") == NULL
      && (initdb == NULL || g_file_test (initdb, G_FILE_TEST_IS_EXECUTABLE)))
    {
      g_autofree char *script = g_build_filename (g_getenv ("G_TEST_SRCDIR") != NULL ? g_getenv ("G_TEST_SRCDIR") : ".",
                                                  "pg-cluster.sh", NULL);
      g_autoptr(GPtrArray) args = g_ptr_array_new ();

      g_ptr_array_add (args, script);
      g_ptr_array_add (args, (char *) "run");
      for (int i = 0; i < *argc; i++)
        g_ptr_array_add (args, argv[i]);
      g_ptr_array_add (args, NULL);
      execv (script, (char **) args->pdata);
      g_printerr ("cannot run %s: %s\n", script, g_strerror (errno));
    }
  *argc = j;
  argv[j] = NULL;
}

gboolean
test_pg_run (void)
{
  return postgresql_run;
}

static const char *
server (void)
{
#ifdef HAVE_LIBPQ
  const char *uri = g_getenv ("COORDENA_TEST_POSTGRESQL");

  return uri != NULL && *uri != '\0' ? uri : NULL;
#else
  /* Built without libpq: Coordena cannot reach a server, so there is none to test. */
  return NULL;
#endif
}

gboolean
test_pg_available (void)
{
  return server () != NULL;
}

gboolean
test_pg_skip_without_server (void)
{
  if (!postgresql_run || server () != NULL)
    return FALSE;
  if (g_getenv ("MAKELEVEL") != NULL)
    {
      /* make test gives every suite its server: without it this run would test nothing. */
      g_test_fail_printf ("make gave the PostgreSQL run no server (COORDENA_TEST_POSTGRESQL is empty)");
      return TRUE;
    }
  g_test_skip ("no PostgreSQL server for this run: COORDENA_TEST_POSTGRESQL is not set (make test, or "
               "tests/pg-cluster.sh run meson test --suite postgresql, starts one)");
  return TRUE;
}

#ifdef HAVE_LIBPQ
/* The server's URI with another database name; the other parameters (host, user…) kept. */
static char *
uri_for (const char *dbname)
{
  char *parse_error = NULL;
  PQconninfoOption *options = PQconninfoParse (server (), &parse_error);
  GString *uri = g_string_new ("postgresql:///");
  gboolean first = TRUE;

  g_assert_nonnull (options);
  g_string_append (uri, dbname);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      g_autofree char *value = NULL;

      if (o->val == NULL || *o->val == '\0' || g_str_equal (o->keyword, "dbname"))
        continue;
      value = g_uri_escape_string (o->val, NULL, FALSE);
      g_string_append_printf (uri, "%s%s=%s", first ? "?" : "&", o->keyword, value);
      first = FALSE;
    }
  PQconninfoFree (options);
  return g_string_free (uri, FALSE);
}

static char *
database_name (const char *name)
{
  GString *out = g_string_new (NULL);

  g_string_printf (out, "t%d_", (int) getpid ());
  for (const char *p = name; *p != '\0' && out->len < 60; p++)
    g_string_append_c (out, g_ascii_isalnum (*p) ? g_ascii_tolower (*p) : '_');
  return g_string_free (out, FALSE);
}

static void
quiet (void *data, const char *message)
{
}

char *
test_pg_new_database (const char *name)
{
  g_autofree char *dbname = database_name (name);
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS \"%s\"", dbname);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE \"%s\"", dbname);
  PGconn *conn;
  PGresult *res;

  g_assert_nonnull (server ());
  conn = PQconnectdb (server ());
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot reach the test server %s: %s", server (), PQerrorMessage (conn));
  PQsetNoticeProcessor (conn, quiet, NULL);
  PQclear (PQexec (conn, sql));
  res = PQexec (conn, create);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("cannot create the database %s: %s", dbname, PQerrorMessage (conn));
  PQclear (res);
  PQfinish (conn);
  return uri_for (dbname);
}

char *
test_pg_missing_database (void)
{
  g_autofree char *dbname = database_name ("nao_existe");

  return uri_for (dbname);
}
#else
char *
test_pg_new_database (const char *name)
{
  g_assert_not_reached ();
  return NULL;
}

char *
test_pg_missing_database (void)
{
  g_assert_not_reached ();
  return NULL;
}
#endif
