/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-evaluate.c — `coordena-cli evaluate`, `forecast` and `compare`: the rules applied to a
 * roster, printed as a table, CSV or JSON. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include <coordena/coordena.h>
#include <coordena/csv-writer.h>
#include <coordena/forecast-report.h>
#include <coordena/summary.h>
#include <coordena/store.h>

#include "cli.h"
#include "cli-store.h"

int cli_cmd_evaluate (CliContext *ctx, int argc, char **argv);
int cli_cmd_forecast (CliContext *ctx, int argc, char **argv);
int cli_cmd_compare (CliContext *ctx, int argc, char **argv);

typedef enum { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON } Format;

/* ---- shared ------------------------------------------------------------------------------------ */

/* Warnings and skipped rows of a roster CSV, to stderr. */
static void
print_csv_report (const CoordenaRosterCsvReport *report)
{
  for (guint i = 0; report->warnings != NULL && i < report->warnings->len; i++)
    g_printerr (_("warning: %s\n"), (char *) report->warnings->pdata[i]);
  if (report->skipped != NULL && report->skipped->len > 0)
    {
      for (guint i = 0; i < report->skipped->len; i++)
        g_printerr (_("skipped: %s\n"), (char *) report->skipped->pdata[i]);
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u row skipped (--lenient)\n", "%u rows skipped (--lenient)\n",
                               report->skipped->len), report->skipped->len);
    }
}

/* The roster the rules read: from a roster CSV, or from the database when no file is given.
 * Warnings and skipped rows go to stderr. */
static CoordenaRoster *
load_roster (CliContext *ctx, const char *file, gboolean lenient, GError **error)
{
  CoordenaRosterCsvOptions options = { .lenient = lenient };
  g_auto(CoordenaRosterCsvReport) report = { 0 };
  CoordenaRoster *roster;

  if (file == NULL)
    {
      CoordenaStore *store = cli_open_store_read_only (ctx, error);

      if (store == NULL)
        return NULL;
      roster = coordena_store_load_roster (store, error);
      if (roster != NULL)
        cli_note_teams_outside_uf (store);
      coordena_store_close (store);
      return roster;
    }

  roster = coordena_roster_csv_read (file, &options, &report, error);

  /* A refused file shows its errors only: the warnings would bury them. */
  if (roster == NULL)
    g_clear_pointer (&report.warnings, g_ptr_array_unref);
  print_csv_report (&report);
  return roster;
}

/* The rule catalog, loaded on a thread of its own while a roster CSV is read. */
typedef struct {
  CoordenaRuleCatalog *cat;
  GError *error;
} CatalogLoad;

static gpointer
load_catalog (gpointer data)
{
  CatalogLoad *c = data;

  c->cat = coordena_rule_catalog_load (&c->error);
  return NULL;
}

static gboolean
parse_format (const char *text, Format *format, int *code)
{
  if (text == NULL || g_str_equal (text, "table"))
    *format = FORMAT_TABLE;
  else if (g_str_equal (text, "csv"))
    *format = FORMAT_CSV;
  else if (g_str_equal (text, "json"))
    *format = FORMAT_JSON;
  else
    {
      *code = cli_usage_error (_("unknown format “%s”: use table, csv or json"), text);
      return FALSE;
    }
  return TRUE;
}

/* "auto" (or NULL) → *forced = NULL; an id → that set. */
static gboolean
resolve_rules (const CoordenaRuleCatalog *cat, const char *id, const CoordenaRuleSet **forced, GError **error)
{
  *forced = NULL;
  if (id == NULL || g_str_equal (id, "auto"))
    return TRUE;
  *forced = coordena_rule_catalog_find (cat, id);
  if (*forced == NULL)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("There is no rule set “%s”; “coordena-cli rules list” shows them"), id);
      return FALSE;
    }
  return TRUE;
}

static char *
competencia_or_dash (CoordenaCompetencia c)
{
  return c != 0 ? coordena_competencia_format (c) : g_strdup ("—");
}

static void
json_money (JsonBuilder *b, const char *name, gint64 centavos)
{
  json_builder_set_member_name (b, name);
  if (centavos == COORDENA_BASE_UNKNOWN)
    json_builder_add_null_value (b);
  else
    json_builder_add_int_value (b, centavos);
}

static void
json_absent (JsonBuilder *b, const char *name, CoordenaCategorySet absent)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
    if (absent & COORDENA_CATEGORY_BIT (c))
      json_builder_add_string_value (b, coordena_category_to_string ((CoordenaCategory) c));
  json_builder_end_array (b);
}

static void
print_json (JsonBuilder *b)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree char *text = NULL;

  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}

/* Runs the common option parsing of the three commands; returns FALSE with *code set. */
typedef struct {
  char *rules;
  char **rules_list;
  char *format;
  gboolean lenient;
  int horizon;
  char *scenario;
} Args;

static void
args_clear (Args *a)
{
  g_free (a->rules);
  g_strfreev (a->rules_list);
  g_free (a->format);
  g_free (a->scenario);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Args, args_clear)

/* ---- evaluate ---------------------------------------------------------------------------------- */

