/* SPDX-License-Identifier: GPL-3.0-or-later */
/* roster-private.h — what the roster readers may ask of the roster builder beyond its public
 * functions. */
#pragma once

#include <coordena/roster.h>

G_BEGIN_DECLS

/* Brings the place where the builder looks up a professional of this CNS (15 digits, as a number)
 * into the cache, some rows before coordena_roster_builder_add_professional() may need it. */
void roster_builder_prefetch_professional (CoordenaRosterBuilder *builder, guint64 cns);

/* coordena_roster_builder_add_professional() for a CNS of 15 digits, given also as a number. */
guint roster_builder_add_professional_cns (CoordenaRosterBuilder *builder, guint64 number, const char *cns,
                                           const char *name);

/* coordena_roster_builder_add_member() for a reader that checked team and professional (indices
 * the builder gave it) and a CBO of six characters. */
void roster_builder_add_member_cbo6 (CoordenaRosterBuilder *builder, guint team, CoordenaCompetencia competencia,
                                     guint professional, const char *cbo, CoordenaCategory category, guint hours);

G_END_DECLS
