/* adhesion.c — the adhesion record's state machine, ofício numbering and storage, municipal
 * follow-up. Prepared statements only; one transaction per user action, audited. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include <coordena/clock.h>
#include <coordena/adhesion.h>
#include <coordena/competencia.h>
#include <coordena/error.h>
#include <coordena/format.h>
#include <coordena/profile.h>

#include "store-private.h"

static const char *const state_names[COORDENA_ADHESION_N_STATES] = {
  "rascunho", "oficio_gerado", "assinado", "enviado", "confirmado", "indeferido", "aderido_egestor",
};

static const char *const state_labels[COORDENA_ADHESION_N_STATES] = {
  N_("Draft"), N_("Ofício generated"), N_("Signed"), N_("Sent"), N_("Confirmed"), N_("Refused by the Ministry"),
  N_("Adhered in e-Gestor"),
};

const char *
coordena_adhesion_state_to_string (CoordenaAdhesionState state)
{
  return state < COORDENA_ADHESION_N_STATES ? state_names[state] : "?";
}

const char *
coordena_adhesion_state_label (CoordenaAdhesionState state)
{
  return state < COORDENA_ADHESION_N_STATES ? _(state_labels[state]) : "?";
}

gboolean
coordena_adhesion_state_from_string (const char *text, CoordenaAdhesionState *state, GError **error)
{
  for (guint i = 0; text != NULL && i < COORDENA_ADHESION_N_STATES; i++)
    if (g_str_equal (text, state_names[i]))
      {
        *state = (CoordenaAdhesionState) i;
        return TRUE;
      }
  g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
               _("unknown adhesion state “%s” (known: rascunho, oficio_gerado, assinado, enviado, confirmado, "
                 "indeferido, aderido_egestor)"), text != NULL ? text : "");
  return FALSE;
}

gboolean
coordena_adhesion_can_move (CoordenaAdhesionState from, CoordenaAdhesionState to)
{
  switch (from)
    {
    case COORDENA_ADHESION_RASCUNHO:
      return to == COORDENA_ADHESION_OFICIO_GERADO || to == COORDENA_ADHESION_ADERIDO_EGESTOR;
    case COORDENA_ADHESION_OFICIO_GERADO:
      return to == COORDENA_ADHESION_OFICIO_GERADO || to == COORDENA_ADHESION_ASSINADO
             || to == COORDENA_ADHESION_RASCUNHO || to == COORDENA_ADHESION_ADERIDO_EGESTOR;
    case COORDENA_ADHESION_ASSINADO:
      return to == COORDENA_ADHESION_ENVIADO || to == COORDENA_ADHESION_RASCUNHO;
    case COORDENA_ADHESION_ENVIADO:
      return to == COORDENA_ADHESION_CONFIRMADO || to == COORDENA_ADHESION_INDEFERIDO;
    case COORDENA_ADHESION_INDEFERIDO:
      return to == COORDENA_ADHESION_RASCUNHO || to == COORDENA_ADHESION_ADERIDO_EGESTOR;
    case COORDENA_ADHESION_CONFIRMADO:
    case COORDENA_ADHESION_ADERIDO_EGESTOR:
    case COORDENA_ADHESION_N_STATES:
    default:
      return FALSE;
    }
}

gboolean
coordena_adhesion_check_step (const CoordenaOffer *offer, CoordenaAdhesionState from, CoordenaAdhesionState to,
                              const GDate *date, const char *protocolo, GError **error)
{
  if (!coordena_adhesion_can_move (from, to))
    {
      g_autoptr(GString) allowed = g_string_new (NULL);

      for (guint i = 0; i < COORDENA_ADHESION_N_STATES; i++)
        if (coordena_adhesion_can_move (from, (CoordenaAdhesionState) i))
          g_string_append_printf (allowed, "%s%s", allowed->len > 0 ? ", " : "", state_names[i]);
      if (allowed->len == 0)
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                     _("the adhesion is “%s”, a final state: it cannot become “%s”"),
                     state_names[from], state_names[to]);
      else
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                     _("the adhesion is “%s” and cannot become “%s”: from “%s” it can only become %s"),
                     state_names[from], state_names[to], state_names[from], allowed->str);
      return FALSE;
    }
  if (to == COORDENA_ADHESION_ADERIDO_EGESTOR && (protocolo == NULL || *protocolo == '\0'))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("adhesion in e-Gestor needs its protocol (--protocolo) and date"));
      return FALSE;
    }
  if (to == COORDENA_ADHESION_ENVIADO && date != NULL && offer != NULL)
    {
      g_autoptr(GError) local = NULL;

      if (!coordena_offer_check_date (offer, date, &local))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("an ofício sent after the deadline is not accepted: %s"),
                       local->message);
          return FALSE;
        }
    }
  return TRUE;
}

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

static char *
col (sqlite3_stmt *stmt, int i)
{
  const unsigned char *text = sqlite3_column_text (stmt, i);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
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
  sqlite3_stmt *stmt;
  int rc;

  adhesion->offer = g_strdup (offer_id);
  adhesion->steps = g_ptr_array_new_with_free_func (step_free);
  stmt = coordena_store_prepare (store, "SELECT estado, data, protocolo FROM adesao WHERE oferta = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, offer_id, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *state = col (stmt, 0);

      adhesion->state = state_of (state);
      adhesion->date = col (stmt, 1);
      adhesion->protocolo = col (stmt, 2);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      coordena_store_set_error (store, error, _("reading the adhesion"));
      return NULL;
    }

  stmt = coordena_store_prepare (store,
                                 "SELECT de, para, data, registrado_em, usuario, nota, protocolo FROM adesao_passo "
                                 "WHERE oferta = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, offer_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CoordenaAdhesionStep *step = g_new0 (CoordenaAdhesionStep, 1);
      g_autofree char *from = col (stmt, 0);
      g_autofree char *to = col (stmt, 1);

      step->from = state_of (from);
      step->to = state_of (to);
      step->date = col (stmt, 2);
      step->recorded_at = col (stmt, 3);
      step->user = col (stmt, 4);
      step->note = col (stmt, 5);
      step->protocolo = col (stmt, 6);
      g_ptr_array_add (adhesion->steps, step);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      coordena_store_set_error (store, error, _("reading the adhesion steps"));
      return NULL;
    }
  return g_steal_pointer (&adhesion);
}

static char *
now_utc (void)
{
  return coordena_clock_now_utc_iso ();
}

static char *
iso_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* Inside a transaction: records the step and the new state, and audits it. */
static gboolean
record_step (CoordenaStore *store, const char *offer_id, CoordenaAdhesionState from, CoordenaAdhesionState to,
             const GDate *date, const char *note, const char *protocolo, gint64 oficio_id, GError **error)
{
  g_autofree char *day = iso_date (date);
  g_autofree char *now = now_utc ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = coordena_store_prepare (store,
                                 "INSERT INTO adesao_passo (oferta, de, para, data, registrado_em, usuario, nota, "
                                 "protocolo, oficio_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, offer_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, state_names[from], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, state_names[to], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, g_get_user_name (), -1, SQLITE_TRANSIENT);
  coordena_store_bind_text (stmt, 7, note);
  coordena_store_bind_text (stmt, 8, protocolo);
  if (oficio_id > 0)
    sqlite3_bind_int64 (stmt, 9, oficio_id);
  else
    sqlite3_bind_null (stmt, 9);
  ok = coordena_store_step_done (store, stmt, error);
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  stmt = coordena_store_prepare (store,
                                 "INSERT INTO adesao (oferta, estado, data, protocolo) VALUES (?1, ?2, ?3, ?4) "
                                 "ON CONFLICT (oferta) DO UPDATE SET estado = excluded.estado, data = excluded.data, "
                                 "protocolo = COALESCE (excluded.protocolo, adesao.protocolo)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, offer_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, state_names[to], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
  coordena_store_bind_text (stmt, 4, protocolo);
  ok = coordena_store_step_done (store, stmt, error);
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  {
    g_autofree char *n = coordena_json_string (note);
    g_autofree char *p = coordena_json_string (protocolo);

    before = g_strdup_printf ("{\"estado\":\"%s\"}", state_names[from]);
    after = g_strdup_printf ("{\"estado\":\"%s\",\"data\":\"%s\",\"nota\":%s,\"protocolo\":%s}", state_names[to], day, n, p);
  }
  return coordena_store_audit (store, "adhesion-step", offer_id, before, after, error);
}

/* Back to a draft: the ofícios generated so far are discarded, kept as evidence with their
 * numbers, which are never given again. */
static gboolean
discard_oficios (CoordenaStore *store, const char *offer_id, GError **error)
{
  sqlite3_stmt *stmt = coordena_store_prepare (store, "UPDATE oficio SET excluido = 1 WHERE oferta = ?1 AND excluido = 0",
                                               error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, offer_id, -1, SQLITE_TRANSIENT);
  ok = coordena_store_step_done (store, stmt, error);
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
coordena_adhesion_set_state (CoordenaStore *store, const CoordenaOffer *offer, CoordenaAdhesionState to,
                             const GDate *date, const char *note, const char *protocolo, GError **error)
{
  g_autoptr(CoordenaAdhesion) current = NULL;
  GDate day;

  if (to == COORDENA_ADHESION_OFICIO_GERADO)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("an adhesion becomes “oficio_gerado” only by generating the ofício (coordena-cli oficio generate)"));
      return FALSE;
    }
  if (date != NULL)
    day = *date;
  else
    coordena_offer_today (offer, &day);

  if (!coordena_store_begin (store, error))
    return FALSE;
  current = coordena_adhesion_get (store, offer->id, error);
  if (current == NULL
      || !coordena_adhesion_check_step (offer, current->state, to, &day, protocolo, error)
      || !record_step (store, offer->id, current->state, to, &day, note, protocolo, 0, error)
      || (to == COORDENA_ADHESION_RASCUNHO && !discard_oficios (store, offer->id, error))
      || !coordena_store_commit (store, error))
    {
      coordena_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* ---- Ofícios ------------------------------------------------------------------------------ */

void
coordena_oficio_record_free (CoordenaOficioRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->offer);
  g_free (record->identification);
  g_free (record->date);
  g_free (record->signer);
  g_free (record->annex);
  g_free (record->sha256);
  g_free (record->created_at);
  g_free (record);
}

gboolean
coordena_adhesion_load_profile (CoordenaStore *store, CoordenaOficioProfile *profile, GError **error)
{
  g_autofree char *uf = coordena_store_get_uf (store);
  GHashTable *values = coordena_profile_load (store, error);

  if (values == NULL)
    return FALSE;
  g_hash_table_remove (values, "brasao");
  if (uf != NULL)
    g_hash_table_insert (values, g_strdup ("uf"), g_steal_pointer (&uf));
  profile->values = values;
  profile->uf = g_hash_table_lookup (values, "uf");
  profile->coat_of_arms = coordena_store_get_profile_blob (store, "brasao");
  return TRUE;
}

CoordenaOficioAnnex *
coordena_adhesion_teams_annex (CoordenaStore *store, char **description, GError **error)
{
  const char *const columns[] = { "Município", "IBGE", "CNES", "INE", "Tipo", "Equipe" };
  const double widths[] = { 22, 10, 11, 14, 8, 35 };
  const double widths_unnamed[] = { 35, 15, 15, 20, 15 };
  g_autoptr(GPtrArray) teams = coordena_store_list_teams (store, NULL, error);
  gboolean named = FALSE;
  g_autoptr(CoordenaOficioAnnex) annex = NULL;
  CoordenaCompetencia last = 0;
  guint n = 0;

  if (teams == NULL)
    return NULL;
  if (coordena_store_is_demo (store))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the roster in this database is demonstration data: an annex sent to the Ministry must come "
                     "from the state’s real roster"));
      return NULL;
    }
  /* The name column only when the roster knows team names (the roster CSV does not carry them). */
  for (guint i = 0; i < teams->len; i++)
    {
      const CoordenaStoreTeam *team = g_ptr_array_index (teams, i);

      named = named || (team->name != NULL && *team->name != '\0');
    }
  annex = coordena_oficio_annex_new ("ANEXO — EQUIPES DE ATENÇÃO PRIMÁRIA À SAÚDE DO ESTADO, POR MUNICÍPIO",
                                     named ? G_N_ELEMENTS (columns) : G_N_ELEMENTS (columns) - 1, columns,
                                     named ? widths : widths_unnamed);
  for (guint i = 0; i < teams->len; i++)
    {
      const CoordenaStoreTeam *team = g_ptr_array_index (teams, i);
      const char *type = team->type == COORDENA_TEAM_TYPE_ESF ? "eSF"
                         : (team->type == COORDENA_TEAM_TYPE_EAP20 || team->type == COORDENA_TEAM_TYPE_EAP30) ? "eAP"
                         : team->tp_equipe != NULL ? team->tp_equipe : "outra";
      const char *row[6];

      if (team->dt_desativacao != NULL && *team->dt_desativacao != '\0')
        continue;
      row[0] = team->municipio != NULL ? team->municipio : "";
      row[1] = team->ibge7 != NULL ? team->ibge7 : "";
      row[2] = team->cnes != NULL ? team->cnes : "";
      row[3] = team->ine;
      row[4] = type;
      row[5] = team->name != NULL ? team->name : "";
      coordena_oficio_annex_add_row (annex, row);
      last = MAX (last, team->last_competencia);
      n++;
    }
  if (n == 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the database holds no active team for the annex: import the roster first"));
      return NULL;
    }
  if (last != 0)
    {
      g_autofree char *comp = coordena_competencia_format (last);

      annex->note = g_strdup_printf ("%u equipes ativas, conforme a competência %s do CNES.", n, comp);
    }
  if (description != NULL)
    *description = g_strdup_printf ("a relação das %u equipes de Atenção Primária à Saúde do Estado, por município", n);
  return g_steal_pointer (&annex);
}

