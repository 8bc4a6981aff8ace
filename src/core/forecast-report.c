/* forecast-report.c — the forecast as a CSV and as a PDF, from a summary. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/competencia.h>
#include <coordena/export.h>
#include <coordena/forecast-report.h>
#include <coordena/format.h>
#include <coordena/pdf.h>

#define MAX_PDF_TEAMS 300

static const char *
status_text (const CoordenaTeamSummary *ts)
{
  switch (ts->status)
    {
    case COORDENA_STATUS_SUSPENDED: return _("Suspended");
    case COORDENA_STATUS_AT_RISK: return _("At risk");
    case COORDENA_STATUS_REGULAR: return _("Regular");
    case COORDENA_STATUS_NOT_EVALUATED:
    default: return _("Not evaluated");
    }
}

static char *
money_or_empty (gint64 centavos)
{
  return centavos < 0 ? g_strdup ("") : coordena_format_money (centavos);
}

static char *
competencia_or_empty (CoordenaCompetencia c)
{
  return c != 0 ? coordena_competencia_format (c) : g_strdup ("");
}

/* RFC 4180: quote when the field holds the separator, a quote or a line break. */
static void
append_field (GString *out, const char *text, gboolean last)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ";\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ";");
}

static gboolean
listed (const CoordenaTeamSummary *ts)
{
  return ts->active && ts->status != COORDENA_STATUS_NOT_EVALUATED;
}

char *
coordena_forecast_report_csv (const CoordenaSummary *summary)
{
  GString *out = g_string_new (NULL);
  CoordenaRoster *roster = coordena_summary_get_roster (summary);
  static const char *header[] = {
    "municipio", "ibge", "ine", "cnes", "nome", "tipo", "situacao", "percentual_atual", "clausula",
    "proximo_passo", "percentual_proximo", "corrigir_ate", "perda_mensal_atual", "perda_horizonte", "revogacao_ine",
  };

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_field (out, header[i], i + 1 == G_N_ELEMENTS (header));

  for (guint row = 0; row < coordena_summary_get_n_teams (summary); row++)
    {
      const CoordenaTeamSummary *ts = coordena_summary_get_team (summary, row);
      const CoordenaRosterTeam *team = coordena_roster_get_team (roster, ts->team);
      g_autofree char *percent = NULL, *next = NULL, *next_percent = NULL, *fix_by = NULL;
      g_autofree char *loss = NULL, *loss_horizon = NULL, *revocation = NULL;

      if (!listed (ts))
        continue;
      percent = g_strdup_printf ("%d", ts->percent);
      next = competencia_or_empty (ts->next_step);
      next_percent = ts->next_step != 0 ? g_strdup_printf ("%d", ts->next_percent) : g_strdup ("");
      fix_by = competencia_or_empty (ts->fix_by);
      loss = money_or_empty (ts->loss_month);
      loss_horizon = money_or_empty (ts->loss_horizon);
      revocation = competencia_or_empty (ts->revocation);

      append_field (out, coordena_summary_team_municipio (summary, row), FALSE);
      append_field (out, team->ibge, FALSE);
      append_field (out, team->ine, FALSE);
      append_field (out, team->cnes, FALSE);
      append_field (out, team->name, FALSE);
      append_field (out, coordena_team_type_to_string (ts->type), FALSE);
      append_field (out, status_text (ts), FALSE);
      append_field (out, percent, FALSE);
      append_field (out, ts->clause, FALSE);
      append_field (out, next, FALSE);
      append_field (out, next_percent, FALSE);
      append_field (out, fix_by, FALSE);
      append_field (out, loss, FALSE);
      append_field (out, loss_horizon, FALSE);
      append_field (out, revocation, TRUE);
    }
  return g_string_free (out, FALSE);
}

gboolean
coordena_forecast_report_write_csv (const CoordenaSummary *summary, const char *path, GError **error)
{
  g_autofree char *csv = coordena_forecast_report_csv (summary);

  return coordena_write_file_private (path, csv, strlen (csv), error);
}

static int
compare_loss (gconstpointer a, gconstpointer b, gpointer data)
{
  const CoordenaSummary *summary = data;
  const CoordenaTeamSummary *x = coordena_summary_get_team (summary, GPOINTER_TO_UINT (*(gpointer const *) a));
  const CoordenaTeamSummary *y = coordena_summary_get_team (summary, GPOINTER_TO_UINT (*(gpointer const *) b));

  if (x->loss_horizon != y->loss_horizon)
    return x->loss_horizon > y->loss_horizon ? -1 : 1;
  return (int) x->team - (int) y->team;
}

