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

/* A team as a roster held it (or the absence of the team), for Desfazer and for telling whether
 * someone else changed it since. */
typedef struct _CoordenaTeamSnapshot CoordenaTeamSnapshot;

/* Edits are optimistic: each one takes what the person saw (the roster on screen, or a snapshot
 * of it) and compares it, inside its transaction and with the team held against other writers,
 * with what the database holds. When someone else changed what the edit rewrites, nothing is
 * written and the error is COORDENA_ERROR_CONFLICT, its message saying who and when (if the audit
 * log knows), what the database holds now and to reopen the team. */

/* Writes a team and its whole membership in one competência (what the competência held before
 * is replaced), audited as action ("incluir equipe", "incluir profissional", …). seen is the
 * team as the person saw it (coordena_roster_edit_snapshot_team of the roster on screen); its
 * fields and this competência must still be so. On success seen also keeps what was written,
 * for coordena_roster_edit_revert_team and for a further edit through the same snapshot. */
gboolean coordena_roster_edit_put (CoordenaStore            *store,
                                   const char               *action,
                                   CoordenaTeamSnapshot     *seen,
                                   const CoordenaTeamEdit   *team,
                                   CoordenaCompetencia       competencia,
                                   const CoordenaMemberEdit *members,
                                   guint                     n_members,
                                   GError                  **error);

/* The members a team has in a competência of a roster, as edits (strings point into the roster). */
GArray *coordena_roster_edit_members (const CoordenaRoster *roster, const char *ine, CoordenaCompetencia competencia);

/* Removes a team with all its competências and memberships in one audited transaction (the
 * professionals stay); returns what was removed, for Desfazer. roster is the one on screen: the
 * whole team must still be as it shows it. */
CoordenaTeamSnapshot *coordena_roster_edit_remove_team (CoordenaStore        *store,
                                                        const CoordenaRoster *roster,
                                                        const char           *ine,
                                                        GError              **error);

/* Puts a removed team back, every competência and member, in one audited transaction; refused
 * when the team exists again. */
gboolean coordena_roster_edit_restore_team (CoordenaStore *store, const CoordenaTeamSnapshot *snapshot, GError **error);

/* The team as the roster holds it now, to give to an edit and put back after it; a snapshot of no
 * team when the roster has none with the INE (the edit adds it). */
CoordenaTeamSnapshot *coordena_roster_edit_snapshot_team (const CoordenaRoster *roster, const char *ine);

/* Undoes an edit of the team with this INE, snapshot being the one the edit was given: puts back
 * every competência, member and name it holds, or removes the team when it held none (the edit
 * added it). Refused when the team is no longer as the edit left it. Scenario changes planned
 * for the team stay. One audited transaction. */
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
 * its other members, type and flags. roster is the one on screen: the team's fields and that
 * competência must still be as it shows them. Returns what was there. */
CoordenaMemberRemoval *coordena_roster_edit_remove_member (CoordenaStore        *store,
                                                           const CoordenaRoster *roster,
                                                           const char           *ine,
                                                           CoordenaCompetencia   competencia,
                                                           const char           *cns,
                                                           GError              **error);

/* Puts the competência's membership back as it was before the removal, audited; refused when
 * the competência is no longer as the removal left it. */
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
