/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <time.h>

#include <glib/gi18n.h>

#include <coordena/coordena.h>

#include "coordena-team-item.h"
#include "coordena-workspace.h"

struct _CoordenaWorkspace
{
  GObject parent_instance;

  GSettings *settings;
  CoordenaRuleCatalog *catalog;
  GPtrArray *offers;
  CoordenaStore *store;
  CoordenaStore *reader;         /* the workers' connection, lent to one load at a time */
  char *path;
  CoordenaSummary *summary;
  GListStore *teams;
  GError *error;
  GCancellable *cancellable;
  guint loading : 1;
  guint reload_again : 1;
};

G_DEFINE_FINAL_TYPE (CoordenaWorkspace, coordena_workspace, G_TYPE_OBJECT)

enum { CHANGED, CATALOG_CHANGED, TOAST, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_LOADING, PROP_SETTINGS, N_PROPS };
static GParamSpec *properties[N_PROPS];

CoordenaWorkspace *
coordena_workspace_new (GSettings *settings)
{
  return g_object_new (COORDENA_TYPE_WORKSPACE, "settings", settings, NULL);
}

GSettings *
coordena_workspace_get_settings (CoordenaWorkspace *self)
{
  g_return_val_if_fail (COORDENA_IS_WORKSPACE (self), NULL);
  return self->settings;
}

const CoordenaRuleCatalog *
coordena_workspace_get_catalog (CoordenaWorkspace *self, GError **error)
{
  g_return_val_if_fail (COORDENA_IS_WORKSPACE (self), NULL);

  if (self->catalog == NULL)
    self->catalog = coordena_rule_catalog_load (error);
  return self->catalog;
}

void
coordena_workspace_reload_catalog (CoordenaWorkspace *self)
{
  g_return_if_fail (COORDENA_IS_WORKSPACE (self));

  g_clear_pointer (&self->catalog, coordena_rule_catalog_free);
  g_signal_emit (self, signals[CATALOG_CHANGED], 0);
  if (self->store != NULL)
    coordena_workspace_reload (self);
}

GPtrArray *
coordena_workspace_get_offers (CoordenaWorkspace *self)
{
  g_return_val_if_fail (COORDENA_IS_WORKSPACE (self), NULL);

  if (self->offers == NULL)
    {
      self->offers = coordena_offers_load_all (NULL);
      if (self->offers == NULL)
        self->offers = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_offer_free);
    }
  return self->offers;
}

void
coordena_workspace_toast (CoordenaWorkspace *self, GObject *toast)
{
  g_return_if_fail (COORDENA_IS_WORKSPACE (self));
  g_return_if_fail (G_IS_OBJECT (toast));

  g_signal_emit (self, signals[TOAST], 0, toast);
}

static void start_load (CoordenaWorkspace *self);

void
coordena_workspace_open (CoordenaWorkspace *self, const char *path)
{
  g_autofree char *default_path = NULL;

  g_return_if_fail (COORDENA_IS_WORKSPACE (self));

  if (path == NULL || *path == '\0')
    path = default_path = coordena_default_db_path ();
  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->store, coordena_store_close);
  g_clear_pointer (&self->reader, coordena_store_close);
  g_clear_pointer (&self->summary, coordena_summary_unref);
  g_free (self->path);
  self->path = g_strdup (path);
  self->reload_again = FALSE;
  self->loading = FALSE;
  start_load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

gboolean
coordena_workspace_is_open (CoordenaWorkspace *self)
{
  return self->store != NULL;
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
coordena_workspace_can_write (CoordenaWorkspace *self)
{
  return self->store == NULL || coordena_store_can_write (self->store);
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
  CoordenaStore *store;        /* in: the reader lent (NULL: open one); out: back to the workspace */
  gboolean first;              /* opening: the store becomes the window's connection */
  CoordenaSummary *summary;    /* out, NULL before the state is chosen */
  GPtrArray *items;            /* out: CoordenaTeamItem */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->store, coordena_store_close);
  g_clear_pointer (&data->summary, coordena_summary_unref);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_free (data);
}

/* The CPU time of the calling thread, for the debug line: on a loaded machine the wall time is
 * mostly waiting. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The roster read on a second connection while the first one checks the file. */
typedef struct {
  char *path;
  guint uf;
  CoordenaRoster *roster;
} EarlyRead;

static gpointer
early_read_thread (gpointer user_data)
{
  EarlyRead *early = user_data;
  g_autoptr(CoordenaStore) reader = coordena_store_open_unchecked_reader (early->path);

  if (reader != NULL && (early->uf = coordena_store_get_uf_code (reader)) != 0)
    early->roster = coordena_store_load_roster (reader, NULL);
  return early;
}

/* Waits for the early read; its roster, when it has one for the state of the checked store. */
static CoordenaRoster *
early_read_join (GThread *thread, CoordenaStore *checked)
{
  EarlyRead *early;
  CoordenaRoster *roster = NULL;

  if (thread == NULL)
    return NULL;
  early = g_thread_join (thread);
  if (checked != NULL && early->roster != NULL && early->uf == coordena_store_get_uf_code (checked))
    roster = g_steal_pointer (&early->roster);
  g_clear_pointer (&early->roster, coordena_roster_unref);
  g_free (early->path);
  g_free (early);
  return roster;
}

