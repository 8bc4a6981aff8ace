#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include <coordena/coordena.h>
#include <coordena/forecast-report.h>
#include <coordena/rules.h>
#include <coordena/ruleset.h>

#include "coordena-file-chooser.h"
#include "coordena-display.h"
#include "coordena-loss-chart.h"
#include "coordena-notify-dialog.h"
#include "coordena-forecast-page.h"
#include "coordena-team-item.h"
#include "coordena-window.h"

struct _CoordenaForecastPage
{
  GtkWidget parent_instance;

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
  GtkListBox *changes_list;
  AdwEntryRow *ine_row;
  AdwComboRow *kind_row;
  AdwComboRow *category_row;
  AdwEntryRow *from_row;
  GtkLabel *scenario_error;
  GtkToggleButton *scenario_toggle;

  CoordenaWorkspace *workspace;
  CoordenaRuleCatalog *catalog;
  GPtrArray *rule_ids;          /* per rules_dropdown position; [0] NULL = auto */
  GArray *changes;              /* CoordenaScenarioChange */
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

G_DEFINE_FINAL_TYPE (CoordenaForecastPage, coordena_forecast_page, GTK_TYPE_WIDGET)

enum { SHOW_TEAM, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- Computing --------------------------------------------------------------------------- */

typedef struct {
  CoordenaRoster *roster;
  char *rules;
  char *compare;                /* the second set, or NULL */
  guint horizon;
  GArray *changes;
  CoordenaSummary *summary;     /* out */
  CoordenaComparison *comparison;
  char *compare_a;              /* the first set actually compared */
} Job;

static void
job_free (Job *job)
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
  Job *job = task_data;
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
  if (job->compare != NULL)
    {
      g_autoptr(CoordenaRuleCatalog) catalog = coordena_rule_catalog_load (&error);
      const CoordenaRuleSet *a, *b;
      const char *id_a = job->rules != NULL ? job->rules : coordena_summary_get_rules_id (job->summary);

      if (catalog == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      a = id_a != NULL ? coordena_rule_catalog_find (catalog, id_a) : NULL;
      b = coordena_rule_catalog_find (catalog, job->compare);
      if (a != NULL && b != NULL)
        {
          job->comparison = coordena_compare (job->roster, a, b);
          job->compare_a = g_strdup (a->id);
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void recompute (CoordenaForecastPage *self);
static void show_summary (CoordenaForecastPage *self);

static void
compute_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CoordenaForecastPage *self = COORDENA_FORECAST_PAGE (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
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
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (base == NULL)
    return;
  if (self->busy)
    {
      self->again = TRUE;
      return;
    }

  job = g_new0 (Job, 1);
  job->roster = coordena_roster_ref (coordena_summary_get_roster (base));
  job->rules = g_strdup (chosen_rules (self, self->rules_row));
  job->compare = gtk_switch_get_active (self->compare_switch) ? g_strdup (chosen_rules (self, self->compare_row)) : NULL;
  job->horizon = (guint) gtk_spin_button_get_value_as_int (self->horizon_spin);
  job->changes = g_array_copy (self->changes);

  self->busy = TRUE;
  task = g_task_new (self, self->cancellable, compute_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, compute_thread);
}

/* ---- Showing ----------------------------------------------------------------------------- */

static const char *
rules_title (CoordenaForecastPage *self, const char *id)
{
  const CoordenaRuleSet *set = self->catalog != NULL && id != NULL ? coordena_rule_catalog_find (self->catalog, id) : NULL;

  return set != NULL ? set->title : id;
}

static void
show_summary (CoordenaForecastPage *self)
{
  CoordenaSummary *s = self->summary;
  guint n = coordena_summary_get_n_teams (s);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 total = 0;
  guint losing = 0;
  CoordenaCompetencia first, current = coordena_summary_get_current (s);
  const gint64 *series;
  guint n_series;
  g_autofree char *money = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *until = coordena_competencia_format (coordena_competencia_add (current, (int) coordena_summary_get_horizon (s)));
  g_autofree char *rules = NULL;
  const char *chosen;

  g_clear_pointer (&self->compare_index, g_free);
  self->compare_index = g_new (int, MAX (n, 1));
  for (guint row = 0, c = 0; row < n; row++)
    {
      const CoordenaTeamSummary *ts = coordena_summary_get_team (s, row);
      const CoordenaRosterTeam *team = coordena_roster_get_team (coordena_summary_get_roster (s), ts->team);

      self->compare_index[row] = -1;
      if (self->comparison != NULL)
        {
          while (c < self->comparison->n_teams && strcmp (self->comparison->teams[c].team->ine, team->ine) < 0)
            c++;
          if (c < self->comparison->n_teams && strcmp (self->comparison->teams[c].team->ine, team->ine) == 0)
            self->compare_index[row] = (int) c;
        }
      /* Every team the forecast covers, those without registration now included. */
      if (ts->status == COORDENA_STATUS_NOT_EVALUATED || coordena_summary_get_forecast_team (s, row) == NULL)
        continue;
      g_ptr_array_add (items, coordena_team_item_new (s, row));
    }
  {
    const CoordenaForecastTotals *tot = coordena_forecast_get_totals (coordena_summary_get_forecast (s));

    total = tot->loss_horizon;
    losing = tot->n_losing;
  }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), items->pdata, items->len);

  money = coordena_format_money (total);
  /* TRANSLATORS: "R$ 1.234.567,89 até 09/2026" */
  headline = g_strdup_printf (_("%s forecast loss until %s"), money, until);
  gtk_label_set_text (self->headline_label, headline);
  if (self->comparison != NULL)
    {
      g_autofree char *a = coordena_format_money (self->comparison->loss_a);
      g_autofree char *b = coordena_format_money (self->comparison->loss_b);

      /* TRANSLATORS: the two rule sets and what each takes over the competências held */
      detail = g_strdup_printf (_("Over the competências held, %s would take %s and %s would take %s."),
                                rules_title (self, self->compare_a), a, rules_title (self, self->compare_b), b);
    }
  else if (self->changes->len == 0)
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u team loses money if nothing changes.",
                                           "%u teams lose money if nothing changes.", losing), losing);
  else
    {
      g_autofree char *who = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u team loses money with the scenario:",
                                                           "%u teams lose money with the scenario:", losing), losing);
      g_autofree char *what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u planned change.", "%u planned changes.",
                                                            self->changes->len), self->changes->len);

      detail = g_strdup_printf ("%s %s", who, what);
    }
  {
    gint64 unconfirmed = coordena_forecast_get_totals (coordena_summary_get_forecast (s))->loss_unconfirmed;

    if (unconfirmed > 0)
      {
        g_autofree char *m = coordena_format_money (unconfirmed);
        /* TRANSLATORS: the star beside an amount: how much of the forecast rests on [S] or [U] values */
        g_autofree char *note = g_strdup_printf (_("* To confirm: %s rests on values from a secondary source [S] or unverified [U]; the team’s detail names the act."), m);
        char *both = g_strdup_printf ("%s\n%s", detail, note);

        g_free (detail);
        detail = both;
      }
  }
  gtk_label_set_text (self->detail_label, detail);

  series = coordena_summary_get_series (s, &first, &n_series);
  coordena_loss_chart_set_series (self->chart, first, series, n_series, current);
  chosen = chosen_rules (self, self->rules_row);
  rules = chosen != NULL
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

