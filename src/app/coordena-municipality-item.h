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

/* What the notifications sent to the municipality's teams show now ("notification", NULL when
 * none was sent). */
const char *coordena_municipality_item_get_notification (CoordenaMunicipalityItem *self);
void coordena_municipality_item_set_notification (CoordenaMunicipalityItem *self, const char *text);

G_END_DECLS
