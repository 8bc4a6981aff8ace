/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store.c — opening, checking and migrating the roster database; transactions, audit, profile,
 * backup and restore. Prepared statements only; every user action is one transaction. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <coordena/clock.h>
#include <coordena/error.h>
#include <coordena/paths.h>
#include <coordena/reference.h>
#include <coordena/store.h>

#include "store-private.h"

/* "Coor" in the file header: tells a Coordena database from any other SQLite file. */
#define COORDENA_APPLICATION_ID 0x436f6f72
/* The same number as a server's coordena_schema.application_id keeps it. */
#define COORDENA_APPLICATION_ID_DECIMAL 1131376498

struct _CoordenaStore {
  CoordenaSqlConn *conn;
  sqlite3 *db;          /* the connection's, on SQLite; NULL on PostgreSQL */
  char *path;
  GPtrArray *notices;   /* char*, NULL-terminated */
  CoordenaStoreWaitFunc wait_func;
  gpointer wait_data;
  gint64 busy_since;    /* monotonic µs, when the current wait began */
};

/* ---- Errors ---------------------------------------------------------------------------------- */

/* How long any wait for another program's lock may last before the user is told. */
#define BUSY_TIMEOUT_MS 3000

static int
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
      return COORDENA_ERROR_DAMAGED;
    case SQLITE_NOTADB:
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
      return COORDENA_ERROR_INPUT;
    case SQLITE_INTERNAL:
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
      return COORDENA_ERROR_INTERNAL;
    default:
      return COORDENA_ERROR_IO;
    }
}

/* The other programs that have the database (or its -wal or -shm) open, as the user can find them:
 * "sqlite3 (processo 4242)". NULL when none is found (another user's process is not visible). */
char *
coordena_store_programs_holding (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };
  GStatBuf targets[G_N_ELEMENTS (suffixes)];
  gboolean have[G_N_ELEMENTS (suffixes)];
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *pid;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      have[i] = g_stat (file, &targets[i]) == 0;
    }
  while (proc != NULL && (pid = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *fd_dir = NULL;
      g_autoptr(GDir) fds = NULL;
      const char *fd;
      gboolean holds = FALSE;

      if (!g_ascii_isdigit (pid[0]) || (pid_t) g_ascii_strtoll (pid, NULL, 10) == getpid ())
        continue;
      fd_dir = g_build_filename ("/proc", pid, "fd", NULL);
      fds = g_dir_open (fd_dir, 0, NULL);
      while (!holds && fds != NULL && (fd = g_dir_read_name (fds)) != NULL)
        {
          g_autofree char *link = g_build_filename (fd_dir, fd, NULL);
          GStatBuf st;

          if (g_stat (link, &st) != 0)
            continue;
          for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
            if (have[i] && st.st_dev == targets[i].st_dev && st.st_ino == targets[i].st_ino)
              holds = TRUE;
        }
      if (holds && n++ < 5)
        {
          g_autofree char *comm_path = g_build_filename ("/proc", pid, "comm", NULL);
          g_autofree char *comm = NULL;

          if (!g_file_get_contents (comm_path, &comm, NULL, NULL))
            comm = g_strdup ("?");
          g_strstrip (comm);
          g_string_append_printf (out, "%s", out->len > 0 ? ", " : "");
          g_string_append_printf (out, _("%s (process %s)"), comm, pid);
        }
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* SQLite reports some failed writes as a plain I/O error; a disk with (almost) no room left is the
 * likely reason then, and the one the user can act on. */
static gboolean
disk_is_full (const char *path)
{
  g_autofree char *dir = path != NULL ? g_path_get_dirname (path) : NULL;
  struct statvfs st;

  return dir != NULL && statvfs (dir, &st) == 0 && (guint64) st.f_bavail * st.f_frsize < 1024 * 1024;
}

/* The one place an SQLite result code becomes words: what happened to the file, in the user's
 * terms, and what to do. The library's own text follows in parentheses, never alone. */
static char *
describe_sqlite (int rc, int sys_errno, const char *path, const char *detail)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      {
        g_autofree char *holders = path != NULL ? coordena_store_programs_holding (path) : NULL;

        if (holders != NULL)
          return g_strdup_printf (_("The database %s is in use by another program, %s, which did not let go of it "
                                    "within %d seconds: close that program and try again"),
                                  path, holders, BUSY_TIMEOUT_MS / 1000);
      }
      return g_strdup_printf (_("The database %s is in use by another program (another Coordena window or "
                                "command, a backup tool or an SQLite browser), which did not let go of it within "
                                "%d seconds: close that program and try again"),
                              path, BUSY_TIMEOUT_MS / 1000);
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return g_strdup_printf (_("The database %s cannot be written: the file or its folder is read-only. Give "
                                "your user permission to write both, or copy the file to a folder of yours and "
                                "open the copy with --db"),
                              path);
    case SQLITE_FULL:
      return g_strdup_printf (_("The disk holding the database %s is full: free some space on it and try again"),
                              path);
    case SQLITE_CANTOPEN:
      if (sys_errno == EACCES || sys_errno == EROFS || sys_errno == EPERM)
        return describe_sqlite (SQLITE_READONLY, 0, path, detail);
      return g_strdup_printf (_("The database %s cannot be opened: check that the file and its folder exist and "
                                "that your user may read and write them"),
                              path);
    case SQLITE_IOERR:
      if (sys_errno == ENOSPC || sys_errno == EDQUOT || sys_errno == EFBIG || disk_is_full (path))
        return describe_sqlite (SQLITE_FULL, 0, path, detail);
      if (sys_errno == EACCES || sys_errno == EROFS || sys_errno == EPERM)
        return describe_sqlite (SQLITE_READONLY, 0, path, detail);
      return g_strdup_printf (_("The system could not read or write the database %s: check the disk (or the network "
                                "folder) it is on, then try again"),
                              path);
    case SQLITE_CORRUPT:
      return g_strdup_printf (_("The database %s is damaged: restore a backup with “coordena-cli restore FILE” "
                                "(Preferências › Dados in the window) or open another file with --db"),
                              path);
    case SQLITE_NOTADB:
      return g_strdup_printf (_("%s is not a Coordena database (nor any SQLite database): open the right file with "
                                "--db, or give a new file name to create one"),
                              path);
    case SQLITE_NOMEM:
      return g_strdup_printf (_("There was not enough memory to work on the database %s: close other programs and "
                                "try again"),
                              path);
    case SQLITE_CONSTRAINT:
      return g_strdup_printf (_("The change was refused because it breaks a rule of the database %s"), path);
    case SQLITE_INTERRUPT:
      return g_strdup_printf (_("The work on the database %s was cancelled"), path);
    case SQLITE_ERROR:
      if (detail != NULL && (strstr (detail, "no such table") != NULL || strstr (detail, "no such column") != NULL
                             || strstr (detail, "has no column") != NULL))
        return g_strdup_printf (_("The database %s lacks a table or column this version of Coordena needs: it was "
                                  "changed by another program. Restore a backup with “coordena-cli restore FILE”"),
                                path);
      G_GNUC_FALLTHROUGH;
    default:
      return g_strdup_printf (_("Unexpected error in the database %s: please report it, with this message"), path);
    }
}

gboolean
coordena_store_sqlite_error (GError **error, int rc, int sys_errno, const char *path, const char *doing,
                             const char *detail)
{
  g_autofree char *what = describe_sqlite (rc, sys_errno, path, detail);
  const char *library = detail != NULL && *detail != '\0' ? detail : sqlite3_errstr (rc);
  /* An interrupted statement is a cancellation, reported as GCancellable reports its own. */
  GQuark domain = (rc & 0xff) == SQLITE_INTERRUPT ? G_IO_ERROR : COORDENA_ERROR;
  int code = (rc & 0xff) == SQLITE_INTERRUPT ? G_IO_ERROR_CANCELLED : error_code_for_sqlite (rc);

  if (doing != NULL)
    /* Translators: the sentence above; then what was being done; then SQLite's own English text */
    g_set_error (error, domain, code, _("%s. Nothing was changed (while %s; SQLite: %s)."),
                 what, doing, library);
  else
    g_set_error (error, domain, code, _("%s. Nothing was changed (SQLite: %s)."), what,
                 library);
  return FALSE;
}

gboolean
coordena_store_set_error (CoordenaStore *store, GError **error, const char *doing)
{
  if (store->conn != NULL)
    return coordena_sql_set_error (store->conn, error, doing);
  return coordena_store_sqlite_error (error, sqlite3_extended_errcode (store->db), sqlite3_system_errno (store->db),
                                      store->path, doing, sqlite3_errmsg (store->db));
}

/* ---- Small statement helpers ----------------------------------------------------------------- */

CoordenaSqlStmt *
coordena_store_prepare (CoordenaStore *store, const char *sql, GError **error)
{
  return coordena_sql_prepare (store->conn, sql, error);
}

gboolean
coordena_store_exec (CoordenaStore *store, const char *sql, GError **error)
{
  return coordena_sql_exec (store->conn, sql, NULL, error);
}

/* Steps a statement that returns no rows and resets it for reuse. */
gboolean
coordena_store_step_done (CoordenaStore *store, CoordenaSqlStmt *stmt, GError **error)
{
  /* Inside a transaction a server collects the answers of a run of writes at once. */
  if (coordena_store_is_server (store) && coordena_store_in_transaction (store))
    {
      gboolean ok = coordena_sql_send (stmt);

      if (!ok)
        coordena_store_set_error (store, error, _("writing"));
      coordena_sql_reset (stmt);
      coordena_sql_clear_bindings (stmt);
      return ok;
    }
  if (coordena_sql_step (stmt) == COORDENA_SQL_ERROR)
    {
      coordena_store_set_error (store, error, _("writing"));
      coordena_sql_reset (stmt);
      return FALSE;
    }
  coordena_sql_reset (stmt);
  coordena_sql_clear_bindings (stmt);
  return TRUE;
}

void
coordena_store_bind_text (CoordenaSqlStmt *stmt, int i, const char *text)
{
  coordena_sql_bind_text (stmt, i, text);
}

static gint64
query_int (sqlite3 *db, const char *sql, gint64 fallback)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = fallback;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
coordena_store_column_dup (CoordenaSqlStmt *stmt, int i)
{
  return coordena_sql_column_dup (stmt, i);
}

/* ---- Migrations ------------------------------------------------------------------------------- */

typedef struct {
  int number;
  char *path;
} Migration;

static void
migration_clear (gpointer data)
{
  g_free (((Migration *) data)->path);
}

static int
cmp_migration (gconstpointer a, gconstpointer b)
{
  return ((const Migration *) a)->number - ((const Migration *) b)->number;
}

/* The migration files of <datadir>/sql ("NNN_name.sql"), or of <datadir>/sql/postgresql for a
 * server, sorted by number. Both engines' files carry the same numbers. */
static GArray *
list_migrations_of (CoordenaSqlEngine engine, GError **error)
{
  g_autofree char *dir_path = engine == COORDENA_SQL_POSTGRESQL
                              ? g_build_filename (coordena_datadir (), "sql", "postgresql", NULL)
                              : g_build_filename (coordena_datadir (), "sql", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (Migration));
  const char *name;

  g_array_set_clear_func (list, migration_clear);
  dir = g_dir_open (dir_path, 0, error);
  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      char *end = NULL;
      guint64 number;
      Migration m;

      if (!g_ascii_isdigit (name[0]) || !g_str_has_suffix (name, ".sql"))
        continue;
      number = g_ascii_strtoull (name, &end, 10);
      if (end == NULL || *end != '_' || number == 0 || number > G_MAXINT)
        continue;
      m.number = (int) number;
      m.path = g_build_filename (dir_path, name, NULL);
      g_array_append_val (list, m);
    }
  g_array_sort (list, cmp_migration);
  for (guint i = 1; i < list->len; i++)
    if (g_array_index (list, Migration, i).number == g_array_index (list, Migration, i - 1).number)
      {
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INTERNAL,
                     _("Two database migrations share the number %d in %s"),
                     g_array_index (list, Migration, i).number, dir_path);
        return NULL;
      }
  return g_steal_pointer (&list);
}

