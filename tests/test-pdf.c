/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PDF flow document on its own (reports use it too): tables, charts, long words, refusals. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include <coordena/coordena.h>
#include <coordena/pdf.h>

static char *out_dir;

static char *
save (GBytes *bytes, const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (out_dir, name, NULL);

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

/* Runs a Poppler tool; it must succeed and print no warning. */
static char *
tool (const char *const *argv)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  g_assert_cmpstr (err, ==, "");
  return out;
}

static char *
money (gint64 v)
{
  return coordena_format_money (v);
}

/* Every word's box stays inside the text margins. */
static void
assert_within_margins (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *out = tool (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint words = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *x_min = strstr (lines[i], "xMin=\"");
      const char *x_max = strstr (lines[i], "xMax=\"");

      if (x_min == NULL || x_max == NULL)
        continue;
      words++;
      g_assert_cmpfloat (g_ascii_strtod (x_min + 6, NULL), >=, COORDENA_PDF_MARGIN_LEFT - 0.5);
      g_assert_cmpfloat (g_ascii_strtod (x_max + 6, NULL), <=, COORDENA_PDF_PAGE_WIDTH - COORDENA_PDF_MARGIN_RIGHT + 0.5);
    }
  g_assert_cmpuint (words, >, 10);
}

static void
test_table_and_chart (void)
{
  g_autoptr(CoordenaPdfDoc) doc = coordena_pdf_doc_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const double widths[] = { 30, 15, 15, 20 };
  const CoordenaPdfAlign aligns[] = { COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_CENTER, COORDENA_PDF_ALIGN_RIGHT,
                                      COORDENA_PDF_ALIGN_RIGHT };
  const char *const header[] = { "Município", "Equipes", "Situação", "Perda mensal" };
  const char *const labels[] = { "11/25", "12/25", "01/26", "02/26", "03/26", "04/26" };
  const gint64 values[] = { 0, 841667, 1683333, 1683333, 2525000, 3366667 };
  CoordenaPdfStyle title = { .font = COORDENA_PDF_FONT_BOLD, .align = COORDENA_PDF_ALIGN_CENTER, .space_after = 12 };
  guint pages = 0;

  coordena_pdf_doc_set_info (doc, "Relatório", "Coordena", NULL, NULL);
  {
    /* A footer longer than the line wraps inside the margins. */
    const char *footer[] = { "Secretaria da Saúde do Estado – Avenida Almirante Barroso, 600, Praia de Iracema, "
                             "Fortaleza/CE, CEP 60060-440 – Telefone (85) 3101-5123 – coaps@saude.ce.gov.br – "
                             "www.saude.ce.gov.br", NULL };

    coordena_pdf_doc_set_footer (doc, footer);
  }
  coordena_pdf_doc_set_page_numbers (doc, 1);
  coordena_pdf_doc_add_paragraph (doc, &title, NULL, "Previsão de suspensões");
  coordena_pdf_doc_add_bar_chart (doc, "Perda mensal prevista", G_N_ELEMENTS (labels), labels, values, money, 200);
  coordena_pdf_doc_add_page_break (doc);
  coordena_pdf_doc_begin_table (doc, 4, widths, aligns, header);
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", i % 7 + 1);
      g_autofree char *loss = coordena_format_money ((gint64) i * 841667);
      const char *row[] = { i % 2 ? "São João do Jaguaribe" : "Fortaleza", n, i % 3 ? "50 %" : "em dia", loss };

      coordena_pdf_doc_add_row (doc, row, FALSE);
    }
  {
    const char *total[] = { "Total", "280", "", "R$ 2.659.667,72" };
    coordena_pdf_doc_add_row (doc, total, TRUE);
  }
  coordena_pdf_doc_end_table (doc);

  bytes = coordena_pdf_doc_render (doc, &pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages, >=, 3);
  path = save (bytes, "tabela-grafico.pdf");
  assert_within_margins (path);
  {
    const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
    text = tool (argv);
  }
  g_assert_nonnull (strstr (text, "Perda mensal prevista"));
  g_assert_nonnull (strstr (text, "R$ 40.000,00")); /* the chart's axis, in round steps */
  g_assert_nonnull (strstr (text, "R$ 10.000,00"));
  g_assert_nonnull (strstr (text, "02/26"));
  g_assert_nonnull (strstr (text, "R$ 2.659.667,72"));
  g_assert_nonnull (strstr (text, "www.saude.ce.gov.br"));
  {
    const char *argv[] = { "pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", path, NULL, NULL };
    g_autofree char *prefix = g_build_filename (out_dir, "grafico", NULL);
    g_autofree char *out = NULL;

    argv[9] = path;
    argv[10] = prefix;
    out = tool (argv);
  }
}

