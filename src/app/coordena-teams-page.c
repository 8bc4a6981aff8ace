/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include <coordena/coordena.h>

#include "coordena-display.h"
#include "coordena-teams-columns.h"
#include "coordena-teams-page-private.h"
#include "coordena-team-detail.h"
#include "coordena-team-filter.h"
#include "coordena-team-item.h"

struct _CoordenaTeamsPage
{
  AdwBin parent_instance;

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

G_DEFINE_FINAL_TYPE (CoordenaTeamsPage, coordena_teams_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_WORKSPACE, N_PROPS };
static GParamSpec *properties[N_PROPS];

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

/* The window gives the page its workspace once, after building it from its template. */
void
coordena_teams_page_set_workspace (CoordenaTeamsPage *self, CoordenaWorkspace *workspace)
{
  g_return_if_fail (COORDENA_IS_TEAMS_PAGE (self));
  g_return_if_fail (self->workspace == NULL || workspace == self->workspace);

  if (workspace == NULL || self->workspace == workspace)
    return;
  self->workspace = g_object_ref (workspace);
  gtk_sort_list_model_set_model (self->sorted, coordena_workspace_get_teams (workspace));
  coordena_team_detail_set_workspace (self->detail, workspace);
  g_signal_connect_object (workspace, "changed", G_CALLBACK (workspace_changed), self, G_CONNECT_SWAPPED);
  workspace_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

static void
coordena_teams_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  if (prop_id == PROP_WORKSPACE)
    g_value_set_object (value, COORDENA_TEAMS_PAGE (object)->workspace);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
coordena_teams_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  if (prop_id == PROP_WORKSPACE)
    coordena_teams_page_set_workspace (COORDENA_TEAMS_PAGE (object), g_value_get_object (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
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

  g_clear_object (&self->workspace);
  /* The columns leave with the template and change the sorter: nothing here may react. */
  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COORDENA_TYPE_TEAMS_PAGE);
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

  object_class->get_property = coordena_teams_page_get_property;
  object_class->set_property = coordena_teams_page_set_property;
  object_class->dispose = coordena_teams_page_dispose;
  object_class->finalize = coordena_teams_page_finalize;

  /* Set once, by the window that holds the page. */
  properties[PROP_WORKSPACE] = g_param_spec_object ("workspace", NULL, NULL, COORDENA_TYPE_WORKSPACE,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, detail_closed);

  gtk_widget_class_install_action (widget_class, "equipes.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "equipes.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "equipes.focus-search", NULL);

  gtk_widget_class_set_css_name (widget_class, "equipespage");
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

  coordena_teams_columns_set_choice_factory (self->municipio_dropdown, 19);
  coordena_teams_columns_set_choice_factory (self->type_dropdown, -1);
  coordena_teams_columns_set_choice_factory (self->status_dropdown, -1);

  /* Sorted first, filtered last: a keystroke only filters rows already in order. */
  coordena_teams_columns_build (self->column_view);
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
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (search_stopped), self);
  g_signal_connect_swapped (self->municipio_dropdown, "notify::selected", G_CALLBACK (dropdowns_changed), self);
  g_signal_connect_swapped (self->type_dropdown, "notify::selected", G_CALLBACK (dropdowns_changed), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (dropdowns_changed), self);

  update_count (self);
}
