/* SPDX-License-Identifier: GPL-3.0-or-later */
/* adhesion.c — the adhesion record's state machine and the municipal statuses: names, labels
 * and which steps are allowed. No storage here: the record lives in store-adhesion.c and the
 * user's actions on it in adhesion-actions.c. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/adhesion.h>
#include <coordena/error.h>

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
