/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-sql.h — the one statement layer under the store, for the store's own files
 * (src/core/store-*.c) only. A connection is an SQLite file or a PostgreSQL database; the store
 * writes its SQL once, with SQLite's "?" / "?NNN" placeholders, and reads rows the same way from
 * either. Values always travel as bound parameters, never inside the SQL text. */
#pragma once

#include <sqlite3.h>

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  COORDENA_SQL_SQLITE,
  COORDENA_SQL_POSTGRESQL,
} CoordenaSqlEngine;

/* What a step gave: a row to read, the end, or an error (read it with coordena_sql_set_error). */
typedef enum {
  COORDENA_SQL_ERROR = -1,
  COORDENA_SQL_DONE = 0,
  COORDENA_SQL_ROW = 1,
} CoordenaSqlResult;

typedef struct _CoordenaSqlConn CoordenaSqlConn;
typedef struct _CoordenaSqlStmt CoordenaSqlStmt;

/* A connection over an open SQLite handle, which it then owns and closes; label names the file in
 * messages. */
CoordenaSqlConn *coordena_sql_conn_new_sqlite (sqlite3 *db, const char *label);
/* Opens a PostgreSQL connection: a libpq URI (postgresql://…) or "service=NAME"; the password
 * comes from ~/.pgpass (or PGPASSFILE), never from here. NULL with the reason. */
CoordenaSqlConn *coordena_sql_conn_open_postgresql (const char *conninfo, GError **error);
/* Rolls back what is open and closes (NULL is fine). */
void coordena_sql_conn_close (CoordenaSqlConn *conn);

CoordenaSqlEngine coordena_sql_conn_engine (CoordenaSqlConn *conn);
/* The SQLite handle, for what only SQLite has (backup API, pragmas); NULL on PostgreSQL. */
sqlite3 *coordena_sql_conn_sqlite (CoordenaSqlConn *conn);
/* How messages name the database: the file, or "banco@servidor". */
const char *coordena_sql_conn_label (CoordenaSqlConn *conn);
/* TRUE for names coordena_sql_conn_open_postgresql takes rather than a file. */
gboolean coordena_sql_is_server_name (const char *name);

/* The database user of the session (current_user), NULL on SQLite. */
char *coordena_sql_conn_user (CoordenaSqlConn *conn);

/* A statement, or NULL with error set. */
CoordenaSqlStmt *coordena_sql_prepare (CoordenaSqlConn *conn, const char *sql, GError **error);
void coordena_sql_finalize (CoordenaSqlStmt *stmt);
/* Back to before the first step, keeping the bound values. */
void coordena_sql_reset (CoordenaSqlStmt *stmt);
void coordena_sql_clear_bindings (CoordenaSqlStmt *stmt);

/* Parameters count from 1. Text and blobs are copied; NULL text binds NULL. */
void coordena_sql_bind_int (CoordenaSqlStmt *stmt, int i, int value);
void coordena_sql_bind_int64 (CoordenaSqlStmt *stmt, int i, gint64 value);
void coordena_sql_bind_double (CoordenaSqlStmt *stmt, int i, double value);
void coordena_sql_bind_text (CoordenaSqlStmt *stmt, int i, const char *text);
void coordena_sql_bind_blob (CoordenaSqlStmt *stmt, int i, const void *data, gsize size);
void coordena_sql_bind_null (CoordenaSqlStmt *stmt, int i);

CoordenaSqlResult coordena_sql_step (CoordenaSqlStmt *stmt);
/* Runs a statement whose rows nobody reads, inside a transaction. On PostgreSQL it is sent at once
 * but its answer is collected with the next statement that needs one (libpq's pipeline), so a run
 * of writes costs one round trip; a failure is then reported by that next statement (the
 * transaction fails whole either way). On SQLite it is coordena_sql_step. FALSE on failure. */
gboolean coordena_sql_send (CoordenaSqlStmt *stmt);

typedef enum {
  COORDENA_SQL_KIND_NULL,
  COORDENA_SQL_KIND_INTEGER,
  COORDENA_SQL_KIND_REAL,
  COORDENA_SQL_KIND_TEXT,
  COORDENA_SQL_KIND_BLOB,
} CoordenaSqlKind;

/* Columns count from 0 and are valid until the next step, reset or finalize. */
gboolean coordena_sql_column_is_null (CoordenaSqlStmt *stmt, int i);
/* How many columns the statement's rows have. */
int coordena_sql_column_count (CoordenaSqlStmt *stmt);
/* What the value of column i is, for copying it to the other engine as it is. */
CoordenaSqlKind coordena_sql_column_kind (CoordenaSqlStmt *stmt, int i);
int coordena_sql_column_int (CoordenaSqlStmt *stmt, int i);
gint64 coordena_sql_column_int64 (CoordenaSqlStmt *stmt, int i);
double coordena_sql_column_double (CoordenaSqlStmt *stmt, int i);
/* NULL for SQL NULL. */
const char *coordena_sql_column_text (CoordenaSqlStmt *stmt, int i);
const void *coordena_sql_column_blob (CoordenaSqlStmt *stmt, int i);
gsize coordena_sql_column_bytes (CoordenaSqlStmt *stmt, int i);
/* The text duplicated; NULL for SQL NULL. */
char *coordena_sql_column_dup (CoordenaSqlStmt *stmt, int i);

/* Rows the last finished INSERT, UPDATE or DELETE changed. */
gint64 coordena_sql_changes (CoordenaSqlConn *conn);

/* Runs SQL without values, possibly several statements (schema, pragmas). */
gboolean coordena_sql_exec (CoordenaSqlConn *conn, const char *sql, const char *doing, GError **error);

/* A transaction that writes: SQLite takes its write lock at once (BEGIN IMMEDIATE). */
gboolean coordena_sql_begin (CoordenaSqlConn *conn, GError **error);
gboolean coordena_sql_commit (CoordenaSqlConn *conn, GError **error);
void coordena_sql_rollback (CoordenaSqlConn *conn);
gboolean coordena_sql_in_transaction (CoordenaSqlConn *conn);

/* Sets error from the connection's last failure, in Portuguese, with what was being done and the
 * library's own text in parentheses. Returns FALSE. */
gboolean coordena_sql_set_error (CoordenaSqlConn *conn, GError **error, const char *doing);

/* Notifications (PostgreSQL's LISTEN/NOTIFY); on SQLite listening does nothing and none arrive. */
gboolean coordena_sql_listen (CoordenaSqlConn *conn, const char *channel, GError **error);
/* The socket to poll, −1 on SQLite. */
int coordena_sql_socket (CoordenaSqlConn *conn);
/* The payload of the next notification another connection sent (newly allocated), or NULL. */
char *coordena_sql_next_notification (CoordenaSqlConn *conn);

/* PostgreSQL's SQLSTATE of the last failure ("23505"), "" when none or on SQLite. */
const char *coordena_sql_last_sqlstate (CoordenaSqlConn *conn);

/* The SQL as PostgreSQL takes it: "?NNN" → "$NNN", "?" → the next number, leaving quoted text and
 * comments alone; *n_params gets the highest number. For the layer and its tests. */
char *coordena_sql_translate_placeholders (const char *sql, int *n_params);

/* The Portuguese sentence for a PostgreSQL SQLSTATE about database label; for the layer and its
 * tests. */
gboolean coordena_sql_postgresql_error (GError **error, const char *sqlstate, const char *label, const char *doing,
                                        const char *detail);

G_END_DECLS
