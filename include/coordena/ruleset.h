/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ruleset.h — rule sets and the CBO → category map: data files, validated into structs.
 *
 * Shipped files live in coordena_datadir()/rules/ (one NAME.ruleset GKeyFile per act and
 * cbo-categorias.csv); a file with the same name in $XDG_DATA_HOME/coordena/rules/ replaces the
 * shipped one, which is how a user follows a new act before an update. See docs/regras.md. */
#pragma once

#include <glib.h>

#include <coordena/competencia.h>
#include <coordena/roster.h>

G_BEGIN_DECLS

/* How sure the figure is (DOMAIN.md): read in the act, from a secondary source, or unverified. */
typedef enum {
  COORDENA_CONFIDENCE_A,
  COORDENA_CONFIDENCE_S,
  COORDENA_CONFIDENCE_U,
} CoordenaConfidence;

/* The money base the suspension cuts. */
typedef enum {
  COORDENA_BASE_CAPITACAO,   /* capitação ponderada, 2020 – 04/2024 */
  COORDENA_BASE_FIXO,        /* componente fixo, 2024+ */
  COORDENA_BASE_EQUIDADE,    /* componente de equidade (renamed componente fixo) */
} CoordenaBaseKind;

/* How a provimento vacancy limits the suspension. */
typedef enum {
  COORDENA_PROVIMENTO_GARANTIA_MINIMA, /* the suspension is capped at 100 − p */
  COORDENA_PROVIMENTO_ADICIONAL,       /* p points of transfer are added back */
} CoordenaProvimentoMode;

/* The team families clauses are written for. */
typedef enum {
  COORDENA_FAMILY_ESF,
  COORDENA_FAMILY_EAP,  /* eAP 20 h and 30 h */
} CoordenaFamily;

/* A team-level event a clause may count instead of absent categories. */
typedef enum {
  COORDENA_EVENT_NONE = 0,
  COORDENA_EVENT_SEM_PRODUCAO,    /* no production sent to SISAB (COORDENA_TEAM_FLAG_SEM_PRODUCAO) */
} CoordenaClauseEvent;

typedef struct {
  char *id;                       /* unique within the set, e.g. "esf-med" */
  CoordenaFamily family;
  CoordenaCategorySet absent_all; /* every one of these is absent… */
  guint min_absent;               /* …and at least this many categories are absent */
  guint percent;                  /* 0–100 */
  guint consecutive;              /* competências in a row, ≥ 1 (1 = imediata) */
  char *basis;                    /* legal basis, as the user reads it */
  CoordenaConfidence confidence;
  guint line;                     /* line of the clause in its file */
  guint8 event;                   /* CoordenaClauseEvent: when set, the condition is the event
                                   * and absent_all / min_absent are empty */
} CoordenaClause;

#define COORDENA_N_STRATA 4

typedef struct {
  char *id;
  char *title;
  char *act;                      /* full citation */
  char *path;                     /* the file it came from */
  gboolean user_file;             /* TRUE when it replaces or adds to the shipped sets */
  CoordenaCompetencia valid_from;
  CoordenaCompetencia valid_to;   /* 0: open-ended */
  CoordenaBaseKind base;
  guint max_total_hours;
  CoordenaConfidence max_total_hours_confidence;
  guint provimento_repasse;       /* p, 0–100; 0 disables the cap */
  CoordenaProvimentoMode provimento_mode;
  CoordenaConfidence provimento_confidence;
  guint revoke_after;             /* competências in a row at 100 % that revoke the INE; 0 never */
  CoordenaConfidence revoke_confidence;
  /* Where each parameter comes from (act and item), as the user reads it; NULL when the file
   * cites none (a user's own file may omit it; every shipped file gives it). */
  char *max_total_hours_basis;
  char *provimento_basis;
  char *revoke_basis;
  char *base_basis;
  /* Presence thresholds of DOMAIN.md §3: one member with these weekly hours in the team. */
  guint esf_min_hours;
  CoordenaConfidence esf_min_hours_confidence;
  char *esf_min_hours_basis;
  guint eap20_min_hours;
  guint eap30_min_hours;
  CoordenaConfidence eap_min_hours_confidence;
  char *eap_min_hours_basis;
  /* A team of the roster with no registration in a competência (it stopped appearing): the
   * percent the set applies (0 when the set says nothing), as a clause "sem-registro" so every
   * figure resting on it names its act and confidence like any other. */
  guint sem_registro_percent;
  CoordenaClause sem_registro;
  /* Default monthly base per team type, in centavos: [type][0] flat, [type][1..4] per IED
   * stratum; COORDENA_BASE_UNKNOWN where the set gives none. */
  gint64 base_values[4][COORDENA_N_STRATA + 1];
  CoordenaConfidence base_confidence;
  CoordenaClause *clauses;        /* highest percent first; among equals the most categories,
                                   * then the highest min_absent, then file order */
  guint n_clauses;
  char **open_questions;          /* NULL-terminated; shown as "a confirmar" */
} CoordenaRuleSet;

