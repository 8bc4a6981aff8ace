/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-adhesion.c — the adhesion record, its steps, the ofícios and the municipal follow-up as
 * the database holds them; the state machine is adhesion.c, the user's actions adhesion-actions.c. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/adhesion.h>
#include <coordena/error.h>
#include <coordena/format.h>

#include "store-private.h"

static void
step_free (gpointer data)
{
  CoordenaAdhesionStep *step = data;

  g_free (step->date);
  g_free (step->recorded_at);
  g_free (step->user);
  g_free (step->note);
  g_free (step->protocolo);
  g_free (step);
}

void
coordena_adhesion_free (CoordenaAdhesion *adhesion)
{
  if (adhesion == NULL)
    return;
  g_free (adhesion->offer);
  g_free (adhesion->date);
  g_free (adhesion->protocolo);
  g_clear_pointer (&adhesion->steps, g_ptr_array_unref);
  g_free (adhesion);
}

static CoordenaAdhesionState
state_of (const char *text)
{
  CoordenaAdhesionState state = COORDENA_ADHESION_RASCUNHO;

  coordena_adhesion_state_from_string (text, &state, NULL);
  return state;
}

CoordenaAdhesion *
coordena_adhesion_get (CoordenaStore *store, const char *offer_id, GError **error)
{
  g_autoptr(CoordenaAdhesion) adhesion = g_new0 (CoordenaAdhesion, 1);
  CoordenaSqlStmt *stmt;
  int rc;

  adhesion->offer = g_strdup (offer_id);
  adhesion->steps = g_ptr_array_new_with_free_func (step_free);
  stmt = coordena_store_prepare (store, "SELECT estado, data, protocolo FROM adesao WHERE oferta = ?1", error);
  if (stmt == NULL)
    return NULL;
  coordena_sql_bind_text (stmt, 1, offer_id);
  if ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      g_autofree char *state = coordena_store_column_dup (stmt, 0);

      adhesion->state = state_of (state);
      adhesion->date = coordena_store_column_dup (stmt, 1);
      adhesion->protocolo = coordena_store_column_dup (stmt, 2);
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_ROW && rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (store, error, _("reading the adhesion"));
      return NULL;
    }

  stmt = coordena_store_prepare (store,
                                 "SELECT de, para, data, registrado_em, usuario, nota, protocolo FROM adesao_passo "
                                 "WHERE oferta = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  coordena_sql_bind_text (stmt, 1, offer_id);
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      CoordenaAdhesionStep *step = g_new0 (CoordenaAdhesionStep, 1);
      g_autofree char *from = coordena_store_column_dup (stmt, 0);
      g_autofree char *to = coordena_store_column_dup (stmt, 1);

      step->from = state_of (from);
      step->to = state_of (to);
      step->date = coordena_store_column_dup (stmt, 2);
      step->recorded_at = coordena_store_column_dup (stmt, 3);
      step->user = coordena_store_column_dup (stmt, 4);
      step->note = coordena_store_column_dup (stmt, 5);
      step->protocolo = coordena_store_column_dup (stmt, 6);
      g_ptr_array_add (adhesion->steps, step);
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (store, error, _("reading the adhesion steps"));
      return NULL;
    }
  return g_steal_pointer (&adhesion);
}

