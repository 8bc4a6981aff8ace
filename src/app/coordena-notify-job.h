/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Generating the letters to the municipalities, in a worker with its own connection: everything
 * it needs is copied in before it starts. */
typedef struct {
  char *db_path;
  char *folder;
  char *combined;               /* the PDF with every letter, or NULL */
  char *signer;
  char **municipios;            /* IBGE codes */
  GDate date;
  guint horizon;
} CoordenaNotifyJob;

/* Each letter done, reported on the main thread to the source object. */
typedef void (*CoordenaNotifyJobProgress) (GObject *source, guint done, guint total, const char *municipio);

void coordena_notify_job_free (CoordenaNotifyJob *job);

/* Takes the job and runs it; progress and callback get source (kept alive until done). */
void coordena_notify_job_run (CoordenaNotifyJob     *job,
                              GObject               *source,
                              GCancellable          *cancellable,
                              CoordenaNotifyJobProgress progress,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data);

/* The letters stored (CoordenaNotifyRecord*), or NULL with the reason; nothing is stored then. */
GPtrArray *coordena_notify_job_finish (GAsyncResult *result, GError **error);

/* "notificacoes-2026-12-06.pdf" in folder, or the first free "-2", "-3"… beside it. */
char *coordena_notify_combined_path (const char *folder, const GDate *date);

G_END_DECLS
