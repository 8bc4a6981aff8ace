#pragma once

#include <adwaita.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_ADHESION_PAGE (coordena_adhesion_page_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaAdhesionPage, coordena_adhesion_page, COORDENA, ADHESION_PAGE, GtkWidget)

/* The state's adhesion to an offer: the offer and its deadline, the record's timeline with the
 * allowed next steps, the ofícios generated and the municipalities' follow-up. */

/* The database the page shows; without one the page takes its window's when first shown. */
void coordena_adhesion_page_set_workspace (CoordenaAdhesionPage *self, CoordenaWorkspace *workspace);

/* Reads the offer, the record and the ofícios again. */
void coordena_adhesion_page_refresh (CoordenaAdhesionPage *self);

/* Checks an offer file (file, line, group and key in any refusal), installs it in the user's
 * offers folder and shows it; what "Adicionar oferta…" does with the chosen file. */
gboolean coordena_adhesion_page_add_offer_file (CoordenaAdhesionPage *self, const char *path, GError **error);

G_END_DECLS
