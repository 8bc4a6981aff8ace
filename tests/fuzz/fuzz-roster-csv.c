/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the roster interchange CSV reader (strict and lenient), the forecast's scenario
 * file read from the same bytes, and the CSV reader under both fed in small chunks that split
 * records, quotes and UTF-8 sequences anywhere. */
#include "fuzz-common.h"

#include <coordena/coordena.h>
#include <coordena/csv.h>
#include <coordena/roster-csv.h>
#include <coordena/rules.h>

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
  return 0;
}
