/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-sql.c — prepared statements over SQLite or PostgreSQL (libpq). The store's SQL is written
 * once with SQLite's placeholders; for PostgreSQL they become $n when the statement is prepared,
 * and every value is sent as a parameter. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#ifdef HAVE_LIBPQ
#include <libpq-fe.h>
#endif

#include <coordena/error.h>
#include <coordena/store.h>

#include "lazy-library.h"
#include "store-sql.h"

#ifdef HAVE_LIBPQ
/* libpq is loaded the first time a server is used: with its own libraries (TLS, Kerberos, LDAP)
 * it takes longer to load than most commands take to run, and most of them use a file. */
#define PQ_API(F) \
  F (PQbackendPID) F (PQclear) F (PQcmdStatus) F (PQcmdTuples) F (PQconnectdbParams) \
  F (PQconninfoFree) F (PQconninfoParse) F (PQconsumeInput) F (PQenterPipelineMode) \
  F (PQerrorMessage) F (PQescapeIdentifier) F (PQexec) F (PQexecPrepared) F (PQexitPipelineMode) \
  F (PQfinish) F (PQfreemem) F (PQftype) F (PQgetResult) F (PQgetisnull) F (PQgetlength) \
  F (PQgetvalue) F (PQnfields) F (PQnotifies) F (PQntuples) F (PQpipelineSync) F (PQprepare) \
  F (PQresultErrorField) F (PQresultStatus) F (PQsendQueryPrepared) F (PQsetNoticeProcessor) \
  F (PQsocket) F (PQstatus) F (PQtransactionStatus) F (PQunescapeBytea) F (PQuser)

static struct {
  PQ_API (COORDENA_LAZY_FIELD)
} pq;

static gboolean
pq_load (GError **error)
{
  static CoordenaLazyLibrary libpq = { "libpq.so.5", "libpq5", N_("using a database server"), 0, NULL };
  static const char *const names[] = { PQ_API (COORDENA_LAZY_NAME) };

  return coordena_lazy_library_load (&libpq, names, (gpointer *) &pq, G_N_ELEMENTS (names), error);
}
#endif

/* PostgreSQL's type of binary strings, from its catalogue (pg_type.dat): stable across versions. */
#define BYTEA_OID 17

struct _CoordenaSqlConn {
  CoordenaSqlEngine engine;
  char *label;
  sqlite3 *db;
  gint64 changes;
#ifdef HAVE_LIBPQ
  PGconn *pg;
  GHashTable *prepared;   /* translated SQL → statement name */
  guint next_name;
  char sqlstate[6];
  char *message;          /* libpq's text of the last failure */
  gboolean piping;        /* in pipeline mode, with answers still to collect */
  guint n_pending;        /* statements sent since the last collection */
#endif
};

struct _CoordenaSqlStmt {
  CoordenaSqlConn *conn;
  sqlite3_stmt *lite;
#ifdef HAVE_LIBPQ
  const char *name;       /* owned by conn->prepared */
  int n_params;
  char **values;
  int *lengths;
  int *formats;
  PGresult *result;
  int row;
  int n_rows;
  gboolean executed;
  GPtrArray *unescaped;   /* per column of the current row: bytea decoded, or NULL */
  gsize *unescaped_len;
#endif
};

gboolean
coordena_sql_is_server_name (const char *name)
{
  return name != NULL
         && (g_str_has_prefix (name, "postgresql://") || g_str_has_prefix (name, "postgres://")
             || g_str_has_prefix (name, "service="));
}

/* ---- Placeholders ------------------------------------------------------------------------------ */

char *
coordena_sql_translate_placeholders (const char *sql, int *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  int highest = 0;
  const char *p = sql;

  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;

          g_string_append_c (out, *p++);
          while (*p != '\0')
            {
              g_string_append_c (out, *p);
              if (*p++ == quote)
                {
                  if (*p == quote) /* a doubled quote stays inside */
                    g_string_append_c (out, *p++);
                  else
                    break;
                }
            }
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          while (*p != '\0' && *p != '\n')
            g_string_append_c (out, *p++);
        }
      else if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");
          gsize len = end != NULL ? (gsize) (end + 2 - p) : strlen (p);

          g_string_append_len (out, p, (gssize) len);
          p += len;
        }
      else if (*p == '?')
        {
          int number;

          p++;
          if (g_ascii_isdigit (*p))
            {
              number = 0;
              while (g_ascii_isdigit (*p))
                number = number * 10 + (*p++ - '0');
            }
          else
            number = highest + 1;
          highest = MAX (highest, number);
          g_string_append_printf (out, "$%d", number);
        }
      else
        g_string_append_c (out, *p++);
    }
  if (n_params != NULL)
    *n_params = highest;
  return g_string_free (out, FALSE);
}

/* ---- Errors ------------------------------------------------------------------------------------ */

