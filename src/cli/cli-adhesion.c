/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-adhesion.c — `coordena-cli adhesion status [--offer ID]` and
 * `adhesion set --offer ID STATE [--date AAAA-MM-DD] [--note TEXT] [--protocolo TEXT]`. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/coordena.h>
#include <coordena/adhesion.h>

#include "cli-store.h"

int cli_cmd_adhesion (CliContext *ctx, int argc, char **argv);

static int
print_status (CoordenaStore *store, const CoordenaOffer *offer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaAdhesion) adhesion = coordena_adhesion_get (store, offer->id, &error);
  g_autofree char *deadline = coordena_format_date (&offer->deadline);

  if (adhesion == NULL)
    return cli_report_error (error);
  g_print ("%s\n", offer->id);
  g_print ("  %-14s %s (%s)\n", _("State:"), coordena_adhesion_state_to_string (adhesion->state),
           coordena_adhesion_state_label (adhesion->state));
  if (adhesion->date != NULL)
    g_print ("  %-14s %s\n", _("Since:"), adhesion->date);
  if (adhesion->protocolo != NULL)
    g_print ("  %-14s %s\n", _("Protocol:"), adhesion->protocolo);
  g_print ("  %-14s %s\n", _("Deadline:"), deadline);
  for (guint i = 0; i < adhesion->steps->len; i++)
    {
      const CoordenaAdhesionStep *step = g_ptr_array_index (adhesion->steps, i);

      g_print ("  %s  %-15s → %-15s %s%s%s\n", step->date, coordena_adhesion_state_to_string (step->from),
               coordena_adhesion_state_to_string (step->to), step->user, step->note != NULL ? " — " : "",
               step->note != NULL ? step->note : "");
    }
  return CLI_EXIT_OK;
}

int
cli_cmd_adhesion (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("status | set STATE"));
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *offer_id = NULL;
  g_autofree char *note = NULL;
  g_autofree char *protocolo = NULL;
  g_autofree char *date_text = NULL;
  int code;
  GOptionEntry options[] = {
    { "offer", 0, 0, G_OPTION_ARG_STRING, &offer_id, N_("The offer (see “offers list”)"), N_("ID") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Why, or what happened"), N_("TEXT") },
    { "protocolo", 0, 0, G_OPTION_ARG_STRING, &protocolo, N_("The protocol of the step"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("When the step happened (default: today, Brasília)"), N_("AAAA-MM-DD") },
    { NULL },
  };

  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Follow the state’s adhesion: rascunho → oficio_gerado → assinado → enviado → "
                                           "confirmado | indeferido, or aderido_egestor."));
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (argc < 2)
    return cli_usage_error (_("“adhesion” needs “status” or “set STATE”"));

  if (g_str_equal (argv[1], "status"))
    {
      if (argc != 2)
        return cli_usage_error (_("“adhesion status” takes no arguments"));
      store = cli_open_initialised_store_read_only (ctx, &error);
      if (store == NULL)
        return cli_report_error (error);
      if (offer_id != NULL)
        {
          g_autoptr(CoordenaOffer) offer = coordena_offer_find (offer_id, &error);

          return offer == NULL ? cli_report_error (error) : print_status (store, offer);
        }
      else
        {
          g_autoptr(GPtrArray) offers = coordena_offers_load_all (&error);

          if (offers == NULL)
            return cli_report_error (error);
          for (guint i = 0; i < offers->len; i++)
            if ((code = print_status (store, g_ptr_array_index (offers, i))) != CLI_EXIT_OK)
              return code;
          return CLI_EXIT_OK;
        }
    }
  if (g_str_equal (argv[1], "set"))
    {
      g_autoptr(CoordenaOffer) offer = NULL;
      CoordenaAdhesionState state;
      GDate date;

      if (argc != 3)
        return cli_usage_error (_("“adhesion set” needs the new STATE"));
      if (offer_id == NULL)
        return cli_usage_error (_("“adhesion set” needs --offer ID"));
      if (!coordena_adhesion_state_from_string (argv[2], &state, &error))
        return cli_report_error (error);
      if (date_text != NULL && !coordena_parse_date (date_text, &date, &error))
        return cli_usage_error ("--date: %s", error->message);
      offer = coordena_offer_find (offer_id, &error);
      if (offer == NULL)
        return cli_report_error (error);
      store = cli_open_initialised_store (ctx, &error);
      if (store == NULL
          || !coordena_adhesion_set_state (store, offer, state, date_text != NULL ? &date : NULL, note, protocolo, &error))
        return cli_report_error (error);
      return print_status (store, offer);
    }
  return cli_usage_error (_("unknown adhesion action “%s” (status or set)"), argv[1]);
}
