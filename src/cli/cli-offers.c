/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-offers.c — `coordena-cli offers list | offers show ID`: the offers and their rules. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/coordena.h>
#include <coordena/clock.h>
#include <coordena/adhesion.h>
#include <coordena/offer.h>

#include "cli-store.h"

int cli_cmd_offers (CliContext *ctx, int argc, char **argv);

static void
show_offer (const CoordenaOffer *offer)
{
  g_autofree char *deadline = coordena_format_date (&offer->deadline);
  g_autofree char *deadline_cite = coordena_offer_cite (offer, offer->deadline_source, offer->deadline_item);
  g_autofree char *signers_cite = coordena_offer_cite (offer, offer->signers_source, offer->signers_item);
  g_autofree char *resp_cite = coordena_offer_cite (offer, offer->responsibilities_source, offer->responsibilities_item);

  g_print ("%s\n%s\n\n", offer->id, offer->name);
  g_print ("%s %s (%s; %s)\n", _("Deadline:"), deadline, offer->deadline_timezone, deadline_cite);
  {
    GDate today;

    coordena_clock_today (&today);
    if (coordena_offer_is_closed (offer, &today))
      {
        g_autofree char *by = coordena_offer_closed_by (offer);

        g_print ("%s %s\n", _("Status:"), by);
      }
  }
  g_print ("%s\n", _("References:"));
  for (guint i = 0; i < offer->references->len; i++)
    {
      const CoordenaOfferReference *ref = g_ptr_array_index (offer->references, i);

      g_print ("  %s%s%s%s%s\n", ref->title, ref->sei != NULL ? ", SEI " : "", ref->sei != NULL ? ref->sei : "",
               ref->role != NULL ? ": " : "", ref->role != NULL ? ref->role : "");
    }
  if (offer->processo != NULL)
    g_print ("  Processo nº %s\n", offer->processo);
  g_print ("%s\n", _("Channels:"));
  for (guint i = 0; i < offer->channels->len; i++)
    {
      const CoordenaOfferChannel *channel = g_ptr_array_index (offer->channels, i);
      g_autofree char *managers = g_strjoinv (", ", channel->managers);
      g_autofree char *cite = coordena_offer_cite (offer, channel->source, channel->item);

      g_print ("  %s — %s (%s)\n", channel->name, managers, cite);
    }
  g_print ("%s (%s)\n", _("Who may sign the ofício:"), signers_cite);
  for (guint i = 0; i < offer->signers->len; i++)
    {
      const CoordenaOfferSigner *signer = g_ptr_array_index (offer->signers, i);

      g_print ("  %-12s %s\n", signer->key, signer->role);
    }
  g_print ("%s (%s)\n", _("Responsibilities:"), resp_cite);
  for (guint i = 0; offer->responsibilities[i] != NULL; i++)
    g_print ("  – %s\n", offer->responsibilities[i]);
  g_print ("%s\n  %s %s\n  %s\n", _("Addressee:"), offer->addressee_gender == COORDENA_GENDER_F ? "À Senhora" : "Ao Senhor",
           offer->addressee_gender == COORDENA_GENDER_F ? offer->addressee_cargo_f : offer->addressee_cargo_m,
           offer->addressee_organ);
  g_print ("%s %s\n", _("File:"), offer->path);
}

int
cli_cmd_offers (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("list | show ID | add FILE | remove ID"));
  g_autoptr(GError) error = NULL;
  gboolean force = FALSE;
  int code;
  GOptionEntry options[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("remove: take the offer away even though ofícios of this database were made for it"), NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("List the offers a state can adhere to, show one with its rules and sources, "
                                           "add an offer file to your offers folder, or remove one you added."));
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (argc < 2)
    return cli_usage_error (_("“offers” needs “list”, “show ID”, “add FILE” or “remove ID”"));
  if (g_str_equal (argv[1], "list"))
    {
      g_autoptr(GPtrArray) offers = NULL;

      if (argc != 2)
        return cli_usage_error (_("“offers list” takes no arguments"));
      GDate today;

      offers = coordena_offers_load_all (&error);
      if (offers == NULL)
        return cli_report_error (error);
      coordena_clock_today (&today);
      coordena_offers_sort_for_display (offers, &today);
      for (guint i = 0; i < offers->len; i++)
        {
          const CoordenaOffer *offer = g_ptr_array_index (offers, i);
          g_autofree char *deadline = coordena_format_date (&offer->deadline);

          if (coordena_offer_is_closed (offer, &today))
            {
              g_autofree char *by = coordena_offer_closed_by (offer);

              /* TRANSLATORS: an offer whose deadline has passed, with the act that closed it */
              g_print ("%-28s %s  %s\n%-28s %s — %s\n", offer->id, deadline, offer->short_name, "", _("closed"), by);
            }
          else
            g_print ("%-28s %s  %s\n%-28s %s\n", offer->id, deadline, offer->short_name, "", _("open"));
        }
      return CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "show"))
    {
      g_autoptr(CoordenaOffer) offer = NULL;

      if (argc != 3)
        return cli_usage_error (_("“offers show” needs the offer’s ID"));
      offer = coordena_offer_find (argv[2], &error);
      if (offer == NULL)
        return cli_report_error (error);
      show_offer (offer);
      return CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "add"))
    {
      g_autoptr(CoordenaOffer) offer = NULL;
      gboolean replaced = FALSE;

      if (argc != 3)
        return cli_usage_error (_("“offers add” needs the offer FILE"));
      offer = coordena_offer_install (argv[2], &replaced, &error);
      if (offer == NULL)
        return cli_report_error (error);
      g_print (replaced ? _("Offer %s replaced in %s.\n") : _("Offer %s added in %s.\n"), offer->id, offer->path);
      return CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "remove"))
    {
      if (argc != 3)
        return cli_usage_error (_("“offers remove” needs the offer’s ID"));
      if (!force)
        {
          /* Its ofícios would be left naming an offer nobody can show any more. */
          g_autoptr(CoordenaStore) store = cli_open_initialised_store_read_only (ctx, &error);
          g_autoptr(GPtrArray) records = NULL;
          g_autoptr(GString) used = g_string_new (NULL);

          if (store == NULL || (records = coordena_adhesion_list_oficios (store, &error)) == NULL)
            return cli_report_error (error);
          for (guint i = 0; i < records->len; i++)
            {
              const CoordenaOficioRecord *r = g_ptr_array_index (records, i);

              if (g_strcmp0 (r->offer, argv[2]) == 0 && !r->deleted)
                g_string_append_printf (used, "%s%s", used->len > 0 ? ", " : "", r->identification);
            }
          if (used->len > 0)
            {
              g_printerr ("coordena-cli: ");
              g_printerr (_("the offer “%s” has ofícios in this database (%s): without the offer file they can no "
                            "longer be checked against its rules. Keep it, or remove it with --force.\n"),
                          argv[2], used->str);
              return CLI_EXIT_REFUSED;
            }
        }
      if (!coordena_offer_remove_user (argv[2], &error))
        return cli_report_error (error);
      g_print (_("Offer %s removed.\n"), argv[2]);
      return CLI_EXIT_OK;
    }
  return cli_usage_error (_("unknown offers action “%s” (list, show, add or remove)"), argv[1]);
}