/* The inputs that shaped the PDF, as JSON, so a stored ofício says how it was made. */
static char *
inputs_json (const CoordenaOficioRequest *request, const char *annex_kind, GBytes *coat)
{
  g_autoptr(GString) json = g_string_new ("{");
  g_autoptr(GList) keys = g_hash_table_get_keys (request->profile.values);
  g_autofree char *date = iso_date (&request->date);
  g_autofree char *offer = coordena_json_string (request->offer->id);
  g_autofree char *signer = coordena_json_string (request->signer);
  g_autofree char *annex = coordena_json_string (annex_kind);
  g_autofree char *uf = coordena_json_string (request->profile.uf);

  g_string_append_printf (json, "\"oferta\":%s,\"signatario\":%s,\"data\":\"%s\",\"anexo\":%s,\"uf\":%s,\"perfil\":{",
                          offer, signer, date, annex, uf);
  keys = g_list_sort (keys, (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      g_autofree char *k = coordena_json_string (l->data);
      g_autofree char *v = coordena_json_string (g_hash_table_lookup (request->profile.values, l->data));

      g_string_append_printf (json, "%s%s:%s", l == keys ? "" : ",", k, v);
    }
  g_string_append (json, "}");
  if (coat != NULL)
    {
      g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, coat);

      g_string_append_printf (json, ",\"brasao_sha256\":\"%s\"", digest);
    }
  g_string_append (json, "}");
  return g_string_free (g_steal_pointer (&json), FALSE);
}

