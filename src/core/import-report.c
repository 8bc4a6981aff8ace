/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import-report.c — what an import tells the user: counts, skipped rows, warnings, duplicidades,
 * and its line in the audit log. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/duplicidade.h>
#include <coordena/error.h>
#include <coordena/ids.h>
#include <coordena/format.h>
#include <coordena/import.h>

#include "import-private.h"
#include "store-internal.h"

/* How many skipped rows and warnings a report keeps as text; the counts cover all. */
#define REPORT_MAX_LINES 200

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
