/* SPDX-License-Identifier: GPL-3.0-or-later */
/* notification.c — letters to the municipalities about their teams at risk, numbered in the
 * ofício series, stored as generated, and followed up competência after competência. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <coordena/clock.h>
#include <coordena/error.h>
#include <coordena/format.h>
#include <coordena/notification.h>
#include <coordena/numbering.h>
#include <coordena/pdf.h>
#include <coordena/profile.h>
#include <coordena/ruleset.h>
#include <coordena/secretario.h>

#include "store-internal.h"

#define MAX_DAYS_AHEAD 30

/* ---------------------------------------------------------------------------------------------
 * The forecast, read in one place
 */

static void
notify_team_free (gpointer data)
{
  CoordenaNotifyTeam *t = data;

  g_free (t->ine);
  g_free (t->name);
  g_free (t->cnes);
  g_free (t->clause);
  g_free (t->basis);
  g_free (t->act);
  g_free (t->next_basis);
  g_free (t->next_clause);
  g_free (t->provimento_basis);
  g_free (t->next_provimento_basis);
  g_free (t);
}

void
coordena_notify_municipio_free (CoordenaNotifyMunicipio *m)
{
  if (m == NULL)
    return;
  g_free (m->nome);
  g_free (m->secretario);
  g_ptr_array_unref (m->teams);
  g_free (m);
}

static const char *const clause_category_names[COORDENA_N_CATEGORIES] = {
  "médico", "enfermeiro", "técnico ou auxiliar de enfermagem", "ACS",
};

/* "falta de enfermeiro e ACS, 2 competências seguidas" (document content, Portuguese). */
static char *
describe_clause (const CoordenaClause *clause)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  if (clause->event == COORDENA_EVENT_SEM_PRODUCAO)
    g_string_append (out, "sem produção enviada ao SISAB");
  for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
    if (clause->absent_all & COORDENA_CATEGORY_BIT (c))
      g_string_append_printf (out, "%s%s", n++ == 0 ? "falta de " : " e ", clause_category_names[c]);
  if (clause->min_absent > 0)
    g_string_append_printf (out, "%s%u ou mais categorias em falta", out->len > 0 ? ", " : "", clause->min_absent);
  if (clause->consecutive <= 1)
    g_string_append (out, ", imediata");
  else
    g_string_append_printf (out, ", %u competências seguidas", clause->consecutive);
  return g_string_free (out, FALSE);
}

static gint
compare_municipios (gconstpointer a, gconstpointer b)
{
  const CoordenaNotifyMunicipio *x = *(CoordenaNotifyMunicipio *const *) a;
  const CoordenaNotifyMunicipio *y = *(CoordenaNotifyMunicipio *const *) b;
  int by_name = g_utf8_collate (x->nome, y->nome);

  return by_name != 0 ? by_name : strcmp (x->ibge7, y->ibge7);
}

/* The teams the forecast report lists under "suspension now or ahead": suspended or without
 * registration now, a step ahead, or money lost in the horizon. The letters cover exactly these,
 * so their totals per municipality are the report's. */
static gboolean
needs_notice (const CoordenaForecastTeam *ft)
{
  return ft != NULL && ft->now.evaluated &&
         (ft->now.percent > 0 || ft->missing || ft->next_step != 0 || ft->loss_total > 0 || ft->n_unknown_loss > 0);
}

static char *
provimento_basis (const CoordenaMonthResult *r)
{
  if (!r->provimento || r->rules == NULL)
    return NULL;
  return g_strdup (r->rules->provimento_basis != NULL ? r->rules->provimento_basis : r->rules->act);
}

GPtrArray *
coordena_notification_collect (const CoordenaSummary *summary, guint uf_code, const char *ibge7)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_notify_municipio_free);
  g_autoptr(GHashTable) by_ibge = g_hash_table_new (g_str_hash, g_str_equal);
  CoordenaRoster *roster = coordena_summary_get_roster (summary);
  char prefix[3];

  g_snprintf (prefix, sizeof prefix, "%02u", uf_code);
  for (guint row = 0; row < coordena_summary_get_n_teams (summary); row++)
    {
      const CoordenaTeamSummary *ts = coordena_summary_get_team (summary, row);
      const CoordenaForecastTeam *ft = coordena_summary_get_forecast_team (summary, row);
      const CoordenaRosterTeam *team = coordena_roster_get_team (roster, ts->team);
      const CoordenaMonthResult *now;
      CoordenaNotifyMunicipio *m;
      CoordenaNotifyTeam *t;

      if (!needs_notice (ft))
        continue;
      if (strncmp (team->ibge, prefix, 2) != 0 || (ibge7 != NULL && strcmp (team->ibge, ibge7) != 0))
        continue;

      now = &ft->now;
      t = g_new0 (CoordenaNotifyTeam, 1);
      t->ine = g_strdup (team->ine);
      t->name = g_strdup (team->name);
      t->cnes = g_strdup (team->cnes);
      t->type = ts->type;
      t->absent = now->absent;
      t->status = ts->status;
      t->missing = ft->missing;
      t->last_seen = ft->last_seen;
      t->percent = now->percent;
      t->basis = now->clause != NULL ? g_strdup (now->clause->basis) : NULL;
      t->act = now->rules != NULL ? g_strdup (now->rules->act) : NULL;
      t->next_step = ft->next_step;
      t->next_percent = (int) ft->next_percent;
      t->fix_by = ft->fix_by;
      t->loss_month = ts->loss_month;
      t->loss_horizon = ts->loss_horizon;
      t->revocation = ft->revoked_at;
      t->uncertain = ft->confidence != COORDENA_CONFIDENCE_A;
      t->provimento_basis = provimento_basis (now);
      memcpy (t->absent_since, ft->absent_since, sizeof t->absent_since);
      if (now->clause != NULL && t->percent > 0 && !t->missing)
        t->clause = describe_clause (now->clause);
      if (ft->next_clause != NULL)
        {
          t->next_clause = describe_clause (ft->next_clause);
          t->next_basis = g_strdup (ft->next_clause->basis);
        }
      for (guint i = 0; i < ft->n_months; i++)
        if (ft->months[i].competencia == ft->next_step)
          t->next_provimento_basis = provimento_basis (&ft->months[i]);

      m = g_hash_table_lookup (by_ibge, team->ibge);
      if (m == NULL)
        {
          m = g_new0 (CoordenaNotifyMunicipio, 1);
          g_strlcpy (m->ibge7, team->ibge, sizeof m->ibge7);
          m->nome = g_strdup (coordena_summary_team_municipio (summary, row));
          m->teams = g_ptr_array_new_with_free_func (notify_team_free);
          g_hash_table_insert (by_ibge, m->ibge7, m);
          g_ptr_array_add (out, m);
        }
      g_ptr_array_add (m->teams, t);
      if (t->status == COORDENA_STATUS_SUSPENDED || (t->missing && t->percent > 0))
        m->n_suspended++;
      else
        m->n_at_risk++;
      if (t->loss_month > 0)
        m->loss_month += t->loss_month;
      if (t->loss_horizon > 0)
        m->loss_horizon += t->loss_horizon;
    }
  g_ptr_array_sort (out, compare_municipios);
  return g_steal_pointer (&out);
}

/* ---------------------------------------------------------------------------------------------
 * Profile and request
 */

typedef struct {
  GHashTable *values;
  GBytes *coat;
  char *uf;
  gboolean demo;
} Context;

