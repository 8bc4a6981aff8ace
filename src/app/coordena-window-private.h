/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "coordena-window.h"
#include "coordena-workspace.h"

G_BEGIN_DECLS

/* The stack of the four destinations, for the UI tests. */
AdwViewStack *coordena_window_get_stack (CoordenaWindow *self);

/* The open database and its summary. */
CoordenaWorkspace *coordena_window_get_workspace (CoordenaWindow *self);

/* A page's widget by name ("painel", "equipes", "previsao", "adesao" or "first-run"). */
GtkWidget *coordena_window_get_page_widget (CoordenaWindow *self, const char *name);

/* The banner shown while a rule file of the user's does not load. */
GtkWidget *coordena_window_get_rules_banner (CoordenaWindow *self);

/* The error page's "Restaurar uma cópia…" button, shown when the database is damaged. */
GtkWidget *coordena_window_get_restore_damaged_button (CoordenaWindow *self);

/* The toast shown last, while it is on screen (NULL after). */
AdwToast *coordena_window_get_last_toast (CoordenaWindow *self);

G_END_DECLS
