/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv-writer.h — the one way Coordena writes a CSV cell: RFC 4180 quoting, and text that a
 * spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return)
 * neutralised with a leading apostrophe, so opening an export never executes what a roster
 * carried. The reader (csv.h) drops that apostrophe again, so the text round-trips unchanged. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when a spreadsheet would read text as a formula: it starts with =, +, -, @, tab or CR and
 * is not a plain number ("-40", "+1.234,56" are numbers, "-1+2" is not). */
gboolean coordena_csv_is_formula (const char *text);

/* Appends one cell (NULL is empty) to out: "'" before a formula, quotes around a cell holding the
 * separator, a quote, CR or LF (quotes inside doubled). Then terminator, unless it is 0: the
 * separator between cells, '\n' after the last. */
void coordena_csv_append_cell (GString *out, const char *text, char separator, char terminator);

/* The reader's side: the text without the apostrophe the writer put before a formula ("'=1+2" →
 * "=1+2"); any other text as it is. Returns a pointer into text. */
const char *coordena_csv_unguard (const char *text);

/* ---- Spreadsheets for people ---------------------------------------------------------------------
 *
 * Every CSV Coordena writes for a person to open (the window's exports, `export equipes`,
 * `forecast -o`, `compare -o`) has one format: UTF-8 with a BOM (so spreadsheets read the
 * accents), ';' between cells, CRLF between rows, a header row of readable Portuguese titles,
 * and money as a plain number with a decimal comma ("13500,00", no "R$"). */

#define COORDENA_CSV_BOM "\xEF\xBB\xBF"

/* A new sheet: the BOM and the header row. */
GString *coordena_csv_sheet_new (const char *const *header, guint n_columns);

/* One row of n_cells cells (NULL cells are empty), CRLF after it. */
void coordena_csv_append_row (GString *out, const char *const *cells, guint n_cells);

/* "13500,00", "-250,50": centavos as a number a pt-BR spreadsheet adds up. */
char *coordena_csv_money (gint64 centavos);

G_END_DECLS
