/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-internal.h — what the core's other modules may ask of the store beyond store.h: the
 * transaction of a user action and small typed reads and writes. No SQL and no sqlite3.h here:
 * the statements live in src/core/store-*.c (see store-private.h). */
#pragma once

#include <coordena/adhesion.h>
#include <coordena/json.h>
#include <coordena/notification.h>
#include <coordena/numbering.h>
#include <coordena/purge.h>
#include <coordena/store.h>

G_BEGIN_DECLS

/* One transaction per user action: BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any failure.
 * Transactions do not nest; rollback is safe to call when none is open. */
gboolean coordena_store_begin (CoordenaStore *store, GError **error);
gboolean coordena_store_commit (CoordenaStore *store, GError **error);
void coordena_store_rollback (CoordenaStore *store);
gboolean coordena_store_in_transaction (CoordenaStore *store);

/* Inside an import's transaction: on a server, waits a while for another import into the state to
 * end, then refuses naming who runs it ("outra importação em andamento, por …"); the lock goes with
 * the transaction. On a file, BEGIN IMMEDIATE already lets one writer in at a time. */
gboolean coordena_store_lock_import (CoordenaStore *store, GError **error);

/* TRUE when the store is a database server (PostgreSQL) shared with others, not a file. */
gboolean coordena_store_is_server (CoordenaStore *store);

/* The other programs that have the database file open ("sqlite3 (processo 4242)"), or NULL. */
char *coordena_store_programs_holding (const char *path);

/* ---- Issued numbers (store-numbering.c) ------------------------------------------------------ */

/* The numbers the database recorded as issued in a sequence and year (CoordenaIssuedNumber*, without
 * sha256 and recorded_at), lowest first. */
GPtrArray *coordena_store_numbering_list (CoordenaStore *store, const char *sequence, guint year, GError **error);
gboolean coordena_store_numbering_find (CoordenaStore *store, const char *sequence, guint year, guint number,
                                        char **document, char **date, gboolean *found, GError **error);
/* The highest number the counter gave in the sequence and year (0 when none). */
gboolean coordena_store_numbering_last_counted (CoordenaStore *store, const char *sequence, guint year, guint *last,
                                                GError **error);
/* Records an issued number; a counted one also moves the counter up to it. */
gboolean coordena_store_numbering_record (CoordenaStore *store, const CoordenaIssuedNumber *issued, GError **error);
/* Sets the counter's last number of the sequence and year. */
gboolean coordena_store_numbering_set_counter (CoordenaStore *store, const char *sequence, guint year, guint last,
                                               GError **error);

/* ---- Edits by hand (store-roster-edit.c) --------------------------------------------------- */

/* Deletes a team with its competências and memberships; the professionals stay. */
gboolean coordena_store_delete_team (CoordenaStore *store, const char *ine, GError **error);
/* Marks a team's competência as without SISAB production (the user's flag, not the import's). */
gboolean coordena_store_delete_team_months (CoordenaStore *store, const char *ine, GError **error);
gboolean coordena_store_set_team_name (CoordenaStore *store, const char *ine, const char *name, GError **error);
gboolean coordena_store_set_professional_name (CoordenaStore *store, const char *cns, const char *name, GError **error);
gboolean coordena_store_mark_sem_producao (CoordenaStore *store, gint64 team_id, CoordenaCompetencia competencia,
                                           GError **error);
/* Inside an edit's transaction: the team with this INE as the database holds it now, as a roster
 * of that one team (without teams when the state has none with the INE), read after making this
 * edit the only writer of the team until the transaction ends. */
CoordenaRoster *coordena_store_lock_team (CoordenaStore *store, const char *ine, GError **error);
/* The audit log's latest entry that may have changed the team (its edits, an import): when (UTC,
 * AAAA-MM-DDTHH:MM:SSZ), who and what; all NULL when there is none. */
gboolean coordena_store_last_team_change (CoordenaStore *store, const char *ine, char **when, char **who, char **action,
                                          GError **error);

/* ---- Demonstration data (store-demo.c) --------------------------------------------------- */

