/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import-roster.c — the roster interchange CSV into the store, all or nothing.
 *
 * The file is read by the same reader `evaluate` uses (roster-csv.h), which refuses it whole on any
 * bad row. A second, light pass over the same file with the shared CSV reader finds what the
 * roster does not keep: the line of every row outside the database's state, and the exact type
 * text of teams the rules do not evaluate. Only then does one transaction write. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/csv.h>
#include <coordena/error.h>
#include <coordena/ids.h>
#include <coordena/import.h>
#include <coordena/reference.h>
#include <coordena/roster-csv.h>
#include <coordena/ruleset.h>

#include <coordena/demo.h>

#include "import-private.h"
#include "store-internal.h"

typedef struct {
  const CoordenaReference *ref;
  guint uf_code;
  const char *uf;
  int col_ibge, col_ine, col_tipo, col_demo;
  GHashTable *demo_ines;     /* ine (padded) of rows marked demonstracao = S */
  GHashTable *ines;          /* every ine (padded) the file names */
  GPtrArray *outside;        /* messages, the first MAX_LISTED */
  guint n_outside;
  GHashTable *raw_types;     /* ine (as written, padded) → type text of teams not evaluated */
} SidePass;

/* A demonstration roster whose demonstracao column was removed still has the generated codes: when
 * nearly all of the file's teams (and at least three) are teams the demonstration generates for
 * this state, it is refused as the marked one is. Real codes coincide with a generated one only by
 * chance, one team in many thousands. */
static gboolean
refuse_unmarked_demo (const char *path, GHashTable *ines, guint uf_code, GError **error)
{
  g_autoptr(GHashTable) generated = NULL;
  GHashTableIter iter;
  gpointer key;
  guint total = g_hash_table_size (ines), matched = 0;

  if (total < 3)
    return TRUE;
  generated = coordena_demo_team_codes (uf_code);
  g_hash_table_iter_init (&iter, ines);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (generated, key))
      matched++;
  if (matched < 3 || (guint64) matched * 10 < (guint64) total * 9)
    return TRUE;
  g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
               _("%s comes from a demonstration: %u of its %u teams have the codes (INE) of the generated "
                 "demonstration roster, though the file has no demonstracao column. Nothing was imported; the "
                 "database is as it was. Import the roster exported from a real database, or the CNES base."),
               path, matched, total);
  return FALSE;
}

static gboolean
on_side_row (CoordenaCsvReader *reader, const CoordenaCsvRecord *record, gpointer data, GError **error)
{
  SidePass *sp = data;
  const char *ibge = coordena_csv_record_get (reader, record, sp->col_ibge);
  const CoordenaMunicipio *m = coordena_reference_find_municipio (sp->ref, ibge);
  const char *tipo = coordena_csv_record_get (reader, record, sp->col_tipo);

  if (m != NULL && m->codigo_uf != sp->uf_code)
    {
      sp->n_outside++;
      if (sp->outside->len < COORDENA_ROSTER_CSV_MAX_LISTED)
        g_ptr_array_add (sp->outside,
                         coordena_csv_format_message (reader, record, sp->col_ibge,
                                                      _("municipality %s (%s, %s) is outside %s, the database's state"),
                                                      ibge, m->nome, m->uf, sp->uf));
    }
  {
    const char *ine = coordena_csv_record_get (reader, record, sp->col_ine);
    gsize n = strlen (ine);

    if (n > 0 && n <= 10 && coordena_is_digits (ine, n) && g_hash_table_size (sp->ines) < G_MAXUINT / 2)
      {
        char padded[11];

        memset (padded, '0', 10 - n);
        memcpy (padded + 10 - n, ine, n + 1);
        if (!g_hash_table_contains (sp->ines, padded))
          g_hash_table_add (sp->ines, g_strdup (padded));
      }
  }
  if (g_ascii_strcasecmp (coordena_csv_record_get (reader, record, sp->col_demo), "S") == 0)
    {
      const char *ine = coordena_csv_record_get (reader, record, sp->col_ine);
      gsize n = strlen (ine);

      if (n > 0 && n <= 10 && coordena_is_digits (ine, n))
        {
          char padded[11];

          memset (padded, '0', 10 - n);
          memcpy (padded + 10 - n, ine, n + 1);
          g_hash_table_add (sp->demo_ines, g_strdup (padded));
        }
    }
  /* The roster keeps "not evaluated"; the store keeps which type it was (esb, 71…). */
  if (g_ascii_strcasecmp (tipo, "eSF") != 0 && g_ascii_strcasecmp (tipo, "eAP20") != 0
      && g_ascii_strcasecmp (tipo, "eAP30") != 0 && !g_str_equal (tipo, "70"))
    {
      const char *ine = coordena_csv_record_get (reader, record, sp->col_ine);
      gsize n = strlen (ine);

      if (n > 0 && n <= 10 && coordena_is_digits (ine, n))
        {
          char padded[11];

          memset (padded, '0', 10 - n);
          memcpy (padded + 10 - n, ine, n + 1);
          if (!g_hash_table_contains (sp->raw_types, padded))
            g_hash_table_insert (sp->raw_types, g_strdup (padded), g_ascii_strdown (tipo, -1));
        }
    }
  return TRUE;
}