static gboolean
next_number (CoordenaStore *store, guint year, guint *number, GError **error)
{
  sqlite3_stmt *stmt = coordena_store_prepare (store,
                                               "SELECT MAX (COALESCE ((SELECT ultimo FROM oficio_numeracao WHERE ano = ?1), 0), "
                                               "COALESCE ((SELECT MAX (numero) FROM oficio WHERE ano = ?1), 0))", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int) year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *number = (guint) sqlite3_column_int64 (stmt, 0) + 1;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return coordena_store_set_error (store, error, _("reading the ofício numbering"));
  return TRUE;
}

CoordenaOficioRecord *
coordena_adhesion_generate_oficio (CoordenaStore *store, const CoordenaOficioRequest *request_in,
                                   const char *annex_kind, const char *output, GError **error)
{
  CoordenaOficioRequest request = *request_in;
  CoordenaOficioProfile loaded = { 0 };
  g_autoptr(CoordenaOficioAnnex) annex = NULL;
  g_autofree char *annex_description = NULL;
  g_autoptr(CoordenaAdhesion) current = NULL;
  g_autoptr(CoordenaOficioDoc) doc = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(CoordenaOficioRecord) record = NULL;
  g_autofree char *inputs = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean written = FALSE;
  guint number = 0, pages = 0;
  gint64 id;

  if (request.profile.values == NULL)
    {
      if (!coordena_adhesion_load_profile (store, &loaded, error))
        return NULL;
      request.profile = loaded;
    }
  if (request.profile.values != NULL && g_hash_table_contains (request.profile.values, "fecho"))
    request.respectfully = g_str_equal (g_hash_table_lookup (request.profile.values, "fecho"), "Respeitosamente");

  if (!coordena_oficio_check (&request, error))
    goto fail;
  if (annex_kind != NULL)
    {
      if (!g_str_equal (annex_kind, "equipes"))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("unknown annex “%s” (known: equipes)"), annex_kind);
          goto fail;
        }
      annex = coordena_adhesion_teams_annex (store, &annex_description, error);
      if (annex == NULL)
        goto fail;
      request.annex = annex;
      request.annex_description = annex_description;
    }

  if (!coordena_store_begin (store, error))
    goto fail;
  current = coordena_adhesion_get (store, request.offer->id, error);
  if (current == NULL)
    goto rollback;
  if (!coordena_adhesion_can_move (current->state, COORDENA_ADHESION_OFICIO_GERADO))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the adhesion is already “%s”: a new ofício is not generated from that state"),
                   coordena_adhesion_state_to_string (current->state));
      goto rollback;
    }
  if (!next_number (store, g_date_get_year (&request.date), &number, error))
    goto rollback;
  doc = coordena_oficio_compose (&request, number, error);
  if (doc == NULL)
    goto rollback;
  pdf = coordena_oficio_doc_render (doc, &pages, error);
  if (pdf == NULL)
    goto rollback;

  record = g_new0 (CoordenaOficioRecord, 1);
  record->number = number;
  record->year = g_date_get_year (&request.date);
  record->offer = g_strdup (request.offer->id);
  record->identification = g_strdup (doc->identification);
  record->date = iso_date (&request.date);
  record->signer = g_strdup (request.signer);
  record->annex = g_strdup (annex_kind);
  record->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  record->pages = pages;
  record->size = g_bytes_get_size (pdf);
  record->created_at = now_utc ();
  inputs = inputs_json (&request, annex_kind, request.profile.coat_of_arms);

  stmt = coordena_store_prepare (store,
                                 "INSERT INTO oficio (ano, numero, oferta, identificacao, data, signatario, anexo, entradas, "
                                 "pdf, sha256, paginas, criado_em, usuario) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_int (stmt, 1, (int) record->year);
  sqlite3_bind_int (stmt, 2, (int) number);
  sqlite3_bind_text (stmt, 3, record->offer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, record->identification, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, record->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, record->signer, -1, SQLITE_TRANSIENT);
  coordena_store_bind_text (stmt, 7, annex_kind);
  sqlite3_bind_text (stmt, 8, inputs, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 9, g_bytes_get_data (pdf, NULL), (int) g_bytes_get_size (pdf), SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, record->sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 11, (int) pages);
  sqlite3_bind_text (stmt, 12, record->created_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 13, g_get_user_name (), -1, SQLITE_TRANSIENT);
  if (!coordena_store_step_done (store, stmt, error))
    goto rollback;
  g_clear_pointer (&stmt, sqlite3_finalize);
  id = sqlite3_last_insert_rowid (coordena_store_get_db (store));
  record->id = id;

  stmt = coordena_store_prepare (store,
                                 "INSERT INTO oficio_numeracao (ano, ultimo) VALUES (?1, ?2) "
                                 "ON CONFLICT (ano) DO UPDATE SET ultimo = MAX (ultimo, excluded.ultimo)", error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_int (stmt, 1, (int) record->year);
  sqlite3_bind_int (stmt, 2, (int) number);
  if (!coordena_store_step_done (store, stmt, error))
    goto rollback;
  g_clear_pointer (&stmt, sqlite3_finalize);

  {
    g_autofree char *note = g_strdup_printf ("%s (SHA-256 %s)", record->identification, record->sha256);
    g_autofree char *after = NULL;
    g_autofree char *ident = coordena_json_string (record->identification);

    after = g_strdup_printf ("{\"identificacao\":%s,\"sha256\":\"%s\",\"paginas\":%u,\"bytes\":%" G_GSIZE_FORMAT "}",
                             ident, record->sha256, pages, record->size);
    if (!record_step (store, request.offer->id, current->state, COORDENA_ADHESION_OFICIO_GERADO, &request.date,
                      note, NULL, id, error)
        || !coordena_store_audit (store, "oficio-generate", record->identification, NULL, after, error))
      goto rollback;
  }

  if (output != NULL)
    {
      if (!g_file_set_contents_full (output, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf),
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
        goto rollback;
      written = TRUE;
    }
  if (!coordena_store_commit (store, error))
    goto rollback;

  if (loaded.values != NULL)
    g_hash_table_unref (loaded.values);
  g_clear_pointer (&loaded.coat_of_arms, g_bytes_unref);
  return g_steal_pointer (&record);

rollback:
  g_clear_pointer (&stmt, sqlite3_finalize);
  coordena_store_rollback (store);
  if (written)
    g_unlink (output);
fail:
  if (loaded.values != NULL)
    g_hash_table_unref (loaded.values);
  g_clear_pointer (&loaded.coat_of_arms, g_bytes_unref);
  return NULL;
}

static const char oficio_columns[] =
  "id, ano, numero, oferta, identificacao, data, signatario, anexo, sha256, paginas, length (pdf), criado_em, excluido";

static CoordenaOficioRecord *
record_from_row (sqlite3_stmt *stmt)
{
  CoordenaOficioRecord *record = g_new0 (CoordenaOficioRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->year = (guint) sqlite3_column_int (stmt, 1);
  record->number = (guint) sqlite3_column_int (stmt, 2);
  record->offer = col (stmt, 3);
  record->identification = col (stmt, 4);
  record->date = col (stmt, 5);
  record->signer = col (stmt, 6);
  record->annex = col (stmt, 7);
  record->sha256 = col (stmt, 8);
  record->pages = (guint) sqlite3_column_int (stmt, 9);
  record->size = (gsize) sqlite3_column_int64 (stmt, 10);
  record->created_at = col (stmt, 11);
  record->deleted = sqlite3_column_int (stmt, 12) != 0;
  return record;
}

GPtrArray *
coordena_adhesion_list_oficios (CoordenaStore *store, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM oficio ORDER BY ano, numero", oficio_columns);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_oficio_record_free);
  sqlite3_stmt *stmt = coordena_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, record_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      coordena_store_set_error (store, error, _("listing the ofícios"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

CoordenaOficioRecord *
coordena_adhesion_export_oficio (CoordenaStore *store, const char *numero_ano, const char *output, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s, pdf FROM oficio WHERE numero = ?1 AND ano = ?2", oficio_columns);
  g_autoptr(CoordenaOficioRecord) record = NULL;
  guint64 number = 0, year = 0;
  const char *slash = numero_ano != NULL ? strchr (numero_ano, '/') : NULL;
  char *end = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (slash != NULL)
    {
      number = g_ascii_strtoull (numero_ano, &end, 10);
      if (end != slash)
        number = 0;
      year = g_ascii_strtoull (slash + 1, &end, 10);
      if (*end != '\0' || strlen (slash + 1) != 4)
        year = 0;
    }
  if (number == 0 || year == 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("“%s” is not an ofício number: write NUMERO/ANO, e.g. 12/2025"), numero_ano != NULL ? numero_ano : "");
      return NULL;
    }
  stmt = coordena_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, (gint64) number);
  sqlite3_bind_int64 (stmt, 2, (gint64) year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      record = record_from_row (stmt);
      if (!g_file_set_contents_full (output, sqlite3_column_blob (stmt, 13), sqlite3_column_bytes (stmt, 13),
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("no ofício %s in this database"), numero_ano);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      coordena_store_set_error (store, error, _("reading the ofício"));
      return NULL;
    }
  return g_steal_pointer (&record);
}

/* ---- Municipal follow-up ------------------------------------------------------------------ */

static const char *const municipio_names[] = { "nao_iniciado", "aderiu_egestor", "pendente" };
static const char *const municipio_labels[] = { N_("not started"), N_("adhered in e-Gestor"), N_("pending") };

const char *
coordena_municipio_status_to_string (CoordenaMunicipioStatus status)
{
  return status <= COORDENA_MUNICIPIO_PENDENTE ? municipio_names[status] : "?";
}

const char *
coordena_municipio_status_label (CoordenaMunicipioStatus status)
{
  return status <= COORDENA_MUNICIPIO_PENDENTE ? _(municipio_labels[status]) : "?";
}

gboolean
coordena_municipio_status_from_string (const char *text, CoordenaMunicipioStatus *status, GError **error)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (municipio_names); i++)
    if (g_str_equal (text, municipio_names[i]))
      {
        *status = (CoordenaMunicipioStatus) i;
        return TRUE;
      }
  g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
               _("unknown municipal status “%s” (known: nao_iniciado, aderiu_egestor, pendente)"), text != NULL ? text : "");
  return FALSE;
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

/* Sets the store's "run init" error; a state without a code is refused too. */
static void
require_uf (CoordenaStore *store, GError **error)
{
  g_autofree char *uf = coordena_store_require_uf (store, error);

  if (uf != NULL)
    g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_DAMAGED, _("the database’s state “%s” has no IBGE code"), uf);
}

static gint
compare_municipios (gconstpointer a, gconstpointer b)
{
  const CoordenaMunicipioAdesao *x = *(CoordenaMunicipioAdesao **) a;
  const CoordenaMunicipioAdesao *y = *(CoordenaMunicipioAdesao **) b;

  return g_utf8_collate (x->nome, y->nome);
}

GPtrArray *
coordena_adhesion_list_municipios (CoordenaStore *store, const char *offer_id, const GDate *today, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_municipio_adesao_free);
  guint uf = coordena_store_get_uf_code (store);
  sqlite3_stmt *stmt;
  int rc;

  if (uf == 0)
    {
      require_uf (store, error);
      return NULL;
    }
  stmt = coordena_store_prepare (store,
                                 "SELECT m.ibge7, m.nome, a.status, a.data, a.responsavel, a.acesso_titular, "
                                 "a.acesso_ultimo_uso, a.nota FROM municipio m "
                                 "LEFT JOIN municipio_adesao a ON a.ibge7 = m.ibge7 AND a.oferta = ?1 "
                                 "WHERE m.uf_codigo = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, offer_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int) uf);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CoordenaMunicipioAdesao *m = g_new0 (CoordenaMunicipioAdesao, 1);
      g_autofree char *status = col (stmt, 2);

      m->ibge7 = col (stmt, 0);
      m->nome = col (stmt, 1);
      if (status != NULL)
        coordena_municipio_status_from_string (status, &m->status, NULL);
      m->date = col (stmt, 3);
      m->responsavel = col (stmt, 4);
      m->acesso_titular = col (stmt, 5);
      m->acesso_ultimo_uso = col (stmt, 6);
      m->note = col (stmt, 7);
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
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      coordena_store_set_error (store, error, _("listing the municipalities"));
      return NULL;
    }
  g_ptr_array_sort (list, compare_municipios);
  return g_steal_pointer (&list);
}

static gboolean
check_optional_date (const char *what, const char *text, char **iso, GError **error)
{
  GDate date;
  g_autoptr(GError) local = NULL;

  if (text == NULL)
    return TRUE;
  if (!coordena_parse_date (text, &date, &local))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("%s: %s"), what, local->message);
      return FALSE;
    }
  *iso = iso_date (&date);
  return TRUE;
}

