/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdf.c — the flow document: blocks → measured items (line breaking) → pages → libharu. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <hpdf.h>

#include <coordena/error.h>
#include <coordena/format.h>
#include <coordena/pdf.h>
#include <coordena/png-check.h>

typedef enum {
  BLOCK_PARAGRAPH,
  BLOCK_SPACE,
  BLOCK_IMAGE,
  BLOCK_PAGE_BREAK,
  BLOCK_DOCUMENT_BREAK,
  BLOCK_TABLE,
  BLOCK_CHART,
} BlockKind;

typedef struct {
  char **cells;
  gboolean bold;
  gboolean keep;   /* stays on the page of the next row */
} Row;

typedef struct {
  guint n_columns;
  double *widths;
  CoordenaPdfAlign *aligns;
  char **header;
  GPtrArray *rows; /* Row* */
} Table;

typedef struct {
  char *title;
  guint n;
  char **labels;
  gint64 *values;
  char *(*value_format) (gint64 value);
  double height;
  guint first_forecast;  /* bars from this index on are forecast; G_MAXUINT: none */
  char *legend[2];       /* recorded, forecast; NULL: no legend */
} Chart;

typedef struct {
  BlockKind kind;
  CoordenaPdfStyle style;
  char *label;
  char *text;
  double points;
  gboolean keep;
  GBytes *png;
  Table *table;
  Chart *chart;
} Block;

struct _CoordenaPdfDoc {
  GPtrArray *blocks;
  Table *open_table;
  char *title;
  char *author;
  char *subject;
  GDate date;
  char **footer;
  int page_numbers_from;
};

static void
row_free (gpointer data)
{
  Row *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

static void
table_free (Table *table)
{
  if (table == NULL)
    return;
  g_free (table->widths);
  g_free (table->aligns);
  g_strfreev (table->header);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
chart_free (Chart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_free (chart->legend[0]);
  g_free (chart->legend[1]);
  g_strfreev (chart->labels);
  g_free (chart->values);
  g_free (chart);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->label);
  g_free (block->text);
  g_clear_pointer (&block->png, g_bytes_unref);
  table_free (block->table);
  chart_free (block->chart);
  g_free (block);
}

CoordenaPdfDoc *
coordena_pdf_doc_new (void)
{
  CoordenaPdfDoc *doc = g_new0 (CoordenaPdfDoc, 1);

  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  g_date_clear (&doc->date, 1);
  return doc;
}

void
coordena_pdf_doc_free (CoordenaPdfDoc *doc)
{
  if (doc == NULL)
    return;
  g_ptr_array_unref (doc->blocks);
  table_free (doc->open_table);
  g_free (doc->title);
  g_free (doc->author);
  g_free (doc->subject);
  g_strfreev (doc->footer);
  g_free (doc);
}

void
coordena_pdf_doc_set_info (CoordenaPdfDoc *doc, const char *title, const char *author,
                           const char *subject, const GDate *date)
{
  g_free (doc->title);
  g_free (doc->author);
  g_free (doc->subject);
  doc->title = g_strdup (title);
  doc->author = g_strdup (author);
  doc->subject = g_strdup (subject);
  if (date != NULL && g_date_valid (date))
    doc->date = *date;
}

void
coordena_pdf_doc_set_footer (CoordenaPdfDoc *doc, const char *const *lines)
{
  g_strfreev (doc->footer);
  doc->footer = g_strdupv ((char **) lines);
}

void
coordena_pdf_doc_set_page_numbers (CoordenaPdfDoc *doc, int from)
{
  doc->page_numbers_from = from;
}

static Block *
add_block (CoordenaPdfDoc *doc, BlockKind kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (doc->blocks, block);
  return block;
}

void
coordena_pdf_doc_add_image (CoordenaPdfDoc *doc, GBytes *png, double height)
{
  Block *block = add_block (doc, BLOCK_IMAGE);

  block->png = g_bytes_ref (png);
  block->points = height;
}

void
coordena_pdf_doc_add_paragraph (CoordenaPdfDoc *doc, const CoordenaPdfStyle *style,
                                const char *label, const char *text)
{
  Block *block = add_block (doc, BLOCK_PARAGRAPH);

  block->style = *style;
  if (block->style.size <= 0)
    block->style.size = COORDENA_PDF_SIZE_BODY;
  block->label = g_strdup (label);
  block->text = g_strdup (text != NULL ? text : "");
}

void
coordena_pdf_doc_add_space (CoordenaPdfDoc *doc, double points, gboolean keep_with_next)
{
  Block *block = add_block (doc, BLOCK_SPACE);

  block->points = points;
  block->keep = keep_with_next;
}

void
coordena_pdf_doc_add_page_break (CoordenaPdfDoc *doc)
{
  add_block (doc, BLOCK_PAGE_BREAK);
}

void
coordena_pdf_doc_add_document_break (CoordenaPdfDoc *doc)
{
  add_block (doc, BLOCK_DOCUMENT_BREAK);
}

void
coordena_pdf_doc_begin_table (CoordenaPdfDoc *doc, guint n_columns, const double *widths,
                              const CoordenaPdfAlign *aligns, const char *const *header)
{
  Table *table = g_new0 (Table, 1);

  g_return_if_fail (doc->open_table == NULL && n_columns > 0);
  table->n_columns = n_columns;
  table->widths = g_memdup2 (widths, sizeof (double) * n_columns);
  table->aligns = g_new0 (CoordenaPdfAlign, n_columns);
  if (aligns != NULL)
    memcpy (table->aligns, aligns, sizeof (CoordenaPdfAlign) * n_columns);
  table->header = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    table->header[i] = g_strdup (header != NULL && header[i] != NULL ? header[i] : "");
  table->rows = g_ptr_array_new_with_free_func (row_free);
  doc->open_table = table;
}

void
coordena_pdf_doc_add_row (CoordenaPdfDoc *doc, const char *const *cells, gboolean bold)
{
  Row *row = g_new0 (Row, 1);
  Table *table = doc->open_table;

  g_return_if_fail (table != NULL);
  row->cells = g_new0 (char *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    {
      row->cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
      if (cells[i] == NULL)
        {
          for (guint j = i + 1; j < table->n_columns; j++)
            row->cells[j] = g_strdup ("");
          break;
        }
    }
  row->bold = bold;
  g_ptr_array_add (table->rows, row);
}

void
coordena_pdf_doc_add_row_keep (CoordenaPdfDoc *doc, const char *const *cells, gboolean bold)
{
  Table *table = doc->open_table;

  g_return_if_fail (table != NULL);
  coordena_pdf_doc_add_row (doc, cells, bold);
  ((Row *) g_ptr_array_index (table->rows, table->rows->len - 1))->keep = TRUE;
}

void
coordena_pdf_doc_end_table (CoordenaPdfDoc *doc)
{
  Block *block;

  g_return_if_fail (doc->open_table != NULL);
  block = add_block (doc, BLOCK_TABLE);
  block->table = g_steal_pointer (&doc->open_table);
}

void
coordena_pdf_doc_add_bar_chart (CoordenaPdfDoc *doc, const char *title, guint n,
                                const char *const *labels, const gint64 *values,
                                char *(*value_format) (gint64 value), double height)
{
  Block *block = add_block (doc, BLOCK_CHART);
  Chart *chart = g_new0 (Chart, 1);

  chart->title = g_strdup (title);
  chart->n = n;
  chart->labels = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    chart->labels[i] = g_strdup (labels[i]);
  chart->values = g_memdup2 (values, sizeof (gint64) * MAX (n, 1));
  chart->value_format = value_format;
  chart->height = height;
  chart->first_forecast = G_MAXUINT;
  block->chart = chart;
}

void
coordena_pdf_doc_add_forecast_chart (CoordenaPdfDoc *doc, const char *title, guint n,
                                     const char *const *labels, const gint64 *values,
                                     char *(*value_format) (gint64 value), double height,
                                     guint first_forecast, const char *recorded, const char *forecast)
{
  Block *block;

  coordena_pdf_doc_add_bar_chart (doc, title, n, labels, values, value_format, height);
  block = g_ptr_array_index (doc->blocks, doc->blocks->len - 1);
  block->chart->first_forecast = first_forecast;
  block->chart->legend[0] = g_strdup (recorded);
  block->chart->legend[1] = g_strdup (forecast);
}

/* ---------------------------------------------------------------------------------------------
 * Encoding and fonts
 */

char *
coordena_pdf_encode (const char *utf8, const char *what, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *clean = NULL;
  gsize read = 0, written = 0;
  char *out;

  if (utf8 == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (utf8, -1, NULL))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the text of %s is not valid UTF-8"), what != NULL ? what : _("the document"));
      return NULL;
    }
  /* Tabs and line ends inside a paragraph are spaces on paper. */
  /* Composed form first: "a" + combining acute is "á", which the encoding holds. */
  clean = g_utf8_normalize (utf8, -1, G_NORMALIZE_NFC);
  for (char *p = clean; *p != '\0'; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  {
    /* An escape or another control stored before values were checked is shown as "?" (the
     * encoding has no U+FFFD), never passed into the page. */
    g_autofree char *shown = coordena_text_printable (clean);

    g_free (clean);
    clean = g_strdup (shown);
    for (char *q; (q = strstr (clean, "\xef\xbf\xbd")) != NULL;)
      {
        *q = '?';
        memmove (q + 1, q + 3, strlen (q + 3) + 1);
      }
  }

  out = g_convert (clean, -1, "CP1252", "UTF-8", &read, &written, &local);
  if (out == NULL)
    {
      gunichar c = g_utf8_get_char (clean + read);
      char buf[8] = { 0 };

      g_unichar_to_utf8 (c, buf);
      if (what != NULL)
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                     _("%s contains the character “%s” (U+%04X), which the PDF font encoding "
                       "(Windows-1252) cannot hold: replace it"),
                     what, buf, (guint) c);
      else
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                     _("the text contains the character “%s” (U+%04X), which the PDF font encoding "
                       "(Windows-1252) cannot hold: replace it"),
                     buf, (guint) c);
      return NULL;
    }
  for (gsize i = 0; i < written; i++)
    if ((guchar) out[i] < 0x20)
      out[i] = ' ';
  return out;
}