static void
evaluate_table (CoordenaEvaluation *e)
{
  CoordenaRoster *r = coordena_evaluation_get_roster (e);
  guint n_teams = coordena_roster_get_n_teams (r);
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 total = 0;
  guint rows = 0, unknown = 0;

  cli_pad (out, "INE", 10, FALSE);
  cli_pad (out, _("Comp."), 7, FALSE);
  cli_pad (out, _("Rules"), 18, FALSE);
  cli_pad (out, _("Absent"), 15, FALSE);
  cli_pad (out, "%", 3, TRUE);
  cli_pad (out, _("Clause"), 18, FALSE);
  cli_pad (out, _("Base"), 13, TRUE);
  cli_pad (out, _("Loss"), 13, TRUE);
  g_string_append_printf (out, "%s\n", _("Provimento"));
  for (guint t = 0; t < n_teams; t++)
    {
      const CoordenaRosterTeam *team = coordena_roster_get_team (r, t);
      guint n;
      const CoordenaMonthResult *res = coordena_evaluation_team_results (e, team, &n);

      for (guint i = 0; i < n; i++)
        {
          const CoordenaMonthResult *m = &res[i];
          g_autofree char *comp = NULL, *absent = NULL, *pct = NULL, *base = NULL, *loss = NULL;

          if (!m->evaluated)
            continue;
          comp = coordena_competencia_format (m->competencia);
          absent = coordena_category_set_to_string (m->absent);
          pct = g_strdup_printf ("%u", m->percent);
          base = coordena_format_money_or_empty (m->base_centavos);
          loss = coordena_format_money_or_empty (m->perda_centavos);
          cli_pad (out, team->ine, 10, FALSE);
          cli_pad (out, comp, 7, FALSE);
          cli_pad (out, m->rules != NULL ? m->rules->id : "—", 18, FALSE);
          cli_pad (out, absent[0] != '\0' ? absent : "—", 15, FALSE);
          cli_pad (out, pct, 3, TRUE);
          cli_pad (out, m->clause != NULL ? m->clause->id : "—", 18, FALSE);
          cli_pad (out, base[0] != '\0' ? base : "?", 13, TRUE);
          cli_pad (out, loss[0] != '\0' ? loss : "?", 13, TRUE);
          g_string_append_printf (out, "%s\n", m->provimento ? _("limited") : "—");
          rows++;
          if (m->perda_centavos != COORDENA_BASE_UNKNOWN)
            total += m->perda_centavos;
          else
            unknown++;
        }
    }
  {
    g_autofree char *money = coordena_format_money (total);
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u team-competência; loss %s\n",
                                              "%u team-competências; loss %s\n", rows), rows, money);
  }
  if (unknown > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "? %u without a known base: give valor_base or estrato_ied in the file\n",
                                              "? %u without a known base: give valor_base or estrato_ied in the file\n",
                                              unknown), unknown);
  fputs (out->str, stdout);
}

/* The CSV rows are written into a buffer of their own, without printf and without a call per
 * cell: a state's results are tens of thousands of rows. */
typedef struct {
  char *data;
  gsize len;
  gsize cap;
} OutBuffer;

#define OUT_FLUSH (64 * 1024)

static void
out_grow (OutBuffer *o, gsize n)
{
  o->cap = MAX (o->cap * 2, o->len + n + OUT_FLUSH);
  o->data = g_realloc (o->data, o->cap);
}

static inline void
out_put (OutBuffer *o, const char *p, gsize n)
{
  if (G_UNLIKELY (o->len + n > o->cap))
    out_grow (o, n);
  memcpy (o->data + o->len, p, n);
  o->len += n;
}

static void
out_flush (OutBuffer *o)
{
  if (o->len > 0)
    fwrite (o->data, 1, o->len, stdout);
  o->len = 0;
}

/* A number in digits, then the terminator. */
static inline void
out_uint (OutBuffer *o, guint value, char terminator)
{
  char digits[16];
  int n = sizeof digits;

  digits[--n] = terminator;
  do
    digits[--n] = (char) ('0' + value % 10);
  while ((value /= 10) != 0);
  out_put (o, digits + n, sizeof digits - (gsize) n);
}

/* An amount (none when negative), then the terminator: nothing in it needs quotes or a guard. */
static inline void
out_money (OutBuffer *o, gint64 centavos, char terminator)
{
  char money[COORDENA_MONEY_MAX + 1];
  gsize n = 0;

  if (centavos >= 0)
    n = coordena_format_money_to (centavos, money);
  money[n++] = terminator;
  out_put (o, money, n);
}

/* A text cell as coordena_csv_append_cell writes it, kept for the next row that has the same text
 * (rule sets and clauses are few, and repeat on every row). */
typedef struct {
  const char *text;
  GString *cell;
} CellCache;

static inline void
out_cached_cell (OutBuffer *o, CellCache *cache, const char *text)
{
  text = text != NULL ? text : "";
  if (G_UNLIKELY (cache->cell == NULL || cache->text != text))
    {
      if (cache->cell == NULL)
        cache->cell = g_string_new (NULL);
      g_string_truncate (cache->cell, 0);
      coordena_csv_append_cell (cache->cell, text, ';', ';');
      cache->text = text;
    }
  out_put (o, cache->cell->str, cache->cell->len);
}

static void
cell_cache_clear (CellCache *cache)
{
  if (cache->cell != NULL)
    g_string_free (cache->cell, TRUE);
}

