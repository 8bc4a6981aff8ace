/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile input, through the real coordena-cli on a real database: every file a user (or an
 * attacker) might hand the program — empty, truncated, huge, binary, badly encoded, out of range,
 * a ZIP bomb, a path-traversal entry, a rule of 150 %, an offer with no deadline, a PNG that is not
 * a PNG… Each case must be refused with the Portuguese message the user reads, exit code 1, a
 * bounded and valid UTF-8 message, and a database whose every table is exactly as before. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include <coordena/coordena.h>

#include "test-utils.h"

#define HEADER "competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria;provimento;valor_base;estrato_ied\n"
/* A row the importer accepts: Porto Alegre (RS), an eSF, a médico of 40 h. */
#define ROW(fields) fields "\n"
#define GOOD "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana Souza;225142;40;N;;\n"

static char *tmp_dir;
static char *base_db;   /* the database every case runs against */

/* ---- Running the CLI ---------------------------------------------------------------------------- */


/* Runs coordena-cli --db DB ARGS with XDG_DATA_HOME set to xdg (NULL: inherited). stdout and
 * stderr are read as bytes: a hostile input must not make them invalid, and that is checked. */
static void
cli (Run *r, const char *db, const char *xdg, const char *const *args)
{
  const char *const env[] = { xdg != NULL ? "XDG_DATA_HOME" : NULL, xdg, NULL };

  run_cli (r, &(RunOptions) { .db = db, .env = env, .raw = TRUE }, args);
}

static void
run_ok (const char *db, const char *const *args)
{
  g_auto(Run) r = { 0 };

  cli (&r, db, NULL, args);
  if (r.status != 0)
    g_error ("coordena-cli %s failed (%d):\n%s", args[0], r.status, r.err);
}

/* ---- The database's whole content -------------------------------------------------------------- */

/* Every table, every row in a stable order, and the schema version, as text. */
static char *
dump_db (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                                       -1, &st, NULL), ==, SQLITE_OK);
  while (sqlite3_step (st) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (st, 0)));
  sqlite3_finalize (st);
  g_assert_cmpuint (tables->len, >, 5);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &st, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  g_string_append_printf (out, "user_version %d\n", sqlite3_column_int (st, 0));
  sqlite3_finalize (st);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = NULL;
      g_autoptr(GString) order = g_string_new (NULL);
      int n_cols;

      sql = g_strdup_printf ("SELECT * FROM \"%s\" LIMIT 0", (const char *) tables->pdata[t]);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &st, NULL), ==, SQLITE_OK);
      n_cols = sqlite3_column_count (st);
      sqlite3_finalize (st);
      for (int c = 1; c <= n_cols; c++)
        g_string_append_printf (order, "%s%d", c > 1 ? ", " : "", c);
      g_free (sql);
      sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY %s", (const char *) tables->pdata[t], order->str);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &st, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "[%s]\n", (const char *) tables->pdata[t]);
      while (sqlite3_step (st) == SQLITE_ROW)
        {
          for (int c = 0; c < n_cols; c++)
            {
              if (sqlite3_column_type (st, c) == SQLITE_BLOB)
                {
                  g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, sqlite3_column_blob (st, c),
                                                                     (gsize) sqlite3_column_bytes (st, c));
                  g_string_append_printf (out, "blob:%s", sum);
                }
              else if (sqlite3_column_type (st, c) == SQLITE_NULL)
                g_string_append (out, "NULL");
              else
                g_string_append (out, (const char *) sqlite3_column_text (st, c));
              g_string_append_c (out, c + 1 < n_cols ? '|' : '\n');
            }
        }
      sqlite3_finalize (st);
    }
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- Inputs ----------------------------------------------------------------------------------- */

typedef struct {
  char *dir;    /* the case's own folder */
  char *xdg;    /* its XDG_DATA_HOME (user rules and offers) */
  char *db;     /* the database attacked, when not the shared one */
} Case;

