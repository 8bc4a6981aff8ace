#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include <coordena/coordena.h>

#include "coordena-display.h"
#include "coordena-teams-page.h"
#include "coordena-team-detail.h"
#include "coordena-team-filter.h"
#include "coordena-team-item.h"

struct _CoordenaTeamsPage
{
  GtkWidget parent_instance;

  GtkSearchEntry *search_entry;
  GtkDropDown *municipio_dropdown;
  GtkDropDown *type_dropdown;
  GtkDropDown *status_dropdown;
  GtkPaned *paned;
  GtkStack *table_stack;
  GtkColumnView *column_view;
  GtkWidget *detail_scroller;
  CoordenaTeamDetail *detail;
  GtkLabel *count_label;
  GtkLabel *competencia_label;
  GtkWidget *demo_label;

  CoordenaWorkspace *workspace;
  GListStore *filtered;         /* CoordenaTeamSlot: the rows shown, in order */
  GListModel *shown_teams;      /* the same as CoordenaTeamItem, made on request */
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  GtkStringList *municipio_names;
  GPtrArray *municipio_codes;   /* ibge7 per dropdown position; [0] is "all" */

  CoordenaTeamFilter *filter;   /* the search and the dropdowns */
  char *municipio;              /* ibge7 or NULL */
  int type;                     /* CoordenaTeamType or −1 */
  int status;                   /* CoordenaStatus or −1 */
};

G_DEFINE_FINAL_TYPE (CoordenaTeamsPage, coordena_teams_page, GTK_TYPE_WIDGET)

static void selection_changed (CoordenaTeamsPage *self);
static gpointer slot_team (gpointer item, gpointer user_data);

/* ---- Filter ------------------------------------------------------------------------------ */

static void
update_count (CoordenaTeamsPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = self->workspace != NULL ? g_list_model_get_n_items (coordena_workspace_get_teams (self->workspace)) : 0;
  g_autofree char *shown_text = coordena_format_integer (shown);
  g_autofree char *total_text = coordena_format_integer (total);
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s team", "%s teams", total), total_text);
  else
    /* TRANSLATORS: "12 de 340 equipes" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s team", "%s of %s teams", total), shown_text, total_text);
  gtk_label_set_text (self->count_label, text);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->table_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->table_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->table_stack, "table");
}

static void
refilter (CoordenaTeamsPage *self)
{
  guint selected;

  coordena_team_filter_set_choices (self->filter, self->type, self->status, self->municipio);
  g_signal_handlers_block_by_func (self->selection, selection_changed, self);
  selected = coordena_team_filter_apply (self->filter, self->filtered, coordena_team_detail_get_item (self->detail));
  /* The team in the detail keeps its row highlighted wherever it moved. */
  gtk_single_selection_set_selected (self->selection, selected);
  g_signal_handlers_unblock_by_func (self->selection, selection_changed, self);
  /* A slot may show another team now: the teams listed by get_shown() are mapped again. */
  if (self->shown_teams != NULL)
    gtk_map_list_model_set_map_func (GTK_MAP_LIST_MODEL (self->shown_teams), slot_team, NULL, NULL);

  update_count (self);
}

static void
search_changed (CoordenaTeamsPage *self)
{
  /* The entry reports the same text more than once (typing, then its timeout): filter once. */
  if (coordena_team_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))))
    refilter (self);
}

static void
dropdowns_changed (CoordenaTeamsPage *self)
{
  static const int types[] = { -1, COORDENA_TEAM_TYPE_ESF, COORDENA_TEAM_TYPE_EAP20, COORDENA_TEAM_TYPE_EAP30, COORDENA_TEAM_TYPE_OTHER };
  static const int statuses[] = { -1, COORDENA_STATUS_REGULAR, COORDENA_STATUS_AT_RISK, COORDENA_STATUS_SUSPENDED, COORDENA_STATUS_NOT_EVALUATED,
                                  COORDENA_STATUS_NO_RECORD };
  guint m = gtk_drop_down_get_selected (self->municipio_dropdown);
  guint t = gtk_drop_down_get_selected (self->type_dropdown);
  guint s = gtk_drop_down_get_selected (self->status_dropdown);

  self->type = t < G_N_ELEMENTS (types) ? types[t] : -1;
  self->status = s < G_N_ELEMENTS (statuses) ? statuses[s] : -1;
  g_free (self->municipio);
  self->municipio = (m > 0 && m < self->municipio_codes->len) ? g_strdup (g_ptr_array_index (self->municipio_codes, m)) : NULL;
  refilter (self);
}

