/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ruleset.c — rule-set files and the CBO map: read, validated, every refusal with its place. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/csv.h>
#include <coordena/error.h>
#include <coordena/format.h>
#include <coordena/ids.h>
#include <coordena/keyfile.h>
#include <coordena/paths.h>
#include <coordena/ruleset.h>

#define GROUP_SET "Rule Set"
#define GROUP_BASE "Base"
#define CLAUSE_PREFIX "Clause "

/* GKeyFile keeps no line numbers: a first pass over the text records where each group and key
 * is, so every message can point at the line the user must edit. */
typedef struct {
  const char *path;
  GKeyFile *kf;
  GHashTable *lines; /* "group\x1fkey" and "group" → line */
} Ctx;

static const char *const set_keys[] = {
  "id", "title", "act", "valid_from", "valid_to", "base", "max_total_hours",
  "max_total_hours_confidence", "provimento_repasse", "provimento_mode", "provimento_confidence",
  "revoke_after", "open_questions",
  "max_total_hours_basis", "provimento_basis", "revoke_confidence", "revoke_basis",
  "esf_min_hours", "esf_min_hours_confidence", "esf_min_hours_basis",
  "eap20_min_hours", "eap30_min_hours", "eap_min_hours_confidence", "eap_min_hours_basis",
  "sem_registro_percent", "sem_registro_confidence", "sem_registro_basis", NULL,
};
static const char *const base_keys[] = { "eSF", "eAP30", "eAP20", "confidence", "basis", NULL };
static const char *const clause_keys[] = {
  "family", "absent_all", "min_absent", "event", "percent", "consecutive", "basis", "confidence", NULL,
};

static guint
line_of (Ctx *ctx, const char *group, const char *key)
{
  g_autofree char *k = key != NULL ? g_strconcat (group, "\x1f", key, NULL) : g_strdup (group);
  gpointer line = g_hash_table_lookup (ctx->lines, k);

  if (line == NULL && key != NULL)
    line = g_hash_table_lookup (ctx->lines, group);
  return GPOINTER_TO_UINT (line);
}

/* "FILE:LINE: [GROUP] KEY: MESSAGE" (the key part only when there is a key). */
static gboolean
refuse (GError **error, Ctx *ctx, const char *group, const char *key, const char *format, ...) G_GNUC_PRINTF (5, 6);

static gboolean
refuse (GError **error, Ctx *ctx, const char *group, const char *key, const char *format, ...)
{
  g_autofree char *what = NULL;
  guint line = group != NULL ? line_of (ctx, group, key) : 0;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (group == NULL)
    g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, "%s: %s", ctx->path, what);
  else if (key == NULL)
    g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, "%s:%u: [%s]: %s", ctx->path, line, group, what);
  else
    g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, "%s:%u: [%s] %s: %s", ctx->path, line, group, key, what);
  return FALSE;
}

static gboolean
index_lines (Ctx *ctx, const char *text, GError **error)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *group = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      guint n = i + 1;

      if (line[0] == '\0' || line[0] == '#')
        continue;
      if (line[0] == '[')
        {
          gsize len = strlen (line);
          if (len < 3 || line[len - 1] != ']')
            return refuse (error, ctx, NULL, NULL, _("line %u: a group must be written as [Name]"), n);
          g_free (group);
          group = g_strndup (line + 1, len - 2);
          if (g_hash_table_contains (ctx->lines, group))
            return refuse (error, ctx, NULL, NULL, _("line %u: the group [%s] appears twice"), n, group);
          g_hash_table_insert (ctx->lines, g_strdup (group), GUINT_TO_POINTER (n));
        }
      else
        {
          const char *eq = strchr (line, '=');
          g_autofree char *key = NULL;
          char *k;

          if (eq == NULL)
            return refuse (error, ctx, NULL, NULL, _("line %u: expected “key=value”, a [group] or a # comment"), n);
          if (group == NULL)
            return refuse (error, ctx, NULL, NULL, _("line %u: a key before the first [group]"), n);
          key = g_strstrip (g_strndup (line, (gsize) (eq - line)));
          k = g_strconcat (group, "\x1f", key, NULL);
          if (g_hash_table_contains (ctx->lines, k))
            {
              g_free (k);
              return refuse (error, ctx, NULL, NULL, _("line %u: the key “%s” appears twice in [%s]"), n, key, group);
            }
          g_hash_table_insert (ctx->lines, k, GUINT_TO_POINTER (n));
        }
    }
  return TRUE;
}

