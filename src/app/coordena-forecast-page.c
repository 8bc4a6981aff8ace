/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <coordena/coordena.h>
#include <coordena/forecast-report.h>

#include "coordena-file-chooser.h"
#include "coordena-display.h"
#include "coordena-forecast-columns.h"
#include "coordena-forecast-job.h"
#include "coordena-forecast-page-private.h"
#include "coordena-loss-chart.h"
#include "coordena-notify-card.h"
#include "coordena-scenario-panel.h"
#include "coordena-team-item.h"

struct _CoordenaForecastPage
{
  AdwBin parent_instance;

  AdwComboRow *rules_row;
  GtkSpinButton *horizon_spin;
  GtkSwitch *compare_switch;
  AdwComboRow *compare_row;
  GtkLabel *rules_summary;
  GtkWidget *demo_label;
  GtkLabel *headline_label;
  GtkLabel *detail_label;
  CoordenaLossChart *chart;
  GtkColumnView *column_view;
  CoordenaScenarioPanel *scenario;
  GtkToggleButton *scenario_toggle;

  CoordenaWorkspace *workspace;
  GPtrArray *rule_ids;          /* per rules_dropdown position; [0] NULL = auto */
  GListStore *rows;             /* CoordenaTeamItem of the forecast shown */
  GtkSortListModel *sorted;
  CoordenaSummary *summary;
  CoordenaComparison *comparison;
  char *compare_a, *compare_b;  /* the sets compared */
  int *compare_index;           /* summary row → comparison team, −1 none */
  GPtrArray *compare_columns;
  GPtrArray *forecast_columns;  /* shown instead of the comparison's */
  GCancellable *cancellable;
  guint serial;
  gboolean busy;
  gboolean again;
  gboolean stale;               /* the data changed while the page was not on screen */
};

G_DEFINE_FINAL_TYPE (CoordenaForecastPage, coordena_forecast_page, ADW_TYPE_BIN)

enum { SHOW_TEAM, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ---- Computing --------------------------------------------------------------------------- */

static void recompute (CoordenaForecastPage *self);
static void show_summary (CoordenaForecastPage *self);

static void
compute_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CoordenaForecastPage *self = COORDENA_FORECAST_PAGE (source);
  g_autoptr(GError) error = NULL;
  CoordenaForecastJob *job = coordena_forecast_job_finish (result, &error);

  if (job == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->busy = FALSE;
      gtk_label_set_text (self->headline_label, _("The forecast could not be computed"));
      gtk_label_set_text (self->detail_label, error->message);
      return;
    }
  self->busy = FALSE;
  g_clear_pointer (&self->summary, coordena_summary_unref);
  g_clear_pointer (&self->comparison, coordena_comparison_free);
  self->summary = g_steal_pointer (&job->summary);
  self->comparison = g_steal_pointer (&job->comparison);
  g_free (self->compare_a);
  g_free (self->compare_b);
  self->compare_a = g_steal_pointer (&job->compare_a);
  self->compare_b = g_strdup (job->compare);
  show_summary (self);
  if (self->again)
    {
      self->again = FALSE;
      recompute (self);
    }
}

static const char *
chosen_rules (CoordenaForecastPage *self, AdwComboRow *row)
{
  guint i = adw_combo_row_get_selected (row);

  if (row == self->compare_row)
    i++;  /* the second list has no "auto" */
  return i < self->rule_ids->len ? g_ptr_array_index (self->rule_ids, i) : NULL;
}

