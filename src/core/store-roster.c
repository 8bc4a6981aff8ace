/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-roster.c — the teams as the database holds them, their edits, and the roster snapshot. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/duplicidade.h>
#include <coordena/error.h>
#include <coordena/store.h>

#include "store-private.h"

const char *
coordena_store_type_to_db (CoordenaTeamType type)
{
  return coordena_team_type_to_string (type);
}

CoordenaTeamType
coordena_store_type_from_db (const char *text)
{
  if (g_strcmp0 (text, "eSF") == 0)
    return COORDENA_TEAM_TYPE_ESF;
  if (g_strcmp0 (text, "eAP20") == 0)
    return COORDENA_TEAM_TYPE_EAP20;
  if (g_strcmp0 (text, "eAP30") == 0)
    return COORDENA_TEAM_TYPE_EAP30;
  return COORDENA_TEAM_TYPE_OTHER;
}

void
coordena_store_team_free (CoordenaStoreTeam *team)
{
  if (team == NULL)
    return;
  g_free (team->ine);
  g_free (team->cnes);
  g_free (team->ibge7);
  g_free (team->municipio);
  g_free (team->name);
  g_free (team->tp_equipe);
  g_free (team->dt_ativacao);
  g_free (team->dt_desativacao);
  g_free (team);
}

/* Municipality names sort as a person reads them: "Áurea" among the A's, not after "Xangri-lá". */
static char *
sort_key (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name != NULL ? name : "", "C");

  return g_ascii_strdown (ascii, -1);
}

typedef struct {
  char *key;
  CoordenaStoreTeam *team;
} Keyed;

static int
cmp_keyed (gconstpointer a, gconstpointer b)
{
  const Keyed *x = a, *y = b;
  int c = strcmp (x->key, y->key);

  return c != 0 ? c : strcmp (x->team->ine, y->team->ine);
}