static gboolean
check_keys (Ctx *ctx, const char *group, const char *const *allowed, GError **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (ctx->kf, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!g_strv_contains (allowed, keys[i]))
      return refuse (error, ctx, group, keys[i], _("unknown key"));
  return TRUE;
}

/* The trimmed value of a key, NULL when absent; a required key that is absent is refused. */
static char *
get_string (Ctx *ctx, const char *group, const char *key, gboolean required, GError **error)
{
  char *value = coordena_key_file_get_string (ctx->kf, group, key, NULL);

  if (value == NULL)
    {
      if (required)
        refuse (error, ctx, group, NULL, _("the required key “%s” is missing"), key);
      return NULL;
    }
  return g_strstrip (value);
}

static gboolean
get_uint (Ctx *ctx, const char *group, const char *key, gboolean required, guint def,
          guint min, guint max, guint *out, GError **error)
{
  g_autofree char *value = NULL;
  g_autoptr(GError) local = NULL;
  guint64 n;

  value = get_string (ctx, group, key, required, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (value == NULL)
    {
      *out = def;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &n, NULL))
    return refuse (error, ctx, group, key, _("“%s” is not a whole number"), value);
  if (n < min || n > max)
    return refuse (error, ctx, group, key, _("%s is outside %u–%u"), value, min, max);
  *out = (guint) n;
  return TRUE;
}

static gboolean
get_confidence (Ctx *ctx, const char *group, const char *key, gboolean required,
                CoordenaConfidence *out, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *value = get_string (ctx, group, key, required, &local);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (value == NULL)
    *out = COORDENA_CONFIDENCE_U;
  else if (g_str_equal (value, "A"))
    *out = COORDENA_CONFIDENCE_A;
  else if (g_str_equal (value, "S"))
    *out = COORDENA_CONFIDENCE_S;
  else if (g_str_equal (value, "U"))
    *out = COORDENA_CONFIDENCE_U;
  else
    return refuse (error, ctx, group, key, _("unknown confidence “%s”: use A, S or U"), value);
  return TRUE;
}

static gboolean
get_competencia (Ctx *ctx, const char *group, const char *key, gboolean required,
                 CoordenaCompetencia *out, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *value = get_string (ctx, group, key, required, &local);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  *out = 0;
  if (value == NULL || value[0] == '\0')
    {
      if (required)
        return refuse (error, ctx, group, key, _("a competência AAAAMM is required"));
      return TRUE;
    }
  if (!coordena_is_digits (value, 6) || !coordena_competencia_parse (value, out, &local))
    return refuse (error, ctx, group, key, _("“%s” is not a competência AAAAMM"), value);
  return TRUE;
}

/* "MED+ENF" → bits; "" → 0. */
static gboolean
parse_categories (Ctx *ctx, const char *group, const char *key, const char *text,
                  CoordenaCategorySet *out, GError **error)
{
  g_auto(GStrv) parts = g_strsplit (text, "+", -1);

  *out = 0;
  if (text[0] == '\0')
    return TRUE;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (parts[i]));
      CoordenaCategory c = coordena_category_from_string (name);

      if (c == COORDENA_CATEGORY_NONE)
        return refuse (error, ctx, group, key, _("unknown category “%s”: use MED, ENF, TEC or ACS joined by +"), name);
      *out |= COORDENA_CATEGORY_BIT (c);
    }
  return TRUE;
}

