/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv.c — the CSV reader on libcsv. libcsv handles quoting; this file adds what it lacks: line
 * numbers, encodings, columns by name, bounded records and clean refusals. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/* libcsv's public header; Coordena's own is <coordena/csv.h>. */
#include <csv.h>

#include <coordena/error.h>
#include <coordena/csv.h>
#include <coordena/csv-writer.h>

#define DEFAULT_MAX_RECORD_BYTES (1024 * 1024)
#define MAX_FIELDS 4096
#define READ_CHUNK (64 * 1024)

/* libcsv's parser state between records (ROW_NOT_BEGUN in libcsv.c). */
#define LIBCSV_ROW_NOT_BEGUN 0
#define LIBCSV_FIELD_BEGUN 2

typedef struct {
  char *name;
  char *folded;
  gboolean required;
  int position; /* 0-based position in the file, −1 when absent */
} Column;

struct _CoordenaCsvReader {
  char *filename;
  CoordenaCsvOptions options;
  CoordenaCsvRecordFunc func;
  gpointer user_data;

  struct csv_parser parser;
  gboolean parser_ready;

  GArray *columns;      /* Column */
  GPtrArray *header;    /* char*, NULL-terminated once read */
  gboolean header_done;

  GString *row;         /* the current record's fields, each NUL-terminated */
  GArray *offsets;      /* gsize: start of each field in row */
  GPtrArray *pointers;  /* const char*: rebuilt per record */

  guint64 line;         /* physical line of the next byte to parse */
  guint64 record_line;  /* physical line where the current record started */
  gsize record_bytes;
  gboolean pending_cr;  /* the last chunk ended with '\r' */

  guchar bom[3];
  guint bom_len;
  gboolean bom_checked;

  CoordenaCsvEncoding detected;
  GError *error;

  /* The fast path: a whole line of plain fields split here, without libcsv. */
  gboolean fast_path;
  CoordenaCsvFilterFunc filter;
  GArray *spans;        /* Span: the current plain line's fields, for the filter's peek */
  int line_plain;       /* the split line is ASCII with no field starting with ': 1, 0, or −1 unknown */
  const guchar *span_base;
  gboolean finished;
  guint64 n_records;
};

