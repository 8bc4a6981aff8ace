/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "coordena-notify-dialog.h"

G_BEGIN_DECLS

/* For the tests: what the user sees and does in the form. */

/* The municipalities offered, and the IBGE codes ticked (free with g_strfreev). */
guint coordena_notify_dialog_get_n_municipios (CoordenaNotifyDialog *self);
char **coordena_notify_dialog_get_ticked (CoordenaNotifyDialog *self);
/* Ticks or unticks a municipality by IBGE code; FALSE when it is not offered. */
gboolean coordena_notify_dialog_set_ticked (CoordenaNotifyDialog *self, const char *ibge7, gboolean ticked);
/* What the folder chooser sets. */
void coordena_notify_dialog_set_folder (CoordenaNotifyDialog *self, const char *folder);
/* The refusal on screen (NULL when none), and whether generation may start. */
const char *coordena_notify_dialog_get_refusal (CoordenaNotifyDialog *self);
gboolean coordena_notify_dialog_can_generate (CoordenaNotifyDialog *self);
/* Shows the letter of the selected (else the first ticked) municipality; returns its pages. */
guint coordena_notify_dialog_preview (CoordenaNotifyDialog *self);
/* Where the combined PDF went after a generation, NULL before. */
const char *coordena_notify_dialog_get_combined (CoordenaNotifyDialog *self);

G_END_DECLS