static void
evaluate_csv (CoordenaEvaluation *e)
{
  static const char header[] = "ine;competencia;regras;ausentes;percentual;clausula;provimento_aplicado;base;perda\n";
  CoordenaRoster *r = coordena_evaluation_get_roster (e);
  guint n_teams = coordena_roster_get_n_teams (r);
  OutBuffer out = { g_malloc (2 * OUT_FLUSH), 0, 2 * OUT_FLUSH };
  CellCache ine = { 0 }, rules = { 0 }, clause = { 0 };
  GString *absent[256] = { NULL };

  out_put (&out, header, sizeof header - 1);
  for (guint t = 0; t < n_teams; t++)
    {
      const CoordenaRosterTeam *team = coordena_roster_get_team (r, t);
      guint n;
      const CoordenaMonthResult *res = coordena_evaluation_team_results (e, team, &n);

      for (guint i = 0; i < n; i++)
        {
          const CoordenaMonthResult *m = &res[i];

          if (!m->evaluated)
            continue;
          if (absent[m->absent] == NULL)
            {
              g_autofree char *text = coordena_category_set_to_string (m->absent);

              absent[m->absent] = g_string_new (NULL);
              coordena_csv_append_cell (absent[m->absent], text, ';', ';');
            }
          out_cached_cell (&out, &ine, team->ine);
          out_uint (&out, m->competencia, ';');
          out_cached_cell (&out, &rules, m->rules != NULL ? m->rules->id : "");
          out_put (&out, absent[m->absent]->str, absent[m->absent]->len);
          out_uint (&out, (guint) m->percent, ';');
          out_cached_cell (&out, &clause, m->clause != NULL ? m->clause->id : "");
          out_put (&out, m->provimento ? "S;" : "N;", 2);
          out_money (&out, m->base_centavos, ';');
          out_money (&out, m->perda_centavos, '\n');
        }
      if (out.len > OUT_FLUSH)
        out_flush (&out);
    }
  out_flush (&out);
  g_free (out.data);
  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    if (absent[i] != NULL)
      g_string_free (absent[i], TRUE);
  cell_cache_clear (&ine);
  cell_cache_clear (&rules);
  cell_cache_clear (&clause);
}

