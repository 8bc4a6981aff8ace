/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay.c — runs a fuzz target over files, without libFuzzer: every seed and every input that
 * once crashed a target, so that `make test` (and its sanitizer build) keeps them fixed.
 * Arguments are files or folders (read in name order). */
#include <stdio.h>

#include "fuzz-common.h"

static int n_inputs;

static gint
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
replay_path (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        return;
      while ((name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (names, g_build_filename (path, name, NULL));
      g_ptr_array_sort (names, compare_paths);
      for (guint i = 0; i < names->len; i++)
        replay_path (names->pdata[i]);
    }
  else
    {
      g_autofree char *data = NULL;
      gsize size = 0;
      g_autoptr(GError) error = NULL;

      if (!g_file_get_contents (path, &data, &size, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          exit (1);
        }
      printf ("# %s (%zu bytes)\n", path, (size_t) size);
      fflush (stdout);
      LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
      n_inputs++;
    }
}

int
main (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    replay_path (argv[i]);
  printf ("%d inputs replayed without a fault\n", n_inputs);
  return n_inputs > 0 ? 0 : 1;
}
