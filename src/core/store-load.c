/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-load.c — the roster snapshot the rules read, built from the database in one pass. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/error.h>
#include <coordena/ruleset.h>
#include <coordena/store.h>

#include "store-private.h"

CoordenaRoster *
coordena_store_load_roster (CoordenaStore *store, GError **error)
{
  g_autoptr(CoordenaCboMap) map = coordena_cbo_map_load (error);

  if (map == NULL)
    return NULL;
  return coordena_store_load_roster_with_map (store, map, error);
}

typedef struct {
  char *cns;
  char *nome;
  guint prof;  /* the builder's index; G_MAXUINT until a member row names it */
} KnownProfessional;

static void
known_professional_clear (gpointer data)
{
  KnownProfessional *known = data;

  g_free (known->cns);
  g_free (known->nome);
}

CoordenaRoster *
coordena_store_load_roster_with_map (CoordenaStore *store, const CoordenaCboMap *map, GError **error)
{
  g_autoptr(CoordenaRosterBuilder) builder = coordena_roster_builder_new ();
  g_autoptr(GHashTable) team_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) prof_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) professionals = g_array_new (FALSE, FALSE, sizeof (KnownProfessional));
  CoordenaSqlStmt *stmt;
  int rc;
  gint64 last_eid = 0;
  gboolean have_last = FALSE;
  guint last_team = G_MAXUINT;
  /* The database serves one state: a team of another (typed in by hand, restored from an old
   * backup) is not forecast, evaluated, reported or notified. "%" before init: every team. */
  guint uf = coordena_store_get_uf_code (store);
  g_autofree char *uf_like = uf > 0 ? g_strdup_printf ("%02u%%", uf) : g_strdup ("%");

  g_array_set_clear_func (professionals, known_professional_clear);
  /* Set queries, each one pass: strata, team-months, professionals, members. */
  stmt = coordena_store_prepare (store,
                                 "SELECT ibge7, ied_estrato FROM municipio WHERE ied_estrato IS NOT NULL "
                                 "AND ibge7 IN (SELECT ibge7 FROM equipe) AND ibge7 LIKE ?1", error);
  if (stmt == NULL)
    return NULL;
  coordena_sql_bind_text (stmt, 1, uf_like);
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    coordena_roster_builder_set_ied_stratum (builder, (const char *) coordena_sql_column_text (stmt, 0),
                                             (guint) coordena_sql_column_int (stmt, 1));
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    goto db_error;

  stmt = coordena_store_prepare (store,
                                 "SELECT e.id, e.ine, e.cnes, e.ibge7, e.nome, e.valor_base, ec.competencia, ec.tipo, "
                                 "       ec.provimento, ec.sem_producao "
                                 "FROM equipe_competencia ec JOIN equipe e ON e.id = ec.equipe_id WHERE e.ibge7 LIKE ?1", error);
  if (stmt == NULL)
    return NULL;
  coordena_sql_bind_text (stmt, 1, uf_like);
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      gint64 id = coordena_sql_column_int64 (stmt, 0);
      gpointer found;
      guint team;
      guint flags = 0;

      if (g_hash_table_lookup_extended (team_index, &id, NULL, &found))
        team = GPOINTER_TO_UINT (found);
      else
        {
          team = coordena_roster_builder_add_team (builder,
                                                   (const char *) coordena_sql_column_text (stmt, 1),
                                                   (const char *) coordena_sql_column_text (stmt, 2),
                                                   (const char *) coordena_sql_column_text (stmt, 3),
                                                   (const char *) coordena_sql_column_text (stmt, 4));
          g_hash_table_insert (team_index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (team));
        }
      if (coordena_sql_column_int (stmt, 8))
        flags |= COORDENA_TEAM_FLAG_PROVIMENTO;
      if (coordena_sql_column_int (stmt, 9))
        flags |= COORDENA_TEAM_FLAG_SEM_PRODUCAO;
      coordena_roster_builder_add_team_month (builder, team, (CoordenaCompetencia) coordena_sql_column_int (stmt, 6),
                                              coordena_store_type_from_db ((const char *) coordena_sql_column_text (stmt, 7)),
                                              flags,
                                              coordena_sql_column_is_null (stmt, 5)
                                                ? COORDENA_BASE_UNKNOWN : coordena_sql_column_int64 (stmt, 5));
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    goto db_error;

  /* The professionals first, by id: a join would look each member row's professional up in the
   * table's b-tree, a million lookups for a state; a state has some tens of thousands of them. A
   * professional reaches the builder at its first member row, as the join gave them. */
  stmt = coordena_store_prepare (store, "SELECT id, cns, nome FROM profissional", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      KnownProfessional known = { g_strdup ((const char *) coordena_sql_column_text (stmt, 1)),
                                  g_strdup ((const char *) coordena_sql_column_text (stmt, 2)), G_MAXUINT };
      gint64 pid = coordena_sql_column_int64 (stmt, 0);

      g_array_append_val (professionals, known);
      g_hash_table_insert (prof_index, g_memdup2 (&pid, sizeof pid), GUINT_TO_POINTER (professionals->len - 1));
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    goto db_error;

  stmt = coordena_store_prepare (store, "SELECT equipe_id, competencia, profissional_id, cbo, horas FROM vinculo", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      gint64 eid = coordena_sql_column_int64 (stmt, 0);
      gint64 pid = coordena_sql_column_int64 (stmt, 2);
      const char *cbo = (const char *) coordena_sql_column_text (stmt, 3);
      KnownProfessional *known;
      gpointer found;

      /* Rows come by team: a team's rows follow each other. Every vinculo has its team-month
       * (foreign key), so the team is known; one of another state is left out. */
      if (!have_last || eid != last_eid)
        {
          have_last = TRUE;
          last_eid = eid;
          last_team = g_hash_table_lookup_extended (team_index, &eid, NULL, &found) ? GPOINTER_TO_UINT (found) : G_MAXUINT;
        }
      if (last_team == G_MAXUINT || !g_hash_table_lookup_extended (prof_index, &pid, NULL, &found))
        continue;
      known = &g_array_index (professionals, KnownProfessional, GPOINTER_TO_UINT (found));
      if (known->prof == G_MAXUINT)
        known->prof = coordena_roster_builder_add_professional (builder, known->cns, known->nome);
      coordena_roster_builder_add_member (builder, last_team, (CoordenaCompetencia) coordena_sql_column_int (stmt, 1),
                                          known->prof, cbo, coordena_cbo_map_lookup (map, cbo),
                                          (guint) coordena_sql_column_int (stmt, 4));
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    goto db_error;

  return coordena_roster_builder_finish (g_steal_pointer (&builder), error);

db_error:
  coordena_store_set_error (store, error, _("reading the roster"));
  return NULL;
}

guint
coordena_store_count_teams_outside_uf (CoordenaStore *store)
{
  guint uf = coordena_store_get_uf_code (store), n = 0;
  g_autofree char *uf_like = g_strdup_printf ("%02u%%", uf);
  CoordenaSqlStmt *stmt;

  if (uf == 0 || (stmt = coordena_store_prepare (store, "SELECT count(*) FROM equipe WHERE ibge7 NOT LIKE ?1", NULL)) == NULL)
    return 0;
  coordena_sql_bind_text (stmt, 1, uf_like);
  if (coordena_sql_step (stmt) == COORDENA_SQL_ROW)
    n = (guint) coordena_sql_column_int (stmt, 0);
  coordena_sql_finalize (stmt);
  return n;
}
