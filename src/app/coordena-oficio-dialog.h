/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_OFICIO_DIALOG (coordena_oficio_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaOficioDialog, coordena_oficio_dialog, COORDENA, OFICIO_DIALOG, AdwWindow)

/* "Gerar ofício…": the signer (only the roles the offer allows), the date (the deadline rule in
 * sight), the optional annex, and a live summary of what will print — or the refusals, naming
 * the rule, before the user tries. Generation runs in a worker; "generated" (identification,
 * "NUMERO/ANO") follows success and the dialog closes; a refusal stays on screen and stores
 * nothing. */
CoordenaOficioDialog *coordena_oficio_dialog_new (GtkWindow         *parent,
                                                  CoordenaWorkspace *workspace,
                                                  const char        *offer_id);

/* TRUE while the inputs pass every rule and generation may start. */
gboolean coordena_oficio_dialog_can_generate (CoordenaOficioDialog *self);

/* The refusal on screen, NULL when there is none. */
const char *coordena_oficio_dialog_get_refusal (CoordenaOficioDialog *self);

G_END_DECLS