gboolean
coordena_store_adhesion_record_step (CoordenaStore *store, const char *offer_id, CoordenaAdhesionState from,
                                     CoordenaAdhesionState to, const char *day, const char *recorded_at,
                                     const char *note, const char *protocolo, gint64 oficio_id, GError **error)
{
  CoordenaSqlStmt *stmt;
  gboolean ok;

  stmt = coordena_store_prepare (store,
                                 "INSERT INTO adesao_passo (oferta, de, para, data, registrado_em, usuario, nota, "
                                 "protocolo, oficio_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  coordena_sql_bind_text (stmt, 1, offer_id);
  coordena_sql_bind_text (stmt, 2, coordena_adhesion_state_to_string (from));
  coordena_sql_bind_text (stmt, 3, coordena_adhesion_state_to_string (to));
  coordena_sql_bind_text (stmt, 4, day);
  coordena_sql_bind_text (stmt, 5, recorded_at);
  coordena_sql_bind_text (stmt, 6, g_get_user_name ());
  coordena_store_bind_text (stmt, 7, note);
  coordena_store_bind_text (stmt, 8, protocolo);
  if (oficio_id > 0)
    coordena_sql_bind_int64 (stmt, 9, oficio_id);
  else
    coordena_sql_bind_null (stmt, 9);
  ok = coordena_store_step_done (store, stmt, error);
  coordena_sql_finalize (stmt);
  if (!ok)
    return FALSE;

  stmt = coordena_store_prepare (store,
                                 "INSERT INTO adesao (oferta, estado, data, protocolo) VALUES (?1, ?2, ?3, ?4) "
                                 "ON CONFLICT (oferta) DO UPDATE SET estado = excluded.estado, data = excluded.data, "
                                 "protocolo = COALESCE (excluded.protocolo, adesao.protocolo)", error);
  if (stmt == NULL)
    return FALSE;
  coordena_sql_bind_text (stmt, 1, offer_id);
  coordena_sql_bind_text (stmt, 2, coordena_adhesion_state_to_string (to));
  coordena_sql_bind_text (stmt, 3, day);
  coordena_store_bind_text (stmt, 4, protocolo);
  ok = coordena_store_step_done (store, stmt, error);
  coordena_sql_finalize (stmt);
  if (!ok)
    return FALSE;

  return TRUE;
}

/* Back to a draft: the ofícios generated so far are discarded, kept as evidence with their
 * numbers, which are never given again. */
gboolean
coordena_store_adhesion_discard_oficios (CoordenaStore *store, const char *offer_id, GError **error)
{
  CoordenaSqlStmt *stmt = coordena_store_prepare (store, "UPDATE oficio SET excluido = 1 WHERE oferta = ?1 AND excluido = 0",
                                               error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  coordena_sql_bind_text (stmt, 1, offer_id);
  ok = coordena_store_step_done (store, stmt, error);
  coordena_sql_finalize (stmt);
  return ok;
}

gboolean
coordena_store_latest_competencia_upto (CoordenaStore *store, CoordenaCompetencia upto, CoordenaCompetencia *comp,
                                        GError **error)
{
  CoordenaSqlStmt *stmt;
  int rc;

  *comp = 0;
  stmt = coordena_store_prepare (store, "SELECT MAX (competencia) FROM equipe_competencia WHERE competencia <= ?1", error);
  if (stmt == NULL)
    return FALSE;
  coordena_sql_bind_int (stmt, 1, (int) upto);
  if ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    *comp = (CoordenaCompetencia) coordena_sql_column_int (stmt, 0);
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_ROW)
    return coordena_store_set_error (store, error, _("reading the competências"));
  return TRUE;
}

void
coordena_store_annex_team_free (CoordenaStoreAnnexTeam *team)
{
  g_free (team->municipio);
  g_free (team->ibge7);
  g_free (team->cnes);
  g_free (team->ine);
  g_free (team->tipo);
  g_free (team->tp_equipe);
  g_free (team->name);
  g_free (team);
}

GPtrArray *
coordena_store_annex_teams (CoordenaStore *store, CoordenaCompetencia comp, const char *day, GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_store_annex_team_free);
  CoordenaSqlStmt *stmt;
  int rc;

  stmt = coordena_store_prepare (store,
                                 "SELECT m.nome, e.ibge7, e.cnes, e.ine, ec.tipo, e.tp_equipe, e.nome "
                                 "FROM equipe_competencia ec JOIN equipe e ON e.id = ec.equipe_id "
                                 "JOIN municipio m ON m.ibge7 = e.ibge7 WHERE ec.competencia = ?1 "
                                 "AND (e.dt_desativacao IS NULL OR e.dt_desativacao = '' OR e.dt_desativacao > ?2)", error);
  if (stmt == NULL)
    return NULL;
  coordena_sql_bind_int (stmt, 1, (int) comp);
  coordena_sql_bind_text (stmt, 2, day);
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      CoordenaStoreAnnexTeam *row = g_new0 (CoordenaStoreAnnexTeam, 1);

      row->municipio = coordena_store_column_dup (stmt, 0);
      row->ibge7 = coordena_store_column_dup (stmt, 1);
      row->cnes = coordena_store_column_dup (stmt, 2);
      row->ine = coordena_store_column_dup (stmt, 3);
      row->tipo = coordena_store_column_dup (stmt, 4);
      row->tp_equipe = coordena_store_column_dup (stmt, 5);
      row->name = coordena_store_column_dup (stmt, 6);
      g_ptr_array_add (rows, row);
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (store, error, _("reading the teams for the annex"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gint64
coordena_store_oficio_insert (CoordenaStore *store, const CoordenaOficioRecord *record, const char *inputs,
                              const void *pdf, gsize pdf_size, GError **error)
{
  CoordenaSqlStmt *stmt;
  gint64 id = 0;

  if (!record->registered)
    stmt = coordena_store_prepare (store,
                                   "INSERT INTO oficio (ano, numero, oferta, identificacao, data, signatario, anexo, entradas, "
                                   "pdf, sha256, paginas, criado_em, usuario) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id", error);
  else
    stmt = coordena_store_prepare (store,
                                   "INSERT INTO oficio (ano, numero, oferta, identificacao, data, signatario, anexo, entradas, "
                                   "pdf, sha256, paginas, criado_em, usuario, origem, data_envio, canal, recibo, arquivo) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'registrado', ?5, ?14, "
                                   "?15, ?16) RETURNING id", error);
  if (stmt == NULL)
    return 0;
  coordena_sql_bind_int (stmt, 1, (int) record->year);
  coordena_sql_bind_int (stmt, 2, (int) record->number);
  coordena_sql_bind_text (stmt, 3, record->offer);
  coordena_sql_bind_text (stmt, 4, record->identification);
  coordena_sql_bind_text (stmt, 5, record->date);
  coordena_sql_bind_text (stmt, 6, record->signer);
  coordena_store_bind_text (stmt, 7, record->annex);
  coordena_sql_bind_text (stmt, 8, inputs);
  coordena_sql_bind_blob (stmt, 9, pdf, pdf_size);
  coordena_sql_bind_text (stmt, 10, record->sha256 != NULL ? record->sha256 : "");
  coordena_sql_bind_int (stmt, 11, (int) record->pages);
  coordena_sql_bind_text (stmt, 12, record->created_at);
  coordena_sql_bind_text (stmt, 13, g_get_user_name ());
  if (record->registered)
    {
      coordena_sql_bind_text (stmt, 14, record->channel);
      coordena_store_bind_text (stmt, 15, record->receipt);
      coordena_store_bind_text (stmt, 16, record->file_name);
    }
  /* RETURNING rather than SQLite's last rowid: the same on a server shared with others. */
  if (coordena_sql_step (stmt) == COORDENA_SQL_ROW)
    id = coordena_sql_column_int64 (stmt, 0);
  else
    coordena_store_set_error (store, error, _("writing"));
  coordena_sql_finalize (stmt);
  return id;
}

static const char oficio_columns[] =
  "id, ano, numero, oferta, identificacao, data, signatario, anexo, sha256, paginas, length (pdf), criado_em, excluido, "
  "origem, data_envio, canal, recibo, arquivo";

static CoordenaOficioRecord *
record_from_row (CoordenaSqlStmt *stmt)
{
  CoordenaOficioRecord *record = g_new0 (CoordenaOficioRecord, 1);

  record->id = coordena_sql_column_int64 (stmt, 0);
  record->year = (guint) coordena_sql_column_int (stmt, 1);
  record->number = (guint) coordena_sql_column_int (stmt, 2);
  record->offer = coordena_store_column_dup (stmt, 3);
  record->identification = coordena_store_column_dup (stmt, 4);
  record->date = coordena_store_column_dup (stmt, 5);
  record->signer = coordena_store_column_dup (stmt, 6);
  record->annex = coordena_store_column_dup (stmt, 7);
  record->sha256 = coordena_store_column_dup (stmt, 8);
  record->pages = (guint) coordena_sql_column_int (stmt, 9);
  record->size = (gsize) coordena_sql_column_int64 (stmt, 10);
  record->created_at = coordena_store_column_dup (stmt, 11);
  record->deleted = coordena_sql_column_int (stmt, 12) != 0;
  record->registered = g_strcmp0 ((const char *) coordena_sql_column_text (stmt, 13), "registrado") == 0;
  record->date_sent = coordena_store_column_dup (stmt, 14);
  record->channel = coordena_store_column_dup (stmt, 15);
  record->receipt = coordena_store_column_dup (stmt, 16);
  record->file_name = coordena_store_column_dup (stmt, 17);
  if (record->sha256 != NULL && *record->sha256 == '\0')
    g_clear_pointer (&record->sha256, g_free);
  return record;
}

GPtrArray *
coordena_adhesion_list_oficios (CoordenaStore *store, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM oficio ORDER BY ano, numero", oficio_columns);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_oficio_record_free);
  CoordenaSqlStmt *stmt = coordena_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    g_ptr_array_add (list, record_from_row (stmt));
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (store, error, _("listing the ofícios"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

CoordenaOficioRecord *
coordena_store_oficio_get (CoordenaStore *store, guint number, guint year, GBytes **pdf, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s, pdf FROM oficio WHERE numero = ?1 AND ano = ?2", oficio_columns);
  g_autoptr(CoordenaOficioRecord) record = NULL;
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
      record = record_from_row (stmt);
      *pdf = g_bytes_new (coordena_sql_column_blob (stmt, 18), (gsize) coordena_sql_column_bytes (stmt, 18));
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_ROW && rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (store, error, _("reading the ofício"));
      return NULL;
    }
  if (rc == COORDENA_SQL_DONE)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "");
  return g_steal_pointer (&record);
}

void
coordena_municipio_adesao_free (CoordenaMunicipioAdesao *m)
{
  if (m == NULL)
    return;
  g_free (m->ibge7);
  g_free (m->nome);
  g_free (m->date);
  g_free (m->responsavel);
  g_free (m->acesso_titular);
  g_free (m->acesso_ultimo_uso);
  g_free (m->note);
  g_free (m);
}

static gint
compare_municipios (gconstpointer a, gconstpointer b)
{
  const CoordenaMunicipioAdesao *x = *(CoordenaMunicipioAdesao **) a;
  const CoordenaMunicipioAdesao *y = *(CoordenaMunicipioAdesao **) b;

  return g_utf8_collate (x->nome, y->nome);
}

/* Sets the store's "run init" error; a state without a code is refused too. */
void
coordena_store_require_uf_code (CoordenaStore *store, GError **error)
{
  g_autofree char *uf = coordena_store_require_uf (store, error);

  if (uf != NULL)
    g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_DAMAGED, _("the database’s state “%s” has no IBGE code"), uf);
}

GPtrArray *
coordena_adhesion_list_municipios (CoordenaStore *store, const char *offer_id, const GDate *today, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_municipio_adesao_free);
  guint uf = coordena_store_get_uf_code (store);
  CoordenaSqlStmt *stmt;
  int rc;

  if (uf == 0)
    {
      coordena_store_require_uf_code (store, error);
      return NULL;
    }
  stmt = coordena_store_prepare (store,
                                 "SELECT m.ibge7, m.nome, a.status, a.data, a.responsavel, a.acesso_titular, "
                                 "a.acesso_ultimo_uso, a.nota FROM municipio m "
                                 "LEFT JOIN municipio_adesao a ON a.ibge7 = m.ibge7 AND a.oferta = ?1 "
                                 "WHERE m.uf_codigo = ?2", error);
  if (stmt == NULL)
    return NULL;
  coordena_sql_bind_text (stmt, 1, offer_id);
  coordena_sql_bind_int (stmt, 2, (int) uf);
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      CoordenaMunicipioAdesao *m = g_new0 (CoordenaMunicipioAdesao, 1);
      g_autofree char *status = coordena_store_column_dup (stmt, 2);

      m->ibge7 = coordena_store_column_dup (stmt, 0);
      m->nome = coordena_store_column_dup (stmt, 1);
      if (status != NULL)
        coordena_municipio_status_from_string (status, &m->status, NULL);
      m->date = coordena_store_column_dup (stmt, 3);
      m->responsavel = coordena_store_column_dup (stmt, 4);
      m->acesso_titular = coordena_store_column_dup (stmt, 5);
      m->acesso_ultimo_uso = coordena_store_column_dup (stmt, 6);
      m->note = coordena_store_column_dup (stmt, 7);
      m->days_since_use = -1;
      if (m->acesso_ultimo_uso != NULL && today != NULL)
        {
          GDate used;

          if (coordena_parse_date (m->acesso_ultimo_uso, &used, NULL))
            m->days_since_use = g_date_days_between (&used, today);
        }
      m->access_alert = m->days_since_use >= COORDENA_ACCESS_ALERT_DAYS;
      g_ptr_array_add (list, m);
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (store, error, _("listing the municipalities"));
      return NULL;
    }
  g_ptr_array_sort (list, compare_municipios);
  return g_steal_pointer (&list);
}

gboolean
coordena_store_municipio_adesao_put (CoordenaStore *store, const char *offer_id, const char *ibge7, const char *status,
                                     const char *day, const char *responsavel, const char *acesso_titular,
                                     const char *used, const char *note, GError **error)
{
  CoordenaSqlStmt *stmt;
  gboolean ok;

  stmt = coordena_store_prepare (store,
                                 "INSERT INTO municipio_adesao (oferta, ibge7, status, data, responsavel, acesso_titular, "
                                 "acesso_ultimo_uso, nota) VALUES (?1, ?2, COALESCE (?3, 'nao_iniciado'), ?4, ?5, ?6, ?7, ?8) "
                                 "ON CONFLICT (oferta, ibge7) DO UPDATE SET status = COALESCE (?3, municipio_adesao.status), "
                                 "data = COALESCE (?4, municipio_adesao.data), "
                                 "responsavel = COALESCE (?5, municipio_adesao.responsavel), "
                                 "acesso_titular = COALESCE (?6, municipio_adesao.acesso_titular), "
                                 "acesso_ultimo_uso = COALESCE (?7, municipio_adesao.acesso_ultimo_uso), "
                                 "nota = COALESCE (?8, municipio_adesao.nota)", error);
  if (stmt == NULL)
    return FALSE;
  coordena_sql_bind_text (stmt, 1, offer_id);
  coordena_sql_bind_text (stmt, 2, ibge7);
  coordena_store_bind_text (stmt, 3, status);
  coordena_store_bind_text (stmt, 4, day);
  coordena_store_bind_text (stmt, 5, responsavel);
  coordena_store_bind_text (stmt, 6, acesso_titular);
  coordena_store_bind_text (stmt, 7, used);
  coordena_store_bind_text (stmt, 8, note);
  ok = coordena_store_step_done (store, stmt, error);
  coordena_sql_finalize (stmt);
  return ok;
}
