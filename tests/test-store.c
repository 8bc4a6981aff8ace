/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The roster database as a user meets it: a private file, migrations from every earlier schema,
 * a damaged or foreign file refused and left untouched, the profile, the audit log, backup and
 * restore. Real SQLite files in a temporary folder. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include <coordena/coordena.h>
#include <coordena/demo.h>
#include <coordena/store.h>

#include "store-private.h"
#include "test-pg.h"
#include "test-utils.h"

typedef struct {
  char *dir;
  char *db;
} Fixture;


static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("coordena-store-XXXXXX", &error);
  g_assert_no_error (error);
  if (test_pg_run ())
    {
      g_autofree char *name = g_path_get_basename (f->dir);

      f->db = test_pg_new_database (name);
    }
  else
    f->db = g_build_filename (f->dir, "sub", "coordena.db", NULL);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static char *
lite_text (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static gint64
lite_int (sqlite3 *db, const char *sql)
{
  g_autofree char *text = lite_text (db, sql);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

/* What the store holds, asked through its own connection: the same on a file and on a server. */
static char *
query_text (CoordenaStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  CoordenaSqlStmt *stmt = coordena_sql_prepare (coordena_store_get_conn (store), sql, &error);
  char *value = NULL;

  g_assert_no_error (error);
  if (coordena_sql_step (stmt) == COORDENA_SQL_ROW)
    value = coordena_sql_column_dup (stmt, 0);
  coordena_sql_finalize (stmt);
  return value;
}

static gint64
query_int (CoordenaStore *store, const char *sql)
{
  g_autofree char *text = query_text (store, sql);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

static void
exec_sql (CoordenaStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (coordena_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

/* For the tests about the SQLite file itself. */
static gboolean
skip_on_server (void)
{
  if (!test_pg_run ())
    return FALSE;
  g_test_skip ("this test is about the SQLite file itself (its bytes, mode, journal or old versions); a server has "
               "no such file");
  return TRUE;
}

/* The schema as text, to compare a migrated database with a new one. */
static char *
schema_of (sqlite3 *db)
{
  return lite_text (db, "SELECT group_concat (sql, char(10)) FROM "
                         "(SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name)");
}

static void
test_new_file_is_private (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaStore) store = coordena_store_open (f->db, &error);
  g_autofree char *dir = g_path_get_dirname (f->db);
  g_autofree char *mode = NULL;
  GStatBuf st;

  if (skip_on_server ())
    return;
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (f->db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  mode = lite_text (coordena_store_get_db (store), "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (lite_int (coordena_store_get_db (store), "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (coordena_store_get_schema_version (store), ==, coordena_store_latest_schema_version ());
  g_assert_cmpint (coordena_store_latest_schema_version (), >=, 1);
  g_assert_null (coordena_store_get_uf (store));
}

static void
test_must_exist (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaStore) store = coordena_store_open_full (f->db, COORDENA_STORE_OPEN_MUST_EXIST, &error);

  if (skip_on_server ())
    return;
  g_assert_null (store);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "coordena-cli init --uf UF"));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static int
cmp_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Applies the shipped migrations up to `upto` by hand, as an older Coordena left the file. */
static void
make_old_database (const char *path, int upto)
{
  g_autofree char *sql_dir = g_build_filename (coordena_datadir (), "sql", NULL);
  g_autoptr(GDir) dir = g_dir_open (sql_dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *version = g_strdup_printf ("PRAGMA user_version = %d", upto);
  sqlite3 *db = NULL;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_ascii_isdigit (name[0]) && g_str_has_suffix (name, ".sql"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, cmp_names);
  g_mkdir_with_parents (parent, 0700);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1131376498", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (sql_dir, names->pdata[i], NULL);
      g_autofree char *sql = NULL;

      if (atoi (names->pdata[i]) > upto)
        break;
      g_assert_true (g_file_get_contents (file, &sql, NULL, NULL));
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (db, version, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO profile (key, value) VALUES ('uf', 'RS')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_migrations_from_every_version (Fixture *f, gconstpointer data)
{
  int latest = coordena_store_latest_schema_version ();
  g_autofree char *fresh_schema = NULL;

  if (skip_on_server ())
    return;
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CoordenaStore) fresh = coordena_store_open (f->db, &error);

    g_assert_no_error (error);
    fresh_schema = schema_of (coordena_store_get_db (fresh));
  }

  /* An empty file (created by hand, or by a program that stopped at once) is a new database. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CoordenaStore) store = NULL;
    g_autofree char *path = g_strdup_printf ("%s/vazio.db", f->dir);
    g_autofree char *schema = NULL;

    g_assert_true (g_file_set_contents (path, "", 0, NULL));
    store = coordena_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (coordena_store_get_schema_version (store), ==, latest);
    schema = schema_of (coordena_store_get_db (store));
    g_assert_cmpstr (schema, ==, fresh_schema);
  }

  for (int v = 1; v < latest; v++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CoordenaStore) store = NULL;
      g_autofree char *path = g_strdup_printf ("%s/old-%d.db", f->dir, v);
      g_autofree char *copy = g_strdup_printf ("%s.v%d.bak", path, v);
      g_autofree char *schema = NULL;
      g_autofree char *uf = NULL;

      if (g_test_verbose ())
        g_test_message ("from schema %d to %d", v, latest);
      make_old_database (path, v);
      store = coordena_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (coordena_store_get_schema_version (store), ==, latest);
      schema = schema_of (coordena_store_get_db (store));
      g_assert_cmpstr (schema, ==, fresh_schema);
      /* The data survive, and the file before the migration is kept next to it. */
      uf = coordena_store_get_uf (store);
      g_assert_cmpstr (uf, ==, "RS");
      g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
    }
}

/* The server's schema as text: columns, constraints and indexes, without the names PostgreSQL
 * makes up, to compare a migrated database with a new one. */
static char *
server_schema_of (CoordenaStore *store)
{
  g_autofree char *columns = query_text (store, "SELECT string_agg (table_name || '.' || column_name || ' ' || data_type "
                                                "|| ' ' || is_nullable || ' ' || is_identity || ' ' || "
                                                "coalesce (column_default, ''), E'\\n' ORDER BY table_name, column_name) "
                                                "FROM information_schema.columns WHERE table_schema = 'public'");
  g_autofree char *constraints = query_text (store, "SELECT string_agg (c, E'\\n' ORDER BY c) FROM (SELECT "
                                                    "conrelid::regclass::text || ' ' || pg_get_constraintdef (oid) AS c "
                                                    "FROM pg_constraint WHERE connamespace = 'public'::regnamespace) AS t");
  g_autofree char *indexes = query_text (store, "SELECT string_agg (indexdef, E'\\n' ORDER BY indexdef) FROM pg_indexes "
                                                "WHERE schemaname = 'public'");

  return g_strdup_printf ("%s\n--\n%s\n--\n%s", columns, constraints, indexes);
}

/* A server left at each older schema (the files of data/sql/postgresql up to it, applied by hand as
 * an older Coordena did) is brought to the latest by opening it, to exactly the schema of a new
 * one, its data kept. */
static void
test_server_migrations_from_every_version (Fixture *f, gconstpointer data)
{
  int latest = coordena_store_latest_schema_version ();
  g_autofree char *sql_dir = g_build_filename (coordena_datadir (), "sql", "postgresql", NULL);
  g_autoptr(GDir) dir = g_dir_open (sql_dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *fresh_schema = NULL;
  const char *name;

  if (!test_pg_run ())
    {
      g_test_skip ("the server's migrations; a file's are tested by migrations-from-every-version");
      return;
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CoordenaStore) fresh = coordena_store_open (f->db, &error);

    g_assert_no_error (error);
    fresh_schema = server_schema_of (fresh);
  }
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_ascii_isdigit (name[0]) && g_str_has_suffix (name, ".sql"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, cmp_names);

  for (int v = 1; v < latest; v++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *label = g_strdup_printf ("antigo_%d", v);
      g_autofree char *uri = test_pg_new_database (label);
      g_autofree char *version = g_strdup_printf ("UPDATE coordena_schema SET version = %d", v);
      CoordenaSqlConn *conn = coordena_sql_conn_open_postgresql (uri, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *file = g_build_filename (sql_dir, names->pdata[i], NULL);
          g_autofree char *sql = NULL;

          if (atoi (names->pdata[i]) > v)
            break;
          g_assert_true (g_file_get_contents (file, &sql, NULL, NULL));
          g_assert_true (coordena_sql_exec (conn, sql, NULL, &error));
          g_assert_no_error (error);
        }
      g_assert_true (coordena_sql_exec (conn, version, NULL, &error));
      g_assert_true (coordena_sql_exec (conn, "INSERT INTO profile (key, value) VALUES ('uf', 'RS')", NULL, &error));
      coordena_sql_conn_close (conn);
      {
        g_autoptr(CoordenaStore) store = coordena_store_open (uri, &error);
        g_autofree char *schema = NULL;
        g_autofree char *uf = NULL;

        g_assert_no_error (error);
        g_assert_cmpint (coordena_store_get_schema_version (store), ==, latest);
        schema = server_schema_of (store);
        g_assert_cmpstr (schema, ==, fresh_schema);
        uf = coordena_store_get_uf (store);
        g_assert_cmpstr (uf, ==, "RS");
      }
    }
}

static void
test_damaged_file_untouched (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (skip_on_server ())
    return;
  {
    g_autoptr(CoordenaStore) store = coordena_store_open (f->db, &error);

    g_assert_no_error (error);
    coordena_store_init_uf (store, "RS", &error);
    g_assert_no_error (error);
  }
  /* Scribble over the middle of the file, where the municipality pages are. */
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (f->db, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 40000);
    memset (contents + 16384, 0x5A, 16384);
    g_assert_true (g_file_set_contents (f->db, contents, (gssize) length, NULL));
  }
  before = file_checksum (f->db);
  {
    g_autoptr(CoordenaStore) store = coordena_store_open (f->db, &error);

    g_assert_null (store);
  }
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "danificado"));
  g_assert_nonnull (strstr (error->message, f->db));
  after = file_checksum (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_not_a_database (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaStore) store = NULL;
  g_autofree char *path = g_build_filename (f->dir, "planilha.db", NULL);
  g_autofree char *after = NULL;
  const char *text = "competencia;ibge;cnes\n202508;4314902;2000016\n"
                     "this is a spreadsheet someone renamed, not a database at all, long enough to be read\n";

  if (skip_on_server ())
    return;
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  store = coordena_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);
}

static void
test_foreign_and_newer_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *other = g_build_filename (f->dir, "outro.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  if (test_pg_run ())
    {
      /* Another program's tables on the server: refused, and nothing of Coordena's created. */
      g_autofree char *uri = test_pg_new_database ("outro_programa");
      g_autoptr(GError) error = NULL;
      CoordenaSqlConn *conn = coordena_sql_conn_open_postgresql (uri, &error);

      g_assert_no_error (error);
      g_assert_true (coordena_sql_exec (conn, "CREATE TABLE t (x integer); INSERT INTO t VALUES (1)", NULL, &error));
      {
        g_autoptr(CoordenaStore) store = coordena_store_open (uri, &error);

        g_assert_null (store);
        g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
        g_assert_nonnull (strstr (error->message, "outro programa"));
      }
      {
        CoordenaSqlStmt *stmt = coordena_sql_prepare (conn, "SELECT count (*) FROM pg_tables "
                                                            "WHERE schemaname = 'public'", NULL);

        g_assert_cmpint (coordena_sql_step (stmt), ==, COORDENA_SQL_ROW);
        g_assert_cmpint (coordena_sql_column_int (stmt, 0), ==, 1);
        coordena_sql_finalize (stmt);
      }
      coordena_sql_conn_close (conn);
      goto newer;
    }
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = file_checksum (other);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CoordenaStore) store = coordena_store_open (other, &error);

    g_assert_null (store);
    g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
    g_assert_nonnull (strstr (error->message, "outro programa"));
  }
  after = file_checksum (other);
  g_assert_cmpstr (before, ==, after);

  /* A schema from a newer Coordena: refused, not downgraded. */
