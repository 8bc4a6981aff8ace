/* SPDX-License-Identifier: GPL-3.0-or-later */
/* large-alloc.h — memory for the large arrays a roster is built in: filled once, front to back,
 * so on Linux they are placed on 2 MB boundaries and advised into huge pages, and the kernel
 * faults them in 512 times less often (on a virtual machine a page fault costs microseconds, and
 * a state's roster touches tens of megabytes). Freed with g_free(). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* bytes of memory, not cleared; huge pages from 1 MB. */
gpointer coordena_large_alloc (gsize bytes);

/* A growable array in such memory: data holds len elements of elt bytes, room for cap. */
typedef struct {
  gpointer data;
  gsize len;
  gsize cap;
  gsize elt;
} LargeArray;

void large_array_init (LargeArray *a, gsize elt);
/* Room for n elements at least: grows by doubling, or to exactly n when exact. */
void large_array_reserve_exact (LargeArray *a, gsize n);
void large_array_reserve (LargeArray *a, gsize n);
void large_array_clear (LargeArray *a);

/* A new element at the end, not cleared. */
static inline gpointer
large_array_push (LargeArray *a)
{
  if (G_UNLIKELY (a->len == a->cap))
    large_array_reserve (a, a->len + 1);
  return (guchar *) a->data + a->len++ * a->elt;
}

/* n elements copied at the end. */
void large_array_append (LargeArray *a, gconstpointer data, gsize n);

#define LARGE_INDEX(a, type, i) (((type *) (a).data)[i])

G_END_DECLS
