/* SPDX-License-Identifier: GPL-3.0-or-later */
/* notification.h — from the forecast to the municipalities: one numbered letter (padrão ofício)
 * per municipality listing its teams suspended now or with a next step within the horizon,
 * stored in the database exactly as generated, and the follow-up of each notified team after
 * every newer competência (regularizada, persiste, suspensa). */
#pragma once

#include <gio/gio.h>

#include <coordena/oficio.h>
#include <coordena/store.h>
#include <coordena/summary.h>

G_BEGIN_DECLS

/* One team as the letter describes it. */
typedef struct {
  char *ine;
  char *name;                         /* may be NULL */
  char *cnes;
  CoordenaTeamType type;
  CoordenaCategorySet absent;         /* minimum categories missing in the latest competência */
  CoordenaCompetencia absent_since[COORDENA_N_CATEGORIES]; /* first competência of the current gap, 0 none */
  int percent;                        /* suspension now */
  char *clause;                       /* the clause that gave it, in words ("falta de enfermeiro, 2 competências seguidas"), or NULL */
  char *basis;                        /* its legal basis, or NULL */
  char *act;                          /* the act of the rule set in force, or NULL */
  CoordenaCompetencia next_step;      /* 0 none */
  int next_percent;
  char *next_clause;                  /* the clause of the next step, in words, or NULL */
  char *next_basis;                   /* legal basis of the next step, or NULL */
  CoordenaCompetencia fix_by;         /* "corrigir até", 0 none */
  gint64 loss_month;                  /* centavos; −1 unknown */
  gint64 loss_horizon;                /* centavos over the horizon; −1 unknown */
  CoordenaCompetencia revocation;     /* 0 none */
  gboolean uncertain;                 /* a figure rests on a secondary or unverified value */
  CoordenaStatus status;
  gboolean missing;                   /* no registration in the latest competência (sem registro) */
  CoordenaCompetencia last_seen;      /* the team's last competência in the SCNES */
  char *provimento_basis;             /* the provimento rule limited the percent now: its act, else NULL */
  char *next_provimento_basis;        /* the same for the next step */
} CoordenaNotifyTeam;

/* A municipality with the teams its letter lists, and their totals. */
typedef struct {
  char ibge7[8];
  char *nome;
  GPtrArray *teams;                   /* CoordenaNotifyTeam*, by INE */
  guint n_suspended;
  guint n_at_risk;
  gint64 loss_month;                  /* known amounts only */
  gint64 loss_horizon;
  char *secretario;                   /* the Secretário(a) Municipal de Saúde, NULL when not known */
  char secretario_genero;             /* 'F' or 'M' with secretario, else 0 */
} CoordenaNotifyMunicipio;

void coordena_notify_municipio_free (CoordenaNotifyMunicipio *m);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaNotifyMunicipio, coordena_notify_municipio_free)

/* The forecast's teams of the state's municipality ibge7 (NULL: every municipality of the state
 * whose two first digits are uf_code) that are suspended now or have a next step within the
 * horizon, grouped by municipality (by name). The one place that reads the forecast. */
GPtrArray *coordena_notification_collect (const CoordenaSummary *summary, guint uf_code, const char *ibge7);

/* What to generate. */
typedef struct {
  const char *signer;                 /* "coordenador" or "secretario" */
  GDate date;                         /* today or up to 30 days later */
  guint horizon;                      /* competências; 0 means 12 */
  const char *const *municipios;      /* IBGE codes (6 or 7 digits), NULL: every one with teams */
} CoordenaNotifyRequest;

/* The plan a request gives on the store's roster: the municipalities and their teams. */
GPtrArray *coordena_notification_plan (CoordenaStore *store, const CoordenaNotifyRequest *request,
                                       CoordenaSummary **summary_out, GError **error);

/* Every rule before a number is taken: signer, date, profile fields (named in words), text the
 * font cannot hold. COORDENA_ERROR_INPUT on refusal. */
gboolean coordena_notification_check (CoordenaStore *store, const CoordenaNotifyRequest *request, GError **error);

/* The letter of one municipality, with a number (0 prints "Nº (a numerar)" for a preview). */
GBytes *coordena_notification_render (CoordenaStore *store, const CoordenaNotifyRequest *request,
                                      const CoordenaNotifyMunicipio *municipio, CoordenaCompetencia current,
                                      guint horizon, guint number, guint *n_pages, GError **error);