static void
context_clear (Context *c)
{
  g_clear_pointer (&c->values, g_hash_table_unref);
  g_clear_pointer (&c->coat, g_bytes_unref);
  g_clear_pointer (&c->uf, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Context, context_clear)

static gboolean
context_load (CoordenaStore *store, Context *c, GError **error)
{
  c->values = coordena_profile_load (store, error);
  if (c->values == NULL)
    return FALSE;
  c->coat = coordena_store_get_profile_blob (store, "brasao");
  c->uf = coordena_store_get_uf (store);
  c->demo = coordena_store_is_demo (store);
  return TRUE;
}

static const char *
value (const Context *c, const char *key)
{
  const char *v = g_hash_table_lookup (c->values, key);

  return (v != NULL && *v != '\0') ? v : NULL;
}

/* Every field the letter prints, in the words a user knows them by. */
static const struct {
  const char *key;
  const char *label;
} needed[] = {
  { "secretaria.nome", N_("Name of the secretariat") },
  { "secretaria.sigla", N_("Unit acronyms for the number") },
  { "cidade", N_("City of the date line") },
  { "endereco", N_("Address of the secretariat") },
  { "telefone", N_("Phone of the secretariat") },
  { "email", N_("E-mail of the secretariat") },
  { "contato.nome", N_("Contact person") },
  { "contato.email", N_("E-mail of the contact person") },
  { "contato.telefone", N_("Phone of the contact person") },
  { "coordenador.nome", N_("Name of the primary-care coordinator") },
  { "coordenador.genero", N_("Gender of the coordinator (F or M)") },
  { "secretario.nome", N_("Name of the Secretary of Health") },
  { "secretario.genero", N_("Gender of the Secretary (F or M)") },
};

static gboolean
signer_known (const char *signer)
{
  return signer != NULL && (g_str_equal (signer, "coordenador") || g_str_equal (signer, "secretario"));
}

static gboolean
check_context (const Context *c, const CoordenaNotifyRequest *request, GError **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GError) local = NULL;
  g_autofree char *government = NULL;
  GDate today, latest;

  if (!signer_known (request->signer))
    g_ptr_array_add (problems, g_strdup_printf (_("the signer must be “coordenador” (the primary-care coordinator) or "
                                                  "“secretario” (the Secretary of Health), not “%s”"),
                                                request->signer != NULL ? request->signer : ""));
  coordena_clock_today (&today);
  latest = today;
  g_date_add_days (&latest, MAX_DAYS_AHEAD);
  if (!g_date_valid (&request->date))
    g_ptr_array_add (problems, g_strdup (_("the letter has no valid date")));
  else if (g_date_compare (&request->date, &today) < 0)
    {
      g_autofree char *when = coordena_format_date (&today);

      g_ptr_array_add (problems, g_strdup_printf (_("the letter cannot be dated before today (%s): a document is never "
                                                    "backdated"), when));
    }
  else if (g_date_compare (&request->date, &latest) > 0)
    {
      g_autofree char *when = coordena_format_date (&latest);

      g_ptr_array_add (problems, g_strdup_printf (_("the letter can be dated at most %d days ahead (%s)"),
                                                  MAX_DAYS_AHEAD, when));
    }
  government = coordena_oficio_government_line (c->uf);
  if (government == NULL)
    g_ptr_array_add (problems, g_strdup (_("the database has no UF: run “coordena-cli init --uf UF” first")));

  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    {
      const char *key = needed[i].key;

      if (g_str_has_prefix (key, "coordenador.") || g_str_has_prefix (key, "secretario."))
        if (!signer_known (request->signer) || !g_str_has_prefix (key, request->signer))
          continue;
      if (value (c, key) == NULL)
        g_string_append_printf (missing, "%s%s", missing->len > 0 ? "; " : "", _(needed[i].label));
    }
  if (missing->len > 0)
    g_ptr_array_add (problems, g_strdup_printf (_("the secretariat profile lacks what the letter needs: %s (fill them "
                                                  "in Preferências or with “coordena-cli profile set”)"),
                                                missing->str));
  if (signer_known (request->signer))
    {
      g_autofree char *gender_key = g_strdup_printf ("%s.genero", request->signer);
      const char *gender = value (c, gender_key);

      if (gender != NULL && !g_str_equal (gender, "F") && !g_str_equal (gender, "M"))
        g_ptr_array_add (problems, g_strdup_printf (_("%s must be F or M"), gender_key));
    }
  /* Every printed field must fit the single-byte font encoding. */
  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    {
      const char *v = value (c, needed[i].key);
      g_autofree char *bytes = NULL;

      if (v != NULL && (bytes = coordena_pdf_encode (v, _(needed[i].label), &local)) == NULL)
        {
          g_ptr_array_add (problems, g_strdup (local->message));
          g_clear_error (&local);
        }
    }

  if (problems->len == 0)
    return TRUE;
  g_ptr_array_add (problems, NULL);
  {
    g_autofree char *joined = g_strjoinv ("\n", (char **) problems->pdata);

    g_set_error_literal (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, joined);
  }
  return FALSE;
}

gboolean
coordena_notification_check (CoordenaStore *store, const CoordenaNotifyRequest *request, GError **error)
{
  g_auto(Context) c = { 0 };

  return context_load (store, &c, error) && check_context (&c, request, error);
}

/* Each municipality's secretary from the municipal follow-up, so the letter can name the person. */
static gboolean
add_secretaries (CoordenaStore *store, GPtrArray *plan, GError **error)
{
  for (guint i = 0; i < plan->len; i++)
    {
      CoordenaNotifyMunicipio *m = g_ptr_array_index (plan, i);
      g_autoptr(GError) local = NULL;
      g_autoptr(CoordenaSecretarioMunicipal) s = coordena_secretario_municipal_get (store, m->ibge7, &local);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_clear_pointer (&m->secretario, g_free);
      m->secretario_genero = 0;
      if (s != NULL)
        {
          m->secretario = g_strdup (s->nome);
          m->secretario_genero = s->gender;
        }
    }
  return TRUE;
}

GPtrArray *
coordena_notification_plan (CoordenaStore *store, const CoordenaNotifyRequest *request,
                            CoordenaSummary **summary_out, GError **error)
{
  g_autoptr(CoordenaRoster) roster = NULL;
  g_autoptr(CoordenaSummary) summary = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  CoordenaSummaryOptions options = { .horizon = request->horizon };
  guint uf = coordena_store_get_uf_code (store);

  if (uf == 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the database has no UF: run “coordena-cli init --uf UF” first"));
      return NULL;
    }
  if ((roster = coordena_store_load_roster (store, error)) == NULL
      || (summary = coordena_summary_new (roster, &options, error)) == NULL)
    return NULL;
  all = coordena_notification_collect (summary, uf, NULL);

  if (request->municipios == NULL || request->municipios[0] == NULL)
    chosen = g_steal_pointer (&all);
  else
    {
      chosen = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_notify_municipio_free);
      for (guint i = 0; request->municipios[i] != NULL; i++)
        {
          g_autofree char *ibge7 = coordena_store_lookup_ibge7 (store, request->municipios[i]);
          guint k;

          if (ibge7 == NULL || (guint) g_ascii_strtoull (ibge7, NULL, 10) / 100000 != uf)
            {
              g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                           _("“%s” is not the IBGE code of a municipality of this state"), request->municipios[i]);
              return NULL;
            }
          for (k = 0; k < all->len; k++)
            if (g_str_equal (((CoordenaNotifyMunicipio *) g_ptr_array_index (all, k))->ibge7, ibge7))
              break;
          if (k == all->len)
            {
              gboolean twice = FALSE;

              for (guint j = 0; j < chosen->len; j++)
                twice = twice || g_str_equal (((CoordenaNotifyMunicipio *) g_ptr_array_index (chosen, j))->ibge7, ibge7);
              if (twice)
                continue;
              g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                           _("the municipality %s has no team suspended or at risk within %u competências: there is "
                             "nothing to notify"), ibge7, coordena_summary_get_horizon (summary));
              return NULL;
            }
          g_ptr_array_add (chosen, g_ptr_array_steal_index (all, k));
        }
      g_ptr_array_sort (chosen, compare_municipios);
    }
  if (!add_secretaries (store, chosen, error))
    return NULL;
  if (summary_out != NULL)
    *summary_out = g_steal_pointer (&summary);
  return g_steal_pointer (&chosen);
}