newer:
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CoordenaStore) store = coordena_store_open (f->db, &error);

    g_assert_no_error (error);
    exec_sql (store, test_pg_run () ? "UPDATE coordena_schema SET version = 999" : "PRAGMA user_version = 999");
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CoordenaStore) store = coordena_store_open (f->db, &error);

    g_assert_null (store);
    g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
    g_assert_nonnull (strstr (error->message, "versão mais nova"));
  }
}

static void
test_profile (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaStore) store = coordena_store_open (f->db, &error);
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\n\0\0", 10);
  g_autoptr(GBytes) read_back = NULL;
  g_autofree char *name = NULL;
  g_autofree char *gone = NULL;

  g_assert_no_error (error);
  g_assert_true (coordena_store_set_profile (store, "secretaria.nome", "Secretaria da Saúde", &error));
  g_assert_true (coordena_store_set_profile_blob (store, "brasao", png, &error));
  g_assert_no_error (error);
  name = coordena_store_get_profile (store, "secretaria.nome");
  g_assert_cmpstr (name, ==, "Secretaria da Saúde");
  read_back = coordena_store_get_profile_blob (store, "brasao");
  g_assert_true (g_bytes_equal (read_back, png));
  g_assert_true (coordena_store_set_profile (store, "secretaria.nome", NULL, &error));
  gone = coordena_store_get_profile (store, "secretaria.nome");
  g_assert_null (gone);
}

