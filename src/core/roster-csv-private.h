/* SPDX-License-Identifier: GPL-3.0-or-later */
/* roster-csv-private.h — what the two readers of the roster CSV share: the general one
 * (roster-csv.c, on the CSV reader) and the one for plain files (roster-csv-plain.c). */
#pragma once

#include <glib.h>

#include <coordena/reference.h>
#include <coordena/roster-csv.h>
#include <coordena/ruleset.h>

#include "number-map.h"

G_BEGIN_DECLS

typedef struct {
  struct { guint key; const CoordenaMunicipio *municipio; } slots[16384];
  guint n;
} RosterMunicipioCache;

typedef struct {
  struct { char cbo[7]; gint8 category; } slots[16];
} RosterCboCache;

/* The municipality of an IBGE code as the file wrote it, or NULL. */
const CoordenaMunicipio *roster_csv_find_municipio (RosterMunicipioCache *cache, const CoordenaReference *ref,
                                                    const char *ibge);

/* The category of a CBO (at least 7 readable bytes, NUL-terminated). */
CoordenaCategory roster_csv_category (RosterCboCache *cache, const CoordenaCboMap *map, const char *cbo);

/* Digits only, 1..width of them, left-padded with zeros into out (width + 1 bytes). */
gboolean roster_csv_pad_code (const char *text, guint width, char *out);

/* A whole number of weekly hours, 0..168, digits only. */
gboolean roster_csv_parse_hours (const char *text, guint64 *hours);

/* A team type as the file may write it (eSF, eAP20, eAP30, 70, other codes). */
gboolean roster_csv_parse_type (const char *text, CoordenaTeamType *type);

/* A CNS of 15 digits as a number. */
gboolean roster_csv_cns_number (const char *cns, guint64 *out);

/* A roster file read the short way (see roster-csv-plain.c), when it is plain. */
typedef struct _RosterPlain RosterPlain;

/* Opens an ordinary file and, when it is large, starts reading it on a thread of its own; NULL
 * when it cannot be read that way (the general reader then reads it, and says why). */
RosterPlain *roster_csv_plain_open (const char *path);

/* Reads the file into *roster, with *error when the builder refuses it, and closes rp. FALSE when
 * the file is not plain: nothing was read, and the general reader must read it. report, when
 * given, is initialised and left as it was on FALSE. */
gboolean roster_csv_plain_read (RosterPlain                    *rp,
                                const CoordenaCboMap           *map,
                                const CoordenaReference        *ref,
                                CoordenaRosterCsvReport        *report,
                                CoordenaRoster                **roster,
                                GError                        **error);

/* Closes a file that will not be read; NULL is accepted. */
void roster_csv_plain_close (RosterPlain *rp);

G_END_DECLS