static gboolean
load_clause (Ctx *ctx, const char *group, CoordenaClause *c, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *family = NULL;
  g_autofree char *absent = NULL;

  c->id = g_strstrip (g_strdup (group + strlen (CLAUSE_PREFIX)));
  c->line = line_of (ctx, group, NULL);
  if (c->id[0] == '\0')
    return refuse (error, ctx, group, NULL, _("a clause needs a name: [Clause NAME]"));
  if (!check_keys (ctx, group, clause_keys, error))
    return FALSE;

  family = get_string (ctx, group, "family", TRUE, error);
  if (family == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (family, "eSF") == 0)
    c->family = COORDENA_FAMILY_ESF;
  else if (g_ascii_strcasecmp (family, "eAP") == 0)
    c->family = COORDENA_FAMILY_EAP;
  else
    return refuse (error, ctx, group, "family", _("unknown team family “%s”: use eSF or eAP"), family);

  absent = get_string (ctx, group, "absent_all", FALSE, NULL);
  if (!parse_categories (ctx, group, "absent_all", absent != NULL ? absent : "", &c->absent_all, error))
    return FALSE;
  if (c->family == COORDENA_FAMILY_EAP &&
      (c->absent_all & ~(COORDENA_CATEGORY_BIT (COORDENA_CATEGORY_MED) | COORDENA_CATEGORY_BIT (COORDENA_CATEGORY_ENF))))
    return refuse (error, ctx, group, "absent_all", _("an eAP team requires only MED and ENF"));

  if (!get_uint (ctx, group, "min_absent", FALSE, 0, 0, 4, &c->min_absent, error) ||
      !get_uint (ctx, group, "percent", TRUE, 0, 0, 100, &c->percent, error) ||
      !get_uint (ctx, group, "consecutive", TRUE, 1, 1, 120, &c->consecutive, error) ||
      !get_confidence (ctx, group, "confidence", TRUE, &c->confidence, error))
    return FALSE;
  {
    g_autofree char *event = get_string (ctx, group, "event", FALSE, NULL);

    if (event != NULL && event[0] != '\0')
      {
        if (!g_str_equal (event, "sem_producao"))
          return refuse (error, ctx, group, "event", _("unknown event “%s”: use sem_producao"), event);
        if (c->absent_all != 0 || c->min_absent != 0)
          return refuse (error, ctx, group, "event", _("a clause counts either an event or absent categories, not both"));
        c->event = COORDENA_EVENT_SEM_PRODUCAO;
      }
  }
  if (c->event == COORDENA_EVENT_NONE && c->absent_all == 0 && c->min_absent == 0)
    return refuse (error, ctx, group, NULL, _("the clause would apply to every team: give absent_all or a min_absent of at least 1"));

  c->basis = get_string (ctx, group, "basis", TRUE, error);
  return c->basis != NULL;
}

static gboolean
load_base (Ctx *ctx, CoordenaRuleSet *set, GError **error)
{
  static const struct { const char *key; CoordenaTeamType type; } types[] = {
    { "eSF", COORDENA_TEAM_TYPE_ESF }, { "eAP30", COORDENA_TEAM_TYPE_EAP30 }, { "eAP20", COORDENA_TEAM_TYPE_EAP20 },
  };

  if (!g_key_file_has_group (ctx->kf, GROUP_BASE))
    return TRUE;
  if (!check_keys (ctx, GROUP_BASE, base_keys, error) ||
      !get_confidence (ctx, GROUP_BASE, "confidence", FALSE, &set->base_confidence, error))
    return FALSE;

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autofree char *raw = get_string (ctx, GROUP_BASE, types[t].key, FALSE, NULL);
      g_auto(GStrv) values = NULL;
      guint n;

      if (raw == NULL || raw[0] == '\0')
        continue;
      values = g_strsplit (raw, ";", -1);
      n = g_strv_length (values);
      if (n > 1 && values[n - 1][0] == '\0')
        n--;
      if (n != 1 && n != COORDENA_N_STRATA)
        return refuse (error, ctx, GROUP_BASE, types[t].key,
                       _("give one value, or four separated by “;” (IED strata 1 to 4)"));
      for (guint i = 0; i < n; i++)
        {
          gint64 centavos;
          g_autoptr(GError) local = NULL;

          if (!coordena_parse_money (values[i], &centavos, &local) || centavos < 0)
            return refuse (error, ctx, GROUP_BASE, types[t].key, _("“%s” is not an amount in reais"), values[i]);
          set->base_values[types[t].type][n == 1 ? 0 : i + 1] = centavos;
        }
    }
  return TRUE;
}

static int
cmp_clause (const void *a, const void *b)
{
  const CoordenaClause *x = a, *y = b;

  int nx = __builtin_popcount (x->absent_all), ny = __builtin_popcount (y->absent_all);

  /* Highest percent first; among equals the most specific clause names the cause best. */
  if (x->percent != y->percent)
    return x->percent > y->percent ? -1 : 1;
  if (nx != ny)
    return nx > ny ? -1 : 1;
  if (x->min_absent != y->min_absent)
    return x->min_absent > y->min_absent ? -1 : 1;
  return x->line < y->line ? -1 : (x->line > y->line);
}