/* Whether the roster holds any team that is not demonstration data. */
gboolean coordena_store_has_real_teams (CoordenaStore *store, gboolean *has_real, GError **error);
/* Gives a municipality a stratum (1–4) unless it already has one: a real stratum is never replaced. */
gboolean coordena_store_set_stratum_if_unknown (CoordenaStore *store, const char *ibge7, guint stratum, GError **error);

/* ---- Removing personal data (store-purge.c) ---------------------------------------------- */

typedef enum {
  COORDENA_STORE_CHECKPOINT_DONE,    /* the WAL is in the file and empty */
  COORDENA_STORE_CHECKPOINT_BUSY,    /* another program reads the database */
  COORDENA_STORE_CHECKPOINT_FAILED,  /* error is set */
} CoordenaStoreCheckpoint;

/* Deleted values are overwritten with zeros from now on, not merely unlinked. */
gboolean coordena_store_purge_secure_delete (CoordenaStore *store, GError **error);
/* Moves every page of the WAL into the file and empties it; rewrite compacts the file first,
 * otherwise a page is written first so that a reader stops an empty checkpoint too. */
CoordenaStoreCheckpoint coordena_store_checkpoint_truncate (CoordenaStore *store, gboolean rewrite, GError **error);
/* Adds to the set every CNS and name of a person the database holds (professionals, scenarios,
 * municipal contacts). */
gboolean coordena_store_purge_collect_people (CoordenaStore *store, GHashTable *people, GError **error);
/* Rewrites each audit entry whose JSON redact changes (redact returns NULL for "unchanged"). */
gboolean coordena_store_purge_redact_audit (CoordenaStore *store, char *(*redact) (const char *json, gpointer data),
                                            gpointer data, guint *n_changed, GError **error);
/* Removes the stored PDF of each notification addressed to a named municipal secretary (its
 * number, date, SHA-256 and teams stay) and redacts its inputs; counts them in n_changed. */
gboolean coordena_store_purge_letters (CoordenaStore *store, char *(*redact) (const char *json, gpointer data),
                                       gpointer data, guint *n_changed, GError **error);
/* Replaces every CNS by its pseudonym, drops names and municipal contacts; counts in report. */
gboolean coordena_store_purge_pseudonymise (CoordenaStore *store, CoordenaPurgeReport *report, GError **error);
/* The copies `backup FILE` wrote and the ones restored from, from the audit log. */
GPtrArray *coordena_store_purge_recorded_backups (CoordenaStore *store, GError **error);

/* ---- Adhesion (store-adhesion.c) ---------------------------------------------------------- */

/* Records a step of the adhesion (day AAAA-MM-DD, recorded_at UTC) and its new state. */
gboolean coordena_store_adhesion_record_step (CoordenaStore *store, const char *offer_id, CoordenaAdhesionState from,
                                              CoordenaAdhesionState to, const char *day, const char *recorded_at,
                                              const char *note, const char *protocolo, gint64 oficio_id,
                                              GError **error);
/* Marks the offer's ofícios as discarded: kept as evidence, their numbers never given again. */
gboolean coordena_store_adhesion_discard_oficios (CoordenaStore *store, const char *offer_id, GError **error);

/* The latest competência the roster holds on or before upto (0 when none). */
gboolean coordena_store_latest_competencia_upto (CoordenaStore *store, CoordenaCompetencia upto,
                                                 CoordenaCompetencia *comp, GError **error);

typedef struct {
  char *municipio, *ibge7, *cnes, *ine;
  char *tipo;        /* as stored: eSF, eAP20, eAP30, outra */
  char *tp_equipe;   /* the CNES type code, NULL when not from CNES */
  char *name;
} CoordenaStoreAnnexTeam;

void coordena_store_annex_team_free (CoordenaStoreAnnexTeam *team);
/* The teams of a competência still active on day (AAAA-MM-DD), with their municipality's name. */
GPtrArray *coordena_store_annex_teams (CoordenaStore *store, CoordenaCompetencia comp, const char *day, GError **error);

/* Stores an ofício (generated, or registered when record->registered) with its file; its row id,
 * 0 with error set. */
gint64 coordena_store_oficio_insert (CoordenaStore *store, const CoordenaOficioRecord *record, const char *inputs,
                                     const void *pdf, gsize pdf_size, GError **error);
