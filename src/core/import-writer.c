/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import-writer.c — writing teams, professionals and memberships; the import report. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/duplicidade.h>
#include <coordena/error.h>
#include <coordena/ids.h>
#include <coordena/format.h>
#include <coordena/import.h>

#include "import-private.h"
#include "store-private.h"

/* How many skipped rows and warnings a report keeps as text; the counts cover all. */
#define REPORT_MAX_LINES 200

struct _CoordenaRosterWriter {
  CoordenaStore *store;
  char *origem;
  sqlite3_stmt *team;
  sqlite3_stmt *team_base;
  sqlite3_stmt *month_upsert;
  sqlite3_stmt *month_flags;
  sqlite3_stmt *month_clear;
  sqlite3_stmt *prof;
  sqlite3_stmt *member;
  GHashTable *prof_ids;     /* cns → id */
  GHashTable *teams;        /* team ids written */
  GHashTable *competencias; /* competências written */
  GHashTable *covered;      /* competências this import replaces whole */
  GHashTable *months;       /* "team_id:competência" written */
  guint n_team_months;
  guint n_members;
};

static gboolean
prepare (CoordenaRosterWriter *w, sqlite3_stmt **stmt, const char *sql, GError **error)
{
  *stmt = coordena_store_prepare (w->store, sql, error);
  return *stmt != NULL;
}

CoordenaRosterWriter *
coordena_roster_writer_new (CoordenaStore *store, const char *origem, GError **error)
{
  g_autoptr(CoordenaRosterWriter) w = g_new0 (CoordenaRosterWriter, 1);

  w->store = store;
  w->origem = g_strdup (origem);
  w->prof_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w->teams = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  w->competencias = g_hash_table_new (g_direct_hash, g_direct_equal);
  w->covered = g_hash_table_new (g_direct_hash, g_direct_equal);
  w->months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!prepare (w, &w->team,
                "INSERT INTO equipe (ine, ibge7, cnes, tp_equipe, subtipo, nome, dt_ativacao, dt_desativacao, demo) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                "ON CONFLICT (ine) DO UPDATE SET ibge7 = excluded.ibge7, cnes = coalesce (excluded.cnes, cnes), "
                "tp_equipe = coalesce (excluded.tp_equipe, tp_equipe), subtipo = coalesce (excluded.subtipo, subtipo), "
                "nome = coalesce (excluded.nome, nome), dt_ativacao = coalesce (excluded.dt_ativacao, dt_ativacao), "
                "dt_desativacao = excluded.dt_desativacao, demo = excluded.demo "
                "RETURNING id", error)
      || !prepare (w, &w->team_base, "UPDATE equipe SET valor_base = ?2 WHERE id = ?1", error)
      || !prepare (w, &w->month_upsert,
                   "INSERT INTO equipe_competencia (equipe_id, competencia, tipo, origem) VALUES (?1, ?2, ?3, ?4) "
                   "ON CONFLICT (equipe_id, competencia) DO UPDATE SET tipo = excluded.tipo, origem = excluded.origem",
                   error)
      || !prepare (w, &w->month_flags,
                   "UPDATE equipe_competencia SET provimento = ?3 WHERE equipe_id = ?1 AND competencia = ?2", error)
      || !prepare (w, &w->month_clear, "DELETE FROM vinculo WHERE equipe_id = ?1 AND competencia = ?2", error)
      || !prepare (w, &w->prof,
                   "INSERT INTO profissional (cns, nome) VALUES (?1, ?2) "
                   "ON CONFLICT (cns) DO UPDATE SET nome = coalesce (excluded.nome, nome) RETURNING id", error)
      || !prepare (w, &w->member,
                   "INSERT INTO vinculo (equipe_id, competencia, profissional_id, cbo, horas) "
                   "VALUES (?1, ?2, ?3, ?4, ?5) "
                   "ON CONFLICT (equipe_id, competencia, profissional_id, cbo) "
                   "DO UPDATE SET horas = max (horas, excluded.horas)", error))
    return NULL;
  return g_steal_pointer (&w);
}