static gboolean
load_set (Ctx *ctx, CoordenaRuleSet *set, GError **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (ctx->kf, NULL);
  g_autofree char *base = NULL;
  g_autofree char *mode = NULL;
  GArray *clauses;

  for (guint i = 0; groups[i] != NULL; i++)
    if (!g_str_equal (groups[i], GROUP_SET) && !g_str_equal (groups[i], GROUP_BASE) &&
        !g_str_has_prefix (groups[i], CLAUSE_PREFIX))
      return refuse (error, ctx, groups[i], NULL, _("unknown group: use [Rule Set], [Base] or [Clause NAME]"));

  /* Every value once through the guarded readers: GLib 2.74 mishandles some bad escapes, and the
   * user must learn which key holds one. Later reads of the same values are then safe. */
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (ctx->kf, groups[i], NULL, NULL);

      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        {
          g_autoptr(GError) bad = NULL;

          if (g_str_equal (keys[k], "open_questions"))
            g_strfreev (coordena_key_file_get_string_list (ctx->kf, groups[i], keys[k], NULL, &bad));
          else
            g_free (coordena_key_file_get_string (ctx->kf, groups[i], keys[k], &bad));
          if (bad != NULL)
            return refuse (error, ctx, groups[i], keys[k], "%s", bad->message);
        }
    }

  if (!g_key_file_has_group (ctx->kf, GROUP_SET))
    return refuse (error, ctx, NULL, NULL, _("the group [Rule Set] is missing"));
  if (!check_keys (ctx, GROUP_SET, set_keys, error))
    return FALSE;

  if ((set->id = get_string (ctx, GROUP_SET, "id", TRUE, error)) == NULL ||
      (set->title = get_string (ctx, GROUP_SET, "title", TRUE, error)) == NULL ||
      (set->act = get_string (ctx, GROUP_SET, "act", TRUE, error)) == NULL)
    return FALSE;
  for (const char *p = set->id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return refuse (error, ctx, GROUP_SET, "id", _("“%s”: use lower-case letters, digits and “-” only"), set->id);
  if (set->id[0] == '\0')
    return refuse (error, ctx, GROUP_SET, "id", _("the id is empty"));

  if (!get_competencia (ctx, GROUP_SET, "valid_from", TRUE, &set->valid_from, error) ||
      !get_competencia (ctx, GROUP_SET, "valid_to", FALSE, &set->valid_to, error))
    return FALSE;
  if (set->valid_to != 0 && set->valid_to < set->valid_from)
    return refuse (error, ctx, GROUP_SET, "valid_to", _("the validity ends before it starts"));

  if ((base = get_string (ctx, GROUP_SET, "base", TRUE, error)) == NULL)
    return FALSE;
  if (g_str_equal (base, "capitacao"))
    set->base = COORDENA_BASE_CAPITACAO;
  else if (g_str_equal (base, "fixo"))
    set->base = COORDENA_BASE_FIXO;
  else if (g_str_equal (base, "equidade"))
    set->base = COORDENA_BASE_EQUIDADE;
  else
    return refuse (error, ctx, GROUP_SET, "base", _("unknown base “%s”: use capitacao, fixo or equidade"), base);

  if (!get_uint (ctx, GROUP_SET, "max_total_hours", FALSE, 60, 1, 168, &set->max_total_hours, error) ||
      !get_confidence (ctx, GROUP_SET, "max_total_hours_confidence", FALSE, &set->max_total_hours_confidence, error) ||
      !get_uint (ctx, GROUP_SET, "provimento_repasse", FALSE, 0, 0, 100, &set->provimento_repasse, error) ||
      !get_confidence (ctx, GROUP_SET, "provimento_confidence", FALSE, &set->provimento_confidence, error) ||
      !get_uint (ctx, GROUP_SET, "revoke_after", FALSE, 0, 0, 120, &set->revoke_after, error) ||
      !get_confidence (ctx, GROUP_SET, "revoke_confidence", FALSE, &set->revoke_confidence, error) ||
      !get_uint (ctx, GROUP_SET, "esf_min_hours", FALSE, 40, 1, 168, &set->esf_min_hours, error) ||
      !get_confidence (ctx, GROUP_SET, "esf_min_hours_confidence", FALSE, &set->esf_min_hours_confidence, error) ||
      !get_uint (ctx, GROUP_SET, "eap20_min_hours", FALSE, 20, 1, 168, &set->eap20_min_hours, error) ||
      !get_uint (ctx, GROUP_SET, "eap30_min_hours", FALSE, 30, 1, 168, &set->eap30_min_hours, error) ||
      !get_confidence (ctx, GROUP_SET, "eap_min_hours_confidence", FALSE, &set->eap_min_hours_confidence, error) ||
      !get_uint (ctx, GROUP_SET, "sem_registro_percent", FALSE, 0, 0, 100, &set->sem_registro_percent, error) ||
      !get_confidence (ctx, GROUP_SET, "sem_registro_confidence", FALSE, &set->sem_registro.confidence, error))
    return FALSE;
  set->max_total_hours_basis = get_string (ctx, GROUP_SET, "max_total_hours_basis", FALSE, NULL);
  set->provimento_basis = get_string (ctx, GROUP_SET, "provimento_basis", FALSE, NULL);
  set->revoke_basis = get_string (ctx, GROUP_SET, "revoke_basis", FALSE, NULL);
  set->esf_min_hours_basis = get_string (ctx, GROUP_SET, "esf_min_hours_basis", FALSE, NULL);
  set->eap_min_hours_basis = get_string (ctx, GROUP_SET, "eap_min_hours_basis", FALSE, NULL);
  set->base_basis = get_string (ctx, GROUP_BASE, "basis", FALSE, NULL);
  set->sem_registro = (CoordenaClause) {
    .id = g_strdup ("sem-registro"),
    .percent = set->sem_registro_percent,
    .consecutive = 1,
    .basis = get_string (ctx, GROUP_SET, "sem_registro_basis", FALSE, NULL),
    .confidence = set->sem_registro.confidence,
    .line = line_of (ctx, GROUP_SET, "sem_registro_percent"),
  };
  if (set->sem_registro.basis == NULL)
    set->sem_registro.basis = g_strdup ("");
  if (set->sem_registro_percent > 0 && set->sem_registro.basis[0] == '\0')
    return refuse (error, ctx, GROUP_SET, "sem_registro_percent",
                   _("a suspension of a team without registration needs its act: add sem_registro_basis"));

  mode = get_string (ctx, GROUP_SET, "provimento_mode", FALSE, NULL);
  if (mode == NULL || g_str_equal (mode, "garantia_minima"))
    set->provimento_mode = COORDENA_PROVIMENTO_GARANTIA_MINIMA;
  else if (g_str_equal (mode, "adicional"))
    set->provimento_mode = COORDENA_PROVIMENTO_ADICIONAL;
  else
    return refuse (error, ctx, GROUP_SET, "provimento_mode", _("unknown mode “%s”: use garantia_minima or adicional"), mode);

  set->open_questions = coordena_key_file_get_string_list (ctx->kf, GROUP_SET, "open_questions", NULL, NULL);
  if (set->open_questions == NULL)
    set->open_questions = g_new0 (char *, 1);
  else
    {
      /* Drop the empty entry a trailing ";" leaves. */
      guint w = 0;
      for (guint r = 0; set->open_questions[r] != NULL; r++)
        {
          g_strstrip (set->open_questions[r]);
          if (set->open_questions[r][0] == '\0')
            g_free (set->open_questions[r]);
          else
            set->open_questions[w++] = set->open_questions[r];
        }
      set->open_questions[w] = NULL;
    }

  for (guint t = 0; t < 4; t++)
    for (guint s = 0; s <= COORDENA_N_STRATA; s++)
      set->base_values[t][s] = COORDENA_BASE_UNKNOWN;
  set->base_confidence = COORDENA_CONFIDENCE_U;
  if (!load_base (ctx, set, error))
    return FALSE;

  clauses = g_array_new (FALSE, TRUE, sizeof (CoordenaClause));
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], CLAUSE_PREFIX))
      {
        CoordenaClause c = { 0 };
        gboolean ok = load_clause (ctx, groups[i], &c, error);

        for (guint j = 0; ok && j < clauses->len; j++)
          if (g_str_equal (g_array_index (clauses, CoordenaClause, j).id, c.id))
            ok = refuse (error, ctx, groups[i], NULL, _("two clauses are named “%s”"), c.id);
        g_array_append_val (clauses, c);
        if (!ok)
          {
            set->n_clauses = clauses->len;
            set->clauses = (CoordenaClause *) (void *) g_array_free (clauses, FALSE);
            return FALSE;
          }
      }
  g_array_sort (clauses, cmp_clause);
  set->n_clauses = clauses->len;
  set->clauses = (CoordenaClause *) (void *) g_array_free (clauses, FALSE);
  return TRUE;
}

