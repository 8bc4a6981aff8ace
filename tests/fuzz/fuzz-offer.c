/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the offer loader (GKeyFile with references, channels, deadline, signers and the
 * addressee), then what the ofício asks of a loaded offer. */
#include "fuzz-common.h"

#include <coordena/coordena.h>
#include <coordena/offer.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaOffer) offer = NULL;

  fuzz_init_once ();
  if (size > 128 * 1024)
    return 0;
  path = fuzz_write ("fuzz.offer", data, size);
  offer = coordena_offer_load_file (path, &error);
  if ((offer == NULL) == (error == NULL))
    abort ();
  if (offer == NULL)
    return g_utf8_validate (error->message, -1, NULL) ? 0 : (abort (), 0);

  {
    GDate date;
    g_autoptr(GError) e1 = NULL;
    g_autoptr(GError) e2 = NULL;
    g_autoptr(GError) e3 = NULL;
    g_autofree char *cite = NULL;

    if (!g_date_valid (&offer->deadline))
      abort ();   /* a loaded offer always has a real deadline */
    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 1, 12, 2025);
    (void) coordena_offer_check_date (offer, &date, &e1);
    (void) coordena_offer_check_signer (offer, "secretario", &e2);
    (void) coordena_offer_check_oficio_channel (offer, "estadual", &e3);
    cite = coordena_offer_cite (offer, offer->deadline_source, offer->deadline_item);
    for (guint i = 0; i < offer->references->len; i++)
      (void) coordena_offer_get_reference (offer, ((CoordenaOfferReference *) offer->references->pdata[i])->key);
  }
  return 0;
}
