/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-notification.c — the notification letters and their teams as the database holds them;
 * notification.c decides who is notified, composes the letters and follows them up. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/notification.h>

#include "store-private.h"

static void
bind_competencia (CoordenaSqlStmt *stmt, int i, CoordenaCompetencia c)
{
  if (c == 0)
    coordena_sql_bind_null (stmt, i);
  else
    coordena_sql_bind_int (stmt, i, (int) c);
}

static void
bind_money (CoordenaSqlStmt *stmt, int i, gint64 centavos)
{
  if (centavos < 0)
    coordena_sql_bind_null (stmt, i);
  else
    coordena_sql_bind_int64 (stmt, i, centavos);
}

gint64
coordena_store_notification_insert (CoordenaStore *store, const CoordenaNotificationRecord *record, const char *ibge7,
                                     const char *signer, CoordenaCompetencia current, guint horizon, gboolean demo,
                                     const char *inputs, GBytes *pdf, GPtrArray *teams, GError **error)
{
  CoordenaSqlStmt *stmt;
  gint64 id;

  stmt = coordena_store_prepare (store,
                                 "INSERT INTO notificacao (ano, numero, ibge7, identificacao, data, signatario, competencia, "
                                 "horizonte, demo, entradas, pdf, sha256, paginas, criado_em, usuario) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) RETURNING id", error);
  if (stmt == NULL)
    return 0;
  coordena_sql_bind_int (stmt, 1, (int) record->year);
  coordena_sql_bind_int (stmt, 2, (int) record->number);
  coordena_sql_bind_text (stmt, 3, ibge7);
  coordena_sql_bind_text (stmt, 4, record->identification);
  coordena_sql_bind_text (stmt, 5, record->date);
  coordena_sql_bind_text (stmt, 6, signer);
  coordena_sql_bind_int (stmt, 7, (int) current);
  coordena_sql_bind_int (stmt, 8, (int) horizon);
  coordena_sql_bind_int (stmt, 9, demo ? 1 : 0);
  coordena_sql_bind_text (stmt, 10, inputs);
  coordena_sql_bind_blob (stmt, 11, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  coordena_sql_bind_text (stmt, 12, record->sha256);
  coordena_sql_bind_int (stmt, 13, (int) record->pages);
  coordena_sql_bind_text (stmt, 14, record->created_at);
  coordena_sql_bind_text (stmt, 15, g_get_user_name ());
  if (coordena_sql_step (stmt) != COORDENA_SQL_ROW)
    {
      coordena_store_set_error (store, error, _("writing"));
      coordena_sql_finalize (stmt);
      return 0;
    }
  id = coordena_sql_column_int64 (stmt, 0);
  coordena_sql_finalize (stmt);

  stmt = coordena_store_prepare (store,
                                 "INSERT INTO notificacao_equipe (notificacao_id, ine, nome, cnes, tipo, ausentes, percentual, "
                                 "proxima_etapa, proximo_percentual, corrigir_ate, perda_mes, perda_horizonte) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);
  if (stmt == NULL)
    return 0;
  for (guint i = 0; i < teams->len; i++)
    {
      const CoordenaNotifyTeam *t = g_ptr_array_index (teams, i);
      g_autofree char *absent = coordena_category_set_to_string (t->absent);

      coordena_sql_bind_int64 (stmt, 1, id);
      coordena_sql_bind_text (stmt, 2, t->ine);
      coordena_store_bind_text (stmt, 3, t->name);
      coordena_store_bind_text (stmt, 4, t->cnes);
      coordena_sql_bind_text (stmt, 5, coordena_team_type_to_string (t->type));
      coordena_sql_bind_text (stmt, 6, absent);
      coordena_sql_bind_int (stmt, 7, t->percent);
      bind_competencia (stmt, 8, t->next_step);
      if (t->next_step != 0)
        coordena_sql_bind_int (stmt, 9, t->next_percent);
      else
        coordena_sql_bind_null (stmt, 9);
      bind_competencia (stmt, 10, t->fix_by);
      bind_money (stmt, 11, t->loss_month);
      bind_money (stmt, 12, t->loss_horizon);
      if (!coordena_store_step_done (store, stmt, error))
        {
          coordena_sql_finalize (stmt);
          return 0;
        }
    }
  coordena_sql_finalize (stmt);

  return id;
}

void
coordena_store_notified_row_free (CoordenaStoreNotifiedRow *row)
{
  g_free (row->ine);
  g_free (row->status);
  g_free (row->identification);
  g_free (row);
}

GPtrArray *
coordena_store_notified_rows (CoordenaStore *store, GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_store_notified_row_free);
  CoordenaSqlStmt *read = coordena_store_prepare (store,
                                               "SELECT e.notificacao_id, e.ine, e.percentual, e.perda_horizonte, e.situacao, "
                                               "e.verificada_em, e.mantido, n.competencia, n.identificacao "
                                               "FROM notificacao_equipe e JOIN notificacao n ON n.id = e.notificacao_id", error);
  int rc;

  if (read == NULL)
    return NULL;
  while ((rc = coordena_sql_step (read)) == COORDENA_SQL_ROW)
    {
      CoordenaStoreNotifiedRow *row = g_new0 (CoordenaStoreNotifiedRow, 1);

      row->id = coordena_sql_column_int64 (read, 0);
      row->ine = coordena_store_column_dup (read, 1);
      row->percent = coordena_sql_column_int (read, 2);
      row->loss_horizon = coordena_sql_column_is_null (read, 3) ? -1 : coordena_sql_column_int64 (read, 3);
      row->status = coordena_store_column_dup (read, 4);
      row->checked = (CoordenaCompetencia) coordena_sql_column_int (read, 5);
      row->kept = coordena_sql_column_int64 (read, 6);
      row->competencia = (CoordenaCompetencia) coordena_sql_column_int (read, 7);
      row->identification = coordena_store_column_dup (read, 8);
      g_ptr_array_add (rows, row);
    }
  coordena_sql_finalize (read);
  if (rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (store, error, _("reading the notified teams"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gboolean
coordena_store_notified_update (CoordenaStore *store, gint64 id, const char *ine, const char *status,
                                CoordenaCompetencia checked, gint64 kept, GError **error)
{
  CoordenaSqlStmt *write = coordena_store_prepare (store,
                                                "UPDATE notificacao_equipe SET situacao = ?3, verificada_em = ?4, mantido = ?5 "
                                                "WHERE notificacao_id = ?1 AND ine = ?2", error);
  gboolean ok;

  if (write == NULL)
    return FALSE;
  coordena_sql_bind_int64 (write, 1, id);
  coordena_sql_bind_text (write, 2, ine);
  coordena_sql_bind_text (write, 3, status);
  bind_competencia (write, 4, checked);
  coordena_sql_bind_int64 (write, 5, kept);
  ok = coordena_store_step_done (store, write, error);
  coordena_sql_finalize (write);
  return ok;
}

static const char record_columns[] =
  "n.id, n.ano, n.numero, n.ibge7, COALESCE (m.nome, ''), n.identificacao, n.data, n.signatario, n.competencia, "
  "n.sha256, n.paginas, length (n.pdf), n.criado_em, "
  "(SELECT COUNT (*) FROM notificacao_equipe e WHERE e.notificacao_id = n.id), "
  "(SELECT COUNT (*) FROM notificacao_equipe e WHERE e.notificacao_id = n.id AND e.situacao = 'regularizada'), "
  "(SELECT COUNT (*) FROM notificacao_equipe e WHERE e.notificacao_id = n.id AND e.situacao = 'persiste'), "
  "(SELECT COUNT (*) FROM notificacao_equipe e WHERE e.notificacao_id = n.id AND e.situacao = 'suspensa'), "
  "(SELECT COUNT (*) FROM notificacao_equipe e WHERE e.notificacao_id = n.id AND e.situacao = 'aguardando')";

static CoordenaNotificationRecord *
record_from_row (CoordenaSqlStmt *stmt)
{
  CoordenaNotificationRecord *r = g_new0 (CoordenaNotificationRecord, 1);

  r->id = coordena_sql_column_int64 (stmt, 0);
  r->year = (guint) coordena_sql_column_int (stmt, 1);
  r->number = (guint) coordena_sql_column_int (stmt, 2);
  r->ibge7 = coordena_store_column_dup (stmt, 3);
  r->municipio = coordena_store_column_dup (stmt, 4);
  r->identification = coordena_store_column_dup (stmt, 5);
  r->date = coordena_store_column_dup (stmt, 6);
  r->signer = coordena_store_column_dup (stmt, 7);
  r->competencia = (CoordenaCompetencia) coordena_sql_column_int (stmt, 8);
  r->sha256 = coordena_store_column_dup (stmt, 9);
  r->pages = (guint) coordena_sql_column_int (stmt, 10);
  r->size = (gsize) coordena_sql_column_int64 (stmt, 11);
  r->created_at = coordena_store_column_dup (stmt, 12);
  r->n_teams = (guint) coordena_sql_column_int (stmt, 13);
  r->n_regularized = (guint) coordena_sql_column_int (stmt, 14);
  r->n_persisting = (guint) coordena_sql_column_int (stmt, 15);
  r->n_suspended = (guint) coordena_sql_column_int (stmt, 16);
  r->n_waiting = (guint) coordena_sql_column_int (stmt, 17);
  return r;
}

GPtrArray *
coordena_store_notification_records (CoordenaStore *store, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM notificacao n LEFT JOIN municipio m ON m.ibge7 = n.ibge7 "
                                          "ORDER BY n.ano, n.numero", record_columns);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_notification_record_free);
  CoordenaSqlStmt *stmt = coordena_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    g_ptr_array_add (list, record_from_row (stmt));
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (store, error, _("listing the notifications"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Columns: ine, nome, corrigir_ate, situacao, verificada_em, identificacao, data, perda_horizonte. */
static CoordenaNotifiedTeam *
notified_team_from_row (CoordenaSqlStmt *stmt)
{
  CoordenaNotifiedTeam *t = g_new0 (CoordenaNotifiedTeam, 1);

      t->ine = coordena_store_column_dup (stmt, 0);
      t->name = coordena_store_column_dup (stmt, 1);
      t->fix_by = (CoordenaCompetencia) coordena_sql_column_int (stmt, 2);
      t->status = coordena_notify_status_parse ((const char *) coordena_sql_column_text (stmt, 3));
      t->checked = (CoordenaCompetencia) coordena_sql_column_int (stmt, 4);
      t->identification = coordena_store_column_dup (stmt, 5);
      t->date = coordena_store_column_dup (stmt, 6);
      t->loss_horizon = coordena_sql_column_is_null (stmt, 7) ? -1 : coordena_sql_column_int64 (stmt, 7);
  return t;
}

GPtrArray *
coordena_notification_list_teams (CoordenaStore *store, const char *ibge7, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_notified_team_free);
  CoordenaSqlStmt *stmt = coordena_store_prepare (store,
                                               "SELECT e.ine, e.nome, e.corrigir_ate, e.situacao, e.verificada_em, "
                                               "n.identificacao, n.data, e.perda_horizonte "
                                               "FROM notificacao_equipe e JOIN notificacao n ON n.id = e.notificacao_id "
                                               "WHERE CAST (?1 AS TEXT) IS NULL OR n.ibge7 = ?1 ORDER BY n.id DESC, e.ine", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  coordena_store_bind_text (stmt, 1, ibge7);
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      CoordenaNotifiedTeam *t = notified_team_from_row (stmt);

      g_ptr_array_add (list, t);
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (store, error, _("listing the notified teams"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
coordena_store_latest_notified_teams (CoordenaStore *store, GArray **kept, GError **error)
{
  /* Each team once, by the latest letter that named it. */
  CoordenaSqlStmt *stmt = coordena_store_prepare (store,
                                               "SELECT e.ine, e.nome, e.corrigir_ate, e.situacao, e.verificada_em, "
                                               "n.identificacao, n.data, e.perda_horizonte, e.mantido "
                                               "FROM notificacao_equipe e JOIN notificacao n ON n.id = e.notificacao_id "
                                               "WHERE n.id = (SELECT MAX (e2.notificacao_id) FROM notificacao_equipe e2 "
                                               "WHERE e2.ine = e.ine) ORDER BY e.corrigir_ate, e.ine", error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_notified_team_free);
  g_autoptr(GArray) kept_values = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      CoordenaNotifiedTeam *t = notified_team_from_row (stmt);
      gint64 k = coordena_sql_column_int64 (stmt, 8);

      g_ptr_array_add (list, t);
      g_array_append_val (kept_values, k);
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (store, error, _("counting the notified teams"));
      return NULL;
    }
  *kept = g_steal_pointer (&kept_values);
  return g_steal_pointer (&list);
}

CoordenaNotificationRecord *
coordena_store_notification_get (CoordenaStore *store, guint number, guint year, GBytes **pdf, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s, n.pdf FROM notificacao n LEFT JOIN municipio m ON m.ibge7 = n.ibge7 "
                                          "WHERE n.numero = ?1 AND n.ano = ?2", record_columns);
  g_autoptr(CoordenaNotificationRecord) record = NULL;
  CoordenaSqlStmt *stmt;
  int rc;

  *pdf = NULL;
  stmt = coordena_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  coordena_sql_bind_int64 (stmt, 1, (gint64) number);
  coordena_sql_bind_int64 (stmt, 2, (gint64) year);
  rc = coordena_sql_step (stmt);
  if (rc == COORDENA_SQL_ROW)
    {
      *pdf = g_bytes_new (coordena_sql_column_blob (stmt, 18), (gsize) coordena_sql_column_bytes (stmt, 18));
      record = record_from_row (stmt);
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_ROW && rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (store, error, _("reading the notification"));
      return NULL;
    }
  if (rc == COORDENA_SQL_DONE)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "");
  return g_steal_pointer (&record);
}
