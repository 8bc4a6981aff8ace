/* SPDX-License-Identifier: GPL-3.0-or-later */
/* roster.h — the in-memory roster the rules read: teams × competências × members.
 *
 * Build it with a CoordenaRosterBuilder (rows in any order, from a CSV or the database), then
 * finish it into compact read-only arrays: teams sorted by INE, each with a contiguous slice of
 * months sorted by competência, each month with a contiguous slice of members. The structs below
 * are public so the engine and the interfaces iterate without calls; treat them as read-only. */
#pragma once

#include <glib.h>

#include <coordena/competencia.h>

G_BEGIN_DECLS

/* The team types the composition rules know; anything else is stored but not evaluated. */
typedef enum {
  COORDENA_TEAM_TYPE_OTHER = 0, /* eSB, eMulti, eCR, eAPP…: "não avaliada" */
  COORDENA_TEAM_TYPE_ESF,       /* CNES type 70 */
  COORDENA_TEAM_TYPE_EAP20,     /* CNES type 76, modalidade I (20 h) */
  COORDENA_TEAM_TYPE_EAP30,     /* CNES type 76, modalidade II (30 h) */
} CoordenaTeamType;

/* The four categories of DOMAIN.md §2; CATEGORY_NONE for a CBO the rules ignore. */
typedef enum {
  COORDENA_CATEGORY_NONE = -1,
  COORDENA_CATEGORY_MED = 0,
  COORDENA_CATEGORY_ENF,
  COORDENA_CATEGORY_TEC,
  COORDENA_CATEGORY_ACS,
  COORDENA_N_CATEGORIES,
} CoordenaCategory;

/* A set of categories as bits: 1 << COORDENA_CATEGORY_MED | … */
typedef guint8 CoordenaCategorySet;

#define COORDENA_CATEGORY_BIT(c) ((CoordenaCategorySet) (1u << (c)))
#define COORDENA_CATEGORIES_ALL ((CoordenaCategorySet) 0x0F)

/* Flags of a team in one competência. */
typedef enum {
  COORDENA_TEAM_FLAG_PROVIMENTO = 1 << 0,   /* vaga de provimento sem reposição */
  COORDENA_TEAM_FLAG_SEM_PRODUCAO = 1 << 1, /* no production sent to SISAB */
} CoordenaTeamFlags;

/* A base value that is not known (the rule set's default then applies, if any). */
#define COORDENA_BASE_UNKNOWN ((gint64) -1)

typedef struct {
  guint32 professional;  /* index into the roster's professionals */
  guint16 hours;         /* weekly hours in this team, 0–168 */
  guint16 total_hours;   /* weekly hours of this CNS over every team of the competência */
  gint8 category;        /* CoordenaCategory */
  char cbo[7];           /* 6 characters, NUL-terminated */
} CoordenaRosterMember;

typedef struct {
  CoordenaCompetencia competencia;
  guint8 type;           /* CoordenaTeamType */
  guint8 flags;          /* CoordenaTeamFlags */
  gint64 base_centavos;  /* the team's monthly base, or COORDENA_BASE_UNKNOWN */
  guint32 first_member;  /* index into the roster's members */
  guint32 n_members;
} CoordenaRosterMonth;

typedef struct {
  char ine[11];
  char cnes[8];
  char ibge[8];          /* 7 digits */
  char *name;            /* may be NULL */
  guint8 ied_stratum;    /* 1–4 from the municipality, 0 unknown */
  guint32 first_month;   /* index into the roster's months */
  guint32 n_months;
} CoordenaRosterTeam;

typedef struct {
  char cns[16];
  char *name;            /* may be NULL */
} CoordenaRosterProfessional;

typedef struct _CoordenaRoster CoordenaRoster;
typedef struct _CoordenaRosterBuilder CoordenaRosterBuilder;

/* ---- Building ---------------------------------------------------------------------------- */

/* An empty builder. */
CoordenaRosterBuilder *coordena_roster_builder_new (void);

/* Makes room for about n_members member rows, so a large file does not grow the arrays step by
 * step (room not used costs address space, not memory). */
