/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-purge.c — the statements of purge-personal-data: what a person is in the database, the
 * rewrite of each place that holds them, and the checkpoint that leaves no old page behind;
 * purge.c keeps the steps, the redaction of the audit JSON and what is said to the user. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/error.h>

#include "store-private.h"

/* Runs one statement with no result rows; returns the rows changed, or −1 with error set. */
static int
exec_changes (CoordenaStore *store, const char *sql, GError **error)
{
  CoordenaSqlConn *conn = coordena_store_get_conn (store);

  if (!coordena_sql_exec (conn, sql, _("removing personal data"), error))
    return -1;
  return (int) coordena_sql_changes (conn);
}

/* Adds every non-empty text of the query's first column to the set. */
static gboolean
collect (CoordenaStore *store, const char *sql, GHashTable *set, GError **error)
{
  CoordenaSqlStmt *st = NULL;
  int rc;

  if ((st = coordena_store_prepare (store, sql, error)) == NULL)
    return FALSE;
  while ((rc = coordena_sql_step (st)) == COORDENA_SQL_ROW)
    {
      const char *text = (const char *) coordena_sql_column_text (st, 0);

      if (text != NULL && *text != '\0')
        g_hash_table_add (set, g_strdup (text));
    }
  coordena_sql_finalize (st);
  if (rc != COORDENA_SQL_DONE)
    return coordena_store_set_error (store, error, _("removing personal data"));
  return TRUE;
}

gboolean
coordena_store_purge_collect_people (CoordenaStore *store, GHashTable *people, GError **error)
{
  return collect (store, "SELECT cns FROM profissional WHERE substr (cns, 1, 1) <> 'X'", people, error)
         && collect (store, "SELECT nome FROM profissional", people, error)
         && collect (store, "SELECT cns FROM cenario_mudanca", people, error)
         && collect (store, "SELECT responsavel FROM municipio_adesao", people, error)
         && collect (store, "SELECT acesso_titular FROM municipio_adesao", people, error)
         && collect (store, "SELECT nome FROM municipio_secretario", people, error);
}

gboolean
coordena_store_purge_redact_audit (CoordenaStore *store, char *(*redact) (const char *json, gpointer data),
                                   gpointer data, guint *n_changed, GError **error)
{
  CoordenaSqlStmt *read = NULL, *write = NULL;
  gboolean ok = TRUE;
  int rc;

  if ((read = coordena_store_prepare (store, "SELECT id, antes, depois FROM auditoria", error)) == NULL)
    return FALSE;
  if ((write = coordena_store_prepare (store, "UPDATE auditoria SET antes = ?2, depois = ?3 WHERE id = ?1", error))
      == NULL)
    {
      coordena_sql_finalize (read);
      return FALSE;
    }
  while (ok && (rc = coordena_sql_step (read)) == COORDENA_SQL_ROW)
    {
      const char *before = (const char *) coordena_sql_column_text (read, 1);
      const char *after = (const char *) coordena_sql_column_text (read, 2);
      g_autofree char *new_before = redact (before, data);
      g_autofree char *new_after = redact (after, data);

      if (new_before == NULL && new_after == NULL)
        continue;
      coordena_sql_bind_int64 (write, 1, coordena_sql_column_int64 (read, 0));
      coordena_sql_bind_text (write, 2, new_before != NULL ? new_before : before);
      coordena_sql_bind_text (write, 3, new_after != NULL ? new_after : after);
      ok = coordena_sql_step (write) != COORDENA_SQL_ERROR;
      coordena_sql_reset (write);
      (*n_changed)++;
    }
  if (ok && rc != COORDENA_SQL_DONE)
    ok = FALSE;
  coordena_sql_finalize (read);
  coordena_sql_finalize (write);
  if (!ok)
    return coordena_store_set_error (store, error, _("removing personal data"));
  return TRUE;
}

gboolean
coordena_store_purge_pseudonymise (CoordenaStore *store, CoordenaPurgeReport *report, GError **error)
{
  gboolean lite = coordena_store_engine (store) == COORDENA_SQL_SQLITE;
  int n;

  /* Scenario changes follow their professional's pseudonym; a CNS not in the roster is dropped. */
  if ((n = exec_changes (store, lite
         ? "UPDATE cenario_mudanca SET cns = (SELECT printf ('X%014d', p.id) FROM profissional p"
           " WHERE p.cns = cenario_mudanca.cns) WHERE cns IS NOT NULL AND substr (cns, 1, 1) <> 'X'"
         : "UPDATE cenario_mudanca SET cns = (SELECT 'X' || lpad (p.id::text, 14, '0') FROM profissional p"
           " WHERE p.cns = cenario_mudanca.cns) WHERE cns IS NOT NULL AND substr (cns, 1, 1) <> 'X'", error)) < 0)
    return FALSE;
  report->n_scenarios = (guint) n;
  if ((n = exec_changes (store, "UPDATE profissional SET nome = NULL WHERE nome IS NOT NULL", error)) < 0)
    return FALSE;
  report->n_names = (guint) n;
  if ((n = exec_changes (store, lite
         ? "UPDATE profissional SET cns = printf ('X%014d', id) WHERE substr (cns, 1, 1) <> 'X'"
         : "UPDATE profissional SET cns = 'X' || lpad (id::text, 14, '0') WHERE substr (cns, 1, 1) <> 'X'",
         error)) < 0)
    return FALSE;
  report->n_professionals = (guint) n;
  if ((n = exec_changes (store,
         "UPDATE municipio_adesao SET responsavel = NULL, acesso_titular = NULL"
         " WHERE responsavel IS NOT NULL OR acesso_titular IS NOT NULL", error)) < 0)
    return FALSE;
  report->n_contacts = (guint) n;
  if ((n = exec_changes (store, "DELETE FROM municipio_secretario", error)) < 0)
    return FALSE;
  report->n_contacts += (guint) n;
  return TRUE;
}