static char *
case_file (Case *c, const char *name, const void *data, gssize len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (c->dir, name, NULL);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

/* A ZIP holding the given members (name, data, length; length −1: strlen). */
typedef struct {
  const char *name;
  const char *data;
  gssize len;
} ZipMember;

static void
zip_add (struct archive *a, const char *name, const void *data, gsize len)
{
  struct archive_entry *e = archive_entry_new ();

  archive_entry_set_pathname (e, name);
  archive_entry_set_filetype (e, AE_IFREG);
  archive_entry_set_perm (e, 0644);
  archive_entry_set_size (e, (la_int64_t) len);
  g_assert_cmpint (archive_write_header (a, e), ==, ARCHIVE_OK);
  if (len > 0)
    g_assert_cmpint (archive_write_data (a, data, len), ==, (la_ssize_t) len);
  archive_entry_free (e);
}

static struct archive *
zip_open (const char *path)
{
  struct archive *a = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (a), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  return a;
}

static void
zip_close (struct archive *a)
{
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
}

/* The fixture's CNES table files, read once. */
static char *
cnes_table (const char *table)
{
  g_autofree char *name = g_strdup_printf ("%s202508.csv", table);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "cnes", "base", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static const char *const cnes_tables[] = {
  "tbEquipe", "rlEstabEquipeProf", "tbCargaHorariaSus", "tbDadosProfissionalSus", "tbEstabelecimento",
};

/* The fixture's base as a ZIP, with one table replaced (table NULL: none) by data. */
static char *
cnes_zip (Case *c, const char *replace, const char *data, gsize len)
{
  char *path = g_build_filename (c->dir, "BASE_DE_DADOS_CNES_202508.ZIP", NULL);
  struct archive *a = zip_open (path);

  for (guint i = 0; i < G_N_ELEMENTS (cnes_tables); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s202508.csv", cnes_tables[i]);

      if (g_strcmp0 (replace, cnes_tables[i]) == 0)
        zip_add (a, name, data, len);
      else
        {
          g_autofree char *text = cnes_table (cnes_tables[i]);
          zip_add (a, name, text, strlen (text));
        }
    }
  zip_close (a);
  return path;
}

/* ---- The catalogue ------------------------------------------------------------------------------ */

/* Builds the case's input in c->dir and returns the command's arguments (after --db DB). */
typedef GStrv (*MakeFunc) (Case *c);

typedef struct {
  const char *id;
  const char *roster;     /* roster CSV text for `import roster` (when make is NULL) */
  MakeFunc make;
  const char *expect;     /* what stderr must say, in Portuguese */
  int status;             /* the exit code: 0 means 1 (refused); 2 for a usage error */
} HostileCase;

static GStrv
import_roster_args (const char *path)
{
  return g_strdupv ((char *[]) { "import", "roster", (char *) path, NULL });
}

static GStrv
import_cnes_args (const char *path)
{
  return g_strdupv ((char *[]) { "import", "cnes", (char *) path, "--uf", "RS", "--competencia", "202508", NULL });
}

static GStrv
make_empty (Case *c)
{
  g_autofree char *p = case_file (c, "vazio.csv", "", 0);
  return import_roster_args (p);
}

/* 10 MB of one field on one line. */
static GStrv
make_long_line (Case *c)
{
  gsize n = 10 * 1024 * 1024;
  g_autoptr(GString) s = g_string_sized_new (n + 256);
  g_autofree char *p = NULL;

  g_string_append (s, HEADER "202508;4314902;2000016;0001111116;eSF;700000000000102;");
  for (gsize i = 0; i < n; i++)
    g_string_append_c (s, 'A');
  g_string_append (s, ";225142;40;N;;\n");
  p = case_file (c, "linha-longa.csv", s->str, (gssize) s->len);
  return import_roster_args (p);
}

/* 10 MB with no newline at all, inside an open quote. */
static GStrv
make_open_quote_huge (Case *c)
{
  gsize n = 10 * 1024 * 1024;
  g_autoptr(GString) s = g_string_sized_new (n + 256);
  g_autofree char *p = NULL;

  g_string_append (s, HEADER "202508;4314902;2000016;0001111116;eSF;700000000000102;\"");
  for (gsize i = 0; i < n; i += 8)
    g_string_append (s, "x;\"\"\n\r;y");
  p = case_file (c, "aspas-gigantes.csv", s->str, (gssize) s->len);
  return import_roster_args (p);
}

static GStrv
make_nul (Case *c)
{
  static const char text[] = HEADER "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana\0Souza;225142;40;N;;\n";
  g_autofree char *p = case_file (c, "nul.csv", text, sizeof text - 1);
  return import_roster_args (p);
}

/* UTF-16 (what a spreadsheet's "Unicode text" writes). */
static GStrv
make_utf16 (Case *c)
{
  static const char utf8[] = HEADER GOOD;
  g_autoptr(GError) error = NULL;
  gsize n = 0;
  g_autofree char *utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &n, &error);
  g_autoptr(GString) s = g_string_new_len ("\xff\xfe", 2);
  g_autofree char *p = NULL;

  g_assert_no_error (error);
  g_string_append_len (s, utf16, (gssize) n);
  p = case_file (c, "utf16.csv", s->str, (gssize) s->len);
  return import_roster_args (p);
}

/* A PNG handed over as the roster. */
static GStrv
make_binary (Case *c)
{
  g_autofree char *png = g_test_build_filename (G_TEST_DIST, "fixtures", "oficio", "brasao.png", NULL);
  return import_roster_args (png);
}

static GStrv
make_directory (Case *c)
{
  return import_roster_args (c->dir);
}

static GStrv
make_missing_file (Case *c)
{
  g_autofree char *p = g_build_filename (c->dir, "nao-existe.csv", NULL);
  return import_roster_args (p);
}

/* More fields than any CSV of the product has. */
static GStrv
make_many_fields (Case *c)
{
  g_autoptr(GString) s = g_string_new (HEADER GOOD);
  g_autofree char *p = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (s, ";");
  g_string_append_c (s, '\n');
  p = case_file (c, "campos.csv", s->str, (gssize) s->len);
  return import_roster_args (p);
}

/* 200 000 rows, the last one broken: the whole file is refused, nothing half-imported. */
static GStrv
make_bad_last_of_many (Case *c)
{
  g_autoptr(GString) s = g_string_new (HEADER);
  g_autofree char *p = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append (s, GOOD);
  g_string_append (s, "202513;4314902;2000016;0001111116;eSF;700000000000102;Ana Souza;225142;40;N;;\n");
  p = case_file (c, "muitas.csv", s->str, (gssize) s->len);
  return import_roster_args (p);
}

static GStrv
make_zip_no_tables (Case *c)
{
  g_autofree char *p = g_build_filename (c->dir, "BASE_DE_DADOS_CNES_202508.ZIP", NULL);
  struct archive *a = zip_open (p);

  zip_add (a, "LEIAME.txt", "nada aqui\n", 10);
  zip_add (a, "tbMunicipio202508.csv", "CO_MUNICIPIO\n431490\n", 20);
  zip_close (a);
  return import_cnes_args (p);
}

/* tbEquipe inflates to 200 MB of one line: refused at the record limit, memory stays bounded. */
static GStrv
make_zip_bomb (Case *c)
{
  g_autofree char *p = g_build_filename (c->dir, "BASE_DE_DADOS_CNES_202508.ZIP", NULL);
  struct archive *a = zip_open (p);
  struct archive_entry *e = archive_entry_new ();
  static const char head[] = "\"CO_MUNICIPIO\";\"SEQ_EQUIPE\";\"CO_UNIDADE\";\"TP_EQUIPE\";\"DT_ATIVACAO\";\"DT_DESATIVACAO\"\n\"";
  gsize total = 200 * 1024 * 1024;
  g_autofree char *chunk = g_malloc (1024 * 1024);
  GStatBuf st;

  memset (chunk, 'A', 1024 * 1024);
  archive_write_zip_set_compression_deflate (a);
  archive_entry_set_pathname (e, "tbEquipe202508.csv");
  archive_entry_set_filetype (e, AE_IFREG);
  archive_entry_set_perm (e, 0644);
  archive_entry_set_size (e, (la_int64_t) (total + sizeof head - 1));
  g_assert_cmpint (archive_write_header (a, e), ==, ARCHIVE_OK);
  archive_write_data (a, head, sizeof head - 1);
  for (gsize done = 0; done < total; done += 1024 * 1024)
    g_assert_cmpint (archive_write_data (a, chunk, 1024 * 1024), ==, 1024 * 1024);
  archive_entry_free (e);
  for (guint i = 1; i < G_N_ELEMENTS (cnes_tables); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s202508.csv", cnes_tables[i]);
      g_autofree char *text = cnes_table (cnes_tables[i]);
      zip_add (a, name, text, strlen (text));
    }
  zip_close (a);
  g_assert_cmpint (g_stat (p, &st), ==, 0);
  g_assert_cmpint (st.st_size, <, 2 * 1024 * 1024);   /* it is a bomb: small outside */
  return import_cnes_args (p);
}

/* Entries named to climb out of any folder they might be unpacked into. */
static GStrv
make_zip_traversal (Case *c)
{
  g_autofree char *p = g_build_filename (c->dir, "BASE_DE_DADOS_CNES_202508.ZIP", NULL);
  struct archive *a = zip_open (p);

  zip_add (a, "../../../../../../tmp/coordena-hostile-escape.csv", "x\n", 2);
  zip_add (a, "/tmp/coordena-hostile-absolute.csv", "x\n", 2);
  zip_add (a, "../../tbEquipe.csv", "x\n", 2);
  zip_close (a);
  return import_cnes_args (p);
}

static GStrv
make_zip_text (Case *c)
{
  g_autofree char *p = case_file (c, "BASE_DE_DADOS_CNES_202508.ZIP", "isto não é um zip\n", -1);
  return import_cnes_args (p);
}

/* The first half of a real ZIP. */
static GStrv
make_zip_truncated (Case *c)
{
  g_autofree char *whole = cnes_zip (c, NULL, NULL, 0);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize n;

  g_file_get_contents (whole, &data, &n, &error);
  g_assert_no_error (error);
  g_free (case_file (c, "BASE_DE_DADOS_CNES_202508.ZIP", data, (gssize) (n / 2)));
  return import_cnes_args (whole);
}

/* tbEquipe without CO_UNIDADE. */
static GStrv
make_cnes_missing_column (Case *c)
{
  static const char equipe[] =
    "\"CO_MUNICIPIO\";\"SEQ_EQUIPE\";\"TP_EQUIPE\";\"DT_ATIVACAO\";\"DT_DESATIVACAO\"\n"
    "\"431490\";\"1001\";\"70\";\"01/02/2019\";\"\"\n";
  g_autofree char *p = cnes_zip (c, "tbEquipe", equipe, sizeof equipe - 1);
  return import_cnes_args (p);
}

/* tbDadosProfissionalSus with a NUL in the middle. */
static GStrv
make_cnes_nul (Case *c)
{
  static const char dados[] = "\"CO_PROFISSIONAL_SUS\";\"NO_PROFISSIONAL\";\"CO_CNS\"\n\"1\";\"A\0B\";\"700000000000102\"\n";
  g_autofree char *p = cnes_zip (c, "tbDadosProfissionalSus", dados, sizeof dados - 1);
  return import_cnes_args (p);
}

static GStrv
make_cnes_competencia (Case *c)
{
  g_autofree char *p = cnes_zip (c, NULL, NULL, 0);
  return g_strdupv ((char *[]) { "import", "cnes", p, "--uf", "RS", "--competencia", "202513", NULL });
}

static GStrv
make_cnes_other_uf (Case *c)
{
  g_autofree char *p = cnes_zip (c, NULL, NULL, 0);
  return g_strdupv ((char *[]) { "import", "cnes", p, "--uf", "SP", "--competencia", "202508", NULL });
}

/* A user rule set replacing a shipped one, edited into something the loader must refuse. */
static GStrv
user_ruleset (Case *c, const char *from, const char *to)
{
  g_autofree char *shipped = g_build_filename (g_getenv ("COORDENA_DATADIR"), "rules", "portaria-38-2022.ruleset", NULL);
  g_autofree char *dir = g_build_filename (c->xdg, "coordena", "rules", NULL);
  g_autofree char *dest = g_build_filename (dir, "portaria-38-2022.ruleset", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) edited = NULL;
  g_autofree char *roster = case_file (c, "equipes.csv", HEADER GOOD, -1);

  g_file_get_contents (shipped, &text, NULL, &error);
  g_assert_no_error (error);
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, from, to, 1), ==, 1);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (dest, edited->str, (gssize) edited->len, &error);
  g_assert_no_error (error);
  return g_strdupv ((char *[]) { "evaluate", "--format", "json", roster, NULL });
}