/* The ofício number/year and its file; NULL with G_IO_ERROR_NOT_FOUND when there is none. */
CoordenaOficioRecord *coordena_store_oficio_get (CoordenaStore *store, guint number, guint year, GBytes **pdf,
                                                 GError **error);

/* Sets the store's "run init" error; a state without a code is refused too. */
void coordena_store_require_uf_code (CoordenaStore *store, GError **error);
/* Inserts or updates a municipality's follow-up; NULL values keep what was there. */
gboolean coordena_store_municipio_adesao_put (CoordenaStore *store, const char *offer_id, const char *ibge7,
                                              const char *status, const char *day, const char *responsavel,
                                              const char *acesso_titular, const char *used, const char *note,
                                              GError **error);

/* ---- Notifications (store-notification.c) ------------------------------------------------ */

/* "aguardando", "regularizada"… as stored → the status (waiting when unknown); notification.c. */
CoordenaNotifyStatus coordena_notify_status_parse (const char *text);

/* Stores a letter (record: year, number, identification, date, sha256, pages, created_at) with
 * its file and one row per team; its row id, 0 with error set. */
gint64 coordena_store_notification_insert (CoordenaStore *store, const CoordenaNotificationRecord *record,
                                           const char *ibge7, const char *signer, CoordenaCompetencia current,
                                           guint horizon, gboolean demo, const char *inputs, GBytes *pdf,
                                           GPtrArray *teams /* CoordenaNotifyTeam */, GError **error);

/* One notified team of one letter, as the follow-up reads it. */
typedef struct {
  gint64 id;                       /* the letter */
  char *ine;
  int percent;                     /* when notified */
  gint64 loss_horizon;             /* −1 unknown */
  char *status;                    /* as stored */
  CoordenaCompetencia checked;     /* 0 never */
  gint64 kept;
  CoordenaCompetencia competencia; /* of the letter */
  char *identification;            /* of the letter */
} CoordenaStoreNotifiedRow;

void coordena_store_notified_row_free (CoordenaStoreNotifiedRow *row);
/* Every notified team of every letter. */
GPtrArray *coordena_store_notified_rows (CoordenaStore *store, GError **error);
/* Records a notified team's follow-up. */
gboolean coordena_store_notified_update (CoordenaStore *store, gint64 id, const char *ine, const char *status,
                                         CoordenaCompetencia checked, gint64 kept, GError **error);

/* Every letter, by year and number. */
GPtrArray *coordena_store_notification_records (CoordenaStore *store, GError **error);
/* Each notified team once, by the latest letter that named it (CoordenaNotifiedTeam), with what
 * its regularization kept (centavos) at the same index of kept. */
GPtrArray *coordena_store_latest_notified_teams (CoordenaStore *store, GArray **kept, GError **error);
/* The letter number/year and its file; NULL with G_IO_ERROR_NOT_FOUND when there is none. */
CoordenaNotificationRecord *coordena_store_notification_get (CoordenaStore *store, guint number, guint year,
                                                             GBytes **pdf, GError **error);

/* ---- Export (store-export.c) ------------------------------------------------------------- */

/* One team-month and one of its members, as the roster CSV writes it; valid during the call. */
typedef struct {
  CoordenaCompetencia competencia;
  const char *ibge7, *cnes, *ine;
  const char *tipo;          /* eSF, eAP20, eAP30, outra */
  const char *tp_equipe;     /* the CNES type code or NULL */
  const char *cns;           /* NULL: a team-month without members */
  const char *nome, *cbo;
  int horas;
  gboolean provimento;
  gboolean has_base;
  gint64 valor_base;         /* centavos, when has_base */
  gboolean has_stratum;
  int ied_estrato;           /* when has_stratum */
  gboolean demo;
} CoordenaStoreRosterRow;

/* Returns FALSE to stop. */
typedef gboolean (*CoordenaStoreRosterRowFunc) (const CoordenaStoreRosterRow *row, gpointer data);

/* Every team-month with each member (or once without one), by competência, INE, CNS and CBO. */
gboolean coordena_store_foreach_roster_row (CoordenaStore *store, CoordenaStoreRosterRowFunc func, gpointer data,
                                            GError **error);

G_END_DECLS
