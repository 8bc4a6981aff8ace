/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-teams.c — `coordena-cli teams [--municipio IBGE] [--format table|csv|json]`. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include <coordena/coordena.h>
#include <coordena/csv-writer.h>
#include <coordena/store.h>

#include "cli-store.h"

int cli_cmd_teams (CliContext *ctx, int argc, char **argv);

/* Pads to a width counted in characters, not bytes (names carry accents). */
static void
print_cell (GString *out, const char *text, int width)
{
  glong n = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (glong i = n; i < width; i++)
    g_string_append_c (out, ' ');
  g_string_append (out, "  ");
}

static char *
competencia_text (CoordenaCompetencia c)
{
  return c != 0 ? coordena_competencia_format (c) : g_strdup ("—");
}

static void
print_table (GPtrArray *teams)
{
  g_autoptr(GString) out = g_string_new (NULL);

  print_cell (out, "INE", 10);
  print_cell (out, "CNES", 7);
  print_cell (out, _("Municipality"), 24);
  print_cell (out, _("Type"), 5);
  print_cell (out, _("Last"), 7);
  print_cell (out, _("Members"), 7);
  g_string_append_printf (out, "%s\n", _("Name"));
  for (guint i = 0; i < teams->len; i++)
    {
      const CoordenaStoreTeam *t = teams->pdata[i];
      g_autofree char *last = competencia_text (t->last_competencia);
      g_autofree char *members = g_strdup_printf ("%u", t->n_members);
      g_autofree char *mun = g_utf8_substring (t->municipio, 0, MIN (24, g_utf8_strlen (t->municipio, -1)));

      print_cell (out, t->ine, 10);
      print_cell (out, t->cnes != NULL ? t->cnes : "", 7);
      print_cell (out, mun, 24);
      print_cell (out, coordena_team_type_to_string (t->type), 5);
      print_cell (out, last, 7);
      print_cell (out, members, 7);
      g_string_append_printf (out, "%s%s\n", t->name != NULL ? t->name : "",
                              t->duplicidade ? _(" (duplicidade: a member is also in another eSF)") : "");
    }
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u team\n", "%u teams\n", teams->len), teams->len);
  fputs (out->str, stdout);
}

static void
csv_cell (GString *out, const char *text, gboolean last)
{
  coordena_csv_append_cell (out, text, ';', last ? '\n' : ';');
}

static void
print_csv (GPtrArray *teams)
{
  g_autoptr(GString) out = g_string_new ("ine;cnes;ibge;municipio;tipo;nome;ultima_competencia;membros;duplicidade;demonstracao\n");

  for (guint i = 0; i < teams->len; i++)
    {
      const CoordenaStoreTeam *t = teams->pdata[i];
      g_autofree char *last = g_strdup_printf ("%u", t->last_competencia);
      g_autofree char *members = g_strdup_printf ("%u", t->n_members);

      csv_cell (out, t->ine, FALSE);
      csv_cell (out, t->cnes, FALSE);
      csv_cell (out, t->ibge7, FALSE);
      csv_cell (out, t->municipio, FALSE);
      csv_cell (out, coordena_team_type_to_string (t->type), FALSE);
      csv_cell (out, t->name, FALSE);
      csv_cell (out, t->last_competencia != 0 ? last : "", FALSE);
      csv_cell (out, members, FALSE);
      csv_cell (out, t->duplicidade ? "1" : "0", FALSE);
      csv_cell (out, t->demo ? "1" : "0", TRUE);
    }
  fputs (out->str, stdout);
}

static void
print_json (GPtrArray *teams, gboolean demo)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "demonstracao");
  json_builder_add_boolean_value (b, demo);
  json_builder_set_member_name (b, "equipes");
  json_builder_begin_array (b);
  for (guint i = 0; i < teams->len; i++)
    {
      const CoordenaStoreTeam *t = teams->pdata[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "ine");
      json_builder_add_string_value (b, t->ine);
      json_builder_set_member_name (b, "cnes");
      json_builder_add_string_value (b, t->cnes);
      json_builder_set_member_name (b, "ibge");
      json_builder_add_string_value (b, t->ibge7);
      json_builder_set_member_name (b, "municipio");
      json_builder_add_string_value (b, t->municipio);
      json_builder_set_member_name (b, "tipo");
      json_builder_add_string_value (b, coordena_team_type_to_string (t->type));
      json_builder_set_member_name (b, "tp_equipe");
      json_builder_add_string_value (b, t->tp_equipe);
      json_builder_set_member_name (b, "nome");
      json_builder_add_string_value (b, t->name);
      json_builder_set_member_name (b, "ultima_competencia");
      json_builder_add_int_value (b, t->last_competencia);
      json_builder_set_member_name (b, "membros");
      json_builder_add_int_value (b, t->n_members);
      json_builder_set_member_name (b, "competencias");
      json_builder_add_int_value (b, t->n_competencias);
      json_builder_set_member_name (b, "valor_base_centavos");
      if (t->base_centavos == COORDENA_BASE_UNKNOWN)
        json_builder_add_null_value (b);
      else
        json_builder_add_int_value (b, t->base_centavos);
      json_builder_set_member_name (b, "duplicidade");
      json_builder_add_boolean_value (b, t->duplicidade);
      json_builder_set_member_name (b, "demonstracao");
      json_builder_add_boolean_value (b, t->demo);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

int
cli_cmd_teams (CliContext *ctx, int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(CoordenaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autofree char *municipio = NULL;
  g_autofree char *format = NULL;
  int code;
  GOptionEntry options[] = {
    { "municipio", 0, 0, G_OPTION_ARG_STRING, &municipio, N_("Only the teams of this municipality (IBGE, 6 or 7 digits)"), N_("IBGE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: table (default), csv or json"), N_("FORMAT") },
    { NULL },
  };

  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("List the teams in the database with their last competência."));
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return cli_usage_error (_("“%s” takes no arguments"), "teams");
  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    return cli_usage_error (_("unknown format “%s”: use table, csv or json"), format);
  if (municipio != NULL && !coordena_is_digits (municipio, 6) && !coordena_is_digits (municipio, 7))
    return cli_usage_error (_("--municipio needs an IBGE code of 6 or 7 digits, not “%s”"), municipio);

  store = cli_open_initialised_store_read_only (ctx, &error);
  if (store == NULL)
    return cli_report_error (error);
  if (municipio != NULL)
    {
      g_autofree char *ibge7 = coordena_store_lookup_ibge7 (store, municipio);

      if (ibge7 == NULL)
        {
          g_set_error (&error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("Unknown municipality %s"), municipio);
          return cli_report_error (error);
        }
    }
  teams = coordena_store_list_teams (store, municipio, &error);
  if (teams == NULL)
    return cli_report_error (error);
  cli_note_demo (store);
  if (format == NULL || g_str_equal (format, "table"))
    print_table (teams);
  else if (g_str_equal (format, "csv"))
    print_csv (teams);
  else
    print_json (teams, coordena_store_is_demo (store));
  return CLI_EXIT_OK;
}
