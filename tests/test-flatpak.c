/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Flatpak manifest parses and builds everything Coordena links against that the GNOME
 * runtime does not ship, with no more sandbox holes than a desktop app needs. */
#include "config.h"

#include <json-glib/json-glib.h>

static JsonObject *manifest;

static JsonObject *
find_module (const char *name)
{
  JsonArray *modules = json_object_get_array_member (manifest, "modules");

  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonObject *m = json_array_get_object_element (modules, i);
      if (g_str_equal (json_object_get_string_member (m, "name"), name))
        return m;
    }
  return NULL;
}

static void
test_identity (void)
{
  g_assert_cmpstr (json_object_get_string_member (manifest, "id"), ==, APP_ID);
  g_assert_cmpstr (json_object_get_string_member (manifest, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (json_object_get_string_member (manifest, "sdk"), ==, "org.gnome.Sdk");
  g_assert_cmpstr (json_object_get_string_member (manifest, "command"), ==, "coordena");
  g_assert_cmpint (g_ascii_strtoll (json_object_get_string_member (manifest, "runtime-version"), NULL, 10), >=, 45);
}

static void
test_modules (void)
{
  JsonArray *modules = json_object_get_array_member (manifest, "modules");
  JsonObject *harfu = find_module ("libharu");
  JsonObject *app = find_module ("coordena");
  JsonObject *source;

  /* Not in the GNOME runtime: libharu (PDF), libcsv (CSV reader), Carlito (the ofício's font). */
  g_assert_nonnull (harfu);
  g_assert_cmpstr (json_object_get_string_member (harfu, "buildsystem"), ==, "cmake-ninja");
  source = json_array_get_object_element (json_object_get_array_member (harfu, "sources"), 0);
  g_assert_true (json_object_has_member (source, "tag") || json_object_has_member (source, "sha256"));
  g_assert_nonnull (find_module ("libcsv"));
  g_assert_nonnull (find_module ("fonts-carlito"));

  /* The app is built last, with meson. */
  g_assert_nonnull (app);
  g_assert_cmpstr (json_object_get_string_member (app, "buildsystem"), ==, "meson");
  g_assert_true (json_array_get_object_element (modules, json_array_get_length (modules) - 1) == app);
}

static void
test_sources_pinned (void)
{
  JsonArray *modules = json_object_get_array_member (manifest, "modules");

  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonObject *m = json_array_get_object_element (modules, i);
      JsonArray *sources = json_object_get_array_member (m, "sources");

      for (guint j = 0; j < json_array_get_length (sources); j++)
        {
          JsonObject *s = json_array_get_object_element (sources, j);
          const char *type = json_object_get_string_member (s, "type");

          if (g_str_equal (type, "git"))
            g_assert_true (json_object_has_member (s, "tag") || json_object_has_member (s, "commit"));
          else if (g_str_equal (type, "file") || g_str_equal (type, "archive"))
            g_assert_cmpuint (strlen (json_object_get_string_member (s, "sha256")), ==, 64);
        }
    }
}

static void
test_finish_args_minimal (void)
{
  JsonArray *args = json_object_get_array_member (manifest, "finish-args");
  const char *wanted[] = { "--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=dri" };

  for (guint w = 0; w < G_N_ELEMENTS (wanted); w++)
    {
      gboolean found = FALSE;
      for (guint i = 0; i < json_array_get_length (args); i++)
        found |= g_str_equal (json_array_get_string_element (args, i), wanted[w]);
      g_assert_true (found);
    }
  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);
      /* Files come through the portal; the network is never needed. */
      g_assert_false (g_str_has_prefix (arg, "--filesystem"));
      g_assert_false (g_str_equal (arg, "--share=network"));
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "flatpak",
                                            APP_ID ".json", NULL);

  g_test_init (&argc, &argv, NULL);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  manifest = json_node_get_object (json_parser_get_root (parser));

  g_test_add_func ("/flatpak/identity", test_identity);
  g_test_add_func ("/flatpak/modules", test_modules);
  g_test_add_func ("/flatpak/sources-pinned", test_sources_pinned);
  g_test_add_func ("/flatpak/finish-args-minimal", test_finish_args_minimal);

  return g_test_run ();
}