static void
json_int_or_null (GString *out, gint64 value)
{
  if (value == COORDENA_BASE_UNKNOWN)
    g_string_append (out, "null");
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

/* Written as it goes, one object per line: a state's 150 000 results stay in bounded memory. */
static void
evaluate_json (CoordenaEvaluation *e)
{
  CoordenaRoster *r = coordena_evaluation_get_roster (e);
  guint n_teams = coordena_roster_get_n_teams (r);
  g_autoptr(GString) out = g_string_new ("[");
  gboolean first = TRUE;

  for (guint t = 0; t < n_teams; t++)
    {
      const CoordenaRosterTeam *team = coordena_roster_get_team (r, t);
      guint n;
      const CoordenaMonthResult *res = coordena_evaluation_team_results (e, team, &n);

      for (guint i = 0; i < n; i++)
        {
          const CoordenaMonthResult *m = &res[i];
          gboolean comma = FALSE;

          if (!m->evaluated)
            continue;
          g_string_append (out, first ? "\n  {\"ine\": " : ",\n  {\"ine\": ");
          first = FALSE;
          coordena_json_append_string (out, team->ine);
          g_string_append_printf (out, ", \"competencia\": %u, \"regras\": ", m->competencia);
          if (m->rules != NULL)
            coordena_json_append_string (out, m->rules->id);
          else
            g_string_append (out, "null");
          g_string_append (out, ", \"ausentes\": [");
          for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
            if (m->absent & COORDENA_CATEGORY_BIT (c))
              {
                g_string_append_printf (out, "%s\"%s\"", comma ? ", " : "", coordena_category_to_string ((CoordenaCategory) c));
                comma = TRUE;
              }
          g_string_append_printf (out, "], \"percentual\": %u, \"clausula\": ", m->percent);
          if (m->clause != NULL)
            coordena_json_append_string (out, m->clause->id);
          else
            g_string_append (out, "null");
          g_string_append_printf (out, ", \"provimento_aplicado\": %s", m->provimento ? "true" : "false");
          g_string_append (out, ", \"base_centavos\": ");
          json_int_or_null (out, m->base_centavos);
          g_string_append (out, ", \"perda_centavos\": ");
          json_int_or_null (out, m->perda_centavos);
          g_string_append_c (out, '}');
        }
      if (out->len > 1 << 20)
        {
          fputs (out->str, stdout);
          g_string_truncate (out, 0);
        }
    }
  g_string_append (out, first ? "]\n" : "\n]\n");
  fputs (out->str, stdout);
}

int
cli_cmd_evaluate (CliContext *ctx, int argc, char **argv)
{
  g_auto(Args) a = { 0 };
  GOptionEntry entries[] = {
    { "rules", 0, 0, G_OPTION_ARG_STRING, &a.rules, N_("“auto” (the set in force in each competência, the default) or the id of one set applied to every competência"), "auto|ID" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &a.format, N_("Output format: table (default), csv or json"), "FORMAT" },
    { "lenient", 0, 0, G_OPTION_ARG_NONE, &a.lenient, N_("Skip bad rows of the file and list them, instead of refusing it"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[FILE]"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaRuleCatalog) cat = NULL;
  g_autoptr(CoordenaRoster) roster = NULL;
  g_autoptr(CoordenaEvaluation) e = NULL;
  const CoordenaRuleSet *forced;
  Format format;
  int code;

  g_option_context_set_summary (context, _("Apply the suspension rules to every eSF and eAP team and competência of a roster CSV, or of the database when no file is given."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &code) || !parse_format (a.format, &format, &code))
    return code;
  if (argc > 2)
    return cli_usage_error (_("“%s” takes at most one roster CSV file (without it, the database is read)"), "evaluate");

  if (argc == 2)
    {
      /* The rule sets load while the file is read; their errors come first, as the file's
       * warnings would. */
      CoordenaRosterCsvOptions options = { .lenient = a.lenient };
      g_auto(CoordenaRosterCsvReport) report = { 0 };
      g_autoptr(GError) roster_error = NULL;
      CatalogLoad load = { 0 };
      GThread *loading = g_thread_try_new ("coordena-rules", load_catalog, &load, NULL);

      if (loading == NULL)
        load_catalog (&load);
      roster = coordena_roster_csv_read (argv[1], &options, &report, &roster_error);
      g_autoptr(GError) catalog_error = NULL;

      if (loading != NULL)
        g_thread_join (loading);
      cat = load.cat;
      catalog_error = load.error;
      if (cat == NULL)
        return cli_report_error (catalog_error);
      if (!resolve_rules (cat, a.rules, &forced, &error))
        return cli_report_error (error);
      if (roster == NULL)
        g_clear_pointer (&report.warnings, g_ptr_array_unref);
      print_csv_report (&report);
      if (roster == NULL)
        return cli_report_error (roster_error);
    }
  else if ((cat = coordena_rule_catalog_load (&error)) == NULL || !resolve_rules (cat, a.rules, &forced, &error) ||
           (roster = load_roster (ctx, NULL, a.lenient, &error)) == NULL)
    return cli_report_error (error);

  e = coordena_evaluate (roster, cat, forced);
  if (format == FORMAT_JSON)
    evaluate_json (e);
  else if (format == FORMAT_CSV)
    evaluate_csv (e);
  else
    evaluate_table (e);
  return CLI_EXIT_OK;
}

/* ---- forecast ---------------------------------------------------------------------------------- */

static void
json_competencia_or_null (JsonBuilder *b, const char *name, CoordenaCompetencia c)
{
  json_builder_set_member_name (b, name);
  if (c != 0)
    json_builder_add_int_value (b, c);
  else
    json_builder_add_null_value (b);
}

static void
forecast_json (const CoordenaForecast *forecast)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  guint n;
  const CoordenaForecastTeam *teams = coordena_forecast_get_teams (forecast, &n);

  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      const CoordenaForecastTeam *f = &teams[i];
      g_autofree char *state = coordena_forecast_team_state_text (f);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "ine");
      json_builder_add_string_value (b, f->team->ine);
      json_builder_set_member_name (b, "competencia");
      json_builder_add_int_value (b, f->now.competencia);
      json_builder_set_member_name (b, "ultima_competencia_registrada");
      json_builder_add_int_value (b, f->last_seen);
      json_builder_set_member_name (b, "sem_registro");
      json_builder_add_boolean_value (b, f->missing);
      json_builder_set_member_name (b, "situacao");
      json_builder_add_string_value (b, state);
      json_builder_set_member_name (b, "regras");
      if (f->now.rules != NULL)
        json_builder_add_string_value (b, f->now.rules->id);
      else
        json_builder_add_null_value (b);
      json_absent (b, "ausentes", f->now.absent);
      json_builder_set_member_name (b, "ausentes_desde");
      json_builder_begin_object (b);
      for (int c = 0; c < COORDENA_N_CATEGORIES; c++)
        if (f->absent_since[c] != 0)
          {
            json_builder_set_member_name (b, coordena_category_to_string ((CoordenaCategory) c));
            json_builder_add_int_value (b, f->absent_since[c]);
          }
      json_builder_end_object (b);
      json_builder_set_member_name (b, "percentual");
      json_builder_add_int_value (b, f->now.percent);
      json_builder_set_member_name (b, "clausula");
      if (f->now.clause != NULL)
        json_builder_add_string_value (b, f->now.clause->id);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "fundamento");
      if (f->now.clause != NULL)
        json_builder_add_string_value (b, f->now.clause->basis);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "provimento_aplicado");
      json_builder_add_boolean_value (b, f->now.provimento);
      json_money (b, "perda_mensal_centavos", f->now.percent > 0 ? f->now.perda_centavos : 0);

      json_builder_set_member_name (b, "proximo_passo");
      if (f->next_step != 0)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "competencia");
          json_builder_add_int_value (b, f->next_step);
          json_builder_set_member_name (b, "percentual");
          json_builder_add_int_value (b, f->next_percent);
          json_builder_set_member_name (b, "clausula");
          if (f->next_clause != NULL)
            json_builder_add_string_value (b, f->next_clause->id);
          else
            json_builder_add_null_value (b);
          json_money (b, "perda_mensal_centavos", f->next_loss);
          json_builder_end_object (b);
        }
      else
        json_builder_add_null_value (b);
      json_competencia_or_null (b, "corrigir_ate", f->fix_by);

      json_builder_set_member_name (b, "meses");
      json_builder_begin_array (b);
      for (guint k = 0; k < f->n_months; k++)
        {
          const CoordenaMonthResult *m = &f->months[k];

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "competencia");
          json_builder_add_int_value (b, m->competencia);
          json_builder_set_member_name (b, "regras");
          if (m->rules != NULL)
            json_builder_add_string_value (b, m->rules->id);
          else
            json_builder_add_null_value (b);
          json_absent (b, "ausentes", m->absent);
          json_builder_set_member_name (b, "percentual");
          json_builder_add_int_value (b, m->percent);
          json_builder_set_member_name (b, "provimento_aplicado");
          json_builder_add_boolean_value (b, m->provimento);
          json_money (b, "perda_centavos", m->perda_centavos);
          json_builder_set_member_name (b, "confianca");
          json_builder_add_string_value (b, coordena_confidence_to_string (coordena_month_result_confidence (m)));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "perda_total_centavos");
      json_builder_add_int_value (b, f->loss_total);
      json_builder_set_member_name (b, "perda_a_confirmar_centavos");
      json_builder_add_int_value (b, f->loss_unconfirmed);
      json_builder_set_member_name (b, "confianca");
      json_builder_add_string_value (b, coordena_confidence_to_string (f->confidence));
      json_builder_set_member_name (b, "meses_sem_base");
      json_builder_add_int_value (b, f->n_unknown_loss);
      json_competencia_or_null (b, "revogacao", f->revoked_at);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  print_json (b);
}