static void
recompute (CoordenaForecastPage *self)
{
  CoordenaSummary *base = self->workspace != NULL ? coordena_workspace_get_summary (self->workspace) : NULL;
  CoordenaForecastJob *job;

  if (base == NULL)
    return;
  if (self->busy)
    {
      self->again = TRUE;
      return;
    }

  job = g_new0 (CoordenaForecastJob, 1);
  job->roster = coordena_roster_ref (coordena_summary_get_roster (base));
  job->rules = g_strdup (chosen_rules (self, self->rules_row));
  job->compare = gtk_switch_get_active (self->compare_switch) ? g_strdup (chosen_rules (self, self->compare_row)) : NULL;
  job->horizon = (guint) gtk_spin_button_get_value_as_int (self->horizon_spin);
  job->changes = g_array_copy (coordena_scenario_panel_get_changes (self->scenario));

  self->busy = TRUE;
  coordena_forecast_job_run (job, self, self->cancellable, compute_done, NULL);
}

/* ---- Showing ----------------------------------------------------------------------------- */

static const CoordenaRuleCatalog *
catalog_of (CoordenaForecastPage *self)
{
  return self->workspace != NULL ? coordena_workspace_get_catalog (self->workspace, NULL) : NULL;
}

static const char *
rules_title (CoordenaForecastPage *self, const char *id)
{
  const CoordenaRuleCatalog *catalog = catalog_of (self);
  const CoordenaRuleSet *set = catalog != NULL && id != NULL ? coordena_rule_catalog_find (catalog, id) : NULL;

  return set != NULL ? set->title : id;
}

/* Each team of the summary to its row in the comparison (both in INE order), −1 for none. */
static void
match_comparison (CoordenaForecastPage *self)
{
  CoordenaSummary *s = self->summary;
  guint n = coordena_summary_get_n_teams (s);

  g_clear_pointer (&self->compare_index, g_free);
  self->compare_index = g_new (int, MAX (n, 1));
  for (guint row = 0, c = 0; row < n; row++)
    {
      const CoordenaTeamSummary *ts = coordena_summary_get_team (s, row);
      const CoordenaRosterTeam *team = coordena_roster_get_team (coordena_summary_get_roster (s), ts->team);

      self->compare_index[row] = -1;
      if (self->comparison == NULL)
        continue;
      while (c < self->comparison->n_teams && strcmp (self->comparison->teams[c].team->ine, team->ine) < 0)
        c++;
      if (c < self->comparison->n_teams && strcmp (self->comparison->teams[c].team->ine, team->ine) == 0)
        self->compare_index[row] = (int) c;
    }
}

static void
show_rows (CoordenaForecastPage *self)
{
  CoordenaSummary *s = self->summary;
  guint n = coordena_summary_get_n_teams (s);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  /* Every team the forecast covers, those without registration now included. */
  for (guint row = 0; row < n; row++)
    if (coordena_summary_get_team (s, row)->status != COORDENA_STATUS_NOT_EVALUATED
        && coordena_summary_get_forecast_team (s, row) != NULL)
      g_ptr_array_add (items, coordena_team_item_new (s, row));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), items->pdata, items->len);
}

/* The line under the headline: the comparison's two totals, or who loses money. */
static char *
detail_text (CoordenaForecastPage *self, guint losing)
{
  guint n_changes = coordena_scenario_panel_get_changes (self->scenario)->len;

  if (self->comparison != NULL)
    {
      g_autofree char *a = coordena_format_money (self->comparison->loss_a);
      g_autofree char *b = coordena_format_money (self->comparison->loss_b);

      /* TRANSLATORS: the two rule sets and what each takes over the competências held */
      return g_strdup_printf (_("Over the competências held, %s would take %s and %s would take %s."),
                              rules_title (self, self->compare_a), a, rules_title (self, self->compare_b), b);
    }
  if (n_changes == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u team loses money if nothing changes.",
                                         "%u teams lose money if nothing changes.", losing), losing);
  {
    g_autofree char *who = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u team loses money with the scenario:",
                                                         "%u teams lose money with the scenario:", losing), losing);
    g_autofree char *what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u planned change.", "%u planned changes.",
                                                          n_changes), n_changes);

    return g_strdup_printf ("%s %s", who, what);
  }
}