/* Windows-1252 0x80–0x9F; the five holes keep their Latin-1 code points. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

typedef struct {
  gsize start;
  gsize len;
} Span;

static void
append_cp1252 (GString *out, const guchar *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar b = s[i];

      if (b < 0x80)
        g_string_append_c (out, (char) b);
      else if (b < 0xA0)
        g_string_append_unichar (out, cp1252_high[b - 0x80]);
      else
        g_string_append_unichar (out, b);
    }
}

static gboolean
is_ascii (const guchar *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (s[i] & 0x80)
      return FALSE;
  return TRUE;
}

CoordenaCsvReader *
coordena_csv_reader_new (const char               *filename,
                         const CoordenaCsvOptions *options,
                         CoordenaCsvRecordFunc     func,
                         gpointer                  user_data)
{
  CoordenaCsvReader *r = g_new0 (CoordenaCsvReader, 1);

  r->filename = g_strdup (filename != NULL ? filename : "-");
  if (options != NULL)
    r->options = *options;
  if (r->options.separator == 0)
    r->options.separator = ';';
  if (r->options.max_record_bytes == 0)
    r->options.max_record_bytes = DEFAULT_MAX_RECORD_BYTES;
  r->func = func;
  r->user_data = user_data;
  r->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  r->header = g_ptr_array_new_with_free_func (g_free);
  r->row = g_string_sized_new (256);
  r->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  r->pointers = g_ptr_array_new ();
  r->line = 1;
  r->record_line = 1;
  r->detected = r->options.encoding;
  r->fast_path = TRUE;
  r->spans = g_array_new (FALSE, FALSE, sizeof (Span));

  if (csv_init (&r->parser, 0) == 0)
    {
      r->parser_ready = TRUE;
      csv_set_delim (&r->parser, (unsigned char) r->options.separator);
    }
  return r;
}

void
coordena_csv_reader_free (CoordenaCsvReader *r)
{
  if (r == NULL)
    return;
  if (r->parser_ready)
    csv_free (&r->parser);
  for (guint i = 0; i < r->columns->len; i++)
    {
      Column *c = &g_array_index (r->columns, Column, i);
      g_free (c->name);
      g_free (c->folded);
    }
  g_array_unref (r->columns);
  g_ptr_array_unref (r->header);
  g_string_free (r->row, TRUE);
  g_array_unref (r->offsets);
  g_ptr_array_unref (r->pointers);
  g_array_unref (r->spans);
  g_clear_error (&r->error);
  g_free (r->filename);
  g_free (r);
}

static char *
fold_name (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  return g_utf8_casefold (trimmed, -1);
}

int
coordena_csv_reader_add_column (CoordenaCsvReader *r, const char *name, gboolean required)
{
  Column c = { 0 };

  g_return_val_if_fail (r != NULL && name != NULL, -1);
  g_return_val_if_fail (!r->header_done, -1);

  c.name = g_strdup (name);
  c.folded = fold_name (name);
  c.required = required;
  c.position = -1;
  g_array_append_val (r->columns, c);
  return (int) r->columns->len - 1;
}

static const Column *
get_column (CoordenaCsvReader *r, int id)
{
  if (id < 0 || (guint) id >= r->columns->len)
    return NULL;
  return &g_array_index (r->columns, Column, id);
}

gboolean
coordena_csv_reader_has_column (CoordenaCsvReader *r, int column_id)
{
  const Column *c = get_column (r, column_id);
  return c != NULL && c->position >= 0;
}

guint
coordena_csv_reader_column_position (CoordenaCsvReader *r, int column_id)
{
  const Column *c = get_column (r, column_id);
  return (c != NULL && c->position >= 0) ? (guint) c->position + 1 : 0;
}

const char *const *
coordena_csv_reader_get_header (CoordenaCsvReader *r, guint *n_columns)
{
  if (!r->header_done)
    {
      if (n_columns != NULL)
        *n_columns = 0;
      return NULL;
    }
  if (n_columns != NULL)
    *n_columns = r->header->len - 1;
  return (const char *const *) r->header->pdata;
}

const char *
coordena_csv_record_get (CoordenaCsvReader *r, const CoordenaCsvRecord *record, int column_id)
{
  const Column *c = get_column (r, column_id);

  if (c == NULL || c->position < 0 || (guint) c->position >= record->n_fields)
    return "";
  return record->fields[c->position];
}

void
coordena_csv_record_get_columns (CoordenaCsvReader       *r,
                                 const CoordenaCsvRecord *record,
                                 const int               *column_ids,
                                 guint                    n,
                                 const char             **values)
{
  const Column *columns = (const Column *) (void *) r->columns->data;

  for (guint i = 0; i < n; i++)
    {
      int id = column_ids[i];
      int position = id >= 0 && (guint) id < r->columns->len ? columns[id].position : -1;

      values[i] = position >= 0 && (guint) position < record->n_fields ? record->fields[position] : "";
    }
}

guint64
coordena_csv_reader_get_n_records (CoordenaCsvReader *r)
{
  return r->n_records;
}

CoordenaCsvEncoding
coordena_csv_reader_get_encoding (CoordenaCsvReader *r)
{
  return r->detected;
}

static char *
location (CoordenaCsvReader *r, guint64 line, guint column)
{
  if (column > 0)
    return g_strdup_printf ("%s:%" G_GUINT64_FORMAT ":%u", r->filename, line, column);
  return g_strdup_printf ("%s:%" G_GUINT64_FORMAT, r->filename, line);
}

char *
coordena_csv_record_location (CoordenaCsvReader *r, const CoordenaCsvRecord *record, int column_id)
{
  return location (r, record->line, coordena_csv_reader_column_position (r, column_id));
}

static char *
format_message_va (CoordenaCsvReader *r, const CoordenaCsvRecord *record, int column_id,
                   const char *format, va_list args) G_GNUC_PRINTF (4, 0);

static char *
format_message_va (CoordenaCsvReader *r, const CoordenaCsvRecord *record, int column_id,
                   const char *format, va_list args)
{
  g_autofree char *where = coordena_csv_record_location (r, record, column_id);
  g_autofree char *what = g_strdup_vprintf (format, args);

  return g_strdup_printf ("%s: %s", where, what);
}

char *
coordena_csv_format_message (CoordenaCsvReader *r, const CoordenaCsvRecord *record, int column_id,
                             const char *format, ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = format_message_va (r, record, column_id, format, args);
  va_end (args);
  return message;
}

void
coordena_csv_set_error (GError **error, CoordenaCsvReader *r, const CoordenaCsvRecord *record,
                        int column_id, const char *format, ...)
{
  va_list args;
  char *message;

  if (error == NULL)
    return;
  va_start (args, format);
  message = format_message_va (r, record, column_id, format, args);
  va_end (args);
  g_set_error_literal (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, message);
  g_free (message);
}

/* Records the first failure; later callbacks of the same chunk are ignored. */
static void
fail (CoordenaCsvReader *r, guint64 line, guint column, const char *format, ...) G_GNUC_PRINTF (4, 5);

