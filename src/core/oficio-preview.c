/* SPDX-License-Identifier: GPL-3.0-or-later */
/* oficio-preview.c — the next ofício seen before it exists: checked and composed like generation,
 * without taking a number or writing anything. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/error.h>
#include <coordena/numbering.h>
#include <coordena/oficio-preview.h>
#include <coordena/profile.h>

void
coordena_oficio_preview_free (CoordenaOficioPreview *preview)
{
  if (preview == NULL)
    return;
  g_clear_pointer (&preview->doc, coordena_oficio_doc_free);
  g_free (preview->signer_role);
  g_free (preview);
}

gboolean
coordena_oficio_next_number (CoordenaStore *store, guint year, guint *number, GError **error)
{
  /* The same count generation makes: the database and the register beside it. */
  return coordena_numbering_peek_next (store, COORDENA_SEQUENCE_OFICIO, year, number, error);
}

typedef struct {
  CoordenaOficioProfile profile;
  gboolean loaded;
} ProfileHold;

static gboolean
hold_profile (CoordenaStore *store, const CoordenaOficioRequest *request, ProfileHold *hold, GError **error)
{
  if (request->profile.values != NULL)
    {
      hold->profile = request->profile;
      return TRUE;
    }
  if (!coordena_adhesion_load_profile (store, &hold->profile, error))
    return FALSE;
  hold->loaded = TRUE;
  return TRUE;
}

static void
release_profile (ProfileHold *hold)
{
  if (!hold->loaded)
    return;
  g_clear_pointer (&hold->profile.values, g_hash_table_unref);
  g_clear_pointer (&hold->profile.coat_of_arms, g_bytes_unref);
}

CoordenaOficioPreview *
coordena_oficio_preview (CoordenaStore *store, const CoordenaOficioRequest *request_in, const char *annex_kind,
                         GError **error)
{
  CoordenaOficioRequest request = *request_in;
  ProfileHold hold = { 0 };
  g_autoptr(CoordenaOficioAnnex) annex = NULL;
  g_autofree char *annex_description = NULL;
  g_autoptr(CoordenaAdhesion) current = NULL;
  g_autoptr(CoordenaOficioPreview) preview = NULL;
  const CoordenaOfferSigner *signer;

  g_return_val_if_fail (store != NULL && request_in != NULL && request_in->offer != NULL, NULL);

  if (!hold_profile (store, request_in, &hold, error))
    return NULL;
  request.profile = hold.profile;
  request.respectfully = coordena_oficio_closing_respectful (request.profile.values, request.signer);

  if (!coordena_oficio_check (&request, error)
      || !coordena_numbering_check_date (store, COORDENA_SEQUENCE_OFICIO, &request.date, error))
    goto fail;

  if ((current = coordena_adhesion_get (store, request.offer->id, error)) == NULL)
    goto fail;
  if (!coordena_adhesion_can_move (current->state, COORDENA_ADHESION_OFICIO_GERADO))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("the adhesion is already “%s”: a new ofício is not generated from that state"),
                   coordena_adhesion_state_label (current->state));
      goto fail;
    }

  preview = g_new0 (CoordenaOficioPreview, 1);
  if (annex_kind != NULL)
    {
      if (!g_str_equal (annex_kind, "equipes"))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("unknown annex “%s” (known: equipes)"), annex_kind);
          goto fail;
        }
      if ((annex = coordena_adhesion_teams_annex (store, &request.date, &annex_description, error)) == NULL)
        goto fail;
      request.annex = annex;
      request.annex_description = annex_description;
      preview->annex_rows = annex->rows->len;
    }

  if (request.numero != NULL)
    {
      guint year = 0;

      if (!coordena_numbering_parse (request.numero, &preview->number, &year, error)
          || !coordena_numbering_check_free (store, COORDENA_SEQUENCE_OFICIO, year, preview->number, error))
        goto fail;
      if (year != g_date_get_year (&request.date))
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("the number %s is of %u but the ofício is dated in %u: give a number of the ofício’s year"),
                       request.numero, year, g_date_get_year (&request.date));
          goto fail;
        }
    }
  else if (!coordena_oficio_next_number (store, g_date_get_year (&request.date), &preview->number, error))
    goto fail;
  if ((preview->doc = coordena_oficio_compose (&request, preview->number, error)) == NULL)
    goto fail;
  signer = coordena_offer_get_signer (request.offer, request.signer);
  preview->signer_role = g_strdup (signer != NULL ? signer->role : request.signer);

  release_profile (&hold);
  return g_steal_pointer (&preview);

fail:
  release_profile (&hold);
  return NULL;
}

GBytes *
coordena_oficio_preview_letterhead (CoordenaStore *store, const CoordenaOffer *offer, GError **error)
{
  CoordenaOficioRequest request = { 0 };
  g_autoptr(CoordenaOficioDoc) doc = NULL;
  guint n_keys = 0, n_pages = 0;
  const CoordenaProfileKey *keys = coordena_profile_keys (&n_keys);

  if (!coordena_adhesion_load_profile (store, &request.profile, error))
    return NULL;

  /* Every field the letter reads gets a stand-in, so the header shows whatever is set. */
  for (guint i = 0; i < n_keys; i++)
    {
      const char *key = keys[i].key;

      if (g_hash_table_contains (request.profile.values, key))
        continue;
      switch (keys[i].kind)
        {
        case COORDENA_PROFILE_GENDER:
          g_hash_table_insert (request.profile.values, g_strdup (key), g_strdup ("F"));
          break;
        case COORDENA_PROFILE_TEXT:
        case COORDENA_PROFILE_EMAIL:
        case COORDENA_PROFILE_SIGLA:
          if (!g_str_equal (key, "subunidade") && !g_str_has_suffix (key, ".cargo") && !g_str_equal (key, "site"))
            g_hash_table_insert (request.profile.values, g_strdup (key), g_strdup_printf ("[%s]", coordena_profile_label (key)));
          break;
        case COORDENA_PROFILE_STYLE:
        case COORDENA_PROFILE_CLOSING:
        case COORDENA_PROFILE_ADDRESSING:
        case COORDENA_PROFILE_NEXT_NUMBER:
        case COORDENA_PROFILE_PNG:
        default:
          break;
        }
    }

  request.offer = offer;
  request.signer = "secretario";
  request.date = offer->deadline;
  if (coordena_offer_get_signer (offer, request.signer) == NULL && offer->signers->len > 0)
    request.signer = ((const CoordenaOfferSigner *) g_ptr_array_index (offer->signers, 0))->key;

  doc = coordena_oficio_compose (&request, 1, error);
  g_hash_table_unref (request.profile.values);
  g_clear_pointer (&request.profile.coat_of_arms, g_bytes_unref);
  if (doc == NULL)
    return NULL;
  return coordena_oficio_doc_render (doc, &n_pages, error);
}