static void
show_totals (CoordenaForecastPage *self)
{
  CoordenaSummary *s = self->summary;
  const CoordenaForecastTotals *tot = coordena_forecast_get_totals (coordena_summary_get_forecast (s));
  CoordenaCompetencia current = coordena_summary_get_current (s);
  g_autofree char *until = coordena_competencia_format (coordena_competencia_add (current, (int) coordena_summary_get_horizon (s)));
  g_autofree char *money = coordena_format_money (tot->loss_horizon);
  /* TRANSLATORS: "R$ 1.234.567,89 até 09/2026" */
  g_autofree char *headline = g_strdup_printf (_("%s forecast loss until %s"), money, until);
  g_autofree char *detail = detail_text (self, tot->n_losing);

  gtk_label_set_text (self->headline_label, headline);
  if (tot->loss_unconfirmed > 0)
    {
      g_autofree char *m = coordena_format_money (tot->loss_unconfirmed);
      /* TRANSLATORS: the star beside an amount: how much of the forecast rests on [S] or [U] values */
      g_autofree char *note = g_strdup_printf (_("* To confirm: %s rests on values from a secondary source [S] or unverified [U]; the team’s detail names the act."), m);
      char *both = g_strdup_printf ("%s\n%s", detail, note);

      g_free (detail);
      detail = both;
    }
  gtk_label_set_text (self->detail_label, detail);
}

static void
show_rules_and_columns (CoordenaForecastPage *self)
{
  const char *chosen = chosen_rules (self, self->rules_row);
  g_autofree char *rules = chosen != NULL
                           /* TRANSLATORS: the rule set chosen for every competência */
                           ? g_strdup_printf (_("Rules: %s, in every competência"), rules_title (self, chosen))
                           : g_strdup (_("Rules: those in force in each competência"));

  gtk_label_set_text (self->rules_summary, rules);
  for (guint i = 0; i < self->compare_columns->len; i++)
    gtk_column_view_column_set_visible (g_ptr_array_index (self->compare_columns, i), self->comparison != NULL);
  for (guint i = 0; i < self->forecast_columns->len; i++)
    gtk_column_view_column_set_visible (g_ptr_array_index (self->forecast_columns, i), self->comparison == NULL);
  if (self->comparison != NULL && self->compare_columns->len >= 2)
    {
      g_autofree char *ta = g_strdup_printf (_("%% %s"), self->compare_a);
      g_autofree char *tb = g_strdup_printf (_("%% %s"), self->compare_b);

      gtk_column_view_column_set_title (g_ptr_array_index (self->compare_columns, 0), ta);
      gtk_column_view_column_set_title (g_ptr_array_index (self->compare_columns, 1), tb);
    }
}

static void
show_summary (CoordenaForecastPage *self)
{
  CoordenaCompetencia first;
  const gint64 *series;
  guint n_series;

  match_comparison (self);
  show_rows (self);
  show_totals (self);
  series = coordena_summary_get_series (self->summary, &first, &n_series);
  coordena_loss_chart_set_series (self->chart, first, series, n_series, coordena_summary_get_current (self->summary));
  show_rules_and_columns (self);
}

/* The comparison's row for a team of the forecast shown, for the table's cells. */
static const CoordenaComparisonTeam *
compared (CoordenaTeamItem *item, gpointer user_data)
{
  CoordenaForecastPage *self = user_data;
  int i;

  if (self->comparison == NULL || coordena_team_item_get_summary (item) != self->summary)
    return NULL;
  i = self->compare_index[coordena_team_item_get_row (item)];
  return i >= 0 ? &self->comparison->teams[i] : NULL;
}

/* ---- Scenario ---------------------------------------------------------------------------- */

gboolean
coordena_forecast_page_add_change (CoordenaForecastPage *self, const char *ine, gboolean hire, const char *category, const char *from)
{
  return coordena_scenario_panel_add_change (self->scenario, ine, hire, category, from);
}

