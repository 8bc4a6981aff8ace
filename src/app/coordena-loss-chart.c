/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coordena-loss-chart.c — bars of the monthly loss, past and forecast, drawn with cairo. */
#include "config.h"

#include <glib/gi18n.h>

#include <coordena/coordena.h>

#include "coordena-loss-chart.h"

struct _CoordenaLossChart
{
  GtkWidget parent_instance;

  CoordenaCompetencia first;
  CoordenaCompetencia current;
  GArray *values; /* gint64 centavos, −1 = unknown */
};

G_DEFINE_FINAL_TYPE (CoordenaLossChart, coordena_loss_chart, GTK_TYPE_WIDGET)

#define PAD_TOP 30.0
#define PAD_RIGHT 12.0
#define PAD_BOTTOM 40.0
#define PAD_LEFT_MIN 64.0

GtkWidget *
coordena_loss_chart_new (void)
{
  return g_object_new (COORDENA_TYPE_LOSS_CHART, NULL);
}

/* A round step for about four grid lines: 1, 2 or 5 × 10^k centavos. */
static gint64
nice_step (gint64 max)
{
  gint64 step = 100; /* R$ 1 */

  while (step * 4 < max)
    {
      if (step * 2 * 4 >= max)
        return step * 2;
      if (step * 5 * 4 >= max)
        return step * 5;
      step *= 10;
    }
  return step;
}

/* "R$ 12 mil", "R$ 1,5 mi": axis labels short enough for the margin, pt-BR in any locale. */
static char *
axis_label (gint64 centavos)
{
  return coordena_format_money_compact (centavos);
}

static void
fg_color (GtkWidget *widget, GdkRGBA *rgba)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
draw_text (cairo_t *cr, PangoLayout *layout, const char *text, double x, double y, double xalign)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * xalign, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
coordena_loss_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CoordenaLossChart *self = COORDENA_LOSS_CHART (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  PangoAttrList *attrs = pango_attr_list_new ();
  GdkRGBA fg;
  gint64 max = 0, step;
  double left = PAD_LEFT_MIN, plot_w, plot_h, slot;
  guint n = self->values->len;
  int label_every;
  cairo_t *cr;

  if (n == 0 || width < 80 || height < 80)
    return;

  fg_color (widget, &fg);
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  for (guint i = 0; i < n; i++)
    max = MAX (max, g_array_index (self->values, gint64, i));
  step = nice_step (MAX (max, 100));
  max = step * ((max + step - 1) / step);
  if (max == 0)
    max = step * 4;

  /* The left margin fits the widest axis label. */
  for (gint64 v = 0; v <= max; v += step)
    {
      g_autofree char *label = axis_label (v);
      int w;
      pango_layout_set_text (layout, label, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      left = MAX (left, w + 12.0);
    }

  plot_w = width - left - PAD_RIGHT;
  plot_h = height - PAD_TOP - PAD_BOTTOM;
  slot = plot_w / n;
  label_every = MAX (1, (int) ceil (64.0 / slot));

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Grid and axis labels. */
  cairo_set_line_width (cr, 1.0);
  for (gint64 v = 0; v <= max; v += step)
    {
      double y = PAD_TOP + plot_h - plot_h * (double) v / (double) max;
      g_autofree char *label = axis_label (v);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, v == 0 ? 0.45 : 0.12);
      cairo_move_to (cr, left, floor (y) + 0.5);
      cairo_line_to (cr, left + plot_w, floor (y) + 0.5);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      draw_text (cr, layout, label, left - 6, y, 1.0);
    }

  /* The legend, top right: the same two styles as the bars. */
  {
    const char *recorded = _("recorded"), *forecast = _("forecast");
    int w1, w2;
    double x, y = 12;

    pango_layout_set_text (layout, recorded, -1);
    pango_layout_get_pixel_size (layout, &w1, NULL);
    pango_layout_set_text (layout, forecast, -1);
    pango_layout_get_pixel_size (layout, &w2, NULL);
    x = width - PAD_RIGHT - (12 + 4 + w1 + 16 + 12 + 4 + w2);
    cairo_rectangle (cr, x, y - 5, 12, 10);
    cairo_set_source_rgba (cr, 0.878, 0.106, 0.141, 0.9);
    cairo_fill (cr);
    cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.8);
    draw_text (cr, layout, recorded, x + 16, y, 0.0);
    x += 16 + w1 + 16;
    cairo_rectangle (cr, x + 0.5, y - 4.5, 11, 9);
    cairo_set_source_rgba (cr, 0.878, 0.106, 0.141, 0.30);
    cairo_fill_preserve (cr);
    cairo_set_source_rgba (cr, 0.878, 0.106, 0.141, 0.9);
    cairo_stroke (cr);
    cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.8);
    draw_text (cr, layout, forecast, x + 16, y, 0.0);
  }

  /* Bars: past in solid red, forecast in a lighter tone with an outline. */
  for (guint i = 0; i < n; i++)
    {
      gint64 v = g_array_index (self->values, gint64, i);
      CoordenaCompetencia c = coordena_competencia_add (self->first, (int) i);
      gboolean future = self->current != 0 && c > self->current;
      double bar_w = MAX (2.0, slot * 0.62);
      double x = left + slot * i + (slot - bar_w) / 2;
      double h = v > 0 ? plot_h * (double) v / (double) max : 0;
      double y = PAD_TOP + plot_h - h;

      if (v > 0)
        {
          cairo_rectangle (cr, x, y, bar_w, h);
          if (future)
            {
              cairo_set_source_rgba (cr, 0.878, 0.106, 0.141, 0.30);
              cairo_fill_preserve (cr);
              cairo_set_source_rgba (cr, 0.878, 0.106, 0.141, 0.9);
              cairo_stroke (cr);
            }
          else
            {
              cairo_set_source_rgba (cr, 0.878, 0.106, 0.141, 0.9);
              cairo_fill (cr);
            }
        }

      /* A label every few months, in step with the current competência so none overlap. */
      if ((coordena_competencia_diff (c, self->current) % label_every + label_every) % label_every == 0)
        {
          g_autofree char *label = coordena_competencia_format (c);
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, c == self->current ? 1.0 : 0.7);
          draw_text (cr, layout, label, left + slot * i + slot / 2, PAD_TOP + plot_h + 14, 0.5);
        }

      if (c == self->current)
        {
          double cx = floor (left + slot * (i + 1)) + 0.5;
          static const double dash[] = { 4.0, 3.0 };

          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, cx, PAD_TOP);
          cairo_line_to (cr, cx, PAD_TOP + plot_h);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          draw_text (cr, layout, _("forecast →"), cx + 6, PAD_TOP + 6, 0.0);
        }
    }

  cairo_destroy (cr);
}

