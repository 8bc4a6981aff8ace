/* SPDX-License-Identifier: GPL-3.0-or-later */
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
 * shows before anything is written. "generated" (number of letters, combined PDF) follows.
 * The workspace is the construct-only "workspace". */
CoordenaNotifyDialog *coordena_notify_dialog_new (GtkWindow *parent, CoordenaWorkspace *workspace);

G_END_DECLS
