/* A new user's first week in the window, under Xvfb, in Portuguese, on a real database per test:
 * the ofício dialog that leads to the missing profile field by its name, the Previsão table at
 * the default window size, edits that can be undone without losing the list's place, and the
 * smaller edges (the state list, the member editor, the alerts link, the import refusal). */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <poppler.h>

#include <coordena/coordena.h>
#include <coordena/offer.h>
#include <coordena/oficio-preview.h>
#include <coordena/profile.h>
#include <coordena/roster-edit.h>

#include "coordena-editing.h"
#include "coordena-teams-page-private.h"
#include "coordena-file-chooser.h"
#include "coordena-first-run.h"
#include "coordena-import-dialog.h"
#include "coordena-oficio-dialog.h"
#include "coordena-team-detail.h"
#include "coordena-team-editor.h"
#include "coordena-team-item.h"
#include "coordena-forecast-page-private.h"
#include "coordena-preferences-window.h"
#include "ui-app-helpers.h"
#include "ui-helpers.h"

static CoordenaApplication *app;

/* ---- Looking at widgets ----------------------------------------------------------------------- */

static gboolean
shows_text (GtkWidget *widget, const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget) && strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static CoordenaStore *
store_of (CoordenaWindow *window)
{
  return coordena_workspace_get_store (coordena_window_get_workspace (window));
}

/* The window at a size a user has, drawn and saved as NAME-WxH.png; FALSE (and nothing saved)
 * when the X screen is smaller than that: make screenshots runs Xvfb at 1920×1080. */
static gboolean
screenshot_at (CoordenaWindow *window, int width, int height, const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s-%dx%d", name, width, height);
  g_autofree char *png = NULL;

  int w = width, h = height;
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (window)));
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle screen = { 0 };

  gdk_monitor_get_geometry (monitor, &screen);
  if (screen.width < width + 20 || screen.height < height + 20)
    {
      g_test_message ("the screen (%d×%d) is smaller than %d×%d: no %s picture at that size", screen.width, screen.height,
                      width, height, name);
      return FALSE;
    }

  /* The default size counts the decorations the window draws itself: aim, let the size
   * settle, correct by what is left. */
  for (int attempt = 0; attempt < 4; attempt++)
    {
      int last_w = -1, last_h = -1, stable = 0;

      gtk_window_set_default_size (GTK_WINDOW (window), w, h);
      for (int i = 0; i < 60 && stable < 4; i++)
        {
          ui_wait_for_frames (GTK_WIDGET (window), 1);
          if (gtk_widget_get_width (GTK_WIDGET (window)) == last_w && gtk_widget_get_height (GTK_WIDGET (window)) == last_h)
            stable++;
          else
            stable = 0;
          last_w = gtk_widget_get_width (GTK_WIDGET (window));
          last_h = gtk_widget_get_height (GTK_WIDGET (window));
        }
      if (last_w == width && last_h == height)
        break;
      w += width - last_w;
      h += height - last_h;
    }
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, height);
  png = ui_save_png (GTK_WIDGET (window), file);
  return TRUE;
}

/* ---- Item 1: Gerar ofício leads to the missing field, named as the window names it ------------ */

static gboolean
toplevel_shown (gpointer type)
{
  return ui_find_toplevel ((GType) GPOINTER_TO_SIZE (type)) != NULL;
}

static CoordenaOficioDialog *
open_oficio_dialog (CoordenaWindow *window)
{
  CoordenaOficioDialog *dialog;

  coordena_window_show_page (window, "adesao");
  ui_wait_for_frames (GTK_WIDGET (window), 1);
  g_assert_true (gtk_widget_activate_action (coordena_window_get_page_widget (window, "adesao"), "adesao.generate", NULL));
  ui_flush ();
  dialog = COORDENA_OFICIO_DIALOG (ui_find_toplevel (COORDENA_TYPE_OFICIO_DIALOG));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (dialog), "oficio-date")), "01/12/2025");
  ui_flush ();
  ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  return dialog;
}

