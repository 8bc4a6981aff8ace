/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-municipios.c — `coordena-cli municipios adesao --offer ID [set IBGE STATUS …]`: each
 * municipality's adhesion in e-Gestor and who holds its Gerencia APS access. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/coordena.h>
#include <coordena/adhesion.h>
#include <coordena/secretario.h>

#include "cli-store.h"

int cli_cmd_municipios (CliContext *ctx, int argc, char **argv);

int
cli_cmd_municipios (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("adesao [set IBGE STATUS]"));
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(CoordenaOffer) offer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *offer_id = NULL;
  g_autofree char *date = NULL;
  g_autofree char *responsavel = NULL;
  g_autofree char *titular = NULL;
  g_autofree char *ultimo_uso = NULL;
  g_autofree char *note = NULL;
  g_autofree char *secretario = NULL;
  g_autofree char *genero = NULL;
  gboolean alerts = FALSE;
  GDate today;
  int code;
  GOptionEntry options[] = {
    { "offer", 0, 0, G_OPTION_ARG_STRING, &offer_id, N_("The offer (see “offers list”)"), N_("ID") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Date of the status"), N_("AAAA-MM-DD") },
    { "responsavel", 0, 0, G_OPTION_ARG_STRING, &responsavel, N_("Person responsible in the municipality"), N_("NAME") },
    { "acesso-titular", 0, 0, G_OPTION_ARG_STRING, &titular, N_("Who holds the Gerencia APS access"), N_("NAME") },
    { "acesso-uso", 0, 0, G_OPTION_ARG_STRING, &ultimo_uso, N_("When the access was last used"), N_("AAAA-MM-DD") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note"), N_("TEXT") },
    { "secretario", 0, 0, G_OPTION_ARG_STRING, &secretario,
      N_("Name of the municipal Secretary of Health, for the notifications (\"\" forgets it)"), N_("NAME") },
    { "genero", 0, 0, G_OPTION_ARG_STRING, &genero, N_("Gender of the municipal Secretary of Health"), N_("F|M") },
    { "alerts", 0, 0, G_OPTION_ARG_NONE, &alerts, N_("List only accesses unused for 90 days or more"), NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Follow each municipality’s adhesion (nao_iniciado, aderiu_egestor, pendente) "
                                           "and its Gerencia APS access (lapses after 90 days unused)."));
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (argc < 2 || !g_str_equal (argv[1], "adesao"))
    return cli_usage_error (_("“municipios” needs “adesao”"));
  if (offer_id == NULL)
    return cli_usage_error (_("“municipios adesao” needs --offer ID"));
  offer = coordena_offer_find (offer_id, &error);
  if (offer == NULL)
    return cli_report_error (error);
  store = cli_open_initialised_store (ctx, &error);
  if (store == NULL)
    return cli_report_error (error);

  if (argc >= 3)
    {
      CoordenaMunicipioStatus status;

      if (!g_str_equal (argv[2], "set") || argc < 4 || argc > 5)
        return cli_usage_error (_("use “municipios adesao --offer ID set IBGE [STATUS]”"));
      if (argc == 5 && !coordena_municipio_status_from_string (argv[4], &status, &error))
        return cli_report_error (error);
      if (genero != NULL && secretario == NULL)
        return cli_usage_error (_("--genero goes with --secretario NAME"));
      if (secretario != NULL && *secretario != '\0' && g_strcmp0 (genero, "F") != 0 && g_strcmp0 (genero, "M") != 0)
        return cli_usage_error (_("--secretario NAME needs --genero F or M"));
      if (secretario != NULL && !coordena_secretario_municipal_check (secretario, genero, &error))
        return cli_report_error (error);
      /* Only the secretary given: the adhesion record stays as it was. */
      if ((secretario == NULL || argc == 5 || date != NULL || responsavel != NULL || titular != NULL
           || ultimo_uso != NULL || note != NULL)
          && !coordena_adhesion_set_municipio (store, offer->id, argv[3], argc == 5 ? &status : NULL, date, responsavel,
                                               titular, ultimo_uso, note, &error))
        return cli_report_error (error);
      if (secretario != NULL && !coordena_secretario_municipal_set (store, argv[3], secretario, genero, &error))
        return cli_report_error (error);
      return CLI_EXIT_OK;
    }

  coordena_offer_today (offer, &today);
  {
    g_autoptr(GPtrArray) list = coordena_adhesion_list_municipios (store, offer->id, &today, &error);
    guint counts[3] = { 0 }, n_alerts = 0;

    if (list == NULL)
      return cli_report_error (error);
    {
      g_autoptr(GString) line = g_string_new (NULL);

      cli_pad (line, "IBGE", 7, FALSE);
      cli_pad (line, _("Municipality"), 32, FALSE);
      cli_pad (line, _("Status"), 15, FALSE);
      cli_pad (line, _("Date"), 10, FALSE);
      cli_pad (line, _("Gerencia APS access"), 24, FALSE);
      g_print ("%s%s\n", line->str, _("Last use"));
    }
    for (guint i = 0; i < list->len; i++)
      {
        const CoordenaMunicipioAdesao *m = g_ptr_array_index (list, i);
        g_autofree char *use = m->days_since_use >= 0
                               ? g_strdup_printf (_("%s (%d days)%s"), m->acesso_ultimo_uso, m->days_since_use,
                                                  m->access_alert ? _(" — ALERT: access lapses after 90 days") : "")
                               : g_strdup ("—");

        counts[m->status]++;
        n_alerts += m->access_alert;
        if (alerts && !m->access_alert)
          continue;
        {
          g_autoptr(GString) line = g_string_new (NULL);

          cli_pad (line, m->ibge7, 7, FALSE);
          cli_pad (line, m->nome, 32, FALSE);
          cli_pad (line, coordena_municipio_status_to_string (m->status), 15, FALSE);
          cli_pad (line, m->date != NULL ? m->date : "—", 10, FALSE);
          cli_pad (line, m->acesso_titular != NULL ? m->acesso_titular : "—", 24, FALSE);
          g_print ("%s%s\n", line->str, use);
          {
            g_autoptr(CoordenaSecretarioMunicipal) sec = coordena_secretario_municipal_get (store, m->ibge7, &error);

            if (error != NULL)
              return cli_report_error (error);
            if (sec != NULL)
              g_print ("%-7s  %s %s\n", "", sec->gender == 'F' ? _("Municipal Secretary of Health (F):")
                                                             : _("Municipal Secretary of Health (M):"), sec->nome);
          }
        }
      }
    g_print (_("%u municipalities: %u adhered in e-Gestor, %u pending, %u not started; %u access alerts\n"), list->len,
             counts[COORDENA_MUNICIPIO_ADERIU_EGESTOR], counts[COORDENA_MUNICIPIO_PENDENTE],
             counts[COORDENA_MUNICIPIO_NAO_INICIADO], n_alerts);
  }
  return CLI_EXIT_OK;
}
