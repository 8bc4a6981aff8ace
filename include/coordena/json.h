/* SPDX-License-Identifier: GPL-3.0-or-later */
/* json.h — JSON string literals for the audit log and the CLI's JSON output, where a whole JSON
 * library would be more than a quoted string needs. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends text as a JSON string literal (quoted, escaped); "null" for NULL. */
void coordena_json_append_string (GString *out, const char *text);

/* The same as a new string. */
char *coordena_json_string (const char *text);

G_END_DECLS
