/* SPDX-License-Identifier: GPL-3.0-or-later */
/* oficio.c — the adhesion ofício: rules, composition in Portuguese, and layout on pdf.h. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/error.h>
#include <coordena/format.h>
#include <coordena/oficio.h>
#include <coordena/pdf.h>

/* The states in the words a letterhead uses ("GOVERNO DO ESTADO DO CEARÁ"): the preposition is
 * grammar, not data, so it lives here. */
static const struct {
  const char *uf;
  const char *prep;
  const char *name;
} states[] = {
  { "AC", "do", "Acre" }, { "AL", "de", "Alagoas" }, { "AP", "do", "Amapá" },
  { "AM", "do", "Amazonas" }, { "BA", "da", "Bahia" }, { "CE", "do", "Ceará" },
  { "DF", "do", "Distrito Federal" }, { "ES", "do", "Espírito Santo" }, { "GO", "de", "Goiás" },
  { "MA", "do", "Maranhão" }, { "MT", "de", "Mato Grosso" }, { "MS", "de", "Mato Grosso do Sul" },
  { "MG", "de", "Minas Gerais" }, { "PA", "do", "Pará" }, { "PB", "da", "Paraíba" },
  { "PR", "do", "Paraná" }, { "PE", "de", "Pernambuco" }, { "PI", "do", "Piauí" },
  { "RJ", "do", "Rio de Janeiro" }, { "RN", "do", "Rio Grande do Norte" },
  { "RS", "do", "Rio Grande do Sul" }, { "RO", "de", "Rondônia" }, { "RR", "de", "Roraima" },
  { "SC", "de", "Santa Catarina" }, { "SP", "de", "São Paulo" }, { "SE", "de", "Sergipe" },
  { "TO", "do", "Tocantins" },
};

static gint
find_state (const char *uf)
{
  for (guint i = 0; uf != NULL && i < G_N_ELEMENTS (states); i++)
    if (g_ascii_strcasecmp (states[i].uf, uf) == 0)
      return (gint) i;
  return -1;
}

char *
coordena_oficio_government_line (const char *uf)
{
  gint state = find_state (uf);
  g_autofree char *upper = NULL, *prep = NULL;

  if (state < 0)
    return NULL;
  if (g_str_equal (states[state].uf, "DF"))
    return g_strdup ("GOVERNO DO DISTRITO FEDERAL");
  upper = g_utf8_strup (states[state].name, -1);
  prep = g_utf8_strup (states[state].prep, -1);
  return g_strdup_printf ("GOVERNO DO ESTADO %s %s", prep, upper);
}

CoordenaOficioAnnex *
coordena_oficio_annex_new (const char *title, guint n_columns, const char *const *columns,
                           const double *widths)
{
  CoordenaOficioAnnex *annex = g_new0 (CoordenaOficioAnnex, 1);

  annex->title = g_strdup (title);
  annex->n_columns = n_columns;
  annex->columns = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    annex->columns[i] = g_strdup (columns[i]);
  annex->widths = g_memdup2 (widths, sizeof (double) * n_columns);
  annex->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return annex;
}