static char *
letterhead_text (CoordenaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offers = coordena_offers_load_all (&error);
  g_autoptr(GBytes) pdf = NULL;
  PopplerDocument *doc;
  PopplerPage *page;
  char *text;

  g_assert_no_error (error);
  pdf = coordena_oficio_preview_letterhead (store, g_ptr_array_index (offers, 0), &error);
  g_assert_no_error (error);
  doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (doc, 0);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (doc);
  return text;
}

static void
test_oficio_leads_to_profile_field (void)
{
  /* A day when the shipped offer's ofício route was still open: only the profile is missing. */
  g_autoptr(GTimeZone) tz = coordena_clock_timezone ();
  g_autoptr(GDateTime) open_day = g_date_time_new (tz, 2025, 11, 20, 12, 0, 0);
  g_autofree char *db = NULL;

  coordena_clock_set_for_testing (open_day);
  db = ui_app_make_profiled_database ("secretaria.nome");
  {
  CoordenaWindow *window = ui_app_open_on (app, db, "adesao");
  CoordenaOficioDialog *dialog = open_oficio_dialog (window);
  GtkWidget *button = ui_find_named (GTK_WIDGET (dialog), "oficio-open-profile");
  const char *refusal = coordena_oficio_dialog_get_refusal (dialog);
  AdwPreferencesWindow *prefs;
  GtkWidget *row, *focus;
  g_autofree char *letterhead = NULL;
  g_autofree char *png = NULL;

  /* The refusal names the field as Preferências does, never by its key. */
  g_assert_nonnull (refusal);
  g_assert_nonnull (strstr (refusal, "Nome da secretaria"));
  g_assert_null (strstr (refusal, "secretaria.nome"));
  g_assert_null (strstr (refusal, "coordena-cli"));
  png = ui_save_png (GTK_WIDGET (dialog), "oficio-perfil-incompleto");

  /* The button works, and takes the user to that field. */
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (ui_app_wait_for (toplevel_shown, GSIZE_TO_POINTER (COORDENA_TYPE_PREFERENCES_WINDOW)));
  prefs = ADW_PREFERENCES_WINDOW (ui_find_toplevel (COORDENA_TYPE_PREFERENCES_WINDOW));
  ui_wait_for_frames (GTK_WIDGET (prefs), 2);
  row = ui_find_named (GTK_WIDGET (prefs), "profile-secretaria.nome");
  g_assert_nonnull (row);
  focus = gtk_window_get_focus (GTK_WINDOW (prefs));
  g_assert_nonnull (focus);
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));
  g_clear_pointer (&png, g_free);
  png = ui_save_png (GTK_WIDGET (prefs), "preferencias-campo-que-falta");
  /* Over the dialog, which still holds this database, another one cannot be opened. */
  g_assert_false (gtk_widget_is_sensitive (ui_find_named (GTK_WIDGET (prefs), "open-database")));
  g_assert_false (gtk_widget_is_sensitive (ui_find_named (GTK_WIDGET (prefs), "new-database")));

  /* The letterhead preview names the missing field by its label too. */
  letterhead = letterhead_text (store_of (window));
  g_assert_nonnull (strstr (letterhead, "[NOME DA SECRETARIA]"));
  g_assert_null (strstr (letterhead, "SECRETARIA.NOME"));

  /* Filled in there, the dialog is ready when the user comes back. */
  gtk_editable_set_text (GTK_EDITABLE (row), "Secretaria da Saúde do Estado do Ceará");
  g_signal_emit_by_name (row, "apply");
  ui_flush ();
  gtk_window_destroy (GTK_WINDOW (prefs));
  ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  g_assert_null (coordena_oficio_dialog_get_refusal (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_flush ();
  }
  coordena_clock_set_for_testing (NULL);
}

