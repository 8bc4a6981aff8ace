/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-import.c — the roster writer: the one place that writes teams, establishments,
 * professionals and memberships, for the imports, the demonstration roster and edits by hand. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/duplicidade.h>
#include <coordena/error.h>
#include <coordena/ids.h>
#include <coordena/format.h>
#include <coordena/import.h>

#include "import-private.h"
#include "store-private.h"

struct _CoordenaRosterWriter {
  CoordenaStore *store;
  char *origem;
  CoordenaSqlStmt *team;
  CoordenaSqlStmt *team_base;
  CoordenaSqlStmt *month_upsert;
  CoordenaSqlStmt *month_flags;
  CoordenaSqlStmt *month_clear;
  CoordenaSqlStmt *prof;
  CoordenaSqlStmt *member;
  CoordenaSqlStmt *estab;      /* prepared on first use, as are the ones below */
  CoordenaSqlStmt *stratum;
  GHashTable *prof_ids;     /* cns → id */
  GHashTable *teams;        /* team ids written */
  GHashTable *competencias; /* competências written */
  GHashTable *covered;      /* competências this import replaces whole */
  GHashTable *months;       /* "team_id:competência" written */
  guint n_team_months;
  guint n_members;
};

static gboolean
prepare (CoordenaRosterWriter *w, CoordenaSqlStmt **stmt, const char *sql, GError **error)
{
  *stmt = coordena_store_prepare (w->store, sql, error);
  return *stmt != NULL;
}

CoordenaRosterWriter *
coordena_roster_writer_new (CoordenaStore *store, const char *origem, GError **error)
{
  g_autoptr(CoordenaRosterWriter) w = g_new0 (CoordenaRosterWriter, 1);

  w->store = store;
  w->origem = g_strdup (origem);
  w->prof_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w->teams = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  w->competencias = g_hash_table_new (g_direct_hash, g_direct_equal);
  w->covered = g_hash_table_new (g_direct_hash, g_direct_equal);
  w->months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!prepare (w, &w->team,
                "INSERT INTO equipe (ine, ibge7, cnes, tp_equipe, subtipo, nome, dt_ativacao, dt_desativacao, demo) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                "ON CONFLICT (ine) DO UPDATE SET ibge7 = excluded.ibge7, cnes = coalesce (excluded.cnes, equipe.cnes), "
                "tp_equipe = coalesce (excluded.tp_equipe, equipe.tp_equipe), "
                "subtipo = coalesce (excluded.subtipo, equipe.subtipo), nome = coalesce (excluded.nome, equipe.nome), "
                "dt_ativacao = coalesce (excluded.dt_ativacao, equipe.dt_ativacao), "
                "dt_desativacao = excluded.dt_desativacao, demo = excluded.demo "
                "RETURNING id", error)
      || !prepare (w, &w->team_base, "UPDATE equipe SET valor_base = ?2 WHERE id = ?1", error)
      || !prepare (w, &w->month_upsert,
                   "INSERT INTO equipe_competencia (equipe_id, competencia, tipo, origem) VALUES (?1, ?2, ?3, ?4) "
                   "ON CONFLICT (equipe_id, competencia) DO UPDATE SET tipo = excluded.tipo, origem = excluded.origem",
                   error)
      || !prepare (w, &w->month_flags,
                   "UPDATE equipe_competencia SET provimento = ?3 WHERE equipe_id = ?1 AND competencia = ?2", error)
      || !prepare (w, &w->month_clear, "DELETE FROM vinculo WHERE equipe_id = ?1 AND competencia = ?2", error)
      || !prepare (w, &w->prof,
                   "INSERT INTO profissional (cns, nome) VALUES (?1, ?2) "
                   "ON CONFLICT (cns) DO UPDATE SET nome = coalesce (excluded.nome, profissional.nome) RETURNING id", error)
      || !prepare (w, &w->member,
                   "INSERT INTO vinculo (equipe_id, competencia, profissional_id, cbo, horas) "
                   "VALUES (?1, ?2, ?3, ?4, ?5) "
                   "ON CONFLICT (equipe_id, competencia, profissional_id, cbo) "
                   "DO UPDATE SET horas = CASE WHEN excluded.horas > vinculo.horas THEN excluded.horas "
                   "ELSE vinculo.horas END", error))
    return NULL;
  return g_steal_pointer (&w);
}