void
coordena_oficio_annex_add_row (CoordenaOficioAnnex *annex, const char *const *cells)
{
  char **row = g_new0 (char *, annex->n_columns + 1);

  for (guint i = 0; i < annex->n_columns; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (annex->rows, row);
}

void
coordena_oficio_annex_free (CoordenaOficioAnnex *annex)
{
  if (annex == NULL)
    return;
  g_free (annex->title);
  g_free (annex->note);
  g_strfreev (annex->columns);
  g_free (annex->widths);
  g_ptr_array_unref (annex->rows);
  g_free (annex);
}

static CoordenaOficioAnnex *
annex_copy (const CoordenaOficioAnnex *annex)
{
  CoordenaOficioAnnex *copy;

  if (annex == NULL)
    return NULL;
  copy = coordena_oficio_annex_new (annex->title, annex->n_columns,
                                    (const char *const *) annex->columns, annex->widths);
  copy->note = g_strdup (annex->note);
  for (guint i = 0; i < annex->rows->len; i++)
    coordena_oficio_annex_add_row (copy, g_ptr_array_index (annex->rows, i));
  return copy;
}

void
coordena_oficio_doc_free (CoordenaOficioDoc *doc)
{
  if (doc == NULL)
    return;
  g_clear_pointer (&doc->coat_of_arms, g_bytes_unref);
  g_strfreev (doc->header);
  g_free (doc->identification);
  g_free (doc->place_date);
  g_strfreev (doc->address);
  g_free (doc->subject);
  g_free (doc->vocative);
  g_strfreev (doc->paragraphs);
  g_free (doc->closing);
  g_free (doc->signer_name);
  g_free (doc->signer_cargo);
  g_strfreev (doc->footer);
  coordena_oficio_annex_free (doc->annex);
  g_free (doc->title);
  g_free (doc->author);
  g_free (doc);
}

/* ---------------------------------------------------------------------------------------------
 * Rules
 */

static const char *
value (const CoordenaOficioRequest *request, const char *key)
{
  const char *v = request->profile.values != NULL ? g_hash_table_lookup (request->profile.values, key) : NULL;

  return (v != NULL && *v != '\0') ? v : NULL;
}

static gboolean
parse_gender (const char *text, CoordenaGender *gender)
{
  if (text != NULL && (g_str_equal (text, "F") || g_str_equal (text, "f")))
    *gender = COORDENA_GENDER_F;
  else if (text != NULL && (g_str_equal (text, "M") || g_str_equal (text, "m")))
    *gender = COORDENA_GENDER_M;
  else
    return FALSE;
  return TRUE;
}

/* The profile keys a given signer's ofício prints. */
static void
needed_keys (const char *signer, GPtrArray *keys)
{
  const char *const common[] = {
    "secretaria.nome", "secretaria.sigla", "cidade", "endereco", "telefone", "email",
    "contato.nome", "contato.email", "contato.telefone",
  };

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    g_ptr_array_add (keys, g_strdup (common[i]));
  g_ptr_array_add (keys, g_strdup_printf ("%s.nome", signer));
  g_ptr_array_add (keys, g_strdup_printf ("%s.genero", signer));
}

gboolean
coordena_oficio_closing_respectful (GHashTable *profile_values, const char *signer)
{
  g_autofree char *key = g_strdup_printf ("%s.fecho", signer != NULL ? signer : "");
  const char *v = profile_values != NULL ? g_hash_table_lookup (profile_values, key) : NULL;

  if (v == NULL || *v == '\0')
    v = profile_values != NULL ? g_hash_table_lookup (profile_values, "fecho") : NULL;
  if (v != NULL && *v != '\0')
    return g_str_equal (v, "Respeitosamente");
  return g_strcmp0 (signer, "coordenador") == 0;
}

gboolean
coordena_oficio_check (const CoordenaOficioRequest *request, GError **error)
{
  const CoordenaOffer *offer = request->offer;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GError) local = NULL;
  const char *const optional[] = { "subunidade", "site", "secretario.cargo", "coordenador.cargo", NULL };
  gint state = find_state (request->profile.uf);

  if (!coordena_offer_check_signer (offer, request->signer, &local))
    {
      g_ptr_array_add (problems, g_strdup (local->message));
      g_clear_error (&local);
    }
  if (!g_date_valid (&request->date))
    g_ptr_array_add (problems, g_strdup (_("the ofício has no valid date")));
  else if (!coordena_offer_check_date (offer, &request->date, &local))
    {
      g_ptr_array_add (problems, g_strdup (local->message));
      g_clear_error (&local);
    }
  if (state < 0)
    g_ptr_array_add (problems, g_strdup (_("the database has no UF: run “coordena-cli init --uf UF” first")));
  else if (!coordena_offer_check_oficio_channel (offer, g_str_equal (states[state].uf, "DF") ? "distrital" : "estadual",
                                                 &local))
    {
      g_ptr_array_add (problems, g_strdup (local->message));
      g_clear_error (&local);
    }

  if (coordena_offer_get_signer (offer, request->signer) != NULL)
    {
      CoordenaGender gender;
      g_autofree char *gender_key = g_strdup_printf ("%s.genero", request->signer);

      needed_keys (request->signer, keys);
      for (guint i = 0; i < keys->len; i++)
        if (value (request, g_ptr_array_index (keys, i)) == NULL)
          g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "",
                                  (char *) g_ptr_array_index (keys, i));
      if (missing->len > 0)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("the profile lacks what the ofício needs: %s (set each with "
                                            "“coordena-cli profile set KEY VALUE”)"), missing->str));
      if (value (request, gender_key) != NULL && !parse_gender (value (request, gender_key), &gender))
        g_ptr_array_add (problems, g_strdup_printf (_("%s must be F or M"), gender_key));

      /* Every printed field must fit the single-byte font encoding. */
      for (guint i = 0; i < keys->len; i++)
        {
          const char *v = value (request, g_ptr_array_index (keys, i));
          g_autofree char *bytes = NULL;

          if (v != NULL && (bytes = coordena_pdf_encode (v, g_ptr_array_index (keys, i), &local)) == NULL)
            {
              g_ptr_array_add (problems, g_strdup (local->message));
              g_clear_error (&local);
            }
        }
      for (guint i = 0; optional[i] != NULL; i++)
        {
          const char *v = value (request, optional[i]);
          g_autofree char *bytes = NULL;

          if (v != NULL && (bytes = coordena_pdf_encode (v, optional[i], &local)) == NULL)
            {
              g_ptr_array_add (problems, g_strdup (local->message));
              g_clear_error (&local);
            }
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

/* ---------------------------------------------------------------------------------------------
 * Composition: the words of the letter (Portuguese document content, not interface text)
 */

char *
coordena_oficio_format_identification (const char *style, guint number, guint year, const char *sigla)
{
  const char *mark = (style != NULL && g_str_equal (style, "N.º")) ? "N.º" : "Nº";

  return g_strdup_printf ("OFÍCIO %s %u/%u/%s", mark, number, year, sigla);
}


/* "a; b; e c" */
static char *
join_items (char **items)
{
  GString *out = g_string_new (NULL);
  guint n = g_strv_length (items);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == n ? "; e " : "; ");
      g_string_append (out, items[i]);
    }
  return g_string_free (out, FALSE);
}