static void
clear_filters (CoordenaTeamsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->municipio_dropdown, 0);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  /* The entry's changed signal comes after a delay; the list must show everything now. */
  search_changed (self);
}

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

static void
setup_text (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *label = gtk_inscription_new (NULL);
  gboolean numeric = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "numeric"));

  guint chars = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "chars"));

  /* Codes and amounts keep their width; names give some up before the table scrolls sideways. */
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), chars);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), numeric || chars <= 11 ? chars : chars * 2 / 3);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (numeric)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (list_item, label);
}

/* Changing a style class restyles the widget: bind only touches one when the state differs. */
static void
set_style (GtkWidget *widget, const char *klass)
{
  const char *current = g_object_get_data (G_OBJECT (widget), "style");

  if (g_strcmp0 (current, klass) == 0)
    return;
  if (current != NULL)
    gtk_widget_remove_css_class (widget, current);
  if (klass != NULL)
    gtk_widget_add_css_class (widget, klass);
  g_object_set_data (G_OBJECT (widget), "style", (gpointer) klass);
}

static CoordenaTeamItem *
cell_team (GtkListItem *list_item)
{
  return coordena_team_slot_get_team (gtk_list_item_get_item (list_item));
}

static void
show_text (GtkListItem *list_item)
{
  TeamText text_func = g_object_get_data (G_OBJECT (list_item), "text");
  CoordenaTeamItem *item = cell_team (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = text_func (item);

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  if (text_func == text_percent)
    {
      const CoordenaTeamSummary *ts = coordena_team_item_get_team_summary (item);

      set_style (label, ts->percent > 0 ? "error" : ts->status == COORDENA_STATUS_NOT_EVALUATED ? "dim-label" : NULL);
    }
}

/* A cell follows its slot: when a search gives the row another team, the cell shows it. */
static void
follow_slot (GtkListItem *list_item, void (*show) (GtkListItem *list_item))
{
  gulong id = g_signal_connect_swapped (gtk_list_item_get_item (list_item), "notify::team", G_CALLBACK (show), list_item);

  g_object_set_data (G_OBJECT (list_item), "slot-handler", GUINT_TO_POINTER ((guint) id));
  show (list_item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  gulong id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list_item), "slot-handler"));

  if (id != 0 && gtk_list_item_get_item (list_item) != NULL)
    g_signal_handler_disconnect (gtk_list_item_get_item (list_item), id);
  g_object_set_data (G_OBJECT (list_item), "slot-handler", NULL);
}

static void
bind_text (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  g_object_set_data (G_OBJECT (list_item), "text", user_data);
  follow_slot (list_item, show_text);
}

static void
setup_presence (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *image = gtk_image_new ();

  gtk_widget_set_halign (image, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (list_item, image);
}

static void
show_presence (GtkListItem *list_item)
{
  CoordenaCategory category = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list_item), "category"));
  CoordenaTeamItem *item = cell_team (list_item);
  GtkWidget *image = gtk_list_item_get_child (list_item);
  CoordenaPresence presence = coordena_team_item_get_team_summary (item)->presence[category];

  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (image), "presence")) == (int) presence + 1)
    return;
  g_object_set_data (G_OBJECT (image), "presence", GINT_TO_POINTER ((int) presence + 1));
  gtk_image_set_from_icon_name (GTK_IMAGE (image), coordena_display_presence_icon (presence));
  set_style (image, coordena_display_presence_class (presence));
  if (presence != COORDENA_PRESENCE_NOT_REQUIRED)
    {
      g_autofree char *label = g_strdup_printf ("%s: %s", coordena_display_category (category), coordena_display_presence (presence));

      gtk_widget_set_tooltip_text (image, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  else
    gtk_widget_set_tooltip_text (image, NULL);
}

static void
bind_presence (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  g_object_set_data (G_OBJECT (list_item), "category", user_data);
  follow_slot (list_item, show_presence);
}

static GtkColumnViewColumn *
add_column (CoordenaTeamsPage *self,
            const char          *title,
            GCallback            setup,
            GCallback            bind,
            gpointer             bind_data,
            TeamCompare          compare,
            guint                chars,
            gboolean             numeric,
            gboolean             expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "chars", GUINT_TO_POINTER (chars));
  g_object_set_data (G_OBJECT (factory), "numeric", GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, bind_data);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (compare != NULL)
    {
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_items, (gpointer) compare, NULL));

      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  return column;
}

