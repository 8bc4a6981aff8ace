/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Painel on the demonstration database: the competência, the KPIs in Portuguese, the chart,
 * the municipalities and the alerts, each alert opening its team; also in the dark style. */
#include "config.h"

#include <adwaita.h>

#include <coordena/coordena.h>

#include "coordena-teams-page-private.h"
#include "coordena-dashboard-page.h"
#include "coordena-team-detail.h"
#include "ui-app-helpers.h"
#include "ui-helpers.h"

static CoordenaApplication *app;

static CoordenaWindow *
painel_window (CoordenaDashboardPage **page)
{
  CoordenaWindow *window = ui_app_open_window (app);

  coordena_window_show_page (window, "painel");
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  *page = COORDENA_DASHBOARD_PAGE (coordena_window_get_page_widget (window, "painel"));
  return window;
}

static const char *
row_title (GtkListBox *list, int i)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

  return row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

static gboolean
label_shows (GtkWidget *widget, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (label_shows (child, text))
        return TRUE;
    }
  return FALSE;
}

static void
test_painel_shows_figures (void)
{
  CoordenaDashboardPage *page;
  CoordenaWindow *window = painel_window (&page);
  CoordenaSummary *summary = coordena_workspace_get_summary (coordena_window_get_workspace (window));
  g_autofree char *evaluated = NULL;
  g_autofree char *png = NULL;

  g_assert_nonnull (summary);
  g_assert_cmpuint (coordena_summary_get_n_evaluated (summary), >, 0);
  evaluated = coordena_format_integer (coordena_summary_get_n_evaluated (summary));

  /* What a user reads, in Portuguese. */
  g_assert_true (label_shows (GTK_WIDGET (page), "Competência 09/2025"));
  g_assert_true (label_shows (GTK_WIDGET (page), "equipes avaliadas"));
  g_assert_true (label_shows (GTK_WIDGET (page), "em risco de suspensão"));
  g_assert_true (label_shows (GTK_WIDGET (page), "suspensas agora"));
  g_assert_true (label_shows (GTK_WIDGET (page), "perda mensal prevista"));
  g_assert_true (label_shows (GTK_WIDGET (page), "perda nas próximas 12 competências"));
  g_assert_true (label_shows (GTK_WIDGET (page), "Dados de demonstração"));
  g_assert_true (label_shows (GTK_WIDGET (page), "Alertas"));
  g_assert_true (label_shows (GTK_WIDGET (page), "Municípios com maior perda"));
  g_assert_cmpstr (coordena_dashboard_page_get_kpi (page, 0), ==, evaluated);
  g_assert_true (g_str_has_prefix (coordena_dashboard_page_get_kpi (page, 4), "R$ "));
  /* The dashboard's total is the forecast's, the one `forecast` and the report print. */
  {
    g_autofree char *total = coordena_format_money (coordena_forecast_get_totals (coordena_summary_get_forecast (summary))->loss_horizon);
    g_assert_cmpstr (coordena_dashboard_page_get_kpi (page, 4), ==, total);
  }

  g_assert_nonnull (row_title (coordena_dashboard_page_get_municipios (page), 0));
  g_assert_nonnull (row_title (coordena_dashboard_page_get_alerts (page), 0));

  png = ui_save_png (GTK_WIDGET (window), "painel");
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
}