static void
scenario_changed (CoordenaForecastPage *self)
{
  recompute (self);
}

static void
plan_for_team (CoordenaForecastPage *self, CoordenaTeamItem *item)
{
  gtk_toggle_button_set_active (self->scenario_toggle, TRUE);
  coordena_scenario_panel_plan (self->scenario, item);
}

/* A row's button: the team by INE, among the rows shown. */
static void
plan_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CoordenaForecastPage *self = COORDENA_FORECAST_PAGE (widget);
  const char *ine = g_variant_get_string (param, NULL);
  GListModel *rows = G_LIST_MODEL (self->rows);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(CoordenaTeamItem) item = g_list_model_get_item (rows, i);

      if (g_str_equal (coordena_team_item_get_ine (item), ine))
        {
          plan_for_team (self, item);
          return;
        }
    }
}

void
coordena_forecast_page_plan_change (CoordenaForecastPage *self, guint position)
{
  g_autoptr(CoordenaTeamItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (item != NULL)
    plan_for_team (self, item);
}

static void
row_activated (CoordenaForecastPage *self, guint position)
{
  g_autoptr(CoordenaTeamItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (item != NULL)
    g_signal_emit (self, signals[SHOW_TEAM], 0, coordena_team_item_get_ine (item));
}

void
coordena_forecast_page_activate_row (CoordenaForecastPage *self, guint position)
{
  row_activated (self, position);
}

static void
add_change_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_widget_activate_action (GTK_WIDGET (COORDENA_FORECAST_PAGE (widget)->scenario), "scenario.add", NULL);
}

guint
coordena_forecast_page_get_n_changes (CoordenaForecastPage *self)
{
  return coordena_scenario_panel_get_changes (self->scenario)->len;
}

/* ---- Exports ----------------------------------------------------------------------------- */

static void
export_to (CoordenaForecastPage *self, GtkNativeDialog *native, int response, gboolean pdf)
{
  CoordenaStore *store = self->workspace != NULL ? coordena_workspace_get_store (self->workspace) : NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  g_autoptr(AdwToast) toast = NULL;
  gboolean ok;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file == NULL || (path = g_file_get_path (file)) == NULL || self->summary == NULL || self->workspace == NULL)
    return;

  if (store != NULL && !coordena_store_check_output_path (store, path, &error))
    ok = FALSE;
  else if (pdf)
    {
      g_autofree char *uf = store != NULL ? coordena_store_get_uf (store) : NULL;
      g_autofree char *secretaria = store != NULL ? coordena_store_get_profile (store, "secretaria.nome") : NULL;
      CoordenaForecastReportInfo info = {
        .uf = uf,
        .secretaria = secretaria != NULL && *secretaria != '\0' ? secretaria : NULL,
        .demo = coordena_workspace_is_demo (self->workspace),
      };

      ok = coordena_forecast_report_write_pdf_full (self->summary, self->comparison, &info, path, &error);
    }
  else
    ok = coordena_forecast_report_write_csv (self->summary, path, &error);
  base = g_path_get_basename (path);
  text = ok ? g_strdup_printf (_("Saved “%s”"), base) : g_strdup_printf (_("“%s” was not saved: %s"), base, error->message);
  toast = adw_toast_new (text);
  coordena_workspace_toast (self->workspace, G_OBJECT (toast));
}

static void
csv_chosen (GtkNativeDialog *native, int response, CoordenaForecastPage *self)
{
  export_to (self, native, response, FALSE);
  g_object_unref (native);
  g_object_unref (self);
}

static void
pdf_chosen (GtkNativeDialog *native, int response, CoordenaForecastPage *self)
{
  export_to (self, native, response, TRUE);
  g_object_unref (native);
  g_object_unref (self);
}