static void
fail (CoordenaCsvReader *r, guint64 line, guint column, const char *format, ...)
{
  g_autofree char *where = NULL;
  g_autofree char *what = NULL;
  va_list args;

  if (r->error != NULL)
    return;
  where = location (r, line, column);
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  r->error = g_error_new (COORDENA_ERROR, COORDENA_ERROR_INPUT, "%s: %s", where, what);
}

static void
on_field (void *data, size_t len, void *user_data)
{
  CoordenaCsvReader *r = user_data;
  const guchar *s = data;
  gsize start;

  if (r->error != NULL)
    return;
  if (r->offsets->len >= MAX_FIELDS)
    {
      fail (r, r->record_line, 0, _("the record has more than %d fields"), MAX_FIELDS);
      return;
    }

  start = r->row->len;
  g_array_append_val (r->offsets, start);
  if (len == 0)
    {
      g_string_append_c (r->row, '\0');
      return;
    }

  if (is_ascii (s, len))
    g_string_append_len (r->row, (const char *) s, (gssize) len);
  else
    {
      gboolean valid = g_utf8_validate_len ((const char *) s, len, NULL);

      if (r->detected == COORDENA_CSV_ENCODING_AUTO)
        r->detected = valid ? COORDENA_CSV_ENCODING_UTF8 : COORDENA_CSV_ENCODING_LATIN1;

      if (r->detected == COORDENA_CSV_ENCODING_LATIN1)
        append_cp1252 (r->row, s, len);
      else if (valid)
        g_string_append_len (r->row, (const char *) s, (gssize) len);
      else
        {
          fail (r, r->record_line, r->offsets->len,
                r->options.encoding == COORDENA_CSV_ENCODING_UTF8
                ? _("the text is not valid UTF-8")
                : _("the text is not valid UTF-8, although earlier lines of the file are"));
          return;
        }
    }
  /* A formula the writer made inert ("'=1+2") reads back as the text it was (csv-writer.h). */
  if (r->row->str[start] == '\'' && coordena_csv_is_formula (r->row->str + start + 1))
    g_string_erase (r->row, (gssize) start, 1);
  g_string_append_c (r->row, '\0');
}

static void
read_header (CoordenaCsvReader *r)
{
  for (guint i = 0; i < r->pointers->len; i++)
    g_ptr_array_add (r->header, g_strstrip (g_strdup (r->pointers->pdata[i])));

  for (guint c = 0; c < r->columns->len; c++)
    {
      Column *col = &g_array_index (r->columns, Column, c);

      for (guint i = 0; i < r->header->len; i++)
        {
          g_autofree char *folded = g_utf8_casefold (r->header->pdata[i], -1);

          if (!g_str_equal (folded, col->folded))
            continue;
          /* Two columns for one declared name: which one holds the data is anyone's guess. */
          if (col->position >= 0)
            {
              if (r->error == NULL)
                r->error = g_error_new (COORDENA_ERROR, COORDENA_ERROR_INPUT,
                                        _("%s:1: the column “%s” appears twice in the header (columns %u and %u)"),
                                        r->filename, col->name, (guint) col->position + 1, i + 1);
              break;
            }
          col->position = (int) i;
        }
      if (col->position < 0 && col->required)
        {
          char other = r->options.separator == ';' ? ',' : ';';

          /* A whole header in one field holding the other separator: say so, it is the usual cause. */
          if (r->error == NULL && r->header->len == 1 && strchr (r->header->pdata[0], other) != NULL)
            r->error = g_error_new (COORDENA_ERROR, COORDENA_ERROR_INPUT,
                                    _("%s:1: the required column “%s” is missing from the header: the file seems separated by “%c” instead of “%c”"),
                                    r->filename, col->name, other, r->options.separator);
          else if (r->error == NULL)
            r->error = g_error_new (COORDENA_ERROR, COORDENA_ERROR_INPUT,
                                    _("%s:1: the required column “%s” is missing from the header"),
                                    r->filename, col->name);
          break;
        }
    }
  g_ptr_array_add (r->header, NULL);
  r->header_done = TRUE;
}