gboolean
coordena_sql_postgresql_error (GError **error, const char *sqlstate, const char *label, const char *doing,
                               const char *detail)
{
  g_autofree char *what = NULL;
  const char *s = sqlstate != NULL ? sqlstate : "";
  int code = COORDENA_ERROR_IO;

  if (g_str_has_prefix (s, "23"))
    {
      what = g_strdup_printf (_("The change was refused because it breaks a rule of the database %s"), label);
      code = COORDENA_ERROR_INPUT;
    }
  else if (g_str_equal (s, "40001") || g_str_equal (s, "40P01"))
    what = g_strdup_printf (_("Another user changed the same data of the database %s at the same time: try "
                              "again"), label);
  else if (g_str_equal (s, "42501"))
    {
      what = g_strdup_printf (_("Your user has no permission for this in the database %s (role leitura): ask "
                                "the secretariat’s IT for the role coordenação"), label);
      code = COORDENA_ERROR_INPUT;
    }
  else if (g_str_has_prefix (s, "08") || g_str_has_prefix (s, "57P"))
    what = g_strdup_printf (_("The connection to the database server %s was lost or refused: check the network "
                              "and that the server is running, then try again"), label);
  else if (g_str_has_prefix (s, "28"))
    {
      what = g_strdup_printf (_("The database server %s refused the login: check the user, and the password in "
                                "~/.pgpass"), label);
      code = COORDENA_ERROR_INPUT;
    }
  else if (g_str_equal (s, "53100"))
    what = g_strdup_printf (_("The disk holding the database %s is full: free some space on it and try again"),
                            label);
  else if (g_str_equal (s, "55P03") || g_str_equal (s, "57014"))
    what = g_strdup_printf (_("The database %s is in use by another user, who did not let go of it in time: try "
                              "again in a moment"), label);
  else if (g_str_equal (s, "42P01") || g_str_equal (s, "42703"))
    {
      what = g_strdup_printf (_("The database %s lacks a table or column this version of Coordena needs: it was "
                                "changed by another program. Restore a backup with “coordena-cli restore FILE”"),
                              label);
      code = COORDENA_ERROR_INPUT;
    }
  else
    {
      what = g_strdup_printf (_("Unexpected error in the database %s: please report it, with this message"), label);
      code = COORDENA_ERROR_INTERNAL;
    }
  if (doing != NULL)
    /* Translators: the sentence above; then what was being done; then PostgreSQL's own English text */
    g_set_error (error, COORDENA_ERROR, code, _("%s. Nothing was changed (while %s; PostgreSQL: %s)."), what,
                 doing, detail != NULL && *detail != '\0' ? detail : s);
  else
    g_set_error (error, COORDENA_ERROR, code, _("%s. Nothing was changed (PostgreSQL: %s)."), what,
                 detail != NULL && *detail != '\0' ? detail : s);
  return FALSE;
}

gboolean
coordena_sql_set_error (CoordenaSqlConn *conn, GError **error, const char *doing)
{
#ifdef HAVE_LIBPQ
  if (conn->engine == COORDENA_SQL_POSTGRESQL)
    return coordena_sql_postgresql_error (error, conn->sqlstate, conn->label, doing, conn->message);
#endif
  return coordena_store_sqlite_error (error, sqlite3_extended_errcode (conn->db), sqlite3_system_errno (conn->db),
                                      conn->label, doing, sqlite3_errmsg (conn->db));
}

const char *
coordena_sql_last_sqlstate (CoordenaSqlConn *conn)
{
#ifdef HAVE_LIBPQ
  if (conn->engine == COORDENA_SQL_POSTGRESQL)
    return conn->sqlstate;
#endif
  return "";
}

/* ---- Connections ------------------------------------------------------------------------------- */

CoordenaSqlConn *
coordena_sql_conn_new_sqlite (sqlite3 *db, const char *label)
{
  CoordenaSqlConn *conn = g_new0 (CoordenaSqlConn, 1);

  conn->engine = COORDENA_SQL_SQLITE;
  conn->db = db;
  conn->label = g_strdup (label);
  return conn;
}

#ifdef HAVE_LIBPQ
static void
pg_remember_failure (CoordenaSqlConn *conn, const PGresult *res)
{
  const char *state = res != NULL ? pq.PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = res != NULL ? pq.PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY) : NULL;

  if (state == NULL)
    state = pq.PQstatus (conn->pg) == CONNECTION_OK ? "XX000" : "08006";
  g_strlcpy (conn->sqlstate, state, sizeof conn->sqlstate);
  g_free (conn->message);
  conn->message = g_strdup (primary != NULL ? primary : pq.PQerrorMessage (conn->pg));
  g_strstrip (conn->message);
}

/* How many writes may wait for their answers: the server's answers pile up meanwhile, and a
 * client that only writes while the server only writes would wait for each other forever. */
#define PIPELINE_DEPTH 200

/* Collects the answers of the statements sent ahead and leaves pipeline mode; FALSE, with the
 * first failure remembered, when one of them failed. */
