/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-numbering.c — the database's record of issued numbers (numero_emitido) and the counter
 * (numeracao); numbering.c keeps the rules and the register beside the file. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "store-private.h"

/* Every number issued in a sequence and year, with its date: numbers restart each year, so the
 * order of dates is kept within one year's numbers. */
GPtrArray *
coordena_store_numbering_list (CoordenaStore *store, const char *sequence, guint year, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) coordena_issued_number_free);
  CoordenaSqlStmt *stmt;
  int rc;

  stmt = coordena_store_prepare (store,
                                 "SELECT numero, data, documento, origem FROM numero_emitido WHERE sequencia = ?1 "
                                 "AND ano = ?2 ORDER BY numero", error);
  if (stmt == NULL)
    return NULL;
  coordena_sql_bind_text (stmt, 1, sequence);
  coordena_sql_bind_int (stmt, 2, (int) year);
  while ((rc = coordena_sql_step (stmt)) == COORDENA_SQL_ROW)
    {
      CoordenaIssuedNumber *issued = g_new0 (CoordenaIssuedNumber, 1);
      const char *origin = (const char *) coordena_sql_column_text (stmt, 3);

      issued->sequence = g_strdup (sequence);
      issued->year = year;
      issued->number = (guint) coordena_sql_column_int64 (stmt, 0);
      issued->date = coordena_store_column_dup (stmt, 1);
      issued->document = coordena_store_column_dup (stmt, 2);
      issued->origin = g_strcmp0 (origin, "registrado") == 0  ? COORDENA_NUMBER_REGISTERED
                       : g_strcmp0 (origin, "informado") == 0 ? COORDENA_NUMBER_GIVEN
                                                              : COORDENA_NUMBER_COUNTER;
      g_ptr_array_add (list, issued);
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_DONE)
    {
      coordena_store_set_error (store, error, _("reading the issued numbers"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
coordena_store_numbering_find (CoordenaStore *store, const char *sequence, guint year, guint number, char **document,
                               char **date, gboolean *found, GError **error)
{
  CoordenaSqlStmt *stmt = coordena_store_prepare (store,
                                               "SELECT documento, data FROM numero_emitido WHERE sequencia = ?1 "
                                               "AND ano = ?2 AND numero = ?3", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  coordena_sql_bind_text (stmt, 1, sequence);
  coordena_sql_bind_int (stmt, 2, (int) year);
  coordena_sql_bind_int (stmt, 3, (int) number);
  rc = coordena_sql_step (stmt);
  *found = rc == COORDENA_SQL_ROW;
  if (*found)
    {
      *document = coordena_store_column_dup (stmt, 0);
      *date = coordena_store_column_dup (stmt, 1);
    }
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_ROW && rc != COORDENA_SQL_DONE)
    return coordena_store_set_error (store, error, _("reading the issued numbers"));
  return TRUE;
}

gboolean
coordena_store_numbering_last_counted (CoordenaStore *store, const char *sequence, guint year, guint *last,
                                       GError **error)
{
  CoordenaSqlStmt *stmt = coordena_store_prepare (store,
                                               "SELECT CASE WHEN c > e THEN c ELSE e END FROM ("
                                               "SELECT COALESCE ((SELECT ultimo FROM numeracao WHERE sequencia = ?1 "
                                               "AND ano = ?2), 0) AS c, COALESCE ((SELECT MAX (numero) FROM numero_emitido "
                                               "WHERE sequencia = ?1 AND ano = ?2 AND origem = 'contador'), 0) AS e) AS t",
                                               error);
  int rc;

  *last = 0;
  if (stmt == NULL)
    return FALSE;
  /* On a server several people issue numbers at once: the one who reads the last number holds the
   * sequence and year until the transaction that records the next one ends. */
  if (coordena_store_is_server (store))
    {
      g_autofree char *year_text = g_strdup_printf ("%u", year);
      CoordenaSqlStmt *lock = coordena_store_prepare (store,
                                                      "SELECT pg_advisory_xact_lock (hashtext ("
                                                      "'coordena numeracao ' || ?1::text || ' ' || ?2::text))", error);

      if (lock == NULL)
        {
          coordena_sql_finalize (stmt);
          return FALSE;
        }
      coordena_sql_bind_text (lock, 1, sequence);
      coordena_sql_bind_text (lock, 2, year_text);
      rc = coordena_sql_step (lock);
      coordena_sql_finalize (lock);
      if (rc == COORDENA_SQL_ERROR)
        {
          coordena_sql_finalize (stmt);
          return coordena_store_set_error (store, error, _("reading the ofício numbering"));
        }
    }
  coordena_sql_bind_text (stmt, 1, sequence);
  coordena_sql_bind_int (stmt, 2, (int) year);
  rc = coordena_sql_step (stmt);
  if (rc == COORDENA_SQL_ROW)
    *last = (guint) coordena_sql_column_int64 (stmt, 0);
  coordena_sql_finalize (stmt);
  if (rc != COORDENA_SQL_ROW)
    return coordena_store_set_error (store, error, _("reading the ofício numbering"));
  return TRUE;
}

gboolean
coordena_store_numbering_record (CoordenaStore *store, const CoordenaIssuedNumber *issued, GError **error)
{
  CoordenaSqlStmt *stmt;
  gboolean ok;

  stmt = coordena_store_prepare (store,
                                 "INSERT INTO numero_emitido (sequencia, ano, numero, data, origem, documento, sha256, "
                                 "criado_em) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  coordena_sql_bind_text (stmt, 1, issued->sequence);
  coordena_sql_bind_int (stmt, 2, (int) issued->year);
  coordena_sql_bind_int (stmt, 3, (int) issued->number);
  coordena_sql_bind_text (stmt, 4, issued->date);
  coordena_sql_bind_text (stmt, 5, coordena_number_origin_to_string (issued->origin));
  coordena_sql_bind_text (stmt, 6, issued->document);
  coordena_store_bind_text (stmt, 7, issued->sha256);
  coordena_sql_bind_text (stmt, 8, issued->recorded_at);
  ok = coordena_store_step_done (store, stmt, error);
  coordena_sql_finalize (stmt);
  if (!ok)
    return FALSE;
  if (issued->origin != COORDENA_NUMBER_COUNTER)
    return TRUE;
  stmt = coordena_store_prepare (store,
                                 "INSERT INTO numeracao (sequencia, ano, ultimo) VALUES (?1, ?2, ?3) "
                                 "ON CONFLICT (sequencia, ano) DO UPDATE SET ultimo = CASE WHEN excluded.ultimo > numeracao.ultimo "
                                 "THEN excluded.ultimo ELSE numeracao.ultimo END",
                                 error);
  if (stmt == NULL)
    return FALSE;
  coordena_sql_bind_text (stmt, 1, issued->sequence);
  coordena_sql_bind_int (stmt, 2, (int) issued->year);
  coordena_sql_bind_int (stmt, 3, (int) issued->number);
  ok = coordena_store_step_done (store, stmt, error);
  coordena_sql_finalize (stmt);
  return ok;
}

gboolean
coordena_store_numbering_set_counter (CoordenaStore *store, const char *sequence, guint year, guint last,
                                      GError **error)
{
  CoordenaSqlStmt *stmt;
  gboolean ok;

  stmt = coordena_store_prepare (store,
                                 "INSERT INTO numeracao (sequencia, ano, ultimo) VALUES (?1, ?2, ?3) "
                                 "ON CONFLICT (sequencia, ano) DO UPDATE SET ultimo = excluded.ultimo", error);
  if (stmt == NULL)
    return FALSE;
  coordena_sql_bind_text (stmt, 1, sequence);
  coordena_sql_bind_int (stmt, 2, (int) year);
  coordena_sql_bind_int (stmt, 3, (int) last);
  ok = coordena_store_step_done (store, stmt, error);
  coordena_sql_finalize (stmt);
  return ok;
}
