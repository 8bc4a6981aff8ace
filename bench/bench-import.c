/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing a state-sized CNES base: 6 000 teams, ~50 000 members, and tbCargaHorariaSus and
 * tbDadosProfissionalSus of over a million rows each to filter. Targets: ≤ 10 s and ≤ 300 MB peak
 * RSS. For scale, the time sqlite3's own .import takes to load the same team-member rows. */
#include "config.h"

#include <sys/resource.h>
#include <glib/gstdio.h>

#include <coordena/coordena.h>
#include <coordena/export.h>
#include <coordena/import.h>
#include <coordena/roster.h>
#include <coordena/store.h>

#include "cnes-synth.h"
#include "test-utils.h"

#define TARGET_SECONDS 10.0
#define TARGET_MB 300.0

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static double
import_once (const char *db_path, const char *source, CoordenaImportReport **report_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaStore) store = NULL;
  CoordenaCompetencia c = 202508;
  gint64 start;
  CoordenaImportReport *report;

  store = coordena_store_open (db_path, &error);
  g_assert_no_error (error);
  if (coordena_store_get_uf (store) == NULL)
    {
      coordena_store_init_uf (store, "RS", &error);
      g_assert_no_error (error);
    }
  start = g_get_monotonic_time ();
  report = coordena_import_cnes (store, source, &c, 1, NULL, NULL, NULL, &error);
  if (report == NULL)
    g_error ("import failed: %s", error->message);
  *report_out = report;
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("coordena-bench-XXXXXX", &error);
  g_autofree char *base = g_build_filename (tmp, "base", NULL);
  g_autofree char *zip = g_build_filename (tmp, "BASE_DE_DADOS_CNES_202508.ZIP", NULL);
  g_autofree char *db_dir = g_build_filename (tmp, "dir.db", NULL);
  g_autofree char *db_zip = g_build_filename (tmp, "zip.db", NULL);
  g_autofree char *flat = g_build_filename (tmp, "flat.csv", NULL);
  g_autofree char *flat_db = g_build_filename (tmp, "flat.db", NULL);
  CnesSynthOptions options = { 43, 6000, 8, 1000000, 202508, 7 };
  CnesSynthCounts counts;
  CoordenaImportReport *report = NULL;
  double t_dir, t_zip, t_sqlite, rss;
  gint64 start;
  int status = 0;
  gboolean ok;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  if (!cnes_synth_write (base, &options, &counts, &error))
    g_error ("%s", error->message);
  g_print ("import: synthetic base of RS written in %.1f s: %u teams, %u members active; "
           "tbCargaHorariaSus %" G_GUINT64_FORMAT " rows, tbDadosProfissionalSus %" G_GUINT64_FORMAT " rows\n",
           (g_get_monotonic_time () - start) / 1e6, counts.n_teams, counts.n_members, counts.carga_rows,
           counts.dados_rows);

  t_dir = import_once (db_dir, base, &report);
  rss = peak_rss_mb ();
  g_print ("import: folder -> %u teams, %u members in %.2f s; peak RSS %.0f MB\n",
           report->n_teams, report->n_members, t_dir, rss);
  coordena_import_report_free (report);

  {
    const char *argv[] = { "sh", "-c", "cd \"$0\" && zip -q -1 \"$1\" *.csv", base, zip, NULL };

    ok = g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  }
  if (ok && status == 0)
    {
      t_zip = import_once (db_zip, zip, &report);
      rss = peak_rss_mb ();
      GStatBuf st = { 0 };

      g_stat (zip, &st);
      g_print ("import: ZIP (%.0f MB) -> %u teams, %u members in %.2f s; peak RSS %.0f MB\n",
               st.st_size / 1048576.0, report->n_teams, report->n_members, t_zip, rss);
      coordena_import_report_free (report);
    }
  else
    {
      g_print ("import: zip not available, ZIP timing skipped\n");
      t_zip = t_dir;
    }

  /* What evaluate, forecast and the application do first: the roster snapshot from the database. */
  {
    g_autoptr(CoordenaStore) store = coordena_store_open (db_dir, &error);
    g_autoptr(CoordenaRoster) roster = NULL;
    guint n_members = 0;

    g_assert_no_error (error);
    start = g_get_monotonic_time ();
    roster = coordena_store_load_roster (store, &error);
    if (roster == NULL)
      g_error ("%s", error->message);
    coordena_roster_get_members (roster, &n_members);
    g_print ("import: roster snapshot from the database (%u teams, %u members) in %.3f s\n",
             coordena_roster_get_n_teams (roster), n_members, (g_get_monotonic_time () - start) / 1e6);
  }

  /* The same roster through the interchange CSV: export, then import into a new database. */
  {
    g_autofree char *csv = g_build_filename (tmp, "cadastro.csv", NULL);
    g_autofree char *db_csv = g_build_filename (tmp, "csv.db", NULL);
    g_autoptr(CoordenaStore) from = coordena_store_open (db_dir, &error);
    g_autoptr(CoordenaStore) to = NULL;
    CoordenaImportReport *csv_report;
    double t_export, t_csv;

    g_assert_no_error (error);
    start = g_get_monotonic_time ();
    if (!coordena_export_roster_csv (from, csv, &error))
      g_error ("%s", error->message);
    t_export = (g_get_monotonic_time () - start) / 1e6;
    to = coordena_store_open (db_csv, &error);
    coordena_store_init_uf (to, "RS", &error);
    g_assert_no_error (error);
    start = g_get_monotonic_time ();
    csv_report = coordena_import_roster_csv (to, csv, NULL, NULL, NULL, &error);
    if (csv_report == NULL)
      g_error ("%s", error->message);
    t_csv = (g_get_monotonic_time () - start) / 1e6;
    g_print ("import: roster CSV export %.2f s; import of its %u members %.2f s\n", t_export,
             csv_report->n_members, t_csv);
    coordena_import_report_free (csv_report);
  }

  if (!cnes_synth_write_flat (flat, &options, &error))
    g_error ("%s", error->message);
  {
    g_autofree char *dot_import = g_strdup_printf (".import %s vinculo", flat);
    const char *argv[] = { "sqlite3", flat_db, "CREATE TABLE vinculo (ine TEXT, cns TEXT, cbo TEXT, horas INTEGER);",
                           ".separator ;", dot_import, NULL };

    start = g_get_monotonic_time ();
    ok = g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
    t_sqlite = (g_get_monotonic_time () - start) / 1e6;
  }
  if (ok && status == 0)
    g_print ("import: sqlite3 .import of the same %u team-member rows: %.3f s; Coordena's import takes %.0fx that "
             "(it also reads and filters %" G_GUINT64_FORMAT " rows of the CNES tables)\n",
             counts.n_members, t_sqlite, t_dir / t_sqlite, counts.carga_rows + counts.dados_rows);
  else
    g_print ("import: sqlite3 not available, ratio skipped\n");

  remove_tree (tmp);
  g_print ("import: targets <= %.0f s and <= %.0f MB: %s\n", TARGET_SECONDS, TARGET_MB,
           MAX (t_dir, t_zip) <= TARGET_SECONDS && rss <= TARGET_MB ? "met" : "MISSED");
  return MAX (t_dir, t_zip) <= TARGET_SECONDS && rss <= TARGET_MB ? 0 : 1;
}
