/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "coordena-municipality-item.h"

struct _CoordenaMunicipalityItem
{
  GObject parent_instance;

  CoordenaMunicipioAdesao *data;
};

G_DEFINE_FINAL_TYPE (CoordenaMunicipalityItem, coordena_municipality_item, G_TYPE_OBJECT)

CoordenaMunicipalityItem *
coordena_municipality_item_new (CoordenaMunicipioAdesao *data)
{
  CoordenaMunicipalityItem *self = g_object_new (COORDENA_TYPE_MUNICIPALITY_ITEM, NULL);

  self->data = data;
  return self;
}

const CoordenaMunicipioAdesao *
coordena_municipality_item_get (CoordenaMunicipalityItem *self)
{
  g_return_val_if_fail (COORDENA_IS_MUNICIPALITY_ITEM (self), NULL);
  return self->data;
}

static void
coordena_municipality_item_finalize (GObject *object)
{
  CoordenaMunicipalityItem *self = COORDENA_MUNICIPALITY_ITEM (object);

  g_clear_pointer (&self->data, coordena_municipio_adesao_free);
  G_OBJECT_CLASS (coordena_municipality_item_parent_class)->finalize (object);
}

static void
coordena_municipality_item_class_init (CoordenaMunicipalityItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = coordena_municipality_item_finalize;
}

static void
coordena_municipality_item_init (CoordenaMunicipalityItem *self)
{
}