static void
test_init_uf (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaStore) store = coordena_store_open (f->db, &error);
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *uf = NULL;
  g_autofree char *ibge7 = NULL;
  CoordenaStore *db;

  g_assert_no_error (error);
  g_assert_false (coordena_store_init_uf (store, "XY", &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "XY"));
  g_clear_error (&error);

  g_assert_true (coordena_store_init_uf (store, "rs", &error));
  g_assert_no_error (error);
  db = store;
  uf = coordena_store_get_uf (store);
  g_assert_cmpstr (uf, ==, "RS");
  g_assert_cmpuint (coordena_store_get_uf_code (store), ==, 43);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM uf"), ==, 27);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM municipio"), ==, 5571);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM municipio WHERE uf_codigo = 43"), ==, 497);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM municipio WHERE ibge7 = '4314902' AND ibge6 = '431490' "
                                  "AND nome = 'Porto Alegre' AND capital = 1"), ==, 1);
  /* One of the nine municipalities whose code breaks the check digit: found by table. */
  ibge7 = coordena_store_lookup_ibge7 (store, "430587");
  g_assert_cmpstr (ibge7, ==, "4305871");

  /* Again with the same state is harmless; another state is refused. */
  g_assert_true (coordena_store_init_uf (store, "RS", &error));
  g_assert_false (coordena_store_init_uf (store, "SP", &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "RS"));

  audit = coordena_store_list_audit (store, NULL, NULL);
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpstr (((CoordenaAuditEntry *) audit->pdata[0])->action, ==, "init");
  if (test_pg_run ())
    {
      /* On a server the database role is kept beside the computer's user. */
      g_autofree char *role = coordena_sql_conn_user (coordena_store_get_conn (store));
      g_autofree char *both = g_strdup_printf ("%s (papel %s)", g_get_user_name (), role);

      g_assert_cmpstr (((CoordenaAuditEntry *) audit->pdata[0])->user, ==, both);
    }
  else
    g_assert_cmpstr (((CoordenaAuditEntry *) audit->pdata[0])->user, ==, g_get_user_name ());
  g_assert_nonnull (strstr (((CoordenaAuditEntry *) audit->pdata[0])->after, "\"municipios\": 497"));
}

