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
  CoordenaSqlStmt *stmt;
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
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      gboolean member = !coordena_sql_column_is_null (stmt, 6);
      CoordenaStoreRosterRow row = {
        .competencia = (CoordenaCompetencia) coordena_sql_column_int (stmt, 0),
        .ibge7 = (const char *) coordena_sql_column_text (stmt, 1),
        .cnes = (const char *) coordena_sql_column_text (stmt, 2),
        .ine = (const char *) coordena_sql_column_text (stmt, 3),
        .tipo = (const char *) coordena_sql_column_text (stmt, 4),
        .tp_equipe = (const char *) coordena_sql_column_text (stmt, 5),
        .cns = member ? (const char *) coordena_sql_column_text (stmt, 6) : NULL,
        .nome = member ? (const char *) coordena_sql_column_text (stmt, 7) : NULL,
        .cbo = member ? (const char *) coordena_sql_column_text (stmt, 8) : NULL,
        .horas = coordena_sql_column_int (stmt, 9),
        .provimento = coordena_sql_column_int (stmt, 10) != 0,
        .has_base = !coordena_sql_column_is_null (stmt, 11),
        .valor_base = coordena_sql_column_int64 (stmt, 11),
        .has_stratum = !coordena_sql_column_is_null (stmt, 12),
        .ied_estrato = coordena_sql_column_int (stmt, 12),
        .demo = coordena_sql_column_int (stmt, 13) != 0,
      };

      if (!func (&row, data))
        break;
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE && rc != COORDENA_SQL_ROW)
    return coordena_store_set_error (store, error, _("reading the roster"));
  return TRUE;
}