static GArray *
list_migrations (GError **error)
{
  return list_migrations_of (COORDENA_SQL_SQLITE, error);
}

int
coordena_store_latest_schema_version (void)
{
  g_autoptr(GArray) list = list_migrations (NULL);

  if (list == NULL || list->len == 0)
    return 0;
  return g_array_index (list, Migration, list->len - 1).number;
}

/* SQLite's busy handler: waits for another program's lock for BUSY_TIMEOUT_MS at most, telling
 * the interface once that it waits. */
static int
busy_wait (void *data, int count)
{
  CoordenaStore *store = data;
  gint64 now = g_get_monotonic_time ();

  if (count == 0)
    {
      store->busy_since = now;
      if (store->wait_func != NULL)
        store->wait_func (store->wait_data);
    }
  if (now - store->busy_since >= (gint64) BUSY_TIMEOUT_MS * 1000)
    return 0;
  g_usleep (count < 10 ? 10000 : 50000);
  return 1;
}

void
coordena_store_set_wait_func (CoordenaStore *store, CoordenaStoreWaitFunc func, gpointer user_data)
{
  store->wait_func = func;
  store->wait_data = user_data;
}

/* Runs a backup to the end. Another program's lock is waited for, but never for longer than
 * BUSY_TIMEOUT_MS: the step itself returns BUSY at once when the source is locked. */
static int
backup_run (CoordenaStore *store, sqlite3_backup *backup)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) BUSY_TIMEOUT_MS * 1000;
  gboolean told = FALSE;
  int rc;

  for (;;)
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
        return rc;
      if (g_get_monotonic_time () >= deadline)
        return rc;
      if (!told && store->wait_func != NULL)
        store->wait_func (store->wait_data);
      told = TRUE;
      sqlite3_sleep (50);
    }
}

/* Copies the whole database of src into the file dest through the backup API. While the copy is
 * written its temporary file stays locked (flock), so a later open knows an unlocked one is the
 * leftover of a killed process and may remove it. */
static gboolean
backup_to_file (CoordenaStore *store, const char *dest, GError **error)
{
  g_autofree char *tmp = g_strconcat (dest, ".tmp", NULL);
  sqlite3 *out = NULL;
  sqlite3_backup *backup;
  int fd, rc, sys_errno = 0;

  g_unlink (tmp);
  fd = g_open (tmp, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot create %s: %s"), tmp, g_strerror (saved));
      return FALSE;
    }
  flock (fd, LOCK_EX | LOCK_NB);

  if (sqlite3_open_v2 (tmp, &out, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      coordena_store_sqlite_error (error, sqlite3_extended_errcode (out), sqlite3_system_errno (out), tmp,
                                   _("creating the copy"), sqlite3_errmsg (out));
      sqlite3_close (out);
      g_unlink (tmp);
      close (fd);
      return FALSE;
    }
  backup = sqlite3_backup_init (out, "main", store->db, "main");
  if (backup == NULL)
    rc = sqlite3_extended_errcode (out);
  else
    {
      rc = backup_run (store, backup);
      sqlite3_backup_finish (backup);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  /* A backup is one self-contained file: no WAL beside it. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sys_errno = sqlite3_system_errno (out);
      /* A lock is the database's; anything else is the copy's (disk full, read-only folder). */
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        coordena_store_sqlite_error (error, rc, 0, store->path, _("making a copy"), NULL);
      else
        coordena_store_sqlite_error (error, rc, sys_errno, tmp, _("writing the copy"), NULL);
      sqlite3_close (out);
      g_unlink (tmp);
      close (fd);
      return FALSE;
    }
  if (sqlite3_close (out) != SQLITE_OK || g_rename (tmp, dest) != 0)
    {
      int saved = errno;

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot write the copy %s: %s"), dest,
                   g_strerror (saved));
      g_unlink (tmp);
      close (fd);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static char *canonical_output_name (const char *path);

static gboolean
apply_migration (CoordenaStore *store, const Migration *m, GError **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *set_version = NULL;
  g_autoptr(GError) local = NULL;
  char *message = NULL;

  if (!g_file_get_contents (m->path, &sql, NULL, &local))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot read the migration %s: %s"), m->path,
                   local->message);
      return FALSE;
    }
  if (!coordena_store_begin (store, error))
    return FALSE;
  /* The version is the file's own number, never user input. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", m->number);
  if (sqlite3_exec (store->db, sql, NULL, NULL, &message) != SQLITE_OK
      || sqlite3_exec (store->db, set_version, NULL, NULL, &message) != SQLITE_OK)
    {
      /* A full disk or a lock is the user's to fix; anything else is a bug in the migration. */
      g_autofree char *base = g_path_get_basename (m->path);
      g_autofree char *doing = g_strdup_printf (_("updating it with %s"), base);

      coordena_store_sqlite_error (error, sqlite3_extended_errcode (store->db), sqlite3_system_errno (store->db),
                                   store->path, doing, message);
      sqlite3_free (message);
      coordena_store_rollback (store);
      return FALSE;
    }
  return coordena_store_commit (store, error);
}

static int server_schema_version (CoordenaStore *store, GError **error);

/* What a file or a server at schema version may have done to it: nothing (the latest: *ready),
 * a migration (FALSE with *ready unset, no error), or a refusal (a newer schema, or no
 * migration allowed). Both engines answer the same way. */
static gboolean
schema_gate (CoordenaStore *store, int version, int latest, CoordenaStoreOpenFlags flags, gboolean *ready,
             GError **error)
{
  *ready = FALSE;
  if (version > latest)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("The database %s was written by a newer version of Coordena (schema %d; this one knows up to %d): "
                     "open it with that version, or install it. It was not changed."),
                   store->path, version, latest);
      return FALSE;
    }
  if (version == latest)
    {
      *ready = TRUE;
      return TRUE;
    }
  if ((flags & COORDENA_STORE_OPEN_NO_MIGRATE) && version == 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("%s holds no Coordena data yet: create the database with “coordena-cli init --uf UF”. "
                     "It was not changed."),
                   store->path);
      return FALSE;
    }
  if (flags & COORDENA_STORE_OPEN_NO_MIGRATE)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("The database %s has the older schema %d; open it with Coordena once to update it."),
                   store->path, version);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (CoordenaStore *store, CoordenaStoreOpenFlags flags, GError **error)
{
  g_autoptr(GArray) list = list_migrations (error);
  int version, latest;
  gboolean ready;

  if (list == NULL)
    return FALSE;
  version = coordena_store_get_schema_version (store);
  latest = list->len > 0 ? g_array_index (list, Migration, list->len - 1).number : 0;
  if (!schema_gate (store, version, latest, flags, &ready, error))
    return FALSE;
  if (ready)
    return TRUE;

  if (version > 0)
    {
      g_autofree char *copy = g_strdup_printf ("%s.v%d.bak", store->path, version);

      if (!backup_to_file (store, copy, error))
        return FALSE;
    }
  else if (sqlite3_exec (store->db, "PRAGMA application_id = " G_STRINGIFY (COORDENA_APPLICATION_ID),
                         NULL, NULL, NULL) != SQLITE_OK)
    return coordena_store_set_error (store, error, _("marking a new database"));

  for (guint i = 0; i < list->len; i++)
    {
      const Migration *m = &g_array_index (list, Migration, i);

      if (m->number > version && !apply_migration (store, m, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- A PostgreSQL server ------------------------------------------------------------------------ */

/* The key of the advisory lock that lets one program at a time create or migrate the schema. */
#define SERVER_SCHEMA_LOCK "1131376498" /* 0x436f6f72, "Coor" */

/* One integer from a query without values on the server; fallback when there is no row. */
static gboolean
server_query_int (CoordenaStore *store, const char *sql, gint64 fallback, gint64 *value, GError **error)
{
  CoordenaSqlStmt *stmt = coordena_store_prepare (store, sql, error);
  CoordenaSqlResult rc;

  if (stmt == NULL)
    return FALSE;
  *value = fallback;
  rc = coordena_sql_step (stmt);
  if (rc == COORDENA_SQL_ROW && !coordena_sql_column_is_null (stmt, 0))
    *value = coordena_sql_column_int64 (stmt, 0);
  coordena_sql_finalize (stmt);
  if (rc == COORDENA_SQL_ERROR)
    return coordena_store_set_error (store, error, _("reading the schema"));
  return TRUE;
}

/* The version the table coordena_schema records (what PRAGMA user_version is to a file; the first
 * migration creates the table): 0 when the database holds no Coordena schema yet, −1 on error. */
static int
server_schema_version (CoordenaStore *store, GError **error)
{
  gint64 exists = 0, version = 0;

  if (!server_query_int (store, "SELECT count(*) FROM pg_catalog.pg_tables "
                                "WHERE schemaname = current_schema() AND tablename = 'coordena_schema'",
                         0, &exists, error))
    return -1;
  if (exists == 0)
    return 0;
  if (!server_query_int (store, "SELECT version FROM coordena_schema WHERE application_id = "
                                G_STRINGIFY (COORDENA_APPLICATION_ID_DECIMAL), -1, &version, error))
    return -1;
  if (version < 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("The database %s has a table coordena_schema that Coordena did not write: it was changed by "
                     "another program. It was not changed."), store->path);
      return -1;
    }
  return (int) version;
}

static gboolean
server_apply_migration (CoordenaStore *store, const Migration *m, GError **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *base = g_path_get_basename (m->path);
  g_autofree char *doing = g_strdup_printf (_("updating it with %s"), base);
  g_autoptr(GError) local = NULL;
  CoordenaSqlStmt *stmt;
  gboolean ok;

  if (!g_file_get_contents (m->path, &sql, NULL, &local))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot read the migration %s: %s"), m->path,
                   local->message);
      return FALSE;
    }
  if (!coordena_sql_exec (store->conn, sql, doing, error))
    return FALSE;
  /* Each file records its own number too; this keeps the version right whatever a file says. */
  stmt = coordena_store_prepare (store, "UPDATE coordena_schema SET version = ?1", error);
  if (stmt == NULL)
    return FALSE;
  coordena_sql_bind_int (stmt, 1, m->number);
  ok = coordena_store_step_done (store, stmt, error);
  coordena_sql_finalize (stmt);
  return ok;
}

/* Creates or updates the schema from <datadir>/sql/postgresql, all of it in one transaction that
 * holds an advisory lock: two programs starting at once neither apply a file twice nor see half a
 * schema. */
static gboolean
server_migrate (CoordenaStore *store, CoordenaStoreOpenFlags flags, GError **error)
{
  g_autoptr(GArray) list = list_migrations_of (COORDENA_SQL_POSTGRESQL, error);
  gint64 n_tables = 0;
  int version, latest;
  gboolean ready;

  if (list == NULL)
    return FALSE;
  latest = list->len > 0 ? g_array_index (list, Migration, list->len - 1).number : 0;
  if ((version = server_schema_version (store, error)) < 0)
    return FALSE;
  if (!schema_gate (store, version, latest, flags, &ready, error))
    return FALSE;
  if (ready)
    return TRUE;

  if (!coordena_store_begin (store, error))
    return FALSE;
  if (!coordena_sql_exec (store->conn, "SELECT pg_advisory_xact_lock (" SERVER_SCHEMA_LOCK ")",
                          _("waiting for another program updating the database"), error))
    goto fail;
  /* Read again under the lock: another program may have just done it. */
  if ((version = server_schema_version (store, error)) < 0)
    goto fail;
  if (version == 0)
    {
      /* Another program's tables are never mixed with Coordena's. */
      if (!server_query_int (store, "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()",
                             0, &n_tables, error))
        goto fail;
      if (n_tables > 0)
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("The database %s holds tables of another program, not a Coordena database: give Coordena a "
                         "database of its own (docs/servidor.md). It was not changed."),
                       store->path);
          goto fail;
        }
    }
  for (guint i = 0; i < list->len; i++)
    {
      const Migration *m = &g_array_index (list, Migration, i);

      if (m->number > version && !server_apply_migration (store, m, error))
        goto fail;
    }
  return coordena_store_commit (store, error);

