/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui-helpers.h — driving the real GTK window under Xvfb and looking at it. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop until the widget is mapped and has drawn at least n more frames. */
void ui_wait_for_frames (GtkWidget *widget, guint n);

/* Runs pending main-loop work without blocking. */
void ui_flush (void);

/* What the widget shows, rendered now. */
GdkTexture *ui_render (GtkWidget *widget);

/* The pixels of a rendered texture, downloaded once for reading. */
typedef struct {
  int width, height;
  guint32 *argb;
} UiPixels;

UiPixels *ui_pixels_new (GdkTexture *texture);
void ui_pixels_free (UiPixels *pixels);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UiPixels, ui_pixels_free)

/* The pixel at (x, y) as R, G, B, A (premultiplied); FALSE outside the texture. */
gboolean ui_pixels_get (const UiPixels *pixels, int x, int y, guint8 rgba[4]);

/* Saves what the widget shows as NAME.png in the screenshot directory; returns the path. */
char *ui_save_png (GtkWidget *widget, const char *name);

/* The first toplevel of the given type, or NULL. */
GtkWindow *ui_find_toplevel (GType type);

/* Closes window as the user does (Escape, the close button), lets the main loop finish what
 * the closing started, and asserts that object (the window itself, or something it showed) was
 * finalized: nothing kept a reference to it. */
void ui_close_and_assert_finalized (GtkWindow *window, gpointer object);

/* Drops the caller's reference to object after the main loop finished what was going on, and
 * asserts that this was the last one. */
void ui_assert_finalized (gpointer object);

/* The first widget named name (gtk_widget_set_name, or the .ui's name) in root or below it. */
GtkWidget *ui_find_named (GtkWidget *root, const char *name);

G_END_DECLS