/* ---------------------------------------------------------------------------------------------
 * The letter (Portuguese document content, whatever the interface language)
 */


static const char *const category_names[COORDENA_N_CATEGORIES] = {
  "médico(a)", "enfermeiro(a)", "técnico(a) ou auxiliar de enfermagem", "agente comunitário (ACS)",
};

static const char *
type_name (CoordenaTeamType type)
{
  switch (type)
    {
    case COORDENA_TEAM_TYPE_ESF:
      return "eSF";
    case COORDENA_TEAM_TYPE_EAP20:
      return "eAP 20 h";
    case COORDENA_TEAM_TYPE_EAP30:
      return "eAP 30 h";
    case COORDENA_TEAM_TYPE_OTHER:
    default:
      return "outra";
    }
}

/* "13.500,00" under a "(R$)" header, so the amount fits its column. */
static char *
money_cell (gint64 centavos)
{
  g_autofree char *text = NULL;

  if (centavos < 0)
    return g_strdup ("não informado");
  text = coordena_format_money (centavos);
  return g_strdup (g_str_has_prefix (text, "R$ ") ? text + 3 : text);
}

static char *
competencia_text (CoordenaCompetencia c)
{
  return coordena_competencia_format (c);
}

static char *
identification (const Context *c, guint number, guint year)
{
  if (number == 0)
    {
      const char *mark = g_strcmp0 (value (c, "numeracao.estilo"), "N.º") == 0 ? "N.º" : "Nº";

      return g_strdup_printf ("OFÍCIO %s [a numerar]/%u/%s", mark, year, value (c, "secretaria.sigla"));
    }
  return coordena_oficio_format_identification (value (c, "numeracao.estilo"), number, year,
                                                value (c, "secretaria.sigla"));
}

static void
add_footer (CoordenaPdfDoc *pdf, const Context *c)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (c->demo)
    g_ptr_array_add (lines, g_strdup ("DADOS DE DEMONSTRAÇÃO — equipes geradas, não o cadastro real do estado"));
  g_ptr_array_add (lines, g_strdup_printf ("%s – %s", value (c, "secretaria.nome"), value (c, "endereco")));
  if (value (c, "site") != NULL)
    g_ptr_array_add (lines, g_strdup_printf ("Telefone %s · %s · %s", value (c, "telefone"), value (c, "email"),
                                             value (c, "site")));
  else
    g_ptr_array_add (lines, g_strdup_printf ("Telefone %s · %s", value (c, "telefone"), value (c, "email")));
  g_ptr_array_add (lines, NULL);
  coordena_pdf_doc_set_footer (pdf, (const char *const *) lines->pdata);
  coordena_pdf_doc_set_page_numbers (pdf, 2);
}

/* The number of a legal basis among the letter's notes, adding it on first use. */
static guint
reference (GPtrArray *refs, const char *basis)
{
  for (guint i = 0; i < refs->len; i++)
    if (g_str_equal (g_ptr_array_index (refs, i), basis))
      return i + 1;
  g_ptr_array_add (refs, (gpointer) basis);
  return refs->len;
}

#define PART_GAP  12.0
#define SIGN_BAND (85.04 + 1.0)