static void
test_profile_fields_by_label (void)
{
  g_autofree char *db = ui_app_make_profiled_database (NULL);
  CoordenaWindow *window = ui_app_open_on (app, db, "painel");
  AdwPreferencesWindow *prefs;
  GtkWidget *row, *problem;
  guint n = 0;
  const CoordenaProfileKey *keys = coordena_profile_keys (&n);
  g_autofree char *email = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  ui_flush ();
  prefs = ADW_PREFERENCES_WINDOW (ui_find_toplevel (COORDENA_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  ui_wait_for_frames (GTK_WIDGET (prefs), 2);

  /* No tooltip speaks in keys. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("profile-%s", keys[i].key);
      const char *tip;

      if ((row = ui_find_named (GTK_WIDGET (prefs), name)) == NULL)
        continue;
      tip = gtk_widget_get_tooltip_text (row);
      if (tip != NULL && strchr (keys[i].key, '.') != NULL)
        g_assert_null (strstr (tip, keys[i].key));
    }

  /* An e-mail refused says why, under the field, with the field's name. */
  row = ui_find_named (GTK_WIDGET (prefs), "profile-contato.email");
  gtk_editable_set_text (GTK_EDITABLE (row), "joao-sem-arroba");
  g_signal_emit_by_name (row, "apply");
  ui_flush ();
  email = coordena_store_get_profile (store_of (window), "contato.email");
  g_assert_cmpstr (email, ==, "joao.sampaio@saude.ce.gov.br");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  problem = ui_find_named (GTK_WIDGET (prefs), "profile-problem");
  g_assert_nonnull (problem);
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), "E-mail da pessoa de contato"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), "não é um endereço de e-mail"));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (problem)), "contato.email"));
  gtk_widget_grab_focus (row);
  ui_wait_for_frames (GTK_WIDGET (prefs), 2);
  g_free (ui_save_png (GTK_WIDGET (prefs), "preferencias-email-invalido"));

  /* Corrected, the message goes and the row says it was saved, with no toast over the fields. */
  gtk_editable_set_text (GTK_EDITABLE (row), "joao@saude.ce.gov.br");
  g_signal_emit_by_name (row, "apply");
  ui_flush ();
  g_assert_false (gtk_widget_get_visible (problem));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_widget_get_visible (ui_find_named (row, "profile-saved")));
  gtk_window_destroy (GTK_WINDOW (prefs));
  ui_flush ();
}

/* ---- Item 6: Previsão at the default window size ---------------------------------------------- */

static gboolean
forecast_computed (gpointer page)
{
  return coordena_forecast_page_get_summary (page) != NULL;
}

static void
test_previsao_fits (void)
{
  g_autofree char *db = ui_app_make_database ("CE");
  CoordenaWindow *window = ui_app_open_on (app, db, "previsao");
  CoordenaForecastPage *page = COORDENA_FORECAST_PAGE (coordena_window_get_page_widget (window, "previsao"));

  GtkColumnView *view = NULL;
  GListModel *rows;
  g_autoptr(CoordenaTeamItem) first = NULL;
  GtkWidget *ine_row = NULL;
  const int sizes[][2] = { { 1100, 720 }, { 1366, 768 } };

  g_assert_true (ui_app_wait_for (forecast_computed, page));
  g_assert_true (shows_text (GTK_WIDGET (page), "Cenário"));
  for (GtkWidget *w = GTK_WIDGET (page); w != NULL && view == NULL;)
    {
      if (GTK_IS_COLUMN_VIEW (w))
        view = GTK_COLUMN_VIEW (w);
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != GTK_WIDGET (page) && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == NULL || w == GTK_WIDGET (page) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (view);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      GtkAdjustment *h;
      GListModel *columns = gtk_column_view_get_columns (view);
      g_autoptr(GString) titles = g_string_new (NULL);

      if (!screenshot_at (window, sizes[s][0], sizes[s][1], "previsao"))
        continue;
      /* Every column is on screen: nothing to scroll sideways to. */
      h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
      g_assert_cmpfloat (gtk_adjustment_get_upper (h), <=, gtk_adjustment_get_page_size (h) + 1);
      for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

          if (gtk_column_view_column_get_visible (column))
            g_string_append_printf (titles, "%s|", gtk_column_view_column_get_title (column));
        }
      g_assert_cmpstr (titles->str, ==, "Equipe|Hoje|Falta|Próximo passo|Perda prevista|Revogação do INE|");
    }

  /* A row's button fills the scenario form: no INE to type. */
  rows = coordena_forecast_page_get_rows (page);
  first = g_list_model_get_item (rows, 0);
  coordena_forecast_page_plan_change (page, 0);
  ui_flush ();
  ine_row = ui_find_named (GTK_WIDGET (page), "scenario-ine");
  g_assert_nonnull (ine_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ine_row)), ==, coordena_team_item_get_ine (first));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "previsao.add-change", NULL));
  ui_flush ();
  g_assert_cmpuint (coordena_forecast_page_get_n_changes (page), ==, 1);

  /* Activating a row opens the team in Equipes. */
  coordena_forecast_page_activate_row (page, 0);
  ui_flush ();
  g_assert_cmpstr (coordena_window_get_page (window), ==, "equipes");
  {
    CoordenaTeamsPage *equipes = COORDENA_TEAMS_PAGE (coordena_window_get_page_widget (window, "equipes"));
    GtkWidget *detail = coordena_teams_page_get_detail (equipes);

    g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (detail)) || gtk_widget_get_mapped (detail));
  }
  ui_wait_for_frames (GTK_WIDGET (window), 2);
}

