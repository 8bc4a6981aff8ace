/* SPDX-License-Identifier: GPL-3.0-or-later */
/* forecast-report.h — the forecast as files: a CSV for spreadsheets and a PDF report. */
#pragma once

#include <glib.h>

#include <coordena/rules.h>
#include <coordena/summary.h>

G_BEGIN_DECLS

/* The forecast sheet, the same from the window and from `forecast -o`: one row per team the
 * forecast covers (those without registration included) with its status, what it lacks, the
 * clause and its act, how sure it is, the provimento, now and next step, "corrigir até", the
 * losses and the revocation; in the people's CSV format of csv-writer.h. */
char *coordena_forecast_report_csv (const CoordenaSummary *summary);
gboolean coordena_forecast_report_write_csv (const CoordenaSummary *summary, const char *path, GError **error);

/* The comparison of two rule sets as a sheet for people (csv-writer.h), columns named by the
 * sets' titles, with a total row. */
char *coordena_comparison_csv (const CoordenaComparison *comparison);
gboolean coordena_comparison_write_csv (const CoordenaComparison *comparison, const char *path, GError **error);

/* Who the report is about, for its first lines. Every field may be NULL / FALSE. */
typedef struct {
  const char *uf;           /* the state's sigla, "CE" */
  const char *secretaria;   /* the secretariat's name, from the profile */
  gboolean demo;            /* the roster is generated demonstration data: said on every page */
} CoordenaForecastReportInfo;

/* The forecast report: what was computed (latest competência, the competências forecast, the
 * scenario's changes, the rule sets by title), the totals counted as the CLI's forecast counts
 * them, the monthly loss chart (recorded and forecast bars told apart by a legend), when a
 * comparison is given the two rule sets side by side by name, and per municipality the teams to
 * act on: what each lacks, the clause and its act, now and next step in percent and money,
 * "corrigir até", the loss and the INE revocation; amounts resting on [S]/[U] values marked. */
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
