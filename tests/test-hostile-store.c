/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store under a hostile user, through the real coordena-cli on real SQLite files: imports
 * that must not depend on their history, a purge that must not claim a clean file while another
 * program reads it, backups altered by hand, locks held by another program (the sqlite3 shell),
 * read-only files and folders, a full disk, bad input and kill -9 in the middle of writes.
 *
 * Every refusal must be Portuguese, say what to do, exit 1 (2 for usage) and leave the database
 * as it was; any English text of SQLite or libarchive may only follow in parentheses. */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include <coordena/coordena.h>

#include "cnes-synth.h"

#include "test-utils.h"

#define ROSTER_HEADER "competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria\n"

static char *tmp_dir;

/* ---- Running the CLI ---------------------------------------------------------------------------- */


typedef enum {
  AS_SELF,
  AS_NOBODY,        /* when the test runs as root, the CLI runs as nobody so permissions bite */
} RunMode;

static RunMode child_mode;

static void
child_setup (gpointer data)
{
  if (child_mode == AS_NOBODY && geteuid () == 0)
    {
      if (setgid (65534) != 0 || setuid (65534) != 0)
        _exit (99);
    }
}

static void
run_argv (Run *r, RunMode mode, const char *db, const char *const *args)
{
  child_mode = mode;
  run_cli (r, &(RunOptions) { .db = db, .child_setup = child_setup }, args);
}

#define RUN(r, db, ...) run_argv ((r), AS_SELF, (db), (const char *const[]) { __VA_ARGS__, NULL })
#define RUN_AS(r, mode, db, ...) run_argv ((r), (mode), (db), (const char *const[]) { __VA_ARGS__, NULL })

static void
run_ok (const char *db, const char *const *args)
{
  g_auto(Run) r = { 0 };

  run_argv (&r, AS_SELF, db, args);
  if (r.status != 0)
    g_error ("coordena-cli %s %s failed (%d):\n%s", args[0], args[1] != NULL ? args[1] : "", r.status, r.err);
}
#define RUN_OK(db, ...) run_ok ((db), (const char *const[]) { __VA_ARGS__, NULL })

/* The English texts of the libraries that must never reach a user on their own. */
static const char *const english[] = {
  "database is locked", "database or disk is full", "attempt to write a readonly database", "no such table",
  "disk I/O error", "Unrecognized archive format", "file is not a database", "unable to open database file",
  "database disk image is malformed",
};

/* A refusal as the user reads it: the exit code, Portuguese words expected, and any library text
 * only after "SQLite: " or "libarchive: ", inside parentheses. */
static void
assert_refusal (const Run *r, int status, const char *expected)
{
  if (r->status != status || strstr (r->err, expected) == NULL)
    {
      g_test_message ("expected exit %d and “%s”; got %d:\n%s%s", status, expected, r->status, r->out, r->err);
      g_test_fail ();
    }
  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    {
      const char *at = strstr (r->err, english[i]);

      if (at == NULL)
        continue;
      if (!((at - r->err >= 8 && strncmp (at - 8, "SQLite: ", 8) == 0)
            || (at - r->err >= 12 && strncmp (at - 12, "libarchive: ", 12) == 0)))
        {
          g_test_message ("English text “%s” outside parentheses:\n%s", english[i], r->err);
          g_test_fail ();
        }
    }
  if (strstr (r->err, "danificado") != NULL && strstr (expected, "danificado") == NULL)
    {
      g_test_message ("a database that is not damaged was called damaged:\n%s", r->err);
      g_test_fail ();
    }
}

/* ---- Files and databases ----------------------------------------------------------------------- */

static char *
new_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
write_text (const char *path, const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static gboolean
file_has (const char *path, const char *needle)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  const char *data;
  gsize len, n = strlen (needle);

  if (file == NULL)
    return FALSE;
  data = g_mapped_file_get_contents (file);
  len = g_mapped_file_get_length (file);
  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static gint
cmp_lines (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Every table's rows in a stable order, and the schema: what "unchanged" means. */
static char *
dump_db (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master ORDER BY name", -1, &st, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      g_string_append_printf (out, "%s\n", (const char *) sqlite3_column_text (st, 1));
      if (sqlite3_column_text (st, 1) != NULL && g_str_has_prefix ((const char *) sqlite3_column_text (st, 1), "CREATE TABLE"))
        g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (st, 0)));
    }
  sqlite3_finalize (st);
  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (const char *) tables->pdata[t]);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &st, NULL), ==, SQLITE_OK);
      while (sqlite3_step (st) == SQLITE_ROW)
        {
          g_autoptr(GString) row = g_string_new (NULL);

          for (int c = 0; c < sqlite3_column_count (st); c++)
            g_string_append_printf (row, "%s|", sqlite3_column_type (st, c) == SQLITE_BLOB ? "blob"
                                    : sqlite3_column_text (st, c) != NULL ? (const char *) sqlite3_column_text (st, c) : "NULL");
          g_ptr_array_add (rows, g_string_free (g_steal_pointer (&row), FALSE));
        }
      sqlite3_finalize (st);
      g_ptr_array_sort (rows, cmp_lines);
      g_string_append_printf (out, "[%s]\n", (const char *) tables->pdata[t]);
      for (guint i = 0; i < rows->len; i++)
        g_string_append_printf (out, "%s\n", (const char *) rows->pdata[i]);
    }
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
sql_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
sql_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &st, NULL), ==, SQLITE_OK);
  if (sqlite3_step (st) == SQLITE_ROW)
    value = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  sqlite3_close (db);
  return value;
}

static char *
sql_text (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &st, NULL), ==, SQLITE_OK);
  if (sqlite3_step (st) == SQLITE_ROW && sqlite3_column_text (st, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (st, 0));
  sqlite3_finalize (st);
  sqlite3_close (db);
  return value;
}

static char *
fixture_base (void)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "cnes", "base", NULL);
}

/* A copy of the CNES fixture in the test folder, each table's bytes passed through edit. */
typedef char *(*EditFunc) (const char *table, const char *latin1);

static char *
copy_base (const char *name, EditFunc edit)
{
  g_autofree char *from = fixture_base ();
  char *to = new_path (name);
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *file;

  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  while ((file = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *src = g_build_filename (from, file, NULL);
      g_autofree char *dst = g_build_filename (to, file, NULL);
      g_autofree char *text = read_text (src);
      g_autofree char *edited = edit != NULL ? edit (file, text) : NULL;

      write_text (dst, edited != NULL ? edited : text);
    }
  return to;
}

static char *
replace (const char *text, const char *old, const char *new)
{
  g_auto(GStrv) parts = g_strsplit (text, old, -1);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  return g_strjoinv (new, parts);
}

static char *
new_db (const char *name)
{
  char *db = new_path (name);

  RUN_OK (db, "init", "--uf", "RS");
  return db;
}

/* ---- Another program on the same file: the sqlite3 shell ------------------------------------------ */

typedef struct {
  GSubprocess *proc;
  GOutputStream *in;
  GDataInputStream *out;
} Shell;

/* Starts sqlite3 on path, runs sql and waits until it has: the lock it takes is then held. */
static Shell *
shell_hold (const char *path, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_strdup_printf (".timeout 10000\n%s\nSELECT 'pronto';\n", sql);
  g_autofree char *line = NULL;
  Shell *s = g_new0 (Shell, 1);

  s->proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "sqlite3",
                              path, NULL);
  g_assert_no_error (error);
  s->in = g_subprocess_get_stdin_pipe (s->proc);
  s->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (s->proc));
  g_output_stream_write_all (s->in, script, strlen (script), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_flush (s->in, NULL, &error);
  g_assert_no_error (error);
  do
    {
      g_free (line);
      line = g_data_input_stream_read_line (s->out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line);
    }
  while (!g_str_equal (line, "pronto"));
  return s;
}