/* ---- Cells ------------------------------------------------------------------------------- */

typedef char *(*RowText) (CoordenaForecastPage *self, CoordenaTeamItem *item);

static const CoordenaComparisonTeam *
compared (CoordenaForecastPage *self, CoordenaTeamItem *item)
{
  int i;

  if (self->comparison == NULL || coordena_team_item_get_summary (item) != self->summary)
    return NULL;
  i = self->compare_index[coordena_team_item_get_row (item)];
  return i >= 0 ? &self->comparison->teams[i] : NULL;
}

static char *
t_name (CoordenaForecastPage *self, CoordenaTeamItem *item)
{
  return g_strdup (coordena_team_item_get_name (item));
}

/* Who is missing: the categories absent or short of hours, by their codes as in Equipes. */
static char *
t_missing (CoordenaForecastPage *self, CoordenaTeamItem *item)
{
  const CoordenaTeamSummary *ts = coordena_team_item_get_team_summary (item);
  g_autoptr(GString) text = g_string_new (NULL);

  for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
    if (ts->presence[c] == COORDENA_PRESENCE_ABSENT || ts->presence[c] == COORDENA_PRESENCE_HOURS_SHORT)
      {
        g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", coordena_display_category_short (c));
        if (ts->presence[c] == COORDENA_PRESENCE_HOURS_SHORT)
          /* TRANSLATORS: after a category code in the Missing column: present, but short of weekly hours */
          g_string_append (text, _(" (hours)"));
      }
  return g_strdup (text->len > 0 ? text->str : "—");
}

