/* SPDX-License-Identifier: GPL-3.0-or-later */
/* forecast-report.h — the forecast as files: a CSV for spreadsheets and a PDF report. */
#pragma once

#include <glib.h>

#include <coordena/rules.h>
#include <coordena/summary.h>

G_BEGIN_DECLS

/* One row per evaluated team present in the latest competência: municipality, INE, name, type,
 * state, next step, fix-by, losses and revocation; pt-BR (';', money as "R$ 1.234,56"). */
char *coordena_forecast_report_csv (const CoordenaSummary *summary);
gboolean coordena_forecast_report_write_csv (const CoordenaSummary *summary, const char *path, GError **error);

/* Who the report is about, for its first lines. Every field may be NULL / FALSE. */
typedef struct {
  const char *uf;           /* the state's sigla, "CE" */
  const char *secretaria;   /* the secretariat's name, from the profile */
  gboolean demo;            /* the roster is generated demonstration data: said on every page */
} CoordenaForecastReportInfo;

/* The forecast report: a summary (state, competência, rule sets, totals), the monthly loss
 * chart, when a comparison is given the two rule sets side by side, and a table per municipality
 * of the teams with a suspension now or ahead (status, next step, monthly and total loss). */
GBytes *coordena_forecast_report_pdf_full (const CoordenaSummary            *summary,
                                           const CoordenaComparison         *comparison,
                                           const CoordenaForecastReportInfo *info,
                                           GError                          **error);
gboolean coordena_forecast_report_write_pdf_full (const CoordenaSummary            *summary,
                                                  const CoordenaComparison         *comparison,
                                                  const CoordenaForecastReportInfo *info,
                                                  const char                       *path,
                                                  GError                          **error);

/* The same without an info block. */
GBytes *coordena_forecast_report_pdf (const CoordenaSummary    *summary,
                                      const CoordenaComparison *comparison,
                                      GError                  **error);
gboolean coordena_forecast_report_write_pdf (const CoordenaSummary    *summary,
                                             const CoordenaComparison *comparison,
                                             const char               *path,
                                             GError                  **error);

G_END_DECLS