fail:
  coordena_store_rollback (store);
  return FALSE;
}

static CoordenaStore *
open_server (const char *conninfo, CoordenaStoreOpenFlags flags, GError **error)
{
  g_autoptr(CoordenaStore) store = g_new0 (CoordenaStore, 1);

  store->path = g_strdup (conninfo);
  store->notices = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (store->notices, NULL);
  if ((store->conn = coordena_sql_conn_open_postgresql (conninfo, error)) == NULL)
    return NULL;
  if (!server_migrate (store, flags, error))
    return NULL;
  return g_steal_pointer (&store);
}

/* ---- Schema check ------------------------------------------------------------------------------ */

/* The SQL of a schema object without comments or runs of blanks, so a comment edited in a migration
 * file does not make every existing database look foreign. */
static void
append_normalised_sql (GString *out, const char *sql)
{
  gboolean blank = FALSE;

  for (const char *p = sql; p != NULL && *p != '\0'; p++)
    {
      if (p[0] == '-' && p[1] == '-')
        {
          while (*p != '\0' && *p != '\n')
            p++;
          if (*p == '\0')
            break;
        }
      if (g_ascii_isspace (*p))
        {
          blank = TRUE;
          continue;
        }
      if (blank && out->len > 0 && out->str[out->len - 1] != '(' && *p != ')' && *p != ',')
        g_string_append_c (out, ' ');
      blank = FALSE;
      g_string_append_c (out, *p);
    }
}

/* Every table, index, trigger and view with its SQL: what a schema is, one object a line. */
static char *
schema_text (sqlite3 *db, GHashTable *objects)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema "
                              "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
                          -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_append_printf (line, "%s %s on %s: ", (const char *) sqlite3_column_text (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1), (const char *) sqlite3_column_text (stmt, 2));
      append_normalised_sql (line, (const char *) sqlite3_column_text (stmt, 3));
      g_string_append_printf (out, "%s\n", line->str);
      if (objects != NULL)
        g_hash_table_insert (objects, g_strdup_printf ("%s %s", (const char *) sqlite3_column_text (stmt, 0),
                                                       (const char *) sqlite3_column_text (stmt, 1)),
                             g_string_free (g_steal_pointer (&line), FALSE));
    }
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What the shipped migrations up to version create, built once per version in memory. */
static GHashTable *
reference_schema (int version, GError **error)
{
  static GMutex lock;
  static GHashTable *cache; /* version → GHashTable "type name" → line */
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  g_autoptr(GArray) list = NULL;
  GHashTable *objects;
  sqlite3 *mem = NULL;
  g_autofree char *text = NULL;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  if ((objects = g_hash_table_lookup (cache, GINT_TO_POINTER (version))) != NULL)
    return objects;
  if ((list = list_migrations (error)) == NULL)
    return NULL;
  if (sqlite3_open_v2 (":memory:", &mem, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      sqlite3_close (mem);
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INTERNAL, _("Cannot build the reference schema"));
      return NULL;
    }
  for (guint i = 0; i < list->len; i++)
    {
      const Migration *m = &g_array_index (list, Migration, i);
      g_autofree char *sql = NULL;
      char *message = NULL;

      if (m->number > version)
        break;
      if (!g_file_get_contents (m->path, &sql, NULL, error))
        {
          sqlite3_close (mem);
          return NULL;
        }
      if (sqlite3_exec (mem, sql, NULL, NULL, &message) != SQLITE_OK)
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INTERNAL, _("The migration %s failed: %s"), m->path,
                       message != NULL ? message : "?");
          sqlite3_free (message);
          sqlite3_close (mem);
          return NULL;
        }
    }
  objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  text = schema_text (mem, objects);
  sqlite3_close (mem);
  g_hash_table_insert (cache, GINT_TO_POINTER (version), objects);
  return objects;
}

/* "table vinculo" → "a tabela vinculo", as the user reads it. */
static char *
object_label (const char *key)
{
  const char *space = strchr (key, ' ');
  const char *name = space != NULL ? space + 1 : key;

  if (g_str_has_prefix (key, "table "))
    return g_strdup_printf (_("the table %s"), name);
  if (g_str_has_prefix (key, "index "))
    return g_strdup_printf (_("the index %s"), name);
  if (g_str_has_prefix (key, "trigger "))
    return g_strdup_printf (_("the trigger %s"), name);
  if (g_str_has_prefix (key, "view "))
    return g_strdup_printf (_("the view %s"), name);
  return g_strdup (key);
}

/* Refuses a file whose tables, columns, types, constraints or indexes differ from what the
 * migrations create for its version: a dropped table, a removed CHECK or an extra table (which
 * purge would not reach) would otherwise break every command or hide data. */
static gboolean
check_schema (CoordenaStore *store, GError **error)
{
  int version = coordena_store_get_schema_version (store);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *text = NULL;
  g_autoptr(GString) what = g_string_new (NULL);
  GHashTable *expected;
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  if (version == 0 && query_int (store->db, "SELECT count(*) FROM sqlite_schema", 0) == 0)
    return TRUE;
  expected = reference_schema (version, error);
  if (expected == NULL)
    return FALSE;
  text = schema_text (store->db, found);
  if (text == NULL)
    return coordena_store_set_error (store, error, _("reading the schema"));

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *mine = g_hash_table_lookup (found, key);

      if (mine == NULL || !g_str_equal (mine, value))
        {
          if (n++ < 5)
            {
              g_autofree char *label = object_label (key);

              g_string_append_printf (what, "%s%s %s", what->len > 0 ? "; " : "", label,
                                      mine == NULL ? _("is missing") : _("is different"));
            }
        }
    }
  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (expected, key) && n++ < 5)
      {
        g_autofree char *label = object_label (key);

        g_string_append_printf (what, "%s%s %s", what->len > 0 ? "; " : "", label, _("is not Coordena’s"));
      }
  if (n == 0)
    return TRUE;
  if (n > 5)
    g_string_append_printf (what, _("; and %u more"), n - 5);
  g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
               _("%s does not have the structure Coordena gives its databases (%s): it was changed by another "
                 "program, and using it could show wrong numbers or keep data that the purge would not reach. It "
                 "was not changed: restore a backup made by Coordena, or open another file with --db."),
               store->path, what->str);
  return FALSE;
}

/* ---- Open and close -------------------------------------------------------------------------- */

static gboolean check_foreign_keys (CoordenaStore *store, GError **error);

/* Refuses a file holding triggers or views: Coordena's schema has none, so any is foreign. */
static gboolean
check_no_foreign_code (CoordenaStore *store, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  int rc;

  rc = sqlite3_prepare_v2 (store->db, "SELECT type, name FROM sqlite_schema WHERE type IN ('trigger', 'view') ORDER BY name",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (found->len < 200)
        g_string_append_printf (found, "%s%s %s", found->len > 0 ? ", " : "", (const char *) sqlite3_column_text (stmt, 0),
                                (const char *) sqlite3_column_text (stmt, 1));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return coordena_store_set_error (store, error, _("reading the schema"));
  if (found->len > 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("%s holds a trigger or view that Coordena does not create (%s): it could change or reveal data "
                     "behind the program’s back. It was not changed."),
                   store->path, found->str);
      return FALSE;
    }
  return TRUE;
}

/* PRAGMA quick_check over a freshly opened connection, before anything writes. */
/* A Coordena database keeps its schema's text on its first pages: a file whose SQLite header is
 * gone but which still holds "CREATE TABLE equipe_competencia" there is a damaged database of
 * ours, not some other file. */
static gboolean
has_coordena_schema_text (const char *path)
{
  static const char needle[] = "CREATE TABLE equipe_competencia";
  char buffer[256 * 1024];
  gboolean found = FALSE;
  gsize n;
  FILE *f = fopen (path, "rb");

  if (f == NULL)
    return FALSE;
  n = fread (buffer, 1, sizeof buffer, f);
  fclose (f);
  for (const char *p = buffer, *end = buffer + n; n >= 1024 && !found && p != NULL && p < end;)
    {
      if ((p = memchr (p, 'C', (gsize) (end - p))) == NULL)
        break;
      found = (gsize) (end - p) >= sizeof needle - 1 && memcmp (p, needle, sizeof needle - 1) == 0;
      p++;
    }
  return found;
}

static gboolean
check_sound (CoordenaStore *store, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc;

  rc = sqlite3_prepare_v2 (store->db, "PRAGMA quick_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0 && problems->len < 400)
        g_string_append_printf (problems, "%s%s", problems->len > 0 ? "; " : "", line);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE && problems->len == 0)
    {
      gint64 app_id = query_int (store->db, "PRAGMA application_id", 0);
      gint64 version = query_int (store->db, "PRAGMA user_version", 0);
      gint64 n_tables = query_int (store->db, "SELECT count(*) FROM sqlite_schema", 0);

      /* Another program's database is refused, so nothing of ours is written into it. */
      if (app_id != COORDENA_APPLICATION_ID && (version != 0 || n_tables != 0))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("%s is an SQLite database of another program, not a Coordena database. It was not changed."),
                       store->path);
          return FALSE;
        }
      /* Coordena creates no trigger or view: one in the file would run or read behind its back. */
      if (!check_no_foreign_code (store, error))
        return FALSE;
      return TRUE;
    }
  /* The check could not run: in use, read-only, not a database… — not damage, unless the file is
   * plainly one of ours whose first page was overwritten. */
  if (problems->len == 0 && sqlite3_errcode (store->db) == SQLITE_NOTADB && has_coordena_schema_text (store->path))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_DAMAGED,
                   _("The database %s is damaged (its header, at the start of the file, was overwritten). It was "
                     "not changed: restore a backup with “coordena-cli restore FILE” or open another file with "
                     "--db."), store->path);
      return FALSE;
    }
  if (problems->len == 0)
    return coordena_store_set_error (store, error, _("checking the database"));
  g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_DAMAGED,
               _("The database %s is damaged (%s). It was not changed: restore a backup with "
                 "“coordena-cli restore FILE” or open another file with --db."),
               store->path, problems->str);
  return FALSE;
}