/* The same in words, for the tooltip and a screen reader. */
static char *
missing_words (const CoordenaTeamSummary *ts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
    if (ts->presence[c] == COORDENA_PRESENCE_ABSENT || ts->presence[c] == COORDENA_PRESENCE_HOURS_SHORT)
      g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "; " : "", coordena_display_category (c),
                              coordena_display_presence (ts->presence[c]));
  return text->len > 0 ? g_strdup (text->str) : NULL;
}

static char *
t_state (CoordenaForecastPage *self, CoordenaTeamItem *item)
{
  return coordena_display_team_state (coordena_team_item_get_team_summary (item));
}

static char *
t_next (CoordenaForecastPage *self, CoordenaTeamItem *item)
{
  return coordena_display_next_step (coordena_team_item_get_team_summary (item));
}

static char *
t_loss (CoordenaForecastPage *self, CoordenaTeamItem *item)
{
  const CoordenaTeamSummary *ts = coordena_team_item_get_team_summary (item);

  return coordena_display_money_marked (ts->loss_horizon, ts->confidence);
}

static char *
t_revocation (CoordenaForecastPage *self, CoordenaTeamItem *item)
{
  CoordenaCompetencia c = coordena_team_item_get_team_summary (item)->revocation;

  return c != 0 ? coordena_competencia_format (c) : g_strdup ("—");
}

static char *
t_percent_a (CoordenaForecastPage *self, CoordenaTeamItem *item)
{
  const CoordenaComparisonTeam *c = compared (self, item);

  return c != NULL ? coordena_display_percent ((int) c->percent_a) : g_strdup ("");
}

static char *
t_percent_b (CoordenaForecastPage *self, CoordenaTeamItem *item)
{
  const CoordenaComparisonTeam *c = compared (self, item);

  return c != NULL ? coordena_display_percent ((int) c->percent_b) : g_strdup ("");
}

static char *
t_loss_a (CoordenaForecastPage *self, CoordenaTeamItem *item)
{
  const CoordenaComparisonTeam *c = compared (self, item);

  return c != NULL ? coordena_display_money (c->loss_a) : g_strdup ("");
}

static char *
t_loss_b (CoordenaForecastPage *self, CoordenaTeamItem *item)
{
  const CoordenaComparisonTeam *c = compared (self, item);

  return c != NULL ? coordena_display_money (c->loss_b) : g_strdup ("");
}

static char *
t_difference (CoordenaForecastPage *self, CoordenaTeamItem *item)
{
  const CoordenaComparisonTeam *c = compared (self, item);

  if (c == NULL)
    return g_strdup ("");
  if (c->loss_b == c->loss_a)
    return g_strdup ("—");
  if (c->loss_b > c->loss_a)
    {
      g_autofree char *money = coordena_format_money (c->loss_b - c->loss_a);

      return g_strdup_printf ("+%s", money);
    }
  return coordena_format_money (c->loss_b - c->loss_a);
}

/* Text that may run long wraps inside its column rather than be cut or push the others away. */
static void
setup_wrapped (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  guint chars = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "chars"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_max_width_chars (GTK_LABEL (label), (int) chars);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  gtk_list_item_set_child (list_item, label);
}

/* The team in two lines: its name, then where it is and its INE. */
static void
setup_team (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *where = gtk_label_new (NULL);

  for (GtkWidget *l = name; l != NULL; l = l == name ? where : NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (l), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (l), PANGO_WRAP_WORD);
      gtk_label_set_width_chars (GTK_LABEL (l), 16);
      gtk_label_set_max_width_chars (GTK_LABEL (l), 34);
      gtk_label_set_xalign (GTK_LABEL (l), 0);
      gtk_box_append (GTK_BOX (box), l);
    }
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_team (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  CoordenaTeamItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  g_autofree char *where = g_strdup_printf ("%s · INE %s", coordena_team_item_get_municipio (item), coordena_team_item_get_ine (item));

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), coordena_team_item_get_name (item));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), where);
}