static void
test_alert_opens_team (void)
{
  CoordenaDashboardPage *page;
  CoordenaWindow *window = painel_window (&page);
  CoordenaSummary *summary = coordena_workspace_get_summary (coordena_window_get_workspace (window));
  const CoordenaAlert *alert;
  const CoordenaRosterTeam *team;
  GtkListBoxRow *row;
  CoordenaTeamsPage *equipes;
  CoordenaTeamItem *shown;

  g_assert_cmpuint (coordena_summary_get_n_alerts (summary), >, 0);
  alert = coordena_summary_get_alert (summary, 0);
  team = coordena_roster_get_team (coordena_summary_get_roster (summary), coordena_summary_get_team (summary, alert->row)->team);

  row = gtk_list_box_get_row_at_index (coordena_dashboard_page_get_alerts (page), 0);
  g_signal_emit_by_name (row, "activate");
  ui_wait_for_frames (GTK_WIDGET (window), 2);

  g_assert_cmpstr (coordena_window_get_page (window), ==, "equipes");
  equipes = COORDENA_TEAMS_PAGE (coordena_window_get_page_widget (window, "equipes"));
  shown = coordena_team_detail_get_item (COORDENA_TEAM_DETAIL (coordena_teams_page_get_detail (equipes)));
  g_assert_nonnull (shown);
  g_assert_cmpstr (coordena_team_item_get_ine (shown), ==, team->ine);
  g_assert_true (gtk_widget_get_mapped (coordena_teams_page_get_detail (equipes)));
  g_free (ui_save_png (GTK_WIDGET (window), "equipes-detalhe-alerta"));
}

static void
test_municipio_opens_its_teams (void)
{
  CoordenaDashboardPage *page;
  CoordenaWindow *window = painel_window (&page);
  CoordenaSummary *summary = coordena_workspace_get_summary (coordena_window_get_workspace (window));
  const CoordenaMunicipioSummary *m = coordena_summary_get_municipio (summary, 0);
  GListModel *shown;
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (coordena_dashboard_page_get_municipios (page), 0);

  g_signal_emit_by_name (row, "activate");
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (coordena_window_get_page (window), ==, "equipes");
  shown = coordena_teams_page_get_shown (COORDENA_TEAMS_PAGE (coordena_window_get_page_widget (window, "equipes")));
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, m->n_teams);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(CoordenaTeamItem) item = g_list_model_get_item (shown, i);

      g_assert_cmpstr (coordena_team_item_get_team (item)->ibge, ==, m->ibge);
    }
  gtk_widget_activate_action (coordena_window_get_page_widget (window, "equipes"), "equipes.clear-filters", NULL);
}

static void
test_kpi_opens_teams (void)
{
  CoordenaDashboardPage *page;
  CoordenaWindow *window = painel_window (&page);
  CoordenaSummary *summary = coordena_workspace_get_summary (coordena_window_get_workspace (window));
  CoordenaTeamsPage *equipes = COORDENA_TEAMS_PAGE (coordena_window_get_page_widget (window, "equipes"));
  GListModel *shown = coordena_teams_page_get_shown (equipes);
  guint suspended = 0;

  for (guint i = 0; i < coordena_summary_get_n_teams (summary); i++)
    if (coordena_summary_get_team (summary, i)->status == COORDENA_STATUS_SUSPENDED)
      suspended++;

  coordena_dashboard_page_activate_kpi (page, 2);
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (coordena_window_get_page (window), ==, "equipes");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, suspended);

  coordena_window_show_page (window, "painel");
  coordena_dashboard_page_activate_kpi (page, 4);
  g_assert_cmpstr (coordena_window_get_page (window), ==, "previsao");
  gtk_widget_activate_action (GTK_WIDGET (equipes), "equipes.clear-filters", NULL);
}

static void
test_dark_style (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  CoordenaDashboardPage *page;
  CoordenaWindow *window;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = painel_window (&page);
  ui_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_true (adw_style_manager_get_dark (style));
  g_free (ui_save_png (GTK_WIDGET (window), "painel-escuro"));
  coordena_window_show_page (window, "equipes");
  ui_wait_for_frames (GTK_WIDGET (window), 3);
  g_free (ui_save_png (GTK_WIDGET (window), "equipes-escuro"));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int argc, char **argv)
{
  g_autofree char *db = NULL;
  int status;

  ui_app_init (&argc, &argv);
  db = ui_app_make_database ("SE");
  app = ui_app_new (db);

  g_test_add_func ("/painel/shows-figures", test_painel_shows_figures);
  g_test_add_func ("/painel/alert-opens-team", test_alert_opens_team);
  g_test_add_func ("/painel/municipio-opens-its-teams", test_municipio_opens_its_teams);
  g_test_add_func ("/painel/kpi-opens-teams", test_kpi_opens_teams);
  g_test_add_func ("/painel/dark-style", test_dark_style);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return status;
}
