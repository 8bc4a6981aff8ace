/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

/* The rows of Preferências that edit one key of the secretariat's profile: a text field saved
 * when applied, or a choice saved when chosen. A refused value marks the row and says why under
 * its group; the stored value stays. Each emits "saved" after a value is stored. */

#define COORDENA_TYPE_PROFILE_ENTRY_ROW (coordena_profile_entry_row_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaProfileEntryRow, coordena_profile_entry_row, COORDENA, PROFILE_ENTRY_ROW, AdwEntryRow)

#define COORDENA_TYPE_PROFILE_COMBO_ROW (coordena_profile_combo_row_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaProfileComboRow, coordena_profile_combo_row, COORDENA, PROFILE_COMBO_ROW, AdwComboRow)

/* The row for key, titled title, showing its value in values (the profile as loaded, may be
 * NULL); a combo row for the keys with fixed choices, an entry row for the others. The row is
 * named "profile-<key>". */
GtkWidget *coordena_profile_row_new (CoordenaWorkspace *workspace, const char *key, const char *title,
                                     GHashTable *values);

/* Stores value for the row's key: on refusal marks row and shows why under its group. TRUE
 * when stored. */
gboolean coordena_profile_row_save (GtkWidget *row, CoordenaWorkspace *workspace, const char *key, const char *value);

G_END_DECLS