char *
coordena_pdf_font_path (CoordenaPdfFont font, GError **error)
{
  const char *file = font == COORDENA_PDF_FONT_BOLD ? "Carlito-Bold.ttf" : "Carlito-Regular.ttf";
  const char *env = g_getenv ("COORDENA_FONT_DIR");
  const char *const dirs[] = {
    "/usr/share/fonts/truetype/crosextra",
    "/usr/share/fonts/google-carlito-fonts",
    "/usr/share/fonts/carlito",
    "/usr/share/fonts/TTF",
    "/app/share/fonts",
    "/run/host/fonts/truetype/crosextra",
    NULL,
  };

  if (env != NULL && *env != '\0')
    {
      char *path = g_build_filename (env, file, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return path;
      g_free (path);
    }
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      char *path = g_build_filename (dirs[i], file, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return path;
      g_free (path);
    }
  g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO,
               _("the Carlito font (%s) is not installed; on Debian install the package "
                 "fonts-crosextra-carlito"), file);
  return NULL;
}

/* ---------------------------------------------------------------------------------------------
 * Rendering state
 */

typedef struct {
  HPDF_STATUS code;
  HPDF_STATUS detail;
} HpdfState;

static void
on_hpdf_error (HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
  HpdfState *state = data;

  /* Record, never jump: libharu returns the status to the caller after this. */
  if (state->code == HPDF_OK)
    {
      state->code = code;
      state->detail = detail;
    }
}

typedef enum {
  ITEM_LINE,
  ITEM_SPACE,
  ITEM_IMAGE,
  ITEM_BREAK,
  ITEM_ROW,
  ITEM_CHART,
} ItemKind;

typedef struct _Item Item;

typedef struct {
  guint n_lines;
  char **lines; /* CP1252 */
} Cell;

struct _Item {
  ItemKind kind;
  double height;
  gboolean keep_with_next;
  gboolean restart_numbering; /* a break that starts another document: page numbers restart */
  /* lines */
  HPDF_Font font;
  double size;
  double x;          /* offset from the left margin */
  char *bytes;
  double word_space; /* extra points per space when justified */
  /* images */
  HPDF_Image image;
  double width;
  /* table rows */
  Table *table;
  gboolean is_header;
  gboolean bold;
  Cell *cells;
  Item *header;      /* the header a row repeats after a page break */
  /* charts */
  Chart *chart;
  char *chart_title;
  char **chart_labels;
  char **chart_values;
  char *chart_legend[2];
};

typedef struct {
  HPDF_Doc pdf;
  HpdfState state;
  HPDF_Font regular;
  HPDF_Font bold;
  GPtrArray *items; /* Item* */
  GPtrArray *footer; /* char* CP1252, wrapped to the text width */
  GArray *numbers;   /* guint: the number each page prints (documents put one after another restart it) */
} Render;

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->bytes);
  if (item->cells != NULL && item->table != NULL)
    for (guint i = 0; i < item->table->n_columns; i++)
      g_strfreev (item->cells[i].lines);
  g_free (item->cells);
  g_free (item->chart_title);
  g_strfreev (item->chart_labels);
  g_free (item->chart_legend[0]);
  g_free (item->chart_legend[1]);
  g_strfreev (item->chart_values);
  g_free (item);
}

static Item *
item_new (Render *r, ItemKind kind, double height)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->height = height;
  g_ptr_array_add (r->items, item);
  return item;
}

static double
line_height (double size)
{
  return COORDENA_PDF_LINE_FACTOR * size;
}

