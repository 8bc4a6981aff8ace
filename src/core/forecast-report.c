/* SPDX-License-Identifier: GPL-3.0-or-later */
/* forecast-report.c — the forecast as a CSV and as a PDF, from a summary. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/competencia.h>
#include <coordena/csv-writer.h>
#include <coordena/export.h>
#include <coordena/forecast-report.h>
#include <coordena/format.h>
#include <coordena/oficio.h>
#include <coordena/pdf.h>
#include <coordena/reference.h>

#define MAX_PDF_TEAMS 600

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
competencia_or_empty (CoordenaCompetencia c)
{
  return c != 0 ? coordena_competencia_format (c) : g_strdup ("");
}

/* Through the product's one CSV writer: quoted when needed, formulas made inert. */
static void
append_field (GString *out, const char *text, gboolean last)
{
  coordena_csv_append_cell (out, text, ';', last ? 0 : ';');
  if (last)
    g_string_append (out, "\r\n");
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
      loss = coordena_format_money_or_empty (ts->loss_month);
      loss_horizon = coordena_format_money_or_empty (ts->loss_horizon);
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

static char *
format_money_value (gint64 value)
{
  return coordena_format_money (value);
}

/* "Suspensa 75 %", "Em risco", "Regular". */
static char *
status_cell (const CoordenaTeamSummary *ts)
{
  if (ts->status == COORDENA_STATUS_SUSPENDED)
    return g_strdup_printf ("%s %d %%", status_text (ts), ts->percent);
  return g_strdup (status_text (ts));
}

typedef struct {
  const char *nome;
  gint64 loss;      /* over the horizon, known bases only */
  GArray *rows;     /* guint: summary rows of its teams with a suspension now or ahead */
} MunicipioGroup;

static void
municipio_group_clear (gpointer data)
{
  MunicipioGroup *g = data;
  g_array_unref (g->rows);
}

static int
compare_group (gconstpointer a, gconstpointer b)
{
  const MunicipioGroup *x = a, *y = b;

  if (x->loss != y->loss)
    return x->loss > y->loss ? -1 : 1;
  return g_utf8_collate (x->nome, y->nome);
}

static gint64
known (gint64 centavos)
{
  return centavos > 0 ? centavos : 0;
}

static int
compare_row_loss (gconstpointer a, gconstpointer b, gpointer data)
{
  const CoordenaSummary *summary = data;
  const CoordenaTeamSummary *x = coordena_summary_get_team (summary, *(const guint *) a);
  const CoordenaTeamSummary *y = coordena_summary_get_team (summary, *(const guint *) b);

  if (known (x->loss_horizon) != known (y->loss_horizon))
    return known (x->loss_horizon) > known (y->loss_horizon) ? -1 : 1;
  return (int) x->team - (int) y->team;
}

/* The teams with a suspension now or ahead, grouped by municipality, heaviest loss first. */
static GArray *
group_by_municipio (const CoordenaSummary *summary, guint *n_listed)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *groups = g_array_new (FALSE, TRUE, sizeof (MunicipioGroup));

  g_array_set_clear_func (groups, municipio_group_clear);
  *n_listed = 0;
  for (guint row = 0; row < coordena_summary_get_n_teams (summary); row++)
    {
      const CoordenaTeamSummary *ts = coordena_summary_get_team (summary, row);
      const char *nome = coordena_summary_team_municipio (summary, row);
      gpointer found;
      MunicipioGroup *g;

      if (!listed (ts) || (ts->percent == 0 && ts->next_step == 0 && known (ts->loss_horizon) == 0))
        continue;
      if (nome == NULL)
        nome = "—";
      if (!g_hash_table_lookup_extended (index, nome, NULL, &found))
        {
          MunicipioGroup fresh = { .nome = nome, .rows = g_array_new (FALSE, FALSE, sizeof (guint)) };
          g_array_append_val (groups, fresh);
          found = GUINT_TO_POINTER (groups->len);
          g_hash_table_insert (index, (gpointer) nome, found);
        }
      g = &g_array_index (groups, MunicipioGroup, GPOINTER_TO_UINT (found) - 1);
      g_array_append_val (g->rows, row);
      g->loss += known (ts->loss_horizon);
      (*n_listed)++;
    }
  /* The index points into the array by position: sort only after it is no longer needed. */
  g_array_sort (groups, compare_group);
  for (guint i = 0; i < groups->len; i++)
    {
      MunicipioGroup *g = &g_array_index (groups, MunicipioGroup, i);
      g_array_sort_with_data (g->rows, compare_row_loss, (gpointer) summary);
    }
  return groups;
}

