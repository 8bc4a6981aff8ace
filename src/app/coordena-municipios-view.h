#pragma once

#include <adwaita.h>

#include <coordena/offer.h>
#include <coordena/store.h>

G_BEGIN_DECLS

#define COORDENA_TYPE_MUNICIPIOS_VIEW (coordena_municipios_view_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaMunicipiosView, coordena_municipios_view, COORDENA, MUNICIPIOS_VIEW, GtkWidget)

/* The municipalities' follow-up of an offer: every municipality of the state with its status,
 * date, responsible person and Gerencia APS access, filtered by name, status and the 90-day
 * access alert; a row opens its editor. */

/* Reads the follow-up of the offer from the store (the store must outlive the view's use). */
void coordena_municipios_view_show (CoordenaMunicipiosView *self, CoordenaStore *store, const CoordenaOffer *offer);

/* Rows shown after the filters, and the total. */
guint coordena_municipios_view_get_n_shown (CoordenaMunicipiosView *self);
guint coordena_municipios_view_get_n_total (CoordenaMunicipiosView *self);

G_END_DECLS
