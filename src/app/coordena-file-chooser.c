/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "coordena-file-chooser.h"

static void
remember (GtkNativeDialog *native, int response, GSettings *settings)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT || (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) == NULL)
    return;
  folder = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (native)) == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
           ? g_object_ref (file) : g_file_get_parent (file);
  if (folder != NULL && (path = g_file_get_path (folder)) != NULL)
    g_settings_set_string (settings, "last-folder", path);
}

static void
settings_closure_free (gpointer data, GClosure *closure)
{
  g_object_unref (data);
}

void
coordena_file_chooser_prepare_with (GtkFileChooserNative *native, GSettings *settings)
{
  g_autofree char *last = settings != NULL ? g_settings_get_string (settings, "last-folder") : NULL;
  gboolean saving = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (native)) == GTK_FILE_CHOOSER_ACTION_SAVE;
  const char *start = NULL;
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (native));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    start = last;
  else
    start = g_get_user_special_dir (saving ? G_USER_DIRECTORY_DOCUMENTS : G_USER_DIRECTORY_DOWNLOAD);
  if (start == NULL || !g_file_test (start, G_FILE_TEST_IS_DIR))
    start = g_get_home_dir ();
  folder = g_file_new_for_path (start);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  if (settings != NULL)
    g_signal_connect_data (native, "response", G_CALLBACK (remember), g_object_ref (settings),
                           settings_closure_free, 0);
}

char *
coordena_file_chooser_take_path (GtkNativeDialog *native, int response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  return file != NULL ? g_file_get_path (file) : NULL;
}