static gboolean
cancelled (GCancellable *cancellable, GError **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Import cancelled; nothing was changed."));
  return TRUE;
}

static const char *
tp_equipe_for (CoordenaTeamType type, GHashTable *raw_types, const char *ine)
{
  switch (type)
    {
    case COORDENA_TEAM_TYPE_ESF:
      return "70";
    case COORDENA_TEAM_TYPE_EAP20:
    case COORDENA_TEAM_TYPE_EAP30:
      return "76";
    case COORDENA_TEAM_TYPE_OTHER:
    default:
      return g_hash_table_lookup (raw_types, ine);
    }
}

CoordenaImportReport *
coordena_import_roster_csv (CoordenaStore             *store,
                            const char                *path,
                            CoordenaImportProgressFunc progress,
                            gpointer                   user_data,
                            GCancellable              *cancellable,
                            GError                   **error)
{
  g_autoptr(CoordenaImportReport) report = coordena_import_report_new (path);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(CoordenaCboMap) map = NULL;
  g_autoptr(CoordenaRoster) roster = NULL;
  g_autoptr(CoordenaCsvReader) side = NULL;
  g_autoptr(CoordenaRosterWriter) writer = NULL;
  g_autoptr(GPtrArray) outside = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) raw_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) demo_ines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) warned_cbo = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) strata_done = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(CoordenaRosterCsvReport) csv_report = { 0 };
  g_autofree char *uf = NULL;
  g_autofree gint64 *prof_ids = NULL;
  const CoordenaReference *ref;
  const CoordenaRosterTeam *teams;
  const CoordenaRosterProfessional *profs;
  CoordenaRosterCsvOptions options = { 0 };
  SidePass sp = { 0 };
  guint n_teams;

  uf = coordena_store_require_uf (store, error);
  if (uf == NULL || (ref = coordena_reference_get (error)) == NULL || (map = coordena_cbo_map_load (error)) == NULL)
    return NULL;

  if (progress != NULL)
    progress (-1, _("Reading the roster"), user_data);
  options.cbo_map = map;
  options.reference = ref;
  roster = coordena_roster_csv_read (path, &options, &csv_report, error);
  if (roster == NULL)
    {
      g_prefix_error (error, _("Nothing was imported; the database is as it was.\n"));
      return NULL;
    }

  sp.ref = ref;
  sp.uf = uf;
  sp.uf_code = coordena_store_get_uf_code (store);
  sp.outside = outside;
  sp.raw_types = raw_types;
  sp.demo_ines = demo_ines;
  sp.ines = ines;
  side = coordena_csv_reader_new (path, NULL, on_side_row, &sp);
  sp.col_ibge = coordena_csv_reader_add_column (side, "ibge", TRUE);
  sp.col_ine = coordena_csv_reader_add_column (side, "ine", TRUE);
  sp.col_tipo = coordena_csv_reader_add_column (side, "tipo_equipe", TRUE);
  sp.col_demo = coordena_csv_reader_add_column (side, "demonstracao", FALSE);
  if (!coordena_csv_reader_read_file (side, path, error))
    return NULL;
  if (sp.n_outside > 0)
    {
      g_autoptr(GString) msg = g_string_new (NULL);

      for (guint i = 0; i < outside->len; i++)
        g_string_append_printf (msg, "%s\n", (const char *) outside->pdata[i]);
      if (sp.n_outside > outside->len)
        g_string_append_printf (msg, _("… and %u more\n"), sp.n_outside - outside->len);
      g_string_append_printf (msg, g_dngettext (GETTEXT_PACKAGE,
                                                "%s: %u row of another state refused; nothing was imported",
                                                "%s: %u rows of another state refused; nothing was imported",
                                                sp.n_outside),
                              path, sp.n_outside);
      g_set_error_literal (error, COORDENA_ERROR, COORDENA_ERROR_INPUT, msg->str);
      return NULL;
    }
  /* Generated teams exported from a demonstration must not land beside real ones. */
  if (g_hash_table_size (demo_ines) > 0 && !coordena_store_is_demo (store))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s comes from a demonstration: %u team is marked demonstracao=S (generated data, not "
                                "real). Nothing was imported; the database is as it was. Import the roster exported "
                                "from a real database, or the CNES base.",
                                "%s comes from a demonstration: %u teams are marked demonstracao=S (generated data, "
                                "not real). Nothing was imported; the database is as it was. Import the roster "
                                "exported from a real database, or the CNES base.",
                                g_hash_table_size (demo_ines)),
                   path, g_hash_table_size (demo_ines));
      return NULL;
    }
  if (!coordena_store_is_demo (store) && !refuse_unmarked_demo (path, ines, sp.uf_code, error))
    return NULL;
  for (guint i = 0; i < csv_report.warnings->len; i++)
    coordena_import_report_warn (report, g_strdup (csv_report.warnings->pdata[i]));

  if (cancelled (cancellable, error))
    return NULL;
  writer = coordena_roster_writer_new (store, "csv", error);
  if (writer == NULL || !coordena_store_begin (store, error))
    return NULL;
  if (!coordena_store_lock_import (store, error))
    {
      coordena_store_rollback (store);
      return NULL;
    }

  n_teams = coordena_roster_get_n_teams (roster);
  teams = coordena_roster_get_teams (roster);
  profs = coordena_roster_get_professionals (roster);
  prof_ids = g_new0 (gint64, coordena_roster_get_n_professionals (roster));
  for (guint i = 0; i < n_teams; i++)
    {
      const CoordenaRosterTeam *t = &teams[i];
      const CoordenaRosterMonth *months;
      guint n_months, stratum;
      CoordenaWriterTeam wt = { 0 };
      gint64 team_id, base = COORDENA_BASE_UNKNOWN;

      months = coordena_roster_team_months (roster, t, &n_months);
      wt.ine = t->ine;
      wt.ibge7 = t->ibge;
      wt.cnes = t->cnes;
      wt.tp_equipe = n_months > 0 ? tp_equipe_for (months[n_months - 1].type, raw_types, t->ine) : NULL;
      wt.demo = g_hash_table_contains (demo_ines, t->ine);
      team_id = coordena_roster_writer_team (writer, &wt, error);
      if (team_id == 0)
        goto fail;

      stratum = coordena_roster_get_ied_stratum (roster, t->ibge);
      if (stratum != 0 && g_hash_table_add (strata_done, (gpointer) t->ibge))
        {
          if (!coordena_roster_writer_stratum (writer, t->ibge, stratum, error))
            goto fail;
        }

      for (guint k = 0; k < n_months; k++)
        {
          const CoordenaRosterMonth *month = &months[k];
          const CoordenaRosterMember *members;
          guint n_members;

          if (!coordena_roster_writer_team_month (writer, team_id, month->competencia, month->type, month->flags, error))
            goto fail;
          /* The store keeps one base per team: the latest competência that gives one. */
          if (month->base_centavos != COORDENA_BASE_UNKNOWN)
            base = month->base_centavos;
          members = coordena_roster_month_members (roster, month, &n_members);
          for (guint j = 0; j < n_members; j++)
            {
              const CoordenaRosterMember *m = &members[j];
              const CoordenaRosterProfessional *p = &profs[m->professional];

              if (prof_ids[m->professional] == 0
                  && (prof_ids[m->professional] = coordena_roster_writer_professional (writer, p->cns, p->name,
                                                                                      error)) == 0)
                goto fail;
              if (m->category == COORDENA_CATEGORY_NONE && coordena_reference_cbo_title (ref, m->cbo) == NULL
                  && !g_hash_table_contains (warned_cbo, m->cbo))
                {
                  g_hash_table_add (warned_cbo, (gpointer) m->cbo);
                  coordena_import_report_warn (report, g_strdup_printf (_("%s: unknown CBO %s (team %s)"), path,
                                                                        m->cbo, t->ine));
                }
              if (!coordena_roster_writer_member (writer, team_id, month->competencia, prof_ids[m->professional],
                                                  m->cbo, m->hours, error))
                goto fail;
            }
        }
      if (base != COORDENA_BASE_UNKNOWN ? !coordena_roster_writer_team_base (writer, team_id, base, error)
                                        : !coordena_roster_writer_team_drop_imported_base (writer, team_id, error))
        goto fail;
      if (i % 256 == 255)
        {
          if (cancelled (cancellable, error))
            goto fail;
          if (progress != NULL)
            progress ((double) (i + 1) / n_teams, _("Writing the teams"), user_data);
        }
    }
  /* The file gives the whole of each competência it holds. */
  for (guint i = 0; i < n_teams; i++)
    {
      const CoordenaRosterMonth *months;
      guint n_months;

      months = coordena_roster_team_months (roster, &teams[i], &n_months);
      for (guint k = 0; k < n_months; k++)
        coordena_roster_writer_cover (writer, months[k].competencia);
    }
  if (!coordena_roster_writer_finish (writer, report, error))
    goto fail;
  coordena_roster_writer_fill_report (writer, report);
  if (!coordena_import_report_duplicidades (store, report, error))
    goto fail;
  report->elapsed = g_timer_elapsed (timer, NULL);
  if (!coordena_import_audit (store, "import-roster", report, error) || !coordena_store_commit (store, error))
    goto fail;
  report->elapsed = g_timer_elapsed (timer, NULL);
  if (progress != NULL)
    progress (1.0, _("Done"), user_data);
  return g_steal_pointer (&report);

fail:
  coordena_store_rollback (store);
  return NULL;
}
