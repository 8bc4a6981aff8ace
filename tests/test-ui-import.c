/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The first run and the imports: a new database asks for the state, the demonstration roster
 * fills a database of its own with a progress window (the user's stays empty) and the window
 * leaves it; real data are refused in it; databases are opened, created and reopened from the
 * recent ones; a roster CSV import runs to the end with progress and a report, its team then in
 * the table; a refused file changes nothing. */
#include "config.h"

#include <adwaita.h>

#include <sys/stat.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include <coordena/coordena.h>
#include <coordena/demo.h>

#include "coordena-teams-page-private.h"
#include "coordena-first-run.h"
#include "coordena-import-dialog.h"
#include "coordena-dashboard-page.h"
#include "coordena-preferences-window.h"
#include "ui-app-helpers.h"
#include "ui-helpers.h"

static CoordenaApplication *app;
static char *user_db;      /* the database the application was started on: the user's */
static char *real_db;      /* a state's database with real (not generated) data */

/* Teams in a database file, read without Coordena: what is really on disk. */
static int
count_teams (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, "SELECT count (*) FROM equipe", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

typedef struct {
  CoordenaWindow *window;
  const char *path;
} OnPath;

static gboolean
loaded_on (gpointer data)
{
  OnPath *on = data;
  CoordenaWorkspace *workspace = coordena_window_get_workspace (on->window);

  return coordena_workspace_is_open (workspace) && !coordena_workspace_is_loading (workspace)
         && g_strcmp0 (coordena_workspace_get_path (workspace), on->path) == 0;
}

static void
wait_loaded_on (CoordenaWindow *window, const char *path)
{
  OnPath on = { window, path };

  g_assert_true (ui_app_wait_for (loaded_on, &on));
  ui_flush ();
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

static gboolean
import_ended (gpointer data)
{
  return !coordena_import_dialog_is_running (data);
}

static void
test_first_run_then_demo (void)
{
  CoordenaWindow *window = ui_app_open_window (app);
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  GtkWidget *first_run = coordena_window_get_page_widget (window, "first-run");
  g_autofree char *demo_db = coordena_demo_db_path ("SE");
  CoordenaImportDialog *dialog;
  struct stat st;

  g_assert_true (gtk_widget_get_mapped (first_run));
  g_assert_true (label_shows (first_run, "Bem-vindo ao Coordena"));
  g_assert_true (label_shows (first_run, "Estado"));
  g_assert_true (label_shows (first_run, "Importar dados do CNES…"));
  g_assert_true (label_shows (first_run, "Explorar com dados de demonstração"));
  g_assert_true (coordena_first_run_select_uf (COORDENA_FIRST_RUN (first_run), "SE"));
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_free (ui_save_png (GTK_WIDGET (window), "primeira-execucao"));

  g_assert_true (gtk_widget_activate_action (first_run, "first-run.demo", NULL));
  dialog = COORDENA_IMPORT_DIALOG (ui_find_toplevel (COORDENA_TYPE_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (ui_app_wait_for (import_ended, dialog));
  g_assert_true (coordena_import_dialog_succeeded (dialog));
  ui_wait_for_frames (GTK_WIDGET (dialog), 3);
  g_assert_true (label_shows (GTK_WIDGET (dialog), "Importação concluída"));
  g_free (ui_save_png (GTK_WIDGET (dialog), "demonstracao-concluida"));
  gtk_window_close (GTK_WINDOW (dialog));

  /* The window is on the demonstration's own database, in the user's data folder. */
  wait_loaded_on (window, demo_db);
  g_assert_true (g_str_has_prefix (demo_db, g_getenv ("XDG_DATA_HOME")));
  g_assert_true (coordena_workspace_is_demo (workspace));
  g_assert_false (gtk_widget_get_mapped (first_run));
  g_assert_cmpstr (coordena_window_get_page (window), ==, "painel");
  g_assert_true (label_shows (coordena_window_get_page_widget (window, "painel"), "Dados de demonstração"));
  g_assert_cmpint (stat (demo_db, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (count_teams (demo_db), >, 100);
  /* The user's database holds not one generated team (before, about 1,300 went there). */
  g_assert_cmpint (count_teams (user_db), ==, 0);

  /* Leaving the demonstration goes back to the user's database and its first run. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-demo", NULL));
  wait_loaded_on (window, user_db);
  g_assert_false (coordena_workspace_is_demo (workspace));
  g_assert_true (gtk_widget_get_mapped (first_run));
  g_assert_cmpint (count_teams (user_db), ==, 0);
  g_free (ui_save_png (GTK_WIDGET (window), "demonstracao-saida"));

  /* Exploring again reopens the demonstration as it was, without generating it again. */
  g_assert_true (gtk_widget_activate_action (first_run, "first-run.demo", NULL));
  g_assert_null (ui_find_toplevel (COORDENA_TYPE_IMPORT_DIALOG));
  wait_loaded_on (window, demo_db);
  g_assert_true (coordena_workspace_is_demo (workspace));
}

/* Real data are refused in the demonstration, which stays as it was. */
static void
test_import_into_demo_refused (void)
{
  CoordenaWindow *window = ui_app_open_window (app);
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  g_autofree char *demo_db = coordena_demo_db_path ("SE");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ui_app_temp_dir ("csv");
  g_autofree char *path = g_build_filename (dir, "equipe-real.csv", NULL);
  CoordenaImportDialog *dialog;
  int before;

  coordena_window_switch_database (window, demo_db);
  wait_loaded_on (window, demo_db);
  before = count_teams (demo_db);
  g_assert_true (g_file_set_contents (path,
                                      "competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria\n"
                                      "202509;2800308;2345678;0009876543;eSF;700000000791908;Ana Lima;225142;40\n",
                                      -1, &error));
  dialog = coordena_import_dialog_new (GTK_WINDOW (window), workspace, COORDENA_IMPORT_ROSTER_CSV, path, NULL, 0);
  coordena_import_dialog_start (dialog);
  g_assert_true (ui_app_wait_for (import_ended, dialog));
  g_assert_false (coordena_import_dialog_succeeded (dialog));
  ui_wait_for_frames (GTK_WIDGET (dialog), 3);
  g_assert_true (label_shows (GTK_WIDGET (dialog), "Nada foi importado"));
  g_assert_true (label_shows (GTK_WIDGET (dialog), "contém dados de demonstração"));
  g_assert_true (label_shows (GTK_WIDGET (dialog), "saia da demonstração"));
  g_free (ui_save_png (GTK_WIDGET (dialog), "importacao-na-demonstracao"));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_cmpint (count_teams (demo_db), ==, before);
}

static gboolean
first_run_shown (gpointer data)
{
  CoordenaWindow *window = data;

  return gtk_widget_get_mapped (coordena_window_get_page_widget (window, "first-run"));
}

/* Open, new and recent databases, from the main menu's actions. */
static void
test_open_new_recent (void)
{
  CoordenaWindow *window = ui_app_open_window (app);
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  GSettings *settings = coordena_application_get_settings (app);
  g_autofree char *dir = ui_app_temp_dir ("novo");
  g_autofree char *new_db = g_build_filename (dir, "municipios-2027.db", NULL);
  g_autofree char *demo_db = coordena_demo_db_path ("SE");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *current = NULL;
  struct stat st;

  /* A real database, opened: the next start opens it, and it heads the recent ones. */
  coordena_window_switch_database (window, real_db);
  wait_loaded_on (window, real_db);
  g_assert_false (coordena_workspace_is_demo (workspace));
  current = g_settings_get_string (settings, "database-path");
  g_assert_cmpstr (current, ==, real_db);
  recent = g_settings_get_strv (settings, "recent-databases");
  g_assert_cmpstr (recent[0], ==, real_db);
  g_assert_true (g_strv_contains ((const char *const *) recent, demo_db));
  g_assert_true (g_strv_contains ((const char *const *) recent, user_db));
  /* Not in the demonstration: there is nothing to leave. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-demo", NULL);
  ui_flush ();
  g_assert_cmpstr (coordena_workspace_get_path (workspace), ==, real_db);

  /* A new database: created empty (0600), and the first run asks for its state. */
  g_assert_true (coordena_window_new_database (window, new_db, &error));
  g_assert_no_error (error);
  wait_loaded_on (window, new_db);
  g_assert_true (ui_app_wait_for (first_run_shown, window));
  g_assert_cmpint (stat (new_db, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  /* Never over a file that is there: the real database is left alone. */
  g_assert_false (coordena_window_new_database (window, real_db, &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "já existe"));
  g_assert_cmpstr (coordena_workspace_get_path (workspace), ==, new_db);
  g_assert_cmpint (count_teams (real_db), ==, 0);

  /* Back to a recent one, as the menu's item does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", real_db));
  wait_loaded_on (window, real_db);
  g_assert_false (gtk_widget_get_mapped (coordena_window_get_page_widget (window, "first-run")));
  g_clear_pointer (&recent, g_strfreev);
  recent = g_settings_get_strv (settings, "recent-databases");
  g_assert_cmpstr (recent[0], ==, real_db);
  g_assert_cmpstr (recent[1], ==, new_db);
  g_assert_cmpuint (g_strv_length (recent), <=, 5);

  /* Leaving the demonstration goes back to the most recent database of the user's own. */
  coordena_window_switch_database (window, demo_db);
  wait_loaded_on (window, demo_db);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-demo", NULL));
  wait_loaded_on (window, real_db);
}

static CoordenaPreferencesWindow *
open_data_page (CoordenaWindow *window)
{
  CoordenaPreferencesWindow *prefs = coordena_preferences_window_new (GTK_WINDOW (window), coordena_window_get_workspace (window));

  gtk_window_set_default_size (GTK_WINDOW (prefs), 640, 900);
  gtk_window_present (GTK_WINDOW (prefs));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "dados");
  ui_wait_for_frames (GTK_WIDGET (prefs), 3);
  return prefs;
}

static GtkWidget *
find_type (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The main menu offers the databases and, in the demonstration only, the way out. */
static void
test_main_menu (void)
{
  CoordenaWindow *window = ui_app_open_window (app);
  g_autofree char *demo_db = coordena_demo_db_path ("SE");
  GtkMenuButton *button;
  GtkPopover *popover;

  coordena_window_switch_database (window, demo_db);
  wait_loaded_on (window, demo_db);
  button = GTK_MENU_BUTTON (find_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (button);
  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  ui_wait_for_frames (GTK_WIDGET (popover), 3);
  g_assert_true (label_shows (GTK_WIDGET (popover), "Abrir banco de dados…"));
  g_assert_true (label_shows (GTK_WIDGET (popover), "Novo banco de dados…"));
  g_assert_true (label_shows (GTK_WIDGET (popover), "Bancos de dados recentes"));
  g_assert_true (label_shows (GTK_WIDGET (popover), "Sair da demonstração"));
  g_free (ui_save_png (GTK_WIDGET (popover), "menu-principal-demonstracao"));
  gtk_menu_button_popdown (button);
  ui_flush ();

  coordena_window_leave_demo (window);
  wait_loaded_on (window, real_db);
  gtk_menu_button_popup (button);
  ui_wait_for_frames (GTK_WIDGET (popover), 3);
  g_assert_true (label_shows (GTK_WIDGET (popover), "Abrir banco de dados…"));
  g_assert_false (label_shows (GTK_WIDGET (popover), "Sair da demonstração"));
  gtk_menu_button_popdown (button);
  ui_flush ();
}

/* Preferências › Dados: open, new, the recent databases, and leaving the demonstration. */
static void
test_preferences_data_page (void)
{
  CoordenaWindow *window = ui_app_open_window (app);
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  g_autofree char *demo_db = coordena_demo_db_path ("SE");
  CoordenaPreferencesWindow *prefs;

  coordena_window_switch_database (window, demo_db);
  wait_loaded_on (window, demo_db);
  prefs = open_data_page (window);
  g_assert_true (gtk_widget_get_mapped (ui_find_named (GTK_WIDGET (prefs), "open-database")));
  g_assert_true (gtk_widget_get_mapped (ui_find_named (GTK_WIDGET (prefs), "new-database")));
  g_assert_true (gtk_widget_get_mapped (ui_find_named (GTK_WIDGET (prefs), "leave-demo")));
  g_assert_true (label_shows (GTK_WIDGET (prefs), "Abrir banco de dados…"));
  g_assert_true (label_shows (GTK_WIDGET (prefs), "Novo banco de dados…"));
  g_assert_true (label_shows (GTK_WIDGET (prefs), "Sair da demonstração"));
  g_assert_true (label_shows (GTK_WIDGET (prefs), "Bancos de dados recentes"));
  g_assert_true (label_shows (GTK_WIDGET (prefs), "Demonstração (SE)"));
  g_assert_true (label_shows (GTK_WIDGET (prefs), "Em uso"));
  g_assert_true (label_shows (GTK_WIDGET (prefs), real_db));
  g_free (ui_save_png (GTK_WIDGET (prefs), "preferencias-dados-demonstracao"));

  /* Sair da demonstração, from here: the window goes back to the user's database. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.leave-demo", NULL));
  wait_loaded_on (window, real_db);
  g_assert_false (coordena_workspace_is_demo (workspace));
  g_assert_null (ui_find_toplevel (COORDENA_TYPE_PREFERENCES_WINDOW));

  /* Outside the demonstration there is nothing to leave; a recent one reopens it. */
  prefs = open_data_page (window);
  g_assert_false (gtk_widget_get_visible (ui_find_named (GTK_WIDGET (prefs), "leave-demo")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.open-recent", "s", demo_db));
  wait_loaded_on (window, demo_db);
  g_assert_true (coordena_workspace_is_demo (workspace));
  coordena_window_leave_demo (window);
  wait_loaded_on (window, real_db);
}

static void
test_roster_csv_import (void)
{
  CoordenaWindow *window = ui_app_open_on (app, real_db, "painel");
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ui_app_temp_dir ("csv");
  g_autofree char *path = g_build_filename (dir, "equipe-nova.csv", NULL);
  const char *csv =
    "competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria;provimento\n"
    "202509;2800308;2345678;0009876543;eSF;700000000791908;Ana Lima;225142;40;N\n"
    "202509;2800308;2345678;0009876543;eSF;700000001583802;Bruno Reis;223565;40;N\n"
    "202509;2800308;2345678;0009876543;eSF;700000002375707;Carla Dias;322245;40;N\n"
    "202509;2800308;2345678;0009876543;eSF;700000003167601;Davi Sousa;515105;40;N\n";
  CoordenaImportDialog *dialog;
  CoordenaTeamsPage *equipes;
  guint before;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  before = coordena_summary_get_n_teams (coordena_workspace_get_summary (workspace));

  dialog = coordena_import_dialog_new (GTK_WINDOW (window), workspace, COORDENA_IMPORT_ROSTER_CSV, path, NULL, 0);
  coordena_import_dialog_start (dialog);
  g_assert_true (coordena_import_dialog_is_running (dialog));
  g_assert_true (ui_app_wait_for (import_ended, dialog));
  g_assert_true (coordena_import_dialog_succeeded (dialog));
  /* The worker reported its way, and the bar reached the end from those reports. */
  g_assert_cmpuint (coordena_import_dialog_get_n_progress (dialog), >=, 2);
  g_assert_cmpfloat (coordena_import_dialog_get_max_fraction (dialog), ==, 1.0);
  g_assert_cmpstr (coordena_import_dialog_get_report (dialog), !=, "");
  ui_wait_for_frames (GTK_WIDGET (dialog), 3);
  g_assert_true (label_shows (GTK_WIDGET (dialog), "Importação concluída"));
  g_free (ui_save_png (GTK_WIDGET (dialog), "importacao-relatorio"));
  /* Closed, the dialog goes: the worker's job held copies, not the dialog. */
  ui_close_and_assert_finalized (GTK_WINDOW (dialog), dialog);

  ui_app_wait_loaded (window);
  g_assert_cmpuint (coordena_summary_get_n_teams (coordena_workspace_get_summary (workspace)), ==, before + 1);
  equipes = COORDENA_TEAMS_PAGE (coordena_window_get_page_widget (window, "equipes"));
  coordena_window_show_page (window, "equipes");
  g_assert_true (coordena_teams_page_show_team (equipes, "0009876543"));
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_true (label_shows (coordena_teams_page_get_detail (equipes), "Ana Lima"));
}

static void
test_refused_import_changes_nothing (void)
{
  CoordenaWindow *window = ui_app_open_on (app, real_db, "painel");
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ui_app_temp_dir ("csv");
  g_autofree char *path = g_build_filename (dir, "com-erro.csv", NULL);
  const char *csv =
    "competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria\n"
    "202509;2800308;2345678;0001111111;eSF;123;Sem CNS;225142;40\n";
  CoordenaImportDialog *dialog;
  guint before;

  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  before = coordena_summary_get_n_teams (coordena_workspace_get_summary (workspace));
  dialog = coordena_import_dialog_new (GTK_WINDOW (window), workspace, COORDENA_IMPORT_ROSTER_CSV, path, NULL, 0);
  coordena_import_dialog_start (dialog);
  g_assert_true (ui_app_wait_for (import_ended, dialog));
  g_assert_false (coordena_import_dialog_succeeded (dialog));
  ui_wait_for_frames (GTK_WIDGET (dialog), 3);
  g_assert_true (label_shows (GTK_WIDGET (dialog), "Nada foi importado"));
  g_assert_true (label_shows (GTK_WIDGET (dialog), "com-erro.csv"));
  g_free (ui_save_png (GTK_WIDGET (dialog), "importacao-recusada"));
  ui_close_and_assert_finalized (GTK_WINDOW (dialog), dialog);
  ui_app_wait_loaded (window);
  g_assert_cmpuint (coordena_summary_get_n_teams (coordena_workspace_get_summary (workspace)), ==, before);
}

static void
test_competencia_asked (void)
{
  CoordenaWindow *window = ui_app_open_window (app);
  AdwMessageDialog *dialog;

  /* A folder's name does not say its competência: the window asks, and waits for MM/AAAA. */
  coordena_import_ask_competencia (GTK_WINDOW (window), coordena_window_get_workspace (window), "/dados/tabelas-cnes");
  dialog = ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Qual competência?");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "import"));
  ui_wait_for_frames (GTK_WIDGET (dialog), 3);
  g_free (ui_save_png (GTK_WIDGET (dialog), "importacao-qual-competencia"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_flush ();
}

static void
test_competencia_from_name (void)
{
  g_assert_cmpuint (coordena_import_competencia_from_name ("/dados/BASE_DE_DADOS_CNES_202509.ZIP"), ==, 202509);
  g_assert_cmpuint (coordena_import_competencia_from_name ("/dados/base_de_dados_cnes_202412.zip"), ==, 202412);
  g_assert_cmpuint (coordena_import_competencia_from_name ("/dados/cnes-setembro"), ==, 0);
  g_assert_cmpuint (coordena_import_competencia_from_name ("/dados/CNES_202513.ZIP"), ==, 0);
}

static gboolean
writing (gpointer data)
{
  return coordena_import_dialog_get_max_fraction (data) > 0 || !coordena_import_dialog_is_running (data);
}

static void
test_cancel_leaves_database (void)
{
  CoordenaWindow *window = ui_app_open_on (app, real_db, "painel");
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ui_app_temp_dir ("csv");
  g_autofree char *path = g_build_filename (dir, "grande.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria\n");
  static const char *cbos[] = { "225142", "223565", "322245", "515105" };
  CoordenaImportDialog *dialog;
  guint before;

  /* Big enough that Cancel arrives while the teams are being written. */
  for (guint t = 0; t < 8000; t++)
    for (guint r = 0; r < 4; r++)
      {
        char cns[16];
        int sum = 0;

        g_snprintf (cns, sizeof cns, "8%012u00", t * 4 + r + 1);
        for (int i = 0; i < 13; i++)
          sum += (cns[i] - '0') * (15 - i);
        for (int a = 0; a < 100; a++)
          if ((sum + 2 * (a / 10) + a % 10) % 11 == 0)
            {
              cns[13] = (char) ('0' + a / 10);
              cns[14] = (char) ('0' + a % 10);
              break;
            }
        g_string_append_printf (csv, "202509;2800308;2345678;%010u;eSF;%s;;%s;40\n", 5000000 + t, cns, cbos[r]);
      }
  g_assert_true (g_file_set_contents (path, csv->str, (gssize) csv->len, &error));

  /* How the window looks while it works, before anything is read. */
  dialog = coordena_import_dialog_new (GTK_WINDOW (window), workspace, COORDENA_IMPORT_CNES, "/dados/BASE_DE_DADOS_CNES_202509.ZIP", NULL, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_wait_for_frames (GTK_WIDGET (dialog), 3);
  g_assert_true (label_shows (GTK_WIDGET (dialog), "Importando dados do CNES…"));
  g_assert_true (label_shows (GTK_WIDGET (dialog), "Cancelar"));
  g_free (ui_save_png (GTK_WIDGET (dialog), "importacao-progresso"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  before = coordena_summary_get_n_teams (coordena_workspace_get_summary (workspace));

  dialog = coordena_import_dialog_new (GTK_WINDOW (window), workspace, COORDENA_IMPORT_ROSTER_CSV, path, NULL, 0);
  coordena_import_dialog_start (dialog);
  g_assert_true (ui_app_wait_for (writing, dialog));
  g_assert_true (coordena_import_dialog_is_running (dialog));
  coordena_import_dialog_cancel (dialog);
  ui_wait_for_frames (GTK_WIDGET (dialog), 1);
  g_assert_true (ui_app_wait_for (import_ended, dialog));
  g_assert_false (coordena_import_dialog_succeeded (dialog));
  ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  g_assert_true (label_shows (GTK_WIDGET (dialog), "Importação cancelada"));
  gtk_window_close (GTK_WINDOW (dialog));
  ui_app_wait_loaded (window);
  g_assert_cmpuint (coordena_summary_get_n_teams (coordena_workspace_get_summary (workspace)), ==, before);
}

int
main (int argc, char **argv)
{
  g_autofree char *db = NULL;
  int status;

  /* The demonstration database goes in the user's data folder: a fresh one for this program. */
  g_autofree char *xdg = g_dir_make_tmp ("coordena-ui-import-XXXXXX", NULL);

  g_setenv ("XDG_DATA_HOME", xdg, TRUE);
  ui_app_init (&argc, &argv);
  db = ui_app_make_database (NULL);
  user_db = db;
  real_db = ui_app_make_database (NULL);
  {
    g_autoptr(CoordenaStore) store = coordena_store_open (real_db, NULL);

    g_assert_true (coordena_store_init_uf (store, "SE", NULL));
  }
  app = ui_app_new (db);

  g_test_add_func ("/import/competencia-from-name", test_competencia_from_name);
  g_test_add_func ("/import/first-run-then-demo", test_first_run_then_demo);
  g_test_add_func ("/import/import-into-demo-refused", test_import_into_demo_refused);
  g_test_add_func ("/import/open-new-recent", test_open_new_recent);
  g_test_add_func ("/import/preferences-data-page", test_preferences_data_page);
  g_test_add_func ("/import/main-menu", test_main_menu);
  g_test_add_func ("/import/roster-csv", test_roster_csv_import);
  g_test_add_func ("/import/competencia-asked", test_competencia_asked);
  g_test_add_func ("/import/refused-changes-nothing", test_refused_import_changes_nothing);
  g_test_add_func ("/import/cancel-leaves-database", test_cancel_leaves_database);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  g_free (real_db);
  {
    g_autofree char *dir = g_build_filename (xdg, "coordena", NULL);
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
    g_rmdir (xdg);
  }
  return status;
}
