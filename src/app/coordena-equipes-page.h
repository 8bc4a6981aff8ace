#pragma once

#include <gtk/gtk.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_EQUIPES_PAGE (coordena_equipes_page_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaEquipesPage, coordena_equipes_page, COORDENA, EQUIPES_PAGE, GtkWidget)

void coordena_equipes_page_set_workspace (CoordenaEquipesPage *self, CoordenaWorkspace *workspace);

/* Shows the team with this INE: clears the filters, selects its row and opens its detail. */
gboolean coordena_equipes_page_show_team (CoordenaEquipesPage *self, const char *ine);

/* Shows only the teams of a municipality (IBGE, 7 digits). */
void coordena_equipes_page_show_municipio (CoordenaEquipesPage *self, const char *ibge);

/* Moves the focus to the search entry. */
void coordena_equipes_page_focus_search (CoordenaEquipesPage *self);

/* For tests: the search entry, the rows shown, the column view and the detail pane. */
GtkEditable *coordena_equipes_page_get_search (CoordenaEquipesPage *self);
GListModel *coordena_equipes_page_get_shown (CoordenaEquipesPage *self);
GtkColumnView *coordena_equipes_page_get_column_view (CoordenaEquipesPage *self);
GtkWidget *coordena_equipes_page_get_detail (CoordenaEquipesPage *self);
/* Filters by status (0 all, then CoordenaStatus + 1 order: regular, at risk, suspended, not evaluated). */
void coordena_equipes_page_set_status_filter (CoordenaEquipesPage *self, guint index);

G_END_DECLS