/* Creates the directory (0700) and an empty file (0600) so SQLite and its WAL inherit the mode. */
static gboolean
create_file (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot create the folder %s: %s"), dir,
                   g_strerror (saved));
      return FALSE;
    }
  fd = g_open (path, O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot create the database %s: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

CoordenaStore *
coordena_store_open (const char *path, GError **error)
{
  return coordena_store_open_full (path, COORDENA_STORE_OPEN_DEFAULT, error);
}

/* Makes the file and its -wal and -shm private when they are readable by others; says so once
 * (the next open finds them private). */
static void
make_private (CoordenaStore *store)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };
  GStatBuf st;

  if (g_stat (store->path, &st) != 0 || (st.st_mode & 077) == 0 || st.st_uid != geteuid ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (store->path, suffixes[i], NULL);

      if (g_file_test (file, G_FILE_TEST_EXISTS))
        g_chmod (file, 0600);
    }
  g_ptr_array_insert (store->notices, (gint) store->notices->len - 1,
                      g_strdup_printf (_("The database %s could be read by other users of this computer (mode %03o): "
                                         "it and its -wal and -shm files are now private to you (0600)."),
                                       store->path, (guint) (st.st_mode & 0777)));
}

/* Removes the partial copies left by a restore or migration that was killed while it copied the
 * database (they hold its personal data). A copy still being written is locked and kept. */
static void
remove_dead_copies (CoordenaStore *store)
{
  g_autofree char *dir = g_path_get_dirname (store->path);
  g_autofree char *base = g_path_get_basename (store->path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *full = NULL;
      const char *rest;
      int fd;

      if (!g_str_has_prefix (name, base) || !g_str_has_suffix (name, ".bak.tmp"))
        continue;
      rest = name + strlen (base);
      if (!g_str_has_prefix (rest, ".before-restore-") && !(rest[0] == '.' && rest[1] == 'v'))
        continue;
      full = g_build_filename (dir, name, NULL);
      fd = g_open (full, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (full);
      close (fd);
    }
}

/* A file or folder that cannot be written is said so before SQLite turns it into a vaguer error. */
static gboolean
check_writable (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (access (path, W_OK) != 0 && errno != ENOENT)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO,
                   _("The database %s is a read-only file: give your user permission to write it (Propriedades › "
                     "Permissões in the file manager), or copy it to a folder of yours and open the copy with --db. "
                     "It was not changed."),
                   path);
      return FALSE;
    }
  if (access (dir, W_OK | X_OK) != 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO,
                   _("The folder %s holding the database is read-only, and the database needs to write its journal "
                     "(the -wal and -shm files) beside it: give your user permission to write the folder, or copy "
                     "the database to a folder of yours and open the copy with --db. It was not changed."),
                   dir);
      return FALSE;
    }
  return TRUE;
}

CoordenaStore *
coordena_store_open_full (const char *path, CoordenaStoreOpenFlags flags, GError **error)
{
  g_autoptr(CoordenaStore) store = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (coordena_sql_is_server_name (path))
    return open_server (path, flags, error);
  if (g_stat (path, &st) != 0)
    {
      if (flags & COORDENA_STORE_OPEN_MUST_EXIST)
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("There is no database at %s: create it with “coordena-cli init --uf UF”."), path);
          return NULL;
        }
      if (!create_file (path, error))
        return NULL;
    }
  else if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("%s is a folder, not a database file"), path);
      return NULL;
    }
  else if (!S_ISREG (st.st_mode))
    {
      /* A device or a pipe: opening it would change its mode, and SQLite cannot keep a database there. */
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("%s is not an ordinary file (a device or a pipe): a database is a file. Give the path of a "
                     "database file with --db. It was not changed."), path);
      return NULL;
    }
  else if (st.st_size == 0 && (flags & COORDENA_STORE_OPEN_MUST_EXIST))
    {
      /* An empty file is no database: only init may make one of it. */
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("%s is an empty file, not a Coordena database: create the database with "
                     "“coordena-cli init --uf UF”, or open the right file with --db. It was not changed."),
                   path);
      return NULL;
    }

  store = g_new0 (CoordenaStore, 1);
  store->path = g_strdup (path);
  store->notices = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (store->notices, NULL);
  make_private (store);
  if (!check_writable (path, error))
    return NULL;
  if (sqlite3_open_v2 (path, &store->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      if (store->db == NULL)
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot open the database %s: %s"), path,
                     g_strerror (ENOMEM));
      else
        coordena_store_set_error (store, error, _("opening the database"));
      return NULL;
    }
  store->conn = coordena_sql_conn_new_sqlite (store->db, path);
  sqlite3_extended_result_codes (store->db, 1);
  sqlite3_busy_handler (store->db, busy_wait, store);

  /* Checked before anything is written, even the journal mode. */
  if (!check_sound (store, error))
    return NULL;
  if (coordena_store_get_schema_version (store) <= coordena_store_latest_schema_version ()
      && (!check_schema (store, error) || !check_foreign_keys (store, error)))
    return NULL;
  remove_dead_copies (store);

  /* WAL keeps readers going during an import; NORMAL sync is crash-safe in WAL mode. */
  if (!coordena_store_exec (store, "PRAGMA journal_mode = WAL", error)
      || !coordena_store_exec (store, "PRAGMA synchronous = NORMAL", error)
      || !coordena_store_exec (store, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (!migrate (store, flags, error))
    return NULL;
  return g_steal_pointer (&store);
}

/* WAL databases say so in bytes 18 and 19 of their header (file format 2 to write and read). */
static gboolean
header_says_wal (const char *path)
{
  guchar header[100];
  gboolean wal = FALSE;
  GStatBuf st;
  FILE *f;

  /* Only an ordinary file: opening a pipe would wait for a writer, and the window with it. */
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || (f = fopen (path, "rb")) == NULL)
    return FALSE;
  wal = fread (header, 1, sizeof header, f) == sizeof header && memcmp (header, "SQLite format 3", 16) == 0
        && header[18] == 2 && header[19] == 2;
  fclose (f);
  return wal;
}

CoordenaStore *
coordena_store_open_unchecked_reader (const char *path)
{
  g_autoptr(CoordenaStore) store = NULL;

  /* Only a WAL file: a reader there never holds up the checking connection's writes, whereas in
   * the rollback journal it would make switching to WAL wait. */
  if (!header_says_wal (path))
    return NULL;
  store = g_new0 (CoordenaStore, 1);
  store->path = g_strdup (path);
  store->notices = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (store->notices, NULL);
  if (sqlite3_open_v2 (path, &store->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    return NULL;
  store->conn = coordena_sql_conn_new_sqlite (store->db, path);
  sqlite3_extended_result_codes (store->db, 1);
  sqlite3_busy_handler (store->db, busy_wait, store);
  if (coordena_store_get_schema_version (store) != coordena_store_latest_schema_version ())
    return NULL;
  return g_steal_pointer (&store);
}

const char *const *
coordena_store_get_notices (CoordenaStore *store)
{
  return (const char *const *) store->notices->pdata;
}

void
coordena_store_close (CoordenaStore *store)
{
  if (store == NULL)
    return;
  if (store->conn != NULL)
    coordena_sql_conn_close (store->conn);
  else if (store->db != NULL)
    sqlite3_close_v2 (store->db);
  g_free (store->path);
  if (store->notices != NULL)
    g_ptr_array_unref (store->notices);
  g_free (store);
}

const char *
coordena_store_get_path (CoordenaStore *store)
{
  return store->path;
}

sqlite3 *
coordena_store_get_db (CoordenaStore *store)
{
  return store->db;
}

CoordenaSqlConn *
coordena_store_get_conn (CoordenaStore *store)
{
  return store->conn;
}

gboolean
coordena_store_is_server (CoordenaStore *store)
{
  return store->db == NULL && store->conn != NULL;
}

CoordenaSqlEngine
coordena_store_engine (CoordenaStore *store)
{
  return coordena_sql_conn_engine (store->conn);
}

int
coordena_store_get_schema_version (CoordenaStore *store)
{
  if (store->db == NULL)
    return server_schema_version (store, NULL);
  return (int) query_int (store->db, "PRAGMA user_version", 0);
}

/* ---- Transactions ---------------------------------------------------------------------------- */

gboolean
coordena_store_begin (CoordenaStore *store, GError **error)
{
  return coordena_sql_begin (store->conn, error);
}

gboolean
coordena_store_commit (CoordenaStore *store, GError **error)
{
  return coordena_sql_commit (store->conn, error);
}

void
coordena_store_rollback (CoordenaStore *store)
{
  coordena_sql_rollback (store->conn);
}

gboolean
coordena_store_in_transaction (CoordenaStore *store)
{
  return coordena_sql_in_transaction (store->conn);
}

/* ---- Imports on a server ---------------------------------------------------------------------- */

/* The advisory lock's first key for imports ("Cop" + 's'); the second is the state's IBGE code. */
#define IMPORT_LOCK_CLASS 1131376499
/* An import of a whole state takes seconds: waiting this long lets one queued behind it through.
 * COORDENA_IMPORT_WAIT (seconds, 0–3600) changes it for a secretariat with slower imports. */
#define IMPORT_WAIT_S 60

static guint
import_wait_seconds (void)
{
  const char *env = g_getenv ("COORDENA_IMPORT_WAIT");
  guint64 value;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 0, 3600, &value, NULL))
    return (guint) value;
  return IMPORT_WAIT_S;
}

/* Who holds the import lock of the state: "joana (coordena (joana))", or NULL. */
static char *
import_lock_holder (CoordenaStore *store, guint uf_code)
{
  CoordenaSqlStmt *stmt = coordena_store_prepare (store,
                                                  "SELECT a.usename, a.application_name FROM pg_catalog.pg_locks l "
                                                  "JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid "
                                                  "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 "
                                                  "AND l.classid = " G_STRINGIFY (IMPORT_LOCK_CLASS) " AND l.objid = ?1 "
                                                  "AND a.pid <> pg_backend_pid () LIMIT 1", NULL);
  char *who = NULL;

  if (stmt == NULL)
    return NULL;
  coordena_sql_bind_int (stmt, 1, (int) uf_code);
  if (coordena_sql_step (stmt) == COORDENA_SQL_ROW)
    {
      const char *user = coordena_sql_column_text (stmt, 0);
      const char *app = coordena_sql_column_text (stmt, 1);

      who = app != NULL && *app != '\0' ? g_strdup_printf ("%s (%s)", user != NULL ? user : "?", app)
                                        : g_strdup (user != NULL ? user : "?");
    }
  coordena_sql_finalize (stmt);
  return who;
}

gboolean
coordena_store_lock_import (CoordenaStore *store, GError **error)
{
  guint uf_code, wait;
  gint64 deadline;
  gboolean told = FALSE;

  if (!coordena_store_is_server (store))
    return TRUE;
  uf_code = coordena_store_get_uf_code (store);
  wait = import_wait_seconds ();
  deadline = g_get_monotonic_time () + (gint64) wait * G_USEC_PER_SEC;
  for (;;)
    {
      CoordenaSqlStmt *stmt = coordena_store_prepare (store,
                                                      "SELECT pg_try_advisory_xact_lock ("
                                                      G_STRINGIFY (IMPORT_LOCK_CLASS) ", ?1)", error);
      CoordenaSqlResult rc;
      gboolean got = FALSE;

      if (stmt == NULL)
        return FALSE;
      coordena_sql_bind_int (stmt, 1, (int) uf_code);
      rc = coordena_sql_step (stmt);
      if (rc == COORDENA_SQL_ROW)
        got = coordena_sql_column_int (stmt, 0) != 0;
      coordena_sql_finalize (stmt);
      if (rc == COORDENA_SQL_ERROR)
        return coordena_store_set_error (store, error, _("waiting for another import"));
      if (got)
        return TRUE;
      if (g_get_monotonic_time () >= deadline)
        {
          g_autofree char *who = import_lock_holder (store, uf_code);

          /* The server's view of its sessions can lag a moment behind a busy machine: ask again
           * before saying only "another user". */
          for (guint tries = 0; who == NULL && tries < 5; tries++)
            {
              g_usleep (200000);
              who = import_lock_holder (store, uf_code);
            }
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO,
                       _("Another import into the database %s is in progress, by %s, and did not end within %d "
                         "seconds: wait for it to finish and try again. Nothing was changed."),
                       store->path, who != NULL ? who : _("another user"), (int) wait);
          return FALSE;
        }
      if (!told && store->wait_func != NULL)
        store->wait_func (store->wait_data);
      told = TRUE;
      g_usleep (100000);
    }
}

