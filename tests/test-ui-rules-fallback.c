/* A rule file of the user's with one bad value: the window still forecasts, with the shipped
 * rule sets, and a banner says which file failed and why. Its own program: the user's data
 * directory must hold the broken file from the start. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <coordena/coordena.h>
#include <coordena/ruleset.h>

#include "coordena-forecast-page-private.h"
#include "ui-app-helpers.h"
#include "ui-helpers.h"

static CoordenaApplication *app;

static gboolean
computed (gpointer page)
{
  return coordena_forecast_page_get_summary (page) != NULL;
}

static void
test_bad_user_rules_fall_back (void)
{
  g_autofree char *db = ui_app_make_database ("CE");
  CoordenaWindow *window;
  CoordenaForecastPage *page;
  GtkWidget *banner;
  const char *text = NULL;

  window = ui_app_open_on (app, db, "previsao");
  page = COORDENA_FORECAST_PAGE (coordena_window_get_page_widget (window, "previsao"));
  g_assert_true (ui_app_wait_for (computed, page));
  ui_wait_for_frames (GTK_WIDGET (window), 2);

  /* The forecast is there, and the banner names the file. */
  g_assert_true (g_str_has_prefix (coordena_forecast_page_get_headline (page), "R$ "));
  banner = coordena_window_get_rules_banner (window);
  g_assert_true (gtk_widget_get_visible (banner));
  for (GtkWidget *w = gtk_widget_get_first_child (banner); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LABEL (w))
      text = gtk_label_get_text (GTK_LABEL (w));
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "regras distribuídas com o Coordena"));
  g_assert_nonnull (strstr (text, "portaria-7799-2025.ruleset"));
  g_free (ui_save_png (GTK_WIDGET (window), "regras-do-usuario-com-erro"));
}

int
main (int argc, char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("coordena-rules-XXXXXX", NULL);
  g_autofree char *rules = g_build_filename (home, "coordena", "rules", NULL);
  g_autofree char *shipped = g_build_filename (g_getenv ("COORDENA_DATADIR"), "rules", "portaria-7799-2025.ruleset", NULL);
  g_autofree char *mine = g_build_filename (rules, "portaria-7799-2025.ruleset", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *db = NULL;
  g_autoptr(GString) broken = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* Before GLib reads it once and for all. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_assert_cmpint (g_mkdir_with_parents (rules, 0700), ==, 0);
  g_assert_true (g_file_get_contents (shipped, &contents, NULL, NULL));
  broken = g_string_new (contents);
  g_assert_cmpint (g_string_replace (broken, "revoke_after=12", "revoke_after=doze", 1), ==, 1);
  g_assert_true (g_file_set_contents (mine, broken->str, -1, NULL));

  ui_app_init (&argc, &argv);
  /* Without the window's fallback, the catalog refuses the file. */
  g_assert_null (coordena_rule_catalog_load (&error));
  g_assert_nonnull (error);
  db = ui_app_make_database ("CE");
  app = ui_app_new (db);

  g_test_add_func ("/rules-fallback/bad-user-rules-fall-back", test_bad_user_rules_fall_back);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  g_unlink (mine);
  g_rmdir (rules);
  return status;
}
