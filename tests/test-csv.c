/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CSV reader as importers use it: columns by name, encodings, line numbers, refusals. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <coordena/coordena.h>
#include <coordena/csv.h>

typedef struct {
  int c_nome, c_idade, c_extra;
  GString *log;        /* "line|nome|idade\n" per record */
  guint64 stop_at;     /* refuse the record of this line, 0 never */
} Collect;

static gboolean
collect (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, gpointer data, GError **error)
{
  Collect *c = data;

  if (c->stop_at != 0 && record->line == c->stop_at)
    {
      coordena_csv_set_error (error, reader, record, c->c_idade, "idade recusada: %s",
                              coordena_csv_record_get (reader, record, c->c_idade));
      return FALSE;
    }
  g_string_append_printf (c->log, "%" G_GUINT64_FORMAT "|%s|%s|%s\n", record->line,
                          coordena_csv_record_get (reader, record, c->c_nome),
                          coordena_csv_record_get (reader, record, c->c_idade),
                          coordena_csv_record_get (reader, record, c->c_extra));
  return TRUE;
}

/* Reads text pushed in chunks of chunk bytes (0: all at once); returns the log or NULL + error. */
static char *
read_text (const char *text, gssize len, gsize chunk, CoordenaCsvEncoding enc, Collect *c, GError **error)
{
  CoordenaCsvOptions options = { .separator = ';', .encoding = enc };
  g_autoptr(CoordenaCsvReader) reader = coordena_csv_reader_new ("equipe.csv", &options, collect, c);
  gsize n = len < 0 ? strlen (text) : (gsize) len;

  c->log = g_string_new (NULL);
  c->c_nome = coordena_csv_reader_add_column (reader, "Nome", TRUE);
  c->c_idade = coordena_csv_reader_add_column (reader, "IDADE", TRUE);
  c->c_extra = coordena_csv_reader_add_column (reader, "apelido", FALSE);

  if (chunk == 0)
    chunk = n;
  for (gsize off = 0; off < n; off += chunk)
    if (!coordena_csv_reader_feed (reader, text + off, MIN (chunk, n - off), error))
      goto fail;
  if (!coordena_csv_reader_finish (reader, error))
    goto fail;
  return g_string_free (c->log, FALSE);

fail:
  g_string_free (c->log, TRUE);
  return NULL;
}