static void
on_record (int terminator, void *user_data)
{
  CoordenaCsvReader *r = user_data;
  gboolean all_empty = TRUE;

  if (r->error != NULL)
    goto out;

  g_ptr_array_set_size (r->pointers, (gint) r->offsets->len);
  {
    const gsize *offsets = (const gsize *) (void *) r->offsets->data;
    const char **pointers = (const char **) r->pointers->pdata;

    for (guint i = 0; i < r->offsets->len; i++)
      {
        const char *field = r->row->str + offsets[i];

        pointers[i] = field;
        all_empty = all_empty && field[0] == '\0';
      }
  }

  if (!r->header_done)
    read_header (r);
  else if (!all_empty) /* ";;;;" lines, as spreadsheets write them, carry nothing */
    {
      CoordenaCsvRecord record = {
        .filename = r->filename,
        .line = r->record_line,
        .index = r->n_records + 1,
        .n_fields = r->pointers->len,
        .fields = (const char *const *) r->pointers->pdata,
      };
      GError *local = NULL;

      r->n_records++;
      if (r->func != NULL && !r->func (r, &record, r->user_data, &local))
        {
          if (local == NULL)
            {
              g_autofree char *where = location (r, record.line, 0);
              local = g_error_new (COORDENA_ERROR, COORDENA_ERROR_INPUT, _("%s: the record was refused"), where);
            }
          r->error = local;
        }
    }

out:
  g_string_truncate (r->row, 0);
  g_array_set_size (r->offsets, 0);
}

/* TRUE when no byte of s has its high bit set, eight bytes at a time. */
static gboolean
is_ascii_line (const guchar *s, gsize len)
{
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w;

      memcpy (&w, s + i, 8);
      if (w & G_GUINT64_CONSTANT (0x8080808080808080))
        return FALSE;
    }
  for (; i < len; i++)
    if (s[i] & 0x80)
      return FALSE;
  return TRUE;
}

static inline gboolean
is_blank (guchar c)
{
  /* libcsv's default space characters. */
  return c == ' ' || c == '\t';
}

/* Splits one physical line (without its terminator) into r->spans when every field is either
 * plain (no quote at all) or "quoted" with no quote inside, touching the separators: the fields
 * libcsv would give, blanks around plain fields trimmed as it trims them. FALSE for anything else
 * (doubled quotes, blanks around quotes, a quote that goes on to the next line), which libcsv
 * then reads. */
/* Room for one more span; spans are written in place, a call per field costs. */
static inline Span *
next_span (CoordenaCsvReader *r, guint n)
{
  if (n >= r->spans->len)
    g_array_set_size (r->spans, MAX (16u, r->spans->len * 2));
  return &g_array_index (r->spans, Span, n);
}

/* TRUE when the field starts with an apostrophe (a defused formula, for on_field). */
static inline gboolean
add_plain_span (CoordenaCsvReader *r, guint n, const guchar *line, gsize a, gsize b)
{
  Span *span = next_span (r, n);

  while (a < b && is_blank (line[a]))
    a++;
  while (b > a && is_blank (line[b - 1]))
    b--;
  span->start = a;
  span->len = b - a;
  return a < b && line[a] == '\'';
}