/* An act cited again: "Nota Técnica Conjunta nº 425/2025" from its short title, without units
 * or SEI number, which the letter already gave. */
static char *
cite_again (const CoordenaOfferReference *ref)
{
  if (ref->short_title != NULL && g_str_has_prefix (ref->short_title, "NT "))
    return g_strconcat ("Nota Técnica ", ref->short_title + 3, NULL);
  return g_strdup (ref->short_title != NULL ? ref->short_title : ref->title);
}

/* "a Nota Técnica … (SEI nº …)" */
static char *
describe_reference (const CoordenaOfferReference *ref)
{
  if (ref->sei != NULL)
    return g_strdup_printf ("%s (SEI nº %s)", ref->title, ref->sei);
  return g_strdup (ref->title);
}

static char **
split_lines (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ";\n", -1);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *line = g_strstrip (g_strdup (parts[i]));

      if (*line == '\0')
        g_free (line);
      else
        g_ptr_array_add (out, line);
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* A cargo typed in capitals ("SECRETÁRIA DE ESTADO DA SAÚDE") gets initial capitals and lower-case
 * prepositions, as the signature block writes it; any other casing is the user's and is kept. */
static char *
title_case (const char *text)
{
  static const char *const small[] = { "a", "à", "as", "às", "ao", "aos", "de", "da", "das", "do", "dos", "e", "em",
                                       "na", "nas", "no", "nos", "para", "por", NULL };
  g_autofree char *upper = g_utf8_strup (text, -1);
  g_autofree char *lower = NULL;
  g_auto(GStrv) words = NULL;
  GString *out;

  if (!g_str_equal (upper, text))
    return g_strdup (text);
  lower = g_utf8_strdown (text, -1);
  words = g_strsplit (lower, " ", -1);
  out = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];

      if (i > 0)
        g_string_append_c (out, ' ');
      if (*w == '\0')
        continue;
      if (i > 0 && g_strv_contains (small, w))
        g_string_append (out, w);
      else
        {
          gunichar first = g_unichar_toupper (g_utf8_get_char (w));
          char buf[8] = { 0 };

          g_unichar_to_utf8 (first, buf);
          g_string_append (out, buf);
          g_string_append (out, g_utf8_next_char (w));
        }
    }
  return g_string_free (out, FALSE);
}

