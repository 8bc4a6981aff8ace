/* SPDX-License-Identifier: GPL-3.0-or-later */
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
#include <coordena/numbering.h>
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
      g_autofree char *state = coordena_store_column_dup (stmt, 0);

      adhesion->state = state_of (state);
      adhesion->date = coordena_store_column_dup (stmt, 1);
      adhesion->protocolo = coordena_store_column_dup (stmt, 2);
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

static gboolean check_step_date (const CoordenaAdhesion *current, const GDate *day, GError **error);

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
      || !check_step_date (current, &day, error)
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
  g_free (record->date_sent);
  g_free (record->channel);
  g_free (record->receipt);
  g_free (record->file_name);
  g_free (record->warning);
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

typedef struct {
  char *municipio, *ibge7, *cnes, *ine, *type, *name;
} AnnexRow;

static void
annex_row_free (gpointer data)
{
  AnnexRow *row = data;

  g_free (row->municipio);
  g_free (row->ibge7);
  g_free (row->cnes);
  g_free (row->ine);
  g_free (row->type);
  g_free (row->name);
  g_free (row);
}

static gint
compare_annex_rows (gconstpointer a, gconstpointer b)
{
  const AnnexRow *x = *(AnnexRow **) a, *y = *(AnnexRow **) b;
  gint c = g_utf8_collate (x->municipio, y->municipio);

  return c != 0 ? c : g_strcmp0 (x->ine, y->ine);
}

