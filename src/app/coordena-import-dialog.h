/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include <coordena/competencia.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

typedef enum {
  COORDENA_IMPORT_ROSTER_CSV,
  COORDENA_IMPORT_CNES,
  COORDENA_IMPORT_DEMO,
} CoordenaImportKind;

#define COORDENA_TYPE_IMPORT_DIALOG (coordena_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaImportDialog, coordena_import_dialog, COORDENA, IMPORT_DIALOG, AdwWindow)

/* A window that runs one import in a worker thread with a progress bar and Cancel, then shows
 * the import report (or why nothing was changed) and reloads the workspace. path is the file or
 * folder (NULL for the demonstration roster); competencias are the CNES ones to read. */
CoordenaImportDialog *coordena_import_dialog_new (GtkWindow                 *parent,
                                                  CoordenaWorkspace         *workspace,
                                                  CoordenaImportKind         kind,
                                                  const char                *path,
                                                  const CoordenaCompetencia *competencias,
                                                  guint                      n_competencias);

/* Shows the window and starts the import. */
void coordena_import_dialog_start (CoordenaImportDialog *self);

/* For tests and the window: still running; succeeded; the largest fraction shown; the report. */
gboolean coordena_import_dialog_is_running (CoordenaImportDialog *self);
gboolean coordena_import_dialog_succeeded (CoordenaImportDialog *self);
double coordena_import_dialog_get_max_fraction (CoordenaImportDialog *self);
const char *coordena_import_dialog_get_report (CoordenaImportDialog *self);
/* How many progress reports the worker sent. */
guint coordena_import_dialog_get_n_progress (CoordenaImportDialog *self);
void coordena_import_dialog_cancel (CoordenaImportDialog *self);

/* The CNES competência in a file name such as BASE_DE_DADOS_CNES_202509.ZIP, or 0. */
CoordenaCompetencia coordena_import_competencia_from_name (const char *path);

G_END_DECLS

G_BEGIN_DECLS

/* Asks for the file (and, for CNES, the competência when its name does not say), then runs the
 * import in a CoordenaImportDialog. folder: a CNES folder instead of the ZIP. */
void coordena_import_choose_and_run (GtkWindow          *parent,
                                     CoordenaWorkspace  *workspace,
                                     CoordenaImportKind  kind,
                                     gboolean            folder);

/* Asks which competência a CNES file or folder holds, then imports it. */
void coordena_import_ask_competencia (GtkWindow *parent, CoordenaWorkspace *workspace, const char *path);

G_END_DECLS
