/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

/* "Notificar municípios…": opens the notification dialog over the window it sits in, for its
 * "workspace" (the page that shows the button gives it). */
#define COORDENA_TYPE_NOTIFY_BUTTON (coordena_notify_button_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaNotifyButton, coordena_notify_button, COORDENA, NOTIFY_BUTTON, GtkButton)

void coordena_notify_button_set_workspace (CoordenaNotifyButton *self, CoordenaWorkspace *workspace);

/* The Painel's card: teams notified, fixed, pending, the money kept, and an alert per team
 * still not fixed at its "corrigir até". Update re-reads the follow-up against the workspace's
 * newest competência. */
#define COORDENA_TYPE_NOTIFY_CARD (coordena_notify_card_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaNotifyCard, coordena_notify_card, COORDENA, NOTIFY_CARD, AdwBin)

GtkWidget *coordena_notify_card_new (void);
void coordena_notify_card_update (GtkWidget *card, CoordenaWorkspace *workspace);

G_END_DECLS
