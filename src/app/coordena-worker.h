/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include <coordena/store.h>

G_BEGIN_DECLS

/* One job on the database in a worker thread. The store is the worker's own connection, opened
 * for this job and closed after it: SQLite connections are not shared between threads. The job
 * reads and writes only its own data, copied before the start (never the widget that started
 * it). TRUE on success; otherwise FALSE with error set. */
typedef gboolean (*CoordenaWorkerFunc) (CoordenaStore *store,
                                        gpointer       job,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* Opens db_path with flags in a worker thread, runs func on it with job, closes it, and calls
 * callback on the main thread with source_object (kept alive until then). job_free frees job
 * when the task goes. */
void coordena_worker_run (gpointer               source_object,
                          const char            *db_path,
                          CoordenaStoreOpenFlags flags,
                          CoordenaWorkerFunc     func,
                          gpointer               job,
                          GDestroyNotify         job_free,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data);

/* TRUE when the job succeeded; otherwise FALSE with the reason (opening or the job's) in error. */
gboolean coordena_worker_finish (GAsyncResult *result, GError **error);

/* The job given to coordena_worker_run, with whatever the worker left in it. */
gpointer coordena_worker_get_job (GAsyncResult *result);

G_END_DECLS
