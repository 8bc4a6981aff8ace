/* SPDX-License-Identifier: GPL-3.0-or-later */
/* profile.h — the secretariat's profile the ofício prints: which keys exist, what each accepts
 * (F/M, Nº/N.º, an opaque 8-bit PNG for the coat of arms), on top of the store's key/value table. */
#pragma once

#include <glib.h>

#include <coordena/store.h>

G_BEGIN_DECLS

typedef enum {
  COORDENA_PROFILE_TEXT,
  COORDENA_PROFILE_GENDER,   /* F or M */
  COORDENA_PROFILE_STYLE,    /* Nº or N.º */
  COORDENA_PROFILE_CLOSING,  /* Atenciosamente or Respeitosamente */
  COORDENA_PROFILE_EMAIL,
  COORDENA_PROFILE_SIGLA,    /* COAPS/SESA */
  COORDENA_PROFILE_PNG,      /* path of a PNG, stored as bytes */
  COORDENA_PROFILE_ADDRESSING, /* cargo ("À Senhora" + cargo) or decreto (Decreto 9.758/2019 art. 4 literally) */
  COORDENA_PROFILE_NEXT_NUMBER, /* the counter's next ofício number this year: not stored, moves the counter */
} CoordenaProfileKind;

typedef struct {
  const char *key;
  CoordenaProfileKind kind;
  const char *description;   /* English msgid */
} CoordenaProfileKey;

/* Every key, in the order `profile show` lists them; *n receives their number. */
const CoordenaProfileKey *coordena_profile_keys (guint *n);

/* The key's description, or NULL when the key does not exist. */
const CoordenaProfileKey *coordena_profile_lookup (const char *key);

/* What the window calls the key ("Nome da secretaria"), translated; the key itself when unknown. */
const char *coordena_profile_label (const char *key);

/* The message with every profile key it names replaced by its label, for a reader of the window
 * rather than of the command line. */
char *coordena_profile_name_fields (const char *message);

/* Checks a value for a key (for brasao, the PNG's bytes); refuses unknown keys, naming the known. */
gboolean coordena_profile_validate (const char *key, const char *value, GError **error);
gboolean coordena_profile_validate_png (GBytes *png, GError **error);

/* Sets a key (brasao: value is a PNG file, copied into the database); an empty value removes it.
 * One transaction, audited. */
gboolean coordena_profile_set (CoordenaStore *store, const char *key, const char *value, GError **error);

/* Every text value set, key → value (brasao → "PNG, N bytes" when stored). */
GHashTable *coordena_profile_load (CoordenaStore *store, GError **error);

G_END_DECLS