static double
text_width (HPDF_Font font, double size, const char *bytes, gsize len)
{
  HPDF_TextWidth tw;

  if (len == 0)
    return 0;
  tw = HPDF_Font_TextWidth (font, (const HPDF_BYTE *) bytes, (HPDF_UINT) len);
  return tw.width * size / 1000.0;
}

static gboolean
check_hpdf (Render *r, const char *what, GError **error)
{
  if (r->state.code == HPDF_OK)
    return TRUE;
  if (r->state.code == HPDF_INVALID_PNG_IMAGE || r->state.code == HPDF_LIBPNG_ERROR)
    g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                 _("the coat of arms is not a PNG image the PDF library can read (error 0x%04X)"),
                 (guint) r->state.code);
  else
    g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INTERNAL,
                 _("the PDF library failed while %s (error 0x%04X, detail %u)"), what,
                 (guint) r->state.code, (guint) r->state.detail);
  return FALSE;
}

/* ---------------------------------------------------------------------------------------------
 * The line breaker. Words are separated by spaces; a word wider than the line is cut into
 * pieces that fit. Justified and ragged text both minimise the sum of squared stretch over the
 * whole paragraph (the last line is free), which avoids the loose lines a greedy fill leaves.
 */

typedef struct {
  GPtrArray *words; /* char* CP1252 */
  GArray *widths;   /* double */
  GArray *glued;    /* gboolean: follows the previous word without a space (after a hyphen) */
} Words;

static void
words_clear (Words *w)
{
  g_clear_pointer (&w->words, g_ptr_array_unref);
  g_clear_pointer (&w->widths, g_array_unref);
  g_clear_pointer (&w->glued, g_array_unref);
}

static void
words_add (Words *w, HPDF_Font font, double size, const char *word, gsize len, gboolean glued)
{
  double width = text_width (font, size, word, len);

  g_ptr_array_add (w->words, g_strndup (word, len));
  g_array_append_val (w->widths, width);
  g_array_append_val (w->glued, glued);
}

/* "nº", "art.", "§", "item", "SEI nº", "Processo nº", "R$" stay on the line of what follows them. */
static gboolean
binds_forward (const char *word)
{
  const char *const binders[] = { "n\xba", "N\xba", "n.\xba", "N.\xba", "\xa7", "art.", "Art.", "SEI", "(SEI", "item", "itens", "R$", NULL };
  const char *last = strrchr (word, ' ');

  last = last != NULL ? last + 1 : word;
  for (guint i = 0; binders[i] != NULL; i++)
    if (g_str_equal (last, binders[i]))
      return TRUE;
  return FALSE;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Words, words_clear)

static void
words_split (Words *w, HPDF_Font font, double size, const char *bytes, double max_width)
{
  g_auto(GStrv) parts = g_strsplit (bytes, " ", -1);
  g_autoptr(GPtrArray) joined = g_ptr_array_new_with_free_func (g_free);

  w->words = g_ptr_array_new_with_free_func (g_free);
  w->widths = g_array_new (FALSE, FALSE, sizeof (double));
  w->glued = g_array_new (FALSE, FALSE, sizeof (gboolean));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      /* "75 %" stays whole too: the sign never starts a line. */
      if (joined->len > 0 && (binds_forward (g_ptr_array_index (joined, joined->len - 1)) || parts[i][0] == '%'))
        {
          char *prev = g_ptr_array_index (joined, joined->len - 1);

          joined->pdata[joined->len - 1] = g_strconcat (prev, " ", parts[i], NULL);
          g_free (prev);
        }
      else
        g_ptr_array_add (joined, g_strdup (parts[i]));
    }

  for (guint i = 0; i < joined->len; i++)
    {
      const char *word = g_ptr_array_index (joined, i);
      gsize len = strlen (word);
      gboolean glued = FALSE;

      /* A hyphen or a slash inside a compound may end a line ("425/2025-" | "CGESCO/" | "DESF/…"),
       * never between two digits (a date, a phone) and never leaving a piece under three letters. */
      {
        gsize start = 0;

        for (gsize k = 1; k + 3 < len; k++)
          {
            char c = word[k];
            gsize piece = k + 1 - start;

            if ((c != '-' && c != '/') || piece < (c == '-' ? 4u : 3u) || len - k - 1 < 3
                || (g_ascii_isdigit (word[k - 1]) && g_ascii_isdigit (word[k + 1])) || word[k + 1] == '/'
                || word[k + 1] == '-' || (c == '/' && len < 12))
              continue;
            words_add (w, font, size, word + start, piece, glued);
            glued = TRUE;
            start = k + 1;
          }
        word += start;
        len -= start;
      }

      while (text_width (font, size, word, len) > max_width && len > 1)
        {
          /* Cut the longest prefix that fits (an e-mail or an address with no spaces). */
          gsize cut = len - 1;

          while (cut > 1 && text_width (font, size, word, cut) > max_width)
            cut--;
          words_add (w, font, size, word, cut, glued);
          word += cut;
          len -= cut;
          glued = TRUE;
        }
      words_add (w, font, size, word, len, glued);
    }
}

static gboolean
word_glued (const Words *w, guint k)
{
  return g_array_index (w->glued, gboolean, k);
}

static guint
count_spaces (const char *bytes)
{
  guint n = 0;

  for (const char *p = bytes; *p != '\0'; p++)
    n += *p == ' ';
  return n;
}

/* How much of its width a space may give up in a justified line. */
#define SHRINK 0.2

/* Breaks words into lines; returns the index of the first word of each line, ended by n. */
static GArray *
break_lines (const Words *w, double space, double first_width, double width, gboolean justify)
{
  guint n = w->words->len;
  g_autofree double *cost = g_new (double, n + 1);
  g_autofree guint *prev = g_new0 (guint, n + 1);
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) rev = g_array_new (FALSE, FALSE, sizeof (guint));

  if (n == 0)
    {
      guint zero = 0;

      g_array_append_val (starts, zero);
      return starts;
    }

  /* cost[j]: best cost of setting words [0, j) with a line ending at j. */
  cost[0] = 0;
  for (guint j = 1; j <= n; j++)
    cost[j] = INFINITY;
  for (guint i = 0; i < n; i++)
    {
      double natural = 0;
      double avail = i == 0 ? first_width : width;

      if (isinf (cost[i]))
        continue;
      guint gaps = 0;

      for (guint j = i + 1; j <= n; j++)
        {
          double c, shrink;

          if (j - 1 > i && !word_glued (w, j - 1))
            gaps++;
          natural += g_array_index (w->widths, double, j - 1) + (j - 1 > i && !word_glued (w, j - 1) ? space : 0);
          /* Justified lines may also tighten their spaces a little; the last line never does. */
          shrink = justify && j < n ? gaps * space * SHRINK : 0;
          if (natural > avail + shrink + 0.001 && j > i + 1)
            break;
          if (j == n)
            c = 0; /* the last line is set at its natural width */
          else if (justify)
            {
              /* Stretch (or shrink) per space, in units of what a space may give: 0 is perfect. */
              double ratio = gaps == 0 ? 10
                             : natural <= avail ? (avail - natural) / (gaps * space)
                                                : (natural - avail) / (gaps * space * SHRINK);

              c = 100 * ratio * ratio * ratio + 1;
              c = c * c;
            }
          else
            c = MAX (avail - natural, 0) * MAX (avail - natural, 0);
          if (cost[i] + c < cost[j])
            {
              cost[j] = cost[i] + c;
              prev[j] = i;
            }
        }
    }

  for (guint j = n; j > 0; j = prev[j])
    g_array_append_val (rev, prev[j]);
  for (guint k = rev->len; k > 0; k--)
    g_array_append_val (starts, g_array_index (rev, guint, k - 1));
  g_array_append_val (starts, n);
  return starts;
}

