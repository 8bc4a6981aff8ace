/* store.c — opening, checking and migrating the roster database; transactions, audit, profile,
 * backup and restore. Prepared statements only; every user action is one transaction. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
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

struct _CoordenaStore {
  sqlite3 *db;
  char *path;
};

/* ---- Errors ---------------------------------------------------------------------------------- */

static int
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return COORDENA_ERROR_DAMAGED;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
      return COORDENA_ERROR_INPUT;
    case SQLITE_INTERRUPT:
      return COORDENA_ERROR_CANCELLED;
    case SQLITE_INTERNAL:
    case SQLITE_MISUSE:
    case SQLITE_ERROR:
    case SQLITE_RANGE:
      return COORDENA_ERROR_INTERNAL;
    default:
      return COORDENA_ERROR_IO;
    }
}

gboolean
coordena_store_set_error (CoordenaStore *store, GError **error, const char *doing)
{
  int rc = sqlite3_extended_errcode (store->db);

  g_set_error (error, COORDENA_ERROR, error_code_for_sqlite (rc),
               /* Translators: %s: the database file; then what was being done; then SQLite's message */
               _("Database %s: %s: %s"), store->path, doing, sqlite3_errmsg (store->db));
  return FALSE;
}

/* ---- Small statement helpers ----------------------------------------------------------------- */

sqlite3_stmt *
coordena_store_prepare (CoordenaStore *store, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      coordena_store_set_error (store, error, _("preparing a query"));
      return NULL;
    }
  return stmt;
}

