/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What to import: the file or folder, and for the CNES base the competência when its name does
 * not tell; then the import dialog runs it. */
#include "config.h"

#include <glib/gi18n.h>

#include "coordena-file-chooser.h"
#include "coordena-import-dialog.h"

CoordenaCompetencia
coordena_import_competencia_from_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *p = base;

  /* The last run of six digits that reads as a competência. */
  CoordenaCompetencia found = 0;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) && (p == base || !g_ascii_isdigit (p[-1])))
        {
          gsize n = 0;
          while (g_ascii_isdigit (p[n]))
            n++;
          if (n == 6)
            {
              CoordenaCompetencia c = (CoordenaCompetencia) g_ascii_strtoull (p, NULL, 10);
              if (coordena_competencia_is_valid (c))
                found = c;
            }
        }
    }
  return found;
}

/* ---- Choosing what to import ------------------------------------------------------------- */

typedef struct {
  GtkWindow *parent;
  CoordenaWorkspace *workspace;
  CoordenaImportKind kind;
  char *path;
  GtkEditable *entry;
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->parent);
  g_clear_object (&choice->workspace);
  g_free (choice->path);
  g_free (choice);
}

static void
run_import (Choice *choice, const CoordenaCompetencia *competencias, guint n)
{
  CoordenaImportDialog *dialog = coordena_import_dialog_new (choice->parent, choice->workspace, choice->kind,
                                                             choice->path, competencias, n);

  coordena_import_dialog_start (dialog);
}

static void
competencia_validate (GtkEditable *entry, AdwMessageDialog *dialog)
{
  CoordenaCompetencia c = 0;

  adw_message_dialog_set_response_enabled (dialog, "import",
                                           coordena_competencia_parse (gtk_editable_get_text (entry), &c, NULL));
}

static void
competencia_response (AdwMessageDialog *dialog, const char *response, Choice *choice)
{
  CoordenaCompetencia c = 0;

  if (g_strcmp0 (response, "import") == 0 && coordena_competencia_parse (gtk_editable_get_text (choice->entry), &c, NULL))
    run_import (choice, &c, 1);
  choice_free (choice);
}

static void
ask_competencia (Choice *choice)
{
  g_autofree char *base = g_path_get_basename (choice->path);
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (choice->parent, _("Which Competência?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The name “%s” does not say which competência it holds. Type it as MM/AAAA."), base);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "09/2025");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Competência"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import", FALSE);
  choice->entry = GTK_EDITABLE (entry);
  g_signal_connect (entry, "changed", G_CALLBACK (competencia_validate), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (competencia_response), choice);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
coordena_import_ask_competencia (GtkWindow *parent, CoordenaWorkspace *workspace, const char *path)
{
  Choice *choice = g_new0 (Choice, 1);

  choice->parent = parent != NULL ? g_object_ref (parent) : NULL;
  choice->workspace = g_object_ref (workspace);
  choice->kind = COORDENA_IMPORT_CNES;
  choice->path = g_strdup (path);
  ask_competencia (choice);
}

static void
file_chosen (GtkNativeDialog *native, int response, Choice *choice)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL || (choice->path = g_file_get_path (file)) == NULL)
    {
      choice_free (choice);
      return;
    }

  if (choice->kind == COORDENA_IMPORT_CNES)
    {
      CoordenaCompetencia c = coordena_import_competencia_from_name (choice->path);

      if (c == 0)
        {
          ask_competencia (choice);
          return;
        }
      run_import (choice, &c, 1);
    }
  else
    run_import (choice, NULL, 0);
  choice_free (choice);
}

void
coordena_import_choose_and_run (GtkWindow *parent, CoordenaWorkspace *workspace, CoordenaImportKind kind, gboolean folder)
{
  Choice *choice;
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (COORDENA_IS_WORKSPACE (workspace));

  if (kind == COORDENA_IMPORT_DEMO)
    {
      coordena_import_dialog_start (coordena_import_dialog_new (parent, workspace, kind, NULL, NULL, 0));
      return;
    }

  choice = g_new0 (Choice, 1);
  choice->parent = parent != NULL ? g_object_ref (parent) : NULL;
  choice->workspace = g_object_ref (workspace);
  choice->kind = kind;

  if (kind == COORDENA_IMPORT_CNES && folder)
    native = gtk_file_chooser_native_new (_("Choose the Folder of the CNES Tables"), parent,
                                          GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Import"), _("_Cancel"));
  else
    {
      native = gtk_file_chooser_native_new (kind == COORDENA_IMPORT_CNES ? _("Import CNES Data") : _("Import Roster CSV"),
                                            parent, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
      if (kind == COORDENA_IMPORT_CNES)
        {
          gtk_file_filter_set_name (filter, _("CNES base (ZIP)"));
          gtk_file_filter_add_pattern (filter, "*.zip");
          gtk_file_filter_add_pattern (filter, "*.ZIP");
        }
      else
        {
          gtk_file_filter_set_name (filter, _("Roster CSV"));
          gtk_file_filter_add_pattern (filter, "*.csv");
          gtk_file_filter_add_pattern (filter, "*.CSV");
          gtk_file_filter_add_mime_type (filter, "text/csv");
        }
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  coordena_file_chooser_prepare_with (native, coordena_workspace_get_settings (workspace));
  g_signal_connect (native, "response", G_CALLBACK (file_chosen), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
