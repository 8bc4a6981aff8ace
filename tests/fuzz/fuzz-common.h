/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-common.h — what the fuzz targets share: the shipped data found from the source tree, a
 * scratch file rewritten with each input, warnings made fatal (a hostile input that makes the
 * core warn is a finding). Each target defines LLVMFuzzerTestOneInput; libFuzzer or replay.c
 * calls it. */
#pragma once

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A warning or a critical from the core is a finding: print it and abort, which libFuzzer catches
 * (GLib's own fatal path raises SIGTRAP, which it does not). */
static inline void
fuzz_log_handler (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  g_log_default_handler (domain, level, message, data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
}

static inline void
fuzz_init_once (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_setenv ("COORDENA_DATADIR", FUZZ_DATADIR, FALSE);
      /* Inputs never reach the user's own rules, offers or database. */
      g_setenv ("XDG_DATA_HOME", "/nonexistent/coordena-fuzz", TRUE);
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      g_log_set_default_handler (fuzz_log_handler, NULL);
      g_once_init_leave (&done, 1);
    }
}

/* A private scratch folder for this process. */
static inline const char *
fuzz_scratch_dir (void)
{
  static char *dir = NULL;

  if (dir == NULL)
    {
      const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
      g_autofree char *tmpl = g_build_filename (base, "coordena-fuzz-XXXXXX", NULL);

      dir = g_mkdtemp (g_steal_pointer (&tmpl));
      g_assert_nonnull (dir);
    }
  return dir;
}

/* Writes the input to NAME in the scratch folder; returns the path (owned by the caller). */
static inline char *
fuzz_write (const char *name, const uint8_t *data, size_t size)
{
  char *path = g_build_filename (fuzz_scratch_dir (), name, NULL);

  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    abort ();
  return path;
}
