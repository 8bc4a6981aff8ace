/* ui-helpers.h — driving the real GTK window under Xvfb and looking at it. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop until the widget is mapped and has drawn at least n more frames. */
void ui_wait_for_frames (GtkWidget *widget, guint n);

/* Runs pending main-loop work without blocking. */
void ui_flush (void);

/* Saves what the widget shows as NAME.png in the screenshot directory; returns the path. */
char *ui_save_png (GtkWidget *widget, const char *name);

/* The first toplevel of the given type, or NULL. */
GtkWindow *ui_find_toplevel (GType type);

G_END_DECLS
