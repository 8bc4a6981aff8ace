/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keyfile.c — GKeyFile reads guarded against a GLib 2.74 double-error on bad escapes (keyfile.h). */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/keyfile.h>

static gboolean
escapes_ok (GKeyFile *kf, const char *group, const char *key, const char *allowed)
{
  g_autofree char *raw = g_key_file_get_value (kf, group, key, NULL);

  if (raw == NULL)
    return TRUE;   /* missing: the caller's read says so */
  for (const char *p = raw; *p != '\0'; p++)
    {
      if (*p != '\\')
        continue;
      p++;
      if (*p == '\0' || strchr (allowed, *p) == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
coordena_key_file_value_escapes_ok (GKeyFile *kf, const char *group, const char *key)
{
  return escapes_ok (kf, group, key, "sntr\\;");
}

static gboolean
check (GKeyFile *kf, const char *group, const char *key, gboolean list, GError **error)
{
  if (escapes_ok (kf, group, key, list ? "sntr\\;" : "sntr\\"))
    return TRUE;
  g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
               _("the value holds a backslash that starts no known escape (use \\\\ for a backslash)"));
  return FALSE;
}

char *
coordena_key_file_get_string (GKeyFile *kf, const char *group, const char *key, GError **error)
{
  if (!check (kf, group, key, FALSE, error))
    return NULL;
  return g_key_file_get_string (kf, group, key, error);
}

char **
coordena_key_file_get_string_list (GKeyFile *kf, const char *group, const char *key, gsize *length, GError **error)
{
  if (!check (kf, group, key, TRUE, error))
    {
      if (length != NULL)
        *length = 0;
      return NULL;
    }
  return g_key_file_get_string_list (kf, group, key, length, error);
}