/* For pipes: the same figures as the sheet, plain (no BOM, machine-readable values). */
static void
forecast_csv (const CoordenaForecast *forecast)
{
  g_autoptr(GString) out = g_string_new ("ine;competencia;situacao;sem_registro;percentual;ausentes;clausula;provimento_aplicado;"
                                         "proximo_passo;percentual_proximo;corrigir_ate;perda_total;perda_a_confirmar;"
                                         "meses_sem_base;revogacao\n");
  guint n;
  const CoordenaForecastTeam *teams = coordena_forecast_get_teams (forecast, &n);

  for (guint i = 0; i < n; i++)
    {
      const CoordenaForecastTeam *f = &teams[i];
      g_autofree char *state = coordena_forecast_team_state_text (f);
      g_autofree char *absent = coordena_category_set_to_string (f->now.absent);
      g_autofree char *loss = coordena_csv_money (f->loss_total);
      g_autofree char *unconfirmed = coordena_csv_money (f->loss_unconfirmed);
      g_autofree char *next = f->next_step != 0 ? g_strdup_printf ("%u", f->next_step) : g_strdup ("");
      g_autofree char *next_pct = f->next_step != 0 ? g_strdup_printf ("%u", f->next_percent) : g_strdup ("");
      g_autofree char *fix = f->fix_by != 0 ? g_strdup_printf ("%u", f->fix_by) : g_strdup ("");
      g_autofree char *revoked = f->revoked_at != 0 ? g_strdup_printf ("%u", f->revoked_at) : g_strdup ("");
      g_autofree char *comp = g_strdup_printf ("%u", f->now.competencia);
      g_autofree char *pct = g_strdup_printf ("%u", f->now.percent);
      g_autofree char *unknown = g_strdup_printf ("%u", f->n_unknown_loss);
      const char *cells[] = { f->team->ine, comp, state, f->missing ? "S" : "N", pct, absent,
                              f->now.clause != NULL ? f->now.clause->id : "", f->now.provimento ? "S" : "N",
                              next, next_pct, fix, loss, unconfirmed, unknown, revoked };

      for (guint k = 0; k < G_N_ELEMENTS (cells); k++)
        coordena_csv_append_cell (out, cells[k], ';', k + 1 < G_N_ELEMENTS (cells) ? ';' : '\n');
    }
  fputs (out->str, stdout);
}

