/* SPDX-License-Identifier: GPL-3.0-or-later */
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

/* The PNG in the one form the PDF library is given: 8 bits per sample, grey or RGB (or the
 * original palette), opaque, not interlaced. An image already in that form comes back as it is;
 * any other (alpha channel, tRNS transparency, 16 bits, interlaced, fewer than 8 bits of grey)
 * is checked in full with coordena_png_check, then decoded and written again, its transparency
 * laid over white — the paper it is printed on. */
GBytes *coordena_png_for_pdf (GBytes *png, GError **error);

G_END_DECLS
