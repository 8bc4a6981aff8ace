/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store.h — the roster database: one SQLite file holding the secretariat profile, the state's
 * municipalities, teams, professionals, memberships per competência, scenarios and the audit log;
 * or, for a secretariat that shares its work, the same tables in a PostgreSQL database, opened by
 * giving a libpq address ("postgresql://…" or "service=NAME") where a path goes. Everything below
 * works the same on both; what only a file has (its mode, its journal, a damaged file) is said so.
 *
 * Opening creates the file (mode 0600, in a 0700 directory) and applies the numbered migrations of
 * <datadir>/sql in order, one transaction each, after a backup copy next to the file. A damaged
 * file is refused with COORDENA_ERROR_DAMAGED and never written to. Every change a user makes runs
 * in one transaction (begin … commit) and leaves a row in the audit log.
 *
 * The connection, its transactions and its SQL stay inside the store's own files (store-private.h,
 * src/core/store-*.c); everything else calls the typed functions declared here.
 *
 * A store is one SQLite connection: use it from one thread at a time, and open another for a
 * worker thread (WAL lets it read while an import writes). */
#pragma once

#include <gio/gio.h>

#include <coordena/competencia.h>
#include <coordena/roster.h>

G_BEGIN_DECLS

typedef struct _CoordenaStore CoordenaStore;
typedef struct _CoordenaCboMap CoordenaCboMap; /* ruleset.h */

typedef enum {
  COORDENA_STORE_OPEN_DEFAULT = 0,
  COORDENA_STORE_OPEN_MUST_EXIST = 1 << 0, /* refuse a path where no database exists yet */
  COORDENA_STORE_OPEN_NO_MIGRATE = 1 << 1, /* read what is there; refuse an out-of-date schema */
  /* For commands that only read: never create, initialise or migrate a file. */
  COORDENA_STORE_OPEN_READ_ONLY = COORDENA_STORE_OPEN_MUST_EXIST | COORDENA_STORE_OPEN_NO_MIGRATE,
} CoordenaStoreOpenFlags;

/* Opens (creating when needed) and migrates the database at path. */
CoordenaStore *coordena_store_open (const char *path, GError **error);
CoordenaStore *coordena_store_open_full (const char *path, CoordenaStoreOpenFlags flags, GError **error);

/* A read-only connection that skips every check, to read a WAL database while another connection
 * opens it with coordena_store_open_full(), which checks it: what this one reads may be used only
 * once that open has succeeded. NULL when the file is not a WAL database of the latest schema. */
CoordenaStore *coordena_store_open_unchecked_reader (const char *path);

/* Closes the database (NULL is fine). */
void coordena_store_close (CoordenaStore *store);

const char *coordena_store_get_path (CoordenaStore *store);

/* PRAGMA user_version of the open database, and the highest migration shipped. */
int coordena_store_get_schema_version (CoordenaStore *store);
int coordena_store_latest_schema_version (void);

/* A Portuguese sentence for what happened to the database at path
 * (in use, read-only, disk full, damaged, not a database…) and what to do, then what was being
 * done (may be NULL) and SQLite's text (detail, or the code's text when NULL) in parentheses. */
gboolean coordena_store_sqlite_error (GError **error, int rc, int sys_errno, const char *path, const char *doing,
                                      const char *detail);

/* Called (from the store's thread) when the store starts waiting for another program's lock, so
 * an interface can say so; the wait itself ends after a few seconds with a refusal. */
typedef void (*CoordenaStoreWaitFunc) (gpointer user_data);
void coordena_store_set_wait_func (CoordenaStore *store, CoordenaStoreWaitFunc func, gpointer user_data);

/* Notices for the user about what opening did (e.g. the file's permissions were made private),
 * NULL-terminated; empty when there is nothing to say. */
const char *const *coordena_store_get_notices (CoordenaStore *store);

/* ---- What other users change (a shared server) ------------------------------------------- */

/* A change another connection committed to the same server database. */
typedef struct {
  char *user;      /* as the audit log has it: "joana (papel coord_joana)" */
  char *action;    /* the audit action: "import-cnes", "oficio-generate"… */
  char *entity;
} CoordenaStoreChange;

