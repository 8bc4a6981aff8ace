/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hand-written key-file values: the reads rule sets and offers use never trip GLib's double error
 * (fatal here: the tests run with G_DEBUG=fatal-warnings) and refuse bad escapes in Portuguese. */
#include "config.h"

#include <locale.h>

#include <coordena/coordena.h>
#include <coordena/keyfile.h>

static GKeyFile *
key_file (const char *value)
{
  GKeyFile *kf = g_key_file_new ();
  g_autofree char *text = g_strdup_printf ("[G]\nk=%s\n", value);

  g_assert_true (g_key_file_load_from_data (kf, text, (gsize) -1, G_KEY_FILE_NONE, NULL));
  return kf;
}

static void
test_bad_escapes (void)
{
  const char *bad[] = { "\\A\\", "x\\;y\\", "a;\\A\\;b", "fim\\", "\\q" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GKeyFile) kf = key_file (bad[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *s = coordena_key_file_get_string (kf, "G", "k", &error);

      g_assert_null (s);
      g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE);
      if (i == 0)
        g_assert_cmpstr (error->message, ==, "o valor tem uma barra invertida que não inicia nenhum escape conhecido (use \\\\ para uma barra invertida)");
    }
  {
    g_autoptr(GKeyFile) kf = key_file ("a;\\A\\;b");
    g_autoptr(GError) error = NULL;
    gsize n = 9;
    g_auto(GStrv) list = coordena_key_file_get_string_list (kf, "G", "k", &n, &error);

    g_assert_null (list);
    g_assert_cmpuint (n, ==, 0);
    g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE);
  }
}

static void
test_good_values (void)
{
  g_autoptr(GKeyFile) kf = key_file ("Nota\\sTécnica\\tnº 441\\\\2025");
  g_autoptr(GKeyFile) lists = key_file ("a\\;b;c;e");
  g_autoptr(GError) error = NULL;
  g_autofree char *s = coordena_key_file_get_string (kf, "G", "k", &error);
  g_auto(GStrv) list = NULL;
  gsize n = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (s, ==, "Nota Técnica\tnº 441\\2025");
  list = coordena_key_file_get_string_list (lists, "G", "k", &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (list[0], ==, "a;b");
  g_assert_null (coordena_key_file_get_string (kf, "G", "missing", &error));
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  coordena_i18n_init ();
  g_test_add_func ("/keyfile/bad-escapes", test_bad_escapes);
  g_test_add_func ("/keyfile/good-values", test_good_values);
  return g_test_run ();
}