static char *
format_money_value (gint64 value)
{
  return coordena_format_money (value);
}

GBytes *
coordena_forecast_report_pdf (const CoordenaSummary *summary, const CoordenaComparison *comparison, GError **error)
{
  g_autoptr(CoordenaPdfDoc) doc = coordena_pdf_doc_new ();
  CoordenaRoster *roster = coordena_summary_get_roster (summary);
  CoordenaCompetencia current = coordena_summary_get_current (summary), first;
  guint horizon = coordena_summary_get_horizon (summary);
  g_autofree char *now = coordena_competencia_format (current);
  g_autofree char *until = coordena_competencia_format (coordena_competencia_add (current, (int) horizon));
  g_autofree char *text = NULL;
  g_autofree char *loss_month = coordena_format_money (coordena_summary_get_loss_next_month (summary));
  g_autofree char *loss_12 = coordena_format_money (coordena_summary_get_loss_next_12 (summary));
  g_autoptr(GPtrArray) losing = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const gint64 *series;
  guint n_series;
  GDate date;
  CoordenaPdfStyle title = { .font = COORDENA_PDF_FONT_BOLD, .size = 16, .align = COORDENA_PDF_ALIGN_LEFT, .space_after = 6 };
  CoordenaPdfStyle heading = { .font = COORDENA_PDF_FONT_BOLD, .size = 12, .align = COORDENA_PDF_ALIGN_LEFT, .space_after = 4, .keep_with_next = TRUE };
  CoordenaPdfStyle body = { .size = 11, .align = COORDENA_PDF_ALIGN_LEFT, .space_after = 4 };
  CoordenaPdfStyle note = { .size = 9, .align = COORDENA_PDF_ALIGN_LEFT, .space_after = 4 };

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, (GDateMonth) (current % 100 ? current % 100 : 1), (GDateYear) (current / 100 ? current / 100 : 2000));
  coordena_pdf_doc_set_info (doc, _("Forecast of suspensions"), "Coordena", NULL, &date);
  coordena_pdf_doc_set_page_numbers (doc, 1);

  coordena_pdf_doc_add_paragraph (doc, &title, NULL, _("Forecast of suspensions of federal financing"));
  text = g_strdup_printf (_("Latest competência held: %s. Forecast until %s (%u competências), if nothing changes. Rules: %s."),
                          now, until, horizon,
                          coordena_summary_get_rules_title (summary) != NULL ? coordena_summary_get_rules_title (summary) : _("none in force"));
  coordena_pdf_doc_add_paragraph (doc, &body, NULL, text);
  g_free (text);
  text = g_strdup_printf (_("Teams evaluated: %u. Suspended now: %u. At risk: %u. Forecast loss next month: %s. In the next 12 competências: %s."),
                          coordena_summary_get_n_evaluated (summary), coordena_summary_get_n_suspended (summary),
                          coordena_summary_get_n_at_risk (summary), loss_month, loss_12);
  coordena_pdf_doc_add_paragraph (doc, &body, NULL, text);
  g_clear_pointer (&text, g_free);
  if (coordena_summary_has_unknown_bases (summary))
    coordena_pdf_doc_add_paragraph (doc, &note, NULL, _("Teams whose monthly base is unknown are left out of the amounts."));

  series = coordena_summary_get_series (summary, &first, &n_series);
  for (guint i = 0; i < n_series; i++)
    {
      CoordenaCompetencia c = coordena_competencia_add (first, (int) i);

      g_ptr_array_add (labels, g_strdup_printf ("%02u/%02u", c % 100, (c / 100) % 100));
    }
  if (n_series > 0)
    coordena_pdf_doc_add_bar_chart (doc, _("Monthly loss: competências held and forecast"), n_series,
                                    (const char *const *) labels->pdata, series, format_money_value, 160);

  if (comparison != NULL)
    {
      static const double widths[] = { 3, 1, 1, 2, 2 };
      static const CoordenaPdfAlign aligns[] = { COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_RIGHT, COORDENA_PDF_ALIGN_RIGHT,
                                                 COORDENA_PDF_ALIGN_RIGHT, COORDENA_PDF_ALIGN_RIGHT };
      const char *header[] = { _("Team"), "% A", "% B", _("Loss A"), _("Loss B") };
      g_autofree char *a = coordena_format_money (comparison->loss_a);
      g_autofree char *b = coordena_format_money (comparison->loss_b);

      coordena_pdf_doc_add_paragraph (doc, &heading, NULL, _("Two rule sets on the same roster"));
      text = g_strdup_printf (_("Over every competência held: rule set A takes %s, rule set B takes %s."), a, b);
      coordena_pdf_doc_add_paragraph (doc, &body, NULL, text);
      g_clear_pointer (&text, g_free);
      coordena_pdf_doc_begin_table (doc, 5, widths, aligns, header);
      for (guint i = 0; i < comparison->n_teams && i < MAX_PDF_TEAMS; i++)
        {
          const CoordenaComparisonTeam *t = &comparison->teams[i];
          g_autofree char *pa = g_strdup_printf ("%u %%", t->percent_a);
          g_autofree char *pb = g_strdup_printf ("%u %%", t->percent_b);
          g_autofree char *la = coordena_format_money (t->loss_a);
          g_autofree char *lb = coordena_format_money (t->loss_b);
          g_autofree char *name = g_strdup_printf ("%s %s", t->team->ine, t->team->name != NULL ? t->team->name : "");
          const char *cells[] = { name, pa, pb, la, lb };

          if (t->loss_a == 0 && t->loss_b == 0)
            continue;
          coordena_pdf_doc_add_row (doc, cells, FALSE);
        }
      coordena_pdf_doc_end_table (doc);
    }

  for (guint row = 0; row < coordena_summary_get_n_teams (summary); row++)
    {
      const CoordenaTeamSummary *ts = coordena_summary_get_team (summary, row);

      if (listed (ts) && (ts->loss_horizon != 0 || ts->next_step != 0 || ts->percent > 0))
        g_ptr_array_add (losing, GUINT_TO_POINTER (row));
    }
  g_ptr_array_sort_with_data (losing, compare_loss, (gpointer) summary);

  coordena_pdf_doc_add_paragraph (doc, &heading, NULL, _("Teams with a suspension now or ahead"));
  if (losing->len == 0)
    coordena_pdf_doc_add_paragraph (doc, &body, NULL, _("No team loses money in the horizon if nothing changes."));
  else
    {
      static const double widths[] = { 3, 3, 1.3, 1.6, 1.3, 2.2 };
      static const CoordenaPdfAlign aligns[] = { COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_RIGHT,
                                                 COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_RIGHT };
      const char *header[] = { _("Municipality"), _("Team"), _("Today"), _("Next step"), _("Fix by"), _("Loss") };

      coordena_pdf_doc_begin_table (doc, 6, widths, aligns, header);
      for (guint i = 0; i < losing->len && i < MAX_PDF_TEAMS; i++)
        {
          guint row = GPOINTER_TO_UINT (g_ptr_array_index (losing, i));
          const CoordenaTeamSummary *ts = coordena_summary_get_team (summary, row);
          const CoordenaRosterTeam *team = coordena_roster_get_team (roster, ts->team);
          g_autofree char *name = g_strdup_printf ("%s %s", team->ine, team->name != NULL ? team->name : "");
          g_autofree char *today = g_strdup_printf ("%d %%", ts->percent);
          g_autofree char *next_when = competencia_or_empty (ts->next_step);
          g_autofree char *next_cell = ts->next_step != 0 ? g_strdup_printf ("%d %% (%s)", ts->next_percent, next_when) : g_strdup ("—");
          g_autofree char *fix_by = ts->fix_by != 0 ? coordena_competencia_format (ts->fix_by) : g_strdup ("—");
          g_autofree char *loss = ts->loss_horizon >= 0 ? coordena_format_money (ts->loss_horizon) : g_strdup ("—");
          const char *cells[] = { coordena_summary_team_municipio (summary, row), name, today, next_cell, fix_by, loss };

          coordena_pdf_doc_add_row (doc, cells, FALSE);
        }
      coordena_pdf_doc_end_table (doc);
      if (losing->len > MAX_PDF_TEAMS)
        {
          text = g_strdup_printf (_("The %u teams losing most are listed; the CSV export holds all %u."), MAX_PDF_TEAMS, losing->len);
          coordena_pdf_doc_add_paragraph (doc, &note, NULL, text);
          g_clear_pointer (&text, g_free);
        }
    }

  return coordena_pdf_doc_render (doc, NULL, error);
}

gboolean
coordena_forecast_report_write_pdf (const CoordenaSummary *summary, const CoordenaComparison *comparison,
                                    const char *path, GError **error)
{
  g_autoptr(GBytes) pdf = coordena_forecast_report_pdf (summary, comparison, error);
  gsize size;
  const char *data;

  if (pdf == NULL)
    return FALSE;
  data = g_bytes_get_data (pdf, &size);
  return coordena_write_file_private (path, data, size, error);
}
