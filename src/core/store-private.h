/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-private.h — statement helpers shared by the store's own modules (store, import, export, demo). */
#pragma once

#include <coordena/store.h>

G_BEGIN_DECLS

/* A prepared statement, or NULL with the SQLite error in error. */
sqlite3_stmt *coordena_store_prepare (CoordenaStore *store, const char *sql, GError **error);

/* Runs SQL without values (schema, pragmas). */
gboolean coordena_store_exec (CoordenaStore *store, const char *sql, GError **error);

/* Steps a statement that returns no rows, then resets it and clears its bindings. */
gboolean coordena_store_step_done (CoordenaStore *store, sqlite3_stmt *stmt, GError **error);

/* Binds text, or NULL for a NULL pointer. */
void coordena_store_bind_text (sqlite3_stmt *stmt, int i, const char *text);

/* The other programs that have the database file open ("sqlite3 (processo 4242)"), or NULL. */
char *coordena_store_programs_holding (const char *path);

/* A JSON string literal (quoted, escaped), "null" for NULL. */
char *coordena_json_string (const char *text);

/* "eSF", "eAP20", "eAP30", "outra" ↔ the roster's team type, as stored in equipe_competencia.tipo. */
const char *coordena_store_type_to_db (CoordenaTeamType type);
CoordenaTeamType coordena_store_type_from_db (const char *text);

G_END_DECLS
