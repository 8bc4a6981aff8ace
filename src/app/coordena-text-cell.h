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

/* The font a measurement shared by many widgets was made for. */
typedef struct {
  PangoFontDescription *font;
  double resolution;
} CoordenaFontStamp;

/* The window's Pango context (the widget's own while it has no window), for measurements that
 * every cell of a table shares; *changed tells that its font is not the one stamped, and stamps it. */
PangoContext *coordena_shared_pango_context (GtkWidget *widget, CoordenaFontStamp *stamp, gboolean *changed);

G_END_DECLS
