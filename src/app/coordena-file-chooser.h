/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Starts the chooser in the folder the user chose a file from last time (the last-folder
 * setting of settings; none when settings is NULL), or else in Downloads for a file to open and in Documents for one to save, never in
 * the program's working folder; when a file is chosen, its folder is remembered. Call before
 * connecting the chooser's own response handler. */
void coordena_file_chooser_prepare_with (GtkFileChooserNative *native, GSettings *settings);

/* The path of the file chosen when the user accepted (NULL otherwise); releases the chooser. For
 * a chooser's "response" handler. */
char *coordena_file_chooser_take_path (GtkNativeDialog *native, int response);

G_END_DECLS
