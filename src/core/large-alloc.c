/* SPDX-License-Identifier: GPL-3.0-or-later */
/* large-alloc.c — see large-alloc.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "large-alloc.h"

gpointer
coordena_large_alloc (gsize bytes)
{
#ifdef MADV_HUGEPAGE
  const gsize huge = 2 * 1024 * 1024;

  if (bytes >= huge / 2)
    {
      void *p = NULL;
      gsize rounded = (bytes + huge - 1) / huge * huge;

      if (rounded >= bytes && posix_memalign (&p, huge, rounded) == 0)
        {
          madvise (p, rounded, MADV_HUGEPAGE);
          return p;
        }
    }
#endif
  return g_malloc (MAX (bytes, 1));
}

void
large_array_init (LargeArray *a, gsize elt)
{
  a->data = NULL;
  a->len = a->cap = 0;
  a->elt = elt;
}

static void
reserve (LargeArray *a, gsize n, gboolean exact)
{
  gsize cap = MAX (a->cap, 16);
  gpointer bigger;

  if (n <= a->cap)
    return;
  while (cap < n)
    cap *= 2;
  if (exact)
    cap = n;
  bigger = coordena_large_alloc (cap * a->elt);
  if (a->len > 0)
    memcpy (bigger, a->data, a->len * a->elt);
  g_free (a->data);
  a->data = bigger;
  a->cap = cap;
}

void
large_array_reserve (LargeArray *a, gsize n)
{
  reserve (a, n, FALSE);
}

void
large_array_reserve_exact (LargeArray *a, gsize n)
{
  reserve (a, n, TRUE);
}

void
large_array_append (LargeArray *a, gconstpointer data, gsize n)
{
  if (n == 0)
    return;
  large_array_reserve (a, a->len + n);
  memcpy ((guchar *) a->data + a->len * a->elt, data, n * a->elt);
  a->len += n;
}

void
large_array_clear (LargeArray *a)
{
  g_clear_pointer (&a->data, g_free);
  a->len = a->cap = 0;
}