static void
build_columns (CoordenaTeamsPage *self)
{
  GtkColumnViewColumn *municipio;

  municipio = add_column (self, _("Municipality"), G_CALLBACK (setup_text), G_CALLBACK (bind_text), text_municipio, cmp_municipio, 16, FALSE, TRUE);
  add_column (self, "INE", G_CALLBACK (setup_text), G_CALLBACK (bind_text), text_ine, cmp_ine, 11, FALSE, FALSE);
  add_column (self, _("Name"), G_CALLBACK (setup_text), G_CALLBACK (bind_text), text_name, cmp_name, 22, FALSE, TRUE);
  add_column (self, _("Type"), G_CALLBACK (setup_text), G_CALLBACK (bind_text), text_type, cmp_type, 8, FALSE, FALSE);
  for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
    add_column (self, coordena_display_category_short (c), G_CALLBACK (setup_presence), G_CALLBACK (bind_presence),
                GINT_TO_POINTER (c), NULL, 0, FALSE, FALSE);
  add_column (self, _("Suspension"), G_CALLBACK (setup_text), G_CALLBACK (bind_text), text_percent, cmp_percent, 18, TRUE, FALSE);
  add_column (self, _("Next Step"), G_CALLBACK (setup_text), G_CALLBACK (bind_text), text_next, cmp_next, 22, FALSE, FALSE);
  add_column (self, _("Loss per Month"), G_CALLBACK (setup_text), G_CALLBACK (bind_text), text_loss, cmp_loss, 13, TRUE, FALSE);

  gtk_column_view_sort_by_column (self->column_view, municipio, GTK_SORT_ASCENDING);
}

/* ---- Workspace --------------------------------------------------------------------------- */

static int
compare_municipio_names (gconstpointer a, gconstpointer b)
{
  const CoordenaMunicipioSummary *x = *(const CoordenaMunicipioSummary *const *) a;
  const CoordenaMunicipioSummary *y = *(const CoordenaMunicipioSummary *const *) b;

  return g_utf8_collate (x->nome, y->nome);
}

static void
rebuild_municipios (CoordenaTeamsPage *self)
{
  CoordenaSummary *summary = coordena_workspace_get_summary (self->workspace);
  g_autofree char *selected = g_strdup (self->municipio);
  guint n = summary != NULL ? coordena_summary_get_n_municipios (summary) : 0;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint keep = 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (order, (gpointer) coordena_summary_get_municipio (summary, i));
  /* The summary lists them by loss; a picker reads best alphabetically. */
  g_ptr_array_sort (order, compare_municipio_names);

  g_ptr_array_set_size (self->municipio_codes, 0);
  g_ptr_array_add (self->municipio_codes, g_strdup (""));
  g_ptr_array_add (names, (gpointer) _("All municipalities"));
  for (guint i = 0; i < order->len; i++)
    {
      const CoordenaMunicipioSummary *m = g_ptr_array_index (order, i);

      g_ptr_array_add (self->municipio_codes, g_strdup (m->ibge));
      g_ptr_array_add (names, (gpointer) m->nome);
      if (selected != NULL && strcmp (m->ibge, selected) == 0)
        keep = i + 1;
    }
  g_ptr_array_add (names, NULL);

  g_signal_handlers_block_by_func (self->municipio_dropdown, dropdowns_changed, self);
  gtk_string_list_splice (self->municipio_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->municipio_names)),
                          (const char *const *) names->pdata);
  gtk_drop_down_set_selected (self->municipio_dropdown, keep);
  g_signal_handlers_unblock_by_func (self->municipio_dropdown, dropdowns_changed, self);
  if (keep == 0)
    g_clear_pointer (&self->municipio, g_free);
}

static gboolean
keep_team_open (CoordenaTeamsPage *self, const char *ine)
{
  GListModel *shown = G_LIST_MODEL (self->filtered);
  GListModel *teams = coordena_workspace_get_teams (self->workspace);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(CoordenaTeamSlot) slot = g_list_model_get_item (shown, i);

      if (strcmp (coordena_team_item_get_ine (coordena_team_slot_get_team (slot)), ine) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          selection_changed (self);
          return TRUE;
        }
    }
  /* Filtered out now: open still, with no row highlighted. */
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(CoordenaTeamItem) item = g_list_model_get_item (teams, i);

      if (strcmp (coordena_team_item_get_ine (item), ine) == 0)
        {
          g_signal_handlers_block_by_func (self->selection, selection_changed, self);
          gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
          g_signal_handlers_unblock_by_func (self->selection, selection_changed, self);
          coordena_team_detail_set_item (self->detail, item);
          gtk_widget_set_visible (self->detail_scroller, TRUE);
          return TRUE;
        }
    }
  return FALSE;
}

