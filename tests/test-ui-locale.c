/* The window under the plain C locale (LC_ALL=C, as a clean environment or a service gives it):
 * started the way src/app/main.c starts it, so GTK's own locale set-up runs too, the pages and
 * GTK's and libadwaita's words are Portuguese. */
#include "config.h"

#include <adwaita.h>

#include <coordena/coordena.h>

#include "coordena-application.h"
#include "coordena-window-private.h"
#include "ui-app-helpers.h"
#include "ui-helpers.h"

static CoordenaApplication *app;

static void
test_window_portuguese_under_c (void)
{
  CoordenaWindow *window;
  AdwViewStack *stack;
  AdwViewStackPage *page;

  g_application_activate (G_APPLICATION (app));
  window = COORDENA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  ui_wait_for_frames (GTK_WIDGET (window), 2);

  coordena_window_show_page (window, "painel");
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  stack = coordena_window_get_stack (window);
  page = adw_view_stack_get_page (stack, adw_view_stack_get_visible_child (stack));
  /* Under the C locale GTK used to bring back English: "Dashboard". */
  g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, "Painel");
  coordena_window_show_page (window, "previsao");
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  page = adw_view_stack_get_page (stack, adw_view_stack_get_visible_child (stack));
  g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, "Previsão");

  /* GTK's own dialogs (file choosers, message dialogs) read its catalogue the same way. */
  g_assert_cmpstr (g_dgettext ("gtk40", "_Cancel"), ==, "_Cancelar");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), !=, NULL);
  g_free (ui_save_png (GTK_WIDGET (window), "janela-lc-all-c"));
}

int
main (int argc, char **argv)
{
  g_autofree char *db = NULL;
  int status;

  /* The environment of a user with no language set up, or of `env -i`. */
  g_setenv ("LC_ALL", "C", TRUE);
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("LANG");
  g_unsetenv ("LC_MESSAGES");
  coordena_application_init_locale ();
  /* Not gtk_test_init(): it keeps GTK from touching the locale, which is the very thing tested. */
  g_test_init (&argc, &argv, NULL);

  db = ui_app_make_database ("SE");
  app = ui_app_new (db);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/ui-locale/window-portuguese-under-c", test_window_portuguese_under_c);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return status;
}
