/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keyfile.h — reading GKeyFile values a user may have written by hand (rule sets, offers).
 *
 * GLib 2.74 sets its error twice (a warning, and a leak) on a value holding an invalid escape
 * followed by a backslash at the end of the line, e.g. "Id=\A\". These read the raw value first
 * and refuse such a value themselves; otherwise they behave as the GLib calls they replace. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when every backslash of the raw value starts an escape a GKeyFile list knows
 * (\s \n \t \r \\ \;); a plain string knows the first five only. */
gboolean coordena_key_file_value_escapes_ok (GKeyFile *kf, const char *group, const char *key);

/* g_key_file_get_string(): NULL (and G_KEY_FILE_ERROR_INVALID_VALUE) on a bad escape. */
char *coordena_key_file_get_string (GKeyFile *kf, const char *group, const char *key, GError **error);

/* g_key_file_get_string_list(), with the same guard. */
char **coordena_key_file_get_string_list (GKeyFile *kf, const char *group, const char *key, gsize *length,
                                          GError **error);

G_END_DECLS