CoordenaRuleSet *
coordena_rule_set_load_file (const char *path, GError **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;
  g_autoptr(GError) local = NULL;
  g_autoptr(CoordenaRuleSet) set = g_new0 (CoordenaRuleSet, 1);
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Ctx ctx = { path, kf, lines };

  set->path = g_strdup (path);
  if (!g_file_get_contents (path, &text, &length, &local))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("Cannot read “%s”: %s"), path, local->message);
      return NULL;
    }
  if (!g_utf8_validate_len (text, length, NULL) || memchr (text, '\0', length) != NULL)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("%s: the file is not UTF-8 text"), path);
      return NULL;
    }
  if (!index_lines (&ctx, text, error))
    return NULL;
  if (!g_key_file_load_from_data (kf, text, length, G_KEY_FILE_NONE, &local))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, "%s: %s", path, local->message);
      return NULL;
    }
  if (!load_set (&ctx, set, error))
    return NULL;
  return g_steal_pointer (&set);
}

void
coordena_rule_set_free (CoordenaRuleSet *set)
{
  if (set == NULL)
    return;
  for (guint i = 0; i < set->n_clauses; i++)
    {
      g_free (set->clauses[i].id);
      g_free (set->clauses[i].basis);
    }
  g_free (set->clauses);
  g_free (set->sem_registro.id);
  g_free (set->sem_registro.basis);
  g_free (set->max_total_hours_basis);
  g_free (set->provimento_basis);
  g_free (set->revoke_basis);
  g_free (set->base_basis);
  g_free (set->esf_min_hours_basis);
  g_free (set->eap_min_hours_basis);
  g_strfreev (set->open_questions);
  g_free (set->id);
  g_free (set->title);
  g_free (set->act);
  g_free (set->path);
  g_free (set);
}