void coordena_store_change_free (CoordenaStoreChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaStoreChange, coordena_store_change_free)

/* Starts hearing what other users of a server database commit (every audited action); on a file,
 * where no one else writes, it does nothing. */
gboolean coordena_store_watch_changes (CoordenaStore *store, GError **error);
/* The socket that becomes readable when a change may have arrived; −1 on a file. */
int coordena_store_get_change_fd (CoordenaStore *store);
/* The next change that arrived (oldest first), or NULL when none is waiting. Never blocks. */
CoordenaStoreChange *coordena_store_next_change (CoordenaStore *store);

/* Whether this connection may change the data: always on a file (opened for writing); on a
 * server, whether its login may add to the audit log, as every change does (role coordenação). */
gboolean coordena_store_can_write (CoordenaStore *store);
/* The server's PostgreSQL version ("15.8") and the login of the connection; NULL on a file. */
char *coordena_store_server_version (CoordenaStore *store);
char *coordena_store_server_user (CoordenaStore *store);
/* TRUE for what coordena_store_open takes as a server (postgresql://…, service=NAME), not a file. */
gboolean coordena_store_is_server_name (const char *name);

/* Appends to the audit log: now (UTC), the OS user, what was done, on what, and the JSON of the
 * entity before and after (either may be NULL). Call it inside the action's transaction. */
gboolean coordena_store_audit (CoordenaStore *store,
                               const char    *action,
                               const char    *entity,
                               const char    *before_json,
                               const char    *after_json,
                               GError       **error);

typedef struct {
  gint64 id;
  char *time;      /* "AAAA-MM-DDTHH:MM:SSZ" */
  char *user;
  char *action;
  char *entity;
  char *before;    /* JSON or NULL */
  char *after;     /* JSON or NULL */
} CoordenaAuditEntry;

void coordena_audit_entry_free (CoordenaAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaAuditEntry, coordena_audit_entry_free)

/* The audit log in order, from a day on (since may be NULL): an array of CoordenaAuditEntry. */
GPtrArray *coordena_store_list_audit (CoordenaStore *store, const GDate *since, GError **error);

/* ---- Secretariat profile: key → text or bytes ------------------------------------------- */

/* The text of a profile key, NULL when unset. */
char *coordena_store_get_profile (CoordenaStore *store, const char *key);
/* The bytes of a profile key (e.g. an image), NULL when unset. */
GBytes *coordena_store_get_profile_blob (CoordenaStore *store, const char *key);
/* Sets (value non-NULL) or removes (NULL) a key; these do not open a transaction or audit. */
gboolean coordena_store_set_profile (CoordenaStore *store, const char *key, const char *value, GError **error);
gboolean coordena_store_set_profile_blob (CoordenaStore *store, const char *key, GBytes *blob, GError **error);

/* The database's state ("RS"), NULL before init. */
char *coordena_store_get_uf (CoordenaStore *store);
/* The state's two-digit IBGE code (43 for RS), 0 before init. */
guint coordena_store_get_uf_code (CoordenaStore *store);
/* The UF, or a COORDENA_ERROR_INPUT error telling the user to run init. */
char *coordena_store_require_uf (CoordenaStore *store, GError **error);
/* TRUE when the roster holds generated demonstration data. */
gboolean coordena_store_is_demo (CoordenaStore *store);

/* Loads every UF and municipality from the reference tables and sets the state: one transaction,
 * audited. A database already set to another state is refused. */
gboolean coordena_store_init_uf (CoordenaStore *store, const char *uf, GError **error);

/* ---- Places -------------------------------------------------------------------------------- */

/* The 7-digit IBGE code of a municipality given by 6 or 7 digits, NULL when unknown. */
char *coordena_store_lookup_ibge7 (CoordenaStore *store, const char *ibge);
/* Sets (1–4) or clears (0) a municipality's IED stratum; audited, in its own transaction. */
gboolean coordena_store_set_ied_stratum (CoordenaStore *store, const char *ibge7, guint stratum, GError **error);

/* ---- Teams ----------------------------------------------------------------------------------- */

