/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-access.c — what the window asks before it offers to change anything: may this connection
 * write, and what the server is. A reader on the server (role leitura) gets screens that only show,
 * rather than a refusal when saving. */
#include "config.h"

#include <coordena/store.h>

#include "store-private.h"
#include "store-sql.h"

gboolean
coordena_store_can_write (CoordenaStore *store)
{
  CoordenaSqlStmt *stmt;
  gboolean can = FALSE;

  g_return_val_if_fail (store != NULL, FALSE);

  /* A file is opened for writing or not at all (a read-only file is refused when opened). */
  if (coordena_store_engine (store) != COORDENA_SQL_POSTGRESQL)
    return TRUE;
  /* Every action that changes data leaves its row in the audit log: who may not add one may not
   * change anything. */
  stmt = coordena_store_prepare (store, "SELECT has_table_privilege ('auditoria', 'INSERT')", NULL);
  if (stmt == NULL)
    return FALSE;
  if (coordena_sql_step (stmt) == COORDENA_SQL_ROW)
    can = coordena_sql_column_int (stmt, 0) != 0;
  coordena_sql_finalize (stmt);
  return can;
}

char *
coordena_store_server_version (CoordenaStore *store)
{
  CoordenaSqlStmt *stmt;
  char *version = NULL;

  g_return_val_if_fail (store != NULL, NULL);

  if (coordena_store_engine (store) != COORDENA_SQL_POSTGRESQL
      || (stmt = coordena_store_prepare (store, "SELECT current_setting ('server_version')", NULL)) == NULL)
    return NULL;
  if (coordena_sql_step (stmt) == COORDENA_SQL_ROW)
    version = coordena_sql_column_dup (stmt, 0);
  coordena_sql_finalize (stmt);
  return version;
}

char *
coordena_store_server_user (CoordenaStore *store)
{
  g_return_val_if_fail (store != NULL, NULL);

  return coordena_sql_conn_user (coordena_store_get_conn (store));
}

gboolean
coordena_store_is_server_name (const char *name)
{
  return coordena_sql_is_server_name (name);
}
