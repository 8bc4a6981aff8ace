/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv.h — the one CSV reader of Coordena: streaming, columns by header name, any encoding the
 * product meets (UTF-8 with or without BOM, Windows-1252 / Latin-1), CRLF or LF, RFC 4180 quotes.
 *
 * Use: create a reader, declare the columns you need by name, then either read a file or a
 * stream, or push byte chunks with feed() and end with finish(). Line 1 is the header. Each data
 * record reaches the callback with its fields converted to UTF-8 and the physical line where it
 * starts; the callback may refuse a record by returning FALSE with a GError, which stops the read. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  COORDENA_CSV_ENCODING_AUTO,  /* BOM → UTF-8; valid UTF-8 → UTF-8; anything else → Windows-1252 */
  COORDENA_CSV_ENCODING_UTF8,  /* UTF-8 only (a BOM is skipped); invalid bytes are an error */
  COORDENA_CSV_ENCODING_LATIN1, /* ISO-8859-1 read as Windows-1252 (DATASUS files) */
} CoordenaCsvEncoding;

typedef struct {
  char separator;               /* ';' or ','; 0 means ';' */
  CoordenaCsvEncoding encoding;
  gsize max_record_bytes;       /* a record longer than this is refused; 0 means 1 MiB */
} CoordenaCsvOptions;

typedef struct _CoordenaCsvReader CoordenaCsvReader;

/* One data record, valid only during the callback. */
typedef struct {
  const char *filename;         /* the name used in messages */
  guint64 line;                 /* physical line (1-based) where the record starts */
  guint64 index;                /* 1-based ordinal of the data record (the header is not counted) */
  guint n_fields;
  const char *const *fields;    /* UTF-8, in file order; n_fields of them */
} CoordenaCsvRecord;

/* Called once per data record. Return FALSE and set error to stop the read with that error. */
typedef gboolean (*CoordenaCsvRecordFunc) (CoordenaCsvReader       *reader,
                                           const CoordenaCsvRecord *record,
                                           gpointer                 user_data,
                                           GError                 **error);

/* Called, when set, for each data record that sits whole on one line of plain fields, before its
 * fields are converted: return FALSE to drop the record unread (it still counts as read). Use
 * coordena_csv_reader_peek() to look at the fields that decide. Records the filter is not asked
 * about reach the record function as usual, which must decide the same way. */
typedef gboolean (*CoordenaCsvFilterFunc) (CoordenaCsvReader *reader, gpointer user_data);

/* A new reader; filename names the input in messages (a path or an archive member). */
CoordenaCsvReader *coordena_csv_reader_new (const char               *filename,
                                            const CoordenaCsvOptions *options,
                                            CoordenaCsvRecordFunc     func,
                                            gpointer                  user_data);

/* Frees a reader (finished or not). */
void coordena_csv_reader_free (CoordenaCsvReader *reader);

/* Declares a column looked up by name (case-insensitive, blanks trimmed) before reading starts;
 * returns its id for coordena_csv_record_get(). A required column absent from the header stops the
 * read with an error naming the column and the file. */
int coordena_csv_reader_add_column (CoordenaCsvReader *reader, const char *name, gboolean required);

/* TRUE when the header held the declared column (meaningful once the header has been read). */
gboolean coordena_csv_reader_has_column (CoordenaCsvReader *reader, int column_id);

/* The 1-based position of a declared column in the file, 0 when absent. */
guint coordena_csv_reader_column_position (CoordenaCsvReader *reader, int column_id);

/* The header's names in file order, trimmed (NULL before the header is read). */
const char *const *coordena_csv_reader_get_header (CoordenaCsvReader *reader, guint *n_columns);

/* The value of a declared column in a record: "" when the column is absent or the record short. */
const char *coordena_csv_record_get (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, int column_id);

/* The values of n declared columns at once, as coordena_csv_record_get() gives each. */
void coordena_csv_record_get_columns (CoordenaCsvReader       *reader,
                                      const CoordenaCsvRecord *record,
                                      const int               *column_ids,
                                      guint                    n,
                                      const char             **values);

/* Pushes the next bytes of the input (any chunk size, splits anywhere). */
gboolean coordena_csv_reader_feed (CoordenaCsvReader *reader, const void *data, gsize length, GError **error);

/* Ends the input: the last record without a final newline is delivered, an open quote refused. */
gboolean coordena_csv_reader_finish (CoordenaCsvReader *reader, GError **error);

/* Reads a whole stream (feed + finish) in bounded memory. */
gboolean coordena_csv_reader_read_stream (CoordenaCsvReader *reader,
                                          GInputStream      *stream,
                                          GCancellable      *cancellable,
                                          GError           **error);

/* Reads a whole file by path (feed + finish). */
gboolean coordena_csv_reader_read_file (CoordenaCsvReader *reader, const char *path, GError **error);

/* Sets the filter (NULL: none); it gets the record function's user_data. */
void coordena_csv_reader_set_filter (CoordenaCsvReader *reader, CoordenaCsvFilterFunc func);

/* During a filter call: the bytes of a declared column, not NUL-terminated, when they are exactly
 * what the record would hold (ASCII, no conversion); FALSE otherwise (the filter should keep the
 * record then). */
gboolean coordena_csv_reader_peek (CoordenaCsvReader *reader, int column_id, const char **value, gsize *length);

/* Lines of plain fields are split without libcsv unless this is turned off (the fuzzer compares
 * the two readings). On by default. */
void coordena_csv_reader_set_fast_path (CoordenaCsvReader *reader, gboolean enabled);

/* Number of data records read so far (delivered or dropped by the filter). */
guint64 coordena_csv_reader_get_n_records (CoordenaCsvReader *reader);

/* The encoding the reader settled on: UTF8 or LATIN1 (AUTO while only ASCII has been seen). */
CoordenaCsvEncoding coordena_csv_reader_get_encoding (CoordenaCsvReader *reader);

/* "arquivo:linha:coluna" for a declared column of a record ("arquivo:linha" when absent). */
char *coordena_csv_record_location (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, int column_id);

/* Sets a COORDENA_ERROR_INPUT error reading "arquivo:linha:coluna: MESSAGE". */
void coordena_csv_set_error (GError                 **error,
                             CoordenaCsvReader       *reader,
                             const CoordenaCsvRecord *record,
                             int                      column_id,
                             const char              *format,
                             ...) G_GNUC_PRINTF (5, 6);

/* The same text as a new string, for lists of warnings or skipped rows. */
char *coordena_csv_format_message (CoordenaCsvReader       *reader,
                                   const CoordenaCsvRecord *record,
                                   int                      column_id,
                                   const char              *format,
                                   ...) G_GNUC_PRINTF (4, 5);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaCsvReader, coordena_csv_reader_free)

G_END_DECLS
