/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <coordena/coordena.h>

#include "coordena-display.h"
#include "coordena-forecast-columns.h"
#include "coordena-text-cell.h"

typedef struct _Column Column;
typedef char *(*RowText) (const Column *column, CoordenaTeamItem *item);

/* What a column shows and how wide: every cell of the column reads it. */
struct _Column
{
  RowText text;
  guint chars;
  gboolean numeric;
  CoordenaForecastCompared compared;
  gpointer user_data;
};

static void
free_column (gpointer data, GClosure *closure)
{
  g_free (data);
}

static const CoordenaComparisonTeam *
compared_team (const Column *column, CoordenaTeamItem *item)
{
  return column->compared (item, column->user_data);
}

static char *
t_name (const Column *column, CoordenaTeamItem *item)
{
  return g_strdup (coordena_team_item_get_name (item));
}

/* Who is missing: the categories absent or short of hours, by their codes as in Equipes. */
static char *
t_missing (const Column *column, CoordenaTeamItem *item)
{
  const CoordenaTeamSummary *ts = coordena_team_item_get_team_summary (item);
  g_autoptr(GString) text = g_string_new (NULL);

  for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
    if (ts->presence[c] == COORDENA_PRESENCE_ABSENT || ts->presence[c] == COORDENA_PRESENCE_HOURS_SHORT)
      {
        g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", coordena_display_category_short (c));
        if (ts->presence[c] == COORDENA_PRESENCE_HOURS_SHORT)
          /* TRANSLATORS: after a category code in the Missing column: present, but short of weekly hours */
          g_string_append (text, _(" (hours)"));
      }
  return g_strdup (text->len > 0 ? text->str : "—");
}

/* The same in words, for the tooltip and a screen reader. */
static char *
missing_words (const CoordenaTeamSummary *ts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
    if (ts->presence[c] == COORDENA_PRESENCE_ABSENT || ts->presence[c] == COORDENA_PRESENCE_HOURS_SHORT)
      g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "; " : "", coordena_display_category (c),
                              coordena_display_presence (ts->presence[c]));
  return text->len > 0 ? g_strdup (text->str) : NULL;
}

static char *
t_state (const Column *column, CoordenaTeamItem *item)
{
  return coordena_display_team_state (coordena_team_item_get_team_summary (item));
}

static char *
t_next (const Column *column, CoordenaTeamItem *item)
{
  return coordena_display_next_step (coordena_team_item_get_team_summary (item));
}

static char *
t_loss (const Column *column, CoordenaTeamItem *item)
{
  const CoordenaTeamSummary *ts = coordena_team_item_get_team_summary (item);

  return coordena_display_money_marked (ts->loss_horizon, ts->confidence);
}

static char *
t_revocation (const Column *column, CoordenaTeamItem *item)
{
  CoordenaCompetencia c = coordena_team_item_get_team_summary (item)->revocation;

  return c != 0 ? coordena_competencia_format (c) : g_strdup ("—");
}

static char *
t_percent_a (const Column *column, CoordenaTeamItem *item)
{
  const CoordenaComparisonTeam *c = compared_team (column, item);

  return c != NULL ? coordena_display_percent ((int) c->percent_a) : g_strdup ("");
}

static char *
t_percent_b (const Column *column, CoordenaTeamItem *item)
{
  const CoordenaComparisonTeam *c = compared_team (column, item);

  return c != NULL ? coordena_display_percent ((int) c->percent_b) : g_strdup ("");
}

static char *
t_loss_a (const Column *column, CoordenaTeamItem *item)
{
  const CoordenaComparisonTeam *c = compared_team (column, item);

  return c != NULL ? coordena_display_money (c->loss_a) : g_strdup ("");
}

static char *
t_loss_b (const Column *column, CoordenaTeamItem *item)
{
  const CoordenaComparisonTeam *c = compared_team (column, item);

  return c != NULL ? coordena_display_money (c->loss_b) : g_strdup ("");
}

static char *
t_difference (const Column *column, CoordenaTeamItem *item)
{
  const CoordenaComparisonTeam *c = compared_team (column, item);

  if (c == NULL)
    return g_strdup ("");
  if (c->loss_b == c->loss_a)
    return g_strdup ("—");
  if (c->loss_b > c->loss_a)
    {
      g_autofree char *money = coordena_format_money (c->loss_b - c->loss_a);

      return g_strdup_printf ("+%s", money);
    }
  return coordena_format_money (c->loss_b - c->loss_a);
}

/* Text that may run long wraps inside its column rather than be cut or push the others away. */
static void
setup_wrapped (GtkSignalListItemFactory *factory, GtkListItem *list_item, const Column *column)
{
  GtkWidget *label = gtk_label_new (NULL);
  guint chars = column->chars;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_max_width_chars (GTK_LABEL (label), (int) chars);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  gtk_list_item_set_child (list_item, label);
}

