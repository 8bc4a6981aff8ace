/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-private.h — the connection, transactions and statement helpers, for the store's own
 * files (src/core/store-*.c) only: SQL lives there and nowhere else. Statements go through the
 * layer of store-sql.h, so the same code runs on an SQLite file and on a PostgreSQL server. */
#pragma once

#include <coordena/store.h>

#include "store-internal.h"
#include "store-sql.h"

G_BEGIN_DECLS

/* The connection, for the store files' prepared statements. Do not close it. */
CoordenaSqlConn *coordena_store_get_conn (CoordenaStore *store);
/* The SQLite handle for what only SQLite has (backup, pragmas, the tests' own look inside a file
 * they made); NULL when the store is a PostgreSQL database. */
sqlite3 *coordena_store_get_db (CoordenaStore *store);
/* Which engine holds the data. */
CoordenaSqlEngine coordena_store_engine (CoordenaStore *store);

/* Sets a GError from the connection's last error, with what was being done. Returns FALSE. */
gboolean coordena_store_set_error (CoordenaStore *store, GError **error, const char *doing);

/* The text of column i, duplicated; NULL for SQL NULL. */
char *coordena_store_column_dup (CoordenaSqlStmt *stmt, int i);

/* A prepared statement, or NULL with the error in error. */
CoordenaSqlStmt *coordena_store_prepare (CoordenaStore *store, const char *sql, GError **error);

/* Runs SQL without values (schema, pragmas). */
gboolean coordena_store_exec (CoordenaStore *store, const char *sql, GError **error);

/* Steps a statement that returns no rows, then resets it and clears its bindings. */
gboolean coordena_store_step_done (CoordenaStore *store, CoordenaSqlStmt *stmt, GError **error);

/* Binds text, or NULL for a NULL pointer. */
void coordena_store_bind_text (CoordenaSqlStmt *stmt, int i, const char *text);



/* "eSF", "eAP20", "eAP30", "outra" ↔ the roster's team type, as stored in equipe_competencia.tipo. */
const char *coordena_store_type_to_db (CoordenaTeamType type);
CoordenaTeamType coordena_store_type_from_db (const char *text);

G_END_DECLS