static void
test_columns_by_name (void)
{
  Collect c = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *log = read_text ("id; IDADE ;outra;nome\n1;40;x;Ana\n2;38;y;Bia", -1, 0, COORDENA_CSV_ENCODING_AUTO, &c, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (log, ==, "2|Ana|40|\n3|Bia|38|\n");
}

static void
test_quotes_and_line_numbers (void)
{
  Collect c = { 0 };
  g_autoptr(GError) error = NULL;
  const char *text =
    "nome;idade;apelido\n"
    "\"Silva; Ana\";40;\"diz \"\"oi\"\"\"\n"
    "\"Bia\n"
    "de Souza\";38;\n"
    "\n"
    ";;\n"
    "Caio;30;c\n";
  g_autofree char *log = read_text (text, -1, 0, COORDENA_CSV_ENCODING_AUTO, &c, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (log, ==, "2|Silva; Ana|40|diz \"oi\"\n3|Bia\nde Souza|38|\n7|Caio|30|c\n");
}

static void
test_crlf_and_chunks (void)
{
  const char *text = "nome;idade\r\nAna;40\r\n\"Bi\r\na\";38\r\nCaio;30\r\n";
  g_autofree char *whole = NULL;

  for (gsize chunk = 0; chunk <= 7; chunk++)
    {
      Collect c = { 0 };
      g_autoptr(GError) error = NULL;
      g_autofree char *log = read_text (text, -1, chunk, COORDENA_CSV_ENCODING_AUTO, &c, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (log, ==, "2|Ana|40|\n3|Bi\r\na|38|\n5|Caio|30|\n");
    }
}

/* Old spreadsheets end lines with CR alone, and a file may mix the three: each still counts one
 * line, and a long chunk of them is read once. */
static void
test_cr_only_and_mixed (void)
{
  g_autoptr(GString) text = g_string_new ("nome;idade\r");
  g_autoptr(GString) expected = g_string_new (NULL);

  for (guint i = 0; i < 3000; i++)
    {
      g_string_append_printf (text, "P%u;%u%s", i, i % 90, i % 3 == 0 ? "\r" : i % 3 == 1 ? "\n" : "\r\n");
      g_string_append_printf (expected, "%u|P%u|%u|\n", i + 2, i, i % 90);
    }
  for (gsize chunk = 0; chunk <= 3; chunk++)
    {
      Collect c = { 0 };
      g_autoptr(GError) error = NULL;
      g_autofree char *log = read_text (text->str, (gssize) text->len, chunk == 3 ? 4096 : chunk, COORDENA_CSV_ENCODING_AUTO,
                                        &c, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (log, ==, expected->str);
    }
}

static void
test_utf8_bom (void)
{
  Collect c = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *log = read_text ("\xEF\xBB\xBFnome;idade\nJoão;40\n", -1, 1, COORDENA_CSV_ENCODING_AUTO, &c, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (log, ==, "2|João|40|\n");
}

static void
test_windows_1252_detected (void)
{
  Collect c = { 0 };
  g_autoptr(GError) error = NULL;
  /* "Conceição" and "José – €" in Windows-1252. */
  g_autofree char *log = read_text ("nome;idade;apelido\nConcei\xE7\xE3o;40;Jos\xE9 \x96 \x80\n", -1, 0,
                                    COORDENA_CSV_ENCODING_AUTO, &c, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (log, ==, "2|Conceição|40|José – €\n");
}

static void
test_latin1_forced (void)
{
  Collect c = { 0 };
  g_autoptr(GError) error = NULL;
  /* Bytes that happen to be valid UTF-8 ("Ã©") are still read as Latin-1 when forced. */
  g_autofree char *log = read_text ("nome;idade\n\xC3\xA9;1\n", -1, 0, COORDENA_CSV_ENCODING_LATIN1, &c, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (log, ==, "2|Ã©|1|\n");
}

static void
test_utf8_forced_refuses_latin1 (void)
{
  Collect c = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *log = read_text ("nome;idade\nAna;40\nJos\xE9;41\n", -1, 0, COORDENA_CSV_ENCODING_UTF8, &c, &error);

  g_assert_null (log);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_cmpstr (error->message, ==, "equipe.csv:3:1: o texto não é UTF-8 válido");
}

static void
test_missing_column (void)
{
  Collect c = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *log = read_text ("nome;anos\nAna;40\n", -1, 0, COORDENA_CSV_ENCODING_AUTO, &c, &error);

  g_assert_null (log);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_cmpstr (error->message, ==, "equipe.csv:1: a coluna obrigatória “IDADE” não está no cabeçalho");
}

static void
test_wrong_separator (void)
{
  Collect c = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *log = read_text ("nome,idade\nAna,40\n", -1, 0, COORDENA_CSV_ENCODING_AUTO, &c, &error);

  g_assert_null (log);
  g_assert_cmpstr (error->message, ==,
                   "equipe.csv:1: a coluna obrigatória “Nome” não está no cabeçalho: o arquivo parece separado por “,” em vez de “;”");
}

static void
test_duplicate_column (void)
{
  Collect c = { 0 };
  g_autoptr(GError) error = NULL;
  /* Unknown columns may repeat; a declared one may not. */
  g_autofree char *ok = read_text ("nome;x;idade;x\nAna;1;40;2\n", -1, 0, COORDENA_CSV_ENCODING_AUTO, &c, &error);
  g_autofree char *log = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (ok, ==, "2|Ana|40|\n");
  log = read_text ("nome;idade;IDADE\nAna;40;41\n", -1, 0, COORDENA_CSV_ENCODING_AUTO, &c, &error);
  g_assert_null (log);
  g_assert_cmpstr (error->message, ==, "equipe.csv:1: a coluna “IDADE” aparece duas vezes no cabeçalho (colunas 2 e 3)");
}

static void
test_guarded_formula_reads_back (void)
{
  Collect c = { 0 };
  g_autoptr(GError) error = NULL;
  /* What the CSV writer wrote to keep a spreadsheet from running it reads back as it was. */
  g_autofree char *log = read_text ("nome;idade;apelido\n'=1+1;40;\"'@SUM(1;2)\"\n'Ana;'-40;'+55 51\n", -1, 0,
                                    COORDENA_CSV_ENCODING_AUTO, &c, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (log, ==, "2|=1+1|40|@SUM(1;2)\n3|'Ana|'-40|+55 51\n");
}

static void
test_callback_stops (void)
{
  Collect c = { .stop_at = 3 };
  g_autoptr(GError) error = NULL;
  g_autofree char *log = read_text ("nome;idade\nAna;40\nBia;x\nCaio;30\n", -1, 0, COORDENA_CSV_ENCODING_AUTO, &c, &error);

  g_assert_null (log);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_cmpstr (error->message, ==, "equipe.csv:3:2: idade recusada: x");
}

static void
test_nul_byte (void)
{
  Collect c = { 0 };
  g_autoptr(GError) error = NULL;
  static const char text[] = "nome;idade\nAna;40\nB\0a;1\n";
  g_autofree char *log = read_text (text, sizeof text - 1, 0, COORDENA_CSV_ENCODING_AUTO, &c, &error);

  g_assert_null (log);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_cmpstr (error->message, ==, "equipe.csv:3: o arquivo contém um byte NUL: não é um arquivo CSV de texto");
}

static void
test_unclosed_quote (void)
{
  Collect c = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *log = read_text ("nome;idade\nAna;40\n\"Bia;41\nCaio;30\n", -1, 0, COORDENA_CSV_ENCODING_AUTO, &c, &error);

  g_assert_null (log);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_cmpstr (error->message, ==, "equipe.csv:3: um campo entre aspas aberto nesta linha nunca se fecha");
}

static void
test_overlong_record (void)
{
  Collect c = { 0 };
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new ("nome;idade\nAna;40\n\"");
  g_autofree char *log = NULL;

  for (int i = 0; i < 300000; i++)
    g_string_append (text, "abcd\n");
  log = read_text (text->str, (gssize) text->len, 4096, COORDENA_CSV_ENCODING_AUTO, &c, &error);
  g_string_free (text, TRUE);

  g_assert_null (log);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "equipe.csv:3: o registro tem mais de 1048576 bytes"));
}

static void
test_empty_file (void)
{
  Collect c = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *log = read_text ("", 0, 0, COORDENA_CSV_ENCODING_AUTO, &c, &error);

  g_assert_null (log);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_cmpstr (error->message, ==, "equipe.csv: o arquivo está vazio: falta a linha de cabeçalho");
}

static gboolean
count_only (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, gpointer data, GError **error);

static void
test_stream_and_cancel (void)
{
  static const char text[] = "a;b\n1;2\n3;4\n";
  CoordenaCsvOptions options = { .separator = ';' };
  guint n = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, sizeof text - 1, NULL);
  g_autoptr(GInputStream) again = g_memory_input_stream_new_from_data (text, sizeof text - 1, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CoordenaCsvReader) reader = coordena_csv_reader_new ("fluxo.csv", &options, count_only, &n);
  g_autoptr(CoordenaCsvReader) cancelled = coordena_csv_reader_new ("fluxo.csv", &options, count_only, &n);

  g_assert_true (coordena_csv_reader_read_stream (reader, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (coordena_csv_reader_get_n_records (reader), ==, 2);

  g_cancellable_cancel (cancellable);
  g_assert_false (coordena_csv_reader_read_stream (cancelled, again, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static gboolean
count_only (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, gpointer data, GError **error)
{
  (*(guint *) data)++;
  return TRUE;
}

static void
test_file_and_missing_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("COORDENA_DATADIR"), "reference", "estados.csv", NULL);
  CoordenaCsvOptions options = { .separator = ',' };
  guint n = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaCsvReader) reader = coordena_csv_reader_new (path, &options, count_only, &n);
  g_autoptr(CoordenaCsvReader) missing = coordena_csv_reader_new ("nao-existe.csv", &options, count_only, &n);

  coordena_csv_reader_add_column (reader, "regiao", TRUE);
  g_assert_true (coordena_csv_reader_read_file (reader, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 27);
  g_assert_cmpint (coordena_csv_reader_get_encoding (reader), ==, COORDENA_CSV_ENCODING_UTF8);

  g_assert_false (coordena_csv_reader_read_file (missing, "nao-existe.csv", &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_true (strstr (error->message, "nao-existe.csv") != NULL);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  coordena_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/columns-by-name", test_columns_by_name);
  g_test_add_func ("/csv/quotes-and-line-numbers", test_quotes_and_line_numbers);
  g_test_add_func ("/csv/crlf-and-chunks", test_crlf_and_chunks);
  g_test_add_func ("/csv/cr-only-and-mixed", test_cr_only_and_mixed);
  g_test_add_func ("/csv/utf8-bom", test_utf8_bom);
  g_test_add_func ("/csv/windows-1252-detected", test_windows_1252_detected);
  g_test_add_func ("/csv/latin1-forced", test_latin1_forced);
  g_test_add_func ("/csv/utf8-forced-refuses-latin1", test_utf8_forced_refuses_latin1);
  g_test_add_func ("/csv/missing-column", test_missing_column);
  g_test_add_func ("/csv/wrong-separator", test_wrong_separator);
  g_test_add_func ("/csv/duplicate-column", test_duplicate_column);
  g_test_add_func ("/csv/guarded-formula-reads-back", test_guarded_formula_reads_back);
  g_test_add_func ("/csv/callback-stops", test_callback_stops);
  g_test_add_func ("/csv/nul-byte", test_nul_byte);
  g_test_add_func ("/csv/unclosed-quote", test_unclosed_quote);
  g_test_add_func ("/csv/overlong-record", test_overlong_record);
  g_test_add_func ("/csv/empty-file", test_empty_file);
  g_test_add_func ("/csv/file-and-missing-file", test_file_and_missing_file);
  g_test_add_func ("/csv/stream-and-cancel", test_stream_and_cancel);
  return g_test_run ();
}
