/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-duplicidade.c — the professionals the database holds in two eSF in one competência; the
 * same check over a roster in memory stays in duplicidade.c. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/duplicidade.h>

#include "store-private.h"

GPtrArray *
coordena_store_list_duplicidades (CoordenaStore *store, CoordenaCompetencia competencia, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_duplicidade_free);
  CoordenaSqlStmt *stmt;
  int rc;

  stmt = coordena_store_prepare (store,
    "WITH seats AS ("
    "  SELECT DISTINCT v.competencia, v.profissional_id, e.ine FROM vinculo v"
    "  JOIN equipe_competencia ec ON ec.equipe_id = v.equipe_id AND ec.competencia = v.competencia"
    "  JOIN equipe e ON e.id = v.equipe_id"
    "  WHERE ec.tipo = 'eSF' AND (?1 = 0 OR v.competencia = ?1)"
    "), dups AS ("
    "  SELECT competencia, profissional_id FROM seats GROUP BY competencia, profissional_id HAVING count (*) > 1"
    ") "
    "SELECT s.competencia, p.cns, p.nome, s.ine FROM seats s"
    " JOIN dups d ON d.competencia = s.competencia AND d.profissional_id = s.profissional_id"
    " JOIN profissional p ON p.id = s.profissional_id"
    " ORDER BY s.competencia, p.cns, s.ine", error);
  if (stmt == NULL)
    return NULL;
  coordena_sql_bind_int (stmt, 1, (int) competencia);
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      CoordenaCompetencia c = (CoordenaCompetencia) coordena_sql_column_int (stmt, 0);
      const char *cns = (const char *) coordena_sql_column_text (stmt, 1);
      CoordenaDuplicidade *last = list->len > 0 ? list->pdata[list->len - 1] : NULL;

      if (last == NULL || last->competencia != c || g_strcmp0 (last->cns, cns) != 0)
        {
          last = g_new0 (CoordenaDuplicidade, 1);
          last->competencia = c;
          g_strlcpy (last->cns, cns, sizeof last->cns);
          last->name = coordena_store_column_dup (stmt, 2);
          last->ines = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (list, last);
        }
      g_ptr_array_add (last->ines, coordena_store_column_dup (stmt, 3));
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (store, error, _("reading the professionals in two eSF"));
      return NULL;
    }
  return g_steal_pointer (&list);
}
