/* SPDX-License-Identifier: GPL-3.0-or-later */
/* oficio-preview.h — what the next ofício will print, before it is generated: the same checks as
 * generation (rules of the offer, profile, adhesion state), the number it will take and the
 * document in words; and the letterhead as the profile stands, for the profile editor. */
#pragma once

#include <glib.h>

#include <coordena/adhesion.h>
#include <coordena/oficio.h>
#include <coordena/store.h>

G_BEGIN_DECLS

typedef struct {
  guint number;              /* the number generation would take now */
  CoordenaOficioDoc *doc;    /* composed with that number */
  guint annex_rows;          /* rows of the annex, 0 without one */
  char *signer_role;         /* "Secretário(a) Estadual de Saúde" */
} CoordenaOficioPreview;

void coordena_oficio_preview_free (CoordenaOficioPreview *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaOficioPreview, coordena_oficio_preview_free)

/* The next free number of the year: never one already given, even to a discarded ofício. */
gboolean coordena_oficio_next_number (CoordenaStore *store, guint year, guint *number, GError **error);

/* Checks the request as generation would (refusals listed at once, COORDENA_ERROR_INPUT) and
 * composes it with the next number. request->profile is read from the store when its values are
 * NULL; annex_kind is NULL or "equipes". Nothing is written. */
CoordenaOficioPreview *coordena_oficio_preview (CoordenaStore               *store,
                                                const CoordenaOficioRequest *request,
                                                const char                  *annex_kind,
                                                GError                     **error);

/* The first page's letterhead as a PDF (coat of arms, state, secretariat, sub-units) from the
 * profile as it stands; fields not yet set print as their label in brackets. */
GBytes *coordena_oficio_preview_letterhead (CoordenaStore *store, const CoordenaOffer *offer, GError **error);

G_END_DECLS
