/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "Gerar ofício" dialog's lifetime: closed or done generating, it goes, and what it
 * generated stays in the database. The rules it checks are tests/test-ui-adhesion.c's. */
#include "config.h"

#include <adwaita.h>

#include <coordena/coordena.h>
#include <coordena/adhesion.h>
#include <coordena/clock.h>
#include <coordena/format.h>

#include <glib/gstdio.h>

#include "coordena-oficio-dialog.h"
#include "coordena-oficio-files.h"
#include "ui-app-helpers.h"
#include "ui-helpers.h"

#define OFFER "coordenacao-cuidado-2025"

static CoordenaApplication *app;
static char *db;

/* The ofício may be dated on the day it is made, by the offer's deadline. */
static void
work_on_deadline_eve (void)
{
  g_autoptr(GTimeZone) tz = coordena_clock_timezone ();
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2025, 12, 1, 12, 0, 0);

  coordena_clock_set_for_testing (now);
}

static void
set_checks (GtkWidget *root, const char *prefix)
{
  if (GTK_IS_CHECK_BUTTON (root) && g_str_has_prefix (gtk_widget_get_name (root), prefix))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (root), TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    set_checks (child, prefix);
}

static CoordenaOficioDialog *
open_dialog (CoordenaWindow **window_out)
{
  CoordenaWindow *window = ui_app_open_on (app, db, "adesao");
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  CoordenaOficioDialog *dialog = coordena_oficio_dialog_new (GTK_WINDOW (window), workspace, OFFER);
  g_autoptr(CoordenaWorkspace) given = NULL;

  g_object_get (dialog, "workspace", &given, NULL);
  g_assert_true (given == workspace);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  *window_out = window;
  return dialog;
}

static guint
n_oficios (CoordenaWorkspace *workspace)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = coordena_adhesion_list_oficios (coordena_workspace_get_store (workspace), &error);

  g_assert_no_error (error);
  return records->len;
}

static void
test_closed_finalized (void)
{
  CoordenaWindow *window;
  CoordenaOficioDialog *dialog = open_dialog (&window);
  guint before = n_oficios (coordena_window_get_workspace (window));

  ui_close_and_assert_finalized (GTK_WINDOW (dialog), dialog);
  g_assert_null (ui_find_toplevel (COORDENA_TYPE_OFICIO_DIALOG));
  g_assert_cmpuint (n_oficios (coordena_window_get_workspace (window)), ==, before);
}

static void
generated (CoordenaOficioDialog *dialog, const char *identification, const char *numero_ano, char **out)
{
  *out = g_strdup (numero_ano);
}

static gboolean
has_text (gpointer data)
{
  return *(char **) data != NULL;
}

/* Generating runs in a worker and closes the dialog: the worker's job held copies of what it
 * needed, so the dialog goes as soon as it closes. */
static void
test_generated_finalized (void)
{
  CoordenaWindow *window;
  CoordenaOficioDialog *dialog = open_dialog (&window);
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  guint before = n_oficios (workspace);
  g_autofree char *numero_ano = NULL;

  set_checks (GTK_WIDGET (dialog), "oficio-responsibility-");
  ui_flush ();
  g_assert_null (coordena_oficio_dialog_get_refusal (dialog));
  g_assert_true (coordena_oficio_dialog_can_generate (dialog));
  g_signal_connect (dialog, "generated", G_CALLBACK (generated), &numero_ano);
  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "oficio.generate", NULL));
  g_assert_true (ui_app_wait_for (has_text, &numero_ano));
  ui_assert_finalized (dialog);

  g_assert_cmpuint (n_oficios (workspace), ==, before + 1);
  g_assert_true (g_str_has_suffix (numero_ano, "/2025"));
}

static gboolean
chooser_shown (gpointer data)
{
  return ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
copy_saved (gpointer data)
{
  AdwToast *toast = coordena_window_get_last_toast (data);

  return toast != NULL && g_strcmp0 (adw_toast_get_title (toast), "“copia.pdf” salvo") == 0;
}

/* "Salvar uma cópia" waits for the user with the database's path, not its connection: another
 * database opened meanwhile (or a backup restored) closes that connection, and the copy is still
 * the stored ofício, written whole. */
static void
test_save_copy_outlives_connection (void)
{
  CoordenaWindow *window = ui_app_open_on (app, db, "adesao");
  CoordenaWorkspace *workspace = coordena_window_get_workspace (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = coordena_adhesion_list_oficios (coordena_workspace_get_store (workspace), &error);
  g_autofree char *dir = ui_app_temp_dir ("copia");
  g_autofree char *target = g_build_filename (dir, "copia.pdf", NULL);
  g_autofree char *other = ui_app_make_database ("SE");
  g_autofree char *contents = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  const CoordenaOficioRecord *record;
  g_autofree char *numero_ano = NULL;
  GtkWindow *chooser;
  GStatBuf st;
  gsize length = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, >=, 1);
  record = g_ptr_array_index (records, 0);
  numero_ano = g_strdup_printf ("%u/%u", record->number, record->year);

  coordena_oficio_save_copy_with (GTK_WINDOW (window), coordena_workspace_get_settings (workspace),
                                  coordena_workspace_get_store (workspace), numero_ano);
  g_assert_true (ui_app_wait_for (chooser_shown, NULL));
  chooser = ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  /* The connection the chooser was given is closed while it is open. */
  coordena_window_switch_database (window, other);
  ui_app_wait_loaded (window);
  g_assert_cmpstr (coordena_workspace_get_path (workspace), ==, other);

  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "copia.pdf");
  ui_flush ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  /* Written in a worker; the toast says when it is done. */
  g_assert_true (ui_app_wait_for (copy_saved, window));

  g_assert_true (g_file_get_contents (target, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

int
main (int argc, char **argv)
{
  int status;

  ui_app_init (&argc, &argv);
  work_on_deadline_eve ();
  db = ui_app_make_profiled_database (NULL);
  app = ui_app_new (db);

  g_test_add_func ("/oficio/closed-finalized", test_closed_finalized);
  g_test_add_func ("/oficio/generated-finalized", test_generated_finalized);
  g_test_add_func ("/oficio/save-copy-outlives-connection", test_save_copy_outlives_connection);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  g_free (db);
  return status;
}