static void
export_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CoordenaForecastPage *self = COORDENA_FORECAST_PAGE (widget);
  gboolean pdf = g_str_equal (name, "previsao.export-pdf");
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (pdf ? _("Save Forecast Report") : _("Export Forecast CSV"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), pdf ? _("forecast.pdf") : _("forecast.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  coordena_file_chooser_prepare_with (native, coordena_workspace_get_settings (self->workspace));
  g_signal_connect (native, "response", pdf ? G_CALLBACK (pdf_chosen) : G_CALLBACK (csv_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- Setup ------------------------------------------------------------------------------- */

/* The rule sets to choose from, the workspace's catalogue, read again when it changes; the
 * choices made stay when their sets remain. */
static void
load_rules (CoordenaForecastPage *self)
{
  const CoordenaRuleCatalog *catalog = catalog_of (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) others = gtk_string_list_new (NULL);
  g_autofree char *rules = g_strdup (chosen_rules (self, self->rules_row));
  g_autofree char *compare = g_strdup (chosen_rules (self, self->compare_row));
  guint n = catalog != NULL ? coordena_rule_catalog_get_n_sets (catalog) : 0;

  g_ptr_array_set_size (self->rule_ids, 0);
  g_ptr_array_add (self->rule_ids, NULL);
  gtk_string_list_append (names, _("Automatic: the rules in force in each competência"));
  for (guint i = 0; i < n; i++)
    {
      const CoordenaRuleSet *set = coordena_rule_catalog_get_set (catalog, i);

      g_ptr_array_add (self->rule_ids, g_strdup (set->id));
      gtk_string_list_append (names, set->title);
      gtk_string_list_append (others, set->title);
    }
  adw_combo_row_set_model (self->rules_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->compare_row, G_LIST_MODEL (others));
  /* The two sets the seed note compared by default: the older and the newer capitação rules. */
  if (compare == NULL)
    compare = g_strdup ("portaria-38-2022");
  for (guint i = 1; i < self->rule_ids->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->rule_ids, i), compare) == 0)
        adw_combo_row_set_selected (self->compare_row, i - 1);
      if (g_strcmp0 (g_ptr_array_index (self->rule_ids, i), rules) == 0)
        adw_combo_row_set_selected (self->rules_row, i);
    }
}

gboolean
coordena_forecast_page_set_rules (CoordenaForecastPage *self, const char *id)
{
  for (guint i = 0; i < self->rule_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->rule_ids, i), id) == 0)
      {
        adw_combo_row_set_selected (self->rules_row, i);
        return TRUE;
      }
  return FALSE;
}

void
coordena_forecast_page_set_compare (CoordenaForecastPage *self, const char *id)
{
  for (guint i = 1; id != NULL && i < self->rule_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->rule_ids, i), id) == 0)
      adw_combo_row_set_selected (self->compare_row, i - 1);
  gtk_switch_set_active (self->compare_switch, id != NULL);
}

void
coordena_forecast_page_set_horizon (CoordenaForecastPage *self, guint horizon)
{
  gtk_spin_button_set_value (self->horizon_spin, horizon);
}

CoordenaSummary *
coordena_forecast_page_get_summary (CoordenaForecastPage *self)
{
  return self->busy || self->stale ? NULL : self->summary;
}

const char *
coordena_forecast_page_get_headline (CoordenaForecastPage *self)
{
  return gtk_label_get_text (self->headline_label);
}

GListModel *
coordena_forecast_page_get_rows (CoordenaForecastPage *self)
{
  return G_LIST_MODEL (self->sorted);
}

/* The forecast is computed when the page is seen: at start the other pages come first. */
static void
workspace_changed (CoordenaForecastPage *self)
{
  gtk_widget_set_visible (self->demo_label, coordena_workspace_is_demo (self->workspace));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    recompute (self);
  else
    self->stale = TRUE;
}

static void
coordena_forecast_page_map (GtkWidget *widget)
{
  CoordenaForecastPage *self = COORDENA_FORECAST_PAGE (widget);

  GTK_WIDGET_CLASS (coordena_forecast_page_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      recompute (self);
    }
}

