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
#include <coordena/ruleset.h>

#define MAX_PDF_TEAMS 600

static char *
competencia_or_empty (CoordenaCompetencia c)
{
  return c != 0 ? coordena_competencia_format (c) : g_strdup ("");
}

static char *
competencia_or_dash (CoordenaCompetencia c)
{
  return c != 0 ? coordena_competencia_format (c) : g_strdup ("—");
}

static char *
csv_money_or_empty (gint64 centavos)
{
  return centavos < 0 ? g_strdup ("") : coordena_csv_money (centavos);
}

/* "Enfermeiro (desde 10/2026)", one per absent category. */
static char *
missing_since_text (const CoordenaForecastTeam *ft)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
    if (ft->now.absent & COORDENA_CATEGORY_BIT (c))
      {
        if (out->len > 0)
          g_string_append (out, ", ");
        g_string_append (out, coordena_category_name ((CoordenaCategory) c));
        if (ft->absent_since[c] != 0)
          {
            g_autofree char *since = coordena_competencia_format (ft->absent_since[c]);
            /* TRANSLATORS: since when a category is absent, "(desde 10/2026)" */
            g_string_append_printf (out, _(" (since %s)"), since);
          }
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The clause's basis, or what a team without registration rests on. */
static const char *
clause_basis (const CoordenaMonthResult *r)
{
  if (r->clause != NULL && r->clause->basis != NULL && r->clause->basis[0] != '\0')
    return r->clause->basis;
  return r->rules != NULL ? r->rules->act : "";
}

char *
coordena_forecast_report_csv (const CoordenaSummary *summary)
{
  CoordenaRoster *roster = coordena_summary_get_roster (summary);
  /* Readable titles: the sheet is for a person. Portuguese whatever the locale. */
  static const char *const header[] = {
    "Município", "IBGE", "INE", "CNES", "Equipe", "Tipo", "Situação", "Competência atual",
    "Última competência registrada", "Falta", "Percentual atual", "Cláusula", "Fundamento",
    "Confiança", "Provimento aplicado", "Perda mensal atual (R$)", "Próximo passo",
    "Percentual do próximo passo", "Perda mensal no próximo passo (R$)", "Corrigir até",
    "Perda no horizonte (R$)", "Parte a confirmar (R$)", "Meses sem valor-base", "Revogação do INE",
  };
  GString *out = coordena_csv_sheet_new (header, G_N_ELEMENTS (header));

  for (guint row = 0; row < coordena_summary_get_n_teams (summary); row++)
    {
      const CoordenaForecastTeam *ft = coordena_summary_get_forecast_team (summary, row);
      const CoordenaRosterTeam *team;
      g_autofree char *state = NULL, *now = NULL, *last = NULL, *missing = NULL, *percent = NULL;
      g_autofree char *loss_now = NULL, *next = NULL, *next_percent = NULL, *next_loss = NULL, *fix_by = NULL;
      g_autofree char *loss_horizon = NULL, *unconfirmed = NULL, *unknown = NULL, *revocation = NULL;
      g_autofree char *conf = NULL;

      if (ft == NULL || !ft->now.evaluated)
        continue;
      team = ft->team;
      state = coordena_forecast_team_state_text (ft);
      now = coordena_competencia_format (ft->now.competencia);
      last = coordena_competencia_format (ft->last_seen);
      missing = missing_since_text (ft);
      percent = g_strdup_printf ("%u", (guint) ft->now.percent);
      loss_now = ft->now.percent > 0 ? csv_money_or_empty (ft->now.perda_centavos) : g_strdup ("0,00");
      next = competencia_or_empty (ft->next_step);
      next_percent = ft->next_step != 0 ? g_strdup_printf ("%u", ft->next_percent) : g_strdup ("");
      next_loss = ft->next_step != 0 ? csv_money_or_empty (ft->next_loss) : g_strdup ("");
      fix_by = competencia_or_empty (ft->fix_by);
      loss_horizon = coordena_csv_money (ft->loss_total);
      unconfirmed = coordena_csv_money (ft->loss_unconfirmed);
      unknown = g_strdup_printf ("%u", ft->n_unknown_loss);
      revocation = competencia_or_empty (ft->revoked_at);
      conf = ft->confidence == COORDENA_CONFIDENCE_A ? g_strdup ("A")
             : g_strdup_printf ("%s (a confirmar)", coordena_confidence_to_string (ft->confidence));
      {
        const char *cells[] = {
          coordena_summary_team_municipio (summary, row), team->ibge, team->ine, team->cnes, team->name,
          coordena_team_type_to_string (coordena_roster_team_months (roster, team, NULL)[team->n_months - 1].type),
          state, now, last, missing, percent,
          ft->now.clause != NULL ? ft->now.clause->id : "", ft->now.percent > 0 ? clause_basis (&ft->now) : "",
          conf,
          ft->now.provimento ? "sim" : "não", loss_now, next, next_percent, next_loss, fix_by,
          loss_horizon, unconfirmed, unknown, revocation,
        };

        coordena_csv_append_row (out, cells, G_N_ELEMENTS (cells));
      }
    }
  return g_string_free (out, FALSE);
}

gboolean
coordena_forecast_report_write_csv (const CoordenaSummary *summary, const char *path, GError **error)
{
  g_autofree char *csv = coordena_forecast_report_csv (summary);

  return coordena_write_file_private (path, csv, strlen (csv), error);
}

char *
coordena_comparison_csv (const CoordenaComparison *c)
{
  g_autofree char *pa = g_strdup_printf ("Percentual — %s", c->a->title);
  g_autofree char *pb = g_strdup_printf ("Percentual — %s", c->b->title);
  g_autofree char *la = g_strdup_printf ("Perda (R$) — %s", c->a->title);
  g_autofree char *lb = g_strdup_printf ("Perda (R$) — %s", c->b->title);
  const char *header[] = { "INE", "Equipe", "Última competência", pa, pb, la, lb, "Diferença (R$)" };
  GString *out = coordena_csv_sheet_new (header, G_N_ELEMENTS (header));

  for (guint i = 0; i < c->n_teams; i++)
    {
      const CoordenaComparisonTeam *t = &c->teams[i];
      g_autofree char *comp = coordena_competencia_format (t->last);
      g_autofree char *ca = g_strdup_printf ("%u", t->percent_a);
      g_autofree char *cb = g_strdup_printf ("%u", t->percent_b);
      g_autofree char *ma = coordena_csv_money (t->loss_a);
      g_autofree char *mb = coordena_csv_money (t->loss_b);
      g_autofree char *d = coordena_csv_money (t->loss_b - t->loss_a);
      const char *cells[] = { t->team->ine, t->team->name, comp, ca, cb, ma, mb, d };

      coordena_csv_append_row (out, cells, G_N_ELEMENTS (cells));
    }
  {
    g_autofree char *ma = coordena_csv_money (c->loss_a);
    g_autofree char *mb = coordena_csv_money (c->loss_b);
    g_autofree char *d = coordena_csv_money (c->loss_b - c->loss_a);
    const char *cells[] = { "Total", "", "", "", "", ma, mb, d };

    coordena_csv_append_row (out, cells, G_N_ELEMENTS (cells));
  }
  return g_string_free (out, FALSE);
}

gboolean
coordena_comparison_write_csv (const CoordenaComparison *comparison, const char *path, GError **error)
{
  g_autofree char *csv = coordena_comparison_csv (comparison);

  return coordena_write_file_private (path, csv, strlen (csv), error);
}

static char *
format_money_value (gint64 value)
{
  return coordena_format_money (value);
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

static int
compare_row_loss (gconstpointer a, gconstpointer b, gpointer data)
{
  const CoordenaSummary *summary = data;
  const CoordenaForecastTeam *x = coordena_summary_get_forecast_team (summary, *(const guint *) a);
  const CoordenaForecastTeam *y = coordena_summary_get_forecast_team (summary, *(const guint *) b);

  if (x->loss_total != y->loss_total)
    return x->loss_total > y->loss_total ? -1 : 1;
  return strcmp (x->team->ine, y->team->ine);
}

/* A team the manager has to act on: suspended or without registration now, a step ahead, or
 * money lost in the horizon. */
static gboolean
needs_action (const CoordenaForecastTeam *ft)
{
  return ft != NULL && ft->now.evaluated &&
         (ft->now.percent > 0 || ft->missing || ft->next_step != 0 || ft->loss_total > 0 || ft->n_unknown_loss > 0);
}

/* The teams to act on, grouped by municipality, heaviest loss first. */
static GArray *
group_by_municipio (const CoordenaSummary *summary, guint *n_listed)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *groups = g_array_new (FALSE, TRUE, sizeof (MunicipioGroup));

  g_array_set_clear_func (groups, municipio_group_clear);
  *n_listed = 0;
  for (guint row = 0; row < coordena_summary_get_n_teams (summary); row++)
    {
      const CoordenaForecastTeam *ft = coordena_summary_get_forecast_team (summary, row);
      const char *nome = coordena_summary_team_municipio (summary, row);
      gpointer found;
      MunicipioGroup *g;

      if (!needs_action (ft))
        continue;
      if (nome == NULL || nome[0] == '\0')
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
      g->loss += ft->loss_total;
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

/* "75 % · R$ 13.500,00/mês", or "—" when nothing is suspended. */
static char *
percent_money_cell (guint percent, gint64 centavos, gboolean mark)
{
  g_autofree char *money = NULL;

  if (percent == 0)
    return g_strdup ("—");
  if (centavos < 0)
    /* TRANSLATORS: a suspension whose monthly base is unknown */
    return g_strdup_printf (_("%u %% · base unknown"), percent);
  money = coordena_format_money (centavos);
  /* TRANSLATORS: a suspension percent and the money it takes a month; * marks "a confirmar" */
  return g_strdup_printf (_("%u %% · %s/month%s"), percent, money, mark ? " *" : "");
}

/* The distinct rule sets the forecast applies from the current competência on, by title. */
static char *
rule_sets_used (const CoordenaForecast *forecast)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  guint n;
  const CoordenaForecastTeam *teams = coordena_forecast_get_teams (forecast, &n);

  if (coordena_forecast_get_forced (forecast) != NULL)
    {
      const CoordenaRuleSet *set = coordena_forecast_get_forced (forecast);
      /* TRANSLATORS: one rule set applied to every competência, whatever its validity */
      return g_strdup_printf (_("%s, applied to every competência"), set->title);
    }
  for (guint i = 0; i < n; i++)
    for (guint k = 0; k <= teams[i].n_months; k++)
      {
        const CoordenaRuleSet *set = k == 0 ? teams[i].now.rules : teams[i].months[k - 1].rules;

        if (set != NULL && !g_ptr_array_find (seen, set, NULL))
          g_ptr_array_add (seen, (gpointer) set);
      }
  for (guint i = 0; i < seen->len; i++)
    {
      const CoordenaRuleSet *set = seen->pdata[i];
      g_autofree char *from = coordena_competencia_format (set->valid_from);

      if (out->len > 0)
        g_string_append (out, "; ");
      /* TRANSLATORS: a rule set's title and the competência it applies from */
      g_string_append_printf (out, _("%s (from %s)"), set->title, from);
    }
  if (out->len == 0)
    g_string_append (out, _("no rule set covers these competências"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The number of a note in the list, added when new: "[2]". */
static char *
note_ref (GPtrArray *notes, char *note)
{
  guint index;

  if (!g_ptr_array_find_with_equal_func (notes, note, g_str_equal, &index))
    {
      g_ptr_array_add (notes, note);
      index = notes->len - 1;
    }
  else
    g_free (note);
  return g_strdup_printf ("[%u]", index + 1);
}

/* "esf-enf: Portaria GM/MS nº 6.907/2025, art. 12-K … [S] a confirmar" */
static char *
clause_note (const CoordenaClause *clause, const CoordenaRuleSet *set)
{
  const char *basis = clause->basis != NULL && clause->basis[0] != '\0' ? clause->basis : set != NULL ? set->act : "";

  return g_strdup_printf ("%s: %s [%s]%s", clause->id, basis, coordena_confidence_to_string (clause->confidence),
                          clause->confidence != COORDENA_CONFIDENCE_A ? _(", to confirm") : "");
}

/* What the team lacks: "falta: Enfermeiro (desde 11/2026)", or since when it has no registration. */
static char *
lacks_text (const CoordenaForecastTeam *ft)
{
  g_autofree char *missing = NULL;

  if (ft->missing)
    {
      g_autofree char *since = coordena_competencia_format (coordena_competencia_add (ft->last_seen, 1));
      /* TRANSLATORS: a team missing from the roster since a competência */
      return g_strdup_printf (_("no registration since %s"), since);
    }
  missing = missing_since_text (ft);
  /* TRANSLATORS: the categories a team lacks, "falta: Enfermeiro (desde 11/2026)" */
  return missing[0] != '\0' ? g_strdup_printf (_("lacks: %s"), missing) : g_strdup ("");
}

static char *
now_text (const CoordenaForecastTeam *ft, GPtrArray *notes)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (ft->now.percent == 0)
    return g_strdup (coordena_status_to_string (coordena_forecast_team_status (ft)));
  if (ft->missing)
    g_string_append_printf (out, "%s\n", _("No registration"));
  {
    g_autofree char *cell = percent_money_cell (ft->now.percent, ft->now.perda_centavos,
                                                coordena_month_result_confidence (&ft->now) != COORDENA_CONFIDENCE_A);
    g_string_append (out, cell);
  }
  if (ft->now.clause != NULL)
    {
      g_autofree char *ref = note_ref (notes, clause_note (ft->now.clause, ft->now.rules));
      g_string_append_printf (out, " %s", ref);
    }
  if (ft->now.provimento)
    {
      g_autofree char *ref = note_ref (notes, g_strdup_printf ("%s: %s [%s]", _("provimento"),
                                                               ft->now.rules->provimento_basis != NULL ? ft->now.rules->provimento_basis : ft->now.rules->act,
                                                               coordena_confidence_to_string (ft->now.rules->provimento_confidence)));
      /* TRANSLATORS: the provimento rule capped the percent; then the note's number */
      g_string_append_printf (out, "\n%s", _("limited by the provimento"));
      g_string_append_printf (out, " %s", ref);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
next_text (const CoordenaForecastTeam *ft, GPtrArray *notes)
{
  g_autofree char *when = NULL, *money = NULL;

  if (ft->next_step == 0)
    return g_strdup ("—");
  when = coordena_competencia_format (ft->next_step);
  money = percent_money_cell (ft->next_percent, ft->next_loss,
                              ft->next_clause != NULL && ft->next_clause->confidence != COORDENA_CONFIDENCE_A);
  if (ft->next_clause != NULL)
    {
      const CoordenaRuleSet *set = NULL;

      for (guint k = 0; k < ft->n_months; k++)
        if (ft->months[k].competencia == ft->next_step)
          set = ft->months[k].rules;
      {
        g_autofree char *ref = note_ref (notes, clause_note (ft->next_clause, set));
        /* TRANSLATORS: "a partir de 03/2027: 25 % · R$ 4.500,00/mês [2]" */
        return g_strdup_printf (_("from %s: %s %s"), when, money, ref);
      }
    }
  return g_strdup_printf (_("from %s: %s"), when, money);
}

static char *
revocation_text (const CoordenaForecastTeam *ft, GPtrArray *notes)
{
  g_autofree char *when = coordena_competencia_format (ft->revoked_at);
  const CoordenaRuleSet *set = ft->revoke_rules;
  g_autofree char *ref = NULL;

  if (set == NULL)
    return g_strdup (when);
  ref = note_ref (notes, g_strdup_printf (_("INE revoked after %u competências at 100 %%: %s [%s]"), set->revoke_after,
                                          set->revoke_basis != NULL ? set->revoke_basis : set->act,
                                          coordena_confidence_to_string (set->revoke_confidence)));
  return g_strdup_printf ("%s %s", when, ref);
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
  const CoordenaForecast *forecast = coordena_summary_get_forecast (summary);
  const CoordenaForecastTotals *tot = coordena_forecast_get_totals (forecast);
  CoordenaCompetencia current = coordena_forecast_get_current (forecast), first;
  guint horizon = coordena_forecast_get_horizon (forecast), n_listed = 0, printed = 0, n_changes = 0;
  const CoordenaScenarioChange *changes = coordena_forecast_get_changes (forecast, &n_changes);
  g_autofree char *now = coordena_competencia_format (current);
  g_autofree char *from = coordena_competencia_format (coordena_competencia_add (current, 1));
  g_autofree char *until = coordena_competencia_format (coordena_competencia_add (current, (int) horizon));
  g_autofree char *text = NULL;
  g_autofree char *loss_now = coordena_format_money (tot->loss_now);
  g_autofree char *loss_month = coordena_format_money (tot->loss_next_month);
  g_autofree char *loss_horizon = coordena_format_money (tot->loss_horizon);
  g_autofree char *loss_unconfirmed = coordena_format_money (tot->loss_unconfirmed);
  g_autofree char *n_eval = g_strdup_printf ("%u", tot->n_teams);
  g_autofree char *n_regular = g_strdup_printf ("%u", tot->n_regular);
  g_autofree char *n_susp = g_strdup_printf ("%u", tot->n_suspended);
  g_autofree char *n_risk = g_strdup_printf ("%u", tot->n_at_risk);
  g_autofree char *n_missing = g_strdup_printf ("%u", tot->n_no_record);
  g_autofree char *n_revoked = g_strdup_printf ("%u", tot->n_revoked);
  g_autofree char *period = NULL;
  g_autofree char *rules_text = rule_sets_used (forecast);
  g_autofree char *scenario_text = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) groups = NULL;
  g_autofree char *government = NULL;
  const CoordenaReference *reference;
  const CoordenaUf *state = NULL;
  const gint64 *series;
  guint n_series, n_marked = 0;
  GDate date;
  CoordenaPdfStyle header = { .font = COORDENA_PDF_FONT_BOLD, .size = 12, .align = COORDENA_PDF_ALIGN_CENTER, .space_after = 0 };
  CoordenaPdfStyle title = { .font = COORDENA_PDF_FONT_BOLD, .size = 16, .align = COORDENA_PDF_ALIGN_LEFT, .space_after = 8 };
  CoordenaPdfStyle heading = { .font = COORDENA_PDF_FONT_BOLD, .size = 12, .align = COORDENA_PDF_ALIGN_LEFT, .space_after = 4, .keep_with_next = TRUE };
  CoordenaPdfStyle body = { .size = 11, .align = COORDENA_PDF_ALIGN_LEFT, .space_after = 4 };
  CoordenaPdfStyle warning = { .font = COORDENA_PDF_FONT_BOLD, .size = 11, .align = COORDENA_PDF_ALIGN_LEFT, .space_after = 6 };
  CoordenaPdfStyle note = { .size = 9, .align = COORDENA_PDF_ALIGN_LEFT, .space_after = 4 };
  CoordenaPdfStyle note_item = { .size = 9, .align = COORDENA_PDF_ALIGN_LEFT, .first_indent = 0, .space_after = 2 };
  CoordenaPdfStyle subheading = { .font = COORDENA_PDF_FONT_BOLD, .size = 10, .align = COORDENA_PDF_ALIGN_LEFT, .space_after = 3, .keep_with_next = TRUE };

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

  /* The summary, as a two-column table a reader scans: what was computed, then the figures. */
  {
    static const double widths[] = { 3, 4 };
    static const CoordenaPdfAlign aligns[] = { COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_RIGHT };
    const char *head[] = { _("Summary"), "" };
    g_autofree char *missing_label = g_strdup_printf (_("Without registration in %s"), now);
    g_autofree char *horizon_label = g_strdup_printf (_("Forecast loss in the next %u competências (%s to %s)"),
                                                      horizon, from, until);
    g_autofree char *next_label = g_strdup_printf (_("Forecast loss in %s"), from);
    g_autofree char *now_label = g_strdup_printf (_("Loss in %s"), now);

    if (horizon == 1)
      {
        g_free (horizon_label);
        horizon_label = g_strdup_printf (_("Forecast loss in the next competência (%s)"), from);
      }
    period = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s to %s (%u competência)", "%s to %s (%u competências)", horizon),
                              from, until, horizon);
    scenario_text = n_changes == 0 ? g_strdup (_("none: the composition of each team carried forward as it is"))
                                   : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u planned change (listed below)",
                                                                   "%u planned changes (listed below)", n_changes), n_changes);
    coordena_pdf_doc_begin_table (doc, 2, widths, aligns, head);
#define SUMMARY_ROW(label, value) do { const char *cells[] = { label, value }; coordena_pdf_doc_add_row (doc, cells, FALSE); } while (0)
    if (state != NULL)
      SUMMARY_ROW (_("State"), state->nome);
    SUMMARY_ROW (_("Latest competência held"), now);
    SUMMARY_ROW (_("Competências forecast"), period);
    SUMMARY_ROW (_("Scenario changes"), scenario_text);
    SUMMARY_ROW (_("Rule sets"), rules_text);
    SUMMARY_ROW (_("Teams evaluated"), n_eval);
    SUMMARY_ROW (_("Regular"), n_regular);
    SUMMARY_ROW (_("At risk"), n_risk);
    SUMMARY_ROW (_("Suspended now"), n_susp);
    SUMMARY_ROW (missing_label, n_missing);
    SUMMARY_ROW (now_label, loss_now);
    SUMMARY_ROW (next_label, loss_month);
    SUMMARY_ROW (horizon_label, loss_horizon);
    SUMMARY_ROW (_("of which resting on values to confirm [S] or [U]"), loss_unconfirmed);
    SUMMARY_ROW (_("INEs revoked within the horizon"), n_revoked);
#undef SUMMARY_ROW
    coordena_pdf_doc_end_table (doc);
    /* The notes under the table are not its last row: they keep a gap from its border. */
    coordena_pdf_doc_add_space (doc, 6, FALSE);
  }
  if (tot->n_unknown_base > 0)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u team with a suspension has no known monthly base: its loss is left out of the amounts.",
                                           "%u teams with a suspension have no known monthly base: their loss is left out of the amounts.",
                                           tot->n_unknown_base), tot->n_unknown_base);
      coordena_pdf_doc_add_paragraph (doc, &note, NULL, text);
      g_clear_pointer (&text, g_free);
    }
  if (tot->n_no_record > 0)
    {
      text = g_strdup_printf (_("A team of the roster missing from %s is counted as without registration from the competência after its last one, with what the rule set in force says of it (Portaria GM/MS nº 6.907/2025: 100 %% at once, secondary source [S])."), now);
      coordena_pdf_doc_add_paragraph (doc, &note, NULL, text);
      g_clear_pointer (&text, g_free);
    }

  if (n_changes > 0)
    {
      coordena_pdf_doc_add_space (doc, 6, TRUE);
      coordena_pdf_doc_add_paragraph (doc, &heading, NULL, _("Scenario: planned changes"));
      for (guint i = 0; i < n_changes; i++)
        {
          const CoordenaRosterTeam *team = coordena_roster_find_team (roster, changes[i].ine);
          g_autofree char *when = coordena_competencia_format (changes[i].from);
          g_autofree char *who = g_strdup_printf ("%s%s%s", changes[i].ine, team != NULL && team->name != NULL ? " " : "",
                                                  team != NULL && team->name != NULL ? team->name : "");
          const char *category = coordena_category_name (changes[i].category);

          text = changes[i].kind == COORDENA_CHANGE_HIRE
                 /* TRANSLATORS: a scenario line: the team, the category, the competência */
                 ? g_strdup_printf (_("%s: %s joins from %s"), who, category, when)
                 : g_strdup_printf (_("%s: %s leaves from %s"), who, category, when);
          if (changes[i].no_effect)
            {
              /* The forecast could not apply it: say so beside the change, not only on stderr. */
              char *marked = g_strdup_printf (_("%s — no effect: the team is without registration"), text);

              g_free (text);
              text = marked;
            }
          coordena_pdf_doc_add_paragraph (doc, &body, "•", text);
          g_clear_pointer (&text, g_free);
        }
    }

  series = coordena_summary_get_series (summary, &first, &n_series);
  for (guint i = 0; i < n_series; i++)
    {
      CoordenaCompetencia c = coordena_competencia_add (first, (int) i);

      g_ptr_array_add (labels, g_strdup_printf ("%02u/%02u", c % 100, (c / 100) % 100));
    }
  if (n_series > 0)
    {
      int split = coordena_competencia_diff (coordena_competencia_add (current, 1), first);

      coordena_pdf_doc_add_space (doc, 8, TRUE);
      coordena_pdf_doc_add_forecast_chart (doc, _("Monthly loss: competências held and forecast"), n_series,
                                           (const char *const *) labels->pdata, series, format_money_value, 170,
                                           split >= 0 ? (guint) split : 0, _("recorded"), _("forecast"));
    }

  if (comparison != NULL)
    {
      static const double widths[] = { 3, 1.2, 1.2, 2, 2 };
      static const CoordenaPdfAlign aligns[] = { COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_RIGHT, COORDENA_PDF_ALIGN_RIGHT,
                                                 COORDENA_PDF_ALIGN_RIGHT, COORDENA_PDF_ALIGN_RIGHT };
      g_autofree char *ha = g_strdup_printf ("%% %s", comparison->a->id);
      g_autofree char *hb = g_strdup_printf ("%% %s", comparison->b->id);
      g_autofree char *hla = g_strdup_printf (_("Loss, %s"), comparison->a->id);
      g_autofree char *hlb = g_strdup_printf (_("Loss, %s"), comparison->b->id);
      const char *head[] = { _("Team"), ha, hb, hla, hlb };
      gboolean any_missing = FALSE;
      g_autofree char *a = coordena_format_money (comparison->loss_a);
      g_autofree char *b = coordena_format_money (comparison->loss_b);

      coordena_pdf_doc_add_paragraph (doc, &heading, NULL, _("Two rule sets on the same roster"));
      text = g_strdup_printf (_("Over every competência held, %s (%s) takes %s and %s (%s) takes %s."),
                              comparison->a->title, comparison->a->id, a, comparison->b->title, comparison->b->id, b);
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
          g_autofree char *seen = coordena_competencia_format (t->last_seen);
          g_autofree char *name = t->missing
                                  ? g_strdup_printf (_("%s %s (without registration after %s)"), t->team->ine,
                                                     t->team->name != NULL ? t->team->name : "", seen)
                                  : g_strdup_printf ("%s %s", t->team->ine, t->team->name != NULL ? t->team->name : "");
          const char *cells[] = { name, pa, pb, la, lb };

          if (t->loss_a == 0 && t->loss_b == 0)
            continue;
          coordena_pdf_doc_add_row (doc, cells, FALSE);
          any_missing = any_missing || t->missing;
        }
      coordena_pdf_doc_end_table (doc);
      if (any_missing)
        {
          const CoordenaRuleSet *sets[] = { comparison->a, comparison->b };
          char *says[2];

          for (guint k = 0; k < 2; k++)
            says[k] = sets[k]->sem_registro_percent > 0
                      ? g_strdup_printf (_("%s suspends %u %% [%s]"), sets[k]->id, sets[k]->sem_registro_percent,
                                         coordena_confidence_to_string (sets[k]->sem_registro.confidence))
                      : g_strdup_printf (_("%s does not treat the case (0 %%)"), sets[k]->id);
          text = g_strdup_printf (_("A team without registration counts, from the competência after its last one up to the latest, as each rule set says: %s; %s."),
                                  says[0], says[1]);
          coordena_pdf_doc_add_space (doc, 6, FALSE);
          coordena_pdf_doc_add_paragraph (doc, &note, NULL, text);
          g_clear_pointer (&text, g_free);
          g_free (says[0]);
          g_free (says[1]);
        }
    }

  /* Per municipality, the teams to act on, with what the manager has to act on. The acts go
   * to numbered notes under the table, so the columns keep room for the figures. */
  groups = group_by_municipio (summary, &n_listed);
  coordena_pdf_doc_add_page_break (doc);
  coordena_pdf_doc_add_paragraph (doc, &heading, NULL, _("Teams with a suspension now or ahead, by municipality"));
  if (groups->len == 0)
    coordena_pdf_doc_add_paragraph (doc, &body, NULL, _("No team loses money in the horizon."));
  else
    {
      static const double widths[] = { 3.0, 2.5, 2.3, 1.1, 2.3, 1.25 };
      static const CoordenaPdfAlign aligns[] = { COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_LEFT,
                                                 COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_RIGHT, COORDENA_PDF_ALIGN_LEFT };
      g_autofree char *total_head = g_strdup_printf (_("Loss %s–%s"), from, until);
      const char *head[] = { _("Team and what it lacks"), _("Now"), _("Next step"), _("Fix by"), total_head, _("INE revoked") };
      g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

      text = g_strdup_printf (_("Municipalities with the largest forecast loss first. “Now” is %s; the loss adds the %u competências from %s to %s. “Fix by” is the last competência in which completing the team avoids the next step. Numbers in brackets point to the acts listed after the table."),
                              now, horizon, from, until);
      coordena_pdf_doc_add_paragraph (doc, &note, NULL, text);
      g_clear_pointer (&text, g_free);
      coordena_pdf_doc_begin_table (doc, 6, widths, aligns, head);
      for (guint gi = 0; gi < groups->len && printed < MAX_PDF_TEAMS; gi++)
        {
          const MunicipioGroup *g = &g_array_index (groups, MunicipioGroup, gi);
          g_autofree char *total = coordena_format_money (g->loss);
          g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u team", "%u teams", g->rows->len), g->rows->len);
          const char *group_cells[] = { g->nome, count, "", "", total, "" };

          /* The municipality's heading never stays alone at the foot of a page. */
          coordena_pdf_doc_add_row_keep (doc, group_cells, TRUE);
          for (guint i = 0; i < g->rows->len && printed < MAX_PDF_TEAMS; i++, printed++)
            {
              guint row = g_array_index (g->rows, guint, i);
              const CoordenaForecastTeam *ft = coordena_summary_get_forecast_team (summary, row);
              const CoordenaRosterTeam *team = ft->team;
              gboolean mark = ft->confidence != COORDENA_CONFIDENCE_A;
              g_autofree char *lacks = lacks_text (ft);
              g_autofree char *name = g_strdup_printf ("%s%s%s\n%s", team->ine, team->name != NULL ? " " : "",
                                                       team->name != NULL ? team->name : "", lacks);
              g_autofree char *now_cell = now_text (ft, notes);
              g_autofree char *next_cell = next_text (ft, notes);
              g_autofree char *fix_by = competencia_or_dash (ft->fix_by);
              g_autofree char *loss_money = coordena_format_money (ft->loss_total);
              g_autofree char *loss = ft->loss_total == 0 && ft->n_unknown_loss > 0 ? g_strdup (_("base unknown"))
                                      : g_strdup_printf ("%s%s", loss_money, mark && ft->loss_total > 0 ? " *" : "");
              g_autofree char *revoked = ft->revoked_at != 0 ? revocation_text (ft, notes) : g_strdup ("—");
              const char *cells[] = { name, now_cell, next_cell, fix_by, loss, revoked };

              /* The note explains the stars: only when one was printed. */
              if (strstr (now_cell, " *") != NULL || strstr (next_cell, " *") != NULL || strstr (loss, " *") != NULL)
                n_marked++;
              coordena_pdf_doc_add_row (doc, cells, FALSE);
            }
        }
      coordena_pdf_doc_end_table (doc);
      coordena_pdf_doc_add_space (doc, 4, FALSE);
      if (n_marked > 0)
        {
          text = g_strdup_printf (_("* To confirm: the amount rests on a value from a secondary source [S] or unverified [U] (a clause’s percent, the provimento rule or the rule set’s default monthly base). Of the %s forecast, %s rest on such values."),
                                  loss_horizon, loss_unconfirmed);
          coordena_pdf_doc_add_paragraph (doc, &note, NULL, text);
          g_clear_pointer (&text, g_free);
        }
      if (notes->len > 0)
        {
          coordena_pdf_doc_add_space (doc, 4, TRUE);
          coordena_pdf_doc_add_paragraph (doc, &subheading, NULL, _("Acts the figures rest on"));
          for (guint i = 0; i < notes->len; i++)
            {
              g_autofree char *label = g_strdup_printf ("[%u]", i + 1);
              coordena_pdf_doc_add_paragraph (doc, &note_item, label, notes->pdata[i]);
            }
        }
      coordena_pdf_doc_add_paragraph (doc, &note, NULL, coordena_confidence_legend ());
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