static void
shell_release (Shell *s)
{
  g_autoptr(GError) error = NULL;

  g_output_stream_close (s->in, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait (s->proc, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (s->out);
  g_object_unref (s->proc);
  g_free (s);
}

/* ---- 1. A re-imported competência holds exactly what the new file says ------------------------------ */

/* A′: the eAP Restinga deactivated in July, a member of team 77 gone, João's hours down to 20. */
static char *
edit_a_prime (const char *table, const char *text)
{
  if (g_str_has_prefix (table, "tbEquipe"))
    return replace (text, "\"10/05/2021\";\"\";", "\"10/05/2021\";\"01/07/2025\";");
  if (g_str_has_prefix (table, "rlEstabEquipeProf"))
    {
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      g_autoptr(GString) out = g_string_new (NULL);

      for (guint i = 0; lines[i] != NULL; i++)
        if (strstr (lines[i], "\"A0000016B\"") == NULL)
          g_string_append_printf (out, "%s%s", lines[i], lines[i + 1] != NULL ? "\n" : "");
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  if (g_str_has_prefix (table, "tbCargaHorariaSus"))
    return replace (text, "\"A0000001B\";\"225142\";\"010101\";\"S\";\"8\";\"0\";\"32\"",
                    "\"A0000001B\";\"225142\";\"010101\";\"S\";\"0\";\"0\";\"20\"");
  return NULL;
}

/* What the user sees of a database: the teams, the evaluation and the exported roster. */
static char *
user_view (const char *db)
{
  g_autofree char *csv = g_strconcat (db, ".roster.csv", NULL);
  g_auto(Run) teams = { 0 };
  g_auto(Run) eval = { 0 };
  g_auto(Run) export = { 0 };
  g_autofree char *exported = NULL;

  RUN (&teams, db, "teams");
  RUN (&eval, db, "evaluate", "--format", "csv");
  RUN (&export, db, "export", "roster", csv);
  g_assert_cmpint (teams.status, ==, 0);
  g_assert_cmpint (eval.status, ==, 0);
  g_assert_cmpint (export.status, ==, 0);
  exported = read_text (csv);
  g_unlink (csv);
  return g_strdup_printf ("%s\n----\n%s\n----\n%s", teams.out, eval.out, exported);
}

static void
test_reimport_cnes (void)
{
  g_autofree char *a = copy_base ("base-a", NULL);
  g_autofree char *a_prime = copy_base ("base-a-linha", edit_a_prime);
  g_autofree char *both = new_db ("reimport-both.db");
  g_autofree char *only = new_db ("reimport-only.db");
  g_autofree char *after_a = NULL;
  g_autofree char *view_both = NULL;
  g_autofree char *view_only = NULL;
  g_auto(Run) second = { 0 };

  RUN_OK (both, "import", "cnes", a, "--uf", "RS", "--competencia", "202508");
  after_a = user_view (both);
  RUN (&second, both, "import", "cnes", a_prime, "--uf", "RS", "--competencia", "202508");
  g_assert_cmpint (second.status, ==, 0);
  /* The report says what left. */
  g_assert_nonnull (strstr (second.out, "Removidas de 08/2025: 1 equipe"));
  RUN_OK (only, "import", "cnes", a_prime, "--uf", "RS", "--competencia", "202508");

  view_both = user_view (both);
  view_only = user_view (only);
  g_assert_cmpstr (view_both, !=, after_a);
  g_assert_cmpstr (view_both, ==, view_only);
  g_assert_null (strstr (view_both, "0002222221"));
  /* Nobody the new file dropped stays behind with their CNS. */
  g_assert_cmpint (sql_int (both, "SELECT count(*) FROM profissional WHERE cns = '800000000000818'"), ==, 0);
  g_assert_cmpint (sql_int (both, "SELECT count(*) FROM profissional"), ==,
                   sql_int (only, "SELECT count(*) FROM profissional"));
}

static void
test_reimport_roster (void)
{
  g_autofree char *first = new_path ("roster-1.csv");
  g_autofree char *july = new_path ("roster-julho.csv");
  g_autofree char *second = new_path ("roster-2.csv");
  g_autofree char *both = new_db ("roster-both.db");
  g_autofree char *only = new_db ("roster-only.db");
  g_autofree char *view_both = NULL;
  g_autofree char *view_only = NULL;

  write_text (first, ROSTER_HEADER
              "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;40\n"
              "202508;4314902;2000016;0001111116;eSF;700000000000218;Bia;223565;40\n"
              "202508;4314902;2000024;0002222221;eAP30;700000000000307;Caio;225170;30\n"
              "202507;4314902;2000024;0002222221;eAP30;700000000000307;Caio;225170;30\n");
  /* 08/2025 again, without the eAP and with Bia at 20 h; 07/2025 untouched. */
  write_text (second, ROSTER_HEADER
              "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;40\n"
              "202508;4314902;2000016;0001111116;eSF;700000000000218;Bia;223565;20\n");
  RUN_OK (both, "import", "roster", first);
  RUN_OK (both, "import", "roster", second);
  write_text (july, ROSTER_HEADER "202507;4314902;2000024;0002222221;eAP30;700000000000307;Caio;225170;30\n");
  RUN_OK (only, "import", "roster", july);
  RUN_OK (only, "import", "roster", second);
  view_both = user_view (both);
  view_only = user_view (only);
  g_assert_cmpstr (view_both, ==, view_only);
  g_assert_cmpint (sql_int (both, "SELECT count(*) FROM equipe_competencia WHERE competencia = 202508"), ==, 1);
  g_assert_cmpint (sql_int (both, "SELECT count(*) FROM equipe_competencia WHERE competencia = 202507"), ==, 1);
  g_assert_cmpint (sql_int (both, "SELECT horas FROM vinculo v JOIN profissional p ON p.id = v.profissional_id "
                                  "WHERE p.cns = '700000000000218' AND v.competencia = 202508"), ==, 20);
  g_assert_cmpint (sql_int (both, "SELECT count(*) FROM vinculo WHERE competencia = 202508"), ==, 2);
}

/* kill -9 while A′ replaces A: afterwards the database is A's or A′'s, never a mix. */
static void
test_reimport_killed (void)
{
  g_autofree char *a = new_path ("sint-a");
  g_autofree char *a_prime = new_path ("sint-a-linha");
  g_autofree char *db = new_db ("reimport-kill.db");
  g_autofree char *ref_a = new_db ("reimport-ref-a.db");
  g_autofree char *ref_b = new_db ("reimport-ref-b.db");
  g_autofree char *view_a = NULL;
  g_autofree char *view_b = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  CnesSynthOptions options_a = { 43, 400, 7, 20000, 202508, 5 };
  CnesSynthOptions options_b = { 43, 300, 7, 20000, 202508, 6 };
  const char *cli = g_getenv ("COORDENA_CLI");
  guint n_killed = 0, n_a = 0, n_b = 0;
  gint64 start, duration;

  g_assert_true (cnes_synth_write (a, &options_a, NULL, &error));
  g_assert_true (cnes_synth_write (a_prime, &options_b, NULL, &error));
  g_assert_no_error (error);
  RUN_OK (ref_a, "import", "cnes", a, "--uf", "RS", "--competencia", "202508");
  start = g_get_monotonic_time ();
  RUN_OK (ref_b, "import", "cnes", a_prime, "--uf", "RS", "--competencia", "202508");
  duration = g_get_monotonic_time () - start;
  view_a = user_view (ref_a);
  view_b = user_view (ref_b);
  g_assert_cmpstr (view_a, !=, view_b);

  for (int i = 0; i < 12; i++)
    {
      const char *argv[] = { cli, "--db", db, "import", "cnes", i % 2 == 0 ? a_prime : a, "--uf", "RS",
                             "--competencia", "202508", NULL };
      g_autoptr(GSubprocess) proc = NULL;
      g_autofree char *view = NULL;
      g_autofree char *check = NULL;

      if (i == 0)
        RUN_OK (db, "import", "cnes", a, "--uf", "RS", "--competencia", "202508");
      proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
      g_assert_no_error (error);
      g_usleep ((gulong) g_rand_int_range (rand, (gint32) (duration / 3), (gint32) (duration * 3 / 2)));
      g_subprocess_send_signal (proc, SIGKILL);
      g_subprocess_wait (proc, NULL, NULL);
      if (g_subprocess_get_if_signaled (proc))
        n_killed++;
      check = sql_text (db, "PRAGMA integrity_check");
      g_assert_cmpstr (check, ==, "ok");
      view = user_view (db);
      if (g_str_equal (view, view_a))
        n_a++;
      else if (g_str_equal (view, view_b))
        n_b++;
      else
        {
          g_test_message ("after kill %d the database is neither A nor A′", i);
          g_test_fail ();
          return;
        }
      /* Whichever it is, the next import starts from there. */
    }
  g_test_message ("12 re-imports killed at random (%u before they ended): A after %u, A′ after %u", n_killed, n_a,
                  n_b);
  g_assert_cmpuint (n_killed, >, 0);
}

/* ---- 3. Purge: a clean file or an honest refusal ----------------------------------------------------- */

static void
test_purge_with_reader (void)
{
  g_autofree char *base = fixture_base ();
  g_autofree char *db = new_db ("purge.db");
  g_autofree char *copies = new_path ("copias");
  g_autofree char *copy = g_build_filename (copies, "copia.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *before = NULL;
  g_auto(Run) refused = { 0 };
  g_auto(Run) done = { 0 };
  g_auto(Run) restore = { 0 };
  Shell *reader;
  GStatBuf st;

  RUN_OK (db, "import", "cnes", base, "--uf", "RS", "--competencia", "202508");
  g_assert_cmpint (g_mkdir_with_parents (copies, 0700), ==, 0);
  RUN_OK (db, "backup", copy);
  RUN (&restore, db, "restore", copy);
  g_assert_cmpint (restore.status, ==, 0);
  g_assert_true (file_has (db, "700000000000102") || file_has (wal, "700000000000102"));

  /* An SQLite browser reading the database: the file cannot be rewritten. */
  reader = shell_hold (db, "BEGIN; SELECT count(*) FROM profissional;");
  before = dump_db (db);
  RUN (&refused, db, "purge-personal-data", "--yes");
  g_test_message ("%s", refused.err);
  assert_refusal (&refused, 1, "sqlite3 (processo");
  g_assert_nonnull (strstr (refused.err, "Nada foi alterado"));
  shell_release (reader);
  {
    g_autofree char *after = dump_db (db);

    g_assert_cmpstr (after, ==, before);
  }

  RUN (&done, db, "purge-personal-data", "--yes");
  g_assert_cmpint (done.status, ==, 0);
  g_assert_false (file_has (db, "700000000000102"));
  g_assert_false (file_has (db, "800000000000605"));
  g_assert_false (file_has (db, "GLÓRIA ANTIGA"));
  g_assert_false (file_has (db, "GL\xd3RIA ANTIGA"));
  g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);
  /* The copies that still hold the data are named: the backup and the restore's safety copy. */
  g_assert_nonnull (strstr (done.err, copy));
  g_assert_nonnull (strstr (done.err, ".before-restore-"));
}

/* ---- 5. Restore and open check the schema ----------------------------------------------------------- */

static void
test_restore_altered (void)
{
  static const struct {
    const char *what;
    const char *sql;
  } alterations[] = {
    { "vinculo dropped", "DROP TABLE vinculo;" },
    { "CHECK removed, horas = -5",
      "PRAGMA foreign_keys = OFF; CREATE TABLE v2 (equipe_id INTEGER NOT NULL, competencia INTEGER NOT NULL, "
      "profissional_id INTEGER NOT NULL REFERENCES profissional (id), cbo TEXT NOT NULL, horas INTEGER NOT NULL, "
      "PRIMARY KEY (equipe_id, competencia, profissional_id, cbo), FOREIGN KEY (equipe_id, competencia) "
      "REFERENCES equipe_competencia (equipe_id, competencia) ON DELETE CASCADE) WITHOUT ROWID; "
      "INSERT INTO v2 SELECT equipe_id, competencia, profissional_id, cbo, -5 FROM vinculo; DROP TABLE vinculo; "
      "ALTER TABLE v2 RENAME TO vinculo; CREATE INDEX vinculo_profissional ON vinculo (profissional_id, competencia);" },
    { "extra table with a CNS", "CREATE TABLE guardado (cns TEXT); INSERT INTO guardado VALUES ('700000000000102');" },
    { "extra column", "ALTER TABLE profissional ADD COLUMN cpf TEXT;" },
  };
  g_autofree char *base = fixture_base ();
  g_autofree char *db = new_db ("restore-target.db");

  RUN_OK (db, "import", "cnes", base, "--uf", "RS", "--competencia", "202508");
  for (guint i = 0; i < G_N_ELEMENTS (alterations); i++)
    {
      g_autofree char *name = g_strdup_printf ("alterada-%u.db", i);
      g_autofree char *copy = new_path (name);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_auto(Run) restore = { 0 };
      g_auto(Run) open = { 0 };

      RUN_OK (db, "backup", copy);
      before = dump_db (db);
      sql_exec (copy, alterations[i].sql);
      RUN (&restore, db, "restore", copy);
      g_test_message ("%s: %s", alterations[i].what, restore.err);
      assert_refusal (&restore, 1, "não tem a estrutura que o Coordena dá aos seus bancos");
      after = dump_db (db);
      g_assert_cmpstr (after, ==, before);
      /* Opened directly, the altered file is refused the same way, and not changed. */
      g_free (before);
      before = dump_db (copy);
      RUN (&open, copy, "teams");
      assert_refusal (&open, 1, "não tem a estrutura que o Coordena dá aos seus bancos");
      g_free (after);
      after = dump_db (copy);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_restore_other_state (void)
{
  g_autofree char *rs = new_db ("estado-rs.db");
  g_autofree char *sc = new_path ("estado-sc.db");
  g_autofree char *copy = new_path ("copia-sc.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *uf = NULL;
  g_auto(Run) refused = { 0 };
  g_auto(Run) allowed = { 0 };

  RUN_OK (sc, "init", "--uf", "SC");
  RUN_OK (sc, "backup", copy);
  before = dump_db (rs);
  RUN (&refused, rs, "restore", copy);
  assert_refusal (&refused, 1, "--outro-estado");
  after = dump_db (rs);
  g_assert_cmpstr (after, ==, before);
  RUN (&allowed, rs, "restore", "--outro-estado", copy);
  g_assert_cmpint (allowed.status, ==, 0);
  uf = sql_text (rs, "SELECT value FROM profile WHERE key = 'uf'");
  g_assert_cmpstr (uf, ==, "SC");
}

/* ---- 7. Locks: bounded waits, clear refusals ---------------------------------------------------------- */

static void
test_restore_locked (void)
{
  g_autofree char *db = new_db ("lock.db");
  g_autofree char *copy = new_path ("lock-copia.db");
  g_autofree char *before = NULL;
  g_auto(Run) restore = { 0 };
  g_auto(Run) profile = { 0 };
  gint64 start;
  Shell *writer;

  RUN_OK (db, "backup", copy);
  RUN_OK (db, "profile", "set", "secretaria.nome", "Secretaria da Saúde");
  writer = shell_hold (db, "BEGIN IMMEDIATE; INSERT INTO profile (key, value) VALUES ('x', 'y');");
  start = g_get_monotonic_time ();
  RUN (&restore, db, "restore", copy);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
  assert_refusal (&restore, 1, "está em uso por outro programa, sqlite3 (processo");
  start = g_get_monotonic_time ();
  RUN (&profile, db, "profile", "set", "secretaria.nome", "Outra");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  assert_refusal (&profile, 1, "está em uso por outro programa");
  shell_release (writer);
  before = sql_text (db, "SELECT value FROM profile WHERE key = 'secretaria.nome'");
  g_assert_cmpstr (before, ==, "Secretaria da Saúde");
}

/* Several writers at once: each finishes or is refused in words; the database stays sound. */
static void
test_concurrent_writers (void)
{
  g_autofree char *db = new_db ("concorrente.db");
  g_autofree char *base = fixture_base ();
  g_autofree char *csv = new_path ("concorrente.csv");
  g_autofree char *check = NULL;
  const char *cli = g_getenv ("COORDENA_CLI");
  GSubprocess *procs[8];
  guint n_ok = 0, n_refused = 0;

  write_text (csv, ROSTER_HEADER "202507;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;40\n");
  for (guint i = 0; i < G_N_ELEMENTS (procs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = g_strdup_printf ("Secretaria %u", i);
      const char *import_cnes[] = { cli, "--db", db, "import", "cnes", base, "--uf", "RS", "--competencia", "202508", NULL };
      const char *import_roster[] = { cli, "--db", db, "import", "roster", csv, NULL };
      const char *profile[] = { cli, "--db", db, "profile", "set", "secretaria.nome", value, NULL };
      const char *const *argv = i % 3 == 0 ? import_cnes : i % 3 == 1 ? import_roster : profile;

      procs[i] = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (procs); i++)
    {
      g_autofree char *err = NULL;

      g_subprocess_communicate_utf8 (procs[i], NULL, NULL, NULL, &err, NULL);
      if (g_subprocess_get_exit_status (procs[i]) == 0)
        n_ok++;
      else
        {
          Run r = { g_subprocess_get_exit_status (procs[i]), (char *) "", err };

          assert_refusal (&r, 1, "está em uso por outro programa");
          n_refused++;
        }
      g_object_unref (procs[i]);
    }
  check = sql_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_test_message ("%u concurrent writers: %u done, %u refused in words", (guint) G_N_ELEMENTS (procs), n_ok, n_refused);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM equipe_competencia WHERE competencia = 202507"), ==, 1);
}

/* ---- 8 and 9. What is wrong, told apart, in Portuguese --------------------------------------------------- */

static void
test_diagnosis (void)
{
  g_autofree char *base = fixture_base ();
  g_autofree char *db = new_db ("diagnostico.db");
  g_autofree char *folder = new_path ("somente-leitura");
  g_autofree char *ro_db = g_build_filename (folder, "banco.db", NULL);
  g_autofree char *text = new_path ("texto.db");
  g_autofree char *newer = new_path ("nova.db");
  g_autofree char *damaged = new_path ("danificado.db");
  g_autofree char *not_zip = new_path ("BASE_DE_DADOS_CNES_202508.ZIP");
  g_auto(Run) locked = { 0 };
  g_auto(Run) ro_folder = { 0 };
  g_auto(Run) ro_file = { 0 };
  g_auto(Run) not_db = { 0 };
  g_auto(Run) new_version = { 0 };
  g_auto(Run) broken = { 0 };
  g_auto(Run) zip = { 0 };
  Shell *exclusive;

  RUN_OK (db, "import", "cnes", base, "--uf", "RS", "--competencia", "202508");

  /* Another program holds an exclusive lock: in use, not damaged. */
  exclusive = shell_hold (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; SELECT count(*) FROM equipe;");
  RUN (&locked, db, "teams");
  assert_refusal (&locked, 1, "está em uso por outro programa");
  shell_release (exclusive);

  /* A read-only folder, and a read-only file. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  RUN_OK (ro_db, "init", "--uf", "RS");
  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (folder, 65534, 65534), ==, 0);
      g_assert_cmpint (chown (ro_db, 65534, 65534), ==, 0);
      g_assert_cmpint (chmod (tmp_dir, 0755), ==, 0);
    }
  g_assert_cmpint (chmod (folder, 0555), ==, 0);
  RUN_AS (&ro_folder, AS_NOBODY, ro_db, "teams");
  assert_refusal (&ro_folder, 1, "somente leitura");
  g_assert_cmpint (chmod (folder, 0755), ==, 0);
  g_assert_cmpint (chmod (ro_db, 0400), ==, 0);
  RUN_AS (&ro_file, AS_NOBODY, ro_db, "profile", "set", "secretaria.nome", "X");
  assert_refusal (&ro_file, 1, "somente leitura");
  g_assert_cmpint (chmod (ro_db, 0600), ==, 0);

  /* Not a database; a newer version; a damaged file. */
  write_text (text, "competencia;ibge\n202508;4314902\numa planilha renomeada, não um banco de dados.........\n");
  RUN (&not_db, text, "teams");
  assert_refusal (&not_db, 1, "não é um banco de dados do Coordena");
  {
    gsize len = 0;
    g_autofree char *bytes = NULL;

    RUN_OK (db, "backup", newer);
    sql_exec (newer, "PRAGMA user_version = 999");
    RUN (&new_version, newer, "teams");
    assert_refusal (&new_version, 1, "versão mais nova do Coordena");

    RUN_OK (db, "backup", damaged);
    g_assert_true (g_file_get_contents (damaged, &bytes, &len, NULL));
    /* The root page of every table but the first overwritten: quick_check fails. */
    for (gsize i = 4096 * 3; i < len && i < 4096 * 40; i++)
      bytes[i] = (char) 0x5a;
    g_assert_true (g_file_set_contents (damaged, bytes, (gssize) len, NULL));
    RUN (&broken, damaged, "teams");
    assert_refusal (&broken, 1, "danificado");
  }

  /* libarchive's English only in parentheses. */
  write_text (not_zip, "isto não é um ZIP\n");
  RUN (&zip, db, "import", "cnes", not_zip, "--uf", "RS", "--competencia", "202508");
  assert_refusal (&zip, 1, "não é um arquivo ZIP");
}

/* A disk that fills during an import: a small tmpfs in a private mount namespace (unshare), so
 * no privilege is needed. The database is copied in, the import runs there, and what is left of
 * it is checked there. */
static void
test_disk_full (void)
{
  g_autofree char *db = new_db ("cheio.db");
  g_autofree char *csv = new_path ("grande.csv");
  g_autofree char *mount_dir = new_path ("disco-pequeno");
  g_autofree char *err_path = new_path ("cheio.err");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GString) rows = g_string_new (ROSTER_HEADER);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  const char *script =
    "mount -t tmpfs -o size=720k tmpfs \"$1\" || exit 77\n"
    "cp \"$2\" \"$1/banco.db\" || exit 78\n"
    "\"$COORDENA_CLI\" --db \"$1/banco.db\" import roster \"$3\" >/dev/null 2>\"$4\"\n"
    "echo \"status=$?\"\n"
    "sqlite3 \"$1/banco.db\" 'PRAGMA integrity_check; SELECT count(*) FROM equipe;'\n";
  Run r = { 0 };

  for (guint i = 0; i < 3000; i++)
    {
      static const char *const cns[] = { "700000000000102", "700000000000218", "700000000000307" };

      g_string_append_printf (rows, "202508;4314902;2000016;%010u;eSF;%s;Pessoa %u com um nome longo;225142;40\n",
                              1000000 + i, cns[i % 3], i);
    }
  write_text (csv, rows->str);
  g_assert_cmpint (g_mkdir_with_parents (mount_dir, 0700), ==, 0);
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, "unshare",
                           "-Urm", "sh", "-c", script, "sh", mount_dir, db, csv, err_path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (proc) || g_subprocess_get_exit_status (proc) == 77
      || strstr (out, "status=") == NULL)
    {
      g_test_skip ("no private mount namespace here (unshare -Urm) to make a small disk");
      return;
    }
  err = read_text (err_path);
  r.status = (int) g_ascii_strtoll (strstr (out, "status=") + 7, NULL, 10);
  r.out = (char *) "";
  r.err = err;
  assert_refusal (&r, 1, "está cheio");
  /* Nothing half-written: the database is sound and holds no team of the refused import. */
  g_assert_nonnull (strstr (out, "\nok\n0\n"));
}

/* ---- 10. Bad input is refused with where and what ------------------------------------------------------- */

static char *
edit_header_only (const char *table, const char *text)
{
  if (g_str_has_prefix (table, "tbEquipe"))
    return g_strndup (text, (gsize) (strchr (text, '\n') - text + 1));
  return NULL;
}

/* The professional tables as a spreadsheet re-saves them: UTF-8. */
static char *
edit_utf8 (const char *table, const char *text)
{
  return g_convert (text, -1, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
}

/* One CO_PROFISSIONAL_SUS with a second row carrying another CNS. */
static char *
edit_two_cns (const char *table, const char *text)
{
  if (g_str_has_prefix (table, "tbDadosProfissionalSus"))
    return g_strconcat (text, "\"A0000002B\";\"MARIA APARECIDA\";\"00000000001\";\"700000000000307\";\"12/08/2025\";"
                              "\"CNESUSER\";\"\";\"12/08/2025\"\r\n", NULL);
  return NULL;
}

static void
test_bad_input (void)
{
  g_autofree char *base = fixture_base ();
  g_autofree char *header_only = copy_base ("base-so-cabecalho", edit_header_only);
  g_autofree char *utf8 = copy_base ("base-utf8", edit_utf8);
  g_autofree char *two_cns = copy_base ("base-dois-cns", edit_two_cns);
  g_autofree char *db = new_db ("entrada.db");
  g_autofree char *db_utf8 = new_db ("entrada-utf8.db");
  g_autofree char *dup = new_path ("duplicado.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *name = NULL;
  g_auto(Run) old = { 0 };
  g_auto(Run) empty = { 0 };
  g_auto(Run) twice = { 0 };
  g_auto(Run) warn = { 0 };
  g_auto(Run) newline = { 0 };
  g_auto(Run) escape = { 0 };
  g_auto(Run) show = { 0 };

  RUN_OK (db, "import", "cnes", base, "--uf", "RS", "--competencia", "202508");
  before = dump_db (db);
  RUN (&old, db, "import", "cnes", base, "--uf", "RS", "--competencia", "199001");
  assert_refusal (&old, 1, "não tem nenhuma equipe de RS ativa na competência 01/1990");
  RUN (&empty, db, "import", "cnes", header_only, "--uf", "RS", "--competencia", "202508");
  assert_refusal (&empty, 1, "não tem nenhuma equipe de RS ativa na competência 08/2025");
  after = dump_db (db);
  g_assert_cmpstr (after, ==, before);

  RUN_OK (db_utf8, "import", "cnes", utf8, "--uf", "RS", "--competencia", "202508");
  name = sql_text (db_utf8, "SELECT nome FROM profissional WHERE cns = '700000000000102'");
  g_assert_cmpstr (name, ==, "JOÃO CARLOS DA SILVA");
  g_free (name);
  name = sql_text (db_utf8, "SELECT nome FROM equipe WHERE ine = '0001111116'");
  g_assert_cmpstr (name, ==, "ESF Vila São José; Área 2");

  write_text (dup, ROSTER_HEADER
              "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;40\n"
              "202508;4314902;2000016;0001111116;eSF;700000000000218;Bia;223565;40\n"
              "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;20\n");
  g_free (before);
  before = dump_db (db);
  RUN (&twice, db, "import", "roster", dup);
  assert_refusal (&twice, 1, "linha 2");
  g_assert_nonnull (strstr (twice.err, ":4:"));
  g_free (after);
  after = dump_db (db);
  g_assert_cmpstr (after, ==, before);

  RUN (&warn, db, "import", "cnes", two_cns, "--uf", "RS", "--competencia", "202508");
  g_assert_cmpint (warn.status, ==, 0);
  g_assert_nonnull (strstr (warn.out, "o profissional A0000002B tem o CNS"));

  RUN (&newline, db, "profile", "set", "secretaria.nome", "Secretaria\nda Saúde");
  assert_refusal (&newline, 1, "caractere de controle");
  RUN (&escape, db, "profile", "set", "secretaria.nome", "Secretaria \033[31mvermelha");
  assert_refusal (&escape, 1, "caractere de controle");
  /* One saved before this check is shown without the escape reaching the terminal. */
  sql_exec (db, "INSERT OR REPLACE INTO profile (key, value) VALUES ('secretaria.nome', 'A' || char (27) || '[2J')");
  RUN (&show, db, "profile", "show");
  g_assert_cmpint (show.status, ==, 0);
  g_assert_null (strchr (show.out, '\033'));
}

/* ---- 11. Files and modes ----------------------------------------------------------------------------- */

static void
test_files_and_modes (void)
{
  g_autofree char *db = new_db ("modos.db");
  g_autofree char *empty = new_path ("vazio.db");
  g_autofree char *missing = new_path ("nao-existe.db");
  g_autofree char *dash = new_path ("-arquivo.db");
  g_autofree char *leftover = g_strconcat (db, ".before-restore-20261206-101010.bak.tmp", NULL);
  g_autofree char *old_cwd = g_get_current_dir ();
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) on_empty = { 0 };
  g_auto(Run) on_missing = { 0 };
  g_auto(Run) backup_dash = { 0 };
  GStatBuf st;

  sql_exec (db, "SELECT 1");
  g_assert_cmpint (chmod (db, 0644), ==, 0);
  RUN (&first, db, "teams");
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.err, "privados"));
  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *side = g_strconcat (db, i == 0 ? "-wal" : "-shm", NULL);

      if (g_stat (side, &st) == 0)
        g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }
  RUN (&second, db, "teams");
  g_assert_null (strstr (second.err, "privados"));

  write_text (empty, "");
  RUN (&on_empty, empty, "teams");
  assert_refusal (&on_empty, 1, "é um arquivo vazio");
  g_assert_cmpint (g_stat (empty, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  RUN (&on_missing, missing, "teams");
  assert_refusal (&on_missing, 1, "Não há banco de dados");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* A database of an older schema is not migrated by a command that only reads. */
  {
    g_autofree char *old = new_path ("esquema-antigo.db");
    g_autofree char *migration = g_test_build_filename (G_TEST_DIST, "..", "data", "sql", "001_schema.sql", NULL);
    g_autofree char *sql = read_text (migration);
    g_autofree char *copy = g_strconcat (old, ".v1.bak", NULL);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_auto(Run) on_old = { 0 };

    sql_exec (old, "PRAGMA application_id = 1131376498; PRAGMA user_version = 1;");
    sql_exec (old, sql);
    before = dump_db (old);
    RUN (&on_old, old, "teams");
    assert_refusal (&on_old, 1, "tem o esquema antigo 1");
    after = dump_db (old);
    g_assert_cmpstr (after, ==, before);
    g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  }

  g_assert_cmpint (g_chdir (tmp_dir), ==, 0);
  RUN (&backup_dash, db, "backup", "--", "-arquivo.db");
  g_assert_cmpint (g_chdir (old_cwd), ==, 0);
  assert_refusal (&backup_dash, 2, "começa com “-”");
  g_assert_false (g_file_test (dash, G_FILE_TEST_EXISTS));

  /* A restore killed while it copied the database leaves this; the next open removes it. */
  write_text (leftover, "SQLite format 3 ... 700000000000102 ...");
  RUN_OK (db, "teams");
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));
}

/* kill -9 during restores: the database is the old or the restored one, and no partial copy
 * holding its data is left once it is opened again. */
static void
test_restore_killed (void)
{
  g_autofree char *base = new_path ("sint-restore");
  g_autofree char *db = new_db ("restore-kill.db");
  g_autofree char *copy = new_path ("restore-kill-copia.db");
  g_autofree char *dir = g_path_get_dirname (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  CnesSynthOptions options = { 43, 600, 8, 10000, 202508, 9 };
  const char *cli = g_getenv ("COORDENA_CLI");
  guint n_killed = 0;
  gint64 start, duration, n_teams;

  g_assert_true (cnes_synth_write (base, &options, NULL, &error));
  g_assert_no_error (error);
  RUN_OK (db, "import", "cnes", base, "--uf", "RS", "--competencia", "202508");
  n_teams = sql_int (db, "SELECT count(*) FROM equipe_competencia WHERE competencia = 202508");
  g_assert_cmpint (n_teams, >, 500);
  RUN_OK (db, "backup", copy);
  start = g_get_monotonic_time ();
  RUN_OK (db, "restore", copy);
  duration = g_get_monotonic_time () - start;

  for (int i = 0; i < 10; i++)
    {
      const char *argv[] = { cli, "--db", db, "restore", copy, NULL };
      g_autoptr(GSubprocess) proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                                             | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
      g_autoptr(GDir) d = NULL;
      g_autofree char *check = NULL;
      const char *name;

      g_assert_no_error (error);
      g_usleep ((gulong) g_rand_int_range (rand, 0, (gint32) duration));
      g_subprocess_send_signal (proc, SIGKILL);
      g_subprocess_wait (proc, NULL, NULL);
      if (g_subprocess_get_if_signaled (proc))
        n_killed++;
      RUN_OK (db, "teams");
      check = sql_text (db, "PRAGMA integrity_check");
      g_assert_cmpstr (check, ==, "ok");
      g_assert_cmpint (sql_int (db, "SELECT count(*) FROM equipe_competencia WHERE competencia = 202508"), ==, n_teams);
      d = g_dir_open (dir, 0, NULL);
      while ((name = g_dir_read_name (d)) != NULL)
        g_assert_false (g_str_has_prefix (name, "restore-kill.db") && g_str_has_suffix (name, ".bak.tmp"));
    }
  g_test_message ("10 restores killed at random, %u before they ended: all sound, no partial copy left", n_killed);
}

/* ---- Files the user names for writing ------------------------------------------------------------ */

/* Every command that writes a file the user names refuses the database and its own files, under any
 * name that reaches them (relative, through a link, a hard link), and leaves them as they were. */
static void
test_output_is_database (void)
{
  g_autofree char *base = fixture_base ();
  g_autofree char *dir = new_path ("saida");
  g_autofree char *db = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autofree char *reg = NULL;
  g_autofree char *symlinked = NULL;
  g_autofree char *hard = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *before = NULL;
  g_autofree char *fine = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = g_build_filename (dir, "estado.db", NULL);
  wal = g_strconcat (db, "-wal", NULL);
  shm = g_strconcat (db, "-shm", NULL);
  reg = g_strconcat (db, ".oficios.log", NULL);
  symlinked = g_build_filename (dir, "atalho.db", NULL);
  hard = g_build_filename (dir, "outro-nome.db", NULL);
  relative = g_build_filename (dir, "..", "saida", ".", "estado.db", NULL);
  RUN_OK (db, "init", "--uf", "RS");
  RUN_OK (db, "import", "cnes", base, "--uf", "RS", "--competencia", "202508");
  write_text (reg, "registro\n");
  g_assert_cmpint (symlink (db, symlinked), ==, 0);
  g_assert_cmpint (link (db, hard), ==, 0);
  before = dump_db (db);

  {
    const char *const targets[] = { db, wal, shm, reg, symlinked, hard, relative };

    for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
      {
        const char *const *commands[] = {
          (const char *const[]) { "export", "roster", targets[t], NULL },
          (const char *const[]) { "export", "equipes", targets[t], NULL },
          (const char *const[]) { "forecast", "-o", targets[t], NULL },
          (const char *const[]) { "report", "forecast", "-o", targets[t], NULL },
          (const char *const[]) { "backup", targets[t], NULL },
          (const char *const[]) { "oficio", "generate", "--offer", "coordenacao-cuidado-2025", "--signer", "coordenador",
                                  "-o", targets[t], NULL },
          (const char *const[]) { "oficio", "export", "1/2026", "-o", targets[t], NULL },
          (const char *const[]) { "notificacao", "generate", "--signer", "coordenador", "-o", dir, "--combinado",
                                  targets[t], NULL },
          (const char *const[]) { "notificacao", "export", "1/2026", "-o", targets[t], NULL },
        };

        for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
          {
            g_auto(Run) r = { 0 };
            g_autofree char *after = NULL;

            g_test_message ("%s %s → %s", commands[c][0], commands[c][1], targets[t]);
            run_argv (&r, AS_SELF, db, commands[c]);
            assert_refusal (&r, 1, "é o próprio banco de dados (ou um arquivo dele): escolha outro nome");
            after = dump_db (db);
            g_assert_cmpstr (after, ==, before);
            g_assert_true (file_has (reg, "registro"));
          }
      }
  }
  /* A name that only begins like the database's is another file. */
  fine = g_strconcat (db, ".csv", NULL);
  RUN_OK (db, "export", "roster", fine);
  g_assert_true (g_file_test (fine, G_FILE_TEST_IS_REGULAR));
}

/* Another database of the secretariat, a backup copy and the state's register of numbers are never
 * written over by a command that writes a file, whatever database is open. */
static void
test_output_is_another_database (void)
{
  g_autofree char *a = new_db ("precioso-a.db");
  g_autofree char *b = new_db ("precioso-b.db");
  g_autofree char *copy = g_build_filename (tmp_dir, "precioso-copia.db", NULL);
  g_autofree char *reg = g_build_filename (tmp_dir, "oficios-RS.log", NULL);
  g_autofree char *b_before = NULL;
  g_autofree char *copy_before = NULL;

  RUN_OK (a, "backup", copy);
  write_text (reg, "registro\n");
  b_before = dump_db (b);
  copy_before = dump_db (copy);
  {
    const char *const targets[] = { b, copy };

    for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
      {
        const char *const *commands[] = {
          (const char *const[]) { "export", "roster", targets[t], NULL },
          (const char *const[]) { "forecast", "-o", targets[t], NULL },
          (const char *const[]) { "backup", targets[t], NULL },
        };

        for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
          {
            g_auto(Run) r = { 0 };

            run_argv (&r, AS_SELF, a, commands[c]);
            assert_refusal (&r, 1, "é um banco de dados (outro, ou uma cópia de segurança): nunca se grava por cima dele");
          }
      }
  }
  {
    g_auto(Run) r = { 0 };

    RUN (&r, a, "export", "roster", reg);
    assert_refusal (&r, 1, "é um registro dos números de ofício emitidos");
  }
  {
    g_autofree char *b_after = dump_db (b);
    g_autofree char *copy_after = dump_db (copy);

    g_assert_cmpstr (b_after, ==, b_before);
    g_assert_cmpstr (copy_after, ==, copy_before);
    g_assert_true (file_has (reg, "registro"));
  }
}

/* A demonstration's copy is never restored over a database of real data. */
static void
test_restore_demo_over_real (void)
{
  g_autofree char *real = new_db ("real-restaura.db");
  g_autofree char *demo = new_path ("demo-restaura.db");
  g_autofree char *copy = new_path ("demo-restaura-copia.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) r = { 0 };

  RUN_OK (demo, "init", "--uf", "RS", "--demo");
  RUN_OK (demo, "backup", copy);
  before = dump_db (real);
  RUN (&r, real, "restore", copy);
  assert_refusal (&r, 1, "é de um banco de dados de demonstração");
  after = dump_db (real);
  g_assert_cmpstr (after, ==, before);
}

/* A backup aimed at a folder or at no name says what is wrong in Portuguese. */
static void
test_backup_bad_names (void)
{
  g_autofree char *db = new_db ("copia-nomes.db");
  g_auto(Run) folder = { 0 };
  g_auto(Run) empty = { 0 };

  RUN (&folder, db, "backup", tmp_dir);
  assert_refusal (&folder, 1, "é uma pasta: dê o nome do arquivo da cópia dentro dela");
  g_assert_null (strstr (folder.err, "ocupado"));
  RUN (&empty, db, "backup", "");
  assert_refusal (&empty, 1, "Não foi dado o nome do arquivo da cópia");
  g_assert_null (strstr (empty.err, "inexistente"));
}

/* Overwrites pages in the middle of the file so quick_check fails. */
static void
damage (const char *path)
{
  gsize len = 0;
  g_autofree char *bytes = NULL;

  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  for (gsize i = 4096 * 3; i < len && i < 4096 * 40; i++)
    bytes[i] = (char) 0x5a;
  g_assert_true (g_file_set_contents (path, bytes, (gssize) len, NULL));
}

/* The refusal to open a damaged database says "restore a backup with coordena-cli restore": that
 * very command must be able to replace it, keeping the damaged file aside, private. */
static void
test_restore_over_damaged (void)
{
  g_autofree char *base = fixture_base ();
  g_autofree char *dir = new_path ("danificado");
  g_autofree char *db = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *bad_copy = NULL;
  g_autofree char *teams_before = NULL;
  g_autoptr(GDir) d = NULL;
  g_auto(Run) teams = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) restore = { 0 };
  g_auto(Run) after = { 0 };
  const char *name;
  guint aside = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = g_build_filename (dir, "p.db", NULL);
  copy = g_build_filename (dir, "copia.db", NULL);
  bad_copy = g_build_filename (dir, "copia-ruim.db", NULL);
  RUN_OK (db, "init", "--uf", "RS");
  RUN_OK (db, "import", "cnes", base, "--uf", "RS", "--competencia", "202508");
  RUN (&teams, db, "teams");
  teams_before = g_strdup (teams.out);
  RUN_OK (db, "backup", copy);
  RUN_OK (db, "backup", bad_copy);
  sql_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)");
  damage (db);
  damage (bad_copy);

  /* A damaged source is still refused, and the damaged database stays where it was. */
  RUN (&refused, db, "restore", bad_copy);
  assert_refusal (&refused, 1, "danificado");
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));

  RUN (&restore, db, "restore", copy);
  g_test_message ("%s%s", restore.out, restore.err);
  g_assert_cmpint (restore.status, ==, 0);
  g_assert_nonnull (strstr (restore.out, "estava danificado"));
  g_assert_nonnull (strstr (restore.out, "p.db.danificado-"));

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, "p.db.danificado-") && !g_str_has_suffix (name, "-wal")
        && !g_str_has_suffix (name, "-shm"))
      {
        g_autofree char *full = g_build_filename (dir, name, NULL);
        GStatBuf st;

        aside++;
        g_assert_cmpint (g_stat (full, &st), ==, 0);
        g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      }
  g_assert_cmpuint (aside, ==, 1);
  RUN (&after, db, "teams");
  g_assert_cmpint (after.status, ==, 0);
  g_assert_cmpstr (after.out, ==, teams_before);

  /* Its header overwritten, the file is still told as a damaged database of Coordena's, and the same
   * restore replaces it; a file that never was one is not taken for it. */
  {
    g_autofree char *headless = g_build_filename (dir, "sem-cabecalho.db", NULL);
    g_autofree char *pdf = new_path ("nao-e-banco.db");
    g_autofree char *pdf_before = NULL;
    g_autofree char *pdf_after = NULL;
    g_auto(Run) open_headless = { 0 };
    g_auto(Run) restore_headless = { 0 };
    g_auto(Run) headless_teams = { 0 };
    g_auto(Run) not_ours = { 0 };
    FILE *f;

    RUN_OK (headless, "init", "--uf", "RS");
    RUN_OK (headless, "import", "cnes", base, "--uf", "RS", "--competencia", "202508");
    sql_exec (headless, "PRAGMA wal_checkpoint(TRUNCATE)");
    f = fopen (headless, "r+b");
    g_assert_nonnull (f);
    g_assert_cmpint (fwrite ("lixo lixo lixo lixo lixo lixo lixo lixo lixo lixo lixo lixo lixo lixo", 1, 69, f), ==, 69);
    fclose (f);
    RUN (&open_headless, headless, "teams");
    assert_refusal (&open_headless, 1, "danificado (o cabeçalho");
    RUN (&restore_headless, headless, "restore", copy);
    g_test_message ("%s%s", restore_headless.out, restore_headless.err);
    g_assert_cmpint (restore_headless.status, ==, 0);
    g_assert_nonnull (strstr (restore_headless.out, "sem-cabecalho.db.danificado-"));
    RUN (&headless_teams, headless, "teams");
    g_assert_cmpstr (headless_teams.out, ==, teams_before);

    pdf_before = g_strnfill (8192, 'x');
    g_assert_true (g_file_set_contents (pdf, pdf_before, -1, NULL));
    RUN (&not_ours, pdf, "restore", copy);
    assert_refusal (&not_ours, 1, "não é um banco de dados do Coordena");
    g_assert_true (g_file_get_contents (pdf, &pdf_after, NULL, NULL));
    g_assert_cmpstr (pdf_after, ==, pdf_before);
  }
}

