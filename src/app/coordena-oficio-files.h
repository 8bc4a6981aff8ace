/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include <coordena/store.h>

G_BEGIN_DECLS

/* A stored ofício ("NUMERO/ANO") leaving the database: opened in the system viewer from a
 * temporary copy, printed page by page from the stored PDF, or saved where the user chooses.
 * Errors and outcomes show on the parent window (a dialog or a toast). */

/* Writes a copy into the user's cache and shows it with the default PDF viewer. */
void coordena_oficio_open (GtkWindow *parent, CoordenaStore *store, const char *numero_ano);

/* Asks where to save and writes the stored bytes there unchanged; the chooser starts in the
 * last-folder of settings. The database is kept by its path while the chooser is open. */
void coordena_oficio_save_copy_with (GtkWindow     *parent,
                                     GSettings     *settings,
                                     CoordenaStore *store,
                                     const char    *numero_ano);

/* The print dialog for the stored PDF. */
void coordena_oficio_print (GtkWindow *parent, CoordenaStore *store, const char *numero_ano);

/* Runs a print operation over the PDF's pages: with GTK_PRINT_OPERATION_ACTION_EXPORT and a
 * file name, writes what would print to that PDF (the way the output is checked). */
GtkPrintOperationResult coordena_print_pdf_file (GtkWindow               *parent,
                                                 const char              *pdf_path,
                                                 const char              *job_name,
                                                 GtkPrintOperationAction  action,
                                                 const char              *export_filename,
                                                 GError                 **error);

/* Shows a failure as a dialog on the parent: a heading and the core's message. */
void coordena_show_error (GtkWindow *parent, const char *heading, const GError *error);

G_END_DECLS
