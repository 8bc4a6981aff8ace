/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the CNES open-data import (Latin-1 CSV tables, dates, workloads, the joins), on
 * a real store. The input holds the five tables one after the other, separated by lines of
 * "%%%%"; missing tables are taken from nothing (the import must then refuse). The same input is
 * imported again into a second store with the reader's fast path and row filter off: the two
 * reports (or refusals) must be the same. */
#include "fuzz-common.h"

#include <stdio.h>

#include <coordena/coordena.h>
#include <coordena/import.h>
#include <coordena/store.h>

#include "../../src/core/import-private.h"
#include "store-private.h"

static const char *const tables[] = {
  "tbEquipe202508.csv", "rlEstabEquipeProf202508.csv", "tbCargaHorariaSus202508.csv",
  "tbDadosProfissionalSus202508.csv", "tbEstabelecimento202508.csv",
};

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static CoordenaStore *store, *slow_store;
  static char *dir;
  const CoordenaCompetencia competencias[] = { 202507, 202508 };
  const uint8_t *part = data;
  size_t left = size;
  g_autoptr(CoordenaImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init_once ();
  if (store == NULL)
    {
      g_autofree char *db = g_build_filename (fuzz_scratch_dir (), "cnes.db", NULL);

      dir = g_build_filename (fuzz_scratch_dir (), "base", NULL);
      g_mkdir_with_parents (dir, 0700);
      store = coordena_store_open (db, NULL);
      if (store == NULL || !coordena_store_init_uf (store, "RS", NULL))
        abort ();
      g_free (db);
      db = g_build_filename (fuzz_scratch_dir (), "cnes-libcsv.db", NULL);
      slow_store = coordena_store_open (db, NULL);
      if (slow_store == NULL || !coordena_store_init_uf (slow_store, "RS", NULL))
        abort ();
    }
  if (size > 512 * 1024)
    return 0;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *path = g_build_filename (dir, tables[t], NULL);
      const uint8_t *sep = left >= 6 ? memmem (part, left, "\n%%%%\n", 6) : NULL;
      size_t n = sep != NULL ? (size_t) (sep - part) : left;

      if (t == G_N_ELEMENTS (tables) - 1 || sep != NULL || n > 0)
        {
          if (!g_file_set_contents (path, (const char *) part, (gssize) n, NULL))
            abort ();
        }
      else
        g_remove (path);
      part += sep != NULL ? n + 6 : n;
      left -= sep != NULL ? n + 6 : n;
    }

  report = coordena_import_cnes (store, dir, competencias, G_N_ELEMENTS (competencias), NULL, NULL, NULL, &error);
  if ((report == NULL) == (error == NULL))
    abort ();
  if (error != NULL && error->code == COORDENA_ERROR_INTERNAL)
    abort ();
  if (coordena_store_in_transaction (store))
    abort ();   /* a refusal must leave no transaction open */

  {
    g_autoptr(CoordenaImportReport) slow = NULL;
    g_autoptr(GError) slow_error = NULL;
    g_autofree char *text = NULL;
    g_autofree char *slow_text = NULL;

    coordena_import_cnes_set_fast_path_for_testing (FALSE);
    slow = coordena_import_cnes (slow_store, dir, competencias, G_N_ELEMENTS (competencias), NULL, NULL, NULL,
                                 &slow_error);
    coordena_import_cnes_set_fast_path_for_testing (TRUE);
    if ((slow == NULL) != (report == NULL))
      abort ();
    if (report != NULL)
      {
        report->elapsed = slow->elapsed = 0;
        text = coordena_import_report_to_text (report);
        slow_text = coordena_import_report_to_text (slow);
      }
    else
      {
        text = g_strdup (error->message);
        slow_text = g_strdup (slow_error->message);
      }
    if (strcmp (text, slow_text) != 0)
      {
        fprintf (stderr, "fast path:\n%s\nlibcsv alone:\n%s\n", text, slow_text);
        abort ();
      }
  }
  return 0;
}
