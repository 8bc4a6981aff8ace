/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-strata.c — the municipalities' IED strata, read for the money settings. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <coordena/strata.h>

#include "store-private.h"

void
coordena_municipio_stratum_free (CoordenaMunicipioStratum *m)
{
  if (m == NULL)
    return;
  g_free (m->ibge7);
  g_free (m->nome);
  g_free (m);
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  const CoordenaMunicipioStratum *x = *(CoordenaMunicipioStratum **) a;
  const CoordenaMunicipioStratum *y = *(CoordenaMunicipioStratum **) b;

  return g_utf8_collate (x->nome, y->nome);
}

GPtrArray *
coordena_strata_list (CoordenaStore *store, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_municipio_stratum_free);
  guint uf = coordena_store_get_uf_code (store);
  CoordenaSqlStmt *stmt;
  int rc;

  if (uf == 0)
    {
      g_autofree char *none = coordena_store_require_uf (store, error);
      return NULL;
    }
  stmt = coordena_store_prepare (store,
                                 "SELECT m.ibge7, m.nome, coalesce (m.ied_estrato, 0), "
                                 "(SELECT count (*) FROM equipe e WHERE e.ibge7 = m.ibge7) "
                                 "FROM municipio m WHERE m.uf_codigo = ?1", error);
  if (stmt == NULL)
    return NULL;
  coordena_sql_bind_int (stmt, 1, (int) uf);
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      CoordenaMunicipioStratum *m = g_new0 (CoordenaMunicipioStratum, 1);

      m->ibge7 = coordena_store_column_dup (stmt, 0);
      m->nome = coordena_store_column_dup (stmt, 1);
      m->stratum = (guint) coordena_sql_column_int (stmt, 2);
      m->n_teams = (guint) coordena_sql_column_int (stmt, 3);
      g_ptr_array_add (list, m);
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (store, error, _("listing the municipalities’ IED strata"));
      return NULL;
    }
  g_ptr_array_sort (list, compare_names);
  return g_steal_pointer (&list);
}