/* Byte offset where the last sentence of text starts (0 when it has only one). */
static gsize
last_sentence_start (const char *bytes)
{
  gsize len = strlen (bytes);
  gsize start = 0;

  while (len > 0 && bytes[len - 1] == ' ')
    len--;
  for (gsize i = 0; i + 2 < len; i++)
    if ((bytes[i] == '.' || bytes[i] == '!' || bytes[i] == '?' || bytes[i] == ':')
        && bytes[i + 1] == ' ' && (g_ascii_isupper (bytes[i + 2]) || (guchar) bytes[i + 2] >= 0xC0))
      start = i + 2;
  return start;
}

/* The text with single spaces between words, as the fragments rebuild it. */
static char *
collapse_spaces (const char *bytes)
{
  GString *out = g_string_new (NULL);

  for (const char *p = bytes; *p != '\0'; p++)
    if (*p != ' ' || (out->len > 0 && p[1] != ' ' && p[1] != '\0'))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* Index of the fragment that holds a byte offset of the collapsed text. */
static guint
fragment_at (const Words *w, gsize offset)
{
  gsize pos = 0;

  for (guint k = 0; k < w->words->len; k++)
    {
      gsize len = strlen (g_ptr_array_index (w->words, k));

      if (k > 0 && !word_glued (w, k))
        pos++;
      if (offset < pos + len)
        return k;
      pos += len;
    }
  return w->words->len > 0 ? w->words->len - 1 : 0;
}

static gboolean
layout_paragraph (Render *r, Block *block, GError **error)
{
  const CoordenaPdfStyle *style = &block->style;
  HPDF_Font font = style->font == COORDENA_PDF_FONT_BOLD ? r->bold : r->regular;
  double size = style->size;
  double width = COORDENA_PDF_TEXT_WIDTH;
  double space;
  g_autofree char *text = NULL;
  g_autofree char *full = NULL;
  g_autoptr(GArray) starts = NULL;
  g_auto(Words) words = { 0 };
  guint n_lines, keep_from = G_MAXUINT;

  text = coordena_pdf_encode (block->text, NULL, error);
  if (text == NULL)
    return FALSE;
  if (block->label != NULL)
    {
      g_autofree char *label = coordena_pdf_encode (block->label, NULL, error);

      if (label == NULL)
        return FALSE;
      full = g_strconcat (label, " ", text, NULL);
    }
  else
    full = g_strdup (text);
  {
    char *collapsed = collapse_spaces (full);

    g_free (full);
    full = collapsed;
  }

  space = text_width (font, size, " ", 1);
  words_split (&words, font, size, full, width);
  starts = break_lines (&words, space, width - style->first_indent, width,
                        style->align == COORDENA_PDF_ALIGN_JUSTIFY);
  n_lines = starts->len - 1;

  if (style->last_sentence_with_next)
    {
      guint word = fragment_at (&words, last_sentence_start (full));

      for (guint l = 0; l < n_lines; l++)
        if (g_array_index (starts, guint, l) <= word && word < g_array_index (starts, guint, l + 1))
          keep_from = l;
    }

  for (guint l = 0; l < n_lines; l++)
    {
      guint a = g_array_index (starts, guint, l), b = g_array_index (starts, guint, l + 1);
      double avail = l == 0 ? width - style->first_indent : width;
      double natural = 0;
      GString *line = g_string_new (NULL);
      Item *item = item_new (r, ITEM_LINE, line_height (size));

      for (guint k = a; k < b; k++)
        {
          gboolean gap = k > a && !word_glued (&words, k);

          if (gap)
            g_string_append_c (line, ' ');
          g_string_append (line, g_ptr_array_index (words.words, k));
          natural += g_array_index (words.widths, double, k) + (gap ? space : 0);
        }
      item->font = font;
      item->size = size;
      item->bytes = g_string_free (line, FALSE);
      item->x = l == 0 ? style->first_indent : 0;
      switch (style->align)
        {
        case COORDENA_PDF_ALIGN_LEFT:
          break;
        case COORDENA_PDF_ALIGN_CENTER:
          item->x += (avail - natural) / 2;
          break;
        case COORDENA_PDF_ALIGN_RIGHT:
          item->x += avail - natural;
          break;
        case COORDENA_PDF_ALIGN_JUSTIFY:
          if (l + 1 < n_lines && count_spaces (item->bytes) > 0)
            item->word_space = (avail - natural) / count_spaces (item->bytes);
          /* A line that could only reach the margin with gaps of two ems or more (two long codes
           * and one space) is set ragged instead; the PDF operator would refuse most of those. */
          if (item->word_space > 2 * size || item->word_space < HPDF_MIN_WORDSPACE)
            item->word_space = 0;
          break;
        default:
          g_assert_not_reached ();
        }
      /* No orphan (a lone first line at the foot) and no widow (a lone last line on top). */
      item->keep_with_next = style->keep_with_next
                             || (n_lines > 1 && (l == 0 || l + 2 == n_lines))
                             || l >= keep_from;
    }

  if (style->space_after > 0)
    {
      Item *gap = item_new (r, ITEM_SPACE, style->space_after);

      gap->keep_with_next = style->keep_with_next || keep_from != G_MAXUINT;
    }
  return TRUE;
}

#define CELL_PAD 3.0

static Item *
layout_row (Render *r, Table *table, char **cells, gboolean bold, gboolean is_header, GError **error)
{
  HPDF_Font font = bold || is_header ? r->bold : r->regular;
  double size = COORDENA_PDF_SIZE_NOTE;
  double space = text_width (font, size, " ", 1);
  Item *item = item_new (r, ITEM_ROW, 0);
  guint max_lines = 1;

  item->table = table;
  item->is_header = is_header;
  item->bold = bold || is_header;
  item->font = font;
  item->size = size;
  item->cells = g_new0 (Cell, table->n_columns);
  for (guint c = 0; c < table->n_columns; c++)
    {
      double width = table->widths[c] - 2 * CELL_PAD;
      /* A line feed in a cell starts a new line in it (the encoder makes it a space). */
      g_auto(GStrv) paragraphs = g_strsplit (cells[c] != NULL ? cells[c] : "", "\n", -1);
      g_autoptr(GPtrArray) lines = g_ptr_array_new ();

      for (guint p = 0; paragraphs[p] != NULL; p++)
        {
          g_auto(Words) words = { 0 };
          g_autoptr(GArray) starts = NULL;
          g_autofree char *bytes = coordena_pdf_encode (paragraphs[p], NULL, error);
          guint n;

          if (bytes == NULL)
            return NULL;
          words_split (&words, font, size, bytes, width);
          starts = break_lines (&words, space, width, width, FALSE);
          n = starts->len - 1;
          for (guint l = 0; l < n; l++)
            {
              GString *line = g_string_new (NULL);

              for (guint k = g_array_index (starts, guint, l); k < g_array_index (starts, guint, l + 1); k++)
                {
                  if (line->len > 0 && !word_glued (&words, k))
                    g_string_append_c (line, ' ');
                  g_string_append (line, g_ptr_array_index (words.words, k));
                }
              g_ptr_array_add (lines, g_string_free (line, FALSE));
            }
        }
      item->cells[c].n_lines = lines->len;
      g_ptr_array_add (lines, NULL);
      item->cells[c].lines = (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
      max_lines = MAX (max_lines, item->cells[c].n_lines);
    }
  item->height = max_lines * line_height (size) + 2 * CELL_PAD;
  return item;
}

static gboolean
layout_table (Render *r, Table *table, GError **error)
{
  double total = 0;
  Item *header;

  for (guint c = 0; c < table->n_columns; c++)
    total += table->widths[c];
  for (guint c = 0; c < table->n_columns; c++)
    table->widths[c] = table->widths[c] / total * COORDENA_PDF_TEXT_WIDTH;

  header = layout_row (r, table, table->header, TRUE, TRUE, error);
  if (header == NULL)
    return FALSE;
  header->keep_with_next = TRUE;
  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = g_ptr_array_index (table->rows, i);
      Item *item = layout_row (r, table, row->cells, row->bold, FALSE, error);

      if (item == NULL)
        return FALSE;
      item->header = header;
      item->keep_with_next = row->keep;
    }
  return TRUE;
}

static gboolean
layout_chart (Render *r, Chart *chart, GError **error)
{
  Item *item = item_new (r, ITEM_CHART, chart->height);

  item->chart = chart;
  item->chart_title = coordena_pdf_encode (chart->title, NULL, error);
  if (item->chart_title == NULL)
    return FALSE;
  for (guint k = 0; k < 2; k++)
    if (chart->legend[k] != NULL && (item->chart_legend[k] = coordena_pdf_encode (chart->legend[k], NULL, error)) == NULL)
      return FALSE;
  item->chart_labels = g_new0 (char *, chart->n + 1);
  item->chart_values = g_new0 (char *, chart->n + 1);
  for (guint i = 0; i < chart->n; i++)
    {
      g_autofree char *value = chart->value_format != NULL
                               ? chart->value_format (chart->values[i])
                               : g_strdup_printf ("%" G_GINT64_FORMAT, chart->values[i]);

      item->chart_labels[i] = coordena_pdf_encode (chart->labels[i], NULL, error);
      if (item->chart_labels[i] == NULL)
        return FALSE;
      item->chart_values[i] = coordena_pdf_encode (value, NULL, error);
      if (item->chart_values[i] == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
layout_blocks (Render *r, CoordenaPdfDoc *doc, GError **error)
{
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (doc->blocks, i);

      switch (block->kind)
        {
        case BLOCK_PARAGRAPH:
          if (!layout_paragraph (r, block, error))
            return FALSE;
          break;
        case BLOCK_SPACE:
          item_new (r, ITEM_SPACE, block->points)->keep_with_next = block->keep;
          break;
        case BLOCK_PAGE_BREAK:
          item_new (r, ITEM_BREAK, 0);
          break;
        case BLOCK_DOCUMENT_BREAK:
          item_new (r, ITEM_BREAK, 0)->restart_numbering = TRUE;
          break;
        case BLOCK_IMAGE:
          {
            gsize size = 0;
            g_autoptr(GError) local = NULL;
            g_autoptr(GBytes) plain = coordena_png_for_pdf (block->png, &local);
            const guint8 *data = plain != NULL ? g_bytes_get_data (plain, &size) : NULL;
            Item *item = item_new (r, ITEM_IMAGE, block->points);

            if (plain == NULL)
              {
                g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                             _("the coat of arms is a damaged PNG (%s): save it again from an image editor"),
                             local->message);
                return FALSE;
              }
            item->image = HPDF_LoadPngImageFromMem (r->pdf, data, (HPDF_UINT) size);
            if (item->image == NULL || r->state.code != HPDF_OK)
              {
                g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                             _("the coat of arms is not a PNG image the PDF library can read"));
                return FALSE;
              }
            item->width = block->points * HPDF_Image_GetWidth (item->image)
                          / MAX (1u, HPDF_Image_GetHeight (item->image));
            item->keep_with_next = TRUE;
          }
          break;
        case BLOCK_TABLE:
          if (!layout_table (r, block->table, error))
            return FALSE;
          break;
        case BLOCK_CHART:
          if (!layout_chart (r, block->chart, error))
            return FALSE;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------
 * Pagination
 */

typedef struct {
  Item *item;
  double top; /* y of the item's top edge, PDF coordinates */
} Placed;

static double
footer_height (Render *r, CoordenaPdfDoc *doc, guint page_number)
{
  guint n = r->footer->len;
  gboolean numbered = doc->page_numbers_from > 0 && (int) page_number >= doc->page_numbers_from;

  /* The footer lines, a rule above them, the page number when the page has one, and a gap. */
  return (n + (numbered ? 1 : 0)) * line_height (COORDENA_PDF_SIZE_NOTE) + 4 + 6;
}

/* Splits the items into pages (arrays of Placed). */
static GPtrArray *
paginate (Render *r, CoordenaPdfDoc *doc)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  const double top = COORDENA_PDF_PAGE_HEIGHT - COORDENA_PDF_MARGIN_TOP;
  double bottom = COORDENA_PDF_MARGIN_BOTTOM + footer_height (r, doc, 1);
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placed));
  double y = top;
  guint n = r->items->len;

  guint number = 1;

  g_array_append_val (r->numbers, number);
  g_ptr_array_add (pages, page);
  for (guint i = 0; i < n; i++)
    {
      Item *item = g_ptr_array_index (r->items, i);
      double chain = 0;
      gboolean at_top = page->len == 0;

      if (item->kind == ITEM_BREAK)
        {
          if (!at_top)
            {
              page = g_array_new (FALSE, FALSE, sizeof (Placed));
              g_ptr_array_add (pages, page);
              number = item->restart_numbering ? 1 : number + 1;
              g_array_append_val (r->numbers, number);
              y = top;
              bottom = COORDENA_PDF_MARGIN_BOTTOM + footer_height (r, doc, number);
            }
          continue;
        }
      if (item->kind == ITEM_SPACE && at_top && !item->keep_with_next)
        continue;

      /* The item and everything it keeps with must fit, unless they could not fit anywhere. */
      for (guint j = i; j < n; j++)
        {
          Item *next = g_ptr_array_index (r->items, j);

          if (next->kind == ITEM_BREAK)
            break;
          chain += next->height;
          if (!next->keep_with_next)
            break;
        }
      if (!at_top && (y - chain < bottom - 0.01) && (chain <= top - bottom || y - item->height < bottom - 0.01))
        {
          page = g_array_new (FALSE, FALSE, sizeof (Placed));
          g_ptr_array_add (pages, page);
          number++;
          g_array_append_val (r->numbers, number);
          y = top;
          bottom = COORDENA_PDF_MARGIN_BOTTOM + footer_height (r, doc, number);
          if (item->kind == ITEM_SPACE && !item->keep_with_next)
            continue;
          if (item->kind == ITEM_ROW && !item->is_header && item->header != NULL)
            {
              Placed again = { item->header, y };

              g_array_append_val (page, again);
              y -= item->header->height;
            }
        }
      {
        Placed placed = { item, y };

        g_array_append_val (page, placed);
        y -= item->height;
      }
    }
  return pages;
}

/* ---------------------------------------------------------------------------------------------
 * Drawing
 */

static void
draw_text (HPDF_Page page, HPDF_Font font, double size, double x, double baseline,
           const char *bytes, double word_space)
{
  HPDF_Page_BeginText (page);
  HPDF_Page_SetFontAndSize (page, font, (HPDF_REAL) size);
  if (word_space != 0)
    HPDF_Page_SetWordSpace (page, (HPDF_REAL) word_space);
  HPDF_Page_TextOut (page, (HPDF_REAL) x, (HPDF_REAL) baseline, bytes);
  if (word_space != 0)
    HPDF_Page_SetWordSpace (page, 0);
  HPDF_Page_EndText (page);
}

static double
ascent (HPDF_Font font, double size)
{
  return HPDF_Font_GetAscent (font) * size / 1000.0;
}

static void
draw_rule (HPDF_Page page, double x0, double x1, double y, double width)
{
  HPDF_Page_SetLineWidth (page, (HPDF_REAL) width);
  HPDF_Page_MoveTo (page, (HPDF_REAL) x0, (HPDF_REAL) y);
  HPDF_Page_LineTo (page, (HPDF_REAL) x1, (HPDF_REAL) y);
  HPDF_Page_Stroke (page);
}

static void
draw_row (HPDF_Page page, Item *item, double top)
{
  Table *table = item->table;
  double x = COORDENA_PDF_MARGIN_LEFT;
  double lh = line_height (item->size);
  double bottom = top - item->height;

  for (guint c = 0; c < table->n_columns; c++)
    {
      double w = table->widths[c];

      for (guint l = 0; l < item->cells[c].n_lines; l++)
        {
          const char *line = item->cells[c].lines[l];
          double tw = text_width (item->font, item->size, line, strlen (line));
          double tx = x + CELL_PAD;

          if (table->aligns[c] == COORDENA_PDF_ALIGN_RIGHT)
            tx = x + w - CELL_PAD - tw;
          else if (table->aligns[c] == COORDENA_PDF_ALIGN_CENTER)
            tx = x + (w - tw) / 2;
          draw_text (page, item->font, item->size, tx,
                     top - CELL_PAD - l * lh - ascent (item->font, item->size), line, 0);
        }
      x += w;
    }

  if (item->is_header)
    {
      draw_rule (page, COORDENA_PDF_MARGIN_LEFT, COORDENA_PDF_PAGE_WIDTH - COORDENA_PDF_MARGIN_RIGHT, top, 0.8);
      draw_rule (page, COORDENA_PDF_MARGIN_LEFT, COORDENA_PDF_PAGE_WIDTH - COORDENA_PDF_MARGIN_RIGHT, bottom, 0.8);
    }
  else
    {
      HPDF_Page_SetGrayStroke (page, 0.55f);
      draw_rule (page, COORDENA_PDF_MARGIN_LEFT, COORDENA_PDF_PAGE_WIDTH - COORDENA_PDF_MARGIN_RIGHT, bottom, 0.3);
      HPDF_Page_SetGrayStroke (page, 0);
    }
}

static void
draw_chart (Render *r, HPDF_Page page, Item *item, double top)
{
  Chart *chart = item->chart;
  double size = COORDENA_PDF_SIZE_NOTE;
  double small = 8;
  double lh = line_height (size);
  double left = COORDENA_PDF_MARGIN_LEFT;
  double right = COORDENA_PDF_PAGE_WIDTH - COORDENA_PDF_MARGIN_RIGHT;
  double axis_x = left + 70; /* room for the value labels */
  double base_y = top - item->height + 2 * line_height (small) + 4;
  double plot_top = top - lh - (item->chart_legend[0] != NULL ? 30 : 20);
  double plot_h = plot_top - base_y;
  gint64 max = 0;
  double slot;
  guint every = 1;
  HPDF_Font font = r->regular;

  draw_text (page, r->bold, size, left, top - ascent (r->bold, size), item->chart_title, 0);
  if (item->chart_legend[0] != NULL && item->chart_legend[1] != NULL)
    {
      /* The legend on its own line under the title, right-aligned: swatch, words, swatch, words. */
      double y = top - lh - 4 - ascent (font, small);
      double w1 = text_width (font, small, item->chart_legend[0], strlen (item->chart_legend[0]));
      double w2 = text_width (font, small, item->chart_legend[1], strlen (item->chart_legend[1]));
      double x = right - (10 + 4 + w1 + 14 + 10 + 4 + w2);

      HPDF_Page_SetGrayFill (page, 0.35f);
      HPDF_Page_Rectangle (page, (HPDF_REAL) x, (HPDF_REAL) y, 10, 7);
      HPDF_Page_Fill (page);
      HPDF_Page_SetGrayFill (page, 0);
      draw_text (page, font, small, x + 14, y, item->chart_legend[0], 0);
      x += 14 + w1 + 14;
      HPDF_Page_SetGrayFill (page, 0.85f);
      HPDF_Page_SetGrayStroke (page, 0.2f);
      HPDF_Page_SetLineWidth (page, 0.8f);
      HPDF_Page_Rectangle (page, (HPDF_REAL) x, (HPDF_REAL) y, 10, 7);
      HPDF_Page_FillStroke (page);
      HPDF_Page_SetGrayFill (page, 0);
      HPDF_Page_SetGrayStroke (page, 0);
      draw_text (page, font, small, x + 14, y, item->chart_legend[1], 0);
    }
  for (guint i = 0; i < chart->n; i++)
    max = MAX (max, chart->values[i]);
  /* Round the axis up to four steps of 1, 2, 2,5 or 5 times a power of ten. */
  if (max > 0)
    {
      double raw = max / 4.0;
      double magnitude = pow (10, floor (log10 (raw)));
      const double steps[] = { 1, 2, 2.5, 5, 10 };
      double step = 10 * magnitude;

      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if (steps[i] * magnitude >= raw)
          {
            step = steps[i] * magnitude;
            break;
          }
      max = (gint64) ceil (step) * 4;
    }

  /* Four grid lines at round fractions of the maximum, labelled on the left (only the axis
   * when every value is zero). */
  for (int g = 0; g <= (max > 0 ? 4 : 0); g++)
    {
      double y = base_y + plot_h * g / 4.0;
      gint64 v = max * g / 4;
      g_autofree char *label = chart->value_format != NULL ? chart->value_format (v)
                                                           : g_strdup_printf ("%" G_GINT64_FORMAT, v);
      g_autofree char *bytes = coordena_pdf_encode (label, NULL, NULL);

      HPDF_Page_SetGrayStroke (page, g == 0 ? 0.0f : 0.75f);
      draw_rule (page, axis_x, right, y, g == 0 ? 0.8 : 0.3);
      if (bytes != NULL)
        draw_text (page, font, small, axis_x - 4 - text_width (font, small, bytes, strlen (bytes)),
                   y - small / 3, bytes, 0);
    }
  HPDF_Page_SetGrayStroke (page, 0);

  if (chart->n == 0)
    return;
  slot = (right - axis_x) / chart->n;
  {
    /* Labels that would touch are thinned to every k-th bar. */
    double widest = 0;

    for (guint i = 0; i < chart->n; i++)
      widest = MAX (widest, text_width (font, small, item->chart_labels[i], strlen (item->chart_labels[i])));
    every = (guint) ceil ((widest + 4) / slot);
    every = MAX (every, 1);
  }
  for (guint i = 0; i < chart->n; i++)
    {
      double h = max > 0 ? plot_h * (double) chart->values[i] / (double) max : 0;
      double bx = axis_x + i * slot + slot * 0.18;
      double bw = slot * 0.64;
      const char *label = item->chart_labels[i];
      double lw = text_width (font, small, label, strlen (label));

      /* Recorded bars solid; forecast bars light with a dark outline, as the legend says. */
      HPDF_Page_SetGrayFill (page, i >= chart->first_forecast ? 0.85f : 0.35f);
      if (h > 0)
        {
          /* Stroke settings belong before the path: libharu refuses them inside one. */
          HPDF_Page_SetLineWidth (page, 0.8f);
          HPDF_Page_SetGrayStroke (page, 0.2f);
          HPDF_Page_Rectangle (page, (HPDF_REAL) bx, (HPDF_REAL) base_y, (HPDF_REAL) bw, (HPDF_REAL) h);
          if (i >= chart->first_forecast)
            HPDF_Page_FillStroke (page);
          else
            HPDF_Page_Fill (page);
          HPDF_Page_SetGrayStroke (page, 0);
        }
      HPDF_Page_SetGrayFill (page, 0);
      if (i % every == 0)
        draw_text (page, font, small, CLAMP (axis_x + i * slot + (slot - lw) / 2, left, right - lw),
                   base_y - line_height (small), label, 0);
    }
}

static void
draw_footer (Render *r, CoordenaPdfDoc *doc, HPDF_Page page, guint number)
{
  double size = COORDENA_PDF_SIZE_NOTE;
  double lh = line_height (size);
  guint n = r->footer->len;
  double left = COORDENA_PDF_MARGIN_LEFT;
  double right = COORDENA_PDF_PAGE_WIDTH - COORDENA_PDF_MARGIN_RIGHT;
  /* The last footer line's descent sits on the bottom margin. */
  double first_top = COORDENA_PDF_MARGIN_BOTTOM + n * lh;

  for (guint i = 0; i < n; i++)
    {
      const char *bytes = g_ptr_array_index (r->footer, i);
      double w = text_width (r->regular, size, bytes, strlen (bytes));

      draw_text (page, r->regular, size, left + (right - left - w) / 2,
                 first_top - i * lh - ascent (r->regular, size), bytes, 0);
    }
  if (n > 0)
    {
      HPDF_Page_SetGrayStroke (page, 0.55f);
      draw_rule (page, left, right, first_top + 3, 0.4);
      HPDF_Page_SetGrayStroke (page, 0);
    }
  if (doc->page_numbers_from > 0 && (int) number >= doc->page_numbers_from)
    {
      g_autofree char *text = g_strdup_printf ("%u", number);
      double w = text_width (r->regular, size, text, strlen (text));

      draw_text (page, r->regular, size, right - w, first_top + 4 + lh - ascent (r->regular, size) - 2,
                 text, 0);
    }
}

static gboolean
draw_pages (Render *r, CoordenaPdfDoc *doc, GPtrArray *pages, GError **error)
{
  for (guint p = 0; p < pages->len; p++)
    {
      GArray *placed = g_ptr_array_index (pages, p);
      HPDF_Page page = HPDF_AddPage (r->pdf);

      HPDF_Page_SetSize (page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
      HPDF_Page_SetGrayFill (page, 0);
      HPDF_Page_SetGrayStroke (page, 0);
      for (guint i = 0; i < placed->len; i++)
        {
          Placed *pl = &g_array_index (placed, Placed, i);
          Item *item = pl->item;

          switch (item->kind)
            {
            case ITEM_LINE:
              draw_text (page, item->font, item->size, COORDENA_PDF_MARGIN_LEFT + item->x,
                         pl->top - ascent (item->font, item->size), item->bytes, item->word_space);
              break;
            case ITEM_IMAGE:
              HPDF_Page_DrawImage (page, item->image,
                                   (HPDF_REAL) (COORDENA_PDF_MARGIN_LEFT + (COORDENA_PDF_TEXT_WIDTH - item->width) / 2),
                                   (HPDF_REAL) (pl->top - item->height), (HPDF_REAL) item->width,
                                   (HPDF_REAL) item->height);
              break;
            case ITEM_ROW:
              draw_row (page, item, pl->top);
              break;
            case ITEM_CHART:
              draw_chart (r, page, item, pl->top);
              break;
            case ITEM_SPACE:
            case ITEM_BREAK:
            default:
              break;
            }
        }
      draw_footer (r, doc, page, g_array_index (r->numbers, guint, p));
      if (!check_hpdf (r, "drawing a page", error))
        return FALSE;
    }
  return TRUE;
}

/* Footer lines longer than the text width wrap, centred; text the encoding cannot hold is refused. */
static gboolean
wrap_footer (Render *r, CoordenaPdfDoc *doc, GError **error)
{
  double size = COORDENA_PDF_SIZE_NOTE;
  double space = text_width (r->regular, size, " ", 1);

  for (guint i = 0; doc->footer != NULL && doc->footer[i] != NULL; i++)
    {
      g_autofree char *bytes = coordena_pdf_encode (doc->footer[i], NULL, error);
      g_auto(Words) words = { 0 };
      g_autoptr(GArray) starts = NULL;

      if (bytes == NULL)
        return FALSE;
      words_split (&words, r->regular, size, bytes, COORDENA_PDF_TEXT_WIDTH);
      starts = break_lines (&words, space, COORDENA_PDF_TEXT_WIDTH, COORDENA_PDF_TEXT_WIDTH, FALSE);
      for (guint l = 0; l + 1 < starts->len; l++)
        {
          GString *line = g_string_new (NULL);

          for (guint k = g_array_index (starts, guint, l); k < g_array_index (starts, guint, l + 1); k++)
            {
              if (line->len > 0 && !word_glued (&words, k))
                g_string_append_c (line, ' ');
              g_string_append (line, g_ptr_array_index (words.words, k));
            }
          g_ptr_array_add (r->footer, g_string_free (line, FALSE));
        }
    }
  return TRUE;
}

static gboolean
set_info (Render *r, CoordenaPdfDoc *doc, GError **error)
{
  const struct { HPDF_InfoType type; const char *value; } attrs[] = {
    { HPDF_INFO_TITLE, doc->title },
    { HPDF_INFO_AUTHOR, doc->author },
    { HPDF_INFO_SUBJECT, doc->subject },
    { HPDF_INFO_CREATOR, "Coordena " PACKAGE_VERSION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (attrs); i++)
    {
      g_autofree char *bytes = NULL;

      if (attrs[i].value == NULL)
        continue;
      /* Info strings are PDFDocEncoding, which agrees with Latin-1 on the accented letters. */
      bytes = g_convert_with_fallback (attrs[i].value, -1, "ISO-8859-1", "UTF-8", "?", NULL, NULL, NULL);
      if (bytes != NULL)
        HPDF_SetInfoAttr (r->pdf, attrs[i].type, bytes);
    }
  if (g_date_valid (&doc->date))
    {
      HPDF_Date date = { 0 };

      date.year = g_date_get_year (&doc->date);
      date.month = g_date_get_month (&doc->date);
      date.day = g_date_get_day (&doc->date);
      date.hour = 12;
      date.ind = '-';
      date.off_hour = 3; /* Brasília */
      HPDF_SetInfoDateAttr (r->pdf, HPDF_INFO_CREATION_DATE, date);
    }
  return check_hpdf (r, "writing the document information", error);
}

static GBytes *
save (Render *r, GError **error)
{
  HPDF_UINT32 size, len;
  guint8 *buf;

  if (HPDF_SaveToStream (r->pdf) != HPDF_OK || !check_hpdf (r, "saving the document", error))
    {
      if (error != NULL && *error == NULL)
        check_hpdf (r, "saving the document", error);
      return NULL;
    }
  size = HPDF_GetStreamSize (r->pdf);
  buf = g_malloc (MAX (size, 1));
  len = size;
  HPDF_ResetStream (r->pdf);
  HPDF_ReadFromStream (r->pdf, buf, &len);
  if (r->state.code == HPDF_STREAM_EOF)
    r->state.code = HPDF_OK;
  if (len != size || !check_hpdf (r, "reading the saved document", error))
    {
      g_free (buf);
      if (error != NULL && *error == NULL)
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INTERNAL,
                     _("the PDF library returned %u of %u bytes"), (guint) len, (guint) size);
      return NULL;
    }
  return g_bytes_new_take (buf, size);
}

gboolean
coordena_pdf_check_png (GBytes *png, GError **error)
{
  HpdfState state = { 0 };
  HPDF_Doc pdf = NULL;
  gsize size = 0;
  g_autoptr(GBytes) plain = NULL;
  const guint8 *data;
  HPDF_Image image;
  gboolean ok;

  /* What the PDF library is handed at render time, so what it reads here. */
  {
    g_autoptr(GError) local = NULL;

    if ((plain = coordena_png_for_pdf (png, &local)) == NULL)
      {
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                     _("the coat of arms is a damaged PNG (%s): save it again from an image editor"), local->message);
        return FALSE;
      }
  }
  data = g_bytes_get_data (plain, &size);
  pdf = HPDF_New (on_hpdf_error, &state);
  if (pdf == NULL)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INTERNAL, _("the PDF library could not start"));
      return FALSE;
    }
  image = HPDF_LoadPngImageFromMem (pdf, data, (HPDF_UINT) size);
  ok = image != NULL && state.code == HPDF_OK;
  HPDF_Free (pdf);
  if (!ok)
    g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                 _("the coat of arms is a damaged PNG (the PDF library cannot read it, error 0x%04X): save it again "
                   "from an image editor"), (guint) state.code);
  return ok;
}