GPtrArray *
coordena_store_list_teams (CoordenaStore *store, const char *ibge, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_store_team_free);
  CoordenaSqlStmt *stmt;
  int rc;

  /* One query: each team with its last competência, that month's type and member count. */
  stmt = coordena_store_prepare (store,
    "WITH last AS ("
    "  SELECT equipe_id, max (competencia) AS competencia, count (*) AS n FROM equipe_competencia GROUP BY equipe_id"
    "), members AS ("
    "  SELECT v.equipe_id, count (DISTINCT v.profissional_id) AS n FROM vinculo v"
    "  JOIN last l ON l.equipe_id = v.equipe_id AND l.competencia = v.competencia GROUP BY v.equipe_id"
    ") "
    "SELECT e.ine, e.cnes, e.ibge7, m.nome, e.nome, e.tp_equipe, ec.tipo, e.dt_ativacao, e.dt_desativacao,"
    "       e.valor_base, l.competencia, coalesce (mb.n, 0), coalesce (l.n, 0), e.demo "
    "FROM equipe e JOIN municipio m ON m.ibge7 = e.ibge7 "
    "LEFT JOIN last l ON l.equipe_id = e.id "
    "LEFT JOIN equipe_competencia ec ON ec.equipe_id = e.id AND ec.competencia = l.competencia "
    "LEFT JOIN members mb ON mb.equipe_id = e.id "
    "WHERE CAST (?1 AS TEXT) IS NULL OR e.ibge7 = ?1 OR m.ibge6 = ?1 "
    "ORDER BY e.ine", error);
  if (stmt == NULL)
    return NULL;
  coordena_store_bind_text (stmt, 1, ibge);
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      CoordenaStoreTeam *t = g_new0 (CoordenaStoreTeam, 1);

      t->ine = coordena_store_column_dup (stmt, 0);
      t->cnes = coordena_store_column_dup (stmt, 1);
      t->ibge7 = coordena_store_column_dup (stmt, 2);
      t->municipio = coordena_store_column_dup (stmt, 3);
      t->name = coordena_store_column_dup (stmt, 4);
      t->tp_equipe = coordena_store_column_dup (stmt, 5);
      t->type = coordena_store_type_from_db ((const char *) coordena_sql_column_text (stmt, 6));
      t->dt_ativacao = coordena_store_column_dup (stmt, 7);
      t->dt_desativacao = coordena_store_column_dup (stmt, 8);
      t->base_centavos = coordena_sql_column_is_null (stmt, 9) ? COORDENA_BASE_UNKNOWN
                                                                      : coordena_sql_column_int64 (stmt, 9);
      t->last_competencia = (CoordenaCompetencia) coordena_sql_column_int (stmt, 10);
      t->n_members = (guint) coordena_sql_column_int (stmt, 11);
      t->n_competencias = (guint) coordena_sql_column_int (stmt, 12);
      t->demo = coordena_sql_column_int (stmt, 13) != 0;
      g_ptr_array_add (list, t);
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (store, error, _("reading the teams"));
      return NULL;
    }
  /* Duplicidade in each team's last competência: one set query, then a lookup per team. */
  {
    g_autoptr(GPtrArray) dups = coordena_store_list_duplicidades (store, 0, error);
    g_autoptr(GHashTable) flagged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    if (dups == NULL)
      return NULL;
    for (guint i = 0; i < dups->len; i++)
      {
        const CoordenaDuplicidade *d = dups->pdata[i];

        for (guint k = 0; k < d->ines->len; k++)
          g_hash_table_add (flagged, g_strdup_printf ("%s/%06u", (const char *) d->ines->pdata[k], d->competencia));
      }
    for (guint i = 0; i < list->len && g_hash_table_size (flagged) > 0; i++)
      {
        CoordenaStoreTeam *t = list->pdata[i];
        g_autofree char *key = g_strdup_printf ("%s/%06u", t->ine, t->last_competencia);

        t->duplicidade = g_hash_table_contains (flagged, key);
      }
  }
  {
    g_autoptr(GArray) keyed = g_array_sized_new (FALSE, FALSE, sizeof (Keyed), list->len);
    GPtrArray *sorted = g_ptr_array_new_full (list->len, (GDestroyNotify) coordena_store_team_free);

    for (guint i = 0; i < list->len; i++)
      {
        Keyed k = { sort_key (((CoordenaStoreTeam *) list->pdata[i])->municipio), list->pdata[i] };

        g_array_append_val (keyed, k);
      }
    g_array_sort (keyed, cmp_keyed);
    for (guint i = 0; i < keyed->len; i++)
      {
        g_ptr_array_add (sorted, g_array_index (keyed, Keyed, i).team);
        g_free (g_array_index (keyed, Keyed, i).key);
      }
    /* The teams moved to the sorted array: free only the old one's slots. */
    g_ptr_array_set_free_func (list, NULL);
    return sorted;
  }
}

static gboolean
team_id (CoordenaStore *store, const char *ine, gint64 *id, gint64 *base, GError **error)
{
  CoordenaSqlStmt *stmt = coordena_store_prepare (store, "SELECT id, valor_base FROM equipe WHERE ine = ?1", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  coordena_store_bind_text (stmt, 1, ine);
  found = coordena_sql_step (stmt) == COORDENA_SQL_ROW;
  if (found)
    {
      *id = coordena_sql_column_int64 (stmt, 0);
      if (base != NULL)
        *base = coordena_sql_column_is_null (stmt, 1) ? COORDENA_BASE_UNKNOWN : coordena_sql_column_int64 (stmt, 1);
    }
  else
    g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("There is no team with INE %s in the database"), ine);
  coordena_sql_finalize (stmt);
  return found;
}

