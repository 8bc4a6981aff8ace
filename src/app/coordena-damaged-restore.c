/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coordena-damaged-restore.c — the window's way out of "the database is damaged": choose a
 * backup, confirm, and the damaged file is set aside while the copy takes its place. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include <coordena/coordena.h>

#include "coordena-damaged-restore.h"
#include "coordena-display.h"
#include "coordena-file-chooser.h"
#include "coordena-oficio-files.h"

typedef struct {
  char *db_path;
  char *backup;
  gboolean other_state;
  char *aside;              /* out: where the damaged file went */
} RestoreJob;

static void
restore_job_free (gpointer data)
{
  RestoreJob *job = data;

  g_free (job->db_path);
  g_free (job->backup);
  g_free (job->aside);
  g_free (job);
}

/* The restore checks the whole copy and writes the database: never on the main thread. It opens
 * no connection to the damaged file, so it does not go through the worker helper. */
static void
restore_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  RestoreJob *job = data;
  g_autoptr(GError) error = NULL;
  CoordenaStore *store;

  store = coordena_store_restore_damaged (job->db_path, job->backup, job->other_state, &job->aside, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  coordena_store_close (store);
  g_task_return_boolean (task, TRUE);
}

static void
restore_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(CoordenaWorkspace) workspace = data;
  RestoreJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = GTK_WINDOW (source);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      coordena_show_error (parent, _("The Backup Was Not Restored"), error);
      return;
    }
  coordena_workspace_open (workspace, job->db_path);
  {
    g_autofree char *base = g_path_get_basename (job->backup);
    /* TRANSLATORS: a toast after restoring over a damaged database: the backup's name, the path
     * where the damaged file was kept */
    g_autofree char *text = g_strdup_printf (_("Restored from “%s”; the damaged database was kept in %s"), base,
                                             job->aside);
    AdwToast *toast = adw_toast_new (text);

    adw_toast_set_timeout (toast, 0);
    coordena_workspace_toast (workspace, G_OBJECT (toast));
    g_object_unref (toast);
  }
}

typedef struct {
  GtkWindow *parent;
  CoordenaWorkspace *workspace;
  char *backup;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *p = data;

  g_clear_object (&p->parent);
  g_clear_object (&p->workspace);
  g_free (p->backup);
  g_free (p);
}

static void
confirmed (AdwMessageDialog *dialog, const char *response, gpointer data)
{
  Pending *p = data;
  g_autoptr(GTask) task = NULL;
  RestoreJob *job;

  if (!g_str_equal (response, "restore") && !g_str_equal (response, "restore-other-state"))
    return;
  job = g_new0 (RestoreJob, 1);
  job->db_path = g_strdup (coordena_workspace_get_path (p->workspace));
  job->backup = g_strdup (p->backup);
  job->other_state = g_str_equal (response, "restore-other-state");
  task = g_task_new (p->parent, NULL, restore_done, g_object_ref (p->workspace));
  g_task_set_task_data (task, job, restore_job_free);
  g_task_run_in_thread (task, restore_thread);
}

void
coordena_damaged_restore_confirm (GtkWindow *parent, CoordenaWorkspace *workspace, const char *backup)
{
  const char *db_path = coordena_workspace_get_path (workspace);
  g_autofree char *base = g_path_get_basename (backup);
  g_autofree char *our_uf = coordena_store_peek_uf (db_path);
  g_autofree char *their_uf = coordena_store_peek_uf (backup);
  g_autofree char *body = NULL;
  gboolean other_state = our_uf != NULL && their_uf != NULL && g_strcmp0 (our_uf, their_uf) != 0;
  const char *response = other_state ? "restore-other-state" : "restore";
  AdwMessageDialog *dialog;
  Pending *p;

  g_return_if_fail (COORDENA_IS_WORKSPACE (workspace) && backup != NULL);

  if (other_state)
    /* TRANSLATORS: the damaged database's path, the backup's name, its state, this database's state */
    body = g_strdup_printf (_("The damaged database %s is kept aside, readable only by you, and “%s” takes its "
                              "place. That backup is a copy of the database of %s, and this database was of %s."),
                            db_path, base, their_uf, our_uf);
  else
    /* TRANSLATORS: the damaged database's path, the backup's name */
    body = g_strdup_printf (_("The damaged database %s is kept aside, readable only by you, and “%s” takes its "
                              "place. Changes made since that backup are not in it."),
                            db_path, base);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Restore Over the Damaged Database?"), body));
  gtk_widget_set_name (GTK_WIDGET (dialog), "damaged-restore-confirm");
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response,
                                    other_state ? _("_Replace With Other State") : _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  p = g_new0 (Pending, 1);
  p->parent = g_object_ref (parent);
  p->workspace = g_object_ref (workspace);
  p->backup = g_strdup (backup);
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirmed), p, (GClosureNotify) (void (*) (void)) pending_free,
                         0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
backup_chosen (GtkNativeDialog *native, int response, gpointer data)
{
  g_autoptr(CoordenaWorkspace) workspace = data;
  g_autoptr(GtkWindow) parent = gtk_native_dialog_get_transient_for (native);
  g_autofree char *path = NULL;

  if (parent != NULL)
    g_object_ref (parent);
  path = coordena_file_chooser_take_path (native, response);
  if (path != NULL && parent != NULL)
    coordena_damaged_restore_confirm (parent, workspace, path);
}

void
coordena_damaged_restore_choose (GtkWindow *parent, CoordenaWorkspace *workspace)
{
  GtkFileChooserNative *native;

  g_return_if_fail (COORDENA_IS_WORKSPACE (workspace));

  native = gtk_file_chooser_native_new (_("Restore From a Backup"), parent, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                        _("_Cancel"));
  coordena_file_chooser_prepare_with (native, coordena_workspace_get_settings (workspace));
  g_signal_connect (native, "response", G_CALLBACK (backup_chosen), g_object_ref (workspace));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
