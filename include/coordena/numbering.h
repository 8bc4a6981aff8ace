/* SPDX-License-Identifier: GPL-3.0-or-later */
/* numbering.h — the numbers of the documents a secretariat signs (ofícios, notifications).
 *
 * One counter per sequence ("oficio", …) and year; every issued number is kept three times: in
 * the database (table numero_emitido), in an append-only register beside the database file
 * (<db>.oficios.log) and in the user's register of the state ($XDG_DATA_HOME/coordena/
 * oficios-<UF>.log); both registers 0600, one fsync'd line per number. The registers are what a
 * restored older copy of the database, or a copy at another path, cannot forget, so a number once
 * printed is never printed again.
 *
 * How a document takes a number: inside the transaction that stores it, call
 * coordena_numbering_check_date, then coordena_numbering_next (or coordena_numbering_check_free
 * for a number the user gives), then coordena_numbering_issue; write the file to a temporary name,
 * commit, and only then rename it to its final name. */
#pragma once

#include <glib.h>

#include <coordena/store.h>

G_BEGIN_DECLS

#define COORDENA_SEQUENCE_OFICIO "oficio"

/* How many days ahead a generated document may be dated (for the day it will be signed). */
#define COORDENA_NUMBERING_MAX_DAYS_AHEAD 30

/* The highest value the counter can be set to give next. */
#define COORDENA_NUMBERING_MAX_NUMBER 99999u

typedef enum {
  COORDENA_NUMBER_COUNTER,     /* "contador": the next value of Coordena's counter */
  COORDENA_NUMBER_GIVEN,       /* "informado": the secretariat's own number, given by the user */
  COORDENA_NUMBER_REGISTERED,  /* "registrado": a document sent outside Coordena, registered here */
} CoordenaNumberOrigin;

const char *coordena_number_origin_to_string (CoordenaNumberOrigin origin);

typedef struct {
  char *sequence;
  guint year;
  guint number;
  char *date;         /* AAAA-MM-DD: the document's date (or the date sent, when registered) */
  CoordenaNumberOrigin origin;
  char *document;     /* "OFÍCIO Nº 12/2026/COAPS/SESA" */
  char *sha256;       /* of the file, NULL when there is none */
  char *recorded_at;  /* UTC */
} CoordenaIssuedNumber;

void coordena_issued_number_free (CoordenaIssuedNumber *issued);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaIssuedNumber, coordena_issued_number_free)

/* "<db>.oficios.log", NULL for a database without a file. */
char *coordena_numbering_register_path (CoordenaStore *store);

/* "$XDG_DATA_HOME/coordena/oficios-<UF>.log": the user's register of the state's numbers, kept
 * in addition to the one beside the database, so that a copy of the database at another path
 * (a restored backup, `cp`) cannot reissue a number; NULL for a demonstration database. */
char *coordena_numbering_user_register_path (CoordenaStore *store);

/* The register's lines (CoordenaIssuedNumber*), oldest first; a missing register is empty, a
 * torn last line (a write cut short) is skipped; any other line that cannot be read is an error
 * naming the file and the line (a number is never issued past a damaged register). The file is
 * made 0600 when read. */
GPtrArray *coordena_numbering_read_register (const char *path, GError **error);

/* "123/2026" → 123, 2026. */
gboolean coordena_numbering_parse (const char *text, guint *number, guint *year, GError **error);

/* The date of a document to be generated: today, or a later day up to 30 days ahead for the
 * signature, and never before the last issued number of the same year's sequence (database or
 * registers). */
gboolean coordena_numbering_check_date (CoordenaStore *store, const char *sequence, const GDate *date,
                                        GError **error);

/* The next number of the counter: past the last the counter gave (database or register) and past
 * any number already issued by other means. */
gboolean coordena_numbering_next (CoordenaStore *store, const char *sequence, guint year, guint *number,
                                  GError **error);

/* Numbers follow dates within one year's sequence: every issued lower number dated on or before
 * date, every higher number on or after it. */
gboolean coordena_numbering_check_order (CoordenaStore *store, const char *sequence, guint year, guint number,
                                         const GDate *date, GError **error);

/* Refuses a number already issued in the sequence and year (database or register), saying when
 * and on which document. */
gboolean coordena_numbering_check_free (CoordenaStore *store, const char *sequence, guint year, guint number,
                                        GError **error);

/* Inside the caller's transaction: records the number in the database (and moves the counter
 * when it came from it), then appends it to the register and syncs it to disk. If the
 * transaction is later rolled back the register keeps the line: that number is spent. */
gboolean coordena_numbering_issue (CoordenaStore *store, const CoordenaIssuedNumber *issued, GError **error);

/* The number the counter will give next for a year (nothing is reserved). */
gboolean coordena_numbering_peek_next (CoordenaStore *store, const char *sequence, guint year, guint *next,
                                       GError **error);

/* Makes the counter give `next` next in that year; it may jump ahead, never back over a number
 * it gave. One transaction, audited. */
gboolean coordena_numbering_set_next (CoordenaStore *store, const char *sequence, guint year, guint next,
                                      GError **error);

/* After a restore: the numbers the register holds and the restored database does not know, as a
 * sentence ("os ofícios 2/2025 a 5/2025 foram emitidos depois desta cópia …"); NULL when none. */
char *coordena_numbering_restore_note (CoordenaStore *store, GError **error);

/* Writes bytes to a new temporary file in path's folder (0600, synced): the caller renames it
 * over path with coordena_file_commit_temp once everything else succeeded, or unlinks it. */
char *coordena_file_write_temp (const char *path, const void *data, gsize size, GError **error);
gboolean coordena_file_commit_temp (const char *temp, const char *path, GError **error);

/* Removes, in path's folder, the temporary files ".NAME.pdf.XXXXXX" (0600, ours) that a run
 * killed between its commit and its rename left behind, when older than this run; returns their
 * names (empty when none). The ofício they held is in the database: `oficio export` writes it again. */
GPtrArray *coordena_file_clean_stale_temps (const char *path);

G_END_DECLS
