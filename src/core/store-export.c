/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-export.c — the roster as the interchange CSV reads it, row by row; export.c writes the
 * file. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "store-private.h"

gboolean
coordena_store_foreach_roster_row (CoordenaStore *store, CoordenaStoreRosterRowFunc func, gpointer data,
                                   GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Every team-month, with its members or, when it has none, one row without a member. */
  stmt = coordena_store_prepare (store,
    "SELECT ec.competencia, e.ibge7, e.cnes, e.ine, ec.tipo, e.tp_equipe, p.cns, p.nome, v.cbo, v.horas, "
    "       ec.provimento, e.valor_base, m.ied_estrato, e.demo "
    "FROM equipe_competencia ec JOIN equipe e ON e.id = ec.equipe_id JOIN municipio m ON m.ibge7 = e.ibge7 "
    "LEFT JOIN vinculo v ON v.equipe_id = ec.equipe_id AND v.competencia = ec.competencia "
    "LEFT JOIN profissional p ON p.id = v.profissional_id "
    "ORDER BY ec.competencia, e.ine, p.cns, v.cbo", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean member = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
      CoordenaStoreRosterRow row = {
        .competencia = (CoordenaCompetencia) sqlite3_column_int (stmt, 0),
        .ibge7 = (const char *) sqlite3_column_text (stmt, 1),
        .cnes = (const char *) sqlite3_column_text (stmt, 2),
        .ine = (const char *) sqlite3_column_text (stmt, 3),
        .tipo = (const char *) sqlite3_column_text (stmt, 4),
        .tp_equipe = (const char *) sqlite3_column_text (stmt, 5),
        .cns = member ? (const char *) sqlite3_column_text (stmt, 6) : NULL,
        .nome = member ? (const char *) sqlite3_column_text (stmt, 7) : NULL,
        .cbo = member ? (const char *) sqlite3_column_text (stmt, 8) : NULL,
        .horas = sqlite3_column_int (stmt, 9),
        .provimento = sqlite3_column_int (stmt, 10) != 0,
        .has_base = sqlite3_column_type (stmt, 11) != SQLITE_NULL,
        .valor_base = sqlite3_column_int64 (stmt, 11),
        .has_stratum = sqlite3_column_type (stmt, 12) != SQLITE_NULL,
        .ied_estrato = sqlite3_column_int (stmt, 12),
        .demo = sqlite3_column_int (stmt, 13) != 0,
      };

      if (!func (&row, data))
        break;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return coordena_store_set_error (store, error, _("reading the roster"));
  return TRUE;
}