typedef struct {
  char *ine;
  char *cnes;
  char *ibge7;
  char *municipio;           /* municipality name */
  char *name;                /* NULL when unknown */
  char *tp_equipe;           /* the CNES type code as read, NULL when not from CNES */
  CoordenaTeamType type;     /* in the last competência */
  char *dt_ativacao;         /* AAAA-MM-DD or NULL */
  char *dt_desativacao;
  gint64 base_centavos;      /* override, or COORDENA_BASE_UNKNOWN */
  CoordenaCompetencia last_competencia;
  guint n_members;           /* in the last competência */
  guint n_competencias;
  gboolean demo;
  gboolean duplicidade;      /* a member is also in another eSF in the last competência */
} CoordenaStoreTeam;

void coordena_store_team_free (CoordenaStoreTeam *team);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaStoreTeam, coordena_store_team_free)

/* The teams sorted by municipality name then INE; ibge (6 or 7 digits, or NULL) filters. */
GPtrArray *coordena_store_list_teams (CoordenaStore *store, const char *ibge, GError **error);

/* Sets (≥ 0) or clears (COORDENA_BASE_UNKNOWN) a team's monthly base; audited. */
gboolean coordena_store_set_team_base (CoordenaStore *store, const char *ine, gint64 centavos, GError **error);
/* Sets a team-competência's flags (CoordenaTeamFlags); audited. */
gboolean coordena_store_set_team_flags (CoordenaStore *store, const char *ine, CoordenaCompetencia competencia,
                                        guint flags, GError **error);

/* The competências held, ascending. */
GArray *coordena_store_list_competencias (CoordenaStore *store, GError **error);

/* The roster snapshot the rules read, built from the database in one pass, categories from the
 * user's CBO map (coordena_cbo_map_load). */
CoordenaRoster *coordena_store_load_roster (CoordenaStore *store, GError **error);
/* The same with a given CBO → category map. */
CoordenaRoster *coordena_store_load_roster_with_map (CoordenaStore *store, const CoordenaCboMap *map, GError **error);
/* Teams of the database outside its state (typed in by hand, restored): the roster leaves them
 * out; the count lets a reader say so. 0 before init. */
guint coordena_store_count_teams_outside_uf (CoordenaStore *store);

/* ---- Backup ------------------------------------------------------------------------------- */

/* Refuses (COORDENA_ERROR_INPUT) a file the user named for writing when it is the database
 * itself or one of its files: its -wal, -shm or -journal, the ofício number register beside it,
 * or the copies kept by restore and migrations. Every command that writes a file the user names
 * calls it first. */
gboolean coordena_store_check_output_path (CoordenaStore *store, const char *path, GError **error);
/* The same for the database at db_path, for commands that write without opening it. */
gboolean coordena_store_check_output_name (const char *db_path, const char *path, GError **error);

/* Writes a consistent copy of the database to dest (atomically, mode 0600). */
gboolean coordena_store_backup (CoordenaStore *store, const char *dest, GError **error);

/* Replaces the database's content with a backup file, after checking it is a sound Coordena
 * database whose schema is exactly what this version's migrations create (an older one is then
 * migrated). A copy of another state is refused unless other_state is TRUE. Audited. */
gboolean coordena_store_restore (CoordenaStore *store, const char *source, GError **error);
gboolean coordena_store_restore_full (CoordenaStore *store, const char *source, gboolean other_state, GError **error);

/* Restores the backup source over the database at path that is damaged (quick_check fails): the
 * source is checked whole first, the damaged file (and its -wal) is moved aside, mode 0600, to
 * "<path>.danificado-AAAAMMDD-HHMMSS" (its name in moved_to), and the copy takes its place. A
 * database that is not damaged is refused: restore into it with coordena_store_restore_full. On
 * any failure the damaged file is put back. Returns the restored database, open. */
CoordenaStore *coordena_store_restore_damaged (const char *path, const char *source, gboolean other_state,
                                               char **moved_to, GError **error);

/* The state ("RS") a backup file belongs to, NULL when it has none or cannot be read. */
char *coordena_store_peek_uf (const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoordenaStore, coordena_store_close)

G_END_DECLS
