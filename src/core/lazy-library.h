/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lazy-library.h — a shared library loaded the first time a feature needs it (PostgreSQL's client
 * for a database server, libarchive for the CNES base): a command that needs neither starts
 * without loading them and the dozens of libraries they bring. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *soname;   /* "libpq.so.5" */
  const char *package;  /* the Debian package that holds it, for the message */
  const char *what;     /* what needs it, marked for translation ("using a database server") */
  gsize loaded;
  char *failure;
} CoordenaLazyLibrary;

/* Loads the library once (any thread) and fills slots[i] with symbols[i]; FALSE with a message
 * saying which package to install when it or a symbol is missing. */
gboolean coordena_lazy_library_load (CoordenaLazyLibrary *library,
                                     const char *const   *symbols,
                                     gpointer            *slots,
                                     guint                n,
                                     GError             **error);

/* For a list macro API(F) that calls F on each function a file uses: API (COORDENA_LAZY_FIELD)
 * declares a pointer named as each function, API (COORDENA_LAZY_NAME) lists their names. */
#define COORDENA_LAZY_FIELD(name) __typeof__ (name) *name;
#define COORDENA_LAZY_NAME(name) #name,

G_END_DECLS