static GStrv
make_rule_150 (Case *c)
{
  return user_ruleset (c, "percent=50\nconsecutive=2\nbasis=NT 753/2021, item 2.10 a",
                          "percent=150\nconsecutive=2\nbasis=NT 753/2021, item 2.10 a");
}

static GStrv
make_rule_negative (Case *c)
{
  return user_ruleset (c, "percent=25\n", "percent=-25\n");
}

static GStrv
make_rule_consecutive_0 (Case *c)
{
  return user_ruleset (c, "consecutive=2\n", "consecutive=0\n");
}

static GStrv
make_rule_unknown_category (Case *c)
{
  return user_ruleset (c, "absent_all=TEC+ACS\n", "absent_all=TEC+DENTISTA\n");
}

static GStrv
make_rule_not_keyfile (Case *c)
{
  g_autofree char *dir = g_build_filename (c->xdg, "coordena", "rules", NULL);
  g_autofree char *dest = g_build_filename (dir, "portaria-38-2022.ruleset", NULL);
  g_autofree char *roster = case_file (c, "equipes.csv", HEADER GOOD, -1);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (dest, "\x89PNG\r\n\x1a\n\0\0\0", 11, &error);
  g_assert_no_error (error);
  return g_strdupv ((char *[]) { "evaluate", roster, NULL });
}