GBytes *
coordena_pdf_doc_render (CoordenaPdfDoc *doc, guint *n_pages, GError **error)
{
  Render r = { 0 };
  g_autofree char *regular_path = NULL;
  g_autofree char *bold_path = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  GBytes *bytes = NULL;
  const char *name;

  g_return_val_if_fail (doc->open_table == NULL, NULL);

  regular_path = coordena_pdf_font_path (COORDENA_PDF_FONT_REGULAR, error);
  if (regular_path == NULL)
    return NULL;
  bold_path = coordena_pdf_font_path (COORDENA_PDF_FONT_BOLD, error);
  if (bold_path == NULL)
    return NULL;

  r.pdf = HPDF_New (on_hpdf_error, &r.state);
  if (r.pdf == NULL)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INTERNAL, _("the PDF library could not start"));
      return NULL;
    }
  r.items = g_ptr_array_new_with_free_func (item_free);
  r.footer = g_ptr_array_new_with_free_func (g_free);
  r.numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  HPDF_SetCompressionMode (r.pdf, HPDF_COMP_ALL);

  name = HPDF_LoadTTFontFromFile (r.pdf, regular_path, HPDF_TRUE);
  if (name != NULL)
    r.regular = HPDF_GetFont (r.pdf, name, "CP1252");
  name = HPDF_LoadTTFontFromFile (r.pdf, bold_path, HPDF_TRUE);
  if (name != NULL)
    r.bold = HPDF_GetFont (r.pdf, name, "CP1252");
  if (r.regular == NULL || r.bold == NULL || !check_hpdf (&r, "loading the Carlito font", error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("the Carlito font could not be loaded"));
      goto out;
    }

  if (!set_info (&r, doc, error) || !wrap_footer (&r, doc, error) || !layout_blocks (&r, doc, error))
    goto out;
  pages = paginate (&r, doc);
  if (!draw_pages (&r, doc, pages, error))
    goto out;
  bytes = save (&r, error);
  if (bytes != NULL && n_pages != NULL)
    *n_pages = pages->len;

out:
  g_ptr_array_unref (r.items);
  g_ptr_array_unref (r.footer);
  g_array_unref (r.numbers);
  HPDF_Free (r.pdf);
  return bytes;
}