static void
forecast_table (const CoordenaForecast *forecast)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const CoordenaForecastTotals *tot = coordena_forecast_get_totals (forecast);
  CoordenaCompetencia current = coordena_forecast_get_current (forecast);
  guint horizon = coordena_forecast_get_horizon (forecast), n, n_changes = 0;
  const CoordenaForecastTeam *teams = coordena_forecast_get_teams (forecast, &n);
  g_autofree char *now = coordena_competencia_format (current);
  g_autofree char *from = coordena_competencia_format (coordena_competencia_add (current, 1));
  g_autofree char *until = coordena_competencia_format (coordena_competencia_add (current, (int) horizon));
  const CoordenaRuleSet *forced = coordena_forecast_get_forced (forecast);

  g_autofree char *scenario = NULL;

  coordena_forecast_get_changes (forecast, &n_changes);
  scenario = n_changes == 0 ? g_strdup (_("no changes"))
             : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n_changes), n_changes);
  g_string_append_printf (out, _("Latest competência: %s. Forecast %s to %s (%u competências); rules: %s; scenario: %s.\n"),
                          now, from, until, horizon, forced != NULL ? forced->id : _("the set in force in each competência"), scenario);
  cli_pad (out, "INE", 10, FALSE);
  cli_pad (out, _("Now"), 22, FALSE);
  cli_pad (out, _("Lacks"), 15, FALSE);
  cli_pad (out, _("Next step"), 14, FALSE);
  cli_pad (out, _("Fix by"), 8, FALSE);
  cli_pad (out, _("Loss/month"), 13, TRUE);
  cli_pad (out, _("Loss in total"), 15, TRUE);
  g_string_append_printf (out, "%s\n", _("INE revoked"));
  for (guint i = 0; i < n; i++)
    {
      const CoordenaForecastTeam *f = &teams[i];
      g_autofree char *now_cell = f->missing ? g_strdup_printf ("%s %u %%", _("no registration"), (guint) f->now.percent)
                                             : g_strdup_printf ("%s %3u %%%s", now, (guint) f->now.percent, f->now.provimento ? " P" : "");
      g_autofree char *absent = coordena_category_set_to_string (f->now.absent);
      g_autofree char *next_comp = competencia_or_dash (f->next_step);
      g_autofree char *next = f->next_step != 0 ? g_strdup_printf ("%s %3u %%", next_comp, f->next_percent) : g_strdup ("—");
      g_autofree char *fix = competencia_or_dash (f->fix_by);
      g_autofree char *monthly = f->now.percent == 0 ? coordena_format_money (0)
                                 : f->now.perda_centavos != COORDENA_BASE_UNKNOWN ? coordena_format_money (f->now.perda_centavos) : g_strdup ("?");
      g_autofree char *loss = coordena_format_money (f->loss_total);
      g_autofree char *loss_cell = f->n_unknown_loss > 0 ? g_strdup ("?")
                                   : g_strdup_printf ("%s%s", loss, f->confidence != COORDENA_CONFIDENCE_A && f->loss_total > 0 ? "*" : "");
      g_autofree char *revoked = competencia_or_dash (f->revoked_at);

      cli_pad (out, f->team->ine, 10, FALSE);
      cli_pad (out, now_cell, 22, FALSE);
      cli_pad (out, absent[0] != '\0' ? absent : "—", 15, FALSE);
      cli_pad (out, next, 14, FALSE);
      cli_pad (out, fix, 8, FALSE);
      cli_pad (out, monthly, 13, TRUE);
      cli_pad (out, loss_cell, 15, TRUE);
      g_string_append_printf (out, "%s\n", revoked);
    }
  {
    g_autofree char *money = coordena_format_money (tot->loss_horizon);
    g_autofree char *unconfirmed = coordena_format_money (tot->loss_unconfirmed);

    g_string_append_printf (out, _("%u teams evaluated: %u regular, %u at risk, %u suspended, %u without registration in %s.\n"),
                            tot->n_teams, tot->n_regular, tot->n_at_risk, tot->n_suspended, tot->n_no_record, now);
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u team loses money in the next %u competências: %s\n",
                                              "%u teams lose money in the next %u competências: %s\n", tot->n_losing),
                            tot->n_losing, horizon, money);
    if (tot->loss_unconfirmed > 0)
      g_string_append_printf (out, _("* to confirm: %s of it rests on values from a secondary source [S] or unverified [U] (coordena-cli rules show).\n"),
                              unconfirmed);
    if (tot->n_unknown_base > 0)
      g_string_append_printf (out, _("? %u teams without a known base: give valor_base or estrato_ied\n"), tot->n_unknown_base);
    for (guint i = 0; i < n; i++)
      if (teams[i].now.provimento)
        {
          g_autofree char *note = coordena_provimento_note (&teams[i].now);
          g_string_append_printf (out, _("P: %s.\n"), note);
          break;
        }
  }
  fputs (out->str, stdout);
}

