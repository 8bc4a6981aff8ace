/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the roster interchange CSV reader (strict and lenient), the forecast's scenario
 * file read from the same bytes, and the CSV reader under both fed in small chunks that split
 * records, quotes and UTF-8 sequences anywhere; the reader's fast path for plain lines, and its
 * filter, must give exactly what libcsv alone gives on every input; and the roster reader for plain
 * files must give what the general roster reader gives. */
#include "fuzz-common.h"

#include <stdio.h>

#include <coordena/coordena.h>
#include <coordena/csv.h>
#include <coordena/roster-csv.h>
#include <coordena/rules.h>

#include "../roster-dump.h"

static gboolean
on_record (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, gpointer user_data, GError **error)
{
  int *cols = user_data;

  for (int i = 0; i < 3; i++)
    {
      const char *value = coordena_csv_record_get (reader, record, cols[i]);
      g_autofree char *where = coordena_csv_record_location (reader, record, cols[i]);

      if (value == NULL || where == NULL || !g_utf8_validate (value, -1, NULL))
        abort ();
    }
  return TRUE;
}

typedef struct {
  int cols[3];
  GString *out;
} Transcript;

/* The records both readings drop, from the "cns" value: any but those starting with 7, "=" (as a
 * defused formula reads back) or the first byte of "É" in UTF-8 (as Latin-1 reads back). */
static gboolean
dropped (const char *value, gsize len)
{
  return len > 0 && value[0] != '7' && value[0] != '=' && (guchar) value[0] != 0xC3;
}

/* The filter drops them from the peeked bytes; the reading without filter drops them in its record
 * function: the transcripts must match. */
static gboolean
filter_cns (CoordenaCsvReader *reader, gpointer user_data)
{
  Transcript *t = user_data;
  const char *value;
  gsize len;

  return !coordena_csv_reader_peek (reader, t->cols[1], &value, &len) || !dropped (value, len);
}

static gboolean
transcribe (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, gpointer user_data, GError **error)
{
  Transcript *t = user_data;

  const char *cns = coordena_csv_record_get (reader, record, t->cols[1]);

  if (dropped (cns, strlen (cns)))
    return TRUE;
  g_string_append_printf (t->out, "%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT ":", record->line, record->index);
  for (guint i = 0; i < record->n_fields; i++)
    g_string_append_printf (t->out, "%zu|%s", strlen (record->fields[i]), record->fields[i]);
  g_string_append_c (t->out, '\n');
  /* A refusal mid-file must stop both readings at the same record. */
  if (record->n_fields == 7)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "seven");
      return FALSE;
    }
  return TRUE;
}

/* Everything a reading gives: records with their lines and fields, the header, the count, the
 * encoding and the error. mode 0: libcsv only; 1: fast path; 2: fast path and filter. */
