/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Previsão page on the demonstration database: the forecast in Portuguese, a planned hire
 * that recomputes it at once, a refused change with its message, and two rule sets compared. */
#include "config.h"

#include <adwaita.h>

#include <coordena/coordena.h>

#include "coordena-forecast-page-private.h"
#include "ui-app-helpers.h"
#include "ui-helpers.h"

static CoordenaApplication *app;

static gboolean
computed (gpointer data)
{
  return coordena_forecast_page_get_summary (data) != NULL;
}

static CoordenaForecastPage *
previsao_page (CoordenaWindow **out)
{
  CoordenaWindow *window = ui_app_open_window (app);
  CoordenaForecastPage *page = COORDENA_FORECAST_PAGE (coordena_window_get_page_widget (window, "previsao"));

  coordena_window_show_page (window, "previsao");
  g_assert_true (ui_app_wait_for (computed, page));
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  *out = window;
  return page;
}

static void
wait_recomputed (CoordenaWindow *window, CoordenaForecastPage *page)
{
  ui_flush ();
  g_assert_true (ui_app_wait_for (computed, page));
  ui_wait_for_frames (GTK_WIDGET (window), 2);
}

static gboolean
label_shows (GtkWidget *widget, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_mapped (child) && GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (label_shows (child, text))
        return TRUE;
    }
  return FALSE;
}

static void
test_forecast_shown (void)
{
  CoordenaWindow *window;
  CoordenaForecastPage *page = previsao_page (&window);

  g_assert_true (g_str_has_prefix (coordena_forecast_page_get_headline (page), "R$ "));
  g_assert_nonnull (strstr (coordena_forecast_page_get_headline (page), "de perda prevista até 09/2026"));
  g_assert_cmpuint (g_list_model_get_n_items (coordena_forecast_page_get_rows (page)), >, 0);
  g_assert_true (label_shows (GTK_WIDGET (page), "Cenário"));
  g_assert_true (label_shows (GTK_WIDGET (page), "Horizonte"));
  g_assert_true (label_shows (GTK_WIDGET (page), "Regras: as em vigor em cada competência"));
  g_assert_true (label_shows (GTK_WIDGET (page), "Nenhuma mudança planejada"));
  g_free (ui_save_png (GTK_WIDGET (window), "previsao"));
}

/* The percents a team is forecast to lose, added over the horizon. */
static int
forecast_percents (CoordenaSummary *summary, int row)
{
  g_autoptr(GArray) timeline = coordena_summary_team_timeline (summary, (guint) row);
  int total = 0;

  for (guint i = 0; i < timeline->len; i++)
    if (g_array_index (timeline, CoordenaTeamMonthSummary, i).forecast)
      total += g_array_index (timeline, CoordenaTeamMonthSummary, i).percent;
  return total;
}

static void
test_scenario_changes_forecast (void)
{
  CoordenaWindow *window;
  CoordenaForecastPage *page = previsao_page (&window);
  CoordenaSummary *before = coordena_summary_ref (coordena_forecast_page_get_summary (page));
  CoordenaSummary *after;
  const CoordenaRosterTeam *team = NULL;
  CoordenaCategory missing = COORDENA_CATEGORY_NONE;
  g_autofree char *from = coordena_competencia_format (coordena_competencia_add (coordena_summary_get_current (before), 1));
  int row = -1, percents_before;

  /* A team heading for a suspension for want of one category. */
  for (guint i = 0; i < coordena_summary_get_n_teams (before) && team == NULL; i++)
    {
      const CoordenaTeamSummary *t = coordena_summary_get_team (before, i);

      if (!t->active || forecast_percents (before, (int) i) == 0)
        continue;
      for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
        if (t->presence[c] == COORDENA_PRESENCE_ABSENT || t->presence[c] == COORDENA_PRESENCE_HOURS_SHORT)
          {
            missing = c;
            row = (int) i;
            team = coordena_roster_get_team (coordena_summary_get_roster (before), t->team);
            break;
          }
    }
  g_assert_nonnull (team);
  percents_before = forecast_percents (before, row);

  /* A wrong competência is refused with a message and changes nothing. */
  g_assert_false (coordena_forecast_page_add_change (page, team->ine, TRUE, coordena_category_to_string (missing), "13/2025"));
  g_assert_true (label_shows (GTK_WIDGET (page), "MM/AAAA"));
  g_assert_cmpuint (coordena_forecast_page_get_n_changes (page), ==, 0);

  /* Hiring it from next month lowers the team's forecast suspensions, at once. */
  g_assert_true (coordena_forecast_page_add_change (page, team->ine, TRUE, coordena_category_to_string (missing), from));
  wait_recomputed (window, page);
  after = coordena_forecast_page_get_summary (page);
  g_assert_true (after != before);
  row = coordena_summary_find_team (after, team->ine);
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpint (forecast_percents (after, row), <, percents_before);
  g_assert_cmpuint (coordena_forecast_page_get_n_changes (page), ==, 1);
  g_assert_true (label_shows (GTK_WIDGET (page), "Contratação"));
  g_assert_true (label_shows (GTK_WIDGET (page), "1 mudança") || label_shows (GTK_WIDGET (page), "cenário: 1"));
  g_free (ui_save_png (GTK_WIDGET (window), "previsao-cenario"));
  coordena_summary_unref (before);
}

