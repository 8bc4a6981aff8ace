/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <coordena/coordena.h>

#include "coordena-forecast-job.h"

void
coordena_forecast_job_free (CoordenaForecastJob *job)
{
  g_clear_pointer (&job->roster, coordena_roster_unref);
  g_clear_pointer (&job->summary, coordena_summary_unref);
  g_clear_pointer (&job->comparison, coordena_comparison_free);
  g_clear_pointer (&job->changes, g_array_unref);
  g_free (job->rules);
  g_free (job->compare);
  g_free (job->compare_a);
  g_free (job);
}

static void
compute_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  CoordenaForecastJob *job = task_data;
  g_autoptr(CoordenaScenario) scenario = coordena_scenario_new ();
  CoordenaSummaryOptions options = { .ruleset_id = job->rules, .horizon = job->horizon, .scenario = scenario };
  GError *error = NULL;

  for (guint i = 0; i < job->changes->len; i++)
    {
      const CoordenaScenarioChange *c = &g_array_index (job->changes, CoordenaScenarioChange, i);

      coordena_scenario_add (scenario, c->kind, c->ine, c->category, c->from);
    }
  if ((job->summary = coordena_summary_new (job->roster, &options, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The sets compared come from the catalogue the summary was computed with, which the job owns:
   * the worker reads nothing the page or the workspace may change meanwhile. */
  if (job->compare != NULL)
    {
      const CoordenaRuleCatalog *catalog = coordena_summary_get_catalog (job->summary);
      const char *id_a = job->rules != NULL ? job->rules : coordena_summary_get_rules_id (job->summary);
      const CoordenaRuleSet *a = id_a != NULL ? coordena_rule_catalog_find (catalog, id_a) : NULL;
      const CoordenaRuleSet *b = coordena_rule_catalog_find (catalog, job->compare);

      if (a != NULL && b != NULL)
        {
          job->comparison = coordena_compare (job->roster, a, b);
          job->compare_a = g_strdup (a->id);
        }
    }
  g_task_return_boolean (task, TRUE);
}

void
coordena_forecast_job_run (CoordenaForecastJob *job, gpointer source_object, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);

  g_task_set_source_tag (task, coordena_forecast_job_run);
  g_task_set_task_data (task, job, (GDestroyNotify) coordena_forecast_job_free);
  g_task_run_in_thread (task, compute_thread);
}

CoordenaForecastJob *
coordena_forecast_job_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_task_get_task_data (G_TASK (result));
}
