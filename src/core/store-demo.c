/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-demo.c — what the demonstration roster asks of the database beyond the roster writer;
 * demo.c plans the data and runs the transaction. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "store-private.h"

gboolean
coordena_store_has_real_teams (CoordenaStore *store, gboolean *has_real, GError **error)
{
  CoordenaSqlStmt *real = coordena_store_prepare (store, "SELECT count (*) FROM equipe WHERE demo = 0", error);
  int rc;

  *has_real = FALSE;
  if (real == NULL)
    return FALSE;
  rc = coordena_sql_step (real);
  *has_real = rc == COORDENA_SQL_ROW && coordena_sql_column_int (real, 0) > 0;
  coordena_sql_finalize (real);
  if (rc != COORDENA_SQL_ROW)
    return coordena_store_set_error (store, error, _("reading the teams"));
  return TRUE;
}

gboolean
coordena_store_set_stratum_if_unknown (CoordenaStore *store, const char *ibge7, guint stratum, GError **error)
{
  CoordenaSqlStmt *stmt = coordena_store_prepare (store,
                                               "UPDATE municipio SET ied_estrato = ?2 "
                                               "WHERE ibge7 = ?1 AND ied_estrato IS NULL", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  coordena_store_bind_text (stmt, 1, ibge7);
  coordena_sql_bind_int (stmt, 2, (int) stratum);
  ok = coordena_store_step_done (store, stmt, error);
  coordena_sql_finalize (stmt);
  return ok;
}
