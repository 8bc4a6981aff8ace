/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "test-utils.h"

void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

static char *
take_output (GBytes *bytes, gboolean raw, const char *stream)
{
  gsize n = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &n) : NULL;
  char *text = n > 0 ? g_strndup (data, n) : g_strdup ("");

  if (!raw && !g_utf8_validate (text, -1, NULL))
    {
      g_test_message ("coordena-cli wrote invalid UTF-8 on %s", stream);
      g_test_fail ();
    }
  return text;
}

void
run_cli (Run *r, const RunOptions *options, const char *const *args)
{
  static const RunOptions defaults = { 0 };
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                                     | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  const char *cli = g_getenv ("COORDENA_CLI");

  if (options == NULL)
    options = &defaults;
  g_assert_nonnull (cli);
  run_clear (r);

  for (guint i = 0; options->prefix != NULL && options->prefix[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) options->prefix[i]);
  g_ptr_array_add (argv, (gpointer) cli);
  if (options->db != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, (gpointer) options->db);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  for (guint i = 0; options->env != NULL && options->env[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, options->env[i], options->env[i + 1], TRUE);
  if (options->cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, options->cwd);
  if (options->child_setup != NULL)
    g_subprocess_launcher_set_child_setup (launcher, options->child_setup, NULL, NULL);

  proc = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  r->out = take_output (out, options->raw, "stdout");
  r->err = take_output (err, options->raw, "stderr");
  if (g_subprocess_get_if_exited (proc))
    r->status = g_subprocess_get_exit_status (proc);
  else
    {
      r->status = 128 + g_subprocess_get_term_sig (proc);
      g_test_message ("coordena-cli died on signal %d; stderr:\n%s", g_subprocess_get_term_sig (proc), r->err);
      g_test_fail ();
    }
}

void
run_cli_valist (Run *r, const RunOptions *options, va_list args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;

  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);
  run_cli (r, options, (const char *const *) argv->pdata);
}

void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                                                   G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}