static void
test_audit_edits (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaStore) store = coordena_store_open (f->db, &error);
  g_autoptr(CoordenaImportReport) report = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) future = NULL;
  const CoordenaAuditEntry *last;
  const CoordenaStoreTeam *team;
  GDate tomorrow;

  g_assert_no_error (error);
  g_assert_true (coordena_store_init_uf (store, "RR", &error));
  report = coordena_demo_generate (store, 202508, 1, &error);
  g_assert_no_error (error);
  teams = coordena_store_list_teams (store, NULL, &error);
  g_assert_no_error (error);
  team = teams->pdata[0];

  g_assert_true (coordena_store_set_team_base (store, team->ine, 1683333, &error));
  g_assert_true (coordena_store_set_ied_stratum (store, team->ibge7, 3, &error));
  g_assert_true (coordena_store_set_team_flags (store, team->ine, 202508, COORDENA_TEAM_FLAG_PROVIMENTO, &error));
  g_assert_no_error (error);
  g_assert_false (coordena_store_set_team_base (store, "9999999999", 100, &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);

  all = coordena_store_list_audit (store, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 5); /* init, demo, base, stratum, flags */
  last = all->pdata[all->len - 1];
  g_assert_cmpstr (last->action, ==, "set-team-flags");
  g_assert_nonnull (strstr (last->before, "\"provimento\": false"));
  g_assert_nonnull (strstr (last->after, "\"provimento\": true"));
  g_assert_nonnull (strstr (((CoordenaAuditEntry *) all->pdata[2])->after, "1683333"));

  g_date_clear (&tomorrow, 1);
  g_date_set_time_t (&tomorrow, time (NULL));
  g_date_add_days (&tomorrow, 2);
  future = coordena_store_list_audit (store, &tomorrow, NULL);
  g_assert_cmpuint (future->len, ==, 0);
}

