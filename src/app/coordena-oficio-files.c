/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <poppler.h>

#include <coordena/adhesion.h>

#include "coordena-file-chooser.h"
#include "coordena-oficio-files.h"
#include "coordena-worker.h"

void
coordena_show_error (GtkWindow *parent, const char *heading, const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error != NULL ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Preferências shows its own toasts; the main window shows them through its win.toast action. */
static void
toast (GtkWindow *parent, const char *text)
{
  if (ADW_IS_PREFERENCES_WINDOW (parent))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (parent), adw_toast_new (text));
  else if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", text);
}

/* "OFÍCIO Nº 3/2025" as a file name: "Oficio-3-2025.pdf". */
static char *
file_name_for (const char *numero_ano)
{
  g_autofree char *safe = g_strdup (numero_ano);

  g_strdelimit (safe, "/", '-');
  return g_strdup_printf ("Oficio-%s.pdf", safe);
}

/* A fresh copy of the stored PDF in the user's cache: what is opened or printed is the stored
 * file, never an older copy left there. */
static char *
export_to_cache (CoordenaStore *store, const char *numero_ano, GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "coordena", "oficios", NULL);
  g_autofree char *name = file_name_for (numero_ano);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(CoordenaOficioRecord) record = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not create “%s”: %s"), dir,
                   g_strerror (saved));
      return NULL;
    }
  if (!coordena_store_check_output_path (store, path, error)
      || (record = coordena_adhesion_export_oficio (store, numero_ano, path, error)) == NULL)
    return NULL;
  return g_steal_pointer (&path);
}

/* The copy being shown, for the message when no viewer shows it. */
typedef struct {
  GtkWindow *parent;
  char *path;
} OpenedCopy;

static void
opened_copy_free (OpenedCopy *copy)
{
  g_object_unref (copy->parent);
  g_free (copy->path);
  g_free (copy);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenedCopy, opened_copy_free)

/* Without a PDF viewer the copy is still there: the message says where. */
static void
open_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(OpenedCopy) copy = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_autoptr(GError) shown = g_error_new (error->domain, error->code,
                                             /* TRANSLATORS: the reason a PDF could not be shown, and where its copy is */
                                             _("%s. The copy is at “%s”."), error->message, copy->path);

      coordena_show_error (copy->parent, _("The Ofício Could Not Be Opened"), shown);
    }
}

void
coordena_oficio_open (GtkWindow *parent, CoordenaStore *store, const char *numero_ano)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = export_to_cache (store, numero_ano, &error);
  g_autofree char *uri = NULL;
  OpenedCopy *copy;

  if (path == NULL)
    {
      coordena_show_error (parent, _("The Ofício Could Not Be Opened"), error);
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  if (parent == NULL)
    {
      gtk_show_uri (NULL, uri, GDK_CURRENT_TIME);
      return;
    }
  copy = g_new0 (OpenedCopy, 1);
  copy->parent = g_object_ref (parent);
  copy->path = g_steal_pointer (&path);
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, open_done, copy);
}

/* What a save chooser waits with: the database by its path, not its connection, which may be
 * closed (another database opened, a backup restored) before the user answers. */
typedef struct {
  GtkWindow *parent;            /* weak */
  char *db_path;
  char *numero_ano;
} SaveCopy;

static void
save_copy_free (gpointer data, GClosure *closure)
{
  SaveCopy *save = data;

  g_clear_weak_pointer (&save->parent);
  g_free (save->db_path);
  g_free (save->numero_ano);
  g_free (save);
}

/* Writing the copy: in a worker, since opening the database checks it whole. */
typedef struct {
  GtkWindow *parent;            /* held until the answer is shown, on the main thread */
  char *numero_ano;
  char *path;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_warn_if_fail (job->parent == NULL);
  g_free (job->numero_ano);
  g_free (job->path);
  g_free (job);
}

static gboolean
save_job (CoordenaStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  SaveJob *job = data;
  g_autoptr(CoordenaOficioRecord) record = NULL;

  if (coordena_store_check_output_path (store, job->path, error))
    record = coordena_adhesion_export_oficio (store, job->numero_ano, job->path, error);
  return record != NULL;
}