CoordenaOficioAnnex *
coordena_adhesion_teams_annex (CoordenaStore *store, const GDate *date, char **description, GError **error)
{
  const char *const columns[] = { "Município", "IBGE", "CNES", "INE", "Tipo", "Equipe" };
  const double widths[] = { 21, 10, 10, 13, 11, 35 };
  const double widths_unnamed[] = { 33, 14, 14, 19, 20 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (annex_row_free);
  g_autoptr(CoordenaOficioAnnex) annex = NULL;
  g_autofree char *day = iso_date (date);
  g_autofree char *comp_text = NULL;
  g_autofree char *shown_date = coordena_format_date (date);
  CoordenaCompetencia upto = g_date_get_year (date) * 100 + g_date_get_month (date), comp = 0;
  gboolean named = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  if (coordena_store_is_demo (store))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the roster in this database is demonstration data: an annex sent to the Ministry must come "
                     "from the state’s real roster"));
      return NULL;
    }
  stmt = coordena_store_prepare (store, "SELECT MAX (competencia) FROM equipe_competencia WHERE competencia <= ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, (int) upto);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    comp = (CoordenaCompetencia) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return coordena_store_set_error (store, error, _("reading the competências")), NULL;
  if (comp == 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the database holds no competência on or before %s, the ofício’s date: import the roster first"),
                   shown_date);
      return NULL;
    }
  stmt = coordena_store_prepare (store,
                                 "SELECT m.nome, e.ibge7, e.cnes, e.ine, ec.tipo, e.tp_equipe, e.nome "
                                 "FROM equipe_competencia ec JOIN equipe e ON e.id = ec.equipe_id "
                                 "JOIN municipio m ON m.ibge7 = e.ibge7 WHERE ec.competencia = ?1 "
                                 "AND (e.dt_desativacao IS NULL OR e.dt_desativacao = '' OR e.dt_desativacao > ?2)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, (int) comp);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AnnexRow *row = g_new0 (AnnexRow, 1);
      const char *tipo = (const char *) sqlite3_column_text (stmt, 4);
      const char *tp = (const char *) sqlite3_column_text (stmt, 5);

      row->municipio = coordena_store_column_dup (stmt, 0);
      row->ibge7 = coordena_store_column_dup (stmt, 1);
      row->cnes = coordena_store_column_dup (stmt, 2);
      row->ine = coordena_store_column_dup (stmt, 3);
      row->type = g_strdup (g_strcmp0 (tipo, "eSF") == 0     ? "eSF"
                            : g_strcmp0 (tipo, "eAP20") == 0 ? "eAP 20 h"
                            : g_strcmp0 (tipo, "eAP30") == 0 ? "eAP 30 h"
                            : tp != NULL                     ? tp
                                                             : "outra");
      row->name = coordena_store_column_dup (stmt, 6);
      named = named || (row->name != NULL && *row->name != '\0');
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return coordena_store_set_error (store, error, _("reading the teams for the annex")), NULL;
  comp_text = coordena_competencia_format (comp);
  if (rows->len == 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the competência %s holds no active team for the annex: import the roster first"), comp_text);
      return NULL;
    }
  g_ptr_array_sort (rows, compare_annex_rows);
  /* The name column only when the roster knows team names (the roster CSV does not carry them). */
  annex = coordena_oficio_annex_new ("ANEXO — EQUIPES DE ATENÇÃO PRIMÁRIA À SAÚDE DO ESTADO, POR MUNICÍPIO",
                                     named ? G_N_ELEMENTS (columns) : G_N_ELEMENTS (columns) - 1, columns,
                                     named ? widths : widths_unnamed);
  for (guint i = 0; i < rows->len; i++)
    {
      const AnnexRow *r = g_ptr_array_index (rows, i);
      const char *cells[6] = { r->municipio, r->ibge7, r->cnes != NULL ? r->cnes : "", r->ine, r->type,
                               r->name != NULL ? r->name : "" };

      coordena_oficio_annex_add_row (annex, cells);
    }
  annex->note = g_strdup_printf ("%u equipes ativas na competência %s do CNES, a mais recente até a data do ofício "
                                 "(%s). eAP: equipe de Atenção Primária, modalidade I (20 h) ou II (30 h) semanais.",
                                 rows->len, comp_text, shown_date);
  if (description != NULL)
    *description = g_strdup_printf ("a relação das %u equipes de Atenção Primária à Saúde do Estado, por município, "
                                    "na competência %s do CNES", rows->len, comp_text);
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

/* A step's date: not in the future, not before the adhesion's last step. */
static gboolean
check_step_date (const CoordenaAdhesion *current, const GDate *day, GError **error)
{
  GDate today, last;
  const CoordenaAdhesionStep *previous = current->steps->len > 0
                                         ? g_ptr_array_index (current->steps, current->steps->len - 1) : NULL;

  coordena_clock_today (&today);
  if (g_date_compare (day, &today) > 0)
    {
      g_autofree char *d = coordena_format_date (day);
      g_autofree char *t = coordena_format_date (&today);

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the date %s is in the future (today is %s): record a step on the day it happened"), d, t);
      return FALSE;
    }
  if (previous != NULL && coordena_parse_date (previous->date, &last, NULL) && g_date_compare (day, &last) < 0)
    {
      g_autofree char *d = coordena_format_date (day);
      g_autofree char *l = coordena_format_date (&last);

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the date %s is before the adhesion’s last step (“%s” on %s): steps follow one another, "
                     "give %s or later"), d, state_names[previous->to], l, l);
      return FALSE;
    }
  return TRUE;
}

