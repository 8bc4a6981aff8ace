/* SPDX-License-Identifier: GPL-3.0-or-later */
/* adhesion.h — the state's adhesion to an offer: the state machine of its record, the ofícios
 * (numbering, stored PDFs, export) and the municipalities' follow-up, kept in the store. */
#pragma once

#include <glib.h>

#include <coordena/offer.h>
#include <coordena/oficio.h>
#include <coordena/store.h>

G_BEGIN_DECLS

typedef enum {
  COORDENA_ADHESION_RASCUNHO,
  COORDENA_ADHESION_OFICIO_GERADO,
  COORDENA_ADHESION_ASSINADO,
  COORDENA_ADHESION_ENVIADO,
  COORDENA_ADHESION_CONFIRMADO,
  COORDENA_ADHESION_INDEFERIDO,
  COORDENA_ADHESION_ADERIDO_EGESTOR,
  COORDENA_ADHESION_N_STATES,
} CoordenaAdhesionState;

/* "rascunho", "oficio_gerado", … as stored and typed. */
const char *coordena_adhesion_state_to_string (CoordenaAdhesionState state);
gboolean coordena_adhesion_state_from_string (const char *text, CoordenaAdhesionState *state, GError **error);

/* A label for people ("Ofício gerado"), translated. */
const char *coordena_adhesion_state_label (CoordenaAdhesionState state);

/* Whether the machine allows from → to (pure; the rules of dates and protocols come on top). */
gboolean coordena_adhesion_can_move (CoordenaAdhesionState from, CoordenaAdhesionState to);

/* The full check of a step: the machine, a protocol for aderido_egestor, the deadline for
 * enviado. Refusals say why, naming the note. */
gboolean coordena_adhesion_check_step (const CoordenaOffer   *offer,
                                       CoordenaAdhesionState  from,
                                       CoordenaAdhesionState  to,
                                       const GDate           *date,
                                       const char            *protocolo,
                                       GError               **error);

typedef struct {
  CoordenaAdhesionState from;
  CoordenaAdhesionState to;
  char *date;        /* AAAA-MM-DD */
  char *recorded_at; /* UTC */
  char *user;
  char *note;
  char *protocolo;
} CoordenaAdhesionStep;

typedef struct {
  char *offer;
  CoordenaAdhesionState state;
  char *date;        /* of the last step, NULL before any */
  char *protocolo;
  GPtrArray *steps;  /* CoordenaAdhesionStep*, oldest first */
} CoordenaAdhesion;

void coordena_adhesion_free (CoordenaAdhesion *adhesion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaAdhesion, coordena_adhesion_free)

/* The record of an offer (rascunho with no steps when none exists yet). */
CoordenaAdhesion *coordena_adhesion_get (CoordenaStore *store, const char *offer_id, GError **error);

/* Moves the record to a new state: checked, dated (not in the future, not before the last step),
 * one transaction, audited. */
gboolean coordena_adhesion_set_state (CoordenaStore        *store,
                                      const CoordenaOffer  *offer,
                                      CoordenaAdhesionState to,
                                      const GDate          *date,
                                      const char           *note,
                                      const char           *protocolo,
                                      GError              **error);

/* ---- Ofícios ------------------------------------------------------------------------------ */

typedef struct {
  gint64 id;
  guint number;
  guint year;
  char *offer;
  char *identification;
  char *date;
  char *signer;
  char *annex;
  char *sha256;
  guint pages;
  gsize size;
  char *created_at;
  gboolean deleted;
  gboolean registered;  /* sent outside Coordena and registered here ("registrado"), not generated */
  char *date_sent;      /* registered: the date it was sent (what the deadline counts) */
  char *channel;        /* registered: how it was sent */
  char *receipt;        /* registered: the protocol receipt, may be NULL */
  char *file_name;      /* registered: the scanned file's name, NULL when none was given */
  char *warning;        /* set when the ofício was stored but its file could not be written */
} CoordenaOficioRecord;

void coordena_oficio_record_free (CoordenaOficioRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaOficioRecord, coordena_oficio_record_free)

/* The request's profile from the store (values, coat of arms, UF). Free values with
 * g_hash_table_unref and coat_of_arms with g_bytes_unref. */
gboolean coordena_adhesion_load_profile (CoordenaStore *store, CoordenaOficioProfile *profile, GError **error);

