/* SPDX-License-Identifier: GPL-3.0-or-later */
/* roster-csv.h — the roster interchange CSV (docs/formato-roster-csv.md): one row per member per
 * competência, read into a CoordenaRoster with every check of the format. */
#pragma once

#include <glib.h>

#include <coordena/reference.h>
#include <coordena/roster.h>
#include <coordena/ruleset.h>

G_BEGIN_DECLS

typedef struct {
  gboolean lenient;                   /* skip bad rows and list them instead of refusing the file */
  const CoordenaCboMap *cbo_map;      /* NULL: coordena_cbo_map_load() */
  const CoordenaReference *reference; /* NULL: coordena_reference_get() */
  gboolean general_reader_only;       /* skip the reader for plain files (to compare the two) */
} CoordenaRosterCsvOptions;

typedef struct {
  GPtrArray *warnings;  /* char*: "arquivo:linha:coluna: …" (CNES/INE check digits), once per code */
  GPtrArray *skipped;   /* char*: rows skipped in lenient mode, each with its reason */
  guint64 n_rows;       /* data rows read */
  gboolean plain;       /* read by the reader for plain files (the general one reads the rest) */
} CoordenaRosterCsvReport;

/* The largest number of errors a refusal lists; the message counts the rest. */
#define COORDENA_ROSTER_CSV_MAX_LISTED 50

/* Reads a roster CSV. On refusal (not lenient), the error lists every bad row as
 * "arquivo:linha:coluna: rule" and nothing is returned. report may be NULL. */
CoordenaRoster *coordena_roster_csv_read (const char                     *path,
                                          const CoordenaRosterCsvOptions *options,
                                          CoordenaRosterCsvReport        *report,
                                          GError                        **error);

/* Frees the lists of a report filled by coordena_roster_csv_read(). */
void coordena_roster_csv_report_clear (CoordenaRosterCsvReport *report);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CoordenaRosterCsvReport, coordena_roster_csv_report_clear)

G_END_DECLS
