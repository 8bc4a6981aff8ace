/* SPDX-License-Identifier: GPL-3.0-or-later */
/* duplicidade.h — a professional registered in two eSF in the same competência (DOMAIN.md §4.4:
 * Portaria 6.907/2025 suspends 50 % after two competências of it). Found in a roster for the
 * engine, or in the store for reports. */
#pragma once

#include <glib.h>

#include <coordena/roster.h>
#include <coordena/store.h>

G_BEGIN_DECLS

typedef struct {
  CoordenaCompetencia competencia;
  char cns[16];
  char *name;        /* may be NULL */
  GPtrArray *ines;   /* char*: the eSF teams, sorted */
} CoordenaDuplicidade;

void coordena_duplicidade_free (CoordenaDuplicidade *dup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaDuplicidade, coordena_duplicidade_free)

/* Every (competência, CNS) held by two or more eSF of the roster, sorted by competência then CNS. */
GPtrArray *coordena_roster_find_duplicidades (const CoordenaRoster *roster);

/* TRUE when a member of this eSF team-month is also a member of another eSF in the same competência. */
gboolean coordena_roster_month_has_duplicidade (const CoordenaRoster *roster, const CoordenaRosterMonth *month);

/* The same from the database, for one competência (0: all). */
GPtrArray *coordena_store_list_duplicidades (CoordenaStore *store, CoordenaCompetencia competencia, GError **error);

G_END_DECLS
