/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-oficio.c — `coordena-cli oficio generate | list | export`: the adhesion ofício, numbered and
 * kept in the database exactly as generated. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include <coordena/coordena.h>
#include <coordena/adhesion.h>
#include <coordena/csv-writer.h>
#include <coordena/format.h>
#include <coordena/numbering.h>

#include "cli-store.h"

int cli_cmd_oficio (CliContext *ctx, int argc, char **argv);

/* "Label:   value", padded by characters, not bytes (labels are translated). */
static void
print_field (const char *label, const char *value)
{
  glong pad = 10 - g_utf8_strlen (label, -1);

  g_print ("%s%*s %s\n", label, (int) MAX (pad, 0), "", value);
}

/* What a run killed between its commit and its rename left in the folder: removed, and the user
 * told how to get the file back. */
static void
clean_stale_temps (const char *output)
{
  g_autoptr(GPtrArray) removed = coordena_file_clean_stale_temps (output);

  for (guint i = 0; i < removed->len; i++)
    g_printerr (_("Removed the unfinished file %s, left by an interrupted run. If it held an ofício stored in the "
                  "database (see “coordena-cli oficio list”), write it again with “coordena-cli oficio export "
                  "NUMERO/ANO -o FILE.pdf”.\n"), (const char *) g_ptr_array_index (removed, i));
}

static int
generate (CliContext *ctx, const char *offer_id, const char *signer, const char *date_text, const char *annex,
          const char *numero, const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaOffer) offer = NULL;
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(CoordenaOficioRecord) record = NULL;
  CoordenaOficioRequest request = { 0 };

  if (offer_id == NULL || signer == NULL || output == NULL)
    return cli_usage_error (_("“oficio generate” needs --offer ID, --signer secretario|coordenador and -o FILE.pdf"));
  g_date_clear (&request.date, 1);
  if (date_text != NULL && !coordena_parse_date (date_text, &request.date, &error))
    return cli_usage_error ("--date: %s", error->message);
  offer = coordena_offer_find (offer_id, &error);
  if (offer == NULL)
    return cli_report_error (error);
  if (date_text == NULL)
    coordena_offer_today (offer, &request.date);
  request.offer = offer;
  request.signer = signer;
  request.numero = numero;

  store = cli_open_initialised_store (ctx, &error);
  if (store == NULL)
    return cli_report_error (error);
  if (!coordena_store_check_output_path (store, output, &error))
    return cli_report_error (error);
  clean_stale_temps (output);
  record = coordena_adhesion_generate_oficio (store, &request, annex, output, &error);
  if (record == NULL)
    return cli_report_error (error);
  {
    g_autofree char *pages = g_strdup_printf ("%u", record->pages);
    g_autofree char *date = coordena_format_date (&request.date);

    g_print ("%s\n", record->identification);
    print_field (_("Date:"), date);
    print_field (_("File:"), output);
    print_field (_("Pages:"), pages);
    print_field ("SHA-256:", record->sha256);
  }
  if (record->warning != NULL)
    {
      g_printerr ("%s\n", record->warning);
      return CLI_EXIT_REFUSED;
    }
  return CLI_EXIT_OK;
}

static int
register_sent (CliContext *ctx, const char *offer_id, const char *numero, const char *date_text, const char *channel,
               const char *receipt, const char *file, const char *signer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaOffer) offer = NULL;
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(CoordenaOficioRecord) record = NULL;
  CoordenaOficioRegistration reg = { 0 };

  if (offer_id == NULL || numero == NULL || date_text == NULL || channel == NULL)
    return cli_usage_error (_("“oficio register” needs --offer ID, --numero NUMERO/ANO, --data-envio AAAA-MM-DD and "
                              "--canal CANAL (optional: --recibo, --arquivo FILE, --signer)"));
  g_date_clear (&reg.date_sent, 1);
  if (!coordena_parse_date (date_text, &reg.date_sent, &error))
    return cli_usage_error ("--data-envio: %s", error->message);
  offer = coordena_offer_find (offer_id, &error);
  if (offer == NULL)
    return cli_report_error (error);
  reg.offer = offer;
  reg.numero = numero;
  reg.channel = channel;
  reg.receipt = receipt;
  reg.file = file;
  reg.signer = signer;
  store = cli_open_initialised_store (ctx, &error);
  if (store == NULL)
    return cli_report_error (error);
  record = coordena_adhesion_register_oficio (store, &reg, &error);
  if (record == NULL)
    return cli_report_error (error);
  {
    g_autofree char *date = coordena_format_date (&reg.date_sent);

    g_print (_("%s registered (sent outside Coordena)\n"), record->identification);
    print_field (_("Sent:"), date);
    print_field (_("Channel:"), record->channel);
    if (record->receipt != NULL)
      print_field (_("Receipt:"), record->receipt);
    if (record->sha256 != NULL)
      print_field ("SHA-256:", record->sha256);
  }
  return CLI_EXIT_OK;
}

