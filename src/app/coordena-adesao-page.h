#pragma once

#include <adwaita.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_ADESAO_PAGE (coordena_adesao_page_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaAdesaoPage, coordena_adesao_page, COORDENA, ADESAO_PAGE, GtkWidget)

/* The state's adhesion to an offer: the offer and its deadline, the record's timeline with the
 * allowed next steps, the ofícios generated and the municipalities' follow-up. */

/* The database the page shows; without one the page takes its window's when first shown. */
void coordena_adesao_page_set_workspace (CoordenaAdesaoPage *self, CoordenaWorkspace *workspace);

/* Reads the offer, the record and the ofícios again. */
void coordena_adesao_page_refresh (CoordenaAdesaoPage *self);

/* Checks an offer file (file, line, group and key in any refusal), installs it in the user's
 * offers folder and shows it; what "Adicionar oferta…" does with the chosen file. */
gboolean coordena_adesao_page_add_offer_file (CoordenaAdesaoPage *self, const char *path, GError **error);

G_END_DECLS
