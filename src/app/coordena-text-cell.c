/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coordena-text-cell.c — one line of text in a table cell. It measures and draws as GtkInscription
 * does, with one difference: GtkInscription makes a Pango context of its own for every cell and
 * asks it for the font's metrics each time the cell is measured, which was a sixth of building a
 * row when a search widens the Equipes table (a table builds up to 200 rows, visible or not).
 * Here the metrics are measured once for the window's font and shared, and a cell lays its text
 * out only when it is drawn. */
#include "config.h"

#include <pango/pangocairo.h>

#include "coordena-text-cell.h"

struct _CoordenaTextCell {
  GtkWidget parent_instance;
  char *text;
  guint min_chars;
  guint nat_chars;
  float xalign;
  PangoLayout *layout;  /* made when first drawn, dropped when the style changes */
};

G_DEFINE_FINAL_TYPE (CoordenaTextCell, coordena_text_cell, GTK_TYPE_WIDGET)

/* The font's metrics, in Pango units, as GtkInscription reads them: for the window's font, again
 * only when that font changes. */
typedef struct {
  CoordenaFontStamp stamp;
  int char_width;
  int ascent;
  int descent;
} Metrics;

PangoContext *
coordena_shared_pango_context (GtkWidget *widget, CoordenaFontStamp *stamp, gboolean *changed)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  PangoContext *context = gtk_widget_get_pango_context (root != NULL ? root : widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double resolution = pango_cairo_context_get_resolution (context);

  *changed = stamp->font == NULL || resolution != stamp->resolution || !pango_font_description_equal (font, stamp->font);
  if (*changed)
    {
      g_clear_pointer (&stamp->font, pango_font_description_free);
      stamp->font = pango_font_description_copy (font);
      stamp->resolution = resolution;
    }
  return context;
}

static const Metrics *
shared_metrics (GtkWidget *widget)
{
  static Metrics metrics;
  gboolean changed;
  PangoContext *context = coordena_shared_pango_context (widget, &metrics.stamp, &changed);

  if (changed)
    {
      PangoFontMetrics *m = pango_context_get_metrics (context, NULL, NULL);

      metrics.char_width = MAX (pango_font_metrics_get_approximate_char_width (m),
                                pango_font_metrics_get_approximate_digit_width (m));
      metrics.ascent = pango_font_metrics_get_ascent (m);
      metrics.descent = pango_font_metrics_get_descent (m);
      pango_font_metrics_unref (m);
    }
  return &metrics;
}

static void
coordena_text_cell_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum, int *natural,
                            int *minimum_baseline, int *natural_baseline)
{
  CoordenaTextCell *self = COORDENA_TEXT_CELL (widget);
  const Metrics *m = shared_metrics (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PANGO_PIXELS_CEIL ((int) self->min_chars * m->char_width);
      *natural = PANGO_PIXELS_CEIL ((int) MAX (self->min_chars, self->nat_chars) * m->char_width);
    }
  else
    {
      *minimum = *natural = PANGO_PIXELS_CEIL (m->ascent + m->descent);
      *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (m->ascent);
    }
}

static void
update_alignment (CoordenaTextCell *self)
{
  gboolean ltr = gtk_widget_get_direction (GTK_WIDGET (self)) != GTK_TEXT_DIR_RTL;
  PangoAlignment align;

  if (self->layout == NULL)
    return;
  if (self->xalign < 0.33)
    align = ltr ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
  else if (self->xalign < 0.67)
    align = PANGO_ALIGN_CENTER;
  else
    align = ltr ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  pango_layout_set_alignment (self->layout, align);
}

static void
coordena_text_cell_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CoordenaTextCell *self = COORDENA_TEXT_CELL (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  int baseline = gtk_widget_get_allocated_baseline (widget);
  PangoRectangle logical;
  GdkRGBA color;
  float y;

  if (self->text == NULL || *self->text == '\0')
    return;
  if (self->layout == NULL)
    {
      /* With the cell's own style: its font features (tabular digits in .numeric), its language. */
      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      update_alignment (self);
    }
  pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_set_height (self->layout, height * PANGO_SCALE);

  /* Placed as GtkInscription places it: on the row's baseline, or at the top when ellipsized. */
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);
  if (baseline != -1)
    y = (float) (baseline - pango_layout_get_baseline (self->layout) / PANGO_SCALE);
  else if (pango_layout_is_ellipsized (self->layout))
    y = 0.f;
  else
    y = MAX (0.f, floorf ((float) (height - logical.height) * 0.5f));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, (float) width, (float) height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
coordena_text_cell_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  CoordenaTextCell *self = COORDENA_TEXT_CELL (widget);

  GTK_WIDGET_CLASS (coordena_text_cell_parent_class)->css_changed (widget, change);
  /* The layout carries the style's font and its features: made again when next drawn. A change
   * of size is GtkWidget's to handle. */
  g_clear_object (&self->layout);
  gtk_widget_queue_draw (widget);
}

static void
coordena_text_cell_direction_changed (GtkWidget *widget, GtkTextDirection previous)
{
  GTK_WIDGET_CLASS (coordena_text_cell_parent_class)->direction_changed (widget, previous);
  update_alignment (COORDENA_TEXT_CELL (widget));
}

static void
coordena_text_cell_finalize (GObject *object)
{
  CoordenaTextCell *self = COORDENA_TEXT_CELL (object);

  g_free (self->text);
  g_clear_object (&self->layout);
  G_OBJECT_CLASS (coordena_text_cell_parent_class)->finalize (object);
}

static void
coordena_text_cell_class_init (CoordenaTextCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = coordena_text_cell_finalize;
  widget_class->measure = coordena_text_cell_measure;
  widget_class->snapshot = coordena_text_cell_snapshot;
  widget_class->css_changed = coordena_text_cell_css_changed;
  widget_class->direction_changed = coordena_text_cell_direction_changed;
  /* Styled as a label: the theme's colours, .dim-label, .error, .numeric. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
coordena_text_cell_init (CoordenaTextCell *self)
{
}

GtkWidget *
coordena_text_cell_new (guint min_chars, guint nat_chars, float xalign)
{
  CoordenaTextCell *self = g_object_new (COORDENA_TYPE_TEXT_CELL, NULL);

  self->min_chars = min_chars;
  self->nat_chars = nat_chars;
  self->xalign = CLAMP (xalign, 0.f, 1.f);
  return GTK_WIDGET (self);
}

void
coordena_text_cell_set_text (CoordenaTextCell *self, const char *text)
{
  g_return_if_fail (COORDENA_IS_TEXT_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text != NULL ? text : "", -1);
  /* The size does not depend on the text: only a redraw. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

const char *
coordena_text_cell_get_text (CoordenaTextCell *self)
{
  g_return_val_if_fail (COORDENA_IS_TEXT_CELL (self), NULL);
  return self->text;
}