void
coordena_roster_writer_free (CoordenaRosterWriter *w)
{
  if (w == NULL)
    return;
  sqlite3_finalize (w->team);
  sqlite3_finalize (w->team_base);
  sqlite3_finalize (w->month_upsert);
  sqlite3_finalize (w->month_flags);
  sqlite3_finalize (w->month_clear);
  sqlite3_finalize (w->prof);
  sqlite3_finalize (w->member);
  g_hash_table_unref (w->prof_ids);
  g_hash_table_unref (w->teams);
  g_hash_table_unref (w->competencias);
  g_hash_table_unref (w->covered);
  g_hash_table_unref (w->months);
  g_free (w->origem);
  g_free (w);
}

/* Steps a RETURNING statement: the id, or 0 with the error. */
static gint64
step_returning_id (CoordenaRosterWriter *w, sqlite3_stmt *stmt, GError **error)
{
  gint64 id = 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (id == 0 || sqlite3_step (stmt) != SQLITE_DONE)
    {
      coordena_store_set_error (w->store, error, _("writing the roster"));
      id = 0;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return id;
}

gint64
coordena_roster_writer_team (CoordenaRosterWriter *w, const CoordenaWriterTeam *t, GError **error)
{
  gint64 id;

  coordena_store_bind_text (w->team, 1, t->ine);
  coordena_store_bind_text (w->team, 2, t->ibge7);
  coordena_store_bind_text (w->team, 3, t->cnes);
  coordena_store_bind_text (w->team, 4, t->tp_equipe);
  coordena_store_bind_text (w->team, 5, t->subtipo);
  coordena_store_bind_text (w->team, 6, t->nome);
  coordena_store_bind_text (w->team, 7, t->dt_ativacao);
  coordena_store_bind_text (w->team, 8, t->dt_desativacao);
  sqlite3_bind_int (w->team, 9, t->demo ? 1 : 0);
  id = step_returning_id (w, w->team, error);
  if (id != 0 && !g_hash_table_contains (w->teams, &id))
    g_hash_table_add (w->teams, g_memdup2 (&id, sizeof id));
  return id;
}

gboolean
coordena_roster_writer_team_base (CoordenaRosterWriter *w, gint64 team_id, gint64 centavos, GError **error)
{
  sqlite3_bind_int64 (w->team_base, 1, team_id);
  if (centavos == COORDENA_BASE_UNKNOWN)
    sqlite3_bind_null (w->team_base, 2);
  else
    sqlite3_bind_int64 (w->team_base, 2, centavos);
  return coordena_store_step_done (w->store, w->team_base, error);
}

gboolean
coordena_roster_writer_team_month (CoordenaRosterWriter *w,
                                   gint64                team_id,
                                   CoordenaCompetencia   competencia,
                                   CoordenaTeamType      type,
                                   int                   flags,
                                   GError              **error)
{
  sqlite3_bind_int64 (w->month_upsert, 1, team_id);
  sqlite3_bind_int (w->month_upsert, 2, (int) competencia);
  coordena_store_bind_text (w->month_upsert, 3, coordena_store_type_to_db (type));
  coordena_store_bind_text (w->month_upsert, 4, w->origem);
  if (!coordena_store_step_done (w->store, w->month_upsert, error))
    return FALSE;
  if (flags >= 0)
    {
      sqlite3_bind_int64 (w->month_flags, 1, team_id);
      sqlite3_bind_int (w->month_flags, 2, (int) competencia);
      sqlite3_bind_int (w->month_flags, 3, (flags & COORDENA_TEAM_FLAG_PROVIMENTO) ? 1 : 0);
      if (!coordena_store_step_done (w->store, w->month_flags, error))
        return FALSE;
    }
  sqlite3_bind_int64 (w->month_clear, 1, team_id);
  sqlite3_bind_int (w->month_clear, 2, (int) competencia);
  if (!coordena_store_step_done (w->store, w->month_clear, error))
    return FALSE;
  g_hash_table_add (w->competencias, GUINT_TO_POINTER (competencia));
  g_hash_table_add (w->months, g_strdup_printf ("%" G_GINT64_FORMAT ":%u", team_id, competencia));
  w->n_team_months++;
  return TRUE;
}

void
coordena_roster_writer_cover (CoordenaRosterWriter *w, CoordenaCompetencia competencia)
{
  g_hash_table_add (w->covered, GUINT_TO_POINTER (competencia));
}

/* Removes from one competência every team-month the import did not write, with its members. */
static gboolean
remove_stale_months (CoordenaRosterWriter *w, CoordenaCompetencia c, CoordenaImportReport *report, GError **error)
{
  sqlite3_stmt *list = NULL, *drop = NULL;
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok = FALSE;
  int rc;

  list = coordena_store_prepare (w->store, "SELECT equipe_id FROM equipe_competencia WHERE competencia = ?1", error);
  drop = list == NULL ? NULL
    : coordena_store_prepare (w->store, "DELETE FROM equipe_competencia WHERE equipe_id = ?1 AND competencia = ?2",
                              error);
  if (drop == NULL)
    goto out;
  sqlite3_bind_int (list, 1, (int) c);
  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (list, 0);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%u", id, c);

      if (!g_hash_table_contains (w->months, key))
        g_array_append_val (stale, id);
    }
  if (rc != SQLITE_DONE)
    {
      coordena_store_set_error (w->store, error, _("writing the roster"));
      goto out;
    }
  for (guint i = 0; i < stale->len; i++)
    {
      /* The members go with the month (ON DELETE CASCADE). */
      sqlite3_bind_int64 (drop, 1, g_array_index (stale, gint64, i));
      sqlite3_bind_int (drop, 2, (int) c);
      if (!coordena_store_step_done (w->store, drop, error))
        goto out;
    }
  if (stale->len > 0 && report != NULL)
    {
      g_autofree char *when = coordena_competencia_format (c);

      coordena_import_report_note (report,
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Removed from %s: %u team the new file no longer has in it",
                                      "Removed from %s: %u teams the new file no longer has in it", stale->len),
                         when, stale->len));
    }
  ok = TRUE;