/* A backup whose vínculos point at professionals deleted by hand is refused, and nothing changes. */
static void
test_restore_dangling_rows (void)
{
  g_autofree char *base = fixture_base ();
  g_autofree char *db = new_db ("fk-alvo.db");
  g_autofree char *copy = new_path ("fk-copia.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) restore = { 0 };

  RUN_OK (db, "import", "cnes", base, "--uf", "RS", "--competencia", "202508");
  RUN_OK (db, "backup", copy);
  sql_exec (copy, "PRAGMA foreign_keys = OFF; DELETE FROM profissional;");
  g_assert_cmpint (sql_int (copy, "SELECT count(*) FROM vinculo"), >, 0);
  before = dump_db (db);
  RUN (&restore, db, "restore", copy);
  assert_refusal (&restore, 1, "que não existe");
  after = dump_db (db);
  g_assert_cmpstr (after, ==, before);
  /* Opened directly, the same file is refused and left as it was. */
  {
    g_auto(Run) open = { 0 };
    g_autofree char *copy_before = dump_db (copy);
    g_autofree char *copy_after = NULL;

    RUN (&open, copy, "teams");
    assert_refusal (&open, 1, "que não existe");
    copy_after = dump_db (copy);
    g_assert_cmpstr (copy_after, ==, copy_before);
  }
}

/* Two restores in the same second keep two copies of what they replaced. */
static void
test_restore_twice_same_second (void)
{
  g_autofree char *dir = new_path ("duas-vezes");
  g_autofree char *db = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint copies = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = g_build_filename (dir, "d.db", NULL);
  copy = g_build_filename (dir, "c.db", NULL);
  RUN_OK (db, "init", "--uf", "RS");
  RUN_OK (db, "backup", copy);
  /* COORDENA_TODAY fixes the clock to one instant: every restore falls in the same second. */
  RUN_OK (db, "restore", copy);
  RUN_OK (db, "restore", copy);
  RUN_OK (db, "restore", copy);
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, "d.db.before-restore-") && g_str_has_suffix (name, ".bak"))
      copies++;
  g_assert_cmpuint (copies, ==, 3);
}

