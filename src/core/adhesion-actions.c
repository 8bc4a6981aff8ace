/* SPDX-License-Identifier: GPL-3.0-or-later */
/* adhesion-actions.c — what a user does to an adhesion: move its state, generate, register and
 * export ofícios, follow the municipalities. One transaction per action, audited; the rows are
 * read and written by store-adhesion.c. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include <coordena/clock.h>
#include <coordena/adhesion.h>
#include <coordena/competencia.h>
#include <coordena/error.h>
#include <coordena/format.h>
#include <coordena/numbering.h>
#include <coordena/profile.h>

#include "store-internal.h"

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

  if (!coordena_store_adhesion_record_step (store, offer_id, from, to, day, now, note, protocolo, oficio_id, error))
    return FALSE;
  {
    g_autofree char *n = coordena_json_string (note);
    g_autofree char *p = coordena_json_string (protocolo);

    before = g_strdup_printf ("{\"estado\":\"%s\"}", coordena_adhesion_state_to_string (from));
    after = g_strdup_printf ("{\"estado\":\"%s\",\"data\":\"%s\",\"nota\":%s,\"protocolo\":%s}", coordena_adhesion_state_to_string (to), day, n, p);
  }
  return coordena_store_audit (store, "adhesion-step", offer_id, before, after, error);
}
static gboolean check_step_date (const CoordenaAdhesion *current, const GDate *day, GError **error);

/* "assinado" and "enviado" speak of the ofício: neither can come before the date it bears (a
 * post-dated ofício is signed and sent on or after that day). */
static gboolean
check_step_after_oficio (CoordenaStore *store, const CoordenaOffer *offer, CoordenaAdhesionState to, const GDate *day,
                         GError **error)
{
  g_autoptr(GPtrArray) records = NULL;
  const CoordenaOficioRecord *latest = NULL;
  GDate dated;

  if (to != COORDENA_ADHESION_ASSINADO && to != COORDENA_ADHESION_ENVIADO)
    return TRUE;
  if ((records = coordena_adhesion_list_oficios (store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      const CoordenaOficioRecord *r = g_ptr_array_index (records, i);

      if (r->deleted || r->registered || g_strcmp0 (r->offer, offer->id) != 0)
        continue;
      if (latest == NULL || g_strcmp0 (r->date, latest->date) > 0)
        latest = r;
    }
  if (latest == NULL || !coordena_parse_date (latest->date, &dated, NULL) || g_date_compare (day, &dated) >= 0)
    return TRUE;
  {
    g_autofree char *d = coordena_format_date (day);
    g_autofree char *o = coordena_format_date (&dated);

    g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                 _("the date %s is before that of %s (%s): an ofício is not “%s” before the date it bears; give %s or "
                   "later"), d, latest->identification, o, coordena_adhesion_state_to_string (to), o);
  }
  return FALSE;
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
  if (!coordena_text_check_plain ("--note", note, error) || !coordena_text_check_plain ("--protocolo", protocolo, error))
    return FALSE;
  if (date != NULL)
    day = *date;
  else
    coordena_offer_today (offer, &day);

  if (!coordena_store_begin (store, error))
    return FALSE;
  current = coordena_adhesion_get (store, offer->id, error);
  if (current == NULL
      || !coordena_adhesion_check_step (offer, current->state, to, &day, protocolo, error)
      || !coordena_offer_check_not_before (offer, NULL, &day, error)
      || !check_step_date (current, &day, error)
      || !check_step_after_oficio (store, offer, to, &day, error)
      || !record_step (store, offer->id, current->state, to, &day, note, protocolo, 0, error)
      || (to == COORDENA_ADHESION_RASCUNHO && !coordena_store_adhesion_discard_oficios (store, offer->id, error))
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
  g_autoptr(GPtrArray) teams = NULL;
  gboolean named = FALSE;

  if (coordena_store_is_demo (store))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the roster in this database is demonstration data: an annex sent to the Ministry must come "
                     "from the state’s real roster"));
      return NULL;
    }
  if (!coordena_store_latest_competencia_upto (store, upto, &comp, error))
    return NULL;
  if (comp == 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the database holds no competência on or before %s, the ofício’s date: import the roster first"),
                   shown_date);
      return NULL;
    }
  if ((teams = coordena_store_annex_teams (store, comp, day, error)) == NULL)
    return NULL;
  for (guint i = 0; i < teams->len; i++)
    {
      CoordenaStoreAnnexTeam *t = g_ptr_array_index (teams, i);
      AnnexRow *row = g_new0 (AnnexRow, 1);

      row->municipio = g_steal_pointer (&t->municipio);
      row->ibge7 = g_steal_pointer (&t->ibge7);
      row->cnes = g_steal_pointer (&t->cnes);
      row->ine = g_steal_pointer (&t->ine);
      row->type = g_strdup (g_strcmp0 (t->tipo, "eSF") == 0     ? "eSF"
                            : g_strcmp0 (t->tipo, "eAP20") == 0 ? "eAP 20 h"
                            : g_strcmp0 (t->tipo, "eAP30") == 0 ? "eAP 30 h"
                            : t->tp_equipe != NULL              ? t->tp_equipe
                                                                : "outra");
      row->name = g_steal_pointer (&t->name);
      named = named || (row->name != NULL && *row->name != '\0');
      g_ptr_array_add (rows, row);
    }
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
                     "give %s or later"), d, coordena_adhesion_state_to_string (previous->to), l, l);
      return FALSE;
    }
  return TRUE;
}

