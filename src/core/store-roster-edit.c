/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-roster-edit.c — the statements of the edits made by hand that the roster writer does
 * not cover; roster-edit.c composes the edits, their audit and their transaction. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "store-private.h"

gboolean
coordena_store_delete_team (CoordenaStore *store, const char *ine, GError **error)
{
  CoordenaSqlStmt *stmt = NULL;
  int rc;

  /* Its competências and memberships go with it (ON DELETE CASCADE); professionals stay, as
   * they may work in other teams. */
  if ((stmt = coordena_store_prepare (store, "DELETE FROM equipe WHERE ine = ?", error)) == NULL)
    return FALSE;
  coordena_sql_bind_text (stmt, 1, ine);
  rc = coordena_sql_step (stmt);
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    return coordena_store_set_error (store, error, _("removing the team"));
  return TRUE;
}

/* The SISAB flag is the user's, not the writer's: put back by hand. */
gboolean
coordena_store_mark_sem_producao (CoordenaStore *store, gint64 team_id, CoordenaCompetencia competencia,
                                  GError **error)
{
  CoordenaSqlStmt *stmt = NULL;
  int rc;

  if ((stmt = coordena_store_prepare (store,
                                      "UPDATE equipe_competencia SET sem_producao = 1 WHERE equipe_id = ? AND competencia = ?",
                                      error)) == NULL)
    return FALSE;
  coordena_sql_bind_int64 (stmt, 1, team_id);
  coordena_sql_bind_int (stmt, 2, (int) competencia);
  rc = coordena_sql_step (stmt);
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    return coordena_store_set_error (store, error, _("restoring the team"));
  return TRUE;
}

static gboolean
run (CoordenaStore *store, const char *sql, const char *text1, const char *text2, GError **error)
{
  CoordenaSqlStmt *stmt = NULL;
  int rc;

  if ((stmt = coordena_store_prepare (store, sql, error)) == NULL)
    return FALSE;
  if (text1 != NULL)
    coordena_sql_bind_text (stmt, 1, text1);
  else
    coordena_sql_bind_null (stmt, 1);
  if (text2 != NULL)
    coordena_sql_bind_text (stmt, 2, text2);
  rc = coordena_sql_step (stmt);
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    return coordena_store_set_error (store, error, _("undoing the edit"));
  return TRUE;
}

/* Every competência of the team goes (with its memberships); the team row and the scenario
 * changes planned for it stay. */
gboolean
coordena_store_delete_team_months (CoordenaStore *store, const char *ine, GError **error)
{
  return run (store, "DELETE FROM equipe_competencia WHERE equipe_id = (SELECT id FROM equipe WHERE ine = ?2)", NULL, ine,
              error);
}

gboolean
coordena_store_set_team_name (CoordenaStore *store, const char *ine, const char *name, GError **error)
{
  return run (store, "UPDATE equipe SET nome = ?1 WHERE ine = ?2", name, ine, error);
}

gboolean
coordena_store_set_professional_name (CoordenaStore *store, const char *cns, const char *name, GError **error)
{
  return run (store, "UPDATE profissional SET nome = ?1 WHERE cns = ?2", name, cns, error);
}

/* ---- Optimistic edits: the team as the database holds it now ---------------------------------- */

/* Holds the team against the other writers on a server. The transaction is READ COMMITTED, so
 * every statement after a lock sees what was committed before it: the advisory lock on the INE
 * makes two edits of the same team wait for each other, also when neither finds it yet (both
 * adding it); FOR UPDATE on its rows makes an import that rewrites the team (it updates the team
 * row, and inserting team-months or members needs a share lock on their parent rows) wait for the
 * edit, or the edit wait for the import and then see it. */
