/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-rules.c — `coordena-cli rules list` and `coordena-cli rules show ID`: the rule sets in use. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include <coordena/coordena.h>

#include "cli.h"

int cli_cmd_rules (CliContext *ctx, int argc, char **argv);

static char *
validity_text (const CoordenaRuleSet *s)
{
  g_autofree char *from = coordena_competencia_format (s->valid_from);
  g_autofree char *to = s->valid_to != 0 ? coordena_competencia_format (s->valid_to) : NULL;

  if (to == NULL)
    return g_strdup_printf (_("from %s"), from);
  return g_strdup_printf ("%s – %s", from, to);
}

static int
rules_list (const CoordenaRuleCatalog *cat, const char *format)
{
  guint n = coordena_rule_catalog_get_n_sets (cat);

  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          const CoordenaRuleSet *s = coordena_rule_catalog_get_set (cat, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, s->id);
          json_builder_set_member_name (b, "titulo");
          json_builder_add_string_value (b, s->title);
          json_builder_set_member_name (b, "vigencia_inicio");
          json_builder_add_int_value (b, s->valid_from);
          json_builder_set_member_name (b, "vigencia_fim");
          if (s->valid_to != 0)
            json_builder_add_int_value (b, s->valid_to);
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "base");
          json_builder_add_string_value (b, coordena_base_kind_to_string (s->base));
          json_builder_set_member_name (b, "arquivo");
          json_builder_add_string_value (b, s->path);
          json_builder_set_member_name (b, "do_usuario");
          json_builder_add_boolean_value (b, s->user_file);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      json_generator_set_root (gen, root);
      json_generator_set_pretty (gen, TRUE);
      text = json_generator_to_data (gen, NULL);
      g_print ("%s\n", text);
      return CLI_EXIT_OK;
    }

  {
    g_autoptr(GString) out = g_string_new (NULL);

    cli_pad (out, "ID", 18, FALSE);
    cli_pad (out, _("Validity"), 19, FALSE);
    cli_pad (out, _("Base"), 22, FALSE);
    g_string_append_printf (out, "%s\n", _("Title"));
    for (guint i = 0; i < n; i++)
      {
        const CoordenaRuleSet *s = coordena_rule_catalog_get_set (cat, i);
        g_autofree char *validity = validity_text (s);

        cli_pad (out, s->id, 18, FALSE);
        cli_pad (out, validity, 19, FALSE);
        cli_pad (out, coordena_base_kind_to_string (s->base), 22, FALSE);
        g_string_append (out, s->title);
        if (s->user_file)
          g_string_append_printf (out, " [%s]", _("user file"));
        g_string_append_c (out, '\n');
      }
    fputs (out->str, stdout);
  }
  return CLI_EXIT_OK;
}

/* "Label:" padded to a column counted in characters, so accented labels line up. */
static void
label (GString *out, const char *text)
{
  g_string_append (out, text);
  for (glong i = g_utf8_strlen (text, -1); i < 23; i++)
    g_string_append_c (out, ' ');
}

static const char *
confidence_label (CoordenaConfidence c)
{
  return c == COORDENA_CONFIDENCE_U ? _("to be confirmed") : "";
}

/* The act a parameter rests on, under its value. */
static void
basis_line (GString *out, const char *basis)
{
  label (out, _("  basis:"));
  g_string_append_printf (out, "%s\n", basis != NULL && basis[0] != '\0' ? basis : _("no act cited in the file"));
}

