/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include <coordena/adhesion.h>

G_BEGIN_DECLS

#define COORDENA_TYPE_MUNICIPALITY_ITEM (coordena_municipality_item_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaMunicipalityItem, coordena_municipality_item, COORDENA, MUNICIPALITY_ITEM, GObject)

/* One municipality's follow-up of an offer, as a row of the follow-up table. Takes the data. */
CoordenaMunicipalityItem *coordena_municipality_item_new (CoordenaMunicipioAdesao *data);

const CoordenaMunicipioAdesao *coordena_municipality_item_get (CoordenaMunicipalityItem *self);

G_END_DECLS