int
cli_cmd_forecast (CliContext *ctx, int argc, char **argv)
{
  g_auto(Args) a = { .horizon = CLI_HORIZON_DEFAULT };
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "rules", 0, 0, G_OPTION_ARG_STRING, &a.rules, N_("“auto” (the set in force in each competência, the default) or the id of one set applied to every competência"), "auto|ID" },
    { "horizon", 0, 0, G_OPTION_ARG_INT, &a.horizon, N_("Competências to look ahead (default 12)"), "N" },
    { "scenario", 0, 0, G_OPTION_ARG_FILENAME, &a.scenario, N_("CSV of planned changes: ine;mudanca;categoria;a_partir_de"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &a.format, N_("Output format: table (default), csv or json"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the forecast sheet (the window’s CSV) to this file"), N_("FILE") },
    { "lenient", 0, 0, G_OPTION_ARG_NONE, &a.lenient, N_("Skip bad rows of the file and list them, instead of refusing it"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[FILE]"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaRuleCatalog) cat = NULL;
  g_autoptr(CoordenaRoster) roster = NULL;
  g_autoptr(CoordenaScenario) scenario = NULL;
  g_autoptr(CoordenaSummary) summary = NULL;
  CoordenaSummaryOptions options = { 0 };
  const CoordenaForecast *f;
  const CoordenaRuleSet *forced;
  Format format;
  int code;

  g_option_context_set_summary (context, _("Carry each team's last composition forward and show, per team, the next step of suspension, until when it can be avoided, the money lost and when the INE would be revoked."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &code) || !parse_format (a.format, &format, &code))
    return code;
  if (argc > 2)
    return cli_usage_error (_("“%s” takes at most one roster CSV file (without it, the database is read)"), "forecast");
  if (!cli_check_horizon (a.horizon, &code))
    return code;

  if ((cat = coordena_rule_catalog_load (&error)) == NULL || !resolve_rules (cat, a.rules, &forced, &error))
    return cli_report_error (error);
  if (a.scenario != NULL && (scenario = coordena_scenario_load_file (a.scenario, &error)) == NULL)
    return cli_report_error (error);
  if ((roster = load_roster (ctx, argc == 2 ? argv[1] : NULL, a.lenient, &error)) == NULL)
    return cli_report_error (error);

  /* The summary arranges the one forecast the window and the report read. */
  options.ruleset_id = forced != NULL ? forced->id : NULL;
  options.horizon = (guint) a.horizon;
  options.scenario = scenario;
  if ((summary = coordena_summary_new (roster, &options, &error)) == NULL)
    return cli_report_error (error);
  f = coordena_summary_get_forecast (summary);
  cli_warn_scenario_no_effect (f, a.scenario);
  if (output != NULL)
    {
      if (!coordena_store_check_output_name (ctx->db_path, output, &error)
          || !coordena_forecast_report_write_csv (summary, output, &error))
        return cli_report_error (error);
      g_printerr (_("Forecast sheet written to %s\n"), output);
      return CLI_EXIT_OK;
    }
  if (format == FORMAT_JSON)
    forecast_json (f);
  else if (format == FORMAT_CSV)
    forecast_csv (f);
  else
    forecast_table (f);
  return CLI_EXIT_OK;
}

/* ---- compare ----------------------------------------------------------------------------------- */

static const char *const bucket_names[6] = { "0", "25", "50", "75", "100", "outro" };

static void
compare_json (const CoordenaComparison *c, const CoordenaRuleSet *a, const CoordenaRuleSet *b)
{
  g_autoptr(JsonBuilder) j = json_builder_new ();

  json_builder_begin_object (j);
  json_builder_set_member_name (j, "regras_a");
  json_builder_add_string_value (j, a->id);
  json_builder_set_member_name (j, "regras_b");
  json_builder_add_string_value (j, b->id);
  json_builder_set_member_name (j, "titulo_a");
  json_builder_add_string_value (j, a->title);
  json_builder_set_member_name (j, "titulo_b");
  json_builder_add_string_value (j, b->title);
  json_builder_set_member_name (j, "equipes");
  json_builder_begin_array (j);
  for (guint i = 0; i < c->n_teams; i++)
    {
      const CoordenaComparisonTeam *t = &c->teams[i];

      json_builder_begin_object (j);
      json_builder_set_member_name (j, "ine");
      json_builder_add_string_value (j, t->team->ine);
      json_builder_set_member_name (j, "competencia");
      json_builder_add_int_value (j, t->last);
      json_builder_set_member_name (j, "sem_registro");
      json_builder_add_boolean_value (j, t->missing);
      json_builder_set_member_name (j, "ultima_competencia_registrada");
      json_builder_add_int_value (j, t->last_seen);
      json_builder_set_member_name (j, "percentual_a");
      json_builder_add_int_value (j, t->percent_a);
      json_builder_set_member_name (j, "percentual_b");
      json_builder_add_int_value (j, t->percent_b);
      json_builder_set_member_name (j, "perda_a_centavos");
      json_builder_add_int_value (j, t->loss_a);
      json_builder_set_member_name (j, "perda_b_centavos");
      json_builder_add_int_value (j, t->loss_b);
      json_builder_set_member_name (j, "diferenca_centavos");
      json_builder_add_int_value (j, t->loss_b - t->loss_a);
      json_builder_set_member_name (j, "meses_sem_base_a");
      json_builder_add_int_value (j, t->n_unknown_a);
      json_builder_set_member_name (j, "meses_sem_base_b");
      json_builder_add_int_value (j, t->n_unknown_b);
      json_builder_end_object (j);
    }
  json_builder_end_array (j);
  json_builder_set_member_name (j, "total");
  json_builder_begin_object (j);
  json_builder_set_member_name (j, "perda_a_centavos");
  json_builder_add_int_value (j, c->loss_a);
  json_builder_set_member_name (j, "perda_b_centavos");
  json_builder_add_int_value (j, c->loss_b);
  json_builder_set_member_name (j, "diferenca_centavos");
  json_builder_add_int_value (j, c->loss_b - c->loss_a);
  json_builder_end_object (j);
  json_builder_set_member_name (j, "distribuicao");
  json_builder_begin_object (j);
  for (int side = 0; side < 2; side++)
    {
      const guint *counts = side == 0 ? c->count_a : c->count_b;

      json_builder_set_member_name (j, side == 0 ? "a" : "b");
      json_builder_begin_object (j);
      for (guint k = 0; k < 6; k++)
        {
          json_builder_set_member_name (j, bucket_names[k]);
          json_builder_add_int_value (j, counts[k]);
        }
      json_builder_end_object (j);
    }
  json_builder_end_object (j);
  json_builder_end_object (j);
  print_json (j);
}

static void
compare_csv (const CoordenaComparison *c)
{
  g_autoptr(GString) out = g_string_new ("ine;competencia;percentual_a;percentual_b;perda_a;perda_b;diferenca\n");

  for (guint i = 0; i < c->n_teams; i++)
    {
      const CoordenaComparisonTeam *t = &c->teams[i];
      g_autofree char *la = coordena_format_money (t->loss_a);
      g_autofree char *lb = coordena_format_money (t->loss_b);
      g_autofree char *d = coordena_format_money (t->loss_b - t->loss_a);

      g_autofree char *comp = g_strdup_printf ("%u", t->last);
      g_autofree char *pa = g_strdup_printf ("%u", t->percent_a);
      g_autofree char *pb = g_strdup_printf ("%u", t->percent_b);
      const char *cells[] = { t->team->ine, comp, pa, pb, la, lb, d };

      /* A negative difference ("-R$ …") would start like a formula: the writer guards it. */
      for (guint k = 0; k < G_N_ELEMENTS (cells); k++)
        coordena_csv_append_cell (out, cells[k], ';', k + 1 < G_N_ELEMENTS (cells) ? ';' : '\n');
    }
  fputs (out->str, stdout);
}

static void
compare_table (const CoordenaComparison *c, const CoordenaRuleSet *a, const CoordenaRuleSet *b)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *ta = coordena_format_money (c->loss_a);
  g_autofree char *tb = coordena_format_money (c->loss_b);
  g_autofree char *td = coordena_format_money (c->loss_b - c->loss_a);

  g_string_append_printf (out, "A = %s (%s)\nB = %s (%s)\n\n", a->title, a->id, b->title, b->id);
  cli_pad (out, "INE", 10, FALSE);
  cli_pad (out, _("Comp."), 7, FALSE);
  cli_pad (out, "% A", 4, TRUE);
  cli_pad (out, "% B", 4, TRUE);
  cli_pad (out, _("Loss A"), 15, TRUE);
  cli_pad (out, _("Loss B"), 15, TRUE);
  g_string_append_printf (out, "%s\n", _("B − A"));
  for (guint i = 0; i < c->n_teams; i++)
    {
      const CoordenaComparisonTeam *t = &c->teams[i];
      g_autofree char *comp = coordena_competencia_format (t->last);
      g_autofree char *pa = g_strdup_printf ("%u", t->percent_a);
      g_autofree char *pb = g_strdup_printf ("%u", t->percent_b);
      g_autofree char *la = coordena_format_money (t->loss_a);
      g_autofree char *lb = coordena_format_money (t->loss_b);
      g_autofree char *d = coordena_format_money (t->loss_b - t->loss_a);

      cli_pad (out, t->team->ine, 10, FALSE);
      cli_pad (out, comp, 7, FALSE);
      cli_pad (out, pa, 4, TRUE);
      cli_pad (out, pb, 4, TRUE);
      cli_pad (out, la, 15, TRUE);
      cli_pad (out, lb, 15, TRUE);
      g_string_append_printf (out, "%s\n", d);
    }
  cli_pad (out, _("Total"), 10 + 2 + 7 + 2 + 4 + 2 + 4, FALSE);
  cli_pad (out, ta, 15, TRUE);
  cli_pad (out, tb, 15, TRUE);
  g_string_append_printf (out, "%s\n\n", td);
  for (guint i = 0; i < c->n_teams; i++)
    if (c->teams[i].missing)
      {
        g_autofree char *seen = coordena_competencia_format (c->teams[i].last_seen);

        g_string_append_printf (out, _("%s: no registration after %s (sem registro), counted as each rule set says: %u %% under A, %u %% under B\n"),
                                c->teams[i].team->ine, seen, c->teams[i].percent_a, c->teams[i].percent_b);
        if (i + 1 == c->n_teams || !c->teams[i + 1].missing)
          g_string_append_c (out, '\n');
      }

  g_string_append_printf (out, "%s\n", _("Teams by suspension at their last competência:"));
  cli_pad (out, "%", 6, FALSE);
  cli_pad (out, "A", 6, TRUE);
  g_string_append (out, "B\n");
  for (guint k = 0; k < 6; k++)
    {
      g_autofree char *na = g_strdup_printf ("%u", c->count_a[k]);
      g_autofree char *nb = g_strdup_printf ("%u", c->count_b[k]);

      if (k == 5 && c->count_a[k] == 0 && c->count_b[k] == 0)
        continue;
      cli_pad (out, bucket_names[k], 6, FALSE);
      cli_pad (out, na, 6, TRUE);
      g_string_append_printf (out, "%s\n", nb);
    }
  fputs (out->str, stdout);
}

int
cli_cmd_compare (CliContext *ctx, int argc, char **argv)
{
  g_auto(Args) a = { 0 };
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "rules", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a.rules_list, N_("A rule set id; give exactly two"), "ID" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &a.format, N_("Output format: table (default), csv or json"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the comparison as a sheet to this file"), N_("FILE") },
    { "lenient", 0, 0, G_OPTION_ARG_NONE, &a.lenient, N_("Skip bad rows of the file and list them, instead of refusing it"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("--rules A --rules B [FILE]"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaRuleCatalog) cat = NULL;
  g_autoptr(CoordenaRoster) roster = NULL;
  g_autoptr(CoordenaComparison) c = NULL;
  const CoordenaRuleSet *ra, *rb;
  Format format;
  int code;

  g_option_context_set_summary (context, _("Apply two rule sets to every competência of the same roster and set the results side by side, per team and in total."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &code) || !parse_format (a.format, &format, &code))
    return code;
  if (a.rules_list == NULL || g_strv_length (a.rules_list) != 2)
    return cli_usage_error (_("“compare” needs exactly two rule sets: --rules A --rules B"));
  if (argc > 2)
    return cli_usage_error (_("“%s” takes at most one roster CSV file (without it, the database is read)"), "compare");

  if ((cat = coordena_rule_catalog_load (&error)) == NULL ||
      !resolve_rules (cat, a.rules_list[0], &ra, &error) || !resolve_rules (cat, a.rules_list[1], &rb, &error))
    return cli_report_error (error);
  if (ra == NULL || rb == NULL)
    return cli_usage_error (_("“compare” needs the ids of two rule sets, not “auto”"));
  if ((roster = load_roster (ctx, argc == 2 ? argv[1] : NULL, a.lenient, &error)) == NULL)
    return cli_report_error (error);

  c = coordena_compare (roster, ra, rb);
  if (output != NULL)
    {
      if (!coordena_store_check_output_name (ctx->db_path, output, &error)
          || !coordena_comparison_write_csv (c, output, &error))
        return cli_report_error (error);
      g_printerr (_("Comparison sheet written to %s\n"), output);
      return CLI_EXIT_OK;
    }
  if (format == FORMAT_JSON)
    compare_json (c, ra, rb);
  else if (format == FORMAT_CSV)
    compare_csv (c);
  else
    compare_table (c, ra, rb);
  return CLI_EXIT_OK;
}