static gboolean
split_plain (CoordenaCsvReader *r, const guchar *line, gsize len)
{
  const guchar sep = (guchar) r->options.separator;
  gsize pos = 0;
  guint n = 0;

  r->line_plain = -1;
  /* Most lines hold no quote: one pass over the bytes, eight at a time, which also tells whether
   * the line is ASCII. */
  if (memchr (line, '"', len) == NULL)
    {
      const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101), highs = G_GUINT64_CONSTANT (0x8080808080808080);
      gsize start = 0, i = 0;
      guint64 bytes = 0;
      gboolean apostrophe = FALSE;

#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined (__GNUC__)
      for (; i + 8 <= len; i += 8)
        {
          guint64 w, x, hits;

          memcpy (&w, line + i, 8);
          bytes |= w;
          x = w ^ (ones * sep);
          /* A byte of x is zero where w holds the separator; the trick may also flag a byte
           * right after one, so each hit is checked. */
          for (hits = (x - ones) & ~x & highs; hits != 0; hits &= hits - 1)
            {
              gsize at = i + ((gsize) __builtin_ctzll (hits) >> 3);

              if (line[at] == sep)
                {
                  apostrophe |= add_plain_span (r, n++, line, start, at);
                  start = at + 1;
                }
            }
        }
#endif
      for (; i < len; i++)
        {
          bytes |= line[i];
          if (line[i] == sep)
            {
              apostrophe |= add_plain_span (r, n++, line, start, i);
              start = i + 1;
            }
        }
      apostrophe |= add_plain_span (r, n++, line, start, len);
      g_array_set_size (r->spans, n);
      r->line_plain = (bytes & highs) == 0 && !apostrophe ? 1 : 0;
      return TRUE;
    }

  for (;;)
    {
      if (pos < len && line[pos] == '"')
        {
          const guchar *close = memchr (line + pos + 1, '"', len - pos - 1);
          gsize after;
          Span *span;

          if (close == NULL)
            break;
          after = (gsize) (close - line) + 1;
          if (after < len && line[after] != sep)
            break;
          span = next_span (r, n++);
          span->start = pos + 1;
          span->len = after - pos - 2;
          if (after >= len)
            {
              g_array_set_size (r->spans, n);
              return TRUE;
            }
          pos = after + 1;
        }
      else
        {
          const guchar *next = memchr (line + pos, sep, len - pos);
          gsize end = next != NULL ? (gsize) (next - line) : len;

          if (memchr (line + pos, '"', end - pos) != NULL)
            break;
          add_plain_span (r, n++, line, pos, end);
          if (next == NULL)
            {
              g_array_set_size (r->spans, n);
              return TRUE;
            }
          pos = end + 1;
        }
    }
  g_array_set_size (r->spans, 0);
  return FALSE;
}

/* TRUE when the split line's fields need nothing on_field does: ASCII, no defused formula, not
 * too many of them, no error pending. */
static gboolean
plain_ascii (CoordenaCsvReader *r, const guchar *line, gsize len)
{
  if (r->error != NULL || r->row->len != 0 || r->spans->len > MAX_FIELDS)
    return FALSE;
  if (r->line_plain >= 0)
    return r->line_plain == 1;
  if (!is_ascii_line (line, len))
    return FALSE;
  for (guint i = 0; i < r->spans->len; i++)
    {
      const Span *span = &g_array_index (r->spans, Span, i);

      if (span->len > 0 && line[span->start] == '\'')
        return FALSE;
    }
  return TRUE;
}

/* Reads one whole physical line at the start of a record without libcsv; FALSE when the line
 * needs libcsv (nothing has then been delivered). */
static gboolean
feed_plain_line (CoordenaCsvReader *r, const guchar *line, gsize len)
{
  gboolean any = FALSE;

  /* A blank line is no record for libcsv either. */
  for (gsize i = 0; i < len && !any; i++)
    any = !is_blank (line[i]);
  if (!any)
    return TRUE;
  if (!split_plain (r, line, len))
    return FALSE;

  if (r->filter != NULL && r->header_done && r->error == NULL
      && (r->detected == COORDENA_CSV_ENCODING_LATIN1 || is_ascii_line (line, len)))
    {
      gboolean keep, all_empty = TRUE;

      for (guint i = 0; i < r->spans->len && all_empty; i++)
        all_empty = g_array_index (r->spans, Span, i).len == 0;
      if (all_empty)
        return TRUE;
      r->span_base = line;
      keep = r->filter (r, r->user_data);
      r->span_base = NULL;
      if (!keep)
        {
          r->n_records++;
          return TRUE;
        }
    }

  if (plain_ascii (r, line, len))
    {
      /* What on_field would build, at once: the line copied, each field ended where it ends. */
      gsize *offsets;

      g_string_append_len (r->row, (const char *) line, (gssize) len);
      g_string_append_c (r->row, '\0');
      g_array_set_size (r->offsets, r->spans->len);
      offsets = (gsize *) (void *) r->offsets->data;
      for (guint i = 0; i < r->spans->len; i++)
        {
          const Span *span = &g_array_index (r->spans, Span, i);

          offsets[i] = span->start;
          r->row->str[span->start + span->len] = '\0';
        }
    }
  else
    for (guint i = 0; i < r->spans->len; i++)
      {
        const Span *span = &g_array_index (r->spans, Span, i);

        on_field ((void *) (line + span->start), span->len, r);
      }
  on_record ('\n', r);
  return TRUE;
}