gboolean
coordena_store_purge_letters (CoordenaStore *store, char *(*redact) (const char *json, gpointer data), gpointer data,
                              guint *n_changed, GError **error)
{
  CoordenaSqlStmt *read = NULL, *write = NULL;
  gboolean ok = TRUE;
  int rc;

  /* A letter to a named municipal secretary carries the name in its PDF: the PDF goes, its number,
   * date, SHA-256 and teams stay; the inputs keep everything but the name. */
  if ((read = coordena_store_prepare (store, "SELECT id, entradas FROM notificacao WHERE length (pdf) > 0 "
                                            "AND entradas LIKE '%\"secretario_municipal\"%'", error)) == NULL)
    return FALSE;
  if ((write = coordena_store_prepare (store, "UPDATE notificacao SET pdf = ?2, entradas = ?3 WHERE id = ?1", error))
      == NULL)
    {
      coordena_sql_finalize (read);
      return FALSE;
    }
  while (ok && (rc = coordena_sql_step (read)) == COORDENA_SQL_ROW)
    {
      const char *inputs = (const char *) coordena_sql_column_text (read, 1);
      g_autofree char *redacted = redact (inputs, data);

      coordena_sql_bind_int64 (write, 1, coordena_sql_column_int64 (read, 0));
      coordena_sql_bind_blob (write, 2, "", 0);
      coordena_sql_bind_text (write, 3, redacted != NULL ? redacted : inputs);
      ok = coordena_sql_step (write) != COORDENA_SQL_ERROR;
      coordena_sql_reset (write);
      (*n_changed)++;
    }
  if (ok && rc != COORDENA_SQL_DONE)
    ok = FALSE;
  coordena_sql_finalize (read);
  coordena_sql_finalize (write);
  if (!ok)
    return coordena_store_set_error (store, error, _("removing personal data"));
  return TRUE;
}

gboolean
coordena_store_purge_secure_delete (CoordenaStore *store, GError **error)
{
  /* A server keeps old row versions, its WAL and its base backups where Coordena cannot overwrite
   * them: saying the data is gone would be false, so the purge is refused there. */
  if (coordena_store_engine (store) != COORDENA_SQL_SQLITE)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("Personal data cannot be removed for good from the database server %s by Coordena: the server "
                     "keeps old versions of rows, its journal and its backups. Copy the data to a file "
                     "(coordena-cli backup), remove the personal data there, and ask the secretariat’s IT to "
                     "restore that file into the server and to discard the server’s older backups. Nothing was "
                     "changed."),
                   coordena_store_get_path (store));
      return FALSE;
    }
  return coordena_store_exec (store, "PRAGMA secure_delete = ON", error);
}

/* Refused while another program reads (it would keep the old pages alive). Before the purge a
 * page is written first: a reader that started on an empty WAL does not stop a checkpoint with
 * nothing to copy, only one that has to overwrite the file under it. */
CoordenaStoreCheckpoint
coordena_store_checkpoint_truncate (CoordenaStore *store, gboolean rewrite, GError **error)
{
  sqlite3 *db = coordena_store_get_db (store);
  int n_log = -1, n_done = -1;
  int rc = SQLITE_OK;

  /* A server has no WAL file of ours to empty: the rows are rewritten, the rest is its own. */
  if (db == NULL)
    return COORDENA_STORE_CHECKPOINT_DONE;
  if (!rewrite)
    {
      g_autofree char *touch = g_strdup_printf ("PRAGMA user_version = %d", coordena_store_get_schema_version (store));

      rc = sqlite3_exec (db, touch, NULL, NULL, NULL);
    }
  /* After the purge, the file is rewritten whole first; it too stops on another program. */
  if (rewrite && rc == SQLITE_OK)
    rc = sqlite3_exec (db, "VACUUM", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &n_log, &n_done);

  if (rc == SQLITE_OK && n_log == 0)
    return COORDENA_STORE_CHECKPOINT_DONE;
  if (rc == SQLITE_OK || (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    return COORDENA_STORE_CHECKPOINT_BUSY;
  coordena_store_set_error (store, error, _("compacting the database after removing personal data"));
  return COORDENA_STORE_CHECKPOINT_FAILED;
}

GPtrArray *
coordena_store_purge_recorded_backups (CoordenaStore *store, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  CoordenaSqlStmt *st = coordena_store_prepare (store, "SELECT DISTINCT entidade FROM auditoria WHERE acao IN ('backup', 'restore') "
                                                    "AND entidade <> '' ORDER BY entidade", error);
  int rc;

  if (st == NULL)
    return NULL;
  while ((rc = coordena_sql_step (st)) == COORDENA_SQL_ROW)
    g_ptr_array_add (list, coordena_store_column_dup (st, 0));
  coordena_sql_finalize (st);
  if (rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (store, error, _("reading the audit log"));
      return NULL;
    }
  return g_steal_pointer (&list);
}