out:
  sqlite3_finalize (list);
  sqlite3_finalize (drop);
  return ok;
}

static gint
cmp_pointer_uint (gconstpointer a, gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (a), y = GPOINTER_TO_UINT (b);

  return x < y ? -1 : x > y;
}

gboolean
coordena_roster_writer_finish (CoordenaRosterWriter *w, CoordenaImportReport *report, GError **error)
{
  g_autoptr(GList) covered = g_hash_table_get_keys (w->covered);

  covered = g_list_sort (covered, cmp_pointer_uint);
  for (GList *l = covered; l != NULL; l = l->next)
    if (!remove_stale_months (w, GPOINTER_TO_UINT (l->data), report, error))
      return FALSE;
  /* A team or a person no competência holds any more is not kept: the database is what the
   * imports say, whatever their order. A team a scenario still names stays for it. */
  return coordena_store_exec (w->store,
                              "DELETE FROM equipe WHERE NOT EXISTS (SELECT 1 FROM equipe_competencia ec "
                              "WHERE ec.equipe_id = equipe.id) AND NOT EXISTS (SELECT 1 FROM cenario_mudanca c "
                              "WHERE c.equipe_id = equipe.id)", error)
         && coordena_store_exec (w->store,
                                 "DELETE FROM profissional WHERE NOT EXISTS (SELECT 1 FROM vinculo v "
                                 "WHERE v.profissional_id = profissional.id) AND NOT EXISTS (SELECT 1 FROM "
                                 "cenario_mudanca c WHERE c.cns = profissional.cns)", error);
}

