/* SPDX-License-Identifier: GPL-3.0-or-later */
/* error.h — the error domain of libcoordena. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define COORDENA_ERROR (coordena_error_quark ())

/* What went wrong, as the user needs to know it. Interfaces map INPUT to exit code 1.
 * A cancelled operation is G_IO_ERROR_CANCELLED, as GCancellable itself reports it, and nothing
 * was changed. */
typedef enum {
  COORDENA_ERROR_INPUT,     /* the user's input was refused: a file, a value, a rule */
  COORDENA_ERROR_DAMAGED,   /* a database or file is damaged and was not touched */
  COORDENA_ERROR_IO,        /* the system refused a read or a write */
  COORDENA_ERROR_INTERNAL,  /* a bug: report it */
  COORDENA_ERROR_CONFLICT,  /* someone else changed what the user was editing: nothing was written */
} CoordenaError;

GQuark coordena_error_quark (void);

G_END_DECLS
