/* demo.h — a realistic generated roster for the database's state, for trying the product out.
 * Everything it writes is marked as demonstration data: the teams, the profile ('demo' = '1'),
 * the audit log and the names ("DEMO ESF …"). Municipalities without an IED stratum get a generated
 * one, so the 2024+ amounts show. */
#pragma once

#include <coordena/import.h>
#include <coordena/store.h>

G_BEGIN_DECLS

/* Generates teams for the state's real municipalities over twelve competências ending at the
 * given one (0: the current month), with gaps and a few duplicated professionals, in one
 * transaction. The same seed gives the same roster. */
CoordenaImportReport *coordena_demo_generate (CoordenaStore       *store,
                                              CoordenaCompetencia  last,
                                              guint32              seed,
                                              GError             **error);

G_END_DECLS