void
coordena_roster_writer_free (CoordenaRosterWriter *w)
{
  if (w == NULL)
    return;
  coordena_sql_finalize (w->team);
  coordena_sql_finalize (w->team_base);
  coordena_sql_finalize (w->month_upsert);
  coordena_sql_finalize (w->month_flags);
  coordena_sql_finalize (w->month_clear);
  coordena_sql_finalize (w->prof);
  coordena_sql_finalize (w->member);
  coordena_sql_finalize (w->estab);
  coordena_sql_finalize (w->stratum);
  g_hash_table_unref (w->prof_ids);
  g_hash_table_unref (w->teams);
  g_hash_table_unref (w->competencias);
  g_hash_table_unref (w->covered);
  g_hash_table_unref (w->months);
  g_free (w->origem);
  g_free (w);
}

/* Steps a RETURNING statement: the id, or 0 with the error. */
static gint64
step_returning_id (CoordenaRosterWriter *w, CoordenaSqlStmt *stmt, GError **error)
{
  gint64 id = 0;

  if (coordena_sql_step (stmt) == COORDENA_SQL_ROW)
    id = coordena_sql_column_int64 (stmt, 0);
  if (id == 0 || coordena_sql_step (stmt) != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (w->store, error, _("writing the roster"));
      id = 0;
    }
  coordena_sql_reset (stmt);
  coordena_sql_clear_bindings (stmt);
  return id;
}

gint64
coordena_roster_writer_team (CoordenaRosterWriter *w, const CoordenaWriterTeam *t, GError **error)
{
  gint64 id;

  coordena_store_bind_text (w->team, 1, t->ine);
  coordena_store_bind_text (w->team, 2, t->ibge7);
  coordena_store_bind_text (w->team, 3, t->cnes);
  coordena_store_bind_text (w->team, 4, t->tp_equipe);
  coordena_store_bind_text (w->team, 5, t->subtipo);
  coordena_store_bind_text (w->team, 6, t->nome);
  coordena_store_bind_text (w->team, 7, t->dt_ativacao);
  coordena_store_bind_text (w->team, 8, t->dt_desativacao);
  coordena_sql_bind_int (w->team, 9, t->demo ? 1 : 0);
  id = step_returning_id (w, w->team, error);
  if (id != 0 && !g_hash_table_contains (w->teams, &id))
    g_hash_table_add (w->teams, g_memdup2 (&id, sizeof id));
  return id;
}

gboolean
coordena_roster_writer_team_base (CoordenaRosterWriter *w, gint64 team_id, gint64 centavos, GError **error)
{
  coordena_sql_bind_int64 (w->team_base, 1, team_id);
  if (centavos == COORDENA_BASE_UNKNOWN)
    coordena_sql_bind_null (w->team_base, 2);
  else
    coordena_sql_bind_int64 (w->team_base, 2, centavos);
  return coordena_store_step_done (w->store, w->team_base, error);
}

