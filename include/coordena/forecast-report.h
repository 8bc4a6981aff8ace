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

/* The forecast report: the figures, the monthly loss chart, the teams losing money and, when a
 * comparison is given, the two rule sets side by side. */
GBytes *coordena_forecast_report_pdf (const CoordenaSummary    *summary,
                                      const CoordenaComparison *comparison,
                                      GError                  **error);
gboolean coordena_forecast_report_write_pdf (const CoordenaSummary    *summary,
                                             const CoordenaComparison *comparison,
                                             const char               *path,
                                             GError                  **error);

G_END_DECLS
