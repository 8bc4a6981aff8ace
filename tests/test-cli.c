/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line as a user types it: the real coordena-cli binary, its output and exit codes. */
#include "config.h"

#include <gio/gio.h>

#include "test-utils.h"


/* Runs coordena-cli with the given arguments (NULL-terminated) and extra environment. */
static void
cli (Run *r, const char *const *env, ...)
{
  va_list args;

  va_start (args, env);
  run_cli_valist (r, &(RunOptions) { .env = env }, args);
  va_end (args);
}

static const char *const english[] = { "LANGUAGE", "C", "LC_ALL", "C.UTF-8", NULL };
static const char *const portuguese[] = { "LANGUAGE", "pt_BR", "LC_ALL", "pt_BR.UTF-8", NULL };

static void
test_version (void)
{
  g_auto(Run) r = { 0 };

  cli (&r, english, "--version", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "coordena-cli " PACKAGE_VERSION "\n");
}

static void
test_help_lists_commands (void)
{
  g_auto(Run) r = { 0 };

  cli (&r, english, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--db"));
  g_assert_nonnull (strstr (r.out, "info"));
  g_assert_nonnull (strstr (r.out, "help COMMAND"));
}

static void
test_help_in_portuguese (void)
{
  g_auto(Run) r = { 0 };

  cli (&r, portuguese, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Uso: coordena-cli"));
  g_assert_nonnull (strstr (r.out, "Comandos:"));
  g_assert_nonnull (strstr (r.out, "banco de dados"));
}

static void
test_no_command_is_usage_error (void)
{
  g_auto(Run) r = { 0 };

  cli (&r, english, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "Usage:"));
}

static void
test_unknown_command_in_portuguese (void)
{
  g_auto(Run) r = { 0 };

  cli (&r, portuguese, "avaliar", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "comando desconhecido “avaliar”"));
  g_assert_cmpstr (r.out, ==, "");
}

static void
test_unknown_option (void)
{
  g_auto(Run) r = { 0 };

  cli (&r, english, "--dbx", "info", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--dbx"));
}

static void
test_db_needs_value (void)
{
  g_auto(Run) r = { 0 };

  cli (&r, english, "--db", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--db"));
}

static void
test_info_uses_db (void)
{
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };

  cli (&a, english, "--db", "/tmp/x/estado.db", "info", NULL);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_nonnull (strstr (a.out, "/tmp/x/estado.db"));
  g_assert_nonnull (strstr (a.out, PACKAGE_VERSION));

  cli (&b, english, "--db=/tmp/y.db", "info", NULL);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_nonnull (strstr (b.out, "/tmp/y.db"));
}

static void
test_info_default_db (void)
{
  const char *const env[] = { "LANGUAGE", "C", "XDG_DATA_HOME", "/tmp/coordena-xdg-test", NULL };
  g_auto(Run) r = { 0 };

  cli (&r, env, "info", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "/tmp/coordena-xdg-test/coordena/coordena.db"));
}

static void
test_command_help_and_extra_args (void)
{
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };

  cli (&a, english, "help", "info", NULL);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_nonnull (strstr (a.out, "info"));

  cli (&b, english, "info", "demais", NULL);
  g_assert_cmpint (b.status, ==, 2);
  g_assert_nonnull (strstr (b.err, "info"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help-lists-commands", test_help_lists_commands);
  g_test_add_func ("/cli/help-in-portuguese", test_help_in_portuguese);
  g_test_add_func ("/cli/no-command", test_no_command_is_usage_error);
  g_test_add_func ("/cli/unknown-command-pt", test_unknown_command_in_portuguese);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/db-needs-value", test_db_needs_value);
  g_test_add_func ("/cli/info-uses-db", test_info_uses_db);
  g_test_add_func ("/cli/info-default-db", test_info_default_db);
  g_test_add_func ("/cli/command-help-and-extra-args", test_command_help_and_extra_args);

  return g_test_run ();
}