/* ---- Item 7: every edit undoable; the list keeps its place ----------------------------------- */

static guint
member_hours (CoordenaWindow *window, const char *ine, CoordenaCompetencia competencia, const char *cns)
{
  CoordenaSummary *summary = coordena_workspace_get_summary (coordena_window_get_workspace (window));
  g_autoptr(GArray) members = coordena_roster_edit_members (coordena_summary_get_roster (summary), ine, competencia);

  for (guint i = 0; i < members->len; i++)
    if (g_strcmp0 (g_array_index (members, CoordenaMemberEdit, i).cns, cns) == 0)
      return g_array_index (members, CoordenaMemberEdit, i).hours;
  return G_MAXUINT;
}

static const char *
shown_ine (CoordenaTeamsPage *page)
{
  CoordenaTeamItem *item = coordena_team_detail_get_item (COORDENA_TEAM_DETAIL (coordena_teams_page_get_detail (page)));

  return item != NULL ? coordena_team_item_get_ine (item) : NULL;
}

static void
test_edit_undo_keeps_place (void)
{
  g_autofree char *db = ui_app_make_database ("CE");
  CoordenaWindow *window = ui_app_open_on (app, db, "equipes");
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  CoordenaTeamsPage *page = COORDENA_TEAMS_PAGE (coordena_window_get_page_widget (window, "equipes"));
  GtkEditable *search = coordena_teams_page_get_search (page);
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (coordena_teams_page_get_column_view (page)));
  GListModel *shown = coordena_teams_page_get_shown (page);
  g_autoptr(CoordenaTeamItem) item = NULL;
  g_autofree char *ine = NULL, *cns = NULL;
  g_autoptr(GArray) members = NULL;
  CoordenaCompetencia competencia;
  CoordenaTeamEditor *editor;
  guint n_shown, hours;
  double scrolled;
  AdwToast *toast;

  /* A search, a team far down the list, open. */
  gtk_editable_set_text (search, "Fortaleza");
  g_signal_emit_by_name (search, "search-changed");
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  n_shown = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n_shown, >, 20);
  item = g_list_model_get_item (shown, n_shown - 3);
  ine = g_strdup (coordena_team_item_get_ine (item));
  g_assert_true (coordena_teams_page_show_team (page, ine));
  ui_wait_for_frames (GTK_WIDGET (window), 3);
  gtk_adjustment_set_value (v, MIN (400, gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v)));
  ui_wait_for_frames (GTK_WIDGET (window), 3);
  scrolled = gtk_adjustment_get_value (v);
  g_assert_cmpfloat (scrolled, >, 0);

  /* A member's hours changed and saved. */
  competencia = coordena_team_item_get_team_summary (item)->last;
  members = coordena_roster_edit_members (coordena_summary_get_roster (coordena_workspace_get_summary (workspace)), ine, competencia);
  g_assert_cmpuint (members->len, >, 0);
  cns = g_strdup (g_array_index (members, CoordenaMemberEdit, 0).cns);
  hours = g_array_index (members, CoordenaMemberEdit, 0).hours;
  editor = coordena_team_editor_new_member (GTK_WINDOW (window), workspace, ine, competencia, cns);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_editable_set_text (coordena_team_editor_get_field (editor, 3), hours == 20 ? "30" : "20");
  g_assert_true (coordena_team_editor_save (editor));
  ui_app_wait_loaded (window);
  ui_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_cmpuint (member_hours (window, ine, competencia, cns), ==, hours == 20 ? 30 : 20);

  /* The toast offers Desfazer; the list is where it was. */
  toast = coordena_window_get_last_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Profissional salvo");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Desfazer");
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "Fortaleza");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_shown);
  g_assert_cmpstr (shown_ine (page), ==, ine);
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (v) - scrolled), <, 2);
  g_free (ui_save_png (GTK_WIDGET (window), "equipes-apos-salvar"));

  /* Ctrl+Z puts the hours back, and the list still keeps its place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ui_app_wait_loaded (window);
  ui_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_cmpuint (member_hours (window, ine, competencia, cns), ==, hours);
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "Fortaleza");
  g_assert_cmpstr (shown_ine (page), ==, ine);
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (v) - scrolled), <, 2);
  /* Nothing more to undo. */
  g_assert_false (coordena_editing_undo (GTK_WINDOW (window)));

  /* Searched by its name, the team renamed: it leaves the results, but the search stays and
   * the team stays open. */
  gtk_editable_set_text (search, coordena_team_item_get_name (item));
  g_signal_emit_by_name (search, "search-changed");
  ui_flush ();
  editor = coordena_team_editor_new_team (GTK_WINDOW (window), workspace, ine);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_editable_set_text (coordena_team_editor_get_field (editor, 3), "ESF Nome Provisório");
  g_assert_true (coordena_team_editor_save (editor));
  ui_app_wait_loaded (window);
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (gtk_editable_get_text (search), ==, coordena_team_item_get_name (item));
  g_assert_cmpstr (shown_ine (page), ==, ine);
  toast = coordena_window_get_last_toast (window);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Equipe salva");
  g_signal_emit_by_name (toast, "button-clicked");
  ui_app_wait_loaded (window);
  {
    CoordenaSummary *summary = coordena_workspace_get_summary (workspace);
    const CoordenaRosterTeam *team = coordena_roster_find_team (coordena_summary_get_roster (summary), ine);

    g_assert_cmpstr (team->name, !=, "ESF Nome Provisório");
    g_assert_cmpstr (team->name, ==, coordena_team_item_get_name (item));
  }
  /* The next test's window starts with an empty search. */
  gtk_editable_set_text (search, "");
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  ui_flush ();
}

