/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <coordena/notification.h>
#include <coordena/store.h>

#include "coordena-notify-job.h"

typedef struct {
  CoordenaNotifyJob *job;
  GObject *source;
  CoordenaNotifyJobProgress progress;
} Running;

static void
running_free (gpointer data)
{
  Running *running = data;

  coordena_notify_job_free (running->job);
  g_object_unref (running->source);
  g_free (running);
}

void
coordena_notify_job_free (CoordenaNotifyJob *job)
{
  g_free (job->db_path);
  g_free (job->folder);
  g_free (job->combined);
  g_free (job->signer);
  g_strfreev (job->municipios);
  g_free (job);
}

typedef struct {
  GObject *source;
  CoordenaNotifyJobProgress progress;
  guint done, total;
  char *municipio;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *p = data;

  p->progress (p->source, p->done, p->total, p->municipio);
  g_object_unref (p->source);
  g_free (p->municipio);
  g_free (p);
  return G_SOURCE_REMOVE;
}

static void
on_progress (guint done, guint total, const char *municipio, gpointer user_data)
{
  Running *running = user_data;
  Progress *p = g_new0 (Progress, 1);

  p->source = g_object_ref (running->source);
  p->progress = running->progress;
  p->done = done;
  p->total = total;
  p->municipio = g_strdup (municipio);
  g_main_context_invoke (NULL, show_progress, p);
}

static void
generate_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Running *running = task_data;
  CoordenaNotifyJob *job = running->job;
  g_autoptr(CoordenaStore) store = NULL;
  CoordenaNotifyRequest request = { 0 };
  GPtrArray *records;
  GError *error = NULL;

  store = coordena_store_open_full (job->db_path, COORDENA_STORE_OPEN_MUST_EXIST | COORDENA_STORE_OPEN_NO_MIGRATE, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  request.signer = job->signer;
  request.date = job->date;
  request.horizon = job->horizon;
  request.municipios = (const char *const *) job->municipios;
  if (job->combined != NULL && !coordena_store_check_output_path (store, job->combined, &error))
    records = NULL;
  else
    records = coordena_notification_generate (store, &request, job->folder, job->combined, on_progress, running,
                                              cancellable, &error);
  if (records == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, records, (GDestroyNotify) g_ptr_array_unref);
}

void
coordena_notify_job_run (CoordenaNotifyJob *job, GObject *source, GCancellable *cancellable,
                         CoordenaNotifyJobProgress progress, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);
  Running *running = g_new0 (Running, 1);

  running->job = job;
  running->source = g_object_ref (source);
  running->progress = progress;
  g_task_set_source_tag (task, coordena_notify_job_run);
  g_task_set_task_data (task, running, running_free);
  g_task_run_in_thread (task, generate_thread);
}

GPtrArray *
coordena_notify_job_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Never over a file: the next free name beside it. */
char *
coordena_notify_combined_path (const char *folder, const GDate *date)
{
  for (guint k = 1;; k++)
    {
      g_autofree char *name = k == 1 ? g_strdup_printf ("notificacoes-%04u-%02u-%02u.pdf", g_date_get_year (date),
                                                        g_date_get_month (date), g_date_get_day (date))
                                     : g_strdup_printf ("notificacoes-%04u-%02u-%02u-%u.pdf", g_date_get_year (date),
                                                        g_date_get_month (date), g_date_get_day (date), k);
      char *path = g_build_filename (folder, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}