void
coordena_rule_set_presence_rule (const CoordenaRuleSet *set, CoordenaPresenceRule *rule)
{
  static const CoordenaPresenceRule defaults = COORDENA_PRESENCE_RULE_INIT;

  *rule = defaults;
  if (set == NULL)
    return;
  rule->max_total_hours = set->max_total_hours;
  rule->esf_min_hours = set->esf_min_hours;
  rule->eap20_min_hours = set->eap20_min_hours;
  rule->eap30_min_hours = set->eap30_min_hours;
}

const char *
coordena_confidence_legend (void)
{
  return _("[A] read in the act itself; [S] from a secondary source that copies the act (news, COSEMS); [U] unverified, a default to confirm.");
}

gboolean
coordena_rule_set_covers (const CoordenaRuleSet *set, CoordenaCompetencia c)
{
  return c >= set->valid_from && (set->valid_to == 0 || c <= set->valid_to);
}

gint64
coordena_rule_set_default_base (const CoordenaRuleSet *set, CoordenaTeamType type, guint stratum)
{
  if (type == COORDENA_TEAM_TYPE_OTHER || type > COORDENA_TEAM_TYPE_EAP30)
    return COORDENA_BASE_UNKNOWN;
  if (set->base_values[type][0] != COORDENA_BASE_UNKNOWN)
    return set->base_values[type][0];
  if (stratum >= 1 && stratum <= COORDENA_N_STRATA)
    return set->base_values[type][stratum];
  return COORDENA_BASE_UNKNOWN;
}

const char *
coordena_base_kind_to_string (CoordenaBaseKind kind)
{
  switch (kind)
    {
    case COORDENA_BASE_CAPITACAO:
      return "capitação ponderada";
    case COORDENA_BASE_FIXO:
      return "componente fixo";
    case COORDENA_BASE_EQUIDADE:
    default:
      return "componente de equidade";
    }
}

const char *
coordena_confidence_to_string (CoordenaConfidence confidence)
{
  static const char *const names[] = { "A", "S", "U" };
  return names[confidence <= COORDENA_CONFIDENCE_U ? confidence : COORDENA_CONFIDENCE_U];
}

const char *
coordena_family_to_string (CoordenaFamily family)
{
  return family == COORDENA_FAMILY_ESF ? "eSF" : "eAP";
}

/* ---- catalogue --------------------------------------------------------------------------------- */

struct _CoordenaRuleCatalog {
  GPtrArray *sets; /* CoordenaRuleSet*, sorted by valid_from */
};

void
coordena_rule_catalog_free (CoordenaRuleCatalog *catalog)
{
  if (catalog == NULL)
    return;
  g_ptr_array_unref (catalog->sets);
  g_free (catalog);
}

