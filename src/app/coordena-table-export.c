/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include <coordena/export.h>

#include "coordena-file-chooser.h"
#include "coordena-table-export.h"
#include "coordena-worker.h"

typedef struct {
  char *path;
  gboolean roster;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->path);
  g_free (job);
}

static gboolean
export_job (CoordenaStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  ExportJob *job = data;

  return job->roster ? coordena_export_roster_csv (store, job->path, error)
                     : coordena_export_teams_csv (store, job->path, error);
}

static void
export_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CoordenaWorkspace *workspace = COORDENA_WORKSPACE (source);
  ExportJob *job = coordena_worker_get_job (result);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (job->path);
  g_autofree char *text = NULL;
  g_autoptr(AdwToast) toast = NULL;

  if (coordena_worker_finish (result, &error))
    /* TRANSLATORS: a toast after an export, with the file name */
    text = g_strdup_printf (_("Saved “%s”"), base);
  else
    text = g_strdup_printf (_("“%s” was not saved: %s"), base, error->message);
  toast = adw_toast_new (text);
  coordena_workspace_toast (workspace, G_OBJECT (toast));
}

void
coordena_table_export_run (CoordenaWorkspace *workspace, const char *path, gboolean roster)
{
  ExportJob *job;

  g_return_if_fail (COORDENA_IS_WORKSPACE (workspace));
  g_return_if_fail (path != NULL);

  job = g_new0 (ExportJob, 1);
  job->path = g_strdup (path);
  job->roster = roster;
  coordena_worker_run (workspace, coordena_workspace_get_path (workspace),
                       COORDENA_STORE_OPEN_MUST_EXIST | COORDENA_STORE_OPEN_NO_MIGRATE,
                       export_job, job, (GDestroyNotify) export_job_free, NULL, export_done, NULL);
}

/* The chooser's answer, with the workspace it exports from. */
typedef struct {
  CoordenaWorkspace *workspace;
  gboolean roster;
} ExportChoice;

static void
export_choice_free (gpointer data, GClosure *closure)
{
  ExportChoice *choice = data;

  g_object_unref (choice->workspace);
  g_free (choice);
}

static void
export_chosen (GtkNativeDialog *native, int response, ExportChoice *choice)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    coordena_table_export_run (choice->workspace, path, choice->roster);
  g_object_unref (native);
}

void
coordena_table_export_choose (GtkWindow *parent, CoordenaWorkspace *workspace, gboolean roster)
{
  GtkFileChooserNative *native;
  ExportChoice *choice;

  g_return_if_fail (COORDENA_IS_WORKSPACE (workspace));

  choice = g_new0 (ExportChoice, 1);
  choice->workspace = g_object_ref (workspace);
  choice->roster = roster;
  native = gtk_file_chooser_native_new (roster ? _("Export Roster CSV") : _("Export Teams Table"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), roster ? "roster.csv" : _("teams.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  coordena_file_chooser_prepare_with (native, coordena_workspace_get_settings (workspace));
  g_signal_connect_data (native, "response", G_CALLBACK (export_chosen), choice, export_choice_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