static void
test_comparison (void)
{
  CoordenaWindow *window;
  CoordenaForecastPage *page = previsao_page (&window);

  coordena_forecast_page_set_rules (page, "previne-2020");
  coordena_forecast_page_set_compare (page, "portaria-38-2022");
  wait_recomputed (window, page);
  g_assert_true (label_shows (GTK_WIDGET (page), "retiraria"));
  g_free (ui_save_png (GTK_WIDGET (window), "previsao-comparacao"));
  coordena_forecast_page_set_compare (page, NULL);
  coordena_forecast_page_set_rules (page, NULL);
  wait_recomputed (window, page);
}

static GtkWidget *
find_plan_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_mapped (child)
          && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "previsao.plan") == 0)
        return child;
      if ((found = find_plan_button (child)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_by_name (GtkWidget *widget, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_by_name (child, name)) != NULL)
        return found;
    }
  return NULL;
}

/* The "+" of a row fills the scenario form with that row's team, whatever row the table reused. */
static void
test_row_button_plans_its_team (void)
{
  CoordenaWindow *window;
  CoordenaForecastPage *page = previsao_page (&window);
  GtkWidget *button = find_plan_button (GTK_WIDGET (page));
  GVariant *target;
  GtkWidget *ine_row;

  g_assert_nonnull (button);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_nonnull (target);
  g_assert_cmpuint (strlen (g_variant_get_string (target, NULL)), ==, 10);
  g_signal_emit_by_name (button, "clicked");
  ui_flush ();
  ine_row = find_by_name (GTK_WIDGET (page), "scenario-ine");
  g_assert_nonnull (ine_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ine_row)), ==, g_variant_get_string (target, NULL));
  gtk_editable_set_text (GTK_EDITABLE (ine_row), "");
}

/* The rule catalogue read again (a user rule file changed): the page lists the sets anew and
 * keeps the two it compared. */
static void
test_catalog_reload_keeps_choices (void)
{
  CoordenaWindow *window;
  CoordenaForecastPage *page = previsao_page (&window);

  coordena_forecast_page_set_rules (page, "previne-2020");
  coordena_forecast_page_set_compare (page, "portaria-38-2022");
  wait_recomputed (window, page);
  g_assert_true (label_shows (GTK_WIDGET (page), "retiraria"));
  coordena_workspace_reload_catalog (coordena_window_get_workspace (window));
  ui_app_wait_loaded (window);
  wait_recomputed (window, page);
  g_assert_true (label_shows (GTK_WIDGET (page), "retiraria"));
  g_assert_true (label_shows (GTK_WIDGET (page), "em todas as competências"));
  g_assert_true (coordena_forecast_page_set_rules (page, "portaria-38-2022"));
  coordena_forecast_page_set_compare (page, NULL);
  coordena_forecast_page_set_rules (page, NULL);
  wait_recomputed (window, page);
}

int
main (int argc, char **argv)
{
  g_autofree char *db = NULL;
  int status;

  ui_app_init (&argc, &argv);
  db = ui_app_make_database ("SE");
  app = ui_app_new (db);

  g_test_add_func ("/previsao/forecast-shown", test_forecast_shown);
  g_test_add_func ("/previsao/scenario-changes-forecast", test_scenario_changes_forecast);
  g_test_add_func ("/previsao/comparison", test_comparison);
  g_test_add_func ("/previsao/catalog-reload-keeps-choices", test_catalog_reload_keeps_choices);
  g_test_add_func ("/previsao/row-button-plans-its-team", test_row_button_plans_its_team);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return status;
}
