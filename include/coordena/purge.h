/* SPDX-License-Identifier: GPL-3.0-or-later */
/* purge.h — removing the personal data a database holds (LGPD) while keeping what the program
 * computes from it: the counts of teams and members and every evaluation, forecast and report.
 *
 * A professional's CNS becomes a pseudonym unique to them ("X" and 14 digits, never a valid
 * CNS), so the same person is still one person across teams; names of professionals and of
 * municipal contacts are removed; the audit log keeps its entries with those values masked. The
 * freed pages are overwritten and the file compacted, so the data does not linger inside it. */
#pragma once

#include <glib.h>

#include <coordena/store.h>

G_BEGIN_DECLS

typedef struct {
  guint n_professionals;   /* CNS replaced by a pseudonym */
  guint n_names;           /* professionals' names removed */
  guint n_contacts;        /* municipal follow-up rows whose people were removed */
  guint n_scenarios;       /* scenario changes whose CNS was replaced */
  guint n_audit;           /* audit entries with personal data masked */
  guint n_letters;         /* notifications whose stored PDF, naming a municipal secretary, was removed */
  GPtrArray *leftovers;    /* char*: files beside the database that still hold the data: the copies
                            * made before migrations and restores, the partial copies of a restore
                            * that was interrupted, and the copies made with `backup FILE` */
  GPtrArray *missing;      /* char*: copies the audit log records that are no longer where they were
                            * written (moved or deleted) */
  GPtrArray *unverified;   /* char*: copies the audit log records by a relative name (written by an
                            * older version from some folder): neither here nor beside the database,
                            * so where they are cannot be told */
} CoordenaPurgeReport;

void coordena_purge_report_clear (CoordenaPurgeReport *report);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CoordenaPurgeReport, coordena_purge_report_clear)

/* The pseudonym standing for a professional once the data is purged: "X00000000000042". */
char *coordena_purge_pseudonym (gint64 professional_id);

/* Removes the personal data in one transaction (audited), then overwrites and compacts the file
 * and checkpoints its WAL to nothing. When another program reads the database the file cannot be
 * rewritten: that is refused before anything changes, or, if the program came in during the
 * purge, reported as an error naming it (the purge can be run again). report may be NULL. */
gboolean coordena_purge_personal_data (CoordenaStore *store, CoordenaPurgeReport *report, GError **error);

G_END_DECLS
