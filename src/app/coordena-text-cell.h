/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coordena-text-cell.h — one line of text in a table cell, drawn as GtkInscription draws it. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COORDENA_TYPE_TEXT_CELL (coordena_text_cell_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaTextCell, coordena_text_cell, COORDENA, TEXT_CELL, GtkWidget)

/* A cell asking room for nat_chars characters, and at least min_chars; xalign 0 (start) to 1 (end).
 * Text too long for the cell ends in an ellipsis. */
GtkWidget *coordena_text_cell_new (guint min_chars, guint nat_chars, float xalign);

void coordena_text_cell_set_text (CoordenaTextCell *self, const char *text);
const char *coordena_text_cell_get_text (CoordenaTextCell *self);

G_END_DECLS
