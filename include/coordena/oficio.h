/* SPDX-License-Identifier: GPL-3.0-or-later */
/* oficio.h — the adhesion ofício: its document model (every part in words, OFICIO.md §1), how
 * it is composed from the profile, the offer and the signer (with the refusals the notes
 * impose), and its rendering to PDF through pdf.h. No database here: see adhesion.h. */
#pragma once

#include <glib.h>

#include <coordena/offer.h>

G_BEGIN_DECLS

/* An optional table after the letter (e.g. the state's teams by municipality). */
typedef struct {
  char *title;          /* "ANEXO — EQUIPES …" */
  char *note;           /* a line under the title, may be NULL */
  guint n_columns;
  char **columns;       /* header cells */
  double *widths;       /* relative widths */
  GPtrArray *rows;      /* char** of n_columns cells */
} CoordenaOficioAnnex;

CoordenaOficioAnnex *coordena_oficio_annex_new (const char *title, guint n_columns,
                                                const char *const *columns, const double *widths);
void coordena_oficio_annex_add_row (CoordenaOficioAnnex *annex, const char *const *cells);
void coordena_oficio_annex_free (CoordenaOficioAnnex *annex);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaOficioAnnex, coordena_oficio_annex_free)

/* The ofício in words, part by part, in the order they print. */
typedef struct {
  GBytes *coat_of_arms;       /* PNG, may be NULL */
  char **header;              /* centred lines: GOVERNO DO ESTADO …, SECRETARIA …, sub-units */
  char *identification;       /* "OFÍCIO Nº 12/2025/COAPS/SESA" */
  char *place_date;           /* "Fortaleza, 3 de dezembro de 2025." */
  char **address;             /* "À Senhora", cargo, órgão, street lines, "CEP Cidade/UF" */
  char *subject;              /* "Assunto: …." (all bold) */
  char *vocative;             /* "Senhora Secretária," */
  char **paragraphs;          /* numbered when there are three or more */
  char *closing;              /* "Atenciosamente," */
  char *signer_name;          /* printed in capitals */
  char *signer_cargo;
  char **footer;              /* secretariat's address and contacts */
  CoordenaOficioAnnex *annex; /* may be NULL */
  char *title;                /* PDF metadata */
  char *author;
  GDate date;                 /* the ofício's date: also the PDF creation date */
} CoordenaOficioDoc;

void coordena_oficio_doc_free (CoordenaOficioDoc *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaOficioDoc, coordena_oficio_doc_free)

/* The profile keys the ofício reads. */
typedef struct {
  const char *uf;             /* "CE" (from init) */
  GHashTable *values;         /* profile key → value, e.g. "secretaria.nome" → "…" */
  GBytes *coat_of_arms;       /* the stored PNG, may be NULL */
} CoordenaOficioProfile;

typedef struct {
  const CoordenaOffer *offer;
  CoordenaOficioProfile profile;
  const char *signer;         /* "secretario" or "coordenador" */
  GDate date;
  gboolean respectfully;      /* "Respeitosamente," instead of "Atenciosamente," */
  const char *numero;         /* the secretariat's own number "123/2026"; NULL: Coordena's counter */
  const CoordenaOficioAnnex *annex;      /* may be NULL */
  const char *annex_description;         /* "a relação das equipes …", for the body */
} CoordenaOficioRequest;

/* The closing a signer uses: the profile's "<signer>.fecho", else "fecho", else the MRPR rule for
 * the federal Secretary the offers address: "Respeitosamente" from the APS coordinator (a lower
 * authority), "Atenciosamente" from the state Secretary (the same level). TRUE: Respeitosamente. */
gboolean coordena_oficio_closing_respectful (GHashTable *profile_values, const char *signer);

/* Every rule before a number is taken: the signer's role, the deadline, the ofício route for a
 * state, every profile field the letter needs (all listed at once), and text the font encoding
 * cannot hold (naming the character and the field). COORDENA_ERROR_INPUT on refusal. */
gboolean coordena_oficio_check (const CoordenaOficioRequest *request, GError **error);

/* The ofício with the given number, in words. Call coordena_oficio_check first. */
CoordenaOficioDoc *coordena_oficio_compose (const CoordenaOficioRequest *request,
                                            guint                        number,
                                            GError                     **error);

/* The letterhead's first line: "GOVERNO DO ESTADO DO CEARÁ", "GOVERNO DO DISTRITO FEDERAL";
 * NULL for a sigla that is not a UF. */
char *coordena_oficio_government_line (const char *uf);

/* "OFÍCIO Nº 12/2025/COAPS/SESA" (style is "Nº" or "N.º"). */
char *coordena_oficio_format_identification (const char *style, guint number, guint year, const char *sigla);

/* The PDF of a document model. Same model, same bytes. */
GBytes *coordena_oficio_doc_render (const CoordenaOficioDoc *doc, guint *n_pages, GError **error);

G_END_DECLS
