/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_PREFERENCES_SIGNERS (coordena_preferences_signers_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaPreferencesSigners, coordena_preferences_signers, COORDENA, PREFERENCES_SIGNERS, AdwPreferencesPage)

/* Preferências › Signatários: who may sign the ofício, as the first offer names the roles. */
GtkWidget *coordena_preferences_signers_new (CoordenaWorkspace *workspace);

/* The row that edits key ("secretario.nome"), or NULL when this page has none. */
GtkWidget *coordena_preferences_signers_get_field (CoordenaPreferencesSigners *self, const char *key);

G_END_DECLS