/* Writes the PDF beside output under a temporary name; NULL output writes nothing. */
static gboolean
stage_file (const char *output, GBytes *pdf, char **temp, GError **error)
{
  if (output == NULL)
    return TRUE;
  *temp = coordena_file_write_temp (output, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), error);
  return *temp != NULL;
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
  g_autofree char *temp = NULL;
  sqlite3_stmt *stmt = NULL;
  guint number = 0, given_year = 0, pages = 0;
  CoordenaIssuedNumber issued = { 0 };
  GDate today;
  gint64 id;

  coordena_clock_today (&today);
  if (request.profile.values == NULL)
    {
      if (!coordena_adhesion_load_profile (store, &loaded, error))
        return NULL;
      request.profile = loaded;
    }
  request.respectfully = coordena_oficio_closing_respectful (request.profile.values, request.signer);

  if (request.numero != NULL && !coordena_numbering_parse (request.numero, &number, &given_year, error))
    goto fail;
  if (request.numero != NULL && g_date_valid (&request.date) && given_year != g_date_get_year (&request.date))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the number %s is of %u but the ofício is dated in %u: give a number of the ofício’s year"),
                   request.numero, given_year, g_date_get_year (&request.date));
      goto fail;
    }
  if (!coordena_oficio_check (&request, error)
      || !coordena_numbering_check_date (store, COORDENA_SEQUENCE_OFICIO, &request.date, error))
    goto fail;
  if (annex_kind != NULL)
    {
      if (!g_str_equal (annex_kind, "equipes"))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("unknown annex “%s” (known: equipes)"), annex_kind);
          goto fail;
        }
      annex = coordena_adhesion_teams_annex (store, &request.date, &annex_description, error);
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
  if (request.numero != NULL)
    {
      if (!coordena_numbering_check_free (store, COORDENA_SEQUENCE_OFICIO, given_year, number, error))
        goto rollback;
    }
  else if (!coordena_numbering_next (store, COORDENA_SEQUENCE_OFICIO, g_date_get_year (&request.date), &number, error))
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

  /* The file exists only under a temporary name until the number is committed. */
  if (!stage_file (output, pdf, &temp, error))
    goto rollback;

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

  {
    g_autofree char *note = g_strdup_printf ("%s (SHA-256 %s)", record->identification, record->sha256);
    g_autofree char *after = NULL;
    g_autofree char *ident = coordena_json_string (record->identification);

    after = g_strdup_printf ("{\"identificacao\":%s,\"data\":\"%s\",\"sha256\":\"%s\",\"paginas\":%u,\"bytes\":%"
                             G_GSIZE_FORMAT ",\"numeracao\":\"%s\"}",
                             ident, record->date, record->sha256, pages, record->size,
                             request.numero != NULL ? "informado" : "contador");
    /* The step is the day the ofício was generated; the ofício's own date may be a later day
     * chosen for the signature. */
    if (!record_step (store, request.offer->id, current->state, COORDENA_ADHESION_OFICIO_GERADO, &today,
                      note, NULL, id, error)
        || !coordena_store_audit (store, "oficio-generate", record->identification, NULL, after, error))
      goto rollback;
  }

  /* Last before the commit: the register beside the database, synced to disk. */
  issued.sequence = (char *) COORDENA_SEQUENCE_OFICIO;
  issued.year = record->year;
  issued.number = number;
  issued.date = record->date;
  issued.origin = request.numero != NULL ? COORDENA_NUMBER_GIVEN : COORDENA_NUMBER_COUNTER;
  issued.document = record->identification;
  issued.sha256 = record->sha256;
  issued.recorded_at = record->created_at;
  if (!coordena_numbering_issue (store, &issued, error))
    goto rollback;
  if (!coordena_store_commit (store, error))
    goto rollback;

  if (temp != NULL)
    {
      g_autoptr(GError) local = NULL;

      if (!coordena_file_commit_temp (temp, output, &local))
        record->warning = g_strdup_printf (_("%s was stored in the database, but its file could not be written (%s): "
                                             "write it with “coordena-cli oficio export %u/%u -o FILE.pdf”"),
                                           record->identification, local->message, record->number, record->year);
    }

  if (loaded.values != NULL)
    g_hash_table_unref (loaded.values);
  g_clear_pointer (&loaded.coat_of_arms, g_bytes_unref);
  return g_steal_pointer (&record);

rollback:
  g_clear_pointer (&stmt, sqlite3_finalize);
  coordena_store_rollback (store);
  /* Only the temporary file is ours to remove: whatever the user had at output is untouched. */
  if (temp != NULL)
    g_unlink (temp);
fail:
  if (loaded.values != NULL)
    g_hash_table_unref (loaded.values);
  g_clear_pointer (&loaded.coat_of_arms, g_bytes_unref);
  return NULL;
}

/* The largest scan accepted for a registered ofício. */
#define REGISTERED_FILE_MAX (50 * 1024 * 1024)

