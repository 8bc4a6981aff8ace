/* png-check.h — a PNG is read in full before it goes anywhere near the PDF library: every
 * chunk's CRC, the header's fields, the image data inflated to exactly its expected size with
 * valid row filters. A damaged or hostile file is refused with the reason, never handed on (the
 * PDF library's PNG reader aborts the process on a damaged file). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest width or height accepted. */
#define COORDENA_PNG_MAX_SIDE 8000

/* TRUE when png is a whole, sound PNG of at most COORDENA_PNG_MAX_SIDE pixels a side; otherwise
 * COORDENA_ERROR_INPUT with what is wrong ("the CRC of chunk IDAT does not match", …). */
gboolean coordena_png_check (GBytes *png, GError **error);

G_END_DECLS
