/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include <locale.h>
#include <stdlib.h>

#include <coordena/coordena.h>
#include <coordena/demo.h>
#include <coordena/profile.h>
#include <coordena/store.h>

#include "ui-app-helpers.h"
#include "test-utils.h"
#include "ui-helpers.h"

static GPtrArray *temp_dirs;

/* Databases of a few megabytes each, one or more per test: they go when the program ends. */
static void
remove_temp_dirs (void)
{
  for (guint i = 0; temp_dirs != NULL && i < temp_dirs->len; i++)
    {
      remove_tree (g_ptr_array_index (temp_dirs, i));
    }
  g_clear_pointer (&temp_dirs, g_ptr_array_unref);
}

char *
ui_app_temp_dir (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("coordena-%s-XXXXXX", name);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  if (temp_dirs == NULL)
    {
      temp_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_temp_dirs);
    }
  g_ptr_array_add (temp_dirs, g_strdup (dir));
  return dir;
}

void
ui_app_init (int *argc, char ***argv)
{
  /* gtk_test_init() keeps the C locale; the user's language is what these tests are about. */
  setlocale (LC_ALL, "");
  coordena_i18n_init ();
  gtk_test_init (argc, argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

char *
ui_app_make_database (const char *uf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ui_app_temp_dir ("ui");
  char *path;
  g_autoptr(CoordenaStore) store = NULL;

  path = g_build_filename (dir, "coordena.db", NULL);
  /* Each test's database stands for a new user's: the user's registers of numbers issued by the
   * tests before (one per state, in the test's data folder) would shift every number. */
  {
    g_autofree char *data = g_build_filename (g_get_user_data_dir (), "coordena", NULL);
    g_autoptr(GDir) d = g_dir_open (data, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      if (g_str_has_prefix (name, "oficios-") && g_str_has_suffix (name, ".log"))
        {
          g_autofree char *reg = g_build_filename (data, name, NULL);

          g_unlink (reg);
        }
  }
  store = coordena_store_open (path, &error);
  g_assert_no_error (error);
  if (uf != NULL)
    {
      g_autoptr(CoordenaImportReport) report = NULL;

      g_assert_true (coordena_store_init_uf (store, uf, &error));
      g_assert_no_error (error);
      /* A fixed last competência keeps the pictures and the figures the same every run. */
      report = coordena_demo_generate (store, 202509, 7, &error);
      g_assert_no_error (error);
      g_assert_nonnull (report);
    }
  return path;
}

CoordenaApplication *
ui_app_new (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  CoordenaApplication *app = coordena_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));
  g_settings_set_string (coordena_application_get_settings (app), "database-path", db_path);
  g_settings_set_string (coordena_application_get_settings (app), "last-page", "painel");
  g_settings_set_int (coordena_application_get_settings (app), "window-width", 1280);
  g_settings_set_int (coordena_application_get_settings (app), "window-height", 800);
  return app;
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
ui_app_wait_for (gboolean (*condition) (gpointer data), gpointer data)
{
  gboolean expired = FALSE;
  guint source = g_timeout_add_seconds (60, timed_out, &expired);

  while (!condition (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (source);
  return !expired;
}

static gboolean
loaded (gpointer data)
{
  CoordenaWorkspace *workspace = coordena_window_get_workspace (data);

  return !coordena_workspace_is_loading (workspace);
}

void
ui_app_wait_loaded (CoordenaWindow *window)
{
  g_assert_true (ui_app_wait_for (loaded, window));
  ui_flush ();
}

CoordenaWindow *
ui_app_open_window (CoordenaApplication *app)
{
  CoordenaWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = COORDENA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  ui_app_wait_loaded (window);
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  return window;
}

static const char *const profile[][2] = {
  { "secretaria.nome", "Secretaria da Saúde do Estado do Ceará" },
  { "secretaria.sigla", "COAPS/SESA" },
  { "subunidade", "Coordenadoria de Atenção Primária à Saúde" },
  { "cidade", "Fortaleza" },
  { "endereco", "Av. Almirante Barroso, 600, Praia de Iracema, 60060-440 Fortaleza/CE" },
  { "telefone", "(85) 3101-5123" },
  { "email", "coaps@saude.ce.gov.br" },
  { "secretario.nome", "Maria Clara Albuquerque Nogueira" },
  { "secretario.genero", "F" },
  { "coordenador.nome", "José Wellington Façanha" },
  { "coordenador.genero", "M" },
  { "contato.nome", "João Pedro Sampaio" },
  { "contato.email", "joao.sampaio@saude.ce.gov.br" },
  { "contato.telefone", "(85) 3101-5200" },
};

void
ui_app_fill_profile (CoordenaStore *store, const char *leave_out)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (profile); i++)
    if (g_strcmp0 (profile[i][0], leave_out) != 0)
      {
        g_assert_true (coordena_profile_set (store, profile[i][0], profile[i][1], &error));
        g_assert_no_error (error);
      }
}

char *
ui_app_make_profiled_database (const char *leave_out)
{
  g_autofree char *path = ui_app_make_database ("CE");
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = coordena_store_open (path, &error);
  g_assert_no_error (error);
  ui_app_fill_profile (store, leave_out);
  return g_steal_pointer (&path);
}

typedef struct {
  CoordenaWorkspace *workspace;
  const char *path;
} OpenedOn;

static gboolean
opened_on (gpointer user_data)
{
  const OpenedOn *data = user_data;

  return coordena_workspace_is_open (data->workspace) && g_strcmp0 (coordena_workspace_get_path (data->workspace), data->path) == 0
         && !coordena_workspace_is_loading (data->workspace);
}

CoordenaWindow *
ui_app_open_on (CoordenaApplication *app, const char *db_path, const char *page)
{
  CoordenaWindow *window = COORDENA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  if (window == NULL)
    {
      g_settings_set_string (coordena_application_get_settings (app), "database-path", db_path);
      g_settings_set_string (coordena_application_get_settings (app), "last-page", page);
      window = ui_app_open_window (app);
    }
  else
    {
      OpenedOn data = { coordena_window_get_workspace (window), db_path };

      coordena_workspace_open (data.workspace, db_path);
      g_assert_true (ui_app_wait_for (opened_on, &data));
      ui_flush ();
    }
  coordena_window_show_page (window, page);
  ui_wait_for_frames (GTK_WIDGET (window), 2);
  return window;
}