/* The next step, and under it the last competência to avoid it. */
static void
bind_next (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  CoordenaTeamItem *item = gtk_list_item_get_item (list_item);
  const CoordenaTeamSummary *ts = coordena_team_item_get_team_summary (item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  g_autofree char *next = coordena_display_next_step (ts);
  g_autofree char *when = ts->fix_by != 0 ? coordena_competencia_format (ts->fix_by) : NULL;
  /* TRANSLATORS: under the next step: the last competência to complete the team and avoid it */
  g_autofree char *fix = when != NULL ? g_strdup_printf (_("fix by %s"), when) : NULL;
  GtkWidget *second = gtk_widget_get_last_child (box);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), next);
  gtk_label_set_text (GTK_LABEL (second), fix != NULL ? fix : "");
  gtk_widget_set_visible (second, fix != NULL);
}

static void plan_for_team (CoordenaForecastPage *self, CoordenaTeamItem *item);

static void
plan_clicked (GtkButton *button, CoordenaForecastPage *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "list-item");

  if (gtk_list_item_get_item (list_item) != NULL)
    plan_for_team (self, gtk_list_item_get_item (list_item));
}

/* What is missing, and beside it the button that plans the hire. */
static void
setup_plan (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Plan a Change for This Team"));
  g_object_set_data (G_OBJECT (button), "list-item", list_item);
  g_signal_connect (button, "clicked", G_CALLBACK (plan_clicked), user_data);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_plan (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  CoordenaTeamItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  g_autofree char *missing = t_missing (user_data, item);
  g_autofree char *words = missing_words (coordena_team_item_get_team_summary (item));
  /* TRANSLATORS: the accessible name of a row's button: the team's name and INE */
  g_autofree char *name = g_strdup_printf (_("Plan a change for %s (INE %s)"), coordena_team_item_get_name (item),
                                           coordena_team_item_get_ine (item));

  gtk_label_set_text (GTK_LABEL (label), missing);
  gtk_widget_set_tooltip_text (label, words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_last_child (box)), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  guint chars = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "chars"));
  gboolean numeric = g_object_get_data (G_OBJECT (factory), "numeric") != NULL;

  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), chars);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), numeric || chars <= 15 ? chars : chars * 2 / 3);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (numeric)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  CoordenaForecastPage *self = user_data;
  RowText text_func = g_object_get_data (G_OBJECT (factory), "text");
  g_autofree char *text = text_func (self, gtk_list_item_get_item (list_item));
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (GTK_IS_LABEL (child))
    gtk_label_set_text (GTK_LABEL (child), text);
  else
    gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
  if (text_func == t_missing)
    {
      g_autofree char *words = missing_words (coordena_team_item_get_team_summary (gtk_list_item_get_item (list_item)));

      gtk_widget_set_tooltip_text (child, words);
    }
}

typedef int (*RowCompare) (const CoordenaTeamSummary *a, const CoordenaTeamSummary *b);