/* A roster exported from a demonstration carries demonstracao=S: imported into a real database it
 * would set generated teams beside real ones. */
static void
test_demo_roster_into_real (void)
{
  g_autofree char *base = fixture_base ();
  g_autofree char *demo = new_path ("demo-exportada.db");
  g_autofree char *csv = new_path ("demo-exportada.csv");
  g_autofree char *db = new_db ("real-com-demo.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) r = { 0 };

  RUN_OK (demo, "init", "--uf", "RS", "--demo");
  RUN_OK (demo, "export", "roster", csv);
  g_assert_true (file_has (csv, ";S\n") || file_has (csv, ";S\r\n"));
  RUN_OK (db, "import", "cnes", base, "--uf", "RS", "--competencia", "202508");
  before = dump_db (db);
  RUN (&r, db, "import", "roster", csv);
  assert_refusal (&r, 1, "vem de uma demonstração");
  g_assert_nonnull (strstr (r.err, "Nada foi importado"));
  after = dump_db (db);
  g_assert_cmpstr (after, ==, before);

  /* The same file with its demonstracao column cut off by hand: the generated codes give it away. */
  {
    g_autofree char *stripped = new_path ("demo-sem-coluna.csv");
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    g_autoptr(GString) out = g_string_new (NULL);
    g_auto(Run) r2 = { 0 };
    g_autofree char *after2 = NULL;

    g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
    lines = g_strsplit (text, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      {
        char *cut = strrchr (lines[i], ';');

        if (*lines[i] == '\0')
          continue;
        if (cut != NULL)
          *cut = '\0';
        g_string_append_printf (out, "%s\n", lines[i]);
      }
    g_assert_null (strstr (out->str, "demonstracao"));
    g_assert_true (g_file_set_contents (stripped, out->str, -1, NULL));
    RUN (&r2, db, "import", "roster", stripped);
    assert_refusal (&r2, 1, "vem de uma demonstração");
    g_assert_nonnull (strstr (r2.err, "embora o arquivo não tenha a coluna demonstracao"));
    after2 = dump_db (db);
    g_assert_cmpstr (after2, ==, before);
  }
}

/* The demonstration never lands in the default database, not even named with --db; and a refusal
 * on a real database is not preceded by "pronto". */
static void
test_demo_init_guards (void)
{
  g_autofree char *data = new_path ("xdg-demo");
  g_autofree char *default_db = g_build_filename (data, "coordena", "coordena.db", NULL);
  g_autofree char *base = fixture_base ();
  g_autofree char *real = new_db ("real-demo-init.db");
  const char *const env[] = { "XDG_DATA_HOME", data, NULL };
  g_auto(Run) r = { 0 };
  g_auto(Run) on_real = { 0 };

  run_cli (&r, &(RunOptions) { .db = default_db, .env = env },
           (const char *const[]) { "init", "--uf", "SE", "--demo", NULL });
  assert_refusal (&r, 1, "é o seu banco de dados padrão");
  g_assert_true (!g_file_test (default_db, G_FILE_TEST_EXISTS)
                 || sql_int (default_db, "SELECT count(*) FROM sqlite_schema WHERE name = 'equipe'") <= 0
                 || sql_int (default_db, "SELECT count(*) FROM equipe") == 0);

  RUN_OK (real, "import", "cnes", base, "--uf", "RS", "--competencia", "202508");
  RUN (&on_real, real, "init", "--uf", "RS", "--demo");
  assert_refusal (&on_real, 1, "já tem um cadastro real");
  g_assert_null (strstr (on_real.out, "pronto"));
}

/* A copy made with a relative name from one folder, and purge run from another: the purge finds
 * it (the audit log records absolute names); an old relative entry is said to be unverifiable,
 * never "not there any more". */
static void
test_purge_relative_backup (void)
{
  g_autofree char *base = fixture_base ();
  g_autofree char *dir = new_path ("purga-relativa");
  g_autofree char *work = NULL;
  g_autofree char *elsewhere = NULL;
  g_autofree char *db = NULL;
  g_autofree char *copy = NULL;
  g_auto(Run) made = { 0 };
  g_auto(Run) purge = { 0 };

  work = g_build_filename (dir, "trabalho", NULL);
  elsewhere = g_build_filename (dir, "outra-pasta", NULL);
  g_assert_cmpint (g_mkdir_with_parents (work, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (elsewhere, 0700), ==, 0);
  db = g_build_filename (dir, "r.db", NULL);
  copy = g_build_filename (work, "copia-relativa.db", NULL);
  RUN_OK (db, "init", "--uf", "RS");
  RUN_OK (db, "import", "cnes", base, "--uf", "RS", "--competencia", "202508");
  run_cli (&made, &(RunOptions) { .db = db, .cwd = work },
           (const char *const[]) { "backup", "copia-relativa.db", NULL });
  g_assert_cmpint (made.status, ==, 0);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  /* What an older version recorded: the name as typed, in a folder that is not known. */
  sql_exec (db, "INSERT INTO auditoria (momento, usuario, acao, entidade) "
                "VALUES ('2026-01-01T00:00:00Z', 'x', 'backup', 'pasta-antiga/copia-velha.db')");

  run_cli (&purge, &(RunOptions) { .db = db, .cwd = elsewhere },
           (const char *const[]) { "purge-personal-data", "--yes", NULL });
  g_test_message ("%s%s", purge.out, purge.err);
  g_assert_cmpint (purge.status, ==, 0);
  g_assert_nonnull (strstr (purge.err, copy));
  g_assert_nonnull (strstr (purge.err, "ainda guarda os dados pessoais"));
  g_assert_nonnull (strstr (purge.err, "caminho relativo pasta-antiga/copia-velha.db"));
  g_assert_null (strstr (purge.err, "copia-relativa.db (segundo o registro"));
  g_assert_null (strstr (purge.err, "não está mais lá"));
}

/* A base value that came from an earlier file follows the latest file covering the team: A then A′
 * gives what A′ alone gives. A value set by hand after the last import stays. */
static void
test_reimport_base_value (void)
{
  static const char header[] = "competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria;valor_base\n";
  g_autofree char *with_base = new_path ("base-a.csv");
  g_autofree char *without = new_path ("base-a2.csv");
  g_autofree char *out_both = new_path ("base-both.csv");
  g_autofree char *out_only = new_path ("base-only.csv");
  g_autofree char *both = new_db ("base-both.db");
  g_autofree char *only = new_db ("base-only.db");
  g_autofree char *hand = new_db ("base-hand.db");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *text = NULL;

  text = g_strconcat (header,
                      "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;40;16833,33\n", NULL);
  write_text (with_base, text);
  g_free (text);
  text = g_strconcat (header, "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;40;\n", NULL);
  write_text (without, text);

  RUN_OK (both, "import", "roster", with_base);
  g_assert_cmpint (sql_int (both, "SELECT valor_base FROM equipe WHERE ine = '0001111116'"), ==, 1683333);
  RUN_OK (both, "import", "roster", without);
  RUN_OK (only, "import", "roster", without);
  g_assert_cmpint (sql_int (both, "SELECT count(*) FROM equipe WHERE valor_base IS NOT NULL"), ==, 0);
  RUN_OK (both, "export", "roster", out_both);
  RUN_OK (only, "export", "roster", out_only);
  a = read_text (out_both);
  b = read_text (out_only);
  g_assert_cmpstr (a, ==, b);

  /* Set by hand (as Equipes › Valor base does: the value and its audit entry) after the import. */
  RUN_OK (hand, "import", "roster", with_base);
  sql_exec (hand, "UPDATE equipe SET valor_base = 2000000 WHERE ine = '0001111116'; "
                  "INSERT INTO auditoria (momento, usuario, acao, entidade, antes, depois) VALUES "
                  "('2026-12-06T12:00:00Z', 'x', 'set-team-base', '0001111116', '{\"valor_base\": 1683333}', "
                  "'{\"valor_base\": 2000000}')");
  RUN_OK (hand, "import", "roster", without);
  g_assert_cmpint (sql_int (hand, "SELECT valor_base FROM equipe WHERE ine = '0001111116'"), ==, 2000000);
}

static void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          chmod (child, 0700);
          rm_rf (child);
        }
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* A device or a pipe named as the database or as a copy is refused before anything touches it:
 * opening would change its mode, and a copy is written by replacing the name. */
static void
test_not_ordinary_files (void)
{
  g_autofree char *fifo = new_path ("um-pipe");
  g_autofree char *link = new_path ("link-para-pipe.db");
  g_autofree char *db = new_db ("comum.db");
  g_auto(Run) r = { 0 };
  g_auto(Run) r2 = { 0 };
  g_auto(Run) r3 = { 0 };
  GStatBuf st;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink (fifo, link), ==, 0);
  RUN (&r, fifo, "init", "--uf", "RS");
  assert_refusal (&r, 1, "não é um arquivo comum");
  RUN (&r2, link, "init", "--uf", "RS");
  assert_refusal (&r2, 1, "não é um arquivo comum");
  g_assert_cmpint (g_stat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);

  RUN_OK (db, "init", "--uf", "RS");
  RUN (&r3, db, "backup", link);
  assert_refusal (&r3, 1, "não é um arquivo comum");
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpint (g_stat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  g_assert_nonnull (g_getenv ("COORDENA_CLI"));
  tmp_dir = g_dir_make_tmp ("coordena-hostile-store-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/hostile-store/reimport/cnes", test_reimport_cnes);
  g_test_add_func ("/hostile-store/reimport/roster", test_reimport_roster);
  g_test_add_func ("/hostile-store/reimport/killed", test_reimport_killed);
  g_test_add_func ("/hostile-store/purge/reader", test_purge_with_reader);
  g_test_add_func ("/hostile-store/restore/altered-schema", test_restore_altered);
  g_test_add_func ("/hostile-store/restore/other-state", test_restore_other_state);
  g_test_add_func ("/hostile-store/restore/killed", test_restore_killed);
  g_test_add_func ("/hostile-store/lock/restore-bounded", test_restore_locked);
  g_test_add_func ("/hostile-store/lock/concurrent-writers", test_concurrent_writers);
  g_test_add_func ("/hostile-store/diagnosis", test_diagnosis);
  g_test_add_func ("/hostile-store/diagnosis/disk-full", test_disk_full);
  g_test_add_func ("/hostile-store/input", test_bad_input);
  g_test_add_func ("/hostile-store/files", test_files_and_modes);
  g_test_add_func ("/hostile-store/output/is-database", test_output_is_database);
  g_test_add_func ("/hostile-store/output/is-another-database", test_output_is_another_database);
  g_test_add_func ("/hostile-store/restore/demo-over-real", test_restore_demo_over_real);
  g_test_add_func ("/hostile-store/output/backup-names", test_backup_bad_names);
  g_test_add_func ("/hostile-store/restore/over-damaged", test_restore_over_damaged);
  g_test_add_func ("/hostile-store/restore/dangling-rows", test_restore_dangling_rows);
  g_test_add_func ("/hostile-store/restore/same-second", test_restore_twice_same_second);
  g_test_add_func ("/hostile-store/demo/roster-into-real", test_demo_roster_into_real);
  g_test_add_func ("/hostile-store/demo/init-guards", test_demo_init_guards);
  g_test_add_func ("/hostile-store/purge/relative-backup", test_purge_relative_backup);
  g_test_add_func ("/hostile-store/reimport/base-value", test_reimport_base_value);
  g_test_add_func ("/hostile-store/not-ordinary-files", test_not_ordinary_files);
  status = g_test_run ();
  rm_rf (tmp_dir);
  return status;
}
