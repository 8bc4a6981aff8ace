/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-pg.h — a store test program run a second time against PostgreSQL: the run is chosen by the
 * argument --engine=postgresql, the server is the one tests/pg-cluster.sh started (its libpq URI in
 * COORDENA_TEST_POSTGRESQL), and every test gets a new empty database of its own on it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Takes --engine=postgresql out of argv; call before g_test_init. */
void test_pg_init (int *argc, char **argv);
/* TRUE in the PostgreSQL run. */
gboolean test_pg_run (void);
/* In the PostgreSQL run without a server: skips the current test saying why, and returns TRUE. */
gboolean test_pg_skip_without_server (void);
/* TRUE when a server was given. */
gboolean test_pg_available (void);
/* A new empty database on the server (its name made of name and this process), as a URI. */
char *test_pg_new_database (const char *name);
/* The URI of a database that does not exist on the server. */
char *test_pg_missing_database (void);

G_END_DECLS
