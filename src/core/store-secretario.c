/* store-secretario.c — the municipal secretaries of the municipal follow-up. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include <coordena/error.h>
#include <coordena/format.h>
#include <coordena/pdf.h>
#include <coordena/secretario.h>

#include "store-private.h"

void
coordena_secretario_municipal_free (CoordenaSecretarioMunicipal *s)
{
  if (s == NULL)
    return;
  g_free (s->nome);
  g_free (s);
}

gboolean
coordena_secretario_municipal_check (const char *nome, const char *genero, GError **error)
{
  g_autofree char *name = g_strstrip (g_strdup (nome != NULL ? nome : ""));

  if (*name == '\0')
    return TRUE;
  if (!coordena_text_check_plain (_("the municipal secretary’s name"), name, error))
    return FALSE;
  if (genero == NULL || (g_strcmp0 (genero, "F") != 0 && g_strcmp0 (genero, "M") != 0))
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("The municipal secretary’s gender must be F or M (it gives “Senhora Secretária” or “Senhor "
                     "Secretário” in the letters), not “%s”"), genero != NULL ? genero : "");
      return FALSE;
    }
  /* The letters print the name: refuse now what their font cannot hold, not at the first letter. */
  {
    g_autofree char *encoded = coordena_pdf_encode (name, _("the municipal secretary’s name"), error);

    return encoded != NULL;
  }
}

gboolean
coordena_secretario_municipal_set (CoordenaStore *store, const char *ibge, const char *nome, const char *genero,
                                   GError **error)
{
  g_autofree char *ibge7 = coordena_store_lookup_ibge7 (store, ibge);
  g_autofree char *name = g_strstrip (g_strdup (nome != NULL ? nome : ""));
  g_autofree char *after = NULL;
  guint uf = coordena_store_get_uf_code (store);
  CoordenaSqlStmt *stmt;
  gboolean ok;

  if (uf == 0 || ibge7 == NULL || (guint) g_ascii_strtoull (ibge7, NULL, 10) / 100000 != uf)
    {
      g_set_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT,
                   _("“%s” is not the IBGE code of a municipality of this state"), ibge != NULL ? ibge : "");
      return FALSE;
    }
  if (!coordena_secretario_municipal_check (name, genero, error))
    return FALSE;

  if (!coordena_store_begin (store, error))
    return FALSE;
  stmt = coordena_store_prepare (store,
                                 *name != '\0'
                                   ? "INSERT INTO municipio_secretario (ibge7, nome, genero) VALUES (?1, ?2, ?3) "
                                     "ON CONFLICT (ibge7) DO UPDATE SET nome = ?2, genero = ?3"
                                   : "DELETE FROM municipio_secretario WHERE ibge7 = ?1",
                                 error);
  if (stmt == NULL)
    {
      coordena_store_rollback (store);
      return FALSE;
    }
  coordena_sql_bind_text (stmt, 1, ibge7);
  if (*name != '\0')
    {
      g_autofree char *n = coordena_json_string (name);

      coordena_sql_bind_text (stmt, 2, name);
      coordena_sql_bind_text (stmt, 3, genero);
      after = g_strdup_printf ("{\"nome\":%s,\"genero\":\"%s\"}", n, genero);
    }
  ok = coordena_store_step_done (store, stmt, error);
  coordena_sql_finalize (stmt);
  if (!ok || !coordena_store_audit (store, "secretario-municipal", ibge7, NULL, after, error)
      || !coordena_store_commit (store, error))
    {
      coordena_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

CoordenaSecretarioMunicipal *
coordena_secretario_municipal_get (CoordenaStore *store, const char *ibge7, GError **error)
{
  CoordenaSecretarioMunicipal *s = NULL;
  CoordenaSqlStmt *stmt = coordena_store_prepare (store, "SELECT nome, genero FROM municipio_secretario WHERE ibge7 = ?1",
                                               error);
  int rc;

  if (stmt == NULL)
    return NULL;
  coordena_sql_bind_text (stmt, 1, ibge7);
  rc = coordena_sql_step (stmt);
  if (rc == COORDENA_SQL_ROW)
    {
      s = g_new0 (CoordenaSecretarioMunicipal, 1);
      s->nome = g_strdup ((const char *) coordena_sql_column_text (stmt, 0));
      s->gender = *(const char *) coordena_sql_column_text (stmt, 1);
    }
  else if (rc != COORDENA_SQL_DONE)
    coordena_store_set_error (store, error, _("reading the municipal secretary"));
  coordena_sql_finalize (stmt);
  return s;
}