static void
workspace_changed (CoordenaTeamsPage *self)
{
  CoordenaSummary *summary = coordena_workspace_get_summary (self->workspace);
  CoordenaTeamItem *shown = coordena_team_detail_get_item (self->detail);
  g_autofree char *ine = shown != NULL ? g_strdup (coordena_team_item_get_ine (shown)) : NULL;

  rebuild_municipios (self);
  update_count (self);
  gtk_widget_set_visible (self->demo_label, coordena_workspace_is_demo (self->workspace));

  if (summary != NULL && coordena_summary_get_current (summary) != 0)
    {
      g_autofree char *when = coordena_competencia_format (coordena_summary_get_current (summary));
      g_autofree char *text = g_strdup_printf (_("Latest competência: %s"), when);

      gtk_label_set_text (self->competencia_label, text);
    }
  else
    gtk_label_set_text (self->competencia_label, "");

  /* The same team stays open after an edit or an import, and the list keeps its search,
   * filters and scroll: an edit that takes the team out of the results does not clear them. */
  if (ine != NULL && !keep_team_open (self, ine))
    {
      coordena_team_detail_set_item (self->detail, NULL);
      gtk_widget_set_visible (self->detail_scroller, FALSE);
    }
}

void
coordena_teams_page_set_workspace (CoordenaTeamsPage *self, CoordenaWorkspace *workspace)
{
  g_return_if_fail (COORDENA_IS_TEAMS_PAGE (self));

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  gtk_sort_list_model_set_model (self->sorted, workspace != NULL ? coordena_workspace_get_teams (workspace) : NULL);
  coordena_team_detail_set_workspace (self->detail, workspace);
  if (workspace != NULL)
    {
      g_signal_connect_swapped (workspace, "changed", G_CALLBACK (workspace_changed), self);
      workspace_changed (self);
    }
}

/* ---- Selection and detail ---------------------------------------------------------------- */

static void
selection_changed (CoordenaTeamsPage *self)
{
  CoordenaTeamSlot *slot = gtk_single_selection_get_selected_item (self->selection);
  CoordenaTeamItem *item = slot != NULL ? coordena_team_slot_get_team (slot) : NULL;

  coordena_team_detail_set_item (self->detail, item);
  gtk_widget_set_visible (self->detail_scroller, item != NULL);
}

static void
row_activated (CoordenaTeamsPage *self, guint position)
{
  gtk_single_selection_set_selected (self->selection, position);
  selection_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->detail));
}

gboolean
coordena_teams_page_show_team (CoordenaTeamsPage *self, const char *ine)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (COORDENA_IS_TEAMS_PAGE (self), FALSE);

  model = G_LIST_MODEL (self->filtered);
  for (int pass = 0; pass < 2; pass++)
    {
      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CoordenaTeamSlot) slot = g_list_model_get_item (model, i);
          CoordenaTeamItem *item = coordena_team_slot_get_team (slot);

          if (strcmp (coordena_team_item_get_ine (item), ine) == 0)
            {
              gtk_single_selection_set_selected (self->selection, i);
              selection_changed (self);
              gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", i);
              return TRUE;
            }
        }
      /* Not among the rows shown: the filters hide it. */
      clear_filters (self);
    }
  return FALSE;
}

void
coordena_teams_page_show_municipio (CoordenaTeamsPage *self, const char *ibge)
{
  for (guint i = 1; i < self->municipio_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->municipio_codes, i), ibge) == 0)
      {
        gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
        search_changed (self);
        gtk_drop_down_set_selected (self->municipio_dropdown, i);
        return;
      }
}

static void
detail_closed (CoordenaTeamsPage *self)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  selection_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

void
coordena_teams_page_focus_search (CoordenaTeamsPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkEditable *
coordena_teams_page_get_search (CoordenaTeamsPage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

static gpointer
slot_team (gpointer item, gpointer user_data)
{
  CoordenaTeamItem *team = g_object_ref (coordena_team_slot_get_team (item));

  g_object_unref (item);
  return team;
}

GListModel *
coordena_teams_page_get_shown (CoordenaTeamsPage *self)
{
  if (self->shown_teams == NULL)
    self->shown_teams = G_LIST_MODEL (gtk_map_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), slot_team, NULL, NULL));
  return self->shown_teams;
}