/* A user offer replacing the shipped one, edited. */
static GStrv
user_offer (Case *c, const char *from, const char *to)
{
  g_autofree char *shipped = g_build_filename (g_getenv ("COORDENA_DATADIR"), "offers", "coordenacao-cuidado-2025.offer", NULL);
  g_autofree char *dir = g_build_filename (c->xdg, "coordena", "offers", NULL);
  g_autofree char *dest = g_build_filename (dir, "coordenacao-cuidado-2025.offer", NULL);
  g_autofree char *pdf = g_build_filename (c->dir, "oficio.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) edited = NULL;

  g_file_get_contents (shipped, &text, NULL, &error);
  g_assert_no_error (error);
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, from, to, 1), ==, 1);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (dest, edited->str, (gssize) edited->len, &error);
  g_assert_no_error (error);
  return g_strdupv ((char *[]) { "oficio", "generate", "--offer", "coordenacao-cuidado-2025", "--signer", "secretario",
                                 "--date", "2025-11-20", "-o", pdf, NULL });
}

static GStrv
make_offer_no_deadline (Case *c)
{
  return user_offer (c, "Date=2025-12-03\n", "");
}

static GStrv
make_offer_bad_deadline (Case *c)
{
  return user_offer (c, "Date=2025-12-03\n", "Date=2025-02-30\n");
}

static GStrv
make_offer_no_signers (Case *c)
{
  return user_offer (c, "Allowed=secretario;coordenador\n", "Allowed=\n");
}

static GStrv
make_png_not_png (Case *c)
{
  g_autofree char *p = case_file (c, "brasao.png", "GIF89a isto não é um PNG", -1);
  return g_strdupv ((char *[]) { "profile", "set", "brasao", p, NULL });
}

/* A real PNG signature, then garbage. */
static GStrv
make_png_truncated (Case *c)
{
  g_autofree char *png = g_test_build_filename (G_TEST_DIST, "fixtures", "oficio", "brasao.png", NULL);
  g_autofree char *data = NULL;
  g_autofree char *p = NULL;
  g_autoptr(GError) error = NULL;
  gsize n;

  g_file_get_contents (png, &data, &n, &error);
  g_assert_no_error (error);
  p = case_file (c, "brasao-cortado.png", data, (gssize) MIN (n, 40));
  return g_strdupv ((char *[]) { "profile", "set", "brasao", p, NULL });
}

static GStrv
make_png_huge_dimensions (Case *c)
{
  /* A PNG header claiming 100 000 × 100 000 pixels, and nothing behind it. */
  static const unsigned char png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
    0, 0, 0, 13, 'I', 'H', 'D', 'R', 0x00, 0x01, 0x86, 0xa0, 0x00, 0x01, 0x86, 0xa0, 8, 2, 0, 0, 0,
    0x00, 0x00, 0x00, 0x00,
  };
  g_autofree char *p = case_file (c, "brasao-enorme.png", png, sizeof png);
  return g_strdupv ((char *[]) { "profile", "set", "brasao", p, NULL });
}

/* Valid CRCs around a deflate stream that is not one (libpng aborts the process on it). */
static GStrv
make_png_bad_deflate (Case *c)
{
  g_autofree char *png = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", "png",
                                                "idat-valid-crc-bad-deflate.png", NULL);
  return g_strdupv ((char *[]) { "profile", "set", "brasao", png, NULL });
}

/* An offer whose bytes are not UTF-8 where the key-file reader quotes them back. */
static GStrv
make_offer_not_utf8 (Case *c)
{
  return user_offer (c, "[Deadline]\n", "[Deadline]\n[\xff=1\n");
}