gboolean
coordena_store_set_team_base (CoordenaStore *store, const char *ine, gint64 centavos, GError **error)
{
  CoordenaSqlStmt *stmt = NULL;
  gint64 id, old;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (centavos < 0 && centavos != COORDENA_BASE_UNKNOWN)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("A team's base value cannot be negative"));
      return FALSE;
    }
  if (!coordena_store_begin (store, error))
    return FALSE;
  if (!team_id (store, ine, &id, &old, error))
    goto fail;
  stmt = coordena_store_prepare (store, "UPDATE equipe SET valor_base = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  coordena_sql_bind_int64 (stmt, 1, id);
  if (centavos == COORDENA_BASE_UNKNOWN)
    coordena_sql_bind_null (stmt, 2);
  else
    coordena_sql_bind_int64 (stmt, 2, centavos);
  if (!coordena_store_step_done (store, stmt, error))
    goto fail;
  before = old == COORDENA_BASE_UNKNOWN ? g_strdup ("{\"valor_base\": null}")
                                        : g_strdup_printf ("{\"valor_base\": %" G_GINT64_FORMAT "}", old);
  after = centavos == COORDENA_BASE_UNKNOWN ? g_strdup ("{\"valor_base\": null}")
                                            : g_strdup_printf ("{\"valor_base\": %" G_GINT64_FORMAT "}", centavos);
  if (!coordena_store_audit (store, "set-team-base", ine, before, after, error))
    goto fail;
  coordena_sql_finalize (stmt);
  return coordena_store_commit (store, error);

fail:
  coordena_sql_finalize (stmt);
  coordena_store_rollback (store);
  return FALSE;
}

gboolean
coordena_store_set_team_flags (CoordenaStore *store, const char *ine, CoordenaCompetencia competencia,
                               guint flags, GError **error)
{
  CoordenaSqlStmt *stmt = NULL;
  gint64 id;
  g_autofree char *entity = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int rc;

  if (!coordena_store_begin (store, error))
    return FALSE;
  if (!team_id (store, ine, &id, NULL, error))
    goto fail;
  stmt = coordena_store_prepare (store,
                                 "SELECT provimento, sem_producao FROM equipe_competencia "
                                 "WHERE equipe_id = ?1 AND competencia = ?2", error);
  if (stmt == NULL)
    goto fail;
  coordena_sql_bind_int64 (stmt, 1, id);
  coordena_sql_bind_int (stmt, 2, (int) competencia);
  rc = coordena_sql_step (stmt);
  if (rc != COORDENA_SQL_ROW)
    {
      g_autofree char *c = coordena_competencia_format (competencia);

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("The team %s has no data for the competência %s"),
                   ine, c);
      goto fail;
    }
  before = g_strdup_printf ("{\"provimento\": %s, \"sem_producao\": %s}",
                            coordena_sql_column_int (stmt, 0) ? "true" : "false",
                            coordena_sql_column_int (stmt, 1) ? "true" : "false");
  coordena_sql_finalize (stmt);
  stmt = coordena_store_prepare (store,
                                 "UPDATE equipe_competencia SET provimento = ?3, sem_producao = ?4 "
                                 "WHERE equipe_id = ?1 AND competencia = ?2", error);
  if (stmt == NULL)
    goto fail;
  coordena_sql_bind_int64 (stmt, 1, id);
  coordena_sql_bind_int (stmt, 2, (int) competencia);
  coordena_sql_bind_int (stmt, 3, (flags & COORDENA_TEAM_FLAG_PROVIMENTO) ? 1 : 0);
  coordena_sql_bind_int (stmt, 4, (flags & COORDENA_TEAM_FLAG_SEM_PRODUCAO) ? 1 : 0);
  if (!coordena_store_step_done (store, stmt, error))
    goto fail;
  after = g_strdup_printf ("{\"provimento\": %s, \"sem_producao\": %s}",
                           (flags & COORDENA_TEAM_FLAG_PROVIMENTO) ? "true" : "false",
                           (flags & COORDENA_TEAM_FLAG_SEM_PRODUCAO) ? "true" : "false");
  entity = g_strdup_printf ("%s/%06u", ine, competencia);
  if (!coordena_store_audit (store, "set-team-flags", entity, before, after, error))
    goto fail;
  coordena_sql_finalize (stmt);
  return coordena_store_commit (store, error);

fail:
  coordena_sql_finalize (stmt);
  coordena_store_rollback (store);
  return FALSE;
}

GArray *
coordena_store_list_competencias (CoordenaStore *store, GError **error)
{
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (CoordenaCompetencia));
  CoordenaSqlStmt *stmt = coordena_store_prepare (store,
                                               "SELECT DISTINCT competencia FROM equipe_competencia ORDER BY 1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      CoordenaCompetencia c = (CoordenaCompetencia) coordena_sql_column_int (stmt, 0);

      g_array_append_val (list, c);
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (store, error, _("reading the competências"));
      return NULL;
    }
  return g_steal_pointer (&list);
}
