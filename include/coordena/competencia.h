/* SPDX-License-Identifier: GPL-3.0-or-later */
/* competencia.h — SCNES competências: a month written AAAAMM in data and MM/AAAA on screen. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A competência as the integer AAAAMM (e.g. 202512). 0 means "none". */
typedef guint CoordenaCompetencia;

#define COORDENA_COMPETENCIA_MIN_YEAR 1990
#define COORDENA_COMPETENCIA_MAX_YEAR 2099

/* TRUE when c is AAAAMM with a month 01–12 and a year in the supported range. */
gboolean coordena_competencia_is_valid (CoordenaCompetencia c);

/* Parses "AAAAMM" (exactly six digits, surrounding blanks allowed) or "MM/AAAA". */
gboolean coordena_competencia_parse (const char          *text,
                                     CoordenaCompetencia *out,
                                     GError             **error);

/* Months since January of year 0: a dense index for arithmetic and arrays. */
int coordena_competencia_to_index (CoordenaCompetencia c);
CoordenaCompetencia coordena_competencia_from_index (int index);

/* c plus n months (n may be negative). */
CoordenaCompetencia coordena_competencia_add (CoordenaCompetencia c, int n);

/* a − b in months. */
int coordena_competencia_diff (CoordenaCompetencia a, CoordenaCompetencia b);

/* "MM/AAAA" for the screen and documents. */
char *coordena_competencia_format (CoordenaCompetencia c);

/* The competência that holds a date. */
CoordenaCompetencia coordena_competencia_from_date (const GDate *date);

/* First and last day of the competência's month. */
void coordena_competencia_bounds (CoordenaCompetencia c, GDate *first, GDate *last);

G_END_DECLS
