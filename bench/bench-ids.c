/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CNS validation throughput: every imported member row checks one CNS. */
#include "config.h"

#include <coordena/coordena.h>

int
main (void)
{
  const guint n = 5000000;
  char cns[16] = "898000000043208";
  guint valid = 0;
  gint64 start = g_get_monotonic_time (), elapsed;

  for (guint i = 0; i < n; i++)
    {
      cns[14] = (char) ('0' + i % 10);
      valid += coordena_cns_is_valid (cns);
    }
  elapsed = g_get_monotonic_time () - start;

  g_print ("ids: %u CNS checked in %.1f ms (%.1f M/s), %u valid\n", n, elapsed / 1000.0,
           n / (elapsed / 1e6) / 1e6, valid);
  return valid == n / 10 ? 0 : 1;
}
