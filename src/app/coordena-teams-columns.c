/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <coordena/coordena.h>

#include "coordena-display.h"
#include "coordena-presence-strip.h"
#include "coordena-text-cell.h"
#include "coordena-team-item.h"
#include "coordena-teams-columns.h"

/* ---- Sorting ----------------------------------------------------------------------------- */

typedef int (*TeamCompare) (CoordenaTeamItem *a, CoordenaTeamItem *b);

static int
compare_items (gconstpointer a, gconstpointer b, gpointer user_data)
{
  TeamCompare compare = (TeamCompare) user_data;
  int r = compare ((CoordenaTeamItem *) a, (CoordenaTeamItem *) b);

  if (r == 0)
    r = strcmp (coordena_team_item_get_ine ((CoordenaTeamItem *) a), coordena_team_item_get_ine ((CoordenaTeamItem *) b));
  return r < 0 ? GTK_ORDERING_SMALLER : r > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Ranks from the summary: a sort of thousands of rows compares integers, not names. */
static int
cmp_municipio (CoordenaTeamItem *a, CoordenaTeamItem *b)
{
  const guint32 *ranks = coordena_summary_get_municipio_ranks (coordena_team_item_get_summary (a));

  return (int) ranks[coordena_team_item_get_row (a)] - (int) ranks[coordena_team_item_get_row (b)];
}

static int
cmp_ine (CoordenaTeamItem *a, CoordenaTeamItem *b)
{
  return strcmp (coordena_team_item_get_ine (a), coordena_team_item_get_ine (b));
}

static int
cmp_name (CoordenaTeamItem *a, CoordenaTeamItem *b)
{
  const guint32 *ranks = coordena_summary_get_name_ranks (coordena_team_item_get_summary (a));

  return (int) ranks[coordena_team_item_get_row (a)] - (int) ranks[coordena_team_item_get_row (b)];
}

static int
cmp_type (CoordenaTeamItem *a, CoordenaTeamItem *b)
{
  return (int) coordena_team_item_get_team_summary (a)->type - (int) coordena_team_item_get_team_summary (b)->type;
}

static int
cmp_percent (CoordenaTeamItem *a, CoordenaTeamItem *b)
{
  return coordena_team_item_get_team_summary (a)->percent - coordena_team_item_get_team_summary (b)->percent;
}

static int
cmp_next (CoordenaTeamItem *a, CoordenaTeamItem *b)
{
  /* Soonest first; nothing ahead last. */
  guint x = coordena_team_item_get_team_summary (a)->next_step;
  guint y = coordena_team_item_get_team_summary (b)->next_step;

  x = x == 0 ? G_MAXUINT : x;
  y = y == 0 ? G_MAXUINT : y;
  return x < y ? -1 : x > y;
}

static int
cmp_loss (CoordenaTeamItem *a, CoordenaTeamItem *b)
{
  gint64 x = coordena_team_item_get_team_summary (a)->loss_month;
  gint64 y = coordena_team_item_get_team_summary (b)->loss_month;

  return x < y ? -1 : x > y;
}

/* ---- Cells ------------------------------------------------------------------------------- */

typedef char *(*TeamText) (CoordenaTeamItem *item);

static char *
text_municipio (CoordenaTeamItem *item)
{
  return g_strdup (coordena_team_item_get_municipio (item));
}

static char *
text_ine (CoordenaTeamItem *item)
{
  return g_strdup (coordena_team_item_get_ine (item));
}

static char *
text_name (CoordenaTeamItem *item)
{
  return g_strdup (coordena_team_item_get_name (item));
}

static char *
text_type (CoordenaTeamItem *item)
{
  return g_strdup (coordena_display_team_type (coordena_team_item_get_team_summary (item)->type));
}

static char *
text_percent (CoordenaTeamItem *item)
{
  const CoordenaTeamSummary *ts = coordena_team_item_get_team_summary (item);

  g_autofree char *percent = NULL;

  if (ts->status == COORDENA_STATUS_NOT_EVALUATED)
    return g_strdup (_("not evaluated"));
  /* Four ✗ and "100 %" alone read as a team that lost everyone: say it has no registration. */
  if (ts->status == COORDENA_STATUS_NO_RECORD)
    {
      if (ts->percent <= 0)
        return g_strdup (_("no registration"));
      percent = coordena_display_percent (ts->percent);
      return g_strdup_printf (_("no registration · %s"), percent);
    }
  return coordena_display_percent (ts->percent);
}

static char *
text_next (CoordenaTeamItem *item)
{
  return coordena_display_next_step (coordena_team_item_get_team_summary (item));
}

static char *
text_loss (CoordenaTeamItem *item)
{
  const CoordenaTeamSummary *ts = coordena_team_item_get_team_summary (item);

  if (ts->status == COORDENA_STATUS_NOT_EVALUATED)
    return g_strdup ("");
  if (ts->loss_month == 0)
    return g_strdup ("—");
  return coordena_display_money_marked (ts->loss_month, ts->confidence);
}

/* What a column shows: a text (with its width) or the team's presences. */
typedef struct {
  TeamText text;                /* NULL: the presences column */
  guint chars;
  gboolean numeric;
} Column;

static void
free_column (gpointer data, GClosure *closure)
{
  g_free (data);
}

static void
setup_text (GtkSignalListItemFactory *factory, GtkListItem *list_item, const Column *column)
{
  /* Codes and amounts keep their width; names give some up before the table scrolls sideways. */
  GtkWidget *label = coordena_text_cell_new (column->numeric || column->chars <= 11 ? column->chars : column->chars * 2 / 3,
                                             column->chars, column->numeric ? 1.f : 0.f);

  if (column->numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
setup_presence (GtkSignalListItemFactory *factory, GtkListItem *list_item, const Column *column)
{
  gtk_list_item_set_child (list_item, coordena_presence_strip_new ());
}

/* Changing a style class restyles the widget: only a class that differs is touched. */
static void
set_style (GtkWidget *widget, const char *klass, const char *const *states)
{
  for (guint i = 0; states[i] != NULL; i++)
    if (g_strcmp0 (states[i], klass) != 0 && gtk_widget_has_css_class (widget, states[i]))
      gtk_widget_remove_css_class (widget, states[i]);
  if (klass != NULL && !gtk_widget_has_css_class (widget, klass))
    gtk_widget_add_css_class (widget, klass);
}

static void
show_text (GtkWidget *label, const Column *column, CoordenaTeamItem *item)
{
  static const char *const states[] = { "error", "dim-label", NULL };
  g_autofree char *text = column->text (item);

  coordena_text_cell_set_text (COORDENA_TEXT_CELL (label), text);
  if (column->text == text_percent)
    {
      const CoordenaTeamSummary *ts = coordena_team_item_get_team_summary (item);

      set_style (label, ts->percent > 0 ? "error" : ts->status == COORDENA_STATUS_NOT_EVALUATED ? "dim-label" : NULL, states);
    }
}

static void
show_presence (GtkWidget *strip, CoordenaTeamItem *item)
{
  coordena_presence_strip_set (COORDENA_PRESENCE_STRIP (strip), coordena_team_item_get_team_summary (item)->presence);
}

static void
show_cell (GtkListItem *list_item, const Column *column)
{
  CoordenaTeamItem *item = coordena_team_slot_get_team (gtk_list_item_get_item (list_item));

  if (column->text != NULL)
    show_text (gtk_list_item_get_child (list_item), column, item);
  else
    show_presence (gtk_list_item_get_child (list_item), item);
}

/* A cell follows its row's slot: when a search gives the row another team, the cell shows it.
 * The handler is a closure on the list item that also knows the column. */
typedef struct {
  GClosure closure;
  const Column *column;
} CellClosure;

static void
cell_closure_marshal (GClosure *closure, GValue *return_value, guint n_params, const GValue *params,
                      gpointer hint, gpointer marshal_data)
{
  show_cell (closure->data, ((CellClosure *) closure)->column);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, const Column *column)
{
  GClosure *closure = g_closure_new_simple (sizeof (CellClosure), list_item);

  ((CellClosure *) closure)->column = column;
  g_closure_set_marshal (closure, cell_closure_marshal);
  g_signal_connect_closure (gtk_list_item_get_item (list_item), "notify::team", closure, FALSE);
  show_cell (list_item, column);
}

static void
unbind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, const Column *column)
{
  if (gtk_list_item_get_item (list_item) != NULL)
    g_signal_handlers_disconnect_matched (gtk_list_item_get_item (list_item), G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                          list_item);
}

static GtkColumnViewColumn *
add_column (GtkColumnView *view, const char *title, const Column *spec, TeamCompare compare, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  Column *cells = g_memdup2 (spec, sizeof *spec);
  GtkColumnViewColumn *column;

  /* The factory holds its column's description for as long as it lives. */
  g_signal_connect_data (factory, "setup", spec->text != NULL ? G_CALLBACK (setup_text) : G_CALLBACK (setup_presence),
                         cells, free_column, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), cells);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), cells);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (compare != NULL)
    {
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_items, (gpointer) compare, NULL));

      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  return column;
}

