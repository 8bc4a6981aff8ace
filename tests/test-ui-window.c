/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window under Xvfb: the four pages in Portuguese, the menu's windows, the shortcuts
 * and the remembered window state. Saves a PNG of every page and dialog. */
#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include <coordena/coordena.h>

#include "coordena-application.h"
#include "coordena-window-private.h"
#include "coordena-damaged-restore.h"
#include "ui-app-helpers.h"
#include "ui-helpers.h"

typedef struct {
  const char *name;
  const char *title; /* what a Portuguese-speaking user reads in the view switcher */
} Page;

static const Page pages[] = {
  { "painel", "Painel" },
  { "equipes", "Equipes" },
  { "previsao", "Previsão" },
  { "adesao", "Adesão" },
};

static CoordenaApplication *app;

static CoordenaWindow *
open_window (void)
{
  CoordenaWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = COORDENA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  return window;
}

static void
test_pages_in_portuguese (void)
{
  CoordenaWindow *window = open_window ();
  AdwViewStack *stack = coordena_window_get_stack (window);
  int width = gtk_widget_get_width (GTK_WIDGET (window)), height = gtk_widget_get_height (GTK_WIDGET (window));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      AdwViewStackPage *page;
      GtkWidget *child;
      g_autofree char *png = NULL;
      g_autofree char *shot = g_strdup_printf ("pagina-%s", pages[i].name);

      coordena_window_show_page (window, pages[i].name);
      ui_wait_for_frames (GTK_WIDGET (window), 2);

      g_assert_cmpstr (coordena_window_get_page (window), ==, pages[i].name);
      page = adw_view_stack_get_page (stack, adw_view_stack_get_visible_child (stack));
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, pages[i].title);
      child = adw_view_stack_get_visible_child (stack);
      if (ADW_IS_STATUS_PAGE (child))
        g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (child)), ==, pages[i].title);
      g_assert_true (gtk_widget_get_mapped (child));
      /* The stack measures only the page it shows: the window keeps its size whatever the page. */
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, height);

      png = ui_save_png (GTK_WIDGET (window), shot);
      g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
    }
}

static void
test_alt_number_switches_page (void)
{
  CoordenaWindow *window = open_window ();

  coordena_window_show_page (window, "painel");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "adesao"));
  g_assert_cmpstr (coordena_window_get_page (window), ==, "adesao");
}

static void
test_shortcuts (void)
{
  struct { const char *action; const char *accel; } expected[] = {
    { "app.quit", "<Control>q" },
    { "app.preferences", "<Control>comma" },
    { "win.show-help-overlay", "<Control>question" },
  };

  open_window ();
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), expected[i].action);

      g_assert_nonnull (accels[0]);
      g_assert_true (g_strv_contains ((const char *const *) accels, expected[i].accel));
    }
}

static void
test_menu_windows (void)
{
  CoordenaWindow *window = open_window ();
  struct { const char *action; const char *shot; GType (*type) (void); } menu[] = {
    { "app.preferences", "preferencias", adw_preferences_window_get_type },
    { "win.show-help-overlay", "atalhos", gtk_shortcuts_window_get_type },
    { "app.about", "sobre", adw_about_window_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (menu); i++)
    {
      GtkWindow *shown;
      g_autofree char *png = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), menu[i].action, NULL));
      ui_flush ();
      shown = ui_find_toplevel (menu[i].type ());
      g_assert_nonnull (shown);
      g_assert_true (gtk_window_get_transient_for (shown) == GTK_WINDOW (window));
      ui_wait_for_frames (GTK_WIDGET (shown), 3);
      png = ui_save_png (GTK_WIDGET (shown), menu[i].shot);
      gtk_window_destroy (shown);
      ui_flush ();
    }
}

static void
test_app_icon_found (void)
{
  CoordenaWindow *window = open_window ();
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));

  /* The About window and the shell show it; it must resolve even before installation. */
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID "-symbolic"));
}

static void
test_window_state_remembered (void)
{
  GSettings *settings = coordena_application_get_settings (app);
  CoordenaWindow *window;
  int width, height;

  /* Whatever window the earlier tests left is closed first: a new one reads the settings. */
  while ((window = COORDENA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)))) != NULL)
    {
      gtk_window_close (GTK_WINDOW (window));
      ui_flush ();
    }

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_string (settings, "last-page", "previsao");

  window = open_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  g_assert_cmpstr (coordena_window_get_page (window), ==, "previsao");

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  coordena_window_show_page (window, "equipes");
  gtk_window_close (GTK_WINDOW (window));
  ui_flush ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1024);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_autofree char *page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (page, ==, "equipes");
}

/* Closing the window lets it go, and its workspace with the open database: nothing (a page, a
 * signal handler, a toast) keeps either alive. */
static void
test_window_finalized (void)
{
  CoordenaWindow *window;
  CoordenaWorkspace *workspace;

  while ((window = COORDENA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)))) != NULL)
    {
      gtk_window_close (GTK_WINDOW (window));
      ui_flush ();
    }
  window = ui_app_open_window (app);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      coordena_window_show_page (window, pages[i].name);
      ui_wait_for_frames (GTK_WIDGET (window), 2);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toast", "s", "Um aviso"));
  g_assert_cmpstr (adw_toast_get_title (coordena_window_get_last_toast (window)), ==, "Um aviso");
  workspace = g_object_ref (coordena_window_get_workspace (window));

  ui_close_and_assert_finalized (GTK_WINDOW (window), window);
  g_assert_finalize_object (workspace);
}