typedef struct {
  gint64 id;
  guint number;
  guint year;
  char *ibge7;
  char *municipio;
  char *identification;
  char *date;
  char *signer;
  CoordenaCompetencia competencia;    /* the roster's latest competência the letter describes */
  char *sha256;
  guint pages;
  gsize size;
  char *created_at;                   /* UTC */
  char *file;                         /* where generate or export wrote it, NULL otherwise */
  guint n_teams;
  guint n_regularized;
  guint n_persisting;
  guint n_suspended;
  guint n_waiting;
} CoordenaNotificationRecord;

void coordena_notification_record_free (CoordenaNotificationRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaNotificationRecord, coordena_notification_record_free)

/* Called after each municipality's letter is made (from the calling thread). */
typedef void (*CoordenaNotifyProgress) (guint done, guint total, const char *municipio, gpointer user_data);

/* Checks, numbers, renders, stores and writes one PDF per municipality into directory (file
 * names start with the 7-digit IBGE code) and, when combined is given, one PDF with them all;
 * every file 0600 through a temporary file. All or nothing: a refusal, a failure or a
 * cancellation leaves no number taken, no row and no new file, and a file already at a target
 * path is refused before anything is written. Returns CoordenaNotificationRecord*. */
GPtrArray *coordena_notification_generate (CoordenaStore               *store,
                                           const CoordenaNotifyRequest *request,
                                           const char                  *directory,
                                           const char                  *combined,
                                           CoordenaNotifyProgress       progress,
                                           gpointer                     user_data,
                                           GCancellable                *cancellable,
                                           GError                     **error);

/* Follow-up status of a notified team. */
typedef enum {
  COORDENA_NOTIFY_WAITING = 0,        /* no newer competência imported yet */
  COORDENA_NOTIFY_REGULARIZED,        /* no longer missing a category */
  COORDENA_NOTIFY_PERSISTS,           /* still missing, no higher step yet */
  COORDENA_NOTIFY_SUSPENDED,          /* the step happened */
} CoordenaNotifyStatus;

const char *coordena_notify_status_to_string (CoordenaNotifyStatus status); /* "aguardando", … */
const char *coordena_notify_status_label (CoordenaNotifyStatus status);     /* translated */

/* "1 fixed, 2 pending, 1 suspended" in the user's language, each count with its own plural
 * form; persisting and waiting are added when with_detail (then pending is left out: it is
 * their sum). */
char *coordena_notify_counts_text (guint fixed, guint pending, guint suspended, gboolean with_detail, guint persisting,
                                   guint waiting);

/* Re-reads every notified team against the roster's newest competência (summary) and records
 * its status when it changed: one transaction, audited. *n_changed may be NULL. */
gboolean coordena_notification_follow_up (CoordenaStore *store, const CoordenaSummary *summary, guint *n_changed,
                                          GError **error);

/* Every notification, oldest first (pending_only: those with a team not regularized). */
GPtrArray *coordena_notification_list (CoordenaStore *store, gboolean pending_only, GError **error);

typedef struct {
  char *ine;
  char *name;
  CoordenaCompetencia fix_by;
  CoordenaNotifyStatus status;
  CoordenaCompetencia checked;        /* competência of the last check, 0 none */
  char *identification;               /* of the letter */
  char *date;
  gint64 loss_horizon;                /* forecast when notified; −1 unknown */
} CoordenaNotifiedTeam;

void coordena_notified_team_free (CoordenaNotifiedTeam *team);

/* The notified teams of one municipality (or every one when ibge7 is NULL), newest letter first. */
GPtrArray *coordena_notification_list_teams (CoordenaStore *store, const char *ibge7, GError **error);

/* The Painel's figures. */
typedef struct {
  guint notified;                     /* teams notified (latest letter per team) */
  guint regularized;
  guint pending;                      /* waiting or persisting */
  guint suspended;
  gint64 kept;                        /* centavos: forecast loss of regularized teams that no longer happens */
  guint overdue;                      /* teams not fixed at their "corrigir até": that SCNES is in, or the month is over */
} CoordenaNotifyCounts;

gboolean coordena_notification_counts (CoordenaStore *store, const GDate *today, CoordenaNotifyCounts *counts,
                                       GPtrArray **overdue, GError **error);

/* Writes the stored PDF of "NUMERO/ANO" to output exactly as generated (0600, atomically). */
CoordenaNotificationRecord *coordena_notification_export (CoordenaStore *store, const char *numero_ano,
                                                          const char *output, GError **error);

G_END_DECLS
