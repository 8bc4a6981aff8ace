/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the ofício's text layout — the line breaker with justification, hyphen and slash
 * breaks, keep-together rules, tables with repeated headers, footers and page numbers — rendered
 * through libharu. The input's lines become paragraphs; a line starting with "|" is a table row
 * (cells split on "|"); the first byte picks the styles. */
#include "fuzz-common.h"

#include <coordena/coordena.h>
#include <coordena/pdf.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(CoordenaPdfDoc) doc = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  static const double widths[3] = { 1, 3, 1.5 };
  static const CoordenaPdfAlign aligns[3] = { COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_JUSTIFY, COORDENA_PDF_ALIGN_RIGHT };
  static const char *const header[3] = { "Município", "Equipe", "Perda" };
  guint8 flags = size > 0 ? data[0] : 0;
  gboolean in_table = FALSE;
  guint n_pages = 0;
  GDate date;

  fuzz_init_once ();
  if (size > 16 * 1024)
    return 0;
  text = g_strndup ((const char *) data + (size > 0), size - (size > 0));
  if (!g_utf8_validate (text, -1, NULL))
    return 0;   /* every caller hands the renderer UTF-8 */
  lines = g_strsplit (text, "\n", 200);

  doc = coordena_pdf_doc_new ();
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 3, 12, 2025);
  coordena_pdf_doc_set_info (doc, lines[0] != NULL ? lines[0] : "", "Fuzz", "Layout", &date);
  coordena_pdf_doc_set_page_numbers (doc, (flags & 1) ? 2 : 0);
  if (flags & 2)
    coordena_pdf_doc_set_footer (doc, (const char *const *) lines);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (line[0] == '|')
        {
          g_auto(GStrv) cells = g_strsplit (line + 1, "|", 3);
          const char *row[3] = { "", "", "" };

          for (guint c = 0; c < 3 && cells[c] != NULL; c++)
            row[c] = cells[c];
          if (!in_table)
            coordena_pdf_doc_begin_table (doc, 3, widths, aligns, header);
          in_table = TRUE;
          coordena_pdf_doc_add_row (doc, row, (flags & 4) != 0);
          continue;
        }
      if (in_table)
        coordena_pdf_doc_end_table (doc);
      in_table = FALSE;
      if (line[0] == '\0')
        coordena_pdf_doc_add_space (doc, 12 * ((flags >> 3) & 3), (flags & 32) != 0);
      else if (line[0] == '^')
        coordena_pdf_doc_add_page_break (doc);
      else
        {
          CoordenaPdfStyle style = {
            .font = (i + flags) % 2 ? COORDENA_PDF_FONT_BOLD : COORDENA_PDF_FONT_REGULAR,
            .size = (flags & 64) ? COORDENA_PDF_SIZE_NOTE : 0,
            .align = (CoordenaPdfAlign) ((i + (flags >> 4)) % 4),
            .first_indent = (i % 3 == 0) ? COORDENA_PDF_INDENT : 0,
            .space_after = COORDENA_PDF_PARAGRAPH_GAP,
            .keep_with_next = (flags & 128) != 0 && i % 5 == 0,
            .last_sentence_with_next = i % 7 == 0,
          };
          g_autofree char *label = i % 4 == 1 ? g_strdup_printf ("%u.", i) : NULL;

          coordena_pdf_doc_add_paragraph (doc, &style, label, line);
        }
    }
  if (in_table)
    coordena_pdf_doc_end_table (doc);

  pdf = coordena_pdf_doc_render (doc, &n_pages, &error);
  if ((pdf == NULL) == (error == NULL))
    abort ();
  if (pdf != NULL && (n_pages == 0 || g_bytes_get_size (pdf) < 100))
    abort ();
  if (error != NULL && error->code != COORDENA_ERROR_INPUT)
    {
      g_printerr ("refused with error %d: %s\n", error->code, error->message);
      abort ();   /* only text the encoding cannot hold may be refused */
    }
  return 0;
}
