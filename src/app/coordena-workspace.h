/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include <coordena/offer.h>
#include <coordena/ruleset.h>
#include <coordena/store.h>
#include <coordena/summary.h>

G_BEGIN_DECLS

#define COORDENA_TYPE_WORKSPACE (coordena_workspace_get_type ())
G_DECLARE_FINAL_TYPE (CoordenaWorkspace, coordena_workspace, COORDENA, WORKSPACE, GObject)

/* The open database and what the screens show of it: the roster's summary under the chosen rule
 * set, recomputed in a worker thread whenever the data or the choice changes. */
CoordenaWorkspace *coordena_workspace_new (GSettings *settings);

/* The application's settings (show-full-cns, last-folder, recent databases…), or NULL when the
 * workspace runs without an application (some tests). */
GSettings *coordena_workspace_get_settings (CoordenaWorkspace *self);

/* The rule sets in use, loaded once on first use and owned by the workspace; NULL with the
 * reason in error when the catalogue cannot be read. Do not keep the pointer across
 * "catalog-changed". */
const CoordenaRuleCatalog *coordena_workspace_get_catalog (CoordenaWorkspace *self, GError **error);

/* Reads the catalogue again (a user rule file was added, changed or removed), emits
 * "catalog-changed" and reloads the summary. */
void coordena_workspace_reload_catalog (CoordenaWorkspace *self);

/* The federal offers (CoordenaOffer*), loaded once and owned by the workspace; an empty array
 * when none can be read. */
GPtrArray *coordena_workspace_get_offers (CoordenaWorkspace *self);

/* Shows a toast (an AdwToast) in the window that owns the workspace: emits "toast". */
void coordena_workspace_toast (CoordenaWorkspace *self, GObject *toast);

/* Opens (creating when needed) the database at path in a worker, then loads it; NULL means the
 * default file. "changed" follows; a failure is the workspace's error. */
void coordena_workspace_open (CoordenaWorkspace *self, const char *path);

/* TRUE once the database is open. */
gboolean coordena_workspace_is_open (CoordenaWorkspace *self);

CoordenaStore *coordena_workspace_get_store (CoordenaWorkspace *self);
const char *coordena_workspace_get_path (CoordenaWorkspace *self);

/* FALSE when the open database is a server where this login may only read (role leitura). */
gboolean coordena_workspace_can_write (CoordenaWorkspace *self);

/* TRUE until the database has a state: the window then shows the first-run screen. */
gboolean coordena_workspace_needs_setup (CoordenaWorkspace *self);
gboolean coordena_workspace_is_demo (CoordenaWorkspace *self);

/* Reloads the roster and recomputes the summary; "changed" follows when done. */
void coordena_workspace_reload (CoordenaWorkspace *self);

/* TRUE while a reload runs. */
gboolean coordena_workspace_is_loading (CoordenaWorkspace *self);

/* The latest summary (NULL before the first load) and its teams as CoordenaTeamItem. */
CoordenaSummary *coordena_workspace_get_summary (CoordenaWorkspace *self);
GListModel *coordena_workspace_get_teams (CoordenaWorkspace *self);

/* The last load's failure, or NULL. */
const GError *coordena_workspace_get_error (CoordenaWorkspace *self);

G_END_DECLS