gboolean
coordena_store_exec (CoordenaStore *store, const char *sql, GError **error)
{
  if (sqlite3_exec (store->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return coordena_store_set_error (store, error, _("running a statement"));
  return TRUE;
}

/* Steps a statement that returns no rows and resets it for reuse. */
gboolean
coordena_store_step_done (CoordenaStore *store, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      coordena_store_set_error (store, error, _("writing"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

void
coordena_store_bind_text (sqlite3_stmt *stmt, int i, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
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
coordena_json_string (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("null");
  out = g_string_sized_new (strlen (text) + 2);
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if (*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, (char) *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static char *
column_dup (sqlite3_stmt *stmt, int i)
{
  const unsigned char *text = sqlite3_column_text (stmt, i);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
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

/* The migration files of <datadir>/sql ("NNN_name.sql"), sorted by number. */
static GArray *
list_migrations (GError **error)
{
  g_autofree char *dir_path = g_build_filename (coordena_datadir (), "sql", NULL);
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

int
coordena_store_latest_schema_version (void)
{
  g_autoptr(GArray) list = list_migrations (NULL);

  if (list == NULL || list->len == 0)
    return 0;
  return g_array_index (list, Migration, list->len - 1).number;
}

/* Copies the whole database of src into the file dest through the backup API. */
static gboolean
backup_to_file (CoordenaStore *store, const char *dest, GError **error)
{
  g_autofree char *tmp = g_strconcat (dest, ".tmp", NULL);
  sqlite3 *out = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  g_unlink (tmp);
  fd = g_open (tmp, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot create %s: %s"), tmp, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  if (sqlite3_open_v2 (tmp, &out, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot create %s: %s"), tmp, sqlite3_errmsg (out));
      sqlite3_close (out);
      g_unlink (tmp);
      return FALSE;
    }
  backup = sqlite3_backup_init (out, "main", store->db, "main");
  if (backup == NULL)
    rc = sqlite3_errcode (out);
  else
    {
      do
        rc = sqlite3_backup_step (backup, -1);
      while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
      sqlite3_backup_finish (backup);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  /* A backup is one self-contained file: no WAL beside it. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot write the copy %s: %s"), tmp,
                   sqlite3_errstr (rc));
      sqlite3_close (out);
      g_unlink (tmp);
      return FALSE;
    }
  if (sqlite3_close (out) != SQLITE_OK || g_rename (tmp, dest) != 0)
    {
      int saved = errno;

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot write the copy %s: %s"), dest,
                   g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

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
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INTERNAL, _("The migration %s failed: %s"), m->path,
                   message != NULL ? message : "?");
      sqlite3_free (message);
      coordena_store_rollback (store);
      return FALSE;
    }
  return coordena_store_commit (store, error);
}

static gboolean
migrate (CoordenaStore *store, CoordenaStoreOpenFlags flags, GError **error)
{
  g_autoptr(GArray) list = list_migrations (error);
  int version, latest;

  if (list == NULL)
    return FALSE;
  version = coordena_store_get_schema_version (store);
  latest = list->len > 0 ? g_array_index (list, Migration, list->len - 1).number : 0;
  if (version > latest)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("The database %s was written by a newer version of Coordena (schema %d; this one knows up to %d). "
                     "It was not changed."),
                   store->path, version, latest);
      return FALSE;
    }
  if (version == latest)
    return TRUE;
  if (flags & COORDENA_STORE_OPEN_NO_MIGRATE)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("The database %s has the older schema %d; open it with Coordena once to update it."),
                   store->path, version);
      return FALSE;
    }

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

/* ---- Open and close -------------------------------------------------------------------------- */

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
  if (problems->len == 0)
    g_string_append (problems, sqlite3_errmsg (store->db));
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

CoordenaStore *
coordena_store_open_full (const char *path, CoordenaStoreOpenFlags flags, GError **error)
{
  g_autoptr(CoordenaStore) store = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
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
  else if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("%s is a folder, not a database file"), path);
      return NULL;
    }

  store = g_new0 (CoordenaStore, 1);
  store->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &store->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot open the database %s: %s"), path,
                   store->db != NULL ? sqlite3_errmsg (store->db) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_extended_result_codes (store->db, 1);
  sqlite3_busy_timeout (store->db, 5000);

  if (!check_sound (store, error))
    return NULL;

  /* WAL keeps readers going during an import; NORMAL sync is crash-safe in WAL mode. */
  if (!coordena_store_exec (store, "PRAGMA journal_mode = WAL", error)
      || !coordena_store_exec (store, "PRAGMA synchronous = NORMAL", error)
      || !coordena_store_exec (store, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (!migrate (store, flags, error))
    return NULL;
  return g_steal_pointer (&store);
}

void
coordena_store_close (CoordenaStore *store)
{
  if (store == NULL)
    return;
  if (store->db != NULL)
    {
      if (!sqlite3_get_autocommit (store->db))
        sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close_v2 (store->db);
    }
  g_free (store->path);
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

int
coordena_store_get_schema_version (CoordenaStore *store)
{
  return (int) query_int (store->db, "PRAGMA user_version", 0);
}

/* ---- Transactions ---------------------------------------------------------------------------- */

gboolean
coordena_store_begin (CoordenaStore *store, GError **error)
{
  if (sqlite3_exec (store->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    return coordena_store_set_error (store, error, _("starting a transaction"));
  return TRUE;
}

gboolean
coordena_store_commit (CoordenaStore *store, GError **error)
{
  if (sqlite3_exec (store->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      coordena_store_set_error (store, error, _("saving the changes"));
      coordena_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

void
coordena_store_rollback (CoordenaStore *store)
{
  if (!sqlite3_get_autocommit (store->db))
    sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
coordena_store_in_transaction (CoordenaStore *store)
{
  return !sqlite3_get_autocommit (store->db);
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
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (action != NULL, FALSE);

  stmt = coordena_store_prepare (store,
                                 "INSERT INTO auditoria (momento, usuario, acao, entidade, antes, depois) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  coordena_store_bind_text (stmt, 1, time);
  coordena_store_bind_text (stmt, 2, g_get_user_name ());
  coordena_store_bind_text (stmt, 3, action);
  coordena_store_bind_text (stmt, 4, entity != NULL ? entity : "");
  coordena_store_bind_text (stmt, 5, before_json);
  coordena_store_bind_text (stmt, 6, after_json);
  ok = coordena_store_step_done (store, stmt, error);
  sqlite3_finalize (stmt);
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
  sqlite3_stmt *stmt;
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
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CoordenaAuditEntry *e = g_new0 (CoordenaAuditEntry, 1);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->time = column_dup (stmt, 1);
      e->user = column_dup (stmt, 2);
      e->action = column_dup (stmt, 3);
      e->entity = column_dup (stmt, 4);
      e->before = column_dup (stmt, 5);
      e->after = column_dup (stmt, 6);
      g_ptr_array_add (list, e);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
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
  sqlite3_stmt *stmt = coordena_store_prepare (store, "SELECT value FROM profile WHERE key = ?1", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  coordena_store_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = column_dup (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

GBytes *
coordena_store_get_profile_blob (CoordenaStore *store, const char *key)
{
  sqlite3_stmt *stmt = coordena_store_prepare (store, "SELECT blob FROM profile WHERE key = ?1", NULL);
  GBytes *bytes = NULL;

  if (stmt == NULL)
    return NULL;
  coordena_store_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);
  return bytes;
}

gboolean
coordena_store_set_profile (CoordenaStore *store, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *stmt;
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
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
coordena_store_set_profile_blob (CoordenaStore *store, const char *key, GBytes *blob, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (blob == NULL)
    return coordena_store_set_profile (store, key, NULL, error);
  stmt = coordena_store_prepare (store,
                                 "INSERT INTO profile (key, value, blob) VALUES (?1, NULL, ?2) "
                                 "ON CONFLICT (key) DO UPDATE SET value = NULL, blob = excluded.blob", error);
  if (stmt == NULL)
    return FALSE;
  coordena_store_bind_text (stmt, 1, key);
  sqlite3_bind_blob64 (stmt, 2, g_bytes_get_data (blob, NULL), g_bytes_get_size (blob), SQLITE_TRANSIENT);
  ok = coordena_store_step_done (store, stmt, error);
  sqlite3_finalize (stmt);
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
  sqlite3_stmt *stmt = coordena_store_prepare (store,
                                               "SELECT codigo FROM uf WHERE sigla = "
                                               "(SELECT value FROM profile WHERE key = 'uf')", NULL);
  guint code = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    code = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
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
  sqlite3_stmt *uf_stmt = NULL, *mun_stmt = NULL;
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
      sqlite3_bind_int (uf_stmt, 1, (int) ufs[i].codigo);
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
      sqlite3_bind_int (mun_stmt, 4, (int) muns[i].codigo_uf);
      sqlite3_bind_int (mun_stmt, 5, muns[i].capital ? 1 : 0);
      if (!coordena_store_step_done (store, mun_stmt, error))
        goto out;
    }
  ok = TRUE;
out:
  sqlite3_finalize (uf_stmt);
  sqlite3_finalize (mun_stmt);
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
  sqlite3_stmt *stmt;
  char *found = NULL;

  if (ibge == NULL || (strlen (ibge) != 6 && strlen (ibge) != 7))
    return NULL;
  stmt = coordena_store_prepare (store, "SELECT ibge7 FROM municipio WHERE ibge7 = ?1 OR ibge6 = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  coordena_store_bind_text (stmt, 1, ibge);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    found = column_dup (stmt, 0);
  sqlite3_finalize (stmt);
  return found;
}

gboolean
coordena_store_set_ied_stratum (CoordenaStore *store, const char *ibge7, guint stratum, GError **error)
{
  sqlite3_stmt *stmt = NULL;
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
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("Unknown municipality %s"), ibge7);
      goto fail;
    }
  old = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  stmt = coordena_store_prepare (store, "UPDATE municipio SET ied_estrato = ?2 WHERE ibge7 = ?1", error);
  if (stmt == NULL)
    goto fail;
  coordena_store_bind_text (stmt, 1, ibge7);
  if (stratum == 0)
    sqlite3_bind_null (stmt, 2);
  else
    sqlite3_bind_int (stmt, 2, (int) stratum);
  if (!coordena_store_step_done (store, stmt, error))
    goto fail;
  before = g_strdup_printf ("{\"ied_estrato\": %" G_GINT64_FORMAT "}", old);
  after = g_strdup_printf ("{\"ied_estrato\": %u}", stratum);
  if (!coordena_store_audit (store, "set-ied-stratum", ibge7, before, after, error))
    goto fail;
  sqlite3_finalize (stmt);
  return coordena_store_commit (store, error);

fail:
  sqlite3_finalize (stmt);
  coordena_store_rollback (store);
  return FALSE;
}

/* ---- Backup and restore -------------------------------------------------------------------------- */

/* TRUE when path names the database file itself (or one of its companions). */
static gboolean
is_own_file (CoordenaStore *store, const char *path)
{
  GStatBuf a, b;

  if (g_stat (path, &a) != 0 || g_stat (store->path, &b) != 0)
    return FALSE;
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

gboolean
coordena_store_backup (CoordenaStore *store, const char *dest, GError **error)
{
  if (is_own_file (store, dest))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("%s is the database itself: write the copy to another file"), dest);
      return FALSE;
    }
  if (!backup_to_file (store, dest, error))
    return FALSE;
  /* The copy is made; a failed log line should not hide that. */
  coordena_store_audit (store, "backup", dest, NULL, NULL, NULL);
  return TRUE;
}

gboolean
coordena_store_restore (CoordenaStore *store, const char *source, GError **error)
{
  g_autoptr(CoordenaStore) src = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *their_uf = NULL;
  g_autofree char *our_uf = NULL;
  g_autofree char *safety = NULL;
  sqlite3_backup *backup;
  int rc;

  if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("There is no backup file at %s"), source);
      return FALSE;
    }
  if (is_own_file (store, source))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("%s is the database itself, not a backup of it"), source);
      return FALSE;
    }
  /* Checked read-only: a damaged, foreign or newer file is refused before anything changes. */
  src = g_new0 (CoordenaStore, 1);
  src->path = g_strdup (source);
  if (sqlite3_open_v2 (source, &src->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("Cannot open the backup %s: %s"), source,
                   sqlite3_errmsg (src->db));
      return FALSE;
    }
  if (!check_sound (src, &local))
    {
      g_set_error (error, COORDENA_ERROR, local->code, _("The backup %s cannot be restored: %s"), source,
                   local->message);
      return FALSE;
    }
  if (query_int (src->db, "PRAGMA application_id", 0) != COORDENA_APPLICATION_ID)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("%s is not a Coordena backup"), source);
      return FALSE;
    }
  if (coordena_store_get_schema_version (src) > coordena_store_latest_schema_version ())
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("The backup %s was written by a newer version of Coordena"), source);
      return FALSE;
    }

  /* Whatever is replaced stays recoverable. */
  {
    g_autoptr(GDateTime) now = coordena_clock_now ();
    g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

    safety = g_strdup_printf ("%s.before-restore-%s.bak", store->path, stamp);
  }
  if (!backup_to_file (store, safety, error))
    return FALSE;

  our_uf = coordena_store_get_uf (store);
  their_uf = coordena_store_get_uf (src);

  backup = sqlite3_backup_init (store->db, "main", src->db, "main");
  if (backup == NULL)
    return coordena_store_set_error (store, error, _("restoring a backup"));
  do
    rc = sqlite3_backup_step (backup, -1);
  while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    return coordena_store_set_error (store, error, _("restoring a backup"));

  if (!migrate (store, COORDENA_STORE_OPEN_DEFAULT, error))
    return FALSE;
  /* Restored pages carry the backup's journal mode. */
  if (!coordena_store_exec (store, "PRAGMA journal_mode = WAL", error))
    return FALSE;
  {
    g_autofree char *uf1 = coordena_json_string (our_uf);
    g_autofree char *copy = coordena_json_string (safety);
    g_autofree char *uf2 = coordena_json_string (their_uf);
    g_autofree char *before = g_strdup_printf ("{\"uf\": %s, \"copia_anterior\": %s}", uf1, copy);
    g_autofree char *after = g_strdup_printf ("{\"uf\": %s}", uf2);

    coordena_store_audit (store, "restore", source, before, after, NULL);
  }
  return TRUE;
}