CoordenaOficioDoc *
coordena_oficio_compose (const CoordenaOficioRequest *request, guint number, GError **error)
{
  const CoordenaOffer *offer = request->offer;
  const CoordenaOfferSigner *signer = coordena_offer_get_signer (offer, request->signer);
  const CoordenaOfferChannel *channel = coordena_offer_get_channel (offer, "oficio");
  const CoordenaOfferReference *route = channel != NULL ? coordena_offer_get_reference (offer, channel->source) : NULL;
  g_autoptr(CoordenaOficioDoc) doc = g_new0 (CoordenaOficioDoc, 1);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new ();
  g_autoptr(GString) refs = g_string_new (NULL);
  g_autofree char *gender_key = NULL;
  g_autofree char *cargo_key = NULL;
  g_autofree char *name_key = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *city = NULL;
  g_autofree char *responsibilities = NULL;
  g_autofree char *items = NULL;
  CoordenaGender gender = COORDENA_GENDER_F, to = offer->addressee_gender;
  g_autofree char *cargo_case = NULL;
  const char *cargo;
  const char *addressee_cargo = to == COORDENA_GENDER_F ? offer->addressee_cargo_f : offer->addressee_cargo_m;
  gint state = find_state (request->profile.uf);
  guint n_others = 0;

  if (signer == NULL || state < 0 || !g_date_valid (&request->date))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("the ofício request was not checked"));
      return NULL;
    }
  gender_key = g_strdup_printf ("%s.genero", request->signer);
  cargo_key = g_strdup_printf ("%s.cargo", request->signer);
  name_key = g_strdup_printf ("%s.nome", request->signer);
  parse_gender (value (request, gender_key), &gender);
  cargo = value (request, cargo_key);
  if (cargo == NULL)
    cargo = gender == COORDENA_GENDER_F ? signer->cargo_f : signer->cargo_m;
  else
    cargo = cargo_case = title_case (cargo);

  doc->date = request->date;
  if (request->profile.coat_of_arms != NULL)
    doc->coat_of_arms = g_bytes_ref (request->profile.coat_of_arms);

  /* 1. Cabeçalho */
  lines = g_ptr_array_new ();
  g_ptr_array_add (lines, coordena_oficio_government_line (states[state].uf));
  g_ptr_array_add (lines, g_utf8_strup (value (request, "secretaria.nome"), -1));
  if (value (request, "subunidade") != NULL)
    {
      g_auto(GStrv) sub = split_lines (value (request, "subunidade"));

      for (guint i = 0; sub[i] != NULL; i++)
        g_ptr_array_add (lines, g_strdup (sub[i]));
    }
  g_ptr_array_add (lines, NULL);
  doc->header = (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);

  /* 2. Identificação; 3. Local e data */
  doc->identification = coordena_oficio_format_identification (value (request, "numeracao.estilo"), number,
                                                               g_date_get_year (&request->date),
                                                               value (request, "secretaria.sigla"));
  date_text = coordena_format_date_extenso (&request->date);
  city = coordena_format_city_without_uf (value (request, "cidade"));
  doc->place_date = g_strdup_printf ("%s, %s.", city, date_text);

  /* 4. Endereçamento: no name and no form of address (Decreto nº 9.758/2019, art. 4); "À Senhora"
   * before the cargo is the common house style, the literal reading leaves it out. */
  lines = g_ptr_array_new ();
  if (g_strcmp0 (value (request, "enderecamento"), "decreto") != 0)
    g_ptr_array_add (lines, g_strdup (to == COORDENA_GENDER_F ? "À Senhora" : "Ao Senhor"));
  g_ptr_array_add (lines, g_strdup (addressee_cargo));
  g_ptr_array_add (lines, g_strdup (offer->addressee_organ));
  for (guint i = 0; offer->addressee_address[i] != NULL; i++)
    g_ptr_array_add (lines, g_strdup (offer->addressee_address[i]));
  g_ptr_array_add (lines, g_strdup_printf ("%s %s", offer->addressee_postal_code, offer->addressee_city));
  g_ptr_array_add (lines, NULL);
  doc->address = (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);

  /* 5. Assunto; 6. Vocativo */
  doc->subject = g_str_has_suffix (offer->subject, ".") ? g_strdup_printf ("Assunto: %s", offer->subject)
                                                        : g_strdup_printf ("Assunto: %s.", offer->subject);
  {
    const char *space = strchr (addressee_cargo, ' ');
    g_autofree char *first = space != NULL ? g_strndup (addressee_cargo, (gsize) (space - addressee_cargo))
                                           : g_strdup (addressee_cargo);

    doc->vocative = g_strdup_printf ("%s %s,", to == COORDENA_GENDER_F ? "Senhora" : "Senhor", first);
  }

  /* 7. Texto */
  {
    g_autoptr(GString) p = g_string_new (NULL);
    const CoordenaOfferReference *enrol = coordena_offer_get_reference (offer, offer->enrolment_source);

    g_string_append_printf (p, "Cumprimentando-%s cordialmente, na qualidade de %s, comunico a adesão formal do "
                            "Estado %s %s ao %s", to == COORDENA_GENDER_F ? "a" : "o", cargo, states[state].prep,
                            states[state].name, offer->name);
    /* What the adhesion conditions, with the item that says so. */
    if (offer->enrolment_text != NULL)
      {
        g_autofree char *again = enrol != NULL ? cite_again (enrol) : NULL;

        if (again != NULL && offer->enrolment_item != NULL)
          g_string_append_printf (p, ", condicionante, nos termos do item %s da %s, à %s", offer->enrolment_item, again,
                                  offer->enrolment_text);
        else
          g_string_append_printf (p, ", condicionante à %s", offer->enrolment_text);
      }
    g_string_append_c (p, '.');
    g_ptr_array_add (paragraphs, g_string_free (g_steal_pointer (&p), FALSE));
  }

  {
    guint total = offer->references->len - (route != NULL ? 1 : 0);

    for (guint i = 0; i < offer->references->len; i++)
      {
        const CoordenaOfferReference *ref = g_ptr_array_index (offer->references, i);
        g_autofree char *described = NULL;

        if (ref == route)
          continue;
        described = describe_reference (ref);
        if (n_others > 0)
          g_string_append (refs, n_others + 1 == total ? " e " : ", ");
        g_string_append_printf (refs, "a %s", described);
        n_others++;
      }
  }
  if (route != NULL)
    {
      g_autofree char *described = describe_reference (route);
      g_autoptr(GString) p = g_string_new (NULL);

      if (n_others > 0)
        g_string_append_printf (p, "A adesão observa %s e é formalizada por ofício", refs->str);
      else
        g_string_append (p, "A adesão é formalizada por ofício");
      if (channel->item != NULL && offer->deadline_item != NULL)
        g_string_append_printf (p, " nos termos dos itens %s e %s da %s", offer->deadline_item, channel->item, described);
      else
        g_string_append_printf (p, " nos termos da %s", described);
      if (offer->processo != NULL)
        g_string_append_printf (p, ", no âmbito do Processo nº %s", offer->processo);
      g_string_append_c (p, '.');
      g_ptr_array_add (paragraphs, g_string_free (g_steal_pointer (&p), FALSE));
    }

  items = join_items (offer->responsibilities);
  {
    const CoordenaOfferReference *src = coordena_offer_get_reference (offer, offer->responsibilities_source);
    const CoordenaOfferReference *basis = coordena_offer_get_reference (offer, offer->responsibilities_basis);
    g_autoptr(GString) p = g_string_new ("Declaro ciência das responsabilidades do ente federado previstas");

    /* Every reference title starts with "Nota" (feminine article); the act cited just before
     * is "a mesma". */
    if (basis != NULL)
      {
        g_autofree char *described = cite_again (basis);

        if (offer->responsibilities_basis_item != NULL)
          g_string_append_printf (p, " no item %s da %s", offer->responsibilities_basis_item, described);
        else
          g_string_append_printf (p, " na %s", described);
        if (src != NULL)
          {
            g_autofree char *again = cite_again (src);

            if (offer->responsibilities_item != NULL)
              g_string_append_printf (p, " (item %s da %s)", offer->responsibilities_item, again);
            else
              g_string_append_printf (p, " (%s)", again);
          }
      }
    else
      {
        const char *act = src == NULL ? "nota técnica da oferta" : src == route ? "mesma Nota Técnica" : src->title;

        g_string_append_printf (p, "%s%s %s %s", offer->responsibilities_item != NULL ? " no item " : "",
                                offer->responsibilities_item != NULL ? offer->responsibilities_item : "",
                                offer->responsibilities_item != NULL ? "da" : "na", act);
      }
    g_string_append_printf (p, ", que o Estado assume, entre elas: %s.", items);
    responsibilities = g_string_free (g_steal_pointer (&p), FALSE);
  }
  g_ptr_array_add (paragraphs, g_steal_pointer (&responsibilities));

  /* The contact, the annex and the courtesy close the letter in one paragraph whose last
   * sentence moves with the signature. */
  g_ptr_array_add (paragraphs,
                   g_strdup_printf ("Para a etapa de inscrição dos profissionais, indico como pessoa de contato "
                                    "%s, pelo e-mail %s e pelo telefone %s. %s%s%s"
                                    "Coloco-me à disposição para os esclarecimentos que se fizerem necessários.",
                                    value (request, "contato.nome"), value (request, "contato.email"),
                                    value (request, "contato.telefone"),
                                    request->annex != NULL ? "Segue anexa " : "",
                                    request->annex != NULL ? (request->annex_description != NULL
                                                              ? request->annex_description : "a relação mencionada") : "",
                                    request->annex != NULL ? ". " : ""));
  g_ptr_array_add (paragraphs, NULL);
  doc->paragraphs = (char **) g_ptr_array_free (g_steal_pointer (&paragraphs), FALSE);

  /* 8. Fecho; 10. Signatário */
  doc->closing = g_strdup (request->respectfully ? "Respeitosamente," : "Atenciosamente,");
  doc->signer_name = g_strdup (value (request, name_key));
  doc->signer_cargo = g_strdup (cargo);

  /* 11. Rodapé */
  lines = g_ptr_array_new ();
  g_ptr_array_add (lines, g_strdup_printf ("%s – %s", value (request, "secretaria.nome"), value (request, "endereco")));
  if (value (request, "site") != NULL)
    g_ptr_array_add (lines, g_strdup_printf ("Telefone %s · %s · %s", value (request, "telefone"),
                                             value (request, "email"), value (request, "site")));
  else
    g_ptr_array_add (lines, g_strdup_printf ("Telefone %s · %s", value (request, "telefone"), value (request, "email")));
  g_ptr_array_add (lines, NULL);
  doc->footer = (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);

  doc->annex = annex_copy (request->annex);
  doc->title = g_strdup_printf ("Ofício %s", doc->identification + strlen ("OFÍCIO "));
  doc->author = g_strdup (value (request, "secretaria.nome"));
  return g_steal_pointer (&doc);
}