void
coordena_csv_reader_set_filter (CoordenaCsvReader *r, CoordenaCsvFilterFunc func)
{
  g_return_if_fail (r != NULL);
  r->filter = func;
}

void
coordena_csv_reader_set_fast_path (CoordenaCsvReader *r, gboolean enabled)
{
  g_return_if_fail (r != NULL);
  r->fast_path = enabled;
}

gboolean
coordena_csv_reader_peek (CoordenaCsvReader *r, int column_id, const char **value, gsize *length)
{
  const Column *c = get_column (r, column_id);
  const Span *span;
  const guchar *s;

  if (r->span_base == NULL || c == NULL || c->position < 0 || (guint) c->position >= r->spans->len)
    return FALSE;
  span = &g_array_index (r->spans, Span, c->position);
  s = r->span_base + span->start;
  /* What the record would hold only when no conversion touches it. */
  if (!is_ascii_line (s, span->len) || (span->len > 0 && s[0] == '\''))
    return FALSE;
  *value = (const char *) s;
  *length = span->len;
  return TRUE;
}

/* The next c at or after p, or end; *cache keeps the last answer so a chunk is searched once for
 * each byte value, whatever its lines look like. */
static inline const guchar *
next_byte (const guchar **cache, const guchar *p, const guchar *end, int c)
{
  if (*cache == NULL || *cache < p)
    {
      const guchar *found = memchr (p, c, (gsize) (end - p));

      *cache = found != NULL ? found : end;
    }
  return *cache;
}

/* Feeds bytes after the BOM check: one physical line at a time, so each record knows its line. */
static gboolean
feed_lines (CoordenaCsvReader *r, const guchar *p, gsize len)
{
  const guchar *end = p + len;
  const guchar *lf = NULL, *cr = NULL, *nul = NULL;

  if (r->pending_cr && len > 0)
    {
      if (p[0] != '\n')
        r->line++;
      r->pending_cr = FALSE;
    }

  while (p < end && r->error == NULL)
    {
      /* The first of LF, CR or NUL ends the segment. */
      const guchar *at_lf = next_byte (&lf, p, end, '\n');
      const guchar *at_cr = next_byte (&cr, p, end, '\r');
      const guchar *at_nul = next_byte (&nul, p, end, '\0');
      const guchar *q = MIN (at_lf, MIN (at_cr, at_nul));
      gsize seg;

      if (q < end && *q == '\0')
        {
          fail (r, r->line, 0, _("the file holds a NUL byte: it is not a text CSV file"));
          break;
        }
      if (q < end)
        q++; /* the terminator goes with its line */
      seg = (gsize) (q - p);

      if (r->parser.pstate == LIBCSV_ROW_NOT_BEGUN)
        {
          r->record_line = r->line;
          r->record_bytes = 0;
        }
      r->record_bytes += seg;
      if (r->record_bytes > r->options.max_record_bytes)
        {
          g_autofree char *limit = g_strdup_printf ("%" G_GSIZE_FORMAT, r->options.max_record_bytes);
          fail (r, r->record_line, 0, _("the record is longer than %s bytes (a quote that never closes?)"), limit);
          break;
        }

      /* The fast path takes whole lines that start a record once the header is known. */
      if (r->fast_path && r->header_done && r->parser.pstate == LIBCSV_ROW_NOT_BEGUN
          && (q[-1] == '\n' || q[-1] == '\r') && feed_plain_line (r, p, seg - 1))
        ;
      else if (csv_parse (&r->parser, p, seg, on_field, on_record, r) != seg && r->error == NULL)
        fail (r, r->record_line, 0, _("the CSV reader failed: %s"), csv_strerror (csv_error (&r->parser)));

      if (q[-1] == '\n')
        r->line++;
      else if (q[-1] == '\r')
        {
          if (q == end)
            r->pending_cr = TRUE;
          else if (*q != '\n')
            r->line++;
        }
      p = q;
    }
  return r->error == NULL;
}