gint64
coordena_roster_writer_professional (CoordenaRosterWriter *w, const char *cns, const char *nome, GError **error)
{
  gint64 *cached = g_hash_table_lookup (w->prof_ids, cns);
  gint64 id;

  /* A name seen later still fills a nameless row: only skip the write when nothing is new. */
  if (cached != NULL && nome == NULL)
    return *cached;
  coordena_store_bind_text (w->prof, 1, cns);
  coordena_store_bind_text (w->prof, 2, nome != NULL && *nome != '\0' ? nome : NULL);
  id = step_returning_id (w, w->prof, error);
  if (id != 0 && cached == NULL)
    g_hash_table_insert (w->prof_ids, g_strdup (cns), g_memdup2 (&id, sizeof id));
  return id;
}

gboolean
coordena_roster_writer_member (CoordenaRosterWriter *w,
                               gint64                team_id,
                               CoordenaCompetencia   competencia,
                               gint64                professional_id,
                               const char           *cbo,
                               guint                 hours,
                               GError              **error)
{
  sqlite3_bind_int64 (w->member, 1, team_id);
  sqlite3_bind_int (w->member, 2, (int) competencia);
  sqlite3_bind_int64 (w->member, 3, professional_id);
  coordena_store_bind_text (w->member, 4, cbo);
  sqlite3_bind_int (w->member, 5, (int) MIN (hours, 168u));
  if (!coordena_store_step_done (w->store, w->member, error))
    return FALSE;
  w->n_members++;
  return TRUE;
}

static int
cmp_competencia (gconstpointer a, gconstpointer b)
{
  CoordenaCompetencia x = *(const CoordenaCompetencia *) a, y = *(const CoordenaCompetencia *) b;

  return x < y ? -1 : x > y;
}

void
coordena_roster_writer_fill_report (CoordenaRosterWriter *w, CoordenaImportReport *report)
{
  GHashTableIter iter;
  gpointer key;

  report->n_teams = g_hash_table_size (w->teams);
  report->n_team_months = w->n_team_months;
  report->n_members = w->n_members;
  report->n_professionals = g_hash_table_size (w->prof_ids);
  g_array_set_size (report->competencias, 0);
  g_hash_table_iter_init (&iter, w->competencias);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      CoordenaCompetencia c = GPOINTER_TO_UINT (key);

      g_array_append_val (report->competencias, c);
    }
  g_array_sort (report->competencias, cmp_competencia);
}

/* ---- Report ---------------------------------------------------------------------------------- */

CoordenaImportReport *
coordena_import_report_new (const char *source)
{
  CoordenaImportReport *r = g_new0 (CoordenaImportReport, 1);

  r->source = g_strdup (source);
  r->competencias = g_array_new (FALSE, FALSE, sizeof (CoordenaCompetencia));
  r->skipped = g_ptr_array_new_with_free_func (g_free);
  r->warnings = g_ptr_array_new_with_free_func (g_free);
  r->notes = g_ptr_array_new_with_free_func (g_free);
  return r;
}

void
coordena_import_report_free (CoordenaImportReport *r)
{
  if (r == NULL)
    return;
  g_free (r->source);
  g_array_unref (r->competencias);
  g_ptr_array_unref (r->skipped);
  g_ptr_array_unref (r->warnings);
  g_ptr_array_unref (r->notes);
  g_free (r);
}

void
coordena_import_report_skip (CoordenaImportReport *r, char *message)
{
  r->n_skipped++;
  if (r->skipped->len < REPORT_MAX_LINES)
    g_ptr_array_add (r->skipped, message);
  else
    g_free (message);
}

void
coordena_import_report_warn (CoordenaImportReport *r, char *message)
{
  r->n_warnings++;
  if (r->warnings->len < REPORT_MAX_LINES)
    g_ptr_array_add (r->warnings, message);
  else
    g_free (message);
}

void
coordena_import_report_note (CoordenaImportReport *r, char *message)
{
  g_ptr_array_add (r->notes, message);
}

