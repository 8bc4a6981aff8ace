/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import.h — filling the store from the roster interchange CSV or the CNES open-data base.
 *
 * Every import is all or nothing: one transaction, rolled back on any refusal or on Cancel.
 * Importing a competência again replaces that competência's data for the imported teams; rows
 * are never duplicated. Progress goes to a callback; the end is a report the user reads. */
#pragma once

#include <gio/gio.h>

#include <coordena/competencia.h>
#include <coordena/store.h>

G_BEGIN_DECLS

/* Called now and then from the importing thread: fraction 0–1 (or −1 when unknown), and what
 * is being read. Cancel through the GCancellable. */
typedef void (*CoordenaImportProgressFunc) (double fraction, const char *stage, gpointer user_data);

typedef struct {
  char *source;            /* the file or folder read */
  GArray *competencias;    /* CoordenaCompetencia written, ascending */
  guint n_teams;           /* distinct teams written */
  guint n_team_months;     /* team × competência rows written */
  guint n_members;         /* memberships written */
  guint n_professionals;   /* distinct professionals */
  guint n_skipped;         /* rows skipped, in all */
  GPtrArray *skipped;      /* "where: why" for the first skipped rows */
  guint n_warnings;
  GPtrArray *warnings;     /* "where: what" (check digits, unknown CBO…), the first ones */
  GPtrArray *notes;        /* summary lines (rows of other states ignored, files read…) */
  double elapsed;          /* seconds */
} CoordenaImportReport;

CoordenaImportReport *coordena_import_report_new (const char *source);
void coordena_import_report_free (CoordenaImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaImportReport, coordena_import_report_free)

/* The report as lines of text for a person (translated). */
char *coordena_import_report_to_text (const CoordenaImportReport *report);

/* Imports the roster interchange CSV (docs/formato-roster-csv.md). Rows of municipalities outside the
 * database's state are refused with their line numbers; any refused row leaves the database
 * exactly as it was. */
CoordenaImportReport *coordena_import_roster_csv (CoordenaStore             *store,
                                                  const char                *path,
                                                  CoordenaImportProgressFunc progress,
                                                  gpointer                   user_data,
                                                  GCancellable              *cancellable,
                                                  GError                   **error);

/* Imports the CNES open-data base (docs/importacao-cnes.md) for the database's state and the
 * given competências. path is BASE_DE_DADOS_CNES_AAAAMM.ZIP, read as a stream, or a folder
 * holding the tables' CSV files. */
CoordenaImportReport *coordena_import_cnes (CoordenaStore             *store,
                                            const char                *path,
                                            const CoordenaCompetencia *competencias,
                                            guint                      n_competencias,
                                            CoordenaImportProgressFunc progress,
                                            gpointer                   user_data,
                                            GCancellable              *cancellable,
                                            GError                   **error);

G_END_DECLS
