/* SPDX-License-Identifier: GPL-3.0-or-later */
/* format.h — pt-BR money, dates and numbers, independent of the system locale. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "R$ 1.234,56"; negative amounts as "-R$ 1.234,56". */
char *coordena_format_money (gint64 centavos);
/* The same into buf, NUL-terminated, without allocating (a report writes one per row); returns
 * its length. */
#define COORDENA_MONEY_MAX 48
gsize coordena_format_money_to (gint64 centavos, char buf[COORDENA_MONEY_MAX]);
/* The same, or "" for an unknown amount (negative, as COORDENA_BASE_UNKNOWN). */
char *coordena_format_money_or_empty (gint64 centavos);

/* The same, or "—" for an unknown amount (negative). */
char *coordena_format_money_or_dash (gint64 centavos);

/* "R$ 12 mil", "R$ 1,5 mi": short amounts for chart axes. */
char *coordena_format_money_compact (gint64 centavos);

/* "75 %": the percent with the space pt-BR puts before the sign. */
char *coordena_format_percent (int percent);

/* Parses "16.833,33", "16833,33", "16833.33", "R$ 16.833,33" or "16833" into centavos.
 * More than two decimal places, or any other character, is refused. */
gboolean coordena_parse_money (const char *text, gint64 *centavos, GError **error);

/* round_half_up (base × percent / 100) for a non-negative base and percent (DOMAIN.md §5). */
gint64 coordena_percent_of (gint64 base_centavos, int percent);

/* "1.234.567": thousands grouped with dots. */
char *coordena_format_integer (gint64 value);

/* Month names in lower case, from a fixed table: 1 → "janeiro". NULL outside 1–12. */
const char *coordena_month_name (int month);

/* "03/12/2025" */
char *coordena_format_date (const GDate *date);

/* "1º de dezembro de 2025" and "3 de dezembro de 2025": day without a leading zero, ordinal on
 * the first, month in lower case. No final full stop: the caller adds it. */
char *coordena_format_date_extenso (const GDate *date);

/* Parses "AAAA-MM-DD" or "DD/MM/AAAA" into a valid date. */
gboolean coordena_parse_date (const char *text, GDate *date, GError **error);

/* Control characters (C0, DEL, C1) and the bidirectional overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069): they would move the terminal's cursor, recolour it, or reorder what a document
 * shows, so a typed value never holds them. */
gboolean coordena_text_is_hidden_control (gunichar c);

/* The one check of a value typed or read from a file: valid UTF-8 and none of the characters
 * above. `what` names the value in the refusal ("the value of secretario.nome", "--note"). */
gboolean coordena_text_check_plain (const char *what, const char *value, GError **error);

/* A copy to show (terminal, PDF): each of those characters, and each invalid byte, replaced by
 * U+FFFD, so a value stored before the check cannot reach the screen raw. NULL gives NULL. */
char *coordena_text_printable (const char *text);

/* The city without a trailing UF, for a document's place and date ("Fortaleza/CE",
 * "Fortaleza - CE" → "Fortaleza"). */
char *coordena_format_city_without_uf (const char *city);

G_END_DECLS