gboolean
coordena_roster_writer_team_drop_imported_base (CoordenaRosterWriter *w, gint64 team_id, GError **error)
{
  /* The audit log tells a hand-set value (set-team-base) from one an import wrote. */
  CoordenaSqlStmt *stmt = coordena_store_prepare (
    w->store,
    "UPDATE equipe SET valor_base = NULL WHERE id = ?1 AND valor_base IS NOT NULL AND NOT EXISTS ("
    "  SELECT 1 FROM auditoria a WHERE a.acao = 'set-team-base' AND a.entidade = equipe.ine"
    "  AND a.id > coalesce ((SELECT max (id) FROM auditoria WHERE acao = 'import-roster'), 0))",
    error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  coordena_sql_bind_int64 (stmt, 1, team_id);
  ok = coordena_store_step_done (w->store, stmt, error);
  coordena_sql_finalize (stmt);
  return ok;
}

gboolean
coordena_roster_writer_team_month (CoordenaRosterWriter *w,
                                   gint64                team_id,
                                   CoordenaCompetencia   competencia,
                                   CoordenaTeamType      type,
                                   int                   flags,
                                   GError              **error)
{
  coordena_sql_bind_int64 (w->month_upsert, 1, team_id);
  coordena_sql_bind_int (w->month_upsert, 2, (int) competencia);
  coordena_store_bind_text (w->month_upsert, 3, coordena_store_type_to_db (type));
  coordena_store_bind_text (w->month_upsert, 4, w->origem);
  if (!coordena_store_step_done (w->store, w->month_upsert, error))
    return FALSE;
  if (flags >= 0)
    {
      coordena_sql_bind_int64 (w->month_flags, 1, team_id);
      coordena_sql_bind_int (w->month_flags, 2, (int) competencia);
      coordena_sql_bind_int (w->month_flags, 3, (flags & COORDENA_TEAM_FLAG_PROVIMENTO) ? 1 : 0);
      if (!coordena_store_step_done (w->store, w->month_flags, error))
        return FALSE;
    }
  coordena_sql_bind_int64 (w->month_clear, 1, team_id);
  coordena_sql_bind_int (w->month_clear, 2, (int) competencia);
  if (!coordena_store_step_done (w->store, w->month_clear, error))
    return FALSE;
  g_hash_table_add (w->competencias, GUINT_TO_POINTER (competencia));
  g_hash_table_add (w->months, g_strdup_printf ("%" G_GINT64_FORMAT ":%u", team_id, competencia));
  w->n_team_months++;
  return TRUE;
}

void
coordena_roster_writer_cover (CoordenaRosterWriter *w, CoordenaCompetencia competencia)
{
  g_hash_table_add (w->covered, GUINT_TO_POINTER (competencia));
}

/* Removes from one competência every team-month the import did not write, with its members. */
static gboolean
remove_stale_months (CoordenaRosterWriter *w, CoordenaCompetencia c, CoordenaImportReport *report, GError **error)
{
  CoordenaSqlStmt *list = NULL, *drop = NULL;
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok = FALSE;
  int rc;

  list = coordena_store_prepare (w->store, "SELECT equipe_id FROM equipe_competencia WHERE competencia = ?1", error);
  drop = list == NULL ? NULL
    : coordena_store_prepare (w->store, "DELETE FROM equipe_competencia WHERE equipe_id = ?1 AND competencia = ?2",
                              error);
  if (drop == NULL)
    goto out;
  coordena_sql_bind_int (list, 1, (int) c);
  while ((rc = coordena_sql_step (list)) == COORDENA_SQL_ROW)
    {
      gint64 id = coordena_sql_column_int64 (list, 0);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%u", id, c);

      if (!g_hash_table_contains (w->months, key))
        g_array_append_val (stale, id);
    }
  if (rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (w->store, error, _("writing the roster"));
      goto out;
    }
  for (guint i = 0; i < stale->len; i++)
    {
      /* The members go with the month (ON DELETE CASCADE). */
      coordena_sql_bind_int64 (drop, 1, g_array_index (stale, gint64, i));
      coordena_sql_bind_int (drop, 2, (int) c);
      if (!coordena_store_step_done (w->store, drop, error))
        goto out;
    }
  if (stale->len > 0 && report != NULL)
    {
      g_autofree char *when = coordena_competencia_format (c);

      coordena_import_report_note (report,
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Removed from %s: %u team the new file no longer has in it",
                                      "Removed from %s: %u teams the new file no longer has in it", stale->len),
                         when, stale->len));
    }
  ok = TRUE;
out:
  coordena_sql_finalize (list);
  coordena_sql_finalize (drop);
  return ok;
}

static gint
cmp_pointer_uint (gconstpointer a, gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (a), y = GPOINTER_TO_UINT (b);

  return x < y ? -1 : x > y;
}

gboolean
coordena_roster_writer_finish (CoordenaRosterWriter *w, CoordenaImportReport *report, GError **error)
{
  g_autoptr(GList) covered = g_hash_table_get_keys (w->covered);

  covered = g_list_sort (covered, cmp_pointer_uint);
  for (GList *l = covered; l != NULL; l = l->next)
    if (!remove_stale_months (w, GPOINTER_TO_UINT (l->data), report, error))
      return FALSE;
  /* A team or a person no competência holds any more is not kept: the database is what the
   * imports say, whatever their order. A team a scenario still names stays for it. */
  return coordena_store_exec (w->store,
                              "DELETE FROM equipe WHERE NOT EXISTS (SELECT 1 FROM equipe_competencia ec "
                              "WHERE ec.equipe_id = equipe.id) AND NOT EXISTS (SELECT 1 FROM cenario_mudanca c "
                              "WHERE c.equipe_id = equipe.id)", error)
         && coordena_store_exec (w->store,
                                 "DELETE FROM profissional WHERE NOT EXISTS (SELECT 1 FROM vinculo v "
                                 "WHERE v.profissional_id = profissional.id) AND NOT EXISTS (SELECT 1 FROM "
                                 "cenario_mudanca c WHERE c.cns = profissional.cns)", error);
}

