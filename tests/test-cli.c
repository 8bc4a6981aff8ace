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

/* A machine with no language set: Coordena speaks Portuguese there too (issue 12, item 9). */
static const char *const c_locale[] = { "LANGUAGE", "", "LC_ALL", "C.UTF-8", NULL };
static const char *const posix[] = { "LANGUAGE", "", "LC_ALL", "C", NULL };
static const char *const portuguese[] = { "LANGUAGE", "pt_BR", "LC_ALL", "pt_BR.UTF-8", NULL };

static void
test_version (void)
{
  g_auto(Run) r = { 0 };

  cli (&r, c_locale, "--version", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "coordena-cli " PACKAGE_VERSION "\n");
}

static void
test_help_lists_commands (void)
{
  g_auto(Run) r = { 0 };

  cli (&r, c_locale, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--db"));
  g_assert_nonnull (strstr (r.out, "info"));
  g_assert_nonnull (strstr (r.out, "help COMANDO"));
  g_assert_nonnull (strstr (r.out, "Uso: coordena-cli"));
}

/* Under C.UTF-8, plain C, or a language without a catalogue, the program speaks Portuguese:
 * its messages, its errors and the figures it prints. */
static void
test_portuguese_without_a_language (void)
{
  const char *const english_us[] = { "LANGUAGE", "", "LC_ALL", "en_US.UTF-8", NULL };
  const char *const *envs[] = { c_locale, posix, english_us };

  for (guint i = 0; i < G_N_ELEMENTS (envs); i++)
    {
      g_auto(Run) help = { 0 };
      g_auto(Run) bad = { 0 };

      cli (&help, envs[i], "--help", NULL);
      g_assert_cmpint (help.status, ==, 0);
      g_assert_nonnull (strstr (help.out, "Uso: coordena-cli"));
      g_assert_null (strstr (help.out, "Usage:"));
      cli (&bad, envs[i], "avaliar", NULL);
      g_assert_cmpint (bad.status, ==, 2);
      g_assert_nonnull (strstr (bad.err, "comando desconhecido “avaliar”"));
    }
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

  cli (&r, c_locale, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "Uso:"));
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

  cli (&r, c_locale, "--dbx", "info", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--dbx"));
}

static void
test_db_needs_value (void)
{
  g_auto(Run) r = { 0 };

  cli (&r, c_locale, "--db", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--db"));
}

static void
test_info_uses_db (void)
{
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };

  cli (&a, c_locale, "--db", "/tmp/x/estado.db", "info", NULL);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_nonnull (strstr (a.out, "/tmp/x/estado.db"));
  g_assert_nonnull (strstr (a.out, PACKAGE_VERSION));

  cli (&b, c_locale, "--db=/tmp/y.db", "info", NULL);
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

  cli (&a, c_locale, "help", "info", NULL);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_nonnull (strstr (a.out, "info"));

  cli (&b, c_locale, "info", "demais", NULL);
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
  g_test_add_func ("/cli/portuguese-without-a-language", test_portuguese_without_a_language);
  g_test_add_func ("/cli/no-command", test_no_command_is_usage_error);
  g_test_add_func ("/cli/unknown-command-pt", test_unknown_command_in_portuguese);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/db-needs-value", test_db_needs_value);
  g_test_add_func ("/cli/info-uses-db", test_info_uses_db);
  g_test_add_func ("/cli/info-default-db", test_info_default_db);
  g_test_add_func ("/cli/command-help-and-extra-args", test_command_help_and_extra_args);

  return g_test_run ();
}
