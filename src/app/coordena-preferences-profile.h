/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_PREFERENCES_PROFILE (coordena_preferences_profile_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaPreferencesProfile, coordena_preferences_profile, COORDENA, PREFERENCES_PROFILE, AdwPreferencesPage)

/* Preferências › Perfil: the letterhead's preview with the coat of arms, the secretariat, its
 * address and contacts, and the contact person of the workspace's database. */
GtkWidget *coordena_preferences_profile_new (CoordenaWorkspace *workspace);

/* The row that edits key ("secretaria.nome"), or NULL when this page has none. */
GtkWidget *coordena_preferences_profile_get_field (CoordenaPreferencesProfile *self, const char *key);

G_END_DECLS
