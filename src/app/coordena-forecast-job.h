/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include <coordena/rules.h>
#include <coordena/summary.h>

G_BEGIN_DECLS

/* One computation of the forecast page, run in a worker: everything it reads is copied in
 * before it starts, nothing of the page or the workspace. */
typedef struct {
  CoordenaRoster *roster;
  char *rules;                  /* the set for every competência, or NULL for those in force */
  char *compare;                /* the second set, or NULL */
  guint horizon;
  GArray *changes;              /* CoordenaScenarioChange */
  CoordenaSummary *summary;     /* out */
  CoordenaComparison *comparison;
  char *compare_a;              /* the first set actually compared */
} CoordenaForecastJob;

void coordena_forecast_job_free (CoordenaForecastJob *job);

/* Takes the job and runs it in a worker; callback gets source_object as its source. */
void coordena_forecast_job_run (CoordenaForecastJob  *job,
                                gpointer              source_object,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data);

/* The job done (owned by result), or NULL with the reason. */
CoordenaForecastJob *coordena_forecast_job_finish (GAsyncResult *result, GError **error);

G_END_DECLS
