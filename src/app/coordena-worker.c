/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "coordena-worker.h"

typedef struct {
  char *db_path;
  CoordenaStoreOpenFlags flags;
  CoordenaWorkerFunc func;
  gpointer job;
  GDestroyNotify job_free;
} WorkerData;

static void
worker_data_free (WorkerData *data)
{
  g_free (data->db_path);
  if (data->job_free != NULL && data->job != NULL)
    data->job_free (data->job);
  g_free (data);
}

static void
worker_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  WorkerData *data = task_data;
  g_autoptr(CoordenaStore) store = NULL;
  GError *error = NULL;

  if ((store = coordena_store_open_full (data->db_path, data->flags, &error)) == NULL
      || !data->func (store, data->job, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
coordena_worker_run (gpointer source_object, const char *db_path, CoordenaStoreOpenFlags flags, CoordenaWorkerFunc func,
                     gpointer job, GDestroyNotify job_free, GCancellable *cancellable, GAsyncReadyCallback callback,
                     gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  WorkerData *data;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (func != NULL);

  data = g_new0 (WorkerData, 1);
  data->db_path = g_strdup (db_path);
  data->flags = flags;
  data->func = func;
  data->job = job;
  data->job_free = job_free;
  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, coordena_worker_run);
  g_task_set_task_data (task, data, (GDestroyNotify) worker_data_free);
  g_task_run_in_thread (task, worker_thread);
}

gboolean
coordena_worker_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == coordena_worker_run, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gpointer
coordena_worker_get_job (GAsyncResult *result)
{
  WorkerData *data;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == coordena_worker_run, NULL);

  data = g_task_get_task_data (G_TASK (result));
  return data->job;
}