/* The team in two lines: its name, then where it is and its INE. */
static void
setup_team (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *where = gtk_label_new (NULL);

  for (GtkWidget *l = name; l != NULL; l = l == name ? where : NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (l), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (l), PANGO_WRAP_WORD);
      gtk_label_set_width_chars (GTK_LABEL (l), 16);
      gtk_label_set_max_width_chars (GTK_LABEL (l), 34);
      gtk_label_set_xalign (GTK_LABEL (l), 0);
      gtk_box_append (GTK_BOX (box), l);
    }
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_team (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  CoordenaTeamItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  g_autofree char *where = g_strdup_printf ("%s · INE %s", coordena_team_item_get_municipio (item), coordena_team_item_get_ine (item));

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), coordena_team_item_get_name (item));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), where);
}

/* The next step, and under it the last competência to avoid it. */
static void
bind_next (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  CoordenaTeamItem *item = gtk_list_item_get_item (list_item);
  const CoordenaTeamSummary *ts = coordena_team_item_get_team_summary (item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  g_autofree char *next = coordena_display_next_step (ts);
  g_autofree char *when = ts->fix_by != 0 ? coordena_competencia_format (ts->fix_by) : NULL;
  /* TRANSLATORS: under the next step: the last competência to complete the team and avoid it */
  g_autofree char *fix = when != NULL ? g_strdup_printf (_("fix by %s"), when) : NULL;
  GtkWidget *second = gtk_widget_get_last_child (box);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), next);
  gtk_label_set_text (GTK_LABEL (second), fix != NULL ? fix : "");
  gtk_widget_set_visible (second, fix != NULL);
}

/* What is missing, and beside it the button that plans the hire: the page's "previsao.plan"
 * with the row's INE, set when the row is bound. */
static void
setup_plan (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Plan a Change for This Team"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "previsao.plan");
  gtk_list_item_set_child (list_item, box);
}

static void
bind_plan (GtkSignalListItemFactory *factory, GtkListItem *list_item, const Column *column)
{
  CoordenaTeamItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  g_autofree char *missing = t_missing (column, item);
  g_autofree char *words = missing_words (coordena_team_item_get_team_summary (item));
  /* TRANSLATORS: the accessible name of a row's button: the team's name and INE */
  g_autofree char *name = g_strdup_printf (_("Plan a change for %s (INE %s)"), coordena_team_item_get_name (item),
                                           coordena_team_item_get_ine (item));

  gtk_label_set_text (GTK_LABEL (label), missing);
  gtk_widget_set_tooltip_text (label, words);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (gtk_widget_get_last_child (box)), "s", coordena_team_item_get_ine (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_last_child (box)), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, const Column *column)
{
  guint chars = column->chars;
  gboolean numeric = column->numeric;
  GtkWidget *label = coordena_text_cell_new (numeric || chars <= 15 ? chars : chars * 2 / 3, chars, numeric ? 1.f : 0.f);

  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, const Column *column)
{
  RowText text_func = column->text;
  g_autofree char *text = text_func (column, gtk_list_item_get_item (list_item));
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (GTK_IS_LABEL (child))
    gtk_label_set_text (GTK_LABEL (child), text);
  else
    coordena_text_cell_set_text (COORDENA_TEXT_CELL (child), text);
  if (text_func == t_missing)
    {
      g_autofree char *words = missing_words (coordena_team_item_get_team_summary (gtk_list_item_get_item (list_item)));

      gtk_widget_set_tooltip_text (child, words);
    }
}

typedef int (*RowCompare) (const CoordenaTeamSummary *a, const CoordenaTeamSummary *b);