static void
save_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SaveJob *job = coordena_worker_get_job (result);
  g_autoptr(GtkWindow) parent = g_steal_pointer (&job->parent);
  g_autoptr(GError) error = NULL;

  if (!coordena_worker_finish (result, &error))
    coordena_show_error (parent, _("The Copy Was Not Saved"), error);
  else
    {
      g_autofree char *base = g_path_get_basename (job->path);
      /* TRANSLATORS: a toast after saving a copy of an ofício, with the file name */
      g_autofree char *text = g_strdup_printf (_("Saved “%s”"), base);

      toast (parent, text);
    }
}

static void
save_chosen (GtkNativeDialog *native, int response, SaveCopy *save)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      SaveJob *job = g_new0 (SaveJob, 1);

      job->parent = save->parent != NULL ? g_object_ref (save->parent) : NULL;
      job->numero_ano = g_strdup (save->numero_ano);
      job->path = g_steal_pointer (&path);
      coordena_worker_run (NULL, save->db_path, COORDENA_STORE_OPEN_MUST_EXIST | COORDENA_STORE_OPEN_NO_MIGRATE,
                           save_job, job, (GDestroyNotify) save_job_free, NULL, save_done, NULL);
    }
  g_object_unref (native);
}

static void
save_copy (GtkWindow *parent, GSettings *settings, CoordenaStore *store, const char *numero_ano)
{
  GtkFileChooserNative *native;
  g_autofree char *name = file_name_for (numero_ano);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  SaveCopy *save = g_new0 (SaveCopy, 1);

  g_set_weak_pointer (&save->parent, parent);
  save->db_path = g_strdup (coordena_store_get_path (store));
  save->numero_ano = g_strdup (numero_ano);
  native = gtk_file_chooser_native_new (_("Save a Copy of the Ofício"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  coordena_file_chooser_prepare_with (native, settings);
  g_signal_connect_data (native, "response", G_CALLBACK (save_chosen), save, save_copy_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
coordena_oficio_save_copy_with (GtkWindow *parent, GSettings *settings, CoordenaStore *store, const char *numero_ano)
{
  save_copy (parent, settings, store, numero_ano);
}

/* ---- Printing -------------------------------------------------------------------------------- */

static void
draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr, PopplerDocument *document)
{
  PopplerPage *page = poppler_document_get_page (document, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = 0, height = 0, scale;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &width, &height);
  /* The page keeps its size on A4; on other paper it shrinks to fit, never stretches. */
  scale = MIN (gtk_print_context_get_width (context) / width, gtk_print_context_get_height (context) / height);
  scale = MIN (scale, 1.0);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);
  g_object_unref (page);
}

GtkPrintOperationResult
coordena_print_pdf_file (GtkWindow *parent, const char *pdf_path, const char *job_name,
                         GtkPrintOperationAction action, const char *export_filename, GError **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  PopplerDocument *document = NULL;
  g_autofree char *uri = g_filename_to_uri (pdf_path, NULL, error);

  if (uri == NULL || (document = poppler_document_new_from_file (uri, NULL, error)) == NULL)
    return GTK_PRINT_OPERATION_RESULT_ERROR;

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (document));
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  /* The dialog runs asynchronously: the operation keeps the document for as long as it lives. */
  gtk_print_operation_set_allow_async (operation, action == GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), document);
  g_object_set_data_full (G_OBJECT (operation), "document", document, g_object_unref);
  return gtk_print_operation_run (operation, action, parent, error);
}

void
coordena_oficio_print (GtkWindow *parent, CoordenaStore *store, const char *numero_ano)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = export_to_cache (store, numero_ano, &error);
  g_autofree char *job = NULL;

  if (path != NULL)
    {
      /* TRANSLATORS: the print job's name, with the ofício's number and year */
      job = g_strdup_printf (_("Ofício %s"), numero_ano);
      if (coordena_print_pdf_file (parent, path, job, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error)
          != GTK_PRINT_OPERATION_RESULT_ERROR)
        return;
    }
  coordena_show_error (parent, _("The Ofício Could Not Be Printed"), error);
}
