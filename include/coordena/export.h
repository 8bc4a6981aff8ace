/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export.h — the roster back out of the store: the interchange CSV (import → export → import gives
 * the same database) and a teams table for spreadsheets. Files are written atomically, mode 0600. */
#pragma once

#include <coordena/store.h>

G_BEGIN_DECLS

/* Every team-competência and member as the roster interchange CSV (UTF-8, ';'). */
gboolean coordena_export_roster_csv (CoordenaStore *store, const char *path, GError **error);

/* One row per team with its municipality, type, last competência and members, in pt-BR (';',
 * decimal comma, DD/MM/AAAA), for spreadsheets. */
gboolean coordena_export_teams_csv (CoordenaStore *store, const char *path, GError **error);

/* Writes contents to path atomically with mode 0600. */
gboolean coordena_write_file_private (const char *path, const char *contents, gsize length, GError **error);

G_END_DECLS