static void
test_long_words_stay_inside (void)
{
  g_autoptr(CoordenaPdfDoc) doc = coordena_pdf_doc_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) text = g_string_new ("Endereço eletrônico sem espaços: ");
  CoordenaPdfStyle body = { .align = COORDENA_PDF_ALIGN_JUSTIFY, .first_indent = COORDENA_PDF_INDENT };

  for (guint i = 0; i < 30; i++)
    g_string_append (text, "coordenacao.atencao.primaria");
  g_string_append (text, "@saude.gov.br e mais um texto comum para fechar o parágrafo justificado.");
  coordena_pdf_doc_add_paragraph (doc, &body, "1.", text->str);
  /* Two long codes and a single space: set ragged rather than with a gap of half a page. */
  coordena_pdf_doc_add_paragraph (doc, &body, NULL,
                                  "SEI 005oc3so n000000000000000000000000nga-s000000000000000000000000nga-s");
  bytes = coordena_pdf_doc_render (doc, NULL, &error);
  g_assert_no_error (error);
  path = save (bytes, "palavra-longa.pdf");
  assert_within_margins (path);
}

static void
test_refuses_what_the_encoding_cannot_hold (void)
{
  g_autoptr(CoordenaPdfDoc) doc = coordena_pdf_doc_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  CoordenaPdfStyle body = { 0 };

  coordena_pdf_doc_add_paragraph (doc, &body, NULL, "Equipe em dia ✓ desde 03/2025");
  bytes = coordena_pdf_doc_render (doc, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "“✓”"));
  g_assert_nonnull (strstr (error->message, "U+2713"));
}

static void
test_no_clock_in_the_bytes (void)
{
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, 11, 2025);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CoordenaPdfDoc) doc = coordena_pdf_doc_new ();
      CoordenaPdfStyle body = { .align = COORDENA_PDF_ALIGN_JUSTIFY };
      g_autoptr(GError) error = NULL;
      GBytes *bytes;

      coordena_pdf_doc_set_info (doc, "Título", "Autor", "Assunto", &date);
      coordena_pdf_doc_add_paragraph (doc, &body, NULL, "Um parágrafo qualquer, com acentuação: ação, ênfase, º e ª.");
      bytes = coordena_pdf_doc_render (doc, NULL, &error);
      g_assert_no_error (error);
      if (i == 0)
        a = bytes;
      else
        b = bytes;
      g_usleep (1100 * 1000);
    }
  g_assert_true (g_bytes_equal (a, b));
}

/* A group's heading row never stays alone at the foot of a page: whatever the number of rows
 * before it, it is on the page of the row after it. A cell's line feed starts a new line. */
static void
test_heading_row_keeps_with_next (void)
{
  gboolean crossed = FALSE;

  for (guint n = 20; n <= 70; n++)
    {
      g_autoptr(CoordenaPdfDoc) doc = coordena_pdf_doc_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *path = NULL;
      static const double widths[] = { 3, 1 };
      const char *head[] = { "Equipe", "Perda" };
      const char *heading[] = { "Município Agrupado", "R$ 1,00" };
      const char *first[] = { "Primeira equipe\nfalta: Enfermeiro", "R$ 1,00" };
      guint pages;

      coordena_pdf_doc_begin_table (doc, 2, widths, NULL, head);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *name = g_strdup_printf ("Linha %u", i);
          const char *cells[] = { name, "—" };
          coordena_pdf_doc_add_row (doc, cells, FALSE);
        }
      coordena_pdf_doc_add_row_keep (doc, heading, TRUE);
      coordena_pdf_doc_add_row (doc, first, FALSE);
      coordena_pdf_doc_end_table (doc);
      bytes = coordena_pdf_doc_render (doc, &pages, &error);
      g_assert_no_error (error);
      path = save (bytes, "keep.pdf");
      for (guint p = 1; p <= pages; p++)
        {
          g_autofree char *page = g_strdup_printf ("%u", p);
          const char *argv[] = { "pdftotext", "-f", page, "-l", page, path, "-", NULL };
          g_autofree char *text = tool (argv);

          if (strstr (text, "Município Agrupado") != NULL)
            {
              g_assert_nonnull (strstr (text, "Primeira equipe"));
              /* The line feed made two lines, not one with a space. */
              g_assert_nonnull (strstr (text, "Primeira equipe\n"));
              crossed = crossed || p > 1;
            }
        }
    }
  /* The loop did push the heading over a page break at least once. */
  g_assert_true (crossed);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  coordena_i18n_init ();
  out_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL ? g_getenv ("G_TEST_BUILDDIR") : ".", "pdf-output", NULL);
  g_mkdir_with_parents (out_dir, 0700);

  g_test_add_func ("/pdf/table-and-chart", test_table_and_chart);
  g_test_add_func ("/pdf/long-words-stay-inside", test_long_words_stay_inside);
  g_test_add_func ("/pdf/refuses-unencodable", test_refuses_what_the_encoding_cannot_hold);
  g_test_add_func ("/pdf/no-clock-in-the-bytes", test_no_clock_in_the_bytes);
  g_test_add_func ("/pdf/heading-row-keeps-with-next", test_heading_row_keeps_with_next);
  return g_test_run ();
}