void coordena_roster_builder_reserve (CoordenaRosterBuilder *builder, guint n_members);

/* Frees a builder that was not finished. */
void coordena_roster_builder_free (CoordenaRosterBuilder *builder);

/* The index of the team with this INE, adding it on first sight; later non-NULL fields fill
 * what was missing. ibge may hold 7 digits (or NULL). */
guint coordena_roster_builder_add_team (CoordenaRosterBuilder *builder,
                                        const char            *ine,
                                        const char            *cnes,
                                        const char            *ibge7,
                                        const char            *name);

/* The index of the professional with this CNS, adding it on first sight. */
guint coordena_roster_builder_add_professional (CoordenaRosterBuilder *builder,
                                                const char            *cns,
                                                const char            *name);

/* Gives a professional already added its name when it has none yet (the first name given wins,
 * as with coordena_roster_builder_add_professional): a reader that knows the index saves the
 * lookup by CNS. */
void coordena_roster_builder_name_professional (CoordenaRosterBuilder *builder,
                                                guint                  professional,
                                                const char            *name);

/* Declares that a team exists in a competência with a type; repeated calls merge (flags are
 * OR-ed, a known base replaces an unknown one). Two different types are refused at finish. */
void coordena_roster_builder_add_team_month (CoordenaRosterBuilder *builder,
                                             guint                  team,
                                             CoordenaCompetencia    competencia,
                                             CoordenaTeamType       type,
                                             guint                  flags,
                                             gint64                 base_centavos);

/* Adds a member to a team in a competência. A member of an undeclared team-month declares it
 * as a team not evaluated (COORDENA_TEAM_TYPE_OTHER). */
void coordena_roster_builder_add_member (CoordenaRosterBuilder *builder,
                                         guint                  team,
                                         CoordenaCompetencia    competencia,
                                         guint                  professional,
                                         const char            *cbo,
                                         CoordenaCategory       category,
                                         guint                  hours);

/* Records a municipality's IED stratum (1–4). A second, different value is refused at finish. */
void coordena_roster_builder_set_ied_stratum (CoordenaRosterBuilder *builder,
                                              const char            *ibge7,
                                              guint                  stratum);

/* Sorts and packs everything into a roster and frees the builder (also on error). */
CoordenaRoster *coordena_roster_builder_finish (CoordenaRosterBuilder *builder, GError **error);

/* ---- Reading ----------------------------------------------------------------------------- */

/* A new reference to the roster (it is immutable: share it between threads freely). */
CoordenaRoster *coordena_roster_ref (CoordenaRoster *roster);

/* Drops a reference; the last one frees the roster. */
void coordena_roster_unref (CoordenaRoster *roster);

/* Number of teams. */
guint coordena_roster_get_n_teams (const CoordenaRoster *roster);

/* Every team, sorted by INE. */
const CoordenaRosterTeam *coordena_roster_get_teams (const CoordenaRoster *roster);

/* Every team-month: each team's slice, team after team. */
const CoordenaRosterMonth *coordena_roster_get_months (const CoordenaRoster *roster, guint *n_months);

/* Every member: each team-month's slice, in the order of the months. */
const CoordenaRosterMember *coordena_roster_get_members (const CoordenaRoster *roster, guint *n_members);

/* Number of distinct professionals (CNS). */
guint coordena_roster_get_n_professionals (const CoordenaRoster *roster);

/* Every professional, in the order first seen. */
const CoordenaRosterProfessional *coordena_roster_get_professionals (const CoordenaRoster *roster);

/* The team at index i (0 ≤ i < n_teams). */
const CoordenaRosterTeam *coordena_roster_get_team (const CoordenaRoster *roster, guint i);

/* The team with this INE, or NULL. */
const CoordenaRosterTeam *coordena_roster_find_team (const CoordenaRoster *roster, const char *ine);

/* A team's months, sorted by competência; *n_months receives their number. */
const CoordenaRosterMonth *coordena_roster_team_months (const CoordenaRoster       *roster,
                                                       const CoordenaRosterTeam   *team,
                                                       guint                      *n_months);

