/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Equipes page on the demonstration database: every team in the table, the search and the
 * filters, the detail pane with members, suspensions and forecast. */
#include "config.h"

#include <adwaita.h>

#include <coordena/coordena.h>

#include "coordena-application.h"
#include "coordena-teams-page-private.h"
#include "coordena-team-detail.h"
#include "coordena-presence-strip.h"
#include "coordena-text-cell.h"
#include "coordena-forecast-page-private.h"
#include "ui-app-helpers.h"
#include "ui-helpers.h"

static CoordenaApplication *app;

static CoordenaTeamsPage *
equipes_page (CoordenaWindow **out)
{
  CoordenaWindow *window = ui_app_open_window (app);

  coordena_window_show_page (window, "equipes");
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  *out = window;
  return COORDENA_TEAMS_PAGE (coordena_window_get_page_widget (window, "equipes"));
}

static void
search (CoordenaWindow *window, CoordenaTeamsPage *page, const char *text)
{
  gtk_editable_set_text (coordena_teams_page_get_search (page), text);
  /* The entry reports a change after a short pause, as it does while someone types. */
  g_signal_emit_by_name (coordena_teams_page_get_search (page), "search-changed");
  ui_wait_for_frames (GTK_WIDGET (window), 2);
}

static gboolean
label_shows (GtkWidget *widget, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_mapped (child))
        {
          if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
            return TRUE;
          if (COORDENA_IS_TEXT_CELL (child) && g_strcmp0 (coordena_text_cell_get_text (COORDENA_TEXT_CELL (child)), text) == 0)
            return TRUE;
          if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), text) == 0)
            return TRUE;
        }
      if (label_shows (child, text))
        return TRUE;
    }
  return FALSE;
}

/* The presence strips of the table that are on screen. */
static void
collect_presence_strips (GtkWidget *widget, GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (COORDENA_IS_PRESENCE_STRIP (child) && gtk_widget_get_mapped (child))
        g_ptr_array_add (out, child);
      collect_presence_strips (child, out);
    }
}

/* Each row's presences are one widget under the column title "MED   ENF   TEC   ACS": it shows
 * what the summary says, and tells the category under the pointer and its state when the pointer
 * asks; binding a row sets no tooltip text (which, under X11, asks the server where the pointer
 * is, for every cell). */
static void
test_presence_tooltips (void)
{
  CoordenaWindow *window;
  CoordenaTeamsPage *page = equipes_page (&window);
  g_autoptr(GPtrArray) strips = g_ptr_array_new ();
  guint n_told = 0, n_silent = 0;

  search (window, page, "");
  g_assert_true (label_shows (GTK_WIDGET (page), "MED   ENF   TEC   ACS"));
  collect_presence_strips (GTK_WIDGET (page), strips);
  g_assert_cmpuint (strips->len, >, 10);
  for (guint i = 0; i < strips->len; i++)
    {
      CoordenaPresenceStrip *strip = strips->pdata[i];
      GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (strip));
      int width = gtk_widget_get_width (GTK_WIDGET (strip));
      gboolean seen[COORDENA_N_CATEGORIES] = { FALSE };

      g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (strip)));
      g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (strip)));
      g_assert_nonnull (cell);
      for (int x = 0; x < width; x++)
        {
          CoordenaCategory c = coordena_presence_strip_category_at (strip, x);
          g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
          gboolean shown = FALSE;

          seen[c] = TRUE;
          g_signal_emit_by_name (strip, "query-tooltip", x, 1, FALSE, tooltip, &shown);
          g_assert_cmpint (shown, ==, coordena_presence_strip_get (strip, c) != COORDENA_PRESENCE_NOT_REQUIRED);
          if (shown)
            n_told++;
          else
            n_silent++;
        }
      /* Every category has its place under the title. */
      for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
        g_assert_true (seen[c]);
    }
  /* The demonstration has eAP rows, where TEC and ACS are not required. */
  g_assert_cmpuint (n_told, >, 0);
  g_assert_cmpuint (n_silent, >, 0);
}