static char *
read_all (const uint8_t *data, size_t size, int mode, gboolean chunked)
{
  CoordenaCsvOptions options = { size > 0 && data[0] == ',' ? ',' : ';', COORDENA_CSV_ENCODING_AUTO, 4096 };
  Transcript t = { { 0 }, g_string_new (NULL) };
  g_autoptr(CoordenaCsvReader) reader = coordena_csv_reader_new ("fuzz.csv", &options, transcribe, &t);
  g_autoptr(GError) error = NULL;
  const char *const *header;
  gboolean ok = TRUE;
  size_t pos = 0;
  guint n = 0;

  t.cols[0] = coordena_csv_reader_add_column (reader, "competencia", FALSE);
  t.cols[1] = coordena_csv_reader_add_column (reader, "cns", FALSE);
  t.cols[2] = coordena_csv_reader_add_column (reader, "nome", FALSE);
  coordena_csv_reader_set_fast_path (reader, mode != 0);
  if (mode == 2)
    coordena_csv_reader_set_filter (reader, filter_cns);
  while (ok && pos < size)
    {
      size_t len = chunked ? MIN (size - pos, (size_t) (data[pos] % 8) + 1) : size;

      ok = coordena_csv_reader_feed (reader, data + pos, len, &error);
      pos += len;
    }
  if (ok)
    ok = coordena_csv_reader_finish (reader, &error);
  header = coordena_csv_reader_get_header (reader, &n);
  for (guint i = 0; header != NULL && i < n; i++)
    g_string_append_printf (t.out, "H%s\n", header[i]);
  g_string_append_printf (t.out, "N%" G_GUINT64_FORMAT " E%d %s\n", coordena_csv_reader_get_n_records (reader),
                          (int) coordena_csv_reader_get_encoding (reader), error != NULL ? error->message : "ok");
  return g_string_free (t.out, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static CoordenaCboMap *map;
  static const CoordenaReference *reference;
  g_autofree char *path = NULL;

  fuzz_init_once ();
  if (map == NULL)
    {
      map = coordena_cbo_map_load (NULL);
      reference = coordena_reference_get (NULL);
      if (map == NULL || reference == NULL)
        abort ();
    }
  if (size > 256 * 1024)
    return 0;

  path = fuzz_write ("equipes.csv", data, size);
  /* The reader for plain files must give what the general reader gives, or leave the file to it. */
  for (int lenient = 0; lenient < 2; lenient++)
    {
      CoordenaRosterCsvOptions general = { lenient, map, reference, TRUE }, plain = { lenient, map, reference, FALSE };
      g_autofree char *expected = roster_reading_dump (path, &general);
      g_autofree char *got = roster_reading_dump (path, &plain);

      if (strcmp (expected, got) != 0)
        {
          fprintf (stderr, "general reader:\n%s\nreader for plain files:\n%s\n", expected, got);
          abort ();
        }
    }
  for (int lenient = 0; lenient < 2; lenient++)
    {
      CoordenaRosterCsvOptions options = { lenient, map, reference };
      g_auto(CoordenaRosterCsvReport) report = { 0 };
      g_autoptr(GError) error = NULL;
      CoordenaRoster *roster = coordena_roster_csv_read (path, &options, &report, &error);

      if ((roster == NULL) == (error == NULL))
        abort ();   /* exactly one of a roster and an error */
      if (error != NULL && !g_utf8_validate (error->message, -1, NULL))
        abort ();
      if (roster != NULL)
        coordena_roster_unref (roster);
    }

  {
    g_autoptr(GError) error = NULL;
    CoordenaScenario *scenario = coordena_scenario_load_file (path, &error);

    if ((scenario == NULL) == (error == NULL))
      abort ();
    if (scenario != NULL)
      {
        guint n = 0;
        const CoordenaScenarioChange *changes = coordena_scenario_get_changes (scenario, &n);

        for (guint i = 0; i < n; i++)
          if (strlen (changes[i].ine) != 10)
            abort ();
        coordena_scenario_free (scenario);
      }
  }

  /* The bare reader, in chunks of 1 to 8 bytes chosen by the input itself. */
  {
    CoordenaCsvOptions options = { size > 0 && data[0] == ',' ? ',' : ';', COORDENA_CSV_ENCODING_AUTO, 4096 };
    int cols[3];
    g_autoptr(CoordenaCsvReader) reader = coordena_csv_reader_new ("fuzz.csv", &options, on_record, cols);
    g_autoptr(GError) error = NULL;
    gboolean ok = TRUE;
    size_t pos = 0;

    cols[0] = coordena_csv_reader_add_column (reader, "competencia", FALSE);
    cols[1] = coordena_csv_reader_add_column (reader, "cns", FALSE);
    cols[2] = coordena_csv_reader_add_column (reader, "nome", FALSE);
    while (ok && pos < size)
      {
        size_t n = MIN (size - pos, (size_t) (data[pos] % 8) + 1);

        ok = coordena_csv_reader_feed (reader, data + pos, n, &error);
        pos += n;
      }
    if (ok)
      ok = coordena_csv_reader_finish (reader, &error);
    if (ok != (error == NULL))
      abort ();
  }

  /* The fast path and the filter against libcsv alone, whole and in small chunks. */
  for (int chunked = 0; chunked < 2; chunked++)
    {
      g_autofree char *slow = read_all (data, size, 0, chunked);

      for (int mode = 1; mode <= 2; mode++)
        {
          g_autofree char *fast = read_all (data, size, mode, chunked);

          if (strcmp (slow, fast) != 0)
            {
              fprintf (stderr, "libcsv:\n%s\nfast path (mode %d, chunked %d):\n%s\n", slow, mode, chunked, fast);
              abort ();
            }
        }
    }
  return 0;
}