/* ---- Item 9: the smaller edges ---------------------------------------------------------------- */

static GtkWidget *
find_button_with_label (GtkWidget *root, const char *part)
{
  if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) != NULL
      && strstr (gtk_button_get_label (GTK_BUTTON (root)), part) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_first_run_states (void)
{
  g_autofree char *db = ui_app_make_database (NULL);
  CoordenaWindow *window = ui_app_open_on (app, db, "painel");
  GtkWidget *first_run = coordena_window_get_page_widget (window, "first-run");
  GtkListBox *states = GTK_LIST_BOX (ui_find_named (first_run, "first-run-uf"));
  GtkEditable *search = GTK_EDITABLE (ui_find_named (first_run, "first-run-uf-search"));
  GtkWidget *demo = find_button_with_label (first_run, "demonstração");
  GtkListBoxRow *row;
  guint n = 0;

  g_assert_true (gtk_widget_get_mapped (first_run));
  /* The last test's Desfazer belonged to another database: it went with it. */
  g_assert_false (coordena_editing_undo (GTK_WINDOW (window)));
  /* By name, none chosen. */
  for (; (row = gtk_list_box_get_row_at_index (states, (int) n)) != NULL; n++)
    if (n > 0)
      g_assert_cmpint (g_utf8_collate (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (states, (int) n - 1))),
                                       adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))), <, 0);
  g_assert_cmpuint (n, ==, 27);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (states, 0))), ==, "Acre");
  g_assert_null (gtk_list_box_get_selected_row (states));
  g_assert_false (gtk_widget_is_sensitive (demo));
  screenshot_at (window, 1100, 720, "primeira-execucao");
  screenshot_at (window, 1366, 768, "primeira-execucao");

  /* Typing the name finds it, with or without the accent. */
  gtk_editable_set_text (search, "cear");
  g_signal_emit_by_name (search, "search-changed");
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  row = gtk_list_box_get_selected_row (states);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Ceará");
  g_assert_true (gtk_widget_is_sensitive (demo));
  screenshot_at (window, 1100, 720, "primeira-execucao-busca");
  /* And the helper the other tests use picks by sigla. */
  g_assert_true (coordena_first_run_select_uf (COORDENA_FIRST_RUN (first_run), "SE"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_selected_row (states))), ==, "Sergipe");
  gtk_editable_set_text (search, "");
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  ui_flush ();
}