static GStrv
make_restore_text (Case *c)
{
  g_autofree char *p = case_file (c, "copia.db", HEADER GOOD, -1);
  return g_strdupv ((char *[]) { "restore", p, NULL });
}

/* The first 8 KB of a real Coordena database. */
static GStrv
make_restore_truncated (Case *c)
{
  g_autofree char *data = NULL;
  g_autofree char *p = NULL;
  g_autoptr(GError) error = NULL;
  gsize n;

  g_file_get_contents (base_db, &data, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 8192);
  p = case_file (c, "copia-cortada.db", data, 8192);
  return g_strdupv ((char *[]) { "restore", p, NULL });
}

/* A copy of the shared database carrying a trigger Coordena never creates: on the next audit row it
 * would delete every team. */
static char *
trojan_copy (Case *c)
{
  char *path = g_build_filename (c->dir, "cavalo.db", NULL);
  g_autofree char *sql = g_strdup_printf ("VACUUM INTO '%s'", path);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (base_db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER apaga AFTER INSERT ON auditoria BEGIN DELETE FROM equipe; END;"
                                     "CREATE VIEW espia AS SELECT cns, nome FROM profissional;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return path;
}

static GStrv
make_restore_trojan (Case *c)
{
  g_autofree char *p = trojan_copy (c);
  return g_strdupv ((char *[]) { "restore", p, NULL });
}

/* The user opens a database file someone handed them and imports into it. */
static GStrv
make_open_trojan (Case *c)
{
  g_autofree char *roster = case_file (c, "equipes.csv", HEADER GOOD, -1);

  c->db = trojan_copy (c);
  return import_roster_args (roster);
}

static GStrv
make_db_not_sqlite (Case *c)
{
  g_autofree char *roster = case_file (c, "equipes.csv", HEADER GOOD, -1);

  c->db = case_file (c, "texto.db", "isto não é um banco de dados SQLite, mas tem bytes suficientes para parecer um",
                     -1);
  return import_roster_args (roster);
}

/* A scenario file for forecast (the same CSV reader), edited into nonsense. */
static GStrv
scenario_case (Case *c, const char *scenario)
{
  g_autofree char *roster = case_file (c, "equipes.csv", HEADER GOOD, -1);
  g_autofree char *p = case_file (c, "cenario.csv", scenario, -1);

  return g_strdupv ((char *[]) { "forecast", "--scenario", p, roster, NULL });
}

static GStrv
make_scenario_unknown_change (Case *c)
{
  return scenario_case (c, "ine;mudanca;categoria;a_partir_de\n0001111116;demissao;MED;202509\n");
}

static GStrv
make_scenario_short_ine (Case *c)
{
  return scenario_case (c, "ine;mudanca;categoria;a_partir_de\n111116;saida;MED;202509\n");
}

/* The user's CBO map with a category the rules do not know. */
static GStrv
make_cbo_map_unknown (Case *c)
{
  g_autofree char *dir = g_build_filename (c->xdg, "coordena", "rules", NULL);
  g_autofree char *map = g_build_filename (dir, "cbo-categorias.csv", NULL);
  g_autofree char *roster = case_file (c, "equipes.csv", HEADER GOOD, -1);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (map, "cbo;categoria\n225142;DENTISTA\n", -1, NULL));
  return g_strdupv ((char *[]) { "evaluate", roster, NULL });
}

static GStrv
make_db_directory (Case *c)
{
  g_autofree char *roster = case_file (c, "equipes.csv", HEADER GOOD, -1);

  c->db = g_build_filename (c->dir, "pasta.db", NULL);
  g_assert_cmpint (g_mkdir (c->db, 0700), ==, 0);
  return import_roster_args (roster);
}