static gboolean
pg_drain (CoordenaSqlConn *conn)
{
  gboolean ok = TRUE;
  guint n_null = 0;

  if (!conn->piping)
    return TRUE;
  if (pq.PQpipelineSync (conn->pg) != 1)
    {
      pg_remember_failure (conn, NULL);
      ok = FALSE;
    }
  while (ok || pq.PQstatus (conn->pg) == CONNECTION_OK)
    {
      PGresult *res = pq.PQgetResult (conn->pg);
      ExecStatusType status;

      if (res == NULL)
        {
          /* One NULL ends each statement's answers; more means the connection is gone. */
          if (++n_null > conn->n_pending + 1 || pq.PQstatus (conn->pg) != CONNECTION_OK)
            {
              if (ok)
                pg_remember_failure (conn, NULL);
              ok = FALSE;
              break;
            }
          continue;
        }
      status = pq.PQresultStatus (res);
      if (status == PGRES_PIPELINE_SYNC)
        {
          pq.PQclear (res);
          break;
        }
      if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        {
          const char *tag = pq.PQcmdStatus (res);

          if (g_str_has_prefix (tag, "INSERT") || g_str_has_prefix (tag, "UPDATE") || g_str_has_prefix (tag, "DELETE"))
            conn->changes = g_ascii_strtoll (pq.PQcmdTuples (res), NULL, 10);
        }
      else if (status != PGRES_PIPELINE_ABORTED && ok)
        {
          pg_remember_failure (conn, res);
          ok = FALSE;
        }
      pq.PQclear (res);
    }
  pq.PQexitPipelineMode (conn->pg);
  conn->piping = FALSE;
  conn->n_pending = 0;
  return ok;
}

static void
pg_notice (void *data, const char *message)
{
  g_debug ("PostgreSQL: %s", message);
}

static void
pg_clear_failure (CoordenaSqlConn *conn)
{
  conn->sqlstate[0] = '\0';
  g_clear_pointer (&conn->message, g_free);
}
#endif

CoordenaSqlConn *
coordena_sql_conn_open_postgresql (const char *conninfo, GError **error)
{
#ifdef HAVE_LIBPQ
  const char *keywords[] = { "dbname", "fallback_application_name", "client_encoding", NULL };
  g_autofree char *app = g_strdup_printf ("coordena (%s)", g_get_user_name ());
  const char *values[] = { conninfo, app, "UTF8", NULL };
  PQconninfoOption *options;
  char *parse_error = NULL;
  CoordenaSqlConn *conn;
  PGresult *res;

  if (!pq_load (error))
    return NULL;
  options = pq.PQconninfoParse (conninfo, &parse_error);
  if (options == NULL)
    {
      g_autofree char *detail = g_strstrip (g_strdup (parse_error != NULL ? parse_error : "?"));

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("“%s” is not a database server address Coordena understands: give a libpq URI such as "
                     "postgresql://servidor/coordena or service=NAME (PostgreSQL: %s)"),
                   conninfo, detail);
      pq.PQfreemem (parse_error);
      return NULL;
    }
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, "password") && o->val != NULL && *o->val != '\0')
      {
        pq.PQconninfoFree (options);
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                     _("The database server address carries a password: a password never goes on the command line "
                       "or in the settings, where others can read it. Remove it from the address and put it in "
                       "~/.pgpass (mode 0600), as docs/servidor.md explains."));
        return NULL;
      }
  pq.PQconninfoFree (options);

  conn = g_new0 (CoordenaSqlConn, 1);
  conn->engine = COORDENA_SQL_POSTGRESQL;
  conn->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  conn->pg = pq.PQconnectdbParams (keywords, values, 1);
  if (conn->pg == NULL || pq.PQstatus (conn->pg) != CONNECTION_OK)
    {
      g_autofree char *detail = g_strstrip (g_strdup (conn->pg != NULL ? pq.PQerrorMessage (conn->pg) : "?"));

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO,
                   _("Cannot connect to the database server %s: check the address, that the server is running "
                     "and accepts your user, and the password in ~/.pgpass. Nothing was changed (PostgreSQL: %s)."),
                   conninfo, detail);
      coordena_sql_conn_close (conn);
      return NULL;
    }
  /* The server's notices ("table … does not exist, skipping") are for whoever debugs, not the user. */
  pq.PQsetNoticeProcessor (conn->pg, pg_notice, NULL);
  /* Named in messages as the user gave it (it carries no password). */
  conn->label = g_strdup (conninfo);
  /* Dates are computed by Coordena, in UTC; the server's own zone must not shift what it shows. */
  res = pq.PQexec (conn->pg, "SET TIME ZONE 'UTC'");
  pq.PQclear (res);
  return conn;
#else
  g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
               _("This build of Coordena cannot use a database server (it was compiled without libpq): use a "
                 "database file, or install a build with PostgreSQL support. Nothing was changed (%s)."),
               conninfo);
  return NULL;
