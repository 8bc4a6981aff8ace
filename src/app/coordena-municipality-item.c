/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "coordena-municipality-item.h"

struct _CoordenaMunicipalityItem
{
  GObject parent_instance;

  CoordenaMunicipioAdesao *data;
  char *notification;
};

G_DEFINE_FINAL_TYPE (CoordenaMunicipalityItem, coordena_municipality_item, G_TYPE_OBJECT)

enum { PROP_0, PROP_NOTIFICATION, N_PROPS };
static GParamSpec *properties[N_PROPS];

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

const char *
coordena_municipality_item_get_notification (CoordenaMunicipalityItem *self)
{
  g_return_val_if_fail (COORDENA_IS_MUNICIPALITY_ITEM (self), NULL);
  return self->notification;
}

void
coordena_municipality_item_set_notification (CoordenaMunicipalityItem *self, const char *text)
{
  g_return_if_fail (COORDENA_IS_MUNICIPALITY_ITEM (self));

  if (g_strcmp0 (self->notification, text) == 0)
    return;
  g_free (self->notification);
  self->notification = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTIFICATION]);
}

static void
coordena_municipality_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaMunicipalityItem *self = COORDENA_MUNICIPALITY_ITEM (object);

  switch (prop_id)
    {
    case PROP_NOTIFICATION:
      g_value_set_string (value, self->notification);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_municipality_item_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaMunicipalityItem *self = COORDENA_MUNICIPALITY_ITEM (object);

  switch (prop_id)
    {
    case PROP_NOTIFICATION:
      coordena_municipality_item_set_notification (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_municipality_item_finalize (GObject *object)
{
  CoordenaMunicipalityItem *self = COORDENA_MUNICIPALITY_ITEM (object);

  g_clear_pointer (&self->data, coordena_municipio_adesao_free);
  g_free (self->notification);
  G_OBJECT_CLASS (coordena_municipality_item_parent_class)->finalize (object);
}

static void
coordena_municipality_item_class_init (CoordenaMunicipalityItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = coordena_municipality_item_finalize;
  object_class->get_property = coordena_municipality_item_get_property;
  object_class->set_property = coordena_municipality_item_set_property;

  properties[PROP_NOTIFICATION] = g_param_spec_string ("notification", NULL, NULL, NULL,
                                                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
coordena_municipality_item_init (CoordenaMunicipalityItem *self)
{
}