/* The commit failed after the number went into the registers: the database is as it was, but the
 * number is spent, and the message must not say that nothing changed. */
static void
spent_number (GError **error, const char *identification, guint number, guint year)
{
  g_autofree char *cause = NULL;
  const char *nothing = _("Nothing was changed");
  char *cut;

  if (error == NULL || *error == NULL)
    return;
  cause = g_strdup ((*error)->message);
  /* The store's "Nothing was changed" speaks of the database only. */
  if ((cut = strstr (cause, nothing)) != NULL)
    {
      memmove (cut, cut + strlen (nothing), strlen (cut + strlen (nothing)) + 1);
      g_strstrip (cause);
    }
  g_clear_error (error);
  g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO,
               _("%s was not stored and no file was written, but the number %u/%u had already been written in the "
                 "register of issued numbers: it is spent and will not be given again. Free space on the disk and "
                 "generate again; the ofício will take the next number. (%s)"),
               identification, number, year, cause);
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
      || !coordena_numbering_check_date (store, COORDENA_SEQUENCE_OFICIO, &request.date, error)
      || (g_date_valid (&request.date) && !coordena_offer_check_not_before (request.offer, "oficio", &request.date, error)))
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
  if (!coordena_numbering_check_order (store, COORDENA_SEQUENCE_OFICIO, g_date_get_year (&request.date), number,
                                       &request.date, error))
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

  id = coordena_store_oficio_insert (store, record, inputs, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), error);
  if (id == 0)
    goto rollback;
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
    {
      spent_number (error, record->identification, number, record->year);
      goto rollback;
    }

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

  if (!coordena_numbering_parse (reg->numero, &number, &year, error))
    return NULL;
  if (year != g_date_get_year (&reg->date_sent))
    {
      g_autofree char *d = coordena_format_date (&reg->date_sent);

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the number %s is of %u but the ofício was sent on %s: numbers restart each year, so give the "
                     "number it was sent with in %u, or the right date"), reg->numero, year, d,
                   g_date_get_year (&reg->date_sent));
      return NULL;
    }
  if (reg->channel == NULL || *reg->channel == '\0')
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("say how the ofício was sent (--canal: SEI, protocolo, e-mail, Correios…)"));
      return NULL;
    }
  if (!coordena_text_check_plain ("--canal", reg->channel, error) || !coordena_text_check_plain ("--recibo", reg->receipt, error))
    return NULL;
  if (reg->signer != NULL && !coordena_offer_check_signer (reg->offer, reg->signer, error))
    return NULL;
  if (reg->file != NULL)
    {
      g_autoptr(GFile) gfile = g_file_new_for_path (reg->file);
      g_autoptr(GFileInfo) info = g_file_query_info (gfile, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, &local);

      if (info == NULL)
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("cannot read the ofício’s file: %s"), local->message);
          return NULL;
        }
      /* A device, a FIFO or a folder would hang or fill the memory before any check. */
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("%s is not an ordinary file: give the signed ofício as a PDF, or its scan as PNG or JPEG"),
                       reg->file);
          return NULL;
        }
      if (g_file_info_get_size (info) <= 0 || g_file_info_get_size (info) > REGISTERED_FILE_MAX)
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("the ofício’s file %s is empty or larger than 50 MB"), reg->file);
          return NULL;
        }
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
      /* By what the file is, not by its name: a database or a spreadsheet full of CNS is not a scan. */
      if (!(length >= 5 && memcmp (contents, "%PDF-", 5) == 0)
          && !(length >= 8 && memcmp (contents, "\x89PNG\r\n\x1a\n", 8) == 0)
          && !(length >= 3 && memcmp (contents, "\xff\xd8\xff", 3) == 0))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("%s is not a PDF, PNG or JPEG file: give the signed ofício as a PDF, or its scan as PNG or "
                         "JPEG"), reg->file);
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
      || !coordena_offer_check_not_before (reg->offer, "oficio", &reg->date_sent, error)
      || !coordena_numbering_check_free (store, COORDENA_SEQUENCE_OFICIO, year, number, error)
      || !coordena_numbering_check_order (store, COORDENA_SEQUENCE_OFICIO, year, number, &reg->date_sent, error))
    goto rollback;

  record->id = coordena_store_oficio_insert (store, record, inputs, contents, length, error);
  if (record->id == 0)
    goto rollback;

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
  coordena_store_rollback (store);
  return NULL;
}