/* The window gives the page its workspace once, after building it from its template. */
void
coordena_forecast_page_set_workspace (CoordenaForecastPage *self, CoordenaWorkspace *workspace)
{
  g_return_if_fail (COORDENA_IS_FORECAST_PAGE (self));
  g_return_if_fail (self->workspace == NULL || workspace == self->workspace);

  if (workspace == NULL || self->workspace == workspace)
    return;
  self->workspace = g_object_ref (workspace);
  g_signal_connect_object (workspace, "changed", G_CALLBACK (workspace_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "catalog-changed", G_CALLBACK (load_rules), self, G_CONNECT_SWAPPED);
  load_rules (self);
  workspace_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

static void
coordena_forecast_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CoordenaForecastPage *self = COORDENA_FORECAST_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_forecast_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CoordenaForecastPage *self = COORDENA_FORECAST_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      coordena_forecast_page_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coordena_forecast_page_dispose (GObject *object)
{
  CoordenaForecastPage *self = COORDENA_FORECAST_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), COORDENA_TYPE_FORECAST_PAGE);
  g_clear_object (&self->sorted);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->summary, coordena_summary_unref);
  g_clear_pointer (&self->comparison, coordena_comparison_free);
  G_OBJECT_CLASS (coordena_forecast_page_parent_class)->dispose (object);
}

static void
coordena_forecast_page_finalize (GObject *object)
{
  CoordenaForecastPage *self = COORDENA_FORECAST_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rule_ids, g_ptr_array_unref);
  g_clear_pointer (&self->compare_columns, g_ptr_array_unref);
  g_clear_pointer (&self->forecast_columns, g_ptr_array_unref);
  g_free (self->compare_index);
  g_free (self->compare_a);
  g_free (self->compare_b);
  G_OBJECT_CLASS (coordena_forecast_page_parent_class)->finalize (object);
}

static void
coordena_forecast_page_class_init (CoordenaForecastPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = coordena_forecast_page_get_property;
  object_class->set_property = coordena_forecast_page_set_property;
  object_class->dispose = coordena_forecast_page_dispose;
  object_class->finalize = coordena_forecast_page_finalize;
  widget_class->map = coordena_forecast_page_map;

  /* Set once, by the window that holds the page. */
  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A row was activated: its team, by INE, for the Equipes page. */
  signals[SHOW_TEAM] = g_signal_new ("show-team", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (COORDENA_TYPE_LOSS_CHART);
  g_type_ensure (COORDENA_TYPE_NOTIFY_BUTTON);
  g_type_ensure (COORDENA_TYPE_SCENARIO_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-forecast-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, rules_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, horizon_spin);
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, compare_switch);
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, compare_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, rules_summary);
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, demo_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, headline_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, chart);
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, scenario);
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, scenario_toggle);
  gtk_widget_class_bind_template_callback (widget_class, recompute);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, scenario_changed);

  gtk_widget_class_install_action (widget_class, "previsao.add-change", NULL, add_change_action);
  gtk_widget_class_install_action (widget_class, "previsao.plan", "s", plan_action);
  gtk_widget_class_install_action (widget_class, "previsao.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "previsao.export-pdf", NULL, export_action);
}

static void
coordena_forecast_page_init (CoordenaForecastPage *self)
{
  GtkSingleSelection *selection;

  self->cancellable = g_cancellable_new ();
  self->rule_ids = g_ptr_array_new_with_free_func (g_free);
  self->compare_columns = g_ptr_array_new ();
  self->forecast_columns = g_ptr_array_new ();
  self->rows = g_list_store_new (COORDENA_TYPE_TEAM_ITEM);
  gtk_widget_init_template (GTK_WIDGET (self));

  coordena_forecast_columns_build (self->column_view, compared, self, self->forecast_columns, self->compare_columns);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}