static int
sort_rows (gconstpointer a, gconstpointer b, gpointer user_data)
{
  RowCompare compare = (RowCompare) user_data;
  CoordenaTeamItem *x = (CoordenaTeamItem *) a, *y = (CoordenaTeamItem *) b;
  int r = compare != NULL ? compare (coordena_team_item_get_team_summary (x), coordena_team_item_get_team_summary (y)) : 0;

  if (r == 0)
    r = strcmp (coordena_team_item_get_ine (x), coordena_team_item_get_ine (y));
  return r < 0 ? GTK_ORDERING_SMALLER : r > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
by_loss (const CoordenaTeamSummary *a, const CoordenaTeamSummary *b)
{
  return a->loss_horizon < b->loss_horizon ? -1 : a->loss_horizon > b->loss_horizon;
}

static int
by_next (const CoordenaTeamSummary *a, const CoordenaTeamSummary *b)
{
  guint x = a->next_step ? a->next_step : G_MAXUINT, y = b->next_step ? b->next_step : G_MAXUINT;

  return x < y ? -1 : x > y;
}

static int
by_state (const CoordenaTeamSummary *a, const CoordenaTeamSummary *b)
{
  return a->percent != b->percent ? a->percent - b->percent : (int) a->status - (int) b->status;
}

static int
by_revocation (const CoordenaTeamSummary *a, const CoordenaTeamSummary *b)
{
  guint x = a->revocation ? a->revocation : G_MAXUINT, y = b->revocation ? b->revocation : G_MAXUINT;

  return x < y ? -1 : x > y;
}

/* Municipality, then the team's name: ranks from the summary, as in Equipes. */
static int
sort_by_place (gconstpointer a, gconstpointer b, gpointer user_data)
{
  CoordenaTeamItem *x = (CoordenaTeamItem *) a, *y = (CoordenaTeamItem *) b;
  const guint32 *places = coordena_summary_get_municipio_ranks (coordena_team_item_get_summary (x));
  const guint32 *names = coordena_summary_get_name_ranks (coordena_team_item_get_summary (x));
  guint rx = coordena_team_item_get_row (x), ry = coordena_team_item_get_row (y);
  int r = places[rx] != places[ry] ? (places[rx] < places[ry] ? -1 : 1) : names[rx] != names[ry] ? (names[rx] < names[ry] ? -1 : 1) : 0;

  if (r == 0)
    r = strcmp (coordena_team_item_get_ine (x), coordena_team_item_get_ine (y));
  return r < 0 ? GTK_ORDERING_SMALLER : r > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkColumnViewColumn *
add_column (CoordenaForecastPage *self, const char *title, RowText text, RowCompare compare, guint chars, gboolean numeric, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  /* Words, not codes or amounts, wrap. */
  gboolean wrapped = text == t_state || text == t_next || text == t_missing;

  g_object_set_data (G_OBJECT (factory), "text", text);
  g_object_set_data (G_OBJECT (factory), "chars", GUINT_TO_POINTER (chars));
  g_object_set_data (G_OBJECT (factory), "numeric", numeric ? GINT_TO_POINTER (1) : NULL);
  if (text == t_name || text == t_next)
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_team), self);
      g_signal_connect (factory, "bind", G_CALLBACK (text == t_name ? bind_team : bind_next), self);
    }
  else if (text == t_missing)
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_plan), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_plan), self);
    }
  else
    {
      g_signal_connect (factory, "setup", G_CALLBACK (wrapped ? setup_wrapped : setup_cell), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
    }
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (text == t_name)
    {
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (sort_by_place, NULL, NULL));

      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
    }
  else if (compare != NULL)
    {
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (sort_rows, (gpointer) compare, NULL));

      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  return column;
}

static void
build_columns (CoordenaForecastPage *self)
{
  GtkColumnViewColumn *loss;

  /* At the default window size every column fits: the team's three fields share one column in
   * two lines, and the words wrap. */
  add_column (self, _("Team"), t_name, NULL, 30, FALSE, TRUE);
  add_column (self, _("Today"), t_state, by_state, 15, FALSE, FALSE);
  add_column (self, _("Missing"), t_missing, NULL, 10, FALSE, FALSE);
  g_ptr_array_add (self->forecast_columns, add_column (self, _("Next Step"), t_next, by_next, 12, FALSE, FALSE));
  loss = add_column (self, _("Forecast Loss"), t_loss, by_loss, 13, TRUE, FALSE);
  g_ptr_array_add (self->forecast_columns, add_column (self, _("INE Revoked"), t_revocation, by_revocation, 11, FALSE, FALSE));
  g_ptr_array_add (self->compare_columns, add_column (self, "% A", t_percent_a, NULL, 6, TRUE, FALSE));
  g_ptr_array_add (self->compare_columns, add_column (self, "% B", t_percent_b, NULL, 6, TRUE, FALSE));
  g_ptr_array_add (self->compare_columns, add_column (self, _("Loss A"), t_loss_a, NULL, 13, TRUE, FALSE));
  g_ptr_array_add (self->compare_columns, add_column (self, _("Loss B"), t_loss_b, NULL, 13, TRUE, FALSE));
  g_ptr_array_add (self->compare_columns, add_column (self, _("Difference"), t_difference, NULL, 13, TRUE, FALSE));
  for (guint i = 0; i < self->compare_columns->len; i++)
    gtk_column_view_column_set_visible (g_ptr_array_index (self->compare_columns, i), FALSE);
  gtk_column_view_sort_by_column (self->column_view, loss, GTK_SORT_DESCENDING);
}