static int
rules_show (const CoordenaRuleSet *s)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *validity = validity_text (s);

  g_string_append_printf (out, "%s — %s\n", s->id, s->title);
  label (out, _("Act:"));
  g_string_append_printf (out, "%s\n", s->act);
  label (out, _("Validity:"));
  g_string_append_printf (out, "%s\n", validity);
  label (out, _("Base cut:"));
  g_string_append_printf (out, "%s\n", coordena_base_kind_to_string (s->base));
  label (out, _("Maximum weekly hours:"));
  g_string_append_printf (out, "%u h [%s] %s\n", s->max_total_hours,
                          coordena_confidence_to_string (s->max_total_hours_confidence),
                          confidence_label (s->max_total_hours_confidence));
  basis_line (out, s->max_total_hours_basis);
  label (out, _("Present in an eSF:"));
  g_string_append_printf (out, _("one member with %u h a week [%s] %s\n"), s->esf_min_hours,
                          coordena_confidence_to_string (s->esf_min_hours_confidence),
                          confidence_label (s->esf_min_hours_confidence));
  basis_line (out, s->esf_min_hours_basis);
  label (out, _("Present in an eAP:"));
  g_string_append_printf (out, _("one member with %u h (20 h team) or %u h (30 h team) a week, never a sum [%s] %s\n"),
                          s->eap20_min_hours, s->eap30_min_hours, coordena_confidence_to_string (s->eap_min_hours_confidence),
                          confidence_label (s->eap_min_hours_confidence));
  basis_line (out, s->eap_min_hours_basis);
  label (out, _("Provimento:"));
  if (s->provimento_repasse > 0)
    g_string_append_printf (out, "%u %% (%s) [%s] %s\n", s->provimento_repasse,
                            s->provimento_mode == COORDENA_PROVIMENTO_GARANTIA_MINIMA ? "garantia_minima" : "adicional",
                            coordena_confidence_to_string (s->provimento_confidence),
                            confidence_label (s->provimento_confidence));
  else
    g_string_append_printf (out, "%s [%s] %s\n", _("no rule"), coordena_confidence_to_string (s->provimento_confidence),
                            confidence_label (s->provimento_confidence));
  basis_line (out, s->provimento_basis);
  label (out, _("INE revoked after:"));
  if (s->revoke_after > 0)
    {
      g_autofree char *after = g_strdup_printf (_("%u competências at 100 %% in a row"), s->revoke_after);
      g_string_append_printf (out, "%s [%s] %s\n", after, coordena_confidence_to_string (s->revoke_confidence),
                              confidence_label (s->revoke_confidence));
    }
  else
    g_string_append_printf (out, "%s\n", _("no rule"));
  basis_line (out, s->revoke_basis);
  label (out, _("Without registration:"));
  if (s->sem_registro_percent > 0)
    g_string_append_printf (out, _("%u %% at once [%s] %s\n"), s->sem_registro_percent,
                            coordena_confidence_to_string (s->sem_registro.confidence),
                            confidence_label (s->sem_registro.confidence));
  else
    g_string_append_printf (out, "%s [%s] %s\n", _("the set says nothing: the team is shown without registration, at 0 %"),
                            coordena_confidence_to_string (s->sem_registro.confidence), confidence_label (s->sem_registro.confidence));
  /* Saying nothing is a reading of the act too: it cites where that comes from. */
  basis_line (out, s->sem_registro.basis);
  label (out, _("File:"));
  g_string_append_printf (out, "%s\n", s->path);

  g_string_append_printf (out, "\n%s\n", _("Default monthly base per team:"));
  for (CoordenaTeamType t = COORDENA_TEAM_TYPE_ESF; t <= COORDENA_TEAM_TYPE_EAP30; t++)
    {
      g_autoptr(GString) values = g_string_new (NULL);

      if (s->base_values[t][0] != COORDENA_BASE_UNKNOWN)
        {
          g_autofree char *m = coordena_format_money (s->base_values[t][0]);
          g_string_append (values, m);
        }
      else
        for (guint k = 1; k <= COORDENA_N_STRATA; k++)
          if (s->base_values[t][k] != COORDENA_BASE_UNKNOWN)
            {
              g_autofree char *m = coordena_format_money (s->base_values[t][k]);
              g_string_append_printf (values, "%s%s %u: %s", values->len > 0 ? "; " : "", _("stratum"), k, m);
            }
      g_string_append_printf (out, "  %-6s %s\n", coordena_team_type_to_string (t),
                              values->len > 0 ? values->str : _("unknown"));
    }
  g_string_append_printf (out, "  [%s] %s\n", coordena_confidence_to_string (s->base_confidence),
                          confidence_label (s->base_confidence));
  if (s->base_basis != NULL)
    g_string_append_printf (out, "  %s %s\n", _("Basis:"), s->base_basis);

  g_string_append_printf (out, "\n%s\n", _("Clauses (the highest percent that fires decides):"));
  if (s->n_clauses == 0)
    g_string_append_printf (out, "  %s\n", _("none: this set suspends nothing for team composition"));
  for (guint i = 0; i < s->n_clauses; i++)
    {
      const CoordenaClause *c = &s->clauses[i];
      g_autofree char *all = coordena_category_set_to_string (c->absent_all);
      g_autoptr(GString) cond = g_string_new (NULL);
      g_autofree char *when = NULL;

      if (c->event == COORDENA_EVENT_SEM_PRODUCAO)
        g_string_append (cond, _("no production sent to SISAB"));
      if (all[0] != '\0')
        g_string_append_printf (cond, _("%s absent"), all);
      if (c->min_absent > 0)
        {
          if (cond->len > 0)
            g_string_append (cond, ", ");
          g_string_append_printf (cond, _("%u or more categories absent"), c->min_absent);
        }
      when = c->consecutive == 1 ? g_strdup (_("immediate"))
                                 : g_strdup_printf (_("%u competências in a row"), c->consecutive);
      g_string_append_printf (out, "  %-20s %-3s %3u %%  %s; %s\n", c->id, coordena_family_to_string (c->family),
                              c->percent, cond->str, when);
      g_string_append_printf (out, "  %-20s %s [%s] %s\n", "", c->basis, coordena_confidence_to_string (c->confidence),
                              confidence_label (c->confidence));
    }

  g_string_append_printf (out, "\n%s\n", coordena_confidence_legend ());
  if (s->open_questions[0] != NULL)
    {
      g_string_append_printf (out, "\n%s\n", _("Open questions (to be confirmed):"));
      for (guint i = 0; s->open_questions[i] != NULL; i++)
        g_string_append_printf (out, "  – %s\n", s->open_questions[i]);
    }
  fputs (out->str, stdout);
  return CLI_EXIT_OK;
}

