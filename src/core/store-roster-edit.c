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