static void
test_backup_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaStore) store = coordena_store_open (f->db, &error);
  g_autoptr(CoordenaImportReport) report = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "copia.db", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "lixo.db", NULL);
  g_autofree char *ine = NULL;
  GStatBuf st;
  gint64 n_vinculos;

  g_assert_no_error (error);
  g_assert_true (coordena_store_init_uf (store, "AP", &error));
  report = coordena_demo_generate (store, 202508, 2, &error);
  g_assert_no_error (error);
  n_vinculos = query_int (store, "SELECT count (*) FROM vinculo");

  g_assert_true (coordena_store_backup (store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Change something, then go back. */
  teams = coordena_store_list_teams (store, NULL, &error);
  ine = g_strdup (((CoordenaStoreTeam *) teams->pdata[0])->ine);
  g_assert_true (coordena_store_set_team_base (store, ine, 999, &error));
  exec_sql (store, "DELETE FROM vinculo");

  g_assert_true (coordena_store_restore (store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM vinculo"), ==, n_vinculos);
  after = coordena_store_list_teams (store, NULL, &error);
  g_assert_cmpint (((CoordenaStoreTeam *) after->pdata[0])->base_centavos, ==, COORDENA_BASE_UNKNOWN);
  audit = coordena_store_list_audit (store, NULL, NULL);
  g_assert_cmpstr (((CoordenaAuditEntry *) audit->pdata[audit->len - 1])->action, ==, "restore");

  /* The database itself is neither a place for its copy nor a copy. */
  g_assert_false (coordena_store_backup (store, f->db, &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_clear_error (&error);
  g_assert_false (coordena_store_restore (store, f->db, &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "o próprio banco"));
  g_clear_error (&error);

  /* A file that is not a backup is refused and changes nothing. */
  g_assert_true (g_file_set_contents (junk, "not a database, just words in a file that is long enough", -1, NULL));
  g_assert_false (coordena_store_restore (store, junk, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM vinculo"), ==, n_vinculos);
}

static void
test_demo_roster (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaStore) store = coordena_store_open (f->db, &error);
  g_autoptr(CoordenaImportReport) report = NULL;
  g_autoptr(CoordenaImportReport) again = NULL;
  g_autoptr(CoordenaRoster) roster = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GArray) comps = NULL;

  g_assert_no_error (error);
  g_assert_true (coordena_store_init_uf (store, "SE", &error));
  /* A stratum the user set is kept; the others get a generated one. */
  g_assert_true (coordena_store_set_ied_stratum (store, "2800308", 4, &error));
  report = coordena_demo_generate (store, 202512, 3, &error);
  g_assert_no_error (error);
  g_assert_true (coordena_store_is_demo (store));
  g_assert_cmpuint (report->competencias->len, ==, 12);
  g_assert_cmpuint (g_array_index (report->competencias, CoordenaCompetencia, 11), ==, 202512);
  g_assert_cmpuint (g_array_index (report->competencias, CoordenaCompetencia, 0), ==, 202501);

  teams = coordena_store_list_teams (store, NULL, &error);
  g_assert_cmpuint (teams->len, ==, report->n_teams);
  /* Every team carries the mark, and its name says it. */
  for (guint i = 0; i < teams->len; i++)
    {
      const CoordenaStoreTeam *t = teams->pdata[i];

      g_assert_true (t->demo);
      g_assert_true (g_str_has_prefix (t->name, "DEMO "));
      g_assert_true (g_str_has_prefix (t->ibge7, "28"));
    }
  g_assert_cmpint (query_int (store, "SELECT ied_estrato FROM municipio WHERE ibge7 = '2800308'"),
                   ==, 4);
  g_assert_cmpint (query_int (store,
                              "SELECT count (*) FROM municipio WHERE uf_codigo = 28 AND ied_estrato IS NULL"), ==, 0);
  comps = coordena_store_list_competencias (store, &error);
  g_assert_cmpuint (comps->len, ==, 12);

  roster = coordena_store_load_roster (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (coordena_roster_get_n_teams (roster), ==, report->n_teams);
  g_assert_cmpuint (coordena_roster_get_last_competencia (roster), ==, 202512);

  /* The same seed gives the same roster; a real roster is not mixed with generated data. */
  exec_sql (store, "UPDATE equipe SET demo = 0");
  again = coordena_demo_generate (store, 202512, 3, &error);
  g_assert_null (again);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
}

/* The reader that the window uses while the first connection checks the file reads the same
 * roster, and is refused where it could hold that connection up or misread: a file in the
 * rollback journal, a schema that is not the latest, no file. */
static void
test_unchecked_reader (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaStore) store = coordena_store_open (f->db, &error);
  g_autoptr(CoordenaImportReport) report = NULL;
  g_autoptr(CoordenaRoster) checked = NULL;
  g_autoptr(CoordenaRoster) early = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *missing = g_strconcat (f->db, ".nenhum", NULL);
  CoordenaStore *reader;
  sqlite3 *db;

  if (skip_on_server ())
    return;
  g_assert_null (coordena_store_open_unchecked_reader (missing));
  /* A pipe is not waited on. */
  g_assert_cmpint (mkfifo (missing, 0600), ==, 0);
  g_assert_null (coordena_store_open_unchecked_reader (missing));
  g_assert_no_error (error);
  g_assert_true (coordena_store_init_uf (store, "SE", &error));
  report = coordena_demo_generate (store, 202512, 3, &error);
  g_assert_no_error (error);
  checked = coordena_store_load_roster (store, &error);
  g_assert_no_error (error);

  reader = coordena_store_open_unchecked_reader (f->db);
  g_assert_nonnull (reader);
  g_assert_cmpuint (coordena_store_get_uf_code (reader), ==, 28);
  early = coordena_store_load_roster (reader, &error);
  g_assert_no_error (error);
  coordena_store_close (reader);
  g_assert_cmpuint (coordena_roster_get_n_teams (early), ==, coordena_roster_get_n_teams (checked));
  g_assert_cmpuint (coordena_roster_get_last_competencia (early), ==, coordena_roster_get_last_competencia (checked));
  for (guint i = 0; i < coordena_roster_get_n_teams (checked); i++)
    g_assert_cmpstr (coordena_roster_get_team (early, i)->ine, ==, coordena_roster_get_team (checked, i)->ine);
  g_assert_cmpuint (coordena_roster_get_n_professionals (early), ==, coordena_roster_get_n_professionals (checked));
  g_clear_pointer (&store, coordena_store_close);

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_null (coordena_store_open_unchecked_reader (f->db));
  latest = g_strdup_printf ("PRAGMA user_version = %d", coordena_store_latest_schema_version ());
  g_assert_cmpint (sqlite3_exec (db, latest, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_nonnull ((reader = coordena_store_open_unchecked_reader (f->db)));
  coordena_store_close (reader);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (coordena_store_open_unchecked_reader (f->db));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  coordena_i18n_init ();
  test_pg_init (&argc, argv);
  g_test_init (&argc, &argv, NULL);

  if (test_pg_run () && !test_pg_available ())
    {
      g_test_add_func ("/store/postgresql", (GTestFunc) test_pg_skip_without_server);
      return g_test_run ();
    }
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/store/new-file-is-private", test_new_file_is_private);
  ADD ("/store/must-exist", test_must_exist);
  ADD ("/store/migrations-from-every-version", test_migrations_from_every_version);
  ADD ("/store/server-migrations-from-every-version", test_server_migrations_from_every_version);
  ADD ("/store/damaged-file-untouched", test_damaged_file_untouched);
  ADD ("/store/not-a-database", test_not_a_database);
  ADD ("/store/foreign-and-newer-refused", test_foreign_and_newer_refused);
  ADD ("/store/profile", test_profile);
  ADD ("/store/init-uf", test_init_uf);
  ADD ("/store/audit-edits", test_audit_edits);
  ADD ("/store/backup-restore", test_backup_restore);
  ADD ("/store/demo-roster", test_demo_roster);
  ADD ("/store/unchecked-reader", test_unchecked_reader);
#undef ADD
  return g_test_run ();
}
