/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import-private.h — the one place that writes teams, professionals and memberships, shared by the
 * roster CSV import, the CNES import and the demonstration roster. Callers hold the transaction. */
#pragma once

#include <coordena/import.h>
#include <coordena/roster.h>

G_BEGIN_DECLS

/* The CNES import reads plain lines without libcsv and drops rows from their first fields unless
 * this is turned off; only the fuzzer that compares the two readings turns it off. */
void coordena_import_cnes_set_fast_path_for_testing (gboolean enabled);

typedef struct _CoordenaRosterWriter CoordenaRosterWriter;

/* Statements for writing rows of one origin ('cnes', 'csv', 'demo'). */
CoordenaRosterWriter *coordena_roster_writer_new (CoordenaStore *store, const char *origem, GError **error);
void coordena_roster_writer_free (CoordenaRosterWriter *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaRosterWriter, coordena_roster_writer_free)

typedef struct {
  const char *ine;            /* 10 digits */
  const char *ibge7;
  const char *cnes;           /* may be NULL */
  const char *tp_equipe;      /* may be NULL */
  const char *subtipo;        /* may be NULL */
  const char *nome;           /* may be NULL */
  const char *dt_ativacao;    /* AAAA-MM-DD or NULL */
  const char *dt_desativacao;
  gboolean demo;
} CoordenaWriterTeam;

/* Inserts or updates a team by INE (a known base value is kept); its row id. 0 on error. */
gint64 coordena_roster_writer_team (CoordenaRosterWriter *writer, const CoordenaWriterTeam *team, GError **error);

/* Sets a team's base value (centavos) or clears it (COORDENA_BASE_UNKNOWN). */
gboolean coordena_roster_writer_team_base (CoordenaRosterWriter *writer, gint64 team_id, gint64 centavos,
                                           GError **error);
/* Forgets the base value of a team that a roster import covers without giving one, unless it was
 * set by hand (Equipes › Valor base) after the last roster import: a value that came from an
 * earlier file follows the latest file, so importing A then A′ gives what A′ alone gives. */
gboolean coordena_roster_writer_team_drop_imported_base (CoordenaRosterWriter *writer, gint64 team_id, GError **error);

/* Replaces a team's competência: the month row gets this type (flags ≥ 0 set the month's
 * provimento flag, −1 keeps it; the SISAB flag is the user's and always kept) and loses its
 * members, which the caller writes again. */
gboolean coordena_roster_writer_team_month (CoordenaRosterWriter *writer,
                                            gint64                team_id,
                                            CoordenaCompetencia   competencia,
                                            CoordenaTeamType      type,
                                            int                   flags,
                                            GError              **error);

/* Says the import gives the whole of a competência for the state: finish removes what it held
 * before and this import did not write. */
void coordena_roster_writer_cover (CoordenaRosterWriter *writer, CoordenaCompetencia competencia);

/* Removes the team-months of the covered competências that were not written (their members
 * too), then every team and professional left in no competência; notes the removals in report. */
gboolean coordena_roster_writer_finish (CoordenaRosterWriter *writer, CoordenaImportReport *report, GError **error);

/* Inserts or updates a professional by CNS (a known name is kept when name is NULL); its row id. */
gint64 coordena_roster_writer_professional (CoordenaRosterWriter *writer, const char *cns, const char *nome,
                                            GError **error);

/* Adds a member to a team-month; the same professional and CBO twice keeps the larger hours. */
gboolean coordena_roster_writer_member (CoordenaRosterWriter *writer,
                                        gint64                team_id,
                                        CoordenaCompetencia   competencia,
                                        gint64                professional_id,
                                        const char           *cbo,
                                        guint                 hours,
                                        GError              **error);

/* Inserts or updates an establishment by CNES (a known name or municipality is kept when NULL). */
gboolean coordena_roster_writer_establishment (CoordenaRosterWriter *writer, const char *cnes, const char *nome,
                                               const char *ibge7, GError **error);

/* Sets a municipality's IED stratum (1–4) as the imported file gives it. */
gboolean coordena_roster_writer_stratum (CoordenaRosterWriter *writer, const char *ibge7, guint stratum,
                                         GError **error);

/* Counts of what was written, for the report. */
void coordena_roster_writer_fill_report (CoordenaRosterWriter *writer, CoordenaImportReport *report);

/* Adds a skipped row or a warning to a report, keeping only the first ones' text. */
void coordena_import_report_skip (CoordenaImportReport *report, char *message /* owned */);
void coordena_import_report_warn (CoordenaImportReport *report, char *message /* owned */);
void coordena_import_report_note (CoordenaImportReport *report, char *message /* owned */);

/* Adds the duplicidades of the report's competências (a professional in two eSF) to its warnings. */
gboolean coordena_import_report_duplicidades (CoordenaStore *store, CoordenaImportReport *report, GError **error);

/* Audits an import in the open transaction: the source, competências and counts. */
gboolean coordena_import_audit (CoordenaStore *store, const char *action, const CoordenaImportReport *report,
                                GError **error);

G_END_DECLS