static int
list (CliContext *ctx, const char *format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaStore) store = cli_open_initialised_store_read_only (ctx, &error);
  g_autoptr(GPtrArray) records = NULL;

  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    return cli_usage_error (_("--format must be table, csv or json"));
  if (store == NULL || (records = coordena_adhesion_list_oficios (store, &error)) == NULL)
    return cli_report_error (error);

  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < records->len; i++)
        {
          const CoordenaOficioRecord *r = g_ptr_array_index (records, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "numero");
          json_builder_add_int_value (builder, r->number);
          json_builder_set_member_name (builder, "ano");
          json_builder_add_int_value (builder, r->year);
          json_builder_set_member_name (builder, "identificacao");
          json_builder_add_string_value (builder, r->identification);
          json_builder_set_member_name (builder, "oferta");
          json_builder_add_string_value (builder, r->offer);
          json_builder_set_member_name (builder, "data");
          json_builder_add_string_value (builder, r->date);
          json_builder_set_member_name (builder, "signatario");
          json_builder_add_string_value (builder, r->signer);
          json_builder_set_member_name (builder, "anexo");
          if (r->annex != NULL)
            json_builder_add_string_value (builder, r->annex);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "paginas");
          json_builder_add_int_value (builder, r->pages);
          json_builder_set_member_name (builder, "bytes");
          json_builder_add_int_value (builder, (gint64) r->size);
          json_builder_set_member_name (builder, "sha256");
          if (r->sha256 != NULL)
            json_builder_add_string_value (builder, r->sha256);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "criado_em");
          json_builder_add_string_value (builder, r->created_at);
          json_builder_set_member_name (builder, "descartado");
          json_builder_add_boolean_value (builder, r->deleted);
          json_builder_set_member_name (builder, "origem");
          json_builder_add_string_value (builder, r->registered ? "registrado" : "gerado");
          json_builder_set_member_name (builder, "data_envio");
          if (r->date_sent != NULL)
            json_builder_add_string_value (builder, r->date_sent);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "canal");
          if (r->channel != NULL)
            json_builder_add_string_value (builder, r->channel);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "recibo");
          if (r->receipt != NULL)
            json_builder_add_string_value (builder, r->receipt);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
      return CLI_EXIT_OK;
    }
  if (format != NULL && g_str_equal (format, "csv"))
    {
      g_autoptr(GString) out = g_string_new ("numero;ano;identificacao;oferta;data;signatario;anexo;paginas;sha256;descartado;origem\n");

      for (guint i = 0; i < records->len; i++)
        {
          const CoordenaOficioRecord *r = g_ptr_array_index (records, i);
          g_autofree char *number = g_strdup_printf ("%u", r->number);
          g_autofree char *year = g_strdup_printf ("%u", r->year);
          g_autofree char *pages = g_strdup_printf ("%u", r->pages);

          coordena_csv_append_cell (out, number, ';', ';');
          coordena_csv_append_cell (out, year, ';', ';');
          coordena_csv_append_cell (out, r->identification, ';', ';');
          coordena_csv_append_cell (out, r->offer, ';', ';');
          coordena_csv_append_cell (out, r->date, ';', ';');
          coordena_csv_append_cell (out, r->signer, ';', ';');
          coordena_csv_append_cell (out, r->annex, ';', ';');
          coordena_csv_append_cell (out, pages, ';', ';');
          coordena_csv_append_cell (out, r->sha256, ';', ';');
          coordena_csv_append_cell (out, r->deleted ? "1" : "0", ';', ';');
          coordena_csv_append_cell (out, r->registered ? "registrado" : "gerado", ';', '\n');
        }
      g_print ("%s", out->str);
      return CLI_EXIT_OK;
    }
  if (records->len == 0)
    {
      g_print ("%s\n", _("No ofício has been generated in this database."));
      return CLI_EXIT_OK;
    }
  for (guint i = 0; i < records->len; i++)
    {
      const CoordenaOficioRecord *r = g_ptr_array_index (records, i);

      if (r->registered)
        g_print ("%-36s %s  %s%s%s%s\n", r->identification, r->date,
                 /* TRANSLATORS: an ofício sent outside Coordena and registered, with its channel */
                 _("registered, sent by "), r->channel != NULL ? r->channel : "?",
                 r->receipt != NULL ? " · " : "", r->receipt != NULL ? r->receipt : "");
      else
        g_print ("%-36s %s  %-12s %u p.  %.12s…  %s%s\n", r->identification, r->date, r->signer, r->pages, r->sha256,
                 _("generated"), r->deleted ? _("  (discarded)") : "");
    }
  return CLI_EXIT_OK;
}

