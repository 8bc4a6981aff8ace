/* SPDX-License-Identifier: GPL-3.0-or-later */
/* roster-edit.h — changes a person makes by hand: a team's data and its members in one
 * competência, each change one audited transaction; and the checks the forms show field by field. */
#pragma once

#include <glib.h>

#include <coordena/roster.h>
#include <coordena/store.h>

G_BEGIN_DECLS

typedef struct {
  const char *ine;          /* 10 digits */
  const char *cnes;         /* 7 digits */
  const char *ibge7;        /* a municipality of the database's state */
  const char *name;         /* may be NULL */
  CoordenaTeamType type;
  gboolean provimento;      /* vaga de provimento sem reposição in the competência */
} CoordenaTeamEdit;

typedef struct {
  const char *cns;          /* 15 digits, valid */
  const char *name;         /* may be NULL */
  const char *cbo;          /* 6 characters */
  guint hours;              /* weekly, 0–168 */
} CoordenaMemberEdit;

/* Writes a team and its whole membership in one competência (what the competência held before
 * is replaced), audited as action ("incluir equipe", "incluir profissional", …). */
gboolean coordena_roster_edit_put (CoordenaStore            *store,
                                   const char               *action,
                                   const CoordenaTeamEdit   *team,
                                   CoordenaCompetencia       competencia,
                                   const CoordenaMemberEdit *members,
                                   guint                     n_members,
                                   GError                  **error);

/* The members a team has in a competência of a roster, as edits (strings point into the roster). */
GArray *coordena_roster_edit_members (const CoordenaRoster *roster, const char *ine, CoordenaCompetencia competencia);

/* A team as it was before its removal: enough to put it back with every competência. */
typedef struct _CoordenaTeamSnapshot CoordenaTeamSnapshot;

/* Removes a team with all its competências and memberships in one audited transaction (the
 * professionals stay); returns what was removed, for Desfazer. roster is the one on screen. */
CoordenaTeamSnapshot *coordena_roster_edit_remove_team (CoordenaStore        *store,
                                                        const CoordenaRoster *roster,
                                                        const char           *ine,
                                                        GError              **error);

/* Puts a removed team back, every competência and member, in one audited transaction. */
gboolean coordena_roster_edit_restore_team (CoordenaStore *store, const CoordenaTeamSnapshot *snapshot, GError **error);

/* The team as the roster holds it now, to put back after an edit; NULL when there is no such
 * team (the edit adds it). */
CoordenaTeamSnapshot *coordena_roster_edit_snapshot_team (const CoordenaRoster *roster, const char *ine);

/* Undoes an edit of the team with this INE: puts back every competência, member and name the
 * snapshot holds, or removes the team when snapshot is NULL (the edit added it). Scenario
 * changes planned for the team stay. One audited transaction. */
gboolean coordena_roster_edit_revert_team (CoordenaStore              *store,
                                           const char                 *ine,
                                           const CoordenaTeamSnapshot *snapshot,
                                           GError                    **error);

const char *coordena_team_snapshot_get_ine (const CoordenaTeamSnapshot *snapshot);
const char *coordena_team_snapshot_get_name (const CoordenaTeamSnapshot *snapshot);
void coordena_team_snapshot_free (CoordenaTeamSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaTeamSnapshot, coordena_team_snapshot_free)

/* One member's removal from a team in one competência: enough for Desfazer. */
typedef struct _CoordenaMemberRemoval CoordenaMemberRemoval;

/* Removes the member cns from a team in a competência in one audited transaction; the team keeps
 * its other members, type and flags. roster is the one on screen. Returns what was there. */
CoordenaMemberRemoval *coordena_roster_edit_remove_member (CoordenaStore        *store,
                                                           const CoordenaRoster *roster,
                                                           const char           *ine,
                                                           CoordenaCompetencia   competencia,
                                                           const char           *cns,
                                                           GError              **error);

/* Puts the competência's membership back as it was before the removal, audited. */
gboolean coordena_roster_edit_restore_member (CoordenaStore *store, const CoordenaMemberRemoval *removal, GError **error);

/* The removed person's name as the roster had it, NULL when unknown. */
const char *coordena_member_removal_get_name (const CoordenaMemberRemoval *removal);
void coordena_member_removal_free (CoordenaMemberRemoval *removal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaMemberRemoval, coordena_member_removal_free)

/* Field checks: FALSE with a message for the person (COORDENA_ERROR_INPUT). warning, when
 * given, receives a note that does not refuse the value (a check digit that does not match). */
gboolean coordena_check_ine (const char *text, char **warning, GError **error);
gboolean coordena_check_cnes (const char *text, char **warning, GError **error);
gboolean coordena_check_cns (const char *text, GError **error);
gboolean coordena_check_cbo (const char *text, char **warning, GError **error);
gboolean coordena_check_hours (const char *text, guint *hours, GError **error);
/* The 7-digit code of a municipality named or coded in text, within the state uf_code. */
gboolean coordena_check_municipio (const char *text, guint uf_code, char **ibge7, GError **error);

G_END_DECLS