static int
sort_rows (gconstpointer a, gconstpointer b, gpointer user_data)
{
  RowCompare compare = (RowCompare) user_data;
  CoordenaTeamItem *x = (CoordenaTeamItem *) a, *y = (CoordenaTeamItem *) b;
  int r = compare != NULL ? compare (coordena_team_item_get_team_summary (x), coordena_team_item_get_team_summary (y)) : 0;

  if (r == 0)
    r = strcmp (coordena_team_item_get_ine (x), coordena_team_item_get_ine (y));
  return r < 0 ? GTK_ORDERING_SMALLER : r > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
by_loss (const CoordenaTeamSummary *a, const CoordenaTeamSummary *b)
{
  return a->loss_horizon < b->loss_horizon ? -1 : a->loss_horizon > b->loss_horizon;
}

static int
by_next (const CoordenaTeamSummary *a, const CoordenaTeamSummary *b)
{
  guint x = a->next_step ? a->next_step : G_MAXUINT, y = b->next_step ? b->next_step : G_MAXUINT;

  return x < y ? -1 : x > y;
}

static int
by_state (const CoordenaTeamSummary *a, const CoordenaTeamSummary *b)
{
  return a->percent != b->percent ? a->percent - b->percent : (int) a->status - (int) b->status;
}

static int
by_revocation (const CoordenaTeamSummary *a, const CoordenaTeamSummary *b)
{
  guint x = a->revocation ? a->revocation : G_MAXUINT, y = b->revocation ? b->revocation : G_MAXUINT;

  return x < y ? -1 : x > y;
}

/* Municipality, then the team's name: ranks from the summary, as in Equipes. */
static int
sort_by_place (gconstpointer a, gconstpointer b, gpointer user_data)
{
  CoordenaTeamItem *x = (CoordenaTeamItem *) a, *y = (CoordenaTeamItem *) b;
  const guint32 *places = coordena_summary_get_municipio_ranks (coordena_team_item_get_summary (x));
  const guint32 *names = coordena_summary_get_name_ranks (coordena_team_item_get_summary (x));
  guint rx = coordena_team_item_get_row (x), ry = coordena_team_item_get_row (y);
  int r = places[rx] != places[ry] ? (places[rx] < places[ry] ? -1 : 1) : names[rx] != names[ry] ? (names[rx] < names[ry] ? -1 : 1) : 0;

  if (r == 0)
    r = strcmp (coordena_team_item_get_ine (x), coordena_team_item_get_ine (y));
  return r < 0 ? GTK_ORDERING_SMALLER : r > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkColumnViewColumn *
add_column (GtkColumnView *view, const Column *spec, const char *title, RowText text, RowCompare compare, guint chars,
            gboolean numeric, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  /* Words, not codes or amounts, wrap. */
  gboolean wrapped = text == t_state || text == t_next || text == t_missing;
  Column *cells = g_memdup2 (spec, sizeof *spec);
  GCallback setup, bind;

  cells->text = text;
  cells->chars = chars;
  cells->numeric = numeric;
  if (text == t_name || text == t_next)
    {
      setup = G_CALLBACK (setup_team);
      bind = G_CALLBACK (text == t_name ? bind_team : bind_next);
    }
  else if (text == t_missing)
    {
      setup = G_CALLBACK (setup_plan);
      bind = G_CALLBACK (bind_plan);
    }
  else
    {
      setup = G_CALLBACK (wrapped ? setup_wrapped : setup_cell);
      bind = G_CALLBACK (bind_cell);
    }
  /* The factory holds its column's description for as long as it lives. */
  g_signal_connect_data (factory, "setup", setup, cells, free_column, 0);
  g_signal_connect (factory, "bind", bind, cells);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (text == t_name)
    {
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (sort_by_place, NULL, NULL));

      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
    }
  else if (compare != NULL)
    {
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (sort_rows, (gpointer) compare, NULL));

      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  return column;
}

void
coordena_forecast_columns_build (GtkColumnView           *view,
                                 CoordenaForecastCompared compared,
                                 gpointer                 user_data,
                                 GPtrArray               *forecast_columns,
                                 GPtrArray               *compare_columns)
{
  const Column spec = { .compared = compared, .user_data = user_data };
  GtkColumnViewColumn *loss;

  /* At the default window size every column fits: the team's three fields share one column in
   * two lines, and the words wrap. */
  add_column (view, &spec, _("Team"), t_name, NULL, 30, FALSE, TRUE);
  add_column (view, &spec, _("Today"), t_state, by_state, 15, FALSE, FALSE);
  add_column (view, &spec, _("Missing"), t_missing, NULL, 10, FALSE, FALSE);
  g_ptr_array_add (forecast_columns, add_column (view, &spec, _("Next Step"), t_next, by_next, 12, FALSE, FALSE));
  loss = add_column (view, &spec, _("Forecast Loss"), t_loss, by_loss, 13, TRUE, FALSE);
  g_ptr_array_add (forecast_columns, add_column (view, &spec, _("INE Revoked"), t_revocation, by_revocation, 11, FALSE, FALSE));
  g_ptr_array_add (compare_columns, add_column (view, &spec, "% A", t_percent_a, NULL, 6, TRUE, FALSE));
  g_ptr_array_add (compare_columns, add_column (view, &spec, "% B", t_percent_b, NULL, 6, TRUE, FALSE));
  g_ptr_array_add (compare_columns, add_column (view, &spec, _("Loss A"), t_loss_a, NULL, 13, TRUE, FALSE));
  g_ptr_array_add (compare_columns, add_column (view, &spec, _("Loss B"), t_loss_b, NULL, 13, TRUE, FALSE));
  g_ptr_array_add (compare_columns, add_column (view, &spec, _("Difference"), t_difference, NULL, 13, TRUE, FALSE));
  for (guint i = 0; i < compare_columns->len; i++)
    gtk_column_view_column_set_visible (g_ptr_array_index (compare_columns, i), FALSE);
  gtk_column_view_sort_by_column (view, loss, GTK_SORT_DESCENDING);
}