typedef struct {
  CoordenaWorkspace *workspace;
  gboolean want_open;
} Settled;

static gboolean
settled (gpointer data)
{
  Settled *s = data;

  return !coordena_workspace_is_loading (s->workspace) && coordena_workspace_is_open (s->workspace) == s->want_open;
}

static AdwMessageDialog *
find_dialog_named (const char *name)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && g_strcmp0 (gtk_widget_get_name (l->data), name) == 0
        && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* A damaged database opens on the error page, which offers to restore a backup over it: the
 * damaged file is kept aside and the copy's data come back, as `coordena-cli restore` does. */
static void
test_restore_over_damaged (void)
{
  g_autofree char *dir = ui_app_temp_dir ("danificado");
  g_autofree char *db = g_build_filename (dir, "coordena.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copia.db", NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;
  const char *entry;
  gsize len = 0;
  guint aside = 0;
  CoordenaWindow *window = COORDENA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  CoordenaWorkspace *workspace;
  AdwMessageDialog *confirm;
  Settled wait;

  if (window == NULL)
    window = ui_app_open_window (app);
  workspace = coordena_window_get_workspace (window);
  {
    g_autoptr(CoordenaStore) store = coordena_store_open (db, &error);

    g_assert_no_error (error);
    g_assert_true (coordena_store_init_uf (store, "SE", &error));
    g_assert_true (coordena_store_set_profile (store, "secretaria.nome", "Secretaria de Estado da Saúde de Sergipe",
                                               &error));
    g_assert_true (coordena_store_backup (store, copy, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (db, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 4096 * 4);
  for (gsize i = 4096 * 2; i < len; i++)
    bytes[i] = (char) 0x5a;
  g_assert_true (g_file_set_contents (db, bytes, (gssize) len, NULL));

  coordena_workspace_open (workspace, db);
  wait = (Settled) { workspace, FALSE };
  g_assert_true (ui_app_wait_for (settled, &wait));
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_true (g_error_matches (coordena_workspace_get_error (workspace), COORDENA_ERROR, COORDENA_ERROR_DAMAGED));
  g_assert_true (gtk_widget_get_visible (coordena_window_get_restore_damaged_button (window)));
  g_assert_true (gtk_widget_is_sensitive (coordena_window_get_restore_damaged_button (window)));
  g_free (ui_save_png (GTK_WIDGET (window), "banco-danificado"));

  coordena_damaged_restore_confirm (GTK_WINDOW (window), workspace, copy);
  confirm = find_dialog_named ("damaged-restore-confirm");
  g_assert_nonnull (confirm);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "guardado à parte"));
  ui_wait_for_frames (GTK_WIDGET (confirm), 3);
  g_free (ui_save_png (GTK_WIDGET (confirm), "banco-danificado-confirmar"));
  g_signal_emit_by_name (confirm, "response", "restore");
  gtk_window_destroy (GTK_WINDOW (confirm));

  wait = (Settled) { workspace, TRUE };
  g_assert_true (ui_app_wait_for (settled, &wait));
  g_assert_no_error (coordena_workspace_get_error (workspace));
  name = coordena_store_get_profile (coordena_workspace_get_store (workspace), "secretaria.nome");
  g_assert_cmpstr (name, ==, "Secretaria de Estado da Saúde de Sergipe");
  g_assert_nonnull (coordena_window_get_last_toast (window));
  g_assert_nonnull (strstr (adw_toast_get_title (coordena_window_get_last_toast (window)), "coordena.db.danificado-"));
  g_assert_false (gtk_widget_get_visible (coordena_window_get_restore_damaged_button (window)));
  d = g_dir_open (dir, 0, NULL);
  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (entry, "coordena.db.danificado-"))
      aside++;
  g_assert_cmpuint (aside, >=, 1);
}

int
main (int argc, char **argv)
{
  g_autofree char *db = NULL;
  int status;

  /* gtk_test_init() keeps the C locale; the user's language is what this test is about. */
  setlocale (LC_ALL, "");
  coordena_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  /* Screenshots show settled widgets, not a cross-fade caught half-way. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* The pages show a database of their own: the demonstration roster of a small state. */
  db = ui_app_make_database ("SE");
  app = ui_app_new (db);

  g_test_add_func ("/window/pages-in-portuguese", test_pages_in_portuguese);
  g_test_add_func ("/window/alt-number-switches-page", test_alt_number_switches_page);
  g_test_add_func ("/window/shortcuts", test_shortcuts);
  g_test_add_func ("/window/menu-windows", test_menu_windows);
  g_test_add_func ("/window/app-icon-found", test_app_icon_found);
  g_test_add_func ("/window/state-remembered", test_window_state_remembered);
  g_test_add_func ("/window/restore-over-damaged", test_restore_over_damaged);
  g_test_add_func ("/window/finalized", test_window_finalized);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return status;
}