CoordenaOficioRecord *
coordena_adhesion_export_oficio (CoordenaStore *store, const char *numero_ano, const char *output, GError **error)
{
  g_autoptr(CoordenaOficioRecord) record = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *temp = NULL;
  guint number = 0, year = 0;

  if (!coordena_numbering_parse (numero_ano, &number, &year, error))
    return NULL;
  record = coordena_store_oficio_get (store, number, year, &pdf, &local);
  if (record == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("no ofício %s in this database"), numero_ano);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (g_bytes_get_size (pdf) == 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the ofício %s was registered without a file: there is nothing to export"), numero_ano);
      return NULL;
    }
  temp = coordena_file_write_temp (output, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), error);
  if (temp == NULL || !coordena_file_commit_temp (temp, output, error))
    return NULL;
  return g_steal_pointer (&record);
}

/* ---- Municipal follow-up ------------------------------------------------------------------ */

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
  gboolean ok;

  if (uf == 0)
    {
      coordena_store_require_uf_code (store, error);
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
  if (!coordena_text_check_plain ("--responsavel", responsavel, error)
      || !coordena_text_check_plain ("--acesso-titular", acesso_titular, error)
      || !coordena_text_check_plain ("--note", note, error))
    return FALSE;

  if (!coordena_store_begin (store, error))
    return FALSE;
  ok = coordena_store_municipio_adesao_put (store, offer_id, ibge7,
                                            status != NULL ? coordena_municipio_status_to_string (*status) : NULL, day,
                                            responsavel, acesso_titular, used, note, error);
  {
    g_autofree char *r = coordena_json_string (responsavel);
    g_autofree char *t = coordena_json_string (acesso_titular);
    g_autofree char *u = coordena_json_string (used);
    g_autofree char *d = coordena_json_string (day);
    g_autofree char *s = coordena_json_string (status != NULL ? coordena_municipio_status_to_string (*status) : NULL);

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