static void
test_table_lists_every_team (void)
{
  CoordenaWindow *window;
  CoordenaTeamsPage *page = equipes_page (&window);
  CoordenaSummary *summary = coordena_workspace_get_summary (coordena_window_get_workspace (window));
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  search (window, page, "");
  g_assert_cmpuint (g_list_model_get_n_items (coordena_teams_page_get_shown (page)), ==, coordena_summary_get_n_teams (summary));
  count = coordena_format_integer (coordena_summary_get_n_teams (summary));
  text = g_strdup_printf ("%s equipes", count);
  g_assert_true (label_shows (GTK_WIDGET (page), text));
  /* Column titles in Portuguese. */
  g_assert_true (label_shows (GTK_WIDGET (page), "Município"));
  g_assert_true (label_shows (GTK_WIDGET (page), "Perda por mês"));
  g_assert_true (label_shows (GTK_WIDGET (page), "Próximo passo"));
  g_free (ui_save_png (GTK_WIDGET (window), "equipes"));
}

static void
test_search_and_filters (void)
{
  CoordenaWindow *window;
  CoordenaTeamsPage *page = equipes_page (&window);
  CoordenaSummary *summary = coordena_workspace_get_summary (coordena_window_get_workspace (window));
  const CoordenaRosterTeam *team = coordena_roster_get_team (coordena_summary_get_roster (summary), 0);
  GListModel *shown = coordena_teams_page_get_shown (page);
  guint n_suspended = 0;

  search (window, page, team->ine);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  search (window, page, "nenhuma equipe se chama assim");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_true (label_shows (GTK_WIDGET (page), "Nenhuma equipe encontrada"));
  g_free (ui_save_png (GTK_WIDGET (window), "equipes-sem-resultado"));

  search (window, page, "");
  for (guint i = 0; i < coordena_summary_get_n_teams (summary); i++)
    if (coordena_summary_get_team (summary, i)->status == COORDENA_STATUS_SUSPENDED)
      n_suspended++;
  coordena_teams_page_set_status_filter (page, 3);
  ui_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_suspended);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(CoordenaTeamItem) item = g_list_model_get_item (shown, i);

      g_assert_cmpint (coordena_team_item_get_team_summary (item)->status, ==, COORDENA_STATUS_SUSPENDED);
    }
  coordena_teams_page_set_status_filter (page, 0);
  ui_flush ();
}

/* The teams a search shows, in table order, for words folded as the search folds them. */
static GPtrArray *
expected_teams (GPtrArray *all, const char *text)
{
  g_autofree char *folded = coordena_team_item_fold (text);
  g_auto(GStrv) words = g_strsplit_set (folded, " ", -1);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      const char *key = coordena_team_item_get_search_key (all->pdata[i]);
      gboolean ok = TRUE;

      for (guint w = 0; words[w] != NULL && ok; w++)
        ok = *words[w] == '\0' || strstr (key, words[w]) != NULL;
      if (ok)
        g_ptr_array_add (out, all->pdata[i]);
    }
  return out;
}

/* Typing a word letter by letter, taking it back, then two words: after each key the table holds
 * exactly the teams that match, in the order of the table, and its first row shows the first. */
static void
test_search_narrows_and_widens (void)
{
  CoordenaWindow *window;
  CoordenaTeamsPage *page = equipes_page (&window);
  GListModel *shown = coordena_teams_page_get_shown (page);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *word = NULL;
  g_autoptr(GPtrArray) typed = g_ptr_array_new_with_free_func (g_free);

  search (window, page, "");
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    g_ptr_array_add (all, g_list_model_get_item (shown, i));
  g_assert_cmpuint (all->len, >, 2);

  /* A município of the table, as a person types it: a few letters, back to none. */
  word = g_utf8_substring (coordena_team_item_get_municipio (all->pdata[all->len / 2]), 0, 4);
  for (glong n = 1; n <= g_utf8_strlen (word, -1); n++)
    g_ptr_array_add (typed, g_utf8_substring (word, 0, n));
  for (glong n = g_utf8_strlen (word, -1) - 1; n >= 0; n--)
    g_ptr_array_add (typed, g_utf8_substring (word, 0, n));
  g_ptr_array_add (typed, g_strdup_printf ("%s %c", word, coordena_team_item_get_ine (all->pdata[0])[9]));
  g_ptr_array_add (typed, g_strdup (word));
  g_ptr_array_add (typed, g_strdup (""));

  for (guint k = 0; k < typed->len; k++)
    {
      g_autoptr(GPtrArray) expected = expected_teams (all, typed->pdata[k]);

      search (window, page, typed->pdata[k]);
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        {
          g_autoptr(CoordenaTeamItem) item = g_list_model_get_item (shown, i);

          g_assert_true (item == expected->pdata[i]);
        }
      if (expected->len > 0 && !label_shows (GTK_WIDGET (page), coordena_team_item_get_ine (expected->pdata[0])))
        g_error ("k=%u “%s”: first row %s not on screen", k, (char *) typed->pdata[k], coordena_team_item_get_ine (expected->pdata[0]));
    }
}