static const HostileCase cases[] = {
  /* The shape of the file. */
  { "/hostile/roster/empty-file", NULL, make_empty, "o arquivo está vazio: falta a linha de cabeçalho" },
  { "/hostile/roster/header-only", HEADER, NULL, "não tem nenhuma linha de dados" },
  { "/hostile/roster/blank-lines-only", "\n\n\r\n\n", NULL, "o arquivo está vazio: falta a linha de cabeçalho" },
  { "/hostile/roster/truncated-last-line", HEADER GOOD "202508;4314902;2000016;0001111116;eSF;70000000", NULL, "equipes.csv:3:6: o CNS “70000000” não é válido" },
  { "/hostile/roster/10-mb-line", NULL, make_long_line, "o registro tem mais de 1048576 bytes" },
  { "/hostile/roster/quote-never-closes", HEADER GOOD "202508;4314902;\"2000016;0001111116\n", NULL, "um campo entre aspas aberto nesta linha nunca se fecha" },
  { "/hostile/roster/10-mb-open-quote", NULL, make_open_quote_huge, "o registro tem mais de 1048576 bytes" },
  { "/hostile/roster/nul-byte", NULL, make_nul, "nul.csv:2: o arquivo contém um byte NUL: não é um arquivo CSV de texto" },
  { "/hostile/roster/utf-16", NULL, make_utf16, "o arquivo contém um byte NUL" },
  { "/hostile/roster/binary-png", NULL, make_binary, "a coluna obrigatória “competencia” não está no cabeçalho" },
  { "/hostile/roster/directory", NULL, make_directory, "Não foi possível ler" },
  { "/hostile/roster/missing-file", NULL, make_missing_file, "nao-existe.csv" },
  { "/hostile/roster/too-many-fields", NULL, make_many_fields, "o registro tem mais de 4096 campos" },
  { "/hostile/roster/bad-last-of-200000", NULL, make_bad_last_of_many, "muitas.csv:200002:1: competência inválida “202513”: o mês 13 não existe" },
  /* Encodings. */
  { "/hostile/roster/invalid-utf8-after-bom", "\xef\xbb\xbf" HEADER "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana \xff\xfe Souza;225142;40;N;;\n", NULL, "UTF-8" },
  { "/hostile/roster/mixed-utf8-then-latin1", HEADER "202508;4314902;2000016;0001111116;eSF;700000000000102;João;225142;40;N;;\n"
                                              "202508;4314902;2000016;0001111116;eSF;700000000000218;Jos\xe9;223565;40;N;;\n", NULL, "linhas anteriores" },
  { "/hostile/roster/overlong-utf8", "\xef\xbb\xbf" HEADER "202508;4314902;2000016;0001111116;eSF;700000000000102;\xc0\xaf;225142;40;N;;\n", NULL, "UTF-8" },
  /* The header. */
  { "/hostile/roster/missing-column", "competencia;ibge;cnes;ine;tipo_equipe;nome;cbo;carga_horaria;provimento\n"
                                      "202508;4314902;2000016;0001111116;eSF;Ana Souza;225142;40;N\n", NULL, "a coluna obrigatória “cns” não está no cabeçalho" },
  { "/hostile/roster/duplicate-column", "competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria;carga_horaria;provimento\n"
                                        "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;40;20;N\n", NULL, "a coluna “carga_horaria” aparece duas vezes no cabeçalho" },
  { "/hostile/roster/comma-separated", "competencia,ibge,cnes,ine,tipo_equipe,cns,nome,cbo,carga_horaria,provimento\n"
                                       "202508,4314902,2000016,0001111116,eSF,700000000000102,Ana,225142,40,N\n", NULL, "o arquivo parece separado por “,” em vez de “;”" },
  /* Values. */
  { "/hostile/roster/13th-month", HEADER "202513;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;40;N;;\n", NULL, "equipes.csv:2:1: competência inválida “202513”: o mês 13 não existe" },
  { "/hostile/roster/month-zero", HEADER "202500;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;40;N;;\n", NULL, "o mês 00 não existe" },
  { "/hostile/roster/year-1800", HEADER "180001;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;40;N;;\n", NULL, "ano fora de 1990–2099" },
  { "/hostile/roster/negative-hours", HEADER "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;-40;N;;\n", NULL, "deve ser um número inteiro de 0 a 168" },
  { "/hostile/roster/absurd-hours", HEADER "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;169;N;;\n", NULL, "deve ser um número inteiro de 0 a 168" },
  { "/hostile/roster/huge-hours", HEADER "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;99999999999999999999999;N;;\n", NULL, "deve ser um número inteiro de 0 a 168" },
  { "/hostile/roster/hours-with-unit", HEADER "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;40h;N;;\n", NULL, "deve ser um número inteiro de 0 a 168" },
  { "/hostile/roster/huge-base", HEADER "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;40;N;99999999999999999999999,99;\n", NULL, "não é um valor em reais" },
  { "/hostile/roster/negative-base", HEADER "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;40;N;-16.833,33;\n", NULL, "não é um valor em reais" },
  { "/hostile/roster/cns-14-digits", HEADER "202508;4314902;2000016;0001111116;eSF;70000000000010;Ana;225142;40;N;;\n", NULL, "não é válido (15 dígitos com a verificação do Cartão Nacional de Saúde)" },
  { "/hostile/roster/cns-16-digits", HEADER "202508;4314902;2000016;0001111116;eSF;7000000000001020;Ana;225142;40;N;;\n", NULL, "não é válido (15 dígitos com a verificação do Cartão Nacional de Saúde)" },
  { "/hostile/roster/cns-bad-check", HEADER "202508;4314902;2000016;0001111116;eSF;700000000000103;Ana;225142;40;N;;\n", NULL, "não é válido (15 dígitos com a verificação do Cartão Nacional de Saúde)" },
  { "/hostile/roster/cns-letters", HEADER "202508;4314902;2000016;0001111116;eSF;7000000000001O2;Ana;225142;40;N;;\n", NULL, "não é válido (15 dígitos com a verificação do Cartão Nacional de Saúde)" },
  { "/hostile/roster/unknown-municipality", HEADER "202508;9999999;2000016;0001111116;eSF;700000000000102;Ana;225142;40;N;;\n", NULL, "não é o código IBGE (6 ou 7 dígitos) de um município conhecido" },
  { "/hostile/roster/municipality-of-another-state", HEADER "202508;3550308;2000016;0001111116;eSF;700000000000102;Ana;225142;40;N;;\n", NULL, "equipes.csv:2:2: o município 3550308 (São Paulo, SP) fica fora de RS" },
  { "/hostile/roster/ibge-5-digits", HEADER "202508;43149;2000016;0001111116;eSF;700000000000102;Ana;225142;40;N;;\n", NULL, "não é o código IBGE (6 ou 7 dígitos) de um município conhecido" },
  { "/hostile/roster/cnes-8-digits", HEADER "202508;4314902;20000160;0001111116;eSF;700000000000102;Ana;225142;40;N;;\n", NULL, "até 7 dígitos" },
  { "/hostile/roster/ine-11-digits", HEADER "202508;4314902;2000016;00011111160;eSF;700000000000102;Ana;225142;40;N;;\n", NULL, "até 10 dígitos" },
  { "/hostile/roster/type-76-without-modality", HEADER "202508;4314902;2000016;0001111116;76;700000000000102;Ana;225142;40;N;;\n", NULL, "eAP20 ou eAP30" },
  { "/hostile/roster/unknown-type", HEADER "202508;4314902;2000016;0001111116;eXYZ;700000000000102;Ana;225142;40;N;;\n", NULL, "tipo de equipe desconhecido “eXYZ”" },
  { "/hostile/roster/two-types-one-team", HEADER GOOD "202508;4314902;2000016;0001111116;eAP30;700000000000218;Bia;223565;30;N;;\n", NULL, "já tem o tipo eSF em 08/2025 (linha 2)" },
  { "/hostile/roster/provimento-x", HEADER "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;40;X;;\n", NULL, "S ou N" },
  { "/hostile/roster/stratum-5", HEADER "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;40;N;;5\n", NULL, "1, 2, 3 ou 4" },
  { "/hostile/roster/two-strata", HEADER "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana;225142;40;N;;1\n"
                                  "202508;4314902;2000016;0001111117;eSF;700000000000218;Bia;225142;40;N;;2\n", NULL, "tem estrato IED 2 aqui e 1 na linha 2" },
  { "/hostile/roster/cbo-5-characters", HEADER "202508;4314902;2000016;0001111116;eSF;700000000000102;Ana;22514;40;N;;\n", NULL, "6 caracteres" },
  /* The CNES base. */
  { "/hostile/cnes/zip-without-tables", NULL, make_zip_no_tables, "não contém tbEquipeAAAAMM.csv: não é uma base do CNES" },
  { "/hostile/cnes/zip-bomb", NULL, make_zip_bomb, "o registro tem mais de 1048576 bytes" },
  { "/hostile/cnes/path-traversal", NULL, make_zip_traversal, "não contém tbEquipeAAAAMM.csv: não é uma base do CNES" },
  { "/hostile/cnes/text-named-zip", NULL, make_zip_text, "Não foi possível ler o ZIP" },
  { "/hostile/cnes/truncated-zip", NULL, make_zip_truncated, "está danificado" },
  { "/hostile/cnes/missing-column", NULL, make_cnes_missing_column, "a coluna obrigatória “CO_UNIDADE” não está no cabeçalho" },
  { "/hostile/cnes/nul-byte", NULL, make_cnes_nul, "o arquivo contém um byte NUL" },
  { "/hostile/cnes/13th-month", NULL, make_cnes_competencia, "o mês 13 não existe", 2 },
  { "/hostile/cnes/another-state", NULL, make_cnes_other_uf, "acompanha RS, não SP" },
  /* Rule sets. */
  { "/hostile/rules/clause-150-percent", NULL, make_rule_150, "[Clause esf-tec-acs] percent: 150 está fora de 0–100" },
  { "/hostile/rules/negative-percent", NULL, make_rule_negative, "percent: “-25” não é um número inteiro" },
  { "/hostile/rules/consecutive-0", NULL, make_rule_consecutive_0, "consecutive: 0 está fora de 1–120" },
  { "/hostile/rules/unknown-category", NULL, make_rule_unknown_category, "categoria desconhecida “DENTISTA”" },
  { "/hostile/rules/binary-file", NULL, make_rule_not_keyfile, "portaria-38-2022.ruleset: o arquivo não é texto UTF-8" },
  /* Offers. */
  { "/hostile/offer/no-deadline", NULL, make_offer_no_deadline, "[Deadline] Date: a chave não existe ou está vazia" },
  { "/hostile/offer/february-30", NULL, make_offer_bad_deadline, "“2025-02-30” não é uma data" },
  { "/hostile/offer/no-signers", NULL, make_offer_no_signers, "[Signers] Allowed: a chave não existe ou está vazia" },
  { "/hostile/offer/not-utf8", NULL, make_offer_not_utf8, "coordenacao-cuidado-2025.offer: o arquivo não é texto UTF-8" },
  /* The coat of arms. */
  { "/hostile/profile/png-not-png", NULL, make_png_not_png, "o brasão deve ser uma imagem PNG" },
  { "/hostile/profile/png-truncated", NULL, make_png_truncated, "o brasão é um PNG danificado" },
  { "/hostile/profile/png-huge-dimensions", NULL, make_png_huge_dimensions, "o brasão é um PNG danificado" },
  { "/hostile/profile/png-bad-deflate-valid-crc", NULL, make_png_bad_deflate, "o brasão é um PNG danificado" },
  /* Restore. */
  { "/hostile/restore/text-file", NULL, make_restore_text, "não pode ser restaurada" },
  { "/hostile/restore/truncated-database", NULL, make_restore_truncated, "não pode ser restaurada" },
  { "/hostile/restore/backup-with-trigger", NULL, make_restore_trojan, "gatilho ou visão que o Coordena não cria" },
  /* Opening a database someone else made. */
  { "/hostile/db/trigger-in-database", NULL, make_open_trojan, "gatilho ou visão que o Coordena não cria" },
  { "/hostile/db/not-a-database", NULL, make_db_not_sqlite, "não é um banco de dados do Coordena" },
  { "/hostile/db/directory", NULL, make_db_directory, "pasta.db" },
  /* Scenarios and the CBO map: the user's own files. */
  { "/hostile/scenario/unknown-change", NULL, make_scenario_unknown_change, "“demissao”" },
  { "/hostile/scenario/short-ine", NULL, make_scenario_short_ine, "“111116”" },
  { "/hostile/cbo-map/unknown-category", NULL, make_cbo_map_unknown, "“DENTISTA”" },
};

