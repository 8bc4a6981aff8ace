#pragma once

#include "coordena-window.h"

G_BEGIN_DECLS

/* The stack of the four destinations, for the UI tests. */
AdwViewStack *coordena_window_get_stack (CoordenaWindow *self);

G_END_DECLS