static void
coordena_loss_chart_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                             int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = 240, *natural = 640;
  else
    *minimum = 160, *natural = 240;
}

static void
update_accessible (CoordenaLossChart *self)
{
  gint64 past = 0, future = 0;

  for (guint i = 0; i < self->values->len; i++)
    {
      gint64 v = g_array_index (self->values, gint64, i);
      CoordenaCompetencia c = coordena_competencia_add (self->first, (int) i);
      if (v > 0)
        *(c > self->current ? &future : &past) += v;
    }

  g_autofree char *p = coordena_format_money (past);
  g_autofree char *f = coordena_format_money (future);
  g_autofree char *text = g_strdup_printf (_("Monthly loss: %s up to the current competência, %s forecast"), p, f);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

void
coordena_loss_chart_set_series (CoordenaLossChart   *self,
                                CoordenaCompetencia  first,
                                const gint64        *centavos,
                                guint                n,
                                CoordenaCompetencia  current)
{
  g_return_if_fail (COORDENA_IS_LOSS_CHART (self));

  self->first = first;
  self->current = current;
  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, centavos, n);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
coordena_loss_chart_finalize (GObject *object)
{
  CoordenaLossChart *self = COORDENA_LOSS_CHART (object);

  g_array_unref (self->values);
  G_OBJECT_CLASS (coordena_loss_chart_parent_class)->finalize (object);
}

static void
coordena_loss_chart_class_init (CoordenaLossChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = coordena_loss_chart_finalize;
  widget_class->snapshot = coordena_loss_chart_snapshot;
  widget_class->measure = coordena_loss_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "losschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
coordena_loss_chart_init (CoordenaLossChart *self)
{
  self->values = g_array_new (FALSE, FALSE, sizeof (gint64));
}