static int
cmp_set (gconstpointer a, gconstpointer b)
{
  const CoordenaRuleSet *x = *(CoordenaRuleSet *const *) a;
  const CoordenaRuleSet *y = *(CoordenaRuleSet *const *) b;

  return x->valid_from < y->valid_from ? -1 : (x->valid_from > y->valid_from);
}

static int
cmp_name (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Loads every *.ruleset of a directory in name order; replaces sets with the same id. */
static gboolean
load_dir (GPtrArray *sets, const char *dir, gboolean user, GError **error)
{
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *name;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      if (user)
        return TRUE;
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("The rule sets directory “%s” does not exist"),
                   dir != NULL ? dir : "");
      return FALSE;
    }
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".ruleset"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, cmp_name);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      CoordenaRuleSet *set = coordena_rule_set_load_file (path, error);
      CoordenaRuleSet *other;

      if (set == NULL)
        return FALSE;
      set->user_file = user;
      if ((other = g_hash_table_lookup (seen, set->id)) != NULL)
        {
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, _("%s: the id “%s” is already used by %s"),
                       path, set->id, other->path);
          coordena_rule_set_free (set);
          return FALSE;
        }
      g_hash_table_insert (seen, set->id, set);
      for (guint k = 0; k < sets->len; k++)
        if (g_str_equal (((CoordenaRuleSet *) sets->pdata[k])->id, set->id))
          {
            g_ptr_array_remove_index (sets, k);
            break;
          }
      g_ptr_array_add (sets, set);
    }
  return TRUE;
}

CoordenaRuleCatalog *
coordena_rule_catalog_load_dirs (const char *shipped_dir, const char *user_dir, GError **error)
{
  g_autoptr(CoordenaRuleCatalog) catalog = g_new0 (CoordenaRuleCatalog, 1);

  catalog->sets = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_rule_set_free);
  if (!load_dir (catalog->sets, shipped_dir, FALSE, error) || !load_dir (catalog->sets, user_dir, TRUE, error))
    return NULL;
  g_ptr_array_sort (catalog->sets, cmp_set);

  for (guint i = 1; i < catalog->sets->len; i++)
    {
      const CoordenaRuleSet *a = catalog->sets->pdata[i - 1];
      const CoordenaRuleSet *b = catalog->sets->pdata[i];

      if (a->valid_to == 0 || a->valid_to >= b->valid_from)
        {
          g_autofree char *when = coordena_competencia_format (b->valid_from);
          g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                       _("The rule sets “%s” (%s) and “%s” (%s) overlap: both cover %s"),
                       a->id, a->path, b->id, b->path, when);
          return NULL;
        }
    }
  return g_steal_pointer (&catalog);
}

/* The window's choice: a broken file of the user's falls back to the shipped sets, and the
 * problem is kept for the window to show; the command line refuses instead. */
static gboolean fallback_enabled;
static GMutex problem_lock;
static char *user_problem;

void
coordena_rule_catalog_set_fallback (gboolean enabled)
{
  fallback_enabled = enabled;
}

char *
coordena_rule_catalog_dup_user_problem (void)
{
  char *copy;

  g_mutex_lock (&problem_lock);
  copy = g_strdup (user_problem);
  g_mutex_unlock (&problem_lock);
  return copy;
}

static void
set_user_problem (const char *message)
{
  g_mutex_lock (&problem_lock);
  g_free (user_problem);
  user_problem = g_strdup (message);
  g_mutex_unlock (&problem_lock);
}

CoordenaRuleCatalog *
coordena_rule_catalog_load (GError **error)
{
  g_autofree char *shipped = g_build_filename (coordena_datadir (), "rules", NULL);
  g_autofree char *user_base = coordena_user_datadir ();
  g_autofree char *user = g_build_filename (user_base, "rules", NULL);
  g_autoptr(GError) local = NULL;
  CoordenaRuleCatalog *catalog = coordena_rule_catalog_load_dirs (shipped, user, &local);

  if (catalog != NULL)
    {
      set_user_problem (NULL);
      return catalog;
    }
  if (fallback_enabled && (catalog = coordena_rule_catalog_load_dirs (shipped, NULL, NULL)) != NULL)
    {
      /* The shipped sets load alone: the user's files are what is wrong. */
      set_user_problem (local->message);
      return catalog;
    }
  g_propagate_error (error, g_steal_pointer (&local));
  return NULL;
}