static GtkColumnViewColumn *
add_text_column (GtkColumnView *view, const char *title, TeamText text, TeamCompare compare, guint chars, gboolean numeric,
                 gboolean expand)
{
  const Column spec = { .text = text, .chars = chars, .numeric = numeric };

  return add_column (view, title, &spec, compare, expand);
}

void
coordena_teams_columns_build (GtkColumnView *view)
{
  GtkColumnViewColumn *municipio;

  municipio = add_text_column (view, _("Municipality"), text_municipio, cmp_municipio, 16, FALSE, TRUE);
  add_text_column (view, "INE", text_ine, cmp_ine, 11, FALSE, FALSE);
  add_text_column (view, _("Name"), text_name, cmp_name, 22, FALSE, TRUE);
  add_text_column (view, _("Type"), text_type, cmp_type, 8, FALSE, FALSE);
  {
    const Column presence = { .text = NULL };

    add_column (view, coordena_presence_strip_title (), &presence, NULL, FALSE);
  }
  add_text_column (view, _("Suspension"), text_percent, cmp_percent, 18, TRUE, FALSE);
  add_text_column (view, _("Next Step"), text_next, cmp_next, 22, FALSE, FALSE);
  add_text_column (view, _("Loss per Month"), text_loss, cmp_loss, 13, TRUE, FALSE);

  gtk_column_view_sort_by_column (view, municipio, GTK_SORT_ASCENDING);
}

/* ---- The filters' choices ---------------------------------------------------------------- */

/* In the list below the button: every name whole. */
static void
setup_choice (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

/* Long municipality names must not widen the toolbar: the button shortens them, but never
 * below min_chars ("Todos os municípios"). */
static void
setup_chosen (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer min_chars)
{
  GtkWidget *label;

  setup_choice (factory, list_item, NULL);
  label = gtk_list_item_get_child (list_item);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (min_chars));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
}

static void
bind_choice (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (item));
  gtk_widget_set_tooltip_text (label, gtk_string_object_get_string (item));
}

void
coordena_teams_columns_set_choice_factory (GtkDropDown *dropdown, int min_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_chosen), GINT_TO_POINTER (min_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
  g_object_unref (factory);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_choice), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_choice), NULL);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
  g_object_unref (list_factory);
}