int
cli_cmd_rules (CliContext *ctx, int argc, char **argv)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: table or json (list only)"), "FORMAT" },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("list | show ID"));
  g_autoptr(CoordenaRuleCatalog) cat = NULL;
  g_autoptr(GError) error = NULL;
  int code;

  g_option_context_set_summary (context, _("List the rule sets in use, or show one with its clauses, legal basis and confidence."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &code))
    return code;
  if (format == NULL)
    format = g_strdup ("table");
  if (!g_str_equal (format, "table") && !g_str_equal (format, "json"))
    return cli_usage_error (_("unknown format “%s”: use table or json"), format);

  if (argc < 2)
    return cli_usage_error (_("“rules” needs a subcommand: list or show ID"));

  cat = coordena_rule_catalog_load (&error);
  if (cat == NULL)
    return cli_report_error (error);

  if (g_str_equal (argv[1], "list"))
    {
      if (argc > 2)
        return cli_usage_error (_("“rules list” takes no arguments"));
      return rules_list (cat, format);
    }
  if (g_str_equal (argv[1], "show"))
    {
      const CoordenaRuleSet *s;

      if (argc != 3)
        return cli_usage_error (_("“rules show” needs the id of one rule set"));
      s = coordena_rule_catalog_find (cat, argv[2]);
      if (s == NULL)
        {
          g_set_error (&error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("There is no rule set “%s”; “coordena-cli rules list” shows them"), argv[2]);
          return cli_report_error (error);
        }
      return rules_show (s);
    }
  return cli_usage_error (_("unknown subcommand “%s”: use list or show ID"), argv[1]);
}
