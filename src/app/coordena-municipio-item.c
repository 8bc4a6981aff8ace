#include "config.h"

#include "coordena-municipio-item.h"

struct _CoordenaMunicipioItem
{
  GObject parent_instance;

  CoordenaMunicipioAdesao *data;
};

G_DEFINE_FINAL_TYPE (CoordenaMunicipioItem, coordena_municipio_item, G_TYPE_OBJECT)

CoordenaMunicipioItem *
coordena_municipio_item_new (CoordenaMunicipioAdesao *data)
{
  CoordenaMunicipioItem *self = g_object_new (COORDENA_TYPE_MUNICIPIO_ITEM, NULL);

  self->data = data;
  return self;
}

const CoordenaMunicipioAdesao *
coordena_municipio_item_get (CoordenaMunicipioItem *self)
{
  g_return_val_if_fail (COORDENA_IS_MUNICIPIO_ITEM (self), NULL);
  return self->data;
}

static void
coordena_municipio_item_finalize (GObject *object)
{
  CoordenaMunicipioItem *self = COORDENA_MUNICIPIO_ITEM (object);

  g_clear_pointer (&self->data, coordena_municipio_adesao_free);
  G_OBJECT_CLASS (coordena_municipio_item_parent_class)->finalize (object);
}

static void
coordena_municipio_item_class_init (CoordenaMunicipioItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = coordena_municipio_item_finalize;
}

static void
coordena_municipio_item_init (CoordenaMunicipioItem *self)
{
}
