/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the PNG check in front of the PDF library. Whatever the check lets through must be
 * read by libharu, whose PNG reader aborts the process on a damaged file. */
#include "fuzz-common.h"

#include <hpdf.h>

#include <coordena/coordena.h>
#include <coordena/png-check.h>

static void
on_hpdf_error (HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) png = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;

  fuzz_init_once ();
  if (size > 256 * 1024)
    return 0;
  if (coordena_png_check (png, &error))
    {
      HPDF_Doc pdf = HPDF_New (on_hpdf_error, NULL);

      if (HPDF_LoadPngImageFromMem (pdf, data, (HPDF_UINT) size) == NULL)
        abort ();   /* passed the check, refused by the library */
      HPDF_Free (pdf);
    }
  else if (error == NULL)
    abort ();
  return 0;
}