static void
test_member_editor_cns_and_cbo (void)
{
  g_autofree char *db = ui_app_make_database ("CE");
  CoordenaWindow *window = ui_app_open_on (app, db, "painel");
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  CoordenaSummary *summary = coordena_workspace_get_summary (workspace);
  const CoordenaTeamSummary *ts = coordena_summary_get_team (summary, 0);
  const CoordenaRosterTeam *team = coordena_roster_get_team (coordena_summary_get_roster (summary), ts->team);
  g_autoptr(GArray) members = coordena_roster_edit_members (coordena_summary_get_roster (summary), team->ine, ts->last);
  const char *cns;
  guint n_members = members->len;
  CoordenaTeamEditor *editor;
  GtkDropDown *chooser;
  GListModel *titles;
  guint nurse = GTK_INVALID_LIST_POSITION;

  g_assert_cmpuint (members->len, >, 0);
  cns = g_array_index (members, CoordenaMemberEdit, 0).cns;
  g_assert_false (g_settings_get_boolean (coordena_application_get_settings (app), "show-full-cns"));
  editor = coordena_team_editor_new_member (GTK_WINDOW (window), workspace, team->ine, ts->last, cns);
  gtk_window_present (GTK_WINDOW (editor));
  ui_wait_for_frames (GTK_WIDGET (editor), 2);
  /* Text set under a blinking cursor upsets GtkText; a person types elsewhere first anyway. */
  gtk_window_set_focus (GTK_WINDOW (editor), NULL);

  /* The CNS masked as in every list, and the form still saves. */
  g_assert_null (strstr (gtk_editable_get_text (coordena_team_editor_get_field (editor, 0)), cns));
  g_assert_nonnull (strstr (gtk_editable_get_text (coordena_team_editor_get_field (editor, 0)), "*"));
  g_assert_true (coordena_team_editor_can_save (editor));

  /* The occupation chosen by its name gives the code. */
  chooser = coordena_team_editor_get_cbo_chooser (editor);
  g_assert_nonnull (chooser);
  g_assert_true (gtk_drop_down_get_enable_search (chooser));
  titles = gtk_drop_down_get_model (chooser);
  for (guint i = 0; i < g_list_model_get_n_items (titles); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (titles), i), "Enfermeiro da estratégia de saúde da família"))
      nurse = i;
  g_assert_cmpuint (nurse, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (chooser, nurse);
  g_assert_cmpstr (gtk_editable_get_text (coordena_team_editor_get_field (editor, 2)), ==, "223565");
  g_assert_nonnull (strstr (coordena_team_editor_get_message (editor), "Enfermeiro da estratégia de saúde da família"));
  ui_wait_for_frames (GTK_WIDGET (editor), 2);
  g_free (ui_save_png (GTK_WIDGET (editor), "profissional-editar-cbo"));
  {
    /* The summary and its roster go with the reload. */
    g_autofree char *ine = g_strdup (team->ine);
    g_autofree char *saved_cns = g_strdup (cns);
    CoordenaCompetencia last = ts->last;
    CoordenaSummary *now;
    g_autoptr(GArray) after = NULL;

    g_assert_true (coordena_team_editor_save (editor));
    ui_app_wait_loaded (window);
    now = coordena_workspace_get_summary (workspace);
    after = coordena_roster_edit_members (coordena_summary_get_roster (now), ine, last);
    g_assert_cmpuint (after->len, ==, n_members);
    for (guint i = 0; i < after->len; i++)
      if (g_str_equal (g_array_index (after, CoordenaMemberEdit, i).cns, saved_cns))
        g_assert_cmpstr (g_array_index (after, CoordenaMemberEdit, i).cbo, ==, "223565");
  }
}