GtkColumnView *
coordena_teams_page_get_column_view (CoordenaTeamsPage *self)
{
  return self->column_view;
}

GtkWidget *
coordena_teams_page_get_detail (CoordenaTeamsPage *self)
{
  return GTK_WIDGET (self->detail);
}

void
coordena_teams_page_set_status_filter (CoordenaTeamsPage *self, guint index)
{
  gtk_drop_down_set_selected (self->status_dropdown, index);
}

/* ---- Actions ----------------------------------------------------------------------------- */

static void
focus_search_action (GtkWidget *widget, const char *name, GVariant *param)
{
  coordena_teams_page_focus_search (COORDENA_TEAMS_PAGE (widget));
}

static void
clear_filters_action (GtkWidget *widget, const char *name, GVariant *param)
{
  clear_filters (COORDENA_TEAMS_PAGE (widget));
}

static void
search_stopped (CoordenaTeamsPage *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
coordena_teams_page_dispose (GObject *object)
{
  CoordenaTeamsPage *self = COORDENA_TEAMS_PAGE (object);
  GtkWidget *child;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  /* The columns leave with the template and change the sorter: nothing here may react. */
  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COORDENA_TYPE_TEAMS_PAGE);
  /* The template's top widget is not bound: it leaves with its parent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->shown_teams);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_pointer (&self->municipio_codes, g_ptr_array_unref);
  G_OBJECT_CLASS (coordena_teams_page_parent_class)->dispose (object);
}

static void
coordena_teams_page_finalize (GObject *object)
{
  CoordenaTeamsPage *self = COORDENA_TEAMS_PAGE (object);

  g_clear_pointer (&self->filter, coordena_team_filter_free);
  g_free (self->municipio);
  G_OBJECT_CLASS (coordena_teams_page_parent_class)->finalize (object);
}

static void
coordena_teams_page_class_init (CoordenaTeamsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = coordena_teams_page_dispose;
  object_class->finalize = coordena_teams_page_finalize;

  g_type_ensure (COORDENA_TYPE_TEAM_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coordena/Coordena/coordena-teams-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamsPage, municipio_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamsPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamsPage, table_stack);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamsPage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamsPage, detail);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamsPage, competencia_label);
  gtk_widget_class_bind_template_child (widget_class, CoordenaTeamsPage, demo_label);

  gtk_widget_class_install_action (widget_class, "equipes.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "equipes.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "equipes.focus-search", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "equipespage");
}

static void
setup_choice (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Long municipality names must not widen the toolbar: the button shortens them, but never
   * below "Todos os municípios"; the list below it shows every name whole. */
  if (user_data == NULL)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "min-chars")));
      gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_choice (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (item));
  gtk_widget_set_tooltip_text (label, gtk_string_object_get_string (item));
}

static void
set_choice_factory (GtkDropDown *dropdown, int min_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *list_factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "min-chars", GINT_TO_POINTER (min_chars));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
  g_object_unref (factory);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_choice), GINT_TO_POINTER (1));
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_choice), NULL);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
  g_object_unref (list_factory);
}

static void
coordena_teams_page_init (CoordenaTeamsPage *self)
{
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->type = -1;
  self->status = -1;
  self->municipio_codes = g_ptr_array_new_with_free_func (g_free);
  self->municipio_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->municipio_dropdown, G_LIST_MODEL (self->municipio_names));
  g_object_unref (self->municipio_names);
  gtk_drop_down_set_expression (self->municipio_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

  set_choice_factory (self->municipio_dropdown, 19);
  set_choice_factory (self->type_dropdown, -1);
  set_choice_factory (self->status_dropdown, -1);

  /* Sorted first, filtered last: a keystroke only filters rows already in order. */
  build_columns (self);
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (sorter));
  self->filter = coordena_team_filter_new (G_LIST_MODEL (self->sorted));
  self->filtered = g_list_store_new (COORDENA_TYPE_TEAM_SLOT);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  g_signal_connect_swapped (self->sorted, "items-changed", G_CALLBACK (refilter), self);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed), self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (row_activated), self);
  g_signal_connect_swapped (self->detail, "closed", G_CALLBACK (detail_closed), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (search_stopped), self);
  g_signal_connect_swapped (self->municipio_dropdown, "notify::selected", G_CALLBACK (dropdowns_changed), self);
  g_signal_connect_swapped (self->type_dropdown, "notify::selected", G_CALLBACK (dropdowns_changed), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (dropdowns_changed), self);

  update_count (self);
}