static void
test_detail_pane (void)
{
  CoordenaWindow *window;
  CoordenaTeamsPage *page = equipes_page (&window);
  CoordenaSummary *summary = coordena_workspace_get_summary (coordena_window_get_workspace (window));
  CoordenaTeamDetail *detail = COORDENA_TEAM_DETAIL (coordena_teams_page_get_detail (page));
  const CoordenaRosterTeam *team = NULL;

  /* A suspended team shows the whole story: members, suspensions and forecast. */
  for (guint i = 0; i < coordena_summary_get_n_teams (summary) && team == NULL; i++)
    if (coordena_summary_get_team (summary, i)->status == COORDENA_STATUS_SUSPENDED)
      team = coordena_roster_get_team (coordena_summary_get_roster (summary), coordena_summary_get_team (summary, i)->team);
  g_assert_nonnull (team);

  g_assert_true (coordena_teams_page_show_team (page, team->ine));
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (detail)));
  g_assert_cmpstr (coordena_team_detail_get_title (detail), ==, team->name);
  g_assert_true (label_shows (GTK_WIDGET (detail), "Profissionais"));
  g_assert_true (label_shows (GTK_WIDGET (detail), "Suspensões"));
  g_assert_true (label_shows (GTK_WIDGET (detail), "Suspensa"));
  g_assert_true (label_shows (GTK_WIDGET (detail), "Previsão"));
  g_free (ui_save_png (GTK_WIDGET (window), "equipes-detalhe"));

  /* The members' CNS are masked, unless the user asks for them whole in Preferências. */
  {
    GSettings *settings = coordena_application_get_settings (COORDENA_APPLICATION (g_application_get_default ()));

    g_assert_true (label_shows (GTK_WIDGET (detail), " **** **** "));
    g_settings_set_boolean (settings, "show-full-cns", TRUE);
    ui_wait_for_frames (GTK_WIDGET (window), 2);
    g_assert_false (label_shows (GTK_WIDGET (detail), " **** **** "));
    g_settings_set_boolean (settings, "show-full-cns", FALSE);
    ui_wait_for_frames (GTK_WIDGET (window), 2);
    g_assert_true (label_shows (GTK_WIDGET (detail), " **** **** "));
  }

  /* Escape closes the pane. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "team.close", NULL));
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (detail)));
}

static void
test_ctrl_f_focuses_search (void)
{
  CoordenaWindow *window;
  CoordenaTeamsPage *page = equipes_page (&window);
  GtkWidget *focus;

  coordena_window_show_page (window, "painel");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (coordena_window_get_page (window), ==, "equipes");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (coordena_teams_page_get_search (page))
                 || gtk_widget_is_ancestor (focus, GTK_WIDGET (coordena_teams_page_get_search (page))));
}

static gboolean
toast_shown (gpointer data)
{
  return coordena_window_get_last_toast (data) != NULL;
}

static void
test_export_teams (void)
{
  CoordenaWindow *window;
  CoordenaTeamsPage *page = equipes_page (&window);
  CoordenaSummary *summary = coordena_workspace_get_summary (coordena_window_get_workspace (window));
  const CoordenaRosterTeam *team = coordena_roster_get_team (coordena_summary_get_roster (summary), 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ui_app_temp_dir ("export");
  g_autofree char *path = g_build_filename (dir, "equipes.csv", NULL);
  g_autofree char *contents = NULL;
  AdwToast *toast;

  g_assert_nonnull (page);
  coordena_window_export (window, path, FALSE);
  g_assert_true (ui_app_wait_for (toast_shown, window));
  toast = coordena_window_get_last_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "“equipes.csv” salvo");
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, team->ine));
}

static gboolean
previsao_computed (gpointer data)
{
  return coordena_forecast_page_get_summary (data) != NULL;
}

/* Runs coordena-cli on a database (the real importer), asserting success. */
static void
cli_ok (const char *db, const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) g_getenv ("COORDENA_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Issue 12 items 1, 7 and 8 in the window: a team missing from the latest competência is listed
 * and explained, a figure resting on an [S] value says "a confirmar", the provimento shows. */
static void
test_team_without_registration (void)
{
  g_autofree char *dir = ui_app_temp_dir ("parado");
  g_autofree char *db = g_build_filename (dir, "coordena.db", NULL);
  g_autofree char *roster = g_test_build_filename (G_TEST_DIST, "fixtures", "rules", "roster-parado.csv", NULL);
  CoordenaWindow *window;
  CoordenaTeamsPage *page;
  CoordenaTeamDetail *detail;
  CoordenaSummary *summary;

  cli_ok (db, (const char *const[]) { "init", "--uf", "GO", NULL });
  cli_ok (db, (const char *const[]) { "import", "roster", roster, NULL });
  window = ui_app_open_on (app, db, "equipes");
  page = COORDENA_TEAMS_PAGE (coordena_window_get_page_widget (window, "equipes"));
  detail = COORDENA_TEAM_DETAIL (coordena_teams_page_get_detail (page));
  summary = coordena_workspace_get_summary (coordena_window_get_workspace (window));

  /* The same count as `forecast`: six teams, two of them without registration in 12/2026. */
  g_assert_cmpuint (coordena_summary_get_n_evaluated (summary), ==, 6);
  g_assert_cmpuint (coordena_summary_get_n_no_record (summary), ==, 2);

  /* The table says why a team shows four ✗ and 100 %. */
  g_assert_true (label_shows (GTK_WIDGET (page), "sem registro · 100 %"));
  g_assert_true (coordena_teams_page_show_team (page, "0000020028"));
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_true (label_shows (GTK_WIDGET (detail), "Sem registro na competência 12/2026 (a última é 08/2026): 100 % suspensos"));
  g_assert_true (label_shows (GTK_WIDGET (detail), "sem registro, 100 % suspensos"));
  g_assert_true (label_shows (GTK_WIDGET (detail), "a confirmar"));
  /* The detail's total is the forecast's: 12 competências at R$ 18.000,00, not 13. */
  g_assert_true (label_shows (GTK_WIDGET (detail), "R$ 216.000,00"));
  g_free (ui_save_png (GTK_WIDGET (window), "equipes-sem-registro"));

  g_assert_true (coordena_teams_page_show_team (page, "0000020060"));
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_true (label_shows (GTK_WIDGET (detail), "Limitado a 75 % pelo provimento (NT 753/2021 itens 2.13 e 2.17"));

  /* The municipality's row on the Painel names the two teams sem registro beside the suspended
   * ones, counted apart as the dashboard and `forecast` count them; not "0 suspensa". */
  coordena_window_show_page (window, "painel");
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_true (label_shows (coordena_window_get_page_widget (window, "painel"), "6 equipes avaliadas · 3 suspensas · 2 sem registro"));
  g_free (ui_save_png (GTK_WIDGET (window), "painel-sem-registro"));

  /* A planned hire for that team cannot apply: the Previsão page's list says so. */
  {
    CoordenaForecastPage *previsao = COORDENA_FORECAST_PAGE (coordena_window_get_page_widget (window, "previsao"));

    coordena_window_show_page (window, "previsao");
    g_assert_true (ui_app_wait_for (previsao_computed, previsao));
    g_assert_true (coordena_forecast_page_add_change (previsao, "0000020028", TRUE, "MED", "01/2027"));
    ui_flush ();
    g_assert_true (ui_app_wait_for (previsao_computed, previsao));
    ui_wait_for_frames (GTK_WIDGET (window), 2);
    g_assert_true (label_shows (GTK_WIDGET (previsao), "INE 0000020028 — sem efeito: a equipe está sem registro"));
    g_free (ui_save_png (GTK_WIDGET (window), "previsao-cenario-sem-registro"));
  }
}

int
main (int argc, char **argv)
{
  g_autofree char *db = NULL;
  int status;

  ui_app_init (&argc, &argv);
  db = ui_app_make_database ("SE");
  app = ui_app_new (db);

  g_test_add_func ("/equipes/table-lists-every-team", test_table_lists_every_team);
  g_test_add_func ("/equipes/search-and-filters", test_search_and_filters);
  g_test_add_func ("/equipes/presence-tooltips", test_presence_tooltips);
  g_test_add_func ("/equipes/search-narrows-and-widens", test_search_narrows_and_widens);
  g_test_add_func ("/equipes/detail-pane", test_detail_pane);
  g_test_add_func ("/equipes/ctrl-f-focuses-search", test_ctrl_f_focuses_search);
  g_test_add_func ("/equipes/export-teams", test_export_teams);
  g_test_add_func ("/equipes/team-without-registration", test_team_without_registration);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return status;
}