CoordenaOficioRecord *
coordena_adhesion_register_oficio (CoordenaStore *store, const CoordenaOficioRegistration *reg, GError **error)
{
  g_autoptr(CoordenaAdhesion) current = NULL;
  g_autoptr(CoordenaOficioRecord) record = g_new0 (CoordenaOficioRecord, 1);
  g_autoptr(GError) local = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sigla = NULL;
  g_autofree char *style = NULL;
  g_autofree char *inputs = NULL;
  gsize length = 0;
  guint number = 0, year = 0;
  CoordenaIssuedNumber issued = { 0 };
  CoordenaAdhesionState from;
  sqlite3_stmt *stmt = NULL;

  if (!coordena_numbering_parse (reg->numero, &number, &year, error))
    return NULL;
  if (reg->channel == NULL || *reg->channel == '\0')
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("say how the ofício was sent (--canal: SEI, protocolo, e-mail, Correios…)"));
      return NULL;
    }
  if (reg->signer != NULL && !coordena_offer_check_signer (reg->offer, reg->signer, error))
    return NULL;
  if (reg->file != NULL)
    {
      if (!g_file_get_contents (reg->file, &contents, &length, &local))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("cannot read the ofício’s file: %s"), local->message);
          return NULL;
        }
      if (length == 0 || length > REGISTERED_FILE_MAX)
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("the ofício’s file %s is empty or larger than 50 MB"), reg->file);
          return NULL;
        }
      record->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      record->file_name = g_path_get_basename (reg->file);
    }
  sigla = coordena_store_get_profile (store, "secretaria.sigla");
  style = coordena_store_get_profile (store, "numeracao.estilo");
  record->number = number;
  record->year = year;
  record->offer = g_strdup (reg->offer->id);
  record->identification = sigla != NULL ? coordena_oficio_format_identification (style, number, year, sigla)
                                         : g_strdup_printf ("OFÍCIO %s %u/%u", g_strcmp0 (style, "N.º") == 0 ? "N.º" : "Nº",
                                                            number, year);
  record->date = iso_date (&reg->date_sent);
  record->date_sent = g_strdup (record->date);
  record->signer = g_strdup (reg->signer != NULL ? reg->signer : "");
  record->channel = g_strdup (reg->channel);
  record->receipt = g_strdup (reg->receipt);
  record->registered = TRUE;
  record->size = length;
  record->created_at = now_utc ();
  {
    g_autofree char *o = coordena_json_string (reg->offer->id);
    g_autofree char *c = coordena_json_string (reg->channel);
    g_autofree char *r = coordena_json_string (reg->receipt);
    g_autofree char *f = coordena_json_string (record->file_name);

    inputs = g_strdup_printf ("{\"oferta\":%s,\"registrado\":true,\"data_envio\":\"%s\",\"canal\":%s,\"recibo\":%s,"
                              "\"arquivo\":%s}", o, record->date, c, r, f);
  }

  if (!coordena_store_begin (store, error))
    return NULL;
  current = coordena_adhesion_get (store, reg->offer->id, error);
  if (current == NULL)
    goto rollback;
  from = current->state;
  if (from == COORDENA_ADHESION_RASCUNHO || from == COORDENA_ADHESION_OFICIO_GERADO
      || from == COORDENA_ADHESION_INDEFERIDO)
    from = COORDENA_ADHESION_ASSINADO; /* signed outside: the machine's last step before "enviado" */
  if (!check_step_date (current, &reg->date_sent, error)
      || !coordena_adhesion_check_step (reg->offer, from, COORDENA_ADHESION_ENVIADO, &reg->date_sent, NULL, error)
      || !coordena_numbering_check_free (store, COORDENA_SEQUENCE_OFICIO, year, number, error))
    goto rollback;

  stmt = coordena_store_prepare (store,
                                 "INSERT INTO oficio (ano, numero, oferta, identificacao, data, signatario, anexo, entradas, "
                                 "pdf, sha256, paginas, criado_em, usuario, origem, data_envio, canal, recibo, arquivo) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7, ?8, ?9, 0, ?10, ?11, 'registrado', ?5, ?12, "
                                 "?13, ?14)", error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_int (stmt, 1, (int) year);
  sqlite3_bind_int (stmt, 2, (int) number);
  sqlite3_bind_text (stmt, 3, record->offer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, record->identification, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, record->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, record->signer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, inputs, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 8, contents != NULL ? contents : "", (int) length, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, record->sha256 != NULL ? record->sha256 : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, record->created_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, record->channel, -1, SQLITE_TRANSIENT);
  coordena_store_bind_text (stmt, 13, record->receipt);
  coordena_store_bind_text (stmt, 14, record->file_name);
  if (!coordena_store_step_done (store, stmt, error))
    goto rollback;
  g_clear_pointer (&stmt, sqlite3_finalize);
  record->id = sqlite3_last_insert_rowid (coordena_store_get_db (store));

  {
    g_autofree char *note = g_strdup_printf ("%s registrado: enviado por %s%s%s", record->identification, record->channel,
                                             record->receipt != NULL ? ", recibo " : "",
                                             record->receipt != NULL ? record->receipt : "");
    g_autofree char *ident = coordena_json_string (record->identification);
    g_autofree char *after = g_strdup_printf ("{\"identificacao\":%s,\"registrado\":true,\"data_envio\":\"%s\"}", ident,
                                              record->date);

    if (!record_step (store, reg->offer->id, current->state, COORDENA_ADHESION_ENVIADO, &reg->date_sent, note,
                      record->receipt, record->id, error)
        || !coordena_store_audit (store, "oficio-register", record->identification, NULL, after, error))
      goto rollback;
  }
  issued.sequence = (char *) COORDENA_SEQUENCE_OFICIO;
  issued.year = year;
  issued.number = number;
  issued.date = record->date;
  issued.origin = COORDENA_NUMBER_REGISTERED;
  issued.document = record->identification;
  issued.sha256 = record->sha256;
  issued.recorded_at = record->created_at;
  if (!coordena_numbering_issue (store, &issued, error) || !coordena_store_commit (store, error))
    goto rollback;
  return g_steal_pointer (&record);

rollback:
  g_clear_pointer (&stmt, sqlite3_finalize);
  coordena_store_rollback (store);
  return NULL;
}

