/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdf.h — a small flow-document model and its libharu renderer: Carlito, A4, MRPR margins,
 * single-byte (CP1252) text, a justifying line breaker, keep-together rules, repeated table
 * headers, footer and page numbers. Nothing here knows about ofícios; oficio.h builds on it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Page and type (OFICIO.md §2). One place for the constants. */
#define COORDENA_PDF_PAGE_WIDTH     595.28
#define COORDENA_PDF_PAGE_HEIGHT    841.89
#define COORDENA_PDF_MARGIN_LEFT    85.04  /* 3 cm */
#define COORDENA_PDF_MARGIN_RIGHT   42.52  /* 1,5 cm */
#define COORDENA_PDF_MARGIN_TOP     56.69  /* 2 cm */
#define COORDENA_PDF_MARGIN_BOTTOM  56.69  /* 2 cm */
#define COORDENA_PDF_TEXT_WIDTH     (COORDENA_PDF_PAGE_WIDTH - COORDENA_PDF_MARGIN_LEFT - COORDENA_PDF_MARGIN_RIGHT)
#define COORDENA_PDF_INDENT         70.87  /* 2,5 cm first-line indent */
#define COORDENA_PDF_LINE_FACTOR    1.2207 /* Carlito's single line height per point of size */
#define COORDENA_PDF_SIZE_BODY      12.0
#define COORDENA_PDF_SIZE_QUOTE     11.0
#define COORDENA_PDF_SIZE_NOTE      10.0
#define COORDENA_PDF_PARAGRAPH_GAP  6.0

typedef enum {
  COORDENA_PDF_ALIGN_LEFT,
  COORDENA_PDF_ALIGN_CENTER,
  COORDENA_PDF_ALIGN_RIGHT,
  COORDENA_PDF_ALIGN_JUSTIFY, /* every line but the last stretches its spaces to both margins */
} CoordenaPdfAlign;

typedef enum {
  COORDENA_PDF_FONT_REGULAR,
  COORDENA_PDF_FONT_BOLD,
} CoordenaPdfFont;

typedef struct {
  CoordenaPdfFont font;
  double size;            /* points; 0 means the body size */
  CoordenaPdfAlign align;
  double first_indent;    /* extra indent of the first line */
  double space_after;     /* points after the paragraph */
  gboolean keep_with_next;           /* the whole paragraph stays on the page of what follows */
  gboolean last_sentence_with_next;  /* at least the last sentence moves with what follows */
} CoordenaPdfStyle;

typedef struct _CoordenaPdfDoc CoordenaPdfDoc;

/* An empty A4 document. */
CoordenaPdfDoc *coordena_pdf_doc_new (void);
void coordena_pdf_doc_free (CoordenaPdfDoc *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaPdfDoc, coordena_pdf_doc_free)

/* Document information; date becomes the creation date, so the same inputs give the same bytes. */
void coordena_pdf_doc_set_info (CoordenaPdfDoc *doc,
                                const char     *title,
                                const char     *author,
                                const char     *subject,
                                const GDate    *date);

/* Centred note-size lines at the foot of every page. */
void coordena_pdf_doc_set_footer (CoordenaPdfDoc *doc, const char *const *lines);

/* Page numbers at the foot, right-aligned, from page `from` on (0 turns them off). */
void coordena_pdf_doc_set_page_numbers (CoordenaPdfDoc *doc, int from);

/* A centred PNG of the given height (the width follows its aspect ratio). */
void coordena_pdf_doc_add_image (CoordenaPdfDoc *doc, GBytes *png, double height);

/* A paragraph of UTF-8 text. label, when given ("1."), starts the first line at the indent. */
void coordena_pdf_doc_add_paragraph (CoordenaPdfDoc         *doc,
                                     const CoordenaPdfStyle *style,
                                     const char             *label,
                                     const char             *text);

/* Vertical space; dropped at the top of a page unless it keeps with the next block. */
void coordena_pdf_doc_add_space (CoordenaPdfDoc *doc, double points, gboolean keep_with_next);

void coordena_pdf_doc_add_page_break (CoordenaPdfDoc *doc);

/* A page break that starts another document in the same file (letters printed together): the
 * page numbers start again from 1. */
void coordena_pdf_doc_add_document_break (CoordenaPdfDoc *doc);

/* A table over the text width. widths are relative; header repeats on every page it spans. */
void coordena_pdf_doc_begin_table (CoordenaPdfDoc          *doc,
                                   guint                    n_columns,
                                   const double            *widths,
                                   const CoordenaPdfAlign  *aligns,
                                   const char *const       *header);
void coordena_pdf_doc_add_row (CoordenaPdfDoc *doc, const char *const *cells, gboolean bold);
void coordena_pdf_doc_end_table (CoordenaPdfDoc *doc);

/* A row that stays on the page of the row after it (a group's heading with its first line). */
void coordena_pdf_doc_add_row_keep (CoordenaPdfDoc *doc, const char *const *cells, gboolean bold);

/* A bar chart of n values (centavos or any unit), labels under the bars, value_format turns a
 * value into its label. */
void coordena_pdf_doc_add_bar_chart (CoordenaPdfDoc    *doc,
                                     const char        *title,
                                     guint              n,
                                     const char *const *labels,
                                     const gint64      *values,
                                     char *           (*value_format) (gint64 value),
                                     double             height);

/* The same, the bars from first_forecast on drawn light with an outline (forecast) and the
 * others solid (recorded), with a legend naming both. */
void coordena_pdf_doc_add_forecast_chart (CoordenaPdfDoc    *doc,
                                          const char        *title,
                                          guint              n,
                                          const char *const *labels,
                                          const gint64      *values,
                                          char *           (*value_format) (gint64 value),
                                          double             height,
                                          guint              first_forecast,
                                          const char        *recorded,
                                          const char        *forecast);

/* Lays out and renders the document. Text the single-byte encoding cannot hold is refused
 * (COORDENA_ERROR_INPUT, naming the character); a missing font or a libharu failure is an error. */
GBytes *coordena_pdf_doc_render (CoordenaPdfDoc *doc, guint *n_pages, GError **error);

/* UTF-8 → CP1252. Fails with COORDENA_ERROR_INPUT naming the first character it cannot hold;
 * what (may be NULL) says where the text came from. */
char *coordena_pdf_encode (const char *utf8, const char *what, GError **error);

/* Whether the PDF library reads a PNG whole (COORDENA_ERROR_INPUT when it cannot). */
gboolean coordena_pdf_check_png (GBytes *png, GError **error);

/* Path of a Carlito face (regular or bold); COORDENA_FONT_DIR overrides the search. */
char *coordena_pdf_font_path (CoordenaPdfFont font, GError **error);

G_END_DECLS