static void
test_more_alerts_link_and_filters (void)
{
  g_autofree char *db = ui_app_make_database ("CE");
  CoordenaWindow *window = ui_app_open_on (app, db, "painel");
  GtkWidget *more = ui_find_named (coordena_window_get_page_widget (window, "painel"), "painel-more-alerts");
  GtkWidget *equipes = coordena_window_get_page_widget (window, "equipes");

  screenshot_at (window, 1100, 720, "painel");
  screenshot_at (window, 1366, 768, "painel");
  g_assert_nonnull (more);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (more)));
  g_signal_emit_by_name (more, "activated");
  ui_flush ();
  g_assert_cmpstr (coordena_window_get_page (window), ==, "equipes");

  /* The municipality filter shows "Todos os municípios" whole at the default size. */
  screenshot_at (window, 1100, 720, "equipes");
  {
    GtkWidget *label = NULL;

    for (GtkWidget *w = equipes; w != NULL && label == NULL;)
      {
        if (GTK_IS_LABEL (w) && gtk_widget_get_mapped (w) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (w)), "Todos os municípios") == 0)
          label = w;
        else if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != NULL && w != equipes && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = w == NULL || w == equipes ? NULL : gtk_widget_get_next_sibling (w);
          }
      }
    g_assert_nonnull (label);
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  }
  screenshot_at (window, 1366, 768, "equipes");
}

static gboolean
chooser_has_file (gpointer native)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  return file != NULL;
}

static gboolean
chooser_has_folder (gpointer native)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (native));

  return folder != NULL;
}

/* The file choosers start where the user last chose a file, and remember it. */
static void
test_file_chooser_folder (void)
{
  GSettings *settings = coordena_application_get_settings (app);
  g_autofree char *dir = ui_app_temp_dir ("pasta");
  g_autofree char *other = ui_app_temp_dir ("outra");
  g_autofree char *chosen = g_build_filename (other, "equipes.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (chosen);
  GtkFileChooserNative *native;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *remembered = NULL;
  g_autofree char *cwd = g_get_current_dir ();

  g_settings_set_string (settings, "last-folder", dir);
  native = gtk_file_chooser_native_new ("Abrir", NULL, GTK_FILE_CHOOSER_ACTION_OPEN, "_Abrir", "_Cancelar");
  coordena_file_chooser_prepare_with (native, settings);
  g_assert_true (ui_app_wait_for (chooser_has_folder, native));
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (native));
  g_assert_nonnull (folder);
  g_assert_cmpstr (g_file_peek_path (folder), ==, dir);

  /* A file chosen elsewhere: that folder is the next start. */
  g_assert_true (g_file_set_contents (chosen, "x", -1, NULL));
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native), file, NULL));
  /* The chooser loads the folder before it holds the file. */
  g_assert_true (ui_app_wait_for (chooser_has_file, native));
  g_signal_emit_by_name (native, "response", GTK_RESPONSE_ACCEPT);
  remembered = g_settings_get_string (settings, "last-folder");
  g_assert_cmpstr (remembered, ==, other);
  g_object_unref (native);

  /* Nothing remembered: never the program's working folder. */
  g_settings_set_string (settings, "last-folder", "");
  native = gtk_file_chooser_native_new ("Salvar", NULL, GTK_FILE_CHOOSER_ACTION_SAVE, "_Salvar", "_Cancelar");
  coordena_file_chooser_prepare_with (native, settings);
  g_assert_true (ui_app_wait_for (chooser_has_folder, native));
  g_clear_object (&folder);
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (native));
  g_assert_nonnull (folder);
  g_assert_cmpstr (g_file_peek_path (folder), !=, cwd);
  g_object_unref (native);
}