/* Appends one municipality's letter to pdf, part by part (OFICIO.md §1). */
static void
add_letter (CoordenaPdfDoc *pdf, const Context *c, const CoordenaNotifyRequest *request,
            const CoordenaNotifyMunicipio *m, CoordenaCompetencia current, guint horizon, guint number)
{
  CoordenaPdfStyle style = { 0 };
  g_autofree char *gender_key = g_strdup_printf ("%s.genero", request->signer);
  g_autofree char *name_key = g_strdup_printf ("%s.nome", request->signer);
  g_autofree char *cargo_key = g_strdup_printf ("%s.cargo", request->signer);
  gboolean female = g_strcmp0 (value (c, gender_key), "F") == 0;
  const char *cargo = value (c, cargo_key);
  g_autofree char *government = coordena_oficio_government_line (c->uf);
  g_autofree char *secretaria = g_utf8_strup (value (c, "secretaria.nome"), -1);
  g_autofree char *ident = identification (c, number, g_date_get_year (&request->date));
  g_autofree char *city = coordena_format_city_without_uf (value (c, "cidade"));
  g_autofree char *date_text = coordena_format_date_extenso (&request->date);
  g_autofree char *place_date = g_strdup_printf ("%s, %s.", city, date_text);
  g_autofree char *current_text = competencia_text (current);
  g_autofree char *loss_month = coordena_format_money (m->loss_month);
  g_autofree char *loss_horizon = coordena_format_money (m->loss_horizon);
  g_autofree char *municipio_uf = g_strdup_printf ("%s/%s", m->nome, c->uf);
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL, *quadro = NULL;
  g_autofree char *signer_upper = g_utf8_strup (value (c, name_key), -1);
  gboolean any_uncertain = FALSE, any_unknown = FALSE;
  g_autoptr(GPtrArray) refs = g_ptr_array_new ();
  guint n = m->teams->len;

  if (cargo == NULL)
    cargo = g_str_equal (request->signer, "secretario")
              ? (female ? "Secretária de Estado da Saúde" : "Secretário de Estado da Saúde")
              : (female ? "Coordenadora Estadual de Atenção Primária à Saúde"
                        : "Coordenador Estadual de Atenção Primária à Saúde");

  /* 1. Cabeçalho */
  if (c->coat != NULL)
    {
      coordena_pdf_doc_add_image (pdf, c->coat, 42.52);
      coordena_pdf_doc_add_space (pdf, 4, TRUE);
    }
  style = (CoordenaPdfStyle) { .font = COORDENA_PDF_FONT_BOLD, .align = COORDENA_PDF_ALIGN_CENTER, .keep_with_next = TRUE };
  coordena_pdf_doc_add_paragraph (pdf, &style, NULL, government);
  coordena_pdf_doc_add_paragraph (pdf, &style, NULL, secretaria);
  if (value (c, "subunidade") != NULL)
    {
      g_auto(GStrv) sub = g_strsplit_set (value (c, "subunidade"), ";\n", -1);

      style.font = COORDENA_PDF_FONT_REGULAR;
      for (guint i = 0; sub[i] != NULL; i++)
        {
          g_strstrip (sub[i]);
          if (*sub[i] != '\0')
            coordena_pdf_doc_add_paragraph (pdf, &style, NULL, sub[i]);
        }
    }
  coordena_pdf_doc_add_space (pdf, PART_GAP, FALSE);

  /* 2. Identificação; 3. Local e data */
  style = (CoordenaPdfStyle) { .align = COORDENA_PDF_ALIGN_LEFT };
  coordena_pdf_doc_add_paragraph (pdf, &style, NULL, ident);
  coordena_pdf_doc_add_space (pdf, PART_GAP, FALSE);
  style = (CoordenaPdfStyle) { .align = COORDENA_PDF_ALIGN_RIGHT };
  coordena_pdf_doc_add_paragraph (pdf, &style, NULL, place_date);
  coordena_pdf_doc_add_space (pdf, PART_GAP, FALSE);

  /* 4. Endereçamento. Unknown secretary: the cargo for either gender, no name. Known: the letter
   * goes to that person, so the name is given (Decreto nº 9.758/2019, art. 4º, parágrafo único, II);
   * the house style writes "A Sua Senhoria a Senhora" before it, the literal reading of the decree
   * only the "senhor(a)" of its art. 2º. */
  {
    g_autofree char *organ = g_strdup_printf ("Secretaria Municipal de Saúde de %s", m->nome);
    gboolean literal = g_strcmp0 (value (c, "enderecamento"), "decreto") == 0;
    gboolean her = m->secretario_genero == 'F';
    const char *lines[6];
    guint k = 0;

    if (m->secretario == NULL)
      {
        lines[k++] = "Ao(À) Senhor(a)";
        lines[k++] = "Secretário(a) Municipal de Saúde";
      }
    else
      {
        lines[k++] = literal ? (her ? "À Senhora" : "Ao Senhor")
                             : (her ? "A Sua Senhoria a Senhora" : "A Sua Senhoria o Senhor");
        lines[k++] = m->secretario;
        lines[k++] = her ? "Secretária Municipal de Saúde" : "Secretário Municipal de Saúde";
      }
    lines[k++] = organ;
    lines[k++] = municipio_uf;
    lines[k] = NULL;
    for (guint i = 0; lines[i] != NULL; i++)
      {
        style = (CoordenaPdfStyle) { .align = COORDENA_PDF_ALIGN_LEFT, .keep_with_next = lines[i + 1] != NULL };
        coordena_pdf_doc_add_paragraph (pdf, &style, NULL, lines[i]);
      }
  }
  coordena_pdf_doc_add_space (pdf, PART_GAP, FALSE);

  /* 5. Assunto; 6. Vocativo */
  style = (CoordenaPdfStyle) { .font = COORDENA_PDF_FONT_BOLD, .align = COORDENA_PDF_ALIGN_LEFT, .keep_with_next = TRUE };
  coordena_pdf_doc_add_paragraph (pdf, &style, NULL,
                                  "Assunto: Composição das equipes de Atenção Primária à Saúde e suspensão do "
                                  "financiamento federal.");
  coordena_pdf_doc_add_space (pdf, PART_GAP, TRUE);
  style = (CoordenaPdfStyle) { .align = COORDENA_PDF_ALIGN_LEFT, .first_indent = COORDENA_PDF_INDENT,
                               .keep_with_next = TRUE, .space_after = PART_GAP / 2 };
  coordena_pdf_doc_add_paragraph (pdf, &style, NULL,
                                  m->secretario == NULL ? "Senhor(a) Secretário(a),"
                                  : m->secretario_genero == 'F' ? "Senhora Secretária," : "Senhor Secretário,");

  /* 7. Texto */
  {
    /* A team without registration is not "registered without its composition": say each in words. */
    g_autoptr(GString) what = g_string_new (NULL);
    guint n_missing = 0;

    for (guint i = 0; i < n; i++)
      if (((const CoordenaNotifyTeam *) g_ptr_array_index (m->teams, i))->missing)
        n_missing++;
    if (n > n_missing)
      g_string_append_printf (what, "registra %u %s de %s sem a composição mínima exigida pelas regras de "
                              "financiamento federal da Atenção Primária à Saúde", n - n_missing,
                              n - n_missing == 1 ? "equipe" : "equipes", m->nome);
    if (n_missing > 0 && n > n_missing)
      {
        if (n_missing == 1)
          g_string_append (what, " e não registra outra equipe que constava de competências anteriores (sem registro)");
        else
          g_string_append_printf (what, " e não registra outras %u equipes que constavam de competências anteriores "
                                  "(sem registro)", n_missing);
      }
    else if (n_missing > 0)
      g_string_append_printf (what, "não registra %u %s de %s que %s de competências anteriores (sem registro)",
                              n_missing, n_missing == 1 ? "equipe" : "equipes", m->nome,
                              n_missing == 1 ? "constava" : "constavam");
    p1 = g_strdup_printf ("Cumprimentando-%s cordialmente, na qualidade de %s, informo que o Sistema de Cadastro "
                          "Nacional de Estabelecimentos de Saúde (SCNES), na competência %s, %s. Sem a composição "
                          "mínima registrada, com a carga horária exigida, o repasse federal da equipe é suspenso em "
                          "parte ou no todo, pelas regras indicadas no quadro a seguir%s. Mantida a situação atual, a "
                          "perda estimada para o município é de %s por mês e de %s nas próximas %u competências.",
                          m->secretario == NULL ? "o(a)" : m->secretario_genero == 'F' ? "a" : "o",
                          cargo, current_text, what->str,
                          n_missing > 0 ? "; a equipe sem registro tem o repasse suspenso até que o seu cadastro seja "
                                          "regularizado no SCNES" : "",
                          loss_month, loss_horizon, horizon);
  }
  style = (CoordenaPdfStyle) { .align = COORDENA_PDF_ALIGN_JUSTIFY, .first_indent = COORDENA_PDF_INDENT,
                               .space_after = COORDENA_PDF_PARAGRAPH_GAP };
  coordena_pdf_doc_add_paragraph (pdf, &style, "1.", p1);

  /* The table: its title, header and first row stay together; the header repeats on every page. */
  quadro = g_strdup_printf ("Quadro 1 — Equipes de %s com suspensão em curso ou prevista (SCNES %s)", m->nome,
                            current_text);
  style = (CoordenaPdfStyle) { .font = COORDENA_PDF_FONT_BOLD, .size = COORDENA_PDF_SIZE_NOTE,
                               .align = COORDENA_PDF_ALIGN_LEFT, .keep_with_next = TRUE, .space_after = 4 };
  coordena_pdf_doc_add_paragraph (pdf, &style, NULL, quadro);
  {
    const double widths[] = { 18, 14, 17, 17, 9, 11.5, 13.5 };
    const CoordenaPdfAlign aligns[] = { COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_LEFT,
                                        COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_LEFT, COORDENA_PDF_ALIGN_RIGHT,
                                        COORDENA_PDF_ALIGN_RIGHT };
    g_autofree char *loss_header = g_strdup_printf ("Perda em %u meses (R$)", horizon);
    const char *header[] = { "Equipe (INE, nome, CNES, tipo)", "Falta no SCNES (desde)", "Suspensão atual e regra",
                             "Próxima etapa", "Corrigir até", "Perda por mês (R$)", loss_header };

    coordena_pdf_doc_begin_table (pdf, G_N_ELEMENTS (widths), widths, aligns, header);
    for (guint i = 0; i < n; i++)
      {
        const CoordenaNotifyTeam *t = g_ptr_array_index (m->teams, i);
        g_autoptr(GString) team = g_string_new (NULL);
        g_autoptr(GString) missing = g_string_new (NULL);
        g_autoptr(GString) now = g_string_new (NULL);
        g_autoptr(GString) next = g_string_new (NULL);
        g_autofree char *fix = t->fix_by != 0 ? competencia_text (t->fix_by) : g_strdup ("—");
        g_autofree char *lm = money_cell (t->loss_month);
        g_autofree char *lh = money_cell (t->loss_horizon);
        const char *mark = t->uncertain ? " *" : "";
        const char *cells[7];

        any_uncertain = any_uncertain || t->uncertain;
        any_unknown = any_unknown || t->loss_month < 0 || t->loss_horizon < 0;
        g_string_append_printf (team, "%s", t->ine);
        if (t->name != NULL && *t->name != '\0')
          g_string_append_printf (team, " – %s", t->name);
        g_string_append_printf (team, " · CNES %s · %s", t->cnes, type_name (t->type));
        for (int k = 0; k < COORDENA_N_CATEGORIES; k++)
          if (t->absent & COORDENA_CATEGORY_BIT (k))
            {
              g_autofree char *since = t->absent_since[k] != 0 ? competencia_text (t->absent_since[k]) : NULL;

              g_string_append_printf (missing, "%s%s", missing->len > 0 ? "; " : "", category_names[k]);
              if (since != NULL)
                g_string_append_printf (missing, " (desde %s)", since);
            }
        if (t->missing)
          {
            g_autofree char *seen = competencia_text (t->last_seen);

            g_string_truncate (missing, 0);
            g_string_append_printf (missing, "a equipe inteira: sem registro (último registro em %s)", seen);
          }
        if (missing->len == 0)
          g_string_append (missing, "—");
        if (t->missing)
          {
            if (t->percent > 0)
              g_string_append_printf (now, "%d %%%s — ", t->percent, mark);
            g_string_append_printf (now, "sem registro na competência %s: a equipe não consta do SCNES; "
                                    "regularizar o cadastro da equipe no SCNES", current_text);
            if (t->basis != NULL)
              g_string_append_printf (now, " [%u]", reference (refs, t->basis));
          }
        else if (t->percent > 0)
          {
            g_string_append_printf (now, "%d %%%s", t->percent, mark);
            if (t->clause != NULL)
              g_string_append_printf (now, " — %s", t->clause);
            if (t->basis != NULL)
              g_string_append_printf (now, " [%u]", reference (refs, t->basis));
            if (t->provimento_basis != NULL)
              g_string_append_printf (now, "; limitado a %d %% pelo provimento [%u]", t->percent,
                                      reference (refs, t->provimento_basis));
          }
        else
          g_string_append (now, "sem suspensão");
        if (t->next_step != 0)
          {
            g_autofree char *when = competencia_text (t->next_step);

            g_string_append_printf (next, "%d %%%s a partir de %s", t->next_percent, mark, when);
            if (t->next_clause != NULL)
              g_string_append_printf (next, " — %s", t->next_clause);
            if (t->next_basis != NULL)
              g_string_append_printf (next, " [%u]", reference (refs, t->next_basis));
            if (t->next_provimento_basis != NULL)
              g_string_append_printf (next, "; limitado a %d %% pelo provimento [%u]", t->next_percent,
                                      reference (refs, t->next_provimento_basis));
          }
        else
          g_string_append (next, "—");
        if (t->revocation != 0)
          {
            g_autofree char *when = competencia_text (t->revocation);

            if (t->next_step == 0)
              g_string_truncate (next, 0);
            g_string_append_printf (next, "%sINE revogado em %s se nada mudar", next->len > 0 ? "; " : "", when);
          }
        cells[0] = team->str;
        cells[1] = missing->str;
        cells[2] = now->str;
        cells[3] = next->str;
        cells[4] = fix;
        cells[5] = lm;
        cells[6] = lh;
        coordena_pdf_doc_add_row (pdf, cells, FALSE);
      }
    {
      g_autofree char *label = g_strdup_printf ("Total: %u %s", n, n == 1 ? "equipe" : "equipes");
      g_autofree char *tm = money_cell (m->loss_month);
      g_autofree char *th = money_cell (m->loss_horizon);
      const char *cells[] = { label, "", "", "", "", tm, th };

      coordena_pdf_doc_add_row (pdf, cells, TRUE);
    }
    coordena_pdf_doc_end_table (pdf);
  }
  style = (CoordenaPdfStyle) { .size = COORDENA_PDF_SIZE_NOTE, .align = COORDENA_PDF_ALIGN_JUSTIFY, .space_after = 2 };
  coordena_pdf_doc_add_space (pdf, 4, FALSE);
  coordena_pdf_doc_add_paragraph (pdf, &style, NULL,
                                  "“Corrigir até”: a última competência do SCNES em que a equipe completa ainda evita "
                                  "a próxima etapa de suspensão. Entre colchetes, o ato de cada regra, abaixo. Valores estimados sobre o valor mensal de cada "
                                  "equipe; o relatório de pagamento do Ministério da Saúde prevalece.");
  for (guint i = 0; i < refs->len; i++)
    {
      g_autofree char *label = g_strdup_printf ("[%u]", i + 1);
      g_autofree char *line = g_strdup_printf ("%s %s", label, (const char *) g_ptr_array_index (refs, i));

      coordena_pdf_doc_add_paragraph (pdf, &style, NULL, line);
    }
  if (any_uncertain)
    coordena_pdf_doc_add_paragraph (pdf, &style, NULL,
                                    "* Percentual que se apoia em fonte secundária ou ainda não confirmada no texto do "
                                    "ato (a confirmar); a perda da linha decorre dele.");
  if (any_unknown)
    coordena_pdf_doc_add_paragraph (pdf, &style, NULL,
                                    "Não informado: o valor mensal da equipe não é conhecido (sem valor da "
                                    "equipe nem estrato IED do município); o percentual vale do mesmo modo.");
  coordena_pdf_doc_add_space (pdf, COORDENA_PDF_PARAGRAPH_GAP, FALSE);

  p2 = g_strdup ("Para evitar a suspensão ou restabelecer o repasse, solicito que o município atualize no SCNES, até "
                 "a competência indicada em “Corrigir até”, o cadastro de cada equipe relacionada: o vínculo do "
                 "profissional com a equipe, o código da ocupação (CBO) da categoria que falta e a carga horária "
                 "semanal exigida (40 horas por profissional na eSF; 20 ou 30 horas por profissional na eAP, conforme "
                 "a modalidade), e que envie a base do SCNES no prazo da competência.");
  style = (CoordenaPdfStyle) { .align = COORDENA_PDF_ALIGN_JUSTIFY, .first_indent = COORDENA_PDF_INDENT,
                               .space_after = COORDENA_PDF_PARAGRAPH_GAP };
  coordena_pdf_doc_add_paragraph (pdf, &style, "2.", p2);
  p3 = g_strdup_printf ("Esta Secretaria acompanhará as próximas competências do SCNES. Para esclarecimentos, o "
                        "contato é %s, pelo e-mail %s e pelo telefone %s. Coloco-me à disposição para o que se fizer "
                        "necessário.",
                        value (c, "contato.nome"), value (c, "contato.email"), value (c, "contato.telefone"));
  style.last_sentence_with_next = TRUE;
  coordena_pdf_doc_add_paragraph (pdf, &style, "3.", p3);
  coordena_pdf_doc_add_space (pdf, PART_GAP / 2, TRUE);

  /* 8. Fecho; 9. espaço; 10. Signatário */
  style = (CoordenaPdfStyle) { .align = COORDENA_PDF_ALIGN_LEFT, .first_indent = COORDENA_PDF_INDENT, .keep_with_next = TRUE };
  coordena_pdf_doc_add_paragraph (pdf, &style, NULL,
                                  g_strcmp0 (value (c, "fecho"), "Respeitosamente") == 0 ? "Respeitosamente,"
                                                                                          : "Atenciosamente,");
  coordena_pdf_doc_add_space (pdf, SIGN_BAND, TRUE);
  style = (CoordenaPdfStyle) { .align = COORDENA_PDF_ALIGN_CENTER, .keep_with_next = TRUE };
  coordena_pdf_doc_add_paragraph (pdf, &style, NULL, signer_upper);
  style = (CoordenaPdfStyle) { .align = COORDENA_PDF_ALIGN_CENTER };
  coordena_pdf_doc_add_paragraph (pdf, &style, NULL, cargo);
}

