/* SPDX-License-Identifier: GPL-3.0-or-later */
/* offer.h — offers a state can adhere to, read from data files (data/offers/ID.offer, overridden
 * by $XDG_DATA_HOME/coordena/offers/ID.offer): names, legal references, channels, the deadline and
 * the act that set it, who may sign, the responsibilities and the addressee of the ofício. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  COORDENA_GENDER_F = 'F',
  COORDENA_GENDER_M = 'M',
} CoordenaGender;

typedef struct {
  char *key;          /* "nt-441" */
  char *title;        /* "Nota Técnica Conjunta nº 441/2025-CGESCO/DESF/SAPS/MS" */
  char *short_title;  /* "NT Conjunta nº 441/2025" */
  char *sei;          /* "0052176291", may be NULL */
  char *processo;     /* may be NULL */
  char *role;         /* what the act does for this offer, may be NULL */
  GDate date;         /* the day the act was signed (Date=), invalid when the file does not say */
} CoordenaOfferReference;

typedef struct {
  char *key;          /* "egestor", "oficio" */
  char *name;
  char **managers;    /* "municipal", "estadual", "distrital" */
  char *source;       /* reference key */
  char *item;
} CoordenaOfferChannel;

typedef struct {
  char *key;          /* "secretario", "coordenador" */
  char *role;         /* "Secretário(a) Estadual de Saúde" */
  char *cargo_f;      /* default cargo under the signature */
  char *cargo_m;
} CoordenaOfferSigner;

typedef struct {
  char *id;
  char *name;
  char *short_name;
  char *subject;            /* the ofício's Assunto, without "Assunto:" */
  char *agreement;          /* may be NULL */
  char *processo;           /* may be NULL */
  GPtrArray *references;    /* CoordenaOfferReference*, in file order */
  GPtrArray *channels;      /* CoordenaOfferChannel* */

  GDate deadline;           /* last day, inclusive, in the deadline's time zone */
  char *deadline_timezone;  /* "America/Sao_Paulo" */
  char *deadline_source;    /* reference key of the act that set it */
  char *deadline_item;

  GPtrArray *signers;       /* CoordenaOfferSigner* */
  char *signers_source;
  char *signers_item;

  char **responsibilities;
  char *responsibilities_source;
  char *responsibilities_item;
  char *responsibilities_basis;      /* the act that lists them (nt-425), may be NULL */
  char *responsibilities_basis_item; /* its item ("5"), may be NULL */

  char *enrolment_text;     /* what adhesion conditions ("posterior inscrição …", after "condicionante à"), may be NULL */
  char *enrolment_source;
  char *enrolment_item;

  CoordenaGender addressee_gender;
  char *addressee_cargo_f;
  char *addressee_cargo_m;
  char *addressee_organ;
  char **addressee_address; /* street lines */
  char *addressee_postal_code;
  char *addressee_city;

  char *path;               /* the file it came from */
} CoordenaOffer;

/* Reads and validates one offer file; errors name the file, line and key. */
CoordenaOffer *coordena_offer_load_file (const char *path, GError **error);

/* Every offer: the shipped ones, each replaced by a user file with the same Id. Sorted by Id. */
GPtrArray *coordena_offers_load_all (GError **error);

/* The offer with this Id, or NULL with COORDENA_ERROR_INPUT naming the known ones. */
CoordenaOffer *coordena_offer_find (const char *id, GError **error);

void coordena_offer_free (CoordenaOffer *offer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaOffer, coordena_offer_free)

const CoordenaOfferReference *coordena_offer_get_reference (const CoordenaOffer *offer, const char *key);
const CoordenaOfferSigner *coordena_offer_get_signer (const CoordenaOffer *offer, const char *key);
const CoordenaOfferChannel *coordena_offer_get_channel (const CoordenaOffer *offer, const char *key);

/* "NT Conjunta nº 441/2025, item 2.6": the act and item behind a rule. */
char *coordena_offer_cite (const CoordenaOffer *offer, const char *source, const char *item);

/* Today in the deadline's time zone (Brasília for the shipped offer). */
void coordena_offer_today (const CoordenaOffer *offer, GDate *today);

/* Refuses a date after the deadline, saying the deadline and the act. */
gboolean coordena_offer_check_date (const CoordenaOffer *offer, const GDate *date, GError **error);

/* The earliest day anything of the offer can bear. channel NULL: the first act's date, or the
 * 1st of January of the year in its number ("nº 425/2025") when the file gives no Date=; a
 * channel key ("oficio"): the date of the act that opened that channel, when given (else as
 * NULL). act is set to the act the bound comes from. FALSE when no act gives a bound. */
gboolean coordena_offer_earliest (const CoordenaOffer *offer, const char *channel, GDate *earliest,
                                  const CoordenaOfferReference **act);

/* Refuses a date before coordena_offer_earliest() (an adhesion step, or an ofício's date or
 * sending day when channel is "oficio"): a document of an offer cannot predate its act. */
gboolean coordena_offer_check_not_before (const CoordenaOffer *offer, const char *channel, const GDate *date,
                                          GError **error);

/* Refuses a signer the offer does not allow, naming the allowed roles and the act. */
gboolean coordena_offer_check_signer (const CoordenaOffer *offer, const char *signer, GError **error);

/* Whether the offer's deadline has passed on that day (the offer is "encerrada"). */
gboolean coordena_offer_is_closed (const CoordenaOffer *offer, const GDate *today);

/* "prazo encerrado em 03/12/2025 (NT Conjunta nº 441/2025, item 2.6)": the act that closed it. */
char *coordena_offer_closed_by (const CoordenaOffer *offer);

/* Open offers first (by deadline), then the closed ones (latest first). */
void coordena_offers_sort_for_display (GPtrArray *offers, const GDate *today);

/* The user's offers folder ($XDG_DATA_HOME/coordena/offers). */
char *coordena_offers_user_dir (void);

/* TRUE when the offer came from the user's folder (it can be removed). */
gboolean coordena_offer_is_user (const CoordenaOffer *offer);

/* Validates an offer file (the same messages as loading: file, line, group, key) and installs a
 * copy in the user's folder as ID.offer (0600, whole or not at all). *replaced tells whether a
 * user offer with that Id was there. Returns the installed offer. */
CoordenaOffer *coordena_offer_install (const char *path, gboolean *replaced, GError **error);

/* Removes a user offer; a shipped one cannot be removed (COORDENA_ERROR_INPUT). */
gboolean coordena_offer_remove_user (const char *id, GError **error);

/* Refuses the ofício channel for a manager level it does not serve ("estadual"). */
gboolean coordena_offer_check_oficio_channel (const CoordenaOffer *offer, const char *manager, GError **error);

G_END_DECLS