static const char oficio_columns[] =
  "id, ano, numero, oferta, identificacao, data, signatario, anexo, sha256, paginas, length (pdf), criado_em, excluido, "
  "origem, data_envio, canal, recibo, arquivo";

static CoordenaOficioRecord *
record_from_row (sqlite3_stmt *stmt)
{
  CoordenaOficioRecord *record = g_new0 (CoordenaOficioRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->year = (guint) sqlite3_column_int (stmt, 1);
  record->number = (guint) sqlite3_column_int (stmt, 2);
  record->offer = coordena_store_column_dup (stmt, 3);
  record->identification = coordena_store_column_dup (stmt, 4);
  record->date = coordena_store_column_dup (stmt, 5);
  record->signer = coordena_store_column_dup (stmt, 6);
  record->annex = coordena_store_column_dup (stmt, 7);
  record->sha256 = coordena_store_column_dup (stmt, 8);
  record->pages = (guint) sqlite3_column_int (stmt, 9);
  record->size = (gsize) sqlite3_column_int64 (stmt, 10);
  record->created_at = coordena_store_column_dup (stmt, 11);
  record->deleted = sqlite3_column_int (stmt, 12) != 0;
  record->registered = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 13), "registrado") == 0;
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
  g_autofree char *temp = NULL;
  guint number = 0, year = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (!coordena_numbering_parse (numero_ano, &number, &year, error))
    return NULL;
  stmt = coordena_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, (gint64) number);
  sqlite3_bind_int64 (stmt, 2, (gint64) year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      record = record_from_row (stmt);
      if (sqlite3_column_bytes (stmt, 18) == 0)
        {
          sqlite3_finalize (stmt);
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("the ofício %s was registered without a file: there is nothing to export"), numero_ano);
          return NULL;
        }
      temp = coordena_file_write_temp (output, sqlite3_column_blob (stmt, 18), (gsize) sqlite3_column_bytes (stmt, 18),
                                       error);
      if (temp == NULL || !coordena_file_commit_temp (temp, output, error))
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