static void
set_info (CoordenaPdfDoc *pdf, const Context *c, const char *title, const GDate *date)
{
  coordena_pdf_doc_set_info (pdf, title, value (c, "secretaria.nome"),
                             "Composição das equipes de Atenção Primária à Saúde e suspensão do financiamento federal",
                             date);
  add_footer (pdf, c);
}

static GBytes *
render_one (const Context *c, const CoordenaNotifyRequest *request, const CoordenaNotifyMunicipio *m,
            CoordenaCompetencia current, guint horizon, guint number, guint *n_pages, GError **error)
{
  g_autoptr(CoordenaPdfDoc) pdf = coordena_pdf_doc_new ();
  g_autofree char *ident = identification (c, number, g_date_get_year (&request->date));
  g_autofree char *title = g_strdup_printf ("Ofício %s — %s", ident + strlen ("OFÍCIO "), m->nome);

  set_info (pdf, c, title, &request->date);
  add_letter (pdf, c, request, m, current, horizon, number);
  return coordena_pdf_doc_render (pdf, n_pages, error);
}

GBytes *
coordena_notification_render (CoordenaStore *store, const CoordenaNotifyRequest *request,
                              const CoordenaNotifyMunicipio *municipio, CoordenaCompetencia current, guint horizon,
                              guint number, guint *n_pages, GError **error)
{
  g_auto(Context) c = { 0 };

  if (!context_load (store, &c, error) || !check_context (&c, request, error))
    return NULL;
  return render_one (&c, request, municipio, current, horizon > 0 ? horizon : 12, number, n_pages, error);
}