/* ---- What other users change ------------------------------------------------------------------ */

void
coordena_store_change_free (CoordenaStoreChange *change)
{
  if (change == NULL)
    return;
  g_free (change->user);
  g_free (change->action);
  g_free (change->entity);
  g_free (change);
}

gboolean
coordena_store_watch_changes (CoordenaStore *store, GError **error)
{
  if (!coordena_store_is_server (store))
    return TRUE;
  return coordena_sql_listen (store->conn, "coordena", error);
}

int
coordena_store_get_change_fd (CoordenaStore *store)
{
  return coordena_store_is_server (store) ? coordena_sql_socket (store->conn) : -1;
}

CoordenaStoreChange *
coordena_store_next_change (CoordenaStore *store)
{
  g_autofree char *payload = NULL;
  g_auto(GStrv) fields = NULL;
  CoordenaStoreChange *change;

  if (!coordena_store_is_server (store) || (payload = coordena_sql_next_notification (store->conn)) == NULL)
    return NULL;
  fields = g_strsplit (payload, "\t", 3);
  change = g_new0 (CoordenaStoreChange, 1);
  change->user = g_strdup (fields[0] != NULL ? fields[0] : "");
  change->action = g_strdup (fields[0] != NULL && fields[1] != NULL ? fields[1] : "");
  change->entity = g_strdup (fields[0] != NULL && fields[1] != NULL && fields[2] != NULL ? fields[2] : "");
  return change;
}

/* ---- Audit ------------------------------------------------------------------------------------- */

gboolean
coordena_store_audit (CoordenaStore *store,
                      const char    *action,
                      const char    *entity,
                      const char    *before_json,
                      const char    *after_json,
                      GError       **error)
{
  g_autofree char *time = coordena_clock_now_utc_iso ();
  CoordenaSqlStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (action != NULL, FALSE);

  stmt = coordena_store_prepare (store,
                                 "INSERT INTO auditoria (momento, usuario, acao, entidade, antes, depois) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  coordena_store_bind_text (stmt, 1, time);
  /* On a server both who logged in to the database and who sat at the computer are kept. */
  if (coordena_store_is_server (store))
    {
      g_autofree char *role = coordena_sql_conn_user (store->conn);
      g_autofree char *who = g_strdup_printf ("%s (papel %s)", g_get_user_name (), role != NULL ? role : "?");

      coordena_store_bind_text (stmt, 2, who);
    }
  else
    coordena_store_bind_text (stmt, 2, g_get_user_name ());
  coordena_store_bind_text (stmt, 3, action);
  coordena_store_bind_text (stmt, 4, entity != NULL ? entity : "");
  coordena_store_bind_text (stmt, 5, before_json);
  coordena_store_bind_text (stmt, 6, after_json);
  ok = coordena_store_step_done (store, stmt, error);
  coordena_sql_finalize (stmt);
  /* The others using the server hear of it when (and only if) the transaction commits. */
  if (ok && coordena_store_is_server (store))
    {
      g_autofree char *role = coordena_sql_conn_user (store->conn);
      g_autofree char *payload = g_strdup_printf ("%s (papel %s)\t%s\t%s", g_get_user_name (),
                                                  role != NULL ? role : "?", action, entity != NULL ? entity : "");

      for (char *p = payload; *p != '\0'; p++)
        if (*p == '\n' || *p == '\r')
          *p = ' ';
      /* A notification's payload is at most 8000 bytes: a long entity is cut, the action kept. */
      if (strlen (payload) > 7900)
        payload[7900] = '\0';
      stmt = coordena_store_prepare (store, "SELECT pg_notify ('coordena', ?1::text)", error);
      ok = stmt != NULL;
      if (ok)
        {
          coordena_sql_bind_text (stmt, 1, payload);
          ok = coordena_store_step_done (store, stmt, error);
          coordena_sql_finalize (stmt);
        }
    }
  return ok;
}

void
coordena_audit_entry_free (CoordenaAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->time);
  g_free (entry->user);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->before);
  g_free (entry->after);
  g_free (entry);
}

GPtrArray *
coordena_store_list_audit (CoordenaStore *store, const GDate *since, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_audit_entry_free);
  CoordenaSqlStmt *stmt;
  char day[16] = "";
  int rc;

  stmt = coordena_store_prepare (store,
                                 "SELECT id, momento, usuario, acao, entidade, antes, depois FROM auditoria "
                                 "WHERE momento >= ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  if (since != NULL && g_date_valid (since))
    g_snprintf (day, sizeof day, "%04d-%02d-%02d", g_date_get_year (since), g_date_get_month (since),
                g_date_get_day (since));
  coordena_store_bind_text (stmt, 1, day);
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      CoordenaAuditEntry *e = g_new0 (CoordenaAuditEntry, 1);

      e->id = coordena_sql_column_int64 (stmt, 0);
      e->time = coordena_store_column_dup (stmt, 1);
      e->user = coordena_store_column_dup (stmt, 2);
      e->action = coordena_store_column_dup (stmt, 3);
      e->entity = coordena_store_column_dup (stmt, 4);
      e->before = coordena_store_column_dup (stmt, 5);
      e->after = coordena_store_column_dup (stmt, 6);
      g_ptr_array_add (list, e);
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (store, error, _("reading the audit log"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- Profile ----------------------------------------------------------------------------------- */

char *
coordena_store_get_profile (CoordenaStore *store, const char *key)
{
  CoordenaSqlStmt *stmt = coordena_store_prepare (store, "SELECT value FROM profile WHERE key = ?1", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  coordena_store_bind_text (stmt, 1, key);
  if (coordena_sql_step (stmt) == COORDENA_SQL_ROW)
    value = coordena_store_column_dup (stmt, 0);
  coordena_sql_finalize (stmt);
  return value;
}

GBytes *
coordena_store_get_profile_blob (CoordenaStore *store, const char *key)
{
  CoordenaSqlStmt *stmt = coordena_store_prepare (store, "SELECT blob FROM profile WHERE key = ?1", NULL);
  GBytes *bytes = NULL;

  if (stmt == NULL)
    return NULL;
  coordena_store_bind_text (stmt, 1, key);
  if (coordena_sql_step (stmt) == COORDENA_SQL_ROW && !coordena_sql_column_is_null (stmt, 0))
    bytes = g_bytes_new (coordena_sql_column_blob (stmt, 0), (gsize) coordena_sql_column_bytes (stmt, 0));
  coordena_sql_finalize (stmt);
  return bytes;
}

gboolean
coordena_store_set_profile (CoordenaStore *store, const char *key, const char *value, GError **error)
{
  CoordenaSqlStmt *stmt;
  gboolean ok;

  if (value == NULL)
    stmt = coordena_store_prepare (store, "DELETE FROM profile WHERE key = ?1", error);
  else
    stmt = coordena_store_prepare (store,
                                   "INSERT INTO profile (key, value, blob) VALUES (?1, ?2, NULL) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value, blob = NULL", error);
  if (stmt == NULL)
    return FALSE;
  coordena_store_bind_text (stmt, 1, key);
  if (value != NULL)
    coordena_store_bind_text (stmt, 2, value);
  ok = coordena_store_step_done (store, stmt, error);
  coordena_sql_finalize (stmt);
  return ok;
}

gboolean
coordena_store_set_profile_blob (CoordenaStore *store, const char *key, GBytes *blob, GError **error)
{
  CoordenaSqlStmt *stmt;
  gboolean ok;

  if (blob == NULL)
    return coordena_store_set_profile (store, key, NULL, error);
  stmt = coordena_store_prepare (store,
                                 "INSERT INTO profile (key, value, blob) VALUES (?1, NULL, ?2) "
                                 "ON CONFLICT (key) DO UPDATE SET value = NULL, blob = excluded.blob", error);
  if (stmt == NULL)
    return FALSE;
  coordena_store_bind_text (stmt, 1, key);
  coordena_sql_bind_blob (stmt, 2, g_bytes_get_data (blob, NULL), g_bytes_get_size (blob));
  ok = coordena_store_step_done (store, stmt, error);
  coordena_sql_finalize (stmt);
  return ok;
}

char *
coordena_store_get_uf (CoordenaStore *store)
{
  return coordena_store_get_profile (store, "uf");
}

guint
coordena_store_get_uf_code (CoordenaStore *store)
{
  CoordenaSqlStmt *stmt = coordena_store_prepare (store,
                                               "SELECT codigo FROM uf WHERE sigla = "
                                               "(SELECT value FROM profile WHERE key = 'uf')", NULL);
  guint code = 0;

  if (stmt == NULL)
    return 0;
  if (coordena_sql_step (stmt) == COORDENA_SQL_ROW)
    code = (guint) coordena_sql_column_int (stmt, 0);
  coordena_sql_finalize (stmt);
  return code;
}

char *
coordena_store_require_uf (CoordenaStore *store, GError **error)
{
  char *uf = coordena_store_get_uf (store);

  if (uf == NULL)
    g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                 _("The database %s has no state yet: run “coordena-cli init --uf UF” first."), store->path);
  return uf;
}

gboolean
coordena_store_is_demo (CoordenaStore *store)
{
  g_autofree char *demo = coordena_store_get_profile (store, "demo");

  return g_strcmp0 (demo, "1") == 0;
}

/* ---- Init: the state and its places ------------------------------------------------------------ */

static gboolean
load_places (CoordenaStore *store, const CoordenaReference *ref, GError **error)
{
  const CoordenaUf *ufs;
  const CoordenaMunicipio *muns;
  guint n_ufs, n_muns;
  CoordenaSqlStmt *uf_stmt = NULL, *mun_stmt = NULL;
  gboolean ok = FALSE;

  uf_stmt = coordena_store_prepare (store,
                                    "INSERT INTO uf (codigo, sigla, nome, regiao) VALUES (?1, ?2, ?3, ?4) "
                                    "ON CONFLICT (codigo) DO UPDATE SET sigla = excluded.sigla, "
                                    "nome = excluded.nome, regiao = excluded.regiao", error);
  mun_stmt = uf_stmt == NULL ? NULL
    : coordena_store_prepare (store,
                              "INSERT INTO municipio (ibge7, ibge6, nome, uf_codigo, capital) "
                              "VALUES (?1, ?2, ?3, ?4, ?5) "
                              "ON CONFLICT (ibge7) DO UPDATE SET ibge6 = excluded.ibge6, nome = excluded.nome, "
                              "uf_codigo = excluded.uf_codigo, capital = excluded.capital", error);
  if (mun_stmt == NULL)
    goto out;

  ufs = coordena_reference_get_ufs (ref, &n_ufs);
  for (guint i = 0; i < n_ufs; i++)
    {
      coordena_sql_bind_int (uf_stmt, 1, (int) ufs[i].codigo);
      coordena_store_bind_text (uf_stmt, 2, ufs[i].sigla);
      coordena_store_bind_text (uf_stmt, 3, ufs[i].nome);
      coordena_store_bind_text (uf_stmt, 4, ufs[i].regiao != NULL ? ufs[i].regiao : "");
      if (!coordena_store_step_done (store, uf_stmt, error))
        goto out;
    }
  muns = coordena_reference_get_municipios (ref, &n_muns);
  for (guint i = 0; i < n_muns; i++)
    {
      coordena_store_bind_text (mun_stmt, 1, muns[i].ibge7);
      coordena_store_bind_text (mun_stmt, 2, muns[i].ibge6);
      coordena_store_bind_text (mun_stmt, 3, muns[i].nome);
      coordena_sql_bind_int (mun_stmt, 4, (int) muns[i].codigo_uf);
      coordena_sql_bind_int (mun_stmt, 5, muns[i].capital ? 1 : 0);
      if (!coordena_store_step_done (store, mun_stmt, error))
        goto out;
    }
  ok = TRUE;
out:
  coordena_sql_finalize (uf_stmt);
  coordena_sql_finalize (mun_stmt);
  return ok;
}

gboolean
coordena_store_init_uf (CoordenaStore *store, const char *uf, GError **error)
{
  const CoordenaReference *ref;
  const CoordenaUf *found;
  g_autofree char *current = NULL;
  g_autofree char *after = NULL;

  ref = coordena_reference_get (error);
  if (ref == NULL)
    return FALSE;
  found = coordena_reference_find_uf_by_sigla (ref, uf);
  if (found == NULL)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("Unknown state “%s”: give the two-letter abbreviation, e.g. RS or SP"), uf);
      return FALSE;
    }
  current = coordena_store_get_uf (store);
  if (current != NULL && g_ascii_strcasecmp (current, found->sigla) != 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("The database %s belongs to %s; to follow %s, create another one with --db FILE"),
                   store->path, current, found->sigla);
      return FALSE;
    }

  if (!coordena_store_begin (store, error))
    return FALSE;
  if (!load_places (store, ref, error) || !coordena_store_set_profile (store, "uf", found->sigla, error))
    goto fail;
  {
    g_autoptr(GPtrArray) of_uf = coordena_reference_municipios_of_uf (ref, found->codigo);

    after = g_strdup_printf ("{\"uf\": \"%s\", \"municipios\": %u}", found->sigla, of_uf->len);
  }
  if (!coordena_store_audit (store, "init", found->sigla, NULL, after, error))
    goto fail;
  return coordena_store_commit (store, error);

fail:
  coordena_store_rollback (store);
  return FALSE;
}