#endif
}

void
coordena_sql_conn_close (CoordenaSqlConn *conn)
{
  if (conn == NULL)
    return;
  if (conn->db != NULL)
    {
      if (!sqlite3_get_autocommit (conn->db))
        sqlite3_exec (conn->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close_v2 (conn->db);
    }
#ifdef HAVE_LIBPQ
  if (conn->pg != NULL)
    pq.PQfinish (conn->pg);
  if (conn->prepared != NULL)
    g_hash_table_unref (conn->prepared);
  g_free (conn->message);
#endif
  g_free (conn->label);
  g_free (conn);
}

CoordenaSqlEngine
coordena_sql_conn_engine (CoordenaSqlConn *conn)
{
  return conn->engine;
}

sqlite3 *
coordena_sql_conn_sqlite (CoordenaSqlConn *conn)
{
  return conn->db;
}

const char *
coordena_sql_conn_label (CoordenaSqlConn *conn)
{
  return conn->label;
}

char *
coordena_sql_conn_user (CoordenaSqlConn *conn)
{
#ifdef HAVE_LIBPQ
  if (conn->engine == COORDENA_SQL_POSTGRESQL)
    return g_strdup (pq.PQuser (conn->pg));
#endif
  (void) conn;
  return NULL;
}

/* ---- Statements -------------------------------------------------------------------------------- */

CoordenaSqlStmt *
coordena_sql_prepare (CoordenaSqlConn *conn, const char *sql, GError **error)
{
  CoordenaSqlStmt *stmt = g_new0 (CoordenaSqlStmt, 1);

  stmt->conn = conn;
#ifdef HAVE_LIBPQ
  if (conn->engine == COORDENA_SQL_POSTGRESQL)
    {
      g_autofree char *translated = coordena_sql_translate_placeholders (sql, &stmt->n_params);
      const char *name = g_hash_table_lookup (conn->prepared, translated);

      if (name == NULL && !pg_drain (conn))
        {
          g_free (stmt);
          coordena_sql_set_error (conn, error, _("writing"));
          return NULL;
        }
      if (name == NULL)
        {
          char *new_name = g_strdup_printf ("coordena_%u", ++conn->next_name);
          /* Every parameter's type comes from where it is used, as SQLite's values take theirs. */
          PGresult *res = pq.PQprepare (conn->pg, new_name, translated, 0, NULL);

          if (pq.PQresultStatus (res) != PGRES_COMMAND_OK)
            {
              pg_remember_failure (conn, res);
              g_debug ("PostgreSQL refused to prepare: %s", translated);
              pq.PQclear (res);
              g_free (new_name);
              g_free (stmt);
              coordena_sql_set_error (conn, error, _("preparing a query"));
              return NULL;
            }
          pq.PQclear (res);
          g_hash_table_insert (conn->prepared, g_strdup (translated), new_name);
          name = new_name;
        }
      stmt->name = name;
      stmt->values = g_new0 (char *, stmt->n_params + 1);
      stmt->lengths = g_new0 (int, stmt->n_params + 1);
      stmt->formats = g_new0 (int, stmt->n_params + 1);
      stmt->unescaped = g_ptr_array_new_with_free_func (pq.PQfreemem);
      return stmt;
    }
#endif
  if (sqlite3_prepare_v2 (conn->db, sql, -1, &stmt->lite, NULL) != SQLITE_OK)
    {
      g_free (stmt);
      coordena_sql_set_error (conn, error, _("preparing a query"));
      return NULL;
    }
  return stmt;
}

#ifdef HAVE_LIBPQ
static void
pg_drop_row (CoordenaSqlStmt *stmt)
{
  g_ptr_array_set_size (stmt->unescaped, 0);
  g_clear_pointer (&stmt->unescaped_len, g_free);
}

static void
pg_drop_result (CoordenaSqlStmt *stmt)
{
  pg_drop_row (stmt);
  g_clear_pointer (&stmt->result, pq.PQclear);
  stmt->executed = FALSE;
  stmt->row = 0;
  stmt->n_rows = 0;
}
#endif

void
coordena_sql_reset (CoordenaSqlStmt *stmt)
{
  if (stmt == NULL)
    return;
#ifdef HAVE_LIBPQ
  if (stmt->conn->engine == COORDENA_SQL_POSTGRESQL)
    {
      pg_drop_result (stmt);
      return;
    }
#endif
  sqlite3_reset (stmt->lite);
}

void
coordena_sql_clear_bindings (CoordenaSqlStmt *stmt)
{
  if (stmt == NULL)
    return;
#ifdef HAVE_LIBPQ
  if (stmt->conn->engine == COORDENA_SQL_POSTGRESQL)
    {
      for (int i = 0; i < stmt->n_params; i++)
        {
          g_clear_pointer (&stmt->values[i], g_free);
          stmt->lengths[i] = 0;
          stmt->formats[i] = 0;
        }
      return;
    }
#endif
  sqlite3_clear_bindings (stmt->lite);
}

void
coordena_sql_finalize (CoordenaSqlStmt *stmt)
{
  if (stmt == NULL)
    return;
#ifdef HAVE_LIBPQ
  if (stmt->conn->engine == COORDENA_SQL_POSTGRESQL)
    {
      pg_drop_result (stmt);
      coordena_sql_clear_bindings (stmt);
      g_free (stmt->values);
      g_free (stmt->lengths);
      g_free (stmt->formats);
      g_ptr_array_unref (stmt->unescaped);
      g_free (stmt);
      return;
    }
#endif
  sqlite3_finalize (stmt->lite);
  g_free (stmt);
}

#ifdef HAVE_LIBPQ
/* Binding after a step starts the statement again, as SQLite requires a reset first. */
static gboolean
pg_param (CoordenaSqlStmt *stmt, int i)
{
  if (i < 1 || i > stmt->n_params)
    return FALSE;
  if (stmt->executed)
    pg_drop_result (stmt);
  g_clear_pointer (&stmt->values[i - 1], g_free);
  stmt->lengths[i - 1] = 0;
  stmt->formats[i - 1] = 0;
  return TRUE;
}
#endif

void
coordena_sql_bind_int64 (CoordenaSqlStmt *stmt, int i, gint64 value)
{
#ifdef HAVE_LIBPQ
  if (stmt->conn->engine == COORDENA_SQL_POSTGRESQL)
    {
      if (pg_param (stmt, i))
        stmt->values[i - 1] = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      return;
    }
#endif
  sqlite3_bind_int64 (stmt->lite, i, value);
}

void
coordena_sql_bind_int (CoordenaSqlStmt *stmt, int i, int value)
{
  coordena_sql_bind_int64 (stmt, i, value);
}

void
coordena_sql_bind_double (CoordenaSqlStmt *stmt, int i, double value)
{
#ifdef HAVE_LIBPQ
  if (stmt->conn->engine == COORDENA_SQL_POSTGRESQL)
    {
      if (pg_param (stmt, i))
        {
          stmt->values[i - 1] = g_malloc (G_ASCII_DTOSTR_BUF_SIZE);
          g_ascii_dtostr (stmt->values[i - 1], G_ASCII_DTOSTR_BUF_SIZE, value);
        }
      return;
    }
#endif
  sqlite3_bind_double (stmt->lite, i, value);
}

void
coordena_sql_bind_text (CoordenaSqlStmt *stmt, int i, const char *text)
{
#ifdef HAVE_LIBPQ
  if (stmt->conn->engine == COORDENA_SQL_POSTGRESQL)
    {
      if (pg_param (stmt, i))
        stmt->values[i - 1] = g_strdup (text);
      return;
    }
#endif
  if (text == NULL)
    sqlite3_bind_null (stmt->lite, i);
  else
    sqlite3_bind_text (stmt->lite, i, text, -1, SQLITE_TRANSIENT);
}

void
coordena_sql_bind_blob (CoordenaSqlStmt *stmt, int i, const void *data, gsize size)
{
#ifdef HAVE_LIBPQ
  if (stmt->conn->engine == COORDENA_SQL_POSTGRESQL)
    {
      if (pg_param (stmt, i))
        {
          /* Sent as bytes, not text: a PDF holds NULs. */
          stmt->values[i - 1] = size > 0 ? g_memdup2 (data, size) : g_strdup ("");
          stmt->lengths[i - 1] = (int) size;
          stmt->formats[i - 1] = 1;
        }
      return;
    }
#endif
  sqlite3_bind_blob64 (stmt->lite, i, size > 0 ? data : "", size, SQLITE_TRANSIENT);
}

void
coordena_sql_bind_null (CoordenaSqlStmt *stmt, int i)
{
  coordena_sql_bind_text (stmt, i, NULL);
}

CoordenaSqlResult
coordena_sql_step (CoordenaSqlStmt *stmt)
{
  int rc;

#ifdef HAVE_LIBPQ
  if (stmt->conn->engine == COORDENA_SQL_POSTGRESQL)
    {
      CoordenaSqlConn *conn = stmt->conn;

      if (stmt->executed)
        {
          pg_drop_row (stmt);
          if (stmt->result == NULL || ++stmt->row >= stmt->n_rows)
            return COORDENA_SQL_DONE;
          return COORDENA_SQL_ROW;
        }
      stmt->executed = TRUE;
      stmt->row = 0;
      if (!pg_drain (conn))
        return COORDENA_SQL_ERROR;
      stmt->result = pq.PQexecPrepared (conn->pg, stmt->name, stmt->n_params, (const char *const *) stmt->values,
                                     stmt->lengths, stmt->formats, 0);
      switch (pq.PQresultStatus (stmt->result))
        {
        case PGRES_TUPLES_OK:
        case PGRES_COMMAND_OK:
          {
            const char *status = pq.PQcmdStatus (stmt->result);

            pg_clear_failure (conn);
            if (g_str_has_prefix (status, "INSERT") || g_str_has_prefix (status, "UPDATE")
                || g_str_has_prefix (status, "DELETE"))
              conn->changes = g_ascii_strtoll (pq.PQcmdTuples (stmt->result), NULL, 10);
            stmt->n_rows = pq.PQntuples (stmt->result);
            return stmt->n_rows > 0 ? COORDENA_SQL_ROW : COORDENA_SQL_DONE;
          }
        default:
          pg_remember_failure (conn, stmt->result);
          g_clear_pointer (&stmt->result, pq.PQclear);
          return COORDENA_SQL_ERROR;
        }
    }
#endif
  rc = sqlite3_step (stmt->lite);
  if (rc == SQLITE_ROW)
    return COORDENA_SQL_ROW;
  if (rc == SQLITE_DONE)
    {
      stmt->conn->changes = sqlite3_changes (stmt->conn->db);
      return COORDENA_SQL_DONE;
    }
  return COORDENA_SQL_ERROR;
}

/* ---- Columns ----------------------------------------------------------------------------------- */

#ifdef HAVE_LIBPQ
static gboolean
pg_has (CoordenaSqlStmt *stmt, int i)
{
  return stmt->result != NULL && stmt->row < stmt->n_rows && i >= 0 && i < pq.PQnfields (stmt->result)
         && !pq.PQgetisnull (stmt->result, stmt->row, i);
}
#endif

gboolean
coordena_sql_column_is_null (CoordenaSqlStmt *stmt, int i)
{
#ifdef HAVE_LIBPQ
  if (stmt->conn->engine == COORDENA_SQL_POSTGRESQL)
    return !pg_has (stmt, i);
#endif
  return sqlite3_column_type (stmt->lite, i) == SQLITE_NULL;
}

int
coordena_sql_column_count (CoordenaSqlStmt *stmt)
{
#ifdef HAVE_LIBPQ
  if (stmt->conn->engine == COORDENA_SQL_POSTGRESQL)
    return stmt->result != NULL ? pq.PQnfields (stmt->result) : 0;
#endif
  return sqlite3_column_count (stmt->lite);
}

CoordenaSqlKind
coordena_sql_column_kind (CoordenaSqlStmt *stmt, int i)
{
#ifdef HAVE_LIBPQ
  if (stmt->conn->engine == COORDENA_SQL_POSTGRESQL)
    {
      if (!pg_has (stmt, i))
        return COORDENA_SQL_KIND_NULL;
      /* Type numbers of PostgreSQL's catalogue (pg_type.dat), stable across versions. */
      switch (pq.PQftype (stmt->result, i))
        {
        case 16:  /* bool */
        case 20:  /* int8 */
        case 21:  /* int2 */
        case 23:  /* int4 */
          return COORDENA_SQL_KIND_INTEGER;
        case 700: /* float4 */
        case 701: /* float8 */
        case 1700: /* numeric */
          return COORDENA_SQL_KIND_REAL;
        case BYTEA_OID:
          return COORDENA_SQL_KIND_BLOB;
        default:
          return COORDENA_SQL_KIND_TEXT;
        }
    }
#endif
  switch (sqlite3_column_type (stmt->lite, i))
    {
    case SQLITE_INTEGER:
      return COORDENA_SQL_KIND_INTEGER;
    case SQLITE_FLOAT:
      return COORDENA_SQL_KIND_REAL;
    case SQLITE_BLOB:
      return COORDENA_SQL_KIND_BLOB;
    case SQLITE_NULL:
      return COORDENA_SQL_KIND_NULL;
    default:
      return COORDENA_SQL_KIND_TEXT;
    }
}

gint64
coordena_sql_column_int64 (CoordenaSqlStmt *stmt, int i)
{
#ifdef HAVE_LIBPQ
  if (stmt->conn->engine == COORDENA_SQL_POSTGRESQL)
    {
      const char *text;

      if (!pg_has (stmt, i))
        return 0;
      text = pq.PQgetvalue (stmt->result, stmt->row, i);
      /* Booleans come as t/f; numeric sums as "12.00". */
      if (text[0] == 't' && text[1] == '\0')
        return 1;
      if (strchr (text, '.') != NULL)
        return (gint64) g_ascii_strtod (text, NULL);
      return g_ascii_strtoll (text, NULL, 10);
    }
#endif
  return sqlite3_column_int64 (stmt->lite, i);
}

int
coordena_sql_column_int (CoordenaSqlStmt *stmt, int i)
{
#ifdef HAVE_LIBPQ
  if (stmt->conn->engine == COORDENA_SQL_POSTGRESQL)
    return (int) coordena_sql_column_int64 (stmt, i);
#endif
  return sqlite3_column_int (stmt->lite, i);
}

double
coordena_sql_column_double (CoordenaSqlStmt *stmt, int i)
{
#ifdef HAVE_LIBPQ
  if (stmt->conn->engine == COORDENA_SQL_POSTGRESQL)
    return pg_has (stmt, i) ? g_ascii_strtod (pq.PQgetvalue (stmt->result, stmt->row, i), NULL) : 0.0;
#endif
  return sqlite3_column_double (stmt->lite, i);
}

const char *
coordena_sql_column_text (CoordenaSqlStmt *stmt, int i)
{
#ifdef HAVE_LIBPQ
  if (stmt->conn->engine == COORDENA_SQL_POSTGRESQL)
    return pg_has (stmt, i) ? pq.PQgetvalue (stmt->result, stmt->row, i) : NULL;
#endif
  return (const char *) sqlite3_column_text (stmt->lite, i);
}

#ifdef HAVE_LIBPQ
/* A bytea column arrives as text ("\x…"); decoded once per row. */
static const unsigned char *
pg_blob (CoordenaSqlStmt *stmt, int i, gsize *size)
{
  int n = pq.PQnfields (stmt->result);

  *size = 0;
  if (!pg_has (stmt, i))
    return NULL;
  if (pq.PQftype (stmt->result, i) != BYTEA_OID)
    {
      *size = (gsize) pq.PQgetlength (stmt->result, stmt->row, i);
      return (const unsigned char *) pq.PQgetvalue (stmt->result, stmt->row, i);
    }
  if (stmt->unescaped->len == 0)
    {
      g_ptr_array_set_size (stmt->unescaped, n);
      stmt->unescaped_len = g_new0 (gsize, n);
    }
  if (stmt->unescaped->pdata[i] == NULL)
    {
      size_t len = 0;

      stmt->unescaped->pdata[i] = pq.PQunescapeBytea ((const unsigned char *) pq.PQgetvalue (stmt->result, stmt->row, i),
                                                   &len);
      stmt->unescaped_len[i] = len;
    }
  *size = stmt->unescaped_len[i];
  return stmt->unescaped->pdata[i];
}
#endif

const void *
coordena_sql_column_blob (CoordenaSqlStmt *stmt, int i)
{
#ifdef HAVE_LIBPQ
  if (stmt->conn->engine == COORDENA_SQL_POSTGRESQL)
    {
      gsize size;

      return pg_blob (stmt, i, &size);
    }
#endif
  return sqlite3_column_blob (stmt->lite, i);
}

gsize
coordena_sql_column_bytes (CoordenaSqlStmt *stmt, int i)
{
#ifdef HAVE_LIBPQ
  if (stmt->conn->engine == COORDENA_SQL_POSTGRESQL)
    {
      gsize size;

      pg_blob (stmt, i, &size);
      return size;
    }
#endif
  return (gsize) sqlite3_column_bytes (stmt->lite, i);
}

char *
coordena_sql_column_dup (CoordenaSqlStmt *stmt, int i)
{
  return g_strdup (coordena_sql_column_text (stmt, i));
}

gint64
coordena_sql_changes (CoordenaSqlConn *conn)
{
#ifdef HAVE_LIBPQ
  if (conn->engine == COORDENA_SQL_POSTGRESQL)
    pg_drain (conn);
#endif
  return conn->changes;
}

gboolean
coordena_sql_send (CoordenaSqlStmt *stmt)
{
#ifdef HAVE_LIBPQ
  CoordenaSqlConn *conn = stmt->conn;

  if (conn->engine == COORDENA_SQL_POSTGRESQL && pq.PQtransactionStatus (conn->pg) != PQTRANS_IDLE)
    {
      if (!conn->piping)
        {
          if (pq.PQenterPipelineMode (conn->pg) != 1)
            return coordena_sql_step (stmt) != COORDENA_SQL_ERROR;
          conn->piping = TRUE;
          conn->n_pending = 0;
        }
      if (pq.PQsendQueryPrepared (conn->pg, stmt->name, stmt->n_params, (const char *const *) stmt->values,
                               stmt->lengths, stmt->formats, 0) != 1)
        {
          pg_drain (conn);
          pg_remember_failure (conn, NULL);
          return FALSE;
        }
      stmt->executed = TRUE;
      if (++conn->n_pending >= PIPELINE_DEPTH)
        return pg_drain (conn);
      return TRUE;
    }
#endif
  return coordena_sql_step (stmt) != COORDENA_SQL_ERROR;
}

/* ---- Notifications ------------------------------------------------------------------------------ */

gboolean
coordena_sql_listen (CoordenaSqlConn *conn, const char *channel, GError **error)
{
#ifdef HAVE_LIBPQ
  if (conn->engine == COORDENA_SQL_POSTGRESQL)
    {
      char *quoted = pq.PQescapeIdentifier (conn->pg, channel, strlen (channel));
      g_autofree char *sql = g_strdup_printf ("LISTEN %s", quoted);

      pq.PQfreemem (quoted);
      return coordena_sql_exec (conn, sql, NULL, error);
    }
#endif
  return TRUE;
}

int
coordena_sql_socket (CoordenaSqlConn *conn)
{
#ifdef HAVE_LIBPQ
  if (conn->engine == COORDENA_SQL_POSTGRESQL)
    return pq.PQsocket (conn->pg);
#endif
  return -1;
}

char *
coordena_sql_next_notification (CoordenaSqlConn *conn)
{
#ifdef HAVE_LIBPQ
  if (conn->engine == COORDENA_SQL_POSTGRESQL)
    {
      PGnotify *note;

      pg_drain (conn);
      pq.PQconsumeInput (conn->pg);
      while ((note = pq.PQnotifies (conn->pg)) != NULL)
        {
          /* What this connection sent itself is already known to whoever sent it. */
          if (note->be_pid != pq.PQbackendPID (conn->pg))
            {
              char *payload = g_strdup (note->extra);

              pq.PQfreemem (note);
              return payload;
            }
          pq.PQfreemem (note);
        }
    }
#endif
  return NULL;
}

/* ---- Whole statements and transactions --------------------------------------------------------- */

gboolean
coordena_sql_exec (CoordenaSqlConn *conn, const char *sql, const char *doing, GError **error)
{
#ifdef HAVE_LIBPQ
  if (conn->engine == COORDENA_SQL_POSTGRESQL)
    {
      PGresult *res;

      if (!pg_drain (conn))
        return coordena_sql_set_error (conn, error, doing != NULL ? doing : _("running a statement"));
      res = pq.PQexec (conn->pg, sql);
      ExecStatusType status = pq.PQresultStatus (res);

      if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        {
          pg_remember_failure (conn, res);
          pq.PQclear (res);
          return coordena_sql_set_error (conn, error, doing != NULL ? doing : _("running a statement"));
        }
      pg_clear_failure (conn);
      pq.PQclear (res);
      return TRUE;
    }
#endif
  if (sqlite3_exec (conn->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return coordena_sql_set_error (conn, error, doing != NULL ? doing : _("running a statement"));
  conn->changes = sqlite3_changes (conn->db);
  return TRUE;
}

gboolean
coordena_sql_begin (CoordenaSqlConn *conn, GError **error)
{
  return coordena_sql_exec (conn, conn->engine == COORDENA_SQL_SQLITE ? "BEGIN IMMEDIATE" : "BEGIN",
                            _("starting a transaction"), error);
}

gboolean
coordena_sql_commit (CoordenaSqlConn *conn, GError **error)
{
#ifdef HAVE_LIBPQ
  /* PostgreSQL answers COMMIT of a transaction an error aborted with ROLLBACK, not with an error. */
  if (conn->engine == COORDENA_SQL_POSTGRESQL && !pg_drain (conn))
    {
      coordena_sql_rollback (conn);
      return coordena_sql_set_error (conn, error, _("saving the changes"));
    }
  if (conn->engine == COORDENA_SQL_POSTGRESQL && pq.PQtransactionStatus (conn->pg) == PQTRANS_INERROR)
    {
      g_strlcpy (conn->sqlstate, "25P02", sizeof conn->sqlstate);
      g_free (conn->message);
      conn->message = g_strdup ("current transaction is aborted");
      coordena_sql_rollback (conn);
      return coordena_sql_set_error (conn, error, _("saving the changes"));
    }
#endif
  if (!coordena_sql_exec (conn, "COMMIT", _("saving the changes"), error))
    {
      coordena_sql_rollback (conn);
      return FALSE;
    }
  return TRUE;
}

gboolean
coordena_sql_in_transaction (CoordenaSqlConn *conn)
{
#ifdef HAVE_LIBPQ
  if (conn->engine == COORDENA_SQL_POSTGRESQL)
    return pq.PQtransactionStatus (conn->pg) != PQTRANS_IDLE;
#endif
  return !sqlite3_get_autocommit (conn->db);
}

void
coordena_sql_rollback (CoordenaSqlConn *conn)
{
#ifdef HAVE_LIBPQ
  if (conn->engine == COORDENA_SQL_POSTGRESQL)
    {
      /* The failure that brought us here stays the one reported. */
      char state[6];
      char *message = g_strdup (conn->message);

      g_strlcpy (state, conn->sqlstate, sizeof state);
      pg_drain (conn);
      g_strlcpy (conn->sqlstate, state, sizeof conn->sqlstate);
      g_free (conn->message);
      conn->message = message;
    }
#endif
  if (!coordena_sql_in_transaction (conn))
    return;
#ifdef HAVE_LIBPQ
  if (conn->engine == COORDENA_SQL_POSTGRESQL)
    {
      pq.PQclear (pq.PQexec (conn->pg, "ROLLBACK"));
      return;
    }
#endif
  sqlite3_exec (conn->db, "ROLLBACK", NULL, NULL, NULL);
}