/* ---- Scenario ---------------------------------------------------------------------------- */

static void show_changes (CoordenaForecastPage *self);

static void
remove_change (GtkButton *button, CoordenaForecastPage *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  if (i < self->changes->len)
    g_array_remove_index (self->changes, i);
  show_changes (self);
  recompute (self);
}

static void
show_changes (CoordenaForecastPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->changes_list))) != NULL)
    gtk_list_box_remove (self->changes_list, child);
  for (guint i = 0; i < self->changes->len; i++)
    {
      const CoordenaScenarioChange *c = &g_array_index (self->changes, CoordenaScenarioChange, i);
      CoordenaSummary *base = coordena_workspace_get_summary (self->workspace);
      int row_index = base != NULL ? coordena_summary_find_team (base, c->ine) : -1;
      const char *name = NULL;
      g_autofree char *when = coordena_competencia_format (c->from);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      if (row_index >= 0)
        name = coordena_roster_get_team (coordena_summary_get_roster (base), (guint) row_index)->name;
      title = c->kind == COORDENA_CHANGE_HIRE
              /* TRANSLATORS: "Contratação de Médico a partir de 11/2025" */
              ? g_strdup_printf (_("Hire: %s from %s"), coordena_display_category (c->category), when)
              : g_strdup_printf (_("Departure: %s from %s"), coordena_display_category (c->category), when);
      subtitle = g_strdup_printf ("INE %s%s%s", c->ine, name != NULL ? " · " : "", name != NULL ? name : "");
      if (row_index >= 0 && coordena_summary_get_forecast_team (base, (guint) row_index) != NULL &&
          coordena_summary_get_forecast_team (base, (guint) row_index)->missing)
        {
          /* The forecast cannot apply it (docs/regras.md): the list says so, as the report does. */
          char *marked = g_strdup_printf (_("%s — no effect: the team is without registration"), subtitle);

          g_free (subtitle);
          subtitle = marked;
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove From Scenario"));
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_change), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->changes_list, row);
    }
  if (self->changes->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No planned change"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Each team keeps its latest composition."));
      gtk_list_box_append (self->changes_list, row);
    }
}

static void
set_scenario_error (CoordenaForecastPage *self, GtkWidget *row, const char *message)
{
  gtk_label_set_text (self->scenario_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->scenario_error), message != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->ine_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->from_row), "error");
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

gboolean
coordena_forecast_page_add_change (CoordenaForecastPage *self, const char *ine_text, gboolean hire, const char *category_text, const char *from_text)
{
  CoordenaSummary *base = coordena_workspace_get_summary (self->workspace);
  CoordenaScenarioChange change = { 0 };
  g_autofree char *ine = g_strstrip (g_strdup (ine_text));
  CoordenaCompetencia from = 0;
  CoordenaCategory category = coordena_category_from_string (category_text);

  if (base == NULL || coordena_summary_find_team (base, ine) < 0)
    {
      g_autofree char *message = g_strdup_printf (_("No team has the INE “%s”. Type the 10 digits shown in the Teams page."), ine);

      set_scenario_error (self, GTK_WIDGET (self->ine_row), message);
      return FALSE;
    }
  if (!coordena_competencia_parse (from_text, &from, NULL))
    {
      set_scenario_error (self, GTK_WIDGET (self->from_row), _("Type the competência as MM/AAAA, for example 03/2026."));
      return FALSE;
    }
  if (from <= coordena_summary_get_current (base))
    {
      g_autofree char *now = coordena_competencia_format (coordena_summary_get_current (base));
      g_autofree char *message = g_strdup_printf (_("A planned change starts after the latest competência held (%s)."), now);

      set_scenario_error (self, GTK_WIDGET (self->from_row), message);
      return FALSE;
    }
  if (category == COORDENA_CATEGORY_NONE)
    {
      set_scenario_error (self, GTK_WIDGET (self->category_row), _("Choose a category."));
      return FALSE;
    }
  set_scenario_error (self, NULL, NULL);
  g_strlcpy (change.ine, ine, sizeof change.ine);
  change.kind = hire ? COORDENA_CHANGE_HIRE : COORDENA_CHANGE_LEAVE;
  change.category = category;
  change.from = from;
  g_array_append_val (self->changes, change);
  show_changes (self);
  recompute (self);
  return TRUE;
}

