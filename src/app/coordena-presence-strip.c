/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coordena-presence-strip.c — one widget draws a row's four presence icons: a row of the teams
 * table is built when a search widens the list, and four image widgets per row, each restyled
 * by a CSS class, made up a third of what building a row cost. */
#include "config.h"

#include <string.h>

#include "coordena-display.h"
#include "coordena-presence-strip.h"
#include "coordena-text-cell.h"

#define ICON_SIZE 16

struct _CoordenaPresenceStrip {
  GtkWidget parent_instance;
  guint8 presence[COORDENA_N_CATEGORIES]; /* CoordenaPresence */
};

G_DEFINE_FINAL_TYPE (CoordenaPresenceStrip, coordena_presence_strip, GTK_TYPE_WIDGET)

const char *
coordena_presence_strip_title (void)
{
  static char *title;

  if (g_once_init_enter (&title))
    {
      GString *text = g_string_new (NULL);

      for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
        g_string_append_printf (text, "%s%s", c > 0 ? "   " : "", coordena_display_category_short (c));
      g_once_init_leave (&title, g_string_free (text, FALSE));
    }
  return title;
}

/* The title as the header shows it: its width, and the middle of each abbreviation, which every
 * strip shares. It is measured once for the window's font (each strip measuring it on a context of
 * its own was a tenth of building a row), and again when that font changes. */
typedef struct {
  CoordenaFontStamp stamp;
  int width;
  double middle[COORDENA_N_CATEGORIES];
} TitleGeometry;

static const TitleGeometry *
title_geometry (CoordenaPresenceStrip *self)
{
  static TitleGeometry geometry;
  gboolean changed;
  PangoContext *context = coordena_shared_pango_context (GTK_WIDGET (self), &geometry.stamp, &changed);

  if (changed)
    {
      const char *title = coordena_presence_strip_title ();
      const char *word = title;
      PangoLayout *layout = pango_layout_new (context);
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_layout_set_text (layout, title, -1);
      /* libadwaita's column headers: 9 pt, bold. */
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_size_new (9 * PANGO_SCALE));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      pango_layout_get_pixel_size (layout, &geometry.width, NULL);
      for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
        {
          PangoRectangle first, last;
          gsize len = strcspn (word, " ");

          pango_layout_index_to_pos (layout, (int) (word - title), &first);
          pango_layout_index_to_pos (layout, (int) (word - title + len - 1), &last);
          geometry.middle[c] = (first.x + last.x + last.width) / 2.0 / PANGO_SCALE;
          if (c + 1 < COORDENA_N_CATEGORIES)
            word = strchr (word, ' ') + 3;
        }
      g_object_unref (layout);
    }
  return &geometry;
}

static void
coordena_presence_strip_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum, int *natural,
                                 int *minimum_baseline, int *natural_baseline)
{
  CoordenaPresenceStrip *self = COORDENA_PRESENCE_STRIP (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = title_geometry (self)->width;
  else
    *minimum = *natural = ICON_SIZE;
}

static gboolean
lookup_color (GtkWidget *widget, const char *name, GdkRGBA *color)
{
  return name != NULL && gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color);
}

static void
coordena_presence_strip_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CoordenaPresenceStrip *self = COORDENA_PRESENCE_STRIP (widget);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
    {
      static const char *const colors[] = { NULL, "success_color", "error_color", "warning_color" };
      const char *icon = coordena_display_presence_icon (self->presence[c]);
      g_autoptr(GtkIconPaintable) paintable = NULL;
      GdkRGBA color = fg, palette[4];

      if (icon == NULL)
        continue;
      paintable = gtk_icon_theme_lookup_icon (theme, icon, NULL, ICON_SIZE, gtk_widget_get_scale_factor (widget),
                                              gtk_widget_get_direction (widget), 0);
      if (self->presence[c] < G_N_ELEMENTS (colors) && !lookup_color (widget, colors[self->presence[c]], &color))
        color = fg;
      for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
        palette[i] = color;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) (title_geometry (self)->middle[c] - ICON_SIZE / 2.0),
                                                              (float) ((height - ICON_SIZE) / 2)));
      gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (paintable), snapshot, ICON_SIZE, ICON_SIZE,
                                                palette, G_N_ELEMENTS (palette));
      gtk_snapshot_restore (snapshot);
    }
}

CoordenaCategory
coordena_presence_strip_category_at (CoordenaPresenceStrip *self, double x)
{
  CoordenaCategory best = 0;
  double best_distance = G_MAXDOUBLE;

  for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
    {
      double d = ABS (x - title_geometry (self)->middle[c]);

      if (d < best_distance)
        {
          best = c;
          best_distance = d;
        }
    }
  return best;
}

/* The tip names the category under the pointer and how it stands; it is written only when asked. */
static gboolean
coordena_presence_strip_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  CoordenaPresenceStrip *self = COORDENA_PRESENCE_STRIP (widget);
  CoordenaCategory c = coordena_presence_strip_category_at (self, x);
  g_autofree char *text = NULL;

  if (self->presence[c] == COORDENA_PRESENCE_NOT_REQUIRED)
    return FALSE;
  text = g_strdup_printf ("%s: %s", coordena_display_category (c), coordena_display_presence (self->presence[c]));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
coordena_presence_strip_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (coordena_presence_strip_parent_class)->css_changed (widget, change);
  /* A new font moves the abbreviations (title_geometry notices). */
  gtk_widget_queue_resize (widget);
}

static void
coordena_presence_strip_class_init (CoordenaPresenceStripClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = coordena_presence_strip_measure;
  widget_class->snapshot = coordena_presence_strip_snapshot;
  widget_class->query_tooltip = coordena_presence_strip_query_tooltip;
  widget_class->css_changed = coordena_presence_strip_css_changed;
  gtk_widget_class_set_css_name (widget_class, "presence-strip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
coordena_presence_strip_init (CoordenaPresenceStrip *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
coordena_presence_strip_new (void)
{
  return g_object_new (COORDENA_TYPE_PRESENCE_STRIP, NULL);
}

void
coordena_presence_strip_set (CoordenaPresenceStrip *self, const guint8 *presence)
{
  g_autoptr(GString) label = NULL;

  g_return_if_fail (COORDENA_IS_PRESENCE_STRIP (self));

  if (memcmp (self->presence, presence, sizeof self->presence) == 0)
    return;
  memcpy (self->presence, presence, sizeof self->presence);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  /* A screen reader hears the four at once. */
  label = g_string_new (NULL);
  for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
    if (presence[c] != COORDENA_PRESENCE_NOT_REQUIRED)
      g_string_append_printf (label, "%s%s: %s", label->len > 0 ? "; " : "", coordena_display_category (c),
                              coordena_display_presence (presence[c]));
  if (label->len > 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

CoordenaPresence
coordena_presence_strip_get (CoordenaPresenceStrip *self, CoordenaCategory category)
{
  g_return_val_if_fail (COORDENA_IS_PRESENCE_STRIP (self), COORDENA_PRESENCE_NOT_REQUIRED);
  g_return_val_if_fail ((int) category < COORDENA_N_CATEGORIES, COORDENA_PRESENCE_NOT_REQUIRED);
  return self->presence[category];
}