static char *
competencias_text (const CoordenaImportReport *r)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < r->competencias->len; i++)
    {
      g_autofree char *c = coordena_competencia_format (g_array_index (r->competencias, CoordenaCompetencia, i));

      g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", c);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
coordena_import_report_to_text (const CoordenaImportReport *r)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *comps = competencias_text (r);
  g_autofree char *elapsed = g_strdup_printf ("%.1f", r->elapsed);

  /* A decimal comma, whatever the locale. */
  for (char *p = elapsed; *p != '\0'; p++)
    if (*p == '.')
      *p = ',';

  g_string_append_printf (s, _("Imported from %s\n"), r->source);
  g_string_append_printf (s, _("Competências: %s\n"), comps[0] != '\0' ? comps : "—");
  g_string_append_printf (s, _("Teams: %u (%u team-competências)\n"), r->n_teams, r->n_team_months);
  g_string_append_printf (s, _("Members: %u (%u professionals)\n"), r->n_members, r->n_professionals);
  for (guint i = 0; i < r->notes->len; i++)
    g_string_append_printf (s, "%s\n", (const char *) r->notes->pdata[i]);
  g_string_append_printf (s, _("Rows skipped: %u\n"), r->n_skipped);
  for (guint i = 0; i < r->skipped->len; i++)
    g_string_append_printf (s, "  %s\n", (const char *) r->skipped->pdata[i]);
  if (r->n_skipped > r->skipped->len)
    g_string_append_printf (s, _("  … and %u more\n"), r->n_skipped - r->skipped->len);
  g_string_append_printf (s, _("Warnings: %u\n"), r->n_warnings);
  for (guint i = 0; i < r->warnings->len; i++)
    g_string_append_printf (s, "  %s\n", (const char *) r->warnings->pdata[i]);
  if (r->n_warnings > r->warnings->len)
    g_string_append_printf (s, _("  … and %u more\n"), r->n_warnings - r->warnings->len);
  g_string_append_printf (s, _("Elapsed time: %s s\n"), elapsed);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

gboolean
coordena_import_report_duplicidades (CoordenaStore *store, CoordenaImportReport *r, GError **error)
{
  guint n = 0;

  for (guint i = 0; i < r->competencias->len; i++)
    {
      CoordenaCompetencia c = g_array_index (r->competencias, CoordenaCompetencia, i);
      g_autoptr(GPtrArray) dups = coordena_store_list_duplicidades (store, c, error);

      if (dups == NULL)
        return FALSE;
      for (guint k = 0; k < dups->len; k++)
        {
          const CoordenaDuplicidade *d = dups->pdata[k];
          g_autofree char *when = coordena_competencia_format (d->competencia);
          g_autofree char *masked = coordena_cns_mask (d->cns);
          g_autofree char *ines = NULL;

          g_ptr_array_add (d->ines, NULL);
          ines = g_strjoinv (", ", (char **) d->ines->pdata);
          g_ptr_array_remove_index (d->ines, d->ines->len - 1);
          coordena_import_report_warn (r, g_strdup_printf (_("duplicidade in %s: CNS %s (%s) is in the eSF %s"), when,
                                                           masked, d->name != NULL ? d->name : "?", ines));
        }
      n += dups->len;
    }
  if (n > 0)
    coordena_import_report_note (r, g_strdup_printf (_("Professionals registered in two eSF in the same competência "
                                                       "(duplicidade): %u"), n));
  return TRUE;
}

gboolean
coordena_import_audit (CoordenaStore *store, const char *action, const CoordenaImportReport *r, GError **error)
{
  g_autoptr(GString) comps = g_string_new ("[");
  g_autofree char *source = coordena_json_string (r->source);
  g_autofree char *after = NULL;

  for (guint i = 0; i < r->competencias->len; i++)
    g_string_append_printf (comps, "%s%u", i > 0 ? ", " : "", g_array_index (r->competencias, CoordenaCompetencia, i));
  g_string_append_c (comps, ']');
  after = g_strdup_printf ("{\"origem\": %s, \"competencias\": %s, \"equipes\": %u, \"vinculos\": %u, "
                           "\"linhas_ignoradas\": %u, \"avisos\": %u}",
                           source, comps->str, r->n_teams, r->n_members, r->n_skipped, r->n_warnings);
  return coordena_store_audit (store, action, r->source, NULL, after, error);
}
