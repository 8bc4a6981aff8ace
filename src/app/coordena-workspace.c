#include "config.h"

#include <glib/gi18n.h>

#include <coordena/coordena.h>

#include "coordena-team-item.h"
#include "coordena-workspace.h"

struct _CoordenaWorkspace
{
  GObject parent_instance;

  CoordenaStore *store;
  char *path;
  CoordenaSummary *summary;
  GListStore *teams;
  GError *error;
  GCancellable *cancellable;
  guint loading : 1;
  guint reload_again : 1;
};

G_DEFINE_FINAL_TYPE (CoordenaWorkspace, coordena_workspace, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_LOADING, N_PROPS };
static GParamSpec *properties[N_PROPS];

CoordenaWorkspace *
coordena_workspace_new (void)
{
  return g_object_new (COORDENA_TYPE_WORKSPACE, NULL);
}

gboolean
coordena_workspace_open (CoordenaWorkspace *self, const char *path, GError **error)
{
  g_autofree char *default_path = NULL;
  CoordenaStore *store;

  g_return_val_if_fail (COORDENA_IS_WORKSPACE (self), FALSE);

  if (path == NULL || *path == '\0')
    path = default_path = coordena_default_db_path ();
  if ((store = coordena_store_open (path, error)) == NULL)
    return FALSE;

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->store, coordena_store_close);
  g_free (self->path);
  self->store = store;
  self->path = g_strdup (path);
  return TRUE;
}

CoordenaStore *
coordena_workspace_get_store (CoordenaWorkspace *self)
{
  return self->store;
}

const char *
coordena_workspace_get_path (CoordenaWorkspace *self)
{
  return self->path;
}

gboolean
coordena_workspace_needs_setup (CoordenaWorkspace *self)
{
  return self->store == NULL || coordena_store_get_uf_code (self->store) == 0;
}

gboolean
coordena_workspace_is_demo (CoordenaWorkspace *self)
{
  return self->store != NULL && coordena_store_is_demo (self->store);
}

gboolean
coordena_workspace_is_loading (CoordenaWorkspace *self)
{
  return self->loading;
}

CoordenaSummary *
coordena_workspace_get_summary (CoordenaWorkspace *self)
{
  return self->summary;
}

GListModel *
coordena_workspace_get_teams (CoordenaWorkspace *self)
{
  return G_LIST_MODEL (self->teams);
}

const GError *
coordena_workspace_get_error (CoordenaWorkspace *self)
{
  return self->error;
}

typedef struct {
  char *path;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data);
}

/* The worker opens its own connection: the window keeps using the main one meanwhile. */
static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(CoordenaRoster) roster = NULL;
  CoordenaSummary *summary;
  CoordenaSummaryOptions options = { 0 };
  GError *error = NULL;

  if ((store = coordena_store_open_full (data->path, COORDENA_STORE_OPEN_MUST_EXIST | COORDENA_STORE_OPEN_NO_MIGRATE, &error)) == NULL
      || (roster = coordena_store_load_roster (store, &error)) == NULL
      || (summary = coordena_summary_new (roster, &options, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      coordena_summary_unref (summary);
      return;
    }
  g_task_return_pointer (task, summary, (GDestroyNotify) coordena_summary_unref);
}

static void start_load (CoordenaWorkspace *self);

static void
load_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CoordenaWorkspace *self = COORDENA_WORKSPACE (source);
  g_autoptr(GError) error = NULL;
  CoordenaSummary *summary = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  g_clear_error (&self->error);
  if (summary != NULL)
    {
      g_autoptr(GListModel) items = coordena_team_items_from_summary (summary);
      guint n = g_list_model_get_n_items (items);
      g_autofree gpointer *array = g_new (gpointer, n + 1);

      g_clear_pointer (&self->summary, coordena_summary_unref);
      self->summary = summary;
      for (guint i = 0; i < n; i++)
        array[i] = g_list_model_get_item (items, i);
      g_list_store_splice (self->teams, 0, g_list_model_get_n_items (G_LIST_MODEL (self->teams)), array, n);
      for (guint i = 0; i < n; i++)
        g_object_unref (array[i]);
    }
  else
    self->error = g_steal_pointer (&error);

  if (self->reload_again)
    {
      self->reload_again = FALSE;
      start_load (self);
    }
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
start_load (CoordenaWorkspace *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data = g_new0 (LoadData, 1);

  data->path = g_strdup (self->path);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, load_done, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_set_source_tag (task, start_load);
  g_task_run_in_thread (task, load_thread);
  self->loading = TRUE;
}

void
coordena_workspace_reload (CoordenaWorkspace *self)
{
  g_return_if_fail (COORDENA_IS_WORKSPACE (self));
  g_return_if_fail (self->path != NULL);

  if (self->loading)
    {
      /* A change during a load: load once more when this one ends, so the last edit shows. */
      self->reload_again = TRUE;
      return;
    }
  start_load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
coordena_workspace_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaWorkspace *self = COORDENA_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_workspace_dispose (GObject *object)
{
  CoordenaWorkspace *self = COORDENA_WORKSPACE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->teams);
  g_clear_pointer (&self->summary, coordena_summary_unref);
  G_OBJECT_CLASS (coordena_workspace_parent_class)->dispose (object);
}

static void
coordena_workspace_finalize (GObject *object)
{
  CoordenaWorkspace *self = COORDENA_WORKSPACE (object);

  g_clear_pointer (&self->store, coordena_store_close);
  g_clear_error (&self->error);
  g_free (self->path);
  G_OBJECT_CLASS (coordena_workspace_parent_class)->finalize (object);
}

static void
coordena_workspace_class_init (CoordenaWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = coordena_workspace_get_property;
  object_class->dispose = coordena_workspace_dispose;
  object_class->finalize = coordena_workspace_finalize;

  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The summary or the database's state changed: every page shows it again. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
coordena_workspace_init (CoordenaWorkspace *self)
{
  self->teams = g_list_store_new (COORDENA_TYPE_TEAM_ITEM);
}