/* The form filled for the team: a hire of the first category it misses, from the competência
 * after the latest; the user checks it and adds. */
static void
plan_for_team (CoordenaForecastPage *self, CoordenaTeamItem *item)
{
  const CoordenaTeamSummary *ts = coordena_team_item_get_team_summary (item);
  CoordenaSummary *base = coordena_workspace_get_summary (self->workspace);

  gtk_toggle_button_set_active (self->scenario_toggle, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->ine_row), coordena_team_item_get_ine (item));
  adw_combo_row_set_selected (self->kind_row, 0);
  for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
    if (ts->presence[c] == COORDENA_PRESENCE_ABSENT || ts->presence[c] == COORDENA_PRESENCE_HOURS_SHORT)
      {
        adw_combo_row_set_selected (self->category_row, (guint) c);
        break;
      }
  if (*gtk_editable_get_text (GTK_EDITABLE (self->from_row)) == '\0' && base != NULL && coordena_summary_get_current (base) != 0)
    {
      g_autofree char *next = coordena_competencia_format (coordena_competencia_add (coordena_summary_get_current (base), 1));

      gtk_editable_set_text (GTK_EDITABLE (self->from_row), next);
    }
  set_scenario_error (self, NULL, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->kind_row));
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
  CoordenaForecastPage *self = COORDENA_FORECAST_PAGE (widget);
  guint category = adw_combo_row_get_selected (self->category_row);

  if (coordena_forecast_page_add_change (self, gtk_editable_get_text (GTK_EDITABLE (self->ine_row)),
                                         adw_combo_row_get_selected (self->kind_row) == 0,
                                         coordena_category_to_string ((CoordenaCategory) category),
                                         gtk_editable_get_text (GTK_EDITABLE (self->from_row))))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->ine_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->ine_row));
    }
}

guint
coordena_forecast_page_get_n_changes (CoordenaForecastPage *self)
{
  return self->changes->len;
}

/* ---- Exports ----------------------------------------------------------------------------- */

static void
export_chosen (GtkNativeDialog *native, int response, CoordenaForecastPage *self)
{
  gboolean pdf = g_object_get_data (G_OBJECT (native), "pdf") != NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean ok;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL || (path = g_file_get_path (file)) == NULL || self->summary == NULL)
    return;

  if (self->workspace != NULL && coordena_workspace_get_store (self->workspace) != NULL
      && !coordena_store_check_output_path (coordena_workspace_get_store (self->workspace), path, &error))
    ok = FALSE;
  else if (pdf)
    {
      CoordenaStore *store = self->workspace != NULL ? coordena_workspace_get_store (self->workspace) : NULL;
      g_autofree char *uf = store != NULL ? coordena_store_get_uf (store) : NULL;
      g_autofree char *secretaria = store != NULL ? coordena_store_get_profile (store, "secretaria.nome") : NULL;
      CoordenaForecastReportInfo info = {
        .uf = uf,
        .secretaria = secretaria != NULL && *secretaria != '\0' ? secretaria : NULL,
        .demo = self->workspace != NULL && coordena_workspace_is_demo (self->workspace),
      };

      ok = coordena_forecast_report_write_pdf_full (self->summary, self->comparison, &info, path, &error);
    }
  else
    ok = coordena_forecast_report_write_csv (self->summary, path, &error);
  base = g_path_get_basename (path);
  text = ok ? g_strdup_printf (_("Saved “%s”"), base) : g_strdup_printf (_("“%s” was not saved: %s"), base, error->message);
  if (COORDENA_IS_WINDOW (root))
    coordena_window_add_toast (COORDENA_WINDOW (root), adw_toast_new (text));
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
  g_object_set_data (G_OBJECT (native), "pdf", pdf ? GINT_TO_POINTER (1) : NULL);
  coordena_file_chooser_prepare (native);
  g_signal_connect (native, "response", G_CALLBACK (export_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- Setup ------------------------------------------------------------------------------- */

static void
load_rules (CoordenaForecastPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) others = gtk_string_list_new (NULL);
  guint n;

  g_ptr_array_add (self->rule_ids, NULL);
  gtk_string_list_append (names, _("Automatic: the rules in force in each competência"));
  self->catalog = coordena_rule_catalog_load (NULL);
  n = self->catalog != NULL ? coordena_rule_catalog_get_n_sets (self->catalog) : 0;
  for (guint i = 0; i < n; i++)
    {
      const CoordenaRuleSet *set = coordena_rule_catalog_get_set (self->catalog, i);

      g_ptr_array_add (self->rule_ids, g_strdup (set->id));
      gtk_string_list_append (names, set->title);
      gtk_string_list_append (others, set->title);
    }
  adw_combo_row_set_model (self->rules_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->compare_row, G_LIST_MODEL (others));
  /* The two sets the seed note compared by default: the older and the newer capitação rules. */
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (g_ptr_array_index (self->rule_ids, i + 1), "portaria-38-2022") == 0)
      adw_combo_row_set_selected (self->compare_row, i);
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
  show_changes (self);
  gtk_widget_set_visible (self->demo_label, coordena_workspace_is_demo (self->workspace));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    recompute (self);
  else
    self->stale = TRUE;
}