/* Loads and validates one rule-set file; errors name the file, the line and the key. */
CoordenaRuleSet *coordena_rule_set_load_file (const char *path, GError **error);

/* Frees a rule set loaded by coordena_rule_set_load_file(). */
void coordena_rule_set_free (CoordenaRuleSet *set);

/* TRUE when the set's validity contains c. */
gboolean coordena_rule_set_covers (const CoordenaRuleSet *set, CoordenaCompetencia c);

/* The set's default base for a team type and IED stratum (0 unknown), or COORDENA_BASE_UNKNOWN. */
gint64 coordena_rule_set_default_base (const CoordenaRuleSet *set, CoordenaTeamType type, guint stratum);

/* "capitação ponderada", "componente fixo", "componente de equidade". */
const char *coordena_base_kind_to_string (CoordenaBaseKind kind);

/* "A", "S", "U". */
const char *coordena_confidence_to_string (CoordenaConfidence confidence);

/* One line for the user: what [A], [S] and [U] mean. */
const char *coordena_confidence_legend (void);

/* The presence thresholds of a set (NULL: the defaults). */
void coordena_rule_set_presence_rule (const CoordenaRuleSet *set, CoordenaPresenceRule *rule);

/* "eSF", "eAP". */
const char *coordena_family_to_string (CoordenaFamily family);

/* ---- The catalogue: every rule set in use ------------------------------------------------------ */

typedef struct _CoordenaRuleCatalog CoordenaRuleCatalog;

/* The shipped sets with the user's replacements; overlapping validities are refused. */
CoordenaRuleCatalog *coordena_rule_catalog_load (GError **error);

/* With fallback on (the window), a user rule file that does not load leaves the shipped sets
 * in use instead of failing every load; the problem is kept, thread-safe, until a load succeeds
 * whole. NULL when the user's files loaded (or there are none). */
void coordena_rule_catalog_set_fallback (gboolean enabled);
char *coordena_rule_catalog_dup_user_problem (void);

/* The same from explicit directories (user_dir may be NULL or missing). */
CoordenaRuleCatalog *coordena_rule_catalog_load_dirs (const char *shipped_dir, const char *user_dir, GError **error);

/* Frees the catalogue and its sets. */
void coordena_rule_catalog_free (CoordenaRuleCatalog *catalog);

/* Number of sets. */
guint coordena_rule_catalog_get_n_sets (const CoordenaRuleCatalog *catalog);

/* The i-th set, sorted by valid_from. */
const CoordenaRuleSet *coordena_rule_catalog_get_set (const CoordenaRuleCatalog *catalog, guint i);

/* The set with this id, or NULL. */
const CoordenaRuleSet *coordena_rule_catalog_find (const CoordenaRuleCatalog *catalog, const char *id);

/* The set in force in competência c, or NULL when none covers it. */
const CoordenaRuleSet *coordena_rule_catalog_in_force (const CoordenaRuleCatalog *catalog, CoordenaCompetencia c);

/* ---- CBO → category ---------------------------------------------------------------------------- */

typedef struct _CoordenaCboMap CoordenaCboMap;

/* The map from the user's cbo-categorias.csv if present, else the shipped one. */
CoordenaCboMap *coordena_cbo_map_load (GError **error);

/* The map from a file: columns cbo;categoria (MED, ENF, TEC, ACS), optional titulo and confianca. */
CoordenaCboMap *coordena_cbo_map_load_file (const char *path, GError **error);

/* Frees a CBO map. */
void coordena_cbo_map_free (CoordenaCboMap *map);

/* The category of a 6-character CBO (blanks trimmed), COORDENA_CATEGORY_NONE when the rules ignore it. */
CoordenaCategory coordena_cbo_map_lookup (const CoordenaCboMap *map, const char *cbo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaRuleSet, coordena_rule_set_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaRuleCatalog, coordena_rule_catalog_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaCboMap, coordena_cbo_map_free)

G_END_DECLS