GBytes *
coordena_forecast_report_pdf_full (const CoordenaSummary            *summary,
                                   const CoordenaComparison         *comparison,
                                   const CoordenaForecastReportInfo *info,
                                   GError                          **error)
{
  static const CoordenaForecastReportInfo no_info = { 0 };
  g_autoptr(CoordenaPdfDoc) doc = coordena_pdf_doc_new ();
  CoordenaRoster *roster = coordena_summary_get_roster (summary);
  CoordenaCompetencia current = coordena_summary_get_current (summary), first;
  guint horizon = coordena_summary_get_horizon (summary), n_listed = 0, printed = 0;
  g_autofree char *now = coordena_competencia_format (current);
  g_autofree char *until = coordena_competencia_format (coordena_competencia_add (current, (int) horizon));
  g_autofree char *text = NULL;
  g_autofree char *loss_month = coordena_format_money (coordena_summary_get_loss_next_month (summary));
  g_autofree char *loss_12 = coordena_format_money (coordena_summary_get_loss_next_12 (summary));
  g_autofree char *n_eval = g_strdup_printf ("%u", coordena_summary_get_n_evaluated (summary));
  g_autofree char *n_susp = g_strdup_printf ("%u", coordena_summary_get_n_suspended (summary));
  g_autofree char *n_risk = g_strdup_printf ("%u", coordena_summary_get_n_at_risk (summary));
  g_autofree char *period = NULL;
  g_autofree char *demo_line = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) groups = NULL;
  const char *rules_title = coordena_summary_get_rules_title (summary);
  g_autofree char *government = NULL;
  const CoordenaReference *reference;
  const CoordenaUf *state = NULL;
  const gint64 *series;
  guint n_series;
  GDate date;
  CoordenaPdfStyle header = { .font = COORDENA_PDF_FONT_BOLD, .size = 12, .align = COORDENA_PDF_ALIGN_CENTER, .space_after = 0 };
  CoordenaPdfStyle title = { .font = COORDENA_PDF_FONT_BOLD, .size = 16, .align = COORDENA_PDF_ALIGN_LEFT, .space_after = 8 };
  CoordenaPdfStyle heading = { .font = COORDENA_PDF_FONT_BOLD, .size = 12, .align = COORDENA_PDF_ALIGN_LEFT, .space_after = 4, .keep_with_next = TRUE };
  CoordenaPdfStyle body = { .size = 11, .align = COORDENA_PDF_ALIGN_LEFT, .space_after = 4 };
  CoordenaPdfStyle warning = { .font = COORDENA_PDF_FONT_BOLD, .size = 11, .align = COORDENA_PDF_ALIGN_LEFT, .space_after = 6 };
  CoordenaPdfStyle note = { .size = 9, .align = COORDENA_PDF_ALIGN_LEFT, .space_after = 4 };

  if (info == NULL)
    info = &no_info;
  government = coordena_oficio_government_line (info->uf);
  if (info->uf != NULL && (reference = coordena_reference_get (NULL)) != NULL)
    state = coordena_reference_find_uf_by_sigla (reference, info->uf);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, (GDateMonth) (current % 100 ? current % 100 : 1), (GDateYear) (current / 100 ? current / 100 : 2000));
  coordena_pdf_doc_set_info (doc, _("Forecast of suspensions"), info->secretaria != NULL ? info->secretaria : "Coordena", NULL, &date);
  coordena_pdf_doc_set_page_numbers (doc, 1);
  if (info->demo)
    {
      const char *footer[] = { _("DEMONSTRATION DATA — generated teams, not the state’s real roster"), NULL };
      coordena_pdf_doc_set_footer (doc, footer);
    }

  /* Who and what: the letterhead of the ofício, then the title. */
  if (government != NULL)
    coordena_pdf_doc_add_paragraph (doc, &header, NULL, government);
  if (info->secretaria != NULL)
    {
      g_autofree char *upper = g_utf8_strup (info->secretaria, -1);
      coordena_pdf_doc_add_paragraph (doc, &header, NULL, upper);
    }
  if (government != NULL || info->secretaria != NULL)
    coordena_pdf_doc_add_space (doc, 18, TRUE);
  coordena_pdf_doc_add_paragraph (doc, &title, NULL, _("Forecast of suspensions of federal financing"));
  if (info->demo)
    coordena_pdf_doc_add_paragraph (doc, &warning, NULL,
                                    _("Demonstration data: these teams were generated to show how Coordena works. They are not the state’s real roster."));

  /* The summary, as a two-column table a reader scans. */
  {
    static const double widths[] = { 3, 4 };
    static const CoordenaPdfAlign aligns[] = { COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_RIGHT };
    const char *head[] = { _("Summary"), "" };

    period = g_strdup_printf (_("%s to %s (%u competências)"), now, until, horizon);
    coordena_pdf_doc_begin_table (doc, 2, widths, aligns, head);
#define SUMMARY_ROW(label, value) do { const char *cells[] = { label, value }; coordena_pdf_doc_add_row (doc, cells, FALSE); } while (0)
    if (state != NULL)
      SUMMARY_ROW (_("State"), state->nome);
    SUMMARY_ROW (_("Latest competência held"), now);
    SUMMARY_ROW (_("Forecast, if nothing changes"), period);
    SUMMARY_ROW (_("Rule sets"), rules_title != NULL ? rules_title : _("the set in force in each competência"));
    SUMMARY_ROW (_("Teams evaluated"), n_eval);
    SUMMARY_ROW (_("Suspended now"), n_susp);
    SUMMARY_ROW (_("At risk"), n_risk);
    SUMMARY_ROW (_("Forecast loss next month"), loss_month);
    SUMMARY_ROW (_("Forecast loss in the next 12 competências"), loss_12);
#undef SUMMARY_ROW
    coordena_pdf_doc_end_table (doc);
  }
  if (coordena_summary_has_unknown_bases (summary))
    coordena_pdf_doc_add_paragraph (doc, &note, NULL, _("Teams whose monthly base is unknown are left out of the amounts."));

  series = coordena_summary_get_series (summary, &first, &n_series);
  for (guint i = 0; i < n_series; i++)
    {
      CoordenaCompetencia c = coordena_competencia_add (first, (int) i);

      g_ptr_array_add (labels, g_strdup_printf ("%02u/%02u", c % 100, (c / 100) % 100));
    }
  if (n_series > 0)
    {
      coordena_pdf_doc_add_space (doc, 8, TRUE);
      coordena_pdf_doc_add_bar_chart (doc, _("Monthly loss: competências held and forecast"), n_series,
                                      (const char *const *) labels->pdata, series, format_money_value, 160);
    }

  if (comparison != NULL)
    {
      static const double widths[] = { 3, 1, 1, 2, 2 };
      static const CoordenaPdfAlign aligns[] = { COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_RIGHT, COORDENA_PDF_ALIGN_RIGHT,
                                                 COORDENA_PDF_ALIGN_RIGHT, COORDENA_PDF_ALIGN_RIGHT };
      const char *head[] = { _("Team"), "% A", "% B", _("Loss A"), _("Loss B") };
      g_autofree char *a = coordena_format_money (comparison->loss_a);
      g_autofree char *b = coordena_format_money (comparison->loss_b);

      coordena_pdf_doc_add_paragraph (doc, &heading, NULL, _("Two rule sets on the same roster"));
      text = g_strdup_printf (_("Over every competência held: rule set A takes %s, rule set B takes %s."), a, b);
      coordena_pdf_doc_add_paragraph (doc, &body, NULL, text);
      g_clear_pointer (&text, g_free);
      coordena_pdf_doc_begin_table (doc, 5, widths, aligns, head);
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

  /* Per municipality, the teams with a suspension now or ahead. */
  groups = group_by_municipio (summary, &n_listed);
  coordena_pdf_doc_add_page_break (doc);
  coordena_pdf_doc_add_paragraph (doc, &heading, NULL, _("Teams with a suspension now or ahead, by municipality"));
  if (groups->len == 0)
    coordena_pdf_doc_add_paragraph (doc, &body, NULL, _("No team loses money in the horizon if nothing changes."));
  else
    {
      static const double widths[] = { 3.1, 2.1, 1.9, 1.2, 1.8, 2.0 };
      static const CoordenaPdfAlign aligns[] = { COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_LEFT,
                                                 COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_RIGHT, COORDENA_PDF_ALIGN_RIGHT };
      const char *head[] = { _("Team"), _("Status"), _("Next step"), _("Fix by"), _("Loss per month"), _("Loss in total") };

      text = g_strdup_printf (_("Municipalities with the largest forecast loss first. The monthly loss is today’s; the total adds the %u competências to %s."),
                              horizon, until);
      coordena_pdf_doc_add_paragraph (doc, &note, NULL, text);
      g_clear_pointer (&text, g_free);
      coordena_pdf_doc_begin_table (doc, 6, widths, aligns, head);
      for (guint gi = 0; gi < groups->len && printed < MAX_PDF_TEAMS; gi++)
        {
          const MunicipioGroup *g = &g_array_index (groups, MunicipioGroup, gi);
          g_autofree char *total = coordena_format_money (g->loss);
          g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u team", "%u teams", g->rows->len), g->rows->len);
          const char *group_cells[] = { g->nome, count, "", "", "", total };

          coordena_pdf_doc_add_row (doc, group_cells, TRUE);
          for (guint i = 0; i < g->rows->len && printed < MAX_PDF_TEAMS; i++, printed++)
            {
              guint row = g_array_index (g->rows, guint, i);
              const CoordenaTeamSummary *ts = coordena_summary_get_team (summary, row);
              const CoordenaRosterTeam *team = coordena_roster_get_team (roster, ts->team);
              g_autofree char *name = g_strdup_printf ("%s %s", team->ine, team->name != NULL ? team->name : "");
              g_autofree char *status = status_cell (ts);
              g_autofree char *next_when = competencia_or_empty (ts->next_step);
              g_autofree char *next_cell = ts->next_step != 0 ? g_strdup_printf ("%d %% %s %s", ts->next_percent, _("from"), next_when) : g_strdup ("—");
              g_autofree char *fix_by = ts->fix_by != 0 ? coordena_competencia_format (ts->fix_by) : g_strdup ("—");
              g_autofree char *month = ts->loss_month >= 0 ? coordena_format_money (ts->loss_month) : g_strdup ("—");
              g_autofree char *loss = ts->loss_horizon >= 0 ? coordena_format_money (ts->loss_horizon) : g_strdup ("—");
              const char *cells[] = { name, status, next_cell, fix_by, month, loss };

              coordena_pdf_doc_add_row (doc, cells, FALSE);
            }
        }
      coordena_pdf_doc_end_table (doc);
      if (n_listed > printed)
        {
          text = g_strdup_printf (_("The %u teams losing most are listed; the CSV export holds all %u."), printed, n_listed);
          coordena_pdf_doc_add_paragraph (doc, &note, NULL, text);
          g_clear_pointer (&text, g_free);
        }
    }

  return coordena_pdf_doc_render (doc, NULL, error);
}

GBytes *
coordena_forecast_report_pdf (const CoordenaSummary *summary, const CoordenaComparison *comparison, GError **error)
{
  return coordena_forecast_report_pdf_full (summary, comparison, NULL, error);
}

gboolean
coordena_forecast_report_write_pdf_full (const CoordenaSummary            *summary,
                                         const CoordenaComparison         *comparison,
                                         const CoordenaForecastReportInfo *info,
                                         const char                       *path,
                                         GError                          **error)
{
  g_autoptr(GBytes) pdf = coordena_forecast_report_pdf_full (summary, comparison, info, error);
  gsize size;
  const char *data;

  if (pdf == NULL)
    return FALSE;
  data = g_bytes_get_data (pdf, &size);
  return coordena_write_file_private (path, data, size, error);
}

gboolean
coordena_forecast_report_write_pdf (const CoordenaSummary *summary, const CoordenaComparison *comparison,
                                    const char *path, GError **error)
{
  return coordena_forecast_report_write_pdf_full (summary, comparison, NULL, path, error);
}