/* ---------------------------------------------------------------------------------------------
 * Layout (OFICIO.md §1–2)
 */

static GBytes *render_parts (const CoordenaOficioDoc *doc, guint *n_pages, GError **error);

#define PART_GAP   12.0                                               /* one blank line of 12 pt */
#define SIGN_BAND  (85.04 + 1.0)                                       /* ≥ 3 cm of blank */

GBytes *
coordena_oficio_doc_render (const CoordenaOficioDoc *doc, guint *n_pages, GError **error)
{
  if (doc->header == NULL || doc->identification == NULL || doc->place_date == NULL || doc->address == NULL
      || doc->subject == NULL || doc->vocative == NULL || doc->paragraphs == NULL || doc->closing == NULL
      || doc->signer_name == NULL || doc->signer_cargo == NULL)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INTERNAL, _("the ofício is missing one of its parts"));
      return NULL;
    }
  return render_parts (doc, n_pages, error);
}

/* The parts in order (OFICIO.md §1), each with its alignment and spacing. */
static GBytes *
render_parts (const CoordenaOficioDoc *doc, guint *n_pages, GError **error)
{
  g_autoptr(CoordenaPdfDoc) pdf = coordena_pdf_doc_new ();
  CoordenaPdfStyle style = { 0 };
  guint n_paragraphs = g_strv_length (doc->paragraphs);
  gboolean numbered = n_paragraphs >= 3;

  coordena_pdf_doc_set_info (pdf, doc->title, doc->author,
                             g_str_has_prefix (doc->subject, "Assunto: ") ? doc->subject + strlen ("Assunto: ") : doc->subject,
                             &doc->date);
  coordena_pdf_doc_set_footer (pdf, (const char *const *) doc->footer);
  coordena_pdf_doc_set_page_numbers (pdf, 2);

  if (doc->coat_of_arms != NULL)
    {
      coordena_pdf_doc_add_image (pdf, doc->coat_of_arms, 42.52); /* 1,5 cm */
      coordena_pdf_doc_add_space (pdf, 4, TRUE);
    }
  for (guint i = 0; doc->header[i] != NULL; i++)
    {
      style = (CoordenaPdfStyle) { .font = i < 2 ? COORDENA_PDF_FONT_BOLD : COORDENA_PDF_FONT_REGULAR,
                                   .align = COORDENA_PDF_ALIGN_CENTER, .keep_with_next = TRUE };
      coordena_pdf_doc_add_paragraph (pdf, &style, NULL, doc->header[i]);
    }
  coordena_pdf_doc_add_space (pdf, PART_GAP, FALSE);

  style = (CoordenaPdfStyle) { .align = COORDENA_PDF_ALIGN_LEFT };
  coordena_pdf_doc_add_paragraph (pdf, &style, NULL, doc->identification);
  coordena_pdf_doc_add_space (pdf, PART_GAP, FALSE);

  style = (CoordenaPdfStyle) { .align = COORDENA_PDF_ALIGN_RIGHT };
  coordena_pdf_doc_add_paragraph (pdf, &style, NULL, doc->place_date);
  coordena_pdf_doc_add_space (pdf, PART_GAP, FALSE);

  for (guint i = 0; doc->address[i] != NULL; i++)
    {
      style = (CoordenaPdfStyle) { .align = COORDENA_PDF_ALIGN_LEFT, .keep_with_next = doc->address[i + 1] != NULL };
      coordena_pdf_doc_add_paragraph (pdf, &style, NULL, doc->address[i]);
    }
  coordena_pdf_doc_add_space (pdf, PART_GAP, FALSE);

  style = (CoordenaPdfStyle) { .font = COORDENA_PDF_FONT_BOLD, .align = COORDENA_PDF_ALIGN_LEFT, .keep_with_next = TRUE };
  coordena_pdf_doc_add_paragraph (pdf, &style, NULL, doc->subject);
  coordena_pdf_doc_add_space (pdf, PART_GAP, TRUE);

  style = (CoordenaPdfStyle) { .align = COORDENA_PDF_ALIGN_LEFT, .first_indent = COORDENA_PDF_INDENT,
                               .keep_with_next = TRUE, .space_after = PART_GAP / 2 };
  coordena_pdf_doc_add_paragraph (pdf, &style, NULL, doc->vocative);

  for (guint i = 0; i < n_paragraphs; i++)
    {
      g_autofree char *label = numbered ? g_strdup_printf ("%u.", i + 1) : NULL;

      style = (CoordenaPdfStyle) { .align = COORDENA_PDF_ALIGN_JUSTIFY, .first_indent = COORDENA_PDF_INDENT,
                                   .space_after = COORDENA_PDF_PARAGRAPH_GAP,
                                   .last_sentence_with_next = i + 1 == n_paragraphs };
      coordena_pdf_doc_add_paragraph (pdf, &style, label, doc->paragraphs[i]);
    }
  coordena_pdf_doc_add_space (pdf, PART_GAP / 2, TRUE);

  /* Fecho, the signing band and the signer stay together with the last sentence. */
  style = (CoordenaPdfStyle) { .align = COORDENA_PDF_ALIGN_LEFT, .first_indent = COORDENA_PDF_INDENT,
                               .keep_with_next = TRUE };
  coordena_pdf_doc_add_paragraph (pdf, &style, NULL, doc->closing);
  coordena_pdf_doc_add_space (pdf, SIGN_BAND, TRUE);
  {
    g_autofree char *upper = g_utf8_strup (doc->signer_name, -1);

    style = (CoordenaPdfStyle) { .align = COORDENA_PDF_ALIGN_CENTER, .keep_with_next = TRUE };
    coordena_pdf_doc_add_paragraph (pdf, &style, NULL, upper);
  }
  style = (CoordenaPdfStyle) { .align = COORDENA_PDF_ALIGN_CENTER };
  coordena_pdf_doc_add_paragraph (pdf, &style, NULL, doc->signer_cargo);

  if (doc->annex != NULL)
    {
      const CoordenaOficioAnnex *annex = doc->annex;

      coordena_pdf_doc_add_page_break (pdf);
      style = (CoordenaPdfStyle) { .font = COORDENA_PDF_FONT_BOLD, .align = COORDENA_PDF_ALIGN_CENTER,
                                   .keep_with_next = TRUE, .space_after = annex->note != NULL ? 0 : PART_GAP };
      coordena_pdf_doc_add_paragraph (pdf, &style, NULL, annex->title);
      if (annex->note != NULL)
        {
          style = (CoordenaPdfStyle) { .align = COORDENA_PDF_ALIGN_CENTER, .size = COORDENA_PDF_SIZE_NOTE,
                                       .keep_with_next = TRUE, .space_after = PART_GAP };
          coordena_pdf_doc_add_paragraph (pdf, &style, NULL, annex->note);
        }
      coordena_pdf_doc_begin_table (pdf, annex->n_columns, annex->widths, NULL,
                                    (const char *const *) annex->columns);
      for (guint i = 0; i < annex->rows->len; i++)
        coordena_pdf_doc_add_row (pdf, g_ptr_array_index (annex->rows, i), FALSE);
      coordena_pdf_doc_end_table (pdf);
    }

  return coordena_pdf_doc_render (pdf, n_pages, error);
}