/* Everything slow happens here: opening (the integrity check), the roster, the rules, and the
 * list items with their search text, so the window only swaps the results in. Opening the file
 * for the first time checks it whole, which takes about as long as reading the roster: the roster
 * is read meanwhile on a connection of its own, and kept only once the check has passed. */
static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(CoordenaRoster) roster = NULL;
  CoordenaSummaryOptions options = { 0 };
  GError *error = NULL;
  gint64 t0 = g_get_monotonic_time (), t1, t2, t3;
  double cpu0 = thread_cpu_ms (), cpu1 = cpu0, cpu2 = cpu0;

  if (data->store == NULL)
    {
      CoordenaStoreOpenFlags flags = data->first ? COORDENA_STORE_OPEN_DEFAULT
                                                 : COORDENA_STORE_OPEN_MUST_EXIST | COORDENA_STORE_OPEN_NO_MIGRATE;

      GThread *early = NULL;

      if (data->first)
        {
          EarlyRead *read = g_new0 (EarlyRead, 1);

          read->path = g_strdup (data->path);
          early = g_thread_new ("coordena-early-read", early_read_thread, read);
        }
      data->store = coordena_store_open_full (data->path, flags, &error);
      roster = early_read_join (early, data->store);
      if (data->store == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  if (coordena_store_get_uf_code (data->store) == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  t1 = g_get_monotonic_time ();
  cpu1 = thread_cpu_ms ();
  if (roster == NULL && (roster = coordena_store_load_roster (data->store, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  t2 = g_get_monotonic_time ();
  cpu2 = thread_cpu_ms ();
  if ((data->summary = coordena_summary_new (roster, &options, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  t3 = g_get_monotonic_time ();
  data->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < coordena_summary_get_n_teams (data->summary); i++)
    {
      CoordenaTeamItem *item = coordena_team_item_new (data->summary, i);

      coordena_team_item_get_search_key (item);
      g_ptr_array_add (data->items, item);
    }
  g_debug ("load: open %.0f ms (CPU %.0f), roster %.0f ms (CPU %.0f), summary %.0f ms, items %.0f ms; CPU %.0f ms",
           (t1 - t0) / 1e3, cpu1 - cpu0, (t2 - t1) / 1e3, cpu2 - cpu1, (t3 - t2) / 1e3, (g_get_monotonic_time () - t3) / 1e3,
           thread_cpu_ms () - cpu0);
  g_task_return_boolean (task, !g_cancellable_is_cancelled (cancellable));
}

static void
load_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CoordenaWorkspace *self = COORDENA_WORKSPACE (source);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  g_clear_error (&self->error);
  /* The connection comes back: the first one is the window's, later ones the workers'. */
  if (data->first && self->store == NULL)
    self->store = g_steal_pointer (&data->store);
  else if (self->reader == NULL)
    self->reader = g_steal_pointer (&data->store);

  if (error != NULL)
    self->error = g_steal_pointer (&error);
  else if (data->summary != NULL)
    {
      g_clear_pointer (&self->summary, coordena_summary_unref);
      self->summary = g_steal_pointer (&data->summary);
      g_list_store_splice (self->teams, 0, g_list_model_get_n_items (G_LIST_MODEL (self->teams)),
                           data->items->pdata, data->items->len);
    }

  if (self->reload_again && self->store != NULL)
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
  data->first = self->store == NULL;
  data->store = g_steal_pointer (&self->reader);
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

  if (self->loading || self->store == NULL)
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
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_workspace_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaWorkspace *self = COORDENA_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
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
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (coordena_workspace_parent_class)->dispose (object);
}

static void
coordena_workspace_finalize (GObject *object)
{
  CoordenaWorkspace *self = COORDENA_WORKSPACE (object);

  g_clear_pointer (&self->store, coordena_store_close);
  g_clear_pointer (&self->reader, coordena_store_close);
  g_clear_error (&self->error);
  g_clear_pointer (&self->catalog, coordena_rule_catalog_free);
  g_clear_pointer (&self->offers, g_ptr_array_unref);
  g_free (self->path);
  G_OBJECT_CLASS (coordena_workspace_parent_class)->finalize (object);
}

static void
coordena_workspace_class_init (CoordenaWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = coordena_workspace_get_property;
  object_class->set_property = coordena_workspace_set_property;
  object_class->dispose = coordena_workspace_dispose;
  object_class->finalize = coordena_workspace_finalize;

  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The summary or the database's state changed: every page shows it again. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The rule sets were read again: whoever lists them lists them again. */
  signals[CATALOG_CHANGED] = g_signal_new ("catalog-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Something to tell the user briefly (an AdwToast): the window shows it. */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
}

static void
coordena_workspace_init (CoordenaWorkspace *self)
{
  self->teams = g_list_store_new (COORDENA_TYPE_TEAM_ITEM);
}
