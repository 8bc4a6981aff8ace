/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <coordena/adhesion.h>
#include <coordena/offer.h>

#include "coordena-adhesion-page.h"

G_BEGIN_DECLS

/* For the step dialogs: the offer shown (NULL when none), the workspace's store (NULL while
 * it opens) and the record's state. */
const CoordenaOffer *coordena_adhesion_page_get_offer (CoordenaAdhesionPage *self);
CoordenaStore *coordena_adhesion_page_get_store (CoordenaAdhesionPage *self);
CoordenaAdhesionState coordena_adhesion_page_get_state (CoordenaAdhesionPage *self);

G_END_DECLS
