/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COORDENA_TYPE_SERVER_DIALOG (coordena_server_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaServerDialog, coordena_server_dialog, COORDENA, SERVER_DIALOG, AdwWindow)

/* "Servidor da secretaria": an address to type (postgresql://servidor/base or service=nome), a
 * connection test run in a worker, and "Usar este servidor", which emits "use-server" with the
 * address and closes. current (may be NULL) fills the entry when it is a server. */
CoordenaServerDialog *coordena_server_dialog_new (GtkWindow *parent, const char *current);

void coordena_server_dialog_set_address (CoordenaServerDialog *self, const char *address);
/* Starts the connection test (as the button does). */
void coordena_server_dialog_test (CoordenaServerDialog *self);
/* TRUE while a test runs. */
gboolean coordena_server_dialog_is_testing (CoordenaServerDialog *self);
/* What the last test found, as shown; NULL before one ended. */
const char *coordena_server_dialog_get_result (CoordenaServerDialog *self);
/* TRUE when the last test connected. */
gboolean coordena_server_dialog_get_result_ok (CoordenaServerDialog *self);

G_END_DECLS
