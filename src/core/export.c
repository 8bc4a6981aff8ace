/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export.c — the roster interchange CSV and a teams table for spreadsheets, out of the store. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include <coordena/csv-writer.h>
#include <coordena/error.h>
#include <coordena/export.h>
#include <coordena/format.h>

#include "store-internal.h"

gboolean
coordena_write_file_private (const char *path, const char *contents, gsize length, GError **error)
{
  g_autoptr(GError) local = NULL;

  if (!g_file_set_contents_full (path, contents, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_IO, _("Cannot write %s: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}

/* One cell through the product's one CSV writer: quoted when needed, formulas made inert. */
static void
cell (GString *out, const char *text, char sep)
{
  coordena_csv_append_cell (out, text, ';', sep);
}

/* "16833,33": a plain number with a decimal comma, as pt-BR spreadsheets read it. */
static char *
plain_money (gint64 centavos)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ",%02d", centavos / 100, (int) (centavos % 100));
}

/* The type as the roster CSV writes it; teams not evaluated keep the type they were read with. */
static const char *
csv_type (const char *tipo, const char *tp_equipe)
{
  static const char *const others[] = { "esb", "emulti", "ecr", "eapp", "esfr", NULL };

  if (!g_str_equal (tipo, "outra"))
    return tipo;
  if (tp_equipe != NULL && strlen (tp_equipe) == 2 && g_ascii_isdigit (tp_equipe[0]) && g_ascii_isdigit (tp_equipe[1])
      && !g_str_equal (tp_equipe, "70") && !g_str_equal (tp_equipe, "76"))
    return tp_equipe;
  if (tp_equipe != NULL && g_strv_contains (others, tp_equipe))
    return tp_equipe;
  return "esb";
}

/* One line of the roster CSV. */
static gboolean
roster_line (const CoordenaStoreRosterRow *row, gpointer data)
{
  GString *out = data;
  g_autofree char *comp = g_strdup_printf ("%06u", row->competencia);
  g_autofree char *hours = NULL;
  g_autofree char *base = NULL;
  g_autofree char *stratum = NULL;
  gboolean member = row->cns != NULL;

  if (member)
    hours = g_strdup_printf ("%d", row->horas);
  if (row->has_base)
    base = plain_money (row->valor_base);
  if (row->has_stratum)
    stratum = g_strdup_printf ("%d", row->ied_estrato);
  cell (out, comp, ';');
  cell (out, row->ibge7, ';');
  cell (out, row->cnes, ';');
  cell (out, row->ine, ';');
  cell (out, csv_type (row->tipo, row->tp_equipe), ';');
  cell (out, member ? row->cns : "", ';');
  cell (out, member ? row->nome : "", ';');
  cell (out, member ? row->cbo : "", ';');
  cell (out, hours, ';');
  cell (out, row->provimento ? "S" : "N", ';');
  cell (out, base, ';');
  cell (out, stratum, ';');
  /* Not a column the roster reader needs: it marks generated data wherever the file goes. */
  cell (out, row->demo ? "S" : "N", '\n');
  return TRUE;
}

gboolean
coordena_export_roster_csv (CoordenaStore *store, const char *path, GError **error)
{
  g_autoptr(GString) out = g_string_new ("competencia;ibge;cnes;ine;tipo_equipe;cns;nome;cbo;carga_horaria;"
                                         "provimento;valor_base;estrato_ied;demonstracao\n");

  return coordena_store_check_output_path (store, path, error)
         && coordena_store_foreach_roster_row (store, roster_line, out, error)
         && coordena_write_file_private (path, out->str, out->len, error);
}

static char *
br_date (const char *iso)
{
  /* "2025-08-01" → "01/08/2025" */
  if (iso == NULL || strlen (iso) != 10)
    return g_strdup ("");
  return g_strdup_printf ("%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

gboolean
coordena_export_teams_csv (CoordenaStore *store, const char *path, GError **error)
{
  /* The people's sheet format of csv-writer.h: BOM, ';', CRLF, money with a decimal comma. */
  g_autoptr(GString) out = g_string_new (COORDENA_CSV_BOM);
  g_autoptr(GPtrArray) teams = NULL;
  gboolean demo;

  if (!coordena_store_check_output_path (store, path, error))
    return FALSE;
  teams = coordena_store_list_teams (store, NULL, error);
  if (teams == NULL)
    return FALSE;
  demo = coordena_store_is_demo (store);
  cell (out, "INE", ';');
  cell (out, "CNES", ';');
  cell (out, "IBGE", ';');
  cell (out, _("Municipality"), ';');
  cell (out, _("Type"), ';');
  cell (out, _("Name"), ';');
  cell (out, _("Activation"), ';');
  cell (out, _("Deactivation"), ';');
  cell (out, _("Last competência"), ';');
  cell (out, _("Members"), ';');
  cell (out, _("Base value (R$)"), ';');
  cell (out, _("Duplicidade"), ';');
  cell (out, _("Demonstration data"), 0);
  g_string_append (out, "\r\n");
  for (guint i = 0; i < teams->len; i++)
    {
      const CoordenaStoreTeam *t = teams->pdata[i];
      g_autofree char *ativ = br_date (t->dt_ativacao);
      g_autofree char *desat = br_date (t->dt_desativacao);
      g_autofree char *last = t->last_competencia != 0 ? coordena_competencia_format (t->last_competencia) : g_strdup ("");
      g_autofree char *members = g_strdup_printf ("%u", t->n_members);
      g_autofree char *base = t->base_centavos != COORDENA_BASE_UNKNOWN ? coordena_csv_money (t->base_centavos) : g_strdup ("");

      cell (out, t->ine, ';');
      cell (out, t->cnes, ';');
      cell (out, t->ibge7, ';');
      cell (out, t->municipio, ';');
      cell (out, t->type == COORDENA_TEAM_TYPE_OTHER ? _("not evaluated") : coordena_team_type_to_string (t->type), ';');
      cell (out, t->name, ';');
      cell (out, ativ, ';');
      cell (out, desat, ';');
      cell (out, last, ';');
      cell (out, members, ';');
      cell (out, base, ';');
      cell (out, t->duplicidade ? _("yes") : _("no"), ';');
      cell (out, (demo || t->demo) ? _("yes") : _("no"), 0);
      g_string_append (out, "\r\n");
    }
  return coordena_write_file_private (path, out->str, out->len, error);
}
