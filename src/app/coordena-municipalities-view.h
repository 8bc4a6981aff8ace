/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include <coordena/offer.h>
#include <coordena/store.h>

G_BEGIN_DECLS

#define COORDENA_TYPE_MUNICIPALITIES_VIEW (coordena_municipalities_view_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaMunicipalitiesView, coordena_municipalities_view, COORDENA, MUNICIPALITIES_VIEW, GtkWidget)

/* The municipalities' follow-up of an offer: every municipality of the state with its status,
 * date, responsible person and Gerencia APS access, filtered by name, status and the 90-day
 * access alert; a row opens its editor. */

/* Reads the follow-up of the offer from the store (the store must outlive the view's use). */
void coordena_municipalities_view_show (CoordenaMunicipalitiesView *self, CoordenaStore *store, const CoordenaOffer *offer);

/* Rows shown after the filters, and the total. */
guint coordena_municipalities_view_get_n_shown (CoordenaMunicipalitiesView *self);
guint coordena_municipalities_view_get_n_total (CoordenaMunicipalitiesView *self);

G_END_DECLS