static gboolean
take_error (CoordenaCsvReader *r, GError **error)
{
  if (r->error == NULL)
    return TRUE;
  if (error != NULL)
    *error = g_error_copy (r->error);
  return FALSE;
}

gboolean
coordena_csv_reader_feed (CoordenaCsvReader *r, const void *data, gsize length, GError **error)
{
  const guchar *p = data;

  g_return_val_if_fail (r != NULL, FALSE);
  g_return_val_if_fail (!r->finished, FALSE);

  if (!r->parser_ready && r->error == NULL)
    r->error = g_error_new (COORDENA_ERROR, COORDENA_ERROR_INTERNAL, _("%s: out of memory"), r->filename);
  if (r->error != NULL)
    return take_error (r, error);

  if (!r->bom_checked)
    {
      while (r->bom_len < 3 && length > 0)
        {
          r->bom[r->bom_len++] = *p++;
          length--;
        }
      if (r->bom_len < 3)
        return TRUE;
      r->bom_checked = TRUE;
      if (memcmp (r->bom, "\xEF\xBB\xBF", 3) == 0)
        {
          if (r->detected == COORDENA_CSV_ENCODING_AUTO)
            r->detected = COORDENA_CSV_ENCODING_UTF8;
        }
      else if (!feed_lines (r, r->bom, r->bom_len))
        return take_error (r, error);
    }

  if (length > 0)
    feed_lines (r, p, length);
  return take_error (r, error);
}

gboolean
coordena_csv_reader_finish (CoordenaCsvReader *r, GError **error)
{
  g_return_val_if_fail (r != NULL, FALSE);

  if (r->finished)
    return take_error (r, error);

  if (r->error == NULL && !r->bom_checked)
    {
      r->bom_checked = TRUE;
      feed_lines (r, r->bom, r->bom_len);
    }
  r->finished = TRUE;

  if (r->error == NULL && r->parser_ready)
    {
      /* libcsv only reports an open quote at the end in strict mode, which also refuses the
       * stray quotes real files hold; its parser state tells the same without being strict. */
      if (r->parser.pstate == LIBCSV_FIELD_BEGUN && r->parser.quoted)
        fail (r, r->record_line, 0, _("a quoted field opened on this line never closes"));
      else if (csv_fini (&r->parser, on_field, on_record, r) != 0 && r->error == NULL)
        fail (r, r->record_line, 0, _("the CSV reader failed: %s"), csv_strerror (csv_error (&r->parser)));
    }
  if (r->error == NULL && !r->header_done)
    r->error = g_error_new (COORDENA_ERROR, COORDENA_ERROR_INPUT,
                            _("%s: the file is empty: the header line is missing"), r->filename);
  return take_error (r, error);
}

gboolean
coordena_csv_reader_read_stream (CoordenaCsvReader *r,
                                 GInputStream      *stream,
                                 GCancellable      *cancellable,
                                 GError           **error)
{
  g_autofree guchar *buffer = g_malloc (READ_CHUNK);

  for (;;)
    {
      g_autoptr(GError) local = NULL;
      gssize n;

      /* Not every stream checks the cancellable itself: a long read must still stop. */
      n = g_cancellable_set_error_if_cancelled (cancellable, &local) ? -1
          : g_input_stream_read (stream, buffer, READ_CHUNK, cancellable, &local);
      if (n < 0)
        {
          if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s: %s", r->filename, local->message);
          else
            g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, "%s: %s", r->filename, local->message);
          return FALSE;
        }
      if (n == 0)
        break;
      if (!coordena_csv_reader_feed (r, buffer, (gsize) n, error))
        return FALSE;
    }
  return coordena_csv_reader_finish (r, error);
}

gboolean
coordena_csv_reader_read_file (CoordenaCsvReader *r, const char *path, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local = NULL;

  stream = g_file_read (file, NULL, &local);
  if (stream == NULL)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("Cannot read “%s”: %s"), path, local->message);
      return FALSE;
    }
  return coordena_csv_reader_read_stream (r, G_INPUT_STREAM (stream), NULL, error);
}
