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

static char *
fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");

  return g_ascii_strdown (ascii, -1);
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

      self->search_key = fold (text);
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