/* ---- Places ------------------------------------------------------------------------------------ */

char *
coordena_store_lookup_ibge7 (CoordenaStore *store, const char *ibge)
{
  CoordenaSqlStmt *stmt;
  char *found = NULL;

  if (ibge == NULL || (strlen (ibge) != 6 && strlen (ibge) != 7))
    return NULL;
  stmt = coordena_store_prepare (store, "SELECT ibge7 FROM municipio WHERE ibge7 = ?1 OR ibge6 = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  coordena_store_bind_text (stmt, 1, ibge);
  if (coordena_sql_step (stmt) == COORDENA_SQL_ROW)
    found = coordena_store_column_dup (stmt, 0);
  coordena_sql_finalize (stmt);
  return found;
}

gboolean
coordena_store_set_ied_stratum (CoordenaStore *store, const char *ibge7, guint stratum, GError **error)
{
  CoordenaSqlStmt *stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 old = 0;
  int rc;

  if (stratum > 4)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("The IED stratum must be 1, 2, 3 or 4, not %u"),
                   stratum);
      return FALSE;
    }
  if (!coordena_store_begin (store, error))
    return FALSE;
  stmt = coordena_store_prepare (store, "SELECT coalesce (ied_estrato, 0) FROM municipio WHERE ibge7 = ?1", error);
  if (stmt == NULL)
    goto fail;
  coordena_store_bind_text (stmt, 1, ibge7);
  rc = coordena_sql_step (stmt);
  if (rc != COORDENA_SQL_ROW)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("Unknown municipality %s"), ibge7);
      goto fail;
    }
  old = coordena_sql_column_int64 (stmt, 0);
  coordena_sql_finalize (stmt);
  stmt = coordena_store_prepare (store, "UPDATE municipio SET ied_estrato = ?2 WHERE ibge7 = ?1", error);
  if (stmt == NULL)
    goto fail;
  coordena_store_bind_text (stmt, 1, ibge7);
  if (stratum == 0)
    coordena_sql_bind_null (stmt, 2);
  else
    coordena_sql_bind_int (stmt, 2, (int) stratum);
  if (!coordena_store_step_done (store, stmt, error))
    goto fail;
  before = g_strdup_printf ("{\"ied_estrato\": %" G_GINT64_FORMAT "}", old);
  after = g_strdup_printf ("{\"ied_estrato\": %u}", stratum);
  if (!coordena_store_audit (store, "set-ied-stratum", ibge7, before, after, error))
    goto fail;
  coordena_sql_finalize (stmt);
  return coordena_store_commit (store, error);

fail:
  coordena_sql_finalize (stmt);
  coordena_store_rollback (store);
  return FALSE;
}

/* ---- Backup and restore -------------------------------------------------------------------------- */

/* TRUE when rest (what follows the database's name in a file name) names one of its files. */
static gboolean
is_companion_suffix (const char *rest)
{
  static const char *const exact[] = { "", "-wal", "-shm", "-journal", ".oficios.log", NULL };

  if (g_strv_contains (exact, rest))
    return TRUE;
  if (g_str_has_prefix (rest, ".before-restore-") || g_str_has_prefix (rest, ".danificado-"))
    return TRUE;
  /* The copy a migration keeps: ".v3.bak". */
  if (rest[0] == '.' && rest[1] == 'v' && g_ascii_isdigit (rest[2]))
    {
      rest += 2;
      while (g_ascii_isdigit (*rest))
        rest++;
      return g_str_has_prefix (rest, ".bak");
    }
  return FALSE;
}

/* The absolute name a path will be written under: symbolic links of its folder (and of the file,
 * when it exists) resolved, so "./x", "../dir/x" and a link all give one name. */
static char *
canonical_output_name (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *real;

  if ((real = realpath (path, NULL)) != NULL)
    {
      char *copy = g_strdup (real);

      free (real);
      return copy;
    }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if ((real = realpath (dir, NULL)) != NULL)
    {
      char *full = g_build_filename (real, base, NULL);

      free (real);
      return full;
    }
  return g_canonicalize_filename (path, NULL);
}

/* Files no command may write over, whatever database is open: a register of issued numbers
 * (beside any database, or the state's in the user's data folder) and any SQLite database — another
 * database of the secretariat, or a copy made by backup. */
static gboolean
check_not_precious (const char *path, GError **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *real = g_canonicalize_filename (path, NULL);
  g_autofree char *resolved = realpath (real, NULL);
  g_autofree char *resolved_base = resolved != NULL ? g_path_get_basename (resolved) : NULL;
  char header[16] = { 0 };
  FILE *f;

  GStatBuf st;

  /* Files are written whole by replacing them: a device, a pipe or a folder would be replaced. */
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("%s is not an ordinary file (a device, a pipe or a folder): Coordena writes a file whole by "
                     "replacing it, which would replace that. Choose the name of a file. Nothing was written."),
                   path);
      return FALSE;
    }
  for (const char *b = base; b != NULL; b = b == base ? resolved_base : NULL)
    if (g_str_has_suffix (b, ".oficios.log") || (g_str_has_prefix (b, "oficios-") && g_str_has_suffix (b, ".log")))
      {
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                     _("%s is a register of issued ofício numbers, which Coordena keeps so that no number is "
                       "printed twice: choose another name. Nothing was written."), path);
        return FALSE;
      }
  f = fopen (path, "rb");
  if (f != NULL)
    {
      gboolean is_db = fread (header, 1, sizeof header, f) == sizeof header
                       && memcmp (header, "SQLite format 3", 16) == 0;

      fclose (f);
      if (is_db)
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("%s is a database (another one, or a backup copy): it is never written over. Choose a new "
                         "name, or move the old file away first. Nothing was written."), path);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
coordena_store_check_output_path (CoordenaStore *store, const char *path, GError **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  return coordena_store_check_output_name (store->path, path, error);
}

gboolean
coordena_store_check_output_name (const char *db_path, const char *path, GError **error)
{
  g_autofree char *out = NULL;
  g_autofree char *db = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GDir) d = NULL;
  gboolean own = FALSE;
  GStatBuf target;
  const char *name;

  if (db_path == NULL || path == NULL || *path == '\0')
    return TRUE;
  out = canonical_output_name (path);
  db = canonical_output_name (db_path);
  if (g_str_has_prefix (out, db) && is_companion_suffix (out + strlen (db)))
    own = TRUE;

  /* A hard link or a link to one of them under another name is the same file. */
  dir = g_path_get_dirname (db);
  base = g_path_get_basename (db);
  if (!own && g_stat (path, &target) == 0 && (d = g_dir_open (dir, 0, NULL)) != NULL)
    while (!own && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *full = NULL;
        GStatBuf st;

        if (!g_str_has_prefix (name, base) || !is_companion_suffix (name + strlen (base)))
          continue;
        full = g_build_filename (dir, name, NULL);
        own = g_stat (full, &st) == 0 && st.st_dev == target.st_dev && st.st_ino == target.st_ino;
      }
  if (own)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("%s is the database itself (or one of its files): choose another name. Nothing was written."),
                   path);
      return FALSE;
    }
  return check_not_precious (path, error);
}

/* TRUE when path names the database file itself (or one of its companions). */
static gboolean
is_own_file (CoordenaStore *store, const char *path)
{
  GStatBuf a, b;

  if (g_stat (path, &a) != 0 || g_stat (store->path, &b) != 0)
    return FALSE;
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* ---- Copies between a file and a server ---------------------------------------------------------- */

/* A table or column name of Coordena's own schema, quoted; NULL for anything else. */
static char *
quote_ident (const char *name)
{
  if (name == NULL || *name == '\0')
    return NULL;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return NULL;
  return g_strdup_printf ("\"%s\"", name);
}

/* The tables of an SQLite Coordena database, each after the tables it references, so rows can be
 * copied in this order and deleted in the reverse one. */
static GPtrArray *
tables_in_order (CoordenaStore *lite, GError **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_ptr_array_unref);
  CoordenaSqlStmt *stmt;
  CoordenaSqlResult rc;

  stmt = coordena_store_prepare (lite, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite%' ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    g_ptr_array_add (names, coordena_sql_column_dup (stmt, 0));
  coordena_sql_finalize (stmt);
  if (rc == COORDENA_SQL_ERROR)
    {
      coordena_store_set_error (lite, error, _("reading the schema"));
      return NULL;
    }
  stmt = coordena_store_prepare (lite, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list (?1)", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < names->len; i++)
    {
      GPtrArray *targets = g_ptr_array_new_with_free_func (g_free);

      coordena_sql_bind_text (stmt, 1, names->pdata[i]);
      while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
        if (g_strcmp0 (coordena_sql_column_text (stmt, 0), names->pdata[i]) != 0)
          g_ptr_array_add (targets, coordena_sql_column_dup (stmt, 0));
      coordena_sql_reset (stmt);
      g_hash_table_insert (refs, g_strdup (names->pdata[i]), targets);
    }
  coordena_sql_finalize (stmt);
  while (order->len < names->len)
    {
      guint placed = order->len;

      for (guint i = 0; i < names->len; i++)
        {
          GPtrArray *targets = g_hash_table_lookup (refs, names->pdata[i]);
          gboolean ready = !g_ptr_array_find_with_equal_func (order, names->pdata[i], g_str_equal, NULL);

          for (guint k = 0; ready && k < targets->len; k++)
            if (!g_ptr_array_find_with_equal_func (order, targets->pdata[k], g_str_equal, NULL))
              ready = FALSE;
          if (ready)
            g_ptr_array_add (order, g_strdup (names->pdata[i]));
        }
      if (order->len == placed)
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INTERNAL,
                       _("The tables of %s reference each other in a circle: they cannot be copied"), lite->path);
          return NULL;
        }
    }
  return g_steal_pointer (&order);
}

