#include "config.h"

#include "coordena-team-item.h"

struct _CoordenaTeamItem
{
  GObject parent_instance;

  CoordenaSummary *summary;
  guint row;
  char *search_key;
};

G_DEFINE_FINAL_TYPE (CoordenaTeamItem, coordena_team_item, G_TYPE_OBJECT)

static void
coordena_team_item_finalize (GObject *object)
{
  CoordenaTeamItem *self = COORDENA_TEAM_ITEM (object);

  g_clear_pointer (&self->summary, coordena_summary_unref);
  g_free (self->search_key);
  G_OBJECT_CLASS (coordena_team_item_parent_class)->finalize (object);
}

static void
coordena_team_item_class_init (CoordenaTeamItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = coordena_team_item_finalize;
}

static void
coordena_team_item_init (CoordenaTeamItem *self)
{
}

CoordenaTeamItem *
coordena_team_item_new (CoordenaSummary *summary, guint row)
{
  CoordenaTeamItem *self;

  g_return_val_if_fail (summary != NULL, NULL);
  g_return_val_if_fail (row < coordena_summary_get_n_teams (summary), NULL);

  self = g_object_new (COORDENA_TYPE_TEAM_ITEM, NULL);
  self->summary = coordena_summary_ref (summary);
  self->row = row;
  return self;
}

CoordenaSummary *
coordena_team_item_get_summary (CoordenaTeamItem *self)
{
  return self->summary;
}

guint
coordena_team_item_get_row (CoordenaTeamItem *self)
{
  return self->row;
}

const CoordenaTeamSummary *
coordena_team_item_get_team_summary (CoordenaTeamItem *self)
{
  return coordena_summary_get_team (self->summary, self->row);
}

const CoordenaRosterTeam *
coordena_team_item_get_team (CoordenaTeamItem *self)
{
  const CoordenaTeamSummary *ts = coordena_summary_get_team (self->summary, self->row);

  return coordena_roster_get_team (coordena_summary_get_roster (self->summary), ts->team);
}

const char *
coordena_team_item_get_ine (CoordenaTeamItem *self)
{
  return coordena_team_item_get_team (self)->ine;
}

const char *
coordena_team_item_get_name (CoordenaTeamItem *self)
{
  const char *name = coordena_team_item_get_team (self)->name;

  return name != NULL ? name : "";
}

const char *
coordena_team_item_get_municipio (CoordenaTeamItem *self)
{
  return coordena_summary_team_municipio (self->summary, self->row);
}

char *
coordena_team_item_fold (const char *text)
{
  g_autofree char *ascii = NULL;

  /* Codes and most names are ASCII already: transliteration is the slow part. */
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      {
        ascii = g_str_to_ascii (text, "C");
        break;
      }
  return g_ascii_strdown (ascii != NULL ? ascii : text, -1);
}

const char *
coordena_team_item_get_search_key (CoordenaTeamItem *self)
{
  /* Built on first search only: thousands of rows must appear before anybody types. */
  if (self->search_key == NULL)
    {
      const CoordenaRosterTeam *team = coordena_team_item_get_team (self);
      g_autofree char *text = g_strjoin (" ", coordena_team_item_get_municipio (self), team->ine,
                                         team->cnes, coordena_team_item_get_name (self), NULL);

      self->search_key = coordena_team_item_fold (text);
    }
  return self->search_key;
}

GListModel *
coordena_team_items_from_summary (CoordenaSummary *summary)
{
  GListStore *store = g_list_store_new (COORDENA_TYPE_TEAM_ITEM);
  guint n = summary != NULL ? coordena_summary_get_n_teams (summary) : 0;
  g_autofree gpointer *items = g_new (gpointer, n + 1);

  for (guint i = 0; i < n; i++)
    items[i] = coordena_team_item_new (summary, i);
  g_list_store_splice (store, 0, 0, items, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i]);
  return G_LIST_MODEL (store);
}

struct _CoordenaTeamSlot
{
  GObject parent_instance;

  CoordenaTeamItem *team;
};

G_DEFINE_FINAL_TYPE (CoordenaTeamSlot, coordena_team_slot, G_TYPE_OBJECT)

enum { SLOT_PROP_0, SLOT_PROP_TEAM, SLOT_N_PROPS };
static GParamSpec *slot_properties[SLOT_N_PROPS];

static void
coordena_team_slot_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaTeamSlot *self = COORDENA_TEAM_SLOT (object);

  switch (prop_id)
    {
    case SLOT_PROP_TEAM:
      g_value_set_object (value, self->team);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_team_slot_dispose (GObject *object)
{
  g_clear_object (&COORDENA_TEAM_SLOT (object)->team);
  G_OBJECT_CLASS (coordena_team_slot_parent_class)->dispose (object);
}

static void
coordena_team_slot_class_init (CoordenaTeamSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = coordena_team_slot_get_property;
  object_class->dispose = coordena_team_slot_dispose;
  slot_properties[SLOT_PROP_TEAM] = g_param_spec_object ("team", NULL, NULL, COORDENA_TYPE_TEAM_ITEM,
                                                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SLOT_N_PROPS, slot_properties);
}

static void
coordena_team_slot_init (CoordenaTeamSlot *self)
{
}

CoordenaTeamSlot *
coordena_team_slot_new (CoordenaTeamItem *team)
{
  CoordenaTeamSlot *self = g_object_new (COORDENA_TYPE_TEAM_SLOT, NULL);

  self->team = g_object_ref (team);
  return self;
}

CoordenaTeamItem *
coordena_team_slot_get_team (CoordenaTeamSlot *self)
{
  return self->team;
}

void
coordena_team_slot_set_team (CoordenaTeamSlot *self, CoordenaTeamItem *team)
{
  if (g_set_object (&self->team, team))
    g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_TEAM]);
}
