/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-utils.h — what the test programs share: the real coordena-cli run as a user runs it, and a
 * temporary folder removed with all it holds. */
#pragma once

#include <stdarg.h>

#include <gio/gio.h>

G_BEGIN_DECLS

/* What one run of coordena-cli left: its exit status (128 + signal when it died) and its output. */
typedef struct {
  int status;
  char *out;
  char *err;
} Run;

void run_clear (Run *r);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* How to run it; every field may be left zero. */
typedef struct {
  const char *db;              /* passed as --db DB before the arguments */
  const char *const *env;      /* NAME, VALUE, … NULL: set for the child only */
  const char *cwd;             /* the child's working folder */
  gboolean raw;                /* output may be any bytes; otherwise it must be valid UTF-8 */
  const char *const *prefix;   /* a command (NULL-terminated) the CLI runs under, e.g. prlimit */
  GSpawnChildSetupFunc child_setup; /* run in the child before exec (drop privileges…) */
} RunOptions;

/* Runs $COORDENA_CLI with the arguments (NULL-terminated) and waits for it; r is cleared first.
 * A crash fails the test (and the next case still runs), since no input may make the program die. */
void run_cli (Run *r, const RunOptions *options, const char *const *args);
/* The same with the arguments as a NULL-terminated va_list. */
void run_cli_valist (Run *r, const RunOptions *options, va_list args);

/* Removes path and everything below it, never following a symbolic link; missing is fine. */
void remove_tree (const char *path);

/* The whole file as text; the test fails when it cannot be read. */
char *read_text (const char *path);

G_END_DECLS