/* The state's teams by municipality, as an annex: those of the latest competência on or before
 * date (which one is said in the annex's note), eAP with its modalidade (20 h / 30 h). */
CoordenaOficioAnnex *coordena_adhesion_teams_annex (CoordenaStore *store, const GDate *date, char **description,
                                                    GError **error);

/* Checks every rule (the date: today up to 30 days ahead, never before the last ofício; the
 * deadline on that date; the number, the counter's or request->numero, unique in its year),
 * renders, writes the PDF to a temporary file beside output, stores the PDF with its SHA-256 and
 * inputs, records the number in the register of issued numbers, moves the record to
 * oficio_gerado, commits, and only then renames the file to output (0600). A refusal or a failure
 * before the commit leaves output as it was. request->profile is filled from the store when its
 * values are NULL. */
CoordenaOficioRecord *coordena_adhesion_generate_oficio (CoordenaStore               *store,
                                                         const CoordenaOficioRequest *request,
                                                         const char                  *annex_kind,
                                                         const char                  *output,
                                                         GError                     **error);

/* An ofício signed and sent outside Coordena (paper, the secretariat's protocol system). */
typedef struct {
  const CoordenaOffer *offer;
  const char *numero;      /* "123/2026" */
  GDate date_sent;
  const char *channel;     /* how it was sent: "SEI", "protocolo", "e-mail", … */
  const char *receipt;     /* the protocol receipt, may be NULL */
  const char *file;        /* the signed PDF or its scan, may be NULL */
  const char *signer;      /* secretario or coordenador, may be NULL */
} CoordenaOficioRegistration;

/* Records it, marked "registrado": the number unique in its year, the date sent not in the future,
 * within the deadline and not before the adhesion's last step; the adhesion becomes "enviado" on
 * the date sent. One transaction, audited, the number kept in the register of issued numbers. */
CoordenaOficioRecord *coordena_adhesion_register_oficio (CoordenaStore                     *store,
                                                         const CoordenaOficioRegistration  *registration,
                                                         GError                           **error);

/* Every ofício, oldest first. */
GPtrArray *coordena_adhesion_list_oficios (CoordenaStore *store, GError **error);

/* Writes the stored PDF of "NUMERO/ANO" to output exactly as generated (0600, atomically). */
CoordenaOficioRecord *coordena_adhesion_export_oficio (CoordenaStore *store,
                                                       const char    *numero_ano,
                                                       const char    *output,
                                                       GError       **error);

/* ---- Municipal follow-up ------------------------------------------------------------------ */

typedef enum {
  COORDENA_MUNICIPIO_NAO_INICIADO,
  COORDENA_MUNICIPIO_ADERIU_EGESTOR,
  COORDENA_MUNICIPIO_PENDENTE,
} CoordenaMunicipioStatus;

const char *coordena_municipio_status_to_string (CoordenaMunicipioStatus status);
const char *coordena_municipio_status_label (CoordenaMunicipioStatus status);
gboolean coordena_municipio_status_from_string (const char *text, CoordenaMunicipioStatus *status, GError **error);

/* Days of disuse from which the Gerencia APS access is flagged (it lapses after 90). */
#define COORDENA_ACCESS_ALERT_DAYS 90

typedef struct {
  char *ibge7;
  char *nome;
  CoordenaMunicipioStatus status;
  char *date;
  char *responsavel;
  char *acesso_titular;
  char *acesso_ultimo_uso;
  int days_since_use;     /* -1 when unknown */
  gboolean access_alert;  /* unknown, or unused for 90 days or more */
  char *note;
} CoordenaMunicipioAdesao;

void coordena_municipio_adesao_free (CoordenaMunicipioAdesao *m);

/* Every municipality of the state, by name, with its follow-up for the offer. */
GPtrArray *coordena_adhesion_list_municipios (CoordenaStore *store, const char *offer_id, const GDate *today,
                                              GError **error);

/* Updates a municipality's follow-up; NULL fields keep their value. One transaction, audited. */
gboolean coordena_adhesion_set_municipio (CoordenaStore                 *store,
                                          const char                    *offer_id,
                                          const char                    *ibge,
                                          const CoordenaMunicipioStatus *status,
                                          const char                    *date,
                                          const char                    *responsavel,
                                          const char                    *acesso_titular,
                                          const char                    *acesso_ultimo_uso,
                                          const char                    *note,
                                          GError                       **error);

G_END_DECLS