/* The quoted column names of a table of an SQLite Coordena database, comma-separated. */
static char *
columns_of (CoordenaStore *lite, const char *table, guint *n_columns, gboolean *has_id, GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  CoordenaSqlStmt *stmt = coordena_store_prepare (lite, "SELECT name FROM pragma_table_info (?1) ORDER BY cid",
                                                  error);
  CoordenaSqlResult rc;

  *n_columns = 0;
  *has_id = FALSE;
  if (stmt == NULL)
    return NULL;
  coordena_sql_bind_text (stmt, 1, table);
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      g_autofree char *quoted = quote_ident (coordena_sql_column_text (stmt, 0));

      if (quoted == NULL)
        {
          coordena_sql_finalize (stmt);
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("%s has a column Coordena does not know in %s"),
                       lite->path, table);
          return NULL;
        }
      if (g_str_equal (coordena_sql_column_text (stmt, 0), "id"))
        *has_id = TRUE;
      g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", quoted);
      (*n_columns)++;
    }
  coordena_sql_finalize (stmt);
  if (rc == COORDENA_SQL_ERROR)
    {
      coordena_store_set_error (lite, error, _("reading the schema"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Copies every row of one table, each value as it is (an integer stays an integer, a PDF stays its
 * bytes). The names come from Coordena's own schema, checked by quote_ident; values are bound. */
static gboolean
copy_table (CoordenaStore *from, CoordenaStore *to, CoordenaStore *lite, const char *table, GError **error)
{
  g_autofree char *quoted = quote_ident (table);
  g_autofree char *columns = NULL;
  g_autoptr(GString) insert = NULL;
  g_autofree char *select = NULL;
  CoordenaSqlStmt *read = NULL, *write = NULL;
  CoordenaSqlResult rc;
  gboolean has_id, ok = FALSE;
  guint n;

  if (quoted == NULL)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("%s has a table Coordena does not know: %s"),
                   lite->path, table);
      return FALSE;
    }
  if ((columns = columns_of (lite, table, &n, &has_id, error)) == NULL)
    return FALSE;
  select = g_strdup_printf ("SELECT %s FROM %s", columns, quoted);
  insert = g_string_new (NULL);
  g_string_printf (insert, "INSERT INTO %s (%s) VALUES (", quoted, columns);
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (insert, "%s?%u", i > 1 ? ", " : "", i);
  g_string_append_c (insert, ')');
  if ((read = coordena_store_prepare (from, select, error)) == NULL
      || (write = coordena_store_prepare (to, insert->str, error)) == NULL)
    goto out;
  while ((rc = coordena_sql_step (read)) == COORDENA_SQL_ROW)
    {
      for (guint i = 0; i < n; i++)
        switch (coordena_sql_column_kind (read, (int) i))
          {
          case COORDENA_SQL_KIND_NULL:
            coordena_sql_bind_null (write, (int) i + 1);
            break;
          case COORDENA_SQL_KIND_INTEGER:
            coordena_sql_bind_int64 (write, (int) i + 1, coordena_sql_column_int64 (read, (int) i));
            break;
          case COORDENA_SQL_KIND_REAL:
            coordena_sql_bind_double (write, (int) i + 1, coordena_sql_column_double (read, (int) i));
            break;
          case COORDENA_SQL_KIND_BLOB:
            coordena_sql_bind_blob (write, (int) i + 1, coordena_sql_column_blob (read, (int) i),
                                    coordena_sql_column_bytes (read, (int) i));
            break;
          case COORDENA_SQL_KIND_TEXT:
          default:
            coordena_sql_bind_text (write, (int) i + 1, coordena_sql_column_text (read, (int) i));
            break;
          }
      if (!coordena_store_step_done (to, write, error))
        goto out;
    }
  if (rc == COORDENA_SQL_ERROR)
    {
      coordena_store_set_error (from, error, _("making a copy"));
      goto out;
    }
  /* A server's identity counter goes on after the copied rows, never giving an id twice. */
  if (has_id && coordena_store_is_server (to))
    {
      g_autofree char *sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence (?1, 'id'), "
                                              "(SELECT coalesce (max (id), 0) + 1 FROM %s), false)", quoted);
      CoordenaSqlStmt *seq = coordena_store_prepare (to, sql, error);

      if (seq == NULL)
        goto out;
      coordena_sql_bind_text (seq, 1, table);
      ok = coordena_store_step_done (to, seq, error);
      coordena_sql_finalize (seq);
      goto out;
    }
  ok = TRUE;
out:
  coordena_sql_finalize (read);
  coordena_sql_finalize (write);
  return ok;
}

/* The whole server, as it is at one moment, into a new SQLite file: copies stay one format. */
static gboolean
server_backup_to_file (CoordenaStore *store, const char *dest, GError **error)
{
  g_autofree char *tmp = g_strconcat (dest, ".tmp", NULL);
  g_autoptr(GPtrArray) tables = NULL;
  CoordenaStore *out;
  gboolean ok = FALSE;

  if (coordena_store_get_schema_version (store) != coordena_store_latest_schema_version ())
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("The database %s has the schema %d and this Coordena writes copies of schema %d: use the "
                     "version of Coordena that matches the server. Nothing was written."),
                   store->path, coordena_store_get_schema_version (store), coordena_store_latest_schema_version ());
      return FALSE;
    }
  g_unlink (tmp);
  if ((out = coordena_store_open_full (tmp, COORDENA_STORE_OPEN_DEFAULT, error)) == NULL)
    {
      g_unlink (tmp);
      return FALSE;
    }
  if ((tables = tables_in_order (out, error)) == NULL)
    goto done;
  /* One snapshot of the server for the whole copy, while others keep working. */
  if (!coordena_sql_exec (store->conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", _("making a copy"), error))
    goto done;
  if (!coordena_store_begin (out, error) || !coordena_store_exec (out, "PRAGMA defer_foreign_keys = ON", error))
    goto done;
  for (guint i = 0; i < tables->len; i++)
    if (!copy_table (store, out, out, tables->pdata[i], error))
      goto done;
  if (!coordena_store_commit (out, error) || !coordena_store_exec (out, "PRAGMA journal_mode = DELETE", error))
    goto done;
  ok = TRUE;
done:
  coordena_store_rollback (store);
  coordena_store_close (out);
  if (ok && g_rename (tmp, dest) != 0)
    {
      int saved = errno;

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot write the copy %s: %s"), dest,
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp);
      for (const char *const *s = (const char *const[]) { "-wal", "-shm", NULL }; *s != NULL; s++)
        {
          g_autofree char *companion = g_strconcat (tmp, *s, NULL);

          g_unlink (companion);
        }
    }
  return ok;
}

static char *unique_aside_name (const char *path, const char *what, const char *suffix);

/* Replaces the server's data by a checked SQLite backup, in one transaction. The server's data is
 * first written to a file in the user's data folder; numbers the server had issued stay issued, so
 * restoring an older copy never gives one of them again. */
static gboolean
server_restore (CoordenaStore *store, CoordenaStore *src, const char *source, const char *our_uf,
                const char *their_uf, GError **error)
{
  g_autofree char *dir = coordena_user_datadir ();
  g_autofree char *base = g_build_filename (dir, "servidor", NULL);
  g_autofree char *safety = NULL;
  g_autoptr(GPtrArray) tables = NULL;

  if (coordena_store_get_schema_version (src) != coordena_store_latest_schema_version ())
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("The backup %s has the older schema %d: update a copy of it first (coordena-cli --db COPY init "
                     "--uf %s, which keeps its data), then restore that copy into the server. The database was not "
                     "changed."),
                   source, coordena_store_get_schema_version (src), their_uf != NULL ? their_uf : "UF");
      return FALSE;
    }
  if ((tables = tables_in_order (src, error)) == NULL)
    return FALSE;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot create the folder %s: %s"), dir,
                   g_strerror (saved));
      return FALSE;
    }
  safety = unique_aside_name (base, "before-restore", ".db");
  if (!server_backup_to_file (store, safety, error))
    return FALSE;

  if (!coordena_store_begin (store, error) || !coordena_store_lock_import (store, error))
    goto fail;
  if (!coordena_store_exec (store,
                            "CREATE TEMP TABLE coordena_numeros ON COMMIT DROP AS SELECT * FROM numero_emitido;"
                            "CREATE TEMP TABLE coordena_contadores ON COMMIT DROP AS SELECT * FROM numeracao", error))
    goto fail;
  for (guint i = tables->len; i > 0; i--)
    {
      g_autofree char *quoted = quote_ident (tables->pdata[i - 1]);
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", quoted);

      if (quoted == NULL || !coordena_store_exec (store, sql, error))
        goto fail;
    }
  for (guint i = 0; i < tables->len; i++)
    if (!copy_table (src, store, src, tables->pdata[i], error))
      goto fail;
  if (!coordena_store_exec (store,
                            "INSERT INTO numero_emitido SELECT * FROM coordena_numeros ON CONFLICT DO NOTHING;"
                            "INSERT INTO numeracao SELECT * FROM coordena_contadores ON CONFLICT (sequencia, ano) "
                            "DO UPDATE SET ultimo = GREATEST (numeracao.ultimo, excluded.ultimo)", error))
    goto fail;
  {
    g_autofree char *absolute_safety = canonical_output_name (safety);
    g_autofree char *absolute_source = canonical_output_name (source);
    g_autofree char *uf1 = coordena_json_string (our_uf);
    g_autofree char *copy = coordena_json_string (absolute_safety);
    g_autofree char *uf2 = coordena_json_string (their_uf);
    g_autofree char *before = g_strdup_printf ("{\"uf\": %s, \"copia_anterior\": %s}", uf1, copy);
    g_autofree char *after = g_strdup_printf ("{\"uf\": %s}", uf2);

    if (!coordena_store_audit (store, "restore", absolute_source, before, after, error))
      goto fail;
  }
  return coordena_store_commit (store, error);

fail:
  coordena_store_rollback (store);
  return FALSE;
}

gboolean
coordena_store_backup (CoordenaStore *store, const char *dest, GError **error)
{
  if (dest == NULL || *dest == '\0')
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("No file name was given for the copy: give one, for example “coordena-cli backup "
                     "copia-2026-12-06.db”. Nothing was written."));
      return FALSE;
    }
  if (g_file_test (dest, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("%s is a folder: give the name of the copy file inside it, for example %s/copia.db. Nothing "
                     "was written."),
                   dest, dest);
      return FALSE;
    }
  if (!coordena_store_check_output_path (store, dest, error))
    return FALSE;
  if (coordena_store_is_server (store) ? !server_backup_to_file (store, dest, error)
                                       : !backup_to_file (store, dest, error))
    return FALSE;
  /* The copy is made; a failed log line should not hide that. Recorded absolute, so purge can find
   * it from any folder. */
  {
    g_autofree char *absolute = canonical_output_name (dest);

    coordena_store_audit (store, "backup", absolute, NULL, NULL, NULL);
  }
  return TRUE;
}