guint
coordena_rule_catalog_get_n_sets (const CoordenaRuleCatalog *catalog)
{
  return catalog->sets->len;
}

const CoordenaRuleSet *
coordena_rule_catalog_get_set (const CoordenaRuleCatalog *catalog, guint i)
{
  g_return_val_if_fail (i < catalog->sets->len, NULL);
  return catalog->sets->pdata[i];
}

const CoordenaRuleSet *
coordena_rule_catalog_find (const CoordenaRuleCatalog *catalog, const char *id)
{
  for (guint i = 0; id != NULL && i < catalog->sets->len; i++)
    if (g_str_equal (((CoordenaRuleSet *) catalog->sets->pdata[i])->id, id))
      return catalog->sets->pdata[i];
  return NULL;
}

const CoordenaRuleSet *
coordena_rule_catalog_in_force (const CoordenaRuleCatalog *catalog, CoordenaCompetencia c)
{
  for (guint i = 0; i < catalog->sets->len; i++)
    if (coordena_rule_set_covers (catalog->sets->pdata[i], c))
      return catalog->sets->pdata[i];
  return NULL;
}

/* ---- CBO map ----------------------------------------------------------------------------------- */

struct _CoordenaCboMap {
  GHashTable *map; /* cbo → category + 1 */
};

typedef struct {
  CoordenaCboMap *map;
  int c_cbo, c_cat;
} CboLoad;

static gboolean
on_cbo_row (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, gpointer data, GError **error)
{
  CboLoad *s = data;
  g_autofree char *cbo = g_strstrip (g_strdup (coordena_csv_record_get (reader, record, s->c_cbo)));
  const char *name = coordena_csv_record_get (reader, record, s->c_cat);
  CoordenaCategory cat = coordena_category_from_string (name);

  if (strlen (cbo) != 6)
    {
      coordena_csv_set_error (error, reader, record, s->c_cbo, _("“%s” is not a 6-character CBO code"), cbo);
      return FALSE;
    }
  if (cat == COORDENA_CATEGORY_NONE)
    {
      coordena_csv_set_error (error, reader, record, s->c_cat, _("unknown category “%s”: use MED, ENF, TEC or ACS"), name);
      return FALSE;
    }
  g_hash_table_insert (s->map->map, g_steal_pointer (&cbo), GINT_TO_POINTER (cat + 1));
  return TRUE;
}

CoordenaCboMap *
coordena_cbo_map_load_file (const char *path, GError **error)
{
  g_autoptr(CoordenaCboMap) map = g_new0 (CoordenaCboMap, 1);
  CboLoad s = { map, 0, 0 };
  g_autoptr(CoordenaCsvReader) reader = coordena_csv_reader_new (path, NULL, on_cbo_row, &s);

  map->map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s.c_cbo = coordena_csv_reader_add_column (reader, "cbo", TRUE);
  s.c_cat = coordena_csv_reader_add_column (reader, "categoria", TRUE);
  if (!coordena_csv_reader_read_file (reader, path, error))
    return NULL;
  return g_steal_pointer (&map);
}

CoordenaCboMap *
coordena_cbo_map_load (GError **error)
{
  g_autofree char *user_base = coordena_user_datadir ();
  g_autofree char *user = g_build_filename (user_base, "rules", "cbo-categorias.csv", NULL);
  g_autofree char *shipped = g_build_filename (coordena_datadir (), "rules", "cbo-categorias.csv", NULL);

  return coordena_cbo_map_load_file (g_file_test (user, G_FILE_TEST_EXISTS) ? user : shipped, error);
}

void
coordena_cbo_map_free (CoordenaCboMap *map)
{
  if (map == NULL)
    return;
  g_clear_pointer (&map->map, g_hash_table_unref);
  g_free (map);
}

CoordenaCategory
coordena_cbo_map_lookup (const CoordenaCboMap *map, const char *cbo)
{
  char key[8];
  gsize n = 0;

  if (cbo == NULL)
    return COORDENA_CATEGORY_NONE;
  while (*cbo == ' ')
    cbo++;
  while (cbo[n] != '\0' && cbo[n] != ' ' && n < 7)
    n++;
  if (n != 6)
    return COORDENA_CATEGORY_NONE;
  memcpy (key, cbo, 6);
  key[6] = '\0';
  return (CoordenaCategory) (GPOINTER_TO_INT (g_hash_table_lookup (map->map, key)) - 1);
}