gboolean
coordena_adhesion_set_municipio (CoordenaStore *store, const char *offer_id, const char *ibge,
                                 const CoordenaMunicipioStatus *status, const char *date, const char *responsavel,
                                 const char *acesso_titular, const char *acesso_ultimo_uso, const char *note,
                                 GError **error)
{
  g_autofree char *ibge7 = coordena_store_lookup_ibge7 (store, ibge);
  g_autofree char *day = NULL;
  g_autofree char *used = NULL;
  g_autofree char *after = NULL;
  guint uf = coordena_store_get_uf_code (store);
  sqlite3_stmt *stmt;
  gboolean ok;

  if (uf == 0)
    {
      require_uf (store, error);
      return FALSE;
    }
  if (ibge7 == NULL || (guint) g_ascii_strtoull (ibge7, NULL, 10) / 100000 != uf)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("“%s” is not the IBGE code of a municipality of this state"),
                   ibge != NULL ? ibge : "");
      return FALSE;
    }
  if (!check_optional_date (_("date"), date, &day, error) || !check_optional_date (_("last use of the access"), acesso_ultimo_uso, &used, error))
    return FALSE;

  if (!coordena_store_begin (store, error))
    return FALSE;
  stmt = coordena_store_prepare (store,
                                 "INSERT INTO municipio_adesao (oferta, ibge7, status, data, responsavel, acesso_titular, "
                                 "acesso_ultimo_uso, nota) VALUES (?1, ?2, COALESCE (?3, 'nao_iniciado'), ?4, ?5, ?6, ?7, ?8) "
                                 "ON CONFLICT (oferta, ibge7) DO UPDATE SET status = COALESCE (?3, status), "
                                 "data = COALESCE (?4, data), responsavel = COALESCE (?5, responsavel), "
                                 "acesso_titular = COALESCE (?6, acesso_titular), "
                                 "acesso_ultimo_uso = COALESCE (?7, acesso_ultimo_uso), nota = COALESCE (?8, nota)", error);
  if (stmt == NULL)
    {
      coordena_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, offer_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, ibge7, -1, SQLITE_TRANSIENT);
  coordena_store_bind_text (stmt, 3, status != NULL ? municipio_names[*status] : NULL);
  coordena_store_bind_text (stmt, 4, day);
  coordena_store_bind_text (stmt, 5, responsavel);
  coordena_store_bind_text (stmt, 6, acesso_titular);
  coordena_store_bind_text (stmt, 7, used);
  coordena_store_bind_text (stmt, 8, note);
  ok = coordena_store_step_done (store, stmt, error);
  sqlite3_finalize (stmt);
  {
    g_autofree char *r = coordena_json_string (responsavel);
    g_autofree char *t = coordena_json_string (acesso_titular);
    g_autofree char *u = coordena_json_string (used);
    g_autofree char *d = coordena_json_string (day);
    g_autofree char *s = coordena_json_string (status != NULL ? municipio_names[*status] : NULL);

    after = g_strdup_printf ("{\"oferta\":\"%s\",\"status\":%s,\"data\":%s,\"responsavel\":%s,\"acesso_titular\":%s,"
                             "\"acesso_ultimo_uso\":%s}", offer_id, s, d, r, t, u);
  }
  if (!ok || !coordena_store_audit (store, "municipio-adesao", ibge7, NULL, after, error)
      || !coordena_store_commit (store, error))
    {
      coordena_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}
