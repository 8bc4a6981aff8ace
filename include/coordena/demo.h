/* SPDX-License-Identifier: GPL-3.0-or-later */
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

/* The demonstration database of a state, apart from the user's: $XDG_DATA_HOME/coordena/
 * demonstracao-rs.db (one per state, so choosing another state never touches the first). */
char *coordena_demo_db_path (const char *uf);

/* TRUE when path names one of those demonstration databases. */
gboolean coordena_demo_is_db_path (const char *path);

/* Creates the demonstration database of uf at path when needed and gives it the state; FALSE
 * with an error when it cannot (a file there that is not Coordena's, another state's). Sets
 * *filled when it already holds the demonstration roster. */
gboolean coordena_demo_prepare (const char *path, const char *uf, gboolean *filled, GError **error);

/* Real data never go into a demonstration database: FALSE, with a COORDENA_ERROR_INPUT error that
 * says what to do, when the store holds the demonstration roster. Call it before an import
 * writes anything. */
gboolean coordena_demo_refuse_import (CoordenaStore *store, GError **error);

/* The INE (10 digits) of every team the demonstration generates for the state (IBGE code of the
 * UF), so that a demonstration roster is recognised even without its demonstracao column. */
GHashTable *coordena_demo_team_codes (guint uf_code);

G_END_DECLS