int
cli_cmd_oficio (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("generate | register | list | export NUMERO/ANO"));
  g_autoptr(GError) error = NULL;
  g_autofree char *offer_id = NULL;
  g_autofree char *signer = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *annex = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  g_autofree char *numero = NULL;
  g_autofree char *date_sent = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *receipt = NULL;
  g_autofree char *file = NULL;
  int code;
  GOptionEntry options[] = {
    { "offer", 0, 0, G_OPTION_ARG_STRING, &offer_id, N_("The offer (see “offers list”)"), N_("ID") },
    { "signer", 0, 0, G_OPTION_ARG_STRING, &signer, N_("Who signs: secretario or coordenador"), N_("WHO") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The ofício’s date: today (the default) or a later day up to 30 days ahead"), N_("AAAA-MM-DD") },
    { "anexo", 0, 0, G_OPTION_ARG_STRING, &annex, N_("Add an annex: equipes (the state’s teams by municipality)"), N_("KIND") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("list as table, csv or json"), N_("FORMAT") },
    { "numero", 0, 0, G_OPTION_ARG_STRING, &numero,
      N_("The secretariat’s own number (default: Coordena’s counter); for register, the number it was sent with"),
      N_("NUMERO/ANO") },
    { "data-envio", 0, 0, G_OPTION_ARG_STRING, &date_sent, N_("register: the day it was sent"), N_("AAAA-MM-DD") },
    { "canal", 0, 0, G_OPTION_ARG_STRING, &channel, N_("register: how it was sent (SEI, protocolo, e-mail…)"),
      N_("CANAL") },
    { "recibo", 0, 0, G_OPTION_ARG_STRING, &receipt, N_("register: the protocol receipt"), N_("RECIBO") },
    { "arquivo", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("register: the signed PDF or its scan"), N_("FILE") },
    { NULL },
  };

  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Generate the adhesion ofício (numbered, stored in the database), register "
                                           "one sent outside Coordena, list the ofícios, or export one exactly as it "
                                           "was generated."));
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (argc < 2)
    return cli_usage_error (_("“oficio” needs “generate”, “register”, “list” or “export NUMERO/ANO”"));

  if (g_str_equal (argv[1], "generate"))
    {
      if (argc != 2)
        return cli_usage_error (_("“oficio generate” takes options only"));
      return generate (ctx, offer_id, signer, date_text, annex, numero, output);
    }
  if (g_str_equal (argv[1], "register"))
    {
      if (argc != 2)
        return cli_usage_error (_("“oficio register” takes options only"));
      return register_sent (ctx, offer_id, numero, date_sent, channel, receipt, file, signer);
    }
  if (g_str_equal (argv[1], "list"))
    {
      if (argc != 2)
        return cli_usage_error (_("“oficio list” takes no arguments"));
      return list (ctx, format);
    }
  if (g_str_equal (argv[1], "export"))
    {
      g_autoptr(CoordenaStore) store = NULL;
      g_autoptr(CoordenaOficioRecord) record = NULL;

      if (argc != 3 || output == NULL)
        return cli_usage_error (_("“oficio export” needs NUMERO/ANO and -o FILE.pdf"));
      store = cli_open_initialised_store_read_only (ctx, &error);
      if (store != NULL)
        clean_stale_temps (output);
      if (store == NULL || !coordena_store_check_output_path (store, output, &error)
          || (record = coordena_adhesion_export_oficio (store, argv[2], output, &error)) == NULL)
        return cli_report_error (error);
      g_print ("%s → %s (SHA-256 %s)\n", record->identification, output, record->sha256);
      return CLI_EXIT_OK;
    }
  return cli_usage_error (_("unknown oficio action “%s” (generate, register, list or export)"), argv[1]);
}