static gboolean
lock_team_on_server (CoordenaStore *store, const char *ine, GError **error)
{
  static const char *const statements[] = {
    "SELECT pg_advisory_xact_lock (hashtext ('coordena equipe ' || ?1::text))",
    "SELECT id FROM equipe WHERE ine = ?1 FOR UPDATE",
    "SELECT competencia FROM equipe_competencia WHERE equipe_id IN (SELECT id FROM equipe WHERE ine = ?1) FOR UPDATE",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      CoordenaSqlStmt *stmt = coordena_store_prepare (store, statements[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      coordena_sql_bind_text (stmt, 1, ine);
      while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
        ;
      coordena_sql_finalize (stmt);
      if (rc != COORDENA_SQL_DONE)
        return coordena_store_set_error (store, error, _("waiting for another change of the team"));
    }
  return TRUE;
}

CoordenaRoster *
coordena_store_lock_team (CoordenaStore *store, const char *ine, GError **error)
{
  g_autoptr(CoordenaRosterBuilder) builder = coordena_roster_builder_new ();
  g_autoptr(GHashTable) prof_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* The same teams the window's roster holds: those of the database's state. */
  guint uf = coordena_store_get_uf_code (store);
  g_autofree char *uf_like = uf > 0 ? g_strdup_printf ("%02u%%", uf) : g_strdup ("%");
  CoordenaSqlStmt *stmt;
  gboolean found = FALSE;
  guint team = 0;
  int rc;

  g_return_val_if_fail (coordena_store_in_transaction (store), NULL);

  if (coordena_store_is_server (store) && !lock_team_on_server (store, ine, error))
    return NULL;

  stmt = coordena_store_prepare (store,
                                 "SELECT e.ine, e.cnes, e.ibge7, e.nome, ec.competencia, ec.tipo, ec.provimento, "
                                 "       ec.sem_producao "
                                 "FROM equipe_competencia ec JOIN equipe e ON e.id = ec.equipe_id "
                                 "WHERE e.ine = ?1 AND e.ibge7 LIKE ?2 ORDER BY ec.competencia", error);
  if (stmt == NULL)
    return NULL;
  coordena_sql_bind_text (stmt, 1, ine);
  coordena_sql_bind_text (stmt, 2, uf_like);
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      guint flags = 0;

      if (!found)
        {
          team = coordena_roster_builder_add_team (builder, coordena_sql_column_text (stmt, 0),
                                                   coordena_sql_column_text (stmt, 1),
                                                   coordena_sql_column_text (stmt, 2),
                                                   coordena_sql_column_text (stmt, 3));
          found = TRUE;
        }
      if (coordena_sql_column_int (stmt, 6))
        flags |= COORDENA_TEAM_FLAG_PROVIMENTO;
      if (coordena_sql_column_int (stmt, 7))
        flags |= COORDENA_TEAM_FLAG_SEM_PRODUCAO;
      coordena_roster_builder_add_team_month (builder, team, (CoordenaCompetencia) coordena_sql_column_int (stmt, 4),
                                              coordena_store_type_from_db (coordena_sql_column_text (stmt, 5)), flags,
                                              COORDENA_BASE_UNKNOWN);
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    goto db_error;

  if (found)
    {
      stmt = coordena_store_prepare (store,
                                     "SELECT v.competencia, p.cns, p.nome, v.cbo, v.horas "
                                     "FROM vinculo v JOIN profissional p ON p.id = v.profissional_id "
                                     "JOIN equipe e ON e.id = v.equipe_id WHERE e.ine = ?1", error);
      if (stmt == NULL)
        return NULL;
      coordena_sql_bind_text (stmt, 1, ine);
      while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
        {
          const char *cns = coordena_sql_column_text (stmt, 1);
          gpointer prof;

          if (!g_hash_table_lookup_extended (prof_index, cns, NULL, &prof))
            {
              prof = GUINT_TO_POINTER (coordena_roster_builder_add_professional (builder, cns,
                                                                                 coordena_sql_column_text (stmt, 2)));
              g_hash_table_insert (prof_index, g_strdup (cns), prof);
            }
          /* The category matters to the rules, not to telling two versions apart. */
          coordena_roster_builder_add_member (builder, team, (CoordenaCompetencia) coordena_sql_column_int (stmt, 0),
                                              GPOINTER_TO_UINT (prof), coordena_sql_column_text (stmt, 3),
                                              COORDENA_CATEGORY_NONE, (guint) coordena_sql_column_int (stmt, 4));
        }
      coordena_sql_finalize (stmt);
      if (rc != COORDENA_SQL_DONE)
        goto db_error;
    }
  return coordena_roster_builder_finish (g_steal_pointer (&builder), error);

db_error:
  coordena_store_set_error (store, error, _("reading the team"));
  return NULL;
}

gboolean
coordena_store_last_team_change (CoordenaStore *store, const char *ine, char **when, char **who, char **action,
                                 GError **error)
{
  g_autofree char *entity = g_strdup_printf ("equipe %s", ine);
  g_autofree char *month_entity = g_strdup_printf ("%s/%%", ine);
  CoordenaSqlStmt *stmt;
  int rc;

  *when = *who = *action = NULL;
  /* Hand edits name the team; an import names its file, and may have rewritten any team. */
  stmt = coordena_store_prepare (store,
                                 "SELECT momento, usuario, acao FROM auditoria "
                                 "WHERE entidade = ?1 OR entidade = ?2 OR entidade LIKE ?3 "
                                 "OR acao IN ('import-cnes', 'import-roster', 'demo') ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  coordena_sql_bind_text (stmt, 1, entity);
  coordena_sql_bind_text (stmt, 2, ine);
  coordena_sql_bind_text (stmt, 3, month_entity);
  if ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      *when = coordena_store_column_dup (stmt, 0);
      *who = coordena_store_column_dup (stmt, 1);
      *action = coordena_store_column_dup (stmt, 2);
    }
  coordena_sql_finalize (stmt);
  if (rc == COORDENA_SQL_ERROR)
    return coordena_store_set_error (store, error, _("reading the audit log"));
  return TRUE;
}