/* ---------------------------------------------------------------------------------------------
 * Numbers, storage, files
 */

static char *
iso_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* The next number of the year's ofício series, recorded as taken; inside the caller's
 * transaction, so a rollback gives it back. Letters and the adhesion ofício share the series. */
/* The next free number of the ofício series for the letter after `previous` (0 for the first of a
 * run): letters and adhesion ofícios share the secretariat's one series of ofícios. */
static gboolean
take_number (CoordenaStore *store, guint year, guint previous, guint *number, GError **error)
{
  g_autoptr(GError) taken = NULL;

  if (previous == 0)
    return coordena_numbering_next (store, COORDENA_SEQUENCE_OFICIO, year, number, error);
  *number = previous + 1;
  while (!coordena_numbering_check_free (store, COORDENA_SEQUENCE_OFICIO, year, *number, &taken))
    {
      if (!g_error_matches (taken, COORDENA_ERROR, COORDENA_ERROR_INPUT))
        {
          g_propagate_error (error, g_steal_pointer (&taken));
          return FALSE;
        }
      g_clear_error (&taken);
      (*number)++;
    }
  return TRUE;
}

static gboolean
issue_number (CoordenaStore *store, const CoordenaNotificationRecord *record, GError **error)
{
  CoordenaIssuedNumber issued = {
    .sequence = (char *) COORDENA_SEQUENCE_OFICIO,
    .year = record->year,
    .number = record->number,
    .date = record->date,
    .origin = COORDENA_NUMBER_COUNTER,
    .document = record->identification,
    .sha256 = record->sha256,
    .recorded_at = record->created_at,
  };

  return coordena_numbering_issue (store, &issued, error);
}



static gboolean
store_letter (CoordenaStore *store, const Context *c, const CoordenaNotifyRequest *request,
              const CoordenaNotifyMunicipio *m, CoordenaCompetencia current, guint horizon,
              CoordenaNotificationRecord *record, GBytes *pdf, GError **error)
{
  g_autoptr(GString) inputs = g_string_new (NULL);
  g_autofree char *signer = coordena_json_string (request->signer);

  g_string_append_printf (inputs, "{\"signatario\":%s,\"data\":\"%s\",\"competencia\":%u,\"horizonte\":%u,"
                                  "\"ibge7\":\"%s\",\"demo\":%s,\"equipes\":[",
                          signer, record->date, current, horizon, m->ibge7, c->demo ? "true" : "false");
  for (guint i = 0; i < m->teams->len; i++)
    g_string_append_printf (inputs, "%s\"%s\"", i > 0 ? "," : "",
                            ((CoordenaNotifyTeam *) g_ptr_array_index (m->teams, i))->ine);
  g_string_append (inputs, "]");
  if (m->secretario != NULL)
    {
      g_autofree char *name = coordena_json_string (m->secretario);

      g_string_append_printf (inputs, ",\"secretario_municipal\":{\"nome\":%s,\"genero\":\"%c\"}", name,
                              m->secretario_genero);
    }
  g_string_append (inputs, "}");

  record->id = coordena_store_notification_insert (store, record, m->ibge7, request->signer, current, horizon, c->demo,
                                                  inputs->str, pdf, m->teams, error);
  if (record->id == 0)
    return FALSE;

  {
    g_autofree char *ident = coordena_json_string (record->identification);
    g_autofree char *after = g_strdup_printf ("{\"identificacao\":%s,\"ibge7\":\"%s\",\"equipes\":%u,\"sha256\":\"%s\","
                                              "\"paginas\":%u,\"bytes\":%" G_GSIZE_FORMAT "}",
                                              ident, m->ibge7, m->teams->len, record->sha256, record->pages,
                                              record->size);

    return coordena_store_audit (store, "notificacao-generate", record->identification, NULL, after, error);
  }
}

void
coordena_notification_record_free (CoordenaNotificationRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->ibge7);
  g_free (record->municipio);
  g_free (record->identification);
  g_free (record->date);
  g_free (record->signer);
  g_free (record->sha256);
  g_free (record->created_at);
  g_free (record->file);
  g_free (record);
}

/* "2304400-notificacao-13-2026.pdf" */
static char *
file_name (const CoordenaNotificationRecord *record)
{
  return g_strdup_printf ("%s-notificacao-%u-%u.pdf", record->ibge7, record->number, record->year);
}

/* Writes a temporary file beside `path`; it takes its final name only after the commit. */
static char *
write_temp (const char *path, GBytes *bytes, GError **error)
{
  return coordena_file_write_temp (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

/* Writes the whole file or nothing: a failure leaves whatever was at `path` untouched. */
static gboolean
write_file (const char *path, GBytes *bytes, GError **error)
{
  g_autofree char *temp = write_temp (path, bytes, error);

  return temp != NULL && coordena_file_commit_temp (temp, path, error);
}

/* The nearest existing folder at or above path (canonical), NULL when none. */
static char *
existing_ancestor (const char *path)
{
  g_autofree char *at = g_canonicalize_filename (path, NULL);

  while (!g_file_test (at, G_FILE_TEST_EXISTS))
    {
      char *up = g_path_get_dirname (at);

      if (g_str_equal (up, at))
        {
          g_free (up);
          return NULL;
        }
      g_free (at);
      at = up;
    }
  return g_steal_pointer (&at);
}

static gboolean
writable_folder (const char *path)
{
  return path != NULL && g_file_test (path, G_FILE_TEST_IS_DIR) && g_access (path, W_OK | X_OK) == 0;
}

/* Before anything is numbered or written: the output folder exists or can be made, and the
 * combined PDF can be written, in a folder that exists or is the output folder. */
static gboolean
check_targets (const char *directory, const char *combined, GError **error)
{
  g_autofree char *folder = directory != NULL ? g_canonicalize_filename (directory, NULL) : NULL;
  g_autofree char *base = folder != NULL ? existing_ancestor (folder) : NULL;

  if (folder == NULL || !writable_folder (base))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the folder “%s” cannot be used: %s is not a folder you can write to"),
                   directory != NULL ? directory : "", base != NULL ? base : "/");
      return FALSE;
    }
  if (combined != NULL)
    {
      g_autofree char *file = g_canonicalize_filename (combined, NULL);
      g_autofree char *parent = g_path_get_dirname (file);

      if (g_file_test (combined, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("%s already exists: choose another name for the combined PDF (an existing file is never "
                         "replaced)"), combined);
          return FALSE;
        }
      if (!g_str_equal (parent, folder) && !writable_folder (parent))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("the combined PDF “%s” cannot be written: %s is not a folder you can write to"), combined,
                       parent);
          return FALSE;
        }
    }
  return TRUE;
}