gint64
coordena_roster_writer_professional (CoordenaRosterWriter *w, const char *cns, const char *nome, GError **error)
{
  gint64 *cached = g_hash_table_lookup (w->prof_ids, cns);
  gint64 id;

  /* A name seen later still fills a nameless row: only skip the write when nothing is new. */
  if (cached != NULL && nome == NULL)
    return *cached;
  coordena_store_bind_text (w->prof, 1, cns);
  coordena_store_bind_text (w->prof, 2, nome != NULL && *nome != '\0' ? nome : NULL);
  id = step_returning_id (w, w->prof, error);
  if (id != 0 && cached == NULL)
    g_hash_table_insert (w->prof_ids, g_strdup (cns), g_memdup2 (&id, sizeof id));
  return id;
}

gboolean
coordena_roster_writer_member (CoordenaRosterWriter *w,
                               gint64                team_id,
                               CoordenaCompetencia   competencia,
                               gint64                professional_id,
                               const char           *cbo,
                               guint                 hours,
                               GError              **error)
{
  coordena_sql_bind_int64 (w->member, 1, team_id);
  coordena_sql_bind_int (w->member, 2, (int) competencia);
  coordena_sql_bind_int64 (w->member, 3, professional_id);
  coordena_store_bind_text (w->member, 4, cbo);
  coordena_sql_bind_int (w->member, 5, (int) MIN (hours, 168u));
  if (!coordena_store_step_done (w->store, w->member, error))
    return FALSE;
  w->n_members++;
  return TRUE;
}

static int
cmp_competencia (gconstpointer a, gconstpointer b)
{
  CoordenaCompetencia x = *(const CoordenaCompetencia *) a, y = *(const CoordenaCompetencia *) b;

  return x < y ? -1 : x > y;
}

void
coordena_roster_writer_fill_report (CoordenaRosterWriter *w, CoordenaImportReport *report)
{
  GHashTableIter iter;
  gpointer key;

  report->n_teams = g_hash_table_size (w->teams);
  report->n_team_months = w->n_team_months;
  report->n_members = w->n_members;
  report->n_professionals = g_hash_table_size (w->prof_ids);
  g_array_set_size (report->competencias, 0);
  g_hash_table_iter_init (&iter, w->competencias);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      CoordenaCompetencia c = GPOINTER_TO_UINT (key);

      g_array_append_val (report->competencias, c);
    }
  g_array_sort (report->competencias, cmp_competencia);
}

gboolean
coordena_roster_writer_establishment (CoordenaRosterWriter *w, const char *cnes, const char *nome, const char *ibge7,
                                      GError **error)
{
  if (w->estab == NULL
      && !prepare (w, &w->estab,
                   "INSERT INTO estabelecimento (cnes, nome, ibge7) VALUES (?1, ?2, ?3) "
                   "ON CONFLICT (cnes) DO UPDATE SET nome = coalesce (excluded.nome, estabelecimento.nome), "
                   "ibge7 = coalesce (excluded.ibge7, estabelecimento.ibge7)", error))
    return FALSE;
  coordena_store_bind_text (w->estab, 1, cnes);
  coordena_store_bind_text (w->estab, 2, nome);
  coordena_store_bind_text (w->estab, 3, ibge7);
  return coordena_store_step_done (w->store, w->estab, error);
}

gboolean
coordena_roster_writer_stratum (CoordenaRosterWriter *w, const char *ibge7, guint stratum, GError **error)
{
  if (w->stratum == NULL && !prepare (w, &w->stratum, "UPDATE municipio SET ied_estrato = ?2 WHERE ibge7 = ?1", error))
    return FALSE;
  coordena_store_bind_text (w->stratum, 1, ibge7);
  coordena_sql_bind_int (w->stratum, 2, (int) stratum);
  return coordena_store_step_done (w->store, w->stratum, error);
}
