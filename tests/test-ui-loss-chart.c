/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The loss chart as a user sees it: bars where there is loss, none where there is not, the
 * current competência marked, and a description for screen readers. */
#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include <coordena/coordena.h>

#include "coordena-loss-chart.h"
#include "ui-helpers.h"

static GtkWidget *
show_chart (CoordenaLossChart **out)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = coordena_loss_chart_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 720, 300);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_present (GTK_WINDOW (window));
  *out = COORDENA_LOSS_CHART (chart);
  return window;
}

static gboolean
is_red (const guint8 p[4])
{
  return p[0] > 150 && p[1] < 120 && p[2] < 120;
}

/* Scans one column of the plot for a red pixel. */
static gboolean
column_has_red (const UiPixels *pixels, int x)
{
  guint8 p[4];

  for (int y = 0; y < pixels->height; y++)
    if (ui_pixels_get (pixels, x, y, p) && is_red (p))
      return TRUE;
  return FALSE;
}

static void
test_bars_where_loss (void)
{
  CoordenaLossChart *chart;
  GtkWidget *window = show_chart (&chart);
  gint64 values[24] = { 0 };
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(UiPixels) pixels = NULL;
  g_autofree char *png = NULL;
  int width, reds_first_half = 0, reds_second_half = 0;

  /* No loss for the first year, then R$ 16.833,33 a month from 01/2026. */
  for (int i = 12; i < 24; i++)
    values[i] = 1683333;
  coordena_loss_chart_set_series (chart, 202501, values, 24, 202512);
  ui_wait_for_frames (window, 2);

  texture = ui_render (GTK_WIDGET (chart));
  pixels = ui_pixels_new (texture);
  width = pixels->width;
  for (int x = 0; x < width; x += 4)
    {
      if (!column_has_red (pixels, x))
        continue;
      if (x < width / 2)
        reds_first_half++;
      else
        reds_second_half++;
    }
  g_assert_cmpint (reds_first_half, ==, 0);
  g_assert_cmpint (reds_second_half, >, 20);

  png = ui_save_png (window, "grafico-perda");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_accessible_summary (void)
{
  CoordenaLossChart *chart;
  GtkWidget *window = show_chart (&chart);
  gint64 values[4] = { 100000, 200000, 300000, 400000 };

  coordena_loss_chart_set_series (chart, 202511, values, 4, 202512);
  /* The description sums the past (11–12/2025) and the forecast (01–02/2026) in reais. */
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_autofree char *text = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                              "Perda mensal: R$ 3.000,00 até a competência atual, R$ 7.000,00 previstos");
  g_assert_null (text);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  /* The test AT context records accessible properties, as a screen reader would read them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  setlocale (LC_ALL, "");
  coordena_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/loss-chart/bars-where-loss", test_bars_where_loss);
  g_test_add_func ("/loss-chart/accessible-summary", test_accessible_summary);

  return g_test_run ();
}