static void
rm_rf (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) en = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (en != NULL)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (en, NULL, NULL)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);
          rm_rf (child);
          g_object_unref (info);
        }
    }
  g_remove (path);
}

static void
test_case (gconstpointer data)
{
  const HostileCase *hc = data;
  g_autofree char *name = g_strdelimit (g_strdup (hc->id + 1), "/", '-');
  Case c = { g_build_filename (tmp_dir, name, NULL), NULL, NULL };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) args = NULL;
  g_auto(Run) r = { 0 };

  c.xdg = g_build_filename (c.dir, "xdg", NULL);
  g_assert_cmpint (g_mkdir_with_parents (c.xdg, 0700), ==, 0);
  if (hc->make != NULL)
    args = hc->make (&c);
  else
    {
      g_autofree char *p = case_file (&c, "equipes.csv", hc->roster, -1);
      args = import_roster_args (p);
    }

  before = c.db != NULL && g_str_has_suffix (c.db, "cavalo.db") ? dump_db (c.db) : dump_db (base_db);
  cli (&r, c.db != NULL ? c.db : base_db, c.xdg, (const char *const *) args);
  after = c.db != NULL && g_str_has_suffix (c.db, "cavalo.db") ? dump_db (c.db) : dump_db (base_db);
  if (g_str_has_suffix (c.db != NULL ? c.db : "", "texto.db"))
    {
      g_autofree char *text = NULL;

      /* A file that is not a database is left byte for byte as it was. */
      g_assert_true (g_file_get_contents (c.db, &text, NULL, NULL));
      g_assert_cmpstr (text, ==, "isto não é um banco de dados SQLite, mas tem bytes suficientes para parecer um");
    }

  g_test_message ("%s → %d: %s", hc->id, r.status, r.err);
  /* Refused, in Portuguese, saying what the case expects. */
  g_assert_cmpint (r.status, ==, hc->status != 0 ? hc->status : 1);
  g_assert_true (g_utf8_validate (r.err, -1, NULL));
  g_assert_true (g_str_has_prefix (r.err, "coordena-cli: "));
  if (strstr (r.err, hc->expect) == NULL)
    {
      g_test_message ("%s: “%s” not found in:\n%s", hc->id, hc->expect, r.err);
      g_test_fail ();
    }
  /* A message a person can read: a 10 MB line is not echoed back. */
  g_assert_cmpuint (strlen (r.err), <, 16 * 1024);
  g_assert_null (strstr (r.err, "CRITICAL"));
  g_assert_null (strstr (r.err, "WARNING"));
  g_assert_null (strstr (r.err, "Sanitizer"));
  g_assert_null (strstr (r.err, "(null)"));
  /* Nothing changed: every row of every table. */
  g_assert_cmpstr (before, ==, after);
  /* No file written by a refused command. */
  {
    g_autofree char *pdf = g_build_filename (c.dir, "oficio.pdf", NULL);
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test ("/tmp/coordena-hostile-escape.csv", G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test ("/tmp/coordena-hostile-absolute.csv", G_FILE_TEST_EXISTS));
  }
  rm_rf (c.dir);
  g_free (c.dir);
  g_free (c.xdg);
  g_free (c.db);
}