char *
coordena_store_peek_uf (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *uf = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "SELECT value FROM profile WHERE key = 'uf'", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    uf = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return uf;
}

gboolean
coordena_store_restore (CoordenaStore *store, const char *source, GError **error)
{
  return coordena_store_restore_full (store, source, FALSE, error);
}

/* Rows pointing at rows that are not there (a profissional deleted by hand, its vínculos left):
 * every team would count members who do not exist. */
static gboolean
check_foreign_keys (CoordenaStore *store, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) tables = g_string_new (NULL);
  gint64 n = 0;
  int rc;

  rc = sqlite3_prepare_v2 (store->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);

      if (n++ == 0 || (table != NULL && strstr (tables->str, table) == NULL && tables->len < 200))
        g_string_append_printf (tables, "%s%s", tables->len > 0 ? ", " : "", table != NULL ? table : "?");
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return coordena_store_set_error (store, error, _("checking the database"));
  if (n == 0)
    return TRUE;
  g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
               ngettext ("%s has %u row that points to a row no longer there (in %s): it was "
                         "changed by another program, and the teams would count people who do not exist. It was not "
                         "changed: restore a backup made by Coordena.",
                         "%s has %u rows that point to rows no longer there (in %s): it was "
                         "changed by another program, and the teams would count people who do not exist. It was not "
                         "changed: restore a backup made by Coordena.",
                         (gulong) n),
               store->path, (guint) n, tables->str);
  return FALSE;
}

/* Opens a backup read-only and checks it whole: sound, Coordena's, not newer, exactly the schema
 * of its version, no dangling rows. NULL with the reason otherwise; nothing is written. */
static CoordenaStore *
open_restore_source (const char *source, GError **error)
{
  g_autoptr(CoordenaStore) src = NULL;
  g_autoptr(GError) local = NULL;

  if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("There is no backup file at %s"), source);
      return NULL;
    }
  src = g_new0 (CoordenaStore, 1);
  src->path = g_strdup (source);
  if (sqlite3_open_v2 (source, &src->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      coordena_store_set_error (src, &local, _("opening the backup"));
      g_set_error (error, COORDENA_ERROR, local->code, _("The backup %s cannot be restored: %s"), source,
                   local->message);
      return NULL;
    }
  src->conn = coordena_sql_conn_new_sqlite (src->db, source);
  sqlite3_extended_result_codes (src->db, 1);
  sqlite3_busy_timeout (src->db, BUSY_TIMEOUT_MS);
  if (!check_sound (src, &local))
    {
      g_set_error (error, COORDENA_ERROR, local->code, _("The backup %s cannot be restored: %s"), source,
                   local->message);
      return NULL;
    }
  if (query_int (src->db, "PRAGMA application_id", 0) != COORDENA_APPLICATION_ID)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("%s is not a Coordena backup: choose a file written by “coordena-cli backup” or by "
                     "Preferências › Dados › Fazer cópia. The database was not changed."),
                   source);
      return NULL;
    }
  if (coordena_store_get_schema_version (src) > coordena_store_latest_schema_version ())
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("The backup %s was written by a newer version of Coordena: restore it with that version. "
                     "The database was not changed."),
                   source);
      return NULL;
    }
  if (!check_schema (src, &local) || !check_foreign_keys (src, &local))
    {
      g_set_error (error, COORDENA_ERROR, local->code, _("The backup %s cannot be restored: %s"), source,
                   local->message);
      return NULL;
    }
  return g_steal_pointer (&src);
}

/* "<db>.<what>-AAAAMMDD-HHMMSS<suffix>", with "-2", "-3"… when a file of that name is there, so a
 * second restore in the same second keeps the first copy. */
static char *
unique_aside_name (const char *path, const char *what, const char *suffix)
{
  g_autoptr(GDateTime) now = coordena_clock_now ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *name = g_strdup_printf ("%s.%s-%s%s", path, what, stamp, suffix);

  for (guint i = 2; g_file_test (name, G_FILE_TEST_EXISTS) || g_file_test (name, G_FILE_TEST_IS_SYMLINK); i++)
    {
      g_free (name);
      name = g_strdup_printf ("%s.%s-%s-%u%s", path, what, stamp, i, suffix);
    }
  return name;
}

gboolean
coordena_store_restore_full (CoordenaStore *store, const char *source, gboolean other_state, GError **error)
{
  g_autoptr(CoordenaStore) src = NULL;
  g_autofree char *their_uf = NULL;
  g_autofree char *our_uf = NULL;
  g_autofree char *safety = NULL;
  sqlite3_backup *backup;
  int rc;

  if (g_strcmp0 (source, store->path) == 0
      || (g_file_test (source, G_FILE_TEST_IS_REGULAR) && is_own_file (store, source)))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("%s is the database itself, not a backup of it"), source);
      return FALSE;
    }
  /* Checked read-only: a damaged, foreign, altered or newer file is refused before anything changes. */
  if ((src = open_restore_source (source, error)) == NULL)
    return FALSE;

  our_uf = coordena_store_get_uf (store);
  their_uf = coordena_store_get_uf (src);
  if (!other_state && our_uf != NULL && their_uf != NULL && g_strcmp0 (our_uf, their_uf) != 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("The backup %s is a copy of the database of %s, and this database is of %s: restoring it "
                     "would replace %s’s data with %s’s. If that is what you want, run the command again with "
                     "--outro-estado. The database was not changed."),
                   source, their_uf, our_uf, our_uf, their_uf);
      return FALSE;
    }
  /* A demonstration never takes the place of real data: it lives in a database of its own. */
  if (coordena_store_is_demo (src) && !coordena_store_is_demo (store))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("The backup %s is a copy of a demonstration database, and this database holds real data: a "
                     "demonstration is never restored over it. Open the demonstration in a database of its own "
                     "instead. The database was not changed."), source);
      return FALSE;
    }

  if (coordena_store_is_server (store))
    return server_restore (store, src, source, our_uf, their_uf, error);

  /* Whatever is replaced stays recoverable. */
  safety = unique_aside_name (store->path, "before-restore", ".bak");
  if (!backup_to_file (store, safety, error))
    return FALSE;

  backup = sqlite3_backup_init (store->db, "main", src->db, "main");
  if (backup == NULL)
    return coordena_store_set_error (store, error, _("restoring a backup"));
  rc = backup_run (store, backup);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    return coordena_store_sqlite_error (error, rc, sqlite3_system_errno (store->db), store->path,
                                        _("restoring a backup"), NULL);

  if (!migrate (store, COORDENA_STORE_OPEN_DEFAULT, error))
    return FALSE;
  /* Restored pages carry the backup's journal mode. */
  if (!coordena_store_exec (store, "PRAGMA journal_mode = WAL", error))
    return FALSE;
  {
    g_autofree char *absolute_safety = canonical_output_name (safety);
    g_autofree char *absolute_source = canonical_output_name (source);
    g_autofree char *uf1 = coordena_json_string (our_uf);
    g_autofree char *copy = coordena_json_string (absolute_safety);
    g_autofree char *uf2 = coordena_json_string (their_uf);
    g_autofree char *before = g_strdup_printf ("{\"uf\": %s, \"copia_anterior\": %s}", uf1, copy);
    g_autofree char *after = g_strdup_printf ("{\"uf\": %s}", uf2);

    coordena_store_audit (store, "restore", absolute_source, before, after, NULL);
  }
  return TRUE;
}

/* TRUE when the file at path opens but fails quick_check: damaged, not merely locked or read-only. */
static gboolean
is_damaged (const char *path)
{
  g_autoptr(CoordenaStore) probe = g_new0 (CoordenaStore, 1);
  g_autoptr(GError) local = NULL;

  probe->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &probe->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    return FALSE;
  probe->conn = coordena_sql_conn_new_sqlite (probe->db, path);
  sqlite3_extended_result_codes (probe->db, 1);
  return !check_sound (probe, &local) && g_error_matches (local, COORDENA_ERROR, COORDENA_ERROR_DAMAGED);
}

CoordenaStore *
coordena_store_restore_damaged (const char *path, const char *source, gboolean other_state, char **moved_to,
                                GError **error)
{
  static const char *const companions[] = { "-wal", "-shm" };
  g_autoptr(CoordenaStore) src = NULL;
  g_autoptr(CoordenaStore) store = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *our_uf = NULL;
  g_autofree char *their_uf = NULL;
  g_autofree char *absolute_source = NULL;
  g_autofree char *absolute_aside = NULL;

  g_return_val_if_fail (path != NULL && source != NULL, NULL);
  if ((src = open_restore_source (source, error)) == NULL)
    return NULL;
  /* Only a file that is really damaged is moved aside; anything else keeps its own refusal. */
  if (!is_damaged (path))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("The database %s is not damaged: restore the copy into it the usual way. It was not changed."),
                   path);
      return NULL;
    }
  our_uf = coordena_store_peek_uf (path);
  their_uf = coordena_store_get_uf (src);
  if (!other_state && our_uf != NULL && their_uf != NULL && g_strcmp0 (our_uf, their_uf) != 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("The backup %s is a copy of the database of %s, and this database is of %s: restoring it "
                     "would replace %s’s data with %s’s. If that is what you want, run the command again with "
                     "--outro-estado. The database was not changed."),
                   source, their_uf, our_uf, our_uf, their_uf);
      return NULL;
    }

  /* The damaged file is kept, private, under a name that says what it is; its journal goes with it. */
  aside = unique_aside_name (path, "danificado", "");
  if (g_rename (path, aside) != 0)
    {
      int saved = errno;

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO,
                   _("The damaged database %s could not be moved aside to %s (%s): nothing was restored."), path,
                   aside, g_strerror (saved));
      return NULL;
    }
  g_chmod (aside, 0600);
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (aside, companions[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) == 0)
        g_chmod (to, 0600);
    }

  if (!backup_to_file (src, path, error)
      || (store = coordena_store_open_full (path, COORDENA_STORE_OPEN_MUST_EXIST, error)) == NULL)
    {
      /* Put the damaged file back where it was: a failed restore changes nothing. */
      g_unlink (path);
      g_rename (aside, path);
      for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
        {
          g_autofree char *from = g_strconcat (aside, companions[i], NULL);
          g_autofree char *to = g_strconcat (path, companions[i], NULL);

          if (g_file_test (from, G_FILE_TEST_EXISTS))
            g_rename (from, to);
        }
      return NULL;
    }
  absolute_source = canonical_output_name (source);
  absolute_aside = canonical_output_name (aside);
  {
    g_autofree char *uf1 = coordena_json_string (our_uf);
    g_autofree char *copy = coordena_json_string (absolute_aside);
    g_autofree char *uf2 = coordena_json_string (their_uf);
    g_autofree char *before = g_strdup_printf ("{\"uf\": %s, \"banco_danificado\": %s}", uf1, copy);
    g_autofree char *after = g_strdup_printf ("{\"uf\": %s}", uf2);

    coordena_store_audit (store, "restore", absolute_source, before, after, NULL);
  }
  if (moved_to != NULL)
    *moved_to = g_steal_pointer (&aside);
  return g_steal_pointer (&store);
}