static void
page_mapped (CoordenaForecastPage *self)
{
  if (self->stale)
    {
      self->stale = FALSE;
      recompute (self);
    }
}

void
coordena_forecast_page_set_workspace (CoordenaForecastPage *self, CoordenaWorkspace *workspace)
{
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    {
      g_signal_connect_swapped (workspace, "changed", G_CALLBACK (workspace_changed), self);
      workspace_changed (self);
    }
}

static void
coordena_forecast_page_dispose (GObject *object)
{
  CoordenaForecastPage *self = COORDENA_FORECAST_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), COORDENA_TYPE_FORECAST_PAGE);
  /* The template's top widget is not bound: it leaves with its parent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
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
  g_clear_pointer (&self->catalog, coordena_rule_catalog_free);
  g_clear_pointer (&self->rule_ids, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_array_unref);
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

  object_class->dispose = coordena_forecast_page_dispose;
  object_class->finalize = coordena_forecast_page_finalize;

  g_type_ensure (COORDENA_TYPE_LOSS_CHART);
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
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, changes_list);
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, ine_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, category_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, from_row);
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, scenario_error);
  gtk_widget_class_bind_template_child (widget_class, CoordenaForecastPage, scenario_toggle);

  /* A row was activated: its team, by INE, for the Equipes page. */
  signals[SHOW_TEAM] = g_signal_new ("show-team", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "previsao.add-change", NULL, add_change_action);
  gtk_widget_class_install_action (widget_class, "previsao.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "previsao.export-pdf", NULL, export_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
coordena_forecast_page_init (CoordenaForecastPage *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* From the forecast to the letters, beside the other ways out of this page. */
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->demo_label))),
                              coordena_notify_button_new (), GTK_WIDGET (self->demo_label));

  self->cancellable = g_cancellable_new ();
  self->rule_ids = g_ptr_array_new_with_free_func (g_free);
  self->changes = g_array_new (FALSE, TRUE, sizeof (CoordenaScenarioChange));
  self->compare_columns = g_ptr_array_new ();
  self->forecast_columns = g_ptr_array_new ();
  self->rows = g_list_store_new (COORDENA_TYPE_TEAM_ITEM);

  for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
    gtk_string_list_append (categories, coordena_display_category (c));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));

  load_rules (self);
  build_columns (self);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (row_activated), self);

  g_signal_connect (self, "map", G_CALLBACK (page_mapped), NULL);
  g_signal_connect_swapped (self->rules_row, "notify::selected", G_CALLBACK (recompute), self);
  g_signal_connect_swapped (self->compare_row, "notify::selected", G_CALLBACK (recompute), self);
  g_signal_connect_swapped (self->compare_switch, "notify::active", G_CALLBACK (recompute), self);
  g_signal_connect_swapped (self->horizon_spin, "value-changed", G_CALLBACK (recompute), self);
  g_signal_connect_swapped (self->ine_row, "entry-activated", G_CALLBACK (gtk_widget_grab_focus), self->from_row);
  show_changes (self);
}