/* The database every case attacks: a state with the CNES fixture's teams, a profile able to
 * generate an ofício, so that a refusal that wrote anything would show. */
static void
make_base_db (void)
{
  g_autofree char *cnes = g_test_build_filename (G_TEST_DIST, "fixtures", "cnes", "base", NULL);
  static const char *const profile[][2] = {
    { "secretaria.nome", "Secretaria da Saúde do Estado do Rio Grande do Sul" },
    { "secretaria.sigla", "DAPS/SES" },
    { "cidade", "Porto Alegre" },
    { "endereco", "Av. Borges de Medeiros, 1501, Porto Alegre/RS, CEP 90119-900" },
    { "telefone", "(51) 3288-5800" },
    { "email", "aps@saude.rs.gov.br" },
    { "secretario.nome", "Maria da Silva" },
    { "secretario.genero", "F" },
    { "coordenador.nome", "João Pereira" },
    { "coordenador.genero", "M" },
    { "contato.nome", "Carla Souza" },
    { "contato.email", "carla@saude.rs.gov.br" },
    { "contato.telefone", "(51) 3288-5801" },
  };

  base_db = g_build_filename (tmp_dir, "estado.db", NULL);
  run_ok (base_db, (const char *const[]) { "init", "--uf", "RS", NULL });
  run_ok (base_db, (const char *const[]) { "import", "cnes", cnes, "--uf", "RS", "--competencia", "202508", NULL });
  for (guint i = 0; i < G_N_ELEMENTS (profile); i++)
    run_ok (base_db, (const char *const[]) { "profile", "set", profile[i][0], profile[i][1], NULL });
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  g_assert_nonnull (g_getenv ("COORDENA_CLI"));

  tmp_dir = g_dir_make_tmp ("coordena-hostile-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  make_base_db ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].id, &cases[i], test_case);
  status = g_test_run ();

  rm_rf (tmp_dir);
  g_free (tmp_dir);
  g_free (base_db);
  return status;
}
