/* SPDX-License-Identifier: GPL-3.0-or-later */
/* number-map.h — a number (never 0) → a number (0: none), open addressing with key and value side
 * by side, one cache line per probe and no allocation per key: teams by INE and professionals by
 * CNS, for the roster builder and the roster readers. */
#pragma once

#include <string.h>
#include <glib.h>

#include "large-alloc.h"

G_BEGIN_DECLS

typedef struct {
  guint64 key;
  guint value;
} NumberSlot;

typedef struct {
  NumberSlot *slots;   /* NULL until the first insert */
  guint bits;          /* size = 1 << bits */
  gsize used;
} NumberMap;

/* Where key's probe starts. */
static inline gsize
number_home (const NumberMap *m, guint64 key)
{
  return (gsize) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - m->bits));
}

/* Asks the processor for key's slot ahead of a lookup: a large table's slots are cache misses. */
static inline void
number_prefetch (const NumberMap *m, guint64 key)
{
  if (m->slots != NULL)
    __builtin_prefetch (&m->slots[number_home (m, key)]);
}

static inline gsize
number_probe (const NumberMap *m, guint64 key)
{
  gsize mask = ((gsize) 1 << m->bits) - 1;
  gsize i = number_home (m, key);

  while (m->slots[i].key != 0 && m->slots[i].key != key)
    i = (i + 1) & mask;
  return i;
}

/* The value of key, or 0. */
static inline guint
number_find (const NumberMap *m, guint64 key)
{
  return m->slots != NULL ? m->slots[number_probe (m, key)].value : 0;
}

/* Doubles the table (or makes its first one). */
static inline void
number_grow (NumberMap *m)
{
  NumberMap bigger = { NULL, m->slots == NULL ? 10 : m->bits + 1, m->used };

  /* Zeroed by writing, not by calloc: a large calloc maps every page to the shared zero page,
   * and the first lookup that reads a page then the insert that writes it fault twice. */
  bigger.slots = coordena_large_alloc (sizeof (NumberSlot) << bigger.bits);
  memset (bigger.slots, 0, sizeof (NumberSlot) << bigger.bits);
  for (gsize k = 0; m->slots != NULL && k < ((gsize) 1 << m->bits); k++)
    if (m->slots[k].key != 0)
      bigger.slots[number_probe (&bigger, m->slots[k].key)] = m->slots[k];
  g_free (m->slots);
  *m = bigger;
}

/* Room for n keys, at most half full, without growing step by step. */
static inline void
number_reserve (NumberMap *m, gsize n)
{
  while (m->slots == NULL || (((gsize) 1 << m->bits) < 2 * n && m->bits < 31))
    number_grow (m);
}

/* Sets the value of key (never 0), growing the table at half full. */
static inline void
number_insert (NumberMap *m, guint64 key, guint value)
{
  NumberSlot *slot;

  if (m->slots == NULL || (m->used + 1) * 2 > ((gsize) 1 << m->bits))
    number_grow (m);
  slot = &m->slots[number_probe (m, key)];
  if (slot->key == 0)
    m->used++;
  slot->key = key;
  slot->value = value;
}

static inline void
number_map_clear (NumberMap *m)
{
  g_clear_pointer (&m->slots, g_free);
  m->used = 0;
}

G_END_DECLS