/* A team-month's members; *n_members receives their number. */
const CoordenaRosterMember *coordena_roster_month_members (const CoordenaRoster      *roster,
                                                          const CoordenaRosterMonth *month,
                                                          guint                     *n_members);

/* The professional of a member. */
const CoordenaRosterProfessional *coordena_roster_member_professional (const CoordenaRoster       *roster,
                                                                      const CoordenaRosterMember *member);

/* First competência in the roster (0 when empty). */
CoordenaCompetencia coordena_roster_get_first_competencia (const CoordenaRoster *roster);

/* Last competência in the roster (0 when empty). */
CoordenaCompetencia coordena_roster_get_last_competencia (const CoordenaRoster *roster);

/* A municipality's IED stratum, 0 when unknown. */
guint coordena_roster_get_ied_stratum (const CoordenaRoster *roster, const char *ibge7);

/* ---- Composition (DOMAIN.md §3) ------------------------------------------------------------ */

/* The minimum categories of a team type: eSF all four, eAP MED+ENF, other none. */
CoordenaCategorySet coordena_team_type_required (CoordenaTeamType type);

/* The thresholds of DOMAIN.md §3, parameters of each rule set: a member counts only when its CNS
 * totals at most max_total_hours over the competência, and a category is present when one of
 * its members has at least the team type's weekly hours in the team (eSF 40, eAP 20 h 20,
 * eAP 30 h 30): individual hours, never a sum of several members. */
typedef struct {
  guint max_total_hours;
  guint esf_min_hours;
  guint eap20_min_hours;
  guint eap30_min_hours;
} CoordenaPresenceRule;

/* The maximum weekly hours every shipped rule set uses (DOMAIN.md §3, [S]). */
#define COORDENA_DEFAULT_MAX_TOTAL_HOURS 60
#define COORDENA_PRESENCE_RULE_INIT { COORDENA_DEFAULT_MAX_TOTAL_HOURS, 40, 20, 30 }
/* A max_total_hours that no total reaches: presence without the workload ceiling. */
#define COORDENA_PRESENCE_NO_CEILING G_MAXUINT16

/* The absent categories of one team-month under a presence rule. */
CoordenaCategorySet coordena_roster_month_absent_rule (const CoordenaRoster       *roster,
                                                      const CoordenaRosterMonth  *month,
                                                      const CoordenaPresenceRule *rule);

/* The same with the default thresholds (40 / 20 / 30 h) and this ceiling. */
CoordenaCategorySet coordena_roster_month_absent (const CoordenaRoster      *roster,
                                                 const CoordenaRosterMonth *month,
                                                 guint                      max_total_hours);

/* The absent categories of every team-month at once, parallel to coordena_roster_get_months().
 * Computed on first use for each rule and kept with the roster (the default rule is computed
 * when the roster is finished); safe to call from several threads. */
const CoordenaCategorySet *coordena_roster_absent_masks_rule (CoordenaRoster *roster, const CoordenaPresenceRule *rule);

/* The same with the default thresholds and this ceiling. */
const CoordenaCategorySet *coordena_roster_absent_masks (CoordenaRoster *roster, guint max_total_hours);

/* "eSF", "eAP20", "eAP30" or "outra". */
const char *coordena_team_type_to_string (CoordenaTeamType type);

/* "Médico", "Enfermeiro", "Técnico ou auxiliar de enfermagem", "Agente comunitário de saúde". */
const char *coordena_category_name (CoordenaCategory category);

/* "MED", "ENF", "TEC", "ACS"; NULL for anything else. */
const char *coordena_category_to_string (CoordenaCategory category);

/* Parses "MED", "ENF", "TEC" or "ACS" (case-insensitive); COORDENA_CATEGORY_NONE otherwise. */
CoordenaCategory coordena_category_from_string (const char *text);

/* "MED+ENF": the categories of a set in the order MED, ENF, TEC, ACS; "" for the empty set. */
char *coordena_category_set_to_string (CoordenaCategorySet set);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaRoster, coordena_roster_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaRosterBuilder, coordena_roster_builder_free)

G_END_DECLS
