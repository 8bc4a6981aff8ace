/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ui-helpers.h"

void
ui_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
ui_wait_for_frames (GtkWidget *widget, guint n)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (10, on_timeout, &timed_out);
  GdkFrameClock *clock;
  gint64 start = -1;

  while (!timed_out && !gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  start = gdk_frame_clock_get_frame_counter (clock);
  while (!timed_out && gdk_frame_clock_get_frame_counter (clock) < start + n)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  if (timed_out)
    g_error ("the window did not draw within 10 s");
  g_source_remove (timeout);
  ui_flush ();
}

GdkTexture *
ui_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

char *
ui_save_png (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("COORDENA_SCREENSHOT_DIR");
  g_autoptr(GdkTexture) texture = ui_render (widget);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  char *path;

  if (dir == NULL || *dir == '\0')
    dir = "screenshots";
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}

UiPixels *
ui_pixels_new (GdkTexture *texture)
{
  UiPixels *pixels = g_new0 (UiPixels, 1);

  pixels->width = gdk_texture_get_width (texture);
  pixels->height = gdk_texture_get_height (texture);
  pixels->argb = g_new (guint32, (gsize) pixels->width * pixels->height);
  /* CAIRO_FORMAT_ARGB32: one native-endian 32-bit word per pixel. */
  gdk_texture_download (texture, (guchar *) pixels->argb, (gsize) pixels->width * 4);
  return pixels;
}

gboolean
ui_pixels_get (const UiPixels *pixels, int x, int y, guint8 rgba[4])
{
  guint32 px;

  if (x < 0 || y < 0 || x >= pixels->width || y >= pixels->height)
    return FALSE;
  px = pixels->argb[(gsize) y * pixels->width + x];
  rgba[0] = (px >> 16) & 0xff;
  rgba[1] = (px >> 8) & 0xff;
  rgba[2] = px & 0xff;
  rgba[3] = px >> 24;
  return TRUE;
}

void
ui_pixels_free (UiPixels *pixels)
{
  g_free (pixels->argb);
  g_free (pixels);
}

GtkWindow *
ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; found == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
      g_object_unref (window); /* the toplevel list keeps its own reference */
    }
  return found;
}

void
ui_close_and_assert_finalized (GtkWindow *window, gpointer object)
{
  g_assert_true (G_IS_OBJECT (object));
  g_object_ref (object);
  gtk_window_close (window);
  ui_assert_finalized (object);
}

void
ui_assert_finalized (gpointer object)
{
  gint64 until;

  g_assert_true (G_IS_OBJECT (object));
  /* A worker or an idle may still hold it for a moment; a leak holds it for good. */
  until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (G_OBJECT (object)->ref_count > 1 && g_get_monotonic_time () < until)
    {
      ui_flush ();
      if (G_OBJECT (object)->ref_count > 1)
        g_usleep (10000);
    }
  if (G_OBJECT (object)->ref_count > 1)
    g_test_message ("%s %p still has %u references", G_OBJECT_TYPE_NAME (object), object, G_OBJECT (object)->ref_count);
  g_assert_finalize_object (object);
}

GtkWidget *
ui_find_named (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}
