/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <coordena/error.h>

G_DEFINE_QUARK (coordena-error-quark, coordena_error)
