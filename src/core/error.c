#include "config.h"

#include <coordena/error.h>

G_DEFINE_QUARK (coordena-error-quark, coordena_error)
