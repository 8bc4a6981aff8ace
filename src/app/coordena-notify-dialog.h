#pragma once

#include <adwaita.h>

#include "coordena-workspace.h"

G_BEGIN_DECLS

#define COORDENA_TYPE_NOTIFY_DIALOG (coordena_notify_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaNotifyDialog, coordena_notify_dialog, COORDENA, NOTIFY_DIALOG, AdwWindow)

/* "Notificar municípios…": the municipalities with teams suspended or at risk, ticked, with
 * their totals; the signer, the date (today up to 30 days ahead) and the folder; the preview of
 * one letter; then every letter generated in a worker, with progress and cancel, each stored in
 * the database and written to the folder, plus one PDF with them all for printing. A refusal
 * shows before anything is written. "generated" (number of letters, combined PDF) follows. */
CoordenaNotifyDialog *coordena_notify_dialog_new (GtkWindow *parent, CoordenaWorkspace *workspace);

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

/* A "Notificar municípios…" button that opens the dialog over the window it sits in. */
GtkWidget *coordena_notify_button_new (void);

/* The Painel's card: teams notified, fixed, pending, the money kept, and an alert per team
 * still not fixed at its "corrigir até". Update re-reads the follow-up against the workspace's
 * newest competência. */
GtkWidget *coordena_notify_card_new (void);
void coordena_notify_card_update (GtkWidget *card, CoordenaWorkspace *workspace);

G_END_DECLS