static gboolean
import_ended (gpointer dialog)
{
  return !coordena_import_dialog_is_running (dialog);
}

/* A refused CSV: its problems in a table of line, column and message, no path in sight. */
/* A real (not demonstration) database of Ceará with no teams yet: imports go into it. */
static char *
make_real_database (void)
{
  char *db = ui_app_make_database (NULL);
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = coordena_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (coordena_store_init_uf (store, "CE", &error));
  return db;
}

static void
test_import_refusal_as_table (void)
{
  g_autofree char *db = make_real_database ();
  CoordenaWindow *window = ui_app_open_on (app, db, "painel");
  g_autofree char *dir = ui_app_temp_dir ("csv");
  g_autofree char *path = g_build_filename (dir, "equipes.csv", NULL);
  const char *csv =
    "competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria\n"
    "202509;2304400;2345678;0001111111;eSF;123;Sem CNS;225142;40\n";
  CoordenaImportDialog *dialog;
  GtkWidget *grid;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  dialog = coordena_import_dialog_new (GTK_WINDOW (window), coordena_window_get_workspace (window), COORDENA_IMPORT_ROSTER_CSV,
                                       path, NULL, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  coordena_import_dialog_start (dialog);
  g_assert_true (ui_app_wait_for (import_ended, dialog));
  g_assert_false (coordena_import_dialog_succeeded (dialog));
  ui_wait_for_frames (GTK_WIDGET (dialog), 3);
  grid = ui_find_named (GTK_WIDGET (dialog), "import-problems");
  g_assert_true (gtk_widget_get_visible (grid));
  g_assert_true (GTK_IS_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 0, 1)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 0, 0))), ==, "Linha");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 0, 1))), ==, "2");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 1, 1))), ==, "6");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 2, 1))), "CNS"));
  g_assert_false (shows_text (GTK_WIDGET (dialog), dir));
  g_free (ui_save_png (GTK_WIDGET (dialog), "importacao-recusada-tabela"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_flush ();
}

int
main (int argc, char **argv)
{
  g_autofree char *db = NULL;
  int status;

  ui_app_init (&argc, &argv);
  db = ui_app_make_database ("CE");
  app = ui_app_new (db);

  g_test_add_func ("/first-week/oficio-leads-to-profile-field", test_oficio_leads_to_profile_field);
  g_test_add_func ("/first-week/profile-fields-by-label", test_profile_fields_by_label);
  g_test_add_func ("/first-week/previsao-fits", test_previsao_fits);
  g_test_add_func ("/first-week/edit-undo-keeps-place", test_edit_undo_keeps_place);
  g_test_add_func ("/first-week/first-run-states", test_first_run_states);
  g_test_add_func ("/first-week/member-editor-cns-and-cbo", test_member_editor_cns_and_cbo);
  g_test_add_func ("/first-week/more-alerts-link-and-filters", test_more_alerts_link_and_filters);
  g_test_add_func ("/first-week/file-chooser-folder", test_file_chooser_folder);
  g_test_add_func ("/first-week/import-refusal-as-table", test_import_refusal_as_table);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return status;
}
