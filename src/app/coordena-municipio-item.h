#pragma once

#include <glib-object.h>

#include <coordena/adhesion.h>

G_BEGIN_DECLS

#define COORDENA_TYPE_MUNICIPIO_ITEM (coordena_municipio_item_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaMunicipioItem, coordena_municipio_item, COORDENA, MUNICIPIO_ITEM, GObject)

/* One municipality's follow-up of an offer, as a row of the follow-up table. Takes the data. */
CoordenaMunicipioItem *coordena_municipio_item_new (CoordenaMunicipioAdesao *data);

const CoordenaMunicipioAdesao *coordena_municipio_item_get (CoordenaMunicipioItem *self);

G_END_DECLS