/* Undoes the folders a failed run made, up to the one that existed (only empty ones go). */
static void
remove_made_folders (const char *directory, const char *base)
{
  g_autofree char *at = g_canonicalize_filename (directory, NULL);

  while (base != NULL && !g_str_equal (at, base) && g_rmdir (at) == 0)
    {
      char *up = g_path_get_dirname (at);

      g_free (at);
      at = up;
    }
}

GPtrArray *
coordena_notification_generate (CoordenaStore *store, const CoordenaNotifyRequest *request, const char *directory,
                                const char *combined, CoordenaNotifyProgress progress, gpointer user_data,
                                GCancellable *cancellable, GError **error)
{
  g_auto(Context) c = { 0 };
  g_autoptr(CoordenaSummary) summary = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_notification_record_free);
  g_autoptr(GPtrArray) pdfs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CoordenaPdfDoc) all = NULL;
  g_autoptr(GBytes) all_bytes = NULL;
  g_autofree char *made_from = NULL;
  CoordenaCompetencia current;
  guint horizon, year;

  if (!context_load (store, &c, error) || !check_context (&c, request, error)
      || !check_targets (directory, combined, error))
    return NULL;
  made_from = existing_ancestor (directory);
  plan = coordena_notification_plan (store, request, &summary, error);
  if (plan == NULL)
    return NULL;
  horizon = coordena_summary_get_horizon (summary);
  if (plan->len == 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("no municipality of the state has a team suspended or at risk within %u competências: there is "
                     "nothing to notify"), horizon);
      return NULL;
    }
  current = coordena_summary_get_current (summary);
  year = g_date_get_year (&request->date);
  if (combined != NULL)
    {
      g_autofree char *title = g_strdup_printf ("Notificações aos municípios (%u)", plan->len);

      all = coordena_pdf_doc_new ();
      set_info (all, &c, title, &request->date);
    }

  if (!coordena_store_begin (store, error))
    return NULL;
  if (!coordena_numbering_check_date (store, COORDENA_SEQUENCE_OFICIO, &request->date, error))
    goto rollback;
  for (guint i = 0; i < plan->len; i++)
    {
      const CoordenaNotifyMunicipio *m = g_ptr_array_index (plan, i);
      CoordenaNotificationRecord *record;
      GBytes *pdf;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto rollback;
      record = g_new0 (CoordenaNotificationRecord, 1);
      g_ptr_array_add (records, record);
      record->year = year;
      record->ibge7 = g_strdup (m->ibge7);
      record->municipio = g_strdup (m->nome);
      record->date = iso_date (&request->date);
      record->signer = g_strdup (request->signer);
      record->competencia = current;
      record->n_teams = m->teams->len;
      record->n_waiting = m->teams->len;
      record->created_at = coordena_clock_now_utc_iso ();
      if (!take_number (store, year, i > 0 ? ((CoordenaNotificationRecord *) g_ptr_array_index (records, i - 1))->number : 0,
                        &record->number, error))
        goto rollback;
      record->identification = identification (&c, record->number, year);
      pdf = render_one (&c, request, m, current, horizon, record->number, &record->pages, error);
      if (pdf == NULL)
        goto rollback;
      g_ptr_array_add (pdfs, pdf);
      record->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
      record->size = g_bytes_get_size (pdf);
      if (!store_letter (store, &c, request, m, current, horizon, record, pdf, error))
        goto rollback;
      {
        g_autofree char *name = file_name (record);

        record->file = g_build_filename (directory, name, NULL);
        if (g_file_test (record->file, G_FILE_TEST_EXISTS))
          {
            g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                         _("%s already exists: choose an empty folder (an existing file is never replaced)"),
                         record->file);
            goto rollback;
          }
      }
      if (all != NULL)
        {
          if (i > 0)
            coordena_pdf_doc_add_document_break (all);
          add_letter (all, &c, request, m, current, horizon, record->number);
        }
      if (progress != NULL)
        progress (i + 1, plan->len, m->nome, user_data);
    }
  if (all != NULL && (all_bytes = coordena_pdf_doc_render (all, NULL, error)) == NULL)
    goto rollback;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto rollback;

  /* Numbers are issued last, once nothing can cancel the run: a cancelled run spends none. Each
   * file is written under a temporary name, and takes its final name only after the commit, so a
   * letter on disk is always one the database knows. */
  for (guint i = 0; i < records->len; i++)
    if (!issue_number (store, g_ptr_array_index (records, i), error))
      goto rollback;
  /* The folder is made only now, when nothing can refuse the run any more. */
  if (!g_file_test (directory, G_FILE_TEST_IS_DIR) && g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot create the folder %s: %s"), directory,
                   g_strerror (saved));
      goto rollback;
    }
  for (guint i = 0; i < records->len; i++)
    {
      CoordenaNotificationRecord *record = g_ptr_array_index (records, i);
      char *temp = write_temp (record->file, g_ptr_array_index (pdfs, i), error);

      if (temp == NULL)
        goto rollback;
      g_ptr_array_add (written, temp);
    }
  if (all_bytes != NULL)
    {
      char *temp = write_temp (combined, all_bytes, error);

      if (temp == NULL)
        goto rollback;
      g_ptr_array_add (written, temp);
    }
  if (!coordena_store_commit (store, error))
    goto rollback;
  for (guint i = 0; i < written->len; i++)
    {
      const char *final = i < records->len ? ((CoordenaNotificationRecord *) g_ptr_array_index (records, i))->file
                                           : combined;

      if (!coordena_file_commit_temp (g_ptr_array_index (written, i), final, error))
        {
          for (guint j = i + 1; j < written->len; j++)
            g_unlink (g_ptr_array_index (written, j));
          g_prefix_error (error, _("The letters are stored in the database, but not every file could be written "
                                   "(use “notificacao export NÚMERO/ANO” to write them again): "));
          return NULL;
        }
    }
  return g_steal_pointer (&records);

rollback:
  coordena_store_rollback (store);
  for (guint i = 0; i < written->len; i++)
    g_unlink (g_ptr_array_index (written, i));
  remove_made_folders (directory, made_from);
  return NULL;
}

/* ---------------------------------------------------------------------------------------------
 * Follow-up
 */

static const char *const status_names[] = { "aguardando", "regularizada", "persiste", "suspensa" };
static const char *const status_labels[] = { N_("waiting for the next competência"), N_("fixed"), N_("persists"),
                                             N_("suspended") };

const char *
coordena_notify_status_to_string (CoordenaNotifyStatus status)
{
  return status <= COORDENA_NOTIFY_SUSPENDED ? status_names[status] : "?";
}

const char *
coordena_notify_status_label (CoordenaNotifyStatus status)
{
  return status <= COORDENA_NOTIFY_SUSPENDED ? _(status_labels[status]) : "?";
}

char *
coordena_notify_counts_text (guint fixed, guint pending, guint suspended, gboolean with_detail, guint persisting,
                             guint waiting)
{
  GString *out = g_string_new (NULL);

  /* TRANSLATORS: notified teams no longer missing a category */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u fixed", "%u fixed", fixed), fixed);
  g_string_append (out, ", ");
  if (with_detail)
    {
      /* TRANSLATORS: notified teams still missing a category, at the same percent */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u persists", "%u persist", persisting), persisting);
      g_string_append (out, ", ");
    }
  else
    {
      /* TRANSLATORS: notified teams not fixed yet */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u pending", "%u pending", pending), pending);
      g_string_append (out, ", ");
    }
  /* TRANSLATORS: teams whose suspension started or rose */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u suspended", "%u suspended", suspended), suspended);
  if (with_detail)
    {
      g_string_append (out, ", ");
      /* TRANSLATORS: notified teams whose next competência is not imported yet */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u waiting", "%u waiting", waiting), waiting);
    }
  return g_string_free (out, FALSE);
}

CoordenaNotifyStatus
coordena_notify_status_parse (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      return (CoordenaNotifyStatus) i;
  return COORDENA_NOTIFY_WAITING;
}

gboolean
coordena_notification_follow_up (CoordenaStore *store, const CoordenaSummary *summary, guint *n_changed,
                                 GError **error)
{
  CoordenaCompetencia current = coordena_summary_get_current (summary);
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  guint changed = 0;

  if (n_changed != NULL)
    *n_changed = 0;
  if (!coordena_store_begin (store, error))
    return FALSE;
  if ((rows = coordena_store_notified_rows (store, error)) == NULL)
    goto fail;
  for (guint r = 0; r < rows->len; r++)
    {
      const CoordenaStoreNotifiedRow *notified = g_ptr_array_index (rows, r);
      const char *ine = notified->ine;
      int percent = notified->percent;
      gint64 loss = notified->loss_horizon;
      CoordenaNotifyStatus old = coordena_notify_status_parse (notified->status);
      CoordenaCompetencia old_checked = notified->checked;
      gint64 old_kept = notified->kept;
      CoordenaCompetencia notified_at = notified->competencia;
      CoordenaNotifyStatus status = COORDENA_NOTIFY_WAITING;
      CoordenaCompetencia checked = 0;
      gint64 kept = 0;

      /* A roster older than the last check (a window still showing the competência before the
       * import) says nothing new: it must not undo, and audit, what the newer one found. */
      if (old_checked > current)
        continue;

      if (current > notified_at)
        {
          int row = coordena_summary_find_team (summary, ine);
          const CoordenaTeamSummary *ts = row >= 0 ? coordena_summary_get_team (summary, (guint) row) : NULL;

          checked = current;
          if (ts != NULL && ts->missing && ts->percent > 0 && ts->percent <= percent)
            status = COORDENA_NOTIFY_PERSISTS;  /* still without registration, at no higher percent */
          else if (ts == NULL || !ts->active)
            status = COORDENA_NOTIFY_SUSPENDED; /* no longer in the SCNES: no active registration */
          else
            {
              gboolean complete = TRUE;

              for (int k = 0; k < COORDENA_N_CATEGORIES; k++)
                if (ts->presence[k] == COORDENA_PRESENCE_ABSENT || ts->presence[k] == COORDENA_PRESENCE_HOURS_SHORT)
                  complete = FALSE;
              if (complete)
                {
                  status = COORDENA_NOTIFY_REGULARIZED;
                  kept = loss > 0 ? MAX (0, loss - MAX (0, ts->loss_horizon)) : 0;
                }
              else if (ts->percent > percent)
                status = COORDENA_NOTIFY_SUSPENDED;
              else
                status = COORDENA_NOTIFY_PERSISTS;
            }
        }
      if (status == old && checked == old_checked && kept == old_kept)
        continue;
      if (!coordena_store_notified_update (store, notified->id, ine, status_names[status], checked, kept, error))
        goto fail;
      {
        g_autofree char *who = coordena_json_string (notified->identification);
        g_string_append_printf (changes, "%s{\"oficio\":%s,\"ine\":\"%s\",\"de\":\"%s\",\"para\":\"%s\"}",
                                changed > 0 ? "," : "", who, ine, status_names[old], status_names[status]);
      }
      changed++;
    }
  if (changed > 0)
    {
      g_autofree char *entity = g_strdup_printf ("SCNES %06u", current);
      g_autofree char *after = g_strdup_printf ("{\"competencia\":%u,\"equipes\":[%s]}", current, changes->str);

      if (!coordena_store_audit (store, "notificacao-acompanhamento", entity, NULL, after, error))
        goto fail;
    }
  if (!coordena_store_commit (store, error))
    goto fail;
  if (n_changed != NULL)
    *n_changed = changed;
  return TRUE;

fail:
  coordena_store_rollback (store);
  return FALSE;
}

GPtrArray *
coordena_notification_list (CoordenaStore *store, gboolean pending_only, GError **error)
{
  g_autoptr(GPtrArray) all = coordena_store_notification_records (store, error);
  g_autoptr(GPtrArray) list = NULL;

  if (all == NULL || !pending_only)
    return g_steal_pointer (&all);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_notification_record_free);
  for (guint i = 0; i < all->len; i++)
    {
      CoordenaNotificationRecord *r = g_ptr_array_index (all, i);

      if (r->n_regularized != r->n_teams)
        g_ptr_array_add (list, g_ptr_array_steal_index (all, i--));
    }
  return g_steal_pointer (&list);
}

void
coordena_notified_team_free (CoordenaNotifiedTeam *team)
{
  if (team == NULL)
    return;
  g_free (team->ine);
  g_free (team->name);
  g_free (team->identification);
  g_free (team->date);
  g_free (team);
}

gboolean
coordena_notification_counts (CoordenaStore *store, const GDate *today, CoordenaNotifyCounts *counts,
                              GPtrArray **overdue, GError **error)
{
  CoordenaCompetencia now = coordena_competencia_from_date (today);
  g_autoptr(GPtrArray) late = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_notified_team_free);
  g_autoptr(GArray) kept = NULL;
  g_autoptr(GPtrArray) teams = NULL;

  memset (counts, 0, sizeof *counts);
  if ((teams = coordena_store_latest_notified_teams (store, &kept, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < teams->len; i++)
    {
      CoordenaNotifiedTeam *t = g_ptr_array_index (teams, i);

      counts->notified++;
      if (t->status == COORDENA_NOTIFY_REGULARIZED)
        {
          counts->regularized++;
          counts->kept += g_array_index (kept, gint64, i);
          continue;
        }
      if (t->status == COORDENA_NOTIFY_SUSPENDED)
        counts->suspended++;
      else
        counts->pending++;
      /* Its "corrigir até" has come: the SCNES of that competência is in and the team is not
       * fixed, or that month is over. */
      if (t->fix_by != 0 && ((t->checked != 0 && t->checked >= t->fix_by) || now > t->fix_by))
        {
          counts->overdue++;
          g_ptr_array_add (late, g_ptr_array_index (teams, i));
          teams->pdata[i] = NULL;
        }
    }
  if (overdue != NULL)
    *overdue = g_steal_pointer (&late);
  return TRUE;
}

CoordenaNotificationRecord *
coordena_notification_export (CoordenaStore *store, const char *numero_ano, const char *output, GError **error)
{
  g_autoptr(CoordenaNotificationRecord) record = NULL;
  guint64 number = 0, year = 0;
  const char *slash = numero_ano != NULL ? strchr (numero_ano, '/') : NULL;
  char *end = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;

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
  record = coordena_store_notification_get (store, (guint) number, (guint) year, &bytes, &local);
  if (record == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("no notification %s in this database"), numero_ano);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the PDF of %s was removed with the personal data it held (the municipal secretary’s name); "
                     "its number, date, SHA-256 and teams stay in the database. Nothing was written."),
                   record->identification);
      return NULL;
    }
  if (!write_file (output, bytes, error))
    return NULL;
  record->file = g_strdup (output);
  return g_steal_pointer (&record);
}
